"""Simpson explorer: Berkeley's graduate admissions of autumn 1973, in total and by department.

Module 6 ("Statistical traps"). In the totals, a larger share of the men who applied were
admitted than of the women (44% of 8,442 men against 35% of 4,321 women: Bickel, Hammel &
O'Connell 1975). Split by department, the gap disappears or reverses in most of the six largest
departments: women had applied more often to the departments that admitted few of their
applicants. A difference in the totals that reverses inside the groups is *Simpson's paradox*.

The six departments' counts ship in ``data/berkeley_1973.csv`` (the table printed by Freedman,
Pisani & Purves 1978; the same counts as R's ``UCBAdmissions``), with a datasheet. The learner
predicts (once), splits the table by department, then answers three questions from what the
split shows; the department and group one question asks about, and the order of the departments,
are seeded from the learner's id.

This module is the model (pure Python); ``_simpson_explorer_view`` draws it.
"""

from __future__ import annotations

import csv
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement, already_answered, no_such_question

DATA = Path(__file__).with_name("data") / "berkeley_1973.csv"
SEXES = ("men", "women")
#: The whole graduate division's figures (Bickel et al. 1975): (admitted share, applicants).
CAMPUS = {"men": (0.44, 8442), "women": (0.35, 4321)}
#: A read rate this close (in percentage points) earns full credit; within 5, half.
RATE_WITHIN = 1.0

PREDICTION = Judgement(
    N_(
        "Overall, men were admitted at a higher rate than women. What will you find inside the "
        "six departments?"
    ),
    [
        ("men", N_("Men are admitted at a higher rate in most departments, as in the totals.")),
        ("women", N_("Women are admitted at a higher rate in most departments.")),
        ("same", N_("The two rates are about the same in every department.")),
    ],
)
COUNT = Judgement(
    N_(
        "In how many of the six departments was a larger share of the women admitted than "
        "of the men?"
    ),
    [(str(k), str(k)) for k in range(7)],
)
WHY = Judgement(
    N_("Why do the totals point the other way from most departments?"),
    [
        ("merit", N_("The men who applied had better marks.")),
        (
            "where",
            N_("Women applied more often to the departments that admit few applicants."),
        ),
        ("against-men", N_("Most departments were unfair to men.")),
        ("sums", N_("The totals were added up wrongly.")),
    ],
    right="where",
)
QUESTIONS = {"prediction": PREDICTION, "count": COUNT, "why": WHY}


@dataclass(frozen=True)
class Row:
    """One department's applicants and admissions for one sex."""

    department: str
    sex: str
    applicants: int
    admitted: int

    @property
    def rate(self) -> float:
        """The share of the applicants admitted, from 0 to 1."""
        return self.admitted / self.applicants


@cache
def load(path: Path = DATA) -> tuple[Row, ...]:
    """The rows of the admissions table.

    Raises
    ------
    ValueError
        If the file is not a valid table; the message names the file and the problem.
    """
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = tuple(
                Row(r["department"], r["sex"], int(r["applicants"]), int(r["admitted"]))
                for r in csv.DictReader(handle)
            )
    except (OSError, KeyError, ValueError, TypeError) as error:
        raise ValueError(f"{path}: not a valid admissions table ({error!r})") from error
    for row in rows:
        if row.sex not in SEXES or not 0 <= row.admitted <= row.applicants:
            raise ValueError(f"{path}: bad row {row}")
    return rows


def departments() -> tuple[str, ...]:
    """The departments' letters, in the file's order."""
    return tuple(dict.fromkeys(row.department for row in load()))


def row(department: str, sex: str) -> Row:
    """The row of one department and sex."""
    return next(r for r in load() if r.department == department and r.sex == sex)


def totals() -> dict[str, Row]:
    """Applicants and admissions summed over the six departments, by sex."""
    out = {}
    for sex in SEXES:
        rows = [r for r in load() if r.sex == sex]
        out[sex] = Row("all", sex, sum(r.applicants for r in rows), sum(r.admitted for r in rows))
    return out


def women_ahead() -> list[str]:
    """The departments in which a larger share of the women than of the men was admitted."""
    return [d for d in departments() if row(d, "women").rate > row(d, "men").rate]


def department_rate(department: str) -> float:
    """The share of all applicants (both sexes) a department admitted, from 0 to 1."""
    both = [row(department, sex) for sex in SEXES]
    return sum(r.admitted for r in both) / sum(r.applicants for r in both)


COUNT_RIGHT = str(len(women_ahead()))


