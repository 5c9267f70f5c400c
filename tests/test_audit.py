"""helpers.validate_pptx, which every deck a test builds goes through, runs openxml-audit (ECMA-376
schemas and PowerPoint's rules) and fails on what it finds: shown here on copies of a sound deck
with python-pptx's negative chart axis ids put back, and without viewProps.xml.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from helpers import audit_findings, build_outline, validate_pptx

CHART = """\
deck:
  title: Audit
  language: en-NZ
slides:
  - title: Partners
    chart:
      data:
        - [Region, Partners]
        - [Europe, 25]
        - [Africa, 1]
"""


def rewritten(source: Path, target: Path, change: dict[str, bytes | None]) -> None:
    """A copy of the package with members replaced (bytes) or left out (None)."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = change.get(info.filename, zin.read(info))
            if data is not None:
                zout.writestr(info, data)


def test_the_audit_finds_negative_axis_ids_and_a_missing_view_part(tmp_path: Path) -> None:
    built = build_outline(CHART, tmp_path)  # validated: nothing found
    assert audit_findings(built.path) == []
    with zipfile.ZipFile(built.path) as package:
        chart = package.read("ppt/charts/chart1.xml")
        rels = package.read("ppt/_rels/presentation.xml.rels")
        types = package.read("[Content_Types].xml")
    broken = tmp_path / "broken"
    broken.mkdir()
    negative = re.sub(rb'(<c:(?:axId|crossAx) val=")(\d+)"', rb'\1-\2"', chart)
    assert negative != chart
    rewritten(built.path, broken / "axes.pptx", {"ppt/charts/chart1.xml": negative})
    with pytest.raises(AssertionError, match=r"openxml-audit(.|\n)*chart1\.xml(.|\n)*minimum 0"):
        validate_pptx(broken / "axes.pptx")
    rewritten(built.path, broken / "view.pptx", {
        "ppt/viewProps.xml": None,
        "ppt/_rels/presentation.xml.rels": re.sub(rb"<Relationship [^>]*viewProps[^>]*/>", b"",
                                                  rels),
        "[Content_Types].xml": re.sub(rb'<Override PartName="/ppt/viewProps.xml"[^>]*/>', b"",
                                     types),
    })
    assert any("viewProps" in finding for finding in audit_findings(broken / "view.pptx"))
