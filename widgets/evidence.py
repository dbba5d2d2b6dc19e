"""The evidence log: what a learner did in the activities, kept beside their notebook.

The log is a JSON Lines file in the assignment folder, so nbgrader's submit and collect carry it.
Its first line is a header naming the format, its version and the learner; each later line is one
event. It is append-only: an event is written with a single ``write`` to a file opened with
``O_APPEND`` and flushed to disk, so a crash in the middle of a write loses at most that event, and
nothing already written is ever rewritten. Re-running a cell reads the log and resumes.

The file is plain text and can be read without any widget::

    {"format": "thinktwice-evidence", "version": 1, "learner": "aiko", "created": "..."}
    {"activity": "reliance-trial/A", "kind": "first", "data": {...}, "time": "..."}
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

FORMAT = "thinktwice-evidence"
VERSION = 1
FILENAME = "thinktwice-evidence.jsonl"


class EvidenceError(ValueError):
    """The evidence log cannot be read or does not belong to this learner."""


@dataclass(frozen=True)
class Event:
    """One thing a learner did in an activity."""

    activity: str
    kind: str
    data: Mapping[str, Any]
    time: str = ""


@dataclass
class EvidenceLog:
    """An append-only log of events in one assignment folder.

    Parameters
    ----------
    path : path-like
        The log file; usually ``thinktwice-evidence.jsonl`` in the notebook's folder.
    learner : str
        The learner the log belongs to. Reading a log written for someone else raises
        :class:`EvidenceError`.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / FILENAME
    >>> log = EvidenceLog(path, "aiko")
    >>> _ = log.append("demo", "click", {"button": "ok"})
    >>> [e.kind for e in EvidenceLog(path, "aiko").events()]
    ['click']
    """

    path: Path
    learner: str
    damaged_lines: list[int] = field(default_factory=list, init=False)

    def __post_init__(self) -> None:
        self.path = Path(self.path)

    @classmethod
    def in_folder(cls, folder: str | os.PathLike[str], learner: str) -> EvidenceLog:
        """Return the log of ``learner`` in an assignment ``folder``."""
        return cls(Path(folder) / FILENAME, learner)

    def exists(self) -> bool:
        """Whether anything has been logged yet."""
        return self.path.exists()

    def header(self) -> dict[str, Any] | None:
        """The header line, or ``None`` if the log does not exist yet."""
        if not self.path.exists():
            return None
        with self.path.open("rb") as stream:
            first = stream.readline()
        return self._parse_header(first)

    def _parse_header(self, line: bytes) -> dict[str, Any]:
        try:
            header = json.loads(line)
        except ValueError:
            header = None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise EvidenceError(f"{self.path}: not a Think Twice evidence log (bad first line)")
        if not isinstance(header.get("version"), int) or header["version"] > VERSION:
            raise EvidenceError(
                f"{self.path}: written by a newer Think Twice (format version "
                f"{header.get('version')!r}, this one reads up to {VERSION}); update thinktwice"
            )
        if header.get("learner") != self.learner:
            raise EvidenceError(
                f"{self.path}: this evidence belongs to learner {header.get('learner')!r}, "
                f"not {self.learner!r}"
            )
        return header

    def events(self, activity: str | None = None) -> list[Event]:
        """Every complete event in the order written, optionally only those of ``activity``.

        A line that is not a complete event (a write cut short by a crash) is skipped and its
        number recorded in :attr:`damaged_lines`.
        """
        self.damaged_lines = []
        if not self.path.exists():
            return []
        with self.path.open("rb") as stream:
            lines = stream.read().split(b"\n")
        self._parse_header(lines[0])
        found = []
        for number, line in enumerate(lines[1:], start=2):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
                event = Event(raw["activity"], raw["kind"], dict(raw["data"]), raw.get("time", ""))
            except (ValueError, KeyError, TypeError):
                self.damaged_lines.append(number)
                continue
            if activity is None or event.activity == activity:
                found.append(event)
        return found

    def append(self, activity: str, kind: str, data: Mapping[str, Any]) -> Event:
        """Write one event to the end of the log, creating the log if needed, and return it."""
        event = Event(activity, kind, dict(data), datetime.now(UTC).isoformat(timespec="seconds"))
        line = json.dumps(
            {
                "activity": event.activity,
                "kind": event.kind,
                "data": event.data,
                "time": event.time,
            },
            ensure_ascii=False,
            separators=(",", ":"),
        ).encode("utf-8")
        self._create_if_missing()
        fd = os.open(self.path, os.O_WRONLY | os.O_APPEND)
        try:
            # A write cut short by a crash leaves a line without its newline: close it first, so
            # the damage stays on that one line.
            prefix = b"" if self._ends_with_newline() else b"\n"
            os.write(fd, prefix + line + b"\n")
            os.fsync(fd)
        finally:
            os.close(fd)
        return event

    def _ends_with_newline(self) -> bool:
        with self.path.open("rb") as stream:
            stream.seek(0, os.SEEK_END)
            if stream.tell() == 0:
                return True
            stream.seek(-1, os.SEEK_END)
            return stream.read(1) == b"\n"

    def _create_if_missing(self) -> None:
        if self.path.exists():
            self.header()  # refuses a log of another learner or a newer format
            return
        header = {
            "format": FORMAT,
            "version": VERSION,
            "learner": self.learner,
            "created": datetime.now(UTC).isoformat(timespec="seconds"),
        }
        tmp = self.path.with_name(f".{self.path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(json.dumps(header).encode("utf-8") + b"\n")
        try:
            # link() fails if another kernel created the log first: theirs is kept, never replaced.
            os.link(tmp, self.path)
        except FileExistsError:
            self.header()
        finally:
            tmp.unlink()
