"""The out-of-distribution probe: ask and judge all eight probes, draw, clear, answer."""

from thinktwice.widgets import OutOfDistributionProbe


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = OutOfDistributionProbe(learner, folder=folder).view()
    calls = []
    for number in range(len(view.activity.probes_)):

        def ask():
            view.ask_button.click()

        def confirm(number=number):
            view.trust.value = "doubt" if number % 2 else "trust"
            view.signal.value = "disagreement"
            view.confirm.click()

        calls += [ask, confirm]
    for index in (2, 3, 4, 11, 19, 27):

        def ink(index=index):
            view.pixels[index].value = True

        calls.append(ink)

    def ask_drawing():
        view.ask_drawing.click()

    def clear():
        view.clear.click()

    def answer():
        view.question.value = view.activity.choice_order_[0]
        view.submit.click()

    return calls + [ask_drawing, clear, ask_drawing, answer]
