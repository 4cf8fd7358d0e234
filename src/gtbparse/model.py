"""The typed data model of a parsed *Global Taiwan Brief* issue.

Every class is a frozen, slotted ``attrs`` class. Objects compare by content:
the ``span`` (source offsets) and ``at`` (offsets into a paragraph's clean
text) fields are excluded from equality, so the same issue laid out twice
compares equal even though its offsets differ.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from .glossary import GlossaryEntry

Span = tuple[int, int]
"""Half-open ``(start, end)`` character offsets."""

NO_SPAN: Span = (0, 0)


class ParagraphKind(enum.StrEnum):
    """What a paragraph is in the layout."""

    BODY = "body"
    BLOCKQUOTE = "blockquote"
    CAPTION = "caption"
    LIST_ITEM = "list-item"
    """An item of a bulleted list; its text is without the bullet (``•``, ``-``)."""
    TABLE = "table"
    """A table; its text keeps the rows, one a line, as the rendition prints them (``| 2023 | 12.6 |``)."""


class Script(enum.StrEnum):
    """Which Chinese script a gloss is written in."""

    TRADITIONAL = "traditional"
    SIMPLIFIED = "simplified"
    AMBIGUOUS = "ambiguous"


class Severity(enum.StrEnum):
    """How much a diagnostic matters."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class CitationKind(enum.StrEnum):
    """The kind of source a footnote cites."""

    BOOK = "book"
    ARTICLE = "article"
    CHAPTER = "chapter"
    DOCUMENT = "document"
    WEB = "web"
    NOTE = "note"


@attrs.frozen
class Link:
    """A hyperlink; ``url`` is ``None`` where the rendition lost it as ``(#)``."""

    text: str
    url: str | None
    at: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Emphasis:
    """An emphasised (italic, or bold when ``strong``) run of text."""

    text: str
    strong: bool = False
    at: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class FootnoteRef:
    """An in-text footnote mark such as ``[1]``; ``at`` is where it stood in the clean text."""

    number: int
    at: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Gloss:
    """Chinese characters given after an English name, e.g. ``Wang Yi (王毅)``.

    ``note`` keeps any other content of the gloss, such as a birth year.
    """

    term: str
    hanzi: str
    abbreviation: str | None = None
    aliases: tuple[str, ...] = ()
    script: Script = Script.AMBIGUOUS
    note: str | None = None
    at: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Paragraph:
    """A paragraph: clean plain text plus the inline spans found in it."""

    text: str
    kind: ParagraphKind = ParagraphKind.BODY
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    footnote_refs: tuple[FootnoteRef, ...] = ()
    glosses: tuple[Gloss, ...] = ()
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Citation:
    """A bibliographic reference parsed out of a footnote."""

    kind: CitationKind
    authors: tuple[str, ...] = ()
    title: str | None = None
    container: str | None = None
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    date: str | None = None
    volume: str | None = None
    pages: str | None = None
    url: str | None = None


@attrs.frozen
class Footnote:
    """A numbered note at the end of an article or item."""

    number: int
    text: str
    links: tuple[Link, ...] = ()
    emphasis: tuple[Emphasis, ...] = ()
    glosses: tuple[Gloss, ...] = ()
    citation: Citation | None = None
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Section:
    """A run of paragraphs under one heading (``None`` for the untitled opening)."""

    heading: str | None
    paragraphs: tuple[Paragraph, ...] = ()
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Author:
    """An author as named in a byline, with the one-line bio that follows it.

    ``name`` is the name as printed after ``By:``; ``honorific`` holds a leading
    rank or title (``Lt. Gen. (USMC, ret.)``) and ``nickname`` a quoted nickname
    (``Chip``), both also left in ``name``.
    """

    name: str
    bio: str | None = None
    honorific: str | None = None
    nickname: str | None = None
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Article:
    """An article, or one titled item of a multi-item column such as the *Fortnightly Review*.

    A multi-item article keeps its items in ``items``; each item is itself an
    ``Article`` with its own title, sections, main point and footnotes (and no authors).
    """

    title: str
    authors: tuple[Author, ...] = ()
    sections: tuple[Section, ...] = ()
    main_point: Paragraph | None = None
    footnotes: tuple[Footnote, ...] = ()
    items: tuple[Article, ...] = ()
    credits: tuple[str, ...] = ()
    """Other credit lines printed with the byline: ``Translated by: Lin Mei-hua``."""
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)

    def units(self) -> tuple[Article, ...]:
        """The items of a multi-item article, or the article itself."""
        return self.items or (self,)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of every section (of every item), in reading order."""
        for unit in self.units():
            for section in unit.sections:
                yield from section.paragraphs

    def passages(self) -> Iterator[Paragraph | Footnote]:
        """Every paragraph, main point and footnote, in reading order: per item, its paragraphs, then its main
        point, then its footnotes."""
        for unit in self.units():
            for section in unit.sections:
                yield from section.paragraphs
            if unit.main_point is not None:
                yield unit.main_point
            yield from unit.footnotes

    def footnote(self, number: int) -> Footnote | None:
        """The footnote with this number, or ``None``; footnotes are numbered per item, so ask an item."""
        for note in self.footnotes:
            if note.number == number:
                return note
        return None


@attrs.frozen
class ContentsEntry:
    """One entry of the table of contents."""

    title: str
    authors: tuple[str, ...] = ()
    page: int | None = None
    """The page number printed after the title (``Title ........ 4``), or ``None``."""
    subtitle: str | None = None
    """A line printed between the title and the authors that names no one, or ``None``."""
    items: tuple[str, ...] = ()
    """The titles of a column's items, printed indented under its entry."""
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)


