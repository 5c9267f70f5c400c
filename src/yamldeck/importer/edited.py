"""A deck yamldeck built and someone edited, read by its marks (render/marks.py): the record of
the outline as built, and each outline slide's fields as the deck shows them now.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from lxml import etree

from ..errors import YamldeckError
from ..outline.inline import Span
from ..render.marks import (
    CUSTOM_PART,
    PREFIX,
    PROPERTY,
    RECORD_HEADER,
    animations,
    look,
    marked_shapes,
    placeholders,
)
from ..render.unmarked import shape_name
from . import resaved, tabledata
from .chartdata import UnreadableChart, deck_rows, deck_titles
from .texts import Links, Para, markup, paragraphs, qn, shape_id, unbolded
from .untaken import Untaken

_HIDDEN = ("0", "false")
_STEP = re.compile(r"steps\.\d+")
_SCALAR_TITLES = ("title", "columns.0.heading", "columns.1.heading", "lines")  # drawn bold


class UnmarkedDeck(YamldeckError):
    """The deck carries no record of an outline (not built by yamldeck, or its marks are gone)."""


@dataclass(frozen=True)
class Mark:
    """What the record says about one slide of the deck as built."""

    number: int  # the outline slide it showed (1-based, in the outline as built)
    highest: int  # its highest shape id: shapes with higher ids were added later
    look: str
    fields: tuple[str, ...]  # its marked frames, in drawing order
    animations: int
    places: tuple[int | None, ...] = ()  # each field's place among the slide's placeholders
    others: str = ""  # its shapes that show no field (render/unmarked.py's record of them)

@dataclass(frozen=True)
class Built:
    """The outline as built: each slide's kind and each field's paragraph digests."""

    marks: dict[int, Mark]  # by p:sldId id
    kinds: dict[int, str]  # by outline slide number
    digests: dict[int, dict[str, list[str]]]


@dataclass
class Seen:
    """An outline slide as the edited deck shows it (its parts joined, when it continued)."""

    number: int | None  # None: a slide added in the deck
    position: int  # where its first part is in the edited deck (1-based)
    fields: dict[str, list[Para]] = field(default_factory=dict)
    extra: list[Para] = field(default_factory=list)  # text of frames added in the deck
    chart: list[list[Any]] | None = None  # its chart's rows (category, values), if it has one
    table: list[list[str]] | None = None  # its table's cells, row by row (its parts joined)
    events: int = 0  # a timeline's events on its parts read so far (each part numbers from 1)


def read_record(prs: Any, name: str) -> Built:
    """The record a yamldeck build left in the deck's custom properties; UnmarkedDeck if none."""
    text = _record_text(prs)
    lines = text.split("|") if text else []
    if not lines or lines[0] != RECORD_HEADER or len(lines) < 2:
        raise UnmarkedDeck(
            f"{name} carries no record of a yamldeck outline (it was not built by yamldeck, or "
            "was saved by a program that dropped the record), so its edits cannot be matched "
            f"to an outline; make a new outline of it instead: yamldeck import {name} -o "
            "new.yaml")
    try:
        return _parsed(lines)
    except (ValueError, IndexError):
        raise UnmarkedDeck(
            f"the record of a yamldeck outline in {name} is damaged (its custom document "
            "properties named yamldeck.record were changed), so its edits cannot be matched to "
            f"an outline; make a new outline of it instead: yamldeck import {name} -o new.yaml"
        ) from None


def _parsed(lines: list[str]) -> Built:
    """The record's lines read (ValueError or IndexError where they are damaged)."""
    if not lines[1].startswith("slides"):
        raise ValueError(lines[1])
    marks: dict[int, Mark] = {}
    for token in lines[1].split()[1:]:
        sid, _, rest = token.partition("=")
        number, highest, digest, fields, steps, others = (rest.split(":") + [""] * 5)[:6]
        named = [f.partition("@") for f in fields.split(",") if f]
        marks[int(sid)] = Mark(int(number), int(highest or 0), digest,
                               tuple(n for n, _, _ in named), int(steps or 0),
                               tuple(int(p) if p.isdigit() else None for _, _, p in named),
                               others)
    kinds: dict[int, str] = {}
    digests: dict[int, dict[str, list[str]]] = {}
    for line in lines[2:]:
        number, kind, *fields = line.split(" ")
        kinds[int(number)] = kind
        digests[int(number)] = {k: v.split(",") if v else [] for k, _, v in
                                (f.partition("=") for f in fields)}
    return Built(marks, kinds, digests)


