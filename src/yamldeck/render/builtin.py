"""Assembles the built-in 16:9 template (theme, master, layouts) as a presentation, from a spec."""

from __future__ import annotations

import functools
import io
from typing import Any
from xml.sax.saxutils import quoteattr

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml import parse_xml
from pptx.parts.slide import SlideLayoutPart

from ..theme.drawing import (
    BODY_BOX,
    FOOTER_BOX,
    GROUP,
    NS,
    NUMBER_BOX,
    SLIDE_H,
    SLIDE_W,
    background_fill,
    body_style,
    latin_font,
    level_style,
    mirrored,
    placeholder,
    plain_style,
    slide_layout,
    title_placeholder,
)
from ..theme.layouts import layouts_xml
from ..theme.scriptfonts import SCRIPT_FONTS, entries, slot_fonts
from ..theme.spec import ThemeSpec


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
    layouts = layouts_xml(spec)
    if spec.rtl:  # a right-to-left deck: every layout mirrored
        layouts = {name: mirrored(xml) for name, xml in layouts.items()}
    while len(layout_parts) < len(layouts):  # python-pptx's template has 11 layouts
        layout_parts.append(_new_layout_part(master_part, len(layout_parts) + 1))
    rids = []
    for part, xml in zip(layout_parts, layouts.values(), strict=False):
        part._element = parse_xml(xml.encode("utf-8"))
        rids.append(next(r.rId for r in master_part.rels.values() if r.target_part is part))
    master = _master_xml(spec, rids)
    master_part._element = parse_xml((mirrored(master) if spec.rtl else master).encode("utf-8"))
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
        parse_xml(slide_layout("", "blank", "").encode("utf-8")),
    )
    part.relate_to(master_part, RT.SLIDE_MASTER)
    master_part.relate_to(part, RT.SLIDE_LAYOUT)
    return part


def _master_xml(spec: ThemeSpec, layout_rids: list[str]) -> str:
    ids = "".join(
        f'<p:sldLayoutId id="{2147483649 + i}" r:id="{rid}"/>' for i, rid in enumerate(layout_rids)
    )
    title_style = level_style(1, spec.title_pt, spec.primary, bold=True, line=90, face="+mj-lt")
    other = plain_style(18, spec.text)
    shapes = (
        title_placeholder(spec)
        + placeholder(
            3,
            "Text Placeholder",
            '<p:ph type="body" idx="1"/>',
            BODY_BOX,
            prompt="Click to edit text",
        )
        + placeholder(
            4,
            "Footer Placeholder",
            '<p:ph type="ftr" sz="quarter" idx="11"/>',
            FOOTER_BOX,
            lst=plain_style(12, spec.muted),
            anchor="ctr",
            prompt="Footer",
        )
        + placeholder(
            5,
            "Slide Number Placeholder",
            '<p:ph type="sldNum" sz="quarter" idx="12"/>',
            NUMBER_BOX,
            lst=plain_style(12, spec.muted, align="r"),
            anchor="ctr",
            prompt="‹#›",
        )
    )
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<p:sldMaster {NS}>'
        f"<p:cSld>{background_fill(spec.background)}<p:spTree>{GROUP}{shapes}</p:spTree></p:cSld>"
        '<p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" '
        'accent3="accent3" accent4="accent4" accent5="accent5" accent6="accent6" hlink="hlink" '
        'folHlink="folHlink"/>'
        f"<p:sldLayoutIdLst>{ids}</p:sldLayoutIdLst>"
        f"<p:txStyles><p:titleStyle>{title_style}</p:titleStyle><p:bodyStyle>{body_style(spec)}</p:bodyStyle>"
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
    scripts = '<a:ea typeface=""/><a:cs typeface=""/>'
    if spec.scripts:  # the deck's East Asian and complex scripts get their fonts
        ea, cs = slot_fonts(spec.scripts)
        scripts = (f"<a:ea typeface={quoteattr(ea)}/><a:cs typeface={quoteattr(cs)}/>"
                   + entries(SCRIPT_FONTS))
    fonts = (
        f"<a:majorFont>{latin_font(spec.heading_font)}{scripts}</a:majorFont>"
        f"<a:minorFont>{latin_font(spec.body_font)}{scripts}</a:minorFont>"
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
