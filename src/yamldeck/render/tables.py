"""A table's XML: its grid, rows and cells, each cell's runs in the slide's language.

Written as one piece of XML (python-pptx's cell-by-cell setters were 70% of a long build). A
table on a right-to-left slide has rtl="1" (its first column on the right, in PowerPoint) and sits
at the right of its frame; its cells' paragraphs run right to left.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any
from xml.sax.saxutils import quoteattr

from pptx.oxml import parse_xml

from ..outline.inline import parse_inline
from .styles import EMU_PER_PT
from .writing import RunText, Writing, east_asian, run_xml, runs_of

NO_STYLE = "{2D5ABB26-0587-4C30-8999-92F81FD0307C}"  # PowerPoint's "No Style, No Grid"
MARGIN_X_PT, MARGIN_Y_PT = 6.0, 4.0
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_ON_DARK = '<a:solidFill><a:schemeClr val="bg1"/></a:solidFill>'
_MX, _MY = int(MARGIN_X_PT * EMU_PER_PT), int(MARGIN_Y_PT * EMU_PER_PT)


def draw_table(ctx: Any, area: tuple[int, int, int, int], rows: list[Sequence[str]],
               widths: Sequence[int], size_pt: float, heights: list[int],
               align: Sequence[str]) -> Any:
    """A PowerPoint table of ``rows`` (the first is the header) at the top of ``area``: at its
    left, or at its right on a right-to-left slide."""
    x, y, room, _ = area
    writing = ctx.writing()
    if writing.rtl:
        x += room - sum(widths)
    frame = ctx.slide.shapes.add_table(1, 1, x, y, sum(widths), sum(heights))
    grid = "".join(f'<a:gridCol w="{w}"/>' for w in widths)
    body = "".join(
        f'<a:tr h="{h}">'
        + "".join(_cell(ctx, writing, text, size_pt, how, r)
                  for text, how in zip(cells, align, strict=True))
        + "</a:tr>"
        for r, (cells, h) in enumerate(zip(rows, heights, strict=True))
    )
    direction = ' rtl="1"' if writing.rtl else ""
    table = parse_xml(
        f'<a:tbl {_A} {_R}><a:tblPr firstRow="1" bandRow="0"{direction}><a:tableStyleId>'
        f"{NO_STYLE}</a:tableStyleId></a:tblPr><a:tblGrid>{grid}</a:tblGrid>{body}</a:tbl>"
    )
    old = frame._element.graphic.graphicData.tbl
    old.getparent().replace(old, table)
    return frame


def _cell(ctx: Any, writing: Writing, text: str, size: float, align: str, row: int) -> str:
    header = row == 0
    sz = int(size * 100)
    runs = runs_of(parse_inline(text), writing)
    written = "".join(_run(ctx, run, sz, header) for run in runs)
    fill = "tx2" if header else ("bg2" if row % 2 == 0 else None)  # banded body rows
    fill_xml = f'<a:solidFill><a:schemeClr val="{fill}"/></a:solidFill>' if fill else ""
    margins = f'marL="{_MX}" marR="{_MX}" marT="{_MY}" marB="{_MY}"'
    direction = ' rtl="1"' if writing.rtl else ""
    direction += ' hangingPunct="0"' if east_asian(runs, writing) else ""
    return (
        f'<a:tc><a:txBody><a:bodyPr/><a:lstStyle/><a:p><a:pPr algn="{align}"{direction}/>'
        f"{written}<a:endParaRPr lang={quoteattr(writing.language)} sz=\"{sz}\"/></a:p>"
        f'</a:txBody><a:tcPr {margins} anchor="ctr">{fill_xml}</a:tcPr></a:tc>'
    )


def _run(ctx: Any, run: RunText, sz: int, header: bool) -> str:
    extra = f' sz="{sz}"' + (' b="1"' if run.bold or header else "")
    extra += ' i="1"' if run.italic else ""
    # white on the header's dark fill, in any theme
    return run_xml(ctx.slide.part, run, extra, _ON_DARK if header else "")
