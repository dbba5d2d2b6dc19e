"""The reliance trial: read a digit, weigh a real AI's advice, answer, say how sure you are.

This module is the model, pure Python and testable without a browser; ``_reliance_view`` draws it.
Every step is written to the evidence log as it is taken, and a new trial object for the same
learner, form and mode reads the log back and resumes where the learner left off.

Three modes follow the cognitive forcing functions of Buçinca, Malaya & Gajos (2021, "To trust or
to think", CSCW): decide before seeing the AI (``"decide-first"``), see the AI's advice only on
request (``"on-request"``), and see it only after a wait (``"delayed"``).

Events (kind: data), each also carrying ``mode``, ``explanations`` and ``after``, the seconds
since the case was shown:

``first``
    ``case``, ``answer``, ``confidence``: the locked-in first answer (decide-first only);
``request``
    ``case``, ``selected``, ``confidence``: the learner asked for the advice, with the digit they
    had selected then and their confidence in it, or ``None`` for both (on-request only);
``advice``
    the same fields: the advice appeared after the wait (delayed only);
``final``
    ``case``, ``answer``, ``confidence``, ``advice_seen``: the final answer on the case.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass

from .activity import Activity, ActivityError, Outcome
from .digit_cases import (
    CASE_SET,
    CASE_SETS,
    FORMS,
    DigitCase,
    Explanation,
    _pools,
    case_set_of,
    explain,
    make_cases,
)
from .i18n import _
from .identity import variant_seed
from .measures import RelianceSummary, Trial, summarize
from .reliance_report import RelianceReport, ReviewCase

#: The stages of one case, in order: before the advice, advice shown, all cases done.
FIRST, FINAL, DONE = "first", "final", "done"
#: The kinds of events besides ``first`` and ``final``.
REQUEST, ADVICE = "request", "advice"
#: The modes, the first being the default (module 0's flow).
DECIDE_FIRST, ON_REQUEST, DELAYED = "decide-first", "on-request", "delayed"
MODES = (DECIDE_FIRST, ON_REQUEST, DELAYED)


class TrialError(ActivityError):
    """An answer that the trial cannot take at this point (shown to the learner as is)."""


@dataclass
class _Answers:
    first: int | None = None
    first_confidence: float | None = None
    final: int | None = None
    final_confidence: float | None = None
    advice_seen: bool = False


def _check_answer(label, confidence) -> tuple[int, float]:
    if isinstance(label, bool) or not isinstance(label, int) or not 0 <= label <= 9:
        raise TrialError(_("An answer is a digit from 0 to 9."))
    if isinstance(confidence, bool) or not isinstance(confidence, int | float):
        raise TrialError(_("Confidence is a number from 0 to 1."))
    if not 0 <= confidence <= 1:
        raise TrialError(_("Confidence is a number from 0 to 1."))
    return label, float(confidence)


def _check_selection(selected, confidence) -> None:
    if selected is None:
        if confidence is not None:
            raise TrialError(_("Choose a digit before saying how sure you are."))
        return
    _check_answer(selected, confidence)


class RelianceTrial(Activity):
    """A reliance trial on handwritten digits, with a real classifier as the AI advisor.

    For each case the learner sees a handwritten digit, the AI's advice on it (in a way set
    by ``mode``), and gives a final answer with their confidence. The measures of
    :mod:`thinktwice.widgets.measures` are computed from the completed cases; the answers are never
    graded, only how many cases were completed (:meth:`outcome`).

    Parameters
    ----------
    learner : str, optional
        The learner's id; by default :func:`~thinktwice.widgets.identity.learner_id`.
    form : {"A", "B"}
        Parallel form: A for the baseline (module 0), B for the retake (module 11). Form B shows
        the learner twins of their form A cases (see :mod:`~thinktwice.widgets.digit_cases`).
    mode : {"decide-first", "on-request", "delayed"}
        ``"decide-first"``: lock in a first answer and confidence, then see the advice, then give
        the final answer. ``"on-request"``: answer directly, or first press "Show the AI's advice"
        (the digit selected then, if any, is the first answer). ``"delayed"``: the advice appears
        ``delay`` seconds after the case; the digit selected by then, if any, is the first answer,
        and the final answer follows the advice.
    explanations : bool
        Show with the advice the advisor's top three digits and which pixels pushed it towards its
        answer (:meth:`explanation`).
    delay : float
        Seconds before the advice appears in the delayed mode.
    clock : callable
        Returns the time in seconds; tests pass a fake clock instead of sleeping.
    n_cases : int
        Number of cases.
    ai_wrong : int
        On how many of them the AI's advice is wrong.
    case_set : int, optional
        Which set of digit images to draw from (see :mod:`~thinktwice.widgets.digit_cases`). By
        default the set the learner's evidence log already uses in this activity, else the
        newest: a learner who began on older cases keeps them.
    folder : path-like, optional
        Assignment folder holding the evidence log; by default the current folder.

    Attributes
    ----------
    cases_ : list of DigitCase
        The learner's cases, after :meth:`start`.
    seed_ : int
        The seed the cases were drawn from.
    case_set_ : int
        The set of digit images the cases come from.

    Notes
    -----
    In a notebook, two lines give the interactive trial::

        from thinktwice.widgets import RelianceTrial
        RelianceTrial().view()

    The default mode logs as ``reliance-trial/<form>``, as module 0 always has; other modes and
    explanations add to the name (``reliance-trial/A/on-request/explained``), so a learner can do
    several. Cases are drawn from ``variant_seed(learner, "reliance-trial", "A", ...)`` with those
    additions, for both forms (form B turns them into twins).

    Where the learner never saw the advice (an on-request answer given without asking) or gave no
    first answer (asked, or waited, without selecting a digit), the case still counts for the
    accuracies but not for the reliance measures that need it; see
    :mod:`~thinktwice.widgets.measures`.

    Examples
    --------
    >>> import tempfile
    >>> trial = RelianceTrial("aiko", n_cases=2, ai_wrong=1, folder=tempfile.mkdtemp()).start()
    >>> advice = trial.answer_first(3, confidence=0.6)
    >>> trial.answer_final(advice.ai, confidence=0.7)
    >>> len(trial.trials()), trial.outcome().done
    (1, 1)

    On request, answering directly never shows the advice:

    >>> ask = RelianceTrial("aiko", mode="on-request", n_cases=2, ai_wrong=1,
    ...                     folder=tempfile.mkdtemp()).start()
    >>> ask.answer_final(5, confidence=0.8)
    >>> ask.trials()[0].advice_seen
    False
    >>> case = ask.request_advice(selected=4, confidence=0.5)
    >>> ask.stage
    'final'
    """

    name = "reliance-trial"
    view_class = "_reliance_view:RelianceTrialView"

    @classmethod
    def warm_up(cls) -> None:
        """Train the digit advisor and draw the images that every learner's cases share (cached)."""
        _pools()

    def __init__(
        self,
        learner: str | None = None,
        *,
        form: str = "A",
        mode: str = DECIDE_FIRST,
        explanations: bool = False,
        delay: float = 10.0,
        clock: Callable[[], float] = time.monotonic,
        n_cases: int = 12,
        ai_wrong: int = 4,
        case_set: int | None = None,
        folder: str | os.PathLike[str] | None = None,
    ) -> None:
        super().__init__(learner, folder=folder)
        self.form = form
        self.mode = mode
        self.explanations = explanations
        self.delay = delay
        self.clock = clock
        self.n_cases = n_cases
        self.ai_wrong = ai_wrong
        self.case_set = case_set

    @property
    def activity(self) -> str:
        """The name of this activity in the evidence log."""
        parts = [self.name, self.form]
        if self.mode != DECIDE_FIRST:
            parts.append(self.mode)
        if self.explanations:
            parts.append("explained")
        return "/".join(parts)

    def _build(self, seed: int) -> None:
        if self.form not in FORMS:
            raise ValueError(f"form must be one of {FORMS}, not {self.form!r}")
        if self.mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}, not {self.mode!r}")
        if isinstance(self.delay, bool) or not isinstance(self.delay, int | float):
            raise ValueError(f"delay must be a number of seconds, not {self.delay!r}")
        if self.delay < 0:
            raise ValueError(f"delay must not be negative, not {self.delay!r}")
        # Module 0's learners keep the cases they had before modes existed: the seed is that of
        # form A (form B makes twins of the same draw), plus the mode and explanations if any.
        if self.case_set is not None and self.case_set not in CASE_SETS:
            raise ValueError(f"case_set must be one of {CASE_SETS}, not {self.case_set!r}")
        self.seed_ = variant_seed(self.learner_, self.name, "A", *self.activity.split("/")[2:])
        self.case_set_ = self.case_set or self._logged_case_set() or CASE_SET
        self.cases_ = make_cases(self.seed_, self.form, self.n_cases, self.ai_wrong, self.case_set_)
        self._answers = {case.case_id: _Answers() for case in self.cases_}
        self._shown_at = self.clock()

    def _logged_case_set(self) -> int | None:
        """The case set of the first case this activity's log names, if any."""
        for event in self.log_.events(self.activity):
            case = event.data.get("case")
            if isinstance(case, str):
                try:
                    return case_set_of(case)
                except ValueError:
                    continue
        return None

    # -- checking and applying events ------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        case = self.current
        if case is None:
            raise TrialError(_("All cases are done."))
        if data.get("case") != case.case_id:
            raise TrialError(_("That answer is for another case."))
        answers = self._answers[case.case_id]
        if kind == FIRST:
            _check_answer(data.get("answer"), data.get("confidence"))
            if self.mode != DECIDE_FIRST:
                raise TrialError(_("In this mode there is no first answer to lock in."))
            if answers.first is not None:
                raise TrialError(_("The first answer on this case is already locked in."))
        elif kind in (REQUEST, ADVICE):
            _check_selection(data.get("selected"), data.get("confidence"))
            if (kind, self.mode) not in ((REQUEST, ON_REQUEST), (ADVICE, DELAYED)):
                raise TrialError(_("In this mode the AI's advice comes another way."))
            if answers.advice_seen:
                raise TrialError(_("The AI's advice on this case is already shown."))
            # The wait itself is checked live by show_advice, not here: a replay must not lose
            # a learner's work because a teacher later changed the delay.
        elif kind == FINAL:
            _check_answer(data.get("answer"), data.get("confidence"))
            if self.mode == DECIDE_FIRST and answers.first is None:
                raise TrialError(_("Give your own first answer before your final one."))
            if self.mode == DELAYED and not answers.advice_seen:
                raise TrialError(_("Wait for the AI's advice before your final answer."))
        else:
            raise TrialError(_("The trial has no step called {kind}.").format(kind=kind))

    def _apply(self, kind: str, data: dict) -> DigitCase | None:
        case = self.current
        answers = self._answers[case.case_id]
        if kind == FIRST:
            answers.first, answers.first_confidence = data["answer"], float(data["confidence"])
            answers.advice_seen = True
            return case
        if kind in (REQUEST, ADVICE):
            answers.first = data.get("selected")
            confidence = data.get("confidence")
            answers.first_confidence = None if confidence is None else float(confidence)
            answers.advice_seen = True
            return case
        if not answers.advice_seen:  # answered on request without asking: one answer, alone
            answers.first, answers.first_confidence = data["answer"], float(data["confidence"])
        answers.final, answers.final_confidence = data["answer"], float(data["confidence"])
        self._shown_at = self.clock()  # the next case is shown now
        return None

    def _event(self, case: DigitCase, **fields) -> dict:
        return {
            "case": case.case_id,
            **fields,
            "after": round(self.clock() - self._shown_at, 1),
            "mode": self.mode,
            "explanations": bool(self.explanations),
        }

    def _current_or_refuse(self) -> DigitCase:
        self._ensure_started()
        case = self.current
        if case is None:
            raise TrialError(_("All cases are done."))
        return case

    # -- where the learner is ----------------------------------------------------------------
    @property
    def current(self) -> DigitCase | None:
        """The case the learner is working on, or ``None`` when all are done."""
        self._ensure_started()
        for case in self.cases_:
            if self._answers[case.case_id].final is None:
                return case
        return None

    @property
    def stage(self) -> str:
        """``"first"`` (advice not shown yet), ``"final"`` (advice shown) or ``"done"``."""
        case = self.current
        if case is None:
            return DONE
        return FINAL if self._answers[case.case_id].advice_seen else FIRST

    @property
    def position(self) -> int:
        """How many cases are complete."""
        self._ensure_started()
        return sum(1 for a in self._answers.values() if a.final is not None)

    def first_answer(self) -> int | None:
        """The learner's first answer on the current case, if given."""
        case = self.current
        return None if case is None else self._answers[case.case_id].first

    def first_confidence(self) -> float | None:
        """How sure the learner said they were of their first answer on the current case."""
        case = self.current
        return None if case is None else self._answers[case.case_id].first_confidence

    def seconds_left(self) -> float:
        """Seconds until the AI's advice on the current case may appear (delayed mode), else 0."""
        self._ensure_started()
        if self.mode != DELAYED or self.stage != FIRST:
            return 0.0
        return max(0.0, self.delay - (self.clock() - self._shown_at))

    def explanation(self) -> Explanation | None:
        """The advisor's explanation of its advice on the current case, or ``None`` when done."""
        self._ensure_started()
        case = self.current
        return None if case is None else explain(case)

    # -- answering ---------------------------------------------------------------------------
    def answer_first(self, label: int, confidence: float) -> DigitCase:
        """Lock in the first answer on the current case; return the case, now with its advice.

        Only in the decide-first mode.
        """
        _check_answer(label, confidence)
        case = self._current_or_refuse()
        return self.record(FIRST, self._event(case, answer=label, confidence=confidence))

    def request_advice(
        self, selected: int | None = None, confidence: float | None = None
    ) -> DigitCase:
        """Ask for the AI's advice on the current case (on-request mode); return the case.

        ``selected`` is the digit the learner had chosen before asking, if any, and ``confidence``
        how sure they were of it; both become the first answer.
        """
        _check_selection(selected, confidence)
        case = self._current_or_refuse()
        return self.record(REQUEST, self._event(case, selected=selected, confidence=confidence))

    def show_advice(
        self, selected: int | None = None, confidence: float | None = None
    ) -> DigitCase:
        """Show the AI's advice once the wait is over (delayed mode); return the case.

        ``selected`` and ``confidence`` are the learner's choice at that moment, if any.
        """
        _check_selection(selected, confidence)
        case = self._current_or_refuse()
        if self.mode == DELAYED and self.seconds_left() > 0:
            raise TrialError(
                _("The AI's advice appears in {seconds:.0f} s.").format(
                    seconds=max(1.0, self.seconds_left())
                )
            )
        return self.record(ADVICE, self._event(case, selected=selected, confidence=confidence))

    def answer_final(self, label: int, confidence: float) -> None:
        """Record the final answer on the current case and move to the next one."""
        _check_answer(label, confidence)
        case = self._current_or_refuse()
        advice_seen = self._answers[case.case_id].advice_seen
        self.record(
            FINAL,
            self._event(case, answer=label, confidence=confidence, advice_seen=advice_seen),
        )

    # -- results -----------------------------------------------------------------------------
    def trials(self) -> list[Trial]:
        """The completed cases, as :class:`~thinktwice.widgets.measures.Trial` records."""
        self._ensure_started()
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
                        a.advice_seen,
                    )
                )
        return done

    def records(self) -> list[Trial]:
        """The completed cases (an alias of :meth:`trials` for use in exercises)."""
        return self.trials()

    def summary(self) -> RelianceSummary:
        """Every reliance measure over the completed cases."""
        return summarize(self.trials())

    def outcome(self) -> Outcome:
        """Cases completed out of all cases; the answers themselves are never graded."""
        self._ensure_started()
        done, total = self.position, self.n_cases
        if done == total:
            feedback = _("All {n} cases done. Only finishing counts, never agreeing with the AI.")
        else:
            feedback = _("{left} cases to go. Only finishing counts, never agreeing with the AI.")
        return Outcome(done, total, float(done), (feedback.format(n=total, left=total - done),))

    def progress(self, outcome: Outcome) -> str:
        """The learner's progress in cases of the trial."""
        return _("You completed {done} of {total} cases of the reliance trial.").format(
            done=outcome.done, total=outcome.total
        )

    def report(self) -> RelianceReport:
        """The learner's own reliance figures (shown to them, never graded).

        A notebook shows it as a table; saved output, nbgrader's feedback and nbconvert's HTML
        keep that table, with no kernel needed.
        """
        return RelianceReport(
            self.summary(), advice_optional=self.mode != DECIDE_FIRST, review=self.review()
        )

    def review(self) -> tuple[ReviewCase, ...]:
        """The completed cases as the learner looks back on them, with the right digits."""
        self._ensure_started()
        done = []
        for number, case in enumerate(self.cases_, start=1):
            a = self._answers[case.case_id]
            if a.final is not None:
                done.append(
                    ReviewCase(
                        number,
                        case.image,
                        a.first,
                        a.first_confidence,
                        case.ai,
                        case.ai_confidence,
                        a.final,
                        a.final_confidence,
                        case.truth,
                        a.advice_seen,
                    )
                )
        return tuple(done)
