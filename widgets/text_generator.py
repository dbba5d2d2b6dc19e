"""Text generator: a small real language model that writes fluent, confident, made-up answers.

Module 8 ("Checking what an AI tells you"). The model is a word n-gram model: it learned from 26
short statements about Fennmoor, an invented town (``data/fennmoor_corpus.toml``), which word
followed which run of words. It writes by picking, again and again, a next word among those that
followed the last ``n - 1`` words in its training text. Where statements share words ("opened in",
"is run by"), it can jump from one statement to another mid-sentence and still sound fluent: the
result is a new sentence no source says, often with a citation stitched on from another statement
or blended from two.

Because every training statement is one fact (a place, a sentence pattern, a value) and one
citation, the truth of every sentence it writes is computed: *supported* (a source says it),
*contradicted* (a source gives the same place and pattern another value) or *unverifiable*; each
citation is *real* (it names a document) or *fabricated* (it names none). These are the claim
checker's labels (:data:`~thinktwice.widgets.claim_checker.LABELS`).

The learner labels the sentences of an answer written with their seed, then sees where each
sentence was stitched from; they turn the context length and the sampling temperature, and
measure how often the model fabricates. Two closing questions are checked against the learner's
own measured curves.

This module is the model (pure Python); ``_text_generator_view`` draws it.
"""

from __future__ import annotations

import bisect
import os
import random
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .activity import Activity, ActivityError, Outcome, unknown_action
from .claim_checker import CITATION_QUESTION, CLAIM_QUESTION, LABELS, VERDICTS, LabelResult
from .i18n import N_, _
from .judgement import Judgement, no_such_question

DATA = Path(__file__).with_name("data")
#: The context lengths the learner can choose: the model looks at the last ``n - 1`` words.
CONTEXTS = (2, 4, 6)
#: The sampling temperatures the learner can choose (low: the likeliest word; high: flatter).
TEMPERATURES = (0.2, 0.5, 1.0, 1.5, 2.0)
#: The setting that writes the answer the learner labels.
ANSWER_SETTING = (4, 1.5)
#: Sentences in the learner's answer.
ANSWER_SENTENCES = 4
#: Sentences written per point of a measured curve.
SAMPLES = 120
#: How much a shorter context counts against the next longer one when the model mixes them.
BACKOFF = 0.15
START, END = "<s>", "</s>"
_MAX_TOKENS = 40

#: Which context length fabricated most, in the learner's measurements.
CONTEXT_QUESTION = Judgement(
    N_("In your measurements, which context length made the model fabricate most?"),
    lambda: [(_("n = {n}").format(n=n), str(n)) for n in CONTEXTS],
)
#: What turning the temperature up did, in the learner's measurements at n = 6.
TEMPERATURE_QUESTION = Judgement(
    N_(
        "In your measurements with the longest context (n = 6), what did turning the "
        "temperature up from 0.2 to 2.0 do to the share of fabricated sentences?"
    ),
    [
        ("rise", N_("It went up.")),
        ("fall", N_("It went down.")),
        ("same", N_("It stayed about the same (within 5 points).")),
    ],
)
QUESTIONS = {"context": CONTEXT_QUESTION, "temperature": TEMPERATURE_QUESTION}


# -- the training text ------------------------------------------------------------------------
@dataclass(frozen=True)
class Document:
    """A document the training statements come from, and the citation that names it."""

    id: str
    citation: str
    about: str


@dataclass(frozen=True)
class Fact:
    """One training statement: a place, a sentence pattern, a value, and its document."""

    place: str
    pattern: str
    value: str
    document: str


@dataclass(frozen=True)
class Corpus:
    """The training text: the sentence patterns, places, documents and facts."""

    patterns: dict[str, tuple[str, str]]
    places: tuple[str, ...]
    documents: tuple[Document, ...]
    facts: tuple[Fact, ...]

    def citation_of(self, fact: Fact) -> str:
        """The citation text of a fact's document."""
        return next(d.citation for d in self.documents if d.id == fact.document)

    def sentence(self, fact: Fact) -> str:
        """A fact as its training sentence, citation included."""
        before, after = self.patterns[fact.pattern]
        words = [fact.place, before, fact.value, after]
        claim = " ".join(part for part in words if part)
        return f"{claim} [{self.citation_of(fact)}]."


