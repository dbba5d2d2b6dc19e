"""How the activities look, without ipywidgets: palette, markers, figures, images and numbers.

Models and views both draw with these, so a model (graded without any widget library) can make
the same figure a learner sees. Everything here needs only numpy and matplotlib's Agg canvas; it
never touches pyplot's global state.
"""

from __future__ import annotations

import base64
import html
import io
import math
import struct
import zlib

import numpy as np

from .i18n import _

#: Okabe and Ito's colour-blind-safe palette (Okabe & Ito 2008, "Color Universal Design").
PALETTE = {
    "orange": "#E69F00",
    "sky": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
    "black": "#000000",
}
#: Colours for categories in order; pair them with :data:`MARKERS` so colour is never the only cue.
CATEGORY_COLOURS = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky")]
MARKERS = ["o", "s", "^", "D", "v", "P"]

#: Figure margins as shares of the figure (matplotlib's ``subplots_adjust`` arguments). Fixed
#: margins draw once; a layout engine draws every figure twice.
MARGINS = {"left": 0.13, "bottom": 0.16, "right": 0.97, "top": 0.88}
DPI = 90


def new_figure(width: float = 4.8, height: float = 3.4, **margins: float):
    """A matplotlib ``Figure`` on the Agg canvas with fixed margins.

    Parameters
    ----------
    width, height : float
        Size in inches (at :data:`DPI` dots per inch).
    **margins : float
        Any of ``left``, ``bottom``, ``right``, ``top``, ``wspace``, ``hspace`` to change from
        :data:`MARGINS`.

    Examples
    --------
    >>> figure = new_figure(4, 3, left=0.2)
    >>> round(figure.subplotpars.left, 2), figure.get_layout_engine() is None
    (0.2, True)
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    figure.subplots_adjust(**{**MARGINS, **margins})
    return figure


def figure_png(figure) -> bytes:
    """The figure as PNG bytes, lightly compressed (a third of the default encoding time)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def _chunk(kind: bytes, payload: bytes) -> bytes:
    body = kind + payload
    return struct.pack(">I", len(payload)) + body + struct.pack(">I", zlib.crc32(body))


def pixels_png(pixels: np.ndarray, scale: int = 1) -> bytes:
    """Encode an image of 8-bit pixels as PNG, each pixel a ``scale`` by ``scale`` square.

    ``pixels`` is 2-D (grey) or 3-D with 3 channels (RGB), values 0 to 255. Far quicker than
    matplotlib for the small pictures the activities show (well under a millisecond).
    """
    pixels = np.asarray(pixels, dtype=np.uint8)
    if scale > 1:
        pixels = pixels.repeat(scale, axis=0).repeat(scale, axis=1)
    height, width = pixels.shape[:2]
    colour = 2 if pixels.ndim == 3 else 0
    rows = pixels.reshape(height, -1)
    raw = np.hstack([np.zeros((height, 1), dtype=np.uint8), rows]).tobytes()
    header = struct.pack(">IIBBBBB", width, height, 8, colour, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 6))
        + _chunk(b"IEND", b"")
    )


def grayscale_png(image: np.ndarray, scale: int = 20) -> bytes:
    """Encode a 2-D array of intensities in [0, 1] (1 is ink) as a PNG, dark ink on white."""
    ink = np.clip(np.rint(np.asarray(image, dtype=float) * 255), 0, 255)
    return pixels_png(255 - ink, scale)


def image_tag(
    png: bytes, alt: str, *, width: int | None = None, css_class: str = "", pixelated: bool = False
) -> str:
    """The one way to show a picture: an ``<img>`` of ``png`` with ``alt`` text.

    Parameters
    ----------
    png : bytes
        The PNG file's bytes.
    alt : str
        What the picture shows, for people who cannot see it; never empty.
    width : int, optional
        Display width in CSS pixels (the picture scales down on narrow screens).
    css_class : str, optional
        CSS class of the tag (tests and stylesheets find pictures by it).
    pixelated : bool, optional
        Frame the picture and keep its pixels sharp when scaled (small digit images).

    Examples
    --------
    >>> image_tag(b"png", "A <small> chart")[:40]
    "<img src='data:image/png;base64,cG5n' al"
    >>> "alt='A &lt;small&gt; chart'" in image_tag(b"png", "A <small> chart")
    True
    """
    if not alt.strip():
        raise ValueError("a picture needs alt text")
    data = base64.b64encode(png).decode("ascii")
    size = f" width='{width}'" if width else ""
    cls = f" class='{html.escape(css_class, quote=True)}'" if css_class else ""
    look = "max-width:100%"
    if pixelated:
        look += ";border:2px solid #444;image-rendering:pixelated"
    return (
        f"<img src='data:image/png;base64,{data}' alt='{html.escape(alt, quote=True)}'"
        f"{size}{cls} style='{look}'>"
    )


def digit_tag(pixels, alt: str, size: int = 120, css_class: str = "") -> str:
    """A small square image (values 0 to 1, 1 is ink, 8x8 for the digits) as a framed tag."""
    image = np.asarray(pixels, dtype=float)
    side = int(round(image.size**0.5))
    png = grayscale_png(image.reshape(side, side), scale=max(1, 80 // side))
    return image_tag(png, alt, width=size, css_class=css_class, pixelated=True)


def figure_tag(figure, alt: str, **options) -> str:
    """A matplotlib figure as an :func:`image_tag`."""
    return image_tag(figure_png(figure), alt, **options)


def undefined() -> str:
    """The one word for a share whose denominator is empty (never shown as 0 or 100%)."""
    return _("undefined")


def percent(value: float | None, digits: int = 0) -> str:
    """A share from 0 to 1 as a percentage, or :func:`undefined` for ``None`` or NaN.

    Examples
    --------
    >>> percent(0.256), percent(0.256, 1), percent(None)
    ('26%', '25.6%', 'undefined')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return undefined()
    return f"{value:.{digits}%}"
