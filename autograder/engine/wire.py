"""Learner values as data: what crosses from the learner's process to the judge's.

The judge runs the test cells in a process where learner code never ran. What the learner made
reaches it only through :func:`encode` (in the learner's process, which may lie as it likes) and
:func:`decode` (in the judge, which trusts nothing it reads). The format is this module's own
tagged JSON, never pickle, so decoding runs no code of the learner's:

- plain data of *exact* built-in types: ``None``, ``bool``, ``int``, ``float``, ``complex``,
  ``str``, ``bytes``, ``list``, ``tuple``, ``dict``, ``set``, ``frozenset``, ``Ellipsis``;
- numpy arrays and scalars of a numeric, boolean or string dtype (never ``object``);
- a reference to a module, class or function that the judge imports itself by name (the
  learner's ``checks`` becomes the judge's own, untouched ``checks``);
- anything else as a handle, which the judge turns into a proxy: a learner function, an
  estimator, a figure. A subclass of a built-in type (a ``str`` that equals everything) is
  anything else.

Examples
--------
>>> decode(encode({"a": [1, 2.5, None], "b": (True, "x")}, {}), lambda h: h)
{'a': [1, 2.5, None], 'b': (True, 'x')}
>>> import numpy as np
>>> decode(encode([np.float64(0.25), np.array(7), np.eye(2)], {}), lambda h: h)
[np.float64(0.25), array(7), array([[1., 0.],
       [0., 1.]])]
>>> class Anything(str):
...     def __eq__(self, other):
...         return True
>>> handles = {}
>>> decode(encode(Anything("?"), handles), lambda handle: "a proxy")
'a proxy'
"""

from __future__ import annotations

import base64
import json
import math
import types
from collections.abc import Callable
from typing import Any

#: The deepest nesting and the most items one value may have (a learner's value can be huge).
MAX_DEPTH = 40
MAX_ITEMS = 2_000_000
#: numpy dtype kinds that cross as data: bool, signed, unsigned, float, complex, bytes, str.
ARRAY_KINDS = frozenset("biufcSU")


class WireError(ValueError):
    """A message that is not a value this format can hold."""


def _qualified(value: Any) -> tuple[str, str] | None:
    """``(module, qualname)`` of a module, class or function, when it has plain string names."""
    if isinstance(value, types.ModuleType):
        name = value.__dict__.get("__name__")
        return (name, "") if type(name) is str else None
    if isinstance(value, type | types.FunctionType | types.BuiltinFunctionType):
        module = getattr(value, "__module__", None)
        qualname = getattr(value, "__qualname__", None)
        if type(module) is str and type(qualname) is str and "<" not in qualname:
            return module, qualname
    return None


def encode(value: Any, handles: dict[int, Any], *, refs: Callable[[str], bool] = lambda m: True):
    """``value`` as bytes of the wire format (see :func:`to_tree`)."""
    return json.dumps(to_tree(value, handles, refs=refs), separators=(",", ":")).encode("utf-8")


