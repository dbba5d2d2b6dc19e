"""Stand-in for :mod:`.sandbox` while it is not there: the same contract, no containment.

It only changes into the working copy; the real module applies limits, namespaces and the user.
"""

from __future__ import annotations

import os
import pathlib
import signal
from collections.abc import Sequence
from dataclasses import dataclass


class SandboxError(RuntimeError):
    """The sandbox could not be entered."""


@dataclass(frozen=True)
class Limits:
    """What one submission may use (see the containment engineer's :mod:`.sandbox`)."""

    cell_timeout: float = 30.0
    memory_bytes: int = 1 << 30
    max_processes: int = 64
    max_output_bytes: int = 1 << 20


def enter_sandbox(
    workdir: pathlib.Path, limits: Limits, hidden: Sequence[pathlib.Path] = ()
) -> None:
    """Change into ``workdir``; nothing else (no containment without :mod:`.sandbox`)."""
    os.chdir(workdir)


def kill_sandbox(
    pid: int, grace: float = 1.0, uid: int | None = None, workdir: os.PathLike | None = None
) -> None:
    """End the child's process group."""
    try:
        os.killpg(pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
