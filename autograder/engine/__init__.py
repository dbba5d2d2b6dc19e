"""The grading engine: nbgrader's autograde pipeline, fast, parallel and sandboxed.

A warm zygote pays the imports once and forks a fresh child per submission; the child runs the
notebook in-process with IPython and returns its outputs; nbgrader's own steps write the
``autograded`` folder and the gradebook. :func:`execute_submission` is the plain function that
runs one submission, locally or on a Dask worker.

Names are imported on first use, so that starting the zygote need not wait for nbgrader.
"""

from importlib import import_module

_WHERE = {
    "Limits": ".sandbox",
    "SubmissionOutcome": ".pipeline",
    "execute_timeout": ".pipeline",
    "grade_assignment": ".pipeline",
    "GradingState": ".state",
    "ExecutedSubmission": ".submission",
    "SubmissionJob": ".submission",
    "WorkerStartError": ".submission",
    "execute_submission": ".submission",
    "DaskRunner": ".workers",
    "LocalRunner": ".workers",
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(_WHERE[name], __name__), name)


def __dir__() -> list[str]:
    return __all__
