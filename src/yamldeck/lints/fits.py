"""Fit findings: text frames a render measured as shrunk, too small or within a line of overflow.

The renderer records each fitted frame as it draws it (render.records.FrameRecord). A build of
thousands of slides must not hold every record until the end, so a FitRecorder is the list the
render appends to: it keeps only what continuing overflowed bullets needs and, for each slide,
the fit messages, worked out as the frame is recorded. `build`, `check` and `watch` all read their
fit warnings from it, so the three say the same.
"""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from ..layout.measure import WRAP_MARGIN, get_measurer
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..outline.source import slide_label

# Thresholds (documented in docs/cli.md's lints table).
MIN_FONT_PT = 14  # smallest text a fitted frame may be shrunk to without a warning
RISK_WIDER = 0.02  # "within one line": the text would overflow if a viewer set it 2% wider


def slide_name(number: int, slide: Any, outline: Outline) -> str:
    """How every lint names a slide: 'slide N 'Title'' as the loader's messages do, where N is
    the slide's place in the file and the title is the one it shows (a title slide: the deck's)."""
    title = getattr(slide, "title", None)
    if title is None and getattr(slide, "kind", "") == "title":
        title = outline.deck.title
    return slide_label(number, {"title": title} if title else {})


def fit_message(r: Any) -> str | None:
    """What is wrong with the fit of record ``r``'s frame, or None when nothing is."""
    fit, paragraphs, frame = r.measured.fit, r.measured.paragraphs, r.measured.frame
    if not fit.fits or not paragraphs:
        return None
    plural = r.what.endswith("s")
    it, was = ("them", "were") if plural else ("it", "was")
    designed = max(p.size_pt for p in paragraphs)
    smallest = min(p.size_pt for p in paragraphs) - fit.shrink_pt
    if smallest < MIN_FONT_PT:
        return (f"the {r.what} {was} shrunk to {smallest:g} pt to fit, below the {MIN_FONT_PT} pt "
                f"minimum for reading from the back of a room; shorten {it}")
    if fit.shrink_pt:
        return (f"the {r.what} {was} shrunk from {designed:g} pt to {designed - fit.shrink_pt:g} pt"
                f" to fit; shorten {it} to keep the designed size")
    stressed = WRAP_MARGIN / (1 + RISK_WIDER)  # as if a viewer set the text 2% wider
    if get_measurer().text_height_pt(paragraphs, frame, 0, stressed)[1] > frame.height_pt:
        return (f"the {r.what} {'fill their' if plural else 'fills its'} box to within one line: "
                f"a viewer that sets text {RISK_WIDER:.0%} wider would overflow it; "
                f"shorten {it} a little")
    return None


class FitRecorder(list):  # type: ignore[type-arg]
    """The frame records of one render attempt: those that overflowed (for continuing), and each
    slide's fit messages. ``seen`` holds the slides that were drawn (a slide replayed from
    watch's cache records nothing)."""

    def __init__(self) -> None:
        super().__init__()
        self.messages: dict[int, list[str]] = {}  # by the slide's index in the rendered outline
        self.seen: set[int] = set()

    def append(self, record: Any) -> None:
        self.seen.add(record.slide)
        if record.problem is not None:
            super().append(record)
            return
        message = fit_message(record)
        if message is not None:
            self.messages.setdefault(record.slide, []).append(message)


class FitMemory:
    """The fit messages of the slides a watched outline drew last, for the slides a build
    replays from watch's cache (they are not measured again, and come out the same). A slide
    can be replayed within one build too: continuing bullets renders the outline again."""

    def __init__(self) -> None:
        self._messages: dict[tuple[str, str], list[str]] = {}

    def messages(self, attempts: list[tuple[FitRecorder, Outline]]) -> dict[int, list[str]]:
        """Each slide's messages in the last attempt's outline: measured in it, or remembered
        from an earlier attempt or build when it was replayed. ``attempts``: each recorder
        with the outline that attempt rendered, in order."""
        recorder, outline = attempts[-1]
        deck = repr(outline.deck)
        kept: dict[tuple[str, str], list[str]] = {}
        for drawn, rendered in attempts:
            for index, messages in drawn.messages.items():
                kept[(deck, repr(rendered.slides[index]))] = messages
        found = dict(recorder.messages)
        # A clean deck remembers nothing: then replayed slides need no key (repr is not free).
        if kept or self._messages:
            for index, slide in enumerate(outline.slides):
                if index not in recorder.seen:
                    key = (deck, repr(slide))
                    remembered = kept.get(key) or self._messages.get(key)
                    if remembered:
                        found[index] = kept[key] = remembered
        self._messages = kept
        return found


class FitFindings:
    """The recorders of one render (one per attempt: continuing bullets renders again) and the
    located warnings of the last, the render that was kept."""

    def __init__(self, memory: FitMemory | None = None) -> None:
        self.memory = memory
        self.attempts: list[FitRecorder] = []

    def recorder(self) -> FitRecorder:
        """A new recorder for the next attempt (render.fitted calls this)."""
        self.attempts.append(FitRecorder())
        return self.attempts[-1]

    def problems(self, outline: Outline, rendered: Outline, source: SourceMap) -> list[Problem]:
        """The warnings, naming each slide by its place in the file (``outline``), located by the
        rendered outline's ``source`` (which maps continuation slides back to theirs).
        ``rendered`` is the outline the last attempt rendered; the first rendered ``outline``."""
        if self.memory is not None:
            pairs = [(self.attempts[0], outline)]
            if len(self.attempts) > 1:
                pairs.append((self.attempts[-1], rendered))
            messages = self.memory.messages(pairs)
        else:
            messages = self.attempts[-1].messages
        found: dict[Problem, None] = {}  # the parts of a continued slide say a thing once
        for index in sorted(messages):
            number = source.slide_number(index)
            name = slide_name(number, outline.slides[number - 1], outline)
            for message in messages[index]:
                found[source.problem(("slides", index), f"{name}: {message}",
                                     severity="warning")] = None
        return list(found)
