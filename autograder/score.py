"""A check's result, shaped for nbgrader's partial credit.

nbgrader reads a test cell's last result as the points earned when its plain-text form is a
number. A :class:`Score` is shown as that number, after the feedback lines have been printed.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from thinktwice.widgets.i18n import _


@dataclass
class Score:
    """Points earned out of ``max_points``, with the feedback that explains them."""

    points: float
    max_points: float
    feedback: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.points = round(min(max(self.points, 0.0), self.max_points), 4)

    @property
    def full(self) -> bool:
        """Whether every point was earned."""
        return self.points >= self.max_points

    def __repr__(self) -> str:
        return f"{self.points:g}"

    def _repr_html_(self) -> str:
        # JupyterLab shows this; nbgrader reads the plain-text number above.
        points = round(self.points, 1)
        text = _("{points:g} of {total:g} points").format(points=points, total=self.max_points)
        return f"<span class='tt-score'>{html.escape(text)}</span>"

    def report(self) -> Score:
        """Print the feedback for the learner and return ``self`` (the cell's result)."""
        for line in self.feedback:
            print(line)
        return self
