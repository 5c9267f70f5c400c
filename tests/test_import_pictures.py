"""Every picture of a deck comes over: a slide's pictures beyond its first (small ones, those in
groups) follow it on picture slides of their own, titled '... (cont.)'; a picture the deck
repeats on at least half its slides (and at least three) is a logo, left out with one warning.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import Any

import yaml
from PIL import Image
from pptx import Presentation
from pptx.util import Inches

from yamldeck.cli import main

GREEN = (30, 160, 60)
GREY = (90, 90, 90)
ORANGE = (230, 120, 20)


def png(color: tuple[int, int, int]) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), color).save(buffer, "PNG")
    return buffer.getvalue()


def bullets_slide(prs: Any, title: str, items: list[str]) -> Any:
    slide = prs.slides.add_slide(prs.slide_layouts[1])  # Title and Content
    slide.shapes.title.text = title
    frame = slide.placeholders[1].text_frame
    frame.text = items[0]
    for item in items[1:]:
        frame.add_paragraph().text = item
    return slide


def imported(folder: Path, prs: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The deck imported with the CLI: its slides as PyYAML reads them, and the warnings."""
    prs.save(str(folder / "talk.pptx"))
    err = io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
        assert main(["import", str(folder / "talk.pptx"), "-o", str(folder / "outline.yaml")]) == 0
    data = yaml.load((folder / "outline.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    prefix = f"{folder / 'talk.pptx'}: warning: "
    lines = err.getvalue().splitlines()  # the warnings, then a hint to build the outline
    return data["slides"], [line.removeprefix(prefix) for line in lines
                            if line.startswith(prefix)]


def test_a_small_picture_beside_bullets_follows_on_a_picture_slide(tmp_path: Path) -> None:
    prs = Presentation()
    slide = bullets_slide(prs, "Plan", ["Dig", "Plant"])
    icon = slide.shapes.add_picture(io.BytesIO(png(GREEN)), Inches(9), Inches(0.2),
                                    Inches(0.5), Inches(0.5))
    icon._element.nvPicPr.cNvPr.set("descr", "A green leaf")
    slides, warnings = imported(tmp_path, prs)
    assert [(s["kind"], s["title"]) for s in slides] == [("bullets", "Plan"),
                                                         ("picture", "Plan (cont.)")]
    assert slides[0]["bullets"] == ["Dig", "Plant"]
    assert "image" not in slides[0]
    assert slides[1]["alt"] == "A green leaf"
    assert (tmp_path / slides[1]["image"]).read_bytes() == png(GREEN)
    assert warnings == ["slide 1: picture 'Picture 3': a slide of an outline holds one figure; "
                        "it follows on a slide of its own"]


def test_a_picture_in_a_group_comes_over(tmp_path: Path) -> None:
    prs = Presentation()
    slide = bullets_slide(prs, "Team", ["Ann", "Bob"])
    group = slide.shapes.add_group_shape()
    picture = group.shapes.add_picture(io.BytesIO(png(ORANGE)), Inches(8), Inches(6),
                                       Inches(0.6), Inches(0.6))
    picture._element.nvPicPr.cNvPr.set("descr", "An orange badge")
    slides, _ = imported(tmp_path, prs)
    assert [(s["kind"], s["title"]) for s in slides] == [("bullets", "Team"),
                                                         ("picture", "Team (cont.)")]
    assert slides[1]["alt"] == "An orange badge"
    assert (tmp_path / slides[1]["image"]).read_bytes() == png(ORANGE)


def test_a_logo_on_every_slide_is_left_out_with_one_warning(tmp_path: Path) -> None:
    prs = Presentation()
    for number in range(1, 5):
        slide = bullets_slide(prs, f"Point {number}", ["One", "Two"])
        slide.shapes.add_picture(io.BytesIO(png(GREY)), Inches(9), Inches(7), Inches(0.8),
                                 Inches(0.4))
        if number in (2, 3):  # a picture on two of four slides: content, not a logo
            shape = slide.shapes.add_picture(io.BytesIO(png(GREEN)), Inches(8), Inches(6),
                                             Inches(0.6), Inches(0.6))
            shape._element.nvPicPr.cNvPr.set("descr", "A green leaf")
    slides, warnings = imported(tmp_path, prs)
    assert [(s["kind"], s["title"]) for s in slides] == [
        ("bullets", "Point 1"), ("bullets", "Point 2"), ("picture", "Point 2 (cont.)"),
        ("bullets", "Point 3"), ("picture", "Point 3 (cont.)"), ("bullets", "Point 4")]
    assert (tmp_path / slides[2]["image"]).read_bytes() == png(GREEN)
    assert slides[4]["image"] == slides[2]["image"]  # equal pictures are one file
    follows = "a slide of an outline holds one figure; it follows on a slide of its own"
    assert warnings == [f"slide 2: picture 'Picture 4': {follows}",
                        f"slide 3: picture 'Picture 4': {follows}",
                        "slides 1, 2, 3, 4: picture 'Picture 3': is on 4 of the deck's 4 slides (a "
                    "logo or a decoration?) and not brought over"]
    assert [p.name for p in (tmp_path / "outline-assets").iterdir() if p.suffix == ".png"] \
        == [Path(slides[2]["image"]).name]
