"""An imported outline settled: read back and validated, placed on its template's layouts, and
made simpler where its text does not fit (a build in a scratch folder says where).

Each round writes the Draft, reads it back with yamldeck's own loader (what it says must be
what the Draft says) and validates it, names the layout of each slide that yamldeck would not
choose on the deck's template, and builds it; a slide whose text does not fit is made simpler
(importer/simpler.py) and the round runs again, until every slide fits or none can be simpler.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import EXIT_BUG, OutlineError, Warnings, YamldeckError
from ..files.assets import load_assets
from ..files.deckfiles import load_deck_files
from ..files.paths import AssetPolicy
from ..importer.assets import TEMPLATE_NAME, AssetFolder
from ..importer.draft import Draft
from ..importer.simpler import simplified
from ..importer.template import placements
from ..importer.writer import write_outline
from ..outline.loader import SourceMap, parse_document
from ..outline.model import Outline
from ..outline.validate import validate_document
from ..package.archive import DEFAULT_EPOCH

ROUNDS = 4  # builds at most: a slide is made simpler at most twice (bullets, then continued)
_SLIDE = re.compile(r"slides\[(\d+)\]")
_BLANK = re.compile(r"\n\s*\n")
_PLACED = "Its layout '"  # the start of the comment a placement leaves


class ImportBug(YamldeckError):
    """The outline made from a deck does not read back as made: a bug in yamldeck."""

    exit_code = EXIT_BUG


@dataclass(frozen=True)
class Written:
    """An outline's text, and the outline and source map yamldeck reads from it."""

    text: str
    outline: Outline
    source: SourceMap


def settle(draft: Draft, target: Path, assets: AssetFolder, template: bytes | None,
           warnings: list[str], *, fitted: bool = False) -> str:
    """The outline's final text: valid, on the template where its slides fit its layouts, and
    simplified until it builds (``warnings`` get what was changed). ``fitted``: the deck is as
    yamldeck built it, its text fitted at yamldeck's sizes, so the outline is not rendered."""
    done = written(draft, target)
    for round_number in range(ROUNDS):
        if template is not None:
            done, template = _placed(draft, target, done.outline, assets, template, warnings)
        failing = set() if fitted else _failing(done.outline, done.source, assets)
        if not failing or round_number == ROUNDS - 1 or not _simplify(draft, failing, warnings):
            break
        done = written(draft, target)
    for index in sorted(failing):
        warnings.append(f"{_name(draft, index)}: its text does not fit even as bullets; "
                        "'yamldeck build' says what to shorten")
    return done.text


def written(draft: Draft, target: Path) -> Written:
    """The outline's text, read back as yamldeck reads it and validated."""
    text = write_outline(draft)
    try:
        document = parse_document(text.encode("utf-8"), str(target), Warnings())
        if not _same(document.data, draft.plain_data()):
            raise ImportBug("the outline written does not read back as the deck's slides; this "
                            "is a bug in yamldeck's import: please report it with the deck")
        return Written(text, validate_document(document), document.source)
    except OutlineError as exc:
        first = exc.problems[0].format() if exc.problems else ""
        raise ImportBug(f"the outline made from the deck does not validate ({first}); this is a "
                        "bug in yamldeck's import: please report it with the deck") from None


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


def _placed(draft: Draft, target: Path, outline: Outline, assets: AssetFolder, data: bytes,
            warnings: list[str]) -> tuple[Written, bytes | None]:
    """The outline on the deck's own template, each slide on its own layout; or, when some
    slide fits no layout of it, on the built-in theme (and no template from then on)."""
    found = placements(data, outline, [s.source_layout for s in draft.slides])
    if found is None:
        draft.deck.pop("template", None)
        draft.deck_remarks.pop("template", None)
        assets.files.pop(TEMPLATE_NAME, None)
        for slide in draft.slides:
            slide.fields.pop("layout", None)
        warnings.append("some slides fit none of the deck's layouts; the outline uses the "
                        "built-in theme (as with --no-template)")
        return written(draft, target), None
    draft.deck["template"] = assets.template(data)
    draft.deck_remarks["template"] = "the original deck's masters, layouts, colours and fonts"
    for slide, placement in zip(draft.slides, found, strict=True):
        slide.fields.pop("layout", None)
        if placement.layout is not None:
            slide.fields["layout"] = placement.layout
        slide.comments = [c for c in slide.comments if not c.startswith(_PLACED)]
        if placement.note:
            slide.comments.append(placement.note)
    return written(draft, target), data


def _failing(outline: Outline, source: SourceMap, assets: AssetFolder) -> set[int]:
    """Indexes of the slides whose text does not fit: the outline rendered as a build renders
    it, its files read from a scratch folder (nothing is written where the user asked until
    the outline is settled)."""
    from ..render.fitted import render_fitted  # python-pptx's renderer, as the build imports it

    with tempfile.TemporaryDirectory(prefix="yamldeck-import-") as scratch:
        root = Path(scratch)
        (root / assets.prefix).mkdir()
        for name, data in assets.files.items():
            (root / assets.prefix / name).write_bytes(data)
        policy = AssetPolicy(root)
        try:
            files = load_deck_files(outline, source, policy)
            render_fitted(outline, source, epoch=DEFAULT_EPOCH, all_records=False,
                          assets=load_assets(outline, source, policy), files=files,
                          package=False)  # measured only, as `check` measures: no zip
        except OutlineError as exc:
            found = {int(m.group(1)) for p in exc.problems if (m := _SLIDE.match(p.path or ""))}
            if not found:
                raise ImportBug(f"the outline made from the deck does not build "
                                f"({exc.problems[0].message}); this is a bug in yamldeck's "
                                "import: please report it with the deck") from None
            return found
    return set()


def _simplify(draft: Draft, failing: set[int], warnings: list[str]) -> bool:
    """Make each failing slide simpler; False when none of them can be."""
    slides, changed = [], False
    for index, slide in enumerate(draft.slides):
        simpler = simplified(slide) if index in failing else None
        if simpler is None:
            slides.append(slide)
            continue
        made, what = simpler
        warnings.append(f"{_name(draft, index)}: {what}")
        slides += made
        changed = True
    draft.slides = slides
    return changed


def _name(draft: Draft, index: int) -> str:
    """How a warning names a slide: by its number in the source, where the Draft says it."""
    number = draft.slides[index].number
    return f"slide {number}" if number is not None else f"outline slide {index + 1}"
