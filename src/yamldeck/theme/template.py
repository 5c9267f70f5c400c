"""Draws the built-in 16:9 template (theme, master, layouts) as XML, reproducibly, from a spec."""

from __future__ import annotations

import functools
import io
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import quoteattr

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.parts.slide import SlideLayoutPart

from .spec import ThemeSpec, inches

SLIDE_W, SLIDE_H = inches(13.333333), inches(7.5)
MARGIN = inches(0.6)
CONTENT_W = SLIDE_W - 2 * MARGIN
NS = (
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"'
)


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int


# Where things sit on light content slides (shared by master and layouts).
TITLE_BOX = Box(MARGIN, inches(0.3), CONTENT_W, inches(1.1))
RULE_BOX = Box(MARGIN, inches(1.47), inches(0.9), inches(0.06))
BODY_BOX = Box(MARGIN, inches(1.75), CONTENT_W, inches(4.85))
FOOTER_BOX = Box(MARGIN, inches(6.86), inches(9.0), inches(0.4))
NUMBER_BOX = Box(SLIDE_W - MARGIN - inches(1.2), inches(6.86), inches(1.2), inches(0.4))
HAIRLINE_BOX = Box(MARGIN, inches(6.8), CONTENT_W, 0)
GUTTER = inches(0.5)
COLUMN_W = (CONTENT_W - GUTTER) // 2

LAYOUT_NAMES = {
    "title": "Title Slide",
    "bullets": "Title and Content",
    "section": "Section Header",
    "columns": "Two Content",
    "comparison": "Comparison",
    "statement": "Statement",
    "number": "Big Number",
    "closing": "Closing",
    "picture": "Picture",
    "quote": "Quote",
    "number_chart": "Big Number and Chart",
    # Kinds drawn into the frames of layouts above (as PowerPoint puts tables, charts and
    # pictures into content placeholders).
    "picture_text": "Two Content",
    "table": "Title and Content",
    "chart": "Title and Content",
    "agenda": "Title and Content",
}


def build_template(spec: ThemeSpec) -> bytes:
    """The template package for ``spec`` (cached: drawing it once per theme is enough)."""
    return _build(spec)


@functools.lru_cache(maxsize=8)
def _build(spec: ThemeSpec) -> bytes:
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    master_part = prs.slide_masters[0].part
    theme_part = master_part.part_related_by(RT.THEME)
    theme_part._blob = _theme_xml(spec).encode("utf-8")
    layout_parts = [layout.part for layout in prs.slide_masters[0].slide_layouts]
    layouts = {**_layouts(spec), **_rich_layouts(spec)}
    while len(layout_parts) < len(layouts):  # python-pptx's template has 11 layouts
        layout_parts.append(_new_layout_part(master_part, len(layout_parts) + 1))
    rids = []
    for part, xml in zip(layout_parts, layouts.values(), strict=False):
        part._element = parse_xml(xml.encode("utf-8"))
        rids.append(next(r.rId for r in master_part.rels.values() if r.target_part is part))
    master_part._element = parse_xml(_master_xml(spec, rids).encode("utf-8"))
    for rel in list(master_part.rels.values()):
        if rel.reltype == RT.SLIDE_LAYOUT and rel.rId not in rids:
            master_part.drop_rel(rel.rId)
    prs.core_properties.title = ""
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _new_layout_part(master_part: Any, number: int) -> Any:
    """An empty layout part related to the master both ways (its XML is set by the caller)."""
    partname = PackURI(f"/ppt/slideLayouts/slideLayout{number}.xml")
    part = SlideLayoutPart(
        partname,
        CT.PML_SLIDE_LAYOUT,
        master_part.package,
        parse_xml(_layout("", "blank", "").encode("utf-8")),
    )
    part.relate_to(master_part, RT.SLIDE_MASTER)
    master_part.relate_to(part, RT.SLIDE_LAYOUT)
    return part


