"""Hostile submissions graded by `thinktwice grade` beside an honest learner (issue 4, point 4).

One course holds an honest learner and one hostile learner per case; all are graded in one run,
as a teacher would. Each test checks one case: the hostile learner gets zero for what failed (or
a clear error when nothing can be graded), the honest learner's grade is what it is when graded
alone, nothing was written outside the working copy, and the hostile code's attempts to read the
gradebook, the hidden tests and another learner's submission all failed.
"""

import json
import os
import socket
import threading
from pathlib import Path

import nbformat
import pytest

from thinktwice.autograder.engine import sandbox
from thinktwice.instructor import operations
from thinktwice.instructor.answers import fill_answers
from thinktwice.instructor.learner_side import fetch, submit
from thinktwice.widgets import RelianceTrial

from .submissions import cell_scores, copy_course

pytestmark = [
    pytest.mark.nbgrader,
    pytest.mark.slow,
    pytest.mark.skipif(os.geteuid() != 0, reason="containment needs root, as in CI"),
]
MODULE = "m00_reliance"
TIMEOUT = 5  # seconds per cell in these tests
HONEST = "honest"
FULL = {"ex1-trial-completed": 2, "ex2-test": 1, "ex3-test": 2, "ex4-rair-test": 1}
FULL["ex4-rsr-test"] = 1
BEFORE_EX4 = ("ex1-trial-completed", "ex2-test", "ex3-test")
EX4 = ("ex4-rair-test", "ex4-rsr-test")

# Every hostile answer first tries to read what it must not and to write where it must not, and
# prints what it got; the tests read these lines back from the autograded notebook.
PROBE = """\
import os as _os
for _path in {secrets!r}:
    try:
        with open(_path, 'rb') as _f:
            print('PROBE READ', _path, _f.read(40))
    except OSError as _e:
        print('PROBE DENIED', type(_e).__name__)
for _path in {targets!r}:
    try:
        with open(_path, 'w') as _f:
            _f.write('escaped')
        print('PROBE WROTE', _path)
    except OSError as _e:
        print('PROBE DENIED', type(_e).__name__)
"""
ANSWER = "rair_by_hand = 2 / 3\nrsr_by_hand = 1 / 2\n"

# What each hostile learner writes in the by-hand answer cell (after the probe).
HOSTILE_CODE = {
    "loop": "while True:\n    pass\n",
    "fork-burst": (
        "import os, time\n"
        "started = 0\n"
        "for _ in range(500):\n"
        "    try:\n"
        "        child = os.fork()\n"
        "    except OSError:\n"
        "        break\n"
        "    if child == 0:\n"
        "        if started % 2:\n"
        "            os.setsid()\n"
        "        time.sleep(600)\n"
        "        os._exit(0)\n"
        "    started += 1\n"
        "print('FORKED', started)\n" + ANSWER
    ),
    "memory-hog": "hog = bytearray(8 << 30)\n" + ANSWER,
    "output-flood": "for _ in range(200000):\n    print('x' * 1000)\n" + ANSWER,
    "sys-exit": "import sys\nsys.exit(3)\n" + ANSWER,
    "os-exit": "import os\nos._exit(0)\n",
    "ignores-signals": (
        "import signal\n"
        "for _sig in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):\n"
        "    signal.signal(_sig, signal.SIG_IGN)\n"
        "while True:\n"
        "    try:\n"
        "        pass\n"
        "    except BaseException:\n"
        "        pass\n"
    ),
    "network": (
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('127.0.0.1', {port}), timeout=3).close()\n"
        "    print('NETWORK CONNECTED')\n"
        "except OSError as error:\n"
        "    print('NETWORK FAILED', type(error).__name__)\n" + ANSWER
    ),
    "extra-files": (
        "print('LINK', open('notes.txt', 'rb').read(40) if _os.path.exists('notes.txt') "
        "else 'absent')\n" + ANSWER
    ),
}
WRONG_OVER_RELIANCE = "def over_reliance(records):\n    return 0.0\n"


def _by_grade_id(notebook, grade_id):
    for cell in notebook.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id:
            return cell
    raise KeyError(grade_id)


def _delete_test_cell(nb):
    nb.cells.remove(_by_grade_id(nb, "ex3-test"))


def _edit_test_cell(nb):
    _by_grade_id(nb, "ex3-test").source = "2"


def _change_metadata(nb):
    meta = _by_grade_id(nb, "ex3-test").metadata["nbgrader"]
    meta.update(grade=False, points=100, locked=False)
    _by_grade_id(nb, "ex2-test").metadata["nbgrader"]["grade_id"] = "ex2-renamed"


