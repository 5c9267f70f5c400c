"""`yamldeck import --into` on timelines, processes and a slide's sources and footnotes: their
text comes back through the three-way merge, and what cannot come back is named."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from colleague import RESAVED, resaved_by_libreoffice, slide_titled
from helpers import assert_no_traceback, build_file, build_outline, copy_shipped, run_cli
from lxml import etree
from pptx import Presentation
from pptx.oxml.ns import qn

from yamldeck.render.marks import CUSTOM_PART
from yamldeck.render.record import custom_properties

pytestmark = pytest.mark.usefixtures("decks_validated")

_HUNK = re.compile(r"^@@ .* @@$", re.M)

KINDS = """\
deck:
  title: Kinds
  language: en-NZ
slides:
  # How the regime grew.
  - kind: timeline
    title: History
    events:
      - date: April 1987
        label: Established by seven countries  # the founders
        detail: The G7 countries
      - date: "2016"
        label: India joined
    source: "Source: MTCR"
  # How a transfer is decided.
  - kind: process
    title: Deciding
    steps:
      - Identify
      - heading: Assess
        text: Against the Guidelines
      - Decide
  - kind: process
    title: Round
    cycle: true
    steps:
      - heading: Plan
        text: What to do
      - Do
      - Check
  - title: Reach
    bullets:
      - Partners in 35 countries[^1]
    footnotes:
      - As of 2016
    source: "Source: mtcr.info"
"""


def _group(slide: Any) -> dict[str, Any]:
    (group,) = [s for s in slide.shapes if s.shape_type is not None and "GROUP" in
                str(s.shape_type)]
    return {shape.name: shape for shape in group.shapes}


def _retype(shape: Any, text: str, paragraph: int = 0) -> None:
    """Text typed over a box's paragraph, as PowerPoint keeps the first run's formatting."""
    runs = shape.text_frame.paragraphs[paragraph].runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


def _foot(slide: Any) -> Any:
    return next(s for s in slide.shapes if s.name == "Sources and footnotes")


def _kinds(tmp_path: Path) -> tuple[Path, Any]:
    """The outline KINDS in tmp_path, and its deck opened for editing."""
    built = build_outline(KINDS, tmp_path)
    return tmp_path / "slides.yaml", Presentation(str(built.path))


def _into(outline: Path, prs: Any) -> tuple[Any, list[str]]:
    """Save the edited deck beside the outline, take it back; the run and its diff's lines."""
    prs.save(str(outline.with_name("edited.pptx")))
    run = run_cli(["import", "edited.pptx", "--into", outline.name], outline.parent)
    assert_no_traceback(run.err)
    diff = _HUNK.sub("@@", run.out).splitlines()
    return run, [line for line in diff if line[:1] in "+-" and not line.startswith(("---",
                                                                                   "+++"))]


def test_a_timeline_label_of_the_mtcr_deck_comes_back(tmp_path: Path) -> None:
    outline = copy_shipped(tmp_path / "talk")
    before = outline.read_text("utf-8")
    built = build_file(outline, outline.with_name("built.pptx"))
    prs = Presentation(str(built.path))
    _retype(_group(slide_titled(prs, "History of the MTCR"))["Label 3"],
            "India became the 35th partner, in June")

    run, changed = _into(outline, prs)

    assert (run.code, run.err) == (0, "")
    assert changed == ["-        label: India became the 35th partner",
                       "+        label: India became the 35th partner, in June"]
    after = outline.read_text("utf-8")
    assert [line for line in after.splitlines() if line.strip().startswith("#")] == [
        line for line in before.splitlines() if line.strip().startswith("#")]
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx"))
    labels = _group(slide_titled(rebuilt.prs, "History of the MTCR"))
    assert labels["Label 3"].text_frame.text == "India became the 35th partner, in June"


