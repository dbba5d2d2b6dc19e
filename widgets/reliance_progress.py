"""A learner's change since module 0: their reliance figures before (form A) and after (form B).

Module 11 retakes the reliance trial in form B and compares it with module 0's form A. nbgrader
fetches every module of a course side by side (``<course>/m00_reliance`` beside
``<course>/m11_capstone``), so module 0's evidence log is found beside this module's folder, at
``../m00_reliance/thinktwice-evidence.jsonl``. Where it is not there (module 0 not done, the
notebook moved to another folder, or a grader running this notebook alone), :func:`find_baseline`
says so plainly and the comparison shows only the retake. Nothing here is ever graded.

Measures keep the rule of :mod:`~thinktwice.widgets.measures`: a measure with no case to count is
undefined (``None``), never 0 or 1, and a change involving an undefined measure is undefined too.
Pure Python (matplotlib's Agg canvas for the plot); no ipywidgets.
"""

from __future__ import annotations

import html
import os
from dataclasses import dataclass, field
from pathlib import Path

from .evidence import FILENAME, EvidenceError
from .i18n import N_, _
from .measures import RelianceSummary, Trial, summarize
from .style import PALETTE, figure_tag, new_figure, percent, undefined

#: Module 0's assignment name, and so its folder beside this module's.
BASELINE_MODULE = "m00_reliance"
#: The measures compared, each with its name for learners and whether higher is better.
MEASURES = (
    ("rair", N_("RAIR: switched to the AI when it was right and you were wrong"), True),
    ("rsr", N_("RSR: kept your answer when you were right and the AI wrong"), True),
    ("over_reliance", N_("Over-reliance: followed the AI when it was wrong"), False),
    ("brier", N_("Brier score of your confidence (0 is perfect)"), False),
)
#: Short names for the plot's axis.
SHORT_NAMES = {
    "rair": N_("RAIR"),
    "rsr": N_("RSR"),
    "over_reliance": N_("Over-reliance"),
    "brier": N_("Brier score"),
}
#: What :class:`Baseline` found.
FOUND, MISSING, EMPTY, UNREADABLE = "found", "missing", "empty", "unreadable"

_CELL = "padding:4px 12px;text-align:left;vertical-align:middle"


def baseline_folder(folder: str | os.PathLike[str] | None = None) -> Path:
    """Where module 0's assignment folder would be: beside ``folder`` (default: the current one).

    Examples
    --------
    >>> baseline_folder("/home/aiko/course/m11_capstone").as_posix()
    '/home/aiko/course/m00_reliance'
    """
    here = Path(folder) if folder is not None else Path(os.getcwd())
    return here.absolute().parent / BASELINE_MODULE


@dataclass(frozen=True)
class Baseline:
    """Module 0's trial as found beside this module, or why it was not found.

    Parameters
    ----------
    status : {"found", "missing", "empty", "unreadable"}
        ``found``: at least one completed case; ``missing``: no log there; ``empty``: a log with
        no completed case of the trial; ``unreadable``: a log that is not this learner's, or
        cannot be read.
    path : Path
        The log looked for.
    trials : tuple of Trial
        The completed form-A cases (empty unless found).
    detail : str
        Why a log could not be read (for ``unreadable``).
    """

    status: str
    path: Path
    trials: tuple[Trial, ...] = ()
    detail: str = ""
    #: How many cases the trial has.
    n_cases: int = 12
    #: The set of digit images module 0's cases came from (``None`` unless found).
    case_set: int | None = None

    @property
    def found(self) -> bool:
        """Whether there is a baseline to compare with."""
        return self.status == FOUND

    def message(self) -> str:
        """One plain sentence for the learner: what was found, or why nothing was."""
        # Said as the learner finds it from this notebook: the folder beside this one.
        where = f"../{self.path.parent.name}/{self.path.name}"
        if self.status == FOUND:
            return _(
                "Module 0 found: {done} of {total} cases of your first trial, read from {path}."
            ).format(done=len(self.trials), total=self.n_cases, path=where)
        if self.status == EMPTY:
            return _(
                "Module 0's log is there ({path}), but it holds no completed case of the trial, "
                "so there is nothing to compare with. Only your retake is shown."
            ).format(path=where)
        if self.status == UNREADABLE:
            return _(
                "Module 0's log ({path}) could not be read as yours, so it is not used. "
                "Only your retake is shown."
            ).format(path=where)
        return _(
            "Module 0's results were not found at {path}. That happens when module 0 was not "
            "done, was fetched into another folder, or when this notebook runs on its own (as "
            "when it is graded). Only your retake is shown; nothing here counts in a grade."
        ).format(path=where)


