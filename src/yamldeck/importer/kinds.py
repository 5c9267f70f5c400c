"""Which kind a slide is, decided from its layout's name, its placeholders and its content.

In order: a title, section or closing slide (openings.py); a timeline or process yamldeck drew
(diagrams.py); a chart (with a big number: a number
slide); a table; a big number; a picture (beside bullets when there is body text); a quotation;
a statement; two columns (with headings when each column has a line above it); a numbered list
(an agenda); bullets. What a kind cannot hold is returned as spare text (to be kept elsewhere)
or as lost shapes (to be reported).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..render.layouts import normalised
from . import captions, figures, logos, openings
from .diagrams import read_diagram
from .shapes import FURNITURE, TITLES, Shape
from .texts import Links, Para, bullet_tree, joined, paragraphs, qn, unbolded

_QUOTES = "\"'\u201c\u2018\u00ab\u201e"
_DASHES = ("\u2014", "\u2013", "-", "~")
_NAMES = {"statement": ("statement", "main point", "big statement"),
          "quote": ("quote", "quotation")}
SMALL = 0.04  # pictures under this share of the slide never lead it: they follow it
HEADING_CHARS = 80  # a column's heading is a line, not a paragraph
_UNHELD = ("video", "audio", "embedded object", "ink drawing", "object")


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
    repeated: frozenset[str] = frozenset()  # sha1s of the deck's repeated pictures (logos)


@dataclass
class Found:
    """A figure of a slide, read: a chart's or table's keys, or a picture's image."""

    shape: Shape
    fields: dict[str, Any]
    picture: figures.PictureData | None = None

    @property
    def kind(self) -> str:
        return "picture" if self.picture else "table" if "rows" in self.fields else "chart"


@dataclass
class Made:
    """A slide's outline keys, and what of the slide they do not hold."""

    fields: dict[str, Any]
    spare: list[Shape] = field(default_factory=list)  # text to keep elsewhere (bullets, notes)
    lost: list[tuple[Shape, str]] = field(default_factory=list)  # shape, what became of it
    picture: tuple[Shape, figures.PictureData] | None = None  # to save as a file
    spare_paras: list[Para] = field(default_factory=list)  # text of figures (SmartArt)
    fallback: bool = False  # a slide with only a title, made a section slide on its layout
    follow: list[Found] = field(default_factory=list)  # figures for slides of their own


def make(view: View) -> Made:
    """The slide as outline keys (a picture's 'image' is filled in by the reader)."""
    titles = [s for s in view.shapes if s.ph_type in TITLES and s.paras]
    title_shape = min(titles, key=lambda s: s.order, default=None)
    title = joined(title_shape.paras) if title_shape else ""
    # A deck's further title placeholders (LibreOffice's designs have several) hold text too.
    shapes = [s for s in view.shapes if s is not title_shape and s.ph_type not in FURNITURE]
    texts = [s for s in shapes if s.is_text]
    made = Made({})
    for shape in shapes:
        if shape.what in _UNHELD:
            made.lost.append((shape, "not brought over (an outline cannot hold it)"))
    kind = openings.opening_kind(view.layout, shapes, view.first, view.last)
    if kind is not None:
        builder = {"title": openings.title_fields, "section": openings.section_fields,
                   "closing": openings.closing_fields}[kind]
        made.fields = builder(title, texts)
        date = next((s for s in view.shapes if s.ph_type == "dt" and s.paras), None)
        if kind == "title" and date is not None and "date" not in made.fields:
            made.fields["date"] = joined(date.paras, " ")
        for shape in shapes:
            if shape.what in ("table", "chart", "SmartArt"):
                made.lost.append((shape, "not brought over (an opening slide holds no figure)"))
        pictures: list[Found] = []  # an opening slide's pictures follow it, every one
        made.follow = pictures + _pictures(view, made, shapes, pictures)
        return made
    _content(view, made, title, shapes, texts)
    return made


def _content(view: View, made: Made, title: str, shapes: list[Shape], texts: list[Shape]
             ) -> None:
    diagram = read_diagram(shapes)
    if diagram is not None:  # a timeline or process yamldeck drew
        made.fields = {"title": title, **diagram[0]}
        made.spare = [t for t in texts if t not in diagram[1]]
        return
    for art in (s for s in shapes if s.what == "SmartArt"):
        made.spare_paras += figures.smartart(art.element, view.part, view.links)
        made.lost.append((art, "its text is kept as bullets"))
    found = _gather(view, made, shapes)
    number = captions.big_number(view.layout, texts)
    fields: dict[str, Any] = {"title": title}
    lead = found[0] if found else None
    if lead is not None and lead.kind == "chart" and number is not None:
        made.fields, _ = captions.number_fields(number, texts, view.size[1])
        made.fields = {**fields, **made.fields, **lead.fields}
    elif lead is not None and lead.kind in ("chart", "table"):
        made.fields = {**fields, "kind": lead.kind, **lead.fields}
        made.spare = captions.caption(made.fields, texts, lead.shape) if lead.kind == "chart" \
            else texts
    elif number is not None:
        numbered, _ = captions.number_fields(number, texts, view.size[1])
        made.fields, lead = {**fields, **numbered}, None
    elif lead is not None:
        _picture(made, fields, texts, lead)
    else:
        made.fields, made.spare = _text_kind(view, fields, texts)
        made.fallback = made.fields["kind"] == "section"
        for shape in texts:
            if shape.ph_type is None and shape not in made.spare:
                made.lost.append((shape, "its text is outside the layout's placeholders; it "
                                         f"is kept as the slide's {made.fields['kind']}"))
    made.follow = [f for f in found if f is not lead] + made.follow


