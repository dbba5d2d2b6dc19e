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


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for it
    """Mark ``message`` for the catalogue without translating it yet (translate it when shown)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    """Translate a message whose form depends on the count ``n``."""
    return _translation(os.environ.get("THINKTWICE_LANG")).ngettext(singular, plural, n)


def extract_messages(*folders: Path) -> list[str]:
    """Every literal string passed to ``_()`` or ``N_()`` in the files under ``folders``, sorted."""
    import ast

    found = set()
    for folder in folders:
        for path in sorted(Path(folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"), filename=str(path))):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in ("_", "N_")
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)
                ):
                    found.add(node.args[0].value)
    return sorted(found)


def template(messages: list[str]) -> str:
    """A gettext ``.pot`` template holding ``messages``, for translators to start from."""

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
    entries = "".join(f'\nmsgid {quote(m)}\nmsgstr ""\n' for m in messages)
    return header + entries


def main() -> None:
    """Rewrite ``locale/thinktwice.pot`` from the strings in the widgets and the autograder."""
    package = Path(__file__).parent
    messages = extract_messages(package, package.parent / "autograder")
    (LOCALE_DIR / f"{DOMAIN}.pot").write_text(template(messages), "utf-8")
    print(f"{len(messages)} messages in {LOCALE_DIR / f'{DOMAIN}.pot'}")


if __name__ == "__main__":
    main()
