"""Chinese-character glosses after English names: ``Wang Yi (王毅)``, ``[DPW, 中央軍委政治工作部]``.

A gloss is a bracket holding Chinese characters, optionally with an abbreviation,
aliases (``formerly “One Belt, One Road,”``) and other notes (a birth year). The
term it glosses is read backwards from the bracket: a quoted phrase, a link anchor,
or a run of capitalised words with titles, ranks and determiners removed. The
reversed form ``translates "中國共產黨" as Communist Party of China (CPC)`` is read
forwards.

Every scan is bounded: a bracket holds at most a few hundred characters and the
term is looked for in a bounded window before it, so the work is linear in the text.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from typing import TypeVar

import attrs
import regex

from .model import Article, Footnote, Gloss, Issue, Link, Paragraph, Script

_TERM_WINDOW = 300
_MAX_TERM_WORDS = 14
_MAX_LOWERCASE_WORDS = 5
_MAX_QUOTED = 200

_BRACKET = regex.compile(r"\((?P<round>[^()\[\]\n]{1,300})\)|\[(?P<square>[^()\[\]\n]{1,300})\]")
_HAN = regex.compile(r"\p{Han}")
# The characters of a gloss proper: Han, plus digits, dashes and dots inside a name (迅雷-2020, 史蒂芬·陳).
_HANZI = regex.compile(r"[《「〈『]?\p{Han}(?:[\p{Han}\p{Nd}·・‧\-–〇]|\s(?=\p{Han})){0,200}[》」〉』]?")
_HANZI_ONLY = regex.compile(r"[\p{Han}\p{Nd}·・‧\-–〇]{1,300}")
_PART = regex.compile(
    r"(?P<quote>“[^“”\n]{0,200}”|\"[^\"\n]{0,200}\"|‘[^‘’\n]{0,200}’|「[^「」\n]{0,200}」)"
    r"|(?P<sep>[,，、;；])"
    r"|(?P<other>[^,，、;；“\"‘「]{1,300})"
    r"|(?P<stray>.)",
    regex.DOTALL,
)
_ABBREVIATION = regex.compile(r"(?=(?:[^\p{Lu}]{0,14}\p{Lu}){2})\p{Lu}[\p{L}\p{Nd}&./\-]{0,14}")
_ALIAS_LEAD = regex.compile(
    r"(?i)(?:(?:formerly|previously|also|or|aka|a\.k\.a\.|known\s+as|called|spelled|written|short\s+for|officially"
    r"|full\s+name)(?:\s+|$)){1,3}"
)
_QUOTES = "“”\"‘’「」'"
_TRAILING_PUNCTUATION = ",.;: \t"
_REVERSED = regex.compile(
    r"[\"“「](?P<hanzi>\p{Han}[\p{Han}\p{Nd}·・‧\-]{0,60})[\"”」]\s{0,3}"
    r"(?:as|means|meaning|for|into|i\.e\.,?)\s{1,3}"
)
_REVERSED_ABBREVIATION = regex.compile(r"\s{0,3}\((?P<abbreviation>\p{Lu}[\p{L}\p{Nd}&.\-]{0,14})\)")
_QUOTED_AHEAD = regex.compile(r"[\"“‘](?P<term>[^\"“”‘’\n]{1,200})[\"”’]")
_TOKEN = regex.compile(r"\S{1,200}")
_TOKEN_BACKWARDS = regex.compile(r"\S{1,200}", regex.REVERSE)

_POSSESSIVE = regex.compile(r"(?:['’]s|(?<=s)['’])$")
_NAME_TOKEN = regex.compile(r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’\-.&]{0,60}")
_LOWER_TOKEN = regex.compile(r"\p{Ll}[\p{Ll}\p{M}\-]{0,40}")
# A token ending in a period that is not the end of a sentence: an initial (J.), an
# abbreviation with inner periods (U.S.) or a short form (Gen., Lt., Jr.).
_ABBREVIATED = regex.compile(r"\p{Lu}\.|(?:\p{L}{1,3}\.){2,5}")
_SHORT_FORMS = frozenset(
    """gen lt col maj adm capt cmdr cdr brig sgt cpl pvt dr mr mrs ms mx prof rev sen rep gov amb jr sr st ret hon
    pres sec vp mt ft co corp inc ltd no""".split()
)

_CONNECTORS = frozenset("of and for the on de da del van von der du la le & y".split())
_OPENING_WORDS = frozenset(
    """a an the in on at by for from to of and but or nor as if when while during after before since until under
    with without although though because this that these those its his her their our my your both meanwhile
    however also yet according among between through despite last next earlier later
    recently currently today yesterday instead still even only here there now thus hence indeed moreover
    furthermore notably""".split()
)
_STOP_LOWERCASE = _OPENING_WORDS | frozenset(
    """is are was were be been being has have had do does did will would shall should can could may might must
    call calls calling called name names naming named dub dubs dubbing dubbed label labels labelled labeled
    term terms termed describe describes described titled known translated such which who whom whose what where
    why how not no than into onto over upon via per vs against toward towards about around across""".split()
)
# Titles, ranks and honorifics that stand before a name; everything up to the last of them is dropped.
_TITLES = frozenset(
    """president presidents vice premier premiers minister ministers secretary secretaries chairman chairwoman
    chairperson chair chairs director directors commissioner commissioners ambassador ambassadors envoy consul
    spokesman spokeswoman spokesperson speaker legislator legislators lawmaker lawmakers senator senators
    congressman congresswoman representative governor mayor magistrate councilor councillor councilman
    deputy general generals admiral admirals colonel colonels major majors captain captains lieutenant
    lieutenants lt sergeant sgt commander commanders commodore marshal brigadier corporal
    gen col adm maj capt cmdr cdr brig dr mr mrs ms miss prof professor professors rev reverend sen rep gov amb
    chief leader chancellor justice judge prosecutor attorney auditor
    comptroller administrator superintendent bishop cardinal pope king queen prince princess emperor empress
    sir lord lady dame mister madam madame portfolio officer officers executive founder co-founder ceo cfo
    coo""".split()
)
# The last word of an institution's name: a title before it is part of the name (General Political Department).
_INSTITUTION_NOUNS = frozenset(
    """department departments ministry ministries bureau office offices agency administration council
    commission committee association foundation institute institution university college academy school
    party league union federation alliance society center centre corporation company group bank court
    assembly congress yuan army navy force forces guard command headquarters division brigade corps front
    movement initiative agreement act law treaty consensus framework program programme project plan policy
    strategy station base cabinet secretariat legislature parliament government authority service services
    organization organisation network forum fund conference summit dialogue declaration communique
    communiqué statement report hospital museum library church temple newspaper daily times news
    channel television radio""".split()
)


def find_glosses(text: str, links: Sequence[Link] = ()) -> tuple[Gloss, ...]:
    """The glosses in a paragraph's clean ``text``; each ``at`` covers the term and its gloss."""
    if _HAN.search(text) is None:
        return ()
    link_by_end = {link.at[1]: link for link in links if link.at[1] > link.at[0]}
    found: list[Gloss] = []
    for match in _BRACKET.finditer(text):
        body = match.group("round") or match.group("square")
        if _HAN.search(body) is None:
            continue
        gloss = _bracket_gloss(text, match.start(), match.end(), body, link_by_end)
        if gloss is not None:
            found.append(gloss)
    for match in _REVERSED.finditer(text):
        gloss = _reversed_gloss(text, match)
        if gloss is not None:
            found.append(gloss)
    found.sort(key=lambda gloss: gloss.at)
    return tuple(found)


