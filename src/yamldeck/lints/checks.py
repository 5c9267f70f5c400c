"""Lints on a valid outline: titles, alt text, contrast, language, links and slide density.

Each lint returns located warnings (`--strict` makes them errors). The lints on how text fits
read what the render measured: lints.fits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from ..outline.alttext import missing_alt_text
from ..outline.fields import Bullet
from ..outline.inline import parse_inline, plain_text
from ..outline.languages import KNOWN_LANGUAGES as _LANGUAGES
from ..outline.loader import Path_, SourceMap
from ..outline.model import Outline
from .contrast import contrast_lints
from .fits import slide_name
from .scripts import script_lints, word_count

_Text = tuple[str, Path_, bool]  # a text on a slide, its path, and whether it counts as words
# Thresholds (documented in docs/cli.md's lints table).
MAX_BULLETS = 7  # bullet points on one slide, every level counted
MAX_WORDS = 60  # words on one slide, title and notes not counted
_URL = re.compile(r"(?:https?://|www\.)\S+", re.IGNORECASE)
_MARKUP = re.compile(r"[\\\[*]")  # what inline formatting starts with: text without is plain
_NOT_TEXT = frozenset({"notes", "kind", "image"})  # not text on the slide (links are not sought)
_NOT_SHOWN = {"kind", "title", "notes", "image", "alt", "decorative", "overflow", "csv", "side",
              "align", "fit", "widths", "chart", "rows", "presenter", "affiliation", "date",
              "source", "footnotes", "spacing"}  # set small at the foot, read up close


def outline_lints(outline: Outline, source: SourceMap) -> list[Problem]:
    """The warnings of every lint that reads the outline alone (fit findings come from the
    render: lints.fits; missing alt text is an error every build refuses: alt_text_lints)."""
    return [
        *title_lints(outline, source),
        *contrast_lints(outline, source),
        *language_lints(outline, source),
        *script_lints(outline, source),
        *text_lints(outline, source),
    ]


def _warn(source: SourceMap, path: Path_, message: str, *, key: bool = False) -> Problem:
    return source.problem(path, message, key=key, severity="warning")


def _title(slide: Any, outline: Outline) -> str:
    title = getattr(slide, "title", None)
    if title is None and getattr(slide, "kind", "") == "title":
        return outline.deck.title
    return title or ""


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
            yield _warn(source, where, f"{slide_name(number, slide, outline)}: the same title as "
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


def _slide_texts(value: Any, path: Path_, shown: bool, found: list[_Text]) -> int:
    """Add every text on a slide to ``found``, with its path and whether it counts as words on
    the slide (not titles, alt text...: _NOT_SHOWN); return how many bullet points it has.

    One walk for both text lints: on a deck of thousands of slides, walking is their cost.
    """
    if isinstance(value, str):
        found.append((value, path, shown))
        return 0
    bullets = 0
    if isinstance(value, Bullet):
        found.append((value.text, path, shown))
        below = path + (value.text,) if value.children else path  # the outline's nesting
        bullets = 1
        for i, child in enumerate(value.children):
            bullets += _slide_texts(child, below + (i,), shown, found)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_TEXT:
                bullets += _slide_texts(getattr(value, name), path + (name,),
                                        shown and name not in _NOT_SHOWN, found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            bullets += _slide_texts(item, path + (i,), shown, found)
    return bullets


def text_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Raw web addresses (link_problems), and more than MAX_BULLETS bullet points or MAX_WORDS
    words on one slide."""
    for number, slide in enumerate(outline.slides, start=1):
        path = ("slides", number - 1)
        texts: list[_Text] = []
        bullets = _slide_texts(slide, path, True, texts)
        for text, where, _ in texts:
            if _MARKUP.search(text) or _URL.search(text):  # else plain text without an address
                yield from link_problems(text, where, slide_name(number, slide, outline), source)
        if bullets > MAX_BULLETS:
            yield _warn(
                source,
                path,
                f"{slide_name(number, slide, outline)}: {bullets} bullet points on one slide "
                f"(more than {MAX_BULLETS}); keep the key points and move the rest to the notes or "
                "another slide",
            )
        words = sum(word_count(_plain(text)) for text, _, shown in texts if shown)
        if words > MAX_WORDS:
            yield _warn(
                source,
                path,
                f"{slide_name(number, slide, outline)}: {words} words on one slide (more than "
                f"{MAX_WORDS}, title not counted); say the rest and put it in the notes",
            )


def link_problems(text: str, path: Path_, label: str, source: SourceMap) -> Iterator[Problem]:
    """Link text that is a raw web address, and raw addresses typed as text."""
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


def _plain(text: str) -> str:
    """The text a reader sees (inline.plain_text), without parsing a text that has no markup."""
    return plain_text(text) if _MARKUP.search(text) else text
