"""`make lab`'s server: a real JupyterLab on 127.0.0.1 where module 0 is fetched and submitted."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.lab, pytest.mark.slow]
TOKEN = "thinktwice-test-token"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _request(url, data=None):
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return response.status, response.read().decode()


@pytest.fixture
def lab(tmp_path):
    port = _free_port()
    env = dict(os.environ, JUPYTER_TOKEN=TOKEN, HOME=str(tmp_path / "home"))
    env.pop("JUPYTER_CONFIG_DIR", None)
    thinktwice = Path(sys.executable).with_name("thinktwice")
    log = open(tmp_path / "lab.log", "w")
    proc = subprocess.Popen(
        [str(thinktwice), "lab", str(tmp_path / "lab"), "--port", str(port)],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            _request(f"{base}/api/status")
            break
        except (urllib.error.URLError, ConnectionError):
            if proc.poll() is not None or time.monotonic() > deadline:
                log.close()
                pytest.fail("lab did not start:\n" + (tmp_path / "lab.log").read_text()[-3000:])
            time.sleep(0.5)
    yield base, tmp_path / "lab"
    os.killpg(proc.pid, signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    log.close()


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
