"""Fill a learner's released notebook with the model answers from the course's source notebook.

Used by simulated classes and tests to stand in for a learner who solves the exercises.
"""

from __future__ import annotations

import re

import nbformat

_MARKER = re.compile(r"^\s*(#\s*)?### (BEGIN|END) (SOLUTION|HIDDEN TESTS)\s*$")


def strip_markers(source: str) -> str:
    """Remove nbgrader's solution markers, keeping the model answer between them."""
    return "\n".join(line for line in source.splitlines() if not _MARKER.match(line))


def fill_answers(
    released: nbformat.NotebookNode,
    source: nbformat.NotebookNode,
    skip: set[str] = frozenset(),
    text: dict[str, str] | None = None,
) -> nbformat.NotebookNode:
    """Put the source's model answers into ``released``'s answer cells, except those in ``skip``.

    ``text`` overrides the answer of a cell by grade id (for example a reflection in own words).
    """
    answers = {
        cell.metadata["nbgrader"]["grade_id"]: strip_markers(cell.source)
        for cell in source.cells
        if cell.metadata.get("nbgrader", {}).get("solution")
    }
    answers.update(text or {})
    for cell in released.cells:
        meta = cell.metadata.get("nbgrader", {})
        grade_id = meta.get("grade_id")
        if meta.get("solution") and grade_id in answers and grade_id not in skip:
            cell.source = answers[grade_id]
    return released
