"""Text fits its frames as LibreOffice draws them; too much is refused or continued, located."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from helpers import REPO, SHIPPED_OUTLINE, build_file, listing
from layout_probe import collisions, deck_frames, read_frame
from pptx import Presentation
from pptx.util import Pt

import yamldeck.commands.check
from yamldeck.cli import main
from yamldeck.commands.libreoffice import pptx_to_pdf, read_words
from yamldeck.layout.continuation import split_groups
from yamldeck.layout.measure import Frame, Paragraph, Run

pytestmark = pytest.mark.usefixtures("decks_validated")


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin build's own messages; the lints build and check add are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])

EXTRA = 14  # bullets added to 'Challenges': far more than one slide holds even at the floor


def mtcr_copy(folder: Path, *, overloaded: bool, overflow: str | None = None) -> Path:
    """The shipped outline and its assets in ``folder``; optionally with a slide far too full."""
    shutil.copytree(REPO / "assets", folder / "assets")
    text = SHIPPED_OUTLINE.read_text(encoding="utf-8")
    if overloaded:
        anchor = "    title: Challenges\n    bullets:\n"
        assert anchor in text, "the MTCR outline's 'Challenges' slide moved: update this test"
        extra = "".join(
            f'      - "Point {i}: partners keep reviewing how controls apply to new technologies '
            'and to intangible transfers of technology"\n'
            for i in range(EXTRA)
        )
        text = text.replace(anchor, anchor + extra)
    if overflow:
        text = text.replace("\nslides:\n", f"\n  overflow: {overflow}\n\nslides:\n", 1)
    outline = folder / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    return outline


def assert_drawn_inside_frames(deck: Path, tmp_path: Path) -> int:
    """Render ``deck`` with LibreOffice: every frame's text inside its box, no words overlapping."""
    pages = read_words(pptx_to_pdf(deck, tmp_path / "pdf"))
    frames = deck_frames(str(deck))
    assert len(pages) == len(Presentation(str(deck)).slides)
    outside = [(f.slide + 1, f.name, read_frame(f, pages[f.slide]).missing) for f in frames]
    assert [o for o in outside if o[2]] == [], "text drawn outside its frame (slide, shape, chars)"
    overlapping = [
        (n + 1, a.text, b.text) for n, page in enumerate(pages) for a, b in collisions(page)
    ]
    assert overlapping == [], "words drawn on top of each other"
    return len(frames)


@pytest.mark.usefixtures("needs_libreoffice")
def test_the_mtcr_deck_draws_every_word_inside_its_frame(tmp_path: Path) -> None:
    built = build_file(mtcr_copy(tmp_path, overloaded=False))
    assert assert_drawn_inside_frames(built.path, tmp_path) >= 3 * len(built.prs.slides)


def test_an_overloaded_slide_is_refused_with_a_located_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = mtcr_copy(tmp_path, overloaded=False)
    assert main(["build", str(outline)]) == 0
    before = listing(tmp_path)
    mtcr_copy(tmp_path / "x", overloaded=True).replace(outline)
    capsys.readouterr()
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err.strip()
    line = outline.read_text(encoding="utf-8").splitlines().index("    title: Challenges")
    match = re.fullmatch(
        rf"{re.escape(str(outline))}:{line}:5: error: slide (\d+) 'Challenges': the bullets need "
        r"(\d+) lines, (\d+) fit at the 14 pt floor; shorten or split them, or add "
        r"'overflow: continue' to the slide to carry the rest onto a new slide",
        err,
    )
    assert match, err
    assert int(match[2]) > int(match[3]) >= 10
    after = listing(tmp_path)
    assert after.pop("slides.yaml") != before.pop("slides.yaml")
    after = {k: v for k, v in after.items() if not k.startswith("x")}
    assert after == before  # the previous deck is untouched, nothing else written


