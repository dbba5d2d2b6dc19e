"""The grading engine: nbgrader's autograde pipeline, fast, parallel and sandboxed.

A warm zygote pays the imports once and forks a fresh child per submission; the child runs the
notebook in-process with IPython and returns its outputs; nbgrader's own steps write the
``autograded`` folder and the gradebook. :func:`execute_submission` is the plain function that
runs one submission, locally or on a Dask worker.
"""

from ._sandbox_choice import Limits
from .pipeline import SubmissionOutcome, execute_timeout, grade_assignment
from .state import GradingState
from .submission import ExecutedSubmission, SubmissionJob, WorkerStartError, execute_submission
from .workers import DaskRunner, LocalRunner

__all__ = [
    "DaskRunner",
    "ExecutedSubmission",
    "GradingState",
    "Limits",
    "LocalRunner",
    "SubmissionJob",
    "SubmissionOutcome",
    "WorkerStartError",
    "execute_submission",
    "execute_timeout",
    "grade_assignment",
]
