"""The ipywidgets view of a :class:`~thinktwice.widgets.reidentification.ReidentificationLab`."""

from __future__ import annotations

import html
import io

import ipywidgets as w
from matplotlib.ticker import NullLocator

from . import _view_kit as kit
from . import style
from .i18n import _
from .reidentification import (
    BIRTH_LEVELS,
    K_TARGET,
    RIGHT_CHOICE,
    SIZE_BINS,
    ReidentificationLab,
    Release,
    Setting,
    birth_label,
    choice_labels,
    size_label,
)


def _percent(value: float | None) -> str:
    return _("undefined") if value is None else f"{value:.0%}"


def _share(value: float | None) -> str:
    return _("undefined") if value is None else f"{value:.1%}"


class HistogramFigure:
    """A histogram of people by the size of their group, drawn once and then updated.

    Handlers only change the bars' heights and labels before saving the PNG: building the
    figure afresh each time would take most of the 100 ms a handler may use.
    """

    def __init__(self) -> None:
        labels = [size_label(low, high) for low, high in SIZE_BINS]
        figure = self.figure = style.new_figure(5.6, 2.9)
        axes = self.axes = figure.add_axes((0.13, 0.2, 0.85, 0.77))
        # A log scale, so that four exposed people still show beside thousands hidden ones.
        axes.set_ylim(0.8, 10)
        axes.set_yscale("log")
        # Fixed ticks: the automatic log ticks lay out many labels on every redraw.
        axes.yaxis.set_minor_locator(NullLocator())
        axes.set_yticks([1, 10, 100, 1000, 10000], ["1", "10", "100", "1000", "10000"])
        exposed = [high is not None and high < K_TARGET for _low, high in SIZE_BINS]
        self.bars = axes.bar(
            range(len(labels)),
            [1] * len(labels),
            color=[style.PALETTE["vermillion"] if e else style.PALETTE["blue"] for e in exposed],
            edgecolor=style.PALETTE["black"],
            linewidth=1.2,
        )
        for bar, is_exposed in zip(self.bars, exposed, strict=True):
            bar.set_linestyle("--" if is_exposed else "-")  # a cue besides the colour
        self.counts = [
            axes.text(bar.get_x() + bar.get_width() / 2, 0, "", ha="center", va="bottom")
            for bar in self.bars
        ]
        divider = sum(exposed) - 0.5
        axes.axvline(divider, color=style.PALETTE["black"], linestyle=":", linewidth=1)
        self.left = axes.text(
            divider - 0.1, 0, _("exposed (k < {k})").format(k=K_TARGET), ha="right", fontsize=8
        )
        self.right = axes.text(divider + 0.1, 0, _("hidden in a crowd"), ha="left", fontsize=8)
        axes.set_xticks(range(len(labels)), labels)
        axes.set_xlabel(_("Group size (people sharing the same released values)"))
        axes.set_ylabel(_("People (log scale)"))

    def html(self, release: Release) -> str:
        """The histogram of ``release`` as an ``<img>`` with alt text."""
        people = [count for _label, count, _classes in release.histogram]
        for bar, text, count in zip(self.bars, self.counts, people, strict=True):
            bar.set_height(count)
            text.set_y(max(count, 1))
            text.set_text(str(count))
        top = max(people) or 1
        self.axes.set_ylim(0.8, top * 6)
        self.left.set_y(top * 2.5)
        self.right.set_y(top * 2.5)
        anon = release.anonymity
        alt = _(
            "Histogram of people by the size of their group. {unique} of people are alone in "
            "their group and {small} are in groups smaller than {k}; the smallest group has "
            "{smallest}."
        ).format(
            unique=_share(anon.unique_share),
            small=_share(anon.small_share),
            k=K_TARGET,
            smallest=anon.k,
        )
        buffer = io.BytesIO()  # light compression: a third faster to encode than the default
        self.figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
        return style.image_tag(buffer.getvalue(), alt)


def histogram_table_html(release: Release) -> str:
    """The histogram's numbers: people and groups per group size."""
    return kit.table_html(
        _("People by the size of their group"),
        [_("Group size"), _("People"), _("Groups")],
        [[label, people, classes] for label, people, classes in release.histogram],
    )


def summary_html(lab: ReidentificationLab, release: Release) -> str:
    """The setting's risk and usefulness in words."""
    anon = release.anonymity
    verdict = (
        _("Goal reached: everyone shares their values with at least {others} others.").format(
            others=K_TARGET - 1
        )
        if anon.meets_target
        else _("Not yet: some people are in groups smaller than {k}.").format(k=K_TARGET)
    )
    rows = [
        (_("People alone in their group (unique)"), _share(anon.unique_share)),
        (_("k, the size of the smallest group"), str(anon.k)),
        (_("People in groups smaller than {k}").format(k=K_TARGET), _share(anon.small_share)),
        (
            _("Usefulness (share of the original model's R squared kept)"),
            _percent(release.usefulness),
        ),
    ]
    body = "".join(
        f"<tr><th scope='row' style='text-align:left'>{html.escape(name)}</th>"
        f"<td>{html.escape(value)}</td></tr>"
        for name, value in rows
    )
    caption = html.escape(release.setting.describe())
    return (
        f"<table class='tt-table'><caption>{caption}</caption>{body}</table>"
        f"<p role='status'><b>{html.escape(verdict)}</b></p>"
    )


