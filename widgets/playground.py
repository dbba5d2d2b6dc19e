"""The model playground: train a nearest-neighbour classifier on 2-D points; watch it overfit.

Modules 1 ("What a model is") and 3. The learner's own seeded data set is two interleaved
half-moons of points. A new point gets the label most of its ``k`` nearest training points
have. Three settings change the model: ``k`` (fewer neighbours make a more complex, wigglier
boundary), what share of the training labels are flipped (label noise) and how many training
points it learns from. Every change refits the model and shows its decision regions with the
training and test points, the points it gets wrong, and its training and test accuracy, so the
learner sees why a model is judged on data it never trained on. This module is the model, pure
Python; ``_playground_view`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement

#: Slider ranges: neighbours k, share of training labels flipped (percent), training points.
NEIGHBOURS = (1, 51)
LABEL_NOISE = (0, 40)
TRAIN_SIZES = (60, 300)
#: The setting shown before the learner moves a slider (not logged, so not graded).
DEFAULT_SETTING = (3, 20, 100)
#: Distinct settings to try for the exploration step.
MIN_SETTINGS = 5
#: Training accuracy minus test accuracy that counts as overfitting.
OVERFIT_GAP = 0.15
#: How close to the best test accuracy available a setting must come (in accuracy, 0..1).
NEAR_BEST = 0.02

_N_TEST = 300
_CACHE_SIZE = 64


#: The judgement question: which setting to trust for new points.
QUESTION = Judgement(
    N_(
        "You want a model that sorts new points nobody has seen yet. Which of your "
        "settings would you trust?"
    ),
    [
        (
            "train",
            N_(
                "The one with the highest training accuracy: it got almost every training "
                "point right."
            ),
        ),
        (
            "test",
            N_(
                "The one with the highest test accuracy: the test points played no part in "
                "training, just like new points."
            ),
        ),
        (
            "fewest",
            N_(
                "The one with k = 1: each point follows its single nearest neighbour, the most "
                "detailed model."
            ),
        ),
    ],
    right="test",
)


@dataclass(frozen=True)
class Fit:
    """A model fitted with one setting, and how well it does.

    Parameters
    ----------
    neighbours : int
        ``k``, the number of nearest training points that vote.
    label_noise : int
        Percent of training labels flipped.
    train_size : int
        Number of training points.
    train_accuracy, test_accuracy : float
        Share of training points (with their possibly flipped labels) and of test points the
        model gets right.
    model : sklearn.neighbors.KNeighborsClassifier
        The fitted model.
    x_train, y_train : ndarray
        The training points and the labels the model was trained on.
    train_predicted, test_predicted : ndarray
        The model's answers on the training and the test points.
    """

    neighbours: int
    label_noise: int
    train_size: int
    train_accuracy: float
    test_accuracy: float
    model: object
    x_train: np.ndarray
    y_train: np.ndarray
    train_predicted: np.ndarray
    test_predicted: np.ndarray

    @property
    def setting(self) -> tuple[int, int, int]:
        """``(neighbours, label_noise, train_size)``."""
        return (self.neighbours, self.label_noise, self.train_size)

    @property
    def gap(self) -> float:
        """Training accuracy minus test accuracy."""
        return self.train_accuracy - self.test_accuracy


def _whole(value, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


class ModelPlayground(Activity):
    """Fit a nearest-neighbour model to 2-D points with three sliders; judge which to trust.

    Graded steps (:meth:`outcome`, four in all): trying at least :data:`MIN_SETTINGS` distinct
    settings (part credit for fewer); finding an overfitting setting (training accuracy at least
    :data:`OVERFIT_GAP` above test accuracy); finding a setting within :data:`NEAR_BEST` of the
    best test accuracy available; and answering which setting to trust (a point if right; the
    first answer counts).

    Evidence kinds: ``"setting"`` ``{"neighbours": int, "label_noise": int (percent), "train_size":
    int, "train_accuracy": float, "test_accuracy": float}`` (the accuracies are recomputed on
    replay, never trusted from the log); ``"answer"`` ``{"choice": str}``.

    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    x_pool_, y_pool_ : ndarray
        Training points to draw from (the first ``train_size`` are used), after :meth:`start`.
    x_test_, y_test_ : ndarray
        Test points, never used for training, with their true labels.
    best_test_accuracy_ : float
        The best test accuracy available (clean labels, every training point, best ``k``).
    tried_ : list of Fit
        The settings tried, in order.
    current_ : tuple of int
        The setting shown: ``(neighbours, label_noise, train_size)``.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import ModelPlayground
        ModelPlayground().view()

    Sources: AI4K12 big idea 3 ("Learning"); Elements of AI, chapter 4.

    Examples
    --------
    >>> import tempfile
    >>> playground = ModelPlayground("aiko", folder=tempfile.mkdtemp()).start()
    >>> fit = playground.try_setting(neighbours=1, label_noise=30, train_size=60)
    >>> fit.train_accuracy > fit.test_accuracy
    True
    >>> playground.outcome().done
    1
    """

    name = "playground"
    view_class = "_playground_view:PlaygroundView"

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        from sklearn.datasets import make_moons

        rng = np.random.default_rng(seed)
        n_pool = TRAIN_SIZES[1]
        x, y = make_moons(n_pool + _N_TEST, noise=rng.uniform(0.25, 0.35), random_state=seed)
        angle = rng.uniform(0, np.pi)
        rotation = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]])
        x = (x - x.mean(axis=0)) @ rotation.T
        self.x_pool_, self.y_pool_ = x[:n_pool], y[:n_pool]
        self.x_test_, self.y_test_ = x[n_pool:], y[n_pool:]
        # Flipped labels: for a share s of n points, the round(s * n) with the lowest draws.
        self._flip_draws = rng.random(n_pool)
        self._fits: dict[tuple[int, int, int], Fit] = {}
        self.best_test_accuracy_ = max(
            self.fit_setting(k, 0, n_pool).test_accuracy
            for k in range(NEIGHBOURS[0], NEIGHBOURS[1] + 1, 2)
        )
        self.tried_: list[Fit] = []
        self.current_ = DEFAULT_SETTING
        self.answer_: str | None = None

    def fit_setting(self, neighbours: int, label_noise: int, train_size: int) -> Fit:
        """Fit the model for one setting (without logging it); a setting always gives one fit.

        Parameters
        ----------
        neighbours : int
            ``k``, the number of nearest training points that vote, from 1 to 51.
        label_noise : int
            Percent of training labels flipped, from 0 to 40.
        train_size : int
            Number of training points, from 60 to 300.

        Returns
        -------
        Fit
        """
        from sklearn.neighbors import KNeighborsClassifier

        self._ensure_started()
        key = (neighbours, label_noise, train_size)
        if key in self._fits:
            return self._fits[key]
        x, y = self.x_pool_[:train_size], self.y_pool_[:train_size].copy()
        flipped = np.argsort(self._flip_draws[:train_size], kind="stable")
        flipped = flipped[: round(label_noise / 100 * train_size)]
        y[flipped] = 1 - y[flipped]
        model = KNeighborsClassifier(n_neighbors=neighbours).fit(x, y)
        train_predicted, test_predicted = model.predict(x), model.predict(self.x_test_)
        result = Fit(
            neighbours=neighbours,
            label_noise=label_noise,
            train_size=train_size,
            train_accuracy=float(np.mean(train_predicted == y)),
            test_accuracy=float(np.mean(test_predicted == self.y_test_)),
            model=model,
            x_train=x,
            y_train=y,
            train_predicted=train_predicted,
            test_predicted=test_predicted,
        )
        if len(self._fits) >= _CACHE_SIZE:
            self._fits.pop(next(iter(self._fits)))
        self._fits[key] = result
        return result

    # -- interactions ----------------------------------------------------------------------------
    def try_setting(self, neighbours: int, label_noise: int, train_size: int) -> Fit:
        """Refit the model with a setting, log it with its accuracies, and return the fit.

        Parameters
        ----------
        neighbours, label_noise, train_size : int
            As for :meth:`fit_setting`.

        Returns
        -------
        Fit
        """
        self._check_setting(neighbours, label_noise, train_size)
        fit = self.fit_setting(neighbours, label_noise, train_size)
        return self.record(
            "setting",
            {
                "neighbours": neighbours,
                "label_noise": label_noise,
                "train_size": train_size,
                "train_accuracy": round(fit.train_accuracy, 4),
                "test_accuracy": round(fit.test_accuracy, 4),
            },
        )

    def answer(self, choice: str) -> bool:
        """Answer which setting to trust for new points; return whether it is right.

        Parameters
        ----------
        choice : str
            One of the keys of :data:`QUESTION`; only the first answer counts.
        """
        return self.record("answer", {"choice": choice})

    # -- the contract ----------------------------------------------------------------------------
    @staticmethod
    def _check_setting(neighbours, label_noise, train_size) -> None:
        if not (
            _whole(neighbours, *NEIGHBOURS)
            and _whole(label_noise, *LABEL_NOISE)
            and _whole(train_size, *TRAIN_SIZES)
        ):
            raise ActivityError(
                _(
                    "A setting is a number of neighbours from {d0} to {d1}, a label noise from "
                    "{n0} to {n1}% and a training size from {s0} to {s1}."
                ).format(
                    d0=NEIGHBOURS[0],
                    d1=NEIGHBOURS[1],
                    n0=LABEL_NOISE[0],
                    n1=LABEL_NOISE[1],
                    s0=TRAIN_SIZES[0],
                    s1=TRAIN_SIZES[1],
                )
            )

    def _check(self, kind: str, data: dict) -> None:
        if kind == "setting":
            self._check_setting(
                data.get("neighbours"), data.get("label_noise"), data.get("train_size")
            )
        elif kind == "answer":
            if not self.tried_:
                raise ActivityError(_("Try a few settings before you answer."))
            QUESTION.check(data.get("choice"), self.answer_)
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "setting":
            # The accuracies are recomputed: what the log claims is never trusted.
            fit = self.fit_setting(data["neighbours"], data["label_noise"], data["train_size"])
            self.tried_.append(fit)
            self.current_ = fit.setting
            return fit
        self.answer_ = data["choice"]
        return QUESTION.is_right(self.answer_)

    # -- grading ---------------------------------------------------------------------------------
    def distinct_settings(self) -> int:
        """How many different settings the learner has tried."""
        self._ensure_started()
        return len({fit.setting for fit in self.tried_})

    def outcome(self) -> Outcome:
        """Four graded steps: explore, find overfitting, find a near-best setting, judge."""
        self._ensure_started()
        feedback = []
        done, credit = 0, 0.0
        distinct = self.distinct_settings()
        credit += min(distinct, MIN_SETTINGS) / MIN_SETTINGS
        if distinct >= MIN_SETTINGS:
            done += 1
        else:
            feedback.append(
                _("Try at least {n} different settings ({k} so far).").format(
                    n=MIN_SETTINGS, k=distinct
                )
            )
        if any(fit.gap >= OVERFIT_GAP for fit in self.tried_):
            done += 1
            credit += 1
        else:
            feedback.append(
                _(
                    "Find a setting where the model does far better on its training points than "
                    "on the test points: that is overfitting."
                )
            )
        if any(fit.test_accuracy >= self.best_test_accuracy_ - NEAR_BEST for fit in self.tried_):
            done += 1
            credit += 1
        else:
            feedback.append(
                _(
                    "Look for a setting with a better test accuracy: which training data, and "
                    "how many neighbours, let it learn the real pattern rather than the noise?"
                )
            )
        if self.answer_ is None:
            feedback.append(_("Answer the question about which setting to trust."))
        else:
            done += 1
            if QUESTION.is_right(self.answer_):
                credit += 1
            else:
                feedback.append(
                    _(
                        "Think again: which accuracy tells you how the model does on points it "
                        "has never seen?"
                    )
                )
        return Outcome(done, 4, round(credit, 6), tuple(feedback))
