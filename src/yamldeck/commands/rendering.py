"""Rendering an outline that loaded: its pictures, data and template files, then the deck.

Used by `build` (which writes the bytes) and `check` (which only measures); both read the fit
warnings the render measured from here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import OutlineError, Problem
from ..files.assets import Assets, load_assets
from ..files.deckfiles import DeckFiles, load_deck_files
from ..files.paths import AssetPolicy
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..package.archive import DEFAULT_EPOCH, deterministic_bytes, source_date_epoch


def load_files(outline: Outline, source: SourceMap, policy: AssetPolicy,
               template: str | Path | None) -> tuple[DeckFiles, Assets]:
    """The template and logo, the pictures and CSV files: every problem with them at once."""
    problems: list[Problem] = []
    files, assets = DeckFiles(), Assets()
    try:
        files = load_deck_files(outline, source, policy, template)
    except OutlineError as exc:
        problems.extend(exc.problems)
    try:
        assets = load_assets(outline, source, policy)
    except OutlineError as exc:
        problems.extend(exc.problems)
    if problems:
        raise OutlineError(problems)
    return files, assets


def render_deck(
    outline: Outline, source: SourceMap, files: DeckFiles, assets: Assets, *, cache: Any = None,
    package: bool = True, memory: Any = None,
) -> tuple[bytes, tuple[Problem, ...]]:
    """The deck's bytes and the fit warnings its render measured (lints.fits).

    The bytes are identical for identical outlines (and SOURCE_DATE_EPOCH), and self-checked;
    without ``package`` (a run that only measures, as `check`'s) they are b"". ``cache``
    (render.slidecache.SlideCache) reuses unchanged slides of the previous build, and ``memory``
    (lints.fits.FitMemory) their fit warnings. ``files`` holds the template and logo.
    """
    from ..lints.fits import FitFindings
    from ..package.integrity import verify_package
    from ..render.fitted import (
        render_fitted,  # python-pptx is imported only when a deck is rendered
    )

    epoch = source_date_epoch(DEFAULT_EPOCH)
    fits = FitFindings(memory)
    # Only the frames that overflowed are kept, and each slide's fit messages: not every frame.
    rendered = render_fitted(outline, source, epoch=epoch, all_records=False,
                             recorder=fits.recorder, assets=assets, cache=cache, files=files,
                             package=package)
    warnings = tuple(fits.problems(outline, rendered.outline, rendered.source))
    if not package:
        return b"", warnings
    data = deterministic_bytes(rendered.data, epoch=epoch)
    verify_package(data)  # a deck PowerPoint would have to repair is a bug: exit 70, write nothing
    return data, warnings
