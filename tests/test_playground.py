"""The model playground: its seeded data, fits, grading, view, and a real browser run."""

import re

import numpy as np
import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, ModelPlayground
from thinktwice.widgets._snapshot import snapshot_text
from thinktwice.widgets._view_kit import LABEL_WIDTH
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.playground import NEAR_BEST, OVERFIT_GAP, QUESTION

from .browser_kit import assert_not_blank, last_event, open_activity

OVERFIT = (1, 30, 60)  # one neighbour, many flipped labels, few points


def _playground(tmp_path, learner="aiko"):
    return ModelPlayground(learner, folder=tmp_path).start()


def _best_setting(playground):
    return max(
        ((k, 0, 300) for k in range(1, 52, 2)),
        key=lambda s: playground.fit_setting(*s).test_accuracy,
    )


def test_same_learner_same_data_different_learners_differ(tmp_path):
    a1, a2 = _playground(tmp_path / "1"), _playground(tmp_path / "2")
    b = _playground(tmp_path / "3", "ben")
    assert np.array_equal(a1.x_pool_, a2.x_pool_) and np.array_equal(a1.x_test_, a2.x_test_)
    assert a1.fit_setting(*OVERFIT).test_accuracy == a2.fit_setting(*OVERFIT).test_accuracy
    assert not np.allclose(a1.x_pool_, b.x_pool_)


def test_label_noise_flips_exactly_that_share_and_only_training_labels(tmp_path):
    playground = _playground(tmp_path)
    for noise, size in [(0, 100), (20, 100), (35, 60), (40, 300)]:
        fit = playground.fit_setting(5, noise, size)
        flipped = int(np.sum(fit.y_train != playground.y_pool_[:size]))
        assert flipped == round(noise / 100 * size)
        assert len(fit.x_train) == size
    # More noise keeps the earlier flips (the same points stay flipped), so settings compare.
    low, high = playground.fit_setting(5, 10, 100), playground.fit_setting(5, 30, 100)
    pool = playground.y_pool_[:100]
    assert set(np.flatnonzero(low.y_train != pool)) <= set(np.flatnonzero(high.y_train != pool))


@pytest.mark.parametrize("learner", ["aiko", "ben", "chie", "dai", "emi", "fumi"])
def test_the_lessons_hold_for_every_variant(tmp_path, learner):
    playground = _playground(tmp_path, learner)
    assert playground.y_test_.mean() == pytest.approx(0.5, abs=0.1)
    overfit = playground.fit_setting(*OVERFIT)
    # One neighbour memorises every training label, flipped ones included.
    assert overfit.train_accuracy == 1 and overfit.gap >= OVERFIT_GAP
    best = playground.fit_setting(*_best_setting(playground))
    assert best.test_accuracy == playground.best_test_accuracy_
    assert 0.8 < best.test_accuracy < 1 and best.gap < OVERFIT_GAP
    # The overfitting setting is far from the best, so finding the best takes exploring.
    assert overfit.test_accuracy < playground.best_test_accuracy_ - 0.1


def test_refusals_write_nothing_and_start_writes_nothing(tmp_path):
    playground = _playground(tmp_path)
    for bad in [
        (0, 10, 100),
        (52, 10, 100),
        (3, 45, 100),
        (3, 10, 20),
        (3, 10, 400),
        (True, 0, 60),
    ]:
        with pytest.raises(ActivityError, match="A setting is"):
            playground.try_setting(*bad)
    with pytest.raises(ActivityError, match="Try a few settings"):
        playground.answer("test")
    assert not (tmp_path / FILENAME).exists()
    playground.try_setting(*OVERFIT)
    with pytest.raises(ActivityError, match="Choose one"):
        playground.answer("both")
    assert playground.answer("train") is False
    with pytest.raises(ActivityError, match="first answer counts"):
        playground.answer("test")
    kinds = [e.kind for e in EvidenceLog.in_folder(tmp_path, "aiko").events("playground")]
    assert kinds == ["setting", "answer"]


def test_each_setting_is_logged_with_its_accuracies(tmp_path):
    playground = _playground(tmp_path)
    fit = playground.try_setting(15, 10, 200)
    (event,) = EvidenceLog.in_folder(tmp_path, "aiko").events("playground")
    assert dict(event.data) == {
        "neighbours": 15,
        "label_noise": 10,
        "train_size": 200,
        "train_accuracy": round(fit.train_accuracy, 4),
        "test_accuracy": round(fit.test_accuracy, 4),
    }


