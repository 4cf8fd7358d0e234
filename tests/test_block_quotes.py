"""Block quotes and list items: blocks that stand as their own paragraphs whatever their punctuation."""

from __future__ import annotations

import gtbparse
from gtbparse import ParagraphKind

HEAD = "A Title for Testing\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\n"


def _kinds(body: str) -> list[tuple[str, ParagraphKind]]:
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    return [(paragraph.text[:12], paragraph.kind) for paragraph in issue.paragraphs()]


BODY, QUOTE, LIST_ITEM = ParagraphKind.BODY, ParagraphKind.BLOCKQUOTE, ParagraphKind.LIST_ITEM


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
        ("Extend the r", LIST_ITEM),
        ("Build offsho", LIST_ITEM),
        ("Train engine", LIST_ITEM),
        ("The first go", BODY),
    ]
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    assert [paragraph.text for paragraph in issue.paragraphs()][3] == "Train engineers from partner countries"


def test_list_items_on_consecutive_lines_are_paragraphs_of_their_own() -> None:
    # Found by blind issue 30: a list printed without blank lines between its items (and after its lead-in)
    # arrived as one block, and read as one paragraph.
    body = "The plan has two goals:\n- extend the rail network;\n- build wind capacity.\n\nThe first costs most."
    assert _kinds(body) == [
        ("The plan has", BODY),
        ("extend the r", LIST_ITEM),
        ("build wind c", LIST_ITEM),
        ("The first co", BODY),
    ]
    source = HEAD + body
    item = list(gtbparse.parse(source, layout="gtb-issue").articles[0].paragraphs())[1]
    assert source[item.span[0] : item.span[1]] == "- extend the rail network;"


def test_a_source_line_under_a_caption_is_part_of_it() -> None:
    body = "Trade grew.\n\nFigure 1: Exports to China, 2010–2023.\n\nSource: Ministry of Finance.\n\nIt slowed later."
    explained = gtbparse.parse_and_explain(HEAD + body, layout="gtb-issue")
    assert _kinds(body)[1] == ("Figure 1: Ex", ParagraphKind.CAPTION)
    caption = list(explained.issue.articles[0].paragraphs())[1]
    assert caption.text == "Figure 1: Exports to China, 2010–2023. Source: Ministry of Finance."
    assert [edit.rule for edit in explained.edits] == ["join-caption"]


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


def test_a_chinese_quotation_and_its_translation_are_block_quotes() -> None:
    # Found by blind issue 32: a quotation in corner brackets ended no sentence, so it was joined to its
    # translation in the next paragraph.
    body = (
        "He ended the address this way:\n\n「主權屬於全體國民。」\n\n"
        "“Sovereignty belongs to all citizens.” (Author’s translation.) [1]\n\nNone of this was new."
    )
    assert _kinds(body) == [
        ("He ended the", BODY),
        ("「主權屬於全體國民。」", QUOTE),
        ("“Sovereignty", QUOTE),
        ("None of this", BODY),
    ]


def test_a_table_is_a_paragraph_of_its_own_with_its_rows() -> None:
    # Found by blind issue 37: the rows of a Markdown table were joined into one line and then to the paragraph after.
    body = (
        "Exports grew (see Table 1).\n\nTable 1: Exports to the EU\n\n"
        "| Year | Exports (US\\$ bn) |\n|---|---|\n| 2021 | 10.2 |\n| 2023 | 12.6 |\n\nThe figures are customs data."
    )
    issue = gtbparse.parse(HEAD + body, layout="gtb-issue")
    assert [(p.kind, p.text) for p in issue.paragraphs()] == [
        (BODY, "Exports grew (see Table 1)."),
        (ParagraphKind.CAPTION, "Table 1: Exports to the EU"),
        (ParagraphKind.TABLE, "| Year | Exports (US$ bn) |\n|---|---|\n| 2021 | 10.2 |\n| 2023 | 12.6 |"),
        (BODY, "The figures are customs data."),
    ]
    assert "| 2021 | 10.2 |\n| 2023 | 12.6 |" in gtbparse.to_markdown(issue)


def test_an_epigraph_and_its_source_are_block_quotes() -> None:
    # Found by blind issue 40: the source line under an epigraph was joined to the first paragraph.
    body = "“Peace is priceless.”\n\n— Lai Ching-te, inaugural address, May 20, 2024\n\nPresident Lai spoke at length."
    assert _kinds(body) == [("“Peace is pr", QUOTE), ("— Lai Ching-", QUOTE), ("President La", BODY)]
