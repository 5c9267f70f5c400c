"""The external renderers: LibreOffice draws a deck as PDF, poppler makes PNGs and words of it.

Each run is bounded by a timeout and ends its whole process group on a timeout or Ctrl-C; a
missing tool, a failed run or one that took too long is a RendererError (exit 3: nothing written).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import EXIT_OUTPUT, Problem, YamldeckError

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
