"""Effective text styles of layout placeholders, resolved through layout, master and text styles."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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


@dataclass(frozen=True)
class FrameStyle:
    """What text measurement needs to know about a placeholder."""

    width_pt: float
    height_pt: float
    insets_pt: tuple[float, float, float, float]  # left, right, top, bottom
    levels: tuple[LevelStyle, ...]  # levels 1..9


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


def frame_style(layout_placeholder: Any, master: Any) -> FrameStyle:
    """Resolve the geometry and per-level text style a slide placeholder inherits."""
    sp = layout_placeholder._element
    ph_type = _ph_type(sp)
    master_sp = _master_placeholder(master, ph_type)
    styles = master._element.find(qn("p:txStyles"))
    style_name = "p:titleStyle" if ph_type in _TITLE_TYPES else (
        "p:otherStyle" if ph_type in ("ftr", "sldNum", "dt") else "p:bodyStyle")
    text_style = styles.find(qn(style_name)) if styles is not None else None
    lists = [_lst(sp), _lst(master_sp), text_style]
    levels = []
    for level in range(1, 10):
        chain = [_lvl(element, level) for element in lists]
        size = _first(chain, _sz, 18.0)
        levels.append(
            LevelStyle(
                size_pt=size,
                left_pt=_first(chain, lambda p: _emu_attr(p, "marL"), 0.0),
                indent_pt=_first(chain, lambda p: _emu_attr(p, "indent"), 0.0),
                space_before_pt=_first(chain, lambda p: _spc(p, "a:spcBef", size), 0.0),
                line_spacing=_first(chain, _line, 1.0),
                bold=_first(chain, _bold, False),
            )
        )
    width, height = _extent(sp, master_sp)
    return FrameStyle(width / EMU_PER_PT, height / EMU_PER_PT, _insets(sp, master_sp), tuple(levels))


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
            body = element.find(f"{qn('p:txBody')}/{qn('a:bodyPr')}") if element is not None else None
            if body is not None and body.get(name) is not None:
                value = int(body.get(name))
                break
        result.append(value / EMU_PER_PT)
    return result[0], result[1], result[2], result[3]
