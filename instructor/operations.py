"""What a teacher does to a course: release, collect, grade, return feedback.

Each step is a plain function over nbgrader's own API, so formgrader, the gradebook and feedback
keep working on what these functions produce.
"""

from __future__ import annotations

import shutil
import warnings

from tqdm import tqdm

from .course_dir import Course, ensure_tools_on_path
from .errors import ThinkTwiceError
from .hidden_tests import generate_feedback
from .steps import StepReport, run_step


def release(
    course: Course, module_names: list[str] | None = None, force: bool = False
) -> StepReport:
    """Generate the learners' version of each module and release it to the exchange.

    A module already released is left alone unless ``force`` is set.
    """
    api = course.api()
    report = StepReport()
    for module in course.assignments(module_names):
        outbound = course.exchange_root / course.course_id / "outbound" / module.id
        if outbound.exists() and not force:
            report.skipped[module.id] = "already released (use --force to release again)"
            continue
        run_step(f"generating {module.id}", lambda m=module.id: api.generate_assignment(m))
        if outbound.exists():
            shutil.rmtree(outbound)
        run_step(f"releasing {module.id}", lambda m=module.id: api.release_assignment(m))
        report.done[module.id] = []
    return report


def collect(course: Course, module_names: list[str] | None = None) -> StepReport:
    """Collect learners' submissions of each released module from the exchange."""
    api = course.api()
    report = StepReport()
    for module in course.assignments(module_names):
        run_step(f"collecting {module.id}", lambda m=module.id: api.collect(m))
        report.done[module.id] = submitted_students(course, module.id)
    return report


def submitted_students(course: Course, module_id: str) -> list[str]:
    """Students with a collected submission of ``module_id``."""
    folder = course.root / "submitted"
    if not folder.is_dir():
        return []
    return sorted(p.name for p in folder.iterdir() if (p / module_id).is_dir())


