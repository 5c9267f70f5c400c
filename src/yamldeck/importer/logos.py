"""Pictures a deck repeats on many of its slides (a logo, a decoration): found before the slides
are read, so each is left out once, with one warning naming its slides, rather than following
every slide on a picture slide of its own."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from .texts import qn

LEAST_SLIDES = 3  # a picture on fewer slides is content, however often the deck is short
LEAST_SHARE = 0.5  # ... and on at least this share of the deck's slides


@dataclass
class Repeated:
    """A picture's image on several slides: the first shape's name and the slides' numbers."""

    name: str
    slides: list[int] = field(default_factory=list)


def digest(element: Any, part: Any) -> str | None:
    """The sha1 of a picture shape's image (None for a linked or missing image)."""
    blip = element.find(f"{qn('p:blipFill')}/{qn('a:blip')}")
    r_id = blip.get(qn("r:embed")) if blip is not None else None
    if not r_id:
        return None
    try:
        return hashlib.sha1(part.related_part(r_id).blob).hexdigest()
    except (KeyError, AttributeError):
        return None


def repeated(slides: list[Any]) -> dict[str, Repeated]:
    """The images (by sha1) on at least half of ``slides`` and on at least three of them."""
    found: dict[str, Repeated] = {}
    for number, slide in enumerate(slides, 1):
        for pic in slide._element.iter(qn("p:pic")):
            key = digest(pic, slide.part)
            if key is None:
                continue
            c_nv_pr = pic.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}")
            name = c_nv_pr.get("name", "") if c_nv_pr is not None else ""
            held = found.setdefault(key, Repeated(name or "picture"))
            if not held.slides or held.slides[-1] != number:
                held.slides.append(number)
    least = max(LEAST_SLIDES, len(slides) * LEAST_SHARE)
    return {key: held for key, held in found.items() if len(held.slides) >= least}


def warning(held: Repeated, total: int) -> str:
    """The one warning for a repeated picture, worded as the warnings of one slide are."""
    numbers = ", ".join(str(n) for n in held.slides)
    return (f"slides {numbers}: picture '{held.name}': is on {len(held.slides)} of the deck's "
            f"{total} slides (a logo or a decoration?) and not brought over")