def _record_text(prs: Any) -> str:
    for part in prs.part.package.iter_parts():
        if part.partname == CUSTOM_PART:
            try:
                root = etree.fromstring(part.blob)
            except etree.XMLSyntaxError:
                return ""  # unreadable: as good as no record
            chunks = sorted((p.get("name", ""), "".join(p.itertext())) for p in root
                            if p.get("name", "").startswith(PROPERTY))
            return "".join(chunk for _, chunk in chunks)
    return ""


def read_slides(prs: Any, built: Built, warnings: list[str], name: str,
                untaken: Untaken | None = None) -> list[Seen]:
    """Every outline slide the deck shows (in the deck's order) and every slide added to it;
    ``untaken`` collects what changed that no field holds."""
    seen: dict[int, Seen] = {}
    order: list[Seen] = []
    slides = list(prs.slides)
    marks = [built.marks.get(sid) for sid in _ids(prs)]
    lost = _lost(slides, marks)
    untaken = Untaken() if untaken is None else untaken
    if lost:
        marks = resaved.matched(slides, built)
        if any(marks):
            warnings.append(f"the frames yamldeck named were renamed by {_saver(prs)}, so its "
                            "slides were matched to the outline by their titles and notes, and "
                            "its frames by their places; shapes added, formatting and "
                            "animations are not checked")
    for position, (mark, slide) in enumerate(zip(marks, slides, strict=True), 1):
        if mark is None:
            order.append(Seen(None, position))
            continue
        frames = dict(reversed(marked_shapes(slide._element)))  # a diagram's, the foot's
        if lost:
            frames = {**frames, **resaved.frames(slide, mark)}
        entry = seen.get(mark.number)
        if entry is None:
            entry = seen[mark.number] = Seen(mark.number, position)
            order.append(entry)
        _read_frames(entry, slide, frames, mark, position, warnings)
        unrecorded = sorted({f.split(".")[0] for f in frames if f not in mark.fields})
        if unrecorded and not lost:
            warnings.append(f"slide {position}: its {', '.join(unrecorded)} text was not "
                            "recorded when the deck was built (by an earlier yamldeck), so its "
                            "edits there are not taken back; build the deck again to take them")
        if not lost:
            _report(slide, mark, position, warnings, frames)
        untaken.check(slide, mark.others, built.kinds.get(mark.number, ""), position,
                      frames.values(), by_ids=not lost)
        if "notes" not in entry.fields:
            entry.fields["notes"] = resaved.notes_paragraphs(slide)
        _read_figures(entry, slide, mark, built.digests.get(mark.number, {}), warnings)
    warnings += untaken.all()
    if lost and not seen:
        raise UnmarkedDeck(
            f"the slides of {name} have lost yamldeck's marks (the frames yamldeck named were "
            f"renamed by {_saver(prs)}) and none of them has a "
            "title or notes of the outline as built, so their text cannot be matched to the "
            f"outline; make a new outline of the deck: yamldeck import {name} -o new.yaml")
    if built.marks and order and not seen:
        raise UnmarkedDeck(
            f"none of the slides of {name} is one yamldeck built (their ids are not those the "
            "deck's record lists: a program renumbered them, or every slide was replaced), so "
            "its text cannot be matched to the outline; make a new outline of the deck: "
            f"yamldeck import {name} -o new.yaml")
    return order


def _read_figures(entry: Seen, slide: Any, mark: Mark, recorded: dict[str, list[str]],
                  warnings: list[str]) -> None:
    """The numbers and titles of the chart, the cells of the table, the slide shows."""
    if entry.chart is None and "chart" in recorded:
        try:
            entry.chart = deck_rows(slide, mark.highest)
            titles = deck_titles(slide, mark.highest)
        except UnreadableChart:
            warnings.append(f"slide {entry.position}: its chart cannot be read (its part is "
                            "missing or damaged), so its numbers and titles are not taken back")
            titles = {}
        entry.fields.update({name: [Para(markup([Span(text)]))] if text else [] for
                             name, text in titles.items()})
    if "rows" in recorded:
        entry.table = tabledata.joined(entry.table, tabledata.deck_table(slide, mark.highest))


