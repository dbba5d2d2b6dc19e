"""An activity's saved output reads well without a live kernel: a notebook reopened later.

nbgrader's feedback and nbconvert use the still copy every view adds to its display (see
``tests/test_activities_common.py``); JupyterLab never falls back to it, so the lab saves the
widgets' state with the notebook, and a reopened notebook shows the activity as it was left.
"""

import json
import urllib.request

import pytest

from .browser_kit import TOKEN, assert_not_blank, last_event, open_activity

pytestmark = [pytest.mark.browser, pytest.mark.lab, pytest.mark.slow]


def _api(base, path, method="GET"):
    request = urllib.request.Request(
        f"{base}{path}", method=method, headers={"Authorization": f"token {TOKEN}"}
    )
    with urllib.request.urlopen(request, timeout=30) as response:
        body = response.read()
    return json.loads(body) if body else None


def test_a_notebook_reopened_without_its_kernel_still_shows_the_activity(
    page, activity_lab, tmp_path
):
    base, folder = activity_lab
    view = open_activity(
        page,
        activity_lab,
        "reopened",
        # A folder of its own: the claim checker's own browser test answers in the lab folder.
        "import os\nfrom thinktwice.widgets import ClaimChecker\n"
        "os.makedirs('reopened-work', exist_ok=True)\n"
        "ClaimChecker(folder='reopened-work').view()",
        css_class="tt-claim-checker",
    )
    view.locator(".tt-claim-1 button", has_text="Unverifiable").click()
    view.locator("button.tt-submit").click()
    assert last_event((base, folder / "reopened-work"), "claim-checker")["kind"] == "label"
    page.keyboard.press("Control+s")
    page.wait_for_function(
        "() => !document.title.startsWith('*') && !document.querySelector('.jp-mod-dirty')",
        timeout=30_000,
    )
    saved = json.loads((folder / "reopened.ipynb").read_text("utf-8"))
    assert "application/vnd.jupyter.widget-state+json" in saved["metadata"].get("widgets", {})

    for kernel in _api(base, "/api/kernels"):
        _api(base, f"/api/kernels/{kernel['id']}", method="DELETE")
    page.goto(f"{base}/lab/tree/reopened.ipynb?token={TOKEN}")
    page.wait_for_selector(".tt-claim-checker", timeout=60_000)
    reopened = page.locator(".tt-claim-checker").first
    assert "Error displaying widget" not in page.locator(".jp-Notebook").inner_text()
    assert "Unverifiable" in reopened.inner_text()
    assert_not_blank(reopened, tmp_path / "reopened.png")
