"""`make lab` in headless Chromium: module 0's trial renders and a click is logged; the learner's
view shows the assignment list and none of the teacher's things; the teacher's view has formgrader.
"""

import json
import time

import numpy as np
import pytest
from PIL import Image

from thinktwice.widgets.evidence import FILENAME

from .browser_kit import settle
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


def _menu_labels(page) -> dict[str, list[str]]:
    """Every item of every menu in JupyterLab's menu bar, by menu title."""
    labels = {}
    bar = page.locator(".lm-MenuBar-content .lm-MenuBar-itemLabel")
    for title in bar.all_inner_texts():
        bar.filter(has_text=title).first.click()
        page.wait_for_selector(".lm-Menu-content", timeout=10_000)
        items = page.locator(".lm-Menu .lm-Menu-itemLabel").all_inner_texts()
        labels[title] = [item for item in items if item.strip()]  # a missing command: no label
        page.keyboard.press("Escape")
        page.wait_for_selector(".lm-Menu-content", state="detached", timeout=10_000)
    return labels


def _file_browser(page) -> list[str]:
    return page.locator(".jp-DirListing-content .jp-DirListing-itemText").all_inner_texts()


def _toasts(page) -> list[str]:
    """The pop-up notifications showing (JupyterLab's news question is one)."""
    return page.locator(".Toastify__toast").all_inner_texts()


def _screenshot_not_blank(page, path) -> None:
    settle(page)
    page.screenshot(path=str(path))
    pixels = np.asarray(Image.open(path).convert("L"), dtype=float)
    assert pixels.std() > 10, f"{path} looks blank"  # a mostly white page, not an empty one


def _right_sidebar(page) -> str:
    return page.locator(".jp-SideBar.jp-mod-right").inner_text()


def test_the_learner_sees_the_assignment_list_and_none_of_the_teachers_things(lab, page, tmp_path):
    base, workspace = lab
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(f"{base}/lab?token=thinktwice-test-token")
    # The first visit opens the assignment list, with module 0 ready to fetch.
    panel = page.locator(".nbgrader-mainarea-widget")
    page.wait_for_selector(".nbgrader-mainarea-widget :text('m00_reliance')", timeout=120_000)
    assert "Released assignments" in panel.inner_text()
    time.sleep(3)  # the news question, when not silenced, pops up within a second or two
    assert _toasts(page) == []
    assert _file_browser(page) == []

    menus = _menu_labels(page)
    assert menus["Nbgrader"] == ["Assignment List"]
    every_item = [item for items in menus.values() for item in items]
    assert not [
        item
        for item in every_item
        if "formgrader" in item.lower() or "create assignment" in item.lower()
    ]
    assert "Create Assignment" not in _right_sidebar(page)

    # One row per released module: fetch module 0's.
    panel.locator(".list_item", has_text="m00_reliance").locator("button", has_text="Fetch").click()
    page.wait_for_selector(".nbgrader-mainarea-widget button:has-text('Submit')", timeout=60_000)
    page.wait_for_selector(".jp-DirListing-itemText:has-text('thinktwice')", timeout=30_000)
    assert _file_browser(page) == ["thinktwice"]  # no source, nbgrader_config.py, gradebook.db
    assert (workspace / "thinktwice" / "m00_reliance" / "m00_reliance.ipynb").exists()
    assert _toasts(page) == []
    _screenshot_not_blank(page, tmp_path / "learner.png")


def test_the_teacher_view_has_formgrader_and_the_course(teacher_lab, page, tmp_path):
    base, course = teacher_lab
    page.set_viewport_size({"width": 1200, "height": 800})
    page.goto(f"{base}/lab?token=thinktwice-test-token")
    page.wait_for_selector(".jp-DirListing-itemText:has-text('source')", timeout=120_000)
    assert {"source", "release", "gradebook.db", "nbgrader_config.py"} <= set(_file_browser(page))
    assert "Create Assignment" in _right_sidebar(page)
    menus = _menu_labels(page)
    assert "Formgrader" in menus["Nbgrader"] and "Assignment List" not in menus["Nbgrader"]

    page.locator(".lm-MenuBar-itemLabel", has_text="Nbgrader").click()
    page.get_by_text("Formgrader", exact=True).click()
    formgrader = page.frame_locator("iframe").first
    formgrader.locator("text=m00_reliance").first.wait_for(timeout=60_000)
    assert "Manage Assignments" in formgrader.locator("body").inner_text()
    assert _toasts(page) == []
    _screenshot_not_blank(page, tmp_path / "teacher.png")
