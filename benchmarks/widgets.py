"""How long each activity takes: first render, and p50/p95 of its handlers, wall and CPU time.

Every activity comes from the registry (``thinktwice.widgets.registry.all_activities``) and is
driven by its view's own ``tour()``: the handler calls a learner makes in one run-through. For
several learners this script builds the view (timed as the first render, once per process for the
first learner, and again for each later one) and times every call of the tour, as wall-clock time
and as the process's CPU time (which the other load on a shared machine does not inflate). The
first render is measured as a learner meets it, in a fresh Python process: importing the activity
and then building its view, as the notebook cell does; a view that shows a notice at once and
builds the rest in the background (the OOD probe) is timed until it is ``ready``, when the learner
can start. The goal is under 50 ms at p95 for every activity's handlers and under 2 s for a first
render. The last lines are::

    RESULT widget_first_render_s_worst <seconds>
    RESULT widget_p95_ms_worst <milliseconds>

Run it with ``.venv/bin/python benchmarks/widgets.py [--learners N] [activity ...]``, where an
activity is a class name (``BiasAudit``) or an evidence name (``bias-audit``).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0 to 1) of ``values``, interpolated."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


_FIRST_RENDER = """
import json, sys, tempfile, time, warnings
warnings.simplefilter("ignore")
start = time.perf_counter()
import thinktwice.widgets as tw
cls = getattr(tw, sys.argv[1])
imported, imported_cpu = time.perf_counter(), time.process_time()
view = cls("bench-first", folder=tempfile.mkdtemp()).view()
ready = getattr(view, "ready", None)  # a view that finishes building in the background
if ready is not None:
    ready.wait(120)
built, built_cpu = time.perf_counter() - imported, time.process_time() - imported_cpu
print(json.dumps([imported - start, built, built_cpu]))
"""


def first_render(name: str) -> tuple[float, float, float]:
    """Seconds to import the activity and to build its view (wall, then CPU), in a fresh process."""
    run = subprocess.run(
        [sys.executable, "-c", _FIRST_RENDER, name],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    imported, built, built_cpu = json.loads(run.stdout.splitlines()[-1])
    return imported, built, built_cpu


def time_activity(cls, learners: int) -> tuple[list[float], list[float]]:
    """Handler wall and CPU milliseconds over ``learners`` runs of one activity's tour."""
    wall, cpu = [], []
    for number in range(learners):
        with tempfile.TemporaryDirectory() as folder:
            view = cls(f"bench-{number}", folder=Path(folder)).view()
            for step in view.tour():
                start, start_cpu = time.perf_counter(), time.process_time()
                step()
                wall.append((time.perf_counter() - start) * 1000)
                cpu.append((time.process_time() - start_cpu) * 1000)
    return wall, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=5, help="learners per activity")
    parser.add_argument("activities", nargs="*", help="only these activities (default: all)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    from thinktwice.widgets.registry import all_activities

    chosen = {
        name: cls
        for name, cls in all_activities().items()
        if not args.activities or name in args.activities or cls.name in args.activities
    }
    if not chosen:
        print(f"no activity called {' or '.join(args.activities)}", file=sys.stderr)
        return 1
    print(
        f"{'activity':<24} {'import s':>8} {'view s':>8} {'steps':>6} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'max ms':>8} {'cpu p50':>8} {'cpu p95':>8} {'view cpu':>8}"
    )
    worst, worst_render = 0.0, 0.0
    for name, cls in chosen.items():
        imported, built, built_cpu = first_render(name)
        wall, cpu = time_activity(cls, args.learners)
        p95 = percentile(wall, 0.95)
        worst, worst_render = max(worst, p95), max(worst_render, built)
        print(
            f"{name:<24} {imported:>8.2f} {built:>8.2f} {len(wall):>6} "
            f"{statistics.median(wall):>8.1f} "
            f"{p95:>8.1f} {max(wall):>8.1f} {statistics.median(cpu):>8.1f} "
            f"{percentile(cpu, 0.95):>8.1f} {built_cpu:>8.2f}"
        )
    print(f"RESULT widget_first_render_s_worst {worst_render:.2f}")
    print(f"RESULT widget_p95_ms_worst {worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
