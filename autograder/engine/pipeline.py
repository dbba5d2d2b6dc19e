"""nbgrader's autograde pipeline with its one slow step, ``Execute``, run by the engine.

Every other step is nbgrader's own (``OverwriteCells``, ``CheckCellMetadata``, ``LimitOutput``,
``SaveAutoGrades``, ``AssignLatePenalties``...), run in the grader's process, so the
``autograded`` folder, the gradebook and formgrader see exactly what ``nbgrader autograde``
writes. Submissions are graded by a bounded pool of threads; nbgrader's steps and every gradebook
write happen under one lock (SQLite has one writer), which each thread lets go only while its
submission's code runs elsewhere: in a child of the local zygote, or on a Dask worker.
"""

from __future__ import annotations

import io
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.preprocessors import NbGraderPreprocessor

from ._nbgrader_speedups import faster_nbgrader
from .sandbox import Limits
from .state import GradingState, submission_digest
from .submission import ExecutedSubmission, SubmissionJob, WorkerStartError

#: Attempts to start the process that runs a submission, before it is reported as failed.
ATTEMPTS = 3

Runner = Callable[[SubmissionJob], ExecutedSubmission]


@dataclass
class SubmissionOutcome:
    """What happened to one learner's submission: ``graded``, ``unchanged`` or ``failed``."""

    student: str
    status: str
    message: str = ""
    problems: list[str] = field(default_factory=list)


class _Gate:
    """The lock around nbgrader's steps; a thread lets it go while its submission runs."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> _Gate:
        self._lock.acquire()
        return self

    def __exit__(self, *exc) -> None:
        self._lock.release()

    @contextmanager
    def opened(self):
        self._lock.release()
        try:
            yield
        finally:
            self._lock.acquire()


class EngineExecute(NbGraderPreprocessor):
    """nbgrader's ``Execute`` step, done by the engine: the notebook runs in a sandboxed child."""

    def __init__(
        self, *, run: Runner, gate: _Gate, slots, limits: Limits, hidden, **kwargs
    ) -> None:
        super().__init__(**kwargs)
        self._run = run
        self._gate = gate
        self._slots = slots
        self._limits = limits
        self._hidden = tuple(str(p) for p in hidden)
        self.problems: list[str] = []

    def preprocess(self, nb, resources):  # noqa: D102 - nbconvert's preprocessor interface
        import nbformat

        folder = Path(resources["metadata"]["path"] or ".").resolve()
        notebook_file = f"{resources['nbgrader']['notebook']}.ipynb"
        with self._gate.opened():
            text = nbformat.writes(nb)
            files = {
                path.relative_to(folder).as_posix(): path.read_bytes()
                for path in sorted(folder.rglob("*"))
                if path.is_file() and not path.is_symlink()
            }
            files[notebook_file] = text.encode("utf-8")
            job = SubmissionJob(
                student=resources["nbgrader"]["student"],
                assignment=resources["nbgrader"]["assignment"],
                notebook=text,
                files=files,
                limits=self._limits,
                hidden=self._hidden,
            )
            with self._slots:
                result = run_with_retries(self._run, job)
            executed = nbformat.reads(result.notebook, as_version=4)
        # nbgrader's setenv() deletes this on the way out of each notebook (it looks up the
        # old value under the wrong key); another thread may have done so meanwhile.
        os.environ["NBGRADER_EXECUTION"] = "autograde"
        self.problems.extend(result.problems)
        return executed, resources


def run_with_retries(run: Runner, job: SubmissionJob, attempts: int = ATTEMPTS):
    """``run(job)``, tried again when its process fails to start; the last error is raised."""
    last: Exception | None = None
    for _ in range(attempts):
        try:
            return run(job)
        except WorkerStartError as error:
            last = error
    raise WorkerStartError(f"{last} (tried {attempts} times)")


def execute_timeout(config) -> float:
    """The per-cell time limit the course sets for nbgrader (``Execute.timeout``, 30 s)."""
    from nbgrader.preprocessors import Execute

    timeout = Execute(config=config).timeout
    return float(timeout) if timeout and timeout > 0 else 30.0


