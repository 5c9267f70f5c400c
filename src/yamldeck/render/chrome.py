"""What every content slide carries from its layout: the footer, the date and the slide number."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn

from ..outline.model import Outline
from ..theme.scriptfonts import SCRIPT_FONTS
from .setup import footer_room
from .slots import restyle
from .styles import frame_style
from .text import Para, fill_frame
from .writing import writing_for

SLIDE_NUMBER_FIELD_ID = "{5C1B6B61-3F0A-4F1E-9F3B-9D2C1A7E0001}"


def is_dark(layout: Any) -> bool:
    """Whether the layout paints a dark solid background (then links need a light colour)."""
    for element in (layout._element, layout.slide_master._element):
        color = element.find(
            f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}"
        )
        if color is not None:
            value = color.get("val")
            r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
            return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4
    return False


def add_footer(slide: Any, layout: Any, outline: Outline, number: int,
               fonts: Any = SCRIPT_FONTS) -> None:
    deck = outline.deck
    writing = writing_for(deck.language, deck.language, fonts)
    names = [str(ph._element.ph_type).split(" ")[0] for ph in layout.placeholders]
    date = deck.date if deck.footer_date else None
    footer = deck.footer
    if date and "DATE" not in names:  # no date box on this layout: the date joins the footer
        footer = f"{footer} | {date}" if footer else date
    for ph, name in zip(layout.placeholders, names, strict=True):
        if (name == "FOOTER" and footer) or (name == "DATE" and date):
            # Same writer as every other frame: inline formatting, links, explicit fitted size.
            shape = _clone(slide, ph)
            style = frame_style(ph, layout.slide_master)
            text = footer if name == "FOOTER" else date
            fit = fill_frame(shape, [Para(text or "")], style, writing=writing)
            room = footer_room(ph, layout, bool(date)) if not fit.fits else None
            if room is not None and name == "FOOTER":  # too long: take the empty date box too
                shape.left, shape.top, shape.width, shape.height = room
                style = restyle(style, None, room)
                fill_frame(shape, [Para(text or "")], style, writing=writing)
        elif name == "SLIDE_NUMBER" and deck.slide_numbers:
            shape = _clone(slide, ph)
            size = frame_style(ph, layout.slide_master).levels[0].size_pt
            p = shape.text_frame.paragraphs[0]._p
            fld = p.makeelement(qn("a:fld"), {"id": SLIDE_NUMBER_FIELD_ID, "type": "slidenum"})
            rpr = fld.makeelement(
                qn("a:rPr"), {"lang": deck.language, "sz": str(round(size * 100))}
            )
            text = fld.makeelement(qn("a:t"), {})
            text.text = str(number)
            fld.append(rpr)
            fld.append(text)
            p.insert(0 if p.pPr is None else 1, fld)


def _clone(slide: Any, layout_placeholder: Any) -> Any:
    slide.shapes.clone_placeholder(layout_placeholder)
    return slide.shapes[-1]
