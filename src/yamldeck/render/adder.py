"""Adding slides and notes slides in constant time each, with the parts python-pptx would make.

python-pptx 1.0.2 is quadratic in the number of slides: every `slides.add_slide` looks up the
presentation's relationships by type (a scan of all of them) and the next slide id (an XPath over
every `p:sldId`), and every first `slide.notes_slide` walks every relationship of the package to
find a free part name (so does every new chart, workbook and picture). At 1000 slides those scans
were 80% of a build. `SlideAdder` keeps counters instead and builds each new part with python-pptx's
own classes: same part names, relationship ids, slide ids and XML as `slides.add_slide` +
`slide.notes_slide` (tests compare the two part by part). Part names for everything else come from
partnames.PartNames, installed on this one presentation's package; python-pptx itself is unchanged.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from lxml import etree
from pptx.opc.constants import CONTENT_TYPE as CT
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.packuri import PackURI
from pptx.oxml.ns import qn
from pptx.oxml.simpletypes import ST_Direction
from pptx.oxml.slide import CT_NotesSlide, CT_Slide
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.shapes.placeholder import NotesSlidePlaceholder
from pptx.slide import Slide

from .partnames import PartNames
from .pptx_internals import add_new_relationship, add_slide_id, shape_elements

SLIDE_PARTNAME = "/ppt/slides/slide%d.xml"
NOTES_PARTNAME = "/ppt/notesSlides/notesSlide%d.xml"
_MIN_SLIDE_ID = 256  # ECMA-376 19.2.1.33: slide ids start at 256
_MAX_SLIDE_ID = 2147483647
_SHAPE = qn("p:sp")
_SLIDE_NUMBER_TEXT = f".//{qn('a:fld')}[@type='slidenum']/{qn('a:t')}"
# python-pptx's max_shape_id and placeholder-name XPaths, compiled once instead of per call.
_ALL_IDS = etree.XPath("//@id")
_ALL_NAMES = etree.XPath(
    "//p:cNvPr/@name",
    namespaces={"p": "http://schemas.openxmlformats.org/presentationml/2006/main"},
)
_NV_PH = f"{qn('p:nvPr')}/{qn('p:ph')}"  # under a shape's first child, as python-pptx looks
_STAMP_NUMBER = 0  # the slide number the stamps are drawn with, replaced on each slide

# draw(slide, number): puts the layout's footer and slide-number shapes on a slide.
DrawChrome = Callable[[Any, int], None]


class ReferenceAdder:
    """Slides and notes the way python-pptx's public API adds them (quadratic; kept as the
    reference the fast adder is tested against)."""

    def __init__(self, prs: Any) -> None:
        self._prs = prs

    def add_slide(self, layout: Any) -> Any:
        return self._prs.slides.add_slide(layout)

    def notes_slide(self, slide: Any) -> Any:
        return slide.notes_slide

    def notes_text_frame(self, slide: Any) -> Any:
        return slide.notes_slide.notes_text_frame

    def add_chrome(self, slide: Any, layout: Any, number: int, draw: DrawChrome) -> None:
        draw(slide, number)


class SlideAdder:
    """Adds slides and notes slides to one presentation in constant time each.

    Use one adder per presentation and add every slide through it (it keeps its own counters).
    """

    def __init__(self, prs: Any) -> None:
        self._prs_part = prs.part
        self._package = prs.part.package
        self._sld_id_lst = prs.part._element.get_or_add_sldIdLst()
        ids = [sld_id.id for sld_id in self._sld_id_lst.sldId_lst]
        self._next_id = max([_MIN_SLIDE_ID - 1, *ids]) + 1
        # One walk of the package now, so naming parts never has to walk it again.
        self._names = PartNames(self._package)
        self._names.install()
        self._slide_number = len(ids)  # python-pptx names slide N+1 after N slides
        self._slide_prototypes: dict[int, Any] = {}  # id(layout part) -> p:sld with placeholders
        self._notes_master_part: Any = None
        self._notes_prototype: Any = None
        # id(layout part) -> footer shapes to stamp, or None: draw on every slide (see below)
        self._chrome: dict[int, list[tuple[str, Any]] | None] = {}
        self._notes_body: int | None = None  # where the notes text sits in a notes slide's shapes
        # Stamps by layout name kept by cache.SlideCache from one build to the next (same
        # template and deck settings), so a warm rebuild does not draw the chrome again.
        self.shared_chrome: dict[str, list[tuple[str, Any]] | None] | None = None

    def add_slide(self, layout: Any, element: Any = None) -> Any:
        """A new slide at the end of the deck with the layout's placeholders, as add_slide makes.

        ``element`` (a finished `p:sld` of this layout, see cache.py) replaces the blank one.
        """
        self._slide_number = self._next_free(SLIDE_PARTNAME, self._slide_number)
        partname = PackURI(SLIDE_PARTNAME % self._slide_number)
        if element is None:
            element = copy.deepcopy(self._slide_prototype(layout))
        slide_part = SlidePart(partname, CT.PML_SLIDE, self._package, element)
        slide_part.relate_to(layout.part, RT.SLIDE_LAYOUT)
        r_id = add_new_relationship(self._prs_part, RT.SLIDE, slide_part)
        if self._next_id > _MAX_SLIDE_ID:
            raise ValueError("more slides than PowerPoint can number")
        add_slide_id(self._sld_id_lst, self._next_id, r_id)
        self._next_id += 1
        return slide_part.slide

    def notes_slide(self, slide: Any, element: Any = None) -> Any:
        """The slide's notes slide, created (from one shared notes master) on first use.

        ``element`` (a finished `p:notes`, see cache.py) replaces the blank one.
        """
        slide_part = slide.part
        if slide_part.has_notes_slide:
            return slide.notes_slide
        master_part = self._notes_master()
        partname = self._names.next_partname(NOTES_PARTNAME)
        prototype, blank = self._notes_prototype, element is None
        if blank:
            element = CT_NotesSlide.new() if prototype is None else copy.deepcopy(prototype)
        notes_part = NotesSlidePart(partname, CT.PML_NOTES_SLIDE, self._package, element)
        notes_part.relate_to(master_part, RT.NOTES_MASTER)
        notes_part.relate_to(slide_part, RT.SLIDE)
        if blank and prototype is None:
            notes_part.notes_slide.clone_master_placeholders(master_part.notes_master)
            self._notes_prototype = copy.deepcopy(element)
        slide_part.relate_to(notes_part, RT.NOTES_SLIDE)
        return slide.notes_slide

    def notes_text_frame(self, slide: Any) -> Any:
        """The notes text frame, found where it sits in every notes slide made from the prototype
        (python-pptx looks through all the notes placeholders each time)."""
        notes = self.notes_slide(slide)
        tree = notes.shapes._spTree
        if self._notes_body is not None and len(tree) > self._notes_body:
            sp = tree[self._notes_body]
            ph = sp[0].find(_NV_PH) if sp.tag == _SHAPE and len(sp) else None  # sp.ph_type
            if ph is not None and ph.get("type", "obj") == "body":
                return NotesSlidePlaceholder(sp, notes.shapes).text_frame
        placeholder = notes.notes_placeholder
        self._notes_body = list(tree).index(placeholder.element)
        return placeholder.text_frame

    def add_chrome(self, slide: Any, layout: Any, number: int, draw: DrawChrome) -> None:
        """Footer and slide number as ``draw`` makes them, drawn once per layout and copied.

        Each copy gets the shape id and name python-pptx's clone_placeholder would give it on
        this slide (one more than the largest id; "<base name> <id - 1>", made unique), and its
        own number in the slide-number field. Chrome that is more than placeholders with text
        (a link, a picture) is drawn on each slide instead.
        """
        key, shared = id(layout.part), self.shared_chrome
        if key not in self._chrome:
            if shared is not None and layout.name in shared:
                self._chrome[key] = shared[layout.name]
            else:
                self._chrome[key] = self._draw_stamps(layout, draw)
                if shared is not None:
                    shared[layout.name] = self._chrome[key]
        stamps = self._chrome[key]
        if stamps is None:
            draw(slide, number)
            return
        tree = slide.shapes._spTree
        # tree.max_shape_id and python-pptx's name lookup, with the XPaths compiled once.
        shape_id = max((int(i) for i in _ALL_IDS(tree) if i.isdigit()), default=0)
        names = set(_ALL_NAMES(tree))
        for basename, stamp in stamps:
            shape_id += 1
            sp = copy.deepcopy(stamp)
            nv_pr = sp.nvSpPr.cNvPr
            nv_pr.id = shape_id
            nv_pr.name = _unique_name(basename, shape_id - 1, names)
            for text in sp.iterfind(_SLIDE_NUMBER_TEXT):
                text.text = str(number)
            tree.insert_element_before(sp, "p:extLst")

    def chrome_count(self, layout: Any) -> int | None:
        """How many shapes add_chrome put on this layout's slides (their last shapes); None when
        it drew them on each slide (then a copy of such a slide cannot be renumbered)."""
        stamps = self._chrome.get(id(layout.part), [])
        return None if stamps is None else len(stamps)

    @staticmethod
    def renumber(slide: Any, chrome_count: int, number: int) -> None:
        """Set the slide-number fields of the chrome already on ``slide`` (its last shapes)."""
        shapes = list(slide.shapes._spTree.iter(_SHAPE))[-chrome_count:] if chrome_count else []
        for sp in shapes:
            for text in sp.iterfind(_SLIDE_NUMBER_TEXT):
                text.text = str(number)

    def _draw_stamps(self, layout: Any, draw: DrawChrome) -> list[tuple[str, Any]] | None:
        """Draw the chrome on a scratch slide; keep each shape with its placeholder base name.

        None when copies would be wrong: the drawing related the slide to something (a link's
        target, a picture) or made a shape that is not a placeholder.
        """
        scratch = SlidePart(PackURI("/ppt/slides/chrome.xml"), CT.PML_SLIDE, self._package,
                            CT_Slide.new())
        shapes = Slide(scratch._element, scratch).shapes
        draw(shapes.parent, _STAMP_NUMBER)
        drawn = list(shape_elements(shapes))
        if len(scratch.rels) or any(sp.tag != _SHAPE or not sp.has_ph_elm for sp in drawn):
            return None
        stamps = []
        for sp in drawn:
            basename = shapes.ph_basename(sp.ph_type)
            if sp.ph_orient == ST_Direction.VERT:
                basename = f"Vertical {basename}"
            stamps.append((basename, sp))
        return stamps

    def _next_free(self, template: str, number: int) -> int:
        number += 1
        while template % number in self._names:  # only a template with odd part names gets here
            number += 1
        self._names.claim(template % number)
        return number

    def _slide_prototype(self, layout: Any) -> Any:
        """A blank slide with the layout's placeholders cloned, made once per layout."""
        key = id(layout.part)
        prototype = self._slide_prototypes.get(key)
        if prototype is None:
            scratch = SlidePart(PackURI("/ppt/slides/prototype.xml"), CT.PML_SLIDE,
                                self._package, CT_Slide.new())
            Slide(scratch._element, scratch).shapes.clone_layout_placeholders(layout)
            prototype = self._slide_prototypes[key] = scratch._element
        return prototype

    def _notes_master(self) -> Any:
        """The notes master, created by python-pptx (once) when the deck has none."""
        if self._notes_master_part is None:
            self._notes_master_part = self._prs_part.notes_master_part
        return self._notes_master_part


def _unique_name(basename: str, number: int, names: set[str]) -> str:
    """python-pptx's placeholder naming: the first free "<basename> <n>" from ``number`` up."""
    while f"{basename} {number}" in names:
        number += 1
    name = f"{basename} {number}"
    names.add(name)
    return name
