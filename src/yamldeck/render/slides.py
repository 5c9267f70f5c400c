"""Rendering a validated outline into presentation bytes (the only layer driving python-pptx)."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Any

from pptx.oxml.ns import qn

from ..errors import OutlineError, Problem
from ..files.assets import AssetPolicy
from ..files.deckfiles import DeckFiles, load_deck_files
from ..outline.inline import parse_inline, plain_text
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..package.archive import zip_deck
from ..theme import theme_for
from .adder import SlideAdder, freeze
from .context import SlideContext
from .kinds import RENDERERS, layout_key
from .layouts import OPENING, LayoutError
from .members import package_members
from .setup import footer_room, light_text, start_deck
from .slidecache import SlideCache
from .slots import restyle
from .styles import frame_style
from .text import Para, fill_frame, plain_run

SLIDE_NUMBER_FIELD_ID = "{5C1B6B61-3F0A-4F1E-9F3B-9D2C1A7E0001}"


def render_outline(
    outline: Outline,
    source: SourceMap,
    *,
    epoch: int,
    assets: Any = None,
    cache: SlideCache | None = None,
    files: DeckFiles | None = None,
    package: bool = True,
) -> bytes:
    """Build the deck for ``outline``; raise OutlineError when text cannot be made to fit.

    ``assets`` (yamldeck.files.assets.Assets) holds the pictures and CSV rows the outline names.
    ``cache`` keeps finished slides between builds of one outline (``yamldeck watch``).
    ``files`` holds the template and logo deck: names (loaded here when not given).
    Without ``package`` (a run that only measures, such as `check`) no bytes are made: b"".
    """
    spec = theme_for(outline.deck)
    if files is None:  # callers other than build (e.g. check) have not loaded them
        files = load_deck_files(outline, source, AssetPolicy(Path(source.file).parent))
    start = start_deck(outline, source, files, spec)
    prs, template = start.prs, start.template
    problems: list[Problem] = list(start.problems)
    adder = SlideAdder(prs)  # python-pptx's add_slide/notes_slide are quadratic; see speed.py
    position = 0  # slides so far, continuation slides included
    reuse = cache.for_render(template, outline.deck, adder) if cache is not None else None
    for index, slide_model in enumerate(outline.slides):
        number = source.slide_number(index)  # as the file numbers it (continuations mapped back)
        try:
            choice = start.chooser.choose(slide_model, layout_key(slide_model), number)
        except LayoutError as exc:
            problems.append(source.problem(exc.path, str(exc)))
            continue
        layout = choice.layout
        if reuse is not None and reuse.replay(slide_model, layout, position + 1):
            position += 1
            continue
        slide = adder.add_slide(layout)
        path = ("slides", index)
        title = getattr(slide_model, "title", None) or outline.deck.title
        ctx = SlideContext(
            slide=slide,
            layout=layout,
            deck=outline.deck,
            label=f"slide {number} '{plain_text(title)}'",
            locate=lambda message, path=path: source.problem(path, message),
            assets=assets,
            outline=outline,
            add_slide=adder.add_slide,
            slots=choice.slots,
            keep_out=start.keep_out(layout, slide_model.kind),
            index=index,
        )
        dark = _is_dark(layout) or (start.user and light_text(layout))
        ctx.link_color = spec.highlight if dark else None
        RENDERERS[slide_model.kind](ctx, slide_model)
        for part in (ctx, *ctx.continuations):  # a long table continues on further slides
            position += 1
            part.remove_empty_placeholders()
            if slide_model.kind not in OPENING:  # opening slides carry no footer or number
                adder.add_chrome(
                    part.slide,
                    layout,
                    position,
                    lambda s, n, layout=layout: _add_footer(s, layout, outline, n),
                )
            if part is not ctx:
                problems.extend(part.problems)
        if slide_model.notes:
            _write_notes(adder.notes_text_frame(slide), slide_model.notes, outline.deck.language)
        problems.extend(ctx.problems)
        if reuse is not None and not ctx.problems and not ctx.continuations:
            reuse.store(slide_model, layout, slide)
        for part in (ctx, *ctx.continuations):  # finished: keep bytes, not trees (memory)
            if package:
                freeze(part.slide)
    if problems:
        raise OutlineError(problems)
    if not package:
        return b""
    _set_properties(prs, outline, epoch)
    members = package_members(prs)
    if members is not None:  # the deterministic zip in one pass (see render.save)
        return zip_deck(members, epoch=epoch)
    buffer = io.BytesIO()  # a template whose part names clash: python-pptx's save, then re-zip
    prs.save(buffer)
    return buffer.getvalue()


def _is_dark(layout: Any) -> bool:
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


def _add_footer(slide: Any, layout: Any, outline: Outline, number: int) -> None:
    deck = outline.deck
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
            fit = fill_frame(shape, [Para(text or "")], style, language=deck.language)
            room = footer_room(ph, layout, bool(date)) if not fit.fits else None
            if room is not None and name == "FOOTER":  # too long: take the empty date box too
                shape.left, shape.top, shape.width, shape.height = room
                style = restyle(style, None, room)
                fill_frame(shape, [Para(text or "")], style, language=deck.language)
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


_BLANK_LINES = re.compile(r"\n\s*\n")


def _write_notes(frame: Any, notes: str, language: str) -> None:
    """Speaker notes into the notes slide's text frame (adder.notes_text_frame makes both)."""
    paragraphs = [
        " ".join(line.strip() for line in block.splitlines()).strip()
        for block in _BLANK_LINES.split(notes.strip())
    ]
    for i, text in enumerate(p for p in paragraphs if p):
        paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        for span in parse_inline(text):
            if not span.url:
                attrib = {"b": "1"} if span.bold else {}
                if span.italic:
                    attrib["i"] = "1"
                attrib["lang"] = language
                plain_run(paragraph._p, span.text, attrib)
                continue
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
