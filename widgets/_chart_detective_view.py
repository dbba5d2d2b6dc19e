"""The ipywidgets view of a :class:`~thinktwice.widgets.chart_detective.ChartDetective`."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ._view_kit import (
    ActivityView,
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .chart_detective import (
    ENCODINGS,
    LAYOUTS,
    TRICK_QUESTION,
    TRICKS,
    ChartDetective,
    _window,
    trick_definition,
    trick_explanation,
)
from .i18n import _
from .style import figure_png, image_tag

#: The view control that redraws each trick's chart, by trick.
_CONTROL_SETTING = {
    "truncated-axis": "y_start",
    "dual-axes": "layout",
    "cherry-picked": "window",
    "area-distortion": "encoding",
}
#: A row of toggle buttons beside their label (ipywidgets puts the label above them otherwise,
#: where its aligned width does nothing), wrapping on a narrow screen.
_ROW = {"display": "flex", "flex_flow": "row wrap", "align_items": "center"}
#: A slider wide enough for its aligned label and a track to drag, narrowing on a small screen.
_SLIDER = {"width": "36em", "max_width": "100%"}
#: The settings drawn when the view is built, so that choosing them later costs nothing.
_DISCRETE = {"dual-axes": LAYOUTS, "area-distortion": ENCODINGS}


def _toggles(options: list[tuple[str, str]], description: str, css_class: str, **extra):
    """A labelled row of toggle buttons, its label aligned with the rows above and below."""
    toggles = w.ToggleButtons(
        options=options,
        description=description,
        style={"button_width": "auto"},
        layout=_ROW,
        **extra,
    )
    return labelled(toggles, css_class, aligned=True)


def chart_table(detective: ChartDetective, index: int, **changes) -> str:
    """The numbers a chart shows, as a table (the text alternative of the plot)."""
    chart = detective.charts_[index]
    if chart.trick == "truncated-axis":
        header = [_("Study app"), _("Pupils who passed the quiz (%)")]
        rows = [[x, f"{y:g}"] for x, y in zip(chart.x, chart.y, strict=True)]
    elif chart.trick == "dual-axes":
        header = [_("Month"), _("AI tutor hours per week"), _("Average test score")]
        rows = [[m, f"{h:g}", f"{s:g}"] for m, h, s in zip(chart.x, chart.y, chart.y2, strict=True)]
    elif chart.trick == "cherry-picked":
        first, last = _window(chart, detective.settings(index, **changes))
        header = [_("Month"), _("Website visits (thousands)")]
        rows = [[m, f"{v:g}"] for m, v in zip(chart.x, chart.y, strict=True) if first <= m <= last]
    else:
        header = [_("Data centre"), _("Cooling water (million litres)")]
        rows = [[x, f"{y:g}"] for x, y in zip(chart.x, chart.y, strict=True)]
    caption = _("The numbers in chart {k}").format(k=index + 1)
    return (
        f"<details><summary>{html.escape(caption)}</summary>"
        f"{table_html(caption, header, rows)}</details>"
    )


def summary_table(summary: dict) -> str:
    """What the check read from a figure, one row per plot that shows data."""

    def pair(values) -> str:
        return _("{a:g} to {b:g}").format(a=min(values), b=max(values))

    rows = []
    for k, axes in enumerate(summary["axes"], start=1):
        sizes = "; ".join(", ".join(f"{s:g}" for s in group) for group in axes["sizes"])
        rows.append(
            [
                k,
                pair(axes["xlim"]),
                pair(axes["ylim"]),
                ", ".join(f"{b:g}" for b in axes["bars"]) or "-",
                len(axes["lines"]),
                sizes or "-",
            ]
        )
    header = [
        _("Plot"),
        _("x axis shows"),
        _("y axis shows"),
        _("Bar lengths"),
        _("Lines"),
        _("Circle areas"),
    ]
    return table_html(_("What the check read from your figure"), header, rows)


def intro_html(n: int) -> str:
    """The task, and the four tricks in plain words."""
    task = _(
        "An assistant made these {n} charts for a school newsletter. Each hides one trick that "
        "makes its numbers look like a different story. A chart's axis is the scale along its "
        "side (the y axis) or along its bottom (the x axis). The four tricks:"
    ).format(n=n)
    tricks = "".join(
        f"<li><b>{html.escape(TRICK_QUESTION.label(t))}</b>: {html.escape(trick_definition(t))}"
        "</li>"
        for t in TRICKS
    )
    steps = _(
        "Pick a chart and name its trick (your first answer counts). Then redraw the chart "
        "honestly and check your redraw. The tricks come from the chapter on charts in "
        "Bergstrom and West's book Calling Bullshit (2020)."
    )
    return f"<p>{html.escape(task)}</p><ul>{tricks}</ul><p>{html.escape(steps)}</p>"


def code_html(detective: ChartDetective, index: int) -> str:
    """The "redraw it with your own code" help: runnable code in a closed box."""
    summary = _("Or redraw it with your own code")
    how = _(
        "Copy this into a new code cell and run it. It draws the numbers of this chart and "
        "checks the drawing. Change the drawing and run it again."
    )
    code = html.escape(detective.code_example(index))
    return (
        f"<details class='tt-code-help'><summary>{html.escape(summary)}</summary>"
        f"<p>{html.escape(how)}</p><pre><code>{code}</code></pre></details>"
    )


class ChartDetectiveView(ActivityView):
    """Pick a chart, name its trick, then redraw it with controls and check the redraw."""

    def __init__(self, detective: ChartDetective) -> None:
        self.detective = detective
        n = len(detective.charts_)
        self.message = MessageArea()
        self.intro = w.HTML(intro_html(n))
        self.picker = _toggles(
            [(_("Chart {k}").format(k=i + 1), i) for i in range(n)],
            _("Chart"),
            "tt-chart-picker",
            value=0,
            tooltips=[_("Show chart {k}").format(k=i + 1) for i in range(n)],
        )
        self.chart = w.HTML()
        self.chart.add_class("tt-chart")
        self.chart_numbers = w.HTML()
        self.question = JudgementQuestion.of(
            TRICK_QUESTION,
            submit=_("Name the trick"),
            question_class="tt-trick",
            submit_class="tt-name",
            feedback_class=None,
        )
        self.trick, self.name_button = self.question.choices, self.question.submit
        self.verdict = w.HTML()
        self.verdict.add_class("tt-verdict")

        # The sliders get their chart's range here, once: a range changed while the slider is
        # hidden did not reach the browser's slider, and the label's aligned width leaves a
        # slider of the default width no track to drag.
        by_trick = {chart.trick: chart for chart in detective.charts_}
        truncated, window = by_trick["truncated-axis"], by_trick["cherry-picked"]
        self.y_start = labelled(
            w.IntSlider(
                value=int(truncated.tricked["y_start"]),
                min=0,
                max=int(min(truncated.y)),
                description=_("The y axis starts at"),
                continuous_update=False,
                layout=_SLIDER,
            ),
            "tt-y-start",
            aligned=True,
        )
        self.layout_choice = _toggles(
            [
                (_("Two y axes"), "twin"),
                (_("Two panels"), "panels"),
                (_("One axis, change in %"), "change"),
            ],
            _("Layout"),
            "tt-layout",
        )
        self.window = labelled(
            w.IntRangeSlider(
                value=tuple(window.tricked["window"]),
                min=window.x[0],
                max=window.x[-1],
                description=_("Months shown"),
                continuous_update=False,
                layout=_SLIDER,
            ),
            "tt-window",
            aligned=True,
        )
        self.encoding = _toggles(
            [
                (_("Circle radius"), "radius"),
                (_("Circle area"), "area"),
                (_("Bar length"), "length"),
            ],
            _("Each value sets the"),
            "tt-encoding",
        )
        self.controls = {
            "truncated-axis": self.y_start,
            "dual-axes": self.layout_choice,
            "cherry-picked": self.window,
            "area-distortion": self.encoding,
        }
        self.redraw_help = w.HTML()
        self.preview = w.HTML()
        self.preview.add_class("tt-preview")
        self.check_button = button(_("Check my redraw"), "tt-check", style="success")
        self.check_button.layout.align_self = "flex-start"
        self.check_result = w.HTML()
        self.check_result.add_class("tt-check-result")
        self.code_help = w.HTML()
        self.redraw_box = w.VBox(
            [
                self.redraw_help,
                *self.controls.values(),
                self.preview,
                self.check_button,
                self.check_result,
                self.code_help,
            ]
        )
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")

        # The learner's settings are kept per chart. Pictures already drawn are kept by chart
        # and settings, so toggling back is instant; the assistant's charts and every choice of
        # the toggle controls are drawn here, once.
        self._settings = [dict(detective.charts_[i].tricked) for i in range(n)]
        self._figure, self._figure_key = None, None
        self._updating = False
        self._pngs: dict[tuple, bytes] = {}
        for i, chart in enumerate(detective.charts_):
            setting = _CONTROL_SETTING[chart.trick]
            for value in (chart.tricked[setting], *_DISCRETE.get(chart.trick, ())):
                self._png(i, {**chart.tricked, setting: value})

        self.picker.observe(self._on_pick, names="value")
        self.name_button.on_click(self._on_name)
        for control in self.controls.values():
            control.observe(self._on_control, names="value")
        self.check_button.on_click(self._on_check)
        super().__init__(
            detective,
            [
                self.intro,
                self.picker,
                self.chart,
                self.chart_numbers,
                self.question,
                self.verdict,
                self.redraw_box,
                self.message,
                self.progress,
            ],
        )
        self.show_chart()

    @property
    def index(self) -> int:
        """The chart on show."""
        return self.picker.value

    def tour(self) -> list[Callable[[], object]]:
        """Per chart: pick it, name its trick, check a dishonest redraw, then an honest one."""
        calls = []
        for index, chart in enumerate(self.detective.charts_):
            control = self.controls[chart.trick]
            if chart.trick == "cherry-picked":
                dishonest, honest = (chart.x[5], chart.x[-1]), (chart.x[0], chart.x[-1])
            else:
                dishonest, honest = {
                    "truncated-axis": (40, 0),
                    "dual-axes": ("change", "panels"),
                    "area-distortion": ("length", "area"),
                }[chart.trick]

            def pick(index=index):
                self.picker.value = index

            def name(trick=chart.trick):
                self.trick.value = trick
                self.name_button.click()

            def set_control(control=control, value=dishonest):
                control.value = value

            def set_honest(control=control, value=honest):
                control.value = value

            calls += [pick, name, set_control, self.check_button.click, set_honest]
            calls.append(self.check_button.click)
        return calls

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_pick(self, change=None) -> None:
        self.show_chart()

    @guarded
    def _on_name(self, _button=None) -> None:
        self.detective.name_trick(self.index, self.question.chosen())
        self.show_chart()

    @guarded
    def _on_control(self, change) -> None:
        if self._updating:
            return
        trick = self.detective.charts_[self.index].trick
        value = change["new"]
        self._settings[self.index][_CONTROL_SETTING[trick]] = (
            tuple(value) if isinstance(value, tuple | list) else value
        )
        self.check_result.value = ""
        self.draw_preview()

    @guarded
    def _on_check(self, _button=None) -> None:
        i, settings = self.index, self._settings[self.index]
        if self._figure_key != self._preview_key(i, settings):
            self._figure = self.detective.redraw_figure(i, **settings)
            self._figure_key = self._preview_key(i, settings)
        self.detective.submit_redraw(i, self._figure)
        self.show_result()
        self.show_progress()

    # -- drawing -------------------------------------------------------------------------------
    def show_chart(self) -> None:
        """Show the chart picked, its naming step, and its redraw step once it is named."""
        i, detective = self.index, self.detective
        chart = detective.charts_[i]
        self.chart.value = image_tag(self._png(i, chart.tricked), detective.describe(i))
        self.chart_numbers.value = chart_table(detective, i)
        named = detective.named_.get(i)
        self.trick.value = named
        self.question.show(named)
        self.show_progress()
        if named is None:
            self.verdict.value = ""
            self.redraw_box.layout.display = "none"
            return
        if detective.named_right(i):
            verdict = _("Right: {trick}.").format(trick=TRICK_QUESTION.label(chart.trick))
        else:
            verdict = _("Not quite: you named {named}; this chart's trick is {trick}.").format(
                named=TRICK_QUESTION.label(named), trick=TRICK_QUESTION.label(chart.trick)
            )
        self.verdict.value = (
            f"<p><b>{html.escape(verdict)}</b> {html.escape(trick_explanation(chart.trick))}</p>"
        )
        self.redraw_box.layout.display = None
        self.redraw_help.value = "<p>{}</p>".format(
            html.escape(
                _(
                    "The chart below starts as the assistant's. Change it with the control until "
                    "it shows the data honestly, then press Check my redraw."
                )
            )
        )
        self.code_help.value = code_html(detective, i)
        self._updating = True
        try:
            for trick, control in self.controls.items():
                shown = _ROW["display"] if isinstance(control, w.ToggleButtons) else None
                control.layout.display = shown if trick == chart.trick else "none"
            value = self._settings[i][_CONTROL_SETTING[chart.trick]]
            if chart.trick == "truncated-axis":
                self.y_start.value = int(value)
            elif chart.trick == "cherry-picked":
                self.window.value = tuple(value)
            else:
                self.controls[chart.trick].value = value
        finally:
            self._updating = False
        self.draw_preview()
        self.show_result()

    def _png(self, index: int, settings: dict) -> bytes:
        """Chart ``index`` drawn with ``settings``, as PNG: drawn once, then kept."""
        key = self._preview_key(index, settings)
        if key not in self._pngs:
            self._figure = self.detective.redraw_figure(index, **settings)
            self._figure_key = key
            self._pngs[key] = figure_png(self._figure)
        return self._pngs[key]

    def draw_preview(self) -> None:
        """Show the redraw the controls describe."""
        i, settings = self.index, self._settings[self.index]
        alt = _("Your redraw: {description}").format(
            description=self.detective.describe(i, **settings)
        )
        self.preview.value = image_tag(self._png(i, settings), alt)

    @staticmethod
    def _preview_key(index: int, settings: dict) -> tuple:
        return index, tuple(sorted((k, repr(v)) for k, v in settings.items()))

    def show_result(self) -> None:
        """Show the verdict on the chart's last checked redraw, if any."""
        result = self.detective.last_result_.get(self.index)
        if result is None:
            self.check_result.value = ""
            return
        if result.passed:
            head = _("Your redraw passes: it shows the data honestly.")
        else:
            head = _("Not yet honest:")
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in result.problems)
        self.check_result.value = (
            f"<p><b>{html.escape(head)}</b></p>"
            + (f"<ul>{problems}</ul>" if problems else "")
            + summary_table(result.summary)
        )

    def show_progress(self) -> None:
        """The learner's answers so far, one row per chart, and how far they are."""
        d = self.detective
        rows = []
        for i in range(len(d.charts_)):
            named = d.named_.get(i)
            if named is None:
                trick = "—"
            elif d.named_right(i):
                trick = _("{trick} (right)").format(trick=TRICK_QUESTION.label(named))
            else:
                trick = _("{trick} (not quite)").format(trick=TRICK_QUESTION.label(named))
            if i in d.passed_:
                redraw = _("passes")
            elif i in d.attempts_:
                redraw = _("does not pass yet")
            else:
                redraw = "—"
            rows.append([_("Chart {k}").format(k=i + 1), trick, redraw])
        header = [_("Chart"), _("The trick you named"), _("Your redraw")]
        self.progress.value = table_html(_("Your answers so far"), header, rows)
