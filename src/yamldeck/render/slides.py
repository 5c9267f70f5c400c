"""Rendering a validated outline into presentation bytes: the stages each slide passes through.

Each slide flows through the stages in turn (they are generators, so a deck of thousands of slides
holds one slide's trees at a time): its layout is chosen; it is replayed from the last build's
cache or drawn by its kind's renderer (a long table continues on further slides); its parts get
the footer and slide number of their place in the deck, and the slide its notes; then it is frozen
to bytes. Problems from every stage are collected and raised together.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import OutlineError, Problem
from ..files.deckfiles import DeckFiles, load_deck_files
from ..files.paths import AssetPolicy
from ..outline.inline import plain_text
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..outline.writing import deck_scripts
from ..package.archive import ZippedDeck, zip_deck
from ..theme import ThemeSpec, theme_for
from .adder import SlideAdder
from .chrome import add_footer, is_dark
from .context import SlideContext
from .footnotes import draw_foot, reserve_foot
from .frozen import freeze
from .kinds import RENDERERS, layout_key
from .layouts import OPENING, LayoutError
from .marks import slide_mark
from .members import package_members
from .notes import write_notes
from .record import add_record
from .reveal import add_reveal, reveals
from .setup import Start, light_text, start_deck
from .slidecache import SlideCache


def render_outline(
    outline: Outline,
    source: SourceMap,
    *,
    epoch: int,
    assets: Any = None,
    cache: SlideCache | None = None,
    files: DeckFiles | None = None,
    package: bool = True,
) -> bytes | ZippedDeck:
    """Build the deck for ``outline``; raise OutlineError when text cannot be made to fit.

    The deck's package comes back as zip_deck made it (a ZippedDeck, its zip already
    deterministic) or, when a template's part names clash, as python-pptx saved it: either way
    package.archive.deterministic_bytes gives the bytes to write.

    ``assets`` (files.assets.Assets) holds the pictures and CSV rows the outline names.
    ``cache`` keeps finished slides between builds of one outline (``yamldeck watch``).
    ``files`` holds the template and logo deck: names (loaded here when not given).
    Without ``package`` (a run that only measures, such as `check`) no bytes are made: b"".
    """
    spec = theme_for(outline.deck, deck_scripts(outline))
    if files is None:  # callers other than build (e.g. check) have not loaded them
        files = load_deck_files(outline, source, AssetPolicy(Path(source.file).parent))
    start = start_deck(outline, source, files, spec)
    adder = SlideAdder(start.prs)  # python-pptx's add_slide/notes_slide are quadratic; see adder
    run = _Run(outline, source, start, spec, adder, assets, problems=list(start.problems))
    if cache is not None:
        run.reuse = cache.for_render(start.template, outline.deck, adder)
    for drawn in _finished(run, _drawn(run, _placed(run))):
        if package:  # finished: keep bytes, not trees (memory)
            for part in drawn.parts:
                freeze(part.slide)
    if run.problems:
        raise OutlineError(run.problems)
    if not package:
        return b""
    _set_properties(start.prs, outline, epoch)
    rendered = [source.slide_number(index) for index in range(len(outline.slides))]
    add_record(start.prs, list(outline.slides), rendered, run.shown, outline.deck,
               getattr(assets, "rows", None))
    members = package_members(start.prs)
    if members is not None:  # the deterministic zip in one pass (see render.members)
        return zip_deck(members, epoch=epoch)
    buffer = io.BytesIO()  # a template whose part names clash: python-pptx's save, then re-zip
    start.prs.save(buffer)
    return buffer.getvalue()


@dataclass
class _Run:
    """What every stage of one rendering shares; stages only add to ``problems``."""

    outline: Outline
    source: SourceMap
    start: Start
    spec: ThemeSpec
    adder: SlideAdder
    assets: Any
    problems: list[Problem] = field(default_factory=list)
    reuse: Any = None  # slidecache.RenderReuse, when rebuilding with a cache
    shown: list[str] = field(default_factory=list)  # each deck slide's marks.slide_mark


@dataclass(frozen=True)
class _Placed:
    """A slide of the outline with the layout chosen for it."""

    index: int  # in the outline rendered (continued bullets counted)
    number: int  # as the file numbers it (continuations mapped back)
    model: Any
    choice: Any  # layouts.LayoutChoice


@dataclass(frozen=True)
class _Drawn:
    """A drawn slide and the slides it continued onto, each with its place in the deck."""

    placed: _Placed
    parts: tuple[SlideContext, ...]  # the slide's own context first
    positions: tuple[int, ...]  # 1-based place of each part in the deck


def _placed(run: _Run) -> Iterator[_Placed]:
    """Stage 1: each slide's layout; a slide whose layout cannot be found is a problem."""
    for index, model in enumerate(run.outline.slides):
        number = run.source.slide_number(index)
        try:
            choice = run.start.chooser.choose(model, layout_key(model), number)
        except LayoutError as exc:
            run.problems.append(run.source.problem(exc.path, str(exc)))
            continue
        yield _Placed(index, number, model, choice)


