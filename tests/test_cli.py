"""The teacher's command line: one-line errors, instant help, and a real run of each command."""

import subprocess
import sys

import pytest

from thinktwice.course import modules
from thinktwice.instructor.cli import main

THINKTWICE = [sys.executable, "-m", "thinktwice.instructor.cli"]


def _run(*args, cwd=None):
    return subprocess.run([*THINKTWICE, *args], capture_output=True, text=True, cwd=cwd)


def test_help_does_not_load_the_heavy_parts():
    code = (
        "import sys; from thinktwice.instructor.cli import build_parser; build_parser(); "
        "heavy = ('nbgrader', 'sklearn', 'matplotlib', 'jupyterlab'); "
        "heavy = [m for m in heavy if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout
    assert out.strip() == "[]"
    result = _run("--help")
    assert result.returncode == 0
    for command in ("init", "release", "collect", "grade", "feedback", "export", "demo", "lab"):
        assert command in result.stdout


@pytest.mark.parametrize(
    ("args", "status", "words"),
    [
        (["grade", "--course", "/nonexistent/course"], 1, "no such course folder"),
        (["frobnicate"], 2, "invalid choice"),
        (["demo", "--students", "many", "--out", "x"], 2, "invalid int value"),
        (["demo", "--students", "3"], 2, "--out"),
    ],
)
def test_wrong_input_is_one_line_without_traceback(args, status, words):
    result = _run(*args)
    assert result.returncode == status
    assert words in result.stderr
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_not_a_course_and_unknown_module(tmp_path, capsys):
    assert main(["release", "--course", str(tmp_path)]) == 1
    assert "not an nbgrader course" in capsys.readouterr().err
    assert main(["init", str(tmp_path / "c")]) == 0
    overview = (tmp_path / "c" / "OVERVIEW.md").read_text("utf-8")
    assert all(f"## Module {m.number} · {m.title}" in overview for m in modules())
    assert main(["release", "--course", str(tmp_path / "c"), "m42"]) == 1
    err = capsys.readouterr().err
    assert "unknown assignment 'm42'" in err and "m00_reliance" in err
    assert main(["init", str(tmp_path / "c")]) == 1  # never overwrites a course
    assert "already holds a course" in capsys.readouterr().err


@pytest.mark.nbgrader
def test_release_collect_grade_export_from_the_command_line(tmp_path):
    course = tmp_path / "course"
    assert _run("init", str(course)).returncode == 0
    released = _run("release", "--course", str(course))
    assert released.returncode == 0 and "released m00_reliance" in released.stdout
    again = _run("release", "--course", str(course))
    assert "already released" in again.stdout
    assert (course / "release" / "m00_reliance" / "m00_reliance.ipynb").exists()
    collected = _run("collect", "--course", str(course))
    assert collected.returncode == 0
    graded = _run("grade", "--course", str(course))
    assert graded.returncode == 0
    exported = _run("export", "--course", str(course), "--out", str(tmp_path / "g.csv"))
    assert exported.returncode == 0 and "wrote 0 rows" in exported.stdout
    assert (tmp_path / "g.csv").read_text().startswith("student,module,score")


def test_the_instructor_package_exports_the_plain_functions_behind_the_commands():
    import thinktwice.instructor as instructor
    from thinktwice.instructor import operations

    for name in ["init_course", "release", "collect", "grade", "feedback", "export_csv"]:
        assert name in instructor.__all__ and callable(getattr(instructor, name)), name
    assert instructor.release is operations.release
    with pytest.raises(AttributeError):
        instructor.no_such_function  # noqa: B018


@pytest.mark.nbgrader
def test_grade_says_when_there_is_nothing_to_grade_and_names_an_unknown_student(
    released_course, capsys
):
    root = str(released_course.root)
    assert main(["grade", "--course", root, "--quiet"]) == 0
    out = capsys.readouterr().out
    assert "nothing to grade in m00_reliance: no submission collected" in out
    assert "graded m00_reliance" not in out
    assert main(["grade", "--course", root, "--student", "nobody", "--quiet"]) == 1
    err = capsys.readouterr().err
    assert "no collected submission from nobody in m00_reliance" in err
    assert len(err.strip().splitlines()) == 1


@pytest.mark.nbgrader
def test_a_second_grade_run_on_a_course_is_refused_while_the_first_runs(released_course):
    from thinktwice.instructor import operations
    from thinktwice.instructor.errors import ThinkTwiceError

    with operations._grading_lock(released_course):  # the first run, still grading
        with pytest.raises(ThinkTwiceError, match=r"another `thinktwice grade` is grading"):
            operations.grade(released_course, progress=False)
    assert operations.grade(released_course, progress=False).failed == {}  # then it may
