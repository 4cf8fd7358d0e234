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
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

import attrs
import regex

from ._lexicon import english_lexicon, tables
from .model import NO_SPAN, Article, Emphasis, Footnote, Gloss, Issue, Link, Paragraph, Script, Span

_TERM_WINDOW = 300
_MAX_TERM_WORDS = 14
_MAX_LOWERCASE_WORDS = 5
_MAX_QUOTED = 200
_MAX_PERSONAL_NAME_WORDS = 4
_MAX_MODIFIED_WORDS = 2
_MAX_ADJECTIVES_AFTER_DETERMINER = 2
_SHORT_GLOSS = 3
"""A gloss of this many characters or fewer is a short name (a place, a person): never a title's."""
_MAX_REVERSED_LOWERCASE_WORDS = 4
"""A name is read as modifying at most this many lowercase words (``Tatan power plant``); more are a clause."""
_VERY_COMMON = 20_000
"""A word more frequent than this in the lexicon is no part of a person's name (``International``, ``Mark``)."""


def _lazy(pattern: str, flags: int = 0) -> Callable[[], regex.Pattern[str]]:
    """A function that returns ``pattern`` compiled, compiling it on the first call.

    Only text with Han characters needs the patterns below: ``import gtbparse`` and a parse without any
    Chinese do not pay for compiling them.
    """
    return functools.cache(lambda: regex.compile(pattern, flags))


_BRACKET = _lazy(
    r"\((?P<round>[^()\[\]\n]{1,300})\)|\[(?P<square>[^()\[\]\n]{1,300})\]|（(?P<wide>[^（）()\[\]\n]{1,300})）"
)
_HAN = regex.compile(r"\p{Han}")
_MONTHS = frozenset("january february march april may june july august september october november december".split())
_YEAR = regex.compile(r"(?:1[89]|20)\d\d")
_NUMERAL = regex.compile(r"[\p{Nd}〇零一二三四五六七八九十百千萬万億亿兩两廿卅]")
# The characters of a gloss proper: Han, plus digits, dashes and dots inside a name (迅雷-2020, 史蒂芬·陳), a
# capital letter after a digit (聯合利劍-2024A), and
# the full-width comma of a phrase that _join_phrases rejoined (今日香港，明日台灣).
# The characters of a gloss: Han characters, with the kana that Japanese writes among them (``日台交流サミット``,
# ``林田さくら``); a gloss has at least one Han character (kana alone are no gloss).
_HANZI = _lazy(
    r"[《「〈『]?[\p{Han}\p{Hiragana}\p{Katakana}](?:[\p{Han}\p{Hiragana}\p{Katakana}ー\p{Nd}·・‧\-–〇]"
    r"|(?<=\p{Nd})\p{Lu}|[\s，](?=\p{Han})){0,200}[》」〉』]?"
)
_HANZI_ONLY = _lazy(r"[\p{Han}\p{Hiragana}\p{Katakana}ー\p{Nd}·・‧\-–〇]{1,300}")
_PART = _lazy(
    r"(?P<quote>“[^“”\n]{0,200}”|\"[^\"\n]{0,200}\"|‘[^‘’\n]{0,200}’|「[^「」\n]{0,200}」)"
    r"|(?P<sep>[,，、;；])"
    r"|(?P<other>[^,，、;；“\"‘「]{1,300})"
    r"|(?P<stray>.)",
    regex.DOTALL,
)
# ``MIB``, ``PRC``, ``Taipower``; two acronyms with a space between (``CMC DIC``) are one abbreviation.
# A compound that describes what follows (``State-owned CPC Corporation``, ``Taipei-based``), no part of its name.
_DESCRIBING = _lazy(r"\p{L}[\p{L}.]{0,30}-(?:owned|based|run|backed|led|funded|controlled|affiliated|linked)")
# A number or an ordinal before a name: ``2014``, ``11th``.
_COUNT = _lazy(r"\d{1,4}(?:st|nd|rd|th)?")
_ABBREVIATION = _lazy(r"(?=(?:[^\p{Lu}]{0,14}\p{Lu}){2})\p{Lu}[\p{L}\p{Nd}&./\-]{0,14}|\p{Lu}{2,6}\ \p{Lu}{2,6}")
_ALIAS_LEAD = _lazy(
    r"(?i)(?:(?:formerly|previously|also|or|aka|a\.k\.a\.|known\s+as|called|spelled|written|short\s+for|officially"
    r"|full\s+name)(?:\s+|$)){1,3}"
)
_QUOTES = "“”\"‘’「」'"
_TRAILING_PUNCTUATION = ",.;: \t"
_REVERSED = _lazy(
    r"[\"“「](?P<hanzi>\p{Han}[\p{Han}\p{Nd}·・‧\-]{0,60})[\"”」]\s{0,3}"
    r"(?:(?:as|means|meaning|for|into|i\.e\.,?)\s{1,3}|\((?=[^()\n]{1,200}\)))"
)
_REVERSED_ABBREVIATION = _lazy(r"\s{0,3}\((?P<abbreviation>\p{Lu}[\p{L}\p{Nd}&.\-]{0,14})\)")
_QUOTED_AHEAD = _lazy(r"[\"“‘](?P<term>[^\"“”‘’\n]{1,200})[\"”’]")
# An em dash stands between words without spaces (``not new—Tsai Ing-wen``): it is a token of its own.
_TOKEN = _lazy(r"—|[^\s—]{1,200}")
_CLIPPED_WORD = _lazy(r"\p{Lu}\p{Ll}{2,20}")
_TOKEN_BACKWARDS = _lazy(r"—|[^\s—]{1,200}", regex.REVERSE)