def _fill(color: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'


def _scheme_fill(name: str) -> str:
    return f'<a:solidFill><a:schemeClr val="{name}"/></a:solidFill>'


def _xfrm(box: Box) -> str:
    return f'<a:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></a:xfrm>'


def _font(face: str) -> str:
    return f"<a:latin typeface={quoteattr(face)}/>"


def _level(
    lvl: int,
    size: int,
    color: str,
    *,
    bold: bool = False,
    bullet: str | None = None,
    bullet_color: str | None = None,
    mar_l: int = 0,
    indent: int = 0,
    before: int = 0,
    align: str = "l",
    line: int = 100,
    face: str = "+mn-lt",
) -> str:
    """One ``a:lvlNpPr``: paragraph layout, bullet and default run properties."""
    bu = "<a:buNone/>"
    if bullet:
        bu = (
            f'<a:buClr><a:srgbClr val="{bullet_color or color}"/></a:buClr>'
            f'<a:buFont typeface="Arial"/><a:buChar char={quoteattr(bullet)}/>'
        )
    b = ' b="1"' if bold else ' b="0"'
    return (
        f'<a:lvl{lvl}pPr marL="{mar_l}" indent="{indent}" algn="{align}">'
        f'<a:lnSpc><a:spcPct val="{line * 1000}"/></a:lnSpc>'
        f'<a:spcBef><a:spcPts val="{before * 100}"/></a:spcBef>'
        '<a:spcAft><a:spcPts val="0"/></a:spcAft>'
        f"{bu}"
        f'<a:defRPr sz="{size * 100}"{b}>{_fill(color)}<a:latin typeface="{face}"/></a:defRPr>'
        f"</a:lvl{lvl}pPr>"
    )


def body_levels(spec: ThemeSpec) -> list[tuple[int, int, int]]:
    """(size pt, left margin EMU, hanging indent EMU) for bullet levels 1..9."""
    sizes = list(spec.body_pt) + [spec.body_pt[-1]] * 6
    return [(sizes[i], inches(0.35 + 0.4 * i), -inches(0.3)) for i in range(9)]


BULLET_CHARS = ["\u2022", "\u2013", "\u25aa"] * 3
SPACE_BEFORE = [12, 6, 4] + [4] * 6


def _body_style(spec: ThemeSpec) -> str:
    levels = []
    for i, (size, mar_l, indent) in enumerate(body_levels(spec)):
        levels.append(
            _level(
                i + 1,
                size,
                spec.text,
                bullet=BULLET_CHARS[i],
                bullet_color=spec.accent,
                mar_l=mar_l,
                indent=indent,
                before=SPACE_BEFORE[i],
            )
        )
    return "".join(levels)


def _plain(
    size: int,
    color: str,
    *,
    bold: bool = False,
    before: int = 0,
    align: str = "l",
    line: int = 100,
    face: str = "+mn-lt",
) -> str:
    """A list style for text without bullets (every level the same)."""
    return "".join(
        _level(i, size, color, bold=bold, before=before, align=align, line=line, face=face)
        for i in range(1, 10)
    )


def _placeholder(
    shape_id: int,
    name: str,
    ph: str,
    box: Box,
    *,
    lst: str = "",
    anchor: str = "t",
    prompt: str = "Click to edit text",
    columns: int = 1,
    autofit: str = "",
) -> str:
    cols = f' numCol="{columns}" spcCol="{inches(0.3)}"' if columns > 1 else ""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f"<p:spPr>{_xfrm(box)}</p:spPr>"
        f'<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="0" tIns="45720" rIns="0" '
        f'bIns="45720" anchor="{anchor}" rtlCol="0"{cols}>{autofit or "<a:noAutofit/>"}</a:bodyPr>'
        f"<a:lstStyle>{lst}</a:lstStyle><a:p>{_prompt_run(prompt)}</a:p></p:txBody></p:sp>"
    )


def _prompt_run(prompt: str) -> str:
    """Prompt text; the slide-number prompt is a real field so every viewer shows the number."""
    if prompt == "‹#›":
        return (
            '<a:fld id="{5C1B6B61-3F0A-4F1E-9F3B-9D2C1A7E0001}" type="slidenum">'
            '<a:rPr lang="en-GB"/><a:t>‹#›</a:t></a:fld>'
        )
    return f'<a:r><a:rPr lang="en-GB"/><a:t>{prompt}</a:t></a:r>'


