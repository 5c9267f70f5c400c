"""Benchmark: decks no one here wrote, through `yamldeck import` and `yamldeck build`, measured.

Run from the repository: python benchmarks/import_corpus.py [DECK ...] [--only] [-j 2] [--no-write]
[--src CHECKOUT/src]
Every deck under tests/data/decks/ (and any given) is imported into an outline, the outline built
into a deck, and python-pptx reads the original and the rebuilt deck to say what was kept:

- result: ok; refused (a clean error, no traceback: its message is shown); traceback; bug (exit
  70: an internal error yamldeck caught, reported in one line); build failed (the import wrote an
  outline that does not build); timeout; unreadable (python-pptx cannot open it, or it has no
  slides, and the import refuses it).
- words: lowercased word tokens on the slides (titles, text frames, table cells, chart categories
  and series names; footers, dates and slide numbers aside, as yamldeck draws its own), as a
  multiset: the share of the original's found again on the rebuilt deck's slides ("N in notes":
  words missing from the slides that the import put in the speaker notes instead).
- notes: the same for the speaker notes.
- titles: slide titles kept in order (longest common subsequence; '(cont.)' slides left out).
- levels: paragraphs of nested lists (frames with more than one level) found at the same level,
  relative to their frame's first level.
- pictures: picture shapes on the slides (in groups too), rebuilt against original.

It prints a Markdown table per deck and the totals, and writes benchmarks/IMPORT_RESULTS.md.
tests/test_import_corpus.py imports this file for the same measurements on a subset.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pptx import Presentation

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / "tests" / "data" / "decks"
RESULTS = Path(__file__).resolve().parent / "IMPORT_RESULTS.md"
TIMEOUT = 180  # seconds for one command; a deck that takes longer is reported, not waited for
YAMLDECK = [sys.executable, "-m", "yamldeck", "-v"]  # -v: an internal error shows its traceback
EXIT_BUG = 70  # yamldeck's exit code for an internal error (errors.py)

# The product's plan: what an import must keep, overall and for every deck.
TARGETS = {"words": 98.0, "notes": 98.0, "titles": 95.0, "levels": 95.0, "pictures": 90.0}
DECK_FLOOR = 90.0  # words kept, every deck

_WORD = re.compile(r"\w+")
_FURNITURE = {"ftr", "sldNum", "dt"}  # placeholder types yamldeck fills itself, from deck:
_TITLES = {"title", "ctrTitle"}
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_CONT = re.compile(r"\s*\(cont\.?\)\s*$", re.IGNORECASE)


def words(text: str) -> list[str]:
    """Lowercased word tokens: punctuation, case, spacing and line breaks never count."""
    return _WORD.findall(text.lower())


def norm(text: str) -> str:
    return " ".join(words(text))


@dataclass
class Content:
    """What a deck shows, as python-pptx reads it."""

    slides: int = 0
    words: Counter[str] = field(default_factory=Counter)
    notes: Counter[str] = field(default_factory=Counter)
    titles: list[str] = field(default_factory=list)
    nested: list[tuple[str, int]] = field(default_factory=list)  # paragraphs of nested lists
    paragraphs: Counter[tuple[str, int]] = field(default_factory=Counter)  # every paragraph
    pictures: int = 0


def read_deck(path: Path) -> Content:
    """The content of the deck at ``path`` (python-pptx's errors propagate: unreadable)."""
    content = Content()
    prs = Presentation(str(path))
    for slide in prs.slides:
        content.slides += 1
        title = ""
        for shape in _shapes(slide.shapes):
            ph = _placeholder_type(shape)
            if ph in _FURNITURE:
                continue
            text = _read_shape(shape, content)
            if ph in _TITLES and not title:
                title = text
        # A title ending in '(cont.)' is a continuation slide (a long table's, as yamldeck
        # makes them): one slide of the talk, whose title is already counted.
        if norm(title) and not _CONT.search(title):
            content.titles.append(norm(title))
        content.notes.update(words(_notes(slide)))
    return content


def _shapes(shapes: Any) -> Iterator[Any]:
    """Every shape, those inside groups included (by tag: some decks' shapes lack what
    python-pptx's shape_type needs)."""
    for shape in shapes:
        yield shape
        if shape._element.tag == f"{_P}grpSp":
            yield from _shapes(shape.shapes)


def _placeholder_type(shape: Any) -> str | None:
    found = shape._element.xpath("./*[1]/p:nvPr/p:ph")
    if not found:
        return None
    return str(found[0].get("type", "obj"))


def _read_shape(shape: Any, content: Content) -> str:
    """Add the shape's words, paragraphs and pictures to ``content``; return its text."""
    tag = shape._element.tag
    if tag == f"{_P}pic":
        content.pictures += 1
        return ""
    texts: list[str] = []
    if tag == f"{_P}sp" and shape.has_text_frame:
        texts.append(_read_frame(shape.text_frame, content))
    elif tag == f"{_P}graphicFrame":
        if shape.has_table:
            for row in shape.table.rows:
                for cell in row.cells:
                    texts.append(_read_frame(cell.text_frame, content))
        elif shape.has_chart:
            texts += _chart_texts(shape.chart)
    text = "\n".join(texts)
    content.words.update(words(text))
    return text


def _read_frame(frame: Any, content: Content) -> str:
    paragraphs = [(p.text, p.level) for p in frame.paragraphs if words(p.text)]
    if paragraphs:
        first = min(level for _, level in paragraphs)
        relative = [(norm(text), level - first) for text, level in paragraphs]
        content.paragraphs.update(relative)
        if any(level for _, level in relative):
            content.nested += relative
    return "\n".join(text for text, _ in paragraphs)


def _chart_texts(chart: Any) -> list[str]:
    """Category labels and series names (a chart whose parts python-pptx cannot read: none)."""
    texts: list[str] = []
    try:
        for plot in chart.plots:
            texts += [str(label) for label in plot.categories]
            texts += [series.name or "" for series in plot.series]
    except Exception:  # noqa: BLE001 - a damaged chart part: no words to compare
        return []
    return texts


def _notes(slide: Any) -> str:
    if not slide.has_notes_slide:
        return ""
    frame = slide.notes_slide.notes_text_frame
    return frame.text if frame is not None else ""


@dataclass
class DeckResult:
    """One deck through import and build, and what was kept."""

    deck: Path
    result: str  # ok, refused, traceback, build failed, timeout, unreadable
    message: str = ""
    warnings: int = 0
    seconds: float = 0.0
    kept: dict[str, tuple[int, int]] = field(default_factory=dict)  # metric -> (kept, of)
    moved: int = 0  # slide words not on the rebuilt slides but in its notes (put there on purpose)
    slides: tuple[int, int] = (0, 0)

    @property
    def readable(self) -> bool:
        return self.result != "unreadable"

    def percent(self, metric: str) -> float | None:
        kept, of = self.kept.get(metric, (0, 0))
        return 100.0 * kept / of if of else None


SRC: Path | None = None  # --src: run the yamldeck of this checkout's src/ instead


def run(command: list[str], cwd: Path) -> tuple[str, int, str]:
    """Run one yamldeck command in ``cwd``: (outcome, exit code, stderr with ``cwd`` left out
    of the paths it names)."""
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    if SRC is not None:
        env["PYTHONPATH"] = str(SRC)
    try:
        done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT,
                              env=env)
    except subprocess.TimeoutExpired:
        return "timeout", -1, f"no answer in {TIMEOUT} s"
    stderr = done.stderr.replace(f"{cwd}{os.sep}", "")
    return classify(done.returncode, stderr), done.returncode, stderr


