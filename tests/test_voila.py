"""An activity as a Voilà app: it renders without the notebook around it, and a click is logged."""

import os
import sys
from pathlib import Path

import pytest

from .browser_kit import assert_not_blank, last_event, settle, write_notebook
from .conftest import _free_port, serve

pytestmark = [pytest.mark.browser, pytest.mark.slow]
TOKEN = "thinktwice-voila-token"


@pytest.fixture
def voila_app(tmp_path):
    """Voilà serving one notebook with the reliance trial on 127.0.0.1: yields (url, folder)."""
    write_notebook(
        tmp_path,
        "trial",
        "from thinktwice.widgets import RelianceTrial\nRelianceTrial().view()",
    )
    port = _free_port()
    env = dict(os.environ, THINKTWICE_LEARNER="voila-learner", HOME=str(tmp_path / ".home"))
    voila = Path(sys.executable).with_name("voila")
    command = [
        str(voila),
        "trial.ipynb",
        "--no-browser",
        f"--port={port}",
        "--Voila.ip=127.0.0.1",
        f"--token={TOKEN}",
    ]
    static = f"http://127.0.0.1:{port}/voila/static/"
    with serve(command, url=static, env=env, log_path=tmp_path / "voila.log", cwd=tmp_path):
        yield f"http://127.0.0.1:{port}/?token={TOKEN}", tmp_path


def test_the_reliance_trial_runs_as_a_voila_app(voila_app, page, tmp_path):
    url, folder = voila_app
    page.goto(url)
    trial = page.locator(".tt-reliance-trial")
    page.wait_for_selector(".tt-reliance-trial img", timeout=90_000)
    # Voilà shows outputs only: no code cells, no notebook chrome.
    assert page.locator(".jp-InputArea").count() == 0
    assert "Case 1 of 12" in trial.inner_text()

    # Keyboard only: focus the digit 4, press it with Space, then Tab to the lock button.
    page.locator(".tt-first-answer button", has_text="4").first.focus()
    page.keyboard.press("Space")
    page.locator("button.tt-lock").focus()
    page.keyboard.press("Enter")
    page.wait_for_selector(".tt-advice:has-text('The AI says')", timeout=30_000)

    event = last_event((None, folder), "reliance-trial/A")
    assert event["kind"] == "first" and event["data"]["answer"] == 4
    settle(page)
    assert_not_blank(trial, tmp_path / "voila.png")
