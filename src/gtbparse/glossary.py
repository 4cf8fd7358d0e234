"""The glossary of an issue: one entry per distinct glossed name, traditional and simplified linked.

Glosses are grouped by their characters. Two spellings are one name when they give
the same English term and differ only where one has a traditional character and the
other its simplified counterpart (胡錦濤 and 胡锦涛 for ``Hu Jintao``). Entries come
in the order their names first appear.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from .model import Gloss, Script

if TYPE_CHECKING:
    from .model import Issue

_MAX_COMPARED = 16


@attrs.frozen
class GlossOccurrence:
    """One place a name is glossed: the gloss itself, the article it stands in and, in a column, the item."""

    gloss: Gloss
    article_title: str
    unit_title: str = ""
    """The title of the item within a multi-item article; ``""`` for a single article."""
    source_name: str | None = None
    """The issue's source file, when known."""


@attrs.frozen
class GlossaryEntry:
    """A distinct name: its term, every spelling in characters with its script, abbreviation, aliases, occurrences.

    ``hanzi`` and ``scripts`` are parallel; ``aliases`` holds the aliases the glosses
    give and any other English form the name is glossed under.
    """

    term: str
    hanzi: tuple[str, ...]
    scripts: tuple[Script, ...]
    abbreviation: str | None
    aliases: tuple[str, ...]
    occurrences: tuple[GlossOccurrence, ...]


def glossary(issue: Issue) -> tuple[GlossaryEntry, ...]:
    """One entry per distinct glossed name across ``issue``, each with every occurrence."""
    return _entries(occurrences(issue))


def occurrences(issue: Issue) -> Iterator[GlossOccurrence]:
    """Every gloss of the issue in reading order (paragraphs, main point, footnotes) with where it stands."""
    for article in issue.articles:
        for unit in article.units():
            unit_title = unit.title if article.items else ""
            for place in unit.passages():
                for gloss in place.glosses:
                    yield GlossOccurrence(gloss, article.title, unit_title, issue.source_name)


def glossary_rows(issues: Iterable[Issue]) -> list[dict[str, Any]]:
    """Rows for a CSV or JSON export: one per name, with term, hanzi, script, abbreviation, aliases, occurrences.

    Names are merged across all ``issues``. ``hanzi``, ``script`` (parallel to ``hanzi``)
    and ``aliases`` are lists; each occurrence gives its source, article, item, the term
    and characters as printed there, and the source span.
    """
    found = [occurrence for issue in issues for occurrence in occurrences(issue)]
    return [
        {
            "term": entry.term,
            "hanzi": list(entry.hanzi),
            "script": [str(script) for script in entry.scripts],
            "abbreviation": entry.abbreviation,
            "aliases": list(entry.aliases),
            "occurrences": [
                {
                    "source": occurrence.source_name,
                    "article": occurrence.article_title,
                    "item": occurrence.unit_title or None,
                    "term": occurrence.gloss.term,
                    "hanzi": occurrence.gloss.hanzi,
                    "span": list(occurrence.gloss.span),
                }
                for occurrence in entry.occurrences
            ],
        }
        for entry in _entries(found)
    ]


def _term_key(term: str) -> str:
    """Terms compare by letters and digits alone: ``Ma Ying-jeou`` and ``Ma Yingjeou`` are one."""
    return "".join(char for char in term.casefold() if char.isalnum())


def _entries(found: Iterable[GlossOccurrence]) -> tuple[GlossaryEntry, ...]:
    from ._glosses import are_script_variants, variant_key  # here: ``import gtbparse`` need not load the finder

    by_hanzi: dict[str, list[tuple[int, GlossOccurrence]]] = {}
    for index, occurrence in enumerate(found):
        by_hanzi.setdefault(occurrence.gloss.hanzi, []).append((index, occurrence))
    parent = {hanzi: hanzi for hanzi in by_hanzi}

    def root(hanzi: str) -> str:
        while parent[hanzi] != hanzi:
            parent[hanzi] = parent[parent[hanzi]]
            hanzi = parent[hanzi]
        return hanzi

    # Script variants share their term and every character written alike in both scripts, so only spellings with
    # the same such key are compared, each against a bounded number of earlier names: the work stays linear.
    representatives: dict[tuple[str, str], list[str]] = {}
    for hanzi, group in by_hanzi.items():
        for key in dict.fromkeys(_term_key(occurrence.gloss.term) for _, occurrence in group):
            seen = representatives.setdefault((key, variant_key(hanzi)), [])
            match = next((other for other in seen if are_script_variants(other, hanzi)), None)
            if match is not None:
                if root(match) != root(hanzi):
                    parent[root(hanzi)] = root(match)
            elif len(seen) < _MAX_COMPARED:
                seen.append(hanzi)

    grouped: dict[str, list[str]] = {}
    for hanzi in by_hanzi:  # insertion order is first-occurrence order
        grouped.setdefault(root(hanzi), []).append(hanzi)
    return tuple(_entry([by_hanzi[hanzi] for hanzi in spellings]) for spellings in grouped.values())


def _entry(groups: list[list[tuple[int, GlossOccurrence]]]) -> GlossaryEntry:
    found = [occurrence for _, occurrence in sorted((item for group in groups for item in group), key=_first)]
    counts = Counter(occurrence.gloss.term for occurrence in found)
    term = max(counts, key=counts.__getitem__)  # the most frequent; on a tie the first seen (Counter keeps order)
    aliases: dict[str, None] = {}
    for occurrence in found:
        for alias in (occurrence.gloss.term, *occurrence.gloss.aliases):
            if _term_key(alias) != _term_key(term):
                aliases.setdefault(alias, None)
    return GlossaryEntry(
        term=term,
        hanzi=tuple(group[0][1].gloss.hanzi for group in groups),
        scripts=tuple(_script([occurrence for _, occurrence in group]) for group in groups),
        abbreviation=next((o.gloss.abbreviation for o in found if o.gloss.abbreviation), None),
        aliases=tuple(aliases),
        occurrences=tuple(found),
    )


def _first(item: tuple[int, GlossOccurrence]) -> int:
    return item[0]


def _script(group: list[GlossOccurrence]) -> Script:
    """The script a spelling is written in; a decided script wins over ``ambiguous``."""
    decided = [o.gloss.script for o in group if o.gloss.script is not Script.AMBIGUOUS]
    return Counter(decided).most_common(1)[0][0] if decided else Script.AMBIGUOUS
