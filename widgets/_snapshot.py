"""A still copy of a view, for wherever no kernel runs the widgets.

nbgrader's feedback, nbconvert's HTML and a notebook reopened later show a widget's saved output
without its live model. Each activity view adds the HTML made here to its display, so those
places show what the learner saw (texts, figures, tables, the answers chosen) instead of a
widget's repr. Buttons and empty or hidden parts are left out.
"""

from __future__ import annotations

import html
import re

import ipywidgets as w

_TAG = re.compile(r"<[^>]+>")


def _hidden(widget) -> bool:
    layout = getattr(widget, "layout", None)
    return layout is not None and (layout.display == "none" or layout.visibility == "hidden")


def _value_text(control) -> str:
    """What a control shows as chosen, in words."""
    if isinstance(control, w.ToggleButton | w.Checkbox):
        return "✔" if control.value else "✘"
    label = getattr(control, "label", None)
    if isinstance(label, str) and label:
        return label
    value = control.value
    if value is None or value == "":
        return "—"
    if isinstance(value, tuple):
        return " – ".join(str(v) for v in value)
    return str(value)


def snapshot_html(widget) -> str:
    """The parts of ``widget`` a reader needs, as static HTML (never the widget's repr)."""
    if _hidden(widget) or isinstance(widget, w.Button):
        return ""
    if isinstance(widget, w.HTML | w.HTMLMath):
        return widget.value if _TAG.sub("", widget.value).strip() or "<img" in widget.value else ""
    if isinstance(widget, w.Label):
        return f"<div>{html.escape(widget.value)}</div>" if widget.value.strip() else ""
    if isinstance(widget, w.Output):
        parts = []
        for output in widget.outputs:
            data = output.get("data", {})
            if "text/html" in data:
                parts.append(data["text/html"])
            elif "image/png" in data:
                parts.append(f"<img src='data:image/png;base64,{data['image/png']}' alt=''>")
            elif "text" in output or "text/plain" in data:
                text = output.get("text") or data["text/plain"]
                parts.append(f"<pre>{html.escape(text)}</pre>")
        return "".join(parts)
    if isinstance(widget, w.Box):
        inner = "".join(snapshot_html(child) for child in widget.children)
        return f"<div>{inner}</div>" if inner else ""
    if isinstance(widget, w.ValueWidget) and hasattr(widget, "description"):
        name = html.escape(widget.description or getattr(widget, "tooltip", "") or "")
        value = html.escape(_value_text(widget))
        return f"<div>{name} <b>{value}</b></div>" if name else f"<div><b>{value}</b></div>"
    return ""


def snapshot_text(widget) -> str:
    """The snapshot as plain text, one line per part, for places that show no HTML."""
    markup = re.sub(r"<(br|/div|/p|/tr|/h\d|/li|/caption)[^>]*>", "\n", snapshot_html(widget))
    markup = re.sub(r"<img\b[^>]*\balt='([^']*)'[^>]*>", r"[\1]\n", markup)
    text = html.unescape(_TAG.sub(" ", markup))
    lines = (" ".join(line.split()) for line in text.splitlines())
    return "\n".join(line for line in lines if line)
