"""A learner's own reliance figures, as a table that reads the same with or without a kernel.

:meth:`RelianceTrial.report() <thinktwice.widgets.reliance_trial.RelianceTrial.report>` returns a
:class:`RelianceReport`: Jupyter shows its HTML table, and the saved notebook, nbgrader's feedback
and nbconvert's HTML keep that table (or its plain text) instead of a widget's repr. The view's
summary at the end of the trial is the same table. Pure Python: no ipywidgets, no IPython.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .i18n import _
from .measures import Ratio, RelianceSummary
from .style import percent, undefined


def _share(ratio: Ratio) -> str:
    """A measure as a learner reads it: "67% (2 of 3)", or the word for undefined."""
    if not ratio.defined:
        return undefined()
    return _("{percent} ({count} of {cases})").format(
        percent=percent(ratio.value), count=ratio.numerator, cases=ratio.denominator
    )


def summary_rows(summary: RelianceSummary, *, advice_optional: bool = False) -> list[tuple]:
    """The figures as ``(what it measures, value)`` pairs, in plain words.

    ``advice_optional`` adds how many cases the learner saw the advice in (the modes where the
    advice was not always shown).
    """
    rows = [
        (_("Your accuracy alone (first answers)"), _share(summary.learner_accuracy)),
        (_("The AI's accuracy"), _share(summary.ai_accuracy)),
        (_("Your final accuracy, with the AI"), _share(summary.team_accuracy)),
        (
            _("Switched to the AI when it was right and you were wrong (RAIR)"),
            _share(summary.rair),
        ),
        (_("Kept your answer when you were right and the AI wrong (RSR)"), _share(summary.rsr)),
        (_("Followed the AI when it was wrong (over-reliance)"), _share(summary.over_reliance)),
        (
            _("Did not follow the AI when it was right (under-reliance)"),
            _share(summary.under_reliance),
        ),
    ]
    if advice_optional:
        rows.append(
            (
                _("Cases in which you saw the AI's advice"),
                _("{seen} of {n}").format(seen=summary.advice_seen or 0, n=summary.cases),
            )
        )
    brier = undefined() if summary.brier is None else f"{summary.brier:.3f}"
    rows.append((_("Brier score of your confidence (0 is perfect)"), brier))
    return rows


def _caption(summary: RelianceSummary) -> str:
    return _("Your reliance on the AI, over {n} cases").format(n=summary.cases)


def _note() -> str:
    return _("“{undefined}” means there was no case to count, which is not the same as 0%.").format(
        undefined=undefined()
    )


def summary_html(summary: RelianceSummary, *, advice_optional: bool = False) -> str:
    """The figures as an HTML table with a caption and a note on "undefined"."""
    body = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(name)}</th>"
        f"<td>{html.escape(value)}</td></tr>"
        for name, value in summary_rows(summary, advice_optional=advice_optional)
    )
    return (
        f"<table class='tt-summary'><caption>{html.escape(_caption(summary))}</caption>"
        f"{body}</table><p class='tt-summary-note'><small>{html.escape(_note())}</small></p>"
    )


def summary_text(summary: RelianceSummary, *, advice_optional: bool = False) -> str:
    """The figures as plain text, one line each, for places that show no HTML."""
    rows = summary_rows(summary, advice_optional=advice_optional)
    lines = [f"{name}: {value}" for name, value in rows]
    return "\n".join([_caption(summary), *lines, _note()])


@dataclass(frozen=True)
class RelianceReport:
    """The learner's reliance figures (shown to them, never graded).

    Jupyter shows the HTML table (``_repr_html_``); anything without HTML shows the plain text.

    Examples
    --------
    >>> from thinktwice.widgets.measures import Trial, summarize
    >>> report = RelianceReport(summarize([Trial(3, 5, 5, 5, 0.6, 0.8)]))
    >>> print(repr(report).splitlines()[1])
    Your accuracy alone (first answers): 0% (0 of 1)
    >>> "<table class='tt-summary'>" in report._repr_html_()
    True
    """

    summary: RelianceSummary
    #: Whether the learner could answer without seeing the advice (on-request and delayed).
    advice_optional: bool = False

    def _repr_html_(self) -> str:
        return summary_html(self.summary, advice_optional=self.advice_optional)

    def __repr__(self) -> str:
        return summary_text(self.summary, advice_optional=self.advice_optional)
