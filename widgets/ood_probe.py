"""The out-of-distribution probe: show a digits model things that are not digits.

A small neural network trained on handwritten digits answers every input with a digit and a
confidence, even a letter, static or an empty card, and it is often very confident about them.
Four other models of different kinds, trained on the same digits, answer too: where the digits
were, they agree; away from them they tend to disagree. The learner asks the models about a
seeded set of probes, judges each answer ("trust" or "do not trust"), draws inputs of their own,
and answers a question on why confidence does not warn them while disagreement can.

This module is the model, pure Python; ``_ood_probe_view`` draws it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import import_module

import numpy as np

from . import _digit_models as dm
from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement

#: What a probe is: a held-out handwritten digit, or something no digit model was built for.
DIGIT, LETTER, NOISE, BLANK = "digit", "letter", "noise", "blank"
#: The optional answer to "what told you?" when judging.
SIGNALS = ("image", "confidence", "disagreement")
#: The closing question, its choices in the order they are shuffled from, and its right answer.
QUESTION = Judgement(
    N_(
        "Why could the network's high confidence not warn you, while the models' "
        "disagreement could?"
    ),
    [
        (
            "sum",
            N_(
                "It can never say 'not a digit'; models built differently tend to agree only "
                "on familiar input."
            ),
        ),
        ("seen", N_("High confidence means the network has seen that very picture before.")),
        (
            "broken",
            N_("When models disagree one of them is broken, so believe the most confident one."),
        ),
        (
            "drops",
            N_(
                "Confidence always drops on strange pictures, so it warns as well as "
                "disagreement does."
            ),
        ),
    ],
    right="sum",
)
CHOICES = tuple(QUESTION.keys())

_N_DIGITS, _N_LETTERS = 3, 3
#: Held while an activity starts: a view starting one in the background and a caller that
#: reads it meanwhile wait for each other instead of building it twice.
_STARTING = threading.RLock()
#: A held-out digit is "clear" when every member gets it right and their mean confidence is this.
_CLEAR = 0.85


def member_names() -> dict[str, str]:
    """The ensemble's members as the learner reads them, by key."""
    return {
        "network": _("neural network"),
        "logistic": _("logistic regression"),
        "neighbours": _("nearest neighbours"),
        "forest": _("random forest"),
        "svm": _("support-vector machine"),
    }


def kind_names() -> dict[str, str]:
    """What each kind of probe is, in words."""
    return {
        DIGIT: _("a handwritten digit"),
        LETTER: _("a letter"),
        NOISE: _("random static"),
        BLANK: _("an empty card"),
    }


@dataclass(frozen=True)
class Reading:
    """What the five models say about one input.

    Attributes
    ----------
    votes : tuple of int
        Each member's digit, in the order of :data:`~thinktwice.widgets._digit_models.MEMBERS`.
    confidences : tuple of float
        Each member's probability for its own digit.
    majority : int
        The digit most members name (ties go to the smaller digit).
    disagreement : float
        Share of the members that name another digit than the majority (0 when all agree).
    ensemble_confidence : float
        The members' mean probability for the majority digit.
    """

    votes: tuple[int, ...]
    confidences: tuple[float, ...]
    majority: int
    disagreement: float
    ensemble_confidence: float

    @property
    def answer(self) -> int:
        """The network's digit: the answer the learner judges."""
        return self.votes[0]

    @property
    def confidence(self) -> float:
        """The network's probability for its digit."""
        return self.confidences[0]

    @property
    def dissenters(self) -> int:
        """How many members name another digit than the majority."""
        return sum(v != self.majority for v in self.votes)


def _readings(proba: np.ndarray) -> list[Reading]:
    readings = []
    for k in range(proba.shape[1]):
        p = proba[:, k, :]
        votes = p.argmax(axis=1)
        majority = int(np.bincount(votes, minlength=10).argmax())
        readings.append(
            Reading(
                votes=tuple(int(v) for v in votes),
                confidences=tuple(round(float(v), 3) for v in p.max(axis=1)),
                majority=majority,
                disagreement=round(float(np.mean(votes != majority)), 3),
                ensemble_confidence=round(float(p[:, majority].mean()), 3),
            )
        )
    return readings


@dataclass(frozen=True)
class Probe:
    """One input of the learner's probe set and what the models say about it."""

    probe_id: str
    kind: str
    label: str
    pixels: tuple[float, ...]
    reading: Reading

    @property
    def in_distribution(self) -> bool:
        """Whether the input is the kind of thing the models learned from (a held-out digit)."""
        return self.kind == DIGIT

    @property
    def trustworthy(self) -> bool:
        """Whether a careful user may trust the network's answer (a clear digit, agreed on)."""
        return self.in_distribution and self.reading.disagreement == 0


