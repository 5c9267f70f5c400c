"""The presentation a deck starts from: the built-in theme or the user's template, and its logo."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.oxml.shapes.picture import CT_Picture
from pptx.shapes.picture import Picture as PictureShape

from ..errors import Problem
from ..files.deckfiles import DeckFiles
from ..outline.loader import SourceMap
from ..outline.model import Outline
from ..theme import LAYOUT_NAMES, ThemeSpec
from ..theme.scriptfonts import SCRIPT_FONTS
from .builtin import build_template
from .layouts import OPENING, LayoutChooser
from .pictures import describe
from .slots import Box, placeholder_box
from .usertemplate import open_template
from .writing import theme_script_fonts

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True)
LOGO_MARGIN = 0.03  # of the slide's width, between the logo and the slide's edges
LOGO_MAX_HEIGHT = 0.15  # of the slide's height


@dataclass
class Start:
    """A presentation ready for slides, and how to choose their layouts."""

    prs: Any
    template: bytes  # what the deck was opened from (slides kept between builds depend on it)
    chooser: LayoutChooser
    user: bool  # built on the user's template (else the built-in theme)
    logo: Box | None  # the logo's box on every slide
    problems: list[Problem]  # deck settings the template cannot honour
    deck: Any = None
    fonts: Any = (SCRIPT_FONTS, SCRIPT_FONTS)  # (headings', body's) fonts by script
    _furniture: dict[int, tuple[Box, ...]] = field(default_factory=dict)

    def keep_out(self, layout: Any, kind: str) -> tuple[Box, ...]:
        """What a slide's frames must stay clear of: the logo, and on a user's template the
        footer, date and number boxes drawn on it (templates often let the body run over
        them; the built-in theme never does)."""
        logo = (self.logo,) if self.logo is not None else ()
        if not self.user or kind in OPENING:
            return logo
        key = id(layout.part)
        if key not in self._furniture:
            self._furniture[key] = furniture(layout, self.deck)
        return logo + self._furniture[key]


def start_deck(outline: Outline, source: SourceMap, files: DeckFiles | None,
               spec: ThemeSpec) -> Start:
    """Open the template (or draw the built-in one); add the logo to its masters."""
    files = files or DeckFiles()
    if files.template is None:
        template = build_template(spec)
        prs = Presentation(io.BytesIO(template))
        chooser = LayoutChooser(prs, outline.deck, builtin=LAYOUT_NAMES)
    else:
        template = files.template.data
        prs, masters = open_template(files.template, source)
        chooser = LayoutChooser(prs, outline.deck, (masters.opening, masters.content))
    problems = chooser.mapping_problems(source.problem)
    logo = None
    if files.logo is not None and outline.deck.logo is not None:
        logo = add_logo(prs, files.logo, outline.deck.logo)
    fonts = theme_script_fonts(prs.slide_masters[0]) if files.template is not None else None
    return Start(prs, template, chooser, files.template is not None, logo, problems,
                 outline.deck, fonts or (SCRIPT_FONTS, SCRIPT_FONTS))


_DRAWN = {"ftr": "footer", "sldNum": "slide_numbers", "dt": "footer_date"}


def furniture(layout: Any, deck: Any) -> tuple[Box, ...]:
    """Boxes of the footer, slide number and date placeholders the deck puts on the layout."""
    boxes = []
    for shape in layout.placeholders:
        ph = shape._element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        setting = _DRAWN.get(ph.get("type") if ph is not None else "")
        box = placeholder_box(shape)
        if setting and box is not None and (getattr(deck, setting, None) or (
                setting == "footer" and deck.footer_date)):
            boxes.append(box)
    return tuple(boxes)


def logo_box(prs: Any, picture: Any, logo: Any) -> Box:
    """Where the logo goes: its corner, its width (or less, to stay under the height cap)."""
    width, height = int(prs.slide_width), int(prs.slide_height)
    w = logo.width_emu(width)
    h = round(w * picture.height / picture.width)
    if h > height * LOGO_MAX_HEIGHT:
        h = round(height * LOGO_MAX_HEIGHT)
        w = round(h * picture.width / picture.height)
    margin = round(width * LOGO_MARGIN)
    x = margin if logo.position.endswith("left") else width - margin - w
    y = margin if logo.position.startswith("top") else height - margin - h
    return x, y, w, h


def add_logo(prs: Any, picture: Any, logo: Any) -> Box:
    """Put the logo on every slide master (so every slide shows it, and it is edited in one
    place: View > Slide Master); return its box."""
    box = logo_box(prs, picture, logo)
    for master in prs.slide_masters:
        _, r_id = master.part.get_or_add_image_part(io.BytesIO(picture.data))
        tree = master.shapes._spTree
        shape_id = tree.max_shape_id + 1
        pic = CT_Picture.new_pic(shape_id, f"Logo {shape_id - 1}", "", r_id, *box)
        tree.insert_element_before(pic, "p:extLst")
        describe(PictureShape(pic, master.shapes), logo.alt, logo.decorative)
    return box


def footer_room(footer: Any, layout: Any, date_drawn: bool) -> Box | None:
    """A footer too long for its box (the layout's ``footer``) may take the date's box beside
    it on the same row, when no date is drawn there: the two joined, or None."""
    box = placeholder_box(footer)
    if box is None or date_drawn:
        return None
    for ph in layout.placeholders:
        found = ph._element.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
        other = placeholder_box(ph) if found is not None and found.get("type") == "dt" else None
        if other is not None and abs(other[1] - box[1]) < box[3] // 2:
            left = min(box[0], other[0])
            right = max(box[0] + box[2], other[0] + other[2])
            return left, box[1], right - left, box[3]
    return None


def light_text(layout: Any) -> bool:
    """Whether the master's body text is light (so it sits on something dark, where links
    need a light colour too), for a template whose dark areas are shapes, not backgrounds."""
    master = layout.slide_master._element
    fill = master.find(f"{qn('p:txStyles')}/{qn('p:bodyStyle')}/{qn('a:lvl1pPr')}/"
                       f"{qn('a:defRPr')}/{qn('a:solidFill')}")
    value = _colour(fill[0], layout.slide_master) if fill is not None and len(fill) else None
    if value is None:
        return False
    r, g, b = (int(value[i:i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.6


def _colour(element: Any, master: Any) -> str | None:
    """RRGGBB of an srgbClr, sysClr or schemeClr (through the master's colour map and theme)."""
    tag = element.tag.rsplit("}", 1)[-1]
    if tag == "srgbClr":
        value = element.get("val", "")
    elif tag == "sysClr":
        value = element.get("lastClr", "")
    elif tag == "schemeClr":
        name = element.get("val", "")
        mapping = master._element.find(qn("p:clrMap"))
        name = mapping.get(name, name) if mapping is not None else name
        try:
            theme = etree.fromstring(master.part.part_related_by(RT.THEME).blob, _PARSER)
        except (KeyError, etree.XMLSyntaxError):
            return None
        slot = theme.find(f".//{qn('a:clrScheme')}/{qn('a:' + name)}")
        return _colour(slot[0], master) if slot is not None and len(slot) else None
    else:
        return None
    return value if len(value) == 6 else None
