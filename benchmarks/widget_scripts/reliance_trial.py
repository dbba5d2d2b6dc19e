"""Twelve cases of the reliance trial: pick a digit, lock in, confirm a final answer."""

from thinktwice.widgets import RelianceTrial


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = RelianceTrial(learner, folder=folder).view()
    calls = []
    for _ in range(view.trial.n_cases):

        def lock():
            view.first.value = "3"
            view.lock.click()

        def confirm():
            view.final.value = "3"
            view.confirm.click()

        calls += [lock, confirm]
    return calls
