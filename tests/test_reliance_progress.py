"""Module 11's before/after: module 0's trial found beside the capstone, or plainly not found."""

import html

from thinktwice.widgets import EvidenceLog, RelianceTrial
from thinktwice.widgets.evidence import FILENAME
from thinktwice.widgets.measures import Trial, summarize
from thinktwice.widgets.reliance_progress import (
    EMPTY,
    FOUND,
    MISSING,
    UNREADABLE,
    Baseline,
    Progress,
    baseline_folder,
    find_baseline,
    progress,
)

from .solutions.reliance_trial import solve


def _course(tmp_path):
    """A learner's course folder as nbgrader's fetch makes it: modules side by side."""
    course = tmp_path / "course101"
    (course / "m11_capstone").mkdir(parents=True)
    (course / "m00_reliance").mkdir()
    return course


def _follow_the_ai(trial):
    """Module 0 done by a learner who always follows the AI."""
    while trial.current is not None:
        case = trial.current
        trial.answer_first(case.truth, 0.9)
        trial.answer_final(case.ai, 0.9)


def test_module_0_is_looked_for_beside_this_module(tmp_path):
    course = _course(tmp_path)
    assert baseline_folder(course / "m11_capstone") == course / "m00_reliance"


def test_module_0_done_gives_before_and_after_from_the_two_forms(tmp_path):
    course = _course(tmp_path)
    _follow_the_ai(RelianceTrial("aiko", form="A", folder=course / "m00_reliance").start())
    retake = RelianceTrial("aiko", form="B", folder=course / "m11_capstone").start()
    solve(retake)
    result = progress(retake)
    assert result.baseline.status == FOUND and len(result.baseline.trials) == 12
    rows = {row.measure: row for row in result.rows()}
    # Always following the AI: every wrong advice followed, no right answer of one's own kept.
    assert rows["over_reliance"].before == 1.0 and rows["rsr"].before == 0.0
    # The retake kept the truth every time: the AI's mistakes were never followed.
    assert rows["over_reliance"].after == 0.0 and rows["over_reliance"].reading() == "better"
    assert rows["rsr"].change == 1.0
    assert "Module 0 found: 12 of 12 cases" in result._repr_html_()


def test_reading_module_0_writes_nothing_there(tmp_path):
    course = _course(tmp_path)
    _follow_the_ai(RelianceTrial("aiko", form="A", folder=course / "m00_reliance").start())
    log = course / "m00_reliance" / FILENAME
    before = log.read_bytes()
    find_baseline(course / "m11_capstone", "aiko")
    assert log.read_bytes() == before
    assert sorted(p.name for p in (course / "m00_reliance").iterdir()) == [FILENAME]


def test_no_module_0_says_so_plainly_and_shows_no_figure_before(tmp_path):
    course = _course(tmp_path)
    retake = RelianceTrial("aiko", form="B", folder=course / "m11_capstone").start()
    solve(retake)
    result = progress(retake)
    assert result.baseline.status == MISSING
    assert "were not found" in result.baseline.message()
    assert "nothing here counts in a grade" in result.baseline.message()
    for row in result.rows():
        assert row.before is None and row.change is None
    cells = result.table_rows()
    assert all(c[1] == "not found" and c[3] == "undefined" for c in cells)
    assert "0%" not in "".join(c[1] + c[3] for c in cells)


def test_another_learners_log_is_not_used(tmp_path):
    course = _course(tmp_path)
    _follow_the_ai(RelianceTrial("ben", form="A", folder=course / "m00_reliance").start())
    found = find_baseline(course / "m11_capstone", "aiko")
    assert found.status == UNREADABLE and not found.trials
    assert "could not be read as yours" in found.message()


def test_a_log_without_a_completed_case_is_empty(tmp_path):
    course = _course(tmp_path)
    EvidenceLog.in_folder(course / "m00_reliance", "aiko").append("other", "click", {})
    trial = RelianceTrial("aiko", form="A", folder=course / "m00_reliance").start()
    trial.answer_first(trial.current.truth, 0.5)  # one case begun, none completed
    found = find_baseline(course / "m11_capstone", "aiko")
    assert found.status == EMPTY and "nothing to compare with" in found.message()


def test_undefined_measures_stay_undefined_never_0_or_1(tmp_path):
    # Before: the AI was never wrong, so RSR and over-reliance have no case to count.
    before = Baseline(FOUND, tmp_path / FILENAME, (Trial(3, 5, 5, 5, 0.6, 0.7),))
    after = summarize([Trial(3, 5, 5, 5, 0.6, 0.8), Trial(2, 7, 2, 2, 0.9, 0.9)])
    rows = {r.measure: r for r in Progress(before, after).rows()}
    assert rows["rsr"].before is None and rows["rsr"].after == 1.0
    assert rows["rsr"].change is None
    assert rows["over_reliance"].before is None and rows["over_reliance"].change is None
    text = {c[0]: c for c in Progress(before, after).table_rows()}
    rsr = next(v for k, v in text.items() if k.startswith("RSR"))
    assert rsr[1] == "undefined" and rsr[3] == "undefined"
    assert rsr[4].startswith("cannot be compared")


def test_the_plot_has_alt_text_with_every_number(tmp_path):
    before = Baseline(FOUND, tmp_path / FILENAME, (Trial(3, 5, 5, 5, 0.6, 0.7),))
    after = summarize([Trial(2, 7, 2, 2, 0.9, 0.9)])
    result = Progress(before, after)
    alt = result.alt_text()
    assert "RAIR: 100% before, undefined now" in alt
    assert "Brier score: 0.090 before, 0.010 now" in alt
    page = result._repr_html_()
    assert f"alt='{html.escape(alt, quote=True)}'" in page
    assert "tt-progress-table" in page and "undefined" in repr(result)


def test_a_module_0_on_the_older_case_set_is_flagged_as_unmatched(tmp_path):
    course = _course(tmp_path)
    old = RelianceTrial("aiko", form="A", case_set=1, folder=course / "m00_reliance").start()
    _follow_the_ai(old)
    retake = RelianceTrial("aiko", form="B", folder=course / "m11_capstone").start()
    solve(retake)
    result = progress(retake)
    assert result.baseline.case_set == 1 and retake.case_set_ == 2
    assert "not matched case by case" in result.message()
    # The same logs with matched sets say nothing of the kind.
    matched = Progress(find_baseline(course / "m11_capstone", "aiko"), retake.summary(), 1)
    assert "not matched" not in matched.message()
