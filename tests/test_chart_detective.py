"""The chart detective: figure checks on real matplotlib figures, the model, its view, a browser."""

import json

import pytest

from thinktwice.autograder.checks import activity_score
from thinktwice.widgets import ActivityError, ChartDetective
from thinktwice.widgets import chart_checks as cc
from thinktwice.widgets.activity import unknown_action
from thinktwice.widgets.chart_detective import TRICKS
from thinktwice.widgets.evidence import FILENAME, EvidenceLog
from thinktwice.widgets.judgement import already_answered, choose_first
from thinktwice.widgets.style import new_figure

from .browser_kit import assert_not_blank, last_event, open_activity

VALUES = [72.0, 75.0, 78.0, 80.0]
#: The name of each trick, as the learner reads it.
NAMES = {
    "truncated-axis": "Truncated y axis",
    "dual-axes": "Two y axes",
    "cherry-picked": "Cherry-picked time window",
    "area-distortion": "Size by radius, not area",
}


def _bars(values, ylim=None, horizontal=False):
    figure = new_figure()
    ax = figure.add_subplot()
    if horizontal:
        ax.barh(["a", "b", "c", "d"][: len(values)], values)
        if ylim:
            ax.set_xlim(*ylim)
    else:
        ax.bar(["a", "b", "c", "d"][: len(values)], values)
        if ylim:
            ax.set_ylim(*ylim)
    return figure


# -- the checks, on real figures ------------------------------------------------------------------
def test_zero_baseline_fails_a_truncated_axis_and_passes_an_honest_one():
    tricked = cc.check_zero_baseline(cc.extract(_bars(VALUES, (70, 82))), VALUES)
    assert tricked == [
        "The value axis starts at 70, not at 0, so the bars exaggerate the differences."
    ]
    assert cc.check_zero_baseline(cc.extract(_bars(VALUES)), VALUES) == []
    assert cc.check_zero_baseline(cc.extract(_bars(VALUES, horizontal=True)), VALUES) == []
    sideways = cc.extract(_bars(VALUES, (60, 85), horizontal=True))
    assert "starts at 60" in cc.check_zero_baseline(sideways, VALUES)[0]


def test_zero_baseline_wants_bars_that_match_the_values():
    wrong = cc.check_zero_baseline(cc.extract(_bars([72, 75, 78, 90])), VALUES)
    assert wrong == ["The bars' lengths are not proportional to the 4 values."]
    figure = new_figure()
    figure.add_subplot().plot([1, 2, 3, 4], VALUES)
    assert cc.check_zero_baseline(cc.extract(figure), VALUES) == ["Draw the values as bars."]
    floating = new_figure()
    floating.add_subplot().bar(["a", "b", "c", "d"], VALUES, bottom=5)
    assert "Some bars do not start at 0." in cc.check_zero_baseline(cc.extract(floating), VALUES)


def test_twin_axes_are_caught_and_separate_panels_pass():
    months, hours, scores = [1, 2, 3, 4], [1.0, 2.0, 3.0, 4.0], [60.0, 60.5, 61.0, 61.2]
    twin = new_figure()
    ax = twin.add_subplot()
    ax.plot(months, hours)
    ax.twinx().plot(months, scores)
    assert cc.twin_axes(cc.extract(twin)) == 1
    assert "Two y axes share one plot" in cc.check_single_y_axis(cc.extract(twin))[0]

    panels = new_figure()
    top, bottom = panels.subplots(2, 1)
    top.plot(months, hours)
    bottom.plot(months, scores)
    assert cc.check_single_y_axis(cc.extract(panels)) == []

    one = new_figure()
    ax = one.add_subplot()
    ax.plot(months, hours)
    ax.axhline(0)  # a guide line is not a series
    assert cc.check_single_y_axis(cc.extract(one)) == [
        "Show all 2 series as lines; your chart has 1."
    ]