_POSSESSIVE_ENDINGS = ("'s", "’s", "s'", "s’")
_NAME_TOKEN = _lazy(r"[\p{Lu}\p{N}][\p{L}\p{M}\p{N}'’\-–.&]{0,60}")
_CAPITALISED_WORD = _lazy(r"\p{Lu}[\p{Ll}\p{M}][\p{Ll}\p{M}\-]{0,40}|\p{Lu}{2,6}")
# Demonyms that name a people as well as qualify a noun (``Chinese``, ``Taiwanese``).
_DEMONYM = _lazy(r"\p{Lu}\p{Ll}{1,20}ese")
_LOWER_TOKEN = _lazy(r"\p{Ll}[\p{Ll}\p{M}\-]{0,40}")
# A token ending in a period that is not the end of a sentence: an initial (J.), an
# abbreviation with inner periods (U.S.) or a short form (Gen., Lt., Jr.).
_INITIAL = _lazy(r"\p{Lu}\.")
_ABBREVIATED = _lazy(r"\p{Lu}\.|(?:\p{L}{1,3}\.){2,5}")
_SHORT_FORMS = frozenset(
    """gen lt col maj adm capt cmdr cdr brig sgt cpl pvt dr mr mrs ms mx prof rev sen rep gov amb jr sr st ret hon
    pres sec vp mt ft co corp inc ltd no""".split()
)

_CONNECTORS = frozenset("of and for the on de da del van von der du la le & y".split())
# Lowercase words that may stand inside a title (``Made in China 2025``, ``Act for … through …``): kept only when
# capitalised words stand on both sides and a determiner or possessive introduces the whole.
_INNER_WORDS = frozenset("in at by to from through with within without under into over against between".split())
_OPENING_WORDS = frozenset(
    """a an the in on at by for from to of and but or nor as if when while during after before since until under
    with without although though because this that these those its his her their our my your both neither
    either meanwhile however also yet according among between through despite last next earlier later
    recently currently today yesterday instead still even only here there now thus hence indeed moreover
    furthermore notably many some all any few several each every numerous""".split()
)
_STOP_LOWERCASE = _OPENING_WORDS | frozenset(
    """is are was were be been being has have had do does did will would shall should can could may might must
    call calls calling called name names naming named dub dubs dubbing dubbed label labels labelled labeled
    term terms termed describe describes described titled known translated such which who whom whose what where
    why how not no than into onto over upon via per vs against toward towards about around across
    so-called""".split()
)
# Verbs that may stand before a demonym object (``told Chinese reporters``) and do not end in ``-ed``.
_IRREGULAR_VERBS = frozenset("said says say told tell tells saw see sees met meet meets let lets made makes".split())
_SUBJECT_PRONOUNS = frozenset("i we you he she it they who".split())
# Past participles that stand as adjectives at the head of a term (``armed forces``, ``united front work``).
_ADJECTIVE_PARTICIPLES = frozenset(
    "armed united unified advanced limited organized organised coordinated detailed specialized combined".split()
)
# Determiners: a number after one is part of the name (``the 228 Incident``), unlike one after ``In`` (``In 2005``).
_DETERMINERS = frozenset("a an the this that these those its his her their our my your".split())
# Plurals whose possessive is part of a name (``People’s Liberation Army``), not the name of an owner.
_COLLECTIVE_POSSESSIVES = frozenset("people men women children".split())
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
# English given names that are also English words (the lexicon holds ``frank``, ``mark``, ``lee``): at the start
# of a sentence such a word begins the name (``Frank Hsieh Chang-ting``) rather than standing before it.
_GIVEN_NAMES = frozenset(
    """aaron adam alan albert alex alexander alice allen amanda amy andrew andy angela ann anna anne annie anthony
    antony arthur austin barbara ben benjamin bernard betty bill billy bob bonnie brad brian bruce carl carol
    caroline catherine charles charlie chris christina christine christopher claire cole daniel david dean dennis
    diana diane donald douglas edward elizabeth ellen emily emma eric eugene evan frank fred frederick gary george
    gordon grace grant greg harold harry helen henry hope howard ivan jack jacob james jane jason jay jean jeff
    jennifer jeremy jerry jim joan joe john johnny jonathan joseph joy joyce julia julian june justin karen kate
    kelly ken kenneth kevin kim larry laura lawrence lee leo leon lily linda lisa louis lucy mark martin mary
    matthew max michael michelle mike morris nancy nathan neil nicholas nick norman oliver patrick paul peter
    philip ralph ray raymond richard rick robert robin roger ronald rose roy russell ruth ryan sam samuel sandra
    sarah scott sean simon stanley stephen steve steven susan terry thomas tim timothy tom tony victor victoria
    vincent walter wayne will william""".split()
)
# The last word of an institution's name: a title before it is part of the name (General Political Department).
_INSTITUTION_NOUNS = frozenset(
    """department departments ministry ministries bureau office offices agency administration directorate council
    commission committee association foundation institute institution university college academy school
    party league union federation alliance society center centre corporation company group bank court
    assembly congress yuan army navy force forces guard command headquarters division brigade corps front
    movement initiative agreement act law treaty consensus framework program programme project plan policy
    strategy station base cabinet secretariat legislature parliament government authority service services
    organization organisation network forum fund conference summit dialogue declaration communique
    communiqué statement report hospital museum library church temple newspaper daily times news
    channel television radio""".split()
)