class _Grader:
    """Grades the submissions of one assignment (see :func:`grade_assignment`)."""

    def __init__(
        self, config, assignment: str, run: Runner, limits: Limits, hidden, workers: int = 1
    ) -> None:
        self.config = config
        self.slots = threading.BoundedSemaphore(max(1, workers))
        self.assignment = assignment
        self.run = run
        self.limits = limits
        self.hidden = tuple(hidden)
        self.gate = _Gate()

    def coursedir(self, student: str):
        from nbgrader.coursedir import CourseDirectory

        coursedir = CourseDirectory(config=self.config)
        coursedir.assignment_id = self.assignment
        coursedir.student_id = student
        return coursedir

    def grade(self, student: str) -> SubmissionOutcome:
        from nbgrader.converters import Autograde
        from nbgrader.preprocessors import Execute

        log_text = io.StringIO()
        logger = logging.getLogger(f"thinktwice.grade.{self.assignment}.{student}")
        logger.propagate = False
        logger.setLevel(logging.INFO)
        handler = logging.StreamHandler(log_text)
        handler.setFormatter(logging.Formatter("[%(levelname)s] %(message)s"))
        logger.handlers[:] = [handler]
        with self.gate:
            coursedir = self.coursedir(student)
            folder = Path(coursedir.root) / "submitted" / student / self.assignment
            links = _links_in(folder)
            notebooks = [link for link in links if link.suffix == ".ipynb"]
            if notebooks:
                detail = (
                    f"{notebooks[0]}: a notebook that is a symbolic link is not graded (grading "
                    "would read whatever it points to); the learner must submit the notebook itself"
                )
                if _clear_stale_scores(coursedir, self.assignment, student):
                    detail += "; its earlier autograde scores were cleared (they were stale)"
                return SubmissionOutcome(student, "failed", detail, [])
            # nbgrader copies a submission's other files as root and follows links: leave the
            # links out of that copy, so none can bring the gradebook or another's work along.
            coursedir.ignore = [*coursedir.ignore, *sorted({link.name for link in links})]
            converter = Autograde(coursedir=coursedir, config=self.config, log=logger)
            converter.force = True
            converter.create_student = True
            step = EngineExecute(
                run=self.run,
                gate=self.gate,
                slots=self.slots,
                limits=self.limits,
                hidden=self.hidden,
                parent=converter,
            )
            converter.autograde_preprocessors = [
                step if pp is Execute else pp for pp in converter.autograde_preprocessors
            ]
            try:
                converter.start()
            except Exception as error:  # noqa: BLE001 - reported per learner, never fatal
                detail = f"{folder}: {_failure_detail(log_text.getvalue(), error)}"
                if _clear_stale_scores(coursedir, self.assignment, student):
                    detail += "; its earlier autograde scores were cleared (they were stale)"
                return SubmissionOutcome(student, "failed", detail, step.problems)
        skipped = [f"{link}: a symbolic link, left out of grading" for link in links]
        return SubmissionOutcome(student, "graded", "", [*skipped, *step.problems])


def _links_in(folder: Path) -> list[Path]:
    """Every symbolic link inside ``folder``, files and folders alike (links are not followed)."""
    found = []
    for parent, folders, files in os.walk(folder):
        for name in folders + files:
            path = Path(parent) / name
            if path.is_symlink():
                found.append(path)
    return found


def _failure_detail(log: str, error: Exception) -> str:
    """The reason a submission failed, from nbgrader's log: the exception, else its error."""
    lines = log.splitlines()
    raised = [
        line.strip()
        for line in lines
        if not line.startswith((" ", "[")) and re.match(r"^[\w.]*(Error|Exception)\b.*:", line)
    ]
    if raised:
        return raised[-1]
    noise = ("Traceback", "There was an error processing", "Please see", "Removing", "Did you")
    errors = [
        line[len("[ERROR] ") :]
        for line in lines
        if line.startswith("[ERROR] ") and not line[len("[ERROR] ") :].startswith(noise)
    ]
    return errors[-1] if errors else str(error) or type(error).__name__


