"""Decks open in Apache POI, the Java library many servers read presentations with.

tests/poi/DeckReader.java (compiled here with javac) opens each deck with XMLSlideShow and reads
every slide's shapes, every table cell (with its table style) and every chart's series and
embedded workbook; it prints what it read and exits non-zero on any exception.

Debian 12's libapache-poi-java (4.0.1-4) ships a poi-ooxml-schemas.jar without XMLBeans' compiled
type system, so on its own it cannot open any .pptx (NoClassDefFoundError: ...TypeSystemHolder).
The complete schema classes are compiled here once per machine with XMLBeans' scomp (Debian's
xmlbeans package) from the ECMA-376 schemas in ../shared/ooxml-xsd, with the few simple types POI
4 expects as in the standard's first edition (numbers where later editions also allow "50%" or
"2in"), and cached under ~/.cache/yamldeck-tests (about 3 minutes the first time).
Needs: apt-get install default-jdk-headless libapache-poi-java xmlbeans. Without them, or without
../shared, these tests are skipped with the reason.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import SHARED, build_file, build_outline, copy_shipped
from pptx import Presentation
from test_template_parts import OUTLINE as TABLE_OUTLINE
from test_template_parts import without_parts

READER = Path(__file__).resolve().parent / "poi" / "DeckReader.java"
JAVA_LIBRARIES = Path("/usr/share/java")
JARS = ("poi", "poi-ooxml", "poi-ooxml-schemas", "xmlbeans", "commons-collections4",
        "commons-compress", "commons-codec", "commons-math3", "curvesapi")
XSD = SHARED / "ooxml-xsd"
INSTALL = "apt-get install default-jdk-headless libapache-poi-java xmlbeans"
# Unions of later editions -> the first edition's numeric type (the member POI 4 was built for).
FIRST_EDITION = {
    "dml-main.xsd": {
        "ST_CoordinateUnqualified s:ST_UniversalMeasure": "ST_CoordinateUnqualified",
        "ST_Coordinate32Unqualified s:ST_UniversalMeasure": "ST_Coordinate32Unqualified",
        "ST_PercentageDecimal s:ST_Percentage": "ST_PercentageDecimal",
        "ST_PositivePercentageDecimal s:ST_PositivePercentage": "ST_PositivePercentageDecimal",
        "ST_FixedPercentageDecimal s:ST_FixedPercentage": "ST_FixedPercentageDecimal",
        "ST_PositiveFixedPercentageDecimal s:ST_PositiveFixedPercentage":
            "ST_PositiveFixedPercentageDecimal",
        "ST_TextFontScalePercent s:ST_Percentage": "ST_TextFontScalePercent",
        "ST_TextBulletSizePercent ST_TextBulletSizeDecimal": "ST_TextBulletSizeDecimal",
        "ST_TextPointUnqualified s:ST_UniversalMeasure": "ST_TextPointUnqualified",
        "ST_TextSpacingPercent s:ST_Percentage": "ST_TextSpacingPercent",
    },
    "dml-chart.xsd": {
        f"ST_{name}{text} ST_{name}{number}": f"ST_{name}{number}"
        for name, text, number in (
            ("HPercent", "WithSymbol", "UShort"), ("DepthPercent", "WithSymbol", "UShort"),
            ("GapAmount", "Percent", "UShort"), ("Overlap", "Percent", "Byte"),
            ("BubbleScale", "Percent", "UInt"), ("HoleSize", "Percent", "UByte"),
            ("SecondPieSize", "Percent", "UShort"), ("LblOffset", "Percent", "UShort"))
    } | {"ST_ThicknessPercent xsd:unsignedInt": "xsd:unsignedInt"},
}
# Defaults written "100%" become numbers: thousandths of a percent in DrawingML, percent in charts.
PERCENT_SCALE = {"dml-main.xsd": 1000, "pml.xsd": 1000, "dml-chart.xsd": 1}


def first_edition(name: str, text: str) -> str:
    for members, numeric in FIRST_EDITION.get(name, {}).items():
        union = f'<xsd:union memberTypes="{members}"/>'
        assert union in text, f"{name}: {union} not found; ../shared/ooxml-xsd changed"
        text = text.replace(union, f'<xsd:restriction base="{numeric}"/>')
    if name in PERCENT_SCALE:
        text = re.sub(r'default="(-?\d+)%"',
                      lambda m: f'default="{int(m.group(1)) * PERCENT_SCALE[name]}"', text)
    return text


def schema_jar() -> Path:
    """The complete OOXML schema classes for POI 4, built once per machine (keyed by the
    schemas and the changes above) and cached."""
    sources = sorted(XSD.glob("*.xsd"))
    digest = hashlib.sha256(repr(FIRST_EDITION).encode())
    for source in sources:
        digest.update(source.name.encode() + source.read_bytes())
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "yamldeck-tests"
    jar = cache / f"ooxml-schemas-poi4-{digest.hexdigest()[:16]}.jar"
    if jar.is_file():
        return jar
    work = cache / f"build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    for source in sources:
        (work / source.name).write_text(first_edition(source.name, source.read_text("utf-8")),
                                        encoding="utf-8")
    run = subprocess.run(
        ["scomp", "-mx", "2g", "-noupa", "-nopvr", "-out", str(work / "schemas.jar"),
         *sorted(p.name for p in work.glob("*.xsd"))],
        cwd=work, capture_output=True, text=True, timeout=1200, check=False)
    assert run.returncode == 0 and (work / "schemas.jar").is_file(), run.stdout + run.stderr
    os.replace(work / "schemas.jar", jar)  # atomic: a parallel run sees a whole jar or none
    shutil.rmtree(work, ignore_errors=True)
    return jar


def missing() -> str | None:
    """Why POI cannot run here, or None."""
    tools = [t for t in ("java", "javac", "scomp") if shutil.which(t) is None]
    jars = [j for j in JARS if not (JAVA_LIBRARIES / f"{j}.jar").is_file()]
    if tools or jars:
        return f"Apache POI cannot run here (missing {', '.join(tools + jars)}): {INSTALL}"
    if not XSD.is_dir():
        return f"{XSD} is missing: Debian's POI needs the ECMA-376 schemas compiled from it"
    return None


Reader = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture(scope="session")
def poi(tmp_path_factory: pytest.TempPathFactory) -> Reader:
    """Run DeckReader on decks: the completed process (exit code, what it read)."""
    reason = missing()
    if reason:
        pytest.skip(reason)
    classes = tmp_path_factory.mktemp("poi")
    path = os.pathsep.join([str(schema_jar()), *(str(JAVA_LIBRARIES / f"{j}.jar") for j in JARS)])
    subprocess.run(["javac", "-d", str(classes), "-cp", path, str(READER)], check=True,
                   capture_output=True, timeout=300)

    def read(*decks: Path) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["java", "-cp", f"{classes}{os.pathsep}{path}", "DeckReader", *map(str, decks)],
            capture_output=True, text=True, timeout=300, check=False)

    return read


CHARTS = """\
deck:
  title: Charts
  language: en-NZ
