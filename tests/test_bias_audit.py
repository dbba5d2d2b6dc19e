"""The bias audit: its measures by hand, its invented data, replay, grading, view and browser."""

import re

import numpy as np
import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, BiasAudit
from thinktwice.widgets import _view_kit as kit
from thinktwice.widgets._snapshot import snapshot_html
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.bias_audit import (
    FEATURES,
    JUDGEMENTS,
    PROXY_SIZES,
    QUESTIONS,
    group_error_rates,
    make_applicants,
)
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.judgement import already_answered, choose_first, no_such_question

from .browser_kit import assert_not_blank, last_event, open_activity


def _all_right(audit):
    for question in QUESTIONS:
        assert audit.answer(question, audit.correct_choice(question)) is True


def _wrong_choice(audit, question):
    keys = JUDGEMENTS[question].keys()
    return next(k for k in keys if k != audit.correct_choice(question))


# -- measures by hand ------------------------------------------------------------------------
def test_group_error_rates_by_hand():
    truth = [1, 1, 1, 0, 0, 1, 0, 0, 0]
    predicted = [1, 0, 0, 1, 0, 1, 0, 0, 1]
    groups = [0, 0, 0, 0, 0, 1, 1, 1, 1]
    a, b = group_error_rates(truth, predicted, groups)
    # Group 0: qualified 3 (1 hired), unqualified 2 (1 hired).
    assert (a.accuracy.numerator, a.accuracy.denominator) == (2, 5)
    assert a.false_negative_rate.value == pytest.approx(2 / 3)
    assert a.false_positive_rate.value == pytest.approx(1 / 2)
    assert a.selection_rate.value == pytest.approx(2 / 5)
    # Group 1: one qualified (hired), three unqualified (one hired).
    assert b.false_negative_rate.value == 0
    assert b.false_positive_rate.value == pytest.approx(1 / 3)
    assert b.accuracy.value == pytest.approx(3 / 4)


def test_a_rate_with_no_cases_is_undefined_not_zero():
    (only,) = group_error_rates([1, 1], [1, 0], [0, 0])
    assert only.false_positive_rate.value is None
    assert "undefined" in str(only.false_positive_rate)


# -- the invented data and the model -----------------------------------------------------------
def test_same_learner_same_applicants_different_learners_differ(tmp_path):
    a1 = BiasAudit("aiko", folder=tmp_path / "1").start()
    a2 = BiasAudit("aiko", folder=tmp_path / "2").start()
    b = BiasAudit("ben", folder=tmp_path / "3").start()
    for column in ("group", "neighbourhood", "test_score", "hired"):
        assert np.array_equal(a1.table_[column], a2.table_[column])
    assert not np.array_equal(a1.table_["neighbourhood"], b.table_["neighbourhood"])
    assert a1.rates_ == a2.rates_


def test_proxies_leak_the_group_and_legitimate_columns_do_not(tmp_path):
    for learner in ("aiko", "ben", "chie", "dan"):
        audit = BiasAudit(learner, folder=tmp_path / learner).start()
        acc = audit.single_accuracy_
        strongest = audit.leak_answer_
        assert strongest in PROXY_SIZES
        assert acc[strongest] > audit.base_rate_ + 0.2
        for legitimate in ("test_score", "experience"):
            assert acc[legitimate] < audit.base_rate_ + 0.03
        # The three proxies differ in strength, so the question has one clear answer.
        ranked = sorted(acc[p] for p in PROXY_SIZES)
        assert ranked[2] - ranked[1] > 0.05


def test_the_group_blind_model_turns_down_qualified_people_of_the_wronged_group_more(tmp_path):
    for learner in ("aiko", "ben", "chie", "dan", "eri"):
        audit = BiasAudit(learner, folder=tmp_path / learner).start()
        wronged = int(audit.table_["disadvantaged"])
        rates = {r.group: r for r in audit.rates_}
        other = 1 - wronged
        gap = rates[wronged].false_negative_rate.value - rates[other].false_negative_rate.value
        assert gap > 0.15
        assert audit.wronged_answer_ == f"{wronged}-fn"


def test_a_model_without_the_proxies_narrows_the_gap_and_logs_nothing(tmp_path):
    """Module 5 retrains without the proxies: the gap in false negative rates shrinks."""
    for learner in ("aiko", "ben", "chie"):
        audit = BiasAudit(learner, folder=tmp_path / learner).start()
        assert np.array_equal(audit.decide_with(list(reversed(FEATURES))), audit.decisions_)
        truth = audit.table_["qualified"][~audit.train_]
        group = audit.table_["group"][~audit.train_]

        def gap(decided, truth=truth, group=group):
            a, b = group_error_rates(truth, decided, group)
            return abs(a.false_negative_rate.value - b.false_negative_rate.value)

        legitimate = audit.decide_with(["test_score", "experience"])
        assert gap(legitimate) < gap(audit.decisions_) - 0.05
    assert not (tmp_path / "aiko" / FILENAME).exists()
    with pytest.raises(ActivityError, match="no column called"):
        audit.decide_with(["postcode"])


