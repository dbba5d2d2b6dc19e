"""Varied learner submissions of module 0, for the grading tests and the grading benchmark.

Shared with the containment engineer (``tests/test_containment.py`` may import it): keep the
names of :data:`KINDS` and the signature of :func:`make_submissions` stable. Each kind is a
learner who fetches module 0, edits answer cells, works some cases of the reliance trial
through its Python API, and submits through nbgrader's exchange; :func:`make_submissions` then
collects, so ``submitted/`` is ready to grade.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

from thinktwice.instructor import operations
from thinktwice.instructor.answers import fill_answers
from thinktwice.instructor.course_dir import Course
from thinktwice.instructor.learner_side import fetch, submit
from thinktwice.widgets import RelianceTrial

MODULE = "m00_reliance"

_WRONG_OVER_RELIANCE = (
    "def over_reliance(records):\n"
    "    wrong = [r for r in records if r.ai != r.truth]\n"
    "    return sum(r.final == r.ai for r in wrong) / max(len(wrong), 1)\n"
)


@dataclass(frozen=True)
class Kind:
    """A kind of learner: answers (by grade id) over the model answers, and cases worked."""

    answers: dict[str, str] = field(default_factory=dict)
    solve: bool = True
    cases: int = 12
    skip: frozenset[str] = frozenset()


KINDS: dict[str, Kind] = {
    "correct": Kind(),
    "partial": Kind({"ex3-over-reliance": _WRONG_OVER_RELIANCE}, cases=6),
    "wrong": Kind(
        {
            "ex2-changed-share": "records = trial.records()\nchanged_share = 0.5\nchanged_share",
            "ex3-over-reliance": "def over_reliance(records):\n    return 0.0\n",
            "ex4-by-hand": "rair_by_hand = 0.5\nrsr_by_hand = 0.25\n",
        },
        cases=3,
    ),
    "blank": Kind(solve=False, cases=0),
    "raising": Kind(
        {
            "ex3-over-reliance": "def over_reliance(records):\n    raise ValueError('todo')\n",
            "ex4-by-hand": "rair_by_hand = 2 / 3\nrsr_by_hand = 1 / 0\n",
        },
        cases=12,
    ),
    "stderr": Kind(
        {
            "ex3-over-reliance": (
                "import sys\n\n\ndef over_reliance(records):\n"
                "    print('thinking...', file=sys.stderr)\n"
                "    wrong = [r for r in records if r.ai != r.truth]\n"
                "    return sum(r.final == r.ai for r in wrong) / len(wrong) if wrong else None\n"
            )
        },
        cases=9,
    ),
    "slow": Kind(
        {"ex4-by-hand": "import time\ntime.sleep(2)\nrair_by_hand = 2 / 3\nrsr_by_hand = 1 / 2\n"},
        cases=12,
    ),
    "loop": Kind(
        {"ex3-over-reliance": "def over_reliance(records):\n    while True:\n        pass\n"},
        cases=12,
    ),
    "sklearn": Kind(
        {
            "ex4-by-hand": (
                "from sklearn.linear_model import LogisticRegression\n"
                "import numpy as np\n"
                "model = LogisticRegression().fit(np.array([[0.0], [1.0]]), [0, 1])\n"
                "rair_by_hand = 2 / 3\nrsr_by_hand = float(model.predict([[1.0]])[0]) / 2\n"
            )
        },
        cases=12,
    ),
    "plot": Kind(
        {
            "ex2-changed-share": (
                "import matplotlib.pyplot as plt\n"
                "records = trial.records()\n"
                "plt.bar(['same', 'changed'], [1, 2])\nplt.show()\n"
                "changed_share = sum(r.final != r.first for r in records) / len(records)\n"
                "changed_share"
            )
        },
        cases=12,
    ),
    "input": Kind({"ex4-by-hand": "rair_by_hand = float(input('rair?'))\nrsr_by_hand = 0.5\n"}),
    # Says which process ran it: the grader's zygote is its grandparent (see test_grading_dask.py).
    "names-its-grader": Kind(
        {
            "ex4-by-hand": (
                # The learner's process is a child of the judge, itself a child of the zygote.
                "import os\n"
                "_judge = os.getppid()\n"
                "_stat = open(f'/proc/{_judge}/stat').read()\n"
                "print('run by zygote', _stat.rsplit(')', 1)[1].split()[1])\n"
                "rair_by_hand = 2 / 3\nrsr_by_hand = 1 / 2\n"
            )
        }
    ),
    "skipped-by-hand": Kind(skip=frozenset({"ex4-by-hand"}), cases=5),
}


def _work(course: Course, student: str, kind: Kind, workspace: Path, source) -> None:
    folder = fetch(course, MODULE, student, workspace)
    path = folder / f"{MODULE}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    if kind.solve:
        fill_answers(notebook, source, set(kind.skip), dict(kind.answers))
    nbformat.write(notebook, path)
    trial = RelianceTrial(student, form="A", folder=folder).start()
    for number in range(kind.cases):
        case = trial.current
        first = case.truth if number % 3 else (case.truth + 1) % 10
        trial.answer_first(first, 0.8)
        trial.answer_final(case.ai if number % 2 else first, 0.7)
    submit(course, MODULE, student, workspace)


def make_submissions(
    course: Course, kinds: list[str], workspace: str | Path, prefix: str = "learner"
) -> dict[str, str]:
    """Have one learner of each kind in ``kinds`` submit module 0, then collect.

    Returns the kind of each student id (``<prefix>NN-<kind>``). ``workspace`` holds the
    learners' own folders.
    """
    source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    students = {}
    for number, name in enumerate(kinds):
        student = f"{prefix}{number:02d}-{name}"
        _work(course, student, KINDS[name], Path(workspace) / student, source)
        students[student] = name
    operations.collect(course, [MODULE])
    return students


def copy_course(course: Course, target: str | Path, cell_timeout: float | None = None) -> Course:
    """A copy of the whole course folder (gradebook included), optionally with a cell timeout."""
    shutil.copytree(course.root, target, symlinks=True)
    copy = Course.open(target)
    if cell_timeout is not None:
        with open(copy.root / "nbgrader_config.py", "a", encoding="utf-8") as config:
            config.write(f"c.Execute.timeout = {int(cell_timeout)}\n")
        copy = Course.open(target)
    return copy


def cell_scores(course: Course) -> dict[tuple[str, str], tuple]:
    """Every graded cell's (auto score, needs manual grade), by (student, grade id).

    A rubric's task cell (0 points) is not a grade and is left out.
    """
    from nbgrader.api import Gradebook

    scores = {}
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        for student in gradebook.students:
            try:
                submission = gradebook.find_submission_notebook(MODULE, MODULE, student.id)
            except Exception:  # noqa: BLE001 - no submission for this student
                continue
            for grade in submission.grades:
                if not grade.max_score:
                    continue
                scores[(student.id, grade.name)] = (grade.auto_score, grade.needs_manual_grade)
    return scores
