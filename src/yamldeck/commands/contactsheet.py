"""The numbered contact sheet of a deck's slide pictures (Pillow), captioned with their titles."""

from __future__ import annotations

import posixpath
import subprocess
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Sequence
from pathlib import Path

from ..errors import Problem
from .libreoffice import RendererError


def contact_sheet(
    pictures: Sequence[Path],
    target: Path,
    *,
    captions: Sequence[str] = (),
    columns: int | None = None,
    thumb_width: int = 400,
) -> Path:
    """All slides in a numbered grid (caption: number and title), written to ``target`` as PNG."""
    from PIL import Image, ImageDraw, ImageFont

    from ..layout.measure import FONT_DIR

    if not pictures:
        raise RendererError(Problem("there are no slide pictures to put on a contact sheet"))
    columns = columns or (3 if len(pictures) <= 9 else 4)
    gap, caption_h = 24, 34
    first = Image.open(pictures[0])
    thumb_h = round(thumb_width * first.height / first.width)
    rows = -(-len(pictures) // columns)
    sheet = Image.new(
        "RGB",
        (gap + columns * (thumb_width + gap), gap + rows * (thumb_h + caption_h + gap)),
        "#EEF1F5",
    )
    draw = ImageDraw.Draw(sheet)
    bold = ImageFont.truetype(str(FONT_DIR / "Carlito-Bold.ttf"), 20)
    regular = ImageFont.truetype(str(FONT_DIR / "Carlito-Regular.ttf"), 18)
    for i, path in enumerate(pictures):
        x = gap + (i % columns) * (thumb_width + gap)
        y = gap + (i // columns) * (thumb_h + caption_h + gap)
        with Image.open(path) as picture:
            sheet.paste(
                picture.convert("RGB").resize((thumb_width, thumb_h), Image.LANCZOS), (x, y)
            )
        draw.rectangle((x - 1, y - 1, x + thumb_width, y + thumb_h), outline="#B8C2CC")
        number = str(i + 1)
        draw.text((x, y + thumb_h + 7), number, fill="#1B2A41", font=bold)
        caption = captions[i] if i < len(captions) else ""
        if caption:
            left = x + draw.textlength(number, font=bold) + 10
            font = _caption_font(caption, 18) or regular
            draw.text(
                (left, y + thumb_h + 8),
                _clip(draw, caption, font, x + thumb_width - left),
                fill="#41505E",
                font=font,
            )
    target.parent.mkdir(parents=True, exist_ok=True)
    sheet.save(target, optimize=True)
    return target


def _caption_font(text: str, size: int) -> object | None:
    """A font of this machine for a title in a script Carlito lacks (Arabic, Chinese...), found
    by fontconfig for the title's script; None when Carlito will do or none is found."""
    from PIL import ImageFont

    from ..layout.breaking import NEEDS_SCRIPTS
    from ..outline.languages import EXAMPLE_LANGUAGE
    from ..outline.scripts import letter_scripts

    if not NEEDS_SCRIPTS.search(text):
        return None
    script = next((s for s in letter_scripts(text) if s != "Latn"), "Hani")
    language = EXAMPLE_LANGUAGE.get(script, "und").lower()
    try:
        found = subprocess.run(["fc-match", "-f", "%{file}", f":lang={language}"],
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return ImageFont.truetype(found, size) if found else None
    except (OSError, subprocess.SubprocessError):
        return None


def _clip(draw: object, text: str, font: object, width: float) -> str:
    """``text`` shortened with an ellipsis to ``width`` pixels."""
    measure = draw.textlength  # type: ignore[attr-defined]
    if measure(text, font=font) <= width:
        return text
    while text and measure(text + "…", font=font) > width:
        text = text[:-1]
    return text.rstrip() + "…"


_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"


def deck_titles(deck: Path) -> list[str]:
    """The title of each slide of a built deck, in order ('' for a slide without one)."""
    with zipfile.ZipFile(deck) as package:
        presentation = ET.fromstring(package.read("ppt/presentation.xml"))
        rels = ET.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
        titles = []
        for slide_id in presentation.iter(_P + "sldId"):
            part = posixpath.normpath(posixpath.join("ppt", targets[slide_id.get(_R + "id")]))
            titles.append(_title_of(ET.fromstring(package.read(part))))
    return titles


def _title_of(slide: ET.Element) -> str:
    for shape in slide.iter(_P + "sp"):
        ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type") in ("title", "ctrTitle"):
            return " ".join(
                "".join(t.text or "" for t in p.iter(_A + "t")) for p in shape.iter(_A + "p")
            ).strip()
    return ""
