"""The reliance trial in each mode: decide first, advice on request, advice after a wait.

Twelve cases per mode, with explanations on in the on-request and delayed runs (their first
figure is drawn when the view is built, as in a notebook). The delayed mode runs on a fake clock
that the script moves past the wait, so the countdown's last tick shows the advice at once.
"""

from thinktwice.widgets import RelianceTrial
from thinktwice.widgets._reliance_view import RelianceTrialView


class _Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _no_timer(seconds, callback):
    return None


def steps(folder, learner):
    """The handler calls of one learner's run in every mode, each a zero-argument callable."""
    calls = []

    decide = RelianceTrial(learner, folder=folder).view()
    for _ in range(decide.trial.n_cases):

        def lock(view=decide):
            view.first.value = "3"
            view.lock.click()

        def confirm(view=decide):
            view.final.value = "3"
            view.confirm.click()

        calls += [lock, confirm]

    ask = RelianceTrial(learner, mode="on-request", explanations=True, folder=folder).view()
    for number in range(ask.trial.n_cases):
        if number % 3 == 0:  # now and then, answer without the AI

            def alone(view=ask):
                view.first.value = "5"
                view.alone.click()

            calls.append(alone)
            continue

        def request(view=ask):
            view.first.value = "4"
            view.request.click()

        def confirm_after_request(view=ask):
            view.final.value = "4"
            view.confirm.click()

        calls += [request, confirm_after_request]

    clock = _Clock()
    trial = RelianceTrial(learner, mode="delayed", explanations=True, clock=clock, folder=folder)
    wait = RelianceTrialView(trial.start(), call_later=_no_timer)
    for _ in range(trial.n_cases):

        def tick(view=wait):
            view.first.value = "7"
            clock.now += view.trial.delay
            view.tick()

        def confirm_after_wait(view=wait):
            view.final.value = "7"
            view.confirm.click()

        calls += [tick, confirm_after_wait]
    return calls
