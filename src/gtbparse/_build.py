"""Stage 6: typed objects from the segmented issue — inline markup, glosses and citations resolved."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from ._furniture import Deflowed, IssueFacts, cover_title, read_masthead
from ._glosses import find_glosses, settle_scripts
from ._inline import Inline, parse_inline
from ._repair import ATTRIBUTION, Joined, Role, copy_block, looks_like_heading
from ._segment import (
    NameParts,
    RawArticle,
    RawUnit,
    Segmented,
    is_affiliation,
    is_heading,
    is_prose,
    name_parts,
    names_in_first_sentence,
    sentence_starts,
    split_names,
    strip_markup,
)
from ._text import Block, OffsetMap, TextBuilder
from .layout import Layout
from .model import (
    Article,
    Author,
    Citation,
    ContentsEntry,
    Diagnostic,
    Edit,
    Emphasis,
    Footnote,
    Gloss,
    Issue,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
    Severity,
    Span,
)

_NEWLINE = regex.compile(r"\n")
_OPENING_QUOTE = ("“", '"', "‘", "'", "「", "『")
_CLOSING_QUOTE = regex.compile(r"[”\"’'」』](?:\s*\[\d{1,3}\])*\s*$")
# A quotation's end with a short note after it: ``… with exchange.” (Author’s translation.) [1]``.
_CLOSING_QUOTE_AND_NOTE = regex.compile(r"[”\"’'」』](?:\s*\([^()\n]{1,100}\))?(?:\s*\[\d{1,3}\])*\s*$")
_MAX_QUOTED_PARAGRAPHS = 6
_COLON_END = regex.compile(r":\*{0,2}\s*$|:\s*\]\([^()\s]*\)\s*$")


@attrs.define
class _Context:
    """What the build stage collects besides the objects: edits, diagnostics and the blocks it used."""

    source: str
    layout: Layout
    edits: list[Edit] = attrs.Factory(list)
    diagnostics: list[Diagnostic] = attrs.Factory(list)
    used: set[int] = attrs.Factory(set)
    line_starts: list[int] | None = None
    last_footnote: int = 0
    """The number of the last footnote built so far, for notes numbered through the issue."""

    def diagnose(self, code: str, severity: Severity, message: str, span: Span) -> None:
        if self.line_starts is None:  # counted once: a diagnostic per block must not rescan the source
            self.line_starts = [0, *(found.end() for found in _NEWLINE.finditer(self.source))]
        line = bisect.bisect_right(self.line_starts, span[0])
        column = span[0] - self.line_starts[line - 1] + 1
        self.diagnostics.append(Diagnostic(code, severity, message, span, line, column))

    def use(self, *blocks: Block) -> None:
        self.used.update(block.start for block in blocks)

    def inline(self, raw: str, mapping: OffsetMap, *, marks: bool = True, keep_lines: bool = False) -> Inline:
        result = parse_inline(raw, mapping, marks=marks, keep_lines=keep_lines)
        self.edits.extend(result.edits)
        return result


def build_issue(
    source: str,
    deflowed: Deflowed,
    segmented: Segmented,
    layout: Layout,
    source_name: str | None,
) -> tuple[Issue, tuple[Edit, ...], tuple[Diagnostic, ...], tuple[Block, ...]]:
    """Build the :class:`Issue`; also return the inline edits, the diagnostics and the blocks left unused."""
    context = _Context(source, layout)
    masthead: Masthead | None = None
    facts = IssueFacts()
    if deflowed.sidebars:
        masthead, facts = read_masthead(deflowed.sidebars[0], layout)
        for sidebar in deflowed.sidebars[1:]:
            again, _ = read_masthead(sidebar, layout)
            if again.editors and again.editors != masthead.editors:  # a shorter sidebar may list no editors
                context.diagnose(
                    "masthead-differs",
                    Severity.WARNING,
                    "a later masthead sidebar lists other editors than the first; the first is kept",
                    again.span,
                )
    elif layout.expects_masthead:
        context.diagnose("masthead-missing", Severity.INFO, "no masthead sidebar found", (0, 0))
    articles = tuple(_article(raw, context) for raw in segmented.articles)
    contents = _contents(segmented.contents, articles, context)
    unused = tuple(block for block in segmented.flow if block.start not in context.used)
    for block in unused:
        context.diagnose(
            "unplaced-text", Severity.WARNING, "text that fits no part of the issue", (block.start, block.end)
        )
    issue = Issue(
        volume=facts.volume,
        number=facts.number,
        year=facts.year,
        month=facts.month,
        title=cover_title(deflowed.furniture, layout),
        url=facts.url,
        publisher=facts.publisher,
        masthead=masthead,
        contents=contents,
        articles=articles,
        source_name=source_name,
        layout=layout.name,
        span=(0, len(source)),
    )
    issue = settle_scripts(issue)
    return issue, tuple(context.edits), tuple(context.diagnostics), unused


def _block_inline(block: Block, context: _Context, skip: int = 0) -> Inline:
    builder = TextBuilder()
    copy_block(builder, block)
    raw, mapping = builder.build()
    if skip:
        raw, mapping = _tail(raw, mapping, skip)
    return context.inline(raw, mapping)


def _tail(raw: str, mapping: OffsetMap, offset: int, end: int | None = None) -> tuple[str, OffsetMap]:
    builder = TextBuilder()
    builder.copy_mapped(raw, mapping, offset, len(raw) if end is None else end)
    return builder.build()


def _without_closing_marker(label: str, raw: str, mapping: OffsetMap) -> tuple[str, OffsetMap]:
    """``raw`` less the emphasis marker that closes one the ``label`` opened: the whole of ``*The main point: …*`` is
    set in italics, and the label took the opening ``*`` with it."""
    opened = label[: len(label) - len(label.lstrip("*_"))]
    if not opened or opened in label.partition(":")[2]:  # none opened, or closed right after the colon
        return raw, mapping
    stripped = raw.rstrip()
    if not stripped.endswith(opened[::-1]):
        return raw, mapping
    return _tail(raw, mapping, 0, len(stripped) - len(opened))


def _contents(blocks: Sequence[Block], articles: Sequence[Article], context: _Context) -> tuple[ContentsEntry, ...]:
    """Read the table of contents: titles, each followed by its author line."""
    titles = {_normal(article.title) for article in articles}
    # title, subtitle (one at most), author lines, indented item titles
    entries: list[tuple[Block, list[Block], list[Block], list[Block]]] = []
    for block in blocks:
        text = _normal(block.text)
        page = _page_reference(text, titles)
        is_known_title = (text[: page.start()] if page else text) in titles
        if not is_known_title and is_prose(block, context.layout):
            continue  # left unused: reported as unplaced
        if entries and not is_known_title and context.source[block.start - 1 : block.start] in (" ", "\t"):
            entries[-1][3].append(block)  # an indented line under an entry: a title of one of its items
        elif is_known_title or not entries or entries[-1][2]:
            entries.append((block, [], [], []))
        elif not entries[-1][1] and not _names_like(strip_markup(text)):
            entries[-1][1].append(block)  # a line under the title that names no one: its subtitle
        else:
            entries[-1][2].append(block)
    result: list[ContentsEntry] = []
    for title_block, subtitle_blocks, author_blocks, item_blocks in entries:
        context.use(title_block, *subtitle_blocks, *author_blocks, *item_blocks)
        authors = tuple(name for block in author_blocks for name in split_names(_block_inline(block, context).text))
        end = max(block.end for block in (title_block, *subtitle_blocks, *author_blocks, *item_blocks))
        title = _block_inline(title_block, context).text
        page = _page_reference(title, titles)
        entry = ContentsEntry(
            title[: page.start()] if page else title,
            authors,
            page=int(page.group("page")) if page else None,
            subtitle=_block_inline(subtitle_blocks[0], context).text if subtitle_blocks else None,
            items=tuple(_block_inline(block, context).text for block in item_blocks),
            span=(title_block.start, end),
        )
        result.append(entry)
    return tuple(result)


_NAME_PARTICLES = frozenset("the de da del der van von du la le bin binti al el".split())


def _names_like(text: str) -> bool:
    """Whether ``text`` reads as a list of names: every word outside parentheses and quotation marks is capitalised
    or a particle (``de``, ``van``). ``Local Content Rules and the Cost of Going Green`` is no list of names."""
    bare = regex.sub(r"\([^()]{0,100}\)|“[^”]{0,50}”|\"[^\"]{0,50}\"", " ", text)
    words = [word for part in split_names(bare) for word in part.split()]
    return bool(words) and all(word[:1].isupper() or word in _NAME_PARTICLES for word in words)


# A page number after a contents title, after dot leaders (``Title ........ 4``) or a space (``Title 4``).
# Every run is bounded, so that a search over a long run of dots or spaces stays linear.
_PAGE_REFERENCE = regex.compile(
    r"(?r)(?P<leader>[ \t]{0,20}(?:\.[ \t]?){2,300}[ \t]{0,20}|[ \t]{0,20}…{1,100}[ \t]{0,20}|[ \t]{1,20})"
    r"(?P<page>\d{1,3})[ \t]{0,20}$"
)


def _page_reference(text: str, titles: set[str]) -> regex.Match[str] | None:
    """The page number after a contents ``text``: after dot leaders always, after a space only when what stands
    before it is an article's title (``Made in China 2025`` keeps its number)."""
    found = _PAGE_REFERENCE.search(text)
    if found is None or (found.group("leader").strip() == "" and text[: found.start()] not in titles):
        return None
    return found


