"""An excerpt of a built deck for LibreOffice to draw: the changed slides, numbered as in the deck.

LibreOffice spends most of a conversion reading the deck (0.45 s of 0.5 s for the MTCR deck),
so after a save it is given only what changed: the same package in which every slide before the
last changed one that did not change is blank and hidden (LibreOffice still counts it, so the
changed slides keep their numbers, but neither reads nor exports its content) and the slides
after it are left out of the slide list. Its PDF has one page per changed slide, in order, and
they look exactly as in the whole deck's PDF (tests/test_serve.py compares the pixels).
"""

from __future__ import annotations

import io
import posixpath
import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Collection
from html import escape

from .deckinfo import slide_parts

_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_SLIDE_LIST = re.compile(r"<((?:\w+:)?)sldIdLst>(.*?)</\1sldIdLst>", re.S)
_SLIDE_ID = re.compile(r"<(?:\w+:)?sldId\b[^>]*/>")
BLANK_SLIDE = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
    '<p:sld xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" show="0">'
    '<p:cSld><p:spTree><p:nvGrpSpPr><p:cNvPr id="1" name=""/><p:cNvGrpSpPr/><p:nvPr/>'
    "</p:nvGrpSpPr><p:grpSpPr/></p:spTree></p:cSld></p:sld>"
)
_RELS = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships '
         'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>')


def excerpt(data: bytes, shown: Collection[int]) -> bytes:
    """The deck ``data`` with only the 1-based slides ``shown`` drawn (see the module's text)."""
    last = max(shown)
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        parts = slide_parts(package)
        blank = {part for number, part in enumerate(parts[:last], 1) if number not in shown}
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as copy:
            for info in package.infolist():
                name = info.filename
                body = package.read(name)
                if name == "ppt/presentation.xml":
                    body = _first_slides(body.decode("utf-8"), last).encode("utf-8")
                elif name in blank:
                    body = BLANK_SLIDE.encode("utf-8")
                elif _rels_owner(name) in blank:
                    body = _layout_only(body)
                copy.writestr(info, body)
    return out.getvalue()


def _first_slides(presentation: str, count: int) -> str:
    """presentation.xml with only the first ``count`` slides in its slide list."""
    found = _SLIDE_LIST.search(presentation)
    if found is None:
        raise ValueError("the deck's presentation.xml has no slide list")
    kept = "".join(_SLIDE_ID.findall(found.group(2))[:count])
    prefix = found.group(1)
    return (presentation[: found.start()] + f"<{prefix}sldIdLst>{kept}</{prefix}sldIdLst>"
            + presentation[found.end():])


def _rels_owner(name: str) -> str:
    """The part a relationships part belongs to: ppt/slides/_rels/slide3.xml.rels -> slide3.xml."""
    folder, base = posixpath.split(name)
    if posixpath.basename(folder) != "_rels" or not base.endswith(".rels"):
        return ""
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _layout_only(rels: bytes) -> bytes:
    """A blank slide's relationships: its layout only (no pictures, charts or notes to read)."""
    kept = [
        "<Relationship " + " ".join(f'{key}="{escape(rel.get(key, ""))}"'
                                    for key in ("Id", "Type", "Target")) + "/>"
        for rel in ET.fromstring(rels).iter(_REL + "Relationship")
        if rel.get("Type", "").endswith("/slideLayout")
    ]
    return _RELS.format("".join(kept)).encode("utf-8")
