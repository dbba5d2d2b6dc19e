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


# Cases from the on-request and delayed modes: (first, ai, final, truth, advice_seen).
UNSEEN = [
    Trial(3, 5, 3, 5, 0.6, 0.6, advice_seen=False),  # answered alone, wrong; AI would be right
    Trial(4, 9, 4, 4, 0.7, 0.7, advice_seen=False),  # answered alone, right; AI would be wrong
    Trial(None, 2, 2, 2, None, 0.8),  # asked before choosing: no first answer, followed, right
    Trial(None, 6, 6, 1, None, 0.9),  # asked before choosing, followed the wrong AI
    Trial(0, 6, 6, 6, 0.3, 0.8),  # first wrong, AI right, switched       -> RAIR yes
    Trial(8, 3, 8, 8, 0.9, 0.9),  # first right, AI wrong, kept           -> RSR yes
]


def test_reliance_counts_only_cases_where_the_advice_was_seen():
    # RAIR and RSR: seen advice and a first answer (the last two trials only).
    assert rair(UNSEEN) == Ratio(1, 1)
    assert rsr(UNSEEN) == Ratio(1, 1)
    # Over- and under-reliance: seen advice, first answer or not (the last four).
    assert over_reliance(UNSEEN) == Ratio(1, 2)
    assert under_reliance(UNSEEN) == Ratio(0, 2)
    # Accuracies: the learner alone over the four first answers; the AI and team over all six.
    assert accuracy(UNSEEN, "learner") == Ratio(2, 4)
    assert accuracy(UNSEEN, "ai") == Ratio(3, 6)
    assert accuracy(UNSEEN, "team") == Ratio(4, 6)
    summary = summarize(UNSEEN)
    assert summary.advice_seen == 4 and summary.cases == 6
    assert summary.complementarity == pytest.approx(4 / 6 - 3 / 6)
    # Brier of the first answers leaves out those never given.
    assert brier(UNSEEN, "first") == pytest.approx((0.36 + 0.09 + 0.09 + 0.01) / 4)


def test_never_seeing_the_advice_leaves_reliance_undefined():
    alone = [Trial(1, 1, 1, 1, 0.9, 0.9, advice_seen=False), Trial(2, 7, 2, 2, advice_seen=False)]
    summary = summarize(alone)
    for name in ("rair", "rsr", "over_reliance", "under_reliance"):
        assert getattr(summary, name).value is None, name
        assert "undefined" in str(getattr(summary, name))
    assert summary.learner_accuracy == Ratio(2, 2) and summary.advice_seen == 0


def test_no_first_answer_at_all_leaves_learner_accuracy_and_complementarity_undefined():
    asked = [Trial(None, 3, 3, 3), Trial(None, 4, 5, 5)]
    summary = summarize(asked)
    assert summary.learner_accuracy.value is None and summary.complementarity is None
    assert summary.rair.value is None and summary.rsr.value is None
    assert summary.under_reliance == Ratio(0, 1) and summary.over_reliance == Ratio(0, 1)
    assert summary.as_row()["learner_accuracy"] is None
