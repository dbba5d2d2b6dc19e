"""``thinktwice demo``: a simulated class works module 0 through real nbgrader."""

from __future__ import annotations

import os
from collections import defaultdict
from pathlib import Path
from statistics import mean

import nbformat
from tqdm import tqdm

from thinktwice.widgets import RelianceTrial
from thinktwice.widgets.identity import variant_seed

from . import operations
from .answers import fill_answers
from .course_dir import init_course
from .errors import ThinkTwiceError
from .export import export_csv
from .learner_side import fetch, submit
from .simulated_class import make_class

MODULE = "m00_reliance"
SUMMARY_MEASURES = ("score", "rair", "rsr", "over_reliance", "under_reliance", "team_accuracy")


def run_demo(students: int, out: str | os.PathLike[str], progress: bool = True) -> list[dict]:
    """Make a course in ``out``, have ``students`` simulated learners take module 0, grade them.

    Writes ``out/grades.csv`` and returns its rows, each with the learner's ``policy``.
    """
    if students < 1:
        raise ThinkTwiceError("--students must be at least 1")
    out = Path(out)
    if out.exists() and any(out.iterdir()):
        raise ThinkTwiceError(f"{out}: not empty; choose a new folder for the demo")
    course = init_course(out, module_names=[MODULE])
    operations.release(course, [MODULE])
    source = nbformat.read(course.folder("source", MODULE) / f"{MODULE}.ipynb", as_version=4)
    learners = make_class(students)
    for number, learner in enumerate(tqdm(learners, desc="learners working", disable=not progress)):
        workspace = out / "learners" / learner.student
        folder = fetch(course, MODULE, learner.student, workspace)
        notebook_path = folder / f"{MODULE}.ipynb"
        released = nbformat.read(notebook_path, as_version=4)
        # Every third learner leaves the by-hand exercise blank, so scores differ too.
        skip = {"ex4-by-hand"} if number % 3 == 2 else set()
        reflection = {"ex5-reflection": f"I followed my policy, {learner.policy}, on every case."}
        nbformat.write(fill_answers(released, source, skip, reflection), notebook_path)
        trial = RelianceTrial(learner.student, form="A", folder=folder).start()
        learner.work_trial(trial, seed=variant_seed(learner.student, "demo"))
        submit(course, MODULE, learner.student, workspace)
    operations.collect(course, [MODULE])
    report = operations.grade(course, [MODULE], progress=progress)
    if report.failed:
        raise ThinkTwiceError(f"grading failed for: {', '.join(sorted(report.failed))}")
    rows = export_csv(course, out / "grades.csv", [MODULE])
    policy_of = {learner.student: learner.policy for learner in learners}
    for row in rows:
        row["policy"] = policy_of.get(row["student"], "")
    return rows


def summary_table(rows: list[dict]) -> str:
    """Mean of each measure per policy, as a fixed-width table (undefined values left out)."""
    by_policy: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        by_policy[row["policy"]].append(row)
    header = f"{'policy':<24}{'n':>3}" + "".join(f"{m:>16}" for m in SUMMARY_MEASURES)
    lines = [header, "-" * len(header)]
    for policy, group in by_policy.items():
        cells = []
        for measure in SUMMARY_MEASURES:
            values = [r[measure] for r in group if r.get(measure) is not None]
            cells.append(f"{mean(values):>16.2f}" if values else f"{'undefined':>16}")
        lines.append(f"{policy:<24}{len(group):>3}" + "".join(cells))
    return "\n".join(lines)
