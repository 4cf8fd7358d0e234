"""Nothing lost: every character of the input lies in some output object, furniture, an edit or unplaced text."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from ..model import Article, Explained, Span

# Whitespace is what ``str.isspace`` calls whitespace, as the parser trims lines with ``str.strip``: Unicode's
# White_Space plus the information separators U+001C–U+001F.
_VISIBLE = regex.compile(r"[^\s\x1c-\x1f\p{Cf}]+")


def accounted_spans(explained: Explained) -> Iterator[Span]:
    """The source spans the parse accounts for.

    These are the spans of the leaf objects (contents entries, masthead, authors, paragraphs, main
    points, footnotes), the head of each article, item and section (from its start to its first child:
    title, byline, heading), the furniture, the edits and the unplaced text. The spans of whole
    articles and of the issue are left out: they would cover anything.
    """
    issue = explained.issue
    if issue.masthead is not None:
        yield issue.masthead.span
    for entry in issue.contents:
        yield entry.span
    for article in issue.articles:
        yield from _article_spans(article, tuple(author.span for author in article.authors))
    for piece in explained.furniture:
        yield piece.span
    for edit in explained.edits:
        yield edit.span
    for unplaced in explained.unplaced:
        yield unplaced.span


def _article_spans(article: Article, author_spans: tuple[Span, ...]) -> Iterator[Span]:
    children: list[Span] = list(author_spans)
    for item in article.items:
        children.append(item.span)
        yield from _article_spans(item, ())
    for section in article.sections:
        children.append(section.span)
        paragraph_spans = [paragraph.span for paragraph in section.paragraphs]
        yield from paragraph_spans
        if section.heading is not None:
            yield (section.span[0], paragraph_spans[0][0] if paragraph_spans else section.span[1])
    if article.main_point is not None:
        children.append(article.main_point.span)
    children.extend(note.span for note in article.footnotes)
    yield from author_spans
    if article.main_point is not None:
        yield article.main_point.span
    yield from (note.span for note in article.footnotes)
    # A part printed before the item's title (a main point or a note above it) does not end the title's head.
    first_child = min((start for start, end in children if end > start >= article.span[0]), default=article.span[1])
    yield (article.span[0], first_child)


def unaccounted(explained: Explained, source: str) -> tuple[Span, ...]:
    """Runs of visible characters of ``source`` that :func:`accounted_spans` does not cover.

    Whitespace (as ``str.isspace`` has it) and invisible format characters (a byte-order mark, zero-width spaces)
    need no account.
    An empty result means nothing was lost.
    """
    covered = bytearray(len(source) + 1)
    for start, end in accounted_spans(explained):
        start, end = max(0, start), min(len(source), end)
        if end > start:
            covered[start:end] = b"\x01" * (end - start)
    missing: list[Span] = []
    for match in _VISIBLE.finditer(source):
        start, end = match.span()
        position = start
        while position < end:
            if covered[position]:
                position += 1
                continue
            run_start = position
            while position < end and not covered[position]:
                position += 1
            missing.append((run_start, position))
    return tuple(missing)
