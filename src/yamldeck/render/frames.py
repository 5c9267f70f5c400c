"""Where each frame of a slide kind goes on any layout, found from its placeholders' types."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from ..layout.measure import get_measurer
from ..outline import model as m
from .layoutinfo import AREAS, BODIES, GUTTER, TEXTS, LayoutInfo, Ph
from .slots import Slot
from .styles import EMU_PER_PT
from .text import COLUMN_GAP_PT


def needs(key: str, slide: Any, deck: m.Deck) -> tuple[Any, ...]:
    """What of a slide decides its frames (which optional texts it has)."""
    if key == "title":
        return bool(slide.subtitle or deck.subtitle), len(_presenter_lines(slide, deck))
    if key in ("section", "closing"):
        return bool(slide.subtitle), bool(getattr(slide, "contacts", None))
    if key in ("number", "number_chart"):
        return bool(slide.details), bool(slide.caption)
    return ()


def _presenter_lines(slide: Any, deck: m.Deck) -> list[str]:
    return [t for t in (slide.presenter or deck.presenter, slide.affiliation or deck.affiliation,
                        slide.date or deck.date) if t]


Plan = dict[int, Slot] | None
Planner = Callable[[LayoutInfo, Any, m.Deck], Plan]


def _split(ph: Ph, share: float, upper: Slot, lower: Slot) -> tuple[Slot, Slot]:
    """``ph`` cut across at ``share`` of its height: the upper and lower frames."""
    return (replace(upper, idx=ph.idx, part=(0.0, 0.0, 1.0, share)),
            replace(lower, idx=ph.idx, part=(0.0, share, 1.0, 1.0)))


def _halves(ph: Ph) -> tuple[Slot, Slot]:
    half = (1 - GUTTER) / 2
    return Slot(ph.idx, (0.0, 0.0, half, 1.0)), Slot(ph.idx, (1 - half, 0.0, 1.0, 1.0), own=False)


def plan_title(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    title = info.title()
    has_subtitle, presenter = needs("title", slide, deck)
    texts = info.of_types(TEXTS)
    if title is None or ((has_subtitle or presenter) and not texts):
        return None
    plan = {0: Slot(title.idx)}
    if not texts:
        return plan
    first = texts[0]
    size = info.size(first)
    if has_subtitle and presenter and len(texts) > 1:
        plan[1] = Slot(first.idx, plain=True)
        plan[13] = Slot(texts[1].idx, plain=True, tight=True)
    elif has_subtitle and presenter:
        share = min(0.5, 1 / (1 + presenter))
        plan[1], plan[13] = _split(first, share, Slot(first.idx, plain=True, tight=True), Slot(
            first.idx, own=False, plain=True, sizes=(size * 0.8,), tight=True))
    elif presenter:
        plan[13] = Slot(first.idx, plain=True, tight=True)
    else:
        plan[1] = Slot(first.idx, plain=True)
    return plan


def plan_section(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    title = info.title()
    texts = info.of_types(("body", "subTitle", "obj"))
    if title is None or (slide.subtitle and not texts):
        return None
    plan = {0: Slot(title.idx)}
    if texts:
        plan[1] = Slot(texts[0].idx, plain=True)
    return plan


def plan_body(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """bullets and agenda: a title and the largest body."""
    title, body = info.title(), info.largest(BODIES)
    return None if title is None or body is None else {0: Slot(title.idx), 1: Slot(body.idx)}


def plan_area(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """table and chart: a title and a content placeholder, or the room below the title."""
    title = info.title()
    if title is None:
        return None
    body = info.largest(AREAS)
    if body is not None:
        return {0: Slot(title.idx), 1: Slot(body.idx)}
    room = info.below_title()
    return None if room is None else {0: Slot(title.idx), 1: Slot(None, area=room)}


def plan_picture(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    picture = info.largest(("pic",))
    title = info.title()
    if picture is not None and title is not None:
        return {0: Slot(title.idx), 1: Slot(picture.idx)}
    return plan_area(info, slide, deck)


def plan_two(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """Two columns (or a picture beside bullets): a pair of bodies, or one body in halves."""
    title = info.title()
    if title is None:
        return None
    pair = info.pair(BODIES)
    if pair is not None:
        return {0: Slot(title.idx), 1: Slot(pair[0].idx), 2: Slot(pair[1].idx)}
    body = info.largest(BODIES)
    if body is None:
        return None
    left, right = _halves(body)
    return {0: Slot(title.idx), 1: left, 2: right}


def plan_comparison(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """Two columns with headings: the layout's own heading boxes, or a strip above each."""
    plan = plan_two(info, slide, deck)
    if plan is None:
        return None
    used = tuple(ph for ph in info.phs if ph.idx in (plan[1].idx, plan[2].idx))
    for role, heading in ((3, plan[1]), (4, plan[2])):
        column = next(ph for ph in used if ph.idx == heading.idx)
        x0, _, x1, _ = heading.part
        above = [ph for ph in info.of_types(("body",), but=used)
                 if ph.box[1] + ph.box[3] <= column.box[1] + EMU_PER_PT * 12
                 and abs(ph.box[0] - (column.box[0] + x0 * column.box[2])) < column.box[2] // 4]
        if above and x1 - x0 > 0.9:
            plan[role] = Slot(above[-1].idx, plain=True)
            continue
        size = info.size(column)
        share = min(0.25, (size * 1.2 * 1.4 + 8) * EMU_PER_PT / column.box[3])
        strip = Slot(heading.idx, (x0, 0.0, x1, share), own=False, plain=True,
                     sizes=(size,), anchor="b", tight=True, bold=True)
        body = Slot(heading.idx, (x0, share, x1, 1.0), heading.own)
        plan[role], plan[role - 2] = strip, body
    return plan


def plan_big_text(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """statement and quote: one body, the text larger than bullets and without them."""
    title, body = info.title(), info.largest(("body", "obj", "subTitle"))
    if title is None or body is None:
        return None
    size = info.size(body)
    return {0: Slot(title.idx), 1: Slot(body.idx, plain=True, sizes=(size * 1.3, size * 0.8),
                                        anchor="ctr")}


def plan_number(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    """A big number and its caption in one column, the details (if any) in the other."""
    title = info.title()
    has_details, _ = needs("number", slide, deck)
    if title is None:
        return None
    pair = info.pair(BODIES) if has_details else None
    body = info.largest(BODIES)
    if pair is None and body is None:
        return None
    if pair is not None:
        column, details = Slot(pair[0].idx), Slot(pair[1].idx)
        ph = pair[0]
    else:
        assert body is not None
        ph = body
        column, details = _halves(body) if has_details else (Slot(body.idx), None)
    size = info.size(ph)
    chart = slide.chart is not None
    shares = (0.3, 0.45, 0.5) if chart else (0.6, 1.0, 1.0)
    x0, _, x1, _ = column.part
    height_pt = ph.box[3] * shares[0] / EMU_PER_PT
    number = min(max(size * 2, height_pt * 0.7), 160.0)
    plan = {0: Slot(title.idx),
            1: Slot(ph.idx, (x0, 0.0, x1, shares[0]), column.own, sizes=(number,), plain=True,
                    emphasis=True, anchor="ctr", tight=True),
            2: Slot(ph.idx, (x0, shares[0], x1, shares[1]), False, sizes=(size * 0.85,),
                    plain=True, tight=True)}
    if chart:
        plan[4] = Slot(ph.idx, (x0, shares[2], x1, 1.0), False)
    if details is not None:
        right = pair[1] if pair is not None else ph
        cap = _whole_words(info, right, details, slide.details)
        plan[3] = Slot(details.idx, details.part, details.own, sizes=(min(size * 0.83, cap),),
                       plain=True, tight=True)
    return plan


def _whole_words(info: LayoutInfo, ph: Ph, slot: Slot, details: Any) -> float:
    """The largest size at which the longest word of a details list fits its column (the
    number renderer sets 1, 2 or 3 columns by the list's length), so no word is broken."""
    if not isinstance(details, list):
        return 1000.0
    columns = 1 if len(details) <= 8 else 2 if len(details) <= 16 else 3
    style = info.style(ph)
    bold = style.levels[0].bold
    width_pt = ph.box[2] * (slot.part[2] - slot.part[0]) / EMU_PER_PT / style.font_width
    inner = width_pt - sum(style.insets_pt[:2]) - (columns - 1) * COLUMN_GAP_PT
    longest = max((get_measurer().text_width_pt(word, 1.0, bold) for item in details
                   for word in item.split()), default=0.0)
    return inner / columns / longest * 0.97 if longest > 0 else 1000.0


def plan_closing(info: LayoutInfo, slide: Any, deck: m.Deck) -> Plan:
    title = info.title()
    has_subtitle, has_contacts = needs("closing", slide, deck)
    texts = info.of_types(TEXTS)
    if title is None or ((has_subtitle or has_contacts) and not texts):
        return None
    plan = {0: Slot(title.idx)}
    if has_subtitle and has_contacts and len(texts) > 1:
        plan[13], plan[1] = Slot(texts[0].idx, plain=True), Slot(texts[1].idx, plain=True)
    elif has_subtitle and has_contacts:
        first = texts[0]
        plan[13], plan[1] = _split(first, 0.3, Slot(first.idx, plain=True, tight=True),
                                   Slot(first.idx, own=False, plain=True))
    elif texts:
        plan[13 if has_subtitle else 1] = Slot(texts[0].idx, plain=True)
    return plan


PLANNERS: dict[str, Planner] = {
    "title": plan_title, "section": plan_section, "closing": plan_closing,
    "bullets": plan_body, "agenda": plan_body, "table": plan_area, "chart": plan_area,
    "picture": plan_picture, "picture_text": plan_two, "columns": plan_two,
    "comparison": plan_comparison, "statement": plan_big_text, "quote": plan_big_text,
    "number": plan_number, "number_chart": plan_number,
    "timeline": plan_area, "process": plan_area,
}
