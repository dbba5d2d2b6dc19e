"""The reliance trial's new modes in a real JupyterLab and Chromium: on request, and delayed."""

import time

import pytest

from .browser_kit import assert_not_blank, last_event, open_activity

DROP_IN = (
    "from thinktwice.widgets import RelianceTrial\n"
    "RelianceTrial(mode='on-request', explanations=True).view()"
)


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_asking_for_advice_shows_the_explanation_and_logs_the_request(page, activity_lab, tmp_path):
    view = open_activity(
        page, activity_lab, "reliance-on-request", DROP_IN, css_class="tt-reliance-trial"
    )
    page.wait_for_selector(".tt-reliance-trial img[alt*='handwritten digit']", timeout=60_000)
    assert "Case 1 of 12" in view.inner_text()
    assert "ask for the AI's advice first" in view.inner_text()
    assert not view.locator(".tt-explanation").is_visible()  # nothing shown before asking

    # Keyboard: choose 4 with Space, then press the labelled request button.
    view.locator(".tt-first-answer button", has_text="4").first.focus()
    page.keyboard.press("Space")
    request = view.locator("button.tt-request-advice")
    assert request.inner_text().strip() == "Show the AI's advice"
    start = time.perf_counter()
    request.click()
    page.wait_for_selector(".tt-explanation img[alt*='Heat map']", timeout=30_000)
    ms = (time.perf_counter() - start) * 1000
    print(f"ROUNDTRIP_MS {ms:.0f}")

    assert view.locator(".tt-advice").inner_text().startswith("The AI says")
    explanation = view.locator(".tt-explanation")
    assert "The AI's top three guesses" in explanation.inner_text()
    assert (
        explanation.locator("table caption").inner_text() == "The AI's three most probable digits"
    )
    assert explanation.locator("tbody tr").count() == 3
    assert request.is_disabled()

    event = last_event(activity_lab, "reliance-trial/A/on-request/explained")
    assert event["kind"] == "request"
    assert event["data"]["selected"] == 4 and event["data"]["explanations"] is True
    assert event["data"]["mode"] == "on-request"
    assert_not_blank(view, tmp_path / "reliance-on-request.png")


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_the_delayed_advice_counts_down_in_the_kernel_and_appears_by_itself(
    page, activity_lab, tmp_path
):
    view = open_activity(
        page,
        activity_lab,
        "reliance-delayed",
        "from thinktwice.widgets import RelianceTrial\n"
        "RelianceTrial(mode='delayed', delay=5).view()",
        css_class="tt-mode-delayed",
    )
    view.locator(".tt-countdown:has-text('appears in')").wait_for(timeout=60_000)
    assert not view.locator(".tt-advice").is_visible()
    view.locator(".tt-first-answer button", has_text="2").first.click()
    # Nobody clicks: the kernel's timer ticks and shows the advice after five seconds.
    view.locator(".tt-advice:has-text('The AI says')").wait_for(timeout=30_000)
    assert "shown below" in view.locator(".tt-countdown").inner_text()
    event = last_event(activity_lab, "reliance-trial/A/delayed")
    assert event["kind"] == "advice" and event["data"]["after"] >= 5
    assert event["data"]["selected"] == 2
