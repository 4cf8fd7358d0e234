"""Per-field accuracy of gloss extraction over the hand-written gloss corpora.

Run ``python benchmarks/gloss_accuracy.py`` (``--corpus cases`` for ``gloss_cases.json``, which was written
with the code; the default ``holdout`` is ``gloss_holdout.json``, written apart from it; ``--split`` keeps the
holdout cases of one batch, ``before-reading-the-code`` or ``after-first-fixes``; ``--json`` for
machine-readable output; ``--failures`` to list every wrong case).

Expected and found glosses are paired by their characters, in order. A field (``term``, ``abbreviation``,
``aliases``, ``note``, ``script``) is scored over the expected glosses that were found; ``found`` counts the
expected glosses found at all, ``spurious`` the glosses found that no case expects. A case is *fully right*
when the glosses found equal the expected ones, field for field, and nothing else is found.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from gtbparse._glosses import find_glosses
from gtbparse.model import Gloss, Link

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus"
CORPORA = {"holdout": CORPUS / "gloss_holdout.json", "cases": CORPUS / "gloss_cases.json"}
FIELDS = ("term", "abbreviation", "aliases", "note", "script")


def load_cases(path: Path) -> list[dict[str, Any]]:
    """The cases of a gloss corpus."""
    cases: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))["cases"]
    return cases


def run_case(case: dict[str, Any]) -> tuple[Gloss, ...]:
    """The glosses found in one case's text, with its link anchors located by text."""
    text: str = case["text"]
    links = []
    for anchor in case.get("links", []):
        start = text.index(anchor)
        links.append(Link(anchor, None, at=(start, start + len(anchor))))
    return find_glosses(text, links)


def as_fields(gloss: Gloss) -> dict[str, Any]:
    """A gloss as the corpora write their expectations."""
    return {
        "term": gloss.term,
        "hanzi": gloss.hanzi,
        "abbreviation": gloss.abbreviation,
        "aliases": list(gloss.aliases),
        "note": gloss.note,
        "script": str(gloss.script),
    }


def expected_fields(item: dict[str, Any]) -> dict[str, Any]:
    """An expected gloss with the omitted fields at their defaults."""
    return {
        "term": item["term"],
        "hanzi": item["hanzi"],
        "abbreviation": item.get("abbreviation"),
        "aliases": list(item.get("aliases", [])),
        "note": item.get("note"),
        "script": item["script"],
    }


def evaluate(cases: list[dict[str, Any]]) -> dict[str, Any]:
    """Scores per field, glosses found and spurious, cases fully right, and the failing cases."""
    right = dict.fromkeys(FIELDS, 0)
    expected_total = found_total = spurious = fully_right = 0
    failures: list[dict[str, Any]] = []
    for case in cases:
        expected = [expected_fields(item) for item in case["glosses"]]
        got = [as_fields(gloss) for gloss in run_case(case)]
        expected_total += len(expected)
        unmatched = list(got)
        for item in expected:
            partner = next((candidate for candidate in unmatched if candidate["hanzi"] == item["hanzi"]), None)
            if partner is None:
                continue
            unmatched.remove(partner)
            found_total += 1
            for field in FIELDS:
                right[field] += partner[field] == item[field]
        spurious += len(unmatched)
        if got == expected:
            fully_right += 1
        else:
            failures.append({"name": case["name"], "text": case["text"], "expected": expected, "got": got})
    return {
        "cases": len(cases),
        "fully_right": fully_right,
        "glosses": expected_total,
        "found": found_total,
        "spurious": spurious,
        "fields": {field: [right[field], found_total] for field in FIELDS},
        "failures": failures,
    }


def score(path: Path) -> float:
    """The share of a corpus's cases that are fully right."""
    result = evaluate(load_cases(path))
    return float(result["fully_right"]) / float(result["cases"])


def _describe(gloss: dict[str, Any]) -> str:
    extras = [f"{field}={gloss[field]!r}" for field in ("abbreviation", "aliases", "note") if gloss[field]]
    return " ".join([repr(gloss["term"]), gloss["hanzi"], gloss["script"], *extras])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="holdout")
    parser.add_argument("--split", help="score only the cases whose 'written' field has this value")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--failures", action="store_true", help="list every case that is not fully right")
    args = parser.parse_args(argv)
    cases = load_cases(CORPORA[args.corpus])
    if args.split:
        cases = [case for case in cases if case.get("written") == args.split]
    result = evaluate(cases)
    if args.json:
        json.dump(result if args.failures else {k: v for k, v in result.items() if k != "failures"}, sys.stdout)
        print()
        return 0
    label = f"{args.corpus} ({args.split})" if args.split else args.corpus
    print(f"corpus {label}: {result['cases']} cases, {result['glosses']} expected glosses")
    print(f"  fully right  {result['fully_right']}/{result['cases']}")
    print(f"  found        {result['found']}/{result['glosses']}   spurious {result['spurious']}")
    for field, (good, total) in result["fields"].items():
        print(f"  {field:<12} {good}/{total}")
    if args.failures:
        for failure in result["failures"]:
            print(f"\n- {failure['name']}\n  {failure['text']}")
            for item in failure["expected"]:
                print(f"    want {_describe(item)}")
            for item in failure["got"]:
                print(f"    got  {_describe(item)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
