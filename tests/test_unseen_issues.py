"""Hand-written issues with variants the seed lacks, and what each must parse to (decided by hand).

- ``synthetic_v9i2_special``: a special issue — a cover line and an ``In this issue`` heading before the contents,
  an unsigned *Editor’s Note* before the first article, a three-author byline with one bio block for all, a rank
  in a byline, glosses with extra content, no multi-item column.
- ``synthetic_v8i17``: a ``Contents`` heading, the masthead printed twice, a page number and running head between
  a sentence-case heading and its paragraph, column breaks inside a link anchor, a block quote (across the
  masthead), a main point and right before a footnote's continuation (across a page number), a title and a
  heading ending in ``?``, a ``(Photo: …)`` caption, a rank and a nickname in a two-author byline.
- ``synthetic_v10i6``: a three-item column under a title no table knows (one item with footnotes and a main point,
  one with a footnote and no main point, one with a main point only), italic bios, page furniture between a
  title and its byline, ``bin`` in a name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import gtbparse
from gtbparse import Explained, ParagraphKind, Severity
from gtbparse._furniture import cover_title
from gtbparse.layout import GTB_ISSUE
from gtbparse.testing.accounting import unaccounted

ISSUES = Path(__file__).resolve().parent / "corpus" / "issues"
NAMES = ("synthetic_v9i2_special", "synthetic_v8i17", "synthetic_v10i6")


def _explain(name: str) -> Explained:
    path = ISSUES / f"{name}.txt"
    return gtbparse.parse_and_explain(path.read_text(encoding="utf-8"), source_name=path.name)


@pytest.fixture(scope="module")
def special() -> Explained:
    return _explain("synthetic_v9i2_special")


@pytest.fixture(scope="module")
def breaks() -> Explained:
    return _explain("synthetic_v8i17")


@pytest.fixture(scope="module")
def column() -> Explained:
    return _explain("synthetic_v10i6")


# --- every unseen issue -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_nothing_unplaced_or_unaccounted_and_no_warnings(name: str) -> None:
    explained = _explain(name)
    source = (ISSUES / f"{name}.txt").read_text(encoding="utf-8")
    assert explained.unplaced == ()
    assert unaccounted(explained, source) == ()
    assert [d.code for d in explained.diagnostics if d.severity is not Severity.INFO] == []


@pytest.mark.parametrize("name", NAMES)
def test_contents_name_every_signed_article_and_nothing_else(name: str) -> None:
    issue = _explain(name).issue
    signed = [(article.title, tuple(author.name for author in article.authors)) for article in issue.articles]
    contents = [(entry.title, entry.authors) for entry in issue.contents]
    assert [entry for entry in contents if entry[1]] == [entry for entry in signed if entry[1]]
    assert all(not entry.title.startswith(("Special Issue", "Contents", "In this issue")) for entry in issue.contents)


@pytest.mark.parametrize("name", NAMES)
def test_parse_is_stable_through_the_dictionary_form(name: str) -> None:
    issue = _explain(name).issue
    assert gtbparse.from_dict(gtbparse.to_dict(issue)) == issue


# --- a special issue ----------------------------------------------------------------------------------------


def test_special_issue_cover_line_and_contents_heading_are_kept_as_furniture(special: Explained) -> None:
    front = [(piece.kind, piece.text) for piece in special.furniture if piece.kind != "masthead"]
    assert front == [
        ("cover-title", "Special Issue: Taiwan’s 2024 Elections"),
        ("contents-heading", "In this issue"),
    ]
    assert cover_title(special.furniture, GTB_ISSUE) == "Taiwan’s 2024 Elections"
    assert cover_title(_explain("synthetic_v8i17").furniture, GTB_ISSUE) is None
    assert special.issue.title == "Taiwan’s 2024 Elections"
    assert _explain("synthetic_v8i17").issue.title is None


def test_special_issue_contents_list_the_unsigned_front_piece_without_authors(special: Explained) -> None:
    assert [(entry.title, entry.authors) for entry in special.issue.contents] == [
        ("Editor’s Note", ()),
        ("The 2024 Elections and the Future of Cross-Strait Relations", ("Alice Wang", "Bob Lee", "Carol Chen")),
        ("A Divided Legislature: What It Means for Defense Spending", ("Dr. David Huang",)),
    ]


def test_unsigned_front_piece_is_an_article_without_authors(special: Explained) -> None:
    note = special.issue.articles[0]
    assert note.title == "Editor’s Note"
    assert note.authors == ()
    assert note.items == ()
    assert note.main_point is None
    assert note.footnotes == ()
    [section] = note.sections
    assert section.heading is None
    assert [paragraph.text[:40] for paragraph in section.paragraphs] == [
        "On January 13, 2024, voters in Taiwan el",
        "This special issue of the Global Taiwan ",
    ]
    assert [article.title for article in special.issue.articles[1:]] == [
        "The 2024 Elections and the Future of Cross-Strait Relations",
        "A Divided Legislature: What It Means for Defense Spending",
    ]


def test_three_authors_share_one_bio_block(special: Explained) -> None:
    authors = special.issue.articles[1].authors
    assert [(author.name, author.bio) for author in authors] == [
        ("Alice Wang", "Alice Wang is a research fellow at the Global Taiwan Institute."),
        ("Bob Lee", "Bob Lee is a program associate at the Global Taiwan Institute."),
        (
            "Carol Chen",
            "Carol Chen is a non-resident fellow at the Global Taiwan Institute and a lecturer at "
            "National Chengchi University.",
        ),
    ]


def test_rank_in_a_byline_and_a_bio_without_it(special: Explained) -> None:
    (author,) = special.issue.articles[2].authors
    assert (author.name, author.honorific) == ("Dr. David Huang", "Dr.")
    assert author.bio is not None
    assert author.bio.startswith("David Huang is an associate professor")


def test_special_issue_masthead_with_other_editors(special: Explained) -> None:
    issue = special.issue
    assert (issue.volume, issue.number, issue.year, issue.month) == (9, 2, 2024, 1)
    assert issue.masthead is not None
    assert issue.masthead.editors == (
        ("Editor-in-Chief", "John Smith"),
        ("Deputy Editor", "Mei-ling Tsai"),
        ("Managing Editor", "Peter Chao"),
    )


def test_glosses_with_extra_content_and_a_break_inside_a_gloss(special: Explained) -> None:
    glosses = {gloss.term: gloss for paragraph in special.issue.paragraphs() for gloss in paragraph.glosses}
    assert (glosses["Hou You-yi"].hanzi, glosses["Hou You-yi"].note) == ("侯友宜", "the mayor of New Taipei")
    assert (glosses["Chen Shui-bian"].hanzi, glosses["Chen Shui-bian"].note) == ("陳水扁", "2000–2008")
    party = glosses["Taiwan People’s Party"]
    assert (party.hanzi, party.abbreviation) == ("台灣民眾黨", "TPP")
    opening = special.issue.articles[1].sections[0].paragraphs[0]
    assert opening.text.endswith("Ko Wen-je (柯文哲) of the Taiwan People’s Party (TPP, 台灣民眾黨).")


# --- breaks in awkward places -------------------------------------------------------------------------------


def test_contents_heading_is_furniture_and_contents_stay_clean(breaks: Explained) -> None:
    assert [(entry.title, entry.authors) for entry in breaks.issue.contents] == [
        ("Why the Recall Vote Matters", ("Lin Yu-chen",)),
        ("Is Deterrence Failing in the Taiwan Strait?", ("Capt. (ret.) Mark “Buzz” Jensen", "Sarah Okafor")),
    ]
    assert [piece.kind for piece in breaks.furniture] == [
        "contents-heading",
        "page-number",
        "running-head",
        "masthead",
        "page-number",
        "masthead",
    ]


def test_masthead_printed_twice_is_read_once(breaks: Explained) -> None:
    masthead = breaks.issue.masthead
    assert masthead is not None
    assert masthead.editor("Senior Editor") == "Katherine Wu"
    assert masthead.editor("Copy Editor") == "Daniel Park"
    assert (breaks.issue.volume, breaks.issue.number) == (8, 17)
    assert "masthead-differs" not in {d.code for d in breaks.diagnostics}
    for paragraph in breaks.issue.paragraphs():
        assert "Editor-in-Chief" not in paragraph.text


def test_sentence_case_heading_survives_page_furniture_before_its_paragraph(breaks: Explained) -> None:
    article = breaks.issue.articles[0]
    assert article.items == ()
    assert [section.heading for section in article.sections] == [None, "Why the vote matters"]
    first = article.sections[1].paragraphs[0]
    assert first.text.startswith("None of the legislators facing a recall lost their seats")


def test_break_inside_a_link_anchor(breaks: Explained) -> None:
    opening = breaks.issue.articles[0].sections[0].paragraphs[0]
    assert "the Ministry of Foreign Affairs (MOFA, 外交部) warned" in opening.text
    assert [link.text for link in opening.links] == ["Ministry of Foreign Affairs"]
    assert [gloss.abbreviation for gloss in opening.glosses] == ["MOFA"]


def test_caption_and_block_quote_cut_by_the_masthead(breaks: Explained) -> None:
    paragraphs = breaks.issue.articles[0].sections[1].paragraphs
    assert [paragraph.kind for paragraph in paragraphs] == [
        ParagraphKind.BODY,
        ParagraphKind.CAPTION,
        ParagraphKind.BODY,
        ParagraphKind.BLOCKQUOTE,
        ParagraphKind.BODY,
    ]
    assert paragraphs[1].text.startswith("(Photo: Voters line up")
    quote = paragraphs[3]
    assert "kept faith with the people who elected them" in quote.text
    assert [ref.number for ref in quote.footnote_refs] == [1]


def test_main_point_and_footnote_rejoined_across_breaks(breaks: Explained) -> None:
    article = breaks.issue.articles[0]
    assert article.main_point is not None
    assert "control of the legislature, and Taiwan’s president will have to seek" in article.main_point.text
    [note] = article.footnotes
    assert note.text == "Central Election Commission, “Results of the 2025 Recall Votes,” August 26, 2025."
    joins = [
        edit for edit in breaks.edits if edit.rule == "join-column-break" and "across page furniture" in edit.evidence
    ]
    assert len(joins) == 2  # the quote across the masthead, the footnote across the page number


def test_question_title_and_question_heading_after_a_repeated_masthead(breaks: Explained) -> None:
    article = breaks.issue.articles[1]
    assert article.title == "Is Deterrence Failing in the Taiwan Strait?"
    assert [section.heading for section in article.sections] == [None, "Can Taipei Still Count on Washington?"]
    assert article.sections[1].paragraphs[0].text.startswith("The answer depends as much on Taipei")
    assert len(article.sections[1].paragraphs) == 2


def test_rank_and_nickname_in_a_two_author_byline(breaks: Explained) -> None:
    first, second = breaks.issue.articles[1].authors
    assert (first.name, first.honorific, first.nickname) == ("Capt. (ret.) Mark “Buzz” Jensen", "Capt. (ret.)", "Buzz")
    assert first.bio == (
        "Mark “Buzz” Jensen is a retired US Navy officer and a senior fellow at the Global Taiwan Institute."
    )
    assert (second.name, second.bio) == (
        "Sarah Okafor",
        "Sarah Okafor is a research fellow at the Global Taiwan Institute.",
    )


# --- a three-item column ------------------------------------------------------------------------------------


def test_column_of_three_items_under_an_unknown_title(column: Explained) -> None:
    monitor = column.issue.articles[0]
    assert monitor.title == "Taiwan Security Monitor"
    assert monitor.sections == ()
    assert [item.title for item in monitor.items] == [
        "Coast Guard Tests New Patrol Vessels Near Pratas",
        "Legislature Debates Civil Defense Funding",
        "New Rules for Chinese Spouses Take Effect",
    ]
    assert [[note.number for note in item.footnotes] for item in monitor.items] == [[1, 2], [1], []]
    assert [item.main_point is not None for item in monitor.items] == [True, False, True]
    assert [len(list(item.paragraphs())) for item in monitor.items] == [1, 2, 1]


def test_italic_bios_and_a_connector_in_a_name(column: Explained) -> None:
    (columnist,) = column.issue.articles[0].authors
    assert columnist.bio == "Sarah Okafor is a research fellow at the Global Taiwan Institute."
    first, second = column.issue.articles[1].authors
    assert first.name == "Nguyen Thi Lan"
    assert (second.name, second.honorific) == ("Dr. Ahmad Faisal bin Ismail", "Dr.")
    assert second.bio == "Ahmad Faisal bin Ismail is a senior lecturer at the University of Malaya."


def test_page_furniture_between_title_and_byline(column: Explained) -> None:
    article = column.issue.articles[1]
    assert article.title == "Taiwan’s Semiconductor Diplomacy in Southeast Asia"
    assert [section.heading for section in article.sections] == [None, "A Partnership With Limits"]
    glosses = {gloss.term: gloss for paragraph in article.paragraphs() for gloss in paragraph.glosses}
    assert glosses["Vanguard International Semiconductor"].abbreviation == "VIS"
    assert glosses["New Southbound Policy"].note == "launched in 2016"


# --- focused cases ------------------------------------------------------------------------------------------

_ARTICLE = (
    "Taiwan Looks South\n\nBy: Jane Chen\n\nJane Chen is a fellow at the Institute.\n\n"
    "The island imports most of its fuel, and its ports are exposed to a blockade.\n\n"
    "The main point: Taiwan must secure its energy supply.\n"
)


@pytest.mark.parametrize("heading", ["Contents", "Table of Contents", "In This Issue", "Inside this issue:"])
def test_contents_headings(heading: str) -> None:
    explained = gtbparse.parse_and_explain(f"{heading}\n\nTaiwan Looks South\n\nJane Chen\n\n{_ARTICLE}")
    assert [(entry.title, entry.authors) for entry in explained.issue.contents] == [
        ("Taiwan Looks South", ("Jane Chen",))
    ]
    assert [piece.kind for piece in explained.furniture] == ["contents-heading"]


def test_a_contents_word_after_the_first_byline_is_text() -> None:
    text = _ARTICLE.replace("The island imports", "Contents\n\nThe island imports")
    article = gtbparse.parse(text).articles[0]
    assert [section.heading for section in article.sections] == ["Contents"]


def test_cover_line_without_a_contents_heading() -> None:
    explained = gtbparse.parse_and_explain(
        f"Special Issue: Energy Security\n\nTaiwan Looks South\n\nJane Chen\n\n{_ARTICLE}"
    )
    assert [entry.title for entry in explained.issue.contents] == ["Taiwan Looks South"]
    assert cover_title(explained.furniture, GTB_ISSUE) == "Energy Security"


def test_untitled_prose_before_the_first_article_is_no_front_piece() -> None:
    stray = "This paragraph stands alone before the first article, with no heading over it at all."
    explained = gtbparse.parse_and_explain(f"Taiwan Looks South\n\nJane Chen\n\n{stray}\n\n{_ARTICLE}")
    assert [article.title for article in explained.issue.articles] == ["Taiwan Looks South"]
    assert [item.text for item in explained.unplaced] == [stray]
    assert [(entry.title, entry.authors) for entry in explained.issue.contents] == [
        ("Taiwan Looks South", ("Jane Chen",))
    ]


def test_front_piece_not_listed_in_the_contents() -> None:
    note = "From the Editors\n\nWe open the year with a look at energy. Our thanks go to our readers.\n\n"
    issue = gtbparse.parse(f"Taiwan Looks South\n\nJane Chen\n\n{note}{_ARTICLE}")
    front = issue.articles[0]
    assert (front.title, front.authors) == ("From the Editors", ())
    assert [paragraph.text for paragraph in front.paragraphs()] == [
        "We open the year with a look at energy. Our thanks go to our readers."
    ]
    assert [entry.title for entry in issue.contents] == ["Taiwan Looks South"]


def test_last_item_without_main_point_or_footnotes_is_its_own_item() -> None:
    column = (
        "Island Roundup\n\nBy: Jane Chen\n\nJane Chen is a fellow at the Institute.\n\n"
        "Ports Brace for Typhoon Season\n\nThe ports of Kaohsiung and Keelung have tested their plans.\n\n"
        "The main point: Taiwan’s ports are preparing for storms.\n\n"
        "Airlines Add Routes to Manila\n\nTwo carriers will add daily flights to Manila in June.\n"
    )
    review = gtbparse.parse(column).articles[0]
    assert [item.title for item in review.items] == ["Ports Brace for Typhoon Season", "Airlines Add Routes to Manila"]
    assert review.items[1].main_point is None


def test_short_footnote_and_main_point_cut_before_a_capital_are_rejoined() -> None:
    text = _ARTICLE.replace(
        "The main point: Taiwan must secure its energy supply.\n",
        "The main point: Taipei must act\n\nBefore the next crisis comes.\n\n"
        "[1] Interview with a port official, Kaohsiung, March\n\n2025.\n",
    ).replace("a blockade.", "a blockade. [1]")
    explained = gtbparse.parse_and_explain(text, layout="gtb-issue")
    article = explained.issue.articles[0]
    assert article.main_point is not None
    assert article.main_point.text == "Taipei must act Before the next crisis comes."
    assert [note.text for note in article.footnotes] == ["Interview with a port official, Kaohsiung, March 2025."]
    assert article.items == ()
    assert explained.unplaced == ()


def test_masthead_printed_twice_with_other_editors_is_flagged() -> None:
    source = (ISSUES / "synthetic_v8i17.txt").read_text(encoding="utf-8")
    last = source.rindex("Daniel Park")
    changed = source[:last] + "Lucy Hart" + source[last + len("Daniel Park") :]
    explained = gtbparse.parse_and_explain(changed)
    assert explained.issue.masthead is not None
    assert explained.issue.masthead.editor("Copy Editor") == "Daniel Park"  # the first is kept
    assert "masthead-differs" in {d.code for d in explained.diagnostics}


def test_middle_item_without_main_point_or_footnotes_is_its_own_item() -> None:
    # Found by blind issue 29: the second item had neither a main point nor footnotes, and the third item's
    # title read as a section heading of the second.
    column = (
        "Island Roundup\n\nBy: Jane Chen\n\nJane Chen is a fellow at the Institute.\n\n"
        "Ports Brace for Typhoon Season\n\nThe ports of Kaohsiung and Keelung have tested their plans.\n\n"
        "The main point: Taiwan’s ports are preparing for storms.\n\n"
        "Airlines Add Routes to Manila\n\nTwo carriers will add daily flights to Manila in June.\n\n"
        "Legislators Visit Vilnius\n\nA delegation met members of the Seimas.\n\n"
        "The main point: Ties with Lithuania deepen.\n"
    )
    review = gtbparse.parse(column).articles[0]
    assert [item.title for item in review.items] == [
        "Ports Brace for Typhoon Season",
        "Airlines Add Routes to Manila",
        "Legislators Visit Vilnius",
    ]
    assert [item.main_point.text if item.main_point else None for item in review.items] == [
        "Taiwan’s ports are preparing for storms.",
        None,
        "Ties with Lithuania deepen.",
    ]
    assert [section.heading for item in review.items for section in item.sections] == [None, None, None]


def test_contents_with_page_numbers_and_a_subtitle() -> None:
    # Found by blind issues 31 and 35: dot leaders and page numbers stayed in the titles, and a subtitle under a
    # title was read as its authors, shifting every later entry.
    contents = (
        "Taiwan’s Offshore Wind Gamble ........ 2\n\nLocal Content Rules and the Cost of Going Green\n\n"
        "Jan Kowalski-Brandt\n\nMade in China 2025 4\n\nAnn Lee and Siobhan O’Neill\n\n"
    )
    body = (
        "Taiwan’s Offshore Wind Gamble\n\nBy: Jan Kowalski-Brandt\n\nJan Kowalski-Brandt is a fellow.\n\nText.\n\n"
        "Made in China 2025\n\nBy: Ann Lee and Siobhan O’Neill\n\nAnn Lee is a fellow.\n\nMore text.\n"
    )
    explained = gtbparse.parse_and_explain(contents + body)
    assert [(e.title, e.subtitle, e.authors, e.page) for e in explained.issue.contents] == [
        (
            "Taiwan’s Offshore Wind Gamble",
            "Local Content Rules and the Cost of Going Green",
            ("Jan Kowalski-Brandt",),
            2,
        ),
        ("Made in China 2025", None, ("Ann Lee", "Siobhan O’Neill"), 4),
    ]
    # a number that ends a title is no page number
    unnumbered = gtbparse.parse(contents.replace("2025 4", "2025") + body)
    assert [(entry.title, entry.page) for entry in unnumbered.contents][1] == ("Made in China 2025", None)
    assert explained.unplaced == ()


def test_other_shapes_of_page_furniture_and_a_shorter_masthead() -> None:
    # Found by blind issue 38: running heads, page numbers and a web footer in other shapes, and a masthead printed
    # again with only the address and copyright, dropped into sentences.
    gaps = [
        "GLOBAL TAIWAN BRIEF | Volume 7, Issue 3",
        "Global Taiwan Brief, Vol. 7, No. 3",
        "Page 4",
        "- 5 -",
        "6 | globaltaiwan.org",
        "globaltaiwan.org",
        "Global Taiwan Institute\n1836 Jefferson Place NW,\nWashington DC 20036\n\n© 2022 · Global Taiwan Institute",
    ]
    body = "".join(f"Sentence {index} runs on\n\n{gap}\n\nacross the gap.\n\n" for index, gap in enumerate(gaps))
    explained = gtbparse.parse_and_explain(f"A Title\n\nBy: Ann Lee\n\nAnn Lee is a fellow.\n\n{body}")
    assert [paragraph.text for paragraph in explained.issue.paragraphs()] == [
        f"Sentence {index} runs on across the gap." for index in range(len(gaps))
    ]
    kinds = [piece.kind for piece in explained.furniture]
    assert kinds == [
        "running-head",
        "running-head",
        "page-number",
        "page-number",
        "page-number",
        "page-footer",
        "masthead",
    ]
    assert explained.diagnostics == ()


def test_italic_main_points_and_notes_printed_after_a_later_item() -> None:
    # Found by blind issue 43: a main point set wholly in italics kept its closing `*`, and the first item's notes,
    # printed after the last item's, went to the last item.
    column = (
        "Island Roundup\n\nBy: Jane Chen\n\nJane Chen is a fellow at the Institute.\n\n"
        "**Ports Brace for Typhoon Season**\n\nThe ports have tested their plans. [1]\n\n"
        "*The main point: Taiwan’s ports are preparing for storms.*\n\n"
        "**Airlines Add Routes to Manila**\n\nTwo carriers will add flights. [2]\n\n"
        "*The main point: Ties with Manila deepen.*\n\n"
        "[2] Airline press release, June 2024.\n\n[1] Port authority statement, May 2024.\n"
    )
    explained = gtbparse.parse_and_explain(column)
    items = explained.issue.articles[0].items
    assert [item.main_point.text if item.main_point else None for item in items] == [
        "Taiwan’s ports are preparing for storms.",
        "Ties with Manila deepen.",
    ]
    assert [[note.number for note in item.footnotes] for item in items] == [[1], [2]]
    assert [d.code for d in explained.diagnostics if d.severity != "info"] == []


def test_notes_printed_as_a_numbered_list_and_caret_marks() -> None:
    # Found by blind issue 47: notes printed `1. …` after the main point, and marks printed `^2`; a numbered point
    # in the body (`1. The first lesson …`) stays a paragraph.
    head = "A Title\n\nBy: Ann Lee\n\nAnn Lee is a fellow.\n\n"
    numbered = (
        "Outages rose. [1]\n\n1. The first lesson is that grids fail.\n\nPrices rose.^2\n\n"
        "The main point: Taiwan must invest.\n\n1. Taipower, Outage Report, 2024.\n\n2. MOEA, Tariffs, 2023.\n"
    )
    explained = gtbparse.parse_and_explain(head + numbered)
    article = explained.issue.articles[0]
    assert [paragraph.text for paragraph in article.paragraphs()] == [
        "Outages rose.",
        "1. The first lesson is that grids fail.",
        "Prices rose.",
    ]
    assert [(note.number, note.text) for note in article.footnotes] == [
        (1, "Taipower, Outage Report, 2024."),
        (2, "MOEA, Tariffs, 2023."),
    ]
    assert [ref.number for paragraph in article.paragraphs() for ref in paragraph.footnote_refs] == [1, 2]
    assert [d.code for d in explained.diagnostics if d.severity != "info"] == []
    # a power written with a caret is no mark
    assert [p.text for p in gtbparse.parse(head + "It grew 2^10 times.\n").paragraphs()] == ["It grew 2^10 times."]


def test_bylines_with_affiliations_credits_and_bios_that_open_otherwise() -> None:
    # Found by blind issue 46.
    def article(byline: str, after: str) -> gtbparse.Article:
        text = f"A Title\n\n{byline}\n\n{after}The body begins here.\n"
        return gtbparse.parse(text).articles[0]

    first = article("By: Jane Doe, Senior Fellow, Global Taiwan Institute", "")
    assert [(a.name, a.bio) for a in first.authors] == [("Jane Doe", "Senior Fellow, Global Taiwan Institute")]
    second = article("By: Chiang Wen-li", "Translated by: Lin Mei-hua\n\nChiang Wen-li is a commentator.\n\n")
    assert second.credits == ("Translated by: Lin Mei-hua",)
    assert [(a.name, a.bio) for a in second.authors] == [("Chiang Wen-li", "Chiang Wen-li is a commentator.")]
    assert [s.heading for s in second.sections] == [None]
    third = article("By: Mark Stokes (Project 2049 Institute)", "Mark Stokes is a fellow.\n\n")
    assert [(a.name, a.bio) for a in third.authors] == [("Mark Stokes", "Mark Stokes is a fellow.")]
    fourth = article("By: Dr. Chen Yi-fan", "Dr. Chen is a professor in Kaohsiung.\n\n")
    assert [a.bio for a in fourth.authors] == ["Dr. Chen is a professor in Kaohsiung."]
    fifth = article("By: Lee Shu-fen", "A former diplomat, Lee Shu-fen now teaches.\n\n")
    assert [a.bio for a in fifth.authors] == ["A former diplomat, Lee Shu-fen now teaches."]
    assert [p.text for p in fifth.paragraphs()] == ["The body begins here."]


def test_traps_for_an_eager_parser() -> None:
    # Found by blind issues 50 and 52: a long `Source:` sentence, a group in a byline, a bio for two authors, and a
    # `2. …` line that continues a note printed `[1] …`.
    text = (
        "A Title\n\nBy: Ann Lee and the GTI Research Team\n\n"
        "Ann Lee and the GTI Research Team are researchers at the Institute.\n\n"
        "Source: interviews with officials suggest that the image was first posted on a forum and then shared widely "
        "across several platforms by accounts that had been created only days before the rumor began to spread, "
        "according to researchers.\n\nIt spread. [1]\n\nThe main point: Rumors spread.\n\n"
        "[1] Anti-Infiltration Act, Article 5, paragraph\n\n2. The English rendering is the author's own.\n"
    )
    explained = gtbparse.parse_and_explain(text, layout="gtb-issue")
    article = explained.issue.articles[0]
    assert [(a.name, a.bio) for a in article.authors] == [
        ("Ann Lee", "Ann Lee and the GTI Research Team are researchers at the Institute."),
        ("the GTI Research Team", "Ann Lee and the GTI Research Team are researchers at the Institute."),
    ]
    assert [p.kind for p in article.paragraphs()] == [gtbparse.ParagraphKind.BODY, gtbparse.ParagraphKind.BODY]
    assert [(n.number, n.text) for n in article.footnotes] == [
        (1, "Anti-Infiltration Act, Article 5, paragraph 2. The English rendering is the author's own.")
    ]


def test_item_titles_listed_indented_under_a_contents_entry() -> None:
    # Found by blind issue 56: the indented item titles read as more entries and shifted the authors after them.
    contents = (
        "Fortnightly Review\n\nRussell Hsiao\n\n  Ports Brace for Typhoon Season\n\n  Airlines Add Routes\n\n"
        "Taiwan’s Grid\n\nAnn Lee\n\n"
    )
    body = (
        "Fortnightly Review\n\nBy: Russell Hsiao\n\nRussell Hsiao is the director.\n\n"
        "Ports Brace for Typhoon Season\n\nThe ports are ready.\n\nThe main point: Ports prepare.\n\n"
        "Airlines Add Routes\n\nCarriers add flights.\n\nThe main point: Flights grow.\n\n"
        "Taiwan’s Grid\n\nBy: Ann Lee\n\nAnn Lee is a fellow.\n\nThe grid is old.\n"
    )
    explained = gtbparse.parse_and_explain(contents + body)
    assert [(e.title, e.authors, e.items) for e in explained.issue.contents] == [
        ("Fortnightly Review", ("Russell Hsiao",), ("Ports Brace for Typhoon Season", "Airlines Add Routes")),
        ("Taiwan’s Grid", ("Ann Lee",), ()),
    ]
    assert explained.unplaced == ()
