"""The state of one slide being rendered: its placeholders, their styles, and problems found."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from pptx.oxml.ns import qn

from ..errors import Problem
from ..layout.measure import get_measurer
from ..outline.languages import is_rtl
from ..outline.model import Deck
from ..theme.scriptfonts import SCRIPT_FONTS
from .marks import mark_frame
from .placeholders import (
    dimensions,
    layout_placeholders,
    remove_empty_placeholders,
    slide_placeholder,
)
from .records import FRAME_RECORDS, FrameRecord, overflow_message
from .slots import (
    Slot,
    avoid,
    copy_frame,
    finish,
    layout_placeholder,
    own_frame,
    place,
    restyle,
    slot_box,
)
from .styles import FrameStyle, frame_style
from .text import Measured, Para, fill_measured
from .writing import Writing, writing_for

_BUCHAR = qn("a:buNone")


@dataclass
class SlideContext:
    slide: Any
    layout: Any
    deck: Deck
    label: str
    locate: Any  # callable: (message, *keys under the slide) -> a Problem located there
    problems: list[Problem] = field(default_factory=list)
    styles: dict[int, FrameStyle] = field(default_factory=dict)
    link_color: str | None = None  # set on dark slides, where the theme's link colour is unreadable
    assets: Any = None  # yamldeck.files.assets.Assets: the pictures and CSV rows the outline names
    outline: Any = None  # the whole outline (an agenda lists its sections)
    add_slide: Any = None  # callable: layout -> a new slide at the end of the deck
    continuations: list[SlideContext] = field(default_factory=list)  # slides this one spilled onto
    # On a template's layout: where each frame the renderer names (by the built-in theme's idx)
    # goes (see render.frames); None on the built-in theme's own layouts.
    slots: dict[int, Slot] | None = None
    keep_out: tuple[tuple[int, int, int, int], ...] = ()  # frames keep clear of these (logo)
    index: int = 0  # the slide's index in the outline rendered (FrameRecord.slide)
    language: str = ""  # the slide's language ("" for deck: language)
    fonts: Any = None  # (headings', body's) fonts by script (render.writing.theme_script_fonts)
    mirrored: bool = False  # the layouts are drawn right to left (built-in theme, RTL deck)
    _copies: dict[int, Any] = field(default_factory=dict)  # frames made for slots, by idx

    def continuation(self) -> SlideContext:
        """A new slide with this slide's layout, following this one (e.g. a long table's rest)."""
        ctx = SlideContext(
            slide=self.add_slide(self.layout), layout=self.layout, deck=self.deck,
            label=self.label, locate=self.locate, link_color=self.link_color,
            assets=self.assets, outline=self.outline, add_slide=self.add_slide,
            slots=self.slots, keep_out=self.keep_out, index=self.index,
            language=self.language, fonts=self.fonts, mirrored=self.mirrored,
        )
        self.continuations.append(ctx)
        return ctx

    def writing(self, heading: bool = False) -> Writing:
        """How this slide's text is written: its language, direction and script fonts."""
        fonts = self.fonts[0 if heading else 1] if self.fonts else SCRIPT_FONTS
        return writing_for(self.language or self.deck.language, self.deck.language, fonts)

    @property
    def rtl(self) -> bool:
        return is_rtl(self.language or self.deck.language)

    def box(self, idx: int) -> tuple[int, int, int, int] | None:
        """Where placeholder ``idx`` sits on this slide: (left, top, width, height) in EMU."""
        if self.slots is not None:
            slot = self.slots.get(idx)
            found = slot_box(self.layout, slot) if slot is not None else None
            return avoid(found, self.keep_out) if found is not None else None
        shape = self._slide_placeholder(idx)
        if shape is None:
            return None
        left, top, width, height = dimensions(shape, self.layout)
        return avoid((int(left), int(top), int(width), int(height)), self.keep_out)

    def content_box(self, title: str, what: str) -> tuple[int, int, int, int] | None:
        """The content frame's box (placeholder idx 1), or None after setting the title and
        saying that a user's layout without one cannot hold ``what`` (the template names it)."""
        area = self.box(1)
        if area is None:
            self.fill_title(title)
            self.problems.append(self.locate(f"{self.label}: the slide's layout has no content "
                                             f"frame (placeholder idx 1) for the {what}"))
        return area

    def _layout_placeholder(self, idx: int) -> Any:
        if self.slots is not None:
            slot = self.slots.get(idx)
            return None if slot is None else layout_placeholder(self.layout, slot.idx)
        return layout_placeholders(self.layout).get(idx)

    def _slide_placeholder(self, idx: int) -> Any:
        if self.slots is not None:
            return self._slot_frame(idx)
        return slide_placeholder(self.slide, idx)

    def _slot_frame(self, idx: int) -> Any:
        """The frame of slot ``idx``: the slide's placeholder, or a copy made the first time."""
        slot = self.slots.get(idx) if self.slots is not None else None
        if slot is None or slot.idx is None:
            return None
        if slot.own:
            return own_frame(self.slide, slot)
        if idx not in self._copies:
            layout_shape = layout_placeholder(self.layout, slot.idx)
            if layout_shape is None:
                return None
            self._copies[idx] = copy_frame(self.slide, layout_shape)
        return self._copies[idx]

    def _placed_style(self, idx: int, shape: Any, style: FrameStyle) -> FrameStyle:
        """Move a frame to its slot's box (or clear of the logo) and measure it there."""
        if self.slots is None and not self.keep_out:
            return style
        box = self.box(idx)
        if box is None:
            return style
        if box != dimensions(shape, self.layout):
            place(shape, box)
        return restyle(style, self.slots.get(idx) if self.slots else None, box)

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
        style = self._placed_style(idx, shape, style)
        slot = self.slots.get(idx) if self.slots is not None else None
        plain = plain or (slot is not None and slot.plain)
        if plain:  # written below without bullet indents: measure it that way too
            style = replace(style, levels=tuple(replace(lvl, left_pt=0.0, indent_pt=0.0)
                                                for lvl in style.levels))
        writing = self.writing(idx == 0)
        if writing.rtl and columns > 1:
            writing = replace(writing, visual=True)
            if balance:
                paras = _reading_order(paras, columns)
        measured = fill_measured(shape, paras, style, writing=writing,
                                 columns=columns, link_color=self.link_color, one_line=balance)
        result = measured.fit
        if balance and columns > 1 and result.fits and result.lines == len(paras):
            origin = self.box(idx) if self.slots is not None or self.keep_out else None
            _balance_columns(shape, origin or (layout_ph.left, layout_ph.top, layout_ph.width),
                             style, measured, columns)
        if plain:
            for p in shape.text_frame.paragraphs:
                p._p.get_or_add_pPr().set("marL", "0")
                p._p.get_or_add_pPr().set("indent", "0")
                _no_bullet(p._p.get_or_add_pPr())
        if slot is not None:
            finish(shape, slot, style)
        if self.outline is not None:  # named after the field it shows (render.marks)
            mark_frame(shape, self.outline.slides[self.index], idx)
        problem = None
        if not result.fits:
            problem = self.locate(overflow_message(self.label, what, measured))
            self.problems.append(problem)
        self.record(what, paras, measured, idx=idx, problem=problem)

    def record(self, what: str, paras: list[Para], measured: Measured, *, idx: int = -1,
               problem: Problem | None = None) -> None:
        """Note a fitted frame (fill(), or a table set without it) for whoever reads them."""
        records = FRAME_RECORDS.get()
        if records is not None:
            records.append(FrameRecord(self.label, self.locate, what, idx, tuple(paras), measured,
                                       problem, self.index))

    def remove_empty_placeholders(self) -> None:
        """Drop placeholders that got no text, so no 'Click to add text' shows."""
        remove_empty_placeholders(self.slide)


