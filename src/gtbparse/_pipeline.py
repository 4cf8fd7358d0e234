"""The pipeline: source text → blocks → flow without furniture → segmented, repaired issue → typed objects."""

from __future__ import annotations

import regex

from ._build import build_issue
from ._detect import detect_layout
from ._furniture import remove_furniture
from ._hyphen import Vocabulary
from ._segment import segment
from ._text import split_blocks
from .errors import InternalError, ParseError, line_and_column
from .layout import Layout, resolve_layout
from .model import Edit, Explained, Unplaced

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.05
# The ASCII characters of _CONTROL: in UTF-8 each is one byte, and no other character has such a byte.
_CONTROL_BYTES = bytes([*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _error(text: str, message: str, pos: int) -> ParseError:
    line, column = line_and_column(text, pos)
    return ParseError(message, pos=pos, line=line, column=column)


def _count_controls(text: str) -> int:
    """How many characters of ``text`` match ``_CONTROL``, counted on bytes (several times faster than a scan)."""
    data = text.encode("utf-8", "surrogatepass")
    return len(data) - len(data.translate(None, _CONTROL_BYTES)) + text.count("\ufffd")


def _check_input(text: str) -> None:
    if not text.strip():
        raise _error(text, "empty input: no text to parse", 0)
    if _count_controls(text) > _MAX_CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)
        raise _error(
            text,
            "binary data: too many control characters to be a text rendition",
            first.start() if first else 0,
        )


def explain(text: str, *, source_name: str | None = None, layout: Layout | str | None = None) -> Explained:
    """Parse ``text`` and return the issue with every edit, diagnostic, piece of furniture and unplaced text.

    ``layout`` names or gives the layout; by default it is detected from the text. An unknown layout name
    raises ``ValueError``, a value of another type ``TypeError``.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}")
    chosen = resolve_layout(layout)
    try:
        return _explain(text, source_name, chosen)
    except (ParseError, MemoryError):
        raise
    except Exception as error:  # a bug in a stage: users still only ever see a ParseError, marked as internal
        raise InternalError(f"internal error: {type(error).__name__}: {error}") from error


def _explain(text: str, source_name: str | None, chosen: Layout | None) -> Explained:
    _check_input(text)
    blocks = split_blocks(text)
    chosen = chosen or detect_layout(blocks)
    deflowed = remove_furniture(blocks, chosen)
    # No name is kept for the vocabulary: it (and the folded copy of the text it may hold) is freed once the
    # joins are decided, before the objects are built.
    segmented = segment(deflowed, text, chosen, Vocabulary.from_texts(block.text for block in deflowed.flow))
    if not segmented.articles:
        first = blocks[0].start if blocks else 0
        raise _error(text, "no article found: no byline such as 'By: Name' in the text", first)
    issue, inline_edits, diagnostics, unused = build_issue(text, deflowed, segmented, chosen, source_name)
    furniture_edits = tuple(
        Edit(
            "drop-furniture",
            piece.span,
            text[piece.span[0] : piece.span[1]],
            "",
            f"{piece.kind} is page furniture, not running text",
        )
        for piece in deflowed.furniture
    )
    edits = tuple(sorted((*furniture_edits, *segmented.edits, *inline_edits), key=lambda edit: edit.span))
    return Explained(
        issue=issue,
        edits=edits,
        diagnostics=tuple(sorted(diagnostics, key=lambda item: item.span)),
        furniture=deflowed.furniture,
        unplaced=tuple(Unplaced(block.text, (block.start, block.end)) for block in unused),
    )
