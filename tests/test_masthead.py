"""The masthead sidebar: editors, contact details and issue facts, in other arrangements than the seed's."""

from __future__ import annotations

import gtbparse

ARTICLE = (
    "A Title for Testing\n\nBy: Ann Example\n\n*Ann Example is a fellow.*\n\n{body}\n\n**The main point:** It works."
)
SIDEBAR = """The Global Taiwan Brief is a bi-weekly publication released every other Wednesday.

Editor-in-Chief

Jane Doe

Managing Editor

Richard Roe

Editorial Assistant

Sam Poe

{source}

Global Taiwan Institute
1836 Jefferson Place NW,
Washington DC 20036
contact@globaltaiwan.org

© 2023 · Global Taiwan Institute"""


def _issue(source_line: str) -> gtbparse.Issue:
    body = "The first half of a sentence that the sidebar cuts in two\n\n" + SIDEBAR.format(source=source_line)
    body += "\n\nand its second half after the sidebar."
    return gtbparse.parse(ARTICLE.format(body=body))


def test_other_editor_roles() -> None:
    issue = _issue(
        "To view web sources cited in the published papers, visit <https://globaltaiwan.org/2023/5/vol-8-issue-10/>."
    )
    assert issue.masthead is not None
    assert issue.masthead.editors == (
        ("Editor-in-Chief", "Jane Doe"),
        ("Managing Editor", "Richard Roe"),
        ("Editorial Assistant", "Sam Poe"),
    )
    assert (issue.volume, issue.number, issue.year, issue.month) == (8, 10, 2023, 5)
    assert issue.masthead.subscribe_url is None


def test_volume_and_issue_from_a_printed_label_when_the_url_has_none() -> None:
    issue = _issue("Global Taiwan Brief Vol. 9, Issue 2")
    assert (issue.volume, issue.number, issue.year, issue.month) == (9, 2, 2023, None)
    assert issue.url is None


def test_the_sidebar_is_cut_out_of_the_sentence() -> None:
    issue = _issue("Vol. 9, Issue 2")
    (paragraph,) = list(issue.paragraphs())
    assert paragraph.text == (
        "The first half of a sentence that the sidebar cuts in two and its second half after the sidebar."
    )


def test_italic_bio_and_bold_main_point() -> None:
    issue = _issue("Vol. 9, Issue 2")
    article = issue.articles[0]
    assert article.authors[0].bio == "Ann Example is a fellow."
    assert article.main_point is not None
    assert article.main_point.text == "It works."


def test_staff_roles_that_are_not_editors() -> None:
    sidebar = SIDEBAR.replace("Managing Editor", "Senior Research Fellow").replace(
        "Editorial Assistant", "Program Associate"
    )
    body = "The first half of a sentence that the sidebar cuts in two\n\n" + sidebar.format(source="")
    issue = gtbparse.parse(ARTICLE.format(body=body + "\n\nand its second half after the sidebar."))
    assert issue.masthead is not None
    assert issue.masthead.editors == (
        ("Editor-in-Chief", "Jane Doe"),
        ("Senior Research Fellow", "Richard Roe"),
        ("Program Associate", "Sam Poe"),
    )
    assert "sidebar cuts in two and its second half" in next(issue.paragraphs()).text
