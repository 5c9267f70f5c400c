"""Writing outline text into text frames: inline formatting, links, language and fitted sizes."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn
from pptx.oxml.xmlchemy import OxmlElement
from pptx.util import Pt

from ..layout.measure import Fit, Frame, Paragraph, Run, get_measurer
from ..outline.inline import parse_inline
from .pptx_internals import escape_control_characters, paragraph_proxy
from .styles import FrameStyle
from .writing import (
    RunText,
    Writing,
    add_fonts,
    attributes,
    complex_text,
    east_asian,
    runs_of,
    set_direction,
)

COLUMN_GAP_PT = 0.3 * 72


@dataclass(frozen=True)
class Para:
    """One paragraph to write: outline text (with inline markup) at a bullet level (0-based)."""

    text: str
    level: int = 0
    bold: bool = False


def floor_for(style: FrameStyle, paras: list[Para]) -> float:
    """The smallest size text in this frame may shrink to."""
    largest = max(style.levels[min(p.level, 8)].size_pt for p in paras)
    return max(12.0, round(largest * 0.6))


@dataclass(frozen=True)
class Measured:
    """How a frame's text was measured and fitted (what lints and continuation slides need)."""

    paragraphs: tuple[Paragraph, ...]
    frame: Frame
    floor_pt: float
    fit: Fit


def fill_frame(
    shape: Any,
    paras: list[Para],
    style: FrameStyle,
    *,
    writing: Writing,
    columns: int = 1,
    link_color: str | None = None,
) -> Fit:
    """Replace the shape's text with ``paras`` at the largest whole-point size that fits."""
    return fill_measured(
        shape, paras, style, writing=writing, columns=columns, link_color=link_color
    ).fit


def fill_measured(
    shape: Any,
    paras: list[Para],
    style: FrameStyle,
    *,
    writing: Writing,
    columns: int = 1,
    link_color: str | None = None,
    one_line: bool = False,
) -> Measured:
    """fill_frame(), returning the measurement too.

    ``one_line``: the paragraphs are short list items set in columns; shrink them (not below the
    floor) until each fits on one line, so no name is split over two lines of a column.
    """
    runs = [runs_of(parse_inline(p.text), writing) for p in paras]
    measured = [
        Paragraph(
            runs=tuple(r.measured(para.bold or lvl.bold, beyond) for r in para_runs)
            or (Run(""),),
            size_pt=lvl.size_pt,
            left_pt=lvl.left_pt,
            indent_pt=lvl.indent_pt,
            space_before_pt=lvl.space_before_pt,
            line_spacing=lvl.line_spacing,
            rtl=writing.base_rtl,
        )
        for para, para_runs in zip(paras, runs, strict=True)
        for lvl in [style.levels[min(para.level, 8)]]
        for beyond in [complex_text(para_runs, writing)]
    ]
    left, right, top, bottom = style.insets_pt
    frame = Frame(style.width_pt, style.height_pt, left, right, top, bottom, columns, COLUMN_GAP_PT)
    floor = floor_for(style, paras)
    extra = _one_line_shrink(measured, frame, floor) if one_line and columns > 1 else 0
    if extra:
        measured = [
            replace(
                p,
                size_pt=p.size_pt - extra,
                space_before_pt=p.space_before_pt * (p.size_pt - extra) / p.size_pt,
            )
            for p in measured
        ]
    result = get_measurer().fit(measured, frame, floor)
    _write(shape, paras, runs, style, result.shrink_pt + extra, writing, columns, link_color)
    return Measured(tuple(measured), frame, floor, result)


def _one_line_shrink(paragraphs: list[Paragraph], frame: Frame, floor: float) -> int:
    """Whole points to take off so every paragraph fits one column line (0 if none does)."""
    insets = frame.inset_left_pt + frame.inset_right_pt
    width = (frame.width_pt - insets - (frame.columns - 1) * frame.column_gap_pt) / frame.columns
    measurer = get_measurer()
    smallest = min(p.size_pt for p in paragraphs)
    for extra in range(int(smallest - floor) + 1):
        if all(measurer.line_count(p, width, p.size_pt - extra) == 1 for p in paragraphs):
            return extra
    return 0