def test_dates_details_process_steps_footnotes_and_sources_come_back(tmp_path: Path) -> None:
    outline, prs = _kinds(tmp_path)
    timeline = _group(prs.slides[0])
    _retype(timeline["Date 1"], "April 16, 1987")
    _retype(timeline["Detail 1"], "Canada, France, Germany, Italy, Japan, the UK and the US")
    _retype(_foot(prs.slides[0]), "Source: MTCR, 2024")
    chevrons = _group(prs.slides[1])
    _retype(chevrons["Step 1"], "Identify the item")
    _retype(chevrons["Step 2 text"], "Against the Guidelines and the Annex")
    loop = _group(prs.slides[2])
    _retype(loop["Step 1"], "Plan it", 0)
    _retype(loop["Step 1"], "What to do, and when", 1)
    _retype(loop["Step 3"], "Review")
    reach = _foot(prs.slides[3])
    reach.text_frame.paragraphs[0].runs[1].text = " As of June 2016"  # after its raised 1
    _retype(reach, "Source: mtcr.info/partners", 1)

    run, changed = _into(outline, prs)

    assert (run.code, run.err) == (0, "")
    assert changed == [
        "-      - date: April 1987",
        "+      - date: April 16, 1987",
        "-        detail: The G7 countries",
        "+        detail: Canada, France, Germany, Italy, Japan, the UK and the US",
        '-    source: "Source: MTCR"',
        '+    source: "Source: MTCR, 2024"',
        "-      - Identify",
        "+      - Identify the item",
        "-        text: Against the Guidelines",
        "+        text: Against the Guidelines and the Annex",
        "-      - heading: Plan",
        "-        text: What to do",
        "+      - heading: Plan it",
        "+        text: What to do, and when",
        "-      - Check",
        "+      - Review",
        "-      - As of 2016",
        '-    source: "Source: mtcr.info"',
        "+      - As of June 2016",
        '+    source: "Source: mtcr.info/partners"',
    ]
    text = outline.read_text("utf-8")
    assert "        label: Established by seven countries  # the founders\n" in text
    assert "  # How a transfer is decided.\n" in text
    again = run_cli(["import", "edited.pptx", "--into", outline.name], outline.parent)
    assert (again.code, again.out) == (0, "slides.yaml already has the deck's text; nothing to "
                                          "take back\n")


def test_a_timeline_label_changed_on_both_sides_is_a_conflict(tmp_path: Path) -> None:
    outline, prs = _kinds(tmp_path)
    _retype(_group(prs.slides[0])["Label 2"], "India became a partner")
    text = outline.read_text("utf-8").replace("label: India joined", "label: India joins")
    outline.write_text(text, "utf-8")

    run, _ = _into(outline, prs)

    assert (run.code, run.err) == (1, "")
    assert run.out.splitlines() == [
        "slides.yaml:8: conflict: slide 1 'History', events.1.label: changed in the outline "
        "since the deck was built, and in the deck; the outline keeps its text",
        "<<<<<<< slides.yaml",
        "- India joins",
        "=======",
        "- India became a partner",
        ">>>>>>> edited.pptx",
        "nothing was written; 1 conflict left as the outline has it",
    ]
    assert outline.read_text("utf-8") == text


def test_what_a_diagram_or_its_foot_cannot_hold_is_named(tmp_path: Path) -> None:
    outline, prs = _kinds(tmp_path)
    timeline = _group(prs.slides[0])
    timeline["Label 1"].left += 400000  # moved within the group
    detail = timeline["Detail 1"]
    detail._element.getparent().remove(detail._element)
    reach = _foot(prs.slides[3])
    note = reach.text_frame.paragraphs[0]._p  # the footnote deleted, its marker left in the text
    note.getparent().remove(note)
    before = outline.read_text("utf-8")

    run, changed = _into(outline, prs)

    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 1: the frame of 'events.0.detail' was deleted; the "
        "outline keeps its text",
        "edited.pptx: warning: slide 4 'Reach': its footnotes changed in number at its foot; "
        "the outline keeps its footnotes: (each is shown where the text has its [^n] marker)",
    ]
    assert changed == []
    assert outline.read_text("utf-8") == before