def sample_html(lab: ReidentificationLab, setting: Setting) -> str:
    """The first rows of the released table."""
    return kit.table_html(
        _("The first rows of the released table (no names)"),
        [_("Postcode"), _("Sex"), _("Birth date"), _("Diagnosis")],
        lab.sample_rows(setting),
    )


def tried_html(lab: ReidentificationLab) -> str:
    """Every setting tried so far, newest first."""
    rows = []
    for setting in reversed(lab.tried_):
        release = lab.releases_[setting]
        rows.append(
            [
                setting.describe(),
                _share(release.anonymity.unique_share),
                release.anonymity.k,
                _percent(release.usefulness),
            ]
        )
    return kit.table_html(
        _("Settings you tried ({n})").format(n=len(lab.tried_)),
        [_("Setting"), _("Unique"), _("k"), _("Usefulness")],
        rows,
    )


class ReidentificationView(w.VBox):
    """Generalisation controls, the risk and usefulness they give, and a judgement question."""

    def __init__(self, lab: ReidentificationLab) -> None:
        self.lab = lab
        self.message = kit.MessageArea()
        intro = w.HTML(
            "<p>"
            + html.escape(
                _(
                    "An invented health board wants to publish a table of {n} patients for "
                    "research, without names. Sweeney (2000) estimated that 87% of the US "
                    "population was likely unique on 5-digit ZIP code, gender and date of birth. "
                    "How many of these invented people are unique on the same three columns? "
                    "Coarsen the columns until every person shares their values with at least "
                    "{others} others (k >= {k}, Sweeney 2002), and keep the table as useful as "
                    "you can: a researcher uses it to study blood pressure by age, sex and place."
                ).format(n=len(lab.people_["postcode"]), others=K_TARGET - 1, k=K_TARGET)
            )
            + "</p>"
        )
        self.postcode = kit.labelled(
            w.IntSlider(
                value=5,
                min=0,
                max=5,
                step=1,
                description=_("Postcode digits kept"),
                continuous_update=False,
            ),
            "tt-postcode",
        )
        self.birth = kit.labelled(
            w.Dropdown(
                options=[(birth_label(level), level) for level in BIRTH_LEVELS],
                value="day",
                description=_("Birth date kept as"),
                layout=w.Layout(width="280px"),
            ),
            "tt-birth",
        )
        self.sex = kit.labelled(
            w.Dropdown(
                options=[(_("kept"), True), (_("suppressed"), False)],
                value=True,
                description=_("Sex"),
                layout=w.Layout(width="160px"),
            ),
            "tt-sex",
        )
        self.summary = w.HTML()
        self.summary.add_class("tt-summary")
        self.histogram = w.HTML()
        self._figure = HistogramFigure()
        self.histogram.add_class("tt-histogram")
        self.histogram_table = w.HTML()
        self.histogram_table.add_class("tt-histogram-table")
        self.sample = w.HTML()
        self.sample.add_class("tt-sample")
        self.tried = w.HTML()
        self.tried.add_class("tt-tried")
        self.judgement = kit.JudgementQuestion(
            _("Why is a table of postcode, sex and birth date risky without names?"),
            choice_labels(),
            submit=_("Submit answer"),
        )
        self.choices = self.judgement.choices
        self.submit = self.judgement.submit
        self.feedback = self.judgement.feedback

        if lab.tried_:  # resume on the learner's last setting without logging it again
            last = lab.tried_[-1]
            self.postcode.value, self.birth.value = last.postcode_digits, last.birth
            self.sex.value = last.keep_sex
        for control in (self.postcode, self.birth, self.sex):
            control.observe(self._on_setting, names="value")
        self.submit.on_click(self._on_answer)
        super().__init__(
            [
                intro,
                w.HBox(
                    [self.postcode, self.birth, self.sex], layout=w.Layout(flex_flow="row wrap")
                ),
                self.summary,
                self.sample,
                self.histogram,
                self.histogram_table,
                self.tried,
                self.judgement,
                self.message,
            ]
        )
        self.add_class("tt-reidentification")
        self.render()

    def setting(self) -> Setting:
        """The setting the controls show."""
        return Setting(int(self.postcode.value), self.birth.value, bool(self.sex.value))

    # -- handlers ------------------------------------------------------------------------------
    @kit.guarded
    def _on_setting(self, _change=None) -> None:
        setting = self.setting()
        self.lab.release(setting.postcode_digits, setting.birth, setting.keep_sex)
        self.render()

    @kit.guarded
    def _on_answer(self, _button=None) -> None:
        self.lab.answer(self.judgement.chosen(_("Choose one of the answers first.")))
        self.render()

    # -- drawing -------------------------------------------------------------------------------
    def render(self) -> None:
        """Show the current setting's release, the settings tried and the answer."""
        lab = self.lab
        setting = self.setting()
        release = lab.releases_[setting]
        self.summary.value = summary_html(lab, release)
        self.sample.value = sample_html(lab, setting)
        self.histogram.value = self._figure.html(release)
        self.histogram_table.value = histogram_table_html(release)
        self.tried.value = tried_html(lab)
        text = ""
        if lab.answer_ is not None:
            verdict = (
                _("Right.")
                if lab.answer_ == RIGHT_CHOICE
                else _("Not the answer the data supports.")
            )
            explanation = _(
                "On their own the columns are shared by many, but combined they single people out; "
                "anyone holding a list of names with the same columns (a club's members, a voter "
                "list) can join it to the table and read the diagnosis."
            )
            text = f"{verdict} {explanation}"
        self.judgement.show(lab.answer_, text, status=True)
