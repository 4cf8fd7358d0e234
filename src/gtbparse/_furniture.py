"""Stage 2: take page furniture (the masthead sidebar, page numbers, running heads) out of the flow.

The sidebar is read for the facts it carries (editors, address, the issue URL …)
before it is removed; every removal is kept as a :class:`~gtbparse.model.Furniture`.
"""

from __future__ import annotations

import attrs

from ._text import Block
from .layout import Layout, Pattern
from .model import Furniture, Masthead


@attrs.frozen
class IssueFacts:
    """What the masthead says about the issue itself."""

    volume: int | None = None
    number: int | None = None
    year: int | None = None
    month: int | None = None
    url: str | None = None
    publisher: str | None = None


@attrs.frozen
class Deflowed:
    """The blocks left in the reading flow and the furniture taken out of it.

    ``furniture_before[i]`` is true when furniture stood between ``flow[i-1]`` and ``flow[i]``.
    """

    flow: tuple[Block, ...]
    furniture_before: tuple[bool, ...]
    furniture: tuple[Furniture, ...]
    sidebars: tuple[tuple[Block, ...], ...]


def remove_furniture(blocks: tuple[Block, ...], layout: Layout) -> Deflowed:
    """Split ``blocks`` into the reading flow and the furniture dropped into it.

    Before the first byline, a special issue's cover line and the contents heading are furniture too.
    """
    flow: list[Block] = []
    before: list[bool] = []
    furniture: list[Furniture] = []
    sidebars: list[tuple[Block, ...]] = []
    pending = False
    front = True  # until the first byline
    index = 0
    while index < len(blocks):
        block = blocks[index]
        front = front and layout.byline.match(block.first_line) is None
        kind = _kind_of(block, layout.front_matter) if front else None
        if kind is not None:
            furniture.append(Furniture(kind, block.text, (block.start, block.end)))
            pending = True
            index += 1
            continue
        end = _sidebar_end(blocks, index, layout)
        if end is not None:
            sidebar = blocks[index : end + 1]
            sidebars.append(sidebar)
            furniture.append(Furniture("masthead", _joined_text(sidebar), (block.start, sidebar[-1].end)))
            pending = True
            index = end + 1
            continue
        kind = _kind_of(block, layout.page_furniture) or _notes_heading(blocks, index, layout)
        if kind is not None:
            furniture.append(Furniture(kind, block.text, (block.start, block.end)))
            pending = True
        else:
            flow.append(block)
            before.append(pending)
            pending = False
        index += 1
    return Deflowed(tuple(flow), tuple(before), tuple(furniture), tuple(sidebars))


def _notes_heading(blocks: tuple[Block, ...], index: int, layout: Layout) -> str | None:
    """``notes-heading`` for a label over the footnotes (``Endnotes``), which only the first footnote follows."""
    following = blocks[index + 1] if index + 1 < len(blocks) else None
    if following is None or not layout.footnote_start.match(following.text):
        return None
    label = blocks[index]
    return "notes-heading" if label.is_single_line and layout.notes_heading.match(label.text) else None


def _joined_text(blocks: tuple[Block, ...]) -> str:
    return "\n\n".join(block.text for block in blocks)


def _sidebar_end(blocks: tuple[Block, ...], index: int, layout: Layout) -> int | None:
    """The index of the sidebar's last block if a sidebar starts at ``index``."""
    first = blocks[index]
    starts = layout.sidebar_start.search(first.text) is not None or (
        _is_role(first, layout)
        and index + 2 < len(blocks)
        and _is_role(blocks[index + 2], layout)
        and not _is_role(blocks[index + 1], layout)
        # a role-shaped line of text just before the sidebar's own opening line is no part of it
        and layout.sidebar_start.search(blocks[index + 1].text) is None
    )
    if not starts:
        return None
    limit = min(len(blocks), index + layout.sidebar_max_blocks)
    for end in range(index, limit):
        if layout.sidebar_end.search(blocks[end].text):
            return end
    return None


def _is_role(block: Block, layout: Layout) -> bool:
    return block.is_single_line and layout.editor_role.match(block.text) is not None


def cover_title(furniture: tuple[Furniture, ...], layout: Layout) -> str | None:
    """The special issue's title, from its cover line among the removed ``furniture``, or ``None``."""
    patterns = [pattern for kind, pattern in layout.front_matter if kind == "cover-title"]
    for piece in furniture:
        if piece.kind != "cover-title":
            continue
        for pattern in patterns:
            if found := pattern.match(piece.text):
                return found.group("title").strip()
    return None


def _kind_of(block: Block, patterns: tuple[tuple[str, Pattern], ...]) -> str | None:
    """The kind of the first ``(kind, pattern)`` whose pattern matches the one-line ``block``."""
    if not block.is_single_line:
        return None
    for kind, pattern in patterns:
        if pattern.match(block.text):
            return kind
    return None


def read_masthead(sidebar: tuple[Block, ...], layout: Layout) -> tuple[Masthead, IssueFacts]:
    """Read the editors, contact details and issue facts out of one masthead sidebar."""
    editors: list[tuple[str, str]] = []
    url = email = subscribe_url = copyright_line = publisher = None
    year = None
    email_block: Block | None = None
    for index, block in enumerate(sidebar):
        text = block.text
        if _is_role(block, layout) and index + 1 < len(sidebar):
            following = sidebar[index + 1]
            if not _is_role(following, layout) and following.is_single_line:
                editors.append((text, following.text))
        if url is None and (found := layout.web_source.search(text)):
            url = found.group("url")
        if subscribe_url is None and "subscribe" in text.lower():
            found = layout.subscribe.search(text)
            if found is None and index + 1 < len(sidebar):
                found = layout.subscribe.search("subscribe " + sidebar[index + 1].text)
            if found:
                subscribe_url = found.group("url")
        if email is None and (found := layout.email.search(text)):
            email = found.group()
            email_block = block
        if copyright_line is None and (found := layout.copyright.match(text)):
            copyright_line = text
            publisher = found.group("holder")
            year = int(found.group("year"))
    found = layout.issue_url.search(url) if url else None
    if found is None:
        found = next(filter(None, (layout.issue_label.search(block.text) for block in sidebar)), None)
    groups = found.groupdict() if found else {}
    facts = IssueFacts(
        volume=_number(groups.get("volume")),
        number=_number(groups.get("number")),
        year=_number(groups.get("year")) or year,
        month=_number(groups.get("month")),
        url=url,
        publisher=publisher,
    )
    address = _address(email_block, email, publisher) if email_block else None
    masthead = Masthead(
        editors=tuple(editors),
        address=address,
        email=email,
        subscribe_url=subscribe_url,
        copyright=copyright_line,
        span=(sidebar[0].start, sidebar[-1].end),
    )
    return masthead, facts


def _number(text: str | None) -> int | None:
    return int(text) if text else None


def _address(block: Block, email: str | None, publisher: str | None) -> str | None:
    lines = [
        line.text.strip()
        for line in block.lines
        if line.text.strip() and (email is None or email not in line.text) and line.text.strip() != publisher
    ]
    return " ".join(lines) or None
