"""Stage 1: source text → lines → blocks, and the offset maps carried through every later stage."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import attrs

from .model import Span


@attrs.frozen
class Line:
    """One source line without its line break; ``number`` is 1-based."""

    text: str
    start: int
    number: int
    terminator: int = -1
    """Where the line's ``\\n`` stands in the source (``-1`` for the last line, which has none)."""

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def break_at(self) -> int:
        """The source offset a line break after this line maps to: its ``\\n``, or its end."""
        return self.terminator if self.terminator >= 0 else self.end


@attrs.frozen
class Block:
    """A maximal run of non-blank lines: the unit the layout stages reason about."""

    lines: tuple[Line, ...]
    text: str = attrs.field(init=False, eq=False, repr=False)
    """The lines joined by ``\\n``: computed once, since every stage reads it."""

    @text.default
    def _join_lines(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def start(self) -> int:
        return self.lines[0].start

    @property
    def end(self) -> int:
        return self.lines[-1].end

    @property
    def line(self) -> int:
        return self.lines[0].number

    @property
    def is_single_line(self) -> bool:
        return len(self.lines) == 1


def split_lines(source: str) -> Iterator[Line]:
    """Yield the lines of ``source``; ``\\r\\n`` and ``\\r`` count as line breaks but stay in the source."""
    start = 0
    number = 1
    length = len(source)
    while start <= length:
        newline = source.find("\n", start)
        end = length if newline == -1 else newline
        text_end = end - 1 if end > start and source[end - 1] == "\r" else end
        yield Line(source[start:text_end], start, number, newline)
        if newline == -1:
            return
        start = newline + 1
        number += 1


_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"


def is_blank(text: str) -> bool:
    return not text.strip().strip(_INVISIBLE)


def split_blocks(source: str) -> tuple[Block, ...]:
    """Group the lines of ``source`` into blocks separated by blank (whitespace-only) lines."""
    blocks: list[Block] = []
    current: list[Line] = []
    for line in split_lines(source):
        if is_blank(line.text):
            if current:
                blocks.append(Block(tuple(current)))
                current = []
        else:
            current.append(_trim(line))
    if current:
        blocks.append(Block(tuple(current)))
    return tuple(blocks)


def _trim(line: Line) -> Line:
    """Drop surrounding whitespace from a line, keeping its offsets true."""
    text = line.text
    stripped = text.strip().strip(_INVISIBLE).strip()
    if stripped == text:
        return line
    return Line(stripped, line.start + text.index(stripped), line.number, line.terminator)


@attrs.frozen
class Piece:
    """A run of derived text: ``length`` characters copied from ``source_start``, or inserted when ``inserted``."""

    out_start: int
    source_start: int
    length: int
    inserted: bool = False


@attrs.frozen
class OffsetMap:
    """Maps positions in a derived string (joined, cleaned) back to source offsets, piece by piece."""

    pieces: tuple[Piece, ...]
    _starts: tuple[int, ...] = attrs.field(init=False, eq=False, repr=False)

    @_starts.default
    def _compute_starts(self) -> tuple[int, ...]:
        return tuple(piece.out_start for piece in self.pieces)

    def to_source(self, pos: int) -> int:
        """The source offset of derived position ``pos`` (an inserted character maps to where it was inserted)."""
        if not self.pieces:
            return 0
        index = max(0, bisect.bisect_right(self._starts, pos) - 1)
        piece = self.pieces[index]
        if piece.inserted:
            return piece.source_start
        return piece.source_start + min(pos - piece.out_start, piece.length)

    def span(self, start: int, end: int) -> Span:
        """The source span covering derived positions ``start`` to ``end``."""
        if end <= start:
            at = self.to_source(start)
            return (at, at)
        return (self.to_source(start), self.to_source(end - 1) + 1)

    def slice(self, start: int, end: int) -> Iterator[Piece]:
        """The pieces behind derived positions ``start``..``end``, cut to that range.

        Each piece's ``out_start`` is relative to ``start``.
        """
        if end <= start or not self.pieces:
            return
        index = max(0, bisect.bisect_right(self._starts, start) - 1)
        while index < len(self.pieces):
            piece = self.pieces[index]
            piece_end = piece.out_start + piece.length
            if piece.out_start >= end:
                return
            lo = max(start, piece.out_start)
            hi = min(end, piece_end)
            if hi > lo:
                offset = 0 if piece.inserted else lo - piece.out_start
                yield Piece(lo - start, piece.source_start + offset, hi - lo, piece.inserted)
            index += 1


class TextBuilder:
    """Builds a derived string together with its :class:`OffsetMap`."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._pieces: list[Piece] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text``, which stands in the source at ``source_start``."""
        if text:
            self._append(text, Piece(self._length, source_start, len(text)))

    def insert(self, text: str, at_source: int) -> None:
        """Append ``text``, which is not in the source (a joining space, an unescaped character)."""
        if text:
            self._append(text, Piece(self._length, at_source, len(text), inserted=True))

    def copy_mapped(self, text: str, mapping: OffsetMap, start: int, end: int) -> None:
        """Append ``text[start:end]`` of a derived string whose map is ``mapping``."""
        for piece in mapping.slice(start, end):
            chunk = text[start + piece.out_start : start + piece.out_start + piece.length]
            if piece.inserted:
                self.insert(chunk, piece.source_start)
            else:
                self.copy(chunk, piece.source_start)

    def _append(self, text: str, piece: Piece) -> None:
        previous = self._pieces[-1] if self._pieces else None
        if (
            previous is not None
            and not piece.inserted
            and not previous.inserted
            and previous.source_start + previous.length == piece.source_start
        ):
            self._pieces[-1] = attrs.evolve(previous, length=previous.length + piece.length)
        else:
            self._pieces.append(piece)
        self._parts.append(text)
        self._length += len(text)

    def build(self) -> tuple[str, OffsetMap]:
        return "".join(self._parts), OffsetMap(tuple(self._pieces))
