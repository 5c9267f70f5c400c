"""`yamldeck import`: a PowerPoint deck (or a Markdown talk) made into an outline, its pictures,
data and template.

Reads and checks the deck (importer/deckfile.py), reads every slide into a Draft
(importer/reader.py; a Markdown talk: importer/markdown.py), keeps the deck's look
(importer/builtin.py, importer/template.py), settles the outline (imported.py: valid, on its
layouts, its text fitting), and only then writes the files: the assets first, the outline last,
nothing written over without --force.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EXIT_OK, EXIT_USAGE, OutputError, Problem, YamldeckError
from ..importer.assets import AssetFolder
from ..importer.builtin import BuiltinLook, builtin_look
from ..importer.deckfile import UnreadableDeck, read_deck
from ..importer.draft import Draft
from ..importer.markdown import SUFFIXES as MARKDOWN_SUFFIXES
from ..importer.markdown import located, read_markdown
from ..importer.reader import Imported
from ..importer.reader import read_deck as read_slides
from ..importer.template import template_bytes
from ..importer.texts import markup
from ..outline.inline import Span
from ..package.writer import write_atomically
from .imported import settle

OUTLINE_SUFFIXES = (".yaml", ".yml")


class OptionsError(YamldeckError):
    """Options of `import` that do not go together."""

    exit_code = EXIT_USAGE


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
    exit_code = EXIT_OK

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
    if not target.parent.is_dir():
        raise OutputError(f"cannot write '{target}': the folder '{target.parent}' does not exist")
    if target.exists() and not force:
        raise OutputError(f"'{target}' already exists; add --force to replace it, or give "
                          "another name with -o")
    return target


def run_import(deck: str | Path, output: str | Path | None, *, force: bool, template: bool,
               into: str | Path | None, dry_run: bool) -> Any:
    """`yamldeck import`: an outline made of ``deck``, or with ``into`` its edits taken back
    into that outline (commands/merging.py); ``dry_run`` only with ``into``."""
    if into is None:
        if dry_run:
            raise OptionsError("--dry-run goes with --into (it shows what --into would change)")
        return import_deck(deck, output, force=force, template=template)
    if output is not None or force:
        raise OptionsError("--into updates the outline it names: leave out -o and --force")
    from .merging import import_into

    return import_into(deck, into, dry_run=dry_run)


def import_deck(deck: str | Path, output: str | Path | None = None, *, force: bool = False,
                template: bool = True) -> ImportResult:
    """Import ``deck`` into an outline at ``output`` (default: beside it, as NAME.yaml)."""
    start = time.perf_counter()
    deck = Path(deck)
    target = checked_target(deck, output, force)
    folder_name = f"{target.stem}-assets"
    assets = AssetFolder(target.parent / folder_name, folder_name)
    markdown = deck.suffix.lower() in MARKDOWN_SUFFIXES
    if markdown:  # a talk in Markdown: no look to keep, its text rendered to see that it fits
        imported, data, fitted = read_markdown(deck, str(deck), assets), None, False
    else:
        imported, data, fitted = _read_pptx(deck, target, assets, template)
    draft = imported.draft
    text = settle(draft, target, assets, data, imported.warnings, fitted=fitted)
    if not force:
        existing = [path for path in assets.targets() if path.exists()]
        if existing:
            raise OutputError(f"'{existing[0]}' already exists; add --force to replace the "
                              "files of an earlier import, or give another name with -o")
    assets.write(protected=[deck])
    write_atomically(text.encode("utf-8"), target, protected=[deck])
    warnings = located(imported.warnings, str(deck)) if markdown else tuple(
        Problem(w, file=str(deck), severity="warning") for w in imported.warnings)
    return ImportResult(target, assets.folder if assets.files else None, len(draft.slides),
                        imported.pictures, imported.csv_files, "template" in draft.deck,
                        warnings, time.perf_counter() - start)


def _read_pptx(deck: Path, target: Path, assets: AssetFolder, template: bool
               ) -> tuple[Imported, bytes | None, bool]:
    """The deck's slides read, its template's bytes (None: the built-in theme) and whether its
    text is as yamldeck fitted it."""
    opened = read_deck(deck, str(deck))
    if not len(opened.prs.slides):
        raise UnreadableDeck(f"deck '{deck}' has no slides, so there is nothing to import")
    imported = read_slides(opened, assets)
    draft = imported.draft
    rebuilt = None
    if _same_file(target.with_suffix(".pptx"), deck):
        rebuilt = target.with_name(f"{target.stem}-rebuilt.pptx")
        imported.warnings.append(f"'yamldeck build {target}' would write over {deck}, the deck "
                                 f"imported: build with -o, e.g. yamldeck build {target} -o "
                                 f"{rebuilt}")
    draft.header = header(deck.name, target.name, rebuilt.name if rebuilt else None)
    look = builtin_look(opened.prs) if template else None
    if look is not None:
        _builtin(draft, look, assets)
    data = template_bytes(opened.prs) if template and look is None else None
    if template and look is None and data is None:
        imported.warnings.append("the deck's masters and layouts are larger than a template may "
                                 "be; the outline uses the built-in theme")
    return imported, data, as_yamldeck_built(opened.prs)


def as_yamldeck_built(prs: object) -> bool:
    """Whether the deck is as yamldeck wrote it: yamldeck's mark in its properties, their first
    revision and no modification after its creation (an editor's save counts a revision or
    dates the change). Its text then fits the outline's frames as it did when yamldeck set it;
    any other deck's outline is rendered to find text that does not."""
    props = prs.core_properties  # type: ignore[attr-defined]
    return (props.comments == "Built with yamldeck" and props.revision == 1
            and props.modified == props.created)


def _same_file(one: Path, other: Path) -> bool:
    try:
        return one.resolve() == other.resolve()
    except OSError:
        return False


def header(deck: str, outline: str, rebuilt: str | None) -> list[str]:
    build = f"    yamldeck build {outline}" + (f" -o {rebuilt}" if rebuilt else "")
    return [
        f"The outline of the slides of {deck}, made by 'yamldeck import'.",
        "yamldeck turns this file into a PowerPoint deck:",
        build,
        *([f"(without -o, the deck it makes would replace {deck})"] if rebuilt else []),
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
