"""`yamldeck import --into` on a quote, an agenda and a picture's alt text (taken back through the
three-way merge), and on what no field of the outline holds (a footer, an agenda made from the
slides' titles, a chart's title, a table deleted): named in a warning, never dropped in silence."""
# ruff: noqa: E501

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from colleague import RESAVED, frame, resaved_by_libreoffice, reword, slide_titled
from helpers import assert_no_traceback, build_file, listing, run_cli
from PIL import Image
from pptx import Presentation

pytestmark = pytest.mark.usefixtures("decks_validated")

_HUNK = re.compile(r"^@@ .* @@$", re.M)

OUTLINE = """\
deck:
  title: Edits
  language: en-NZ
  footer: Outreach briefing
slides:
  # The parts of the talk, as the speaker names them.
  - kind: agenda
    title: Today
    items:
      - Why it matters  # the opening
      - How it works
  # This one lists the section titles.
  - kind: agenda
    title: Parts
  - kind: section
    title: Part one
  - kind: quote
    title: In their words
    quote: Restraint is a shared duty  # as said in 2016
    attribution: A delegate, 2016
  - kind: quote
    title: Unsigned
    quote: Nothing travels faster than a missile
  - kind: picture
    title: A picture
    image: field.png
    alt: A blue field
    caption: The field
  - kind: chart
    title: Numbers
    chart:
      type: bar
      title: Partners by region
      data:
        - [Region, Partners]
        - [Europe, 20]
        - [Asia, 5]
  - kind: table
    title: Table
    rows:
      - [Year, Partners]
      - ["1987", "7"]
"""


def _built(tmp_path: Path, text: str = OUTLINE) -> tuple[Path, Path]:
    folder = tmp_path / "talk"
    folder.mkdir()
    Image.new("RGB", (400, 300), (30, 90, 160)).save(folder / "field.png")
    outline = folder / "slides.yaml"
    outline.write_text(text, "utf-8")
    build_file(outline, folder / "built.pptx")
    return outline, folder / "built.pptx"


def _shape(slide: Any, name: str) -> Any:
    return next(s for s in slide.shapes if s.name == name)


def _quote_frame(slide: Any) -> list[str]:
    return [p.text for p in frame(slide, "quote").paragraphs]


def _edit_fields(built: Path, edited: Path) -> None:
    """A colleague rewords the quote and its attribution, adds an attribution to the unsigned
    quote, rewords and adds agenda items, rewrites a picture's alt text (PowerPoint's
    accessibility pane sets the picture's descr), rewords the chart's title and gives its value
    axis one."""
    prs = Presentation(str(built))
    quote = slide_titled(prs, "In their words")
    reword(quote, "quote", "\u201cRestraint is a shared duty\u201d",
           "\u201cRestraint is everyone's duty\u201d")
    reword(quote, "quote", "\u2014 A delegate, 2016", "\u2014 A delegate, 2017")
    unsigned = frame(slide_titled(prs, "Unsigned"), "quote")
    unsigned.add_paragraph().text = "\u2014 An engineer"
    agenda = slide_titled(prs, "Today")
    reword(agenda, "items", "How it works", "How the regime works")
    frame(agenda, "items").add_paragraph().text = "What partners do"
    picture = _shape(slide_titled(prs, "A picture"), "yamldeck:alt")
    picture._element.nvPicPr.cNvPr.set("descr", "A deep blue field at noon")
    chart = next(s for s in slide_titled(prs, "Numbers").shapes if s.has_chart).chart
    chart.chart_title.text_frame.paragraphs[0].runs[0].text = "Partners by continent"
    chart.value_axis.has_title = True  # a title given to the value axis
    chart.value_axis.axis_title.text_frame.text = "Partners"
    prs.save(str(edited))


FIELDS_DIFF = """\
--- slides.yaml (before)
+++ slides.yaml (with edited.pptx)
@@
     title: Today
     items:
       - Why it matters  # the opening
-      - How it works
+      - How the regime works
+      - What partners do
   # This one lists the section titles.
   - kind: agenda
     title: Parts
@@
     title: Part one
   - kind: quote
     title: In their words
-    quote: Restraint is a shared duty  # as said in 2016
-    attribution: A delegate, 2016
+    quote: Restraint is everyone's duty  # as said in 2016
+    attribution: A delegate, 2017
   - kind: quote
     title: Unsigned
     quote: Nothing travels faster than a missile
+    attribution: An engineer
   - kind: picture
     title: A picture
     image: field.png
-    alt: A blue field
+    alt: A deep blue field at noon
     caption: The field
   - kind: chart
     title: Numbers
     chart:
       type: bar
-      title: Partners by region
+      title: Partners by continent
       data:
         - [Region, Partners]
         - [Europe, 20]
         - [Asia, 5]
+      y_title: Partners
   - kind: table
     title: Table
     rows:
"""


