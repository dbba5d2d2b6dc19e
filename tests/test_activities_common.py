"""What every activity promises, checked the same way for each one the registry finds.

In the manner of scikit-learn's ``parametrize_with_checks``: every ``check_*`` below runs against
every activity from :func:`thinktwice.widgets.registry.all_activities`, so a new activity is
checked without being listed anywhere. Views are built without a browser; the checks walk the
widget tree as a screen reader or a keyboard user would meet it, and drive the view with its own
``tour()`` (the learner's run that the benchmark times too).
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import textwrap

import ipywidgets as w
import numpy as np
import pytest

from thinktwice.widgets import ActivityError
from thinktwice.widgets.activity import _digest_into
from thinktwice.widgets.evidence import FILENAME
from thinktwice.widgets.registry import all_activities

ACTIVITIES = all_activities()
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
#: What a widget's repr looks like; saved output must never show one.
REPR = re.compile(r"\b(HTML|VBox|HBox|Box|Button|Label|\w+View)\((children|value|description)=")


# -- helpers -------------------------------------------------------------------------------------
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


def _log(folder):
    path = folder / FILENAME
    return path.read_bytes() if path.exists() else b""


def _state(activity) -> str:
    """A digest of everything the activity has learnt from the learner (public ``*_`` names)."""
    digest = hashlib.sha256()
    for name in sorted(vars(activity)):
        if name.endswith("_") and not name.startswith("_") and name != "log_":
            digest.update(name.encode())
            _digest_into(digest, getattr(activity, name), depth=3)
    return digest.hexdigest()


def _toured(cls, folder, learner="common-learner"):
    """An activity, its view, and the outcome after each step of the view's tour."""
    activity = cls(learner, folder=folder)
    view = activity.view()
    outcomes = [activity.outcome()]
    for step in view.tour():
        step()
        outcomes.append(activity.outcome())
    return activity, view, outcomes


def _check_controls_labelled(view):
    unlabelled = [
        type(control).__name__
        for control, siblings in _parents(view)
        if isinstance(control, CONTROLS) and not _label_of(control, siblings)
    ]
    assert not unlabelled, f"controls with no label: {unlabelled}"


def _check_pictures_have_alt(view):
    for widget in _walk(view):
        if isinstance(widget, w.HTML):
            for tag in re.findall(r"<img\b[^>]*>", widget.value):
                alt = re.search(r"alt=(['\"])(.*?)\1", tag, re.S)
                assert alt and alt.group(2).strip(), f"picture without alt text: {tag[:80]}"
    assert not any(isinstance(x, w.Image) for x in _walk(view)), "use HTML <img> with alt text"


# -- the checks ----------------------------------------------------------------------------------
def check_view_is_found_by_its_class_and_writes_nothing_until_used(cls, tmp_path):
    activity = cls("common-learner", folder=tmp_path)
    view = activity.view()
    assert isinstance(view, w.Box)
    assert f"tt-{activity.name}" in view._dom_classes
    assert not (tmp_path / FILENAME).exists(), "building the view wrote to the evidence log"


def _before_and_after_the_tour(cls, tmp_path, check) -> None:
    view = cls("common-learner", folder=tmp_path).view()
    check(view)
    for step in view.tour():
        step()
    check(view)


def check_every_control_has_a_label_before_and_after_the_tour(cls, tmp_path):
    _before_and_after_the_tour(cls, tmp_path, _check_controls_labelled)


def check_every_picture_has_alt_text_before_and_after_the_tour(cls, tmp_path):
    _before_and_after_the_tour(cls, tmp_path, _check_pictures_have_alt)


def check_the_docstring_shows_an_example_and_the_drop_in(cls, tmp_path):
    # The example itself runs as a doctest (conftest.py collects widgets/ for pytest's doctest).
    doc = cls.__doc__ or ""
    assert "Examples" in doc and ">>>" in doc
    assert ".view()" in doc


def check_a_different_learner_gets_different_data(cls, tmp_path):
    one = cls("aiko", folder=tmp_path / "1").start()
    again = cls("aiko", folder=tmp_path / "2").start()
    other = cls("ben", folder=tmp_path / "3").start()
    assert one.fingerprint() == again.fingerprint(), "the same learner got other data"
    assert one.fingerprint() != other.fingerprint(), "another learner got the same data"


