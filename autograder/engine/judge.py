"""The judge's side: test cells run where learner code never ran, reading the learner's values.

A submission runs in two processes (see :mod:`.zygote`). The *learner* process runs the cells the
learner could change. The *judge*, forked before any of them ran, runs the test cells, and only
it ever holds their source. A test cell's names that the judge lacks come from the learner's
process through a :class:`Session`: data crosses as data (:mod:`.wire`), modules and library
classes become the judge's own, and everything else (a learner's function, a fitted model, a
figure) becomes a :class:`Proxy` whose calls run in a throwaway fork of the learner's process,
made for this test cell alone and ended with it.

So learner code cannot reach the checks, their ``Score``, the standard library they use, the
judge's shell and its hooks, or the frames of the check that calls it: it runs in another
process, and what comes back is data. A proxy never answers ``==`` for the learner's object (an
object equal to everything is equal to nothing here) and is true, hashable and ordered only as
itself.
"""

from __future__ import annotations

import builtins
import json
import os
import socket
import sys
from typing import Any

from . import wire
from .framing import recv_message, send_message

#: Learner exceptions that cross as themselves (anything else crosses as :class:`LearnerError`).
CROSSING_ERRORS = {
    name: getattr(builtins, name)
    for name in (
        "ArithmeticError AssertionError AttributeError IndexError KeyError LookupError "
        "NameError NotImplementedError OverflowError RecursionError RuntimeError StopIteration "
        "TypeError ValueError ZeroDivisionError KeyboardInterrupt"
    ).split()
}
#: What stands for learner output withheld under hidden tests.
WITHHELD = "(what your code printed here is not shown: hidden tests were running)\n"
#: The most items a proxy's ``iter`` brings across.
MAX_ITER = 1_000_000


class LearnerError(Exception):
    """An exception raised by learner code whose type does not cross as itself."""


class LearnerGoneError(RuntimeError):
    """The learner's process ended or stopped answering."""


class Session:
    """The judge's link to a throwaway fork of the learner's process, for one test cell.

    Parameters
    ----------
    learner : socket.socket
        The judge's end of the link to the learner's process.
    hidden : bool
        Whether the cell holds hidden tests: then what learner code prints is withheld.
    print_output : callable
        Where learner output goes when it is shown.
    """

    def __init__(self, learner: socket.socket, hidden: bool, print_output) -> None:
        self._learner = learner
        self.hidden = hidden
        self._print = print_output
        self._sock: socket.socket | None = None
        self.pid: int | None = None
        self.namespace: JudgeNamespace | None = None

    # -- the fork ------------------------------------------------------------------------------
    def _open(self) -> socket.socket:
        if self._sock is None:
            send_message(self._learner, json.dumps({"op": "session"}).encode())
            message, fds, _flags, _addr = socket.recv_fds(self._learner, 1 << 16, 1)
            if not fds:
                raise LearnerGoneError("the learner's process did not open a session")
            self._sock = socket.socket(fileno=fds[0])
            try:
                self.pid = int(json.loads(message[4:])["pid"]) or None
            except (ValueError, KeyError, TypeError):
                self.pid = None
        return self._sock

    def close(self) -> None:
        """End the fork: close its link and kill it (it is the learner's; it may not listen)."""
        import signal

        if self._sock is not None:
            try:
                self._sock.close()
            finally:
                self._sock = None
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            self.pid = None

    # -- requests ------------------------------------------------------------------------------
    def request(self, op: str, originals: list | None = None, **fields: Any) -> Any:
        """Ask the fork; return the decoded value, raise what learner code raised.

        ``originals`` are a call's arguments: what the call changed in them in place (a list
        it appended to, an array it drew on) is written back, as under one kernel.
        """
        sock = self._open()
        try:
            send_message(sock, json.dumps({"op": op, **fields}).encode())
            reply = json.loads(recv_message(sock))
        except (OSError, EOFError, ValueError) as error:
            raise LearnerGoneError(f"the learner's process stopped answering: {error}") from None
        if not isinstance(reply, dict):
            raise LearnerGoneError("the learner's process answered something else")
        output = reply.get("output")
        if isinstance(output, dict):
            for name in ("stdout", "stderr"):
                text = output.get(name)
                if isinstance(text, str) and text:
                    # Under hidden tests the text is withheld, but not the fact of it: nbgrader
                    # gives no points to a test cell that wrote to stderr, so neither do we.
                    self._print(name, WITHHELD if self.hidden else text)
        if "raised" in reply:
            raise _learner_exception(reply["raised"])
        if reply.get("missing"):
            raise KeyError(fields.get("name"))
        if originals is not None and "after" in reply:
            try:
                _write_back(originals, wire.from_tree(reply["after"], self._proxy, _resolve))
            except (wire.WireError, TypeError, ValueError):
                pass  # what cannot be written back stays as the test made it
        return wire.from_tree(reply.get("value"), self._proxy, _resolve)

    def _proxy(self, handle: dict) -> Proxy:
        return Proxy(self, handle["handle"], handle.get("type") or "object")

    def tree(self, value: Any) -> Any:
        """A judge value as a tree for the fork: data, or a proxy's own handle."""
        return wire.to_tree(
            value,
            _NoHandles(),
            handle_of=lambda v: v._handle if type(v) is Proxy else None,
            ref_handles=False,
        )


