"""Points revealed one click at a time, and sources and footnotes at a slide's foot.

Decks are built, reopened with python-pptx and read as XML: the slide's animation timing (one
click per top-level point, sub-points with their point, targets that are the body's real shape
ids), the box of notes (above the footer and its rule, below the body, the body made shorter to
leave it room), the raised markers and the links. LibreOffice opens the decks with their
animations listed (its own file format's on-click nodes) and draws every point in a PDF.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import build_outline, listing, run_cli, validate_pptx
from pptx import Presentation
from pptx.oxml.ns import qn
from pptx.util import Inches

pytestmark = pytest.mark.usefixtures("decks_validated")

HEAD = """\
deck:
  title: Reveal and sources
  footer: MTCR outreach briefing
  language: en-GB
slides:
"""
REVEALED = HEAD + """\
  - title: History
    reveal: true
    bullets:
      - Founded in 1987 by seven states[^1]
      - Extended in 1992-93:
          - to all WMD delivery systems[^2]
          - and to unmanned aerial vehicles
      - India became the 35th partner in 2016
    footnotes:
      - Canada, France, Germany, Italy, Japan, the United Kingdom and the United States
      - The 1992 Guidelines, in force from January 1993
    source: "Source: [MTCR, Frequently Asked Questions](https://mtcr.info/faq/)"
  - title: Two sides
    reveal: true
    columns:
      - heading: Partners
        bullets: [Share information, Decide by consensus]
      - heading: Adherents
        text: Follow the Guidelines without joining
  - kind: agenda
    reveal: true
    items: [History, Membership, Controls]
  - title: Not revealed
    bullets: [One, Two]
"""
NS = {"p": "http://schemas.openxmlformats.org/presentationml/2006/main",
      "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def _clicks(slide: Any) -> list[list[tuple[str, str, str]]]:
    """Each click of the slide's main sequence: its effects as (node type, shape id, paragraph)."""
    clicks = []
    seq = slide._element.find(".//p:seq/p:cTn[@nodeType='mainSeq']/p:childTnLst", NS)
    if seq is None:
        return []
    for click in seq.findall("p:par", NS):
        effects = click.findall(".//p:cTn[@presetClass='entr']", NS)
        clicks.append([
            (e.get("nodeType"), e.find(".//p:spTgt", NS).get("spid"),
             e.find(".//p:pRg", NS).get("st")) for e in effects])
    return clicks


def _body(slide: Any, idx: int = 1) -> Any:
    return next(s for s in slide.placeholders if s.placeholder_format.idx == idx)


def _fills(slide: Any) -> set[tuple[str, str]]:
    """The colours of the runs of the slide's notes that are not links."""
    found = set()
    for r_pr in _foot(slide)._element.iterfind(".//a:rPr", NS):
        if r_pr.find("a:hlinkClick", NS) is None:
            colour = r_pr.find("a:solidFill", NS)[0]
            found.add((colour.tag.split("}")[1], colour.get("val")))
    return found


def _foot(slide: Any) -> Any:
    found = [s for s in slide.shapes if s.name == "Sources and footnotes"]
    assert len(found) <= 1
    return found[0] if found else None


