"""Regressions found by code review: each a small unseen input that once parsed wrongly."""

from __future__ import annotations

import gtbparse
from gtbparse import Issue

HEAD = "A Title About Things\n\nBy: Jane Doe\n\nJane Doe is a fellow.\n\n"


def _issue(text: str, layout: str | None = "gtb-issue") -> Issue:
    return gtbparse.parse(text, layout=layout)


def test_a_paragraph_after_a_footnote_continues_the_footnote() -> None:
    text = HEAD + (
        "The first paragraph cites a source. [1]\n\nThe main point: Things happen.\n\n"
        "[1] John Smith, *A Book* (New York: Penguin, 2019), 23.\n\n"
        "This is discussed at length in chapter four.\n\n[2] Another note."
    )
    (article,) = _issue(text).articles
    assert article.items == ()
    assert [note.number for note in article.footnotes] == [1, 2]
    assert article.footnotes[0].text.endswith("23. This is discussed at length in chapter four.")


def test_a_main_point_before_the_body_does_not_split_the_article() -> None:
    text = HEAD + "The main point: Taiwan should do more.\n\nThe article body starts here.\n\nMore body."
    (article,) = _issue(text).articles
    assert article.items == ()
    assert article.main_point is not None
    assert [p.text for p in article.paragraphs()] == ["The article body starts here.", "More body."]


def test_a_surname_does_not_match_a_longer_word() -> None:
    text = "A Title About Things\n\nBy: Jonathan Chin\n\nChina’s military has grown fast.\n\nSecond paragraph."
    (article,) = _issue(text).articles
    assert article.authors[0].bio is None
    assert next(p.text for p in article.paragraphs()) == "China’s military has grown fast."


def test_a_shared_bio_splits_at_whole_names_only() -> None:
    text = (
        "A Title About Things\n\nBy: Alice Smith and Bob Chin\n\n"
        "Alice Smith is a fellow. China is her focus. Bob Chin is a professor.\n\nThe body starts here."
    )
    (article,) = _issue(text).articles
    assert [author.bio for author in article.authors] == [
        "Alice Smith is a fellow. China is her focus.",
        "Bob Chin is a professor.",
    ]


def test_a_heading_opening_with_by_is_no_byline() -> None:
    text = HEAD + "The article body starts here.\n\nBy Land and Sea\n\nBeijing has expanded its pressure on Taiwan."
    (article,) = _issue(text).articles
    assert [section.heading for section in article.sections] == [None, "By Land and Sea"]


def test_a_byline_set_in_bold_or_as_a_link() -> None:
    for byline in ("By: **Jane Doe**", "By: [Jane Doe](https://example.org/jane)"):
        text = f"A Title About Things\n\n{byline}\n\nJane Doe is a fellow at GTI.\n\nThe body starts here."
        (article,) = gtbparse.parse(text).articles
        assert [(a.name, a.bio) for a in article.authors] == [("Jane Doe", "Jane Doe is a fellow at GTI.")]


def test_a_byline_sharing_a_block_with_its_title_and_bio() -> None:
    text = "A Title About Things\nBy: Jane Doe\nJane Doe is a fellow at GTI.\n\nThe article body starts here."
    (article,) = gtbparse.parse(text).articles
    assert article.title == "A Title About Things"
    assert [(a.name, a.bio) for a in article.authors] == [("Jane Doe", "Jane Doe is a fellow at GTI.")]
    assert [p.text for p in article.paragraphs()] == ["The article body starts here."]


def test_names_run_on_over_a_line_break_in_a_byline() -> None:
    text = "A Title About Things\n\nBy: Jane Doe and\nBob Lee\n\nJane Doe and Bob Lee are fellows.\n\nThe body."
    (article,) = gtbparse.parse(text).articles
    assert [a.name for a in article.authors] == ["Jane Doe", "Bob Lee"]


def test_a_sentence_fragment_before_a_page_break_is_not_a_heading() -> None:
    text = HEAD + (
        "The article body starts here.\n\nIn early April, President\n\n12\n\n"
        "Tsai Ing-wen announced a new policy on defense spending."
    )
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None]
    assert "In early April, President Tsai Ing-wen announced" in article.sections[0].paragraphs[1].text


