"""The private parts of python-pptx and zipfile that yamldeck uses are where it expects them.

render/pptx_internals.py and package/zip_internals.py are the only modules that touch them; these
tests fail loudly, naming the internal, when an upgrade of python-pptx or Python moves one.
"""

from __future__ import annotations

import inspect
import io
import zipfile
import zlib

from pptx import Presentation
from pptx.chart import xlsx
from pptx.chart.data import CategoryChartData
from pptx.chart.xlsx import CategoryWorkbookWriter
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import OpcPackage, Part
from pptx.oxml.text import CT_RegularTextRun
from pptx.package import Package
from pptx.parts.slide import NotesSlidePart, SlidePart
from pptx.util import lazyproperty

from yamldeck.package import zip_internals
from yamldeck.render import pptx_internals as internals


def test_relationship_and_slide_id_internals_exist_and_behave() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    rels = internals.relationships_of(prs.part)
    assert callable(rels._add_relationship), "_Relationships._add_relationship is gone"
    sld_id_lst = prs.part._element.get_or_add_sldIdLst()
    assert callable(sld_id_lst._add_sldId), "CT_SlideIdList._add_sldId is gone"
    # A new relationship gets the rId relate_to would give a new target.
    r_id = internals.add_new_relationship(prs.part, RT.SLIDE, slide.part)
    assert r_id == f"rId{len(rels)}"
    internals.add_slide_id(sld_id_lst, 300, r_id)
    assert [s.id for s in sld_id_lst.sldId_lst][-1] == 300
    for rel in rels.values():
        assert internals.base_uri(rel) == "/ppt", "_Relationship._base_uri changed"
    assert internals.relationships_of(prs.part.package) is prs.part.package._rels


def test_content_types_and_shape_iteration_internals() -> None:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    xml = internals.content_types_xml(tuple(prs.part.package.iter_parts()))
    assert xml.startswith(b"<?xml") and b"/ppt/slides/slide1.xml" in xml
    elements = list(internals.shape_elements(slide.shapes))
    assert [e.tag.rsplit("}", 1)[1] for e in elements] == ["sp", "sp"]


def test_run_text_escape_and_paragraph_proxy_match_the_public_api() -> None:
    assert callable(CT_RegularTextRun._escape_ctrl_chars), "CT_RegularTextRun._escape_ctrl_chars"
    prs = Presentation()
    box = prs.slides.add_slide(prs.slide_layouts[6]).shapes.add_textbox(0, 0, 100, 100)
    run = box.text_frame.paragraphs[0].add_run()
    run.text = "a\x07b"
    assert internals.escape_control_characters("a\x07b") == run._r.t.text == "a_x0007_b"
    paragraph = internals.paragraph_proxy(box.text_frame.paragraphs[0]._p, box.text_frame)
    paragraph.level = 2
    assert box.text_frame.paragraphs[0].level == 2


def test_workbook_blob_is_the_embedded_workbook() -> None:
    data = CategoryChartData()
    data.categories = ["a", "b"]
    data.add_series("s", (1, 2))
    blob = internals.workbook_blob(data)
    assert zipfile.ZipFile(io.BytesIO(blob)).namelist()  # a real .xlsx
    assert blob[:2] == b"PK"


def test_workbook_blob_is_python_pptx_s_workbook_with_text_cells() -> None:
    """The overridden _open_worksheet is where python-pptx's writer opens its XlsxWriter
    Workbook; for plain labels the workbook is python-pptx's own, and "=..." stays text."""
    assert inspect.isgeneratorfunction(
        inspect.unwrap(CategoryWorkbookWriter._open_worksheet)
    ), "CategoryWorkbookWriter._open_worksheet is no longer a context manager"
    assert xlsx.Workbook.__module__.startswith("xlsxwriter"), "pptx.chart.xlsx.Workbook moved"

    def members(blob: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(blob)) as book:  # core.xml holds the time of writing
            return {n: book.read(n) for n in book.namelist() if n != "docProps/core.xml"}

    plain = CategoryChartData()
    plain.categories = ["Europe", "Africa"]
    plain.add_series("Partners", (25, 1))
    assert members(internals.workbook_blob(plain)) == members(plain._workbook_writer.xlsx_blob)
    formula = CategoryChartData()
    formula.categories = ["=1+1"]
    formula.add_series("=2+2", (3,))
    sheet = members(internals.workbook_blob(formula))["xl/worksheets/sheet1.xml"]
    theirs = members(formula._workbook_writer.xlsx_blob)["xl/worksheets/sheet1.xml"]
    assert b"<f>" in theirs and b"<f>" not in sheet and sheet.count(b't="s"') == 2


def test_part_naming_methods_and_tree_caches_are_where_they_are_replaced() -> None:
    for name in internals.PART_NAMING:
        assert hasattr(Package, name), f"Package.{name} is gone"
    assert inspect.signature(OpcPackage.next_partname).parameters.keys() == {"self", "tmpl"}
    # Frozen parts drop these lazyproperty caches from the part's __dict__.
    for cls, name in ((SlidePart, "slide"), (NotesSlidePart, "notes_slide")):
        assert isinstance(inspect.getattr_static(cls, name), lazyproperty), f"{cls.__name__}.{name}"
    prs = Presentation()
    part = prs.slides.add_slide(prs.slide_layouts[6]).part
    assert "slide" in part.__dict__, "SlidePart.slide no longer caches in the instance __dict__"
    assert isinstance(part, Part) and part._element is not None


def test_zip_internals_are_where_yamldeck_expects_them() -> None:
    out = io.BytesIO()
    payload = b"<xml>" + b"x" * 1000 + b"</xml>"
    compressor = zlib.compressobj(6, zlib.DEFLATED, -15)
    deflated = compressor.compress(payload) + compressor.flush()
    with zipfile.ZipFile(out, "w") as dst:
        info = zipfile.ZipInfo("a.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with dst.open(zipfile.ZipInfo("probe"), "w") as probe:
            missing = [n for n in zip_internals.WRITER_ATTRIBUTES if not hasattr(probe, n)]
        assert not missing, f"zipfile's member writer lacks {missing}"
        zip_internals.write_deflated(dst, info, deflated, zlib.crc32(payload), len(payload),
                                     level=6, inflated=lambda: payload)
    reread = zipfile.ZipFile(io.BytesIO(out.getvalue()))
    assert reread.read("a.xml") == payload  # CRC and size checked by zipfile on reading
    assert reread.getinfo("a.xml").compress_size == len(deflated)


def test_pyyaml_internals_the_fast_loader_uses() -> None:
    """outline/fastload.py composes with LibYAML's parser, yaml._yaml.CParser (private)."""
    from yaml import _yaml

    parser = _yaml.CParser("a: b\n")
    try:
        kinds = [type(parser.get_event()).__name__ for _ in range(4)]
    finally:
        parser.dispose()
    assert kinds == ["StreamStartEvent", "DocumentStartEvent", "MappingStartEvent",
                     "ScalarEvent"]
