"""The ipywidgets view of a :class:`~thinktwice.widgets.reidentification.ReidentificationLab`."""

from __future__ import annotations

import html

import ipywidgets as w
from matplotlib.ticker import NullLocator

from . import _view_kit as kit
from . import style
from ._layered_figure import LayeredFigure
from .i18n import _
from .reidentification import (
    BIRTH_LEVELS,
    JUDGEMENT,
    K_TARGET,
    SIZE_BINS,
    ReidentificationLab,
    Release,
    Setting,
    birth_label,
    size_label,
)

#: Width of each row of controls, so that their right ends line up as well as their labels.
_CONTROL_WIDTH = "36em"


def intro_html(lab: ReidentificationLab) -> str:
    """What the lab is about, in plain words first; each term in a ``<dfn>`` where defined."""
    people = len(lab.people_["postcode"])
    first = _(
        "An invented health board wants to share a table of {n} patients with researchers. "
        "It leaves out the names, but each row still shows the person's postcode, sex and birth "
        "date. A postcode narrows a person down to a few streets; add their sex and birth date, "
        "and often only one person in those streets matches. Anyone who knows a neighbour's "
        "postcode and birthday could then find the neighbour's row and read their diagnosis. "
        "This is not only a worry: in the United States, Sweeney (2000) estimated that 87% of "
        "people were likely to be the only one with their ZIP code (the US postcode), sex and "
        "date of birth. How many of these invented people are the only one with theirs?"
    ).format(n=f"{people:,}")
    second = _(
        "Make the released details coarser (fewer postcode digits, a rougher birth date, no "
        "sex) until nobody stands out. We measure this with one number, {term}: the size of the "
        "smallest group of people who share exactly the same released details. If {k} is 1, "
        "someone is alone and can be found. Your goal is {k} of at least {target}: then anyone "
        "who matches a row finds at least {target} people who look the same in the table, and "
        "can only guess which one is their neighbour. (This is called k-anonymity, Sweeney "
        "2002; {target} is a common choice.)"
    )
    third = _(
        "Hiding details has a cost: a researcher uses the table to study blood pressure by age, "
        "sex and place. Under each setting you see how useful the data stays for research: a "
        "computer model predicts blood pressure from the released details, and 100% means it "
        "predicts as well as from the original table. Keep the data as useful as you can."
    )
    k = html.escape(_("k"))
    second = html.escape(second).format(term=f"<dfn>{k}</dfn>", k=k, target=K_TARGET)
    return "".join(f"<p>{p}</p>" for p in (html.escape(first), second, html.escape(third)))


class HistogramFigure(LayeredFigure):
    """A histogram of people by the size of their group: axes drawn once, bars on each update.

    The scale is fixed (one person to the whole table), so bars can be compared from one
    setting to the next.
    """

    def __init__(self, people: int) -> None:
        labels = [size_label(low, high) for low, high in SIZE_BINS]
        figure = style.new_figure(5.6, 2.9, left=0.13, bottom=0.2, right=0.98, top=0.97)
        axes = self.axes = figure.add_subplot()
        # A log scale, so that four exposed people still show beside thousands hidden ones.
        axes.set_yscale("log")
        axes.set_ylim(0.8, people * 6)
        axes.yaxis.set_minor_locator(NullLocator())
        axes.set_yticks([1, 10, 100, 1000, 10000], ["1", "10", "100", "1000", "10000"])
        exposed = [high is not None and high < K_TARGET for _low, high in SIZE_BINS]
        self.bars = axes.bar(
            range(len(labels)),
            [1] * len(labels),
            color=[style.PALETTE["vermillion"] if e else style.PALETTE["blue"] for e in exposed],
            edgecolor=style.PALETTE["black"],
            linewidth=1.2,
        )
        for bar, is_exposed in zip(self.bars, exposed, strict=True):
            bar.set_linestyle("--" if is_exposed else "-")  # a cue besides the colour
        self.counts = [
            axes.text(bar.get_x() + bar.get_width() / 2, 1, "", ha="center", va="bottom")
            for bar in self.bars
        ]
        divider = sum(exposed) - 0.5
        axes.axvline(divider, color=style.PALETTE["black"], linestyle=":", linewidth=1)
        label_y = people * 2.5
        axes.text(
            divider - 0.1,
            label_y,
            _("exposed (k < {k})").format(k=K_TARGET),
            ha="right",
            fontsize=8,
        )
        axes.text(divider + 0.1, label_y, _("hidden in a crowd"), ha="left", fontsize=8)
        axes.set_xticks(range(len(labels)), labels)
        axes.set_xlabel(_("Group size (people sharing the same released details)"))
        axes.set_ylabel(_("People (log scale)"))
        super().__init__(figure, [*self.bars, *self.counts])

    def html(self, release: Release) -> str:
        """The histogram of ``release`` as an ``<img>`` with alt text."""
        people = [count for _label, count, _classes in release.histogram]
        for bar, text, count in zip(self.bars, self.counts, people, strict=True):
            bar.set_height(count)
            text.set_y(max(count, 1))
            text.set_text(str(count))
        anon = release.anonymity
        alt = _(
            "Histogram of people by the size of their group. {unique} of people are alone in "
            "their group and {small} are in groups smaller than {k}; the smallest group has "
            "{smallest}."
        ).format(
            unique=style.percent(anon.unique_share, 1),
            small=style.percent(anon.small_share, 1),
            k=K_TARGET,
            smallest=anon.k,
        )
        return self.tag(alt)