def _lost(slides: list[Any], marks: list[Mark | None]) -> bool:
    """Whether every slide that had marked placeholders has lost their names (the deck was
    saved by a program that renames placeholders; LibreOffice keeps other shapes' names)."""
    had = [slide for slide, mark in zip(slides, marks, strict=True)
           if mark is not None and any(place is not None for place in mark.places)]
    return not any(shape_name(sp).startswith(PREFIX) for slide in had
                   for sp in placeholders(slide._element)) if had else bool(slides)


def _saver(prs: Any) -> str:
    """Who renamed the frames: LibreOffice when the deck's docProps/app.xml names it (any deck
    yamldeck builds names the application of python-pptx's template, so no other is trusted)."""
    for part in prs.part.package.iter_parts():
        if part.partname == "/docProps/app.xml":
            root = etree.fromstring(part.blob)
            found = root.find("{*}Application")
            if found is not None and "LibreOffice" in (found.text or ""):
                return "LibreOffice when it saved the deck"
    return "the program that saved the deck last"


def _ids(prs: Any) -> list[int]:
    return [int(s.get("id")) for s in prs.part._element.sldIdLst]


def _read_frames(entry: Seen, slide: Any, frames: dict[str, Any], mark: Mark, position: int,
                 warnings: list[str]) -> None:
    links = Links(slide.part, [])
    first = entry.position == position
    offset = entry.events
    for local in mark.fields:
        name = _numbered(local, offset)
        sp = frames.get(local)
        if sp is None:
            if first or local not in ("title", "foot"):
                warnings.append(f"slide {position}: the frame of '{name}' was deleted; the "
                                "outline keeps its text")
            continue
        body = sp.find(qn("p:txBody"))
        paras = paragraphs(body, links) if body is not None else []
        if name == "alt":  # a picture's alt text (render/pictures.py)
            described = " ".join(sp[0][0].get("descr", "").split())
            paras = [Para(markup([Span(described)]))] if described else []
        if name in _SCALAR_TITLES or name.endswith(".date") or _STEP.fullmatch(name):
            paras = [unbolded(p) for p in paras]  # drawn bold, as a heading is
        if name in ("title", "foot") and not first:
            continue  # a continuation's title is the slide's, with "(cont.)"; its foot, again
        if name == "quote":  # then "— " and who said it (render/kinds/quote.py)
            entry.fields["attribution"] = [replace(p, text=p.text.lstrip("\u2014 \u00a0"))
                                           for p in paras[1:]]
            paras = paras[:1]
        entry.fields[name] = entry.fields.get(name, []) + paras
    entry.events += len({f.split(".")[1] for f in mark.fields if f.startswith("events.")})
    for sp in slide._element.iter(qn("p:sp"), qn("p:pic"), qn("p:graphicFrame"), qn("p:cxnSp")):
        c_nv_pr = next(sp.iter(qn("p:cNvPr")), None)
        if c_nv_pr is None or shape_id(sp) <= mark.highest:
            continue
        body = sp.find(qn("p:txBody"))
        paras = paragraphs(body, links) if body is not None else []
        what = c_nv_pr.get("name") or "a shape"
        if paras:
            entry.extra += paras
        else:
            warnings.append(f"slide {position}: '{what}' was added in the deck; an outline "
                            "cannot hold it, so it is not taken back")


def _numbered(field: str, offset: int) -> str:
    """A timeline's field as the outline numbers it (each continued part numbers from 1)."""
    if not offset or not field.startswith("events."):
        return field
    _, number, key = field.split(".")
    return f"events.{int(number) + offset}.{key}"


def _report(slide: Any, mark: Mark, position: int, warnings: list[str],
            frames: dict[str, Any]) -> None:
    """Warnings for what the deck changed that the outline cannot hold (``frames``: the
    shapes that show a field, by field)."""
    element = slide._element
    # A frame deleted changes the look too, and is named already.
    if set(mark.fields) <= frames.keys() and look(element) != mark.look:
        warnings.append(f"slide {position}: its formatting changed (colours, sizes or positions "
                        "of its text); the outline holds words, not formatting, so it is not "
                        "taken back")
    if animations(element) != mark.animations:
        warnings.append(f"slide {position}: its animations changed; they are not taken "
                        "back (whether a slide reveals its points one by one is its 'reveal:' "
                        "in the outline: set it there)")
    if element.get("show") in _HIDDEN:
        warnings.append(f"slide {position}: it is hidden in the deck; the outline shows it")


