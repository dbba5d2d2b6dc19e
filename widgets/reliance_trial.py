"""The reliance trial: answer alone, see the AI's advice, answer again, say how sure you are.

This module is the model, pure Python and testable without a browser; ``_reliance_view`` draws it.
Every answer is written to the evidence log as it is given, and a new trial object for the same
learner and form reads the log back and resumes where the learner left off.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .digit_cases import DigitCase, make_cases
from .evidence import EvidenceLog
from .i18n import _
from .identity import learner_id, variant_seed
from .measures import RelianceSummary, Trial, summarize

#: The stages of one case, in order.
FIRST, FINAL, DONE = "first", "final", "done"


class TrialError(ValueError):
    """An answer that the trial cannot take at this point (shown to the learner as is)."""


@dataclass
class _Answers:
    first: int | None = None
    first_confidence: float | None = None
    final: int | None = None
    final_confidence: float | None = None


def _check_answer(label, confidence) -> tuple[int, float]:
    if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label <= 9:
        raise TrialError(_("An answer is a digit from 0 to 9."))
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise TrialError(_("Confidence is a number from 0 to 1."))
    if not 0 <= confidence <= 1:
        raise TrialError(_("Confidence is a number from 0 to 1."))
    return label, float(confidence)


class RelianceTrial:
    """A reliance trial on handwritten digits, with a real classifier as the AI advisor.

    For each case the learner gives a first answer and their confidence, then sees the AI's advice
    and its confidence, then gives a final answer and confidence. The measures of
    :mod:`thinktwice.widgets.measures` are computed from the completed cases.

    Parameters
    ----------
    learner : str, optional
        The learner's id; by default :func:`~thinktwice.widgets.identity.learner_id`.
    form : {"A", "B"}
        Parallel form: A for the baseline (module 0), B for the retake (module 11).
    n_cases : int
        Number of cases.
    ai_wrong : int
        On how many of them the AI's advice is wrong.
    folder : path-like, optional
        Assignment folder holding the evidence log; by default the current folder.

    Attributes
    ----------
    cases_ : list of DigitCase
        The learner's cases, after :meth:`start`.

    Examples
    --------
    >>> import tempfile
    >>> trial = RelianceTrial("aiko", n_cases=2, ai_wrong=1, folder=tempfile.mkdtemp()).start()
    >>> advice = trial.answer_first(3, confidence=0.6)
    >>> trial.answer_final(advice.ai, confidence=0.7)
    >>> len(trial.trials())
    1
    """

    def __init__(
        self,
        learner: str | None = None,
        *,
        form: str = "A",
        n_cases: int = 12,
        ai_wrong: int = 4,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        self.learner = learner
        self.form = form
        self.n_cases = n_cases
        self.ai_wrong = ai_wrong
        self.folder = folder

    @property
    def activity(self) -> str:
        """The name of this activity in the evidence log."""
        return f"reliance-trial/{self.form}"

    def start(self) -> RelianceTrial:
        """Build the learner's cases and replay the evidence log; return ``self``."""
        self.learner_ = self.learner or learner_id(self.folder)
        seed = variant_seed(self.learner_, "reliance-trial", self.form)
        self.cases_ = make_cases(seed, self.form, self.n_cases, self.ai_wrong)
        self.log_ = EvidenceLog.in_folder(Path(self.folder or os.getcwd()), self.learner_)
        self._answers = {case.case_id: _Answers() for case in self.cases_}
        for event in self.log_.events(self.activity):
            self._replay(event.kind, event.data)
        return self

    def _replay(self, kind: str, data) -> None:
        try:
            label, confidence = _check_answer(data.get("answer"), data.get("confidence"))
        except TrialError:
            return
        self._apply(kind, data.get("case"), label, confidence)

    def _apply(self, kind: str, case_id, label: int, confidence: float) -> None:
        answers = self._answers.get(case_id)
        if answers is None:
            return
        # The first complete record of each step counts; later copies cannot rewrite it.
        if kind == FIRST and answers.first is None:
            answers.first, answers.first_confidence = label, confidence
        elif kind == FINAL and answers.first is not None and answers.final is None:
            answers.final, answers.final_confidence = label, confidence

    # -- where the learner is ----------------------------------------------------------------
    @property
    def current(self) -> DigitCase | None:
        """The case the learner is working on, or ``None`` when all are done."""
        for case in self.cases_:
            if self._answers[case.case_id].final is None:
                return case
        return None

    @property
    def stage(self) -> str:
        """``"first"`` (awaiting the first answer), ``"final"`` (advice shown) or ``"done"``."""
        case = self.current
        if case is None:
            return DONE
        return FIRST if self._answers[case.case_id].first is None else FINAL

    @property
    def position(self) -> int:
        """How many cases are complete."""
        return sum(1 for a in self._answers.values() if a.final is not None)

    def first_answer(self) -> int | None:
        """The learner's first answer on the current case, if given."""
        case = self.current
        return None if case is None else self._answers[case.case_id].first

    # -- answering ---------------------------------------------------------------------------
    def _answer(self, kind: str, label, confidence, refusal: str) -> DigitCase:
        label, confidence = _check_answer(label, confidence)
        if self.stage != kind:
            raise TrialError(refusal)
        case = self.current
        data = {"case": case.case_id, "answer": label, "confidence": confidence}
        self.log_.append(self.activity, kind, data)
        self._apply(kind, case.case_id, label, confidence)
        return case

    def answer_first(self, label: int, confidence: float) -> DigitCase:
        """Record the first answer on the current case and return the case, now with its advice."""
        return self._answer(
            FIRST, label, confidence, _("The first answer on this case is already locked in.")
        )

    def answer_final(self, label: int, confidence: float) -> None:
        """Record the final answer on the current case and move to the next one."""
        self._answer(
            FINAL, label, confidence, _("Give your own first answer before your final one.")
        )

    # -- results -----------------------------------------------------------------------------
    def trials(self) -> list[Trial]:
        """The completed cases, as :class:`~thinktwice.widgets.measures.Trial` records."""
        done = []
        for case in self.cases_:
            a = self._answers[case.case_id]
            if a.final is not None:
                done.append(
                    Trial(
                        a.first,
                        case.ai,
                        a.final,
                        case.truth,
                        a.first_confidence,
                        a.final_confidence,
                    )
                )
        return done

    def records(self) -> list[Trial]:
        """The completed cases (an alias of :meth:`trials` for use in exercises)."""
        return self.trials()

    def summary(self) -> RelianceSummary:
        """Every reliance measure over the completed cases."""
        return summarize(self.trials())

    def view(self):
        """Return the interactive ipywidgets view of this trial."""
        from ._reliance_view import RelianceTrialView

        if not hasattr(self, "cases_"):
            self.start()
        return RelianceTrialView(self)

    def report(self):
        """Return the learner's own reliance figures as a widget (shown to them, not graded)."""
        from ._reliance_view import summary_widget

        if not hasattr(self, "cases_"):
            self.start()
        return summary_widget(self)
