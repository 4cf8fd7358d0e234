"""A test-only renderer: lays an :class:`~gtbparse.Issue` out as the two-column PDF rendition does.

The rendition is the text a PDF-to-text tool makes of an issue: contents, then each article's title,
``By: …`` line, bios, paragraphs separated by blank lines, ``The main point: …`` and ``[n] …``
footnotes, with the masthead sidebar dropped into the flow. :func:`render` writes that text and can
inject the quirks of the layout — column and page breaks at word positions, end-of-column hyphens at
real hyphenation points, breaks inside glosses, the masthead or a page number in mid-sentence — and
records each one as an :class:`Injected` naming the :class:`~gtbparse.Edit` that should undo it.

Breaks are only placed where the layout leaves no doubt (see :func:`render`): a break before a
capitalised word after a short fragment could as well be a heading, and belongs in hand-written tests.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator, Sequence

import attrs
import regex

from ..layout import GTB_ISSUE
from ..model import Article, Emphasis, FootnoteRef, Issue, Link, Masthead, Paragraph, Span
from ._words import HYPHENATION

REPAIR_RULES = frozenset({"join-column-break", "join-cjk", "dehyphenate", "keep-hyphen"})
"""The rules of edits that undo a break in the layout (as opposed to dropping furniture or unescaping)."""

_ESCAPED = frozenset("\\*$[]<")
_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*")
_PRE = r"(?P<pre>[\[*“\"‘(]*)"
_POST = r"(?P<post>(?:\]\([^()\s]*\))?[^\p{L}\p{N}\s'’-]*)"
_SPLITTABLE_WORD = regex.compile(_PRE + r"(?P<word>\p{L}{4,})" + _POST + "$")
_COMPOUND = regex.compile(_PRE + r"(?P<left>\p{L}+|\p{N}+)-(?P<right>\p{L}+|\p{N}+)" + _POST + "$")
_HAN = regex.compile(r"\p{Han}")
_TRAILING = regex.compile(r"(?:\]\([^()\s]*\))?(?:\[\d{1,3}\])*$")
_TERMINAL = ".!?:…"
_LAST_LETTERS = regex.compile(r"\p{L}+$")
_CLOSERS = "\"'”’)]*_»›"


@attrs.frozen
class Quirks:
    """Which layout quirks :func:`render` injects, and at most how many of each."""

    column_breaks: int = 6
    """Column or page breaks at word positions (``\\n\\n`` mid-sentence)."""
    hyphen_splits: int = 3
    """End-of-column hyphens splitting a word that occurs unbroken elsewhere in the issue."""
    compound_splits: int = 2
    """Breaks at the hyphen of a compound, a range of numbers or a name with an all-caps half."""
    gloss_breaks: int = 2
    """Breaks between two Han characters of a gloss or right after its opening parenthesis."""
    page_furniture: int = 2
    """Page numbers and running heads, at breaks or between paragraphs."""
    masthead_mid_sentence: bool = True
    """Drop the masthead sidebar into a break (else it stands between two blocks)."""
    masthead_repeats: bool = False
    """Print the masthead sidebar a second time, as on a later page."""


NO_QUIRKS = Quirks(0, 0, 0, 0, 0, masthead_mid_sentence=False, masthead_repeats=False)
"""A rendition whose paragraphs are all whole: nothing for the parser to repair."""


@attrs.frozen
class Injected:
    """One quirk the renderer put in: ``rule`` and ``span`` are those of the edit that should undo it."""

    kind: str
    """``column-break``, ``hyphen-split``, ``compound-split``, ``gloss-break``, ``masthead``,
    ``page-number`` or ``running-head``."""
    rule: str
    span: Span


@attrs.frozen
class Rendition:
    """The rendered text and every quirk injected into it."""

    text: str
    injected: tuple[Injected, ...] = ()

    def expected_edits(self, rules: frozenset[str] | None = None) -> Counter[tuple[str, Span]]:
        """The ``(rule, span)`` of every edit the injected quirks call for (optionally only some rules)."""
        return Counter((item.rule, item.span) for item in self.injected if rules is None or item.rule in rules)


# --- inline markup -----------------------------------------------------------------------------------------


def inline_markup(
    text: str,
    links: Sequence[Link] = (),
    emphasis: Sequence[Emphasis] = (),
    footnote_refs: Sequence[FootnoteRef] = (),
) -> str:
    """The rendition's markup for clean ``text`` with these spans (their ``at`` offsets into ``text``)."""
    openers: dict[int, list[tuple[int, int, str]]] = {}
    closers: dict[int, list[tuple[int, int, str]]] = {}
    marks: dict[int, list[str]] = {}
    # Outer spans open first and close last; of two spans over the same text the link is the outer one.
    for link in links:
        start, end = link.at
        openers.setdefault(start, []).append((-end, 0, "["))
        closers.setdefault(end, []).append((-start, 0, f"]({link.url or '#'})"))
    for item in emphasis:
        start, end = item.at
        stars = "**" if item.strong else "*"
        openers.setdefault(start, []).append((-end, 1, stars))
        closers.setdefault(end, []).append((-start, -1, stars))
    for ref in footnote_refs:
        marks.setdefault(ref.at[0], []).append(f"[{ref.number}]")
    out: list[str] = []
    for position in range(len(text) + 1):
        out.extend(markup for *_, markup in sorted(closers.get(position, ())))
        out.extend(marks.get(position, ()))
        out.extend(markup for *_, markup in sorted(openers.get(position, ())))
        if position < len(text):
            char = text[position]
            out.append("\\" + char if char in _ESCAPED else char)
    return "".join(out)