def script_of(hanzi: str) -> Script:
    """Traditional or simplified by the characters alone; ``ambiguous`` when they are written alike in both."""
    traditional_only, simplified_only = _script_tables()
    traditional = sum(1 for char in hanzi if char in traditional_only)
    simplified = sum(1 for char in hanzi if char in simplified_only)
    if traditional > simplified:
        return Script.TRADITIONAL
    if simplified > traditional:
        return Script.SIMPLIFIED
    return Script.AMBIGUOUS


def are_script_variants(first: str, second: str) -> bool:
    """Whether two spellings differ only where one has a traditional and the other a simplified character."""
    if len(first) != len(second) or first == second:
        return False
    traditional_only, simplified_only = _script_tables()
    for one, other in zip(first, second, strict=True):
        if one == other:
            continue
        if not (
            (one in traditional_only and other in simplified_only)
            or (one in simplified_only and other in traditional_only)
        ):
            return False
    return True


def variant_key(hanzi: str) -> str:
    """``hanzi`` with every character particular to one script blanked: script variants share this key."""
    traditional_only, simplified_only = _script_tables()
    return "".join("?" if char in traditional_only or char in simplified_only else char for char in hanzi)


@functools.cache
def _script_tables() -> tuple[frozenset[str], frozenset[str]]:
    """Characters found only in traditional and only in simplified spellings (CC-CEDICT, via ``zhon``)."""
    from zhon import cedict  # type: ignore[import-untyped]  # imported lazily: only glosses need it

    traditional = frozenset(cedict.traditional)
    simplified = frozenset(cedict.simplified)
    return traditional - simplified, simplified - traditional


