"""What the page shows, held between the rebuilding thread and the web server's event loop.

The session publishes a whole new Preview (immutable) after each build; every page connected
waits for a newer one and is sent what differs from the last it was sent (the slides whose
title, notes, line or picture changed), so an unchanged slide's picture is never fetched again.
Pictures are kept in memory by name: the server reads nothing else from disk.
"""

from __future__ import annotations

import asyncio
import threading
from dataclasses import asdict, dataclass, field, replace
from typing import Any, Literal

Status = Literal["starting", "building", "drawing", "ready", "failed"]


@dataclass(frozen=True)
class SlideView:
    number: int
    title: str
    notes: str
    line: int | None  # where the slide starts in the outline
    picture: str | None  # its picture's name under /pictures/, None until drawn


@dataclass(frozen=True)
class ProblemView:
    text: str  # exactly as the terminal prints it: slides.yaml:LINE:COLUMN: error: message
    severity: str
    line: int | None
    column: int | None


@dataclass(frozen=True)
class Preview:
    version: int = 0
    outline: str = ""  # the outline's name, as given on the command line
    path: str = ""  # its absolute path with forward slashes, for editor links
    status: Status = "starting"
    slides: tuple[SlideView, ...] = ()
    problems: tuple[ProblemView, ...] = ()  # of the last build (warnings when it succeeded)
    notice: str = ""  # a problem of the preview itself (LibreOffice failed, internal error)
    timings: dict[str, float] = field(default_factory=dict)  # the last drawing's stages, seconds

    def message(self, previous: Preview | None) -> dict[str, Any]:
        """This state for a page that was last sent ``previous`` (None: everything)."""
        data = asdict(self)
        before = {slide.number: slide for slide in previous.slides} if previous else {}
        data["slides"] = [asdict(s) for s in self.slides if before.get(s.number) != s]
        data["count"] = len(self.slides)
        data["full"] = previous is None
        return data


class Store:
    """The current Preview and its pictures; publish() from any thread, wait in the loop."""

    def __init__(self, outline: str, path: str) -> None:
        self._lock = threading.Lock()
        self._preview = Preview(outline=outline, path=path)
        self._pictures: dict[str, bytes] = {}
        self._loop: asyncio.AbstractEventLoop | None = None
        self._changed: asyncio.Event | None = None

    @property
    def preview(self) -> Preview:
        with self._lock:
            return self._preview

    def picture(self, name: str) -> bytes | None:
        with self._lock:
            return self._pictures.get(name)

    def names(self) -> set[str]:
        with self._lock:
            return set(self._pictures)

    def publish(self, pictures: dict[str, bytes] | None = None, **changes: Any) -> Preview:
        """A new Preview with ``changes``; ``pictures`` adds to those kept. The pictures no slide
        shows any longer are dropped on the next publish (a page may still be fetching them)."""
        with self._lock:
            current = replace(self._preview, version=self._preview.version + 1, **changes)
            shown = {slide.picture for slide in current.slides}
            previous = {slide.picture for slide in self._preview.slides}
            kept = {n: b for n, b in self._pictures.items() if n in shown or n in previous}
            self._pictures = {**kept, **(pictures or {})}
            self._preview = current
            loop = self._loop
        if loop is not None and not loop.is_closed():
            loop.call_soon_threadsafe(self._wake)
        return current

    def _wake(self) -> None:
        if self._changed is not None:
            self._changed.set()
            self._changed = asyncio.Event()

    async def newer_than(self, version: int) -> Preview:
        """The current Preview once its version is above ``version`` (in the server's loop)."""
        if self._changed is None:
            self._changed = asyncio.Event()
            with self._lock:
                self._loop = asyncio.get_running_loop()
        while True:
            current = self.preview
            if current.version > version:
                return current
            await self._changed.wait()
