"""The ipywidgets view of a :class:`~thinktwice.widgets.calibration.CalibrationExplorer`."""

from __future__ import annotations

import html

import ipywidgets as w

from ._view_kit import (
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .calibration import (
    CHOICES,
    GUESSED_MODEL,
    MODELS,
    N_BINS,
    CalibrationExplorer,
    Condition,
    choice_label,
    model_label,
)
from .i18n import _
from .style import PALETTE, figure_tag, new_figure


def _band(i: int) -> str:
    low, high = 100 * i // N_BINS, 100 * (i + 1) // N_BINS
    return _("{low}–{high}%").format(low=low, high=high)


def _test_set_label(shifted: bool) -> str:
    return _("shifted test data") if shifted else _("test data like the training data")


def _share(value: float | None) -> str:
    return _("empty") if value is None else f"{value:.0%}"


class CalibrationView(w.VBox):
    """Guess the curve with one slider per confidence band, reveal it, then explore."""

    def __init__(self, explorer: CalibrationExplorer) -> None:
        self.explorer = explorer
        self._syncing = False
        intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "A model gives each test case a probability that it is positive. For each "
                    "band of probabilities, how many of those cases do you expect really are "
                    "positive? Set one slider per band, then submit your guess."
                )
            )
            + "</p>"
        )
        self.sliders = []
        for i in range(N_BINS):
            slider = w.IntSlider(
                value=50,
                min=0,
                max=100,
                step=5,
                continuous_update=False,
                description=_("Model said {band}: really positive (%)").format(band=_band(i)),
                layout=w.Layout(width="480px"),
            )
            if explorer.guess_ is not None:  # a guess submitted before the cell was re-run
                slider.value = round(explorer.guess_[i] * 100)
            self.sliders.append(labelled(slider, f"tt-guess-{i}"))
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
            ),
            "tt-model",
        )
        self.shift = labelled(
            w.ToggleButtons(
                options=[(_("Like the training data"), False), (_("Shifted"), True)],
                value=False,
                description=_("Test data:"),
                style={"button_width": "200px"},
                tooltips=[
                    _("Test cases drawn the same way as the training cases"),
                    _("Test cases from a changed world: features drift, classes overlap more"),
                ],
            ),
            "tt-shift",
        )
        self.model.observe(self._on_condition, names="value")
        self.shift.observe(self._on_condition, names="value")
        self.judgement = JudgementQuestion(
            _(
                "The model that always says 50% has an ECE of about 0 here. "
                "What does that tell you?"
            ),
            [(choice_label(c), c) for c in CHOICES],
            submit=_("Submit my answer"),
            feedback_class=None,
        )
        self.question = self.judgement.choices
        self.answer = self.judgement.submit
        self.message = MessageArea()
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")
        self.submit.on_click(self._on_submit)
        self.reveal.on_click(self._on_reveal)
        self.answer.on_click(self._on_answer)
        super().__init__(
            [
                intro,
                *self.sliders,
                w.HBox([self.submit, self.reveal]),
                self.plot,
                self.numbers,
                self.model,
                self.shift,
                self.judgement,
                self.message,
                self.progress,
            ]
        )
        self.add_class("tt-calibration")
        self.render()

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
        right = self.explorer.answer(self.judgement.chosen(_("Choose an answer first.")))
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
            if revealed:
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
        self.plot.value = self._figure(guess if show_guess else None, condition)
        self.numbers.value = self._tables(guess if show_guess else None, condition)
        outcome = explorer.outcome()
        lines = [_("Steps done: {done} of {total}.").format(done=outcome.done, total=outcome.total)]
        self.progress.value = "<br>".join(html.escape(x) for x in lines + list(outcome.feedback))

    def _new_diagram(self) -> None:
        """Build the reliability diagram once; each redraw only replaces its data."""
        figure = new_figure(4.6, 3.6)
        # Fixed margins instead of the constrained layout, which measures every text twice.
        figure.subplots_adjust(left=0.16, bottom=0.13, right=0.95, top=0.92)
        ax = figure.add_subplot()
        ax.plot([0, 1], [0, 1], linestyle="--", color=PALETTE["black"], linewidth=1)
        ax.text(0.62, 0.52, _("perfectly calibrated"), rotation=37, fontsize=8)
        ticks = [i / N_BINS for i in range(N_BINS + 1)]
        ax.set(xlim=(0, 1), ylim=(0, 1), xticks=ticks, yticks=ticks)
        ax.set_xticklabels([f"{t:.0%}" for t in ticks])
        ax.set_yticklabels([f"{t:.0%}" for t in ticks])
        ax.set_xlabel(_("probability the model gave"))
        ax.set_ylabel(_("share really positive"))
        (self._guess_line,) = ax.plot(
            [], [], linestyle=":", marker="s", color=PALETTE["orange"], label=_("your guess")
        )
        (self._real_line,) = ax.plot(
            [], [], linestyle="-", marker="o", color=PALETTE["blue"], label=_("real curve")
        )
        self._counts: list = []
        self._diagram, self._axes = figure, ax

    def _figure(self, guess: list[float] | None, condition: Condition | None) -> str:
        if not hasattr(self, "_diagram"):
            self._new_diagram()
        ax = self._axes
        alt_parts = []
        if guess is not None:
            self._guess_line.set_data([(i + 0.5) / N_BINS for i in range(N_BINS)], guess)
            alt_parts.append(
                _("Your guess (orange squares, dotted): {values}.").format(
                    values=", ".join(f"{_band(i)} → {g:.0%}" for i, g in enumerate(guess))
                )
            )
        self._guess_line.set_visible(guess is not None)
        for label in self._counts:
            label.remove()
        self._counts = []
        if condition is not None:
            full = [b for b in condition.bins if not b.empty]
            self._real_line.set_data([b.mean_predicted for b in full], [b.observed for b in full])
            for b in full:
                self._counts.append(
                    ax.annotate(
                        f"n={b.count}",
                        (b.mean_predicted, b.observed),
                        (-30 if b.mean_predicted > 0.8 else 4, -10),
                        textcoords="offset points",
                        fontsize=7,
                    )
                )
            alt_parts.append(
                _("Real curve (blue circles, solid), predicted → observed: {values}.").format(
                    values=", ".join(f"{b.mean_predicted:.0%} → {b.observed:.0%}" for b in full)
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
        self._real_line.set_visible(condition is not None)
        ax.set_title(title, fontsize=9)
        shown = [line for line in (self._guess_line, self._real_line) if line.get_visible()]
        ax.legend(handles=shown, loc="upper left", fontsize=8)
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
        return figure_tag(self._diagram, alt)

    def _tables(self, guess: list[float] | None, condition: Condition | None) -> str:
        header = [_("Band"), _("Cases"), _("Mean probability given"), _("Really positive")]
        if guess is not None:
            header.append(_("Your guess"))
        rows = []
        for i in range(N_BINS):
            if condition is None:
                row = [_band(i), "?", "?", "?"]
            else:
                b = condition.bins[i]
                row = [_band(i), b.count, _share(b.mean_predicted), _share(b.observed)]
            if guess is not None:
                row.append(f"{guess[i]:.0%}")
            rows.append(row)
        tables = table_html(_("The curve, band by band"), header, rows)
        if condition is not None:
            tables += table_html(
                _("Scores on these test cases"),
                [_("Measure"), _("Value")],
                [
                    [_("ECE (0 is perfectly calibrated)"), f"{condition.ece:.3f}"],
                    [
                        _("Brier score (0 is perfect; always 50% scores 0.25)"),
                        f"{condition.brier:.3f}",
                    ],
                    [_("Accuracy"), f"{condition.accuracy:.0%}"],
                ],
            )
        return tables
