"""Placeholders on a slide and its layout, found by idx from the XML (python-pptx's way, faster)."""

from __future__ import annotations

from typing import Any

from pptx.oxml.ns import qn
from pptx.shapes.placeholder import (
    ChartPlaceholder,
    PicturePlaceholder,
    PlaceholderGraphicFrame,
    PlaceholderPicture,
    SlidePlaceholder,
    TablePlaceholder,
)
from pptx.shapes.shapetree import SlideShapeFactory

_SP, _T, _NV_PH = qn("p:sp"), qn("a:t"), f"{qn('p:nvPr')}/{qn('p:ph')}"
_GRAPHIC_FRAME, _PIC = qn("p:graphicFrame"), qn("p:pic")
_SHAPE_TAGS = frozenset(qn(f"p:{t}") for t in ("sp", "grpSp", "graphicFrame", "cxnSp", "pic",
                                               "contentPart"))


def slide_placeholder(slide: Any, idx: int) -> Any:
    """The first placeholder ``idx`` on ``slide`` (what slide.placeholders finds), or None.

    Read from the XML, without a python-pptx proxy and XPath per shape.
    """
    for element in slide.shapes._spTree.iterchildren():
        if element.tag in _SHAPE_TAGS:
            ph = _ph(element)
            if ph is not None and int(ph.get("idx", "0")) == idx:
                return _placeholder_proxy(element, slide.placeholders)
    return None


def remove_empty_placeholders(slide: Any) -> None:
    """Drop placeholders that got no text, so no 'Click to add text' shows."""
    # As python-pptx sees it: only a p:sp has a text frame, whose text is its a:t texts.
    for element in list(_placeholder_elements(slide.shapes._spTree)):
        if element.tag != _SP or not any(
            (t.text or "").strip() for t in element.iter(_T)
        ):
            element.getparent().remove(element)


def _ph(element: Any) -> Any:
    """The p:ph of a shape element (python-pptx: ./*[1]/p:nvPr/p:ph), or None."""
    return element[0].find(_NV_PH) if len(element) else None


# python-pptx's _SlidePlaceholderFactory, keyed by the p:ph type attribute ("obj" when absent).
_SP_PROXIES = {"clipArt": PicturePlaceholder, "chart": ChartPlaceholder, "pic": PicturePlaceholder,
               "tbl": TablePlaceholder}


def _placeholder_proxy(element: Any, parent: Any) -> Any:
    """What SlideShapeFactory gives for a placeholder element, without its two XPath calls."""
    if element.tag == _SP:
        return _SP_PROXIES.get(_ph(element).get("type", "obj"), SlidePlaceholder)(element, parent)
    if element.tag == _GRAPHIC_FRAME:
        return PlaceholderGraphicFrame(element, parent)
    if element.tag == _PIC:
        return PlaceholderPicture(element, parent)
    return SlideShapeFactory(element, parent)


_INHERITING = frozenset((SlidePlaceholder, ChartPlaceholder, PicturePlaceholder, TablePlaceholder))
_DIMENSIONS = ("left", "top", "width", "height")


def dimensions(shape: Any, layout: Any) -> tuple[Any, ...]:
    """(shape.left, .top, .width, .height) as python-pptx gives them on a slide of ``layout``.

    A slide placeholder without its own value takes the layout placeholder of its idx's, which
    python-pptx looks up per value (an XPath per layout shape); here from the per-layout index.
    """
    if type(shape) not in _INHERITING:
        return (shape.left, shape.top, shape.width, shape.height)
    element = shape._element
    own = (element.x, element.y, element.cx, element.cy)
    if all(value is not None for value in own):
        return own
    base = layout_placeholders(layout).get(element.ph_idx)
    return tuple(
        value if value is not None or base is None else getattr(base, name)
        for value, name in zip(own, _DIMENSIONS, strict=True)
    )


def _placeholder_elements(tree: Any) -> list[Any]:
    """The placeholder shape elements of a shape tree, in document order."""
    return [e for e in tree.iterchildren() if e.tag in _SHAPE_TAGS and _ph(e) is not None]


# Layout placeholders by idx, per layout element (kept alive here, so identity is a safe key):
# every slide on a layout asks for the same few.
_LAYOUT_PHS: dict[Any, dict[int, Any]] = {}
_LAYOUT_LIMIT = 256


def layout_placeholders(layout: Any) -> dict[int, Any]:
    found = _LAYOUT_PHS.get(layout._element)
    if found is None:
        found = {}
        for shape in layout.placeholders:  # the first of an idx wins, as a linear search does
            found.setdefault(shape.placeholder_format.idx, shape)
        if len(_LAYOUT_PHS) >= _LAYOUT_LIMIT:
            _LAYOUT_PHS.clear()
        _LAYOUT_PHS[layout._element] = found
    return found
