"""Lints on a valid outline: text at risk of overflowing, accessibility, contrast and slide density.

Each lint returns located warnings (`yamldeck check --strict` makes them errors). The measured lints
render the deck in memory, exactly as `build` would, and read back every fitted text frame.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ..errors import OutlineError, Problem
from ..layout.measure import WRAP_MARGIN, get_measurer
from ..outline.alttext import missing_alt_text
from ..outline.fields import Bullet
from ..outline.inline import parse_inline, plain_text
from ..outline.loader import Path_, SourceMap
from ..outline.model import Outline
from .contrast import contrast_lints

# Thresholds (documented in the README's "Checking a deck" section).
MIN_FONT_PT = 14  # smallest text a fitted frame may be shrunk to without a warning
RISK_WIDER = 0.02  # "within one line": the text would overflow if a viewer set it 2% wider
MAX_BULLETS = 7  # bullet points on one slide, every level counted
MAX_WORDS = 60  # words on one slide, title and notes not counted
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_LANGUAGES = set(
    "aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu "
    "hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb "
    "lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om "
    "or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss st su sv sw "
    "ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu".split()
)
_NOT_SHOWN = {"kind", "title", "notes", "image", "alt", "decorative", "overflow", "csv", "side",
              "align", "fit", "widths", "chart", "rows", "presenter", "affiliation", "date"}


def lint(outline: Outline, source: SourceMap) -> list[Problem]:
    """Every lint's warnings for ``outline``; text that cannot fit comes back as errors."""
    found = [
        *title_lints(outline, source),
        *alt_text_lints(outline, source),
        *contrast_lints(outline, source),
        *language_lints(outline, source),
        *link_lints(outline, source),
        *density_lints(outline, source),
    ]
    try:
        found.extend(fit_lints(_records(outline, source)))
    except OutlineError as exc:  # the build would fail: report why, as errors
        found.extend(exc.problems)
    return found


def _warn(source: SourceMap, path: Path_, message: str, *, key: bool = False) -> Problem:
    return source.problem(path, message, key=key, severity="warning")


def _label(number: int, slide: Any, outline: Outline) -> str:
    return f"slide {number} '{plain_text(_title(slide, outline))}'"


def _title(slide: Any, outline: Outline) -> str:
    title = getattr(slide, "title", None)
    if title is None and getattr(slide, "kind", "") == "title":
        return outline.deck.title
    return title or ""


# --- measured: overflow risk and font size --------------------------------------------------------


def _records(outline: Outline, source: SourceMap) -> tuple[Any, ...]:
    """Render in memory as `build` does and return every fitted frame."""
    from ..package.archive import DEFAULT_EPOCH
    from ..render.fitted import render_fitted

    return render_fitted(
        outline, source, epoch=DEFAULT_EPOCH, **_render_options(outline, source)
    ).records


def _render_options(outline: Outline, source: SourceMap) -> dict[str, Any]:
    """What render_outline needs besides the outline: the pictures and data it names."""
    from ..files.assets import load_assets
    from ..files.paths import AssetPolicy

    # As `build` without --allow-outside-assets: check answers "would build succeed?".
    policy = AssetPolicy(Path(source.file).parent, allow_outside=False)
    # Only the measurements are wanted: no package is made (render_outline's package=False).
    return {"assets": load_assets(outline, source, policy), "package": False}


def fit_lints(records: tuple[Any, ...]) -> Iterator[Problem]:
    """Frames shrunk from their designed size or below MIN_FONT_PT, or within a line of overflow."""
    for r in records:
        message = _fit_message(r)
        if message:
            yield replace(r.locate(f"{r.label}: {message}"), severity="warning")


def _fit_message(r: Any) -> str | None:
    fit, paragraphs, frame = r.measured.fit, r.measured.paragraphs, r.measured.frame
    if not fit.fits or not paragraphs:
        return None
    plural = r.what.endswith("s")
    it, was = ("them", "were") if plural else ("it", "was")
    designed = max(p.size_pt for p in paragraphs)
    smallest = min(p.size_pt for p in paragraphs) - fit.shrink_pt
    if smallest < MIN_FONT_PT:
        return (f"the {r.what} {was} shrunk to {smallest:g} pt to fit, below the {MIN_FONT_PT} pt "
                f"minimum for reading from the back of a room; shorten {it}")
    if fit.shrink_pt:
        return (f"the {r.what} {was} shrunk from {designed:g} pt to {designed - fit.shrink_pt:g} pt"
                f" to fit; shorten {it} to keep the designed size")
    stressed = WRAP_MARGIN / (1 + RISK_WIDER)  # as if a viewer set the text 2% wider
    if get_measurer().text_height_pt(paragraphs, frame, 0, stressed)[1] > frame.height_pt:
        return (f"the {r.what} {'fill their' if plural else 'fills its'} box to within one line: "
                f"a viewer that sets text {RISK_WIDER:.0%} wider would overflow it; "
                f"shorten {it} a little")
    return None


