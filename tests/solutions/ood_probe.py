"""The OOD probe's careful run: trust only clear digits the models agree on, then answer."""

from thinktwice.widgets import ood_probe


def solve(probe) -> None:
    """Ask and judge every remaining probe the careful way, then answer the closing question."""
    while probe.current is not None:
        if not probe.asked:
            probe.ask()
        probe.judge(trust=probe.current.trustworthy, signal="disagreement")
    if probe.choice_ is None:
        probe.answer(ood_probe.QUESTION.right)
