"""Claim checker: label each claim of an AI's answer against the sources, and catch fake citations.

Module 8 ("Checking what an AI tells you"). An AI-written answer is split into claims; beside it
are a few short source documents. The learner labels each claim supported, contradicted or
unverifiable against those sources, and marks each citation in the answer as real (present among
the sources) or fabricated. Fact-checkers read laterally, across sources, rather than trusting one
page (Wineburg & McGrew 2017); knowing a manipulation technique before meeting it helps people
resist it (Roozenbeek et al. 2022).

The claim sets and their answer key live in ``data/claims.toml``; one set is on a real case (two
news reports on Japan's AI Basic Plan that disagree), the others on invented topics. The learner's
set and the order of its claims and citations are seeded from their id. A label is final once
submitted (the first one counts); the explanation of a label is shown only after it is submitted.

This module is the model (pure Python); ``_claim_checker_view`` draws it.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from .activity import Activity, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement, no_such_question

#: The labels of a claim, judged against the sources only.
LABELS = ("supported", "contradicted", "unverifiable")
#: The verdicts on a citation.
VERDICTS = ("real", "fabricated")
DATA = Path(__file__).with_name("data")

#: Labelling one claim: asked once per claim, the first label counts; the key is the claim's.
CLAIM_QUESTION = Judgement(
    N_("What do the sources say about this claim?"),
    [
        ("supported", N_("Supported")),
        ("contradicted", N_("Contradicted")),
        ("unverifiable", N_("Unverifiable")),
    ],
)
#: Marking one citation: asked once per citation, the first verdict counts.
CITATION_QUESTION = Judgement(
    N_("Is this citation among the sources?"),
    [("real", N_("Real")), ("fabricated", N_("Fabricated"))],
)
assert tuple(CLAIM_QUESTION.keys()) == LABELS and tuple(CITATION_QUESTION.keys()) == VERDICTS


def label_text(label: str) -> str:
    """The learner-facing name of a claim label or citation verdict."""
    question = CLAIM_QUESTION if label in LABELS else CITATION_QUESTION
    return question.label(label)


@dataclass(frozen=True)
class Source:
    """A short source document the claims are checked against."""

    id: str
    title: str
    about: str
    text: str


@dataclass(frozen=True)
class Claim:
    """One claim of the AI's answer, the citations it carries, and its label in the key."""

    id: str
    text: str
    cites: tuple[str, ...]
    label: str
    why: str


@dataclass(frozen=True)
class Citation:
    """A citation in the AI's answer: real when it is among the sources."""

    id: str
    text: str
    real: bool
    why: str

    @property
    def verdict(self) -> str:
        """``"real"`` or ``"fabricated"``."""
        return "real" if self.real else "fabricated"


@dataclass(frozen=True)
class ClaimSet:
    """An AI answer split into claims, with its sources, citations and answer key."""

    id: str
    title: str
    question: str
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    citations: tuple[Citation, ...]


@dataclass(frozen=True)
class LabelResult:
    """The verdict on one submitted label: whether it matches the key, the key, and why."""

    correct: bool
    answer: str
    why: str


def _data_file(language: str | None) -> Path:
    if language:
        for candidate in (language, language.split("_")[0]):
            path = DATA / f"claims.{candidate}.toml"
            if path.exists():
                return path
    return DATA / "claims.toml"


def load_sets(path: Path | None = None) -> tuple[ClaimSet, ...]:
    """The claim sets in ``path`` (by default the learner's language edition of the data).

    Raises
    ------
    ValueError
        If the file is not a valid set of claims; the message names the file and the problem.
    """
    return _load(Path(path or _data_file(os.environ.get("THINKTWICE_LANG"))))