def _normal(text: str) -> str:
    return " ".join(text.split())


def _article(raw: RawArticle, context: _Context) -> Article:
    """An article; an unsigned front piece (no byline) is an article with no authors."""
    layout = context.layout
    title = ""
    head = raw.title or raw.byline
    start = head.start if head is not None else 0
    if raw.title is not None:
        title = _block_inline(raw.title, context).text
        context.use(raw.title)
    elif raw.byline is not None:
        context.diagnose("title-missing", Severity.WARNING, "a byline with no title before it", _span(raw.byline))
    authors: tuple[Author, ...] = ()
    if raw.byline is not None:
        context.use(raw.byline)  # a bio block is used once it is given to an author; else it is reported unplaced
        names = layout.byline.match(raw.byline.first_line)
        skip = names.start("names") if names else 0
        byline_text = _block_inline(raw.byline, context, skip).text
        authors = _authors(raw, byline_text, context, raw.byline)
    context.use(*raw.credits)
    credits = tuple(_block_inline(block, context).text for block in raw.credits)
    multi = len(raw.units) > 1 or _normal(title) in layout.multi_item_titles
    units = tuple(_unit(unit, context, titled=multi) for unit in raw.units)
    end = max([head.end if head else 0, *(block.end for block in raw.bios), *(_unit_end(unit) for unit in raw.units)])
    if multi:
        return Article(title=title, authors=authors, items=units, credits=credits, span=(start, end))
    only = units[0]
    return attrs.evolve(only, title=title, authors=authors, credits=credits, span=(start, end))