class SimpsonExplorer(Activity):
    """Predict, split Berkeley's 1973 admissions by department, and read what the split shows.

    Five graded steps: the prediction (any answer completes it), the split, how many
    departments admitted a larger share of women, one department's rate read from the table
    (seeded per learner), and why the totals point the other way. Parameters are those of
    :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    order_ : list of str
        The departments in the order this learner's table lists them (seeded).
    asked_ : tuple of (str, str)
        The department and sex whose admission rate the learner reads (seeded).
    answers_ : dict
        The first answer to each question, by question (``"prediction"``, ``"count"``,
        ``"why"``); the read rate, in percent, under ``"rate"``.
    split_ : bool
        Whether the learner has split the table by department.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import SimpsonExplorer
        SimpsonExplorer().view()

    Evidence kinds: ``"answer"`` with ``{"question": key, "choice": key}``; ``"split"`` with
    ``{}``; ``"rate"`` with ``{"department": letter, "sex": sex, "percent": number}``.

    Examples
    --------
    >>> import tempfile
    >>> explorer = SimpsonExplorer("aiko", folder=tempfile.mkdtemp()).start()
    >>> explorer.answer("prediction", "men")
    >>> explorer.split()
    >>> explorer.answer("count", "4"), explorer.answer("why", "where")
    (True, True)
    >>> explorer.outcome().done
    4
    """

    name = "simpson_explorer"
    view_class = "_simpson_explorer_view:SimpsonExplorerView"

    def _build(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        letters = departments()
        self.order_ = [letters[k] for k in rng.permutation(len(letters))]
        self.asked_ = (str(rng.choice(letters)), str(rng.choice(SEXES)))
        self.answers_: dict[str, object] = {}
        self.split_ = False

    # -- interactions ---------------------------------------------------------------------------
    def answer(self, question: str, choice: str) -> bool | None:
        """Answer ``"prediction"``, ``"count"`` or ``"why"``; the first answer counts.

        Returns whether it is right (``None`` for the prediction, which has no right answer).
        """
        return self.record("answer", {"question": question, "choice": choice})

    def split(self) -> None:
        """Split the table by department (after the prediction)."""
        self.record("split", {})

    def read_rate(self, percent: float) -> None:
        """Give the admission rate, in percent, of the department and sex in :attr:`asked_`."""
        department, sex = self.asked_
        self.record("rate", {"department": department, "sex": sex, "percent": percent})

    # -- the contract ---------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind == "answer":
            question = QUESTIONS.get(data.get("question"))
            if question is None:
                raise no_such_question()
            if data["question"] != "prediction":
                self._need_split()
            question.check(data.get("choice"), self.answers_.get(data["question"]))
        elif kind == "split":
            if "prediction" not in self.answers_:
                raise ActivityError(_("Make your prediction before you split the table."))
            if self.split_:
                raise ActivityError(_("The table is already split by department."))
        elif kind == "rate":
            self._need_split()
            if (data.get("department"), data.get("sex")) != self.asked_:
                raise no_such_question()
            if "rate" in self.answers_:
                raise already_answered()
            value = data.get("percent")
            if (
                not isinstance(value, int | float)
                or isinstance(value, bool)
                or not math.isfinite(value)
                or not 0 <= value <= 100
            ):
                raise ActivityError(_("Write a percentage: a number from 0 to 100."))
        else:
            raise unknown_action()

    def _need_split(self) -> None:
        if not self.split_:
            raise ActivityError(_("Split the table by department first."))

    def _apply(self, kind: str, data: dict):
        if kind == "split":
            self.split_ = True
            return None
        if kind == "rate":
            self.answers_["rate"] = float(data["percent"])
            return None
        question = data["question"]
        self.answers_[question] = data["choice"]
        return None if question == "prediction" else self.is_right(question)

    # -- grading --------------------------------------------------------------------------------
    def asked_rate(self) -> float:
        """The true admission rate, in percent, of the department and sex asked about."""
        self._ensure_started()
        return 100 * row(*self.asked_).rate

    def is_right(self, question: str) -> bool:
        """Whether the learner's answer to ``"count"`` or ``"why"`` is right."""
        right = COUNT_RIGHT if question == "count" else WHY.right
        return self.answers_.get(question) == right

    def rate_credit(self) -> float:
        """1 for a read rate within 1 point of the table's, 0.5 within 5, else 0."""
        given = self.answers_.get("rate")
        if given is None:
            return 0.0
        error = abs(float(given) - self.asked_rate())
        return 1.0 if error <= RATE_WITHIN else 0.5 if error <= 5 else 0.0

    def outcome(self) -> Outcome:
        """Five graded steps: prediction, split, count, the read rate, and why."""
        self._ensure_started()
        done, credit, feedback = 0, 0.0, []
        if "prediction" in self.answers_:
            done, credit = 1, 1.0
        else:
            feedback.append(_("Make your prediction before you split the table."))
        if self.split_:
            done += 1
            credit += 1
        else:
            feedback.append(_("Split the table by department."))
        if "count" in self.answers_:
            done += 1
            if self.is_right("count"):
                credit += 1
            else:
                feedback.append(
                    _(
                        "Look again at the table by department: compare the women's and the "
                        "men's admission rates in each row."
                    )
                )
        else:
            feedback.append(_("Count the departments where women did better."))
        if "rate" in self.answers_:
            done += 1
            credit += self.rate_credit()
            if self.rate_credit() < 1:
                feedback.append(
                    _(
                        "Look again at the row of the department you were asked about: admitted "
                        "divided by applicants, as a percentage."
                    )
                )
        else:
            feedback.append(_("Read the admission rate you were asked about."))
        if "why" in self.answers_:
            done += 1
            if self.is_right("why"):
                credit += 1
            else:
                feedback.append(
                    _(
                        "Look again at the chart of applicants: which departments did most women "
                        "apply to, and how many of their applicants did those departments admit?"
                    )
                )
        else:
            feedback.append(_("Answer why the totals point the other way."))
        return Outcome(done, 5, round(credit, 6), tuple(feedback))
