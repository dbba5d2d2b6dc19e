"""The ipywidgets view of a :class:`~thinktwice.widgets.playground.ModelPlayground`."""

from __future__ import annotations

import html

import ipywidgets as w
import numpy as np

from ._view_kit import (
    JudgementQuestion,
    MessageArea,
    guarded,
    labelled,
    table_html,
)
from .i18n import _
from .playground import (
    CHOICES,
    LABEL_NOISE,
    NEIGHBOURS,
    TRAIN_SIZES,
    Fit,
    ModelPlayground,
    choice_label,
)
from .style import CATEGORY_COLOURS, MARKERS, PALETTE, figure_tag, new_figure

#: Points per side of the grid on which the decision regions are drawn.
GRID = 60
#: Rows of the history table.
HISTORY_ROWS = 8


def _slider(value: int, bounds: tuple[int, int], step: int, description: str, css_class: str):
    slider = w.IntSlider(
        value=value,
        min=bounds[0],
        max=bounds[1],
        step=step,
        continuous_update=False,
        description=description,
        layout=w.Layout(width="460px"),
    )
    return labelled(slider, css_class)


class PlaygroundView(w.VBox):
    """Three sliders, the decision regions on training and test points, and the accuracies."""

    def __init__(self, playground: ModelPlayground) -> None:
        self.playground = playground
        self._syncing = False
        points = np.vstack([playground.x_pool_, playground.x_test_])
        low, high = points.min(axis=0) - 0.3, points.max(axis=0) + 0.3
        self._gx, self._gy = np.meshgrid(
            np.linspace(low[0], high[0], GRID), np.linspace(low[1], high[1], GRID)
        )
        self._grid = np.c_[self._gx.ravel(), self._gy.ravel()]
        intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "A nearest-neighbour model gives a new point the label that most of its k "
                    "nearest training points have. Move the sliders: each change trains the "
                    "model again and tests it on points it never saw."
                )
            )
            + "</p>"
        )
        k, noise, size = playground.current_
        self.neighbours = _slider(k, NEIGHBOURS, 2, _("Neighbours that vote (k):"), "tt-neighbours")
        self.neighbours.tooltip = _("Fewer neighbours make a more detailed, wigglier boundary")
        self.noise = _slider(noise, LABEL_NOISE, 5, _("Training labels flipped (%):"), "tt-noise")
        self.noise.tooltip = _("Share of training points given the wrong label on purpose")
        self.size = _slider(size, TRAIN_SIZES, 20, _("Training points:"), "tt-size")
        self.size.tooltip = _("How many points the model learns from")
        for slider in (self.neighbours, self.noise, self.size):
            slider.observe(self._on_setting, names="value")
        key = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "Blue circles are class A and orange squares class B; the shading shows what "
                    "the model would answer at each place. A black X marks a point the model "
                    "gets wrong."
                )
            )
            + "</p>"
        )
        self.plot = w.HTML()
        self.plot.add_class("tt-plot")
        self.scores = w.HTML()
        self.scores.add_class("tt-scores")
        self.history = w.HTML()
        self.history.add_class("tt-history")
        self.judgement = JudgementQuestion(
            _(
                "You want a model that sorts new points nobody has seen yet. Which of your "
                "settings would you trust?"
            ),
            [(choice_label(c), c) for c in CHOICES],
            submit=_("Submit my answer"),
            feedback_class=None,
        )
        self.question = self.judgement.choices
        self.answer = self.judgement.submit
        self.answer.on_click(self._on_answer)
        self.message = MessageArea()
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")
        super().__init__(
            [
                intro,
                self.neighbours,
                self.noise,
                self.size,
                key,
                self.plot,
                self.scores,
                self.history,
                self.judgement,
                self.message,
                self.progress,
            ]
        )
        self.add_class("tt-playground")
        self.render()

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_setting(self, _change=None) -> None:
        if self._syncing:
            return
        try:
            self.playground.try_setting(self.neighbours.value, self.noise.value, self.size.value)
        finally:
            self.render()

    @guarded
    def _on_answer(self, _button=None) -> None:
        right = self.playground.answer(self.judgement.chosen(_("Choose an answer first.")))
        self.render()
        self.message.say(
            _("Right: only the test points show how the model does on points it never saw.")
            if right
            else _("Not quite. Compare training and test accuracy in your overfitting setting.")
        )

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the current setting's fit, the accuracies, the settings tried and the progress."""
        playground = self.playground
        self._syncing = True
        try:
            self.neighbours.value, self.noise.value, self.size.value = playground.current_
        finally:
            self._syncing = False
        self.judgement.show(playground.answer_)
        fit = playground.fit_setting(*playground.current_)
        self.plot.value = self._figure(fit)
        self.scores.value = table_html(
            _("How well this model does"),
            [_("Measure"), _("Value")],
            [
                [_("Training accuracy"), f"{fit.train_accuracy:.0%}"],
                [_("Test accuracy"), f"{fit.test_accuracy:.0%}"],
                [
                    _("Training minus test (percentage points)"),
                    f"{100 * fit.gap:+.0f}",
                ],
            ],
        )
        recent = playground.tried_[::-1][:HISTORY_ROWS]
        self.history.value = (
            table_html(
                _("Your latest settings, newest first"),
                [_("k"), _("Labels flipped"), _("Training points"), _("Training"), _("Test")],
                [
                    [
                        f.neighbours,
                        f"{f.label_noise}%",
                        f.train_size,
                        f"{f.train_accuracy:.0%}",
                        f"{f.test_accuracy:.0%}",
                    ]
                    for f in recent
                ],
            )
            if recent
            else html.escape(_("Move a slider to try a setting; each one you try is listed here."))
        )
        outcome = playground.outcome()
        lines = [
            _("Steps done: {done} of {total}.").format(done=outcome.done, total=outcome.total),
            *outcome.feedback,
        ]
        self.progress.value = "<br>".join(html.escape(line) for line in lines)

    def _new_panels(self) -> None:
        """Build the two panels once; each redraw replaces the regions and the points' data."""
        figure = new_figure(6.4, 3.2)
        # Fixed margins instead of the constrained layout, which measures every text twice.
        figure.subplots_adjust(left=0.01, bottom=0.01, right=0.99, top=0.92, wspace=0.03)
        # No ticks: the two coordinates mean nothing here, and drawing ticks doubles the time.
        axes = figure.subplots(
            1, 2, sharex=True, sharey=True, subplot_kw={"xticks": [], "yticks": []}
        )
        axes[0].set(xlim=(self._gx.min(), self._gx.max()), ylim=(self._gy.min(), self._gy.max()))
        self._panels = []
        for ax in axes:
            # Markers drawn as lines without lines: much quicker than scatter.
            classes = [
                ax.plot(
                    [],
                    [],
                    linestyle="none",
                    marker=MARKERS[label],
                    markersize=4.5,
                    markerfacecolor=CATEGORY_COLOURS[label],
                    markeredgecolor="white",
                    markeredgewidth=0.4,
                    zorder=2,
                )[0]
                for label in (0, 1)
            ]
            (wrong,) = ax.plot(
                [],
                [],
                linestyle="none",
                marker="x",
                markersize=5.5,
                markeredgecolor=PALETTE["black"],
                markeredgewidth=1,
                zorder=3,
            )
            self._panels.append({"ax": ax, "classes": classes, "wrong": wrong, "regions": None})
        self._panels_figure = figure

    def _figure(self, fit: Fit) -> str:
        if not hasattr(self, "_panels_figure"):
            self._new_panels()
        playground = self.playground
        regions = fit.model.predict(self._grid).reshape(self._gx.shape)
        data = [
            (fit.x_train, fit.y_train, fit.train_predicted, _("Training points")),
            (playground.x_test_, playground.y_test_, fit.test_predicted, _("Test points")),
        ]
        wrong_counts = []
        for panel, (x, y, predicted, title) in zip(self._panels, data, strict=True):
            ax = panel["ax"]
            if panel["regions"] is not None:
                panel["regions"].remove()
            panel["regions"] = ax.contourf(
                self._gx,
                self._gy,
                regions,
                levels=[-0.5, 0.5, 1.5],
                colors=CATEGORY_COLOURS[:2],
                alpha=0.25,
                zorder=1,
            )
            for label, line in enumerate(panel["classes"]):
                line.set_data(x[y == label, 0], x[y == label, 1])
            wrong = predicted != y
            wrong_counts.append(int(wrong.sum()))
            panel["wrong"].set_data(x[wrong, 0], x[wrong, 1])
            ax.set_title(
                _("{title}: {accuracy:.0%} right").format(title=title, accuracy=1 - wrong.mean()),
                fontsize=9,
            )
        alt = _(
            "Decision regions of a nearest-neighbour model with k = {k}, trained on {n} points "
            "with {noise}% of their labels flipped. Left, the training points: {train:.0%} "
            "right, {train_wrong} marked wrong. Right, the {n_test} test points: {test:.0%} "
            "right, {test_wrong} marked wrong."
        ).format(
            k=fit.neighbours,
            n=fit.train_size,
            noise=fit.label_noise,
            train=fit.train_accuracy,
            train_wrong=wrong_counts[0],
            n_test=len(playground.y_test_),
            test=fit.test_accuracy,
            test_wrong=wrong_counts[1],
        )
        return figure_tag(self._panels_figure, alt)
