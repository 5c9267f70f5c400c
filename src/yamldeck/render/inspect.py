"""`yamldeck inspect`: a template's masters, layouts and placeholders, and what each is used for."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import OutlineError, Problem
from ..files.deckfiles import load_template
from ..files.paths import AssetPolicy, AssetProblem
from ..outline import model as m
from ..outline.fields import Bullet
from ..outline.settings import Layouts
from .kinds import layout_key
from .layouts import LayoutChooser, LayoutError
from .slots import placeholder_box
from .usertemplate import open_template, ph_type

EMU_PER = {"cm": 360000, "in": 914400}
_CHART = m.Chart.model_construct(type="column", data=[["", "a"], ["x", "1"]])
# One slide of each kind (and variant), to ask the chooser where it would go.
SAMPLES: list[tuple[str, Any]] = [
    ("title", m.TitleSlide.model_construct(kind="title", title="T", subtitle="S",
                                           presenter="P")),
    ("agenda", m.AgendaSlide.model_construct(kind="agenda", title="T")),
    ("section", m.SectionSlide.model_construct(kind="section", title="T", subtitle="S")),
    ("bullets", m.BulletsSlide.model_construct(kind="bullets", title="T",
                                               bullets=(Bullet("b"),))),
    ("statement", m.StatementSlide.model_construct(kind="statement", title="T", statement="S")),
    ("quote", m.QuoteSlide.model_construct(kind="quote", title="T", quote="Q")),
    ("number", m.NumberSlide.model_construct(kind="number", title="T", number="1", caption="c",
                                             details=["d"])),
    ("number with a chart", m.NumberSlide.model_construct(
        kind="number", title="T", number="1", caption="c", details=["d"], chart=_CHART)),
    ("columns", m.ColumnsSlide.model_construct(kind="columns", title="T", columns=[
        m.Column.model_construct(text="a"), m.Column.model_construct(text="b")])),
    ("columns with headings", m.ColumnsSlide.model_construct(kind="columns", title="T", columns=[
        m.Column.model_construct(heading="h", text="a"),
        m.Column.model_construct(heading="h", text="b")])),
    ("picture", m.PictureSlide.model_construct(kind="picture", title="T", image="p", alt="a")),
    ("picture beside bullets", m.PictureSlide.model_construct(
        kind="picture", title="T", image="p", alt="a", bullets=(Bullet("b"),))),
    ("table", m.TableSlide.model_construct(kind="table", title="T", rows=[["a"], ["1"]])),
    ("chart", m.ChartSlide.model_construct(kind="chart", title="T", chart=_CHART)),
    ("timeline", m.TimelineSlide.model_construct(kind="timeline", title="T", events=[])),
    ("process", m.ProcessSlide.model_construct(kind="process", title="T", steps=["a", "b", "c"])),
    ("closing", m.ClosingSlide.model_construct(kind="closing", title="T", contacts=["c"])),
]


def describe(path: Path, units: str = "cm") -> str:
    """The report `yamldeck inspect` prints; OutlineError when the file is not a template."""
    try:
        template = load_template(str(path), AssetPolicy(Path.cwd(), allow_outside=True), "")
    except AssetProblem as exc:
        raise OutlineError(Problem(str(exc))) from None
    prs, masters = open_template(template, None)
    chooser = LayoutChooser(prs, m.Deck.model_construct(title="T", layouts=Layouts()),
                            (masters.opening, masters.content))
    uses: dict[int, list[str]] = {}
    missing = []
    for label, slide in SAMPLES:
        try:
            layout = chooser.choose(slide, layout_key(slide), 1).layout
        except LayoutError:
            missing.append(label)
            continue
        uses.setdefault(id(layout.part), []).append(label)
    unit = EMU_PER[units]
    width, height = prs.slide_width / unit, prs.slide_height / unit
    layouts = sum(len(master.slide_layouts) for master in prs.slide_masters)
    lines = [f"{path.name}: slides {width:.2f} x {height:.2f} {units}, "
             f"{len(prs.slide_masters)} master{'s' if len(prs.slide_masters) != 1 else ''}, "
             f"{layouts} layouts",
             "'<-' names the slides yamldeck puts on a layout; choose others with 'layout:' on "
             "a slide or 'layouts:' in deck:"]
    if missing:
        lines.append(f"no layout suits: {', '.join(missing)}")
    for number, master in enumerate(prs.slide_masters, start=1):
        lines += ["", f"master {number}{_master_role(master, masters)}"]
        for layout in master.slide_layouts:
            used = uses.get(id(layout.part))
            lines.append(f"  layout '{layout.name}'" + (f"  <- {', '.join(used)}" if used else ""))
            lines += _placeholders(layout, unit, units)
    return "\n".join(lines) + "\n"


def _master_role(master: Any, masters: Any) -> str:
    roles = []
    if master is masters.opening:
        roles.append("title, section and closing slides")
    if master is masters.content:
        roles.append("the other slides")
    return f" (first choice for {' and '.join(roles)})" if roles else ""


def _placeholders(layout: Any, unit: int, units: str) -> list[str]:
    rows = [("type", "idx", "name", "left", "top", "width", f"height ({units})")]
    for shape in layout.placeholders:
        box = placeholder_box(shape)
        place = [f"{v / unit:.2f}" for v in box] if box else ["?"] * 4
        rows.append((ph_type(shape._element), str(shape.placeholder_format.idx), shape.name,
                     *place))
    if len(rows) == 1:
        return ["    (no placeholders)"]
    widths = [max(len(row[i]) for row in rows) for i in range(7)]
    return ["    " + "  ".join(cell.ljust(w) if i < 3 else cell.rjust(w)
                               for i, (cell, w) in enumerate(zip(row, widths, strict=True)))
            for row in rows]
