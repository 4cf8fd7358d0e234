"""A second, hand-written full issue with quirks the seed does not show.

Two-author byline, a rank and nickname in a byline, other editors in the masthead, the sidebar dropped
into a later article, a page number and a running head between paragraphs, a break before a
capitalised word, a footnote cut by a break, and a gloss with a birth year.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gtbparse
from gtbparse import Issue, ParagraphKind

CASE = Path(__file__).resolve().parent / "corpus" / "issues" / "synthetic_v7i4.txt"


@pytest.fixture(scope="module")
def explained() -> gtbparse.Explained:
    return gtbparse.parse_and_explain(CASE.read_text(encoding="utf-8"), source_name=CASE.name)


@pytest.fixture(scope="module")
def issue(explained: gtbparse.Explained) -> Issue:
    return explained.issue


def test_issue_facts_come_from_the_masthead(issue: Issue) -> None:
    assert (issue.volume, issue.number, issue.year, issue.month) == (7, 4, 2022, 2)
    assert issue.masthead is not None
    assert issue.masthead.editors == (
        ("Editor-in-Chief", "John Smith"),
        ("Associate Editor", "Jane Lin"),
        ("Staff Editor", "Peter Chao"),
    )
    assert issue.masthead.editor("Associate Editor") == "Jane Lin"


def test_contents_with_several_authors(issue: Issue) -> None:
    assert [(entry.title, entry.authors) for entry in issue.contents] == [
        ("Fortnightly Review", ("John Smith",)),
        ("Taiwan and the Pacific Islands: A Contest for Recognition", ("Alice Wang", "Bob Lee")),
        ("Why the Treaty Still Matters", ("Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson",)),
    ]


def test_two_authors_each_get_their_own_bio(issue: Issue) -> None:
    authors = issue.articles[1].authors
    assert [(a.name, a.bio) for a in authors] == [
        ("Alice Wang", "Alice Wang is a research fellow at the Global Taiwan Institute."),
        ("Bob Lee", "Bob Lee is a program associate at the Global Taiwan Institute."),
    ]


def test_rank_and_nickname_in_a_byline(issue: Issue) -> None:
    (author,) = issue.articles[2].authors
    assert author.name == "Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson"
    assert author.honorific == "Lt. Gen. (USMC, ret.)"
    assert author.nickname == "Chip"
    assert author.bio is not None
    assert author.bio.startswith("Wallace “Chip” Gregson is a senior advisor")


def test_review_items(issue: Issue) -> None:
    review = issue.articles[0]
    assert [item.title for item in review.items] == [
        "Beijing Expands Coast Guard Patrols Near Kinmen",
        "Taiwan’s Legislature Passes Revised Anti-Infiltration Rules",
    ]
    assert review.items[0].footnotes == ()
    assert [note.number for note in review.items[1].footnotes] == [1]


def test_breaks_are_rejoined(issue: Issue) -> None:
    texts = [p.text for p in issue.paragraphs()]
    assert any("restricted waters around the islands. Officials in Taipei" in text for text in texts)
    assert any("agriculture, and renewable energy. According to one official" in text for text in texts)
    assert any("President Tsai Ing-wen (蔡英文) has argued" in text for text in texts)
    note = issue.articles[1].footnotes[0]
    assert note.text == "Ministry of Foreign Affairs, Foreign Aid and Development Report 2021 (Taipei: MOFA, 2021)."


def test_furniture_is_removed_and_recorded(explained: gtbparse.Explained, issue: Issue) -> None:
    kinds = sorted(piece.kind for piece in explained.furniture)
    assert kinds == ["masthead", "page-number", "running-head"]
    for paragraph in issue.paragraphs():
        assert "Editor-in-Chief" not in paragraph.text
        assert "Vol. 7, Issue 4" not in paragraph.text
    assert sum(edit.rule == "drop-furniture" for edit in explained.edits) == 3


def test_sections_and_block_quote_after_furniture(issue: Issue) -> None:
    article = issue.articles[2]
    assert [section.heading for section in article.sections] == [None, "A Different Kind of Commitment"]
    kinds = [p.kind for p in article.sections[1].paragraphs]
    assert kinds == [ParagraphKind.BODY, ParagraphKind.BLOCKQUOTE, ParagraphKind.BODY]


def test_nothing_unplaced_and_no_warnings(explained: gtbparse.Explained) -> None:
    assert explained.unplaced == ()
    assert [d.code for d in explained.diagnostics if d.severity is not gtbparse.Severity.INFO] == []
