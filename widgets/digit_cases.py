"""Cases for the reliance trial: handwritten digits, and a real classifier that advises on them.

The advisor is a scikit-learn logistic regression trained on a small part of the digits data that
ships with scikit-learn. Every case shows a digit with some seeded noise; the advisor's answer on
that very image is computed, so whether the AI is right on each case is known. Each learner gets
their own cases, drawn so that the AI is wrong on a fixed share of them.

Two parallel forms, A and B, draw from disjoint halves of the images with the same noise and the
same share of AI errors, so that a before/after comparison measures the learner, not their memory.
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
class _Pool:
    ids: np.ndarray
    images: np.ndarray
    truth: np.ndarray
    ai: np.ndarray
    confidence: np.ndarray


@lru_cache(maxsize=1)
def _pools() -> dict[str, _Pool]:
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
    pools = {}
    for number, form in enumerate(FORMS):
        part = slice(number, None, len(FORMS))
        pools[form] = _Pool(
            shown[part], noisy[part], digits.target[shown][part], ai[part], proba.max(axis=1)[part]
        )
    return pools


def make_cases(seed: int, form: str = "A", n_cases: int = 12, ai_wrong: int = 4) -> list[DigitCase]:
    """Draw ``n_cases`` cases of ``form`` for a learner's ``seed``; the AI errs on ``ai_wrong``.

    Examples
    --------
    >>> cases = make_cases(seed=7, form="A", n_cases=6, ai_wrong=2)
    >>> sum(not c.ai_correct for c in cases)
    2
    >>> make_cases(seed=7, form="A", n_cases=6, ai_wrong=2) == cases
    True
    """
    if form not in FORMS:
        raise ValueError(f"form must be one of {FORMS}, not {form!r}")
    if not 0 <= ai_wrong <= n_cases:
        raise ValueError("ai_wrong must lie between 0 and n_cases")
    pool = _pools()[form]
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
    return [
        DigitCase(
            case_id=f"{form}-{int(pool.ids[i])}",
            image=tuple(tuple(round(float(v), 3) for v in row) for row in pool.images[i]),
            truth=int(pool.truth[i]),
            ai=int(pool.ai[i]),
            ai_confidence=round(float(pool.confidence[i]), 3),
        )
        for i in chosen
    ]
