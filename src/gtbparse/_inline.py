"""Stage 5: inline markup → clean text with links, emphasis and footnote marks as spans.

Handles ``[anchor](url)`` links (``(#)`` means the URL was lost), ``<https://…>``
autolinks, ``*emphasis*`` and ``**strong**``, backslash escapes such as ``\\$``
and footnote marks ``[1]`` (a bracketed number *not* followed by ``(``), or ``^1`` where a rendition writes a
superscript with a caret.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import attrs
import regex

from ._text import OffsetMap, TextBuilder
from .model import Edit, Emphasis, FootnoteRef, Link, Span

# One left-to-right scan (see _markup); every quantifier is bounded or over a negated class, and the one
# unbounded run (spaces before a line break) is tried once per run, so matching is linear.
_INLINE = regex.compile(
    r"""
    (?P<link>\[(?P<anchor>(?:[^\[\]\n]|\[[^\[\]\n]{0,200}\]){0,1000})\]\((?P<url>[^()\s]{0,2000})\))
    | (?P<auto><(?P<auto_url>https?://[^\s<>]{1,2000})>)
    | (?P<ref>[\ \t]?\[(?P<number>\d{1,3})\](?!\()(?:,(?=[\ \t]?\[\d{1,3}\](?!\()))?)
    | (?P<caret>(?<![\d\s])\^(?P<caret_number>\d{1,3})(?!\d))
    | (?P<escape>\\+(?P<char>[!-/:-@\[-`{-~]))
    | (?P<strong>\*\*(?=[^\s*])(?P<strong_text>[^*\n]{1,4000}?)(?<=[^\s*])\*\*)
    | (?P<em>\*(?=[^\s*])(?P<em_text>[^*\n]{1,4000}?)(?<=[^\s*])\*(?!\*))
    | (?P<newline>[\ \t]*\r?\n[\ \t]*)
    """,
    regex.VERBOSE | regex.VERSION1,
)

# Where a piece of markup can start: the first character of each alternative above, except for the
# spaces that may open a footnote mark or a line break (found by looking back from the ``[`` or break).
_MARKUP_CHARS = "[<\\*\r\n^"
_SPACES = " \t"

LOST_URL = "#"
_HYPHEN_BEFORE = regex.compile(r"(?r)\p{L}-\Z")


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


def parse_inline(raw: str, mapping: OffsetMap, *, marks: bool = True, keep_lines: bool = False) -> Inline:
    """Strip the markup from ``raw`` (whose source map is ``mapping``), keeping what it meant as spans.

    With ``marks`` false, footnote marks stay in the text as written: a footnote's ``see note [1]`` refers
    to another note, and a footnote has no marks of its own. With ``keep_lines`` the line breaks stay (the rows
    of a table); otherwise the lines of a block are joined.
    """
    candidates = _markup_starts(raw)
    if not candidates:  # plain text: nothing to strip, the map stays as it is
        return Inline(raw, mapping if raw else OffsetMap((), (), (), ()), (), (), (), ())
    state = _State(raw, mapping, candidates, marks=marks, keep_lines=keep_lines)
    state.run(0, len(raw))
    text, clean_map = state.out.build()
    return Inline(
        text=text,
        mapping=clean_map,
        links=tuple(Link(text[at[0] : at[1]], url, at=at, span=span) for url, at, span in state.links),
        emphasis=tuple(Emphasis(text[at[0] : at[1]], strong, at=at, span=span) for strong, at, span in state.emphasis),
        footnote_refs=tuple(state.refs),
        edits=tuple(state.edits),
    )


def _markup_starts(raw: str) -> list[int]:
    """The positions of ``_MARKUP_CHARS`` in ``raw``, in order (``str.find`` is many times faster than a regex)."""
    found: list[int] = []
    for char in _MARKUP_CHARS:
        at = raw.find(char)
        while at >= 0:
            found.append(at)
            at = raw.find(char, at + 1)
    found.sort()
    return found


def _markup(raw: str, candidates: list[int], start: int, end: int) -> Iterator[regex.Match[str]]:
    """The matches of ``_INLINE`` in ``raw[start:end]``, the same as ``finditer`` gives.

    ``candidates`` are the positions of ``_MARKUP_CHARS`` in ``raw``. ``finditer`` tries the pattern at every
    position; this only tries it where markup can start, which is several times faster. It also tries a run of
    spaces once rather than at each of its positions: at each one the line-break alternative reads to the end
    of the run, so ``finditer`` is quadratic in the length of the run.
    """
    position = start
    index = bisect.bisect_left(candidates, start)
    count = len(candidates)
    while index < count:
        at = candidates[index]
        if at >= end:
            return
        index += 1
        if at < position:  # inside the previous match
            continue
        first = at
        char = raw[at]
        if char == "[":
            if at > position and raw[at - 1] in _SPACES and raw[at + 1 : at + 2].isdigit():
                first = at - 1  # a footnote mark may take one space before it
        elif char in "\r\n":
            first = position + len(raw[position:at].rstrip(_SPACES))  # a line break takes the spaces before it
        match = _INLINE.match(raw, first, end) if first < at else None
        if match is None:
            match = _INLINE.match(raw, at, end)
        if match is None:
            position = at + 1
            continue
        yield match
        position = match.end()


class _State:
    def __init__(self, raw: str, mapping: OffsetMap, candidates: list[int], *, marks: bool, keep_lines: bool) -> None:
        self.raw = raw
        self.marks = marks
        self.keep_lines = keep_lines
        self.mapping = mapping
        self.candidates = candidates
        self.out = TextBuilder()
        self.links: list[tuple[str | None, Span, Span]] = []
        self.emphasis: list[tuple[bool, Span, Span]] = []
        self.refs: list[FootnoteRef] = []
        self.edits: list[Edit] = []
        # Most raw texts are one run copied from the source: then a position maps by adding an offset.
        single = len(mapping.starts) == 1 and mapping.starts[0] == 0 and not mapping.inserted[0]
        self.offset = mapping.sources[0] if single and mapping.lengths[0] >= len(raw) else None

    def copy(self, start: int, end: int) -> None:
        if end > start:
            if self.offset is not None:
                self.out.copy(self.raw[start:end], self.offset + start)
            else:
                self.out.copy_mapped(self.raw, self.mapping, start, end)

    def span(self, start: int, end: int) -> Span:
        if self.offset is not None and end > start >= 0:
            return (self.offset + start, self.offset + end)
        return self.mapping.span(start, end)

    def run(self, start: int, end: int) -> None:
        out = self.out
        position = start
        for match in _markup(self.raw, self.candidates, start, end):
            match_start = match.start()
            self.copy(position, match_start)
            position = match.end()
            kind = match.lastgroup
            if kind == "link":
                self._nested_span(match, "anchor", "link")
            elif kind == "auto":
                self._nested_span(match, "auto_url", "auto")
            elif kind in ("ref", "caret") and not self.marks:
                self.copy(match_start, position)
            elif kind in ("ref", "caret"):
                at = len(out)
                number = int(match.group("number") or match.group("caret_number"))
                self.refs.append(FootnoteRef(number, at=(at, at), span=self.span(match_start, position)))
            elif kind == "escape":
                char = match.group("char")
                source_span = self.span(match_start, position)
                out.insert(char, source_span[0])
                self.edits.append(
                    Edit("unescape", source_span, match.group(), char, "a backslash escape of the rendition")
                )
            elif kind == "strong":
                self._nested_span(match, "strong_text", "strong")
            elif kind == "em":
                self._nested_span(match, "em_text", "em")
            elif self.keep_lines:
                self.copy(match_start, position)
            else:  # a line break inside a block: the lines of one paragraph
                source_span = self.span(match_start, position)
                # After a hyphen the line goes on with no space (``Cross-`` / ``Strait``): the hyphen stays, as
                # whether it only split a word is decided at column breaks, where the words are at hand.
                joiner = "" if _HYPHEN_BEFORE.search(self.raw, 0, match_start) else " "
                out.insert(joiner, source_span[0])
                evidence = "a line break after a hyphen inside a block" if not joiner else "a line break inside a block"
                self.edits.append(Edit("join-line", source_span, match.group(), joiner, evidence))
        self.copy(position, end)

    def _nested_span(self, match: regex.Match[str], group: str, kind: str) -> None:
        begin = len(self.out)
        inner_start, inner_end = match.span(group)
        candidates = self.candidates
        next_candidate = bisect.bisect_left(candidates, inner_start)
        if kind == "auto" or next_candidate == len(candidates) or candidates[next_candidate] >= inner_end:
            self.copy(inner_start, inner_end)  # no markup inside
        else:
            self.run(inner_start, inner_end)
        at = (begin, len(self.out))
        span = self.span(*match.span())
        if kind in ("link", "auto"):
            url = match.group("url") if kind == "link" else match.group("auto_url")
            self.links.append((None if url in ("", LOST_URL) else url, at, span))
        else:
            self.emphasis.append((kind == "strong", at, span))
