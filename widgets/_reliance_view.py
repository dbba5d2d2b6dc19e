"""The ipywidgets view of a :class:`~thinktwice.widgets.reliance_trial.RelianceTrial`.

One view serves the three modes: the first step (a digit, a confidence and the mode's buttons or
countdown) and the final step (the advice, the explanation if asked for, the final answer) are
built once and shown or hidden. In the delayed mode a timer in the kernel's event loop counts down
once a second and shows the advice when the wait is over; nothing ever sleeps.

The first digit picker is the one control rebuilt as the trial moves on: JupyterLab draws a
``ToggleButtons``' ``disabled`` only when it builds the buttons, so a picker that changed between
open and locked would show its old state (locked digits that still take clicks, or, after a
re-run, a new case whose digits cannot be clicked). A fresh picker per state is drawn right.
"""

from __future__ import annotations

import asyncio
import html
from collections.abc import Callable

import ipywidgets as w
import numpy as np

from . import _view_kit as kit
from . import style
from ._view_kit import ActivityView, MessageArea, guarded
from .activity import ActivityError
from .digit_cases import Explanation, explain
from .i18n import _
from .reliance_trial import DECIDE_FIRST, DELAYED, DONE, FIRST, ON_REQUEST, RelianceTrial

_DIGITS = [str(d) for d in range(10)]
#: The confidence sliders' starting point, in percent.
_UNSURE = 50


def _region_names() -> list[list[str]]:
    return [
        [_("top left"), _("top centre"), _("top right")],
        [_("middle left"), _("centre"), _("middle right")],
        [_("bottom left"), _("bottom centre"), _("bottom right")],
    ]


def _confidence_slider(css_class: str) -> w.IntSlider:
    slider = w.IntSlider(
        value=_UNSURE,
        min=10,
        max=100,
        step=10,
        description=_("How sure are you? (%)"),
        layout=w.Layout(width="580px"),
    )
    return kit.labelled(slider, css_class, aligned=True)


def _digit_picker(
    description: str, css_class: str, value: str | None = None, disabled: bool = False
) -> w.ToggleButtons:
    picker = w.ToggleButtons(
        options=_DIGITS,
        value=value,
        disabled=disabled,
        description=description,
        style={"button_width": "34px"},
        # ipywidgets 8 puts a ToggleButtons' label above its buttons; a row lines it up with
        # the slider's label below it.
        layout=w.Layout(display="flex", flex_flow="row", align_items="center", width="auto"),
        tooltips=[_("The digit {digit}").format(digit=d) for d in _DIGITS],
    )
    return kit.labelled(picker, css_class, aligned=True)


def _call_later(seconds: float, callback: Callable[[], None]):
    """Run ``callback`` after ``seconds`` in the running event loop (the kernel's); else never."""
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return None
    return loop.call_later(seconds, callback)


def explanation_text(why: Explanation) -> str:
    """One line that says what the explanation's heat map and numbers show."""
    guesses = ", ".join(f"{digit} ({style.percent(p)})" for digit, p in why.top)
    (tr, tc), (ar, ac) = why.strongest()
    names = _region_names()
    return _(
        "The AI's top three guesses: {guesses}. Ink in the {towards} pushed it most towards "
        "{digit}; ink in the {away} pushed it most away from {digit}."
    ).format(guesses=guesses, towards=names[tr][tc], away=names[ar][ac], digit=why.digit)


_CELL = 20  # screen pixels per image pixel


def _hex_rgb(colour: str) -> np.ndarray:
    return np.array([int(colour[k : k + 2], 16) for k in (1, 3, 5)], dtype=float)


def _triangle(up: bool) -> tuple[np.ndarray, np.ndarray]:
    """Masks of a triangle's black edge and white inside, within one cell."""
    y, x = np.mgrid[0:_CELL, 0:_CELL] + 0.5
    height = (y - 3) if up else (_CELL - 3 - y)
    outer = (height >= 0) & (height <= 14) & (np.abs(x - _CELL / 2) <= height * 0.55)
    inner = (height >= 2.5) & (height <= 12) & (np.abs(x - _CELL / 2) <= (height - 2.5) * 0.55)
    return outer & ~inner, inner


