"""The calibration measures, the calibration explorer model, its view, and a real browser run."""

import re

import numpy as np
import pytest
from sklearn.calibration import calibration_curve
from sklearn.metrics import brier_score_loss

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, CalibrationExplorer
from thinktwice.widgets._snapshot import snapshot_text
from thinktwice.widgets._view_kit import LABEL_WIDTH
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.calibration import QUESTION
from thinktwice.widgets.calibration_measures import (
    brier_score,
    expected_calibration_error,
    reliability_curve,
)
from thinktwice.widgets.evidence import FILENAME, EvidenceLog

from .browser_kit import assert_not_blank, last_event, open_activity

# -- measures ---------------------------------------------------------------------------------
HAND_Y = [0, 0, 1, 1, 1, 0]
HAND_P = [0.05, 0.15, 0.35, 0.9, 0.95, 0.85]


def test_reliability_curve_by_hand():
    bins = reliability_curve(HAND_Y, HAND_P, n_bins=5)
    assert [b.count for b in bins] == [2, 1, 0, 0, 3]
    assert bins[0].mean_predicted == pytest.approx(0.1) and bins[0].observed == 0
    assert bins[1].mean_predicted == pytest.approx(0.35) and bins[1].observed == 1
    assert bins[4].mean_predicted == pytest.approx(0.9) and bins[4].observed == pytest.approx(2 / 3)
    # Empty bins are reported as empty, never as a rate of 0.
    assert bins[2].empty and bins[2].observed is None and bins[2].mean_predicted is None
    assert bins[3].gap is None
    assert [(b.low, b.high) for b in bins][2] == pytest.approx((0.4, 0.6))


def test_ece_and_brier_by_hand():
    # 2/6 * |0 - 0.1| + 1/6 * |1 - 0.35| + 3/6 * |2/3 - 0.9|
    assert expected_calibration_error(HAND_Y, HAND_P) == pytest.approx(0.2583333, abs=1e-6)
    # (0.05² + 0.15² + 0.65² + 0.1² + 0.05² + 0.85²) / 6
    assert brier_score(HAND_Y, HAND_P) == pytest.approx(1.1825 / 6)


def test_always_half_is_calibrated_and_scores_a_quarter():
    y = [0, 1] * 50
    assert expected_calibration_error(y, [0.5] * 100) == 0
    assert brier_score(y, [0.5] * 100) == 0.25


@pytest.mark.parametrize("n_bins", [1, 3, 5, 10])
def test_measures_agree_with_scikit_learn(n_bins):
    rng = np.random.default_rng(n_bins)
    y = rng.integers(0, 2, 300)
    p = np.clip(rng.beta(0.7, 0.7, 300), 0, 1)
    p[:6] = [0.0, 0.2, 0.4, 0.6, 0.8, 1.0]  # values on the edges land in the same bins
    bins = reliability_curve(y, p, n_bins)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=n_bins, strategy="uniform")
    full = [b for b in bins if not b.empty]
    assert [b.observed for b in full] == pytest.approx(list(prob_true))
    assert [b.mean_predicted for b in full] == pytest.approx(list(prob_pred))
    assert sum(b.count for b in bins) == 300
    assert brier_score(y, p) == pytest.approx(brier_score_loss(y, p))
    weights = np.array([b.count for b in full]) / 300
    ece = float(np.sum(weights * np.abs(prob_true - prob_pred)))
    assert expected_calibration_error(y, p, n_bins) == pytest.approx(ece)


@pytest.mark.parametrize(
    ("y", "p"),
    [
        ([0, 1], [0.5]),
        ([], []),
        ([0, 2], [0.1, 0.2]),
        ([0, 1], [0.1, 1.2]),
        ([0, 1], [0.1, np.nan]),
    ],
)
def test_measures_refuse_bad_input(y, p):
    with pytest.raises(ValueError):
        reliability_curve(y, p)
    with pytest.raises(ValueError):
        brier_score(y, p)


# -- the model --------------------------------------------------------------------------------
def _explorer(tmp_path, learner="aiko"):
    return CalibrationExplorer(learner, folder=tmp_path).start()


