"""A section slide: the divider that opens a part of the talk."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para


def render_section(ctx: SlideContext, slide: m.SectionSlide) -> None:
    ctx.fill_title(slide.title)
    ctx.fill(1, [Para(slide.subtitle or "")])
