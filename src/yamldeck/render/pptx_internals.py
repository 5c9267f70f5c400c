"""The one place that reaches into python-pptx's private parts, each for speed or memory.

python-pptx 1.0.2 is quadratic in slides (every new slide, notes slide, chart or picture scans the
package) and keeps every slide as a tree until it saves. yamldeck adds parts itself and freezes
finished slides to bytes (adder.py, partnames.py, frozen.py, members.py); where that needs more
than python-pptx's public API, it goes through a function here. Each internal used, and the test
that fails loudly when a python-pptx release changes it (tests/test_internals.py checks that every
name below exists with the shape used here; the behaviour tests compare with python-pptx's own
results):

- ``_Relationships._add_relationship(reltype, target)`` (add_new_relationship): relates a part
  known to be new without relate_to's scan. Guard: test_internals, test_speed_structure's
  part-by-part comparison of SlideAdder with slides.add_slide.
- ``CT_SlideIdList._add_sldId(id=, rId=)`` (add_slide_id): a slide id without the XPath over every
  sldId. Guard: the same.
- ``SlideShapes._iter_member_elms()`` (shape_elements): the shapes a scratch slide drew. Guard:
  test_internals, test_speed_structure (footer stamps equal drawn footers).
- ``OpcPackage._rels``, ``Part._rels`` (relationships_of): the relationships as saving reads them,
  without creating an empty collection for a part that has none. Guard: test_internals,
  test_package (one-pass zip equals python-pptx's save re-zipped).
- ``_Relationship._base_uri`` (base_uri): the folder a target is written relative to. Guard: the
  same.
- ``pptx.opc.serialized._ContentTypesItem.xml_for(parts)`` (content_types_xml): the
  [Content_Types].xml python-pptx's save writes. Guard: the same.
- ``CT_RegularTextRun._escape_ctrl_chars(text)`` (escape_control_characters): how python-pptx
  writes a run's text, for runs built as XML directly. Guard: test_internals (the result equals
  ``run.text = ...``).
- ``pptx.text.text._Paragraph(p, parent)`` (paragraph_proxy): the paragraph object for an a:p just
  appended, without building the tuple of every paragraph that ``frame.paragraphs`` makes. Guard:
  test_internals, and every text test.
- ``CategoryWorkbookWriter(chart_data).xlsx_blob`` with ``_open_worksheet`` overridden to open
  ``pptx.chart.xlsx.Workbook`` (the XlsxWriter class python-pptx writes with) with its documented
  options ``strings_to_formulas`` and ``strings_to_urls`` off (workbook_blob): the embedded
  workbook in python-pptx's layout (made once for charts of equal data), where a label such as
  ``=cmd|' /C calc'!A0`` or ``https://...`` is a text cell, never a live formula or a link.
  Guard: test_internals (the workbook equals python-pptx's for plain labels; "=1+1" is text),
  test_chart_safety (the cells of a built deck's workbook), test_render_kinds' chart tests.
- ``OpcPackage.next_partname``, ``Package.next_image_partname`` and
  ``Package.get_or_add_image_part`` replaced on one package object (serve_part_names): part names
  from partnames.PartNames, which walks the package once. Guard: test_internals (the methods exist
  with these names), test_speed_structure (the same names in the same order as python-pptx).
- A part's class swapped for a frozen subclass, its ``_element`` dropped and its lazyproperty
  caches (``slide``, ``notes_slide``, ``chart``) popped from ``__dict__`` (become): the part stays
  in the package graph holding bytes. Guard: test_internals (the caches are lazyproperties stored
  in ``__dict__``), test_speed_structure (a frozen deck equals an unfrozen one).

python-pptx's ``_element``, ``_p``, ``_r``, ``_txBody`` and ``_spTree`` (the documented way to reach
the XML beneath a proxy object) are used throughout render/ and are not listed here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from pptx.chart import xlsx
from pptx.opc.oxml import serialize_part_xml
from pptx.opc.serialized import _ContentTypesItem
from pptx.oxml.text import CT_RegularTextRun
from pptx.text.text import _Paragraph

# The lazyproperty caches of a part that hold its tree (a slide part caches its notes slide's).
TREE_CACHES = ("slide", "notes_slide", "chart")
PART_NAMING = ("next_partname", "next_image_partname", "get_or_add_image_part")


def add_new_relationship(source_part: Any, reltype: str, target_part: Any) -> str:
    """Relate a part known to be new; the rId is the one relate_to would pick."""
    return source_part._rels._add_relationship(reltype, target_part)


def add_slide_id(sld_id_lst: Any, slide_id: int, r_id: str) -> None:
    """Append a p:sldId, as slides.add_slide does once it has found the next id."""
    sld_id_lst._add_sldId(id=slide_id, rId=r_id)


def shape_elements(shapes: Any) -> Iterator[Any]:
    """The shape elements of a shape tree, as python-pptx's shape collections iterate them."""
    return shapes._iter_member_elms()


def relationships_of(part_or_package: Any) -> Any:
    """A part's (or the package's) relationships as python-pptx's package writer reads them."""
    return part_or_package._rels


def base_uri(relationship: Any) -> str:
    """The folder a relationship's target is written relative to."""
    return relationship._base_uri


def content_types_xml(parts: tuple[Any, ...]) -> bytes:
    """[Content_Types].xml for these parts, as python-pptx's save writes it."""
    return serialize_part_xml(_ContentTypesItem.xml_for(parts))


def escape_control_characters(text: str) -> str:
    """A run's text as python-pptx writes it into a:t (control characters escaped)."""
    return CT_RegularTextRun._escape_ctrl_chars(text)


def paragraph_proxy(p: Any, frame: Any) -> Any:
    """python-pptx's paragraph object for the a:p element ``p`` of ``frame``."""
    return _Paragraph(p, frame)


# XlsxWriter's documented Workbook options: by default its write() turns text starting with "="
# into a formula and text like "https://..." into a hyperlink. Chart labels come from the outline
# or a CSV file that anyone may have written; in the workbook behind "Edit Data" they are text.
TEXT_CELLS = {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False}


class _TextCellWriter(xlsx.CategoryWorkbookWriter):
    """python-pptx's category workbook writer, whose text cells are always text."""

    @contextmanager
    def _open_worksheet(self, xlsx_file: Any) -> Iterator[tuple[Any, Any]]:
        workbook = xlsx.Workbook(xlsx_file, TEXT_CELLS)
        worksheet = workbook.add_worksheet()
        yield workbook, worksheet
        workbook.close()


def workbook_blob(chart_data: Any) -> bytes:
    """The .xlsx embedded behind a chart of this (category) data: python-pptx's layout, so the
    chart's references match, with categories and series names as text cells."""
    return _TextCellWriter(chart_data).xlsx_blob


def serve_part_names(package: Any, next_partname: Callable[[str], Any],
                     next_image_partname: Callable[[str], Any],
                     get_or_add_image_part: Callable[[Any], Any]) -> None:
    """Answer one package object's part-naming calls (that instance only, nothing global)."""
    package.next_partname = next_partname
    package.next_image_partname = next_image_partname
    package.get_or_add_image_part = get_or_add_image_part


def become(part: Any, frozen: type, proxy: str) -> None:
    """Turn a finished part into its frozen subclass and drop its tree (and cached proxies)."""
    for name in (proxy, "notes_slide"):
        part.__dict__.pop(name, None)
    part.__class__ = frozen
    part._element = None
