"""The issue glossary: one entry per name, traditional and simplified spellings linked, exportable rows."""

from __future__ import annotations

import json
from typing import Any

import attrs

from gtbparse import Article, Issue, Paragraph, Script, Section
from gtbparse._glosses import find_glosses, settle_scripts
from gtbparse.glossary import GlossaryEntry, glossary, glossary_rows


def _issue(*texts: str, source_name: str | None = None) -> Issue:
    paragraphs = tuple(Paragraph(text, glosses=find_glosses(text)) for text in texts)
    return Issue(
        articles=(Article(title="An article", sections=(Section(None, paragraphs),)),), source_name=source_name
    )


def _by_term(entries: tuple[GlossaryEntry, ...]) -> dict[str, GlossaryEntry]:
    return {entry.term: entry for entry in entries}


def test_seed_glossary_has_one_entry_per_name(seed_issue: Issue, gold: dict[str, Any]) -> None:
    entries = glossary(settle_scripts(seed_issue))
    # The answer key lists distinct (term, hanzi) pairs; the glossary merges the two spellings of one term.
    assert [entry.term for entry in entries] == list(dict.fromkeys(row["term"] for row in gold["glosses"]))
    hu = _by_term(entries)["Hu Jintao"]
    assert hu.hanzi == ("胡錦濤", "胡锦涛")
    assert hu.scripts == (Script.TRADITIONAL, Script.SIMPLIFIED)
    assert len(hu.occurrences) == 2
    assert len({occurrence.article_title for occurrence in hu.occurrences}) == 2


def test_seed_glossary_occurrences_carry_article_titles(seed_issue: Issue) -> None:
    entries = glossary(seed_issue)
    titles = {article.title for article in seed_issue.articles}
    item_titles = {item.title for article in seed_issue.articles for item in article.items}
    total = sum(len(entry.occurrences) for entry in entries)
    glossed = [gloss for paragraph in _all_places(seed_issue) for gloss in paragraph]
    assert total == len(glossed)
    for entry in entries:
        for occurrence in entry.occurrences:
            assert occurrence.article_title in titles
            assert occurrence.unit_title == "" or occurrence.unit_title in item_titles
            assert occurrence.source_name == seed_issue.source_name
    xi = _by_term(entries)["Xi Jinping"]
    assert len(xi.occurrences) == 3
    assert len({occurrence.article_title for occurrence in xi.occurrences}) == 3
    assert seed_issue.glossary() == entries


def _all_places(issue: Issue) -> list[tuple[Any, ...]]:
    found: list[tuple[Any, ...]] = []
    for article in issue.articles:
        for unit in article.units():
            found.extend(paragraph.glosses for paragraph in unit.paragraphs())
            if unit.main_point is not None:
                found.append(unit.main_point.glosses)
            found.extend(note.glosses for note in unit.footnotes)
    return found


def test_traditional_and_simplified_spellings_are_one_entry() -> None:
    issue = _issue(
        "Premier Li Keqiang (李克强) spoke.", "Later Li Keqiang (李克強) left.", "Li Keqiang (李克强) again."
    )
    (entry,) = glossary(issue)
    assert entry.term == "Li Keqiang"
    assert entry.hanzi == ("李克强", "李克強")
    assert entry.scripts == (Script.SIMPLIFIED, Script.TRADITIONAL)
    assert [occurrence.gloss.hanzi for occurrence in entry.occurrences] == ["李克强", "李克強", "李克强"]


def test_different_names_with_one_romanisation_stay_apart() -> None:
    issue = _issue("Wang Yi (王毅) and the scholar Wang Yi (王逸) differ.")
    entries = glossary(issue)
    assert [entry.hanzi for entry in entries] == [("王毅",), ("王逸",)]


def test_one_name_under_two_english_forms() -> None:
    issue = _issue(
        "The Kuomintang (KMT, 國民黨) and later the Nationalist Party (國民黨)",
        "and the Chinese Nationalist Party (國民黨)",
    )
    (entry,) = glossary(issue)
    assert entry.term == "Kuomintang"  # each form once: the first wins
    assert entry.abbreviation == "KMT"
    assert entry.aliases == ("Nationalist Party", "Chinese Nationalist Party")
    assert len(entry.occurrences) == 3


def test_most_frequent_form_names_the_entry() -> None:
    issue = _issue("the Kuomintang (國民黨)", "the Nationalist Party (國民黨)", "the Nationalist Party (國民黨)")
    (entry,) = glossary(issue)
    assert entry.term == "Nationalist Party"
    assert entry.aliases == ("Kuomintang",)


def test_aliases_from_the_gloss_are_kept() -> None:
    issue = _issue("the Belt and Road Initiative (BRI, formerly “One Belt, One Road,” 一帶一路)")
    (entry,) = glossary(issue)
    assert entry.aliases == ("One Belt, One Road",)


def test_glossary_rows_merge_issues_and_are_plain_json() -> None:
    first = _issue("Premier Li Keqiang (李克强) spoke.", source_name="one.txt")
    second = _issue("Li Keqiang (李克強) and Wang Yi (王毅).", source_name="two.txt")
    rows = glossary_rows([first, second])
    assert json.loads(json.dumps(rows, ensure_ascii=False)) == rows
    assert [row["term"] for row in rows] == ["Li Keqiang", "Wang Yi"]
    li = rows[0]
    assert li["hanzi"] == ["李克强", "李克強"]
    assert li["script"] == ["simplified", "traditional"]
    assert li["abbreviation"] is None
    assert li["aliases"] == []
    assert [(row["source"], row["article"], row["hanzi"]) for row in li["occurrences"]] == [
        ("one.txt", "An article", "李克强"),
        ("two.txt", "An article", "李克強"),
    ]
    assert set(li["occurrences"][0]) == {"source", "article", "item", "term", "hanzi", "span"}


def test_glossary_of_seed_rows(seed_issue: Issue) -> None:
    rows = glossary_rows([seed_issue])
    assert len(rows) == len(glossary(seed_issue))
    assert all(row["occurrences"] and row["hanzi"] and row["term"] for row in rows)
    spans = [occurrence["span"] for row in rows for occurrence in row["occurrences"]]
    assert all(end > start > 0 for start, end in spans)


def test_empty_issue_has_empty_glossary() -> None:
    assert glossary(Issue()) == ()
    assert glossary_rows([]) == []


def test_many_spellings_of_one_term_stay_linear() -> None:
    # Thousands of distinct names under one romanisation: grouping must not compare every pair.
    texts = [f"Wang Yi ({chr(0x4E00 + index)}{chr(0x4E00 + index * 7 % 20000)})" for index in range(20000)]
    issue = _issue(*texts)
    entries = glossary(issue)
    assert sum(len(entry.occurrences) for entry in entries) == 20000
    assert attrs.has(type(entries[0]))