def classify(code: int, stderr: str) -> str:
    """ok, refused, traceback or bug, from a command's exit code and what it printed."""
    if "Traceback (most recent call last)" in stderr:
        return "traceback"
    if code == EXIT_BUG:  # an internal error yamldeck caught and reported as one
        return "bug"
    return "ok" if code == 0 else "refused"


def _first_error(stderr: str) -> str:
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()] or lines
    if "Traceback (most recent call last)" in stderr:
        errors = [lines[-1]]  # the exception itself
    first = errors[0].replace(f"{REPO}{os.sep}", "") if errors else "(no message)"
    return first[:200]


Runner = Callable[[list[str], Path], tuple[str, int, str]]


def import_and_build(deck: Path, work: Path, program: list[str] = YAMLDECK,
                     runner: Runner = run) -> DeckResult:
    """Import ``deck`` into ``work``/outline.yaml, build it, and measure both decks (``runner``
    runs each command: a process of its own here, yamldeck.cli.main in the tests)."""
    start = time.perf_counter()
    try:
        original = read_deck(deck)
    except Exception as exc:  # noqa: BLE001 - python-pptx cannot open it: not a readable deck
        original = None
        unreadable = f"{type(exc).__name__}: {exc}"
    outline, rebuilt = work / "outline.yaml", work / "rebuilt.pptx"
    outcome, _, stderr = runner([*program, "import", str(deck), "-o", str(outline)], work)
    result = DeckResult(deck, outcome, warnings=stderr.lower().count("warning:"))
    if outcome == "ok":
        outcome, _, built = runner([*program, "build", str(outline), "-o", str(rebuilt)], work)
        if outcome != "ok":
            result.result = outcome if outcome in ("traceback", "bug") else "build failed"
            stderr = built
    if result.result != "ok":
        result.message = _first_error(stderr)
    if original is None:
        result.message = result.message or unreadable
        if result.result in ("refused", "ok"):
            result.result = "unreadable"
    elif result.result == "ok":
        _compare(original, read_deck(rebuilt), result)
    elif original.slides == 0 and result.result == "refused":
        result.result = "unreadable"  # nothing to import: refusing it is right
        result.slides = (0, 0)
    result.seconds = time.perf_counter() - start
    if original is not None and not result.kept:
        _compare(original, Content(), result)  # a deck not imported kept nothing
    return result


