"""The course: module sources as diffable text, the manifest, and the build into notebooks."""

from .build import Module, build_notebook, find_module, modules

__all__ = ["Module", "build_notebook", "find_module", "modules"]