def test_same_learner_same_data_different_learners_differ(tmp_path):
    a1 = _explorer(tmp_path / "1").probabilities_["naive_bayes", False][1]
    a2 = _explorer(tmp_path / "2").probabilities_["naive_bayes", False][1]
    b = _explorer(tmp_path / "3", "ben").probabilities_["naive_bayes", False][1]
    assert np.array_equal(a1, a2)
    assert not np.allclose(a1, b)


@pytest.mark.parametrize("learner", ["aiko", "ben", "chie", "dai", "emi"])
def test_the_lessons_hold_for_every_variant(tmp_path, learner):
    explorer = _explorer(tmp_path, learner)
    for shifted in (False, True):
        y, _p = explorer.probabilities_["naive_bayes", shifted]
        assert y.mean() == 0.5  # balanced, so always saying 50% is calibrated
        half = explorer.condition("always_half", shifted)
        assert half.ece == pytest.approx(0, abs=1e-9) and half.brier == 0.25
        assert [b.count for b in half.bins] == [0, 0, len(y), 0, 0]
    nb, lr = explorer.condition("naive_bayes"), explorer.condition("logistic")
    # Naive Bayes is overconfident on correlated features; logistic regression is not.
    assert nb.ece > lr.ece + 0.05 and lr.ece < 0.08
    # Both real models are useful: better than 50% and a Brier score well under 0.25.
    assert nb.accuracy > 0.7 and lr.brier < 0.2
    for model in ("naive_bayes", "logistic"):
        assert explorer.condition(model, True).ece > explorer.condition(model).ece + 0.05


def test_steps_in_order_and_refusals_write_nothing(tmp_path):
    explorer = _explorer(tmp_path)
    log = tmp_path / FILENAME
    with pytest.raises(ActivityError, match="before revealing"):
        explorer.reveal()
    with pytest.raises(ActivityError, match="Reveal the real curve first"):
        explorer.show("always_half")
    with pytest.raises(ActivityError, match="Reveal the real curve first"):
        explorer.answer("useless")
    for bad in ([0.1] * 4, [0.1, 0.2, 0.3, 0.4, 1.5], [True] * 5, "0.5"):
        with pytest.raises(ActivityError, match="shares from 0 to 1"):
            explorer.guess_curve(bad)
    assert not log.exists()

    explorer.guess_curve([0.1, 0.3, 0.5, 0.7, 0.9])
    explorer.guess_curve([0.2, 0.3, 0.5, 0.7, 0.8])  # changing the guess is fine before reveal
    explorer.reveal()
    size = log.stat().st_size
    with pytest.raises(ActivityError, match="locked"):
        explorer.guess_curve([0.5] * 5)
    with pytest.raises(ActivityError, match="already revealed"):
        explorer.reveal()
    with pytest.raises(ActivityError, match="no such model"):
        explorer.show("random_forest")
    with pytest.raises(ActivityError, match="Choose one"):
        explorer.answer("maybe")
    assert explorer.answer("best") is False
    with pytest.raises(ActivityError, match="first answer counts"):
        explorer.answer("useless")
    assert explorer.guess_ == [0.2, 0.3, 0.5, 0.7, 0.8]
    kinds = [e.kind for e in EvidenceLog.in_folder(tmp_path, "aiko").events("calibration")]
    assert kinds == ["guess", "guess", "reveal", "answer"]
    assert log.stat().st_size > size


def test_replay_restores_and_start_writes_nothing(tmp_path):
    explorer = _explorer(tmp_path)
    explorer.guess_curve([0.1, 0.3, 0.5, 0.7, 0.9])
    explorer.reveal()
    explorer.show("logistic", shifted=True)
    explorer.answer("useless")
    before = (tmp_path / FILENAME).read_bytes()
    again = _explorer(tmp_path)
    assert (tmp_path / FILENAME).read_bytes() == before
    assert again.guess_ == [0.1, 0.3, 0.5, 0.7, 0.9]
    assert again.revealed_ and again.current_ == ("logistic", True)
    assert again.answer_ == "useless"
    assert again.outcome() == explorer.outcome()
    # Another learner's evidence in the same folder is refused, not mixed in.
    with pytest.raises(Exception, match="belongs to learner"):
        _explorer(tmp_path, "ben")


