"""Layout knowledge as data: the patterns and word tables of one rendition of the *Global Taiwan Brief*.

A new layout is a new :class:`Layout` value (tables and patterns) plus corpus cases,
registered in :data:`LAYOUTS`; the pipeline stages read everything layout-specific from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

import attrs
import regex

Pattern = regex.Pattern[str]


def _compile(pattern: str) -> Pattern:
    return regex.compile(pattern, regex.VERSION1 | regex.VERBOSE)


_NEVER = _compile(r"(?!)")
_CREDIT_LINE = _compile(
    r"(?i)^[*_]{0,2}(?:Translated|Translation|Edited|Compiled|Illustrated|Interview(?:ed)?|Photos?)"
    r"\ (?:conducted\ )?by\s{0,3}:?\s{1,3}\S"
)
_LIST_ITEM = _compile(r"^[•▪◦●‣·][\ \t]|^-[\ \t]")


@attrs.frozen
class Layout:
    """Everything the parser knows about one layout, as patterns and tables."""

    name: str
    description: str
    byline: Pattern
    """A byline; group ``names`` holds the authors, group ``colon`` is set when the marker has its colon
    (without it, every name must have two words or more, so ``By Land and Sea`` stays a heading)."""
    main_point: Pattern
    """The start of a main-point summary; the text follows the match."""
    footnote_start: Pattern
    numbered_note_start: Pattern
    """A note printed as ``1. Author, Title …``: read as a footnote only after the main point, when the text marks
    that number (``[1]``) and it follows the note before."""
    """The start of a footnote; group ``number``."""
    caption: Pattern
    """A chart or photo caption standing as its own block."""
    sidebar_start: Pattern
    """The first block of the masthead sidebar."""
    sidebar_end: Pattern
    """The last block of the masthead sidebar."""
    sidebar_max_blocks: int
    page_furniture: tuple[tuple[str, Pattern], ...]
    """``(kind, pattern)`` of stray furniture blocks: page numbers, running heads."""
    editor_role: Pattern
    """A role label in the masthead (``Editor-in-Chief``); the next block names the editor."""
    web_source: Pattern
    """The masthead line that gives the issue's URL; group ``url``."""
    issue_url: Pattern
    """Volume, number, year and month inside the issue URL."""
    issue_label: Pattern
    """Volume and number printed as text (``Vol. 5, Issue 23``), when the URL does not give them."""
    subscribe: Pattern
    email: Pattern
    copyright: Pattern
    """Group ``year`` and ``holder`` (the publisher)."""
    multi_item_titles: frozenset[str]
    """Titles of columns made of separately titled items, to read as such even with one item.

    Several main points in one article mark it as made of items whatever its title; this table is only
    for a layout whose columns may print a single item.
    """
    honorifics: Pattern
    """A leading rank or title in a byline name."""
    compounds: frozenset[str]
    """Lexical compounds whose hyphen stays when a line break falls on it."""
    continuation_words: frozenset[str]
    """Words a complete sentence or heading never ends with (articles, prepositions …, and abbreviations that stand
    before a name or number, such as ``gen.`` and ``no.``)."""
    heading_max_words: int
    heading_minor_words: frozenset[str]
    """Words a title-case heading may leave in lower case."""
    column_breaks: bool = True
    """Whether the rendition has column and page breaks to rejoin (a web copy has none)."""
    expects_masthead: bool = True
    """Whether a missing masthead is worth a diagnostic."""
    front_matter: tuple[tuple[str, Pattern], ...] = ()
    """``(kind, pattern)`` of one-line labels that may stand before the first byline and are kept as furniture:
    ``cover-title`` (a special issue's cover line; group ``title`` is the issue's title) and ``contents-heading``."""
    credit_line: Pattern = _CREDIT_LINE
    """A credit line printed after the byline, before the bio (``Translated by: Lin Mei-hua``)."""
    notes_heading: Pattern = _NEVER
    """A one-line label over an article's footnotes (``Notes``, ``Endnotes``): furniture when a footnote follows."""
    list_item: Pattern = _LIST_ITEM
    """The start of a list item printed as its own block, bullet and all: a break never joins one to the block
    before it, and only strong evidence (a lower-case continuation, a clause left open) joins a block to it."""


