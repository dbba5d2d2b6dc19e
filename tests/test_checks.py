"""Checks used in test cells: partial credit nbgrader can read, feedback that hides hidden cases."""

from nbformat.v4 import new_output
from nbgrader.utils import get_partial_grade

from thinktwice.autograder import Case, Score, close_to, reliance_trial_completed, score_function
from thinktwice.widgets import RelianceTrial


def _nbgrader_reads(score: Score) -> float:
    output = new_output("execute_result", data={"text/plain": repr(score)}, execution_count=1)
    return get_partial_grade(output, score.max_points)


def test_partial_credit_is_what_nbgrader_reads(capsys):
    def half_right(x):
        return 1 if x == 1 else 0

    score = score_function(half_right, [Case((1,), 1), Case((2,), 2)], points=2)
    assert _nbgrader_reads(score) == 1.0
    out = capsys.readouterr().out
    assert "✔ check 1" in out and "expected 2, got 0" in out


def test_hidden_cases_show_the_hint_never_the_values(capsys):
    secret = Case((12345,), 67890, hint="Think about big inputs.", hidden=True)
    score = score_function(lambda x: 0, [secret], points=1)
    out = capsys.readouterr().out
    assert score.points == 0
    assert "Think about big inputs." in out
    assert "12345" not in out and "67890" not in out


def test_code_that_raises_earns_nothing_and_is_named(capsys):
    score = score_function(lambda x: 1 / 0, [Case((1,), 1)], points=2)
    assert score.points == 0 and "ZeroDivisionError" in capsys.readouterr().out
    assert score_function("not a function", [Case((1,), 1)], points=2).points == 0


def test_close_to_and_undefined():
    assert close_to(0.667, 2 / 3, points=1, tol=0.01).points == 1
    assert close_to(None, 2 / 3, points=1).points == 0
    assert close_to(None, None, points=1).points == 1
    assert close_to(0.0, None, points=1).points == 0  # undefined is not 0


def test_trial_completion_is_partial_and_reads_the_log(tmp_path, monkeypatch):
    monkeypatch.setenv("THINKTWICE_LEARNER", "aiko")
    assert reliance_trial_completed(points=2, folder=str(tmp_path)).points == 0
    trial = RelianceTrial("aiko", folder=tmp_path).start()
    for _ in range(6):
        trial.answer_first(1, 0.5)
        trial.answer_final(1, 0.5)
    assert reliance_trial_completed(points=2, folder=str(tmp_path)).points == 1
    monkeypatch.setenv("THINKTWICE_LEARNER", "ben")  # someone else's evidence
    score = reliance_trial_completed(points=2, folder=str(tmp_path))
    assert score.points == 0 and "belongs to learner 'aiko'" in score.feedback[0]


def test_an_untouched_function_is_told_it_has_no_answer_yet(capsys):
    score = score_function(lambda x: ..., [Case((1,), 2, what="one")], points=1)
    out = capsys.readouterr().out
    assert score.points == 0
    assert "there is no answer yet" in out and "Ellipsis" not in out
