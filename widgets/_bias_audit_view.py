"""The ipywidgets view of a :class:`~thinktwice.widgets.bias_audit.BiasAudit`."""

from __future__ import annotations

import html
import textwrap

import ipywidgets as w

from . import _view_kit as kit
from . import style
from .bias_audit import (
    FEATURES,
    QUESTIONS,
    BiasAudit,
    ProxyFit,
    choice_labels,
    feature_label,
    group_label,
    question_text,
)
from .i18n import _

#: How many of the latest fits the chart shows (the table lists them all).
_SHOWN_FITS = 5
_HATCHES = ("//", "..")


def _heading(text: str) -> w.HTML:
    return w.HTML(f"<h4 style='margin:8px 0 2px'>{html.escape(text)}</h4>")


def _percent(value: float | None) -> str:
    return _("undefined") if value is None else f"{value:.0%}"


def _fit_name(fit: ProxyFit) -> str:
    return ", ".join(feature_label(f) for f in fit.features)


def leak_figure_html(audit: BiasAudit) -> str:
    """Bars of the latest fits' accuracy beside the base rate, as an ``<img>`` with alt text."""
    fits = audit.fits_[-_SHOWN_FITS:]
    first = len(audit.fits_) - len(fits) + 1
    names = [_("Always guess the larger group")]
    # Short labels keep the handler fast; the table below names each try's columns.
    names += [_("Try {k}").format(k=first + i) for i in range(len(fits))]
    values = [audit.base_rate_, *(fit.accuracy for fit in fits)]
    height = 0.9 + 0.42 * len(values)
    figure = style.new_figure(6.4, height)
    # Fixed margins (room for the wrapped labels): a layout engine would double the drawing time.
    axes = figure.add_axes((0.3, 0.55 / height, 0.63, 1 - 0.7 / height))
    positions = list(range(len(values)))[::-1]
    colours = ["#bbbbbb"] + [style.CATEGORY_COLOURS[0]] * len(fits)
    bars = axes.barh(positions, values, color=colours, height=0.6, edgecolor=style.PALETTE["black"])
    bars[0].set_linestyle("--")  # the baseline differs by its label and outline, not colour only
    axes.axvline(audit.base_rate_, color=style.PALETTE["black"], linestyle="--", linewidth=1)
    for position, value in zip(positions, values, strict=True):
        axes.text(value + 0.01, position, f"{value:.0%}", va="center", fontsize=8)
    axes.set_yticks(positions, [textwrap.fill(n, 30) for n in names], fontsize=8)
    axes.set_xlim(0, 1.1)
    axes.set_xlabel(_("Share of held-out applicants whose group is predicted right"))
    best = max((fit.accuracy for fit in fits), default=None)
    alt = _(
        "Bar chart of how often the group is predicted right. Always guessing the larger group: "
        "{base}. {n} of your tries shown; the best reaches {best}."
    ).format(base=_percent(audit.base_rate_), n=len(fits), best=_percent(best))
    return style.figure_tag(figure, alt)


def leak_table_html(audit: BiasAudit) -> str:
    """Every fit as a row: columns used, accuracy, and how far above the base rate."""
    rows = [["-", _("(none: always guess the larger group)"), _percent(audit.base_rate_), "0"]]
    rows += [
        [k, _fit_name(fit), _percent(fit.accuracy), f"{fit.gain * 100:+.0f}"]
        for k, fit in enumerate(audit.fits_, start=1)
    ]
    return kit.table_html(
        _("Predicting the group back, on held-out applicants"),
        [_("Try"), _("Columns used"), _("Accuracy"), _("Points above the base rate")],
        rows,
    )


def error_figure_html(audit: BiasAudit) -> str:
    """Grouped bars of accuracy, false positive and false negative rate per group."""
    metrics = [_("Accuracy"), _("False positive rate"), _("False negative rate")]
    figure = style.new_figure(5.6, 3.2)
    axes = figure.add_subplot()
    width = 0.38
    for i, rates in enumerate(audit.rates_):
        values = [
            r.value or 0.0
            for r in (rates.accuracy, rates.false_positive_rate, rates.false_negative_rate)
        ]
        xs = [m + (i - 0.5) * width for m in range(len(metrics))]
        axes.bar(
            xs,
            values,
            width,
            label=group_label(rates.group),
            color=style.CATEGORY_COLOURS[i],
            hatch=_HATCHES[i],
            edgecolor=style.PALETTE["black"],
        )
        for x, value in zip(xs, values, strict=True):
            axes.text(x, value + 0.02, f"{value:.0%}", ha="center", fontsize=8)
    axes.set_xticks(range(len(metrics)), metrics)
    axes.set_ylim(0, 1.1)
    axes.set_ylabel(_("Share"))
    axes.legend(loc="upper right", fontsize=8)
    a, b = audit.rates_
    alt = _(
        "Grouped bar chart of the main model's errors. {a}: accuracy {a_acc}, false positive "
        "rate {a_fpr}, false negative rate {a_fnr}. {b}: accuracy {b_acc}, false positive rate "
        "{b_fpr}, false negative rate {b_fnr}."
    ).format(
        a=group_label(a.group),
        a_acc=_percent(a.accuracy.value),
        a_fpr=_percent(a.false_positive_rate.value),
        a_fnr=_percent(a.false_negative_rate.value),
        b=group_label(b.group),
        b_acc=_percent(b.accuracy.value),
        b_fpr=_percent(b.false_positive_rate.value),
        b_fnr=_percent(b.false_negative_rate.value),
    )
    return style.figure_tag(figure, alt)


