"""A colleague's edits of a built deck merged into the outline's text (`import --into`).

The record (importer/edited.py) is the base: each outline slide as built is found in the
outline now by its digests, and in the deck by its marks. Each field is merged three ways
(merge.py) and written with ruamel.yaml (outlinedoc.py); then slides the deck deleted, moved or
added are deleted, moved or added as blocks of text with their comments (slideblocks.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from ..outline.inline import plain_text
from ..render.kinds.quote import unquoted
from ..render.marks import LINES, SHARED, built_fields, digest
from ..render.unmarked import short_hash
from . import chartdata, diagramfields, outlinedoc, slideblocks, tabledata
from .edited import Built, Seen
from .merge import Conflict, Item, item, merge_items, slide_order

_LEVELLED = ("bullets", "columns.0", "columns.1")


@dataclass
class Merged:
    """The outline's new text, the conflicts left in it, and what the deck held that did not
    come (warnings)."""

    text: str
    files: dict[Path, str] = field(default_factory=dict)  # CSV files with the deck's numbers
    conflicts: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Run:
    built: Built
    outline: Any  # the outline model now
    slides: Any  # the outline's slides: list, as ruamel.yaml read them
    names: tuple[str, str]  # the outline's and the deck's file names, for conflicts
    folder: Path  # the outline's folder (its CSV files)
    merged: Merged
    changed: bool = False  # whether a value of the outline was changed


def merge_into(text: str, outline: Any, built: Built, seen: list[Seen], names: tuple[str, str],
               new_slides: Any, warnings: list[str], folder: Path,
               footer: tuple[str, str] | None = None) -> Merged:
    """The outline ``text`` (``outline``: the same, validated) with the deck's edits.

    ``new_slides(position)`` gives the outline text of a slide the deck added (its lines, at
    column 2); ``footer``: the footer every slide of the deck shows now and the digest of the
    one built, when the deck changed them all alike (importer/untaken.py)."""
    document = outlinedoc.new_yaml().load(text)
    merged = Merged(text, warnings=warnings)
    run = _Run(built, outline, document["slides"], names, folder, merged)
    where = _base_to_current(built, outline)
    for entry in seen:
        if entry.number is not None and entry.number in where:
            _merge_slide(run, entry, where[entry.number])
    if footer is not None:
        _merge_footer(run, document["deck"], *footer)
    if run.changed:  # written back only when a value changed (a long outline takes a while)
        yaml, exact = outlinedoc.writer(text)
        if not exact:
            merged.warnings.append(f"{names[0]} is laid out in a way ruamel.yaml does not write "
                                   "back exactly (indentation); lines other than those changed "
                                   "may move")
        text = outlinedoc.dump(yaml, document)
    deleted = _deleted(run, seen, where)
    current = [i for i in range(len(outline.slides)) if i not in deleted]
    deck = [where[s.number] if s.number is not None else -s.position for s in seen
            if s.number is None or s.number in where]
    order = slide_order(current, deck)
    if order != list(range(len(outline.slides))):
        text = _reordered(text, order, new_slides)
    merged.text = text
    return merged


def _fingerprint(kind: str, fields: dict[str, list[str]]) -> str:
    return kind + " " + " ".join(f"{k}={','.join(v)}" for k, v in sorted(fields.items()))


def _current_digests(outline: Any, slide: Any) -> dict[str, list[str]]:
    return {k: [digest(*i) for i in v] for k, v in built_fields(slide, outline.deck).items()}


def _base_to_current(built: Built, outline: Any) -> dict[int, int]:
    """Each outline slide as built (by number) to its index in the outline now: the same
    digests, or the slide in the same place among changed ones."""
    numbers = sorted(built.kinds)
    base = [_fingerprint(built.kinds[n], built.digests[n]) for n in numbers]
    now = [_fingerprint(s.kind, _current_digests(outline, s)) for s in outline.slides]
    where: dict[int, int] = {}
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, base, now, autojunk=False).get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for k in range(i2 - i1):
                if tag == "equal" or built.kinds[numbers[i1 + k]] == outline.slides[j1 + k].kind:
                    where[numbers[i1 + k]] = j1 + k
    return where


def _merge_slide(run: _Run, entry: Seen, index: int) -> None:
    slide_map = run.slides[index]
    model = run.outline.slides[index]
    built_now = built_fields(model, run.outline.deck)
    base_fields = run.built.digests.get(entry.number or 0, {})
    label = f"slide {entry.position} '{plain_text(getattr(model, 'title', '') or '')}'"
    extra = [item(0, p.text) for p in entry.extra]
    if extra:
        place = "bullets" if "bullets" in entry.fields else "notes"
        run.merged.warnings.append(f"{label}: the text of a box added in the deck is added to "
                                   f"its {place}")
    if entry.chart is not None and "chart" in base_fields:
        _merge_figure(run, slide_map["chart"], chartdata, entry.chart or [],
                      base_fields["chart"], (slide_map, "chart", label))
    if entry.table is not None and "rows" in base_fields:
        _merge_figure(run, slide_map, tabledata, entry.table or [], base_fields["rows"],
                      (slide_map, "rows", label))
    for name, paras in entry.fields.items():
        if name not in base_fields and name not in ("notes", *SHARED.get(model.kind, ())) and \
                not name.startswith("chart."):  # a field the outline may add
            continue
        theirs = _theirs(name, paras)
        if name == "quote":
            theirs = _unquoted(theirs, base_fields.get(name, []))
        if name == ("bullets" if "bullets" in entry.fields else "notes"):
            theirs += extra
        own = diagramfields if diagramfields.handles(name) else None
        mine = (own or outlinedoc).current_items(slide_map, name, built_now.get(name, []))
        result, conflicts = merge_items(base_fields.get(name, []), mine, theirs)
        for conflict in conflicts:
            run.merged.conflicts.append(_conflict(run, slide_map, name, label, conflict))
        if [(i.token, i.text) for i in result] != [(i.token, i.text) for i in mine]:
            keys = tuple(k for k in LINES if getattr(model, k, None)
                         or getattr(run.outline.deck, k, None))
            problem = own.set_items(slide_map, name, result, mine) if own else \
                outlinedoc.set_items(slide_map, name, result, keys)
            run.changed = run.changed or problem is None
            if problem:
                run.merged.warnings.append(f"{label}: {problem}")
            elif name == "notes" and extra and "bullets" not in entry.fields:
                outlinedoc.comment_before(slide_map, "notes", "The notes end with the text of a "
                                          f"box added in {Path(run.names[1]).name} (its slide "
                                          f"{entry.position}).")


def _merge_footer(run: _Run, deck_map: Any, text: str, built: str) -> None:
    """The footer changed alike on every slide, into the outline's ``deck: footer:`` (unless
    the outline changed it too since the build: a conflict)."""
    deck = run.outline.deck
    old = plain_text(deck.footer or "")
    if plain_text(text) == old:
        return
    if deck.footer_date and deck.date:  # the date may share its box: not the footer alone
        run.merged.warnings.append("the footer was changed on every slide in the deck; it shows "
                                   "the date too (footer_date: true), so it is not taken back: "
                                   "change 'footer:' under deck: in the outline")
        return
    if short_hash(old + "\x00") != built:
        both = Conflict((item(0, deck.footer or ""),), (item(0, text),))
        run.merged.conflicts.append(_conflict(run, deck_map, "footer", "deck", both,
                                              "on every slide of the deck"))
        return
    outlinedoc.set_items(deck_map, "footer", [item(0, text)] if text else [])
    run.changed = True


def _merge_figure(run: _Run, holder: Any, data: Any, deck_rows: list[Any], base: list[str],
                  where: tuple[Any, str, str]) -> None:
    """A chart's numbers or a table's cells (``data``: the chartdata or tabledata module, which
    read and write them alike): into the outline's rows, or into the CSV file it names."""
    slide_map, field_name, label = where
    what = "chart's numbers" if data is chartdata else "table's cells"
    try:
        mine, lines = data.outline_items(holder, run.folder)
    except (OSError, UnicodeDecodeError) as exc:
        run.merged.warnings.append(f"{label}: its {what} are not taken back: the CSV "
                                   f"file '{holder.get('csv')}' cannot be read "
                                   f"({exc.__class__.__name__})")
        return
    result, conflicts = merge_items(base, mine, data.deck_items(deck_rows))
    for conflict in conflicts:
        run.merged.conflicts.append(_conflict(run, slide_map, field_name, label, conflict))
    if [i.token for i in result] == [i.token for i in mine]:
        return
    if lines is None:
        data.set_rows(holder, result)
        run.changed = True
    else:
        run.merged.files[run.folder / str(holder["csv"])] = data.csv_text(lines, result)


