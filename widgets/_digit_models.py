"""Digits data, a small cached ensemble, and 8x8 letters, for the probe and the shortcut lab.

The images are scikit-learn's bundled digits (a copy of the UCI optical recognition of handwritten
digits data): 1,797 images of 8x8 pixels with values 0 to 16, scaled here to 0 to 1 (1 is ink).
Nothing here depends on the learner, so the data and the trained models are built once per
process and shared; activities seed only what each learner sees.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

SIDE = 8
PIXELS = SIDE * SIDE
#: Images the ensemble learns from; the rest are held out for probes and tests.
_TRAIN_SIZE = 1300
_SPLIT_SEED = 20260301

#: The ensemble's members, in display order; the first is "the network" a learner probes.
MEMBERS = ("network", "logistic", "neighbours", "forest", "svm")

#: Letters drawn on an 8x8 grid ("#" is ink). None of them is a digit; a few look like one.
LETTERS = {
    "A": "...##... ..#..#.. .#....#. .#....#. .######. .#....#. .#....#. .#....#.",
    "H": ".#....#. .#....#. .#....#. .######. .#....#. .#....#. .#....#. .#....#.",
    "K": ".#...#.. .#..#... .#.#.... .##..... .##..... .#.#.... .#..#... .#...#..",
    "M": "#......# ##....## #.#..#.# #..##..# #......# #......# #......# #......#",
    "N": "#......# ##.....# #.#....# #..#...# #...#..# #....#.# #.....## #......#",
    "W": "#......# #......# #......# #......# #..##..# #.#..#.# ##....## #......#",
    "X": "#......# .#....#. ..#..#.. ...##... ...##... ..#..#.. .#....#. #......#",
    "Y": "#......# .#....#. ..#..#.. ...##... ...#.... ...#.... ...#.... ...#....",
}


@lru_cache(maxsize=1)
def digits() -> tuple[np.ndarray, np.ndarray]:
    """The bundled digits as ``(images, targets)``: images are rows of 64 values from 0 to 1."""
    from sklearn.datasets import load_digits

    data = load_digits()
    images = data.data / 16.0
    images.setflags(write=False)
    target = data.target.copy()
    target.setflags(write=False)
    return images, target


@lru_cache(maxsize=1)
def _split() -> tuple[np.ndarray, np.ndarray]:
    order = np.random.default_rng(_SPLIT_SEED).permutation(len(digits()[0]))
    return order[:_TRAIN_SIZE], order[_TRAIN_SIZE:]


@dataclass(frozen=True)
class Ensemble:
    """Five classifiers of different kinds trained on the same digits.

    Attributes
    ----------
    models : tuple
        Fitted scikit-learn classifiers, in the order of :data:`MEMBERS`.
    held_out : numpy.ndarray
        Indices of the digits none of the models saw.
    """

    models: tuple
    held_out: np.ndarray

    def proba(self, images: np.ndarray) -> np.ndarray:
        """Each member's class probabilities, shape ``(members, images, 10)``."""
        images = np.asarray(images, dtype=float).reshape(-1, PIXELS)
        return np.stack([model.predict_proba(images) for model in self.models])


@lru_cache(maxsize=1)
def ensemble() -> Ensemble:
    """The shared ensemble, trained once per process (about half a second)."""
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.neural_network import MLPClassifier
    from sklearn.svm import SVC

    images, target = digits()
    train, held_out = _split()
    models = (
        MLPClassifier(hidden_layer_sizes=(64, 32), alpha=1e-5, max_iter=300, random_state=0),
        LogisticRegression(C=1.0, max_iter=300),
        KNeighborsClassifier(n_neighbors=7, algorithm="ball_tree"),
        RandomForestClassifier(n_estimators=40, random_state=0),
        CalibratedClassifierCV(SVC(random_state=0), ensemble=False),
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for model in models:
            model.fit(images[train], target[train])
    return Ensemble(models, held_out)


def letter(char: str, rng: np.random.Generator) -> np.ndarray:
    """The letter ``char`` as an 8x8 image, shifted by up to one pixel and with uneven ink."""
    grid = np.array([[c == "#" for c in row] for row in LETTERS[char].split()], dtype=float)
    dy, dx = (int(v) for v in rng.integers(-1, 2, size=2))
    shifted = np.zeros_like(grid)
    rows = slice(max(dy, 0), SIDE + min(dy, 0))
    cols = slice(max(dx, 0), SIDE + min(dx, 0))
    source_rows = slice(max(-dy, 0), SIDE + min(-dy, 0))
    source_cols = slice(max(-dx, 0), SIDE + min(-dx, 0))
    shifted[rows, cols] = grid[source_rows, source_cols]
    ink = shifted * rng.uniform(0.7, 1.0, shifted.shape)
    smudge = (shifted == 0) * rng.uniform(0.0, 0.1, shifted.shape)
    return np.clip(ink + smudge, 0.0, 1.0)


def noise(rng: np.random.Generator) -> np.ndarray:
    """Random static: every pixel an independent uniform value from 0 to 1."""
    return rng.uniform(0.0, 1.0, (SIDE, SIDE))


def blank(rng: np.random.Generator) -> np.ndarray:
    """An almost empty card: a few faint specks and no stroke."""
    specks = rng.uniform(size=(SIDE, SIDE)) < 0.2
    return specks * rng.uniform(0.0, 0.1, (SIDE, SIDE))
