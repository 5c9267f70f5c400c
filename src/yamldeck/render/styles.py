"""Effective text styles of layout placeholders, resolved through layout, master and text styles."""

from __future__ import annotations

import weakref
from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

EMU_PER_PT = 12700
_TITLE_TYPES = {"title", "ctrTitle"}
_MASTER_TYPE = {"ctrTitle": "title", "subTitle": "body", "obj": "body", None: "body"}


@dataclass(frozen=True)
class LevelStyle:
    size_pt: float
    left_pt: float
    indent_pt: float
    space_before_pt: float
    line_spacing: float
    bold: bool
    align: str = "l"  # algn as inherited (l, ctr, r...)
    rtl: bool = False  # the style runs right to left


@dataclass(frozen=True)
class FrameStyle:
    """What text measurement needs to know about a placeholder."""

    width_pt: float
    height_pt: float
    insets_pt: tuple[float, float, float, float]  # left, right, top, bottom
    levels: tuple[LevelStyle, ...]  # levels 1..9
    # How much wider than Carlito the frame's font sets text: width_pt is the box's width
    # divided by it, so that Carlito's measurements wrap where the real font does.
    font_width: float = 1.0


def _ph_type(sp: Any) -> str | None:
    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return ph.get("type") if ph is not None else None


def _master_placeholder(master: Any, ph_type: str | None) -> Any:
    wanted = _MASTER_TYPE.get(ph_type, ph_type)
    for shape in master.placeholders:
        sp = shape._element
        if _MASTER_TYPE.get(_ph_type(sp), _ph_type(sp)) == wanted:
            return sp
    return None


def _lvl(element: Any, level: int) -> Any:
    if element is None:
        return None
    return element.find(qn(f"a:lvl{level}pPr"))


def _first(chain: list[Any], getter: Any, default: Any) -> Any:
    for element in chain:
        if element is None:
            continue
        value = getter(element)
        if value is not None:
            return value
    return default


def _flag(value: str | None) -> bool | None:
    return None if value is None else value in ("1", "true")


def _sz(p: Any) -> Any:
    r = p.find(qn("a:defRPr"))
    return int(r.get("sz")) / 100 if r is not None and r.get("sz") else None


def _bold(p: Any) -> Any:
    r = p.find(qn("a:defRPr"))
    return r.get("b") in ("1", "true") if r is not None and r.get("b") is not None else None


def _spc(p: Any, name: str, size: float) -> Any:
    spc = p.find(qn(name))
    if spc is None:
        return None
    pts = spc.find(qn("a:spcPts"))
    if pts is not None:
        return int(pts.get("val")) / 100
    pct = spc.find(qn("a:spcPct"))
    return int(pct.get("val")) / 100000 * size * 1.2 if pct is not None else None


def _line(p: Any) -> Any:
    spc = p.find(qn("a:lnSpc"))
    pct = spc.find(qn("a:spcPct")) if spc is not None else None
    return int(pct.get("val")) / 100000 if pct is not None else None


# Resolved styles by layout placeholder element (kept alive here, so identity is a safe key):
# a deck asks for the same few placeholders' styles on every slide.
_RESOLVED: dict[Any, tuple[Any, FrameStyle]] = {}
_RESOLVED_LIMIT = 512


def frame_style(layout_placeholder: Any, master: Any) -> FrameStyle:
    """Resolve the geometry and per-level text style a slide placeholder inherits."""
    sp = layout_placeholder._element
    found = _RESOLVED.get(sp)
    if found is not None and found[0] is master._element:
        return found[1]
    style = _resolve(sp, master)
    if len(_RESOLVED) >= _RESOLVED_LIMIT:
        _RESOLVED.clear()
    _RESOLVED[sp] = (master._element, style)
    return style


def _resolve(sp: Any, master: Any) -> FrameStyle:
    ph_type = _ph_type(sp)
    master_sp = _master_placeholder(master, ph_type)
    styles = master._element.find(qn("p:txStyles"))
    style_name = "p:titleStyle" if ph_type in _TITLE_TYPES else (
        "p:otherStyle" if ph_type in ("ftr", "sldNum", "dt") else "p:bodyStyle")
    text_style = styles.find(qn(style_name)) if styles is not None else None
    lists = [_lst(sp), _lst(master_sp), text_style]
    lists.append(_default_style(master))
    levels = []
    for level in range(1, 10):
        chain = [_lvl(element, level) for element in lists]
        size = _first(chain, _sz, 18.0)
        levels.append(
            LevelStyle(
                size_pt=size,
                left_pt=_first(chain, lambda p: _emu_attr(p, "marL"), 0.0),
                indent_pt=_first(chain, lambda p: _emu_attr(p, "indent"), 0.0),
                # Space after a paragraph is measured as space before the next (see
                # slots.finish, which writes it so on a template's frames).
                space_before_pt=_first(chain, lambda p, size=size: _spc(p, "a:spcBef", size), 0.0)
                + _first(chain, lambda p, size=size: _spc(p, "a:spcAft", size), 0.0),
                line_spacing=_first(chain, _line, 1.0),
                bold=_first(chain, _bold, False),
                align=_first(chain, lambda p: p.get("algn"), "l"),
                rtl=_first(chain, lambda p: _flag(p.get("rtl")), False),
            )
        )
    width, height = _extent(sp, master_sp)
    first = [_lvl(element, 1) for element in lists]
    wide = width_factor(_typeface(first, master, ph_type in _TITLE_TYPES), levels[0].bold)
    return FrameStyle(width / EMU_PER_PT / wide, height / EMU_PER_PT, _insets(sp, master_sp),
                      tuple(levels), wide)


