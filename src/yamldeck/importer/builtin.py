"""Decks yamldeck drew on its built-in theme: recognised, and their look read back as deck: keys.

Such a deck needs no template to look as it did: its colours and fonts become deck: theme:, its
logo (drawn on the master) deck: logo:, and every slide goes on the layout yamldeck gives its
kind. Recognised by its one master, whose theme yamldeck names 'yamldeck', and whose layouts
all have the built-in theme's names.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

from ..theme import LAYOUT_NAMES, ThemeSpec
from . import figures
from .texts import qn

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
_SCHEME = {"dk1": "text", "lt1": "background", "dk2": "primary", "accent1": "accent"}
_EMU_PER_CM = 360000


@dataclass(frozen=True)
class Logo:
    """The logo on the master: its picture, and its deck: logo: keys but 'image'."""

    picture: figures.PictureData
    fields: dict[str, Any]


@dataclass(frozen=True)
class BuiltinLook:
    theme: dict[str, Any]  # deck: theme: (colours and fonts that differ from the defaults)
    logo: Logo | None


def builtin_look(prs: Any) -> BuiltinLook | None:
    """The look of a deck drawn on the built-in theme; None for any other deck."""
    masters = list(prs.slide_masters)
    if len(masters) != 1:
        return None
    master = masters[0]
    if not {layout.name for layout in master.slide_layouts} <= set(LAYOUT_NAMES.values()):
        return None
    try:
        theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob, _PARSER)
    except (KeyError, etree.XMLSyntaxError):
        return None
    if theme.get("name") != "yamldeck":
        return None
    default = ThemeSpec()
    colors: dict[str, str] = {}
    for slot, key in _SCHEME.items():
        value = theme.find(f".//{qn('a:clrScheme')}/{qn('a:' + slot)}/{qn('a:srgbClr')}")
        if value is not None and value.get("val", "").upper() != getattr(default, key):
            colors[key] = value.get("val", "").upper()
    muted = _footer_colour(master._element)
    if muted and muted != default.muted:
        colors["muted"] = muted
    fonts: dict[str, str] = {}
    for tag, key in (("a:majorFont", "heading"), ("a:minorFont", "body")):
        latin = theme.find(f".//{qn(tag)}/{qn('a:latin')}")
        face = latin.get("typeface", "") if latin is not None else ""
        if face and face != getattr(default, f"{key}_font"):
            fonts[key] = face
    look = {name: value for name, value in (("colors", colors), ("fonts", fonts)) if value}
    return BuiltinLook(look, _logo(master, prs))


def _footer_colour(master: Any) -> str | None:
    for sp in master.iter(qn("p:sp")):
        ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        if ph is not None and ph.get("type") == "ftr":
            colour = next(sp.iter(qn("a:srgbClr")), None)
            return colour.get("val", "").upper() if colour is not None else None
    return None


def _logo(master: Any, prs: Any) -> Logo | None:
    tree = master._element.find(f"{qn('p:cSld')}/{qn('p:spTree')}")
    pic = next((p for p in tree.iterfind(qn("p:pic"))
                if (p.find(f"{qn('p:nvPicPr')}/{qn('p:cNvPr')}").get("name") or "")
                .startswith("Logo")), None) if tree is not None else None
    if pic is None:
        return None
    found = figures.picture(pic, master.part)
    xfrm = pic.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    if isinstance(found, str) or xfrm is None:
        return None
    x, y = int(xfrm.find(qn("a:off")).get("x")), int(xfrm.find(qn("a:off")).get("y"))
    width = int(xfrm.find(qn("a:ext")).get("cx"))
    corner = ("top" if y < prs.slide_height // 2 else "bottom") + "-" + (
        "left" if x < prs.slide_width // 2 else "right")
    fields: dict[str, Any] = {}
    if found.decorative:
        fields["decorative"] = True
    else:
        fields["alt"] = found.alt or "Logo"
    if corner != "top-right":
        fields["position"] = corner
    if width != prs.slide_width // 10:
        fields["width"] = f"{width / _EMU_PER_CM:.2f}cm"
    return Logo(found, fields)
