"""Per-field accuracy of the whole parser on the blind, held-out issues.

Run ``python benchmarks/blind_accuracy.py`` (``--failures`` to list every mismatch, ``--json`` for
machine-readable output, ``--seed`` to score the seed issue against ``seed-gold.json`` as well).

Each ``tests/corpus/blind/blind_NN.txt`` was written in the style of the seed without looking at the parser,
and ``blind_NN.gold.json`` is its hand-made answer key (format of ``seed-gold.json``). The issues are parsed
with :func:`gtbparse.parse_and_explain` and only the public model is read.

Scoring, field by field (``correct / expected``):

- issue facts, masthead and contents: each expected value equal to the parsed one;
- articles and items are paired by title (then by position); authors by position within the article;
- paragraphs: an expected paragraph (body or block quote) counts when the same text is among the paragraphs
  of the paired unit; ``paragraphs (anywhere)`` counts it when it is anywhere in the issue;
- block quotes and captions: the text among the unit's paragraphs of that kind;
- joins: an expected break is *found* when a join edit (``join-column-break``, ``join-url``, ``join-cjk``,
  ``dehyphenate``, ``keep-hyphen``) starts on its line; its *kind* is scored over the found ones; ``hyphens`` scores the
  remove/keep decision at each end-of-column hyphen;
- furniture: an expected furniture block (masthead, page number, running head) is found when a piece of
  furniture covers its lines;
- glosses: paired by characters; ``found`` counts the expected glosses found, ``exact`` those with the same
  term, abbreviation and characters, ``script`` and ``note`` are scored over the found ones.

Spurious joins, furniture and glosses are counted in the ``spurious`` rows (lower is better), and so are text left
unplaced and diagnostics of warning or error severity (information notes such as ``bio-missing`` state facts).
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import gtbparse
from gtbparse.model import Article, Explained, Footnote, Issue, Paragraph, Severity

ROOT = Path(__file__).resolve().parent.parent
BLIND = ROOT / "tests" / "corpus" / "blind"
SEED = ROOT / "seeds" / "000_109018197d74fce2.txt"
SEED_GOLD = ROOT / "tests" / "corpus" / "seed-gold.json"

# The keys know four kinds of join; a web address rejoined with nothing between its halves is keyed as a plain
# join ("space"), as a closed em dash is.
JOIN_KINDS = {
    "join-column-break": "space",
    "join-url": "space",
    "join-cjk": "cjk",
    "dehyphenate": "dehyphenate",
    "keep-hyphen": "keep-hyphen",
}
FIELDS = (
    "issue facts",
    "masthead",
    "contents",
    "article count",
    "titles",
    "authors",
    "author honorific",
    "author nickname",
    "bios",
    "items",
    "headings",
    "paragraphs",
    "paragraphs (anywhere)",
    "blockquotes",
    "captions",
    "main points",
    "footnotes",
    "joins found",
    "join kinds",
    "hyphens",
    "furniture",
    "glosses found",
    "glosses exact",
    "gloss script",
    "gloss note",
)
SPURIOUS = ("spurious joins", "spurious furniture", "spurious glosses", "unplaced", "diagnostics")


class Score:
    """Counts and mismatches of one issue."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.counts: dict[str, list[int]] = {field: [0, 0] for field in FIELDS}
        self.extra: Counter[str] = Counter()
        self.failures: list[dict[str, Any]] = []

    def check(self, field: str, expected: Any, got: Any, where: str = "") -> bool:
        """Count one expected value; record a mismatch."""
        self.counts[field][1] += 1
        if expected == got:
            self.counts[field][0] += 1
            return True
        self.failures.append({"issue": self.name, "field": field, "where": where, "expected": expected, "got": got})
        return False


def kind_of(paragraph: Paragraph) -> str:
    """The paragraph kind as a plain string."""
    kind = paragraph.kind
    return str(getattr(kind, "value", kind))


