"""Every learner-facing string of the activities and checks is in the translation catalogue."""

import gettext
from pathlib import Path

from thinktwice.widgets import i18n

ROOT = Path(__file__).resolve().parents[1]


def test_catalogue_holds_every_message():
    messages = i18n.extract_messages(ROOT / "widgets", ROOT / "autograder")
    assert "Lock in my answer" in messages
    committed = (ROOT / "widgets" / "locale" / "thinktwice.pot").read_text("utf-8")
    missing = [m for m in messages if i18n.template([m]).split("\n\n", 1)[1] not in committed]
    assert not missing, f"run `python -m thinktwice.widgets.i18n`; missing: {missing}"


def test_a_translation_is_used_when_chosen(tmp_path, monkeypatch):
    # Build a one-message Japanese catalogue and point the package at it.
    mo = tmp_path / "ja" / "LC_MESSAGES" / "thinktwice.mo"
    mo.parent.mkdir(parents=True)
    _write_mo(mo, {"Lock in my answer": "回答を確定する"})
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n._translation.cache_clear()
    monkeypatch.setenv("THINKTWICE_LANG", "ja")
    try:
        assert i18n._("Lock in my answer") == "回答を確定する"
        assert i18n._("Confirm final answer") == "Confirm final answer"  # falls back to English
    finally:
        i18n._translation.cache_clear()


def _write_mo(path, messages):
    """Write a minimal GNU .mo file (the format gettext reads)."""
    import struct

    entries = sorted({"": "Content-Type: text/plain; charset=UTF-8\n", **messages}.items())
    ids = b"".join(k.encode() + b"\0" for k, _ in entries)
    strs = b"".join(v.encode() + b"\0" for _, v in entries)
    n = len(entries)
    key_start = 7 * 4 + 16 * n
    value_start = key_start + len(ids)
    offsets, k_off, v_off = [], 0, 0
    for k, v in entries:
        offsets.append((len(k.encode()), key_start + k_off, len(v.encode()), value_start + v_off))
        k_off += len(k.encode()) + 1
        v_off += len(v.encode()) + 1
    header = struct.pack("Iiiiiii", 0x950412DE, 0, n, 7 * 4, 7 * 4 + n * 8, 0, 0)
    table_k = b"".join(struct.pack("ii", length, off) for length, off, _, _ in offsets)
    table_v = b"".join(struct.pack("ii", length, off) for _, _, length, off in offsets)
    path.write_bytes(header + table_k + table_v + ids + strs)
    assert gettext.GNUTranslations(open(path, "rb")).gettext(entries[-1][0])


LABEL_KEYWORDS = {"description", "tooltip", "placeholder", "tooltips", "options"}


def _untranslated_labels(path):
    """Literal English strings handed to a widget label without ``_()``, as (line, text)."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if not isinstance(node, ast.Call):
            continue
        values = [k.value for k in node.keywords if k.arg in LABEL_KEYWORDS]
        name = getattr(node.func, "attr", getattr(node.func, "id", ""))
        if name in {"Label", "HTML", "Button", "button"} and node.args:
            values.append(node.args[0])
        for value in values:
            items = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
            for item in items:
                if (
                    isinstance(item, ast.Constant)
                    and isinstance(item.value, str)
                    and any(c.isalpha() for c in item.value)
                ):
                    found.append((item.lineno, item.value))
    return found


def test_widget_labels_go_through_the_catalogue():
    offenders = {
        path.name: hits
        for path in sorted((ROOT / "widgets").glob("_*view*.py"))
        if (hits := _untranslated_labels(path))
    }
    assert not offenders, f"wrap these labels in _(): {offenders}"


def test_no_learner_facing_text_shows_raw_markup():
    """Messages and the modules' hints reach learners as plain text: a backtick stays a backtick."""
    import ast

    messages = i18n.extract_messages(ROOT / "widgets", ROOT / "autograder")
    hints = [
        node.value.value
        for path in sorted((ROOT / "course" / "modules").glob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.keyword)
        and node.arg == "hint"
        and isinstance(node.value, ast.Constant)
    ]
    assert hints, "no hints found in the modules"
    raw = [text for text in messages + hints if "`" in text or "**" in text]
    assert not raw, f"raw markup in learner-facing text: {raw}"
