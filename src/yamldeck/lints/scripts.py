"""Lints on the scripts text is written in: letters the deck's fonts do not cover, and text whose
letters are not those of the language it is marked as (Arabic on an en-NZ slide).

A slide's text is in the slide's language (outline.writing); yamldeck lays text out and picks its
fonts from that language, so Arabic on an English slide would run left to right, be spell-checked
as English and be read aloud by an English voice.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from ..errors import Problem
from ..outline.languages import (
    EXAMPLE_LANGUAGE,
    KNOWN_LANGUAGES,
    primary,
    same_writing,
    script_name,
    script_of,
)
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..outline.scripts import BEYOND_LATIN, letter_scripts
from ..outline.writing import Written, phrases, texts
from ..theme.scriptfonts import COVERED
from .fits import slide_name

SNIPPET = 24  # characters of the text quoted in a message
CHARACTERS_PER_WORD = 2.5  # Chinese or Japanese characters counted as one word
# Chinese and Japanese characters, and East Asian punctuation: text without spaces between words.
_EAST_ASIAN = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
                         "\U00020000-\U0002fa1f]")
_EAST_ASIAN_MARKS = re.compile("[\u3000-\u303f\uff00-\uffef]")


def word_count(text: str) -> int:
    """Words of ``text`` for the slide-density lint: Latin, Cyrillic, Arabic, Korean... words
    between spaces, and a word for every two and a half Chinese or Japanese characters (text
    without spaces to count; a translation from English runs to about that many characters for
    each English word, names and terms more)."""
    characters = len(_EAST_ASIAN.findall(text))
    if not characters:
        return len(text.split())
    rest = _EAST_ASIAN_MARKS.sub(" ", _EAST_ASIAN.sub(" ", text))
    return len(rest.split()) + math.ceil(characters / CHARACTERS_PER_WORD)


def script_lints(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """Warnings about each text's scripts, and about slides' language codes."""
    yield from _language_codes(outline, source)
    for written in texts(outline):
        if not BEYOND_LATIN.search(written.text):
            continue  # Latin letters only: at home in any language, and in every font
        warned: set[str] = set()
        for text, language in phrases(written):
            for script, index in letter_scripts(text).items():
                if script in warned:
                    continue
                message = _uncovered(script) or _foreign(script, language)
                if message:
                    warned.add(script)
                    snippet = _snippet(text, index)
                    yield source.problem(written.path, f"{_where(outline, written)}: "
                                         f"'{snippet}' {message}", severity="warning")


def _uncovered(script: str) -> str | None:
    if script in COVERED:
        return None
    name = script_name(script)
    return (f"is in {name} script, for which the built-in theme names no font and yamldeck has "
            f"no metrics: each viewer draws it in a font it finds and whether it fits cannot be "
            f"checked; look at the slide in the viewers your audience uses, or use a template "
            f"whose theme names a {name} font")


def _foreign(script: str, language: str) -> str | None:
    own = script_of(language)
    if same_writing(own, script):
        return None
    name = script_name(script)
    example = EXAMPLE_LANGUAGE.get(script, "und")
    return (f"is in {name} script, but the text is in '{language}' ({script_name(own)}): "
            f"spell-checkers and screen readers take it for that language and it is laid out as "
            f"such; give the slide 'language: {example}' (or deck: language:), or mark the "
            f"phrase as [...]{{lang={example}}}")


def _snippet(text: str, index: int) -> str:
    piece = text[index:index + SNIPPET].strip()
    return piece + ("…" if index + SNIPPET < len(text) else "")


def _where(outline: Outline, written: Written) -> str:
    if written.path[0] == "deck":
        return f"deck: {written.path[1]}"
    index = written.path[1]
    return slide_name(index + 1, outline.slides[index], outline)


def _language_codes(outline: Outline, source: SourceMap) -> Iterator[Problem]:
    """A slide's language, like the deck's, starts with a known language code."""
    for index, slide in enumerate(outline.slides):
        language = getattr(slide, "language", None)
        if language and len(primary(language)) == 2 and primary(language) not in KNOWN_LANGUAGES:
            yield source.problem(
                ("slides", index, "language"),
                f"{slide_name(index + 1, slide, outline)}: '{language}' does not start with a "
                "known language code (ISO 639); write one such as ar, zh-CN or fr-FR",
                severity="warning",
            )