def unit_paragraphs(unit: Article) -> list[Paragraph]:
    """Every paragraph of a unit's sections, captions included."""
    return [paragraph for section in unit.sections for paragraph in section.paragraphs]


def gold_units(article: dict[str, Any]) -> list[dict[str, Any]]:
    """The items of a gold article, or the article itself."""
    items: list[dict[str, Any]] = article.get("items") or [article]
    return items


def pair_by_title(expected: list[dict[str, Any]], found: tuple[Article, ...]) -> list[Article | None]:
    """For each expected unit, the parsed unit with its title (else the one at its position)."""
    by_title = {unit.title: unit for unit in found}
    paired: list[Article | None] = []
    for index, unit in enumerate(expected):
        match = by_title.get(unit["title"])
        if match is None and index < len(found) and found[index].title not in {u["title"] for u in expected}:
            match = found[index]
        paired.append(match)
    return paired


def closest(text: str, candidates: Iterable[str]) -> str | None:
    """The candidate most like ``text``, shown around the first difference."""
    best, best_ratio = None, 0.0
    for candidate in candidates:
        ratio = difflib.SequenceMatcher(None, text[:400], candidate[:400], autojunk=False).ratio()
        if ratio > best_ratio:
            best, best_ratio = candidate, ratio
    if best is None or best_ratio < 0.5:
        return None
    return best


def first_difference(expected: str, got: str, context: int = 40) -> str:
    """``expected`` and ``got`` around the first character where they differ."""
    at = next((i for i, (a, b) in enumerate(zip(expected, got, strict=False)) if a != b), min(len(expected), len(got)))
    start = max(0, at - context)
    return f"…{expected[start : at + context]!r} vs …{got[start : at + context]!r}"


def texts_with_glosses(issue: Issue) -> Iterator[Paragraph | Footnote]:
    """Every paragraph, main point and footnote of the issue."""
    for article in issue.articles:
        for unit in article.units():
            yield from unit_paragraphs(unit)
            if unit.main_point is not None:
                yield unit.main_point
            yield from unit.footnotes


def line_of(source: str, offset: int) -> int:
    """The 1-based line of an offset."""
    return source.count("\n", 0, offset) + 1


def score_facts(score: Score, gold: dict[str, Any], issue: Issue) -> None:
    """Issue facts, masthead and contents."""
    facts = gold["issue"]
    for key in ("volume", "number", "year", "month", "url", "publisher", "title"):
        if key in facts:
            score.check("issue facts", facts[key], getattr(issue, key), key)
    masthead = issue.masthead
    editors = dict(masthead.editors) if masthead else {}
    for role, name in facts.get("masthead", {}).items():
        score.check("masthead", name, editors.get(role), f"editor {role}")
    if masthead is not None and set(editors) - set(facts.get("masthead", {})):
        score.failures.append(
            {"issue": score.name, "field": "masthead", "where": "extra roles", "expected": None, "got": editors}
        )
    contact = facts.get("contact", {})
    found_contact = {
        "address": " ".join((masthead.address or "").split()) if masthead else None,
        "email": masthead.email if masthead else None,
        "subscribe": masthead.subscribe_url if masthead else None,
    }
    for key, value in contact.items():
        score.check("masthead", value, found_contact[key], key)
    if "copyright" in facts:
        score.check("masthead", facts["copyright"], masthead.copyright if masthead else None, "copyright")
    found = [(entry.title, list(entry.authors)) for entry in issue.contents]
    for index, entry in enumerate(facts.get("contents", [])):
        got = found[index] if index < len(found) else None
        score.check("contents", (entry["title"], entry["authors"]), got, f"entry {index + 1}")
    if len(found) > len(facts.get("contents", [])):
        extra = found[len(facts.get("contents", [])) :]
        score.failures.append(
            {"issue": score.name, "field": "contents", "where": "extra entries", "expected": None, "got": extra}
        )


