"""A serve session: the watcher rebuilds, LibreOffice redraws what changed, the page is told.

Runs the Watcher of commands/watch.py (the warm Builder, the same rebuilds as `yamldeck watch`) in
a thread of its own. After a build that changed the deck, the slides whose fingerprint changed
(serve/deckinfo.py) are drawn again: the deck goes to the warm LibreOffice as PDF, only those
pages become pictures. A broken outline publishes its located problems and keeps the last good
slides. Everything it makes lives in one temporary folder, removed by close().
"""

from __future__ import annotations

import shutil
import tempfile
import threading
import time
import traceback
from collections.abc import Callable
from pathlib import Path

from ..commands.build import Builder
from ..commands.libreoffice import RendererError
from ..commands.watch import Watcher, WatchEvent
from ..errors import Problem, YamldeckError
from ..layout.continuation import CONTINUED
from ..outline.loader import read_document
from .deckinfo import DeckFacts, read_deck
from .excerpt import excerpt
from .office import ColdOffice, WarmOffice, open_office
from .pictures import draw_pages
from .store import ProblemView, SlideView, Store

Report = Callable[[WatchEvent], None]
BUG_NOTICE = ("yamldeck itself failed on this save: a bug in yamldeck, not a mistake in your "
              "outline; the terminal says more")


class Session:
    """Rebuild on every save and keep ``store`` showing the deck; report to the terminal too."""

    def __init__(self, builder: Builder, report: Report) -> None:
        self.builder = builder
        self.report = report
        self.folder = Path(tempfile.mkdtemp(prefix="yamldeck-serve-"))
        path = builder.outline_path.resolve().as_posix()
        self.store = Store(str(builder.outline_path), path if path.startswith("/") else "/" + path)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="yamldeck-watch", daemon=True)
        self._drawn: dict[int, tuple[str, str]] = {}  # slide number: (fingerprint, picture)
        self._deck_print = ""
        try:
            self.office: ColdOffice | WarmOffice = open_office(self.folder)
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def start(self) -> None:
        """Start LibreOffice (it boots while the first build runs), then watching."""
        self.office.start()
        self._thread.start()

    def close(self) -> None:
        """Stop watching and LibreOffice; remove every file the session made."""
        self._stop.set()
        self.office.close()
        if self._thread.is_alive():
            self._thread.join(timeout=30)
        shutil.rmtree(self.folder, ignore_errors=True)

    def _watch(self) -> None:
        Watcher(self.builder, self._on_event).run(self._stop)

    def _on_event(self, event: WatchEvent) -> None:
        self.report(event)
        if self._stop.is_set():
            return
        try:
            self._publish(event)
        except Exception:  # noqa: BLE001 - a bug must not end the session: report, keep watching
            self.report(WatchEvent("bug", detail=traceback.format_exc()))
            self.store.publish(status="failed", notice=BUG_NOTICE)

    def _publish(self, event: WatchEvent) -> None:
        if event.kind in ("built", "unchanged") and event.result is not None:
            self._show(event)
        elif event.kind == "failed":
            self.store.publish(status="failed", problems=_views(event.problems))
        elif event.kind == "bug":
            self.store.publish(status="failed", notice=BUG_NOTICE)

    def _show(self, event: WatchEvent) -> None:
        """Draw the changed slides, then publish them with every slide's title and notes: a
        slide's text and picture change together (the problems of the last save go at once)."""
        assert event.result is not None
        data = self.builder.deck
        if data is None:
            return
        facts = read_deck(data)
        lines = slide_lines(self.builder.outline_path, facts)
        if facts.fingerprint != self._deck_print:
            self._drawn = {}  # layouts, theme or the slide list changed: every slide may look new
        stale = [n for n, s in enumerate(facts.slides, 1)
                 if self._drawn.get(n, ("", ""))[0] != s.fingerprint]
        slides = tuple(
            SlideView(n, s.title, s.notes, lines[n - 1], self._drawn.get(n, ("", None))[1])
            for n, s in enumerate(facts.slides, 1)
        )
        problems = _views(event.result.warnings)
        timings = {"build": round(event.seconds, 3)}
        if not stale:
            self.store.publish(status="ready", slides=slides, problems=problems, notice="",
                               timings=timings)
            return
        self.store.publish(status="drawing", problems=problems)
        try:
            pictures, drawn_timings = self._draw(data, facts, stale)
        except RendererError as exc:
            if self._stop.is_set():  # LibreOffice was stopped under it: serve is stopping
                return
            self.report(WatchEvent("preview-failed", problems=exc.problems))
            self.store.publish(status="failed", slides=slides, notice=exc.problems[0].message)
            return
        slides = tuple(s if s.number not in stale else
                       SlideView(s.number, s.title, s.notes, s.line, self._drawn[s.number][1])
                       for s in slides)
        self._deck_print = facts.fingerprint
        # When it was sent (seconds since the epoch): the benchmark measures delivery with it.
        timings.update(drawn_timings, sent=time.time())
        self.report(WatchEvent("preview", drawn_timings["total"], detail=str(len(stale))))
        self.store.publish(pictures, status="ready", slides=slides, notice="", timings=timings)

    def _draw(self, data: bytes, facts: DeckFacts,
              stale: list[int]) -> tuple[dict[str, bytes], dict[str, float]]:
        """Draw the ``stale`` slides; returns the new pictures and the time of each stage."""
        start = time.perf_counter()
        deck, pdf = self.folder / "deck.pptx", self.folder / "deck.pdf"
        # LibreOffice reads its own copy (a save may replace the user's file meanwhile), and
        # only the changed slides of it when not all changed: a page per changed slide.
        whole = len(stale) == len(facts.slides)
        deck.write_bytes(data if whole else excerpt(data, stale))
        self.office.convert(deck, pdf)
        converted = time.perf_counter()
        pages = stale if whole else list(range(1, len(stale) + 1))
        drawn = draw_pages(pdf, pages, self.folder, self.store.names())
        pictures: dict[str, bytes] = {}
        for number, page in zip(stale, pages, strict=True):
            name, png = drawn[page]
            self._drawn[number] = (facts.slides[number - 1].fingerprint, name)
            if png is not None:
                pictures[name] = png
        done = time.perf_counter()
        return pictures, {"office": round(converted - start, 3),
                          "pictures": round(done - converted, 3), "total": round(done - start, 3)}


def slide_lines(outline_path: Path, facts: DeckFacts) -> list[int | None]:
    """Where each slide of the deck starts in the outline; a continuation slide ("... (cont.)")
    is where the slide it continues starts."""
    try:
        source = read_document(outline_path, str(outline_path)).source
    except (YamldeckError, OSError):
        return [None] * len(facts.slides)
    starts: list[int] = []
    while ("slides", len(starts)) in source.values:
        starts.append(source.values[("slides", len(starts))].line)
    lines: list[int | None] = []
    extra = len(facts.slides) - len(starts)  # continuation slides in the deck
    following = 0  # the outline slide the next deck slide comes from
    for slide in facts.slides:
        if extra > 0 and lines and slide.title.endswith(CONTINUED.strip()):
            lines.append(lines[-1])
            extra -= 1
        else:
            lines.append(starts[following] if following < len(starts) else None)
            following += 1
    return lines


def _views(problems: tuple[Problem, ...]) -> tuple[ProblemView, ...]:
    return tuple(ProblemView(p.format(), p.severity, p.line, p.column) for p in problems)
