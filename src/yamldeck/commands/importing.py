"""`yamldeck import`: a PowerPoint deck made into an outline, its pictures, data and template.

Reads and checks the deck (importer/deckfile.py), reads every slide into a Draft
(importer/reader.py), keeps the deck's look as the template (importer/template.py), writes the
outline (importer/writer.py), reads it back with yamldeck's own loader and validates it (what it
says must be what the Draft says, and it must be an outline that builds), and only then writes
the files: the assets first, the outline last, nothing written over without --force.
"""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EXIT_BUG, OutlineError, OutputError, Problem, Warnings, YamldeckError
from ..importer.assets import AssetFolder
from ..importer.builtin import BuiltinLook, builtin_look
from ..importer.deckfile import read_deck
from ..importer.draft import Draft
from ..importer.reader import read_deck as read_slides
from ..importer.template import placements, template_bytes
from ..importer.texts import markup
from ..importer.writer import write_outline
from ..outline.inline import Span
from ..outline.loader import parse_document
from ..outline.model import Outline
from ..outline.validate import validate_document
from ..package.writer import write_atomically

OUTLINE_SUFFIXES = (".yaml", ".yml")


class ImportBug(YamldeckError):
    """The outline made from a deck does not read back as made: a bug in yamldeck."""

    exit_code = EXIT_BUG


@dataclass(frozen=True)
class ImportResult:
    outline: Path
    assets: Path | None  # the folder of pictures, CSV files and the template (None: nothing)
    slides: int
    pictures: int
    csv_files: int
    template: bool
    warnings: tuple[Problem, ...]
    seconds: float

    @property
    def summary(self) -> str:
        """The line `import` ends with: what was written, where, and how long it took."""
        files = [_count(self.pictures, "picture"), _count(self.csv_files, "CSV file")]
        files += ["the template"] if self.template else []
        where = f"; {', '.join(files)} in {self.assets}" if self.assets is not None else ""
        return (f"wrote {self.outline} ({_count(self.slides, 'slide')}{where}) in "
                f"{self.seconds:.2f} s")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def default_outline(deck: Path) -> Path:
    """talk.pptx -> talk.yaml, beside the deck."""
    return deck.with_suffix(".yaml")


def checked_target(deck: Path, output: str | Path | None, force: bool) -> Path:
    target = Path(output) if output is not None else default_outline(deck)
    if target.is_dir():
        raise OutputError(f"'{target}' is a folder; give a file name such as "
                          f"{target / default_outline(Path(deck.name))}")
    if target.suffix.lower() not in OUTLINE_SUFFIXES:
        raise OutputError(f"the output '{target}' must end in .yaml")
    if target.exists() and not force:
        raise OutputError(f"'{target}' already exists; add --force to replace it, or give "
                          "another name with -o")
    return target


def import_deck(deck: str | Path, output: str | Path | None = None, *, force: bool = False,
                template: bool = True) -> ImportResult:
    """Import ``deck`` into an outline at ``output`` (default: beside it, as NAME.yaml)."""
    start = time.perf_counter()
    deck = Path(deck)
    target = checked_target(deck, output, force)
    folder_name = f"{target.stem}-assets"
    assets = AssetFolder(target.parent / folder_name, folder_name)
    opened = read_deck(deck, str(deck))
    imported = read_slides(opened, assets)
    draft = imported.draft
    draft.header = header(deck.name, target.name)
    look = builtin_look(opened.prs) if template else None
    if look is not None:
        _builtin(draft, look, assets)
    data = template_bytes(opened.prs) if template and look is None else None
    if template and look is None and data is None:
        imported.warnings.append("the deck's masters and layouts are larger than a template may "
                                 "be; the outline uses the built-in theme")
    text, outline = _written(draft, target)
    if data is not None:
        text, used = _on_template(draft, target, outline, assets, data)
        if not used:
            imported.warnings.append("some slides fit none of the deck's layouts; the outline "
                                     "uses the built-in theme (--no-template)")
    if not force:
        existing = [path for path in assets.targets() if path.exists()]
        if existing:
            raise OutputError(f"'{existing[0]}' already exists; add --force to replace the "
                              "files of an earlier import, or give another name with -o")
    assets.write(protected=[deck])
    write_atomically(text.encode("utf-8"), target, protected=[deck])
    warnings = tuple(Problem(w, file=str(deck), severity="warning") for w in imported.warnings)
    return ImportResult(target, assets.folder if assets.files else None, len(draft.slides),
                        imported.pictures, imported.csv_files, "template" in draft.deck,
                        warnings, time.perf_counter() - start)


