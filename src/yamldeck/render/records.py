"""Fitted text frames as a measuring run records them, and the message for one that overflows."""

from __future__ import annotations

from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from .text import Measured, Para


@dataclass(frozen=True)
class FrameRecord:
    """One fitted text frame, as a measuring run sees it (lints, continuation slides)."""

    label: str  # "slide N 'Title'"
    locate: Any  # callable: message -> Problem located at the slide
    what: str  # "title", "bullets", "caption"...
    idx: int  # the placeholder's idx
    paras: tuple[Para, ...]
    measured: Measured
    problem: Problem | None  # the overflow error this frame raised, if any
    slide: int = 0  # the slide's index in the outline rendered (continued bullets counted)


# Set to a list by a caller that wants every fitted frame recorded (layout.continuation does).
FRAME_RECORDS: ContextVar[list[FrameRecord] | None] = ContextVar("frame_records", default=None)


def overflow_message(label: str, what: str, measured: Measured) -> str:
    """'slide 7 'Challenges': the bullets need 11 lines, 8 fit at the 14 pt floor; ...'."""
    fit = measured.fit
    plural = what.endswith("s")
    hint = "shorten it" if what in ("title", "number") else (
        "shorten or split them" if plural else "shorten or split it")
    if what == "bullets":
        hint += ", or add 'overflow: continue' to the slide to carry the rest onto a new slide"
    return (f"{label}: the {what} {'need' if plural else 'needs'} {fit.lines} lines, "
            f"{fit.capacity} fit at the {measured.floor_pt:g} pt floor; {hint}")
