"""Fixtures, markers and session notes shared by the yamldeck test modules.

Two things a test may need come from outside the repository:

- LibreOffice and poppler (soffice, pdftoppm, pdftotext), to draw decks: tests that render use
  the ``needs_libreoffice`` fixture (``@pytest.mark.usefixtures("needs_libreoffice")``, or through
  a fixture that asks for it). Where the tools are missing they are skipped with the reason, except
  with CI=true in the environment, where they fail: CI cannot pass by skipping them.
- ../shared/tools/pptx_validate.py, the team's package validator beside the checkout: every deck a
  test builds goes through helpers.validate_pptx, which runs it where it exists. A clone with
  nothing beside it builds and checks decks all the same; the summary at the end of the run says
  how many decks the validator did not see.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import helpers  # noqa: E402
from helpers import IN_CI, VALIDATOR, unvalidated_decks  # noqa: E402

# --- LibreOffice ---------------------------------------------------------------------------------

LIBREOFFICE_TOOLS = {
    "soffice": ("soffice", "libreoffice"),  # LibreOffice, under either name
    "pdftoppm": ("pdftoppm",),  # poppler
    "pdftotext": ("pdftotext",),  # poppler
}
_LIBREOFFICE_MISSING = pytest.StashKey["str | None"]()  # the reason, looked up once per run
LIBREOFFICE_INSTALL = (
    "sudo apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito"
)


def libreoffice_missing() -> str | None:
    """Why tests that render cannot run here (the tools not on PATH), or None when they can."""
    missing = [
        tool for tool, names in LIBREOFFICE_TOOLS.items() if not any(map(shutil.which, names))
    ]
    if not missing:
        return None
    return (
        f"LibreOffice/poppler not found on PATH ({', '.join(missing)}); "
        f"install them with: {LIBREOFFICE_INSTALL}"
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "needs_libreoffice: renders with LibreOffice and poppler (soffice, pdftoppm, pdftotext); "
        "given to every test that uses the needs_libreoffice fixture",
    )
    # Looked up once, before any test changes PATH (some put a fake soffice on it).
    config.stash[_LIBREOFFICE_MISSING] = libreoffice_missing()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests that use the fixture (directly or through another fixture) carry the marker too, so
    that ``-m "not needs_libreoffice"`` selects the tests that run without LibreOffice."""
    for item in items:
        if "needs_libreoffice" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.needs_libreoffice)


@pytest.fixture(scope="session")
def needs_libreoffice(pytestconfig: pytest.Config) -> None:
    """For tests (and fixtures) that render with LibreOffice and poppler.

    Where soffice, pdftoppm or pdftotext is missing the test is skipped with the reason; with
    CI=true it fails instead, so CI cannot pass without rendering anything.
    """
    reason = pytestconfig.stash[_LIBREOFFICE_MISSING]
    if reason is None:
        return
    if IN_CI:
        pytest.fail(
            f"{reason} (CI=true: tests that render must run, not be skipped)", pytrace=False
        )
    pytest.skip(reason)


# --- ../shared/tools/pptx_validate.py ------------------------------------------------------------

# Decks handed to helpers.validate_pptx while the validator is absent: (resolved path, sha256).
_UNCHECKED: set[tuple[str, str]] = set()


def _noting_unchecked(validate: Callable[..., Any]) -> Callable[..., Any]:
    """validate_pptx as it is, also noting the decks it could not check (no validator beside)."""

    @functools.wraps(validate)
    def wrapper(*paths: str | Path, **options: Any) -> Any:
        if not VALIDATOR.is_file():
            for path in map(Path, paths):
                if path.is_file():
                    digest = hashlib.sha256(path.read_bytes()).hexdigest()
                    _UNCHECKED.add((str(path.resolve()), digest))
        return validate(*paths, **options)

    return wrapper


# Installed before the test modules import it (conftest.py is imported first), so every caller,
# build_file and the fixture below included, goes through the wrapper.
helpers.validate_pptx = _noting_unchecked(helpers.validate_pptx)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    if VALIDATOR.is_file():
        return
    count = len(_UNCHECKED)
    terminalreporter.write_sep("-", "package validator")
    terminalreporter.write_line(
        f"{count} deck{'' if count == 1 else 's'} built by the tests "
        f"{'was' if count == 1 else 'were'} not checked by ../shared/tools/pptx_validate.py: "
        "it is not beside the repository (the tests' own assertions still ran)"
    )


@pytest.fixture
def decks_validated(tmp_path: Path) -> Iterator[None]:
    """After the test, every deck left under tmp_path and not yet checked goes to the validator.

    Modules opt in with ``pytestmark = pytest.mark.usefixtures("decks_validated")`` so that no deck
    built by a test escapes pptx_validate, even one written by the CLI in a subprocess.
    """
    yield
    remaining = unvalidated_decks(tmp_path)
    if remaining:
        helpers.validate_pptx(*remaining)
