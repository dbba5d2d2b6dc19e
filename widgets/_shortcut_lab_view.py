"""The ipywidgets view of a :class:`~thinktwice.widgets.shortcut_lab.ShortcutLab`."""

from __future__ import annotations

import functools
import html
import textwrap

import ipywidgets as w
import numpy as np

from . import _digit_models as dm
from ._view_kit import (
    ActivityView,
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
    MODELS,
    QUESTION,
    Importance,
    ShortcutLab,
    condition_names,
    model_names,
)
from .style import PALETTE, digit_tag, figure_tag, new_figure, percent

_STYLE = {
    "with": {"color": PALETTE["orange"], "hatch": "//"},
    "without": {"color": PALETTE["blue"], "hatch": ""},
}

#: Display width of a training picture, in CSS pixels (8 squares of 14).
_THUMBNAIL = 112


def accuracy_table(lab: ShortcutLab) -> str:
    """Test accuracy of each model on each test set the learner has tried ("not tested" else)."""
    conditions, models = condition_names(), model_names()
    rows = [
        [models[m]]
        + [
            percent(lab.accuracy_[m, c]) if (m, c) in lab.seen_ else _("not tested yet")
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
    figure = new_figure(4.6, 2.3, left=0.11, bottom=0.22, right=0.98, top=0.96)
    axes = figure.add_subplot()
    for offset, model in zip((-0.2, 0.2), MODELS, strict=True):
        for x, condition in enumerate(CONDITIONS):
            if (model, condition) not in lab.seen_:
                axes.text(x + offset, 0.03, "?", ha="center", fontsize=10, color="#555555")
                continue
            accuracy = lab.accuracy_[model, condition]
            axes.bar(x + offset, accuracy, width=0.38, edgecolor="black", **_STYLE[model])
            axes.text(x + offset, accuracy + 0.03, percent(accuracy), ha="center", fontsize=8)
    axes.set_xticks(
        range(len(CONDITIONS)),
        [textwrap.fill(conditions[c], 16) for c in CONDITIONS],
        fontsize=7,
    )
    axes.set_xlim(-0.6, len(CONDITIONS) - 0.4)
    axes.set_ylim(0, 1.15)
    axes.set_yticks([0, 0.5, 1], [percent(v) for v in (0, 0.5, 1)])
    axes.set_ylabel(_("test accuracy"), fontsize=8)
    tested = [
        _("{model}, {condition}: {accuracy}").format(
            model=models[m], condition=conditions[c], accuracy=percent(lab.accuracy_[m, c])
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
        [rank, row, col, f"{percent(mean, 1)} ± {percent(std, 1)}"]
        for rank, (row, col, mean, std) in enumerate(importance.top(5), start=1)
    ]
    return table_html(
        _("The five most important pixels"),
        [_("Rank"), _("Row"), _("Column"), _("Accuracy lost when shuffled")],
        rows,
    )


def importance_map(importance: Importance, model: str) -> str:
    """An 8x8 heat map of permutation importance (cividis), the top three cells numbered."""
    figure = new_figure(3.0, 2.8, left=0.16, bottom=0.14, right=0.96, top=0.94)
    axes = figure.add_subplot()
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
        _("{rank}: row {row}, column {col} ({mean})").format(
            rank=rank, row=row, col=col, mean=percent(mean, 1)
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


def samples_html(lab: ShortcutLab) -> str:
    """A few training pictures of the current model, each labelled with its digit and mark."""
    with_mark = lab.model_ != "without"
    figures = []
    for digit, picture in lab.sample():
        marked = with_mark and digit == lab.marked_digit_
        if marked:
            label = _("{digit} (with the mark)").format(digit=digit)
            alt = _("A noisy training picture of the digit {digit}, with the mark")
        else:
            label = _("{digit} (no mark)").format(digit=digit)
            alt = _("A noisy training picture of the digit {digit}, with no mark")
        alt = alt.format(digit=digit)
        figures.append(
            "<figure style='margin:0;text-align:center'>"
            + digit_tag(picture, alt, size=_THUMBNAIL, css_class="tt-sample")
            + f"<figcaption style='font-size:1.1em'>{html.escape(label)}</figcaption></figure>"
        )
    caption = (
        _("Training pictures of the model trained with the mark:")
        if with_mark
        else _("Training pictures of the model trained without the mark:")
    )
    return (
        f"<b>{html.escape(caption)}</b>"
        "<div style='display:flex;flex-wrap:wrap;gap:16px;margin:4px 0 8px'>"
        + "".join(figures)
        + "</div>"
    )


class ShortcutLabView(ActivityView):
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
                    "another scanner that stamps a small black mark on it. Train the model, "
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
                style={"button_width": "180px"},
            ),
            "tt-train",
            aligned=True,
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
                style={"button_width": "180px"},
            ),
            "tt-test",
            aligned=True,
        )
        # ToggleButtons alone are not laid out as a row: its label would sit above the buttons.
        for row in (self.train, self.test):
            row.add_class("widget-inline-hbox")
            row.layout.width = "auto"
        self.result = w.HTML()
        self.result.add_class("tt-result")
        self.chart = w.HTML()
        self.chart.add_class("tt-accuracy-chart")
        # As wide as the chart, so that its key wraps above it and the table gets the rest.
        self.chart.layout = w.Layout(width="430px", flex="0 0 auto")
        self.table = w.HTML()
        self.table.add_class("tt-accuracy-table")
        # Beside the chart when there is room for its columns, below it otherwise.
        self.table.layout = w.Layout(min_width="340px", flex="1 1 340px")
        self.reveal = button(_("Show which pixels the model relies on"), "tt-reveal")
        self.reveal.layout.align_self = "flex-start"
        self.importance = w.HTML()
        self.importance.add_class("tt-importance")
        self.importance.layout = w.Layout(width="300px", flex="0 0 auto")
        self.importance_text = w.HTML()
        self.importance_text.add_class("tt-importance-table")

        self.locate_label = w.HTML(
            "<b>"
            + html.escape(_("Where is the mark? Name one of its pixels (three tries)."))
            + "</b>"
        )
        numbers = [str(n) for n in range(1, dm.SIDE + 1)]
        self.row = labelled(
            w.Dropdown(
                options=numbers, value="1", description=_("Row"), layout=w.Layout(width="10em")
            ),
            "tt-row",
        )
        self.col = labelled(
            w.Dropdown(
                options=numbers, value="1", description=_("Column"), layout=w.Layout(width="12em")
            ),
            "tt-col",
        )
        self.locate = button(_("The mark is here"), "tt-locate")
        self.located = w.HTML()
        self.located.add_class("tt-located")

        self.judgement = JudgementQuestion.of(
            lab.question(),
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
            lab,
            [
                self.intro,
                self.samples,
                self.train,
                self.test,
                self.result,
                w.HBox([self.chart, self.table], layout=w.Layout(flex_flow="row wrap")),
                self.reveal,
                w.HBox([self.importance, self.importance_text]),
                self.locate_label,
                w.HBox([self.row, self.col, self.locate]),
                self.located,
                self.judgement,
                self.message,
            ],
        )
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

    def tour(self):
        """Train with the mark, test on every set, reveal; the same without; locate; answer."""
        lab = self.lab
        set_train = functools.partial(setattr, self.train, "value")
        set_test = functools.partial(setattr, self.test, "value")
        calls = [functools.partial(set_train, "with")]
        calls += [functools.partial(set_test, c) for c in ("as-trained", "removed", "moved")]
        calls += [self.reveal.click, functools.partial(set_train, "without")]
        calls += [functools.partial(set_test, c) for c in ("moved", "removed")]
        calls += [self.reveal.click, functools.partial(set_train, "with")]  # revealed already
        rows = {row for row, _col in lab.mark_cells}
        wrong = "8" if 8 not in rows else "4"
        row, col = lab.mark_cells[0]
        calls += [
            functools.partial(self._locate, wrong, "4"),
            functools.partial(self._locate, str(row), str(col)),
        ]
        return calls + [self._answer_first]

    def _locate(self, row: str, col: str) -> None:
        self.row.value, self.col.value = row, col
        self.locate.click()

    def _answer_first(self) -> None:
        self.question.value = self.lab.choice_order_[0]
        self.submit.click()

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
        self.render_question()

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
        self.lab.answer(self.judgement.chosen())
        self.render_question()

    # -- drawing -------------------------------------------------------------------------------
    def render_model(self) -> None:
        """Show a few training pictures of the current model, labelled."""
        self.test.disabled = self.lab.model_ is None
        self.samples.value = samples_html(self.lab)

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
                        accuracy=percent(lab.accuracy_[lab.model_, lab.condition_]),
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
        """Open the question once the marked model has met broken test pictures; lock it then."""
        lab = self.lab
        choice = lab.choice_
        # Asked earlier, the question and its choices would give the lesson away.
        ready = lab.saw_drop or choice is not None
        if not ready:
            text = _(
                "This question opens once you have tested the model trained with the mark on "
                "test pictures where the mark no longer matches the digit."
            )
        elif choice is None:
            text = ""
        elif QUESTION.is_right(choice):
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
        self.judgement.prompt.layout.display = None if ready else "none"
        self.question.layout.display = self.submit.layout.display = None if ready else "none"
        self.judgement.show(choice, text, ready=ready)
