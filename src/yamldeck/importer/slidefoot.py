"""What yamldeck sets at a slide's foot, and its points revealed by click, read back as keys.

The box of sources and footnotes (render.footnotes names it) gives 'source:' and 'footnotes:',
renumbered from 1 where a slide continued from another shows only some of them, with its text's
[^n] markers to match. A timing that builds a slide's text frames by paragraph gives 'reveal:'.
"""

from __future__ import annotations

import re
from typing import Any

from .draft import Draft
from .shapes import Shape
from .texts import qn

FOOT_NAME = "Sources and footnotes"  # render.footnotes.SHAPE_NAME
_NOTE = re.compile(r"^\[\^([1-9][0-9]?)\]\s*(.*)$", re.S)
_MARKER = re.compile(r"(?<!\\)\[\^([1-9][0-9]?)\]")
REVEALED_KINDS = ("bullets", "columns", "agenda")
_SKIPPED = {"notes", "footnotes", "source", "kind", "layout", "image", "csv", "alt"}


def foot_shape(shapes: list[Shape]) -> tuple[Shape | None, list[Shape]]:
    """The slide's box of sources and footnotes, and its other shapes."""
    foot = next((s for s in shapes if s.what == "text box" and s.name == FOOT_NAME), None)
    return foot, [s for s in shapes if s is not foot]


def add_foot(fields: dict[str, Any], foot: Shape | None) -> None:
    """The box's footnotes and source as the slide's keys, its text's markers renumbered to
    match; raised numbers that refer to no note there (the 2 of m²) made plain text again."""
    notes: dict[int, str] = {}
    sources: list[str] = []
    for para in foot.paras if foot is not None else ():
        text = para.text.strip()
        found = _NOTE.match(text)
        if found:
            notes[int(found.group(1))] = found.group(2).strip()
        elif text:
            sources.append(text)
    numbers = {old: new for new, old in enumerate(sorted(notes), 1)}
    for key, value in list(fields.items()):
        if key not in _SKIPPED:
            fields[key] = _renumbered(value, numbers)
    if notes:
        fields["footnotes"] = [notes[old] for old in sorted(notes)]
    if sources:
        fields["source"] = " ".join(sources)


def _renumbered(value: Any, numbers: dict[int, int]) -> Any:
    if isinstance(value, str):
        return _MARKER.sub(lambda m: _marker(int(m.group(1)), numbers), value)
    if isinstance(value, dict):
        return {_renumbered(k, numbers): _renumbered(v, numbers) for k, v in value.items()}
    if isinstance(value, list):
        return [_renumbered(item, numbers) for item in value]
    if isinstance(value, tuple):
        return tuple(_renumbered(item, numbers) for item in value)
    return value


def _marker(number: int, numbers: dict[int, int]) -> str:
    return f"[^{numbers[number]}]" if number in numbers else str(number)


def deck_reveal(draft: Draft) -> None:
    """'reveal: true' said once, in deck:, when every slide that can reveal its points does."""
    slides = [s for s in draft.slides if s.kind in REVEALED_KINDS]
    if len(slides) < 2 or not all(s.fields.get("reveal") for s in slides):
        return
    for slide in slides:
        del slide.fields["reveal"]
    draft.deck["reveal"] = True


def revealed(slide: Any) -> bool:
    """Whether the slide's timing only builds text frames paragraph by paragraph (on click)."""
    timing = slide._element.find(qn("p:timing"))
    if timing is None:
        return False
    builds = list(timing.iter(qn("p:bldP")))
    others = [e for e in timing.iter() if e.tag in _OTHER_BUILDS]
    effects = [e for e in timing.iter(qn("p:cTn")) if e.get("presetClass")]
    return (bool(builds) and not others and all(b.get("build") == "p" for b in builds)
            and all(e.get("presetClass") == "entr" for e in effects))


def appear_only(slide: Any) -> bool:
    """Whether every effect of the slide's timing is PowerPoint's plain "Appear"."""
    timing = slide._element.find(qn("p:timing"))
    effects = [] if timing is None else [
        e for e in timing.iter(qn("p:cTn")) if e.get("presetClass")]
    return all(e.get("presetID") == "1" for e in effects)


_OTHER_BUILDS = {qn("p:bldGraphic"), qn("p:bldOleChart"), qn("p:bldDgm")}
