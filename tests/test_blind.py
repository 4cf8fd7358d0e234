"""Quality gate on the blind corpus: fifty-six issues written without reading the parser, scored per field.

The floors are what the parser reaches; a change that lowers any of them fails here. ``gloss script`` is
not gated: the blind keys call characters written alike in both scripts ``ambiguous``, while gtbparse
settles them by the issue's other glosses, as the seed's answer key does (see docs/model.md).
"""

from __future__ import annotations

from typing import Any

import pytest

from benchmark_loader import load_benchmark

BENCH = load_benchmark("blind_accuracy")
FLOORS = {field: 1.0 for field in BENCH.FIELDS if field not in ("gloss script", "gloss note")}
FLOORS |= {"glosses exact": 0.98}
NO_EXTRAS = ("spurious joins", "spurious glosses", "unplaced", "diagnostics")

# Misses that the text alone cannot decide, each with its reason. They are excluded from the floors, and each must
# still be a miss (like a strict xfail): a change that fixes one removes it here.
_US_BREAK = (
    "a full stop after `U.S.` before a capitalised word at a break: the key joins `the U.S.` / `Navy’s plans`, and "
    "the same issue ends a paragraph on `the U.S.` before `Washington has begun`; only the meaning tells them apart"
)
_HEADING_BREAK = (
    "two title-case heading lines in a row: the key joins `Taiwan’s Semiconductor` / `Diplomacy in Europe` (a "
    "heading cut by a column break) but keeps `Lessons from Lithuania` / `The Price of a Name` (a heading and its "
    "sub-heading) apart in the same issue; only the meaning tells them apart"
)
_TITLE_GLOSS = (
    "a gloss inside an item title: the model gives glosses to paragraphs and footnotes only (docs/model.md), and "
    "blind_29's key leaves its title gloss out; blind_49's key lists it"
)
_SEE_TABLE = (
    "a block ending `(see Table 2)` with no full stop before a capitalised block: the key ends the paragraph there; "
    "a break after a closing bracket before a capital (`(DPP)` / `Chairman …`) is as often mid-sentence"
)
_RECALL = "After the Recall Wave: What Taiwan’s Voters Told Both Parties"
_IDEOGRAPHIC_COMMA = (
    "characters joined by an ideographic comma: `禁止、限制水域` is one phrase for `prohibited and restricted waters`, "
    "while `(蔡英文、賴清德)` glosses two names one by one; gtbparse reads the part after the comma as an alias"
)
KNOWN_MISSES = {
    ("blind_49", "glosses found", "Lai Ching-te (賴清德)"): _TITLE_GLOSS,
    ("blind_52", "paragraphs (anywhere)", _RECALL): _SEE_TABLE,
    ("blind_52", "paragraphs", f"{_RECALL} § None"): _SEE_TABLE,
    ("blind_52", "spurious joins", "line 133"): _SEE_TABLE,
    ("blind_55", "glosses found", "prohibited and restricted waters (禁止、限制水域)"): _IDEOGRAPHIC_COMMA,
    ("blind_55", "spurious glosses", "禁止"): _IDEOGRAPHIC_COMMA,
    ("blind_37", "headings", "Silicon and Statecraft: Taiwan’s Chip Diplomacy in Europe"): _HEADING_BREAK,
    ("blind_37", "joins found", "line 83: 'Taiwan’s Semiconductor' | 'Diplomacy in Europe'"): _HEADING_BREAK,
    ("blind_33", "joins found", "line 103: 'slowed the U.S.' | 'Navy’s plans for'"): _US_BREAK,
    ("blind_33", "paragraphs", "Taiwan’s Submarine Program Between the Shipyard and the Legislature § None"): _US_BREAK,
    (
        "blind_33",
        "paragraphs (anywhere)",
        "Taiwan’s Submarine Program Between the Shipyard and the Legislature",
    ): _US_BREAK,
}


@pytest.fixture(scope="module")
def scores() -> list[Any]:
    issues = sorted(BENCH.BLIND.glob("blind_*.txt"))
    return [BENCH.score_issue(text, text.with_name(f"{text.stem}.gold.json")) for text in issues]


def test_there_are_fifty_six_blind_issues(scores: list[Any]) -> None:
    assert len(scores) == 56


def _key(failure: dict[str, Any]) -> tuple[str, str, str]:
    return failure["issue"], failure["field"], failure["where"]


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(scores: list[Any], field: str) -> None:
    right = sum(score.counts[field][0] for score in scores)
    total = sum(score.counts[field][1] for score in scores)
    if total == 0:
        pytest.fail(f"{field}: nothing scored")
    misses = [failure for score in scores for failure in score.failures if failure["field"] == field]
    known = [failure for failure in misses if _key(failure) in KNOWN_MISSES]
    unknown = [failure for failure in misses if _key(failure) not in KNOWN_MISSES]
    assert (right + len(known)) / total >= FLOORS[field], unknown


def test_known_misses_are_still_misses(scores: list[Any]) -> None:
    found = {_key(failure) for score in scores for failure in score.failures}
    assert set(KNOWN_MISSES) <= found, set(KNOWN_MISSES) - found


@pytest.mark.parametrize("extra", NO_EXTRAS)
def test_nothing_spurious_or_unplaced(scores: list[Any], extra: str) -> None:
    known = sum(
        1
        for score in scores
        for failure in score.failures
        if failure["field"] == extra and _key(failure) in KNOWN_MISSES
    )
    assert sum(score.extra[extra] for score in scores) - known == 0
