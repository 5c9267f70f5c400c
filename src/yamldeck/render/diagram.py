"""Diagrams as native shapes: a group with alt text, fitted text boxes, lines, in theme colours.

Timelines and processes (render/kinds/timeline.py, process.py) draw with these. Colours are the
theme's scheme colours (accent1, tx1, bg1), so a user's template colours its diagrams as it
colours its charts; text is set in the theme's body font and measured with the bundled metrics
(layout/measure.py), scaled by how much wider that font sets text than Carlito.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from pptx.enum.shapes import MSO_CONNECTOR, MSO_SHAPE
from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from ..layout.measure import LINE_PITCH, UNITS_PER_EM, Paragraph, Run, get_measurer
from ..outline.inline import parse_inline
from .styles import EMU_PER_PT, theme_font_width
from .writing import RunText, Writing, complex_text, east_asian, run_xml, runs_of

Box = tuple[int, int, int, int]  # left, top, width, height in EMU
FLOOR_PT = 14  # no text of a diagram is set smaller: readable from the back of a room
INSET_PT = 2.0  # top and bottom inset of a diagram's text boxes (none at the sides)
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
# Scheme colours: from the slide's theme, whichever template that is.
COLOURS = {
    "accent": '<a:schemeClr val="accent1"/>',
    "text": '<a:schemeClr val="tx1"/>',
    "muted": '<a:schemeClr val="tx1"><a:lumMod val="65000"/><a:lumOff val="35000"/></a:schemeClr>',
    "line": '<a:schemeClr val="tx1"><a:lumMod val="50000"/><a:lumOff val="50000"/></a:schemeClr>',
    "on_accent": '<a:schemeClr val="bg1"/>',
    "background": '<a:schemeClr val="bg1"/>',
}


@dataclass(frozen=True)
class Role:
    """How one kind of text in a diagram looks: its nominal size, weight and colour."""

    size_pt: float
    bold: bool = False
    colour: str = "text"

    def size(self, shrink: int) -> float:
        """The size at ``shrink`` points less, never below the floor (nor above nominal)."""
        return max(min(FLOOR_PT, self.size_pt), self.size_pt - shrink)


@dataclass(frozen=True)
class Piece:
    """A paragraph of outline text in a role."""

    text: str
    role: Role


class Fonts:
    """The width factor of the theme's body font on a slide (regular, bold), and how the slide's
    text is written (its language and direction, which measuring and mirroring follow)."""

    def __init__(self, ctx: Any) -> None:
        master = ctx.layout.slide_master
        self.regular = theme_font_width(master, bold=False)
        self.bold = theme_font_width(master, bold=True)
        self.writing: Writing = ctx.writing()

    @property
    def rtl(self) -> bool:
        """Whether the slide's diagrams run right to left."""
        return self.writing.rtl

    def factor(self, role: Role) -> float:
        return self.bold if role.bold else self.regular


def _runs(runs: list[RunText], bold: bool, complex_: bool) -> tuple[Run, ...]:
    return tuple(r.measured(bold, complex_) for r in runs) or (Run(""),)


def piece_lines(piece: Piece, width_pt: float, shrink: int, fonts: Fonts) -> int | None:
    """Lines ``piece`` takes in a box ``width_pt`` wide; None when a word would be broken.

    Text beyond Latin letters is measured with its runs' languages: Chinese and Japanese break
    between characters, Arabic is shaped and its lines set right to left."""
    size = piece.role.size(shrink)
    room = width_pt / fonts.factor(piece.role)
    measurer = get_measurer()
    written = runs_of(parse_inline(piece.text), fonts.writing)
    if complex_text(written, fonts.writing):
        runs = _runs(written, piece.role.bold, True)
        paragraph = Paragraph(runs, size, rtl=fonts.writing.rtl)
        if measurer.extent_units(runs, paragraph.rtl)[1] * size / UNITS_PER_EM > room * 0.995:
            return None
        return measurer.line_count(paragraph, room, size)
    for span in parse_inline(piece.text):
        for word in span.text.split():
            if measurer.text_width_pt(word, size, span.bold or piece.role.bold,
                                      span.italic) > room * 0.995:
                return None
    return measurer.line_count(Paragraph(_runs(written, piece.role.bold, False), size), room, size)


def pieces_height(pieces: Sequence[Piece], width_pt: float, shrink: int,
                  fonts: Fonts) -> float | None:
    """Points a box of ``pieces`` needs (insets included); None when a word does not fit."""
    total = 2 * INSET_PT
    for piece in pieces:
        lines = piece_lines(piece, width_pt, shrink, fonts)
        if lines is None:
            return None
        total += lines * LINE_PITCH * piece.role.size(shrink)
    return total


def emu(points: float) -> int:
    return int(round(points * EMU_PER_PT))


def add_group(ctx: Any, name: str, descr: str) -> Any:
    """An empty group on the slide, named and described for screen readers."""
    group = ctx.slide.shapes.add_group_shape()
    group.name = name
    group._element.nvGrpSpPr.cNvPr.set("descr", descr)
    return group


