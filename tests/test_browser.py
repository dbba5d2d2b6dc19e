"""Module 0 in a real JupyterLab, in headless Chromium: the trial renders, a click is logged."""

import json
import time

import numpy as np
import pytest
from PIL import Image

from thinktwice.widgets.evidence import FILENAME

from .conftest import lab_request

pytestmark = [pytest.mark.browser, pytest.mark.lab, pytest.mark.slow]


def test_learner_runs_the_trial_in_jupyterlab(lab, page, tmp_path):
    base, folder = lab
    ids = {"course_id": "thinktwice", "assignment_id": "m00_reliance"}
    assert json.loads(lab_request(f"{base}/assignments/fetch", ids)[1])["success"]
    notebook = "thinktwice/m00_reliance/m00_reliance.ipynb"
    page.goto(f"{base}/lab/tree/{notebook}?token=thinktwice-test-token")
    page.wait_for_selector("text=(ipykernel) | Idle", timeout=120_000)
    page.locator(".jp-Notebook").click()
    page.keyboard.press("Escape")
    for _ in range(3):  # title, background, trial cell
        page.keyboard.press("Shift+Enter")
        time.sleep(0.3)
    page.wait_for_selector(".tt-reliance-trial img", timeout=60_000)
    assert "Case 1 of 12" in page.locator(".tt-reliance-trial").inner_text()
    assert page.locator(".tt-reliance-trial img").get_attribute("alt")

    page.locator(".tt-first-answer button", has_text="7").first.click()
    page.locator("button.tt-lock").click()
    page.wait_for_selector(".tt-advice:has-text('The AI says')", timeout=30_000)

    log = folder / "thinktwice" / "m00_reliance" / FILENAME
    lines = log.read_text().splitlines()
    event = json.loads(lines[-1])
    assert event["kind"] == "first" and event["data"]["answer"] == 7

    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    shot = tmp_path / "trial.png"
    page.locator(".tt-reliance-trial").screenshot(path=str(shot))
    pixels = np.asarray(Image.open(shot).convert("L"), dtype=float)
    assert pixels.std() > 20  # not a blank box
