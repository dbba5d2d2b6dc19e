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

from importlib import import_module

#: The activity contract, by the module that defines each name; the activity classes themselves
#: come from the registry. Nothing is imported until used, so ``import thinktwice.widgets`` (and
#: ``python -m thinktwice.widgets.i18n``) stays quick and side-effect free.
_CONTRACT = {
    "Activity": "activity",
    "ActivityError": "activity",
    "EvidenceError": "evidence",
    "EvidenceLog": "evidence",
    "Judgement": "judgement",
    "Outcome": "activity",
    "all_activities": "registry",
}


def _activities() -> dict:
    return import_module(".registry", __name__).all_activities()


def __getattr__(name: str):
    # PEP 562: ``__all__`` and the exports are looked up here on first use.
    if name == "__all__":
        return [*_CONTRACT, *_activities()]
    if name in _CONTRACT:
        return getattr(import_module(f".{_CONTRACT[name]}", __name__), name)
    # ``from . import chart_checks`` asks here before it imports the submodule: answering
    # from the registry then would list the activities while one is half imported, and
    # cache that list. A submodule's name is never an activity's.
    if name in import_module(".registry", __name__).activity_modules():
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    if not name.startswith("_") and name in _activities():
        return _activities()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_CONTRACT, *_activities()})
