"""What a teacher does to a course: release, collect, grade, return feedback.

Each step is a plain function over nbgrader's own API, so formgrader, the gradebook and feedback
keep working on what these functions produce.
"""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field

from tqdm import tqdm

from .course_dir import Course, resolve_modules
from .errors import ThinkTwiceError


@dataclass
class StepReport:
    """What one step did, per module: which students or items, and which failed and why."""

    done: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)


def _last_lines(result: dict, count: int = 6) -> str:
    text = (result.get("error") or result.get("log") or "").strip().splitlines()
    return " | ".join(line.strip() for line in text[-count:]) or "no detail from nbgrader"


def _run(step: str, action: Callable[[], dict]) -> None:
    result = action()
    if not result.get("success"):
        raise ThinkTwiceError(f"{step} failed: {_last_lines(result)}")


def release(
    course: Course, module_names: list[str] | None = None, force: bool = False
) -> StepReport:
    """Generate the learners' version of each module and release it to the exchange.

    A module already released is left alone unless ``force`` is set.
    """
    api = course.api()
    report = StepReport()
    for module in resolve_modules(module_names):
        if not course.folder("source", module.id).is_dir():
            raise ThinkTwiceError(
                f"{course.folder('source', module.id)}: no source for module {module.id!r} "
                "in this course"
            )
        outbound = course.root / "exchange" / course.course_id / "outbound" / module.id
        if outbound.exists() and not force:
            report.skipped[module.id] = "already released (use --force to release again)"
            continue
        _run(f"generating {module.id}", lambda m=module.id: api.generate_assignment(m))
        if outbound.exists():
            shutil.rmtree(outbound)
        _run(f"releasing {module.id}", lambda m=module.id: api.release_assignment(m))
        report.done[module.id] = []
    return report


def collect(course: Course, module_names: list[str] | None = None) -> StepReport:
    """Collect learners' submissions of each released module from the exchange."""
    api = course.api()
    report = StepReport()
    for module in resolve_modules(module_names):
        _run(f"collecting {module.id}", lambda m=module.id: api.collect(m))
        report.done[module.id] = submitted_students(course, module.id)
    return report


def submitted_students(course: Course, module_id: str) -> list[str]:
    """Students with a collected submission of ``module_id``."""
    folder = course.root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / module_id).is_dir())


def grade(
    course: Course,
    module_names: list[str] | None = None,
    students: list[str] | None = None,
    progress: bool = True,
) -> StepReport:
    """Autograde collected submissions with nbgrader, one report line per failure.

    A submission that fails to grade is reported by name; the others are graded regardless.
    """
    api = course.api()
    report = StepReport()
    for module in resolve_modules(module_names):
        chosen = [s for s in submitted_students(course, module.id) if not students or s in students]
        report.done[module.id] = []
        for student in tqdm(
            chosen, desc=f"grading {module.id}", unit="submission", disable=not progress
        ):
            with warnings.catch_warnings():
                # nbgrader's own gradebook code trips SQLAlchemy's autoflush warning; not ours.
                warnings.filterwarnings("ignore", message=".*not in session.*")
                result = api.autograde(module.id, student)
            if result.get("success"):
                report.done[module.id].append(student)
            else:
                report.failed[f"{module.id}/{student}"] = _last_lines(result)
    return report


def feedback(course: Course, module_names: list[str] | None = None) -> StepReport:
    """Write feedback for graded submissions and release it to the learners."""
    api = course.api()
    report = StepReport()
    for module in resolve_modules(module_names):
        _run(f"generating feedback for {module.id}", lambda m=module.id: api.generate_feedback(m))
        _run(f"releasing feedback for {module.id}", lambda m=module.id: api.release_feedback(m))
        report.done[module.id] = []
    return report