def test_points_appear_one_click_each_with_their_sub_points(tmp_path: Path) -> None:
    prs = build_outline(REVEALED, tmp_path).prs
    history, columns, agenda, plain = prs.slides
    body = str(_body(history).shape_id)
    assert [p.level for p in _body(history).text_frame.paragraphs] == [0, 0, 1, 1, 0]
    assert _clicks(history) == [
        [("clickEffect", body, "0")],
        [("clickEffect", body, "1"), ("withEffect", body, "2"), ("withEffect", body, "3")],
        [("clickEffect", body, "4")],
    ]
    left, right = str(_body(columns, 1).shape_id), str(_body(columns, 2).shape_id)
    assert left != right
    assert _clicks(columns) == [[("clickEffect", left, "0")], [("clickEffect", left, "1")],
                                [("clickEffect", right, "0")]]
    items = str(_body(agenda).shape_id)
    assert _clicks(agenda) == [[("clickEffect", items, str(i))] for i in range(3)]
    assert plain._element.find("p:timing", NS) is None
    # PowerPoint's "Appear": a visibility set; the shapes built by paragraph.
    timing = history._element.find("p:timing", NS)
    assert {e.get("presetID") for e in timing.iterfind(".//p:cTn[@presetClass='entr']", NS)} \
        == {"1"}
    assert [(b.get("spid"), b.get("build")) for b in timing.iterfind(".//p:bldP", NS)] \
        == [(body, "p")]
    assert {e.text for e in timing.iterfind(".//p:attrName", NS)} == {"style.visibility"}
    builds = columns._element.findall(".//p:bldP", NS)
    assert [(b.get("spid"), b.get("build")) for b in builds] == [(left, "p"), (right, "p")]
    # Every shape id an animation names is a shape of that slide.
    for slide in (history, columns, agenda):
        ids = {str(s.shape_id) for s in slide.shapes}
        assert {t.get("spid") for t in slide._element.iterfind(".//p:spTgt", NS)} <= ids


def test_deck_reveal_and_a_slide_that_turns_it_off(tmp_path: Path) -> None:
    text = HEAD.replace("  language: en-GB\n", "  language: en-GB\n  reveal: true\n") + """\
  - title: On by the deck
    bullets: [One, Two, Three]
  - title: Off here
    reveal: false
    bullets: [One, Two]
  - title: A statement is never revealed
    statement: All at once
"""
    on, off, statement = build_outline(text, tmp_path).prs.slides
    assert len(_clicks(on)) == 3
    assert off._element.find("p:timing", NS) is None
    assert statement._element.find("p:timing", NS) is None


def test_continued_slides_each_reveal_their_own_points(tmp_path: Path) -> None:
    points = "".join(f"      - Point {i} about the partners and the items they control, said "
                     f"in full so that it takes a whole line\n" for i in range(1, 25))
    text = HEAD + "  - title: Long\n    overflow: continue\n    reveal: true\n    bullets:\n" \
        + points
    slides = list(build_outline(text, tmp_path).prs.slides)
    assert len(slides) >= 2
    total = 0
    for slide in slides:
        body = _body(slide)
        count = len(body.text_frame.paragraphs)
        assert _clicks(slide) == [[("clickEffect", str(body.shape_id), str(i))]
                                  for i in range(count)]
        total += count
    assert total == 24


def test_sources_and_footnotes_sit_between_the_body_and_the_footer(tmp_path: Path) -> None:
    first = REVEALED[REVEALED.index("  - title: History"):REVEALED.index("    footnotes:")]
    without = HEAD + first.replace("[^1]", "").replace("[^2]", "")
    for folder in ("plain", "notes"):
        (tmp_path / folder).mkdir()
    plain_body = _body(build_outline(without, tmp_path / "plain").prs.slides[0])
    slide = build_outline(REVEALED, tmp_path / "notes").prs.slides[0]
    body, foot = _body(slide), _foot(slide)
    footer = next(s for s in slide.placeholders if s.placeholder_format.type == 15)  # FOOTER
    rule = min(s.top for s in slide.slide_layout.shapes
               if not s.is_placeholder and s.top > Inches(6))
    assert foot is not None
    assert body.top + body.height <= foot.top  # below the body
    assert foot.top + foot.height <= rule < footer.top  # above the footer's rule
    assert foot.left == body.left and foot.width == body.width
    assert body.height < plain_body.height  # the body made room
    assert body.top == plain_body.top
    paragraphs = foot.text_frame.paragraphs
    assert [p.text for p in paragraphs] == [
        "1 Canada, France, Germany, Italy, Japan, the United Kingdom and the United States",
        "2 The 1992 Guidelines, in force from January 1993",
        "Source: MTCR, Frequently Asked Questions"]
    for number, paragraph in zip("12", paragraphs, strict=False):
        first = paragraph.runs[0]
        assert (first.text, first._r.rPr.get("baseline")) == (number, "30000")
    assert all(r.font.size.pt == 12 for p in paragraphs for r in p.runs)
    link = paragraphs[2].runs[1]
    assert (link.text, link.hyperlink.address) == ("MTCR, Frequently Asked Questions",
                                                   "https://mtcr.info/faq/")
    raised = [(r.text, r._r.rPr.get("baseline")) for p in body.text_frame.paragraphs
              for r in p.runs]
    assert raised == [("Founded in 1987 by seven states", None), ("1", "30000"),
                      ("Extended in 1992-93", None), ("to all WMD delivery systems", None),
                      ("2", "30000"), ("and to unmanned aerial vehicles", None),
                      ("India became the 35th partner in 2016", None)]


