"""Cases for the reliance trial: handwritten digits, and a real classifier that advises on them.

The advisor is a scikit-learn logistic regression trained on a small part (240 images) of the
digits data that ships with scikit-learn; the advisor's answer on every image a learner sees is
computed, so whether the AI is right on each case is known. Each learner gets their own cases,
drawn so that the AI is wrong on a fixed share of them.

Two case sets exist, and a learner keeps the set their evidence log began with (see
:class:`~thinktwice.widgets.reliance_trial.RelianceTrial`):

Set 1 (ids ``A-1434``)
    every image with heavy random noise. Learners found most of them unreadable, so reading the
    digit was a guess and nobody could beat the AI; kept only so that old logs replay.
Set 2 (ids ``A2-1434``, the default)
    the images without noise, some moved one pixel left or right (no ink is lost), which people
    hardly notice and a model that learnt from centred digits often does. The AI's wrong cases
    are drawn only among *readable* images: a stronger model (a support vector machine that never
    saw the image) gives the true digit of the clean image a probability of at least 95%, and the
    image's ten nearest neighbours in the data all show that digit. Of the AI's right cases, one
    in four is a *harder* image (the stronger model gives the true digit 40% to 80%), so that a
    careful learner sometimes needs the AI too. The stronger model's probabilities are computed
    once and shipped
    in ``data/digit_readability.json`` (:func:`write_readability` makes the file).

Two parallel forms, A and B, show disjoint halves of the images. So that a before/after comparison
measures the learner and not the cases, the forms are matched case by case: a learner's form B
shows, in its own order, a *twin* of each of their form A cases, taken from form B's images: of
the same kind (AI wrong, AI right, AI right on a harder image) with nearly the same confidence, and
mostly of the same digit. Form A is drawn from the learner's seed alone.

:func:`explain` gives the advisor's own account of a case: its three most probable digits and how
much each pixel pushed it towards its answer (coefficient times pixel value).
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

FORMS = ("A", "B")
#: The case sets, oldest first; new learners get the last.
CASE_SETS = (1, 2)
CASE_SET = CASE_SETS[-1]
#: Images the advisor learns from; the rest are shown to learners.
_TRAIN_SIZE = 240
#: Set 1: standard deviation of the noise added to the shown images (intensities are 0 to 1).
_NOISE = 0.35
_POOL_SEED = 20251223
#: What a twin of another true digit, or with another result on the clean image (set 1), or
#: moved otherwise (set 2), costs in confidence.
_OTHER_DIGIT, _OTHER_CLEAN_RESULT, _OTHER_SHIFT = 0.05, 0.2, 0.02
#: Set 2: a readable image, a harder one, and how sure the AI is at least when it is wrong.
_READABLE, _HARDER, _SURE_WHEN_WRONG = 0.95, (0.4, 0.8), 0.5
#: Set 2: of the AI's right cases, the share on harder images.
_HARDER_SHARE = 0.25
_READABILITY = Path(__file__).with_name("data") / "digit_readability.json"
#: Kinds of case in set 2 (set 1 knows only whether the AI is right).
WRONG, RIGHT, HARDER = "wrong", "right", "harder"


@dataclass(frozen=True)
class DigitCase:
    """One case: an 8x8 image, the true digit, and the AI's advice on it."""

    case_id: str
    image: tuple[tuple[float, ...], ...]
    truth: int
    ai: int
    ai_confidence: float

    @property
    def ai_correct(self) -> bool:
        """Whether the AI's advice is right."""
        return self.ai == self.truth

    def pixels(self) -> np.ndarray:
        """The image as an 8x8 array of intensities from 0 to 1."""
        return np.array(self.image)


