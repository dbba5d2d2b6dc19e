"""What every activity shares: a learner, a seeded variant, and an evidence log it replays.

An activity is a small pure-Python model that follows scikit-learn's conventions: ``__init__`` only
stores its arguments, :meth:`Activity.start` builds the learner's variant from a seed and returns
``self``, and learned or built attributes end in ``_``. Everything a learner does goes through
:meth:`Activity.record`, which checks the interaction, appends it to the evidence log and then
applies it. :meth:`Activity.start` replays the log the same way, so re-running a cell (or nbgrader
re-executing the notebook) restores the learner's state and never writes over it.

A subclass sets :attr:`Activity.name` and implements four methods:

``_build(seed)``
    make the learner's cases, data and models from ``seed``;
``_check(kind, data)``
    raise :class:`ActivityError` if the interaction cannot be taken now (nothing is written);
``_apply(kind, data)``
    change the state (only called after ``_check`` passed) and return what the view needs;
``outcome()``
    an :class:`Outcome` that the autograder turns into points;

It names its view in :attr:`Activity.view_class` (``"_module:Class"`` inside this package) rather
than importing it, so a model never loads ipywidgets and never imports its own view: graders and
tests use the model alone. A subclass whose variants share something costly to make (a trained
model) builds it in :meth:`Activity.warm_up`, cached, so a grader can pay for it once before it
forks one child per submission. :func:`~thinktwice.widgets.registry.all_activities` finds every
subclass; nothing else lists them.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path
from typing import Any, ClassVar

import numpy as np

from .evidence import EvidenceLog
from .i18n import _
from .identity import learner_id, variant_seed


class ActivityError(ValueError):
    """An interaction the activity cannot take now; the message is shown to the learner as is."""


def unknown_action() -> ActivityError:
    """The refusal of an interaction of a kind the activity does not have (one wording for all)."""
    return ActivityError(_("This activity does not know that action."))


@dataclass(frozen=True)
class Outcome:
    """What a learner achieved in an activity, as the autograder reads it.

    Parameters
    ----------
    done : int
        Graded steps the learner has completed.
    total : int
        Graded steps in the activity.
    credit : float
        Credit earned over the steps, from 0 to ``total`` (a step can earn part of a point).
    feedback : tuple of str
        Teaching messages for the learner, already translated.
    """

    done: int
    total: int
    credit: float
    feedback: tuple[str, ...] = ()

    @property
    def completion(self) -> float:
        """Share of the graded steps completed, from 0 to 1."""
        return self.done / self.total if self.total else 0.0

    @property
    def fraction(self) -> float:
        """Share of the available credit earned, from 0 to 1."""
        return min(max(self.credit / self.total, 0.0), 1.0) if self.total else 0.0


class Activity:
    """Base class of the activities; see the module docstring for the contract.

    Parameters
    ----------
    learner : str, optional
        The learner's id; by default :func:`~thinktwice.widgets.identity.learner_id`.
    folder : path-like, optional
        Assignment folder holding the evidence log; by default the current folder.
    """

    #: The activity's name in the evidence log (and the CSS class ``tt-<name>`` of its view).
    name: ClassVar[str] = ""
    #: Where the view lives: ``"_module:Class"`` in this package, built with the activity.
    view_class: ClassVar[str] = ""

    def __init__(
        self, learner: str | None = None, *, folder: str | os.PathLike[str] | None = None
    ) -> None:
        self.learner = learner
        self.folder = folder

    # -- life cycle ----------------------------------------------------------------------------
    @property
    def activity(self) -> str:
        """The name under which this activity's events are logged."""
        return self.name

    def start(self) -> Activity:
        """Build the learner's variant, replay the evidence log, and return ``self``."""
        self.learner_ = self.learner or learner_id(self.folder)
        self.seed_ = variant_seed(self.learner_, self.activity)
        self.log_ = EvidenceLog.in_folder(Path(self.folder or os.getcwd()), self.learner_)
        before = set(vars(self))
        self._build(self.seed_)
        # The variant is what _build made under scikit-learn's name for it: public, ending in _.
        self._variant_names = sorted(
            name
            for name in set(vars(self)) - before
            if name.endswith("_") and not name.startswith("_")
        )
        for event in self.log_.events(self.activity):
            data = dict(event.data)
            try:
                self._check(event.kind, data)
            except ActivityError:
                continue  # out of order or edited by hand: it never happened
            self._apply(event.kind, data)
        return self

    def _ensure_started(self) -> None:
        if not hasattr(self, "log_"):
            self.start()

    def record(self, kind: str, data: Mapping[str, Any]) -> Any:
        """Check an interaction, write it to the evidence log, then apply it.

        Parameters
        ----------
        kind : str
            What the learner did (the activity's own vocabulary, e.g. ``"guess"``).
        data : mapping
            Its details; JSON-serialisable.

        Returns
        -------
        object
            Whatever the activity's ``_apply`` returns for this kind.

        Raises
        ------
        ActivityError
            If the activity cannot take the interaction now; nothing is written.
        """
        self._ensure_started()
        # The live path sees exactly what a replay will read back from the log.
        data = json.loads(json.dumps(dict(data)))
        self._check(kind, data)
        self.log_.append(self.activity, kind, data)
        return self._apply(kind, data)

    def events(self) -> list:
        """The logged events of this learner in this activity, oldest first."""
        self._ensure_started()
        return self.log_.events(self.activity)

    def view(self):
        """Return the interactive ipywidgets view of this activity."""
        self._ensure_started()
        module, _sep, name = self.view_class.partition(":")
        if not module or not name:
            raise TypeError(f"{type(self).__name__}.view_class must be '_module:Class'")
        return getattr(import_module(f".{module}", __package__), name)(self)

    def fingerprint(self) -> str:
        """A digest of the learner's variant: the ``*_`` attributes :meth:`_build` made.

        Two learners get different data when their fingerprints differ; the same learner gets
        the same data wherever the activity is rebuilt. Subclasses may narrow it to what the
        learner sees.
        """
        self._ensure_started()
        digest = hashlib.sha256()
        for name in self._variant_names:
            digest.update(name.encode())
            _digest_into(digest, getattr(self, name), depth=4)
        return digest.hexdigest()

    @classmethod
    def warm_up(cls) -> None:
        """Make, once per process and cached, what every learner's variant shares.

        Graders call it (through :func:`~thinktwice.widgets.registry.warm_up`) before forking
        one child per submission. The default has nothing to make.
        """

    # -- for subclasses ------------------------------------------------------------------------
    def _build(self, seed: int) -> None:
        raise NotImplementedError

    def _check(self, kind: str, data: dict) -> None:
        raise NotImplementedError

    def _apply(self, kind: str, data: dict) -> Any:
        raise NotImplementedError

    def outcome(self) -> Outcome:
        """What the learner has achieved so far, for the autograder."""
        raise NotImplementedError

    def progress(self, outcome: Outcome) -> str:
        """The learner's progress in one sentence, the first line of their feedback."""
        return _("You completed {done} of {total} steps.").format(
            done=outcome.done, total=outcome.total
        )


def _digest_into(digest, value: Any, depth: int) -> None:
    """Feed a stable encoding of ``value`` (arrays, plain data, small objects) to ``digest``."""
    if isinstance(value, np.ndarray):
        digest.update(str(value.dtype).encode() + str(value.shape).encode())
        digest.update(np.ascontiguousarray(value).tobytes())
    elif isinstance(value, str | bytes | int | float | bool | type(None) | np.generic):
        digest.update(repr(value).encode())
    elif isinstance(value, Mapping):
        for key in sorted(value, key=repr):
            digest.update(repr(key).encode())
            _digest_into(digest, value[key], depth)
    elif isinstance(value, list | tuple | set | frozenset):
        items = sorted(value, key=repr) if isinstance(value, set | frozenset) else value
        digest.update(f"[{len(items)}".encode())
        for item in items:
            _digest_into(digest, item, depth)
    elif depth > 0 and hasattr(value, "__dict__"):
        digest.update(type(value).__qualname__.encode())
        _digest_into(digest, vars(value), depth - 1)
    elif depth > 0 and hasattr(value, "__slots__"):
        _digest_into(digest, {s: getattr(value, s, None) for s in value.__slots__}, depth - 1)
    else:
        digest.update(type(value).__qualname__.encode())
