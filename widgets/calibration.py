"""The calibration explorer: guess a model's reliability curve, then see the real one.

Module 2, "Confidence is not correctness". A real scikit-learn classifier, trained on the
learner's own seeded two-class data, gives a probability for every test case. The learner first
draws the curve they expect (for each confidence band, the share of cases that really are
positive), then reveals the real reliability diagram with the expected calibration error (ECE) and
Brier score, switches to a test set drawn from a shifted distribution, and compares the models,
including one that always says 50%: calibrated, and useless. This module is the model, pure
Python; ``_calibration_view`` draws it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .calibration_measures import Bin, brier_score, expected_calibration_error, reliability_curve
from .i18n import N_, _
from .judgement import Judgement

#: Equal-width bins of the reliability curve (and sliders of the learner's guess).
N_BINS = 5
#: The models a learner can look at, in the order the view lists them.
MODELS = ("naive_bayes", "logistic", "always_half")
#: The model whose curve the learner guesses.
GUESSED_MODEL = "naive_bayes"
#: A guess whose mean gap to the real curve is this large (or larger) earns no closeness credit.
GAP_FOR_NO_CREDIT = 0.3
#: How the feedback describes a guess's mean gap to the real curve: the largest gap for each word.
CLOSENESS = (
    (0.05, N_("Your guess was very close to the real curve: you read this model well.")),
    (
        0.15,
        N_(
            "Your guess was close to the real curve, but not in every band: look at where "
            "the two lines part."
        ),
    ),
    (
        GAP_FOR_NO_CREDIT,
        N_(
            "Your guess was some way from the real curve: in some bands the model was much "
            "more, or less, sure than it should have been. Compare the two lines band by band."
        ),
    ),
    (
        float("inf"),
        N_(
            "Your guess was far from the real curve: compare the two lines band by band to see "
            "where this model is more sure of itself than it should be."
        ),
    ),
)

_N_TRAIN = 400
_N_TEST = 400
_N_FEATURES = 8


def model_label(model: str) -> str:
    """The learner-facing name of a model."""
    return {
        "naive_bayes": _("Naive Bayes (a real model)"),
        "logistic": _("Logistic regression (a real model)"),
        "always_half": _("Always says 50%"),
    }[model]


#: The judgement question about the always-50% model.
QUESTION = Judgement(
    N_(
        "The model that always says 50% has an ECE of about 0 here (almost no calibration "
        "error). What does that tell you?"
    ),
    [
        ("best", N_("It is the best model here, because its confidence is never wrong.")),
        (
            "useless",
            N_(
                "Its confidence is honest, but it says the same for every case, "
                "so it cannot help anyone decide."
            ),
        ),
        (
            "luck",
            N_("Its ECE is near 0 only by luck; on another test set it would be badly off."),
        ),
    ],
    right="useless",
)


@dataclass(frozen=True)
class Condition:
    """What the learner sees at one moment: a model's curve on one test set.

    Parameters
    ----------
    model : str
        One of :data:`MODELS`.
    shifted : bool
        Whether the test set comes from the shifted distribution.
    bins : list of Bin
        The reliability curve.
    ece : float
        Expected calibration error.
    brier : float
        Brier score.
    accuracy : float
        Share of test cases on the right side of 50% (a tie at exactly 50% counts as wrong).
    """

    model: str
    shifted: bool
    bins: list[Bin]
    ece: float
    brier: float
    accuracy: float


def _two_class_data(rng: np.random.Generator, n: int, separation: float, shift: np.ndarray):
    """Balanced (n/2 of each class) data whose features are noisy copies of one latent score.

    The features are strongly correlated, which naive Bayes assumes they are not: it counts the
    same evidence several times and so becomes overconfident.
    """
    y = np.repeat([0, 1], n // 2)
    latent = rng.normal(size=n) + np.where(y == 1, separation, -separation)
    x = latent[:, None] + rng.normal(size=(n, _N_FEATURES)) + shift
    order = rng.permutation(n)
    return x[order], y[order]


class CalibrationExplorer(Activity):
    """Guess a classifier's reliability curve, reveal it, and probe it under shift.

    Graded steps (:meth:`outcome`, five in all): submitting a guess before the reveal (half a
    point, plus up to half a point for how close the guess was); revealing the real curve;
    looking at the shifted test set; looking at the always-50% model; and answering the
    judgement question (a point if right; the first answer counts).

    Evidence kinds: ``"guess"`` ``{"curve": [5 shares in 0..1]}``; ``"reveal"`` ``{}``;
    ``"show"`` ``{"model": str, "shifted": bool}``; ``"answer"`` ``{"choice": str}``.

    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    probabilities_ : dict
        ``(model, shifted) -> (y_true, y_prob)`` on the learner's test sets, after :meth:`start`.
    guess_ : list of float or None
        The learner's guessed curve, one share per bin.
    revealed_ : bool
        Whether the real curve has been revealed.
    current_ : tuple of (str, bool)
        The model and test set being shown.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import CalibrationExplorer
        CalibrationExplorer().view()

    Sources: Google PAIR, "Are model predictions probabilities?"; the scikit-learn user guide on
    probability calibration; Brier (1950); Guo et al. (2017) for ECE.

    Examples
    --------
    >>> import tempfile
    >>> explorer = CalibrationExplorer("aiko", folder=tempfile.mkdtemp()).start()
    >>> explorer.guess_curve([0.1, 0.3, 0.5, 0.7, 0.9])
    >>> shown = explorer.reveal()
    >>> shown.model, shown.shifted
    ('naive_bayes', False)
    >>> half = explorer.show("always_half", shifted=False)
    >>> round(half.ece, 3), half.brier
    (0.0, 0.25)
    >>> explorer.outcome().done
    3
    """

    name = "calibration"
    view_class = "_calibration_view:CalibrationView"

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        from sklearn.linear_model import LogisticRegression
        from sklearn.naive_bayes import GaussianNB

        rng = np.random.default_rng(seed)
        separation = rng.uniform(0.8, 1.0)
        # The shifted world: half the features drift one way (the models read that as evidence
        # for one class) and the classes overlap more, while the models stay as sure as before.
        direction = rng.choice([-1.0, 1.0])
        shift = np.zeros(_N_FEATURES)
        shift[: _N_FEATURES // 2] = direction * rng.uniform(0.9, 1.1)
        no_shift = np.zeros(_N_FEATURES)
        x_train, y_train = _two_class_data(rng, _N_TRAIN, separation, no_shift)
        tests = {
            False: _two_class_data(rng, _N_TEST, separation, no_shift),
            True: _two_class_data(rng, _N_TEST, separation / 2, shift),
        }
        fitted = {
            "naive_bayes": GaussianNB().fit(x_train, y_train),
            "logistic": LogisticRegression().fit(x_train, y_train),
        }
        self.probabilities_ = {}
        for shifted, (x, y) in tests.items():
            for model in MODELS:
                if model == "always_half":
                    p = np.full(len(y), 0.5)
                else:
                    p = fitted[model].predict_proba(x)[:, 1]
                self.probabilities_[model, shifted] = (y, p)
        self._conditions: dict[tuple[str, bool], Condition] = {}
        self.guess_: list[float] | None = None
        self.revealed_ = False
        self.current_ = (GUESSED_MODEL, False)
        self.seen_: set[tuple[str, bool]] = set()
        self.answer_: str | None = None

    def condition(self, model: str = GUESSED_MODEL, shifted: bool = False) -> Condition:
        """The reliability curve, ECE, Brier score and accuracy of ``model`` on a test set.

        This is the answer key: the view shows it only after the reveal.

        Parameters
        ----------
        model : str
            One of :data:`MODELS`.
        shifted : bool
            Whether to use the test set drawn from the shifted distribution.

        Returns
        -------
        Condition
        """
        self._ensure_started()
        key = (model, bool(shifted))
        if key not in self._conditions:
            y, p = self.probabilities_[key]
            self._conditions[key] = Condition(
                model=model,
                shifted=bool(shifted),
                bins=reliability_curve(y, p, N_BINS),
                ece=expected_calibration_error(y, p, N_BINS),
                brier=brier_score(y, p),
                accuracy=float(np.mean((p > 0.5) == (y == 1))),
            )
        return self._conditions[key]

    # -- interactions ----------------------------------------------------------------------------
    def guess_curve(self, curve) -> None:
        """Submit the curve the learner expects: per bin, the share of cases that are positive.

        Parameters
        ----------
        curve : sequence of float
            :data:`N_BINS` shares from 0 to 1, from the lowest confidence bin to the highest.
        """
        # numpy numbers become plain ones; anything else is checked as given.
        self.record("guess", {"curve": [v.item() if hasattr(v, "item") else v for v in curve]})

    def reveal(self) -> Condition:
        """Reveal the real reliability curve of the guessed model (after a guess).

        Returns
        -------
        Condition
            Naive Bayes on the test data like the training data.

        Raises
        ------
        ActivityError
            Before a guess is submitted, or when already revealed.
        """
        return self.record("reveal", {})

    def show(self, model: str, shifted: bool = False) -> Condition:
        """Look at ``model`` on the ordinary or the shifted test set (after the reveal).

        Parameters
        ----------
        model : str
            One of :data:`MODELS`.
        shifted : bool
            Whether to use the test set drawn from the shifted distribution.

        Returns
        -------
        Condition
            What the learner now sees.
        """
        return self.record("show", {"model": model, "shifted": shifted})

    def answer(self, choice: str) -> bool:
        """Answer the judgement question about the always-50% model; return whether it is right.

        Parameters
        ----------
        choice : str
            One of the keys of :data:`QUESTION`; only the first answer counts.
        """
        return self.record("answer", {"choice": choice})

    # -- the contract ----------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "guess":
            curve = data.get("curve")
            if (
                not isinstance(curve, list)
                or len(curve) != N_BINS
                or not all(
                    isinstance(v, int | float) and not isinstance(v, bool) and 0 <= v <= 1
                    for v in curve
                )
            ):
                raise ActivityError(
                    _("A guess is {n} shares from 0 to 1, one per confidence band.").format(
                        n=N_BINS
                    )
                )
            if self.revealed_:
                raise ActivityError(_("Your guess is locked once the real curve is revealed."))
        elif kind == "reveal":
            if self.guess_ is None:
                raise ActivityError(_("Submit your guess of the curve before revealing it."))
            if self.revealed_:
                raise ActivityError(_("The real curve is already revealed."))
        elif kind == "show":
            if not self.revealed_:
                raise ActivityError(_("Reveal the real curve first."))
            if data.get("model") not in MODELS or not isinstance(data.get("shifted"), bool):
                raise ActivityError(_("There is no such model or test set."))
        elif kind == "answer":
            if not self.revealed_:
                raise ActivityError(_("Reveal the real curve first."))
            QUESTION.check(data.get("choice"), self.answer_)
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "guess":
            self.guess_ = [float(v) for v in data["curve"]]
            return None
        if kind == "reveal":
            self.revealed_ = True
            self.current_ = (GUESSED_MODEL, False)
            self.seen_.add(self.current_)
            return self.condition(*self.current_)
        if kind == "show":
            self.current_ = (data["model"], data["shifted"])
            self.seen_.add(self.current_)
            return self.condition(*self.current_)
        self.answer_ = data["choice"]
        return QUESTION.is_right(self.answer_)

    # -- grading ---------------------------------------------------------------------------------
    def guess_gap(self) -> float | None:
        """Mean gap between the guess and the real curve, weighted by bin counts (or ``None``).

        Empty bins do not count: there is nothing to compare the guess with.
        """
        if self.guess_ is None:
            return None
        bins = self.condition(GUESSED_MODEL, False).bins
        total = sum(b.count for b in bins)
        return sum(
            b.count / total * abs(g - b.observed)
            for g, b in zip(self.guess_, bins, strict=True)
            if not b.empty
        )

    def closeness(self) -> str | None:
        """How close the guess was to the real curve, in words (``None`` before a guess)."""
        gap = self.guess_gap()
        if gap is None:
            return None
        return next(_(words) for largest, words in CLOSENESS if gap < largest)

    def outcome(self) -> Outcome:
        """Five graded steps: guess (with closeness), reveal, shift, always-50%, judgement."""
        self._ensure_started()
        feedback = []
        done, credit = 0, 0.0
        if self.guess_ is None:
            feedback.append(_("Draw the curve you expect and submit it before the reveal."))
        else:
            done += 1
            closeness = max(0.0, 1.0 - self.guess_gap() / GAP_FOR_NO_CREDIT)
            credit += 0.5 + 0.5 * closeness
            if self.revealed_:
                feedback.append(self.closeness())
        if self.revealed_:
            done += 1
            credit += 1
        else:
            feedback.append(_("Reveal the real curve and compare it with your guess."))
        if any(shifted for _model, shifted in self.seen_):
            done += 1
            credit += 1
        else:
            feedback.append(_("Switch to the shifted test data and watch what happens to the ECE."))
        if any(model == "always_half" for model, _shifted in self.seen_):
            done += 1
            credit += 1
        else:
            feedback.append(
                _("Look at the model that always says 50%: compare its ECE and Brier score.")
            )
        if self.answer_ is None:
            feedback.append(_("Answer the question about the always-50% model."))
        else:
            done += 1
            if QUESTION.is_right(self.answer_):
                credit += 1
            else:
                feedback.append(
                    _(
                        "Think again about the always-50% model: a low ECE says its confidence "
                        "is honest, but does its answer differ from one case to the next?"
                    )
                )
        return Outcome(done, 5, round(credit, 6), tuple(feedback))