def test_full_window_needs_the_whole_series_and_the_axis_to_show_it():
    months = list(range(1, 49))
    visits = [20 + m * 0.5 for m in months]
    cut = new_figure()
    ax = cut.add_subplot()
    ax.plot(months[14:24], visits[14:24])
    problems = cc.check_full_window(cc.extract(cut), 1, 48)
    assert problems[0] == "The line runs from 15 to 24; the data run from 1 to 48."
    assert "cut off" in problems[1]

    zoomed = new_figure()
    ax = zoomed.add_subplot()
    ax.plot(months, visits)
    ax.set_xlim(15, 24)
    assert cc.check_full_window(cc.extract(zoomed), 1, 48) == [
        "The x axis shows 15 to 24, so part of the data is cut off."
    ]
    full = new_figure()
    full.add_subplot().plot(months, visits)
    assert cc.check_full_window(cc.extract(full), 1, 48) == []


def test_marker_areas_must_grow_with_the_value_not_the_radius():
    values = [10.0, 20.0, 40.0]
    by_radius = new_figure()
    by_radius.add_subplot().scatter([0, 1, 2], [0, 0, 0], s=[(v / 40) ** 2 * 2000 for v in values])
    problem = cc.check_proportional_sizes(cc.extract(by_radius), values)
    assert problem == [
        "The biggest marker's area is 16.0 times the smallest, but the biggest value is only "
        "4.0 times the smallest."
    ]
    by_area = new_figure()
    by_area.add_subplot().scatter([0, 1, 2], [0, 0, 0], s=[v * 50 for v in values])
    assert cc.check_proportional_sizes(cc.extract(by_area), values) == []
    assert cc.check_proportional_sizes(cc.extract(_bars(values)), values) == []
    same = new_figure()
    same.add_subplot().scatter([0, 1, 2], [0, 0, 0], s=100)  # one size for every marker
    assert cc.extract(same)["axes"][0]["sizes"] == [[100.0, 100.0, 100.0]]
    assert cc.check_proportional_sizes(cc.extract(same), values)


def test_the_summary_is_plain_json_and_skips_empty_axes():
    figure = new_figure()
    left, right = figure.subplots(1, 2)
    left.bar(["a", "b"], [1, 2])
    summary = cc.extract(figure)
    assert len(summary["axes"]) == 1
    assert json.loads(json.dumps(summary)) == summary
    assert cc.proportional([2, 4], [1, 2]) and not cc.proportional([2, 5], [1, 2])
    assert not cc.proportional([1, 2, 3], [1, 2])


# -- the model ------------------------------------------------------------------------------------
def test_seeded_charts_same_learner_same_different_learners_differ(tmp_path):
    a1 = ChartDetective("aiko", folder=tmp_path / "1").start().charts_
    a2 = ChartDetective("aiko", folder=tmp_path / "2").start().charts_
    b = ChartDetective("ben", folder=tmp_path / "3").start().charts_
    assert a1 == a2
    assert a1 != b
    assert sorted(c.trick for c in a1) == sorted(TRICKS)
    orders = {
        tuple(c.trick for c in ChartDetective(f"l{k}", folder=tmp_path / "o").start().charts_)
        for k in range(12)
    }
    assert len(orders) > 3


@pytest.mark.parametrize("learner", ["aiko", "ben", "chie"])
def test_every_tricked_chart_fails_and_every_honest_redraw_passes(tmp_path, learner):
    detective = ChartDetective(learner, folder=tmp_path).start()
    for i in range(4):
        tricked = cc.extract(detective.tricked_figure(i))
        assert not detective._judge(i, tricked).passed
        honest = cc.extract(detective.redraw_figure(i, **detective.honest_settings(i)))
        assert detective._judge(i, honest).passed, detective.charts_[i].trick


def test_other_honest_redraws_pass_too(tmp_path):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    tricks = [c.trick for c in detective.charts_]
    dual, area = tricks.index("dual-axes"), tricks.index("area-distortion")
    change = cc.extract(detective.redraw_figure(dual, layout="change"))
    assert detective._judge(dual, change).passed
    bars = cc.extract(detective.redraw_figure(area, encoding="length"))
    assert detective._judge(area, bars).passed


