"""Markdown and plain-text reading copies."""

from __future__ import annotations

from typing import Any

import regex
from hypothesis import given
from hypothesis import strategies as st

import gtbparse
from gtbparse import Emphasis, FootnoteRef, Link, Paragraph, ParagraphKind
from gtbparse.export import InlineNode, inline_tree
from gtbparse.export.markdown import to_markdown, to_text


def _with_marks(paragraph: Paragraph) -> str:
    """The paragraph's text with ``[n]`` put back where each footnote mark stood."""
    text = paragraph.text
    for ref in sorted(paragraph.footnote_refs, key=lambda ref: ref.at[0], reverse=True):
        text = text[: ref.at[0]] + f"[{ref.number}]" + text[ref.at[0] :]
    return " ".join(text.split())


def _blocks(text: str) -> list[str]:
    return [block.strip() for block in text.split("\n\n")]


def test_text_copy_has_every_paragraph_as_its_own_block(seed_issue: gtbparse.Issue) -> None:
    blocks = _blocks(to_text(seed_issue))
    for paragraph in seed_issue.paragraphs():
        assert blocks.count(_with_marks(paragraph)) == 1, paragraph.text[:60]


def test_text_copy_headings_in_reading_order(seed_issue: gtbparse.Issue, gold: dict[str, Any]) -> None:
    text = to_text(seed_issue)
    expected: list[str] = []
    for article in gold["articles"]:
        expected.append(article["title"])
        for unit in article.get("items", []):
            expected.append(unit["title"])
            expected.extend(section["heading"] for section in unit["sections"] if section["heading"])
        if "items" not in article:
            expected.extend(section["heading"] for section in article["sections"] if section["heading"])
    positions = [text.index(f"\n{heading}\n") for heading in expected]
    assert positions == sorted(positions)


def test_footnotes_follow_their_article_or_item(seed_issue: gtbparse.Issue) -> None:
    """Each unit's notes come after its last paragraph and before the next article or item starts."""
    text = to_text(seed_issue)
    units = [unit for article in seed_issue.articles for unit in article.units()]
    starts = [text.index(f"\n{unit.title}\n") for unit in units] + [len(text)]
    assert starts == sorted(starts)
    checked = 0
    for index, unit in enumerate(units):
        chunk = text[starts[index] : starts[index + 1]]
        last_paragraph = _with_marks(list(unit.paragraphs())[-1])
        for note in unit.footnotes:
            line = f"\n[{note.number}] {' '.join(note.text.split())}\n"
            assert chunk.index(line) > chunk.index(last_paragraph)
            checked += 1
    assert checked == sum(len(unit.footnotes) for unit in units) > 0


def test_markdown_headings_and_byline(seed_issue: gtbparse.Issue, gold: dict[str, Any]) -> None:
    markdown = to_markdown(seed_issue)
    lines = markdown.splitlines()
    assert lines[0] == "# Global Taiwan Brief, Vol. 5, Issue 23 (December 2020)"
    second_level = [line[3:] for line in lines if line.startswith("## ")]
    assert second_level == [article["title"].replace("*", "\\*") for article in gold["articles"]]
    for article in gold["articles"]:
        for author in article["authors"]:
            assert f"By {author['name']}" in markdown


def test_markdown_links_are_text_and_footnotes_resolve(seed_issue: gtbparse.Issue) -> None:
    markdown = to_markdown(seed_issue)
    assert "](" not in markdown
    assert "(#)" not in markdown
    anchors = regex.findall(r"\[\^([0-9.]+)\](?!:)", markdown)
    definitions = regex.findall(r"^\[\^([0-9.]+)\]: ", markdown, flags=regex.MULTILINE)
    assert len(definitions) == len(set(definitions))  # labels are unique across the issue
    assert set(anchors) <= set(definitions)
    assert len(anchors) == sum(len(paragraph.footnote_refs) for paragraph in seed_issue.paragraphs())
    total_notes = sum(len(unit.footnotes) for article in seed_issue.articles for unit in article.units())
    assert len(definitions) == total_notes
    assert "*de facto*" in markdown
    assert "> " in markdown  # block quotes


def test_one_article(seed_issue: gtbparse.Issue) -> None:
    article = next(article for article in seed_issue.articles if article.footnotes and not article.items)
    markdown = to_markdown(article)
    assert markdown.startswith(f"# {article.title}\n")
    assert f"[^{article.footnotes[0].number}]: " in markdown
    assert seed_issue.articles[0].title not in markdown or seed_issue.articles[0] is article
    text = to_text(article)
    assert text.startswith(f"{article.title}\n{'=' * len(article.title)}\n")
    assert text.endswith("\n")
    assert not text.endswith("\n\n")


def test_markdown_escapes_markup_characters() -> None:
    paragraphs = (
        Paragraph("# not a heading, *not emphasis* and [not](a link)"),
        Paragraph("1. not a list item"),
        Paragraph("A real emphasis here.", emphasis=(Emphasis("real emphasis", at=(2, 15)),)),
        Paragraph("A quote.", kind=ParagraphKind.BLOCKQUOTE),
        Paragraph("Link text stays.", links=(Link("Link text", "https://example.org/x", at=(0, 9)),)),
    )
    article = gtbparse.Article("Title *with* star", sections=(gtbparse.Section("Heading", paragraphs),))
    blocks = _blocks(to_markdown(article))
    assert blocks[0] == "# Title \\*with\\* star"
    assert blocks[1] == "## Heading"
    assert blocks[2] == "\\# not a heading, \\*not emphasis\\* and \\[not\\](a link)"
    assert blocks[3] == "1\\. not a list item"
    assert blocks[4] == "A *real emphasis* here."
    assert blocks[5] == "> A quote."
    assert blocks[6] == "Link text stays."
    plain = _blocks(to_text(article))
    assert plain[2] == "# not a heading, *not emphasis* and [not](a link)"
    assert plain[4] == "A real emphasis here."


def test_inline_tree_reads_back_as_the_text() -> None:
    text = "Alpha beta gamma delta."
    tree = inline_tree(
        text,
        links=(Link("beta gamma", None, at=(6, 16)),),
        emphasis=(Emphasis("gamma delta", at=(11, 22)),),
        footnote_refs=(FootnoteRef(1, at=(23, 23)), FootnoteRef(2, at=(11, 11))),
    )

    def flatten(pieces: tuple[str | InlineNode, ...]) -> str:
        return "".join(piece if isinstance(piece, str) else flatten(piece.children) for piece in pieces)

    assert flatten(tree) == text
    marks = [piece.span.source for piece in tree if isinstance(piece, InlineNode) and not piece.children]
    assert marks[-1] == FootnoteRef(1)


@given(
    st.text(max_size=30).filter(lambda text: text.strip() != ""),
    st.lists(st.tuples(st.integers(0, 32), st.integers(0, 32)), max_size=5),
)
def test_any_spans_keep_the_words(text: str, pairs: list[tuple[int, int]]) -> None:
    """Whatever the (possibly crossing or out-of-range) spans, the plain copy keeps every word in order."""
    spans = [(min(pair), max(pair)) for pair in pairs]
    paragraph = Paragraph(
        "x" + text,  # a leading letter keeps a heading-like start out of the comparison
        links=tuple(Link("", None, at=span) for span in spans[::2]),
        emphasis=tuple(Emphasis("", at=span) for span in spans[1::2]),
    )
    article = gtbparse.Article("T", sections=(gtbparse.Section(None, (paragraph,)),))
    assert _blocks(to_text(article))[1] == " ".join(paragraph.text.split())
    assert to_markdown(article).startswith("# T\n")
