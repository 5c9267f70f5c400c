"""One function per slide kind: which layout it uses and what goes in each placeholder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pptx.oxml import parse_xml
from pptx.oxml.ns import qn

from ..outline import model as m
from ..outline.fields import Bullet
from .charts import add_chart
from .context import SlideContext
from .pictures import CAPTION_GAP, add_caption, caption_height, place_picture
from .styles import EMU_PER_PT, frame_style
from .tables import render_table
from .text import Para

CHART_PT = 16
NUMBER_CHART_PT = 14
AGENDA_ONE_COLUMN = 8  # more items than this go in two columns
_A = 'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
_AFTER_BULLET = {qn("a:tabLst"), qn("a:defRPr"), qn("a:extLst")}


def bullet_paras(bullets: tuple[Bullet, ...], level: int = 0) -> list[Para]:
    paras: list[Para] = []
    for bullet in bullets:
        paras.append(Para(bullet.text, level))
        paras.extend(bullet_paras(bullet.children, level + 1))
    return paras


def render_title(ctx: SlideContext, slide: m.TitleSlide) -> None:
    deck = ctx.deck
    ctx.fill_title(slide.title or deck.title)
    ctx.fill(1, [Para(slide.subtitle or deck.subtitle or "")])
    lines = [
        Para(text, bold=(i == 0 and text == (slide.presenter or deck.presenter)))
        for i, text in enumerate(
            t
            for t in (
                slide.presenter or deck.presenter,
                slide.affiliation or deck.affiliation,
                slide.date or deck.date,
            )
            if t
        )
    ]
    ctx.fill(13, lines)


def render_section(ctx: SlideContext, slide: m.SectionSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, [Para(slide.subtitle or "")])


def render_bullets(ctx: SlideContext, slide: m.BulletsSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, bullet_paras(slide.bullets), what="bullets")


def render_statement(ctx: SlideContext, slide: m.StatementSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, [Para(slide.statement)], what="statement")


def render_number(ctx: SlideContext, slide: m.NumberSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, [Para(slide.number)], what="number")
    ctx.fill(2, [Para(slide.caption or "")], what="caption")
    if slide.chart is not None:
        area = ctx.box(4)
        if area is not None:
            add_chart(ctx, area, slide.chart, NUMBER_CHART_PT)
    details = slide.details
    if isinstance(details, list):
        columns = 1 if len(details) <= 8 else 2 if len(details) <= 16 else 3
        ctx.fill(3, [Para(item) for item in details], what="details", columns=columns, balance=True)
    else:
        ctx.fill(3, [Para(details or "")], what="details")


def render_columns(ctx: SlideContext, slide: m.ColumnsSlide) -> None:
    ctx.fill_title(slide.title)
    for column, body_idx, heading_idx in zip(slide.columns, (1, 2), (3, 4), strict=True):
        if column.bullets:
            ctx.fill(body_idx, bullet_paras(column.bullets), what="column")
        else:
            ctx.fill(body_idx, [Para(column.text or "")], what="column", plain=True)
        ctx.fill(heading_idx, [Para(column.heading or "")], what="column heading")


def render_closing(ctx: SlideContext, slide: m.ClosingSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(13, [Para(slide.subtitle or "")])
    ctx.fill(1, [Para(line) for line in slide.contacts], what="contacts")


def render_picture(ctx: SlideContext, slide: m.PictureSlide) -> None:
    ctx.fill_title(slide.title)
    picture = ctx.assets.pictures[slide.image]
    options = {
        "alt": slide.alt,
        "decorative": slide.decorative,
        "fit": slide.fit,
        "caption": slide.caption,
    }
    if slide.bullets:
        text_idx, picture_idx = (1, 2) if slide.side == "right" else (2, 1)
        ctx.fill(text_idx, bullet_paras(slide.bullets), what="bullets")
        area = ctx.box(picture_idx)
        middle = False  # level with the top of the text beside it
    else:
        area, middle = ctx.box(1), True
    if area is not None:
        place_picture(ctx, area, picture, middle=middle, **options)


def render_chart(ctx: SlideContext, slide: m.ChartSlide) -> None:
    ctx.fill_title(slide.title)
    area = ctx.box(1)
    if area is None:
        return
    x, y, w, h = area
    reserved = caption_height(slide.caption, w)
    below = reserved + CAPTION_GAP if reserved else 0
    add_chart(ctx, (x, y, w, h - below), slide.chart, CHART_PT)
    if slide.caption:
        add_caption(ctx, (x, y + h - reserved, w, reserved), slide.caption)


_QUOTES = "\"'\u201c\u2018\u00ab\u201e"


def render_quote(ctx: SlideContext, slide: m.QuoteSlide) -> None:
    ctx.fill_title(slide.title)
    quote = slide.quote if slide.quote[:1] in _QUOTES else f"\u201c{slide.quote}\u201d"
    paras = [Para(quote)]
    if slide.attribution:
        paras.append(Para(f"\u2014 {slide.attribution}", level=1))
    ctx.fill(1, paras, what="quote", plain=True)


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
    columns = 2 if len(items) > AGENDA_ONE_COLUMN else 1
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


def layout_key(slide: Any) -> str:
    """The built-in layout a slide uses (columns with headings use the comparison layout)."""
    if isinstance(slide, m.ColumnsSlide) and any(c.heading for c in slide.columns):
        return "comparison"
    if isinstance(slide, m.PictureSlide) and slide.bullets:
        return "picture_text"
    if isinstance(slide, m.NumberSlide) and slide.chart is not None:
        return "number_chart"
    return slide.kind


RENDERERS: dict[str, Callable[[SlideContext, Any], None]] = {
    "title": render_title,
    "section": render_section,
    "bullets": render_bullets,
    "statement": render_statement,
    "number": render_number,
    "columns": render_columns,
    "closing": render_closing,
    "picture": render_picture,
    "table": render_table,
    "chart": render_chart,
    "quote": render_quote,
    "agenda": render_agenda,
}
