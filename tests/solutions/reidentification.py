"""The re-identification lab's graded steps: the most useful release with k >= 5, the judgement."""

from thinktwice.widgets.reidentification import JUDGEMENT


def solve(lab) -> None:
    """Try the most useful setting that reaches k >= 5, and answer the question as the data says."""
    best = max(
        (r for r in lab.releases_.values() if r.anonymity.meets_target),
        key=lambda r: r.usefulness,
    )
    if lab.best_tried() is None or lab.best_tried().usefulness < best.usefulness:
        lab.release(best.setting.postcode_digits, best.setting.birth, best.setting.keep_sex)
    if lab.answer_ is None:
        lab.answer(JUDGEMENT.right)
