"""The shapes of a built slide that show something no field of the record holds: its footer, an
agenda made from the slides' titles, a decorative picture's alt text, a chart's series names, a
diagram's alt text, and where pictures, charts, tables and diagrams sit. Each is recorded
(render/marks.py's slide_mark) as its shape id, a letter for what it is and digests of what it
shows, so that `import --into` names each one a colleague changed or deleted instead of
dropping the change in silence.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_C = "{http://schemas.openxmlformats.org/drawingml/2006/chart}"
_R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_SHAPES = (f"{_P}sp", f"{_P}pic", f"{_P}graphicFrame", f"{_P}grpSp")
_CNVPR = f"{_P}cNvPr"
_PH = f"{_P}nvSpPr/{_P}nvPr/{_P}ph"
_NUMBERED = ("sldNum", "dt")  # set by PowerPoint when slides move: not the outline's
_XFRMS = (f"{_P}spPr/{_A}xfrm", f"{_P}xfrm", f"{_P}grpSpPr/{_A}xfrm")  # a shape's own place
_LETTER = {f"{_P}pic": "p", f"{_P}grpSp": "g"}

FOOTER, PICTURE, CHART, TABLE, DIAGRAM, TEXT = "f", "p", "c", "t", "g", "x"
UNREAD = "?"  # the digest of a chart whose part cannot be read (named by the import already)


def short_hash(text: str) -> str:
    """8 characters of a hash of ``text`` (letters, digits, '-' and '_')."""
    raw = hashlib.blake2b(text.encode("utf-8"), digest_size=6).digest()
    return base64.urlsafe_b64encode(raw).decode("ascii")


Found = tuple[str, str, str, str]  # letter, name, digest of its words, digest of its look


def unmarked(element: Any, part: Any, fields: set[int]) -> dict[int, Found]:
    """By shape id: (letter, name, digest of its words, digest of its look) of every shape of
    the slide ``element`` (its part ``part``) but those whose ids are in ``fields`` (the shapes
    that show a field); text boxes with no text, the slide number and the date are left out.
    The look (place and size; a table's column widths, row heights and alignment) is recorded
    for pictures, charts, tables and diagrams: a text box's is the look of its words."""
    found: dict[int, Found] = {}
    for shape in element.iter(*_SHAPES):
        c_nv_pr = next(shape.iter(_CNVPR), None)
        if c_nv_pr is None or not c_nv_pr.get("id", "").isdigit():
            continue
        number = int(c_nv_pr.get("id"))
        if number in fields:
            continue
        letter, shown = _shown(shape, part)
        if letter == TEXT and not shown or letter == "":
            continue
        looks = "" if letter in (TEXT, FOOTER) else short_hash(_look(shape))
        code = UNREAD if shown is None else short_hash(shown + "\x00" + c_nv_pr.get("descr", ""))
        found[number] = (letter, c_nv_pr.get("name", ""), code, looks)
    return found


def shape_name(shape: Any) -> str:
    """A shape's name (its p:cNvPr, in its p:nvSpPr or p:nvPicPr), "" where it has none."""
    c_nv_pr = shape[0][0] if len(shape) and len(shape[0]) else None
    return c_nv_pr.get("name", "") if c_nv_pr is not None and c_nv_pr.tag == _CNVPR else ""


def entry(shapes: dict[int, Found]) -> str:
    """The record's text for them: ``5f.Ab3-x_9Q,7p.<words>.<look>`` (id, letter, digests)."""
    return ",".join(f"{number}{letter}.{code}" + (f".{looks}" if looks else "")
                    for number, (letter, _, code, looks) in shapes.items())


def parsed(text: str) -> dict[int, tuple[str, str, str]]:
    """The record's text back: by shape id, (letter, digest of its words, of its look)."""
    found = {}
    for token in text.split(","):
        head, _, codes = token.partition(".")
        code, _, looks = codes.partition(".")
        if len(head) > 1 and head[:-1].isdigit():
            found[int(head[:-1])] = (head[-1], code, looks)
    return found


def _look(shape: Any) -> str:
    """Where a shape sits and how big it is; a table's column widths, row heights and
    alignment."""
    xfrm = next((found for path in _XFRMS if (found := shape.find(path)) is not None), None)
    values = [] if xfrm is None else [f"{key}={value}" for child in xfrm
                                      for key, value in sorted(child.attrib.items())]
    table = next(shape.iter(f"{_A}tbl"), None) if shape.tag == f"{_P}graphicFrame" else None
    for tag, key in ((f"{_A}gridCol", "w"), (f"{_A}tr", "h"), (f"{_A}pPr", "algn")):
        values += [f"{key}={e.get(key)}" for e in (() if table is None else table.iter(tag))
                   if e.get(key) is not None]
    return " ".join(values)


def _shown(shape: Any, part: Any) -> tuple[str, str | None]:
    """What kind of shape it is ("" for the slide number and the date) and the words it shows."""
    if shape.tag in _LETTER:
        return _LETTER[shape.tag], ""
    if shape.tag == f"{_P}graphicFrame":
        chart = next(shape.iter(f"{_C}chart"), None)
        if chart is None:
            return TABLE, ""  # a table's cells are recorded as its rows
        return CHART, _chart_words(part, chart.get(_R_ID))
    ph = shape.find(_PH)
    kind = None if ph is None else ph.get("type")
    if kind in _NUMBERED:
        return "", ""
    return FOOTER if kind == "ftr" else TEXT, _words(shape)


def _words(element: Any) -> str:
    return "\n".join("".join(t.text or "" for t in p.iter(f"{_A}t"))
                     for p in element.iter(f"{_A}p"))


def _chart_words(part: Any, r_id: str | None) -> str | None:
    """A chart's series names (its numbers, categories and titles are fields of their own)."""
    try:
        chart_space = part.related_part(r_id)._element
    except (KeyError, AttributeError, TypeError):
        return None
    names = [" ".join(v.text or "" for v in tx.iter(f"{_C}v"))
             for ser in chart_space.iter(f"{_C}ser") for tx in ser.findall(f"{_C}tx")]
    return "\n".join(names)