def find_glosses(
    text: str,
    links: Sequence[Link] = (),
    *,
    emphasis: Sequence[Emphasis] = (),
    span_of: Callable[[int, int], Span] | None = None,
) -> tuple[Gloss, ...]:
    """The glosses in a paragraph's clean ``text``; each ``at`` covers the term and its gloss.

    A link anchor or an emphasised run (``*Liberty Times* (自由時報)``) that ends where a gloss's term ends
    bounds the term. ``span_of`` maps positions in ``text`` to source offsets, for each gloss's ``span``.
    """
    if _HAN.search(text) is None:
        return ()
    # Where each marked run ends → where it starts; a link wins over emphasis ending at the same place.
    marks = [mark.at for mark in emphasis] + [link.at for link in links]
    marked_by_end = {end: (start, index < len(emphasis)) for index, (start, end) in enumerate(marks) if end > start}
    found: list[Gloss] = []
    for match in _BRACKET().finditer(text):
        body = match.group("round") or match.group("square") or match.group("wide")
        if _HAN.search(body) is None:
            continue
        gloss = _bracket_gloss(text, match.start(), match.end(), body, marked_by_end, span_of)
        if gloss is not None:
            found.append(gloss)
    for match in _REVERSED().finditer(text):
        gloss = _reversed_gloss(text, match, span_of)
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
        yield from article.passages()


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
    if _HANZI_ONLY().fullmatch(body):  # the usual gloss, ``(王毅)``
        return _Body(body.strip("《》「」〈〉『』"), None, (), None)
    parts: list[str] = [""]
    separators: list[str] = [""]
    for match in _PART().finditer(body):
        if match.group("sep") is not None:
            parts.append("")
            separators.append(match.group())
        else:
            parts[-1] += match.group()
    parts = _join_phrases(parts, separators)
    hanzi: list[str] = []
    abbreviation: str | None = None
    aliases: list[str] = []
    notes: list[str] = []
    for raw_part in parts:
        part = raw_part.strip()
        if not part:
            continue
        characters = _HANZI().search(part) if _HAN.search(part) else None
        if characters is not None:
            before = part[: characters.start()].strip().rstrip(_QUOTES)
            after = part[characters.end() :].strip().lstrip(_QUOTES)
            if before and after:
                return None  # characters quoted inside prose, ``(see 統戰 above)``: not a gloss
            hanzi.append(characters.group().strip("《》「」〈〉『』 "))
            part = before or after
            if not part:
                continue
        if abbreviation is None and _ABBREVIATION().fullmatch(part):
            abbreviation = part
            continue
        lead = _ALIAS_LEAD().match(part)
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


def _join_phrases(parts: list[str], separators: list[str]) -> list[str]:
    """Rejoin characters split at a full-width comma: ``今日香港，明日台灣`` is one phrase, not two spellings.

    ``臺灣，台灣`` (two spellings of one name) stays two parts, as does anything split at ``、``.
    """
    joined: list[str] = []
    for part, separator in zip(parts, separators, strict=True):
        if (
            separator == "，"
            and joined
            and _HANZI_ONLY().fullmatch(joined[-1].strip())
            and _HANZI_ONLY().fullmatch(part.strip())
            and not _spellings_of_one_name(joined[-1].strip(), part.strip())
        ):
            joined[-1] = joined[-1].strip() + separator + part.strip()
        else:
            joined.append(part)
    return joined


def _spellings_of_one_name(first: str, second: str) -> bool:
    """Script variants (``國民黨``, ``国民党``), or as long and alike in at least half their characters (``臺灣``)."""
    if are_script_variants(first, second):
        return True
    alike = sum(1 for one, other in zip(first, second, strict=False) if one == other)
    return len(first) == len(second) and 2 * alike >= len(first)


def _unquote(text: str) -> str:
    return text.strip().strip(_QUOTES).strip(_TRAILING_PUNCTUATION).strip(_QUOTES).strip()


def _bracket_gloss(
    text: str,
    start: int,
    end: int,
    body_text: str,
    marked_by_end: dict[int, tuple[int, bool]],
    span_of: Callable[[int, int], Span] | None,
) -> Gloss | None:
    body = _read_body(body_text)
    if body is None:
        return None
    term_end = start
    while term_end > 0 and text[term_end - 1] in " \t":
        term_end -= 1
    found = _term_before(text, term_end, body.abbreviation, marked_by_end, short=len(body.hanzi) <= _SHORT_GLOSS)
    if found is None:
        return None
    term, term_start = found
    term, term_start = _without_unglossed_number(term, term_start, body.hanzi)
    if not term:
        return None
    abbreviation, note = body.abbreviation, body.note
    if note is not None and abbreviation is None and not body.aliases:
        # ``the ruling party (the Democratic Progressive Party, 民進黨)``, ``(under Chairman Eric Chu, 朱立倫)``: the
        # name in the brackets is what the characters gloss.
        named = _name_run(note, 0, len(note), None)
        if (
            named is not None
            and named[0][:1].isupper()
            and named[1] + len(named[0]) == len(note.rstrip())
            and len(named[0].split()) >= 2
            and not _is_title(named[0].split()[-1])
            and _introduces_name(note[: named[1]])
        ):
            term, note = named[0], None
            term_start = start + body_text.find(term) + 1 if term in body_text else term_start
    if abbreviation is None and note is not None and _is_clipped_short_name(note, term):
        abbreviation, note = note, None  # ``Taiwan Power Company (Taipower, 台灣電力公司)``
    return Gloss(
        term=term,
        hanzi=body.hanzi,
        abbreviation=abbreviation,
        aliases=body.aliases,
        script=script_of(body.hanzi),
        note=note,
        at=(term_start, end),
        span=span_of(term_start, end) if span_of else NO_SPAN,
    )


def _introduces_name(prefix: str) -> bool:
    """Whether ``prefix`` introduces the name after it in a bracket: ``the`` or a title (``under Chairman``), not a
    description (``the mayor of New Taipei`` describes the person before the bracket)."""
    words = prefix.split()
    return [word.lower() for word in words] == ["the"] or (bool(words) and _is_title(words[-1]))


