"""Text measurement: predicts wrapped line counts and heights of text frames with bundled fonts.

Widths come from the bundled Carlito faces (metric-compatible with Calibri), never from the fonts
installed on the machine, so the same outline gets the same font sizes everywhere. Wrapping mimics
PowerPoint and LibreOffice: greedy at spaces and after hyphens inside words, trailing spaces hang,
over-long words break by characters, "\\n" is a soft line break. Text in other scripts (East
Asian, Arabic, Hebrew) is cut into words and measured by layout.breaking.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from PIL import ImageFont

from .breaking import HYPHEN_BREAK, Face, Line, piece_width, soft_lines

__all__ = ["HYPHEN_BREAK", "Fit", "Frame", "Measurer", "Paragraph", "Run", "get_measurer"]

FONT_DIR = Path(__file__).parent.parent / "fonts"
_FACE_FILES = {
    (False, False): "Carlito-Regular.ttf",
    (True, False): "Carlito-Bold.ttf",
    (False, True): "Carlito-Italic.ttf",
    (True, True): "Carlito-BoldItalic.ttf",
}
# Widths are measured once at this size and scaled linearly (advances are linear in size).
UNITS_PER_EM = 1000
# Line pitch as a multiple of the font size at single spacing. LibreOffice 7.4 rendered Carlito at
# 1.20 (+-0.008 rounding) between baselines at 14-40 pt, and its auto-grown boxes matched
# lines * 1.2 * size * spacing + insets within 0.7 pt (not Carlito's 1.22 ascent+descent).
LINE_PITCH = 1.2
# A line this close to the wrap width may wrap in one viewer and not in another: predict the wrap.
# Fitting decisions use this margin (safety); EXACT predicts the wrap at the box's own width, which
# matched LibreOffice's line counts more often but also missed on the short side (README figures).
WRAP_MARGIN = 0.995
EXACT = 1.0
# Right-to-left lines, whose Arabic words LibreOffice sets in a fallback font, came out as much as
# 0.7% wider than measured (Persian more than Arabic): deciding what fits allows that much more.
RTL_MARGIN = 0.005
_CACHE_LIMIT = 100_000


@dataclass(frozen=True)
class Run:
    """A stretch of text in one face."""

    text: str
    bold: bool = False
    italic: bool = False
    lang: str = ""  # set for text in a language not written in Latin letters (layout.breaking)


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of a text frame; sizes are nominal, before any shrink."""

    runs: tuple[Run, ...]
    size_pt: float  # nominal (theme) size of this paragraph
    left_pt: float = 0.0  # marL: left margin of the text (wrapped lines start here)
    indent_pt: float = 0.0  # first-line indent relative to left_pt (negative = hanging bullet)
    space_before_pt: float = 0.0  # spcBef at nominal size; scaled with the shrink
    line_spacing: float = 1.0  # multiple of single spacing
    rtl: bool = False  # written right to left (its neutral characters are set as Arabic's)


@dataclass(frozen=True)
class Frame:
    """A text box: its size, bodyPr insets and text columns."""

    width_pt: float
    height_pt: float
    inset_left_pt: float = 7.2
    inset_right_pt: float = 7.2
    inset_top_pt: float = 3.6
    inset_bottom_pt: float = 3.6
    columns: int = 1
    column_gap_pt: float = 0.0


@dataclass(frozen=True)
class Fit:
    """The outcome of Measurer.fit()."""

    shrink_pt: int  # whole points subtracted from every paragraph's nominal size
    lines: int  # total lines at that size
    height_pt: float  # text height at that size, insets included
    fits: bool  # False when even the floor overflows (then shrink_pt is the floor's)
    # Lines (in order) that fit the frame at that size: all of them when the text fits.
    capacity: int = field(default=0, compare=False)