def header(deck: str, outline: str) -> list[str]:
    return [
        f"The outline of the slides of {deck}, made by 'yamldeck import'.",
        "yamldeck turns this file into a PowerPoint deck:",
        f"    yamldeck build {outline}",
        "",
        "How to edit this file",
        "- Lines starting with # are comments like this one. They never appear on the slides.",
        "- Indent with spaces (two at a time), never with the Tab key.",
        '- Put text in "double quotes" if it contains ": " or " #", or starts with a symbol.',
        "- On a slide, **two stars** make text bold, *one star* makes it italic, and",
        "  [words](https://address) makes a link; \\* shows a star as it is.",
        f"- The comment above each slide says which slide of {deck} it was, and what",
        "  of that slide could not be brought over.",
    ]


def _builtin(draft: Draft, look: BuiltinLook, assets: AssetFolder) -> None:
    """A deck drawn on the built-in theme: its colours, fonts and logo as deck: keys."""
    if look.theme:
        draft.deck["theme"] = look.theme
        draft.deck_remarks["theme"] = "the original deck's colours and fonts"
    if look.logo is not None:
        picture = look.logo.picture
        image = assets.add("logo", picture.ext, picture.data)
        fields = {"image": image, **look.logo.fields}
        if "alt" in fields:
            fields["alt"] = markup([Span(fields["alt"])])
        draft.deck["logo"] = fields


def _on_template(draft: Draft, target: Path, outline: Outline, assets: AssetFolder,
                 data: bytes) -> tuple[str, bool]:
    """The outline on the deck's own template, each slide on its own layout; or, when some
    slide fits no layout of it, on the built-in theme."""
    found = placements(data, outline, [s.source_layout for s in draft.slides])
    if found is None:
        return write_outline(draft), False
    draft.deck["template"] = assets.template(data)
    draft.deck_remarks["template"] = "the original deck's masters, layouts, colours and fonts"
    for slide, placement in zip(draft.slides, found, strict=True):
        if placement.layout is not None:
            slide.fields["layout"] = placement.layout
        if placement.note:
            slide.comments.append(placement.note)
    return _written(draft, target)[0], True


def _written(draft: Draft, target: Path) -> tuple[str, Outline]:
    """The outline's text, read back as yamldeck reads it and validated."""
    text = write_outline(draft)
    try:
        document = parse_document(text.encode("utf-8"), str(target), Warnings())
        if not _same(document.data, draft.plain_data()):
            raise ImportBug("the outline written does not read back as the deck's slides")
        return text, validate_document(document)
    except OutlineError as exc:
        first = exc.problems[0].format() if exc.problems else ""
        raise ImportBug(f"the outline made from the deck does not validate ({first}); this is a "
                        "bug in yamldeck's import: please report it with the deck") from None


_BLANK = re.compile(r"\n\s*\n")


def _same(read: Any, made: Any, key: str = "") -> bool:
    """What the loader read equals what the Draft holds (notes compared paragraph by
    paragraph: the writer wraps their lines)."""
    if key == "notes" and isinstance(read, str) and isinstance(made, str):
        return [" ".join(p.split()) for p in _BLANK.split(read.strip())] == [
            " ".join(p.split()) for p in _BLANK.split(made.strip())]
    if isinstance(made, dict):
        return isinstance(read, dict) and set(read) == set(made) and all(
            _same(read[k], made[k], k) for k in made)
    if isinstance(made, list):
        return isinstance(read, list) and len(read) == len(made) and all(
            _same(r, m, key) for r, m in zip(read, made, strict=True))
    return read == made
