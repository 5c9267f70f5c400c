"""Fixtures shared by the yamldeck test modules."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from helpers import unvalidated_decks, validate_pptx  # noqa: E402


@pytest.fixture
def decks_validated(tmp_path: Path) -> Iterator[None]:
    """After the test, every deck left under tmp_path and not yet checked goes to the validator.

    Modules opt in with ``pytestmark = pytest.mark.usefixtures("decks_validated")`` so that no deck
    built by a test escapes pptx_validate, even one written by the CLI in a subprocess.
    """
    yield
    remaining = unvalidated_decks(tmp_path)
    if remaining:
        validate_pptx(*remaining)
