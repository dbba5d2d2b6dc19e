"""The course overview: each module's objectives, time and points, mapped to the plan and to AISI.

The overview is written from the manifest (themes, perspectives, minutes) and from the built
notebooks (objectives from the first cell, points from the graded cells), so it cannot drift from
the course. ``thinktwice init`` writes it into a teacher's course as ``OVERVIEW.md``, and the copy
in this package, ``course/OVERVIEW.md``, is checked against a fresh render by the tests.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import nbformat

#: The themes of Japan's AI Basic Plan (Cabinet, December 2025) that the course serves.
PLAN_THEMES = {
    "trustworthy-ai": "Trustworthy AI",
    "human-capabilities": "Human capabilities (critical thinking)",
    "over-reliance": "Risk of excessive reliance on AI",
    "misinformation": "Misinformation and disinformation",
    "safety-evaluation": "AI safety evaluation (the AI Safety Institute)",
    "data-quality": "High-quality data",
    "privacy": "Privacy",
    "liability-ip": "Civil liability and intellectual property",
}

#: The ten evaluation perspectives of the Japan AI Safety Institute's "Guide to Evaluation
#: Perspectives on AI Safety" (version 1.10, 2025), in the guide's order.
AISI_PERSPECTIVES = {
    "toxic-output": "Control of toxic output",
    "misinformation": "Prevention of misinformation, disinformation and manipulation",
    "fairness": "Fairness and inclusion",
    "high-risk-use": "Addressing high-risk use and unintended use",
    "privacy": "Privacy protection",
    "security": "Ensuring security",
    "explainability": "Explainability",
    "robustness": "Robustness",
    "data-quality": "Data quality",
    "verifiability": "Verifiability",
}

_OBJECTIVES_HEADING = "By the end of this module you can"
_NUMBERED = re.compile(r"^\s*\d+\.\s+(.*)$")


def objectives(notebook: nbformat.NotebookNode) -> list[str]:
    r"""The numbered objectives under "By the end of this module you can" in the first cell.

    Examples
    --------
    >>> cell = nbformat.v4.new_markdown_cell(
    ...     "# M\\n\\n**By the end of this module you can**\\n1. read a\\n   chart;\\n"
    ...     "2. count.\\n\\nMore text."
    ... )
    >>> objectives(nbformat.v4.new_notebook(cells=[cell]))
    ['read a chart;', 'count.']
    """
    text = notebook.cells[0].source if notebook.cells else ""
    _before, found, after = text.partition(_OBJECTIVES_HEADING)
    if not found:
        return []
    items: list[str] = []
    for line in after.splitlines()[1:]:
        numbered = _NUMBERED.match(line)
        if numbered:
            items.append(numbered.group(1).strip())
        elif items and line.startswith(" ") and line.strip():
            items[-1] += " " + line.strip()
        elif items and not line.strip():
            break
    return items


def points(notebook: nbformat.NotebookNode) -> tuple[float, float]:
    """The module's autograded and manually graded points, from its cells' nbgrader metadata."""
    auto = manual = 0.0
    for cell in notebook.cells:
        meta = cell.metadata.get("nbgrader", {})
        if not meta.get("grade"):
            continue
        if cell.cell_type == "code" and not meta.get("solution"):
            auto += float(meta.get("points", 0))
        else:
            manual += float(meta.get("points", 0))
    return auto, manual


#: Words of an activity's class name that keep their capital (people's names).
_NAMES = frozenset({"Simpson"})


def _words(class_name: str) -> str:
    """``OutOfDistributionProbe`` as a teacher reads it: ``out of distribution probe``.

    >>> _words("SimpsonExplorer")
    'Simpson explorer'
    """
    words = re.sub(r"(?<!^)(?=[A-Z])", " ", class_name).split()
    return " ".join(w if w in _NAMES else w.lower() for w in words)


def _number(value: float) -> str:
    return f"{value:g}"


def render(modules: Iterable | None = None) -> str:
    """The overview as Markdown: one section per module, then the two coverage tables."""
    from .build import build_notebook
    from .build import modules as all_modules

    chosen = list(all_modules() if modules is None else modules)
    built = {module.id: build_notebook(module) for module in chosen}
    totals = [points(built[m.id]) for m in chosen]
    lines = [
        "# Think Twice: course overview",
        "",
        "Written by `thinktwice init` from the course itself (the manifest and the notebooks).",
        "Points are nbgrader's: *auto* is scored by the grader, *teacher* is read by you in",
        "formgrader.",
        "",
        "| # | Module | Minutes | Points (auto + teacher) | Activities |",
        "|---|---|---|---|---|",
    ]
    for module, (auto, manual) in zip(chosen, totals, strict=True):
        activities = ", ".join(_words(use.cls) for use in module.activities) or "none"
        lines.append(
            f"| {module.number} | {module.title} | {module.minutes} | "
            f"{_number(auto + manual)} ({_number(auto)} + {_number(manual)}) | {activities} |"
        )
    auto_sum = sum(a for a, _m in totals)
    manual_sum = sum(m for _a, m in totals)
    minutes = sum(m.minutes for m in chosen)
    lines.append(
        f"| | **Whole course** | **{minutes}** | "
        f"**{_number(auto_sum + manual_sum)}** ({_number(auto_sum)} + {_number(manual_sum)}) | |"
    )
    for module in chosen:
        lines += ["", f"## Module {module.number} · {module.title}", ""]
        lines += ["Objectives, in the words the learner reads:", ""]
        lines += [f"{i}. {item}" for i, item in enumerate(objectives(built[module.id]), 1)]
    lines += _coverage("AI Basic Plan themes", PLAN_THEMES, chosen, "plan_themes")
    lines += _coverage("AISI evaluation perspectives", AISI_PERSPECTIVES, chosen, "aisi")
    lines += [
        "",
        "Sources: Japan's AI Basic Plan (Cabinet decision, December 2025, under the AI Promotion",
        "Act of May 2025); Japan AI Safety Institute, *Guide to Evaluation Perspectives on AI",
        "Safety*, version 1.10 (2025). Each module's own references are at its end.",
        "",
    ]
    return "\n".join(lines)


def _coverage(title: str, names: dict[str, str], chosen: list, field: str) -> list[str]:
    header = "| | " + " | ".join(str(m.number) for m in chosen) + " |"
    rule = "|---|" + "---|" * len(chosen)
    rows = [
        f"| {label} | " + " | ".join("●" if key in getattr(m, field) else "" for m in chosen) + " |"
        for key, label in names.items()
    ]
    return ["", f"## Modules and {title}", "", header, rule, *rows]


if __name__ == "__main__":  # pragma: no cover - regenerates the packaged copy
    from pathlib import Path

    Path(__file__).with_name("OVERVIEW.md").write_text(render(), "utf-8")
