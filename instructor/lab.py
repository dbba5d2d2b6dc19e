"""``thinktwice lab``: one JupyterLab on 127.0.0.1 where a teacher and a learner can both work.

The folder holds the course (``course/``) and the learner's workspace (the folder itself): the
learner fetches, works and submits module 0 from nbgrader's assignment list, and the teacher
grades it in formgrader, in the same lab.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
from pathlib import Path

from .course_dir import CONFIG_FILE, Course, ensure_tools_on_path, init_course
from .errors import ThinkTwiceError
from .operations import release

_LAB_CONFIG = """\
# JupyterLab's nbgrader settings for `thinktwice lab`: the course below, and this folder as the
# learner's workspace (where the assignment list fetches to).
import os

_here = os.path.dirname(os.path.abspath(__file__))
c = get_config()  # noqa: F821
load_subconfig(os.path.join(_here, "course", "nbgrader_config.py"))  # noqa: F821
c.Exchange.assignment_dir = _here
"""


def prepare_lab(folder: str | os.PathLike[str]) -> Course:
    """Make (once) and release the course in ``folder/course``; write the lab's settings."""
    root = Path(folder).resolve()
    root.mkdir(parents=True, exist_ok=True)
    course_root = root / "course"
    course = (
        Course.open(course_root)
        if (course_root / CONFIG_FILE).exists()
        else init_course(course_root)
    )
    release(course)
    (root / CONFIG_FILE).write_text(_LAB_CONFIG, "utf-8")
    quiet_settings(root)
    return course


def quiet_settings(folder: str | os.PathLike[str]) -> Path:
    """Write JupyterLab settings for ``folder``: no news or update pop-ups, widget state saved.

    Saving the widgets' state with the notebook lets a notebook reopened later, with no kernel
    running, show each activity as the learner left it (JupyterLab shows "model not found"
    otherwise). :func:`lab_environment` points ``JUPYTERLAB_SETTINGS_DIR`` at the folder returned.
    """
    settings = Path(folder).resolve() / ".jupyter-settings"
    wanted = {
        ("@jupyterlab", "apputils-extension", "notification"): {
            "fetchNews": "false",
            "checkForUpdates": False,
        },
        ("@jupyter-widgets", "jupyterlab-manager", "plugin"): {"saveState": True},
    }
    for (scope, extension, plugin), values in wanted.items():
        place = settings / scope / extension
        place.mkdir(parents=True, exist_ok=True)
        (place / f"{plugin}.jupyterlab-settings").write_text(json.dumps(values), "utf-8")
    return settings


def lab_command(folder: str | os.PathLike[str], port: int, open_browser: bool = False) -> list[str]:
    """The command line that starts JupyterLab for ``folder`` on 127.0.0.1."""
    jupyter = shutil.which("jupyter", path=str(Path(sys.executable).parent)) or "jupyter"
    command = [
        jupyter,
        "lab",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.port={port}",
        "--ServerApp.port_retries=0",
        f"--ServerApp.root_dir={Path(folder).resolve()}",
    ]
    if not open_browser:
        command.append("--no-browser")
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    return command


def lab_environment(folder: str | os.PathLike[str]) -> dict[str, str]:
    """The environment JupyterLab runs in: quiet settings of its own, tools on ``PATH``."""
    ensure_tools_on_path()
    env = dict(os.environ)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(Path(folder).resolve() / ".jupyter-settings")
    return env


def run_lab(folder: str | os.PathLike[str], port: int = 8888, open_browser: bool = False) -> int:
    """Prepare the lab and replace this process with JupyterLab."""
    prepare_lab(folder)
    command = lab_command(folder, port, open_browser)
    print(f"Think Twice: starting JupyterLab on http://127.0.0.1:{port}/lab (Ctrl-C to stop)")
    print("Open the Assignments tab to fetch module 0; Formgrader grades it.", flush=True)
    os.chdir(Path(folder).resolve())
    try:
        os.execvpe(command[0], command, lab_environment(folder))
    except OSError as error:
        raise ThinkTwiceError(f"cannot start JupyterLab ({command[0]}): {error}") from None
    return 0
