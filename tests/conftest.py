import contextlib
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


@contextlib.contextmanager
def serve(command, *, url, env, log_path, cwd=None):
    """Run a server in its own process group until ``url`` answers; stop it by its group id.

    Any HTTP answer, even an error status, means the server is up.
    """
    with open(log_path, "w") as log:
        proc = subprocess.Popen(
            command,
            cwd=cwd,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(url, timeout=5).close()
                break
            except urllib.error.HTTPError:
                break
            except (urllib.error.URLError, ConnectionError):
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{command[0]} did not start:\n" + log_path.read_text()[-3000:])
                time.sleep(0.5)
        yield
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def _thinktwice_lab(tmp_path, *options):
    """Start `thinktwice lab lab` as `make lab` does: a relative folder, from ``tmp_path``."""
    port = _free_port()
    env = dict(os.environ, JUPYTER_TOKEN=TOKEN, HOME=str(tmp_path / "home"))
    env.pop("JUPYTER_CONFIG_DIR", None)
    thinktwice = Path(sys.executable).with_name("thinktwice")
    command = [str(thinktwice), "lab", "lab", "--port", str(port), *options]
    base = f"http://127.0.0.1:{port}"
    name = "teacher" if options else "learner"
    return base, serve(
        command, url=f"{base}/api/status", env=env, log_path=tmp_path / f"{name}.log", cwd=tmp_path
    )


@pytest.fixture
def lab(tmp_path):
    """`thinktwice lab lab` (the learner's view) on a free port: yields (base URL, workspace).

    The workspace is ``lab/learner``, the folder JupyterLab serves and the assignment list
    fetches to; the course is in ``lab/course``.
    """
    base, server = _thinktwice_lab(tmp_path)
    with server:
        yield base, tmp_path / "lab" / "learner"


@pytest.fixture
def teacher_lab(tmp_path, lab):
    """`thinktwice lab lab --teacher` on the same lab as ``lab``: yields (base URL, course)."""
    base, server = _thinktwice_lab(tmp_path, "--teacher")
    with server:
        yield base, tmp_path / "lab" / "course"


CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def chromium():
    """Debian's headless Chromium, driven by Playwright, for the whole test session."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh browser page with a tall viewport (the notebook scrolls inside its own panel)."""
    context = chromium.new_context(viewport={"width": 1200, "height": 1800})
    yield context.new_page()
    context.close()


@pytest.fixture(scope="session")
def activity_lab(tmp_path_factory):
    """A plain JupyterLab on 127.0.0.1 for activity notebooks: yields (base URL, folder).

    The learner is ``browser-learner`` (``THINKTWICE_LEARNER``); each test writes its own
    notebook into the folder, so no two tests share a kernel.
    """
    from thinktwice.instructor.lab import lab_command, lab_environment, quiet_settings

    folder = tmp_path_factory.mktemp("activity-lab")
    quiet_settings(folder)
    port = _free_port()
    env = dict(
        lab_environment(folder),
        JUPYTER_TOKEN=TOKEN,
        HOME=str(folder / ".home"),
        THINKTWICE_LEARNER="browser-learner",
    )
    env.pop("JUPYTER_CONFIG_DIR", None)
    base = f"http://127.0.0.1:{port}"
    url = f"{base}/api/status"
    with serve(
        lab_command(folder, port), url=url, env=env, log_path=folder / ".lab.log", cwd=folder
    ):
        yield base, folder
