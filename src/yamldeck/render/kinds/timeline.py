"""A timeline slide: dated events along a horizontal line, as one group of editable shapes.

Events are spaced evenly or by date across the content frame. With room, every date sits above
the line and its label and detail below; when the text needs more width the events alternate
above and below, each taking the width of two. The type is the same for every event and as
large as fits (never under 14 pt). More than PER_SLIDE events continue on the next slides under
'overflow: continue', or are a located error.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...outline.diagrams import Event, TimelineSlide, date_position
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
    piece_lines,
    pieces_height,
)
from ..styles import EMU_PER_PT

PER_SLIDE = 8  # events on one slide: more are not readable from the back of a room
# As large as the room allows: labels up to the theme's body size, dates larger, details smaller.
DATE = Role(28, bold=True, colour="accent")
LABEL = Role(24)
DETAIL = Role(18, colour="muted")
MAX_SHRINK = 14  # the date's 28 pt down to the 14 pt floor
ROOMY_PT = 18  # labels this large or larger keep every date above the line, in one row
MARKER_PT = 18.0
GAP_PT = 8.0  # between the line's markers and the text
COLUMN_GAP_PT = 14.0  # between the text of neighbouring events on one side
NARROWEST_PT = 54.0  # an event's text is never set narrower than this
CRAMPED = 3  # lines: a text longer than this in a narrow column is better given a wider one
CONTINUED = " (cont.)"


@dataclass(frozen=True)
class Column:
    """One event's place: its marker's centre and text width (points from the frame's left),
    which side its text is on, and the heights of its date, label and detail."""

    centre: float
    left: float
    width: float
    above: bool
    heights: tuple[float, float, float]


@dataclass(frozen=True)
class Plan:
    """A timeline's layout in its frame (points): the line, the events, the type's shrink."""

    alternate: bool
    shrink: int
    line_y: float
    columns: tuple[Column, ...]
    cramped: bool = False  # some text runs to more than CRAMPED lines in its narrow column


@dataclass(frozen=True)
class Misfit:
    """Why a timeline cannot be drawn: event ``index`` (0-based) is too long, or too close
    in time to the one before it."""

    index: int
    close: bool = False


def pieces(event: Event) -> tuple[Piece, Piece, Piece | None]:
    detail = Piece(event.detail, DETAIL) if event.detail else None
    return Piece(event.date, DATE), Piece(event.label, LABEL), detail


def fractions(events: list[Event], by_date: bool) -> list[float]:
    """Where each event lies along the line, from 0 (first) to 1 (last)."""
    count = len(events)
    if by_date:
        places = [date_position(e.date) for e in events]
        first, last = places[0], places[-1]
        if None not in places and first is not None and last is not None and last > first:
            return [((p or 0.0) - first) / (last - first) for p in places]
    return [i / (count - 1) if count > 1 else 0.5 for i in range(count)]


def plan_timeline(events: list[Event], width: float, height: float, by_date: bool,
                  fonts: Fonts) -> Plan | Misfit:
    """The layout with the largest type that squeezes no text into more than CRAMPED lines:
    every date above the line and the text below it while labels stay ROOMY_PT or larger, else
    the events alternating above and below; failing both, the one with the larger type; a
    Misfit when neither fits even at the floor."""
    spread = fractions(events, by_date)
    fits: dict[bool, list[Plan]] = {False: [], True: []}
    misfit = Misfit(0)
    for alternate in (False, True):
        for shrink in range(MAX_SHRINK + 1):
            outcome = _fit(events, spread, width, height, alternate, shrink, fonts)
            if isinstance(outcome, Misfit):
                misfit = outcome
                if outcome.close:
                    break
                continue
            fits[alternate].append(outcome)
            if not outcome.cramped:
                break
    roomy = [p for p in fits[False] if not p.cramped and LABEL.size(p.shrink) >= ROOMY_PT]
    spacious = [p for p in fits[True] if not p.cramped]
    found = roomy or spacious or fits[False] + fits[True]
    if not found:
        return misfit
    return min(found, key=lambda plan: (plan.cramped, plan.shrink, plan.alternate))


def _fit(events: list[Event], spread: list[float], width: float, height: float,
         alternate: bool, shrink: int, fonts: Fonts) -> Plan | Misfit:
    count = len(events)
    gaps = COLUMN_GAP_PT * (count - 1)
    widest = (2 * width - gaps) / (count + 1) if alternate else (width - gaps) / count
    centres = [widest / 2 + f * (width - widest) for f in spread]
    step = 2 if alternate else 1
    columns = []
    cramped = False
    for i, event in enumerate(events):
        if i and centres[i] - centres[i - 1] < MARKER_PT + 2:
            return Misfit(i, close=True)
        room = widest
        for j in (i - step, i + step):
            if 0 <= j < count:
                room = min(room, abs(centres[i] - centres[j]) - COLUMN_GAP_PT)
        if room < NARROWEST_PT:
            return Misfit(i, close=True)
        left = min(max(centres[i] - room / 2, 0.0), width - room)
        heights = [pieces_height([p], room, shrink, fonts) if p else 0.0 for p in pieces(event)]
        if None in heights:
            return Misfit(i)
        cramped = cramped or any(p is not None and (piece_lines(p, room, shrink, fonts) or 0)
                                 > CRAMPED for p in pieces(event))
        above = alternate and i % 2 == 0
        columns.append(Column(centres[i], left, room, above, tuple(heights)))  # type: ignore[arg-type]
    ring = MARKER_PT + 2 * GAP_PT
    if alternate:
        up = max((sum(c.heights) for c in columns if c.above), default=0.0)
        down = max((sum(c.heights) for c in columns if not c.above), default=0.0)
    else:
        up = max(c.heights[0] for c in columns)
        down = max(c.heights[1] + c.heights[2] for c in columns)
    if up + ring + down > height:
        tallest = max(range(count), key=lambda k: sum(columns[k].heights))
        return Misfit(tallest)
    # The line across the middle of the frame, unless the text on one side needs more room.
    line_y = min(max(height / 2, up + ring / 2), height - down - ring / 2)
    return Plan(alternate, shrink, line_y, tuple(columns), cramped)


def render_timeline(ctx: SlideContext, slide: TimelineSlide) -> None:
    area = ctx.content_box(slide.title, "timeline")
    if area is None:
        return
    events = list(slide.events)
    pages = math.ceil(len(events) / PER_SLIDE)
    if pages > 1 and (slide.overflow or ctx.deck.overflow) != "continue":
        ctx.fill_title(slide.title)
        ctx.problems.append(ctx.locate(
            f"{ctx.label}: the timeline has {len(events)} events; a slide shows at most "
            f"{PER_SLIDE}, readable from the back of a room: add 'overflow: continue' to the "
            "slide to carry the rest onto the next slides, or remove events", "events",
            PER_SLIDE))
        return
    fonts = Fonts(ctx)
    start = 0
    for page in range(pages):
        size = len(events[start:]) // (pages - page) + (len(events[start:]) % (pages - page) > 0)
        here = ctx if page == 0 else ctx.continuation()
        here.fill_title(slide.title if page == 0 else slide.title + CONTINUED)
        _draw_page(here, slide, events[start:start + size], start, area, fonts)
        start += size


def _draw_page(ctx: SlideContext, slide: TimelineSlide, events: list[Event], offset: int,
               area: Box, fonts: Fonts) -> None:
    x, y, w, h = area
    by_date = slide.spacing == "date"
    plan = plan_timeline(events, w / EMU_PER_PT, h / EMU_PER_PT, by_date, fonts)
    if isinstance(plan, Misfit):
        ctx.problems.append(_misfit_problem(ctx, events, offset, plan, by_date))
        return
    summary = "; ".join(f"{plain_text(e.date)} {plain_text(e.label)}" for e in events)
    group = add_group(ctx, "Timeline by date" if by_date else "Timeline", f"Timeline: {summary}")
    line_y = y + emu(plan.line_y)
    add_line(group, (x, line_y), (x + w, line_y), name="Timeline line")
    half = emu(MARKER_PT / 2)
    for number, (event, column) in enumerate(zip(events, plan.columns, strict=True), 1):
        centre, left = x + emu(column.centre), x + emu(column.left)
        if fonts.rtl:  # right to left: the first event at the right, the plan mirrored
            centre = x + w - emu(column.centre)
            left = x + w - emu(column.left) - emu(column.width)
        add_shape(ctx, group, "OVAL", (centre - half, line_y - half, 2 * half, 2 * half),
                  name=f"Marker {number}", outline="background")
        _event_text(ctx, group, event, column, plan, (left, line_y), number)
    finish_group(group)


def _event_text(ctx: SlideContext, group: object, event: Event, column: Column, plan: Plan,
                origin: tuple[int, int], number: int) -> None:
    """The date, label and detail boxes of one event: the date next to the line, the label and
    detail beyond it (on the side the plan gives; dates above the line when not alternating)."""
    left, line_y = origin
    width = emu(column.width)
    ring = emu(MARKER_PT / 2 + GAP_PT)
    date, label, detail = pieces(event)
    date_h, label_h, detail_h = (emu(v) for v in column.heights)
    if plan.alternate and column.above:
        date_top = line_y - ring - date_h
        label_top = date_top - detail_h - label_h
        detail_top = date_top - detail_h
    elif plan.alternate:
        date_top = line_y + ring
        label_top = date_top + date_h
        detail_top = label_top + label_h
    else:
        date_top = line_y - ring - date_h
        label_top = line_y + ring
        detail_top = label_top + label_h
    add_text(ctx, group, (left, date_top, width, date_h), [date], plan.shrink,
             name=f"Date {number}", anchor="b" if date_top < line_y else "t")
    add_text(ctx, group, (left, label_top, width, label_h), [label], plan.shrink,
             name=f"Label {number}")
    if detail is not None:
        add_text(ctx, group, (left, detail_top, width, detail_h), [detail], plan.shrink,
                 name=f"Detail {number}")


def _misfit_problem(ctx: SlideContext, events: list[Event], offset: int, misfit: Misfit,
                    by_date: bool) -> object:
    event = events[misfit.index]
    number = offset + misfit.index + 1
    if misfit.close and by_date:
        before = events[misfit.index - 1] if misfit.index else event
        return ctx.locate(
            f"{ctx.label}: event {number} ('{event.date}') is too close in time to event "
            f"{number - 1} ('{before.date}') for both to be drawn with 'spacing: date'; use "
            "'spacing: even' (the dates are shown either way)", "events", number - 1, "date")
    fewer = ", or put fewer events on the slide" if len(events) > 2 else ""
    return ctx.locate(
        f"{ctx.label}: event {number} ('{event.date}') does not fit its place on the timeline "
        f"even at 14 pt; shorten its label or detail{fewer}", "events", number - 1)