def check_the_tour_reaches_every_graded_step_within_bounds(cls, tmp_path):
    _activity, _view, outcomes = _toured(cls, tmp_path)
    for outcome in outcomes:
        assert 0 <= outcome.done <= outcome.total, outcome
        assert 0 <= outcome.credit <= outcome.total, outcome
        assert 0 <= outcome.completion <= 1 and 0 <= outcome.fraction <= 1, outcome
        assert all(isinstance(text, str) and text for text in outcome.feedback), outcome
    assert outcomes[0].done == 0, "a learner who did nothing has done a step"
    assert outcomes[-1].done == outcomes[-1].total, "the tour leaves a graded step undone"


def check_replay_is_idempotent_and_matches_the_live_state(cls, tmp_path):
    live, _view, outcomes = _toured(cls, tmp_path)
    written = _log(tmp_path)
    assert written, "the tour wrote no evidence"
    first = cls("common-learner", folder=tmp_path).start()
    second = cls("common-learner", folder=tmp_path).start()
    assert _log(tmp_path) == written, "replaying the log wrote to it"
    assert first.outcome() == second.outcome() == outcomes[-1]
    assert _state(first) == _state(second) == _state(live), "replay rebuilt another state"


def check_a_refused_interaction_writes_nothing(cls, tmp_path):
    activity, _view, _outcomes = _toured(cls, tmp_path)
    events = activity.events()
    tries = [("no-such-kind", {})]
    for event in events:
        tries += [(event.kind, {}), (event.kind, {"bogus": [1, "x"]}), (event.kind, event.data)]
    for kind, data in tries:
        before = _log(tmp_path)
        try:
            activity.record(kind, data)
        except ActivityError as error:
            assert str(error).strip(), f"{kind}: a refusal with no message"
            assert _log(tmp_path) == before, f"a refused {kind!r} wrote to the log"
        else:
            assert _log(tmp_path).count(b"\n") == before.count(b"\n") + 1, kind
    with pytest.raises(ActivityError):
        activity.record("no-such-kind", {})


def check_saved_output_reads_without_a_kernel(cls, tmp_path):
    from thinktwice.widgets._snapshot import _hidden

    _activity, view, _outcomes = _toured(cls, tmp_path)
    bundle = view._repr_mimebundle_()
    html, text = bundle.get("text/html", ""), bundle.get("text/plain", "")
    assert html and text, "the view saves no readable copy of itself"
    assert not REPR.search(html) and not REPR.search(text), "saved output shows a widget repr"
    assert len(text) > 200, f"the saved copy says too little: {text!r}"
    shown = [
        x.value
        for x in _walk(view)
        if isinstance(x, w.HTML) and not any(_hidden(p) for p in _path_to(view, x))
    ]
    pictures = sum(value.count("<img") for value in shown)
    tables = sum(value.count("<table") for value in shown)
    assert html.count("<img") >= pictures, "the saved copy lost pictures the learner saw"
    assert html.count("<table") >= tables, "the saved copy lost tables the learner saw"


def _path_to(root, target):
    """The widgets from ``root`` down to ``target``, both included (empty if not below it)."""
    if root is target:
        return [root]
    for child in getattr(root, "children", ()):
        path = _path_to(child, target)
        if path:
            return [root, *path]
    return []


CHECKS = [value for name, value in sorted(globals().items()) if name.startswith("check_")]


@pytest.mark.parametrize(
    ("cls", "check"),
    [(cls, check) for cls in ACTIVITIES.values() for check in CHECKS],
    ids=[f"{name}-{check.__name__[6:]}" for name in ACTIVITIES for check in CHECKS],
)
def test_activity(cls, check, tmp_path):
    check(cls, tmp_path)


# -- across activities ---------------------------------------------------------------------------
def test_the_registry_finds_every_activity_and_the_package_exports_them():
    import thinktwice.widgets as tw

    assert len(ACTIVITIES) >= 9
    assert len({cls.name for cls in ACTIVITIES.values()}) == len(ACTIVITIES), "names collide"
    for name, cls in ACTIVITIES.items():
        assert getattr(tw, name) is cls
        assert name in tw.__all__
    assert not {"Ratio", "Trial", "summarize", "warm_up", "RelianceSummary"} & set(tw.__all__)


