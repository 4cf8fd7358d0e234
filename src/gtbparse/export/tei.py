"""TEI P5 XML export, valid TEI Lite (needs ``lxml``: ``pip install gtbparse[tei]``).

Mapping: a ``div type="article"`` per article and a nested ``div type="item"`` per item of a
multi-item column, each with ``head``, ``byline``/``docAuthor``, the main point as ``argument``,
a ``div type="section"`` per section, and its footnotes as ``note place="foot"`` in a closing
``div type="notes"``, each linked from a ``ref type="noteAnchor"`` at its mark. Body paragraphs
are ``p``; block quotes are ``cit``/``q`` (TEI Lite has no ``quote`` element); captions are
``figure``/``figDesc``. Inline: links are ``ref``, emphasis ``hi``, and a gloss is a ``term``
holding its characters in ``foreign xml:lang="zh-Hant"`` (``zh-Hans``, or ``zh`` when the script
is ambiguous).
"""

from __future__ import annotations

import calendar
import importlib
from collections.abc import Sequence
from typing import Any

import regex

from ..model import (
    Article,
    Author,
    Emphasis,
    Footnote,
    FootnoteRef,
    Gloss,
    Issue,
    Link,
    Paragraph,
    ParagraphKind,
    Script,
)
from . import InlineKind, InlineNode, inline_tree

__all__ = ["TEI_NS", "to_tei"]

TEI_NS = "http://www.tei-c.org/ns/1.0"
"""The TEI namespace."""

Element = Any
"""An ``lxml.etree._Element`` (lxml ships no type information, and is imported only when used)."""

_XML_NS = "http://www.w3.org/XML/1998/namespace"
_T = "{" + TEI_NS + "}"
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")
_LANG = {Script.TRADITIONAL: "zh-Hant", Script.SIMPLIFIED: "zh-Hans", Script.AMBIGUOUS: "zh"}
_TITLE = "Global Taiwan Brief"
_ELEMENT_ONLY = frozenset(
    "TEI teiHeader fileDesc titleStmt respStmt publicationStmt sourceDesc bibl text front body div list argument"
    " cit figure".split()
)
"""Elements whose content is only other elements, so indentation changes no text."""
_PHRASE_ONLY = frozenset({InlineKind.EMPHASIS, InlineKind.GLOSS, InlineKind.FOREIGN})
"""What TEI Lite allows inside ``figDesc``: no ``ref``, so captions keep link and footnote text only."""


def _clean(text: str) -> str:
    """Characters XML 1.0 cannot carry become U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def issue_title(issue: Issue) -> str:
    """``Global Taiwan Brief, Vol. 5, Issue 23`` (parts left out when unknown)."""
    parts = [_TITLE]
    if issue.volume is not None:
        parts.append(f"Vol. {issue.volume}")
    if issue.number is not None:
        parts.append(f"Issue {issue.number}")
    return ", ".join(parts)


def issue_date(issue: Issue) -> tuple[str, str] | None:
    """``(iso, readable)`` for the issue's year and month, e.g. ``("2020-12", "December 2020")``."""
    if issue.year is None:
        return None
    if issue.month is not None and 1 <= issue.month <= 12:
        return f"{issue.year:04d}-{issue.month:02d}", f"{calendar.month_name[issue.month]} {issue.year}"
    return f"{issue.year:04d}", str(issue.year)


