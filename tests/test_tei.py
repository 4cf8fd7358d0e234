"""TEI P5 export: well formed, complete, valid against our subset schema and against TEI Lite."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

import gtbparse
from gtbparse import Emphasis, FootnoteRef, Gloss, Link, Paragraph, ParagraphKind, Script
from gtbparse.export.tei import to_tei

ROOT = Path(__file__).resolve().parent.parent
SUBSET_SCHEMA = Path(__file__).resolve().parent / "schemas" / "gtb-tei.rng"
TEI_LITE = ROOT.parent / "shared" / "schemas" / "tei_lite.rng"
NS = {"t": "http://www.tei-c.org/ns/1.0"}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_SUBSET = etree.RelaxNG(etree.parse(str(SUBSET_SCHEMA)))
_NOT_XML = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@pytest.fixture(scope="module")
def seed_tei(seed_issue: gtbparse.Issue) -> bytes:
    return to_tei(seed_issue)


@pytest.fixture(scope="module")
def seed_tree(seed_tei: bytes) -> Any:
    return etree.fromstring(seed_tei)


@pytest.fixture(scope="module")
def subset_schema() -> Any:
    return _SUBSET


def _plain(element: Any) -> str:
    """The element's text without the numbers of footnote anchors (they are not in the clean text)."""
    parts = [element.text or ""]
    for child in element:
        if not (child.tag == f"{{{NS['t']}}}ref" and child.get("type") == "noteAnchor"):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _tree(issue: gtbparse.Issue) -> Any:
    return etree.fromstring(to_tei(issue))


def _one_paragraph_issue(*paragraphs: Paragraph, footnotes: tuple[gtbparse.Footnote, ...] = ()) -> gtbparse.Issue:
    article = gtbparse.Article("A title", sections=(gtbparse.Section(None, paragraphs),), footnotes=footnotes)
    return gtbparse.Issue(volume=1, number=2, year=2024, month=1, articles=(article,))


# -- the seed ---------------------------------------------------------------------------------------


def test_well_formed_utf8_with_declaration(seed_tei: bytes, seed_tree: Any) -> None:
    assert seed_tei.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert seed_tree.tag == f"{{{NS['t']}}}TEI"
    seed_tei.decode("utf-8")


def test_header_names_title_publisher_date_editors_and_source(seed_tree: Any, gold: dict[str, Any]) -> None:
    expected = gold["issue"]
    title = seed_tree.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS)
    assert title == f"Global Taiwan Brief, Vol. {expected['volume']}, Issue {expected['number']}"
    editors = [
        (stmt.findtext("t:resp", namespaces=NS), stmt.findtext("t:name", namespaces=NS))
        for stmt in seed_tree.iterfind("t:teiHeader/t:fileDesc/t:titleStmt/t:respStmt", namespaces=NS)
    ]
    assert editors == list(expected["masthead"].items())
    publication = seed_tree.find("t:teiHeader/t:fileDesc/t:publicationStmt", namespaces=NS)
    assert publication.findtext("t:publisher", namespaces=NS) == expected["publisher"]
    assert publication.find("t:date", namespaces=NS).get("when") == f"{expected['year']}-{expected['month']:02d}"
    assert publication.findtext("t:idno[@type='URL']", namespaces=NS) == expected["url"]
    source = seed_tree.find("t:teiHeader/t:fileDesc/t:sourceDesc/t:bibl", namespaces=NS)
    assert source.find("t:ref", namespaces=NS).get("target") == expected["url"]
    assert source.findtext("t:biblScope[@unit='volume']", namespaces=NS) == str(expected["volume"])
    assert source.findtext("t:biblScope[@unit='issue']", namespaces=NS) == str(expected["number"])