def tokens(text: str) -> list[str]:
    """Split a sentence into the model's words: brackets, commas and full stops are words too.

    Examples
    --------
    >>> tokens("The old library opened in 1908 [Fennmoor Gazette, 12 March].")
    ['The', 'old', 'library', 'opened', 'in', '1908', '[', 'Fennmoor', 'Gazette', ',', '12', 'March', ']', '.']
    """  # noqa: E501
    for mark in "[],.":
        text = text.replace(mark, f" {mark} ")
    return text.split()


def detokenize(words: list[str]) -> str:
    """Join the model's words back into a sentence.

    Examples
    --------
    >>> detokenize(["The", "pool", "opened", "[", "A", ",", "B", "]", "."])
    'The pool opened [A, B].'
    """
    text = " ".join(words)
    for mark in (" ,", " ]", " ."):
        text = text.replace(mark, mark[1:])
    return text.replace("[ ", "[")


@cache
def load_corpus(path: Path | None = None) -> Corpus:
    """The training text in ``path`` (by default the learner's language edition).

    Raises
    ------
    ValueError
        If the file is not a valid corpus; the message names the file and the problem.
    """
    path = Path(path or _corpus_file(os.environ.get("THINKTWICE_LANG")))
    try:
        raw = tomllib.loads(path.read_text("utf-8"))
        patterns = {p["id"]: (p["before"], p["after"]) for p in raw["patterns"]}
        documents = tuple(Document(d["id"], d["citation"], d["about"]) for d in raw["documents"])
        facts = tuple(Fact(*row) for row in raw["facts"])
        places = tuple(raw["places"])
    except (OSError, tomllib.TOMLDecodeError, KeyError, TypeError) as error:
        raise ValueError(f"{path}: not a valid training text ({error!r})") from error
    known = {d.id for d in documents}
    for fact in facts:
        if fact.place not in places or fact.pattern not in patterns or fact.document not in known:
            raise ValueError(f"{path}: the fact {fact} names an unknown place, pattern or document")
    return Corpus(patterns, places, documents, facts)


def _corpus_file(language: str | None) -> Path:
    if language:
        for candidate in (language, language.split("_")[0]):
            path = DATA / f"fennmoor_corpus.{candidate}.toml"
            if path.exists():
                return path
    return DATA / "fennmoor_corpus.toml"


# -- what a sentence says, and whether the sources back it ------------------------------------
@dataclass(frozen=True)
class Verdict:
    """The truth of one written sentence, against the training text.

    ``label`` is one of :data:`LABELS`; ``verdict`` whether its citation is ``"real"`` or
    ``"fabricated"``; ``claim`` the sentence without its citation; ``citation`` the cited text
    (empty when there is none); ``backing`` the training sentences that say the claim (or, for a
    contradicted one, that give the true value); ``backs`` whether the cited document itself
    says the claim (a real citation can be stitched onto a claim its document does not make);
    ``fits`` whether the claim fits a sentence pattern about a place at all.
    """

    claim: str
    citation: str
    label: str
    verdict: str
    backing: tuple[str, ...]
    backs: bool = False
    fits: bool = True


