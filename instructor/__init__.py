"""The teacher side: the ``thinktwice`` command line, course directories, grading and export.

Each command of the ``thinktwice`` command line is a thin layer over one of the plain functions
exported here, which scripts and tests call directly::

    from thinktwice.instructor import init_course, release, collect, grade, feedback, export_csv

    course = init_course("my-course")
    release(course, ["m00_reliance"])

They are imported on first use, so ``thinktwice --help`` stays instant.
"""

from importlib import import_module

#: Each exported function and the module that defines it.
_FUNCTIONS = {
    "init_course": "course_dir",
    "release": "operations",
    "collect": "operations",
    "grade": "operations",
    "feedback": "operations",
    "export_csv": "export",
    "grade_rows": "export",
    "run_demo": "demo",
    "run_lab": "lab",
    "Course": "course_dir",
    "StepReport": "steps",
    "ThinkTwiceError": "errors",
}

__all__ = sorted(_FUNCTIONS)


def __getattr__(name: str):
    module = _FUNCTIONS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)


def __dir__() -> list[str]:
    return sorted({*globals(), *_FUNCTIONS})