def finish_group(group: Any) -> None:
    """The group's frame set to what it holds (python-pptx keeps it so as shapes are added)."""
    group._element.recalculate_extents()


def add_text(ctx: Any, group: Any, box: Box, pieces: Sequence[Piece], shrink: int, *,
             name: str, align: str = "ctr", anchor: str = "t") -> Any:
    """A text box of ``pieces`` (outline text: bold, italic, links) at their fitted sizes."""
    shape = group.shapes.add_textbox(*box)
    shape.name = name
    _set_text(ctx, shape, pieces, shrink, align, anchor, inset=0)
    return shape


def add_shape(ctx: Any, group: Any, kind: str, box: Box, *, name: str, fill: str = "accent",
              outline: str | None = None, pieces: Sequence[Piece] = (), shrink: int = 0,
              adjust: float | None = None, inset_pt: float = 0.0) -> Any:
    """An autoshape (ellipse, chevron, rounded rectangle) in theme colours, with text or none."""
    shape = group.shapes.add_shape(getattr(MSO_SHAPE, kind), *box)
    shape.name = name
    if adjust is not None:
        shape.adjustments[0] = adjust
    sp_pr = shape._element.spPr
    line = (f'<a:ln w="{emu(2)}"><a:solidFill>{COLOURS[outline]}</a:solidFill></a:ln>'
            if outline else "<a:ln><a:noFill/></a:ln>")
    for element in parse_xml(f"<a:x {_A}><a:solidFill>{COLOURS[fill]}</a:solidFill>{line}"
                             "</a:x>"):
        sp_pr.append(element)
    style = shape._element.find(qn("p:style"))
    if style is not None:  # python-pptx's theme style: the fill and line above say it all
        shape._element.remove(style)
    _set_text(ctx, shape, pieces, shrink, "ctr", "ctr", inset=emu(inset_pt))
    return shape


def add_line(group: Any, start: tuple[int, int], end: tuple[int, int], *, name: str,
             width_pt: float = 2.25, arrow: bool = False) -> Any:
    """A straight connector from ``start`` to ``end``, in a grey of the theme's text colour."""
    line = group.shapes.add_connector(MSO_CONNECTOR.STRAIGHT, *start, *end)
    line.name = name
    head = '<a:tailEnd type="triangle" w="med" len="med"/>' if arrow else ""
    sp_pr = line._element.spPr
    sp_pr.append(parse_xml(f'<a:ln {_A} w="{emu(width_pt)}"><a:solidFill>{COLOURS["line"]}'
                           f"</a:solidFill>{head}</a:ln>"))
    style = line._element.find(qn("p:style"))
    if style is not None:
        line._element.remove(style)
    return line


def _set_text(ctx: Any, shape: Any, pieces: Sequence[Piece], shrink: int, align: str,
              anchor: str, inset: int) -> None:
    """The shape's text body: ``pieces`` as paragraphs, sized, coloured, in the body font, in the
    slide's language (right to left, and right-aligned where others are left-aligned, on a
    right-to-left slide)."""
    writing = ctx.writing()
    language = quoteattr(writing.language)
    if writing.rtl and align == "l":
        align = "r"
    paras = "".join(_paragraph(ctx, writing, piece, shrink, align) for piece in pieces)
    if not paras:
        paras = f"<a:p><a:endParaRPr lang={language}/></a:p>"
    ins = emu(INSET_PT)
    body = parse_xml(
        f'<p:txBody {_A} xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main">'
        f'<a:bodyPr wrap="square" lIns="{inset}" tIns="{ins}" rIns="{inset}" bIns="{ins}" '
        f'anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr><a:lstStyle/>{paras}'
        "</p:txBody>")
    old = shape._element.find(qn("p:txBody"))
    if old is not None:
        old.getparent().replace(old, body)
    else:
        shape._element.append(body)


def _paragraph(ctx: Any, writing: Writing, piece: Piece, shrink: int, align: str) -> str:
    role = piece.role
    sz = int(role.size(shrink) * 100)
    fill = f"<a:solidFill>{COLOURS[role.colour]}</a:solidFill>"
    written = runs_of(parse_inline(piece.text), writing)
    runs = [
        run_xml(ctx.slide.part, run,
                f' sz="{sz}"' + (' b="1"' if run.bold or role.bold else ' b="0"')
                + (' i="1"' if run.italic else ""),
                f'{fill}<a:latin typeface="+mn-lt"/>', f" {_R}")
        for run in written
    ]
    end = f'<a:endParaRPr lang={quoteattr(writing.language)} sz="{sz}"/>'
    direction = ' rtl="1"' if writing.rtl else ""
    direction += ' hangingPunct="0"' if east_asian(written, writing) else ""
    return (f'<a:p><a:pPr algn="{align}" marL="0" indent="0"{direction}><a:lnSpc>'
            f'<a:spcPct val="100000"/></a:lnSpc><a:spcBef><a:spcPts val="0"/></a:spcBef>'
            f"<a:buNone/></a:pPr>{''.join(runs)}{end}</a:p>")
