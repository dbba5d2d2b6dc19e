"""Frequency grid: base-rate neglect, and the same question asked as counts of people.

Module 6 ("Statistical traps"). A screening test finds 90% of the people who have a condition
and wrongly flags 7% of the people who do not; 0.8% of the people screened have it. What is the
chance that someone who tests positive has the condition? Asked with these three percentages,
most people (doctors too) answer far too high, often about 90%: they neglect the base rate, the
0.8%. Asked as counts of people ("of 1,000 people, 8 have it; 7 of them test positive; of the 992
without it, about 69 test positive") the answer, 7 of 76 or about 9%, is much easier to see
(natural frequencies: Gigerenzer & Hoffrage 1995; the mammography figures: Gigerenzer et al. 2007).

The learner estimates once from the percentages, then sees the grid of 1,000 people, answers
again, changes the three rates to watch the answer move, and finally counts the people in an
invented screening scenario of their own, seeded from their id.

This module is the model (pure Python); ``_frequency_grid_view`` draws it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import _
from .judgement import already_answered

#: People in the grid.
POPULATION = 1000


@dataclass(frozen=True)
class Rates:
    """A screening test's three rates, as percentages from 0 to 100.

    Parameters
    ----------
    prevalence : float
        Share of the people screened who have the condition (the base rate).
    sensitivity : float
        Share of the people with the condition whom the test flags (true positive rate).
    false_positive : float
        Share of the people without the condition whom the test flags anyway.
    """

    prevalence: float
    sensitivity: float
    false_positive: float

    def chance(self) -> float | None:
        """The exact chance (0 to 1) that a person who tests positive has the condition.

        This is the *positive predictive value*; ``None`` when nobody tests positive.

        Examples
        --------
        >>> round(MAMMOGRAPHY.chance(), 4)
        0.0939
        """
        p, s, f = self.prevalence / 100, self.sensitivity / 100, self.false_positive / 100
        positive = p * s + (1 - p) * f
        return p * s / positive if positive > 0 else None

    def as_dict(self) -> dict[str, float]:
        """The rates as the evidence log stores them."""
        return {
            "prevalence": self.prevalence,
            "sensitivity": self.sensitivity,
            "false_positive": self.false_positive,
        }


#: The screening question of Gigerenzer et al. (2007): 0.8%, 90% and 7%.
MAMMOGRAPHY = Rates(0.8, 90.0, 7.0)
#: The answer people give who take the test's 90% for the chance: the naive answer.
NAIVE = MAMMOGRAPHY.sensitivity / 100
#: What the sliders allow, as (lowest, highest, step) in percent, by rate.
LIMITS = {
    "prevalence": (0.1, 50.0, 0.1),
    "sensitivity": (1.0, 100.0, 1.0),
    "false_positive": (0.0, 50.0, 0.5),
}
#: An estimate this close (in percentage points) earns full credit.
FULL_CREDIT_WITHIN = 5.0
#: After the grid, an answer this close (in points) to the grid's count earns full credit.
AFTER_WITHIN = 1.5
#: A count this close to the grid's count is right (it depends on rounding halves).
COUNT_WITHIN = 1

#: The invented scenarios a learner's own question is drawn from: (condition, rates to choose).
SCENARIO_PREVALENCE = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0)
SCENARIO_SENSITIVITY = (75.0, 80.0, 85.0, 95.0)
SCENARIO_FALSE_POSITIVE = (3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5 + 1e-9))


@dataclass(frozen=True)
class Counts:
    """The grid's people: who has the condition and who tests positive, out of ``population``."""

    population: int
    sick: int
    sick_positive: int
    healthy_positive: int

    @property
    def healthy(self) -> int:
        """People without the condition."""
        return self.population - self.sick

    @property
    def positive(self) -> int:
        """People who test positive, with or without the condition."""
        return self.sick_positive + self.healthy_positive

    @property
    def share(self) -> float | None:
        """Of the people who test positive, the share who have the condition (``None``: none)."""
        return self.sick_positive / self.positive if self.positive else None

    def sentence(self) -> str:
        """The grid in words: its text equivalent for people who cannot see it."""
        from .style import percent

        text = _(
            "Of {population} people, {sick} have the condition; {sick_positive} of them test "
            "positive. Of the {healthy} without it, {healthy_positive} test positive anyway."
        ).format(
            population=f"{self.population:,}",
            sick=self.sick,
            sick_positive=self.sick_positive,
            healthy=f"{self.healthy:,}",
            healthy_positive=self.healthy_positive,
        )
        if self.positive:
            text += " " + _(
                "So {sick_positive} of the {positive} people who test positive have the "
                "condition: {share}."
            ).format(
                sick_positive=self.sick_positive,
                positive=self.positive,
                share=percent(self.share, 1),
            )
        else:
            text += " " + _("Nobody tests positive, so the chance is undefined.")
        return text


