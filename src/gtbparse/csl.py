"""Citations as CSL-JSON, the format Zotero, pandoc and citeproc read.

(Placeholder: the full implementation lands with the citations issue.)
"""

from __future__ import annotations

from typing import Any

from .model import Issue


def to_csl(issue: Issue) -> list[dict[str, Any]]:
    """One CSL-JSON item per footnote of ``issue`` that cites a source."""
    del issue
    return []
