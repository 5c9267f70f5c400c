"""The build pipeline: read and validate the outline, render the deck, write it safely."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import OutputError, Problem
from .outline.loader import SourceMap, read_document
from .outline.model import Outline
from .outline.validate import validate_document
from .package import deterministic_bytes, source_date_epoch, write_atomically

# Timestamps inside the deck when SOURCE_DATE_EPOCH is not set: fixed, so rebuilds are identical.
DEFAULT_EPOCH = 315532800  # 1980-01-01T00:00:00Z


@dataclass(frozen=True)
class BuildResult:
    output: Path
    slides: int


def load_outline(path: str | Path) -> tuple[Outline, SourceMap]:
    """Read and validate an outline file; raise OutlineError listing every problem."""
    path = Path(path)
    document = read_document(path, str(path))
    return validate_document(document), document.source


def default_output(outline_path: Path) -> Path:
    """slides.yaml -> slides.pptx, beside the outline."""
    return outline_path.with_suffix(".pptx")


def render_bytes(outline: Outline, source: SourceMap) -> bytes:
    """The deck's bytes, identical for identical outlines (and SOURCE_DATE_EPOCH)."""
    from .render import render_outline  # python-pptx is imported only when a deck is rendered

    epoch = source_date_epoch(DEFAULT_EPOCH)
    return deterministic_bytes(render_outline(outline, source, epoch=epoch), epoch=epoch)


def build_deck(outline_path: str | Path, output: str | Path | None = None) -> BuildResult:
    """Build the deck for ``outline_path`` into ``output`` (default: beside the outline)."""
    outline_path = Path(outline_path)
    target = Path(output) if output is not None else default_output(outline_path)
    if target.suffix.lower() != ".pptx":
        raise OutputError(Problem(f"the output '{target}' must end in .pptx"))
    outline, source = load_outline(outline_path)
    data = render_bytes(outline, source)
    write_atomically(data, target, protected=[outline_path])
    return BuildResult(output=target, slides=len(outline.slides))
