"""Pure checks of a matplotlib figure's properties, to tell whether a chart is drawn honestly.

The checks read only the figure's own properties, never how it was made, so a chart built by the
chart detective's controls and one a learner wrote with ``plt.subplots()`` are judged alike.
:func:`extract` turns a ``Figure`` into a small JSON-ready summary (axis limits, bar lengths,
marker areas, where each axes sits, how far each line runs); the ``check_*`` functions judge such a
summary against the data the chart should show and return the problems they find, in words a
learner can act on. An empty list means the check passes.

The four checks follow the tricks in Bergstrom and West, *Calling Bullshit* (2020), chapter on
data visualization: a bar's length must stand for its value (so the value axis starts at 0), two
series must not be scaled against each other on two y axes, a time series must not be cut to the
stretch that tells the story, and a symbol's area, not its radius, must grow with the value
(Tufte's "lie factor" is the ratio of the change shown to the change in the data).

Examples
--------
>>> from thinktwice.widgets.style import new_figure
>>> figure = new_figure()
>>> ax = figure.add_subplot()
>>> _ = ax.bar(["A", "B"], [80, 90])
>>> _ = ax.set_ylim(75, 92)
>>> check_zero_baseline(extract(figure), [80, 90])[0]
'The value axis starts at 75, not at 0, so the bars exaggerate the differences.'
>>> _ = ax.set_ylim(0, 100)
>>> check_zero_baseline(extract(figure), [80, 90])
[]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from .i18n import _

#: Two measured quantities are "proportional" to the data when their ratios agree within this.
RELATIVE_TOLERANCE = 0.03
#: Two axes whose boxes overlap by more than this share of the smaller one are twin axes.
OVERLAP = 0.5


def _number(value) -> float:
    return float(f"{float(value):.6g}")


def _numbers(values) -> list[float]:
    return [_number(v) for v in np.asarray(values, dtype=float).ravel()]


def _line_extent(line, ax) -> list[float] | None:
    """``[first x, last x, points]`` of a data line, or ``None`` for a guide such as axhline."""
    if not line.get_visible() or line.get_transform() is not ax.transData:
        return None
    try:
        x = np.asarray(line.get_xdata(orig=False), dtype=float)
        y = np.asarray(line.get_ydata(orig=False), dtype=float)
    except (TypeError, ValueError):
        return None
    keep = np.isfinite(x) & np.isfinite(y)
    if keep.sum() < 2:
        return None
    return [_number(x[keep].min()), _number(x[keep].max()), int(keep.sum())]


def _axes_summary(ax) -> dict[str, Any]:
    from matplotlib.collections import PathCollection
    from matplotlib.container import BarContainer

    bars, bases, horizontal = [], [], False
    for container in ax.containers:
        if not isinstance(container, BarContainer):
            continue
        horizontal = horizontal or container.orientation == "horizontal"
        for patch in container.patches:
            if not patch.get_visible():
                continue
            if container.orientation == "horizontal":
                bars.append(patch.get_width())
                bases.append(patch.get_x())
            else:
                bars.append(patch.get_height())
                bases.append(patch.get_y())
    lines = [e for e in (_line_extent(line, ax) for line in ax.lines) if e is not None]
    sizes = []
    for collection in ax.collections:
        if isinstance(collection, PathCollection) and collection.get_visible():
            count = len(collection.get_offsets())
            found = np.asarray(collection.get_sizes(), dtype=float).ravel()
            if count and len(found) == 1:
                found = np.repeat(found, count)  # one size given for every marker
            sizes.append(_numbers(found[:count]))
    return {
        "position": _numbers(ax.get_position().bounds),
        "xlabel": ax.get_xlabel().strip(),
        "ylabel": ax.get_ylabel().strip(),
        "xlim": _numbers(ax.get_xlim()),
        "ylim": _numbers(ax.get_ylim()),
        "bars": _numbers(bars),
        "bar_bases": _numbers(bases),
        "horizontal": horizontal,
        "lines": lines,
        "sizes": sizes,
    }


def extract(figure) -> dict[str, Any]:
    """Summarise what a figure shows, as plain numbers the checks (and the evidence log) keep.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        Any figure, from the chart detective's controls or from ``plt.subplots()``.

    Returns
    -------
    dict
        ``{"axes": [...]}``, one entry per axes that shows data, each with its ``position``
        (``[left, bottom, width, height]`` in figure coordinates), ``xlabel`` and ``ylabel`` (the
        axis labels, ``""`` when there are none), ``xlim``, ``ylim``, ``bars``
        (bar lengths), ``bar_bases``, ``horizontal``, ``lines`` (``[first x, last x, points]`` per
        line) and ``sizes`` (marker areas in points squared, one list per scatter).
    """
    summaries = [_axes_summary(ax) for ax in figure.axes]
    return {"axes": [a for a in summaries if a["bars"] or a["lines"] or a["sizes"]]}


def proportional(measured: Sequence[float], values: Sequence[float]) -> bool:
    """Whether ``measured`` grows in proportion to ``values`` (matched smallest to largest).

    Examples
    --------
    >>> proportional([10, 20, 30], [1, 2, 3]), proportional([1, 4, 9], [1, 2, 3])
    (True, False)
    """
    m = np.sort(np.asarray(measured, dtype=float))
    v = np.sort(np.asarray(values, dtype=float))
    if len(m) != len(v) or not len(v) or np.any(v <= 0) or np.any(m <= 0):
        return False
    ratios = m / v
    return bool(ratios.max() / ratios.min() - 1 <= RELATIVE_TOLERANCE)


def _overlap(a: Sequence[float], b: Sequence[float]) -> float:
    """Area shared by two ``[left, bottom, width, height]`` boxes, over the smaller one."""
    width = min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])
    height = min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1])
    smaller = min(a[2] * a[3], b[2] * b[3])
    if width <= 0 or height <= 0 or smaller <= 0:
        return 0.0
    return width * height / smaller


def twin_axes(summary: dict[str, Any]) -> int:
    """How many pairs of data axes are drawn on top of each other (``twinx`` and the like)."""
    axes = summary["axes"]
    return sum(
        1
        for i in range(len(axes))
        for j in range(i + 1, len(axes))
        if _overlap(axes[i]["position"], axes[j]["position"]) > OVERLAP
    )


def check_zero_baseline(summary: dict[str, Any], values: Sequence[float]) -> list[str]:
    """Bars whose lengths stand for the values: the value axis starts at 0, bars start at 0.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.
    values : sequence of float
        The positive values the bars should show.

    Returns
    -------
    list of str
        The problems found; empty when the chart passes.
    """
    problems = check_bars_from_zero(summary)
    if not any(a["bars"] for a in summary["axes"]):
        return problems
    lengths = [length for a in summary["axes"] for length in a["bars"]]
    if not proportional(lengths, values):
        problems.append(
            _("The bars' lengths are not proportional to the {n} values.").format(n=len(values))
        )
    return problems


def check_bars_from_zero(summary: dict[str, Any]) -> list[str]:
    """Bars drawn from 0 on a value axis that starts at 0, whatever values they show.

    :func:`check_zero_baseline` without its check of the bars against the data.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.

    Returns
    -------
    list of str
        The problems found; empty when the chart passes.

    Examples
    --------
    >>> from thinktwice.widgets.style import new_figure
    >>> figure = new_figure()
    >>> ax = figure.add_subplot()
    >>> _ = ax.bar(["A", "B"], [80, 90], bottom=10)
    >>> _ = ax.set_ylim(0, 100)
    >>> check_bars_from_zero(extract(figure))
    ['Some bars do not start at 0.']
    """
    axes = [a for a in summary["axes"] if a["bars"]]
    if not axes:
        return [_("Draw the values as bars.")]
    problems = []
    for a in axes:
        low, high = sorted(a["xlim"] if a["horizontal"] else a["ylim"])
        if low > 0 or high < 0:
            problems.append(
                _(
                    "The value axis starts at {start:g}, not at 0, so the bars exaggerate the "
                    "differences."
                ).format(start=low)
            )
        if any(abs(base) > 1e-9 for base in a["bar_bases"]):
            problems.append(_("Some bars do not start at 0."))
    return problems


def check_every_value(summary: dict[str, Any], values: Sequence[float]) -> list[str]:
    """One bar for each of the values, none left out, each as long as its value says.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.
    values : sequence of float
        Every positive value of the data, such as each month of a year.

    Returns
    -------
    list of str
        The problems found; empty when the chart passes.

    Examples
    --------
    >>> from thinktwice.widgets.style import new_figure
    >>> figure = new_figure()
    >>> _ = figure.add_subplot().bar(["Nov", "Dec"], [40, 60])
    >>> check_every_value(extract(figure), [50, 45, 40, 60])
    ['Your chart has 2 bars, but the data have 4 values: show every one of them.']
    """
    lengths = [length for a in summary["axes"] for length in a["bars"]]
    if not lengths:
        return [_("Draw the values as bars.")]
    if len(lengths) != len(values):
        return [
            _(
                "Your chart has {drawn} bars, but the data have {n} values: show every one of them."
            ).format(drawn=len(lengths), n=len(values))
        ]
    if not proportional(lengths, values):
        return [
            _("The bars' lengths are not proportional to the {n} values.").format(n=len(values))
        ]
    return []


def check_axis_labels(summary: dict[str, Any]) -> list[str]:
    """Every plot that shows data says what runs along each of its axes.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure (a summary logged before axis labels were
        read counts as having none).

    Returns
    -------
    list of str
        The problems found; empty when the chart passes.

    Examples
    --------
    >>> from thinktwice.widgets.style import new_figure
    >>> figure = new_figure()
    >>> ax = figure.add_subplot()
    >>> _ = ax.bar(["Nov", "Dec"], [40, 60])
    >>> _ = ax.set_xlabel("Month")
    >>> check_axis_labels(extract(figure))
    ['The y axis has no label: say what it counts, and in what unit.']
    """
    axes = summary["axes"]
    if not axes:
        return [_("Draw the data first, then label the axes.")]
    problems = []
    if any(not a.get("xlabel") for a in axes):
        problems.append(_("The x axis has no label: say what runs along it."))
    if any(not a.get("ylabel") for a in axes):
        problems.append(_("The y axis has no label: say what it counts, and in what unit."))
    return problems


def check_single_y_axis(summary: dict[str, Any], series: int = 2) -> list[str]:
    """Every series shown, and no two y axes laid over one plot (separate panels are fine).

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.
    series : int
        How many series the chart must show (each as a line).
    """
    problems = []
    if twin_axes(summary):
        problems.append(
            _(
                "Two y axes share one plot: each axis can be stretched until the lines seem to "
                "move together."
            )
        )
    drawn = sum(len(a["lines"]) for a in summary["axes"])
    if drawn < series:
        problems.append(
            _("Show all {n} series as lines; your chart has {drawn}.").format(n=series, drawn=drawn)
        )
    return problems


def check_full_window(summary: dict[str, Any], first: float, last: float) -> list[str]:
    """A time series shown over all of its data, from ``first`` to ``last``.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.
    first, last : float
        The first and last x value of the data.
    """
    axes = [a for a in summary["axes"] if a["lines"]]
    if not axes:
        return [_("Draw the series as a line.")]
    slack = 1e-6 * max(1.0, abs(last - first))
    starts = min(line[0] for a in axes for line in a["lines"])
    ends = max(line[1] for a in axes for line in a["lines"])
    problems = []
    if starts > first + slack or ends < last - slack:
        problems.append(
            _("The line runs from {a:g} to {b:g}; the data run from {first:g} to {last:g}.").format(
                a=starts, b=ends, first=first, last=last
            )
        )
    low = min(min(a["xlim"]) for a in axes)
    high = max(max(a["xlim"]) for a in axes)
    if low > first + slack or high < last - slack:
        problems.append(
            _("The x axis shows {a:g} to {b:g}, so part of the data is cut off.").format(
                a=low, b=high
            )
        )
    return problems


def check_proportional_sizes(summary: dict[str, Any], values: Sequence[float]) -> list[str]:
    """Symbols whose area grows with the value, or bars from 0 whose length does.

    Parameters
    ----------
    summary : dict
        What :func:`extract` read from the figure.
    values : sequence of float
        The positive values the symbols should show.
    """
    scatters = [s for a in summary["axes"] for s in a["sizes"] if len(s) == len(values)]
    if scatters:
        sizes = scatters[0]
        if proportional(sizes, values):
            return []
        shown = max(sizes) / min(sizes) if min(sizes) > 0 else float("inf")
        return [
            _(
                "The biggest marker's area is {shown:.1f} times the smallest, but the biggest "
                "value is only {real:.1f} times the smallest."
            ).format(shown=shown, real=max(values) / min(values))
        ]
    if any(a["bars"] for a in summary["axes"]):
        return check_zero_baseline(summary, values)
    return [
        _("Show the {n} values as bars or as markers sized by area.").format(n=len(values)),
    ]
