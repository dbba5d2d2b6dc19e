"""Run a notebook's code cells in this process, producing the outputs a Jupyter kernel would.

The zygote calls :func:`warm_up` once (imports and an IPython shell); each forked child then calls
:func:`run_cells`. Outputs are nbformat dictionaries: ``stream``, ``execute_result``,
``display_data`` and ``error``, which is all nbgrader's grading reads.
"""

from __future__ import annotations

import builtins
import io
import os
import sys
from collections.abc import Callable, Iterator
from typing import Any

#: Imports paid once in the zygote, so that no submission pays them again.
WARM_IMPORTS = (
    "numpy",
    "sklearn",
    "sklearn.linear_model",
    "sklearn.datasets",
    "matplotlib",
    "matplotlib.pyplot",
    "nbformat",
    "ipywidgets",
    "thinktwice.widgets",
    "thinktwice.autograder",
)

#: Pure, cached set-up of the course's activities, done once in the zygote: ``(module, name)``
#: of functions called with no arguments (the reliance trial's model is trained here).
WARM_CALLS = (("thinktwice.widgets.registry", "warm_up"),)

_TRUNCATED = "\n... output truncated by the grader ({limit} bytes per cell) ...\n"
_RICH_TRUNCATED = "\n... further figures and displays of this cell left out by the grader ...\n"
#: Figures and other displays may take this many times the text budget per cell.
RICH_OUTPUT_FACTOR = 8
_NO_STDIN = "raw_input was called, but this frontend does not support input requests."

_shell = None


def warm_up(extra_imports: tuple[str, ...] = ()) -> None:
    """Make the IPython shell and import what submissions use (in the zygote, once)."""
    import importlib

    global _shell
    os.environ.setdefault("MPLBACKEND", "module://matplotlib_inline.backend_inline")
    _shell = _make_shell()
    for name in WARM_IMPORTS + tuple(extra_imports):
        try:
            importlib.import_module(name)
        except ImportError:
            pass
    for module, function in WARM_CALLS:
        try:
            getattr(importlib.import_module(module), function)()
        except (ImportError, AttributeError):
            pass


class _Outputs:
    """The outputs of the cell that runs now, with a byte budget for text."""

    def __init__(self, limit: int, fd_capture: _FdCapture | None = None) -> None:
        self.limit = limit
        self.items: list[dict[str, Any]] = []
        self.text_bytes = 0
        self.cut = False
        self.rich_bytes = 0
        self.rich_cut = False
        self._fd_capture = fd_capture
        self._syncing = False

    def sync(self) -> None:
        """Take in what reached file descriptors 1 and 2 so far, so outputs keep their order.

        nbgrader scores a cell by the first error, stderr or result among its outputs, so a
        stderr line written by a subprocess before the result must come before it.
        """
        if self._fd_capture is not None and not self._syncing:
            self._syncing = True
            try:
                self._fd_capture.drain(self)
            finally:
                self._syncing = False

    def stream(self, name: str, text: str) -> None:
        self.sync()
        if not text or self.cut:
            return
        size = len(text.encode("utf-8", "replace"))
        if self.text_bytes + size > self.limit:
            room = max(self.limit - self.text_bytes, 0)
            text = text.encode("utf-8", "replace")[:room].decode("utf-8", "ignore")
            text += _TRUNCATED.format(limit=self.limit)
            self.cut = True
        self.text_bytes += size
        last = self.items[-1] if self.items else None
        if last and last["output_type"] == "stream" and last["name"] == name:
            last["text"] += text
        else:
            self.items.append({"output_type": "stream", "name": name, "text": text})

    def add(self, output: dict[str, Any]) -> None:
        self.sync()
        if output["output_type"] in ("display_data", "execute_result"):
            size = sum(len(str(value)) for value in output.get("data", {}).values())
            if self.rich_bytes + size > RICH_OUTPUT_FACTOR * self.limit:
                if not self.rich_cut:
                    self.rich_cut = True
                    self.stream("stdout", _RICH_TRUNCATED)
                if output["output_type"] == "display_data":
                    return
                output["data"] = {"text/plain": output.get("data", {}).get("text/plain", "")}
            self.rich_bytes += size
        self.items.append(output)


class _Stream(io.TextIOBase):
    """``sys.stdout`` or ``sys.stderr`` of the child: text becomes a ``stream`` output."""

    def __init__(self, name: str, sink: Callable[[], _Outputs]) -> None:
        self.name = name
        self._sink = sink

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        self._sink().stream(self.name, text)
        return len(text)

    def isatty(self) -> bool:
        return False

    @property
    def encoding(self) -> str:
        return "utf-8"


