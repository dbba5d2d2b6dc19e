"""Grades out of nbgrader's gradebook, with each learner's reliance measures, as CSV."""

from __future__ import annotations

import csv
import os
from pathlib import Path

from thinktwice.widgets import EvidenceError, RelianceTrial
from thinktwice.widgets.measures import MEASURE_NAMES, RelianceSummary

from .course_dir import Course, ensure_tools_on_path

COLUMNS = ("student", "module", "score", "max_score", "cases", *MEASURE_NAMES)


def reliance_of(course: Course, module_id: str, form: str, student: str) -> RelianceSummary | None:
    """The measures read back from a learner's graded evidence, or ``None`` if there is none."""
    folder = course.folder("autograded", module_id, student)
    if not folder.is_dir():
        folder = course.folder("submitted", module_id, student)
    try:
        return RelianceTrial(student, form=form, folder=folder).start().summary()
    except EvidenceError:
        return None


def grade_rows(course: Course, module_names: list[str] | None = None) -> list[dict]:
    """One row per learner and module: the gradebook's score and the reliance measures.

    Undefined measures are empty, never 0.
    """
    from nbgrader.api import Gradebook, MissingEntry

    ensure_tools_on_path()
    rows = []
    chosen = course.assignments(module_names)
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        students = sorted(s.id for s in gradebook.students)
        for module in chosen:
            for student in students:
                try:
                    submission = gradebook.find_submission(module.id, student)
                except MissingEntry:
                    continue
                row = {
                    "student": student,
                    "module": module.id,
                    "score": round(submission.score, 4),
                    "max_score": submission.max_score,
                }
                if module.reliance_form:
                    summary = reliance_of(course, module.id, module.reliance_form, student)
                    if summary is not None:
                        row.update(summary.as_row())
                rows.append(row)
    return rows


def export_csv(
    course: Course, out: str | os.PathLike[str], module_names: list[str] | None = None
) -> list[dict]:
    """Write :func:`grade_rows` to ``out`` as CSV and return the rows."""
    rows = grade_rows(course, module_names)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    with tmp.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.DictWriter(stream, fieldnames=COLUMNS, restval="")
        writer.writeheader()
        for row in rows:
            writer.writerow({k: ("" if v is None else v) for k, v in row.items() if k in COLUMNS})
    tmp.replace(out)
    return rows
