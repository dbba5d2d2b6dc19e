"""The model playground: explore, overfit, find about the best test accuracy, and judge right."""

from thinktwice.widgets.playground import MIN_SETTINGS, NEIGHBOURS, QUESTION, TRAIN_SIZES


def solve(playground) -> None:
    """Try five settings, one of them overfitting and one the best available, then answer."""
    best = max(
        range(NEIGHBOURS[0], NEIGHBOURS[1] + 1, 2),
        key=lambda k: playground.fit_setting(k, 0, TRAIN_SIZES[1]).test_accuracy,
    )
    settings = [(1, 30, 60), (best, 0, TRAIN_SIZES[1])]
    for extra in [(1, 0, 60), (15, 10, 200), (51, 0, 300), (7, 20, 100)]:
        if len(set(settings)) < MIN_SETTINGS:
            settings.append(extra)
    for setting in settings:
        playground.try_setting(*setting)
    if playground.answer_ is None:
        playground.answer(QUESTION.right)
