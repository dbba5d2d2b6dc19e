"""The model playground: move each slider (every move refits and redraws), then answer."""

from thinktwice.widgets import ModelPlayground


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = ModelPlayground(learner, folder=folder).view()

    def move(slider, value):
        def call():
            slider.value = value

        return call

    def answer():
        view.question.value = "test"
        view.answer.click()

    return [
        move(view.neighbours, 1),
        move(view.noise, 30),
        move(view.size, 60),
        move(view.neighbours, 15),
        move(view.noise, 0),
        move(view.size, 300),
        move(view.neighbours, 51),
        move(view.size, 120),
        move(view.noise, 10),
        move(view.neighbours, 7),
        answer,
    ]
