"""A template without presentation properties, view properties or table styles (as LibreOffice
converts its templates) gives a deck that has all three, related from the presentation, with
their content types: PowerPoint repairs a deck without viewProps.xml, and Apache POI fails on a
table in a deck without tableStyles.xml.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import build_file
from lxml import etree
from pptx import Presentation

from yamldeck.package.integrity import package_issues

# No decks_validated here: the templates beside the outlines lack parts on purpose; every deck
# yamldeck builds goes through build_file, which validates it.
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
CT = "application/vnd.openxmlformats-officedocument.presentationml."
PARTS = {  # part -> (relationship type, content type, root element)
    "ppt/presProps.xml": (R + "presProps", CT + "presProps+xml",
                          "{http://schemas.openxmlformats.org/presentationml/2006/main}"
                          "presentationPr"),
    "ppt/viewProps.xml": (R + "viewProps", CT + "viewProps+xml",
                          "{http://schemas.openxmlformats.org/presentationml/2006/main}viewPr"),
    "ppt/tableStyles.xml": (R + "tableStyles", CT + "tableStyles+xml",
                            "{http://schemas.openxmlformats.org/drawingml/2006/main}tblStyleLst"),
}
OUTLINE = """\
deck:
  title: Annex
  language: en-NZ
  template: template.pptx
slides:
  - title: The Annex
    rows:
      - [Category, What it covers]
      - [I, Complete rocket systems]
      - [II, Other systems]
"""


def without_parts(source: Path, target: Path, drop: tuple[str, ...]) -> None:
    """A copy of the package without the parts ``drop``, their relationships and content types."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            if info.filename in drop:
                continue
            data = zin.read(info)
            for name in drop:
                base = name.rsplit("/", 1)[-1].encode()
                if info.filename == "ppt/_rels/presentation.xml.rels":
                    data = re.sub(rb'<Relationship [^>]*Target="' + base + rb'"[^>]*/>', b"", data)
                if info.filename == "[Content_Types].xml":
                    data = re.sub(rb'<Override PartName="/' + name.encode() + rb'"[^>]*/>', b"",
                                  data)
            zout.writestr(info, data)


def presentation_parts(deck: Path) -> dict[str, tuple[str, str, str]]:
    """Part -> (relationship type from presentation.xml, content type, root tag), as the zip has
    them."""
    with zipfile.ZipFile(deck) as package:
        rels = etree.fromstring(package.read("ppt/_rels/presentation.xml.rels"))
        types = etree.fromstring(package.read("[Content_Types].xml"))
        overrides = {o.get("PartName"): o.get("ContentType") for o in types}
        found = {}
        for rel in rels:
            name = "ppt/" + rel.get("Target")
            if name in PARTS:
                root = etree.fromstring(package.read(name))
                found[name] = (rel.get("Type"), overrides.get("/" + name, ""), root.tag)
    return found


@pytest.mark.parametrize("drop", [tuple(PARTS), ("ppt/viewProps.xml", "ppt/tableStyles.xml")])
def test_missing_presentation_parts_are_added(tmp_path: Path, drop: tuple[str, ...]) -> None:
    Presentation().save(str(tmp_path / "full.pptx"))
    without_parts(tmp_path / "full.pptx", tmp_path / "template.pptx", drop)
    assert not set(presentation_parts(tmp_path / "template.pptx")) & set(drop)  # really gone
    template = (tmp_path / "template.pptx").read_bytes()
    (tmp_path / "slides.yaml").write_text(OUTLINE, encoding="utf-8")
    built = build_file(tmp_path / "slides.yaml")
    assert presentation_parts(built.path) == PARTS
    assert list(package_issues(built.path.read_bytes())) == []
    assert (tmp_path / "template.pptx").read_bytes() == template  # the template is untouched
    assert len(built.prs.slides[0].shapes) >= 2
    table = next(s for s in built.prs.slides[0].shapes if s.has_table).table
    assert [c.text for c in table.rows[1].cells] == ["I", "Complete rocket systems"]


def test_a_templates_own_parts_are_kept(tmp_path: Path) -> None:
    Presentation().save(str(tmp_path / "template.pptx"))
    with zipfile.ZipFile(tmp_path / "template.pptx") as package:
        own = {name: package.read(name) for name in PARTS}
    (tmp_path / "slides.yaml").write_text(OUTLINE, encoding="utf-8")
    built = build_file(tmp_path / "slides.yaml")
    with zipfile.ZipFile(built.path) as package:
        assert {name: package.read(name) for name in PARTS} == own
        assert not [n for n in package.namelist() if re.search(r"(Props|Styles)\d+\.xml$", n)]