@pytest.mark.usefixtures("needs_libreoffice")
def test_overflow_continue_carries_the_rest_onto_cont_slides_that_fit(tmp_path: Path) -> None:
    plain = Presentation(str(build_file(mtcr_copy(tmp_path / "a", overloaded=False)).path))
    built = build_file(mtcr_copy(tmp_path / "b", overloaded=True, overflow="continue"))
    slides = list(built.prs.slides)
    titles = [s.shapes.title.text for s in slides]
    at = titles.index("Challenges")
    assert titles[at + 1] == "Challenges (cont.)"
    assert [t for t in titles if t != "Challenges (cont.)"] == [
        s.shapes.title.text for s in plain.slides
    ]
    bodies = [
        [p.text for p in s.placeholders[1].text_frame.paragraphs] for s in slides[at : at + 2]
    ]
    assert bodies[1][-2:] == [  # the slide's own bullets follow the added ones
        "Ongoing technological change and ensuring that controls remain effective",
        "Need to engage with non-traditional actors to raise awareness and effectively implement "
        "controls",
    ]
    points = [t for t in bodies[0] + bodies[1] if t.startswith("Point ")]
    assert [int(t.split()[1].rstrip(":")) for t in points] == list(range(EXTRA))  # all, in order
    assert abs(len(bodies[0]) - len(bodies[1])) <= 1  # balanced, not 15 + 1
    assert slides[at].has_notes_slide and slides[at].notes_slide.notes_text_frame.text
    assert not slides[at + 1].has_notes_slide  # the notes stay with the first part
    sizes = {
        r.font.size
        for s in slides[at : at + 2]
        for p in s.placeholders[1].text_frame.paragraphs
        for r in p.runs
    }
    assert len(sizes) == 1 and Pt(14) <= sizes.pop() < Pt(24)
    numbers = [
        s.placeholders[12].text_frame.text
        for s in slides
        if 12 in [p.placeholder_format.idx for p in s.placeholders]
    ]
    assert numbers == [str(n) for n in range(2, len(slides))]  # numbered straight through
    assert_drawn_inside_frames(built.path, tmp_path)


PER_SLIDE = """\
deck:
  title: Overflow
  language: en-NZ
  overflow: {deck}
slides:
  - title: Too much
    overflow: {slide}
    bullets:
{bullets}
"""


def _outline(tmp_path: Path, deck: str, slide: str, bullets: list[str]) -> Path:
    text = PER_SLIDE.format(
        deck=deck, slide=slide, bullets="".join(f'      - "{b}"\n' for b in bullets)
    )
    outline = tmp_path / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    return outline


def test_the_slide_setting_overrides_the_deck(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    many = [f"Point {i} " + "with quite a few words in it to fill the line " * 2 for i in range(20)]
    assert main(["build", str(_outline(tmp_path, "continue", "error", many))]) == 1
    assert "the bullets need" in capsys.readouterr().err
    built = build_file(_outline(tmp_path, "error", "continue", many))
    assert [s.shapes.title.text for s in built.prs.slides][:2] == ["Too much", "Too much (cont.)"]


def test_one_bullet_too_long_for_any_slide_cannot_be_continued(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = "Far too long " * 400
    outline = _outline(tmp_path, "continue", "continue", ["Short first point", huge.strip()])
    assert main(["build", str(outline)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{outline}:10:9: error: slide 1 'Too much': the bullet 'Far too long Far too long ...' "
        "does not fit one slide even at the 14 pt floor, so 'overflow: continue' cannot carry it "
        "over; shorten it or split it into several bullets"
    )
    assert not (tmp_path / "slides.pptx").exists()


def test_a_statement_too_long_names_lines_and_floor(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        "deck:\n  title: Fit\nslides:\n  - title: Too much\n    statement: " + "word " * 300 + "\n",
        encoding="utf-8",
    )
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err.strip()
    match = re.fullmatch(
        rf"{re.escape(str(outline))}:4:5: error: slide 1 'Too much': the "
        r"statement needs (\d+) lines, (\d+) fit at the 22 pt floor; shorten or "
        r"split it",
        err,
    )
    assert match, err
    assert int(match[1]) > int(match[2]) > 0


def test_split_groups_uses_the_fewest_frames_evenly_filled() -> None:
    frame = Frame(400, 100 + 7.2)  # five 20 pt lines (24 pt pitch would be 4; 20*1.2=24)
    paras = [Paragraph((Run(f"item {i}"),), 20, space_before_pt=0) for i in range(9)]
    chunks = split_groups(paras, [1] * 9, frame, floor_shrink=8)
    # Four 24 pt lines fit a frame at the designed size: 9 items need 3 frames; at the floor
    # (12 pt, 14.4 pt pitch) six fit, so 2 frames suffice, split 5 + 4, not 6 + 3.
    assert chunks == [(0, 5), (5, 9)]
    # A group (a bullet with its sub-bullets) is never split, and one too tall is reported.
    assert split_groups(paras, [2, 7], frame, floor_shrink=8) == 1
    assert split_groups(paras, [3, 3, 3], frame, floor_shrink=8) == [(0, 2), (2, 3)]
