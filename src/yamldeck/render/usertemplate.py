"""A user's template opened for building: its own slides dropped cleanly, its ids made unique."""

from __future__ import annotations

import copy
import io
from dataclasses import dataclass
from typing import Any

from pptx import Presentation
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn

from ..errors import OutlineError
from ..files.deckfiles import TemplateFile, damaged_message
from ..outline.loader import SourceMap

_SECTIONS = "{521415D9-36F7-43E2-AB2F-B90AF26B5E84}"  # PowerPoint 2010's slide sections
_TITLE_TYPES = ("title", "ctrTitle")
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
_PML = ('xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"')
# Parts of the presentation that PowerPoint always writes and LibreOffice's converted templates
# lack: without viewProps PowerPoint offers to repair the deck, and Apache POI fails on a table
# in a deck without tableStyles. Their content is what PowerPoint writes for a new deck (normal
# view; "Medium Style 2 - Accent 1" as the default table style; no presentation settings).
PRESENTATION_PARTS = (
    (RT.PRES_PROPS, "/ppt/presProps.xml", CT.PML_PRES_PROPS, f"<p:presentationPr {_PML}/>"),
    (RT.VIEW_PROPS, "/ppt/viewProps.xml", CT.PML_VIEW_PROPS,
     f'<p:viewPr {_PML}><p:normalViewPr><p:restoredLeft sz="15620"/><p:restoredTop sz="94660"/>'
     '</p:normalViewPr><p:gridSpacing cx="76200" cy="76200"/></p:viewPr>'),
    (RT.TABLE_STYLES, "/ppt/tableStyles.xml", CT.PML_TABLE_STYLES,
     '<a:tblStyleLst xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
     'def="{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}"/>'),
)


@dataclass(frozen=True)
class Masters:
    """Which master opening slides and content slides use when names repeat across masters.

    LibreOffice's templates hold one master per sample slide, each with the same layout names:
    the template's first slide shows the opening master, the next ones the content master.
    """

    opening: Any
    content: Any


def open_template(template: TemplateFile, source: SourceMap | None) -> tuple[Any, Masters]:
    """The template as a presentation with no slides, ready for yamldeck's; OutlineError when
    python-pptx cannot read it or it has no layouts."""
    try:
        prs = Presentation(io.BytesIO(template.data))
        masters = list(prs.slide_masters)
        layouts = [layout for master in masters for layout in master.slide_layouts]
    except Exception as exc:  # noqa: BLE001 - any failure to parse the user's file
        detail = f"{type(exc).__name__}: {str(exc)[:120]}"
        raise OutlineError(template.problem(source, damaged_message(template, detail))) from None
    if not layouts:
        raise OutlineError(template.problem(
            source, f"template '{template.given}' has no slide layouts; yamldeck needs at least a "
            "title layout and a title-and-content layout (View > Slide Master in PowerPoint)"))
    chosen = _sample_masters(prs, masters)
    drop_slides(prs)
    add_missing_parts(prs)
    for master in masters:
        unique_shape_ids(master._element)
        if master._element.find(qn("p:txStyles")) is None:  # as LibreOffice writes masters
            text_styles_from_samples(master._element)
            layouts_follow_master(master)
        for layout in master.slide_layouts:
            unique_shape_ids(layout._element)
            unique_placeholder_idx(layout._element)
    return prs, chosen


def _sample_masters(prs: Any, masters: list[Any]) -> Masters:
    slides = list(prs.slides)
    used = [slide.slide_layout.slide_master for slide in slides]
    opening = used[0] if used else masters[0]
    content = next((master for slide, master in zip(slides[1:], used[1:], strict=True)
                    if _has_body(slide.slide_layout)), used[1] if len(used) > 1 else opening)
    return Masters(opening, content)


def _has_body(layout: Any) -> bool:
    return any(ph_type(ph._element) not in (*_TITLE_TYPES, "dt", "ftr", "sldNum")
               for ph in layout.placeholders)


def ph_type(sp: Any) -> str:
    """The placeholder's type as written in the file ('obj' when it says none)."""
    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    return (ph.get("type") or "obj") if ph is not None else ""


