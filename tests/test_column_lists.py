"""Short list items set in text columns (the number slide's details) keep to one line each."""

from __future__ import annotations

from pathlib import Path

from helpers import build_outline, placeholder_at
from PIL import ImageFont

CARLITO = Path(__file__).resolve().parents[1] / "src" / "yamldeck" / "fonts" / "Carlito-Regular.ttf"


def _outline(items: list[str]) -> str:
    details = "".join(f"      - {item}\n" for item in items)
    return (
        "deck:\n  title: Lists\n  language: en-NZ\nslides:\n"
        f'  - title: Members\n    number: "{len(items)}"\n'
        f"    caption: names\n    details:\n{details}"
    )


def _column_width_pt(shape) -> float:
    body = shape.text_frame._txBody.bodyPr
    columns = int(body.get("numCol", "1"))
    gap = int(body.get("spcCol", "0")) / 12700
    insets = (int(body.get("lIns", "91440")) + int(body.get("rIns", "91440"))) / 12700
    return (shape.width / 12700 - insets - (columns - 1) * gap) / columns


def test_items_that_would_wrap_are_shrunk_until_each_fits_one_line(tmp_path: Path) -> None:
    # 27 names long enough to wrap in a third of the details frame at the designed 20 pt.
    items = [f"Federated Republic {chr(65 + i % 26)}{i}" for i in range(27)]
    built = build_outline(_outline(items), tmp_path)
    shape = placeholder_at(built.prs.slides[0], 3)
    width = _column_width_pt(shape)
    sizes = {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs}
    assert len(sizes) == 1
    (size,) = sizes
    assert size < 20 and size == int(size)
    font = ImageFont.truetype(str(CARLITO), 1000)
    widest = max(font.getlength(item) for item in items) * size / 1000
    assert widest <= width  # every item fits one line of its column
    assert widest * (size + 1) / size > width * 0.995  # one point more and the widest would wrap
    assert [p.text for p in shape.text_frame.paragraphs] == items


def test_items_that_fit_keep_the_designed_size(tmp_path: Path) -> None:
    items = [f"Land {i}" for i in range(27)]
    built = build_outline(_outline(items), tmp_path)
    shape = placeholder_at(built.prs.slides[0], 3)
    assert {run.font.size.pt for p in shape.text_frame.paragraphs for run in p.runs} == {20.0}