def test_start_without_evidence_writes_no_file(tmp_path):
    explorer = _explorer(tmp_path)
    explorer.condition("logistic", True)
    assert explorer.outcome().done == 0
    assert not (tmp_path / FILENAME).exists()


def _perfect_guess(explorer):
    return [0.5 if b.empty else b.observed for b in explorer.condition().bins]


def test_outcome_grades_every_step(tmp_path):
    explorer = _explorer(tmp_path)
    first = explorer.outcome()
    assert (first.done, first.total, first.credit) == (0, 5, 0)
    assert any("before the reveal" in line for line in first.feedback)

    explorer.guess_curve(_perfect_guess(explorer))
    assert explorer.guess_gap() == pytest.approx(0)
    explorer.reveal()
    assert (explorer.outcome().done, explorer.outcome().credit) == (2, 2)
    explorer.show("naive_bayes", shifted=True)
    assert explorer.outcome().done == 3
    explorer.show("always_half", shifted=True)
    assert explorer.outcome().done == 4
    assert any("Answer the question" in line for line in explorer.outcome().feedback)
    explorer.answer("useless")
    final = explorer.outcome()
    assert (final.done, final.credit) == (5, 5)
    # How close the guess was is said in words, without telling the real curve.
    assert any("very close to the real curve" in line for line in final.feedback)


def test_a_far_guess_and_a_wrong_answer_earn_less(tmp_path):
    explorer = _explorer(tmp_path)
    perfect = _perfect_guess(explorer)
    explorer.guess_curve([1 - v for v in perfect])  # the mirror image: far off
    explorer.reveal()
    explorer.show("always_half")
    explorer.show("always_half", shifted=True)
    explorer.answer("luck")
    outcome = explorer.outcome()
    assert outcome.done == 5
    assert outcome.credit == pytest.approx(3.5)  # half a guess point, no answer point
    assert any("Think again" in line for line in outcome.feedback)


#: What grading arithmetic looks like: fractions of a point, "earns", "half of the step".
ARITHMETIC = re.compile(r"\d\.\d\d|\bearns?\b|\bcredit\b|\bhalf\b|\bpoints? (?:of|for)\b", re.I)


@pytest.mark.parametrize(
    ("guess", "words"),
    [
        (_perfect_guess, "very close"),
        (lambda e: [min(1.0, v + 0.1) for v in _perfect_guess(e)], "close"),
        (lambda e: [1 - v for v in _perfect_guess(e)], "far from the real curve"),
    ],
)
def test_feedback_says_how_close_the_guess_was_in_words(tmp_path, guess, words):
    explorer = _explorer(tmp_path)
    explorer.guess_curve(guess(explorer))
    explorer.reveal()
    feedback = explorer.outcome().feedback
    assert any(words in line for line in feedback), feedback
    for line in feedback:
        assert not ARITHMETIC.search(line), f"grading arithmetic shown to a learner: {line}"


def test_the_question_and_its_refusals_are_the_shared_ones(tmp_path):
    explorer = _explorer(tmp_path)
    view = explorer.view()
    assert view.question.options == tuple(QUESTION.options())
    assert QUESTION.text() in view.judgement.prompt.value
    with pytest.raises(ActivityError, match=str(unknown_action())):
        explorer.record("dance", {})
    explorer.guess_curve([0.5] * 5)
    explorer.reveal()
    explorer.answer(QUESTION.right)
    with pytest.raises(ActivityError) as refused:
        explorer.answer("best")
    assert (
        str(refused.value) == "You have already answered this question; your first answer counts."
    )


def test_activity_score_reads_the_evidence(tmp_path, capsys):
    assert activity_score(CalibrationExplorer("aiko", folder=tmp_path), points=10).points == 0
    explorer = _explorer(tmp_path)
    explorer.guess_curve(_perfect_guess(explorer))
    explorer.reveal()
    assert activity_score(CalibrationExplorer("aiko", folder=tmp_path), points=10).points == 4
    explorer.show("always_half", shifted=True)
    explorer.answer("useless")
    score = activity_score(CalibrationExplorer("aiko", folder=tmp_path), points=10)
    assert score.points == 10 and score.full
    assert "You completed 5 of 5 steps." in capsys.readouterr().out


