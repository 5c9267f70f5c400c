"""Rendering with every fitted frame recorded, and again with continuation slides if needed.

A slide with `overflow: continue` (or `deck: overflow: continue`) whose bullets do not fit even at
the smallest size is split by layout.continuation; the outline with those parts is rendered again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields
from typing import Any

from ..errors import OutlineError
from ..layout.continuation import RemappedSource, plan_continuations, slide_of
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..package.archive import ZippedDeck
from .records import FRAME_RECORDS
from .slides import render_outline


@dataclass(frozen=True)
class Rendered:
    """A rendered deck's package, the outline as rendered and its fitted frames."""

    data: bytes | ZippedDeck  # package.archive.deterministic_bytes gives the bytes to write
    outline: Outline  # with continuation slides, when there were any
    records: tuple[Any, ...]  # render.records.FrameRecord, in slide order
    source: SourceMap  # locates the rendered outline's slides in the original file


def render_fitted(outline: Outline, source: SourceMap, *, epoch: int, all_records: bool = True,
                  recorder: Callable[[], list[Any]] | None = None, **options: Any) -> Rendered:
    """Render ``outline``; continue overflowing bullets where the outline allows it.

    ``options`` go to render.render_outline (e.g. the outline's assets). Without
    ``all_records`` only the frames that overflowed are recorded (what continuing needs; a
    build of thousands of slides need not hold a record of every frame). ``recorder`` gives
    the list each attempt records into instead, which must keep at least those frames (the
    lints' lints.fits.FitRecorder reads every frame as it is appended).
    """
    new_records = recorder or (list if all_records else _Overflowed)
    data, records, error = _attempt(outline, source, epoch, options, new_records)
    if error is None:
        return Rendered(data, outline, records, source)
    plans, refused = plan_continuations(outline, source, records)
    if not plans and not refused:
        raise error
    if refused:
        handled = {
            id(r.problem) for r in records if r.problem is not None and slide_of(r) in refused
        }
        kept = [p for p in error.problems if id(p) not in handled]
        raise OutlineError([*kept, *refused.values()])
    slides: list[Any] = []
    origin: list[int] = []
    for index, slide in enumerate(outline.slides):
        parts = plans.get(index + 1, [slide])
        slides.extend(parts)
        origin.extend([index] * len(parts))
    continued = Outline(deck=outline.deck, slides=tuple(slides), source_file=outline.source_file)
    remapped = RemappedSource(
        **{f.name: getattr(source, f.name) for f in fields(source)}, origin=tuple(origin)
    )
    data, records, error = _attempt(continued, remapped, epoch, options, new_records)
    if error is not None:
        raise error
    return Rendered(data, continued, records, remapped)


class _Overflowed(list):  # type: ignore[type-arg]
    """A record list that keeps only the frames that raised an overflow problem."""

    def append(self, record: Any) -> None:
        if record.problem is not None:
            super().append(record)


def _attempt(
    outline: Outline, source: SourceMap, epoch: int, options: dict[str, Any],
    new_records: Callable[[], list[Any]],
) -> tuple[bytes | ZippedDeck, tuple[Any, ...], OutlineError | None]:
    records = new_records()
    token = FRAME_RECORDS.set(records)
    try:
        return render_outline(outline, source, epoch=epoch, **options), tuple(records), None
    except OutlineError as exc:
        return b"", tuple(records), exc
    finally:
        FRAME_RECORDS.reset(token)
