"""The Simpson explorer with full credit: predict, split, and answer as the table says."""

from thinktwice.widgets.simpson_explorer import COUNT_RIGHT, WHY


def solve(explorer) -> None:
    """Predict (any answer), split, count the departments, read the rate, and say why."""
    if "prediction" not in explorer.answers_:
        explorer.answer("prediction", "men")
    if not explorer.split_:
        explorer.split()
    if "count" not in explorer.answers_:
        explorer.answer("count", COUNT_RIGHT)
    if "rate" not in explorer.answers_:
        explorer.read_rate(round(explorer.asked_rate(), 1))
    if "why" not in explorer.answers_:
        explorer.answer("why", WHY.right)