def judge(words: list[str], corpus: Corpus) -> Verdict:
    """Label a written sentence (its words) against the training text.

    Examples
    --------
    >>> corpus = load_corpus()
    >>> judge(tokens("The youth club opened in 1988 [Fennmoor Council notice, 12 March]."), corpus).label
    'supported'
    >>> v = judge(tokens("The youth club opened in 1951 [Fennmoor Gazette, 3 March]."), corpus)
    >>> v.label, v.verdict
    ('contradicted', 'fabricated')
    >>> judge(tokens("The bus station was paid for by volunteers [Fennmoor visitor guide, 2023]."), corpus).label
    'unverifiable'
    """  # noqa: E501
    words = [w for w in words if w not in (START, END)]
    if "[" in words:
        at = words.index("[")
        claim_words, rest = words[:at], words[at + 1 :]
        citation = detokenize(rest[: rest.index("]")] if "]" in rest else rest)
    else:
        claim_words, citation = [w for w in words if w != "."], ""
    claim = detokenize(claim_words)
    real = any(citation == d.citation for d in corpus.documents)
    verdict = "real" if real else "fabricated"
    said = _parse(claim_words, corpus)
    if said is None:
        return Verdict(claim, citation, "unverifiable", verdict, (), fits=False)
    place, pattern, value = said
    same = [f for f in corpus.facts if f.place == place and f.pattern == pattern]
    backing = tuple(dict.fromkeys(corpus.sentence(f) for f in same))
    said_by = [f for f in same if f.value == value]
    if said_by:
        label = "supported"
        backing = tuple(corpus.sentence(f) for f in said_by)
    else:
        label = "contradicted" if same else "unverifiable"
    backs = any(corpus.citation_of(f) == citation for f in said_by)
    return Verdict(claim, citation, label, verdict, backing, backs)


def _parse(words: list[str], corpus: Corpus) -> tuple[str, str, str] | None:
    """The (place, pattern, value) a sentence's words state, or ``None`` if they fit no pattern.

    The value must be one the pattern takes somewhere in the training text: a year after
    "opened in", a number before "visitors a week", and so on.
    """
    text = " ".join(words)
    for place in corpus.places:
        if not text.startswith(place + " "):
            continue
        rest = text[len(place) + 1 :]
        for pattern, (before, after) in corpus.patterns.items():
            if not rest.startswith(before + " "):
                continue
            value = rest[len(before) + 1 :]
            if after:
                if not value.endswith(" " + after):
                    continue
                value = value[: -len(after) - 1]
            # a value the pattern never takes in the text ("is run by a week") is nonsense
            if any(f.pattern == pattern and f.value == value for f in corpus.facts):
                return place, pattern, value
    return None


# -- the model --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Piece:
    """A run of written words copied from one training sentence (``source``, its index)."""

    words: tuple[str, ...]
    source: int


@dataclass(frozen=True)
class Written:
    """One written sentence: its words and its truth; :attr:`pieces` says where it came from."""

    words: tuple[str, ...]
    verdict: Verdict

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """The fewest runs of words copied from training sentences that make up the sentence.

        Each run is the longest one, from where the last ended, found word for word in some
        training sentence (the first such sentence, in the order of the facts).
        """
        return stitch(self.words)

    @property
    def text(self) -> str:
        """The sentence as the learner reads it."""
        return detokenize(list(self.words))

    @property
    def jumps(self) -> int:
        """How many times the model jumped from one training sentence to another."""
        return len(self.pieces) - 1

    @property
    def fabricated(self) -> bool:
        """Whether the sentence is not a training fact with its own citation.

        That is: no source says its claim, or its citation names no document, or names a
        document that does not say the claim.
        """
        return not self.verdict.backs


