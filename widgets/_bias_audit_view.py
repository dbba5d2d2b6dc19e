"""The ipywidgets view of a :class:`~thinktwice.widgets.bias_audit.BiasAudit`."""

from __future__ import annotations

import html

import ipywidgets as w

from . import _view_kit as kit
from . import style
from ._layered_figure import LayeredFigure
from .bias_audit import FEATURES, JUDGEMENTS, BiasAudit, ProxyFit, feature_label, group_label
from .i18n import _

#: How many of the latest fits the chart shows (the table lists them all).
_SHOWN_FITS = 5
_HATCHES = ("//", "..")
#: The sets of columns a learner's run fits, from a legitimate column to all of them.
_TOUR_FEATURE_SETS = (
    ("test_score",),
    ("neighbourhood",),
    ("neighbourhood", "school"),
    FEATURES,
)


def _heading(text: str) -> w.HTML:
    return w.HTML(f"<h4 style='margin:8px 0 2px'>{html.escape(text)}</h4>")


def _paragraph(text: str, **terms: str) -> w.HTML:
    """A paragraph of ``text`` whose ``{name}`` fields are terms defined here (``<dfn>``)."""
    dfns = {name: f"<dfn>{html.escape(term)}</dfn>" for name, term in terms.items()}
    return w.HTML(f"<p>{html.escape(text).format(**dfns)}</p>")


def _fit_name(fit: ProxyFit) -> str:
    return ", ".join(feature_label(f) for f in fit.features)


class LeakFigure(LayeredFigure):
    """Bars of the latest fits' accuracy below the base rate's: axes drawn once, bars after."""

    def __init__(self, base_rate: float) -> None:
        rows = 1 + _SHOWN_FITS
        height = 0.9 + 0.42 * rows
        # Fixed margins leave room on the left for the bars' names.
        figure = style.new_figure(
            6.4, height, left=0.3, bottom=0.55 / height, right=0.93, top=1 - 0.15 / height
        )
        axes = figure.add_subplot()
        positions = list(range(rows))[::-1]
        axes.barh(
            positions[0],
            base_rate,
            color="#bbbbbb",
            height=0.6,
            edgecolor=style.PALETTE["black"],
            linestyle="--",  # the baseline differs by its label and outline, not colour only
        )
        axes.axvline(base_rate, color=style.PALETTE["black"], linestyle="--", linewidth=1)
        axes.text(base_rate + 0.01, positions[0], style.percent(base_rate), va="center", fontsize=8)
        axes.set_yticks([positions[0]], [_("Always guess\nthe larger group")], fontsize=8)
        axes.set_ylim(-0.6, rows - 0.4)
        axes.set_xlim(0, 1.1)
        shares = [0, 0.25, 0.5, 0.75, 1]
        axes.set_xticks(shares, [style.percent(share) for share in shares])
        axes.set_xlabel(_("Share of test applicants whose group is guessed right"))
        self.bars = list(
            axes.barh(
                positions[1:],
                [0] * _SHOWN_FITS,
                color=style.CATEGORY_COLOURS[0],
                height=0.6,
                edgecolor=style.PALETTE["black"],
            )
        )
        self.values = [axes.text(0, y, "", va="center", fontsize=8) for y in positions[1:]]
        names_at = axes.get_yaxis_transform()  # x in axes shares, y in rows
        self.names = [
            axes.text(-0.015, y, "", transform=names_at, ha="right", va="center", fontsize=8)
            for y in positions[1:]
        ]
        super().__init__(figure, [*self.bars, *self.values, *self.names])

    def html(self, audit: BiasAudit) -> str:
        """The latest fits as an ``<img>`` with alt text."""
        fits = audit.fits_[-_SHOWN_FITS:]
        first = len(audit.fits_) - len(fits) + 1
        for row, (bar, value, name) in enumerate(
            zip(self.bars, self.values, self.names, strict=True)
        ):
            shown = row < len(fits)
            for artist in (bar, value, name):
                artist.set_visible(shown)
            if shown:
                accuracy = fits[row].accuracy
                bar.set_width(accuracy)
                value.set_x(accuracy + 0.01)
                value.set_text(style.percent(accuracy))
                # Short names keep the chart readable; the table below names each try's columns.
                name.set_text(_("Try {k}").format(k=first + row))
        best = max((fit.accuracy for fit in fits), default=None)
        alt = _(
            "Bar chart of how often the group is guessed right. Always guessing the larger "
            "group: {base}. {n} of your tries shown; the best reaches {best}."
        ).format(base=style.percent(audit.base_rate_), n=len(fits), best=style.percent(best))
        return self.tag(alt)