def _without_unglossed_number(term: str, start: int, hanzi: str) -> tuple[str, int]:
    """``term`` less a date or number before the name, and where it then starts.

    A month and year are never part of a name, nor is what stands before them (``Memories of the May 2013
    Guang Da Xing No. 28``). A leading number is part of a name when the characters have it too (``the 228
    Incident (二二八事件)``, ``1992 Consensus (九二共識)``); otherwise it is a year or count before the name
    (``the 2014 Umbrella Movement (雨傘運動)``).
    """
    words = term.split(" ")
    for index in range(len(words) - 3, -1, -1):  # the last month and year with a name after them
        if words[index].lower() in _MONTHS and _YEAR.fullmatch(words[index + 1]):
            cut = sum(len(word) + 1 for word in words[: index + 2])
            return term[cut:], start + cut
    if len(words) > 1 and _COUNT().fullmatch(words[0]) and not _NUMERAL.search(hanzi):
        # ``Art. 5 of the Electricity Act``: the connectors after the number go with it.
        taken = 1
        while taken < len(words) - 1 and words[taken].lower() in _CONNECTORS:
            taken += 1
        cut = sum(len(word) + 1 for word in words[:taken])
        return term[cut:], start + cut
    return term, start


def _is_clipped_short_name(word: str, term: str) -> bool:
    """Whether ``word`` is a short name clipped from ``term``: the leading letters of two or more of its words.

    ``Taipower`` is ``Tai`` + ``power`` of ``Taiwan Power Company``, ``Mofcom`` is ``Mo`` + ``f`` + ``com`` of
    ``Ministry of Commerce``. The clipped pieces start with the term's first word and keep the words' order.
    """
    if not (_CLIPPED_WORD().fullmatch(word) and len(word) < len(term)):
        return False
    words = [part.casefold() for part in regex.split(r"[\s\-]+", term) if part]
    if not 2 <= len(words) <= _MAX_TERM_WORDS:
        return False
    letters = word.casefold()
    # reachable[i]: the number of pieces that spell letters[:i], the last piece ending a word prefix
    reachable: dict[int, int] = {0: 0}
    for index, term_word in enumerate(words):
        following: dict[int, int] = {} if index == 0 else dict(reachable)  # later words may be skipped
        for position, pieces in reachable.items():
            if index > 0 and pieces == 0:
                continue  # the first piece comes from the first word
            length = 0
            while (
                length < len(term_word)
                and position + length < len(letters)
                and term_word[length] == letters[position + length]
            ):
                length += 1
                following[position + length] = max(following.get(position + length, 0), pieces + 1)
        reachable = following
    return reachable.get(len(letters), 0) >= 2


def _reversed_gloss(text: str, match: regex.Match[str], span_of: Callable[[int, int], Span] | None) -> Gloss | None:
    """``"中國共產黨" as Communist Party of China (CPC)``: the term follows the characters.

    Also ``“兩岸一家親” (“both sides of the strait are one family”)``: the term in brackets after them.
    """
    position = match.end()
    if match.group().endswith("("):
        return _bracketed_translation(text, match, span_of)
    quoted = _QUOTED_AHEAD().match(text, position, position + _MAX_QUOTED + 2)
    if quoted is not None:
        term = _unquote(quoted.group("term"))
        end = quoted.end()
        if _HAN.search(term):
            return None
    else:
        tokens = _words_ahead(text, position, _continues_name, _MAX_TERM_WORDS, ",.;:!?")
        while tokens and tokens[-1][0].lower() in _CONNECTORS:
            tokens.pop()
        if not tokens:  # ``translates “國家安全” as national security.``: a short lowercase term, to punctuation
            tokens = _words_ahead(text, position, _continues_phrase, _MAX_REVERSED_LOWERCASE_WORDS, ",.;:!?)")
        if not tokens:
            return None
        term = " ".join(word for word, _ in tokens)
        end = tokens[-1][1] + len(tokens[-1][0])
    abbreviation = None
    after = _REVERSED_ABBREVIATION().match(text, end, end + 20)
    if after is not None and _ABBREVIATION().fullmatch(after.group("abbreviation")):
        abbreviation = after.group("abbreviation")
        end = after.end()
    if not term:
        return None
    hanzi = match.group("hanzi")
    return Gloss(
        term=term,
        hanzi=hanzi,
        abbreviation=abbreviation,
        script=script_of(hanzi),
        at=(match.start(), end),
        span=span_of(match.start(), end) if span_of else NO_SPAN,
    )


def _bracketed_translation(
    text: str, match: regex.Match[str], span_of: Callable[[int, int], Span] | None
) -> Gloss | None:
    """The gloss of quoted characters followed by their English in brackets: a quoted translation, or a name.

    Unquoted lowercase words in the brackets describe rather than translate (``"赴港旅遊注意事項" (travel
    advisory)``, ``(see above)``): no gloss.
    """
    position = match.end()
    close = text.find(")", position)
    inside = text[position:close].strip()
    term = _unquote(inside)
    if not term or _HAN.search(term) or len(term.split()) > _MAX_TERM_WORDS:
        return None
    quoted = inside[:1] in _QUOTES and inside[-1:] in _QUOTES
    if not quoted and not all(_NAME_TOKEN().fullmatch(word) or word in _CONNECTORS for word in term.split()):
        return None
    hanzi = match.group("hanzi")
    at = (match.start(), close + 1)
    return Gloss(term=term, hanzi=hanzi, script=script_of(hanzi), at=at, span=span_of(*at) if span_of else NO_SPAN)


