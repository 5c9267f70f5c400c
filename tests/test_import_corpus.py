"""Decks no one here wrote (tests/data/decks/) go through `yamldeck import` and `build`.

benchmarks/import_corpus.py measures the whole corpus (a few minutes); here a varied subset runs
with every test run, in this process through yamldeck.cli.main: no traceback, and at least 90%
of each deck's words on the rebuilt deck's slides. The corpus itself is checked too: every deck
listed in SOURCES.md with its licence beside it, and its size kept modest.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys
from pathlib import Path
from types import ModuleType

import pytest

from yamldeck.cli import main

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "decks"


def _harness() -> ModuleType:
    path = REPO / "benchmarks" / "import_corpus.py"
    spec = importlib.util.spec_from_file_location("import_corpus", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


HARNESS = _harness()

# A varied subset: each source, bullets and levels, notes, tables, charts, pictures, groups,
# columns, a deck without slides. The whole corpus: python benchmarks/import_corpus.py
SUBSET = [
    "pandoc/community-garden.pptx",
    "pandoc/bridge-inspection.pptx",
    "pandoc/onboarding.pptx",
    "libreoffice/onboarding-impress.pptx",
    "python-pptx/tbl-cell.pptx",
    "python-pptx/cht-replace-data.pptx",
    "python-pptx/ph-populated-placeholders.pptx",
    "python-pptx/txt-text-frame.pptx",
    "libreoffice/Freshes.pptx",
    "python-pptx/shp-common-props.pptx",
    "python-pptx/no-slides.pptx",
]
NAMES = SUBSET


def in_process(command: list[str], cwd: Path) -> tuple[str, int, str]:
    """Run a yamldeck command through yamldeck.cli.main, as the harness runs it in a process."""
    args = command[command.index("-v"):]  # the harness's program: python -m yamldeck -v ...
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr), contextlib.redirect_stdout(io.StringIO()):
        code = main(args)
    text = stderr.getvalue().replace(f"{cwd}/", "")
    return HARNESS.classify(code, text), code, text


@pytest.mark.parametrize("name", SUBSET)
def test_a_deck_imports_builds_and_keeps_its_words(tmp_path: Path, name: str) -> None:
    result = HARNESS.import_and_build(CORPUS / name, tmp_path, runner=in_process)
    assert result.result in ("ok", "unreadable"), result.message
    words = result.percent("words")
    assert words is None or words >= HARNESS.DECK_FLOOR, result.kept


def test_every_deck_is_listed_with_its_licence() -> None:
    sources = (CORPUS / "SOURCES.md").read_text(encoding="utf-8")
    decks = sorted(CORPUS.rglob("*.pptx"))
    assert decks and HARNESS.corpus() == decks
    unlisted = [str(d.relative_to(CORPUS)) for d in decks if d.name not in sources]
    assert unlisted == []
    for folder in {deck.parent for deck in decks}:
        licences = [p for p in folder.iterdir() if p.name.startswith(("LICENSE", "COPYING"))]
        assert licences, f"{folder.name}/ has no licence file"
    assert f"{len(decks)} decks" in sources
    assert set(NAMES) <= {str(d.relative_to(CORPUS)) for d in decks}


def test_the_corpus_stays_modest() -> None:
    size = sum(p.stat().st_size for p in CORPUS.rglob("*") if p.is_file())
    assert size < 10 * 1024 * 1024


def test_the_measures_see_what_a_deck_holds() -> None:
    """The harness's reading, checked on a deck whose content is known (its Markdown source)."""
    content = HARNESS.read_deck(CORPUS / "pandoc" / "community-garden.pptx")
    assert content.slides == 12
    assert content.titles[:3] == ["starting a community garden", "why a garden", "what we want"]
    assert ("beans peas and sunflowers", 2) in content.nested
    assert content.notes["soil"] == 1 and content.words["households"] == 1
    assert HARNESS.read_deck(CORPUS / "pandoc" / "bridge-inspection.pptx").pictures == 3