def error_table_html(audit: BiasAudit) -> str:
    """The main model's rates per group, with their counts."""
    rows = [
        [
            group_label(r.group),
            r.accuracy.denominator,
            str(r.accuracy),
            str(r.false_positive_rate),
            str(r.false_negative_rate),
            str(r.selection_rate),
        ]
        for r in audit.rates_
    ]
    return kit.table_html(
        _("The main model's decisions on held-out applicants, against who was truly qualified"),
        [
            _("Group"),
            _("Applicants"),
            _("Accuracy"),
            _("False positive rate (hired, not qualified)"),
            _("False negative rate (turned down, qualified)"),
            _("Hired"),
        ],
        rows,
    )


def _explanation(question: str) -> str:
    """Why the right answer to ``question`` is right, shown once the learner has answered."""
    return {
        "leak": _(
            "The column that predicts the group best on its own is a proxy: dropping the "
            "group column leaves it in."
        ),
        "wronged": _(
            "A false negative turns down someone who would have done the job well; the "
            "recorded past decisions did that more often to one group, and the model learnt it."
        ),
        "fair": _(
            "Removing the column is not fairness: the proxies rebuild the group, and the "
            "labels carry past bias (PAIR, Hidden bias)."
        ),
    }[question]


class BiasAuditView(w.VBox):
    """Part 1 (predict the group back), part 2 (errors per group) and part 3 (judgements)."""

    def __init__(self, audit: BiasAudit) -> None:
        self.audit = audit
        self.message = kit.MessageArea()
        intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "An invented town screened {n} job applicants. The hiring model was trained "
                    "on past decisions, and its makers removed the group column so that it "
                    "'cannot be biased'. Audit that claim. Every person and place here is made up."
                ).format(n=len(audit.table_["group"]))
            )
            + "</p>"
        )
        self.features = {
            f: kit.labelled(
                w.Checkbox(value=False, description=feature_label(f), indent=False),
                f"tt-feature-{f}",
            )
            for f in FEATURES
        }
        self.fit = kit.button(_("Predict the group from these columns"), "tt-fit")
        self.fit.layout.align_self = "flex-start"
        self.fit_result = w.HTML()
        self.fit_result.add_class("tt-fit-result")
        self.leak_chart = w.HTML()
        self.leak_chart.add_class("tt-leak-chart")
        self.leak_table = w.HTML()
        self.leak_table.add_class("tt-leak-table")
        self.error_chart = w.HTML(error_figure_html(audit))
        self.error_chart.add_class("tt-error-chart")
        self.error_table = w.HTML(error_table_html(audit))
        self.error_table.add_class("tt-error-table")
        self.questions = {
            q: kit.JudgementQuestion(
                question_text(q),
                choice_labels(q),
                submit=_("Submit answer"),
                question_class=f"tt-question-{q}",
                submit_class=f"tt-answer-{q}",
                feedback_class=f"tt-feedback-{q}",
            )
            for q in QUESTIONS
        }
        self.fit.on_click(self._on_fit)
        for question, box in self.questions.items():
            box.submit.on_click(lambda _b, q=question: self._on_answer(q))
        super().__init__(
            [
                intro,
                _heading(_("Part 1: we removed the column. Can it be predicted back?")),
                w.HTML(
                    html.escape(
                        _(
                            "Tick some columns and fit a classifier that predicts each "
                            "applicant's group from them. Try several sets."
                        )
                    )
                ),
                w.HBox(list(self.features.values()), layout=w.Layout(flex_flow="row wrap")),
                self.fit,
                self.fit_result,
                self.leak_chart,
                self.leak_table,
                _heading(_("Part 2: whom does the hiring model get wrong?")),
                self.error_chart,
                self.error_table,
                _heading(_("Part 3: your judgement")),
                *self.questions.values(),
                self.message,
            ]
        )
        self.add_class("tt-bias-audit")
        self.render()

    # -- handlers ------------------------------------------------------------------------------
    @kit.guarded
    def _on_fit(self, _button=None) -> None:
        chosen = [f for f, box in self.features.items() if box.value]
        self.audit.fit_group_predictor(chosen)
        self.render()

    @kit.guarded
    def _on_answer(self, question: str) -> None:
        choice = self.questions[question].chosen(_("Choose one of the answers first."))
        self.audit.answer(question, choice)
        self.render_answer(question)

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the latest fit, the history of fits, and the answered questions."""
        audit = self.audit
        if audit.fits_:
            fit = audit.fits_[-1]
            self.fit_result.value = html.escape(
                _(
                    "From {columns}: the group is predicted right for {accuracy} of held-out "
                    "applicants. Always guessing the larger group gets {base}."
                ).format(
                    columns=_fit_name(fit),
                    accuracy=_percent(fit.accuracy),
                    base=_percent(fit.base_rate),
                )
            )
        else:
            self.fit_result.value = html.escape(
                _("No fit yet. Always guessing the larger group gets {base}.").format(
                    base=_percent(audit.base_rate_)
                )
            )
        self.leak_chart.value = leak_figure_html(audit)
        self.leak_table.value = leak_table_html(audit)
        for question in self.questions:
            self.render_answer(question)

    def render_answer(self, question: str) -> None:
        """Lock ``question`` on the learner's answer and say whether it was right."""
        choice = self.audit.answers_.get(question)
        text = ""
        if choice is not None:
            right = choice == self.audit.correct_choice(question)
            verdict = _("Right.") if right else _("Not the answer the data supports.")
            text = f"{verdict} {_explanation(question)}"
        self.questions[question].show(choice, text, status=True)