def explanation_png(why: Explanation, ink: np.ndarray) -> bytes:
    """The heat map of ``why`` as a PNG: blue pushed towards the AI's answer, orange away.

    Colour is never the only cue: a black line outlines the digit's ink, and triangles mark the
    three pixels that pushed most each way (pointing up: towards; down: away). Drawn directly
    with numpy, in about a millisecond, so that showing the advice stays instant.
    """
    values = why.contributions
    limit = float(np.abs(values).max()) or 1.0
    share = np.clip(values / limit, -1, 1)[..., None]
    white = np.full(3, 255.0)
    towards, away = _hex_rgb(style.PALETTE["blue"]), _hex_rgb(style.PALETTE["orange"])
    colour = np.where(share >= 0, white + share * (towards - white), white - share * (away - white))
    picture = np.kron(colour, np.ones((_CELL, _CELL, 1)))
    inked = np.asarray(ink) >= 0.5
    padded = np.pad(inked, 1)
    for r, c in zip(*np.nonzero(inked), strict=True):
        top, left = r * _CELL, c * _CELL
        if not padded[r, c + 1]:
            picture[top : top + 2, left : left + _CELL] = 0
        if not padded[r + 2, c + 1]:
            picture[top + _CELL - 2 : top + _CELL, left : left + _CELL] = 0
        if not padded[r + 1, c]:
            picture[top : top + _CELL, left : left + 2] = 0
        if not padded[r + 1, c + 2]:
            picture[top : top + _CELL, left + _CELL - 2 : left + _CELL] = 0
    order = np.argsort(values.ravel())
    for indices, up in ((order[::-1][:3], True), (order[:3], False)):
        edge, inside = _triangle(up)
        for index in indices:
            r, c = divmod(int(index), values.shape[1])
            cell = picture[r * _CELL : (r + 1) * _CELL, c * _CELL : (c + 1) * _CELL]
            cell[edge] = 0
            cell[inside] = 255
    bar = np.linspace(-1, 1, picture.shape[1])[None, :, None]
    bar = np.where(bar >= 0, white + bar * (towards - white), white - bar * (away - white))
    gap = np.full((6, picture.shape[1], 3), 255.0)
    return style.pixels_png(np.vstack([picture, gap, np.repeat(bar, 12, axis=0)]))


def explanation_html(why: Explanation, ink: np.ndarray) -> str:
    """The explanation: heat map with alt text and a key, a one-line text alternative, a table."""
    line = explanation_text(why)
    alt = (
        _(
            "Heat map of how each pixel pushed the AI, with the digit's outline: blue towards "
            "{digit}, orange away from it; up triangles mark the strongest pushes towards, down "
            "triangles the strongest away."
        ).format(digit=why.digit)
        + " "
        + line
    )
    key = html.escape(
        _(
            "Colour bar: orange (left) pushed away from {digit}, blue (right) pushed towards it. "
            "▲ strongest towards, ▼ strongest away; the black line outlines the ink."
        ).format(digit=why.digit)
    )
    table = kit.table_html(
        _("The AI's three most probable digits"),
        [_("Digit"), _("The AI's probability")],
        [[digit, style.percent(p)] for digit, p in why.top],
    )
    heading = html.escape(_("Why the AI says {digit}").format(digit=why.digit))
    picture = style.image_tag(
        explanation_png(why, ink), alt, width=8 * _CELL, css_class="tt-explanation-map"
    )
    return (
        f"<strong>{heading}</strong><br>{picture}<br><small>{key}</small>"
        f"<p class='tt-explanation-text'>{html.escape(line)}</p>{table}"
    )


