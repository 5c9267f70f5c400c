"""Looking at a deck: LibreOffice renders it to PDF, poppler to PNGs, Pillow draws a sheet."""

from __future__ import annotations

import os
import posixpath
import re
import shutil
import signal
import subprocess
import tempfile
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EXIT_OUTPUT, OutputError, Problem, YamldeckError

SOFFICE_TIMEOUT_S = 180
POPPLER_TIMEOUT_S = 120
PNG_WIDTH = 1280  # pixels: a 16:9 slide becomes 1280 x 720
INSTALL_HINT = (
    "install LibreOffice and poppler, e.g. on Debian or Ubuntu: "
    "sudo apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito "
    "(on macOS: brew install --cask libreoffice && brew install poppler)"
)
_SOFFICE_NAMES = ("soffice", "libreoffice")


class RendererError(YamldeckError):
    """LibreOffice or poppler is missing, failed or took too long (exit 3: nothing was written)."""

    exit_code = EXIT_OUTPUT


@dataclass(frozen=True)
class Word:
    """One rendered word and its box in points, origin at the page's top left."""

    text: str
    x0: float
    y0: float
    x1: float
    y1: float


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


def find_tool(names: Sequence[str]) -> str:
    """The path of the first of ``names`` on PATH, or a RendererError saying how to install it."""
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    raise RendererError(
        Problem(f"'{names[0]}' was not found, so slides cannot be rendered; {INSTALL_HINT}")
    )


