"""Chinese-character glosses after English names: ``Wang Yi (王毅)``, ``[DPW, 中央軍委政治工作部]``."""

from __future__ import annotations

from collections.abc import Sequence

from .model import Gloss, Link


def find_glosses(text: str, links: Sequence[Link] = ()) -> tuple[Gloss, ...]:
    """The glosses in a paragraph's clean ``text``; each ``at`` covers the term and its gloss."""
    del text, links
    return ()
