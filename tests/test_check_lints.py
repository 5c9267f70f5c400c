"""`yamldeck check` lints: each located in the outline, warnings that --strict turns into errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from helpers import REPO, SHIPPED_OUTLINE, listing, run_cli
from PIL import Image

from yamldeck.commands.build import load_outline
from yamldeck.errors import Problem
from yamldeck.layout.measure import WRAP_MARGIN, Frame, Paragraph, Run, get_measurer
from yamldeck.lints import checks as check
from yamldeck.lints.contrast import contrast_lints, contrast_ratio
from yamldeck.lints.fits import fit_message
from yamldeck.outline.model import PictureSlide
from yamldeck.render.records import FrameRecord
from yamldeck.render.text import Measured, Para

ACCESSIBILITY = """\
deck:
  title: Lints
  language: en-NZ
  theme:
    colors:
      muted: "AAAAAA"
slides:
  - title: Results
    bullets:
      - Revenue grew
  - title: Results
    bullets:
      - Costs fell
"""


def write(tmp_path: Path, text: str) -> Path:
    outline = tmp_path / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    return outline


def lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line]


def test_duplicate_titles_and_a_low_contrast_colour_are_each_reported_located(
    tmp_path: Path,
) -> None:
    outline = write(tmp_path, ACCESSIBILITY)
    before = listing(tmp_path)
    run = run_cli(["check", "slides.yaml"], tmp_path)
    assert run.code == 0
    assert lines(run.err) == [
        "slides.yaml:6:14: warning: deck: the colour muted: AAAAAA is hard to read (WCAG 2.1 AA "
        "contrast): AAAAAA on FFFFFF (the footer and slide numbers) is 2.3:1, needs 4.5:1; "
        "try muted: 757575",
        "slides.yaml:11:12: warning: slide 2 'Results': the same title as slide 1; screen-reader "
        "users find slides by their titles: make each title different",
    ]
    assert run.out == "slides.yaml: ok (2 slides, 2 warnings)\n"
    assert listing(tmp_path) == before  # check writes nothing, not even a deck
    strict = run_cli(["check", "--strict", "slides.yaml"], tmp_path)
    assert strict.code == 1
    assert [line.split(": ", 2)[1] for line in lines(strict.err)[:2]] == ["error", "error"]
    machine = run_cli(["check", "--format", "json", "slides.yaml"], tmp_path)
    records = json.loads(machine.out)
    assert [(r["line"], r["column"], r["severity"], r["path"]) for r in records] == [
        (6, 14, "warning", "deck.theme.colors.muted"),
        (11, 12, "warning", "slides[1].title"),
    ]
    assert outline.exists()


def test_missing_alt_text_duplicate_titles_and_low_contrast_are_all_reported_in_one_run(
    tmp_path: Path,
) -> None:
    Image.new("RGB", (64, 48), "teal").save(tmp_path / "photo.png")
    write(tmp_path, ACCESSIBILITY + "  - title: A photo\n    image: photo.png\n")
    before = listing(tmp_path)
    run = run_cli(["check", "slides.yaml"], tmp_path)
    # Missing alt text is an error (build refuses such a deck too); the others are warnings.
    assert run.code == 1
    found = lines(run.err)
    assert [line.split(": ")[0:2] for line in found[:3]] == [
        ["slides.yaml:6:14", "warning"],
        ["slides.yaml:11:12", "warning"],
        ["slides.yaml:15:12", "error"],
    ]
    assert found[2] == (
        "slides.yaml:15:12: error: slide 3 'A photo': the picture 'photo.png' has no alt text; "
        "add 'alt:' saying what it shows, for screen-reader users (or 'decorative: true' if it "
        "only decorates)"
    )
    assert listing(tmp_path) == before
    build = run_cli(["build", "slides.yaml"], tmp_path)
    assert (build.code, build.out) == (1, "")
    assert build.err == run.err  # build refuses with every problem check lists
    assert listing(tmp_path) == before


def test_the_alt_text_lint_covers_any_model_with_an_alt_key(tmp_path: Path) -> None:
    """Any model with an alt key (built directly here) gets the located alt-text error."""
    outline, source = load_outline(write(tmp_path, ACCESSIBILITY))
    picture = PictureSlide.model_construct(
        kind="picture", title="A photo", image="photo.png", alt=None, decorative=False
    )
    decorative = PictureSlide.model_construct(
        kind="picture", title="Rule", image="rule.png", alt=None, decorative=True
    )
    outline = type(outline)(outline.deck, (picture, decorative), outline.source_file)
    (problem,) = check.alt_text_lints(outline, source)
    assert (problem.line, problem.severity) == (8, "error")  # slide 1's place in this file
    assert problem.message == (
        "slide 1 'A photo': the picture 'photo.png' has no alt text; add 'alt:' saying what it "
        "shows, for screen-reader users (or 'decorative: true' if it only decorates)"
    )


def test_language_links_and_density_lints(tmp_path: Path) -> None:
    bullets = "".join(f"      - point {i}\n" for i in range(8))
    long = " ".join(["word"] * 61)
    write(
        tmp_path,
        f"""\
deck:
  title: Lints
slides:
  - title: Links
    bullets:
      - "See [https://mtcr.info/](https://mtcr.info/) and https://example.org/a"
  - title: Many
    bullets:
{bullets}  - title: Wordy
    statement: {long}
