"""Stage 1: source text → lines → blocks, and the offset maps carried through every later stage."""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Iterator, Sequence

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
    """A maximal run of non-blank lines: the unit the layout stages reason about.

    A block keeps its lines as its text and two tuples of numbers, not as :class:`Line` objects, which
    :attr:`lines` makes on demand: an archive has tens of thousands of blocks, all alive until the objects
    are built, and tuples of numbers cost the garbage collector nothing once it has seen them.
    """

    text: str
    """The lines joined by ``\\n``."""
    line: int
    """The number of the first line (1-based); the others follow it."""
    starts: tuple[int, ...]
    """Where each line starts in the source."""
    terminators: tuple[int, ...]
    """Where each line's ``\\n`` stands in the source (``-1`` for the last line of the source)."""
    start: int = attrs.field(init=False, eq=False, repr=False)
    end: int = attrs.field(init=False, eq=False, repr=False)

    @start.default
    def _first_start(self) -> int:
        return self.starts[0]

    @end.default
    def _last_end(self) -> int:
        return self.starts[-1] + len(self.text) - (self.text.rfind("\n") + 1)

    @classmethod
    def from_lines(cls, lines: Sequence[Line]) -> Block:
        """The block made of ``lines`` (at least one, consecutive)."""
        return cls(
            "\n".join(line.text for line in lines),
            lines[0].number,
            tuple(line.start for line in lines),
            tuple(line.terminator for line in lines),
        )

    @property
    def lines(self) -> tuple[Line, ...]:
        """The block's lines."""
        return tuple(
            Line(text, start, self.line + index, terminator)
            for index, (text, start, terminator) in enumerate(
                zip(self.text.split("\n"), self.starts, self.terminators, strict=True)
            )
        )

    @property
    def first_line(self) -> str:
        """The text of the first line."""
        return self.text.partition("\n")[0]

    @property
    def is_single_line(self) -> bool:
        return len(self.starts) == 1


def split_lines(source: str) -> Iterator[Line]:
    """Yield the lines of ``source``.

    ``\\n`` ends a line (a ``\\r`` before it stays in the source, outside the line's text); a lone ``\\r`` does not.
    """
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


def trim(text: str) -> str:
    """``text`` without surrounding whitespace and zero-width characters, however they alternate."""
    while True:
        trimmed = text.strip().strip(_INVISIBLE)
        if trimmed == text:
            return text
        text = trimmed


def is_blank(text: str) -> bool:
    return not trim(text)


def split_blocks(source: str) -> tuple[Block, ...]:
    """Group the lines of ``source`` into blocks separated by blank (whitespace-only) lines.

    The lines are those of :func:`split_lines`, trimmed of surrounding whitespace and zero-width characters
    (their offsets adjusted to match). The loop does not call :func:`split_lines`: it runs for every line of
    the input, and one ``str.split`` is cheaper.
    """
    blocks: list[Block] = []
    texts: list[str] = []
    starts: list[int] = []
    terminators: list[int] = []
    first = 0
    pieces = source.split("\n")
    last = len(pieces) - 1
    start = 0
    for index, piece in enumerate(pieces):
        text = piece[:-1] if piece[-1:] == "\r" else piece
        stripped = trim(text)
        if stripped:
            if not texts:
                first = index + 1
            texts.append(stripped)
            starts.append(start + (0 if stripped == text else text.index(stripped)))
            terminators.append(start + len(piece) if index < last else -1)
        elif texts:
            blocks.append(Block("\n".join(texts), first, tuple(starts), tuple(terminators)))
            texts, starts, terminators = [], [], []
        start += len(piece) + 1
    if texts:
        blocks.append(Block("\n".join(texts), first, tuple(starts), tuple(terminators)))
    return tuple(blocks)


@attrs.frozen
class Piece:
    """A run of derived text: ``length`` characters copied from ``source_start``, or inserted when ``inserted``."""

    out_start: int
    source_start: int
    length: int
    inserted: bool = False


