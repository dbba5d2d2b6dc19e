"""A learner's side of nbgrader's exchange (fetch and submit), for simulated classes and tests.

Real learners use nbgrader's assignment list in JupyterLab; this calls the same exchange classes.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from .course_dir import Course
from .errors import ThinkTwiceError


def _exchange_app(course: Course, kind: str, module_id: str, student: str, workspace: Path):
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.exchange import ExchangeFactory

    config = copy.deepcopy(course.config)
    config.CourseDirectory.assignment_id = module_id
    config.CourseDirectory.student_id = student
    config.Exchange.assignment_dir = str(workspace)
    config.Exchange.cache = str(workspace / ".nbgrader-cache")
    coursedir = CourseDirectory(config=config)
    factory = ExchangeFactory(config=config)
    return getattr(factory, kind)(
        coursedir=coursedir, authenticator=Authenticator(config=config), config=config
    )


def fetch(course: Course, module_id: str, student: str, workspace: str | os.PathLike[str]) -> Path:
    """Fetch a released module into the learner's ``workspace``; return the assignment folder."""
    from nbgrader.exchange import ExchangeError

    workspace = Path(workspace)
    workspace.mkdir(parents=True, exist_ok=True)
    try:
        _exchange_app(course, "FetchAssignment", module_id, student, workspace).start()
    except ExchangeError as error:
        raise ThinkTwiceError(f"fetching {module_id} for {student} failed: {error}") from None
    folder = workspace / course.course_id / module_id
    if not folder.is_dir():
        raise ThinkTwiceError(f"fetching {module_id} for {student} made no folder {folder}")
    return folder


def submit(course: Course, module_id: str, student: str, workspace: str | os.PathLike[str]) -> None:
    """Submit the learner's copy of ``module_id`` from ``workspace`` to the exchange."""
    from nbgrader.exchange import ExchangeError

    try:
        _exchange_app(course, "Submit", module_id, student, Path(workspace)).start()
    except ExchangeError as error:
        raise ThinkTwiceError(f"submitting {module_id} for {student} failed: {error}") from None
