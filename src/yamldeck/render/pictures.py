"""Pictures on slides: fitted or filling a frame, with alt text or Office's decorative flag."""

from __future__ import annotations

import io
from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.util import Emu

from ..files.pictures import Picture
from ..layout.measure import LINE_PITCH, Paragraph, Run, get_measurer
from ..outline.inline import parse_inline, plain_text
from .context import SlideContext
from .marks import PREFIX
from .styles import EMU_PER_PT, FrameStyle, LevelStyle
from .text import Para, fill_frame
from .writing import Writing, complex_text, runs_of

Box = tuple[int, int, int, int]  # left, top, width, height in EMU

CAPTION_PT = 16.0
CAPTION_MAX_LINES = 3
CAPTION_GAP = Emu(914400 // 10)  # 0.1 in between a picture and its caption
CAPTION_INSETS_PT = (0.0, 0.0, 3.6, 3.6)
# What PowerPoint writes when "Mark as decorative" is ticked (Office 2019+ / Microsoft 365).
_DECORATIVE = (
    '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:ext uri="{C183D7F6-B498-43B3-948B-1728B52AA6E4}">'
    '<adec:decorative xmlns:adec="http://schemas.microsoft.com/office/drawing/2017/decorative" '
    'val="1"/></a:ext></a:extLst>'
)
# Captions are grey body text, derived from the theme's text colour so any template suits them.
_CAPTION_COLOR = (
    '<a:solidFill xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:schemeClr val="tx1"><a:lumMod val="65000"/><a:lumOff val="35000"/></a:schemeClr>'
    "</a:solidFill>"
)


def caption_height(text: str | None, width: int, writing: Writing | None = None) -> int:
    """EMU a caption of ``text`` needs across ``width`` (at most CAPTION_MAX_LINES lines)."""
    if not text:
        return 0
    if writing is None:
        runs = tuple(Run(s.text, s.bold, s.italic) for s in parse_inline(text)) or (Run(""),)
    else:
        written = runs_of(parse_inline(text), writing)
        beyond = complex_text(written, writing)
        runs = tuple(r.measured(False, beyond) for r in written) or (Run(""),)
    paragraph = Paragraph(runs, CAPTION_PT, rtl=writing is not None and writing.rtl)
    lines = get_measurer().line_count(paragraph, width / EMU_PER_PT, CAPTION_PT)
    top, bottom = CAPTION_INSETS_PT[2:]
    height_pt = min(lines, CAPTION_MAX_LINES) * LINE_PITCH * CAPTION_PT + top + bottom
    return int(height_pt * EMU_PER_PT)


def fitted(picture: Picture, area: Box) -> Box:
    """The largest box with the picture's proportions inside ``area``, centred across it."""
    x, y, w, h = area
    scale = min(w / picture.width, h / picture.height)
    cw, ch = round(picture.width * scale), round(picture.height * scale)
    return x + (w - cw) // 2, y, cw, ch


def crop_to_fill(picture: Picture, area: Box) -> tuple[float, float, float, float]:
    """(left, right, top, bottom) fractions to trim so the picture fills ``area`` undistorted."""
    _, _, w, h = area
    frame_ratio, picture_ratio = w / h, picture.width / picture.height
    if picture_ratio > frame_ratio:  # wider than the frame: trim the sides
        trim = (1 - frame_ratio / picture_ratio) / 2
        return trim, trim, 0.0, 0.0
    trim = (1 - picture_ratio / frame_ratio) / 2
    return 0.0, 0.0, trim, trim


def place_picture(ctx: SlideContext, area: Box, picture: Picture, *, alt: str | None,
                  decorative: bool, fit: str, caption: str | None, middle: bool) -> Any:
    """Put the picture (and its caption under it) in ``area``; ``middle`` centres them."""
    x, y, w, h = area
    reserved = caption_height(caption, w, ctx.writing())
    room = (x, y, w, h - reserved - (CAPTION_GAP if reserved else 0))
    box = room if fit == "fill" else fitted(picture, room)
    used = box[3] + (CAPTION_GAP + reserved if reserved else 0)
    top = y + (h - used) // 2 if middle else y
    shape = ctx.slide.shapes.add_picture(io.BytesIO(picture.data), box[0], top, box[2], box[3])
    if fit == "fill":
        shape.crop_left, shape.crop_right, shape.crop_top, shape.crop_bottom = crop_to_fill(
            picture, box)
    describe(shape, alt, decorative)
    if alt and not decorative:
        shape.name = f"{PREFIX}alt"  # the field its alt text is (render/marks.py)
    if caption:
        add_caption(ctx, (x, top + box[3] + CAPTION_GAP, w, reserved), caption)
    return shape


def describe(shape: Any, alt: str | None, decorative: bool) -> None:
    """Alt text for screen readers (never the file's name or path), or the decorative flag."""
    c_nv_pr = shape._element.nvPicPr.cNvPr
    c_nv_pr.set("descr", "" if decorative else plain_text(alt or ""))
    if decorative and c_nv_pr.find(qn("a:extLst")) is None:
        c_nv_pr.append(parse_xml(_DECORATIVE))


def add_caption(ctx: SlideContext, box: Box, text: str) -> None:
    """A centred caption in grey body text, fitted to ``box``."""
    x, y, w, h = box
    shape = ctx.slide.shapes.add_textbox(x, y, w, h)
    shape.name = f"{PREFIX}caption"  # the field it shows (render/marks.py)
    body_pr = shape.text_frame._txBody.find(qn("a:bodyPr"))
    for name, value in zip(("lIns", "rIns", "tIns", "bIns"), CAPTION_INSETS_PT, strict=True):
        body_pr.set(name, str(int(value * EMU_PER_PT)))
    shape.text_frame.word_wrap = True
    level = LevelStyle(CAPTION_PT, 0.0, 0.0, 0.0, 1.0, False)
    style = FrameStyle(w / EMU_PER_PT, h / EMU_PER_PT, CAPTION_INSETS_PT, (level,) * 9)
    result = fill_frame(shape, [Para(text)], style, writing=ctx.writing())
    for paragraph in shape.text_frame.paragraphs:
        paragraph._p.get_or_add_pPr().set("algn", "ctr")
        for run in paragraph._p.iter(qn("a:rPr")):
            run.insert(0, parse_xml(_CAPTION_COLOR))
    if not result.fits:
        ctx.problems.append(ctx.locate(
            f"{ctx.label}: the caption is too long for {CAPTION_MAX_LINES} lines; shorten it"))