def _unit_end(unit: RawUnit) -> int:
    ends = [block.span[1] for block in (*unit.body, *unit.footnotes)]
    if unit.main_point:
        ends.append(unit.main_point.span[1])
    return max(ends, default=0)


def _authors(raw: RawArticle, byline_text: str, context: _Context, byline: Block) -> tuple[Author, ...]:
    """The byline's authors, each with the part of the bio blocks that is about them."""
    parts = split_names(byline_text)
    # ``By: Jane Doe, Senior Fellow, Global Taiwan Institute``: the parts after a name that name no one are its
    # author's affiliation, the bio when no bio line follows.
    affiliation = [part for index, part in enumerate(parts) if index and is_affiliation(part)]
    names = [name_parts(name, context.layout) for name in parts if name not in affiliation]
    bios: dict[int, tuple[str, Span]] = {}
    for block in raw.bios:
        text = _block_inline(block, context).text
        starts = sorted(
            {
                (position, index)
                for index, name in enumerate(names)
                for key in name.keys
                for position in sentence_starts(text, key)
            }
        )
        # ``Sofie Lindqvist and Tsai Pei-jung are research associates …``: one sentence for two authors, each's bio.
        shared = _shared_bio(text, names)
        if shared:
            for index in shared:
                bios[index] = (text.strip(), (block.start, block.end))
            context.use(block)
            continue
        # A sentence naming the same author as the one before it continues that author's bio.
        kept: list[tuple[int, int]] = []
        for position, index in starts:
            if not kept or (position != kept[-1][0] and index != kept[-1][1]):
                kept.append((position, index))
        for number, (position, index) in enumerate(kept):
            end = kept[number + 1][0] if number + 1 < len(kept) else len(text)
            part = text[position:end].strip()
            if index in bios:  # named again in a later block: the bio goes on there
                earlier, span = bios[index]
                part, block_span = f"{earlier} {part}", (span[0], block.end)
            else:
                block_span = (block.start, block.end)
            bios[index] = (part, block_span)
        if not kept and len(names) == 1 and names_in_first_sentence(text, names[0].keys):
            kept = [(0, 0)]  # the one author's bio names them later in its first sentence
            bios[0] = (text.strip(), (block.start, block.end))
        if kept:
            context.use(block)
    if affiliation and len(names) == 1 and 0 not in bios:
        bios[0] = (", ".join(affiliation), _span(byline))
    authors: list[Author] = []
    for index, name in enumerate(names):
        bio = bios.get(index)
        if bio is None:
            context.diagnose("bio-missing", Severity.INFO, f"no bio found for {name.name}", _span(byline))
        authors.append(
            Author(
                name=name.name,
                bio=bio[0] if bio else None,
                honorific=name.honorific,
                nickname=name.nickname,
                span=bio[1] if bio else _span(byline),
            )
        )
    return tuple(authors)


