"""Bias audit: a hiring model that never sees the group column, and what it does with groups anyway.

The learner first tries to predict the protected attribute back from the other columns ("we
removed the column"), then reads the main model's error rates per group, then answers three
judgements. This module is the model, pure Python; ``_bias_audit_view`` draws it.

Datasheet of the generated table
--------------------------------
Everything here is invented: a fictional town's past hiring decisions, generated per learner from
a seed, describing no real people, places or employers. Each row is one applicant.

``group``
    The protected attribute: group A or group B (35 to 45 % are in group B). Never given to the
    main model.
``neighbourhood`` (6 values), ``school`` (4 values), ``hobby`` (4 values)
    Proxies. Each group favours its own half of the values; how strongly differs by column (a
    strong, a medium and a weak proxy, shuffled per learner), as segregated housing or schooling
    would make it.
``test_score`` (0 to 100), ``experience`` (years)
    Legitimate features, drawn independently of the group.
``qualified``
    The truth the invented world knows: whether the applicant would do the job well, drawn from
    the test score and experience only. A real auditor rarely has this column.
``hired``
    The recorded label, from past decisions with a historical bias: 40 % of the qualified
    applicants of one group (chosen per learner) were turned down, and 10 % of the unqualified
    applicants of the other group were hired.

The main model is a logistic regression trained on the recorded labels of one half of the rows,
with every column but ``group`` and ``qualified``; its errors are measured on the other half
against ``qualified``, per group, as in Barocas, Hardt and Narayanan, *Fairness and machine
learning* (chapter on classification).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement, no_such_question
from .measures import Ratio

#: The columns a learner can use to predict the group, in the order the view shows them.
FEATURES = ("neighbourhood", "school", "hobby", "test_score", "experience")
#: How many values each categorical proxy takes.
PROXY_SIZES = {"neighbourhood": 6, "school": 4, "hobby": 4}
#: Each proxy's strength: the share of applicants whose value is drawn from their group's half.
PROXY_STRENGTHS = (0.85, 0.6, 0.25)
#: The choices of the "wronged" question: a group index and an error type, or neither.
WRONGED_CHOICES = ("0-fn", "0-fp", "1-fn", "1-fp", "none")
#: Below this gap in false negative rate the groups count as treated alike.
SAME_RATE_GAP = 0.05

_N_PEOPLE = 1600
_HISTORICAL_MISSED = 0.4
_HISTORICAL_FAVOURED = 0.1


def feature_label(feature: str) -> str:
    """The learner-facing name of a feature."""
    labels = {
        "neighbourhood": _("Neighbourhood"),
        "school": _("School attended"),
        "hobby": _("Hobby club"),
        "test_score": _("Aptitude test score"),
        "experience": _("Years of experience"),
    }
    return labels[feature]


def group_label(group: int) -> str:
    """The learner-facing name of group 0 or 1."""
    return _("Group A") if group == 0 else _("Group B")


def _leak_choices() -> list[tuple[str, str]]:
    return [(feature_label(f), f) for f in FEATURES]


def _wronged_choices() -> list[tuple[str, str]]:
    labels = []
    for key in WRONGED_CHOICES[:-1]:
        group, error = key.split("-")
        text = (
            _("{group}: qualified people turned down (false negatives)")
            if error == "fn"
            else _("{group}: unqualified people hired (false positives)")
        )
        labels.append((text.format(group=group_label(int(group))), key))
    return [*labels, (_("Neither: both groups have about the same error rates"), "none")]


#: The judgement questions, in the order asked. The right answers to "leak" and "wronged"
#: depend on the learner's variant (see :meth:`BiasAudit.correct_choice`).
JUDGEMENTS = {
    "leak": Judgement(N_("Which column gives the group away most?"), _leak_choices),
    "wronged": Judgement(
        N_("Which group loses out more under the main model, and through which error?"),
        _wronged_choices,
    ),
    "fair": Judgement(
        N_("The main model never sees the group column. Does that make it fair?"),
        [
            (
                "yes-blind",
                N_("Yes: a model that cannot see the group cannot treat the groups differently"),
            ),
            ("no-proxies", N_("No: other columns carry the group, and its labels carry past bias")),
            ("yes-accuracy", N_("Yes: its overall accuracy is good")),
        ],
        right="no-proxies",
    ),
}
#: The judgement questions, in order.
QUESTIONS = tuple(JUDGEMENTS)


@dataclass(frozen=True)
class ProxyFit:
    """How well a classifier predicts the group back from some features.

    Parameters
    ----------
    features : tuple of str
        The features used, in :data:`FEATURES` order.
    accuracy : float
        Accuracy on the held-out half.
    base_rate : float
        Accuracy of always guessing the larger group on the held-out half.
    """

    features: tuple[str, ...]
    accuracy: float
    base_rate: float

    @property
    def gain(self) -> float:
        """How far the accuracy is above the base rate."""
        return self.accuracy - self.base_rate


@dataclass(frozen=True)
class GroupRates:
    """A model's errors within one group, each an undefined-aware :class:`Ratio`.

    Parameters
    ----------
    group : int
        The group index (0 for group A, 1 for group B).
    accuracy : Ratio
        Right decisions out of the group's people.
    false_positive_rate : Ratio
        Hired out of the unqualified.
    false_negative_rate : Ratio
        Turned down out of the qualified.
    selection_rate : Ratio
        Hired out of everyone in the group.
    """

    group: int
    accuracy: Ratio
    false_positive_rate: Ratio
    false_negative_rate: Ratio
    selection_rate: Ratio


def group_error_rates(truth, predicted, groups) -> list[GroupRates]:
    """Accuracy, false positive, false negative and selection rate for each group.

    Parameters
    ----------
    truth, predicted : array-like of 0/1
        The true outcome (1 is "qualified") and the model's decision (1 is "hire").
    groups : array-like of int
        Each person's group.

    Examples
    --------
    >>> rates = group_error_rates([1, 1, 0, 0], [1, 0, 1, 0], [0, 0, 1, 1])
    >>> str(rates[0].false_negative_rate), rates[1].false_negative_rate.value is None
    ('50% (1/2)', True)
    """
    truth, predicted, groups = (np.asarray(a).astype(int) for a in (truth, predicted, groups))
    rates = []
    for group in sorted(set(groups.tolist())):
        y, p = truth[groups == group], predicted[groups == group]
        rates.append(
            GroupRates(
                group=group,
                accuracy=Ratio(int((y == p).sum()), len(y)),
                false_positive_rate=Ratio(int(((p == 1) & (y == 0)).sum()), int((y == 0).sum())),
                false_negative_rate=Ratio(int(((p == 0) & (y == 1)).sum()), int((y == 1).sum())),
                selection_rate=Ratio(int((p == 1).sum()), len(y)),
            )
        )
    return rates


def make_applicants(seed: int, n: int = _N_PEOPLE) -> dict[str, np.ndarray]:
    """The invented applicants of one variant (see the module's datasheet), column by column.

    Besides the columns, ``"disadvantaged"`` holds the group the historical labels wronged, and
    ``"strength:<proxy>"`` each proxy's strength.
    """
    rng = np.random.default_rng(seed)
    group = (rng.random(n) < rng.uniform(0.35, 0.45)).astype(int)
    disadvantaged = int(rng.integers(2))
    strengths = rng.permutation(PROXY_STRENGTHS)
    table: dict[str, np.ndarray] = {"group": group}
    for (name, size), strength in zip(PROXY_SIZES.items(), strengths, strict=True):
        half = size // 2
        own = rng.integers(0, half, n) + group * half
        table[name] = np.where(rng.random(n) < strength, own, rng.integers(0, size, n))
        table[f"strength:{name}"] = np.array(strength)
    table["test_score"] = np.clip(rng.normal(60, 15, n), 0, 100).round()
    table["experience"] = rng.poisson(4, n)
    logit = 0.09 * (table["test_score"] - 60) + 0.4 * (table["experience"] - 4)
    logit = logit + rng.normal(0, 0.5, n)
    qualified = (rng.random(n) < 1 / (1 + np.exp(-logit))).astype(int)
    hired = qualified.copy()
    wronged = group == disadvantaged
    hired[wronged & (qualified == 1) & (rng.random(n) < _HISTORICAL_MISSED)] = 0
    hired[~wronged & (qualified == 0) & (rng.random(n) < _HISTORICAL_FAVOURED)] = 1
    table.update(qualified=qualified, hired=hired, disadvantaged=np.array(disadvantaged))
    return table


class BiasAudit(Activity):
    """Audit a hiring model that was trained without the group column.

    Part 1: pick columns and fit a real classifier that predicts the group back from them; strong
    proxies recover it far above the base rate. Part 2: read the main model's accuracy, false
    positive and false negative rates per group. Part 3: answer three judgements. Every fit and
    answer is written to the evidence log. Parameters are those of
    :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    table_ : dict of ndarray
        The learner's invented applicants (see the module's datasheet).
    train_ : ndarray of bool
        True for the applicants the models learn from; the others are the test applicants.
    base_rate_ : float
        Accuracy of always guessing the larger group, on the held-out half.
    decisions_ : ndarray of 0/1
        The main model's decisions on the test applicants (1 is "hire").
    rates_ : list of GroupRates
        The main model's error rates per group, on the held-out half, against ``qualified``.
    fits_ : list of ProxyFit
        The learner's fits, oldest first.
    answers_ : dict
        The learner's answer to each judgement question answered so far.

    Notes
    -----
    Drop it into a notebook with two lines::

        from thinktwice.widgets import BiasAudit
        BiasAudit().view()

    Examples
    --------
    >>> import tempfile
    >>> audit = BiasAudit("aiko", folder=tempfile.mkdtemp()).start()
    >>> fit = audit.fit_group_predictor(["test_score"])
    >>> fit.accuracy <= fit.base_rate + 0.05
    True
    >>> strong = audit.fit_group_predictor(["neighbourhood", "school", "hobby"])
    >>> strong.accuracy > strong.base_rate + 0.2
    True
    >>> audit.answer("fair", "no-proxies")
    True
    >>> audit.outcome().done
    2
    """

    name = "bias-audit"
    view_class = "_bias_audit_view:BiasAuditView"

    # -- the learner's variant -----------------------------------------------------------------
    def _build(self, seed: int) -> None:
        self.table_ = make_applicants(seed)
        n = len(self.table_["group"])
        self.train_ = np.random.default_rng(seed + 1).permutation(n) < n // 2
        group_test = self.table_["group"][~self.train_]
        self.base_rate_ = float(max(group_test.mean(), 1 - group_test.mean()))
        self._columns = {f: self._encode(f) for f in FEATURES}
        self._cache: dict[tuple[str, ...], ProxyFit] = {}
        self.single_accuracy_ = {f: self._fit((f,)).accuracy for f in FEATURES}

        self.decisions_ = self._decide(FEATURES)
        self.rates_ = group_error_rates(
            self.table_["qualified"][~self.train_], self.decisions_, group_test
        )
        self.fits_: list[ProxyFit] = []
        self.answers_: dict[str, str] = {}

    def _encode(self, feature: str) -> np.ndarray:
        values = self.table_[feature]
        if feature in PROXY_SIZES:
            return np.eye(PROXY_SIZES[feature])[values]
        values = values.astype(float)
        return ((values - values.mean()) / values.std())[:, None]

    def _design(self, features) -> np.ndarray:
        return np.hstack([self._columns[f] for f in features])

    def _fit(self, features: tuple[str, ...]) -> ProxyFit:
        if features not in self._cache:
            from sklearn.linear_model import LogisticRegression

            x, y = self._design(features), self.table_["group"]
            model = LogisticRegression().fit(x[self.train_], y[self.train_])
            accuracy = float((model.predict(x[~self.train_]) == y[~self.train_]).mean())
            self._cache[features] = ProxyFit(features, accuracy, self.base_rate_)
        return self._cache[features]

    def _decide(self, features: tuple[str, ...]) -> np.ndarray:
        from sklearn.linear_model import LogisticRegression

        x, hired = self._design(features), self.table_["hired"]
        model = LogisticRegression().fit(x[self.train_], hired[self.train_])
        return model.predict(x[~self.train_])

    def decide_with(self, features) -> np.ndarray:
        """The decisions on the test applicants of a hiring model that sees only ``features``.

        It is trained like the main model, on the recorded (biased) labels of the same half of
        the applicants, so that a learner can test what removing more columns changes. Nothing
        is logged: this is a computation, not a graded step.

        Parameters
        ----------
        features : list of str
            Names from :data:`FEATURES`.

        Returns
        -------
        ndarray of 0/1
            1 for "hire", in the order of the test applicants (as :attr:`decisions_`).
        """
        self._ensure_started()
        return self._decide(self._features(features))

    # -- answer keys ---------------------------------------------------------------------------
    @property
    def leak_answer_(self) -> str:
        """The column that predicts the group best on its own."""
        return max(FEATURES, key=self.single_accuracy_.get)

    @property
    def wronged_answer_(self) -> str:
        """The group with the higher false negative rate (``"<group>-fn"``), or ``"none"``."""
        a, b = (r.false_negative_rate.value or 0.0 for r in self.rates_)
        if abs(a - b) < SAME_RATE_GAP:
            return "none"
        return f"{0 if a > b else 1}-fn"

    def correct_choice(self, question: str) -> str:
        """The right answer to ``question`` in this learner's variant (for teachers and tests)."""
        self._ensure_started()
        variant = {"leak": self.leak_answer_, "wronged": self.wronged_answer_}
        return variant.get(question) or JUDGEMENTS[question].right

    def is_right(self, question: str, choice: str | None) -> bool:
        """Whether ``choice`` is the right answer to ``question`` in this learner's variant."""
        return JUDGEMENTS[question].is_right(choice, right=self.correct_choice(question))

    # -- interactions --------------------------------------------------------------------------
    @staticmethod
    def _features(features) -> tuple[str, ...]:
        if isinstance(features, str) or not isinstance(features, list | tuple):
            raise ActivityError(_("Choose the columns as a list of names."))
        unknown = [f for f in features if f not in FEATURES]
        if unknown:
            raise ActivityError(
                _("There is no column called {name}.").format(name=", ".join(map(str, unknown)))
            )
        if not features:
            raise ActivityError(_("Tick at least one column to predict the group from."))
        return tuple(f for f in FEATURES if f in features)

    def fit_group_predictor(self, features) -> ProxyFit:
        """Fit a classifier that predicts the group from ``features`` and log the try.

        Parameters
        ----------
        features : list of str
            Names from :data:`FEATURES`.

        Returns
        -------
        ProxyFit
            Its accuracy on held-out applicants, and the base rate to compare it with.
        """
        self._ensure_started()
        chosen = self._features(features)
        fit = self._fit(chosen)
        data = {
            "features": list(chosen),
            "accuracy": round(fit.accuracy, 4),
            "base_rate": round(fit.base_rate, 4),
        }
        return self.record("fit", data)

    def answer(self, question: str, choice: str) -> bool:
        """Answer a judgement question once; return whether the answer is right.

        Parameters
        ----------
        question : {"leak", "wronged", "fair"}
            Which judgement.
        choice : str
            A key of the question's :data:`JUDGEMENTS` entry.
        """
        self._ensure_started()
        data = {"question": question, "choice": choice}
        if question in JUDGEMENTS:
            data["correct"] = self.is_right(question, choice)
        return self.record("answer", data)

    # -- the activity contract -----------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "fit":
            self._features(data.get("features"))
        elif kind == "answer":
            question = data.get("question")
            if not isinstance(question, str) or question not in JUDGEMENTS:
                raise no_such_question()
            JUDGEMENTS[question].check(data.get("choice"), self.answers_.get(question))
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "fit":
            fit = self._fit(self._features(data["features"]))
            self.fits_.append(fit)
            return fit
        self.answers_[data["question"]] = data["choice"]
        return self.is_right(data["question"], data["choice"])

    def tried_feature_sets(self) -> int:
        """How many different feature sets the learner has fitted."""
        return len({fit.features for fit in self.fits_})

    def outcome(self) -> Outcome:
        """Four graded steps: trying two feature sets, and one per judgement answered right."""
        self._ensure_started()
        tried = self.tried_feature_sets() >= 2
        feedback = []
        if not tried:
            feedback.append(
                _("Fit the group predictor with at least two different sets of columns.")
            )
        hints = {
            "leak": _(
                "Fit the predictor with one column at a time and compare each accuracy with the "
                "base rate."
            ),
            "wronged": _(
                "Compare the false negative and false positive rates of the two groups in the "
                "table, and ask which error costs the applicant a job."
            ),
            "fair": _(
                "Look back at part 1: could a model rebuild the group from the columns it does see?"
            ),
        }
        right = 0
        for question in QUESTIONS:
            choice = self.answers_.get(question)
            if choice is None:
                feedback.append(
                    _("Answer the question: {question}").format(
                        question=JUDGEMENTS[question].text()
                    )
                )
            elif self.is_right(question, choice):
                right += 1
            else:
                feedback.append(hints[question])
        done = int(tried) + len(self.answers_)
        return Outcome(done, 1 + len(QUESTIONS), float(int(tried) + right), tuple(feedback))
