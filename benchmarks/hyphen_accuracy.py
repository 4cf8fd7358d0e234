"""Accuracy of gtbparse's end-of-column hyphen decisions against three baselines, on the curated cases.

Run ``python benchmarks/hyphen_accuracy.py`` (``--failures`` lists gtbparse's wrong cases,
``--no-lexicon`` runs gtbparse as if pyspellchecker were not installed, ``--timing`` measures the
lexicon's load time and the cost of one decision, ``--cases PATH`` scores another list: ``--holdout``
is short for the held-out list ``tests/corpus/hyphen_holdout.tsv``).

The held-out list was written by someone who had not read the decision code or its tables, and
shares no (left, right) pair with the curated list, so it estimates accuracy on unseen text. Both
lists report the figure with and without their ``ambiguous`` cases (whose answer is a house-style
guess).

Each case of ``tests/corpus/hyphen_cases.tsv`` gives a context with the column break marked by ``|``
right after the break character (``asym-|metric``), and the right answer: ``keep`` the character or
``drop`` it. The text before the ``|`` and the text after it stand as two blocks of one small issue;
their words are the document's vocabulary. Every method sees the break only where the pipeline
would ask (a hyphen-minus between letters or digits): en and em dashes are never touched.

Baselines:

* ``drop-if-lowercase-follows``: drop the hyphen when a lower-case letter follows (what most PDF tools do);
* ``always-drop``: drop every hyphen at a break;
* ``keep-if-attested``: keep only when the hyphenated form occurs elsewhere in the document.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import attrs

from gtbparse._hyphen import Vocabulary, break_fragments, decide_hyphen
from gtbparse._lexicon import english_lexicon
from gtbparse.layout import DEFAULT_LAYOUT

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "hyphen_cases.tsv"
HOLDOUT = CORPUS.with_name("hyphen_holdout.tsv")
AMBIGUOUS = "ambiguous"
BREAK = "|"


@attrs.frozen
class Case:
    left: str
    mark: str
    right: str
    keep: bool
    category: str
    context: str

    @property
    def blocks(self) -> tuple[str, str]:
        before, after = self.context.split(BREAK)
        return before, after


def load_cases(path: Path = CORPUS) -> list[Case]:
    """The cases of a list (by default the curated one)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [
        Case(row["left"], row["break"], row["right"], row["answer"] == "keep", row["category"], row["context"])
        for row in rows
    ]


Method = Callable[[Case], bool]
"""Whether the break character of a case is kept."""


def _fragments(case: Case) -> tuple[tuple[str, str] | None, Vocabulary]:
    before, after = case.blocks
    return break_fragments(before, after), Vocabulary.from_texts([before, after])


def gtbparse_method(*, with_lexicon: bool = True) -> Method:
    def decide(case: Case) -> bool:
        fragments, vocabulary = _fragments(case)
        if fragments is None:
            return True
        if with_lexicon:
            return decide_hyphen(*fragments, vocabulary, DEFAULT_LAYOUT).keep
        return decide_hyphen(*fragments, vocabulary, DEFAULT_LAYOUT, lexicon=lambda: None).keep

    return decide


def drop_if_lowercase_follows(case: Case) -> bool:
    fragments, _ = _fragments(case)
    return fragments is None or not fragments[1][:1].islower()


def always_drop(case: Case) -> bool:
    fragments, _ = _fragments(case)
    return fragments is None


def keep_if_attested(case: Case) -> bool:
    fragments, vocabulary = _fragments(case)
    return fragments is None or vocabulary.count(f"{fragments[0]}-{fragments[1]}") > 0


def accuracy(method: Method, cases: list[Case]) -> tuple[int, list[Case]]:
    """How many cases ``method`` gets right, and the ones it gets wrong."""
    wrong = [case for case in cases if method(case) != case.keep]
    return len(cases) - len(wrong), wrong


def _timing(cases: list[Case]) -> None:
    english_lexicon.cache_clear()
    start = time.perf_counter()
    english_lexicon()
    print(f"lexicon load (pyspellchecker, first call): {1000 * (time.perf_counter() - start):.1f} ms")
    prepared = [(_fragments(case), case) for case in cases]
    decidable = [(fragments, vocabulary) for (fragments, vocabulary), _ in prepared if fragments is not None]
    rounds = 20
    start = time.perf_counter()
    for _ in range(rounds):
        for fragments, vocabulary in decidable:
            decide_hyphen(*fragments, vocabulary, DEFAULT_LAYOUT)
    per_call = (time.perf_counter() - start) / (rounds * len(decidable))
    print(f"decide_hyphen, lexicon loaded: {1e6 * per_call:.1f} µs per call over {len(decidable)} cases")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0] if __doc__ else None)
    parser.add_argument("--failures", action="store_true", help="list the cases gtbparse gets wrong")
    parser.add_argument("--no-lexicon", action="store_true", help="run gtbparse without the English lexicon")
    parser.add_argument("--timing", action="store_true", help="measure lexicon load time and per-call cost")
    parser.add_argument("--cases", type=Path, default=CORPUS, help="the list of cases to score (TSV)")
    parser.add_argument("--holdout", action="store_true", help="score the held-out list")
    args = parser.parse_args(argv)
    cases = load_cases(HOLDOUT if args.holdout else args.cases)
    clear = [case for case in cases if case.category != AMBIGUOUS]
    ours = gtbparse_method(with_lexicon=not args.no_lexicon)
    methods: list[tuple[str, Method]] = [
        ("gtbparse" + (" (no lexicon)" if args.no_lexicon else ""), ours),
        ("drop-if-lowercase-follows", drop_if_lowercase_follows),
        ("always-drop", always_drop),
        ("keep-if-attested", keep_if_attested),
    ]
    counts = Counter(case.category for case in cases)
    print(f"{len(cases)} cases: " + ", ".join(f"{name} {count}" for name, count in counts.most_common()))
    results = {}
    for name, method in methods:
        right, _ = accuracy(method, cases)
        right_clear, _ = accuracy(method, clear)
        results[name] = right
        print(
            f"{name:<28} {right:>4}/{len(cases)}  {100 * right / len(cases):6.2f} %"
            f"   without ambiguous {right_clear:>4}/{len(clear)}  {100 * right_clear / len(clear):6.2f} %"
        )
    if args.failures:
        _, wrong = accuracy(ours, cases)
        for case in sorted(wrong, key=lambda case: case.category):
            expected = "keep" if case.keep else "drop"
            print(f"  wrong ({case.category}, expected {expected}): {case.context}")
    if args.timing:
        _timing(cases)
    ours_right = results[methods[0][0]]
    return 0 if all(ours_right > right for name, right in results.items() if name != methods[0][0]) else 1


if __name__ == "__main__":
    sys.exit(main())