def _write_back(original: Any, after: Any) -> None:
    """Make the test's own mutable ``original`` hold what learner code left in its copy."""
    import numpy

    if type(original) is list and type(after) is list:
        if len(original) == len(after):
            for index, (old, new) in enumerate(zip(original, after, strict=True)):
                if type(old) in (list, dict, set) or type(old) is numpy.ndarray:
                    _write_back(old, new)
                else:
                    original[index] = new
        else:
            original[:] = after
    elif type(original) is dict and type(after) is dict:
        original.clear()
        original.update(after)
    elif type(original) is set and type(after) is set:
        original.clear()
        original.update(after)
    elif type(original) is numpy.ndarray and type(after) is numpy.ndarray:
        if original.shape == after.shape and original.flags.writeable:
            original[...] = after


class _NoHandles(dict):
    """Judge objects that are not data never go to learner code."""

    def __setitem__(self, key, value) -> None:
        raise TypeError(f"a {type(value).__name__} of the test cannot be passed to learner code")


def _learner_exception(raised: Any) -> BaseException:
    if not isinstance(raised, dict):
        return LearnerError("learner code failed")
    name = str(raised.get("type", "Exception"))[:100]
    message = str(raised.get("message", ""))[:2000]
    kind = CROSSING_ERRORS.get(name) if raised.get("module") == "builtins" else None
    if kind is KeyboardInterrupt:
        return KeyboardInterrupt()
    return kind(message) if kind is not None else LearnerError(f"{name}: {message}")


def _resolve(module: str, qualname: str) -> Any:
    """The judge's own object of that name, from what it has loaded or the installed packages."""
    if module not in sys.modules:
        import importlib.util

        try:
            spec = importlib.util.find_spec(module)
        except (ImportError, ValueError):
            spec = None
        origin = getattr(spec, "origin", None) or ""
        roots = {sys.prefix, sys.base_prefix, sys.exec_prefix}
        if spec is None or not any(origin.startswith(r + os.sep) for r in roots):
            if origin not in ("built-in", "frozen"):
                raise wire.WireError(f"{module} is not a library the judge may import")
    return wire.resolve_reference(module, qualname)


