"""The shipped JSON Schema describes ``to_dict`` output exactly, and that output is deterministic."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import gtbparse
from gtbparse import model
from gtbparse.schema import json_schema

# Each object definition of the schema and the model class it describes.
_DEFINITIONS = {
    "link": model.Link,
    "emphasis": model.Emphasis,
    "footnoteRef": model.FootnoteRef,
    "gloss": model.Gloss,
    "paragraph": model.Paragraph,
    "citation": model.Citation,
    "footnote": model.Footnote,
    "section": model.Section,
    "author": model.Author,
    "article": model.Article,
    "contentsEntry": model.ContentsEntry,
    "masthead": model.Masthead,
}


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = json_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_schema_is_draft_2020_12_and_tagged() -> None:
    schema = json_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["properties"]["schema"]["const"] == gtbparse.SCHEMA


def test_each_call_returns_a_fresh_copy() -> None:
    first = json_schema()
    first["title"] = "changed"
    assert json_schema()["title"] != "changed"


def test_schema_fields_match_the_model() -> None:
    """A field added to the model without the schema (or the reverse) fails here."""
    schema = json_schema()
    issue_fields = {field.name for field in attrs.fields(model.Issue)}
    assert set(schema["properties"]) == issue_fields | {"schema"}
    assert set(schema["required"]) == set(schema["properties"])
    for name, cls in _DEFINITIONS.items():
        definition = schema["$defs"][name]
        fields = {field.name for field in attrs.fields(cls)}
        assert set(definition["properties"]) == fields, name
        assert set(definition["required"]) == fields, name
        assert definition["additionalProperties"] is False


def _described(node: Any, path: str, missing: list[str]) -> None:
    if isinstance(node, dict):
        for name, sub in node.get("properties", {}).items():
            if "description" not in sub:
                missing.append(f"{path}.{name}")
        for key, value in node.items():
            _described(value, f"{path}.{key}", missing)
    elif isinstance(node, list):
        for index, value in enumerate(node):
            _described(value, f"{path}[{index}]", missing)


def test_every_field_is_described() -> None:
    schema = json_schema()
    missing: list[str] = []
    _described(schema, "$", missing)
    assert missing == []
    assert all(definition.get("description") for definition in schema["$defs"].values())


def test_seed_output_validates(validator: jsonschema.Draft202012Validator, seed_issue: gtbparse.Issue) -> None:
    data = gtbparse.to_dict(seed_issue)
    errors = [error.message for error in validator.iter_errors(data)]
    assert errors == []
    # Through a JSON text too, as a consumer would see it.
    assert validator.is_valid(json.loads(json.dumps(data, ensure_ascii=False)))


@pytest.mark.parametrize(
    "path", sorted((Path(__file__).resolve().parent / "corpus" / "blind").glob("blind_*.txt")), ids=lambda p: p.stem
)
def test_blind_issues_validate(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [error.message for error in validator.iter_errors(gtbparse.to_dict(gtbparse.parse_file(path)))]
    assert errors == []


def _hand_built_issues() -> list[gtbparse.Issue]:
    gloss = gtbparse.Gloss(
        "Military Intelligence Bureau",
        "軍情局",
        abbreviation="MIB",
        aliases=("the Bureau",),
        script=gtbparse.Script.TRADITIONAL,
        note="est. 1985",
        at=(0, 36),
    )
    paragraph = gtbparse.Paragraph(
        "Military Intelligence Bureau (MIB, 軍情局) said so.",
        kind=gtbparse.ParagraphKind.BLOCKQUOTE,
        links=(gtbparse.Link("said", None, at=(38, 42)), gtbparse.Link("so", "https://example.org/", at=(43, 45))),
        emphasis=(gtbparse.Emphasis("so", strong=True, at=(43, 45)),),
        footnote_refs=(gtbparse.FootnoteRef(3, at=(46, 46)),),
        glosses=(gloss,),
    )
    citation = gtbparse.Citation(
        gtbparse.CitationKind.BOOK, authors=("A. Author",), title="A Book", publisher="Press", year=2001, pages="1-2"
    )
    note = gtbparse.Footnote(3, "A. Author, A Book (Press, 2001), 1-2.", citation=citation)
    item = gtbparse.Article("An item", sections=(gtbparse.Section(None, (paragraph,)),), main_point=paragraph)
    return [
        gtbparse.Issue(),
        gtbparse.Issue(
            volume=1,
            number=2,
            year=2024,
            month=5,
            url="https://example.org/issue",
            publisher="Someone",
            masthead=gtbparse.Masthead(editors=(("Editor", "A. Person"),), email="a@example.org"),
            contents=(gtbparse.ContentsEntry("A title", ("A. Author",)),),
            articles=(
                gtbparse.Article(
                    "A title",
                    authors=(gtbparse.Author("Lt. Gen. A. Author", bio="A bio.", honorific="Lt. Gen."),),
                    sections=(gtbparse.Section("Heading", (paragraph,)),),
                    footnotes=(note,),
                ),
                gtbparse.Article("A column", items=(item,)),
            ),
            source_name="issue.txt",
            layout="web",
        ),
    ]


@pytest.mark.parametrize("issue", _hand_built_issues(), ids=["empty", "full"])
def test_hand_built_issues_validate(validator: jsonschema.Draft202012Validator, issue: gtbparse.Issue) -> None:
    data = gtbparse.to_dict(issue)
    assert [error.message for error in validator.iter_errors(data)] == []
    assert gtbparse.from_dict(data) == issue


def test_schema_rejects_what_to_dict_never_writes(
    validator: jsonschema.Draft202012Validator, seed_issue: gtbparse.Issue
) -> None:
    good = gtbparse.to_dict(seed_issue)

    def mutated(change: Any) -> dict[str, Any]:
        data: dict[str, Any] = json.loads(json.dumps(good))
        change(data)
        return data

    paragraph_path = ("articles", 1, "sections", 0, "paragraphs", 0)

    def paragraph(data: dict[str, Any]) -> dict[str, Any]:
        node: Any = data
        for key in paragraph_path:
            node = node[key]
        result: dict[str, Any] = node
        return result

    bad = [
        mutated(lambda data: data.update(schema="gtbparse/2")),
        mutated(lambda data: data.pop("articles")),
        mutated(lambda data: data.update(month=13)),
        mutated(lambda data: data.update(extra=True)),
        mutated(lambda data: paragraph(data).update(kind="footnote")),
        mutated(lambda data: paragraph(data).update(span=[1])),
        mutated(lambda data: data["masthead"]["editors"].append(["Editor only"])),
    ]
    assert [validator.is_valid(data) for data in bad] == [False] * len(bad)


# -- generated issues ------------------------------------------------------------------------------

_spans = st.tuples(st.integers(0, 10**6), st.integers(0, 10**6)).map(lambda pair: (min(pair), max(pair)))
_text = st.text(max_size=20)
_optional_text = st.none() | _text
_links = st.builds(gtbparse.Link, _text, _optional_text, at=_spans, span=_spans)
_emphasis = st.builds(gtbparse.Emphasis, _text, st.booleans(), at=_spans, span=_spans)
_refs = st.builds(gtbparse.FootnoteRef, st.integers(1, 200), at=_spans, span=_spans)
_glosses = st.builds(
    gtbparse.Gloss,
    _text,
    _text,
    abbreviation=_optional_text,
    aliases=st.lists(_text, max_size=2).map(tuple),
    script=st.sampled_from(gtbparse.Script),
    note=_optional_text,
    at=_spans,
    span=_spans,
)


def _tuples(strategy: st.SearchStrategy[Any], size: int = 3) -> st.SearchStrategy[tuple[Any, ...]]:
    return st.lists(strategy, max_size=size).map(tuple)


_paragraphs = st.builds(
    gtbparse.Paragraph,
    _text,
    st.sampled_from(gtbparse.ParagraphKind),
    links=_tuples(_links),
    emphasis=_tuples(_emphasis),
    footnote_refs=_tuples(_refs),
    glosses=_tuples(_glosses),
    span=_spans,
)
_citations = st.builds(
    gtbparse.Citation,
    st.sampled_from(gtbparse.CitationKind),
    authors=_tuples(_text),
    title=_optional_text,
    year=st.none() | st.integers(1800, 2100),
    url=_optional_text,
)
_footnotes = st.builds(
    gtbparse.Footnote,
    st.integers(1, 200),
    _text,
    links=_tuples(_links),
    emphasis=_tuples(_emphasis),
    glosses=_tuples(_glosses),
    citation=st.none() | _citations,
    span=_spans,
)
_sections = st.builds(gtbparse.Section, _optional_text, _tuples(_paragraphs), span=_spans)
_authors = st.builds(
    gtbparse.Author, _text, bio=_optional_text, honorific=_optional_text, nickname=_optional_text, span=_spans
)
_items = st.builds(
    gtbparse.Article,
    _text,
    sections=_tuples(_sections, 2),
    main_point=st.none() | _paragraphs,
    footnotes=_tuples(_footnotes, 2),
    span=_spans,
)
_articles = st.builds(
    gtbparse.Article,
    _text,
    authors=_tuples(_authors, 2),
    sections=_tuples(_sections, 2),
    main_point=st.none() | _paragraphs,
    footnotes=_tuples(_footnotes, 2),
    items=_tuples(_items, 2),
    span=_spans,
)
_mastheads = st.builds(
    gtbparse.Masthead,
    editors=_tuples(st.tuples(_text, _text)),
    address=_optional_text,
    email=_optional_text,
    subscribe_url=_optional_text,
    copyright=_optional_text,
    span=_spans,
)
issues = st.builds(
    gtbparse.Issue,
    volume=st.none() | st.integers(0, 99),
    number=st.none() | st.integers(0, 99),
    year=st.none() | st.integers(1990, 2100),
    month=st.none() | st.integers(1, 12),
    url=_optional_text,
    publisher=_optional_text,
    masthead=st.none() | _mastheads,
    contents=_tuples(st.builds(gtbparse.ContentsEntry, _text, _tuples(_text), span=_spans)),
    articles=_tuples(_articles, 2),
    source_name=_optional_text,
    layout=st.sampled_from(["gtb-issue", "web"]),
    span=_spans,
)


@given(issues)
def test_generated_issues_validate_and_serialise_deterministically(issue: gtbparse.Issue) -> None:
    data = gtbparse.to_dict(issue)
    validator = jsonschema.Draft202012Validator(json_schema())
    assert [error.message for error in validator.iter_errors(data)] == []
    text = json.dumps(data, ensure_ascii=False)
    assert json.dumps(gtbparse.to_dict(issue), ensure_ascii=False) == text
    assert json.dumps(gtbparse.to_dict(gtbparse.from_dict(json.loads(text))), ensure_ascii=False) == text


def test_seed_json_is_byte_identical_across_parses(seed_text: str) -> None:
    first = json.dumps(gtbparse.to_dict(gtbparse.parse(seed_text)), ensure_ascii=False, indent=2)
    second = json.dumps(gtbparse.to_dict(gtbparse.parse(seed_text)), ensure_ascii=False, indent=2)
    assert first.encode("utf-8") == second.encode("utf-8")