def find_baseline(
    folder: str | os.PathLike[str] | None = None, learner: str | None = None
) -> Baseline:
    """Read module 0's form-A trial from beside ``folder``, without writing anything there.

    Parameters
    ----------
    folder : path-like, optional
        This module's assignment folder; by default the current folder.
    learner : str, optional
        The learner's id; by default :func:`~thinktwice.widgets.identity.learner_id` of the
        baseline folder.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> here = pathlib.Path(tempfile.mkdtemp()) / "m11_capstone"
    >>> find_baseline(here, "aiko").status
    'missing'
    """
    from .reliance_trial import RelianceTrial

    other = baseline_folder(folder)
    path = other / FILENAME
    if not path.is_file():
        return Baseline(MISSING, path)
    try:
        trial = RelianceTrial(learner, form="A", folder=other).start()
        trials = tuple(trial.trials())
    except (EvidenceError, OSError, ValueError) as error:
        return Baseline(UNREADABLE, path, detail=str(error))
    if not trials:
        return Baseline(EMPTY, path, n_cases=trial.n_cases)
    return Baseline(FOUND, path, trials, n_cases=trial.n_cases, case_set=trial.case_set_)


def measure(summary: RelianceSummary | None, name: str) -> float | None:
    """One measure of a summary as a number, or ``None`` when undefined or not there.

    Examples
    --------
    >>> measure(summarize([Trial(3, 5, 5, 5, 0.6, 0.8)]), "rair")
    1.0
    >>> measure(summarize([Trial(3, 5, 5, 5, 0.6, 0.8)]), "rsr") is None
    True
    """
    if summary is None:
        return None
    if name == "brier":
        return summary.brier
    return getattr(summary, name).value


def change(before: float | None, after: float | None) -> float | None:
    """``after - before``, or ``None`` when either is undefined (never 0).

    Examples
    --------
    >>> round(change(0.5, 0.75), 2), change(None, 0.75)
    (0.25, None)
    """
    if before is None or after is None:
        return None
    return after - before


@dataclass(frozen=True)
class Row:
    """One measure before and after, and the change (``None`` where undefined)."""

    measure: str
    before: float | None
    after: float | None
    higher_is_better: bool

    @property
    def change(self) -> float | None:
        """After minus before, or ``None``."""
        return change(self.before, self.after)

    def label(self) -> str:
        """The measure's name for learners."""
        return _(next(text for name, text, _h in MEASURES if name == self.measure))

    def reading(self) -> str:
        """The change in words: better, worse, the same, or not measurable."""
        delta = self.change
        if delta is None:
            return _("cannot be compared: undefined before or after")
        if abs(delta) < 1e-9:
            return _("the same")
        better = (delta > 0) == self.higher_is_better
        return _("better") if better else _("worse")


def _shown(name: str, value: float | None) -> str:
    if value is None:
        return undefined()
    return f"{value:.3f}" if name == "brier" else percent(value)


def _shown_change(name: str, value: float | None) -> str:
    if value is None:
        return undefined()
    if name == "brier":
        return f"{value:+.3f}"
    return _("{points:+.0f} percentage points").format(points=100 * value)


