"""Deciding whether a hyphen at the end of a column is a word split (drop it) or a real hyphen (keep it).

The evidence is weighed in a fixed order, and the first source that speaks decides:

1. hard rules: a digit, Han characters or an all-caps token at the hyphen, a one-letter fragment or a
   capitalised continuation always keep the hyphen (layout engines never split such words). When both
   fragments are in capitals (a heading), case says nothing: the hyphen goes only when the case-folded
   fragments would lose it and join into a known word;
2. the document itself: the hyphenated or the joined form elsewhere in the issue;
3. an offline English lexicon (pyspellchecker, loaded lazily; optional);
4. tables: lexical compounds (the layout's and ``data/compounds.txt``), words and names written as one
   word (``data/closed_words.txt``, ``data/closed_names.txt``), romanised given names (``data/romanisation.txt``);
5. a default: a lower-case continuation that nothing attests as a compound is a split word.
"""

from __future__ import annotations

import bisect
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence

import attrs
import regex

from ._lexicon import SUFFIXES, Lexicon, Tables, english_lexicon, tables
from .layout import Layout

_TOKEN = regex.compile(r"[\p{L}\p{N}]{1,64}(?:-[\p{L}\p{N}]{1,64}){0,8}")
# A hyphen-minus, a soft hyphen (U+00AD) or a Unicode hyphen (U+2010), as PDF text extractors emit them.
_BREAK_MARKS = ("-", "\u00ad", "\u2010")
_BREAK_END = regex.compile(r"(?r)([\p{L}\p{N}]{1,64}(?:-[\p{L}\p{N}]{1,64}){0,8})[-\u00ad\u2010]$")
_BREAK_START = regex.compile(r"^[\p{L}\p{N}]{1,64}")
_HAN = regex.compile(r"\p{Han}")
_DIGIT = regex.compile(r"\p{N}")
_BATCH_CHARACTERS = 1 << 16  # the tokens of one batch are held in a list at once: this bounds the memory
_TAIL_WINDOW = 700  # longer than any token _BREAK_END can match, so the search stays linear

KEEP = "keep-hyphen"
DROP = "dehyphenate"


@attrs.frozen
class Vocabulary:
    """How often each word occurs in one issue, case-folded: evidence from the document itself.

    Hyphenated tokens count whole (``cross-strait``) and by their parts. The fragments either side of
    a hyphen at a block end are not counted: they are what is being decided.

    Nothing is counted until a hyphen decision asks, and then only the words it asks for: a parse asks
    for a handful (most hyphens are settled by the hard rules, and a web article has no column breaks), and
    finding a few words costs far less than counting every one.
    """

    texts: tuple[str, ...] = attrs.field(repr=False)
    _counter: _WordCounter = attrs.field(init=False, eq=False, repr=False)

    @_counter.default
    def _new_counter(self) -> _WordCounter:
        return _WordCounter(self.texts)

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        """The vocabulary of ``texts``, the issue's blocks in reading order."""
        return cls(tuple(texts))

    def count(self, word: str) -> int:
        """How often ``word`` (any case) occurs."""
        return self._counter.count(word.casefold())


_LOOKUPS_BEFORE_COUNTING = 32
_RUN_BEFORE = regex.compile(r"(?r)[\p{L}\p{N}-]*")
_RUN_AFTER = regex.compile(r"[\p{L}\p{N}-]*")


class _WordCounter:
    """The counts behind a :class:`Vocabulary`, worked out on demand from its texts alone (so a cache).

    Each word asked for is found in the case-folded texts, and each occurrence tokenised with the run of word
    characters around it in its text, exactly as :func:`_count_words` tokenises the whole text. Past
    ``_LOOKUPS_BEFORE_COUNTING`` distinct words, every word is counted in one pass instead, so an issue with
    thousands of breaks stays linear.

    The folded texts are kept joined in chunks of about ``_BATCH_CHARACTERS``: few enough strings for a quick
    search, and no copy of the whole issue, which one character outside the Basic Multilingual Plane would
    store at four bytes a character.
    """

    __slots__ = ("_all", "_chunks", "_found", "_fragments", "_texts")

    def __init__(self, texts: tuple[str, ...]) -> None:
        self._texts = texts
        self._chunks: list[_Chunk] | None = None
        self._fragments: tuple[str, ...] | None = None
        self._found: dict[str, int] = {}
        self._all: dict[str, int] | None = None

    def count(self, folded_word: str) -> int:
        if self._all is not None:
            return self._all.get(folded_word, 0)
        found = self._found.get(folded_word)
        if found is not None:
            return found
        if self._chunks is None:
            self._chunks = _fold_in_chunks(self._texts)
        if len(self._found) >= _LOOKUPS_BEFORE_COUNTING or not self._chunks:
            self._all = _count_words(self._texts)
            return self._all.get(folded_word, 0)
        if self._fragments is None:
            self._fragments = tuple(fragment.casefold() for fragment in _fragments_at_breaks(self._texts))
        whole_token = _TOKEN.fullmatch(folded_word) is not None
        total = sum(chunk.count(folded_word, whole_token=whole_token) for chunk in self._chunks)
        total -= sum(_occurrences(fragment, folded_word) for fragment in self._fragments)
        found = self._found[folded_word] = total
        return found