def settle_scripts(issue: Issue) -> Issue:
    """Give glosses written alike in both scripts the script the issue's other glosses are written in.

    A name such as 王毅 is written the same in both scripts; in an issue whose glosses
    are otherwise traditional it is traditional too. It stays ``ambiguous`` when the
    issue has no deciding gloss or as many of each script.
    """
    counts = {Script.TRADITIONAL: 0, Script.SIMPLIFIED: 0, Script.AMBIGUOUS: 0}
    for place in _places(issue):
        for gloss in place.glosses:
            counts[gloss.script] += 1
    if counts[Script.AMBIGUOUS] == 0 or counts[Script.TRADITIONAL] == counts[Script.SIMPLIFIED]:
        return issue
    dominant = Script.TRADITIONAL if counts[Script.TRADITIONAL] > counts[Script.SIMPLIFIED] else Script.SIMPLIFIED
    return attrs.evolve(issue, articles=tuple(_settle_article(article, dominant) for article in issue.articles))


def _places(issue: Issue) -> Iterable[Paragraph | Footnote]:
    for article in issue.articles:
        for unit in article.units():
            yield from unit.paragraphs()
            if unit.main_point is not None:
                yield unit.main_point
            yield from unit.footnotes


def _settle_article(article: Article, script: Script) -> Article:
    if article.items:
        return attrs.evolve(article, items=tuple(_settle_article(item, script) for item in article.items))
    sections = tuple(
        attrs.evolve(section, paragraphs=tuple(_settle_place(paragraph, script) for paragraph in section.paragraphs))
        for section in article.sections
    )
    main_point = _settle_place(article.main_point, script) if article.main_point is not None else None
    footnotes = tuple(_settle_place(note, script) for note in article.footnotes)
    return attrs.evolve(article, sections=sections, main_point=main_point, footnotes=footnotes)


_Place = TypeVar("_Place", Paragraph, Footnote)


def _settle_place(place: _Place, script: Script) -> _Place:
    if not any(gloss.script is Script.AMBIGUOUS for gloss in place.glosses):
        return place
    glosses = tuple(
        attrs.evolve(gloss, script=script) if gloss.script is Script.AMBIGUOUS else gloss for gloss in place.glosses
    )
    return attrs.evolve(place, glosses=glosses)


# --- the bracket -------------------------------------------------------------------------------------------------


@attrs.frozen
class _Body:
    hanzi: str
    abbreviation: str | None
    aliases: tuple[str, ...]
    note: str | None


def _read_body(body: str) -> _Body | None:
    """Split a bracket's content into characters, abbreviation, aliases and notes."""
    if _HANZI_ONLY.fullmatch(body):  # the usual gloss, ``(王毅)``
        return _Body(body.strip("《》「」〈〉『』"), None, (), None)
    parts: list[str] = [""]
    for match in _PART.finditer(body):
        if match.group("sep") is not None:
            parts.append("")
        else:
            parts[-1] += match.group()
    hanzi: list[str] = []
    abbreviation: str | None = None
    aliases: list[str] = []
    notes: list[str] = []
    for raw_part in parts:
        part = raw_part.strip()
        if not part:
            continue
        characters = _HANZI.search(part) if _HAN.search(part) else None
        if characters is not None:
            before = part[: characters.start()].strip().rstrip(_QUOTES)
            after = part[characters.end() :].strip().lstrip(_QUOTES)
            if before and after:
                return None  # characters quoted inside prose, ``(see 統戰 above)``: not a gloss
            hanzi.append(characters.group().strip("《》「」〈〉『』 "))
            part = before or after
            if not part:
                continue
        if abbreviation is None and _ABBREVIATION.fullmatch(part):
            abbreviation = part
            continue
        lead = _ALIAS_LEAD.match(part)
        if lead is not None:
            aliases.append(_unquote(part[lead.end() :]))
        elif part[0] in _QUOTES:
            aliases.append(_unquote(part))
        else:
            notes.append(part)
    if not hanzi:
        return None
    aliases.extend(hanzi[1:])
    return _Body(hanzi[0], abbreviation, tuple(alias for alias in aliases if alias), ", ".join(notes) or None)


def _unquote(text: str) -> str:
    return text.strip().strip(_QUOTES).strip(_TRAILING_PUNCTUATION).strip(_QUOTES).strip()