def escape(text: str) -> str:
    """Plain text as the rendition prints it (markup characters escaped)."""
    return inline_markup(text)


def paragraph_markup(paragraph: Paragraph) -> str:
    return inline_markup(paragraph.text, paragraph.links, paragraph.emphasis, paragraph.footnote_refs)


def names_line(names: Sequence[str]) -> str:
    """Names as a byline or the contents print them: ``A``, ``A and B``, ``A, B, and C``."""
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def masthead_blocks(issue: Issue, masthead: Masthead) -> list[str]:
    """The masthead sidebar as its blocks, in the order the rendition prints them."""
    publisher = issue.publisher or "Global Taiwan Institute"
    blocks = [
        "The Global Taiwan Brief is a bi-weekly publication released every other Wednesday and provides "
        "insight into the latest news on Taiwan."
    ]
    for role, name in masthead.editors:
        blocks.extend((role, name))
    blocks.append(
        "The views and opinions expressed in these articles are those of the authors and do not necessarily "
        f"reflect the official policy or position of the {publisher}."
    )
    if issue.url:
        blocks.append(
            f"To view web sources cited in the published papers (underlined in printed text), visit <{issue.url}>."
        )
    contact = [publisher]
    if masthead.address:
        head, _, tail = masthead.address.partition(", ")
        contact.extend([f"{head}," if tail else head, tail] if tail else [head])
    if masthead.email:
        contact.append(masthead.email)
    blocks.append("\n".join(contact))
    if masthead.subscribe_url:
        blocks.append(f"To subscribe, visit\n<{masthead.subscribe_url}>")
    blocks.append(masthead.copyright or f"© {issue.year or 2020} · {publisher}")
    return blocks


# --- the blocks of an issue ---------------------------------------------------------------------------------


@attrs.define
class _Block:
    markup: str
    max_breaks: int = 0
    prefix_tokens: int = 0
    cuts: list[_Slot] = attrs.Factory(list)


def _issue_blocks(issue: Issue) -> list[_Block]:
    blocks = []
    for entry in issue.contents:
        blocks.append(_Block(escape(entry.title)))
        if entry.authors:
            blocks.append(_Block(escape(names_line(entry.authors))))
    for article in issue.articles:
        blocks.append(_Block(escape(article.title)))
        blocks.append(_Block("By: " + escape(names_line([author.name for author in article.authors]))))
        blocks.extend(_Block(escape(author.bio)) for author in article.authors if author.bio)
        for unit in article.items or (article,):
            blocks.extend(_unit_blocks(unit, titled=bool(article.items)))
    return blocks


def _unit_blocks(unit: Article, *, titled: bool) -> Iterator[_Block]:
    if titled:
        yield _Block(escape(unit.title))
    for section in unit.sections:
        if section.heading is not None:
            yield _Block(escape(section.heading))
        for paragraph in section.paragraphs:
            if paragraph.kind == "list-item":
                yield _Block("• " + paragraph_markup(paragraph), max_breaks=0, prefix_tokens=1)
                continue
            breakable = paragraph.kind != "caption"
            yield _Block(paragraph_markup(paragraph), max_breaks=8 if breakable else 0)
    if unit.main_point is not None:
        yield _Block("The main point: " + paragraph_markup(unit.main_point), max_breaks=1, prefix_tokens=3)
    for note in unit.footnotes:
        yield _Block(f"[{note.number}] " + inline_markup(note.text, note.links, note.emphasis), 1, 1)