def test_naming_then_redrawing_is_logged_and_graded(tmp_path):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    assert detective.outcome().done == 0 and detective.outcome().total == 8
    first = detective.charts_[0]
    wrong = next(t for t in TRICKS if t != first.trick)
    with pytest.raises(ActivityError, match="Name this chart's trick"):
        detective.submit_redraw(0, detective.redraw_figure(0, **detective.honest_settings(0)))
    assert not (tmp_path / FILENAME).exists()
    assert detective.name_trick(0, wrong) is False
    with pytest.raises(ActivityError, match="first answer counts"):
        detective.name_trick(0, first.trick)
    result = detective.submit_redraw(0, detective.tricked_figure(0))
    assert not result.passed and result.problems
    result = detective.submit_redraw(0, detective.redraw_figure(0, **detective.honest_settings(0)))
    assert result.passed and result.problems == ()
    assert detective.name_trick(1, detective.charts_[1].trick) is True

    events = EvidenceLog.in_folder(tmp_path, "aiko").events("chart-detective")
    assert [e.kind for e in events] == ["name", "redraw", "redraw", "name"]
    assert events[0].data == {"chart": 0, "trick": wrong}
    assert set(events[2].data["figure"]["axes"][0]) >= {"ylim", "bars", "position"}
    outcome = detective.outcome()
    assert (outcome.done, outcome.credit) == (3, 2)  # two named, one redrawn; one name right
    assert "You named the trick right in 1 of 4 charts." in outcome.feedback
    assert "Chart 2: redraw it honestly." in outcome.feedback


def test_a_learners_own_pyplot_code_is_checked_the_same_way(tmp_path):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    detective = ChartDetective("aiko", folder=tmp_path).start()
    index = [c.trick for c in detective.charts_].index("cherry-picked")
    chart = detective.charts_[index]
    detective.name_trick(index, "cherry-picked")
    with pytest.raises(ActivityError, match="Pass a matplotlib figure"):
        detective.submit_redraw(index, "my chart")
    fig, ax = plt.subplots()
    try:
        ax.plot(chart.x[10:20], chart.y[10:20])
        assert not detective.submit_redraw(index, fig).passed
        ax.plot(chart.x, chart.y)
        ax.set_xlim(chart.x[0], chart.x[-1])
        assert detective.submit_redraw(index, ax).passed  # an Axes stands for its figure
    finally:
        plt.close(fig)
    assert detective.attempts_ == {index: 2}


def test_a_new_object_restores_the_state_and_start_writes_nothing(tmp_path):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    assert not (tmp_path / FILENAME).exists()
    for i, chart in enumerate(detective.charts_):
        detective.name_trick(i, chart.trick)
    detective.submit_redraw(2, detective.redraw_figure(2, **detective.honest_settings(2)))
    size = (tmp_path / FILENAME).stat().st_size
    again = ChartDetective("aiko", folder=tmp_path).start()
    assert (tmp_path / FILENAME).stat().st_size == size
    assert again.named_ == detective.named_ and again.passed_ == {2}
    assert again.outcome() == detective.outcome()


def test_a_hand_edited_redraw_cannot_claim_a_pass(tmp_path):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    detective.name_trick(0, detective.charts_[0].trick)
    log = EvidenceLog.in_folder(tmp_path, "aiko")
    log.append("chart-detective", "redraw", {"chart": 0, "figure": {"axes": "yes"}, "passed": True})
    log.append("chart-detective", "redraw", {"chart": 0, "figure": {"axes": []}, "passed": True})
    again = ChartDetective("aiko", folder=tmp_path).start()
    assert again.passed_ == set() and again.attempts_ == {0: 1}
    assert again.outcome().credit == 1


def test_activity_score_gives_points_for_names_and_redraws(tmp_path, capsys):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    assert activity_score(ChartDetective("aiko", folder=tmp_path), points=4).points == 0
    for i, chart in enumerate(detective.charts_):
        detective.name_trick(i, chart.trick)
    assert activity_score(ChartDetective("aiko", folder=tmp_path), points=4).points == 2
    for i in range(4):
        detective.submit_redraw(i, detective.redraw_figure(i, **detective.honest_settings(i)))
    score = activity_score(ChartDetective("aiko", folder=tmp_path), points=4)
    assert score.points == 4 and score.full
    assert "You completed 8 of 8 steps." in capsys.readouterr().out


