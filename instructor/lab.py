"""``thinktwice lab``: JupyterLab on 127.0.0.1, in the learner's view or the teacher's.

One folder ``DIR`` holds everything, so nothing is lost between runs::

    DIR/course/     the teacher's nbgrader course: source notebooks (with solutions and hidden
                    tests), release, gradebook, exchange. The teacher's view serves this folder.
    DIR/learner/    the learner's workspace: what the assignment list fetches. The learner's view
                    serves this folder, so the course source is out of its reach.
    DIR/.jupyter/   each view's own Jupyter settings (nbgrader, server and lab configuration).

The learner's view has nbgrader's assignment list (fetch, validate, submit) and no formgrader,
course list or Create Assignment; the teacher's view has those and no assignment list.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from .course_dir import CONFIG_FILE, Course, ensure_tools_on_path, init_course
from .errors import ThinkTwiceError
from .operations import release

#: nbgrader's JupyterLab plugins and server extensions, and which view keeps them.
_TEACHER_ONLY_PLUGINS = (
    "@jupyter/nbgrader:formgrader",
    "@jupyter/nbgrader:course-list",
    "@jupyter/nbgrader:create-assignment",
)
_LEARNER_ONLY_PLUGINS = ("@jupyter/nbgrader:assignment-list",)
#: Not nbgrader's, but no use to a learner: the extension manager's sidebar.
_HIDDEN_FROM_LEARNER = ("@jupyterlab/extensionmanager-extension:plugin",)
_TEACHER_ONLY_EXTENSIONS = (
    "nbgrader.server_extensions.formgrader",
    "nbgrader.server_extensions.course_list",
)
_LEARNER_ONLY_EXTENSIONS = ("nbgrader.server_extensions.assignment_list",)

_NBGRADER_CONFIG = """\
# nbgrader settings of `thinktwice lab` ({view}'s view), written by thinktwice on every start.
# Paths are relative to this file (DIR/.jupyter/{view}/), so DIR can be moved as a whole.
import os

