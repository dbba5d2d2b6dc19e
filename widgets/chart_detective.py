"""Chart detective: name the trick in four charts an assistant made, then redraw each honestly.

Module 7 ("Misleading charts"). Each learner gets seeded data and four charts, each with one
planted trick from Bergstrom and West, *Calling Bullshit* (2020), chapter on data visualization: y
axis cut short so that it starts far above 0 (a *truncated* axis), two y axes, a *cherry-picked*
time window (a stretch chosen because it suits the story), and symbols sized by radius instead of
area. The learner names each chart's trick (the first answer counts), then redraws the chart,
either with the view's controls or with their own matplotlib code through
:meth:`ChartDetective.submit_redraw`. A redraw is judged from the figure's own properties by the
pure checks in :mod:`thinktwice.widgets.chart_checks`; the evidence log keeps what the checks read
from the figure, and the verdict is recomputed from it on replay.

This module is the model (pure Python); ``_chart_detective_view`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action

# Not "from . import chart_checks": that looks the name up on the package first, and the
# package's lazy __getattr__ would then list the activities while this module is half imported,
# leaving ChartDetective out of the cached list for the rest of the process.
from .chart_checks import (
    check_full_window,
    check_proportional_sizes,
    check_single_y_axis,
    check_zero_baseline,
    extract,
)
from .i18n import N_, _
from .judgement import Judgement
from .style import CATEGORY_COLOURS, PALETTE, new_figure

#: The planted tricks, in the order the view offers them.
TRICKS = ("truncated-axis", "dual-axes", "cherry-picked", "area-distortion")
#: The layouts of the two-series chart: overlaid on two y axes (the trick), two panels, or both
#: series as a change since the first month on one shared axis.
LAYOUTS = ("twin", "panels", "change")
#: What grows with the value in the size chart: the symbol's radius (the trick), its area, or a
#: bar's length.
ENCODINGS = ("radius", "area", "length")


#: Naming a chart's trick: one answer per chart, the first counts; the right one is the chart's.
TRICK_QUESTION = Judgement(
    N_("Which trick does this chart use?"),
    [
        ("truncated-axis", N_("Truncated y axis")),
        ("dual-axes", N_("Two y axes")),
        ("cherry-picked", N_("Cherry-picked time window")),
        ("area-distortion", N_("Size by radius, not area")),
    ],
)
assert tuple(TRICK_QUESTION.keys()) == TRICKS


def trick_definition(trick: str) -> str:
    """What a trick is, in plain words (shown before the learner names any)."""
    return {
        "truncated-axis": _(
            "the y axis (the scale up the side of the chart) is cut short: it starts far above 0."
        ),
        "dual-axes": _("two lines share one plot, but each has its own y axis with its own scale."),
        "cherry-picked": _(
            "only a stretch of time picked because it suits the story is shown; the rest of the "
            "data is left out."
        ),
        "area-distortion": _(
            "each value sets a circle's radius (its width), not its area (how big it looks)."
        ),
    }[trick]


def trick_explanation(trick: str) -> str:
    """One sentence on how a trick misleads (shown once the learner has named it)."""
    return {
        "truncated-axis": _(
            "The y axis starts far above 0, so small differences between the bars look huge."
        ),
        "dual-axes": _(
            "Each series has its own y axis, stretched so that the two lines seem to rise together."
        ),
        "cherry-picked": _(
            "Only a short stretch of the data is shown, the one where the trend reverses."
        ),
        "area-distortion": _(
            "The circles' radius grows with the value, so their area (what the eye compares) "
            "grows much faster: twice the value looks four times as big."
        ),
    }[trick]


@dataclass(frozen=True)
class Chart:
    """The data behind one chart and its planted trick.

    Parameters
    ----------
    trick : str
        One of :data:`TRICKS`.
    x : tuple
        Category names (bars, symbols) or month numbers (lines).
    y : tuple of float
        The values (the first series).
    y2 : tuple of float
        The second series of the two-axes chart; empty otherwise.
    tricked : dict
        The settings of :meth:`ChartDetective.redraw_figure` that draw the assistant's version.
    """

    trick: str
    x: tuple
    y: tuple[float, ...]
    y2: tuple[float, ...] = ()
    tricked: dict[str, Any] = field(default_factory=dict)


#: Month names, as the café's sales chart labels its bars.
MONTHS = (
    N_("Jan"),
    N_("Feb"),
    N_("Mar"),
    N_("Apr"),
    N_("May"),
    N_("Jun"),
    N_("Jul"),
    N_("Aug"),
    N_("Sep"),
    N_("Oct"),
    N_("Nov"),
    N_("Dec"),
)


@dataclass(frozen=True)
class SalesClaim:
    """A year of the school café's sales, and the claim an assistant drew from half of it.

    The assistant's chart shows only July to December, the stretch that starts at the year's
    lowest month, with the y axis starting at ``axis_start``, so that December's bar stands about
    three times as tall as July's ("sales tripled"). Over the whole year, sales end about where
    they began.

    Parameters
    ----------
    months : tuple of str
        The twelve month names, January first.
    sales : tuple of int
        Reusable cups sold in each month.
    axis_start : int
        Where the assistant's y axis starts.
    first : int
        The index in ``months`` of the first month the assistant shows (6, July).
    """

    months: tuple[str, ...]
    sales: tuple[int, ...]
    axis_start: int
    first: int = 6


def _sales_claim(rng) -> SalesClaim:
    base = 10 * int(rng.integers(45, 56))
    spring = base * (1 + rng.uniform(-0.03, 0.06, 6))
    spring[0] = base * (1 + rng.uniform(-0.03, 0.03))
    july = base * rng.uniform(0.72, 0.8)
    december = base * rng.uniform(0.98, 1.04)
    autumn = np.linspace(july, december, 6) + np.r_[0, rng.normal(0, 0.01 * base, 4), 0]
    sales = tuple(int(round(v)) for v in np.r_[spring, autumn])
    july, december = sales[6], sales[11]
    axis_start = 10 * round((3 * july - december) / 20)
    return SalesClaim(tuple(_(m) for m in MONTHS), sales, axis_start)


@dataclass(frozen=True)
class RedrawResult:
    """The verdict on one redraw: whether it passes and what the checks found wrong."""

    passed: bool
    problems: tuple[str, ...]
    summary: dict[str, Any]


def _truncated(rng) -> Chart:
    values = 70 + np.sort(rng.choice(np.arange(0, 13), size=4, replace=False))
    values = tuple(float(v) for v in rng.permutation(values))
    apps = ("Quizly", "StudyOwl", "Brainbox", "NoteNinja")
    start = float(min(values) - 2)
    return Chart("truncated-axis", apps, values, tricked={"y_start": start})


def _dual(rng) -> Chart:
    months = tuple(range(1, 13))
    hours = 1.0 + 0.35 * np.arange(12) + rng.normal(0, 0.15, 12)
    scores = 62.0 + 0.15 * np.arange(12) + rng.normal(0, 0.2, 12)
    return Chart(
        "dual-axes",
        months,
        tuple(round(float(h), 1) for h in hours),
        tuple(round(float(s), 1) for s in scores),
        tricked={"layout": "twin"},
    )


def _cherry(rng) -> Chart:
    months = np.arange(1, 49)
    visits = 20 + 0.6 * months + 3 * np.sin(months * np.pi / 6) + rng.normal(0, 0.8, 48)
    start = int(rng.integers(10, 30))
    # A nine-month fall, recovered over the next six months: the only stretch that goes down.
    down = np.clip(months - start, 0, 9) * 1.6
    back = np.clip(months - start - 9, 0, 6) * 1.6 * 9 / 6
    dip = down - back
    visits = visits - dip
    return Chart(
        "cherry-picked",
        tuple(int(m) for m in months),
        tuple(round(float(v), 1) for v in visits),
        tricked={"window": (start, start + 9)},
    )


def _area(rng) -> Chart:
    base = int(rng.integers(10, 25))
    factors = (1.0, float(rng.choice([1.5, 2.0, 2.5])), float(rng.choice([3.0, 3.5, 4.0])))
    values = tuple(float(base * f) for f in factors)
    return Chart(
        "area-distortion", ("North", "Harbour", "Hilltop"), values, tricked={"encoding": "radius"}
    )


_MAKERS = {
    "truncated-axis": _truncated,
    "dual-axes": _dual,
    "cherry-picked": _cherry,
    "area-distortion": _area,
}


class ChartDetective(Activity):
    """Four charts with one planted trick each: name the trick, then redraw the chart honestly.

    Graded per chart: the trick named right (the first answer counts) and a redraw that passes the
    check of :mod:`~thinktwice.widgets.chart_checks` for that chart's trick (retries allowed).
    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    charts_ : list of Chart
        The learner's four charts, in their seeded order.
    claim_ : SalesClaim
        The learner's year of café sales behind the "sales tripled" claim (module 7 checks it;
        the view does not show it).
    named_ : dict
        The trick the learner named, by chart index.
    passed_ : set of int
        Charts with a redraw that passed.
    attempts_ : dict
        How many redraws the learner submitted, by chart index.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import ChartDetective
        ChartDetective().view()

    Once a chart's trick is named, the view also shows :meth:`code_example`: code that makes
    the learner's own ``ChartDetective``, draws that chart's numbers with matplotlib and submits
    the drawing, runnable as shown.

    Evidence kinds: ``"name"`` with ``{"chart": index, "trick": trick}`` and ``"redraw"`` with
    ``{"chart": index, "figure": summary}``, where ``summary`` is what
    :func:`~thinktwice.widgets.chart_checks.extract` read from the figure.

    Examples
    --------
    >>> import tempfile
    >>> detective = ChartDetective("aiko", folder=tempfile.mkdtemp()).start()
    >>> chart = detective.charts_[0]
    >>> detective.name_trick(0, chart.trick)
    True
    >>> honest = {"truncated-axis": {"y_start": 0}, "dual-axes": {"layout": "panels"},
    ...           "cherry-picked": {"window": (1, 48)}, "area-distortion": {"encoding": "area"}}
    >>> figure = detective.redraw_figure(0, **honest[chart.trick])
    >>> detective.submit_redraw(0, figure).passed
    True
    >>> detective.outcome().credit
    2
    """

    name = "chart-detective"
    view_class = "_chart_detective_view:ChartDetectiveView"

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        order = rng.permutation(len(TRICKS))
        self.charts_ = [_MAKERS[TRICKS[k]](rng) for k in order]
        # Its own stream, so that the four charts stay those of older evidence logs.
        self.claim_ = _sales_claim(np.random.default_rng([seed, 7]))
        self.named_: dict[int, str] = {}
        self.passed_: set[int] = set()
        self.attempts_: dict[int, int] = {}
        self.last_result_: dict[int, RedrawResult] = {}

    # -- interactions ---------------------------------------------------------------------------
    def _chart_index(self, data: dict) -> int:
        index = data.get("chart")
        if isinstance(index, bool) or not isinstance(index, int):
            raise ActivityError(_("Choose one of the charts."))
        if not 0 <= index < len(self.charts_):
            raise ActivityError(_("Choose one of the charts."))
        return index

    def _check(self, kind: str, data: dict) -> None:
        if kind not in ("name", "redraw"):
            raise unknown_action()
        index = self._chart_index(data)
        if kind == "name":
            TRICK_QUESTION.check(data.get("trick"), self.named_.get(index))
            return
        if index not in self.named_:
            raise ActivityError(_("Name this chart's trick before you redraw it."))
        try:
            self._judge(index, data.get("figure"))
        except (KeyError, TypeError, ValueError, IndexError) as error:
            raise ActivityError(_("This redraw could not be read.")) from error

    def _apply(self, kind: str, data: dict) -> Any:
        index = data["chart"]
        if kind == "name":
            self.named_[index] = data["trick"]
            return self.named_right(index)
        result = self._judge(index, data["figure"])
        self.attempts_[index] = self.attempts_.get(index, 0) + 1
        self.last_result_[index] = result
        if result.passed:
            self.passed_.add(index)
        return result

    def _judge(self, index: int, summary: dict) -> RedrawResult:
        """Judge a figure summary against the chart's data, by the chart's planted trick."""
        chart = self.charts_[index]
        if not isinstance(summary, dict) or not isinstance(summary["axes"], list):
            raise TypeError("not a figure summary")
        if chart.trick == "truncated-axis":
            problems = check_zero_baseline(summary, chart.y)
        elif chart.trick == "dual-axes":
            problems = check_single_y_axis(summary, series=2)
        elif chart.trick == "cherry-picked":
            problems = check_full_window(summary, chart.x[0], chart.x[-1])
        else:
            problems = check_proportional_sizes(summary, chart.y)
        return RedrawResult(not problems, tuple(problems), summary)

    def named_right(self, chart: int) -> bool:
        """Whether the learner named the trick of ``chart`` right (``False`` before naming it)."""
        return TRICK_QUESTION.is_right(self.named_.get(chart), self.charts_[chart].trick)

    def name_trick(self, chart: int, trick: str) -> bool:
        """Name the trick planted in ``chart`` (an index); return whether it is right.

        The first answer for each chart counts; a second one is refused.

        Raises
        ------
        ActivityError
            If the chart was already named or ``trick`` is not one of :data:`TRICKS`.
        """
        return self.record("name", {"chart": chart, "trick": trick})

    def submit_redraw(self, chart: int, figure) -> RedrawResult:
        """Check a honest redraw of ``chart`` made as a matplotlib ``Figure``; log what was read.

        Parameters
        ----------
        chart : int
            The chart's index (0 to 3).
        figure : matplotlib.figure.Figure
            The redraw: from :meth:`redraw_figure` or the learner's own code (an ``Axes`` is
            taken as its figure).

        Returns
        -------
        RedrawResult
            Whether it passes, and the problems found.
        """
        from matplotlib.axes import Axes
        from matplotlib.figure import Figure

        if isinstance(figure, Axes):
            figure = figure.figure
        if not isinstance(figure, Figure):
            raise ActivityError(
                _("Pass a matplotlib figure, such as the fig that fig, ax = plt.subplots() makes.")
            )
        return self.record("redraw", {"chart": chart, "figure": extract(figure)})

    def code_example(self, chart: int) -> str:
        """Python code that draws ``chart``'s numbers and submits them as a redraw, as it runs.

        It makes its own :class:`ChartDetective` (the learner's, from the same log), so a learner
        can paste it into a new cell, change the drawing and run it.

        Examples
        --------
        >>> import tempfile
        >>> detective = ChartDetective("aiko", folder=tempfile.mkdtemp()).start()
        >>> print(detective.code_example(0).splitlines()[2])
        detective = ChartDetective('aiko', folder=...).start()
        """
        self._ensure_started()
        arguments = [repr(self.learner)] if self.learner is not None else []
        if self.folder is not None:
            arguments.append(f"folder={str(self.folder)!r}")
        draw = {
            "truncated-axis": ["ax.bar(chart.x, chart.y)"],
            "dual-axes": ["ax.plot(chart.x, chart.y)", "ax.plot(chart.x, chart.y2)"],
            "cherry-picked": ["ax.plot(chart.x, chart.y)"],
            "area-distortion": ["ax.bar(chart.x, chart.y)"],
        }[self.charts_[chart].trick]
        lines = [
            "import matplotlib.pyplot as plt",
            "from thinktwice.widgets import ChartDetective",
            f"detective = ChartDetective({', '.join(arguments)}).start()",
            f"chart = detective.charts_[{chart}]  # "
            + _("the numbers of chart {k}").format(k=chart + 1),
            "fig, ax = plt.subplots()",
            *draw,
            "# " + _("change the drawing above as you like, then run this cell again"),
            f"result = detective.submit_redraw({chart}, fig)",
            'print(result.passed, *result.problems, sep="\\n")',
        ]
        return "\n".join(lines) + "\n"

    # -- drawing --------------------------------------------------------------------------------
    def honest_settings(self, chart: int) -> dict[str, Any]:
        """Settings of :meth:`redraw_figure` that undo the chart's trick (for teachers, tests)."""
        trick = self.charts_[chart].trick
        return {
            "truncated-axis": {"y_start": 0.0},
            "dual-axes": {"layout": "panels"},
            "cherry-picked": {"window": (self.charts_[chart].x[0], self.charts_[chart].x[-1])},
            "area-distortion": {"encoding": "area"},
        }[trick]

    def settings(self, chart: int, **changes) -> dict[str, Any]:
        """The assistant's settings for ``chart``, with ``changes`` applied."""
        self._ensure_started()
        unknown = set(changes) - {"y_start", "layout", "window", "encoding"}
        if unknown:
            raise TypeError(f"unknown settings: {sorted(unknown)}")
        merged = dict(self.charts_[chart].tricked)
        merged.update({k: v for k, v in changes.items() if k in merged})
        return merged

    def tricked_figure(self, chart: int):
        """The assistant's misleading version of ``chart``, as a matplotlib ``Figure``."""
        return self.redraw_figure(chart)

    def redraw_figure(self, chart: int, **changes):
        """Draw ``chart`` with the settings the view's controls set.

        Parameters
        ----------
        chart : int
            The chart's index.
        **changes
            ``y_start`` (truncated-axis chart), ``layout`` (one of :data:`LAYOUTS`),
            ``window`` (first and last month shown), or ``encoding`` (one of :data:`ENCODINGS`);
            a setting for another chart's trick is ignored.

        Returns
        -------
        matplotlib.figure.Figure
        """
        chart_data = self.charts_[chart]
        settings = self.settings(chart, **changes)
        draw = {
            "truncated-axis": _draw_bars,
            "dual-axes": _draw_two_series,
            "cherry-picked": _draw_window,
            "area-distortion": _draw_sizes,
        }[chart_data.trick]
        return draw(chart_data, settings, tricked=settings == chart_data.tricked)

    def describe(self, chart: int, **changes) -> str:
        """Alt text for :meth:`redraw_figure` with the same arguments: what it shows, in numbers."""
        c = self.charts_[chart]
        s = self.settings(chart, **changes)
        if c.trick == "truncated-axis":
            pairs = ", ".join(f"{x} {y:g}%" for x, y in zip(c.x, c.y, strict=True))
            return _(
                "Bar chart of quiz pass rates by study app ({pairs}); y axis from {a:g}."
            ).format(pairs=pairs, a=s["y_start"])
        if c.trick == "dual-axes":
            text = {
                "twin": _("both lines on one plot, each with its own y axis"),
                "panels": _("two separate panels"),
                "change": _("one axis, change since month 1 in percent"),
            }[s["layout"]]
            return _(
                "Line chart over 12 months of AI tutor hours per week ({h0:g} to {h1:g}) and "
                "average test score ({s0:g} to {s1:g}): {layout}."
            ).format(h0=c.y[0], h1=c.y[-1], s0=c.y2[0], s1=c.y2[-1], layout=text)
        if c.trick == "cherry-picked":
            a, b = _window(c, s)
            return _(
                "Line chart of library website visits (thousands) from month {a} ({va:g}) to "
                "month {b} ({vb:g}); the data run from month {first} to {last}."
            ).format(a=a, b=b, va=c.y[a - 1], vb=c.y[b - 1], first=c.x[0], last=c.x[-1])
        pairs = ", ".join(f"{x} {y:g}" for x, y in zip(c.x, c.y, strict=True))
        how = {
            "radius": _("circles whose radius grows with the value"),
            "area": _("circles whose area grows with the value"),
            "length": _("bars from 0"),
        }[s["encoding"]]
        return _("Cooling water per data centre, million litres ({pairs}), drawn as {how}.").format(
            pairs=pairs, how=how
        )

    # -- grading --------------------------------------------------------------------------------
    def outcome(self) -> Outcome:
        """Two graded steps per chart: the trick named right, and a redraw that passes."""
        self._ensure_started()
        n = len(self.charts_)
        right = sum(1 for i in self.named_ if self.named_right(i))
        done = len(self.named_) + len(self.attempts_)
        feedback = [
            _("You named the trick right in {right} of {n} charts.").format(right=right, n=n),
            _("Your redraw passes the check in {k} of {n} charts.").format(
                k=len(self.passed_), n=n
            ),
        ]
        for i in range(n):
            if i not in self.named_:
                feedback.append(_("Chart {k}: name its trick first.").format(k=i + 1))
            elif i not in self.attempts_:
                feedback.append(_("Chart {k}: redraw it honestly.").format(k=i + 1))
            elif i not in self.passed_:
                problems = " ".join(self.last_result_[i].problems)
                feedback.append(
                    _("Chart {k}: your last redraw does not pass yet. {problems}").format(
                        k=i + 1, problems=problems
                    )
                )
        return Outcome(done, 2 * n, right + len(self.passed_), tuple(feedback))


# -- drawing the charts --------------------------------------------------------------------------
def _window(chart: Chart, settings: dict) -> tuple[int, int]:
    first, last = (int(v) for v in settings["window"])
    first = min(max(first, chart.x[0]), chart.x[-1] - 1)
    last = min(max(last, first + 1), chart.x[-1])
    return first, last


def _new_figure(right: float = 0.97):
    """The detective's figure: fixed margins, as the view redraws on every change of a control."""
    return new_figure(4.8, 3.4, left=0.15, right=right, bottom=0.19, top=0.9, hspace=0.8)


def _title(ax, text: str, **options) -> None:
    # A title at a fixed height: left to itself, matplotlib measures every tick label on each
    # draw to keep the title clear of them, a third of the time of drawing these charts.
    ax.set_title(text, y=1.0, **options)


def _draw_bars(chart: Chart, settings: dict, tricked: bool):
    figure = _new_figure()
    ax = figure.add_subplot()
    bars = ax.bar(chart.x, chart.y, color=PALETTE["blue"], edgecolor=PALETTE["black"])
    ax.bar_label(bars, labels=[f"{v:g}%" for v in chart.y])
    ax.set_ylim(float(settings["y_start"]), max(chart.y) * 1.08)
    ax.set_ylabel(_("Pupils who passed the quiz (%)"))
    leader = chart.x[int(np.argmax(chart.y))]
    title = _("{app} leaves the rest behind!").format(app=leader)
    _title(ax, title if tricked else _("Quiz pass rate by app"))
    return figure


def _draw_two_series(chart: Chart, settings: dict, tricked: bool):
    figure = _new_figure(right=0.8 if settings["layout"] == "twin" else 0.97)
    months, hours, scores = chart.x, chart.y, chart.y2
    hours_style = {"color": CATEGORY_COLOURS[0], "marker": "o", "linestyle": "-"}
    score_style = {"color": CATEGORY_COLOURS[1], "marker": "s", "linestyle": "--"}
    hours_label, score_label = _("AI tutor hours per week"), _("Average test score")
    layout = settings["layout"]
    if layout == "twin":
        ax = figure.add_subplot()
        ax.plot(months, hours, label=hours_label, **hours_style)
        ax.set_ylim(min(hours), max(hours))
        ax.set_ylabel(hours_label)
        twin = ax.twinx()
        twin.plot(months, scores, label=score_label, **score_style)
        twin.set_ylim(min(scores), max(scores))
        twin.set_ylabel(score_label)
        _title(ax, _("More AI tutoring, higher scores!") if tricked else _("Two y axes"))
        ax.legend(
            [*ax.get_lines(), *twin.get_lines()],
            [hours_label, score_label],
            loc="upper left",
            fontsize="small",
        )
    elif layout == "panels":
        top, bottom = figure.subplots(2, 1, sharex=True)
        top.plot(months, hours, **hours_style)
        top.set_ylim(0, max(hours) * 1.1)
        top.set_ylabel(_("Hours per week"), fontsize="small")
        _title(top, hours_label, fontsize="medium")
        bottom.plot(months, scores, **score_style)
        bottom.set_ylim(0, 100)
        bottom.set_ylabel(_("Score (of 100)"), fontsize="small")
        _title(bottom, score_label, fontsize="medium")
        bottom.set_xlabel(_("Month"))
    else:
        ax = figure.add_subplot()
        for series, label, style in (
            (hours, hours_label, hours_style),
            (scores, score_label, score_style),
        ):
            change = [100 * (v / series[0] - 1) for v in series]
            ax.plot(months, change, label=label, **style)
        ax.axhline(0, color=PALETTE["black"], linewidth=0.8)
        ax.set_ylabel(_("Change since month 1 (%)"))
        ax.set_xlabel(_("Month"))
        ax.legend(fontsize="small")
    return figure


def _draw_window(chart: Chart, settings: dict, tricked: bool):
    figure = _new_figure()
    ax = figure.add_subplot()
    first, last = _window(chart, settings)
    months = chart.x[first - 1 : last]
    visits = chart.y[first - 1 : last]
    ax.plot(months, visits, color=CATEGORY_COLOURS[0], marker="o", markersize=3)
    ax.set_xlim(first, last)
    ax.set_xlabel(_("Month"))
    ax.set_ylabel(_("Website visits (thousands)"))
    _title(
        ax, _("Library website visits are collapsing!") if tricked else _("Library website visits")
    )
    return figure


def _draw_sizes(chart: Chart, settings: dict, tricked: bool):
    figure = _new_figure()
    ax = figure.add_subplot()
    encoding = settings["encoding"]
    positions = list(range(len(chart.x)))
    if encoding == "length":
        bars = ax.bar(chart.x, chart.y, color=PALETTE["sky"], edgecolor=PALETTE["black"])
        ax.bar_label(bars, labels=[f"{v:g}" for v in chart.y])
        ax.set_ylim(0, max(chart.y) * 1.15)
        ax.set_ylabel(_("Million litres"))
    else:
        biggest = 2500.0  # the largest marker's area, in points squared
        top = max(chart.y)
        if encoding == "radius":
            sizes = [biggest * (v / top) ** 2 for v in chart.y]
        else:
            sizes = [biggest * v / top for v in chart.y]
        ax.scatter(
            positions,
            [0] * len(positions),
            s=sizes,
            color=PALETTE["sky"],
            edgecolors=PALETTE["black"],
            marker="o",
        )
        for x, v in zip(positions, chart.y, strict=True):
            ax.annotate(f"{v:g}", (x, 0), xytext=(0, -38), textcoords="offset points", ha="center")
        ax.set_xticks(positions, chart.x)
        ax.set_xlim(-0.7, len(positions) - 0.3)
        ax.set_ylim(-1, 1)
        ax.set_yticks([])
    _title(
        ax,
        _("Hilltop guzzles water!") if tricked else _("Cooling water per data centre (million L)"),
    )
    return figure


# -- a first look: three charts, before the learner meets the tricks ------------------------------
def first_look_figure():
    """Three charts of made-up school figures, labelled A to C, for a prediction before the tricks.

    A is a bar chart whose y axis starts far above 0; B a line chart of temperatures whose y axis
    does not start at 0 either; C a bar chart from 0. Only A misleads: a bar's length stands for
    its value, while a line chart is read by the line's position and slope (Bergstrom and West,
    *Calling Bullshit*, 2020).
    """
    figure = new_figure(10.2, 3.3, left=0.06, right=0.98, bottom=0.17, top=0.84, wspace=0.45)
    a, b, c = figure.subplots(1, 3)
    classes = ("1A", "1B", "1C", "1D")
    walk = (78, 83, 80, 81)
    bars = a.bar(classes, walk, color=PALETTE["blue"], edgecolor=PALETTE["black"])
    a.bar_label(bars, labels=[f"{v}%" for v in walk])
    a.set_ylim(76, 84.5)
    a.set_xlabel(_("Class"))
    a.set_ylabel(_("Pupils who walk to school (%)"))
    _title(a, _("A. Who walks to school"))
    hours = list(range(8, 17))
    garden = (14.2, 15.1, 16.4, 17.8, 19.0, 19.9, 20.3, 20.1, 19.2)
    b.plot(hours, garden, color=CATEGORY_COLOURS[1], marker="o")
    b.set_ylim(13, 21.5)
    b.set_xlabel(_("Time of day (hour)"))
    b.set_ylabel(_("Temperature (°C)"))
    _title(b, _("B. The school garden on 1 June"))
    clubs = (_("Chess"), _("Choir"), _("Robots"), _("Drama"))
    members = (12, 30, 21, 17)
    bars = c.bar(clubs, members, color=PALETTE["green"], edgecolor=PALETTE["black"])
    c.bar_label(bars)
    c.set_ylim(0, 34)
    c.set_xlabel(_("Club"))
    c.set_ylabel(_("Members"))
    _title(c, _("C. Club members"))
    return figure


def first_look_html() -> str:
    """:func:`first_look_figure` as an HTML picture with its alt text, for a notebook cell."""
    from .style import figure_png, image_tag

    alt = _(
        "Three charts. A: bars of the share of pupils who walk to school in classes 1A to 1D "
        "(78, 83, 80 and 81%), y axis from 76 to 84.5. B: a line of the school garden's "
        "temperature from 8 to 16 o'clock, 14.2 rising to 20.3 °C then 19.2, y axis from 13 to "
        "21.5. C: bars of club members (chess 12, choir 30, robots 21, drama 17), y axis from 0."
    )
    return image_tag(figure_png(first_look_figure()), alt, css_class="tt-first-look")