class _Writer:
    def __init__(self, etree_module: Any) -> None:
        self.etree = etree_module

    def sub(self, parent: Element, tag: str, text: str | None = None, **attributes: str) -> Element:
        element: Element = self.etree.SubElement(parent, _T + tag)
        for name, value in attributes.items():
            element.set(name, _clean(value))
        if text is not None:
            element.text = _clean(text)
        return element

    @staticmethod
    def append_text(element: Element, text: str) -> None:
        if not text:
            return
        text = _clean(text)
        if len(element):
            last = element[-1]
            last.tail = (last.tail or "") + text
        else:
            element.text = (element.text or "") + text

    # -- inline content --------------------------------------------------------------------------

    def inline(
        self,
        element: Element,
        text: str,
        *,
        links: Sequence[Link] = (),
        emphasis: Sequence[Emphasis] = (),
        glosses: Sequence[Gloss] = (),
        footnote_refs: Sequence[FootnoteRef] = (),
        note_ids: dict[int, str] | None = None,
        allowed: frozenset[InlineKind] | None = None,
    ) -> None:
        tree = inline_tree(text, links=links, emphasis=emphasis, glosses=glosses, footnote_refs=footnote_refs)
        self._fill(element, tree, note_ids or {}, allowed)

    def _fill(
        self,
        element: Element,
        pieces: Sequence[str | InlineNode],
        note_ids: dict[int, str],
        allowed: frozenset[InlineKind] | None,
    ) -> None:
        for piece in pieces:
            if isinstance(piece, str):
                self.append_text(element, piece)
                continue
            span = piece.span
            if allowed is not None and span.kind not in allowed:
                if span.kind is not InlineKind.FOOTNOTE:
                    self._fill(element, piece.children, note_ids, allowed)
                continue
            source = span.source
            if isinstance(source, FootnoteRef):
                attributes = {"type": "noteAnchor", "n": str(source.number)}
                if source.number in note_ids:
                    attributes["target"] = "#" + note_ids[source.number]
                self.sub(element, "ref", str(source.number), **attributes)
                continue
            if isinstance(source, Link):
                child = self.sub(element, "ref", **({"target": source.url} if source.url else {}))
            elif isinstance(source, Emphasis):
                child = self.sub(element, "hi", rend="bold" if source.strong else "italic")
            elif span.kind is InlineKind.FOREIGN:
                child = self.sub(element, "foreign")
                child.set(f"{{{_XML_NS}}}lang", _LANG[source.script])
            else:
                child = self.sub(element, "term")
            self._fill(child, piece.children, note_ids, allowed)

    def paragraph(self, parent: Element, paragraph: Paragraph, note_ids: dict[int, str]) -> None:
        spans: dict[str, Any] = {
            "links": paragraph.links,
            "emphasis": paragraph.emphasis,
            "glosses": paragraph.glosses,
            "footnote_refs": paragraph.footnote_refs,
            "note_ids": note_ids,
        }
        if paragraph.kind is ParagraphKind.CAPTION:
            figure = self.sub(parent, "figure")
            self.inline(self.sub(figure, "figDesc"), paragraph.text, allowed=_PHRASE_ONLY, **spans)
        elif paragraph.kind is ParagraphKind.BLOCKQUOTE:
            quote = self.sub(self.sub(parent, "cit", type="blockquote"), "q", type="written")
            self.inline(quote, paragraph.text, **spans)
        elif paragraph.kind is ParagraphKind.TABLE:
            # The rows stay as printed, one a line: the rendition gives no cells to trust beyond its pipes.
            self.inline(self.sub(parent, "p", rend="table"), paragraph.text, **spans)
        elif paragraph.kind is ParagraphKind.LIST_ITEM:
            # Items in a row make one list: the list the previous item opened, if it is the last element here.
            last = parent[-1] if len(parent) else None
            items = last if last is not None and last.tag == _T + "list" else self.sub(parent, "list", type="bulleted")
            self.inline(self.sub(items, "item"), paragraph.text, **spans)
        else:
            self.inline(self.sub(parent, "p"), paragraph.text, **spans)

    # -- structure -------------------------------------------------------------------------------

    def byline(self, parent: Element, authors: Sequence[Author], credits: Sequence[str] = ()) -> None:
        if not authors:
            return
        byline = self.sub(parent, "byline", "By: ")
        for index, author in enumerate(authors):
            if index:
                self.append_text(byline, " and " if index == len(authors) - 1 else ", ")
            self.sub(byline, "docAuthor", author.name)
        for credit in credits:
            self.sub(byline, "note", credit, type="credit")
        for author in authors:
            if author.bio:
                self.sub(byline, "note", author.bio, type="bio")

    def unit(self, parent: Element, unit: Article, kind: str, n: str, *, with_authors: bool) -> None:
        div = self.sub(parent, "div", type=kind, n=n)
        div.set(f"{{{_XML_NS}}}id", "a" + n)
        self.sub(div, "head", unit.title)
        if with_authors:
            self.byline(div, unit.authors, unit.credits)
        if unit.items:
            for index, item in enumerate(unit.items, start=1):
                self.unit(div, item, "item", f"{n}.{index}", with_authors=bool(item.authors))
            return
        note_ids = {note.number: f"a{n}-fn{note.number}" for note in unit.footnotes}
        if unit.main_point is not None:
            self.paragraph(self.sub(div, "argument"), unit.main_point, note_ids)
        for section in unit.sections:
            section_div = self.sub(div, "div", type="section")
            if section.heading is not None:
                self.sub(section_div, "head", section.heading)
            for paragraph in section.paragraphs:
                self.paragraph(section_div, paragraph, note_ids)
        if unit.footnotes:
            notes = self.sub(div, "div", type="notes")
            seen: set[str] = set()
            for note in unit.footnotes:
                self.footnote(notes, note, note_ids[note.number], seen)

    def footnote(self, parent: Element, note: Footnote, note_id: str, seen: set[str]) -> None:
        element = self.sub(parent, "note", place="foot", n=str(note.number))
        if note_id not in seen:  # a repeated number keeps its note but only the first carries the id
            element.set(f"{{{_XML_NS}}}id", note_id)
            seen.add(note_id)
        self.inline(element, note.text, links=note.links, emphasis=note.emphasis, glosses=note.glosses)

    def header(self, root: Element, issue: Issue) -> None:
        file_desc = self.sub(self.sub(root, "teiHeader"), "fileDesc")
        title_stmt = self.sub(file_desc, "titleStmt")
        self.sub(title_stmt, "title", issue_title(issue))
        if issue.masthead is not None:
            for role, name in issue.masthead.editors:
                resp_stmt = self.sub(title_stmt, "respStmt")
                self.sub(resp_stmt, "resp", role)
                self.sub(resp_stmt, "name", name)
        publication = self.sub(file_desc, "publicationStmt")
        date = issue_date(issue)
        if issue.publisher:  # TEI wants the publisher before any date or identifier
            self.sub(publication, "publisher", issue.publisher)
            if date is not None:
                self.sub(publication, "date", date[1], when=date[0])
            if issue.url:
                self.sub(publication, "idno", issue.url, type="URL")
        else:
            self.sub(publication, "p", "Publisher not stated in the source; see the source description.")
        bibl = self.sub(self.sub(file_desc, "sourceDesc"), "bibl")
        self.sub(bibl, "title", _TITLE, level="j")
        if issue.volume is not None:
            self.sub(bibl, "biblScope", str(issue.volume), unit="volume")
        if issue.number is not None:
            self.sub(bibl, "biblScope", str(issue.number), unit="issue")
        if issue.publisher:
            self.sub(bibl, "publisher", issue.publisher)
        if date is not None:
            self.sub(bibl, "date", date[1], when=date[0])
        if issue.url:
            self.sub(bibl, "ref", issue.url, target=issue.url)
        if issue.source_name:
            self.sub(bibl, "idno", issue.source_name, type="file")

    def contents(self, text: Element, issue: Issue) -> None:
        if not issue.contents:
            return
        div = self.sub(self.sub(text, "front"), "div", type="contents")
        entries = self.sub(div, "list")
        for entry in issue.contents:
            item = self.sub(entries, "item", entry.title)
            if entry.authors:
                self.append_text(item, " — " + ", ".join(entry.authors))


