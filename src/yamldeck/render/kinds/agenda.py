"""An agenda slide: a numbered list of the talk's parts, made from its section slides."""

from __future__ import annotations

from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from ...outline import model as m
from ..context import SlideContext
from ..styles import EMU_PER_PT, frame_style
from ..text import Para

AGENDA_ONE_COLUMN = 8  # more items than this go in two columns
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_AFTER_BULLET = {qn("a:tabLst"), qn("a:defRPr"), qn("a:extLst")}


def agenda_items(outline: m.Outline | None, slide: m.AgendaSlide) -> list[str]:
    """The explicit items; else the section titles; else the content slides' titles."""
    if slide.items:
        return list(slide.items)
    slides = outline.slides if outline is not None else ()
    sections = [s.title for s in slides if isinstance(s, m.SectionSlide)]
    if sections:
        return sections
    skip = (m.TitleSlide, m.AgendaSlide, m.ClosingSlide)
    # Continuation slides made by 'overflow: continue' are parts of one item, not items.
    titles = [
        s.title for s in slides if not isinstance(s, skip) and not s.title.endswith(" (cont.)")
    ]
    return list(dict.fromkeys(titles))  # a title used twice is one item


def render_agenda(ctx: SlideContext, slide: m.AgendaSlide) -> None:
    ctx.fill_title(slide.title)
    items = agenda_items(ctx.outline, slide)
    if not items:
        ctx.problems.append(
            ctx.locate(
                f"{ctx.label}: the agenda has nothing to list; add section slides "
                "('kind: section') or give the agenda 'items:'"
            )
        )
        return
    # Right-to-left agendas stay in one column: numbered right-to-left paragraphs in columns
    # are laid out outside their frame by LibreOffice (see render.writing's ``visual``).
    columns = 2 if len(items) > AGENDA_ONE_COLUMN and not ctx.rtl else 1
    ctx.fill(1, [Para(item) for item in items], what="agenda", columns=columns, balance=True)
    shape = ctx._slide_placeholder(1)
    if shape is None:
        return
    left = frame_style(ctx._layout_placeholder(1), ctx.layout.slide_master).levels[0].left_pt
    for paragraph in shape.text_frame.paragraphs:
        numbered(paragraph._p.get_or_add_pPr(), int(left * EMU_PER_PT))


def numbered(p_pr: Any, left: int) -> None:
    """Number the paragraph 1., 2., ... in the accent colour (PowerPoint's own numbering), the
    number flush with the title and the text where bullet text starts."""
    p_pr.set("marL", str(left))
    p_pr.set("indent", str(-left))
    for tag in (
        "a:buClr",
        "a:buSzTx",
        "a:buSzPct",
        "a:buSzPts",
        "a:buFont",
        "a:buNone",
        "a:buChar",
        "a:buAutoNum",
    ):
        for old in p_pr.findall(qn(tag)):
            p_pr.remove(old)
    anchor = next((c for c in p_pr if c.tag in _AFTER_BULLET), None)
    # Full-size numbers, whatever size a template gives its bullets.
    for xml in (
        '<a:buClr %s><a:schemeClr val="accent1"/></a:buClr>',
        '<a:buSzPct %s val="100000"/>',
        '<a:buFont %s typeface="+mj-lt"/>',
        '<a:buAutoNum %s type="arabicPeriod"/>',
    ):
        element = parse_xml(xml % _A)
        if anchor is None:
            p_pr.append(element)
        else:
            anchor.addprevious(element)
