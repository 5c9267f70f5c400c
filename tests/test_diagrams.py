"""Timeline and process slides: built, reopened with python-pptx, their shapes checked.

Each diagram is one group shape with alt text; its markers, chevrons or boxes run left to right
(or round a loop), its text boxes hold the outline's words at 14 pt or more, in the theme's
scheme colours, inside the content area and clear of each other. Bad inputs give exact, located
messages and leave the previous deck as it was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import assert_no_traceback, build_outline, listing, title_shape
from pptx.oxml.ns import qn

import yamldeck
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")  # every deck left behind is validated
EMU_PER_INCH = 914400
SLIDE_W, SLIDE_H = 12192000, 6858000
# The built-in theme's content area: 0.6 in margins, from under the title's rule (1.75 in) to
# above the footer's hairline (6.8 in).
AREA = (int(0.6 * EMU_PER_INCH), int(1.75 * EMU_PER_INCH), SLIDE_W - int(0.6 * EMU_PER_INCH),
        int(6.8 * EMU_PER_INCH))
HEAD = "deck:\n  title: Diagrams\n  language: en-NZ\nslides:\n"  # slides start on line 5


def group_of(slide: Any) -> Any:
    (group,) = [s for s in slide.shapes if "GROUP" in str(s.shape_type)]
    return group


def children(group: Any) -> dict[str, Any]:
    return {shape.name: shape for shape in group.shapes}


def descr(shape: Any) -> str:
    return shape._element.find(f".//{qn('p:cNvPr')}").get("descr")


def box(shape: Any) -> tuple[int, int, int, int]:
    return shape.left, shape.top, shape.left + shape.width, shape.top + shape.height


def inside_area(shape: Any) -> bool:
    left, top, right, bottom = box(shape)
    return AREA[0] - 1 <= left and right <= AREA[2] + 1 and AREA[1] - 1 <= top and \
        bottom <= AREA[3] + 1


def text_rect(shape: Any) -> tuple[int, int, int, int]:
    """Where a shape's text goes: a chevron's lies between its notch and its point (DrawingML's
    preset), and a chevron's point nests in the next one's notch."""
    left, top, right, bottom = box(shape)
    if "CHEVRON" in str(getattr(shape, "auto_shape_type", None) if shape.shape_type == 1
                        else None):
        point = int(shape.adjustments[0] * min(shape.width, shape.height))
        return left + point, top, right - point, bottom
    return left, top, right, bottom


def overlap(a: Any, b: Any) -> bool:
    (al, at, ar, ab), (bl, bt, br, bb) = text_rect(a), text_rect(b)
    return min(ar, br) - max(al, bl) > 0 and min(ab, bb) - max(at, bt) > 0


def sizes(shape: Any) -> list[float]:
    return [r.font.size.pt for p in shape.text_frame.paragraphs for r in p.runs]


def texts(shapes: list[Any]) -> list[Any]:
    return [s for s in shapes if s.has_text_frame and s.text_frame.text.strip()]


def assert_readable_and_apart(group: Any) -> None:
    """Every text at 14 pt or more, in the theme's colours, inside the area, none overlapping."""
    shapes = list(group.shapes)
    assert shapes and all(inside_area(s) for s in shapes), [(s.name, box(s)) for s in shapes]
    boxes = texts(shapes)
    assert all(min(sizes(s)) >= 14 for s in boxes), [(s.name, sizes(s)) for s in boxes]
    for i, a in enumerate(boxes):
        assert not [b.name for b in boxes[i + 1:] if overlap(a, b)], a.name
    assert not list(group._element.iter(qn("a:srgbClr")))  # scheme colours: the theme's own
    for run in group._element.iter(qn("a:rPr")):
        assert run.find(qn("a:latin")).get("typeface") == "+mn-lt"


# --- timelines -----------------------------------------------------------------------------------

MTCR_TIMELINE = HEAD + """\
  - kind: timeline
    title: History
    events:
      - date: April 1987
        label: Established by seven countries
        detail: Canada, France, Germany, Italy, Japan, the United Kingdom and the United States
      - date: 1992-93
        label: Extended to delivery systems for all weapons of mass destruction
      - date: "2016"
        label: India becomes the **35th** partner
"""


