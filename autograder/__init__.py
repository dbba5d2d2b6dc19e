"""Checks that nbgrader test cells call, and the readers of widget evidence they use."""

from .checks import (
    Case,
    activity_score,
    choice,
    close_to,
    digest,
    learner_trials,
    letters,
    matches_digest,
    number_between,
    reliance_trial_completed,
    score_function,
)
from .score import Score

__all__ = [
    "Case",
    "Score",
    "activity_score",
    "choice",
    "close_to",
    "digest",
    "letters",
    "matches_digest",
    "number_between",
    "learner_trials",
    "reliance_trial_completed",
    "score_function",
]