def _bracket_gloss(text: str, start: int, end: int, body_text: str, link_by_end: dict[int, Link]) -> Gloss | None:
    body = _read_body(body_text)
    if body is None:
        return None
    term_end = start
    while term_end > 0 and text[term_end - 1] in " \t":
        term_end -= 1
    found = _term_before(text, term_end, body.abbreviation, link_by_end)
    if found is None:
        return None
    term, term_start = found
    return Gloss(
        term=term,
        hanzi=body.hanzi,
        abbreviation=body.abbreviation,
        aliases=body.aliases,
        script=script_of(body.hanzi),
        note=body.note,
        at=(term_start, end),
    )


def _reversed_gloss(text: str, match: regex.Match[str]) -> Gloss | None:
    """``"中國共產黨" as Communist Party of China (CPC)``: the term follows the characters."""
    position = match.end()
    quoted = _QUOTED_AHEAD.match(text, position, position + _MAX_QUOTED + 2)
    if quoted is not None:
        term = _unquote(quoted.group("term"))
        end = quoted.end()
        if _HAN.search(term):
            return None
    else:
        tokens: list[tuple[str, int]] = []
        for token in _TOKEN.finditer(text, position, min(len(text), position + _TERM_WINDOW)):
            word = token.group()
            bare = word.rstrip(",.;:!?")
            if _NAME_TOKEN.fullmatch(bare) or (tokens and bare.lower() in _CONNECTORS):
                tokens.append((bare, token.start()))
                if bare != word or len(tokens) >= _MAX_TERM_WORDS:
                    break
            else:
                break
        while tokens and tokens[-1][0].lower() in _CONNECTORS:
            tokens.pop()
        if not tokens:
            return None
        term = " ".join(word for word, _ in tokens)
        end = tokens[-1][1] + len(tokens[-1][0])
    abbreviation = None
    after = _REVERSED_ABBREVIATION.match(text, end, end + 20)
    if after is not None and _ABBREVIATION.fullmatch(after.group("abbreviation")):
        abbreviation = after.group("abbreviation")
        end = after.end()
    if not term:
        return None
    hanzi = match.group("hanzi")
    return Gloss(term=term, hanzi=hanzi, abbreviation=abbreviation, script=script_of(hanzi), at=(match.start(), end))


# --- the term ----------------------------------------------------------------------------------------------------


def _term_before(text: str, end: int, abbreviation: str | None, link_by_end: dict[int, Link]) -> tuple[str, int] | None:
    """The term that ends at ``end`` and where it starts."""
    if end == 0:
        return None
    link = link_by_end.get(end)
    boundary = max(0, end - _TERM_WINDOW)
    if link is not None:
        boundary = link.at[0]
    elif text[end - 1] in '”"’」':
        quoted = _quoted_before(text, end)
        if quoted is not None:
            return quoted
    found = _name_run(text, boundary, end, abbreviation)
    if found is None and link is not None:
        anchor = " ".join(text[link.at[0] : end].split()).strip(_QUOTES + _TRAILING_PUNCTUATION)
        return (anchor, link.at[0]) if anchor else None
    return found


def _quoted_before(text: str, end: int) -> tuple[str, int] | None:
    closing = text[end - 1]
    opening = {"”": "“", "’": "‘", "」": "「", '"': '"'}[closing]
    start = text.rfind(opening, max(0, end - 1 - _MAX_QUOTED), end - 1)
    if start < 0:
        return None
    inner = text[start + 1 : end - 1]
    if "\n" in inner or (closing == '"' and '"' in inner) or (closing == "’" and "’" in inner):
        return None
    term = _unquote(inner)
    return (term, start) if term and _HAN.search(term) is None else None


@attrs.frozen
class _Token:
    word: str
    """The word as written (``People’s``)."""
    start: int
    bare: str
    """The word without a possessive ending (``People``)."""
    possessive: bool = False


def _name_run(text: str, boundary: int, end: int, abbreviation: str | None) -> tuple[str, int] | None:
    """The capitalised name that ends at ``end``, or a short lowercase phrase when there is none."""
    words = [(match.group(), match.start()) for match in _last_tokens(text, boundary, end)]
    if not words:
        return None
    last_word, last_start = words[-1]
    last_bare = _POSSESSIVE.sub("", last_word)
    words[-1] = (last_bare, last_start)  # ``Wang Yi’s (王毅)`` glosses ``Wang Yi``
    run: list[_Token] = []
    for index in range(len(words) - 1, max(-1, len(words) - 1 - _MAX_TERM_WORDS), -1):
        word, start = words[index]
        bare = _POSSESSIVE.sub("", word)
        possessive = bare != word
        if bare.endswith(".") and not _is_abbreviated(bare):
            break  # the end of the previous sentence
        if _NAME_TOKEN.fullmatch(bare):
            run.append(_Token(word, start, bare, possessive))
        elif run and word in _CONNECTORS:
            run.append(_Token(word, start, word))
        else:
            break
    run.reverse()
    run = _trim_opening(run)
    if not run:
        return _lowercase_phrase(words)
    chosen = _by_abbreviation(run, abbreviation) if abbreviation else None
    if chosen is None:
        cut = max((index for index, token in enumerate(run) if token.possessive), default=-1)
        chosen = _trim_opening(_strip_titles(run[cut + 1 :]))
    if not chosen:
        return None
    return " ".join(token.word for token in chosen), chosen[0].start