def score_unit(score: Score, gold: dict[str, Any], unit: Article | None, issue: Issue, where: str) -> None:
    """Headings, paragraphs, quotes, captions, main point and footnotes of one unit."""
    paragraphs = unit_paragraphs(unit) if unit else []
    headings = Counter(section.heading for section in unit.sections if section.heading) if unit else Counter()
    for heading in (s["heading"] for s in gold["sections"] if s["heading"]):
        ok = headings[heading] > 0
        score.check("headings", heading, heading if ok else sorted(headings), where)
        headings[heading] -= ok
    texts = Counter(p.text for p in paragraphs if kind_of(p) != "caption")
    anywhere = {p.text for article in issue.articles for u in article.units() for p in unit_paragraphs(u)}
    for section in gold["sections"]:
        for text in section["paragraphs"]:
            found = text in anywhere
            score.check("paragraphs (anywhere)", text[:80] + "…", (text if found else "")[:80] + "…", where)
            if texts[text] > 0:
                score.check("paragraphs", text, text, where)
                texts[text] -= 1
                continue
            near = closest(text, [p.text for p in paragraphs] or anywhere)
            got = first_difference(text, near) if near else "(no similar paragraph)"
            score.check("paragraphs", text[:80] + "…", got, f"{where} § {section['heading']}")
    quotes = {p.text for p in paragraphs if kind_of(p) == "blockquote"}
    for text in gold.get("blockquotes", []):
        score.check("blockquotes", text[:60], text[:60] if text in quotes else None, where)
    captions = {p.text for p in paragraphs if kind_of(p) == "caption"}
    for text in gold.get("figures", []):
        score.check("captions", text, text if text in captions else sorted(captions), where)
    if gold.get("main_point") is not None or (unit and unit.main_point):
        got = unit.main_point.text if unit and unit.main_point else None
        score.check("main points", gold.get("main_point"), got, where)
    notes = {note.number: note.text for note in unit.footnotes} if unit else {}
    for note in gold.get("footnotes", []):
        score.check("footnotes", note["text"], notes.get(note["n"]), f"{where} [{note['n']}]")
    expected_numbers = {note["n"] for note in gold.get("footnotes", [])}
    for number in sorted(set(notes) - expected_numbers):
        score.failures.append(
            {
                "issue": score.name,
                "field": "footnotes",
                "where": f"{where} extra [{number}]",
                "expected": None,
                "got": notes[number],
            }
        )


def score_articles(score: Score, gold: dict[str, Any], issue: Issue) -> None:
    """Titles, authors, bios, items and every unit."""
    expected = gold["articles"]
    score.check("article count", len(expected), len(issue.articles), "articles")
    paired = pair_by_title(expected, issue.articles)
    for article_gold, article in zip(expected, paired, strict=True):
        title = article_gold["title"]
        score.check("titles", title, article.title if article else None, title)
        authors = article.authors if article else ()
        for index, author_gold in enumerate(article_gold["authors"]):
            author = authors[index] if index < len(authors) else None
            where = f"{title} / author {index + 1}"
            score.check("authors", author_gold["name"], author.name if author else None, where)
            score.check("bios", author_gold["bio"], author.bio if author else None, where)
            if "honorific" in author_gold:
                score.check("author honorific", author_gold["honorific"], author.honorific if author else None, where)
            if "nickname" in author_gold:
                score.check("author nickname", author_gold["nickname"], author.nickname if author else None, where)
        if len(authors) > len(article_gold["authors"]):
            score.failures.append(
                {
                    "issue": score.name,
                    "field": "authors",
                    "where": f"{title} extra",
                    "expected": None,
                    "got": [a.name for a in authors[len(article_gold["authors"]) :]],
                }
            )
        if "items" in article_gold:
            items = article.items if article else ()
            item_pairs = pair_by_title(article_gold["items"], items)
            for item_gold, item in zip(article_gold["items"], item_pairs, strict=True):
                score.check("items", item_gold["title"], item.title if item else [i.title for i in items], title)
                score_unit(score, item_gold, item, issue, f"{title} / {item_gold['title']}")
        else:
            if article is not None and article.items:
                score.failures.append(
                    {
                        "issue": score.name,
                        "field": "items",
                        "where": title,
                        "expected": [],
                        "got": [i.title for i in article.items],
                    }
                )
            score_unit(score, article_gold, article, issue, title)
    for article in issue.articles:
        if article.title not in {a["title"] for a in expected}:
            score.failures.append(
                {
                    "issue": score.name,
                    "field": "titles",
                    "where": "extra article",
                    "expected": None,
                    "got": article.title,
                }
            )


