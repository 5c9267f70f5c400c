"""`yamldeck import DECK --into OUTLINE`: a colleague's edits of a built deck taken back into the
outline: exactly those edits, every comment kept, conflicts left for the user, decks that
cannot be matched refused, and nothing lost on bad input."""
# The expected diff below is the command's output as it is: long lines, and " " for a blank line.
# ruff: noqa: E501, W293

from __future__ import annotations

import os
import re
import stat
import zipfile
from pathlib import Path

import pytest
from colleague import (
    RESAVED,
    add_paragraph,
    colleague_edits,
    delete_slide,
    frame,
    move_slide,
    resaved_by_libreoffice,
    reword,
    set_chart_value,
    slide_titled,
)
from helpers import assert_no_traceback, build_file, copy_shipped, listing, run_cli
from pptx import Presentation
from pptx.opc.package import Part
from pptx.opc.packuri import PackURI
from pptx.util import Pt

from yamldeck.render.marks import CUSTOM_REL, CUSTOM_TYPE

pytestmark = pytest.mark.usefixtures("decks_validated")

# The diff `import --into` prints for colleague_edits (hunk headers shortened to "@@": their line
# numbers move whenever a slide is added above, which is not what this test is about).
EXPECTED_DIFF = """\
--- assets/partners-by-region.csv (before)
+++ assets/partners-by-region.csv (with edited.pptx)
@@
 Region,Partners
 Europe,25
 Americas,4
-Asia-Pacific,5
+Asia-Pacific,6
 Africa,1
--- slides.yaml (before)
+++ slides.yaml (with edited.pptx)
@@
     bullets:
       - Informal political understanding aimed at preventing the proliferation of missiles capable of delivering WMD
       - Focuses on means of delivery rather than the WMD themselves
+      - Partners take their decisions by consensus
     notes: |
       The MTCR is not a treaty, and it creates no legally binding obligations.
       It is an informal political understanding among its partners, and the
@@
       for all weapons of mass destruction: nuclear, chemical and biological.
 
   - kind: bullets
+    title: Value of the MTCR
+    bullets:
+      - MTCR has proven to be an effective multilateral non-proliferation mechanism.
+      - Membership allows partners to play an active role in curbing the global missile proliferation threat and setting international standards
+      - Partners also benefit from information exchange and access to best practice
+    notes: |
+      The MTCR has proven to be an effective multilateral non-proliferation
+      mechanism. Since it was established in April 1987, it has grown from seven
+      founding countries to 35 partners.
+
+      Membership gives partners an active role in curbing the global missile
+      proliferation threat and in setting international standards, through the
+      common Guidelines and the Annex.
+
+      Partners also benefit from information exchange, including at the annual
+      Plenary, and from access to best practice.
+
+  - kind: bullets
     title: How do we achieve our goals?
     bullets:
       - Framing and implementing export controls
       - The MTCR Guidelines and Technical Annex represent key pillars of the Regime
       - MTCR standards represent international best practice
-      - Dialogue and information exchange
+      - Dialogue and regular information exchange
     notes: |
       The MTCR works through export controls. Partners implement the common
       Guidelines and the Equipment, Software and Technology Annex through their
@@
       and to support others to improve their export control standards.
 
   - kind: bullets
-    title: Challenges
-    bullets:
-      - Ongoing technological change and ensuring that controls remain effective
-      - Need to engage with non-traditional actors to raise awareness and effectively implement controls
-    notes: |
-      Technology keeps changing, and our controls have to stay effective. This
-      matters especially for Category II, which covers a wide range of less
-      sensitive, often dual-use, components, materials and technologies.
-
-      We also need to engage with non-traditional actors, to raise awareness and
-      to implement controls effectively. Because each partner implements the
-      MTCR through its own national export controls, that work happens country by
-      country.
-
-  - kind: bullets
-    title: Value of the MTCR
-    bullets:
-      - MTCR has proven to be an effective multilateral non-proliferation mechanism.
-      - Membership allows partners to play an active role in curbing the global missile proliferation threat and setting international standards
-      - Partners also benefit from information exchange and access to best practice
-    notes: |
-      The MTCR has proven to be an effective multilateral non-proliferation
-      mechanism. Since it was established in April 1987, it has grown from seven
-      founding countries to 35 partners.
-
-      Membership gives partners an active role in curbing the global missile
-      proliferation threat and in setting international standards, through the
-      common Guidelines and the Annex.
-
-      Partners also benefit from information exchange, including at the annual
-      Plenary, and from access to best practice.
-
-  - kind: bullets
     title: Adherence
     bullets:
       - The MTCR also invites non-members to declare adherence to the Regime. This provides access to some MTCR meetings and presentation materials, as well as opportunities to engage with the MTCR Chair for briefings on developments.
       - We believe that this status helps states improve implementation of missile-related export controls and materially contribute to international non-proliferation outcomes.
     notes: |
-      Countries do not have to be partners to take part. Non-partners may declare
+      Countries do not have to be partners to take part: they may declare
       unilateral adherence to the MTCR Guidelines.
 
       Adherence gives access to some MTCR meetings and presentation materials,
"""
_HUNK = re.compile(r"^@@ .* @@$", re.M)


