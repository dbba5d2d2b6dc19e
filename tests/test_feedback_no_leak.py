"""`thinktwice feedback` shows which checks passed and why, never the hidden tests (nbgrader #917).

Module 0's ``ex3-test`` holds two hidden checks. Stock ``nbgrader generate_feedback`` shows their
source to the learner; ``thinktwice feedback`` must not, even when the learner's own code prints
the cells that ran before it, and must still show the points and the teaching messages.
"""

import html
import re

import nbformat
import pytest

from thinktwice.instructor import operations
from thinktwice.instructor.answers import fill_answers
from thinktwice.instructor.learner_side import _exchange_app, fetch, submit
from thinktwice.widgets import RelianceTrial

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]
MODULE = "m00_reliance"
# Lines of the hidden block in course/modules/m00_reliance.py that appear nowhere visible.
HIDDEN_SOURCE = [
    "([Trial(1, 1, 1, 1), Trial(4, 4, 5, 4)],),",
    'checks.Case(([],), None, hint="What if there are no records at all?", hidden=True),',
    "_cases += [",
]
# A learner whose answer cell prints every cell that ran before it (the hidden tests included)
# and saves them to a file beside the notebook.
PRYING_ANSWER = (
    "print('\\n'.join(In))\n"
    "open('stolen.html', 'w').write('\\n'.join(In))\n"
    "rair_by_hand = 2 / 3\n"
    "rsr_by_hand = 1 / 2\n"
)
WRONG_FUNCTION = (
    "def over_reliance(records):\n"
    "    wrong = [r for r in records if r.ai != r.truth]\n"
    "    return sum(r.final == r.ai for r in wrong) / max(len(wrong), 1)\n"
)


def _work(course, student, workspace, replace):
    folder = fetch(course, MODULE, student, workspace)
    path = folder / f"{MODULE}.ipynb"
    source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    nbformat.write(fill_answers(nbformat.read(path, as_version=4), source, text=replace), path)
    trial = RelianceTrial(student, folder=folder).start()
    while trial.current is not None:
        trial.answer_first(trial.current.truth, 0.8)
        trial.answer_final(trial.current.ai, 0.7)
    submit(course, MODULE, student, workspace)


def _feedback_files(course, student):
    folder = course.root / "feedback" / student / MODULE
    return sorted(p for p in folder.rglob("*") if p.is_file())


def _leaked(path):
    """The hidden lines in a file, read as text and as rendered HTML (tags and escapes removed)."""
    raw = path.read_text("utf-8", errors="replace")
    shown = html.unescape(re.sub(r"<[^>]+>", "", raw))
    return [line for line in HIDDEN_SOURCE if line in raw or line in shown]


def test_feedback_shows_checks_and_messages_but_never_hidden_tests(released_course, tmp_path):
    course = released_course
    notebook = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    source = "\n".join(cell.source for cell in notebook.cells)
    assert all(line in source for line in HIDDEN_SOURCE)  # the test looks for real hidden lines
    _work(course, "aiko", tmp_path / "aiko", {})
    _work(
        course,
        "chie",
        tmp_path / "chie",
        {"ex3-over-reliance": WRONG_FUNCTION, "ex4-by-hand": PRYING_ANSWER},
    )
    operations.collect(course, [MODULE])
    report = operations.grade(course, [MODULE], progress=False)
    assert report.failed == {}

    # Stock nbgrader feedback shows the hidden tests: this is the bug being fixed.
    assert course.api().generate_feedback(MODULE)["success"]
    stock = course.root / "feedback" / "aiko" / MODULE / f"{MODULE}.html"
    assert _leaked(stock) == HIDDEN_SOURCE

    result = operations.feedback(course, [MODULE])
    assert sorted(result.done[MODULE]) == ["aiko", "chie"]
    for student in ("aiko", "chie"):
        files = _feedback_files(course, student)
        assert any(p.name == f"{MODULE}.html" for p in files)
        for path in files:
            assert _leaked(path) == [], path

    aiko = (course.root / "feedback" / "aiko" / MODULE / f"{MODULE}.html").read_text()
    chie = (course.root / "feedback" / "chie" / MODULE / f"{MODULE}.html").read_text()
    # Which checks passed, with the points, and the teaching messages, are all still there.
    assert "You completed 12 of 12 cases" in aiko
    assert aiko.count("✔ hidden check") == 2 and "✔ check 1" in aiko
    assert "✘ hidden check" in chie
    assert "What should the measure be when the AI was never wrong?" in chie
    text = html.unescape(re.sub(r"<[^>]+>", "", chie))  # the page as read, not its highlighting
    # The visible part of the test cell is shown, once: the prying answer printed the cells it
    # could see, and the test cells were never among them (they run in the judge).
    assert text.count("checks.score_function(over_reliance, _cases, points=2)") == 1
    assert "1.0 / 2.0" in chie or "1 / 2" in chie  # ex3: half the points

    # The learner fetches it with nbgrader's own fetch_feedback, and it is the same clean file.
    _exchange_app(course, "FetchFeedback", MODULE, "chie", tmp_path / "chie").start()
    fetched = sorted((tmp_path / "chie").rglob(f"feedback/*/{MODULE}.html"))
    assert fetched, "fetch_feedback found no feedback"
    assert _leaked(fetched[-1]) == []
    assert "✘ hidden check" in fetched[-1].read_text()

    # The autograded notebooks are untouched: the teacher still has the hidden tests there.
    autograded = course.folder("autograded", MODULE, "aiko") / f"{MODULE}.ipynb"
    graded = nbformat.read(autograded, as_version=4)
    assert HIDDEN_SOURCE[0] in "\n".join(cell.source for cell in graded.cells)
