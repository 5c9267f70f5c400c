"""A process slide: 3 to 7 steps as chevrons left to right, or round a loop with arrows.

Chevrons hold each step's heading, with its text in a box under it. On a loop (`cycle: true`)
each step is a rounded box holding its heading and text, the boxes round an ellipse and arrows
from each to the next, the last back to the first. Everything is one group with alt text; the
type is as large as fits the steps' room, never under 14 pt, and no word is broken.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from ...outline.diagrams import ProcessSlide, Step
from ...outline.inline import plain_text
from ..context import SlideContext
from ..diagram import (
    Box,
    Fonts,
    Piece,
    Role,
    add_group,
    add_line,
    add_shape,
    add_text,
    emu,
    finish_group,
    pieces_height,
)
from ..styles import EMU_PER_PT

# As large as the room allows: headings up to the theme's body size, the text under them smaller.
HEADING = Role(24, bold=True, colour="on_accent")
TEXT = Role(20, colour="muted")
CYCLE_TEXT = Role(18, colour="on_accent")
MAX_SHRINK = 10  # the heading's 24 pt down to the 14 pt floor
POINT = 0.28  # a chevron's point, as a share of its height
CHEVRON_GAP_PT = 6.0
TEXT_GAP_PT = 10.0  # between a chevron and the text under it
SHAPE_INSET_PT = 6.0  # text inside a chevron or box keeps this far from its sides
LOOP_GAP_PT = 36.0  # the least room between boxes on a loop, for the arrow between them
ARROW_MARGIN_PT = 6.0  # an arrow stops this short of the boxes it joins
ASPECTS = (0.5, 0.65, 0.8)  # a box's height to its width on a loop, tried in this order
# DrawingML's roundRect sets its text inside its corners: 0.29289 of the corner's radius, which
# is 1/6 of the shorter side by default, on every side.
CORNER_TEXT = 0.29289 / 6


@dataclass(frozen=True)
class Row:
    """Chevrons in a row: their width, height and point, the type's shrink, the height of
    the text boxes under them."""

    width: float
    height: float
    point: float
    shrink: int
    text_height: float


def plan_row(steps: list[Step], width: float, height: float, fonts: Fonts) -> Row | int:
    """Chevrons across ``width``: the tallest heading sets their height (at least a third of
    their width, at most half the room); the index of a step that fits at no size."""
    count = len(steps)
    point = min(width / count * 0.4, 24.0)
    chevron_w = (width + (count - 1) * (point - CHEVRON_GAP_PT)) / count
    failing = 0
    for shrink in range(MAX_SHRINK + 1):
        tallest, texts = 0.0, 0.0
        for index, step in enumerate(steps):
            inner = chevron_w - 2 * point - 2 * SHAPE_INSET_PT
            head = pieces_height([Piece(step.heading, HEADING)], inner, shrink, fonts)
            body = pieces_height([Piece(step.text, TEXT)], chevron_w - point, shrink, fonts) \
                if step.text else 0.0
            if head is None or body is None:
                failing = index
                break
            tallest, texts = max(tallest, head), max(texts, body)
        else:
            chevron_h = max(tallest + 2 * SHAPE_INSET_PT, chevron_w / 3, 48.0)
            if chevron_h <= height / 2 and chevron_h + TEXT_GAP_PT + texts <= height:
                return Row(chevron_w, chevron_h, point, shrink, texts)
            failing = max(range(count), key=lambda k: len(steps[k].heading + (
                steps[k].text or "")))
    return failing


@dataclass(frozen=True)
class Loop:
    """Boxes round an ellipse: their size, the ellipse's radii, the shrink of the type."""

    box_w: float
    box_h: float
    radius_x: float
    radius_y: float
    shrink: int


def loop_centres(count: int, radius_x: float, radius_y: float) -> list[tuple[float, float]]:
    """Centres round the ellipse, clockwise from the top, relative to its centre."""
    return [(radius_x * math.cos(a), radius_y * math.sin(a))
            for a in (-math.pi / 2 + 2 * math.pi * i / count for i in range(count))]


def _apart(centres: list[tuple[float, float]], box_w: float, box_h: float) -> bool:
    """Whether every two boxes keep LOOP_GAP_PT between them (across or up and down)."""
    for i, (ax, ay) in enumerate(centres):
        for bx, by in centres[i + 1:]:
            if abs(ax - bx) < box_w + LOOP_GAP_PT and abs(ay - by) < box_h + LOOP_GAP_PT:
                return False
    return True


def plan_loop(steps: list[Step], width: float, height: float, fonts: Fonts) -> Loop | int:
    """The widest boxes that keep apart round the loop and hold their text (taller boxes when
    the text needs them), with the largest type that fits; else the longest step's index."""
    count = len(steps)
    for box_w in range(int(min(width / 2.5, 300)), 79, -4):
        for aspect in ASPECTS:
            box_h = box_w * aspect
            radius_y = (height - box_h) / 2
            radius_x = min((width - box_w) / 2, radius_y * 3.0)
            if radius_y <= 0 or not _apart(loop_centres(count, radius_x, radius_y), box_w,
                                           box_h):
                continue
            corner = CORNER_TEXT * min(box_w, box_h)  # the preset keeps text off its corners
            inner = box_w - 2 * (SHAPE_INSET_PT + corner)
            for shrink in range(MAX_SHRINK + 1):
                needs = [pieces_height(_loop_pieces(s), inner, shrink, fonts) for s in steps]
                if all(n is not None and n + 2 * corner + SHAPE_INSET_PT <= box_h
                       for n in needs):
                    return Loop(box_w, box_h, radius_x, radius_y, shrink)
    return max(range(count), key=lambda k: len(steps[k].heading + (steps[k].text or "")))