def test_every_paragraph_present_exactly_once(seed_tree: Any, seed_issue: gtbparse.Issue) -> None:
    body = seed_tree.find("t:text/t:body", namespaces=NS)
    by_kind: dict[ParagraphKind, Counter[str]] = {kind: Counter() for kind in ParagraphKind}
    for element in body.iterfind(".//t:div[@type='section']/t:p", namespaces=NS):
        by_kind[ParagraphKind.BODY][_plain(element)] += 1
    for element in body.iterfind(".//t:cit[@type='blockquote']/t:q", namespaces=NS):
        by_kind[ParagraphKind.BLOCKQUOTE][_plain(element)] += 1
    for element in body.iterfind(".//t:figure/t:figDesc", namespaces=NS):
        by_kind[ParagraphKind.CAPTION][_plain(element)] += 1
    for kind in ParagraphKind:
        expected = Counter(paragraph.text for paragraph in seed_issue.paragraphs() if paragraph.kind is kind)
        assert by_kind[kind] == expected, kind
    assert sum(by_kind[ParagraphKind.BODY].values()) > 50
    assert sum(by_kind[ParagraphKind.BLOCKQUOTE].values()) >= 1
    assert sum(by_kind[ParagraphKind.CAPTION].values()) >= 1


def test_articles_items_bylines_and_sections(seed_tree: Any, gold: dict[str, Any]) -> None:
    articles = seed_tree.findall("t:text/t:body/t:div[@type='article']", namespaces=NS)
    assert [div.findtext("t:head", namespaces=NS) for div in articles] == [a["title"] for a in gold["articles"]]
    for div, expected in zip(articles, gold["articles"], strict=True):
        authors = [element.text for element in div.iterfind("t:byline/t:docAuthor", namespaces=NS)]
        assert authors == [author["name"] for author in expected["authors"]]
        items = div.findall("t:div[@type='item']", namespaces=NS)
        assert [item.findtext("t:head", namespaces=NS) for item in items] == [
            item["title"] for item in expected.get("items", [])
        ]
        units = items or [div]
        for unit, expected_unit in zip(units, expected.get("items") or [expected], strict=True):
            headings = [
                section.findtext("t:head", namespaces=NS)
                for section in unit.iterfind("t:div[@type='section']", namespaces=NS)
            ]
            assert headings == [section["heading"] for section in expected_unit["sections"]]


def test_footnotes_are_notes_linked_from_their_marks(seed_tree: Any, seed_issue: gtbparse.Issue) -> None:
    notes = seed_tree.findall(".//t:note[@place='foot']", namespaces=NS)
    all_notes = [note for article in seed_issue.articles for unit in article.units() for note in unit.footnotes]
    assert [(note.get("n"), _plain(note)) for note in notes] == [(str(note.number), note.text) for note in all_notes]
    ids = {note.get(XML_ID) for note in notes}
    anchors = seed_tree.findall(".//t:ref[@type='noteAnchor']", namespaces=NS)
    assert len(anchors) == sum(len(paragraph.footnote_refs) for paragraph in seed_issue.paragraphs())
    for anchor in anchors:
        target = anchor.get("target")
        assert target is not None
        assert target[1:] in ids
        (note,) = seed_tree.xpath(".//t:note[@xml:id=$id]", namespaces=NS, id=target[1:])
        assert note.get("n") == anchor.get("n") == anchor.text
    all_ids = [element.get(XML_ID) for element in seed_tree.iter() if element.get(XML_ID) is not None]
    assert len(all_ids) == len(set(all_ids))


