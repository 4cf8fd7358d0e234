"""The pipeline: source text → blocks → flow without furniture → segmented, repaired issue → typed objects."""

from __future__ import annotations

import regex

from ._build import build_issue
from ._detect import detect_layout
from ._furniture import remove_furniture
from ._hyphen import Vocabulary
from ._segment import segment
from ._text import split_blocks
from .errors import ParseError, line_and_column
from .layout import Layout, get_layout
from .model import Edit, Explained, Unplaced

_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
_MAX_CONTROL_SHARE = 0.05


def _error(text: str, message: str, pos: int) -> ParseError:
    line, column = line_and_column(text, pos)
    return ParseError(message, pos=pos, line=line, column=column)


def _check_input(text: str) -> None:
    if not text.strip():
        raise _error(text, "empty input: no text to parse", 0)
    controls = _CONTROL.findall(text)
    if len(controls) > _MAX_CONTROL_SHARE * len(text):
        first = _CONTROL.search(text)
        raise _error(
            text,
            "binary data: too many control characters to be a text rendition",
            first.start() if first else 0,
        )


def explain(text: str, *, source_name: str | None = None, layout: Layout | str | None = None) -> Explained:
    """Parse ``text`` and return the issue with every edit, diagnostic, piece of furniture and unplaced text.

    ``layout`` names or gives the layout; by default it is detected from the text.
    """
    if not isinstance(text, str):
        raise TypeError(f"parse() takes text (str), not {type(text).__name__}")
    chosen = get_layout(layout) if isinstance(layout, str) else layout
    try:
        return _explain(text, source_name, chosen)
    except (ParseError, MemoryError):
        raise
    except Exception as error:  # a bug in a stage: users still only ever see ParseError
        raise _error(text, f"internal error: {type(error).__name__}: {error}", 0) from error


def _explain(text: str, source_name: str | None, chosen: Layout | None) -> Explained:
    _check_input(text)
    blocks = split_blocks(text)
    chosen = chosen or detect_layout(blocks)
    deflowed = remove_furniture(blocks, chosen)
    vocabulary = Vocabulary.from_texts(block.text for block in deflowed.flow)
    segmented = segment(deflowed, text, chosen, vocabulary)
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