def counts(rates: Rates, population: int = POPULATION) -> Counts:
    """Whole people in a grid of ``population``, each count rounded to the nearest person.

    Examples
    --------
    >>> c = counts(MAMMOGRAPHY)
    >>> c.sick, c.sick_positive, c.healthy, c.healthy_positive, c.positive
    (8, 7, 992, 69, 76)
    """
    sick = _round_half_up(population * rates.prevalence / 100)
    sick_positive = _round_half_up(sick * rates.sensitivity / 100)
    healthy_positive = _round_half_up((population - sick) * rates.false_positive / 100)
    return Counts(population, sick, sick_positive, healthy_positive)


def _number(value: object, low: float, high: float) -> bool:
    return (
        isinstance(value, int | float)
        and not isinstance(value, bool)
        and math.isfinite(value)
        and low <= value <= high
    )


def rates_from(data: dict) -> Rates:
    """The :class:`Rates` in an interaction's data, refused when outside the sliders' limits."""
    values = {}
    for key, (low, high, _step) in LIMITS.items():
        value = data.get(key)
        if not _number(value, low, high):
            raise ActivityError(_("Each rate is a percentage within the slider's range."))
        values[key] = float(value)
    return Rates(**values)


class FrequencyGrid(Activity):
    """Estimate a positive test's meaning from three rates, then see it as counts of people.

    Four graded steps: the first estimate (full credit within 5 points of the true chance,
    partial credit when nearer than the naive 90%), the answer after the grid, changing the
    rates at least once, and the counts of the learner's own invented screening scenario.
    Parameters are those of :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    scenario_ : Rates
        The learner's own screening scenario (seeded), asked as counts of 1,000 people.
    estimate_ : float or None
        The first estimate, in percent; only the first one counts.
    after_ : float or None
        The answer after seeing the grid, in percent; only the first one counts.
    rates_ : Rates
        The rates the grid shows now (the sliders).
    explored_ : int
        How many times the learner changed the rates.
    scenario_answer_ : dict or None
        The learner's counts for their own scenario.

    Notes
    -----
    Drop it into a notebook with::

        from thinktwice.widgets import FrequencyGrid
        FrequencyGrid().view()

    Evidence kinds: ``"estimate"`` and ``"after"`` with ``{"percent": number}``; ``"explore"``
    with the three rates in percent; ``"scenario"`` with ``{"sick_positive": int, "positive":
    int}``.

    Examples
    --------
    >>> import tempfile
    >>> grid = FrequencyGrid("aiko", folder=tempfile.mkdtemp()).start()
    >>> grid.estimate(90)  # the naive answer: the step is done, with no credit
    >>> "So 7 of the 76 people who test positive have the condition" in grid.grid().sentence()
    True
    >>> grid.outcome().done, grid.outcome().credit
    (1, 0.0)
    """

    name = "frequency_grid"
    view_class = "_frequency_grid_view:FrequencyGridView"

    def _build(self, seed: int) -> None:
        rng = np.random.default_rng(seed)
        self.scenario_ = Rates(
            float(rng.choice(SCENARIO_PREVALENCE)),
            float(rng.choice(SCENARIO_SENSITIVITY)),
            float(rng.choice(SCENARIO_FALSE_POSITIVE)),
        )
        self.estimate_: float | None = None
        self.after_: float | None = None
        self.rates_ = MAMMOGRAPHY
        self.explored_ = 0
        self.scenario_answer_: dict | None = None

    # -- interactions ---------------------------------------------------------------------------
    def estimate(self, percent: float) -> None:
        """Submit the first estimate, in percent (0 to 100), from the three rates alone."""
        self.record("estimate", {"percent": percent})

    def answer_after(self, percent: float) -> None:
        """Submit the answer after seeing the grid, in percent (0 to 100)."""
        self.record("after", {"percent": percent})

    def explore(self, rates: Rates) -> Counts:
        """Change the three rates the grid shows; return its new counts."""
        return self.record("explore", rates.as_dict())

    def answer_scenario(self, sick_positive: int, positive: int) -> None:
        """Submit the counts of the learner's own scenario, out of 1,000 people.

        Parameters
        ----------
        sick_positive : int
            How many people have the condition and test positive.
        positive : int
            How many people test positive in all.
        """
        self.record("scenario", {"sick_positive": sick_positive, "positive": positive})

    def grid(self) -> Counts:
        """The counts the grid shows now."""
        self._ensure_started()
        return counts(self.rates_)

    @property
    def revealed(self) -> bool:
        """Whether the grid is shown: only after the first estimate."""
        return self.estimate_ is not None

    # -- the contract ---------------------------------------------------------------------------
    def _check(self, kind: str, data: dict) -> None:
        if kind in ("estimate", "after"):
            if kind == "after" and not self.revealed:
                raise ActivityError(_("Give your first estimate before you see the grid."))
            if (self.estimate_ if kind == "estimate" else self.after_) is not None:
                raise already_answered()
            if not _number(data.get("percent"), 0, 100):
                raise ActivityError(_("Write a percentage: a number from 0 to 100."))
        elif kind == "explore":
            if not self.revealed:
                raise ActivityError(_("Give your first estimate before you see the grid."))
            rates_from(data)
        elif kind == "scenario":
            if not self.revealed:
                raise ActivityError(_("Give your first estimate before you see the grid."))
            if self.scenario_answer_ is not None:
                raise already_answered()
            for key in ("sick_positive", "positive"):
                value = data.get(key)
                if not isinstance(value, int) or isinstance(value, bool):
                    raise ActivityError(_("Write each count as a whole number of people."))
                if not 0 <= value <= POPULATION:
                    raise ActivityError(_("Each count is a number of people from 0 to 1,000."))
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "estimate":
            self.estimate_ = float(data["percent"])
        elif kind == "after":
            self.after_ = float(data["percent"])
        elif kind == "explore":
            self.rates_ = rates_from(data)
            self.explored_ += 1
            return self.grid()
        else:
            self.scenario_answer_ = {k: int(data[k]) for k in ("sick_positive", "positive")}
        return None

    # -- grading --------------------------------------------------------------------------------
    def estimate_credit(self) -> float:
        """Credit for the first estimate: 1 within 5 points, partial when nearer than 90%."""
        if self.estimate_ is None:
            return 0.0
        truth = 100 * MAMMOGRAPHY.chance()
        error = abs(self.estimate_ - truth)
        if error <= FULL_CREDIT_WITHIN:
            return 1.0
        naive_error = abs(100 * NAIVE - truth)
        return round(max(0.0, 0.75 * (naive_error - error) / (naive_error - FULL_CREDIT_WITHIN)), 6)

    def after_credit(self) -> float:
        """Credit after the grid: 1 within 1.5 points of the count, 0.5 within 5, else 0."""
        if self.after_ is None:
            return 0.0
        share = 100 * counts(MAMMOGRAPHY).share
        error = min(abs(self.after_ - share), abs(self.after_ - 100 * MAMMOGRAPHY.chance()))
        if error <= AFTER_WITHIN:
            return 1.0
        return 0.5 if error <= FULL_CREDIT_WITHIN else 0.0

    def scenario_counts(self) -> Counts:
        """The true counts of the learner's own scenario (for the feedback after answering)."""
        self._ensure_started()
        return counts(self.scenario_)

    def scenario_credit(self) -> float:
        """Half a point for each of the two counts within one person of the grid's."""
        if self.scenario_answer_ is None:
            return 0.0
        truth = self.scenario_counts()
        given = self.scenario_answer_
        return sum(
            0.5
            for key in ("sick_positive", "positive")
            if abs(given[key] - getattr(truth, key)) <= COUNT_WITHIN
        )

    def outcome(self) -> Outcome:
        """Four graded steps: the estimate, the answer after the grid, exploring, the scenario."""
        self._ensure_started()
        done, credit, feedback = 0, 0.0, []
        if self.estimate_ is None:
            feedback.append(_("Give your estimate from the three percentages first."))
        else:
            done += 1
            credit += self.estimate_credit()
            if self.estimate_credit() < 1:
                feedback.append(
                    _(
                        "Your first estimate was far from the answer. Look again at how few "
                        "people have the condition, and how many healthy people test positive."
                    )
                )
        if self.after_ is None:
            feedback.append(_("Answer the question again after looking at the grid."))
        else:
            done += 1
            credit += self.after_credit()
            if self.after_credit() < 1:
                feedback.append(
                    _(
                        "Look again at the grid: count the people who test positive, then how "
                        "many of them have the condition."
                    )
                )
        if self.explored_:
            done += 1
            credit += 1
        else:
            feedback.append(_("Move the sliders and watch how the answer changes."))
        if self.scenario_answer_ is None:
            feedback.append(_("Count the people of your own screening test."))
        else:
            done += 1
            credit += self.scenario_credit()
            if self.scenario_credit() < 1:
                feedback.append(
                    _(
                        "Look again at your own screening test: first the people with the "
                        "condition, then the positives among them, then the positives among the "
                        "rest."
                    )
                )
        return Outcome(done, 4, round(credit, 6), tuple(feedback))
