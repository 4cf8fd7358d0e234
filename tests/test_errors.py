"""ParseError and InternalError: positions, pickling, and how a parser bug surfaces."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

import gtbparse
from gtbparse import _pipeline
from gtbparse.errors import InternalError, ParseError


def test_parse_error_names_line_and_column() -> None:
    with pytest.raises(ParseError) as caught:
        gtbparse.parse("\n\n   \n")
    assert caught.value.line == 1
    assert "(at line 1, column 1)" in str(caught.value)


def test_parse_error_survives_pickling() -> None:
    error = ParseError("no article found", pos=12, line=3, column=4)
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is ParseError
    assert (again.problem, again.pos, again.line, again.column) == ("no article found", 12, 3, 4)
    assert str(again) == str(error)


def test_a_bug_in_a_stage_is_an_internal_error(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("boom")

    monkeypatch.setattr(_pipeline, "segment", broken)
    with pytest.raises(InternalError, match="IndexError: boom") as caught:
        gtbparse.parse("A Title\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\nText.")
    assert isinstance(caught.value, ParseError)  # callers that handle bad input handle this too
    assert isinstance(caught.value.__cause__, IndexError)


def test_batch_marks_an_internal_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from gtbparse.batch import parse_one

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("boom")

    monkeypatch.setattr(_pipeline, "segment", broken)
    path = tmp_path / "issue.txt"
    path.write_text("A Title\n\nBy: Ann Example\n\nAnn Example is a fellow.\n\nText.", encoding="utf-8")
    result = parse_one(str(path))
    assert result.error_code == "internal-error"
    assert result.error is not None
    assert "please report it" in result.error
