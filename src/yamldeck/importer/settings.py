"""The deck: settings of an imported outline: title, presenter, footer, slide numbers, language.

The title slide's own lines become deck: subtitle, presenter, affiliation and date (the outline
puts deck: values on a title slide that lacks them, so only what the title slide shows is
taken); the file's properties give the title, and the presenter when there is no title slide.
Footers, dates and slide numbers come from what the slides show, not from their layouts.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from ..outline.inline import Span
from .draft import DraftSlide
from .shapes import Shape
from .texts import joined, markup

# What programs write into a new file's properties by themselves: not a title or a presenter.
_DEFAULTS = {"", "powerpoint presentation", "presentation", "python-pptx", "untitled"}
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def deck_settings(prs: Any, slides: list[DraftSlide], furniture: list[Shape],
                  languages: Counter[str]) -> tuple[dict[str, Any], dict[str, str], list[str]]:
    """deck: keys, remarks on some of them, and warnings."""
    props = prs.core_properties
    warnings: list[str] = []
    opening = slides[0].fields if slides and slides[0].kind == "title" else None
    deck: dict[str, Any] = {"title": _property(props.title) or _first_title(slides) or "Untitled"}
    if opening is not None:
        for key in ("subtitle", "presenter", "affiliation", "date"):
            if opening.get(key):
                deck[key] = opening[key]
    elif _property(props.author):
        deck["presenter"] = _property(props.author)
    footers = Counter(joined(s.paras, " ") for s in furniture if s.ph_type == "ftr" and s.paras)
    if footers:
        deck["footer"] = footers.most_common(1)[0][0]
        if len(footers) > 1:
            warnings.append(f"the slides have {len(footers)} different footers; the outline "
                            f"has one: '{deck['footer']}'")
    dates = Counter(joined(s.paras, " ") for s in furniture if s.ph_type == "dt" and s.paras)
    if dates:
        shown = dates.most_common(1)[0][0]
        if opening is None or opening.get("date") == shown:
            deck["date"], deck["footer_date"] = shown, True
        else:
            warnings.append(f"the date at the foot of the slides ('{shown}') is left out; "
                            "'footer_date: true' in deck: would also put it on the title slide")
    language = _language(languages, props.language)
    if language:
        deck["language"] = language
    if not any(s.ph_type == "sldNum" for s in furniture):
        deck["slide_numbers"] = False
    return deck, {}, warnings


def _property(value: str | None) -> str:
    text = " ".join((value or "").split())
    return "" if text.lower() in _DEFAULTS else markup([Span(text)])


def _first_title(slides: list[DraftSlide]) -> str:
    return next((str(s.fields["title"]).split("\n")[0] for s in slides
                 if s.fields.get("title")), "")


def _language(languages: Counter[str], declared: str | None) -> str | None:
    for language, _ in languages.most_common():
        if _LANGUAGE.match(language) and language.lower() != "x-none":
            return language
    if declared and _LANGUAGE.match(declared.strip()):
        return declared.strip()
    return None
