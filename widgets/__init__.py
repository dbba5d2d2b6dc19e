"""Think Twice activities: small real models a learner probes and judges, and their views.

Drop an activity into any notebook in two lines::

    from thinktwice.widgets import CalibrationExplorer
    CalibrationExplorer().view()

Each activity logs what the learner does to the evidence log beside the notebook, which
:func:`thinktwice.autograder.activity_score` reads back. This package exports the activities and
the contract they share; the reliance measures live in :mod:`thinktwice.widgets.measures`. The
activities come from :func:`~thinktwice.widgets.registry.all_activities` on first use, so
``import thinktwice.widgets`` stays quick.
"""

from .activity import Activity, ActivityError, Outcome  # noqa: F401 - listed in _CONTRACT
from .evidence import EvidenceError, EvidenceLog  # noqa: F401
from .judgement import Judgement  # noqa: F401
from .registry import all_activities

#: The activity contract; the activity classes themselves are added from the registry.
_CONTRACT = [
    "Activity",
    "ActivityError",
    "EvidenceError",
    "EvidenceLog",
    "Judgement",
    "Outcome",
    "all_activities",
]


def __getattr__(name: str):
    # PEP 562: ``__all__`` and the activity classes are looked up here, so that importing the
    # package does not import every activity (and scikit-learn) until one is used.
    if name == "__all__":
        return [*_CONTRACT, *all_activities()]
    if not name.startswith("_") and name in all_activities():
        return all_activities()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *all_activities()})