def test_sources_on_other_kinds_and_on_a_template(tmp_path: Path) -> None:
    text = HEAD + """\
  - kind: title
    source: "Photo: [mtcr.info](https://mtcr.info)"
  - title: Members
    number: "35"
    caption: partners in 2016[^1]
    footnotes: ["India joined on 27 June 2016"]
  - title: The Annex
    rows:
      - [Category, Items]
      - [I, "Complete systems[^1]"]
    footnotes: [Able to carry 500 kg for 300 km]
    source: "Source: MTCR Annex"
"""
    for folder, template in (("builtin", None), ("template", "default.pptx")):
        (tmp_path / folder).mkdir()
        outline = text
        if template:
            Presentation().save(str(tmp_path / folder / template))
            outline = text.replace("  language: en-GB\n", f"  language: en-GB\n  template: "
                                   f"{template}\n")
        prs = build_outline(outline, tmp_path / folder).prs
        title, number, table = prs.slides
        for slide in prs.slides:  # the box of notes took an id of its own
            ids = [e.get("id") for e in slide._element.iter(qn("p:cNvPr"))]
            assert len(ids) == len(set(ids))
        assert [p.text for p in _foot(title).text_frame.paragraphs] == ["Photo: mtcr.info"]
        assert [p.text for p in _foot(number).text_frame.paragraphs] == [
            "1 India joined on 27 June 2016"]
        assert [p.text for p in _foot(table).text_frame.paragraphs] == [
            "1 Able to carry 500 kg for 300 km", "Source: MTCR Annex"]
        cell = next(s for s in table.shapes if getattr(s, "has_table", False) and s.has_table)
        runs = cell.table.cell(1, 1).text_frame.paragraphs[0].runs
        assert [(r.text, r._r.rPr.get("baseline")) for r in runs] == [
            ("Complete systems", None), ("1", "30000")]
        for slide in (number, table):
            foot = _foot(slide)
            furniture = [s for s in slide.placeholders if s.placeholder_format.type in (13, 15)]
            assert furniture and all(foot.top + foot.height <= s.top for s in furniture)
            kept = {s.shape_id for s in (foot, *furniture)}
            others = [s for s in slide.shapes if s.shape_id not in kept and s.top is not None]
            assert all(s.top + s.height <= foot.top for s in others), [
                (s.name, s.top + s.height, foot.top) for s in others]
            # Nothing the layout draws (the big number's column divider) runs through them.
            drawn = [s for s in slide.slide_layout.shapes if not s.is_placeholder
                     and s.top < foot.top + foot.height and s.top + s.height > foot.top]
            assert all(s.left + s.width <= foot.left or s.left >= foot.left + foot.width
                       for s in drawn), [(s.name, s.left, foot.left + foot.width) for s in drawn]
            if folder == "builtin" and slide is number:
                assert [s.name for s in drawn] == ["Divider"]
        if folder == "builtin":  # the footer's grey on light slides, white on the dark title
            footer = next(s for s in number.slide_layout.placeholders
                          if s.placeholder_format.type == 15)
            grey = footer._element.find(".//a:lvl1pPr/a:defRPr/a:solidFill/a:srgbClr", NS)
            assert _fills(number) == {("srgbClr", grey.get("val"))}
            assert _fills(title) == {("schemeClr", "bg1")}


