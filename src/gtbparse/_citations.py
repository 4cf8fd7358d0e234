"""Bibliographic references parsed out of footnotes."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Citation, Emphasis


def parse_citation(text: str, emphasis: Sequence[Emphasis] = ()) -> Citation | None:
    """The citation a footnote's clean ``text`` gives, or ``None`` when it cannot be read as one."""
    del text, emphasis
    return None