class Proxy:
    """A learner object in the fork, seen from the judge: calls and attributes go there.

    Comparison, truth and hashing are the proxy's own (identity), so the learner's object
    cannot claim to equal an expected value. ``isinstance`` sees the judge's class of the same
    name when the judge has one (a learner's figure is a ``Figure``).
    """

    __slots__ = ("_session", "_handle", "_type")

    def __init__(self, session: Session, handle: int, type_name: str) -> None:
        object.__setattr__(self, "_session", session)
        object.__setattr__(self, "_handle", handle)
        object.__setattr__(self, "_type", type_name)

    def _ask(self, op: str, **fields: Any) -> Any:
        return self._session.request(op, handle=self._handle, **fields)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._ask("getattr", name=name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._ask("setattr", name=name, value=self._session.tree(value))

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        """Call the learner's object in the fork, with the test's deletions applied there."""
        session = self._session
        namespace = session.namespace
        return self._ask(
            "call",
            originals=[list(args), dict(kwargs)],
            args=session.tree(list(args)),
            kwargs=session.tree(dict(kwargs)),
            diff=namespace.diff(session) if namespace is not None else {},
        )

    def __len__(self) -> int:
        value = self._ask("len")
        if type(value) is not int:
            raise TypeError("len() of a learner object gave no whole number")
        return value

    def __iter__(self):
        items = self._ask("list", limit=MAX_ITER)
        if type(items) is not list:
            raise TypeError("a learner object gave no items")
        return iter(items)

    def __getitem__(self, key: Any) -> Any:
        return self._ask("getitem", key=self._session.tree(key))

    def __contains__(self, item: Any) -> bool:
        return self._ask("contains", item=self._session.tree(item)) is True

    def __array__(self, dtype=None, copy=None):
        import numpy

        value = self._ask("array")
        if type(value) is not numpy.ndarray:
            raise TypeError("a learner object gave no array")
        return value if dtype is None else value.astype(dtype)

    def __repr__(self) -> str:
        try:
            text = self._ask("repr")
        except Exception:  # noqa: BLE001 - a learner's repr may fail
            text = None
        return text if type(text) is str else f"<learner's {self._type} object>"

    def __str__(self) -> str:
        try:
            text = self._ask("str")
        except Exception:  # noqa: BLE001
            text = None
        return text if type(text) is str else repr(self)

    def __eq__(self, other: Any) -> bool:
        return self is other

    def __ne__(self, other: Any) -> bool:
        return self is not other

    def __hash__(self) -> int:
        return id(self)

    @property
    def __class__(self):
        """The judge's class of the learner object's type, from a library already loaded."""
        module, _sep, qualname = self._type.partition(":")
        if module in ("__main__", "builtins") or module not in sys.modules:
            return Proxy
        try:
            found = wire.resolve_reference(module, qualname)
        except wire.WireError:
            return Proxy
        return found if isinstance(found, type) else Proxy


class JudgeNamespace(dict):
    """A test cell's globals: the judge's own names, and the learner's fetched on first use.

    Builtins and dunder names are never fetched (a learner's ``len`` is not the test's).
    Deleting a learner name (nbgrader's quickstart deletes ``squares`` to check that
    ``sum_of_squares`` uses it) is remembered and sent with each call, so the learner's
    function meets the same namespace as under stock nbgrader.
    """

    def __init__(self) -> None:
        super().__init__()
        self.session: Session | None = None
        self._fetched: set[str] = set()
        self._deleted: set[str] = set()
        self._rebound: set[str] = set()

    def begin(self, session: Session) -> None:
        """A new test cell: forget learner values fetched for the last one."""
        for name in self._fetched:
            dict.pop(self, name, None)
        self._fetched.clear()
        self.session = session
        session.namespace = self

    def __missing__(self, name: str) -> Any:
        if (
            self.session is None
            or name in self._deleted
            or name.startswith("__")
            or hasattr(builtins, name)
        ):
            raise KeyError(name)
        value = self.session.request("get", name=name)
        dict.__setitem__(self, name, value)
        self._fetched.add(name)
        return value

    def __setitem__(self, name: str, value: Any) -> None:
        if name in self._fetched or name in self._deleted:
            self._rebound.add(name)
        self._deleted.discard(name)
        self._fetched.discard(name)
        dict.__setitem__(self, name, value)

    def __delitem__(self, name: str) -> None:
        if name not in self:
            self[name]  # noqa: B018 - a learner name must be fetched to be deleted
        dict.__delitem__(self, name)
        if name in self._fetched or name in self._rebound:
            self._deleted.add(name)
            self._fetched.discard(name)
            self._rebound.discard(name)

    def diff(self, session: Session) -> dict:
        """Learner names the test deleted or set again, for the fork to apply before a call."""
        rebound = {}
        for name in sorted(self._rebound):
            try:
                rebound[name] = session.tree(dict.__getitem__(self, name))
            except TypeError:
                continue  # a judge object: the learner's function never sees it
        return {"deleted": sorted(self._deleted), "set": rebound}