def _indent(element: Element, level: int) -> None:
    """Indent element-only content; ``pretty_print`` would also put whitespace into a ``p`` holding only a ``ref``."""
    children = list(element)
    if not children or element.text or any(child.tail for child in children):
        return
    if element.tag.rpartition("}")[2] not in _ELEMENT_ONLY:
        return
    inner = "\n" + "  " * (level + 1)
    element.text = inner
    for child in children:
        _indent(child, level + 1)
        child.tail = inner
    children[-1].tail = "\n" + "  " * level


def to_tei(issue: Issue) -> bytes:
    """The issue as a TEI P5 document (valid TEI Lite), UTF-8 encoded with an XML declaration.

    Requires ``lxml`` (the ``tei`` extra). The output is deterministic: the same issue gives the
    same bytes. Every body paragraph, block quote and caption appears exactly once; characters
    XML cannot carry (control characters) are replaced by U+FFFD.
    """
    etree = importlib.import_module("lxml.etree")
    writer = _Writer(etree)
    root = etree.Element(_T + "TEI", nsmap={None: TEI_NS})
    writer.header(root, issue)
    text = writer.sub(root, "text")
    writer.contents(text, issue)
    body = writer.sub(text, "body")
    for index, article in enumerate(issue.articles, start=1):
        writer.unit(body, article, "article", str(index), with_authors=True)
    if not len(body):
        writer.sub(body, "p", "")
    _indent(root, 0)
    result: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    return result
