"""Slides made simpler when their text does not fit as yamldeck sets it: never cut, moved.

Text that fitted a deck's boxes (by a smaller size, or by running over them) may not fit at
yamldeck's sizes. Then a bullets slide continues on new slides ('overflow: continue'); a
picture's bullets move to a slide of their own, and a caption into the notes; any other kind
becomes a bullets slide holding all its text (a number slide's chart following on its own; a
timeline's events and a process's steps each a bullet, with its detail or text under it).
"""

from __future__ import annotations

import re
from typing import Any

from ..outline.inline import parse_inline
from .draft import DraftSlide

LONG = 300  # characters: a bullet longer than this may be split at its sentences
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+(?=\S)")
_TEXTS = {
    "title": ("subtitle", "presenter", "affiliation", "date"),
    "section": ("subtitle",),
    "closing": ("subtitle", "contacts"),
    "number": ("number", "caption", "details"),
    "statement": ("statement",),
    "quote": ("quote", "attribution"),
    "agenda": ("items",),
}


def simplified(slide: DraftSlide) -> tuple[list[DraftSlide], str] | None:
    """The slides to put in place of ``slide``, and what was done (for a warning); None when
    there is nothing simpler."""
    fields = slide.fields
    kind = slide.kind
    if kind == "bullets":
        if fields.get("overflow") != "continue":
            fields["overflow"] = "continue"
            slide.comments.append("Its bullets continue on new slides ('overflow: continue').")
            return [slide], "its bullets continue on new slides (overflow: continue)"
        split = _split(fields["bullets"])
        if split == fields["bullets"]:
            return None
        fields["bullets"] = split
        slide.comments.append("Bullets too long for a slide are split at their sentences.")
        return [slide], "a bullet too long for a slide is split at its sentences"
    if kind in ("picture", "chart", "table"):
        return _figure(slide)
    bullets = _bullets(kind, fields)
    if not bullets:
        return None
    made = DraftSlide({"kind": "bullets", "title": fields.get("title") or "", "bullets": bullets,
                       "overflow": "continue"},
                      [*slide.comments, f"Its text does not fit a {kind} slide as yamldeck sets "
                       "it: it is a bullets slide."], number=slide.number)
    if "notes" in fields:
        made.fields["notes"] = fields["notes"]
    slides = [made]
    if kind == "number" and "chart" in fields:
        slides.append(DraftSlide({"kind": "chart", "title": _continued(fields),
                                  "chart": fields["chart"]}, ["Its chart, continued."],
                                 number=slide.number))
    return slides, f"its text does not fit a {kind} slide; it is a bullets slide"


def _figure(slide: DraftSlide) -> tuple[list[DraftSlide], str] | None:
    fields = slide.fields
    slides = [slide]
    done = []
    if fields.get("bullets"):
        slides.append(DraftSlide({"kind": "bullets", "title": _continued(fields),
                                  "bullets": fields.pop("bullets"), "overflow": "continue"},
                                 ["The bullets beside the picture, continued."],
                                 number=slide.number))
        fields.pop("side", None)
        done.append("its bullets follow on a slide of their own")
    if fields.get("caption"):
        caption = fields.pop("caption")
        fields["notes"] = "\n\n".join(t for t in (fields.get("notes"), f"Caption: {caption}")
                                      if t)
        done.append("its caption is in the notes")
    if not done:
        return None
    slide.source_layout = None
    return slides, " and ".join(done)


def _continued(fields: dict[str, Any]) -> str:
    title = str(fields.get("title") or "")
    return f"{title} (cont.)" if title else ""


def _bullets(kind: str, fields: dict[str, Any]) -> list[Any]:
    """Every text of a slide of ``kind`` as bullets, in the order the slide shows them."""
    if kind == "columns":
        found: list[Any] = []
        for column in fields.get("columns", []):
            inner = list(column.get("bullets") or ([column["text"]] if column.get("text")
                                                   else []))
            heading = column.get("heading")
            found += [{heading: inner}] if heading and inner else [heading] if heading else inner
        return found
    if kind in ("timeline", "process"):  # each event or step a bullet, its detail under it
        found = []
        for item in fields.get("events") or fields.get("steps") or []:
            if isinstance(item, str):
                found.append(item)
                continue
            head = f"{item['date']} \u2014 {item['label']}" if kind == "timeline" else \
                item["heading"]
            more = item.get("detail") or item.get("text")
            found.append({head: [more]} if more else head)
        return found
    found = []
    for key in _TEXTS.get(kind, ()):
        value = fields.get(key)
        if isinstance(value, list):
            found += value
        elif value:
            found.append(f"\u2014 {value}" if key == "attribution" else value)
    return found


def _split(bullets: list[Any]) -> list[Any]:
    """Bullets longer than a slide holds, split at their sentences (or, without any, between
    words) into bullets of the same level; the last piece of a parent keeps its sub-bullets."""
    found: list[Any] = []
    for item in bullets:
        if isinstance(item, dict):
            ((text, children),) = item.items()
            pieces = _pieces(text)
            found += [*pieces[:-1], {pieces[-1]: _split(children)}]
        else:
            found += _pieces(item)
    return found


def _pieces(text: str) -> list[str]:
    """``text`` in pieces of at most LONG characters, each reading as its part of the text
    (no bold or link cut in two); the text itself when it cannot be cut so."""
    if len(text) <= LONG:
        return [text]
    parts = _SENTENCE.split(text)
    if len(parts) == 1:
        parts = text.split(" ")
    pieces: list[str] = []
    for part in parts:
        if pieces and len(pieces[-1]) + 1 + len(part) <= LONG:
            pieces[-1] += " " + part
        else:
            pieces.append(part)
    whole = _formatted(parse_inline(text))
    cut = [c for piece in pieces for c in _formatted(parse_inline(piece))]
    return pieces if cut == whole else [text]


def _formatted(spans: Any) -> list[tuple[str, bool, bool, str | None]]:
    """Each visible character with its formatting (spaces, where a text is cut, left out)."""
    return [(c, s.bold, s.italic, s.url) for s in spans for c in s.text if not c.isspace()]
