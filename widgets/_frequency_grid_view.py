"""The ipywidgets view of a :class:`~thinktwice.widgets.frequency_grid.FrequencyGrid`."""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets as w
import numpy as np

from ._view_kit import ActivityView, MessageArea, button, guarded, labelled, table_html
from .activity import ActivityError
from .frequency_grid import LIMITS, MAMMOGRAPHY, Counts, FrequencyGrid, Rates, counts
from .i18n import _
from .style import PALETTE, image_tag, percent, pixels_png

#: The grid's shape: columns by rows of people.
COLUMNS, ROWS = 40, 25
#: One person's square, and the gap around it, in pixels.
CELL, GAP = 12, 2
#: Fill colours: people with the condition, and without it.
SICK_RGB = (213, 94, 0)  # Okabe-Ito vermillion
HEALTHY_RGB = (205, 205, 205)
DOT_RGB = (0, 0, 0)
assert PALETTE["vermillion"].lower() == "#d55e00"


def _tile(fill, dot: bool) -> np.ndarray:
    size = CELL + GAP
    tile = np.full((size, size, 3), 255, dtype=np.uint8)
    tile[GAP // 2 : GAP // 2 + CELL, GAP // 2 : GAP // 2 + CELL] = fill
    if dot:
        a = GAP // 2 + CELL // 3
        b = a + CELL // 3
        tile[a:b, a:b] = DOT_RGB
    return tile


#: Sick and positive, sick and negative, healthy and positive, healthy and negative.
_TILES = np.stack(
    [
        _tile(SICK_RGB, True),
        _tile(SICK_RGB, False),
        _tile(HEALTHY_RGB, True),
        _tile(HEALTHY_RGB, False),
    ]
)


def grid_png(c: Counts) -> bytes:
    """The people of ``c`` as squares, row by row: the sick first, the positives marked."""
    kinds = np.repeat(
        np.arange(4),
        [
            c.sick_positive,
            c.sick - c.sick_positive,
            c.healthy_positive,
            c.healthy - c.healthy_positive,
        ],
    )
    tiles = _TILES[kinds.reshape(ROWS, COLUMNS)]  # rows, columns, y, x, colour
    size = CELL + GAP
    return pixels_png(tiles.transpose(0, 2, 1, 3, 4).reshape(ROWS * size, COLUMNS * size, 3))


def _swatch(fill, dot: bool) -> str:
    colour = "rgb({},{},{})".format(*fill)
    inner = "<span style='width:4px;height:4px;background:#000'></span>" if dot else ""
    return (
        f"<span aria-hidden='true' style='display:inline-flex;align-items:center;"
        f"justify-content:center;width:12px;height:12px;vertical-align:middle;"
        f"background:{colour}'>{inner}</span>"
    )


def legend_html(c: Counts) -> str:
    """What the squares and dots mean, with the count of each kind of person."""
    items = [
        (SICK_RGB, True, _("has the condition, tests positive"), c.sick_positive),
        (SICK_RGB, False, _("has the condition, tests negative"), c.sick - c.sick_positive),
        (HEALTHY_RGB, True, _("does not have it, tests positive"), c.healthy_positive),
        (HEALTHY_RGB, False, _("does not have it, tests negative"), c.healthy - c.healthy_positive),
    ]
    parts = "".join(
        f"<li style='list-style:none'>{_swatch(fill, dot)} {html.escape(text)}: <b>{n}</b></li>"
        for fill, dot, text, n in items
    )
    head = html.escape(_("One square is one person. A black dot means a positive test."))
    return f"<p>{head}</p><ul style='padding-left:0'>{parts}</ul>"


def counts_table(c: Counts) -> str:
    """The grid's counts as a table: condition by test result."""
    header = [_("People"), _("Test positive"), _("Test negative"), _("In all")]
    rows = [
        [_("With the condition"), c.sick_positive, c.sick - c.sick_positive, c.sick],
        [_("Without it"), c.healthy_positive, c.healthy - c.healthy_positive, c.healthy],
        [_("Everyone"), c.positive, c.population - c.positive, f"{c.population:,}"],
    ]
    return table_html(_("The grid in numbers"), header, rows)


def rates_text(rates: Rates) -> str:
    """The three rates in one sentence."""
    return _(
        "{prevalence}% of the people screened have the condition. The test finds "
        "{sensitivity}% of the people who have it. It also flags {false_positive}% of the "
        "people who do not have it (false positives)."
    ).format(
        prevalence=f"{rates.prevalence:g}",
        sensitivity=f"{rates.sensitivity:g}",
        false_positive=f"{rates.false_positive:g}",
    )


def _number(text: str, missing: str) -> float:
    try:
        return float(text.strip().rstrip("%").replace(",", "."))
    except ValueError:
        raise ActivityError(missing) from None


def _count(text: str) -> int:
    try:
        return int(text.strip().replace(",", ""))
    except ValueError:
        raise ActivityError(_("Write each count as a whole number of people.")) from None


def _slider(key: str, description: str) -> w.FloatSlider:
    low, high, step = LIMITS[key]
    return labelled(
        w.FloatSlider(
            value=getattr(MAMMOGRAPHY, key),
            min=low,
            max=high,
            step=step,
            description=description,
            readout_format=".1f",
            continuous_update=False,
            layout=w.Layout(width="42em"),
        ),
        f"tt-rate-{key.replace('_', '-')}",
        aligned=True,
    )


def _hidden(box: w.Box, hidden: bool) -> None:
    box.layout.display = "none" if hidden else None


class FrequencyGridView(ActivityView):
    """The estimate, then the grid of 1,000 people with its sliders, then the learner's scenario."""

    def __init__(self, grid: FrequencyGrid) -> None:
        self.grid = grid
        self._drawing = False
        self.message = MessageArea()
        question = _(
            "Someone tests positive. What is the chance that they really have the condition?"
        )
        self.intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "A screening test checks people who feel well for a hidden condition. Here are "
                    "its three rates:"
                )
            )
            + f"</p><p><b>{html.escape(rates_text(MAMMOGRAPHY))}</b></p>"
            + f"<p><b>{html.escape(question)}</b> "
            + html.escape(
                _(
                    "Estimate it before you see anything else: your first estimate counts. "
                    "Write a percentage from 0 to 100."
                )
            )
            + "</p>"
        )
        self.estimate_box = labelled(
            w.Text(description=_("Your estimate, in %:"), placeholder=_("a number")),
            "tt-estimate",
        )
        self.estimate_button = button(_("Submit my estimate"), "tt-submit-estimate")
        self.estimate_button.on_click(self._on_estimate)
        self.estimate_feedback = w.HTML()
        self.estimate_feedback.add_class("tt-estimate-feedback")

        # -- the grid, shown after the estimate
        self.picture = w.HTML()
        self.picture.add_class("tt-grid")
        self.legend = w.HTML()
        self.sentence = w.HTML()
        self.sentence.add_class("tt-grid-sentence")
        self.table = w.HTML()
        self.after_box = labelled(
            w.Text(description=_("Your answer now, in %:"), placeholder=_("a number")),
            "tt-after",
        )
        self.after_button = button(_("Submit my answer"), "tt-submit-after")
        self.after_button.on_click(self._on_after)
        self.after_feedback = w.HTML()
        self.after_feedback.add_class("tt-after-feedback")
        self.sliders = {
            "prevalence": _slider("prevalence", _("Have the condition (%)")),
            "sensitivity": _slider("sensitivity", _("Test finds, of those (%)")),
            "false_positive": _slider("false_positive", _("False positives (%)")),
        }
        for slider in self.sliders.values():
            slider.observe(self._on_slider, names="value")
        self.reset = button(_("Back to 0.8%, 90% and 7%"), "tt-reset", style="")
        self.reset.on_click(self._on_reset)
        grid_head = w.HTML("<h4>" + html.escape(_("The same question, as 1,000 people")) + "</h4>")
        after_text = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "Look at the people with a black dot: they test positive. How many of them "
                    "have the condition? Answer the question again, for 0.8%, 90% and 7% (press "
                    "the button below the sliders if you have moved them). Your first answer "
                    "here counts too."
                )
            )
            + "</p>"
        )
        explore_text = w.HTML(
            "<h4>"
            + html.escape(_("Change the rates"))
            + "</h4><p>"
            + html.escape(
                _(
                    "Move a slider and watch the grid and the answer change. Try a condition "
                    "that one person in five has, or a test with no false positives."
                )
            )
            + "</p>"
        )
        scenario = grid.scenario_
        self.scenario_text = w.HTML(
            "<h4>"
            + html.escape(_("Your own screening test"))
            + "</h4><p>"
            + html.escape(_("An invented test for another condition, in a town of 1,000 people."))
            + f" <b>{html.escape(rates_text(scenario))}</b> "
            + html.escape(
                _(
                    "Work the counts out on paper first, as the grid does; then you may check "
                    "them with the sliders. How many people have the condition and test "
                    "positive? How many test positive in all? Your first answer counts."
                )
            )
            + "</p>"
        )
        self.sick_positive_box = labelled(
            w.Text(description=_("Have it and test positive:"), placeholder=_("people")),
            "tt-sick-positive",
            aligned=True,
        )
        self.positive_box = labelled(
            w.Text(description=_("Test positive in all:"), placeholder=_("people")),
            "tt-positive",
            aligned=True,
        )
        self.scenario_button = button(_("Submit my counts"), "tt-submit-scenario")
        self.scenario_button.on_click(self._on_scenario)
        self.scenario_feedback = w.HTML()
        self.scenario_feedback.add_class("tt-scenario-feedback")
        self.revealed = w.VBox(
            [
                grid_head,
                self.picture,
                self.legend,
                self.sentence,
                self.table,
                after_text,
                self.after_box,
                self.after_button,
                self.after_feedback,
                explore_text,
                *self.sliders.values(),
                self.reset,
                self.scenario_text,
                self.sick_positive_box,
                self.positive_box,
                self.scenario_button,
                self.scenario_feedback,
            ]
        )
        for b in (self.estimate_button, self.after_button, self.reset, self.scenario_button):
            b.layout.align_self = "flex-start"
        super().__init__(
            grid,
            [
                self.intro,
                self.estimate_box,
                self.estimate_button,
                self.estimate_feedback,
                self.message,
                self.revealed,
            ],
        )
        self.render()

    def tour(self) -> list[Callable[[], object]]:
        """Estimate (first with nothing written), answer again, move each slider, count."""

        def write(box, text, submit):
            def call():
                box.value = text
                submit.click()

            return call

        def move(key, value):
            def call():
                self.sliders[key].value = value

            return call

        def scenario():
            truth = counts(self.grid.scenario_)
            self.sick_positive_box.value = str(truth.sick_positive)
            self.positive_box.value = str(truth.positive)
            self.scenario_button.click()

        return [
            self.estimate_button.click,
            write(self.estimate_box, "60", self.estimate_button),
            write(self.after_box, "9", self.after_button),
            move("prevalence", 20.0),
            move("false_positive", 0.0),
            move("sensitivity", 50.0),
            self.reset.click,
            scenario,
        ]

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_estimate(self, _button=None) -> None:
        value = _number(self.estimate_box.value, _("Write a percentage: a number from 0 to 100."))
        self.grid.estimate(value)
        self.render()

    @guarded
    def _on_after(self, _button=None) -> None:
        value = _number(self.after_box.value, _("Write a percentage: a number from 0 to 100."))
        self.grid.answer_after(value)
        self.render()

    @guarded
    def _on_slider(self, _change=None) -> None:
        if self._drawing:
            return
        rates = Rates(**{key: float(s.value) for key, s in self.sliders.items()})
        if rates != self.grid.rates_:
            self.grid.explore(rates)
        self.render()

    @guarded
    def _on_reset(self, _button=None) -> None:
        if self.grid.rates_ != MAMMOGRAPHY:
            self.grid.explore(MAMMOGRAPHY)
        self.render()

    @guarded
    def _on_scenario(self, _button=None) -> None:
        self.grid.answer_scenario(
            _count(self.sick_positive_box.value), _count(self.positive_box.value)
        )
        self.render()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Lock what is answered, and draw the grid for the rates the sliders show."""
        grid = self.grid
        revealed = grid.revealed
        _hidden(self.revealed, not revealed)
        self.estimate_box.disabled = self.estimate_button.disabled = revealed
        if revealed:
            self.estimate_box.value = f"{grid.estimate_:g}"
            truth = counts(MAMMOGRAPHY)
            self.estimate_feedback.value = html.escape(
                _(
                    "Your estimate: {estimate}%. Now look at the same question as counts of "
                    "people, below."
                ).format(estimate=f"{grid.estimate_:g}")
            )
        if not revealed:
            return
        self._draw_grid()
        answered = grid.after_ is not None
        self.after_box.disabled = self.after_button.disabled = answered
        if answered:
            self.after_box.value = f"{grid.after_:g}"
            self.after_feedback.value = html.escape(
                _(
                    "You answered {after}%. The grid gives {k} of {n}, which is {share}; the "
                    "exact chance is {exact}. Your first estimate was {estimate}%."
                ).format(
                    after=f"{grid.after_:g}",
                    k=truth.sick_positive,
                    n=truth.positive,
                    share=percent(truth.share, 1),
                    exact=percent(MAMMOGRAPHY.chance(), 1),
                    estimate=f"{grid.estimate_:g}",
                )
            )
        done = grid.scenario_answer_ is not None
        for control in (self.sick_positive_box, self.positive_box, self.scenario_button):
            control.disabled = done
        if done:
            given, right = grid.scenario_answer_, grid.scenario_counts()
            self.sick_positive_box.value = str(given["sick_positive"])
            self.positive_box.value = str(given["positive"])
            verdict = (
                _("✓ Both counts are right.") if grid.scenario_credit() == 1 else _("✗ Not quite.")
            )
            self.scenario_feedback.value = (
                f"<p><b>{html.escape(verdict)}</b> {html.escape(right.sentence())}</p>"
            )

    def _draw_grid(self) -> None:
        rates = self.grid.rates_
        self._drawing = True
        try:
            for key, slider in self.sliders.items():
                slider.value = getattr(rates, key)
        finally:
            self._drawing = False
        c = counts(rates)
        sentence = c.sentence()
        self.picture.value = image_tag(
            grid_png(c), _("A grid of 1,000 squares, one per person.") + " " + sentence, width=560
        )
        self.legend.value = legend_html(c)
        self.sentence.value = (
            f"<p role='status' aria-live='polite'><b>{html.escape(sentence)}</b></p>"
        )
        self.table.value = counts_table(c)
