"""A chart slide: a native, editable chart in the body frame, and its caption below."""

from __future__ import annotations

from ...outline import model as m
from ..charts import add_chart
from ..context import SlideContext
from ..pictures import CAPTION_GAP, add_caption, caption_height

CHART_PT = 16


def render_chart(ctx: SlideContext, slide: m.ChartSlide) -> None:
    ctx.fill_title(slide.title)
    area = ctx.box(1)
    if area is None:
        return
    x, y, w, h = area
    reserved = caption_height(slide.caption, w, ctx.writing())
    below = reserved + CAPTION_GAP if reserved else 0
    add_chart(ctx, (x, y, w, h - below), slide.chart, CHART_PT)
    if slide.caption:
        add_caption(ctx, (x, y + h - reserved, w, reserved), slide.caption)
