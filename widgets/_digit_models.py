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
from pathlib import Path

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


#: The trained network's weights, so that a fresh kernel does not train it (most of the
#: ensemble's training time). :func:`store_network` writes it; a test checks that training again
#: gives the same weights.
NETWORK_FILE = Path(__file__).with_name("data") / "digits_network.npz"


def _new_network():
    from sklearn.neural_network import MLPClassifier

    return MLPClassifier(hidden_layer_sizes=(64, 32), alpha=1e-5, max_iter=300, random_state=0)


def _fitting():
    """Fit on one BLAS thread, as the grader does.

    A learner's kernel and grading then build the same models, and a busy shared server has no
    BLAS threads spinning.
    """
    from threadpoolctl import threadpool_limits

    return threadpool_limits(1, user_api="blas")


def train_network():
    """Train the network from scratch on the training digits (about a second)."""
    from sklearn.exceptions import ConvergenceWarning

    images, target = digits()
    train, _held_out = _split()
    network = _new_network()
    with warnings.catch_warnings(), _fitting():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return network.fit(images[train], target[train])


def store_network(path: Path = NETWORK_FILE) -> None:
    """Train the network and keep its weights in ``path`` (run it when the network changes)."""
    network = train_network()
    layers = {f"coef_{i}": c for i, c in enumerate(network.coefs_)}
    layers |= {f"intercept_{i}": b for i, b in enumerate(network.intercepts_)}
    np.savez_compressed(path, classes=network.classes_, n_iter=network.n_iter_, **layers)


def stored_network(path: Path = NETWORK_FILE):
    """The network rebuilt from the weights :func:`store_network` kept: no training."""
    from sklearn.preprocessing import LabelBinarizer

    with np.load(path) as stored:
        n_layers = sum(name.startswith("coef_") for name in stored.files)
        network = _new_network()
        network.coefs_ = [stored[f"coef_{i}"] for i in range(n_layers)]
        network.intercepts_ = [stored[f"intercept_{i}"] for i in range(n_layers)]
        network.classes_ = stored["classes"]
        network.n_iter_ = int(stored["n_iter"])
    network._label_binarizer = LabelBinarizer().fit(network.classes_)
    network.n_features_in_ = network.coefs_[0].shape[0]
    network.n_layers_ = n_layers + 1
    network.n_outputs_ = network.coefs_[-1].shape[1]
    network.out_activation_ = "softmax"
    return network


@lru_cache(maxsize=1)
def ensemble() -> Ensemble:
    """The shared ensemble, built once per process (well under a second).

    The network comes from its stored weights (:func:`stored_network`); the other four models,
    quick to fit, are trained here.
    """
    from sklearn.calibration import CalibratedClassifierCV
    from sklearn.ensemble import RandomForestClassifier
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.neighbors import KNeighborsClassifier
    from sklearn.svm import SVC

    images, target = digits()
    train, held_out = _split()
    others = (
        LogisticRegression(C=1.0, max_iter=300),
        KNeighborsClassifier(n_neighbors=7, algorithm="ball_tree"),
        RandomForestClassifier(n_estimators=40, random_state=0),
        CalibratedClassifierCV(SVC(random_state=0), ensemble=False),
    )
    with warnings.catch_warnings(), _fitting():
        warnings.simplefilter("ignore", ConvergenceWarning)
        for model in others:
            model.fit(images[train], target[train])
    return Ensemble((stored_network(), *others), held_out)


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
