"""The claim checker: label claims and citations, submitting one, then a few, then the rest."""

from thinktwice.widgets import ClaimChecker


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = ClaimChecker(learner, folder=folder).view()
    rows = [(row, "supported") for row in view.claim_rows.values()]
    rows += [(row, "real") for row in view.citation_rows.values()]

    def submit_nothing():
        view.submit.click()

    def submit(batch):
        def call():
            for row, value in batch:
                row.picker.value = value
            view.submit.click()

        return call

    return [submit_nothing, submit(rows[:1]), submit(rows[1:4]), submit(rows[4:])]
