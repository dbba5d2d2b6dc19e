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

from thinktwice.instructor.course_dir import init_course
from thinktwice.instructor.operations import release


@pytest.fixture(autouse=True)
def _isolated_learner(monkeypatch, tmp_path):
    """No test reads the developer's identity, home or language."""
    monkeypatch.delenv("THINKTWICE_LEARNER", raising=False)
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    monkeypatch.delenv("THINKTWICE_LANG", raising=False)
    monkeypatch.setenv("OPENBLAS_NUM_THREADS", "1")
    monkeypatch.setenv("OMP_NUM_THREADS", "1")


@pytest.fixture
def released_course(tmp_path):
    """A fresh course with module 0 released, in a temporary folder."""
    course = init_course(tmp_path / "course", module_names=["m00_reliance"])
    release(course, ["m00_reliance"])
    return course


TOKEN = "thinktwice-test-token"


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def lab_request(url, data=None):
    """A request to the test lab, with its token; returns (status, body)."""
    body = urllib.parse.urlencode(data).encode() if data is not None else None
    req = urllib.request.Request(url, data=body, headers={"Authorization": f"token {TOKEN}"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return response.status, response.read().decode()


@pytest.fixture
def lab(tmp_path):
    """`thinktwice lab` running on a free port of 127.0.0.1: yields (base URL, lab folder)."""
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
            lab_request(f"{base}/api/status")
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
