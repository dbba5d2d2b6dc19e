"""The ipywidgets view of a :class:`~thinktwice.widgets.claim_checker.ClaimChecker`."""

from __future__ import annotations

import html

import ipywidgets as w

from ._view_kit import MessageArea, button, guarded, labelled
from .claim_checker import LABELS, VERDICTS, ClaimChecker, LabelResult, label_text
from .i18n import _


def _label_tooltips() -> list[str]:
    return [
        _("Supported: a source says it"),
        _("Contradicted: a source says otherwise"),
        _("Unverifiable: no source says it either way"),
    ]


def _verdict_tooltips() -> list[str]:
    return [_("Real: it is among the sources"), _("Fabricated: it is not among the sources")]


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


class ClaimCheckerView(w.VBox):
    """The sources, the AI's claims and citations with a label each, and a submit button."""

    def __init__(self, checker: ClaimChecker) -> None:
        self.checker = checker
        self.message = MessageArea()
        self.intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "Someone asked an AI a question. Check its answer against the sources below, "
                    "the way fact-checkers do: read across the sources rather than trusting one "
                    "(lateral reading, Wineburg & McGrew 2017). Watch for numbers that change "
                    "between sources, real citations beside claims they do not back, and "
                    "citations to reports or pages that do not exist; knowing such tricks in "
                    "advance helps you resist them (Roozenbeek et al. 2022). Your first submitted "
                    "label of each item counts."
                )
            )
            + "</p>"
        )
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
            picker = labelled(
                w.ToggleButtons(
                    options=[(label_text(label), label) for label in LABELS],
                    value=None,
                    description=_("Claim {k} is:").format(k=k),
                    tooltips=_label_tooltips(),
                    style={"button_width": "auto"},
                ),
                "tt-claim-label",
            )
            picker.add_class(f"tt-claim-{k}")
            text = _("Claim {k}: {text}").format(k=k, text=claim.text) + cites
            self.claim_rows[claim.id] = _Row(text, picker)
        self.citation_rows = {}
        for k, citation in enumerate(checker.citations_, start=1):
            picker = labelled(
                w.ToggleButtons(
                    options=[(label_text(v), v) for v in VERDICTS],
                    value=None,
                    description=_("Citation {k} is:").format(k=k),
                    tooltips=_verdict_tooltips(),
                    style={"button_width": "auto"},
                ),
                "tt-citation-label",
            )
            picker.add_class(f"tt-citation-{k}")
            text = _("Citation {k}: [{text}]").format(k=k, text=citation.text)
            self.citation_rows[citation.id] = _Row(text, picker)
        self.submit = button(_("Submit my labels"), "tt-submit")
        self.score = w.HTML()
        self.score.add_class("tt-score")
        self.submit.on_click(self._on_submit)
        claims_head = w.HTML(
            "<h4>" + html.escape(_("The AI's answer, split into claims")) + "</h4>"
        )
        citations_head = w.HTML("<h4>" + html.escape(_("The citations in its answer")) + "</h4>")
        super().__init__(
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
            ]
        )
        self.add_class("tt-claim-checker")
        self.render()

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
        if outcome.done:
            self.score.value = html.escape(
                _("Submitted {done} of {total}; right: {right}.").format(
                    done=outcome.done, total=outcome.total, right=f"{outcome.credit:g}"
                )
            )
        else:
            self.score.value = ""
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
