"""Every object of the seed's parse points back to the source text it came from."""

from __future__ import annotations

import itertools

import regex

import gtbparse
from gtbparse import Issue


def test_paragraph_spans_start_with_their_text(seed_issue: Issue, seed_text: str) -> None:
    for paragraph in seed_issue.paragraphs():
        start, end = paragraph.span
        assert 0 <= start < end <= len(seed_text)
        first_word = regex.match(r"[\p{L}\p{N}]+", paragraph.text.lstrip('“"('))
        assert first_word is not None
        assert first_word.group() in seed_text[start : start + 40]


def test_link_spans_cover_the_link_markup(seed_issue: Issue, seed_text: str) -> None:
    for paragraph in seed_issue.paragraphs():
        for link in paragraph.links:
            source = seed_text[link.span[0] : link.span[1]]
            assert source.startswith("[")
            assert source.endswith("](#)")
            assert paragraph.text[link.at[0] : link.at[1]] == link.text


def test_footnote_ref_spans_cover_the_mark(seed_issue: Issue, seed_text: str) -> None:
    refs = [ref for paragraph in seed_issue.paragraphs() for ref in paragraph.footnote_refs]
    assert refs
    for ref in refs:
        assert seed_text[ref.span[0] : ref.span[1]].strip() == f"[{ref.number}]"


def test_emphasis_spans(seed_issue: Issue, seed_text: str) -> None:
    spans = [(p, e) for p in seed_issue.paragraphs() for e in p.emphasis]
    assert spans
    for paragraph, emphasis in spans:
        assert seed_text[emphasis.span[0]] == "*"
        assert paragraph.text[emphasis.at[0] : emphasis.at[1]] == emphasis.text


def test_article_spans_are_ordered_and_disjoint(seed_issue: Issue) -> None:
    spans = [article.span for article in seed_issue.articles]
    assert spans == sorted(spans)
    assert all(left[1] <= right[0] for left, right in itertools.pairwise(spans))


def test_joined_paragraph_span_covers_both_halves(seed_issue: Issue, seed_text: str) -> None:
    paragraph = next(p for p in seed_issue.paragraphs() if "asymmetric" in p.text)
    source = seed_text[paragraph.span[0] : paragraph.span[1]]
    assert "asym-\n\nmetric" in source


def test_edit_spans_hold_their_original_text(seed_text: str) -> None:
    explained = gtbparse.parse_and_explain(seed_text)
    for edit in explained.edits:
        assert seed_text[edit.span[0] : edit.span[1]] == edit.original
