"""The one place activities are found, as scikit-learn's ``all_estimators()`` finds estimators.

An activity is any :class:`~thinktwice.widgets.activity.Activity` subclass with a ``name``,
defined in a public module of this package.

The package's exports, the common activity checks, the widget benchmark and the graders' warm-up
all read :func:`all_activities`; no other list of activities exists. A new activity is a public
module defining the model (with its ``name`` and ``view_class``) and a private ``_*_view`` module
with its view; the registry finds it.
"""

from __future__ import annotations

import pkgutil
from functools import cache
from importlib import import_module

from .activity import Activity


def activity_modules() -> list[str]:
    """The public modules of ``thinktwice.widgets`` (views and helpers are private: ``_*``)."""
    package = import_module(__package__)
    return sorted(
        info.name
        for info in pkgutil.iter_modules(package.__path__)
        if not info.name.startswith("_") and not info.ispkg
    )


@cache
def all_activities() -> dict[str, type[Activity]]:
    """Every activity class, by class name, in the order of their evidence names.

    Imports each public module once. The result is cached for the process.

    Examples
    --------
    >>> activities = all_activities()
    >>> activities["CalibrationExplorer"].name
    'calibration'
    >>> all(cls.view_class.startswith("_") for cls in activities.values())
    True
    """
    found = {}
    for module_name in activity_modules():
        module = import_module(f".{module_name}", __package__)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, Activity)
                and value.__module__ == module.__name__
                and value.name
            ):
                found[value.__name__] = value
    return dict(sorted(found.items(), key=lambda item: item[1].name))


def warm_up() -> None:
    """Make, once per process, what every learner's variant of every activity shares.

    A grader calls this in its warm process before forking one child per submission, so that no
    submission pays for it. Each activity's :meth:`~Activity.warm_up` is cached: later calls
    return at once.
    """
    for cls in all_activities().values():
        cls.warm_up()