MESSAGES = [
    ("a marker with no footnote",
     "  - title: History\n    bullets:\n      - Founded in 1987[^1]\n      - Extended[^3]\n"
     "    footnotes: [Seven states]\n",
     ["slides.yaml:9:17: error: slide 1 'History': the marker [^3] has no footnote: the "
      "slide's 'footnotes:' list has 1; add footnote 3 to it, or correct the marker"]),
    ("markers but no footnotes",
     "  - title: History\n    statement: Founded in 1987[^1]\n",
     ["slides.yaml:7:31: error: slide 1 'History': the marker [^1] has no footnote: the slide "
      "has no 'footnotes:'; add 'footnotes:' to the slide with the note's text as a list item, "
      "or remove the marker"]),
    ("a footnote never referred to",
     "  - title: History\n    bullets:\n      - Founded in 1987[^1]\n"
     "    footnotes:\n      - Seven states\n      - Never used\n",
     ["slides.yaml:11:9: error: slide 1 'History': footnote 2 is not referred to from the "
      "slide's text; put [^2] right after the words it explains, or remove it"]),
    ("a sub-point's marker",
     "  - title: History\n    bullets:\n      - Extended[^1]:\n          - to drones[^2]\n"
     "    footnotes: [In 1992]\n",
     ["slides.yaml:9:22: error: slide 1 'History': the marker [^2] has no footnote: the "
      "slide's 'footnotes:' list has 1; add footnote 2 to it, or correct the marker"]),
    ("too much at the foot",
     "  - title: History\n    bullets:\n      - A[^1] B[^2] C[^3]\n    footnotes:\n"
     + "".join(f"      - {'Long note text that runs on and on ' * 8}\n" for _ in range(3)),
     ["slides.yaml:6:5: error: slide 1 'History': its footnotes and source take 6 lines at the "
      "foot of the slide, where 5 fit; shorten them, or move some into the speaker notes"]),
]


@pytest.mark.parametrize(("case", "slides", "expected"), MESSAGES, ids=[m[0] for m in MESSAGES])
def test_bad_footnotes_are_located_and_nothing_is_written(
    case: str, slides: str, expected: list[str], tmp_path: Path
) -> None:
    (tmp_path / "slides.yaml").write_text(HEAD + "  - title: Fine\n    bullets: [One]\n",
                                          encoding="utf-8")
    first = run_cli(["build", "slides.yaml"], tmp_path)
    assert first.code == 0, first
    validate_pptx(tmp_path / "slides.pptx")
    (tmp_path / "slides.yaml").write_text(HEAD + slides, encoding="utf-8")
    before = listing(tmp_path)
    for command in ("build", "check"):
        result = run_cli([command, "slides.yaml"], tmp_path)
        assert result.code == 1, result
        assert [line for line in result.err.splitlines() if ": error: " in line] == expected
        assert "Traceback" not in result.err
    assert listing(tmp_path) == before


def test_an_escaped_marker_is_text(tmp_path: Path) -> None:
    text = HEAD + "  - title: Regex\n    bullets:\n      - 'Write \\[^1] for a footnote'\n"
    slide = build_outline(text, tmp_path).prs.slides[0]
    assert _body(slide).text_frame.text == "Write [^1] for a footnote"
    assert _foot(slide) is None


def test_import_brings_back_reveal_sources_and_footnotes(tmp_path: Path) -> None:
    from test_import_roundtrip import describe

    built = build_outline(REVEALED, tmp_path)
    imported = tmp_path / "back" / "talk.yaml"
    imported.parent.mkdir()
    result = run_cli(["import", str(built.path), "-o", str(imported)], tmp_path)
    assert (result.code, result.err) == (0, ""), result
    slides = yaml.safe_load(imported.read_text(encoding="utf-8"))["slides"]
    assert [s.get("reveal") for s in slides] == [True, True, True, None]
    assert slides[0]["bullets"][0] == "Founded in 1987 by seven states[^1]"
    assert slides[0]["footnotes"] == [
        "Canada, France, Germany, Italy, Japan, the United Kingdom and the United States",
        "The 1992 Guidelines, in force from January 1993"]
    assert slides[0]["source"] == (
        "Source: [MTCR, Frequently Asked Questions](https://mtcr.info/faq/)")
    rebuilt = run_cli(["build", str(imported)], tmp_path)
    assert rebuilt.code == 0, rebuilt
    again = imported.with_suffix(".pptx")
    validate_pptx(again)
    assert describe(again) == describe(built.path)
    for before, after in zip(built.prs.slides, Presentation(str(again)).slides, strict=True):
        assert _clicks(after) == _clicks(before)


