"""The exception types that ``gtbparse.parse`` raises."""

from __future__ import annotations

import functools
from typing import Any


class ParseError(ValueError):
    """No :class:`~gtbparse.model.Issue` could be built from the input.

    ``problem`` says what is wrong, ``pos`` is the character offset, ``line`` and ``column`` are 1-based.
    """

    def __init__(self, message: str, *, pos: int = 0, line: int = 1, column: int = 1) -> None:
        super().__init__(f"{message} (at line {line}, column {column})")
        self.problem = message
        self.pos = pos
        self.line = line
        self.column = column

    def __reduce__(self) -> tuple[Any, ...]:
        # Pickle by the constructor's arguments, so a ParseError crosses process boundaries intact.
        rebuild = functools.partial(type(self), pos=self.pos, line=self.line, column=self.column)
        return (rebuild, (self.problem,))


class InternalError(ParseError):
    """A bug in gtbparse, not a problem with the input: please report it with the input that caused it.

    It is a :class:`ParseError`, so code that handles bad input handles this too.
    """


def line_and_column(text: str, pos: int) -> tuple[int, int]:
    """1-based line and column of offset ``pos`` in ``text``."""
    pos = max(0, min(pos, len(text)))
    line = text.count("\n", 0, pos) + 1
    column = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return line, column