def _write(
    shape: Any,
    paras: list[Para],
    runs: list[list[RunText]],
    style: FrameStyle,
    shrink: int,
    writing: Writing,
    columns: int,
    link_color: str | None,
) -> None:
    frame = shape.text_frame
    body = frame._txBody
    for p in list(body.findall(qn("a:p"))):
        body.remove(p)
    if columns > 1:
        body_pr = body.find(qn("a:bodyPr"))
        body_pr.set("numCol", str(columns))
        body_pr.set("spcCol", str(int(COLUMN_GAP_PT * 12700)))
        if writing.rtl:  # the first column on the right (written so: context._reading_order)
            body_pr.set("rtlCol", "0" if writing.visual else "1")
    for para, para_runs in zip(paras, runs, strict=True):
        # body.add_p(), made directly: a:p is the text body's last kind of child.
        p = OxmlElement("a:p")
        body.append(p)
        paragraph = paragraph_proxy(p, frame)
        if para.level:
            paragraph.level = para.level
        level = style.levels[min(para.level, 8)]
        size = Pt(level.size_pt - shrink)
        if shrink and level.space_before_pt:
            # Measured with the gap above shrunk in step with the text: write it so.
            paragraph.space_before = Pt(level.space_before_pt * size.pt / level.size_pt)
        set_direction(p, writing, level, east_asian(para_runs, writing))
        for run in para_runs:
            for i, piece in enumerate(run.text.split("\n")):
                if i:
                    paragraph.add_line_break()
                if piece:
                    _add_run(paragraph, piece, run, para.bold, size, link_color)
        end = p.find(_END)  # get_or_add_endParaRPr(): it comes last in a:p
        if end is None:
            end = OxmlElement("a:endParaRPr")
            p.append(end)
        end.set("lang", writing.language)
        end.set("sz", str(int(size.pt * 100)))


_R, _RPR, _T, _END = qn("a:r"), qn("a:rPr"), qn("a:t"), qn("a:endParaRPr")


def _add_run(
    paragraph: Any,
    text: str,
    span: RunText,
    bold: bool,
    size: Any,
    link_color: str | None,
) -> None:
    if not span.url:  # most runs: the XML python-pptx's calls below make, made directly
        p = paragraph._p  # its runs are appended in order, endParaRPr only after them (_write)
        attrib = {"sz": str(size.centipoints)}
        if span.bold or bold:
            attrib["b"] = "1"
        if span.italic:
            attrib["i"] = "1"
        attrib.update(attributes(span))
        add_fonts(plain_run(p, text, attrib), span)
        return
    run = paragraph.add_run()
    run.text = text
    font = run.font
    font.size = size
    if span.bold or bold:
        font.bold = True
    if span.italic:
        font.italic = True
    r_pr = run._r.get_or_add_rPr()
    for name, value in attributes(span).items():
        r_pr.set(name, value)
    run.hyperlink.address = span.url
    if link_color:
        color_link(run, link_color)
    add_fonts(r_pr, span)


def plain_run(p: Any, text: str, attrib: dict[str, str]) -> Any:
    """The run paragraph.add_run(), run.text and font settings make (a:rPr with ``attrib``),
    without python-pptx's proxies: a quarter of a big deck's text writing. Returns the a:rPr."""
    r = etree.SubElement(p, _R)  # made in the tree, so it takes the tree's a: prefix
    end = p.find(_END)
    if end is not None:  # python-pptx puts runs before the paragraph's end properties
        end.addprevious(r)
    r_pr = etree.SubElement(r, _RPR, attrib)
    etree.SubElement(r, _T).text = escape_control_characters(text)
    return r_pr


# PowerPoint paints links in the theme's hyperlink colour unless this extension says to use the
# run's own colour.
_HLINK_EXT = (
    '<a:extLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">'
    '<a:ext uri="{A12FA001-AC4F-418D-AE19-62706E023703}">'
    '<ahyp:hlinkClr xmlns:ahyp="http://schemas.microsoft.com/office/drawing/2018/hyperlinkcolor" '
    'val="tx"/></a:ext></a:extLst>'
)


def color_link(run: Any, color: str) -> None:
    """Give a link run its own colour (readable on dark backgrounds) in every viewer."""
    run.font.color.rgb = RGBColor.from_string(color)
    click = run._r.rPr.find(qn("a:hlinkClick"))
    if click is not None and click.find(qn("a:extLst")) is None:
        click.append(parse_xml(_HLINK_EXT))