# Learners whose notebook (not answer) is changed: how, and their own ex3 answer.
EDITED_NOTEBOOK = {
    "deleted-test": _delete_test_cell,
    "edited-test": _edit_test_cell,
    "changed-metadata": _change_metadata,
}


def _make_learner(course, student, workspace, probe, answer=None, edit=None, ex3=None):
    folder = fetch(course, MODULE, student, workspace)
    path = folder / f"{MODULE}.ipynb"
    source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    notebook = fill_answers(nbformat.read(path, as_version=4), source)
    if answer is not None:
        _by_grade_id(notebook, "ex4-by-hand").source = probe + answer
    if ex3 is not None:
        _by_grade_id(notebook, "ex3-over-reliance").source = ex3
    if edit is not None:
        edit(notebook)
    nbformat.write(notebook, path)
    trial = RelianceTrial(student, folder=folder).start()
    while trial.current is not None:
        trial.answer_first(trial.current.truth, 0.8)
        trial.answer_final(trial.current.ai, 0.7)
    submit(course, MODULE, student, workspace)


class _Listener:
    """A TCP server on 127.0.0.1 that counts the connections it accepts."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self):
        self.stop.set()
        self.thread.join(5)
        self.sock.close()


def _sandbox_owned(folder):
    """Files and folders directly in ``folder`` that a sandbox user id owns."""
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    found = []
    for entry in entries:
        try:
            if sandbox.is_sandbox_uid(entry.lstat().st_uid):
                found.append(entry)
        except OSError:
            pass
    return found


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """Grade the honest learner alone, then beside every hostile learner; return what happened."""
    from thinktwice.instructor.course_dir import init_course

    base = tmp_path_factory.mktemp("containment")
    made = init_course(base / "made", module_names=[MODULE])
    operations.release(made, [MODULE])
    course = copy_course(made, base / "course", cell_timeout=TIMEOUT)
    alone = copy_course(made, base / "alone", cell_timeout=TIMEOUT)
    _make_learner(alone, HONEST, base / "alone-learners" / HONEST, "")
    operations.collect(alone, [MODULE])
    alone_report = operations.grade(alone, [MODULE], progress=False)
    assert alone_report.failed == {}, alone_report.failed

    listener = _Listener()
    secrets = [
        str(course.root / "gradebook.db"),
        str(course.folder("source", MODULE) / f"{MODULE}.ipynb"),
        str(course.folder("submitted", MODULE, HONEST) / f"{MODULE}.ipynb"),
        str(course.root / "nbgrader_config.py"),
    ]
    sentinels = {}
    learners = base / "learners"
    _make_learner(course, HONEST, learners / HONEST, "")
    for case, code in HOSTILE_CODE.items():
        targets = [str(course.root / f"escape-{case}.txt"), f"/tmp/thinktwice-escape-{case}.txt"]
        sentinels[case] = targets
        probe = PROBE.format(secrets=secrets, targets=targets)
        _make_learner(
            course, case, learners / case, probe, code.replace("{port}", str(listener.port))
        )
    for case, edit in EDITED_NOTEBOOK.items():
        _make_learner(course, case, learners / case, "", edit=edit, ex3=WRONG_OVER_RELIANCE)
    for case in ("corrupt-json", "missing-notebook", "linked-notebook"):
        _make_learner(course, case, learners / case, "")
    operations.collect(course, [MODULE])

    submitted = course.folder("submitted", MODULE, "corrupt-json") / f"{MODULE}.ipynb"
    submitted.write_text('{"cells": [ this is not JSON')
    (course.folder("submitted", MODULE, "missing-notebook") / f"{MODULE}.ipynb").unlink()
    linked = course.folder("submitted", MODULE, "linked-notebook") / f"{MODULE}.ipynb"
    linked.unlink()  # the teacher's source notebook (all answers, hidden tests) in its place
    linked.symlink_to(course.root / "source" / MODULE / f"{MODULE}.ipynb")
    extra = course.folder("submitted", MODULE, "extra-files")
    with open(extra / "big.bin", "wb") as stream:
        stream.truncate(64 << 20)  # a large file the learner left in the folder
    (extra / "notes.txt").symlink_to(course.root / "gradebook.db")
    (extra / "nbgrader_config.py").write_text("c = get_config()\nc.Execute.timeout = 100000\n")
    (extra / "sub").mkdir()
    (extra / "sub" / "data.csv").write_text("a,b\n1,2\n")

    gradebook_before = (course.root / "gradebook.db").stat().st_mode
    report = operations.grade(course, [MODULE], progress=False)
    listener.close()
    leftover = _live_sandbox_processes()
    yield {
        "course": course,
        "report": report,
        "scores": cell_scores(course),
        "alone": cell_scores(alone),
        "listener": listener,
        "sentinels": sentinels,
        "leftover": leftover,
        "gradebook_mode": gradebook_before,
    }
    for pid in leftover:
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass


def _live_sandbox_processes():
    found = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            if not sandbox.is_sandbox_uid(os.stat(f"/proc/{name}").st_uid):
                continue
            with open(f"/proc/{name}/stat") as stream:
                state = stream.read().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            found.append(int(name))
    return found


def _scores(graded, student):
    return {
        grade_id: auto
        for (who, grade_id), (auto, _manual) in graded["scores"].items()
        if who == student and grade_id != "ex5-reflection"  # read by the teacher
    }


def _outputs(graded, student, grade_id="ex4-by-hand"):
    path = graded["course"].folder("autograded", MODULE, student) / f"{MODULE}.ipynb"
    cell = _by_grade_id(nbformat.read(path, as_version=4), grade_id)
    return json.dumps(cell.get("outputs", []))


def _printed(graded, student, grade_id="ex4-by-hand"):
    """What the learner's cell printed (its stream outputs, not tracebacks quoting its source)."""
    path = graded["course"].folder("autograded", MODULE, student) / f"{MODULE}.ipynb"
    cell = _by_grade_id(nbformat.read(path, as_version=4), grade_id)
    return "".join(o.get("text", "") for o in cell.get("outputs", []) if o.output_type == "stream")


