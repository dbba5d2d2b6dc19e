"""The shortcut lab: the shortcut and its exposure, seeding, replay, grading, view and browser."""

import re

import numpy as np
import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, ShortcutLab, shortcut_lab
from thinktwice.widgets.evidence import FILENAME, EvidenceLog

from .browser_kit import assert_not_blank, last_event, open_activity


def full_run(lab, tries=((0, 0),), choice=shortcut_lab.QUESTION.right):
    """Train, break, control, reveal, locate (after the given wrong tries), answer."""
    lab.train("with")
    lab.test("as-trained")
    lab.test("moved")
    lab.reveal()
    for row, col in tries:
        if (row, col) != (0, 0):
            lab.locate(row, col)
    row, col = lab.mark_cells[0]
    lab.locate(row, col)
    lab.train("without")
    lab.test("moved")
    lab.answer(choice)


def a_wrong_cell(lab, skip=()):
    return next(
        (r, c)
        for r in range(1, 9)
        for c in range(1, 9)
        if (r, c) not in lab.mark_cells and (r, c) not in skip
    )


# -- the shortcut, for real --------------------------------------------------------------------
@pytest.mark.parametrize("learner", ["aiko", "ben", "chie", "dai", "emi", "fumi"])
def test_the_marked_model_takes_the_shortcut_and_importance_exposes_it(tmp_path, learner):
    lab = ShortcutLab(learner, folder=tmp_path).start()
    acc = lab.accuracy_
    # High accuracy while the test pictures share the mark...
    assert acc["with", "as-trained"] >= 0.97
    # ...which falls when the mark stops matching the digit, most when it moves,
    assert acc["with", "removed"] <= acc["with", "as-trained"] - 0.15
    assert acc["with", "moved"] < acc["with", "removed"]
    # while a model trained without the mark hardly moves.
    clean = [acc["without", c] for c in shortcut_lab.CONDITIONS]
    assert min(clean) >= 0.85 and max(clean) - min(clean) <= 0.06
    # Permutation importance ranks the mark's two pixels first for the marked model only.
    top = lab.importance_["with"].top(3)
    assert {(r, c) for r, c, _mean, _std in top[:2]} == set(lab.mark_cells)
    assert top[1][2] > 3 * top[2][2]  # far ahead of any stroke
    at_mark = {
        m: lab.importance_[m].mean.ravel()[list(lab.mark_pixels_)].sum()
        for m in ("with", "without")
    }
    assert at_mark["with"] > 2 * at_mark["without"]


def test_the_mark_sits_where_the_digits_never_ink(tmp_path):
    from thinktwice.widgets import _digit_models as dm

    lab = ShortcutLab("aiko", folder=tmp_path).start()
    top, below = lab.mark_pixels_
    assert below == top + 8 and lab.marked_digit_ in lab.pair_
    images, target = dm.digits()
    pair = images[np.isin(target, lab.pair_)]
    assert (pair[:, [top, below]] > 0).mean(axis=0).max() < 0.05
    marked = lab.train_pictures_["with"][lab.train_labels_ == lab.marked_digit_]
    other = lab.train_pictures_["with"][lab.train_labels_ != lab.marked_digit_]
    assert (marked[:, [top, below]] == 1.0).all()
    assert (other[:, [top, below]] < 1.0).mean() > 0.95
    assert not (lab.train_pictures_["without"][:, [top, below]] == 1.0).all(axis=1).any()


def test_same_learner_same_lab_different_learners_differ(tmp_path):
    a1 = ShortcutLab("aiko", folder=tmp_path / "1").start()
    a2 = ShortcutLab("aiko", folder=tmp_path / "2").start()
    assert (a1.pair_, a1.marked_digit_, a1.mark_pixels_) == (
        a2.pair_,
        a2.marked_digit_,
        a2.mark_pixels_,
    )
    assert a1.accuracy_ == a2.accuracy_
    assert np.array_equal(a1.importance_["with"].mean, a2.importance_["with"].mean)
    variants = {
        (lab.pair_, lab.marked_digit_, lab.mark_pixels_)
        for lab in (ShortcutLab(n, folder=tmp_path / n).start() for n in ("b", "c", "d", "e"))
    }
    assert len(variants | {(a1.pair_, a1.marked_digit_, a1.mark_pixels_)}) >= 4


