"""CSL-JSON export of the citations: shape, ids, types, names and dates."""

from __future__ import annotations

import json
from typing import Any

import jsonschema
import pytest

import gtbparse
from benchmark_loader import load_benchmark
from gtbparse import Citation, CitationKind
from gtbparse.csl import citation_to_csl, to_csl

BENCH = load_benchmark("citation_accuracy")
CASES: list[dict[str, Any]] = BENCH.load_cases()

# A hand-written subset of the CSL-JSON schema (citation-style-language/schema, csl-data.json) for the
# fields gtbparse writes: the same names, types and nesting; unknown keys are refused so typos show.
_NAME = {
    "type": "object",
    "properties": {
        "family": {"type": "string", "minLength": 1},
        "given": {"type": "string", "minLength": 1},
        "suffix": {"type": "string"},
        "literal": {"type": "string", "minLength": 1},
    },
    "additionalProperties": False,
    "anyOf": [{"required": ["family"]}, {"required": ["literal"]}],
}
CSL_ITEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "required": ["id", "type"],
    "additionalProperties": False,
    "properties": {
        "id": {"type": ["string", "number"]},
        "type": {
            "enum": [
                "article",
                "article-journal",
                "article-magazine",
                "article-newspaper",
                "book",
                "chapter",
                "document",
                "report",
                "webpage",
                "legislation",
            ]
        },
        "author": {"type": "array", "items": _NAME, "minItems": 1},
        "title": {"type": "string", "minLength": 1},
        "container-title": {"type": "string", "minLength": 1},
        "publisher": {"type": "string", "minLength": 1},
        "publisher-place": {"type": "string", "minLength": 1},
        "volume": {"type": ["string", "number"]},
        "page": {"type": ["string", "number"]},
        "URL": {"type": "string", "pattern": "^(https?://|www\\.)\\S+$"},
        "language": {"type": "string"},
        "issued": {
            "type": "object",
            "required": ["date-parts"],
            "additionalProperties": False,
            "properties": {
                "date-parts": {
                    "type": "array",
                    "minItems": 1,
                    "maxItems": 2,
                    "items": {
                        "type": "array",
                        "minItems": 1,
                        "maxItems": 3,
                        "items": {"type": ["integer", "string"]},
                    },
                }
            },
        },
    },
}
CSL_SCHEMA: dict[str, Any] = {"type": "array", "items": CSL_ITEM_SCHEMA}


def test_schema_subset_is_itself_valid() -> None:
    jsonschema.Draft7Validator.check_schema(CSL_SCHEMA)


def test_schema_subset_rejects_malformed_items() -> None:
    """The schema is not vacuous: the mistakes an exporter could make are refused."""
    bad = [
        {"id": "x", "type": "journal"},
        {"id": "x", "type": "book", "author": [{"name": "Ann Lee"}]},
        {"id": "x", "type": "book", "issued": {"date-parts": [2001]}},
        {"id": "x", "type": "book", "issued": "2001"},
        {"id": "x", "type": "book", "url": "https://example.org"},
        {"type": "book"},
    ]
    for item in bad:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate([item], CSL_SCHEMA)


def test_seed_export_is_valid_csl_json(seed_issue: gtbparse.Issue) -> None:
    items = to_csl(seed_issue)
    jsonschema.validate(items, CSL_SCHEMA)
    assert json.loads(json.dumps(items, ensure_ascii=False)) == items


def test_seed_export_skips_notes_and_keeps_order(seed_issue: gtbparse.Issue) -> None:
    items = to_csl(seed_issue)
    assert [item["type"] for item in items] == ["book", "book", "document", "book", "chapter"]
    cited = [
        note
        for article in seed_issue.articles
        for unit in article.units()
        for note in unit.footnotes
        if note.citation is not None and note.citation.kind is not CitationKind.NOTE
    ]
    assert [item["title"] for item in items] == [note.citation.title for note in cited if note.citation]


def test_seed_export_fields(seed_issue: gtbparse.Issue) -> None:
    items = {item["title"]: item for item in to_csl(seed_issue)}
    cole = items["Taiwan’s Security: History and Prospects"]
    assert cole["author"] == [{"family": "Cole", "given": "B. D."}]
    assert (cole["publisher"], cole["publisher-place"], cole["issued"]) == (
        "Routledge",
        "London",
        {"date-parts": [[2008]]},
    )
    statement = items["Joint Statement on Peaceful Development"]
    assert statement["author"] == [{"literal": "KMT"}, {"literal": "CPC"}]
    assert statement["issued"] == {"date-parts": [[2005, 4, 29]]}
    works = items["An Idea for the Peaceful Unification of the Chinese Mainland and Taiwan"]
    assert works["author"] == [{"family": "Deng", "given": "Xiaoping"}]
    assert (works["container-title"], works["volume"]) == ("Selected Works of Deng Xiaoping", "III")


