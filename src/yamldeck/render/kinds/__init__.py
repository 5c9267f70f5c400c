"""The slide kinds' renderers, one module per kind, and the registry that picks one for a slide.

A renderer fills a slide whose layout was chosen for it (render.layouts) through its SlideContext:
the title, each frame's text (measured to fit), pictures, tables and charts. Adding a slide kind:
its model in outline/ (model.py or figures.py), a module here with its render_<kind> function, an
entry in RENDERERS (and in layout_key if it needs another layout), the built-in theme's layout in
theme/layouts.py if no existing one fits, an example in docs/outline.md, and tests.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ...outline import model as m
from ..context import SlideContext
from .agenda import render_agenda
from .bullets import render_bullets
from .chart import render_chart
from .closing import render_closing
from .columns import render_columns
from .number import render_number
from .picture import render_picture
from .process import render_process
from .quote import render_quote
from .section import render_section
from .statement import render_statement
from .table import render_table
from .timeline import render_timeline
from .title import render_title


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
    "timeline": render_timeline,
    "process": render_process,
}
