"""Rendering a validated outline into presentation bytes (the only layer that drives python-pptx)."""

from __future__ import annotations

import datetime as dt
import io
import re
from typing import Any

from pptx import Presentation
from pptx.oxml.ns import qn

from ..errors import OutlineError, Problem
from ..outline.inline import parse_inline, plain_text
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..theme import LAYOUT_NAMES, build_template, theme_for
from .context import SlideContext
from .kinds import RENDERERS, layout_key

SLIDE_NUMBER_FIELD_ID = "{5C1B6B61-3F0A-4F1E-9F3B-9D2C1A7E0001}"


def render_outline(outline: Outline, source: SourceMap, *, epoch: int) -> bytes:
    """Build the deck for ``outline``; raise OutlineError when text cannot be made to fit."""
    spec = theme_for(outline.deck)
    prs = Presentation(io.BytesIO(build_template(spec)))
    layouts = {layout.name: layout for master in prs.slide_masters for layout in master.slide_layouts}
    problems: list[Problem] = []
    for number, slide_model in enumerate(outline.slides, start=1):
        layout = layouts[LAYOUT_NAMES[layout_key(slide_model)]]
        slide = prs.slides.add_slide(layout)
        path = ("slides", number - 1)
        title = getattr(slide_model, "title", None) or outline.deck.title
        ctx = SlideContext(
            slide=slide,
            layout=layout,
            deck=outline.deck,
            label=f"slide {number} '{plain_text(title)}'",
            locate=lambda message, path=path: source.problem(path, message),
        )
        ctx.link_color = spec.highlight if _is_dark(layout) else None
        RENDERERS[slide_model.kind](ctx, slide_model)
        ctx.remove_empty_placeholders()
        _add_footer(slide, layout, outline, number)
        if slide_model.notes:
            _write_notes(slide, slide_model.notes, outline.deck.language)
        problems.extend(ctx.problems)
    if problems:
        raise OutlineError(problems)
    _set_properties(prs, outline, epoch)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _is_dark(layout: Any) -> bool:
    """Whether the layout paints a dark solid background (then links need a light colour)."""
    for element in (layout._element, layout.slide_master._element):
        color = element.find(f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}/{qn('a:solidFill')}/{qn('a:srgbClr')}")
        if color is not None:
            value = color.get("val")
            r, g, b = (int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))
            return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.4
    return False


def _add_footer(slide: Any, layout: Any, outline: Outline, number: int) -> None:
    deck = outline.deck
    for ph in layout.placeholders:
        kind = ph._element.ph_type
        if kind is None:
            continue
        name = str(kind).split(" ")[0]
        if name == "FOOTER" and deck.footer:
            shape = _clone(slide, ph)
            shape.text_frame.text = deck.footer
            for run in shape.text_frame.paragraphs[0].runs:
                run._r.get_or_add_rPr().set("lang", deck.language)
        elif name == "SLIDE_NUMBER" and deck.slide_numbers:
            shape = _clone(slide, ph)
            p = shape.text_frame.paragraphs[0]._p
            fld = p.makeelement(qn("a:fld"), {"id": SLIDE_NUMBER_FIELD_ID, "type": "slidenum"})
            rpr = fld.makeelement(qn("a:rPr"), {"lang": deck.language})
            text = fld.makeelement(qn("a:t"), {})
            text.text = str(number)
            fld.append(rpr)
            fld.append(text)
            p.insert(0 if p.pPr is None else 1, fld)


def _clone(slide: Any, layout_placeholder: Any) -> Any:
    slide.shapes.clone_placeholder(layout_placeholder)
    return slide.shapes[-1]


_BLANK_LINES = re.compile(r"\n\s*\n")


def _write_notes(slide: Any, notes: str, language: str) -> None:
    frame = slide.notes_slide.notes_text_frame
    paragraphs = [" ".join(line.strip() for line in block.splitlines()).strip()
                  for block in _BLANK_LINES.split(notes.strip())]
    for i, text in enumerate(p for p in paragraphs if p):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        for span in parse_inline(text):
            run = paragraph.add_run()
            run.text = span.text
            if span.bold:
                run.font.bold = True
            if span.italic:
                run.font.italic = True
            run._r.get_or_add_rPr().set("lang", language)
            if span.url:
                run.hyperlink.address = span.url


def _set_properties(prs: Any, outline: Outline, epoch: int) -> None:
    deck = outline.deck
    props = prs.core_properties
    stamp = dt.datetime.fromtimestamp(epoch, dt.timezone.utc).replace(tzinfo=None)
    props.title = plain_text(deck.title)
    props.subject = plain_text(deck.subtitle or "")
    props.author = plain_text(deck.presenter or "")
    props.last_modified_by = plain_text(deck.presenter or "")
    props.language = deck.language
    props.created = stamp
    props.modified = stamp
    props.revision = 1
    props.keywords = ""
    props.comments = "Built with yamldeck"
