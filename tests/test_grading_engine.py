"""The grading engine at scale: incremental runs, --force, retries, failures reported, progress."""

import json
import os
import shutil
import signal
import stat
import threading

import nbformat
import pytest

from thinktwice.autograder.engine import (
    Limits,
    SubmissionJob,
    WorkerStartError,
    execute_submission,
    workers,
)
from thinktwice.autograder.engine.zygote import Zygote
from thinktwice.instructor import cli, operations
from thinktwice.instructor.learner_side import submit

from .submissions import MODULE, cell_scores, make_submissions

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def _total(course, student):
    return sum(score or 0 for (who, _), (score, _) in cell_scores(course).items() if who == student)


def test_second_run_grades_only_new_or_changed_submissions(released_course, tmp_path, capsys):
    course = released_course
    students = make_submissions(course, ["correct", "blank"], tmp_path / "learners")
    correct, blank = sorted(students)

    assert cli.main(["grade", "--course", str(course.root), "--workers", "2"]) == 0
    out, err = capsys.readouterr()
    assert f"graded {MODULE}: " in out and correct in out and blank in out
    assert f"grading {MODULE}" in err and "2/2" in err  # the progress bar, with its total
    first = cell_scores(course)
    assert _total(course, correct) == 7.0 and _total(course, blank) == 0.0

    report = operations.grade(course, [MODULE], progress=False)
    assert report.done[MODULE] == [] and report.failed == {}
    assert "2 unchanged" in report.skipped[MODULE]
    assert cell_scores(course) == first

    # The blank learner solves the exercises and submits again; only they are graded again.
    workspace = tmp_path / "learners" / blank
    path = workspace / course.course_id / MODULE / f"{MODULE}.ipynb"
    source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    from thinktwice.instructor.answers import fill_answers

    nbformat.write(fill_answers(nbformat.read(path, as_version=4), source), path)
    submit(course, MODULE, blank, workspace)
    operations.collect(course, [MODULE])
    report = operations.grade(course, [MODULE], progress=False)
    assert report.done[MODULE] == [blank]
    assert _total(course, blank) == 5.0  # every exercise but the trial, which has no cases

    report = operations.grade(course, [MODULE], progress=False, force=True)
    assert sorted(report.done[MODULE]) == sorted([blank, correct])

    # A graded copy that has gone missing is graded again.
    shutil.rmtree(course.folder("autograded", MODULE, correct))
    assert operations.grade(course, [MODULE], progress=False).done[MODULE] == [correct]

    # A changed test in the source folder re-grades everyone.
    (course.folder("source", MODULE) / "notes.txt").write_text("a new data file for the tests")
    report = operations.grade(course, [MODULE], progress=False)
    assert sorted(report.done[MODULE]) == sorted([blank, correct])


def _flaky_python(tmp_path, failures):
    """A Python that fails to start ``failures`` times, then starts for real."""
    script = tmp_path / "flaky-python"
    count = tmp_path / "starts"
    script.write_text(
        "#!/bin/sh\n"
        f'echo start >> "{count}"\n'
        f'if [ "$(wc -l < "{count}")" -le {failures} ]; then echo "no such luck" >&2; exit 1; fi\n'
        f'exec "{os.sys.executable}" "$@"\n'
    )
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), count


def test_a_worker_that_fails_to_start_is_retried(released_course, tmp_path, monkeypatch):
    course = released_course
    students = make_submissions(course, ["correct"], tmp_path / "learners")
    python, starts = _flaky_python(tmp_path, failures=1)
    real_runner = workers.LocalRunner
    monkeypatch.setattr(workers, "LocalRunner", lambda: real_runner(python=python))

    report = operations.grade(course, [MODULE], progress=False)
    assert report.failed == {} and report.done[MODULE] == list(students)
    assert len(starts.read_text().splitlines()) == 2  # one failed start, one that worked
    assert _total(course, next(iter(students))) == 7.0


