"""Hypothesis strategies for clean :class:`~gtbparse.Issue` objects and their renditions.

The issues stay inside what the layout can say without ambiguity: headings and titles are title-case
with no closing punctuation (a heading may end in ``?``), paragraphs end with terminal punctuation,
block quotes follow a paragraph that ends with a colon, every item of a multi-item column has a
main point, and every author has a bio that opens with their name.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from typing import Any

import attrs
from hypothesis import strategies as st

from .._citations import parse_citation
from .._glosses import find_glosses, settle_scripts
from ..model import (
    Article,
    Author,
    ContentsEntry,
    Emphasis,
    Footnote,
    FootnoteRef,
    Issue,
    Link,
    Masthead,
    Paragraph,
    ParagraphKind,
    Section,
)
from . import _words as words
from .render import Quirks, Rendition, render

Draw = Callable[[st.SearchStrategy[Any]], Any]

MULTI_ITEM_TITLE = "Review of the Fortnight"
_URLS = ("https://www.example.org/report", "https://news.example.com/2020/12/story", None)


@attrs.define
class _Draft:
    """A paragraph being built: its tokens, and which token runs carry links or emphasis."""

    tokens: list[str]
    sentence_ends: list[int]
    glossed: set[int] = attrs.Factory(set)
    links: list[tuple[int, int, str | None]] = attrs.Factory(list)
    emphasis: list[tuple[int, int, bool]] = attrs.Factory(list)
    refs_after: list[int] = attrs.Factory(list)


def _token(rng: random.Random) -> list[str]:
    kind = rng.choice("sssssllllpacnrg")
    if kind == "s":
        return [rng.choice(words.SHORT_WORDS)]
    if kind == "l":
        return [rng.choice(words.LONG_WORDS)]
    if kind == "p":
        return [rng.choice(words.PLACES)]
    if kind == "a":
        return [rng.choice(words.ACRONYMS)]
    if kind == "c":
        return [rng.choice(words.COMPOUNDS)]
    if kind == "n":
        return [rng.choice(words.NUMBERS)]
    if kind == "r":
        return [rng.choice(words.RANGES)]
    return _gloss(rng)


def _gloss(rng: random.Random) -> list[str]:
    term, abbreviation, hanzi = rng.choice(words.GLOSSES)
    if abbreviation and rng.random() < 0.5:
        return [*term.split(), f"({abbreviation},", f"{hanzi})"]
    return [*term.split(), f"({hanzi})"]


def _sentence(rng: random.Random, final: str = ".") -> tuple[list[str], set[int]]:
    """A sentence's tokens, and the indices of those inside a gloss (no commas or markup go there)."""
    groups = [_gloss(rng) if rng.random() < 0.1 else [rng.choice(words.SENTENCE_STARTS)]]
    for _ in range(rng.randint(3, 13)):
        groups.append(_token(rng))
    tokens: list[str] = []
    glossed: set[int] = set()
    for group in groups:
        if len(group) > 1:
            glossed.update(range(len(tokens), len(tokens) + len(group)))
        elif tokens and tokens[-1][-1:].isalnum() and rng.random() < 0.09:
            tokens[-1] += ","
        tokens.extend(group)
    tokens[-1] += final
    return tokens, glossed


_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789’-")


def _is_plain(token: str) -> bool:
    return bool(token) and token[0].isalnum() and all(char in _PLAIN for char in token)


def _draft(draw: Draw, *, final: str = ".", sentences: tuple[int, int] = (1, 4), decorate: bool = True) -> _Draft:
    # The structure is drawn by hypothesis; the words come from a drawn seed, which keeps generation fast.
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    tokens: list[str] = []
    ends: list[int] = []
    glossed: set[int] = set()
    count = draw(st.integers(*sentences))
    for number in range(count):
        sentence, inside = _sentence(rng, final if number == count - 1 else ".")
        glossed.update(index + len(tokens) for index in inside)
        tokens.extend(sentence)
        ends.append(len(tokens) - 1)
    draft = _Draft(tokens, ends, glossed)
    if decorate:
        _decorate(rng, draft)
    return draft


def _decorate(rng: random.Random, draft: _Draft) -> None:
    """Put links and emphasis on runs of plain words (never across a sentence end or onto punctuation)."""
    taken: set[int] = set()
    for _ in range(rng.randint(0, 3)):
        start = rng.randint(0, len(draft.tokens) - 1)
        run = range(start, min(start + rng.randint(1, 3), len(draft.tokens)))
        if any(i in taken or i in draft.glossed or not _is_plain(draft.tokens[i]) for i in run):
            continue
        taken.update(run)
        kind = rng.choice(("link", "link", "em", "strong", "linked-em"))
        if kind.startswith("link"):
            draft.links.append((run[0], run[-1], rng.choice(_URLS)))
        if kind != "link":
            draft.emphasis.append((run[0], run[-1], kind == "strong"))


def _offsets(tokens: Sequence[str]) -> list[int]:
    offsets = [0]
    for token in tokens[:-1]:
        offsets.append(offsets[-1] + len(token) + 1)
    return offsets


