"""Generate realistic issues and their PDF renditions, for testing gtbparse and what is built on it.

Install with the ``testing`` extra (``pip install gtbparse[testing]``), which brings ``hypothesis``.

- :func:`issues` (and :func:`articles`, :func:`units`, :func:`authors`, :func:`headings`,
  :func:`titles`, :func:`mastheads`) are hypothesis strategies for clean :class:`~gtbparse.Issue`
  objects: several articles, multi-author bylines with ranks and nicknames, headings, paragraphs
  with glosses, links, emphasis and footnote marks, block quotes, captions, a column of titled
  items, and a masthead with editors.
- :func:`render` lays an issue out as the two-column PDF rendition does and injects the layout's
  quirks (:class:`Quirks`): column breaks mid-sentence, end-of-column hyphens, breaks inside glosses,
  links and footnotes, the masthead sidebar and page numbers in mid-sentence. It returns a
  :class:`Rendition`: the text and an :class:`Injected` record per quirk, naming the edit that should
  undo it. :func:`renditions` draws an issue and renders it.
- :func:`unaccounted` checks that a parse lost nothing: every visible character of the input lies in
  an output object's span, in furniture, in an edit or in the unplaced text.

Example::

    from hypothesis import given
    from gtbparse import parse
    from gtbparse.testing import Quirks, renditions

    @given(renditions(quirks=Quirks()))
    def test_round_trip(case):
        issue, rendition = case
        assert parse(rendition.text) == issue
"""

from __future__ import annotations

from .accounting import accounted_spans, unaccounted
from .render import (
    NO_QUIRKS,
    REPAIR_RULES,
    Injected,
    Quirks,
    Rendition,
    escape,
    inline_markup,
    masthead_blocks,
    names_line,
    render,
)
from .strategies import (
    MULTI_ITEM_TITLE,
    articles,
    author_lists,
    authors,
    headings,
    issues,
    mastheads,
    renditions,
    titles,
    units,
)

__all__ = [
    "MULTI_ITEM_TITLE",
    "NO_QUIRKS",
    "REPAIR_RULES",
    "Injected",
    "Quirks",
    "Rendition",
    "accounted_spans",
    "articles",
    "author_lists",
    "authors",
    "escape",
    "headings",
    "inline_markup",
    "issues",
    "masthead_blocks",
    "mastheads",
    "names_line",
    "render",
    "renditions",
    "titles",
    "unaccounted",
    "units",
]
