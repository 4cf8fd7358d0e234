"""Bylines: names split correctly, and sentences that open with "By" are not bylines."""

from __future__ import annotations

import pytest

import gtbparse
from gtbparse._segment import is_byline, split_names

LAYOUT = gtbparse.get_layout("gtb-issue")


@pytest.mark.parametrize(
    "line",
    [
        "By: Russell Hsiao",
        "By: I-wei Jennifer Chang",
        "By: Alice Wang and Bob Lee",
        "By: Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson",
        "By: Ludwig van Beethoven",
        "By Russell Hsiao",
        "By: A. B. Author, C. D. Writer, and E. F. Scholar",
    ],
)
def test_bylines(line: str) -> None:
    assert is_byline(line, LAYOUT)


@pytest.mark.parametrize(
    "line",
    [
        "By 2027, the PLA will be ready.",
        "By contrast, Taiwan has moved on.",
        "By Western standards, Taiwan is small.",
        "Bypassing the legislature, the premier acted.",
        "By:",
    ],
)
def test_not_bylines(line: str) -> None:
    assert not is_byline(line, LAYOUT)


@pytest.mark.parametrize(
    ("names", "expected"),
    [
        ("Russell Hsiao", ["Russell Hsiao"]),
        ("Alice Wang and Bob Lee", ["Alice Wang", "Bob Lee"]),
        ("Alice Wang & Bob Lee", ["Alice Wang", "Bob Lee"]),
        ("A. Author, B. Writer, and C. Scholar", ["A. Author", "B. Writer", "C. Scholar"]),
        ("Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson", ["Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson"]),
        ("Martin Luther King, Jr. and Ann Roe", ["Martin Luther King, Jr.", "Ann Roe"]),
    ],
)
def test_split_names(names: str, expected: list[str]) -> None:
    assert split_names(names) == expected


def test_a_paragraph_opening_with_by_does_not_start_an_article() -> None:
    text = (
        "A Title\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"
        "By 2027, the People's Liberation Army is expected to be ready for a range of operations.\n\n"
        "The main point: A sentence opening with By is body text."
    )
    issue = gtbparse.parse(text)
    assert len(issue.articles) == 1
    assert [p.text[:8] for p in issue.paragraphs()] == ["By 2027,"]
