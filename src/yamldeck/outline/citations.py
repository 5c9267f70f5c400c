"""Sources and footnotes on a slide: the keys, and every [^1] marker checked against its note."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Annotated, Any

from pydantic import BaseModel, Field

from ..errors import Problem
from .fields import Bullet, Text
from .inline import note_numbers
from .loader import Path_, SourceMap

_UNMARKED = {"footnotes", "source", "notes", "layout", "kind"}  # not texts of the slide

SourceLine = Annotated[
    Text | None,
    Field(
        description="Where the slide's facts come from, set small at its foot, e.g. "
        "'Source: [MTCR Guidelines](https://mtcr.info)' (links work)."
    ),
]
Footnotes = Annotated[
    list[Text] | None,
    Field(
        description="Footnotes, set small at the slide's foot: the first is [^1] in the "
        "slide's text, the second [^2], and so on."
    ),
]
Reveal = Annotated[
    bool | None,
    Field(
        description="true: the points appear one click at a time when presenting (sub-points "
        "with their point); false turns off deck: reveal for this slide."
    ),
]
# Keys whose text is not on the slide's face, or is the notes themselves: markers there are
# not looked for.
_NOT_MARKED = {"footnotes", "source", "notes", "kind", "layout", "image", "csv", "alt"}


def marked_texts(raw: Any, path: Path_) -> Iterator[tuple[str, Path_, bool]]:
    """Every text of a slide as typed that may hold markers: (text, its path, typed as a key).

    A bullet with sub-points is typed as a key ('Parent:'), so its text is located at the key.
    """
    if isinstance(raw, str):
        yield raw, path, False
    elif isinstance(raw, list):
        for i, item in enumerate(raw):
            yield from marked_texts(item, path + (i,))
    elif isinstance(raw, dict):
        for key, value in raw.items():
            if key in _NOT_MARKED:
                continue
            if isinstance(value, list) and len(raw) == 1 and len(path) > 2:
                yield str(key), path + (key,), True  # a bullet with its sub-points
            yield from marked_texts(value, path + (key,))


def footnote_problems(
    raw: dict[str, Any], footnotes: list[str] | None, path: Path_, label: str, source: SourceMap
) -> list[Problem]:
    """A marker with no footnote, and a footnote no marker refers to, each located."""
    count = len(footnotes or ())
    problems: list[Problem] = []
    used: set[int] = set()
    for text, where, key in marked_texts(raw, path):
        for number in note_numbers(text) if "[^" in text else ():
            used.add(number)
            if number <= count:
                continue
            if count:
                fix = (
                    f"the slide's 'footnotes:' list has {count}; add footnote {number} "
                    f"to it, or correct the marker"
                )
            else:
                fix = (
                    "the slide has no 'footnotes:'; add 'footnotes:' to the slide with the "
                    "note's text as a list item, or remove the marker"
                )
            found = source.problem(where, f"{label}: the marker [^{number}] has no footnote: {fix}",
                                   key=key)
            problems.append(_at_marker(found, source, f"[^{number}]"))
    for index in range(count):
        if index + 1 not in used:
            problems.append(
                source.problem(
                    path + ("footnotes", index),
                    f"{label}: footnote {index + 1} is not referred to from the slide's text; "
                    f"put [^{index + 1}] right after the words it explains, or remove it",
                )
            )
    return problems


def _at_marker(problem: Problem, source: SourceMap, marker: str) -> Problem:
    """The problem moved to the marker itself, where the text was typed (the value's start
    otherwise, as with a text in a folded block whose lines the file spells differently)."""
    if problem.line is None or problem.column is None:
        return problem
    for offset, line in enumerate(source.lines[problem.line - 1 : problem.line + 40]):
        start = problem.column - 1 if offset == 0 else 0
        found = line.find(marker, start)
        if found >= 0:
            return replace(problem, line=problem.line + offset, column=found + 1)
    return problem


def foot_texts(model: Any) -> list[str]:
    """The texts set at a slide's foot: the footnotes its text refers to (each led by its
    marker, raised when drawn), then its source."""
    notes = getattr(model, "footnotes", None) or []
    source = getattr(model, "source", None)
    if not notes and not source:
        return []  # most slides: their texts need not be read
    used = set(referenced(model)) if notes else set()
    texts = [f"[^{n}] {text}" for n, text in enumerate(notes, 1) if n in used]
    return [*texts, source] if source else texts


def referenced(value: Any) -> Iterator[int]:
    """The footnote numbers a slide's texts (title, bullets, columns, cells...) refer to."""
    if isinstance(value, str):
        yield from note_numbers(value)
    elif isinstance(value, Bullet):
        yield from note_numbers(value.text)
        for child in value.children:
            yield from referenced(child)
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            if name not in _UNMARKED:
                yield from referenced(getattr(value, name))
    elif isinstance(value, (list, tuple)):
        for item in value:
            yield from referenced(item)