def test_replay_restores_and_recomputes_instead_of_trusting_the_log(tmp_path):
    playground = _playground(tmp_path)
    playground.try_setting(*OVERFIT)
    playground.try_setting(25, 0, 300)
    playground.answer("test")
    # A hand-edited event claiming a perfect test accuracy is recomputed on replay.
    playground.log_.append(
        "playground",
        "setting",
        {
            "neighbours": 51,
            "label_noise": 40,
            "train_size": 60,
            "train_accuracy": 1.0,
            "test_accuracy": 1.0,
        },
    )
    before = (tmp_path / FILENAME).read_bytes()
    again = _playground(tmp_path)
    assert (tmp_path / FILENAME).read_bytes() == before
    assert [f.setting for f in again.tried_] == [OVERFIT, (25, 0, 300), (51, 40, 60)]
    assert again.current_ == (51, 40, 60) and again.answer_ == "test"
    assert again.tried_[-1].test_accuracy < 0.9


def test_outcome_grades_every_step(tmp_path):
    playground = _playground(tmp_path)
    first = playground.outcome()
    assert (first.done, first.total, first.credit) == (0, 4, 0)
    assert any("at least 5 different settings (0 so far)" in line for line in first.feedback)

    playground.try_setting(*OVERFIT)
    playground.try_setting(*OVERFIT)  # the same setting again is not a new one
    assert playground.distinct_settings() == 1
    outcome = playground.outcome()
    assert outcome.done == 1 and outcome.credit == pytest.approx(1.2)  # overfit + 1/5 explored
    assert not any("overfitting" in line for line in outcome.feedback)

    best = _best_setting(playground)
    playground.try_setting(*best)
    assert playground.outcome().done == 2
    for setting in [(3, 20, 100), (51, 0, 60), (9, 5, 120)]:
        playground.try_setting(*setting)
    assert playground.outcome().done == 3 and playground.outcome().credit == 3
    playground.answer("test")
    final = playground.outcome()
    assert (final.done, final.credit, final.feedback) == (4, 4, ())


def test_near_best_needs_a_setting_close_to_the_best(tmp_path):
    playground = _playground(tmp_path)
    for setting in [OVERFIT, (1, 40, 60), (3, 40, 60), (51, 40, 60), (1, 35, 80)]:
        playground.try_setting(*setting)
    assert all(
        f.test_accuracy < playground.best_test_accuracy_ - NEAR_BEST for f in playground.tried_
    )
    outcome = playground.outcome()
    assert outcome.done == 2  # explored and overfitted, but no good setting yet
    assert any("better test accuracy" in line for line in outcome.feedback)
    playground.answer("fewest")
    assert playground.outcome().credit == 2
    assert any("Think again" in line for line in playground.outcome().feedback)


def test_activity_score_reads_the_evidence(tmp_path, capsys):
    assert activity_score(ModelPlayground("aiko", folder=tmp_path), points=4).points == 0
    playground = _playground(tmp_path)
    for setting in [OVERFIT, _best_setting(playground), (3, 20, 100), (51, 0, 60), (9, 5, 120)]:
        playground.try_setting(*setting)
    assert activity_score(ModelPlayground("aiko", folder=tmp_path), points=4).points == 3
    playground.answer("test")
    score = activity_score(ModelPlayground("aiko", folder=tmp_path), points=4)
    assert score.full and "You completed 4 of 4 steps." in capsys.readouterr().out


# -- the view without a browser ---------------------------------------------------------------
def _alt(value):
    return re.search(r"alt='([^']*)'", value).group(1)


def test_view_refits_on_each_slider_and_logs_it(tmp_path):
    playground = _playground(tmp_path)
    view = playground.view()
    assert "tt-playground" in view._dom_classes
    assert (view.neighbours.value, view.noise.value, view.size.value) == (3, 20, 100)
    assert not view.neighbours.continuous_update
    assert "Move a slider" in view.history.value
    assert "k = 3, trained on 100 points with 20%" in _alt(view.plot.value)

    view.neighbours.value = 1
    view.noise.value = 30
    view.size.value = 60
    fit = playground.fit_setting(*OVERFIT)
    alt = _alt(view.plot.value)
    assert "k = 1, trained on 60 points with 30%" in alt
    assert "training points: 100% right, 0 marked wrong" in alt
    wrong = round((1 - fit.test_accuracy) * 300)
    assert f"{fit.test_accuracy:.0%} right, {wrong} marked wrong" in alt
    assert f"never saw)</td><td>{fit.test_accuracy:.0%}</td>" in view.scores.value
    assert f"test points</td><td>{fit.gap:.0%}</td>" in view.scores.value
    assert view.history.value.count("<tr><td>") == 3
    assert "You completed 1 of 4 steps." in view.progress.value

    view.answer.click()
    assert "Choose one of the answers first" in view.message.value
    view.question.value = "test"
    view.answer.click()
    assert "Right" in view.message.value and view.answer.disabled

    events = EvidenceLog.in_folder(tmp_path, "aiko").events("playground")
    assert [(e.kind, e.data.get("neighbours"), e.data.get("label_noise")) for e in events] == [
        ("setting", 1, 20),
        ("setting", 1, 30),
        ("setting", 1, 30),
        ("answer", None, None),
    ]
    assert events[2].data["train_size"] == 60 and events[2].data["train_accuracy"] == 1.0


