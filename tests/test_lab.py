"""`make lab`'s server: a real JupyterLab on 127.0.0.1 where module 0 is fetched and submitted."""

import json

import pytest

from .conftest import lab_request as _request

pytestmark = [pytest.mark.lab, pytest.mark.slow]


def test_learner_fetches_and_submits_module_0_and_teacher_sees_it(lab):
    base, folder = lab
    status, page = _request(f"{base}/lab")
    assert status == 200 and "JupyterLab" in page

    listed = json.loads(_request(f"{base}/assignments?course_id=thinktwice")[1])
    assert listed["success"]
    released = [a for a in listed["value"] if a["status"] == "released"]
    assert [a["assignment_id"] for a in released] == ["m00_reliance"]

    ids = {"course_id": "thinktwice", "assignment_id": "m00_reliance"}
    fetched = json.loads(_request(f"{base}/assignments/fetch", ids)[1])
    assert fetched["success"], fetched
    assert (folder / "thinktwice" / "m00_reliance" / "m00_reliance.ipynb").exists()
    submitted = json.loads(_request(f"{base}/assignments/submit", ids)[1])
    assert submitted["success"], submitted

    status, body = _request(f"{base}/formgrader/api/assignments")
    assert status == 200 and json.loads(body)[0]["name"] == "m00_reliance"