def test_an_event_on_a_continued_timelines_next_part_goes_back_to_its_own_key(
        tmp_path: Path) -> None:
    events = "".join(f'      - date: "{2000 + n}"\n        label: Event {n}\n'
                     for n in range(1, 10))
    built = build_outline("deck:\n  title: Years\n  language: en-NZ\nslides:\n  - kind: timeline\n"
                          "    title: Years\n    overflow: continue\n    events:\n" + events,
                          tmp_path)
    prs = Presentation(str(built.path))
    assert len(prs.slides) == 2  # events 1-5, then 6-9, each part numbering its boxes from 1
    _retype(_group(prs.slides[1])["Label 1"], "Event six, edited")

    run, changed = _into(tmp_path / "slides.yaml", prs)

    assert (run.code, run.err) == (0, "")
    assert changed == ["-        label: Event 6", "+        label: Event six, edited"]


def test_a_label_emptied_in_the_deck_is_named_and_kept(tmp_path: Path) -> None:
    outline, prs = _kinds(tmp_path)
    _retype(_group(prs.slides[0])["Label 2"], "")
    before = outline.read_text("utf-8")

    run, changed = _into(outline, prs)

    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 1 'History': its events.1.label was emptied; the outline "
        "keeps it (an event needs one)"]
    assert changed == []
    assert outline.read_text("utf-8") == before


def test_after_libreoffice_a_diagrams_and_a_foots_edits_come_back(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, needs_libreoffice: None) -> None:
    """LibreOffice renames the placeholders but keeps the names of the boxes in a group and of
    the box at the foot: their edits come back as without it, with the one warning."""
    outline, prs = _kinds(tmp_path)
    _retype(_group(prs.slides[0])["Label 2"], "India became a partner")
    _retype(_group(prs.slides[1])["Step 1"], "Identify the item")
    _retype(_foot(prs.slides[0]), "Source: MTCR, 2024")
    prs.save(str(outline.with_name("edited.pptx")))
    deck = resaved_by_libreoffice(outline.with_name("edited.pptx"),
                                  tmp_path_factory.mktemp("resaved"))

    run = run_cli(["import", str(deck), "--into", outline.name], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0, run.err
    assert run.err == f"{deck}: warning: {RESAVED}\n"
    assert [line for line in run.out.splitlines() if line[:1] in "+-"
            and not line.startswith(("---", "+++"))] == [
        "-        label: India joined",
        '-    source: "Source: MTCR"',
        "+        label: India became a partner",
        '+    source: "Source: MTCR, 2024"',
        "-      - Identify",
        "+      - Identify the item",
    ]


def test_reveal_turned_off_in_the_deck_is_named(tmp_path: Path) -> None:
    built = build_outline("deck:\n  title: Points\n  language: en-NZ\nslides:\n"
                          "  - title: Points\n    reveal: true\n    bullets:\n      - One\n"
                          "      - Two\n", tmp_path)
    prs = Presentation(str(built.path))
    element = prs.slides[0]._element
    element.remove(element.find(qn("p:timing")))  # the animations deleted in PowerPoint
    before = (tmp_path / "slides.yaml").read_text("utf-8")

    run, changed = _into(tmp_path / "slides.yaml", prs)

    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 1: its animations changed; they are not taken back "
        "(whether a slide reveals its points one by one is its 'reveal:' in the outline: set it "
        "there)"]
    assert (tmp_path / "slides.yaml").read_text("utf-8") == before


def test_a_deck_whose_record_lists_no_timeline_text_names_it(tmp_path: Path) -> None:
    """A deck built before the record held a timeline's boxes: its edits there are named."""
    outline, prs = _kinds(tmp_path)
    custom = next(p for p in prs.part.package.iter_parts() if p.partname == CUSTOM_PART)
    record = "".join(t for t in etree.fromstring(custom.blob).itertext())
    custom._blob = custom_properties(re.sub(r"events\.\d\.\w+@,?", "", record))
    _retype(_group(prs.slides[0])["Label 2"], "India became a partner")

    run, changed = _into(outline, prs)

    assert run.code == 0, run.err
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 1: its events text was not recorded when the deck was "
        "built (by an earlier yamldeck), so its edits there are not taken back; build the deck "
        "again to take them"]
    assert changed == []