def _paragraph(draft: _Draft, kind: ParagraphKind, first_ref: int) -> Paragraph:
    text = " ".join(draft.tokens)
    offsets = _offsets(draft.tokens)

    def at(first: int, last: int) -> tuple[int, int]:
        return offsets[first], offsets[last] + len(draft.tokens[last].rstrip(",.:)"))

    links = tuple(
        Link(text[at(a, b)[0] : at(a, b)[1]], url, at=at(a, b)) for a, b, url in sorted(draft.links, key=_first)
    )
    emphasis = tuple(
        Emphasis(text[at(a, b)[0] : at(a, b)[1]], strong, at=at(a, b))
        for a, b, strong in sorted(draft.emphasis, key=_first)
    )
    refs = tuple(
        FootnoteRef(first_ref + number, at=(end, end))
        for number, end in enumerate(offsets[index] + len(draft.tokens[index]) for index in sorted(draft.refs_after))
    )
    return Paragraph(
        text=text,
        kind=kind,
        links=links,
        emphasis=emphasis,
        footnote_refs=refs,
        glosses=tuple(find_glosses(text, links, emphasis=emphasis)),
    )


def _first(item: tuple[int, int, Any]) -> int:
    return item[0]


def _footnote(draw: Draw, number: int) -> Footnote:
    draft = _draft(draw, sentences=(1, 2))
    paragraph = _paragraph(draft, ParagraphKind.BODY, 1)
    return Footnote(
        number=number,
        text=paragraph.text,
        links=paragraph.links,
        emphasis=paragraph.emphasis,
        glosses=paragraph.glosses,
        citation=parse_citation(paragraph.text, paragraph.emphasis),
    )


@st.composite
def headings(draw: Draw) -> str:
    """A title-case heading without closing punctuation (now and then a question)."""
    parts = draw(st.lists(st.sampled_from(words.HEADING_WORDS), max_size=2, unique=True))
    parts.append(draw(st.sampled_from(words.HEADING_NOUNS)))
    if draw(st.booleans()):
        parts += [draw(st.sampled_from(("and", "in", "for"))), draw(st.sampled_from(words.PLACES))]
    heading = " ".join(parts)
    return heading + "?" if draw(st.integers(0, 5)) == 0 else heading


@st.composite
def titles(draw: Draw) -> str:
    """An article title: a heading, sometimes with a subtitle after a colon."""
    title: str = draw(headings()).rstrip("?")
    if draw(st.booleans()):
        title += ": " + draw(headings()).rstrip("?")
    return title


@st.composite
def authors(draw: Draw, surname: str | None = None) -> Author:
    """An author with a bio opening with their name; sometimes with a rank or a quoted nickname."""
    first = draw(st.sampled_from(words.FIRST_NAMES))
    surname = surname or draw(st.sampled_from(words.SURNAMES))
    honorific = draw(st.sampled_from(words.HONORIFICS)) if draw(st.integers(0, 4)) == 0 else None
    nickname = draw(st.sampled_from(words.NICKNAMES)) if draw(st.integers(0, 5)) == 0 else None
    core = f"{first} “{nickname}” {surname}" if nickname else f"{first} {surname}"
    name = f"{honorific} {core}" if honorific else core
    opener = draw(st.sampled_from((f"{first} {surname}", core)))
    bio = f"{opener} is {draw(st.sampled_from(words.BIO_ROLES))}."
    if draw(st.booleans()):
        bio += f" {surname} previously served as an adviser to the Legislative Yuan."
    return Author(name=name, bio=bio, honorific=honorific, nickname=nickname)


@st.composite
def author_lists(draw: Draw) -> tuple[Author, ...]:
    """One to three authors with different surnames."""
    surnames = draw(st.lists(st.sampled_from(words.SURNAMES), min_size=1, max_size=3, unique=True))
    return tuple(draw(authors(surname)) for surname in surnames)


def _section_drafts(draw: Draw) -> list[tuple[ParagraphKind, _Draft]]:
    paragraphs: list[tuple[ParagraphKind, _Draft]] = []
    for _ in range(draw(st.integers(1, 3))):
        shape = draw(st.sampled_from(("body", "body", "body", "quote", "caption")))
        if shape == "quote":
            paragraphs.append((ParagraphKind.BODY, _draft(draw, final=":")))
            quote = _draft(draw, sentences=(1, 3), decorate=False)
            quote.tokens[0] = "“" + quote.tokens[0]
            quote.tokens[-1] += "”"
            _decorate(random.Random(draw(st.integers(0, 2**32 - 1))), quote)
            paragraphs.append((ParagraphKind.BLOCKQUOTE, quote))
        else:
            paragraphs.append((ParagraphKind.BODY, _draft(draw)))
            if shape == "caption":
                source = draw(st.sampled_from(words.CAPTION_SOURCES))
                caption = _Draft(["(Chart", "courtesy", "of", *source.split()], [])
                caption.tokens[-1] += ")"
                if draw(st.booleans()):
                    caption.links.append((3, len(caption.tokens) - 1, None))
                paragraphs.append((ParagraphKind.CAPTION, caption))
    return paragraphs


