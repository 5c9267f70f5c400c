"""The title slide: the talk's title, subtitle, and who presents it (defaults from deck:)."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para


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