def test_the_recorded_labels_carry_the_historical_bias():
    table = make_applicants(7)
    wronged = table["group"] == table["disadvantaged"]
    qualified = table["qualified"] == 1
    missed_wronged = (table["hired"][wronged & qualified] == 0).mean()
    missed_other = (table["hired"][~wronged & qualified] == 0).mean()
    assert missed_wronged == pytest.approx(0.4, abs=0.06) and missed_other == 0


# -- interactions, replay and grading ----------------------------------------------------------
def test_a_fit_is_logged_and_replayed(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    fit = audit.fit_group_predictor(["school", "neighbourhood"])
    assert fit.features == ("neighbourhood", "school")  # FEATURES order
    (event,) = audit.events()
    assert event.kind == "fit" and event.data["features"] == ["neighbourhood", "school"]
    assert event.data["accuracy"] == pytest.approx(fit.accuracy, abs=1e-4)
    again = BiasAudit("aiko", folder=tmp_path).start()
    assert again.fits_ == [fit]


def test_refused_interactions_write_nothing_and_start_writes_nothing(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    assert not (tmp_path / FILENAME).exists()
    for bad in ([], ["group"], "neighbourhood", ["postcode"]):
        with pytest.raises(ActivityError):
            audit.fit_group_predictor(bad)
    with pytest.raises(ActivityError):
        audit.answer("leak", "group")
    with pytest.raises(ActivityError):
        audit.answer("mood", "yes")
    assert not (tmp_path / FILENAME).exists()
    audit.answer("fair", "yes-blind")
    with pytest.raises(ActivityError, match="already answered"):
        audit.answer("fair", "no-proxies")  # no second try at a judgement
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("bias-audit")) == 1
    BiasAudit("aiko", folder=tmp_path).start()
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("bias-audit")) == 1


