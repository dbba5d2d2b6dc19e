"""Reliance measures against worked examples computed by hand (SYLLABUS.md formulas)."""

import pytest

from thinktwice.widgets.measures import (
    Ratio,
    Trial,
    accuracy,
    brier,
    over_reliance,
    rair,
    rsr,
    summarize,
    under_reliance,
)

# The six decisions of module 0's exercise 4: (first, ai, final, truth).
SIX = [
    Trial(3, 5, 5, 5, 0.5, 0.9),  # first wrong, AI right, switched      -> RAIR yes
    Trial(7, 1, 7, 1, 0.9, 0.9),  # first wrong, AI right, kept own      -> RAIR no, under
    Trial(2, 2, 2, 2, 0.8, 1.0),  # both right
    Trial(4, 9, 9, 4, 0.6, 0.7),  # first right, AI wrong, switched      -> RSR no, over
    Trial(0, 6, 6, 6, 0.3, 0.8),  # first wrong, AI right, switched      -> RAIR yes
    Trial(8, 3, 8, 8, 0.9, 0.9),  # first right, AI wrong, kept own      -> RSR yes
]


def test_six_decisions_by_hand():
    assert rair(SIX) == Ratio(2, 3)
    assert rsr(SIX) == Ratio(1, 2)
    assert over_reliance(SIX) == Ratio(1, 2)
    assert under_reliance(SIX) == Ratio(1, 4)
    assert accuracy(SIX, "learner") == Ratio(3, 6)
    assert accuracy(SIX, "ai") == Ratio(4, 6)
    assert accuracy(SIX, "team") == Ratio(4, 6)
    summary = summarize(SIX)
    assert summary.complementarity == pytest.approx(0.0)


def test_brier_by_hand():
    # Final answers right in cases 1, 3, 5, 6 (confidence 0.9, 1.0, 0.8, 0.9), wrong in 2 and 4
    # (0.9, 0.7): ((0.1² + 0.9² + 0² + 0.7² + 0.2² + 0.1²) / 6).
    expected = (0.01 + 0.81 + 0.0 + 0.49 + 0.04 + 0.01) / 6
    assert brier(SIX) == pytest.approx(expected)
    assert brier([Trial(1, 1, 1, 1)]) is None  # no stated confidence


def test_always_half_is_a_quarter():
    trials = [Trial(1, 1, 1, 1, 0.5, 0.5), Trial(1, 1, 2, 1, 0.5, 0.5)]
    assert brier(trials) == pytest.approx(0.25)


def test_empty_denominators_are_undefined_not_zero():
    ai_always_right = [Trial(1, 1, 1, 1), Trial(2, 3, 3, 3)]
    assert rsr(ai_always_right).value is None
    assert over_reliance(ai_always_right).value is None
    assert rair(ai_always_right) == Ratio(1, 1)
    summary = summarize([])
    assert summary.cases == 0
    assert all(v is None for k, v in summary.as_row().items() if k != "cases")
    assert "undefined" in str(summary.rair)


def test_ratio_text_shows_counts():
    assert str(Ratio(1, 4)) == "25% (1/4)"
