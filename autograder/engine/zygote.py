"""A warm fork server: imports paid once, then one fresh forked child per submission.

The zygote is a single-threaded process started with :class:`Zygote`. It listens on a Unix socket
in a private folder; each connection carries one job. The zygote forks, and the child reads the
job, enters the sandbox, runs the cells with :mod:`.executor`, and sends one JSON message per
event back on the same connection. The child never gets the zygote's socket, the course or the
gradebook; the zygote never runs student code.

Run as ``python -m thinktwice.autograder.engine.zygote SOCKET``.
"""

from __future__ import annotations

import ctypes
import json
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from .framing import recv_message, send_message

#: Environment of the zygote: one BLAS thread, set before numpy loads.
PINNED_THREADS = {
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
    "VECLIB_MAXIMUM_THREADS": "1",
    "NUMEXPR_NUM_THREADS": "1",
}
_PR_SET_PDEATHSIG = 1
_PR_SET_DUMPABLE = 4


class ZygoteError(RuntimeError):
    """The zygote did not start, or died, or refused a job."""


def _not_dumpable() -> None:
    """No core dumps, and no ptrace or ``/proc/<pid>/mem`` for processes of the same user."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _die_with_parent() -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


# --- the child: one submission ------------------------------------------------------------------


def _child(conn: socket.socket) -> None:
    """Run one job received on ``conn`` (in the forked child; never returns)."""
    from . import executor
    from .judge import LearnerGoneError
    from .sandbox import SandboxError, enter_sandbox

    status = 0
    try:
        job = pickle.loads(recv_message(conn))  # from the grader itself, not from the learner

        def emit(event: dict[str, Any]) -> None:
            send_message(conn, json.dumps(event, default=str).encode("utf-8"))

        emit({"event": "started", "pid": os.getpid()})
        fd_capture = executor.capture_fds(job["capture_dir"])
        try:
            enter_sandbox(Path(job["workdir"]), job["limits"], [Path(p) for p in job["hidden"]])
        except (SandboxError, OSError) as error:
            emit({"event": "failed", "message": f"cannot enter the sandbox: {error}"})
            os._exit(3)
        _die_with_parent()  # changing user clears it; set it again
        learner_sock, judge_sock = socket.socketpair()
        learner = os.fork()
        if learner == 0:  # the learner's process: it never gets the test cells
            try:
                conn.close()
                judge_sock.close()
                _die_with_parent()
                executor.start_learner(learner_sock, job["limits"].max_output_bytes, fd_capture)
            finally:
                os._exit(0)
        learner_sock.close()
        _not_dumpable()  # the learner's process, same user, cannot trace or read the judge
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, 1)
        os.dup2(null, 2)
        os.close(null)
        emit({"event": "forked"})
        tests = {int(k): str(v) for k, v in json.loads(recv_message(conn)).items()}
        try:
            for kind, index, result in executor.run_judged(
                job["cells"], tests, judge_sock, job["limits"].max_output_bytes
            ):
                if kind == "start":
                    emit({"event": "cell", "index": index})
                else:
                    emit({"event": "cell_done", "index": index, **result})
        except LearnerGoneError:
            os._exit(0)  # the grader marks the cell that was running, as for a dead kernel
        emit({"event": "done", "language_info": executor.language_info()})
    except BaseException:  # noqa: BLE001 - the child must never fall back into the zygote loop
        status = 4
        try:
            import traceback

            message = {"event": "crashed", "message": traceback.format_exc(limit=5)[-2000:]}
            send_message(conn, json.dumps(message).encode("utf-8"))
        except BaseException:  # noqa: BLE001, S110 - nothing left to tell it to
            pass
    finally:
        os._exit(status)


# --- the zygote process ---------------------------------------------------------------------------


def serve(socket_path: str) -> None:
    """Warm up, then fork one child per connection until stdin closes (the zygote's main).

    The grader holds the other end of stdin, so the zygote ends when the grader does, even if
    the grader's thread that started it ended long before.
    """
    import selectors

    from . import executor

    executor.warm_up()
    if threading.active_count() != 1:
        print(f"zygote: {threading.active_count()} threads after warm-up", file=sys.stderr)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    listener.bind(socket_path)
    os.chmod(socket_path, 0o600)
    listener.listen(64)
    sys.stdout.write("ready\n")
    sys.stdout.flush()
    selector = selectors.DefaultSelector()
    selector.register(listener, selectors.EVENT_READ)
    selector.register(sys.stdin.fileno(), selectors.EVENT_READ)
    while True:
        events = selector.select()
        if any(key.fd == sys.stdin.fileno() for key, _ in events):
            if not os.read(sys.stdin.fileno(), 4096):  # the grader is gone: so is its folder
                shutil.rmtree(os.path.dirname(socket_path), ignore_errors=True)
                return
            continue
        conn, _ = listener.accept()
        pid = os.fork()
        if pid == 0:
            selector.close()
            listener.close()
            null = os.open(os.devnull, os.O_RDONLY)
            os.dup2(null, 0)
            os.close(null)
            os.setsid()
            signal.signal(signal.SIGINT, signal.default_int_handler)
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            signal.signal(signal.SIGCHLD, signal.SIG_DFL)
            _die_with_parent()
            _child(conn)
        conn.close()


def main() -> None:
    """Entry point of ``python -m thinktwice.autograder.engine.zygote SOCKET``."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # children are reaped by the kernel
    serve(sys.argv[1])


# --- the grader's side ---------------------------------------------------------------------------


class Zygote:
    """A running zygote process of this machine, started on first use.

    Parameters
    ----------
    start_timeout : float
        Seconds to wait for the zygote to import everything and say it is ready.
    python : str, optional
        The Python that runs it (default: this one).
    """

    def __init__(self, start_timeout: float = 120.0, python: str | None = None) -> None:
        self.start_timeout = start_timeout
        self.python = python or sys.executable
        self.folder: Path | None = None
        self.process: subprocess.Popen | None = None
        self._ready = False
        self._lock = threading.Lock()

    @property
    def socket_path(self) -> Path:
        """Where the zygote listens."""
        assert self.folder is not None
        return self.folder / "zygote.sock"

    def alive(self) -> bool:
        """Whether the zygote process is running."""
        return self.process is not None and self.process.poll() is None

    def start(self) -> None:
        """Start the zygote and wait until it is warm (raises :class:`ZygoteError`)."""
        with self._lock:
            if self._ready and self.alive():
                return
            self._stop_locked()
            self.folder = Path(tempfile.mkdtemp(prefix="thinktwice-grading-"))
            os.chmod(self.folder, 0o711)  # children reach their own folder, cannot list others
            env = dict(os.environ, **PINNED_THREADS)
            env["MPLBACKEND"] = "module://matplotlib_inline.backend_inline"
            env["PYTHONDONTWRITEBYTECODE"] = "1"
            self.process = subprocess.Popen(
                [self.python, "-m", __name__, str(self.socket_path)],
                stdin=subprocess.PIPE,  # closed when this process ends: the zygote ends too
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env=env,
                start_new_session=True,
            )
            line = _read_line(self.process, self.start_timeout)
            if line != "ready":
                detail = self._stop_locked()
                raise ZygoteError(f"the grading process did not start: {detail or line}")
            self._ready = True
            threading.Thread(target=self._drain_stderr, daemon=True).start()

    def _drain_stderr(self) -> None:
        process = self.process
        if process is not None and process.stderr is not None:
            for _ in process.stderr:
                pass

    def connect(self) -> socket.socket:
        """A new connection to the zygote, which forks a child for it."""
        self.start()
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            sock.connect(str(self.socket_path))
        except OSError as error:
            sock.close()
            raise ZygoteError(f"the grading process does not answer: {error}") from None
        return sock

    def stop(self) -> None:
        """Stop the zygote (its children die with it)."""
        with self._lock:
            self._stop_locked()

    def _stop_locked(self) -> str:
        detail = ""
        self._ready = False
        if self.process is not None:
            if self.process.poll() is None:
                try:
                    os.killpg(self.process.pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            self.process.wait()
            if self.process.stderr is not None:
                try:
                    detail = self.process.stderr.read().decode("utf-8", "replace")[-2000:]
                except (OSError, ValueError):
                    detail = ""
            self.process = None
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None
        return detail.strip()


def _read_line(process: subprocess.Popen, timeout: float) -> str:
    """The first line the process prints, or '' if it exits or ``timeout`` passes first."""
    import selectors

    assert process.stdout is not None
    deadline = time.monotonic() + timeout
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"\n" not in buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                return ""
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                return ""
            buffer += chunk
    return buffer.split(b"\n", 1)[0].decode("utf-8", "replace").strip()


if __name__ == "__main__":
    main()