def test_outcome_grades_two_feature_sets_and_each_judgement(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    empty = audit.outcome()
    assert (empty.done, empty.total, empty.credit) == (0, 4, 0)
    assert any("two different sets" in line for line in empty.feedback)
    audit.fit_group_predictor(["hobby"])
    audit.fit_group_predictor(["hobby"])  # the same set again does not count twice
    assert audit.outcome().done == 0
    audit.fit_group_predictor(["hobby", "school"])
    audit.answer("leak", _wrong_choice(audit, "leak"))
    audit.answer("wronged", audit.correct_choice("wronged"))
    middle = audit.outcome()
    assert (middle.done, middle.credit) == (3, 2)
    assert any("one column at a time" in line for line in middle.feedback)
    assert not any(audit.correct_choice("leak") in line for line in middle.feedback)
    audit.answer("fair", "no-proxies")
    assert BiasAudit("aiko", folder=tmp_path).start().outcome().credit == 3


def test_activity_score_reads_the_log(tmp_path, capsys):
    assert activity_score(BiasAudit("aiko", folder=tmp_path), points=2).points == 0
    audit = BiasAudit("aiko", folder=tmp_path).start()
    audit.fit_group_predictor(["neighbourhood"])
    audit.fit_group_predictor(["school"])
    _all_right(audit)
    score = activity_score(BiasAudit("aiko", folder=tmp_path), points=2)
    assert score.points == 2 and "completed 4 of 4" in capsys.readouterr().out
    # Someone else's variant, on the same folder, does not inherit the learner's answers.
    assert activity_score(BiasAudit("ben", folder=tmp_path / "ben"), points=2).points == 0


# -- the view, without a browser ---------------------------------------------------------------
def _alt(html_value):
    return re.search(r"alt='([^']*)'", html_value).group(1)


def test_view_fits_the_ticked_columns_and_draws_them(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    view = audit.view()
    assert "No guess yet" in view.fit_result.value
    view.fit.click()
    assert "Tick at least one column" in view.message.value
    assert not (tmp_path / FILENAME).exists()

    strongest = audit.leak_answer_
    view.features[strongest].value = True
    view.fit.click()
    accuracy = f"{audit.single_accuracy_[strongest]:.0%}"
    assert accuracy in view.fit_result.value and f"{audit.base_rate_:.0%}" in view.fit_result.value
    assert view.message.value == ""
    assert accuracy in view.leak_table.value and "<caption>" in view.leak_table.value
    assert "Always guessing the larger group" in _alt(view.leak_chart.value)
    assert accuracy in _alt(view.leak_chart.value)
    (event,) = audit.events()
    assert event.data["features"] == [strongest]


def test_view_shows_error_rates_per_group_with_a_table(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    view = audit.view()
    alt = _alt(view.error_chart.value)
    for rates in audit.rates_:
        assert f"{rates.false_negative_rate.value:.0%}" in alt
        assert str(rates.false_negative_rate) in view.error_table.value
    assert "Group A" in view.error_table.value and "Group B" in view.error_table.value


def test_view_locks_an_answer_and_a_new_view_restores_it(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    view = audit.view()
    box = view.questions["wronged"]
    box.submit.click()
    assert "Choose one of the answers" in view.message.value
    box.choices.value = audit.correct_choice("wronged")
    box.submit.click()
    assert "Right." in box.feedback.value and box.choices.disabled and box.submit.disabled
    (event,) = audit.events()
    assert event.kind == "answer" and event.data["correct"] is True

    fair = view.questions["fair"]
    fair.choices.value = "yes-blind"
    fair.submit.click()
    assert "Not the answer" in fair.feedback.value

    again = BiasAudit("aiko", folder=tmp_path).view()
    assert again.questions["fair"].choices.value == "yes-blind"
    assert again.questions["fair"].submit.disabled
    assert not again.questions["leak"].submit.disabled


def test_refusals_say_what_every_activity_says(tmp_path):
    audit = BiasAudit("aiko", folder=tmp_path).start()
    with pytest.raises(ActivityError) as unknown:
        audit.record("dance", {})
    assert str(unknown.value) == str(unknown_action())
    with pytest.raises(ActivityError) as nothing:
        audit.answer("mood", "yes")
    assert str(nothing.value) == str(no_such_question())
    with pytest.raises(ActivityError) as none:
        audit.answer("leak", "group")
    assert str(none.value) == str(choose_first())
    audit.answer("leak", audit.correct_choice("leak"))
    with pytest.raises(ActivityError) as again:
        audit.answer("leak", _wrong_choice(audit, "leak"))
    assert str(again.value) == str(already_answered())


def test_each_judgement_has_a_right_answer_that_depends_on_the_variant(tmp_path):
    answers = {
        learner: {
            q: BiasAudit(learner, folder=tmp_path / learner).correct_choice(q) for q in QUESTIONS
        }
        for learner in ("aiko", "ben", "chie", "dan", "eri", "fumi")
    }
    for question in QUESTIONS:
        assert all(a[question] in JUDGEMENTS[question].keys() for a in answers.values())
    assert len({a["leak"] for a in answers.values()}) > 1  # the strongest proxy varies
    assert len({a["wronged"] for a in answers.values()}) > 1  # so does the wronged group


def test_each_term_is_defined_where_a_learner_first_meets_it(tmp_path):
    view = BiasAudit("aiko", folder=tmp_path).view()
    page = snapshot_html(view)
    for term in ("base rate", "proxy", "false positive", "false negative"):
        first = re.search(re.escape(term), page, re.IGNORECASE)
        assert first, term
        assert page[: first.start()].endswith("<dfn>"), f"{term!r} is used before it is defined"
    text = re.sub(r"<[^>]+>", " ", page).lower()
    for jargon in ("classifier", "held-out", "held out"):
        assert jargon not in text, jargon


def test_every_button_is_a_kit_button_of_the_same_width(tmp_path):
    view = BiasAudit("aiko", folder=tmp_path).view()
    buttons = [b for b in _walk(view) if isinstance(b, kit.w.Button)]
    assert len(buttons) == 1 + len(QUESTIONS)
    assert {b.layout.width for b in buttons} == {"auto"}


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


# -- in a real JupyterLab ------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_bias_audit_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "bias-audit",
        "from thinktwice.widgets import BiasAudit\nBiasAudit().view()",
    )
    page.wait_for_selector(".tt-bias-audit .tt-error-chart img", timeout=60_000)
    assert "Group A" in view.locator(".tt-error-table").inner_text()
    view.locator(".tt-feature-neighbourhood input").click()
    view.locator(".tt-feature-school input").click()
    view.locator("button.tt-fit").click()
    page.wait_for_selector(".tt-fit-result:has-text('guessed right')", timeout=30_000)
    event = last_event(activity_lab, "bias-audit")
    assert event["kind"] == "fit" and event["data"]["features"] == ["neighbourhood", "school"]
    # The table is drawn after the result line: wait for it rather than read it at once.
    page.wait_for_selector(".tt-leak-table:has-text('Neighbourhood, School attended')")
    assert "1 of your tries shown" in view.locator(".tt-leak-chart img").get_attribute("alt")

    view.locator(".tt-question-fair label", has_text="other columns carry").click()
    view.locator("button.tt-answer-fair").click()
    page.wait_for_selector(".tt-feedback-fair:has-text('Right.')", timeout=30_000)
    event = last_event(activity_lab, "bias-audit")
    assert event["kind"] == "answer" and event["data"]["choice"] == "no-proxies"
    assert_not_blank(view, tmp_path / "bias-audit.png")
    # The view is taller than the window: look at its top part on its own as well.
    assert_not_blank(view.locator(".tt-intro"), tmp_path / "bias-audit-intro.png")
    assert_not_blank(view.locator(".tt-features"), tmp_path / "bias-audit-features.png")
    assert_not_blank(view.locator(".tt-leak-chart"), tmp_path / "bias-audit-leak.png")
