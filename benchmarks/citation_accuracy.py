"""Per-field accuracy of the citation parser over the hand-written footnote corpus.

Run ``python benchmarks/citation_accuracy.py`` (add ``--json`` for machine-readable output,
``--failures`` to list every wrong field).

Each case of ``tests/corpus/footnote_cases.json`` gives a footnote as the rendition
prints it (``*italics*`` included) and the citation fields expected from it. A field is
scored over the cases where it is expected or produced (a field that is absent in both
says nothing about the parser), so ``url 12/12`` means twelve cases where a URL was
expected or returned, all right. ``kind`` is scored over every case; the other fields
of a case expected to be a note are not scored. ``--split holdout`` scores only the cases
written after the parser (see the corpus description).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gtbparse._citations import parse_citation
from gtbparse._inline import parse_inline
from gtbparse._text import TextBuilder
from gtbparse.model import Citation, Emphasis

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "footnote_cases.json"
FIELDS = ("kind", "authors", "title", "container", "publisher", "place", "year", "date", "volume", "pages", "url")


def load_cases(path: Path = CORPUS) -> list[dict[str, Any]]:
    """The corpus cases."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def clean(markup: str) -> tuple[str, tuple[Emphasis, ...]]:
    """A footnote's clean text and emphasis spans, as the pipeline's inline stage gives them."""
    builder = TextBuilder()
    builder.copy(markup, 0)
    raw, mapping = builder.build()
    inline = parse_inline(raw, mapping)
    return inline.text, inline.emphasis


def parse_case(case: dict[str, Any]) -> Citation | None:
    """Parse the footnote of one corpus case."""
    return parse_citation(*clean(case["markup"]))


def as_fields(citation: Citation | None) -> dict[str, Any]:
    """A citation as the corpus writes its expectations."""
    if citation is None:
        return dict.fromkeys(FIELDS) | {"authors": []}
    values: dict[str, Any] = {field: getattr(citation, field) for field in FIELDS}
    values["kind"] = str(citation.kind)
    values["authors"] = list(citation.authors)
    return values


def evaluate(cases: list[dict[str, Any]]) -> tuple[dict[str, tuple[int, int]], list[tuple[str, str, Any, Any]]]:
    """``{field: (right, scored)}`` and the failures as ``(case id, field, expected, got)``."""
    scores = {field: [0, 0] for field in FIELDS}
    failures: list[tuple[str, str, Any, Any]] = []
    for case in cases:
        expected = case["expected"]
        got = as_fields(parse_case(case))
        for field in FIELDS:
            if field != "kind" and expected["kind"] == "note":
                continue
            empty = expected[field] in (None, []) and got[field] in (None, [])
            if empty and field != "kind":
                continue
            scores[field][1] += 1
            if got[field] == expected[field]:
                scores[field][0] += 1
            else:
                failures.append((case["id"], field, expected[field], got[field]))
    return {field: (right, total) for field, (right, total) in scores.items()}, failures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the scores as JSON")
    parser.add_argument("--failures", action="store_true", help="list every wrong field")
    parser.add_argument("--split", choices=("tuning", "holdout"), help="score only the cases of one split")
    args = parser.parse_args(argv)
    cases = [case for case in load_cases() if args.split in (None, case["split"])]
    scores, failures = evaluate(cases)
    exact = len(cases) - len({case_id for case_id, *_ in failures})
    if args.json:
        out = {field: {"right": right, "scored": total} for field, (right, total) in scores.items()}
        print(json.dumps({"cases": len(cases), "exact": exact, "fields": out}, indent=2))
    else:
        print(f"{len(cases)} footnotes, {exact} with every field right")
        for field, (right, total) in scores.items():
            share = right / total if total else 1.0
            print(f"  {field:<10} {right:>3}/{total:<3} {share:6.1%}")
    if args.failures:
        for case_id, field, expected, got in failures:
            print(f"{case_id}: {field}: expected {expected!r}, got {got!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
