"""Build nbgrader source notebooks from the course's jupytext sources."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

import jupytext
import nbformat

_KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


@dataclass(frozen=True)
class ActivityUse:
    """An activity a module's notebook builds: its class name and the keyword options it passes."""

    cls: str
    options: dict

    def activity_class(self) -> type:
        """The activity's class, from :mod:`thinktwice.widgets`."""
        from thinktwice import widgets

        return getattr(widgets, self.cls)

    def make(self, learner: str | None = None, folder=None):
        """The activity as the notebook builds it, for ``learner`` working in ``folder``."""
        return self.activity_class()(learner, folder=folder, **self.options)


@dataclass(frozen=True)
class Module:
    """One module of the course, as listed in ``syllabus.toml``."""

    id: str
    number: int
    title: str
    source: str
    minutes: int
    reliance_form: str | None = None
    activities: tuple[ActivityUse, ...] = ()
    #: The AI Basic Plan themes the module serves (keys of :data:`~.overview.PLAN_THEMES`).
    plan_themes: tuple[str, ...] = ()
    #: The AISI evaluation perspectives it practises (keys of :data:`~.overview.AISI_PERSPECTIVES`).
    aisi: tuple[str, ...] = ()


class UnknownModuleError(KeyError):
    """A module id that the course does not have."""

    def __str__(self) -> str:
        known = ", ".join(m.id for m in modules())
        return f"unknown module {self.args[0]!r} (the course has: {known})"


@lru_cache(maxsize=1)
def modules() -> tuple[Module, ...]:
    """Every module in the course, in order."""
    manifest = tomllib.loads(files(__package__).joinpath("syllabus.toml").read_text("utf-8"))
    return tuple(_module(entry) for entry in manifest["module"])


def _module(entry: dict) -> Module:
    from .overview import AISI_PERSPECTIVES, PLAN_THEMES

    listed = entry.pop("activities", [])
    uses = tuple(ActivityUse(use["class"], dict(use.get("options", {}))) for use in listed)
    for key, known in (("plan_themes", PLAN_THEMES), ("aisi", AISI_PERSPECTIVES)):
        entry[key] = tuple(entry.get(key, ()))
        unknown = sorted(set(entry[key]) - set(known))
        if unknown:
            raise ValueError(
                f"syllabus.toml: module {entry.get('id')!r} lists unknown {key} {unknown}"
                f" (known: {', '.join(known)})"
            )
    return Module(**entry, activities=uses)


def find_module(name: str) -> Module:
    """The module called ``name``: its id (``m00_reliance``) or its number (``0``, ``m00``)."""
    for module in modules():
        if name in (module.id, str(module.number), f"m{module.number:02d}"):
            return module
    raise UnknownModuleError(name)


def build_notebook(module: Module) -> nbformat.NotebookNode:
    """Read a module's text source into an nbgrader source notebook (with solutions)."""
    text = files(__package__).joinpath(module.source).read_text("utf-8")
    notebook = jupytext.reads(text, fmt="py:percent")
    notebook.metadata.pop("jupytext", None)
    notebook.metadata["kernelspec"] = _KERNELSPEC
    notebook.metadata["language_info"] = {"name": "python"}
    notebook.metadata["thinktwice"] = {"module": module.id}
    nbformat.validate(notebook)
    return notebook