""",
    )
    run = run_cli(["check", "slides.yaml"], tmp_path)
    assert run.code == 0, run.err
    assert lines(run.err) == [
        "slides.yaml:2:3: warning: deck: no 'language:' is given, so spell-checkers and screen "
        "readers will assume en-GB; add e.g. 'language: en-NZ'",
        "slides.yaml:6:9: warning: slide 1 'Links': the link text 'https://mtcr.info/' is a raw "
        "web address, which screen readers spell out; write where it leads: "
        "[the page's name](https://mtcr.info/)",
        "slides.yaml:6:9: warning: slide 1 'Links': 'https://example.org/a' is a raw web address "
        "in the text, which screen readers spell out; make it a link with words: "
        "[the page's name](https://example.org/a)",
        "slides.yaml:7:5: warning: slide 2 'Many': 8 bullet points on one slide (more than 7); "
        "keep the key points and move the rest to the notes or another slide",
        "slides.yaml:17:5: warning: slide 3 'Wordy': 61 words on one slide (more than 60, title "
        "not counted); say the rest and put it in the notes",
        "slides.yaml:17:5: warning: slide 3 'Wordy': the statement was shrunk from 36 pt to 33 pt "
        "to fit; shorten it to keep the designed size",
    ]


def test_an_unknown_language_code(tmp_path: Path) -> None:
    write(
        tmp_path,
        ACCESSIBILITY.replace("en-NZ", "xx-NZ").replace('muted: "AAAAAA"', 'muted: "5B6770"'),
    )
    run = run_cli(["check", "slides.yaml"], tmp_path)
    assert lines(run.err)[0] == (
        "slides.yaml:3:13: warning: deck: 'xx-NZ' does not start with a known language code "
        "(ISO 639); write one such as en-NZ, mi-NZ or fr-FR"
    )


def test_text_shrunk_or_below_the_minimum_size_is_reported(tmp_path: Path) -> None:
    sentence = "Partners keep reviewing how their controls apply to new technologies"
    shrunk = "".join(f"      - {sentence} {i}\n" for i in range(9))
    details = "".join(f"      - Partners keep reviewing controls {i}\n" for i in range(30))
    write(
        tmp_path,
        f"deck:\n  title: Fit\n  language: en-NZ\nslides:\n  - title: Shrunk\n"
        f"    bullets:\n{shrunk}  - title: Tiny\n    number: '35'\n"
        f"    details:\n{details}",
    )
    run = run_cli(["check", "slides.yaml"], tmp_path)
    assert run.code == 0
    messages = [line for line in lines(run.err) if " pt" in line]
    assert messages == [
        "slides.yaml:5:5: warning: slide 1 'Shrunk': the bullets were shrunk from 24 pt to 23 pt "
        "to fit; shorten them to keep the designed size",
        "slides.yaml:16:5: warning: slide 2 'Tiny': the details were shrunk to 13 pt to fit, "
        "below the 14 pt minimum for reading from the back of a room; shorten them",
    ]


def _record(frame: Frame, text: str) -> FrameRecord:
    paragraphs = (Paragraph((Run(text),), 20),)
    fit = get_measurer().fit(paragraphs, frame, 12)
    return FrameRecord(
        "slide 4 'Risky'",
        lambda message: Problem(message, "s.yaml", 9, 5),
        "statement",
        1,
        (Para(text),),
        Measured(paragraphs, frame, 12, fit),
        None,
    )


def test_text_within_one_line_of_overflowing_is_reported() -> None:
    m = get_measurer()
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    width = m.text_width_pt(text, 20) / 0.99  # the line fills 99% of the box's width
    one_line = 20 * 1.2 + 7.2
    tight = Frame(width + 14.4, one_line + 0.01)
    assert m.line_count(Paragraph((Run(text),), 20), width, 20, WRAP_MARGIN) == 1
    assert fit_message(_record(tight, text)) == (
        "the statement fills its box to within one line: "
        "a viewer that sets text 2% wider would overflow it; shorten it a little"
    )
    roomy = Frame(width + 14.4, 2 * one_line)  # a second line would still fit: no risk
    assert fit_message(_record(roomy, text)) is None


def test_a_deck_that_cannot_fit_is_an_error_in_check_too(tmp_path: Path) -> None:
    write(
        tmp_path,
        "deck:\n  title: Fit\n  language: en-NZ\nslides:\n  - title: Too much\n"
        "    statement: " + "word " * 300 + "\n",
    )
    run = run_cli(["check", "slides.yaml"], tmp_path)
    assert run.code == 1
    (error,) = [line for line in lines(run.err) if ": error: " in line]
    assert error.startswith("slides.yaml:5:5: error: slide 1 'Too much': the statement needs ")


def test_the_built_in_theme_meets_the_contrast_it_asks_for() -> None:
    assert round(contrast_ratio("FFFFFF", "000000"), 1) == 21.0
    assert round(contrast_ratio("777777", "FFFFFF"), 2) == 4.48  # WCAG's well-known near miss
    outline, source = load_outline(SHIPPED_OUTLINE)
    assert list(contrast_lints(outline, source)) == []


def test_the_mtcr_outline_checks_clean(tmp_path: Path) -> None:
    run = run_cli(["check", str(SHIPPED_OUTLINE)], REPO)
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out.startswith(f"{SHIPPED_OUTLINE}: ok (")


@pytest.mark.parametrize("strict", [False, True])
def test_lints_are_warnings_unless_strict(tmp_path: Path, strict: bool) -> None:
    write(tmp_path, ACCESSIBILITY)
    run = run_cli(["check", *(["--strict"] if strict else []), "slides.yaml"], tmp_path)
    assert run.code == (1 if strict else 0)
    severities = {line.split(": ")[1] for line in lines(run.err) if line.startswith("slides.yaml")}
    assert severities == {"error" if strict else "warning"}
