"""Watching an outline and the files it uses, and rebuilding the deck in a warm process on change.

Polls modification times and sizes (the standard library only, the same on every platform): a
stat of a handful of files every 10 ms costs about 1% of one core and keeps the save-to-deck time
under 100 ms. A change is built once the files have stopped changing for one short settle
interval, so an editor's truncate-then-write is not built half-written.
"""

from __future__ import annotations

import os
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Any, Literal

from ..errors import Problem, YamldeckError
from .build import Builder, BuildResult

POLL_S = 0.01
SETTLE_S = 0.005
MAX_SETTLE_S = 1.0  # a file that keeps changing for longer is built anyway
# Text in an outline that names a file with one of these endings is watched even while the file
# is missing, so that creating it triggers a build; other texts are watched when they name a file.
FILE_SUFFIXES = frozenset(
    ".png .jpg .jpeg .gif .bmp .tif .tiff .webp .svg .emf .wmf .csv .tsv .json .xlsx .yaml .yml "
    ".pptx .potx .thmx .txt .md".split()
)
_MAX_PATH_CHARS = 400

Signature = tuple[int, int, int] | None  # (inode, size, mtime_ns), None while the file is missing
EventKind = Literal[
    "built", "unchanged", "failed", "bug", "preview", "preview-failed", "no-preview"
]


@dataclass(frozen=True)
class WatchEvent:
    """Something the watcher reports; the CLI decides how to print it."""

    kind: EventKind
    seconds: float = 0.0
    result: BuildResult | None = None
    problems: tuple[Problem, ...] = ()
    detail: str = ""  # a traceback for "bug", the pictures' folder for "preview"


Report = Callable[[WatchEvent], None]


def referenced_files(outline: Any, outline_path: Path) -> set[Path]:
    """Files the outline names (pictures, data, templates), whatever the keys are called.

    Relative names are read beside the outline, as the build reads them.
    """
    folder = outline_path.parent
    found: set[Path] = set()
    for text in set(_texts(outline)):
        if not text or len(text) > _MAX_PATH_CHARS or "\n" in text or "\0" in text:
            continue
        suffix = PurePath(text).suffix.lower()
        if not suffix[1:].isalnum():
            continue
        path = Path(text).expanduser()
        path = path if path.is_absolute() else folder / path
        if suffix in FILE_SUFFIXES or path.is_file():
            found.add(path)
    found.discard(outline_path)  # an outline knows its own file name; it is watched anyway
    return found


def _texts(value: Any) -> Iterator[str]:
    """Every text inside a validated outline: models, dataclasses, lists, mappings and paths."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, PurePath):
        yield str(value)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _texts(item)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            yield from _texts(item)
    elif hasattr(value, "__dict__"):
        for item in vars(value).values():
            yield from _texts(item)


def signature(path: Path) -> Signature:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return (info.st_ino, info.st_size, info.st_mtime_ns)


@dataclass
class Watcher:
    """Rebuilds with ``builder`` whenever its outline or a file the outline names changes."""

    builder: Builder
    report: Report
    preview: bool = False
    poll_s: float = POLL_S
    settle_s: float = SETTLE_S
    _seen: dict[Path, Signature] = field(default_factory=dict)

    def run(self, stop: threading.Event | None = None) -> None:
        """Build now, then after every change until ``stop`` is set (or Ctrl-C)."""
        stop = stop or threading.Event()
        self.builder.warm_up()
        self._build(self._snapshot(self._watched()))
        while not stop.wait(self.poll_s):
            current = self._snapshot(self._seen)
            if current != self._seen:
                self._build(self._settled(current, stop))

    def _watched(self) -> set[Path]:
        paths = {self.builder.outline_path}
        if self.builder.template is not None:
            paths.add(self.builder.template)
        if self.builder.outline is not None:
            paths |= referenced_files(self.builder.outline, self.builder.outline_path)
        return paths

    @staticmethod
    def _snapshot(paths: Iterable[Path]) -> dict[Path, Signature]:
        return {path: signature(path) for path in paths}

    def _settled(
        self, current: dict[Path, Signature], stop: threading.Event
    ) -> dict[Path, Signature]:
        """Wait until the files stop changing (an editor may write in several steps)."""
        deadline = time.monotonic() + MAX_SETTLE_S
        while not stop.wait(self.settle_s) and time.monotonic() < deadline:
            again = self._snapshot(current)
            if again == current:
                break
            current = again
        return current

    def _build(self, snapshot: dict[Path, Signature]) -> None:
        """One build; what it read is remembered as seen, so edits made meanwhile build again."""
        start = time.perf_counter()
        try:
            result = self.builder.build()
        except YamldeckError as exc:
            self.report(WatchEvent("failed", problems=exc.problems))
        except Exception:  # noqa: BLE001 - a bug must not end the session: report, keep watching
            self.report(WatchEvent("bug", detail=traceback.format_exc()))
        else:
            kind: EventKind = "built" if self.builder.written else "unchanged"
            self.report(WatchEvent(kind, time.perf_counter() - start, result))
            if self.preview and self.builder.written:
                self._preview(result.output)
        # From now on watch the files this outline names (a new picture, a dropped data file).
        self._seen = {path: snapshot[path] if path in snapshot else signature(path)
                      for path in self._watched()}

    def _preview(self, deck: Path) -> None:
        """Render the pictures of the deck just built, when this installation can."""
        try:
            from .preview import preview as render_preview
        except ImportError:
            self.report(WatchEvent("no-preview"))
            self.preview = False
            return
        start = time.perf_counter()
        try:
            result = render_preview(self.builder.outline_path, deck=deck)
        except YamldeckError as exc:
            self.report(WatchEvent("preview-failed", problems=exc.problems))
            return
        self.report(WatchEvent("preview", time.perf_counter() - start, detail=str(result.folder)))
