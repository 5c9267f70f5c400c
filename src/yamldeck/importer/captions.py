"""Texts that belong to something else on a slide: a figure's caption, a big number's caption
and details.

A caption is a short text box just under a picture or chart and across the same part of the
slide. A big number is one short number alone in its frame, set large (40 pt or more) or on a
layout named for one; its caption is the nearest text under it, its details the other texts.
"""

from __future__ import annotations

import re
from typing import Any

from ..render.layouts import normalised
from .shapes import Shape
from .texts import joined

NUMBER = re.compile(r"[~≈<>≤≥+\-−]?[$€£¥]?\d[\d.,\u202f\u00a0 ]*\s?(%|[kKmMbB]n?|x|[+])?")
BIG_PT = 40.0
NUMBER_LAYOUTS = ("big number", "big fact", "key figure", "number", "big number chart")


def big_number(layout: str, texts: list[Shape]) -> Shape | None:
    """The one text of one short number set large in a placeholder (or any such text on a
    layout named for a big number). Several large numbers are steps of a diagram, not one."""
    named = normalised(layout) in NUMBER_LAYOUTS
    numbers = [s for s in texts if len(s.paras) == 1
               and NUMBER.fullmatch(s.paras[0].plain.strip())
               and (named or (s.paras[0].size or 0) >= BIG_PT)]
    if len(numbers) != 1 or not (named or numbers[0].ph_type is not None):
        return None
    return numbers[0]


def number_fields(number: Shape, texts: list[Shape], height: int
                  ) -> tuple[dict[str, Any], list[Shape]]:
    """A number slide's keys, and the texts they hold (the number's, its caption's and the
    details')."""
    fields: dict[str, Any] = {"kind": "number", "number": number.paras[0].text.strip()}
    others = [t for t in texts if t is not number]
    caption = below(number, others, height)
    if caption is not None:
        fields["caption"] = joined(caption.paras)
    details = [p for t in others if t is not caption for p in t.paras]
    if len(details) == 1:
        fields["details"] = details[0].text.strip()
    elif details:
        fields["details"] = [p.text.strip() for p in details]
    return fields, texts


def below(anchor: Shape, texts: list[Shape], height: int) -> Shape | None:
    """The nearest text under ``anchor`` and across the same part of the slide."""
    x, y, w, h = anchor.box
    gap = height // 6
    found = [t for t in texts if y + h - gap // 4 <= t.box[1] <= y + h + gap
             and t.box[0] < x + w and t.box[0] + t.box[2] > x]
    return min(found, key=lambda t: t.box[1], default=None)


def caption(fields: dict[str, Any], texts: list[Shape], figure: Shape) -> list[Shape]:
    """A short text box right under the figure becomes its caption: the other texts."""
    under = [t for t in texts if t.ph_type is None and len(t.paras) <= 2]
    x, y, w, h = figure.box
    near = [t for t in under if y + h * 0.9 <= t.box[1] <= y + h + max(h // 3, 457200)
            and t.box[0] < x + w and t.box[0] + t.box[2] > x]
    if not near:
        return texts
    found = min(near, key=lambda t: t.box[1])
    fields["caption"] = joined(found.paras, " ")
    return [t for t in texts if t is not found]