def drop_slides(prs: Any) -> None:
    """Remove the template's own slides: each slide id and its relationship, so that nothing
    refers to the slide parts (their notes go with them) and they are not saved."""
    part = prs.part
    presentation = part._element
    sld_id_lst = presentation.get_or_add_sldIdLst()
    for sld_id in list(sld_id_lst.sldId_lst):
        r_id = sld_id.rId
        sld_id_lst.remove(sld_id)
        part.drop_rel(r_id)
    # Custom shows and sections list slides too; with the slides gone they would dangle.
    for element in presentation.findall(qn("p:custShowLst")):
        presentation.remove(element)
    ext_lst = presentation.find(qn("p:extLst"))
    if ext_lst is not None:
        for ext in ext_lst.findall(qn("p:ext")):
            if ext.get("uri") == _SECTIONS:
                ext_lst.remove(ext)


def add_missing_parts(prs: Any) -> None:
    """Add the presentation properties, view properties and table styles parts a template
    lacks, each related from the presentation under a part name not yet taken."""
    part = prs.part
    present = {rel.reltype for rel in part.rels.values()}
    taken = {str(p.partname) for p in part.package.iter_parts()}
    for reltype, name, content_type, xml in PRESENTATION_PARTS:
        if reltype in present:
            continue
        stem, number = name.removesuffix(".xml"), 1
        while name in taken:  # only a template with odd part names: viewProps2.xml...
            number += 1
            name = f"{stem}{number}.xml"
        blob = (_XML + xml).encode("utf-8")
        part.relate_to(Part(PackURI(name), content_type, part.package, blob), reltype)


def text_styles_from_samples(master: Any) -> None:
    """Give a master without text styles the ones its sample text shows.

    LibreOffice writes a master's title and outline styles only as the formatting of the sample
    text in its placeholders ('Click to edit the title text format'), with no p:txStyles; then
    every other program, LibreOffice included, shows new text in black 18 pt without bullets.
    """
    styles = master.makeelement(qn("p:txStyles"), {})
    for ph_kind, name in (("title", "p:titleStyle"), ("body", "p:bodyStyle")):
        sp = next((sp for sp in master.iter(qn("p:sp")) if ph_type(sp) == ph_kind), None)
        levels = _sample_levels(sp) if sp is not None else {}
        if levels:
            style = styles.makeelement(qn(name), {})
            style.extend(levels[level] for level in sorted(levels))
            styles.append(style)
    if len(styles):
        ext_lst = master.find(qn("p:extLst"))
        if ext_lst is not None:
            ext_lst.addprevious(styles)
        else:
            master.append(styles)


def layouts_follow_master(master: Any) -> None:
    """Put each layout's title and content where its master has them.

    LibreOffice computes its layouts from each master's title and outline areas, but writes
    every master's layouts with the geometry of one master; the masters' own placeholders
    show where the text belongs (their other shapes are drawn around them).
    """
    boxes = {kind: _xfrm(sp) for sp in master._element.iter(qn("p:sp"))
             if (kind := ph_type(sp)) in ("title", "body")}
    title, body = boxes.get("title"), boxes.get("body")
    for layout in master.slide_layouts:
        contents = []
        for sp in layout._element.iter(qn("p:sp")):
            kind, box = ph_type(sp), _xfrm(sp)
            if box is None or kind in ("", "dt", "ftr", "sldNum"):
                continue
            if kind in _TITLE_TYPES:
                if title is not None:
                    _set_xfrm(sp, title)
            else:
                contents.append((sp, box))
        if body is None or not contents:
            continue
        left = min(b[0] for _, b in contents)
        top = min(b[1] for _, b in contents)
        width = max(b[0] + b[2] for _, b in contents) - left
        height = max(b[1] + b[3] for _, b in contents) - top
        for sp, (x, y, w, h) in contents:  # the same arrangement, scaled into the master's
            sx, sy = body[2] / max(width, 1), body[3] / max(height, 1)
            _set_xfrm(sp, (body[0] + round((x - left) * sx), body[1] + round((y - top) * sy),
                           round(w * sx), round(h * sy)))


def _xfrm(sp: Any) -> tuple[int, int, int, int] | None:
    xfrm = sp.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    off = xfrm.find(qn("a:off")) if xfrm is not None else None
    ext = xfrm.find(qn("a:ext")) if xfrm is not None else None
    if off is None or ext is None:
        return None
    try:
        return int(off.get("x")), int(off.get("y")), int(ext.get("cx")), int(ext.get("cy"))
    except (TypeError, ValueError):
        return None