def _words_ahead(
    text: str, position: int, accepts: Callable[[str, int], bool], limit: int, trailing: str
) -> list[tuple[str, int]]:
    """The words after ``position`` (less ``trailing`` punctuation) while ``accepts`` the word and how many are
    taken, up to ``limit`` words or the first word with punctuation after it."""
    words: list[tuple[str, int]] = []
    for token in _TOKEN().finditer(text, position, min(len(text), position + _TERM_WINDOW)):
        word = token.group()
        bare = word.rstrip(trailing)
        if not accepts(bare, len(words)):
            break
        words.append((bare, token.start()))
        if bare != word or len(words) >= limit:
            break
    return words


def _continues_name(word: str, taken: int) -> bool:
    return _NAME_TOKEN().fullmatch(word) is not None or (taken > 0 and word.lower() in _CONNECTORS)


def _continues_phrase(word: str, taken: int) -> bool:
    """A lowercase word that is no function word: ``as a slogan`` has no term."""
    return _LOWER_TOKEN().fullmatch(word) is not None and word not in _STOP_LOWERCASE


# --- the term ----------------------------------------------------------------------------------------------------


def _term_before(
    text: str, end: int, abbreviation: str | None, marked_by_end: dict[int, tuple[int, bool]], *, short: bool = False
) -> tuple[str, int] | None:
    """The term that ends at ``end`` and where it starts."""
    if end == 0:
        return None
    marked_start, emphasised = marked_by_end.get(end, (None, False))
    boundary = max(0, end - _TERM_WINDOW)
    if marked_start is not None:
        boundary = marked_start
    elif text[end - 1] in '”"’」':
        quoted = _quoted_before(text, end)
        if quoted is not None:
            return quoted
    # An emphasised run sets a title off (``*Made in China 2025*``); a link anchor may take in words before it.
    found = _name_run(text, boundary, end, abbreviation, short=short, bounded=emphasised)
    if found is None and marked_start is not None:
        marked = " ".join(text[marked_start:end].split()).strip(_QUOTES + _TRAILING_PUNCTUATION)
        return (marked, marked_start) if marked else None
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
    # ``the “New Southbound Policy’s” (新南向政策)``: the possessive is the sentence's, not the name's.
    term = _without_possessive(_unquote(inner))
    return (term, start) if term and _HAN.search(term) is None else None


@attrs.frozen
class _Token:
    word: str
    """The word as written (``People’s``)."""
    start: int
    bare: str
    """The word without a possessive ending (``People``)."""
    possessive: bool = False
    inner: bool = False
    """A lowercase word inside a title, like ``in`` of ``Made in China 2025``."""


def _name_run(
    text: str, boundary: int, end: int, abbreviation: str | None, *, short: bool = False, bounded: bool = False
) -> tuple[str, int] | None:
    """The capitalised name that ends at ``end``, or a short lowercase phrase when there is none.

    ``bounded``: an emphasised run starts at ``boundary``; it sets a title off as a determiner would (``issued
    *Made in China 2025* (中国制造2025)``).
    """
    # The words before ``end`` are read backwards, one at a time, only as far as the name runs.
    backwards = _TOKEN_BACKWARDS().finditer(text, boundary, end)
    last = next(backwards, None)
    if last is None:
        return None
    # ``Wang Yi’s (王毅)`` glosses ``Wang Yi``
    words_back: list[tuple[str, int]] = [(_without_possessive(last.group()), last.start())]
    run: list[_Token] = []
    while True:
        word, start = words_back[len(run)]
        if word[:5].lower() == "then-" and word[5:6].isupper():
            word, start = word[5:], start + 5  # ``then-Council of Agriculture``: no part of the name
        bare = _without_possessive(word)
        possessive = bare != word and bare.casefold() not in _COLLECTIVE_POSSESSIVES
        if bare.endswith(".") and not _is_abbreviated(bare):
            break  # the end of the previous sentence
        if _NAME_TOKEN().fullmatch(bare):
            run.append(_Token(word, start, bare, possessive))
        elif run and word in ("and", "or") and run[-1].inner:
            run.pop()  # ``… of Dresden and with National Cheng Kung University``: ``and with`` joins two phrases
            break
        elif run and word in _CONNECTORS:
            run.append(_Token(word, start, word))
        elif run and word in _INNER_WORDS:
            run.append(_Token(word, start, word, inner=True))
        elif run and not short and _serial_comma_in_name(word, run, backwards, words_back):
            run.append(_Token(word, start, word[:-1]))
        else:
            break
        # The next word may have been read already (a serial comma looks two words ahead).
        if len(run) == _MAX_TERM_WORDS or (len(words_back) == len(run) and not _read_back(backwards, words_back)):
            break
    run.reverse()
    run = _trim_opening(run)
    if not run:
        while len(words_back) < _MAX_LOWERCASE_WORDS and _read_back(backwards, words_back):
            pass
        return _lowercase_phrase(text, boundary, words_back[::-1])
    chosen = _by_abbreviation(run, abbreviation) if abbreviation else None
    if chosen is None:
        cut = max((index for index, token in enumerate(run) if _owns(run, index)), default=-1)
        chosen = _trim_opening(_strip_titles(run[cut + 1 :]))
        chosen = _personal_name_tail(chosen, _at_sentence_start(text, chosen[0].start) if chosen else False)
        chosen = _after_last_pair(chosen)
        chosen = _after_loose_for(chosen)
        chosen = _with_qualifier(text, boundary, chosen)
    if chosen and any(token.inner for token in chosen):
        last_inner = max(index for index, token in enumerate(chosen) if token.inner)
        rest = chosen[last_inner + 1 :]
        # A title is introduced (``the Made in China 2025``), ends in no person's name (``the Taiwanese in
        # China Lee Meng-chu``) and is glossed by more than a short name's characters (``the Third LNG
        # Terminal at Guantang (觀塘)`` glosses the place); otherwise the lowercase word ends the name after it.
        ends_in_person = any(_is_personal_name(rest[index:]) for index in range(len(rest)))
        introduced = (bounded and chosen[0].start == boundary) or _introduced(text, boundary, chosen[0].start)
        if short or ends_in_person or not introduced:
            chosen = _personal_name_tail(_trim_opening(rest), False)
    if not chosen:
        return None
    return " ".join(token.word for token in chosen), chosen[0].start