def _drawn(run: _Run, placed: Iterable[_Placed]) -> Iterator[_Drawn]:
    """Stage 2: each slide replayed from the cache or drawn by its kind's renderer.

    The one counter of places in the deck lives here: a replayed slide takes one place, a
    drawn slide one more for each slide it continued onto.
    """
    position = 0
    for slide in placed:
        layout = slide.choice.layout
        if run.reuse is not None and run.reuse.replay(slide.model, layout, position + 1):
            position += 1
            run.shown.append(slide_mark(slide.number, run.start.prs.slides[-1]))
            continue
        ctx = _context(run, slide, run.adder.add_slide(layout))
        foot = reserve_foot(ctx, slide.model)
        RENDERERS[slide.model.kind](ctx, slide.model)
        parts = (ctx, *ctx.continuations)
        for part in parts if foot is not None else ():
            draw_foot(part, foot)
        positions = tuple(range(position + 1, position + 1 + len(parts)))
        position += len(parts)
        yield _Drawn(slide, parts, positions)


def _context(run: _Run, slide: _Placed, pptx_slide: Any) -> SlideContext:
    """The state a kind's renderer works in for this slide."""
    outline, source, layout = run.outline, run.source, slide.choice.layout
    title = getattr(slide.model, "title", None) or outline.deck.title
    path = ("slides", slide.index)
    ctx = SlideContext(
        slide=pptx_slide,
        layout=layout,
        deck=outline.deck,
        label=f"slide {slide.number} '{plain_text(title)}'",
        locate=lambda message, *where, path=path: source.problem(path + where, message),
        assets=run.assets,
        outline=outline,
        add_slide=run.adder.add_slide,
        slots=slide.choice.slots,
        keep_out=run.start.keep_out(layout, slide.model.kind),
        index=slide.index,
        language=getattr(slide.model, "language", None) or "",
        fonts=run.start.fonts,
        mirrored=run.spec.rtl and not run.start.user,
    )
    dark = is_dark(layout) or (run.start.user and light_text(layout))
    ctx.link_color = run.spec.highlight if dark else None
    return ctx


def _finished(run: _Run, drawn: Iterable[_Drawn]) -> Iterator[_Drawn]:
    """Stage 3: empty placeholders removed, footer and number for each part's place, notes,
    problems collected, and a clean slide kept for the next build."""
    outline = run.outline
    for slide in drawn:
        model, layout = slide.placed.model, slide.placed.choice.layout
        for part, position in zip(slide.parts, slide.positions, strict=True):
            part.remove_empty_placeholders()
            if reveals(model, outline.deck):
                add_reveal(part, model)
            if model.kind not in OPENING:  # opening slides carry no footer or number
                run.adder.add_chrome(
                    part.slide,
                    layout,
                    position,
                    lambda s, n, layout=layout: add_footer(s, layout, outline, n,
                                                           run.start.fonts[1]),
                )
            run.shown.append(slide_mark(slide.placed.number, part.slide))
        ctx = slide.parts[0]
        run.problems.extend(p for part in slide.parts[1:] for p in part.problems)
        if model.notes:
            write_notes(run.adder.notes_text_frame(ctx.slide), model.notes, ctx.writing())
        run.problems.extend(ctx.problems)
        if run.reuse is not None and not ctx.problems and not ctx.continuations:
            run.reuse.store(model, layout, ctx.slide)
        yield slide


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
