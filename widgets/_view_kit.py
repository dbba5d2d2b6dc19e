"""Building blocks shared by the activity views: controls, tables, messages, judgement questions.

Colours, figures, image tags and percentages come from :mod:`thinktwice.widgets.style`, which the
models use too.

Views follow ipywidgets' own composites: a ``VBox`` whose children are built once, handlers wired
with ``observe(..., names="value")`` or ``on_click``, and drawing that replaces a value rather than
rebuilding widgets. Every control has a visible label (its ``description``) and is a native,
keyboard-reachable element; every figure is a PNG with ``alt`` text and, where it carries numbers,
a table beside it.
"""

from __future__ import annotations

import functools
import html
from collections.abc import Callable

import ipywidgets as w

from ._snapshot import snapshot_html, snapshot_text
from .activity import Activity, ActivityError
from .evidence import EvidenceError
from .i18n import _
from .judgement import Judgement, choose_first

#: Width of the labels in front of sliders and other rows of controls, so that rows line up.
LABEL_WIDTH = "15em"


class ActivityView(w.VBox):
    """The base of every activity's view: its CSS class, a tour, and a still copy for feedback.

    Parameters
    ----------
    activity : Activity
        The started activity the view shows; the view calls its methods and never writes the
        evidence log itself.
    children : sequence of widgets
        What the view shows, top to bottom.
    """

    def __init__(self, activity: Activity, children=(), **kwargs) -> None:
        super().__init__(list(children), **kwargs)
        self.activity = activity
        self.add_class(f"tt-{activity.name}")

    def tour(self) -> list[Callable[[], object]]:
        """The handler calls of one learner's run through the view, each a zero-argument call.

        The widget benchmark times each call and the common activity checks run them: set a
        control's value or press a button, as a learner would, in an order that reaches every
        graded step.
        """
        raise NotImplementedError

    def _repr_mimebundle_(self, **kwargs):
        # Saved output outlives the kernel: nbgrader's feedback and nbconvert show the
        # richest type they can render, which without a live widget model is this HTML.
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        bundle["text/html"] = snapshot_html(self)
        bundle["text/plain"] = snapshot_text(self) or type(self.activity).__name__
        return bundle


#: How every ``tt-table`` looks: captions on one line above, even gaps between columns. Widget
#: HTML gets no notebook table styling, so each table carries this (a few bytes; the same rules).
TABLE_CSS = (
    "<style>.tt-table{border-collapse:collapse;margin:0.4em 0 0.8em}"
    ".tt-table caption{caption-side:top;text-align:left;font-weight:600;white-space:nowrap;"
    "padding-bottom:0.3em}"
    ".tt-table th,.tt-table td{text-align:left;vertical-align:top;padding:0.15em 1.2em 0.15em 0;"
    "border-bottom:1px solid #ddd}"
    ".tt-table thead th{border-bottom:2px solid #999}"
    ".tt-table tbody td:first-child{white-space:nowrap}</style>"
)


def table_html(caption: str, header: list[str], rows: list[list]) -> str:
    """A small table: the text alternative of a plot's numbers (styled by :data:`TABLE_CSS`)."""
    head = "".join(f"<th scope='col'>{html.escape(str(h))}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(cell))}</td>" for cell in row) + "</tr>"
        for row in rows
    )
    return (
        f"{TABLE_CSS}<table class='tt-table'><caption>{html.escape(caption)}</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def button(description: str, css_class: str, style: str = "primary") -> w.Button:
    """A labelled button with a CSS class (tests and stylesheets find it by the class)."""
    b = w.Button(description=description, button_style=style, layout=w.Layout(width="auto"))
    b.add_class(css_class)
    return b


def labelled(widget, css_class: str, *, aligned: bool = False):
    """Give ``widget`` a CSS class and a description width that shows its whole label.

    ``aligned`` gives the label the fixed :data:`LABEL_WIDTH` instead, so that a column of
    sliders or other controls lines up.
    """
    widget.style.description_width = LABEL_WIDTH if aligned else "initial"
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

    @classmethod
    def of(cls, judgement: Judgement, **options) -> JudgementQuestion:
        """The view of a model-side :class:`~thinktwice.widgets.judgement.Judgement`.

        ``options`` are those of the constructor after ``options`` (``submit`` among them).
        """
        options.setdefault("submit", _("Submit my answer"))
        return cls(judgement.text(), judgement.options(), **options)

    def chosen(self, missing: str | None = None) -> str:
        """The key of the chosen answer; with none chosen, refuse with the message ``missing``.

        Inside a :func:`guarded` handler the refusal becomes the view's message. By default it
        is the judgement model's own refusal of no choice.
        """
        if self.choices.value is None:
            raise ActivityError(missing) if missing else choose_first()
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
