"""What every activity promises, checked the same way for all nine.

Each view is built without a browser; the checks walk its widget tree as a screen reader or a
keyboard user would meet it.
"""

import re

import ipywidgets as w
import pytest

import thinktwice.widgets as tw
from thinktwice.widgets.evidence import FILENAME

ACTIVITIES = [
    "RelianceTrial",
    "CalibrationExplorer",
    "ModelPlayground",
    "OutOfDistributionProbe",
    "ShortcutLab",
    "BiasAudit",
    "ChartDetective",
    "ClaimChecker",
    "ReidentificationLab",
]
CONTROLS = (
    w.Button,
    w.ToggleButton,
    w.ToggleButtons,
    w.Checkbox,
    w.Dropdown,
    w.RadioButtons,
    w.SelectionSlider,
    w.IntSlider,
    w.FloatSlider,
    w.IntRangeSlider,
    w.FloatRangeSlider,
    w.Text,
    w.Textarea,
)


def _walk(widget):
    yield widget
    for child in getattr(widget, "children", ()):
        yield from _walk(child)


def _label_of(control, siblings):
    """The visible or announced name of a control: its own text, or a label just before it."""
    own = (getattr(control, "description", "") or getattr(control, "tooltip", "") or "").strip()
    if own:
        return own
    index = next((i for i, s in enumerate(siblings) if s is control), None)
    if index:
        before = siblings[index - 1]
        if isinstance(before, w.Label | w.HTML) and before.value.strip():
            return before.value
    return ""


def _parents(root):
    for widget in _walk(root):
        for child in getattr(widget, "children", ()):
            yield child, list(widget.children)


@pytest.fixture(params=ACTIVITIES)
def built(request, tmp_path):
    """An activity and its view, built with the two-line drop-in for one learner."""
    cls = getattr(tw, request.param)
    activity = cls("common-learner", folder=tmp_path)
    return activity, activity.view(), tmp_path


def test_view_is_found_by_its_class_and_writes_nothing_until_used(built):
    activity, view, folder = built
    assert isinstance(view, w.Box)
    assert f"tt-{activity.name}" in view._dom_classes
    assert not (folder / FILENAME).exists(), "building the view wrote to the evidence log"


def test_every_control_has_a_label(built):
    _, view, _ = built
    unlabelled = [
        type(control).__name__
        for control, siblings in _parents(view)
        if isinstance(control, CONTROLS) and not _label_of(control, siblings)
    ]
    assert not unlabelled, f"controls with no label: {unlabelled}"


def test_every_picture_has_alt_text(built):
    _, view, _ = built
    for widget in _walk(view):
        if isinstance(widget, w.HTML):
            for tag in re.findall(r"<img\b[^>]*>", widget.value):
                alt = re.search(r"alt=(['\"])(.*?)\1", tag, re.S)
                assert alt and alt.group(2).strip(), f"picture without alt text: {tag[:80]}"
    assert not any(isinstance(x, w.Image) for x in _walk(view)), "use HTML <img> with alt text"


def test_docstring_shows_an_example_and_the_drop_in(built):
    activity, _, _ = built
    doc = type(activity).__doc__
    assert "Examples" in doc and ">>>" in doc
    assert ".view()" in doc


def test_same_learner_same_variant_and_another_learner_another(tmp_path):
    for name in ACTIVITIES:
        cls = getattr(tw, name)
        one = cls("aiko", folder=tmp_path / name / "1").start()
        again = cls("aiko", folder=tmp_path / name / "2").start()
        other = cls("ben", folder=tmp_path / name / "3").start()
        assert one.seed_ == again.seed_ != other.seed_, name


def test_a_judgement_question_refuses_no_choice_and_locks_on_the_answer():
    from thinktwice.widgets._view_kit import JudgementQuestion

    box = JudgementQuestion("Why?", [("Because", "because"), ("No idea", "none")], submit="Go")
    with pytest.raises(tw.ActivityError, match="Pick one"):
        box.chosen("Pick one")
    box.show(None, ready=False)
    assert box.choices.disabled and box.submit.disabled  # not open yet
    box.show(None)
    assert not box.choices.disabled and box.feedback.value == ""
    box.show("none", "Not <quite>.", status=True)
    assert box.choices.value == "none" and box.choices.disabled and box.submit.disabled
    assert box.feedback.value == "<span role='status'>Not &lt;quite&gt;.</span>"
    assert box.chosen("Pick one") == "none"