@attrs.frozen
class _Chunk:
    """Consecutive texts joined by newlines and case-folded, with where each starts in the folded string."""

    folded: str
    texts: Sequence[str]
    starts: list[int]

    def count(self, word: str, *, whole_token: bool) -> int:
        """How often ``word`` counts in these texts (as a token or a part of one), fragments at breaks included.

        ``whole_token`` says whether ``word`` is one token as it stands, so that an occurrence between separators is it.
        """
        folded = self.folded
        total = 0
        length = len(word)
        at = folded.find(word)
        while at >= 0:
            end = at + length
            # Most occurrences of a short word are inside longer words: an ASCII letter or digit either side
            # settles that without tokenising; and a token standing alone between separators is the word.
            if _inside_ascii_word(folded, at - 1) or _inside_ascii_word(folded, end):
                at = folded.find(word, at + 1)
                continue
            if whole_token and _separates(folded, at - 1) and _separates(folded, end):
                total += 1
                at = folded.find(word, end)
                continue
            index = bisect.bisect_right(self.starts, at) - 1
            text, offset = self.texts[index], at - self.starts[index]
            before = _RUN_BEFORE.match(text, 0, offset)
            after = _RUN_AFTER.match(text, offset)
            run_start = before.start() if before else offset  # both patterns match, if only the empty string
            run_end = after.end() if after else offset
            for token in _tokens(text[run_start:run_end]):
                total += _occurrences(token.casefold(), word)
            at = folded.find(word, max(self.starts[index] + run_end, at + 1))
        return total


def _fold_in_chunks(texts: Sequence[str]) -> list[_Chunk]:
    """The texts as :class:`_Chunk` s; none when folding made a character longer, so positions no longer hold."""
    chunks = []
    for batch in _batches(texts, _BATCH_CHARACTERS):
        # Text by text: ``str.casefold`` allocates twelve bytes a character while it works.
        folded = [text.casefold() for text in batch]
        if any(len(one) != len(text) for one, text in zip(folded, batch, strict=True)):
            return []  # folding never makes a character shorter, so the lengths tell
        starts = list(itertools.accumulate((len(text) + 1 for text in batch[:-1]), initial=0))
        chunks.append(_Chunk("\n".join(folded), batch, starts))
    return chunks


def _separates(text: str, at: int) -> bool:
    """Whether ``text[at]`` is outside the text or can be in no token (no letter, digit or hyphen)."""
    return not 0 <= at < len(text) or (text[at] != "-" and not text[at].isalnum())


def _inside_ascii_word(text: str, at: int) -> bool:
    return 0 <= at < len(text) and text[at].isascii() and text[at].isalnum()


def _occurrences(token: str, word: str) -> int:
    """How often ``word`` counts in ``token``: once if it is the token, and once per part it is."""
    if token == word:
        return 1
    return token.split("-").count(word) if "-" in token else 0


def _count_words(texts: Sequence[str]) -> dict[str, int]:
    """Every word's count in one pass: the reference :meth:`Vocabulary.count` agrees with."""
    # A few passes over many blocks at once (no token spans the newline between two), counted in C: a Python
    # loop per token cost most of the stage. The fragments at breaks are then taken out again.
    counts: Counter[str] = Counter()
    for batch in _batches(texts, _BATCH_CHARACTERS):
        counts.update(map(str.casefold, _tokens("\n".join(batch))))
    for fragment in _fragments_at_breaks(texts):
        folded = fragment.casefold()
        counts[folded] -= 1
        if not counts[folded]:
            del counts[folded]
    for word, count in [(word, count) for word, count in counts.items() if "-" in word]:
        for part in word.split("-"):
            counts[part] += count
    return dict(counts)


