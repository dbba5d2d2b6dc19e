"""Checks for nbgrader test cells: partial credit, and feedback that teaches.

A test cell ends with one of these calls; its result is the points earned. Feedback names what to
think about, never the hidden inputs or expected values of hidden checks.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from thinktwice.widgets.activity import Activity
from thinktwice.widgets.evidence import EvidenceError
from thinktwice.widgets.i18n import _
from thinktwice.widgets.identity import learner_id
from thinktwice.widgets.reliance_trial import RelianceTrial

from .score import Score

PASS, FAIL = "✔", "✘"


@dataclass(frozen=True)
class Case:
    """One input for :func:`score_function`, with what it should give.

    ``hint`` is shown when the case fails; for a hidden case it is all the learner sees.
    """

    args: tuple
    expected: Any
    hint: str = ""
    hidden: bool = False


def _same(got: Any, expected: Any, tol: float) -> bool:
    if expected is None:
        return got is None
    if isinstance(expected, int | float) and not isinstance(expected, bool):
        return (
            isinstance(got, int | float)
            and not isinstance(got, bool)
            and math.isclose(got, expected, rel_tol=tol, abs_tol=tol)
        )
    return got == expected


def score_function(
    function: Callable, cases: Sequence[Case], points: float, tol: float = 1e-6
) -> Score:
    """Call ``function`` on each case; award ``points`` in proportion to the cases it gets right."""
    if not callable(function):
        return Score(0, points, [f"{FAIL} " + _("This is not a function you can call.")]).report()
    passed, feedback = 0, []
    for number, case in enumerate(cases, start=1):
        label = _("hidden check") if case.hidden else _("check {n}").format(n=number)
        try:
            got = function(*case.args)
        except Exception as error:  # noqa: BLE001 - the learner's code may raise anything
            feedback.append(
                f"{FAIL} {label}: " + _("raised {name}").format(name=type(error).__name__)
            )
            if case.hint:
                feedback.append("   " + case.hint)
            continue
        if _same(got, case.expected, tol):
            passed += 1
            feedback.append(f"{PASS} {label}")
        else:
            detail = (
                ""
                if case.hidden
                else _(" (expected {e!r}, got {g!r})").format(e=case.expected, g=got)
            )
            feedback.append(f"{FAIL} {label}{detail}")
            if case.hint:
                feedback.append("   " + case.hint)
    return Score(points * passed / len(cases), points, feedback).report()


def close_to(
    value: Any, expected: float, points: float, hint: str = "", tol: float = 1e-6
) -> Score:
    """Full ``points`` if ``value`` is a number within ``tol`` of ``expected``, else none."""
    if _same(value, expected, tol):
        return Score(points, points, [f"{PASS} " + _("Correct.")]).report()
    return Score(0, points, [f"{FAIL} " + _("Not yet.") + (" " + hint if hint else "")]).report()


def _learner_trial(form: str, folder: str | None, **options: Any) -> RelianceTrial:
    """The learner's trial rebuilt from the evidence log in ``folder`` (raises EvidenceError).

    ``options`` are the trial's ``mode`` and ``explanations``, as the notebook sets them.
    """
    folder = folder or os.getcwd()
    return RelianceTrial(learner_id(folder), form=form, folder=folder, **options).start()


def reliance_trial_completed(
    points: float,
    form: str = "A",
    folder: str | None = None,
    *,
    mode: str = "decide-first",
    explanations: bool = False,
) -> Score:
    """Points in proportion to the cases of the learner's reliance trial completed.

    :func:`activity_score` by completion, for the trial the notebook runs: it counts only the
    cases of this learner's own variant, in the given ``mode`` and with or without
    ``explanations``. The answers themselves are never graded.
    """
    folder = folder or os.getcwd()
    trial = RelianceTrial(
        learner_id(folder), form=form, folder=folder, mode=mode, explanations=explanations
    )
    return activity_score(trial, points, by="completion")


def activity_score(activity: Activity, points: float, by: str = "credit") -> Score:
    """Points for what the learner did in ``activity``, read back from the evidence log.

    Parameters
    ----------
    activity : Activity
        An activity object as the notebook builds it (not yet started); the check rebuilds the
        learner's variant and replays their evidence, never the notebook's variables.
    points : float
        The points available.
    by : {"credit", "completion"}
        Award points for the credit earned in the activity's graded steps, or just for having
        completed them.

    Examples
    --------
    In a test cell, after the activity's cell::

        from thinktwice.autograder import activity_score
        from thinktwice.widgets import CalibrationExplorer
        activity_score(CalibrationExplorer(), points=2)
    """
    if by not in ("credit", "completion"):
        raise ValueError(f"by must be 'credit' or 'completion', not {by!r}")
    try:
        outcome = activity.start().outcome()
    except EvidenceError as error:
        return Score(0, points, [f"{FAIL} " + str(error)]).report()
    share = outcome.fraction if by == "credit" else outcome.completion
    mark = PASS if share >= 1 else FAIL
    progress = activity.progress(outcome)
    return Score(points * share, points, [f"{mark} {progress}", *outcome.feedback]).report()


def learner_trials(
    form: str = "A",
    folder: str | None = None,
    *,
    mode: str = "decide-first",
    explanations: bool = False,
):
    """The learner's completed trials, read from the evidence log (for checks of exercises)."""
    try:
        return _learner_trial(form, folder, mode=mode, explanations=explanations).trials()
    except EvidenceError:
        return []


__all__ = [
    "Case",
    "activity_score",
    "close_to",
    "learner_trials",
    "reliance_trial_completed",
    "score_function",
]
