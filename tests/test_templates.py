"""Building on the user's own template: python-pptx's default, LibreOffice's Impress templates."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    VALIDATOR,
    copy_shipped,
    listing,
    run_cli,
    slide_number_fields,
    strip_markup,
    title_shape,
    validate_pptx,
)
from layout_probe import collisions, deck_frames, read_frame
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER

import yamldeck
import yamldeck.commands.check
from yamldeck.cli import main
from yamldeck.commands.libreoffice import read_words

pytestmark = pytest.mark.usefixtures("decks_validated")


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin build's own messages; the lints build and check add are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])


def _libreoffice_home() -> Path:
    """LibreOffice's installation folder: soffice's real path is <home>/program/soffice."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    if program is None:
        return Path("/usr/lib/libreoffice")  # Debian's; the tests that need it are skipped
    return Path(os.path.realpath(program)).parent.parent


PRESNT = _libreoffice_home() / "share" / "template" / "common" / "presnt"  # Impress templates
LO_TEMPLATES = ("Vivid", "Midnightblue", "Blue_Curve", "Inspiration")
FOOTER = "Missile Technology Control Regime | Outreach briefing"


def soffice(*args: str, profile: Path) -> None:
    """LibreOffice headless in a profile of its own, stopped after 180 s."""
    program = shutil.which("soffice") or shutil.which("libreoffice")
    assert program, "LibreOffice is needed (apt-get install libreoffice-impress)"
    subprocess.run([program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--norestore", *args], capture_output=True, timeout=180, check=False)


def validate_template_deck(path: Path) -> None:
    """pptx_validate.py --template-parts-warn (the template's own parts only warn), then the
    plain check (yamldeck repairs what LibreOffice's templates get wrong)."""
    if VALIDATOR.is_file():
        run = subprocess.run([sys.executable, str(VALIDATOR), "--template-parts-warn", str(path)],
                             capture_output=True, text=True, timeout=300)
        assert run.returncode == 0, run.stdout + run.stderr
    validate_pptx(path)


@pytest.fixture(scope="session")
def lo_templates(
    needs_libreoffice: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Path]:
    """LibreOffice's Impress templates converted to .pptx, once per session."""
    folder = tmp_path_factory.mktemp("lo-templates")
    sources = [str(PRESNT / f"{name}.otp") for name in LO_TEMPLATES]
    soffice("--convert-to", "pptx", "--outdir", str(folder), *sources, profile=folder / "lo")
    found = {name: folder / f"{name}.pptx" for name in LO_TEMPLATES}
    assert all(path.is_file() for path in found.values()), sorted(folder.iterdir())
    return found


@pytest.fixture(scope="session")
def default_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """python-pptx's own default template (4:3, PowerPoint's layout names)."""
    path = tmp_path_factory.mktemp("default") / "default.pptx"
    Presentation().save(str(path))
    return path


def with_template(outline: Path, template: str) -> None:
    text = outline.read_text(encoding="utf-8")
    anchor = "  language: en-NZ\n"
    assert anchor in text, "the shipped outline's deck: changed; update this test"
    outline.write_text(text.replace(anchor, anchor + f"  template: {template}\n", 1),
                       encoding="utf-8")


@pytest.fixture(scope="session")
def mtcr_decks(tmp_path_factory: pytest.TempPathFactory, lo_templates: dict[str, Path],
               default_template: Path) -> dict[str, Path]:
    """The shipped MTCR outline built on each template (deck: template: beside the outline)."""
    decks = {}
    for name, template in {"default": default_template, **lo_templates}.items():
        folder = tmp_path_factory.mktemp(f"mtcr-{name}")
        outline = copy_shipped(folder)
        shutil.copyfile(template, folder / "template.pptx")
        with_template(outline, "template.pptx")
        decks[name] = yamldeck.build_deck(outline).output
    return decks


@pytest.fixture(scope="session")
def mtcr_words(tmp_path_factory: pytest.TempPathFactory,
               mtcr_decks: dict[str, Path]) -> dict[str, list[Any]]:
    """Every deck drawn by LibreOffice once (one run for all): the words on each page."""
    folder = tmp_path_factory.mktemp("mtcr-pdf")
    staged = []
    for name, deck in mtcr_decks.items():
        staged.append(folder / f"{name}.pptx")
        shutil.copyfile(deck, staged[-1])
    soffice("--convert-to", "pdf", "--outdir", str(folder), *map(str, staged),
            profile=folder / "lo")
    return {name: read_words(folder / f"{name}.pdf") for name in mtcr_decks}


def shipped_titles(deck: Any) -> list[str]:
    data = yaml.safe_load(deck.read_text(encoding="utf-8"))
    return [strip_markup(s.get("title", "")) for s in data["slides"]]


CONTENT = {"default": "Title and Content", "lo": "Title, Content"}
TWO = {"default": "Two Content", "lo": "Title, 2 Content"}


def expected_layouts(family: str) -> list[str]:
    """Title, agenda, number (with chart and details), timeline, bullets x2, statement,
    bullets x4, closing: the layouts of the template they should land on."""
    content = CONTENT[family]
    return ["Title Slide", content, TWO[family], content, content, content, content, content,
            content, content, content, "Title Slide"]


def test_mtcr_builds_on_python_pptx_default_template(mtcr_decks: dict[str, Path]) -> None:
    deck = mtcr_decks["default"]
    validate_template_deck(deck)
    prs = Presentation(str(deck))
    assert (prs.slide_width, prs.slide_height) == (9144000, 6858000)  # the template's 4:3
    assert [s.slide_layout.name for s in prs.slides] == expected_layouts("default")
    titles = [strip_markup(title_shape(s).text_frame.text) for s in prs.slides]
    assert titles[2:10] == shipped_titles(deck.parent / "slides.yaml")[2:10]
    assert titles[0] == "Missile Technology Control Regime"


@pytest.mark.parametrize("name", LO_TEMPLATES)
def test_mtcr_builds_on_libreoffice_templates(
    name: str, mtcr_decks: dict[str, Path], lo_templates: dict[str, Path]
) -> None:
    deck = mtcr_decks[name]
    validate_template_deck(deck)
    prs = Presentation(str(deck))
    assert [s.slide_layout.name for s in prs.slides] == expected_layouts("lo")
    # Their masters repeat the layout names: the template's own first slide shows the master
    # for opening slides, the next one with a body the master for the rest.
    template = Presentation(str(lo_templates[name]))
    masters = list(template.slide_masters)
    used = [masters.index(s.slide_layout.slide_master) for s in template.slides]
    built = [list(prs.slide_masters).index(s.slide_layout.slide_master) for s in prs.slides]
    assert built[0] == built[-1] == used[0]
    assert set(built[1:-1]) == {used[1] if len(used) > 1 else used[0]}
    number = prs.slides[2]
    assert [s.has_chart for s in number.shapes if s.has_chart] == [True]
    texts = [p.text for s in number.placeholders for p in s.text_frame.paragraphs]
    assert "35" in texts and "Türkiye" in texts and "countries from all around the world" in texts


@pytest.mark.parametrize("name", ["default", *LO_TEMPLATES])
def test_every_word_is_drawn_inside_its_frame(
    name: str, mtcr_decks: dict[str, Path], mtcr_words: dict[str, list[Any]]
) -> None:
    pages = mtcr_words[name]
    frames = deck_frames(str(mtcr_decks[name]))
    assert len(pages) == len(expected_layouts("lo"))
    assert len(frames) >= 2 * len(pages)
    outside = [(f.slide + 1, f.name, read_frame(f, pages[f.slide]).missing) for f in frames]
    assert [o for o in outside if o[2]] == [], "text drawn outside its frame (slide, shape, chars)"
    overlapping = [(n + 1, a.text, b.text) for n, page in enumerate(pages)
                   for a, b in collisions(page)]
    assert overlapping == []


def test_footer_and_numbers_on_content_slides_only(mtcr_decks: dict[str, Path]) -> None:
    prs = Presentation(str(mtcr_decks["Vivid"]))
    for number, slide in enumerate(prs.slides, start=1):
        footers = [s.text_frame.text for s in slide.placeholders
                   if s.placeholder_format.type == PP_PLACEHOLDER.FOOTER]
        fields = [f.findtext("{http://schemas.openxmlformats.org/drawingml/2006/main}t")
                  for f in slide_number_fields(slide)]
        opening = number in (1, len(prs.slides))
        assert footers == ([] if opening else [FOOTER])
        assert fields == ([] if opening else [str(number)])


# --- the template's own slides, .potx, -o --------------------------------------------------------


def outline_with(folder: Path, template: str, slides: str = "") -> Path:
    outline = folder / "slides.yaml"
    outline.write_text(
        "deck:\n  title: Talk\n  language: en-NZ\n  footer: Our footer\n"
        f"  template: {template}\nslides:\n" + (slides or (
            "  - kind: title\n  - title: Points\n    bullets:\n      - one\n      - two\n"
            "    notes: Say it.\n")),
        encoding="utf-8")
    return outline


def sample_template(path: Path) -> None:
    """python-pptx's template with three slides of its own (one with notes)."""
    prs = Presentation()
    for index in range(3):
        slide = prs.slides.add_slide(prs.slide_layouts[1])
        slide.shapes.title.text = f"Template sample {index}"
    prs.slides[0].notes_slide.notes_text_frame.text = "Template notes"
    prs.save(str(path))


def test_the_templates_own_slides_are_dropped_cleanly(tmp_path: Path) -> None:
    sample_template(tmp_path / "corporate.pptx")
    built = yamldeck.build_deck(outline_with(tmp_path, "corporate.pptx"))
    validate_template_deck(built.output)
    with zipfile.ZipFile(built.output) as package:
        names = package.namelist()
        text = b"".join(package.read(n) for n in names if n.endswith(".xml"))
    assert sorted(n for n in names if n.startswith("ppt/slides/")) == [
        "ppt/slides/_rels/slide1.xml.rels", "ppt/slides/_rels/slide2.xml.rels",
        "ppt/slides/slide1.xml", "ppt/slides/slide2.xml"]
    assert sorted(n for n in names if n.startswith("ppt/notesSlides/n")) == [
        "ppt/notesSlides/notesSlide1.xml"]
    assert b"Template sample" not in text and b"Template notes" not in text
    prs = Presentation(str(built.output))
    assert [s.slide_layout.name for s in prs.slides] == ["Title Slide", "Title and Content"]
    assert prs.slides[1].notes_slide.notes_text_frame.text == "Say it."


def potx(source: Path, target: Path) -> None:
    """The same package saved as a PowerPoint template (.potx): only the main type differs."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentationml.presentation.main+xml",
                                    b"presentationml.template.main+xml")
            zout.writestr(info, data)


def test_a_potx_template_is_accepted(tmp_path: Path, default_template: Path) -> None:
    potx(default_template, tmp_path / "corporate.potx")
    before = (tmp_path / "corporate.potx").read_bytes()
    built = yamldeck.build_deck(outline_with(tmp_path, "corporate.potx"))
    validate_template_deck(built.output)
    with zipfile.ZipFile(built.output) as package:
        types = package.read("[Content_Types].xml")
    assert b"presentationml.presentation.main+xml" in types
    assert b"template.main+xml" not in types
    assert [s.slide_layout.name for s in Presentation(str(built.output)).slides] == [
        "Title Slide", "Title and Content"]
    assert (tmp_path / "corporate.potx").read_bytes() == before


# LibreOffice's templates (and the broken files below) are copied under tmp_path as .potx: the
# decks_validated fixture checks every .pptx left there, and they are not yamldeck's output.


def test_template_option_overrides_the_outline_and_is_never_overwritten(
    tmp_path: Path, default_template: Path, lo_templates: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    shutil.copyfile(default_template, tmp_path / "corporate.pptx")
    shutil.copyfile(lo_templates["Vivid"], tmp_path / "vivid.potx")
    outline = outline_with(tmp_path, "corporate.pptx")
    assert main(["build", str(outline), "--template", str(tmp_path / "vivid.potx")]) == 0
    prs = Presentation(str(tmp_path / "slides.pptx"))
    assert [s.slide_layout.name for s in prs.slides] == ["Title Slide", "Title, Content"]
    assert prs.slide_width == Presentation(str(lo_templates["Vivid"])).slide_width
    before = listing(tmp_path)
    capsys.readouterr()
    shutil.copyfile(default_template, tmp_path / "other.pptx")
    before = listing(tmp_path)
    for args in (["--template", str(tmp_path / "other.pptx"), "-o", str(tmp_path / "other.pptx")],
                 ["-o", str(tmp_path / "corporate.pptx")]):
        assert main(["build", str(outline), *args]) == 3
        name = Path(args[-1]).name
        assert capsys.readouterr().err.strip() == (
            f"error: refusing to write the deck over the input file '{name}'; choose another "
            "output name with -o")
    assert listing(tmp_path) == before


# --- templates that cannot be used ---------------------------------------------------------------

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504)
SAVE_AS = ("open it in PowerPoint and save it as a PowerPoint Template (.potx) or Presentation "
           "(.pptx)")


def ole2(*streams: str) -> bytes:
    """An OLE2 container's first sector and a directory naming ``streams`` (UTF-16)."""
    return OLE2 + b"".join(name.encode("utf-16-le") + bytes(64 - 2 * len(name))
                           for name in ("Root Entry", *streams))


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def zip_bomb() -> bytes:
    """A small package whose directory says a picture inside unpacks to 2 GB (as a real zip
    bomb's does), so nothing may be read before the directory is checked."""
    data = bytearray(zip_of({"[Content_Types].xml": b"<Types/>",
                             "ppt/media/image1.png": bytes(4096)}))
    central = data.rindex(b"PK\x01\x02")  # the picture's central directory entry
    data[central + 24:central + 28] = (2 * 1024**3 - 1).to_bytes(4, "little")
    local = data.index(b"PK\x03\x04", 1)
    data[local + 22:local + 26] = (2 * 1024**3 - 1).to_bytes(4, "little")
    return bytes(data)


WORD = zip_of({"[Content_Types].xml": (
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override '
    b'PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    b'wordprocessingml.document.main+xml"/></Types>')})
BAD_TEMPLATES = [
    ("legacy-ppt", "old.ppt", ole2("PowerPoint Document", "Current User"),
     f"template 'old.ppt' is an old PowerPoint 97-2003 file (.ppt/.pot); {SAVE_AS} (or run: "
     "soffice --headless --convert-to pptx old.ppt)"),
    ("password", "locked.pptx", ole2("EncryptionInfo", "EncryptedPackage"),
     "template 'locked.pptx' is protected by a password, and yamldeck cannot open encrypted "
     "files; open it in PowerPoint, remove the password (File > Info > Protect Presentation > "
     "Encrypt with Password, clear the box) and save a copy"),
    ("corrupt", "broken.potx", b"PK\x03\x04" + bytes(60),
     "template 'broken.potx' is not a PowerPoint file: it is not a .pptx or .potx package "
     f"(damaged, only partly copied, or another kind of file named 'broken.potx'); {SAVE_AS}"),
    ("zip-bomb", "bomb.potx", zip_bomb(),
     "template 'bomb.potx' would unpack to 2,048 MB from 0.0 MB (2 files inside); a template "
     "may unpack to at most 300 MB, no file inside compressed more than 100 to 1, so this is "
     "not a real template (a 'zip bomb'?): ask its author for the original .potx or .pptx"),
    ("word-document", "letter.potx", WORD,
     "template 'letter.potx' is a Word document; give a PowerPoint template (.potx) or "
     "presentation (.pptx)"),
    ("opendocument", "talk.otp",
     zip_of({"mimetype": b"application/vnd.oasis.opendocument.presentation-template"}),
     "template 'talk.otp' is a LibreOffice/OpenDocument file; convert it first: soffice "
     "--headless --convert-to pptx talk.otp"),
]


@pytest.mark.parametrize(("name", "data", "message"), [r[1:] for r in BAD_TEMPLATES],
                         ids=[r[0] for r in BAD_TEMPLATES])
def test_unusable_templates_are_told_apart(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, message: str
) -> None:
    (tmp_path / name).write_bytes(data)
    outline = outline_with(tmp_path, name)
    (tmp_path / "slides.pptx").write_bytes(b"previous deck")
    before = listing(tmp_path)
    assert main(["build", str(outline)]) == 1
    assert capsys.readouterr().err.strip() == f"{outline}:5:13: error: deck: {message}"
    assert listing(tmp_path) == before
    # Named on the command line instead, the message names the option.
    assert main(["build", str(outline), "--template", str(tmp_path / name)]) == 1
    located = message.replace(f"'{name}'", f"'{tmp_path / name}'", 1)
    assert capsys.readouterr().err.strip() == f"error: --template: {located}"
    assert listing(tmp_path) == before


def test_a_missing_template_is_located_with_a_suggestion(
    tmp_path: Path, default_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(default_template, tmp_path / "Corporate.potx")
    outline = outline_with(tmp_path, "corporate.potx")
    assert main(["build", str(outline)]) == 1
    assert capsys.readouterr().err.strip() == (
        f"{outline}:5:13: error: deck: template 'corporate.potx' not found (looked for "
        f"{tmp_path.resolve() / 'corporate.potx'}; did you mean 'Corporate.potx'?)")
    assert not (tmp_path / "slides.pptx").exists()


def test_a_zip_bomb_is_refused_before_it_is_read(tmp_path: Path) -> None:
    """Under a 1 GB memory limit the 2 GB member would fail the build with a MemoryError."""
    (tmp_path / "bomb.potx").write_bytes(zip_bomb())
    outline = outline_with(tmp_path, "bomb.potx")
    code = ("import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30)); "
            "from yamldeck.cli import main; sys.exit(main(['build', sys.argv[1]]))")
    run = subprocess.run([sys.executable, "-c", code, str(outline)], capture_output=True,
                         text=True, timeout=60)
    assert run.returncode == 1, run.stderr
    assert "would unpack to 2,048 MB" in run.stderr and "Traceback" not in run.stderr


# --- choosing layouts and placeholders -----------------------------------------------------------


def test_layouts_mapping_and_per_slide_layout(tmp_path: Path, default_template: Path) -> None:
    shutil.copyfile(default_template, tmp_path / "corporate.pptx")
    outline = outline_with(tmp_path, "corporate.pptx", (
        "  - title: Points\n    bullets: [one]\n"
        "  - title: Elsewhere\n    bullets: [two]\n    layout: two content\n"
        "  - title: Big\n    statement: Said large\n"))
    text = outline.read_text(encoding="utf-8").replace(
        "slides:\n", "  layouts:\n    statement: Section Header\nslides:\n")
    outline.write_text(text, encoding="utf-8")
    built = yamldeck.build_deck(outline)
    validate_template_deck(built.output)
    prs = Presentation(str(built.output))
    assert [s.slide_layout.name for s in prs.slides] == [
        "Title and Content", "Two Content", "Section Header"]
    body = [s for s in prs.slides[2].placeholders
            if s.placeholder_format.type == PP_PLACEHOLDER.BODY]
    assert [s.text_frame.text for s in body] == ["Said large"]


def test_a_layout_without_the_needed_placeholder_names_what_it_has(
    tmp_path: Path, default_template: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(default_template, tmp_path / "corporate.pptx")
    outline = outline_with(tmp_path, "corporate.pptx", (
        "  - title: Points\n    bullets: [one]\n    layout: Title Only\n"
        "  - title: More\n    bullets: [two]\n    layout: Title and Contents\n"))
    assert main(["build", str(outline)]) == 1
    layouts = ("'Title Slide', 'Title and Content', 'Section Header', 'Two Content', "
               "'Comparison', 'Title Only', 'Blank', 'Content with Caption', "
               "'Picture with Caption', 'Title and Vertical Text', 'Vertical Title and Text'")
    assert capsys.readouterr().err.strip().splitlines() == [
        f"{outline}:9:13: error: slide 1 'Points': layout 'Title Only' has no place for a "
        "bullets slide (a title and a content placeholder); it has placeholders title (title, "
        "idx 0), date (dt, idx 10), footer (ftr, idx 11), slide number (sldNum, idx 12); choose "
        "a layout that has them (yamldeck inspect TEMPLATE lists each layout's placeholders)",
        f"{outline}:12:13: error: slide 2 'More': the template has no layout 'Title and "
        f"Contents' (did you mean 'Title and Content'?); its layouts: {layouts}",
        "2 problems; nothing was written",
    ]


def test_a_wrong_deck_layouts_name_is_reported_once(
    tmp_path: Path, lo_templates: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(lo_templates["Vivid"], tmp_path / "vivid.potx")
    outline = outline_with(tmp_path, "vivid.potx", (
        "  - title: One\n    bullets: [a]\n  - title: Two\n    bullets: [b]\n"))
    text = outline.read_text(encoding="utf-8").replace(
        "slides:\n", "  layouts:\n    bullets: Title and Content\nslides:\n")
    outline.write_text(text, encoding="utf-8")
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [
        f"{outline}:7:14: error: deck: layouts: bullets: the template has no layout 'Title and "
        "Content' (did you mean 'Title, Content'?); its layouts: 'Blank Slide', 'Title Slide', "
        "'Title, Content', 'Title, 2 Content', 'Title Only', 'Centered Text', 'Title, 2 Content "
        "and Content', 'Title Content and 2 Content', 'Title, 2 Content over Content', 'Title, "
        "Content over Content', 'Title, 4 Content', 'Title, 6 Content'"]


def test_placeholders_are_chosen_by_type_not_idx(
    tmp_path: Path, lo_templates: dict[str, Path]
) -> None:
    """LibreOffice writes every content placeholder of a layout with idx 0: the two columns
    still land left and right, each in its own placeholder."""
    shutil.copyfile(lo_templates["Blue_Curve"], tmp_path / "curve.potx")
    outline = outline_with(tmp_path, "curve.potx", (
        "  - title: Then and now\n    columns:\n      - heading: Then\n        text: Seven\n"
        "      - heading: Now\n        text: Thirty-five\n"
        "  - title: Quoted\n    quote: Words worth saying\n    attribution: Someone\n"))
    built = yamldeck.build_deck(outline)
    validate_template_deck(built.output)
    prs = Presentation(str(built.output))
    columns = prs.slides[0]
    assert columns.slide_layout.name == "Title, 2 Content"
    placed = sorted((s.left, s.text_frame.text) for s in columns.placeholders
                    if s.placeholder_format.type != PP_PLACEHOLDER.TITLE and s.has_text_frame
                    and s.text_frame.text in ("Then", "Now", "Seven", "Thirty-five"))
    assert [text for _, text in placed][0] in ("Then", "Seven")
    assert {text for left, text in placed if left > prs.slide_width // 2} == {"Now", "Thirty-five"}
    idx = [s.placeholder_format.idx for s in columns.placeholders]
    assert len(idx) == len(set(idx))
    furniture = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER)
    assert [p.text for s in prs.slides[1].placeholders for p in s.text_frame.paragraphs
            if s.placeholder_format.type not in furniture] == [
        "\u201cWords worth saying\u201d", "\u2014 Someone"]


def test_too_much_text_on_a_template_is_refused_located(
    tmp_path: Path, lo_templates: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    shutil.copyfile(lo_templates["Inspiration"], tmp_path / "insp.potx")
    bullets = "".join(f"      - Point {i} is a long sentence about export controls and partners\n"
                      for i in range(30))
    outline = outline_with(tmp_path, "insp.potx", f"  - title: Full\n    bullets:\n{bullets}")
    assert main(["build", str(outline)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"{outline}:7:5: error: slide 1 'Full': the bullets need ")
    assert err.endswith("shorten or split them, or add 'overflow: continue' to the slide to "
                        "carry the rest onto a new slide")


# --- inspect -------------------------------------------------------------------------------------


def test_inspect_lists_masters_layouts_placeholders_and_uses(
    tmp_path: Path, default_template: Path
) -> None:
    shutil.copyfile(default_template, tmp_path / "corporate.pptx")
    run = run_cli(["inspect", "corporate.pptx", "--units", "in"], tmp_path)
    assert run.code == 0, run.err
    lines = run.out.splitlines()
    assert lines[0] == "corporate.pptx: slides 10.00 x 7.50 in, 1 master, 11 layouts"
    assert lines[3] == ("master 1 (first choice for title, section and closing slides and the "
                        "other slides)")
    assert lines[4:11] == [
        "  layout 'Title Slide'  <- title, closing",
        "    type      idx  name                        left   top  width  height (in)",
        "    ctrTitle  0    Title 1                     0.75  2.33   8.50         1.61",
        "    subTitle  1    Subtitle 2                  1.50  4.25   7.00         1.92",
        "    dt        10   Date Placeholder 3          0.50  6.95   2.33         0.40",
        "    ftr       11   Footer Placeholder 4        3.42  6.95   3.17         0.40",
        "    sldNum    12   Slide Number Placeholder 5  7.17  6.95   2.33         0.40",
    ]
    uses = [line for line in lines if line.startswith("  layout ")]
    assert uses[:5] == [
        "  layout 'Title Slide'  <- title, closing",
        "  layout 'Title and Content'  <- agenda, bullets, statement, quote, picture, table, "
        "chart, timeline, process",
        "  layout 'Section Header'  <- section",
        "  layout 'Two Content'  <- number, number with a chart, columns, picture beside bullets",
        "  layout 'Comparison'  <- columns with headings",
    ]
    missing = run_cli(["inspect", "nothing.potx"], tmp_path)
    assert missing.code == 1 and missing.out == ""
    assert missing.err.strip() == (f"error: template 'nothing.potx' not found (looked for "
                                   f"{tmp_path.resolve() / 'nothing.potx'})")


def test_inspect_shows_libreoffice_masters(tmp_path: Path, lo_templates: dict[str, Path]) -> None:
    run = run_cli(["inspect", str(lo_templates["Vivid"])], tmp_path)
    assert run.code == 0, run.err
    masters = [line for line in run.out.splitlines() if line.startswith("master ")]
    assert masters == ["master 1 (first choice for title, section and closing slides)",
                       "master 2 (first choice for the other slides)", "master 3"]
    assert "  layout 'Title, Content'  <- agenda, bullets, statement, quote, picture, table, " \
           "chart, timeline, process" in run.out.splitlines()