def _with_qualifier(text: str, boundary: int, run: list[_Token]) -> list[_Token]:
    """A lone demonym with the lowercase word that qualifies it: ``overseas Chinese (華僑)``, ``ethnic Chinese``.

    A demonym alone names a whole people, so a gloss after one qualified by an adjective glosses the pair. Function
    words, quantifiers (``many Chinese``), participles and past forms (``said Chinese``) do not qualify it.
    """
    if len(run) != 1 or run[0].possessive or not _DEMONYM().fullmatch(run[0].bare):
        return run
    start = run[0].start
    previous = _TOKEN_BACKWARDS().search(text, max(boundary, start - _TERM_WINDOW), start)
    if previous is None or text[previous.end() : start].strip():
        return run
    word = previous.group()
    if (
        not _LOWER_TOKEN().fullmatch(word)
        or word in _STOP_LOWERCASE
        or word in _IRREGULAR_VERBS
        or _is_participle(word)
        or word.endswith("ed")
    ):
        return run
    return [_Token(word, previous.start(), word), *run]


def _after_loose_for(run: list[_Token]) -> list[_Token]:
    """The name after a ``for`` that a place or person's name stands before: ``Xiamen for the Straits Forum`` names
    the forum; ``Foundation for the Defense of Democracies`` and ``Guidelines for National Unification`` are one
    name (a common noun before ``for``)."""
    lexicon = english_lexicon()
    if lexicon is None:
        return run
    for index in range(len(run) - 2, 0, -1):
        before = run[index - 1].bare.lower()
        if run[index].word == "for" and before not in _INSTITUTION_NOUNS and lexicon.is_rare(before):
            return _trim_opening(run[index + 1 :])
    return run


def _serial_comma_in_name(
    word: str, run: list[_Token], backwards: Iterator[regex.Match[str]], words_back: list[tuple[str, int]]
) -> bool:
    """Whether ``word`` (read backwards) is the first item of a list inside a name: ``Bureau of Standards,
    Metrology and Inspection``, ``Directorate-General of Budget, Accounting and Statistics``.

    The word is capitalised and ends in a comma, an ``and`` follows it in the run, and ``of`` after a capitalised
    word stands before it.
    """
    if not (word.endswith(",") and _NAME_TOKEN().fullmatch(word[:-1]) and any(t.word == "and" for t in run)):
        return False
    index = len(run)  # ``word`` is ``words_back[index]``
    while len(words_back) < index + 3 and _read_back(backwards, words_back):
        pass
    if len(words_back) < index + 3:
        return False
    return words_back[index + 1][0] == "of" and _NAME_TOKEN().fullmatch(words_back[index + 2][0]) is not None


def _after_last_pair(run: list[_Token]) -> list[_Token]:
    """The name after the last ``and the`` of ``run`` (``the KMT and the Taiwan People’s Party`` names two parties), or
    after an ``and`` before an acronym that opens a second name.

    Inside a title that has a lowercase word, ``and the`` belongs to the title (``Relations between the
    Taiwan Area and the Mainland Area``): such a run is kept whole here and judged as a title.
    """
    if any(token.inner for token in run):
        return run
    for index in range(len(run) - 3, -1, -1):
        if run[index].word == "and" and run[index + 1].word.lower() == "the":
            return run[index + 2 :]
    # ``Taipower and CPC Corporation``: an acronym after a top-level ``and`` opens the second name (inside a name
    # such as ``Ministry of Science and Technology`` the ``and`` follows an ``of``).
    for index in range(len(run) - 2, 0, -1):
        if (
            run[index].word == "and"
            and _is_acronym(run[index + 1].word)
            and not any(token.word in ("of", "for") for token in run[:index])
        ):
            return run[index + 1 :]
    return run


def _owns(run: list[_Token], index: int) -> bool:
    """Whether ``run[index]`` is a possessive naming an owner (``Taiwan’s``), not describing what follows.

    A plural of a common noun that opens the name (``Workers’ Voice``, ``Veterans’ Affairs Council``) describes;
    after another capitalised word (``the United States’``) it is a name's own, an owner.
    """
    token = run[index]
    if not token.possessive:
        return False
    if not token.word.endswith(("s'", "s’")) or (index > 0 and run[index - 1].word[:1].isupper()):
        return True
    lexicon = english_lexicon()
    singular = token.bare[:-1].lower()
    return lexicon is None or lexicon.is_rare(singular) or _is_name_like(token.bare[:-1])


def _introduced(text: str, boundary: int, start: int) -> bool:
    """Whether the words before ``start`` introduce a title: a determiner (``the``) or a possessive
    (``Taiwan’s``), perhaps with an adjective or two between (``the current``, ``Beijing’s new``).

    A title such as ``Made in China 2025`` or ``Act for … through …`` is named after one; a capitalised run
    with a lowercase word inside it and nothing of the kind before it is two phrases (``Officials in Beijing``).
    """
    words = _TOKEN_BACKWARDS().finditer(text, max(boundary, start - _TERM_WINDOW), start)
    for _ in range(_MAX_ADJECTIVES_AFTER_DETERMINER + 1):
        previous = next(words, None)
        if previous is None:
            return False
        word = previous.group()
        if word.lower() in _DETERMINERS or _has_possessive(word):
            return True
        if not _LOWER_TOKEN().fullmatch(word) or word in _STOP_LOWERCASE:
            return False
    return False