@attrs.frozen
class Masthead:
    """The masthead sidebar: editors as ``(role, name)`` pairs, contact details and copyright."""

    editors: tuple[tuple[str, str], ...] = ()
    address: str | None = None
    email: str | None = None
    subscribe_url: str | None = None
    copyright: str | None = None
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)

    def editor(self, role: str) -> str | None:
        """The name listed under ``role`` (e.g. ``"Editor-in-Chief"``), or ``None``."""
        for listed_role, name in self.editors:
            if listed_role == role:
                return name
        return None


@attrs.frozen
class Issue:
    """One parsed issue of the *Global Taiwan Brief* (or a single web article)."""

    volume: int | None = None
    number: int | None = None
    year: int | None = None
    month: int | None = None
    title: str | None = None
    """A special issue's own title, from its cover line (``Special Issue: …``); ``None`` for a regular issue."""
    url: str | None = None
    publisher: str | None = None
    masthead: Masthead | None = None
    contents: tuple[ContentsEntry, ...] = ()
    articles: tuple[Article, ...] = ()
    source_name: str | None = None
    layout: str = "gtb-issue"
    span: Span = attrs.field(default=NO_SPAN, eq=False, kw_only=True)

    def paragraphs(self) -> Iterator[Paragraph]:
        """Every paragraph of every section of every article (block quotes and captions included), in reading order.

        Main points and footnotes are not section paragraphs: see :meth:`Article.units`.
        """
        for article in self.articles:
            yield from article.paragraphs()

    def links(self) -> tuple[LinkOccurrence, ...]:
        """Every link in the issue's paragraphs, main points and footnotes, with where it stands."""
        found: list[LinkOccurrence] = []
        for article in self.articles:
            for unit in article.units():
                for place in unit.passages():
                    found.extend(LinkOccurrence(link, article.title, unit.title, place) for link in place.links)
        return tuple(found)

    def glossary(self) -> tuple[GlossaryEntry, ...]:
        """One entry per distinct glossed name in the issue, with every occurrence."""
        from .glossary import glossary

        return glossary(self)


@attrs.frozen
class LinkOccurrence:
    """A link and where it stands: the article, the item (``unit_title``) and the paragraph or footnote."""

    link: Link
    article_title: str
    unit_title: str
    paragraph: Paragraph | Footnote


@attrs.frozen
class Edit:
    """One repair applied to the source: ``span`` was replaced by ``replacement``.

    ``rule`` is a stable name (``join-column-break``, ``dehyphenate`` …) and
    ``evidence`` says why the rule fired.
    """

    rule: str
    span: Span
    original: str
    replacement: str
    evidence: str


@attrs.frozen
class Diagnostic:
    """A recoverable problem found while parsing; ``code`` is stable (see docs/diagnostics.md)."""

    code: str
    severity: Severity
    message: str
    span: Span
    line: int
    column: int


@attrs.frozen
class Unplaced:
    """Source text the parser could not place in any object."""

    text: str
    span: Span


@attrs.frozen
class Furniture:
    """Page furniture (masthead sidebar, page number, running head) removed from the flow."""

    kind: str
    text: str
    span: Span


@attrs.frozen
class Explained:
    """An issue together with every repair made, every diagnostic raised and anything left unplaced."""

    issue: Issue
    edits: tuple[Edit, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    furniture: tuple[Furniture, ...] = ()
    unplaced: tuple[Unplaced, ...] = ()
