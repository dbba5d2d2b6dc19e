"""Think Twice activities: small real models a learner probes and judges, and their views.

Drop an activity into any notebook in two lines::

    from thinktwice.widgets import CalibrationExplorer
    CalibrationExplorer().view()

Each activity logs what the learner does to the evidence log beside the notebook, which
:func:`thinktwice.autograder.checks.activity_score` reads back. The activities are imported on
first use, so ``import thinktwice.widgets`` stays quick.
"""

from importlib import import_module

from .activity import Activity, ActivityError, Outcome
from .evidence import EvidenceError, EvidenceLog
from .measures import Ratio, RelianceSummary, Trial, summarize

#: Public activity classes and the private-free modules that define them.
_ACTIVITIES = {
    "RelianceTrial": "reliance_trial",
    "TrialError": "reliance_trial",
    "CalibrationExplorer": "calibration",
    "ModelPlayground": "playground",
    "OutOfDistributionProbe": "ood_probe",
    "ShortcutLab": "shortcut_lab",
    "BiasAudit": "bias_audit",
    "ChartDetective": "chart_detective",
    "ClaimChecker": "claim_checker",
    "ReidentificationLab": "reidentification",
}

__all__ = [
    "Activity",
    "ActivityError",
    "EvidenceError",
    "EvidenceLog",
    "Outcome",
    "Ratio",
    "RelianceSummary",
    "Trial",
    "summarize",
    "warm_up",
    *_ACTIVITIES,
]


def warm_up() -> None:
    """Train, once per process, the models that every learner's variant shares.

    A grader calls this in its warm process before forking one child per submission, so that no
    submission pays for it. It is cached: later calls return at once.
    """
    from .digit_cases import _advisor

    _advisor()


def __getattr__(name: str):
    module = _ACTIVITIES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f".{module}", __name__), name)
