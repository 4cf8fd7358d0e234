"""Property-based tests: generated issues, rendered with layout quirks, parse back to themselves.

``gtbparse.testing`` generates clean issues and lays them out as the PDF rendition does, recording
each injected quirk. The properties: the parse equals the generated issue; every injected quirk is
undone by exactly the matching edit (and no other repair is made); a rendition without quirks needs
no repair; every visible character of the input is accounted for.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import attrs
import regex
from hypothesis import given, settings

import gtbparse
from gtbparse import Issue
from gtbparse.testing import (
    NO_QUIRKS,
    REPAIR_RULES,
    Quirks,
    Rendition,
    inline_markup,
    renditions,
    unaccounted,
)

ALL_QUIRKS = Quirks(masthead_repeats=True)


def first_difference(got: Any, expected: Any, path: str = "issue") -> str | None:
    """Where two model objects first differ (a readable failure message instead of two huge reprs)."""
    if type(got) is not type(expected):
        return f"{path}: {got!r} != {expected!r}"
    if attrs.has(type(got)):
        for field in attrs.fields(type(got)):
            if field.eq:
                found = first_difference(
                    getattr(got, field.name), getattr(expected, field.name), f"{path}.{field.name}"
                )
                if found:
                    return found
        return None
    if isinstance(got, tuple):
        for index, (left, right) in enumerate(zip(got, expected, strict=False)):
            found = first_difference(left, right, f"{path}[{index}]")
            if found:
                return found
        if len(got) != len(expected):
            return f"{path}: {len(got)} items != {len(expected)} items"
        return None
    return None if got == expected else f"{path}: {got!r} != {expected!r}"


def assert_parses_back(issue: Issue, rendition: Rendition) -> gtbparse.Explained:
    explained = gtbparse.parse_and_explain(rendition.text)
    difference = first_difference(explained.issue, issue)
    assert difference is None, difference
    assert explained.issue == issue
    return explained


def edits_by_rule(explained: gtbparse.Explained, rules: frozenset[str]) -> Counter[tuple[str, tuple[int, int]]]:
    return Counter((edit.rule, edit.span) for edit in explained.edits if edit.rule in rules)


@given(renditions(quirks=NO_QUIRKS))
def test_clean_text_needs_no_repair(case: tuple[Issue, Rendition]) -> None:
    issue, rendition = case
    explained = assert_parses_back(issue, rendition)
    assert edits_by_rule(explained, REPAIR_RULES) == Counter()
    assert edits_by_rule(explained, frozenset({"drop-furniture"})) == rendition.expected_edits(
        frozenset({"drop-furniture"})
    )
    assert unaccounted(explained, rendition.text) == ()


@given(renditions(quirks=ALL_QUIRKS))
def test_quirks_are_repaired_by_exactly_the_matching_edits(case: tuple[Issue, Rendition]) -> None:
    issue, rendition = case
    explained = assert_parses_back(issue, rendition)
    repairs = REPAIR_RULES | {"drop-furniture"}
    assert edits_by_rule(explained, repairs) == rendition.expected_edits(repairs)
    assert unaccounted(explained, rendition.text) == ()
    assert explained.unplaced == ()


@given(renditions(quirks=Quirks(column_breaks=0, hyphen_splits=6, compound_splits=4, gloss_breaks=0)))
def test_hyphen_splits(case: tuple[Issue, Rendition]) -> None:
    issue, rendition = case
    explained = assert_parses_back(issue, rendition)
    assert edits_by_rule(explained, REPAIR_RULES) == rendition.expected_edits(REPAIR_RULES)


def test_the_generators_do_inject_every_kind_of_quirk() -> None:
    """The properties above are only as good as the quirks the renderer manages to inject."""
    seen: Counter[str] = Counter()

    @settings(max_examples=60, derandomize=True, database=None)
    @given(renditions(quirks=ALL_QUIRKS))
    def collect(case: tuple[Issue, Rendition]) -> None:
        text = case[1].text
        for item in case[1].injected:
            seen[item.kind] += 1
            block = text[text.rfind("\n\n", 0, item.span[0]) + 2 : item.span[0]]
            if item.rule in REPAIR_RULES and block.count("[") > block.count("]"):
                seen["inside-link"] += 1
            if item.rule in REPAIR_RULES and regex.match(r"\[\d+\] ", block):
                seen["inside-footnote"] += 1
            if item.rule in REPAIR_RULES and block.startswith("The main point: "):
                seen["inside-main-point"] += 1
            if item.rule in REPAIR_RULES and block.startswith("“"):
                seen["inside-blockquote"] += 1

    collect()
    kinds = ("column-break", "hyphen-split", "compound-split", "gloss-break", "masthead", "inside-link")
    for kind in (*kinds, "inside-footnote", "inside-main-point", "inside-blockquote"):
        assert seen[kind] >= (10 if kind in kinds else 3), (kind, seen)
    assert seen["page-number"] + seen["running-head"] >= 10


def test_a_known_issue_renders_as_the_layout_prints_it() -> None:
    paragraph = gtbparse.Paragraph(
        "He noted the so-called asymmetric threat. Costs rose to $5 in 2019.",
        links=(gtbparse.Link("asymmetric threat", None, at=(23, 40)),),
        emphasis=(gtbparse.Emphasis("Costs", at=(42, 47)),),
        footnote_refs=(gtbparse.FootnoteRef(1, at=(41, 41)),),
    )
    assert inline_markup(paragraph.text, paragraph.links, paragraph.emphasis, paragraph.footnote_refs) == (
        "He noted the so-called [asymmetric threat](#).[1] *Costs* rose to \\$5 in 2019."
    )
