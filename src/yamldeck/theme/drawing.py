"""Drawing primitives of the built-in theme: its geometry and the XML of styles and shapes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.sax.saxutils import quoteattr

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


_SHAPE_X = re.compile(r'(<p:spPr><a:xfrm><a:off x=")(\d+)(" y="\d+"/><a:ext cx=")(\d+)')
_LEVEL_ALIGN = re.compile(r'(<a:lvl\dpPr [^>]*?)algn="(l|r|ctr)"')
_FLIP = {"l": "r", "r": "l", "ctr": "ctr"}


def mirrored(xml: str) -> str:
    """A master or layout drawn for right-to-left text: every shape mirrored across the slide,
    text styles right-to-left and right-aligned (right-aligned ones, such as the slide
    number's, left-aligned), text columns ordered from the right."""
    xml = _SHAPE_X.sub(
        lambda m: f"{m[1]}{SLIDE_W - int(m[2]) - int(m[4])}{m[3]}{m[4]}", xml)
    xml = _LEVEL_ALIGN.sub(lambda m: f'{m[1]}algn="{_FLIP[m[2]]}" rtl="1"', xml)
    return xml.replace('rtlCol="0"', 'rtlCol="1"')


def _fill(color: str) -> str:
    return f'<a:solidFill><a:srgbClr val="{color}"/></a:solidFill>'


def _xfrm(box: Box) -> str:
    return f'<a:xfrm><a:off x="{box.x}" y="{box.y}"/><a:ext cx="{box.w}" cy="{box.h}"/></a:xfrm>'


def latin_font(face: str) -> str:
    """The ``a:latin`` element naming a font (quoted, as font names are the user's)."""
    return f"<a:latin typeface={quoteattr(face)}/>"


def level_style(
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


def body_style(spec: ThemeSpec) -> str:
    levels = []
    for i, (size, mar_l, indent) in enumerate(body_levels(spec)):
        levels.append(
            level_style(
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


def plain_style(
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
        level_style(i, size, color, bold=bold, before=before, align=align, line=line, face=face)
        for i in range(1, 10)
    )


def placeholder(
    shape_id: int,
    name: str,
    ph: str,
    box: Box,
    *,
    lst: str = "",
    anchor: str = "t",
    prompt: str = "Click to edit text",
) -> str:
    """A placeholder: ``ph`` is its ``p:ph`` element, ``lst`` its list style."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/>'
        f'<p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{ph}</p:nvPr></p:nvSpPr>'
        f"<p:spPr>{_xfrm(box)}</p:spPr>"
        f'<p:txBody><a:bodyPr vert="horz" wrap="square" lIns="0" tIns="45720" rIns="0" '
        f'bIns="45720" anchor="{anchor}" rtlCol="0"><a:noAutofit/></a:bodyPr>'
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


def rect(shape_id: int, name: str, box: Box, color: str) -> str:
    """A filled rectangle without outline (title rules, quote bars)."""
    return (
        f'<p:sp><p:nvSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvSpPr/>'
        '<p:nvPr userDrawn="1"/>'
        f'</p:nvSpPr><p:spPr>{_xfrm(box)}<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f"{_fill(color)}<a:ln><a:noFill/></a:ln></p:spPr></p:sp>"
    )


def connector(shape_id: int, name: str, box: Box, color: str) -> str:
    """A straight hairline (footer rule, dividers)."""
    return (
        f'<p:cxnSp><p:nvCxnSpPr><p:cNvPr id="{shape_id}" name={quoteattr(name)}/><p:cNvCxnSpPr/>'
        f'<p:nvPr userDrawn="1"/></p:nvCxnSpPr><p:spPr>{_xfrm(box)}'
        '<a:prstGeom prst="line"><a:avLst/>'
        f'</a:prstGeom><a:ln w="9525">{_fill(color)}</a:ln></p:spPr></p:cxnSp>'
    )


# The shape tree's own group properties, which every master and layout begins with.
GROUP = (
    '<p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>'
    '<p:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/><a:chOff x="0" y="0"/>'
    '<a:chExt cx="0" cy="0"/></a:xfrm></p:grpSpPr>'
)


def background_fill(color: str) -> str:
    """A solid ``p:bg``."""
    return f"<p:bg><p:bgPr>{_fill(color)}<a:effectLst/></p:bgPr></p:bg>"


def footer_shapes(spec: ThemeSpec, first_id: int) -> str:
    """The footer rule, footer and slide number of light slides, numbered from ``first_id``."""
    small = plain_style(12, spec.muted)
    right = plain_style(12, spec.muted, align="r")
    return (
        connector(first_id, "Footer rule", HAIRLINE_BOX, spec.hairline)
        + placeholder(
            first_id + 1,
            "Footer Placeholder",
            '<p:ph type="ftr" sz="quarter" idx="11"/>',
            FOOTER_BOX,
            lst=small,
            anchor="ctr",
            prompt="Footer",
        )
        + placeholder(
            first_id + 2,
            "Slide Number Placeholder",
            '<p:ph type="sldNum" sz="quarter" idx="12"/>',
            NUMBER_BOX,
            lst=right,
            anchor="ctr",
            prompt="‹#›",
        )
    )


def slide_layout(name: str, kind: str, shapes: str, *, background: str | None = None) -> str:
    """A whole ``p:sldLayout`` part of type ``kind`` holding ``shapes``."""
    bg = background_fill(background) if background else ""
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<p:sldLayout {NS} type="{kind}" preserve="1">'
        f"<p:cSld name={quoteattr(name)}>{bg}<p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>"
        "<p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr></p:sldLayout>"
    )


def title_placeholder(
    spec: ThemeSpec,
    box: Box = TITLE_BOX,
    *,
    size: int | None = None,
    color: str | None = None,
    anchor: str = "b",
    ph: str = '<p:ph type="title"/>',
) -> str:
    """The title placeholder (shape 2), by default as on light content slides."""
    lst = level_style(
        1, size or spec.title_pt, color or spec.primary, bold=True, line=90, face="+mj-lt"
    )
    return placeholder(2, "Title", ph, box, lst=lst, anchor=anchor, prompt="Click to edit title")


def content_frame(spec: ThemeSpec) -> str:
    """The title and its accent rule of light content slides (shapes 2 and 3)."""
    return title_placeholder(spec) + rect(3, "Title rule", RULE_BOX, spec.accent)


def dark_opening(spec: ThemeSpec, title_box: Box, rule_y: float, size: int) -> str:
    """The title and its highlight rule of dark slides (shapes 2 and 3); a 44pt title is
    a centred title, as on PowerPoint's title slides."""
    return title_placeholder(
        spec,
        title_box,
        size=size,
        color=spec.on_dark,
        ph='<p:ph type="ctrTitle"/>' if size == 44 else '<p:ph type="title"/>',
    ) + rect(
        3, "Title rule", Box(inches(0.9), inches(rule_y), inches(1.2), inches(0.08)), spec.highlight
    )
