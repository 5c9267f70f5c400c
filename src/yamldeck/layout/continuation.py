"""Continuation slides: bullets too long even at the smallest size split across new slides.

A slide with `overflow: continue` (or `deck: overflow: continue`) whose bullets do not fit even at
the smallest size is split between its top-level bullets into the fewest slides that fit, balanced
so the parts are about equally full, the later ones titled "... (cont.)". Everything else that
does not fit stays a located error.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from ..errors import Problem
from ..outline.fields import Bullet
from ..outline.loader import Path_, SourceMap
from ..outline.model import Outline
from ..outline.source import format_path
from .measure import LINE_PITCH, Frame, Paragraph, get_measurer

CONTINUED = " (cont.)"


def slide_of(record: Any) -> int:
    """The 1-based number, in the outline rendered, of the slide a record's frame is on."""
    return int(record.slide) + 1


def plan_continuations(
    outline: Outline, source: SourceMap, records: Sequence[Any]
) -> tuple[dict[int, list[Any]], dict[int, Problem]]:
    """Slides to continue ({number: parts}) and continue-slides that cannot be split."""
    plans: dict[int, list[Any]] = {}
    refused: dict[int, Problem] = {}
    for record in records:
        if record.problem is None or record.what != "bullets":
            continue
        number = slide_of(record)
        if not 0 < number <= len(outline.slides):
            continue
        slide = outline.slides[number - 1]
        mode = getattr(slide, "overflow", None) or outline.deck.overflow
        bullets = getattr(slide, "bullets", None)
        if mode != "continue" or not bullets or getattr(slide, "kind", "") != "bullets":
            continue
        groups = _group_sizes(bullets)
        m = record.measured
        chunks = split_groups(list(m.paragraphs), groups, m.frame, m.fit.shrink_pt)
        if isinstance(chunks, int):
            refused[number] = _too_long_bullet(record, source, number, chunks, bullets[chunks])
            continue
        plans[number] = _parts(slide, chunks)
    return plans, refused


def _group_sizes(bullets: Sequence[Bullet]) -> list[int]:
    """Paragraphs per top-level bullet: the bullet and everything nested under it."""

    def count(bullet: Bullet) -> int:
        return 1 + sum(count(child) for child in bullet.children)

    return [count(b) for b in bullets]


def _parts(slide: Any, chunks: list[tuple[int, int]]) -> list[Any]:
    parts = []
    for i, (start, end) in enumerate(chunks):
        update: dict[str, Any] = {"bullets": slide.bullets[start:end]}
        if i:
            update.update(title=slide.title + CONTINUED, notes=None)
        parts.append(slide.model_copy(update=update))
    return parts


def _too_long_bullet(
    record: Any, source: SourceMap, number: int, index: int, bullet: Bullet
) -> Problem:
    words = bullet.text.split()
    quoted = " ".join(words[:6]) + (" ..." if len(words) > 6 else "")
    nested = " with its sub-bullets" if bullet.children else ""
    m = record.measured
    return source.problem(
        ("slides", number - 1, "bullets", index),
        f"{record.label}: the bullet '{quoted}'{nested} does not fit one slide even at the "
        f"{m.floor_pt:g} pt floor, so 'overflow: continue' cannot carry it over; "
        "shorten it or split it into several bullets",
    )


def split_groups(
    paragraphs: list[Paragraph], groups: list[int], frame: Frame, floor_shrink: int
) -> list[tuple[int, int]] | int:
    """Split consecutive groups of paragraphs over the fewest frames that fit, evenly filled.

    Returns (start, end) group ranges, or the index of a group too tall for one frame at the floor.
    The size chosen is the largest at which no more frames are needed than at the floor.
    """
    starts = [sum(groups[:i]) for i in range(len(groups))]
    spans = [(s, s + n) for s, n in zip(starts, groups, strict=True)]
    limit = frame.height_pt - frame.inset_top_pt - frame.inset_bottom_pt
    at_floor = _pack(_group_heights(paragraphs, spans, frame, floor_shrink), limit)
    if isinstance(at_floor, int):
        return at_floor
    for shrink in range(floor_shrink + 1):
        heights = _group_heights(paragraphs, spans, frame, shrink)
        packed = _pack(heights, limit)
        if not isinstance(packed, int) and len(packed) == len(at_floor):
            return _balance(heights, limit, len(packed))
    return at_floor  # not reached: the loop ends at the floor


def _group_heights(
    paragraphs: list[Paragraph], spans: list[tuple[int, int]], frame: Frame, shrink: int
) -> list[tuple[float, float]]:
    """(space before, height without it) of each group at this shrink."""
    m = get_measurer()
    width = m.column_width_pt(frame)
    result = []
    for start, end in spans:
        body = 0.0
        for k in range(start, end):
            para = paragraphs[k]
            size = para.size_pt - shrink
            lines = m.line_count(para, width, size)
            before = para.space_before_pt * size / para.size_pt
            body += lines * LINE_PITCH * size * para.line_spacing + (before if k > start else 0.0)
        first = paragraphs[start]
        result.append((first.space_before_pt * (first.size_pt - shrink) / first.size_pt, body))
    return result


def _pack(heights: list[tuple[float, float]], limit: float) -> list[tuple[int, int]] | int:
    """Greedy: as many groups per frame as fit under ``limit``; or the first that never fits."""
    chunks: list[tuple[int, int]] = []
    start, used = 0, 0.0
    for i, (before, body) in enumerate(heights):
        if body > limit + 1e-9:
            return i
        if i > start and used + before + body > limit + 1e-9:
            chunks.append((start, i))
            start, used = i, body
        else:
            used += (before if i > start else 0.0) + body
    chunks.append((start, len(heights)))
    return chunks


def _balance(heights: list[tuple[float, float]], limit: float, count: int) -> list[tuple[int, int]]:
    """The same number of frames, with the fullest frame as empty as possible (binary search)."""
    low = max(body for _, body in heights)
    best = _pack(heights, limit)
    high = limit
    for _ in range(30):
        middle = (low + high) / 2
        packed = _pack(heights, middle)
        if isinstance(packed, list) and len(packed) <= count:
            best, high = packed, middle
        else:
            low = middle
    assert isinstance(best, list)
    return best


@dataclass
class RemappedSource(SourceMap):
    """A source map for an outline with continuation slides: slide i is the file's origin[i]."""

    origin: tuple[int, ...] = ()

    def _original(self, path: Path_) -> Path_:
        if len(path) >= 2 and path[0] == "slides" and isinstance(path[1], int):
            if 0 <= path[1] < len(self.origin):
                return ("slides", self.origin[path[1]], *path[2:])
        return path

    def slide_number(self, index: int) -> int:
        return self.origin[index] + 1 if 0 <= index < len(self.origin) else index + 1

    def locate(self, path: Path_, *, key: bool = False) -> Any:
        return super().locate(self._original(path), key=key)

    def problem(
        self, path: Path_, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        # SourceMap.problem locates through self.locate, which maps the path once already.
        found = super().problem(path, message, key=key, severity=severity)
        return replace(found, path=format_path(self._original(path)))
