"""`make lab`'s servers: the learner's view fetches and submits; the teacher's view grades.

Both are real JupyterLab servers on 127.0.0.1, started as `make lab` starts them (`thinktwice lab
lab`, a relative folder). The learner's server must neither list nor serve the course source.
"""

import json
import urllib.error
import urllib.parse

import pytest

from thinktwice.course.build import modules

from .conftest import lab_request as _request

pytestmark = [pytest.mark.lab, pytest.mark.slow]

IDS = {"course_id": "thinktwice", "assignment_id": "m00_reliance"}


def _status(url, data=None):
    """The HTTP status of a request to a test lab, errors included."""
    try:
        return _request(url, data)[0]
    except urllib.error.HTTPError as error:
        return error.code


def test_learner_fetches_and_submits_module_0_and_teacher_collects_it(lab, teacher_lab):
    base, workspace = lab
    status, page = _request(f"{base}/lab")
    assert status == 200 and "JupyterLab" in page

    listed = json.loads(_request(f"{base}/assignments?course_id=thinktwice")[1])
    assert listed["success"]
    released = [a for a in listed["value"] if a["status"] == "released"]
    # Every module of the course is released, in order.
    assert [a["assignment_id"] for a in released] == [m.id for m in modules()]

    fetched = json.loads(_request(f"{base}/assignments/fetch", IDS)[1])
    assert fetched["success"], fetched
    assert (workspace / "thinktwice" / "m00_reliance" / "m00_reliance.ipynb").exists()
    submitted = json.loads(_request(f"{base}/assignments/submit", IDS)[1])
    assert submitted["success"], submitted

    # Formgrader is the teacher's: the learner's server does not have it.
    assert _status(f"{base}/formgrader") == 404
    assert _status(f"{base}/formgrader/api/assignments") == 404

    teacher, course = teacher_lab
    status, body = _request(f"{teacher}/formgrader/api/assignments")
    assert status == 200 and json.loads(body)[0]["name"] == "m00_reliance"
    collected = json.loads(
        _request(f"{teacher}/formgrader/api/assignment/m00_reliance/collect", {})[1]
    )
    assert collected["success"], collected
    assert list((course / "submitted").iterdir()), "the teacher collected no submission"
    rows = {r["name"]: r for r in json.loads(_request(f"{teacher}/formgrader/api/assignments")[1])}
    assert rows["m00_reliance"]["num_submissions"] == 1
    assert sorted(rows) == [m.id for m in modules()]
    # The teacher's view is the course itself; it has no assignment list to fetch into it.
    assert _status(f"{teacher}/assignments?course_id=thinktwice") == 404


def test_the_learner_server_neither_lists_nor_serves_the_course(lab):
    base, workspace = lab
    assert json.loads(_request(f"{base}/assignments/fetch", IDS)[1])["success"]
    root = json.loads(_request(f"{base}/api/contents")[1])
    assert [item["name"] for item in root["content"]] == ["thinktwice"]

    source = "source/m00_reliance/m00_reliance.ipynb"
    assert (workspace.parent / "course" / source).is_file()  # it exists, out of reach
    for path in (
        source,
        "nbgrader_config.py",
        "gradebook.db",
        "course/" + source,
        urllib.parse.quote("../course/" + source, safe=""),
        ".jupyter-settings",
    ):
        assert _status(f"{base}/api/contents/{path}") == 404, path
        assert _status(f"{base}/files/{path}") in (403, 404), path
    # The released copy it fetched is the learner's to open.
    assert _status(f"{base}/api/contents/thinktwice/m00_reliance/m00_reliance.ipynb") == 200


def test_the_quiet_settings_are_the_ones_jupyterlab_reads(lab):
    """The bug this guards against: the settings were written where JupyterLab never looked."""
    base, workspace = lab
    url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification"
    settings = json.loads(_request(url)[1])["settings"]
    assert settings["fetchNews"] == "false" and settings["checkForUpdates"] is False
    # Nothing of JupyterLab's own lands in the folder the learner sees, nor a stray `lab/`.
    assert sorted(p.name for p in workspace.parent.iterdir()) == [".jupyter", "course", "learner"]
    assert not (workspace / "lab").exists()