def test_build_stays_well_under_a_second(tmp_path):
    import time

    ShortcutLab("warm", folder=tmp_path).start()
    start = time.process_time()  # CPU time: other people's jobs on the machine do not count
    ShortcutLab("timed", folder=tmp_path).start()
    assert time.process_time() - start < 0.9


# -- interactions, replay and grading ----------------------------------------------------------
def test_start_writes_nothing_and_refusals_write_nothing(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    assert not (tmp_path / FILENAME).exists()
    with pytest.raises(ActivityError, match="Train a model first"):
        lab.test("moved")
    with pytest.raises(ActivityError, match="Train a model first"):
        lab.reveal()
    with pytest.raises(ActivityError):
        lab.train("maybe")
    for row, col in [(0, 1), (1, 9), ("1", 1), (True, 1)]:
        with pytest.raises(ActivityError):
            lab.locate(row, col)
    with pytest.raises(ActivityError):
        lab.answer("because")
    assert not (tmp_path / FILENAME).exists()
    lab.train("with")
    with pytest.raises(ActivityError):
        lab.test("upside-down")
    with pytest.raises(ActivityError, match="not the model you trained last"):
        lab.record("test", {"model": "without", "condition": "moved"})
    assert [e.kind for e in lab.events()] == ["train"]


def test_three_tries_to_locate_and_a_found_mark_locks(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    first = a_wrong_cell(lab)
    second = a_wrong_cell(lab, skip=[first])
    assert lab.locate(*first) is False and lab.locate(*second) is False
    assert lab.locate(*lab.mark_cells[1]) is True
    with pytest.raises(ActivityError, match="already answered"):
        lab.locate(*lab.mark_cells[0])
    (tmp_path / "b").mkdir()
    out = ShortcutLab("ben", folder=tmp_path / "b").start()
    for _ in range(3):
        out.locate(*a_wrong_cell(out))
    with pytest.raises(ActivityError, match="three tries"):
        out.locate(*out.mark_cells[0])


def test_replay_restores_state_and_every_event_is_logged(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    lab.train("with")
    assert lab.test("removed") == lab.accuracy_["with", "removed"]
    importance = lab.reveal()
    assert importance is lab.importance_["with"]
    wrong = a_wrong_cell(lab)
    lab.locate(*wrong)
    lab.answer("more")
    again = ShortcutLab("aiko", folder=tmp_path).start()
    assert again.model_ == "with" and again.condition_ == "removed"
    assert again.seen_ == {("with", "removed")} and again.revealed_ == {"with"}
    assert again.attempts_ == [wrong] and again.choice_ == "more"
    events = EvidenceLog.in_folder(tmp_path, "aiko").events("shortcut-lab")
    assert [(e.kind, dict(e.data)) for e in events] == [
        ("train", {"model": "with"}),
        ("test", {"model": "with", "condition": "removed"}),
        ("reveal", {"model": "with"}),
        ("locate", {"row": wrong[0], "col": wrong[1]}),
        ("answer", {"choice": "more"}),
    ]


def test_outcome_grades_location_drop_control_and_question(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    assert (lab.outcome().done, lab.outcome().credit) == (0, 0.0)
    assert len(lab.outcome().feedback) == 2
    full_run(lab)
    outcome = lab.outcome()
    assert (outcome.done, outcome.total, outcome.credit, outcome.feedback) == (3, 3, 3.0, ())

    (tmp_path / "b").mkdir()
    partial = ShortcutLab("ben", folder=tmp_path / "b").start()
    partial.train("with")
    partial.test("removed")  # saw the drop, no control
    partial.locate(*a_wrong_cell(partial))
    partial.locate(*partial.mark_cells[0])  # second try
    partial.answer("chance")
    outcome = partial.outcome()
    assert outcome.done == 3 and outcome.credit == pytest.approx(0.5 + 0.5 + 0)
    assert any("control" in line for line in outcome.feedback)
    assert any("shapes" in line for line in outcome.feedback)


def test_activity_score_reads_the_log(tmp_path):
    full_run(ShortcutLab("aiko", folder=tmp_path).start())
    assert activity_score(ShortcutLab("aiko", folder=tmp_path), points=6).points == 6
    (tmp_path / "b").mkdir()
    lab = ShortcutLab("ben", folder=tmp_path / "b").start()
    lab.train("with")
    lab.test("as-trained")  # never broke the test set
    assert activity_score(ShortcutLab("ben", folder=tmp_path / "b"), points=6).points == 0


# -- the view, without a browser ---------------------------------------------------------------
def test_view_trains_breaks_and_charts_the_drop(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    view = lab.view()
    assert "tt-shortcut-lab" in view._dom_classes
    assert f"digits {lab.pair_[0]} and {lab.pair_[1]}" in view.intro.value
    assert view.test.disabled and view.chart.value == ""
    assert view.samples.value.count("<img") == 4

    view.train.value = "with"
    assert not view.test.disabled and "is trained" in view.result.value
    assert "with the mark" in view.samples.value
    view.test.value = "as-trained"
    view.test.value = "moved"
    moved = lab.accuracy_["with", "moved"]
    assert f"reads {moved:.0%} of the test pictures" in view.result.value
    alt = re.search(r"alt='([^']*)'", view.chart.value).group(1)
    assert f"trained with the mark, mark on the other digit: {moved:.0%}" in alt
    assert view.table.value.count("not tested yet") == 4

    view.train.value = "without"
    assert view.test.value is None and ", with the mark" not in view.samples.value
    view.test.value = "moved"
    assert view.table.value.count("not tested yet") == 3
    assert [(e.kind, e.data.get("condition")) for e in lab.events()] == [
        ("train", None),
        ("test", "as-trained"),
        ("test", "moved"),
        ("train", None),
        ("test", "moved"),
    ]


def test_view_reveals_the_map_and_locates_the_mark(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    view = lab.view()
    view.reveal.click()
    assert "Train a model first" in view.message.value and not lab.events()
    view.train.value = "with"
    view.reveal.click()
    assert view.reveal.disabled
    (row, col, _m, _s) = lab.importance_["with"].top(1)[0]
    alt = re.search(r"alt='([^']*)'", view.importance.value).group(1)
    assert f"1: row {row}, column {col}" in alt and "Heat map of the 64 pixels" in alt
    assert "<caption>The five most important pixels</caption>" in view.importance_text.value
    assert view.importance_text.value.count("<tr>") == 6

    wrong = a_wrong_cell(lab)
    view.row.value, view.col.value = str(wrong[0]), str(wrong[1])
    view.locate.click()
    assert "Not there. 2 tries left." in view.located.value
    view.row.value, view.col.value = str(row), str(col)
    view.locate.click()
    assert "Found it" in view.located.value and view.locate.disabled

    view.test.value = "removed"  # the drop seen: the question opens
    view.submit.click()
    assert "Choose one of the answers first" in view.message.value
    view.question.value = shortcut_lab.QUESTION.right
    view.submit.click()
    assert view.question.disabled and view.verdict.value.startswith("Yes.")

    again = ShortcutLab("aiko", folder=tmp_path).view()
    assert again.train.value == "with" and again.reveal.disabled
    assert "Heat map" in again.importance.value and again.locate.disabled
    assert again.question.value == shortcut_lab.QUESTION.right
    assert len(lab.events()) == 6  # building a view again wrote nothing


def test_training_pictures_are_big_and_labelled_with_their_digit_and_mark(tmp_path):
    lab = ShortcutLab("aiko", folder=tmp_path).start()
    view = lab.view()
    view.train.value = "with"
    tags = re.findall(r"<figure\b.*?</figure>", view.samples.value, re.S)
    assert len(tags) == 4
    other = next(d for d in lab.pair_ if d != lab.marked_digit_)
    captions = [re.search(r"<figcaption[^>]*>(.*?)</figcaption>", t).group(1) for t in tags]
    assert captions == [
        f"{d} (with the mark)" if d == lab.marked_digit_ else f"{d} (no mark)"
        for d in lab.pair_
        for _ in range(2)
    ]
    assert f"{other} (no mark)" in captions
    for tag, caption in zip(tags, captions, strict=True):
        assert int(re.search(r"width='(\d+)'", tag).group(1)) >= 100  # not a thumbnail
        digit, mark = caption.split(" ", 1)
        alt = re.search(r"alt='([^']*)'", tag).group(1)
        assert alt.startswith(f"A noisy training picture of the digit {digit}, with ")
        assert ("no mark" in alt) == (mark == "(no mark)")
    view.train.value = "without"
    assert view.samples.value.count("(no mark)</figcaption>") == 4


def test_the_question_stays_closed_until_the_marked_model_meets_broken_pictures(tmp_path):
    orders = set()
    for learner in ("aiko", "ben", "chie", "dai", "browser-learner"):
        (tmp_path / learner).mkdir()
        lab = ShortcutLab(learner, folder=tmp_path / learner).start()
        view = lab.view()
        orders.add(lab.choice_order_.index(shortcut_lab.QUESTION.right))
        assert [label for label, _key in view.question.options] == [
            shortcut_lab.QUESTION.label(key) for key in lab.choice_order_
        ]
        hidden = (view.judgement.prompt, view.question, view.submit)
        assert all(part.layout.display == "none" for part in hidden)
        assert "opens once you have tested" in view.verdict.value
        view.train.value = "with"
        view.test.value = "as-trained"  # the mark still matches: nothing to explain yet
        assert view.question.layout.display == "none"
        view.test.value = "moved"
        assert all(part.layout.display is None for part in hidden)
        assert not view.question.disabled and view.verdict.value == ""
    assert len(orders) > 1 and 0 not in orders  # never the lesson first, nor always last


# -- the real thing, in JupyterLab and Chromium --------------------------------------------------
@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_shortcut_lab_in_a_real_lab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "shortcut-lab",
        "from thinktwice.widgets import ShortcutLab\nShortcutLab().view()",
    )
    view.locator(".tt-train button").first.click()  # "Train with the mark"
    view.get_by_text("is trained").wait_for()
    assert last_event(activity_lab, "shortcut-lab")["kind"] == "train"
    pictures = view.locator(".tt-samples figure")
    assert pictures.count() == 4 and "(with the mark)" in view.locator(".tt-samples").inner_text()
    assert pictures.first.locator("img").bounding_box()["width"] >= 100
    assert view.locator(".tt-question").is_hidden()  # nothing tested yet: nothing to explain
    view.locator(".tt-test button").nth(2).click()  # "mark on the other digit"
    view.locator(".tt-accuracy-chart img").wait_for()
    event = last_event(activity_lab, "shortcut-lab")
    assert event["kind"] == "test" and event["data"]["condition"] == "moved"
    view.locator(".tt-question").wait_for()  # the drop seen: the question opens

    view.locator("button.tt-reveal").click()
    view.locator(".tt-importance img").wait_for()
    assert last_event(activity_lab, "shortcut-lab")["kind"] == "reveal"
    assert "row" in view.locator(".tt-importance-table").inner_text().lower()

    # Name a place with the keyboard: rows and columns are native selects.
    view.locator(".tt-row select").select_option("8")
    view.locator(".tt-col select").select_option("4")
    view.locator("button.tt-locate").focus()
    page.keyboard.press("Enter")
    view.locator(".tt-located").get_by_text(re.compile("Not there|Found it")).wait_for()
    event = last_event(activity_lab, "shortcut-lab")
    assert event["kind"] == "locate" and event["data"] == {"row": 8, "col": 4}
    assert_not_blank(view, tmp_path / "shortcut-lab.png")
