"""The Simpson explorer: the published table, the model, its view, and one browser test."""

from pathlib import Path

import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, SimpsonExplorer
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.judgement import already_answered, choose_first, no_such_question
from thinktwice.widgets.simpson_explorer import (
    COUNT_RIGHT,
    WHY,
    departments,
    load,
    row,
    totals,
    women_ahead,
)

from .browser_kit import assert_not_blank, last_event, open_activity

#: Freedman, Pisani & Purves (1978), the six largest departments: admitted / applicants.
PUBLISHED = {
    "A": ((512, 825), (89, 108)),
    "B": ((353, 560), (17, 25)),
    "C": ((120, 325), (202, 593)),
    "D": ((138, 417), (131, 375)),
    "E": ((53, 191), (94, 393)),
    "F": ((22, 373), (24, 341)),
}


# -- the data -------------------------------------------------------------------------------------
def test_the_table_is_the_published_one_and_its_sums_hold():
    assert departments() == tuple("ABCDEF") and len(load()) == 12
    for department, (men, women) in PUBLISHED.items():
        assert (row(department, "men").admitted, row(department, "men").applicants) == men
        assert (row(department, "women").admitted, row(department, "women").applicants) == women
    t = totals()
    assert (t["men"].admitted, t["men"].applicants) == (1198, 2691)
    assert (t["women"].admitted, t["women"].applicants) == (557, 1835)
    assert round(100 * t["men"].rate, 1) == 44.5 and round(100 * t["women"].rate, 1) == 30.4
    # The paradox: behind in the totals, ahead in four of the six departments.
    assert women_ahead() == ["A", "B", "D", "F"] and COUNT_RIGHT == "4"


def test_a_broken_table_is_named_in_the_error(tmp_path):
    bad = tmp_path / "berkeley.csv"
    bad.write_text("department,sex,applicants,admitted\nA,men,10,20\n")
    with pytest.raises(ValueError, match=str(bad)):
        load(bad)


# -- the model ------------------------------------------------------------------------------------
def test_variants_differ_per_learner_and_rebuild_identically(tmp_path):
    made = [SimpsonExplorer(f"learner-{k}", folder=tmp_path).start() for k in range(30)]
    assert len({tuple(m.order_) for m in made}) >= 25
    assert len({m.asked_ for m in made}) >= 8
    one = SimpsonExplorer("aiko", folder=tmp_path / "1").start()
    again = SimpsonExplorer("aiko", folder=tmp_path / "2").start()
    assert (one.order_, one.asked_) == (again.order_, again.asked_)


def test_steps_come_in_order_and_first_answers_count(tmp_path):
    explorer = SimpsonExplorer("aiko", folder=tmp_path).start()
    with pytest.raises(ActivityError, match="prediction"):
        explorer.split()
    with pytest.raises(ActivityError, match="Split"):
        explorer.answer("count", "4")
    with pytest.raises(ActivityError) as error:
        explorer.answer("prediction", "maybe")
    assert str(error.value) == str(choose_first())
    assert not (tmp_path / FILENAME).exists()
    assert explorer.answer("prediction", "women") is None
    explorer.split()
    with pytest.raises(ActivityError, match="already split"):
        explorer.split()
    assert explorer.answer("count", "2") is False
    with pytest.raises(ActivityError) as error:
        explorer.answer("count", "4")
    assert str(error.value) == str(already_answered())
    with pytest.raises(ActivityError) as error:
        explorer.record("rate", {"department": "Z", "sex": "men", "percent": 5})
    assert str(error.value) == str(no_such_question())
    explorer.read_rate(explorer.asked_rate() + 3)
    assert explorer.rate_credit() == 0.5
    assert explorer.answer("why", "merit") is False
    outcome = explorer.outcome()
    assert (outcome.done, outcome.total, outcome.credit) == (5, 5, 2.5)
    assert any("compare the women's and the men's" in text for text in outcome.feedback)
    assert any("chart of applicants" in text for text in outcome.feedback)
    kinds = [e.kind for e in EvidenceLog.in_folder(tmp_path, "aiko").events("simpson_explorer")]
    assert kinds == ["answer", "split", "answer", "rate", "answer"]
    again = SimpsonExplorer("aiko", folder=tmp_path).start()
    assert again.outcome() == outcome


def test_activity_score_reads_the_evidence(tmp_path):
    from .solutions.simpson_explorer import solve

    assert activity_score(SimpsonExplorer("aiko", folder=tmp_path), points=3).points == 0
    solve(SimpsonExplorer("aiko", folder=tmp_path).start())
    assert activity_score(SimpsonExplorer("aiko", folder=tmp_path), points=3).full


# -- the view, without a browser ----------------------------------------------------------------
def test_the_view_shows_the_split_only_after_the_prediction(tmp_path):
    view = SimpsonExplorer("aiko", folder=tmp_path).view()
    assert "44% of the 8,442 men and 35% of the 4,321 women" in view.intro.value
    assert (
        "1,198 of 2,691 (44.5%)" in view.intro.value and "557 of 1,835 (30.4%)" in view.intro.value
    )
    assert view.split_box.layout.display == "none" and view.split_button.disabled
    view.prediction.choices.value = "men"
    view.prediction.submit.click()
    assert view.prediction.choices.disabled and not view.split_button.disabled
    view.split_button.click()
    assert view.split_box.layout.display is None
    assert "alt='Two charts, department by department" in view.chart.value
    assert "<td>A</td><td>512 of 825 (62.1%)</td><td>89 of 108 (82.4%)</td>" in view.table.value
    department, _sex = view.explorer.asked_
    assert f"In department {department}," in view.rate_text.value
    view.rate_box.value = "lots"
    view.rate_button.click()
    assert "a number from 0 to 100" in view.message.value
    view.why.choices.value = WHY.right
    view.why.submit.click()
    assert "✓ Right" in view.why.feedback.value
    again = SimpsonExplorer("aiko", folder=tmp_path).view()  # a re-run resumes
    assert again.split_box.layout.display is None and again.why.choices.disabled


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_simpson_explorer_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "simpson-explorer",
        "from thinktwice.widgets import SimpsonExplorer\nSimpsonExplorer().view()",
        css_class="tt-simpson_explorer",
    )
    page.wait_for_selector(".tt-simpson_explorer .tt-submit-prediction", timeout=60_000)
    view.locator(".tt-prediction label", has_text="Women are admitted").click()
    view.locator("button.tt-submit-prediction").click()
    page.wait_for_selector("button.tt-split:not([disabled])", timeout=30_000)
    view.locator("button.tt-split").click()
    page.wait_for_selector(".tt-simpson-chart", timeout=30_000)
    event = last_event(activity_lab, "simpson_explorer")
    assert event["kind"] == "split"
    explorer = SimpsonExplorer("browser-learner", folder=Path(activity_lab[1])).start()
    assert explorer.answers_["prediction"] == "women" and explorer.split_
    assert_not_blank(view, tmp_path / "simpson-explorer.png")
