"""Quality gate on the blind corpus: thirty-two issues written without reading the parser, scored per field.

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


@pytest.fixture(scope="module")
def scores() -> list[Any]:
    issues = sorted(BENCH.BLIND.glob("blind_*.txt"))
    return [BENCH.score_issue(text, text.with_name(f"{text.stem}.gold.json")) for text in issues]


def test_there_are_thirty_two_blind_issues(scores: list[Any]) -> None:
    assert len(scores) == 32


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_field_floor(scores: list[Any], field: str) -> None:
    right = sum(score.counts[field][0] for score in scores)
    total = sum(score.counts[field][1] for score in scores)
    if total == 0:
        pytest.fail(f"{field}: nothing scored")
    misses = [failure for score in scores for failure in score.failures if failure["field"] == field]
    assert right / total >= FLOORS[field], misses


@pytest.mark.parametrize("extra", NO_EXTRAS)
def test_nothing_spurious_or_unplaced(scores: list[Any], extra: str) -> None:
    assert sum(score.extra[extra] for score in scores) == 0
