"""Simulated learners with known reliance policies, for demonstrations and tests.

Each learner works the reliance trial through the same Python API the widget view calls
(:meth:`RelianceTrial.answer_first` and :meth:`RelianceTrial.answer_final`), so the evidence they
leave is exactly what a real learner's clicks would leave.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from thinktwice.widgets import RelianceTrial
from thinktwice.widgets.digit_cases import DigitCase

#: A policy decides the final answer from the case, the learner's first answer and a random source.
Policy = Callable[[DigitCase, int, np.random.Generator], int]

CONFIDENT = 0.7


def always_follow(case: DigitCase, first: int, rng: np.random.Generator) -> int:
    """Take the AI's advice every time."""
    return case.ai


def never_follow(case: DigitCase, first: int, rng: np.random.Generator) -> int:
    """Keep one's own first answer every time."""
    return first


def follow_when_confident(case: DigitCase, first: int, rng: np.random.Generator) -> int:
    """Take the AI's advice when it says it is at least 70% sure."""
    return case.ai if case.ai_confidence >= CONFIDENT else first


def check_carefully(case: DigitCase, first: int, rng: np.random.Generator) -> int:
    """On disagreement, look again: nine times in ten that finds the right digit."""
    if case.ai == first:
        return first
    return case.truth if rng.random() < 0.9 else first


POLICIES: dict[str, Policy] = {
    "always-follow": always_follow,
    "never-follow": never_follow,
    "follow-when-confident": follow_when_confident,
    "check-carefully": check_carefully,
}


@dataclass(frozen=True)
class SimulatedLearner:
    """A learner id, the policy they follow, and how often their own first reading is right."""

    student: str
    policy: str
    skill: float = 0.7

    def work_trial(self, trial: RelianceTrial, seed: int) -> RelianceTrial:
        """Answer every remaining case of ``trial`` by this learner's policy."""
        rng = np.random.default_rng(seed)
        decide = POLICIES[self.policy]
        while trial.current is not None:
            case = trial.current
            if rng.random() < self.skill:
                first, confidence = case.truth, 0.8
            else:
                first = int(rng.choice([d for d in range(10) if d != case.truth]))
                confidence = 0.5
            trial.answer_first(first, confidence)
            final = decide(case, first, rng)
            trial.answer_final(final, 0.9 if final == case.truth else 0.6)
        return trial


def make_class(size: int) -> list[SimulatedLearner]:
    """``size`` learners, the policies taken in turn."""
    names = list(POLICIES)
    return [
        SimulatedLearner(f"sim{i + 1:03d}-{names[i % len(names)]}", names[i % len(names)])
        for i in range(size)
    ]
