"""Rewrite the expected-output fixtures after a reviewed change: ``python tests/corpus/regenerate.py``.

Prints which fixtures changed; review ``git diff tests/corpus`` before committing them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import gtbparse

ROOT = Path(__file__).resolve().parents[2]
ISSUES = Path(__file__).parent / "issues"
HAND_WRITTEN = ("synthetic_v7i4", "synthetic_v9i2_special", "synthetic_v8i17", "synthetic_v10i6")
"""The hand-written issues in ``issues/``, each ``NAME.txt`` with its ``NAME.expected.json``."""
FIXTURES = {
    ROOT / "seeds" / "000_109018197d74fce2.txt": Path(__file__).with_name("000_109018197d74fce2.expected.json"),
    **{ISSUES / f"{name}.txt": ISSUES / f"{name}.expected.json" for name in HAND_WRITTEN},
}


def render(source: Path) -> str:
    """The fixture text for ``source``: its ``to_dict`` output as stable, readable JSON."""
    issue = gtbparse.parse(source.read_text(encoding="utf-8"), source_name=source.name)
    return json.dumps(gtbparse.to_dict(issue), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def main() -> int:
    for source, fixture in FIXTURES.items():
        text = render(source)
        old = fixture.read_text(encoding="utf-8") if fixture.exists() else None
        if old != text:
            fixture.write_text(text, encoding="utf-8")
            print(f"updated {fixture.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
