"""The preview and export commands: build a deck, have LibreOffice draw it, keep pictures or PDF."""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import OutputError, Problem
from .contactsheet import contact_sheet, deck_titles
from .libreoffice import pdf_to_pngs, pptx_to_pdf


@dataclass(frozen=True)
class PreviewResult:
    folder: Path
    pictures: tuple[Path, ...]
    sheet: Path
    warnings: tuple[Problem, ...] = ()  # the build's warnings about the outline


@dataclass(frozen=True)
class ExportResult:
    output: Path
    warnings: tuple[Problem, ...] = ()


def preview(
    outline: Path, folder: Path | None = None, *, deck: Path | None = None
) -> PreviewResult:
    """Build ``outline`` (or take the built ``deck``), render every slide to ``folder``.

    ``folder`` defaults to <outline>-preview/ beside the outline; it gets slide-01.png... and
    contact-sheet.png, and loses the slide pictures of an earlier, longer deck.
    """
    from .build import build_deck

    folder = folder if folder is not None else outline.with_name(f"{outline.stem}-preview")
    if folder.exists() and not folder.is_dir():
        raise OutputError(Problem(f"'{folder}' exists and is not a folder; give another with -o"))
    warnings: tuple[Problem, ...] = ()
    with tempfile.TemporaryDirectory(prefix="yamldeck-preview-") as scratch:
        if deck is None:
            built = build_deck(outline, Path(scratch, "deck.pptx"))
            deck, warnings = built.output, built.warnings
        titles = deck_titles(deck)
        pictures = pdf_to_pngs(pptx_to_pdf(deck, Path(scratch)), Path(scratch, "png"))
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("slide-*.png"):  # a shorter deck must not leave old slides
                old.unlink()
            moved = tuple(Path(shutil.move(str(p), folder / p.name)) for p in pictures)
            sheet = contact_sheet(moved, folder / "contact-sheet.png", captions=titles)
        except OSError as exc:
            raise OutputError(
                Problem(f"cannot write the pictures into '{folder}': {exc.strerror or exc}")
            ) from exc
    return PreviewResult(folder, moved, sheet, warnings)


def export_pdf(outline: Path, target: Path | None = None) -> ExportResult:
    """Build ``outline`` and write its PDF to ``target`` (default: beside it, slides.pdf)."""
    from ..package.writer import write_atomically
    from .build import build_deck

    target = target if target is not None else outline.with_suffix(".pdf")
    if target.is_dir():  # as `build -o FOLDER` says it
        name = Path(outline.name).with_suffix(".pdf")
        raise OutputError(f"'{target}' is a folder; give a file name such as {target / name}")
    if target.suffix.lower() != ".pdf":
        raise OutputError(Problem(f"the output '{target}' must end in .pdf"))
    if not target.parent.is_dir():  # say so before a build and a LibreOffice run, not after
        raise OutputError(Problem(f"cannot write '{target}': the folder '{target.parent}' does "
                                  "not exist"))
    with tempfile.TemporaryDirectory(prefix="yamldeck-export-") as scratch:
        built = build_deck(outline, Path(scratch, "deck.pptx"))
        pdf = pptx_to_pdf(built.output, Path(scratch))
        write_atomically(pdf.read_bytes(), target, protected=[outline])
    return ExportResult(target, built.warnings)