def _set_xfrm(sp: Any, box: tuple[int, int, int, int]) -> None:
    xfrm = sp.find(f"{qn('p:spPr')}/{qn('a:xfrm')}")
    xfrm.find(qn("a:off")).set("x", str(box[0]))
    xfrm.find(qn("a:off")).set("y", str(box[1]))
    xfrm.find(qn("a:ext")).set("cx", str(box[2]))
    xfrm.find(qn("a:ext")).set("cy", str(box[3]))


_PARAGRAPH_TAGS = {qn(f"a:{t}") for t in ("lnSpc", "spcBef", "buClrTx", "buClr", "buSzTx",
                                          "buSzPct", "buSzPts", "buFontTx", "buFont", "buNone",
                                          "buAutoNum", "buChar", "buBlip", "tabLst")}


def _sample_levels(sp: Any) -> dict[int, Any]:
    """a:lvlNpPr per level from the sample paragraphs: their layout, and their first run's
    formatting as the default. Space after a paragraph becomes space before the next (what
    text fitting measures)."""
    found: dict[int, Any] = {}
    for p in sp.iterfind(f"{qn('p:txBody')}/{qn('a:p')}"):
        p_pr = p.find(qn("a:pPr"))
        lvl = p_pr.get("lvl", "0") if p_pr is not None else "0"
        level = int(lvl) + 1 if lvl.isdigit() and int(lvl) < 9 else 0
        r_pr = p.find(f"{qn('a:r')}/{qn('a:rPr')}")
        r_pr = r_pr if r_pr is not None else p.find(qn("a:endParaRPr"))
        if not level or level in found:
            continue
        element = p.makeelement(qn(f"a:lvl{level}pPr"), {})
        if p_pr is not None:
            element.attrib.update({k: v for k, v in p_pr.attrib.items() if k != "lvl"})
            after = p_pr.find(f"{qn('a:spcAft')}/{qn('a:spcPts')}")
            for child in p_pr:
                if child.tag in _PARAGRAPH_TAGS:
                    element.append(copy.deepcopy(child))
            if after is not None and element.find(qn("a:spcBef")) is None:
                before = element.makeelement(qn("a:spcBef"), {})
                before.append(copy.deepcopy(after))
                lead = element.find(qn("a:lnSpc"))
                (lead.addnext(before) if lead is not None else element.insert(0, before))
        if r_pr is not None:
            defaults = copy.deepcopy(r_pr)
            defaults.tag = qn("a:defRPr")
            defaults.attrib.pop("lang", None)
            element.append(defaults)
        found[level] = element
    return found


def unique_shape_ids(root: Any) -> None:
    """Give shapes that share an id a new one (LibreOffice writes masters with duplicates,
    which PowerPoint repairs)."""
    shapes = list(root.iter(qn("p:cNvPr")))
    ids = [int(c.get("id")) if (c.get("id") or "").isdigit() else 0 for c in shapes]
    seen: set[int] = set()
    following = max(ids, default=0) + 1
    for c_nv_pr, shape_id in zip(shapes, ids, strict=True):
        if shape_id in seen:
            c_nv_pr.set("id", str(following))
            shape_id, following = following, following + 1
        seen.add(shape_id)


def unique_placeholder_idx(layout: Any) -> None:
    """Give a layout's placeholders distinct idx values, titles keeping theirs.

    A slide's placeholder inherits from the layout placeholder with its idx; LibreOffice writes
    every content placeholder of a layout with idx 0, so a slide could not tell them apart.
    Layout placeholders inherit from the master by type, which this leaves alone.
    """
    phs = list(layout.iter(qn("p:ph")))
    titles = [ph for ph in phs if ph.get("type") in _TITLE_TYPES]
    others = [ph for ph in phs if ph.get("type") not in _TITLE_TYPES]
    following = max((int(ph.get("idx", "0")) for ph in phs), default=0) + 1
    seen: set[int] = set()
    for ph in titles + others:
        idx = int(ph.get("idx", "0"))
        if idx in seen:
            ph.set("idx", str(following))
            idx, following = following, following + 1
        seen.add(idx)
