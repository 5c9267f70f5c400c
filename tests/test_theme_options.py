"""Theme options in deck:: a logo on every slide, the date at the foot, slide numbers, palette."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from helpers import build_file, listing, run_cli, slide_number_fields, title_shape
from PIL import Image
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER

from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

DECORATIVE = "{http://schemas.microsoft.com/office/drawing/2017/decorative}decorative"
LONG_TITLE = "A title long enough to run the whole width of the slide, right under the logo"


def write(folder: Path, deck: str, slides: str = "") -> Path:
    """An outline in ``folder`` with a logo picture beside it."""
    Image.new("RGB", (400, 100), (20, 60, 120)).save(folder / "logo.png")
    outline = folder / "slides.yaml"
    outline.write_text(
        "deck:\n  title: Talk\n  language: en-NZ\n" + deck + "slides:\n" + (slides or (
            "  - kind: title\n"
            f"  - title: {LONG_TITLE}\n    bullets: [one, two]\n"
            "  - kind: closing\n")),
        encoding="utf-8")
    return outline


def logos(master: object) -> list[object]:
    return [s for s in master.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]  # type: ignore[attr-defined]


def test_a_logo_sits_on_the_master_and_titles_keep_clear_of_it(tmp_path: Path) -> None:
    outline = write(tmp_path, "  logo:\n    image: logo.png\n    alt: New Zealand Government\n"
                              "    width: 3cm\n")
    built = build_file(outline)
    prs = built.prs
    (master,) = prs.slide_masters
    (logo,) = logos(master)
    assert logo._element.nvPicPr.cNvPr.get("descr") == "New Zealand Government"
    margin = round(prs.slide_width * 0.03)
    assert (logo.width, logo.height) == (1080000, 270000)  # 3 cm wide, the picture's shape
    assert (logo.left, logo.top) == (prs.slide_width - margin - 1080000, margin)
    for slide in prs.slides:  # the picture itself is on no slide: one copy, edited once
        assert [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE] == []
    title = title_shape(prs.slides[1])
    assert title.text_frame.text == LONG_TITLE
    assert title.left + title.width <= logo.left  # narrowed so the title never runs under it
    with zipfile.ZipFile(built.path) as package:
        assert [n for n in package.namelist() if n.startswith("ppt/media/")] == [
            "ppt/media/image1.png"]


def test_a_decorative_logo_in_a_corner(tmp_path: Path) -> None:
    outline = write(tmp_path, "  logo:\n    image: logo.png\n    decorative: true\n"
                              "    position: Bottom Left\n")
    prs = build_file(outline).prs
    (logo,) = logos(prs.slide_masters[0])
    c_nv_pr = logo._element.nvPicPr.cNvPr
    assert c_nv_pr.get("descr") == ""
    assert [e.get("val") for e in c_nv_pr.iter(DECORATIVE)] == ["1"]
    margin = round(prs.slide_width * 0.03)
    assert logo.width == prs.slide_width // 10  # the default width
    assert (logo.left, logo.top + logo.height) == (margin, prs.slide_height - margin)


def test_a_logo_on_every_master_of_a_template(tmp_path: Path) -> None:
    prs = Presentation()
    prs.save(str(tmp_path / "corporate.pptx"))
    outline = write(tmp_path, "  template: corporate.pptx\n  logo:\n    image: logo.png\n"
                              "    alt: Our organisation\n")
    built = build_file(outline)
    assert [len(logos(m)) for m in built.prs.slide_masters] == [1]
    assert [s.slide_layout.name for s in built.prs.slides] == [
        "Title Slide", "Title and Content", "Title Slide"]


LOGO_PROBLEMS = [
    ("no-alt", "  logo:\n    image: logo.png\n", "5:5",
     "deck: 'alt' is needed: say what the logo shows (e.g. the organisation's name), or add "
     "'decorative: true'"),
    ("bad-position", "  logo:\n    image: logo.png\n    alt: Us\n    position: top rigth\n",
     "7:15", "deck: 'position' must be one of top-right, top-left, bottom-right, bottom-left, "
     "not 'top rigth' (did you mean 'top-right'?)"),
    ("bad-width", "  logo:\n    image: logo.png\n    alt: Us\n    width: 3 inches\n", "7:12",
     "deck: 'width' must be a length such as 3cm, 25mm or 1.2in, not '3 inches'"),
    ("zero-width", "  logo:\n    image: logo.png\n    alt: Us\n    width: 0cm\n", "7:12",
     "deck: 'width' must be more than nothing, such as 3cm, not '0cm'"),
    ("missing-file", "  logo:\n    image: logos.png\n    alt: Us\n", "5:12",
     "deck: logo: picture 'logos.png' not found (looked for {folder}/logos.png; did you mean "
     "'logo.png'?)"),
    ("date-without-date", "  footer_date: true\n", "4:16",
     "deck: 'footer_date' needs the date to show: add 'date:' to deck:"),
]


@pytest.mark.parametrize(("deck", "where", "message"), [r[1:] for r in LOGO_PROBLEMS],
                         ids=[r[0] for r in LOGO_PROBLEMS])
def test_theme_option_mistakes_are_located(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], deck: str, where: str, message: str
) -> None:
    outline = write(tmp_path, deck)
    before = listing(tmp_path)
    assert main(["build", str(outline)]) == 1
    expected = message.format(folder=tmp_path.resolve())
    assert capsys.readouterr().err.strip() == f"{outline}:{where}: error: {expected}"
    assert listing(tmp_path) == before


def footers(slide: object) -> list[tuple[str, str]]:
    kinds = {PP_PLACEHOLDER.FOOTER: "footer", PP_PLACEHOLDER.DATE: "date"}
    return [(kinds[s.placeholder_format.type], s.text_frame.text)  # type: ignore[attr-defined]
            for s in slide.placeholders  # type: ignore[attr-defined]
            if s.placeholder_format.type in kinds]


def test_the_date_joins_the_footer_of_the_built_in_theme(tmp_path: Path) -> None:
    outline = write(tmp_path, "  footer: Outreach briefing\n  date: 5 March 2025\n"
                              "  footer_date: true\n")
    prs = build_file(outline).prs
    assert [footers(s) for s in prs.slides] == [
        [], [("footer", "Outreach briefing | 5 March 2025")], []]


def test_the_date_goes_in_the_templates_date_box(tmp_path: Path) -> None:
    Presentation().save(str(tmp_path / "corporate.pptx"))
    outline = write(tmp_path, "  template: corporate.pptx\n  footer: Outreach briefing\n"
                              "  date: 5 March 2025\n  footer_date: true\n  slide_numbers: false\n")
    prs = build_file(outline).prs
    assert [sorted(footers(s)) for s in prs.slides] == [
        [], [("date", "5 March 2025"), ("footer", "Outreach briefing")], []]
    assert [slide_number_fields(s) for s in prs.slides] == [[], [], []]


def test_theme_colours_with_a_template_are_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    Presentation().save(str(tmp_path / "corporate.pptx"))
    outline = write(tmp_path, "  template: corporate.pptx\n  theme:\n    colors:\n"
                              "      accent: 0F6CBD\n    fonts:\n      heading: Georgia\n")
    message = (f"{outline}:5:3: warning: deck: theme: colours and fonts (accent, heading) are "
               "for the built-in theme; a template keeps its own, so these are not used: change "
               "them in the template (in PowerPoint: View > Slide Master > Colors, Fonts), or "
               "remove 'theme:'")
    assert main(["build", str(outline)]) == 0
    assert message in capsys.readouterr().err.splitlines()  # beside the lints' (a long title)
    deck = (tmp_path / "slides.pptx").read_bytes()
    assert main(["build", str(outline), "--strict"]) == 1
    assert message.replace(": warning: ", ": error: ") in capsys.readouterr().err.splitlines()
    assert (tmp_path / "slides.pptx").read_bytes() == deck
    shutil.copyfile(outline, tmp_path / "again.yaml")
    checked = run_cli(["check", "again.yaml"], tmp_path)
    assert checked.code == 0
    assert message.replace(str(outline), "again.yaml") in checked.err.splitlines()


def test_theme_fonts_are_measured_in_their_own_widths(tmp_path: Path) -> None:
    """The same bullets set in Verdana (a quarter wider than Calibri) wrap into more lines,
    so they are given a smaller size on the built-in theme."""
    slides = "  - title: Points\n    bullets:\n" + "".join(
        f"      - Point {i} about outreach and cooperation with partners and non-members\n"
        for i in range(7))
    sizes = []
    verdana = "  theme:\n    fonts:\n      body: Verdana\n"
    for name, fonts in (("calibri", ""), ("verdana", verdana)):
        folder = tmp_path / name
        folder.mkdir()
        prs = build_file(write(folder, fonts, slides)).prs
        (body,) = [s for s in prs.slides[0].placeholders if s.placeholder_format.idx == 1]
        sizes.append(body.text_frame.paragraphs[0].runs[0].font.size.pt)
    assert sizes[1] < sizes[0]
