"""The course sources build into valid nbgrader notebooks that meet the module contract."""

import pytest

from thinktwice.course import build_notebook, find_module, modules
from thinktwice.course.build import UnknownModuleError


def _grade_cells(nb):
    return [c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")]


@pytest.mark.parametrize("module", modules(), ids=lambda m: m.id)
def test_every_module_builds_with_unique_grade_ids(module):
    nb = build_notebook(module)
    ids = [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids))
    assert nb.metadata.kernelspec.name == "python3"
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    assert any("References" in c.source for c in nb.cells if c.cell_type == "markdown")


def test_module_0_has_the_required_graded_cells():
    nb = build_notebook(find_module("0"))
    graded = _grade_cells(nb)
    autograded = [c for c in graded if c.cell_type == "code"]
    manual = [
        c for c in graded if c.cell_type == "markdown" and c.metadata.nbgrader.get("solution")
    ]
    assert len(autograded) >= 4 and len(manual) >= 1
    assert any("BEGIN HIDDEN TESTS" in c.source for c in autograded)
    assert any("reliance_trial_completed" in c.source for c in autograded)


def test_modules_are_found_by_id_or_number_and_unknown_is_named():
    assert find_module("m00_reliance") == find_module("0") == find_module("m00")
    with pytest.raises(UnknownModuleError) as error:
        find_module("m99")
    assert "m99" in str(error.value) and "m00_reliance" in str(error.value)


def test_the_packaged_overview_is_the_course_as_it_is_now():
    """``course/OVERVIEW.md`` is what a reader of the repository sees; it must not drift."""
    from importlib.resources import files

    from thinktwice.course import overview

    packaged = files("thinktwice.course").joinpath("OVERVIEW.md").read_text("utf-8")
    assert packaged == overview.render(), (
        "course/OVERVIEW.md is out of date: run `python -m thinktwice.course.overview`"
    )


def test_the_overview_gives_each_module_its_objectives_minutes_points_and_themes():
    from thinktwice.course import overview

    text = overview.render()
    for module in modules():
        notebook = build_notebook(module)
        auto, manual = overview.points(notebook)
        assert auto >= 5 and manual >= 1, f"{module.id}: too few points"
        row = next(line for line in text.splitlines() if line.startswith(f"| {module.number} |"))
        assert f"| {module.minutes} |" in row
        assert f"{auto + manual:g} ({auto:g} + {manual:g})" in row
        objectives = overview.objectives(notebook)
        assert len(objectives) >= 2, f"{module.id}: no objectives found in its first cell"
        assert all(item in text for item in objectives)
        assert module.plan_themes, f"{module.id}: maps to no theme of the AI Basic Plan"
    for label in (*overview.PLAN_THEMES.values(), *overview.AISI_PERSPECTIVES.values()):
        assert f"| {label} |" in text
    assert len(overview.AISI_PERSPECTIVES) == 10


def test_a_theme_the_overview_does_not_know_is_refused_with_the_module_named():
    from thinktwice.course.build import _module

    entry = {"id": "mx", "number": 99, "title": "X", "source": "x.py", "minutes": 30}
    with pytest.raises(ValueError, match=r"'mx'.*plan_themes.*\['critical'\]"):
        _module({**entry, "plan_themes": ["critical"]})