class NGramModel:
    """A word n-gram language model that remembers where each word sequence came from.

    For a context of the last ``n - 1`` words it scores each possible next word by how often
    it followed that context in training, mixed with (weight :data:`BACKOFF` per step) how often it
    followed shorter contexts, down to one word. Sampling raises the scores to ``1 / temperature``:
    a low temperature nearly always takes the likeliest word, a high one gives unlikely words,
    which mostly come from shorter contexts, a bigger chance.

    Parameters
    ----------
    sentences : list of list of str
        The training sentences, as words.
    n : int
        The context length: the model looks at the last ``n - 1`` words (2 to 6 here).

    Examples
    --------
    >>> corpus = load_corpus()
    >>> model = NGramModel([tokens(corpus.sentence(f)) for f in corpus.facts], n=4)
    >>> written = model.sample(random.Random(0), temperature=0.2)
    >>> written.words[-1], sum(len(p.words) for p in written.pieces) == len(written.words)
    ('.', True)
    """

    def __init__(self, sentences: list[list[str]], n: int) -> None:
        self.sentences = [list(s) for s in sentences]
        self.n = n
        # follows[k][context of k words][next word] = [(sentence, position), ...]
        self.follows: list[dict] = [defaultdict(lambda: defaultdict(list)) for _ in range(n)]
        for s, words in enumerate(self.sentences):
            padded = [START] * (n - 1) + words + [END]
            for i in range(n - 1, len(padded)):
                for k in range(1, n):
                    self.follows[k][tuple(padded[i - k : i])][padded[i]].append((s, i - (n - 1)))
        self._choices: dict = {}
        self._tempered_cache: dict = {}

    def _options(self, context: tuple[str, ...]) -> tuple[list[str], list[float], dict]:
        """The next words after ``context``, their mixed scores, and where each came from."""
        cached = self._choices.get(context)
        if cached is not None:
            return cached
        scores: dict[str, float] = defaultdict(float)
        where: dict[str, list] = {}
        weight = 1.0
        for k in range(self.n - 1, 0, -1):
            table = self.follows[k].get(context[-k:])
            if table:
                total = sum(len(v) for v in table.values())
                for word, places in table.items():
                    scores[word] += weight * len(places) / total
                    where.setdefault(word, places)  # the longest context it followed
                weight *= BACKOFF
        words = sorted(scores)
        cached = (words, [scores[w] for w in words], where)
        self._choices[context] = cached
        return cached

    def _tempered(self, context: tuple[str, ...], temperature: float):
        """The next words after ``context`` with their cumulative tempered weights (cached)."""
        key = (context, temperature)
        cached = self._tempered_cache.get(key)
        if cached is None:
            options, scores, where = self._options(context)
            weights = [score ** (1.0 / temperature) for score in scores]
            cached = (options, list(_accumulate(weights)), where)
            self._tempered_cache[key] = cached
        return cached

    def sample(self, rng: random.Random, temperature: float) -> Written:
        """Write one sentence, word by word, and say where each run of words came from."""
        context = (START,) * (self.n - 1)
        words: list[str] = []
        for _step in range(_MAX_TOKENS):
            options, cumulative, _where = self._tempered(context, temperature)
            pick = bisect.bisect_right(cumulative, rng.random() * cumulative[-1])
            word = options[min(pick, len(options) - 1)]
            if word == END:
                break
            words.append(word)
            context = (*context[1:], word)
        return Written(tuple(words), judge(words, load_corpus()))


@cache
def stitch(words: tuple[str, ...]) -> tuple[Piece, ...]:
    """Split ``words`` into the fewest runs, each found word for word in a training sentence."""
    sentences = [tokens(s) for s in training_sentences()]
    pieces = []
    i = 0
    while i < len(words):
        best, source = 1, -1
        for s, sentence in enumerate(sentences):
            for j in range(len(sentence)):
                k = 0
                while (
                    i + k < len(words) and j + k < len(sentence) and words[i + k] == sentence[j + k]
                ):
                    k += 1
                if k > best or (source < 0 and k >= 1):
                    best, source = k, s
        pieces.append(Piece(tuple(words[i : i + best]), max(source, 0)))
        i += best
    return tuple(pieces)


def _accumulate(values):
    total = 0.0
    for value in values:
        total += value
        yield total


@cache
def training_sentences() -> tuple[str, ...]:
    """The training sentences, in the order of the facts."""
    corpus = load_corpus()
    return tuple(corpus.sentence(f) for f in corpus.facts)


@cache
def model(n: int) -> NGramModel:
    """The model with context length ``n``, trained on the training text (cached)."""
    return NGramModel([tokens(s) for s in training_sentences()], n)