def test_every_model_works_without_ipywidgets(tmp_path):
    """Graders use the models alone: importing and grading one never loads ipywidgets."""
    script = textwrap.dedent(
        f"""
        import importlib.abc, json, sys

        class NoWidgets(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("ipywidgets", "IPython"):
                    raise ImportError(f"{{name}} is not allowed here")

        sys.meta_path.insert(0, NoWidgets())
        from thinktwice.widgets.registry import all_activities, warm_up

        warm_up()
        done = {{}}
        for name, cls in all_activities().items():
            outcome = cls("no-widgets", folder={str(tmp_path)!r} + "/" + name).start().outcome()
            done[name] = outcome.total
        print(json.dumps(done))
        """
    )
    run = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr[-3000:]
    assert set(json.loads(run.stdout.splitlines()[-1])) == set(ACTIVITIES)


def test_no_module_of_the_package_imports_in_a_cycle():
    """Imports point one way, inside functions too: ``instructor -> autograder -> widgets``."""
    import ast
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    folders = {"widgets": "widgets", "autograder": "autograder", "instructor": "instructor"}
    graph: dict[str, set[str]] = {}
    for folder, package in folders.items():
        for path in sorted((root / folder).rglob("*.py")):
            parts = path.relative_to(root / folder).with_suffix("").parts
            name = ".".join([package, *parts]).removesuffix(".__init__")
            here = name if path.name == "__init__.py" else name.rpartition(".")[0]
            targets = graph.setdefault(name, set())
            for node in ast.walk(ast.parse(path.read_text("utf-8"))):
                if isinstance(node, ast.ImportFrom):
                    base = node.module or ""
                    if node.level:
                        up = here.split(".")[: len(here.split(".")) - node.level + 1]
                        base = ".".join([*up, base] if base else up)
                    base = base.removeprefix("thinktwice.")
                    targets.add(base)
                    targets.update(f"{base}.{alias.name}" for alias in node.names)
                elif isinstance(node, ast.Import):
                    targets.update(a.name.removeprefix("thinktwice.") for a in node.names)
    modules = set(graph)
    edges = {m: {t for t in ts if t in modules and t != m} for m, ts in graph.items()}
    for module in modules:  # a package's __init__ is not an edge back from its own modules
        edges[module] = {t for t in edges[module] if not module.startswith(t + ".")}

    cycles, state = [], {}

    def visit(node, path):
        state[node] = "open"
        for target in sorted(edges[node]):
            if state.get(target) == "open":
                cycles.append(path[path.index(target) :] + [target])
            elif target not in state:
                visit(target, [*path, target])
        state[node] = "done"

    for module in sorted(modules):
        if module not in state:
            visit(module, [module])
    assert not cycles, "import cycles: " + "; ".join(" -> ".join(c) for c in cycles)


def test_a_judgement_question_refuses_no_choice_and_locks_on_the_answer():
    from thinktwice.widgets._view_kit import JudgementQuestion
    from thinktwice.widgets.i18n import N_
    from thinktwice.widgets.judgement import Judgement

    question = Judgement(N_("Why?"), [("because", N_("Because")), ("none", N_("No idea"))])
    box = JudgementQuestion.of(question, submit="Go")
    with pytest.raises(ActivityError, match="Choose one of the answers"):
        box.chosen()
    box.show(None, ready=False)
    assert box.choices.disabled and box.submit.disabled  # not open yet
    box.show(None)
    assert not box.choices.disabled and box.feedback.value == ""
    box.show("none", "Not <quite>.", status=True)
    assert box.choices.value == "none" and box.choices.disabled and box.submit.disabled
    assert box.feedback.value == "<span role='status'>Not &lt;quite&gt;.</span>"
    assert box.chosen() == "none"


def test_one_percentage_and_one_word_for_undefined():
    from thinktwice.widgets.style import percent

    assert np.isnan(float("nan"))
    assert percent(None) == percent(float("nan")) == "undefined"
    assert percent(0.5) == "50%" and percent(0.125, 1) == "12.5%"


def test_a_submodule_name_never_builds_the_registry():
    """``from . import chart_checks`` inside an activity module asks the package first; if that
    built the registry, it did so with the asking module half imported, and cached the list
    without its activity."""
    code = textwrap.dedent(
        """
        import thinktwice.widgets as widgets
        from thinktwice.widgets import registry
        try:
            widgets.__getattr__("chart_checks")
        except AttributeError:
            pass
        print(registry.all_activities.cache_info().currsize)
        """
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert run.stdout.split() == ["0"]
