"""The frequency grid: the published figures, the model, its view, and one browser test."""

from pathlib import Path

import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, FrequencyGrid
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.frequency_grid import MAMMOGRAPHY, Rates, counts
from thinktwice.widgets.judgement import already_answered

from .browser_kit import assert_not_blank, last_event, open_activity


# -- the figures -----------------------------------------------------------------------------------
def test_the_mammography_figures_give_about_nine_percent():
    # Gigerenzer et al. 2007: 0.8% prevalence, 90% sensitivity, 7% false positives.
    assert (MAMMOGRAPHY.prevalence, MAMMOGRAPHY.sensitivity, MAMMOGRAPHY.false_positive) == (
        0.8,
        90.0,
        7.0,
    )
    assert MAMMOGRAPHY.chance() == pytest.approx(0.0072 / (0.0072 + 0.992 * 0.07))
    assert 0.09 < MAMMOGRAPHY.chance() < 0.095
    c = counts(MAMMOGRAPHY)
    assert (c.sick, c.sick_positive, c.healthy, c.healthy_positive, c.positive) == (
        8,
        7,
        992,
        69,
        76,
    )
    assert "So 7 of the 76 people who test positive have the condition: 9.2%." in c.sentence()
    assert "Of 1,000 people, 8 have the condition" in c.sentence()


def test_counts_round_halves_up_and_nobody_positive_is_undefined():
    c = counts(Rates(2.5, 50.0, 0.0))  # 25 sick, 12.5 of them positive
    assert (c.sick, c.sick_positive, c.healthy_positive) == (25, 13, 0)
    nobody = counts(Rates(0.1, 1.0, 0.0))
    assert nobody.positive == 0 and nobody.share is None
    assert "undefined" in nobody.sentence()
    assert Rates(0.1, 1.0, 0.0).chance() is not None and Rates(0.0, 90.0, 0.0).chance() is None


# -- the model ------------------------------------------------------------------------------------
def test_variants_differ_per_learner_and_rebuild_identically(tmp_path):
    scenarios = {
        FrequencyGrid(f"learner-{k}", folder=tmp_path).start().scenario_ for k in range(20)
    }
    assert len(scenarios) >= 10
    one = FrequencyGrid("aiko", folder=tmp_path / "1").start()
    again = FrequencyGrid("aiko", folder=tmp_path / "2").start()
    assert one.scenario_ == again.scenario_


def test_the_estimate_is_graded_by_closeness_and_the_first_one_counts(tmp_path):
    grid = FrequencyGrid("aiko", folder=tmp_path).start()
    with pytest.raises(ActivityError, match="first estimate"):
        grid.answer_after(9)
    with pytest.raises(ActivityError, match="first estimate"):
        grid.explore(Rates(1.0, 90.0, 7.0))
    for bad in (-1, 101, "9", None, float("nan"), True):
        with pytest.raises(ActivityError):
            grid.estimate(bad)
    assert not (tmp_path / FILENAME).exists()
    grid.estimate(45)
    with pytest.raises(ActivityError) as error:
        grid.estimate(9)
    assert str(error.value) == str(already_answered())
    assert 0 < grid.estimate_credit() < 0.75  # nearer than 90%, far from 9%
    for estimate, credit in [(9.4, 1.0), (14, 1.0), (90, 0.0), (99, 0.0)]:
        (tmp_path / str(estimate)).mkdir()
        other = FrequencyGrid("ben", folder=tmp_path / str(estimate)).start()
        other.estimate(estimate)
        assert other.estimate_credit() == credit, estimate
    outcome = grid.outcome()
    assert outcome.done == 1 and "how few people have the condition" in outcome.feedback[0]


def test_after_explore_and_scenario_steps(tmp_path):
    grid = FrequencyGrid("aiko", folder=tmp_path).start()
    grid.estimate(9)
    grid.answer_after(12)
    assert grid.after_credit() == 0.5
    moved = grid.explore(Rates(20.0, 90.0, 7.0))
    assert moved.sick == 200 and grid.rates_ == Rates(20.0, 90.0, 7.0)
    with pytest.raises(ActivityError, match="slider"):
        grid.record("explore", {"prevalence": 90, "sensitivity": 90, "false_positive": 7})
    truth = grid.scenario_counts()
    with pytest.raises(ActivityError, match="whole number"):
        grid.answer_scenario(2.5, truth.positive)
    grid.answer_scenario(truth.sick_positive + 1, truth.positive + 5)
    assert grid.scenario_credit() == 0.5
    with pytest.raises(ActivityError):
        grid.answer_scenario(truth.sick_positive, truth.positive)
    outcome = grid.outcome()
    assert (outcome.done, outcome.total, outcome.credit) == (4, 4, 3.0)
    kinds = [e.kind for e in EvidenceLog.in_folder(tmp_path, "aiko").events("frequency_grid")]
    assert kinds == ["estimate", "after", "explore", "scenario"]
    with pytest.raises(ActivityError) as error:
        grid.record("vote", {})
    assert str(error.value) == str(unknown_action())


