"""The JSON Schema (draft 2020-12) of :func:`gtbparse.to_dict` output, shipped inside the package."""

from __future__ import annotations

import json
from typing import Any

__all__ = ["SCHEMA_FILE", "json_schema"]

SCHEMA_FILE = "gtbparse-1.schema.json"
"""The schema's file name inside the ``gtbparse`` package."""


def json_schema() -> dict[str, Any]:
    """The JSON Schema for ``to_dict`` output (``"schema": "gtbparse/1"``), every field described.

    Returns a fresh dictionary on each call, so callers may modify it.

    >>> json_schema()["$schema"]
    'https://json-schema.org/draft/2020-12/schema'
    """
    from importlib import resources  # imported here: it costs ~20 ms, and most parses never need the schema

    text = resources.files("gtbparse").joinpath(SCHEMA_FILE).read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
