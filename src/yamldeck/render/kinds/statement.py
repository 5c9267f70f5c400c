"""A statement slide: one sentence, shown large."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para


def render_statement(ctx: SlideContext, slide: m.StatementSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, [Para(slide.statement)], what="statement")