def test_replay_restores_the_answers_and_the_rates(tmp_path):
    grid = FrequencyGrid("aiko", folder=tmp_path).start()
    grid.estimate(30)
    grid.explore(Rates(5.0, 80.0, 3.0))
    log = EvidenceLog.in_folder(tmp_path, "aiko")
    log.append("frequency_grid", "estimate", {"percent": 9})  # a second estimate, edited in
    log.append("frequency_grid", "explore", {"prevalence": "x"})
    again = FrequencyGrid("aiko", folder=tmp_path).start()
    assert again.estimate_ == 30 and again.rates_ == Rates(5.0, 80.0, 3.0)
    assert again.explored_ == 1


def test_activity_score_reads_the_evidence(tmp_path):
    from .solutions.frequency_grid import solve

    assert activity_score(FrequencyGrid("aiko", folder=tmp_path), points=3).points == 0
    solve(FrequencyGrid("aiko", folder=tmp_path).start())
    assert activity_score(FrequencyGrid("aiko", folder=tmp_path), points=3).full


# -- the view, without a browser -----------------------------------------------------------------
def test_the_view_hides_the_grid_until_the_estimate(tmp_path):
    view = FrequencyGrid("aiko", folder=tmp_path).view()
    assert view.revealed.layout.display == "none"
    assert "0.8% of the people screened have the condition" in view.intro.value
    view.estimate_box.value = "nine"
    view.estimate_button.click()
    assert "a number from 0 to 100" in view.message.value
    view.estimate_box.value = "50%"
    view.estimate_button.click()
    assert view.revealed.layout.display is None and view.estimate_box.disabled
    assert "alt='A grid of 1,000 squares" in view.picture.value
    assert "7 of the 76 people who test positive" in view.sentence.value
    assert "<td>With the condition</td><td>7</td><td>1</td><td>8</td>" in view.table.value
    view.sliders["prevalence"].value = 10.0
    assert "Of 1,000 people, 100 have the condition" in view.sentence.value
    view.reset.click()
    assert view.sliders["prevalence"].value == 0.8
    assert FrequencyGrid("aiko", folder=tmp_path).start().explored_ == 2
    view.after_box.value = "9.2"
    view.after_button.click()
    assert "The grid gives 7 of 76" in view.after_feedback.value and view.after_box.disabled
    again = FrequencyGrid("aiko", folder=tmp_path).view()  # a re-run resumes
    assert again.revealed.layout.display is None and again.after_box.value == "9.2"


def test_the_view_counts_the_learners_scenario(tmp_path):
    view = FrequencyGrid("aiko", folder=tmp_path).view()
    for step in view.tour():
        step()
    assert "Both counts are right" in view.scenario_feedback.value
    assert view.scenario_button.disabled
    assert not [x for x in (view.intro.value, view.scenario_text.value) if "`" in x]


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_frequency_grid_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "frequency-grid",
        "from thinktwice.widgets import FrequencyGrid\nFrequencyGrid().view()",
        css_class="tt-frequency_grid",
    )
    page.wait_for_selector(".tt-frequency_grid .tt-submit-estimate", timeout=60_000)
    view.locator(".tt-estimate input").fill("40")
    view.locator("button.tt-submit-estimate").click()
    page.wait_for_selector(".tt-grid img", timeout=30_000)
    event = last_event(activity_lab, "frequency_grid")
    assert event["kind"] == "estimate" and event["data"]["percent"] == 40
    assert "7 of the 76" in view.locator(".tt-grid-sentence").inner_text()
    grid = FrequencyGrid("browser-learner", folder=Path(activity_lab[1])).start()
    assert grid.estimate_ == 40
    assert_not_blank(view, tmp_path / "frequency-grid.png")
