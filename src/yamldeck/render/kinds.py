"""One function per slide kind: which layout it uses and what goes in each placeholder."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..outline import model as m
from .context import SlideContext
from .text import Para


def bullet_paras(bullets: tuple[m.Bullet, ...], level: int = 0) -> list[Para]:
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
            t for t in (
                slide.presenter or deck.presenter,
                slide.affiliation or deck.affiliation,
                slide.date or deck.date,
            ) if t
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
    details = slide.details
    if isinstance(details, list):
        columns = 1 if len(details) <= 8 else 2 if len(details) <= 16 else 3
        ctx.fill(3, [Para(item) for item in details], what="details", columns=columns,
                 balance=True)
    else:
        ctx.fill(3, [Para(details or "")], what="details")


def render_columns(ctx: SlideContext, slide: m.ColumnsSlide) -> None:
    ctx.fill_title(slide.title)
    for column, body_idx, heading_idx in zip(slide.columns, (1, 2), (3, 4)):
        if column.bullets:
            ctx.fill(body_idx, bullet_paras(column.bullets), what="column")
        else:
            ctx.fill(body_idx, [Para(column.text or "")], what="column", plain=True)
        ctx.fill(heading_idx, [Para(column.heading or "")], what="column heading")


def render_closing(ctx: SlideContext, slide: m.ClosingSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(13, [Para(slide.subtitle or "")])
    ctx.fill(1, [Para(line) for line in slide.contacts], what="contacts")


def layout_key(slide: Any) -> str:
    """The built-in layout a slide uses (columns with headings use the comparison layout)."""
    if isinstance(slide, m.ColumnsSlide) and any(c.heading for c in slide.columns):
        return "comparison"
    return slide.kind


RENDERERS: dict[str, Callable[[SlideContext, Any], None]] = {
    "title": render_title,
    "section": render_section,
    "bullets": render_bullets,
    "statement": render_statement,
    "number": render_number,
    "columns": render_columns,
    "closing": render_closing,
}