def _compare(original: Content, rebuilt: Content, result: DeckResult) -> None:
    result.slides = (original.slides, rebuilt.slides)
    result.kept = {
        "words": (_common(original.words, rebuilt.words), sum(original.words.values())),
        "notes": (_common(original.notes, rebuilt.notes), sum(original.notes.values())),
        "titles": (_lcs(original.titles, rebuilt.titles), len(original.titles)),
        "levels": (_common(Counter(original.nested), rebuilt.paragraphs), len(original.nested)),
        "pictures": (min(original.pictures, rebuilt.pictures), original.pictures),
    }
    result.moved = _common(original.words - rebuilt.words, rebuilt.notes - original.notes)


def _common(original: Counter[Any], rebuilt: Counter[Any]) -> int:
    return sum((original & rebuilt).values())


def _lcs(a: list[str], b: list[str]) -> int:
    """Length of the longest common subsequence of ``a`` and ``b``."""
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def corpus() -> list[Path]:
    return sorted(CORPUS.rglob("*.pptx"))


def run_all(decks: Iterable[Path], jobs: int = 2, program: list[str] = YAMLDECK
            ) -> list[DeckResult]:
    """Every deck through import and build, ``jobs`` at a time (each in its own folder)."""

    def one(deck: Path) -> DeckResult:
        with tempfile.TemporaryDirectory(prefix="yamldeck-import-") as scratch:
            return import_and_build(deck, Path(scratch), program)

    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        return list(pool.map(one, decks))


def _cell(result: DeckResult, metric: str) -> str:
    kept, of = result.kept.get(metric, (0, 0))
    if not of:
        return "–"
    moved = f", {result.moved} in notes" if metric == "words" and result.moved else ""
    return f"{100.0 * kept / of:.1f}% ({kept}/{of}{moved})"


def _name(deck: Path) -> str:
    try:
        return str(deck.relative_to(CORPUS))
    except ValueError:
        return str(deck)


def table(results: list[DeckResult]) -> list[str]:
    lines = [
        "| deck | result | slides | words | notes | titles | levels | pictures | warnings | s |",
        "|---|---|---|--:|--:|--:|--:|--:|--:|--:|",
    ]
    for r in results:
        result = r.result if not r.message else f"{r.result}: {_md(r.message)}"
        slides = f"{r.slides[0]} → {r.slides[1]}" if r.result == "ok" else str(r.slides[0])
        cells = " | ".join(_cell(r, m) for m in TARGETS)
        lines.append(f"| {_name(r.deck)} | {result} | {slides} | {cells} | {r.warnings} "
                     f"| {r.seconds:.1f} |")
    return lines


