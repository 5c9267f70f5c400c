"""Tables: measured rows, column widths and alignment, and continuation slides for long tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from ...layout.measure import HYPHEN_BREAK, LINE_PITCH, Fit, Frame, Paragraph, Run, get_measurer
from ...outline import tabular
from ...outline.inline import parse_inline
from ...outline.model import TableSlide
from ..context import SlideContext
from ..styles import EMU_PER_PT
from ..tables import MARGIN_X_PT, MARGIN_Y_PT, draw_table
from ..text import Measured, Para
from ..writing import Writing, complex_text, runs_of

# Sizes tried for a table that fits on one slide, largest first; a longer table continues on
# further slides at CONTINUED_PT rather than shrinking further.
SIZES_PT = (18, 17, 16, 15, 14)
CONTINUED_PT = 16
# A table of many columns goes down to this size before a word would be broken over two lines.
FLOOR_PT = 10
# Rows may render a little taller than measured (font ascent rounding): keep this much spare.
SPARE = 0.96
WIDTH_SLACK = 1.03  # a word given exactly its measured width may still wrap in a viewer
NARROWEST = 0.6  # of the frame's width, for a table of short columns
_ALIGN = {"left": "l", "center": "ctr", "right": "r"}


@dataclass(frozen=True)
class Plan:
    """How a table is laid out: type size, column widths and row heights (EMU), and pages."""

    size_pt: int
    widths: tuple[int, ...]
    header_height: int
    heights: tuple[int, ...]  # of the body rows
    pages: tuple[tuple[int, ...], ...]  # body row indexes on each slide


def _runs(text: str, bold: bool, writing: Writing | None = None) -> tuple[Run, ...]:
    if writing is None:
        return tuple(Run(s.text, s.bold or bold, s.italic) for s in parse_inline(text)) or (
            Run(""),)
    runs = runs_of(parse_inline(text), writing)
    beyond = complex_text(runs, writing)
    return tuple(r.measured(bold, beyond) for r in runs) or (Run(""),)


def _unit_width(text: str, bold: bool, longest: bool, writing: Writing | None = None) -> float:
    """Width of the cell's text on one line (or of its longest word) at 1 pt."""
    measurer = get_measurer()
    runs = _runs(text, bold, writing) if writing is not None else ()
    if any(run.lang for run in runs) or (writing is not None and writing.rtl):
        natural, least = measurer.extent_units(runs, writing.rtl)  # type: ignore[union-attr]
        return (least if longest else natural) / 1000
    pieces = [(w, s) for s in parse_inline(text) for w in (_words(s.text) if longest else [s.text])]
    widths = [measurer.text_width_pt(w, 1.0, s.bold or bold, s.italic) for w, s in pieces]
    return (max(widths) if longest else sum(widths)) if widths else 0.0


def _words(text: str) -> list[str]:
    """The pieces a line of text may break between: at spaces, and after hyphens and dashes
    (as viewers break it, and as the measurer assumes)."""
    return [piece for word in text.split() for piece in HYPHEN_BREAK.split(word)]


def unit_widths(data: tabular.TableData, writing: Writing | None = None
                ) -> tuple[list[float], list[float]]:
    """(one-line width, longest word) of each column at 1 pt: widths scale with the size."""
    rows = [(data.header, True)] + [(row, False) for row in data.body]
    columns = range(len(data.header))
    natural = [max(_unit_width(r[c], b, False, writing) for r, b in rows) for c in columns]
    least = [max(_unit_width(r[c], b, True, writing) for r, b in rows) for c in columns]
    return natural, least


def _need(unit: float, size: float) -> float:
    """Points a cell needs for text ``unit`` wide at 1 pt, at ``size`` (with viewers' rounding)."""
    return unit * size * WIDTH_SLACK + 2 * MARGIN_X_PT + 2


def words_fit(units: tuple[list[float], list[float]], widths: Sequence[int], size: float) -> bool:
    """Whether every column is wide enough for its longest word at ``size`` (no word broken)."""
    # (0.5 pt: a column given exactly its need loses a fraction of an EMU to rounding)
    return all(
        w / EMU_PER_PT >= _need(u, size) - 0.5 for u, w in zip(units[1], widths, strict=True)
    )


def column_widths(units: tuple[list[float], list[float]], total: int, size: float,
                  relative: Sequence[float] | None) -> tuple[int, ...]:
    """Given relative widths, or else widths from the text: short columns stay narrow."""
    if relative:
        weights = list(relative)
    else:
        natural = [_need(u, size) for u in units[0]]
        least = [_need(u, size) for u in units[1]]
        room = total / EMU_PER_PT
        if sum(natural) <= room:  # room to spare: share it out evenly (see table_width)
            spare = (table_width(natural, room) - sum(natural)) / len(natural)
            weights = [n + spare for n in natural]
            total = int(sum(weights) * EMU_PER_PT)
        elif sum(least) >= room:
            weights = least
        else:  # every column gets its longest word; the rest goes where text would wrap most
            spare = room - sum(least)
            extra = [n - m for n, m in zip(natural, least, strict=True)]
            weights = [m + spare * e / sum(extra) for m, e in zip(least, extra, strict=True)]
    scale = total / sum(weights)
    widths = [int(w * scale) for w in weights]
    widths[-1] += total - sum(widths)
    return tuple(widths)


