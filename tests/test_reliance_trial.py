"""The reliance trial model and its view, without a browser."""

import pytest

from thinktwice.widgets import RelianceTrial, TrialError
from thinktwice.widgets.digit_cases import make_cases
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.identity import learner_id, variant_seed


def test_same_learner_same_cases_different_learners_differ(tmp_path):
    a1 = RelianceTrial("aiko", folder=tmp_path / "1").start().cases_
    a2 = RelianceTrial("aiko", folder=tmp_path / "2").start().cases_
    b = RelianceTrial("ben", folder=tmp_path / "3").start().cases_
    assert a1 == a2
    assert [c.case_id for c in a1] != [c.case_id for c in b]


def test_the_ai_is_wrong_on_the_seeded_share_and_its_errors_are_known():
    for seed in range(20):
        cases = make_cases(seed, "A", n_cases=12, ai_wrong=4)
        assert sum(not c.ai_correct for c in cases) == 4
        assert len({c.case_id for c in cases}) == 12
        assert all(0 <= c.ai_confidence <= 1 for c in cases)


def test_parallel_forms_never_share_an_image():
    a = {c.case_id.split("-")[1] for s in range(30) for c in make_cases(s, "A")}
    b = {c.case_id.split("-")[1] for s in range(30) for c in make_cases(s, "B")}
    assert a and b and not a & b


def test_answers_out_of_range_are_refused(tmp_path):
    trial = RelianceTrial("aiko", folder=tmp_path).start()
    for label, confidence in [(10, 0.5), (-1, 0.5), ("3", 0.5), (3, 1.5), (True, 0.5)]:
        with pytest.raises(TrialError):
            trial.answer_first(label, confidence)
    with pytest.raises(TrialError):
        trial.answer_final(3, 0.5)  # no first answer yet
    assert not (tmp_path / FILENAME).exists()


def test_learner_id_from_nbgrader_folders_and_hub(monkeypatch, tmp_path):
    graded = tmp_path / "autograded" / "aiko" / "m00_reliance"
    graded.mkdir(parents=True)
    assert learner_id(graded) == "aiko"
    monkeypatch.setenv("JUPYTERHUB_USER", "ben")
    assert learner_id(tmp_path) == "ben"
    monkeypatch.setenv("THINKTWICE_LEARNER", "chie")
    assert learner_id(graded) == "chie"
    assert variant_seed("aiko", "x") != variant_seed("ben", "x")


def test_view_walks_a_case_and_logs_it(tmp_path):
    trial = RelianceTrial("aiko", n_cases=2, ai_wrong=1, folder=tmp_path).start()
    view = trial.view()
    assert "Case 1 of 2" in view.progress.value
    assert "alt=" in view.image.value and "data:image/png;base64," in view.image.value
    assert view.final_step.layout.display == "none"

    view.lock.click()  # nothing chosen yet
    assert "Choose a digit" in view.message.value
    view.first.value = "4"
    view.first_confidence.value = 70
    view.lock.click()
    case = trial.cases_[0]
    assert f"The AI says {case.ai}" in view.advice.value
    assert view.final_step.layout.display is None and view.first.disabled
    view.final.value = str(case.ai)
    view.confirm.click()
    assert "Case 2 of 2" in view.progress.value

    events = EvidenceLog.in_folder(tmp_path, "aiko").events(trial.activity)
    assert [(e.kind, e.data["answer"], e.data["confidence"]) for e in events] == [
        ("first", 4, 0.7),
        ("final", case.ai, 0.7),
    ]
    view.first.value = "1"
    view.lock.click()
    view.confirm.click()
    assert "All 2 cases done" in view.progress.value
    assert "RAIR" in view.summary.value and "<caption>" in view.summary.value


def test_a_new_view_restores_the_learners_place(tmp_path):
    trial = RelianceTrial("aiko", n_cases=3, ai_wrong=1, folder=tmp_path).start()
    view = trial.view()
    view.first.value = "2"
    view.lock.click()
    again = RelianceTrial("aiko", n_cases=3, ai_wrong=1, folder=tmp_path).view()
    assert again.first.value == "2" and again.first.disabled
    assert "The AI says" in again.advice.value