def _shared_bio(text: str, names: Sequence[NameParts]) -> list[int]:
    """The authors a bio opens by naming together (``A and B are …``), when it is one sentence about them all."""
    if len(names) < 2 or len(_SENTENCE_BREAK.findall(text.strip())) > 0:
        return []
    opening = text.split(" are ", 1)[0] if " are " in text else ""
    named = [index for index, name in enumerate(names) if any(key in opening for key in name.keys if " " in key)]
    return named if len(named) == len(names) and " and " in opening else []


_SENTENCE_BREAK = regex.compile(r"[.!?][”’\"]?\s+\p{Lu}")


def _span(block: Block) -> Span:
    return (block.start, block.end)


def _unit(unit: RawUnit, context: _Context, *, titled: bool) -> Article:
    layout = context.layout
    body = list(unit.body)
    for block in (*body, *unit.footnotes):
        context.use(*block.blocks)
    if unit.main_point:
        context.use(*unit.main_point.blocks)
    title = ""
    if titled and body and looks_like_heading(body[0].raw, layout) and len(body[0].blocks) == 1:
        title = context.inline(body[0].raw, body[0].mapping).text
        body = body[1:]
    elif titled:
        context.diagnose(
            "item-title-missing",
            Severity.WARNING,
            "an item with no title",
            unit.body[0].span if unit.body else (0, 0),
        )
    sections = _sections(body, context)
    main_point = None
    if unit.main_point:
        found = layout.main_point.match(unit.main_point.raw)
        raw, mapping = _tail(unit.main_point.raw, unit.main_point.mapping, found.end() if found else 0)
        raw, mapping = _without_closing_marker(found.group() if found else "", raw, mapping)
        main_point = _paragraph(raw, mapping, unit.main_point.span, ParagraphKind.BODY, context)
    footnotes = tuple(_footnote(block, context) for block in unit.footnotes)
    start = min([block.span[0] for block in unit.body] or [0])
    article = Article(
        title=title,
        sections=sections,
        main_point=main_point,
        footnotes=footnotes,
        span=(start, _unit_end(unit)),
    )
    _check_footnotes(article, context)
    return article


