"""The ipywidgets view of an :class:`~thinktwice.widgets.ood_probe.OutOfDistributionProbe`."""

from __future__ import annotations

import functools
import html
import threading

import ipywidgets as w

from . import _digit_models as dm
from ._view_kit import (
    ActivityView,
    JudgementQuestion,
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .evidence import EvidenceError
from .i18n import _
from .ood_probe import (
    DIGIT,
    LETTER,
    NOISE,
    QUESTION,
    OutOfDistributionProbe,
    Probe,
    Reading,
    TrustCall,
    kind_names,
    member_names,
)
from .style import PALETTE, digit_tag, figure_tag, new_figure, percent

_AGREE, _DISAGREE = PALETTE["blue"], PALETTE["vermillion"]
_CAREFUL, _CARELESS = PALETTE["green"], PALETTE["vermillion"]


def probe_what(probe: Probe) -> str:
    """What a probe's picture shows, in words."""
    if probe.kind == DIGIT:
        what = _("a handwritten {digit}").format(digit=probe.label)
    elif probe.kind == LETTER:
        what = _("the letter {letter}, drawn on the grid").format(letter=probe.label)
    elif probe.kind == NOISE:
        what = _("random static: every square a different grey")
    else:
        what = _("an almost empty card with a few faint specks")
    return what


def probe_alt(probe: Probe, number: int) -> str:
    """Alt text of a probe's picture: what a sighted learner sees in it."""
    return _("Probe {n}, an 8 by 8 picture: {what}").format(n=number, what=probe_what(probe))


def call_html(probe: Probe, call: TrustCall, number: int) -> str:
    """What a learner's trust call on ``probe`` teaches: was it careful, and which signal told."""
    reading = probe.reading
    facts = _(
        "Probe {n} was {what}. The network said {digit} with {confidence} confidence; {k} of "
        "{total} models named another digit than the most common one."
    ).format(
        n=number,
        what=probe_what(probe),
        digit=reading.answer,
        confidence=percent(reading.confidence),
        k=reading.dissenters,
        total=len(reading.votes),
    )
    careful = call.trust == probe.trustworthy
    if probe.trustworthy:
        verdict = _("Careful call.") if careful else _("Not the careful call.")
        lesson = (
            _("A real digit, and all five models agreed: that is a good reason to trust it.")
            if careful
            else _(
                "It was a real digit and all five models agreed, so here doubt had no reason. "
                "Doubt helps where there is a reason for it."
            )
        )
    else:
        verdict = _("Careful call.") if careful else _("Not the careful call: do not trust this.")
        lesson = _(
            "It is not a digit at all, so whatever digit the network names is made up, "
            "however confident it sounds."
        )
        if reading.confidence < 0.5:
            lesson = _(
                "It is not a digit at all, so whatever digit the network names is made up. "
                "This time the network's low confidence was a warning too; on static and "
                "letters it is often sure."
            )
        elif reading.dissenters:
            lesson += " " + _(
                "The models' disagreement was the warning sign; the confidence was not."
            )
        else:
            lesson += " " + _(
                "Here even all five models agreed, so agreement is no proof: look at the "
                "picture too."
            )
    colour = _CAREFUL if careful else _CARELESS
    return (
        f"<div role='status' style='border-left:6px solid {colour};padding:4px 10px;"
        f"background:#f5f5f5'><b>{html.escape(verdict)}</b> {html.escape(facts)} "
        f"{html.escape(lesson)}</div>"
    )


def reading_html(reading: Reading) -> str:
    """The models' answers in words and as a table (the chart's text alternative)."""
    names = member_names()
    summary = _(
        "The neural network says {digit} with {confidence} confidence. {k} of {n} models name "
        "another digit than the most common one ({majority}); the models' average confidence in "
        "{majority} is {mean}."
    ).format(
        digit=reading.answer,
        confidence=percent(reading.confidence),
        k=reading.dissenters,
        n=len(reading.votes),
        majority=reading.majority,
        mean=percent(reading.ensemble_confidence),
    )
    rows = [
        [names[key], vote, percent(confidence)]
        for key, vote, confidence in zip(
            dm.MEMBERS, reading.votes, reading.confidences, strict=True
        )
    ]
    table = table_html(_("What each model says"), [_("Model"), _("Digit"), _("Confidence")], rows)
    return f"<p>{html.escape(summary)}</p>{table}"


def chart_key() -> str:
    """The chart's title and key, as text beside it (kept out of the figure to draw it fast)."""
    return "<b>{title}</b><br>{key}".format(
        title=html.escape(_("Each model's digit (on top of its bar) and its confidence")),
        key=html.escape(
            _(
                "Solid blue bar: the model names the most common digit. Hatched orange-red bar: "
                "it names another digit."
            )
        ),
    )


def reading_chart(reading: Reading) -> str:
    """A bar per model: its confidence, its digit on top, hatched when it breaks from the rest."""
    names = member_names()
    figure = new_figure(4.6, 2.3, left=0.11, bottom=0.22, right=0.98, top=0.96)
    axes = figure.add_subplot()
    for x, (vote, confidence) in enumerate(zip(reading.votes, reading.confidences, strict=True)):
        agrees = vote == reading.majority
        axes.bar(
            x,
            confidence,
            color=_AGREE if agrees else _DISAGREE,
            hatch="" if agrees else "//",
            edgecolor="black",
        )
        axes.text(x, confidence + 0.03, str(vote), ha="center", fontsize=11, fontweight="bold")
    labels = [names[key].replace(" ", "\n", 1) for key in dm.MEMBERS]
    axes.set_xticks(range(len(labels)), labels, fontsize=7)
    axes.set_ylim(0, 1.18)
    axes.set_yticks([0, 0.5, 1], [percent(v) for v in (0, 0.5, 1)])
    axes.set_ylabel(_("confidence"), fontsize=8)
    parts = "; ".join(
        _("{model}: {digit} at {confidence}").format(
            model=names[key], digit=vote, confidence=percent(confidence)
        )
        for key, vote, confidence in zip(
            dm.MEMBERS, reading.votes, reading.confidences, strict=True
        )
    )
    alt = _(
        "Bar chart of each model's confidence. {parts}. {k} of {n} models name another digit "
        "than the most common one, {majority}."
    ).format(parts=parts, k=reading.dissenters, n=len(reading.votes), majority=reading.majority)
    return chart_key() + "<br>" + figure_tag(figure, alt)


@functools.lru_cache(maxsize=1)
def _warm_up() -> None:
    """Draw one chart, so the learner's first click does not pay matplotlib's start-up."""
    reading_chart(Reading((0, 0, 0, 0, 1), (0.9, 0.8, 0.7, 0.6, 0.5), 0, 0.2, 0.7))
    dm.ensemble().proba([0.0] * dm.PIXELS)


class OutOfDistributionProbeView(ActivityView):
    """Probes one at a time (ask, then judge), a drawing grid, and the closing question.

    In a process that has not trained the five models yet, the view first says that it is
    training them, trains them in a background thread, and then shows the first probe;
    :attr:`ready` is set once it does.
    """

    def __init__(self, activity: OutOfDistributionProbe) -> None:
        self.ready = threading.Event()
        self.message = MessageArea()
        self.intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "A small neural network learned to read handwritten digits. Show it some "
                    "pictures, one at a time. Four other models, built in different ways from "
                    "the same digits, answer too. Decide each time whether you would trust the "
                    "network's answer. (The digits are scikit-learn's copy of the UCI optical "
                    "recognition of handwritten digits data: 8 by 8 pictures.)"
                )
            )
            + "</p>"
        )
        self.notice = w.HTML()
        self.notice.add_class("tt-training")
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")
        self.image = w.HTML()
        self.image.add_class("tt-probe-image")
        self.reading = w.HTML()
        self.reading.add_class("tt-reading")
        self.chart = w.HTML()
        self.chart.add_class("tt-chart")
        self.ask_button = button(_("Ask the models"), "tt-ask")
        self.ask_button.layout.align_self = "flex-start"
        self.trust = labelled(
            w.ToggleButtons(
                options=[(_("Trust the answer"), "trust"), (_("Do not trust it"), "doubt")],
                value=None,
                description=_("Your call:"),
                tooltips=[
                    _("I would act on the network's digit"),
                    _("I would not act on the network's digit"),
                ],
            ),
            "tt-trust",
            aligned=True,
        )
        # ToggleButtons alone are not laid out as a row: its label would sit above the buttons.
        self.trust.add_class("widget-inline-hbox")
        self.trust.layout.width = "auto"
        self.signal = labelled(
            w.Dropdown(
                options=[
                    (_("(optional)"), ""),
                    (_("how the picture looks"), "image"),
                    (_("the network's confidence"), "confidence"),
                    (_("how much the models disagree"), "disagreement"),
                ],
                value="",
                description=_("What told you most?"),
            ),
            "tt-signal",
            aligned=True,
        )
        self.confirm = button(_("Confirm my call"), "tt-confirm-call", style="success")
        self.confirm.layout.align_self = "flex-start"
        self.probe_step = w.VBox(
            [
                self.progress,
                w.HBox([self.image, self.reading]),
                self.chart,
                self.ask_button,
                self.trust,
                self.signal,
                self.confirm,
            ]
        )
        self.call_feedback = w.HTML()
        self.call_feedback.add_class("tt-call-feedback")
        self.review = w.HTML()
        self.review.add_class("tt-review")

        self.draw_label = w.HTML(
            "<b>"
            + html.escape(_("Draw your own picture"))
            + "</b><br>"
            + html.escape(
                _(
                    "Each square is a button: click it, or move to it with Tab and press Space, "
                    "to ink it. Then ask the models."
                )
            )
        )
        self.pixels = []
        for row in range(dm.SIDE):
            for col in range(dm.SIDE):
                pixel = w.ToggleButton(
                    value=False,
                    tooltip=_("Row {row}, column {col}").format(row=row + 1, col=col + 1),
                    layout=w.Layout(width="30px", height="30px", padding="0"),
                )
                pixel.add_class("tt-pixel")
                pixel.observe(self._on_pixel, names="value")
                self.pixels.append(pixel)
        self.grid = w.GridBox(
            self.pixels,
            layout=w.Layout(grid_template_columns="repeat(8, 32px)", grid_gap="2px"),
        )
        self.grid.add_class("tt-draw-grid")
        self.clear = button(_("Clear the drawing"), "tt-clear", style="")
        self.ask_drawing = button(_("Ask the models about my drawing"), "tt-ask-drawing")
        self.drawing = w.HTML()
        self.drawing.add_class("tt-drawing-reading")
        self.drawing_chart = w.HTML()
        self.drawing_chart.add_class("tt-drawing-chart")
        self.drawing_chart.layout = w.Layout(width="430px", flex="0 0 auto")  # never shrunk

        self.ask_button.on_click(self._on_ask)
        self.confirm.on_click(self._on_confirm)
        self.clear.on_click(self._on_clear)
        self.ask_drawing.on_click(self._on_ask_drawing)
        super().__init__(activity, [self.intro, self.notice])
        if activity.trained():
            _warm_up()
            self._show()
        else:
            self.notice.value = "<p role='status'><b>{}</b></p>".format(
                html.escape(
                    _(
                        "Training five models on handwritten digits… This takes a few seconds, "
                        "once each time the notebook starts. The first picture appears here "
                        "when they are ready."
                    )
                )
            )
            threading.Thread(target=self._prepare, name="tt-ood-training", daemon=True).start()

    def _prepare(self) -> None:
        """Train the models, start the activity and show it (run in a background thread)."""
        try:
            self.activity.events()  # starts the activity, training the models first
            self._show()
            # The first chart is needed only once the learner asks the models: show the
            # probe first, then pay matplotlib's start-up while they look at it.
            _warm_up()
        except (EvidenceError, OSError) as error:
            self.notice.value = html.escape(
                _("Your work could not be read: {error}").format(error=error)
            )
        finally:
            self.ready.set()

    def _show(self) -> None:
        """Build what needs the learner's probes, and show the activity."""
        self.judgement = JudgementQuestion.of(
            self.activity.question(),
            submit_class="tt-submit-answer",
            feedback_class="tt-verdict",
            width="100%",
        )
        self.question = self.judgement.choices
        self.submit = self.judgement.submit
        self.verdict = self.judgement.feedback
        self.submit.on_click(self._on_submit)
        self.render()
        self.children = [
            self.intro,
            self.probe_step,
            self.call_feedback,
            self.review,
            self.message,
            self.draw_label,
            self.grid,
            w.HBox([self.clear, self.ask_drawing]),
            w.HBox([self.drawing, self.drawing_chart]),
            self.judgement,
        ]
        self.ready.set()

    def tour(self):
        """Ask and judge every probe, ink a stroke, ask about it, clear, ask again, answer."""
        self.ready.wait()
        calls = []
        for number in range(len(self.activity.probes_)):
            calls += [self.ask_button.click, functools.partial(self._call, number % 2 == 0)]
        for index in (2, 3, 4, 11, 19, 27):
            calls.append(functools.partial(setattr, self.pixels[index], "value", True))
        calls += [self.ask_drawing.click, self.clear.click, self.ask_drawing.click]
        return calls + [self._answer_first]

    def _call(self, trust: bool) -> None:
        self.trust.value = "trust" if trust else "doubt"
        self.signal.value = "disagreement"
        self.confirm.click()

    def _answer_first(self) -> None:
        self.question.value = self.activity.choice_order_[0]
        self.submit.click()

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_ask(self, _button=None) -> None:
        self.activity.ask()
        self.call_feedback.value = ""
        self.render()

    @guarded
    def _on_confirm(self, _button=None) -> None:
        if self.trust.value is None:
            self.message.say(_("Choose whether you trust the answer first."))
            return
        activity = self.activity
        probe = activity.current
        activity.judge(self.trust.value == "trust", self.signal.value or None)
        number = activity.probes_.index(probe) + 1
        self.call_feedback.value = call_html(probe, activity.judgements_[probe.probe_id], number)
        self.render()

    @guarded
    def _on_pixel(self, change) -> None:
        change["owner"].button_style = "info" if change["new"] else ""

    @guarded
    def _on_clear(self, _button=None) -> None:
        for pixel in self.pixels:
            pixel.value = False
        self.drawing.value = ""
        self.drawing_chart.value = ""

    @guarded
    def _on_ask_drawing(self, _button=None) -> None:
        pixels = [int(p.value) for p in self.pixels]
        reading = self.activity.draw(pixels)
        alt = _("Your drawing, {n} of 64 squares inked").format(n=sum(pixels))
        self.drawing.value = digit_tag(pixels, alt, size=96) + reading_html(reading)
        self.drawing_chart.value = reading_chart(reading)

    @guarded
    def _on_submit(self, _button=None) -> None:
        self.activity.answer(self.judgement.chosen())
        self.render_question()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the current probe (or the review when all are judged) and the question."""
        activity = self.activity
        probe = activity.current
        total = len(activity.probes_)
        self.trust.value = None
        self.signal.value = ""
        if probe is None:
            self.probe_step.layout.display = "none"
            self.review.value = self.review_html()
        else:
            number = activity.probes_.index(probe) + 1
            self.probe_step.layout.display = None
            self.review.value = ""
            self.progress.value = html.escape(_("Probe {k} of {n}").format(k=number, n=total))
            self.image.value = digit_tag(probe.pixels, probe_alt(probe, number))
            asked = activity.asked
            self.ask_button.disabled = asked
            self.trust.disabled = not asked
            self.signal.disabled = not asked
            self.confirm.disabled = not asked
            if asked:
                self.reading.value = reading_html(probe.reading)
                self.chart.value = reading_chart(probe.reading)
            else:
                self.reading.value = html.escape(
                    _("Press 'Ask the models' to see what they say about this picture.")
                )
                self.chart.value = ""
        self.render_question()

    def render_question(self) -> None:
        """Open the question once every probe is judged; lock it once answered."""
        activity = self.activity
        choice = activity.choice_
        ready = activity.current is None
        if not ready:
            text = _("Judge every probe first; then this question opens.")
        elif choice is None:
            text = ""
        elif QUESTION.is_right(choice):
            text = _(
                "Yes. Confidence is a share of 100% over the ten digits, so nonsense still gets "
                "a confident answer. Models built differently agree where they learned and "
                "drift apart away from it, so their disagreement is a warning; their agreement "
                "is no proof, though. (Using several models this way: Lakshminarayanan et al. "
                "2017; Google PAIR, 'From confidently incorrect models to humble ensembles'.)"
            )
        else:
            text = _(
                "Not quite. Look back at the static and the letters: how confident was the "
                "network, and how many models agreed with it?"
            )
        # Until then the choices stay hidden: they would give the lesson away.
        shown = None if ready or choice is not None else "none"
        self.judgement.prompt.layout.display = shown
        self.question.layout.display = self.submit.layout.display = shown
        self.judgement.show(choice, text, ready=ready)

    def review_html(self) -> str:
        """Every probe with the models' answers, the learner's call and the careful call."""
        activity = self.activity
        kinds = kind_names()
        rows = []
        for number, probe in enumerate(activity.probes_, start=1):
            judgement = activity.judgements_[probe.probe_id]
            rows.append(
                [
                    number,
                    kinds[probe.kind],
                    probe.reading.answer,
                    percent(probe.reading.confidence),
                    f"{probe.reading.dissenters} / {len(probe.reading.votes)}",
                    _("trust") if judgement.trust else _("do not trust"),
                    _("trust") if probe.trustworthy else _("do not trust"),
                ]
            )
        good = sum(bool(activity.judged_well(p)) for p in activity.probes_)
        caption = _("Your calls: {good} of {n} were the careful one").format(good=good, n=len(rows))
        header = [
            _("Probe"),
            _("What it was"),
            _("Network's digit"),
            _("Network's confidence"),
            _("Models disagreeing"),
            _("Your call"),
            _("Careful call"),
        ]
        note = _(
            "The network never says 'this is not a digit': it was only ever asked to choose "
            "among ten. Kinds of input it never learned from are where confident nonsense "
            "comes from."
        )
        return table_html(caption, header, rows) + f"<p>{html.escape(note)}</p>"