# --- where breaks may fall ----------------------------------------------------------------------------------


@attrs.frozen
class _Slot:
    block: int
    token: int
    kind: str
    rule: str
    cut: int  # where in the token the break falls (len(token) for a gap after it)
    hyphen: bool = False  # write ``-`` at the end of the first fragment (a word split)
    attested: str = ""  # the word whose unbroken occurrences the split uses up
    notable: float = 0.0  # how much more often to pick it: inside markup most, then footnotes, quotes, capitals

    @property
    def position(self) -> float:
        return self.token + (0.5 if self.kind == "column-break" else 0.0)


def _core(token: str) -> str:
    return _TRAILING.sub("", token).rstrip(_CLOSERS)


def _gap_is_clear(tokens: Sequence[str], index: int) -> bool:
    """Whether a break after ``tokens[index]`` can only be read as a break (never as a paragraph end or heading)."""
    following = tokens[index + 1]
    if following[:1].islower():
        return True
    core = _core(tokens[index])
    if not core or core[-1] in _TERMINAL:
        return False
    if core[-1] in ",;":
        return True
    last_word = _LAST_LETTERS.search(tokens[index])
    if last_word and last_word.group().casefold() in GTB_ISSUE.continuation_words:
        return True  # ``… of`` / ``Taiwan …``: no sentence or heading ends on a preposition or article
    return index + 1 > GTB_ISSUE.heading_max_words


def _slots(index: int, block: _Block, counts: Counter[str]) -> Iterator[_Slot]:
    for slot in _plain_slots(index, block, counts):
        yield attrs.evolve(slot, notable=_is_notable(block, slot))


def _is_notable(block: _Block, slot: _Slot) -> float:
    tokens = block.markup.split(" ")
    before = " ".join(tokens[: slot.token]) + " " + tokens[slot.token][: slot.cut]
    inside_markup = before.count("[") > before.count("]") or before.count("*") % 2 == 1
    special_block = block.prefix_tokens > 0 or block.markup.startswith("“")
    before_capital = slot.kind == "column-break" and not tokens[slot.token + 1][:1].islower()
    return 0.8 if inside_markup else 0.4 if special_block or before_capital else 0.0


def _plain_slots(index: int, block: _Block, counts: Counter[str]) -> Iterator[_Slot]:
    tokens = block.markup.split(" ")
    first = max(1, block.prefix_tokens)
    for position in range(first, len(tokens) - 1):
        token = tokens[position]
        if position <= len(tokens) - 3 and _gap_is_clear(tokens, position):
            yield _Slot(index, position, "column-break", "join-column-break", len(token))
        if found := _SPLITTABLE_WORD.match(token):
            word = found.group("word")
            for point in HYPHENATION.get(word.casefold(), ()):
                if 2 <= point <= len(word) - 2 and counts[word.casefold()] >= 2:
                    cut = found.start("word") + point
                    yield _Slot(index, position, "hyphen-split", "dehyphenate", cut, True, word.casefold())
        if found := _COMPOUND.match(token):
            left, right = found.group("left"), found.group("right")
            compound = f"{left}-{right}".casefold()
            is_range = left.isdigit() and right.isdigit()
            is_name_pair = len(left) > 1 and left.isupper() and not left.isdigit()
            if is_range or is_name_pair:
                yield _Slot(index, position, "compound-split", "keep-hyphen", found.end("left") + 1)
            elif left.isalpha() and counts[compound] >= 2:
                cut = found.end("left") + 1
                yield _Slot(index, position, "compound-split", "keep-hyphen", cut, attested=compound)
        for offset in range(1, len(token)):
            if _HAN.match(token[offset]) and (_HAN.match(token[offset - 1]) or token[offset - 1] in "(["):
                yield _Slot(index, position, "gloss-break", "join-cjk", offset)


def _choose(slots: list[_Slot], blocks: list[_Block], quirks: Quirks, counts: Counter[str], rng: random.Random) -> None:
    budget = {
        "column-break": quirks.column_breaks,
        "hyphen-split": quirks.hyphen_splits,
        "compound-split": quirks.compound_splits,
        "gloss-break": quirks.gloss_breaks,
    }
    wanted = {kind: rng.randint(0, limit) for kind, limit in budget.items()}
    # Notable places (inside a link, a footnote, before a capital …) tend to go first.
    slots.sort(key=lambda slot: rng.random() - slot.notable)
    for slot in slots:
        block = blocks[slot.block]
        if wanted[slot.kind] <= 0 or len(block.cuts) >= block.max_breaks:
            continue
        if any(abs(slot.position - other.position) < 2 for other in block.cuts):
            continue
        if slot.attested:
            if counts[slot.attested] < 2:
                continue
            counts[slot.attested] -= 1
        wanted[slot.kind] -= 1
        block.cuts.append(slot)
    for block in blocks:
        block.cuts.sort(key=lambda slot: slot.position)


