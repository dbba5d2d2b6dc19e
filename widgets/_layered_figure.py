"""A figure drawn in two layers: its fixed parts once, the parts that move on every update.

A handler that redraws a whole matplotlib figure spends most of its time on what never changes
(axes, ticks, axis labels: text is the slowest thing matplotlib draws). A :class:`LayeredFigure`
draws the figure once without its moving artists, keeps that picture, and on each update pastes
it back and draws only the moving artists on top (matplotlib's own blitting), then encodes the
pixels with :func:`~thinktwice.widgets.style.pixels_png`. The picture is the one a full redraw
makes, at a fraction of the time.
"""

from __future__ import annotations

import numpy as np

from . import style


class LayeredFigure:
    r"""A figure made by :func:`~thinktwice.widgets.style.new_figure`, and its moving artists.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure, with every artist in place (moving ones with any starting value).
    moving : sequence of matplotlib artists
        The artists an update changes (bars, their value labels); the rest is drawn once.

    Examples
    --------
    >>> figure = style.new_figure(2, 1)
    >>> axes = figure.add_subplot()
    >>> (bar,) = axes.bar([0], [1])
    >>> layered = LayeredFigure(figure, [bar])
    >>> bar.set_height(0.5)
    >>> layered.png()[:8] == b"\x89PNG\r\n\x1a\n"
    True
    """

    def __init__(self, figure, moving) -> None:
        self.figure = figure
        self.moving = list(moving)
        for artist in self.moving:
            artist.set_animated(True)  # a full draw leaves animated artists out
        self._background = None

    def png(self) -> bytes:
        """The figure as it stands now, as PNG bytes."""
        canvas = self.figure.canvas
        if self._background is None:
            canvas.draw()
            self._background = canvas.copy_from_bbox(self.figure.bbox)
        else:
            canvas.restore_region(self._background)
        for artist in self.moving:
            if artist.get_visible():
                self.figure.draw_artist(artist)
        return style.pixels_png(np.asarray(canvas.buffer_rgba())[..., :3])

    def tag(self, alt: str, **options) -> str:
        """The figure as an :func:`~thinktwice.widgets.style.image_tag`."""
        return style.image_tag(self.png(), alt, **options)
