"""Two costs of nbgrader's own steps that repeat for every submission, paid once per run instead.

- ``CheckCellMetadata`` validates each cell's metadata with ``jsonschema.validate``, which checks
  the schema itself again on every call; here a validator is built once per schema.
- Each ``Gradebook(...)`` makes a new SQLAlchemy engine, which throws away the compiled-query
  cache; here one engine per database URL is kept for the run (``Gradebook.close`` disposes
  only its pooled connections, which the engine opens again).

Both keep nbgrader's behaviour: the same validation errors, the same queries. They apply only
inside :func:`faster_nbgrader`, which the engine holds while it grades.
"""

from __future__ import annotations

import threading
from contextlib import contextmanager


class _CachedJsonschema:
    """The ``jsonschema`` module, with ``validate`` reusing one validator per schema."""

    def __init__(self, module) -> None:
        self._module = module
        self._validators: dict[int, tuple[dict, object]] = {}
        self._lock = threading.Lock()

    def validate(self, instance, schema, cls=None, *args, **kwargs):
        if cls is not None or args or kwargs:
            return self._module.validate(instance, schema, cls, *args, **kwargs)
        with self._lock:
            entry = self._validators.get(id(schema))
            if entry is None or entry[0] is not schema:
                if len(self._validators) > 256:
                    self._validators.clear()
                kind = self._module.validators.validator_for(schema)
                kind.check_schema(schema)
                entry = (schema, kind(schema))
                self._validators[id(schema)] = entry
        error = self._module.exceptions.best_match(entry[1].iter_errors(instance))
        if error is not None:
            raise error

    def __getattr__(self, name: str):
        return getattr(self._module, name)


@contextmanager
def faster_nbgrader():
    """Apply both speed-ups for the duration of the block; undo them after."""
    import jsonschema
    import nbgrader.api
    import nbgrader.nbgraderformat.common as metadata_format

    engines: dict[str, object] = {}
    create_engine = nbgrader.api.create_engine
    lock = threading.Lock()

    def shared_engine(url, *args, **kwargs):
        key = repr((str(url), args, sorted(kwargs.items())))
        with lock:
            if key not in engines:
                engines[key] = create_engine(url, *args, **kwargs)
            return engines[key]

    nbgrader.api.create_engine = shared_engine
    metadata_format.jsonschema = _CachedJsonschema(jsonschema)
    try:
        yield
    finally:
        nbgrader.api.create_engine = create_engine
        metadata_format.jsonschema = jsonschema
        for engine in engines.values():
            engine.dispose()
