"""What is on a slide: its shapes by what they are, where they are, and the text they hold.

Read from the slide's XML, in reading order (top to bottom, then left to right), groups opened
up, alternate content (mc:AlternateContent) read as its first choice. A placeholder's box comes
from the slide, else from its layout (by idx, then type), else from the master (by type).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .texts import Links, Para, paragraphs, qn

Box = tuple[int, int, int, int]  # left, top, width, height in EMU
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_URIS = {
    "http://schemas.openxmlformats.org/drawingml/2006/table": "table",
    "http://schemas.openxmlformats.org/drawingml/2006/chart": "chart",
    "http://schemas.openxmlformats.org/drawingml/2006/diagram": "SmartArt",
    "http://schemas.openxmlformats.org/presentationml/2006/ole": "embedded object",
}
_MEDIA = {"videoFile": "video", "quickTimeFile": "video", "audioFile": "audio",
          "wavAudioFile": "audio", "audioCd": "audio"}
FURNITURE = ("dt", "ftr", "sldNum")
TITLES = ("title", "ctrTitle")


@dataclass
class Shape:
    """One shape of a slide: what it is, its name, box and text."""

    what: str  # placeholder, text box, shape, picture, table, chart, SmartArt, video, ...
    name: str
    element: Any
    box: Box
    ph_type: str | None = None  # for a placeholder: title, ctrTitle, subTitle, body, obj, pic...
    paras: list[Para] = field(default_factory=list)
    anchor: str | None = None  # the text's vertical anchor (t, ctr, b) where the shape says
    group: str | None = None  # the group it sits in
    order: int = 0  # its place in the slide's XML (python-pptx's order: the first title wins)

    @property
    def label(self) -> str:
        inside = f" in group '{self.group}'" if self.group else ""
        return f"{self.what} '{self.name}'{inside}"

    @property
    def area(self) -> int:
        return self.box[2] * self.box[3]

    @property
    def is_text(self) -> bool:
        return bool(self.paras) and self.what in ("placeholder", "text box", "shape")


class Boxes:
    """Boxes of placeholders as a slide's layout and master place them (cached per layout)."""

    def __init__(self) -> None:
        self._layouts: dict[int, tuple[dict[str, Box], dict[str, Box]]] = {}

    def inherited(self, layout: Any, ph: Any) -> Box:
        by_idx, by_type = self._of(layout)
        kind = ph.get("type") or "obj"
        return by_idx.get(ph.get("idx") or "0") or by_type.get(kind) or by_type.get(
            "body" if kind in ("obj", "subTitle") else "title" if kind == "ctrTitle" else kind
        ) or (0, 0, 0, 0)

    def _of(self, layout: Any) -> tuple[dict[str, Box], dict[str, Box]]:
        key = id(layout.part)
        if key not in self._layouts:
            by_idx: dict[str, Box] = {}
            by_type: dict[str, Box] = {}
            for owner in (layout.slide_master._element, layout._element):  # the layout wins
                for sp in owner.iter(qn("p:sp")):
                    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
                    box = own_box(sp)
                    if ph is None or box is None:
                        continue
                    by_type[ph.get("type") or "obj"] = box
                    if owner is layout._element:
                        by_idx[ph.get("idx") or "0"] = box
            self._layouts[key] = (by_idx, by_type)
        return self._layouts[key]


def own_box(element: Any) -> Box | None:
    """The box an element's own a:xfrm (or p:xfrm) gives, None when it has none."""
    for path in (f"{qn('p:spPr')}/{qn('a:xfrm')}", qn("p:xfrm"),
                 f"{qn('p:grpSpPr')}/{qn('a:xfrm')}"):
        xfrm = element.find(path)
        if xfrm is not None:
            off, ext = xfrm.find(qn("a:off")), xfrm.find(qn("a:ext"))
            if off is not None and ext is not None:
                try:
                    return (int(off.get("x")), int(off.get("y")), int(ext.get("cx")),
                            int(ext.get("cy")))
                except (TypeError, ValueError):
                    return None
    return None


def slide_shapes(slide: Any, links: Links, boxes: Boxes, height: int) -> list[Shape]:
    """Every shape of ``slide`` (groups opened), in reading order (``height``: the slide's)."""
    tree = slide._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    found = _walk(tree, slide.slide_layout, links, boxes, None) if tree is not None else []
    for order, shape in enumerate(found):
        shape.order = order
    return reading_order(found, height)