def score_repairs(score: Score, gold: dict[str, Any], explained: Explained, source: str) -> None:
    """Joins, hyphen decisions and furniture."""
    joins: dict[int, str] = {}
    for edit in explained.edits:
        if edit.rule in JOIN_KINDS:
            joins.setdefault(line_of(source, edit.span[0]), JOIN_KINDS[edit.rule])
    expected_lines = set()
    for join in gold["joins"]:
        line = join["before_line"]
        expected_lines.add(line)
        where = f"line {line}: {join['before']!r} | {join['after']!r}"
        got = joins.get(line)
        if score.check("joins found", True, got is not None, where):
            score.check("join kinds", join["kind"], got, where)
        if join["kind"] in ("dehyphenate", "keep-hyphen"):
            score.check("hyphens", join["kind"], got, where)
    for line in sorted(set(joins) - expected_lines):
        score.extra["spurious joins"] += 1
        text = source.splitlines()[line - 1]
        score.failures.append(
            {
                "issue": score.name,
                "field": "spurious joins",
                "where": f"line {line}",
                "expected": None,
                "got": f"{joins[line]} after …{text[-50:]!r}",
            }
        )
    found = [
        (line_of(source, f.span[0]), line_of(source, max(f.span[0], f.span[1] - 1)), f.kind)
        for f in explained.furniture
    ]
    ranges = gold.get("furniture_lines", [])
    if ranges and isinstance(ranges[0], int):
        ranges = [ranges]
    for start, end in ranges:
        ok = any(first <= start and end <= last for first, last, _ in found)
        score.check("furniture", True, ok, f"lines {start}-{end}: {source.splitlines()[start - 1][:50]!r}")
    for first, last, kind in found:
        if not any(start <= last and first <= end for start, end in ranges):
            score.extra["spurious furniture"] += 1
            score.failures.append(
                {
                    "issue": score.name,
                    "field": "spurious furniture",
                    "where": f"lines {first}-{last}",
                    "expected": None,
                    "got": f"{kind}: {source.splitlines()[first - 1][:60]!r}",
                }
            )


def score_glosses(score: Score, gold: dict[str, Any], issue: Issue) -> None:
    """Glosses found, exact, script and note, paired by characters."""
    found: dict[str, list[Any]] = {}
    for place in texts_with_glosses(issue):
        for gloss in place.glosses:
            found.setdefault(gloss.hanzi, []).append(gloss)
    expected_hanzi = {g["hanzi"] for g in gold["glosses"]}
    for expected in gold["glosses"]:
        where = f"{expected['term']} ({expected['hanzi']})"
        candidates = found.get(expected["hanzi"], [])
        if not score.check("glosses found", True, bool(candidates), where):
            score.counts["glosses exact"][1] += 1
            continue
        want = (expected["term"], expected["abbreviation"], expected["hanzi"])
        got = [(g.term, g.abbreviation, g.hanzi) for g in candidates]
        score.check("glosses exact", want, want if want in got else got[0], where)
        best = next((g for g in candidates if g.term == expected["term"]), candidates[0])
        script = str(getattr(best.script, "value", best.script))
        score.check("gloss script", expected["script"], script, where)
        if expected.get("note"):
            score.check("gloss note", expected["note"], best.note, where)
    for hanzi in sorted(set(found) - expected_hanzi):
        score.extra["spurious glosses"] += 1
        score.failures.append(
            {
                "issue": score.name,
                "field": "spurious glosses",
                "where": hanzi,
                "expected": None,
                "got": [g.term for g in found[hanzi]],
            }
        )


