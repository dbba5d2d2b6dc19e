"""The widget benchmark drives every activity through its view and ends with its RESULT line.

It asserts that the benchmark works and covers every activity, never how fast anything is.
"""

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ACTIVITIES = {
    "reliance_trial",
    "calibration",
    "playground",
    "ood_probe",
    "shortcut_lab",
    "bias_audit",
    "chart_detective",
    "claim_checker",
    "reidentification",
}


@pytest.mark.slow
def test_benchmark_covers_every_activity_and_prints_its_result():
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "widgets.py"), "--learners", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert run.returncode == 0, run.stderr[-3000:]
    lines = run.stdout.strip().splitlines()
    rows = {line.split()[0]: line.split()[1:] for line in lines[1:-1]}
    assert set(rows) == ACTIVITIES
    assert all(int(row[0]) > 0 for row in rows.values()), "an activity ran no interaction"
    assert re.fullmatch(r"RESULT widget_p95_ms_worst \d+(\.\d+)?", lines[-1])
