"""Block quotes and list items: blocks that stand as their own paragraphs whatever their punctuation."""

from __future__ import annotations

import gtbparse
from gtbparse import ParagraphKind

HEAD = "A Title for Testing\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"


def _kinds(body: str) -> list[tuple[str, ParagraphKind]]:
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    return [(paragraph.text[:12], paragraph.kind) for paragraph in issue.paragraphs()]


BODY, QUOTE = ParagraphKind.BODY, ParagraphKind.BLOCKQUOTE


def test_a_quotation_over_two_paragraphs_only_closes_at_its_end() -> None:
    body = (
        "The minister put it this way:\n\n“We do not train for the day of landing. We train for the weeks before.\n\n"
        "“That is why the volunteers matter as much as the brigades.”\n\nCritics were not convinced."
    )
    assert _kinds(body) == [
        ("The minister", BODY),
        ("“We do not t", QUOTE),
        ("“That is why", QUOTE),
        ("Critics were", BODY),
    ]


def test_an_unclosed_quotation_is_no_block_quote() -> None:
    body = "He said:\n\n“We do not train for the day of landing.\n\nCritics were not convinced."
    assert [kind for _, kind in _kinds(body)] == [BODY, BODY, BODY]


def test_quoted_paragraphs_without_an_introducing_colon_are_body_text() -> None:
    body = "He said so.\n\n“We do not train for the day of landing.\n\n“That is why it matters.”"
    assert [kind for _, kind in _kinds(body)] == [BODY, BODY, BODY]


def test_list_items_are_paragraphs_of_their_own() -> None:
    body = (
        "The plan has three goals:\n\n• Extend the rail network to the south\n\n• Build offshore wind capacity\n\n"
        "• Train engineers from\n\npartner countries\n\nThe first goal costs most."
    )
    assert _kinds(body) == [
        ("The plan has", BODY),
        ("• Extend the", BODY),
        ("• Build offs", BODY),
        ("• Train engi", BODY),
        ("The first go", BODY),
    ]
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    assert [paragraph.text for paragraph in issue.paragraphs()][3] == "• Train engineers from partner countries"


def test_a_quotation_alone_under_a_heading_is_a_block_quote() -> None:
    body = (
        "The opening paragraph sets the scene.\n\nIn the Ministry’s Own Words\n\n"
        "“Technology protection is not a restriction on industry. It is a condition of trust.” [1]\n\n"
        "The passage is telling.\n\nThe Next Steps\n\n“We will not yield,” the minister said, “whatever comes.”\n\n"
        "He meant it."
    )
    assert _kinds(body) == [
        ("The opening ", BODY),
        ("“Technology ", QUOTE),
        ("The passage ", BODY),
        ("“We will not", BODY),
        ("He meant it.", BODY),
    ]


def test_a_heading_cut_by_a_break_is_one_heading_and_ends_its_block() -> None:
    body = "Opening text.\n\nWhat Beijing Gains from\n\nKeeping the Agreement Alive\n\nBeijing could end it at once."
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    sections = issue.articles[0].sections
    assert [section.heading for section in sections] == [None, "What Beijing Gains from Keeping the Agreement Alive"]
    assert [paragraph.text for paragraph in sections[1].paragraphs] == ["Beijing could end it at once."]


def test_a_caption_over_two_lines_and_a_title_wrapped_after_a_hyphen() -> None:
    text = (
        "Tariffs and the Future of Cross-\nStrait Trade\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"
        "Exports fell.\n\n(Chart: Exports to China as a share of the total,\n2014–2024. Source: Finance Ministry)\n\n"
        "Much of the fall is chips."
    )
    issue = gtbparse.parse(text, layout="gtb-issue")
    assert issue.articles[0].title == "Tariffs and the Future of Cross-Strait Trade"
    assert [paragraph.kind for paragraph in issue.paragraphs()] == [BODY, ParagraphKind.CAPTION, BODY]
