"""The web-article layout: one article copied from the publisher's website, and layout detection."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import gtbparse
from gtbparse.layout import GTB_WEB

WEB = Path(__file__).resolve().parent / "corpus" / "web"
CASES = sorted(WEB.glob("*.txt"))


def _summary(issue: gtbparse.Issue) -> dict[str, Any]:
    (article,) = issue.articles
    return {
        "layout": issue.layout,
        "title": article.title,
        "authors": [
            {"name": a.name, "bio": a.bio, "honorific": a.honorific, "nickname": a.nickname} for a in article.authors
        ],
        "sections": [
            {"heading": s.heading, "paragraphs": [[p.kind.value, p.text] for p in s.paragraphs]}
            for s in article.sections
        ],
        "links": [[link.text, link.url] for p in article.paragraphs() for link in p.links],
        "footnote_refs": [ref.number for p in article.paragraphs() for ref in p.footnote_refs],
        "main_point": article.main_point.text if article.main_point else None,
        "footnotes": [[note.number, note.text] for note in article.footnotes],
    }


def test_there_are_web_cases() -> None:
    assert len(CASES) >= 3


@pytest.mark.parametrize("case", CASES, ids=lambda path: path.stem)
def test_web_article_matches_expected(case: Path) -> None:
    expected = json.loads(case.with_suffix(".expected.json").read_text(encoding="utf-8"))
    explained = gtbparse.parse_and_explain(case.read_text(encoding="utf-8"))
    assert _summary(explained.issue) == expected
    issue = explained.issue
    assert (issue.volume, issue.number, issue.masthead, issue.contents) == (None, None, None, ())
    assert not [edit for edit in explained.edits if edit.rule.startswith(("join-", "dehyphen"))]
    assert explained.unplaced == ()
    assert not [d for d in explained.diagnostics if d.severity is not gtbparse.Severity.INFO]


def test_seed_is_detected_as_an_issue(seed_issue: gtbparse.Issue) -> None:
    assert seed_issue.layout == "gtb-issue"


def test_layout_can_be_forced_by_name() -> None:
    text = CASES[0].read_text(encoding="utf-8")
    assert gtbparse.parse(text, layout="gtb-issue").layout == "gtb-issue"
    assert gtbparse.parse(text, layout=GTB_WEB).layout == "gtb-web"


def test_unknown_layout_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="gtb-issue"):
        gtbparse.parse("x", layout="no-such-layout")


def test_web_layout_never_joins_across_blank_lines() -> None:
    text = (
        "A Title for a Test\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"
        "A paragraph long enough not to be taken for a heading that stops without any punctuation\n\n"
        "and a paragraph that starts in lower case.\n\n"
        "The main point: Web copies have no column breaks."
    )
    explained = gtbparse.parse_and_explain(text)
    assert explained.issue.layout == "gtb-web"
    texts = [p.text for p in explained.issue.paragraphs()]
    assert texts == [
        "A paragraph long enough not to be taken for a heading that stops without any punctuation",
        "and a paragraph that starts in lower case.",
    ]
    assert explained.edits == ()


def test_a_layout_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="layout"):
        gtbparse.parse("x", layout=5)  # type: ignore[arg-type]
