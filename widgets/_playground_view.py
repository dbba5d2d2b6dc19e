"""The ipywidgets view of a :class:`~thinktwice.widgets.playground.ModelPlayground`."""

from __future__ import annotations

import html

import ipywidgets as w
import numpy as np
from matplotlib import colors
from scipy.ndimage import zoom

from ._view_kit import (
    ActivityView,
    JudgementQuestion,
    MessageArea,
    guarded,
    labelled,
    table_html,
)
from .i18n import _
from .playground import (
    LABEL_NOISE,
    NEIGHBOURS,
    QUESTION,
    TRAIN_SIZES,
    Fit,
    ModelPlayground,
)
from .style import (
    CATEGORY_COLOURS,
    MARKERS,
    PALETTE,
    image_tag,
    new_figure,
    percent,
    pixels_png,
)

#: Points per side of the grid on which the decision regions are drawn.
GRID = 60
#: Rows of the history table.
HISTORY_ROWS = 8
#: Settings whose regions (the model's answers on the grid) a view keeps.
_REGIONS = 64


def _slider(value: int, bounds: tuple[int, int], step: int, description: str, css_class: str):
    slider = w.IntSlider(
        value=value,
        min=bounds[0],
        max=bounds[1],
        step=step,
        continuous_update=False,
        description=description,
        layout=w.Layout(width="520px"),
    )
    return labelled(slider, css_class, aligned=True)


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in texts)


def intro_html() -> str:
    """What the model does and what the sliders change, every term explained where it appears."""
    return _paragraphs(
        _(
            "Each dot is a point of one of two kinds, A or B. A nearest-neighbour model guesses "
            "the kind of a new point from the k training points closest to it (its k "
            "neighbours): it takes the kind most of them have. The training points are the ones "
            "it learns from; the test points are kept aside, so they show how it would do on "
            "new points it has never seen."
        ),
        _(
            "Move the sliders: each change trains the model again and tests it. Accuracy is the "
            "share of points the model gets right. Label noise (training labels flipped) means "
            "some training points are given the wrong kind on purpose, like mistakes in the "
            "data a real model learns from. A model that learns its training points by heart, "
            "mistakes and all, and so does worse on new points, is overfitting."
        ),
    )


