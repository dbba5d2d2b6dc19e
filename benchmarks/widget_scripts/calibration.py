"""The calibration explorer: move the guess sliders, submit, reveal, switch test data and models."""

from thinktwice.widgets import CalibrationExplorer


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = CalibrationExplorer(learner, folder=folder).view()

    def move(i, value):
        def call():
            view.sliders[i].value = value

        return call

    def press(button):
        return button.click

    def choose(control, value):
        def call():
            control.value = value

        return call

    def answer():
        view.question.value = "useless"
        view.answer.click()

    calls = [move(i, v) for i, v in enumerate([15, 30, 45, 70, 85])]
    calls += [press(view.reveal), press(view.submit), press(view.reveal)]
    calls += [
        choose(view.shift, True),
        choose(view.model, "logistic"),
        choose(view.shift, False),
        choose(view.model, "always_half"),
        choose(view.shift, True),
        answer,
    ]
    return calls
