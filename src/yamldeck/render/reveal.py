"""Points revealed one click at a time: the slide's animation timing, as PowerPoint writes it.

PowerPoint's "Appear" entrance, "By paragraph", "On click": in the slide's main sequence, one
click group per top-level point, whose first effect (the point) is a click effect and whose
others (its sub-points) come with it; the build list marks the shape as built by paragraph.
Each effect targets one paragraph (``p:pRg st=end``): LibreOffice reads only a range's start,
so sub-points get effects of their own rather than a range. Viewers that draw the whole slide
(a PDF export, the preview) show every point.
"""

from __future__ import annotations

from typing import Any

from lxml import etree
from pptx.oxml.ns import qn

from ..outline import model as m

# The frames whose points are revealed, by the built-in theme's placeholder idx, in order.
REVEALED: dict[type, tuple[int, ...]] = {
    m.BulletsSlide: (1,),
    m.ColumnsSlide: (1, 2),
    m.AgendaSlide: (1,),
}
_P = "http://schemas.openxmlformats.org/presentationml/2006/main"
_AFTER_TIMING = {qn("p:extLst")}


def reveals(model: Any, deck: m.Deck) -> bool:
    """Whether the slide's points appear one by one: its own reveal:, else the deck's."""
    if type(model) not in REVEALED:
        return False
    own = getattr(model, "reveal", None)
    return deck.reveal if own is None else own


def add_reveal(ctx: Any, model: Any) -> None:
    """Give ``ctx``'s slide the timing that shows its points one click at a time."""
    groups: list[tuple[int, list[int]]] = []  # (shape id, paragraph indices) per click
    for idx in REVEALED[type(model)]:
        shape = ctx._slide_placeholder(idx)
        if shape is None or not shape.has_text_frame:
            continue
        for indices in _point_groups(shape.text_frame._txBody):
            groups.append((shape.shape_id, indices))
    if groups:
        _set_timing(ctx.slide._element, timing_xml(groups))


def _point_groups(body: Any) -> list[list[int]]:
    """Paragraph indices of each top-level point with its sub-points."""
    groups: list[list[int]] = []
    for index, p in enumerate(body.findall(qn("a:p"))):
        p_pr = p.find(qn("a:pPr"))
        level = int(p_pr.get("lvl", "0")) if p_pr is not None else 0
        if level == 0 or not groups:
            groups.append([index])
        else:
            groups[-1].append(index)
    return groups


def timing_xml(groups: list[tuple[int, list[int]]]) -> str:
    """The p:timing of a slide whose click groups are (shape id, paragraph indices)."""
    ids = iter(range(3, 10_000))
    clicks = []
    for spid, indices in groups:
        outer, inner = next(ids), next(ids)
        effects = []
        for n, index in enumerate(indices):
            effect, behaviour = next(ids), next(ids)
            node = "clickEffect" if n == 0 else "withEffect"
            effects.append(
                f'<p:par><p:cTn id="{effect}" presetID="1" presetClass="entr" presetSubtype="0" '
                f'fill="hold" grpId="0" nodeType="{node}">'
                '<p:stCondLst><p:cond delay="0"/></p:stCondLst><p:childTnLst>'
                f'<p:set><p:cBhvr><p:cTn id="{behaviour}" dur="1" fill="hold">'
                '<p:stCondLst><p:cond delay="0"/></p:stCondLst></p:cTn>'
                f'<p:tgtEl><p:spTgt spid="{spid}"><p:txEl><p:pRg st="{index}" end="{index}"/>'
                "</p:txEl></p:spTgt></p:tgtEl>"
                "<p:attrNameLst><p:attrName>style.visibility</p:attrName></p:attrNameLst>"
                '</p:cBhvr><p:to><p:strVal val="visible"/></p:to></p:set>'
                "</p:childTnLst></p:cTn></p:par>"
            )
        clicks.append(
            f'<p:par><p:cTn id="{outer}" fill="hold">'
            '<p:stCondLst><p:cond delay="indefinite"/></p:stCondLst><p:childTnLst>'
            f'<p:par><p:cTn id="{inner}" fill="hold">'
            '<p:stCondLst><p:cond delay="0"/></p:stCondLst>'
            f"<p:childTnLst>{''.join(effects)}</p:childTnLst></p:cTn></p:par>"
            "</p:childTnLst></p:cTn></p:par>"
        )
    shapes = list(dict.fromkeys(spid for spid, _ in groups))
    builds = "".join(f'<p:bldP spid="{spid}" grpId="0" build="p"/>' for spid in shapes)
    return (
        f'<p:timing xmlns:p="{_P}"><p:tnLst><p:par>'
        '<p:cTn id="1" dur="indefinite" restart="never" nodeType="tmRoot"><p:childTnLst>'
        '<p:seq concurrent="1" nextAc="seek">'
        '<p:cTn id="2" dur="indefinite" nodeType="mainSeq">'
        f"<p:childTnLst>{''.join(clicks)}</p:childTnLst></p:cTn>"
        '<p:prevCondLst><p:cond evt="onPrev" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        "</p:cond></p:prevCondLst>"
        '<p:nextCondLst><p:cond evt="onNext" delay="0"><p:tgtEl><p:sldTgt/></p:tgtEl>'
        "</p:cond></p:nextCondLst>"
        "</p:seq></p:childTnLst></p:cTn></p:par></p:tnLst>"
        f"<p:bldLst>{builds}</p:bldLst></p:timing>"
    )


def _set_timing(sld: Any, xml: str) -> None:
    """Put the timing where the schema wants it: after the transition, before any extLst."""
    for old in sld.findall(qn("p:timing")):
        sld.remove(old)
    timing = etree.fromstring(xml)
    anchor = next((child for child in sld if child.tag in _AFTER_TIMING), None)
    if anchor is None:
        sld.append(timing)
    else:
        anchor.addprevious(timing)