slides:
  - title: Regions
    chart:
      type: column
      data:
        - [Region, "=1+1", North]
        - ["=cmd|' /C calc'!A0", 25, 3]
        - ["@SUM(1,2)", 4, 2]
  - title: Shares
    chart:
      type: doughnut
      data:
        - [Region, Share]
        - [Europe, 1]
        - [Africa, 2]
  - title: Years
    chart:
      type: line
      data:
        - [Year, Partners]
        - ["1987", 7]
        - ["2024", 35]
"""


def test_decks_open_in_apache_poi(poi: Reader, tmp_path: Path) -> None:
    mtcr = build_file(copy_shipped(tmp_path / "mtcr"))
    table_folder = tmp_path / "table"
    table_folder.mkdir()
    Presentation().save(str(table_folder / "full.bin"))
    without_parts(table_folder / "full.bin", table_folder / "template.pptx",
                  ("ppt/viewProps.xml", "ppt/tableStyles.xml"))
    (table_folder / "slides.yaml").write_text(TABLE_OUTLINE, encoding="utf-8")
    table = build_file(table_folder / "slides.yaml")
    charts = build_outline(CHARTS, tmp_path)
    run = poi(mtcr.path, table.path, charts.path)
    assert run.returncode == 0, run.stdout + run.stderr
    out = run.stdout.splitlines()
    assert f"deck {mtcr.path} slides {len(mtcr.prs.slides)}" in out
    assert "row | I | Complete rocket systems" in out  # the table, cells styled and read
    assert "series | =cmd|' /C calc'!A0 | @SUM(1,2)" in out  # POI's view of the categories
    # The workbook behind the chart, as POI reads it: labels are strings, numbers numbers.
    assert "cell A2 STRING =cmd|' /C calc'!A0" in out and "cell B1 STRING =1+1" in out
    assert "cell B2 NUMERIC 25.0" in out
    assert not [line for line in out if " FORMULA " in line]
    assert sum(line.startswith("chart ") for line in out) == 4  # MTCR's chart and these three


def test_poi_fails_on_a_table_without_table_styles(poi: Reader, tmp_path: Path) -> None:
    """What the table styles part is for: the same deck without it is one POI cannot read (so
    the test above can fail)."""
    Presentation().save(str(tmp_path / "template.pptx"))
    (tmp_path / "slides.yaml").write_text(TABLE_OUTLINE, encoding="utf-8")
    built = build_file(tmp_path / "slides.yaml")
    broken = tmp_path / "broken.bin"
    without_parts(built.path, broken, ("ppt/tableStyles.xml",))
    with zipfile.ZipFile(broken) as package:
        assert "ppt/tableStyles.xml" not in package.namelist()
    run = poi(broken)
    assert run.returncode != 0
    assert "XSLFTable.getTableStyle" in run.stderr, run.stderr