def test_timeline_is_one_group_of_line_markers_and_text(tmp_path: Path) -> None:
    built = build_outline(MTCR_TIMELINE, tmp_path)  # validated inside
    (slide,) = built.prs.slides
    assert title_shape(slide).text_frame.text == "History"
    group = group_of(slide)
    assert group.name == "Timeline"
    assert descr(group) == (
        "Timeline: April 1987 Established by seven countries; 1992-93 Extended to delivery "
        "systems for all weapons of mass destruction; 2016 India becomes the 35th partner")
    assert [s.name for s in group.shapes] == [
        "Timeline line", "Marker 1", "Date 1", "Label 1", "Detail 1", "Marker 2", "Date 2",
        "Label 2", "Marker 3", "Date 3", "Label 3"]
    shapes = children(group)
    assert [shapes[f"Date {n}"].text_frame.text for n in (1, 2, 3)] == ["April 1987", "1992-93",
                                                                        "2016"]
    assert shapes["Label 3"].text_frame.text == "India becomes the 35th partner"
    assert [r.font.bold for r in shapes["Label 3"].text_frame.paragraphs[0].runs] == [
        False, True, False]
    assert shapes["Detail 1"].text_frame.text.startswith("Canada, France")
    centres = [shapes[f"Marker {n}"].left + shapes[f"Marker {n}"].width // 2 for n in (1, 2, 3)]
    assert centres[0] < centres[1] < centres[2]
    assert abs((centres[1] - centres[0]) - (centres[2] - centres[1])) <= 2  # evenly spaced
    line = shapes["Timeline line"]
    assert line.top == shapes["Marker 1"].top + shapes["Marker 1"].height // 2
    # Room for all: every date above the line, every label below it, each under its marker.
    for n in (1, 2, 3):
        date, label = shapes[f"Date {n}"], shapes[f"Label {n}"]
        assert date.top + date.height <= shapes[f"Marker {n}"].top
        assert label.top >= shapes[f"Marker {n}"].top + shapes[f"Marker {n}"].height
        assert abs(label.left + label.width // 2 - centres[n - 1]) <= 2
    fill = shapes["Marker 1"]._element.spPr.find(f"{qn('a:solidFill')}/{qn('a:schemeClr')}")
    assert fill.get("val") == "accent1"
    assert_readable_and_apart(group)
    # With room, the designed sizes (labels at the theme's body size) and the line across the
    # middle of the content frame (1.75 in to 6.6 in).
    assert [sizes(shapes[f"{part} 1"]) for part in ("Date", "Label", "Detail")] == [
        [28.0], [24.0], [18.0]]
    assert abs(line.top - int((1.75 + 6.6) / 2 * EMU_PER_INCH)) <= 12700


def long_events(count: int, words: str = "a label of several words that needs room") -> str:
    return "".join(f'      - date: "{2000 + n}"\n        label: Event {n} {words}\n'
                   for n in range(1, count + 1))


def test_crowded_timeline_alternates_above_and_below(tmp_path: Path) -> None:
    outline = HEAD + "  - kind: timeline\n    title: Eight\n    events:\n" + long_events(
        8, "internationalisation of export controls")  # too wide a word for an eighth
    (slide,) = build_outline(outline, tmp_path).prs.slides
    group = group_of(slide)
    shapes = children(group)
    line_y = shapes["Timeline line"].top
    above = [n for n in range(1, 9) if shapes[f"Label {n}"].top < line_y]
    assert above == [1, 3, 5, 7]
    centres = [shapes[f"Marker {n}"].left for n in range(1, 9)]
    assert centres == sorted(centres)
    assert_readable_and_apart(group)


def test_spacing_by_date_places_markers_in_proportion(tmp_path: Path) -> None:
    outline = HEAD + """\
  - kind: timeline
    title: By date
    spacing: date
    events:
      - {date: "1987", label: Founded}
      - {date: 2000-01, label: Later}
      - {date: "2016", label: India}
"""
    (slide,) = build_outline(outline, tmp_path).prs.slides
    shapes = children(group_of(slide))
    assert group_of(slide).name == "Timeline by date"
    x = [shapes[f"Marker {n}"].left for n in (1, 2, 3)]
    assert (x[1] - x[0]) / (x[2] - x[0]) == pytest.approx(13 / 29, abs=0.002)
    assert_readable_and_apart(group_of(slide))


@pytest.mark.parametrize(("count", "parts"), [(2, [2]), (8, [8]), (9, [5, 4]), (17, [6, 6, 5])])
def test_long_timeline_continues_evenly(tmp_path: Path, count: int, parts: list[int]) -> None:
    outline = (HEAD + "  - kind: timeline\n    title: Years\n    overflow: continue\n"
               "    notes: Said once.\n    events:\n" + long_events(count, "happened"))
    built = build_outline(outline, tmp_path)
    slides = list(built.prs.slides)
    assert built.result.slides == len(slides) == len(parts)
    assert [title_shape(s).text_frame.text for s in slides] == ["Years"] + ["Years (cont.)"] * (
        len(parts) - 1)
    first = 1
    for slide, part in zip(slides, parts, strict=True):
        shapes = children(group_of(slide))
        dates = [shapes[f"Date {n}"].text_frame.text for n in range(1, part + 1)]
        assert dates == [str(2000 + n) for n in range(first, first + part)]
        assert f"Marker {part + 1}" not in shapes
        assert_readable_and_apart(group_of(slide))
        first += part
    assert slides[0].has_notes_slide and not any(s.has_notes_slide for s in slides[1:])


# --- processes -----------------------------------------------------------------------------------

STEP_NAMES = ["Plan", "Assess", "Licence", "Ship", "Verify", "Report", "Review"]


@pytest.mark.parametrize("count", [3, 4, 5, 6, 7])
def test_process_chevrons_run_left_to_right(tmp_path: Path, count: int) -> None:
    steps = "".join(f"      - heading: {name}\n        text: What {name.lower()} means here\n"
                    for name in STEP_NAMES[:count])
    outline = HEAD + f"  - kind: process\n    title: Steps\n    steps:\n{steps}"
    (slide,) = build_outline(outline, tmp_path).prs.slides
    group = group_of(slide)
    assert group.name == "Process"
    assert descr(group) == "Process: " + "; ".join(STEP_NAMES[:count])
    names = [s.name for s in group.shapes]
    assert names == [name for n in range(1, count + 1) for name in (f"Step {n}",
                                                                    f"Step {n} text")]
    shapes = children(group)
    chevrons = [shapes[f"Step {n}"] for n in range(1, count + 1)]
    assert [c.text_frame.text for c in chevrons] == STEP_NAMES[:count]
    assert all("CHEVRON" in str(c.auto_shape_type) for c in chevrons)
    assert [c.left for c in chevrons] == sorted(c.left for c in chevrons)
    assert len({c.top for c in chevrons}) == 1
    for n, chevron in enumerate(chevrons, 1):
        text = shapes[f"Step {n} text"]
        assert text.text_frame.text == f"What {STEP_NAMES[n - 1].lower()} means here"
        assert text.top >= chevron.top + chevron.height
        assert chevron.left < text.left + text.width // 2 < chevron.left + chevron.width
    assert_readable_and_apart(group)


def test_cycle_puts_boxes_round_a_loop_with_arrows(tmp_path: Path) -> None:
    outline = HEAD + """\
  - kind: process
    title: Loop
    cycle: true
    steps:
      - heading: Plan
        text: Decide what to do
      - Do
      - Check
      - heading: Act
        text: Improve the process
"""
    (slide,) = build_outline(outline, tmp_path).prs.slides
    group = group_of(slide)
    assert (group.name, descr(group)) == ("Cycle", "Cycle: Plan; Do; Check; Act (and back to "
                                                   "Plan)")
    shapes = children(group)
    boxes = [shapes[f"Step {n}"] for n in range(1, 5)]
    assert [[p.text for p in b.text_frame.paragraphs] for b in boxes] == [
        ["Plan", "Decide what to do"], ["Do"], ["Check"], ["Act", "Improve the process"]]
    centre = [(b.left + b.width // 2, b.top + b.height // 2) for b in boxes]
    # Clockwise from the top: top, right, bottom, left.
    assert centre[0][1] < centre[1][1] < centre[2][1] and centre[3][0] < centre[0][0] < \
        centre[1][0]
    arrows = [shapes[f"Arrow {n}"] for n in range(1, 5)]
    for arrow in arrows:
        assert arrow._element.find(f".//{qn('a:tailEnd')}").get("type") == "triangle"
        assert not any(overlap(arrow, b) for b in boxes)
    assert_readable_and_apart(group)


def test_links_and_formatting_in_diagram_text_work(tmp_path: Path) -> None:
    outline = HEAD + """\
  - title: Where
    steps:
      - heading: Read *the* Guidelines
        text: "At [mtcr.info](https://mtcr.info/)"
      - Apply them
      - Review
"""
    (slide,) = build_outline(outline, tmp_path).prs.slides
    shapes = children(group_of(slide))
    (link,) = [r for r in shapes["Step 1 text"].text_frame.paragraphs[0].runs
               if r.hyperlink.address]
    assert (link.text, link.hyperlink.address) == ("mtcr.info", "https://mtcr.info/")
    runs = shapes["Step 1"].text_frame.paragraphs[0].runs
    assert [(r.text, r.font.italic) for r in runs] == [("Read ", None), ("the", True),
                                                       (" Guidelines", None)]


def test_kinds_come_from_their_keys(tmp_path: Path) -> None:
    outline = HEAD + ("  - title: T\n    events:\n" + long_events(2) +
                      "  - title: P\n    steps: [One, Two, Three]\n")
    prs = build_outline(outline, tmp_path).prs
    assert [group_of(s).name for s in prs.slides] == ["Timeline", "Process"]


# --- bad inputs ----------------------------------------------------------------------------------


def refused(tmp_path: Path, capsys: pytest.CaptureFixture[str], outline: str,
            command: str = "build") -> list[str]:
    (tmp_path / "slides.yaml").write_text(outline, encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"the previous deck")
    before = listing(tmp_path)
    capsys.readouterr()
    code = main([command, str(tmp_path / "slides.yaml")])
    out, err = capsys.readouterr()
    assert_no_traceback(err)
    assert (code, out) == (1, "")
    assert listing(tmp_path) == before
    return [line.replace(str(tmp_path) + "/", "") for line in err.splitlines()]


BAD = [
    ("two-steps", "  - kind: process\n    title: P\n    steps: [One, Two]\n",
     ["slides.yaml:7:12: error: slide 1 'P': 'steps' has 2 steps; a process shows 3 to 7: add "
      "steps, or show them as bullets"]),
    ("eight-steps", "  - kind: process\n    title: P\n    steps: [a, b, c, d, e, f, g, h]\n",
     ["slides.yaml:7:12: error: slide 1 'P': 'steps' has 8 steps; a process shows 3 to 7: merge "
      "steps, or split the process over two slides"]),
    ("step-with-colon",
     "  - kind: process\n    title: P\n    steps:\n      - Plan: the work\n      - b\n      - c\n",
     ["slides.yaml:8:9: error: slide 1 'P': 'steps' item 1 contains ': ', which YAML reads as a "
      "key and its value; put the whole step in quotes: - \"Plan: the work\""]),
    ("one-event",
     "  - kind: timeline\n    title: T\n    events:\n      - {date: \"1987\", label: Founded}\n",
     ["slides.yaml:8:7: error: slide 1 'T': 'events' has 1 event; a timeline needs at least 2: "
      "add one, or show a single date on a number slide"]),
    ("undated", "  - kind: timeline\n    title: T\n    spacing: date\n    events:\n"
     "      - {date: \"1987\", label: Founded}\n      - {date: Today, label: Now}\n",
     ["slides.yaml:10:16: error: slide 1 'T': 'events' item 2 has the date 'Today', which "
      "'spacing: date' cannot place; write a year (1987), a span (1992-93), a month (April 1987) "
      "or a date (1987-04-16), or use 'spacing: even'"]),
    ("out-of-order", "  - kind: timeline\n    title: T\n    spacing: date\n    events:\n"
     "      - {date: \"2016\", label: India}\n      - {date: \"1987\", label: Founded}\n",
     ["slides.yaml:10:16: error: slide 1 'T': 'events' item 2 ('1987') comes before the event "
      "above it; list the events in order of their dates"]),
    ("too-close", "  - kind: timeline\n    title: T\n    spacing: date\n    events:\n"
     "      - {date: \"1900\", label: a}\n      - {date: \"1901\", label: b}\n"
     "      - {date: \"2000\", label: c}\n",
     ["slides.yaml:10:16: error: slide 1 'T': event 2 ('1901') is too close in time to event 1 "
      "('1900') for both to be drawn with 'spacing: date'; use 'spacing: even' (the dates are "
      "shown either way)"]),
    ("too-many-events", "  - kind: timeline\n    title: T\n    events:\n" + long_events(9, "x"),
     ["slides.yaml:24:9: error: slide 1 'T': the timeline has 9 events; a slide shows at most 8, "
      "readable from the back of a room: add 'overflow: continue' to the slide to carry the rest "
      "onto the next slides, or remove events"]),
    ("event-too-long", "  - kind: timeline\n    title: T\n    events:\n" + long_events(
        7, "and " + "a very long label that goes on " * 20),
     ["slides.yaml:8:9: error: slide 1 'T': event 1 ('2001') does not fit its place on the "
      "timeline even at 14 pt; shorten its label or detail, or put fewer events on the slide"]),
    ("word-too-wide", "  - kind: process\n    title: P\n    steps: [Identification, "
     "Assessment, Plan, Licensing, Shipment, Verification, Internationalisation]\n",
     ["slides.yaml:7:82: error: slide 1 'P': step 7 ('Internationalisation') does not fit a "
      "chevron even at 14 pt without breaking a word; shorten it, or use fewer steps"]),
]


@pytest.mark.parametrize(("slides", "expected"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
@pytest.mark.parametrize("command", ["build", "check"])
def test_bad_diagram_is_a_located_message(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                          slides: str, expected: list[str], command: str) -> None:
    lines = refused(tmp_path, capsys, HEAD + slides, command)
    assert [line for line in lines if ": error: " in line] == expected


def test_check_passes_a_good_timeline_and_process(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "slides.yaml").write_text(MTCR_TIMELINE, encoding="utf-8")
    assert main(["check", str(tmp_path / "slides.yaml")]) == 0
    assert "error" not in capsys.readouterr().err


def test_same_bytes_every_build(tmp_path: Path) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(MTCR_TIMELINE + "  - title: P\n    cycle: true\n    steps: [A, B, C]\n",
                       encoding="utf-8")
    first = Path(yamldeck.build_deck(outline).output).read_bytes()
    assert Path(yamldeck.build_deck(outline).output).read_bytes() == first


# --- import --------------------------------------------------------------------------------------


def test_import_brings_back_edits_and_makes_a_process_too_long_for_chevrons_bullets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck edited in PowerPoint: a timeline's label changed comes back as edited; a step made
    too long for a chevron becomes a bullets slide holding every step (nothing is lost)."""
    outline = MTCR_TIMELINE + "  - kind: process\n    title: P\n    steps: [Plan, Do, Review]\n"
    built = build_outline(outline, tmp_path)
    prs = built.prs
    timeline, process = (children(group_of(s)) for s in prs.slides)
    timeline["Label 1"].text_frame.paragraphs[0].runs[0].text = "Founded by seven states"
    process["Step 2"].text_frame.paragraphs[0].runs[0].text = "Implementation " * 40
    prs.core_properties.revision = 2  # as an editor's save leaves it
    edited = tmp_path / "edited.pptx"
    prs.save(str(edited))
    capsys.readouterr()
    assert main(["import", str(edited), "-o", str(tmp_path / "back.yaml")]) == 0
    err = capsys.readouterr().err
    assert "slide 2: its text does not fit a process slide; it is a bullets slide" in err
    back = build_outline((tmp_path / "back.yaml").read_text(encoding="utf-8"), tmp_path,
                         "again.yaml")
    first, second = back.prs.slides
    assert children(group_of(first))["Label 1"].text_frame.text == "Founded by seven states"
    body = [s for s in second.placeholders if s.placeholder_format.idx == 1]
    words = [p.text.strip() for s in body for p in s.text_frame.paragraphs]
    assert words[0] == "Plan" and words[-1] == "Review"
    assert words[1].split() == ["Implementation"] * 40


# --- as LibreOffice draws them -------------------------------------------------------------------

HEADINGS = ["Identify the item", "Classify it", "Assess the risk", "Consult partners", "Decide",
            "Notify", "Review the outcome"]
STEP_TEXTS = ["Check what is being exported and to whom", "Against the Guidelines and the Annex",
              "End use and end user", "Share information where it helps", "Licence or deny",
              "Tell the applicant and partners", "Learn from each case"]


def every_diagram(most: int = 7) -> str:
    """Processes of 3 to ``most`` steps, loops of 3 to ``most``, timelines of 2 to 11 events
    (continued)."""
    out = [HEAD.replace("slides:", "  overflow: continue\nslides:")]
    for count in range(3, most + 1):
        out.append(f"  - kind: process\n    title: Process of {count}\n    steps:\n")
        out += [f"      - heading: {h}\n        text: {t}\n"
                for h, t in zip(HEADINGS[:count], STEP_TEXTS, strict=False)]
    for count in range(3, most + 1):
        out.append(f"  - kind: process\n    title: Loop of {count}\n    cycle: true\n"
                   "    steps:\n")
        out += [f"      - heading: {h}\n        text: {t}\n" if n % 3 == 0 else f"      - {h}\n"
                for n, (h, t) in enumerate(zip(HEADINGS[:count], STEP_TEXTS, strict=False))]
    for count in (2, 3, 5, 8, 11):
        out.append(f"  - kind: timeline\n    title: Timeline of {count}\n    events:\n")
        out += [f'      - date: "{1987 + 3 * n}"\n        label: {HEADINGS[n % 7]}\n'
                + (f"        detail: {STEP_TEXTS[n % 7]}\n" if n % 3 == 0 else "")
                for n in range(count)]
    out.append("  - kind: timeline\n    title: By date\n    spacing: date\n    events:\n"
               "      - {date: April 1987, label: Established by seven countries}\n"
               "      - {date: 1992-1993, label: Guidelines extended to all WMD delivery systems}\n"
               '      - {date: "2016", label: India becomes the 35th partner}\n')
    return "".join(out)


@pytest.mark.usefixtures("needs_libreoffice")
def test_every_word_is_drawn_inside_its_box_and_none_collide(tmp_path: Path) -> None:
    """Drawn by LibreOffice, on the built-in theme and on python-pptx's 4:3 default template:
    every word of every diagram inside its text box, no two words on top of each other. (On
    4:3, seven steps of these words are too wide for a chevron: that is an error, tested above
    with the message, so the narrower slides stop at six.)"""
    from layout_probe import collisions, deck_frames, read_frame
    from pptx import Presentation
    from test_templates import soffice

    from yamldeck.commands.libreoffice import read_words

    decks = [build_outline(every_diagram(), tmp_path, "builtin.yaml").path]
    Presentation().save(str(tmp_path / "template.pptx"))
    on_template = every_diagram(6).replace("  language: en-NZ\n",
                                          "  language: en-NZ\n  template: template.pptx\n")
    decks.append(build_outline(on_template, tmp_path, "default.yaml").path)
    soffice("--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"), *map(str, decks),
            profile=tmp_path / "lo")
    for deck in decks:
        pages = read_words(tmp_path / "pdf" / f"{deck.stem}.pdf")
        frames = [f for f in deck_frames(str(deck)) if f.name.startswith(("Date", "Label",
                                                                          "Detail", "Step"))]
        most = 7 if deck.stem == "builtin" else 6
        # Steps: a chevron and a text each, a box each on a loop; events: a date and a label
        # each, and a detail every third one; and the three events placed by date.
        boxes = sum(3 * n for n in range(3, most + 1)) + 2 * 29 + 11 + 2 * 3
        assert (len(pages), len(frames)) == (2 * (most - 2) + 7, boxes)  # 11 events: 2 slides
        outside = [(f.slide + 1, f.name, read_frame(f, pages[f.slide]).missing) for f in frames]
        assert [o for o in outside if o[2]] == [], f"{deck.name}: text outside its box"
        overlapping = [(n + 1, a.text, b.text) for n, page in enumerate(pages)
                       for a, b in collisions(page)]
        assert overlapping == [], deck.name
