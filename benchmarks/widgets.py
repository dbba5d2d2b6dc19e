"""How long each activity's handlers take: p50 and p95 per activity, through the Python API.

Each file in ``widget_scripts/`` drives one activity's view the way a learner would (set a
control's value, press a button) and returns the steps; this script times every step's handler,
repeats the script for several learners, and prints a table. The goal is under 100 ms at p95 for
every activity, the delay people perceive as instant. The last line is::

    RESULT widget_p95_ms_worst <milliseconds>

Run it with ``.venv/bin/python benchmarks/widgets.py [--learners N]``.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")
SCRIPTS = Path(__file__).with_name("widget_scripts")


def load_scripts(only: list[str] | None = None) -> dict:
    """The ``steps(folder, learner)`` function of each script, by activity name."""
    scripts = {}
    for path in sorted(SCRIPTS.glob("*.py")):
        if path.name.startswith("_") or (only and path.stem not in only):
            continue
        spec = importlib.util.spec_from_file_location(f"widget_scripts.{path.stem}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        scripts[path.stem] = module.steps
    return scripts


def percentile(values: list[float], q: float) -> float:
    """The ``q`` quantile (0 to 1) of ``values``, interpolated."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = q * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def time_activity(steps_of, learners: int) -> list[float]:
    """Handler times in milliseconds over ``learners`` runs of one activity's script."""
    times = []
    for number in range(learners):
        with tempfile.TemporaryDirectory() as folder:
            # Building the view (models trained, cases drawn) is set-up, not a handler.
            steps = steps_of(Path(folder), f"bench-{number}")
            for step in steps:
                start = time.perf_counter()
                step()
                times.append((time.perf_counter() - start) * 1000)
    return times


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=5, help="learners per activity")
    parser.add_argument("activities", nargs="*", help="only these scripts (default: all)")
    args = parser.parse_args(argv)
    warnings.simplefilter("ignore")
    scripts = load_scripts(args.activities)
    if not scripts:
        print("no widget scripts found", file=sys.stderr)
        return 1
    print(f"{'activity':<24} {'steps':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}")
    worst = 0.0
    for name, steps_of in scripts.items():
        times = time_activity(steps_of, args.learners)
        p50, p95 = statistics.median(times), percentile(times, 0.95)
        worst = max(worst, p95)
        print(f"{name:<24} {len(times):>6} {p50:>8.1f} {p95:>8.1f} {max(times):>8.1f}")
    print(f"RESULT widget_p95_ms_worst {worst:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
