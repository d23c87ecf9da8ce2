"""Shared fixtures. Tests that read the seed corpus, the gold or the external datasets find them in
``../shared`` beside the checkout (as in CI); set DYADSCOPE_SHARED to use another place."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("DYADSCOPE_SHARED", ROOT.parent / "shared")).resolve()
SEEDS = SHARED / "corpus" / "seeds"
GOLD = SHARED / "gold"
EXTERNAL = SHARED / "external"
EXAMPLES = ROOT / "examples" / "az-ru"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not SEEDS.is_dir():
        pytest.fail(f"the shared corpus is missing at {SHARED}; put it beside the checkout or set DYADSCOPE_SHARED")
    return SHARED