def test_links_and_emphasis_are_marked_up(seed_tree: Any, seed_issue: gtbparse.Issue) -> None:
    """Every link's text lies in ``ref`` markup (a link crossing a gloss is split, never dropped)."""
    body = seed_tree.find("t:text/t:body", namespaces=NS)
    refs = [element for element in body.iterfind(".//t:ref", namespaces=NS) if element.get("type") is None]
    units = [unit for article in seed_issue.articles for unit in article.units()]
    expected = [
        link.text
        for unit in units
        for place in [
            *([unit.main_point] if unit.main_point else []),
            *unit.paragraphs(),
            *unit.footnotes,
        ]
        if not (isinstance(place, Paragraph) and place.kind is ParagraphKind.CAPTION)  # no ref in figDesc
        for link in sorted(place.links, key=lambda link: link.at)
    ]
    assert expected  # the seed has links
    assert "".join("".join(ref.itertext()) for ref in refs) == "".join(expected)
    italics = Counter("".join(element.itertext()) for element in body.iterfind(".//t:hi", namespaces=NS))
    assert italics["de facto"] >= 1


def test_valid_against_the_subset_schema(seed_tree: Any, subset_schema: Any) -> None:
    assert subset_schema.validate(seed_tree), subset_schema.error_log


def test_subset_schema_rejects_drift(seed_tei: bytes, subset_schema: Any) -> None:
    drifted = [
        seed_tei.replace(b"<cit ", b"<quote ", 1).replace(b"</cit>", b"</quote>", 1),
        seed_tei.replace(b'type="noteAnchor" n="1"', b'type="noteAnchor" n="one"', 1),
        seed_tei.replace(b'<div type="section">', b'<div type="chapter">', 1),
    ]
    assert all(drift != seed_tei for drift in drifted)
    assert [subset_schema.validate(etree.fromstring(drift)) for drift in drifted] == [False, False, False]


def test_valid_tei_lite(seed_tree: Any) -> None:
    if not TEI_LITE.is_file():
        pytest.skip(f"TEI Lite schema (test data) not found at {TEI_LITE}")
    schema = etree.RelaxNG(etree.parse(str(TEI_LITE)))
    assert schema.validate(seed_tree), schema.error_log
    for issue in (gtbparse.Issue(), _inline_showcase()):
        tree = _tree(issue)
        assert schema.validate(tree), schema.error_log


BLIND_ISSUES = sorted((Path(__file__).resolve().parent / "corpus" / "blind").glob("blind_*.txt"))


@pytest.mark.parametrize("path", BLIND_ISSUES, ids=lambda path: path.stem)
def test_blind_issues_give_valid_tei(path: Path, subset_schema: Any) -> None:
    # Multi-author bylines, list items, items and notes as the blind issues print them; the seed has few of these.
    tree = _tree(gtbparse.parse_file(path))
    assert subset_schema.validate(tree), subset_schema.error_log
    if TEI_LITE.is_file():
        lite = etree.RelaxNG(etree.parse(str(TEI_LITE)))
        assert lite.validate(tree), lite.error_log


def test_deterministic(seed_issue: gtbparse.Issue, seed_tei: bytes) -> None:
    assert to_tei(seed_issue) == seed_tei
    assert to_tei(gtbparse.from_dict(gtbparse.to_dict(seed_issue))) == seed_tei


# -- hand-built inline markup -----------------------------------------------------------------------

_SENTENCE = "Foreign Minister Wang Yi (王毅) met officials of the 國台办 in Beijing.[1]"


