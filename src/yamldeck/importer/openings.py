"""Slides that open and close: title, section and closing slides, told apart and read.

A slide is one of these when its layout is named so (PowerPoint's, LibreOffice's, Google Slides'
names, as render/layouts.py knows them), or when it has a centred title or a subtitle and no
content (no body text, table, chart or picture). Which of the three: the layout's name; else the
first slide is the title slide, the last the closing slide, any other a section slide.
"""

from __future__ import annotations

import re
from typing import Any

from ..render.layouts import CANDIDATES, normalised
from .shapes import Shape
from .texts import Para, joined, unbolded

_TITLE = set(CANDIDATES["title"]) - {"title"}
_SECTION = set(CANDIDATES["section"]) - {"title slide"}
_CLOSING = {"closing", "closing slide", "end", "end slide", "thank you", "thanks", "contact"}
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_DATE = re.compile(r"\b(\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|(19|20)\d\d)\b")


def role_by_name(layout: str) -> str | None:
    """'title', 'section' or 'closing' when the layout's name says so."""
    name = normalised(layout)
    if name in _CLOSING:
        return "closing"
    if name in _SECTION:
        return "section"
    if name in _TITLE:
        return "title"
    return None


def opening_kind(layout: str, shapes: list[Shape], first: bool, last: bool) -> str | None:
    """The kind of an opening or closing slide, None for a slide with content."""
    content = [s for s in shapes if s.what in ("table", "chart", "picture", "SmartArt")
               or (s.ph_type in ("body", "obj") and s.paras and not _short(s))]
    by_name = role_by_name(layout)
    centred = any(s.ph_type in ("ctrTitle", "subTitle") for s in shapes)
    if by_name is None and not centred:
        return None
    if content and by_name != "closing":
        return None
    if by_name in ("section", "closing"):
        return by_name
    return "title" if first else "closing" if last else "section"


def _short(shape: Shape) -> bool:
    """A body of a line or two, as a section's subtitle or a closing slide's contacts are."""
    return len(shape.paras) <= 3 and shape.ph_type == "body"


def title_fields(title: str, texts: list[Shape]) -> dict[str, Any]:
    """A title slide: its subtitle, and the lines under it as presenter, affiliation and date."""
    fields: dict[str, Any] = {"kind": "title", "title": title}
    subtitle = next((s for s in texts if s.ph_type == "subTitle"), None)
    if subtitle is None and texts and not (texts[0].ph_type == "body" and
                                           len(texts[0].paras) > 1):
        subtitle = texts[0]
    if subtitle is not None:
        fields["subtitle"] = joined(subtitle.paras)
    lines = [p for s in texts if s is not subtitle for p in s.paras]
    fields.update(presenter_lines([unbolded(p) if i == 0 else p for i, p in enumerate(lines)]))
    return fields


def presenter_lines(lines: list[Para]) -> dict[str, str]:
    """Lines under a title slide's subtitle as the outline's presenter, affiliation and date (a
    last line that reads as a date is the date)."""
    texts = [p.text.strip() for p in lines]
    found: dict[str, str] = {}
    if texts and len(texts) >= 2 and _is_date(lines[-1].plain):
        found["date"] = texts.pop()
    for key, text in zip(("presenter", "affiliation"), texts[:2], strict=False):
        found[key] = text
    if len(texts) > 2:
        found["affiliation"] = "\n".join(texts[1:])
    return dict(sorted(found.items(), key=lambda item: ("presenter", "affiliation",
                                                        "date").index(item[0])))


def _is_date(text: str) -> bool:
    lowered = text.lower()
    return bool(_DATE.search(text)) and (any(m in lowered for m in _MONTHS) or len(text) < 20)


def section_fields(title: str, texts: list[Shape]) -> dict[str, Any]:
    fields: dict[str, Any] = {"kind": "section", "title": title}
    paras = [p for s in texts for p in s.paras]
    if paras:
        fields["subtitle"] = joined(paras)
    return fields


def closing_fields(title: str, texts: list[Shape]) -> dict[str, Any]:
    """A closing slide: a subtitle (the first of two texts, or a lone line without a link),
    and the contact lines."""
    fields: dict[str, Any] = {"kind": "closing", "title": title}
    if len(texts) >= 2:
        fields["subtitle"] = joined(texts[0].paras)
        contacts = [p for s in texts[1:] for p in s.paras]
    else:
        contacts = [p for s in texts for p in s.paras]
        if len(contacts) == 1 and "](" not in contacts[0].text and "@" not in contacts[0].text:
            fields["subtitle"], contacts = contacts[0].text.strip(), []
    if contacts:
        fields["contacts"] = [p.text.strip() for p in contacts]
    return fields
