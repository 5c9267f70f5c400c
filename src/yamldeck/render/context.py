"""The state of one slide being rendered: its placeholders, their styles, and problems found."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from pptx.oxml.ns import qn

from ..errors import Problem
from ..outline.model import Deck
from .styles import FrameStyle, frame_style
from .text import Para, fill_frame

_BUCHAR = qn("a:buNone")


@dataclass
class SlideContext:
    slide: Any
    layout: Any
    deck: Deck
    label: str
    locate: Any  # callable: () -> Problem fields for this slide
    problems: list[Problem] = field(default_factory=list)
    styles: dict[int, FrameStyle] = field(default_factory=dict)
    link_color: str | None = None  # set on dark slides, where the theme's link colour is unreadable

    def _layout_placeholder(self, idx: int) -> Any:
        for shape in self.layout.placeholders:
            if shape.placeholder_format.idx == idx:
                return shape
        return None

    def _slide_placeholder(self, idx: int) -> Any:
        for shape in self.slide.placeholders:
            if shape.placeholder_format.idx == idx:
                return shape
        return None

    def fill_title(self, text: str) -> None:
        self.fill(0, [Para(text)], what="title")

    def fill(self, idx: int, paras: list[Para], *, what: str = "text", columns: int = 1,
             plain: bool = False, balance: bool = False) -> None:
        """Write ``paras`` into placeholder ``idx``; empty text leaves it for removal."""
        paras = [p for p in paras if p.text.strip()]
        shape = self._slide_placeholder(idx)
        if not paras or shape is None:
            return
        layout_ph = self._layout_placeholder(idx)
        style = frame_style(layout_ph, self.layout.slide_master)
        result = fill_frame(shape, paras, style, language=self.deck.language, columns=columns,
                            link_color=self.link_color)
        if balance and columns > 1 and result.fits and result.lines == len(paras):
            _balance_columns(shape, layout_ph, style, len(paras), columns, result.shrink_pt)
        if plain:
            for p in shape.text_frame.paragraphs:
                p._p.get_or_add_pPr().set("marL", "0")
                p._p.get_or_add_pPr().set("indent", "0")
                p._p.get_or_add_pPr().insert(0, p._p.makeelement(_BUCHAR, {}))
        if not result.fits:
            self.problems.append(
                self.locate(
                    f"{self.label}: the {what} does not fit its box even at the smallest size "
                    f"({result.lines} lines); shorten it or split it over two slides"
                )
            )

    def remove_empty_placeholders(self) -> None:
        """Drop placeholders that got no text, so no 'Click to add text' shows."""
        for shape in list(self.slide.placeholders):
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                element = shape._element
                element.getparent().remove(element)


def _balance_columns(shape: Any, layout_ph: Any, style: FrameStyle, items: int, columns: int,
                     shrink: int) -> None:
    """Shorten a multi-column frame so one-line items fill its columns evenly, not 17-17-1."""
    rows = -(-items // columns)
    level = style.levels[0]
    size = level.size_pt - shrink
    pitch = size * 1.2 * level.line_spacing
    top, bottom = style.insets_pt[2], style.insets_pt[3]
    height_pt = top + bottom + rows * pitch + 0.5 * pitch
    if height_pt >= style.height_pt:
        return
    shape.left, shape.top, shape.width = layout_ph.left, layout_ph.top, layout_ph.width
    shape.height = int(height_pt * 12700)