def _inline_showcase() -> gtbparse.Issue:
    """Glosses in both scripts, a link nested in a gloss, a link crossing one, emphasis, a note, a caption."""
    text = "Foreign Minister Wang Yi (王毅) met the Taiwan Affairs Office (TAO, 国台办) in Beijing."
    wang = text.index("Wang Yi")
    tao = text.index("Taiwan Affairs Office")
    paragraph = Paragraph(
        text,
        links=(
            Link("Wang", "https://example.org/wang", at=(wang, wang + 4)),  # nested inside the first gloss
            Link("met the Taiwan", "https://example.org/met", at=(text.index("met"), tao + 6)),  # crosses a gloss
        ),
        emphasis=(Emphasis("Beijing", at=(text.index("Beijing"), text.index("Beijing") + 7)),),
        footnote_refs=(FootnoteRef(1, at=(len(text), len(text))),),
        glosses=(
            Gloss("Wang Yi", "王毅", script=Script.TRADITIONAL, at=(wang, text.index(")") + 1)),
            Gloss("Taiwan Affairs Office", "国台办", "TAO", script=Script.SIMPLIFIED, at=(tao, text.rindex(")") + 1)),
        ),
    )
    caption = Paragraph(
        "Chart: arms sales (source)",
        kind=ParagraphKind.CAPTION,
        links=(Link("source", "https://example.org/source", at=(19, 25)),),
        emphasis=(Emphasis("Chart", strong=True, at=(0, 5)),),
    )
    quote = Paragraph("A quoted passage.", kind=ParagraphKind.BLOCKQUOTE, links=(Link("quoted", None, at=(2, 8)),))
    note = gtbparse.Footnote(1, "See the source.", links=(Link("source", "https://example.org/n", at=(8, 14)),))
    return _one_paragraph_issue(paragraph, caption, quote, footnotes=(note,))


def test_glosses_become_terms_with_foreign_script(subset_schema: Any) -> None:
    tree = _tree(_inline_showcase())
    assert subset_schema.validate(tree), subset_schema.error_log
    terms = tree.findall(".//t:p/t:term", namespaces=NS)
    assert ["".join(term.itertext()) for term in terms] == ["Wang Yi (王毅)", "Taiwan Affairs Office (TAO, 国台办)"]
    foreign = [(element.text, element.get(XML_LANG)) for element in tree.iterfind(".//t:foreign", namespaces=NS)]
    assert foreign == [("王毅", "zh-Hant"), ("国台办", "zh-Hans")]


def test_nested_spans_nest_and_crossing_spans_keep_their_text() -> None:
    issue = _inline_showcase()
    tree = _tree(issue)
    paragraph = tree.find(".//t:div[@type='section']/t:p", namespaces=NS)
    assert _plain(paragraph) == next(issue.paragraphs()).text
    nested = paragraph.find("t:term/t:ref", namespaces=NS)
    assert nested is not None
    assert (nested.text, nested.get("target")) == ("Wang", "https://example.org/wang")
    # The link crossing into the second gloss is split in two: words and target kept, markup well nested.
    fragments = tree.xpath(".//t:ref[@target='https://example.org/met']", namespaces=NS)
    assert ["".join(fragment.itertext()) for fragment in fragments] == ["met the ", "Taiwan"]
    assert fragments[1].getparent().tag == f"{{{NS['t']}}}term"
    assert paragraph.find("t:hi[@rend='italic']", namespaces=NS).text == "Beijing"
    anchor = paragraph.find("t:ref[@type='noteAnchor']", namespaces=NS)
    assert anchor.get("target") == "#a1-fn1"
    (note_link,) = tree.xpath(".//t:note[@xml:id='a1-fn1']/t:ref", namespaces=NS)
    assert note_link.get("target") == "https://example.org/n"


def test_captions_are_figures_keeping_link_text() -> None:
    tree = _tree(_inline_showcase())
    description = tree.find(".//t:figure/t:figDesc", namespaces=NS)
    assert "".join(description.itertext()) == "Chart: arms sales (source)"
    assert description.find("t:hi[@rend='bold']", namespaces=NS).text == "Chart"
    assert description.find(".//t:ref", namespaces=NS) is None  # TEI Lite allows no ref in figDesc
    quote = tree.find(".//t:cit/t:q", namespaces=NS)
    assert quote.find("t:ref", namespaces=NS).text == "quoted"
    assert quote.find("t:ref", namespaces=NS).get("target") is None  # a link whose URL was lost


