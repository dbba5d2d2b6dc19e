"""The re-identification lab: its measures by hand, the invented table, replay, grading, view."""

import html
import re

import numpy as np
import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, ReidentificationLab
from thinktwice.widgets import _view_kit as kit
from thinktwice.widgets._reidentification_view import intro_html, summary_html
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.judgement import already_answered, choose_first
from thinktwice.widgets.reidentification import (
    BIRTH_LEVELS,
    K_TARGET,
    SETTINGS,
    Setting,
    anonymity,
    class_size_histogram,
    equivalence_classes,
    generalise_birth,
    generalise_postcode,
)

from .browser_kit import assert_not_blank, last_event, open_activity

# A hand-made table: (postcode, sex, birth date).
TABLE = [
    ("13121", "F", "1980-02-03"),
    ("13121", "F", "1980-02-03"),
    ("13121", "M", "1980-02-03"),
    ("13125", "F", "1975-06-30"),
    ("13125", "F", "1975-06-30"),
    ("13125", "F", "1975-06-30"),
    ("13890", "M", "2001-12-24"),
]


# -- measures by hand --------------------------------------------------------------------------
def test_equivalence_classes_by_hand():
    labels, sizes = equivalence_classes(TABLE)
    assert sorted(sizes.tolist()) == [1, 1, 2, 3]
    assert labels[0] == labels[1] != labels[2]
    assert len({labels[3], labels[4], labels[5]}) == 1
    # Dropping the sex column merges the first three rows.
    _, sizes = equivalence_classes([(p, b) for p, _s, b in TABLE])
    assert sorted(sizes.tolist()) == [1, 3, 3]
    # No columns at all: everyone is in one class.
    _, sizes = equivalence_classes([() for _ in TABLE])
    assert sizes.tolist() == [7]


def test_anonymity_by_hand():
    a = anonymity(TABLE, k_target=3)
    assert a.rows == 7 and a.classes == 4
    assert a.unique_share == pytest.approx(2 / 7)  # the M of 13121 and the row of 13890
    assert a.k == 1
    assert a.small_share == pytest.approx(4 / 7)  # classes of 1, 1 and 2 are below 3
    assert not a.meets_target
    coarse = anonymity([(p[:2], b[:3]) for p, _s, b in TABLE], k_target=3)
    assert coarse.classes == 3 and coarse.k == 1  # 2001 is still alone
    everyone = anonymity([(p[:1],) for p, _s, _b in TABLE], k_target=3)
    assert everyone.k == 7 and everyone.meets_target and everyone.unique_share == 0


def test_an_empty_table_has_undefined_measures():
    a = anonymity([])
    assert a.rows == 0 and a.k is None and a.unique_share is None and not a.meets_target


def test_class_size_histogram_counts_people_and_classes():
    bins = dict(
        (label, (people, classes))
        for label, people, classes in class_size_histogram([1, 1, 2, 4, 5, 9, 10, 60, 200])
    )
    assert bins["1"] == (2, 2) and bins["2"] == (2, 1) and bins["3"] == (0, 0)
    assert bins["4"] == (4, 1) and bins["5-9"] == (14, 2) and bins["10-19"] == (10, 1)
    assert bins["50+"] == (260, 2)


def test_generalising_the_columns():
    assert generalise_postcode("13121", 5) == "13121"
    assert generalise_postcode("13121", 3) == "131**"
    assert generalise_postcode("13121", 0) == "*****"
    date = np.datetime64("1987-04-12")
    assert [generalise_birth(date, level) for level in BIRTH_LEVELS] == [
        "1987-04-12",
        "1987-04",
        "1987",
        "1985-1989",
        "1980-1989",
    ]


# -- the invented table and the grid -----------------------------------------------------------
def test_same_learner_same_people_different_learners_differ(tmp_path):
    a1 = ReidentificationLab("aiko", folder=tmp_path / "1").start()
    a2 = ReidentificationLab("aiko", folder=tmp_path / "2").start()
    b = ReidentificationLab("ben", folder=tmp_path / "3").start()
    for column in ("postcode", "sex", "birth_date", "diagnosis", "blood_pressure"):
        assert np.array_equal(a1.people_[column], a2.people_[column])
    assert not np.array_equal(a1.people_["postcode"], b.people_["postcode"])
    assert a1.releases_ == a2.releases_


