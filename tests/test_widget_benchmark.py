"""The widget benchmark drives every activity the registry finds and ends with its RESULT lines.

It asserts that the benchmark works and covers every activity, never how fast anything is.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from thinktwice.widgets.registry import all_activities

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_benchmark_covers_every_activity_and_prints_its_results():
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "widgets.py"), "--learners", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.strip().splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:-2]}
    assert set(rows) == set(all_activities())
    assert all(int(row[2]) > 0 for row in rows.values()), "an activity ran no interaction"
    assert re.fullmatch(r"RESULT widget_first_render_s_worst \d+\.\d+", lines[-2])
    assert re.fullmatch(r"RESULT widget_p95_ms_worst \d+\.\d+", lines[-1])
