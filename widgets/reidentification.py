"""Re-identification lab: how unique people are on postcode, sex and birth date; what hiding costs.

The learner generalises the quasi-identifiers of an invented health table (fewer postcode digits,
a coarser birth date, sex suppressed) until every person shares their combination with at least
four others (k-anonymity with k = 5, Sweeney 2002), and sees what each setting costs a researcher
who uses the released table. This module is the model and its measures, pure Python;
``_reidentification_view`` draws it.

Datasheet of the generated table
--------------------------------
Everything here is invented: the patients of a fictional health board, generated per learner from
a seed, describing no real person or place. Each row is one person; the release date is
1 January 2025.

``postcode``
    Five digits, built as a hierarchy so that dropping digits merges neighbouring areas: one
    region digit, two towns, two or three districts per town, two or three areas per district and
    two to five codes per area (a few dozen codes in all). How many people live in each code is
    skewed, as in real postcodes: a few codes hold many people, many hold few.
``sex``
    F or M, half each.
``birth_date``
    Ages 18 to 90 on the release date, most people between 20 and 60 and few over 80.
``diagnosis``
    The sensitive column: none, asthma, diabetes, depression or heart disease, drawn at random.
``blood_pressure``
    The useful column (systolic, mmHg): it rises with age, is higher for men, and differs by town,
    district, area and code, plus individual noise.

Usefulness is measured honestly: a linear regression (scikit-learn) learns blood pressure from the
released columns (postcode prefix, sex, age from the birth date's midpoint) on one half of the
people, and is scored (R squared) on the other half. The usefulness of a setting is that score
divided by the same model's score on the original, ungeneralised columns.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .activity import Activity, ActivityError, Outcome, unknown_action
from .i18n import N_, _
from .judgement import Judgement

#: How many postcode digits a release may keep, from all to none.
POSTCODE_DIGITS = (5, 4, 3, 2, 1, 0)
#: How finely a release may keep the birth date, from finest to coarsest.
BIRTH_LEVELS = ("day", "month", "year", "5y", "10y")
#: The anonymity goal: every person shares their combination with at least k - 1 others.
K_TARGET = 5
#: A release is "near the best" when its usefulness is within this of the best release with k >= 5.
USEFULNESS_MARGIN = 0.02
#: Half credit when the usefulness is within this of the best.
USEFULNESS_HALF_MARGIN = 0.10
#: Class-size bins of the histogram: (smallest, largest) size, ``None`` for no upper end.
SIZE_BINS = ((1, 1), (2, 2), (3, 3), (4, 4), (5, 9), (10, 19), (20, 49), (50, None))

_N_PEOPLE = 3000
_RELEASE_DATE = np.datetime64("2025-01-01")
_DIAGNOSES = ("none", "asthma", "diabetes", "depression", "heart disease")


def birth_label(level: str) -> str:
    """The learner-facing name of a birth-date granularity."""
    return {
        "day": _("full date (day)"),
        "month": _("month and year"),
        "year": _("year only"),
        "5y": _("5-year band"),
        "10y": _("10-year band"),
    }[level]


def diagnosis_label(index: int) -> str:
    """The learner-facing name of a diagnosis."""
    return {
        "none": _("none"),
        "asthma": _("asthma"),
        "diabetes": _("diabetes"),
        "depression": _("depression"),
        "heart disease": _("heart disease"),
    }[_DIAGNOSES[index]]


#: The judgement question: why these three columns are risky.
JUDGEMENT = Judgement(
    N_("Why is a table of postcode, sex and birth date risky without names?"),
    [
        ("alone", N_("Each of the three columns identifies a person on its own")),
        (
            "linkable",
            N_("Combined, they single most people out, and lists with names hold them too"),
        ),
        ("diagnosis", N_("The diagnosis can be worked out from the postcode alone")),
        ("safe", N_("It is not risky: without names nobody can be found")),
    ],
    right="linkable",
)


# -- measures ----------------------------------------------------------------------------------
def equivalence_classes(rows) -> tuple[np.ndarray, np.ndarray]:
    """Group rows that are identical on every column.

    Parameters
    ----------
    rows : sequence of tuples, or 2-D array
        One row per person, one column per quasi-identifier (any hashable values); zero columns
        put everyone in one class.

    Returns
    -------
    labels : ndarray of int
        Each row's class index.
    sizes : ndarray of int
        Each class's size.

    Examples
    --------
    >>> labels, sizes = equivalence_classes([("a", 1), ("b", 1), ("a", 1)])
    >>> labels.tolist(), sizes.tolist()
    ([0, 1, 0], [2, 1])
    """
    table = np.asarray(rows, dtype=object)
    n = len(table)
    if n == 0:
        return np.zeros(0, dtype=int), np.zeros(0, dtype=int)
    if table.ndim == 1:
        table = table.reshape(n, -1)
    key = np.zeros(n, dtype=np.int64)
    for column in table.T:
        _values, codes = np.unique(column.astype(str), return_inverse=True)
        # Renumber after each column so the combined key never overflows.
        key = np.unique(key * (codes.max() + 1) + codes, return_inverse=True)[1].reshape(n)
    _keys, labels, sizes = np.unique(key, return_inverse=True, return_counts=True)
    return labels.reshape(n), sizes


@dataclass(frozen=True)
class Anonymity:
    """How identifiable the rows of a table are on its quasi-identifiers.

    Parameters
    ----------
    rows : int
        Rows in the table.
    classes : int
        Equivalence classes (distinct combinations of the quasi-identifiers).
    unique_share : float or None
        Share of rows alone in their class (undefined for an empty table).
    k : int or None
        The smallest class size: the table is k-anonymous (undefined for an empty table).
    small_share : float or None
        Share of rows in classes smaller than ``k_target``.
    k_target : int
        The size every class should reach.
    """

    rows: int
    classes: int
    unique_share: float | None
    k: int | None
    small_share: float | None
    k_target: int = K_TARGET

    @property
    def meets_target(self) -> bool:
        """Whether every class holds at least ``k_target`` rows."""
        return self.k is not None and self.k >= self.k_target


def anonymity_of_sizes(sizes, k_target: int = K_TARGET) -> Anonymity:
    """The :class:`Anonymity` of a table whose classes have these ``sizes``."""
    sizes = np.asarray(sizes, dtype=int)
    rows = int(sizes.sum())
    if rows == 0:
        return Anonymity(0, 0, None, None, None, k_target)
    return Anonymity(
        rows=rows,
        classes=len(sizes),
        unique_share=float(sizes[sizes == 1].sum() / rows),
        k=int(sizes.min()),
        small_share=float(sizes[sizes < k_target].sum() / rows),
        k_target=k_target,
    )


def anonymity(rows, k_target: int = K_TARGET) -> Anonymity:
    """Uniqueness and k of a table on its quasi-identifiers.

    Parameters
    ----------
    rows : sequence of tuples, or 2-D array
        The quasi-identifiers, one row per person.
    k_target : int
        The class size to reach (5 in this lab).

    Examples
    --------
    >>> table = [("13121", "F", "1980"), ("13121", "F", "1980"), ("13125", "M", "1979")]
    >>> a = anonymity(table, k_target=2)
    >>> a.classes, round(a.unique_share, 3), a.k, round(a.small_share, 3)
    (2, 0.333, 1, 0.333)
    """
    return anonymity_of_sizes(equivalence_classes(rows)[1], k_target)


def size_label(low: int, high: int | None) -> str:
    """The label of a class-size bin: ``"3"``, ``"5-9"`` or ``"50+"``."""
    if high is None:
        return f"{low}+"
    return str(low) if low == high else f"{low}-{high}"


def class_size_histogram(sizes) -> list[tuple[str, int, int]]:
    """People and classes per class-size bin of :data:`SIZE_BINS`.

    Returns
    -------
    list of (label, people, classes)
        One entry per bin, e.g. ``("5-9", 120, 17)``.

    Examples
    --------
    >>> [b for b in class_size_histogram([1, 1, 2, 7]) if b[1]]
    [('1', 2, 2), ('2', 2, 1), ('5-9', 7, 1)]
    """
    sizes = np.asarray(sizes, dtype=int)
    bins = []
    for low, high in SIZE_BINS:
        inside = (sizes >= low) & (sizes <= (high if high is not None else sizes.max(initial=0)))
        bins.append((size_label(low, high), int(sizes[inside].sum()), int(inside.sum())))
    return bins


def generalise_postcode(code: str, digits: int) -> str:
    """Keep the first ``digits`` digits of a postcode and mask the rest: ``131**``."""
    return code[:digits] + "*" * (len(code) - digits)


def generalise_birth(date: np.datetime64, level: str) -> str:
    """A birth date kept at ``level`` (one of :data:`BIRTH_LEVELS`), as text."""
    text = str(np.datetime64(date, "D"))
    year = int(text[:4])
    if level == "day":
        return text
    if level == "month":
        return text[:7]
    if level == "year":
        return text[:4]
    width = 5 if level == "5y" else 10
    start = year // width * width
    return f"{start}-{start + width - 1}"


# -- the lab -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Setting:
    """A generalisation of the quasi-identifiers.

    Parameters
    ----------
    postcode_digits : int
        Digits of the postcode kept, 5 to 0.
    birth : str
        How the birth date is kept, one of :data:`BIRTH_LEVELS`.
    keep_sex : bool
        Whether the sex column is released.
    """

    postcode_digits: int = 5
    birth: str = "day"
    keep_sex: bool = True

    def describe(self) -> str:
        """The setting in words, for tables and messages."""
        sex = _("sex kept") if self.keep_sex else _("sex left out")
        return _("{digits} postcode digits, birth date as {birth}, {sex}").format(
            digits=self.postcode_digits, birth=birth_label(self.birth), sex=sex
        )


#: Every setting of the lab, the grid over which the best release is found.
SETTINGS = tuple(
    Setting(d, b, s) for d in POSTCODE_DIGITS for b in BIRTH_LEVELS for s in (True, False)
)


@dataclass(frozen=True)
class Release:
    """What a setting gives: how identifiable the rows stay, and how useful the table stays.

    Parameters
    ----------
    setting : Setting
        The generalisation released.
    anonymity : Anonymity
        How identifiable the released rows are on the quasi-identifiers.
    histogram : list of (label, people, classes)
        From :func:`class_size_histogram`.
    r2 : float
        R squared of the blood-pressure model on held-out people, from the released columns.
    usefulness : float
        ``r2`` over the same model's R squared on the original columns.
    """

    setting: Setting
    anonymity: Anonymity
    histogram: tuple
    r2: float
    usefulness: float


def make_people(seed: int, n: int = _N_PEOPLE) -> dict[str, np.ndarray]:
    """The invented people of one variant (see the module's datasheet), column by column."""
    rng = np.random.default_rng(seed)
    region = int(rng.integers(1, 10))
    codes, effects = [], []
    for town in rng.choice(10, 2, replace=False):
        town_effect = rng.normal(0, 4)
        for district in rng.choice(10, int(rng.integers(2, 4)), replace=False):
            district_effect = rng.normal(0, 5)
            for area in rng.choice(10, int(rng.integers(2, 4)), replace=False):
                area_effect = rng.normal(0, 3)
                for last in rng.choice(10, int(rng.integers(2, 6)), replace=False):
                    codes.append(region * 10_000 + town * 1000 + district * 100 + area * 10 + last)
                    effects.append(town_effect + district_effect + area_effect + rng.normal(0, 2))
    weights = rng.permutation(1 / np.arange(1, len(codes) + 1) ** 0.8)
    which = rng.choice(len(codes), n, p=weights / weights.sum())
    ages = np.arange(18, 91)
    age_weights = np.exp(-(((ages - 40) / 30.0) ** 2))
    age_years = rng.choice(ages, n, p=age_weights / age_weights.sum())
    days_old = (age_years * 365.25 + rng.uniform(0, 365, n)).astype(int)
    birth = _RELEASE_DATE - days_old.astype("timedelta64[D]")
    sex = rng.integers(0, 2, n)  # 0 is F, 1 is M
    age = days_old / 365.25
    pressure = 105 + 0.45 * age + 4 * sex + np.asarray(effects)[which] + rng.normal(0, 9, n)
    return {
        "postcode": np.asarray(codes)[which],
        "sex": sex,
        "birth_date": birth,
        "diagnosis": rng.choice(len(_DIAGNOSES), n, p=[0.6, 0.12, 0.1, 0.12, 0.06]),
        "blood_pressure": pressure.round(),
    }


def _birth_codes(birth: np.ndarray, level: str) -> tuple[np.ndarray, np.ndarray]:
    """An integer code per kept birth date, and the age (years) at the middle of its interval."""
    day = birth.astype("datetime64[D]").astype(np.int64)
    year = birth.astype("datetime64[Y]").astype(np.int64) + 1970
    if level == "day":
        code, middle = day, day.astype(float)
    elif level == "month":
        code = birth.astype("datetime64[M]").astype(np.int64)
        middle = code.astype("datetime64[M]").astype("datetime64[D]").astype(float) + 15
    else:
        width = {"year": 1, "5y": 5, "10y": 10}[level]
        code = year // width * width
        start = (code - 1970).astype("datetime64[Y]").astype("datetime64[D]").astype(float)
        middle = start + width * 365.25 / 2
    release = float(_RELEASE_DATE.astype(np.int64))
    return code, (release - middle) / 365.25


class ReidentificationLab(Activity):
    """Generalise postcode, sex and birth date until k >= 5, keeping the table useful.

    Every setting the learner tries is logged with its uniqueness, k and usefulness; one
    judgement question asks why these three columns are risky. Parameters are those of
    :class:`~thinktwice.widgets.activity.Activity`.

    Attributes
    ----------
    people_ : dict of ndarray
        The learner's invented table (see the module's datasheet).
    releases_ : dict of Setting to Release
        Every setting of the grid, precomputed.
    best_usefulness_ : float
        The highest usefulness of any setting with k >= 5.
    tried_ : list of Setting
        The settings the learner tried, oldest first.
    answer_ : str or None
        The learner's answer to the judgement question.

    Notes
    -----
    Drop it into a notebook with two lines::

        from thinktwice.widgets import ReidentificationLab
        ReidentificationLab().view()

    Examples
    --------
    >>> import tempfile
    >>> lab = ReidentificationLab("aiko", folder=tempfile.mkdtemp()).start()
    >>> raw = lab.release(5, "day", keep_sex=True)
    >>> raw.anonymity.unique_share > 0.9, raw.anonymity.k
    (True, 1)
    >>> coarse = lab.release(0, "10y", keep_sex=False)
    >>> coarse.anonymity.k >= 5, coarse.usefulness < raw.usefulness
    (True, True)
    >>> lab.outcome().done
    2
    """

    name = "reidentification"
    view_class = "_reidentification_view:ReidentificationView"

    def _build(self, seed: int) -> None:
        # Sixty small fits: with several BLAS threads each costs ten times more (as tested:
        # the tests and graders run with one thread, so the numbers are the same).
        from threadpoolctl import threadpool_limits

        with threadpool_limits(1, user_api="blas"):
            self._build_releases(seed)
        self.tried_: list[Setting] = []
        self.answer_: str | None = None

    def _build_releases(self, seed: int) -> None:
        from sklearn.linear_model import LinearRegression

        people = self.people_ = make_people(seed)
        n = len(people["postcode"])
        train = np.random.default_rng(seed + 1).permutation(n) < n // 2
        target = people["blood_pressure"]
        birth = {level: _birth_codes(people["birth_date"], level) for level in BIRTH_LEVELS}
        releases = {}
        for digits in POSTCODE_DIGITS:
            prefix = people["postcode"] // 10 ** (5 - digits)
            _codes, area = np.unique(prefix, return_inverse=True)
            area_columns = np.eye(area.max() + 1)[area][:, 1:]
            for level in BIRTH_LEVELS:
                code, age = birth[level]
                for keep_sex in (True, False):
                    sex = people["sex"] if keep_sex else np.zeros(n, dtype=int)
                    key = (prefix * 2 + sex) * 10**7 + (code - code.min())
                    sizes = np.unique(key, return_counts=True)[1]
                    features = np.column_stack([area_columns, sex, age, age**2 / 100])
                    model = LinearRegression().fit(features[train], target[train])
                    setting = Setting(digits, level, keep_sex)
                    releases[setting] = (
                        anonymity_of_sizes(sizes),
                        tuple(class_size_histogram(sizes)),
                        float(model.score(features[~train], target[~train])),
                    )
        original = releases[Setting()][2]
        self.releases_ = {
            setting: Release(setting, anon, histogram, r2, r2 / original)
            for setting, (anon, histogram, r2) in releases.items()
        }
        self.best_usefulness_ = max(
            r.usefulness for r in self.releases_.values() if r.anonymity.meets_target
        )

    # -- interactions --------------------------------------------------------------------------
    @staticmethod
    def _setting(data: dict) -> Setting:
        digits, birth, keep_sex = (data.get(k) for k in ("postcode_digits", "birth", "keep_sex"))
        if isinstance(digits, bool) or not isinstance(digits, int) or digits not in POSTCODE_DIGITS:
            raise ActivityError(_("Keep between 0 and 5 postcode digits."))
        if birth not in BIRTH_LEVELS:
            raise ActivityError(_("Choose how the birth date is kept."))
        if not isinstance(keep_sex, bool):
            raise ActivityError(_("Choose whether the sex column is kept."))
        return Setting(digits, birth, keep_sex)

    def release(self, postcode_digits: int, birth: str, keep_sex: bool = True) -> Release:
        """Try a generalisation, log it, and return what it gives.

        Parameters
        ----------
        postcode_digits : int
            Digits of the postcode kept, 5 to 0.
        birth : str
            One of :data:`BIRTH_LEVELS`.
        keep_sex : bool
            Whether the sex column is released.
        """
        self._ensure_started()
        data = {"postcode_digits": postcode_digits, "birth": birth, "keep_sex": keep_sex}
        result = self.releases_[self._setting(data)]
        data.update(
            unique_share=round(result.anonymity.unique_share, 4),
            k=result.anonymity.k,
            usefulness=round(result.usefulness, 4),
        )
        return self.record("setting", data)

    def answer(self, choice: str) -> bool:
        """Answer the judgement question once; return whether the answer is right.

        Parameters
        ----------
        choice : str
            A key of :data:`JUDGEMENT`'s choices.
        """
        return self.record("answer", {"choice": choice, "correct": JUDGEMENT.is_right(choice)})

    def _check(self, kind: str, data: dict) -> None:
        if kind == "setting":
            self._setting(data)
        elif kind == "answer":
            JUDGEMENT.check(data.get("choice"), self.answer_)
        else:
            raise unknown_action()

    def _apply(self, kind: str, data: dict):
        if kind == "setting":
            setting = self._setting(data)
            self.tried_.append(setting)
            return self.releases_[setting]
        self.answer_ = data["choice"]
        return JUDGEMENT.is_right(self.answer_)

    # -- what the learner sees and is graded on ------------------------------------------------
    def sample_rows(self, setting: Setting, n: int = 8) -> list[list[str]]:
        """The first ``n`` rows of the released table under ``setting``, as text."""
        people = self.people_
        rows = []
        for i in range(n):
            rows.append(
                [
                    generalise_postcode(str(people["postcode"][i]), setting.postcode_digits),
                    (_("M") if people["sex"][i] else _("F")) if setting.keep_sex else "*",
                    generalise_birth(people["birth_date"][i], setting.birth),
                    diagnosis_label(int(people["diagnosis"][i])),
                ]
            )
        return rows

    def best_tried(self) -> Release | None:
        """The most useful tried release that reaches k >= 5, if any."""
        safe = [self.releases_[s] for s in self.tried_ if self.releases_[s].anonymity.meets_target]
        return max(safe, key=lambda r: r.usefulness, default=None)

    def outcome(self) -> Outcome:
        """Three graded steps: reach k >= 5; keep near the best usefulness; the judgement."""
        self._ensure_started()
        best = self.best_tried()
        feedback = []
        credit = 0.0
        done = 0
        if best is None:
            feedback.append(
                _(
                    "Make the details coarser until every person shares them with at least "
                    "{k_minus} others (k of at least {k}); the histogram shows who is still "
                    "exposed."
                ).format(k_minus=K_TARGET - 1, k=K_TARGET)
            )
        else:
            done += 2
            credit += 1
            gap = self.best_usefulness_ - best.usefulness
            if gap <= USEFULNESS_MARGIN:
                credit += 1
            else:
                credit += 0.5 if gap <= USEFULNESS_HALF_MARGIN else 0.0
                feedback.append(
                    _(
                        "Another setting with k of at least {k} keeps the data more useful for "
                        "research: which column costs the researcher least to make coarser, "
                        "and which most?"
                    ).format(k=K_TARGET)
                )
        if self.answer_ is None:
            feedback.append(_("Answer the question on why these three columns are risky."))
        else:
            done += 1
            if JUDGEMENT.is_right(self.answer_):
                credit += 1
            else:
                feedback.append(
                    _(
                        "Look at the share of unique rows in the original table, and think of "
                        "other lists that hold the same columns next to names."
                    )
                )
        return Outcome(done, 3, credit, tuple(feedback))
