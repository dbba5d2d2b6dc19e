"""The shortcut lab: train, test on every set, reveal, switch models, locate, answer."""

from thinktwice.widgets import ShortcutLab


def steps(folder, learner):
    """The handler calls of one learner's run, each a zero-argument callable."""
    view = ShortcutLab(learner, folder=folder).view()
    lab = view.lab

    def setter(widget, value):
        def step():
            widget.value = value

        return step

    calls = [setter(view.train, "with")]
    calls += [setter(view.test, c) for c in ("as-trained", "removed", "moved")]
    calls.append(view.reveal.click)
    calls.append(setter(view.train, "without"))
    calls += [setter(view.test, c) for c in ("moved", "removed")]
    calls.append(view.reveal.click)
    calls.append(setter(view.train, "with"))  # back to a model already revealed

    wrong_row = "8" if lab.mark_cells[0][0] != 8 and lab.mark_cells[1][0] != 8 else "4"
    row, col = lab.mark_cells[0]

    def locate_wrong():
        view.row.value, view.col.value = wrong_row, "4"
        view.locate.click()

    def locate_right():
        view.row.value, view.col.value = str(row), str(col)
        view.locate.click()

    def answer():
        view.question.value = lab.choice_order_[0]
        view.submit.click()

    return calls + [locate_wrong, locate_right, answer]
