"""One translation catalogue for every learner-facing string.

Strings are wrapped in ``_()`` where they are written; the English text is the message id. A
Japanese (or any) edition adds ``locale/<lang>/LC_MESSAGES/thinktwice.mo`` and sets
``THINKTWICE_LANG``.
"""

from __future__ import annotations

import gettext
import os
from functools import lru_cache
from pathlib import Path

DOMAIN = "thinktwice"
LOCALE_DIR = Path(__file__).with_name("locale")


@lru_cache(maxsize=8)
def _translation(language: str | None) -> gettext.NullTranslations:
    languages = [language] if language else None
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=languages, fallback=True)


def _(message: str) -> str:
    """Translate ``message`` into the learner's language (``THINKTWICE_LANG``), or keep English."""
    return _translation(os.environ.get("THINKTWICE_LANG")).gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _translation(os.environ.get("THINKTWICE_LANG")).ngettext(singular, plural, n)
