"""The bias audit's graded steps: two different feature sets fitted, and each judgement right."""

from thinktwice.widgets.bias_audit import JUDGEMENTS


def solve(audit) -> None:
    """Fit a legitimate column, then the proxies, and answer every judgement as the data says."""
    if audit.tried_feature_sets() < 2:
        audit.fit_group_predictor(["test_score"])
        audit.fit_group_predictor(["neighbourhood", "school", "hobby"])
    for question in JUDGEMENTS:
        if question not in audit.answers_:
            audit.answer(question, audit.correct_choice(question))
