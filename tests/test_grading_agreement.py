"""`thinktwice grade` writes the same per-cell scores to the gradebook as `nbgrader autograde`."""

import warnings

import pytest

from thinktwice.instructor import operations

from .submissions import MODULE, cell_scores, copy_course, make_submissions

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

#: Short, so the infinite loop costs little, yet well above what any other cell takes on a busy
#: machine (stock nbgrader imports scikit-learn in its first cell); the same for both graders.
TIMEOUT = 10
KINDS = ["correct", "wrong", "partial", "raising", "blank", "stderr", "slow", "loop"]
KINDS += ["plot", "input"]  # a figure, and input() with no one to answer


def _stock_autograde(course, students):
    api = course.api()
    for student in students:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*not in session.*")
            result = api.autograde(MODULE, student)
        assert result["success"], result.get("error")


def test_engine_and_stock_nbgrader_give_the_same_cell_scores(released_course, tmp_path):
    students = make_submissions(released_course, KINDS, tmp_path / "learners")
    stock = copy_course(released_course, tmp_path / "stock", cell_timeout=TIMEOUT)
    ours = copy_course(released_course, tmp_path / "ours", cell_timeout=TIMEOUT)

    _stock_autograde(stock, sorted(students))
    report = operations.grade(ours, [MODULE], progress=False, workers=2)
    assert report.failed == {}
    assert sorted(report.done[MODULE]) == sorted(students)
    # The teacher is told which cell ran into the time limit, and nothing else is flagged.
    (note,) = report.notes.values()
    assert list(report.notes) == [f"{MODULE}/{_student(students, 'loop')}"]
    assert note == [f"cell ex3-test: stopped after {TIMEOUT} s"]

    expected, got = cell_scores(stock), cell_scores(ours)
    assert len(expected) == len(students) * 6  # five test cells and the reflection
    differences = {
        key: (expected[key], got.get(key)) for key in expected if got.get(key) != expected[key]
    }
    assert differences == {}, f"cells scored differently (stock, engine): {differences}"

    # The kinds really differ, so agreement is not agreement on all-zero or all-full.
    totals = {
        students[s]: sum(score or 0 for (who, _), (score, _) in got.items() if who == s)
        for s in students
    }
    assert totals["correct"] == 7.0 and totals["blank"] == 0.0
    assert 0 < totals["loop"] < 7 and 0 < totals["stderr"] < 7 and 0 < totals["partial"] < 7
    assert totals["raising"] < totals["correct"] and totals["wrong"] < totals["partial"]
    assert got[(_student(students, "loop"), "ex3-test")][0] == 0.0
    assert got[(_student(students, "slow"), "ex4-rair-test")][0] == 1.0

    # nbgrader's own files are there for formgrader and feedback, as stock writes them.
    for student in students:
        assert (ours.folder("autograded", MODULE, student) / f"{MODULE}.ipynb").is_file()


def _student(students, kind):
    return next(s for s, k in students.items() if k == kind)
