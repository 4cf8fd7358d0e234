"""Citations as CSL-JSON, the format Zotero, pandoc and citeproc read.

>>> import gtbparse, json
>>> from gtbparse.csl import to_csl
>>> issue = gtbparse.parse_file("seeds/000_109018197d74fce2.txt")  # doctest: +SKIP
>>> print(json.dumps(to_csl(issue), ensure_ascii=False, indent=2))  # doctest: +SKIP
"""

from __future__ import annotations

import re
from typing import Any

from ._citations import is_organisation
from .model import Article, Citation, CitationKind, Issue

CslItem = dict[str, Any]

_REPORT = re.compile(
    r"\b(?:Report|Paper|Review|Brief|Briefing|Assessment|Testimony|Yearbook)\b|報告|报告|白皮書|白皮书"
)
_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_INITIALS = re.compile(r"^(?:[A-Z]\.-?)+$")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")

# Common Chinese surnames in Hanyu Pinyin, Wade-Giles and the usual Taiwanese and Hong Kong spellings: a
# romanised name that starts with one (and does not end with one) is written family name first.
_CHINESE_SURNAMES = frozenset(
    """bai cai cao chan chang chao chen cheng chiang chien chiu chou chu chuang chung cui dai deng ding dong du fan
    fang feng fu gao ge gong gu guo han hao he ho hou hsia hsiao hsieh hsu hu hua huang hung jia jiang jin kang kao
    ko kong ku kuo lai lam lau lee leung li liang liao lien lim lin ling liu lo lu luo lü ma mao meng pan pang peng
    qian qin qiu ren shao shen shi song su sun tan tang tao teng tian tsai tsao tseng tsou tung wan wang wei wen wong
    wu xi xia xiao xie xiong xu xue yan yang yao ye yeh yen yi yin yu yuan yue zeng zhang zhao zheng zhong zhou zhu
    zhuang zou""".split()
)


def to_csl(issue: Issue) -> list[CslItem]:
    """One CSL-JSON item per footnote of ``issue`` that cites a source.

    Discursive notes are left out. Item ids are stable: built from the issue
    (volume and number, or the source name), the article's position, the item's
    position in a multi-item article and the footnote number, e.g. ``gtb-v5n23-a4-fn2``.
    """
    prefix = _issue_key(issue)
    items: list[CslItem] = []
    for article_index, article in enumerate(issue.articles, start=1):
        for unit_index, unit in enumerate(article.units(), start=1):
            unit_key = f"a{article_index}-i{unit_index}" if article.items else f"a{article_index}"
            items.extend(_unit_items(unit, f"{prefix}-{unit_key}"))
    return items


def citation_to_csl(citation: Citation, item_id: str) -> CslItem | None:
    """One citation as a CSL-JSON item, or ``None`` for a discursive note."""
    if citation.kind is CitationKind.NOTE:
        return None
    item: CslItem = {"id": item_id, "type": _csl_type(citation)}
    if citation.authors:
        item["author"] = [_csl_name(name) for name in citation.authors]
    if citation.title:
        item["title"] = citation.title
    if citation.container:
        item["container-title"] = citation.container
    if citation.publisher:
        item["publisher"] = citation.publisher
    if citation.place:
        item["publisher-place"] = citation.place
    issued = _date_parts(citation)
    if issued:
        item["issued"] = {"date-parts": [issued]}
    if citation.volume:
        item["volume"] = citation.volume
    if citation.pages:
        item["page"] = citation.pages
    if citation.url:
        item["URL"] = citation.url
    if citation.title and _HAN.search(citation.title):
        item["language"] = "zh"
    return item


def _unit_items(unit: Article, key: str) -> list[CslItem]:
    items: list[CslItem] = []
    for note in unit.footnotes:
        if note.citation is None:
            continue
        item = citation_to_csl(note.citation, f"{key}-fn{note.number}")
        if item is not None:
            items.append(item)
    return items


def _issue_key(issue: Issue) -> str:
    if issue.volume is not None and issue.number is not None:
        return f"gtb-v{issue.volume}n{issue.number}"
    if issue.source_name:
        stem = issue.source_name.rsplit(".", 1)[0]
        slug = re.sub(r"[^A-Za-z0-9]+", "-", stem).strip("-")
        if slug:
            return slug
    return "gtb"


def _csl_type(citation: Citation) -> str:
    kind = citation.kind
    if kind is CitationKind.BOOK:
        return "book"
    if kind is CitationKind.CHAPTER:
        return "chapter"
    if kind is CitationKind.WEB:
        return "webpage"
    if kind is CitationKind.ARTICLE:
        if citation.volume or citation.pages:
            return "article-journal"
        return "article-newspaper" if citation.container else "article"
    report_text = " ".join(part for part in (citation.title, citation.container) if part)
    return "report" if citation.publisher or _REPORT.search(report_text) else "document"


def _csl_name(name: str) -> dict[str, str]:
    """``{family, given}`` for a person, ``{literal}`` for an institution or a name in characters."""
    if is_organisation(name) or _HAN.search(name):
        return {"literal": name}
    if "," in name:
        family, given = (part.strip() for part in name.split(",", 1))
        if family and given and len(family.split()) <= 3:
            return {"family": family, "given": given}
        return {"literal": name}
    words = name.split()
    if len(words) == 1:
        return {"literal": name}
    suffix = ""
    if words[-1].rstrip(".").lower() in ("jr", "sr", "ii", "iii", "iv"):
        suffix, words = words[-1], words[:-1]
    if (
        2 <= len(words) <= 3
        and words[0].lower() in _CHINESE_SURNAMES
        and words[-1].lower() not in _CHINESE_SURNAMES
        and not _INITIALS.match(words[-1])
    ):
        result = {"family": words[0], "given": " ".join(words[1:])}
    else:
        particle = 1
        while particle < len(words) - 1 and words[-particle - 1].lower() in ("van", "von", "de", "der", "da", "la"):
            particle += 1
        result = {"family": " ".join(words[-particle:]), "given": " ".join(words[:-particle])}
    if suffix:
        result["suffix"] = suffix
    return result


def _date_parts(citation: Citation) -> list[int]:
    if citation.date:
        match = _ISO_DATE.match(citation.date)
        if match:
            return [int(part) for part in match.groups() if part]
    return [citation.year] if citation.year is not None else []
