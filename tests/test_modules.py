"""Every module of the course, through the whole nbgrader cycle: parametrized from the manifest.

A module joins these tests by being listed in ``course/syllabus.toml``, with an answer key for each
activity it builds (``tests/solutions/``) and a plausible wrong attempt
(``tests/data/wrong_answers/<module id>.toml``). Three learners work each module: ``sol`` writes
the model answers and completes the activities through their Python API, ``blank`` submits the
release untouched, and ``wrong`` writes the model answers except the plausible wrong ones.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
import time
import tomllib
from pathlib import Path

import nbformat
import pytest
from nbgrader.api import Gradebook

from thinktwice.course.build import build_notebook, modules
from thinktwice.instructor import operations
from thinktwice.instructor.answers import fill_answers
from thinktwice.instructor.course_dir import init_course
from thinktwice.instructor.learner_side import fetch, submit

from .browser_kit import TOKEN, assert_not_blank
from .solutions import solve

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]
MODULES = modules()
STUDENTS = ("sol", "blank", "wrong")
WRONG = Path(__file__).parent / "data" / "wrong_answers"
_REGION = re.compile(
    r"^\s*#*\s*### BEGIN (SOLUTION|HIDDEN TESTS|MARK SCHEME)\s*$(.*?)^\s*#*\s*### END \1\s*$",
    re.MULTILINE | re.DOTALL,
)


def _wrong(module) -> dict:
    path = WRONG / f"{module.id}.toml"
    if not path.exists():
        pytest.fail(f"{module.id} has no plausible wrong attempt: write {path}")
    return tomllib.loads(path.read_text("utf-8"))


def _source_nb(course, module):
    return nbformat.read(course.folder("source", module.id) / f"{module.id}.ipynb", as_version=4)


def _released_nb(course, module):
    return nbformat.read(course.folder("release", module.id) / f"{module.id}.ipynb", as_version=4)


@pytest.fixture(scope="session")
def cycle(tmp_path_factory):
    """One course with every module released, worked by three learners, collected and graded."""
    root = tmp_path_factory.mktemp("modules")
    course = init_course(root / "course")
    operations.release(course)
    folders = {}
    for module in MODULES:
        source = _source_nb(course, module)
        wrong_path = WRONG / f"{module.id}.toml"
        wrong = tomllib.loads(wrong_path.read_text("utf-8")) if wrong_path.exists() else {}
        for student in STUDENTS:
            folder = fetch(course, module.id, student, root / "learners" / student)
            path = folder / f"{module.id}.ipynb"
            if student != "blank":
                nb = nbformat.read(path, as_version=4)
                fill_answers(nb, source, text=wrong.get("answers") if student == "wrong" else None)
                nbformat.write(nb, path)
                for use in module.activities:
                    solve(use.make(student, folder))
            folders[module.id, student] = folder
    # Validate the solutions before submitting: nbgrader runs each top to bottom.
    validated = {}
    for module in MODULES:
        path = folders[module.id, "sol"] / f"{module.id}.ipynb"
        started = time.perf_counter()
        result = subprocess.run(
            [str(Path(sys.executable).with_name("nbgrader")), "validate", str(path)],
            cwd=path.parent,
            env=dict(os.environ, THINKTWICE_LEARNER="sol"),  # the learner validating their work
            capture_output=True,
            text=True,
            timeout=300,
        )
        validated[module.id] = (result, time.perf_counter() - started)
    for module in MODULES:
        for student in STUDENTS:
            submit(course, module.id, student, root / "learners" / student)
    ids = [m.id for m in MODULES]
    collected = operations.collect(course, ids)
    graded = operations.grade(course, ids, progress=False)
    feedback = operations.feedback(course, ids)
    return {
        "course": course,
        "folders": folders,
        "validated": validated,
        "collected": collected,
        "graded": graded,
        "feedback": feedback,
    }


def _scores(course, module, student) -> dict[str, tuple[float, float]]:
    """Each autograded cell's (score, max score) for ``student``'s submission."""
    with Gradebook(course.db_url, course_id=course.course_id) as gb:
        sub = gb.find_submission_notebook(module.id, module.id, student)
        return {g.name: (g.score, g.max_score) for g in sub.grades if g.cell.cell_type == "code"}


def _autograded(course, module, student):
    path = course.folder("autograded", module.id, student) / f"{module.id}.ipynb"
    return nbformat.read(path, as_version=4)


def _cell_output_text(cell) -> str:
    parts = []
    for output in cell.get("outputs", []):
        parts.append(output.get("text", ""))
        parts.append(output.get("data", {}).get("text/plain", ""))
        parts.extend(output.get("traceback", []))
    return "".join(parts)


def _errors(nb) -> list[str]:
    return [
        f"{cell.metadata.get('nbgrader', {}).get('grade_id', '?')}: {output.get('ename')}"
        for cell in nb.cells
        if cell.cell_type == "code"
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]


def _ids(module):
    return module.id


# -- what the module holds ---------------------------------------------------------------------
@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_module_has_what_every_module_needs(module):
    nb = build_notebook(module)
    meta = [(c, c.metadata.get("nbgrader", {})) for c in nb.cells]
    tests = [c for c, m in meta if m.get("grade") and not m.get("solution")]
    manual = [c for c, m in meta if m.get("grade") and m.get("solution") and c.cell_type != "code"]
    rubrics = [c for c, m in meta if m.get("task") and "### BEGIN MARK SCHEME" in c.source]
    first = nb.cells[0].source
    assert len(tests) >= 5, f"{module.id}: {len(tests)} autograded test cells, need 5"
    assert any("### BEGIN HIDDEN TESTS" in c.source for c in tests), "no hidden test"
    assert any("activity_score" in c.source or "trial_completed" in c.source for c in tests), (
        "no question graded from the activity's evidence"
    )
    assert manual, f"{module.id}: no manually graded written answer"
    assert rubrics, f"{module.id}: no rubric (a task cell with a MARK SCHEME region)"
    assert re.search(r"About \d+ minutes", first), "no time estimate in the first cell"
    assert "By the end of this module" in first, "no learning objectives in the first cell"
    assert "## References" in nb.cells[-1].source, "the last cell is not the references"
    cited = set(re.findall(r"\[(\d+)\]", "\n".join(c.source for c in nb.cells[:-1])))
    listed = set(re.findall(r"^(\d+)\. ", nb.cells[-1].source, re.MULTILINE))
    assert cited and cited <= listed, f"cited but not listed: {sorted(cited - listed)}"
    assert listed <= cited, f"listed but never cited: {sorted(listed - cited)}"


@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_release_holds_no_solution_hidden_test_or_rubric(cycle, module):
    course = cycle["course"]
    source, released = _source_nb(course, module), _released_nb(course, module)
    text = "\n".join(c.source for c in released.cells)
    for marker in ("BEGIN SOLUTION", "HIDDEN TESTS", "MARK SCHEME"):
        assert marker not in text, marker
    visible = "\n".join(_REGION.sub("", c.source) for c in source.cells)
    secret_lines = {
        line.strip().lstrip("#").strip()
        for c in source.cells
        for _, region in _REGION.findall(c.source)
        for line in region.splitlines()
    }
    leaked = [
        line for line in secret_lines if len(line) > 12 and line not in visible and line in text
    ]
    assert not leaked, f"lines of solutions, hidden tests or rubrics in the release: {leaked}"
    # The expected values of hidden checks: no numeric literal of a hidden region is in a
    # released code cell (an expected 2/3 would show as "2 / 3" or "0.667").
    code = "\n".join(c.source for c in released.cells if c.cell_type == "code")
    shown = [
        call
        for c in released.cells
        if c.cell_type == "code"
        for call in _visible_expected(c.source)
    ]
    assert not shown, f"{module.id}: visible checks write out their expected value: {shown}"
    for cell in source.cells:
        if cell.cell_type != "code":
            continue
        for kind, region in _REGION.findall(cell.source):
            if kind != "HIDDEN TESTS":
                continue
            for value in _expected_literals(region):
                assert not re.search(rf"(?<![\w.]){re.escape(value)}(?![\w.])", code), (
                    f"{module.id}: the hidden expected value {value} shows in the release"
                )


def _visible_expected(source: str) -> list[str]:
    """Checks in released code that write their expected value out (``close_to(x, 2 / 3)``)."""
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    shown = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name)):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        if name in ("close_to", "choice") and len(node.args) >= 2:
            expected = node.args[1]
            if all(
                isinstance(n, ast.Constant | ast.BinOp | ast.Set | ast.operator | ast.Tuple)
                for n in ast.walk(expected)
            ):
                shown.append(ast.unparse(node))
    return shown


def _expected_literals(region: str) -> set[str]:
    """Numeric expected values written in a hidden region (not points, tolerances or indices)."""
    try:
        tree = ast.parse(region)
    except SyntaxError:
        return set()
    skip = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg in ("points", "tol"):
            skip.update(id(n) for n in ast.walk(node.value))
        if isinstance(node, ast.Subscript):
            skip.update(id(n) for n in ast.walk(node.slice))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.BinOp) and all(
            isinstance(side, ast.Constant) for side in (node.left, node.right)
        ):
            found.add(ast.unparse(node))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, float)
            and node.value not in (0.0, 1.0)
        ):
            found.add(repr(node.value))
    return found


# -- the cycle ---------------------------------------------------------------------------------
@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_nbgrader_validates_the_solution_top_to_bottom(cycle, module):
    result, seconds = cycle["validated"][module.id]
    print(f"{module.id}: nbgrader validate ran the solution in {seconds:.1f} s")
    assert "Success! Your notebook passes all the tests." in result.stdout, (
        result.stdout[-3000:] + result.stderr[-3000:]
    )


@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_solution_with_the_activities_done_gets_full_marks(cycle, module):
    course = cycle["course"]
    assert cycle["graded"].failed == {}, cycle["graded"].failed
    assert "sol" in cycle["graded"].done[module.id]
    scores = _scores(course, module, "sol")
    nb = _autograded(course, module, "sol")
    outputs = {
        c.metadata.get("nbgrader", {}).get("grade_id"): _cell_output_text(c) for c in nb.cells
    }
    short = {name: outputs.get(name, "") for name, (got, top) in scores.items() if got < top}
    assert not short, f"{module.id}: the solution lost points in {short}"
    assert not _errors(nb)


@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_untouched_release_scores_zero_without_errors(cycle, module):
    course = cycle["course"]
    scores = _scores(course, module, "blank")
    assert sum(got for got, _ in scores.values()) == 0, scores
    assert not _errors(_autograded(course, module, "blank"))


@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_a_plausible_wrong_answer_loses_points_and_is_told_what_to_revisit(cycle, module):
    wrong = _wrong(module)
    course = cycle["course"]
    scores = _scores(course, module, "wrong")
    earned, top = sum(g for g, _ in scores.values()), sum(t for _, t in scores.values())
    assert earned < top, f"{module.id}: the wrong attempt got full marks"
    html = (course.root / "feedback" / "wrong" / module.id / f"{module.id}.html").read_text()
    assert wrong["expect"]["revisit"] in html, "the feedback does not say what to revisit"
    assert "HIDDEN TESTS" not in html and "MARK SCHEME" not in html


@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_teacher_sees_the_rubric_in_the_graded_notebook(cycle, module):
    nb = _autograded(cycle["course"], module, "sol")
    assert any("MARK SCHEME" in c.source for c in nb.cells if c.cell_type == "markdown")


# -- in JupyterLab -----------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.parametrize("module", MODULES, ids=_ids)
def test_the_released_module_runs_in_jupyterlab(cycle, module, page, activity_lab, tmp_path):
    base, lab_folder = activity_lab
    folder = lab_folder / module.id
    folder.mkdir()
    released = _released_nb(cycle["course"], module)
    nbformat.write(released, folder / f"{module.id}.ipynb")
    page.goto(f"{base}/lab?reset&token={TOKEN}")
    page.wait_for_selector(".jp-LauncherCard", timeout=120_000)
    page.goto(f"{base}/lab/tree/{module.id}/{module.id}.ipynb?token={TOKEN}")
    page.wait_for_selector("text=(ipykernel) | Idle", timeout=120_000)
    page.locator(".jp-Notebook").click()
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    code_cells = sum(c.cell_type == "code" for c in released.cells)
    page.wait_for_function(
        "n => [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')]"
        ".filter(p => /\\[\\d+\\]/.test(p.textContent)).length >= n",
        arg=code_cells,
        timeout=180_000,
    )
    page.wait_for_selector("text=(ipykernel) | Idle", timeout=120_000)
    page.keyboard.press("Control+s")
    page.wait_for_function("() => !document.querySelector('.jp-mod-dirty')", timeout=30_000)
    saved = json.loads((folder / f"{module.id}.ipynb").read_text("utf-8"))
    errors = [
        "".join(output.get("traceback", []))[-800:]
        for cell in saved["cells"]
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, f"{module.id} shows errors:\n" + "\n".join(errors)
    assert "Error displaying widget" not in page.locator(".jp-Notebook").inner_text()
    for use in module.activities:
        name = use.activity_class().name
        view = page.locator(f".tt-{name}").first
        view.wait_for(timeout=60_000)
        view.scroll_into_view_if_needed()
        assert_not_blank(view, tmp_path / f"{module.id}-{name}.png")
