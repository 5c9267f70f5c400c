"""The texts of an outline with the language each is in, and the scripts the deck is written in.

A slide's text is in the slide's language (its 'language:' key, else deck: language); a phrase
marked [like this]{lang=fr} is in its own. The theme's fonts (theme.scriptfonts) name a font for
each East Asian and complex script the deck uses, and check compares each text's letters with its
language (lints.scripts).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from .fields import Bullet
from .inline import parse_inline
from .languages import script_of, slot_of
from .model import Outline
from .scripts import BEYOND_LATIN, letter_scripts

Path_ = tuple[Any, ...]
# Keys whose values are not text shown in the deck (file names, choices, numbers as typed).
_NOT_TEXT = frozenset({"kind", "layout", "language", "image", "csv", "overflow", "side", "align",
                       "fit", "widths", "type"})
_DECK_TEXTS = ("title", "subtitle", "presenter", "affiliation", "date", "footer")
# The theme names fonts for these scripts (others are drawn in whatever font a viewer finds).
FONT_SCRIPTS = ("Hans", "Hant", "Jpan", "Hang", "Arab", "Hebr")


@dataclass(frozen=True)
class Written:
    """A text of the outline, where it is, and the language it is in."""

    text: str
    path: Path_
    language: str


def texts(outline: Outline, *, notes: bool = True) -> Iterator[Written]:
    """Every text of the outline (deck: settings first, then each slide's in order)."""
    deck = outline.deck
    for name in _DECK_TEXTS:
        value = getattr(deck, name)
        if value:
            yield Written(value, ("deck", name), deck.language)
    for index, slide in enumerate(outline.slides):
        language = getattr(slide, "language", None) or deck.language
        for name in type(slide).model_fields:
            if name in _NOT_TEXT or (name == "notes" and not notes):
                continue
            yield from _walk(getattr(slide, name), ("slides", index, name), language)


def _walk(value: Any, path: Path_, language: str) -> Iterator[Written]:
    if isinstance(value, str):
        yield Written(value, path, language)
    elif isinstance(value, Bullet):
        yield Written(value.text, path, language)
        below = path + (value.text,) if value.children else path
        for i, child in enumerate(value.children):
            yield from _walk(child, below + (i,), language)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _NOT_TEXT:
                yield from _walk(getattr(value, name), path + (name,), language)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _walk(item, path + (i,), language)


def phrases(written: Written) -> Iterator[tuple[str, str]]:
    """(text, language) of each stretch of a text: marked phrases are in their own language."""
    for span in parse_inline(written.text):
        yield span.text, span.lang or written.language


def font_script(script: str, language: str) -> str | None:
    """The script whose font sets letters of ``script`` in text in ``language``: Han characters
    take the language's East Asian script (Chinese, Japanese...); None for Latin-slot scripts."""
    if script in ("Hani", "Bopo"):
        own = script_of(language)
        return own if own in ("Hans", "Hant", "Jpan", "Hang") else "Hans"
    if script in ("Hira", "Kana"):
        return "Jpan"
    return script if slot_of(script) != "latin" else None


def deck_scripts(outline: Outline) -> tuple[str, ...]:
    """The East Asian and complex scripts the deck's text uses, in order of first use: from the
    languages it names and the letters it holds (notes included)."""
    found: dict[str, None] = {}
    for language in _languages(outline):
        script = script_of(language)
        if script in FONT_SCRIPTS:
            found.setdefault(script)
    for written in texts(outline):
        if not BEYOND_LATIN.search(written.text):
            continue
        for text, language in phrases(written):
            for script in letter_scripts(text):
                chosen = font_script(script, language)
                if chosen in FONT_SCRIPTS:
                    found.setdefault(chosen)
    return tuple(found)


def _languages(outline: Outline) -> Iterator[str]:
    yield outline.deck.language
    for slide in outline.slides:
        language = getattr(slide, "language", None)
        if language:
            yield language
    for written in texts(outline):
        if "{lang=" in written.text:
            yield from (span.lang for span in parse_inline(written.text) if span.lang)