def _sections(body: Sequence[Joined], context: _Context) -> tuple[Section, ...]:
    sections: list[Section] = []
    heading: str | None = None
    heading_span: Span | None = None
    paragraphs: list[Paragraph] = []
    previous_raw = ""
    previous_kind: ParagraphKind | None = None
    quotation_end = -1  # the last paragraph of a quotation over several paragraphs

    def close() -> None:
        if heading is not None or paragraphs:
            start = heading_span[0] if heading_span is not None else paragraphs[0].span[0]
            end = paragraphs[-1].span[1] if paragraphs else start
            if heading_span is not None:  # a heading with no paragraph under it still covers its own text
                end = max(end, heading_span[1])
            sections.append(Section(heading, tuple(paragraphs), span=(start, end)))

    for index, block in enumerate(body):
        following = body[index + 1] if index + 1 < len(body) else None
        previous = body[index - 1] if index else None
        if is_heading(block, following, context.layout, previous):
            close()
            heading = context.inline(block.raw, block.mapping).text
            heading_span = block.span
            paragraphs = []
            previous_raw, previous_kind = "", None
            continue
        kind = ParagraphKind.BODY
        raw, mapping = block.raw, block.mapping
        if block.role is Role.CAPTION:
            kind = ParagraphKind.CAPTION
        elif block.role is Role.TABLE:
            kind = ParagraphKind.TABLE
        elif bullet := context.layout.list_item.match(raw):
            kind = ParagraphKind.LIST_ITEM
            raw, mapping = _tail(raw, mapping, bullet.end())
        elif index <= quotation_end or _is_blockquote(block.raw, previous_raw):
            kind = ParagraphKind.BLOCKQUOTE
        elif previous_kind is ParagraphKind.BLOCKQUOTE and (_quotes_again(block.raw) or ATTRIBUTION.match(block.raw)):
            kind = ParagraphKind.BLOCKQUOTE  # a second quotation after the first (its translation), or its source
        elif following is not None and ATTRIBUTION.match(following.raw) and _wholly_quoted(block.raw):
            kind = ParagraphKind.BLOCKQUOTE  # an epigraph: a quotation with its source under it
        elif heading is not None and not paragraphs and _wholly_quoted(block.raw):
            kind = ParagraphKind.BLOCKQUOTE  # a heading introduces the quotation under it as a colon would
        elif (end := _quotation_end(body, index, previous_raw)) is not None:
            kind, quotation_end = ParagraphKind.BLOCKQUOTE, end
        paragraphs.append(_paragraph(raw, mapping, block.span, kind, context))
        previous_raw, previous_kind = block.raw, kind
    close()
    return tuple(sections)


def _quotation_end(body: Sequence[Joined], index: int, previous_raw: str) -> int | None:
    """Where a quotation over several paragraphs that starts at ``body[index]`` ends, or ``None``.

    As printed, each of its paragraphs opens with a quotation mark and only the last one closes it; the
    first follows a paragraph that introduces it with a colon.
    """
    first = body[index].raw
    if not (first.startswith(_OPENING_QUOTE) and _COLON_END.search(previous_raw)) or _CLOSING_QUOTE.search(first):
        return None
    for following in range(index + 1, min(len(body), index + _MAX_QUOTED_PARAGRAPHS)):
        block = body[following]
        if block.role is not Role.TEXT or not block.raw.startswith(_OPENING_QUOTE):
            return None
        if _CLOSING_QUOTE.search(block.raw):
            return following
    return None


