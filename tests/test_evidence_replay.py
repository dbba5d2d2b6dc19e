"""Evidence logs written by earlier versions replay to the outcome they had when written.

A learner's log outlives the code that wrote it: a submission graded again next term, or a module
resumed after an upgrade, must earn what it earned. The logs in ``data/evidence_v1`` were recorded
before the activities shared one judgement model (see its README).
"""

import json
import shutil
from pathlib import Path

import pytest

import thinktwice.widgets as tw

FIXTURES = Path(__file__).with_name("data") / "evidence_v1"
EXPECTED = json.loads((FIXTURES / "outcomes.json").read_text("utf-8"))


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_an_old_log_replays_to_the_same_outcome(case, tmp_path):
    expected = EXPECTED[case]
    folder = tmp_path / case
    shutil.copytree(FIXTURES / case, folder)
    before = (folder / "thinktwice-evidence.jsonl").read_bytes()
    outcome = getattr(tw, expected["class"])(expected["learner"], folder=folder).start().outcome()
    assert (outcome.done, outcome.total) == (expected["done"], expected["total"])
    assert outcome.credit == pytest.approx(expected["credit"], abs=1e-6)
    assert (folder / "thinktwice-evidence.jsonl").read_bytes() == before, "replay wrote to the log"
