"""Doctests of the package's own modules, imported by their real names (``thinktwice.widgets.x``).

The source folders (``widgets/`` ...) map onto ``thinktwice.*`` only when installed, so pytest's
doctest collection, left to itself, would import a second copy of each module under the folder's
name. This hook collects every docstring example under ``widgets/`` and ``autograder/``
through the installed import.
"""

from importlib import import_module
from pathlib import Path

import pytest
from _pytest.doctest import DoctestModule

PACKAGES = {"widgets": "thinktwice.widgets", "autograder": "thinktwice.autograder"}
ROOT = Path(__file__).parent


class PackageDoctests(DoctestModule):
    """A doctest module imported as ``thinktwice.<folder>.<name>``."""

    def _getobj(self):
        relative = self.path.relative_to(ROOT).with_suffix("")
        package, *rest = relative.parts
        name = ".".join([PACKAGES[package], *rest]).removesuffix(".__init__")
        return import_module(name)


def pytest_collect_file(file_path: Path, parent):
    """Collect the examples of ``widgets/*.py`` and ``autograder/*.py`` as doctests."""
    if file_path.suffix == ".py" and file_path.parent.name in PACKAGES:
        if file_path.parent.parent == ROOT:
            return PackageDoctests.from_parent(parent, path=file_path)
    return None


@pytest.fixture(autouse=True)
def _doctests_in_a_scratch_folder(request, tmp_path, monkeypatch):
    """Doctest examples run in a temporary folder, so nothing they write lands in the checkout."""
    if isinstance(request.node, pytest.DoctestItem):
        monkeypatch.chdir(tmp_path)
