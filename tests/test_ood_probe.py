"""The out-of-distribution probe: its numbers, seeding, replay, grading, view and browser run."""

import re
import threading

import numpy as np
import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, OutOfDistributionProbe, ood_probe
from thinktwice.widgets import _digit_models as dm
from thinktwice.widgets.evidence import FILENAME, EvidenceLog

from .browser_kit import assert_not_blank, last_event, open_activity


def careful_run(probe, question=ood_probe.QUESTION.right):
    """Judge every probe the careful way and answer the question."""
    for item in probe.probes_:
        probe.ask()
        probe.judge(trust=item.trustworthy, signal="disagreement")
    if question:
        probe.answer(question)


# -- the models and the probes -----------------------------------------------------------------
def test_the_network_reads_digits_and_stays_confident_on_nonsense(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    digits = [p for p in probe.probes_ if p.kind == ood_probe.DIGIT]
    nonsense = [p for p in probe.probes_ if p.kind in (ood_probe.LETTER, ood_probe.NOISE)]
    assert len(digits) == 3 and len(nonsense) == 4
    for p in digits:  # held out, right, and all five agree
        assert p.reading.answer == int(p.label) and p.reading.disagreement == 0
    # The network answers letters and static with a digit, and is sure of it...
    assert min(p.reading.confidence for p in nonsense) > 0.7
    # ...while the models disagree there, and their mean confidence falls.
    assert all(p.reading.dissenters >= 1 for p in nonsense)
    mean_ood = np.mean([p.reading.ensemble_confidence for p in nonsense])
    mean_digits = np.mean([p.reading.ensemble_confidence for p in digits])
    assert mean_digits > 0.9 > mean_digits - 0.2 > mean_ood


def test_the_ensemble_is_accurate_on_digits_it_never_saw():
    images, target = dm.digits()
    held = dm.ensemble().held_out
    votes = dm.ensemble().proba(images[held]).argmax(axis=2)
    accuracy = (votes == target[held]).mean(axis=1)
    assert len(held) == len(images) - 1300
    assert accuracy.min() > 0.95, accuracy


def test_the_stored_network_is_the_network_training_gives():
    # If this fails the network or scikit-learn's training changed: run
    # dm.store_network() and check that the evidence logs in data/evidence_v1 still replay.
    trained, stored = dm.train_network(), dm.stored_network()
    assert stored.n_iter_ == trained.n_iter_
    layers = zip(
        trained.coefs_ + trained.intercepts_, stored.coefs_ + stored.intercepts_, strict=True
    )
    for mine, kept in layers:
        np.testing.assert_allclose(kept, mine, rtol=1e-9, atol=1e-12)
    images, _target = dm.digits()
    np.testing.assert_allclose(
        stored.predict_proba(images), trained.predict_proba(images), rtol=1e-9, atol=1e-12
    )
    assert stored.predict(images[:50]).tolist() == trained.predict(images[:50]).tolist()


def test_a_fresh_process_builds_the_ensemble_without_training_the_network(monkeypatch):
    from sklearn.neural_network import MLPClassifier

    def refuse(self, *args, **kwargs):
        raise AssertionError("the network was trained again")

    monkeypatch.setattr(MLPClassifier, "fit", refuse)
    dm.ensemble.cache_clear()
    ood_probe._clear_digits.cache_clear()
    OutOfDistributionProbe.warm_up()
    assert OutOfDistributionProbe.trained()
    assert dm.ensemble().models[0].predict_proba(np.zeros((1, 64))).shape == (1, 10)


def test_a_reading_counts_dissenters_by_hand(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    proba = np.zeros((5, 1, 10))
    for member, (digit, p) in enumerate([(3, 0.9), (3, 0.6), (8, 0.7), (3, 0.5), (1, 0.4)]):
        proba[member, 0, :] = (1 - p) / 9  # the rest shared evenly
        proba[member, 0, digit] = p
    (reading,) = ood_probe._readings(proba)
    assert reading.votes == (3, 3, 8, 3, 1) and reading.majority == 3
    assert reading.dissenters == 2 and reading.disagreement == 0.4
    mean = (0.9 + 0.6 + 0.3 / 9 + 0.5 + 0.6 / 9) / 5
    assert reading.ensemble_confidence == pytest.approx(mean, abs=1e-3)
    assert reading.answer == 3 and reading.confidence == 0.9
    assert probe.read(np.zeros(64)).votes == probe.read(np.zeros((8, 8))).votes


def test_letters_are_drawn_with_seeded_jitter():
    a = dm.letter("A", np.random.default_rng(1))
    assert a.shape == (8, 8) and a.min() >= 0 and a.max() <= 1
    assert np.array_equal(a, dm.letter("A", np.random.default_rng(1)))
    assert not np.array_equal(a, dm.letter("A", np.random.default_rng(2)))
    ink = sum(row.count("#") for row in dm.LETTERS["A"].split())
    assert ink - 8 <= (a >= 0.7).sum() <= ink  # a shift may push one row or column off
    assert a[a < 0.7].max() <= 0.1  # the rest is faint smudge


def test_same_learner_same_probes_different_learners_differ(tmp_path):
    a1 = OutOfDistributionProbe("aiko", folder=tmp_path / "1").start()
    a2 = OutOfDistributionProbe("aiko", folder=tmp_path / "2").start()
    b = OutOfDistributionProbe("ben", folder=tmp_path / "3").start()
    assert a1.probes_ == a2.probes_ and a1.choice_order_ == a2.choice_order_
    assert [p.pixels for p in a1.probes_] != [p.pixels for p in b.probes_]


def test_warm_up_trains_the_models_once_and_views_then_train_nothing(tmp_path, monkeypatch):
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier

    dm.ensemble.cache_clear()
    ood_probe._clear_digits.cache_clear()
    assert not OutOfDistributionProbe.trained()
    OutOfDistributionProbe.warm_up()  # what a grader's warm process runs before forking
    assert OutOfDistributionProbe.trained() and dm.ensemble.cache_info().currsize == 1
    fits = []
    for model in (
        MLPClassifier,
        LogisticRegression,
        KNeighborsClassifier,
        RandomForestClassifier,
        CalibratedClassifierCV,
    ):
        monkeypatch.setattr(model, "fit", lambda self, *a, **k: fits.append(type(self)))
    # A learner's probes, their view (shown at once, with the first probe) and a whole run
    # through it reuse the trained models.
    view = OutOfDistributionProbe("cold", folder=tmp_path).view()
    assert view.ready.is_set() and "Probe 1 of 8" in view.progress.value
    assert not view.notice.value
    for step in view.tour():
        step()
    assert view.activity.outcome().done == 9
    assert fits == []


def test_a_fresh_kernel_shows_at_once_that_the_models_are_training(tmp_path, monkeypatch):
    monkeypatch.setattr(OutOfDistributionProbe, "trained", classmethod(lambda cls: False))
    training = threading.Event()
    start = OutOfDistributionProbe.start

    def slow_start(self):
        assert training.wait(30)
        return start(self)

    monkeypatch.setattr(OutOfDistributionProbe, "start", slow_start)
    view = OutOfDistributionProbe("aiko", folder=tmp_path).view()
    assert "Training five models on handwritten digits" in view.notice.value
    assert list(view.children) == [view.intro, view.notice] and not view.ready.is_set()
    training.set()  # the models are trained: the first probe appears
    assert view.ready.wait(30)
    assert view.probe_step in view.children and view.notice not in view.children
    assert "Probe 1 of 8" in view.progress.value


# -- interactions, replay and grading ----------------------------------------------------------
def test_start_writes_nothing_and_refusals_write_nothing(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    assert not (tmp_path / FILENAME).exists()
    with pytest.raises(ActivityError, match="Ask the models first"):
        probe.judge(trust=True)
    with pytest.raises(ActivityError):
        probe.answer("not a choice")
    with pytest.raises(ActivityError):
        probe.draw([2] * 64)
    with pytest.raises(ActivityError):
        probe.draw([1] * 63)
    with pytest.raises(ActivityError):
        probe.record("probe", {"probe": "probe-5"})  # not the one on screen
    assert not (tmp_path / FILENAME).exists()
    probe.ask()
    with pytest.raises(ActivityError, match="already answered"):
        probe.ask()
    with pytest.raises(ActivityError):
        probe.judge(trust="yes")
    with pytest.raises(ActivityError):
        probe.judge(trust=True, signal="gut feeling")
    assert [e.kind for e in probe.events()] == ["probe"]


def test_replay_restores_the_learners_place_and_every_event_is_logged(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    first = probe.probes_[0]
    probe.ask()
    probe.judge(trust=False, signal="confidence")
    probe.ask()
    drawing = [0] * 64
    drawing[10] = drawing[18] = 1
    probe.draw(drawing)
    probe.answer("seen")
    again = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    assert again.current == probe.probes_[1] and again.asked
    assert again.judgements_[first.probe_id] == ood_probe.TrustCall(False, "confidence")
    assert again.drawings_ == [tuple(drawing)] and again.choice_ == "seen"
    events = EvidenceLog.in_folder(tmp_path, "aiko").events("ood-probe")
    assert [(e.kind, dict(e.data)) for e in events] == [
        ("probe", {"probe": "probe-1"}),
        ("judge", {"probe": "probe-1", "trust": False, "signal": "confidence"}),
        ("probe", {"probe": "probe-2"}),
        ("draw", {"pixels": drawing}),
        ("answer", {"choice": "seen"}),
    ]
    with pytest.raises(ActivityError, match="already answered"):
        again.answer(ood_probe.QUESTION.right)
    with pytest.raises(ActivityError, match="does not know that action"):
        again.record("wave", {})


def test_outcome_credits_careful_calls_and_the_question(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    assert probe.outcome().done == 0 and probe.outcome().total == 9
    careful_run(probe)
    outcome = probe.outcome()
    assert (outcome.done, outcome.total, outcome.credit) == (9, 9, 9.0)
    assert outcome.feedback == ()

    (tmp_path / "b").mkdir()
    gullible = OutOfDistributionProbe("ben", folder=tmp_path / "b").start()
    for _ in gullible.probes_:
        gullible.ask()
        gullible.judge(trust=True)
    gullible.answer("drops")
    outcome = gullible.outcome()
    assert (outcome.done, outcome.credit) == (9, 3.0)  # only the three clear digits
    assert "You trusted 5 answer(s)" in outcome.feedback[0]
    assert "can it ever say 'none of these'" in outcome.feedback[1]


def test_activity_score_reads_the_log(tmp_path):
    careful_run(OutOfDistributionProbe("aiko", folder=tmp_path).start())
    assert activity_score(OutOfDistributionProbe("aiko", folder=tmp_path), points=3).points == 3
    half = tmp_path / "half"
    half.mkdir()
    probe = OutOfDistributionProbe("ben", folder=half).start()
    for item in probe.probes_[:4]:
        probe.ask()
        probe.judge(trust=not item.trustworthy)  # four careless calls, nothing else
    assert activity_score(OutOfDistributionProbe("ben", folder=half), points=3).points == 0
    done = activity_score(OutOfDistributionProbe("ben", folder=half), 9, by="completion")
    assert done.points == 4


# -- the view, without a browser ---------------------------------------------------------------
@pytest.fixture(autouse=True)
def trained():
    """Views built here show their probes at once, as in a kernel that trained the models."""
    OutOfDistributionProbe.warm_up()


def test_every_trust_call_gets_an_answer_that_teaches(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    view = probe.view()
    assert view.call_feedback in view.children and view.call_feedback.value == ""
    for number, item in enumerate(probe.probes_, start=1):
        view.ask_button.click()
        assert view.call_feedback.value == ""  # the answer on the last probe is gone
        view.trust.value = "trust"  # trust everything: right on digits only
        view.confirm.click()
        said = view.call_feedback.value
        assert f"Probe {number} was " in said and "role='status'" in said
        assert f"The network said {item.reading.answer} with" in said
        if item.kind == ood_probe.DIGIT:
            assert "<b>Careful call.</b>" in said and "all five models agreed" in said
        else:
            assert "<b>Not the careful call: do not trust this.</b>" in said
            assert "It is not a digit at all" in said
        if item.kind == ood_probe.LETTER:
            assert f"the letter {item.label}" in said
    assert view.call_feedback.layout.display != "none"


def test_the_question_opens_only_once_every_probe_is_judged(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    view = probe.view()
    assert view.question.layout.display == "none" and view.submit.layout.display == "none"
    assert "Judge every probe first" in view.verdict.value
    assert [label for label, _key in view.question.options] == [
        ood_probe.QUESTION.label(key) for key in probe.choice_order_
    ]
    for _item in probe.probes_:
        view.ask_button.click()
        view.trust.value = "doubt"
        view.confirm.click()
    assert view.question.layout.display is None and not view.question.disabled
    assert view.verdict.value == ""


def test_view_walks_a_probe_and_logs_it(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    view = probe.view()
    first = probe.probes_[0]
    assert "tt-ood-probe" in view._dom_classes
    assert "Probe 1 of 8" in view.progress.value
    assert "alt='Probe 1, an 8 by 8 picture" in view.image.value
    assert view.confirm.disabled and view.trust.disabled and view.chart.value == ""

    view.ask_button.click()
    assert view.ask_button.disabled and not view.confirm.disabled
    network = f"The neural network says {first.reading.answer} with"
    assert network in view.reading.value
    assert "<caption>What each model says</caption>" in view.reading.value
    assert "data:image/png;base64," in view.chart.value
    alt = re.search(r"alt='([^']*)'", view.chart.value).group(1)
    assert alt.startswith("Bar chart of each model&#x27;s confidence. neural network:")
    assert f"{first.reading.dissenters} of 5 models" in alt

    view.confirm.click()  # no call chosen yet
    assert "Choose whether you trust" in view.message.value
    view.trust.value = "doubt"
    view.signal.value = "disagreement"
    view.confirm.click()
    assert "Probe 2 of 8" in view.progress.value and view.trust.value is None
    assert view.chart.value == "" and not view.ask_button.disabled
    assert [e.kind for e in probe.events()] == ["probe", "judge"]
    assert dict(probe.events()[-1].data) == {
        "probe": first.probe_id,
        "trust": False,
        "signal": "disagreement",
    }


def test_view_reviews_all_calls_and_locks_the_question(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    view = probe.view()
    for item in probe.probes_:
        view.ask_button.click()
        view.trust.value = "trust" if item.trustworthy else "doubt"
        view.confirm.click()
    assert view.probe_step.layout.display == "none"
    assert "Your calls: 8 of 8 were the careful one" in view.review.value
    assert view.review.value.count("<tr>") == 9
    view.submit.click()
    assert "Choose one of the answers first" in view.message.value
    view.question.value = "broken"
    view.submit.click()
    assert view.question.disabled and view.submit.disabled
    assert "Not quite" in view.verdict.value
    again = OutOfDistributionProbe("aiko", folder=tmp_path).view()
    assert again.question.value == "broken" and again.question.disabled
    assert "8 of 8" in again.review.value


def test_drawing_grid_asks_the_models_and_logs_the_pixels(tmp_path):
    probe = OutOfDistributionProbe("aiko", folder=tmp_path).start()
    view = probe.view()
    assert len(view.pixels) == 64 and view.pixels[9].tooltip == "Row 2, column 2"
    for index in (2, 3, 4, 11, 19, 27, 35, 43):  # a stroke like a 7
        view.pixels[index].value = True
    assert view.pixels[2].button_style == "info"
    assert not (tmp_path / FILENAME).exists()  # inking squares is not an event
    view.ask_drawing.click()
    expected = probe.read([int(p.value) for p in view.pixels])
    assert f"The neural network says {expected.answer}" in view.drawing.value
    assert "Your drawing, 8 of 64 squares inked" in view.drawing.value
    assert "Bar chart" in view.drawing_chart.value
    assert probe.events()[-1].kind == "draw"
    assert sum(probe.events()[-1].data["pixels"]) == 8
    view.clear.click()
    assert not any(p.value for p in view.pixels) and view.drawing.value == ""
    assert view.pixels[2].button_style == ""


def test_a_broken_log_becomes_a_message_not_a_crash(tmp_path):
    view = OutOfDistributionProbe("aiko", folder=tmp_path).view()
    (tmp_path / FILENAME).write_text("not json\n")
    view.ask_button.click()
    assert "could not be saved" in view.message.value


# -- the real thing, in JupyterLab and Chromium --------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_probe_in_a_real_lab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "ood-probe",
        "from thinktwice.widgets import OutOfDistributionProbe\nOutOfDistributionProbe().view()",
    )
    # A fresh kernel has not trained the models: the view says so at once, then shows them.
    view.locator(".tt-training").get_by_text("Training five models").wait_for(timeout=10_000)
    view.locator(".tt-training").screenshot(path=str(tmp_path / "ood-probe-training.png"))
    page.wait_for_selector(".tt-ood-probe .tt-probe-image img", timeout=90_000)
    assert view.locator(".tt-question").is_hidden()  # opens once every probe is judged
    view.locator("button.tt-ask").click()
    view.locator(".tt-chart img").wait_for()
    assert "The neural network says" in view.locator(".tt-reading").inner_text()
    assert last_event(activity_lab, "ood-probe")["kind"] == "probe"

    view.locator(".tt-trust button").nth(1).click()  # "Do not trust it"
    view.locator("button.tt-confirm-call").click()
    view.get_by_text("Probe 2 of 8").wait_for()
    event = last_event(activity_lab, "ood-probe")
    assert event["kind"] == "judge" and event["data"]["trust"] is False
    said = view.locator(".tt-call-feedback")
    said.get_by_text("Probe 1 was").wait_for()  # the call is answered, visibly
    assert said.is_visible() and re.search("careful call", said.inner_text(), re.I)
    assert_not_blank(view, tmp_path / "ood-probe-call.png")

    # Ink two squares from the keyboard and ask about the drawing.
    pixels = view.locator("button.tt-pixel")
    pixels.nth(3).focus()
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    view.locator("button.tt-ask-drawing").click()
    view.locator(".tt-drawing-chart img").wait_for()
    event = last_event(activity_lab, "ood-probe")
    assert event["kind"] == "draw" and sum(event["data"]["pixels"]) == 2
    assert event["data"]["pixels"][3] == 1 and event["data"]["pixels"][4] == 1
    view.locator(".tt-probe-image").scroll_into_view_if_needed()
    assert_not_blank(view, tmp_path / "ood-probe.png")