def to_tree(
    value: Any,
    handles: dict[int, Any],
    *,
    refs: Callable[[str], bool] = lambda m: True,
    handle_of: Callable[[Any], int | None] = lambda v: None,
    ref_handles: bool = True,
):
    """``value`` as a JSON-able tree; objects that are not data go into ``handles``.

    Parameters
    ----------
    value : object
        A learner's value.
    handles : dict
        Objects sent as handles, by id; the caller keeps them alive while the judge may ask.
    refs : callable
        Whether a module name may be sent as a reference (the judge imports it itself).
    handle_of : callable
        The handle an object already stands for on the other side (a proxy), or None.
    ref_handles : bool
        Send a handle with each reference and dataclass, for the other side to proxy when it
        cannot import or rebuild it.
    """
    count = [0]

    def walk(v: Any, depth: int) -> Any:
        count[0] += 1
        if depth > MAX_DEPTH or count[0] > MAX_ITEMS:
            raise WireError("the value is too deep or too large to grade")
        kind = type(v)
        if v is None or kind is bool or kind is str:
            return v
        if kind is int:
            return {"int": str(v)} if abs(v) > 2**53 else v
        if kind is float:
            return v if math.isfinite(v) else {"float": repr(v)}
        if v is Ellipsis:
            return {"ellipsis": True}
        if kind is complex:
            return {"complex": [repr(v.real), repr(v.imag)]}
        if kind is bytes:
            return {"bytes": base64.b64encode(v).decode()}
        if kind is list:
            return [walk(item, depth + 1) for item in v]
        if kind in (tuple, set, frozenset):
            return {kind.__name__: [walk(item, depth + 1) for item in v]}
        if kind is dict:
            return {"dict": [[walk(k, depth + 1), walk(x, depth + 1)] for k, x in v.items()]}
        array = _array(v)
        if array is not None:
            return array
        known = handle_of(v)
        if known is not None:
            return {"handle": known, "type": ""}
        name = _qualified(v)
        if name is not None and refs(name[0]):
            if not ref_handles:
                return {"ref": list(name)}
            handles[id(v)] = v  # if the other side has no such library object, a proxy
            return {"ref": list(name), "handle": id(v), "type": _type_name(v)}
        fields = _dataclass_fields(v)
        if fields is not None and refs(type(v).__module__):
            node = {
                "dataclass": [type(v).__module__, type(v).__qualname__],
                "fields": [[key, walk(item, depth + 1)] for key, item in fields],
            }
            if ref_handles:
                handles[id(v)] = v
                node.update(handle=id(v), type=_type_name(v))
            return node
        handles[id(v)] = v
        return {"handle": id(v), "type": _type_name(v)}

    return walk(value, 0)


def _dataclass_fields(value: Any) -> list[tuple[str, Any]] | None:
    """The fields of an instance of a dataclass (exactly that class), else None."""
    import dataclasses

    kind = type(value)
    if not dataclasses.is_dataclass(kind) or type(kind.__module__) is not str:
        return None
    try:
        return [(f.name, getattr(value, f.name)) for f in dataclasses.fields(kind) if f.init]
    except Exception:  # noqa: BLE001 - a learner's dataclass may raise anything
        return None


def _type_name(value: Any) -> str:
    """``module:qualname`` of the value's type, as the type itself says (it may lie)."""
    try:
        kind = type(value)
        module, name = kind.__module__, kind.__qualname__
        return f"{module}:{name}" if type(module) is str and type(name) is str else "object"
    except Exception:  # noqa: BLE001 - a learner's type may raise anything
        return "object"


def _array(value: Any) -> dict | None:
    import sys

    numpy = sys.modules.get("numpy")
    if numpy is None:
        return None
    kind = type(value)
    if kind is numpy.ndarray or (isinstance(value, numpy.generic) and kind.__module__ == "numpy"):
        array = numpy.asarray(value)
        if type(array) is not numpy.ndarray or array.dtype.kind not in ARRAY_KINDS:
            return None
        data = numpy.ascontiguousarray(array)  # at least one dimension: keep the shape apart
        return {
            "array" if kind is numpy.ndarray else "scalar": {
                "dtype": data.dtype.str,
                "shape": list(array.shape),
                "data": base64.b64encode(data.tobytes()).decode(),
            }
        }
    return None


def decode(message: bytes, proxy: Callable[[dict], Any], resolve: Callable | None = None):
    """The value a message holds; handles become ``proxy(handle)``, references ``resolve``.

    ``resolve(module, qualname)`` imports the judge's own object (by default: import the
    module and walk the qualified name). Raises :class:`WireError` for anything malformed.
    """
    try:
        tree = json.loads(message)
    except (ValueError, UnicodeDecodeError) as error:
        raise WireError(f"not a value: {error}") from None
    return from_tree(tree, proxy, resolve)


def from_tree(tree: Any, proxy: Callable[[dict], Any], resolve: Callable | None = None):
    """The value a tree from :func:`to_tree` holds (see :func:`decode`)."""
    return _build(tree, proxy, resolve or resolve_reference, 0)


