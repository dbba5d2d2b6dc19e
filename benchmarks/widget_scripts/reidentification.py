"""The re-identification lab: coarsen postcode, birth date and sex step by step, then answer."""

from thinktwice.widgets import ReidentificationLab

_MOVES = (
    ("postcode", 4),
    ("postcode", 3),
    ("birth", "month"),
    ("birth", "year"),
    ("sex", False),
    ("birth", "5y"),
    ("birth", "10y"),
    ("postcode", 2),
    ("sex", True),
    ("postcode", 1),
    ("postcode", 0),
    ("birth", "day"),
)


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = ReidentificationLab(learner, folder=folder).view()
    calls = []
    for name, value in _MOVES:
        control = getattr(view, name)

        def move(control=control, value=value):
            control.value = value

        calls.append(move)

    def answer():
        view.choices.value = "linkable"
        view.submit.click()

    return [*calls, answer]
