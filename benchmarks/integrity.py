"""Grading integrity: what learner code can gain under stock nbgrader and under Think Twice.

Grades the attack catalogue of ``tests/attacks.py`` (one submission per attack, each writing
only into one answer cell of a 7-point assignment, plus a blank submission) with stock
``nbgrader autograde`` and with ``thinktwice grade``, in the same run, and prints one row per
attack: the points each grader gave and whether the hidden tests showed in the feedback that
each grader wrote for the learner (plain or encoded), then::

    RESULT integrity_gained <attacks that gained or read the hidden tests under Think Twice> of <m>
    RESULT integrity_gained_stock <the same count under stock nbgrader> of <m>

Run it with ``.venv/bin/python benchmarks/integrity.py``.
"""

from __future__ import annotations

import sys
import tempfile
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # for tests.attacks, the catalogue shared with the tests


def main() -> None:
    """Grade the catalogue with both graders and print the table and the two results."""
    warnings.filterwarnings("ignore")
    from tests import attacks as catalogue

    with tempfile.TemporaryDirectory(prefix="thinktwice-integrity-") as tmp:
        root = Path(tmp)
        ours = catalogue.make_course(root / "ours")
        students = catalogue.submit_attacks(ours)
        stock = catalogue.copy_course(ours, root / "stock")
        print(f"grading {len(students)} submissions with stock nbgrader ...", flush=True)
        catalogue.grade_stock(stock, students)
        print("grading them with thinktwice grade, then writing feedback with both ...", flush=True)
        catalogue.grade_ours(ours, students)
        catalogue.feedback_stock(stock)
        catalogue.feedback_ours(ours)
        scores = {"stock": catalogue.scores(stock), "ours": catalogue.scores(ours)}
        leaks = {
            "stock": catalogue.leaks(stock, students, ours=False),
            "ours": catalogue.leaks(ours, students, ours=True),
        }
        trace = {
            name: catalogue.leaks(course, ["blank"], catalogue.TRACE_CANARY, ours=name == "ours")
            for name, course in (("stock", stock), ("ours", ours))
        }
        trace = {name: found["blank"] for name, found in trace.items()}
        stock_shows = catalogue.CANARY in catalogue.feedback_text(stock, "blank")

    total = catalogue.TOTAL
    print()
    print(
        f"| attack | mechanism | stock points (of {total:g}) | stock hidden | "
        f"Think Twice points | Think Twice hidden |"
    )
    print("|---|---|---|---|---|---|")
    gained = {"stock": 0, "ours": 0}
    for attack in catalogue.ATTACKS:
        cells = []
        for grader in ("stock", "ours"):
            points = scores[grader].get(attack.name, 0.0)
            leak = leaks[grader].get(attack.name)
            gained[grader] += bool(points > 0 or leak)
            cells += [f"{points:g}", leak or "no"]
        print(f"| {attack.name} | {attack.mechanism} | " + " | ".join(cells) + " |")
    blank = [f"{scores[g].get('blank', 0):g}" for g in ("stock", "ours")]
    print(
        f"| (blank) | no attack | {blank[0]} | {leaks['stock']['blank'] or 'no'} | {blank[1]} "
        f"| {leaks['ours']['blank'] or 'no'} |"
    )
    print()
    print(
        "A failing hidden assert's traceback shows the hidden line: "
        f"stock {trace['stock'] or 'no'}, Think Twice {trace['ours'] or 'no'}."
    )
    print(
        "Stock nbgrader's feedback shows every hidden test's source to every learner: "
        f"{'yes' if stock_shows else 'no'} (so its hidden column reads the graded outputs)."
    )
    count = len(catalogue.ATTACKS)
    print(f"RESULT integrity_gained {gained['ours']} of {count}")
    print(f"RESULT integrity_gained_stock {gained['stock']} of {count}")


if __name__ == "__main__":
    main()