@cache
def measure(n: int) -> tuple[float, ...]:
    """The share of fabricated sentences at each of :data:`TEMPERATURES`, for context ``n``.

    :data:`SAMPLES` sentences per temperature, written by the model with a fixed seed, so the
    curve is the same wherever it is measured again (cached for the process).
    """
    shares = []
    for k, temperature in enumerate(TEMPERATURES):
        rng = random.Random(1000 * n + k)
        written = [model(n).sample(rng, temperature) for _ in range(SAMPLES)]
        shares.append(sum(w.fabricated for w in written) / SAMPLES)
    return tuple(shares)


def write_answer(seed: int) -> tuple[Written, ...]:
    """The learner's answer: :data:`ANSWER_SENTENCES` different sentences, seeded by ``seed``.

    Drawn until the answer mixes what the learner must tell apart: every claim label and both
    citation verdicts occur in it.
    """
    n, temperature = ANSWER_SETTING
    rng = random.Random(seed)
    while True:
        answer: list[Written] = []
        while len(answer) < ANSWER_SENTENCES:
            written = model(n).sample(rng, temperature)
            fits = written.verdict.citation and written.verdict.fits
            if fits and all(w.text != written.text for w in answer):
                answer.append(written)
        labels = {w.verdict.label for w in answer}
        verdicts = {w.verdict.verdict for w in answer}
        if labels == set(LABELS) and verdicts == set(VERDICTS):
            return tuple(answer)


def sample_at(seed: int, n: int, temperature: float, number: int) -> Written:
    """The ``number``-th exploring sentence at a setting (the same each time it is asked)."""
    rng = random.Random(f"{seed}-{n}-{temperature}-{number}")
    return model(n).sample(rng, temperature)