_MINOR_WORDS = frozenset(
    "a an and as at but by for from in into of on or over the to under up via vs with versus nor during after "
    "before between about against amid among".split()
)

_CONTINUATION_WORDS = frozenset(
    "a an the of to and or nor but in on at by for from with into onto over under as than that which who whom "
    "whose is are was were be been being has have had his her its their our my your this these those such "
    "between about among amid against toward towards through per via if so not no very more most less also "
    "can could would should will shall may might must do does did "
    # abbreviations that stand before a name or number (``Gen.`` / ``Mark Milley``, ``No.`` / ``1 priority``)
    "mr. mrs. ms. dr. prof. gen. lt. col. maj. capt. adm. sgt. cmdr. rep. sen. gov. amb. pres. rev. no. nos. "
    "art. arts. sec. para. fig. vol. ch.".split()
)

# The general compound table ships in ``data/compounds.txt``; a layout adds only what its own house style
# hyphenates. The Brief follows American usage, which that table already encodes.
_COMPOUNDS: frozenset[str] = frozenset()

GTB_ISSUE = Layout(
    name="gtb-issue",
    description="A full issue rendered from the two-column PDF: contents, masthead sidebar, articles.",
    byline=_compile(r"^By(?P<colon>:)?\s+(?P<names>\S.*)$"),
    main_point=_compile(r"^[*_]{0,2}The\ main\ point:[*_]{0,2}\s*"),
    footnote_start=_compile(r"^\[(?P<number>\d{1,3})\](?!\()\s*"),
    numbered_note_start=_compile(r"^(?P<number>\d{1,3})\.\s+"),
    caption=_compile(
        r"""^\(\s*(?:Charts?|Photos?|Images?|Figures?|Graphics?|Maps?|Tables?|Sources?|Screenshots?)\b
        [^\n]*(?:\n[^\n]*){0,2}\)$
        | ^(?:Charts?|Photo|Image|Figure|Graphic|Map|Table)(?:\ \d+)?:\ [^\n]*$
        | ^Sources?:\ [^\n]{1,200}$"""
    ),
    notes_heading=_compile(
        r"(?i)^[*_]{0,2}(?:End\ ?notes|Foot\ ?notes|Notes|References|Sources)[*_]{0,2}\s{0,3}:?[*_]{0,2}$"
    ),
    # The sidebar's opening line, or (a shorter sidebar printed again) the publisher's address block.
    sidebar_start=_compile(r"^The\ Global\ Taiwan\ Brief\ is\ a\b|^Global\ Taiwan\ Institute\n\d{1,5}\ "),
    sidebar_end=_compile(r"^(?:©|\([cC]\)\ ?\d{4}|Copyright\b)"),
    sidebar_max_blocks=40,
    page_furniture=(
        # ``4``, ``Page 4``, ``- 5 -``, ``6 | globaltaiwan.org``
        (
            "page-number",
            _compile(
                r"""^(?:Page\ )?\d{1,3}$ | ^[-–—]\ ?\d{1,3}\ ?[-–—]$
                | ^\d{1,3}\ {0,3}\|\ {0,3}(?:www\.)?globaltaiwan\.org$
                | ^(?:www\.)?globaltaiwan\.org\ {0,3}\|\ {0,3}\d{1,3}$"""
            ),
        ),
        # ``Global Taiwan Brief Vol. 7, Issue 3``, ``GLOBAL TAIWAN BRIEF | Volume 7, Issue 3``, ``… , Vol. 7, No. 3``
        (
            "running-head",
            _compile(
                r"""(?i)^Global\ Taiwan\ Brief\ {0,3}[,|:–—-]?\s{0,3}Vol(?:ume|\.)?\ {0,3}\d{1,3}[,.]?
                \ {1,3}(?:Issue|No\.?)\ {0,3}\d{1,3}$"""
            ),
        ),
        ("page-footer", _compile(r"^(?:https?://)?(?:www\.)?globaltaiwan\.org/?$")),
    ),
    editor_role=_compile(
        r"""^(?:[\p{Lu}][\p{L}]*[\ -])*
        (?:Editor|Editors|Editorial|Editor-in-Chief|Publisher|Director|Manager|Designer|Coordinator|Chief|Assistant
        |Associate|Associates|Fellow|Fellows|Analyst|Analysts|Officer|Researcher|Intern|Interns|Adviser|Advisor
        |Consultant|Specialist|Writer|Translator|Proofreader|President)
        (?:[\ -](?:\p{Lu}\p{L}*|in|of|for|at|and|on|the|to)){0,3}$"""
    ),
    web_source=_compile(r"(?i)web\ sources.{0,200}?visit\s+<?(?P<url>https?://[^\s<>]+?)>?\s*\.?$"),
    issue_url=_compile(r"(?:/(?P<year>\d{4})/(?P<month>\d{1,2}))?/vol(?:ume)?-(?P<volume>\d+)-issue-(?P<number>\d+)"),
    issue_label=_compile(r"\bVol(?:ume|\.)?\s*(?P<volume>\d{1,3})[,.]?\s+Issue\s+(?P<number>\d{1,3})\b"),
    subscribe=_compile(r"(?is)subscribe.{0,200}?<?(?P<url>https?://[^\s<>]+?)>?\s*$"),
    email=_compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    copyright=_compile(
        r"^(?:©|\([cC]\)|Copyright(?:\ ©|\ \([cC]\))?)\s*(?P<year>\d{4})\s*[·,.\-–]?\s*(?P<holder>.+?)\s*$"
    ),
    multi_item_titles=frozenset(),
    honorifics=_compile(
        r"""^(?P<honorific>
        (?:(?:Lt|Lieutenant|Maj|Major|Brig|Brigadier|Gen|General|Col|Colonel|Capt|Captain|Cmdr|Commander|
            Adm|Admiral|Vice|Rear|Sgt|Dr|Prof|Professor|Amb|Ambassador|Hon|Honorable|Rep|Sen|Mr|Mrs|Ms|Rev)
           \.?\s+)+
        (?:\((?:[^()]*)\)\s+)?
        )"""
    ),
    compounds=_COMPOUNDS,
    continuation_words=_CONTINUATION_WORDS,
    heading_max_words=14,
    heading_minor_words=_MINOR_WORDS,
    front_matter=(
        (
            "cover-title",
            _compile(r"(?i)^Special\ (?:Issue|Edition|Report|Feature)\s{0,3}[:：–—-]\s{0,3}(?P<title>\S[^\n]{0,300})$"),
        ),
        (
            "contents-heading",
            _compile(r"(?i)^(?:(?:Table\ of\ )?Contents|In(?:side)?\ (?:this|the)\ (?:issue|edition))\s{0,3}:?$"),
        ),
    ),
)


