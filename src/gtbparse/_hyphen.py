"""Deciding whether a hyphen at the end of a column is a word split (drop it) or a real hyphen (keep it)."""

from __future__ import annotations

from collections.abc import Iterable

import attrs
import regex

from .layout import Layout

_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)*(?:-\p{L}+(?:['’]\p{L}+)*)*")
_HAN = regex.compile(r"\p{Han}")


@attrs.frozen
class Vocabulary:
    """The words of one issue, lower-cased: evidence from the document itself."""

    words: frozenset[str]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> Vocabulary:
        words: set[str] = set()
        for text in texts:
            words.update(match.casefold() for match in _WORD.findall(text))
        return cls(frozenset(words))


@attrs.frozen
class HyphenDecision:
    """Keep or drop the hyphen, which rule decided and on what evidence."""

    keep: bool
    rule: str
    evidence: str


def decide_hyphen(left: str, right: str, vocabulary: Vocabulary, layout: Layout) -> HyphenDecision:
    """Decide for ``left-`` at a column end followed by ``right`` at the top of the next.

    ``left`` and ``right`` are the word fragments either side of the hyphen.
    """
    hyphenated = f"{left}-{right}"
    joined = f"{left}{right}"
    if not left or not right:
        return HyphenDecision(True, "keep-hyphen", "nothing to join on one side")
    if any(char.isdigit() for char in (left[-1], right[0])):
        return HyphenDecision(True, "keep-hyphen", f"`{hyphenated}` has a digit at the hyphen")
    if _HAN.search(left[-1] + right[0]):
        return HyphenDecision(True, "keep-hyphen", f"`{hyphenated}` has Han characters at the hyphen")
    if len(left) > 1 and left.isupper():
        return HyphenDecision(True, "keep-hyphen", f"`{left}` is an all-caps token")
    folded_hyphenated = hyphenated.casefold()
    folded_joined = joined.casefold()
    if folded_hyphenated in vocabulary.words:
        return HyphenDecision(True, "keep-hyphen", f"`{hyphenated}` occurs unbroken elsewhere in this issue")
    if folded_joined in vocabulary.words:
        return HyphenDecision(False, "dehyphenate", f"`{joined}` occurs elsewhere in this issue")
    if folded_hyphenated in layout.compounds:
        return HyphenDecision(True, "keep-hyphen", f"`{hyphenated}` is a known lexical compound")
    if right[0].isupper():
        return HyphenDecision(True, "keep-hyphen", f"`{right}` is capitalised: a compound of names")
    return HyphenDecision(False, "dehyphenate", f"`{left}` and `{right}` are not attested as a compound")