@pytest.mark.parametrize(
    ("term", "meaning"),
    [
        ("nearest-neighbour model", ["the k training points closest to it"]),
        ("k", ["(its k neighbours)"]),
        ("training points", ["the ones it learns from"]),
        ("test points", ["kept aside", "never seen"]),
        ("Accuracy", ["share of points the model gets right"]),
        ("labels flipped", ["given the wrong kind on purpose"]),
        ("overfitting", ["learns its training points by heart"]),
    ],
)
def test_every_term_is_explained_where_a_learner_first_meets_it(tmp_path, term, meaning):
    # The view as a learner reads it, top to bottom (the still copy keeps that order).
    text = snapshot_text(_playground(tmp_path).view())
    first = re.search(rf"\b{re.escape(term)}\b", text)
    assert first, f"{term!r} never appears"
    around = text[max(0, first.start() - 200) : first.start() + 300]
    for words in meaning:
        assert words in around, f"{term!r} is used before it is explained: {around!r}"


def test_feedback_and_scores_show_no_grading_arithmetic(tmp_path):
    playground = _playground(tmp_path)
    view = playground.view()
    view.neighbours.value = 1
    view.question.value = "train"
    view.answer.click()
    text = snapshot_text(view)
    assert "percentage points" not in text and not re.search(r"\+\d", text)
    assert not re.search(r"\d\.\d\d|\bearns?\b|\bcredit\b", " ".join(playground.outcome().feedback))


def test_the_question_and_its_refusals_are_the_shared_ones(tmp_path):
    playground = _playground(tmp_path)
    view = playground.view()
    assert view.question.options == tuple(QUESTION.options())
    with pytest.raises(ActivityError, match=str(unknown_action())):
        playground.record("dance", {})
    playground.try_setting(*OVERFIT)
    playground.answer(QUESTION.right)
    with pytest.raises(ActivityError) as refused:
        playground.answer("train")
    assert (
        str(refused.value) == "You have already answered this question; your first answer counts."
    )


def test_the_sliders_line_up_and_the_button_is_the_kit_one(tmp_path):
    view = _playground(tmp_path).view()
    sliders = [view.neighbours, view.noise, view.size]
    assert {s.style.description_width for s in sliders} == {LABEL_WIDTH}
    assert len({s.layout.width for s in sliders}) == 1
    assert view.answer.layout.width == "auto"


def test_a_reopened_view_shows_the_last_setting(tmp_path):
    playground = _playground(tmp_path)
    playground.try_setting(21, 5, 240)
    view = ModelPlayground("aiko", folder=tmp_path).view()
    assert (view.neighbours.value, view.noise.value, view.size.value) == (21, 5, 240)
    assert "k = 21, trained on 240 points" in _alt(view.plot.value)
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("playground")) == 1


# -- in a real JupyterLab ---------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_learner_moves_a_slider_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "playground",
        "from thinktwice.widgets import ModelPlayground\nModelPlayground().view()",
    )
    page.wait_for_selector(".tt-playground .tt-plot img[alt*='k = 3']")
    tracks = {
        round(view.locator(f"{css} .noUi-target").bounding_box()["x"])
        for css in (".tt-neighbours", ".tt-noise", ".tt-size")
    }
    assert len(tracks) == 1, f"the slider rows do not line up: they start at {sorted(tracks)}"
    view.locator(".tt-neighbours .noUi-handle").focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_selector(".tt-playground .tt-plot img[alt*='k = 5']")
    event = last_event(activity_lab, "playground")
    assert event["kind"] == "setting"
    assert (event["data"]["neighbours"], event["data"]["label_noise"]) == (5, 20)
    assert "Test accuracy" in view.locator(".tt-scores").inner_text()
    assert view.locator(".tt-history tbody tr").count() == 1

    view.locator(".tt-question label", has_text="highest test accuracy").click()
    view.locator("button.tt-answer").click()
    page.wait_for_selector(".tt-playground .tt-message:has-text('Right')")
    assert last_event(activity_lab, "playground")["data"] == {"choice": "test"}
    assert_not_blank(view, tmp_path / "playground.png")


@pytest.mark.parametrize(
    "setting", [OVERFIT, (3, 20, 100), (15, 0, 300), (51, 40, 120), (8, 5, 80)]
)
def test_the_shading_is_what_the_model_answers_there(tmp_path, setting):
    view = _playground(tmp_path).view()
    fit = view.playground.fit_setting(*setting)
    assert np.array_equal(view._vote(fit), fit.model.predict(view._grid))
