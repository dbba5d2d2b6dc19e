"""Reliance and calibration measures of ``SYLLABUS.md``, as pure functions over trials.

A ratio whose denominator is empty is *undefined*: it is reported as such, never as 0 or 1.

Trials where the learner never saw the AI's advice (in the on-request mode they answered without
asking; see :class:`~thinktwice.widgets.reliance_trial.RelianceTrial`) say nothing about reliance
on that advice, so RAIR, RSR, over-reliance and under-reliance count only trials with
``advice_seen``; RAIR and RSR also need a first answer (``first`` is ``None`` when the learner asked
for the advice before choosing a digit). The learner-alone accuracy counts every trial with a first
answer; the AI's and the team's accuracy count every trial. The formulas within those trials are
exactly those of ``SYLLABUS.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .style import percent, undefined

#: The measures that are ratios, then every measure, in the order reports and exports show them.
RATIO_MEASURES = (
    "rair",
    "rsr",
    "over_reliance",
    "under_reliance",
    "learner_accuracy",
    "ai_accuracy",
    "team_accuracy",
)
MEASURE_NAMES = (*RATIO_MEASURES, "complementarity", "brier")


@dataclass(frozen=True)
class Trial:
    """One case of a reliance trial.

    Parameters
    ----------
    first : int or None
        The learner's first answer, before seeing the AI (h0); ``None`` if they gave none.
    ai : int
        The AI's advice (a).
    final : int
        The learner's final answer (h1).
    truth : int
        The correct answer (y).
    first_confidence, final_confidence : float or None
        The learner's stated probability, from 0 to 1, that their answer is right.
    advice_seen : bool
        Whether the learner saw the AI's advice before their final answer.
    """

    first: int | None
    ai: int
    final: int
    truth: int
    first_confidence: float | None = None
    final_confidence: float | None = None
    advice_seen: bool = True


@dataclass(frozen=True)
class Ratio:
    """A count out of a count; undefined when the denominator is zero.

    Examples
    --------
    >>> Ratio(2, 3).value
    0.6666666666666666
    >>> Ratio(0, 0).value is None
    True
    """

    numerator: int
    denominator: int

    @property
    def defined(self) -> bool:
        """Whether the denominator holds any case."""
        return self.denominator > 0

    @property
    def value(self) -> float | None:
        """The ratio as a float, or ``None`` when undefined."""
        return self.numerator / self.denominator if self.defined else None

    def __str__(self) -> str:
        if not self.defined:
            return undefined()
        return f"{percent(self.value)} ({self.numerator}/{self.denominator})"


def _ratio(trials: Iterable[Trial], within, counted) -> Ratio:
    pool = [t for t in trials if within(t)]
    return Ratio(sum(1 for t in pool if counted(t)), len(pool))


def rair(trials: Iterable[Trial]) -> Ratio:
    """Relative AI reliance (RAIR), Schemmer et al. 2023.

    Of the cases where the AI was right and the learner first wrong, the share where the learner
    switched to the AI (only cases with a first answer and the advice seen).
    """
    return _ratio(
        trials,
        lambda t: t.advice_seen and t.first is not None and t.first != t.truth and t.ai == t.truth,
        lambda t: t.final == t.ai,
    )


def rsr(trials: Iterable[Trial]) -> Ratio:
    """Relative self-reliance (RSR), Schemmer et al. 2023.

    Of the cases where the learner was first right and the AI wrong, the share where the learner
    kept their own answer (only cases with a first answer and the advice seen).
    """
    return _ratio(
        trials,
        lambda t: t.advice_seen and t.first is not None and t.first == t.truth and t.ai != t.truth,
        lambda t: t.final == t.first,
    )


def over_reliance(trials: Iterable[Trial]) -> Ratio:
    """Of the cases where the AI was wrong (and its advice seen), the share the learner followed."""
    return _ratio(trials, lambda t: t.advice_seen and t.ai != t.truth, lambda t: t.final == t.ai)


def under_reliance(trials: Iterable[Trial]) -> Ratio:
    """Of the cases where the AI was right (and its advice seen), the share not followed."""
    return _ratio(trials, lambda t: t.advice_seen and t.ai == t.truth, lambda t: t.final != t.ai)


def accuracy(trials: Iterable[Trial], who: str) -> Ratio:
    """Accuracy of ``who``: ``"learner"`` (first answers), ``"ai"`` or ``"team"`` (final).

    The learner's accuracy counts only the trials with a first answer.
    """
    field = {"learner": "first", "ai": "ai", "team": "final"}[who]
    return _ratio(
        trials,
        lambda t: getattr(t, field) is not None,
        lambda t: getattr(t, field) == t.truth,
    )


def brier(trials: Iterable[Trial], which: str = "final") -> float | None:
    """Brier score of the learner's stated confidence in their ``which`` answer (0 is perfect).

    Trials without a stated confidence are left out; ``None`` when none is left.
    """
    pairs = [
        (getattr(t, f"{which}_confidence"), getattr(t, which) == t.truth)
        for t in trials
        if getattr(t, f"{which}_confidence") is not None
    ]
    if not pairs:
        return None
    return sum((c - float(ok)) ** 2 for c, ok in pairs) / len(pairs)


@dataclass(frozen=True)
class RelianceSummary:
    """Every measure of one learner's trial, as ``SYLLABUS.md`` defines them."""

    cases: int
    rair: Ratio
    rsr: Ratio
    over_reliance: Ratio
    under_reliance: Ratio
    learner_accuracy: Ratio
    ai_accuracy: Ratio
    team_accuracy: Ratio
    brier: float | None
    #: How many of the cases the learner saw the AI's advice in.
    advice_seen: int | None = None

    @property
    def complementarity(self) -> float | None:
        """Team accuracy minus the better of AI-alone and learner-alone.

        Above 0, the learner and the AI together beat either alone. Undefined (``None``) when any
        of the three accuracies is.
        """
        values = (self.team_accuracy.value, self.ai_accuracy.value, self.learner_accuracy.value)
        if not self.cases or None in values:
            return None
        return values[0] - max(values[1], values[2])

    def as_row(self) -> dict[str, float | int | None]:
        """The measures as a flat mapping of numbers (``None`` where undefined), for CSV export."""
        row: dict[str, float | int | None] = {"cases": self.cases}
        for name in RATIO_MEASURES:
            row[name] = getattr(self, name).value
        row["complementarity"] = self.complementarity
        row["brier"] = self.brier
        return row


def summarize(trials: Sequence[Trial]) -> RelianceSummary:
    """Compute every reliance measure over ``trials``."""
    trials = list(trials)
    return RelianceSummary(
        cases=len(trials),
        rair=rair(trials),
        rsr=rsr(trials),
        over_reliance=over_reliance(trials),
        under_reliance=under_reliance(trials),
        learner_accuracy=accuracy(trials, "learner"),
        ai_accuracy=accuracy(trials, "ai"),
        team_accuracy=accuracy(trials, "team"),
        brier=brier(trials),
        advice_seen=sum(1 for t in trials if t.advice_seen),
    )
