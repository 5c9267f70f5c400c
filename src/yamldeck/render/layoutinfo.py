"""A layout's placeholders by type and place, as the frame planners see them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .slots import Box, placeholder_box
from .styles import FrameStyle, frame_style
from .usertemplate import ph_type

TITLES = ("title", "ctrTitle")
BODIES = ("body", "obj")  # what holds bullets
TEXTS = ("subTitle", "body", "obj")  # what holds a line or two of text
AREAS = ("obj", "body", "pic", "chart", "tbl", "dgm", "media", "clipArt")
FURNITURE = ("dt", "ftr", "sldNum")
FRIENDLY = {"title": "title", "ctrTitle": "title", "subTitle": "subtitle", "body": "text",
            "obj": "content", "pic": "picture", "ftr": "footer", "sldNum": "slide number",
            "dt": "date", "chart": "chart", "tbl": "table"}
GUTTER = 0.04  # between the halves of a frame split in two, as a share of its width


@dataclass(frozen=True)
class Ph:
    idx: int
    type: str
    box: Box

    @property
    def area(self) -> int:
        return self.box[2] * self.box[3]


@dataclass
class LayoutInfo:
    """A layout's placeholders by type and place, and the room left below its title."""

    layout: Any
    phs: list[Ph]
    slide_size: tuple[int, int]
    _styles: dict[int, FrameStyle] = field(default_factory=dict)

    @classmethod
    def of(cls, layout: Any) -> LayoutInfo:
        phs = []
        for shape in layout.placeholders:
            box = placeholder_box(shape)
            if box is not None and box[2] > 0 and box[3] > 0:
                phs.append(Ph(shape.placeholder_format.idx, ph_type(shape._element), box))
        prs = layout.part.package.presentation_part.presentation
        return cls(layout, phs, (int(prs.slide_width), int(prs.slide_height)))

    def title(self) -> Ph | None:
        return next((ph for ph in self.phs if ph.type in TITLES), None)

    def of_types(self, types: tuple[str, ...], *, but: tuple[Ph, ...] = ()) -> list[Ph]:
        """Placeholders of these types, preferring the first type, then top to bottom."""
        found = [ph for ph in self.phs if ph.type in types and ph not in but]
        return sorted(found, key=lambda ph: (types.index(ph.type), ph.box[1], ph.box[0]))

    def largest(self, types: tuple[str, ...], *, but: tuple[Ph, ...] = ()) -> Ph | None:
        found = [ph for ph in self.phs if ph.type in types and ph not in but]
        return max(found, key=lambda ph: ph.area, default=None)

    def pair(self, types: tuple[str, ...]) -> tuple[Ph, Ph] | None:
        """Two placeholders side by side (left, right), the largest such pair."""
        found = [ph for ph in self.phs if ph.type in types]
        pairs = [(a, b) for a in found for b in found
                 if a.box[0] + a.box[2] <= b.box[0] and _level(a, b)]
        return max(pairs, key=lambda p: p[0].area + p[1].area, default=None)

    def below_title(self) -> Box | None:
        """The space under the title and above the footer, for a layout without a body."""
        title = self.title()
        if title is None:
            return None
        width, height = self.slide_size
        x, y, w, h = title.box
        top = y + h + height // 40
        feet = [ph.box[1] for ph in self.phs if ph.type in FURNITURE and ph.box[1] > top]
        bottom = min(feet, default=height - height // 15) - height // 40
        return (x, top, w, bottom - top) if bottom - top > height // 4 else None

    def style(self, ph: Ph) -> FrameStyle:
        if ph.idx not in self._styles:
            shape = next(s for s in self.layout.placeholders
                         if s.placeholder_format.idx == ph.idx)
            self._styles[ph.idx] = frame_style(shape, self.layout.slide_master)
        return self._styles[ph.idx]

    def size(self, ph: Ph) -> float:
        """The template's type size (pt) for level-1 text in ``ph``."""
        return self.style(ph).levels[0].size_pt

    def describe(self) -> str:
        shown = [f"{FRIENDLY.get(ph.type, ph.type)} ({ph.type}, idx {ph.idx})" for ph in self.phs]
        return ("placeholders " + ", ".join(shown)) if shown else "no placeholders"


def _level(a: Ph, b: Ph) -> bool:
    """Whether two boxes start at about the same height and overlap vertically by half."""
    overlap = min(a.box[1] + a.box[3], b.box[1] + b.box[3]) - max(a.box[1], b.box[1])
    return overlap > 0.5 * min(a.box[3], b.box[3])
