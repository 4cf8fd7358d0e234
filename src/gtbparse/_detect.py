"""Telling which layout a text is in, from a cheap look at its shape."""

from __future__ import annotations

from ._segment import is_byline
from ._text import Block
from .layout import GTB_ISSUE, GTB_WEB, Layout


def detect_layout(blocks: tuple[Block, ...]) -> Layout:
    """The web-article layout for a lone article (its title first, one byline, no masthead); else the issue layout.

    A full issue has a table of contents before its first title, a masthead sidebar, or several bylines.
    """
    bylines = [index for index, block in enumerate(blocks) if is_byline(block.first_line, GTB_ISSUE)]
    has_sidebar = any(GTB_ISSUE.sidebar_start.search(block.text) for block in blocks)
    if len(bylines) == 1 and bylines[0] == 1 and not has_sidebar and not _has_page_furniture(blocks):
        return GTB_WEB
    return GTB_ISSUE


def _has_page_furniture(blocks: tuple[Block, ...]) -> bool:
    return any(
        block.is_single_line and pattern.match(block.text) is not None
        for block in blocks
        for _, pattern in GTB_ISSUE.page_furniture
    )
