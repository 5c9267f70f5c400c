"""The closing slide: thanks, and how to get in touch."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para


def render_closing(ctx: SlideContext, slide: m.ClosingSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(13, [Para(slide.subtitle or "")])
    ctx.fill(1, [Para(line) for line in slide.contacts], what="contacts")
