"""Grading speed: stock ``nbgrader autograde`` against ``thinktwice grade``, in the same run.

Builds module 0 with at least 40 varied submissions (correct, partial, wrong, raising, blank,
printing to stderr, slow, plotting, using scikit-learn, asking for input, one infinite loop),
copies the course twice, grades one copy with ``nbgrader autograde`` and the other with
``thinktwice grade`` (each as its own command, as a teacher runs them), checks that every cell
got the same score in both gradebooks, prints both wall times, and as its last line::

    RESULT grading_speedup <stock seconds / thinktwice seconds>

Run it with ``.venv/bin/python benchmarks/grading.py [--submissions N] [--timeout S]``.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.submissions, the shared generator of submissions
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

#: Kinds taken in turn; the infinite loop and the slow cells are added once and twice.
ROTATION = [
    "correct",
    "partial",
    "wrong",
    "blank",
    "raising",
    "stderr",
    "sklearn",
    "plot",
    "input",
    "skipped-by-hand",
]


def class_of(size: int) -> list[str]:
    """``size`` kinds: one infinite loop, two slow learners, the rest in rotation."""
    kinds = ["loop", "slow", "slow"]
    kinds += [ROTATION[i % len(ROTATION)] for i in range(max(size - len(kinds), 0))]
    return kinds


def timed(command: list[str], cwd: Path, log: Path) -> float:
    """Run ``command`` in ``cwd``; its wall time in seconds (its output goes to ``log``)."""
    env = dict(os.environ, PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}")
    start = time.perf_counter()
    with open(log, "w") as stream:
        done = subprocess.run(command, cwd=cwd, env=env, stdout=stream, stderr=subprocess.STDOUT)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({done.returncode}); see {log}")
    return seconds


def zygote_warm_up() -> float:
    """Seconds the zygote takes to import everything and be ready (measured on its own)."""
    from thinktwice.autograder.engine.zygote import Zygote

    zygote = Zygote()
    start = time.perf_counter()
    try:
        zygote.start()
        return time.perf_counter() - start
    finally:
        zygote.stop()


def main() -> None:
    """Build, grade both ways, compare, print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--submissions", type=int, default=40, help="class size (default 40)")
    parser.add_argument("--timeout", type=int, default=5, help="cell time limit, both graders")
    parser.add_argument("--keep", metavar="DIR", help="build in DIR and keep it")
    args = parser.parse_args()

    from tests.submissions import MODULE, cell_scores, copy_course, make_submissions
    from thinktwice.instructor.course_dir import init_course
    from thinktwice.instructor.operations import release

    folder = Path(args.keep or tempfile.mkdtemp(prefix="thinktwice-grading-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    course = init_course(folder / "course", module_names=[MODULE])
    release(course, [MODULE])
    kinds = class_of(args.submissions)
    students = make_submissions(course, kinds, folder / "learners")
    print(f"{len(students)} submissions: " + ", ".join(f"{kinds.count(k)} {k}" for k in set(kinds)))
    stock = copy_course(course, folder / "stock", cell_timeout=args.timeout)
    ours = copy_course(course, folder / "thinktwice", cell_timeout=args.timeout)

    bin_dir = Path(sys.executable).parent
    stock_s = timed(
        [str(bin_dir / "nbgrader"), "autograde", MODULE], stock.root, folder / "stock.log"
    )
    ours_s = timed(
        [str(bin_dir / "thinktwice"), "grade", "--course", str(ours.root), "--quiet", MODULE],
        ours.root,
        folder / "thinktwice.log",
    )

    expected, got = cell_scores(stock), cell_scores(ours)
    differ = {k: (expected[k], got.get(k)) for k in expected if got.get(k) != expected[k]}
    if not expected or differ or set(got) != set(expected):
        sys.exit(f"grades differ (stock, thinktwice): {differ}")
    graded = len({student for student, _ in expected})
    print(f"grades agree: {len(expected)} cells of {graded} submissions")
    print(f"stock nbgrader autograde: {stock_s:.1f} s ({stock_s / graded:.2f} s per submission)")
    print(f"thinktwice grade:         {ours_s:.1f} s ({ours_s / graded:.2f} s per submission)")
    warm_s = zygote_warm_up()
    print(
        f"where thinktwice's time goes: {warm_s:.1f} s to warm the zygote (imports, once), "
        f"{args.timeout} s for the infinite loop's cell time limit (both graders wait it out), "
        f"the rest for {graded} submissions beside nbgrader's own steps"
    )
    print(f"RESULT grading_speedup {stock_s / ours_s:.2f}")


if __name__ == "__main__":
    main()
