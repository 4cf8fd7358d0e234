"""Plain-JSON dictionaries from model objects and back: ``from_dict(to_dict(x)) == x``."""

from __future__ import annotations

import enum
import types
import typing
from collections.abc import Mapping
from typing import Any

import attrs

from . import model
from .model import Issue

SCHEMA = "gtbparse/1"
"""The version of the dictionary layout written by :func:`to_dict`."""

JSON = dict[str, Any]


def to_dict(issue: Issue) -> JSON:
    """The issue as a dict of plain JSON types, tagged with ``"schema": "gtbparse/1"``."""
    return {"schema": SCHEMA, **_unstructure(issue)}


def from_dict(data: Mapping[str, Any]) -> Issue:
    """Rebuild an :class:`Issue` from :func:`to_dict` output; raises ``ValueError`` on another schema."""
    schema = data.get("schema")
    if schema != SCHEMA:
        raise ValueError(f"not a {SCHEMA} dictionary (schema: {schema!r})")
    body = {key: value for key, value in data.items() if key != "schema"}
    result = _structure(body, Issue)
    assert isinstance(result, Issue)
    return result


def unstructure(value: object) -> Any:
    """Any model object as plain JSON types (no schema tag)."""
    return _unstructure(value)


def _unstructure(value: object) -> Any:
    if attrs.has(type(value)):
        names = (field.name for field in attrs.fields(type(value)))  # type: ignore[arg-type]
        return {name: _unstructure(getattr(value, name)) for name in names}
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_unstructure(item) for item in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(cls: type) -> dict[str, Any]:
    if cls not in _HINTS:
        _HINTS[cls] = typing.get_type_hints(cls, vars(model))
    return _HINTS[cls]


def _structure(value: Any, hint: Any) -> Any:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = typing.get_args(hint)
        if value is None and type(None) in options:
            return None
        return _structure(value, next(option for option in options if option is not type(None)))
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_structure(item, args[0]) for item in value)
        return tuple(_structure(item, arg) for item, arg in zip(value, args, strict=True))
    if isinstance(hint, type) and attrs.has(hint):
        hints = _hints(hint)
        return hint(**{name: _structure(item, hints[name]) for name, item in value.items()})
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return hint(value)
    return value
