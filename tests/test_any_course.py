"""Every teacher command works on any nbgrader course: a quickstart course, or a teacher's own
assignment added to a Think Twice course, and `thinktwice grade` scores them as stock does."""

from __future__ import annotations

import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import nbformat
import pytest

from thinktwice.instructor import operations
from thinktwice.instructor.cli import main
from thinktwice.instructor.course_dir import Course, init_course
from thinktwice.instructor.errors import ThinkTwiceError

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

NBGRADER = str(Path(sys.executable).with_name("nbgrader"))
#: A `squares` with the right values that accepts bad input: it fails one test of four.
WRONG_SQUARES = "def squares(n):\n    return [i * i for i in range(1, n + 1)]\n"


def _quickstart(folder: Path) -> Course:
    """``nbgrader quickstart`` as a teacher runs it, with its exchange kept inside the test."""
    folder.mkdir(parents=True)
    subprocess.run([NBGRADER, "quickstart", "qs"], cwd=folder, check=True, capture_output=True)
    root = folder / "qs"
    with open(root / "nbgrader_config.py", "a", encoding="utf-8") as config:
        config.write(f"\nc.Exchange.root = {str(folder / 'exchange')!r}\n")
    (folder / "exchange").mkdir()
    return Course.open(root)


def _submit_by_hand(course: Course, assignment: str, students: dict[str, str]) -> None:
    """Place submissions in ``submitted/`` as nbgrader's submit and collect leave them.

    ``students`` maps a student to a kind: ``correct`` (the source with its solutions),
    ``blank`` (the release, untouched) or ``wrong`` (the release with a wrong ``squares``).
    """
    for student, kind in students.items():
        target = course.folder("submitted", assignment, student)
        target.mkdir(parents=True)
        origin = course.folder("source" if kind == "correct" else "release", assignment)
        for notebook in origin.glob("*.ipynb"):
            nb = nbformat.read(notebook, as_version=4)
            if kind == "wrong":
                for cell in nb.cells:
                    if cell.metadata.get("nbgrader", {}).get("grade_id") == "squares":
                        cell.source = WRONG_SQUARES
            nbformat.write(nb, target / notebook.name)
        (target / "timestamp.txt").write_text("2026-12-01 10:00:00.000000 UTC\n")
        (target / "submission_secret.txt").write_text(f"secret-of-{student}")  # as submit writes


def _scores(course: Course, assignment: str) -> dict:
    from nbgrader.api import Gradebook

    found = {}
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        for submission in gradebook.assignment_submissions(assignment):
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    key = (submission.student.id, notebook.name, grade.name)
                    found[key] = (grade.auto_score, grade.needs_manual_grade)
    return found


def test_a_quickstart_course_grades_as_stock_nbgrader_grades_it(tmp_path):
    course = _quickstart(tmp_path / "ours")
    assert [a.id for a in course.assignments()] == ["ps1"]
    report = operations.release(course)  # no assignment named: all of the course's
    assert list(report.done) == ["ps1"]
    assert (course.exchange_root / "qs" / "outbound" / "ps1" / "problem1.ipynb").is_file()
    kinds = {"ann": "correct", "bo": "blank", "cy": "wrong"}
    _submit_by_hand(course, "ps1", kinds)

    stock_root = tmp_path / "stock"
    shutil.copytree(course.root.parent, stock_root, symlinks=True)
    stock = Course.open(stock_root / "qs")
    api = stock.api()  # `nbgrader autograde ps1 --student ...`, in this process
    for student in kinds:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*not in session.*")
            result = api.autograde("ps1", student)
        assert result["success"], result.get("error")

    graded = operations.grade(course, ["ps1"], progress=False, workers=2)
    assert graded.failed == {}, graded.failed
    assert sorted(graded.done["ps1"]) == sorted(kinds)
    ours, theirs = _scores(course, "ps1"), _scores(stock, "ps1")
    assert len(theirs) == 3 * 9, sorted(theirs)  # two notebooks, nine grades, three learners
    assert ours == theirs
    total = {s: sum(v[0] or 0 for (who, _nb, _g), v in ours.items() if who == s) for s in kinds}
    assert total["bo"] < total["cy"] < total["ann"], total

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not in session.*")
        feedback = operations.feedback(course)
    assert sorted(feedback.done["ps1"]) == sorted(kinds)
    assert (course.root / "feedback" / "ann" / "ps1" / "problem1.html").is_file()
    out = tmp_path / "grades.csv"
    assert main(["export", "--course", str(course.root), "--out", str(out)]) == 0
    rows = out.read_text("utf-8").splitlines()
    assert rows[0].startswith("student,") and len(rows) == 1 + len(kinds)
    assert all(",ps1," in row for row in rows[1:])


def test_a_teachers_own_assignment_in_a_think_twice_course_is_released_and_graded(tmp_path, capsys):
    course = init_course(tmp_path / "course", module_names=["m00"])
    qs = _quickstart(tmp_path / "elsewhere")
    shutil.copytree(qs.folder("source", "ps1"), course.folder("source", "hw1"))
    assert [a.id for a in course.assignments()] == ["m00_reliance", "hw1"]
    assert course.assignments(["0"])[0].module.id == "m00_reliance"
    assert course.assignments(["hw1"])[0].module is None

    assert main(["release", "--course", str(course.root), "hw1"]) == 0
    assert "released hw1" in capsys.readouterr().out
    _submit_by_hand(course, "hw1", {"dee": "correct"})
    assert main(["grade", "--course", str(course.root), "hw1", "--quiet"]) == 0
    assert "graded hw1: dee" in capsys.readouterr().out
    auto = [score for score, manual in _scores(course, "hw1").values() if not manual]
    assert sum(auto) == 3.0  # every autograded test of ps1 passes with its solutions

    assert main(["grade", "--course", str(course.root), "hw2"]) == 1
    err = capsys.readouterr().err
    assert "unknown assignment 'hw2'" in err and "m00_reliance, hw1" in err
    with pytest.raises(ThinkTwiceError, match="unknown assignment 'm03'"):
        course.assignments(["m03"])  # a Think Twice module this course was not made with