def _read_back(backwards: Iterator[regex.Match[str]], words_back: list[tuple[str, int]]) -> bool:
    """Read one more word backwards into ``words_back``; ``False`` when there is none."""
    match = next(backwards, None)
    if match is None:
        return False
    words_back.append((match.group(), match.start()))
    return True


def _without_possessive(word: str) -> str:
    """``word`` (no whitespace in it) less a possessive ending: ``Yi’s`` → ``Yi``, ``States’`` → ``States``."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("s'", "s’")):
        return word[:-1]
    return word


def _has_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDINGS)


def _is_abbreviated(word: str) -> bool:
    return _ABBREVIATED().fullmatch(word) is not None or word[:-1].lower() in _SHORT_FORMS


def _trim_opening(run: list[_Token]) -> list[_Token]:
    """Drop sentence-opening words and determiners (``In 2005``, ``The``) and dangling connectors."""
    index = 0
    dropped_word = False
    after_determiner = False
    while index < len(run):
        word = run[index].word
        lowered = word.lower()
        if lowered in _OPENING_WORDS or lowered in _CONNECTORS or run[index].inner or _DESCRIBING().fullmatch(word):
            dropped_word = True
            after_determiner = lowered in _DETERMINERS
        elif not (dropped_word and not after_determiner and word.isdigit()):
            break
        index += 1
    trimmed = run[index:]
    while trimmed and (trimmed[-1].word.lower() in _CONNECTORS or trimmed[-1].inner):
        trimmed.pop()
    return trimmed


def _is_title(word: str) -> bool:
    lowered = word.lower().rstrip(".")
    if lowered in _TITLES:
        return True
    # ``Secretary-General`` is a title; ``Directorate-General`` names an institution.
    parts = lowered.split("-")
    return len(parts) > 1 and any(part in _TITLES for part in parts) and not any(p in _INSTITUTION_NOUNS for p in parts)


def _strip_titles(run: list[_Token]) -> list[_Token]:
    """Drop everything up to the last title or rank: ``Chinese Foreign Minister Wang Yi`` → ``Wang Yi``."""
    if not run or run[-1].word.lower() in _INSTITUTION_NOUNS:
        return run
    # A title before an institution noun names the institution (``Representative Office``), no one's rank.
    last_title = max(
        (
            index
            for index, token in enumerate(run)
            if _is_title(token.word)
            and not (index + 1 < len(run) and run[index + 1].word.lower() in _INSTITUTION_NOUNS)
        ),
        default=-1,
    )
    rest = run[last_title + 1 :]
    if not rest or not any(token.word[0].isupper() for token in rest):
        return run
    if rest[0].word.lower() in _CONNECTORS:
        # ``Secretary of State Antony Blinken``: the title's complement runs into the name; keep the name.
        # A middle initial (``Antony J. Blinken``) takes the given name before it; initials that stand for the
        # given names (``J.W. Kuo``) do not.
        middle_initial = len(rest) >= 3 and _INITIAL().fullmatch(rest[-2].word) is not None
        rest = rest[-3:] if middle_initial else rest[-2:]
    return rest


def _personal_name_tail(run: list[_Token], at_sentence_start: bool) -> list[_Token]:
    """A person's name at the end of ``run``, without the words that lead into it.

    What leads into the name is an institution (``… Consultative Conference Wang Huning``), an
    acronym (``the EU Roy Chun Lee``), another name joined by ``and``, or a common English word
    capitalised only because it opens the sentence (``Ideologue Cai Qi``, ``Portraits of Chiang
    Kai-shek``). A run that is no person's name (``Democratic Progressive Party``) is kept whole.
    """
    if at_sentence_start and len(run) > 2 and run[1].word.lower() in _CONNECTORS and _is_common_word(run[0].word):
        rest = _trim_opening(run[1:])
        if _is_personal_name(rest):
            return rest
    for index in range(1, len(run)):
        lead = run[index - 1].word
        leads = lead.lower() in _INSTITUTION_NOUNS or _is_acronym(lead) or lead in ("and", "&")
        if index == 1 and at_sentence_start:
            leads = leads or _is_common_word(lead)
        if leads and _is_personal_name(run[index:]):
            return run[index:]
    return run


def _is_personal_name(tokens: Sequence[_Token]) -> bool:
    """Whether ``tokens`` read as a person's name: a few capitalised words, at least one of them name-like.

    None may be a connector, title, institution noun, acronym or possessive, nor a very common English word.
    """
    if not 2 <= len(tokens) <= _MAX_PERSONAL_NAME_WORDS:
        return False
    lexicon = english_lexicon()
    for token in tokens:
        word = token.word
        lowered = word.lower()
        if not word[0].isupper() or _has_possessive(word) or _is_acronym(word):
            return False
        if _is_title(word) and not _is_name_like(word):  # ``Yat-sen`` is no ``Sen.``
            return False
        if lowered in _CONNECTORS or lowered in _INSTITUTION_NOUNS:
            return False
        frequency = lexicon.frequencies.get(lowered.rstrip("."), 0) if lexicon is not None else 0
        if frequency > _VERY_COMMON and not _is_name_like(word):
            return False
    return any(_is_name_like(token.word) for token in tokens)


def _is_name_like(word: str) -> bool:
    """Whether ``word`` looks like a romanised name rather than an English word.

    It does when it is a known romanised name (``Huning``) or when each of its hyphen-separated
    parts is a romanisation syllable (``Cai``, ``Kai-shek``) or a word the lexicon does not know
    (``Blinken``). Without the lexicon, only syllables and known names count.
    """
    known = tables()
    if known.is_closed(word):
        return True
    lexicon = english_lexicon()
    parts = [part for part in word.split("-") if part]
    return bool(parts) and all(
        known.is_syllable(part) or (lexicon is not None and lexicon.is_rare(part)) for part in parts
    )


def _is_common_word(word: str) -> bool:
    """A common English word that is no title, institution or given name (``Ideologue``, ``Analysts``)."""
    lowered = word.lower()
    if _is_title(word) or lowered in _INSTITUTION_NOUNS or lowered in _GIVEN_NAMES or "-" in word:
        return False
    lexicon = english_lexicon()
    return lexicon is not None and not lexicon.is_rare(word) and not _is_name_like(word)


def _is_acronym(word: str) -> bool:
    """``EU``, ``PRC``, ``U.S.``: two or more capital letters and nothing else but periods."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isalpha() and letters.isupper()