class PlaygroundView(ActivityView):
    """Three sliders, the decision regions on training and test points, and the accuracies."""

    def __init__(self, playground: ModelPlayground) -> None:
        self.playground = playground
        self._syncing = False
        self._regions: dict[tuple[int, int, int], np.ndarray] = {}
        self._order: np.ndarray | None = None
        self._nearest: dict[int, np.ndarray] = {}
        points = np.vstack([playground.x_pool_, playground.x_test_])
        low, high = points.min(axis=0) - 0.3, points.max(axis=0) + 0.3
        self._extent = (low[0], high[0], low[1], high[1])
        gx, gy = np.meshgrid(np.linspace(low[0], high[0], GRID), np.linspace(low[1], high[1], GRID))
        self._grid = np.c_[gx.ravel(), gy.ravel()]
        k, noise, size = playground.current_
        self.neighbours = _slider(k, NEIGHBOURS, 2, _("Neighbours that vote (k):"), "tt-neighbours")
        self.neighbours.tooltip = _("Fewer neighbours make a more detailed, wigglier boundary")
        self.noise = _slider(noise, LABEL_NOISE, 5, _("Training labels flipped (%):"), "tt-noise")
        self.noise.tooltip = _("Share of training points given the wrong kind on purpose")
        self.size = _slider(size, TRAIN_SIZES, 20, _("Training points:"), "tt-size")
        self.size.tooltip = _("How many points the model learns from")
        for slider in (self.neighbours, self.noise, self.size):
            slider.observe(self._on_setting, names="value")
        key = w.HTML(
            _paragraphs(
                _(
                    "Blue circles are kind A and orange squares kind B; the shading shows what "
                    "the model would answer at each place. A black X marks a point the model "
                    "gets wrong."
                )
            )
        )
        self.plot = w.HTML()
        self.plot.add_class("tt-plot")
        self.scores = w.HTML()
        self.scores.add_class("tt-scores")
        self.history = w.HTML()
        self.history.add_class("tt-history")
        self.judgement = JudgementQuestion.of(QUESTION, feedback_class=None)
        self.question = self.judgement.choices
        self.answer = self.judgement.submit
        self.answer.on_click(self._on_answer)
        self.message = MessageArea()
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")
        super().__init__(
            playground,
            [
                w.HTML(intro_html()),
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
            ],
        )
        self.render()

    def tour(self):
        """Move each slider (every move refits and redraws), find the best k, then answer."""
        playground = self.playground
        best = max(
            range(NEIGHBOURS[0], NEIGHBOURS[1] + 1, 2),
            key=lambda k: playground.fit_setting(k, 0, TRAIN_SIZES[1]).test_accuracy,
        )

        def move(slider, value):
            def call():
                slider.value = value

            return call

        def answer():
            self.question.value = QUESTION.right
            self.answer.click()

        return [
            move(self.neighbours, 1),
            move(self.noise, 30),
            move(self.size, 60),
            move(self.neighbours, 15),
            move(self.noise, 0),
            move(self.size, TRAIN_SIZES[1]),
            move(self.neighbours, 51),
            move(self.neighbours, best),
            move(self.size, 120),
            move(self.noise, 10),
            move(self.neighbours, 7),
            answer,
        ]

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
        right = self.playground.answer(self.judgement.chosen())
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
            [_("Score"), _("Value")],
            [
                [
                    _("Training accuracy (right on the points it learned from)"),
                    percent(fit.train_accuracy),
                ],
                [_("Test accuracy (right on points it never saw)"), percent(fit.test_accuracy)],
                [
                    _("How much better it does on training points than on test points"),
                    percent(fit.gap),
                ],
            ],
        )
        recent = playground.tried_[::-1][:HISTORY_ROWS]
        self.history.value = (
            table_html(
                _("Your latest settings, newest first"),
                [
                    _("Neighbours (k)"),
                    _("Labels flipped"),
                    _("Training points"),
                    _("Training accuracy"),
                    _("Test accuracy"),
                ],
                [
                    [
                        f.neighbours,
                        percent(f.label_noise / 100),
                        f.train_size,
                        percent(f.train_accuracy),
                        percent(f.test_accuracy),
                    ]
                    for f in recent
                ],
            )
            if recent
            else html.escape(_("Move a slider to try a setting; each one you try is listed here."))
        )
        outcome = playground.outcome()
        lines = [playground.progress(outcome), *outcome.feedback]
        self.progress.value = "<br>".join(html.escape(line) for line in lines)

    def _new_panels(self) -> None:
        """Build the two panels once; each picture then draws only what changes."""
        # No ticks: the two coordinates mean nothing here, and drawing ticks doubles the time.
        figure = new_figure(6.9, 3.45, left=0.01, bottom=0.01, right=0.99, top=0.92, wspace=0.03)
        axes = figure.subplots(
            1, 2, sharex=True, sharey=True, subplot_kw={"xticks": [], "yticks": []}
        )
        axes[0].set(xlim=self._extent[:2], ylim=self._extent[2:])
        # The regions are the category colours a quarter strong on white.
        self._shades = np.array(
            [
                np.rint(255 * (np.array(colors.to_rgb(c)) * 0.25 + 0.75))
                for c in CATEGORY_COLOURS[:2]
            ],
            dtype=np.uint8,
        )
        self._panels = []
        for ax in axes:
            # Markers drawn as lines without lines: much quicker than scatter.
            classes = [
                ax.plot(
                    [],
                    [],
                    linestyle="none",
                    marker=MARKERS[label],
                    markersize=5,
                    markerfacecolor=CATEGORY_COLOURS[label],
                    markeredgecolor="white",
                    markeredgewidth=0.4,
                )[0]
                for label in (0, 1)
            ]
            (wrong,) = ax.plot(
                [],
                [],
                linestyle="none",
                marker="x",
                markersize=6,
                markeredgecolor=PALETTE["black"],
                markeredgewidth=1,
            )
            ax.set_title(" ", fontsize=10)
            self._panels.append({"ax": ax, "classes": classes, "wrong": wrong})
        figure.canvas.draw()  # lays out the titles and makes the renderer
        height = figure.canvas.get_width_height()[1]
        for panel in self._panels:
            box = panel["ax"].get_window_extent()
            panel["rows"] = slice(height - round(box.y1), height - round(box.y0))
            panel["cols"] = slice(round(box.x0), round(box.x1))
        first = self._panels[0]
        self._pixels = (
            first["rows"].stop - first["rows"].start,
            first["cols"].stop - first["cols"].start,
        )
        self._panels_figure = figure

    def _answers_on_grid(self, fit: Fit) -> np.ndarray:
        """The model's answers on the grid, smoothed to the panel's pixels and coloured.

        Kept per setting. Smoothing the answers linearly and cutting at a half draws the
        boundary as a contour would, at a fraction of the cost.
        """
        if not hasattr(self, "_panels_figure"):
            self._new_panels()
        regions = self._regions.get(fit.setting)
        if regions is None:
            if len(self._regions) >= _REGIONS:
                self._regions.pop(next(iter(self._regions)))
            answers = self._vote(fit).reshape(GRID, GRID)
            height, width = self._pixels
            smooth = zoom(
                answers, (height / GRID, width / GRID), order=1, mode="nearest", grid_mode=True
            )
            # Rows of the picture run top down; the grid's run bottom up.
            regions = self._shades[(smooth[::-1] >= 0.5).astype(np.intp)]
            self._regions[fit.setting] = regions
        return regions

    def _vote(self, fit: Fit) -> np.ndarray:
        """The model's answer (0 or 1) at each grid place, as a float.

        The nearest-neighbour vote done directly: each place's training points in order of
        distance are worked out once per training size, so a new ``k`` or label noise costs
        one look-up of the labels.
        """
        if self._order is None:
            pool = self.playground.x_pool_
            distances = ((self._grid[:, None, :] - pool[None, :, :]) ** 2).sum(axis=2)
            self._order = np.argsort(distances, axis=1, kind="stable").astype(np.int16)
        size = fit.train_size
        if size not in self._nearest:
            inside = self._order[self._order < size].reshape(len(self._grid), size)
            self._nearest[size] = inside[:, : NEIGHBOURS[1]]
        votes = fit.y_train[self._nearest[size][:, : fit.neighbours]].sum(axis=1)
        # A tied vote goes to the first kind, as in scikit-learn.
        return (2 * votes > fit.neighbours).astype(float)

    def _figure(self, fit: Fit) -> str:
        playground = self.playground
        regions = self._answers_on_grid(fit)
        canvas = self._panels_figure.canvas
        pixels = np.asarray(canvas.buffer_rgba())
        pixels[...] = 255
        data = [
            (fit.x_train, fit.y_train, fit.train_predicted, _("Training points")),
            (playground.x_test_, playground.y_test_, fit.test_predicted, _("Test points")),
        ]
        wrong_counts = []
        for panel, (x, y, predicted, title) in zip(self._panels, data, strict=True):
            ax = panel["ax"]
            pixels[panel["rows"], panel["cols"], :3] = regions
            for label, line in enumerate(panel["classes"]):
                line.set_data(x[y == label, 0], x[y == label, 1])
            wrong = predicted != y
            wrong_counts.append(int(wrong.sum()))
            panel["wrong"].set_data(x[wrong, 0], x[wrong, 1])
            ax.title.set_text(
                _("{title}: {accuracy} right").format(
                    title=title, accuracy=percent(1 - wrong.mean())
                )
            )
            for artist in [*panel["classes"], panel["wrong"], *ax.spines.values(), ax.title]:
                ax.draw_artist(artist)
        alt = _(
            "Decision regions of a nearest-neighbour model with k = {k}, trained on {n} points "
            "with {noise}% of their labels flipped. Left, the training points: {train} "
            "right, {train_wrong} marked wrong. Right, the {n_test} test points: {test} "
            "right, {test_wrong} marked wrong."
        ).format(
            k=fit.neighbours,
            n=fit.train_size,
            noise=fit.label_noise,
            train=percent(fit.train_accuracy),
            train_wrong=wrong_counts[0],
            n_test=len(playground.y_test_),
            test=percent(fit.test_accuracy),
            test_wrong=wrong_counts[1],
        )
        return image_tag(pixels_png(pixels[..., :3]), alt)