def reading_order(shapes: list[Shape], height: Any) -> list[Shape]:
    """Top to bottom, then left to right: shapes whose tops are within a 25th of the slide's
    height of each other are read as one row."""
    band = max(1, int(height or 6858000) // 25)
    return sorted(shapes, key=lambda s: (s.box[1] // band, s.box[0], s.box[1]))


def _walk(tree: Any, layout: Any, links: Links, boxes: Boxes, group: str | None,
          transform: Any = None) -> list[Shape]:
    found: list[Shape] = []
    for element in tree:
        if element.tag == f"{_MC}AlternateContent":
            choice = element.find(f"{_MC}Choice")
            element = next(iter(choice), None) if choice is not None and len(choice) else None
            if element is None:
                continue
        if element.tag == qn("p:grpSp"):
            name = _name(element)
            inner = _walk(element, layout, links, boxes, name, _group_transform(element))
            for shape in inner:
                shape.group = shape.group or name
                if transform is not None:
                    shape.box = transform(shape.box)
            found += inner
            continue
        shape = _shape(element, layout, links, boxes)
        if shape is not None:
            if transform is not None:
                shape.box = transform(shape.box)
            shape.group = group
            found.append(shape)
    return found


def _shape(element: Any, layout: Any, links: Links, boxes: Boxes) -> Shape | None:
    tag = element.tag
    name = _name(element)
    box = own_box(element)
    if tag == qn("p:sp"):
        ph = element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        body = element.find(qn("p:txBody"))
        paras = paragraphs(body, links) if body is not None else []
        body_pr = body.find(qn("a:bodyPr")) if body is not None else None
        anchor = body_pr.get("anchor") if body_pr is not None else None
        if ph is not None:
            return Shape("placeholder", name, element, box or boxes.inherited(layout, ph),
                         ph.get("type") or "obj", paras, anchor)
        text_box = element.find(f"{qn('p:nvSpPr')}/{qn('p:cNvSpPr')}")
        what = "text box" if text_box is not None and text_box.get("txBox") in ("1", "true") \
            else "shape"
        return Shape(what, name, element, box or (0, 0, 0, 0), None, paras, anchor)
    if tag == qn("p:pic"):
        nv_pr = element.find(f"{qn('p:nvPicPr')}/{qn('p:nvPr')}")
        what = _media(nv_pr) or "picture"
        ph = nv_pr.find(qn("p:ph")) if nv_pr is not None else None
        if box is None and ph is not None:
            box = boxes.inherited(layout, ph)
        return Shape(what, name, element, box or (0, 0, 0, 0), ph.get("type") if ph is not None
                     else None)
    if tag == qn("p:graphicFrame"):
        data = element.find(f"{qn('a:graphic')}/{qn('a:graphicData')}")
        what = _URIS.get(data.get("uri", "") if data is not None else "", "object")
        return Shape(what, name, element, box or (0, 0, 0, 0))
    if tag == qn("p:contentPart"):
        return Shape("ink drawing", name or "ink", element, box or (0, 0, 0, 0))
    return None  # connectors and the tree's own properties: nothing to read


def _media(nv_pr: Any) -> str | None:
    if nv_pr is None:
        return None
    for child in nv_pr:
        local = child.tag.rsplit("}", 1)[-1]
        if local in _MEDIA:
            return _MEDIA[local]
    for ext in nv_pr.iter(qn("p:ext")):
        if any(child.tag.endswith("}media") for child in ext):
            return "video"
    return None


def _name(element: Any) -> str:
    for c_nv_pr in element.iter(qn("p:cNvPr")):
        return c_nv_pr.get("name") or f"shape {c_nv_pr.get('id', '')}".strip()
    return "shape"


def _group_transform(group: Any) -> Any:
    """Child coordinates of a group to the slide's (a:chOff/a:chExt to a:off/a:ext)."""
    xfrm = group.find(f"{qn('p:grpSpPr')}/{qn('a:xfrm')}")
    parts = [xfrm.find(qn(f"a:{tag}")) if xfrm is not None else None
             for tag in ("off", "ext", "chOff", "chExt")]
    if any(part is None for part in parts):
        return None
    off, ext, ch_off, ch_ext = parts
    try:
        ox, oy = int(off.get("x")), int(off.get("y"))
        cx, cy = int(ext.get("cx")), int(ext.get("cy"))
        hx, hy = int(ch_off.get("x")), int(ch_off.get("y"))
        hw, hh = max(1, int(ch_ext.get("cx"))), max(1, int(ch_ext.get("cy")))
    except (TypeError, ValueError):
        return None

    def transform(box: Box) -> Box:
        x, y, w, h = box
        return (ox + (x - hx) * cx // hw, oy + (y - hy) * cy // hh, w * cx // hw, h * cy // hh)

    return transform
