"""Offline word knowledge for de-hyphenation: an English lexicon and tables of compounds and romanised names.

Everything here is loaded lazily, on the first call that needs it, and cached as immutable data:
``import gtbparse`` never pays for it, and a parse whose hyphens the document itself decides never loads
the lexicon. The tables are small text files in ``gtbparse/data``.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

_SHORT_WORDS = frozenset("a i am an as at be by do go he if in is it me my no of on or so to up us we".split())
"""The real English words of one or two letters: the lexicon's list also holds fragments such as ``ed``."""

PREFIXES = frozenset(
    """anti auto bi co counter cross cyber de dis e ex extra geo hyper inter intra macro micro mid mini multi neo
    non over pan para post pre pro quasi re semi sub super trans tri ultra un under vice""".split()
)
"""Prefixes that also form hyphenated compounds: a fragment that is one of them may be half of a compound."""

SUFFIXES = frozenset(
    """an ans ese ian ians ism isms ist ists ite ites ize izes ized izing ization izations ise ised ising isation
    er ers ic ics ity ness""".split()
)
"""Suffixes that make a new word of a name (``Taiwanese``, ``Maoist``): a fragment that is one of them is no word."""

RARE = 50
"""The lowest frequency in pyspellchecker's English list, where its noise (``pean``, ``st``) lives."""


def _data_text(name: str) -> str:
    from importlib import resources  # imported here: it costs import time that most parses never need

    return resources.files("gtbparse").joinpath("data", name).read_text(encoding="utf-8")


def _data_words(name: str) -> frozenset[str]:
    """The case-folded words of a data file (``#`` starts a comment line)."""
    text = _data_text(name)
    return frozenset(word.casefold() for line in text.splitlines() if not line.startswith("#") for word in line.split())


@attrs.frozen
class Tables:
    """The shipped tables: compounds, words and names written closed, and romanisation syllables."""

    compounds: frozenset[str]
    """Compounds written with a hyphen although their closed form is a word too (``follow-up``)."""
    closed_words: frozenset[str]
    """Words written closed that the lexicon lacks or barely knows (``cybersecurity``)."""
    closed_names: frozenset[str]
    """Romanised names written as one word in English (``Kaohsiung``, ``Jinping``)."""
    syllables: Mapping[str, frozenset[str]]
    """Romanisation syllables by system (``pinyin``, ``wade-giles``, ``taiwanese``, ``cantonese``, ``korean``)."""

    def is_closed(self, word: str) -> bool:
        folded = word.casefold()
        return folded in self.closed_words or folded in self.closed_names

    def is_syllable(self, text: str) -> bool:
        folded = text.casefold()
        return any(folded in syllables for syllables in self.syllables.values())

    def pinyin_only(self, text: str) -> bool:
        """Whether ``text`` is a Hanyu Pinyin syllable with an initial no other system here uses (x, q, zh, z, c)."""
        folded = text.casefold()
        if folded not in self.syllables.get("pinyin", frozenset()):
            return False
        return folded.startswith(("x", "q", "zh", "z")) or (folded.startswith("c") and not folded.startswith("ch"))


@functools.cache
def tables() -> Tables:
    """The tables of ``gtbparse/data``, read once."""
    text = _data_text("romanisation.txt")
    systems: dict[str, set[str]] = {}
    current: set[str] | None = None
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("["):
            current = systems.setdefault(line.strip().strip("[]"), set())
        elif current is not None:
            current.update(line.split())
    return Tables(
        compounds=_data_words("compounds.txt"),
        closed_words=_data_words("closed_words.txt"),
        closed_names=_data_words("closed_names.txt"),
        syllables={name: frozenset(words) for name, words in systems.items()},
    )


@attrs.frozen
class Lexicon:
    """Lower-case English words with their frequencies (in some corpus; only their order matters)."""

    frequencies: Mapping[str, int] = attrs.field(repr=False)
    source: str

    def knows(self, word: str) -> bool:
        """Whether ``word`` (any case) is a word of the lexicon."""
        return word.casefold() in self.frequencies

    def is_rare(self, word: str) -> bool:
        """Whether ``word`` is at the lexicon's noise floor: listed, but as seldom as any junk entry."""
        return self.frequencies.get(word.casefold(), 0) <= RARE

    def is_word_or_prefix(self, fragment: str) -> bool:
        """Whether a fragment cut off at a hyphen can stand alone: a word (stricter than :meth:`knows`) or a prefix."""
        folded = fragment.casefold()
        if folded in PREFIXES:
            return True
        if len(folded) <= 2:
            return folded in _SHORT_WORDS
        return self.frequencies.get(folded, 0) > RARE


@functools.cache
def english_lexicon() -> Lexicon | None:
    """pyspellchecker's English word list (MIT, ~160k words), or ``None`` when it is not installed."""
    try:
        from spellchecker import SpellChecker
    except ImportError:
        return None
    checker = SpellChecker(language="en", distance=1)
    return Lexicon(checker.word_frequency.dictionary, "pyspellchecker")
