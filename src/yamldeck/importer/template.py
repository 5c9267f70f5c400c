"""The source deck's look kept as the outline's template, and the layout each slide names.

The template is the deck itself less its slides and macros: its masters, layouts, theme, fonts
and slide size, with one empty slide on the layout of its first slide and one on its first
content slide's, because those tell a template's opening master from its content master when
layouts of several masters share names (render/usertemplate.py). A slide names its layout
(layout:) only where yamldeck, building on that template, would choose another one.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..files.deckfiles import MAX_TEMPLATE_BYTES, TemplateFile
from ..outline.model import Outline
from ..package.archive import DEFAULT_EPOCH, deterministic_bytes
from ..render.kinds import layout_key
from ..render.layouts import LayoutChooser, LayoutError
from ..render.usertemplate import drop_slides, open_template, ph_type

_VBA = "http://schemas.microsoft.com/office/2006/relationships/vbaProject"
_NOT_BODY = ("title", "ctrTitle", "dt", "ftr", "sldNum")


def template_bytes(prs: Any) -> bytes | None:
    """The deck (opened, and read already: its slides go) as a template; None when it would
    be larger than a template may be."""
    slides = list(prs.slides)
    samples = _sample_layouts(slides)
    drop_slides(prs)
    for layout in samples:
        prs.slides.add_slide(layout)
    for r_id, rel in list(prs.part.rels.items()):
        if rel.reltype == _VBA:
            prs.part.drop_rel(r_id)
    buffer = io.BytesIO()
    prs.save(buffer)
    data = deterministic_bytes(buffer.getvalue(), epoch=DEFAULT_EPOCH)
    return data if len(data) <= MAX_TEMPLATE_BYTES else None


def _sample_layouts(slides: list[Any]) -> list[Any]:
    """The first slide's layout, and that of the first later slide with a body."""
    if not slides:
        return []
    layouts = [slide.slide_layout for slide in slides]
    content = next((layout for layout in layouts[1:] if any(
        ph_type(ph._element) not in _NOT_BODY for ph in layout.placeholders)), None)
    return [layouts[0], *([content] if content is not None else layouts[1:2])]


@dataclass(frozen=True)
class Placement:
    """What a slide says about its layout: the name to write (None: yamldeck's own choice
    is the slide's layout), and why the slide's own layout could not be kept."""

    layout: str | None
    note: str | None = None


def placements(template: bytes, outline: Outline, sources: list[str | None]
               ) -> list[Placement] | None:
    """For each slide, its layout: key; None when some slide has no layout of the template it
    can go on (then the outline cannot use the template)."""
    prs, masters = open_template(TemplateFile(template, Path("template.pptx"), "template.pptx",
                                              ""), None)
    chooser = LayoutChooser(prs, outline.deck, (masters.opening, masters.content))
    found = []
    for number, (slide, source) in enumerate(zip(outline.slides, sources, strict=True), 1):
        key = layout_key(slide)
        try:
            automatic: str | None = chooser.choose(slide, key, number).layout.name
        except LayoutError:
            automatic = None
        if source is None or _same(automatic, source):
            if automatic is None:
                return None
            found.append(Placement(None))
            continue
        try:
            chooser.choose(slide.model_copy(update={"layout": source}), key, number)
        except LayoutError:
            if automatic is None:
                return None
            found.append(Placement(None, f"Its layout '{source}' has no place for a "
                                         f"{slide.kind} slide; yamldeck chooses '{automatic}'."))
            continue
        found.append(Placement(source))
    return found


def _same(name: str | None, other: str) -> bool:
    return name is not None and " ".join(name.split()).lower() == " ".join(other.split()).lower()
