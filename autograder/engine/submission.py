"""Grading one submission as a plain function: notebook and files in, executed notebook out.

:func:`execute_submission` needs no database and no course folder, so it runs the same in the
grader's own process and on a Dask worker. It writes the working copy to a private folder, has
the local zygote fork a fresh child for it, enforces the per-cell time limit from outside the
child (interrupt, then kill), and builds the executed notebook from the child's messages.
"""

from __future__ import annotations

import atexit
import json
import os
import pickle
import select
import shutil
import signal
import socket
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .framing import recv_message, send_message
from .sandbox import Limits, kill_sandbox
from .zygote import Zygote, ZygoteError

#: Seconds a cell gets to stop after it is interrupted, before its process is killed.
INTERRUPT_GRACE = 3.0
#: Seconds a forked child gets to report that it started.
START_TIMEOUT = 30.0

_TIMEOUT_ERROR = {
    "output_type": "error",
    "ename": "CellTimeoutError",
    "evalue": "",
    "traceback": ["CellTimeoutError: No reply from kernel before timeout"],
}


class WorkerStartError(RuntimeError):
    """The process that runs a submission could not be started (worth retrying)."""


@dataclass(frozen=True)
class SubmissionJob:
    """Everything needed to run one learner's notebook, and nothing of the course.

    Parameters
    ----------
    student, assignment : str
        Ids as nbgrader names them; the working copy is ``autograded/<student>/<assignment>``,
        as under stock nbgrader, so code that reads its own folder sees the same path shape.
    notebook : str
        The sanitized notebook (nbformat JSON) whose code cells are run.
    files : dict of str to bytes
        The other files of the working copy, by relative POSIX path.
    limits : Limits
        Time, memory, process and output limits of the sandbox.
    hidden : tuple of str
        Paths on the executing machine that the submission must not see.
    """

    student: str
    assignment: str
    notebook: str
    files: dict[str, bytes] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    hidden: tuple[str, ...] = ()


@dataclass
class ExecutedSubmission:
    """The executed notebook (nbformat JSON) and what went wrong while running it."""

    notebook: str
    problems: list[str] = field(default_factory=list)


_zygote: Zygote | None = None
_zygote_lock = threading.Lock()


def local_zygote() -> Zygote:
    """The zygote of this process (started on first use, stopped at exit)."""
    global _zygote
    with _zygote_lock:
        if _zygote is None:
            _zygote = Zygote()
            atexit.register(_zygote.stop)
        return _zygote


def visible_imports(source: str) -> str:
    r"""The import statements of a test cell's visible part, for the learner's process.

    Under one kernel, a test cell's ``from thinktwice.autograder import checks`` is seen by
    the cells after it, and notebooks rely on that. The learner's process never gets a test
    cell, so it runs these lines instead: nothing of a hidden region, which stays the judge's.

    >>> hidden = "### BEGIN HIDDEN TESTS\nimport os\n### END HIDDEN TESTS"
    >>> visible_imports("import math\n" + hidden + "\nx = 1")
    'import math'
    """
    import ast

    lines, hidden = [], False
    for line in source.splitlines():
        marker = line.strip()
        if marker == "### BEGIN HIDDEN TESTS":
            hidden = True
        elif marker == "### END HIDDEN TESTS":
            hidden = False
        elif not hidden:
            lines.append(line)
    try:
        tree = ast.parse("\n".join(lines))
    except SyntaxError:
        return ""
    imports = [n for n in tree.body if isinstance(n, ast.Import | ast.ImportFrom)]
    return "\n".join(ast.unparse(n) for n in imports)