@dataclass(frozen=True)
class Explanation:
    """Why the advisor gave its answer on one case.

    Parameters
    ----------
    digit : int
        The advisor's answer.
    top : tuple of (int, float)
        Its three most probable digits with their probabilities, most probable first.
    contributions : numpy.ndarray
        8x8 array: each pixel's value times the advisor's coefficient for ``digit``. Positive
        pixels pushed the advisor towards ``digit``, negative ones away from it.
    """

    digit: int
    top: tuple[tuple[int, float], ...]
    contributions: np.ndarray

    def strongest(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """The regions that pushed the advisor most towards and most away from its answer.

        Each is a (row, column) cell of a 3x3 grid over the image; 0 is the top or the left.
        """
        bands = (slice(0, 3), slice(3, 5), slice(5, 8))
        sums = np.array([[self.contributions[r, c].sum() for c in bands] for r in bands])
        towards = np.unravel_index(int(sums.argmax()), sums.shape)
        away = np.unravel_index(int(sums.argmin()), sums.shape)
        return (int(towards[0]), int(towards[1])), (int(away[0]), int(away[1]))


@dataclass(frozen=True)
class _Pool:
    ids: np.ndarray
    images: np.ndarray
    truth: np.ndarray
    ai: np.ndarray
    confidence: np.ndarray
    proba: np.ndarray
    clean_ai: np.ndarray
    #: Set 2: each image's kind if it may be drawn (WRONG, RIGHT, HARDER), else "".
    kind: np.ndarray
    #: Set 2: how far each image was moved (-1 left, 0, 1 right).
    shift: np.ndarray


@dataclass(frozen=True)
class _Advisor:
    model: object
    classes: np.ndarray
    coef: np.ndarray
    images: np.ndarray
    target: np.ndarray
    shown: np.ndarray


@lru_cache(maxsize=1)
def _advisor() -> _Advisor:
    from sklearn.datasets import load_digits
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression

    digits = load_digits()
    images = digits.images / 16.0
    order = np.random.default_rng(_POOL_SEED).permutation(len(images))
    train, shown = order[:_TRAIN_SIZE], order[_TRAIN_SIZE:]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        advisor = LogisticRegression(C=10, max_iter=300).fit(
            images[train].reshape(len(train), -1), digits.target[train]
        )
    return _Advisor(advisor, advisor.classes_, advisor.coef_, images, digits.target, shown)


def _split(case_set: int, shown, images, proba, clean_ai, kind, shift) -> dict[str, _Pool]:
    advisor = _advisor()
    ai = advisor.classes[proba.argmax(axis=1)]
    prefix = {1: "{form}-{i}", 2: "{form}2-{i}"}[case_set]
    pools = {}
    for number, form in enumerate(FORMS):
        part = slice(number, None, len(FORMS))
        pools[form] = _Pool(
            np.array([prefix.format(form=form, i=int(i)) for i in shown[part]]),
            images[part],
            advisor.target[shown][part],
            ai[part],
            proba.max(axis=1)[part],
            proba[part],
            clean_ai[part],
            kind[part],
            shift[part],
        )
    return pools


def _set_1() -> dict[str, _Pool]:
    advisor = _advisor()
    shown = advisor.shown
    noise = np.random.default_rng(_POOL_SEED + 1).normal(0, _NOISE, (len(shown), 8, 8))
    noisy = np.clip(advisor.images[shown] + noise, 0, 1)
    proba = advisor.model.predict_proba(noisy.reshape(len(shown), -1))
    clean_ai = advisor.model.predict(advisor.images[shown].reshape(len(shown), -1))
    none = np.zeros(len(shown), dtype=int)
    return _split(1, shown, noisy, proba, clean_ai, np.full(len(shown), ""), none)


def moved(image: np.ndarray, shift: int) -> np.ndarray:
    """``image`` moved ``shift`` pixels to the right (negative: left), blank where it left."""
    out = np.zeros_like(image)
    if shift > 0:
        out[:, shift:] = image[:, :-shift]
    elif shift < 0:
        out[:, :shift] = image[:, -shift:]
    else:
        out[:] = image
    return out


def _set_2() -> dict[str, _Pool]:
    advisor = _advisor()
    shown = advisor.shown
    clean = advisor.images[shown]
    shift = np.random.default_rng(_POOL_SEED + 2).integers(-1, 2, len(shown))
    # Move an image only where the column it pushes out is blank: no ink is ever lost.
    edge = np.where(shift > 0, clean[:, :, -1].sum(axis=1), clean[:, :, 0].sum(axis=1))
    shift = np.where(edge < 0.1, shift, 0)
    images = np.stack([moved(image, s) for image, s in zip(clean, shift, strict=True)])
    proba = advisor.model.predict_proba(images.reshape(len(shown), -1))
    ai = advisor.classes[proba.argmax(axis=1)]
    clean_ai = advisor.model.predict(clean.reshape(len(shown), -1))
    p_truth, typical = readability()
    p_truth, typical = p_truth[shown], typical[shown]
    truth = advisor.target[shown]
    readable = (p_truth >= _READABLE) & typical
    harder = (p_truth >= _HARDER[0]) & (p_truth < _HARDER[1])
    kind = np.full(len(shown), "", dtype=object)
    kind[(ai != truth) & readable & (proba.max(axis=1) >= _SURE_WHEN_WRONG)] = WRONG
    kind[(ai == truth) & readable] = RIGHT
    kind[(ai == truth) & harder] = HARDER
    return _split(2, shown, images, proba, clean_ai, kind.astype(str), shift)


@lru_cache(maxsize=len(CASE_SETS))
def _pools(case_set: int = CASE_SET) -> dict[str, _Pool]:
    if case_set not in CASE_SETS:
        raise ValueError(f"case_set must be one of {CASE_SETS}, not {case_set!r}")
    return _set_1() if case_set == 1 else _set_2()


def case_set_of(case_id: str) -> int:
    """The case set a case id belongs to ("A-1434" is set 1, "A2-1434" set 2).

    Examples
    --------
    >>> case_set_of("A-1434"), case_set_of("B2-17")
    (1, 2)

    Raises ValueError for an id of no case set.
    """
    head = case_id.split("-")[0]
    number = head[1:] or "1"
    if head[:1] not in FORMS or not number.isdigit() or int(number) not in CASE_SETS:
        raise ValueError(f"{case_id!r} is not the id of a case")
    return int(number)


def _reference_readability() -> tuple[np.ndarray, np.ndarray]:
    """Compute, slowly, how readable each digits image is (what :func:`readability` ships).

    The probability that a support vector machine trained on the other four fifths of the data
    gives the true digit of the clean image, and whether the image's ten nearest neighbours all
    show its digit.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.datasets import load_digits
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.svm import SVC

    digits = load_digits()
    x, y = digits.data / 16.0, digits.target
    folds = StratifiedKFold(5, shuffle=True, random_state=0)
    svm = CalibratedClassifierCV(SVC(random_state=0), ensemble=False)
    proba = cross_val_predict(svm, x, y, cv=folds, method="predict_proba")
    p_truth = proba[np.arange(len(y)), y]
    square = (x * x).sum(axis=1)
    distance = square[:, None] + square[None, :] - 2 * x @ x.T
    np.fill_diagonal(distance, np.inf)
    nearest = np.argpartition(distance, 10, axis=1)[:, :10]
    typical = (y[nearest] == y[:, None]).all(axis=1)
    return np.round(p_truth, 3), typical


def write_readability(path: str | Path = _READABILITY) -> None:
    """Write the readability file that set 2 draws its cases by (a few seconds)."""
    p_truth, typical = _reference_readability()
    about = (
        "For each image of sklearn.datasets.load_digits, in order: p_truth, the probability "
        "that CalibratedClassifierCV(SVC(random_state=0), ensemble=False) trained on the "
        "other folds of a StratifiedKFold(5, shuffle=True, random_state=0) gives the true "
        "digit of the image (pixels / 16), rounded to 3 decimals; typical, 1 if the image's "
        "10 nearest neighbours (Euclidean) all show its digit. Made by "
        "thinktwice.widgets.digit_cases.write_readability."
    )
    data = {"about": about, "p_truth": p_truth.tolist(), "typical": typical.astype(int).tolist()}
    Path(path).write_text(json.dumps(data, separators=(",", ":")) + "\n", "utf-8")


@lru_cache(maxsize=1)
def readability() -> tuple[np.ndarray, np.ndarray]:
    """How readable each digits image is: ``(p_truth, typical)``, as shipped (see the module)."""
    data = json.loads(_READABILITY.read_text("utf-8"))
    return np.array(data["p_truth"]), np.array(data["typical"], dtype=bool)


def form_accuracy(form: str, clean: bool = False, case_set: int = CASE_SET) -> float:
    """The advisor's accuracy on all of ``form``'s images, as shown or ``clean`` (not moved).

    Examples
    --------
    >>> abs(form_accuracy("A", clean=True) - form_accuracy("B", clean=True)) < 0.03
    True
    """
    pool = _pools(case_set)[form]
    return float(np.mean((pool.clean_ai if clean else pool.ai) == pool.truth))


def _kinds(pool: _Pool, case_set: int) -> np.ndarray:
    """The kind of each image of ``pool`` that may be drawn, else ""."""
    if case_set == 1:
        return np.where(pool.ai == pool.truth, RIGHT, WRONG)
    return pool.kind


def _twins(chosen: np.ndarray, case_set: int) -> np.ndarray:
    """The form B twin of each form A index in ``chosen``, each used once.

    A twin is of the same kind with the nearest confidence, preferring the same digit and, in
    set 1, the same result on the clean image; in set 2, the same move.
    """
    a, b = _pools(case_set)["A"], _pools(case_set)["B"]
    a_kind, b_kind = _kinds(a, case_set), _kinds(b, case_set)
    b_clean_right = b.clean_ai == b.truth
    used = np.zeros(len(b.ids), dtype=bool)
    twins = []
    for i in chosen:
        candidates = np.flatnonzero(~used & (b_kind == a_kind[i]))
        cost = np.abs(b.confidence[candidates] - a.confidence[i]) + _OTHER_DIGIT * (
            b.truth[candidates] != a.truth[i]
        )
        if case_set == 1:
            cost += _OTHER_CLEAN_RESULT * (
                b_clean_right[candidates] != (a.clean_ai[i] == a.truth[i])
            )
        else:
            cost += _OTHER_SHIFT * ((b.shift[candidates] != 0) != (a.shift[i] != 0))
        best = candidates[cost.argmin()]
        used[best] = True
        twins.append(best)
    return np.array(twins, dtype=int)


def _case(form: str, i: int, case_set: int) -> DigitCase:
    pool = _pools(case_set)[form]
    return DigitCase(
        case_id=str(pool.ids[i]),
        image=tuple(tuple(round(float(v), 3) for v in row) for row in pool.images[i]),
        truth=int(pool.truth[i]),
        ai=int(pool.ai[i]),
        ai_confidence=round(float(pool.confidence[i]), 3),
    )


def _draw(rng: np.random.Generator, pool: _Pool, case_set: int, n_cases: int, ai_wrong: int):
    kinds = _kinds(pool, case_set)
    harder = 0 if case_set == 1 else int((n_cases - ai_wrong) * _HARDER_SHARE)
    parts = [
        rng.choice(np.flatnonzero(kinds == WRONG), ai_wrong, replace=False),
        rng.choice(np.flatnonzero(kinds == RIGHT), n_cases - ai_wrong - harder, replace=False),
    ]
    if harder:
        parts.append(rng.choice(np.flatnonzero(kinds == HARDER), harder, replace=False))
    chosen = np.concatenate(parts)
    rng.shuffle(chosen)
    return chosen


def make_cases(
    seed: int, form: str = "A", n_cases: int = 12, ai_wrong: int = 4, case_set: int = CASE_SET
) -> list[DigitCase]:
    """Draw ``n_cases`` cases of ``form`` for a learner's ``seed``; the AI errs on ``ai_wrong``.

    The same ``seed`` gives form B the twins of form A's cases, in another order.

    Examples
    --------
    >>> cases = make_cases(seed=7, form="A", n_cases=6, ai_wrong=2)
    >>> sum(not c.ai_correct for c in cases)
    2
    >>> make_cases(seed=7, form="A", n_cases=6, ai_wrong=2) == cases
    True
    >>> twins = make_cases(seed=7, form="B", n_cases=6, ai_wrong=2)
    >>> sum(not c.ai_correct for c in twins)
    2
    """
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {form!r}")
    if not 0 <= ai_wrong <= n_cases:
        raise ValueError("ai_wrong must lie between 0 and n_cases")
    pool = _pools(case_set)["A"]
    chosen = _draw(np.random.default_rng(seed), pool, case_set, n_cases, ai_wrong)
    if form != "A":
        order = np.random.default_rng([seed, FORMS.index(form)]).permutation(n_cases)
        chosen = _twins(chosen, case_set)[order]
    return [_case(form, int(i), case_set) for i in chosen]


def explain(case: DigitCase) -> Explanation:
    """The advisor's explanation of its advice on ``case`` (a case made by :func:`make_cases`).

    Examples
    --------
    >>> case = make_cases(seed=7, n_cases=1, ai_wrong=0)[0]
    >>> why = explain(case)
    >>> why.digit == case.ai and why.top[0] == (case.ai, case.ai_confidence)
    True
    >>> why.contributions.shape
    (8, 8)
    """
    advisor = _advisor()
    form = case.case_id[0]
    pool = _pools(case_set_of(case.case_id))[form]
    i = int(np.flatnonzero(pool.ids == case.case_id)[0])
    proba = pool.proba[i]
    order = np.argsort(proba)[::-1][:3]
    top = tuple((int(advisor.classes[k]), round(float(proba[k]), 3)) for k in order)
    row = int(np.flatnonzero(advisor.classes == case.ai)[0])
    contributions = advisor.coef[row].reshape(8, 8) * pool.images[i]
    return Explanation(case.ai, top, contributions)