def _rect(shape_id: int, name: str, box: Box, color: str) -> str:
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvSpPr/>'
        '<p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{_fill(color)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def _line(shape_id: int, name: str, box: Box, color: str) -> str:
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvCxnSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvCxnSpPr><p:spPr>{_xfrm(box)}'
        '<a:prstGeom prst="line"><a:avLst/>'
        f'</a:prstGeom><a:ln w="9525">{_fill(color)}</a:ln></p:spPr></p:cxnSp>'
    )


_GROUP = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
    '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)


def _bg(color: str) -> str:
    return f"<p:bg><p:bgPr>{_fill(color)}<a:effectLst/></p:bgPr></p:bg>"


def _footer_shapes(spec: ThemeSpec, first_id: int) -> str:
    small = _plain(12, spec.muted)
    right = _plain(12, spec.muted, align="r")
    return (
        _line(first_id, "Footer rule", HAIRLINE_BOX, spec.hairline)
        + _placeholder(
            first_id + 1,
            "Footer Placeholder",
            '<p:ph type="ftr" sz="quarter" idx="11"/>',
            FOOTER_BOX,
            lst=small,
            anchor="ctr",
            prompt="Footer",
        )
        + _placeholder(
            first_id + 2,
            "Slide Number Placeholder",
            '<p:ph type="sldNum" sz="quarter" idx="12"/>',
            NUMBER_BOX,
            lst=right,
            anchor="ctr",
            prompt="‹#›",
        )
    )


def _layout(name: str, kind: str, shapes: str, *, background: str | None = None) -> str:
    bg = _bg(background) if background else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<p:sldLayout {NS} type="{kind}" preserve="1">'
        f"<p:cSld name={quoteattr(name)}>{bg}<p:spTree>{_GROUP}{shapes}</p:spTree></p:cSld>"
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


def _title_ph(
    spec: ThemeSpec,
    box: Box = TITLE_BOX,
    *,
    size: int | None = None,
    color: str | None = None,
    anchor: str = "b",
    ph: str = '<p:ph type="title"/>',
) -> str:
    lst = _level(1, size or spec.title_pt, color or spec.primary, bold=True, line=90, face="+mj-lt")
    return _placeholder(2, "Title", ph, box, lst=lst, anchor=anchor, prompt="Click to edit title")


def _content_frame(spec: ThemeSpec) -> str:
    return _title_ph(spec) + _rect(3, "Title rule", RULE_BOX, spec.accent)


def _dark_opening(spec: ThemeSpec, title_box: Box, rule_y: float, size: int) -> str:
    return _title_ph(
        spec,
        title_box,
        size=size,
        color=spec.on_dark,
        ph='<p:ph type="ctrTitle"/>' if size == 44 else '<p:ph type="title"/>',
    ) + _rect(
        3, "Title rule", Box(inches(0.9), inches(rule_y), inches(1.2), inches(0.08)), spec.highlight
    )


