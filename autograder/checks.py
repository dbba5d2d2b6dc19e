"""Checks for nbgrader test cells: partial credit, and feedback that teaches.

A test cell ends with one of these calls; its result is the points earned. Feedback names what to
think about, never the hidden inputs or expected values of hidden checks.

The visible part of a test cell checks only the form of an answer, or cases whose expected value
the learner may see; expected values of the real checks sit in a hidden-tests region, are computed
from the learner's own data, or are compared by :func:`digest`. When every visible check passes
outside grading, the learner is told that more checks run when the teacher grades.
"""

from __future__ import annotations

import hashlib
import json
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

    ``hint`` is shown when the case fails; for a hidden case it is all the learner sees. ``what``
    says in plain words what a visible case tests ("no records at all").
    """

    args: tuple
    expected: Any
    hint: str = ""
    hidden: bool = False
    what: str = ""


def grading() -> bool:
    """Whether the check runs in nbgrader's autograde step (not in the learner's session)."""
    return os.environ.get("NBGRADER_EXECUTION") == "autograde"


_said_in_cell: list = [None]


def _more_at_grading() -> list[str]:
    """The note that more checks run at grading, once per notebook cell (none outside IPython)."""
    try:
        from IPython import get_ipython

        shell = get_ipython()
    except ImportError:  # pragma: no cover - IPython comes with nbgrader
        shell = None
    cell = shell.execution_count if shell is not None else None
    if cell is not None and _said_in_cell[0] == cell:
        return []
    _said_in_cell[0] = cell
    return ["   " + _("These checks pass. More checks run when your teacher grades this notebook.")]


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
        if case.what and not case.hidden:
            label += f" ({case.what})"
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
            if case.hidden:
                detail = ""
            elif got is ...:
                detail = _(": there is no answer yet (the function still returns ...)")
            else:
                detail = _(" (expected {e!r}, got {g!r})").format(e=case.expected, g=got)
            feedback.append(f"{FAIL} {label}{detail}")
            if case.hint:
                feedback.append("   " + case.hint)
    if passed == len(cases) and not grading():
        feedback.extend(_more_at_grading())
    return Score(points * passed / len(cases), points, feedback).report()


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def close_to(
    value: Any, expected: float, points: float, hint: str = "", tol: float = 1e-6
) -> Score:
    """Full ``points`` if ``value`` is a number within ``tol`` of ``expected``, else none.

    Put the call in a hidden-tests region when ``expected`` is written out in the cell.
    """
    if _same(value, expected, tol):
        return Score(points, points, [f"{PASS} " + _("Correct.")]).report()
    if value is ... or value is None:
        return Score(0, points, [f"{FAIL} " + _("There is no answer yet.")]).report()
    return Score(0, points, [f"{FAIL} " + _("Not yet.") + (" " + hint if hint else "")]).report()


def number_between(value: Any, name: str, low: float = 0.0, high: float = 1.0) -> None:
    """Check the form of a numeric answer: is ``value`` a number from ``low`` to ``high``.

    It prints what it found and returns nothing: the value itself is checked at grading, by the
    hidden check that ends the cell. (A cell whose last result were a zero would read, to
    ``nbgrader validate``, as a failed test.)

    Examples
    --------
    >>> number_between(0.4, "rair_by_hand")
    ✔ rair_by_hand is a number from 0 to 1.
       These checks pass. More checks run when your teacher grades this notebook.
    """
    if _is_number(value) and low <= value <= high:
        lines = [f"{PASS} " + _("{name} is a number from {low:g} to {high:g}.")]
        if not grading():
            lines.extend(_more_at_grading())
    elif value is ... or value is None:
        lines = [f"{FAIL} " + _("{name} has no answer yet: replace the ... with a number.")]
    elif _is_number(value):
        lines = [f"{FAIL} " + _("{name} should be a number from {low:g} to {high:g}.")]
    else:
        lines = [f"{FAIL} " + _("{name} should be a number, not {kind}.")]
    kind = type(value).__name__
    for line in lines:
        print(line.format(name=name, low=low, high=high, kind=kind))


def letters(answer: Any, name: str, options: str = "abcde") -> None:
    """Check the form of a multiple-choice answer: one or more of the letters in ``options``.

    Like :func:`number_between`, it prints what it found and returns nothing; the choice itself
    is checked at grading.

    Examples
    --------
    >>> letters("b, d", "claim_breakers")
    ✔ claim_breakers is a choice among the options a to e.
       These checks pass. More checks run when your teacher grades this notebook.
    >>> letters("f", "claim_breakers")
    ✘ claim_breakers should use only the letters a to e, such as "b" or "b, d".
    """
    picked = _letters(answer)
    span = {"first": options[0], "last": options[-1]}
    if picked and picked <= set(options):
        print(
            f"{PASS} "
            + _("{name} is a choice among the options {first} to {last}.").format(name=name, **span)
        )
        if not grading():
            for line in _more_at_grading():
                print(line)
    elif answer is ... or answer is None or picked == set():
        print(
            f"{FAIL} "
            + _('{name} has no answer yet: replace the ... with letters, such as "b".').format(
                name=name
            )
        )
    else:
        print(
            f"{FAIL} "
            + _(
                '{name} should use only the letters {first} to {last}, such as "b" or "b, d".'
            ).format(name=name, **span)
        )


def _letters(answer: Any) -> set[str] | None:
    """A choice answer as a set of lower-case letters ("b", "B, d", {"b", "d"}), else None."""
    if isinstance(answer, str):
        parts = answer.replace(",", " ").split()
    elif isinstance(answer, list | tuple | set | frozenset):
        parts = list(answer)
    else:
        return None
    if not all(isinstance(part, str) and len(part.strip()) == 1 for part in parts):
        return None
    return {part.strip().lower() for part in parts}


def choice(
    answer: Any, right: str | set[str], points: float, hints: dict[str, str] | None = None
) -> Score:
    """Points for a multiple-choice answer: one letter, or a set of letters.

    For a set, the credit is the right letters picked minus the wrong ones, over the number of
    right letters (never below zero). ``hints`` maps an option to what to look at again when it
    is picked wrongly, or missed. Put the call in a hidden-tests region, or compare by digest.

    Examples
    --------
    >>> choice({"b", "c"}, {"b", "d"}, points=2, hints={"c": "Look again at the chart's axis."})
    ✘ 1 of the 2 right options, and 1 that is not right.
       Look again at the chart's axis.
    0
    """
    wanted = _letters(right) or set()
    picked = _letters(answer)
    if picked is None or not picked:
        return Score(
            0, points, [f"{FAIL} " + _('Answer with the letter of an option, such as "b".')]
        ).report()
    hits, misses = picked & wanted, picked - wanted
    share = max(len(hits) - len(misses), 0) / len(wanted)
    if share >= 1:
        return Score(points, points, [f"{PASS} " + _("Correct.")]).report()
    if len(wanted) == 1:
        lines = [f"{FAIL} " + _("Not this one.")]
    else:
        lines = [
            f"{FAIL} "
            + _("{hits} of the {total} right options, and {misses} that is not right.").format(
                hits=len(hits), total=len(wanted), misses=len(misses)
            )
        ]
    for letter in sorted(misses | (wanted - picked)):
        if hints and letter in hints:
            lines.append("   " + hints[letter])
    return Score(points * share, points, lines).report()


def _canonical(value: Any) -> Any:
    if _is_number(value):
        return round(float(value), 2)
    if isinstance(value, str):
        return " ".join(value.lower().split())
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    if isinstance(value, set | frozenset):
        return sorted((_canonical(v) for v in value), key=repr)
    return value


def digest(value: Any) -> str:
    """A digest of an answer, for :func:`matches_digest`: numbers to 2 decimals, text folded.

    Examples
    --------
    >>> digest(2 / 3) == digest(0.667) and digest(" B ") == digest("b")
    True
    """
    text = json.dumps(_canonical(value), sort_keys=True, default=repr)
    return hashlib.sha256(("thinktwice:" + text).encode()).hexdigest()[:16]


def matches_digest(value: Any, expected_digest: str, points: float, hint: str = "") -> Score:
    """Full ``points`` if ``value`` has the digest ``expected_digest`` (see :func:`digest`).

    The cell then shows no expected value. Numbers are compared to 2 decimals.
    """
    if value is not ... and value is not None and digest(value) == expected_digest:
        return Score(points, points, [f"{PASS} " + _("Correct.")]).report()
    if value is ... or value is None:
        return Score(0, points, [f"{FAIL} " + _("There is no answer yet.")]).report()
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
    # Every step done earns the tick, even when some steps earned part of their credit.
    mark = PASS if share >= 1 or outcome.completion >= 1 else FAIL
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
    "choice",
    "close_to",
    "digest",
    "grading",
    "letters",
    "matches_digest",
    "number_between",
    "learner_trials",
    "reliance_trial_completed",
    "score_function",
]