def test_a_quote_an_agendas_items_and_alt_text_come_back_exactly(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    _edit_fields(built, outline.with_name("edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert (run.code, run.err) == (0, "")
    *diff, summary = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == FIELDS_DIFF
    assert summary.startswith("updated slides.yaml (as they were: slides.yaml.bak) in ")
    assert outline.with_name("slides.yaml.bak").read_text("utf-8") == OUTLINE
    # The updated outline builds into the edited deck's words.
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx")).prs
    assert _quote_frame(slide_titled(rebuilt, "In their words")) == [
        "\u201cRestraint is everyone's duty\u201d", "\u2014 A delegate, 2017"]
    assert _quote_frame(slide_titled(rebuilt, "Unsigned")) == [
        "\u201cNothing travels faster than a missile\u201d", "\u2014 An engineer"]
    assert [p.text for p in frame(slide_titled(rebuilt, "Today"), "items").paragraphs] == [
        "Why it matters", "How the regime works", "What partners do"]
    picture = _shape(slide_titled(rebuilt, "A picture"), "yamldeck:alt")
    assert picture._element.nvPicPr.cNvPr.get("descr") == "A deep blue field at noon"
    chart = next(s for s in slide_titled(rebuilt, "Numbers").shapes if s.has_chart).chart
    assert chart.chart_title.text_frame.text == "Partners by continent"
    assert chart.value_axis.axis_title.text_frame.text == "Partners"
    assert not chart.category_axis.has_title
    again = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)
    assert (again.code, again.out, again.err) == (
        0, "slides.yaml already has the deck's text; nothing to take back\n", "")


QUOTED = """\
deck:
  title: Quotes
  language: fr
slides:
  - kind: quote
    title: Citation
    quote: La retenue est un devoir partagé
    attribution: Un délégué
  - kind: quote
    title: Already quoted
    language: en-NZ
    quote: "\u201cIt is set between its own marks\u201d"
  - kind: quote
    title: Chinese
    language: zh-CN
    quote: 克制是共同的责任
  - kind: agenda
    title: Ordre du jour
    items: [Un, Deux]
"""


def test_an_unedited_deck_has_nothing_to_take_back(tmp_path: Path) -> None:
    """Quotation marks the build adds (French, English, Chinese) are not read as an edit, nor
    a quote the outline sets between its own marks."""
    outline, built = _built(tmp_path, QUOTED)
    prs = Presentation(str(built))
    assert _quote_frame(prs.slides[0]) == ["\u00ab\u00a0La retenue est un devoir partagé\u00a0\u00bb",
                                           "\u2014 Un délégué"]
    assert _quote_frame(prs.slides[2]) == ["\u201c克制是共同的责任\u201d"]
    files = listing(outline.parent)

    run = run_cli(["import", "built.pptx", "--into", "slides.yaml"], outline.parent)

    assert (run.code, run.out, run.err) == (
        0, "slides.yaml already has the deck's text; nothing to take back\n", "")
    assert listing(outline.parent) == files


def test_a_quote_changed_in_the_outline_and_in_the_deck_is_a_conflict(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    reword(slide_titled(prs, "In their words"), "quote", "\u201cRestraint is a shared duty\u201d",
           "\u201cRestraint is a duty we share\u201d")
    prs.save(str(outline.with_name("edited.pptx")))
    mine = OUTLINE.replace("quote: Restraint is a shared duty", "quote: Restraint is our duty")
    outline.write_text(mine, "utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 1
    assert run.out == (
        "slides.yaml:19: conflict: slide 4 'In their words', quote: changed in the outline "
        "since the deck was built, and in the deck; the outline keeps its text\n"
        "<<<<<<< slides.yaml\n"
        "- Restraint is our duty\n"
        "=======\n"
        "- Restraint is a duty we share\n"
        ">>>>>>> edited.pptx\n"
        "nothing was written; 1 conflict left as the outline has it\n")
    assert outline.read_text("utf-8") == mine
    assert not outline.with_name("slides.yaml.bak").exists()


def _edit_unheld(built: Path, edited: Path) -> None:
    """Edits no field of the outline holds: the agenda made from the section titles, the
    name of the chart's series, the footer of three slides; and the table deleted."""
    prs = Presentation(str(built))
    slides = list(prs.slides)
    listed = next(s for s in slides[1].placeholders if s.placeholder_format.idx == 1)
    listed.text_frame.paragraphs[0].runs[0].text = "Part 1: why"
    chart = next(s for s in slides[6].shapes if s.has_chart).chart
    (name,) = chart._chartSpace.xpath(".//c:ser/c:tx//c:v")
    name.text = "Partners in 2026"
    for slide in (slides[0], slides[1], slides[3]):
        footer = next(s for s in slide.placeholders if s.name.startswith("Footer"))
        footer.text_frame.paragraphs[0].runs[0].text = "Briefing, 2027"
    table = next(s for s in slides[7].shapes if s.has_table)
    table._element.getparent().remove(table._element)
    prs.save(str(edited))


UNHELD_WARNINGS = [
    "slide 2: its agenda was changed; it lists the outline's section titles (the agenda has no 'items:'), so it is not taken back: change those titles, or give the agenda 'items:', in the outline",
    "slide 7: its chart's series names or alt text were changed; only a chart's numbers, categories and titles are taken back, so change those in the outline by hand",
    "slide 8: its table was deleted in the deck; the outline keeps what it showed",
    "slides 1, 2 and 4: the footer was changed in the deck; it is the outline's 'footer:' (under deck:), so it is not taken back: change it there",
]


def test_what_no_field_holds_is_named_when_it_changed(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    _edit_unheld(built, outline.with_name("edited.pptx"))
    files = listing(outline.parent)

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err.splitlines() == [f"edited.pptx: warning: {w}" for w in UNHELD_WARNINGS]
    assert listing(outline.parent) == files


def test_a_picture_deleted_and_alt_text_given_to_a_decorative_one_are_named(
        tmp_path: Path) -> None:
    text = OUTLINE.replace("    alt: A blue field\n", "    decorative: true\n") + (
        "  - kind: picture\n    title: Second\n    image: field.png\n    alt: Again the field\n")
    outline, built = _built(tmp_path, text)
    prs = Presentation(str(built))
    decorative = next(s for s in slide_titled(prs, "A picture").shapes if s.shape_type == 13)
    decorative._element.nvPicPr.cNvPr.set("descr", "A blue field")
    second = _shape(slide_titled(prs, "Second"), "yamldeck:alt")
    second._element.getparent().remove(second._element)
    prs.save(str(outline.with_name("edited.pptx")))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 9: the frame of 'alt' was deleted; the outline keeps its "
        "text",
        "edited.pptx: warning: slide 6: the alt text of its picture was changed; it is not "
        "taken back: change it in the outline by hand",
    ]


def test_after_libreoffice_the_same_edits_come_back_and_the_rest_is_named(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, needs_libreoffice: None) -> None:
    """LibreOffice renumbers every shape, so a change to what no field holds is found by its
    words alone: "changed or deleted"."""
    outline, built = _built(tmp_path)
    _edit_fields(built, outline.with_name("fields.pptx"))
    _edit_unheld(outline.with_name("fields.pptx"), outline.with_name("edited.pptx"))
    deck = resaved_by_libreoffice(outline.with_name("edited.pptx"),
                                  tmp_path_factory.mktemp("resaved"))

    run = run_cli(["import", str(deck), "--into", "slides.yaml", "--dry-run"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0, run.err
    *diff, summary = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == FIELDS_DIFF.replace("with edited.pptx",
                                                                 f"with {deck.name}")
    assert summary == "--dry-run: nothing was written\n"
    assert run.err.splitlines() == [f"{deck}: warning: {w}" for w in [
        RESAVED,
        "slide 2: its agenda was changed or deleted in the deck; it is not taken back: change "
        "it in the outline by hand",
        "slide 7: its chart was changed or deleted in the deck; it is not taken back: change it "
        "in the outline by hand",
        "slide 8: its table was changed or deleted in the deck; it is not taken back: change it "
        "in the outline by hand",
        "slides 1, 2 and 4: the footer was changed or deleted in the deck; it is the outline's "
        "'footer:' (under deck:), so it is not taken back: change it there",
    ]]
    assert outline.read_text("utf-8") == OUTLINE


def test_a_chart_moved_and_a_tables_columns_widened_are_named(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    chart = next(s for s in slide_titled(prs, "Numbers").shapes if s.has_chart)
    chart.left += 254000  # dragged 1 cm to the right
    table = next(s for s in slide_titled(prs, "Table").shapes if s.has_table).table
    table.columns[0].width += 508000
    prs.save(str(outline.with_name("edited.pptx")))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 7: its chart was moved or resized; the outline holds "
        "words, not formatting, so it is not taken back",
        "edited.pptx: warning: slide 8: its table was moved or resized, or its column widths, "
        "row heights or alignment changed; the outline holds words, not formatting, so it is "
        "not taken back",
    ]
    assert outline.read_text("utf-8") == OUTLINE


def test_a_quote_or_alt_text_emptied_in_the_deck_is_kept(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    for paragraph in frame(slide_titled(prs, "Unsigned"), "quote").paragraphs:
        for run in paragraph.runs:
            run.text = ""
    picture = _shape(slide_titled(prs, "A picture"), "yamldeck:alt")
    picture._element.nvPicPr.cNvPr.set("descr", "")
    prs.save(str(outline.with_name("edited.pptx")))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 5 'Unsigned': its quote was emptied; the outline keeps it "
        "(an outline needs one)",
        "edited.pptx: warning: slide 6 'A picture': its picture's alt text was removed in the "
        "deck; the outline keeps it (a picture needs alt text for screen-reader users, or "
        "'decorative: true')",
    ]
    assert outline.read_text("utf-8") == OUTLINE


def test_a_chart_whose_part_is_missing_is_named_and_the_outline_keeps_it(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    chart = next(s for s in slide_titled(prs, "Numbers").shapes if s.has_chart)
    reference = chart._element.xpath(".//c:chart")[0]
    reference.set(reference.attrib.keys()[0], "rId99")  # points at no part
    prs.save(str(outline.with_name("edited.pptx")))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err.splitlines() == [
        "edited.pptx: warning: slide 7: its chart cannot be read (its part is missing or "
        "damaged), so its numbers and titles are not taken back",
    ]
    assert outline.read_text("utf-8") == OUTLINE
    outline.with_name("edited.pptx").unlink()  # damaged on purpose: kept from the validator


def _footers(prs: Any) -> list[str]:
    return [s.text_frame.text for slide in prs.slides for s in slide.placeholders
            if s.name.startswith("Footer")]


def _refooter(built: Path, edited: Path, text: str) -> None:
    """The footer changed on every slide, as PowerPoint's Header and Footer (Apply to All)."""
    prs = Presentation(str(built))
    for slide in prs.slides:
        for shape in slide.placeholders:
            if shape.name.startswith("Footer"):
                shape.text_frame.paragraphs[0].runs[0].text = text
    prs.save(str(edited))


def test_a_footer_changed_on_every_slide_comes_back_to_the_deck(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    assert _footers(Presentation(str(built))) == ["Outreach briefing"] * 7
    _refooter(built, outline.with_name("edited.pptx"), "Outreach briefing, Wellington 2027")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert (run.code, run.err) == (0, "")
    *diff, _ = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == (
        "--- slides.yaml (before)\n"
        "+++ slides.yaml (with edited.pptx)\n"
        "@@\n"
        " deck:\n"
        "   title: Edits\n"
        "   language: en-NZ\n"
        "-  footer: Outreach briefing\n"
        "+  footer: Outreach briefing, Wellington 2027\n"
        " slides:\n"
        "   # The parts of the talk, as the speaker names them.\n"
        "   - kind: agenda\n")
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx")).prs
    assert _footers(rebuilt) == ["Outreach briefing, Wellington 2027"] * 7


def test_a_footer_changed_in_the_outline_and_on_every_slide_is_a_conflict(
        tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    _refooter(built, outline.with_name("edited.pptx"), "Briefing, 2027")
    mine = OUTLINE.replace("footer: Outreach briefing", "footer: Outreach talk")
    outline.write_text(mine, "utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert (run.code, run.err) == (1, "")
    assert run.out == (
        "slides.yaml:4: conflict: deck, footer: changed in the outline since the deck was "
        "built, and on every slide of the deck; the outline keeps its text\n"
        "<<<<<<< slides.yaml\n"
        "- Outreach talk\n"
        "=======\n"
        "- Briefing, 2027\n"
        ">>>>>>> edited.pptx\n"
        "nothing was written; 1 conflict left as the outline has it\n")
    assert outline.read_text("utf-8") == mine


def test_a_footer_that_shows_the_date_too_is_named_not_taken_back(tmp_path: Path) -> None:
    text = OUTLINE.replace("  footer: Outreach briefing\n", "  footer: Outreach briefing\n"
                           "  date: 8 December 2026\n  footer_date: true\n")
    outline, built = _built(tmp_path, text)
    _refooter(built, outline.with_name("edited.pptx"), "Briefing, 2027")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0
    assert run.out == "slides.yaml already has the deck's text; nothing to take back\n"
    assert run.err == (
        "edited.pptx: warning: the footer was changed on every slide in the deck; it shows the "
        "date too (footer_date: true), so it is not taken back: change 'footer:' under deck: in "
        "the outline\n")
    assert outline.read_text("utf-8") == text
