"""The ipywidgets view of a :class:`~thinktwice.widgets.reliance_trial.RelianceTrial`."""

from __future__ import annotations

import base64
import html

import ipywidgets as w

from ._png import grayscale_png
from .i18n import _
from .reliance_trial import DONE, FIRST, RelianceTrial, TrialError

_DIGITS = [str(d) for d in range(10)]


def _confidence_slider(css_class: str) -> w.IntSlider:
    slider = w.IntSlider(
        value=50,
        min=10,
        max=100,
        step=10,
        description=_("How sure are you? (%)"),
        style={"description_width": "initial"},
        layout=w.Layout(width="420px"),
    )
    slider.add_class(css_class)
    return slider


def _digit_picker(description: str, css_class: str) -> w.ToggleButtons:
    picker = w.ToggleButtons(
        options=_DIGITS,
        value=None,
        description=description,
        style={"button_width": "34px", "description_width": "initial"},
        tooltips=[_("The digit {digit}").format(digit=d) for d in _DIGITS],
    )
    picker.add_class(css_class)
    return picker


def summary_html(trial: RelianceTrial) -> str:
    """The learner's own reliance figures, in plain words (shown, never graded)."""
    s = trial.summary()
    rows = [
        (_("Your accuracy alone (first answers)"), s.learner_accuracy),
        (_("The AI's accuracy"), s.ai_accuracy),
        (_("Your final accuracy, with the AI"), s.team_accuracy),
        (_("Switched to the AI when it was right and you were wrong (RAIR)"), s.rair),
        (_("Kept your answer when you were right and the AI wrong (RSR)"), s.rsr),
        (_("Followed the AI when it was wrong (over-reliance)"), s.over_reliance),
        (_("Did not follow the AI when it was right (under-reliance)"), s.under_reliance),
    ]
    body = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(name)}</th>"
        f"<td>{html.escape(str(value))}</td></tr>"
        for name, value in rows
    )
    brier = _("undefined (no cases)") if s.brier is None else f"{s.brier:.3f}"
    body += (
        f"<tr><th scope='row' style='text-align:left'>"
        f"{html.escape(_('Brier score of your confidence (0 is perfect)'))}</th>"
        f"<td>{brier}</td></tr>"
    )
    caption = html.escape(_("Your reliance on the AI, over {n} cases").format(n=s.cases))
    return f"<table class='tt-summary'><caption>{caption}</caption>{body}</table>"


class RelianceTrialView(w.VBox):
    """Cases one at a time: first answer, the AI's advice, final answer, then a summary."""

    def __init__(self, trial: RelianceTrial) -> None:
        self.trial = trial
        self.progress = w.HTML()
        self.image = w.HTML()
        self.first = _digit_picker(_("Your answer:"), "tt-first-answer")
        self.first_confidence = _confidence_slider("tt-first-confidence")
        self.lock = w.Button(
            description=_("Lock in my answer"),
            button_style="primary",
            layout=w.Layout(width="auto"),
        )
        self.lock.add_class("tt-lock")
        self.advice = w.HTML()
        self.advice.add_class("tt-advice")
        self.final = _digit_picker(_("Final answer:"), "tt-final-answer")
        self.final_confidence = _confidence_slider("tt-final-confidence")
        self.confirm = w.Button(
            description=_("Confirm final answer"),
            button_style="success",
            layout=w.Layout(width="auto"),
        )
        self.confirm.add_class("tt-confirm")
        self.message = w.HTML()
        self.message.add_class("tt-message")
        self.summary = w.HTML()
        self.summary.add_class("tt-summary-box")
        self.first_step = w.VBox([self.first, self.first_confidence, self.lock])
        self.final_step = w.VBox([self.advice, self.final, self.final_confidence, self.confirm])
        self.lock.on_click(self._on_lock)
        self.confirm.on_click(self._on_confirm)
        super().__init__(
            [
                self.progress,
                self.image,
                self.first_step,
                self.final_step,
                self.message,
                self.summary,
            ]
        )
        self.add_class("tt-reliance-trial")
        self.render()

    # -- handlers ------------------------------------------------------------------------------
    def _on_lock(self, _button=None) -> None:
        if self.first.value is None:
            self._say(_("Choose a digit first."))
            return
        try:
            self.trial.answer_first(int(self.first.value), self.first_confidence.value / 100)
        except TrialError as error:
            self._say(str(error))
            return
        self._say("")
        self.render()

    def _on_confirm(self, _button=None) -> None:
        if self.final.value is None:
            self._say(_("Choose your final digit."))
            return
        try:
            self.trial.answer_final(int(self.final.value), self.final_confidence.value / 100)
        except TrialError as error:
            self._say(str(error))
            return
        self._say("")
        self.render()

    def _say(self, text: str) -> None:
        self.message.value = f"<span role='status'>{html.escape(text)}</span>" if text else ""

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the trial's current stage."""
        trial = self.trial
        stage = trial.stage
        self.progress.value = html.escape(
            _("Case {k} of {n}").format(k=min(trial.position + 1, trial.n_cases), n=trial.n_cases)
        )
        if stage == DONE:
            self.progress.value = html.escape(_("All {n} cases done.").format(n=trial.n_cases))
            self.image.value = ""
            self.first_step.layout.display = "none"
            self.final_step.layout.display = "none"
            self.summary.value = summary_html(trial)
            return
        case = trial.current
        png = base64.b64encode(grayscale_png(case.pixels())).decode("ascii")
        alt = html.escape(
            _("A handwritten digit with visual noise, case {k} of {n}").format(
                k=trial.position + 1, n=trial.n_cases
            ),
            quote=True,
        )
        self.image.value = (
            f"<img src='data:image/png;base64,{png}' alt='{alt}' width='160' "
            "style='border: 2px solid #444; margin: 4px 0'>"
        )
        self.summary.value = ""
        if stage == FIRST:
            self.first.value = None
            self.first.disabled = False
            self.lock.disabled = False
            self.first_step.layout.display = None
            self.final_step.layout.display = "none"
        else:
            first = trial.first_answer()
            self.first.value = str(first)
            self.first.disabled = True
            self.lock.disabled = True
            self.final.value = str(first)
            self.final_confidence.value = self.first_confidence.value
            self.advice.value = html.escape(
                _("The AI says {digit}, with {confidence:.0%} confidence.").format(
                    digit=case.ai, confidence=case.ai_confidence
                )
            )
            self.first_step.layout.display = None
            self.final_step.layout.display = None


def summary_widget(trial: RelianceTrial) -> w.HTML:
    """The learner's reliance figures as a widget."""
    box = w.HTML(summary_html(trial))
    box.add_class("tt-summary-box")
    return box