@attrs.frozen
class OffsetMap:
    """Maps positions in a derived string (joined, cleaned) back to source offsets, piece by piece.

    The pieces are kept as four parallel tuples (where each piece starts in the derived string, where it
    comes from, its length, whether it was inserted) rather than as :class:`Piece` objects: maps are built
    and composed for every paragraph, and flat tuples make that cheap.
    """

    starts: tuple[int, ...]
    sources: tuple[int, ...]
    lengths: tuple[int, ...]
    inserted: tuple[bool, ...]

    @classmethod
    def from_pieces(cls, pieces: Iterable[Piece]) -> OffsetMap:
        """The map made of ``pieces`` (in derived-text order)."""
        listed = list(pieces)
        return cls(
            tuple(piece.out_start for piece in listed),
            tuple(piece.source_start for piece in listed),
            tuple(piece.length for piece in listed),
            tuple(piece.inserted for piece in listed),
        )

    @property
    def pieces(self) -> tuple[Piece, ...]:
        """The map as :class:`Piece` objects."""
        return tuple(map(Piece, self.starts, self.sources, self.lengths, self.inserted))

    def to_source(self, pos: int) -> int:
        """The source offset of derived position ``pos`` (an inserted character maps to where it was inserted)."""
        starts = self.starts
        if not starts:
            return 0
        index = bisect.bisect_right(starts, pos) - 1
        if index < 0:
            index = 0
        if self.inserted[index]:
            return self.sources[index]
        return self.sources[index] + min(pos - starts[index], self.lengths[index])

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
        starts = self.starts
        if end <= start or not starts:
            return
        first = max(0, bisect.bisect_right(starts, start) - 1)
        for index in range(first, len(starts)):
            out_start = starts[index]
            if out_start >= end:
                return
            lo = max(start, out_start)
            hi = min(end, out_start + self.lengths[index])
            if hi > lo:
                inserted = self.inserted[index]
                source = self.sources[index] + (0 if inserted else lo - out_start)
                yield Piece(lo - start, source, hi - lo, inserted)


_EMPTY_MAP = OffsetMap((), (), (), ())


class TextBuilder:
    """Builds a derived string together with its :class:`OffsetMap`."""

    __slots__ = ("_inserted", "_length", "_lengths", "_parts", "_sources", "_starts")

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._starts: list[int] = []
        self._sources: list[int] = []
        self._lengths: list[int] = []
        self._inserted: list[bool] = []
        self._length = 0

    def __len__(self) -> int:
        return self._length

    def copy(self, text: str, source_start: int) -> None:
        """Append ``text``, which stands in the source at ``source_start``."""
        length = len(text)
        if not length:
            return
        lengths = self._lengths
        # Text that continues the previous copied piece in the source extends that piece.
        if lengths and not self._inserted[-1] and self._sources[-1] + lengths[-1] == source_start:
            lengths[-1] += length
        else:
            self._starts.append(self._length)
            self._sources.append(source_start)
            lengths.append(length)
            self._inserted.append(False)
        self._parts.append(text)
        self._length += length

    def insert(self, text: str, at_source: int) -> None:
        """Append ``text``, which is not in the source (a joining space, an unescaped character)."""
        length = len(text)
        if not length:
            return
        self._starts.append(self._length)
        self._sources.append(at_source)
        self._lengths.append(length)
        self._inserted.append(True)
        self._parts.append(text)
        self._length += length

    def copy_mapped(self, text: str, mapping: OffsetMap, start: int, end: int) -> None:
        """Append ``text[start:end]`` of a derived string whose map is ``mapping``."""
        starts = mapping.starts
        count = len(starts)
        if end <= start or not count:
            return
        sources, lengths, inserted = mapping.sources, mapping.lengths, mapping.inserted
        index = bisect.bisect_right(starts, start) - 1
        if index < 0:
            index = 0
        while index < count:
            out_start = starts[index]
            if out_start >= end:
                return
            lo = start if start > out_start else out_start
            hi = out_start + lengths[index]
            if end < hi:
                hi = end
            if hi > lo:
                if inserted[index]:
                    self.insert(text[lo:hi], sources[index])
                else:
                    self.copy(text[lo:hi], sources[index] + lo - out_start)
            index += 1

    def build(self) -> tuple[str, OffsetMap]:
        if not self._starts:
            return "", _EMPTY_MAP
        return "".join(self._parts), OffsetMap(
            tuple(self._starts), tuple(self._sources), tuple(self._lengths), tuple(self._inserted)
        )
