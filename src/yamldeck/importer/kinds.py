"""Which kind a slide is, decided from its layout's name, its placeholders and its content.

In order: a title, section or closing slide (openings.py); a chart (with a big number: a number
slide); a table; a big number; a picture (beside bullets when there is body text); a quotation;
a statement; two columns (with headings when each column has a line above it); a numbered list
(an agenda); bullets. What a kind cannot hold is returned as spare text (to be kept elsewhere)
or as lost shapes (to be reported).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from pptx.oxml.ns import qn

from ..render.layouts import normalised
from . import figures, openings
from .shapes import FURNITURE, TITLES, Shape
from .texts import Links, Para, bullet_tree, joined, paragraphs, unbolded

_NUMBER = re.compile(r"[~≈<>≤≥+\-−]?[$€£¥]?\d[\d.,\u202f\u00a0 ]*\s?(%|[kKmMbB]n?|x|[+])?")
_BIG_PT = 40.0
_QUOTES = "\"'\u201c\u2018\u00ab\u201e"
_DASHES = ("\u2014", "\u2013", "-", "~")
_NAMES = {"number": ("big number", "big fact", "key figure", "number", "big number chart"),
          "statement": ("statement", "main point", "big statement"),
          "quote": ("quote", "quotation")}
SMALL = 0.04  # pictures under this share of the slide are taken for logos and icons


@dataclass
class View:
    """A slide being read: its number, layout's name, shapes in reading order and place."""

    number: int
    layout: str
    shapes: list[Shape]
    first: bool
    last: bool
    size: tuple[int, int]  # the slide's width and height
    part: Any  # the slide's part (its charts and pictures)
    links: Links


@dataclass
class Made:
    """A slide's outline keys, and what of the slide they do not hold."""

    fields: dict[str, Any]
    spare: list[Shape] = field(default_factory=list)  # text to keep elsewhere (bullets, notes)
    lost: list[tuple[Shape, str]] = field(default_factory=list)  # shape, what became of it
    picture: tuple[Shape, figures.PictureData] | None = None  # to save as a file
    spare_paras: list[Para] = field(default_factory=list)  # text of figures (SmartArt)
    fallback: bool = False  # a slide with only a title, made a section slide on its layout


def make(view: View) -> Made:
    """The slide as outline keys (a picture's 'image' is filled in by the reader)."""
    title_shape = next((s for s in view.shapes if s.ph_type in TITLES and s.paras), None)
    title = joined(title_shape.paras) if title_shape else ""
    shapes = [s for s in view.shapes if s is not title_shape and s.ph_type not in FURNITURE
              and s.ph_type not in TITLES]
    texts = [s for s in shapes if s.is_text]
    made = Made({})
    for shape in shapes:
        if shape.what in ("video", "audio", "embedded object", "ink drawing", "object"):
            made.lost.append((shape, "not brought over (an outline cannot hold it)"))
    kind = openings.opening_kind(view.layout, shapes, view.first, view.last)
    if kind is not None:
        builder = {"title": openings.title_fields, "section": openings.section_fields,
                   "closing": openings.closing_fields}[kind]
        made.fields = builder(title, texts)
        _lose(made, [s for s in shapes if s.what in ("table", "chart", "picture", "SmartArt")])
        return made
    _content(view, made, title, shapes, texts)
    return made


def _content(view: View, made: Made, title: str, shapes: list[Shape], texts: list[Shape]
             ) -> None:
    for art in (s for s in shapes if s.what == "SmartArt"):
        made.spare_paras += figures.smartart(art.element, view.part, view.links)
        made.lost.append((art, "its text is kept as bullets"))
    charts = [s for s in shapes if s.what == "chart"]
    tables = [s for s in shapes if s.what == "table"]
    number = _number(view, texts)
    fields: dict[str, Any] = {"title": title}
    if charts or tables:
        used = (charts or tables)[0]
        figure = figures.chart(used.element, view.part) if charts else figures.table(
            used.element, view.links)
        _lose(made, [s for s in charts + tables if s is not used])
        if figure is not None:
            made.lost += [(used, lost) for lost in figure.lost]
            if "rows" in figure.fields:
                fields.update(kind="table", **figure.fields)
            elif number is not None:
                fields.update(_number_fields(number, texts, view))
                fields["chart"] = figure.fields
                texts = [t for t in texts if t not in _number_shapes(number, texts, view)]
            else:
                fields.update(kind="chart", chart=figure.fields)
                texts = _caption(fields, texts, used)
            made.fields, made.spare = fields, texts
            _lose(made, [s for s in shapes if s.what == "picture"])
            return
        made.lost.append((used, "has fewer than two rows; its text is kept"))
        made.spare_paras += [Para(" | ".join(row)) for row in _table_text(used, view.links)]
    if number is not None:
        fields.update(_number_fields(number, texts, view))
        made.fields = fields
        made.spare = [t for t in texts if t not in _number_shapes(number, texts, view)]
        _lose(made, [s for s in shapes if s.what == "picture"])
        return
    if _picture(view, made, fields, shapes, texts):
        return
    made.fields, made.spare = _text_kind(view, fields, texts)
    made.fallback = made.fields["kind"] == "section"


