"""What a teacher's step reports, and how one call into nbgrader's API becomes a clear error."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import ThinkTwiceError


@dataclass
class StepReport:
    """What one step did, per module: which students or items, and which failed and why."""

    done: dict[str, list[str]] = field(default_factory=dict)
    failed: dict[str, str] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    #: What a teacher may want to know about items that did not fail (a cell stopped at its
    #: time limit, say), by item.
    notes: dict[str, list[str]] = field(default_factory=dict)


def _last_lines(result: dict, count: int = 6) -> str:
    text = (result.get("error") or result.get("log") or "").strip().splitlines()
    return " | ".join(line.strip() for line in text[-count:]) or "no detail from nbgrader"


def run_step(step: str, action: Callable[[], dict]) -> None:
    """Call one nbgrader API ``action``; raise :class:`ThinkTwiceError` naming ``step`` if it fails.

    nbgrader's API answers ``{"success": False, ...}`` rather than raising, so its last lines of
    log become the one-line message.
    """
    result = action()
    if not result.get("success"):
        raise ThinkTwiceError(f"{step} failed: {_last_lines(result)}")
