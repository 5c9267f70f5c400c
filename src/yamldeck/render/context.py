"""The state of one slide being rendered: its placeholders, their styles, and problems found."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass, field, replace
from typing import Any

from pptx.oxml.ns import qn

from ..errors import Problem
from ..fit import get_measurer
from ..outline.model import Deck
from .styles import FrameStyle, frame_style
from .text import Measured, Para, fill_measured

_BUCHAR = qn("a:buNone")


@dataclass(frozen=True)
class FrameRecord:
    """One fitted text frame, as a measuring run sees it (lints, continuation slides)."""

    label: str  # "slide N 'Title'"
    locate: Any  # callable: message -> Problem located at the slide
    what: str  # "title", "bullets", "caption"...
    idx: int  # the placeholder's idx
    paras: tuple[Para, ...]
    measured: Measured
    problem: Problem | None  # the overflow error this frame raised, if any


# Set to a list by a caller that wants every fitted frame recorded (yamldeck.overflow does).
FRAME_RECORDS: ContextVar[list[FrameRecord] | None] = ContextVar("frame_records", default=None)


def overflow_message(label: str, what: str, measured: Measured) -> str:
    """'slide 7 'Challenges': the bullets need 11 lines, 8 fit at the 14 pt floor; ...'."""
    fit = measured.fit
    plural = what.endswith("s")
    hint = "shorten it" if what in ("title", "number") else (
        "shorten or split them" if plural else "shorten or split it")
    if what == "bullets":
        hint += ", or add 'overflow: continue' to the slide to carry the rest onto a new slide"
    return (f"{label}: the {what} {'need' if plural else 'needs'} {fit.lines} lines, "
            f"{fit.capacity} fit at the {measured.floor_pt:g} pt floor; {hint}")


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
    assets: Any = None  # yamldeck.assets.Assets: the pictures and CSV rows the outline names
    outline: Any = None  # the whole outline (an agenda lists its sections)
    add_slide: Any = None  # callable: layout -> a new slide at the end of the deck
    continuations: list[SlideContext] = field(default_factory=list)  # slides this one spilled onto

    def continuation(self) -> SlideContext:
        """A new slide with this slide's layout, following this one (e.g. a long table's rest)."""
        ctx = SlideContext(
            slide=self.add_slide(self.layout), layout=self.layout, deck=self.deck,
            label=self.label, locate=self.locate, link_color=self.link_color,
            assets=self.assets, outline=self.outline, add_slide=self.add_slide,
        )
        self.continuations.append(ctx)
        return ctx

    def box(self, idx: int) -> tuple[int, int, int, int] | None:
        """Where placeholder ``idx`` sits on this slide: (left, top, width, height) in EMU."""
        shape = self._slide_placeholder(idx)
        if shape is None:
            return None
        return int(shape.left), int(shape.top), int(shape.width), int(shape.height)

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
        if plain:  # written below without bullet indents: measure it that way too
            style = replace(style, levels=tuple(replace(lvl, left_pt=0.0, indent_pt=0.0)
                                                for lvl in style.levels))
        measured = fill_measured(shape, paras, style, language=self.deck.language,
                                 columns=columns, link_color=self.link_color)
        result = measured.fit
        if balance and columns > 1 and result.fits and result.lines == len(paras):
            _balance_columns(shape, layout_ph, style, measured, columns)
        if plain:
            for p in shape.text_frame.paragraphs:
                p._p.get_or_add_pPr().set("marL", "0")
                p._p.get_or_add_pPr().set("indent", "0")
                p._p.get_or_add_pPr().insert(0, p._p.makeelement(_BUCHAR, {}))
        problem = None
        if not result.fits:
            problem = self.locate(overflow_message(self.label, what, measured))
            self.problems.append(problem)
        records = FRAME_RECORDS.get()
        if records is not None:
            records.append(FrameRecord(self.label, self.locate, what, idx, tuple(paras), measured,
                                       problem))

    def remove_empty_placeholders(self) -> None:
        """Drop placeholders that got no text, so no 'Click to add text' shows."""
        for shape in list(self.slide.placeholders):
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                element = shape._element
                element.getparent().remove(element)


def _balance_columns(shape: Any, layout_ph: Any, style: FrameStyle, measured: Measured,
                     columns: int) -> None:
    """Shorten a multi-column frame so one-line items fill its columns evenly, not 17-17-1."""
    rows = -(-len(measured.paragraphs) // columns)
    first = measured.paragraphs[0]
    pitch = (first.size_pt - measured.fit.shrink_pt) * 1.2 * first.line_spacing
    # The first column's items with their spacing, as measured, and half a line to spare.
    one_column = replace(measured.frame, columns=1)
    _, height = get_measurer().text_height_pt(measured.paragraphs[:rows], one_column,
                                              measured.fit.shrink_pt)
    height_pt = height + 0.5 * pitch
    if height_pt >= style.height_pt:
        return
    shape.left, shape.top, shape.width = layout_ph.left, layout_ph.top, layout_ph.width
    shape.height = int(height_pt * 12700)
