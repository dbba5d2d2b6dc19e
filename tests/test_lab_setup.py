"""`thinktwice lab` before JupyterLab starts: its folders, each view's settings, clear errors."""

import json
import os
import socket
from pathlib import Path

import pytest

from thinktwice.instructor import lab as lab_module
from thinktwice.instructor.cli import main
from thinktwice.instructor.lab import LabLayout, lab_environment, write_view_config


def _free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_file_where_the_lab_folder_should_be(tmp_path, capsys):
    (tmp_path / "lab").write_text("not a folder")
    assert main(["lab", str(tmp_path / "lab"), "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'lab'}: exists and is not a folder" in err


def test_a_file_where_the_learner_workspace_should_be(tmp_path, capsys):
    (tmp_path / "lab").mkdir()
    (tmp_path / "lab" / "learner").write_text("")
    assert main(["lab", str(tmp_path / "lab"), "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err
    assert f"{tmp_path / 'lab' / 'learner'}: exists and is not a folder" in err
    assert "learner's workspace" in err


def test_a_course_folder_given_as_the_lab_folder(tmp_path, capsys):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    assert main(["lab", str(tmp_path), "--port", str(_free_port())]) == 1
    err = capsys.readouterr().err
    assert "holds a course" in err and "a folder of its own" in err
    assert not (tmp_path / "course").exists()


def test_a_port_already_taken(tmp_path, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["lab", str(tmp_path / "lab"), "--port", str(port)]) == 1
    err = capsys.readouterr().err
    assert f"port {port} of 127.0.0.1 is already in use" in err and "--port" in err
    assert not (tmp_path / "lab").exists()  # checked before anything is made


def test_each_view_turns_off_the_other_views_nbgrader_parts(tmp_path):
    layout = LabLayout(tmp_path)
    learner = write_view_config(layout, teacher=False)
    teacher = write_view_config(layout, teacher=True)

    def disabled(config):
        page = json.loads((config / "labconfig" / "page_config.json").read_text())
        server = json.loads((config / "jupyter_server_config.json").read_text())
        off = server["ServerApp"]["jpserver_extensions"]
        return set(page["disabledExtensions"]), {name for name, on in off.items() if not on}

    plugins, extensions = disabled(learner)
    assert {"@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment"} <= plugins
    assert "@jupyter/nbgrader:course-list" in plugins
    assert "@jupyter/nbgrader:assignment-list" not in plugins
    assert "nbgrader.server_extensions.formgrader" in extensions
    plugins, extensions = disabled(teacher)
    assert plugins == {"@jupyter/nbgrader:assignment-list"}
    assert extensions == {"nbgrader.server_extensions.assignment_list"}
    # The learner's first visit opens the assignment list; the teacher's opens nothing special.
    assert list((learner / "lab" / "workspaces").glob("default-*.jupyterlab-workspace"))
    assert not (teacher / "lab" / "workspaces").exists()


def test_the_environment_names_absolute_folders_whatever_the_current_folder(tmp_path, monkeypatch):
    """The old bug: a relative `lab` resolved after changing folder, so the settings were lost."""
    monkeypatch.chdir(tmp_path)
    layout = LabLayout(Path("lab").resolve())
    config = write_view_config(layout)
    os.chdir(config)  # as run_lab does before JupyterLab starts
    env = lab_environment(layout.learner, config_dir=config)
    settings = Path(env["JUPYTERLAB_SETTINGS_DIR"])
    assert (
        settings.is_absolute()
        and Path(env["JUPYTER_CONFIG_DIR"]) == tmp_path / "lab" / ".jupyter" / "learner"
    )
    notification = (
        settings / "@jupyterlab" / "apputils-extension" / "notification.jupyterlab-settings"
    )
    assert json.loads(notification.read_text())["fetchNews"] == "false"


@pytest.mark.nbgrader
def test_run_lab_from_a_relative_folder_and_again(tmp_path, monkeypatch):
    """What `make lab` runs, up to starting JupyterLab; a second run keeps everything."""
    started = []

    def execvpe(program, command, env):  # JupyterLab would replace the process here
        started.append((command, env, Path.cwd()))
        os.chdir(tmp_path)

    monkeypatch.setattr(lab_module.os, "execvpe", execvpe)
    monkeypatch.chdir(tmp_path)
    # The old one-folder layout: the learner's fetched work sat in lab/thinktwice.
    old_work = tmp_path / "lab" / "thinktwice" / "m00_reliance"
    old_work.mkdir(parents=True)
    (old_work / "m00_reliance.ipynb").write_text("{}")
    (tmp_path / "lab" / "nbgrader_config.py").write_text("# settings for `thinktwice lab`\n")
    (tmp_path / "lab" / ".jupyter-settings").mkdir()
    (tmp_path / "lab" / "lab" / ".jupyter-settings").mkdir(parents=True)  # the old bug's stray

    assert main(["lab", "lab", "--port", str(_free_port())]) == 0
    command, env, cwd = started[-1]
    lab = tmp_path / "lab"
    assert f"--ServerApp.root_dir={lab / 'learner'}" in command and cwd == lab / "learner"
    assert env["JUPYTER_CONFIG_DIR"] == str(lab / ".jupyter" / "learner")
    assert sorted(p.name for p in lab.iterdir()) == [".jupyter", "course", "learner"]
    assert (lab / "learner" / "thinktwice" / "m00_reliance" / "m00_reliance.ipynb").exists()
    assert (lab / "course" / "release" / "m00_reliance" / "m00_reliance.ipynb").exists()

    gradebook = (lab / "course" / "gradebook.db").stat().st_mtime_ns
    assert main(["lab", "lab", "--teacher", "--port", str(_free_port())]) == 0
    command, env, cwd = started[-1]
    assert f"--ServerApp.root_dir={lab / 'course'}" in command and cwd == lab / "course"
    assert env["JUPYTER_CONFIG_DIR"] == str(lab / ".jupyter" / "teacher")
    assert (lab / "course" / "gradebook.db").stat().st_mtime_ns == gradebook
    assert (lab / "learner" / "thinktwice" / "m00_reliance" / "m00_reliance.ipynb").exists()
