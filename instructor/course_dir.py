"""A teacher's course directory: an nbgrader course made from the Think Twice modules."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import nbformat

from thinktwice.course import build_notebook, find_module, modules, overview
from thinktwice.course.build import Module, UnknownModuleError

from .errors import ThinkTwiceError

CONFIG_FILE = "nbgrader_config.py"
DEFAULT_COURSE_ID = "thinktwice"

_CONFIG_TEMPLATE = """\
# nbgrader configuration of a Think Twice course, written by `thinktwice init`.
# Paths are relative to this file, so the folder can be moved as a whole.
import os

_here = os.path.dirname(os.path.abspath(__file__))
c = get_config()  # noqa: F821
c.CourseDirectory.course_id = {course_id!r}
c.CourseDirectory.root = _here
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(_here, "gradebook.db")
# The exchange lives inside the course folder, so no root-owned system path is needed.
c.Exchange.root = os.path.join(_here, "exchange")
c.Exchange.path_includes_course = True
# What learners submitted is remembered here (not in the home folder), one course at a time.
c.Exchange.cache = os.path.join(_here, "exchange-cache")
c.Execute.timeout = 60
# Answer cells name what they want outside the solution (`rair_by_hand = ...`), so the stub is a
# comment only: an untouched notebook runs top to bottom with no error and scores zero.
c.ClearSolutions.code_stub = {{"python": "# Write your answer here."}}
c.ClearSolutions.text_stub = "Write your answer here."
"""


def ensure_tools_on_path() -> None:
    """Put this Python's ``bin`` on ``PATH``: nbgrader calls ``alembic`` from there."""
    bindir = str(Path(sys.executable).parent)
    if bindir not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bindir + os.pathsep + os.environ.get("PATH", "")


def resolve_modules(names: list[str] | None) -> list[Module]:
    """The modules named (all of them when ``names`` is empty), or a clear error."""
    if not names:
        return list(modules())
    try:
        return [find_module(name) for name in names]
    except UnknownModuleError as error:
        raise ThinkTwiceError(str(error)) from None


@dataclass
class Course:
    """An nbgrader course directory made by :func:`init_course`."""

    root: Path

    @classmethod
    def open(cls, root: str | os.PathLike[str]) -> Course:
        """Open the course in ``root``, or fail with a message naming what is missing."""
        path = Path(root).resolve()
        if not path.is_dir():
            raise ThinkTwiceError(
                f"{path}: no such course folder (make one with `thinktwice init`)"
            )
        if not (path / CONFIG_FILE).is_file():
            raise ThinkTwiceError(
                f"{path}: not a Think Twice course (no {CONFIG_FILE}; run `thinktwice init {root}`)"
            )
        return cls(path)

    @cached_property
    def config(self):
        """The course's nbgrader configuration (a traitlets ``Config``)."""
        from traitlets.config.loader import ConfigFileNotFound, PyFileConfigLoader

        try:
            return PyFileConfigLoader(CONFIG_FILE, path=str(self.root)).load_config()
        except (ConfigFileNotFound, SyntaxError, NameError) as error:
            raise ThinkTwiceError(f"{self.root / CONFIG_FILE}: cannot be read: {error}") from None

    @property
    def course_id(self) -> str:
        """The nbgrader course id."""
        return self.config.CourseDirectory.course_id

    @property
    def db_url(self) -> str:
        """The gradebook's database URL."""
        return self.config.CourseDirectory.db_url

    def api(self):
        """The nbgrader API object (``NbGraderAPI``) for this course."""
        from nbgrader.apps.api import NbGraderAPI
        from nbgrader.auth import Authenticator
        from nbgrader.coursedir import CourseDirectory

        ensure_tools_on_path()
        coursedir = CourseDirectory(config=self.config)
        return NbGraderAPI(
            coursedir=coursedir, authenticator=Authenticator(config=self.config), config=self.config
        )

    def folder(self, kind: str, module: str, student: str | None = None) -> Path:
        """A folder of nbgrader's layout: ``source``, ``release``, ``submitted``, ``autograded``."""
        parts = [kind] + ([student] if student else []) + [module]
        return self.root.joinpath(*parts)


#: The course overview (objectives, minutes, points, themes) that ``init`` writes for the teacher.
OVERVIEW_FILE = "OVERVIEW.md"


def init_course(
    root: str | os.PathLike[str],
    *,
    course_id: str = DEFAULT_COURSE_ID,
    module_names: list[str] | None = None,
) -> Course:
    """Make an nbgrader course in ``root`` holding the Think Twice modules.

    The source notebooks are written once; after that they are the teacher's to edit. An existing
    course is never overwritten.
    """
    from nbgrader.api import Gradebook

    path = Path(root).resolve()
    if (path / CONFIG_FILE).exists():
        raise ThinkTwiceError(f"{path}: already holds a course ({CONFIG_FILE} exists)")
    if path.exists() and not path.is_dir():
        raise ThinkTwiceError(f"{path}: exists and is not a folder")
    chosen = resolve_modules(module_names)
    path.mkdir(parents=True, exist_ok=True)
    (path / "exchange").mkdir(exist_ok=True)
    os.chmod(path / "exchange", 0o777)
    for module in chosen:
        target = path / "source" / module.id / f"{module.id}.ipynb"
        target.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(build_notebook(module), target)
    (path / CONFIG_FILE).write_text(_CONFIG_TEMPLATE.format(course_id=course_id), "utf-8")
    if not (path / OVERVIEW_FILE).exists():  # a teacher's own file of that name stays
        (path / OVERVIEW_FILE).write_text(overview.render(chosen), "utf-8")
    course = Course(path)
    ensure_tools_on_path()
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        for module in chosen:
            gradebook.update_or_create_assignment(module.id)
    return course