@lru_cache(maxsize=4)
def _load(path: Path) -> tuple[ClaimSet, ...]:
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
        sets = tuple(
            ClaimSet(
                s["id"],
                s["title"],
                s["question"],
                tuple(Source(d["id"], d["title"], d["about"], d["text"]) for d in s["sources"]),
                tuple(
                    Claim(c["id"], c["text"], tuple(c["cites"]), c["label"], c["why"])
                    for c in s["claims"]
                ),
                tuple(
                    Citation(k["id"], k["text"], bool(k["real"]), k["why"]) for k in s["citations"]
                ),
            )
            for s in raw["sets"]
        )
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not a valid claims file ({error!r})") from error
    for s in sets:
        known = {k.id for k in s.citations}
        for c in s.claims:
            if c.label not in LABELS or not set(c.cites) <= known:
                raise ValueError(f"{path}: claim {s.id}/{c.id} has a bad label or citation")
    return sets


def _result(question: Judgement, given: str | None, right: str, key) -> LabelResult | None:
    if given is None:
        return None
    return LabelResult(question.is_right(given, right), right, key.why)


class ClaimChecker(Activity):
    """Label an AI answer's claims against short sources, and mark its citations real or fake.

    Graded per label: each claim labelled as in the answer key, each citation marked right. The
    first submitted label of each item counts; later ones are refused.

    Parameters
    ----------
    learner, folder
        As for :class:`~thinktwice.widgets.activity.Activity`.
    claim_set : str, optional
        The id of the claim set every learner gets (module 8 gives everyone the real case,
        ``"ai-basic-plan"``); by default each learner's set is drawn from their seed.

    Attributes
    ----------
    set_ : ClaimSet
        The learner's claim set.
    claims_ : list of Claim
        Its claims, in the learner's seeded order.
    citations_ : list of Citation
        Its citations, in the learner's seeded order.
    labels_ : dict
        The submitted label of each claim, by claim id.
    verdicts_ : dict
        The submitted verdict on each citation, by citation id.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import ClaimChecker
        ClaimChecker().view()

    Evidence kinds: ``"label"`` with ``{"set": set id, "claim": claim id, "label": label}`` and
    ``"citation"`` with ``{"set": set id, "citation": citation id, "verdict": verdict}``.

    Examples
    --------
    >>> import tempfile
    >>> checker = ClaimChecker("aiko", folder=tempfile.mkdtemp()).start()
    >>> claim = checker.claims_[0]
    >>> checker.label_claim(claim.id, "supported").correct == (claim.label == "supported")
    True
    >>> citation = checker.citations_[0]
    >>> checker.mark_citation(citation.id, citation.verdict).correct
    True
    >>> checker.outcome().done
    2
    """

    name = "claim-checker"
    view_class = "_claim_checker_view:ClaimCheckerView"

    def __init__(
        self,
        learner: str | None = None,
        *,
        folder: str | os.PathLike[str] | None = None,
        claim_set: str | None = None,
    ) -> None:
        super().__init__(learner, folder=folder)
        self.claim_set = claim_set

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        sets = load_sets()
        drawn = sets[int(rng.integers(len(sets)))]  # drawn either way: the orders stay seeded
        if self.claim_set is None:
            self.set_ = drawn
        else:
            chosen = [s for s in sets if s.id == self.claim_set]
            if not chosen:
                known = ", ".join(s.id for s in sets)
                raise ValueError(f"no claim set {self.claim_set!r} (the sets are: {known})")
            self.set_ = chosen[0]
        self.claims_ = [self.set_.claims[k] for k in rng.permutation(len(self.set_.claims))]
        self.citations_ = [
            self.set_.citations[k] for k in rng.permutation(len(self.set_.citations))
        ]
        self._claims = {c.id: c for c in self.claims_}
        self._citations = {k.id: k for k in self.citations_}
        self.labels_: dict[str, str] = {}
        self.verdicts_: dict[str, str] = {}

    # -- interactions ---------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "label":
            question, items, given, answer = CLAIM_QUESTION, self._claims, self.labels_, "label"
            item = data.get("claim")
        elif kind == "citation":
            question, items, given, answer = (
                CITATION_QUESTION,
                self._citations,
                self.verdicts_,
                "verdict",
            )
            item = data.get("citation")
        else:
            raise unknown_action()
        # A label for another set of claims, or for an item not in this one, answers nothing.
        if data.get("set") != self.set_.id or not isinstance(item, str) or item not in items:
            raise no_such_question()
        question.check(data.get(answer), given.get(item))

    def _apply(self, kind: str, data: dict) -> LabelResult:
        if kind == "label":
            self.labels_[data["claim"]] = data["label"]
            return self.claim_result(data["claim"])
        self.verdicts_[data["citation"]] = data["verdict"]
        return self.citation_result(data["citation"])

    def label_claim(self, claim: str, label: str) -> LabelResult:
        """Submit the label of a claim (by id): one of :data:`LABELS`; the first one counts.

        Returns
        -------
        LabelResult
            Whether it matches the answer key, and why.

        Raises
        ------
        ActivityError
            If the claim is unknown, already labelled, or the label is not one of the three.
        """
        return self.record("label", {"set": self.set_id, "claim": claim, "label": label})

    def mark_citation(self, citation: str, verdict: str) -> LabelResult:
        """Submit whether a citation (by id) is ``"real"`` or ``"fabricated"``; the first counts."""
        return self.record(
            "citation", {"set": self.set_id, "citation": citation, "verdict": verdict}
        )

    @property
    def set_id(self) -> str:
        """The id of the learner's claim set."""
        self._ensure_started()
        return self.set_.id

    # -- results (only for submitted labels) ----------------------------------------------------
    def claim_result(self, claim: str) -> LabelResult | None:
        """The verdict on a claim's submitted label, or ``None`` before it is submitted."""
        self._ensure_started()
        key = self._claims.get(claim)
        return _result(CLAIM_QUESTION, self.labels_.get(claim), key and key.label, key)

    def citation_result(self, citation: str) -> LabelResult | None:
        """The verdict on a citation's submitted mark, or ``None`` before it is submitted."""
        self._ensure_started()
        key = self._citations.get(citation)
        return _result(CITATION_QUESTION, self.verdicts_.get(citation), key and key.verdict, key)

    def outcome(self) -> Outcome:
        """One graded step per claim and per citation; credit for each label that matches."""
        self._ensure_started()
        total = len(self.claims_) + len(self.citations_)
        done = len(self.labels_) + len(self.verdicts_)
        claims_right = sum(1 for c in self.labels_ if self.claim_result(c).correct)
        citations_right = sum(1 for k in self.verdicts_ if self.citation_result(k).correct)
        feedback = [
            _("Claims labelled right: {k} of {n}.").format(k=claims_right, n=len(self.claims_)),
            _("Citations marked right: {k} of {n}.").format(
                k=citations_right, n=len(self.citations_)
            ),
        ]
        mistakes = {
            (self.labels_[c], self._claims[c].label)
            for c in self.labels_
            if not self.claim_result(c).correct
        }
        if ("supported", "unverifiable") in mistakes:
            feedback.append(
                _(
                    "A claim is supported only when a source says it; a real citation beside it "
                    "is not enough."
                )
            )
        if {("supported", "contradicted"), ("unverifiable", "contradicted")} & mistakes:
            feedback.append(
                _("Compare numbers, dates and names across all the sources, not just one.")
            )
        if ("contradicted", "unverifiable") in mistakes:
            feedback.append(
                _("When no source speaks to a claim, it is unverifiable, not contradicted.")
            )
        if any(v == "real" and not self._citations[k].real for k, v in self.verdicts_.items()):
            feedback.append(_("Check that each cited report and page really is among the sources."))
        if done < total:
            feedback.append(_("Labels still to submit: {n}.").format(n=total - done))
        return Outcome(done, total, claims_right + citations_right, tuple(feedback))
