import os

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


def pytest_configure(config):
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
