"""The ipywidgets view of a :class:`~thinktwice.widgets.chart_detective.ChartDetective`."""

from __future__ import annotations

import html

import ipywidgets as w

from ._view_kit import (
    MessageArea,
    button,
    guarded,
    labelled,
    table_html,
)
from .chart_detective import (
    TRICKS,
    ChartDetective,
    _window,
    trick_explanation,
    trick_label,
)
from .i18n import _
from .style import figure_png, image_tag

#: The view control that redraws each trick's chart, by trick.
_CONTROL_SETTING = {
    "truncated-axis": "y_start",
    "dual-axes": "layout",
    "cherry-picked": "window",
    "area-distortion": "encoding",
}


def chart_table(detective: ChartDetective, index: int, **changes) -> str:
    """The numbers a chart shows, as a table (the text alternative of the plot)."""
    chart = detective.charts_[index]
    if chart.trick == "truncated-axis":
        header = [_("Study app"), _("Pupils who passed the quiz (%)")]
        rows = [[x, f"{y:g}"] for x, y in zip(chart.x, chart.y, strict=True)]
    elif chart.trick == "dual-axes":
        header = [_("Month"), _("AI tutor hours per week"), _("Average test score")]
        rows = [[m, f"{h:g}", f"{s:g}"] for m, h, s in zip(chart.x, chart.y, chart.y2, strict=True)]
    elif chart.trick == "cherry-picked":
        first, last = _window(chart, detective.settings(index, **changes))
        header = [_("Month"), _("Website visits (thousands)")]
        rows = [[m, f"{v:g}"] for m, v in zip(chart.x, chart.y, strict=True) if first <= m <= last]
    else:
        header = [_("Data centre"), _("Cooling water (million litres)")]
        rows = [[x, f"{y:g}"] for x, y in zip(chart.x, chart.y, strict=True)]
    caption = _("The numbers in chart {k}").format(k=index + 1)
    return (
        f"<details><summary>{html.escape(caption)}</summary>"
        f"{table_html(caption, header, rows)}</details>"
    )


def summary_table(summary: dict) -> str:
    """What the check read from a figure, one row per axes that shows data."""

    def pair(values) -> str:
        return _("{a:g} to {b:g}").format(a=min(values), b=max(values))

    rows = []
    for k, axes in enumerate(summary["axes"], start=1):
        sizes = "; ".join(", ".join(f"{s:g}" for s in group) for group in axes["sizes"])
        rows.append(
            [
                k,
                pair(axes["xlim"]),
                pair(axes["ylim"]),
                ", ".join(f"{b:g}" for b in axes["bars"]) or "-",
                len(axes["lines"]),
                sizes or "-",
            ]
        )
    header = [
        _("Axes"),
        _("x axis"),
        _("y axis"),
        _("Bar lengths"),
        _("Lines"),
        _("Marker areas (pt²)"),
    ]
    return table_html(_("What the check read from your figure"), header, rows)


