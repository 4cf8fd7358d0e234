"""Stage 4: segment the flow into contents, articles (title, byline, bios) and units (items) of body blocks."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import attrs
import regex

from ._furniture import Deflowed
from ._hyphen import Vocabulary
from ._repair import Joined, Role, core_end, is_heading_shaped, is_title_case, join_blocks, looks_like_heading
from ._text import Block
from .layout import Layout
from .model import Edit


@attrs.frozen
class RawUnit:
    """One titled item (or a whole article): body blocks, main point and footnotes, still marked up."""

    body: tuple[Joined, ...]
    main_point: Joined | None
    footnotes: tuple[Joined, ...]


@attrs.frozen
class RawArticle:
    """An article's blocks; ``byline`` is ``None`` for an unsigned front piece (an editor's note)."""

    title: Block | None
    byline: Block | None
    bios: tuple[Block, ...]
    units: tuple[RawUnit, ...]
    credits: tuple[Block, ...] = ()


@attrs.frozen
class Segmented:
    """The issue cut into its parts: the contents blocks, the articles, and the join edits made."""

    contents: tuple[Block, ...]
    articles: tuple[RawArticle, ...]
    edits: tuple[Edit, ...]
    flow: tuple[Block, ...] = ()
    """The reading flow the articles were cut from: the input flow, with bylines split out of their blocks."""


def article_starts(flow: Sequence[Block], layout: Layout) -> list[int]:
    """Indices of the bylines in ``flow`` (each article's title is the block before, when there is one)."""
    return [index for index, block in enumerate(flow) if is_byline(block.first_line, layout)]


_NAME_CONNECTORS = frozenset("and & the de van von der den da du la le al bin y".split())
_MAX_BYLINE_WORDS = 24


def is_byline(text: str, layout: Layout) -> bool:
    """A byline: the marker, then names — capitalised words (ranks in parentheses allowed), not a sentence.

    ``By 2027, the PLA …`` or ``By contrast, …`` open paragraphs; they are not bylines. Without its colon the
    marker needs names of two words or more: ``By Land and Sea`` is a heading.
    """
    found = layout.byline.match(text)
    if found is None:
        return False
    names = strip_markup(found.group("names"))
    depth = 0
    words = names.split()
    if not words or len(words) > _MAX_BYLINE_WORDS:
        return False
    for word in words:
        outside = depth == 0 and not word.startswith("(")
        depth += word.count("(") - word.count(")")
        core = word.strip("“”\"‘’',")
        if outside and core and not (core[0].isupper() or core.casefold() in _NAME_CONNECTORS):
            return False
    return found.group("colon") is not None or all(len(name.split()) > 1 for name in split_names(names))


_MARKUP = regex.compile(r"\]\([^()\s]{0,2000}\)|[*_\[\]]")


def strip_markup(text: str) -> str:
    """``text`` without link, emphasis and bracket marks: what a name line says, not how it is set."""
    return _MARKUP.sub("", text)


def split_run_on_blocks(deflowed: Deflowed, layout: Layout) -> Deflowed:
    """Give every byline and list item a block of its own: a title, byline and bio printed without blank lines
    between them arrive as one block, as do a list's items printed on consecutive lines. A byline runs on over
    a line only where its names do (``… and`` / ``Bob Lee``)."""
    if all(len(block.lines) == 1 for block in deflowed.flow):
        return deflowed
    flow: list[Block] = []
    before: list[bool] = []
    for block, furniture_before in zip(deflowed.flow, deflowed.furniture_before, strict=True):
        pieces = _pieces(block, layout)
        flow.extend(pieces)
        before.extend([furniture_before] + [False] * (len(pieces) - 1))
    return attrs.evolve(deflowed, flow=tuple(flow), furniture_before=tuple(before))


def _pieces(block: Block, layout: Layout) -> list[Block]:
    lines = block.lines
    if len(lines) == 1:
        return [block]
    cuts: set[int] = set()
    for index, line in enumerate(lines):
        if layout.list_item.match(line.text):
            cuts.add(index)
        if not is_byline(line.text, layout):
            continue
        end = index + 1
        while end < len(lines) and _names_run_on(lines[end - 1].text, lines[end].text):
            end += 1
        cuts.update((index, end))
    bounds = sorted(cut for cut in cuts if 0 < cut < len(lines))
    if not bounds:
        return [block]
    edges = [0, *bounds, len(lines)]
    return [Block.from_lines(lines[start:end]) for start, end in itertools.pairwise(edges)]


def _names_run_on(line: str, following: str) -> bool:
    return line.rstrip().endswith((",", " and", "&")) or following.lstrip().startswith(("and ", "& "))


def segment(deflowed: Deflowed, source: str, layout: Layout, vocabulary: Vocabulary) -> Segmented:
    """Cut the reading flow into contents and articles, rejoining broken blocks within each article."""
    deflowed = split_run_on_blocks(deflowed, layout)
    flow = deflowed.flow
    bylines = article_starts(flow, layout)
    if not bylines:
        return Segmented(flow, (), (), flow)
    byline_set = set(bylines)
    starts = [index - 1 if index > 0 and index - 1 not in byline_set else index for index in bylines]
    names = [byline_names(flow[index], layout) for index in bylines]
    articles: list[RawArticle] = []
    edits: list[Edit] = []
    contents_end = starts[0]
    titles = [flow[start] for start, byline in zip(starts, bylines, strict=True) if start < byline]
    front = _front_piece_start(flow, starts[0], names, titles, layout)
    if front is not None:
        contents_end = front
        units, join_edits = _body(deflowed, front + 1, starts[0], source, layout, vocabulary)
        edits.extend(join_edits)
        articles.append(RawArticle(flow[front], None, (), units))
    for number, start in enumerate(starts):
        byline_index = bylines[number]
        end = starts[number + 1] if number + 1 < len(starts) else len(flow)
        title = flow[start] if start < byline_index else None
        credits_end = byline_index + 1
        while credits_end < end and layout.credit_line.match(flow[credits_end].text):
            credits_end += 1  # ``Translated by: …`` between the byline and the bio
        bios, body_start = _bios(flow, credits_end, end, names[number], layout)
        units, join_edits = _body(deflowed, body_start, end, source, layout, vocabulary)
        edits.extend(join_edits)
        credits = tuple(flow[byline_index + 1 : credits_end])
        articles.append(RawArticle(title, flow[byline_index], bios, units, credits))
    return Segmented(flow[:contents_end], tuple(articles), tuple(edits), flow)


def byline_names(byline: Block, layout: Layout) -> str:
    """The names of a byline block, run on over all its lines (as the build stage reads them)."""
    found = layout.byline.match(byline.first_line)
    return strip_markup(" ".join(byline.text[found.start("names") :].split())) if found else ""


def _body(
    deflowed: Deflowed, start: int, end: int, source: str, layout: Layout, vocabulary: Vocabulary
) -> tuple[tuple[RawUnit, ...], tuple[Edit, ...]]:
    """The units of the body ``flow[start:end]``, rejoined across breaks, and the join edits."""
    body = deflowed.flow[start:end]
    roles = _numbered_notes([_role(block, layout) for block in body], body, layout)
    joined, edits = join_blocks(body, roles, deflowed.furniture_before[start:end], source, vocabulary, layout)
    return _units(joined, layout), edits


def _front_piece_start(
    flow: Sequence[Block], end: int, names: Sequence[str], titles: Sequence[Block], layout: Layout
) -> int | None:
    """Where an unsigned front piece (an editor's note) starts among the blocks before the first article.

    The contents are short lines: titles and names. The first block of running prose ends them, and the
    heading-shaped block just before it is the front piece's title. Untitled prose is no piece: it stays
    unplaced. A block that repeats a byline's names or an article's title belongs to the contents.
    """
    prose = next((index for index in range(end) if is_prose(flow[index], layout)), None)
    if prose is None or prose == 0:
        return None
    title = flow[prose - 1]
    text = " ".join(title.text.split())
    if not title.is_single_line or not looks_like_heading(text, layout):
        return None
    listed = {" ".join(block.text.split()) for block in titles}
    if text in listed or split_names(text) in (split_names(name) for name in names):
        return None
    return prose - 1


_CONTENTS_MAX_WORDS = 25


def is_prose(block: Block, layout: Layout) -> bool:
    """Whether ``block`` is running prose, which no contents line (a title or a list of names) is.

    Prose runs over several lines or many words, or is a statement: it ends with a full stop or a colon
    (a title may end with a question mark) and is longer than a heading or has lower-case words other
    than the minor words a title leaves in lower case.
    """
    words = block.text.split()
    if not block.is_single_line or len(words) > _CONTENTS_MAX_WORDS:
        return True
    if core_end(block.text)[-1:] not in (".", ":"):
        return False
    lower = [word for word in words if word[:1].islower() and word.casefold() not in layout.heading_minor_words]
    return len(words) > layout.heading_max_words or len(lower) >= 2


def split_names(names: str) -> list[str]:
    """Split a byline's names on top-level commas and ``and``/``&`` (not inside parentheses)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    words = names.replace("&", " and ").split(" ")
    for word in words:
        depth += word.count("(") - word.count(")")
        if depth == 0 and word == "and":
            parts.append(" ".join(current))
            current = []
            continue
        if depth == 0 and word.endswith(",") and word.count("(") == word.count(")"):
            current.append(word[:-1])
            parts.append(" ".join(current))
            current = []
            continue
        current.append(word)
    parts.append(" ".join(current))
    names_out: list[str] = []
    for part in (part.strip() for part in parts):
        if not part:
            continue
        if names_out and part.rstrip(".") in ("Jr", "Sr", "II", "III", "IV", "PhD", "Ph.D", "MD"):
            names_out[-1] = f"{names_out[-1]}, {part}"
        else:
            names_out.append(part)
    return names_out


def _bios(flow: Sequence[Block], start: int, end: int, names: str, layout: Layout) -> tuple[tuple[Block, ...], int]:
    """The bio blocks after a byline: each opens with an author's name; they stop once every author is named."""
    people = [name_parts(name, layout).keys for name in split_names(names)]
    unnamed = set(range(len(people)))
    bios: list[Block] = []
    index = start
    while index < end and (unnamed or not bios):
        text = flow[index].text.lstrip("*_")  # a bio may be set in italics
        if not any(opens_with(text, key) for keys in people for key in keys):
            break
        bios.append(flow[index])
        unnamed -= {number for number, keys in enumerate(people) if any(sentence_starts(text, key) for key in keys)}
        index += 1
    if not bios and len(people) == 1 and index < end and names_in_first_sentence(flow[index].text, people[0]):
        bios.append(flow[index])  # ``A former diplomat, Lee Shu-fen now teaches …``: the bio names its author later
        index += 1
    return tuple(bios), index


def names_in_first_sentence(text: str, keys: Sequence[str]) -> bool:
    """Whether the first sentence of ``text`` names the author in full (``keys[0]``, the longest key)."""
    first = _FIRST_SENTENCE.match(text)
    return first is not None and bool(keys) and keys[0] in first.group() and len(text.split()) <= _MAX_BIO_WORDS


_FIRST_SENTENCE = regex.compile(r"[^.!?]{1,300}[.!?]?")
_MAX_BIO_WORDS = 80


NICKNAME = regex.compile(r"[“\"‘'](?P<nickname>[^”\"’'\s][^”\"’']{0,40})[”\"’']")


@attrs.frozen
class NameParts:
    """An author's name as printed, its rank, its nickname, and the ways a bio may name them."""

    name: str
    honorific: str | None
    nickname: str | None
    keys: tuple[str, ...]
    """Longest first: in full, without rank, without rank or nickname, by surname."""


def name_parts(name: str, layout: Layout) -> NameParts:
    """Take a byline name apart: ``Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson``."""
    # An affiliation in brackets after the name (``Mark Stokes (Project 2049 Institute)``) is no part of it.
    name = _AFFILIATION_AFTER.sub("", name) or name
    honorific_match = layout.honorifics.match(name)
    honorific = honorific_match.group("honorific").strip() if honorific_match else None
    unranked = name[honorific_match.end() :] if honorific_match else name
    nickname_match = NICKNAME.search(unranked)
    plain = " ".join(NICKNAME.sub("", unranked).split()) if nickname_match else unranked
    words = plain.split()
    # A romanised Chinese name puts the surname first (``Chen Yi-fan``); a bio may call its author by it, with the
    # honorific of the byline (``Dr. Chen is …``).
    chinese_order = len(words) == 2 and _HYPHENATED_GIVEN_NAME.fullmatch(words[1]) is not None
    surname = (words[0] if chinese_order else words[-1]) if words else ""
    titled = f"{honorific.strip()} {surname}" if honorific and surname else ""
    # ``the GTI Research Team``: a bio opens its sentence with ``The GTI Research Team``.
    capitalised = plain[:1].upper() + plain[1:]
    keys = sorted(
        {key for key in (name, unranked, plain, capitalised, surname, titled) if len(key) > 1}, key=len, reverse=True
    )
    nickname = nickname_match.group("nickname") if nickname_match else None
    return NameParts(name, honorific or None, nickname, tuple(keys))


def is_affiliation(part: str) -> bool:
    """Whether a comma-separated part of a byline is a position or an institution (``Senior Fellow``, ``Global
    Taiwan Institute``), not a person's name."""
    words = _AFFILIATION_AFTER.sub("", part).casefold().split()
    return any(word.strip(".,") in _AFFILIATION_WORDS for word in words)


_AFFILIATION_WORDS = frozenset(
    """fellow fellows professor director researcher analyst editor scholar lecturer chair chairman president
    institute university center centre council foundation ministry department school college academy association
    program programme office commission committee agency bureau""".split()
)
_AFFILIATION_AFTER = regex.compile(r"\s{1,3}\([^()]{2,120}\)\s{0,3}$")
_HYPHENATED_GIVEN_NAME = regex.compile(r"\p{Lu}\p{Ll}{1,6}-\p{Ll}{1,6}")


def opens_with(text: str, key: str, start: int = 0) -> bool:
    """Whether ``text`` has the name ``key`` at ``start`` as whole words (``Chin`` does not open ``China``)."""
    end = start + len(key)
    return text.startswith(key, start) and not text[end : end + 1].isalnum()


def sentence_starts(text: str, key: str) -> list[int]:
    """Where the name ``key`` opens a sentence of ``text``."""
    found = []
    position = text.find(key)
    while position != -1:
        at_sentence_start = position == 0 or text[max(0, position - 2) : position] in (". ", "! ", "? ")
        if at_sentence_start and opens_with(text, key, position):
            found.append(position)
        position = text.find(key, position + 1)
    return found


def _role(block: Block, layout: Layout) -> Role:
    text = block.text
    if layout.main_point.match(text):
        return Role.MAIN_POINT
    if layout.footnote_start.match(text):
        return Role.FOOTNOTE
    if layout.caption.match(text):
        return Role.CAPTION
    if "\n" in text and all(_TABLE_ROW.fullmatch(line) for line in text.split("\n")):
        return Role.TABLE
    return Role.TEXT


def _numbered_notes(roles: list[Role], body: Sequence[Block], layout: Layout) -> list[Role]:
    """``roles`` with notes printed as ``1. Author, Title …`` after a main point read as footnotes.

    Such a block is a note only when the text before it marks its number (``[1]``) and the number follows the note
    before it (or starts again at 1): ``1. The first lesson is …`` in the body is a numbered point, not a note.
    """
    first_main_point = roles.index(Role.MAIN_POINT) if Role.MAIN_POINT in roles else len(roles)
    if not any(layout.numbered_note_start.match(block.text) for block in body[first_main_point + 1 :]):
        return roles  # the usual case: no numbered note, so no marks to collect
    roles = list(roles)
    marked: set[int] = set()
    last_note = 0
    after_main_point = False
    for index, (block, role) in enumerate(zip(body, roles, strict=True)):
        if role is Role.MAIN_POINT:
            after_main_point = True
        elif role is Role.FOOTNOTE:
            # Notes printed ``[1] …``: a ``2. …`` block among them is no note (``paragraph`` / ``2. The …``).
            after_main_point = False
            last_note = note_number(block.text, layout) or last_note
        elif after_main_point and (found := layout.numbered_note_start.match(block.text)):
            number = int(found.group("number"))
            if number in marked and number in (1, last_note + 1):
                roles[index] = Role.FOOTNOTE
                last_note = number
                continue
        if role is not Role.FOOTNOTE:
            marked |= _marks(block.text)
    return roles


def note_number(text: str, layout: Layout) -> int | None:
    """The number a footnote opens with (``[1] …``, or ``1. …`` for a note printed as a numbered list)."""
    found = layout.footnote_start.match(text) or layout.numbered_note_start.match(text)
    return int(found.group("number")) if found else None


# A row of a table as the rendition prints it, in Markdown: ``| 2023 | 12.6 |``.
_TABLE_ROW = regex.compile(r"[ \t]{0,20}\|[^\n]{0,2000}\|[ \t]{0,20}")


def _units(joined: Sequence[Joined], layout: Layout) -> tuple[RawUnit, ...]:
    """Cut an article body into units: each ends with its main point and the footnotes after it.

    A new unit starts only at an item title: a heading-shaped block after a unit that has its body and its
    main point or footnotes. A main point printed before the body does not close the unit.
    """
    units: list[RawUnit] = []
    body: list[Joined] = []
    main_point: Joined | None = None
    notes: list[Joined] = []
    for block in joined:
        closed = bool(notes) or (main_point is not None and bool(body))
        if closed and _is_item_title(block, layout):
            units.append(RawUnit(tuple(body), main_point, tuple(notes)))
            body, main_point, notes = [], None, []
        if block.role is Role.MAIN_POINT and main_point is None and not notes:
            main_point = block
        elif block.role is Role.FOOTNOTE:
            notes.append(block)
        else:
            body.append(block)
    if body or main_point or notes or not units:
        units.append(RawUnit(tuple(body), main_point, tuple(notes)))
    if len(units) > 1:  # a column of items
        units = [piece for unit in units for piece in _split_items(unit, layout)]
        units = _notes_to_their_items(units, layout)
    return tuple(units)


# A footnote mark as printed: ``[1]``, or ``^1`` in a rendition that writes superscripts with a caret.
_MARK = regex.compile(r"\[(?P<number>\d{1,3})\](?!\()|\^(?P<caret>\d{1,3})")


def _marks(text: str) -> set[int]:
    return {int(found.group("number") or found.group("caret")) for found in _MARK.finditer(text)}


def _notes_to_their_items(units: list[RawUnit], layout: Layout) -> list[RawUnit]:
    """Give each footnote to the item whose text marks it: a column may print an item's notes after a later item.

    A note stays where it is unless its item does not mark it and exactly one other item marks it and has no note
    of that number.
    """
    marks = [
        {
            number
            for block in (*unit.body, *([unit.main_point] if unit.main_point else ()))
            for number in _marks(block.raw)
        }
        for unit in units
    ]
    numbers = [[note_number(note.raw, layout) for note in unit.footnotes] for unit in units]
    moved: list[list[Joined]] = [[] for _ in units]
    kept: list[list[Joined]] = [[] for _ in units]
    for index, unit in enumerate(units):
        for note, number in zip(unit.footnotes, numbers[index], strict=True):
            owners = [
                other
                for other in range(len(units))
                if other != index and number in marks[other] and number not in numbers[other]
            ]
            if number is not None and number not in marks[index] and len(owners) == 1:
                moved[owners[0]].append(note)
            else:
                kept[index].append(note)
    if not any(moved):
        return units
    return [
        RawUnit(unit.body, unit.main_point, tuple(sorted((*kept[index], *moved[index]), key=lambda note: note.span[0])))
        for index, unit in enumerate(units)
    ]


def _split_items(unit: RawUnit, layout: Layout) -> list[RawUnit]:
    """``unit`` cut before each heading inside its body, in a column of items.

    An item of such a column is short and has no section headings, and an item without a main point or
    footnotes has nothing else to close it: a heading after its paragraphs is the next item's title. The main
    point and footnotes go with the last piece.
    """
    body = unit.body
    cuts = [
        index
        for index in range(2, len(body))  # after the item's title and at least one paragraph
        if is_heading(body[index], body[index + 1] if index + 1 < len(body) else None, layout, body[index - 1])
    ]
    if not cuts:
        return [unit]
    bounds = [0, *cuts, len(body)]
    pieces = [RawUnit(tuple(body[start:end]), None, ()) for start, end in itertools.pairwise(bounds)]
    pieces[-1] = RawUnit(pieces[-1].body, unit.main_point, unit.footnotes)
    return pieces


def _is_item_title(block: Joined, layout: Layout) -> bool:
    return _heading_shaped(block, layout)


def is_heading(block: Joined, following: Joined | None, layout: Layout, previous: Joined | None = None) -> bool:
    """A heading is a heading-shaped block (see :func:`_heading_shaped`) followed by body text.

    Short sentence-case lines in a row are the items of a list, not headings: a heading not in title case
    must not stand next to another heading-shaped line.
    """
    if not (_heading_shaped(block, layout) and following is not None and following.role in (Role.TEXT, Role.CAPTION)):
        return False
    if is_title_case(block.raw.split(), layout):
        return True
    return not any(
        neighbour is not None
        and _heading_shaped(neighbour, layout)
        and not is_title_case(neighbour.raw.split(), layout)
        for neighbour in (previous, following)
    )


def _heading_shaped(block: Joined, layout: Layout) -> bool:
    return block.role is Role.TEXT and is_heading_shaped(block.raw, len(block.blocks), layout)
