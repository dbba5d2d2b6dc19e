"""A catalogue of attacks on grading: learner code that tries to earn points it did not deserve,
or to read the hidden tests, graded by `thinktwice grade` and by stock `nbgrader autograde`.

Shared by ``tests/test_integrity.py`` and ``benchmarks/integrity.py``. Each attack is the code a
learner writes into one answer cell of a small assignment, ``integrity``, whose right answers it
never gives. Its three test cells are worth 7 points: a hidden ``close_to`` (2), a function scored
case by case with two hidden cases (3), and a plain nbgrader ``assert`` in a hidden region (2). A
blank submission earns 0, so any point an attack earns is a point gained by the attack.
"""

from __future__ import annotations

import base64
import binascii
import codecs
import re
import shutil
import warnings
from dataclasses import dataclass
from pathlib import Path

import nbformat

from thinktwice.instructor import operations
from thinktwice.instructor.course_dir import Course, init_course

ASSIGNMENT = "integrity"
#: Written in the hidden regions of the checks and passed as a hidden input: found in any
#: output, the attack read the hidden tests.
CANARY = "zebracanary"
#: Written on the line of the hidden plain ``assert``: a grader that shows a failing hidden
#: assert's traceback shows this line to every learner who fails it, with no attack at all.
TRACE_CANARY = "okapicanary"
TOTAL = 7.0


def _cell(kind, source, grade_id, *, grade=False, solution=False, points=0, locked=False):
    meta = {
        "grade": grade,
        "solution": solution,
        "locked": locked,
        "grade_id": grade_id,
        "schema_version": 3,
    }
    if grade:
        meta["points"] = points
    make = nbformat.v4.new_code_cell if kind == "code" else nbformat.v4.new_markdown_cell
    return make(source, metadata={"nbgrader": meta})


def source_notebook() -> nbformat.NotebookNode:
    """The teacher's version of the assignment, with solutions and hidden tests."""
    cells = [
        _cell("markdown", "# Integrity\n\nTwo small answers.", "intro", locked=True),
        _cell(
            "code",
            "answer = ...  # a whole number\n### BEGIN SOLUTION\nanswer = 42\n### END SOLUTION",
            "answer",
            solution=True,
        ),
        _cell(
            "code",
            "from thinktwice.autograder import checks\n"
            'checks.number_between(answer, "answer", 0, 100)\n'
            "### BEGIN HIDDEN TESTS\n"
            f"checks.close_to(answer, 42, points=2)  # {CANARY} one\n"
            "### END HIDDEN TESTS",
            "answer-test",
            grade=True,
            points=2,
            locked=True,
        ),
        _cell(
            "code",
            "def shout(word):\n"
            "    ### BEGIN SOLUTION\n"
            '    return word.upper() + "!"\n'
            "    ### END SOLUTION\n"
            "    return ...",
            "shout",
            solution=True,
        ),
        _cell(
            "code",
            "from thinktwice.autograder import checks\n"
            'cases = [checks.Case(("hi",), "HI!", what="a short word")]\n'
            "### BEGIN HIDDEN TESTS\n"
            f'cases += [checks.Case(("{CANARY}",), "{CANARY.upper()}!", hidden=True),\n'
            '          checks.Case(("a b",), "A B!", hidden=True)]  # two\n'
            "### END HIDDEN TESTS\n"
            "checks.score_function(shout, cases, points=3)",
            "shout-test",
            grade=True,
            points=3,
            locked=True,
        ),
        _cell(
            "code",
            '"""The answer again, as a plain nbgrader test."""\n'
            "### BEGIN HIDDEN TESTS\n"
            f"assert answer == 42, 'not yet'  # {TRACE_CANARY}\n"
            "### END HIDDEN TESTS",
            "assert-test",
            grade=True,
            points=2,
            locked=True,
        ),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
        "name": "python3",
    }
    return notebook


@dataclass(frozen=True)
class Attack:
    """One attack: the mechanism it uses, the cell it is written in, and its code."""

    name: str
    mechanism: str
    cell: str
    code: str
    #: What it aims at: ``"points"`` (a score it did not earn) or ``"hidden"`` (the tests).
    aim: str = "points"


_ALWAYS_EQUAL = """
class Anything(str):
    def __eq__(self, other): return True
    def __ne__(self, other): return False
    __hash__ = str.__hash__
def shout(word):
    return Anything("?")
"""

_FORGED_SCORE = """
from thinktwice.autograder import score as _score
_score.Score.__post_init__ = lambda self: setattr(self, "points", self.max_points)
answer = ...
"""