def score_issue(text_path: Path, gold_path: Path) -> Score:
    """Parse one issue and score it against its key."""
    source = text_path.read_text(encoding="utf-8")
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    score = Score(text_path.stem)
    explained = gtbparse.parse_and_explain(source, source_name=text_path.name)
    issue = explained.issue
    score_facts(score, gold, issue)
    score_articles(score, gold, issue)
    score_repairs(score, gold, explained, source)
    score_glosses(score, gold, issue)
    score.extra["unplaced"] += len(explained.unplaced)
    # Information notes state facts of the issue (``bio-missing`` for a byline without a bio, which a key may
    # expect); warnings and errors say something may have gone wrong, and only they count here.
    problems = [diagnostic for diagnostic in explained.diagnostics if diagnostic.severity is not Severity.INFO]
    score.extra["diagnostics"] += len(problems)
    for piece in explained.unplaced:
        score.failures.append(
            {
                "issue": score.name,
                "field": "unplaced",
                "where": f"line {line_of(source, piece.span[0])}",
                "expected": None,
                "got": piece.text[:80],
            }
        )
    for diagnostic in problems:
        score.failures.append(
            {
                "issue": score.name,
                "field": "diagnostics",
                "where": f"line {diagnostic.line}",
                "expected": None,
                "got": f"{diagnostic.code}: {diagnostic.message}",
            }
        )
    return score


def percent(pair: list[int]) -> str:
    """``correct/total (pp%)``, or a dash."""
    correct, total = pair
    return f"{correct}/{total} {100 * correct / total:.0f}%" if total else "-"


def table(scores: list[Score]) -> str:
    """The per-field table, one column per issue and a total."""
    names = [score.name for score in scores] + ["total"]
    rows = [["field", *names]]
    for field in FIELDS:
        total = [sum(s.counts[field][0] for s in scores), sum(s.counts[field][1] for s in scores)]
        rows.append([field, *(percent(s.counts[field]) for s in scores), percent(total)])
    for field in SPURIOUS:
        rows.append([field, *(str(s.extra[field]) for s in scores), str(sum(s.extra[field] for s in scores))])
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Score the blind issues and print the table (and the mismatches)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--failures", action="store_true", help="list every mismatch")
    parser.add_argument("--json", action="store_true", help="machine-readable output")
    parser.add_argument("--seed", action="store_true", help="also score the seed issue against seed-gold.json")
    args = parser.parse_args(argv)
    pairs = [(path, path.with_name(path.stem + ".gold.json")) for path in sorted(BLIND.glob("blind_*.txt"))]
    for path, key in pairs:
        if not key.exists():
            print(f"skipped {path.name}: it has no answer key yet", file=sys.stderr)
    pairs = [(path, key) for path, key in pairs if key.exists()]
    if args.seed:
        pairs.append((SEED, SEED_GOLD))
    scores = [score_issue(text, gold) for text, gold in pairs]
    if args.json:
        data = {
            "issues": {s.name: {"fields": s.counts, "spurious": dict(s.extra)} for s in scores},
            "total": {f: [sum(s.counts[f][0] for s in scores), sum(s.counts[f][1] for s in scores)] for f in FIELDS},
            "failures": [f for s in scores for f in s.failures] if args.failures else None,
        }
        json.dump(data, sys.stdout, ensure_ascii=False, indent=1, default=str)
        sys.stdout.write("\n")
        return 0
    print(table(scores))
    if args.failures:
        for score in scores:
            for failure in score.failures:
                print(f"\n[{failure['issue']}] {failure['field']} — {failure['where']}")
                print(f"  expected: {failure['expected']!r}")
                print(f"  got:      {failure['got']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
