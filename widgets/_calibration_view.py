"""The ipywidgets view of a :class:`~thinktwice.widgets.calibration.CalibrationExplorer`."""

from __future__ import annotations

import html

import ipywidgets as w
import numpy as np

from ._view_kit import (
    ActivityView,
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .calibration import (
    GUESSED_MODEL,
    MODELS,
    N_BINS,
    QUESTION,
    CalibrationExplorer,
    Condition,
    model_label,
)
from .i18n import _
from .style import PALETTE, image_tag, new_figure, percent, pixels_png

#: Finished pictures kept per view (guesses before the reveal are all different; after it, at
#: most one per model and test set).
_PICTURES = 16


def _band(i: int) -> str:
    low, high = 100 * i // N_BINS, 100 * (i + 1) // N_BINS
    return _("{low}–{high}%").format(low=low, high=high)


def _test_set_label(shifted: bool) -> str:
    return _("shifted test data") if shifted else _("test data like the training data")


def _paragraphs(*texts: str) -> str:
    return "".join(f"<p>{html.escape(text)}</p>" for text in texts)


def _terms(title: str, terms: list[tuple[str, str]]) -> str:
    items = "".join(
        f"<li><b>{html.escape(term)}</b>: {html.escape(meaning)}</li>" for term, meaning in terms
    )
    return f"<p><b>{html.escape(title)}</b></p><ul>{items}</ul>"


def intro_html() -> str:
    """What the model does and what the learner guesses, every term explained where it appears."""
    return _paragraphs(
        _(
            "A computer model sorts made-up cases into two groups. For each case it says how "
            "likely it is that the case is positive, as a probability from 0% to 100%. A "
            "positive case is one that really belongs to the group the model looks for, the way "
            "a spam filter calls an email positive when it really is spam. The model learned "
            "from training cases; here it is checked on test cases it never saw while learning."
        ),
        _(
            "A model is calibrated when its probabilities are honest: of all the cases it gives "
            "about 80%, about 80 in every 100 really are positive. Is this one? Guess first. "
            "The test cases are put in bands by the probability the model gave them (0–20%, "
            "20–40% and so on). For each band, set the slider to the share of its cases you "
            "expect really are positive, from 0 to 100%. Then submit your guess and reveal the "
            "real curve."
        ),
    )


def terms_html() -> str:
    """The scores shown after the reveal, each defined in plain words with an example."""
    return _terms(
        _("What the scores after the reveal mean"),
        [
            (
                _("ECE (expected calibration error)"),
                _(
                    "how far the model's probabilities are from what really happens, on "
                    "average over the bands; 0 means perfectly honest. A weather app that says "
                    "70% chance of rain on days when it rains only half the time is 20 points "
                    "off on those days."
                ),
            ),
            (
                _("Brier score"),
                _(
                    "how far each probability is from what really happened to that case. It "
                    "punishes being unsure as well as being wrong: 0 means sure and right every "
                    "time, always saying 50% scores 0.25, and lower is better."
                ),
            ),
            (
                _("Accuracy"),
                _(
                    "the share of cases the model gets right, if you take every probability "
                    "above 50% as a yes."
                ),
            ),
            (
                _("Shifted test data"),
                _(
                    "test cases from a world that changed after the model learned, the way a "
                    "spam filter meets a new kind of spam."
                ),
            ),
        ],
    )


class CalibrationView(ActivityView):
    """Guess the curve with one slider per probability band, reveal it, then explore."""

    def __init__(self, explorer: CalibrationExplorer) -> None:
        self.explorer = explorer
        self._syncing = False
        self._pictures: dict[tuple, str] = {}
        guess_header = w.HTML(
            "<p><b>"
            + html.escape(
                _("Your guess: of the cases in each band, what share really are positive (%)?")
            )
            + "</b></p>"
        )
        self.sliders = []
        for i in range(N_BINS):
            slider = w.IntSlider(
                value=50,
                min=0,
                max=100,
                step=5,
                continuous_update=False,
                description=_("Cases given {band}:").format(band=_band(i)),
                tooltip=_(
                    "Of the cases the model gave {band}, the share you expect really are positive"
                ).format(band=_band(i)),
                layout=w.Layout(width="520px"),
            )
            if explorer.guess_ is not None:  # a guess submitted before the cell was re-run
                slider.value = round(explorer.guess_[i] * 100)
            self.sliders.append(labelled(slider, f"tt-guess-{i}", aligned=True))
            slider.observe(self._on_slider, names="value")
        self.submit = button(_("Submit my guess"), "tt-submit-guess")
        self.reveal = button(_("Reveal the real curve"), "tt-reveal", style="success")
        self.plot = w.HTML()
        self.plot.add_class("tt-plot")
        self.numbers = w.HTML()
        self.numbers.add_class("tt-numbers")
        self.model = labelled(
            w.Dropdown(
                options=[(model_label(m), m) for m in MODELS],
                value=GUESSED_MODEL,
                description=_("Model:"),
                layout=w.Layout(width="520px"),
            ),
            "tt-model",
            aligned=True,
        )
        self.shift = labelled(
            w.Dropdown(
                options=[(_("Like the training data"), False), (_("Shifted"), True)],
                value=False,
                description=_("Test data:"),
                layout=w.Layout(width="520px"),
            ),
            "tt-shift",
            aligned=True,
        )
        self.model.observe(self._on_condition, names="value")
        self.shift.observe(self._on_condition, names="value")
        self.judgement = JudgementQuestion.of(QUESTION, feedback_class=None)
        self.question = self.judgement.choices
        self.answer = self.judgement.submit
        self.message = MessageArea()
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")
        self.submit.on_click(self._on_submit)
        self.reveal.on_click(self._on_reveal)
        self.answer.on_click(self._on_answer)
        super().__init__(
            explorer,
            [
                w.HTML(intro_html()),
                guess_header,
                *self.sliders,
                w.HBox([self.submit, self.reveal]),
                w.HTML(terms_html()),
                self.model,
                self.shift,
                self.plot,
                self.numbers,
                self.judgement,
                self.message,
                self.progress,
            ],
        )
        self.render()

    def tour(self):
        """Move the guess sliders, reveal too early, submit, reveal, explore, and answer."""

        def move(i, value):
            def call():
                self.sliders[i].value = value

            return call

        def choose(control, value):
            def call():
                control.value = value

            return call

        def answer():
            self.question.value = QUESTION.right
            self.answer.click()

        calls = [move(i, v) for i, v in enumerate([15, 30, 45, 70, 85])]
        calls += [self.reveal.click, self.submit.click, self.reveal.click]
        calls += [
            choose(self.shift, True),
            choose(self.model, "logistic"),
            choose(self.shift, False),
            choose(self.model, "always_half"),
            choose(self.shift, True),
            answer,
        ]
        return calls

    # -- handlers ------------------------------------------------------------------------------
    def _slider_curve(self) -> list[float]:
        return [s.value / 100 for s in self.sliders]

    @guarded
    def _on_slider(self, _change=None) -> None:
        if not self._syncing:
            self.render()

    @guarded
    def _on_submit(self, _button=None) -> None:
        self.explorer.guess_curve(self._slider_curve())
        self.render()
        self.message.say(_("Guess saved. You can change it until you reveal the real curve."))

    @guarded
    def _on_reveal(self, _button=None) -> None:
        guess = self.explorer.guess_
        if guess is not None and [s.value for s in self.sliders] != [round(100 * g) for g in guess]:
            # What the learner sees on the sliders must be what they submitted.
            self.message.say(
                _("You moved a slider after submitting: submit your guess again, then reveal.")
            )
            return
        self.explorer.reveal()
        self.render()

    @guarded
    def _on_condition(self, _change=None) -> None:
        if self._syncing:
            return
        try:
            self.explorer.show(self.model.value, self.shift.value)
        finally:
            self.render()

    @guarded
    def _on_answer(self, _button=None) -> None:
        right = self.explorer.answer(self.judgement.chosen())
        self.render()
        self.message.say(
            _("Right: being calibrated is not the same as being useful.")
            if right
            else _("Not quite. Compare its Brier score with the real models' scores.")
        )

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the guess, and after the reveal the real curve of the chosen condition."""
        explorer = self.explorer
        revealed = explorer.revealed_
        guess = explorer.guess_ if revealed else self._slider_curve()
        self._syncing = True
        try:
            if revealed:
                self.model.value, self.shift.value = explorer.current_
                for slider, value in zip(self.sliders, explorer.guess_, strict=True):
                    slider.value = round(value * 100)
        finally:
            self._syncing = False
        for slider in self.sliders:
            slider.disabled = revealed
        self.submit.disabled = revealed
        self.reveal.disabled = revealed
        self.model.disabled = self.shift.disabled = not revealed
        self.judgement.show(explorer.answer_, ready=revealed)
        condition = explorer.condition(*explorer.current_) if revealed else None
        show_guess = not revealed or explorer.current_ == (GUESSED_MODEL, False)
        self.plot.value = self._picture(guess if show_guess else None, condition)
        self.numbers.value = self._tables(guess if show_guess else None, condition)
        outcome = explorer.outcome()
        lines = [explorer.progress(outcome), *outcome.feedback]
        self.progress.value = "<br>".join(html.escape(x) for x in lines)

    def _new_diagram(self) -> None:
        """Draw the diagram's fixed parts once; each picture then draws only what changes."""
        figure = new_figure(5.4, 4.3, left=0.14, bottom=0.12, right=0.96, top=0.92)
        ax = figure.add_subplot()
        ax.plot([0, 1], [0, 1], linestyle="--", color=PALETTE["black"], linewidth=1)
        ax.text(0.62, 0.53, _("perfectly calibrated"), rotation=37, fontsize=8)
        ticks = [i / N_BINS for i in range(N_BINS + 1)]
        ax.set(xlim=(0, 1), ylim=(0, 1), xticks=ticks, yticks=ticks)
        ax.set_xticklabels([percent(t) for t in ticks])
        ax.set_yticklabels([percent(t) for t in ticks])
        ax.set_xlabel(_("probability the model gave"))
        ax.set_ylabel(_("share really positive"))
        # Animated artists are left out of the fixed background and drawn over it each time.
        (self._guess_line,) = ax.plot(
            [],
            [],
            linestyle=":",
            marker="s",
            color=PALETTE["orange"],
            label=_("your guess"),
            animated=True,
        )
        (self._real_line,) = ax.plot(
            [],
            [],
            linestyle="-",
            marker="o",
            color=PALETTE["blue"],
            label=_("real curve"),
            animated=True,
        )
        self._title = ax.text(
            0.5, 1.03, "", transform=ax.transAxes, ha="center", fontsize=10, animated=True
        )
        figure.canvas.draw()
        self._background = figure.canvas.copy_from_bbox(figure.bbox)
        self._diagram, self._axes = figure, ax

    def _picture(self, guess: list[float] | None, condition: Condition | None) -> str:
        key = (
            None if guess is None else tuple(guess),
            None if condition is None else (condition.model, condition.shifted),
        )
        if key not in self._pictures:
            if len(self._pictures) >= _PICTURES:
                self._pictures.pop(next(iter(self._pictures)))
            self._pictures[key] = self._figure(guess, condition)
        return self._pictures[key]

    def _figure(self, guess: list[float] | None, condition: Condition | None) -> str:
        if not hasattr(self, "_diagram"):
            self._new_diagram()
        ax = self._axes
        drawn = []
        alt_parts = []
        if guess is not None:
            self._guess_line.set_data([(i + 0.5) / N_BINS for i in range(N_BINS)], guess)
            drawn.append(self._guess_line)
            alt_parts.append(
                _("Your guess (orange squares, dotted): {values}.").format(
                    values=", ".join(f"{_band(i)} → {percent(g)}" for i, g in enumerate(guess))
                )
            )
        if condition is not None:
            full = [b for b in condition.bins if not b.empty]
            self._real_line.set_data([b.mean_predicted for b in full], [b.observed for b in full])
            drawn.append(self._real_line)
            for b in full:
                drawn.append(
                    ax.annotate(
                        f"n={b.count}",
                        (b.mean_predicted, b.observed),
                        (-30 if b.mean_predicted > 0.8 else 4, -10),
                        textcoords="offset points",
                        fontsize=7,
                        animated=True,
                    )
                )
            alt_parts.append(
                _("Real curve (blue circles, solid), predicted → observed: {values}.").format(
                    values=", ".join(
                        f"{percent(b.mean_predicted)} → {percent(b.observed)}" for b in full
                    )
                )
            )
            alt_parts.append(
                _("ECE {ece:.3f}, Brier score {brier:.3f}.").format(
                    ece=condition.ece, brier=condition.brier
                )
            )
            title = _("{model}, {test_set}").format(
                model=model_label(condition.model), test_set=_test_set_label(condition.shifted)
            )
        else:
            title = _("Your guess (the real curve is hidden until you reveal it)")
        self._title.set_text(title)
        lines = [a for a in drawn if a in (self._guess_line, self._real_line)]
        legend = ax.legend(handles=lines, loc="upper left", fontsize=8)
        legend.set_animated(True)
        canvas = self._diagram.canvas
        canvas.restore_region(self._background)
        for artist in [*drawn, self._title, legend]:
            ax.draw_artist(artist)
        for artist in drawn[len(lines) :]:
            artist.remove()  # the counts belong to this picture only
        legend.remove()
        png = pixels_png(np.asarray(canvas.buffer_rgba())[..., :3])
        alt = " ".join(
            [
                _(
                    "Reliability diagram: probability the model gave across, share of cases "
                    "really positive up; the dashed diagonal is perfect calibration."
                ),
                title + ".",
                *alt_parts,
            ]
        )
        return image_tag(png, alt)

    def _tables(self, guess: list[float] | None, condition: Condition | None) -> str:
        header = [
            _("Probability band"),
            _("Cases"),
            _("Average probability given"),
            _("Really positive"),
        ]
        if guess is not None:
            header.append(_("Your guess"))
        rows = []
        for i in range(N_BINS):
            if condition is None:
                row = [_band(i), "?", "?", "?"]
            else:
                b = condition.bins[i]
                row = [_band(i), b.count, percent(b.mean_predicted), percent(b.observed)]
            if guess is not None:
                row.append(percent(guess[i]))
            rows.append(row)
        tables = table_html(_("The curve, band by band"), header, rows)
        if condition is not None:
            tables += table_html(
                _("Scores on these test cases"),
                [_("Score"), _("Value")],
                [
                    [_("ECE (0 is perfectly calibrated)"), f"{condition.ece:.3f}"],
                    [
                        _("Brier score (0 is perfect; always 50% scores 0.25)"),
                        f"{condition.brier:.3f}",
                    ],
                    [_("Accuracy"), percent(condition.accuracy)],
                ],
            )
        return tables
