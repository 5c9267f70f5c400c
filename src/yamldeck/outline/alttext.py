"""Alt text: every picture and chart says what it shows, or is marked decorative.

An error in `build` and `check` alike (an inaccessible deck is refused). It needs only the
validated slides, so it also runs on the slides that did validate when others did not, and a
missing alt text is listed with every other problem of the outline in one run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pydantic import BaseModel

from ..errors import Problem
from .inline import plain_text
from .source import Path_, SourceMap

_SHOWN = ("image", "picture", "path", "src", "file", "chart")


def missing_alt_text(
    slides: Iterable[tuple[int, Any]], deck_title: str, source: SourceMap
) -> Iterator[Problem]:
    """Errors for pictures and charts without alt text on ``slides`` ((index, slide) pairs)."""
    for index, slide in slides:
        for model, path in _models(slide, ("slides", index)):
            fields = type(model).model_fields
            if (
                "alt" not in fields
                or getattr(model, "alt", None)
                or getattr(model, "decorative", False)
            ):
                continue
            shown = next((n for n in _SHOWN if n in fields and getattr(model, n, None)), None)
            if shown is None and not any(n in fields for n in ("type", "series")):
                continue
            thing = (
                f"the picture '{getattr(model, shown)}'"
                if shown not in (None, "chart")
                else "the chart"
            )
            title = getattr(slide, "title", None)
            if title is None and getattr(slide, "kind", "") == "title":
                title = deck_title
            yield source.problem(
                path + ((shown,) if shown else ()),
                f"slide {index + 1} '{plain_text(title or '')}': {thing} has no alt text; add "
                "'alt:' saying what it shows, for screen-reader users (or 'decorative: true' if "
                "it only decorates)",
            )


def _models(value: Any, path: Path_) -> Iterator[tuple[BaseModel, Path_]]:
    """``value`` and every model nested in it, with its path in the outline."""
    if isinstance(value, BaseModel):
        yield value, path
        for name in type(value).model_fields:
            yield from _models(getattr(value, name), path + (name,))
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            yield from _models(item, path + (i,))
