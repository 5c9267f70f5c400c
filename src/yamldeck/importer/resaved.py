"""A built deck whose frame names are gone (LibreOffice renames every placeholder and renumbers
slide and shape ids when it saves a deck), matched to its record by its text instead.

Each slide of the deck is matched to the slide of the record whose title (or, failing that,
speaker notes) it shares, preferring the one in its place; its placeholders, in drawing order,
are the fields the record lists for it. Shapes added, formatting and animations cannot be told
from what the other program wrote, so they are not checked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from ..render.marks import digest, marked_frames, placeholders
from .texts import Links, Para, paragraphs, qn

_TITLES = ("title", "ctrTitle")
_CONT = " (cont.)"
EVERY_ID = 1 << 62  # no shape of such a slide counts as added


def matched(slides: list[Any], built: Any) -> list[Any]:
    """The record's mark (edited.Mark) for each slide of the deck (None: one the record does not
    know); ``built`` is the record (edited.Built)."""
    marks = list(built.marks.values())  # in the order the deck was built
    claimed: set[int] = set()
    found: list[Any] = []
    for position, slide in enumerate(slides):
        title = _title(slide)
        notes = {digest(0, p.text) for p in notes_paragraphs(slide)}
        best, best_score = None, 0.0
        for index, mark in enumerate(marks):
            if index in claimed:
                continue
            score = _score(built.digests.get(mark.number, {}), title, notes)
            score += 0.5 if score and index == position else 0.0
            if score > best_score:
                best, best_score = index, score
        if best is None:
            found.append(None)
            continue
        claimed.add(best)
        found.append(replace(marks[best], highest=EVERY_ID, look="", animations=-1))
    return found


def _score(fields: dict[str, list[str]], title: str, notes: set[str]) -> float:
    titles = fields.get("title", [])
    plain = title[:-len(_CONT)] if title.endswith(_CONT) else title
    same_title = bool(titles) and titles[0] in (digest(0, title), digest(0, plain))
    recorded = set(fields.get("notes", []))
    shared = len(notes & recorded) / max(len(recorded), 1) if recorded else 0.0
    return 2.0 * same_title + shared


def frames(slide: Any, mark: Any) -> dict[str, Any]:
    """The slide's placeholders as the fields the record lists for it, by their places among
    the slide's placeholders as built (footer, number and date left out)."""
    found = placeholders(slide._element)
    named = dict(reversed(marked_frames(slide._element)))  # frames whose names were kept
    if len(mark.places) != len(mark.fields):
        return named
    return {**{field: found[place] for field, place in zip(mark.fields, mark.places, strict=True)
               if place is not None and place < len(found)}, **named}


def _title(slide: Any) -> str:
    for sp in slide._element.iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        body = sp.find(qn("p:txBody"))
        if ph is not None and ph.get("type") in _TITLES and body is not None:
            return " ".join(p.plain for p in paragraphs(body, Links(slide.part, [])))
    return ""


def notes_paragraphs(slide: Any) -> list[Para]:
    """The speaker notes, paragraph by paragraph (as the importer reads them)."""
    if not slide.has_notes_slide:
        return []
    notes = slide.notes_slide
    for sp in notes._element.iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        body = sp.find(qn("p:txBody"))
        if ph is not None and ph.get("type") == "body" and body is not None:
            return paragraphs(body, Links(notes.part, []))
    return []