# --- writing it out -----------------------------------------------------------------------------------------


class _Writer:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.injected: list[Injected] = []

    def write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def furniture(self, kind: str, blocks: Sequence[str]) -> None:
        start = self.length
        self.write("\n\n".join(blocks))
        self.injected.append(Injected(kind, "drop-furniture", (start, self.length)))
        self.write("\n\n")


def render(issue: Issue, quirks: Quirks = NO_QUIRKS, rng: random.Random | None = None) -> Rendition:
    """Lay ``issue`` out as its PDF rendition, injecting ``quirks`` at positions drawn from ``rng``.

    A break is only put where the parser has something to go on: before a lower-case word, after a
    comma or semicolon, or after a fragment too long to be a heading — never after terminal
    punctuation. A word is only split at a hyphenation point if it occurs unbroken elsewhere in the
    issue; a compound only at its own hyphen if it too occurs unbroken elsewhere (or it is a range of
    numbers, or its first half is all capitals). With ``NO_QUIRKS`` the masthead stands between
    two blocks and nothing else is injected.
    """
    rng = rng or random.Random(0)
    blocks = _issue_blocks(issue)
    counts = Counter(match.casefold() for block in blocks for match in _WORD.findall(block.markup))
    slots = [slot for index, block in enumerate(blocks) if block.max_breaks for slot in _slots(index, block, counts)]
    _choose(slots, blocks, quirks, counts, rng)
    cuts = [(index, number) for index, block in enumerate(blocks) for number in range(len(block.cuts))]
    furniture_at_cut: dict[tuple[int, int], list[tuple[str, list[str]]]] = {}
    furniture_before: dict[int, list[tuple[str, list[str]]]] = {}

    def place(kind: str, pieces: list[str], mid_sentence: bool) -> None:
        if mid_sentence and cuts:
            furniture_at_cut.setdefault(rng.choice(cuts), []).append((kind, pieces))
        else:
            furniture_before.setdefault(rng.randint(0, len(blocks)), []).append((kind, pieces))

    if issue.masthead is not None:
        sidebar = masthead_blocks(issue, issue.masthead)
        place("masthead", sidebar, quirks.masthead_mid_sentence)
        if quirks.masthead_repeats:
            place("masthead", sidebar, rng.random() < 0.5)
    for _ in range(rng.randint(0, quirks.page_furniture)):
        if rng.random() < 0.5:
            place("page-number", [str(rng.randint(2, 40))], rng.random() < 0.5)
        else:
            volume, number = issue.volume or 5, issue.number or 1
            place("running-head", [f"Global Taiwan Brief Vol. {volume}, Issue {number}"], rng.random() < 0.5)

    writer = _Writer()
    for index, block in enumerate(blocks):
        for kind, pieces in furniture_before.get(index, ()):
            writer.furniture(kind, pieces)
        _write_block(writer, block, index, furniture_at_cut)
        if index + 1 < len(blocks):
            writer.write("\n\n")
    trailing = furniture_before.get(len(blocks), ())
    if trailing:
        writer.write("\n\n")
        for kind, pieces in trailing:
            writer.furniture(kind, pieces)
    return Rendition("".join(writer.parts), tuple(writer.injected))


def _write_block(
    writer: _Writer,
    block: _Block,
    index: int,
    furniture_at_cut: dict[tuple[int, int], list[tuple[str, list[str]]]],
) -> None:
    tokens = block.markup.split(" ")
    offsets = [0]
    for token in tokens[:-1]:
        offsets.append(offsets[-1] + len(token) + 1)
    written = 0
    for number, slot in enumerate(block.cuts):
        cut = offsets[slot.token] + slot.cut
        writer.write(block.markup[written:cut] + ("-" if slot.hyphen else ""))
        gap_start = writer.length - (1 if slot.hyphen else 0)
        writer.write("\n\n")
        for kind, pieces in furniture_at_cut.get((index, number), ()):
            writer.furniture(kind, pieces)
        writer.injected.append(Injected(slot.kind, slot.rule, (gap_start, writer.length)))
        written = cut + (1 if slot.kind == "column-break" else 0)  # a break at a word position takes the space
    writer.write(block.markup[written:])