def _batches(texts: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    """``texts`` in consecutive runs of at least ``size`` characters (the last may be shorter)."""
    start = length = 0
    for index, text in enumerate(texts):
        length += len(text)
        if length >= size:
            yield texts[start : index + 1]
            start, length = index + 1, 0
    if start < len(texts):
        yield texts[start:]


def _tokens(text: str) -> list[str]:
    """The word tokens of ``text``: runs of letters and digits, hyphenated runs whole."""
    return _TOKEN.findall(text)


def _fragments_at_breaks(texts: Sequence[str]) -> Iterator[str]:
    """The tokens either side of a hyphen that ends a block: what the hyphen decisions decide.

    Only the first and the last run of word characters and hyphens of a block are tokenised: no token
    crosses the end of a run, so they hold its first and last token.
    """
    continues_break = False
    for text in texts:
        ends_in_break = _ends_in_break(text)
        first_run = _RUN_AFTER.match(text) if continues_break and _BREAK_START.match(text) else None
        first = _tokens(first_run.group()) if first_run else []
        if first:
            yield first.pop(0)
        if ends_in_break:
            last_run = _RUN_BEFORE.match(text, 0, len(text.rstrip()) - 1)  # the run before the break mark
            if last_run is not None and first_run is not None and last_run.start() == 0:
                last = first  # one run: what is left after its first token
            else:
                last = _tokens(last_run.group()) if last_run else []
            if last:
                yield last[-1]
        continues_break = ends_in_break


def _ends_in_break(text: str) -> bool:
    return _break_end(text) is not None


def _break_end(text: str) -> regex.Match[str] | None:
    tail = text.rstrip()
    if not tail.endswith(_BREAK_MARKS):  # a cheap test first: most blocks end otherwise
        return None
    return _BREAK_END.search(tail[-_TAIL_WINDOW:])


def break_fragments(before: str, after: str) -> tuple[str, str] | None:
    """The fragments either side of a hyphen that ends ``before`` when ``after`` continues it, else ``None``.

    Only a hyphen-minus counts: an en dash or em dash at a break is never a hyphen. The left fragment keeps
    the earlier parts of a hyphenated token (``day-to`` for ``day-to-`` / ``day``) and any digits.
    """
    end = _break_end(before)
    start = _BREAK_START.match(after)
    if end is None or start is None:
        return None
    return end.group(1), start.group()


@attrs.frozen
class HyphenDecision:
    """Keep or drop the hyphen, which rule decided and on what evidence."""

    keep: bool
    rule: str
    evidence: str


def _keep(evidence: str) -> HyphenDecision:
    return HyphenDecision(True, KEEP, evidence)


def _drop(evidence: str) -> HyphenDecision:
    return HyphenDecision(False, DROP, evidence)


def decide_hyphen(
    left: str,
    right: str,
    vocabulary: Vocabulary,
    layout: Layout,
    *,
    lexicon: Callable[[], Lexicon | None] = english_lexicon,
) -> HyphenDecision:
    """Decide for ``left-`` at a column end followed by ``right`` at the top of the next.

    ``left`` and ``right`` are the tokens either side of the hyphen (``left`` may hold earlier parts of a
    hyphenated token). ``lexicon`` supplies the English word list; it is called only when the document
    does not decide, and may return ``None`` (no lexicon installed).
    """
    tail = left.rsplit("-", 1)[-1]
    if not tail or not right:
        return _keep("nothing to join on one side")
    if _in_capitals(tail) and _in_capitals(right):
        return _capitals_decision(left, right, vocabulary, layout, lexicon)
    hard = _hard_rule(tail, right)
    if hard is not None:
        return hard
    hyphenated = f"{left}-{right}"
    document = _document_evidence(hyphenated, f"{left}{right}", vocabulary)
    if document is not None:
        return document
    known = tables()
    words = lexicon()
    word = f"{tail}{right}"
    joined_is_word = known.is_closed(word)
    if words is not None:
        judged = _lexicon_evidence(tail, right, words, known)
        if isinstance(judged, HyphenDecision):
            return judged
        joined_is_word = judged
    table = _table_evidence(tail, right, hyphenated, layout, known, joined_is_word)
    if table is not None:
        return table
    if joined_is_word and "-" in left:
        return _keep(f"`{left}-` is already a hyphenated compound; `{right}` continues it")
    if joined_is_word:
        return _drop(f"`{word}` is a known word, and no compound `{tail}-{right}` is attested")
    if words is None:
        return _drop(f"nothing attests `{tail}-{right}` as a compound (no lexicon installed): a split word")
    return _drop(f"neither `{word}` nor `{tail}-{right}` is attested: taken as a split word")


_ACRONYM = regex.compile(r"\p{Lu}{2}")


def _in_capitals(fragment: str) -> bool:
    return len(fragment) > 1 and fragment.isalpha() and fragment.isupper()


def _capitals_decision(
    left: str, right: str, vocabulary: Vocabulary, layout: Layout, lexicon: Callable[[], Lexicon | None]
) -> HyphenDecision:
    """Both fragments in capitals: an acronym pair (``KMT-TPP``) or a word split in a heading (``DEMO-CRACY``)."""
    tail = left.rsplit("-", 1)[-1]
    word = f"{tail}{right}".casefold()
    folded = decide_hyphen(left.casefold(), right.casefold(), vocabulary, layout, lexicon=lexicon)
    words = lexicon()
    known = tables().is_closed(word) or (words is not None and words.knows(word) and not words.is_rare(word))
    if not folded.keep and known:
        return _drop(f"in capitals, `{word}` is a known word; in lower case: {folded.evidence}")
    return _keep(f"`{tail}-{right}` is in capitals and `{word}` is no known word: an acronym pair or a name")


def _hard_rule(tail: str, right: str) -> HyphenDecision | None:
    """Cases where a layout engine never splits a word, whatever the other evidence."""
    pair = f"{tail}-{right}"
    if _DIGIT.search(tail[-1] + right[0]):
        return _keep(f"`{pair}` has a digit next to the hyphen")
    if _DIGIT.search(tail) or _DIGIT.search(right):
        return _keep(f"`{pair}` has a digit in it: layout engines never split such a token")
    if _HAN.search(tail) or _HAN.search(right):
        return _keep(f"`{pair}` has Han characters next to the hyphen")
    for token in (tail, right):
        if len(token) > 1 and token.isupper():
            return _keep(f"`{token}` is an all-caps token")
        if _ACRONYM.search(token):
            return _keep(f"`{token}` holds an acronym")
    if len(tail) == 1 or len(right) == 1:
        return _keep(f"`{pair}`: a line is never broken a single letter from a word's end")
    if right[0].isupper():
        return _keep(f"`{right}` is capitalised: a split word never continues with a capital")
    return None


def _document_evidence(hyphenated: str, joined: str, vocabulary: Vocabulary) -> HyphenDecision | None:
    with_hyphen = vocabulary.count(hyphenated)
    without = vocabulary.count(joined)
    if with_hyphen > without:
        return _keep(f"`{hyphenated}` occurs unbroken elsewhere in this issue")
    if without > with_hyphen:
        return _drop(f"`{joined}` occurs elsewhere in this issue")
    return None


def _lexicon_evidence(tail: str, right: str, words: Lexicon, known: Tables) -> HyphenDecision | bool:
    """A decision when the lexicon settles it, else whether the joined form counts as a known word."""
    word = f"{tail}{right}"
    closed = known.is_closed(word)
    tail_stands = words.is_word_or_prefix(tail) or tail.casefold() in known.closed_names
    right_stands = words.is_word_or_prefix(right)
    source = words.source
    joined_is_word = closed or words.knows(word)
    if joined_is_word and not tail_stands:
        return _drop(f"`{word}` is a known word; `{tail}` is not ({source})")
    if joined_is_word and not right_stands:
        return _drop(f"`{word}` is a known word; `{right}` is not ({source})")
    if tail[0].isupper() and known.is_syllable(tail) and known.is_syllable(right):
        return joined_is_word  # romanised syllables: the name tables know better than an English word list
    if joined_is_word and not closed and words.is_rare(word):
        return _keep(f"`{tail}` and `{right}` are common words; `{word}` is barely attested ({source})")
    if not joined_is_word and tail_stands and right_stands:
        return _keep(f"`{tail}` and `{right}` are words; `{word}` is not ({source})")
    return joined_is_word


def _table_evidence(
    tail: str, right: str, hyphenated: str, layout: Layout, known: Tables, joined_is_word: bool
) -> HyphenDecision | None:
    for compound in dict.fromkeys((hyphenated.casefold(), f"{tail}-{right}".casefold())):
        if compound in layout.compounds or compound in known.compounds:
            return _keep(f"`{compound}` is a known lexical compound")
    word = f"{tail}{right}"
    if known.is_closed(word):
        return _drop(f"`{word}` is written as one word")
    if joined_is_word or not tail[0].isupper() or not right.islower():
        return None
    if tail.casefold() in known.closed_names and len(right) > 2 and right.casefold() not in SUFFIXES:
        return _keep(f"`{tail}` is a whole name and `{right}` no suffix: a compound like `Taiwan-based`")
    if not (known.is_syllable(tail) and known.is_syllable(right)):
        return None
    if known.pinyin_only(tail) or known.pinyin_only(right):
        return _drop(f"`{word}` is Hanyu Pinyin, whose given names are written as one word")
    return _keep(f"`{tail}-{right}` is a romanised given name, hyphenated as in Taiwan and Hong Kong")