# How much wider than Carlito (Calibri), whose metrics measure all text, each font sets the same
# words (regular, bold), measured on the MTCR outline's text. Other fonts count as DejaVu Sans,
# which LibreOffice draws in their place when it does not have them.
FONT_WIDTHS = {
    "calibri": (1.0, 1.0), "carlito": (1.0, 1.0),
    "arial": (1.10, 1.16), "liberation sans": (1.10, 1.16), "arimo": (1.10, 1.16),
    "helvetica": (1.10, 1.16), "helvetica neue": (1.10, 1.16),
    "times new roman": (1.0, 1.0), "liberation serif": (1.0, 1.0), "tinos": (1.0, 1.0),
    "cambria": (1.01, 1.01), "caladea": (1.01, 1.01),
    "dejavu sans": (1.25, 1.38), "verdana": (1.25, 1.38), "dejavu serif": (1.27, 1.4),
    "courier new": (1.49, 1.49), "liberation mono": (1.49, 1.49),
}
UNKNOWN_FONT = (1.25, 1.38)


def width_factor(typeface: str, bold: bool) -> float:
    regular, heavy = FONT_WIDTHS.get(typeface.strip().lower(), UNKNOWN_FONT)
    return heavy if bold else regular


def body_font_width(master: Any) -> float:
    """width_factor of the theme's body font, which text boxes (not placeholders) are set in."""
    return theme_font_width(master, bold=False)


def theme_font_width(master: Any, *, bold: bool) -> float:
    """width_factor() of the body font of ``master``'s theme (text set in '+mn-lt')."""
    return width_factor(_theme_fonts(master)[1], bold)


def _typeface(chain: list[Any], master: Any, title: bool) -> str:
    """The font level-1 text of this placeholder is set in (theme fonts resolved)."""
    face = _first(chain, _latin, None)
    major, minor = _theme_fonts(master)
    if face is None or face == "+mn-lt":
        return major if title and face is None else minor
    return major if face == "+mj-lt" else face


def _latin(p: Any) -> Any:
    latin = p.find(f"{qn('a:defRPr')}/{qn('a:latin')}")
    return latin.get("typeface") or None if latin is not None else None


_THEME_FONTS: weakref.WeakKeyDictionary[Any, tuple[str, str]] = weakref.WeakKeyDictionary()
_FONT_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)


def _theme_fonts(master: Any) -> tuple[str, str]:
    """(heading, body) fonts of the master's theme; Calibri when it names none."""
    try:
        part = master.part.part_related_by(RT.THEME)
    except KeyError:
        return "Calibri", "Calibri"
    if part not in _THEME_FONTS:
        fonts = ["Calibri", "Calibri"]
        try:
            root = etree.fromstring(part.blob, _FONT_PARSER)
        except etree.XMLSyntaxError:
            root = None
        for i, name in enumerate(("majorFont", "minorFont")):
            latin = root.find(f".//{qn('a:' + name)}/{qn('a:latin')}") if root is not None else None
            if latin is not None and latin.get("typeface"):
                fonts[i] = latin.get("typeface")
        _THEME_FONTS[part] = (fonts[0], fonts[1])
    return _THEME_FONTS[part]


def _default_style(master: Any) -> Any:
    """The presentation's default text style (the last word on sizes and spacing)."""
    presentation = master.part.package.presentation_part._element
    return presentation.find(qn("p:defaultTextStyle"))


def _lst(sp: Any) -> Any:
    if sp is None:
        return None
    return sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}")


def _emu_attr(p: Any, name: str) -> Any:
    value = p.get(name)
    return int(value) / EMU_PER_PT if value is not None else None


def _extent(sp: Any, master_sp: Any) -> tuple[int, int]:
    for element in (sp, master_sp):
        if element is None:
            continue
        ext = element.find(f"{qn('p:spPr')}/{qn('a:xfrm')}/{qn('a:ext')}")
        if ext is not None:
            return int(ext.get("cx")), int(ext.get("cy"))
    return 0, 0


def _insets(sp: Any, master_sp: Any) -> tuple[float, float, float, float]:
    defaults = {"lIns": 91440, "rIns": 91440, "tIns": 45720, "bIns": 45720}
    result = []
    for name, default in defaults.items():
        value = default
        for element in (sp, master_sp):
            if element is None:
                continue
            body = element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}")
            if body is not None and body.get(name) is not None:
                value = int(body.get(name))
                break
        result.append(value / EMU_PER_PT)
    return result[0], result[1], result[2], result[3]
