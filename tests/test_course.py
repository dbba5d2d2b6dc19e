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