def _theirs(name: str, paras: list[Any]) -> list[Item]:
    if name in _LEVELLED or name == "notes":
        levelled = name in _LEVELLED
        return [item(p.level if levelled else 0, p.text) for p in paras]
    if name in ("details", "contacts", "lines", "foot", "items") or (
            name.startswith("steps.") and not name.endswith(".text")):
        return [item(0, p.text) for p in paras]
    text = " ".join(p.text.strip() for p in paras)
    return [item(0, text)] if text else []


def _unquoted(theirs: list[Item], base: list[str]) -> list[Item]:
    """The quote without the quotation marks its slide added (unless the outline's own quote
    started with them: then, as built, it is left as it is)."""
    if not theirs or theirs[0].token in base:
        return theirs
    return [item(0, unquoted(theirs[0].text))]


def _conflict(run: _Run, holder: Any, name: str, label: str, conflict: Conflict,
              where: str = "in the deck") -> str:
    """The conflict as printed, git-style, at the line of ``name``'s key in ``holder`` (a
    slide's mapping, or deck:'s)."""
    key = name.split(".")[0]
    line = holder.lc.key(key)[0] + 1 if key in holder else holder.lc.line + 1
    outline, deck = run.names
    return "\n".join([
        f"{outline}:{line}: conflict: {label}, {name}: changed in the outline since the deck "
        f"was built, and {where}; the outline keeps its text",
        f"<<<<<<< {outline}",
        *(f"{'  ' * i.level}- {i.text}" for i in conflict.mine),
        "=======",
        *(f"{'  ' * i.level}- {i.text}" for i in conflict.theirs),
        f">>>>>>> {deck}",
    ])