def _run(
    command: list[str], timeout: float, what: str, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``command`` in its own process group; end the whole group on a timeout or Ctrl-C."""
    try:
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   text=True, start_new_session=True, env=env)
    except OSError as exc:
        raise RendererError(Problem(f"cannot start {what}: {exc.strerror or exc}")) from exc
    try:
        out, err = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _end(process)
        raise RendererError(
            Problem(f"{what} did not finish within {timeout:g} s; nothing was written")
        ) from None
    except BaseException:  # Ctrl-C: its own session means LibreOffice did not get the signal
        _end(process)
        raise
    return subprocess.CompletedProcess(command, process.returncode, out, err)


def _end(process: subprocess.Popen[str]) -> None:
    """Kill ``process`` and its children (soffice starts soffice.bin) and reap it."""
    try:
        os.killpg(process.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    process.communicate()


def pptx_to_pdf(deck: Path, out_dir: Path, *, timeout: float = SOFFICE_TIMEOUT_S) -> Path:
    """Convert ``deck`` to ``out_dir/<name>.pdf`` with LibreOffice, in a profile of its own."""
    soffice = find_tool(_SOFFICE_NAMES)
    with tempfile.TemporaryDirectory(prefix="yamldeck-lo-") as scratch:
        # Concurrent runs sharing a profile silently lose conversions: each run gets its own.
        profile = Path(scratch, "profile").as_uri()
        staging = Path(scratch, "out")
        staging.mkdir()
        # LibreOffice's own temporary files too: a run ended by Ctrl-C or the timeout (killed,
        # so it cannot tidy up) leaves nothing behind once the scratch folder is removed.
        temporary = Path(scratch, "tmp")
        temporary.mkdir()
        env = {**os.environ, "TMPDIR": str(temporary)}
        command = [
            soffice,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(staging),
            str(deck),
        ]
        done = _run(command, timeout, "LibreOffice", env)
        produced = staging / f"{deck.stem}.pdf"
        # LibreOffice exits 0 even when it could not load the file: the PDF is the only proof.
        if not produced.is_file() or produced.stat().st_size == 0:
            said = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["nothing"]
            raise RendererError(
                Problem(
                    f"LibreOffice did not produce a PDF of '{deck.name}' "
                    f"(exit {done.returncode}, it said: {said[0]})"
                )
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        target = out_dir / produced.name
        shutil.move(str(produced), target)
    return target


def pdf_to_pngs(
    pdf: Path, out_dir: Path, *, width: int = PNG_WIDTH, prefix: str = "slide"
) -> list[Path]:
    """One PNG per page, named ``<prefix>-01.png`` onwards, in page order."""
    pdftoppm = find_tool(["pdftoppm"])
    with tempfile.TemporaryDirectory(prefix="yamldeck-png-") as scratch:
        done = _run(
            [pdftoppm, "-scale-to", str(width), "-png", str(pdf), str(Path(scratch, "p"))],
            POPPLER_TIMEOUT_S,
            "pdftoppm",
        )
        pages = sorted(Path(scratch).glob("p-*.png"), key=lambda p: int(p.stem.split("-")[-1]))
        if done.returncode != 0 or not pages:
            raise RendererError(
                Problem(
                    f"pdftoppm could not render '{pdf.name}': {done.stderr.strip() or 'no pages'}"
                )
            )
        out_dir.mkdir(parents=True, exist_ok=True)
        width = max(2, len(str(len(pages))))
        result = []
        for number, page in enumerate(pages, start=1):
            target = out_dir / f"{prefix}-{number:0{width}d}.png"
            shutil.move(str(page), target)
            result.append(target)
    return result


def read_words(pdf: Path) -> list[list[Word]]:
    """Every word LibreOffice drew, page by page, from ``pdftotext -bbox-layout``."""
    pdftotext = find_tool(["pdftotext"])
    done = _run([pdftotext, "-bbox-layout", str(pdf), "-"], POPPLER_TIMEOUT_S, "pdftotext")
    if done.returncode != 0:
        raise RendererError(
            Problem(f"pdftotext could not read '{pdf.name}': {done.stderr.strip()}")
        )
    html = re.sub(r"<!DOCTYPE[^>]*>", "", done.stdout).replace(
        ' xmlns="http://www.w3.org/1999/xhtml"', ""
    )
    root = ET.fromstring(html)
    return [
        [
            Word(w.text or "", *(float(w.get(k, 0)) for k in ("xMin", "yMin", "xMax", "yMax")))
            for w in page.iter("word")
        ]
        for page in root.iter("page")
    ]


def contact_sheet(
    pictures: Sequence[Path],
    target: Path,
    *,
    captions: Sequence[str] = (),
    columns: int | None = None,
    thumb_width: int = 400,
) -> Path:
    """All slides in a numbered grid (caption: number and title), written to ``target`` as PNG."""
    from PIL import Image, ImageDraw, ImageFont

    from ..layout.measure import FONT_DIR

    if not pictures:
        raise RendererError(Problem("there are no slide pictures to put on a contact sheet"))
    columns = columns or (3 if len(pictures) <= 9 else 4)
    gap, caption_h = 24, 34
    first = Image.open(pictures[0])
    thumb_h = round(thumb_width * first.height / first.width)
    rows = -(-len(pictures) // columns)
    sheet = Image.new(
        "RGB",
        (gap + columns * (thumb_width + gap), gap + rows * (thumb_h + caption_h + gap)),
        "#EEF1F5",
    )
    draw = ImageDraw.Draw(sheet)
    bold = ImageFont.truetype(str(FONT_DIR / "Carlito-Bold.ttf"), 20)
    regular = ImageFont.truetype(str(FONT_DIR / "Carlito-Regular.ttf"), 18)
    for i, path in enumerate(pictures):
        x = gap + (i % columns) * (thumb_width + gap)
        y = gap + (i // columns) * (thumb_h + caption_h + gap)
        with Image.open(path) as picture:
            sheet.paste(
                picture.convert("RGB").resize((thumb_width, thumb_h), Image.LANCZOS), (x, y)
            )
        draw.rectangle((x - 1, y - 1, x + thumb_width, y + thumb_h), outline="#B8C2CC")
        number = str(i + 1)
        draw.text((x, y + thumb_h + 7), number, fill="#1B2A41", font=bold)
        caption = captions[i] if i < len(captions) else ""
        if caption:
            left = x + draw.textlength(number, font=bold) + 10
            draw.text(
                (left, y + thumb_h + 8),
                _clip(draw, caption, regular, x + thumb_width - left),
                fill="#41505E",
                font=regular,
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    return target


def _clip(draw: object, text: str, font: object, width: float) -> str:
    """``text`` shortened with an ellipsis to ``width`` pixels."""
    measure = draw.textlength  # type: ignore[attr-defined]
    if measure(text, font=font) <= width:
        return text
    while text and measure(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


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


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def deck_titles(deck: Path) -> list[str]:
    """The title of each slide of a built deck, in order ('' for a slide without one)."""
    with zipfile.ZipFile(deck) as package:
        presentation = ET.fromstring(package.read("ppt/presentation.xml"))
        rels = ET.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        titles = []
        for slide_id in presentation.iter(_P + "sldId"):
            part = posixpath.normpath(posixpath.join("ppt", targets[slide_id.get(_R + "id")]))
            titles.append(_title_of(ET.fromstring(package.read(part))))
    return titles


def _title_of(slide: ET.Element) -> str:
    for shape in slide.iter(_P + "sp"):
        ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return " ".join(
                "".join(t.text or "" for t in p.iter(_A + "t")) for p in shape.iter(_A + "p")
            ).strip()
    return ""


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
