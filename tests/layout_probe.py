"""Test helper: compare a deck's text frames with what LibreOffice drew (pdftotext word boxes).

For each text frame (a shape's box and its paragraphs' text) it finds the words drawn inside the
box, groups them into lines, assigns the lines to paragraphs by their characters, and reports per
paragraph how many lines LibreOffice used; frames whose characters are not all found inside the
box have text outside it. It also finds words drawn on top of other words.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from yamldeck.commands.libreoffice import Word

EMU_PER_PT = 12700
BULLETS = {"\u2022", "\u2013", "\u25aa"}  # the theme's bullet characters, levels 1-3


@dataclass(frozen=True)
class FrameText:
    """A text frame as built: slide (0-based), box in points, columns, paragraphs' plain text."""

    slide: int
    left: float
    top: float
    width: float
    height: float
    paragraphs: tuple[str, ...]
    columns: int = 1
    column_gap: float = 0.0
    insets: tuple[float, float] = (0.0, 0.0)  # left, right
    name: str = ""


@dataclass
class FrameReading:
    frame: FrameText
    lines: list[int] = field(default_factory=list)  # rendered lines per paragraph
    missing: int = 0  # characters of the frame's text not found inside its box


def _chars(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def ink(word: Word) -> Word:
    """The part of a word's box that glyphs can cover.

    pdftotext's boxes run from the font's ascent (0.952 em above the baseline) to 0.348 em below
    it, taller than the 1.2 em line pitch; Carlito's glyphs, accented capitals included, stay
    within 0.86 em above and 0.22 em below the baseline.
    """
    size = (word.y1 - word.y0) / 1.3
    return Word(word.text, word.x0, word.y0 + 0.092 * size, word.x1, word.y1 - 0.128 * size)


def words_in(frame: FrameText, words: Sequence[Word], slack: float = 1.0) -> list[Word]:
    """Words whose ink lies inside the frame's box (with ``slack`` points of tolerance)."""
    x0, y0 = frame.left - slack, frame.top - slack
    x1, y1 = frame.left + frame.width + slack, frame.top + frame.height + slack
    return [w for w in words if w.x0 >= x0 and w.x1 <= x1 and ink(w).y0 >= y0 and ink(w).y1 <= y1]


def _lines(frame: FrameText, words: list[Word]) -> list[list[Word]]:
    """Rendered lines in reading order: column by column, top to bottom."""
    inner = frame.width - frame.insets[0] - frame.insets[1]
    col_w = (inner - (frame.columns - 1) * frame.column_gap) / frame.columns
    start = frame.left + frame.insets[0]

    def column(w: Word) -> int:
        k = int(((w.x0 + w.x1) / 2 - start) // (col_w + frame.column_gap))
        return min(max(k, 0), frame.columns - 1)

    lines: list[list[Word]] = []
    for k in range(frame.columns):
        mine = sorted((w for w in words if column(w) == k), key=lambda w: ((w.y0 + w.y1) / 2, w.x0))
        for w in mine:
            middle = (w.y0 + w.y1) / 2
            if (
                lines
                and lines[-1]
                and abs(middle - _middle(lines[-1])) < (w.y1 - w.y0) * 0.45
                and column(lines[-1][0]) == k
            ):
                lines[-1].append(w)
            else:
                lines.append([w])
    return [sorted(line, key=lambda w: w.x0) for line in lines]


def _middle(line: list[Word]) -> float:
    return sum((w.y0 + w.y1) / 2 for w in line) / len(line)


def read_frame(frame: FrameText, words: Sequence[Word]) -> FrameReading:
    """Lines per paragraph as drawn, and how much of the frame's text is missing from its box."""
    reading = FrameReading(frame, [0] * len(frame.paragraphs))
    expected = [_chars(p) for p in frame.paragraphs]
    index, used, found = 0, 0, Counter[str]()
    for line in _lines(frame, words_in(frame, words)):
        while index < len(expected) - 1 and used >= len(expected[index]):
            index, used = index + 1, 0
        text = [w.text for w in line]
        if text and text[0] in BULLETS and not expected[index][used:].startswith(text[0]):
            text = text[1:]  # the bullet glyph, drawn as a word of its own
        elif text and text[-1] in BULLETS and text[-1] not in expected[index]:
            text = text[:-1]  # ...at the right of a right-to-left line
        chars = _chars("".join(text))
        if not chars:
            continue
        reading.lines[index] += 1
        used += len(chars)
        found.update(chars)
    # Characters of the frame's text not drawn inside its box (extra glyphs such as automatic
    # numbers cannot hide missing ones).
    reading.missing = sum((Counter("".join(expected)) - found).values())
    return reading


def collisions(words: Sequence[Word], overlap: float = 0.3) -> list[tuple[Word, Word]]:
    """Pairs of words whose boxes overlap by more than ``overlap`` of the smaller one's height."""
    found = []
    ordered = sorted((ink(w) for w in words), key=lambda w: w.y0)
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.y0 >= a.y1:
                break
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if dx > 0.5 and dy > overlap * min(a.y1 - a.y0, b.y1 - b.y0):
                found.append((a, b))
    return found


def deck_frames(path: str) -> list[FrameText]:
    """Every text frame of a built deck as python-pptx reads it (placeholders inherit boxes)."""
    from pptx import Presentation
    from pptx.oxml.ns import qn

    def shapes(tree: Any) -> Any:  # groups opened (a timeline's, a process's text boxes)
        for shape in tree:
            if shape.shape_type is not None and "GROUP" in str(shape.shape_type):
                yield from shapes(shape.shapes)
            else:
                yield shape

    frames = []
    for number, slide in enumerate(Presentation(path).slides):
        for shape in shapes(slide.shapes):
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
            columns = int(body_pr.get("numCol", "1"))
            gap = int(body_pr.get("spcCol", "0")) / EMU_PER_PT
            # Text boxes default to 0.1 inch side insets; the theme's placeholders have none.
            default = "0" if shape.is_placeholder else "91440"
            insets = tuple(int(body_pr.get(k, default)) / EMU_PER_PT for k in ("lIns", "rIns"))
            texts = tuple(p.text.replace("\v", " ") for p in shape.text_frame.paragraphs)
            frames.append(
                FrameText(
                    number,
                    shape.left / EMU_PER_PT,
                    shape.top / EMU_PER_PT,
                    shape.width / EMU_PER_PT,
                    shape.height / EMU_PER_PT,
                    tuple(t for t in texts if t.strip()),
                    columns,
                    gap,
                    (insets[0], insets[1]),
                    shape.name,
                )
            )
    return frames
