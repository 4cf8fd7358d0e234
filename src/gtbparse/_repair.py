"""Stage 3: rejoin what column and page breaks cut apart, as explained edits.

Each pair of neighbouring blocks is judged on the evidence of both sides; a join
becomes an :class:`~gtbparse.model.Edit` (``join-column-break``, ``join-cjk``,
``dehyphenate`` or ``keep-hyphen``) and the joined text keeps its map to the source.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence

import attrs
import regex

from ._hyphen import Vocabulary, break_fragments, decide_hyphen
from ._text import Block, OffsetMap, TextBuilder
from .layout import Layout
from .model import Edit, Span


class Role(enum.StrEnum):
    """What a block is, as far as the layout patterns can tell before joining."""

    TEXT = "text"
    MAIN_POINT = "main-point"
    FOOTNOTE = "footnote"
    CAPTION = "caption"
    TABLE = "table"


@attrs.frozen
class Joined:
    """A logical block: one or more source blocks rejoined into one run of (still marked-up) text."""

    raw: str
    role: Role
    blocks: tuple[Block, ...]
    pieced_map: OffsetMap | None = None
    """The map back to the source when ``raw`` is pieced together; ``None`` when it is one source line as it
    stands, whose one-piece map :attr:`mapping` makes on demand (most blocks: an archive has tens of
    thousands, and each map kept alive is more for the garbage collector to walk)."""

    @property
    def mapping(self) -> OffsetMap:
        """Where each character of ``raw`` stands in the source."""
        if self.pieced_map is not None:
            return self.pieced_map
        return OffsetMap((0,), (self.blocks[0].start,), (len(self.raw),), (False,))

    @property
    def span(self) -> Span:
        return (self.blocks[0].start, self.blocks[-1].end)

    @property
    def line(self) -> int:
        return self.blocks[0].line


# (?r): patterns anchored at the end are searched from the end, so a failed search costs O(1), not O(n²).
_TRAILING_LINK = regex.compile(r"(?r)\]\([^()\s]{0,2000}\)$")
_TRAILING_MARKS = regex.compile(r"(?r)(?:\s*\[\d{1,3}\]|(?<![\d\s])\^\d{1,3})+$")
_CLOSERS = "\"'”’)]*_»›」』）】》"
_TERMINAL = ".!?:…。！？"
_LINK_MARKUP = regex.compile(r"\]\([^()\s]{0,2000}\)")
# A web address cut after one of the characters it is usually broken at, and what can continue it.
_URL_END = regex.compile(r"(?r)(?:https?://|www\.)[^\s<>()\[\]]{0,2000}[/\-_?=&#%.]$")
_URL_CUT_AFTER = "/-_?=&#%."
_URL_START = regex.compile(r"[\w/\-_?=&#%.~]")
_URL_WINDOW = 2100
_LAST_WORD = regex.compile(r"(?r)(\p{L}+)\W*$")
_HEADING_START = regex.compile(r"^[\p{Lu}\p{N}\"“‘'*\[(]")
# A full stop inside the text, footnote marks allowed after it (``international.[1] In``): a sentence, no heading.
_SENTENCE_END_INSIDE = regex.compile(r"\.(?:\[\d{1,3}\]|\^\d{1,3})*\s")
# A paragraph that opens with an emphasised label (``**GTB:** Was there …?``, ``*Update*: …``): a speaker's turn in an
# interview or a labelled note, however short, never a heading.
_LABEL_START = regex.compile(r"\*{1,2}[^*\n]{1,40}(?::\*{1,2}|\*{1,2}:)[ \t]+\S")
# A heading's number (``1. Background``, ``II. The Legal Question``, ``B. Options``): its full stop ends no sentence.
_HEADING_NUMBER = regex.compile(r"(?:\d{1,2}|[IVXLC]{1,7}|[A-Z])\.[ \t]+(?=\p{Lu})")
_CAPTION_CREDIT = regex.compile(r"(?:Sources?|Notes?|Credits?|Data):\s")
# The line that names a quotation's source under it: ``— Lai Ching-te, inaugural address, May 20, 2024``.
ATTRIBUTION = regex.compile(r"(?:—|―|--)[ \t]?\p{Lu}")
_HEADING_MAX_LINE_BREAKS = 2  # a long heading may be printed over three lines
# Characters written without spaces between them: Han, and the kana that Japanese writes among them.
_UNSPACED = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}ー]")
_OPENERS_BEFORE_HAN = "([“‘「『（【《"
_CLOSERS_AFTER_HAN = ")]”’」』）】》-、，。；："


def core_end(text: str) -> str:
    """The text with trailing link markup, footnote marks and closing quotes/brackets removed."""
    text = text.rstrip()
    # Each pattern ends on a fixed character at the end (``$`` may also stand before a final newline):
    # testing for it first spares most texts the substitution.
    if "]" in text[-2:] or "^" in text[-4:]:
        text = _TRAILING_MARKS.sub("", text)
    if ")" in text[-2:]:
        text = _TRAILING_LINK.sub("", text)
    return text.rstrip(_CLOSERS + " ")


def ends_sentence(text: str) -> bool:
    """Whether ``text`` ends with terminal punctuation (allowing closing quotes, marks and links after it)."""
    core = core_end(text)
    return bool(core) and core[-1] in _TERMINAL


def looks_like_heading(text: str, layout: Layout) -> bool:
    """A short line (or two or three, as a long heading is printed) with no closing punctuation that could
    stand as a heading or title."""
    if text.count("\n") > _HEADING_MAX_LINE_BREAKS or not _HEADING_START.match(text) or _LABEL_START.match(text):
        return False
    core = core_end(text)
    if not core or core[-1] in ".,;:" or ("](" in text and _LINK_MARKUP.search(text)):
        return False
    words = text.split()
    numbered = _HEADING_NUMBER.match(core)
    if len(words) > layout.heading_max_words or _SENTENCE_END_INSIDE.search(core, numbered.end() if numbered else 0):
        return False
    # A comma in a line that is not in title case reads as a sentence cut short ("In early April, President"),
    # not as a sentence-case heading ("Why the vote matters").
    return ", " not in core or is_title_case(words, layout)


def is_heading_shaped(text: str, blocks: int, layout: Layout) -> bool:
    """Whether ``text``, rejoined from ``blocks`` blocks, can stand as a heading: heading-shaped, and in title case
    when a break cut it in two (sentence case there reads as a sentence cut short)."""
    return looks_like_heading(text, layout) and (blocks == 1 or is_title_case(text.split(), layout))


def is_title_case(words: list[str], layout: Layout) -> bool:
    """Whether every word but the minor ones (``of``, ``the`` …) starts with a capital or a digit."""
    for word in words:
        core = word.strip("\"“”‘’'()[]*_,:;?!—–-")
        if core and not (core[0].isupper() or core[0].isdigit() or core.casefold() in layout.heading_minor_words):
            return False
    return True


def open_brackets(text: str) -> bool:
    """Whether a parenthesis or square bracket opened in ``text`` is still open at its end."""
    parens, brackets = bracket_balance(text)
    return parens > 0 or brackets > 0


def continuation_evidence(before: str, after: str, layout: Layout, *, still_open: bool | None = None) -> str | None:
    """Why ``after`` must continue ``before`` (strong evidence only), or ``None``.

    ``still_open`` is :func:`open_brackets` of the whole text when ``before`` is only its end.
    """
    if after[:1].islower():
        return f"`{after.split(maxsplit=1)[0]}` continues in lower case"
    last_token = before.rsplit(maxsplit=1)[-1] if before.strip() else ""
    # ``Gen.``, ``No.``, ``Art.``: capitalised as they stand before a name or number (``said no.`` ends a sentence).
    if last_token.endswith(".") and last_token[:1].isupper() and last_token.casefold() in layout.continuation_words:
        return f"the block ends on `{last_token}`, which stands before a name or number"
    if ends_sentence(before):
        return None
    tail = before.rstrip()
    if tail.endswith(("“", "‘", "(", "[")):
        return "the block ends on an opening bracket or quote"
    if open_brackets(before) if still_open is None else still_open:
        return "a parenthesis opened in the block is still open"
    if tail.endswith((",", ";", "—", "–", "--")):
        return f"the block ends mid-clause on `{tail[-1]}`"
    last = _LAST_WORD.search(tail)
    word = last.group(1) if last and tail[-1].isalpha() else ""
    # A title-case heading may end on such a word ("What Taipei Should Do"); running text would not
    # capitalise it there.
    capitalised_heading = word[:1].isupper() and looks_like_heading(before, layout)
    if word.casefold() in layout.continuation_words and not capitalised_heading:
        return f"the block ends on `{word}`, which cannot end a sentence"
    return None


@attrs.frozen
class _Decision:
    joiner: str  # text that replaces the gap
    cut: int  # characters dropped from the end of the first block (a hyphen)
    rule: str
    evidence: str


_DECISION_WINDOW = 8192
"""How much of the end of a growing logical block a join decision reads. Its tests are anchored at the end
(the bracket balance is kept as a count), so a paragraph cut by many breaks costs linear, not quadratic, time."""


@attrs.define
class _Group:
    """A logical block being rejoined: its blocks, the decisions joining them, and what the next decision needs."""

    role: Role
    blocks: list[Block]
    decisions: list[_Decision]
    text: str
    """The joined text while it is one block; its last ``_DECISION_WINDOW`` characters after that."""
    parens: int
    brackets: int

    @classmethod
    def start(cls, block: Block, role: Role) -> _Group:
        text = block.text
        return cls(role, [block], [], text, *bracket_balance(text))

    @property
    def still_open(self) -> bool:
        """:func:`open_brackets` of the whole joined text."""
        return self.parens > 0 or self.brackets > 0

    def add(self, block: Block, decision: _Decision) -> None:
        text = block.text
        kept = self.text[: len(self.text) - decision.cut]
        self.text = (kept + decision.joiner + text)[-_DECISION_WINDOW:]
        parens, brackets = bracket_balance(text)
        self.parens += parens
        self.brackets += brackets
        self.blocks.append(block)
        self.decisions.append(decision)

    def build(self) -> Joined:
        if len(self.blocks) == 1 and self.blocks[0].is_single_line:  # most groups: the map is one piece
            return Joined(self.blocks[0].text, self.role, (self.blocks[0],))
        builder = TextBuilder()
        for index, block in enumerate(self.blocks):
            if index < len(self.decisions):
                decision = self.decisions[index]
                copy_block(builder, block, cut=decision.cut)
                builder.insert(decision.joiner, block.end)
            else:
                copy_block(builder, block)
        raw, mapping = builder.build()
        return Joined(raw, self.role, tuple(self.blocks), mapping)


def bracket_balance(text: str) -> tuple[int, int]:
    """Parentheses and square brackets opened but not closed in ``text`` (link markup ``](url)`` aside)."""
    if "](" in text:
        text = _LINK_MARKUP.sub("]", text)
    return text.count("(") - text.count(")"), text.count("[") - text.count("]")


def decide_join(
    before: _Group, after: Block, after_role: Role, vocabulary: Vocabulary, layout: Layout
) -> _Decision | None:
    """Whether ``after`` continues ``before`` across a break, and how to join them."""
    if not layout.column_breaks:
        return None
    if before.role is Role.CAPTION and after_role is Role.CAPTION and _CAPTION_CREDIT.match(after.text):
        return _Decision(" ", 0, "join-caption", "a source or note line under a caption is part of it")
    if after_role is not Role.TEXT or before.role in (Role.CAPTION, Role.TABLE):
        return None
    first = before.text.rstrip()
    second = after.text
    # A full stop after an address before a capital ends the sentence (``… at https://www.cna.com.tw.`` / ``The``).
    sentence_end = first.endswith(".") and second[:1].isupper()
    if (
        not sentence_end
        and _may_end_in_url(first)
        and _URL_END.search(first[-_URL_WINDOW:])
        and _URL_START.match(second)
    ):
        return _Decision("", 0, "join-url", "a web address runs on across the break")
    fragments = break_fragments(first, second)
    if fragments is not None:
        if first.endswith("\u00ad"):
            return _Decision("", 1, "dehyphenate", "a soft hyphen (U+00AD) only marks where a word may break")
        decision = decide_hyphen(*fragments, vocabulary, layout)
        return _Decision("", 0 if decision.keep else 1, decision.rule, decision.evidence)
    if _tight_cjk_break(first, second) and (before.still_open or not ends_sentence(first)):
        return _Decision("", 0, "join-cjk", "a Han character at the break: no space between characters")
    if before.still_open and _UNSPACED.match(first[-1:]) and second[:1].isdigit():
        # ``Made in China 2025 (中国制造`` / ``2025)``: digits run on from the characters inside a gloss.
        return _Decision("", 0, "join-cjk", "digits after Han characters inside brackets: no space between them")
    marker = layout.list_item.match(second)
    if marker and not _dash_continues(before, first, second[marker.end() :], layout):
        return None
    strong = continuation_evidence(first, second, layout, still_open=before.still_open)
    if strong:
        return _Decision(_joiner(first, second), 0, "join-column-break", strong)
    if layout.list_item.match(before.blocks[0].text) or ATTRIBUTION.match(before.blocks[0].text):
        return None  # list items and attributions end without punctuation: only strong evidence continues one
    if before.role is Role.FOOTNOTE and not looks_like_heading(second, layout):
        evidence = "text after a footnote that is no item title continues it"
        return _Decision(_joiner(first, second), 0, "join-column-break", evidence)
    if ends_sentence(first) or _TRAILING_MARKS.search(first):
        return None  # a footnote mark stands where a sentence or clause ends, punctuated or not
    # Only running text has headings: a short footnote or main point cut by a break is not one. A heading cut in
    # two by a break is rejoined above (it ends on a word like ``from``); whole again, it ends its block too.
    if before.role is Role.TEXT and is_heading_shaped(first, len(before.blocks), layout):
        return None
    if before.role in (Role.FOOTNOTE, Role.MAIN_POINT) and looks_like_heading(second, layout):
        return None
    return _Decision(_joiner(first, second), 0, "join-column-break", "the block stops without terminal punctuation")


def _dash_continues(before: _Group, first: str, rest: str, layout: Layout) -> bool:
    """Whether a block that opens like a list item (``- and that …``; ``rest`` follows the marker) continues
    ``first`` with a spaced hyphen used as a dash: it goes on in lower case, and ``first`` is no list item,
    introduces no list and ends no sentence."""
    return (
        rest[:1].islower()
        and not layout.list_item.match(before.blocks[0].text)
        and not first.endswith(":")
        and not ends_sentence(first)
    )


_OPENERS = tuple("“‘([{«‹")
_CLOSERS_AT_START = tuple(")]}”’»›,.;:!?")


def _joiner(first: str, second: str) -> str:
    """What goes between the halves of a plain join: a space, or nothing next to a closed dash, after an opening
    bracket or quotation mark, or before closing punctuation (``said that “`` / ``deterrence``, ``(2023`` / ``)``)."""
    closed_dash = (first.endswith(("—", "–")) and not first[-2:-1].isspace()) or (
        first.endswith("--") and not first[-3:-2].isspace()  # the ASCII dash of a cruder rendition
    )
    if closed_dash or first.endswith(_OPENERS) or second.startswith(_CLOSERS_AT_START):
        return ""
    return " "


def _may_end_in_url(stripped: str) -> bool:
    """Whether ``_URL_END`` can match ``stripped`` (which ends without whitespace): a cheap test to run first."""
    window = stripped[-_URL_WINDOW:]
    return bool(window) and window[-1] in _URL_CUT_AFTER and ("://" in window or "www." in window)


def _tight_cjk_break(first: str, second: str) -> bool:
    """Whether the break falls inside a run of Chinese text, where no space goes.

    That is between two Han characters, between a Han character and the punctuation closing it, or
    between an opening bracket or quote and a Han character. ``(MAC,`` / ``大陸委員會)`` keeps its space.
    """
    if _UNSPACED.match(second[:1]):
        return bool(_UNSPACED.match(first[-1:])) or first[-1:] in _OPENERS_BEFORE_HAN
    return bool(_UNSPACED.match(first[-1:])) and second[:1] in _CLOSERS_AFTER_HAN


def join_blocks(
    blocks: Sequence[Block],
    roles: Sequence[Role],
    furniture_before: Sequence[bool],
    source: str,
    vocabulary: Vocabulary,
    layout: Layout,
) -> tuple[tuple[Joined, ...], tuple[Edit, ...]]:
    """Rejoin ``blocks`` (with their ``roles``) wherever a break cut a paragraph, footnote or main point."""
    groups: list[_Group] = []
    edits: list[Edit] = []
    for block, role, after_furniture in zip(blocks, roles, furniture_before, strict=True):
        previous = groups[-1] if groups else None
        decision = decide_join(previous, block, role, vocabulary, layout) if previous else None
        if previous is None or decision is None:
            groups.append(_Group.start(block, role))
            continue
        gap_start = previous.blocks[-1].end - decision.cut
        previous.add(block, decision)
        across = " across page furniture" if after_furniture else ""
        edits.append(
            Edit(
                decision.rule,
                (gap_start, block.start),
                source[gap_start : block.start],
                decision.joiner,
                decision.evidence + across,
            )
        )
    return tuple(group.build() for group in groups), tuple(edits)


def copy_block(builder: TextBuilder, block: Block, *, cut: int = 0) -> None:
    """Copy ``block``'s lines, less ``cut`` characters at its end (a dropped hyphen)."""
    if block.is_single_line:
        builder.copy(block.text[: len(block.text) - cut], block.start)
        return
    texts = block.text.split("\n")
    last = len(texts) - 1
    for index, (text, start) in enumerate(zip(texts, block.starts, strict=True)):
        if index:  # the break after a line that another follows maps to its ``\n``
            builder.copy("\n", block.terminators[index - 1])
        builder.copy(text[: len(text) - cut] if index == last else text, start)