def table_width(natural: Sequence[float], room: float) -> float:
    """A table of short columns is not stretched across the slide: at most half again its
    natural width, but at least 60% of the frame (so it still reads as a designed block)."""
    return min(room, max(room * NARROWEST, sum(natural) * 1.5))


def row_height(cells: Sequence[str], widths: Sequence[int], size: float, bold: bool,
               writing: Writing | None = None) -> int:
    measurer = get_measurer()
    rtl = writing is not None and writing.rtl
    lines = max(
        measurer.line_count(Paragraph(_runs(text, bold, writing), size, rtl=rtl),
                            w / EMU_PER_PT - 2 * MARGIN_X_PT, size)
        for text, w in zip(cells, widths, strict=True)
    )
    return int((lines * LINE_PITCH * size + 2 * MARGIN_Y_PT) * EMU_PER_PT)


def paginate(heights: Sequence[int], room: int) -> tuple[tuple[int, ...], ...] | None:
    """Rows split over as few slides as possible, evenly; None if one row is too tall."""
    if any(h > room for h in heights):
        return None
    pages = _greedy(heights, room)
    low, high = max(heights), room  # the smallest page height that still needs no extra slide
    while high - low > EMU_PER_PT:
        middle = (low + high) // 2
        if len(_greedy(heights, middle)) == len(pages):
            high = middle
        else:
            low = middle
    return _greedy(heights, high)


def _greedy(heights: Sequence[int], room: int) -> tuple[tuple[int, ...], ...]:
    pages: list[list[int]] = [[]]
    used = 0
    for index, height in enumerate(heights):
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0
        pages[-1].append(index)
        used += height
    return tuple(tuple(page) for page in pages)


class TooTall(Exception):
    """A row of the table is taller than a slide even at ``size`` points."""

    def __init__(self, size: int) -> None:
        super().__init__(size)
        self.size = size


def plan_table(data: tabular.TableData, area: tuple[int, int, int, int],
               relative: Sequence[float] | None, writing: Writing | None = None) -> Plan:
    """The largest size that fits one slide, else continuation slides; TooTall if a row never
    fits.

    Sizes at which a column would break a word over two lines are skipped: a table of many
    columns is set smaller, down to FLOOR_PT. A word too long for its column even then (a web
    address) is left to the viewer to break, at the sizes a table of few columns uses.
    """
    _, _, width, height = area
    room = int(height * SPARE)
    units = unit_widths(data, writing)
    whole = [size for size in (*SIZES_PT, *range(min(SIZES_PT) - 1, FLOOR_PT - 1, -1))
             if words_fit(units, column_widths(units, width, size, relative), size)]
    sizes = [size for size in SIZES_PT if size in whole] or whole[:1] or list(SIZES_PT)
    continued = CONTINUED_PT if CONTINUED_PT in whole or not whole else whole[0]
    for size in (*sizes, continued):
        last = size == continued
        widths = column_widths(units, width, size, relative)
        header = row_height(data.header, widths, size, True, writing)
        heights: list[int] = []
        used = header
        for row in data.body:
            heights.append(row_height(row, widths, size, False, writing))
            used += heights[-1]
            if used > room and not last:
                break  # will not fit on one slide at this size
        if used <= room or last:
            pages = paginate(heights, room - header)
            if not pages:
                raise TooTall(size)
            return Plan(size, widths, header, tuple(heights), pages)
    raise AssertionError("the loop returns at the continued size")  # pragma: no cover


def render_table(ctx: SlideContext, slide: TableSlide) -> None:
    rows = slide.rows if slide.rows is not None else ctx.assets.rows[slide.csv]
    data = tabular.table_data(rows)
    area = ctx.content_box(slide.title, "table")
    if area is None:
        return
    try:
        plan = plan_table(data, area, slide.column_widths(), ctx.writing())
    except TooTall as exc:
        ctx.fill_title(slide.title)
        ctx.problems.append(ctx.locate(
            f"{ctx.label}: a row of the table is too tall for a slide even at {exc.size} pt; "
            "shorten its text or give its column more room with 'widths:'"))
        return
    if plan.size_pt < min(SIZES_PT):  # set smaller than a table is designed for: check says so
        _, _, width, height = area
        size = float(plan.size_pt)
        measured = Measured((Paragraph(_runs(" ".join(data.header), True), size),),
                            Frame(width / EMU_PER_PT, height / EMU_PER_PT), FLOOR_PT,
                            Fit(0, len(data.body) + 1, height / EMU_PER_PT, True))
        ctx.record("table", [Para(" ".join(data.header), bold=True)], measured)
    numeric = tabular.numeric_columns(data)
    # Text at the start of its column, numbers at the end: mirrored on a right-to-left slide.
    start, end = ("right", "left") if ctx.rtl else ("left", "right")
    align = [_ALIGN[a] for a in slide.align or [end if n else start for n in numeric]]
    for page, indexes in enumerate(plan.pages):
        here = ctx if page == 0 else ctx.continuation()
        here.fill_title(slide.title if page == 0 else f"{slide.title} (cont.)")
        body = [data.body[i] for i in indexes]
        heights = [plan.header_height] + [plan.heights[i] for i in indexes]
        draw_table(here, area, [data.header, *body], plan.widths, plan.size_pt, heights, align)