_lab = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
c = get_config()  # noqa: F821
load_subconfig(os.path.join(_lab, "course", "nbgrader_config.py"))  # noqa: F821
# Where the assignment list fetches modules to: the learner's workspace.
c.Exchange.assignment_dir = os.path.join(_lab, "learner")
"""


@dataclass(frozen=True)
class LabLayout:
    """The folders of a lab made by :func:`prepare_lab` (see this module's docstring)."""

    root: Path

    @property
    def course(self) -> Path:
        """The teacher's nbgrader course folder."""
        return self.root / "course"

    @property
    def learner(self) -> Path:
        """The learner's workspace: the assignment list fetches here."""
        return self.root / "learner"

    def config_dir(self, teacher: bool = False) -> Path:
        """The Jupyter configuration folder of one view (``JUPYTER_CONFIG_DIR``)."""
        return self.root / ".jupyter" / ("teacher" if teacher else "learner")

    def served(self, teacher: bool = False) -> Path:
        """The folder JupyterLab shows as its root in one view."""
        return self.course if teacher else self.learner


def _folder(path: Path, what: str) -> None:
    """Make ``path`` a folder, or fail with a message naming it and the problem."""
    if path.exists() and not path.is_dir():
        raise ThinkTwiceError(f"{path}: exists and is not a folder, so it cannot hold {what}")
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        why = error.strerror or str(error)
        raise ThinkTwiceError(f"{path}: cannot make the folder for {what}: {why}") from None
    if not os.access(path, os.W_OK | os.X_OK):
        raise ThinkTwiceError(f"{path}: cannot write in this folder, which holds {what}")


def _move_old_work(layout: LabLayout, course: Course) -> None:
    """Carry a learner's work from the old one-folder layout (``DIR/<course id>``) over."""
    old = layout.root / course.course_id
    new = layout.learner / course.course_id
    if old.is_dir() and not new.exists():
        old.rename(new)
    stale = layout.root / CONFIG_FILE  # the old layout's lab settings, now in DIR/.jupyter
    if stale.is_file() and "thinktwice lab" in stale.read_text("utf-8", errors="replace"):
        stale.unlink()
    # Its JupyterLab settings, and the stray `lab/` an old bug left with nothing but settings.
    shutil.rmtree(layout.root / ".jupyter-settings", ignore_errors=True)
    stray = layout.root / "lab"
    if stray.is_dir() and {p.name for p in stray.iterdir()} <= {".jupyter-settings"}:
        shutil.rmtree(stray, ignore_errors=True)


@contextlib.contextmanager
def _one_at_a_time(lock: Path):
    """Hold ``lock`` while the course is made: both views started at once make it only once."""
    lock.parent.mkdir(parents=True, exist_ok=True)
    with open(lock, "w") as handle:
        try:
            import fcntl
        except ImportError:  # not on a POSIX system: no lock
            yield
            return
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_view_config(layout: LabLayout, teacher: bool = False) -> Path:
    """Write one view's Jupyter configuration; return its folder (``JUPYTER_CONFIG_DIR``).

    It loads the course's nbgrader configuration, turns off the other view's nbgrader plugins
    and server extensions, and silences JupyterLab's news and update pop-ups.
    """
    config = layout.config_dir(teacher)
    (config / "labconfig").mkdir(parents=True, exist_ok=True)
    view = "teacher" if teacher else "learner"
    (config / CONFIG_FILE).write_text(_NBGRADER_CONFIG.format(view=view), "utf-8")
    plugins = _LEARNER_ONLY_PLUGINS if teacher else _TEACHER_ONLY_PLUGINS + _HIDDEN_FROM_LEARNER
    extensions = _LEARNER_ONLY_EXTENSIONS if teacher else _TEACHER_ONLY_EXTENSIONS
    page_config = {"disabledExtensions": {name: True for name in plugins}}
    server_config = {"ServerApp": {"jpserver_extensions": {name: False for name in extensions}}}
    (config / "labconfig" / "page_config.json").write_text(json.dumps(page_config, indent=1))
    (config / "jupyter_server_config.json").write_text(json.dumps(server_config, indent=1))
    _write_quiet_settings(config / "lab" / "user-settings")
    if not teacher:
        _first_layout(config / "lab" / "workspaces")
    return config


def _first_layout(workspaces: Path) -> None:
    """Open the assignment list on the learner's first visit (later visits keep their own tabs).

    The file is JupyterLab's saved "default" workspace: its name is the workspace id and the
    first four hex digits of its SHA-256, and the assignment list restores from its tracker entry.
    """
    name = "default-" + hashlib.sha256(b"default").hexdigest()[:4] + ".jupyterlab-workspace"
    if (workspaces / name).exists():
        return
    panel = "nbgrader-assignment-list:nbgrader-assignment-list"
    layout = {
        "main": {"dock": {"type": "tab-area", "currentIndex": 0, "widgets": [panel]}},
        "left": {"collapsed": False, "visible": True, "current": "filebrowser"},
    }
    workspace = {
        "data": {"layout-restorer:data": layout, panel: {"data": {}}},
        "metadata": {"id": "default"},
    }
    workspaces.mkdir(parents=True, exist_ok=True)
    (workspaces / name).write_text(json.dumps(workspace), "utf-8")


def prepare_lab(folder: str | os.PathLike[str], teacher: bool = False) -> LabLayout:
    """Make (once) and release the course in ``folder/course``; write both views' settings.

    Running it again reuses the course, the gradebook and the learner's work.
    """
    layout = LabLayout(Path(folder).resolve())
    _folder(layout.root, "the lab")
    own = layout.root / CONFIG_FILE
    if own.is_file() and "thinktwice lab" not in own.read_text("utf-8", errors="replace"):
        raise ThinkTwiceError(
            f"{layout.root}: holds a course ({CONFIG_FILE}); `thinktwice lab` makes its own course "
            "in DIR/course, so give it a folder of its own (for example: thinktwice lab lab)"
        )
    _folder(layout.course, "the teacher's course")
    _folder(layout.learner, "the learner's workspace")
    with _one_at_a_time(layout.root / ".jupyter" / "prepare.lock"):
        course = (
            Course.open(layout.course)
            if (layout.course / CONFIG_FILE).exists()
            else init_course(layout.course)
        )
        release(course)
    _move_old_work(layout, course)
    write_view_config(layout, teacher=False)
    write_view_config(layout, teacher=True)
    return layout


def _write_quiet_settings(settings: Path) -> Path:
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


def quiet_settings(folder: str | os.PathLike[str]) -> Path:
    """Write JupyterLab settings for ``folder``: no news or update pop-ups, widget state saved.

    Saving the widgets' state with the notebook lets a notebook reopened later, with no kernel
    running, show each activity as the learner left it (JupyterLab shows "model not found"
    otherwise). :func:`lab_environment` points ``JUPYTERLAB_SETTINGS_DIR`` at the folder returned
    (``folder/.jupyter-settings``, hidden from JupyterLab's file browser).
    """
    return _write_quiet_settings(Path(folder).resolve() / ".jupyter-settings")


def lab_command(folder: str | os.PathLike[str], port: int, open_browser: bool = False) -> list[str]:
    """The command line that starts JupyterLab serving ``folder`` on 127.0.0.1."""
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


def lab_environment(
    folder: str | os.PathLike[str], config_dir: str | os.PathLike[str] | None = None
) -> dict[str, str]:
    """The environment JupyterLab runs in: quiet settings of its own, tools on ``PATH``.

    Without ``config_dir``, the settings are ``folder/.jupyter-settings`` (see
    :func:`quiet_settings`). With it (a folder written by :func:`write_view_config`), Jupyter's
    whole configuration, lab settings and workspaces come from there, not from the home folder.
    """
    ensure_tools_on_path()
    env = dict(os.environ)
    if config_dir is None:
        env["JUPYTERLAB_SETTINGS_DIR"] = str(Path(folder).resolve() / ".jupyter-settings")
        return env
    config = Path(config_dir).resolve()
    env["JUPYTER_CONFIG_DIR"] = str(config)
    env["JUPYTERLAB_SETTINGS_DIR"] = str(config / "lab" / "user-settings")
    env["JUPYTERLAB_WORKSPACES_DIR"] = str(config / "lab" / "workspaces")
    env.pop("JUPYTER_CONFIG_PATH", None)
    return env


def check_port(port: int) -> None:
    """Fail with a clear message when ``port`` of 127.0.0.1 cannot be listened on."""
    if not 1 <= port <= 65535:
        raise ThinkTwiceError(f"port {port}: not a port number (use 1024 to 65535)")
    with socket.socket() as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise ThinkTwiceError(
                    f"port {port} of 127.0.0.1 is already in use (is a lab already running?); "
                    "choose another with --port (make lab PORT=...)"
                ) from None
            raise ThinkTwiceError(f"port {port} of 127.0.0.1: {error.strerror}") from None


def run_lab(
    folder: str | os.PathLike[str],
    port: int = 8888,
    open_browser: bool = False,
    teacher: bool = False,
) -> int:
    """Prepare the lab and replace this process with JupyterLab in one view.

    The learner's view (the default) serves ``folder/learner``; ``teacher=True`` serves the
    course, ``folder/course``, with formgrader.
    """
    check_port(port)
    layout = prepare_lab(folder, teacher=teacher)  # every path is absolute from here on
    served = layout.served(teacher)
    command = lab_command(served, port, open_browser)
    env = lab_environment(served, config_dir=layout.config_dir(teacher))
    url = f"http://127.0.0.1:{port}/lab"
    if teacher:
        print(f"Think Twice, teacher's view of {served}: starting JupyterLab on {url}")
        print("Nbgrader menu > Formgrader: collect, autograde and grade submissions.")
        print("Learners work in the other view: thinktwice lab " + str(layout.root))
    else:
        print(f"Think Twice, learner's view of {served}: starting JupyterLab on {url}")
        print("Nbgrader menu > Assignment List: fetch a module, work, then Submit.")
        print(f"The teacher's view: thinktwice lab {layout.root} --teacher")
    print("Stop with Ctrl-C. Open the address below, with its token:", flush=True)
    os.chdir(served)
    try:
        os.execvpe(command[0], command, env)
    except OSError as error:
        raise ThinkTwiceError(f"cannot start JupyterLab ({command[0]}): {error}") from None
    return 0
