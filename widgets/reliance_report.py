"""A learner's own reliance trial looked back on, reading the same with or without a kernel.

:meth:`RelianceTrial.report() <thinktwice.widgets.reliance_trial.RelianceTrial.report>` returns a
:class:`RelianceReport`: a review of the learner's own cases (the image, their first answer, the
AI's advice and confidence, their final answer and the right digit, the AI's mistakes marked), a
reading of their figures in plain sentences, and the table of figures. Jupyter shows its HTML;
the saved notebook, nbgrader's feedback and nbconvert's HTML keep that HTML (or its plain text)
instead of a widget's repr. The view shows the same at the end of the trial. Pure Python: no
ipywidgets, no IPython.
"""

from __future__ import annotations

import html
from dataclasses import dataclass

from .i18n import _
from .measures import Ratio, RelianceSummary
from .style import PALETTE, digit_tag, percent, undefined

#: Display width of a review's digit images, in CSS pixels (10 per image pixel, kept sharp).
REVIEW_IMAGE = 80
RIGHT_MARK, WRONG_MARK = "✔", "✘"
#: Cell spacing written into the tags: saved output and widget HTML have no notebook table style.
_CELL = "padding:4px 12px;text-align:left;vertical-align:middle"


@dataclass(frozen=True)
class ReviewCase:
    """One completed case, as the learner looks back on it.

    ``first`` is ``None`` where the learner gave no first answer; ``advice_seen`` is ``False``
    where they answered without seeing the AI's advice (possible in some modes).
    """

    number: int
    image: tuple[tuple[float, ...], ...]
    first: int | None
    first_confidence: float | None
    ai: int
    ai_confidence: float
    final: int
    final_confidence: float | None
    truth: int
    advice_seen: bool = True

    def pixels(self):
        """The image as an 8x8 array of intensities from 0 to 1."""
        import numpy as np

        return np.array(self.image)


def _sure(confidence: float | None) -> str:
    return (
        "" if confidence is None else _("{confidence} sure").format(confidence=percent(confidence))
    )


def _answer(digit: int | None, truth: int, confidence: float | None) -> tuple[str, str]:
    """An answer as (the digit with a right or wrong mark, how sure)."""
    if digit is None:
        return _("none"), ""
    mark = RIGHT_MARK if digit == truth else WRONG_MARK
    word = _("right") if digit == truth else _("wrong")
    return f"{digit} {mark} {word}", _sure(confidence)


def _cells(case: ReviewCase) -> list[tuple[str, str]]:
    """The case's first answer, advice and final answer as (text, small print) pairs."""
    advice, sure = _answer(case.ai, case.truth, case.ai_confidence)
    if not case.advice_seen:
        sure = (sure + "; " if sure else "") + _("you did not see it")
    return [
        _answer(case.first, case.truth, case.first_confidence),
        (advice, sure),
        _answer(case.final, case.truth, case.final_confidence),
    ]


def _review_header() -> list[str]:
    return [
        _("Case"),
        _("The image"),
        _("Your first answer"),
        _("The AI's advice"),
        _("Your final answer"),
        _("The right digit"),
    ]


def _count(n: int, of: int) -> str:
    return _("{n} of {of}").format(n=n, of=of)


def reading(summary: RelianceSummary, review: tuple[ReviewCase, ...] = ()) -> list[str]:
    """The learner's figures in plain sentences (undefined measures said as such).

    Examples
    --------
    >>> from thinktwice.widgets.measures import Trial, summarize
    >>> lines = reading(summarize([Trial(3, 5, 5, 3), Trial(2, 2, 2, 2)]))
    >>> lines[1]
    'The AI was wrong on 1 of your 2 cases, and you followed it on 1 of its 1 mistakes.'
    >>> reading(summarize([]))
    ['You have not finished any case yet: do the trial, then run this cell again.']
    """
    if not summary.team_accuracy.denominator:
        return [_("You have not finished any case yet: do the trial, then run this cell again.")]
    lines = [
        _(
            "On your own you read {alone} digits right; the AI got {ai} right; with its advice, "
            "your final answers got {team} right."
        ).format(
            alone=_count(summary.learner_accuracy.numerator, summary.learner_accuracy.denominator),
            ai=_count(summary.ai_accuracy.numerator, summary.ai_accuracy.denominator),
            team=_count(summary.team_accuracy.numerator, summary.team_accuracy.denominator),
        )
    ]
    over, wrong = summary.over_reliance, summary.ai_accuracy
    ai_mistakes = wrong.denominator - wrong.numerator
    if not over.defined:
        lines.append(
            _(
                "The AI made no mistake that you saw, so over-reliance is undefined: there was "
                "no wrong advice to follow."
            )
        )
    else:
        lines.append(
            _(
                "The AI was wrong on {wrong} of your {n} cases, and you followed it on "
                "{followed} of its {seen} mistakes."
            ).format(
                wrong=ai_mistakes, n=summary.cases, followed=over.numerator, seen=over.denominator
            )
        )
    rsr = summary.rsr
    if rsr.defined:
        lines.append(
            _(
                "You kept your own right answer in {kept} of the {cases} cases where the AI was "
                "wrong and you were right (RSR {value})."
            ).format(kept=rsr.numerator, cases=rsr.denominator, value=percent(rsr.value))
        )
    else:
        lines.append(
            _(
                "There was no case where the AI was wrong and you were right at first, so RSR is "
                "undefined."
            )
        )
    rair = summary.rair
    if rair.defined:
        lines.append(
            _(
                "You switched to the AI's right answer in {switched} of the {cases} cases where "
                "you were wrong at first and the AI was right (RAIR {value})."
            ).format(switched=rair.numerator, cases=rair.denominator, value=percent(rair.value))
        )
    else:
        lines.append(
            _(
                "There was no case where you were wrong at first and the AI right, so RAIR is "
                "undefined."
            )
        )
    mistakes = [c for c in review if c.ai != c.truth]
    if mistakes:
        surest = max(mistakes, key=lambda c: c.ai_confidence)
        lines.append(
            _(
                "The AI's surest mistake was case {k}: it said {ai}, {sure}, and the digit was "
                "{truth}. Being sure did not make it right."
            ).format(
                k=surest.number, ai=surest.ai, sure=_sure(surest.ai_confidence), truth=surest.truth
            )
        )
    return lines


