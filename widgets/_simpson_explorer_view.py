"""The ipywidgets view of a :class:`~thinktwice.widgets.simpson_explorer.SimpsonExplorer`."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache

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
from .activity import ActivityError
from .i18n import _
from .simpson_explorer import (
    CAMPUS,
    COUNT,
    COUNT_RIGHT,
    PREDICTION,
    WHY,
    SimpsonExplorer,
    department_rate,
    row,
    totals,
)
from .style import PALETTE, figure_tag, new_figure, percent

#: How each sex is drawn: colour, marker and bar hatch, so that colour is never the only cue.
LOOK = {
    "men": (PALETTE["blue"], "o", ""),
    "women": (PALETTE["orange"], "s", "//"),
}


def sex_name(sex: str) -> str:
    """The learner-facing name of a group of applicants."""
    return {"men": _("Men"), "women": _("Women")}[sex]


def _cell(r) -> str:
    return _("{admitted} of {applicants} ({rate})").format(
        admitted=f"{r.admitted:,}", applicants=f"{r.applicants:,}", rate=percent(r.rate, 1)
    )


def totals_html() -> str:
    """The six departments added together: admitted of applicants, by sex."""
    t = totals()
    rows = [[sex_name(sex), _cell(t[sex])] for sex in ("men", "women")]
    header = [_("Applicants"), _("Admitted")]
    return table_html(_("The six largest departments, added together"), header, rows)


def split_html(order: list[str]) -> str:
    """The table by department: admitted of applicants for each sex."""
    header = [_("Department"), _("Men admitted"), _("Women admitted"), _("All admitted")]
    rows = [
        [d, _cell(row(d, "men")), _cell(row(d, "women")), percent(department_rate(d))]
        for d in order
    ]
    return table_html(_("The same applicants, department by department"), header, rows)


@lru_cache(maxsize=64)
def chart_html(order: tuple[str, ...]) -> str:
    """Admission rate by department for each sex, beside the number of applicants."""
    figure = new_figure(8.6, 3.6, left=0.08, right=0.98, bottom=0.17, top=0.86, wspace=0.3)
    rates, counts = figure.subplots(1, 2)
    xs = list(range(len(order)))
    for k, sex in enumerate(("men", "women")):
        colour, marker, hatch = LOOK[sex]
        shift = -0.2 if k == 0 else 0.2
        rates.plot(
            [x + shift for x in xs],
            [100 * row(d, sex).rate for d in order],
            marker,
            color=colour,
            markersize=8,
            label=sex_name(sex),
        )
        rates.axhline(
            100 * totals()[sex].rate,
            color=colour,
            linestyle="--" if k == 0 else ":",
            linewidth=1.2,
            label=_("{sex}, all six together").format(sex=sex_name(sex)),
        )
        counts.bar(
            [x + shift for x in xs],
            [row(d, sex).applicants for d in order],
            width=0.4,
            color=colour,
            hatch=hatch,
            edgecolor="white",
            label=sex_name(sex),
        )
    for axes, title in (
        (rates, _("Share admitted (%)")),
        (counts, _("Applicants")),
    ):
        axes.set_xticks(xs, order)
        axes.set_xlabel(_("Department"))
        axes.set_title(title, fontsize=10)
        axes.legend(fontsize=7, loc="upper center", ncol=2, frameon=False)
    rates.set_ylim(0, 125)
    rates.set_yticks(range(0, 101, 20))
    counts.set_ylim(0, 1100)
    alt = _(
        "Two charts, department by department ({order}). Left: the share of applicants "
        "admitted, men against women: {rates} (all six together: {all_men} / {all_women}). "
        "Right: how many men and women applied: {counts}."
    ).format(
        order=", ".join(order),
        all_men=percent(totals()["men"].rate),
        all_women=percent(totals()["women"].rate),
        rates="; ".join(
            f"{d} {percent(row(d, 'men').rate)} / {percent(row(d, 'women').rate)}" for d in order
        ),
        counts="; ".join(
            f"{d} {row(d, 'men').applicants} / {row(d, 'women').applicants}" for d in order
        ),
    )
    return figure_tag(figure, alt, css_class="tt-simpson-chart")


def _hide(box, hidden: bool) -> None:
    box.layout.display = "none" if hidden else None


class SimpsonExplorerView(ActivityView):
    """The totals and a prediction, then the split by department and three questions."""

    def __init__(self, explorer: SimpsonExplorer) -> None:
        self.explorer = explorer
        self.message = MessageArea()
        campus = _(
            "In autumn 1973, {men} of the {n_men} men and {women} of the {n_women} women who "
            "applied for graduate study at the University of California, Berkeley were admitted "
            "(Bickel, Hammel & O'Connell 1975). Below are the six largest departments, added "
            "together."
        ).format(
            men=percent(CAMPUS["men"][0]),
            n_men=f"{CAMPUS['men'][1]:,}",
            women=percent(CAMPUS["women"][0]),
            n_women=f"{CAMPUS['women'][1]:,}",
        )
        self.intro = w.HTML(f"<p>{html.escape(campus)}</p>{totals_html()}")
        self.prediction = JudgementQuestion.of(
            PREDICTION,
            submit=_("Submit my prediction"),
            question_class="tt-prediction",
            submit_class="tt-submit-prediction",
            feedback_class="tt-prediction-feedback",
        )
        self.prediction.submit.on_click(self._on_prediction)
        self.split_button = button(_("Split by department"), "tt-split")
        self.split_button.layout.align_self = "flex-start"
        self.split_button.on_click(self._on_split)
        self.chart = w.HTML(chart_html(tuple(explorer.order_)))
        self.table = w.HTML(split_html(explorer.order_))
        self.count = JudgementQuestion.of(
            COUNT,
            question_class="tt-count",
            submit_class="tt-submit-count",
            feedback_class="tt-count-feedback",
        )
        # seven short choices side by side rather than in a tall column
        self.count.prompt.value += (
            "<style>.tt-count .widget-radio-box{flex-direction:row;flex-wrap:wrap;"
            "gap:0 1.5em}</style>"
        )
        self.count.submit.on_click(self._on_count)
        department, sex = explorer.asked_
        asked = _(
            "In department {department}, what percentage of the {group} who applied were "
            "admitted? Write a number from 0 to 100; your first answer counts."
        ).format(department=department, group=sex_name(sex).lower())
        self.rate_text = w.HTML(f"<b>{html.escape(asked)}</b>")
        self.rate_box = labelled(
            w.Text(description=_("Admitted, in %:"), placeholder=_("a number")), "tt-rate"
        )
        self.rate_button = button(_("Submit my answer"), "tt-submit-rate")
        self.rate_button.layout.align_self = "flex-start"
        self.rate_button.on_click(self._on_rate)
        self.rate_feedback = w.HTML()
        self.rate_feedback.add_class("tt-rate-feedback")
        self.why = JudgementQuestion.of(
            WHY,
            question_class="tt-why",
            submit_class="tt-submit-why",
            feedback_class="tt-why-feedback",
        )
        self.why.submit.on_click(self._on_why)
        self.split_box = w.VBox(
            [
                self.chart,
                self.table,
                self.count,
                self.rate_text,
                self.rate_box,
                self.rate_button,
                self.rate_feedback,
                self.why,
            ]
        )
        super().__init__(
            explorer,
            [self.intro, self.prediction, self.split_button, self.message, self.split_box],
        )
        self.render()

    def tour(self) -> list[Callable[[], object]]:
        """Split too early, predict, split, answer each question."""

        def choose(question, value):
            def call():
                question.choices.value = value
                question.submit.click()

            return call

        def rate():
            self.rate_box.value = f"{self.explorer.asked_rate():.1f}"
            self.rate_button.click()

        return [
            self.split_button.click,
            choose(self.prediction, "men"),
            self.split_button.click,
            choose(self.count, "3"),
            rate,
            choose(self.why, WHY.right),
        ]

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_prediction(self, _button=None) -> None:
        self.explorer.answer("prediction", self.prediction.chosen())
        self.render()

    @guarded
    def _on_split(self, _button=None) -> None:
        self.explorer.split()
        self.render()

    @guarded
    def _on_count(self, _button=None) -> None:
        self.explorer.answer("count", self.count.chosen())
        self.render()

    @guarded
    def _on_rate(self, _button=None) -> None:
        try:
            value = float(self.rate_box.value.strip().rstrip("%").replace(",", "."))
        except ValueError:
            raise ActivityError(_("Write a percentage: a number from 0 to 100.")) from None
        self.explorer.read_rate(value)
        self.render()

    @guarded
    def _on_why(self, _button=None) -> None:
        self.explorer.answer("why", self.why.chosen())
        self.render()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Lock what is answered, show the split once asked for, and say each verdict."""
        explorer = self.explorer
        answers = explorer.answers_
        predicted = answers.get("prediction")
        self.prediction.show(
            predicted,
            _("Your prediction is saved. Now split the table by department.") if predicted else "",
        )
        self.split_button.disabled = predicted is None or explorer.split_
        _hide(self.split_box, not explorer.split_)
        if not explorer.split_:
            return
        count = answers.get("count")
        text = ""
        if count is not None:
            text = (
                _("✓ Right: in {n} of the six departments.").format(n=COUNT_RIGHT)
                if explorer.is_right("count")
                else _("✗ Not quite: compare the two rates in each row of the table again.")
            )
        self.count.show(count, text)
        given = answers.get("rate")
        self.rate_box.disabled = self.rate_button.disabled = given is not None
        if given is not None:
            self.rate_box.value = f"{given:g}"
            self.rate_feedback.value = html.escape(
                _("You wrote {given}%; the table gives {rate}.").format(
                    given=f"{given:g}", rate=percent(explorer.asked_rate() / 100, 1)
                )
            )
        why = answers.get("why")
        text = ""
        if why is not None:
            text = (
                _(
                    "✓ Right. Departments A and B admitted most of their applicants, and most "
                    "of their applicants were men; women applied mostly to the departments "
                    "that admitted few."
                )
                if explorer.is_right("why")
                else _(
                    "✗ Not quite. Look at the chart of applicants beside each department's "
                    "share admitted."
                )
            )
        self.why.show(why, text)
