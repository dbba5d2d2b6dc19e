"""The ``thinktwice`` command line: thin wrappers over plain functions.

Heavy imports happen inside the commands, so ``thinktwice --help`` answers at once.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from .errors import ThinkTwiceError


class _Parser(argparse.ArgumentParser):
    """Reports wrong arguments in one line, without the usage block."""

    def error(self, message: str) -> None:  # noqa: D102
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _print_report(report, verb: str, empty: str | None = None) -> int:
    """Print what a step did; ``empty`` says it for an assignment where it did nothing."""
    for module, students in report.done.items():
        if not students and empty is not None:
            if module not in report.skipped:
                print(empty.format(module=module))
            continue
        detail = f": {', '.join(students)}" if students else ""
        print(f"{verb} {module}{detail}")
    for module, why in report.skipped.items():
        print(f"skipped {module}: {why}")
    for item, why in report.failed.items():
        print(f"FAILED {item}: {why}", file=sys.stderr)
    return 1 if report.failed else 0


def _cmd_init(args) -> int:
    from .course_dir import init_course

    course = init_course(args.dir, course_id=args.course_id, module_names=args.modules)
    print(f"made course {course.course_id!r} in {course.root}")
    print(f"next: thinktwice release --course {args.dir}")
    return 0


def _course(args):
    from .course_dir import Course

    return Course.open(args.course)


def _cmd_release(args) -> int:
    from .operations import release

    return _print_report(release(_course(args), args.modules, force=args.force), "released")


def _cmd_collect(args) -> int:
    from .operations import collect

    return _print_report(collect(_course(args), args.modules), "collected")


def _cmd_grade(args) -> int:
    runner = None
    if not args.scheduler:
        from thinktwice.autograder.engine.workers import LocalRunner

        runner = LocalRunner()
        runner.prepare()  # its imports overlap with nbgrader's, just below
    try:
        from .operations import grade

        report = grade(
            _course(args),
            args.modules,
            students=args.student,
            progress=not args.quiet,
            workers=args.workers,
            force=args.force,
            scheduler=args.scheduler,
            runner=runner,
        )
    finally:
        if runner is not None:
            runner.close()
    for item, problems in report.notes.items():
        print(f"note {item}: {'; '.join(problems)}")
    empty = "nothing to grade in {module}: no submission collected"
    return _print_report(report, "graded", empty=empty)


def _cmd_feedback(args) -> int:
    from .operations import feedback

    return _print_report(feedback(_course(args), args.modules), "feedback released for")


def _cmd_export(args) -> int:
    from .export import export_csv

    rows = export_csv(_course(args), args.out, args.modules)
    print(f"wrote {len(rows)} rows to {args.out}")
    return 0


def _cmd_demo(args) -> int:
    from .demo import run_demo, summary_table

    rows = run_demo(args.students, args.out)
    print(summary_table(rows))
    print(f"grades and measures of {len(rows)} learners in {args.out}/grades.csv")
    return 0


def _cmd_lab(args) -> int:
    from .lab import run_lab

    return run_lab(args.dir, port=args.port, open_browser=args.browser, teacher=args.teacher)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``thinktwice``."""
    parser = _Parser(
        prog="thinktwice",
        description="Think Twice: run the critical-thinking-about-AI course with nbgrader.",
    )
    sub = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )

    def course_option(p):
        p.add_argument("--course", default=".", metavar="DIR", help="course folder (default: .)")

    def modules_arg(p):
        p.add_argument(
            "modules",
            nargs="*",
            metavar="ASSIGNMENT",
            help="assignments: a folder of source/, or a module's number (default: all)",
        )

    p = sub.add_parser("init", help="make a new nbgrader course with the Think Twice modules")
    p.add_argument("dir", metavar="DIR", help="folder for the new course")
    p.add_argument(
        "--course-id", default="thinktwice", help="nbgrader course id (default: thinktwice)"
    )
    p.add_argument("--modules", nargs="+", metavar="MODULE", help="only these modules")
    p.set_defaults(func=_cmd_init)

    p = sub.add_parser("release", help="generate and release modules to learners")
    course_option(p)
    modules_arg(p)
    p.add_argument("--force", action="store_true", help="release again even if already released")
    p.set_defaults(func=_cmd_release)

    p = sub.add_parser("collect", help="collect learners' submissions")
    course_option(p)
    modules_arg(p)
    p.set_defaults(func=_cmd_collect)

    p = sub.add_parser("grade", help="autograde collected submissions")
    course_option(p)
    modules_arg(p)
    p.add_argument(
        "--student", action="append", metavar="ID", help="only this student (repeatable)"
    )
    p.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="submissions running at once (default: two per core)",
    )
    p.add_argument(
        "--force", action="store_true", help="grade again submissions that have not changed"
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run submissions on this Dask scheduler's workers (e.g. tcp://127.0.0.1:8786)",
    )
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=_cmd_grade)

    p = sub.add_parser("feedback", help="generate and release feedback to learners")
    course_option(p)
    modules_arg(p)
    p.set_defaults(func=_cmd_feedback)

    p = sub.add_parser("export", help="write grades and reliance measures as CSV")
    course_option(p)
    modules_arg(p)
    p.add_argument(
        "--out", default="grades.csv", metavar="FILE", help="CSV file (default: grades.csv)"
    )
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("demo", help="a simulated class takes module 0; writes DIR/grades.csv")
    p.add_argument("--students", type=int, default=8, metavar="N", help="class size (default: 8)")
    p.add_argument("--out", required=True, metavar="DIR", help="new folder for the demo course")
    p.set_defaults(func=_cmd_demo)

    p = sub.add_parser(
        "lab",
        help="set up a course in DIR/course and start JupyterLab on 127.0.0.1 for the learner "
        "(DIR/learner) or, with --teacher, for the teacher",
    )
    p.add_argument("dir", metavar="DIR", help="folder for the lab (made if missing)")
    p.add_argument(
        "--teacher",
        action="store_true",
        help="the teacher's view: the course folder, Formgrader and Create Assignment",
    )
    p.add_argument("--port", type=int, default=8888, help="port (default: 8888)")
    p.add_argument("--browser", action="store_true", help="open a web browser")
    p.set_defaults(func=_cmd_lab)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        return args.func(args)
    except ThinkTwiceError as error:
        print(f"thinktwice: error: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("thinktwice: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