def test_the_table_looks_like_a_town(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    people = lab.people_
    assert len(people["postcode"]) == 3000
    codes, counts = np.unique(people["postcode"], return_counts=True)
    assert 24 <= len(codes) <= 60 and all(10_000 <= c <= 99_999 for c in codes)
    assert counts.max() > 4 * np.median(counts)  # skewed: a few busy codes, many quiet ones
    ages = (np.datetime64("2025-01-01") - people["birth_date"]).astype(int) / 365.25
    assert 18 <= ages.min() and ages.max() < 92
    raw = lab.releases_[Setting()]
    assert raw.anonymity.unique_share > 0.9 and raw.anonymity.k == 1
    assert raw.usefulness == pytest.approx(1.0)


def test_generalising_never_makes_anyone_easier_to_single_out(tmp_path):
    lab = ReidentificationLab("ben", folder=tmp_path).start()
    releases = lab.releases_
    for setting in SETTINGS:
        here = releases[setting].anonymity
        coarser = []
        if setting.postcode_digits > 0:
            coarser.append(Setting(setting.postcode_digits - 1, setting.birth, setting.keep_sex))
        level = BIRTH_LEVELS.index(setting.birth)
        if level + 1 < len(BIRTH_LEVELS):
            coarser.append(
                Setting(setting.postcode_digits, BIRTH_LEVELS[level + 1], setting.keep_sex)
            )
        if setting.keep_sex:
            coarser.append(Setting(setting.postcode_digits, setting.birth, False))
        for other in coarser:
            assert releases[other].anonymity.k >= here.k
            assert releases[other].anonymity.unique_share <= here.unique_share


def test_usefulness_falls_when_the_model_loses_what_it_needs(tmp_path):
    lab = ReidentificationLab("chie", folder=tmp_path).start()
    u = {s: r.usefulness for s, r in lab.releases_.items()}
    assert u[Setting(0, "day", True)] < u[Setting(3, "day", True)] - 0.05  # place matters
    assert u[Setting(5, "day", False)] < u[Setting(5, "day", True)]  # sex matters
    assert u[Setting(5, "10y", True)] < u[Setting(5, "day", True)]
    assert u[Setting(5, "10y", True)] > u[Setting(0, "day", True)]  # but the date matters least
    safe = [r.usefulness for r in lab.releases_.values() if r.anonymity.meets_target]
    assert safe and lab.best_usefulness_ == max(safe) < 1


# -- interactions, replay and grading ----------------------------------------------------------
def test_a_setting_is_logged_and_replayed(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    release = lab.release(3, "year", keep_sex=False)
    (event,) = lab.events()
    assert event.kind == "setting"
    assert event.data["postcode_digits"] == 3 and event.data["birth"] == "year"
    assert event.data["keep_sex"] is False and event.data["k"] == release.anonymity.k
    assert event.data["usefulness"] == pytest.approx(release.usefulness, abs=1e-4)
    again = ReidentificationLab("aiko", folder=tmp_path).start()
    assert again.tried_ == [Setting(3, "year", False)]


def test_refused_interactions_write_nothing_and_start_writes_nothing(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    assert not (tmp_path / FILENAME).exists()
    for digits, birth, keep_sex in [(6, "day", True), (3, "week", True), (3, "day", "yes")]:
        with pytest.raises(ActivityError):
            lab.release(digits, birth, keep_sex)
    with pytest.raises(ActivityError):
        lab.release(True, "day", True)
    with pytest.raises(ActivityError):
        lab.answer("maybe")
    assert not (tmp_path / FILENAME).exists()
    lab.answer("safe")
    with pytest.raises(ActivityError, match="already answered"):
        lab.answer("linkable")
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("reidentification")) == 1
    ReidentificationLab("aiko", folder=tmp_path).start()
    assert len(EvidenceLog.in_folder(tmp_path, "aiko").events("reidentification")) == 1


def _safe_releases(lab):
    safe = [r for r in lab.releases_.values() if r.anonymity.meets_target]
    return min(safe, key=lambda r: r.usefulness), max(safe, key=lambda r: r.usefulness)


def test_outcome_grades_reaching_k5_keeping_usefulness_and_the_judgement(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    assert (lab.outcome().done, lab.outcome().total, lab.outcome().credit) == (0, 3, 0)
    lab.release(5, "year", True)  # still k = 1
    first = lab.outcome()
    assert first.credit == 0 and any("Make the details coarser" in line for line in first.feedback)

    worst, best = _safe_releases(lab)
    gap = best.usefulness - worst.usefulness
    assert 0.02 < gap <= 0.10  # this learner's least useful safe release earns half a point
    s = worst.setting
    lab.release(s.postcode_digits, s.birth, s.keep_sex)
    middle = lab.outcome()
    assert (middle.done, middle.credit) == (2, 1.5)
    assert any("more useful for research" in line for line in middle.feedback)

    s = best.setting
    lab.release(s.postcode_digits, s.birth, s.keep_sex)
    lab.release(5, "day", True)  # going back to a risky release loses nothing already shown
    lab.answer("diagnosis")
    end = ReidentificationLab("aiko", folder=tmp_path).start().outcome()
    assert (end.done, end.credit) == (3, 2)
    assert any("other lists" in line for line in end.feedback)


def test_activity_score_reads_the_log(tmp_path, capsys):
    assert activity_score(ReidentificationLab("aiko", folder=tmp_path), points=3).points == 0
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    s = _safe_releases(lab)[1].setting
    lab.release(s.postcode_digits, s.birth, s.keep_sex)
    lab.answer("linkable")
    score = activity_score(ReidentificationLab("aiko", folder=tmp_path), points=3)
    assert score.points == 3 and "completed 3 of 3" in capsys.readouterr().out


# -- the view, without a browser ---------------------------------------------------------------
def _alt(html_value):
    return re.search(r"alt='([^']*)'", html_value).group(1)


def test_view_shows_the_original_table_without_logging(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    view = lab.view()
    raw = lab.releases_[Setting()]
    assert f"{raw.anonymity.unique_share:.1%}" in view.summary.value
    assert "Not yet" in view.summary.value
    assert "Sweeney (2000)" in view.children[0].value
    assert str(lab.people_["postcode"][0]) in view.sample.value
    assert f"{raw.anonymity.unique_share:.1%}" in _alt(view.histogram.value)
    assert not (tmp_path / FILENAME).exists()


def test_view_logs_each_setting_and_redraws(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    view = lab.view()
    _worst, best = _safe_releases(lab)
    view.postcode.value = best.setting.postcode_digits
    view.birth.value = best.setting.birth
    view.sex.value = best.setting.keep_sex
    assert view.message.value == ""
    assert [e.kind for e in lab.events()] == ["setting"] * len(lab.tried_)
    assert lab.tried_[-1] == best.setting
    assert "Goal reached" in view.summary.value
    assert f"{best.usefulness:.0%}" in view.summary.value
    assert "*" * (5 - best.setting.postcode_digits) in view.sample.value
    alt = _alt(view.histogram.value)
    assert f"the smallest group has {best.anonymity.k}" in alt
    people_in_1 = best.histogram[0][1]
    assert f"<td>1</td><td>{people_in_1}</td>" in view.histogram_table.value
    assert f"Settings you tried ({len(lab.tried_)})" in view.tried.value


def test_view_names_the_setting_that_counts(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    view = lab.view()
    view.postcode.value = 4  # still k = 1
    assert "None of your settings reaches k of at least 5 yet." in view.tried.value
    worst, best = _safe_releases(lab)
    for release in (best, worst):  # the less useful one last: the best still counts
        view.postcode.value = release.setting.postcode_digits
        view.birth.value = release.setting.birth
        view.sex.value = release.setting.keep_sex
    said = html.unescape(re.sub(r"<[^>]+>", " ", view.tried.value))
    assert f"the one that counts: {best.setting.describe()} ({best.usefulness:.0%}" in said


def test_usefulness_above_100_percent_is_explained(tmp_path):
    # chen's table has a coarser setting that predicts new people better than the original one.
    lab = ReidentificationLab("chen", folder=tmp_path).start()
    above = [r for r in lab.releases_.values() if r.usefulness >= 1.005]
    below = [r for r in lab.releases_.values() if r.usefulness < 0.995]
    assert above and below
    assert "More than 100%?" in summary_html(above[0])
    assert "More than 100%?" not in summary_html(below[0])


def test_the_opening_counts_people_with_a_thousands_separator(tmp_path):
    assert "3,000 patients" in intro_html(ReidentificationLab("aiko", folder=tmp_path).start())


def test_view_answers_once_and_a_new_view_resumes(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    view = lab.view()
    question = view.judgement
    question.submit.click()
    assert "Choose one of the answers" in view.message.value
    view.postcode.value = 2
    question.choices.value = "linkable"
    question.submit.click()
    assert "Right." in question.feedback.value
    assert question.submit.disabled and question.choices.disabled
    events = len(lab.events())
    again = ReidentificationLab("aiko", folder=tmp_path).view()
    assert again.postcode.value == 2 and again.judgement.choices.value == "linkable"
    assert "2 postcode digits" in again.summary.value
    assert len(again.lab.events()) == events  # resuming logs nothing


def test_refusals_say_what_every_activity_says(tmp_path):
    lab = ReidentificationLab("aiko", folder=tmp_path).start()
    with pytest.raises(ActivityError) as unknown:
        lab.record("dance", {})
    assert str(unknown.value) == str(unknown_action())
    with pytest.raises(ActivityError) as none:
        lab.answer("maybe")
    assert str(none.value) == str(choose_first())
    lab.answer("safe")
    with pytest.raises(ActivityError) as again:
        lab.answer("linkable")
    assert str(again.value) == str(already_answered())
    (event,) = lab.events()
    assert event.data == {"choice": "safe", "correct": False}


def test_the_opening_says_it_in_plain_words_before_any_term(tmp_path):
    view = ReidentificationLab("aiko", folder=tmp_path).view()
    intro = view.children[0].value
    first = re.search(r"<p>(.*?)</p>", intro, re.S).group(1)
    for term in ("R²", "R squared", "k ≥", "k >=", "k-anonymity", "k-anonymous"):
        assert term not in first, f"{term!r} in the first paragraph"
    assert "postcode" in first and first.index("postcode") < first.find("ZIP")
    assert "(the US postcode)" in first  # ZIP only where it is Sweeney's own term
    # The first "k" a learner reads is where it is defined, as the smallest group's size.
    text = re.sub(r"<(?!/?dfn\b)[^>]+>", " ", intro)
    first_k = re.search(r"(?<![\w-])k(?![\w-])", text)
    assert text[: first_k.start()].endswith("<dfn>"), "k is used before it is defined"
    assert "the smallest group of people who share" in text
    assert f"at least {K_TARGET}" in text and "only guess" in text  # why 5 is enough
    page = " ".join(child.value for child in view.children if hasattr(child, "value"))
    for jargon in ("R squared", "R²", "ZIP code,", "suppressed", ">="):
        assert jargon not in html.unescape(re.sub(r"<[^>]+>", " ", page)), jargon
    assert "How useful the data stays for research" in view.summary.value


def test_the_controls_line_up_in_one_column(tmp_path):
    view = ReidentificationLab("aiko", folder=tmp_path).view()
    controls = [view.postcode, view.birth, view.sex]
    (column,) = [c for c in view.children if getattr(c, "children", ()) == tuple(controls)]
    assert isinstance(column, kit.w.VBox)
    assert {c.style.description_width for c in controls} == {kit.LABEL_WIDTH}
    assert len({c.layout.width for c in controls}) == 1
    buttons = [view.judgement.submit]
    assert {b.layout.width for b in buttons} == {"auto"}


def test_the_histogram_keeps_one_scale_from_setting_to_setting(tmp_path):
    view = ReidentificationLab("aiko", folder=tmp_path).view()
    limits = view._figure.axes.get_ylim()
    view.postcode.value = 0
    view.birth.value = "10y"
    assert view._figure.axes.get_ylim() == limits


# -- in a real JupyterLab ------------------------------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_reidentification_lab_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "reidentification",
        "from thinktwice.widgets import ReidentificationLab\nReidentificationLab().view()",
    )
    page.wait_for_selector(".tt-reidentification .tt-histogram img", timeout=60_000)
    assert "Not yet" in view.locator(".tt-summary").inner_text()
    view.locator(".tt-postcode .noUi-handle").focus()
    page.keyboard.press("ArrowLeft")
    page.wait_for_selector(".tt-summary:has-text('4 postcode digits')", timeout=30_000)
    event = last_event(activity_lab, "reidentification")
    assert event["kind"] == "setting" and event["data"]["postcode_digits"] == 4
    view.locator(".tt-birth select").select_option("10-year band")
    page.wait_for_selector(".tt-summary:has-text('10-year band')", timeout=30_000)
    assert last_event(activity_lab, "reidentification")["data"]["birth"] == "10y"
    assert re.search(r"\b\d{4}\*\s", view.locator(".tt-sample").inner_text())

    view.locator(".tt-question label", has_text="Combined, they").click()
    view.locator("button.tt-answer").click()
    page.wait_for_selector(".tt-feedback:has-text('Right.')", timeout=30_000)
    assert last_event(activity_lab, "reidentification")["data"]["choice"] == "linkable"
    assert_not_blank(view, tmp_path / "reidentification.png")
    # The view is taller than the window: look at its opening and controls on their own too.
    assert_not_blank(view.locator(".tt-intro"), tmp_path / "reidentification-intro.png")
    assert_not_blank(view.locator(".tt-controls"), tmp_path / "reidentification-controls.png")
