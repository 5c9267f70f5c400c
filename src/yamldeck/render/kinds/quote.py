"""A quote slide: the quotation, shown large, and who said it."""

from __future__ import annotations

from ...outline import model as m
from ..context import SlideContext
from ..text import Para

_QUOTES = "\"'\u201c\u2018\u00ab\u201e"


def render_quote(ctx: SlideContext, slide: m.QuoteSlide) -> None:
    ctx.fill_title(slide.title)
    quote = slide.quote if slide.quote[:1] in _QUOTES else f"\u201c{slide.quote}\u201d"
    paras = [Para(quote)]
    if slide.attribution:
        paras.append(Para(f"\u2014 {slide.attribution}", level=1))
    ctx.fill(1, paras, what="quote", plain=True)