# -- the activity -----------------------------------------------------------------------------
class TextGenerator(Activity):
    """Check the answer of a small real language model, see how it fabricated, and measure it.

    The answer is four sentences written by a word n-gram model (context ``n = 4``, temperature
    1.5) with the learner's seed. Graded steps: each sentence's claim label and each citation's
    verdict (one step each, right when it matches the computed truth; the first answer counts),
    then the two closing questions, which open once the learner has measured the model at every
    context length and are checked against those measurements. Parameters are those of
    :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    answer_ : tuple of Written
        The learner's answer, sentence by sentence.
    labels_ : dict
        The submitted label of each sentence's claim, by sentence number (``"1"`` to ``"4"``).
    verdicts_ : dict
        The submitted verdict on each sentence's citation, by sentence number.
    curves_ : dict
        The measured share of fabricated sentences at each temperature, by context length.
    samples_ : list of (int, float)
        The settings of the sentences the learner asked the model to write while exploring.
    choices_ : dict
        The learner's answers to the closing questions, by question (``"context"``,
        ``"temperature"``).

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import TextGenerator
        TextGenerator().view()

    Evidence kinds: ``"label"`` with ``{"sentence": "1", "label": label}``, ``"citation"`` with
    ``{"sentence": "1", "verdict": verdict}``, ``"sample"`` with ``{"n": n, "temperature": t}``,
    ``"measure"`` with ``{"n": n}``, and ``"answer"`` with ``{"question": q, "choice": key}``.

    Examples
    --------
    >>> import tempfile
    >>> generator = TextGenerator("aiko", folder=tempfile.mkdtemp()).start()
    >>> first = generator.answer_[0]
    >>> generator.label_claim("1", first.verdict.label).correct
    True
    >>> generator.measure(2)
    (...)
    >>> generator.outcome().done
    1
    """

    name = "text-generator"
    view_class = "_text_generator_view:TextGeneratorView"

    @classmethod
    def warm_up(cls) -> None:
        """Train the three models and measure their curves, once per process."""
        for n in CONTEXTS:
            measure(n)

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        self.answer_ = write_answer(seed)
        self.labels_: dict[str, str] = {}
        self.verdicts_: dict[str, str] = {}
        self.curves_: dict[int, tuple[float, ...]] = {}
        self.samples_: list[tuple[int, float]] = []
        self.choices_: dict[str, str] = {}

    @property
    def sentences(self) -> list[str]:
        """The sentence numbers of the answer, ``"1"`` to ``"4"``."""
        self._ensure_started()
        return [str(k) for k in range(1, len(self.answer_) + 1)]

    def written(self, sentence: str) -> Written:
        """The written sentence numbered ``sentence``."""
        return self.answer_[int(sentence) - 1]

    # -- interactions ---------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind in ("label", "citation"):
            sentence = data.get("sentence")
            if sentence not in self.sentences:
                raise no_such_question()
            if kind == "label":
                CLAIM_QUESTION.check(data.get("label"), self.labels_.get(sentence))
            else:
                CITATION_QUESTION.check(data.get("verdict"), self.verdicts_.get(sentence))
        elif kind in ("sample", "measure"):
            if data.get("n") not in CONTEXTS:
                raise ActivityError(_("Choose one of the context lengths on the buttons."))
            if kind == "sample" and data.get("temperature") not in TEMPERATURES:
                raise ActivityError(_("Choose one of the temperatures on the slider."))
        elif kind == "answer":
            question = QUESTIONS.get(data.get("question"))
            if question is None:
                raise no_such_question()
            if not self.questions_open:
                raise ActivityError(
                    _("Measure the model at every context length first, then answer.")
                )
            question.check(data.get("choice"), self.choices_.get(data["question"]))
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "label":
            self.labels_[data["sentence"]] = data["label"]
            return self.claim_result(data["sentence"])
        if kind == "citation":
            self.verdicts_[data["sentence"]] = data["verdict"]
            return self.citation_result(data["sentence"])
        if kind == "sample":
            self.samples_.append((data["n"], data["temperature"]))
            number = sum(1 for s in self.samples_ if s == (data["n"], data["temperature"]))
            return sample_at(self.seed_, data["n"], data["temperature"], number)
        if kind == "measure":
            self.curves_[data["n"]] = measure(data["n"])
            return self.curves_[data["n"]]
        self.choices_[data["question"]] = data["choice"]
        return self.answer_result(data["question"])

    def label_claim(self, sentence: str, label: str) -> LabelResult:
        """Submit the label of a sentence's claim: one of :data:`LABELS`; the first one counts."""
        return self.record("label", {"sentence": sentence, "label": label})

    def mark_citation(self, sentence: str, verdict: str) -> LabelResult:
        """Submit whether a sentence's citation is ``"real"`` or ``"fabricated"``."""
        return self.record("citation", {"sentence": sentence, "verdict": verdict})

    def sample(self, n: int, temperature: float) -> Written:
        """Ask the model to write one more sentence at context ``n`` and ``temperature``."""
        return self.record("sample", {"n": n, "temperature": temperature})

    def measure(self, n: int) -> tuple[float, ...]:
        """Measure the share of fabricated sentences at every temperature, for context ``n``."""
        return self.record("measure", {"n": n})

    def answer(self, question: str, choice: str) -> LabelResult:
        """Answer a closing question (``"context"`` or ``"temperature"``); the first counts."""
        return self.record("answer", {"question": question, "choice": choice})

    # -- results ---------------------------------------------------------------------------------
    @property
    def questions_open(self) -> bool:
        """Whether the closing questions take answers: every context length is measured."""
        self._ensure_started()
        return all(n in self.curves_ for n in CONTEXTS)

    def right_choice(self, question: str) -> str | None:
        """The right answer to a closing question, from the learner's own measured curves."""
        self._ensure_started()
        if not self.questions_open:
            return None
        if question == "context":
            means = {n: sum(self.curves_[n]) / len(TEMPERATURES) for n in CONTEXTS}
            return str(max(CONTEXTS, key=lambda n: means[n]))
        curve = self.curves_[max(CONTEXTS)]
        change = curve[-1] - curve[0]
        return "same" if abs(change) <= 0.05 else ("rise" if change > 0 else "fall")

    def claim_result(self, sentence: str) -> LabelResult | None:
        """The verdict on a sentence's submitted label, or ``None`` before it is submitted."""
        self._ensure_started()
        given = self.labels_.get(sentence)
        if given is None:
            return None
        verdict = self.written(sentence).verdict
        return LabelResult(given == verdict.label, verdict.label, claim_why(verdict))

    def citation_result(self, sentence: str) -> LabelResult | None:
        """The verdict on a sentence's submitted citation mark, or ``None`` before it."""
        self._ensure_started()
        given = self.verdicts_.get(sentence)
        if given is None:
            return None
        verdict = self.written(sentence).verdict
        return LabelResult(given == verdict.verdict, verdict.verdict, citation_why(verdict))

    def answer_result(self, question: str) -> LabelResult | None:
        """The verdict on a closing question's answer, or ``None`` before it is answered."""
        self._ensure_started()
        given = self.choices_.get(question)
        if given is None:
            return None
        right = self.right_choice(question)
        why = (
            _("Compare the three lines of your chart: which one lies highest overall?")
            if question == "context"
            else _("Compare the left and right ends of the n = 6 line in your chart.")
        )
        return LabelResult(given == right, right, why)

    def outcome(self) -> Outcome:
        """One step per claim, per citation and per closing question; credit for each right one."""
        self._ensure_started()
        total = 2 * len(self.answer_) + len(QUESTIONS)
        done = len(self.labels_) + len(self.verdicts_) + len(self.choices_)
        claims = sum(self.claim_result(s).correct for s in self.labels_)
        citations = sum(self.citation_result(s).correct for s in self.verdicts_)
        answers = sum(self.answer_result(q).correct for q in self.choices_)
        n = len(self.answer_)
        feedback = [
            _("Claims labelled right: {k} of {n}.").format(k=claims, n=n),
            _("Citations marked right: {k} of {n}.").format(k=citations, n=n),
        ]
        mistakes = {
            (given, self.written(s).verdict.label)
            for s, given in self.labels_.items()
            if not self.claim_result(s).correct
        }
        if {("supported", "contradicted"), ("supported", "unverifiable")} & mistakes:
            feedback.append(
                _(
                    "A fluent sentence with a citation is not yet a supported one: find the "
                    "place and the pattern in the sources and compare the value word for word."
                )
            )
        if ("contradicted", "unverifiable") in mistakes:
            feedback.append(
                _(
                    "When no source says anything about that place and pattern, the claim is "
                    "unverifiable, not contradicted."
                )
            )
        if any(
            v == "real" and self.written(s).verdict.verdict == "fabricated"
            for s, v in self.verdicts_.items()
        ):
            feedback.append(
                _("Compare each citation's name and date with the list of documents, exactly.")
            )
        if self.choices_ and answers < len(self.choices_):
            feedback.append(_("Read your closing answers against your own chart again."))
        if done < total:
            feedback.append(_("Answers still to give: {n}.").format(n=total - done))
        return Outcome(done, total, claims + citations + answers, tuple(feedback))


def claim_why(verdict: Verdict) -> str:
    """Why a claim has its label, in plain words (shown once the learner has labelled it)."""
    if verdict.label == "supported":
        return _("A source says it: {source}").format(source=verdict.backing[0])
    if verdict.label == "contradicted":
        return _("The sources give another value: {source}").format(source=verdict.backing[0])
    return _("No source says anything about this place with this sentence pattern.")


def citation_why(verdict: Verdict) -> str:
    """Why a citation is real or fabricated (shown once the learner has marked it)."""
    if verdict.verdict == "real" and verdict.backs:
        return _("A document with exactly this name and date is among the sources, and says it.")
    if verdict.verdict == "real":
        return _(
            "A document with exactly this name and date is among the sources, but it does not "
            "say this: the model stitched the citation on from another sentence."
        )
    return _("No document has exactly this name and date: the model blended two.")