def test_a_worker_that_never_starts_is_reported_and_no_stale_grade_remains(
    released_course, tmp_path, monkeypatch, capsys
):
    course = released_course
    students = make_submissions(course, ["correct"], tmp_path / "learners")
    (student,) = students
    assert operations.grade(course, [MODULE], progress=False).failed == {}
    assert _total(course, student) == 7.0

    real_runner = workers.LocalRunner
    monkeypatch.setattr(workers, "LocalRunner", lambda: real_runner(python="/bin/false"))
    code = cli.main(["grade", "--course", str(course.root), "--force", "--quiet"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"FAILED {MODULE}/{student}" in err and "did not start" in err
    assert "tried 3 times" in err and "cleared" in err
    # The old autograded copy is gone and the gradebook no longer shows the old scores as current.
    assert not course.folder("autograded", MODULE, student).exists()
    assert all(score is None for score, _ in cell_scores(course).values())
    assert all(needs_review for _, needs_review in cell_scores(course).values())
    state = json.loads((course.root / operations.STATE_FILE).read_text())
    assert student not in state["graded"].get(MODULE, {})

    # Once the worker starts again, the next plain run grades the learner again.
    monkeypatch.setattr(workers, "LocalRunner", real_runner)
    assert operations.grade(course, [MODULE], progress=False).done[MODULE] == [student]
    assert _total(course, student) == 7.0


def _notebook(*sources):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(s) for s in sources]
    return nbformat.writes(nb)


def test_execute_submission_gives_kernel_like_outputs_and_stops_a_runaway_cell():
    zygote = Zygote()
    try:
        job = SubmissionJob(
            "aiko",
            "m00",
            _notebook(
                "import sys, os\nprint('out')\nprint('err', file=sys.stderr)\n6 * 7",
                "open('data.txt').read()",
                "while True:\n    pass",
                "input('name?')",
                "1 / 0",
                "os.getcwd().split(os.sep)[-3:]",
                "os.system('echo from a subprocess >&2')\n7",
            ),
            files={"data.txt": b"hello"},
            limits=Limits(cell_timeout=2),
        )
        result = execute_submission(job, zygote)
    finally:
        zygote.stop()
    cells = nbformat.reads(result.notebook, as_version=4).cells
    first = cells[0].outputs
    assert [(o.output_type, o.get("name")) for o in first] == [
        ("stream", "stdout"),
        ("stream", "stderr"),
        ("execute_result", None),
    ]
    assert first[2].data["text/plain"] == "42"
    assert cells[1].outputs[0].data["text/plain"] == "'hello'"
    assert {o.ename for o in cells[2].outputs} == {"KeyboardInterrupt", "CellTimeoutError"}
    assert cells[3].outputs[0].ename == "StdinNotImplementedError"
    assert cells[4].outputs[0].ename == "ZeroDivisionError"
    # The cells after the runaway one still ran, in the nbgrader-shaped working copy.
    assert cells[5].outputs[0].data["text/plain"] == "['autograded', 'aiko', 'm00']"
    # Output of other processes keeps its place: nbgrader gives no points for stderr that
    # comes before the result.
    assert [(o.output_type, o.get("name")) for o in cells[6].outputs] == [
        ("stream", "stderr"),
        ("execute_result", None),
    ]
    assert result.problems == ["cell 3: stopped after 2 s"]


def test_a_zygote_that_dies_mid_run_is_a_retry_not_a_zero_for_the_learner():
    from thinktwice.autograder.engine.pipeline import run_with_retries

    zygote = Zygote()
    job = SubmissionJob("aiko", "m00", _notebook("import time\ntime.sleep(3)", "6 * 7"))
    try:
        zygote.start()
        first = zygote.process.pid
        threading.Timer(1.0, os.kill, (first, signal.SIGKILL)).start()
        with pytest.raises(WorkerStartError, match="died"):
            execute_submission(job, zygote)
        result = run_with_retries(lambda j: execute_submission(j, zygote), job)
        assert zygote.process.pid != first  # a new zygote ran it
    finally:
        zygote.stop()
    cells = nbformat.reads(result.notebook, as_version=4).cells
    assert cells[0].outputs == [] and cells[1].outputs[0].data["text/plain"] == "42"


def test_bad_grading_options_and_a_damaged_state_file_are_clear_errors(released_course, capsys):
    course = released_course
    assert cli.main(["grade", "--course", str(course.root), "--workers", "0"]) == 1
    assert "--workers must be at least 1, not 0" in capsys.readouterr().err

    state = course.root / operations.STATE_FILE
    state.parent.mkdir(parents=True, exist_ok=True)
    state.write_text("{not json")
    assert cli.main(["grade", "--course", str(course.root)]) == 1
    err = capsys.readouterr().err
    assert str(state) in err and "cannot be read" in err
    assert state.read_text() == "{not json"  # left for the teacher to look at, not replaced
