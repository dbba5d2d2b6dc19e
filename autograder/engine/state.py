"""What was graded, so that a second run grades only new or changed submissions.

One small JSON file per course maps assignment and student to a digest of what was graded: the
submitted folder, the assignment's source folder (a changed test re-grades everyone), the
course's nbgrader configuration, the limits, and the engine's version. It is written
atomically after each graded submission.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

#: Bump when a change of the engine must re-grade everything.
ENGINE_VERSION = "1"


def _hash_folder(digest, folder: Path, label: str) -> None:
    digest.update(f"\0{label}\0".encode())
    if not folder.is_dir():
        digest.update(b"missing")
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())


def submission_digest(root: Path, assignment: str, student: str, limits) -> str:
    """A digest of everything that decides a submission's grade."""
    digest = hashlib.sha256(f"thinktwice-engine {ENGINE_VERSION} {limits!r}".encode())
    config = Path(root) / "nbgrader_config.py"  # late penalties, timeouts...
    digest.update(config.read_bytes() if config.is_file() else b"no config")
    _hash_folder(digest, Path(root) / "submitted" / student / assignment, "submitted")
    _hash_folder(digest, Path(root) / "source" / assignment, "source")
    return digest.hexdigest()


class GradingState:
    """The digests of graded submissions, kept in ``path`` (a JSON file).

    A missing file is an empty state; an unreadable one is reported by name, never replaced
    silently.
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        self._data: dict[str, dict[str, str]] = {}
        if self.path.exists():
            try:
                data = json.loads(self.path.read_text("utf-8"))
                if not isinstance(data, dict) or not isinstance(data.get("graded", {}), dict):
                    raise ValueError("not a grading state")
                self._data = data.get("graded", {})
            except (ValueError, OSError) as error:
                raise ValueError(
                    f"{self.path}: cannot be read ({error}); delete it to grade everything again"
                ) from None

    def get(self, assignment: str, student: str) -> str | None:
        """The digest last graded for ``student``'s ``assignment``, if any."""
        return self._data.get(assignment, {}).get(student)

    def set(self, assignment: str, student: str, digest: str) -> None:
        """Remember a graded submission and save."""
        self._data.setdefault(assignment, {})[student] = digest
        self._save()

    def forget(self, assignment: str, student: str) -> None:
        """Forget a submission (it failed to grade) and save."""
        if self._data.get(assignment, {}).pop(student, None) is not None:
            self._save()

    def _save(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"version": 1, "graded": self._data}, indent=1, sort_keys=True)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".grading-state-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, self.path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
