"""Think Twice activities: small real models a learner probes and judges, and their views.

Drop an activity into any notebook in two lines::

    from thinktwice.widgets import RelianceTrial
    RelianceTrial().view()
"""

from .evidence import EvidenceError, EvidenceLog
from .measures import Ratio, RelianceSummary, Trial, summarize
from .reliance_trial import RelianceTrial, TrialError

__all__ = [
    "EvidenceError",
    "EvidenceLog",
    "Ratio",
    "RelianceSummary",
    "RelianceTrial",
    "Trial",
    "TrialError",
    "summarize",
]
