"""The documentation: the site builds in strict mode, and every example on it gives the output it shows."""

from __future__ import annotations

import doctest
import importlib.util
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
import regex

import gtbparse
import gtbparse.model

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
PAGES = sorted(DOCS.glob("*.md"))
SEED = ROOT / "seeds" / "000_109018197d74fce2.txt"
# A ```pycon fence and its body; the body is run as a doctest.
_PYCON = regex.compile(r"^```pycon[ \t]*\n(?P<body>(?:(?!```)[^\n]*\n){0,500})```[ \t]*$", regex.MULTILINE)
_FLAGS = doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE


def _examples_only(text: str) -> str:
    """``text`` with everything but the bodies of ```pycon fences blanked, so doctest line numbers match the page."""
    kept = ["" for _ in text.split("\n")]
    for fence in _PYCON.finditer(text):
        first_line = text.count("\n", 0, fence.start("body"))
        for offset, line in enumerate(fence.group("body").split("\n")[:-1]):
            kept[first_line + offset] = line
    return "\n".join(kept)


def test_the_required_pages_exist() -> None:
    names = {page.name for page in PAGES}
    required = {
        "index.md",
        "architecture.md",
        "quirks.md",
        "model.md",
        "repairs.md",
        "diagnostics.md",
        "cli.md",
        "performance.md",
        "contributing.md",
        "layouts.md",
        "api.md",
    }
    assert required <= names, f"missing pages: {sorted(required - names)}"


def test_examples_blanking_keeps_line_numbers() -> None:
    page = "text\n```pycon\n>>> 1 + 1\n2\n```\nmore\n"
    assert _examples_only(page).split("\n") == ["", "", ">>> 1 + 1", "2", "", "", ""]


@pytest.mark.parametrize("page", [page for page in PAGES if "```pycon" in page.read_text(encoding="utf-8")], ids=str)
def test_page_examples_give_the_output_shown(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every ```pycon block of a page runs, top to bottom in one namespace, from the repository root."""
    monkeypatch.chdir(ROOT)
    text = _examples_only(page.read_text(encoding="utf-8"))
    test = doctest.DocTestParser().get_doctest(text, {}, page.name, str(page), 0)
    assert test.examples, f"{page.name} has pycon blocks but no examples"
    runner = doctest.DocTestRunner(optionflags=_FLAGS)
    failures: list[str] = []
    runner.run(test, out=failures.append)
    assert runner.failures == 0, "".join(failures)


_RULE_CALL = regex.compile(r"\b(?:Edit|_Decision|HyphenDecision)\(")
_RULE_ARGUMENT = regex.compile(r'"(?P<literal>[a-z]{2,20}(?:-[a-z]{1,20}){0,4})"|\b(?P<constant>[A-Z][A-Z_]{1,40})\b')
_STRING_CONSTANT = regex.compile(
    r'(?m)^(?P<name>[A-Z][A-Z_]{1,40})\s?=\s?"(?P<value>[a-z]{2,20}(?:-[a-z]{1,20}){0,4})"$'
)
_DIAGNOSTIC_CODE = regex.compile(r'diagnose\(\s{0,40}"([a-z]{1,20}(?:-[a-z]{1,20}){0,4})"')


def _sources() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "src" / "gtbparse").rglob("*.py"))]


def _rule_names() -> set[str]:
    """The rule named in each ``Edit(``/``_Decision(``/``HyphenDecision(`` call: a literal or a string constant."""
    names = set()
    for text in _sources():
        constants = {found["name"]: found["value"] for found in _STRING_CONSTANT.finditer(text)}
        for call in _RULE_CALL.finditer(text):
            for argument in _RULE_ARGUMENT.finditer(text, call.end(), call.end() + 120):
                name = argument["literal"] or constants.get(argument["constant"])
                if name:
                    names.add(name)
                    break
    return names


def test_every_edit_rule_is_documented() -> None:
    seen = {edit.rule for edit in gtbparse.parse_and_explain(SEED.read_text(encoding="utf-8")).edits}
    rules = _rule_names() | seen
    assert {"join-column-break", "dehyphenate", "keep-hyphen", "unescape"} <= rules, rules
    page = (DOCS / "repairs.md").read_text(encoding="utf-8")
    assert not [rule for rule in sorted(rules) if f"| `{rule}` |" not in page]


def test_every_diagnostic_code_is_documented() -> None:
    codes = {code for text in _sources() for code in _DIAGNOSTIC_CODE.findall(text)}
    assert {"unplaced-text", "footnote-mark-unresolved"} <= codes, codes
    page = (DOCS / "diagnostics.md").read_text(encoding="utf-8")
    assert not [code for code in sorted(codes) if f"| `{code}` |" not in page]


def test_every_model_class_and_field_is_documented() -> None:
    page = (DOCS / "model.md").read_text(encoding="utf-8")
    classes = [
        value
        for value in vars(gtbparse.model).values()
        if isinstance(value, type) and attrs.has(value) and value.__module__ == "gtbparse.model"
    ]
    assert len(classes) >= 15
    undocumented = [cls.__name__ for cls in classes if f"{{class}}`~gtbparse.model.{cls.__name__}`" not in page]
    assert undocumented == []
    fields = [f"{cls.__name__}.{field.name}" for cls in classes for field in attrs.fields(cls)]
    assert [name for name in fields if f"`{name.split('.')[1]}`" not in page] == []


def test_quirk_examples_are_quoted_from_the_seed() -> None:
    """Every "before" block on the quirks page is the seed's own text (``…`` marks what was left out)."""
    seed = SEED.read_text(encoding="utf-8")
    page = (DOCS / "quirks.md").read_text(encoding="utf-8")
    blocks = regex.findall(r"(?ms)^```text\n(.*?)^```", page)
    assert len(blocks) >= 6
    fragments = [fragment.strip() for block in blocks for fragment in block.split("…") if fragment.strip()]
    assert [fragment for fragment in fragments if fragment not in seed] == []


@pytest.mark.slow
def test_the_site_builds_strictly(tmp_path: Path) -> None:
    """``sphinx -n -W``: a broken link, a missing reference or any warning fails the build."""
    if importlib.util.find_spec("sphinx") is None or importlib.util.find_spec("myst_parser") is None:
        pytest.skip("sphinx and myst-parser are not installed: pip install -e '.[docs]'")
    command = [sys.executable, "-m", "sphinx", "-n", "-W", "--keep-going", "-q", "-b", "html", str(DOCS), str(tmp_path)]
    result = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "index.html").is_file()
    assert (tmp_path / "api.html").read_text(encoding="utf-8").count("gtbparse.model.Issue") > 0