def histogram_table_html(release: Release) -> str:
    """The histogram's numbers: people and groups per group size."""
    return kit.table_html(
        _("People by the size of their group"),
        [_("Group size"), _("People"), _("Groups")],
        [[label, people, classes] for label, people, classes in release.histogram],
    )


def summary_html(release: Release) -> str:
    """The setting's risk and usefulness in words."""
    anon = release.anonymity
    verdict = (
        _("Goal reached: everyone shares their details with at least {others} others.").format(
            others=K_TARGET - 1
        )
        if anon.meets_target
        else _("Not yet: some people are in groups smaller than {k}.").format(k=K_TARGET)
    )
    rows = [
        (_("People alone in their group"), style.percent(anon.unique_share, 1)),
        (_("k, the size of the smallest group"), str(anon.k)),
        (
            _("People in groups smaller than {k}").format(k=K_TARGET),
            style.percent(anon.small_share, 1),
        ),
        (
            _("How useful the data stays for research (100% is the original table)"),
            style.percent(release.usefulness),
        ),
    ]
    body = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(name)}</th>"
        f"<td>{html.escape(value)}</td></tr>"
        for name, value in rows
    )
    caption = html.escape(release.setting.describe())
    note = ""
    if release.usefulness >= 1.005:  # shown as 101% or more
        why = _(
            "More than 100%? With fewer details, the computer model has fewer chance quirks of "
            "its training people to learn by heart, so it can predict new people a little "
            "better than from the original table."
        )
        note = f"<p class='tt-above-100'>{html.escape(why)}</p>"
    return (
        f"{kit.TABLE_CSS}<table class='tt-table'><caption>{caption}</caption>{body}</table>"
        f"{note}<p role='status'><b>{html.escape(verdict)}</b></p>"
    )


def sample_html(lab: ReidentificationLab, setting: Setting) -> str:
    """The first rows of the released table."""
    return kit.table_html(
        _("The first rows of the released table (no names)"),
        [_("Postcode"), _("Sex"), _("Birth date"), _("Diagnosis")],
        lab.sample_rows(setting),
    )


def tried_html(lab: ReidentificationLab) -> str:
    """Every setting tried so far, newest first."""
    rows = []
    for setting in reversed(lab.tried_):
        release = lab.releases_[setting]
        rows.append(
            [
                setting.describe(),
                style.percent(release.anonymity.unique_share, 1),
                release.anonymity.k,
                style.percent(release.usefulness),
            ]
        )
    table = kit.table_html(
        _("Settings you tried ({n})").format(n=len(lab.tried_)),
        [_("Setting"), _("Alone in their group"), _("k"), _("Useful for research")],
        rows,
    )
    best = lab.best_tried()
    if best is None:
        counts = _("None of your settings reaches k of at least {k} yet.").format(k=K_TARGET)
    else:
        counts = _(
            "Your most useful setting with k of at least {k} so far, the one that counts: "
            "{setting} ({useful} useful for research)."
        ).format(k=K_TARGET, setting=best.setting.describe(), useful=style.percent(best.usefulness))
    return f"{table}<p class='tt-best'>{html.escape(counts)}</p>"


#: One learner's run through the lab: coarsen step by step, then go back to the original.
_TOUR_MOVES = (
    ("postcode", 4),
    ("postcode", 3),
    ("birth", "month"),
    ("birth", "year"),
    ("sex", False),
    ("birth", "5y"),
    ("birth", "10y"),
    ("postcode", 2),
    ("sex", True),
    ("postcode", 1),
    ("postcode", 0),
    ("birth", "day"),
)


