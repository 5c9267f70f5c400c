"""Slide pictures for the page: PDF pages drawn by poppler, named by what they show, as PNG.

pdftoppm draws only the pages asked for, as raw pixels (PPM): its own PNG writer compresses at
zlib's default level and took four times as long as drawing. Each picture is named by a hash of
its pixels, so a slide that looks as before keeps its name and the browser its copy; only new
pixels are compressed, by Pillow at a fast level (the size hardly differs for slides).
"""

from __future__ import annotations

import hashlib
import io
import os
import subprocess
import tempfile
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from ..commands.libreoffice import POPPLER_TIMEOUT_S, RendererError, find_tool
from ..errors import Problem

WIDTH = 1600  # pixels: crisp at the page's largest slide on a 1.5x screen, 1600 x 900 for 16:9
PNG_LEVEL = 1


def picture_name(pixels: bytes) -> str:
    return hashlib.blake2b(pixels, digest_size=16).hexdigest() + ".png"


def draw_pages(
    pdf: Path, pages: Iterable[int], folder: Path, known: set[str], *, width: int = WIDTH
) -> dict[int, tuple[str, bytes | None]]:
    """Draw the 1-based ``pages`` of ``pdf``: {page: (name, PNG bytes, or None if in ``known``)}.

    The pages are split into runs shared between the processor's cores.
    """
    wanted = sorted(set(pages))
    if not wanted:
        return {}
    pdftoppm = find_tool(["pdftoppm"])
    cores = max(1, min(os.cpu_count() or 1, 4))
    runs = _runs(wanted, cores)
    with tempfile.TemporaryDirectory(prefix="pages-", dir=folder) as scratch:
        with ThreadPoolExecutor(cores) as pool:
            drawn = list(pool.map(lambda run: _draw(pdftoppm, pdf, run, Path(scratch), width),
                                  runs))
        files = {page: path for batch in drawn for page, path in batch.items()}
        missing = [page for page in wanted if page not in files]
        if missing:
            raise RendererError(Problem(f"pdftoppm drew no picture of page {missing[0]}"))
        with ThreadPoolExecutor(cores) as pool:  # Pillow compresses without the GIL
            return dict(zip(wanted, pool.map(lambda p: _encoded(files[p], known), wanted),
                            strict=True))


def _runs(pages: list[int], parts: int) -> list[tuple[int, int]]:
    """Runs of consecutive ``pages`` (pdftoppm draws a range), the longest halved until there
    are ``parts`` of them, so that every core has a run to draw."""
    runs: list[list[int]] = []
    for page in pages:
        if runs and runs[-1][-1] == page - 1:
            runs[-1].append(page)
        else:
            runs.append([page])
    while len(runs) < parts and max(map(len, runs)) > 1:
        longest = max(runs, key=len)
        runs.remove(longest)
        runs += [longest[: len(longest) // 2], longest[len(longest) // 2 :]]
    return [(run[0], run[-1]) for run in sorted(runs)]


def _draw(pdftoppm: str, pdf: Path, run: tuple[int, int], scratch: Path,
          width: int) -> dict[int, Path]:
    first, last = run
    prefix = scratch / f"run{first}"
    command = [pdftoppm, "-f", str(first), "-l", str(last), "-scale-to", str(width), str(pdf),
               str(prefix)]
    try:
        done = subprocess.run(command, capture_output=True, text=True,
                              timeout=POPPLER_TIMEOUT_S, check=False)
    except subprocess.TimeoutExpired:
        raise RendererError(
            Problem(f"pdftoppm did not finish within {POPPLER_TIMEOUT_S:g} s")
        ) from None
    if done.returncode != 0:
        raise RendererError(Problem(f"pdftoppm could not draw the slides: {done.stderr.strip()}"))
    # pdftoppm names pages run1-05.ppm, padding the number to the document's page count.
    return {int(path.stem.rpartition("-")[2]): path for path in scratch.glob(f"run{first}-*.ppm")}


def _encoded(path: Path, known: set[str]) -> tuple[str, bytes | None]:
    from PIL import Image

    pixels = path.read_bytes()
    name = picture_name(pixels)
    if name in known:
        return name, None
    with Image.open(io.BytesIO(pixels)) as image:
        out = io.BytesIO()
        image.save(out, "PNG", compress_level=PNG_LEVEL)
    return name, out.getvalue()
