"""Regression tests for parser bugs found by the property-based and totality tests, one small input each."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import gtbparse
from gtbparse._hyphen import Vocabulary
from gtbparse._repair import Role, _Group, copy_block, decide_join
from gtbparse._text import Block, Line, TextBuilder, split_blocks, split_lines, trim
from gtbparse.layout import GTB_ISSUE
from gtbparse.testing import unaccounted

CONTENTS = "Contents Title\n\nJane Chen\n\n"


def _joined(text: str) -> _Group:
    [block] = split_blocks(text)
    return _Group.start(block, Role.TEXT)


def _decide(first: str, second: str) -> tuple[str, str] | None:
    [after] = split_blocks(second)
    decision = decide_join(_joined(first), after, Role.TEXT, Vocabulary.from_texts([]), GTB_ISSUE)
    return None if decision is None else (decision.rule, decision.joiner)


# --- _repair: a break next to Chinese text --------------------------------------------------------------------


def test_a_break_between_an_abbreviation_and_its_hanzi_keeps_the_space() -> None:
    assert _decide("the Mainland Affairs Council (MAC,", "大陸委員會) said") == ("join-column-break", " ")


def test_a_break_between_han_characters_joins_without_space() -> None:
    assert _decide("a campaign dubbed Xunlei-2020 (迅", "雷-2020). While") == ("join-cjk", "")
    assert _decide("the foreign minister (", "王毅) said") == ("join-cjk", "")
    assert _decide("the foreign minister (王毅", ") said") == ("join-cjk", "")


def test_a_break_after_english_before_a_quoted_han_term_keeps_the_space() -> None:
    assert _decide("a party whose name he renders as", "中國共產黨 in full") == ("join-column-break", " ")


# --- _build: spans that cover what they stand for ---------------------------------------------------------


def test_a_heading_without_paragraphs_still_covers_its_text() -> None:
    text = CONTENTS + "Contents Title\n\nBy: Jane Chen\n\nJane Chen is a fellow.\n\n"
    text += "First Heading\n\nSecond Heading\n\nBody text."
    explained = gtbparse.parse_and_explain(text)
    first = explained.issue.articles[0].sections[0]
    assert first.heading == "First Heading"
    assert first.paragraphs == ()
    assert text[first.span[0] : first.span[1]] == "First Heading"
    assert unaccounted(explained, text) == ()


def test_a_line_break_inside_a_block_maps_to_the_newline_itself() -> None:
    text = CONTENTS + "Contents Title\n\nBy: Jane Chen\n\nJane Chen is a fellow.\n\n"
    text += "Body text that wraps   \n  onto a second line."
    explained = gtbparse.parse_and_explain(text)
    [join] = [edit for edit in explained.edits if edit.rule == "join-line"]
    assert text[join.span[0] : join.span[1]] == join.original == "\n"
    assert next(explained.issue.paragraphs()).text == "Body text that wraps onto a second line."


def test_lines_know_where_their_newline_is() -> None:
    lines = list(split_lines("one  \r\ntwo"))
    assert [(line.text, line.break_at) for line in lines] == [("one  ", 6), ("two", 10)]


def test_furniture_edits_hold_the_source_text_with_crlf(seed_text: str) -> None:
    text = seed_text.replace("\n", "\r\n")
    explained = gtbparse.parse_and_explain(text)
    dropped = [edit for edit in explained.edits if edit.rule == "drop-furniture"]
    assert dropped
    for edit in dropped:
        assert text[edit.span[0] : edit.span[1]] == edit.original
        assert "\r\n" in edit.original


# --- _segment / _build: bylines and bios --------------------------------------------------------------------


def _article(body: str, byline: str = "Jane Chen") -> gtbparse.Explained:
    return gtbparse.parse_and_explain(f"{CONTENTS}Contents Title\n\nBy: {byline}\n\n{body}")


def test_a_bio_may_name_an_author_without_rank_or_nickname() -> None:
    explained = _article(
        "Wallace Gregson is a former assistant secretary of defense.\n\nThe alliance endures.",
        byline="Lt. Gen. (USMC, ret.) Wallace “Chip” Gregson",
    )
    [author] = explained.issue.articles[0].authors
    assert (author.honorific, author.nickname) == ("Lt. Gen. (USMC, ret.)", "Chip")
    assert author.bio == "Wallace Gregson is a former assistant secretary of defense."
    assert [paragraph.text for paragraph in explained.issue.paragraphs()] == ["The alliance endures."]


def test_a_paragraph_opening_with_the_authors_surname_is_not_a_second_bio() -> None:
    explained = _article("Jane Chen is a fellow.\n\nChen Shui-bian (陳水扁) was president from 2000 to 2008.")
    [author] = explained.issue.articles[0].authors
    assert author.bio == "Jane Chen is a fellow."
    assert [paragraph.text for paragraph in explained.issue.paragraphs()] == [
        "Chen Shui-bian (陳水扁) was president from 2000 to 2008."
    ]


def test_a_bio_whose_second_sentence_opens_with_the_surname_is_kept_whole() -> None:
    explained = _article("Jane Chen is a fellow. Chen previously served in the legislature.\n\nBody text.")
    [author] = explained.issue.articles[0].authors
    assert author.bio == "Jane Chen is a fellow. Chen previously served in the legislature."


def test_two_authors_in_one_bio_block_each_get_their_part() -> None:
    explained = _article(
        "Alice Wang is a fellow. Wang writes on trade. Bob Lee is an analyst.\n\nBody text.",
        byline="Alice Wang and Bob Lee",
    )
    assert [(author.name, author.bio) for author in explained.issue.articles[0].authors] == [
        ("Alice Wang", "Alice Wang is a fellow. Wang writes on trade."),
        ("Bob Lee", "Bob Lee is an analyst."),
    ]


def test_a_byline_over_two_lines_reads_the_names_of_both() -> None:
    explained = _article("Alice Wang is a fellow.\n\nBob Lee is an analyst.\n\nBody text.", "Alice Wang and\nBob Lee")
    assert [(author.name, author.bio) for author in explained.issue.articles[0].authors] == [
        ("Alice Wang", "Alice Wang is a fellow."),
        ("Bob Lee", "Bob Lee is an analyst."),
    ]
    assert [paragraph.text for paragraph in explained.issue.paragraphs()] == ["Body text."]


def test_a_bio_block_given_to_no_author_is_reported_unplaced() -> None:
    text = f"{CONTENTS}Contents Title\n\nBy: Jane Chen\nBy: Jane Chen\n\nJane Chen is a fellow.\n\nBody text."
    explained = gtbparse.parse_and_explain(text)
    assert unaccounted(explained, text) == ()


# --- _repair: the one-piece map of a group of one single-line block --------------------------------------------


def test_a_one_line_group_maps_to_the_source_as_the_text_builder_would() -> None:
    source = "  \n\n   A paragraph [of](#) one line.  \n"
    [block] = split_blocks(source)
    joined = _Group.start(block, Role.TEXT).build()
    builder = TextBuilder()
    copy_block(builder, block)
    assert (joined.raw, joined.mapping) == builder.build()
    assert source[joined.mapping.to_source(0) :].startswith("A paragraph")


@given(st.text(alphabet=" \t\r\n\u200bab王", max_size=40))
def test_blocks_are_the_runs_of_non_blank_lines_of_split_lines(source: str) -> None:
    expected = []
    for line in split_lines(source):
        text = trim(line.text)
        if not text:
            expected.append([])
            continue
        start = line.start + line.text.index(text)
        if not expected or not expected[-1]:
            expected.append([])
        expected[-1].append(Line(text, start, line.number, line.terminator))
    blocks = split_blocks(source)
    assert [list(block.lines) for block in blocks] == [run for run in expected if run]
    for block in blocks:
        assert Block.from_lines(block.lines) == block
        assert (block.start, block.end) == (block.lines[0].start, block.lines[-1].end)
        assert all(source[line.start : line.end] == line.text for line in block.lines)


def test_a_comma_between_two_footnote_marks_goes_with_them() -> None:
    head = "A Title\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"
    text = head + "It held for a decade. [3], [4] Critics disagree.[5],[6]"
    paragraph = next(gtbparse.parse(text).paragraphs())
    assert paragraph.text == "It held for a decade. Critics disagree."
    assert [ref.number for ref in paragraph.footnote_refs] == [3, 4, 5, 6]


def test_no_space_after_an_opening_quote_or_before_closing_punctuation() -> None:
    assert _decide("the minister said that “", "deterrence is not a number") == ("join-column-break", "")
    assert _decide("as the white paper (2023", ") [2] warned, and") == ("join-column-break", "")
    assert _decide("the cost was", "high, and rising") == ("join-column-break", " ")


def test_a_footnote_mark_ends_the_block_as_a_full_stop_would() -> None:
    assert _decide("officials called it a long-overdue reform [3]", "The next round will be harder.") is None
    assert _decide("officials called it a long-overdue reform [3]", "and the next round") is not None


def test_a_block_with_a_full_stop_and_a_footnote_mark_inside_is_no_heading() -> None:
    # Found by test_quirks_are_repaired_by_exactly_the_matching_edits: a break after "… international.[1] In"
    # left the short first half standing as a heading.
    assert _decide("Meanwhile government remains international.[1] In", "$100,000, before espionage") == (
        "join-column-break",
        " ",
    )


def test_a_short_question_opening_with_a_speaker_label_is_no_heading() -> None:
    # Found by blind issue 27: in an interview, a one-line question such as ``**GTB:** Was there …?`` was taken
    # for a section heading.
    text = (
        "Interview Title\n\nBy: Jane Chen\n\nJane Chen is a fellow.\n\n"
        "**GTB:** How did the count go?\n\n**Chen:** It went well, as it always does.\n\n"
        "**GTB:** Was there any fraud?\n\n**Chen:** None that we found.\n\n"
        "Why It Matters\n\nThe count is public.\n"
    )
    [article] = gtbparse.parse(text).articles
    assert [section.heading for section in article.sections] == [None, "Why It Matters"]
    assert [paragraph.text for paragraph in article.sections[0].paragraphs][2] == "GTB: Was there any fraud?"


def test_a_part_printed_before_an_items_title_leaves_the_title_accounted_for() -> None:
    # Found by test_text_made_of_layout_shaped_lines with 2,500 examples: a main point or a note printed before an
    # item's title ended the title's head in the accounting, which then lost the title.
    for text in (
        "By: Jane Chen\nThe main point: Taiwan matters.\n\nBy:\n0\n\nA Heading Without Punctuation",
        "By: Jane Chen\n[1] A footnote.\n\nThe main point:\nFortnightly Review\n\nA Heading Without Punctuation",
    ):
        explained = gtbparse.parse_and_explain(text)
        assert len(explained.issue.articles[0].items) == 2
        assert unaccounted(explained, text) == ()


def test_an_abbreviation_before_a_name_or_number_continues_across_a_break() -> None:
    # Found by blind issue 33.
    assert _decide("the Chairman of the Joint Chiefs of Staff Gen.", "Mark Milley said") == ("join-column-break", " ")
    assert _decide("it named the program its No.", "1 priority this year.") == ("join-column-break", " ")
    assert _decide("It was a decision of the U.S.", "Washington has begun to respond.") is None


def test_a_role_shaped_line_before_the_masthead_is_no_part_of_it() -> None:
    # Found by test_quirks_are_repaired_by_exactly_the_matching_edits: a paragraph half ending
    # "Analysts a Taipei the" just before the sidebar read as a masthead role.
    sidebar = (
        "The Global Taiwan Brief is a bi-weekly publication.\n\nEditor-in-Chief\n\nJane Chen\n\n"
        "© 2016 · Global Taiwan Institute\n\n"
    )
    for half in ("Analysts a Taipei the", "Senior Fellow Program"):
        text = (
            f"A Title\n\nBy: Ann Lee\n\nAnn Lee is a fellow.\n\nThe report says\n\n{half}\n\n{sidebar}island is calm.\n"
        )
        issue = gtbparse.parse(text)
        assert issue.masthead is not None
        assert issue.masthead.editors == (("Editor-in-Chief", "Jane Chen"),)


def test_a_full_stop_after_a_web_address_before_a_capital_ends_the_paragraph() -> None:
    # Found by blind issue 44.
    assert _decide("The English service carries them at https://www.cna.com.tw.", "The ministry has also") is None
    assert _decide("See https://www.mnd.gov.tw/", "english/ for the figures.") == ("join-url", "")
    assert _decide("See https://www.mac.gov.tw/en/", "News.aspx?n=1.") == ("join-url", "")


def test_an_ascii_double_hyphen_at_a_break_joins_without_a_space() -> None:
    # Found by blind issue 41.
    assert _decide("boats caught inside the restricted zone--", "a move that the TAO called") == (
        "join-column-break",
        "",
    )
    assert _decide("the party's local networks--", "Taichung and Kaohsiung") == ("join-column-break", "")


def test_kana_after_kanji_at_a_break_join_without_a_space() -> None:
    # Found by blind issue 42.
    assert _decide("the annual Japan–Taiwan Exchange Summit (日台交流", "サミット), and the") == ("join-cjk", "")


def test_an_ascii_copyright_line_closes_the_masthead() -> None:
    # Found by blind issue 41: "(c) 2023" instead of "©" left the whole sidebar in the text.
    sidebar = (
        "The Global Taiwan Brief is a bi-weekly publication.\n\nEditor-in-Chief\n\nJane Chen\n\n"
        "(c) 2023 Global Taiwan Institute\n\n"
    )
    issue = gtbparse.parse(
        f"A Title\n\nBy: Ann Lee\n\nAnn Lee is a fellow.\n\nThe report says\n\n{sidebar}the island is calm.\n"
    )
    assert issue.masthead is not None
    assert issue.masthead.copyright == "(c) 2023 Global Taiwan Institute"
    assert [paragraph.text for paragraph in issue.paragraphs()] == ["The report says the island is calm."]


def test_a_dateline_is_heading_shaped_and_ends_its_block() -> None:
    # Found by blind issue 48: a dash in a title-case line made it no heading, and it was joined to the paragraph.
    assert _decide("Washington, DC — September 18, 2025", "The symposium opened at 9:00 a.m.") is None


def test_article_numbers_and_digits_inside_a_gloss_continue_across_a_break() -> None:
    # Found by blind issue 45.
    assert _decide("key technologies protected under Art.", "3 of the National Security Act") == (
        "join-column-break",
        " ",
    )
    assert _decide("He admired modern art.", "The museum opened") is None
    assert _decide("issued Made in China 2025 (中国制造", "2025) in May 2015") == ("join-cjk", "")


def test_a_spaced_hyphen_as_a_dash_continues_but_a_list_after_a_colon_does_not() -> None:
    # Found by blind issue 50.
    assert _decide("without any reference to the rumor", "- and that, critics said, was the point.") == (
        "join-column-break",
        " ",
    )
    assert _decide("The plan has two goals:", "- extend the rail network;") is None
