"""A slide's footnotes and source, set small at its foot: room kept above the footer, then filled.

The room is reserved before the slide's kind draws it: it joins the boxes the slide's frames keep
clear of (SlideContext.keep_out), so the body is measured and fitted in what is left above it.
Footnotes shown are those the slide's text refers to ([^1] markers), with their numbers raised
as in the text; the source comes last. Slides continued from one another each carry the notes
their own text refers to, and the source.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pptx.enum.text import MSO_AUTO_SIZE
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from ..layout.measure import Frame, Paragraph, Run, get_measurer
from ..outline.citations import foot_texts
from ..outline.inline import parse_inline
from .chrome import is_dark
from .slots import Box, avoid, placeholder_box
from .styles import EMU_PER_PT, FrameStyle, LevelStyle, body_font_width
from .text import Para, fill_frame
from .writing import Writing, complex_text, runs_of

NOTE_SIZE_PT = 12.0  # the smallest size yamldeck sets; sources are read up close, or not at all
MOST_LINES = 5  # more would crowd the body: they belong in the speaker notes
SHAPE_NAME = "Sources and footnotes"
_INSETS = (0.0, 0.0, 1.8, 1.8)  # flush with the title and the footer, as the footer is set
_GAP = 6 * EMU_PER_PT  # between the notes and the footer (or hairline) below them
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_GREY = (f'<a:solidFill {_A}><a:schemeClr val="tx1"><a:lumMod val="75000"/>'
         '<a:lumOff val="25000"/></a:schemeClr></a:solidFill>')
_LIGHT = f'<a:solidFill {_A}><a:schemeClr val="bg1"/></a:solidFill>'
_BEFORE_FILL = {qn("a:ln")}


@dataclass(frozen=True)
class Foot:
    """The notes of one slide and the box kept for them."""

    box: Box
    paras: tuple[Para, ...]
    font_width: float = 1.0  # how much wider than Carlito the theme's body font sets text


def foot_paras(model: Any) -> list[Para]:
    """The footnotes the slide's text refers to (each led by its raised number), then the
    source."""
    return [Para(text) for text in foot_texts(model)]


def reserve_foot(ctx: Any, model: Any) -> Foot | None:
    """Keep room at the slide's foot for its notes (the body fits in what is left above)."""
    paras = foot_paras(model)
    if not paras:
        return None
    slide_w, slide_h = _slide_size(ctx.layout)
    title = ctx.box(0)
    left, width = (title[0], title[2]) if title else (slide_w // 20, slide_w - slide_w // 10)
    bottom = _floor(ctx.layout, slide_h) - _GAP
    wide = body_font_width(ctx.layout.slide_master)  # measured as Carlito: wider fonts, less room
    lines, height_pt = _measure(paras, width / EMU_PER_PT / wide, ctx.writing())
    box = (left, bottom - round(height_pt * EMU_PER_PT), width, round(height_pt * EMU_PER_PT))
    for _ in range(3):  # narrowed beside a logo or a rule drawn down the layout: measured again
        narrowed = _left_of_drawings(avoid(box, ctx.keep_out), ctx.layout)
        if narrowed[2] == box[2]:
            break
        lines, height_pt = _measure(paras, narrowed[2] / EMU_PER_PT / wide, ctx.writing())
        height = round(height_pt * EMU_PER_PT)
        box = (narrowed[0], bottom - height, narrowed[2], height)
    if lines > MOST_LINES:
        ctx.problems.append(ctx.locate(
            f"{ctx.label}: its footnotes and source take {lines} lines at the foot of the "
            f"slide, where {MOST_LINES} fit; shorten them, or move some into the speaker notes"))
        return None
    ctx.keep_out = (*ctx.keep_out, box)
    return Foot(box, tuple(paras), wide)


def draw_foot(ctx: Any, foot: Foot) -> None:
    """Set the notes in their box on the slide, small, in a muted colour."""
    left, top, width, height = foot.box
    shape = ctx.slide.shapes.add_textbox(left, top, width, height)
    shape.name = SHAPE_NAME
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.margin_left, frame.margin_right, frame.margin_top, frame.margin_bottom = (
        round(inset * EMU_PER_PT) for inset in _INSETS)
    frame._txBody.find(qn("a:bodyPr")).set("anchor", "b")
    fill_frame(shape, list(foot.paras), _style(width, height, foot.font_width),
               writing=ctx.writing(), link_color=ctx.link_color)
    colour = footer_colour(ctx.layout)
    if colour is None:
        colour = parse_xml(_LIGHT if is_dark(ctx.layout) else _GREY)
    for r_pr in frame._txBody.iter(qn("a:rPr")):
        if r_pr.find(qn("a:hlinkClick")) is None:
            anchor = next((c for c in r_pr if c.tag in _BEFORE_FILL), None)
            fill = copy.deepcopy(colour)
            if anchor is None:
                r_pr.insert(0, fill)
            else:
                anchor.addnext(fill)


def footer_colour(layout: Any) -> Any:
    """The colour the layout's footer text inherits (its own list style, the master's footer,
    the master's other text), made to be read at the slide's foot; None when the layout has no
    footer (the built-in theme's dark opening slides)."""
    found = [sp for sp in _ph_elements(layout) if _ph_kind(sp) == "ftr"]
    if not found:
        return None
    chain = [found[0], *(sp for sp in _ph_elements(layout.slide_master) if _ph_kind(sp) == "ftr")]
    styles = [sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}") for sp in chain]
    text_styles = layout.slide_master._element.find(qn("p:txStyles"))
    if text_styles is not None:
        styles.append(text_styles.find(qn("p:otherStyle")))
    for style in styles:
        fill = None if style is None else style.find(
            f"{qn('a:lvl1pPr')}/{qn('a:defRPr')}/{qn('a:solidFill')}")
        if fill is not None:
            return fill
    return None


def _ph_elements(part: Any) -> list[Any]:
    return [shape._element for shape in part.placeholders]


def _ph_kind(sp: Any) -> str | None:
    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return ph.get("type") if ph is not None else None


def _style(width: int, height: int, wide: float) -> FrameStyle:
    level = LevelStyle(NOTE_SIZE_PT, 0.0, 0.0, 0.0, 1.0, False)
    return FrameStyle(width / EMU_PER_PT / wide, height / EMU_PER_PT, _INSETS, (level,) * 9, wide)


def _measure(paras: Sequence[Para], width_pt: float, writing: Writing) -> tuple[int, float]:
    """(lines, height in points) of the notes set in a frame ``width_pt`` wide, in the slide's
    writing (Chinese breaking between characters, Arabic shaped and right to left)."""
    paragraphs = []
    for p in paras:
        runs = runs_of(parse_inline(p.text), writing)
        beyond = complex_text(runs, writing)
        paragraphs.append(Paragraph(tuple(r.measured(False, beyond) for r in runs) or (Run(""),),
                                    NOTE_SIZE_PT, rtl=beyond and writing.rtl))
    frame = Frame(width_pt, 10_000.0, *_INSETS)
    return get_measurer().text_height_pt(paragraphs, frame, 0)


def _slide_size(layout: Any) -> tuple[int, int]:
    prs = layout.part.package.presentation_part.presentation
    return int(prs.slide_width), int(prs.slide_height)


def _floor(layout: Any, slide_h: int) -> int:
    """The top of what sits at the foot of the layout: its footer, date and number boxes, or a
    rule drawn above them; the slide's bottom margin when there is none."""
    tops = []
    for shape in (*layout.shapes, *layout.slide_master.shapes):
        box = placeholder_box(shape) if shape.is_placeholder else _plain_box(shape)
        if box is None or box[1] < slide_h * 3 // 4:
            continue
        if shape.is_placeholder:
            kind = shape._element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
            if kind is not None and kind.get("type") in ("dt", "ftr", "sldNum"):
                tops.append(box[1])
        elif box[3] <= slide_h // 50:  # a rule or a thin bar across the foot
            tops.append(box[1])
    return min(tops, default=slide_h - slide_h // 20)


def _left_of_drawings(box: Box, layout: Any) -> Box:
    """``box`` ending before any shape the layout draws across it (a column divider), so the
    notes never run into it; kept whole where that would leave under a third of it."""
    left, top, width, height = box
    right = left + width
    for shape in layout.shapes:
        found = None if shape.is_placeholder else _plain_box(shape)
        if found is None or found[1] >= top + height or found[1] + found[3] <= top:
            continue
        if left + width // 3 < found[0] < right:
            right = found[0] - _GAP
    return left, top, right - left, height


def _plain_box(shape: Any) -> Box | None:
    values = (shape.left, shape.top, shape.width, shape.height)
    return None if any(v is None for v in values) else tuple(int(v) for v in values)  # type: ignore[return-value]
