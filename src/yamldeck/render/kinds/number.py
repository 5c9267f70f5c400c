"""A number slide: a big number, its caption, details beside it, and an optional small chart."""

from __future__ import annotations

from ...outline import model as m
from ..charts import add_chart
from ..context import SlideContext
from ..text import Para

NUMBER_CHART_PT = 14


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