def _deleted(run: _Run, seen: list[Seen], where: dict[int, int]) -> set[int]:
    """Outline slides whose slide the deck deleted (unless the outline changed them since)."""
    shown = {s.number for s in seen}
    deleted = set()
    for number, index in where.items():
        if number in shown:
            continue
        slide = run.outline.slides[index]
        now = _fingerprint(slide.kind, _current_digests(run.outline, slide))
        if now != _fingerprint(run.built.kinds[number], run.built.digests[number]):
            title = plain_text(getattr(slide, "title", "") or "")
            line = run.slides[index].lc.line + 1
            run.merged.conflicts.append(
                f"{run.names[0]}:{line}: conflict: slide {index + 1} '{title}' was deleted in "
                f"the deck but changed in the outline since the deck was built; the outline "
                "keeps it")
            continue
        deleted.add(index)
    return deleted


def _reordered(text: str, order: list[int], new_slides: Any) -> str:
    """The outline's text with its slides in ``order`` (indices; -N: the deck's slide N, new)."""
    slides = outlinedoc.new_yaml().load(text)["slides"]  # where each slide starts
    starts = [slides.lc.item(i)[0] for i in range(len(slides))]
    indent = slides.lc.item(0)[1] - 2 if len(slides) else 2
    blocks = slideblocks.split(text, starts, indent)
    placed = []
    for key in order:
        if key >= 0:
            placed.append(blocks.slides[key])
        else:
            added = new_slides(-key)
            if added:
                placed.append(slideblocks.reindented(added, indent))
    return blocks.text(placed)
