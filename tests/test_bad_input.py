"""Bad input: each case gives a sensible partial Issue or a ParseError naming line and column."""

from __future__ import annotations

import random

import pytest

import gtbparse
from gtbparse.testing import unaccounted

ESSAY = """On the Virtues of Walking

Walking is the oldest way of getting about, and still the best way of seeing a place. A walker notices
the shape of a street, the smell of a bakery, the sound of a school at break.

By contrast, a driver sees the road and little else. The car is fast, but it is a closed box.

Cities that are good to walk in share a few traits: short blocks, mixed uses, trees, and places to sit.
None of these is expensive; all of them take patience.

In the end, the case for walking is the case for attention. We see what we move slowly enough to see.
"""


def _error(text: str) -> gtbparse.ParseError:
    with pytest.raises(gtbparse.ParseError) as caught:
        gtbparse.parse(text)
    error = caught.value
    assert f"line {error.line}, column {error.column}" in str(error)
    assert not error.problem.startswith("internal error")
    return error


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \t\n \r\n\u3000\n"])
def test_empty_and_whitespace_only(text: str) -> None:
    error = _error(text)
    assert error.problem.startswith("empty input")
    assert (error.line, error.column, error.pos) == (1, 1, 0)


def test_an_english_essay_has_no_article() -> None:
    error = _error(ESSAY)
    assert error.problem.startswith("no article found")
    assert (error.line, error.column) == (1, 1)


def test_an_essay_after_blank_lines_is_located_at_its_first_text() -> None:
    error = _error("\n\n   " + ESSAY)
    assert (error.line, error.column) == (3, 4)


def test_binary_junk() -> None:
    rng = random.Random(0)
    junk = bytes(rng.randrange(256) for _ in range(4096)).decode("latin-1")
    error = _error(junk)
    assert error.problem.startswith("binary data")
    first_control = next(index for index, char in enumerate(junk) if ord(char) < 32 and char not in "\t\n\r")
    assert error.pos == first_control
    assert error.line == junk.count("\n", 0, first_control) + 1


def test_undecodable_bytes_read_with_replacement_characters() -> None:
    rng = random.Random(1)
    junk = bytes(rng.randrange(128, 256) for _ in range(2048)).decode("utf-8", errors="replace")
    assert _error(junk).problem.startswith("binary data")


def test_a_truncated_seed_gives_a_partial_issue(seed_text: str) -> None:
    text = seed_text[: len(seed_text) // 10]
    explained = gtbparse.parse_and_explain(text)
    issue = explained.issue
    assert len(issue.contents) == 5
    assert issue.masthead is not None
    assert issue.volume == 5
    [review] = issue.articles
    assert review.title == "Fortnightly Review"
    assert [author.name for author in review.authors] == ["Russell Hsiao"]
    assert review.authors[0].bio is not None
    # Cut before its first main point, the column shows one item, which reads as an article whose first
    # section is headed by the item's title: nothing tells the two apart, and nothing is lost.
    assert review.items == ()
    heading = review.sections[0].heading
    assert heading is not None
    assert heading.startswith("Recent Espionage Cases")
    assert review.main_point is None
    last = review.sections[-1].paragraphs[-1]
    assert seed_text[last.span[1] - 10 : last.span[1]] == text[-10:]  # the cut paragraph keeps what is there
    codes = {diagnostic.code for diagnostic in explained.diagnostics}
    assert "footnote-mark-unresolved" in codes  # the footnote after the cut is missing, and says so
    assert unaccounted(explained, text) == ()


def test_a_byline_alone_is_an_article_without_title_or_bio() -> None:
    explained = gtbparse.parse_and_explain("By: Jane Chen")
    [article] = explained.issue.articles
    assert article.title == ""
    assert [(author.name, author.bio) for author in article.authors] == [("Jane Chen", None)]
    assert {"title-missing", "bio-missing"} <= {diagnostic.code for diagnostic in explained.diagnostics}


def test_line_ends_and_a_byte_order_mark_change_nothing(seed_text: str, seed_issue: gtbparse.Issue) -> None:
    expected = gtbparse.parse(seed_text)
    assert gtbparse.parse(seed_text.replace("\n", "\r\n")) == expected
    assert gtbparse.parse("\ufeff" + seed_text) == expected
    assert gtbparse.parse(seed_text.replace("\n", "  \n")) == expected


def test_a_few_control_characters_do_not_stop_the_parse(seed_text: str) -> None:
    text = seed_text.replace("Fortnightly Review\n\nBy:", "Fortnightly Review\x00\n\nBy:").replace(
        "\n\n", "\n\x0c\n", 3
    )
    explained = gtbparse.parse_and_explain(text)
    assert len(explained.issue.articles) == 5
    assert unaccounted(explained, text) == ()


def test_unplaced_text_is_reported_not_dropped(seed_text: str) -> None:
    stray = " ".join(["A stray paragraph that belongs to no part of the issue at all."] * 3)
    text = seed_text.replace("Fortnightly Review\n\nBy:", f"{stray}\n\nFortnightly Review\n\nBy:", 1)
    explained = gtbparse.parse_and_explain(text)
    [unplaced] = explained.unplaced
    assert unplaced.text == stray
    assert text[unplaced.span[0] : unplaced.span[1]] == stray
    [diagnostic] = [item for item in explained.diagnostics if item.code == "unplaced-text"]
    assert diagnostic.span == unplaced.span
    assert diagnostic.line == text.count("\n", 0, unplaced.span[0]) + 1
    assert explained.issue == gtbparse.parse(seed_text)
    assert unaccounted(explained, text) == ()