def _last_tokens(text: str, boundary: int, end: int) -> list[regex.Match[str]]:
    """The last few whitespace-separated tokens before ``end``, in reading order."""
    found = []
    for match in _TOKEN_BACKWARDS.finditer(text, boundary, end):
        found.append(match)
        if len(found) > _MAX_TERM_WORDS:
            break
    found.reverse()
    return found


def _is_abbreviated(word: str) -> bool:
    return _ABBREVIATED.fullmatch(word) is not None or word[:-1].lower() in _SHORT_FORMS


def _trim_opening(run: list[_Token]) -> list[_Token]:
    """Drop sentence-opening words and determiners (``In 2005``, ``The``) and dangling connectors."""
    index = 0
    dropped_word = False
    while index < len(run):
        word = run[index].word
        lowered = word.lower()
        if lowered in _OPENING_WORDS or lowered in _CONNECTORS:
            dropped_word = True
        elif not (dropped_word and word.isdigit()):
            break
        index += 1
    trimmed = run[index:]
    while trimmed and trimmed[-1].word.lower() in _CONNECTORS:
        trimmed.pop()
    return trimmed


def _is_title(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    return lowered in _TITLES or ("-" in lowered and any(part in _TITLES for part in lowered.split("-")))


def _strip_titles(run: list[_Token]) -> list[_Token]:
    """Drop everything up to the last title or rank: ``Chinese Foreign Minister Wang Yi`` → ``Wang Yi``."""
    if not run or run[-1].word.lower() in _INSTITUTION_NOUNS:
        return run
    last_title = max((index for index, token in enumerate(run) if _is_title(token.word)), default=-1)
    rest = run[last_title + 1 :]
    if not rest or not any(token.word[0].isupper() for token in rest):
        return run
    if rest[0].word.lower() in _CONNECTORS:
        # ``Secretary of State Antony Blinken``: the title's complement runs into the name; keep the name.
        rest = rest[-3:] if len(rest) >= 3 and _ABBREVIATED.fullmatch(rest[-2].word) else rest[-2:]
    return rest


def _by_abbreviation(run: list[_Token], abbreviation: str) -> list[_Token] | None:
    """The longest tail of ``run`` whose initials spell ``abbreviation`` (``Taiwan’s Military …`` → ``Military …``)."""
    letters = "".join(char for char in abbreviation.casefold() if char.isalpha())
    if not letters:
        return None
    for start in range(len(run)):
        tail = run[start:]
        if tail[0].word.lower() in _CONNECTORS:
            continue
        if _initials_match([token.bare for token in tail], letters):
            return _trim_opening(tail)
    return None


def _initials_match(words: Sequence[str], letters: str) -> bool:
    """Whether each significant word gives one letter (or its hyphen parts one each) and connectors at most one."""
    reachable = {0}
    for word in words:
        lowered = word.casefold()
        options: set[str] = {lowered[0]}
        if "-" in lowered:
            options.add("".join(part[0] for part in lowered.split("-") if part))
        if word.isupper() and len(word) > 1:
            options.add("".join(char for char in lowered if char.isalpha()))
        optional = lowered in _CONNECTORS
        following: set[int] = set()
        for position in reachable:
            if optional:
                following.add(position)
            for option in options:
                if letters.startswith(option, position):
                    following.add(position + len(option))
        reachable = following
        if not reachable:
            return False
    return len(letters) in reachable


def _lowercase_phrase(words: Sequence[tuple[str, int]]) -> tuple[str, int] | None:
    """An unquoted lowercase term (``united front work (統戰工作)``): the words back to a function word."""
    phrase: list[tuple[str, int]] = []
    for word, start in reversed(words[-_MAX_LOWERCASE_WORDS:]):
        if phrase and _POSSESSIVE.search(word):
            break
        if not _LOWER_TOKEN.fullmatch(word) or word in _STOP_LOWERCASE:
            break
        phrase.append((word, start))
    if not phrase:
        return None
    phrase.reverse()
    return " ".join(word for word, _ in phrase), phrase[0][1]
