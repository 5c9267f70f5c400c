"""The marks a built deck carries so `import --into` matches an edited deck to its outline.

Three marks, all invisible to the audience and derived from the outline alone (builds stay
byte-identical):

- every frame that shows a field of the outline is named after it (``cNvPr name``, seen only in
  PowerPoint's selection pane): ``yamldeck:title``, ``yamldeck:bullets``,
  ``yamldeck:columns.1.heading``; FRAMES says, per kind, which frame shows which field (the
  boxes of a timeline or process and the foot box keep the names they are drawn with);
- the record (written by render/record.py), in the deck's custom document properties
  (``docProps/custom.xml``, split into values of at most 240 characters, as Office limits them):
  which outline slide each deck slide was (by its ``p:sldId`` id, which PowerPoint keeps when
  slides move), and a short digest of every field's text as built, item by item for lists, so
  an import can tell "the deck changed" from "the outline changed since the build";
- the digests themselves, made by ``digest`` from the text a reader sees (markup removed).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from ..outline.citations import foot_texts
from ..outline.inline import plain_text
from .unmarked import entry, shape_name, short_hash, unmarked

PREFIX = "yamldeck:"
RECORD_HEADER = "yamldeck-record 1"
PROPERTY = "yamldeck.record."  # + a four-digit chunk number
CHUNK = 240
CUSTOM_PART = "/docProps/custom.xml"
CUSTOM_TYPE = "application/vnd.openxmlformats-officedocument.custom-properties+xml"
CUSTOM_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties"

# Which frame (by the built-in layout's placeholder idx) shows which field, per kind. A kind
# not listed (a new one) gets its title marked; its other frames are reported, not merged.
FRAMES: dict[str, dict[int, str]] = {
    "title": {0: "title", 1: "subtitle", 13: "lines"},  # lines: presenter, affiliation, date
    "section": {0: "title", 1: "subtitle"},
    "bullets": {0: "title", 1: "bullets"},
    "statement": {0: "title", 1: "statement"},
    "number": {0: "title", 1: "number", 2: "caption", 3: "details"},
    "columns": {0: "title", 1: "columns.0", 2: "columns.1", 3: "columns.0.heading",
                4: "columns.1.heading"},
    "closing": {0: "title", 13: "subtitle", 1: "contacts"},
    "picture": {0: "title", 1: "bullets", 2: "bullets"},
    "quote": {0: "title", 1: "quote"},  # the quote, then "— " and its attribution
    "agenda": {0: "title", 1: "items"},  # only when the outline lists them (else: titles)
}
# Fields shown in a later paragraph of another field's frame: a quote's attribution.
SHARED: dict[str, tuple[str, ...]] = {"quote": ("attribution",)}
_TITLE_ONLY = {0: "title"}
LINES = ("presenter", "affiliation", "date")  # a title slide's lines, the keys they come from
# Fields shown in a text box yamldeck draws itself (render/pictures.py's captions), by kind.
# A picture's alt text is the field "alt" of the p:pic named yamldeck:alt.
BOXES: dict[str, tuple[str, ...]] = {"picture": ("caption", "alt"), "chart": ("caption",)}
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SP, _PIC = f"{_P}sp", f"{_P}pic"
_XFRM, _RPR = f"{_P}spPr/{_A}xfrm", f"{_A}rPr"
_SRGB, _SCHEME = f"{_A}srgbClr", f"{_A}schemeClr"
_TIMING, _PAR = f"{_P}timing", f"{_P}par"
_PH = f"{_P}nvSpPr/{_P}nvPr/{_P}ph"
_IDS = etree.XPath(".//p:cNvPr/@id", namespaces={"p": _P[1:-1]})
_CHROME = ("ftr", "sldNum", "dt")
# Shapes yamldeck draws itself that show a field under their own names (render/diagram.py's
# timelines and processes, render/footnotes.py's foot): the names are the marks.
FOOT = "Sources and footnotes"  # render.footnotes.SHAPE_NAME: the field "foot"
_PART = re.compile(r"(Date|Label|Detail|Step) (\d+)( text)?")
_GRP = f"{_P}grpSp"

Items = list[tuple[int, str]]  # (level, outline text with markup) per paragraph


def frame_field(slide: Any, idx: int) -> str | None:
    """The field frame ``idx`` of ``slide`` (its outline model) shows, or None (an agenda that
    lists the slides' titles shows no field of its own)."""
    field = FRAMES.get(slide.kind, _TITLE_ONLY).get(idx)
    return None if field == "items" and not getattr(slide, "items", None) else field


def mark_frame(shape: Any, slide: Any, idx: int) -> None:
    """Name a frame after the field it shows (nothing for frames no field is recorded for)."""
    field = frame_field(slide, idx)
    if field is not None:  # p:sp's first child is its p:nvSpPr, whose first child is p:cNvPr
        shape._element[0][0].set("name", PREFIX + field)


def slide_mark(number: int, slide: Any) -> str:
    """A deck slide's entry in the record: its outline slide number, its highest shape id (a
    shape with a higher one was added later), a digest of its look (where its marked frames
    sit and how their runs are sized and coloured), its marked fields in drawing order, each
    with its place among the slide's placeholders (footer, number and date left out; for a
    program that renames frames, see importer/resaved.py), its number of animation steps and
    its other shapes (render/unmarked.py)."""
    element = slide._element
    highest = max(map(int, _IDS(element)), default=0)
    frames: list[tuple[str, Any]] = []
    fields = []
    place = 0
    for sp in element.iter(_SP, _PIC):  # one pass: a build marks every slide
        ph = sp.find(_PH)
        at = ""
        if ph is not None and ph.get("type") not in _CHROME:
            at, place = str(place), place + 1
        field = _field_of(sp)
        if field is not None:
            frames.append((field, sp))
            fields.append(f"{field}@{at}")
    ids = {int(sp[0][0].get("id")) for _, sp in frames}
    others = entry(unmarked(element, slide.part, ids))
    return (f"{number}:{highest}:{look(element, frames)}:{','.join(fields)}:"
            f"{animations(element)}:{others}")


def _field_of(sp: Any) -> str | None:
    """The field a shape shows: by its mark, or by the name yamldeck gave a diagram's text box
    (numbered on its slide: 'Label 2' is ``events.1.label``) or the box at the slide's foot."""
    name = shape_name(sp)
    if name.startswith(PREFIX):
        return name[len(PREFIX):]
    if name == FOOT:
        return "foot"
    found = _PART.fullmatch(name)
    if found is None:
        return None
    group = sp.getparent()  # in a group (a program renaming frames may rename the group too)
    if group is None or group.tag != _GRP:
        return None
    role, number, text = found.groups()
    return f"steps.{int(number) - 1}" + (".text" if text else "") if role == "Step" else \
        f"events.{int(number) - 1}.{role.lower()}"


def placeholders(element: Any) -> list[Any]:
    """The slide's placeholders (p:sp) in drawing order, its footer, number and date left out."""
    found = []
    for sp in element.iter(_SP):
        ph = sp.find(_PH)
        if ph is not None and ph.get("type") not in _CHROME:
            found.append(sp)
    return found


def animations(element: Any) -> int:
    """How many animation steps the slide has (p:par of its p:timing)."""
    timing = element.find(_TIMING)
    return 0 if timing is None else sum(1 for _ in timing.iter(_PAR))


def marked_shapes(element: Any) -> list[tuple[str, Any]]:
    """(field, p:sp) of every shape that shows a field (marked frames, a diagram's text boxes,
    the foot), in drawing order."""
    found = []
    for sp in element.iter(_SP, _PIC):
        field = _field_of(sp)
        if field is not None:
            found.append((field, sp))
    return found


def marked_frames(element: Any) -> list[tuple[str, Any]]:
    """(field, p:sp) of the slide's frames that carry a field's mark, in drawing order."""
    return [(name[len(PREFIX):], sp) for sp in element.iter(_SP, _PIC)
            if (name := shape_name(sp)).startswith(PREFIX)]


def look(element: Any, frames: list[tuple[str, Any]] | None = None) -> str:
    """A digest of the formatting the marked frames show: their boxes, and the sizes, underline,
    strike-through and colours their runs set (a run that sets none, as a typed word or a new
    paragraph inherits them, adds nothing)."""
    parts = []
    for field, sp in marked_shapes(element) if frames is None else frames:
        xfrm = sp.find(_XFRM)
        box = [] if xfrm is None else [c.attrib.get(k, "") for c in xfrm for k in ("x", "y", "cx",
                                                                                  "cy")]
        values: set[str] = set()
        for r_pr in sp.iter(_RPR):
            values.update(f"{key}={r_pr.get(key)}" for key in ("sz", "u", "strike")
                          if r_pr.get(key) is not None)
            values.update(c.get("val", "") for c in r_pr.iter(_SRGB, _SCHEME))
        parts.append(f"{field}{box}{sorted(values)}")
    return short_hash("".join(parts))


def digest(level: int, text: str) -> str:
    """A paragraph's token: its level and 8 characters of a hash of what a reader sees."""
    marked = "*" in text or "[" in text or "\\" in text  # else nothing for the markup to remove
    seen = " ".join((plain_text(text) if marked else text).split())
    return f"{level}{short_hash(seen)}"



def bullet_items(bullets: Any, level: int = 0) -> Items:
    items: Items = []
    for bullet in bullets or ():
        items.append((level, bullet.text))
        items += bullet_items(bullet.children, level + 1)
    return items


def note_items(notes: str | None) -> Items:
    """Speaker notes as render.notes writes them: blocks between blank lines, lines joined."""
    blocks = re.split(r"\n\s*\n", (notes or "").strip())
    joined = (" ".join(line.strip() for line in block.splitlines()).strip() for block in blocks)
    return [(0, text) for text in joined if text]


def built_fields(slide: Any, deck: Any, rows: Any = None) -> dict[str, Items]:
    """Each recorded field of ``slide`` as the deck shows it (defaults from ``deck:`` filled in);
    ``rows`` (CSV file name -> rows) gives a chart's numbers when they come from a file."""
    kind = slide.kind
    fields: dict[str, Items] = {}
    for field in dict.fromkeys((*FRAMES.get(kind, _TITLE_ONLY).values(), *SHARED.get(kind, ()),
                                *BOXES.get(kind, ()))):
        items = _items(slide, deck, field)
        if items:
            fields[field] = items
    chart = getattr(slide, "chart", None)
    data = None if chart is None else chart.data if chart.data is not None else (
        (rows or {}).get(chart.csv))
    if data:
        fields["chart"] = [(0, row_text(row)) for row in data[1:]]
    fields.update({f"chart.{key}": [(0, getattr(chart, key))] for key in ("title", "x_title",
                   "y_title") if chart is not None and getattr(chart, key)})  # render/charts.py
    table = getattr(slide, "rows", None) if kind == "table" else None
    table = table if table is not None else (rows or {}).get(getattr(slide, "csv", None) or "")
    if kind == "table" and table:
        fields["rows"] = [(0, table_text(row)) for row in table]
    fields.update(diagram_fields(slide))
    if foot_texts(slide):
        fields["foot"] = [(0, text) for text in foot_texts(slide)]
    fields["notes"] = note_items(slide.notes)
    return fields


def diagram_fields(slide: Any) -> dict[str, Items]:
    """A timeline's dates, labels and details, a process's steps, as their boxes show them: on
    a loop (``cycle: true``) a step's box holds its heading and text, else the text is apart."""
    fields: dict[str, Items] = {}
    for index, event in enumerate(getattr(slide, "events", None) or ()):
        for key in ("date", "label", "detail"):
            if getattr(event, key):
                fields[f"events.{index}.{key}"] = [(0, getattr(event, key))]
    for index, step in enumerate(slide.headed_steps() if slide.kind == "process" else ()):
        inside = step.text and slide.cycle
        fields[f"steps.{index}"] = [(0, step.heading)] + ([(0, step.text)] if inside else [])
        if step.text and not inside:
            fields[f"steps.{index}.text"] = [(0, step.text)]
    return fields


def row_text(cells: Iterable[Any]) -> str:
    """A chart's row as one text: its category, then each number written one way (25 and 25.0
    are the same number), separated by tabs."""
    return "\t".join(_number(cell) for cell in cells)


def table_text(cells: Iterable[Any]) -> str:
    """A table's row as one text: its cells (spaces collapsed, empty ones at its end left out,
    as a short row is drawn), separated by tabs."""
    texts = [" ".join(str(cell if cell is not None else "").split()) for cell in cells]
    while texts and not texts[-1]:
        texts.pop()
    return "\t".join(texts)


def _number(cell: Any) -> str:
    if cell is None:
        return ""
    text = str(cell).strip()
    try:
        return repr(float(text.replace(",", "")))
    except ValueError:
        return text


def _items(slide: Any, deck: Any, field: str) -> Items:
    if field.startswith("columns."):
        parts = field.split(".")
        column = slide.columns[int(parts[1])]
        if len(parts) == 3:
            return [(0, column.heading)] if column.heading else []
        return bullet_items(column.bullets) if column.bullets else (
            [(0, column.text)] if column.text else [])
    if field == "lines":
        shown = (getattr(slide, key, None) or getattr(deck, key, None) for key in LINES)
        return [(0, text) for text in shown if text]
    value = getattr(slide, field, None)
    if value is None and slide.kind == "title" and field in ("title", "subtitle"):
        value = getattr(deck, field, None)
    if field == "bullets":
        return bullet_items(value)
    if isinstance(value, (list, tuple)):
        return [(0, item) for item in value]
    return [(0, value)] if value else []