def leak_table_html(audit: BiasAudit) -> str:
    """Every fit as a row: columns used, accuracy, and how far above the base rate."""
    rows = [["-", _("(none: always guess the larger group)"), style.percent(audit.base_rate_), "0"]]
    rows += [
        [k, _fit_name(fit), style.percent(fit.accuracy), f"{fit.gain * 100:+.0f}"]
        for k, fit in enumerate(audit.fits_, start=1)
    ]
    return kit.table_html(
        _("Guessing the group back, on test applicants"),
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
            axes.text(x, value + 0.02, style.percent(value), ha="center", fontsize=8)
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
        a_acc=style.percent(a.accuracy.value),
        a_fpr=style.percent(a.false_positive_rate.value),
        a_fnr=style.percent(a.false_negative_rate.value),
        b=group_label(b.group),
        b_acc=style.percent(b.accuracy.value),
        b_fpr=style.percent(b.false_positive_rate.value),
        b_fnr=style.percent(b.false_negative_rate.value),
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
        _("The hiring model's decisions on test applicants, against who was truly qualified"),
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
            "The column that guesses the group best on its own is a proxy: dropping the "
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


class BiasAuditView(kit.ActivityView):
    """Part 1 (predict the group back), part 2 (errors per group) and part 3 (judgements)."""

    def __init__(self, audit: BiasAudit) -> None:
        self.audit = audit
        self.message = kit.MessageArea()
        intro = _paragraph(
            _(
                "An invented town screened {n} job applicants. A computer model decides whom to "
                "hire: it learnt from the town's past hiring decisions, and its makers removed "
                "the column that says which group (A or B) each person belongs to, so that it "
                "'cannot be biased'. Audit that claim. Every person and place here is made up."
            ).format(n=len(audit.table_["group"]))
        )
        intro.add_class("tt-intro")
        part_1 = _paragraph(
            _(
                "Tick some columns and press the button. A small prediction model learns from "
                "half of the applicants to guess each person's group from those columns; then it "
                "is tested on the other half, the test applicants, whom it has not seen. Its "
                "accuracy is the share of test applicants whose group it guesses right. Compare "
                "it with the {base_rate}: the accuracy of always guessing the larger group, which "
                "needs no columns at all. A column that lets the model beat the base rate by far "
                "is a {proxy}: it stands in for the group column that was removed. Try several "
                "sets."
            ),
            base_rate=_("base rate"),
            proxy=_("proxy"),
        )
        part_2 = _paragraph(
            _(
                "Here is the hiring model itself, on the test applicants, compared with who was "
                "truly qualified (in this invented town we know). A model can be wrong in two "
                "ways. A {fp} is someone it would hire who is not qualified; a {fn} is someone "
                "qualified whom it turns down. The false negative rate is the share of qualified "
                "people turned down; the false positive rate is the share of unqualified people "
                "hired."
            ),
            fp=_("false positive"),
            fn=_("false negative"),
        )
        self.features = {
            f: kit.labelled(
                w.Checkbox(value=False, description=feature_label(f), indent=False),
                f"tt-feature-{f}",
            )
            for f in FEATURES
        }
        self.fit = kit.button(_("Guess the group from these columns"), "tt-fit")
        self.fit.layout.align_self = "flex-start"
        self.fit_result = w.HTML()
        self.fit_result.add_class("tt-fit-result")
        self.leak_chart = w.HTML()
        self.leak_chart.add_class("tt-leak-chart")
        self._leak_figure = LeakFigure(audit.base_rate_)
        self.leak_table = w.HTML()
        self.leak_table.add_class("tt-leak-table")
        self.error_chart = w.HTML(error_figure_html(audit))
        self.error_chart.add_class("tt-error-chart")
        self.error_table = w.HTML(error_table_html(audit))
        self.error_table.add_class("tt-error-table")
        self.questions = {
            q: kit.JudgementQuestion.of(
                judgement,
                submit=_("Submit answer"),
                question_class=f"tt-question-{q}",
                submit_class=f"tt-answer-{q}",
                feedback_class=f"tt-feedback-{q}",
            )
            for q, judgement in JUDGEMENTS.items()
        }
        features = w.HBox(list(self.features.values()), layout=w.Layout(flex_flow="row wrap"))
        features.add_class("tt-features")
        self.fit.on_click(self._on_fit)
        for question, box in self.questions.items():
            box.submit.on_click(lambda _b, q=question: self._on_answer(q))
        super().__init__(
            audit,
            [
                intro,
                _heading(_("Part 1: we removed the column. Can it be guessed back?")),
                part_1,
                features,
                self.fit,
                self.fit_result,
                self.leak_chart,
                self.leak_table,
                _heading(_("Part 2: whom does the hiring model get wrong?")),
                part_2,
                self.error_chart,
                self.error_table,
                _heading(_("Part 3: your judgement")),
                *self.questions.values(),
                self.message,
            ],
        )
        self.render()

    def tour(self):
        """Fit four sets of columns, from a legitimate one to all, then answer each question."""

        def fit(chosen) -> None:
            for feature, box in self.features.items():
                box.value = feature in chosen
            self.fit.click()

        def answer(question: str) -> None:
            self.questions[question].choices.value = self.audit.correct_choice(question)
            self.questions[question].submit.click()

        fits = [lambda chosen=chosen: fit(chosen) for chosen in _TOUR_FEATURE_SETS]
        return [*fits, *(lambda q=q: answer(q) for q in JUDGEMENTS)]

    # -- handlers ------------------------------------------------------------------------------
    @kit.guarded
    def _on_fit(self, _button=None) -> None:
        chosen = [f for f, box in self.features.items() if box.value]
        self.audit.fit_group_predictor(chosen)
        self.render_fits()

    @kit.guarded
    def _on_answer(self, question: str) -> None:
        self.audit.answer(question, self.questions[question].chosen())
        self.render_answer(question)

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the fits and the answered questions."""
        self.render_fits()
        for question in self.questions:
            self.render_answer(question)

    def render_fits(self) -> None:
        """Show the latest fit, its chart and the table of every fit."""
        audit = self.audit
        if audit.fits_:
            fit = audit.fits_[-1]
            self.fit_result.value = html.escape(
                _(
                    "From {columns}: the group is guessed right for {accuracy} of the test "
                    "applicants. Always guessing the larger group gets {base}."
                ).format(
                    columns=_fit_name(fit),
                    accuracy=style.percent(fit.accuracy),
                    base=style.percent(fit.base_rate),
                )
            )
        else:
            self.fit_result.value = html.escape(
                _("No guess yet. Always guessing the larger group gets {base}.").format(
                    base=style.percent(audit.base_rate_)
                )
            )
        self.leak_chart.value = self._leak_figure.html(audit)
        self.leak_table.value = leak_table_html(audit)

    def render_answer(self, question: str) -> None:
        """Lock ``question`` on the learner's answer and say whether it was right."""
        choice = self.audit.answers_.get(question)
        text = ""
        if choice is not None:
            right = self.audit.is_right(question, choice)
            verdict = _("Right.") if right else _("Not the answer the data supports.")
            text = f"{verdict} {_explanation(question)}"
        self.questions[question].show(choice, text, status=True)