GTB_WEB = attrs.evolve(
    GTB_ISSUE,
    name="gtb-web",
    description="One article copied from the publisher's website: no columns, masthead or contents.",
    sidebar_start=_NEVER,
    sidebar_end=_NEVER,
    editor_role=_NEVER,
    page_furniture=(),
    column_breaks=False,
    expects_masthead=False,
    front_matter=(),
)

LAYOUTS: Mapping[str, Layout] = MappingProxyType({layout.name: layout for layout in (GTB_ISSUE, GTB_WEB)})
"""The known layouts, by name."""

DEFAULT_LAYOUT = GTB_ISSUE


def get_layout(name: str) -> Layout:
    """The layout registered under ``name``; raises ``ValueError`` naming the known ones."""
    try:
        return LAYOUTS[name]
    except KeyError:
        known = ", ".join(sorted(LAYOUTS))
        raise ValueError(f"unknown layout {name!r} (known: {known})") from None


def resolve_layout(layout: Layout | str | None) -> Layout | None:
    """A layout given by value or by name; ``None`` (detect it) stays ``None``."""
    if layout is None or isinstance(layout, Layout):
        return layout
    if isinstance(layout, str):
        return get_layout(layout)
    raise TypeError(f"layout must be a Layout, a layout name or None, not {type(layout).__name__}")
