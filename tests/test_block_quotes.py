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
