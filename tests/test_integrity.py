"""The catalogue of grading attacks (``tests/attacks.py``), graded by both graders.

Each attack is real: where stock nbgrader is open to it, the test shows that it gains there (or
reads the hidden tests), so an attack that has silently stopped working is noticed. Think Twice
must give each attack nothing: no point beyond what the answers earn, and no hidden test in the
feedback. An attack listed in ``OPEN_IN_THINKTWICE`` would be marked ``xfail(strict=True)``, so
that closing it turns the mark into a failure to be removed; the list is empty.
"""

from __future__ import annotations

import pytest

from . import attacks as catalogue

pytestmark = [pytest.mark.nbgrader, pytest.mark.slow]

#: What stock nbgrader 0.9 lets each attack do, as measured here: ``points`` or ``hidden``.
STOCK_OPEN = {
    "always-equal": "points",
    "forged-score": "points",
    "patched-checks": "points",
    "patched-stdlib": "points",
    "formatter": "points",
    "callback-leak": "hidden",
    "transformer": "points",
    "transformer-leak": "hidden",
    "tracer": "points",
    "caller-locals": "hidden",
    "caller-steal": "points",
}
#: Attacks Think Twice's grader does not close yet (none since the judge: see README).
OPEN_IN_THINKTWICE: set[str] = set()


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    root = tmp_path_factory.mktemp("integrity")
    ours = catalogue.make_course(root / "ours")
    students = catalogue.submit_attacks(ours)
    stock = catalogue.copy_course(ours, root / "stock")
    catalogue.grade_stock(stock, students)
    catalogue.grade_ours(ours, students)
    catalogue.feedback_stock(stock)
    catalogue.feedback_ours(ours)
    return {
        "scores": {"stock": catalogue.scores(stock), "ours": catalogue.scores(ours)},
        "leaks": {
            "stock": catalogue.leaks(stock, students, ours=False),
            "ours": catalogue.leaks(ours, students, ours=True),
        },
        "trace": {
            "stock": catalogue.leaks(stock, ["blank"], catalogue.TRACE_CANARY, ours=False)["blank"],
            "ours": catalogue.leaks(ours, ["blank"], catalogue.TRACE_CANARY, ours=True)["blank"],
        },
        "stock_feedback": catalogue.feedback_text(stock, "blank"),
    }


def test_a_blank_submission_earns_nothing_and_reads_nothing(graded):
    for grader in ("stock", "ours"):
        assert graded["scores"][grader]["blank"] == 0, grader
        assert graded["leaks"][grader]["blank"] is None, grader


@pytest.mark.parametrize("attack", catalogue.ATTACKS, ids=lambda a: a.name)
def test_the_attack_is_real_where_stock_nbgrader_is_open_to_it(graded, attack):
    gained = graded["scores"]["stock"][attack.name] > 0
    read = graded["leaks"]["stock"][attack.name] is not None
    expected = STOCK_OPEN.get(attack.name)
    assert (gained, read) == (expected == "points", expected == "hidden"), (
        f"{attack.name} under stock nbgrader: gained {gained}, read the hidden tests {read}"
    )


@pytest.mark.parametrize(
    "attack",
    [
        pytest.param(
            a,
            marks=pytest.mark.xfail(strict=True, reason="issue 11: not closed yet")
            if a.name in OPEN_IN_THINKTWICE
            else (),
        )
        for a in catalogue.ATTACKS
    ],
    ids=lambda a: a.name,
)
def test_think_twice_gives_the_attack_nothing(graded, attack):
    assert graded["scores"]["ours"][attack.name] == 0, "the attack gained points"
    assert graded["leaks"]["ours"][attack.name] is None, "the attack read the hidden tests"


def test_a_failing_hidden_assert_shows_no_hidden_line(graded):
    assert graded["trace"]["stock"] == "plain"  # stock shows the line in the traceback
    assert graded["trace"]["ours"] is None


def test_stock_feedback_shows_the_hidden_tests_and_ours_does_not(graded):
    """Why the leaks above are read from stock's outputs rather than from its feedback."""
    assert catalogue.CANARY in graded["stock_feedback"]
    assert graded["leaks"]["ours"]["blank"] is None
