"""Reading copies: Markdown and plain text of an issue or of one article.

Headings, bylines, the main point, paragraphs rejoined as the parser repaired them, block quotes and
captions, with footnotes gathered at the end of the article (or item) they belong to. Links are kept
as their text only; a reading copy has no use for the URLs (``gtbparse citations`` exports sources).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import regex

from ..model import Article, Author, Emphasis, Footnote, FootnoteRef, Gloss, Issue, Link, Paragraph, ParagraphKind
from . import InlineNode, inline_tree
from .tei import issue_date, issue_title

__all__ = ["to_markdown", "to_text"]

_MARKDOWN_SPECIAL = regex.compile(r"[\\`*_\[\]<>]")
_LINE_START_SPECIAL = regex.compile(r"^(?:[#>+=|-]|\d{1,9}[.)](?=\s|$))")
_BLANK_RUNS = regex.compile(r"\n{3,}")


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(lambda match: "\\" + match.group(0), text)


def _one_line(text: str) -> str:
    return " ".join(text.split())


class _Renderer:
    """Shared walk over an issue; ``markdown`` chooses between Markdown and plain text."""

    def __init__(self, *, markdown: bool) -> None:
        self.markdown = markdown
        self.note_prefix = ""

    def inline(
        self,
        text: str,
        *,
        links: Sequence[Link] = (),
        emphasis: Sequence[Emphasis] = (),
        glosses: Sequence[Gloss] = (),
        footnote_refs: Sequence[FootnoteRef] = (),
    ) -> str:
        tree = inline_tree(text, links=links, emphasis=emphasis, glosses=glosses, footnote_refs=footnote_refs)
        return _one_line(self._pieces(tree))

    def _pieces(self, pieces: Sequence[str | InlineNode]) -> str:
        out: list[str] = []
        for piece in pieces:
            if isinstance(piece, str):
                out.append(_escape(piece) if self.markdown else piece)
                continue
            source = piece.span.source
            if isinstance(source, FootnoteRef):
                out.append(f"[^{self.note_prefix}{source.number}]" if self.markdown else f"[{source.number}]")
                continue
            inner = self._pieces(piece.children)
            if self.markdown and isinstance(source, Emphasis) and inner.strip():
                mark = "**" if source.strong else "*"
                stripped = inner.strip()
                lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()) :]
                inner = f"{lead}{mark}{stripped}{mark}{trail}"
            out.append(inner)
        return "".join(out)

    def paragraph(self, paragraph: Paragraph) -> str:
        if paragraph.kind is ParagraphKind.TABLE:
            return paragraph.text  # its rows are a Markdown table already, and plain text reads them as printed
        body = self.inline(
            paragraph.text,
            links=paragraph.links,
            emphasis=paragraph.emphasis,
            glosses=paragraph.glosses,
            footnote_refs=paragraph.footnote_refs,
        )
        if self.markdown:
            body = _protect_line_start(body)
            if paragraph.kind is ParagraphKind.BLOCKQUOTE:
                return "> " + body
            if paragraph.kind is ParagraphKind.CAPTION:
                return f"*{body}*" if body else body
            if paragraph.kind is ParagraphKind.LIST_ITEM:
                return "- " + body
            return body
        if paragraph.kind is ParagraphKind.BLOCKQUOTE:
            return "    " + body
        if paragraph.kind is ParagraphKind.LIST_ITEM:
            return "• " + body
        return body

    def heading(self, level: int, text: str) -> str:
        text = _one_line(text)
        if self.markdown:
            return "#" * level + " " + _escape(text)
        underline = {1: "=", 2: "=", 3: "-"}.get(level)
        return f"{text}\n{underline * len(text)}" if underline else text

    def byline(self, authors: Sequence[Author]) -> Iterator[str]:
        if not authors:
            return
        names = [_one_line(author.name) for author in authors]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        yield f"By {_escape(joined)}" if self.markdown else f"By {joined}"
        for author in authors:
            if author.bio:
                bio = _one_line(author.bio)
                yield f"*{_escape(bio)}*" if self.markdown else bio

    def footnotes(self, notes: Sequence[Footnote]) -> Iterator[str]:
        if not notes:
            return
        if not self.markdown:
            yield "Notes"
        for note in notes:
            text = self.inline(note.text, links=note.links, emphasis=note.emphasis, glosses=note.glosses)
            yield f"[^{self.note_prefix}{note.number}]: {text}" if self.markdown else f"[{note.number}] {text}"

    def unit(self, unit: Article, level: int, prefix: str) -> Iterator[str]:
        yield self.heading(level, unit.title)
        yield from self.byline(unit.authors)
        yield from (_escape(_one_line(credit)) if self.markdown else _one_line(credit) for credit in unit.credits)
        if unit.items:
            for index, item in enumerate(unit.items, start=1):
                yield from self.unit(item, level + 1, f"{prefix}{index}.")
            return
        self.note_prefix = prefix if self.markdown else ""
        if unit.main_point is not None:
            point = self.paragraph(unit.main_point)
            yield f"**The main point:** {point}" if self.markdown else f"The main point: {point}"
        for section in unit.sections:
            if section.heading is not None:
                yield self.heading(level + 1, section.heading)
            for paragraph in section.paragraphs:
                rendered = self.paragraph(paragraph)
                if rendered.strip():
                    yield rendered
        yield from self.footnotes(unit.footnotes)

    def issue(self, issue: Issue) -> Iterator[str]:
        title = issue_title(issue)
        date = issue_date(issue)
        if date is not None:
            title += f" ({date[1]})"
        yield self.heading(1, title)
        facts = [part for part in (issue.publisher, issue.url) if part]
        if facts:
            yield _escape(" · ".join(facts)) if self.markdown else " · ".join(facts)
        for index, article in enumerate(issue.articles, start=1):
            yield from self.unit(article, 2, f"{index}.")

    def render(self, target: Issue | Article) -> str:
        blocks = list(self.issue(target) if isinstance(target, Issue) else self.unit(target, 1, ""))
        return _BLANK_RUNS.sub("\n\n", "\n\n".join(blocks)).strip("\n") + "\n"


def _protect_line_start(text: str) -> str:
    match = _LINE_START_SPECIAL.match(text)
    if match is None:
        return text
    first = match.group(0)
    return (first[:-1] + "\\" + first[-1] if first[0].isdigit() else "\\" + first) + text[match.end() :]


def to_markdown(target: Issue | Article) -> str:
    """A Markdown reading copy of an issue or one article (CommonMark plus ``[^n]`` footnotes).

    Articles and items are headings, followed by the byline, the main point, section headings and
    paragraphs; block quotes are ``>`` quotes, captions are italic, emphasis is ``*``/``**``, links
    are their text only, and each article's footnotes follow it as ``[^n]: …`` definitions (in an
    issue, labels carry the article's and item's numbers, ``[^2.1]``, so they stay unique).
    Markdown punctuation in the text is escaped.
    """
    return _Renderer(markdown=True).render(target)


def to_text(target: Issue | Article) -> str:
    """A plain-text reading copy of an issue or one article.

    The same layout as :func:`to_markdown` without markup: headings underlined, block quotes
    indented, footnote marks as ``[n]`` and each article's notes listed after it under ``Notes``.
    """
    return _Renderer(markdown=False).render(target)