def _md(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def totals(results: list[DeckResult]) -> tuple[list[str], bool]:
    """The totals and each target met or not; True when every target is met."""
    outcomes = Counter(r.result for r in results)
    lines = ["| outcome | decks |", "|---|--:|"]
    lines += [f"| {name} | {count} |" for name, count in sorted(outcomes.items())]
    lines += ["", "| measure | kept overall | on the decks imported | target | lowest deck | met |",
              "|---|--:|--:|--:|---|---|"]
    readable = [r for r in results if r.readable]
    crashed = outcomes["traceback"] + outcomes["bug"] + outcomes["timeout"]
    met = crashed == 0 and all(r.result == "ok" for r in readable)
    for metric, target in TARGETS.items():
        kept, of = _sums(readable, metric)
        overall = 100.0 * kept / of if of else 100.0
        done_kept, done_of = _sums([r for r in readable if r.result == "ok"], metric)
        done = f"{100.0 * done_kept / done_of:.1f}%" if done_of else "–"
        scored = [(r.percent(metric), r) for r in readable if r.percent(metric) is not None]
        low_pct, low = min(scored, key=lambda item: item[0]) if scored else (None, None)
        lowest = f"{low_pct:.1f}% {_name(low.deck)}" if low is not None else "–"
        ok = overall >= target and (metric != "words" or low_pct is None or low_pct >= DECK_FLOOR)
        met = met and ok
        floor = f", each deck ≥ {DECK_FLOOR:.0f}%" if metric == "words" else ""
        lines.append(f"| {metric} | {overall:.1f}% ({kept}/{of}) | {done} | {target:.0f}%{floor} "
                     f"| {lowest} | {'yes' if ok else 'NO'} |")
    imported = sum(r.result == "ok" for r in readable)
    lines += ["", f"No traceback, internal error or timeout: {'yes' if not crashed else 'NO'}. "
              "Every readable "
              f"deck imports and builds: {'yes' if imported == len(readable) else 'NO'} "
              f"({imported} of {len(readable)})."]
    return lines, met


def _sums(results: list[DeckResult], metric: str) -> tuple[int, int]:
    return (sum(r.kept.get(metric, (0, 0))[0] for r in results),
            sum(r.kept.get(metric, (0, 0))[1] for r in results))


def _revision() -> str:
    try:
        where = SRC.parent if SRC is not None else REPO
        head = subprocess.run(["git", "-C", str(where), "log", "-1", "--format=%h %s"],
                              capture_output=True, text=True, check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown revision"
    return head if len(head) <= 80 else head[:79] + "…"


def report(results: list[DeckResult]) -> tuple[str, bool]:
    summary, met = totals(results)
    lines = [
        "# Importing decks no one here wrote",
        "",
        "Written by `python benchmarks/import_corpus.py` (its docstring says what each column "
        "measures); the decks and where they come from: `tests/data/decks/SOURCES.md`.",
        f"Revision: {_revision()}",
        "",
        *table(results),
        "",
        "## Totals",
        "",
        *summary,
        "",
    ]
    return "\n".join(lines), met


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("decks", nargs="*", type=Path, help="more decks to import")
    parser.add_argument("--only", action="store_true", help="only the decks given, not the corpus")
    parser.add_argument("-j", "--jobs", type=int, default=2, help="decks at a time (default 2)")
    parser.add_argument("--no-write", action="store_true", help=f"do not write {RESULTS.name}")
    parser.add_argument("--yamldeck", help="the program to run instead of python -m yamldeck -v "
                        "(split on spaces)")
    parser.add_argument("--src", type=Path, help="the src/ folder of another checkout to run "
                        "(e.g. a worktree of a commit)")
    args = parser.parse_args(argv)
    global SRC
    SRC = args.src.resolve() if args.src else None
    decks = [*([] if args.only else corpus()), *(d.resolve() for d in args.decks)]
    program = args.yamldeck.split() if args.yamldeck else YAMLDECK
    text, met = report(run_all(decks, args.jobs, program))
    print(text)
    if not args.no_write and not args.only and not args.decks:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