def _lose(made: Made, shapes: list[Shape]) -> None:
    for shape in shapes:
        made.lost.append((shape, "not brought over (an outline slide holds one figure)"))


def _table_text(shape: Shape, links: Links) -> list[tuple[str, ...]]:
    """The rows of a table too short to be one, each as its cells' texts."""
    rows = []
    for tr in shape.element.iter(qn("a:tr")):
        cells = [joined(paragraphs(body, links), " ") for body in tr.iter(qn("a:txBody"))]
        rows.append(tuple(cell for cell in cells if cell))
    return [row for row in rows if row]


def _number(view: View, texts: list[Shape]) -> Shape | None:
    """A text of one short number, set large (or on a layout named for a big number)."""
    named = normalised(view.layout) in _NAMES["number"]
    for shape in texts:
        if len(shape.paras) == 1 and _NUMBER.fullmatch(shape.paras[0].plain.strip()):
            if named or (shape.paras[0].size or 0) >= _BIG_PT:
                return shape
    return None


def _number_shapes(number: Shape, texts: list[Shape], view: View) -> list[Shape]:
    caption = _below(number, [t for t in texts if t is not number], view)
    others = [t for t in texts if t is not number and t is not caption]
    return [number, *([caption] if caption else []), *others]


def _number_fields(number: Shape, texts: list[Shape], view: View) -> dict[str, Any]:
    fields: dict[str, Any] = {"kind": "number", "number": number.paras[0].text.strip()}
    caption = _below(number, [t for t in texts if t is not number], view)
    if caption is not None:
        fields["caption"] = joined(caption.paras)
    details = [p for t in texts if t is not number and t is not caption for p in t.paras]
    if len(details) == 1:
        fields["details"] = details[0].text.strip()
    elif details:
        fields["details"] = [p.text.strip() for p in details]
    return fields


def _below(anchor: Shape, texts: list[Shape], view: View) -> Shape | None:
    """The nearest text under ``anchor`` and across the same part of the slide."""
    x, y, w, h = anchor.box
    gap = view.size[1] // 6
    found = [t for t in texts if y + h - gap // 4 <= t.box[1] <= y + h + gap
             and t.box[0] < x + w and t.box[0] + t.box[2] > x]
    return min(found, key=lambda t: t.box[1], default=None)


