"""Test cells run in the judge, where learner code never ran, and read learner values as data.

Each test runs a small notebook through the engine (a real zygote, a real sandboxed child) and
reads the outputs that nbgrader would score.
"""

from __future__ import annotations

import nbformat
import pytest

from thinktwice.autograder.engine import SubmissionJob, execute_submission
from thinktwice.autograder.engine.zygote import Zygote

pytestmark = [pytest.mark.slow]


@pytest.fixture(scope="module")
def zygote():
    zygote = Zygote()
    yield zygote
    zygote.stop()


def _run(zygote, *cells):
    """Run cells given as ``("learner" | "test", source)``; the outputs of each, in order."""
    nb = nbformat.v4.new_notebook()
    for number, (kind, source) in enumerate(cells):
        meta = {"grade": kind == "test", "solution": kind == "learner", "points": 1}
        meta.update({"grade_id": f"c{number}", "schema_version": 3, "locked": kind == "test"})
        nb.cells.append(nbformat.v4.new_code_cell(source, metadata={"nbgrader": meta}))
    result = execute_submission(SubmissionJob("aiko", "hw", nbformat.writes(nb)), zygote)
    return [cell.outputs for cell in nbformat.reads(result.notebook, as_version=4).cells]


def _text(outputs) -> str:
    return "".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "") + o.get("ename", "")
        for o in outputs
    )


def test_data_functions_and_errors_cross_as_under_one_kernel(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "import numpy as np\nanswer = 42\ngrid = np.arange(6).reshape(2, 3)\n"
            "def shout(word):\n    print('shouting', word)\n    return word.upper() + '!'\n"
            "def picky(n):\n    if n < 1:\n        raise ValueError('n must be positive')\n"
            "    return n",
        ),
        (
            "test",
            "assert answer == 42\nassert grid.sum() == 15 and grid.shape == (2, 3)\nshout('hi')",
        ),
        ("test", "try:\n    picky(0)\nexcept ValueError as e:\n    print('raised', e)"),
        ("test", "assert answer == 41"),
    )
    assert _text(outs[1]) == "shouting hi\n'HI!'"
    assert _text(outs[2]) == "raised n must be positive\n"
    assert outs[3][0].ename == "AssertionError"


def test_a_test_cell_deleting_a_learner_name_is_seen_by_the_learner_function(zygote):
    """nbgrader's quickstart checks that sum_of_squares calls squares by deleting squares."""
    outs = _run(
        zygote,
        (
            "learner",
            "def squares(n):\n    return [i * i for i in range(1, n + 1)]\n"
            "def sum_of_squares(n):\n    return sum(squares(n))",
        ),
        (
            "test",
            "orig = squares\ndel squares\ntry:\n    sum_of_squares(1)\n"
            "except NameError:\n    print('uses squares')\nelse:\n    raise AssertionError\n"
            "finally:\n    squares = orig\nsum_of_squares(3)",
        ),
    )
    assert _text(outs[1]) == "uses squares\n14"


def test_learner_objects_cannot_claim_to_equal_an_expected_value(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "class Anything(str):\n    def __eq__(self, other):\n        return True\n"
            "    __hash__ = str.__hash__\nanswer = Anything('?')",
        ),
        ("test", "print(answer == 'HI!', answer == answer, isinstance(answer, str))"),
    )
    assert _text(outs[1]) == "False True False\n"


def test_the_judge_is_untouched_by_what_learner_code_patches(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "import math, builtins\nfrom thinktwice.autograder import checks\n"
            "math.isclose = lambda *a, **k: True\nchecks.close_to = lambda *a, **k: 99\n"
            "get_ipython().input_transformers_post.append(lambda lines: ['pass\\n'])\n"
            "answer = 7",
        ),
        ("test", "from thinktwice.autograder import checks\nchecks.close_to(answer, 42, 2)"),
        ("test", "import math\nprint(math.isclose(1, 2))\nchecks.close_to(answer, 7, 2)"),
    )
    assert outs[1][-1].data["text/plain"] == "0"
    assert _text(outs[2]).startswith("False\n")
    assert outs[2][-1].data["text/plain"] == "2"


def test_a_learner_function_cannot_see_the_check_that_calls_it(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "import sys\ndef shout(word):\n    frame = sys._getframe(1)\n"
            "    while frame is not None:\n        print(sorted(frame.f_locals)[:50])\n"
            "        case = frame.f_locals.get('case')\n"
            "        if case is not None:\n            return case.expected\n"
            "        frame = frame.f_back\n    return None",
        ),
        (
            "test",
            "from thinktwice.autograder import checks\n"
            "### BEGIN HIDDEN TESTS\n"
            "checks.score_function(shout, [checks.Case(('zebra',), 'ZEBRA!', hidden=True)], 3)\n"
            "### END HIDDEN TESTS",
        ),
    )
    text = _text(outs[1])
    assert outs[1][-1].data["text/plain"] == "0"
    assert "zebra" not in text.lower() and "expected" not in text  # its output is withheld


def test_a_learner_that_kills_its_process_gets_no_points_and_the_cell_says_why(zygote):
    outs = _run(
        zygote,
        ("learner", "import os\nanswer = 42"),
        ("test", "assert answer == 42"),
        ("learner", "os._exit(0)"),
        ("test", "assert answer == 42"),
    )
    assert outs[1] == []
    assert outs[2][0].ename == "DeadKernelError"
    assert outs[3][0].ename == "DeadKernelError"


def test_library_dataclasses_cross_both_ways_as_themselves(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "from thinktwice.widgets.measures import Trial\n"
            "mine = Trial(first=1, ai=2, final=2, truth=2)\n"
            "def followed(records):\n    return sum(r.final == r.ai for r in records)",
        ),
        (
            "test",
            "from thinktwice.widgets.measures import Trial\n"
            "print(type(mine) is Trial, mine == Trial(1, 2, 2, 2))\n"
            "followed([Trial(1, 2, 2, 3), Trial(1, 2, 1, 3)])",
        ),
    )
    assert _text(outs[1]) == "True True\n1"


def test_what_a_learner_function_changes_in_place_is_seen_by_the_test(zygote):
    outs = _run(
        zygote,
        (
            "learner",
            "def stamp(images):\n    images[0, 0] = 9\n    images.fill(1)\n"
            "def grow(items):\n    items.append('more')",
        ),
        (
            "test",
            "import numpy as np\npictures = np.zeros((2, 2))\nstamp(pictures)\n"
            "words = ['one']\ngrow(words)\nprint(pictures.sum(), words)",
        ),
    )
    assert _text(outs[1]) == "4.0 ['one', 'more']\n"


def test_a_test_cells_visible_imports_are_seen_by_the_cells_after_it(zygote):
    outs = _run(
        zygote,
        ("learner", "x = 1"),
        (
            "test",
            "from thinktwice.autograder import checks\n### BEGIN HIDDEN TESTS\n"
            "import fractions\n### END HIDDEN TESTS\nassert x == 1",
        ),
        ("learner", "print(checks.__name__, 'fractions' in dir())"),
    )
    assert _text(outs[2]) == "thinktwice.autograder.checks False\n"
