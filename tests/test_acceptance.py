"""Whole-result acceptance: each corpus issue parses to its reviewed expected output, byte for byte.

The fixtures hold everything ``to_dict`` writes (text, structure, links, glosses, citations, offsets).
After a deliberate change, run ``python tests/corpus/regenerate.py`` and review the diff.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import gtbparse

CORPUS = Path(__file__).resolve().parent / "corpus"
ROOT = CORPUS.parent.parent
ISSUES = CORPUS / "issues"
HAND_WRITTEN = ("synthetic_v7i4", "synthetic_v9i2_special", "synthetic_v8i17", "synthetic_v10i6")
CASES = {
    "seed": (ROOT / "seeds" / "000_109018197d74fce2.txt", CORPUS / "000_109018197d74fce2.expected.json"),
    **{name: (ISSUES / f"{name}.txt", ISSUES / f"{name}.expected.json") for name in HAND_WRITTEN},
}


def test_every_hand_written_issue_has_a_fixture() -> None:
    assert sorted(path.stem for path in ISSUES.glob("*.txt")) == sorted(HAND_WRITTEN)


@pytest.mark.parametrize("name", sorted(CASES))
def test_issue_matches_reviewed_expected_output(name: str) -> None:
    source, fixture = CASES[name]
    issue = gtbparse.parse(source.read_text(encoding="utf-8"), source_name=source.name)
    expected = json.loads(fixture.read_text(encoding="utf-8"))
    assert gtbparse.to_dict(issue) == expected


@pytest.mark.parametrize("name", sorted(CASES))
def test_expected_output_reads_back_to_the_same_issue(name: str) -> None:
    source, fixture = CASES[name]
    issue = gtbparse.parse(source.read_text(encoding="utf-8"), source_name=source.name)
    assert gtbparse.from_dict(json.loads(fixture.read_text(encoding="utf-8"))) == issue