@dataclass(frozen=True)
class Progress:
    """The learner's figures before (module 0) and after (this retake), measure by measure.

    Shown to the learner, never graded. Jupyter shows the HTML: the baseline sentence, the table
    and the plot (with alt text); anything without HTML shows the plain text.

    Examples
    --------
    >>> import pathlib
    >>> after = summarize([Trial(3, 5, 5, 5, 0.6, 0.8), Trial(2, 7, 2, 2, 0.9, 0.9)])
    >>> before = Baseline(FOUND, pathlib.Path("m00/log"), (Trial(3, 5, 3, 5, 0.9, 0.9),))
    >>> rows = Progress(before, after).rows()
    >>> [(r.measure, r.before, r.after) for r in rows[:2]]
    [('rair', 0.0, 1.0), ('rsr', None, 1.0)]
    >>> rows[0].reading(), rows[1].reading()
    ('better', 'cannot be compared: undefined before or after')
    """

    baseline: Baseline
    after: RelianceSummary
    #: The set of digit images the retake's cases came from.
    case_set: int | None = None
    before: RelianceSummary | None = field(init=False)

    def __post_init__(self) -> None:
        before = summarize(self.baseline.trials) if self.baseline.found else None
        object.__setattr__(self, "before", before)

    def message(self) -> str:
        """What was found, and a warning when the two trials did not use matched cases."""
        said = self.baseline.message()
        sets = (self.baseline.case_set, self.case_set)
        if self.baseline.found and None not in sets and sets[0] != sets[1]:
            said += " " + _(
                "Your module 0 trial used an older, noisier set of digit images, so the two "
                "trials are not matched case by case: read the change with care."
            )
        return said

    def rows(self) -> list[Row]:
        """One :class:`Row` per compared measure, in :data:`MEASURES` order."""
        return [
            Row(name, measure(self.before, name), measure(self.after, name), higher)
            for name, _text, higher in MEASURES
        ]

    def table_rows(self) -> list[tuple[str, str, str, str, str]]:
        """The table as text: measure, before, after, change, reading."""
        return [
            (
                row.label(),
                _shown(row.measure, row.before) if self.baseline.found else _("not found"),
                _shown(row.measure, row.after),
                _shown_change(row.measure, row.change),
                row.reading() if self.baseline.found else _("no module 0 to compare with"),
            )
            for row in self.rows()
        ]

    def header(self) -> list[str]:
        """The table's column names."""
        return [
            _("Measure"),
            _("Module 0 (form A)"),
            _("Now (form B)"),
            _("Change"),
            _("Reading"),
        ]

    def figure(self):
        """Before and after per measure as bars; an undefined value gets no bar and a label."""
        rows = self.rows()
        figure = new_figure(6.4, 3.4, left=0.09, bottom=0.2, right=0.98, top=0.86)
        ax = figure.add_subplot()
        width = 0.38
        series = (
            (_("Module 0 (form A)"), "before", -width / 2, PALETTE["sky"], "//"),
            (_("Now (form B)"), "after", width / 2, PALETTE["blue"], ""),
        )
        for _label, which, offset, colour, hatch in series:
            for k, row in enumerate(rows):
                value = getattr(row, which)
                x = k + offset
                if which == "before" and not self.baseline.found:
                    ax.text(
                        x,
                        0.02,
                        _("not found"),
                        rotation=90,
                        ha="center",
                        va="bottom",
                        fontsize=8,
                        color=PALETTE["black"],
                    )
                elif value is None:
                    ax.text(
                        x,
                        0.02,
                        undefined(),
                        rotation=90,
                        ha="center",
                        va="bottom",
                        fontsize=8,
                        color=PALETTE["black"],
                    )
                else:
                    ax.bar(x, value, width, color=colour, hatch=hatch, edgecolor="white")
                    # Every bar says its value, so that a 0 reads as 0, not as a missing bar.
                    ax.text(
                        x,
                        value + 0.02,
                        _shown(row.measure, value),
                        ha="center",
                        va="bottom",
                        fontsize=8,
                        color=PALETTE["black"],
                    )
        handles = [_patch(colour, hatch, label) for label, _w, _o, colour, hatch in series]
        ax.legend(handles=handles, loc="upper center", ncol=2, fontsize=8, frameon=False)
        ax.set_xticks(range(len(rows)), [_(SHORT_NAMES[r.measure]) for r in rows], fontsize=9)
        ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
        ax.set_ylim(0, 1.3)  # room above the bars for the legend
        ax.set_ylabel(_("Value, from 0 to 1"), fontsize=9)
        ax.set_title(_("Your reliance figures, before and after"), fontsize=10)
        ax.spines[["top", "right"]].set_visible(False)
        return figure

    def alt_text(self) -> str:
        """The plot's numbers in one sentence, for screen readers."""
        parts = [
            _("{name}: {before} before, {after} now").format(
                name=_(SHORT_NAMES[row.measure]),
                before=_shown(row.measure, row.before) if self.baseline.found else _("not found"),
                after=_shown(row.measure, row.after),
            )
            for row in self.rows()
        ]
        return _("Bar chart of your reliance figures. ") + "; ".join(parts) + "."

    def _repr_html_(self) -> str:
        head = "".join(
            f"<th scope='col' style='{_CELL}'>{html.escape(h)}</th>" for h in self.header()
        )
        body = "".join(
            "<tr>"
            + f"<th scope='row' style='{_CELL}'>{html.escape(cells[0])}</th>"
            + "".join(f"<td style='{_CELL}'>{html.escape(c)}</td>" for c in cells[1:])
            + "</tr>"
            for cells in self.table_rows()
        )
        caption = html.escape(_("Your figures in module 0 and now"))
        note = html.escape(
            _(
                "“{undefined}” means there was no case to count, which is not the same as 0%."
            ).format(undefined=undefined())
        )
        picture = figure_tag(self.figure(), self.alt_text(), css_class="tt-progress-plot")
        return (
            f"<div class='tt-progress'><p>{html.escape(self.message())}</p>"
            f"<table class='tt-progress-table' style='border-collapse:collapse'>"
            f"<caption>{caption}</caption><thead><tr>{head}</tr></thead><tbody>{body}</tbody>"
            f"</table><p><small>{note}</small></p>{picture}</div>"
        )

    def __repr__(self) -> str:
        lines = [self.message()]
        lines += [
            f"{name}: {before} -> {after} ({delta}; {reading})"
            for name, before, after, delta, reading in self.table_rows()
        ]
        return "\n".join(lines)


def _patch(colour: str, hatch: str, label: str):
    from matplotlib.patches import Patch

    return Patch(facecolor=colour, hatch=hatch, edgecolor="white", label=label)


def progress(trial, folder: str | os.PathLike[str] | None = None) -> Progress:
    """The learner's :class:`Progress`: module 0 found beside ``folder``, and ``trial`` (form B).

    Parameters
    ----------
    trial : RelianceTrial
        This module's retake, started or not.
    folder : path-like, optional
        This module's folder; by default the trial's folder, else the current one.
    """
    trial._ensure_started()
    here = folder if folder is not None else trial.folder
    return Progress(find_baseline(here, trial.learner_), trial.summary(), trial.case_set_)