def _loop_pieces(step: Step) -> list[Piece]:
    text = [Piece(step.text, CYCLE_TEXT)] if step.text else []
    return [Piece(step.heading, HEADING), *text]


def render_process(ctx: SlideContext, slide: ProcessSlide) -> None:
    area = ctx.content_box(slide.title, "process")
    if area is None:
        return
    ctx.fill_title(slide.title)
    steps = slide.headed_steps()
    fonts = Fonts(ctx)
    width, height = area[2] / EMU_PER_PT, area[3] / EMU_PER_PT
    plan = (plan_loop if slide.cycle else plan_row)(steps, width, height, fonts)
    if isinstance(plan, int):
        where = "a box on the loop" if slide.cycle else "a chevron"
        ctx.problems.append(ctx.locate(
            f"{ctx.label}: step {plan + 1} ('{plain_text(steps[plan].heading)}') does not fit "
            f"{where} even at 14 pt without breaking a word; shorten it, or use fewer steps",
            "steps", plan))
        return
    name = "Cycle" if slide.cycle else "Process"
    headings = "; ".join(plain_text(step.heading) for step in steps)
    back = f" (and back to {plain_text(steps[0].heading)})" if slide.cycle else ""
    group = add_group(ctx, name, f"{name}: {headings}{back}")
    if isinstance(plan, Loop):
        _draw_loop(ctx, group, steps, plan, area, fonts.rtl)
    else:
        _draw_row(ctx, group, steps, plan, area, fonts.rtl)
    finish_group(group)


def _draw_row(ctx: SlideContext, group: Any, steps: list[Step], row: Row, area: Box,
              rtl: bool) -> None:
    """Chevrons left to right, or, on a right-to-left slide, right to left pointing left."""
    x, y, w, h = area
    point = row.point
    total = row.height + (TEXT_GAP_PT + row.text_height if row.text_height else 0.0)
    top = y + emu((h / EMU_PER_PT - total) / 2)
    for number, step in enumerate(steps, 1):
        offset = emu((number - 1) * (row.width - point + CHEVRON_GAP_PT))
        left = x + w - offset - emu(row.width) if rtl else x + offset
        box = (left, top, emu(row.width), emu(row.height))
        chevron = add_shape(ctx, group, "CHEVRON", box, name=f"Step {number}",
                            pieces=[Piece(step.heading, HEADING)], shrink=row.shrink,
                            adjust=point / min(row.width, row.height), inset_pt=SHAPE_INSET_PT)
        if rtl:  # pointing left; the text in it is not mirrored
            chevron._element.spPr.get_or_add_xfrm().set("flipH", "1")
        if step.text:
            text_w = emu(row.width - point)
            text_left = left + emu(row.width) - emu(point / 2) - text_w if rtl \
                else left + emu(point / 2)
            text_box = (text_left, top + emu(row.height + TEXT_GAP_PT), text_w,
                        emu(row.text_height))
            add_text(ctx, group, text_box, [Piece(step.text, TEXT)], row.shrink,
                     name=f"Step {number} text")


def _draw_loop(ctx: SlideContext, group: Any, steps: list[Step], loop: Loop, area: Box,
               rtl: bool) -> None:
    """Boxes round the loop, clockwise from the top, or counter-clockwise right to left."""
    x, y, w, h = area
    cx, cy = x + w // 2, y + h // 2
    mirror = -1 if rtl else 1
    centres = [(cx + mirror * emu(dx), cy + emu(dy))
               for dx, dy in loop_centres(len(steps), loop.radius_x, loop.radius_y)]
    bw, bh = emu(loop.box_w), emu(loop.box_h)
    for number, (step, (sx, sy)) in enumerate(zip(steps, centres, strict=True), 1):
        add_shape(ctx, group, "ROUNDED_RECTANGLE", (sx - bw // 2, sy - bh // 2, bw, bh),
                  name=f"Step {number}", pieces=_loop_pieces(step), shrink=loop.shrink,
                  inset_pt=SHAPE_INSET_PT)
    for number, start in enumerate(centres, 1):
        end = centres[number % len(centres)]
        a, b = _clipped(start, end, bw / 2 + emu(ARROW_MARGIN_PT), bh / 2 + emu(ARROW_MARGIN_PT))
        add_line(group, a, b, name=f"Arrow {number}", arrow=True)


def _clipped(start: tuple[int, int], end: tuple[int, int], half_w: float, half_h: float
             ) -> tuple[tuple[int, int], tuple[int, int]]:
    """The stretch of the line between two box centres that lies outside both boxes."""
    dx, dy = end[0] - start[0], end[1] - start[1]
    # How far along the line (0..1) it leaves a box of these half-sizes round its centre.
    leave = min(half_w / abs(dx) if dx else math.inf, half_h / abs(dy) if dy else math.inf)
    a = (start[0] + int(dx * leave), start[1] + int(dy * leave))
    b = (end[0] - int(dx * leave), end[1] - int(dy * leave))
    return a, b
