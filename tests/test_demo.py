"""`thinktwice demo`: a simulated class whose measures, read back from evidence, fit each policy."""

import csv

import pytest

from thinktwice.instructor.demo import run_demo, summary_table
from thinktwice.instructor.errors import ThinkTwiceError
from thinktwice.instructor.simulated_class import CONFIDENT
from thinktwice.widgets import RelianceTrial

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]


def test_demo_measures_match_each_policy(tmp_path):
    out = tmp_path / "demo"
    rows = run_demo(8, out, progress=False)
    with open(out / "grades.csv", newline="") as stream:
        written = list(csv.DictReader(stream))
    assert len(written) == len(rows) == 8
    by_policy = {}
    for row in rows:
        by_policy.setdefault(row["policy"], []).append(row)
        assert row["cases"] == 12 and row["score"] > 0

    for row in by_policy["always-follow"]:
        assert row["over_reliance"] == 1.0 and row["under_reliance"] == 0.0
        assert row["rsr"] in (0.0, None)
    for row in by_policy["never-follow"]:
        assert row["rair"] in (0.0, None) and row["rsr"] in (1.0, None)
    for row in by_policy["check-carefully"]:
        assert row["rsr"] in (1.0, None)
    # Follow-when-confident: the final answer is the AI's exactly when the AI was confident.
    for row in by_policy["follow-when-confident"]:
        folder = out / "autograded" / row["student"] / "m00_reliance"
        trial = RelianceTrial(row["student"], folder=folder).start()
        for case, t in zip(trial.cases_, trial.trials(), strict=True):
            assert (t.final == case.ai) == (case.ai_confidence >= CONFIDENT or t.first == case.ai)

    mean_over = {p: sum(r["over_reliance"] for r in g) / len(g) for p, g in by_policy.items()}
    assert (
        mean_over["always-follow"] > mean_over["follow-when-confident"] > mean_over["never-follow"]
    )
    table = summary_table(rows)
    assert all(p in table for p in by_policy)


def test_demo_refuses_a_folder_in_use(tmp_path):
    (tmp_path / "keep.txt").write_text("mine")
    with pytest.raises(ThinkTwiceError, match="not empty"):
        run_demo(2, tmp_path, progress=False)
    assert (tmp_path / "keep.txt").read_text() == "mine"