def grade(
    course: Course,
    module_names: list[str] | None = None,
    students: list[str] | None = None,
    progress: bool = True,
    *,
    workers: int | None = None,
    force: bool = False,
    scheduler: str | None = None,
    limits=None,
    runner=None,
) -> StepReport:
    """Autograde collected submissions, in parallel and sandboxed, as nbgrader would.

    nbgrader's own steps write the ``autograded`` folders and the gradebook; only running the
    notebooks is done by the engine (:mod:`thinktwice.autograder.engine`). A submission graded
    before and unchanged since (same files, same source and tests) is skipped unless ``force``.
    A submission that fails to grade is reported by name, and its earlier autograde scores are
    cleared so that no stale grade looks current; the others are graded regardless.

    Parameters
    ----------
    course : Course
        The course.
    module_names : list of str, optional
        Modules to grade (default: all).
    students : list of str, optional
        Only these students (default: everyone who submitted).
    progress : bool
        Show a progress bar on stderr.
    workers : int, optional
        Submissions running at once (default: two per core, or the cluster's threads).
    force : bool
        Grade unchanged submissions again.
    scheduler : str, optional
        Address of a Dask scheduler whose workers run the submissions.
    limits : Limits, optional
        Memory, process and output limits of each submission's sandbox. The cell time limit is
        always the course's ``Execute.timeout``, as for ``nbgrader autograde``.
    runner : LocalRunner or DaskRunner, optional
        Where submissions run, already made (the caller closes it); default: made here from
        ``scheduler``.
    """
    from dataclasses import replace

    from thinktwice.autograder.engine import (
        DaskRunner,
        GradingState,
        Limits,
        LocalRunner,
        WorkerStartError,
    )

    chosen_modules = course.assignments(module_names)
    if workers is not None and workers < 1:
        raise ThinkTwiceError(f"--workers must be at least 1, not {workers}")
    if students:
        submitted = {s for m in chosen_modules for s in submitted_students(course, m.id)}
        unknown = sorted(set(students) - submitted)
        if unknown:
            listed = ", ".join(sorted(submitted)) or "none yet"
            raise ThinkTwiceError(
                f"no collected submission from {', '.join(unknown)} "
                f"in {', '.join(m.id for m in chosen_modules)} (submitted: {listed})"
            )
    with _grading_lock(course):
        try:
            state = GradingState(course.root / STATE_FILE)
        except ValueError as error:
            raise ThinkTwiceError(str(error)) from None
        owned = runner is None
        try:
            if owned:
                runner = DaskRunner(scheduler) if scheduler else LocalRunner()
        except WorkerStartError as error:
            raise ThinkTwiceError(str(error)) from None
        runner.prepare()  # the zygote imports while nbgrader loads here
        report = StepReport()
        try:
            from thinktwice.autograder.engine import execute_timeout, grade_assignment

            limits = replace(limits or Limits(), cell_timeout=execute_timeout(course.config))
            ensure_tools_on_path()
            count = workers or runner.default_workers()
            for module in chosen_modules:
                submitted = submitted_students(course, module.id)
                chosen = [s for s in submitted if not students or s in students]
                report.done[module.id] = []
                unchanged = []
                with tqdm(
                    total=len(chosen),
                    desc=f"grading {module.id}",
                    unit="submission",
                    disable=not progress,
                ) as bar:
                    counts = {"graded": 0, "unchanged": 0, "failed": 0}

                    def tick(outcome, bar=bar, counts=counts):
                        counts[outcome.status] = counts.get(outcome.status, 0) + 1
                        bar.set_postfix(counts, refresh=False)
                        bar.update(1)

                    with warnings.catch_warnings():
                        # nbgrader's gradebook code trips SQLAlchemy's autoflush warning; not ours.
                        warnings.filterwarnings("ignore", message=".*not in session.*")
                        outcomes = grade_assignment(
                            course.config,
                            module.id,
                            chosen,
                            run=runner,
                            workers=count,
                            limits=limits,
                            hidden=_hidden_paths(course),
                            state=state,
                            force=force,
                            progress=tick,
                        )
                for outcome in outcomes:
                    if outcome.status == "graded":
                        report.done[module.id].append(outcome.student)
                        if outcome.problems:
                            report.notes[f"{module.id}/{outcome.student}"] = outcome.problems
                    elif outcome.status == "unchanged":
                        unchanged.append(outcome.student)
                    else:
                        report.failed[f"{module.id}/{outcome.student}"] = outcome.message
                if unchanged:
                    report.skipped[module.id] = (
                        f"{len(unchanged)} unchanged since last graded "
                        "(use --force to grade again): " + ", ".join(unchanged)
                    )
        finally:
            if owned:
                runner.close()
        return report


#: Where the engine remembers what it graded, inside the course folder.
STATE_FILE = ".thinktwice/grading-state.json"
#: Held by the one ``grade`` run that may work on a course at a time.
LOCK_FILE = ".thinktwice/grading.lock"


def _grading_lock(course: Course):
    """Take the course's grading lock, or refuse: two runs would both do all the work."""
    import fcntl
    import os

    path = course.root / LOCK_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - held until grading ends
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise ThinkTwiceError(
            f"{course.root}: another `thinktwice grade` is grading this course (pid {holder}); "
            "wait for it to finish, then run this again"
        ) from None
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def _hidden_paths(course: Course) -> list:
    """What a submission must not see: the course (source, tests, gradebook, other learners)."""
    from pathlib import Path

    hidden = [course.root]
    url = course.db_url
    if url.startswith("sqlite:///"):
        database = Path(url[len("sqlite:///") :]).resolve()
        if course.root not in database.parents:
            hidden.append(database)
    return hidden


def feedback(course: Course, module_names: list[str] | None = None) -> StepReport:
    """Write feedback for graded submissions, without hidden tests, and release it to learners."""
    return generate_feedback(course, module_names)
