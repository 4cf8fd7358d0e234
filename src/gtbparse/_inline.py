"""Stage 5: inline markup → clean text with links, emphasis and footnote marks as spans.

Handles ``[anchor](url)`` links (``(#)`` means the URL was lost), ``<https://…>``
autolinks, ``*emphasis*`` and ``**strong**``, backslash escapes such as ``\\$``
and footnote marks ``[1]`` (a bracketed number *not* followed by ``(``).
"""

from __future__ import annotations

import attrs
import regex

from ._text import OffsetMap, TextBuilder
from .model import Edit, Emphasis, FootnoteRef, Link

# One left-to-right scan; every quantifier is bounded or over a negated class, so matching is linear.
_INLINE = regex.compile(
    r"""
    (?P<link>\[(?P<anchor>(?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,1000})\]\((?P<url>[^()\s]{0,2000})\))
    | (?P<auto><(?P<auto_url>https?://[^\s<>]{1,2000})>)
    | (?P<ref>[\ \t]?\[(?P<number>\d{1,3})\](?!\())
    | (?P<escape>\\+(?P<char>[!-/:-@\[-`{-~]))
    | (?P<strong>\*\*(?=[^\s*])(?P<strong_text>[^*\n]{1,4000}?)(?<=[^\s*])\*\*)
    | (?P<em>\*(?=[^\s*])(?P<em_text>[^*\n]{1,4000}?)(?<=[^\s*])\*(?!\*))
    | (?P<newline>[\ \t]*\r?\n[\ \t]*)
    """,
    regex.VERBOSE | regex.VERSION1,
)

LOST_URL = "#"


@attrs.frozen
class Inline:
    """The clean text of a block of markup, its map back to the source, and what was found in it."""

    text: str
    mapping: OffsetMap
    links: tuple[Link, ...]
    emphasis: tuple[Emphasis, ...]
    footnote_refs: tuple[FootnoteRef, ...]
    edits: tuple[Edit, ...]

    def span(self, start: int, end: int) -> tuple[int, int]:
        return self.mapping.span(start, end)


def parse_inline(raw: str, mapping: OffsetMap) -> Inline:
    """Strip the markup from ``raw`` (whose source map is ``mapping``), keeping what it meant as spans."""
    state = _State(raw, mapping)
    state.run(0, len(raw))
    text, clean_map = state.out.build()
    return Inline(
        text=text,
        mapping=clean_map,
        links=tuple(attrs.evolve(link, text=text[link.at[0] : link.at[1]]) for link in state.links),
        emphasis=tuple(attrs.evolve(item, text=text[item.at[0] : item.at[1]]) for item in state.emphasis),
        footnote_refs=tuple(state.refs),
        edits=tuple(state.edits),
    )


class _State:
    def __init__(self, raw: str, mapping: OffsetMap) -> None:
        self.raw = raw
        self.mapping = mapping
        self.out = TextBuilder()
        self.links: list[Link] = []
        self.emphasis: list[Emphasis] = []
        self.refs: list[FootnoteRef] = []
        self.edits: list[Edit] = []

    def copy(self, start: int, end: int) -> None:
        self.out.copy_mapped(self.raw, self.mapping, start, end)

    def run(self, start: int, end: int) -> None:
        position = start
        for match in _INLINE.finditer(self.raw, start, end):
            self.copy(position, match.start())
            position = match.end()
            kind = match.lastgroup
            if kind == "link":
                self._nested_span(match, "anchor", "link")
            elif kind == "auto":
                self._nested_span(match, "auto_url", "auto")
            elif kind == "ref":
                at = len(self.out)
                self.refs.append(
                    FootnoteRef(int(match.group("number")), at=(at, at), span=self.mapping.span(*match.span()))
                )
            elif kind == "escape":
                char = match.group("char")
                source_span = self.mapping.span(*match.span())
                self.out.insert(char, source_span[0])
                self.edits.append(
                    Edit("unescape", source_span, match.group(), char, "a backslash escape of the rendition")
                )
            elif kind == "strong":
                self._nested_span(match, "strong_text", "strong")
            elif kind == "em":
                self._nested_span(match, "em_text", "em")
            else:  # a line break inside a block: the lines of one paragraph
                source_span = self.mapping.span(*match.span())
                self.out.insert(" ", source_span[0])
                self.edits.append(Edit("join-line", source_span, match.group(), " ", "a line break inside a block"))
        self.copy(position, end)

    def _nested_span(self, match: regex.Match[str], group: str, kind: str) -> None:
        begin = len(self.out)
        inner_start, inner_end = match.span(group)
        if kind == "auto":
            self.copy(inner_start, inner_end)
        else:
            self.run(inner_start, inner_end)
        at = (begin, len(self.out))
        span = self.mapping.span(*match.span())
        if kind in ("link", "auto"):
            url = match.group("url") if kind == "link" else match.group("auto_url")
            self.links.append(Link(text="", url=None if url in ("", LOST_URL) else url, at=at, span=span))
        else:
            self.emphasis.append(Emphasis(text="", strong=kind == "strong", at=at, span=span))