def _at_sentence_start(text: str, start: int) -> bool:
    """Whether ``start`` opens the text or follows the end of a sentence (closing quotes allowed between).

    A period that ends a short form (``Gen.``, ``U.S.``) ends no sentence.
    """
    floor = max(0, start - _TERM_WINDOW)  # bounded, like every scan here
    position = start
    while position > floor and text[position - 1].isspace():
        position -= 1
    while position > floor and text[position - 1] in '”’"':
        position -= 1
    if position == 0:
        return True
    if text[position - 1] == ".":
        previous = _TOKEN_BACKWARDS().search(text, max(0, position - _TERM_WINDOW), position)
        return previous is None or not _is_abbreviated(previous.group())
    return text[position - 1] in "!?"


def _by_abbreviation(run: list[_Token], abbreviation: str) -> list[_Token] | None:
    """The longest tail of ``run`` whose initials spell ``abbreviation`` (``Taiwan’s Military …`` → ``Military …``)."""
    letters = "".join(char for char in abbreviation.casefold() if char.isalpha())
    if not letters:
        return None
    for start in range(len(run)):
        tail = run[start:]
        if tail[0].word.lower() in _CONNECTORS or tail[0].inner:
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
        optional = lowered in _CONNECTORS or lowered in _INNER_WORDS
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


def _lowercase_phrase(text: str, boundary: int, words: Sequence[tuple[str, int]]) -> tuple[str, int] | None:
    """An unquoted lowercase term (``united front work (統戰工作)``): the words back to a function word.

    A proper name, demonym or acronym just before a short phrase is part of the term (``Tatan power plant``,
    ``Taiwanese businesspeople``, ``KMT legislators``).
    """
    phrase: list[tuple[str, int]] = []
    window = words[-_MAX_LOWERCASE_WORDS:]
    for word, start in reversed(window):
        # A plural possessive describes (``farmers’ associations``); a singular one names an owner (``the
        # island’s largest port``), and a participle governs the term (``organizing recall votes``).
        describing = phrase and word.endswith(("s'", "s’"))
        if phrase and ((_has_possessive(word) and not describing) or _is_participle(word)):
            break
        bare = word[:-1] if describing else word
        if not _LOWER_TOKEN().fullmatch(bare) or bare in _STOP_LOWERCASE:
            break
        phrase.append((word, start))
    if not phrase:
        return None
    if 1 < len(phrase) < len(window) and _is_verb_after(window[-len(phrase) - 1][0], phrase[-1][0]):
        phrase.pop()  # ``Beijing expanded united front work``: the verb governs the term, as a participle does
    elif len(phrase) <= _MAX_MODIFIED_WORDS and len(phrase) < len(window):
        lead, lead_start = window[-len(phrase) - 1]
        if _leads_lowercase_phrase(text, boundary, lead, lead_start):
            phrase.append((lead, lead_start))
    phrase.reverse()
    return " ".join(word for word, _ in phrase), phrase[0][1]


def _is_verb_after(subject: str, word: str) -> bool:
    """Whether ``word``, after ``subject``, is the sentence's verb rather than the first word of a term.

    After a subject pronoun any lowercase word is (``they fear gray zone tactics``); after a name only a past
    form is, since a name may also lead a term (``US arms sales``) and a few past participles are adjectives
    (``armed forces``).
    """
    if subject.lower() in _SUBJECT_PRONOUNS:
        return True
    if not _NAME_TOKEN().fullmatch(subject) or _has_possessive(subject) or _DEMONYM().fullmatch(subject):
        return False
    past = word.endswith("ed") and "-" not in word and word not in _ADJECTIVE_PARTICIPLES
    return past or word in _IRREGULAR_VERBS


def _is_participle(word: str) -> bool:
    """A lowercase word in ``-ing`` with a stem of three letters or more (``containing``, not ``thing``)."""
    return word.endswith("ing") and len(word) >= 6


def _leads_lowercase_phrase(text: str, boundary: int, word: str, start: int) -> bool:
    """Whether ``word`` is a single proper name or demonym that modifies the lowercase words after it.

    Not a title, function word or possessive (the name of an owner), nor a common word capitalised only
    because it opens the sentence; and not the end of a longer name, which the words cannot tell apart
    from a name of its own.
    """
    lowered = word.lower()
    # A compound of names (``Penghu–Taiwan undersea cable``) leads like one name.
    parts = regex.split(r"[-–]", word)
    if not all(_CAPITALISED_WORD().fullmatch(part) for part in parts):
        return False
    if lowered in _STOP_LOWERCASE or lowered in _CONNECTORS:
        return False
    if _is_title(word):
        return False
    if _at_sentence_start(text, start):
        return not _is_common_word(word)
    previous = _TOKEN_BACKWARDS().search(text, max(boundary, start - _TERM_WINDOW), start)
    if previous is None or _has_possessive(previous.group()):  # ``Taiwan’s Tatan power plant``: an owner
        return True
    before = previous.group()
    return _NAME_TOKEN().fullmatch(before) is None or before.lower() in _OPENING_WORDS