@pytest.mark.usefixtures("needs_libreoffice")
def test_libreoffice_lists_the_animations_and_draws_every_point(tmp_path: Path) -> None:
    deck = build_outline(REVEALED, tmp_path).path
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program is not None
    for target in ("odp", "pdf"):
        subprocess.run([program, f"-env:UserInstallation={(tmp_path / 'lo').as_uri()}",
                        "--headless", "--norestore", "--convert-to", target, "--outdir",
                        str(tmp_path / "out"), str(deck)], capture_output=True, timeout=180,
                       check=False)
    odp, pdf = tmp_path / "out" / "slides.odp", tmp_path / "out" / "slides.pdf"
    assert odp.is_file() and pdf.is_file()
    content = zipfile.ZipFile(odp).read("content.xml").decode("utf-8")
    pages = content.split("<draw:page ")[1:]
    assert [p.count('presentation:node-type="on-click"') for p in pages] == [3, 3, 3, 0]
    assert [p.count('presentation:node-type="with-previous"') for p in pages] == [2, 0, 0, 0]
    assert all(p.count("ooo-entrance-appear") == p.count("presentation:node-type=") - 2
               for p in pages[:3])
    words = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                           text=True, timeout=60, check=True).stdout
    for point in ("Founded in 1987 by seven states", "to all WMD delivery systems",
                  "India became the 35th partner in 2016", "Follow the Guidelines",
                  "Source: MTCR, Frequently Asked Questions", "Canada, France, Germany"):
        assert point in words
    # Where LibreOffice drew the words of slide 1: the notes' words all inside their box, and
    # no other word (the body's, the footer's) reaching into it.
    foot = _foot(Presentation(str(deck)).slides[0])
    top, bottom = foot.top / 12700, (foot.top + foot.height) / 12700
    layout = subprocess.run(["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(pdf), "-"],
                            capture_output=True, text=True, timeout=60, check=True).stdout
    drawn = [(float(y0), float(y1), html.unescape(text)) for y0, y1, text in re.findall(
        r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</word>',
        layout)]
    inside = [(y0, y1, text) for y0, y1, text in drawn if y1 > top + 1 and y0 < bottom - 1]
    expected = " ".join(p.text for p in foot.text_frame.paragraphs).split()
    assert sorted(text for _, _, text in inside) == sorted(expected)
    assert top - 1 <= min(y0 for y0, _, _ in inside)
    assert max(y1 for _, y1, _ in inside) <= bottom + 1


def test_the_guide_example_builds_as_it_says(tmp_path: Path) -> None:
    page = (Path(__file__).resolve().parents[1] / "docs" / "outline.md").read_text("utf-8")
    section = page[page.index("## Points one at a time, sources and footnotes"):]
    example = section[section.index("```yaml\n") + 8: section.index("```\n", 8)]
    first, second = build_outline(example, tmp_path).prs.slides
    body = str(_body(first).shape_id)
    assert [[effect[0] for effect in click] for click in _clicks(first)] == [
        ["clickEffect"], ["clickEffect", "withEffect"], ["clickEffect"]]
    assert {effect[1] for click in _clicks(first) for effect in click} == {body}
    assert second._element.find("p:timing", NS) is None
    assert [p.text for p in _foot(first).text_frame.paragraphs] == [
        "1 Canada, France, Germany, Italy, Japan, the United Kingdom and the United States",
        "2 The 1992 Guidelines, in force from January 1993",
        "Source: MTCR, Frequently Asked Questions"]


def test_other_raised_numbers_import_as_plain_text(tmp_path: Path) -> None:
    """A deck's own raised number (the 2 of m²) is no footnote marker: the outline builds."""
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = "Area"
    paragraph = slide.placeholders[1].text_frame.paragraphs[0]
    for text, raised in (("About 500 m", False), ("2", True), (" of floor", False)):
        run = paragraph.add_run()
        run.text = text
        if raised:
            run._r.get_or_add_rPr().set("baseline", "30000")
    deck = tmp_path / "area.pptx"
    prs.save(str(deck))
    outline = tmp_path / "area.yaml"
    result = run_cli(["import", str(deck), "-o", str(outline), "--no-template"], tmp_path)
    assert result.code == 0, result
    slides = yaml.safe_load(outline.read_text(encoding="utf-8"))["slides"]
    assert slides[0]["bullets"] == ["About 500 m2 of floor"]
    assert "footnotes" not in slides[0]
    assert run_cli(["build", str(outline)], tmp_path).code == 0
    validate_pptx(outline.with_suffix(".pptx"))


def test_import_says_reveal_once_when_every_slide_reveals(tmp_path: Path) -> None:
    text = HEAD.replace("  language: en-GB\n", "  language: en-GB\n  reveal: true\n") + """\
  - title: First
    bullets: [One, Two]
  - title: Second
    columns:
      - bullets: [Left]
      - text: Right
  - title: Not a list
    statement: Said at once
"""
    built = build_outline(text, tmp_path)
    imported = tmp_path / "back.yaml"
    assert run_cli(["import", str(built.path), "-o", str(imported)], tmp_path).code == 0
    outline = yaml.safe_load(imported.read_text(encoding="utf-8"))
    assert outline["deck"]["reveal"] is True
    assert all("reveal" not in slide for slide in outline["slides"])
    assert run_cli(["build", str(imported)], tmp_path).code == 0
    again = Presentation(str(imported.with_suffix(".pptx")))
    validate_pptx(imported.with_suffix(".pptx"))
    assert [_clicks(s) for s in again.slides] == [_clicks(s) for s in built.prs.slides]


def test_import_of_points_that_fade_in_says_they_now_appear(tmp_path: Path) -> None:
    built = build_outline(REVEALED, tmp_path)
    prs = Presentation(str(built.path))
    for effect in prs.slides[0]._element.iterfind(".//p:cTn[@presetClass='entr']", NS):
        effect.set("presetID", "10")  # PowerPoint's Fade
    faded = tmp_path / "faded.pptx"
    prs.save(str(faded))
    imported = tmp_path / "outline" / "faded.yaml"
    imported.parent.mkdir()
    result = run_cli(["import", str(faded), "-o", str(imported)], tmp_path)
    assert (result.code, result.err) == (0, ""), result
    text = imported.read_text(encoding="utf-8")
    assert ("  # Slide 1.\n  # Its points came in one click at a time with another effect; "
            "here they appear\n  #   (reveal: true).\n  - kind: bullets\n    title: History\n"
            ) in text
    assert yaml.safe_load(text)["slides"][0]["reveal"] is True


def test_timelines_and_processes_carry_sources_above_their_drawing(tmp_path: Path) -> None:
    outline = HEAD + """\
  - kind: timeline
    title: History of the MTCR[^1]
    events:
      - {date: April 1987, label: Established by seven countries}
      - {date: 1992-1993, label: Extended to all WMD delivery systems}
      - {date: "2016", label: India became the 35th partner}
    footnotes: [From the Regime's own history page]
    source: "Source: [mtcr.info](https://mtcr.info)"
  - kind: process
    title: A decision
    steps: [Application, Review, Decision]
    source: "Source: an example"
"""
    prs = build_outline(outline, tmp_path).prs
    expected = [["1 From the Regime's own history page", "Source: mtcr.info"],
                ["Source: an example"]]
    for slide, paragraphs in zip(prs.slides, expected, strict=True):
        foot = _foot(slide)
        assert [p.text for p in foot.text_frame.paragraphs] == paragraphs
        drawing = next(s for s in slide.shapes if s.shape_type == 6)  # the diagram's group
        assert drawing.top + drawing.height <= foot.top
    assert _foot(prs.slides[0]).text_frame.paragraphs[1].runs[1].hyperlink.address \
        == "https://mtcr.info"