@st.composite
def units(draw: Draw, *, titled: bool = False, main_point: bool | None = None) -> Article:
    """The body of an article, or one titled item: sections, main point and footnotes."""
    title = draw(headings()).rstrip("?") if titled else ""
    plan: list[tuple[str | None, list[tuple[ParagraphKind, _Draft]]]] = []
    # An item of a column is short and has no section headings (a heading there starts the next item).
    for number in range(1 if titled else draw(st.integers(1, 3))):
        heading = None if titled or (number == 0 and draw(st.integers(0, 3))) else draw(headings())
        plan.append((heading, _section_drafts(draw)))
    refs = 0
    for _, drafts in plan:
        for kind, draft in drafts:
            if kind is ParagraphKind.CAPTION:
                continue
            for end in draft.sentence_ends:
                if not draft.tokens[end].endswith(":") and draw(st.integers(0, 5)) == 0:
                    draft.refs_after.append(end)
                    refs += 1
    sections = []
    next_ref = 1
    for heading, drafts in plan:
        paragraphs = []
        for kind, draft in drafts:
            paragraphs.append(_paragraph(draft, kind, next_ref))
            next_ref += len(draft.refs_after)
        sections.append(Section(heading, tuple(paragraphs)))
    has_main_point = draw(st.booleans()) if main_point is None else main_point
    point = _paragraph(_draft(draw, sentences=(1, 2)), ParagraphKind.BODY, 1) if has_main_point else None
    notes = tuple(_footnote(draw, number) for number in range(1, refs + 1))
    return Article(title=title, sections=tuple(sections), main_point=point, footnotes=notes)


@st.composite
def articles(draw: Draw, *, multi_item: bool = False) -> Article:
    """An article; with ``multi_item`` a column of two or three titled items by one author.

    A column of one item cannot be told from an article whose first section has a heading, so it is not drawn.
    """
    if multi_item:
        author = draw(authors())
        items = tuple(draw(units(titled=True, main_point=True)) for _ in range(draw(st.integers(2, 3))))
        return Article(title=MULTI_ITEM_TITLE, authors=(author,), items=items)
    body: Article = draw(units())
    return attrs.evolve(body, title=draw(titles()), authors=draw(author_lists()))


@st.composite
def mastheads(draw: Draw, year: int, publisher: str) -> Masthead:
    """A masthead with one to four editors and the contact block."""
    roles = draw(st.lists(st.sampled_from(words.EDITOR_ROLES), min_size=1, max_size=4, unique=True))
    editors = tuple(
        (role, f"{draw(st.sampled_from(words.FIRST_NAMES))} {draw(st.sampled_from(words.SURNAMES))}") for role in roles
    )
    street = draw(st.sampled_from(words.STREETS))
    return Masthead(
        editors=editors,
        address=f"{draw(st.integers(100, 9999))} {street} Washington DC {draw(st.integers(20001, 20099))}",
        email="contact@globaltaiwan.org",
        subscribe_url="https://globaltaiwan.org/subscribe/",
        copyright=f"© {year} · {publisher}",
    )


@st.composite
def issues(draw: Draw, *, max_articles: int = 3) -> Issue:
    """A clean issue: contents, a masthead (usually), and one to ``max_articles`` articles."""
    fortnightly = draw(st.booleans())
    plain_count = draw(st.integers(0 if fortnightly else 1, max_articles - (1 if fortnightly else 0)))
    found = [draw(articles()) for _ in range(plain_count)]
    unique: dict[str, Article] = {article.title: article for article in found}
    listed = list(unique.values())
    if fortnightly:
        listed.insert(0, draw(articles(multi_item=True)))
    contents = tuple(
        ContentsEntry(article.title, tuple(author.name for author in article.authors)) for article in listed
    )
    facts: dict[str, Any] = {}
    masthead = None
    if draw(st.integers(0, 4)):
        year = draw(st.integers(2016, 2030))
        month = draw(st.integers(1, 12))
        volume = draw(st.integers(1, 30))
        number = draw(st.integers(1, 26))
        publisher = draw(st.sampled_from(words.PUBLISHERS))
        masthead = draw(mastheads(year, publisher))
        facts = {
            "volume": volume,
            "number": number,
            "year": year,
            "month": month,
            "url": f"https://globaltaiwan.org/{year}/{month:02d}/vol-{volume}-issue-{number}/",
            "publisher": publisher,
        }
    return settle_scripts(Issue(masthead=masthead, contents=contents, articles=tuple(listed), **facts))


@st.composite
def renditions(
    draw: Draw,
    issue_strategy: st.SearchStrategy[Issue] | None = None,
    quirks: Quirks = Quirks(),  # noqa: B008 -- a frozen value
) -> tuple[Issue, Rendition]:
    """An issue and its rendition with ``quirks`` injected at drawn positions."""
    issue: Issue = draw(issue_strategy if issue_strategy is not None else issues())
    return issue, render(issue, quirks, random.Random(draw(st.integers(0, 2**32 - 1))))
