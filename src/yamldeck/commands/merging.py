"""`yamldeck import DECK --into OUTLINE`: a colleague's edits of a built deck taken back into the
outline it was built from.

Reads and checks both files (the outline must load and validate; the deck must carry the record
of a yamldeck build), merges (importer/into.py), checks that the new outline still validates,
and only then writes it atomically, the previous outline kept beside it as OUTLINE.bak.
``dry_run`` writes nothing. Nothing is written when anything fails.
"""

from __future__ import annotations

import difflib
import os
import stat
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import EXIT_OK, EXIT_OUTLINE, OutlineError, OutputError, Problem
from ..importer.assets import AssetFolder
from ..importer.deckfile import read_deck
from ..importer.edited import read_record, read_slides
from ..importer.into import merge_into
from ..importer.reader import read_deck as read_all_slides
from ..importer.untaken import Untaken
from ..importer.writer import _slide as slide_lines
from ..package.writer import write_atomically
from .build import load_outline


@dataclass(frozen=True)
class IntoResult:
    outline: Path
    diff: str  # the unified diff of the outline ("" when nothing changed)
    conflicts: tuple[str, ...]
    warnings: tuple[Problem, ...]
    written: tuple[Path, ...]  # the files changed (CSV files first, the outline last)
    seconds: float

    @property
    def exit_code(self) -> int:
        """1 while conflicts are left for the user, as when an outline has mistakes."""
        return EXIT_OUTLINE if self.conflicts else EXIT_OK

    @property
    def summary(self) -> str:
        shown = "".join(f"{line}\n" for line in (self.diff.rstrip("\n"), *self.conflicts) if line)
        return shown + self._last_line

    @property
    def _last_line(self) -> str:
        many = len(self.conflicts) != 1
        held = f"; {len(self.conflicts)} conflict{'s' * many} left as the outline has " \
               f"{'them' if many else 'it'}" if self.conflicts else ""
        if not self.diff:
            return f"nothing was written{held}" if held else \
                f"{self.outline} already has the deck's text; nothing to take back"
        if not self.written:
            return f"--dry-run: nothing was written{held}"
        names = " and ".join(str(path) for path in self.written)
        kept = ", ".join(str(backup_of(path)) for path in self.written)
        return f"updated {names} (as they were: {kept}){held} in {self.seconds:.2f} s"


def backup_of(outline: Path) -> Path:
    return outline.with_name(outline.name + ".bak")


def import_into(deck: str | Path, outline: str | Path, *, dry_run: bool = False) -> IntoResult:
    """Take the edits of ``deck`` (built from ``outline``) back into ``outline``."""
    start = time.perf_counter()
    deck, outline = Path(deck), Path(outline)
    model, _ = load_outline(outline)  # a missing or broken outline: its located messages
    raw = outline.read_bytes()
    crlf = b"\r\n" in raw  # merged with \n line ends, written back with the file's own
    text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    if not dry_run:
        _check_writable(outline)
    opened = read_deck(deck, str(deck))
    built = read_record(opened.prs, str(deck))
    warnings: list[str] = list(opened.repairs)
    untaken = Untaken()
    seen = read_slides(opened.prs, built, warnings, str(deck), untaken)
    added = _new_slides(opened, deck, warnings) if any(s.number is None for s in seen) else {}
    merged = merge_into(text, model, built, seen, (str(outline), str(deck)),
                        lambda position: added.get(position), warnings, outline.parent,
                        untaken.footer_change())
    if merged.text != text:
        _check_valid(merged.text, outline)
    changes = [(path, path.read_text("utf-8-sig"), new) for path, new in merged.files.items()]
    changes.append((outline, text, merged.text))
    originals = {path: path.read_bytes() for path, _, _ in changes}
    diff = "".join(_diff(path, old, new, deck) for path, old, new in changes)
    for path, old, new in changes if not dry_run else ():
        if old != new:  # every file and its .bak, before anything is written
            _check_writable(path)
            _check_writable(backup_of(path))
    written = []
    for path, old, new in changes if not dry_run else ():  # CSV files first, the outline last
        if old != new:
            write_atomically(originals[path], backup_of(path), protected=[deck])  # as it was
            ends = "\r\n" if path == outline and crlf else "\n"
            write_atomically(new.replace("\n", ends).encode("utf-8"), path, protected=[deck])
            written.append(path)
    problems = tuple(Problem(w, file=str(deck), severity="warning") for w in merged.warnings)
    return IntoResult(outline, diff, tuple(merged.conflicts), problems, tuple(written),
                      time.perf_counter() - start)


def _diff(path: Path, old: str, new: str, deck: Path) -> str:
    return "".join(difflib.unified_diff(old.splitlines(keepends=True),
                                        new.splitlines(keepends=True),
                                        f"{path} (before)", f"{path} (with {deck.name})"))


def _check_writable(outline: Path) -> None:
    if not outline.exists():
        return
    if outline.is_dir():
        raise OutputError(f"'{outline}' is a folder; move it away to take the deck's edits in "
                          "(or see them with --dry-run); nothing was written")
    mode = outline.stat().st_mode
    if not mode & stat.S_IWUSR or not os.access(outline, os.W_OK):
        raise OutputError(f"'{outline}' is read-only; make it writable to take the deck's edits "
                          "into it (or see them with --dry-run); nothing was written")


def _check_valid(text: str, outline: Path) -> None:
    """The merged outline must load and validate, as the one it replaces did."""
    with tempfile.TemporaryDirectory() as folder:
        candidate = Path(folder) / outline.name
        candidate.write_text(text, "utf-8")
        try:
            load_outline(candidate)
        except OutlineError as exc:
            first = exc.problems[0].message if exc.problems else "it does not validate"
            raise OutlineError(f"the deck's edits would make {outline} invalid ({first}); "
                               "nothing was written: take them in by hand, or make a new "
                               "outline of the deck with yamldeck import") from None


def _new_slides(opened: object, deck: Path, warnings: list[str]) -> dict[int, list[str]]:
    """The outline text of every slide of the deck, by its place (read as `import` reads
    them), for the slides added in the deck; those needing files (pictures, CSV) are named."""
    with tempfile.TemporaryDirectory() as folder:
        assets = AssetFolder(Path(folder) / "assets", "assets")
        imported = read_all_slides(opened, assets)  # type: ignore[arg-type]
    found: dict[int, list[str]] = {}
    for slide in imported.draft.slides:
        number = slide.number or 0
        if "image" in slide.fields or "csv" in slide.fields or (
                isinstance(slide.fields.get("chart"), dict) and "csv" in slide.fields["chart"]):
            warnings.append(f"slide {number}: it was added in the deck with a picture or a "
                            "large table; add it to the outline by hand (or import the deck "
                            "anew)")
            found[number] = []
            continue
        slide.comments = [f"Added in {deck.name} (its slide {number})."]
        found.setdefault(number, [])
        found[number] += [f"{line}\n" for line in slide_lines(slide)]
    return found
