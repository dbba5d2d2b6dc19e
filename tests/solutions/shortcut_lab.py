"""The shortcut lab with full credit: break the marked model, run the control, find the mark."""

from thinktwice.widgets.shortcut_lab import QUESTION


def solve(lab) -> None:
    """Test both models where the mark no longer matches, name the mark first time, answer."""
    for model in ("with", "without"):
        lab.train(model)
        lab.test("as-trained")
        lab.test("moved")
    lab.train("with")
    lab.reveal()
    if not lab.located:
        lab.locate(*lab.mark_cells[0])
    if lab.choice_ is None:
        lab.answer(QUESTION.right)