def review_html(review: tuple[ReviewCase, ...]) -> str:
    """The learner's cases as a table: each image, the answers, the AI's mistakes marked."""
    if not review:
        return ""
    head = "".join(
        f"<th scope='col' style='{_CELL}'>{html.escape(h)}</th>" for h in _review_header()
    )
    rows = []
    for case in review:
        alt = _("Case {k}: a handwritten {digit}").format(k=case.number, digit=case.truth)
        image = digit_tag(case.pixels(), alt, size=REVIEW_IMAGE, css_class="tt-review-digit")
        cells = []
        for k, (text, small) in enumerate(_cells(case)):
            wrong_ai = k == 1 and case.ai != case.truth
            shade = f";background:{PALETTE['orange']}33" if wrong_ai else ""
            look = f" style='{_CELL}{shade}'"
            cls = " class='tt-ai-wrong'" if wrong_ai else ""
            extra = f"<br><small>{html.escape(small)}</small>" if small else ""
            cells.append(f"<td{cls}{look}>{html.escape(text)}{extra}</td>")
        rows.append(
            f"<tr><th scope='row' style='{_CELL}'>{case.number}</th>"
            f"<td style='{_CELL}'>{image}</td>{''.join(cells)}"
            f"<td style='{_CELL}'><b>{case.truth}</b></td></tr>"
        )
    caption = _("Your cases, one by one: the AI's mistakes are marked {mark} and shaded.").format(
        mark=WRONG_MARK
    )
    return (
        "<table class='tt-review' style='border-collapse:collapse;margin:0.5em 0'>"
        f"<caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )


def review_text(review: tuple[ReviewCase, ...]) -> list[str]:
    """The review as lines of plain text, one per case."""
    lines = []
    for case in review:
        (first, first_sure), (ai, ai_sure), (final, final_sure) = _cells(case)
        lines.append(
            _(
                "Case {k}: your first answer {first}; the AI said {ai}; your final answer "
                "{final}; the digit was {truth}."
            ).format(
                k=case.number,
                first=first + (f" ({first_sure})" if first_sure else ""),
                ai=ai + (f" ({ai_sure})" if ai_sure else ""),
                final=final + (f" ({final_sure})" if final_sure else ""),
                truth=case.truth,
            )
        )
    return lines


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
        f"<tr><th scope='row' style='{_CELL}'>{html.escape(name)}</th>"
        f"<td style='{_CELL}'>{html.escape(value)}</td></tr>"
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
    """The learner's cases reviewed, their figures read out, and the table of figures.

    Shown to the learner, never graded. Jupyter shows the HTML (``_repr_html_``); anything
    without HTML shows the plain text.

    Examples
    --------
    >>> from thinktwice.widgets.measures import Trial, summarize
    >>> report = RelianceReport(summarize([Trial(3, 5, 5, 5, 0.6, 0.8)]))
    >>> print(repr(report).splitlines()[0][:36])
    On your own you read 0 of 1 digits r
    >>> "<table class='tt-summary'>" in report._repr_html_()
    True
    """

    summary: RelianceSummary
    #: Whether the learner could answer without seeing the advice (on-request and delayed).
    advice_optional: bool = False
    #: The completed cases, in the order they were shown.
    review: tuple[ReviewCase, ...] = ()

    def _repr_html_(self) -> str:
        said = reading(self.summary, self.review)
        lines = "".join(f"<li>{html.escape(line)}</li>" for line in said)
        heading = html.escape(_("What your figures say"))
        return (
            f"<div class='tt-report'>{review_html(self.review)}"
            f"<p class='tt-reading-title'><b>{heading}</b></p>"
            f"<ul class='tt-reading'>{lines}</ul>"
            f"{summary_html(self.summary, advice_optional=self.advice_optional)}</div>"
        )

    def __repr__(self) -> str:
        parts = [*review_text(self.review), *reading(self.summary, self.review)]
        return "\n".join([*parts, summary_text(self.summary, advice_optional=self.advice_optional)])