class ChartDetectiveView(w.VBox):
    """Pick a chart, name its trick, then redraw it with controls and check the redraw."""

    def __init__(self, detective: ChartDetective) -> None:
        self.detective = detective
        n = len(detective.charts_)
        self.message = MessageArea()
        self.intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "An assistant made these {n} charts for a school newsletter. Each hides one "
                    "trick from the chapter on data visualization in Bergstrom and West, Calling "
                    "Bullshit (2020). Pick a chart, name its trick (your first answer counts), "
                    "then redraw it honestly."
                ).format(n=n)
            )
            + "</p>"
        )
        self.picker = labelled(
            w.ToggleButtons(
                options=[(_("Chart {k}").format(k=i + 1), i) for i in range(n)],
                value=0,
                description=_("Chart:"),
                tooltips=[_("Show chart {k}").format(k=i + 1) for i in range(n)],
            ),
            "tt-chart-picker",
        )
        self.chart = w.HTML()
        self.chart.add_class("tt-chart")
        self.chart_numbers = w.HTML()
        self.trick = labelled(
            w.ToggleButtons(
                options=[(trick_label(t), t) for t in TRICKS],
                value=None,
                description=_("Its trick:"),
                tooltips=[trick_label(t) for t in TRICKS],
                style={"button_width": "auto"},
            ),
            "tt-trick",
        )
        self.name_button = button(_("Name the trick"), "tt-name")
        self.verdict = w.HTML()
        self.verdict.add_class("tt-verdict")

        self.y_start = labelled(
            w.IntSlider(
                value=0,
                min=0,
                max=100,
                description=_("The y axis starts at"),
                continuous_update=False,
            ),
            "tt-y-start",
        )
        self.layout_choice = labelled(
            w.ToggleButtons(
                options=[
                    (_("Two y axes on one plot"), "twin"),
                    (_("Two separate panels"), "panels"),
                    (_("One axis: change since month 1"), "change"),
                ],
                description=_("Layout:"),
                style={"button_width": "auto"},
            ),
            "tt-layout",
        )
        self.window = labelled(
            w.IntRangeSlider(
                value=(1, 2), min=1, max=2, description=_("Months shown"), continuous_update=False
            ),
            "tt-window",
        )
        self.encoding = labelled(
            w.ToggleButtons(
                options=[
                    (_("Radius"), "radius"),
                    (_("Area"), "area"),
                    (_("Bar length"), "length"),
                ],
                description=_("The value sets the symbol's:"),
                style={"button_width": "auto"},
            ),
            "tt-encoding",
        )
        self.controls = {
            "truncated-axis": self.y_start,
            "dual-axes": self.layout_choice,
            "cherry-picked": self.window,
            "area-distortion": self.encoding,
        }
        self.redraw_help = w.HTML()
        self.preview = w.HTML()
        self.preview.add_class("tt-preview")
        self.check_button = button(_("Check my redraw"), "tt-check", style="success")
        self.check_result = w.HTML()
        self.check_result.add_class("tt-check-result")
        self.redraw_box = w.VBox(
            [
                self.redraw_help,
                *self.controls.values(),
                self.preview,
                self.check_button,
                self.check_result,
            ]
        )
        self.progress = w.HTML()
        self.progress.add_class("tt-progress")

        # The assistant's charts are drawn once; the learner's settings are kept per chart.
        self._settings = [dict(detective.charts_[i].tricked) for i in range(n)]
        self._figure = None
        self._updating = False
        # Previews already drawn, by chart and settings: toggling back is instant. The first
        # preview of a chart is the assistant's version, drawn here with the chart itself.
        self._previews = {}
        self._tricked_html = []
        for i in range(n):
            png = figure_png(detective.tricked_figure(i))
            self._tricked_html.append(image_tag(png, detective.describe(i)))
            alt = _("Your redraw: {description}").format(description=detective.describe(i))
            self._previews[self._preview_key(i, self._settings[i])] = image_tag(png, alt)

        self.picker.observe(self._on_pick, names="value")
        self.name_button.on_click(self._on_name)
        for control in self.controls.values():
            control.observe(self._on_control, names="value")
        self.check_button.on_click(self._on_check)
        super().__init__(
            [
                self.intro,
                self.picker,
                self.chart,
                self.chart_numbers,
                self.trick,
                self.name_button,
                self.verdict,
                self.redraw_box,
                self.message,
                self.progress,
            ]
        )
        self.add_class("tt-chart-detective")
        self.show_chart()

    @property
    def index(self) -> int:
        """The chart on show."""
        return self.picker.value

    # -- handlers ------------------------------------------------------------------------------
    @guarded
    def _on_pick(self, change=None) -> None:
        self.show_chart()

    @guarded
    def _on_name(self, _button=None) -> None:
        if self.trick.value is None:
            self.message.say(_("Choose a trick first."))
            return
        self.detective.name_trick(self.index, self.trick.value)
        self.show_chart()

    @guarded
    def _on_control(self, change) -> None:
        if self._updating:
            return
        trick = self.detective.charts_[self.index].trick
        value = change["new"]
        self._settings[self.index][_CONTROL_SETTING[trick]] = (
            tuple(value) if isinstance(value, tuple | list) else value
        )
        self.check_result.value = ""
        self.draw_preview()

    @guarded
    def _on_check(self, _button=None) -> None:
        if self._figure is None:
            self.message.say(_("Name this chart's trick before you redraw it."))
            return
        self.detective.submit_redraw(self.index, self._figure)
        self.show_result()
        self.show_progress()

    # -- drawing -------------------------------------------------------------------------------
    def show_chart(self) -> None:
        """Show the chart picked, its naming step, and its redraw step once it is named."""
        i, detective = self.index, self.detective
        chart = detective.charts_[i]
        self.chart.value = self._tricked_html[i]
        self.chart_numbers.value = chart_table(detective, i)
        named = detective.named_.get(i)
        self.trick.value = named
        self.trick.disabled = named is not None
        self.name_button.disabled = named is not None
        if named is None:
            self.verdict.value = ""
            self.redraw_box.layout.display = "none"
            self._figure = None
            self.show_progress()
            return
        if named == chart.trick:
            verdict = _("Right: {trick}.").format(trick=trick_label(chart.trick))
        else:
            verdict = _("Not quite: you named {named}; this chart's trick is {trick}.").format(
                named=trick_label(named), trick=trick_label(chart.trick)
            )
        self.verdict.value = (
            f"<p><b>{html.escape(verdict)}</b> {html.escape(trick_explanation(chart.trick))}</p>"
        )
        self.redraw_box.layout.display = None
        self.redraw_help.value = (
            "<p>"
            + html.escape(
                _(
                    "Redraw it honestly with the control below, then check it. Or draw it with "
                    "your own matplotlib code and call detective.submit_redraw({i}, fig) on a "
                    "ChartDetective() object."
                ).format(i=i)
            )
            + "</p>"
        )
        self._updating = True
        try:
            for trick, control in self.controls.items():
                control.layout.display = None if trick == chart.trick else "none"
            value = self._settings[i][_CONTROL_SETTING[chart.trick]]
            if chart.trick == "truncated-axis":
                self.y_start.max = int(min(chart.y))
                self.y_start.value = int(value)
            elif chart.trick == "cherry-picked":
                self.window.min, self.window.max = chart.x[0], chart.x[-1]
                self.window.value = tuple(value)
            else:
                self.controls[chart.trick].value = value
        finally:
            self._updating = False
        self.draw_preview()
        self.show_result()
        self.show_progress()

    def draw_preview(self) -> None:
        """Draw the redraw the controls describe."""
        i = self.index
        settings = self._settings[i]
        self._figure = self.detective.redraw_figure(i, **settings)
        key = self._preview_key(i, settings)
        if key not in self._previews:
            alt = _("Your redraw: {description}").format(
                description=self.detective.describe(i, **settings)
            )
            self._previews[key] = image_tag(figure_png(self._figure), alt)
        self.preview.value = self._previews[key]

    @staticmethod
    def _preview_key(index: int, settings: dict) -> tuple:
        return index, tuple(sorted((k, repr(v)) for k, v in settings.items()))

    def show_result(self) -> None:
        """Show the verdict on the chart's last checked redraw, if any."""
        result = self.detective.last_result_.get(self.index)
        if result is None:
            self.check_result.value = ""
            return
        if result.passed:
            head = _("Your redraw passes: it shows the data honestly.")
        else:
            head = _("Not yet honest:")
        problems = "".join(f"<li>{html.escape(p)}</li>" for p in result.problems)
        self.check_result.value = (
            f"<p><b>{html.escape(head)}</b></p>"
            + (f"<ul>{problems}</ul>" if problems else "")
            + summary_table(result.summary)
        )

    def show_progress(self) -> None:
        """How far the learner is, in words."""
        d = self.detective
        n = len(d.charts_)
        self.progress.value = html.escape(
            _("Tricks named: {named} of {n}. Redraws passed: {passed} of {n}.").format(
                named=len(d.named_), passed=len(d.passed_), n=n
            )
        )
