"""Totality: for any text, ``parse`` returns an Issue or raises ParseError — and loses nothing.

Inputs are arbitrary text, text made of layout-shaped lines, and mutations of the seed (lines
deleted, duplicated, swapped, truncated anywhere, CRLF line ends, a BOM, NUL and other control
characters). The last-resort guard in the pipeline turns any internal exception into
``ParseError("internal error: …")``; these tests fail on such an error, so bugs stay visible.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import gtbparse
from gtbparse.testing import unaccounted

SEED_TEXT = (Path(__file__).resolve().parent.parent / "seeds" / "000_109018197d74fce2.txt").read_text(encoding="utf-8")
SEED_LINES = SEED_TEXT.split("\n")

_CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\ufffd", "\u200b", "\r"])
_SHAPED_LINES = st.sampled_from(
    [
        "",
        "",
        "By: Jane Chen",
        "By: Alice Wang and Bob Lee",
        "By:",
        "The main point: Taiwan matters.",
        "The main point:",
        "[1] A footnote.",
        "[2]",
        "(Chart courtesy of [Source](#))",
        "Fortnightly Review",
        "Editor-in-Chief",
        "© 2020 · Global Taiwan Institute",
        "The Global Taiwan Brief is a bi-weekly publication.",
        "12",
        "Global Taiwan Brief Vol. 5, Issue 23",
        "A Heading Without Punctuation",
        "a sentence that continues",
        "asym-",
        "(迅",
        "雷-2020).",
        "[link](#) and *emphasis* and **strong** and \\$5.",
        "[unclosed link](",
        "*unclosed emphasis",
        "“A quotation.”",
        "Someone said:",
        "Jane Chen is a fellow.",
    ]
)


def parse_or_error(text: str) -> gtbparse.Explained | None:
    """Parse ``text``; a ParseError is a fine answer, but never an internal error or another exception."""
    failure: gtbparse.ParseError | None = None
    try:
        return gtbparse.parse_and_explain(text)
    except gtbparse.ParseError as error:
        failure = error
    assert not failure.problem.startswith("internal error"), failure.__cause__
    assert 1 <= failure.line <= text.count("\n") + 1
    assert failure.column >= 1
    return None


def assert_total(text: str) -> None:
    explained = parse_or_error(text)
    if explained is not None:
        assert isinstance(explained.issue, gtbparse.Issue)
        lost = [
            f"{start}: {text[max(0, start - 30) : start]!r} >> {text[start:end]!r}"
            for start, end in unaccounted(explained, text)
        ]
        assert lost == [], "\n".join(lost[:10])
        for edit in explained.edits:
            assert text[edit.span[0] : edit.span[1]] == edit.original


@given(st.text(max_size=3000))
def test_arbitrary_text(text: str) -> None:
    assert_total(text)


@given(st.lists(st.one_of(_SHAPED_LINES, st.text(max_size=40)), max_size=120).map("\n".join))
def test_text_made_of_layout_shaped_lines(text: str) -> None:
    assert_total(text)


@st.composite
def seed_mutations(draw: st.DrawFn) -> str:
    """The seed with one to four mutations applied, line-wise or character-wise."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        operation = draw(
            st.sampled_from(["delete", "duplicate", "swap", "truncate", "crlf", "bom", "control", "blank", "join"])
        )
        if not lines:
            break
        index = draw(st.integers(0, len(lines) - 1))
        if operation == "delete":
            count = draw(st.integers(1, 8))
            del lines[index : index + count]
        elif operation == "duplicate":
            count = draw(st.integers(1, 8))
            lines[index:index] = lines[index : index + count]
        elif operation == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif operation == "truncate":
            text = "\n".join(lines)
            lines = text[: draw(st.integers(0, len(text)))].split("\n")
        elif operation == "crlf":
            lines = [line + "\r" for line in lines]
        elif operation == "bom":
            lines[0] = "\ufeff" + lines[0]
        elif operation == "control":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index] = line[:at] + draw(_CONTROL) + line[at:]
        elif operation == "blank":
            line = lines[index]
            at = draw(st.integers(0, len(line)))
            lines[index : index + 1] = [line[:at], "", line[at:]]
        else:
            lines[index : index + 2] = [" ".join(lines[index : index + 2])]
    return "\n".join(lines)


@given(seed_mutations())
def test_mutations_of_the_seed(text: str) -> None:
    assert_total(text)


@pytest.mark.parametrize("fraction", [0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 1.0])
def test_seed_truncated(fraction: float) -> None:
    assert_total(SEED_TEXT[: int(len(SEED_TEXT) * fraction)])


def test_the_seed_loses_nothing(seed_text: str) -> None:
    explained = gtbparse.parse_and_explain(seed_text)
    assert unaccounted(explained, seed_text) == ()
    assert explained.unplaced == ()


def test_the_guard_turns_an_internal_failure_into_a_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from gtbparse import _pipeline

    def broken(*args: object, **kwargs: object) -> None:
        raise IndexError("a bug")

    monkeypatch.setattr(_pipeline, "segment", broken)
    with pytest.raises(gtbparse.ParseError, match="internal error: IndexError: a bug") as caught:
        gtbparse.parse(SEED_TEXT)
    assert isinstance(caught.value.__cause__, IndexError)


def test_a_line_of_an_information_separator_is_whitespace_as_python_has_it() -> None:
    # Found by test_text_made_of_layout_shaped_lines: U+001F is whitespace to str.strip (so the line is blank
    # to the parser) but not to Unicode's White_Space; the accounting now agrees with the parser.
    assert_total("By: Alice Wang and Bob Lee\n\x1f")
    assert_total("By: Alice Wang and Bob Lee\n\nA paragraph\x1c with a separator inside.\x1d")
