"""The bias audit: fit the group predictor on four sets of columns, then answer each judgement."""

from thinktwice.widgets import BiasAudit
from thinktwice.widgets.bias_audit import QUESTIONS, choice_labels

_FEATURE_SETS = (
    ["test_score"],
    ["neighbourhood"],
    ["neighbourhood", "school"],
    ["neighbourhood", "school", "hobby", "test_score", "experience"],
)


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = BiasAudit(learner, folder=folder).view()
    calls = []
    for chosen in _FEATURE_SETS:

        def fit(chosen=chosen):
            for feature, box in view.features.items():
                box.value = feature in chosen
            view.fit.click()

        calls.append(fit)
    for question in QUESTIONS:

        def answer(box=view.questions[question], question=question):
            box.choices.value = choice_labels(question)[1][1]
            box.submit.click()

        calls.append(answer)
    return calls
