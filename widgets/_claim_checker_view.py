"""The ipywidgets view of a :class:`~thinktwice.widgets.claim_checker.ClaimChecker`."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w

from ._view_kit import ActivityView, MessageArea, button, guarded, labelled, table_html
from .claim_checker import (
    CITATION_QUESTION,
    CLAIM_QUESTION,
    ClaimChecker,
    LabelResult,
    label_text,
)
from .i18n import _
from .judgement import Judgement


def _meanings() -> dict[str, str]:
    """What each label means, in plain words: the intro's list and the buttons' tooltips."""
    return {
        "supported": _("a source says it."),
        "contradicted": _("a source says something else."),
        "unverifiable": _("no source says it either way, so you cannot check it here."),
        "real": _("it names one of the sources."),
        "fabricated": _(
            "it names a report or page that is not among the sources: the AI made it up."
        ),
    }


def intro_html() -> str:
    """The task, the labels in plain words, and why it works."""
    task = _(
        "Someone asked an AI a question. Below, its answer is split into claims (one statement "
        "each), followed by its citations: the sources it names for a claim, in square "
        "brackets. Check each claim and each citation against the sources, the way "
        "fact-checkers do: read across all the sources rather than trusting one (this is called "
        "lateral reading, Wineburg & McGrew 2017). The labels:"
    )
    meanings = _meanings()
    items = "".join(
        f"<li><b>{html.escape(label_text(key))}</b>: {html.escape(meanings[key])}</li>"
        for key in meanings
    )
    tips = _(
        "Watch for numbers that change between sources, and for real citations beside claims "
        "they do not back. Knowing such tricks in advance helps you resist them (Roozenbeek et "
        "al. 2022). Choose a label for each claim and citation, then submit: your first "
        "submitted label of each counts, and then you see why."
    )
    return f"<p>{html.escape(task)}</p><ul>{items}</ul><p>{html.escape(tips)}</p>"


def score_html(checker: ClaimChecker) -> str:
    """How many claims and citations the learner has submitted, and how many are right."""
    rows = []
    for name, items, given, result in (
        (_("Claims"), checker.claims_, checker.labels_, checker.claim_result),
        (_("Citations"), checker.citations_, checker.verdicts_, checker.citation_result),
    ):
        right = sum(1 for item in given if result(item).correct)
        submitted = _("{k} of {n}").format(k=len(given), n=len(items))
        rows.append([name, submitted, right])
    header = [_("Labels"), _("Submitted"), _("Right")]
    return table_html(_("Your labels so far"), header, rows)


def _picker(question: Judgement, description: str, css_class: str) -> w.ToggleButtons:
    """The label buttons of one claim or citation, in a column of aligned rows."""
    meanings = _meanings()
    return labelled(
        w.ToggleButtons(
            options=question.options(),
            value=None,
            description=description,
            tooltips=[f"{label}: {meanings[key]}" for label, key in question.options()],
            style={"button_width": "auto"},
            # beside its label, so that the rows line up (ipywidgets puts it above otherwise)
            layout={"display": "flex", "flex_flow": "row wrap", "align_items": "center"},
        ),
        css_class,
        aligned=True,
    )


def result_html(result: LabelResult | None, given: str | None) -> str:
    """The feedback on one submitted label (empty before it is submitted)."""
    if result is None or given is None:
        return ""
    if result.correct:
        head = _("✓ Right: {label}.").format(label=label_text(given))
    else:
        head = _("✗ Not quite: you said {given}; the answer is {answer}.").format(
            given=label_text(given), answer=label_text(result.answer)
        )
    return f"<p><b>{html.escape(head)}</b> {html.escape(result.why)}</p>"


def sources_html(checker: ClaimChecker) -> str:
    """The source documents, each with its title and what it is."""
    parts = []
    for source in checker.set_.sources:
        parts.append(
            "<div class='tt-source' style='border:1px solid #888;padding:4px 8px;margin:4px 0'>"
            f"<b>{html.escape(source.title)}</b> <i>({html.escape(source.about)})</i>"
            f"<p>{html.escape(source.text)}</p></div>"
        )
    caption = html.escape(_("The sources"))
    return f"<h4>{caption}</h4>" + "".join(parts)


class _Row(w.VBox):
    """One claim or citation: its text, the learner's label, and feedback once submitted."""

    def __init__(self, text: str, picker: w.ToggleButtons) -> None:
        self.text = w.HTML(f"<div style='margin-top:6px'>{html.escape(text)}</div>")
        self.picker = picker
        self.feedback = w.HTML()
        self.feedback.add_class("tt-feedback")
        super().__init__([self.text, self.picker, self.feedback])