def test_refusals_are_the_shared_ones(tmp_path):
    detective = ChartDetective("aiko", folder=tmp_path).start()
    detective.name_trick(0, detective.charts_[0].trick)
    for kind, data, refusal in [
        ("name", {"chart": 0, "trick": "truncated-axis"}, already_answered()),
        ("name", {"chart": 1, "trick": "a lie"}, choose_first()),
        ("guess", {"chart": 1}, unknown_action()),
    ]:
        with pytest.raises(ActivityError) as error:
            detective.record(kind, data)
        assert str(error.value) == str(refusal)


# -- the view, without a browser ------------------------------------------------------------------
@pytest.fixture
def toured(tmp_path):
    """A view after the learner's whole run through it (its tour)."""
    view = ChartDetective("aiko", folder=tmp_path).view()
    for step in view.tour():
        step()
    return view


def _shown_texts(view):
    """Every text the learner sees in the view: HTML, labels, choices, tooltips."""
    texts, stack = [], [view]
    while stack:
        widget = stack.pop()
        stack.extend(getattr(widget, "children", ()))
        for name in ("value", "description", "tooltip"):
            value = getattr(widget, name, None)
            if isinstance(value, str):
                texts.append(value)
        texts += [str(label) for label in getattr(widget, "_options_labels", ())]
        texts += [str(tip) for tip in getattr(widget, "tooltips", None) or ()]
    return texts


def test_the_shown_own_code_help_runs_as_written(tmp_path, monkeypatch):
    import html
    import re

    import matplotlib

    matplotlib.use("Agg")
    view = ChartDetective("aiko", folder=tmp_path).view()
    index = [c.trick for c in view.detective.charts_].index("dual-axes")
    view.picker.value = index
    view.trick.value = "dual-axes"
    view.name_button.click()
    code = re.search(r"<pre><code>(.*?)</code></pre>", view.code_help.value, re.S)
    assert code, "the redraw step shows no code to run"
    monkeypatch.chdir(tmp_path)
    namespace = {}
    exec(html.unescape(code.group(1)), namespace)  # noqa: S102 - the learner runs it so
    assert namespace["result"].passed
    events = EvidenceLog.in_folder(tmp_path, "aiko").events("chart-detective")
    assert [e.kind for e in events] == ["name", "redraw"]
    assert events[-1].data["chart"] == index


def test_what_the_learner_reads_defines_its_terms_and_has_no_backticks(toured):
    view = toured
    intro = view.intro.value
    assert "axis is the scale" in intro  # axis
    assert "cut short" in intro  # truncated
    assert "picked because it suits the story" in intro  # cherry-picked
    texts = _shown_texts(view) + list(view.detective.outcome().feedback)
    assert not [t for t in texts if "`" in t]


def test_the_saved_copy_shows_the_chart_and_the_learners_answers(toured):
    view = toured
    saved = view._repr_mimebundle_()["text/html"]
    assert saved.count("<img") == 2  # the chart on show and the learner's redraw of it
    for chart in view.detective.charts_:
        assert f"{NAMES[chart.trick]} (right)" in saved
    assert saved.count("<td>passes</td>") == 4


