"""The shortcut lab: a model that learns a watermark instead of the digit (Clever Hans).

Each learner builds a classifier that tells two handwritten digits apart. Every training picture
of one of the two digits carries a small black mark of two pixels at a seeded spot, as if those
pictures came from a different source that stamps them. A logistic regression trained on these
pictures scores almost perfectly on test pictures stamped the same way; when the mark stops
matching the digit (removed, or moved to the other digit) its accuracy falls, while a model
trained without the mark hardly moves. Permutation importance (scikit-learn's
``permutation_importance``) shows that the model leans on the mark's pixels more than on any
stroke of the digits.

This is the pattern Lapuschkin et al. (2019) call a "Clever Hans" predictor and Geirhos et al.
(2020) call shortcut learning. This module is the model, pure Python; ``_shortcut_lab_view``
draws it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, replace

import numpy as np

from . import _digit_models as dm
from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement, already_answered

#: The two models a learner can train, by key: with or without the mark on the training pictures.
MODELS = ("with", "without")
#: How the test pictures are stamped: like the training ones, not at all, or on the other digit.
CONDITIONS = ("as-trained", "removed", "moved")
#: The closing question, its choices in the order they are shuffled from, and its right answer.
QUESTION = Judgement(
    N_(
        "Why did the model trained with the mark lose accuracy when the mark no longer matched "
        "the digit?"
    ),
    [
        (
            "shortcut",
            N_(
                "It learned the mark, not the shapes: in training the mark alone told the "
                "digits apart."
            ),
        ),
        (
            "harder",
            N_("The test pictures without the mark are harder to read than the training ones."),
        ),
        ("more", N_("It saw too few pictures; more pictures with the same mark would fix it.")),
        ("chance", N_("It was bad luck; training it again would give back the high accuracy.")),
    ],
    right="shortcut",
)
CHOICES = tuple(QUESTION.keys())
#: Credit for naming the mark's place at the first, second and third try.
ATTEMPT_CREDIT = (1.0, 0.5, 0.25)

#: Pairs of digits that stay easy to tell apart in noisy pictures, yet not by one stroke alone.
_PAIRS = ((2, 3), (3, 8), (7, 9), (3, 5), (2, 8), (1, 4), (4, 7), (6, 8), (1, 7))
#: Standard deviation of the scanner noise added to every picture (intensities 0 to 1).
_NOISE = 0.35
#: A spot can carry the mark when the pair's digits ink it in fewer than this share of pictures.
_RARELY_INKED = 0.05
_C = 10.0
_REPEATS = 5


def condition_names() -> dict[str, str]:
    """How each test set is stamped, in words."""
    return {
        "as-trained": _("mark as in training"),
        "removed": _("mark removed"),
        "moved": _("mark on the other digit"),
    }


def model_names() -> dict[str, str]:
    """The two models, in words."""
    return {
        "with": _("trained with the mark"),
        "without": _("trained without the mark"),
    }


@dataclass(frozen=True)
class Importance:
    """Permutation importance of the 64 pixels for one model.

    Attributes
    ----------
    mean : numpy.ndarray
        Mean drop in test accuracy when each pixel is shuffled, shape ``(8, 8)``.
    std : numpy.ndarray
        Its standard deviation over the repeats, shape ``(8, 8)``.
    """

    mean: np.ndarray
    std: np.ndarray

    def top(self, n: int = 5) -> list[tuple[int, int, float, float]]:
        """The ``n`` most important pixels as ``(row, column, mean, std)``, rows from 1."""
        order = np.argsort(-self.mean.ravel(), kind="stable")[:n]
        return [
            (
                int(i // dm.SIDE) + 1,
                int(i % dm.SIDE) + 1,
                float(self.mean.flat[i]),
                float(self.std.flat[i]),
            )
            for i in order
        ]


class ShortcutLab(Activity):
    """Train a digit classifier on stamped pictures, break the stamp, and find the shortcut.

    Each learner gets their own pair of digits, the digit whose training pictures carry the mark,
    and the mark's place (two pixels, one above the other, near the edge). The learner trains a
    model with or without the mark (:meth:`train`), tests it on pictures stamped like the
    training ones, without the mark, or with the mark on the other digit (:meth:`test`), reveals
    the permutation importance of the pixels (:meth:`reveal`), names the mark's place
    (:meth:`locate`) and explains the drop (:meth:`answer`).

    Graded (:meth:`outcome`, three steps): naming the mark's place (full credit at the first try,
    less at the second and third); seeing the drop (half for testing the marked model on pictures
    where the mark no longer matches, half for testing the unmarked model the same way, as a
    control); and the closing question.

    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    pair_ : tuple of int
        The two digits the model tells apart.
    marked_digit_ : int
        The digit whose training pictures carry the mark.
    mark_pixels_ : tuple of int
        Indices (0 to 63, row by row) of the mark's two pixels.
    accuracy_ : dict
        Test accuracy by ``(model, condition)``.
    importance_ : dict
        :class:`Importance` by model, on test pictures stamped like the training ones.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import ShortcutLab
        ShortcutLab().view()

    Evidence kinds: ``train`` ``{"model": "with" or "without"}``, ``test``
    ``{"model": ..., "condition": "as-trained", "removed" or "moved"}``, ``reveal``
    ``{"model": ...}``, ``locate`` ``{"row": 1-8, "col": 1-8}`` and ``answer``
    ``{"choice": key}``. Sources: Lapuschkin et al. 2019, "Unmasking Clever Hans predictors and
    assessing what machines really learn"; Geirhos et al. 2020, "Shortcut learning in deep
    neural networks"; scikit-learn's permutation importance.

    Examples
    --------
    >>> import tempfile
    >>> lab = ShortcutLab("aiko", folder=tempfile.mkdtemp()).start()
    >>> lab.train("with")
    >>> lab.test("as-trained") > lab.test("moved")
    True
    >>> lab.outcome().done
    1
    """

    name = "shortcut-lab"
    view_class = "_shortcut_lab_view:ShortcutLabView"

    @classmethod
    def warm_up(cls) -> None:
        """Load the digits and scikit-learn's parts once per process, before graders fork.

        Each learner's two models are their own (trained on their own marked pictures), so
        :meth:`start` makes them.
        """
        from sklearn.inspection import permutation_importance  # noqa: F401
        from sklearn.linear_model import LogisticRegression  # noqa: F401

        dm.digits()

    # -- building ------------------------------------------------------------------------------
    def _build(self, seed: int) -> None:
        from sklearn.exceptions import ConvergenceWarning
        from sklearn.inspection import permutation_importance
        from sklearn.linear_model import LogisticRegression

        rng = np.random.default_rng(seed)
        images, target = dm.digits()
        self.pair_ = tuple(int(d) for d in _PAIRS[rng.integers(len(_PAIRS))])
        self.marked_digit_ = self.pair_[int(rng.integers(2))]
        index = np.flatnonzero(np.isin(target, self.pair_))
        rng.shuffle(index)
        pictures = np.clip(images[index] + rng.normal(0, _NOISE, (len(index), dm.PIXELS)), 0, 1)
        labels = target[index]
        spots = _mark_spots(images[index])
        top = int(spots[rng.integers(len(spots))])
        self.mark_pixels_ = (top, top + dm.SIDE)

        half = len(index) // 2
        train, test = slice(None, half), slice(half, None)
        self.train_pictures_ = {
            "with": self._stamp(pictures[train], labels[train] == self.marked_digit_),
            "without": pictures[train],
        }
        self.train_labels_ = labels[train]
        tests = {
            "as-trained": self._stamp(pictures[test], labels[test] == self.marked_digit_),
            "removed": pictures[test],
            "moved": self._stamp(pictures[test], labels[test] != self.marked_digit_),
        }
        self.test_labels_ = labels[test]
        self.accuracy_: dict[tuple[str, str], float] = {}
        self.importance_: dict[str, Importance] = {}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            for model_key in MODELS:
                model = LogisticRegression(C=_C, max_iter=1000).fit(
                    self.train_pictures_[model_key], self.train_labels_
                )
                for condition in CONDITIONS:
                    accuracy = model.score(tests[condition], self.test_labels_)
                    self.accuracy_[model_key, condition] = round(float(accuracy), 3)
                result = permutation_importance(
                    model,
                    tests["as-trained"],
                    self.test_labels_,
                    n_repeats=_REPEATS,
                    random_state=seed % 2**31,
                )
                self.importance_[model_key] = Importance(
                    result.importances_mean.reshape(dm.SIDE, dm.SIDE).round(4),
                    result.importances_std.reshape(dm.SIDE, dm.SIDE).round(4),
                )
        self.choice_order_ = [CHOICES[i] for i in rng.permutation(len(CHOICES))]
        if self.choice_order_[0] == QUESTION.right:  # never the lesson as the first answer
            self.choice_order_.append(self.choice_order_.pop(0))
        self.model_: str | None = None
        self.condition_: str | None = None
        self.seen_: set[tuple[str, str]] = set()
        self.revealed_: set[str] = set()
        self.attempts_: list[tuple[int, int]] = []
        self.choice_: str | None = None

    def _stamp(self, pictures: np.ndarray, on: np.ndarray) -> np.ndarray:
        stamped = pictures.copy()
        for pixel in self.mark_pixels_:
            stamped[on, pixel] = 1.0
        return stamped

    def question(self) -> Judgement:
        """The closing question, its choices in the order this learner sees them."""
        self._ensure_started()
        choices = dict(QUESTION.choices)
        return replace(QUESTION, choices=[(key, choices[key]) for key in self.choice_order_])

    # -- what the learner has done -------------------------------------------------------------
    @property
    def mark_cells(self) -> list[tuple[int, int]]:
        """The mark's pixels as ``(row, column)``, counted from 1."""
        return [(p // dm.SIDE + 1, p % dm.SIDE + 1) for p in self.mark_pixels_]

    @property
    def located(self) -> bool:
        """Whether the learner has named one of the mark's pixels."""
        return any(cell in self.mark_cells for cell in self.attempts_)

    @property
    def saw_drop(self) -> bool:
        """Whether the marked model was tested where the mark no longer matches the digit."""
        return any(("with", c) in self.seen_ for c in ("removed", "moved"))

    @property
    def saw_control(self) -> bool:
        """Whether the unmarked model was tested the same way, as a control."""
        return any(("without", c) in self.seen_ for c in ("removed", "moved"))

    def sample(self, n_per_digit: int = 2) -> list[tuple[int, np.ndarray]]:
        """A few training pictures of the current model (or of the marked one) as (digit, 8x8)."""
        self._ensure_started()
        pictures = self.train_pictures_[self.model_ or "with"]
        shown = []
        for digit in self.pair_:
            where = np.flatnonzero(self.train_labels_ == digit)[:n_per_digit]
            shown += [(digit, pictures[i].reshape(dm.SIDE, dm.SIDE)) for i in where]
        return shown

    # -- interactions --------------------------------------------------------------------------
    def train(self, model: str) -> None:
        """Train the model ``"with"`` or ``"without"`` the mark on its training pictures."""
        self.record("train", {"model": model})

    def test(self, condition: str) -> float:
        """Test the current model on pictures stamped as ``condition``; return its accuracy."""
        self._ensure_started()
        return self.record("test", {"model": self.model_, "condition": condition})

    def reveal(self) -> Importance:
        """Show the permutation importance of the pixels for the current model."""
        self._ensure_started()
        return self.record("reveal", {"model": self.model_})

    def locate(self, row: int, col: int) -> bool:
        """Name the mark's place (row and column from 1 to 8); return whether it is right."""
        return self.record("locate", {"row": row, "col": col})

    def answer(self, choice: str) -> None:
        """Answer the closing question with one of the keys of :data:`QUESTION`."""
        self.record("answer", {"choice": choice})

    # -- the contract --------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "train":
            if data.get("model") not in MODELS:
                raise ActivityError(_("Train with the mark or without it."))
        elif kind in ("test", "reveal"):
            if self.model_ is None:
                raise ActivityError(_("Train a model first."))
            if data.get("model") != self.model_:
                raise ActivityError(_("That is not the model you trained last."))
            if kind == "test" and data.get("condition") not in CONDITIONS:
                raise ActivityError(_("Choose one of the test sets."))
        elif kind == "locate":
            if self.located:
                raise already_answered()
            if len(self.attempts_) >= len(ATTEMPT_CREDIT):
                raise ActivityError(_("You have used your three tries."))
            for key in ("row", "col"):
                value = data.get(key)
                if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 8:
                    raise ActivityError(_("A row and a column are numbers from 1 to 8."))
        elif kind == "answer":
            QUESTION.check(data.get("choice"), self.choice_)
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "train":
            self.model_ = data["model"]
            self.condition_ = None
        elif kind == "test":
            self.condition_ = data["condition"]
            self.seen_.add((self.model_, self.condition_))
            return self.accuracy_[self.model_, self.condition_]
        elif kind == "reveal":
            self.revealed_.add(self.model_)
            return self.importance_[self.model_]
        elif kind == "locate":
            self.attempts_.append((data["row"], data["col"]))
            return self.located
        elif kind == "answer":
            self.choice_ = data["choice"]
        return None

    # -- results -------------------------------------------------------------------------------
    def outcome(self) -> Outcome:
        """Graded: the mark located, the drop seen (with a control), the closing question."""
        self._ensure_started()
        tries = len(self.attempts_)
        located_credit = ATTEMPT_CREDIT[tries - 1] if self.located else 0.0
        located_done = self.located or tries >= len(ATTEMPT_CREDIT)
        drop_credit = 0.5 * self.saw_drop + 0.5 * self.saw_control
        answered = self.choice_ is not None
        done = located_done + self.saw_drop + answered
        credit = located_credit + drop_credit + QUESTION.is_right(self.choice_)
        feedback = []
        if not self.saw_drop:
            feedback.append(
                _(
                    "Test the model trained with the mark on pictures where the mark no longer "
                    "matches the digit."
                )
            )
        elif not self.saw_control:
            feedback.append(
                _(
                    "Compare with a control: test the model trained without the mark on the "
                    "same broken pictures."
                )
            )
        if not self.located:
            feedback.append(
                _(
                    "Look for the pixels the model relies on most: which ones could not be "
                    "part of a handwritten stroke?"
                )
            )
        if answered and not QUESTION.is_right(self.choice_):
            feedback.append(
                _(
                    "Think again about the drop: what in the training pictures told the two "
                    "digits apart without looking at their shapes?"
                )
            )
        return Outcome(int(done), 3, float(credit), tuple(feedback))


def _mark_spots(images: np.ndarray) -> np.ndarray:
    """Top pixels of vertical two-pixel spots near the edge that the digits rarely ink."""
    inked = (images > 0).mean(axis=0)
    spots = []
    for top in range(dm.PIXELS - dm.SIDE):
        row, col = divmod(top, dm.SIDE)
        near_edge = row == 0 or col in (0, dm.SIDE - 1)
        if near_edge and max(inked[top], inked[top + dm.SIDE]) < _RARELY_INKED:
            spots.append(top)
    return np.array(spots)
