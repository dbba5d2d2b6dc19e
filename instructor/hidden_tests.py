"""Feedback that teaches without leaking hidden tests (nbgrader issue #917).

Stock ``nbgrader generate_feedback`` renders the autograded notebook, where nbgrader has restored
the ``### BEGIN HIDDEN TESTS`` blocks and the teacher's ``### BEGIN MARK SCHEME`` rubrics, so
learners can read them. Here nbgrader's own feedback step runs with two more preprocessors.
:class:`HideHiddenTests` removes the hidden blocks from the sources (with nbgrader's own
``ClearHiddenTests``), keeps the outputs (which checks passed, the points, the teaching messages),
cuts the tracebacks of cells that held hidden tests, and blanks any output line that repeats a
hidden test's source (learner code can read the cells that ran before it). nbgrader's
``ClearMarkScheme`` removes the rubrics. Before release, every file in the feedback folder is
checked again. The autograded notebooks are left as they are, and nbgrader's feedback layout is
kept, so ``release_feedback`` and ``fetch_feedback`` work as before.
"""

from __future__ import annotations

import copy
import html
import re
from pathlib import Path

import nbformat
from nbgrader.preprocessors import ClearHiddenTests

from .course_dir import Course, ensure_tools_on_path
from .errors import ThinkTwiceError
from .steps import StepReport, run_step

#: What replaces an output line that repeats hidden test source.
HIDDEN_NOTE = "[hidden test source not shown]"
#: Shorter hidden lines (brackets, ``None,``) say nothing about the test and are not looked for.
MIN_SECRET_CHARS = 8
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_TAG = re.compile(r"<[^>]+>")


def hidden_lines(notebook: nbformat.NotebookNode, begin: str, end: str) -> set[str]:
    """Distinctive lines of the notebook's hidden test blocks that appear nowhere visible.

    A hidden line that also occurs in visible source (``checks.Case(``) is no secret.
    """
    secret, visible = set(), []
    for cell in notebook.cells:
        inside = False
        for line in cell.source.splitlines():
            if begin in line:
                inside = True
            elif end in line:
                inside = False
            elif inside:
                if len(line.strip()) >= MIN_SECRET_CHARS:
                    secret.add(line.strip())
            else:
                visible.append(line)
    return {s for s in secret if not any(s in line for line in visible)}


def leaks(text: str, secret: set[str]) -> list[str]:
    """The secret lines found in ``text`` (plain, ANSI-coloured or HTML)."""
    plain = html.unescape(_TAG.sub("", _ANSI.sub("", text)))
    return sorted(s for s in secret if s in plain or s in text)


def _redact(text: str, secret: set[str]) -> str:
    lines = text.splitlines(keepends=True)
    return "".join(
        HIDDEN_NOTE + ("\n" if line.endswith("\n") else "") if leaks(line, secret) else line
        for line in lines
    )


def _redact_output(output: nbformat.NotebookNode, secret: set[str], hides_tests: bool) -> None:
    if output.get("output_type") == "stream":
        output["text"] = _redact(output.get("text", ""), secret)
    elif output.get("output_type") == "error":
        if hides_tests or any(leaks(line, secret) for line in output.get("traceback", [])):
            output["traceback"] = [f"{output.get('ename', 'Error')}: {output.get('evalue', '')}"]
        output["evalue"] = _redact(str(output.get("evalue", "")), secret)
    for kind, value in (output.get("data") or {}).items():
        if isinstance(value, str) and (kind.startswith("text/") or kind.endswith("json")):
            output["data"][kind] = _redact(value, secret)
        elif isinstance(value, list):
            output["data"][kind] = [_redact(v, secret) if isinstance(v, str) else v for v in value]


class HideHiddenTests(ClearHiddenTests):
    """nbgrader's ``ClearHiddenTests`` for feedback: also clears what outputs repeat of them."""

    def preprocess(self, nb, resources):
        """Find the hidden lines of the whole notebook, then clean each cell."""
        self._secret = hidden_lines(nb, self.begin_test_delimeter, self.end_test_delimeter)
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, cell_index):
        """Remove the cell's hidden block from its source and hidden source from its outputs."""
        self.enforce_metadata = False  # a misplaced block is still removed, never shown
        had_tests = self._remove_hidden_test_region(cell)
        for output in cell.get("outputs", []):
            _redact_output(output, self._secret, had_tests)
        return cell, resources


def _api(course: Course):
    from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor
    from nbgrader.apps.api import NbGraderAPI
    from nbgrader.auth import Authenticator
    from nbgrader.coursedir import CourseDirectory
    from nbgrader.preprocessors import ClearMarkScheme, GetGrades

    config = copy.deepcopy(course.config)
    config.GenerateFeedback.preprocessors = [
        GetGrades,
        HideHiddenTests,
        ClearMarkScheme,  # the teacher's rubric never reaches the learner
        CSSHTMLHeaderPreprocessor,
    ]
    ensure_tools_on_path()
    return NbGraderAPI(
        coursedir=CourseDirectory(config=config),
        authenticator=Authenticator(config=config),
        config=config,
    )


def _secrets_of(course: Course, module_id: str, student: str) -> set[str]:
    begin, end = "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"
    config = course.config.get("ClearHiddenTests", {})
    begin, end = config.get("begin_test_delimeter", begin), config.get("end_test_delimeter", end)
    secret: set[str] = set()
    for path in sorted(course.folder("autograded", module_id, student).glob("*.ipynb")):
        try:
            notebook = nbformat.read(path, as_version=4)
            secret |= hidden_lines(notebook, begin, end)
            secret |= hidden_lines(notebook, "BEGIN MARK SCHEME", "END MARK SCHEME")
        except Exception as error:  # noqa: BLE001 - any unreadable notebook stops the release
            raise ThinkTwiceError(f"{path}: cannot be read to check feedback: {error}") from None
    return secret


def _check_folder(folder: Path, autograded: Path, secret: set[str]) -> None:
    """Blank copied learner files that repeat hidden tests; refuse a rendering that does."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        try:
            found = leaks(path.read_text("utf-8"), secret)
        except (UnicodeDecodeError, OSError):
            continue
        if not found:
            continue
        if path.suffix == ".html" and (autograded / f"{path.stem}.ipynb").exists():
            path.unlink()
            raise ThinkTwiceError(
                f"{path}: feedback would show hidden test source ({found[0]!r}); not released"
            )
        path.write_text(HIDDEN_NOTE + "\n", "utf-8")  # a copy; the autograded file is kept


def generate_feedback(course: Course, module_names: list[str] | None = None):
    """Write feedback without hidden tests for graded submissions, check it, and release it.

    Returns the :class:`~thinktwice.instructor.steps.StepReport` of the step.
    """
    api = _api(course)
    report = StepReport()
    for module in course.assignments(module_names):
        run_step(
            f"generating feedback for {module.id}", lambda m=module.id: api.generate_feedback(m)
        )
        students = []
        for folder in sorted((course.root / "feedback").glob(f"*/{module.id}")):
            student = folder.parent.name
            autograded = course.folder("autograded", module.id, student)
            _check_folder(folder, autograded, _secrets_of(course, module.id, student))
            students.append(student)
        run_step(f"releasing feedback for {module.id}", lambda m=module.id: api.release_feedback(m))
        report.done[module.id] = students
    return report