# -- the view without a browser ---------------------------------------------------------------
def _alt(html_value):
    return re.search(r"alt='([^']*)'", html_value).group(1)


def test_view_guess_reveal_explore_answer(tmp_path):
    explorer = _explorer(tmp_path)
    view = explorer.view()
    assert "tt-calibration" in view._dom_classes
    assert "hidden until you reveal" in _alt(view.plot.value)
    assert view.model.disabled and view.shift.disabled and view.question.disabled

    view.reveal.click()
    assert "Submit your guess" in view.message.value and not explorer.revealed_

    for slider, value in zip(view.sliders, [10, 25, 50, 75, 90], strict=True):
        slider.value = value
    assert "75%" in _alt(view.plot.value)  # the preview follows the sliders
    view.submit.click()
    assert "Guess saved" in view.message.value
    view.sliders[0].value = 40
    view.reveal.click()
    assert "submit your guess again" in view.message.value and not explorer.revealed_
    view.sliders[0].value = 10
    view.reveal.click()
    assert explorer.revealed_
    nb = explorer.condition()
    alt = _alt(view.plot.value)
    assert "Naive Bayes" in alt and f"ECE {nb.ece:.3f}" in alt and "Your guess" in alt
    assert f"{nb.brier:.3f}" in view.numbers.value and "Your guess" in view.numbers.value
    assert all(s.disabled for s in view.sliders) and view.submit.disabled
    assert not view.model.disabled and "You completed 2 of 5 steps." in view.progress.value

    view.shift.value = True
    shifted = explorer.condition("naive_bayes", True)
    assert f"ECE {shifted.ece:.3f}" in _alt(view.plot.value)
    assert "shifted test data" in _alt(view.plot.value)
    view.model.value = "always_half"
    assert "ECE 0.000, Brier score 0.250" in _alt(view.plot.value)
    assert view.numbers.value.count("<td>undefined</td>") == 8  # four empty bands, two columns
    assert "Your guess" not in view.numbers.value  # the guess was about naive Bayes

    view.answer.click()
    assert "Choose one of the answers first" in view.message.value
    view.question.value = "useless"
    view.answer.click()
    assert "Right" in view.message.value and view.answer.disabled
    assert "You completed 5 of 5 steps." in view.progress.value

    events = EvidenceLog.in_folder(tmp_path, "aiko").events("calibration")
    assert [(e.kind, dict(e.data)) for e in events] == [
        ("guess", {"curve": [0.1, 0.25, 0.5, 0.75, 0.9]}),
        ("reveal", {}),
        ("show", {"model": "naive_bayes", "shifted": True}),
        ("show", {"model": "always_half", "shifted": True}),
        ("answer", {"choice": "useless"}),
    ]


def _first_sentence_with(text, term):
    """The sentence (or list item) in which ``term`` first appears in ``text``."""
    at = text.find(term)
    assert at >= 0, f"{term!r} never appears"
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at)) + 1
    end = min(i for i in (text.find(". ", at), text.find("\n", at), len(text)) if i >= 0)
    return text[start:end]


@pytest.mark.parametrize(
    ("term", "meaning"),
    [
        ("ECE", ["expected calibration error", "how far", "weather"]),
        ("positive", ["A positive case is one that really belongs", "spam"]),
        ("calibrated", ["A model is calibrated when its probabilities are honest"]),
        ("test case", ["never saw"]),
        ("Brier score", ["0 means sure and right every time"]),
        ("Accuracy", ["the share of cases the model gets right"]),
        ("Shifted test data", ["a world that changed after the model learned"]),
    ],
)
def test_every_term_is_explained_where_a_learner_first_meets_it(tmp_path, term, meaning):
    # The view as a learner reads it, top to bottom (the still copy keeps that order).
    text = snapshot_text(_explorer(tmp_path).view())
    first = text.find(term)
    context = _first_sentence_with(text, term) + " " + text[first : first + 400]
    for words in meaning:
        assert words in context, f"{term!r} is used before it is explained: {context!r}"


def test_the_sliders_and_the_controls_below_them_line_up(tmp_path):
    view = _explorer(tmp_path).view()
    column = [*view.sliders, view.model, view.shift]
    assert {c.style.description_width for c in column} == {LABEL_WIDTH}
    assert {s.layout.width for s in view.sliders} == {view.model.layout.width}


