"""Cases for the reliance trial: handwritten digits, and a real classifier that advises on them.

The advisor is a scikit-learn logistic regression trained on a small part of the digits data that
ships with scikit-learn. Every case shows a digit with some seeded noise; the advisor's answer on
that very image is computed, so whether the AI is right on each case is known. Each learner gets
their own cases, drawn so that the AI is wrong on a fixed share of them.

Two parallel forms, A and B, show disjoint halves of the images with the same noise. So that a
before/after comparison measures the learner and not the cases, the forms are matched case by case:
a learner's form B shows, in its own order, a *twin* of each of their form A cases, taken from
form B's images: the AI right or wrong alike, with nearly the same confidence, and alike on the
clean (noise-free) image, mostly of the same digit. Form A is drawn exactly as it always was.

:func:`explain` gives the advisor's own account of a case: its three most probable digits and how
much each pixel pushed it towards its answer (coefficient times pixel value).
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

FORMS = ("A", "B")
#: Images the advisor learns from; the rest are shown to learners.
_TRAIN_SIZE = 240
#: Standard deviation of the noise added to the shown images (pixel intensities are 0 to 1).
_NOISE = 0.35
_POOL_SEED = 20251223
#: What a twin of another true digit, or with another result on the clean image, costs in
#: confidence: the advisor's result on the clean image (how ambiguous the handwriting itself is)
#: nearly always matches; the digit matches where that keeps the confidence close.
_OTHER_DIGIT, _OTHER_CLEAN_RESULT = 0.05, 0.2


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


@dataclass(frozen=True)
class _Advisor:
    classes: np.ndarray
    coef: np.ndarray
    pools: dict[str, _Pool]


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
    noise = np.random.default_rng(_POOL_SEED + 1).normal(0, _NOISE, (len(shown), 8, 8))
    noisy = np.clip(images[shown] + noise, 0, 1)
    proba = advisor.predict_proba(noisy.reshape(len(shown), -1))
    ai = advisor.classes_[proba.argmax(axis=1)]
    clean_ai = advisor.predict(images[shown].reshape(len(shown), -1))
    pools = {}
    for number, form in enumerate(FORMS):
        part = slice(number, None, len(FORMS))
        pools[form] = _Pool(
            shown[part],
            noisy[part],
            digits.target[shown][part],
            ai[part],
            proba.max(axis=1)[part],
            proba[part],
            clean_ai[part],
        )
    return _Advisor(advisor.classes_, advisor.coef_, pools)


def _pools() -> dict[str, _Pool]:
    return _advisor().pools


def form_accuracy(form: str, clean: bool = False) -> float:
    """The advisor's accuracy on all of ``form``'s images, noisy as shown or ``clean``.

    Examples
    --------
    >>> abs(form_accuracy("A", clean=True) - form_accuracy("B", clean=True)) < 0.03
    True
    """
    pool = _pools()[form]
    return float(np.mean((pool.clean_ai if clean else pool.ai) == pool.truth))


def _twins(chosen: np.ndarray) -> np.ndarray:
    """The form B twin of each form A index in ``chosen``, each used once.

    A twin has the AI right or wrong alike and the nearest confidence, preferring the same result
    on the clean image and the same digit.
    """
    a, b = _pools()["A"], _pools()["B"]
    b_right = b.ai == b.truth
    b_clean_right = b.clean_ai == b.truth
    used = np.zeros(len(b.ids), dtype=bool)
    twins = []
    for i in chosen:
        candidates = np.flatnonzero(~used & (b_right == (a.ai[i] == a.truth[i])))
        cost = (
            np.abs(b.confidence[candidates] - a.confidence[i])
            + _OTHER_DIGIT * (b.truth[candidates] != a.truth[i])
            + _OTHER_CLEAN_RESULT * (b_clean_right[candidates] != (a.clean_ai[i] == a.truth[i]))
        )
        best = candidates[cost.argmin()]
        used[best] = True
        twins.append(best)
    return np.array(twins, dtype=int)


def _case(form: str, i: int) -> DigitCase:
    pool = _pools()[form]
    return DigitCase(
        case_id=f"{form}-{int(pool.ids[i])}",
        image=tuple(tuple(round(float(v), 3) for v in row) for row in pool.images[i]),
        truth=int(pool.truth[i]),
        ai=int(pool.ai[i]),
        ai_confidence=round(float(pool.confidence[i]), 3),
    )


def make_cases(seed: int, form: str = "A", n_cases: int = 12, ai_wrong: int = 4) -> list[DigitCase]:
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
    pool = _pools()["A"]
    rng = np.random.default_rng(seed)
    wrong = np.flatnonzero(pool.ai != pool.truth)
    right = np.flatnonzero(pool.ai == pool.truth)
    chosen = np.concatenate(
        [
            rng.choice(wrong, ai_wrong, replace=False),
            rng.choice(right, n_cases - ai_wrong, replace=False),
        ]
    )
    rng.shuffle(chosen)
    if form != "A":
        order = np.random.default_rng([seed, FORMS.index(form)]).permutation(n_cases)
        chosen = _twins(chosen)[order]
    return [_case(form, int(i)) for i in chosen]


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
    form, number = case.case_id.split("-")
    pool = advisor.pools[form]
    i = int(np.flatnonzero(pool.ids == int(number))[0])
    proba = pool.proba[i]
    order = np.argsort(proba)[::-1][:3]
    top = tuple((int(advisor.classes[k]), round(float(proba[k]), 3)) for k in order)
    row = int(np.flatnonzero(advisor.classes == case.ai)[0])
    contributions = advisor.coef[row].reshape(8, 8) * pool.images[i]
    return Explanation(case.ai, top, contributions)