def _build(node: Any, proxy, resolve, depth: int) -> Any:
    if depth > MAX_DEPTH + 1:
        raise WireError("too deep")
    if node is None or type(node) in (bool, int, float, str):
        return node
    if type(node) is list:
        return [_build(item, proxy, resolve, depth + 1) for item in node]
    if type(node) is not dict or not 1 <= len(node) <= 4:
        raise WireError("not a value")
    fallback = None
    if "handle" in node:
        if type(node["handle"]) is not int or type(node.get("type")) is not str:
            raise WireError("a malformed handle")
        handle = {"handle": node["handle"], "type": node["type"][:200]}
        if "ref" not in node and "dataclass" not in node:
            return proxy(handle)
        fallback = handle
    if "ref" in node or "dataclass" in node:
        try:
            return _rebuilt(node, proxy, resolve, depth)
        except WireError:
            if fallback is None:
                raise
            return proxy(fallback)
    if len(node) != 1:
        raise WireError("not a value")
    ((tag, body),) = node.items()
    if tag == "int" and type(body) is str:
        return int(body)
    if tag == "float" and body in ("inf", "-inf", "nan"):
        return float(body)
    if tag == "ellipsis":
        return ...
    if tag == "complex" and type(body) is list and len(body) == 2:
        return complex(float(body[0]), float(body[1]))
    if tag == "bytes" and type(body) is str:
        return base64.b64decode(body, validate=True)
    if tag in ("tuple", "set", "frozenset") and type(body) is list:
        items = [_build(item, proxy, resolve, depth + 1) for item in body]
        try:
            return {"tuple": tuple, "set": set, "frozenset": frozenset}[tag](items)
        except TypeError as error:
            raise WireError(f"a {tag} of unhashable items: {error}") from None
    if tag == "dict" and type(body) is list:
        result = {}
        for pair in body:
            if type(pair) is not list or len(pair) != 2:
                raise WireError("a malformed dict")
            key = _build(pair[0], proxy, resolve, depth + 1)
            try:
                result[key] = _build(pair[1], proxy, resolve, depth + 1)
            except TypeError as error:
                raise WireError(f"an unhashable dict key: {error}") from None
        return result
    if tag in ("array", "scalar") and type(body) is dict:
        return _numpy(tag, body)
    raise WireError(f"unknown tag {tag!r}")


def _rebuilt(node: dict, proxy, resolve, depth: int) -> Any:
    """A library object by name, or an instance of a library dataclass from its fields."""
    import dataclasses

    name = node.get("ref", node.get("dataclass"))
    if type(name) is not list or len(name) != 2 or not all(type(p) is str for p in name):
        raise WireError("a malformed reference")
    found = resolve(*name)
    if "ref" in node:
        return found
    fields = node.get("fields")
    if (
        not (isinstance(found, type) and dataclasses.is_dataclass(found))
        or type(fields) is not list
    ):
        raise WireError(f"{name[0]}:{name[1]} is not a dataclass here")
    values = {}
    for pair in fields:
        if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str:
            raise WireError("a malformed field")
        values[pair[0]] = _build(pair[1], proxy, resolve, depth + 1)
    try:
        return found(**values)
    except Exception as error:  # noqa: BLE001 - fields from the learner may not fit
        raise WireError(f"cannot rebuild {name[1]}: {error}") from None


def _numpy(tag: str, body: dict) -> Any:
    import numpy

    dtype = numpy.dtype(str(body.get("dtype")))
    if dtype.kind not in ARRAY_KINDS:
        raise WireError(f"an array of dtype {dtype} does not cross")
    shape = body.get("shape")
    if type(shape) is not list or not all(type(n) is int and n >= 0 for n in shape):
        raise WireError("a malformed shape")
    data = base64.b64decode(str(body.get("data")), validate=True)
    if len(data) != dtype.itemsize * math.prod(shape):
        raise WireError("an array whose data does not fit its shape")
    array = numpy.frombuffer(data, dtype=dtype).reshape(shape).copy()
    return array[()] if tag == "scalar" else array


def resolve_reference(module: str, qualname: str) -> Any:
    """The judge's own module, class or function of that name (imported here, by name)."""
    import importlib

    try:
        value = importlib.import_module(module)
        for part in qualname.split(".") if qualname else ():
            value = getattr(value, part)
    except Exception as error:  # noqa: BLE001 - any failure means: not ours to give
        raise WireError(f"{module}:{qualname} cannot be imported by the judge: {error}") from None
    return value