def _mime_bundle(format_dict: dict, md_dict: dict | None) -> tuple[dict, dict]:
    return dict(format_dict), dict(md_dict or {})


def _make_shell():
    """An IPython shell whose results, displays and errors are recorded, not printed."""
    from IPython.core.displayhook import DisplayHook
    from IPython.core.displaypub import DisplayPublisher
    from IPython.core.interactiveshell import InteractiveShell
    from traitlets.config import Config

    class _ResultHook(DisplayHook):
        """Records ``Out[n]`` as an ``execute_result`` (nbgrader reads partial credit there)."""

        def start_displayhook(self) -> None:
            self._bundle = None

        def write_output_prompt(self) -> None:
            pass

        def write_format_data(self, format_dict, md_dict=None) -> None:
            self._bundle = _mime_bundle(format_dict, md_dict)

        def finish_displayhook(self) -> None:
            if self._bundle is not None:
                data, metadata = self._bundle
                _current().add(
                    {
                        "output_type": "execute_result",
                        "execution_count": self.shell.execution_count,
                        "data": data,
                        "metadata": metadata,
                    }
                )
            self._bundle = None

    class _Publisher(DisplayPublisher):
        """Records ``display()`` calls as ``display_data`` outputs."""

        def publish(self, data, metadata=None, source=None, *, transient=None, update=False):
            if update:
                return
            _current().add(
                {"output_type": "display_data", "data": dict(data), "metadata": metadata or {}}
            )

        def clear_output(self, wait=False) -> None:
            _current().items[:] = [o for o in _current().items if o["output_type"] == "error"]

    class _GradingShell(InteractiveShell):
        """Errors become ``error`` outputs, as a kernel sends them."""

        def _showtraceback(self, etype, evalue, stb) -> None:
            _current().add(
                {
                    "output_type": "error",
                    "ename": str(etype.__name__),
                    "evalue": str(evalue),
                    "traceback": list(stb),
                }
            )

    config = Config()
    config.HistoryManager.enabled = False  # no SQLite file and no saving thread
    config.InteractiveShell.colors = "nocolor"
    config.InteractiveShell.xmode = "Context"
    shell = _GradingShell.instance(
        config=config, displayhook_class=_ResultHook, display_pub_class=_Publisher
    )
    shell.builtin_trap.__enter__()
    return shell


_outputs = _Outputs(1 << 20)


def _current() -> _Outputs:
    return _outputs


def _no_input(prompt: str = "") -> str:
    from IPython.core.error import StdinNotImplementedError

    raise StdinNotImplementedError(_NO_STDIN)


class _FdCapture:
    """Output written straight to file descriptors 1 and 2 (C code, subprocesses)."""

    def __init__(self, folder: str) -> None:
        self.files = {}
        for fd, name in ((1, "stdout"), (2, "stderr")):
            path = os.path.join(folder, f".fd{fd}")
            handle = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
            os.dup2(handle, fd)
            os.close(handle)
            self.files[name] = [fd, 0]

    def drain(self, outputs: _Outputs) -> None:
        for name, entry in self.files.items():
            fd, offset = entry
            end = os.lseek(fd, 0, os.SEEK_END)
            if end > offset:
                length = min(end - offset, outputs.limit + 1)
                data = os.pread(fd, length, offset)
                entry[1] = end
                outputs.stream(name, data.decode("utf-8", "replace"))


def language_info() -> dict[str, Any]:
    """The notebook's ``language_info``, as IPython's kernel reports it (nbclient stores it)."""
    import platform

    return {
        "codemirror_mode": {"name": "ipython", "version": 3},
        "file_extension": ".py",
        "mimetype": "text/x-python",
        "name": "python",
        "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3",
        "version": platform.python_version(),
    }


def capture_fds(folder: str) -> _FdCapture:
    """Send file descriptors 1 and 2 to files in ``folder`` (before the sandbox hides it)."""
    return _FdCapture(folder)


def _prepare_streams() -> None:
    sys.stdout = _Stream("stdout", _current)
    sys.stderr = _Stream("stderr", _current)
    sys.stdin = io.StringIO()
    builtins.input = _no_input
    os.environ["NBGRADER_EXECUTION"] = "autograde"


