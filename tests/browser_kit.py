"""Helpers for browser tests of the activities in a real JupyterLab (see ``conftest.py``).

A test writes a notebook whose one code cell is the activity's two-line drop-in, opens it in
Chromium, runs the cell, interacts, and checks the page and the evidence log::

    view = open_activity(page, activity_lab, "calibration",
                         "from thinktwice.widgets import CalibrationExplorer\\n"
                         "CalibrationExplorer().view()")
    view.locator("button.tt-reveal").click()
    ...
    assert last_event(activity_lab, "calibration")["kind"] == "reveal"
    assert_not_blank(view, tmp_path / "calibration.png")
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import nbformat
import numpy as np
from PIL import Image

from thinktwice.widgets.evidence import FILENAME

TOKEN = "thinktwice-test-token"
LEARNER = "browser-learner"


def write_notebook(folder: Path, name: str, *sources: str) -> Path:
    """Write ``<name>.ipynb`` with one code cell per source into the lab folder."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    path = folder / f"{name}.ipynb"
    nbformat.write(nb, path)
    return path


def open_activity(page, lab, name: str, *sources: str, css_class: str | None = None):
    """Open a new notebook running ``sources``; return the locator of the activity's view.

    ``css_class`` is the view's root class, ``tt-<name>`` by default.
    """
    base, folder = lab
    write_notebook(folder, name, *sources)
    # The session's lab remembers tabs opened by earlier tests; start from an empty workspace.
    page.goto(f"{base}/lab?reset&token={TOKEN}")
    page.wait_for_selector(".jp-LauncherCard", timeout=120_000)
    page.goto(f"{base}/lab/tree/{name}.ipynb?token={TOKEN}")
    page.wait_for_selector("text=(ipykernel) | Idle", timeout=120_000)
    page.locator(".jp-Notebook").click()
    page.keyboard.press("Escape")
    for _ in sources:
        page.keyboard.press("Shift+Enter")
        time.sleep(0.2)
    selector = f".{css_class or 'tt-' + name}"
    page.wait_for_selector(selector, timeout=90_000)
    return page.locator(selector).first


def evidence(lab) -> list[dict]:
    """Every event in the lab folder's evidence log (header excluded)."""
    _, folder = lab
    path = folder / FILENAME
    if not path.exists():
        return []
    lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    return [line for line in lines if "activity" in line]


def last_event(lab, activity: str, timeout: float = 20.0) -> dict | None:
    """The newest logged event of ``activity``, waiting up to ``timeout`` seconds for one."""
    deadline = time.monotonic() + timeout
    while True:
        events = [e for e in evidence(lab) if e["activity"] == activity]
        if events or time.monotonic() > deadline:
            return events[-1] if events else None
        time.sleep(0.2)


def settle(page) -> None:
    """Wait for images to decode and two animation frames, before a screenshot."""
    page.evaluate("() => Promise.all([...document.images].map(i => i.decode().catch(() => null)))")
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def assert_not_blank(locator, path: Path, min_std: float = 20.0) -> None:
    """Screenshot ``locator`` to ``path`` and check it is not a blank box.

    The notebook scrolls inside its own panel, so a view taller than the window would lose its
    top: the window is made tall enough for the whole view first.
    """
    page = locator.page
    viewport = page.viewport_size
    box = locator.bounding_box()
    if viewport and box and box["height"] > viewport["height"] - 300:
        page.set_viewport_size({"width": viewport["width"], "height": int(box["height"]) + 600})
        locator.scroll_into_view_if_needed()
    settle(page)
    locator.screenshot(path=str(path))
    if viewport and page.viewport_size != viewport:
        page.set_viewport_size(viewport)
    pixels = np.asarray(Image.open(path).convert("L"), dtype=float)
    assert pixels.std() > min_std, f"{path} looks blank (std {pixels.std():.1f})"
