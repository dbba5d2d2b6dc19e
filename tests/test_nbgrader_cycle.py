"""The whole nbgrader cycle in a temporary folder: release, fetch, work, submit, collect, grade."""

import csv
import re
from html import unescape

import nbformat
import pytest
from nbgrader.api import Gradebook

from thinktwice.instructor import operations
from thinktwice.instructor.answers import fill_answers
from thinktwice.instructor.export import export_csv
from thinktwice.instructor.learner_side import fetch, submit
from thinktwice.widgets import RelianceTrial
from thinktwice.widgets.evidence import FILENAME

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]
MODULE = "m00_reliance"
AUTOGRADED_MAX = 7.0  # 2 + 1 + 2 + 1 + 1


def _work(course, student, workspace, answers, cases_done, replace=None):
    folder = fetch(course, MODULE, student, workspace)
    path = folder / f"{MODULE}.ipynb"
    nb = nbformat.read(path, as_version=4)
    if answers == "solution":
        source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
        fill_answers(nb, source, text=replace)
    nbformat.write(nb, path)
    trial = RelianceTrial(student, folder=folder).start()
    for _ in range(cases_done):
        trial.answer_first(trial.current.truth, 0.8)
        trial.answer_final(trial.current.ai, 0.7)
    submit(course, MODULE, student, workspace)
    return folder


def _cell_scores(course, student):
    with Gradebook(course.db_url, course_id=course.course_id) as gb:
        sub = gb.find_submission_notebook(MODULE, MODULE, student)
        return {g.name: g.score for g in sub.grades if g.cell.cell_type == "code"}


def test_solution_full_marks_untouched_zero_partial_partial(released_course, tmp_path):
    course = released_course
    work = tmp_path / "learners"
    solved = _work(course, "aiko", work / "aiko", "solution", cases_done=12)
    _work(course, "ben", work / "ben", "untouched", cases_done=0)
    # Chie finishes half the trial and writes an over_reliance that forgets the undefined case.
    wrong_function = (
        "def over_reliance(records):\n"
        "    wrong = [r for r in records if r.ai != r.truth]\n"
        "    return sum(r.final == r.ai for r in wrong) / max(len(wrong), 1)\n"
    )
    _work(course, "chie", work / "chie", "solution", 6, {"ex3-over-reliance": wrong_function})
    evidence_at_submit = (solved / FILENAME).read_bytes()

    assert operations.collect(course, [MODULE]).done[MODULE] == ["aiko", "ben", "chie"]
    report = operations.grade(course, [MODULE], progress=False)
    assert report.failed == {} and sorted(report.done[MODULE]) == ["aiko", "ben", "chie"]

    aiko, ben, chie = (_cell_scores(course, s) for s in ("aiko", "ben", "chie"))
    assert sum(aiko.values()) == AUTOGRADED_MAX
    assert sum(ben.values()) == 0
    assert chie["ex1-trial-completed"] == 1.0  # 6 of 12 cases, of 2 points
    assert chie["ex3-test"] == 1.0  # the two hidden checks of 4 fail
    assert chie["ex2-test"] == 1.0 and chie["ex4-rair-test"] == 1.0

    # The evidence travelled with submit and collect, and grading did not change it.
    for kind in ("submitted", "autograded"):
        assert (course.folder(kind, MODULE, "aiko") / FILENAME).read_bytes() == evidence_at_submit

    export_csv(course, tmp_path / "grades.csv")
    with open(tmp_path / "grades.csv", newline="") as stream:
        rows = {r["student"]: r for r in csv.DictReader(stream)}
    assert float(rows["aiko"]["score"]) == AUTOGRADED_MAX
    assert rows["aiko"]["cases"] == "12" and rows["aiko"]["over_reliance"] == "1.0"
    assert rows["ben"]["cases"] == "0" and rows["ben"]["rair"] == ""  # undefined, not 0

    feedback = operations.feedback(course, [MODULE])
    assert MODULE in feedback.done
    html = (course.root / "feedback" / "aiko" / MODULE / f"{MODULE}.html").read_text()
    assert "You completed 12 of 12 cases" in html
    # The trial's view and trial.report() read as results, not as widget reprs or escaped markup.
    for repr_text in ("View(children=", "HTML(value=", "RelianceReport("):
        assert repr_text not in html, repr_text
    assert "&lt;table" not in html and "&lt;tr&gt;" not in html
    # Aiko's own numbers: first answers always right, final answers always the AI's.
    shown = unescape(html)
    assert len(re.findall("<table class=.tt-summary.>", shown)) == 2  # the view, and the report
    # Both review every case with its image and the right digit, and read the figures out.
    assert len(re.findall("class=.tt-review-digit.", shown)) == 24
    assert shown.count("you followed it on 4 of its 4 mistakes") == 2
    for name, value in [
        ("Your accuracy alone (first answers)", "100% (12 of 12)"),
        ("The AI's accuracy", "67% (8 of 12)"),
        ("Followed the AI when it was wrong (over-reliance)", "100% (4 of 4)"),
    ]:
        assert re.search(f"{re.escape(name)}</th><td[^>]*>{re.escape(value)}</td>", shown), name


def test_second_grade_run_keeps_grades(released_course, tmp_path):
    course = released_course
    _work(course, "aiko", tmp_path / "aiko", "solution", cases_done=12)
    operations.collect(course, [MODULE])
    operations.grade(course, [MODULE], progress=False)
    first = _cell_scores(course, "aiko")
    operations.grade(course, [MODULE], progress=False)
    assert _cell_scores(course, "aiko") == first