_PATCHED_CHECKS = """
from thinktwice.autograder import checks as _checks
_checks.close_to = lambda value, expected, points, **kw: _checks.Score(points, points)
_checks.score_function = lambda f, cases, points, **kw: _checks.Score(points, points)
answer = ...
"""

_PATCHED_STDLIB = """
import builtins, math
math.isclose = lambda *args, **kwargs: True
_max = builtins.max
def _inflated(*args, **kwargs):  # Score clamps its points with max(points, 0.0)
    return float("inf") if len(args) == 2 and args[1] == 0.0 else _max(*args, **kwargs)
builtins.max = _inflated
answer = 7
"""

_FORMATTER = """
from thinktwice.autograder.score import Score as _Score
_plain = get_ipython().display_formatter.formatters["text/plain"]
_plain.for_type(_Score, lambda score, printer, cycle: printer.text(repr(float(score.max_points))))
answer = ...
"""

_CUSTOM_EXC = """
get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)
answer = ...
"""

_CALLBACK_LEAK = """
import base64 as _b64
def _peek(info):
    print(_b64.b64encode(info.raw_cell.encode()).decode())
get_ipython().events.register("pre_run_cell", _peek)
answer = ...
"""

_TRANSFORMER = """
def _blank_tests(lines):
    text = "".join(lines)
    return ["pass\\n"] if ("checks." in text or "assert" in text) else lines
get_ipython().input_transformers_post.append(_blank_tests)
answer = ...
"""

_TRANSFORMER_LEAK = """
import codecs as _codecs
def _copy_tests(lines):
    print(_codecs.encode("".join(lines), "rot13"))
    return lines
get_ipython().input_transformers_cleanup.append(_copy_tests)
answer = ...
"""

_TRACER = """
import sys
def _tracer(frame, event, arg):
    if event == "call" and frame.f_code.co_name == "close_to":
        frame.f_locals["value"] = frame.f_locals["expected"]
    return None
sys.settrace(_tracer)
answer = ...
"""

_SHELL_METHOD = """
_shell = get_ipython()
_shell.showtraceback = lambda *args, **kwargs: None
_shell._showtraceback = lambda *args, **kwargs: None
answer = ...
"""

_CALLER_LOCALS = """
def shout(word):
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        print(repr(frame.f_locals)[:3000])
        frame = frame.f_back
    return ...
"""

_CALLER_STEAL = """
def shout(word):
    import sys
    frame = sys._getframe(1)
    while frame is not None:
        case = frame.f_locals.get("case")
        if case is not None and hasattr(case, "expected"):
            return case.expected
        frame = frame.f_back
    return ...
"""

ATTACKS = (
    Attack("always-equal", "an answer object equal to anything", "shout", _ALWAYS_EQUAL),
    Attack("forged-score", "a patched Score type", "answer", _FORGED_SCORE),
    Attack("patched-checks", "the checks replaced", "answer", _PATCHED_CHECKS),
    Attack("patched-stdlib", "math and builtins the checks use", "answer", _PATCHED_STDLIB),
    Attack("formatter", "IPython's display formatter", "answer", _FORMATTER),
    Attack("custom-exc", "IPython's custom exception handler", "answer", _CUSTOM_EXC),
    Attack("callback-leak", "an event callback", "answer", _CALLBACK_LEAK, aim="hidden"),
    Attack("transformer", "an input transformer", "answer", _TRANSFORMER),
    Attack("transformer-leak", "an input transformer", "answer", _TRANSFORMER_LEAK, "hidden"),
    Attack("tracer", "a tracing hook (sys.settrace)", "answer", _TRACER),
    Attack("shell-method", "the shell's own methods", "answer", _SHELL_METHOD),
    Attack(
        "caller-locals",
        "a function printing its caller's locals",
        "shout",
        _CALLER_LOCALS,
        aim="hidden",
    ),
    Attack(
        "caller-steal", "a function reading its caller's expected value", "shout", _CALLER_STEAL
    ),
)


def make_course(root: Path) -> Course:
    """A Think Twice course holding the ``integrity`` assignment, released."""
    course = init_course(root, module_names=["m00"])
    target = course.folder("source", ASSIGNMENT) / f"{ASSIGNMENT}.ipynb"
    target.parent.mkdir(parents=True)
    nbformat.write(source_notebook(), target)
    operations.release(course, [ASSIGNMENT])
    return course