def _safe_relative(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or ".." in path.parts or not path.parts:
        raise ValueError(f"{name!r}: not a relative path inside the submission")
    return path


def _write_working_copy(job: SubmissionJob, base: Path) -> tuple[Path, Path]:
    """Make ``base/<id>/autograded/<student>/<assignment>`` with the job's files."""
    jobdir = Path(tempfile.mkdtemp(dir=base, prefix="job-"))
    os.chmod(jobdir, 0o711)
    workdir = jobdir / "autograded" / job.student / job.assignment
    workdir.mkdir(parents=True)
    for folder in (jobdir / "autograded", workdir.parent):
        os.chmod(folder, 0o711)
    for name, data in job.files.items():
        target = workdir.joinpath(*_safe_relative(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return jobdir, workdir


def _kill_group(pid: int, sig: int) -> None:
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        pass


def _receive(sock: socket.socket, timeout: float | None) -> dict | None:
    """The child's next event, ``None`` if ``timeout`` passes first; ``EOFError`` if it is gone."""
    if timeout is not None:
        ready, _, _ = select.select([sock], [], [], max(timeout, 0.0))
        if not ready:
            return None
    sock.settimeout(10.0)
    try:
        message = json.loads(recv_message(sock))
    except (TimeoutError, ValueError, OSError) as error:
        raise EOFError(str(error)) from None
    finally:
        sock.settimeout(None)
    if not isinstance(message, dict):
        raise EOFError("the child sent something other than an event")
    return message


def execute_submission(job: SubmissionJob, zygote: Zygote | None = None) -> ExecutedSubmission:
    """Run ``job``'s notebook in a fresh sandboxed child of the local zygote.

    Raises :class:`WorkerStartError` when no child could be started; anything the learner's
    code does (errors, timeouts, crashes) ends up in the notebook's outputs instead.
    """
    import nbformat

    zygote = zygote or local_zygote()
    from .executor import is_test_cell

    nb = nbformat.reads(job.notebook, as_version=4)
    # The learner's process gets every cell but the tests; only the judge is sent those.
    tests = {i: c.source for i, c in enumerate(nb.cells) if is_test_cell(c)}
    cells = [
        {
            "cell_type": c.cell_type,
            "source": visible_imports(c.source) if i in tests else c.source,
            "test": i in tests,
        }
        for i, c in enumerate(nb.cells)
    ]
    try:
        zygote.start()
    except ZygoteError as error:
        raise WorkerStartError(str(error)) from None
    assert zygote.folder is not None
    jobdir, workdir = _write_working_copy(job, zygote.folder)
    request = {
        "workdir": str(workdir),
        "capture_dir": str(jobdir),
        "limits": job.limits,
        "hidden": tuple(job.hidden),
        "cells": cells,
    }
    pid = None
    sock = None
    try:
        try:
            sock = zygote.connect()
            send_message(sock, pickle.dumps(request))
            started = _receive(sock, START_TIMEOUT)
        except ZygoteError as error:
            raise WorkerStartError(str(error)) from None
        except (OSError, EOFError) as error:
            raise WorkerStartError(f"the grading child did not start: {error}") from None
        if not started or started.get("event") != "started":
            raise WorkerStartError("the grading child did not report that it started")
        pid = int(started["pid"])
        problems = _collect(sock, pid, nb, job.limits, zygote, tests)
    finally:
        if sock is not None:
            sock.close()
        if pid is not None:  # it and whatever it left running, in or out of its group
            kill_sandbox(pid, grace=0.0, workdir=workdir)
        shutil.rmtree(jobdir, ignore_errors=True)
    return ExecutedSubmission(nbformat.writes(nb), problems)


def _collect(
    sock: socket.socket, pid: int, nb, limits: Limits, zygote: Zygote, tests: dict[int, str]
) -> list[str]:
    """Fill ``nb``'s cells from the child's events, enforcing the cell time limit.

    The test cells' sources (``tests``) are sent once the child says that the learner's
    process is forked off, so they never exist in that process's memory.

    Raises :class:`WorkerStartError` if the zygote died under the child: that is no fault of
    the learner's code, and the submission is run again.
    """
    from nbformat import from_dict

    problems: list[str] = []
    running: int | None = None
    timed_out: set[int] = set()
    deadline: float | None = None
    interrupted = False
    end_reason = None
    while True:
        wait = None if deadline is None else deadline - time.monotonic()
        try:
            event = _receive(sock, wait)
        except EOFError:
            end_reason = "its process ended"
            break
        if event is None:  # the running cell is past its time
            assert running is not None
            if not interrupted:
                timed_out.add(running)
                problems.append(
                    f"{_cell_name(nb, running)}: stopped after {limits.cell_timeout:g} s"
                )
                _kill_group(pid, signal.SIGINT)
                interrupted = True
                deadline = time.monotonic() + INTERRUPT_GRACE
                continue
            _kill_group(pid, signal.SIGKILL)
            end_reason = "it did not stop when interrupted and was killed"
            break
        kind = event.get("event")
        if kind == "forked":
            send_message(sock, json.dumps({str(i): src for i, src in tests.items()}).encode())
        elif kind == "cell":
            running = int(event["index"])
            deadline = time.monotonic() + limits.cell_timeout
            interrupted = False
        elif kind == "cell_done":
            index = int(event["index"])
            cell = nb.cells[index]
            cell.outputs = [from_dict(o) for o in event.get("outputs", [])]
            if index in timed_out:
                cell.outputs.append(from_dict(_TIMEOUT_ERROR))
            cell.execution_count = event.get("execution_count")
            running, deadline = None, None
        elif kind == "failed":
            raise WorkerStartError(str(event.get("message", "the sandbox failed")))
        elif kind == "done":
            if isinstance(event.get("language_info"), dict):
                nb.metadata["language_info"] = from_dict(event["language_info"])
            return problems
        elif kind == "crashed":
            end_reason = f"the grader's runner failed: {event.get('message', '')}"
            break
    if not zygote.alive():
        raise WorkerStartError("the grading process died while it ran this submission")
    # The child is gone before the end: what it did not finish gets an error, hence no points.
    problems.append(f"the submission's process stopped early: {end_reason}")
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or not cell.source.strip():
            continue
        if index == running:
            error = dict(_TIMEOUT_ERROR) if index in timed_out else _dead_error(end_reason)
            cell.outputs = [from_dict(error)]
        elif cell.get("execution_count") is None:
            cell.outputs = [from_dict(_dead_error(end_reason, ran=False))]
    return problems


def _cell_name(nb, index: int) -> str:
    """How a teacher finds a cell: its nbgrader grade id, else its number."""
    grade_id = nb.cells[index].get("metadata", {}).get("nbgrader", {}).get("grade_id")
    return f"cell {grade_id}" if grade_id else f"cell {index + 1}"


def _dead_error(reason: str, ran: bool = True) -> dict:
    text = (
        f"the grader's process for this submission ended in this cell: {reason}"
        if ran
        else f"not run: the grader's process for this submission ended earlier: {reason}"
    )
    return {
        "output_type": "error",
        "ename": "DeadKernelError",
        "evalue": text,
        "traceback": [f"DeadKernelError: {text}"],
    }