def _clear_stale_scores(coursedir, assignment: str, student: str) -> bool:
    """Blank the auto scores of a submission that failed to grade, so none looks current."""
    from nbgrader.api import Gradebook, MissingEntry

    cleared = False
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gradebook:
        try:
            submission = gradebook.find_submission(assignment, student)
        except MissingEntry:
            return False
        for notebook in submission.notebooks:
            for grade in notebook.grades:
                if grade.auto_score is not None:
                    grade.auto_score = None
                    grade.needs_manual_grade = True
                    cleared = True
        gradebook.db.commit()
    return cleared


def _graded_in_gradebook(config, assignment: str) -> set[str]:
    """Students whose submission of ``assignment`` the gradebook holds."""
    from nbgrader.api import Gradebook, MissingEntry
    from nbgrader.coursedir import CourseDirectory

    coursedir = CourseDirectory(config=config)
    with Gradebook(coursedir.db_url, course_id=coursedir.course_id) as gradebook:
        try:
            submissions = gradebook.find_assignment(assignment).submissions
        except MissingEntry:
            return set()
        return {submission.student.id for submission in submissions}


def grade_assignment(
    config,
    assignment: str,
    students: Iterable[str],
    *,
    run: Runner,
    workers: int,
    limits: Limits,
    hidden: Iterable[os.PathLike | str] = (),
    state: GradingState | None = None,
    force: bool = False,
    progress: Callable[[SubmissionOutcome], None] | None = None,
) -> list[SubmissionOutcome]:
    """Autograde ``students``' submissions of ``assignment`` as nbgrader would, in parallel.

    Parameters
    ----------
    config : traitlets.config.Config
        The course's nbgrader configuration.
    assignment : str
        The assignment (module) id.
    students : iterable of str
        Students whose collected submission to grade.
    run : callable
        Executes one :class:`SubmissionJob` (locally or on a cluster).
    workers : int
        Submissions running at the same time.
    limits : Limits
        Limits of each submission's sandbox.
    hidden : iterable of path
        Paths no submission may see (the course, the gradebook).
    state : GradingState, optional
        Remembers what was graded; unchanged submissions are skipped unless ``force``.
    force : bool
        Grade every submission again.
    progress : callable, optional
        Called with each outcome as it is known.

    Returns
    -------
    list of SubmissionOutcome
        One per student, in the order given.
    """
    from nbgrader.coursedir import CourseDirectory

    grader = _Grader(config, assignment, run, limits, hidden, workers)
    students = list(students)
    root = Path(CourseDirectory(config=config).root)
    digests = {s: submission_digest(root, assignment, s, limits) for s in students}
    outcomes: dict[str, SubmissionOutcome] = {}
    todo = []
    in_gradebook = _graded_in_gradebook(config, assignment) if state is not None else set()
    for student in students:
        autograded = root / "autograded" / student / assignment
        if (
            not force
            and state is not None
            and state.get(assignment, student) == digests[student]
            and autograded.is_dir()
            and student in in_gradebook
        ):
            outcomes[student] = SubmissionOutcome(student, "unchanged")
            if progress:
                progress(outcomes[student])
        else:
            todo.append(student)
    cwd, environ = os.getcwd(), dict(os.environ)
    try:
        # One thread more than there are workers: nbgrader's steps for the next submission
        # overlap with the running ones; the semaphore bounds the running ones.
        with faster_nbgrader(), ThreadPoolExecutor(max_workers=max(1, workers) + 1) as pool:
            futures = {pool.submit(grader.grade, s): s for s in todo}
            for future in as_completed(futures):
                student = futures[future]
                try:
                    outcome = future.result()
                except Exception as error:  # noqa: BLE001 - one learner's failure is theirs
                    outcome = SubmissionOutcome(
                        student, "failed", f"{type(error).__name__}: {error}"
                    )
                if state is not None:
                    with grader.gate:
                        if outcome.status == "graded":
                            state.set(assignment, student, digests[student])
                        else:
                            state.forget(assignment, student)
                outcomes[student] = outcome
                if progress:
                    progress(outcome)
    finally:
        os.chdir(cwd)
        os.environ.pop("NBGRADER_EXECUTION", None)
        if "NBGRADER_EXECUTION" in environ:
            os.environ["NBGRADER_EXECUTION"] = environ["NBGRADER_EXECUTION"]
    return [outcomes[s] for s in students]
