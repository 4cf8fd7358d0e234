"""The glossary of an issue: one entry per distinct glossed name, traditional and simplified linked.

(Placeholder: the full implementation lands with the glosses issue.)
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .model import Gloss, Script

if TYPE_CHECKING:
    from .model import Issue


@attrs.frozen
class GlossOccurrence:
    """One place a name is glossed: the gloss itself and the title of the article it stands in."""

    gloss: Gloss
    article_title: str


@attrs.frozen
class GlossaryEntry:
    """A distinct name: its term, every spelling in characters, scripts, abbreviation, aliases and occurrences."""

    term: str
    hanzi: tuple[str, ...]
    scripts: tuple[Script, ...]
    abbreviation: str | None
    aliases: tuple[str, ...]
    occurrences: tuple[GlossOccurrence, ...]


def glossary(issue: Issue) -> tuple[GlossaryEntry, ...]:
    """One entry per distinct glossed name across ``issue``."""
    del issue
    return ()


def glossary_rows(issues: Iterable[Issue]) -> list[dict[str, Any]]:
    """Rows for a CSV or JSON export: one per name, with term, hanzi, script, abbreviation, aliases, occurrences."""
    del issues
    return []