class ClaimCheckerView(ActivityView):
    """The sources, the AI's claims and citations with a label each, and a submit button."""

    def __init__(self, checker: ClaimChecker) -> None:
        self.checker = checker
        self.message = MessageArea()
        self.intro = w.HTML(intro_html())
        self.question = w.HTML(
            "<p><b>"
            + html.escape(_("The question:"))
            + f"</b> {html.escape(checker.set_.question)}</p>"
        )
        self.sources = w.HTML(sources_html(checker))
        self.sources.add_class("tt-sources")
        citation_text = {k.id: k.text for k in checker.citations_}
        self.claim_rows = {}
        for k, claim in enumerate(checker.claims_, start=1):
            cites = "".join(f" [{citation_text[c]}]" for c in claim.cites)
            picker = _picker(CLAIM_QUESTION, _("Claim {k} is").format(k=k), "tt-claim-label")
            picker.add_class(f"tt-claim-{k}")
            text = _("Claim {k}: {text}").format(k=k, text=claim.text) + cites
            self.claim_rows[claim.id] = _Row(text, picker)
        self.citation_rows = {}
        for k, citation in enumerate(checker.citations_, start=1):
            picker = _picker(
                CITATION_QUESTION, _("Citation {k} is").format(k=k), "tt-citation-label"
            )
            picker.add_class(f"tt-citation-{k}")
            text = _("Citation {k}: [{text}]").format(k=k, text=citation.text)
            self.citation_rows[citation.id] = _Row(text, picker)
        self.submit = button(_("Submit my labels"), "tt-submit")
        self.submit.layout.align_self = "flex-start"
        self.score = w.HTML()
        self.score.add_class("tt-score")
        self.submit.on_click(self._on_submit)
        claims_head = w.HTML(
            "<h4>" + html.escape(_("The AI's answer, split into claims")) + "</h4>"
        )
        citations_head = w.HTML("<h4>" + html.escape(_("The citations in its answer")) + "</h4>")
        super().__init__(
            checker,
            [
                self.intro,
                self.question,
                self.sources,
                claims_head,
                *self.claim_rows.values(),
                citations_head,
                *self.citation_rows.values(),
                self.submit,
                self.message,
                self.score,
            ],
        )
        self.render()

    def tour(self) -> list[Callable[[], object]]:
        """Submit with nothing chosen, then one label, then three, then all the rest."""
        rows = [(row, "supported") for row in self.claim_rows.values()]
        rows += [(row, "real") for row in self.citation_rows.values()]

        def submit(batch):
            def call():
                for row, value in batch:
                    row.picker.value = value
                self.submit.click()

            return call

        return [self.submit.click, submit(rows[:1]), submit(rows[1:4]), submit(rows[4:])]

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_submit(self, _button=None) -> None:
        checker = self.checker
        sent = 0
        try:
            for claim, row in self.claim_rows.items():
                if claim not in checker.labels_ and row.picker.value is not None:
                    checker.label_claim(claim, row.picker.value)
                    sent += 1
            for citation, row in self.citation_rows.items():
                if citation not in checker.verdicts_ and row.picker.value is not None:
                    checker.mark_citation(citation, row.picker.value)
                    sent += 1
        finally:
            self.render()  # show what was saved, even if a later label failed
        if not sent:
            self.message.say(_("Choose a label for at least one claim or citation first."))
        else:
            self.message.say(_("Labels submitted: {n}.").format(n=sent))

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show submitted labels as locked, with their feedback, and the running score."""
        checker = self.checker
        for claim, row in self.claim_rows.items():
            given = checker.labels_.get(claim)
            self._show(row, given, checker.claim_result(claim))
        for citation, row in self.citation_rows.items():
            given = checker.verdicts_.get(citation)
            self._show(row, given, checker.citation_result(citation))
        outcome = checker.outcome()
        self.score.value = score_html(checker) if outcome.done else ""
        self.submit.disabled = outcome.done == outcome.total

    @staticmethod
    def _show(row: _Row, given: str | None, result: LabelResult | None) -> None:
        if given is None:
            row.picker.disabled = False
            row.feedback.value = ""
            return
        row.picker.value = given
        row.picker.disabled = True
        row.feedback.value = result_html(result, given)