def test_identical_spans_and_spans_without_offsets() -> None:
    """Spans covering the same text nest; hand-built spans without ``at`` are found by their text."""
    paragraph = Paragraph(
        "Read the report today.",
        links=(Link("the report", "https://example.org/r"),),
        emphasis=(Emphasis("the report", at=(5, 15)), Emphasis("missing")),
    )
    tree = _tree(_one_paragraph_issue(paragraph))
    element = tree.find(".//t:div[@type='section']/t:p", namespaces=NS)
    assert _plain(element) == paragraph.text
    assert element.find("t:ref/t:hi", namespaces=NS).text == "the report"


def test_control_characters_do_not_break_the_xml(subset_schema: Any) -> None:
    paragraph = Paragraph("bell\x07 and nul\x00 here")
    tree = _tree(_one_paragraph_issue(paragraph))
    assert _plain(tree.find(".//t:div[@type='section']/t:p", namespaces=NS)) == "bell\ufffd and nul\ufffd here"
    assert subset_schema.validate(tree), subset_schema.error_log


def test_empty_issue_is_still_valid(subset_schema: Any) -> None:
    tree = _tree(gtbparse.Issue())
    assert subset_schema.validate(tree), subset_schema.error_log
    assert tree.findtext("t:teiHeader/t:fileDesc/t:titleStmt/t:title", namespaces=NS) == "Global Taiwan Brief"


# -- any spans, any text ----------------------------------------------------------------------------


@st.composite
def _paragraphs(draw: st.DrawFn) -> Paragraph:
    """Paragraphs with arbitrary text and arbitrary (nested, crossing, empty, out-of-range) inline spans."""
    text = draw(st.text(st.characters(codec="utf-8"), max_size=40))
    bound = len(text) + 2

    def at() -> tuple[int, int]:
        start, end = sorted(draw(st.tuples(st.integers(0, bound), st.integers(0, bound))))
        return start, end

    def piece(span: tuple[int, int]) -> str:
        return text[span[0] : span[1]]

    links = [Link(piece(span), draw(st.none() | st.just("https://example.org/")), at=span) for span in [at(), at()]]
    emphasis = [Emphasis(piece(span), draw(st.booleans()), at=span) for span in [at(), at()]]
    glosses = []
    for _ in range(draw(st.integers(0, 2))):
        span = at()
        glosses.append(Gloss("term", draw(st.sampled_from(["王毅", "国台办", ""])), script=Script.SIMPLIFIED, at=span))
    refs = [FootnoteRef(number, at=(position, position)) for number, position in enumerate([at()[0], at()[0]], 1)]
    kind = draw(st.sampled_from(ParagraphKind))
    return Paragraph(text, kind, tuple(links), tuple(emphasis), tuple(refs), tuple(glosses))


@given(st.lists(_paragraphs(), min_size=1, max_size=3))
def test_any_inline_spans_give_valid_tei_with_the_text_intact(paragraphs: list[Paragraph]) -> None:
    notes = (gtbparse.Footnote(1, "A note."),)
    tree = _tree(_one_paragraph_issue(*paragraphs, footnotes=notes))
    assert _SUBSET.validate(tree), _SUBSET.error_log
    # A list item is an ``item`` of the ``list`` that the items in a row share; the rest are blocks of their own.
    blocks = tree.xpath(".//t:div[@type='section']/*[not(self::t:list)] | .//t:list/t:item", namespaces=NS)
    assert len(blocks) == len(paragraphs)
    lists = tree.xpath(".//t:div[@type='section']/t:list", namespaces=NS)
    runs = sum(
        1
        for index, paragraph in enumerate(paragraphs)
        if paragraph.kind is ParagraphKind.LIST_ITEM
        and (index == 0 or paragraphs[index - 1].kind is not ParagraphKind.LIST_ITEM)
    )
    assert len(lists) == runs
    for block, paragraph in zip(blocks, paragraphs, strict=True):
        content = block if block.tag in (f"{{{NS['t']}}}p", f"{{{NS['t']}}}item") else block[0]
        expected = "".join("\ufffd" if _NOT_XML.match(char) else char for char in paragraph.text)
        assert _plain(content) == expected