class RelianceTrialView(ActivityView):
    """Cases one at a time: the learner's answer, the AI's advice, a final answer, a summary.

    Parameters
    ----------
    trial : RelianceTrial
        The started trial to show.
    call_later : callable, optional
        ``call_later(seconds, callback)`` schedules the delayed mode's countdown; by default in
        the running event loop. Tests pass their own and call :meth:`tick`.
    """

    def __init__(self, trial: RelianceTrial, call_later=_call_later) -> None:
        self.trial = trial
        self.call_later = call_later
        self._timer = None
        self._explained: dict[str, str] = {}
        self.progress = w.HTML()
        self.instructions = w.HTML(html.escape(self._instructions()))
        self.instructions.add_class("tt-instructions")
        self.image = w.HTML()
        self._first_label = _("Your answer so far:") if trial.mode == DELAYED else _("Your answer:")
        self.first = _digit_picker(self._first_label, "tt-first-answer")
        self.first_confidence = _confidence_slider("tt-first-confidence")
        self.locked = w.HTML()
        self.locked.add_class("tt-locked")
        self.lock = kit.button(_("Lock in my answer"), "tt-lock")
        self.request = kit.button(_("Show the AI's advice"), "tt-request-advice", "info")
        self.request.tooltip = _("See what the AI says before you answer")
        self.alone = kit.button(_("Answer without the AI"), "tt-answer-alone", "primary")
        self.alone.tooltip = _("Give your answer as final without seeing the AI's advice")
        self.countdown = w.HTML()
        self.countdown.add_class("tt-countdown")
        buttons = {
            DECIDE_FIRST: [self.lock],
            ON_REQUEST: [self.request, self.alone],
            DELAYED: [self.countdown],
        }[trial.mode]
        self.advice = w.HTML()
        self.advice.add_class("tt-advice")
        self.explanation = w.HTML()
        self.explanation.add_class("tt-explanation")
        self.final = _digit_picker(_("Final answer:"), "tt-final-answer")
        self.final_confidence = _confidence_slider("tt-final-confidence")
        self.confirm = kit.button(_("Confirm final answer"), "tt-confirm", "success")
        self.confirm.layout.align_self = "flex-start"
        self.message = MessageArea()
        self.summary = w.HTML()
        self.summary.add_class("tt-summary-box")
        self.first_step = w.VBox([self.first, self.first_confidence, w.HBox(buttons), self.locked])
        final_children = [self.advice, self.final, self.final_confidence, self.confirm]
        if trial.explanations:
            final_children.insert(1, self.explanation)
        self.final_step = w.VBox(final_children)
        self.lock.on_click(self._on_lock)
        self.request.on_click(self._on_request)
        self.alone.on_click(self._on_alone)
        self.confirm.on_click(self._on_confirm)
        super().__init__(
            trial,
            [
                self.progress,
                self.instructions,
                self.image,
                self.first_step,
                self.final_step,
                self.message,
                self.summary,
            ],
        )
        self.add_class(f"tt-mode-{trial.mode}")
        self.render()

    def _instructions(self) -> str:
        return {
            DECIDE_FIRST: _(
                "Pick the digit you see and how sure you are, then lock in your answer. "
                "The AI's advice appears after that."
            ),
            ON_REQUEST: _(
                "Pick the digit you see and how sure you are. Answer on your own, or ask for "
                "the AI's advice first."
            ),
            DELAYED: _(
                "The AI's advice appears after a short wait. Meanwhile, pick the digit you see "
                "and how sure you are."
            ),
        }[self.trial.mode]

    def tour(self) -> list[Callable[[], object]]:
        """One learner's run through every case, in the trial's mode.

        Decide first: pick, lock in, confirm. On request: every third case answered without the
        AI, the others after asking. Delayed: pick, then the countdown's tick, which shows the
        advice once the trial's clock has passed the wait (instantly with ``delay=0`` or a clock
        the caller moves), then confirm.
        """
        mode = self.trial.mode

        def pick(digit: str, then: Callable[[], None]) -> Callable[[], None]:
            def step() -> None:
                self.first.value = digit
                then()

            return step

        def confirm() -> None:
            self.final.value = self.final.value or "3"
            self.confirm.click()

        calls: list[Callable[[], object]] = []
        for number in range(self.trial.n_cases):
            if mode == DECIDE_FIRST:
                calls += [pick("3", self.lock.click), confirm]
            elif mode == ON_REQUEST and number % 3 == 0:
                calls.append(pick("5", self.alone.click))
            elif mode == ON_REQUEST:
                calls += [pick("4", self.request.click), confirm]
            else:
                calls += [pick("7", self.tick), confirm]
        return calls

    # -- handlers ------------------------------------------------------------------------------
    def _selection(self, required: bool = False) -> tuple[int | None, float | None]:
        """The first digit chosen and its confidence; ``required`` refuses no digit."""
        if self.first.value is None:
            if required:
                raise ActivityError(_("Choose a digit first."))
            return None, None
        return int(self.first.value), self.first_confidence.value / 100

    @guarded
    def _on_lock(self, _button=None) -> None:
        self.trial.answer_first(*self._selection(required=True))
        self.render()

    @guarded
    def _on_request(self, _button=None) -> None:
        self.trial.request_advice(*self._selection())
        self.render()

    @guarded
    def _on_alone(self, _button=None) -> None:
        self.trial.answer_final(*self._selection(required=True))
        self.render()

    @guarded
    def _on_confirm(self, _button=None) -> None:
        if self.final.value is None:
            raise ActivityError(_("Choose your final digit."))
        self.trial.answer_final(int(self.final.value), self.final_confidence.value / 100)
        self.render()

    @guarded
    def tick(self) -> None:
        """Count the delayed mode's wait down; show the advice when it is over."""
        self._timer = None
        trial = self.trial
        if trial.mode != DELAYED or trial.stage != FIRST:
            return
        left = trial.seconds_left()
        if left > 0:
            self.countdown.value = "<span role='timer'>{}</span>".format(
                html.escape(
                    _("The AI's advice appears in {seconds} s.").format(seconds=int(-(-left // 1)))
                )
            )
            self._timer = self.call_later(min(1.0, left - (left // 1) or 1.0), self.tick)
            return
        trial.show_advice(*self._selection())
        self.render()

    # -- drawing -------------------------------------------------------------------------------
    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None

    def _show_first(self, digit: str | None, locked: bool) -> None:
        """Show ``digit`` in the first picker, open or locked.

        The front end draws a change of ``disabled`` only when it builds the buttons, so a change
        between open and locked replaces the picker with a new one built in the new state.
        """
        old = self.first
        if old.disabled == locked:
            old.value = digit
            return
        self.first = _digit_picker(self._first_label, "tt-first-answer", digit, locked)
        self.first_step.children = (self.first, *self.first_step.children[1:])
        old.close()

    def render(self) -> None:
        """Show the trial's current stage."""
        trial = self.trial
        stage = trial.stage
        self._stop_timer()
        if stage == DONE:
            self.progress.value = "<b>{}</b>".format(
                html.escape(_("All {n} cases done.").format(n=trial.n_cases))
            )
            self.instructions.layout.display = "none"
            self.image.value = ""
            self.first_step.layout.display = "none"
            self.final_step.layout.display = "none"
            self.summary.value = trial.report()._repr_html_()
            return
        self.progress.value = "<b>{}</b>".format(
            html.escape(_("Case {k} of {n}").format(k=trial.position + 1, n=trial.n_cases))
        )
        case = trial.current
        alt = _("A handwritten digit, 8 by 8 squares, case {k} of {n}").format(
            k=trial.position + 1, n=trial.n_cases
        )
        self.image.value = style.digit_tag(case.pixels(), alt, size=160, css_class="tt-digit")
        self.summary.value = ""
        self.first_step.layout.display = None
        asking = stage == FIRST
        for control in (self.lock, self.request, self.alone):
            control.disabled = not asking
        self.first_confidence.disabled = not asking
        if asking:
            self._show_first(None, locked=False)
            self.first_confidence.value = _UNSURE
            self.first_confidence.layout.display = None
            self.locked.value = ""
            self.final_step.layout.display = "none"
            if trial.mode == DELAYED:
                self.tick()
            return
        first, sure = trial.first_answer(), trial.first_confidence()
        self._show_first(None if first is None else str(first), locked=True)
        if sure is not None:
            self.first_confidence.value = round(sure * 100)
        # Asked for the advice with no digit chosen: there is no confidence to show.
        self.first_confidence.layout.display = "none" if sure is None else None
        self.locked.value = html.escape(self._locked_text(first, sure))
        self.countdown.value = html.escape(_("The AI's advice is shown below."))
        self.final.value = None if first is None else str(first)
        self.final_confidence.value = self.first_confidence.value
        self.advice.value = "<b>{}</b>".format(
            html.escape(
                _("The AI says {digit}, and it is {confidence} sure.").format(
                    digit=case.ai, confidence=style.percent(case.ai_confidence)
                )
            )
        )
        if trial.explanations:
            self.explanation.value = self._explanation_of(case)
        self.final_step.layout.display = None

    @staticmethod
    def _locked_text(first: int | None, sure: float | None) -> str:
        if first is None:
            return _("You asked for the AI's advice before choosing a digit.")
        return _(
            "Your first answer, {digit} ({confidence} sure), is locked in and cannot change. "
            "Now give your final answer below: keep yours or take the AI's."
        ).format(digit=first, confidence=style.percent(sure))

    def _explanation_of(self, case) -> str:
        if case.case_id not in self._explained:
            self._explained[case.case_id] = explanation_html(explain(case), case.pixels())
        return self._explained[case.case_id]