def _run_source(shell, source: str, max_output_bytes: int, fd_capture) -> list[dict[str, Any]]:
    """Run one cell's source in ``shell``; its outputs as nbformat dictionaries."""
    global _outputs
    _outputs = _Outputs(max_output_bytes, fd_capture)
    try:
        shell.run_cell(source, store_history=True)
    except KeyboardInterrupt:  # arrived outside the cell's own code
        _outputs.add(
            {"output_type": "error", "ename": "KeyboardInterrupt", "evalue": "", "traceback": []}
        )
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, _Stream):  # the cell replaced it; take it back
            sys.stdout, sys.stderr = _Stream("stdout", _current), _Stream("stderr", _current)
            break
    _outputs.sync()
    return _outputs.items


def is_test_cell(cell: dict[str, Any]) -> bool:
    """An nbgrader test cell: graded code that is not an answer (``grade`` and not ``solution``)."""
    meta = (cell.get("metadata") or {}).get("nbgrader") or {}
    return cell.get("cell_type") == "code" and bool(meta.get("grade")) and not meta.get("solution")


def start_learner(learner_sock, max_output_bytes: int, fd_capture) -> None:
    """In the learner's process: run the cells the judge sends and answer its sessions."""
    from .learner_server import learner_loop

    shell = _shell if _shell is not None else _make_shell()
    _prepare_streams()
    shell.user_ns["input"] = _no_input

    def run(source: str):
        return _run_source(shell, source, max_output_bytes, fd_capture), shell.execution_count - 1

    learner_loop(learner_sock, run, shell.user_ns)


def run_judged(
    cells: list[dict[str, Any]], tests: dict[int, str], learner_sock, max_output_bytes: int
) -> Iterator[tuple[str, int, Any]]:
    """In the judge: run each code cell in turn; yield ``("start", i, None)``, ``("done", i, r)``.

    Test cells (``tests``, by index: their sources, which only the judge has) run here, in a
    shell that learner code never touched; the other cells run in the learner's process,
    reached on ``learner_sock``. Raises :class:`~.judge.LearnerGoneError` if that process ends.
    """
    import json
    import signal

    from .framing import send_message
    from .judge import JudgeNamespace, Session

    shell = _shell if _shell is not None else _make_shell()
    _prepare_streams()
    namespace = JudgeNamespace()
    shell.user_module, shell.user_ns = shell.prepare_user_module(None, namespace)
    shell.init_user_ns()
    dict.__setitem__(namespace, "input", _no_input)
    count = 0
    for index, cell in enumerate(cells):
        if cell.get("cell_type") != "code":
            continue
        source = tests.get(index) if cell.get("test") else str(cell.get("source", ""))
        if not str(source or "").strip():
            continue
        count += 1
        yield "start", index, None
        if cell.get("test"):
            imports = str(cell.get("source") or "")
            if imports:  # what the cells after it see under one kernel (no hidden line)
                _ask_learner(learner_sock, imports)
            session = Session(learner_sock, "BEGIN HIDDEN TESTS" in source, _print_output)
            namespace.begin(session)
            signal.signal(signal.SIGINT, signal.default_int_handler)
            try:
                outputs = _run_source(shell, source, max_output_bytes, None)
            finally:
                signal.signal(signal.SIGINT, signal.SIG_IGN)  # the learner's process takes it
                session.close()
        else:
            outputs = _ask_learner(learner_sock, source)
        for output in outputs:
            if output["output_type"] == "execute_result":
                output["execution_count"] = count
        yield "done", index, {"outputs": outputs, "execution_count": count}
    try:
        send_message(learner_sock, json.dumps({"op": "end"}).encode())
    except OSError:
        pass


def _ask_learner(learner_sock, source: str) -> list[dict[str, Any]]:
    """Have the learner's process run ``source``; its outputs (the judge takes no interrupt)."""
    import json
    import signal

    from .framing import recv_message, send_message
    from .judge import LearnerGoneError

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        send_message(learner_sock, json.dumps({"op": "run", "source": source}).encode())
        reply = json.loads(recv_message(learner_sock))
        outputs = list(reply["outputs"])
    except (OSError, EOFError, ValueError, KeyError, TypeError) as error:
        raise LearnerGoneError(f"the learner's process ended: {error}") from None
    return [o for o in outputs if isinstance(o, dict) and "output_type" in o]


def _print_output(name: str, text: str) -> None:
    _current().stream(name, text)
