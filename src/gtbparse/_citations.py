"""Bibliographic references parsed out of footnotes.

A footnote is read in three steps:

1. *Masking.* A working copy of the text is made with the same length (so the
   offsets of the emphasis spans stay valid): full-width CJK punctuation becomes
   its ASCII twin, and URLs, "accessed …" clauses, glosses in Chinese characters
   after a romanised name and ``[translated titles]`` are blanked out.
2. *Title.* The title is the first quoted (``"…"``, ``“…”``, ``〈…〉``) or
   emphasised (italic, ``《…》``) run that opens a bibliographic field; what comes
   before it must read like a list of names. APA references are recognised by
   the ``(Year).`` after the names instead.
3. *Fields.* What follows the title is split into comma-separated fields (not
   inside parentheses) and each is recognised by shape: a date, a volume, pages,
   a ``(Place: Publisher, Year)`` imprint, or else the container.

Text in which no title can be found, or whose title follows prose, is a
discursive note (:attr:`CitationKind.NOTE`).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from .model import Citation, CitationKind, Emphasis

_FLAGS = regex.VERSION1 | regex.VERBOSE

_FULL_WIDTH = str.maketrans({"，": ",", "：": ":", "（": "(", "）": ")", "。": ".", "；": ";", "、": ","})

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")

_MONTH = r"""(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?
    |Sep(?:tember|t\.|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![\p{L}])"""

# Every alternative is made of bounded pieces, so a search is linear in the text.
_DATE_BODY = rf"""
    (?P<month>{_MONTH})\s{{1,3}}(?P<day>\d{{1,2}}),?\s{{1,3}}(?P<year>\d{{4}})
    | (?P<day>\d{{1,2}})\s{{1,3}}(?P<month>{_MONTH}),?\s{{1,3}}(?P<year>\d{{4}})
    | (?P<month>{_MONTH}),?\s{{1,3}}(?P<year>\d{{4}})
    | (?P<year>\d{{4}}),\s{{0,3}}(?P<month>{_MONTH})(?:\s{{1,3}}(?P<day>\d{{1,2}}))?
    | (?P<year>\d{{4}})-(?P<month_number>\d{{1,2}})(?:-(?P<day>\d{{1,2}}))?
    | (?P<year>\d{{4}})\s?年(?:\s?(?P<month_number>\d{{1,2}})\s?月(?:\s?(?P<day>\d{{1,2}})\s?日)?)?
    | (?P<year>(?:1[6-9]|20)\d{{2}})
"""
_DATE = regex.compile(rf"(?<![\w]){_DATE_BODY}(?![\d])", _FLAGS)
_DATE_AT_END = regex.compile(rf"(?<![\w])(?:{_DATE_BODY})\s{{0,3}}$", _FLAGS)

_URL = regex.compile(r"(?:https?://|www\.)[^\s<>\"“”]{1,2000}")
_URL_TRAILING = ".,;:!?'’\"”"

_ACCESSED = regex.compile(
    rf"""\(?\b(?:accessed|retrieved|last\ (?:modified|updated|visited)|viewed)(?:\ on)?:?\s{{1,3}}
    (?:{_DATE_BODY})\)?(?:,?\s{{0,3}}from\b)?
    | \b[Rr]etrieved\ from\b
    | \b(?:[Aa]vailable|[Oo]nline)\ (?:at|from):?""",
    _FLAGS | regex.IGNORECASE,
)
# A gloss in Chinese characters: only blanked after Latin text, since in a
# Chinese-language reference a parenthesis holds the imprint or the date.
_HAN_GLOSS = regex.compile(r"(?<=[\p{Latin}\d\"”'’.]\s{0,2})\((?=[^()]{0,200}\p{Han})[^()\p{Latin}]{1,200}\)")
_BRACKETED = regex.compile(r"\[[^\[\]]{1,400}\]")

_QUOTED = regex.compile(r"\"(?P<inner>[^\"\n]{1,600})\"|“(?P<inner>[^“”\n]{1,600})”|〈(?P<inner>[^〈〉\n]{1,400})〉")
_LETTER = regex.compile(r"\p{L}")
_BOOK_MARKS = regex.compile(r"《(?P<inner>[^《》\n]{1,400})》")

# "See", "Cf." or a short clause ending in "see" ("On this point, see") before the reference itself.
_LEAD_IN = regex.compile(
    r"""^\s{0,5}(?:(?:[^.;:\n]{0,80}?\b)?(?:See|see|Cf\.|cf\.|Quoted\ in|quoted\ in|As\ cited\ in)(?:\s{1,3}also)?
    (?:,?\s{1,3}(?:e\.g\.|for\ example|for\ instance),?)?[:,]?\s{1,5})?""",
    _FLAGS,
)

_APA_DATE = regex.compile(
    rf"""\(\s{{0,2}}(?:(?P<year>\d{{4}})[a-z]?(?:,\s{{0,3}}(?P<month>{_MONTH})(?:\s{{1,3}}(?P<day>\d{{1,2}}))?)?
    |n\.\s?d\.)\s{{0,2}}\)\.""",
    _FLAGS,
)
_APA_IN = regex.compile(r"(?<=[.?!])\s{1,3}In\s")
_SENTENCE_END = regex.compile(r"(?<=[^\s.]{2})\.\s{1,5}(?=[\p{Lu}\p{Han}\d])|\.\s{0,5}$")
_APA_VOLUME = regex.compile(r"(?P<volume>\d{1,5})\s{0,2}(?:\((?P<issue>[^()]{1,12})\))?")
_PAGES_PAREN = regex.compile(r"\(\s{0,2}pp?\.\s{0,3}(?P<pages>[^()]{1,30}?)\s{0,2}\)")
_LEADING_PAREN = regex.compile(r"^\s{0,5}\((?P<body>[^()]{0,300})\)")

_JOURNAL = regex.compile(
    r"""^[\s,]{0,5}(?P<volume>\d{1,5}|[IVXLC]{1,8})
    (?:\s{0,3},?\s{0,3}(?:no|No|issue|Issue)\.?\s{0,3}(?P<issue>[\w–-]{1,12}))?
    \s{0,3}\((?P<when>[^()]{1,40})\)
    (?:\s{0,3}:\s{0,3}(?P<pages>\d{1,6}(?:\s{0,2}[–—-]\s{0,2}\d{1,6})?))?""",
    _FLAGS,
)
_VOLUME = regex.compile(
    r"^(?:Vol(?:ume)?\.?|vol(?:ume)?\.?)\s{0,3}(?P<volume>[\dIVXLCivxlc]{1,10})\b|第\s?(?P<volume>\d{1,5})\s?[卷冊册]"
)
_PAGES = regex.compile(r"^(?:(?P<marker>pp?\.|頁)\s{0,3})?(?P<pages>\d{1,5}(?:\s{0,2}[–—-]\s{0,2}\d{1,5})?)$")
_EDITOR = regex.compile(r"^(?:ed\.|eds\.|edited\ by|trans\.|translated\ by)\s", _FLAGS | regex.IGNORECASE)
_ISSUE_NUMBER = regex.compile(r"^(?:no\.|No\.|issue|Issue)\s{0,3}\w{1,12}$|^第\s?\d{1,5}\s?[期號号]$")
_TRAILING_PAREN = regex.compile(r"\((?P<body>[^()]{1,300})\)\s{0,3}$")

_AUTHOR_SPLIT = regex.compile(r",?\s{1,3}(?:and|&)\s{1,3}|;\s{1,3}|,\s{1,3}")
_APA_AUTHOR_SPLIT = regex.compile(r",?\s{0,3}&\s{1,3}|(?<=\.),\s{1,3}(?=\p{Lu})")
_INITIAL = regex.compile(r"^(?:\p{Lu}\.)(?:-?\p{Lu}\.){0,3}$")

_NAME_JOINERS = frozenset(
    "and & of the for on in at to de del der den da du la le van von y et al. ed. eds. jr. sr.".split()
)
_ORGANISATION_WORDS = frozenset(
    """ministry office council commission committee department bureau agency administration institute institution
    center centre foundation association university party government congress parliament assembly yuan service
    press corporation organization organisation group bank fund forum society academy league board court senate
    embassy mission network news times daily post herald journal agency television radio broadcasting company
    coalition alliance union federation cabinet secretariat executive legislative presidential house library
    archives museum""".split()
)
_ACRONYM = regex.compile(r"(?![IVX]{1,4}$)\p{Lu}{2,8}\d{0,4}")
_ORGANISATION_HAN = regex.compile(r"(?:部|會|会|院|局|署|處|处|社|所|黨|党|中心|政府|辦公室|办公室|報|报)$")
_REPORT_WORDS = regex.compile(
    r"""\b(?:Report|Reports|White\ Paper|Paper|Papers|Review|Brief|Briefing|Assessment|Testimony|Yearbook|Survey
    |Working\ Paper|Policy\ Paper|Issue\ Brief|Monograph)\b|報告|报告|白皮書|白皮书""",
    _FLAGS,
)
_PERIODICAL_WORDS = regex.compile(
    r"""\b(?:Times|News|Daily|Post|Herald|Journal|Tribune|Gazette|Weekly|Monthly|Quarterly|Magazine|Telegraph
    |Chronicle|Observer|Review|Agency|Television|Radio|Broadcasting|Wire)\b|[報报]$""",
    _FLAGS,
)
_COLLECTION_WORDS = regex.compile(
    r"\b(?:Works|Papers|Collected|Selected|Handbook|Proceedings|Reader|Anthology|Companion|Essays|Encyclopedia)\b"
)


@attrs.frozen
class _Source:
    """A footnote being read: ``work`` is masked and has ASCII punctuation, ``shown`` is only masked."""

    work: str
    shown: str
    url: str | None


@attrs.frozen
class _Marked:
    """A quoted or emphasised run: ``start``/``end`` hold its text, ``outer_*`` include the marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    quoted: bool


@attrs.define
class _Fields:
    """What the fields after a title gave."""

    container_parts: list[str] = attrs.Factory(list)
    publisher: str | None = None
    place: str | None = None
    year: int | None = None
    date: str | None = None
    volume: str | None = None
    pages: str | None = None
    editor: bool = False
    journal: bool = False
    has_day: bool = False
    seen_other: bool = False

    def take_date(self, match: regex.Match[str]) -> None:
        year, iso = _read_date(match)
        if self.year is None:
            self.year = year
        if self.date is None and iso is not None:
            self.date = iso
            self.has_day = iso.count("-") == 2


def parse_citation(text: str, emphasis: Sequence[Emphasis] = ()) -> Citation | None:
    """The citation a footnote's clean ``text`` gives, or ``None`` when the text is empty.

    ``emphasis`` are the footnote's emphasis spans (their ``at`` offsets into
    ``text``); an italic run is usually a title. A footnote that is not a
    reference comes back as ``Citation(kind=CitationKind.NOTE)``.
    """
    if not text.strip():
        return None
    source = _mask(text)
    work, url = source.work, source.url
    lead_match = _LEAD_IN.match(work)
    lead = lead_match.end() if lead_match else 0
    markers = _markers(work, emphasis, lead)
    apa = _APA_DATE.search(work, lead, min(len(work), lead + 400))
    if apa is not None and _is_name_list(work[lead : apa.start()]) and _no_marker_before(markers, apa.start()):
        return _apa(source, lead, apa, markers)
    title = next((marker for marker in markers if _opens_field(work, marker.outer_start, lead)), None)
    if title is None:
        title = _unmarked_title(work, lead)
    if title is not None and _is_name_list(work[lead : title.outer_start]):
        return _notes(source, lead, title, markers)
    if url is not None and not regex.search(r"[\p{L}\p{N}]", work[lead:]):
        return Citation(kind=CitationKind.WEB, url=url)
    return Citation(kind=CitationKind.NOTE, url=url)


# --- masking -------------------------------------------------------------------------------------------------


def _mask(text: str) -> _Source:
    """The working copies of ``text`` (same length) and the first URL in it."""
    work = text.translate(_FULL_WIDTH)
    url: str | None = None
    pieces: list[tuple[int, int]] = []
    for match in _URL.finditer(work):
        found = match.group().rstrip(_URL_TRAILING)
        if found.endswith(")") and found.count("(") < found.count(")"):
            found = found[:-1]
        if url is None:
            url = found
        pieces.append((match.start(), match.start() + len(found)))
    work = _blank(work, pieces)
    for pattern in (_ACCESSED, _HAN_GLOSS, _BRACKETED):
        spans = [match.span() for match in pattern.finditer(work)]
        work = _blank(work, spans)
        pieces.extend(spans)
    return _Source(work, _blank(text, pieces), url)


def _blank(work: str, spans: Sequence[tuple[int, int]]) -> str:
    if not spans:
        return work
    chars = list(work)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _markers(work: str, emphasis: Sequence[Emphasis], lead: int) -> list[_Marked]:
    found: list[_Marked] = []
    for match in _QUOTED.finditer(work, lead):
        found.append(_Marked(match.start("inner"), match.end("inner"), match.start(), match.end(), quoted=True))
    quoted_starts = [marker.start for marker in found]  # in order: the quotes do not overlap
    for item in emphasis:
        start, end = item.at
        if start < lead or end > len(work) or not _LETTER.search(work, start, end):
            continue  # a bare number (an APA volume) or a blanked-out run
        inside = bisect.bisect_right(quoted_starts, start) - 1
        if inside >= 0 and start < found[inside].end:
            continue  # italics inside quotes
        found.append(_Marked(start, end, start, end, quoted=False))
    for match in _BOOK_MARKS.finditer(work, lead):
        found.append(_Marked(match.start("inner"), match.end("inner"), match.start(), match.end(), quoted=False))
    found.sort(key=lambda marker: marker.outer_start)
    return found


def _no_marker_before(markers: Sequence[_Marked], position: int) -> bool:
    return all(marker.outer_start >= position for marker in markers)


def _opens_field(work: str, position: int, lead: int) -> bool:
    """Whether a title starting at ``position`` starts a field: at the start, or after punctuation or ``in``."""
    before = work[max(lead, position - 40) : position].rstrip()
    if not before:
        return not work[lead:position].strip()
    if before[-1] in ",.:;)":
        return True
    return regex.search(r"(?:^|\s)[Ii]n$", before) is not None


def _unmarked_title(work: str, lead: int) -> _Marked | None:
    """A title whose italics were lost: the text between the names and a ``(Place: Publisher, Year)`` imprint."""
    for paren in regex.finditer(r"\((?P<body>[^()]{1,300})\)", work, lead):
        imprint = _imprint(paren.group("body"))
        if imprint is None or imprint[1] is None:
            continue
        comma = work.find(",", lead, paren.start())
        if comma < 0:
            return None
        start = comma + 1
        while start < paren.start() and work[start].isspace():
            start += 1
        end = paren.start()
        while end > start and work[end - 1].isspace():
            end -= 1
        return _Marked(start, end, comma + 1, paren.start(), quoted=False) if end > start else None
    return None


# --- names ---------------------------------------------------------------------------------------------------


def _is_name_list(prefix: str) -> bool:
    """Whether ``prefix`` (what stands before a title) reads like authors rather than prose."""
    tokens = prefix.replace(",", " ").replace(";", " ").split()
    if len(tokens) > 18:
        return False
    for token in tokens:
        if token.lower() in _NAME_JOINERS or token in (".", ":"):
            continue
        first = token.lstrip("(“\"‘'")[:1]
        if not first or not (first.isupper() or first.isdigit() or regex.match(r"\p{Han}", first)):
            return False
    return True


def _clean_names(prefix: str) -> str:
    names = " ".join(prefix.split()).strip(" ,;:")
    if regex.search(r"(?:^|\s)[Ii]n$", names):
        names = names[:-2].rstrip(" ,;:")
    if names.endswith(".") and not _INITIAL.match(names.rsplit(" ", 1)[-1].rsplit(",", 1)[-1]):
        names = names[:-1].rstrip(" ,;:")
    return names


def is_organisation(name: str) -> bool:
    """Whether ``name`` names an institution rather than a person (also used by the CSL export)."""
    words = name.replace(",", " ").split()
    if not words:
        return False
    if all(regex.fullmatch(r"\p{Han}{1,30}", word) for word in words):
        return _ORGANISATION_HAN.search(name) is not None
    if any(word.strip(".,()").lower() in _ORGANISATION_WORDS for word in words):
        return True
    return any(_ACRONYM.fullmatch(word.strip(".,()")) for word in words)


def _authors(prefix: str, *, apa: bool) -> tuple[str, ...]:
    names = _clean_names(prefix)
    if not names:
        return ()
    if is_organisation(names):
        parts = [part.strip() for part in regex.split(r"\s{1,3}(?:and|&)\s{1,3}", names)]
        if len(parts) > 1 and all(is_organisation(part) for part in parts):
            return tuple(parts)
        return (names,)
    if apa:
        parts = _APA_AUTHOR_SPLIT.split(names)
    elif names.count(",") == 1 and " and " not in names and "&" not in names and _is_inverted(names):
        parts = [names]
    else:
        parts = _AUTHOR_SPLIT.split(names)
    return tuple(part.strip(" ,;") for part in parts if part.strip(" ,;"))


def _is_inverted(names: str) -> bool:
    """``Family, Given`` — one name written surname first."""
    family, given = (part.strip() for part in names.split(",", 1))
    return len(family.split()) == 1 and 1 <= len(given.split()) <= 3


# --- APA -----------------------------------------------------------------------------------------------------


def _apa(source: _Source, lead: int, date: regex.Match[str], markers: Sequence[_Marked]) -> Citation:
    work, url = source.work, source.url
    authors = _authors(work[lead : date.start()], apa=True)
    year = int(date.group("year")) if date.group("year") else None
    iso = _iso(year, date.group("month"), date.group("day")) if year is not None else None
    after = _skip_space(work, date.end())
    later = [marker for marker in markers if marker.outer_start >= after]
    container: str | None = None
    chapter = False
    if later and not later[0].quoted and not work[after : later[0].outer_start].strip():
        title = _text(source.shown, later[0].start, later[0].end)
        tail_start = later[0].outer_end
    else:
        in_match = _APA_IN.search(work, after)
        if in_match is not None and (not later or in_match.start() < later[0].outer_start):
            chapter = True
            title = _text(source.shown, after, in_match.start())
            inside = [marker for marker in later if marker.outer_start >= in_match.end()]
            container = _text(source.shown, inside[0].start, inside[0].end) if inside else None
            tail_start = inside[0].outer_end if inside else in_match.end()
        elif later:
            title = _text(source.shown, after, later[0].outer_start)
            container = _text(source.shown, later[0].start, later[0].end)
            tail_start = later[0].outer_end
        else:
            stop = _SENTENCE_END.search(work, after)
            end = stop.start() if stop else len(work)
            title = _text(source.shown, after, end)
            tail_start = stop.end() if stop else len(work)
    tail = work[tail_start:]
    fields = _Fields(year=year, date=iso)
    report = False
    if chapter or container is not None:
        pages = _PAGES_PAREN.search(tail)
        if pages is not None:
            fields.pages = _dash(pages.group("pages"))
            publisher = _text(tail, pages.end(), len(tail))
            fields.publisher = publisher or None
        else:
            _apa_numbers(tail, fields)
    else:
        leading = _LEADING_PAREN.match(tail)
        if leading is not None:
            report = _REPORT_WORDS.search(leading.group("body")) is not None
            tail = tail[leading.end() :]
        imprint = _text(tail, 0, len(tail))
        if imprint:
            place, _, publisher = imprint.partition(":")
            if publisher:
                fields.place, fields.publisher = place.strip() or None, publisher.strip() or None
            else:
                fields.publisher = imprint
    if chapter:
        kind = CitationKind.CHAPTER
    elif container is not None:
        kind = CitationKind.ARTICLE
    else:
        kind = _book_kind(authors, title, None, fields, url, report=report)
    return _citation(kind, authors, title, container, fields, url)


def _apa_numbers(tail: str, fields: _Fields) -> None:
    """``, 23(1), 59–75.`` after an APA journal's name."""
    for segment in _segments(tail):
        volume = _APA_VOLUME.fullmatch(segment)
        if fields.volume is None and volume is not None:
            fields.volume = volume.group("volume")
            continue
        pages = _PAGES.match(segment)
        if pages is not None and fields.pages is None:
            fields.pages = _dash(pages.group("pages"))


# --- notes style (Chicago and the like) ----------------------------------------------------------------------


def _notes(source: _Source, lead: int, title: _Marked, markers: Sequence[_Marked]) -> Citation:
    work, url = source.work, source.url
    authors = _authors(work[lead : title.outer_start], apa=False)
    title_text = _text(source.shown, title.start, title.end)
    rest_start = title.outer_end
    container: str | None = None
    container_emphasised = False
    chapter = False
    if title.quoted:
        following = next((marker for marker in markers if marker.outer_start >= title.outer_end), None)
        if following is not None and not following.quoted:
            gap = work[title.outer_end : following.outer_start]
            gap_match = regex.fullmatch(r"[\s,.:;]{0,10}(?P<in>[Ii]n\s{1,3})?", gap)
            if gap_match is not None:
                container = _text(source.shown, following.start, following.end)
                container_emphasised = True
                chapter = gap_match.group("in") is not None
                rest_start = following.outer_end
    fields = _Fields()
    rest = work[rest_start:]
    journal = _JOURNAL.match(rest) if container is not None else None
    if journal is not None:
        fields.volume = journal.group("volume")
        fields.journal = True
        if journal.group("pages"):
            fields.pages = _dash(journal.group("pages"))
        when = _DATE.search(journal.group("when"))
        if when is not None:
            fields.take_date(when)
        rest = rest[journal.end() :]
    for segment in _segments(rest):
        _read_field(segment, fields)
    if container is None and fields.container_parts:
        container = ", ".join(fields.container_parts)
    if container is not None and _COLLECTION_WORDS.search(container) and not fields.journal:
        chapter = True
    if title.quoted:
        kind = _article_kind(container, fields, url, chapter=chapter, emphasised=container_emphasised)
    else:
        report = any(_REPORT_WORDS.search(part) for part in fields.container_parts)
        kind = _book_kind(authors, title_text, container, fields, url, report=report)
    return _citation(kind, authors, title_text, container, fields, url)


def _read_field(segment: str, fields: _Fields, *, imprint_allowed: bool = True) -> None:
    """Recognise one comma-separated field after the title by its shape."""
    if not segment:
        return
    paren = _TRAILING_PAREN.search(segment) if imprint_allowed else None
    if paren is not None:
        imprint = _imprint(paren.group("body"))
        if imprint is not None:
            place, publisher, when = imprint
            fields.place = fields.place or place
            fields.publisher = fields.publisher or publisher
            fields.take_date(when)
            before = segment[: paren.start()].strip()
            if before:
                _read_field(before, fields, imprint_allowed=False)
            fields.seen_other = True
            return
    if _EDITOR.match(segment):
        fields.editor = True
        fields.seen_other = True
        return
    date = _DATE.fullmatch(segment)
    if date is not None and not (fields.year is not None and _PAGES.match(segment)):
        fields.take_date(date)
        fields.seen_other = True
        return
    volume = _VOLUME.search(segment)
    if volume is not None:
        fields.volume = fields.volume or volume.group("volume")
        fields.seen_other = True
        return
    pages = _PAGES.match(segment)
    if pages is not None:
        fields.pages = fields.pages or _dash(pages.group("pages"))
        fields.seen_other = True
        return
    if _ISSUE_NUMBER.match(segment):
        fields.seen_other = True
        return
    if not fields.seen_other and regex.search(r"[\p{L}]", segment):
        fields.container_parts.append(segment)


def _imprint(body: str) -> tuple[str | None, str | None, regex.Match[str]] | None:
    """``Place: Publisher, Year`` (or ``Publisher, Year``, or just a date) inside parentheses."""
    when = _DATE_AT_END.search(body)
    if when is None:
        return None
    head = body[: when.start()].rstrip(" ,")
    if not head:
        return None, None, when
    if body[len(head) : when.start()].strip() != ",":
        return None
    place, colon, publisher = head.partition(":")
    if not colon:
        return None, head.strip() or None, when
    return place.strip() or None, publisher.strip() or None, when


def _segments(text: str) -> list[str]:
    """``text`` split at commas and semicolons that stand outside parentheses, each piece trimmed."""
    parts: list[str] = []
    depth = 0
    start = 0
    inside_dates = {index for match in _DATE.finditer(text) if match.group("month") for index in range(*match.span())}
    for index, char in enumerate(text):
        if index in inside_dates:
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif char in ",;" and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [_trim(part) for part in parts]


# --- kinds ---------------------------------------------------------------------------------------------------


def _article_kind(
    container: str | None, fields: _Fields, url: str | None, *, chapter: bool, emphasised: bool
) -> CitationKind:
    """The kind of a reference whose title is quoted: a part of something larger."""
    if chapter or fields.editor:
        return CitationKind.CHAPTER
    if container is not None:
        if emphasised or fields.journal:
            return CitationKind.ARTICLE
        if _REPORT_WORDS.search(container):
            return CitationKind.DOCUMENT  # a working paper or report series
        periodical = _PERIODICAL_WORDS.search(container) is not None
        dated = fields.has_day or fields.volume or fields.pages
        if url is not None and not periodical and (is_organisation(container) or not dated):
            return CitationKind.WEB  # a page on an institution's site
        return CitationKind.ARTICLE
    if fields.year is None and url is not None:
        return CitationKind.WEB
    return CitationKind.DOCUMENT


def _book_kind(
    authors: Sequence[str],
    title: str,
    container: str | None,
    fields: _Fields,
    url: str | None,
    *,
    report: bool,
) -> CitationKind:
    """The kind of a reference whose title stands alone (italic): a book, a report or a web page."""
    report = report or _REPORT_WORDS.search(title) is not None
    report = report or (container is not None and _REPORT_WORDS.search(container) is not None)
    institutional = any(is_organisation(author) for author in authors)
    if fields.publisher is not None:
        by_publisher = fields.publisher in authors
        return CitationKind.DOCUMENT if report or institutional or by_publisher else CitationKind.BOOK
    if report:
        return CitationKind.DOCUMENT
    if url is not None:
        return CitationKind.WEB
    return CitationKind.DOCUMENT if institutional else CitationKind.BOOK


# --- helpers -------------------------------------------------------------------------------------------------


def _citation(
    kind: CitationKind,
    authors: tuple[str, ...],
    title: str | None,
    container: str | None,
    fields: _Fields,
    url: str | None,
) -> Citation:
    return Citation(
        kind=kind,
        authors=authors,
        title=title or None,
        container=container or None,
        publisher=fields.publisher,
        place=fields.place,
        year=fields.year,
        date=fields.date,
        volume=fields.volume,
        pages=fields.pages,
        url=url,
    )


def _read_date(match: regex.Match[str]) -> tuple[int, str | None]:
    year = int(match.group("year"))
    month_number = match.group("month_number")
    if month_number is not None:
        return year, _iso(year, None, match.group("day"), number=int(month_number))
    return year, _iso(year, match.group("month"), match.group("day"))


def _iso(year: int | None, month: str | None, day: str | None, *, number: int | None = None) -> str | None:
    if year is None:
        return None
    if number is None and month is not None:
        number = _MONTHS.index(month[:3].lower()) + 1
    if number is None or not 1 <= number <= 12:
        return None
    if day is None or not 1 <= int(day) <= 31:
        return f"{year:04d}-{number:02d}"
    return f"{year:04d}-{number:02d}-{int(day):02d}"


def _skip_space(work: str, position: int) -> int:
    while position < len(work) and work[position].isspace():
        position += 1
    return position


def _trim(text: str) -> str:
    """Collapse whitespace and drop the punctuation that separated a field from its neighbours."""
    cleaned = " ".join(text.split()).lstrip(" ,;:.").rstrip(" ,;:")
    while cleaned.endswith(".") and not _INITIAL.match(cleaned.rsplit(" ", 1)[-1]) and not cleaned.endswith(".."):
        cleaned = cleaned[:-1].rstrip(" ,;:")
    return cleaned


def _text(work: str, start: int, end: int) -> str:
    return _trim(work[start:end])


def _dash(pages: str) -> str:
    return "".join(pages.split())
