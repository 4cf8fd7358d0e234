from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

import gtbparse

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_109018197d74fce2.txt"
CORPUS = Path(__file__).resolve().parent / "corpus"

settings.register_profile("ci", max_examples=300, deadline=None, print_blob=True)
settings.register_profile("dev", max_examples=60, deadline=None)
settings.load_profile("ci" if os.environ.get("CI") else os.environ.get("HYPOTHESIS_PROFILE", "dev"))


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_explained(seed_text: str) -> gtbparse.Explained:
    return gtbparse.parse_and_explain(seed_text, source_name=SEED.name)


@pytest.fixture(scope="session")
def seed_issue(seed_explained: gtbparse.Explained) -> gtbparse.Issue:
    return seed_explained.issue


@pytest.fixture(scope="session")
def gold() -> dict[str, Any]:
    """The hand-checked answer key for the seed issue (a copy of shared/spec/seed-gold.json)."""
    data: dict[str, Any] = json.loads((CORPUS / "seed-gold.json").read_text(encoding="utf-8"))
    return data
