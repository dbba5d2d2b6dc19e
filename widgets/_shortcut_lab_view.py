"""The ipywidgets view of a :class:`~thinktwice.widgets.shortcut_lab.ShortcutLab`."""

from __future__ import annotations

import html
import textwrap

import ipywidgets as w
import numpy as np

from . import _digit_models as dm
from . import style
from ._view_kit import (
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .i18n import _
from .shortcut_lab import (
    ATTEMPT_CREDIT,
    CONDITIONS,
    CORRECT_CHOICE,
    MODELS,
    Importance,
    ShortcutLab,
    choice_texts,
    condition_names,
    model_names,
)
from .style import PALETTE, figure_tag, new_figure

_STYLE = {
    "with": {"color": PALETTE["orange"], "hatch": "//"},
    "without": {"color": PALETTE["blue"], "hatch": ""},
}


def _pct(value: float) -> str:
    return f"{value:.0%}"


def accuracy_table(lab: ShortcutLab) -> str:
    """Test accuracy of each model on each test set the learner has tried ("not tested" else)."""
    conditions, models = condition_names(), model_names()
    rows = [
        [models[m]]
        + [
            _pct(lab.accuracy_[m, c]) if (m, c) in lab.seen_ else _("not tested yet")
            for c in CONDITIONS
        ]
        for m in MODELS
    ]
    return table_html(
        _("Test accuracy (share of test pictures read right)"),
        [_("Model")] + [conditions[c] for c in CONDITIONS],
        rows,
    )


def accuracy_chart(lab: ShortcutLab) -> str:
    """Grouped bars: accuracy per test set, one bar per model, only for what was tested."""
    conditions, models = condition_names(), model_names()
    figure = new_figure(4.6, 2.3)
    axes = figure.add_axes((0.11, 0.22, 0.87, 0.74))
    for offset, model in zip((-0.2, 0.2), MODELS, strict=True):
        for x, condition in enumerate(CONDITIONS):
            if (model, condition) not in lab.seen_:
                axes.text(x + offset, 0.03, "?", ha="center", fontsize=10, color="#555555")
                continue
            accuracy = lab.accuracy_[model, condition]
            axes.bar(x + offset, accuracy, width=0.38, edgecolor="black", **_STYLE[model])
            axes.text(x + offset, accuracy + 0.03, _pct(accuracy), ha="center", fontsize=8)
    axes.set_xticks(
        range(len(CONDITIONS)),
        [textwrap.fill(conditions[c], 16) for c in CONDITIONS],
        fontsize=7,
    )
    axes.set_xlim(-0.6, len(CONDITIONS) - 0.4)
    axes.set_ylim(0, 1.15)
    axes.set_yticks([0, 0.5, 1], ["0%", "50%", "100%"])
    axes.set_ylabel(_("test accuracy"), fontsize=8)
    tested = [
        _("{model}, {condition}: {accuracy}").format(
            model=models[m], condition=conditions[c], accuracy=_pct(lab.accuracy_[m, c])
        )
        for m in MODELS
        for c in CONDITIONS
        if (m, c) in lab.seen_
    ]
    alt = _("Bar chart of test accuracy. {results}.").format(
        results="; ".join(tested) if tested else _("Nothing tested yet")
    )
    key = _(
        "Hatched orange bars: the model trained with the mark. Solid blue bars: the model "
        "trained without it. A question mark: not tested yet."
    )
    return f"{html.escape(key)}<br>{figure_tag(figure, alt)}"


def importance_table(importance: Importance) -> str:
    """The five pixels the model relies on most, with the accuracy lost when each is shuffled."""
    rows = [
        [rank, row, col, f"{mean:.3f} ± {std:.3f}"]
        for rank, (row, col, mean, std) in enumerate(importance.top(5), start=1)
    ]
    return table_html(
        _("The five most important pixels"),
        [_("Rank"), _("Row"), _("Column"), _("Accuracy lost when shuffled")],
        rows,
    )


def importance_map(importance: Importance, model: str) -> str:
    """An 8x8 heat map of permutation importance (cividis), the top three cells numbered."""
    figure = new_figure(3.0, 2.8)
    axes = figure.add_axes((0.16, 0.14, 0.8, 0.8))
    values = np.clip(importance.mean, 0, None)
    top = max(float(values.max()), 1e-9)
    axes.imshow(values, cmap="cividis", vmin=0, vmax=top)
    for rank, (row, col, mean, _std) in enumerate(importance.top(3), start=1):
        colour = "black" if max(mean, 0) / top > 0.5 else "white"
        axes.text(col - 1, row - 1, str(rank), ha="center", va="center", color=colour, fontsize=9)
    axes.set_xticks(range(dm.SIDE), [str(c) for c in range(1, dm.SIDE + 1)], fontsize=7)
    axes.set_yticks(range(dm.SIDE), [str(r) for r in range(1, dm.SIDE + 1)], fontsize=7)
    axes.set_xlabel(_("column"), fontsize=8, labelpad=1)
    axes.set_ylabel(_("row"), fontsize=8, labelpad=1)
    ranked = "; ".join(
        _("{rank}: row {row}, column {col} ({mean:.3f})").format(
            rank=rank, row=row, col=col, mean=mean
        )
        for rank, (row, col, mean, _std) in enumerate(importance.top(3), start=1)
    )
    alt = _(
        "Heat map of the 64 pixels for the model {model}: brighter (yellow) pixels matter more, "
        "dark blue ones less. The most important, numbered on the map: {ranked}."
    ).format(model=model_names()[model], ranked=ranked)
    key = _(
        "Brighter (yellow) squares: the model's accuracy falls more when that pixel is "
        "shuffled among the test pictures. The top three are numbered."
    )
    return f"{html.escape(key)}<br>{figure_tag(figure, alt)}"


class ShortcutLabView(w.VBox):
    """Train, test, break the mark, reveal the importance map, name the mark, explain the drop."""

    def __init__(self, lab: ShortcutLab) -> None:
        self.lab = lab
        # Figures already drawn, by what they show: going back to a state costs nothing. The
        # two importance maps never change, so they are drawn with the view (this also warms
        # matplotlib up before the learner's first click).
        self._charts: dict[frozenset, str] = {}
        self._maps = {m: importance_map(lab.importance_[m], m) for m in MODELS}
        self.message = MessageArea()
        a, b = lab.pair_
        self.intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "You are building a model that tells the handwritten digits {a} and {b} "
                    "apart, from noisy scans. Every training picture of {marked} came from "
                    "another scanner that stamps a small bright mark on it. Train the model, "
                    "test it, then change the test pictures and see what happens. (The digits "
                    "are scikit-learn's copy of the UCI handwritten digits data, with noise "
                    "added.)"
                ).format(a=a, b=b, marked=lab.marked_digit_)
            )
            + "</p>"
        )
        self.samples = w.HTML()
        self.samples.add_class("tt-samples")
        self.train = labelled(
            w.ToggleButtons(
                options=[
                    (_("Train with the mark"), "with"),
                    (_("Train without the mark"), "without"),
                ],
                value=None,
                description=_("Training pictures:"),
                tooltips=[
                    _("Every training picture of one digit carries the mark"),
                    _("The same pictures with no mark"),
                ],
                style={"button_width": "190px", "description_width": "initial"},
            ),
            "tt-train",
        )
        names = condition_names()
        self.test = labelled(
            w.ToggleButtons(
                options=[(names[c], c) for c in CONDITIONS],
                value=None,
                description=_("Test pictures:"),
                tooltips=[
                    _("The mark on the same digit as in training"),
                    _("No mark on any test picture"),
                    _("The mark on the other digit only"),
                ],
                style={"button_width": "230px", "description_width": "initial"},
            ),
            "tt-test",
        )
        self.result = w.HTML()
        self.result.add_class("tt-result")
        self.chart = w.HTML()
        self.chart.add_class("tt-accuracy-chart")
        self.table = w.HTML()
        self.table.add_class("tt-accuracy-table")
        self.reveal = button(_("Show which pixels the model relies on"), "tt-reveal")
        self.importance = w.HTML()
        self.importance.add_class("tt-importance")
        self.importance_text = w.HTML()
        self.importance_text.add_class("tt-importance-table")

        self.locate_label = w.HTML(
            "<b>"
            + html.escape(_("Where is the mark? Name one of its pixels (three tries)."))
            + "</b>"
        )
        numbers = [str(n) for n in range(1, dm.SIDE + 1)]
        self.row = labelled(w.Dropdown(options=numbers, value="1", description=_("Row")), "tt-row")
        self.col = labelled(
            w.Dropdown(options=numbers, value="1", description=_("Column")), "tt-col"
        )
        self.locate = button(_("The mark is here"), "tt-locate")
        self.located = w.HTML()
        self.located.add_class("tt-located")

        texts = choice_texts()
        self.judgement = JudgementQuestion(
            _(
                "Why did the model trained with the mark lose accuracy when the mark no "
                "longer matched the digit?"
            ),
            [(texts[key], key) for key in lab.choice_order_],
            submit=_("Submit my answer"),
            submit_class="tt-submit-answer",
            feedback_class="tt-verdict",
            width="100%",
        )
        self.question = self.judgement.choices
        self.submit = self.judgement.submit
        self.verdict = self.judgement.feedback

        self.train.observe(self._on_train, names="value")
        self.test.observe(self._on_test, names="value")
        self.reveal.on_click(self._on_reveal)
        self.locate.on_click(self._on_locate)
        self.submit.on_click(self._on_submit)
        super().__init__(
            [
                self.intro,
                self.samples,
                self.train,
                self.test,
                self.result,
                w.HBox([self.chart, self.table]),
                self.reveal,
                w.HBox([self.importance, self.importance_text]),
                self.locate_label,
                w.HBox([self.row, self.col, self.locate]),
                self.located,
                self.judgement,
                self.message,
            ]
        )
        self.add_class("tt-shortcut-lab")
        self._restoring = True
        try:
            self.train.value = lab.model_
            self.test.value = lab.condition_
        finally:
            self._restoring = False
        self.render_model()
        self.render_accuracy()
        self.render_importance()
        self.render_located()
        self.render_question()

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_train(self, change) -> None:
        if self._restoring or change["new"] is None or change["new"] == self.lab.model_:
            return
        self.lab.train(change["new"])
        self._restoring = True
        try:
            self.test.value = None  # a new model has not been tested yet
        finally:
            self._restoring = False
        self.render_model()
        self.render_accuracy()
        self.render_importance()

    @guarded
    def _on_test(self, change) -> None:
        if self._restoring or change["new"] is None:
            return
        if self.lab.model_ is None:
            self._restoring = True
            try:
                self.test.value = None
            finally:
                self._restoring = False
            self.message.say(_("Train a model first."))
            return
        self.lab.test(change["new"])
        self.render_accuracy()

    @guarded
    def _on_reveal(self, _button=None) -> None:
        if self.lab.model_ is None:
            self.message.say(_("Train a model first."))
            return
        self.lab.reveal()
        self.render_importance()

    @guarded
    def _on_locate(self, _button=None) -> None:
        self.lab.locate(int(self.row.value), int(self.col.value))
        self.render_located()

    @guarded
    def _on_submit(self, _button=None) -> None:
        self.lab.answer(self.judgement.chosen(_("Choose an answer first.")))
        self.render_question()

    # -- drawing -------------------------------------------------------------------------------
    def render_model(self) -> None:
        """Show a few training pictures of the current model."""
        lab = self.lab
        self.test.disabled = lab.model_ is None
        with_mark = lab.model_ != "without"
        images = []
        for digit, picture in lab.sample():
            if with_mark and digit == lab.marked_digit_:
                alt = _("A noisy training picture of a {digit}, with its mark").format(digit=digit)
            else:
                alt = _("A noisy training picture of a {digit}").format(digit=digit)
            images.append(style.digit_tag(picture, alt, size=80))
        caption = (
            _("Training pictures of the model trained with the mark:")
            if with_mark
            else _("Training pictures of the model trained without the mark:")
        )
        self.samples.value = f"{html.escape(caption)}<br>" + " ".join(images)

    def render_accuracy(self) -> None:
        """The latest test result in words, the chart of every test so far, and its table."""
        lab = self.lab
        if lab.model_ is None:
            self.result.value = html.escape(_("Choose how to train the model."))
        elif lab.condition_ is None:
            self.result.value = html.escape(
                _("The model {model} is trained. Choose test pictures.").format(
                    model=model_names()[lab.model_]
                )
            )
        else:
            self.result.value = "<b>{}</b>".format(
                html.escape(
                    _(
                        "The model {model} reads {accuracy} of the test pictures ({condition})."
                    ).format(
                        model=model_names()[lab.model_],
                        accuracy=_pct(lab.accuracy_[lab.model_, lab.condition_]),
                        condition=condition_names()[lab.condition_],
                    )
                )
            )
        seen = frozenset(lab.seen_)
        if seen and seen not in self._charts:
            self._charts[seen] = accuracy_chart(lab)
        self.chart.value = self._charts[seen] if seen else ""
        self.table.value = accuracy_table(lab)

    def render_importance(self) -> None:
        """The importance map of the current model, once revealed for it."""
        lab = self.lab
        self.reveal.disabled = lab.model_ is None or lab.model_ in lab.revealed_
        if lab.model_ in lab.revealed_:
            self.importance.value = self._maps[lab.model_]
            self.importance_text.value = importance_table(lab.importance_[lab.model_])
        else:
            self.importance.value = ""
            self.importance_text.value = ""

    def render_located(self) -> None:
        """Say how the learner's tries went; lock when found or out of tries."""
        lab = self.lab
        tries = len(lab.attempts_)
        finished = lab.located or tries >= len(ATTEMPT_CREDIT)
        self.locate.disabled = self.row.disabled = self.col.disabled = finished
        if lab.located:
            (row, col), (row2, col2) = lab.mark_cells
            text = _(
                "Found it. The mark covers row {row}, column {col} and row {row2}, column "
                "{col2}: no stroke of a digit needs it, yet the model leans on it."
            ).format(row=row, col=col, row2=row2, col2=col2)
        elif finished:
            text = _("That was your last try. The importance map shows where the mark is.")
        elif tries:
            text = _("Not there. {left} tries left.").format(left=len(ATTEMPT_CREDIT) - tries)
        else:
            text = ""
        self.located.value = html.escape(text)

    def render_question(self) -> None:
        """Lock the question once answered and say whether the answer holds."""
        choice = self.lab.choice_
        if choice is None:
            text = ""
        elif choice == CORRECT_CHOICE:
            text = _(
                "Yes. The mark was the easiest way to tell the training pictures apart, so the "
                "model learned it. High test accuracy only showed that the test pictures had "
                "the same shortcut. Lapuschkin et al. (2019) call such a model a 'Clever Hans' "
                "predictor; Geirhos et al. (2020) call this shortcut learning."
            )
        else:
            text = _(
                "Not quite. Compare the two models on the same broken test pictures: what "
                "differs between them?"
            )
        self.judgement.show(choice, text)