@dataclass(frozen=True)
class TrustCall:
    """A learner's call on one probe: whether they trust the network, and what told them."""

    trust: bool
    signal: str | None


def _pixels_of(data) -> list[int]:
    pixels = data.get("pixels") if isinstance(data, dict) else None
    if (
        not isinstance(pixels, list)
        or len(pixels) != dm.PIXELS
        or any(isinstance(p, bool) or p not in (0, 1) for p in pixels)
    ):
        raise ActivityError(_("A drawing is 64 squares, each inked (1) or blank (0)."))
    return pixels


class OutOfDistributionProbe(Activity):
    """Probe a digits network with letters, static and blanks, and judge when to trust it.

    Each learner gets eight probes in a seeded order: three clear handwritten digits the models
    never saw, three jittered letters, random static and an almost empty card. Of a few seeded
    versions of each letter and of the static, the probe keeps the one the network is surest
    about: the failures worth seeing. For each one the
    learner asks the models (:meth:`ask`), reads the network's digit and confidence and how much
    the five models disagree, and judges whether to trust the answer (:meth:`judge`). They can
    draw their own inputs (:meth:`draw`) and answer a closing question (:meth:`answer`).

    Graded (:meth:`outcome`): one step per probe, with credit when the call is the careful one
    (do not trust an answer about something that is not a digit; trust a clear digit the models
    agree on), and one step for the question.

    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    probes_ : list of Probe
        The learner's probes, in order, after :meth:`start`.
    choice_order_ : list of str
        The closing question's choices in the order this learner sees them.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import OutOfDistributionProbe
        OutOfDistributionProbe().view()

    Evidence kinds: ``probe`` ``{"probe": id}`` (the models' answer shown), ``judge``
    ``{"probe": id, "trust": bool, "signal": str or None}``, ``draw`` ``{"pixels": [64 of 0/1]}``
    and ``answer`` ``{"choice": key}``. The idea of reading disagreement between several models as
    a warning is from Lakshminarayanan et al. (2017) and Google PAIR's "From confidently
    incorrect models to humble ensembles".

    Examples
    --------
    >>> import tempfile
    >>> probe = OutOfDistributionProbe("aiko", folder=tempfile.mkdtemp()).start()
    >>> len(probe.probes_)
    8
    >>> reading = probe.ask()
    >>> 0 <= reading.answer <= 9 and 0 < reading.confidence <= 1
    True
    >>> probe.judge(trust=False, signal="disagreement")
    >>> probe.outcome().done
    1
    """

    name = "ood-probe"
    view_class = "_ood_probe_view:OutOfDistributionProbeView"

    # -- the shared models ---------------------------------------------------------------------
    @classmethod
    def warm_up(cls) -> None:
        """Train the five models and pick the clear digits, once per process (a few seconds).

        Every learner's probes are read by these same models, so graders and a lab kernel pay
        for them once; building a learner's probes afterwards takes milliseconds.
        """
        with _STARTING:
            _clear_digits()

    @classmethod
    def trained(cls) -> bool:
        """Whether this process has the trained models already (:meth:`warm_up` has run)."""
        return _clear_digits.cache_info().currsize > 0

    def start(self) -> OutOfDistributionProbe:
        """Build the learner's probes and replay the log; one start at a time (see :meth:`view`)."""
        with _STARTING:
            return super().start()

    def _ensure_started(self) -> None:
        with _STARTING:
            super()._ensure_started()

    def view(self):
        """Return the interactive ipywidgets view of this activity.

        In a process that has not trained the models yet (a fresh kernel) the view appears at
        once and says so; it trains them in the background and then shows the first probe.
        """
        if self.trained():
            return super().view()
        module, _sep, name = self.view_class.partition(":")
        return getattr(import_module(f".{module}", __package__), name)(self)

    # -- building ------------------------------------------------------------------------------
    def _build(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        ensemble = dm.ensemble()
        clear = _clear_digits()
        chosen = rng.choice(clear, _N_DIGITS, replace=False)
        letters = rng.choice(sorted(dm.LETTERS), _N_LETTERS, replace=False)
        images, target = dm.digits()
        items = [(DIGIT, str(int(target[i])), images[i].reshape(dm.SIDE, dm.SIDE)) for i in chosen]
        items += [
            (LETTER, str(c), _surest([dm.letter(str(c), rng) for _ in range(4)])) for c in letters
        ]
        items += [
            (NOISE, "", _surest([dm.noise(rng) for _ in range(4)])),
            (BLANK, "", dm.blank(rng)),
        ]
        order = rng.permutation(len(items))
        items = [items[i] for i in order]
        pixels = np.stack([np.round(image.ravel(), 3) for _, _, image in items])
        readings = _readings(ensemble.proba(pixels))
        self.probes_ = [
            Probe(f"probe-{n}", kind, label, tuple(float(v) for v in pixels[n - 1]), reading)
            for n, ((kind, label, _image), reading) in enumerate(
                zip(items, readings, strict=True), start=1
            )
        ]
        self.choice_order_ = [CHOICES[i] for i in rng.permutation(len(CHOICES))]
        self.asked_: set[str] = set()
        self.judgements_: dict[str, TrustCall] = {}
        self.drawings_: list[tuple[int, ...]] = []
        self.choice_: str | None = None

    def question(self) -> Judgement:
        """The closing question, its choices in the order this learner sees them."""
        self._ensure_started()
        choices = dict(QUESTION.choices)
        return replace(QUESTION, choices=[(key, choices[key]) for key in self.choice_order_])

    # -- where the learner is ------------------------------------------------------------------
    @property
    def current(self) -> Probe | None:
        """The probe the learner is on (the first one not judged), or ``None`` when all are."""
        self._ensure_started()
        for probe in self.probes_:
            if probe.probe_id not in self.judgements_:
                return probe
        return None

    @property
    def asked(self) -> bool:
        """Whether the models' answer on the current probe has been shown."""
        probe = self.current
        return probe is not None and probe.probe_id in self.asked_

    # -- interactions --------------------------------------------------------------------------
    def ask(self) -> Reading:
        """Show the models' answers on the current probe (logged) and return them."""
        probe = self.current
        if probe is None:
            raise ActivityError(_("You have judged every probe."))
        return self.record("probe", {"probe": probe.probe_id})

    def judge(self, trust: bool, signal: str | None = None) -> None:
        """Judge the network's answer on the current probe: trust it or not.

        Parameters
        ----------
        trust : bool
            Whether you would trust the network's answer.
        signal : {"image", "confidence", "disagreement"}, optional
            What told you most.
        """
        probe = self.current
        probe_id = probe.probe_id if probe is not None else None
        self.record("judge", {"probe": probe_id, "trust": trust, "signal": signal})

    def draw(self, pixels) -> Reading:
        """Ask the models about a drawing of your own (64 values, 1 for ink); logged."""
        flat = [int(v) if v in (0, 1) else v for v in np.asarray(pixels).ravel().tolist()]
        self.record("draw", {"pixels": flat})
        return self.read(flat)

    def read(self, pixels) -> Reading:
        """What the models say about any 8x8 image (values 0 to 1); nothing is logged."""
        image = np.asarray(pixels, dtype=float).reshape(1, dm.PIXELS)
        return _readings(dm.ensemble().proba(image))[0]

    def read_all(self, images) -> list[Reading]:
        """What the models say about many 8x8 images at once; nothing is logged.

        Parameters
        ----------
        images : array-like
            Pictures of shape ``(n, 8, 8)`` or ``(n, 64)``, values from 0 (blank) to 1 (ink),
            such as those of :meth:`examples`.
        """
        images = np.asarray(images, dtype=float).reshape(-1, dm.PIXELS)
        return _readings(dm.ensemble().proba(images))

    @staticmethod
    def examples(kind: str, n: int, seed: int = 0) -> np.ndarray:
        """``n`` pictures of one kind, shape ``(n, 8, 8)``, the same for the same ``seed``.

        Parameters
        ----------
        kind : {"digit", "letter", "noise", "blank"}
            Handwritten digits none of the models learned from, jittered letters, random static
            or almost empty cards.
        n : int
            How many pictures.
        seed : int
            Seed of the random choice and jitter.

        Examples
        --------
        >>> OutOfDistributionProbe.examples("noise", 3, seed=1).shape
        (3, 8, 8)
        """
        rng = np.random.default_rng(seed)
        if kind == DIGIT:
            images, _target = dm.digits()
            held_out = dm._split()[1]
            chosen = rng.choice(held_out, n, replace=n > len(held_out))
            return images[chosen].reshape(n, dm.SIDE, dm.SIDE)
        makers = {
            LETTER: lambda: dm.letter(str(rng.choice(sorted(dm.LETTERS))), rng),
            NOISE: lambda: dm.noise(rng),
            BLANK: lambda: dm.blank(rng),
        }
        if kind not in makers:
            raise ActivityError(
                _("A kind of picture is one of: {kinds}.").format(
                    kinds=", ".join((DIGIT, LETTER, NOISE, BLANK))
                )
            )
        return np.stack([makers[kind]() for _ in range(n)])

    def answer(self, choice: str) -> None:
        """Answer the closing question with one of the keys of :data:`QUESTION`."""
        self.record("answer", {"choice": choice})

    # -- the contract --------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "probe":
            probe = self.current
            if probe is None or data.get("probe") != probe.probe_id:
                raise ActivityError(_("That probe is not the one on screen."))
            if probe.probe_id in self.asked_:
                raise ActivityError(_("The models have already answered on this probe."))
        elif kind == "judge":
            probe = self.current
            if probe is None or data.get("probe") != probe.probe_id:
                raise ActivityError(_("You have judged every probe."))
            if probe.probe_id not in self.asked_:
                raise ActivityError(_("Ask the models first, then judge their answer."))
            if not isinstance(data.get("trust"), bool):
                raise ActivityError(_("Choose whether you trust the answer."))
            if data.get("signal") not in (None, *SIGNALS):
                raise ActivityError(_("Choose what told you, or leave it empty."))
        elif kind == "draw":
            _pixels_of(data)
        elif kind == "answer":
            QUESTION.check(data.get("choice"), self.choice_)
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "probe":
            self.asked_.add(data["probe"])
            return self.probes_[int(data["probe"].split("-")[1]) - 1].reading
        if kind == "judge":
            self.judgements_[data["probe"]] = TrustCall(data["trust"], data.get("signal"))
        elif kind == "draw":
            self.drawings_.append(tuple(data["pixels"]))
        elif kind == "answer":
            self.choice_ = data["choice"]
        return None

    # -- results -------------------------------------------------------------------------------
    def judged_well(self, probe: Probe) -> bool | None:
        """Whether the learner's call on ``probe`` was the careful one (``None`` if not judged)."""
        judgement = self.judgements_.get(probe.probe_id)
        return None if judgement is None else judgement.trust == probe.trustworthy

    def outcome(self) -> Outcome:
        """Graded: a careful call on each probe, and the closing question."""
        self._ensure_started()
        calls = [self.judged_well(p) for p in self.probes_]
        done = sum(c is not None for c in calls) + (self.choice_ is not None)
        credit = sum(bool(c) for c in calls) + QUESTION.is_right(self.choice_)
        feedback = []
        trusted_nonsense = sum(
            1
            for p, c in zip(self.probes_, calls, strict=True)
            if c is False and not p.in_distribution
        )
        doubted_digits = sum(
            1 for p, c in zip(self.probes_, calls, strict=True) if c is False and p.in_distribution
        )
        if trusted_nonsense:
            feedback.append(
                _(
                    "You trusted {n} answer(s) about inputs that are not digits at all. The "
                    "network must name a digit whatever it is shown; look at the picture and at "
                    "how much the five models disagree."
                ).format(n=trusted_nonsense)
            )
        if doubted_digits:
            feedback.append(
                _(
                    "You did not trust {n} clear digit(s) that all five models agreed on. "
                    "Doubt is useful where there is a reason for it."
                ).format(n=doubted_digits)
            )
        if self.choice_ is not None and not QUESTION.is_right(self.choice_):
            feedback.append(
                _(
                    "Think again about where the network's confidence comes from: can it ever "
                    "say 'none of these'?"
                )
            )
        if done < len(self.probes_) + 1:
            feedback.append(_("Judge every probe and answer the question to finish."))
        return Outcome(done, len(self.probes_) + 1, float(credit), tuple(feedback))


def _surest(candidates: list[np.ndarray]) -> np.ndarray:
    """The candidate the network is most confident about: the failure worth looking at."""
    network = dm.ensemble().models[0]
    proba = network.predict_proba(np.stack([c.ravel() for c in candidates]))
    return candidates[int(proba.max(axis=1).argmax())]


@lru_cache(maxsize=1)
def _clear_digits() -> np.ndarray:
    """Held-out digits every member gets right with a mean confidence of at least ``_CLEAR``."""
    ensemble = dm.ensemble()
    images, target = dm.digits()
    held = ensemble.held_out
    proba = ensemble.proba(images[held])
    right = (proba.argmax(axis=2) == target[held]).all(axis=0)
    sure = proba.mean(axis=0).max(axis=1) >= _CLEAR
    return held[right & sure]
