"""A columns slide: two columns of bullets or text, with optional headings."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para
from .bullets import bullet_paras


def render_columns(ctx: SlideContext, slide: m.ColumnsSlide) -> None:
    ctx.fill_title(slide.title)
    frames = ((1, 3), (2, 4))
    if ctx.rtl != ctx.mirrored:  # the first column where reading starts: right if right-to-left
        frames = frames[::-1]
    for column, (body_idx, heading_idx) in zip(slide.columns, frames, strict=True):
        if column.bullets:
            ctx.fill(body_idx, bullet_paras(column.bullets), what="column")
        else:
            ctx.fill(body_idx, [Para(column.text or "")], what="column", plain=True)
        ctx.fill(heading_idx, [Para(column.heading or "")], what="column heading")