_QUOTE_PAIRS = {"“": "”", '"': '"', "‘": "’"}


def _wholly_quoted(raw: str) -> bool:
    """Whether ``raw`` is one quotation from its first character to its end (footnote marks aside)."""
    closing = _QUOTE_PAIRS.get(raw[:1])
    end = _CLOSING_QUOTE.search(raw)
    return closing is not None and end is not None and raw.find(closing, 1) == end.start()


def _quotes_again(raw: str) -> bool:
    """Whether ``raw`` is a quotation from its first character to its end, a short note such as ``(Author’s
    translation.)`` and footnote marks aside: after a block quote, such a paragraph is one too."""
    return raw.startswith(_OPENING_QUOTE) and _CLOSING_QUOTE_AND_NOTE.search(raw) is not None


def _is_blockquote(raw: str, previous_raw: str) -> bool:
    """A quotation set off as its own paragraph after one that introduces it with a colon."""
    return (
        raw.startswith(_OPENING_QUOTE)
        and _CLOSING_QUOTE.search(raw) is not None
        and _COLON_END.search(previous_raw) is not None
    )


def _paragraph(raw: str, mapping: OffsetMap, span: Span, kind: ParagraphKind, context: _Context) -> Paragraph:
    inline = context.inline(raw, mapping, keep_lines=kind is ParagraphKind.TABLE)
    return Paragraph(
        text=inline.text,
        kind=kind,
        links=inline.links,
        emphasis=inline.emphasis,
        footnote_refs=inline.footnote_refs,
        glosses=_glosses(inline),
        span=span,
    )


def _glosses(inline: Inline) -> tuple[Gloss, ...]:
    return find_glosses(inline.text, inline.links, emphasis=inline.emphasis, span_of=inline.span)


def _footnote(block: Joined, context: _Context) -> Footnote:
    layout = context.layout
    found = layout.footnote_start.match(block.raw) or layout.numbered_note_start.match(block.raw)
    number = int(found.group("number")) if found else 0
    raw, mapping = _tail(block.raw, block.mapping, found.end() if found else 0)
    inline = context.inline(raw, mapping, marks=False)
    return Footnote(
        number=number,
        text=inline.text,
        links=inline.links,
        emphasis=inline.emphasis,
        glosses=_glosses(inline),
        citation=_parse_citation(inline.text, inline.emphasis),
        span=block.span,
    )


def _parse_citation(text: str, emphasis: Sequence[Emphasis]) -> Citation | None:
    # Imported on first use: the citation patterns take long to compile, and many texts have no footnotes.
    from ._citations import parse_citation

    return parse_citation(text, emphasis)


def _check_footnotes(unit: Article, context: _Context) -> None:
    places = [*unit.paragraphs(), *([unit.main_point] if unit.main_point is not None else [])]
    marks = {ref.number: ref for place in places for ref in place.footnote_refs}
    notes = {note.number: note for note in unit.footnotes}
    for number, ref in marks.items():
        if number not in notes:
            context.diagnose(
                "footnote-mark-unresolved",
                Severity.WARNING,
                f"footnote mark [{number}] has no footnote",
                ref.span,
            )
    for number, note in notes.items():
        if number not in marks:
            context.diagnose(
                "footnote-unreferenced",
                Severity.INFO,
                f"footnote {number} has no mark in the text",
                note.span,
            )
    # Notes are numbered from 1 in each article or item, or on from the last note before (numbered through the
    # issue); either way, each note follows the one before it.
    expected = 1
    for index, note in enumerate(unit.footnotes):
        if note.number != expected and not (index == 0 and note.number == context.last_footnote + 1):
            context.diagnose(
                "footnote-numbering",
                Severity.WARNING,
                f"footnote {note.number} where {expected} was expected",
                note.span,
            )
        expected = note.number + 1
    if unit.footnotes:
        context.last_footnote = unit.footnotes[-1].number
