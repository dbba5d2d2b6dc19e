"""The learner's side: run the learner's cells, and answer the judge from a throwaway fork.

The learner's process gets the notebook's cells without the test cells. It runs a cell when
the judge says so. When the judge needs the learner's values for a test cell, the learner's
process forks; the fork answers the judge's requests (a name's value, a call, an attribute) on a
socket of its own and is killed when the test cell ends, so nothing a test does to the
learner's objects survives it. Everything here runs where learner code runs, so the judge
trusts none of it: it is a convenience for honest code, not a defence.
"""

from __future__ import annotations

import io
import json
import os
import signal
import socket
import sys
from typing import Any

from . import wire
from .framing import recv_message, send_message


def learner_loop(sock: socket.socket, run_cell, namespace: dict) -> None:
    """Serve the judge's commands on ``sock`` until it says ``end`` or goes away.

    ``run_cell(source)`` runs one cell and returns ``(outputs, execution_count)``;
    ``namespace`` is the one the cells run in, which a session answers from.
    """
    while True:
        try:
            message = json.loads(recv_message(sock))
        except (EOFError, OSError, ValueError):
            return
        op = message.get("op")
        if op == "run":
            outputs, count = run_cell(str(message.get("source", "")))
            send_message(
                sock,
                json.dumps({"outputs": outputs, "count": count}, default=str).encode("utf-8"),
            )
        elif op == "session":
            _fork_session(sock, namespace)
        else:
            return


def _fork_session(sock: socket.socket, namespace: dict) -> None:
    ours, theirs = socket.socketpair()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)  # the fork takes the interrupt
    try:
        pid = os.fork()
    except OSError:  # no process left (the learner's code may have used them all): serve here
        pid = None
    if pid == 0:
        try:
            sock.close()
            theirs.close()
            signal.signal(signal.SIGINT, signal.default_int_handler)
            _serve(ours, namespace, throwaway=True)
        finally:
            os._exit(0)
    payload = json.dumps({"pid": pid or 0}).encode()
    socket.send_fds(sock, [len(payload).to_bytes(4, "big") + payload], [theirs.fileno()])
    theirs.close()
    try:
        if pid is None:
            signal.signal(signal.SIGINT, signal.default_int_handler)
            _serve(ours, namespace, throwaway=False)
        else:
            ours.close()
            os.waitpid(pid, 0)
    except (ChildProcessError, KeyboardInterrupt):
        pass
    finally:
        signal.signal(signal.SIGINT, previous)


class _Capture(io.TextIOBase):
    def __init__(self) -> None:
        self.parts: list[str] = []

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self.parts.append(str(text))
        return len(text)

    def take(self) -> str:
        text, self.parts = "".join(self.parts)[-(1 << 20) :], []
        return text


def _serve(sock: socket.socket, namespace: dict, throwaway: bool) -> None:
    """Answer requests until the judge closes the link: in the fork, or here if none was made.

    What learner code prints comes back with each answer, by stream.
    """
    if throwaway:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)  # what C code or a subprocess writes reaches no later cell
        os.dup2(devnull, 2)
    saved = sys.stdout, sys.stderr
    capture = {"stdout": _Capture(), "stderr": _Capture()}
    sys.stdout, sys.stderr = capture["stdout"], capture["stderr"]
    try:
        _answer_until_closed(sock, namespace, capture)
    finally:
        sys.stdout, sys.stderr = saved


def _answer_until_closed(sock: socket.socket, namespace: dict, capture: dict) -> None:
    handles: dict[int, Any] = {}

    def value_of(tree: Any) -> Any:
        def handle(found: dict) -> Any:
            if found["handle"] not in handles:
                raise wire.WireError("no such learner object")
            return handles[found["handle"]]

        return wire.from_tree(tree, handle)

    while True:
        try:
            request = json.loads(recv_message(sock))
        except (EOFError, OSError, ValueError):
            return
        try:
            result = _answer(request, namespace, handles, value_of)
            after = None
            if isinstance(result, _Called):
                after = wire.to_tree(result.arguments, handles, refs=_library)
                result = result.result
            reply = (
                {}
                if result is _MISSING
                else {"value": wire.to_tree(result, handles, refs=_library)}
            )
            if result is _MISSING:
                reply["missing"] = True
            if after is not None:
                reply["after"] = after
        except KeyboardInterrupt:
            reply = {"raised": {"type": "KeyboardInterrupt", "module": "builtins"}}
        except BaseException as error:  # noqa: BLE001 - learner code may raise anything
            kind = type(error)
            reply = {
                "raised": {
                    "type": getattr(kind, "__name__", "Exception"),
                    "module": getattr(kind, "__module__", ""),
                    "message": _safe_str(error),
                }
            }
        reply["output"] = {name: stream.take() for name, stream in capture.items()}
        try:
            send_message(sock, json.dumps(reply, default=str).encode("utf-8"))
        except OSError:
            return


_MISSING = object()


class _Called:
    """A call's result, and its arguments as the call left them (it may change them in place)."""

    def __init__(self, result: Any, arguments: list) -> None:
        self.result = result
        self.arguments = arguments


def _library(module: str) -> bool:
    """Whether the judge may use its own copy: not the learner's own cells' module."""
    return module != "__main__" and not module.startswith("_")


def _safe_str(error: BaseException) -> str:
    try:
        return str(error)[:2000]
    except Exception:  # noqa: BLE001
        return ""


def _answer(request: dict, namespace: dict, handles: dict, value_of) -> Any:
    op = request.get("op")
    if op == "get":
        name = request.get("name")
        return namespace[name] if isinstance(name, str) and name in namespace else _MISSING
    target = handles.get(request.get("handle"))
    if target is None:
        raise LookupError("no such learner object")
    if op == "getattr":
        return getattr(target, str(request.get("name")))
    if op == "setattr":
        setattr(target, str(request.get("name")), value_of(request.get("value")))
        return None
    if op == "call":
        diff = request.get("diff") or {}
        for name in diff.get("deleted", ()):
            namespace.pop(name, None)
        for name, tree in (diff.get("set") or {}).items():
            namespace[name] = value_of(tree)
        args = value_of(request.get("args"))
        kwargs = value_of(request.get("kwargs"))
        result = target(*args, **kwargs)
        return _Called(result, [args, kwargs])
    if op == "len":
        return len(target)
    if op == "list":
        items = []
        for item in target:
            items.append(item)
            if len(items) >= int(request.get("limit", 1_000_000)):
                break
        return items
    if op == "getitem":
        return target[value_of(request.get("key"))]
    if op == "contains":
        return value_of(request.get("item")) in target
    if op == "array":
        import numpy

        return numpy.asarray(target)
    if op == "repr":
        return repr(target)
    if op == "str":
        return str(target)
    raise LookupError(f"unknown request {op!r}")