def _gather(view: View, made: Made, shapes: list[Shape]) -> list[Found]:
    """The slide's charts, tables and pictures that can be figures of an outline, in that
    order (pictures largest first); the others are reported, their text kept."""
    found: list[Found] = []
    for shape in (s for s in shapes if s.what in ("chart", "table")):
        figure = _read(shape, view)
        if isinstance(figure, str):
            made.lost.append((shape, figure))
            made.spare_paras += [Para(" | ".join(row)) for row in _table_text(shape, view.links)]
            continue
        made.lost += [(shape, lost) for lost in figure.lost]
        chart = shape.what == "chart" and "rows" not in figure.fields
        found.append(Found(shape, {"chart": figure.fields} if chart else figure.fields))
    found.sort(key=lambda f: f.kind != "chart")
    made.follow = _pictures(view, made, shapes, found)
    return found


def _pictures(view: View, made: Made, shapes: list[Shape], found: list[Found]) -> list[Found]:
    """The slide's pictures, largest first, added to ``found`` (figures that may lead the
    slide); a small one beside other content (an icon) returned, to follow the slide. Those the
    deck repeats (``view.repeated``: logos) are left out, reported once by the reader."""
    follow: list[Found] = []
    slide_area = view.size[0] * view.size[1]
    pictures = sorted((s for s in shapes if s.what == "picture"), key=lambda s: -s.area)
    # A small picture is an icon beside the slide's content; alone, it is the content.
    alone = not found and not any(s.is_text and s.ph_type for s in shapes)
    for number, shape in enumerate(pictures):
        if logos.digest(shape.element, view.part) in view.repeated:
            continue
        data = figures.picture(shape.element, view.part)
        if isinstance(data, str):
            made.lost.append((shape, data))
            continue
        small = shape.area < slide_area * SMALL and not (alone and number == 0)
        (follow if small else found).append(Found(shape, {}, data))
    return follow


def _read(shape: Shape, view: View) -> figures.Figure | str:
    """A chart or table read, or why it cannot be (its part missing, or too few rows)."""
    try:
        figure = figures.chart(shape.element, view.part) if shape.what == "chart" else \
            figures.table(shape.element, view.links)
    except (KeyError, ValueError, IndexError, AttributeError, NotImplementedError):
        return "cannot be read (it is damaged or of a kind python-pptx does not know)"
    if figure is None or len(figure.fields.get("rows", "xx")) < 2:
        return "has fewer than two rows; its text is kept"
    return figure


def _table_text(shape: Shape, links: Links) -> list[tuple[str, ...]]:
    """The rows of a table too short to be one, each as its cells' texts."""
    rows = []
    for tr in shape.element.iter(qn("a:tr")):
        cells = [joined(paragraphs(body, links), " ") for body in tr.iter(qn("a:txBody"))]
        rows.append(tuple(cell for cell in cells if cell))
    return [row for row in rows if row]


def _picture(made: Made, fields: dict[str, Any], texts: list[Shape], lead: Found) -> None:
    """A picture slide: beside bullets when the slide has body text, with a caption under it."""
    shape = lead.shape
    assert lead.picture is not None
    made.picture = (shape, lead.picture)
    fields["kind"] = "picture"
    body = [t for t in texts if t.ph_type is not None]
    texts = captions.caption(fields, texts, shape)
    if body:
        fields["bullets"] = bullet_tree([p for t in body for p in t.paras])
        middle = sum(t.box[0] + t.box[2] // 2 for t in body) / len(body)
        if shape.box[0] + shape.box[2] / 2 < middle:
            fields["side"] = "left"
    made.fields, made.spare = fields, [t for t in texts if t not in body]


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
        paras = [p for shape in column for p in shape.paras]
        if len(column) == 2 and _heading(column[0], column[1]):
            item["heading"] = unbolded(column[0].paras[0]).text.strip()
            paras = column[1].paras
        if len(paras) == 1 and paras[0].bullet is False:
            item["text"] = paras[0].text.strip()
        else:
            item["bullets"] = bullet_tree(paras)
        made.append(item)
    return made


def _heading(top: Shape, content: Shape) -> bool:
    """A line above a column's content, shorter than it: the column's heading."""
    return len(top.paras) == 1 and len(top.paras[0].plain) <= HEADING_CHARS \
        and top.box[3] < content.box[3]


def _overlap(a: Shape, b: Shape) -> float:
    """How much of the narrower of two shapes' widths they share."""
    left, right = max(a.box[0], b.box[0]), min(a.box[0] + a.box[2], b.box[0] + b.box[2])
    return max(0, right - left) / max(1, min(a.box[2], b.box[2]))