# What comes before the bullet in a:pPr (ECMA-376 CT_TextParagraphProperties), and bullets.
_BEFORE_BULLET = {qn(f"a:{t}") for t in ("lnSpc", "spcBef", "spcAft", "buClrTx", "buClr",
                                          "buSzTx", "buSzPct", "buSzPts", "buFontTx", "buFont")}
_BULLETS = {qn(f"a:{t}") for t in ("buNone", "buAutoNum", "buChar", "buBlip")}


def _no_bullet(p_pr: Any) -> None:
    """A buNone where the schema wants it (after spacing), replacing any other bullet."""
    for child in list(p_pr):
        if child.tag in _BULLETS:
            p_pr.remove(child)
    before = [child for child in p_pr if child.tag in _BEFORE_BULLET]
    bullet = p_pr.makeelement(_BUCHAR, {})
    if before:
        before[-1].addnext(bullet)
    else:
        p_pr.insert(0, bullet)


def _reading_order(paras: list[Para], columns: int) -> list[Para]:
    """A balanced list of right-to-left items for left-to-right columns (render.writing's
    ``visual``): the columns' groups in reverse, the last (shorter) one filled out with empty
    lines, so the first item sits at the top of the right-hand column."""
    rows = -(-len(paras) // columns)
    groups = [paras[i * rows:(i + 1) * rows] for i in range(columns)]
    groups = [group for group in groups if group]
    ordered: list[Para] = []
    for group in reversed(groups):
        ordered += group
        if group is not groups[0]:
            ordered += [Para("", group[-1].level)] * (rows - len(group))
    return ordered


def _balance_columns(shape: Any, origin: Any, style: FrameStyle, measured: Measured,
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
    shape.left, shape.top, shape.width = origin[0], origin[1], origin[2]
    shape.height = int(height_pt * 12700)
