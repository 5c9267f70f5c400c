"""Finished parts kept as bytes: a slide, its notes and charts serialised and their trees freed.

python-pptx keeps every slide as an lxml tree until the deck is saved: about 60 kB per slide with
its notes, against 6 kB of XML. A frozen part stays in the package (its relationships, name and
content type are python-pptx's as before) but holds only its compressed XML, which the deck's zip
stores as it is (package.archive.zip_deck). How a part is turned into a frozen one is python-pptx
internals: see pptx_internals.become.
"""

from __future__ import annotations

from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.oxml import serialize_part_xml
from pptx.parts.chart import ChartPart
from pptx.parts.slide import NotesSlidePart, SlidePart

from ..package.archive import Deflated, deflate, inflate
from .pptx_internals import become

_EMPTY = deflate(b"")


class FrozenPart:
    """A finished part kept as the bytes python-pptx's save would write for it, compressed as
    the deck's zip stores them (a 5000-slide deck's XML is 30 MB; the zip then copies them)."""

    _frozen: Deflated

    @property
    def blob(self) -> bytes:
        return inflate(self._frozen)

    def release(self) -> Deflated:
        """The compressed blob, freed here: for the one writer of the package (render.members)."""
        frozen, self._frozen = self._frozen, _EMPTY
        return frozen


class _FrozenSlidePart(FrozenPart, SlidePart):
    """A finished slide, as bytes."""


class _FrozenNotesPart(FrozenPart, NotesSlidePart):
    """A finished notes slide, as bytes."""


class _FrozenChartPart(FrozenPart, ChartPart):
    """A finished slide's chart, as bytes (its workbook is bytes already)."""


def freeze(slide: Any) -> None:
    """Serialise a finished slide, its notes and charts now and free their trees.

    python-pptx keeps every slide as an lxml tree until the deck is saved: about 60 kB per slide
    with its notes, against 6 kB of XML. Nothing may touch the slide afterwards.
    """
    part = slide.part
    try:
        notes = part.part_related_by(RT.NOTES_SLIDE)
    except KeyError:
        notes = None
    if notes is not None:
        _freeze(notes, _FrozenNotesPart, "notes_slide")
    for rel in part.rels.values():
        if rel.reltype == RT.CHART and not rel.is_external and type(rel.target_part) is ChartPart:
            _freeze(rel.target_part, _FrozenChartPart, "chart")
    _freeze(part, _FrozenSlidePart, "slide")


def _freeze(part: Any, frozen: type[FrozenPart], proxy: str) -> None:
    blob = serialize_part_xml(part._element)  # what XmlPart.blob returns at save
    become(part, frozen, proxy)
    part._frozen = deflate(blob)