# --- titles, pictures, language, links, density -------------------------------------------------


def title_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Every slide has a title, and no two share one (screen readers list slides by title)."""
    first: dict[str, int] = {}
    for number, slide in enumerate(outline.slides, start=1):
        path = ("slides", number - 1)
        title = plain_text(_title(slide, outline)).strip()
        if "title" not in type(slide).model_fields:
            continue
        if not title:
            yield _warn(source, path, f"slide {number} has no title; screen-reader users find "
                        "slides by their titles: add 'title:'")
            continue
        key = " ".join(title.casefold().split())
        if key in first:
            where = path + ("title",) if getattr(slide, "title", None) else path
            yield _warn(source, where, f"{_label(number, slide, outline)}: the same title as "
                        f"slide {first[key]}; screen-reader users find slides by their titles: "
                        "make each title different")
        else:
            first[key] = number


def alt_text_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Anything with an 'alt' key (pictures, charts) has alt text or is marked decorative."""
    return missing_alt_text(enumerate(outline.slides), outline.deck.title, source)


def language_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """The deck names its language, with a known language code."""
    if ("deck", "language") not in source.keys:
        yield _warn(
            source,
            ("deck",),
            "deck: no 'language:' is given, so spell-checkers and "
            f"screen readers will assume {outline.deck.language}; add e.g. 'language: en-NZ'",
        )
        return
    primary = outline.deck.language.split("-")[0].lower()
    if len(primary) == 2 and primary not in _LANGUAGES:
        yield _warn(
            source,
            ("deck", "language"),
            f"deck: '{outline.deck.language}' does not start "
            "with a known language code (ISO 639); write one such as en-NZ, mi-NZ or fr-FR",
        )


def _texts(value: Any, path: Path_, skip: set[str]) -> Iterator[tuple[str, Path_]]:
    """Every text shown on a slide, with its path (bullets follow the outline's nesting)."""
    if isinstance(value, str):
        yield value, path
    elif isinstance(value, Bullet):
        yield value.text, path
        below = path + (value.text,) if value.children else path
        for i, child in enumerate(value.children):
            yield from _texts(child, below + (i,), skip)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in skip:
                yield from _texts(getattr(value, name), path + (name,), skip)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _texts(item, path + (i,), skip)


def link_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Link text that is a raw web address, and raw addresses typed as text."""
    for number, slide in enumerate(outline.slides, start=1):
        label = _label(number, slide, outline)
        for text, path in _texts(slide, ("slides", number - 1), {"notes", "kind", "image"}):
            for span in parse_inline(text):
                raw = _URL.search(span.text)
                if span.url and (raw or span.text.strip() == span.url):
                    yield _warn(
                        source,
                        path,
                        f"{label}: the link text '{span.text}' is a raw web "
                        "address, which screen readers spell out; write where it leads: "
                        f"[the page's name]({span.url})",
                    )
                elif raw and not span.url:
                    yield _warn(
                        source,
                        path,
                        f"{label}: '{raw.group()}' is a raw web address in "
                        "the text, which screen readers spell out; make it a link with "
                        f"words: [the page's name]({raw.group()})",
                    )


def density_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """More than MAX_BULLETS bullet points or MAX_WORDS words on one slide."""
    for number, slide in enumerate(outline.slides, start=1):
        path = ("slides", number - 1)
        label = _label(number, slide, outline)
        bullets = sum(1 for _ in _bullet_points(slide))
        if bullets > MAX_BULLETS:
            yield _warn(
                source,
                path,
                f"{label}: {bullets} bullet points on one slide (more than "
                f"{MAX_BULLETS}); keep the key points and move the rest to the notes or "
                "another slide",
            )
        words = sum(len(plain_text(t).split()) for t, _ in _texts(slide, path, _NOT_SHOWN))
        if words > MAX_WORDS:
            yield _warn(
                source,
                path,
                f"{label}: {words} words on one slide (more than "
                f"{MAX_WORDS}, title not counted); say the rest and put it in the notes",
            )


def _bullet_points(value: Any) -> Iterator[Bullet]:
    if isinstance(value, Bullet):
        yield value
        for child in value.children:
            yield from _bullet_points(child)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name != "notes":
                yield from _bullet_points(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from _bullet_points(item)
