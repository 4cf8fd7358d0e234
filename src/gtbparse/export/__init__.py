"""Exporters: TEI P5 XML (:mod:`gtbparse.export.tei`) and reading copies (:mod:`gtbparse.export.markdown`).

This module also holds what the exporters share: :func:`inline_tree`, which turns a paragraph's
clean text and its inline spans (links, emphasis, glosses, footnote marks) into a properly nested
tree. Spans may overlap in the source (a link running out of a gloss); where one span crosses
another, the lower-ranked one is split into fragments that nest, so every output stays well formed
and no markup is lost.
"""

from __future__ import annotations

import bisect
import enum
from collections.abc import Sequence

import attrs

from ..model import Emphasis, FootnoteRef, Gloss, Link

__all__ = ["InlineKind", "InlineNode", "InlineSpan", "inline_tree"]


class InlineKind(enum.Enum):
    """What an inline span marks; the order is the nesting order for spans covering the same text."""

    GLOSS = 0
    LINK = 1
    EMPHASIS = 2
    FOREIGN = 3
    FOOTNOTE = 4


@attrs.frozen
class InlineSpan:
    """One inline span over ``text[start:end]`` (``start == end`` for a footnote mark)."""

    kind: InlineKind
    start: int
    end: int
    source: Link | Emphasis | Gloss | FootnoteRef


@attrs.frozen
class InlineNode:
    """A span and its content: text pieces and nested nodes, in reading order."""

    span: InlineSpan
    children: tuple[str | InlineNode, ...]


@attrs.define
class _Open:
    span: InlineSpan | None
    start: int
    end: int
    children: list[_Open] = attrs.Factory(list)
    points: list[InlineSpan] = attrs.Factory(list)


def _locate(text: str, at: tuple[int, int], wanted: str) -> tuple[int, int] | None:
    """Where a span lies: its ``at`` when usable, else the first occurrence of ``wanted`` (hand-built objects)."""
    start, end = at
    if 0 <= start < end <= len(text):
        return start, end
    if wanted:
        found = text.find(wanted)
        if found >= 0:
            return found, found + len(wanted)
    return None


def _spans(
    text: str,
    links: Sequence[Link],
    emphasis: Sequence[Emphasis],
    glosses: Sequence[Gloss],
    footnote_refs: Sequence[FootnoteRef],
) -> tuple[list[InlineSpan], list[InlineSpan]]:
    ranged: list[InlineSpan] = []
    for gloss in glosses:
        where = _locate(text, gloss.at, gloss.hanzi)
        if where is None:
            continue
        ranged.append(InlineSpan(InlineKind.GLOSS, *where, gloss))
        hanzi_at = text.find(gloss.hanzi, *where) if gloss.hanzi else -1
        if hanzi_at >= 0:
            ranged.append(InlineSpan(InlineKind.FOREIGN, hanzi_at, hanzi_at + len(gloss.hanzi), gloss))
    for link in links:
        where = _locate(text, link.at, link.text)
        if where is not None:
            ranged.append(InlineSpan(InlineKind.LINK, *where, link))
    for run in emphasis:
        where = _locate(text, run.at, run.text)
        if where is not None:
            ranged.append(InlineSpan(InlineKind.EMPHASIS, *where, run))
    points = [
        InlineSpan(InlineKind.FOOTNOTE, ref.at[0], ref.at[0], ref)
        for ref in footnote_refs
        if 0 <= ref.at[0] <= len(text)
    ]
    return ranged, points


def inline_tree(
    text: str,
    *,
    links: Sequence[Link] = (),
    emphasis: Sequence[Emphasis] = (),
    glosses: Sequence[Gloss] = (),
    footnote_refs: Sequence[FootnoteRef] = (),
) -> tuple[str | InlineNode, ...]:
    """``text`` with its inline spans as a nested tree; the text pieces, read in order, give back ``text``.

    Spans that nest are nested; spans over the same text nest in the order gloss, link, emphasis.
    Where two spans cross, the lower-ranked one (gloss > link > emphasis; the later of two of the
    same kind) is split into fragments that nest, each a node with the same ``source``: a link
    running into a gloss becomes two links. A gloss also yields a ``FOREIGN`` span over its
    characters. Footnote marks are zero-width nodes at the position the mark stood.
    """
    ranged, points = _spans(text, links, emphasis, glosses, footnote_refs)
    root = _Open(None, 0, len(text))
    for span in sorted(ranged, key=lambda span: (span.kind.value, span.start, -span.end)):
        _insert(root, span)
    for point in points:
        node = root
        while True:  # the innermost span holding the mark strictly inside (a mark at an edge stays outside)
            index = bisect.bisect_left(node.children, point.start, key=lambda child: child.start) - 1
            if index < 0 or node.children[index].end <= point.start:
                break
            node = node.children[index]
        node.points.append(point)
    return _close(root, text)


def _insert(root: _Open, span: InlineSpan) -> None:
    """Add ``span`` to the tree of disjoint, sorted children, split into fragments where it crosses one."""
    pending = [span]
    while pending:
        span = pending.pop()
        node = root
        while True:  # descend to the innermost span containing this one
            index = bisect.bisect_right(node.children, span.start, key=lambda child: child.start) - 1
            if index < 0 or node.children[index].end < span.end:
                break
            node = node.children[index]
        children = node.children
        low = bisect.bisect_right(children, span.start, key=lambda child: child.end)
        high = bisect.bisect_left(children, span.end, key=lambda child: child.start)
        if low < high and children[low].start < span.start:  # straddles the start of a placed span
            cut = children[low].end
            pending += [attrs.evolve(span, end=cut), attrs.evolve(span, start=cut)]
        elif low < high and children[high - 1].end > span.end:  # straddles the end of one
            cut = children[high - 1].start
            pending += [attrs.evolve(span, end=cut), attrs.evolve(span, start=cut)]
        else:
            children[low:high] = [_Open(span, span.start, span.end, children[low:high])]


def _close(node: _Open, text: str) -> tuple[str | InlineNode, ...]:
    events: list[tuple[int, int, InlineSpan | _Open]] = [(point.start, 0, point) for point in node.points]
    events.extend((child.start, 1, child) for child in node.children)
    events.sort(key=lambda event: (event[0], event[1]))
    out: list[str | InlineNode] = []
    cursor = node.start
    for position, _, item in events:
        if position > cursor:
            out.append(text[cursor:position])
            cursor = position
        if isinstance(item, _Open):
            assert item.span is not None
            out.append(InlineNode(item.span, _close(item, text)))
            cursor = item.end
        else:
            out.append(InlineNode(item, ()))
    if cursor < node.end:
        out.append(text[cursor : node.end])
    return tuple(out)
