"""What the preview reads from a built deck: each slide's title, notes and picture's fingerprint.

A slide's fingerprint covers its own part and every part it draws from (pictures, charts), but
not its notes; parts every slide shares (layouts, masters, theme, the slide list) make one deck
fingerprint. A slide whose fingerprint and the deck's are unchanged looks as it did, so its
picture is not drawn again. Read with the standard library (zipfile, ElementTree): only the
renderer imports python-pptx.
"""

from __future__ import annotations

import hashlib
import io
import posixpath
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Parts a slide's picture does not depend on, or that belong to one slide and are followed from it.
_OWN = ("ppt/slides/", "ppt/notesSlides/", "ppt/media/", "ppt/charts/", "ppt/embeddings/",
        "docProps/")
_NOT_DRAWN = ("/notesSlide", "/slideLayout")  # relationship types not followed from a slide


@dataclass(frozen=True)
class SlideFacts:
    title: str
    notes: str
    fingerprint: str  # changes whenever the slide's picture may change


@dataclass(frozen=True)
class DeckFacts:
    slides: tuple[SlideFacts, ...]
    fingerprint: str  # of the parts every slide draws from


def read_deck(data: bytes) -> DeckFacts:
    """The facts of a built deck's slides, in presentation order."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        crcs = {info.filename: info.CRC for info in package.infolist()}
        shared = sorted((name, crc) for name, crc in crcs.items() if not name.startswith(_OWN))
        slides = tuple(_slide(package, crcs, part) for part in slide_parts(package))
    return DeckFacts(slides, _digest(repr(shared)))


def slide_parts(package: zipfile.ZipFile) -> list[str]:
    """The slides' part names, in presentation order."""
    presentation = ET.fromstring(package.read("ppt/presentation.xml"))
    rels = _rels(package, "ppt/presentation.xml")
    targets = {rel.get("Id"): rel.get("Target", "") for rel in rels}
    return [
        posixpath.normpath(posixpath.join("ppt", targets[slide.get(_R + "id")]))
        for slide in presentation.iter(_P + "sldId")
    ]


def _rels(package: zipfile.ZipFile, part: str) -> list[ET.Element]:
    folder, name = posixpath.split(part)
    rels = f"{folder}/_rels/{name}.rels"
    try:
        return list(ET.fromstring(package.read(rels)).iter(_REL + "Relationship"))
    except KeyError:
        return []


def _slide(package: zipfile.ZipFile, crcs: dict[str, int], part: str) -> SlideFacts:
    notes = ""
    drawn: list[tuple[str, int]] = []
    pending, seen = [part], {part}
    while pending:  # the slide, then what it draws from, then what those draw from
        current = pending.pop()
        rels_name = posixpath.join(posixpath.dirname(current), "_rels",
                                   posixpath.basename(current) + ".rels")
        drawn += [(current, crcs.get(current, -1)), (rels_name, crcs.get(rels_name, -1))]
        for rel in _rels(package, current):
            if rel.get("TargetMode") == "External":
                continue
            target = posixpath.normpath(
                posixpath.join(posixpath.dirname(current), rel.get("Target", ""))
            )
            kind = rel.get("Type", "")
            if kind.endswith("/notesSlide") and current == part:
                notes = _notes(ET.fromstring(package.read(target)))
            elif not kind.endswith(_NOT_DRAWN) and target.startswith(_OWN) and target not in seen:
                seen.add(target)
                pending.append(target)
    title = _title(ET.fromstring(package.read(part)))
    return SlideFacts(title, notes, _digest(repr(sorted(drawn))))


def _text(shape: ET.Element) -> list[str]:
    return ["".join(t.text or "" for t in p.iter(_A + "t")) for p in shape.iter(_A + "p")]


def _placeholder(tree: ET.Element, types: tuple[str, ...]) -> ET.Element | None:
    for shape in tree.iter(_P + "sp"):
        ph = shape.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is not None and ph.get("type", "obj") in types:
            return shape
    return None


def _title(slide: ET.Element) -> str:
    shape = _placeholder(slide, ("title", "ctrTitle"))
    return " ".join(" ".join(_text(shape)).split()) if shape is not None else ""


def _notes(notes: ET.Element) -> str:
    shape = _placeholder(notes, ("body",))
    return "\n".join(_text(shape)).strip() if shape is not None else ""


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()
