"""Edits of a built deck made with python-pptx as a colleague makes them in PowerPoint: text typed
into frames, paragraphs added with Enter, slides deleted and dragged in the slide sorter, a chart's
numbers edited in its sheet (tests/test_import_into.py)."""

from __future__ import annotations

import copy
import subprocess
from pathlib import Path
from typing import Any

from pptx import Presentation
from pptx.chart.data import CategoryChartData


def slide_titled(prs: Any, title: str) -> Any:
    return next(s for s in prs.slides if s.shapes.title is not None
                and s.shapes.title.text_frame.text == title)


def frame(slide: Any, field: str) -> Any:
    """The frame yamldeck drew for ``field`` (by its mark, as the selection pane names it)."""
    return next(s for s in slide.shapes if s.name == f"yamldeck:{field}").text_frame


def reword(slide: Any, field: str, old: str, new: str) -> None:
    paragraph = next(p for p in frame(slide, field).paragraphs if p.text == old)
    paragraph.runs[0].text = new
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)


def add_paragraph(slide: Any, field: str, text: str, after: int = -1) -> None:
    """Enter at the end of paragraph ``after``, then typing (the new one is formatted alike)."""
    paragraphs = frame(slide, field).paragraphs
    new = copy.deepcopy(paragraphs[after]._p)
    paragraphs[after]._p.addnext(new)
    runs = new.findall("{http://schemas.openxmlformats.org/drawingml/2006/main}r")
    runs[0].find("{http://schemas.openxmlformats.org/drawingml/2006/main}t").text = text
    for run in runs[1:]:
        new.remove(run)


def reword_notes(slide: Any, index: int, text: str) -> None:
    paragraph = slide.notes_slide.notes_text_frame.paragraphs[index]
    paragraph.runs[0].text = text
    for run in paragraph.runs[1:]:
        run._r.getparent().remove(run._r)


def delete_slide(prs: Any, slide: Any) -> None:
    """As PowerPoint deletes a slide: its entry and its relationship both go."""
    ids = prs.slides._sldIdLst
    entry = next(e for e in ids if prs.part.related_part(e.rId) is slide.part)
    prs.part.drop_rel(entry.rId)
    ids.remove(entry)


def move_slide(prs: Any, slide: Any, after: Any) -> None:
    """Dragging ``slide`` to follow ``after`` in the slide sorter."""
    ids = prs.slides._sldIdLst
    entry = next(e for e in ids if prs.part.related_part(e.rId) is slide.part)
    target = next(e for e in ids if prs.part.related_part(e.rId) is after.part)
    ids.remove(entry)
    target.addnext(entry)


def set_chart_value(slide: Any, category: str, value: float) -> None:
    """A number typed into the chart's sheet: the chart's cache and its workbook both change."""
    chart = next(s for s in slide.shapes if s.has_chart).chart
    plot = chart.plots[0]
    data = CategoryChartData(number_format="General")
    data.categories = list(plot.categories)
    for series in plot.series:
        pairs = zip(plot.categories, series.values, strict=True)
        values = [value if c == category else v for c, v in pairs]
        data.add_series(series.name, values)
    chart.replace_data(data)


def colleague_edits(built: Path, edited: Path) -> None:
    """The edits the import test takes back: one of each kind the outline can hold."""
    prs = Presentation(str(built))
    reword(slide_titled(prs, "How do we achieve our goals?"), "bullets",
           "Dialogue and information exchange", "Dialogue and regular information exchange")
    add_paragraph(slide_titled(prs, "What is the MTCR?"), "bullets",
                  "Partners take their decisions by consensus")
    delete_slide(prs, slide_titled(prs, "Challenges"))
    move_slide(prs, slide_titled(prs, "Value of the MTCR"), slide_titled(prs, "What is the MTCR?"))
    reword_notes(slide_titled(prs, "Adherence"), 0, "Countries do not have to be partners to "
                 "take part: they may declare unilateral adherence to the MTCR Guidelines.")
    set_chart_value(slide_titled(prs, "MTCR membership"), "Asia-Pacific", 6)
    prs.save(str(edited))

# The warning `import --into` gives for a deck LibreOffice saved (it renames every placeholder).
RESAVED = ("the frames yamldeck named were renamed by LibreOffice when it saved the deck, so its "
           "slides were matched to the outline by their titles and notes, and its frames by "
           "their places; shapes added, formatting and animations are not checked")


def resaved_by_libreoffice(deck: Path, folder: Path) -> Path:
    """The deck opened and saved as .pptx by LibreOffice (``soffice --convert-to pptx``), in
    ``folder`` (outside the test's own folder: LibreOffice's deck is not one yamldeck wrote)."""
    subprocess.run(["soffice", f"-env:UserInstallation={(folder / 'lo').as_uri()}",
                    "--headless", "--norestore", "--convert-to", "pptx", "--outdir",
                    str(folder / "out"), str(deck)],
                   check=True, capture_output=True, timeout=180)
    return folder / "out" / deck.name