class Measurer:
    """Caches word widths; one instance per process is enough (module-level get_measurer())."""

    def __init__(self, font_dir: Path = FONT_DIR) -> None:
        # Pillow's default (raqm) layout applies pair kerning as LibreOffice does; unkerned widths
        # predicted LibreOffice's line counts less often (all errors on the safe side).
        self._fonts = {
            face: ImageFont.truetype(str(font_dir / name), UNITS_PER_EM)
            for face, name in _FACE_FILES.items()
        }
        self._widths: dict[tuple[str, Face], float] = {}
        self._tokens: dict[Any, tuple[Line, ...]] = {}

    def _units(self, text: str, face: Face) -> float:
        key = (text, face)
        width = self._widths.get(key)
        if width is None:
            if len(self._widths) > _CACHE_LIMIT:
                self._widths.clear()
            width = self._widths[key] = self._fonts[face].getlength(text)
        return width

    def text_width_pt(
        self, text: str, size_pt: float, bold: bool = False, italic: bool = False
    ) -> float:
        """Advance width of `text` (the widest line if it holds "\\n"), trailing spaces included."""
        face = (bold, italic)
        space = self._units(" ", face)
        widest = 0.0
        for line in text.split("\n"):
            words = line.split(" ")
            units = sum(self._units(w, face) for w in words if w) + space * (len(words) - 1)
            widest = max(widest, units)
        return widest * size_pt / UNITS_PER_EM

    def _soft_lines(self, runs: tuple[Run, ...], rtl: bool = False) -> tuple[Line, ...]:
        """Split runs into soft lines of word tokens; a word may span runs (no space between)."""
        key: Any = (runs, True) if rtl else runs
        cached = self._tokens.get(key)
        if cached is not None:
            return cached
        result = soft_lines(runs, rtl, self._units)
        if len(self._tokens) > _CACHE_LIMIT:
            self._tokens.clear()
        self._tokens[key] = result
        return result

    def _break_word(self, pieces: tuple[Any, ...], limit: float) -> tuple[int, float]:
        """Lay an over-long word out from a fresh line: (extra lines used, width on last line)."""
        extra, x = 0, 0.0
        for text, face in pieces:
            for ch in text:
                w = self._units(ch, face) if len(face) == 2 else piece_width(ch, face, self._units)
                if x and x + w > limit:
                    extra, x = extra + 1, 0.0
                x += w
        return extra, x

    def extent_units(self, runs: tuple[Run, ...], rtl: bool = False) -> tuple[float, float]:
        """(widest soft line, widest word that cannot break) in thousandths of an em."""
        natural = longest = 0.0
        for tokens in self._soft_lines(runs, rtl):
            x = pending = 0.0
            for word, space, _ in tokens:
                x, pending, longest = x + pending + word, space, max(longest, word)
            natural = max(natural, x)
        return natural, longest

    def line_count(
        self, paragraph: Paragraph, width_pt: float, size_pt: float, margin: float = WRAP_MARGIN
    ) -> int:
        """Lines of `paragraph` at `size_pt` in a text area `width_pt` wide (insets excluded).

        Lines wrap at `margin` times the width: WRAP_MARGIN to decide what fits, EXACT to predict.
        """
        if size_pt <= 0:
            raise ValueError(f"font size must be positive, got {size_pt}")
        scale = UNITS_PER_EM / size_pt
        if paragraph.rtl and margin < EXACT:
            margin -= RTL_MARGIN  # LibreOffice sets right-to-left lines up to 0.7% wider
        rest = (width_pt - paragraph.left_pt) * scale * margin
        # A hanging bullet sits left of left_pt, so only a positive indent narrows the first line.
        first = rest - max(paragraph.indent_pt, 0.0) * scale * margin
        count = 0
        for tokens in self._soft_lines(paragraph.runs, paragraph.rtl):
            count += 1
            limit = first if count == 1 else rest
            x, pending, empty = 0.0, 0.0, True
            for word, space, pieces in tokens:
                if empty or x + pending + word > limit:
                    if not empty:
                        count, limit = count + 1, rest
                    if word > limit:
                        extra, x = self._break_word(pieces, limit)
                        count += extra
                    else:
                        x = word
                else:
                    x += pending + word
                pending, empty = space, False
        return count

    def column_width_pt(self, frame: Frame) -> float:
        """Width of one text column of `frame`, insets and gaps excluded."""
        cols = max(frame.columns, 1)
        inner = frame.width_pt - frame.inset_left_pt - frame.inset_right_pt
        return (inner - (cols - 1) * frame.column_gap_pt) / cols

    def line_heights(
        self, paragraphs: Sequence[Paragraph], frame: Frame, shrink_pt: int,
        margin: float = WRAP_MARGIN,
    ) -> list[float]:
        """The height of every line in order, at sizes reduced by `shrink_pt`.

        A paragraph's first line carries its space before (scaled with the shrink; never on the
        frame's first paragraph).
        """
        width = self.column_width_pt(frame)
        heights: list[float] = []
        for i, para in enumerate(paragraphs):
            size = para.size_pt - shrink_pt
            pitch = LINE_PITCH * size * para.line_spacing
            before = para.space_before_pt * size / para.size_pt if i else 0.0
            lines = self.line_count(para, width, size, margin)
            heights.append(pitch + before)
            heights.extend([pitch] * (lines - 1))
        return heights

    def _columns(self, heights: list[float], frame: Frame) -> tuple[list[float], int]:
        """Flow lines column to column: (each column's height, lines inside the frame)."""
        cols = max(frame.columns, 1)
        usable = frame.height_pt - frame.inset_top_pt - frame.inset_bottom_pt + 1e-9
        filled = [0.0] * cols
        col = inside = 0
        for need in heights:
            if filled[col] and filled[col] + need > usable and col < cols - 1:
                col += 1
            filled[col] += need
            inside += filled[col] <= usable
        return filled, inside

    def text_height_pt(
        self, paragraphs: Sequence[Paragraph], frame: Frame, shrink_pt: int,
        margin: float = WRAP_MARGIN,
    ) -> tuple[int, float]:
        """(lines, height) with every size reduced by `shrink_pt`; height includes the insets.

        Lines flow column to column; a paragraph may break across columns between lines. What
        overflows the last column stays in it, so the height is that of the tallest column.
        """
        heights = self.line_heights(paragraphs, frame, shrink_pt, margin)
        if frame.columns <= 1:
            return len(heights), sum(heights) + frame.inset_top_pt + frame.inset_bottom_pt
        filled, _ = self._columns(heights, frame)
        return len(heights), max(filled) + frame.inset_top_pt + frame.inset_bottom_pt

    def lines_that_fit(
        self, paragraphs: Sequence[Paragraph], frame: Frame, shrink_pt: int,
        margin: float = WRAP_MARGIN,
    ) -> int:
        """How many of the text's lines, in order, lie inside the frame at that size."""
        heights = self.line_heights(paragraphs, frame, shrink_pt, margin)
        return self._columns(heights, frame)[1]

    def fit(
        self, paragraphs: Sequence[Paragraph], frame: Frame, floor_pt: float,
        margin: float = WRAP_MARGIN,
    ) -> Fit:
        """Smallest whole-point shrink that fits, never taking the smallest size below floor_pt."""
        smallest = min((p.size_pt for p in paragraphs), default=floor_pt)
        # Also keep every size positive, whatever floor the caller passes.
        max_shrink = max(0, min(math.floor(smallest - floor_pt + 1e-9), math.ceil(smallest) - 1))
        for shrink in range(max_shrink + 1):
            lines, height = self.text_height_pt(paragraphs, frame, shrink, margin)
            if height <= frame.height_pt + 1e-9:
                return Fit(shrink, lines, height, True, lines)
        capacity = self.lines_that_fit(paragraphs, frame, max_shrink, margin)
        return Fit(max_shrink, lines, height, False, capacity)


@cache
def get_measurer() -> Measurer:
    """The process-wide measurer (font files are loaded once)."""
    return Measurer()
