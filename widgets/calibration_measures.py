"""Calibration measures: the reliability curve, expected calibration error and Brier score.

Pure functions of the true labels (0 or 1) and the predicted probabilities of the positive class,
with no widget or model attached, so that learners, tests and the autograder share one definition.

A model is *calibrated* when, among the cases it gives a probability near ``p``, a share of about
``p`` is positive. The reliability curve checks this bin by bin; the expected calibration error
(ECE, Guo et al. 2017) sums the gaps, weighted by how many cases fall in each bin; the Brier score
(Brier 1950) is the mean squared gap between each probability and its outcome, so it also rewards
a model for separating the classes, not only for being honest about its confidence.

Bins are equal-width on [0, 1]. A probability exactly on an inner edge belongs to the lower bin,
as in :func:`sklearn.calibration.calibration_curve`; the first bin includes 0 and the last
includes 1. A bin with no cases is reported as empty (``None``), never as 0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

__all__ = ["Bin", "brier_score", "expected_calibration_error", "reliability_curve"]


@dataclass(frozen=True)
class Bin:
    """One bin of a reliability curve.

    Parameters
    ----------
    low, high : float
        The bin's edges.
    count : int
        Cases whose predicted probability falls in the bin.
    mean_predicted : float or None
        Mean predicted probability of those cases; ``None`` when the bin is empty.
    observed : float or None
        Share of those cases that are positive; ``None`` when the bin is empty.
    """

    low: float
    high: float
    count: int
    mean_predicted: float | None
    observed: float | None

    @property
    def empty(self) -> bool:
        """Whether no case fell in this bin."""
        return self.count == 0

    @property
    def gap(self) -> float | None:
        """``|observed - mean_predicted|``, or ``None`` for an empty bin."""
        if self.empty:
            return None
        return abs(self.observed - self.mean_predicted)


def _validated(y_true, y_prob) -> tuple[np.ndarray, np.ndarray]:
    y_true = np.asarray(y_true, dtype=float).ravel()
    y_prob = np.asarray(y_prob, dtype=float).ravel()
    if y_true.shape != y_prob.shape:
        raise ValueError(
            f"y_true and y_prob have different lengths ({y_true.size} and {y_prob.size})"
        )
    if y_true.size == 0:
        raise ValueError("no cases: y_true and y_prob are empty")
    if not np.all((y_true == 0) | (y_true == 1)):
        raise ValueError("y_true must hold only 0 and 1")
    if not np.all(np.isfinite(y_prob)) or y_prob.min() < 0 or y_prob.max() > 1:
        raise ValueError("y_prob must hold probabilities between 0 and 1")
    return y_true, y_prob


def reliability_curve(y_true, y_prob, n_bins: int = 5) -> list[Bin]:
    """The reliability curve: per equal-width bin, its count, mean prediction and observed rate.

    Parameters
    ----------
    y_true : array-like of 0 and 1
        True labels (1 is the positive class).
    y_prob : array-like of float
        Predicted probabilities of the positive class, in [0, 1].
    n_bins : int
        Number of equal-width bins on [0, 1].

    Returns
    -------
    list of Bin
        ``n_bins`` bins from low to high probability, empty ones included.

    Examples
    --------
    >>> bins = reliability_curve([0, 1, 1, 1], [0.1, 0.7, 0.8, 0.9], n_bins=2)
    >>> [(b.count, round(b.mean_predicted, 3), b.observed) for b in bins]
    [(1, 0.1, 0.0), (3, 0.8, 1.0)]
    >>> reliability_curve([1], [0.9], n_bins=2)[0].observed is None
    True
    """
    if n_bins < 1:
        raise ValueError(f"n_bins must be at least 1, not {n_bins}")
    y_true, y_prob = _validated(y_true, y_prob)
    edges = np.linspace(0.0, 1.0, n_bins + 1)
    ids = np.searchsorted(edges[1:-1], y_prob, side="left")
    counts = np.bincount(ids, minlength=n_bins)
    sums = np.bincount(ids, weights=y_prob, minlength=n_bins)
    positives = np.bincount(ids, weights=y_true, minlength=n_bins)
    bins = []
    for i in range(n_bins):
        n = int(counts[i])
        bins.append(
            Bin(
                low=float(edges[i]),
                high=float(edges[i + 1]),
                count=n,
                mean_predicted=float(sums[i] / n) if n else None,
                observed=float(positives[i] / n) if n else None,
            )
        )
    return bins


def expected_calibration_error(y_true, y_prob, n_bins: int = 5) -> float:
    """ECE: the mean gap between observed rate and mean prediction, weighted by bin counts.

    ``ECE = sum over non-empty bins b of (n_b / N) * |observed_b - mean_predicted_b|``.

    Examples
    --------
    >>> expected_calibration_error([0, 1, 1, 1], [0.1, 0.7, 0.8, 0.9], n_bins=2)
    0.175
    >>> expected_calibration_error([0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5])
    0.0
    """
    bins = reliability_curve(y_true, y_prob, n_bins)
    total = sum(b.count for b in bins)
    ece = sum(b.count / total * b.gap for b in bins if not b.empty)
    return round(float(ece), 12)


def brier_score(y_true, y_prob) -> float:
    """Brier score: the mean of ``(p - y)**2``; 0 is perfect, 0.25 is what always saying 0.5 gets.

    Examples
    --------
    >>> brier_score([0, 1], [0.5, 0.5])
    0.25
    """
    y_true, y_prob = _validated(y_true, y_prob)
    return float(np.mean((y_prob - y_true) ** 2))