def test_view_names_a_trick_redraws_and_checks(tmp_path):
    view = ChartDetective("aiko", folder=tmp_path).view()
    detective = view.detective
    assert "tt-chart-detective" in view._dom_classes
    assert "alt=" in view.chart.value and "<table" in view.chart_numbers.value
    assert view.redraw_box.layout.display == "none"  # no hint before the trick is named

    view.name_button.click()
    assert str(choose_first()) in view.message.value
    index = [c.trick for c in detective.charts_].index("truncated-axis")
    view.picker.value = index
    view.trick.value = "truncated-axis"
    view.name_button.click()
    assert "Right: Truncated y axis." in view.verdict.value
    assert view.trick.disabled and view.redraw_box.layout.display is None
    assert view.y_start.layout.display is None and view.layout_choice.layout.display == "none"
    view.picker.value = [c.trick for c in detective.charts_].index("dual-axes")
    view.trick.value = "dual-axes"
    view.name_button.click()
    assert view.layout_choice.layout.display == "flex"  # its buttons stay beside their label
    view.picker.value = index

    view.check_button.click()  # the assistant's version, unchanged
    assert "Not yet honest" in view.check_result.value
    assert "not at 0" in view.check_result.value
    view.y_start.value = 0
    assert "y axis from 0" in view.preview.value
    view.check_button.click()
    assert "Your redraw passes" in view.check_result.value
    assert "What the check read from your figure" in view.check_result.value
    assert "Truncated y axis (right)" in view.progress.value
    assert "<td>passes</td>" in view.progress.value

    events = EvidenceLog.in_folder(tmp_path, "aiko").events("chart-detective")
    assert [e.kind for e in events] == ["name", "name", "redraw", "redraw"]
    assert events[-1].data["figure"]["axes"][0]["ylim"][0] == 0


def test_view_tells_a_wrong_name_and_keeps_settings_per_chart(tmp_path):
    view = ChartDetective("ben", folder=tmp_path).view()
    tricks = [c.trick for c in view.detective.charts_]
    cherry = tricks.index("cherry-picked")
    view.picker.value = cherry
    view.trick.value = "dual-axes"
    view.name_button.click()
    assert "Not quite: you named Two y axes" in view.verdict.value
    assert "Cherry-picked time window" in view.verdict.value
    view.window.value = (1, 48)
    view.picker.value = (cherry + 1) % 4
    assert view.redraw_box.layout.display == "none"
    view.picker.value = cherry
    assert view.window.value == (1, 48)
    view.check_button.click()
    assert "Your redraw passes" in view.check_result.value
    again = ChartDetective("ben", folder=tmp_path).view()
    again.picker.value = cherry
    assert again.trick.disabled and "Your redraw passes" in again.check_result.value


@pytest.mark.browser
@pytest.mark.lab
@pytest.mark.slow
def test_chart_detective_in_jupyterlab(page, activity_lab, tmp_path):
    view = open_activity(
        page,
        activity_lab,
        "chart-detective",
        "from thinktwice.widgets import ChartDetective\nChartDetective().view()",
    )
    page.wait_for_selector(".tt-chart-detective .tt-chart img", timeout=60_000)
    assert view.locator(".tt-chart img").get_attribute("alt")
    detective = ChartDetective("browser-learner", folder=activity_lab[1]).start()
    trick = detective.charts_[0].trick
    label = NAMES[trick]
    view.locator(".tt-trick label", has_text=label).first.click()
    view.locator("button.tt-name").click()
    page.wait_for_selector(".tt-verdict:has-text('Right:')", timeout=30_000)
    event = last_event(activity_lab, "chart-detective")
    assert event["kind"] == "name" and event["data"] == {"chart": 0, "trick": trick}

    if trick == "truncated-axis":
        handle = view.locator(".tt-y-start .noUi-handle")
        handle.focus()
        page.keyboard.press("Home")
    elif trick == "dual-axes":
        view.locator(".tt-layout button", has_text="Two panels").click()
    elif trick == "cherry-picked":
        handles = view.locator(".tt-window .noUi-handle")
        handles.nth(0).focus()
        page.keyboard.press("Home")
        handles.nth(1).focus()
        page.keyboard.press("End")
    else:
        view.locator(".tt-encoding button", has_text="Area").click()
    page.wait_for_timeout(500)
    view.locator("button.tt-check").click()
    page.wait_for_selector(".tt-check-result:has-text('Your redraw passes')", timeout=30_000)
    event = last_event(activity_lab, "chart-detective")
    assert event["kind"] == "redraw" and event["data"]["chart"] == 0
    assert_not_blank(view, tmp_path / "chart-detective.png")
