"""to_dict / from_dict: plain JSON types, a schema tag, and an exact round trip."""

from __future__ import annotations

import json

import attrs
import pytest

import gtbparse
from gtbparse import Article, Issue, Paragraph, ParagraphKind, Section


def test_round_trip_of_the_seed_is_exact(seed_issue: Issue) -> None:
    data = gtbparse.to_dict(seed_issue)
    again = gtbparse.from_dict(data)
    assert again == seed_issue
    assert gtbparse.to_dict(again) == data  # spans survive too, though equality ignores them


def test_dict_is_plain_json_with_a_schema_tag(seed_issue: Issue) -> None:
    data = gtbparse.to_dict(seed_issue)
    assert data["schema"] == gtbparse.SCHEMA == "gtbparse/1"
    assert json.loads(json.dumps(data)) == data


def test_enums_become_their_values(seed_issue: Issue) -> None:
    data = gtbparse.to_dict(seed_issue)
    kinds = {
        p["kind"] for a in data["articles"] for u in (a["items"] or [a]) for s in u["sections"] for p in s["paragraphs"]
    }
    assert kinds == {"body", "blockquote", "caption"}


def test_from_dict_rejects_another_schema() -> None:
    with pytest.raises(ValueError, match="gtbparse/1"):
        gtbparse.from_dict({"schema": "something/2"})


def test_equality_ignores_offsets_but_not_content() -> None:
    first = Paragraph("Same text.", span=(0, 10))
    moved = Paragraph("Same text.", span=(500, 510))
    other = Paragraph("Other text.", span=(0, 11))
    assert first == moved
    assert first != other
    assert Paragraph("Same text.", kind=ParagraphKind.BLOCKQUOTE) != first


def test_model_objects_are_frozen_and_slotted() -> None:
    section = Section("Heading", (Paragraph("Text."),))
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        section.heading = "Other"  # type: ignore[misc]
    assert not hasattr(section, "__dict__")


def test_a_hand_built_issue_round_trips() -> None:
    issue = Issue(
        volume=1,
        articles=(Article("Title", sections=(Section(None, (Paragraph("One."),)),)),),
        source_name="hand-built",
    )
    assert gtbparse.from_dict(gtbparse.to_dict(issue)) == issue