def _layouts(spec: ThemeSpec) -> dict[str, str]:
    left = Box(MARGIN, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
    right = Box(MARGIN + COLUMN_W + GUTTER, BODY_BOX.y, COLUMN_W, BODY_BOX.h)
    head_h = inches(0.6)
    body_ph = '<p:ph idx="1"/>'
    wide = inches(11.5)
    xml = {}
    xml["title"] = _layout(
        LAYOUT_NAMES["title"],
        "title",
        _dark_opening(spec, Box(inches(0.9), inches(1.5), wide, inches(2.3)), 3.95, 44)
        + _placeholder(
            4,
            "Subtitle",
            '<p:ph type="subTitle" idx="1"/>',
            Box(inches(0.9), inches(4.2), wide, inches(0.75)),
            lst=_plain(24, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        )
        + _placeholder(
            5,
            "Presenter",
            '<p:ph type="body" sz="quarter" idx="13"/>',
            Box(inches(0.9), inches(5.05), wide, inches(1.3)),
            lst=_plain(18, spec.on_dark),
            prompt="Presenter",
        ),
        background=spec.primary,
    )
    xml["bullets"] = _layout(
        LAYOUT_NAMES["bullets"],
        "obj",
        _content_frame(spec)
        + _placeholder(4, "Content", body_ph, BODY_BOX)
        + _footer_shapes(spec, 5),
    )
    xml["section"] = _layout(
        LAYOUT_NAMES["section"],
        "secHead",
        _dark_opening(spec, Box(inches(0.9), inches(1.9), wide, inches(2.0)), 4.05, 40)
        + _placeholder(
            4,
            "Section subtitle",
            '<p:ph type="body" idx="1"/>',
            Box(inches(0.9), inches(4.3), wide, inches(1.2)),
            lst=_plain(22, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        ),
        background=spec.primary,
    )
    xml["columns"] = _layout(
        LAYOUT_NAMES["columns"],
        "twoObj",
        _content_frame(spec)
        + _placeholder(4, "Left content", '<p:ph sz="half" idx="1"/>', left)
        + _placeholder(5, "Right content", '<p:ph sz="half" idx="2"/>', right)
        + _footer_shapes(spec, 6),
    )
    heading = _plain(22, spec.primary, bold=True)
    below = Box(0, BODY_BOX.y + head_h + inches(0.1), COLUMN_W, BODY_BOX.h - head_h - inches(0.1))
    xml["comparison"] = _layout(
        LAYOUT_NAMES["comparison"],
        "twoTxTwoObj",
        _content_frame(spec)
        + _placeholder(
            4,
            "Left heading",
            '<p:ph type="body" sz="quarter" idx="3"/>',
            Box(left.x, left.y, COLUMN_W, head_h),
            lst=heading,
            anchor="b",
        )
        + _placeholder(
            5,
            "Left content",
            '<p:ph sz="quarter" idx="1"/>',
            Box(left.x, below.y, COLUMN_W, below.h),
        )
        + _placeholder(
            6,
            "Right heading",
            '<p:ph type="body" sz="quarter" idx="4"/>',
            Box(right.x, right.y, COLUMN_W, head_h),
            lst=heading,
            anchor="b",
        )
        + _placeholder(
            7,
            "Right content",
            '<p:ph sz="quarter" idx="2"/>',
            Box(right.x, below.y, COLUMN_W, below.h),
        )
        + _footer_shapes(spec, 8),
    )
    xml["statement"] = _layout(
        LAYOUT_NAMES["statement"],
        "obj",
        _content_frame(spec)
        + _rect(
            4,
            "Statement bar",
            Box(inches(0.9), inches(2.35), inches(0.09), inches(3.4)),
            spec.accent,
        )
        + _placeholder(
            5,
            "Statement",
            '<p:ph type="body" idx="1"/>',
            Box(inches(1.3), inches(2.05), inches(10.6), inches(4.0)),
            lst=_plain(36, spec.primary, line=100),
            anchor="ctr",
            prompt="Click to edit statement",
        )
        + _footer_shapes(spec, 6),
    )
    number_w = inches(4.3)
    details_x = MARGIN + number_w + inches(0.6)
    xml["number"] = _layout(
        LAYOUT_NAMES["number"],
        "obj",
        _content_frame(spec)
        + _placeholder(
            4,
            "Number",
            '<p:ph type="body" sz="quarter" idx="1"/>',
            Box(MARGIN, inches(1.75), number_w, inches(2.55)),
            lst=_plain(138, spec.accent, bold=True, line=90, face="+mj-lt"),
            anchor="b",
            prompt="00",
        )
        + _placeholder(
            5,
            "Caption",
            '<p:ph type="body" sz="quarter" idx="2"/>',
            Box(MARGIN, inches(4.35), number_w, inches(2.2)),
            lst=_plain(24, spec.text),
            prompt="Caption",
        )
        + _line(
            6, "Divider", Box(details_x - inches(0.3), inches(1.95), 0, inches(4.55)), spec.hairline
        )
        + _placeholder(
            7,
            "Details",
            '<p:ph type="body" sz="half" idx="3"/>',
            Box(details_x, inches(1.85), SLIDE_W - MARGIN - details_x, inches(4.75)),
            lst=_plain(20, spec.text, before=0, line=100),
            prompt="Details",
        )
        + _footer_shapes(spec, 8),
    )
    xml["closing"] = _layout(
        LAYOUT_NAMES["closing"],
        "cust",
        _dark_opening(spec, Box(inches(0.9), inches(1.3), wide, inches(2.5)), 3.95, 44)
        + _placeholder(
            4,
            "Closing subtitle",
            '<p:ph type="body" sz="quarter" idx="13"/>',
            Box(inches(0.9), inches(4.2), wide, inches(0.7)),
            lst=_plain(24, spec.on_dark_muted),
            prompt="Click to edit subtitle",
        )
        + _placeholder(
            5,
            "Contacts",
            '<p:ph type="body" idx="1"/>',
            Box(inches(0.9), inches(4.95), wide, inches(1.7)),
            lst=_plain(22, spec.on_dark, before=6),
            prompt="Contacts",
        ),
        background=spec.primary,
    )
    return {LAYOUT_NAMES[k]: v for k, v in xml.items()}


def _rich_layouts(spec: ThemeSpec) -> dict[str, str]:
    """Layouts for pictures, quotes, and a big number with a chart."""
    frame, xml = _content_frame(spec), {}
    picture = _placeholder(4, "Picture", '<p:ph type="pic" idx="1"/>', BODY_BOX, prompt="Picture")
    xml["picture"] = _layout(
        LAYOUT_NAMES["picture"], "obj", frame + picture + _footer_shapes(spec, 5)
    )
    # The quote is level 1 of the body; its attribution is level 2, smaller and muted.
    levels = (
        _level(1, 32, spec.primary)
        + _level(2, 20, spec.muted, before=18)
        + "".join(_level(i, 20, spec.muted) for i in range(3, 10))
    )
    bar = _rect(
        4, "Quote bar", Box(inches(0.9), inches(2.35), inches(0.09), inches(3.4)), spec.accent
    )
    quote = _placeholder(
        5,
        "Quote",
        '<p:ph type="body" idx="1"/>',
        Box(inches(1.3), inches(2.05), inches(10.6), inches(4.0)),
        lst=levels,
        anchor="ctr",
        prompt="Click to edit the quote",
    )
    xml["quote"] = _layout(
        LAYOUT_NAMES["quote"], "obj", frame + bar + quote + _footer_shapes(spec, 6)
    )
    xml["number_chart"] = _layout(
        LAYOUT_NAMES["number_chart"],
        "obj",
        frame + _number_chart_shapes(spec) + _footer_shapes(spec, 9),
    )
    return {LAYOUT_NAMES[k]: v for k, v in xml.items()}


def _number_chart_shapes(spec: ThemeSpec) -> str:
    """Big Number's column, shortened to make room for a chart under the number and caption."""
    number_w = inches(4.3)
    details_x = MARGIN + number_w + inches(0.6)
    number = _plain(96, spec.accent, bold=True, line=90, face="+mj-lt")
    return (
        _placeholder(
            4,
            "Number",
            '<p:ph type="body" sz="quarter" idx="1"/>',
            Box(MARGIN, inches(1.7), number_w, inches(1.55)),
            lst=number,
            anchor="b",
            prompt="00",
        )
        + _placeholder(
            5,
            "Caption",
            '<p:ph type="body" sz="quarter" idx="2"/>',
            Box(MARGIN, inches(3.25), number_w, inches(0.8)),
            lst=_plain(20, spec.text),
            prompt="Caption",
        )
        + _placeholder(
            6,
            "Chart",
            '<p:ph type="chart" sz="quarter" idx="4"/>',
            Box(MARGIN, inches(4.2), number_w, inches(2.45)),
            prompt="Chart",
        )
        + _line(
            7, "Divider", Box(details_x - inches(0.3), inches(1.95), 0, inches(4.55)), spec.hairline
        )
        + _placeholder(
            8,
            "Details",
            '<p:ph type="body" sz="half" idx="3"/>',
            Box(details_x, inches(1.85), SLIDE_W - MARGIN - details_x, inches(4.75)),
            lst=_plain(20, spec.text, before=0, line=100),
            prompt="Details",
        )
    )


def _master_xml(spec: ThemeSpec, layout_rids: list[str]) -> str:
    ids = "".join(
        f'<p:sldLayoutId id="{2147483649 + i}" r:id="{rid}"/>' for i, rid in enumerate(layout_rids)
    )
    title_style = _level(1, spec.title_pt, spec.primary, bold=True, line=90, face="+mj-lt")
    other = _plain(18, spec.text)
    shapes = (
        _title_ph(spec)
        + _placeholder(
            3,
            "Text Placeholder",
            '<p:ph type="body" idx="1"/>',
            BODY_BOX,
            prompt="Click to edit text",
        )
        + _placeholder(
            4,
            "Footer Placeholder",
            '<p:ph type="ftr" sz="quarter" idx="11"/>',
            FOOTER_BOX,
            lst=_plain(12, spec.muted),
            anchor="ctr",
            prompt="Footer",
        )
        + _placeholder(
            5,
            "Slide Number Placeholder",
            '<p:ph type="sldNum" sz="quarter" idx="12"/>',
            NUMBER_BOX,
            lst=_plain(12, spec.muted, align="r"),
            anchor="ctr",
            prompt="‹#›",
        )
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster {NS}>'
        f"<p:cSld>{_bg(spec.background)}<p:spTree>{_GROUP}{shapes}</p:spTree></p:cSld>"
        '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
        'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
        'folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles><p:titleStyle>{title_style}</p:titleStyle><p:bodyStyle>{_body_style(spec)}</p:bodyStyle>"
        f"<p:otherStyle>{other}</p:otherStyle></p:txStyles></p:sldMaster>"
    )


def _theme_xml(spec: ThemeSpec) -> str:
    def clr(name: str, value: str) -> str:
        return f'<a:{name}><a:srgbClr val="{value}"/></a:{name}>'

    scheme = (
        clr("dk1", spec.text)
        + clr("lt1", spec.background)
        + clr("dk2", spec.primary)
        + clr("lt2", "EEF1F5")
        + clr("accent1", spec.accent)
        + clr("accent2", "2E8B7A")
        + clr("accent3", "C9822B")
        + clr("accent4", "7A5AA6")
        + clr("accent5", "5B6770")
        + clr("accent6", "B23A48")
        + clr("hlink", spec.accent)
        + clr("folHlink", "6B4C9A")
    )
    fonts = (
        f"<a:majorFont>{_font(spec.heading_font)}"
        '<a:ea typeface=""/><a:cs typeface=""/></a:majorFont>'
        f'<a:minorFont>{_font(spec.body_font)}<a:ea typeface=""/><a:cs typeface=""/></a:minorFont>'
    )
    fill = '<a:solidFill><a:schemeClr val="phClr"/></a:solidFill>'
    line = f'<a:ln w="9525">{fill}</a:ln>'
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<a:theme {NS} name="yamldeck">'
        f'<a:themeElements><a:clrScheme name="yamldeck">{scheme}</a:clrScheme>'
        f'<a:fontScheme name="yamldeck">{fonts}</a:fontScheme>'
        f'<a:fmtScheme name="yamldeck"><a:fillStyleLst>{fill * 3}</a:fillStyleLst>'
        f"<a:lnStyleLst>{line * 3}</a:lnStyleLst>"
        "<a:effectStyleLst>"
        + "<a:effectStyle><a:effectLst/></a:effectStyle>"
        * 3
        + "</a:effectStyleLst>"
        f"<a:bgFillStyleLst>{fill * 3}</a:bgFillStyleLst></a:fmtScheme></a:themeElements>"
        "<a:objectDefaults/><a:extraClrSchemeLst/></a:theme>"
    )
