"""Building blocks shared by the activity views: palette, figures with text alternatives, messages.

Views follow ipywidgets' own composites: a ``VBox`` whose children are built once, handlers wired
with ``observe(..., names="value")`` or ``on_click``, and drawing that replaces a value rather than
rebuilding widgets. Every control has a visible label (its ``description``) and is a native,
keyboard-reachable element; every figure is a PNG with ``alt`` text and, where it carries numbers,
a table beside it.
"""

from __future__ import annotations

import base64
import functools
import html
import io

import ipywidgets as w

from .activity import ActivityError
from .evidence import EvidenceError
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


def new_figure(width: float = 4.8, height: float = 3.4):
    """A matplotlib ``Figure`` drawn with the Agg canvas, without touching pyplot's global state."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=90, layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def figure_png(figure) -> bytes:
    """The figure as PNG bytes, lightly compressed (a third of the default encoding time)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", pil_kwargs={"compress_level": 1})
    return buffer.getvalue()


def png_html(png: bytes, alt: str, width: int | None = None) -> str:
    """An ``<img>`` of ``png`` with ``alt`` text, for a ``w.HTML`` value."""
    data = base64.b64encode(png).decode("ascii")
    size = f" width='{width}'" if width else ""
    return (
        f"<img src='data:image/png;base64,{data}' alt='{html.escape(alt, quote=True)}'{size}"
        " style='max-width:100%'>"
    )


def figure_html(figure, alt: str) -> str:
    """The figure as an ``<img>`` with ``alt`` text."""
    return png_html(figure_png(figure), alt)


def table_html(caption: str, header: list[str], rows: list[list]) -> str:
    """A small table: the text alternative of a plot's numbers."""
    head = "".join(f"<th scope='col'>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f"<table class='tt-table'><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def button(description: str, css_class: str, style: str = "primary") -> w.Button:
    """A labelled button with a CSS class (tests and stylesheets find it by the class)."""
    b = w.Button(description=description, button_style=style, layout=w.Layout(width="auto"))
    b.add_class(css_class)
    return b


def labelled(widget, css_class: str):
    """Give ``widget`` a CSS class and a description width that shows its whole label."""
    widget.style.description_width = "initial"
    widget.add_class(css_class)
    return widget


class MessageArea(w.HTML):
    """A live region for short messages to the learner (screen readers announce it)."""

    def __init__(self, css_class: str = "tt-message") -> None:
        super().__init__()
        self.add_class(css_class)

    def say(self, text: str) -> None:
        """Show ``text``, or clear the message when it is empty."""
        self.value = (
            f"<span role='status' aria-live='polite'>{html.escape(text)}</span>" if text else ""
        )


def guarded(handler):
    """Wrap a view's handler: a refused interaction or an unreadable log becomes a message.

    The view must have a ``message`` attribute (a :class:`MessageArea`). The old message is
    cleared first, so the handler may leave a message of its own.
    """

    @functools.wraps(handler)
    def wrapper(self, *args, **kwargs):
        self.message.say("")
        try:
            return handler(self, *args, **kwargs)
        except ActivityError as error:
            self.message.say(str(error))
        except (EvidenceError, OSError) as error:
            self.message.say(_("Your work could not be saved: {error}").format(error=error))
        return None

    return wrapper


class JudgementQuestion(w.VBox):
    """A judgement question: a bold prompt, the choices, a submit button and a feedback line.

    The view wires :attr:`submit` to its own handler and calls :meth:`show` when it draws, so the
    question locks on the learner's first answer (the model refuses a second one).

    Parameters
    ----------
    prompt : str
        The question, already translated.
    options : list of (str, str)
        The choices as ``(label, key)`` pairs, in the order the learner sees them.
    submit : str
        The submit button's label, already translated.
    question_class, submit_class : str
        CSS classes of the choices and of the button (tests and stylesheets find them by these).
    feedback_class : str or None
        CSS class of the feedback line; ``None`` leaves the line out (the view says the verdict
        in its message area instead).
    width : str
        CSS width of the choices.
    """

    def __init__(
        self,
        prompt: str,
        options: list[tuple[str, str]],
        *,
        submit: str,
        question_class: str = "tt-question",
        submit_class: str = "tt-answer",
        feedback_class: str | None = "tt-feedback",
        width: str = "auto",
    ) -> None:
        self.prompt = w.HTML(f"<b>{html.escape(prompt)}</b>")
        self.choices = labelled(
            w.RadioButtons(
                options=options,
                value=None,
                description=_("Your answer:"),
                layout=w.Layout(width=width),
            ),
            question_class,
        )
        self.submit = button(submit, submit_class)
        self.submit.layout.align_self = "flex-start"
        self.feedback = w.HTML()
        children = [self.prompt, self.choices, self.submit]
        if feedback_class is not None:
            self.feedback.add_class(feedback_class)
            children.append(self.feedback)
        super().__init__(children)

    def chosen(self, missing: str) -> str:
        """The key of the chosen answer; with none chosen, refuse with the message ``missing``.

        Inside a :func:`guarded` handler the refusal becomes the view's message.
        """
        if self.choices.value is None:
            raise ActivityError(missing)
        return self.choices.value

    def show(
        self, choice: str | None, text: str = "", *, status: bool = False, ready: bool = True
    ) -> None:
        """Lock the question on ``choice`` (the learner's answer, or ``None``) and say ``text``.

        ``status`` makes the feedback a live region; ``ready=False`` keeps an unanswered
        question closed (the activity does not take an answer yet).
        """
        answered = choice is not None
        if answered:
            self.choices.value = choice
        self.choices.disabled = self.submit.disabled = answered or not ready
        text = html.escape(text)
        self.feedback.value = f"<span role='status'>{text}</span>" if status and text else text