def _assert_contained(graded, student, probed=True):
    """The checks every case shares: honest grade unchanged, nothing read or written."""
    honest = _scores(graded, HONEST)
    assert honest == _scores({"scores": graded["alone"]}, HONEST)
    assert honest == FULL
    assert f"{MODULE}/{HONEST}" not in graded["report"].failed
    course = graded["course"]
    for target in graded["sentinels"].get(student, []):
        assert not Path(target).exists(), f"{student} wrote {target}"
    for folder in (course.root, "/tmp", "/var/tmp", "/dev/shm"):
        assert _sandbox_owned(folder) == [], f"a sandbox wrote in {folder}"
    assert (course.root / "gradebook.db").stat().st_mode == graded["gradebook_mode"]
    if probed:
        printed = _printed(graded, student)
        assert "PROBE READ" not in printed and "PROBE WROTE" not in printed
        assert printed.count("PROBE DENIED") == 6, printed


def test_infinite_loop_is_stopped_and_scores_zero(graded):
    scores = _scores(graded, "loop")
    assert all(scores[g] == FULL[g] for g in BEFORE_EX4)
    assert all(scores[g] == 0 for g in EX4)
    _assert_contained(graded, "loop")


def test_burst_of_processes_is_bounded_and_ends(graded):
    outputs = _outputs(graded, "fork-burst")
    forked = int(outputs.split("FORKED ", 1)[1].split("\\n", 1)[0])
    assert 0 < forked < sandbox.Limits().max_processes
    assert graded["leftover"] == [], "processes of a sandbox outlived the grading"
    assert _scores(graded, "fork-burst") == FULL  # the burst itself costs nothing
    _assert_contained(graded, "fork-burst")


def test_memory_hog_gets_zero_for_its_cell(graded):
    assert "MemoryError" in _outputs(graded, "memory-hog")
    scores = _scores(graded, "memory-hog")
    assert all(scores[g] == FULL[g] for g in BEFORE_EX4)
    assert all(scores[g] == 0 for g in EX4)
    _assert_contained(graded, "memory-hog")


def test_output_flood_is_cut(graded):
    course = graded["course"]
    path = course.folder("autograded", MODULE, "output-flood") / f"{MODULE}.ipynb"
    assert path.stat().st_size < 8 << 20  # 200 MB of output were printed
    assert "truncated" in _outputs(graded, "output-flood")
    assert _scores(graded, "output-flood") == FULL
    _assert_contained(graded, "output-flood")


def test_sys_exit_scores_zero_for_what_it_skipped(graded):
    scores = _scores(graded, "sys-exit")
    assert all(scores[g] == FULL[g] for g in BEFORE_EX4)
    assert all(scores[g] == 0 for g in EX4)
    _assert_contained(graded, "sys-exit")