def test_a_sentence_case_heading_without_a_comma_stays_a_heading() -> None:
    text = HEAD + "The article body starts here.\n\nWhy the vote matters\n\nBecause it does."
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None, "Why the vote matters"]


def test_a_web_address_cut_by_a_break_is_rejoined_without_a_space() -> None:
    text = HEAD + (
        "Body text here.\n\nThe main point: A point.\n\n"
        "[1] John Smith, “Taiwan Says X,” Reuters, May 3, 2021, https://www.reuters.com/world/\n\n"
        "asia-pacific/taiwan-says-x-2021-05-03/."
    )
    explained = gtbparse.parse_and_explain(text, layout="gtb-issue")
    (note,) = explained.issue.articles[0].footnotes
    assert "https://www.reuters.com/world/asia-pacific/taiwan-says-x-2021-05-03/" in note.text
    assert note.citation is not None
    assert note.citation.url == "https://www.reuters.com/world/asia-pacific/taiwan-says-x-2021-05-03/"
    assert "join-url" in {edit.rule for edit in explained.edits}


def test_soft_and_unicode_hyphens_at_a_break() -> None:
    for hyphen in ("\u00ad", "\u2010"):
        text = HEAD + f"The island needs asym{hyphen}\n\nmetric capabilities and more of them."
        (article,) = _issue(text).articles
        assert article.sections[0].paragraphs[0].text == "The island needs asymmetric capabilities and more of them."


def test_a_long_run_of_spaces_inside_a_paragraph() -> None:
    body = "Some words" + " " * 20_000 + "more words.\nA second" + "\t" * 20_000 + "\nline [1] ends."
    issue = _issue(HEAD + body + "\n\n[1] A note.")
    (paragraph,) = list(issue.paragraphs())
    assert paragraph.text.startswith("Some words")
    assert [ref.number for ref in paragraph.footnote_refs] == [1]


def test_a_mark_inside_a_footnote_stays_in_its_text() -> None:
    text = HEAD + "Body text. [1] More. [2]\n\n[1] A source.\n\n[2] See note [1] above."
    (article,) = _issue(text).articles
    assert [note.text for note in article.footnotes] == ["A source.", "See note [1] above."]


def test_a_blank_line_of_spaces_and_zero_width_characters_separates_blocks() -> None:
    text = "A Title About Things\n\nBy: Jane Doe\n\nJane Doe is a fellow.\n\u200b \u200b \u200b\nBody text here."
    (article,) = gtbparse.parse(text).articles
    assert article.authors[0].bio == "Jane Doe is a fellow."
    assert [p.text for p in article.paragraphs()] == ["Body text here."]


def test_diagnostics_name_the_right_line_and_column() -> None:
    text = "Stray prose before anything, long enough to be no contents entry at all, and so reported.\n\n" + HEAD
    explained = gtbparse.parse_and_explain(text + "Body.\n\n[1] A note without a mark.", layout="gtb-issue")
    unreferenced = next(d for d in explained.diagnostics if d.code == "footnote-unreferenced")
    assert text.count("\n") + 3 == unreferenced.line
    assert unreferenced.column == 1


def test_a_title_case_heading_may_end_on_an_auxiliary_verb() -> None:
    text = HEAD + "The article body starts here.\n\nWhat Taipei Should Do\n\nIt should act now."
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None, "What Taipei Should Do"]


def test_a_fragment_ending_on_a_function_word_still_joins() -> None:
    text = HEAD + "The article body starts here.\n\nIn 2019, the Ministry of\n\n12\n\nDefense announced cuts."
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None]
    assert article.sections[0].paragraphs[1].text == "In 2019, the Ministry of Defense announced cuts."


def test_a_heading_printed_over_two_lines() -> None:
    text = (
        HEAD + "The article body starts here.\n\nFrom Conscription Debates to\nWhole-of-Society Defense\n\nThe debate."
    )
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None, "From Conscription Debates to Whole-of-Society Defense"]


def test_short_sentence_case_lines_in_a_row_are_a_list_not_headings() -> None:
    text = HEAD + (
        "The ministry proposed three changes:\n\nLonger annual training for reservists\n\n"
        "Live-fire drills with active units\n\nA database of civilian skills\n\nThe first drew the most attention."
    )
    (article,) = _issue(text).articles
    assert [s.heading for s in article.sections] == [None]
    assert len(article.sections[0].paragraphs) == 5
