"""The judgement question on the model side: what is asked, the choices, and the first answer.

Most activities end with a question that asks the learner to judge what they saw. A
:class:`Judgement` holds its wording and choices and refuses what cannot be taken, with one message
per meaning for every activity. The view's counterpart is ``_view_kit.JudgementQuestion``, built
from a :class:`Judgement` with ``JudgementQuestion.of``.

Texts are stored as message ids (marked with :func:`~thinktwice.widgets.i18n.N_`) and translated
when shown, so one question serves every language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .activity import ActivityError
from .i18n import _

#: What a question's choices can be: ``(key, message id)`` pairs in the order shown, or a
#: function returning translated ``(label, key)`` pairs (for choices that depend on the data).
Choices = Sequence[tuple[str, str]] | Callable[[], list[tuple[str, str]]]


def already_answered() -> ActivityError:
    """The refusal of a second answer, for every question an activity asks once."""
    return ActivityError(_("You have already answered this question; your first answer counts."))


def choose_first() -> ActivityError:
    """The refusal of an answer that is none of the choices (or no choice at all)."""
    return ActivityError(_("Choose one of the answers first."))


def no_such_question() -> ActivityError:
    """The refusal of an answer to a question the activity does not ask."""
    return ActivityError(_("There is no such question."))


@dataclass(frozen=True)
class Judgement:
    """One question a learner answers once, and its right answer.

    Parameters
    ----------
    prompt : str
        The question, as a message id.
    choices : sequence of (str, str), or callable
        ``(key, message id)`` pairs in the order the learner sees them; or a function returning
        translated ``(label, key)`` pairs.
    right : str, optional
        The key of the right answer; leave it out when it depends on the learner's variant and
        pass it to :meth:`is_right` instead.

    Examples
    --------
    >>> from thinktwice.widgets.i18n import N_
    >>> question = Judgement(N_("Is 2 even?"), [("yes", N_("Yes")), ("no", N_("No"))], "yes")
    >>> question.options()
    [('Yes', 'yes'), ('No', 'no')]
    >>> question.check("maybe", answered=None)
    Traceback (most recent call last):
    ...
    thinktwice.widgets.activity.ActivityError: Choose one of the answers first.
    >>> question.check("no", answered="yes")
    Traceback (most recent call last):
    ...
    thinktwice.widgets.activity.ActivityError: You have already answered this question; ...
    >>> question.is_right("yes")
    True
    """

    prompt: str
    choices: Choices
    right: str | None = None

    def text(self) -> str:
        """The question, translated."""
        return _(self.prompt)

    def options(self) -> list[tuple[str, str]]:
        """The choices as translated ``(label, key)`` pairs, in the order shown."""
        if callable(self.choices):
            return list(self.choices())
        return [(_(label), key) for key, label in self.choices]

    def keys(self) -> list[str]:
        """The keys of the choices, in the order shown."""
        return [key for _label, key in self.options()]

    def label(self, key: str) -> str:
        """The translated text of the choice ``key``."""
        return dict((k, label) for label, k in self.options())[key]

    def check(self, choice: object, answered: object) -> None:
        """Refuse ``choice`` unless it is one of the choices and nothing is ``answered`` yet.

        Raises
        ------
        ActivityError
            With the same message in every activity: the question is already answered (the
            first answer counts), or the choice is none of the answers.
        """
        if answered is not None:
            raise already_answered()
        if not isinstance(choice, str) or choice not in self.keys():
            raise choose_first()

    def is_right(self, choice: str | None, right: str | None = None) -> bool:
        """Whether ``choice`` is the right answer (``right`` overrides the question's own)."""
        key = right if right is not None else self.right
        if key is None:
            raise ValueError("this question's right answer depends on the variant: pass right=")
        return choice == key