def test_every_button_is_made_the_same_way(tmp_path):
    import ipywidgets as w

    view = _explorer(tmp_path).view()
    buttons = [b for b in _widgets(view) if isinstance(b, w.Button)]
    assert len(buttons) == 3
    assert {b.layout.width for b in buttons} == {"auto"}


def _widgets(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _widgets(child)


def test_a_reopened_view_keeps_a_submitted_guess_on_the_sliders(tmp_path):
    _explorer(tmp_path).guess_curve([0.05, 0.35, 0.5, 0.6, 0.95])
    view = CalibrationExplorer("aiko", folder=tmp_path).view()
    assert [s.value for s in view.sliders] == [5, 35, 50, 60, 95]
    assert not view.sliders[0].disabled
    view.reveal.click()  # the sliders still match the guess, so it reveals
    assert view.explorer.revealed_ and "Your guess" in _alt(view.plot.value)


def test_a_reopened_view_shows_the_saved_state(tmp_path):
    explorer = _explorer(tmp_path)
    explorer.guess_curve([0.0, 0.2, 0.5, 0.8, 1.0])
    explorer.reveal()
    explorer.show("logistic", shifted=True)
    view = CalibrationExplorer("aiko", folder=tmp_path).view()
    assert [s.value for s in view.sliders] == [0, 20, 50, 80, 100]
    assert all(s.disabled for s in view.sliders)
    assert (view.model.value, view.shift.value) == ("logistic", True)
    assert "Logistic regression" in _alt(view.plot.value)
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("calibration")) == 3


# -- in a real JupyterLab ---------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_learner_guesses_and_reveals_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "calibration",
        "from thinktwice.widgets import CalibrationExplorer\nCalibrationExplorer().view()",
    )
    page.wait_for_selector(".tt-calibration .tt-plot img")
    assert "hidden until you reveal" in view.locator(".tt-plot img").get_attribute("alt")
    # The five guess sliders, then the model and test-data controls: one column of rows whose
    # labels have one width, so every control starts at the same place.
    rows = [f".tt-guess-{i}" for i in range(5)] + [".tt-model", ".tt-shift"]
    labels = {
        tuple(round(v) for v in view.locator(f"{row} .widget-label").bounding_box().values())[::2]
        for row in rows
    }
    assert len(labels) == 1, f"the labels differ in place or width: {labels}"
    controls = [".noUi-target"] * 5 + ["select", "select"]
    starts = [
        view.locator(f"{row} {control}").bounding_box()["x"]
        for row, control in zip(rows, controls, strict=True)
    ]
    # A slider's track is inset by the half-width of its handle.
    assert max(starts) - min(starts) < 10, f"the rows do not line up: they start at {starts}"
    widths = {b.bounding_box()["width"] for b in view.locator("button.jupyter-button").all()}
    assert max(widths) < 300, f"a full-width button: {sorted(widths)}"
    handle = view.locator(".tt-guess-4 .noUi-handle")
    handle.focus()
    for _ in range(6):
        page.keyboard.press("ArrowRight")
    page.wait_for_selector(".tt-calibration .tt-plot img[alt*='80–100% → 80%']")
    view.locator("button.tt-submit-guess").click()
    page.wait_for_selector(".tt-calibration .tt-message:has-text('Guess saved')")
    event = last_event(activity_lab, "calibration")
    assert event["kind"] == "guess" and event["data"]["curve"][4] == pytest.approx(0.8)

    view.locator("button.tt-reveal").click()
    page.wait_for_selector(".tt-calibration .tt-plot img[alt*='ECE']")
    assert "Naive Bayes" in view.locator(".tt-plot img").get_attribute("alt")
    assert last_event(activity_lab, "calibration")["kind"] == "reveal"

    view.locator(".tt-shift select").select_option(label="Shifted")
    page.wait_for_selector(".tt-calibration .tt-plot img[alt*='shifted test data']")
    event = last_event(activity_lab, "calibration")
    assert event["kind"] == "show" and event["data"] == {
        "model": "naive_bayes",
        "shifted": True,
    }
    assert_not_blank(view, tmp_path / "calibration.png")