def test_ids_are_unique_stable_and_say_where_the_note_is(seed_text: str) -> None:
    first = to_csl(gtbparse.parse(seed_text))
    second = to_csl(gtbparse.parse(seed_text))
    ids = [item["id"] for item in first]
    assert ids == [item["id"] for item in second]
    assert len(set(ids)) == len(ids)
    # volume 5, number 23 from the masthead; the first article is a multi-item column (item 1), the 4th is not
    assert ids[0] == "gtb-v5n23-a1-i1-fn1"
    assert ids[1:] == [f"gtb-v5n23-a4-fn{n}" for n in (2, 3, 4, 5)]


def test_ids_fall_back_to_the_source_name() -> None:
    issue = gtbparse.Issue(
        source_name="My Issue (copy).txt",
        articles=(
            gtbparse.Article(
                title="T",
                footnotes=(gtbparse.Footnote(1, "x", citation=Citation(CitationKind.WEB, url="https://a.org")),),
            ),
        ),
    )
    assert [item["id"] for item in to_csl(issue)] == ["My-Issue-copy-a1-fn1"]


@pytest.mark.parametrize(
    ("citation", "csl_type"),
    [
        (Citation(CitationKind.BOOK), "book"),
        (Citation(CitationKind.CHAPTER), "chapter"),
        (Citation(CitationKind.WEB), "webpage"),
        (Citation(CitationKind.ARTICLE, container="A Journal", volume="3", pages="1–9"), "article-journal"),
        (Citation(CitationKind.ARTICLE, container="Some Times", date="2020-05-02"), "article-newspaper"),
        (Citation(CitationKind.ARTICLE), "article"),
        (Citation(CitationKind.DOCUMENT, title="Annual Report to Congress"), "report"),
        (Citation(CitationKind.DOCUMENT, title="A Plan", publisher="A Ministry"), "report"),
        (Citation(CitationKind.DOCUMENT, title="Joint Statement"), "document"),
    ],
)
def test_csl_types(citation: Citation, csl_type: str) -> None:
    item = citation_to_csl(citation, "x")
    assert item is not None
    assert item["type"] == csl_type


def test_a_note_has_no_csl_item() -> None:
    assert citation_to_csl(Citation(CitationKind.NOTE, url="https://example.org"), "x") is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Jonathan Spence", {"family": "Spence", "given": "Jonathan"}),
        ("Richard C. Bush", {"family": "Bush", "given": "Richard C."}),
        ("Hsieh, J. F.", {"family": "Hsieh", "given": "J. F."}),
        ("Lin Cho-shui", {"family": "Lin", "given": "Cho-shui"}),
        ("Yimou Lee", {"family": "Lee", "given": "Yimou"}),
        ("Cortez A. Cooper III", {"family": "Cooper", "given": "Cortez A.", "suffix": "III"}),
        ("Ludwig van Beethoven", {"family": "van Beethoven", "given": "Ludwig"}),
        (
            "Ministry of National Defense, Republic of China",
            {"literal": "Ministry of National Defense, Republic of China"},
        ),
        ("KMT", {"literal": "KMT"}),
        ("國防部", {"literal": "國防部"}),
        ("王信賢", {"literal": "王信賢"}),
    ],
)
def test_names(name: str, expected: dict[str, str]) -> None:
    item = citation_to_csl(Citation(CitationKind.BOOK, authors=(name,)), "x")
    assert item is not None
    assert item["author"] == [expected]


def test_dates() -> None:
    def issued(citation: Citation) -> Any:
        item = citation_to_csl(citation, "x")
        assert item is not None
        return item.get("issued")

    assert issued(Citation(CitationKind.BOOK, year=1999)) == {"date-parts": [[1999]]}
    assert issued(Citation(CitationKind.BOOK, year=2021, date="2021-03")) == {"date-parts": [[2021, 3]]}
    assert issued(Citation(CitationKind.BOOK, year=2021, date="2021-03-05")) == {"date-parts": [[2021, 3, 5]]}
    assert issued(Citation(CitationKind.BOOK)) is None


def test_every_corpus_citation_exports_to_valid_csl() -> None:
    """Every hand-written case that is a reference exports; the fields carry over one for one."""
    exported = 0
    for case in CASES:
        citation = BENCH.parse_case(case)
        assert citation is not None
        item = citation_to_csl(citation, case["id"])
        if citation.kind is CitationKind.NOTE:
            assert item is None
            continue
        assert item is not None
        jsonschema.validate([item], CSL_SCHEMA)
        assert item.get("title") == citation.title
        assert item.get("container-title") == citation.container
        assert item.get("URL") == citation.url
        assert len(item.get("author", [])) == len(citation.authors)
        if item.get("title") and any("\u4e00" <= char <= "\u9fff" for char in item["title"]):
            assert item["language"] == "zh"
        exported += 1
    assert exported >= 45