def test_os_exit_scores_zero_for_what_never_ran(graded):
    scores = _scores(graded, "os-exit")
    assert all(scores[g] == FULL[g] for g in BEFORE_EX4)
    assert all(scores[g] == 0 for g in EX4)
    # Its printed probe dies with the process; the other cases show what such reads get.
    _assert_contained(graded, "os-exit", probed=False)


def test_ignored_signals_are_killed(graded):
    scores = _scores(graded, "ignores-signals")
    assert all(scores[g] == FULL[g] for g in BEFORE_EX4)
    assert all(scores[g] == 0 for g in EX4)
    # Killed in that cell, it loses what it printed there; the other cases show the probes.
    _assert_contained(graded, "ignores-signals", probed=False)


def test_network_is_unreachable(graded):
    outputs = _outputs(graded, "network")
    assert "NETWORK FAILED" in outputs and "NETWORK CONNECTED" not in outputs
    assert graded["listener"].accepted == 0
    assert _scores(graded, "network") == FULL
    _assert_contained(graded, "network")


def test_deleted_test_cell_scores_zero(graded):
    scores = _scores(graded, "deleted-test")
    assert scores.get("ex3-test") in (0, None)
    assert sum(v or 0 for v in scores.values()) <= sum(FULL.values()) - FULL["ex3-test"]
    _assert_contained(graded, "deleted-test", probed=False)


def test_edited_test_cell_is_restored(graded):
    scores = _scores(graded, "edited-test")
    assert scores["ex3-test"] == 0  # the real test ran on the wrong answer, not "2"
    assert scores["ex2-test"] == FULL["ex2-test"]
    _assert_contained(graded, "edited-test", probed=False)


def test_changed_metadata_cannot_change_points(graded):
    scores = _scores(graded, "changed-metadata")
    assert scores.get("ex3-test") in (0, None)
    assert "ex2-renamed" not in scores
    assert sum(v or 0 for v in scores.values()) <= sum(FULL.values()) - FULL["ex3-test"]
    from nbgrader.api import Gradebook

    course = graded["course"]
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        cell = gradebook.find_grade_cell("ex3-test", MODULE, MODULE)
        assert cell.max_score == 2  # not the 100 points the learner wrote
    _assert_contained(graded, "changed-metadata", probed=False)


def test_corrupt_notebook_is_a_clear_error(graded):
    failed = graded["report"].failed
    key = f"{MODULE}/corrupt-json"
    assert key in failed
    assert f"{MODULE}.ipynb" in failed[key] or "JSON" in failed[key] or "json" in failed[key]
    submitted = graded["course"].folder("submitted", MODULE, "corrupt-json") / f"{MODULE}.ipynb"
    assert submitted.read_text() == '{"cells": [ this is not JSON'  # nothing lost
    _assert_contained(graded, "corrupt-json", probed=False)


def test_missing_notebook_is_a_clear_error(graded):
    failed = graded["report"].failed
    key = f"{MODULE}/missing-notebook"
    scores = _scores(graded, "missing-notebook")
    assert key in failed or sum(v or 0 for v in scores.values()) == 0
    if key in failed:
        assert f"{MODULE}.ipynb" in failed[key] or "missing" in failed[key].lower()
    _assert_contained(graded, "missing-notebook", probed=False)


def test_extra_files_change_nothing(graded):
    assert _scores(graded, "extra-files") == FULL  # its own config did not lift the limits
    submitted = graded["course"].folder("submitted", MODULE, "extra-files")
    assert (submitted / "big.bin").stat().st_size == 64 << 20
    assert (submitted / "sub" / "data.csv").read_text() == "a,b\n1,2\n"
    _assert_contained(graded, "extra-files")


def test_a_link_in_the_submission_does_not_reach_the_gradebook(graded):
    # A learner can swap a file of their inbound submission for a link before collect.
    assert "SQLite" not in _printed(graded, "extra-files")
    autograded = graded["course"].folder("autograded", MODULE, "extra-files")
    assert not (autograded / "notes.txt").exists()
    notes = graded["report"].notes[f"{MODULE}/extra-files"]
    assert any("notes.txt" in note and "symbolic link" in note for note in notes)


def test_a_notebook_that_is_a_link_is_refused_not_graded(graded):
    failed = graded["report"].failed
    key = f"{MODULE}/linked-notebook"
    assert key in failed and "symbolic link" in failed[key] and f"{MODULE}.ipynb" in failed[key]
    assert not any(_scores(graded, "linked-notebook").values())  # the teacher's answers earn 0
    assert not graded["course"].folder("autograded", MODULE, "linked-notebook").exists()