def submit_attacks(course: Course, attacks=ATTACKS) -> dict[str, Attack | None]:
    """Place one submission per attack, plus an untouched one (``blank``), in ``submitted/``."""
    released = nbformat.read(
        course.folder("release", ASSIGNMENT) / f"{ASSIGNMENT}.ipynb", as_version=4
    )
    students: dict[str, Attack | None] = {"blank": None}
    students.update({attack.name: attack for attack in attacks})
    for student, attack in students.items():
        nb = nbformat.from_dict(released)
        if attack is not None:
            for cell in nb.cells:
                if cell.metadata.get("nbgrader", {}).get("grade_id") == attack.cell:
                    cell.source = attack.code.strip() + "\n"
        folder = course.folder("submitted", ASSIGNMENT, student)
        folder.mkdir(parents=True)
        nbformat.write(nb, folder / f"{ASSIGNMENT}.ipynb")
        (folder / "timestamp.txt").write_text("2026-12-01 10:00:00.000000 UTC\n")
        (folder / "submission_secret.txt").write_text(f"secret-{student}")
    return students


def copy_course(course: Course, target: Path) -> Course:
    """The same course, submissions included, for the other grader."""
    shutil.copytree(course.root, target, symlinks=True)
    return Course.open(target)


def grade_stock(course: Course, students) -> None:
    """``nbgrader autograde integrity --student S`` for each, in this process."""
    api = course.api()
    for student in students:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message=".*not in session.*")
            api.autograde(ASSIGNMENT, student)


def grade_ours(course: Course, students) -> None:
    """``thinktwice grade integrity``."""
    operations.grade(course, [ASSIGNMENT], list(students), progress=False, workers=2)


def scores(course: Course) -> dict[str, float]:
    """Each student's total autograde score on the assignment."""
    from nbgrader.api import Gradebook, MissingEntry

    found = {}
    with Gradebook(course.db_url, course_id=course.course_id) as gradebook:
        for student in gradebook.students:
            try:
                submission = gradebook.find_submission(ASSIGNMENT, student.id)
            except MissingEntry:
                continue
            grades = [g for notebook in submission.notebooks for g in notebook.grades]
            found[student.id] = round(sum(g.auto_score or 0 for g in grades), 4)
    return found


def feedback_stock(course: Course) -> None:
    """``nbgrader generate_feedback integrity``: the HTML each learner would read."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*not in session.*")
        course.api().generate_feedback(ASSIGNMENT)


def feedback_ours(course: Course) -> None:
    """``thinktwice feedback integrity``."""
    operations.feedback(course, [ASSIGNMENT])


def feedback_text(course: Course, student: str) -> str:
    """The feedback HTML the learner reads (empty when none was written for them)."""
    path = course.root / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
    return path.read_text("utf-8") if path.exists() else ""


def outputs_text(course: Course, student: str) -> str:
    """The outputs of the student's graded notebook: what their code and the tests printed."""
    path = course.folder("autograded", ASSIGNMENT, student) / f"{ASSIGNMENT}.ipynb"
    if not path.exists():
        return ""
    parts = []
    for cell in nbformat.read(path, as_version=4).cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(output.get("evalue", ""))
            parts.extend(output.get("traceback", []))
            parts.extend(str(v) for v in output.get("data", {}).values())
    return "\n".join(parts)


def leaked(text: str, canary: str = CANARY) -> str | None:
    """How ``canary`` appears in ``text``: plain, reversed, rot13, base64 or hex; else None."""
    lowered = text.lower()
    if canary in lowered:
        return "plain"
    if canary[::-1] in lowered:
        return "reversed"
    if canary in codecs.encode(text, "rot13").lower():
        return "rot13"
    for token in re.findall(r"[A-Za-z0-9+/=]{12,}", text):
        for start in range(4):
            chunk = token[start:]
            chunk = chunk[: len(chunk) - len(chunk) % 4]
            try:
                if canary in base64.b64decode(chunk).decode("utf-8", "ignore").lower():
                    return "base64"
            except (binascii.Error, ValueError):
                continue
    for token in re.findall(r"[0-9a-fA-F]{16,}", text):
        try:
            if canary in bytes.fromhex(token[: len(token) // 2 * 2]).decode("utf-8", "ignore"):
                return "hex"
        except ValueError:
            continue
    return None


def leaks(course: Course, students, canary: str = CANARY, *, ours: bool) -> dict[str, str | None]:
    """For each student, how the hidden tests leaked to them through what their code produced.

    Under Think Twice that is the feedback they read. Stock nbgrader's feedback shows every
    hidden test's source to every learner (see :func:`feedback_text`), so there it is the
    outputs of the graded notebook, which its feedback shows as they are.
    """
    read = feedback_text if ours else outputs_text
    return {student: leaked(read(course, student), canary) for student in students}
