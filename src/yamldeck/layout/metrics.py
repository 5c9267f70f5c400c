"""Widths of text outside Carlito: East Asian, Arabic and Hebrew text as LibreOffice sets it.

With the fonts the theme names (docs/outline.md), LibreOffice on Linux draws East Asian text in
Noto Sans CJK, Arabic letters in DejaVu Sans (Urdu in Noto Kufi Arabic), and the spaces, digits,
punctuation and Hebrew of right-to-left text in Liberation Sans (Arial's metrics). The bundled
files in fonts/metrics/ hold what measuring needs (scripts/extract_font_metrics.py made them):
advance widths, and for Arabic the fonts' shaping tables without outlines, which HarfBuzz
(uharfbuzz) shapes: Arabic letters take other, narrower forms when joined, so summing each
letter's own width overstates a word by a third.
"""

from __future__ import annotations

import bisect
import json
from functools import cache
from pathlib import Path
from typing import Any

METRICS = Path(__file__).parent.parent / "fonts" / "metrics"
UNITS_PER_EM = 1000  # widths here are in thousandths of an em, as Measurer's are
# What LibreOffice draws a character in when the font it was given lacks it: full width.
MISSING_EA = 1000.0
_ARABIC_FACES = {"default": "dejavu-sans-arabic", "ur": "noto-kufi-arabic"}
_SHAPED_LIMIT = 50_000


class _Advances:
    """Advance widths of one face by code point, from [start, count, advance] runs."""

    def __init__(self, runs: list[list[int]], upem: int, extra: dict[str, int]) -> None:
        self._starts = [start for start, _, _ in runs]
        self._runs = runs
        self._scale = UNITS_PER_EM / upem
        self._extra = {int(cp): adv * self._scale for cp, adv in extra.items()}

    def get(self, cp: int) -> float | None:
        found = self._extra.get(cp)
        if found is not None:
            return found
        i = bisect.bisect_right(self._starts, cp) - 1
        if i >= 0:
            start, count, advance = self._runs[i]
            if cp < start + count:
                return advance * self._scale
        return None


@cache
def _table(name: str) -> dict[str, Any]:
    return json.loads((METRICS / f"{name}.json").read_text(encoding="ascii"))


@cache
def cjk_face(bold: bool, region: str) -> _Advances:
    """Noto Sans CJK's advances; ``region`` (Hans, Hant, Hang, Jpan) picks the few regional
    widths (full-width quotation marks in Chinese)."""
    data = _table("noto-sans-cjk")
    weight = "bold" if bold else "regular"
    extra = data[f"{weight}-regional"].get(region, {})
    return _Advances(data[weight], data["upem"], extra)


@cache
def liberation_face(bold: bool) -> _Advances:
    data = _table("liberation-sans")
    return _Advances(data["bold" if bold else "regular"], data["upem"], {})


def cjk_width(text: str, bold: bool, region: str) -> float:
    face = cjk_face(bold, region)
    total = 0.0
    for ch in text:
        width = face.get(ord(ch))
        total += MISSING_EA if width is None else width
    return total


def liberation_has(ch: str) -> bool:
    return liberation_face(False).get(ord(ch)) is not None


@cache
def _kerning(bold: bool) -> dict[str, float]:
    data = _table("liberation-sans")
    scale = UNITS_PER_EM / data["upem"]
    return {pair: delta * scale for pair, delta in data[f"{'bold' if bold else 'regular'}-kerning"]
            .items()}


def liberation_width(text: str, bold: bool) -> float:
    """Width in Liberation Sans, Hebrew letters kerned as HarfBuzz kerns them."""
    face = liberation_face(bold)
    width = sum(face.get(ord(ch)) or 0.0 for ch in text)
    kerning = _kerning(bold)
    return width + sum(kerning.get(text[i:i + 2], 0.0) for i in range(len(text) - 1))


@cache
def _harfbuzz_font(name: str) -> tuple[Any, int]:
    import uharfbuzz  # a compiled wheel: imported only when Arabic text is measured

    face = uharfbuzz.Face(uharfbuzz.Blob.from_file_path(str(METRICS / f"{name}.ttf")))
    return uharfbuzz.Font(face), face.upem


_SHAPED: dict[tuple[str, bool, str], float] = {}


def arabic_width(word: str, bold: bool, language: str) -> float:
    """A word of Arabic script as HarfBuzz shapes it (joined forms, ligatures, marks)."""
    face = _ARABIC_FACES.get(language.split("-")[0].lower(), _ARABIC_FACES["default"])
    key = (word, bold, face)
    width = _SHAPED.get(key)
    if width is None:
        import uharfbuzz

        font, upem = _harfbuzz_font(face + ("-bold" if bold else ""))
        buffer = uharfbuzz.Buffer()
        buffer.add_str(word)
        buffer.guess_segment_properties()
        uharfbuzz.shape(font, buffer, {})
        width = sum(p.x_advance for p in buffer.glyph_positions) * UNITS_PER_EM / upem
        if len(_SHAPED) > _SHAPED_LIMIT:
            _SHAPED.clear()
        _SHAPED[key] = width
    return width
