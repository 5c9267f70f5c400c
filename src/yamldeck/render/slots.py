"""Frames of a slide kind on a template's layout: a placeholder, part of one, or a computed box."""

from __future__ import annotations

import copy
from dataclasses import dataclass, replace
from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Pt

from .styles import EMU_PER_PT, FrameStyle

Box = tuple[int, int, int, int]  # left, top, width, height in EMU
Part = tuple[float, float, float, float]  # left, top, right, bottom as fractions of a box
FULL: Part = (0.0, 0.0, 1.0, 1.0)
FIRST_COPY_IDX = 100  # idx of placeholders copied for a frame (layouts number theirs lower)
_ACCENT = ('<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
           '<a:schemeClr val="accent1"/></a:solidFill>')
_BEFORE_FILL = (qn("a:ln"),)


@dataclass(frozen=True)
class Slot:
    """Where one of a kind's frames goes on a layout (the kind's renderer names it by the
    built-in theme's placeholder idx; the slot says where that is on this layout)."""

    idx: int | None  # the layout placeholder; None: ``area`` is the frame, with no placeholder
    part: Part = FULL  # the share of that placeholder's box the frame takes
    own: bool = True  # the slide's own placeholder; False: a copy made for this frame
    area: Box | None = None  # an absolute box (e.g. the space below the title of 'Title Only')
    sizes: tuple[float, ...] | None = None  # type size per level (pt) instead of the template's
    plain: bool = False  # no bullets or indents
    emphasis: bool = False  # bold, in the theme's first accent colour (a big number)
    anchor: str | None = None  # t, ctr or b: where the text sits vertically
    tight: bool = False  # no space between paragraphs (lists of short items)
    bold: bool = False  # bold text (a heading)


def layout_placeholder(layout: Any, idx: int | None) -> Any:
    for shape in layout.placeholders:
        if shape.placeholder_format.idx == idx:
            return shape
    return None


def placeholder_box(shape: Any) -> Box | None:
    """The placeholder's box, inherited from the master when the layout does not say."""
    values = (shape.left, shape.top, shape.width, shape.height)
    if any(v is None for v in values):
        return None
    return int(values[0]), int(values[1]), int(values[2]), int(values[3])


def part_of(box: Box, part: Part) -> Box:
    x, y, w, h = box
    left, top, right, bottom = part
    return x + round(w * left), y + round(h * top), round(w * (right - left)), round(
        h * (bottom - top))


def slot_box(layout: Any, slot: Slot) -> Box | None:
    if slot.area is not None:
        return slot.area
    shape = layout_placeholder(layout, slot.idx)
    box = placeholder_box(shape) if shape is not None else None
    return part_of(box, slot.part) if box is not None else None


def avoid(box: Box, keep_out: tuple[Box, ...]) -> Box:
    """``box`` made smaller, on the side that loses least, until it runs under none of
    ``keep_out`` (the logo, the footer); never below a third of its width or height."""
    for other in keep_out:
        box = _clear_of(box, other)
    return box


def _clear_of(box: Box, other: Box) -> Box:
    x, y, w, h = box
    kx, ky, kw, kh = other
    if kx >= x + w or kx + kw <= x or ky >= y + h or ky + kh <= y:
        return box
    gap = EMU_PER_PT * 4
    options = [
        (x, y, kx - gap - x, h),  # end before it
        (kx + kw + gap, y, x + w - (kx + kw + gap), h),  # start after it
        (x, y, w, ky - gap - y),  # stop above it
        (x, ky + kh + gap, w, y + h - (ky + kh + gap)),  # start below it
    ]
    usable = [o for o in options if o[2] >= w // 3 and o[3] >= h // 3]
    return max(usable, key=lambda o: o[2] * o[3], default=box)


def own_frame(slide: Any, slot: Slot) -> Any:
    for shape in slide.placeholders:
        if shape.placeholder_format.idx == slot.idx:
            return shape
    return None


def copy_frame(slide: Any, layout_shape: Any) -> Any:
    """A new placeholder on ``slide`` looking like ``layout_shape`` (its text style and insets
    copied, as it inherits nothing under its own idx), for a frame that shares its space."""
    tree = slide.shapes._spTree
    used = {shape.placeholder_format.idx for shape in slide.placeholders}
    idx = max([FIRST_COPY_IDX - 1, *used]) + 1
    sp = layout_shape._element
    ph_type = sp.ph_type
    shape_id = tree.max_shape_id + 1
    name = f"{slide.shapes.ph_basename(ph_type)} {shape_id - 1}"
    element = tree.add_placeholder(shape_id, name, ph_type, sp.ph_orient, sp.ph_sz, idx)
    source_body = sp.find(qn("p:txBody"))
    body = element.find(qn("p:txBody"))
    if source_body is not None and body is not None:
        for tag in ("a:bodyPr", "a:lstStyle"):
            old, new = body.find(qn(tag)), source_body.find(qn(tag))
            if old is not None and new is not None:
                old.getparent().replace(old, copy.deepcopy(new))
    return next(shape for shape in slide.placeholders if shape._element is element)


def place(shape: Any, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = box


def restyle(style: FrameStyle, slot: Slot | None, box: Box | None) -> FrameStyle:
    """The frame's style with the slot's box, sizes and emphasis."""
    if box is not None:
        style = replace(style, width_pt=box[2] / EMU_PER_PT / style.font_width,
                        height_pt=box[3] / EMU_PER_PT)
    if slot is None:
        return style
    levels = list(style.levels)
    if slot.sizes:
        sizes = list(slot.sizes) + [slot.sizes[-1]] * (len(levels) - len(slot.sizes))
        levels = [replace(level, size_pt=size) for level, size in zip(levels, sizes, strict=False)]
    if slot.plain:
        levels = [replace(level, left_pt=0.0, indent_pt=0.0) for level in levels]
    if slot.emphasis or slot.bold:
        levels = [replace(level, bold=True) for level in levels]
    if slot.tight:
        levels = [replace(level, space_before_pt=0.0) for level in levels]
    return replace(style, levels=tuple(levels))


def finish(shape: Any, slot: Slot, style: FrameStyle) -> None:
    """What the text writer does not do: the anchor, bold accent runs for emphasis, and the
    space between paragraphs written as it was measured (templates often set space after
    paragraphs, which the measurement counts as space before the next)."""
    for paragraph in shape.text_frame.paragraphs:
        p_pr = paragraph._p.pPr
        if p_pr is None or p_pr.find(qn("a:spcBef")) is None:
            level = style.levels[min(paragraph.level, 8)]
            written = next((run.font.size for run in paragraph.runs if run.font.size), None)
            scale = written.pt / level.size_pt if written and level.size_pt else 1.0
            paragraph.space_before = Pt(round(level.space_before_pt * scale, 2))
        paragraph.space_after = Pt(0)
    body = shape.text_frame._txBody
    if slot.anchor:
        body.find(qn("a:bodyPr")).set("anchor", slot.anchor)
    for r_pr in body.iter(qn("a:rPr")) if slot.bold or slot.emphasis else ():
        r_pr.set("b", "1")
    if not slot.emphasis:
        return
    for r_pr in body.iter(qn("a:rPr")):
        for old in r_pr.findall(qn("a:solidFill")):
            r_pr.remove(old)
        anchor = next((child for child in r_pr if child.tag in _BEFORE_FILL), None)
        fill = parse_xml(_ACCENT)
        if anchor is None:
            r_pr.insert(0, fill)
        else:
            anchor.addnext(fill)