class ReidentificationView(kit.ActivityView):
    """Generalisation controls, the risk and usefulness they give, and a judgement question."""

    def __init__(self, lab: ReidentificationLab) -> None:
        self.lab = lab
        self.message = kit.MessageArea()
        intro = w.HTML(intro_html(lab))
        intro.add_class("tt-intro")
        self.postcode = kit.labelled(
            w.IntSlider(
                value=5,
                min=0,
                max=5,
                step=1,
                description=_("Postcode digits kept"),
                continuous_update=False,
                layout=w.Layout(width=_CONTROL_WIDTH),
            ),
            "tt-postcode",
            aligned=True,
        )
        self.birth = kit.labelled(
            w.Dropdown(
                options=[(birth_label(level), level) for level in BIRTH_LEVELS],
                value="day",
                description=_("Birth date kept as"),
                layout=w.Layout(width=_CONTROL_WIDTH),
            ),
            "tt-birth",
            aligned=True,
        )
        self.sex = kit.labelled(
            w.Dropdown(
                options=[(_("kept"), True), (_("left out"), False)],
                value=True,
                description=_("Sex"),
                layout=w.Layout(width=_CONTROL_WIDTH),
            ),
            "tt-sex",
            aligned=True,
        )
        self.summary = w.HTML()
        self.summary.add_class("tt-summary")
        self.histogram = w.HTML()
        self._figure = HistogramFigure(len(lab.people_["postcode"]))
        self.histogram.add_class("tt-histogram")
        self.histogram_table = w.HTML()
        self.histogram_table.add_class("tt-histogram-table")
        self.sample = w.HTML()
        self.sample.add_class("tt-sample")
        self.tried = w.HTML()
        self.tried.add_class("tt-tried")
        self.judgement = kit.JudgementQuestion.of(JUDGEMENT, submit=_("Submit answer"))

        if lab.tried_:  # resume on the learner's last setting without logging it again
            last = lab.tried_[-1]
            self.postcode.value, self.birth.value = last.postcode_digits, last.birth
            self.sex.value = last.keep_sex
        for control in (self.postcode, self.birth, self.sex):
            control.observe(self._on_setting, names="value")
        self.judgement.submit.on_click(self._on_answer)
        controls = w.VBox([self.postcode, self.birth, self.sex])
        controls.add_class("tt-controls")
        super().__init__(
            lab,
            [
                intro,
                controls,
                self.summary,
                self.sample,
                self.histogram,
                self.histogram_table,
                self.tried,
                self.judgement,
                self.message,
            ],
        )
        self.render()

    def setting(self) -> Setting:
        """The setting the controls show."""
        return Setting(int(self.postcode.value), self.birth.value, bool(self.sex.value))

    def tour(self):
        """Coarsen each column step by step, go back to the original, then answer."""

        def move(name: str, value) -> None:
            getattr(self, name).value = value

        moves = [lambda name=name, value=value: move(name, value) for name, value in _TOUR_MOVES]

        def answer() -> None:
            self.judgement.choices.value = JUDGEMENT.right
            self.judgement.submit.click()

        return [*moves, answer]

    # -- handlers ------------------------------------------------------------------------------
    @kit.guarded
    def _on_setting(self, _change=None) -> None:
        setting = self.setting()
        self.lab.release(setting.postcode_digits, setting.birth, setting.keep_sex)
        self.render()

    @kit.guarded
    def _on_answer(self, _button=None) -> None:
        self.lab.answer(self.judgement.chosen())
        self.render_answer()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the current setting's release, the settings tried and the answer."""
        lab = self.lab
        setting = self.setting()
        release = lab.releases_[setting]
        self.summary.value = summary_html(release)
        self.sample.value = sample_html(lab, setting)
        self.histogram.value = self._figure.html(release)
        self.histogram_table.value = histogram_table_html(release)
        self.tried.value = tried_html(lab)
        self.render_answer()

    def render_answer(self) -> None:
        """Lock the question on the learner's answer and say whether it was right."""
        answer = self.lab.answer_
        text = ""
        if answer is not None:
            right = JUDGEMENT.is_right(answer)
            verdict = _("Right.") if right else _("Not the answer the data supports.")
            explanation = _(
                "On their own the columns are shared by many, but combined they single people out; "
                "anyone holding a list of names with the same columns (a club's members, a voter "
                "list) can join it to the table and read the diagnosis."
            )
            text = f"{verdict} {explanation}"
        self.judgement.show(answer, text, status=True)