def _caption(fields: dict[str, Any], texts: list[Shape], figure: Shape) -> list[Shape]:
    """A short text box right under the figure becomes its caption."""
    under = [t for t in texts if t.ph_type is None and len(t.paras) <= 2]
    x, y, w, h = figure.box
    near = [t for t in under if y + h * 0.9 <= t.box[1] <= y + h + max(h // 3, 457200)
            and t.box[0] < x + w and t.box[0] + t.box[2] > x]
    if not near:
        return texts
    caption = min(near, key=lambda t: t.box[1])
    fields["caption"] = joined(caption.paras, " ")
    return [t for t in texts if t is not caption]


def _picture(view: View, made: Made, fields: dict[str, Any], shapes: list[Shape],
             texts: list[Shape]) -> bool:
    pictures = [s for s in shapes if s.what == "picture"]
    slide_area = view.size[0] * view.size[1]
    big = [p for p in pictures if p.area >= slide_area * SMALL]
    for shape in pictures:
        if shape not in big:
            made.lost.append((shape, "is small (a logo or an icon?) and not brought over"))
    usable = []
    for shape in sorted(big, key=lambda s: -s.area):
        data = figures.picture(shape.element, view.part)
        if isinstance(data, str):
            made.lost.append((shape, data))
        else:
            usable.append((shape, data))
    if not usable:
        return False
    (shape, data), rest = usable[0], usable[1:]
    _lose(made, [s for s, _ in rest])
    made.picture = (shape, data)
    fields["kind"] = "picture"
    body = [t for t in texts if t.ph_type is not None]
    texts = _caption(fields, texts, shape)
    if body:
        paras = [p for t in body for p in t.paras]
        fields["bullets"] = bullet_tree(paras)
        middle = sum(t.box[0] + t.box[2] // 2 for t in body) / len(body)
        if shape.box[0] + shape.box[2] / 2 < middle:
            fields["side"] = "left"
    made.fields, made.spare = fields, [t for t in texts if t not in body]
    return True


def _text_kind(view: View, fields: dict[str, Any], texts: list[Shape]
               ) -> tuple[dict[str, Any], list[Shape]]:
    body = [t for t in texts if t.ph_type is not None] or texts
    spare = [t for t in texts if t not in body]
    name = normalised(view.layout)
    if len(body) == 1:
        paras = body[0].paras
        quote = _quote(paras, name in _NAMES["quote"])
        if quote is not None:
            return {**fields, "kind": "quote", **quote}, spare
        plain = len(paras) == 1 and paras[0].bullet is False
        if name in _NAMES["statement"] or plain:
            return {**fields, "kind": "statement", "statement": joined(paras)}, spare
        if all(p.numbered and p.level == paras[0].level for p in paras):
            return {**fields, "kind": "agenda", "items": [p.text.strip() for p in paras]}, spare
    columns = _columns(body)
    if columns is not None:
        return {**fields, "kind": "columns", "columns": columns}, spare
    main = max(body, key=lambda t: t.area, default=None)
    if main is None:
        return {**fields, "kind": "section"}, spare
    ordered = [main, *(t for t in body if t is not main)]
    return {**fields, "kind": "bullets", "bullets": bullet_tree(main.paras)}, spare + ordered[1:]


def _quote(paras: list[Para], named: bool) -> dict[str, str] | None:
    if not paras:
        return None
    first = paras[0].plain.strip()
    if not (named or (first[:1] in _QUOTES and paras[0].bullet is False and len(paras) <= 3)):
        return None
    attribution = None
    if len(paras) > 1 and paras[-1].plain.strip().startswith(_DASHES):
        attribution = paras[-1].text.strip().lstrip("".join(_DASHES)).strip()
        paras = paras[:-1]
    quote = joined(paras)
    if quote.startswith("\u201c") and quote.endswith("\u201d"):
        quote = quote[1:-1]  # the marks yamldeck adds itself
    found = {"quote": quote}
    if attribution:
        found["attribution"] = attribution
    return found


def _columns(body: list[Shape]) -> list[dict[str, Any]] | None:
    """Two columns of text: each a content frame, with a one-line heading above it or not."""
    if len(body) < 2:
        return None
    columns: list[list[Shape]] = []
    for shape in sorted(body, key=lambda s: s.box[0]):
        column = next((c for c in columns if _overlap(c[0], shape) > 0.5), None)
        (column.append(shape) if column is not None else columns.append([shape]))
    if len(columns) != 2 or any(len(c) > 2 for c in columns):
        return None
    made = []
    for column in columns:
        column.sort(key=lambda s: s.box[1])
        item: dict[str, Any] = {}
        if len(column) == 2:
            if len(column[0].paras) != 1:
                return None
            item["heading"] = unbolded(column[0].paras[0]).text.strip()
        paras = column[-1].paras
        if len(paras) == 1 and paras[0].bullet is False:
            item["text"] = paras[0].text.strip()
        else:
            item["bullets"] = bullet_tree(paras)
        made.append(item)
    return made


def _overlap(a: Shape, b: Shape) -> float:
    """How much of the narrower of two shapes' widths they share."""
    left, right = max(a.box[0], b.box[0]), min(a.box[0] + a.box[2], b.box[0] + b.box[2])
    return max(0, right - left) / max(1, min(a.box[2], b.box[2]))