def _built(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the shipped outline in tmp_path and the deck built from it."""
    outline = copy_shipped(tmp_path / "talk")
    build_file(outline, outline.with_name("built.pptx"))
    return outline, outline.with_name("built.pptx")


def _texts(path: Path) -> list[tuple[str, list[tuple[str, int]], str]]:
    """Each slide's title, the paragraphs of every frame that shows the outline's text, and
    its notes (what the outline holds: not the slide number, not the derived agenda)."""
    found = []
    for slide in Presentation(str(path)).slides:
        frames = [(p.text, p.level) for s in slide.shapes if s.name.startswith("yamldeck:")
                  and s.name != "yamldeck:title" for p in s.text_frame.paragraphs]
        notes = slide.notes_slide.notes_text_frame.text if slide.has_notes_slide else ""
        found.append((slide.shapes.title.text_frame.text, frames, notes))
    return found


def _comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#")]


def test_a_colleagues_edits_come_back_exactly(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    before = outline.read_text("utf-8")
    csv_before = (outline.parent / "assets" / "partners-by-region.csv").read_text("utf-8")
    colleague_edits(built, outline.with_name("edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0, run.err
    assert run.err == ""
    *diff, summary = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == EXPECTED_DIFF
    assert summary == ("updated assets/partners-by-region.csv and slides.yaml (as they were: "
                       "assets/partners-by-region.csv.bak, slides.yaml.bak) in "
                       f"{summary.split(' in ')[-1]}")
    after = outline.read_text("utf-8")
    assert _comments(after) == _comments(before)  # every comment, in order
    assert outline.with_name("slides.yaml.bak").read_text("utf-8") == before
    assert (outline.parent / "assets" / "partners-by-region.csv.bak").read_text("utf-8") == \
        csv_before
    # The updated outline builds into the edited deck's text.
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx"))
    assert _texts(rebuilt.path) == _texts(outline.with_name("edited.pptx"))
    chart = slide_titled(rebuilt.prs, "MTCR membership")
    values = next(s for s in chart.shapes if s.has_chart).chart.plots[0].series[0].values
    assert list(values) == [25, 4, 6, 1]
    # A second import finds nothing left to take back, and writes nothing.
    again = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)
    assert (again.code, again.out) == (0, "slides.yaml already has the deck's text; nothing to "
                                          "take back\n")
    assert outline.read_text("utf-8") == after


def test_dry_run_prints_the_change_and_writes_nothing(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    colleague_edits(built, outline.with_name("edited.pptx"))
    files = listing(outline.parent)

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml", "--dry-run"],
                  outline.parent)

    assert run.code == 0, run.err
    *diff, summary = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == EXPECTED_DIFF
    assert summary == "--dry-run: nothing was written\n"
    assert listing(outline.parent) == files


def test_a_bullet_changed_on_both_sides_is_a_conflict_left_as_the_outline_has_it(
        tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    goals = slide_titled(prs, "How do we achieve our goals?")
    reword(goals, "bullets", "Dialogue and information exchange",
           "Dialogue and regular information exchange")
    reword(goals, "bullets", "Framing and implementing export controls",
           "Framing and carrying out export controls")
    prs.save(str(outline.with_name("edited.pptx")))
    text = outline.read_text("utf-8").replace("- Dialogue and information exchange",
                                              "- Dialogue and the exchange of information")
    outline.write_text(text, "utf-8")  # the outline was changed too since the build

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 1
    line = text.splitlines().index("    title: How do we achieve our goals?") + 2
    *_, summary = run.out.splitlines()
    assert run.out.splitlines()[-7:] == [
        f"slides.yaml:{line}: conflict: slide 6 'How do we achieve our goals?', bullets: "
        "changed in the outline since the deck was built, and in the deck; the outline keeps "
        "its text",
        "<<<<<<< slides.yaml",
        "- Dialogue and the exchange of information",
        "=======",
        "- Dialogue and regular information exchange",
        ">>>>>>> edited.pptx",
        "updated slides.yaml (as they were: slides.yaml.bak); 1 conflict left as the outline "
        f"has it in {summary.split(' in ')[-1]}",
    ]
    after = outline.read_text("utf-8")
    assert "- Dialogue and the exchange of information" in after  # not overwritten
    assert "regular" not in after
    assert "- Framing and carrying out export controls" in after  # the rest merged
    assert after == text.replace("- Framing and implementing export controls",
                                 "- Framing and carrying out export controls")


def test_a_change_only_the_outline_made_is_kept(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    add_paragraph(slide_titled(prs, "Challenges"), "bullets", "Keeping pace with new technology")
    prs.save(str(outline.with_name("edited.pptx")))
    text = outline.read_text("utf-8").replace("title: Current focus", "title: Our current focus")
    outline.write_text(text, "utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    assert outline.read_text("utf-8") == text.replace(
        "      - Need to engage with non-traditional actors to raise awareness and effectively "
        "implement controls\n",
        "      - Need to engage with non-traditional actors to raise awareness and effectively "
        "implement controls\n      - Keeping pace with new technology\n")


def test_what_an_outline_cannot_hold_is_named(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    engagement = slide_titled(prs, "Engagement with others")
    box = engagement.shapes.add_textbox(600000, 5200000, 4000000, 500000)
    box.text_frame.text = "Outreach happens between Plenaries"
    focus = slide_titled(prs, "Current focus")
    frame(focus, "bullets").paragraphs[0].runs[0].font.size = Pt(40)
    focus.shapes.add_shape(1, 100000, 100000, 300000, 300000)  # a rectangle, no text
    prs.save(str(outline.with_name("edited.pptx")))
    position = [s.shapes.title.text_frame.text for s in prs.slides].index("Current focus") + 1
    spot = [s.shapes.title.text_frame.text for s in prs.slides].index("Engagement with others") + 1

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    rectangle = focus.shapes[-1].name
    assert run.err.splitlines() == [
        f"edited.pptx: warning: slide {position}: '{rectangle}' was added in the deck; an "
        "outline cannot hold it, so it is not taken back",
        f"edited.pptx: warning: slide {position}: its formatting changed (colours, sizes or "
        "positions of its text); the outline holds words, not formatting, so it is not taken "
        "back",
        f"edited.pptx: warning: slide {spot} 'Engagement with others': the text of a box added "
        "in the deck is added to its notes",
    ]
    after = outline.read_text("utf-8").splitlines()
    notes = after.index("      Outreach happens between Plenaries")
    comment = after.index(f"    # The notes end with the text of a box added in edited.pptx (its "
                          f"slide {spot}).")
    assert after[comment + 1] == "    notes: |" and comment < notes  # the comment says why


def test_a_slide_added_in_the_deck_becomes_an_outline_slide_in_its_place(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    layout = slide_titled(prs, "Current focus").slide_layout
    added = prs.slides.add_slide(layout)
    added.shapes.title.text = "Export control workshops"
    body = next(s for s in added.placeholders if s.placeholder_format.idx == 1)
    body.text_frame.text = "Held twice a year"
    ids = prs.slides._sldIdLst
    entry = ids[-1]
    ids.remove(entry)
    ids[6].addnext(entry)  # after the seventh slide, before 'Current focus'
    prs.save(str(outline.with_name("edited.pptx")))

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    text = outline.read_text("utf-8")
    assert ("      MTCR Guidelines. I will come back to this at the end.\n\n"
            "  # Added in edited.pptx (its slide 8).\n"
            "  - kind: bullets\n"
            "    title: Export control workshops\n"
            "    bullets:\n"
            "      - Held twice a year\n\n"
            "  - kind: bullets\n"
            "    title: Current focus\n") in text
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx"))
    assert rebuilt.prs.slides[7].shapes.title.text_frame.text == "Export control workshops"


def test_a_deck_yamldeck_did_not_build_is_refused(tmp_path: Path) -> None:
    outline = copy_shipped(tmp_path / "talk")
    prs = Presentation()
    prs.slides.add_slide(prs.slide_layouts[1]).shapes.title.text = "Someone else's deck"
    prs.save(str(outline.with_name("other.pptx")))
    files = listing(outline.parent)

    run = run_cli(["import", "other.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 1
    assert run.out == ""
    assert run.err == (
        "error: other.pptx carries no record of a yamldeck outline (it was not built by "
        "yamldeck, or was saved by a program that dropped the record), so its edits cannot be "
        "matched to an outline; make a new outline of it instead: yamldeck import other.pptx "
        "-o new.yaml\n")
    assert listing(outline.parent) == files


def test_after_libreoffice_the_same_edits_come_back(
        tmp_path: Path, tmp_path_factory: pytest.TempPathFactory, needs_libreoffice: None) -> None:
    """LibreOffice keeps the record (custom properties) but renames every placeholder frame and
    renumbers slide and shape ids: slides are matched by their titles and notes, frames by their
    places, and the same edits come back, with a warning saying how."""
    outline, built = _built(tmp_path)
    colleague_edits(built, outline.with_name("edited.pptx"))
    deck = resaved_by_libreoffice(outline.with_name("edited.pptx"),
                                  tmp_path_factory.mktemp("resaved"))
    resaved = Presentation(str(deck))
    names = {s.name for slide in resaved.slides for s in slide.shapes}
    assert not any(name.startswith("yamldeck:") for name in names)  # the frame names are gone
    assert "yamldeck.record.0001" in resaved.part.package.part_related_by(CUSTOM_REL).blob.decode()

    run = run_cli(["import", str(deck), "--into", "slides.yaml"], outline.parent)

    assert_no_traceback(run.err)
    assert run.code == 0, run.err
    assert run.err == f"{deck}: warning: {RESAVED}\n"
    *diff, _ = run.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == EXPECTED_DIFF
    rebuilt = build_file(outline, outline.with_name("rebuilt.pptx"))
    assert _texts(rebuilt.path) == _texts(outline.with_name("edited.pptx"))


def test_frames_renamed_and_slides_renumbered_are_matched_by_their_text(tmp_path: Path) -> None:
    """What LibreOffice does to the marks, done with python-pptx: every frame renamed and the
    slide ids renumbered in the new order; the moved slide is still found by its title."""
    outline, built = _built(tmp_path)
    colleague_edits(built, outline.with_name("edited.pptx"))
    prs = Presentation(str(outline.with_name("edited.pptx")))
    for slide in prs.slides:
        for number, shape in enumerate(slide.shapes, 1):
            shape._element._nvXxPr.cNvPr.set("name", f"PlaceHolder {number}")
    for number, entry in enumerate(prs.slides._sldIdLst, 256):
        entry.set("id", str(number))
    prs.save(str(outline.with_name("renamed.pptx")))
    files = listing(outline.parent)

    dry = run_cli(["import", "renamed.pptx", "--into", "slides.yaml", "--dry-run"],
                  outline.parent)

    assert dry.code == 0, dry.err
    assert dry.err == (
        "renamed.pptx: warning: the frames yamldeck named were renamed by the program that saved "
        "the deck last, so its slides were matched to the outline by their titles and notes, and "
        "its frames by their places; shapes added, formatting and animations are not "
        "checked\n")
    *diff, _ = dry.out.splitlines(keepends=True)
    assert _HUNK.sub("@@", "".join(diff)) == EXPECTED_DIFF.replace("(with edited.pptx)",
                                                                   "(with renamed.pptx)")
    assert listing(outline.parent) == files


@pytest.mark.parametrize(("case", "code", "message"), [  # exit codes as docs/cli.md lists them
    ("missing deck", 1, "error: deck not found: 'edite.pptx' (did you mean 'edited.pptx'?)\n"),
    ("not a deck", 1, "error: deck 'notes.pptx' is not a PowerPoint file: it is not a .pptx "
                      "package (damaged, only partly copied, or another kind of file named "
                      "'notes.pptx'); open it in PowerPoint and save it as a PowerPoint "
                      "Presentation (.pptx)\n"),
    ("outline does not parse", 1, "slides.yaml:{line}:22: error: a text contains ': ', which "
                                  "YAML reads as a new key; put the text in quotes: title: "
                                  "\"Challenges: now\"\n"),
    ("read-only outline", 3, "error: 'slides.yaml' is read-only; make it writable to take the "
                             "deck's edits into it (or see them with --dry-run); nothing was "
                             "written\n"),
    ("missing outline", 1, "error: outline not found: 'slide.yaml'; did you mean "
                           "'slides.yaml'?\n"),
    ("into with -o", 2, "error: --into updates the outline it names: leave out -o and --force\n"),
    ("dry run without into", 2, "error: --dry-run goes with --into (it shows what --into would "
                                "change)\n"),
    ("damaged record", 1, "error: the record of a yamldeck outline in edited.pptx is damaged "
                          "(its custom document properties named yamldeck.record were changed), "
                          "so its edits cannot be matched to an outline; make a new outline of "
                          "it instead: yamldeck import edited.pptx -o new.yaml\n"),
    ("unreadable record", 1, "error: edited.pptx carries no record of a yamldeck outline (it was "
                             "not built by yamldeck, or was saved by a program that dropped the "
                             "record), so its edits cannot be matched to an outline; make a new "
                             "outline of it instead: yamldeck import edited.pptx -o new.yaml\n"),
])
def test_bad_input_loses_nothing(tmp_path: Path, case: str, code: int, message: str) -> None:
    outline, built = _built(tmp_path)
    colleague_edits(built, outline.with_name("edited.pptx"))
    args = ["import", "edited.pptx", "--into", "slides.yaml"]
    if case == "missing deck":
        args[1] = "edite.pptx"
    elif case == "not a deck":
        outline.with_name("notes.pptx").write_text("not a deck", "utf-8")
        args[1] = "notes.pptx"
    elif case == "outline does not parse":
        outline.write_text(outline.read_text("utf-8").replace("title: Challenges",
                                                              "title: Challenges: now"), "utf-8")
    elif case == "read-only outline":
        outline.chmod(stat.S_IRUSR | stat.S_IRGRP)
    elif case == "missing outline":
        args[3] = "slide.yaml"
    elif case in ("damaged record", "unreadable record"):
        _damage_record(outline.with_name("edited.pptx"), case == "damaged record")
    elif case == "into with -o":
        args += ["-o", "other.yaml"]
    else:
        args = ["import", "edited.pptx", "--dry-run"]
    files = listing(outline.parent)

    run = run_cli(args, outline.parent)

    assert_no_traceback(run.err)
    assert run.code == code, run.err
    assert run.out == ""
    if case == "outline does not parse":
        line = outline.read_text("utf-8").splitlines().index("    title: Challenges: now") + 1
        message = message.format(line=line)
    assert run.err == message
    assert listing(outline.parent) == files
    if case == "read-only outline":
        os.chmod(outline, stat.S_IRUSR | stat.S_IWUSR)
    if case == "unreadable record":  # broken on purpose, not by yamldeck: kept from the validator
        outline.with_name("edited.pptx").unlink()


def _damage_record(deck: Path, readable: bool) -> None:
    """The record with a slide's number changed by hand, or its part cut short."""
    with zipfile.ZipFile(deck) as package:
        parts = {info.filename: package.read(info.filename) for info in package.infolist()}
    custom = parts["docProps/custom.xml"]
    parts["docProps/custom.xml"] = re.sub(rb"(slides \d+=)\d+", rb"\1one", custom, count=1) \
        if readable else custom[:len(custom) // 2]
    assert parts["docProps/custom.xml"] != custom
    with zipfile.ZipFile(deck, "w", zipfile.ZIP_DEFLATED) as package:
        for name, data in parts.items():
            package.writestr(name, data)


def test_a_moved_slide_takes_its_comments_with_it(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    move_slide(prs, slide_titled(prs, "Engagement with others"), slide_titled(prs, "Adherence"))
    prs.save(str(outline.with_name("edited.pptx")))
    before = outline.read_text("utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    after = outline.read_text("utf-8")
    start = before.index("  # A statement slide: one sentence, shown large.\n")
    block = before[start:before.index("  - kind: bullets\n    title: Current focus")]
    closing = after.index("  # A closing slide")
    assert after[closing - len(block):closing] == block  # comment, slide, blank line: last but one
    assert sorted(after.splitlines()) == sorted(before.splitlines())  # nothing else changed


SMALL = """\
# A small talk.
deck:
  title: Small talk
  language: en-NZ

slides:
  # The points.
  - kind: bullets
    title: Points
    bullets:
      - "**Bold** start"
      - Second point
      - Parent:
          - Child one
          - Child two
      - Last point
    # Notes follow.
    notes: |
      Say this.

  - kind: statement
    title: Close
    statement: The end
"""


def test_bullets_reworded_removed_relevelled_and_a_box_as_a_bullet(tmp_path: Path) -> None:
    """Paragraphs aligned by their digests: markup kept where the words are, written from the
    runs where they changed; levels nest the YAML; the comment after the list stays."""
    outline = tmp_path / "talk.yaml"
    outline.write_text(SMALL, "utf-8")
    built = build_file(outline, tmp_path / "talk.pptx")
    points = slide_titled(built.prs, "Points")
    paragraphs = frame(points, "bullets").paragraphs
    paragraphs[1].runs[0].text = "Second point, "
    italic = paragraphs[1].add_run()
    italic.text, italic.font.italic = "reworded", True
    paragraphs[-1].level = 1  # "Last point" moved in under "Parent"
    paragraphs[3]._p.getparent().remove(paragraphs[3]._p)  # "Child one" deleted
    box = points.shapes.add_textbox(500000, 6000000, 3000000, 400000)
    box.text_frame.text = "A new point in a box"
    built.prs.save(str(tmp_path / "edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "talk.yaml"], tmp_path)

    assert run.code == 0, run.err
    assert run.err == ("edited.pptx: warning: slide 1 'Points': the text of a box added in the "
                       "deck is added to its bullets\n")
    assert outline.read_text("utf-8") == SMALL.replace("""\
      - Second point
      - Parent:
          - Child one
          - Child two
      - Last point
""", """\
      - Second point, *reworded*
      - Parent:
          - Child two
          - Last point
      - A new point in a box
""")


def test_a_slide_deleted_in_the_deck_but_changed_in_the_outline_is_kept(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    delete_slide(prs, slide_titled(prs, "Challenges"))
    prs.save(str(outline.with_name("edited.pptx")))
    text = outline.read_text("utf-8").replace("- Ongoing technological change",
                                              "- Rapid technological change")
    outline.write_text(text, "utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 1
    line = text.splitlines().index("    title: Challenges")  # the slide's "- kind:" line
    assert run.out == (
        f"slides.yaml:{line}: conflict: slide 9 'Challenges' was deleted in the deck but "
        "changed in the outline since the deck was built; the outline keeps it\n"
        "nothing was written; 1 conflict left as the outline has it\n")
    assert outline.read_text("utf-8") == text
    assert not outline.with_name("slides.yaml.bak").exists()


def test_a_reworded_line_keeps_its_link_and_its_quotes(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    contacts = frame(slide_titled(prs, "Thank you for your time"), "contacts")
    assert [r.text for r in contacts.paragraphs[0].runs] == [
        "Follow us on Twitter (", "@mtcr_chair", ")"]
    contacts.paragraphs[0].runs[0].text = "Follow us on X ("
    prs.save(str(outline.with_name("edited.pptx")))
    before = outline.read_text("utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    assert outline.read_text("utf-8") == before.replace(
        '- "Follow us on Twitter ([@mtcr_chair](https://twitter.com/mtcr_chair))"',
        '- "Follow us on X ([@mtcr_chair](https://twitter.com/mtcr_chair))"')


def test_a_templates_custom_properties_stay_beside_the_record(tmp_path: Path) -> None:
    """A template with custom document properties of its own (a company's classification, say):
    the deck keeps them, and the record goes beside them."""
    template = Presentation()
    package = template.part.package
    properties = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns='
                  b'"http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
                  b'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
                  b'<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" '
                  b'name="Classification"><vt:lpwstr>Public</vt:lpwstr></property></Properties>')
    part = Part(PackURI("/docProps/custom.xml"), CUSTOM_TYPE, package, properties)
    package.relate_to(part, CUSTOM_REL)
    template.save(str(tmp_path / "template.pptx"))
    outline = tmp_path / "talk.yaml"
    outline.write_text(SMALL.replace("  language: en-NZ\n",
                                     "  language: en-NZ\n  template: template.pptx\n"), "utf-8")
    built = build_file(outline, tmp_path / "talk.pptx")
    with zipfile.ZipFile(built.path) as deck:
        custom = deck.read("docProps/custom.xml").decode("utf-8")
        assert [n for n in deck.namelist() if "custom" in n] == ["docProps/custom.xml"]
    found = re.findall(r'pid="(\d+)" name="([^"]+)"', custom)
    assert found == [("2", "Classification"), *((str(pid), f"yamldeck.record.{pid - 2:04d}")
                                                 for pid in range(3, len(found) + 2))]
    assert len(found) >= 2
    assert "<vt:lpwstr>Public</vt:lpwstr>" in custom
    points = slide_titled(built.prs, "Points")
    reword(points, "bullets", "Second point", "Second point, reworded")
    built.prs.save(str(tmp_path / "edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "talk.yaml"], tmp_path)

    assert run.code == 0, run.err
    assert "      - Second point, reworded\n" in outline.read_text("utf-8")


CHART = """\
deck:
  title: Figures
  language: en-NZ

slides:
  - kind: chart
    title: Partners by region
    chart:
      type: bar
      labels: true
      data:                     # a header row, then one row per category
        - [Region, Partners]
        - [Europe, 25]
        - [Americas, 4]
    caption: "Source: mtcr.info"
"""


def test_a_chart_number_and_its_caption_come_back_into_data_rows(tmp_path: Path) -> None:
    outline = tmp_path / "figures.yaml"
    outline.write_text(CHART, "utf-8")
    built = build_file(outline, tmp_path / "figures.pptx")
    slide = built.prs.slides[0]
    set_chart_value(slide, "Americas", 5)
    reword(slide, "caption", "Source: mtcr.info", "Source: mtcr.info, 2024")
    built.prs.save(str(tmp_path / "edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "figures.yaml"], tmp_path)

    assert run.code == 0, run.err
    assert outline.read_text("utf-8") == CHART.replace(
        "        - [Americas, 4]", "        - [Americas, 5]").replace(
        'caption: "Source: mtcr.info"', 'caption: "Source: mtcr.info, 2024"')


TABLE = """\
deck:
  title: Figures
  language: en-NZ

slides:
  - kind: table
    title: Founding partners
    rows:
      - [Country, Joined]
      - [Canada, 1987]
      - [France, 1987]
      - ["Germany, then West Germany", 1987]
"""


def test_table_cells_come_back_into_rows(tmp_path: Path) -> None:
    outline = tmp_path / "figures.yaml"
    outline.write_text(TABLE, "utf-8")
    built = build_file(outline, tmp_path / "figures.pptx")
    table = next(s for s in built.prs.slides[0].shapes if s.has_table).table
    table.cell(0, 1).text_frame.paragraphs[0].runs[0].text = "Year joined"
    table.cell(2, 0).text_frame.paragraphs[0].runs[0].text = "France, a founder"
    built.prs.save(str(tmp_path / "edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "figures.yaml"], tmp_path)

    assert run.code == 0, run.err
    assert outline.read_text("utf-8") == TABLE.replace(
        "      - [Country, Joined]", "      - [Country, Year joined]").replace(
        "      - [France, 1987]", '      - ["France, a founder", 1987]')


def test_a_title_slides_lines_go_back_to_their_own_keys(tmp_path: Path) -> None:
    outline, built = _built(tmp_path)
    prs = Presentation(str(built))
    lines = frame(prs.slides[0], "lines")
    assert [p.text for p in lines.paragraphs] == ["Georgina Sargison", "NZ's MTCR Coordinator"]
    lines.paragraphs[1].runs[0].text = "New Zealand's MTCR Coordinator"
    prs.save(str(outline.with_name("edited.pptx")))
    before = outline.read_text("utf-8")

    run = run_cli(["import", "edited.pptx", "--into", "slides.yaml"], outline.parent)

    assert run.code == 0, run.err
    assert outline.read_text("utf-8") == before.replace(
        "    affiliation: NZ's MTCR Coordinator\n    notes:",
        "    affiliation: New Zealand's MTCR Coordinator\n    notes:")


def test_an_outline_with_crlf_line_ends_keeps_them(tmp_path: Path) -> None:
    outline = tmp_path / "talk.yaml"
    original = SMALL.replace("\n", "\r\n").encode("utf-8")
    outline.write_bytes(original)
    built = build_file(outline, tmp_path / "talk.pptx")
    reword(slide_titled(built.prs, "Close"), "statement", "The end", "The very end")
    built.prs.save(str(tmp_path / "edited.pptx"))

    run = run_cli(["import", "edited.pptx", "--into", "talk.yaml"], tmp_path)

    assert run.code == 0, run.err
    assert outline.read_bytes() == original.replace(b"statement: The end\r\n",
                                                    b"statement: The very end\r\n")
    assert tmp_path.joinpath("talk.yaml.bak").read_bytes() == original
