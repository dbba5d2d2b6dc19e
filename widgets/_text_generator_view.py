"""The ipywidgets view of a :class:`~thinktwice.widgets.text_generator.TextGenerator`."""

from __future__ import annotations

import html
from collections.abc import Callable
from functools import lru_cache

import ipywidgets as w
import numpy as np

from ._claim_checker_view import _meanings, result_html
from ._view_kit import (
    ActivityView,
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .claim_checker import CITATION_QUESTION, CLAIM_QUESTION, label_text
from .i18n import _
from .style import CATEGORY_COLOURS, MARKERS, image_tag, new_figure, percent, pixels_png
from .text_generator import (
    CONTEXTS,
    QUESTIONS,
    TEMPERATURES,
    TextGenerator,
    Written,
    detokenize,
    load_corpus,
    training_sentences,
)

#: Light backgrounds for the stitched pieces of a sentence (the piece numbers carry it too).
_TINTS = ("#d6eaf8", "#fdebd0", "#d5f5e3", "#fadbd8", "#e8daef", "#fcf3cf")


def intro_html() -> str:
    """What the model is, and the task."""
    what = _(
        "This is a real language model, a small one. It learned from the 26 sentences in the "
        "sources below, and nothing else. It writes one word at a time: it looks at the last "
        "few words it wrote (its context) and picks a next word among those that came after "
        "the same words in its training sentences. It has no idea what is true."
    )
    task = _(
        "It was asked a question, and its answer is below. Check each sentence against the "
        "sources, as you would check a chatbot's answer. For each sentence, label the claim "
        "(what it says, without the citation) and the citation in square brackets. Your first "
        "submitted label of each counts; then you see the truth and where the model stitched "
        "the sentence from."
    )
    meanings = _meanings()
    items = "".join(
        f"<li><b>{html.escape(label_text(key))}</b>: {html.escape(meanings[key])}</li>"
        for key in meanings
    )
    return f"<p>{html.escape(what)}</p><p>{html.escape(task)}</p><ul>{items}</ul>"


def sources_html() -> str:
    """The training sentences, grouped by the document they come from."""
    corpus = load_corpus()
    parts = []
    for document in corpus.documents:
        facts = [f for f in corpus.facts if f.document == document.id]
        lines = "".join(
            f"<li>{html.escape(corpus.sentence(f).rsplit(' [', 1)[0])}.</li>" for f in facts
        )
        parts.append(
            "<div class='tt-source' style='border:1px solid #888;padding:4px 8px;margin:4px 0'>"
            f"<b>{html.escape(document.citation)}</b> <i>({html.escape(document.about)})</i>"
            f"<ul style='margin:2px 0'>{lines}</ul></div>"
        )
    caption = html.escape(_("The sources: the model's whole training text, by document"))
    return f"<h4>{caption}</h4>" + "".join(parts)


def stitch_html(written: Written) -> str:
    """The sentence with each copied run of words numbered and tinted, and where each came from."""
    sentences = training_sentences()
    spans = []
    rows = []
    for k, piece in enumerate(written.pieces, start=1):
        tint = _TINTS[(k - 1) % len(_TINTS)]
        text = html.escape(detokenize(list(piece.words)))
        spans.append(
            f"<span style='background:{tint};padding:1px 2px;border-radius:3px'>{text}"
            f"<sup><b>{k}</b></sup></span>"
        )
        rows.append(
            f"<li><b>{k}</b>: «{text}» "
            + html.escape(_("from the training sentence:"))
            + f" <i>{html.escape(sentences[piece.source])}</i></li>"
        )
    jumps = written.jumps
    if jumps:
        summary = _(
            "The model jumped between training sentences {n} times while writing this one."
        ).format(n=jumps)
    else:
        summary = _("The model copied this sentence whole from one training sentence.")
    return (
        "<div class='tt-stitch' style='margin:4px 0 8px 1em'>"
        f"<div>{' '.join(spans)}</div><div>{html.escape(summary)}</div>"
        f"<ol style='list-style:none;padding-left:0;margin:2px 0'>{''.join(rows)}</ol></div>"
    )


class _Chart:
    """The chart's axes drawn once; each picture draws only the measured lines over them."""

    def __init__(self) -> None:
        figure = new_figure(5.2, 3.4, left=0.13, bottom=0.16, right=0.97, top=0.9)
        ax = figure.add_subplot()
        ax.set_xlim(0, max(TEMPERATURES) + 0.1)
        ax.set_ylim(0, 100)
        ax.set_xticks(TEMPERATURES)
        ax.set_xlabel(_("Temperature"))
        ax.set_ylabel(_("Fabricated sentences (%)"))
        ax.set_title(_("How often the model fabricated"), fontsize=10)
        ax.grid(alpha=0.3)
        self.lines = {
            n: ax.plot(
                [],
                [],
                marker=MARKERS[k],
                color=CATEGORY_COLOURS[k],
                label=_("n = {n}").format(n=n),
                animated=True,
            )[0]
            for k, n in enumerate(CONTEXTS)
        }
        figure.canvas.draw()
        self.background = figure.canvas.copy_from_bbox(figure.bbox)
        self.figure, self.ax = figure, ax

    def png(self, curves: dict[int, tuple[float, ...]]) -> bytes:
        canvas = self.figure.canvas
        canvas.restore_region(self.background)
        drawn = []
        for n, line in self.lines.items():
            if n in curves:
                line.set_data(TEMPERATURES, [100 * s for s in curves[n]])
                self.ax.draw_artist(line)
                drawn.append(line)
        if drawn:
            legend = self.ax.legend(handles=drawn, loc="lower right", fontsize=8)
            legend.set_animated(True)
            self.ax.draw_artist(legend)
            legend.remove()
        return pixels_png(np.asarray(canvas.buffer_rgba())[..., :3])


@lru_cache(maxsize=1)
def _chart() -> _Chart:
    return _Chart()


@lru_cache(maxsize=16)
def curves_figure(curves: tuple[tuple[int, tuple[float, ...]], ...]) -> str:
    """The measured share of fabricated sentences against temperature, one line per context."""
    parts = [
        _("n = {n}: {shares}").format(
            n=n,
            shares=", ".join(
                f"{t}: {percent(s)}" for t, s in zip(TEMPERATURES, shares, strict=True)
            ),
        )
        for n, shares in curves
    ]
    alt = _(
        "Line chart of the share of fabricated sentences (0 to 100%) against the temperature "
        "(0.2 to 2.0), one line per context length measured. {lines}"
    ).format(lines="; ".join(parts) or _("Nothing measured yet."))
    return image_tag(_chart().png(dict(curves)), alt, css_class="tt-curves")


def curves_table(curves: dict[int, tuple[float, ...]]) -> str:
    """The measured shares as a table (the chart's numbers)."""
    header = [_("Context"), *[_("T = {t}").format(t=t) for t in TEMPERATURES]]
    rows = [
        [_("n = {n}").format(n=n), *[percent(s) for s in curves[n]]]
        for n in CONTEXTS
        if n in curves
    ]
    return table_html(_("Fabricated sentences, of 120 written at each setting"), header, rows)


class _Row(w.VBox):
    """One sentence of the answer: its claim and citation with a label each, and the reveal."""

    def __init__(self, k: int, written: Written) -> None:
        verdict = written.verdict
        self.text = w.HTML(
            "<div style='margin-top:8px'><b>"
            + html.escape(_("Sentence {k}:").format(k=k))
            + f"</b> {html.escape(verdict.claim)} <b>[{html.escape(verdict.citation)}]</b></div>"
        )
        meanings = _meanings()

        def picker(question, description, css_class):
            return labelled(
                w.ToggleButtons(
                    options=question.options(),
                    value=None,
                    description=description,
                    tooltips=[f"{label}: {meanings[key]}" for label, key in question.options()],
                    style={"button_width": "auto"},
                    layout={"display": "flex", "flex_flow": "row wrap", "align_items": "center"},
                ),
                css_class,
                aligned=True,
            )

        self.claim = picker(CLAIM_QUESTION, _("Its claim is"), "tt-claim-label")
        self.claim.add_class(f"tt-claim-{k}")
        self.citation = picker(CITATION_QUESTION, _("Its citation is"), "tt-citation-label")
        self.citation.add_class(f"tt-citation-{k}")
        self.feedback = w.HTML()
        self.feedback.add_class("tt-feedback")
        super().__init__([self.text, self.claim, self.citation, self.feedback])


class TextGeneratorView(ActivityView):
    """The sources, the model's answer to label, the reveal, and the controls to explore it."""

    def __init__(self, generator: TextGenerator) -> None:
        type(generator).warm_up()
        self.generator = generator
        self.message = MessageArea()
        self.intro = w.HTML(intro_html())
        self.sources = w.HTML(sources_html())
        self.sources.add_class("tt-sources")
        question = _("Tell me about the public buildings of Fennmoor.")
        answer = " ".join(s.text for s in generator.answer_)
        self.answer = w.HTML(
            "<p><b>"
            + html.escape(_("The question:"))
            + f"</b> {html.escape(question)}</p><p><b>"
            + html.escape(_("The model's answer:"))
            + f"</b> <i>{html.escape(answer)}</i></p>"
        )
        self.rows = {
            sentence: _Row(k, generator.written(sentence))
            for k, sentence in enumerate(generator.sentences, start=1)
        }
        self.submit = button(_("Submit my labels"), "tt-submit")
        self.submit.layout.align_self = "flex-start"
        self.submit.on_click(self._on_submit)
        self.score = w.HTML()
        self.score.add_class("tt-score")

        explore_head = w.HTML(
            "<h4>"
            + html.escape(_("Turn the dials: how often does it fabricate?"))
            + "</h4><p>"
            + html.escape(
                _(
                    "The context length n says how many words the model looks back: n = 2 "
                    "means only the last word, n = 6 the last five words. The temperature says how "
                    "boldly it picks: at 0.2 it nearly always takes the likeliest next word; "
                    "at 2.0 unlikely words get a much bigger chance. A sentence counts as "
                    "fabricated when it is not one of the training sentences with its own "
                    "citation: its claim or its citation is not backed by the sources."
                )
            )
            + "</p>"
        )
        self.context = labelled(
            w.ToggleButtons(
                options=[(_("n = {n}").format(n=n), n) for n in CONTEXTS],
                value=CONTEXTS[1],
                description=_("Context length"),
                style={"button_width": "auto"},
                layout={"display": "flex", "flex_flow": "row wrap", "align_items": "center"},
            ),
            "tt-context",
            aligned=True,
        )
        self.temperature = labelled(
            w.SelectionSlider(
                options=list(TEMPERATURES),
                value=1.0,
                description=_("Temperature"),
                layout=w.Layout(width="34em"),
            ),
            "tt-temperature",
            aligned=True,
        )
        self.write = button(_("Write one sentence"), "tt-write", style="")
        self.write.on_click(self._on_write)
        self.measure = button(_("Measure 120 sentences at each temperature"), "tt-measure")
        self.measure.on_click(self._on_measure)
        self.sample = w.HTML()
        self.sample.add_class("tt-sample")
        self.chart = w.HTML()
        self.chart.add_class("tt-chart")
        self.table = w.HTML()
        self.questions = {
            key: JudgementQuestion.of(
                question,
                question_class=f"tt-question-{key}",
                submit_class=f"tt-answer-{key}",
            )
            for key, question in QUESTIONS.items()
        }
        for key, view in self.questions.items():
            view.submit.on_click(lambda _b, key=key: self._on_answer(key))
        self.questions_note = w.HTML()
        super().__init__(
            generator,
            [
                self.intro,
                self.sources,
                self.answer,
                *self.rows.values(),
                self.submit,
                self.message,
                self.score,
                explore_head,
                self.context,
                self.temperature,
                w.HBox([self.write, self.measure]),
                self.sample,
                self.chart,
                self.table,
                self.questions_note,
                *self.questions.values(),
            ],
        )
        self.render()

    def tour(self) -> list[Callable[[], object]]:
        """Submit nothing, label everything, write, measure each context, answer both."""

        def label_all():
            for row in self.rows.values():
                row.claim.value = "supported"
                row.citation.value = "real"
            self.submit.click()

        def measure(n):
            def call():
                self.context.value = n
                self.measure.click()

            return call

        def answer(key, choice):
            def call():
                self.questions[key].choices.value = choice
                self.questions[key].submit.click()

            return call

        return [
            self.submit.click,
            label_all,
            self.write.click,
            measure(2),
            measure(4),
            self.questions["context"].submit.click,  # refused: not every n measured yet
            measure(6),
            answer("context", "2"),
            answer("temperature", "rise"),
        ]

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_submit(self, _button=None) -> None:
        generator = self.generator
        sent = 0
        try:
            for sentence, row in self.rows.items():
                if sentence not in generator.labels_ and row.claim.value is not None:
                    generator.label_claim(sentence, row.claim.value)
                    sent += 1
                if sentence not in generator.verdicts_ and row.citation.value is not None:
                    generator.mark_citation(sentence, row.citation.value)
                    sent += 1
        finally:
            self.render()
        if not sent:
            self.message.say(_("Choose a label for at least one claim or citation first."))
        else:
            self.message.say(_("Labels submitted: {n}.").format(n=sent))

    @guarded
    def _on_write(self, _button=None) -> None:
        written = self.generator.sample(self.context.value, self.temperature.value)
        verdict = written.verdict
        said = _("It wrote: {text}").format(text=written.text)
        truth = _("The truth: the claim is {label}; the citation is {verdict}.").format(
            label=label_text(verdict.label).lower(), verdict=label_text(verdict.verdict).lower()
        )
        self.sample.value = (
            f"<p><b>{html.escape(said)}</b><br>{html.escape(truth)}</p>" + stitch_html(written)
        )

    @guarded
    def _on_measure(self, _button=None) -> None:
        n = self.context.value
        self.generator.measure(n)
        self.message.say(_("Measured the model at n = {n}.").format(n=n))
        self.render()

    @guarded
    def _on_answer(self, key: str) -> None:
        self.generator.answer(key, self.questions[key].chosen())
        self.render()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Lock submitted labels with their feedback and reveal; draw the chart and questions."""
        generator = self.generator
        for sentence, row in self.rows.items():
            given = generator.labels_.get(sentence), generator.verdicts_.get(sentence)
            results = generator.claim_result(sentence), generator.citation_result(sentence)
            for picker, value in zip((row.claim, row.citation), given, strict=True):
                picker.disabled = value is not None
                if value is not None:
                    picker.value = value
            feedback = [result_html(r, g) for r, g in zip(results, given, strict=True)]
            if None not in given:
                feedback.append(stitch_html(generator.written(sentence)))
            row.feedback.value = "".join(feedback)
        labelled_all = all(
            s in generator.labels_ and s in generator.verdicts_ for s in generator.sentences
        )
        self.submit.disabled = labelled_all
        self.score.value = self._score_html() if generator.labels_ or generator.verdicts_ else ""
        curves = generator.curves_
        self.chart.value = curves_figure(tuple(sorted(curves.items())))
        self.table.value = curves_table(curves) if curves else ""
        ready = generator.questions_open
        self.questions_note.value = (
            ""
            if ready
            else "<p><i>"
            + html.escape(_("The two questions below open once you have measured n = 2, 4 and 6."))
            + "</i></p>"
        )
        for key, view in self.questions.items():
            result = generator.answer_result(key)
            text = ""
            if result is not None:
                text = _("✓ Right.") if result.correct else _("✗ Not quite. ") + result.why
            view.show(generator.choices_.get(key), text, ready=ready)

    def _score_html(self) -> str:
        generator = self.generator
        rows = []
        for name, given, result in (
            (_("Claims"), generator.labels_, generator.claim_result),
            (_("Citations"), generator.verdicts_, generator.citation_result),
        ):
            right = sum(1 for s in given if result(s).correct)
            submitted = _("{k} of {n}").format(k=len(given), n=len(generator.sentences))
            rows.append([name, submitted, right])
        header = [_("Labels"), _("Submitted"), _("Right")]
        return table_html(_("Your labels so far"), header, rows)
