"""gtbparse: the *Global Taiwan Brief*, from its text rendition to typed, traceable data.

>>> import gtbparse
>>> issue = gtbparse.parse_file("seeds/000_109018197d74fce2.txt")  # doctest: +SKIP
>>> issue.articles[0].title  # doctest: +SKIP
'Fortnightly Review'
"""

from __future__ import annotations

import os

from ._version import __version__
from .batch import BatchResult, parse_many
from .errors import InternalError, ParseError
from .glossary import GlossaryEntry, GlossOccurrence
from .layout import LAYOUTS, Layout, get_layout
from .model import (
    Article,
    Author,
    Citation,
    CitationKind,
    ContentsEntry,
    Diagnostic,
    Edit,
    Emphasis,
    Explained,
    Footnote,
    FootnoteRef,
    Furniture,
    Gloss,
    Issue,
    Link,
    LinkOccurrence,
    Masthead,
    Paragraph,
    ParagraphKind,
    Script,
    Section,
    Severity,
    Unplaced,
)
from .schema import json_schema
from .serialize import SCHEMA, from_dict, to_dict

__all__ = [
    "LAYOUTS",
    "SCHEMA",
    "Article",
    "Author",
    "BatchResult",
    "Citation",
    "CitationKind",
    "ContentsEntry",
    "Diagnostic",
    "Edit",
    "Emphasis",
    "Explained",
    "Footnote",
    "FootnoteRef",
    "Furniture",
    "Gloss",
    "GlossOccurrence",
    "GlossaryEntry",
    "InternalError",
    "Issue",
    "Layout",
    "Link",
    "LinkOccurrence",
    "Masthead",
    "Paragraph",
    "ParagraphKind",
    "ParseError",
    "Script",
    "Section",
    "Severity",
    "Unplaced",
    "__version__",
    "from_dict",
    "get_layout",
    "json_schema",
    "parse",
    "parse_and_explain",
    "parse_file",
    "parse_many",
    "to_dict",
    "to_markdown",
    "to_tei",
    "to_text",
]


def _explain(text: str, source_name: str | None, layout: Layout | str | None) -> Explained:
    # The pipeline's modules are imported by the first parse, not by ``import gtbparse``: a program that only
    # imports the package (for the model, or the command line's help) does not pay for compiling them.
    from ._pipeline import explain

    return explain(text, source_name=source_name, layout=layout)


def parse(text: str, *, source_name: str | None = None, layout: Layout | str | None = None) -> Issue:
    """Parse the text rendition of an issue into an :class:`Issue`.

    Raises :class:`ParseError` (naming line and column) only when no issue can be
    built: empty input, binary data, or text with no article in it.
    """
    return _explain(text, source_name, layout).issue


def parse_and_explain(text: str, *, source_name: str | None = None, layout: Layout | str | None = None) -> Explained:
    """Parse ``text`` and say how.

    Returns an :class:`Explained`: the issue, the edits applied, the diagnostics and any unplaced text.
    """
    return _explain(text, source_name, layout)


def parse_file(path: str | os.PathLike[str], *, layout: Layout | str | None = None) -> Issue:
    """Read a UTF-8 text rendition from ``path`` and parse it; ``source_name`` is the file's name."""
    with open(path, encoding="utf-8", newline="") as handle:  # keep \r\n: offsets are into the file as it is
        text = handle.read()
    return parse(text, source_name=os.path.basename(os.fspath(path)), layout=layout)


def to_tei(issue: Issue) -> bytes:
    """The issue as TEI P5 XML (valid TEI Lite); needs lxml: ``pip install 'gtbparse[tei]'``."""
    from .export.tei import to_tei as export

    return export(issue)


def to_markdown(target: Issue | Article) -> str:
    """A Markdown reading copy of an issue or one article."""
    from .export.markdown import to_markdown as export

    return export(target)


def to_text(target: Issue | Article) -> str:
    """A plain-text reading copy of an issue or one article."""
    from .export.markdown import to_text as export

    return export(target)
