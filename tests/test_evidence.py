"""The evidence log: append-only, resumable, survives a crash mid-write, refuses others' logs."""

import json
import os
import subprocess
import sys

import pytest

from thinktwice.widgets import EvidenceError, EvidenceLog, RelianceTrial
from thinktwice.widgets.evidence import FILENAME
from thinktwice.widgets.reliance_trial import TrialError


def test_append_and_read_back(tmp_path):
    log = EvidenceLog.in_folder(tmp_path, "aiko")
    assert not log.exists() and log.events() == []
    log.append("x", "click", {"n": 1})
    log.append("y", "click", {"n": 2})
    again = EvidenceLog.in_folder(tmp_path, "aiko")
    assert [e.data["n"] for e in again.events()] == [1, 2]
    assert [e.data["n"] for e in again.events("y")] == [2]
    header = json.loads((tmp_path / FILENAME).read_text().splitlines()[0])
    assert header["format"] == "thinktwice-evidence" and header["learner"] == "aiko"


def test_rerunning_the_cell_resumes_and_never_erases(tmp_path):
    trial = RelianceTrial("aiko", n_cases=4, ai_wrong=1, folder=tmp_path).start()
    case = trial.answer_first(3, 0.6)
    trial.answer_final(case.ai, 0.8)
    trial.answer_first(5, 0.4)
    before = (tmp_path / FILENAME).read_bytes()

    rerun = RelianceTrial("aiko", n_cases=4, ai_wrong=1, folder=tmp_path).start()
    assert rerun.position == 1
    assert rerun.stage == "final" and rerun.first_answer() == 5
    with pytest.raises(TrialError):
        rerun.answer_first(7, 0.9)  # a locked first answer cannot be changed
    rerun.answer_final(5, 0.5)
    after = (tmp_path / FILENAME).read_bytes()
    assert after.startswith(before)  # appended, nothing rewritten
    assert len(rerun.trials()) == 2


def test_a_crash_mid_write_loses_at_most_that_event(tmp_path):
    log = EvidenceLog.in_folder(tmp_path, "aiko")
    log.append("a", "k", {"n": 1})
    # A child process writes half an event and dies without cleaning up.
    code = (
        "import os, sys; fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND); "
        'os.write(fd, b\'{"activity": "a", "kind": "k", "da\'); os._exit(9)'
    )
    result = subprocess.run([sys.executable, "-c", code, str(log.path)])
    assert result.returncode == 9
    assert [e.data["n"] for e in log.events()] == [1]
    assert log.damaged_lines == [3]
    log.append("a", "k", {"n": 2})
    assert [e.data["n"] for e in log.events()] == [1, 2]


def test_concurrent_writers_keep_every_event(tmp_path):
    code = (
        "import sys; from thinktwice.widgets import EvidenceLog; "
        "log = EvidenceLog.in_folder(sys.argv[1], 'aiko'); "
        "[log.append('w' + sys.argv[2], 'k', {'n': i}) for i in range(50)]"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(tmp_path), str(w)]) for w in range(3)
    ]
    assert all(p.wait() == 0 for p in procs)
    log = EvidenceLog.in_folder(tmp_path, "aiko")
    events = log.events()
    assert len(events) == 150 and log.damaged_lines == []
    for w in range(3):
        assert [e.data["n"] for e in events if e.activity == f"w{w}"] == list(range(50))


def test_someone_elses_log_is_refused_by_name(tmp_path):
    EvidenceLog.in_folder(tmp_path, "aiko").append("a", "k", {})
    with pytest.raises(EvidenceError, match="belongs to learner 'aiko'") as error:
        EvidenceLog.in_folder(tmp_path, "ben").events()
    assert FILENAME in str(error.value)
    with pytest.raises(EvidenceError):
        EvidenceLog.in_folder(tmp_path, "ben").append("a", "k", {})
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events()) == 1


def test_newer_format_and_garbage_are_clear_errors(tmp_path):
    path = tmp_path / FILENAME
    path.write_text(
        json.dumps({"format": "thinktwice-evidence", "version": 99, "learner": "a"}) + "\n"
    )
    with pytest.raises(EvidenceError, match="newer Think Twice"):
        EvidenceLog(path, "a").events()
    path.write_text("not json at all\n")
    with pytest.raises(EvidenceError, match="not a Think Twice evidence log"):
        EvidenceLog(path, "a").events()


def test_hand_edited_events_cannot_rewrite_an_answer(tmp_path):
    trial = RelianceTrial("aiko", n_cases=2, ai_wrong=1, folder=tmp_path).start()
    case = trial.answer_first(3, 0.6)
    trial.answer_final(3, 0.6)
    # A second "first" for the same case, appended later, does not replace the first one.
    EvidenceLog.in_folder(tmp_path, "aiko").append(
        trial.activity, "first", {"case": case.case_id, "answer": case.truth, "confidence": 1.0}
    )
    again = RelianceTrial("aiko", n_cases=2, ai_wrong=1, folder=tmp_path).start()
    assert again.trials()[0].first == 3


def test_no_file_until_the_first_answer(tmp_path):
    RelianceTrial("aiko", folder=tmp_path).start().view()
    assert not (tmp_path / FILENAME).exists()
    assert os.listdir(tmp_path) == []
