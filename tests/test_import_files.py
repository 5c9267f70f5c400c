"""`yamldeck import` and the files around it: where the outline and its files go, --force,
--no-template, decks saved as .potx or .pptm, and decks that are damaged or not decks at all.

Every refusal is one line with the exact message and exit status, and leaves the folder as it
was; a deck that is only partly damaged (a picture missing) is imported with a warning.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import yaml
from helpers import assert_no_traceback, build_file, listing
from pptx import Presentation
from pptx.util import Inches
from test_import import RED, foreign_deck, png
from test_templates import WORD, ole2, zip_bomb, zip_of

from yamldeck.cli import main

RESAVE = "open it in PowerPoint and save it as a PowerPoint Presentation (.pptx)"
REPAIR = ("open it in PowerPoint (which offers to repair it) and save it again, or ask its author "
          "for a fresh copy")
PML = "application/vnd.openxmlformats-officedocument.presentationml."


@pytest.fixture(scope="module")
def deck_bytes(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    path = tmp_path_factory.mktemp("deck") / "talk.pptx"
    foreign_deck(path)
    return path.read_bytes()


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    assert_no_traceback(err)
    return code, out, err


def test_the_outline_goes_beside_the_deck_and_is_not_replaced_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deck_bytes: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("talk.pptx").write_bytes(deck_bytes)
    code, out, err = run(["import", "talk.pptx"], capsys)
    assert code == 0
    assert re.fullmatch(r"wrote talk\.yaml \(13 slides; 2 pictures, 0 CSV files, the template in "
                        r"talk-assets\) in \d+\.\d\d s\n", out)
    assert ("talk.pptx: warning: 'yamldeck build talk.yaml' would write over talk.pptx, the deck "
            "imported: build with -o, e.g. yamldeck build talk.yaml -o talk-rebuilt.pptx"
            ) in err.splitlines()
    assert sorted(p.name for p in Path("talk-assets").iterdir()) == [
        "slide-07.png", "slide-08.png", "template.pptx"]
    assert "#     yamldeck build talk.yaml -o talk-rebuilt.pptx\n" in Path("talk.yaml").read_text()
    before = listing(tmp_path)
    code, out, err = run(["import", "talk.pptx"], capsys)
    assert (code, out, err) == (3, "", "error: 'talk.yaml' already exists; add --force to replace "
                                       "it, or give another name with -o\n")
    assert listing(tmp_path) == before
    Path("talk.yaml").write_text("edited by hand\n")
    assert run(["import", "talk.pptx", "--force"], capsys)[0] == 0
    assert Path("talk.yaml").read_text() == before["talk.yaml"].decode()


def test_an_earlier_imports_files_are_not_replaced_without_force(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deck_bytes: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("talk.pptx").write_bytes(deck_bytes)
    Path("other-assets").mkdir()
    Path("other-assets/slide-07.png").write_bytes(b"someone's picture")
    before = listing(tmp_path)
    code, out, err = run(["import", "talk.pptx", "-o", "other.yaml"], capsys)
    assert (code, err) == (3, "error: 'other-assets/slide-07.png' already exists; add --force to "
                              "replace the files of an earlier import, or give another name with "
                              "-o\n")
    assert listing(tmp_path) == before


@pytest.mark.parametrize(("output", "message"), [
    ("talk.txt", "error: the output 'talk.txt' must end in .yaml"),
    ("missing/talk.yaml", "error: cannot write 'missing/talk.yaml': the folder 'missing' does not "
                          "exist"),
    ("folder", "error: 'folder' is a folder; give a file name such as folder/talk.yaml"),
])
def test_an_output_that_cannot_be_an_outline_is_refused(
    output: str, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    deck_bytes: bytes, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("talk.pptx").write_bytes(deck_bytes)
    Path("folder").mkdir()
    before = listing(tmp_path)
    assert run(["import", "talk.pptx", "-o", output], capsys) == (3, "", message + "\n")
    assert listing(tmp_path) == before


def test_no_template_gives_a_plain_outline_on_the_built_in_theme(
    tmp_path: Path, deck_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "talk.pptx").write_bytes(deck_bytes)
    outline = tmp_path / "plain.yaml"
    assert run(["import", str(tmp_path / "talk.pptx"), "-o", str(outline), "--no-template"],
               capsys)[0] == 0
    data = yaml.load(outline.read_text(encoding="utf-8"), yaml.BaseLoader)
    assert "template" not in data["deck"]
    assert [s for s in data["slides"] if "layout" in s] == []
    assert sorted(p.name for p in (tmp_path / "plain-assets").iterdir()) == [
        "slide-07.png", "slide-08.png"]
    built = build_file(outline).prs
    assert built.slide_width == 12192000  # the built-in theme's 16:9, not the deck's 4:3


def _renamed(data: bytes, main: str, extra: dict[str, bytes] | None = None) -> bytes:
    """The deck's package with another main content type (and more members)."""
    members = {}
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            members[name] = package.read(name)
    members["[Content_Types].xml"] = members["[Content_Types].xml"].replace(
        (PML + "presentation.main+xml").encode(), main.encode())
    members.update(extra or {})
    return zip_of(members)


def test_a_potx_and_a_pptm_are_read_as_decks_and_macros_left_behind(
    tmp_path: Path, deck_bytes: bytes, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "talk.potx").write_bytes(_renamed(deck_bytes, PML + "template.main+xml"))
    rels = "ppt/_rels/presentation.xml.rels"
    with zipfile.ZipFile(io.BytesIO(deck_bytes)) as package:
        xml = package.read(rels).decode()
    vba = ('<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/'
           'relationships/vbaProject" Target="vbaProject.bin"/></Relationships>')
    (tmp_path / "talk.pptm").write_bytes(_renamed(
        deck_bytes, "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        {rels: xml.replace("</Relationships>", vba).encode(), "ppt/vbaProject.bin": b"macro"}))
    for name in ("talk.potx", "talk.pptm"):
        outline = tmp_path / f"{name.replace('.', '-')}.yaml"
        code, _, err = run(["import", str(tmp_path / name), "-o", str(outline)], capsys)
        assert code == 0
        macros = f"{tmp_path / name}: warning: the deck's macros are not brought over (an outline "\
                 "holds none)"
        assert (macros in err.splitlines()) == name.endswith("m")
        template = tmp_path / f"{outline.stem}-assets" / "template.pptx"
        with zipfile.ZipFile(template) as package:
            assert b"presentation.main+xml" in package.read("[Content_Types].xml")
            assert not [n for n in package.namelist() if "vba" in n.lower()]
        assert len(build_file(outline).prs.slides) == 13


def _without(data: bytes, *names: str) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return zip_of({n: package.read(n) for n in package.namelist() if n not in names})


def _one_picture_deck() -> bytes:
    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[5])
    slide.shapes.title.text = "Site"
    slide.shapes.add_picture(io.BytesIO(png(RED)), Inches(2), Inches(2), Inches(6), Inches(4))
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()


def _empty_deck() -> bytes:
    buffer = io.BytesIO()
    Presentation().save(buffer)
    return buffer.getvalue()


BAD_DECKS = [
    ("notes.pptx", lambda deck: b"Meeting notes, not a deck",
     f"deck 'notes.pptx' is not a PowerPoint file: it is not a .pptx package (damaged, only partly "
     f"copied, or another kind of file named 'notes.pptx'); {RESAVE}"),
    ("half.pptx", lambda deck: deck[: len(deck) // 2],
     "deck 'half.pptx' is damaged or only partly copied (its zip directory is missing or cut "
     "short); copy it again, or open it in PowerPoint and save it again"),
    ("locked.pptx", lambda deck: ole2("EncryptionInfo", "EncryptedPackage"),
     "deck 'locked.pptx' is protected by a password, and yamldeck cannot open encrypted files; "
     "open it in PowerPoint, remove the password (File > Info > Protect Presentation > Encrypt "
     "with Password, clear the box) and save a copy"),
    ("old.ppt", lambda deck: ole2("PowerPoint Document", "Current User"),
     f"deck 'old.ppt' is an old PowerPoint 97-2003 file (.ppt); {RESAVE} (or run: soffice "
     "--headless --convert-to pptx old.ppt)"),
    ("bomb.pptx", lambda deck: zip_bomb(),
     "deck 'bomb.pptx' would unpack to 2,048 MB from 0.0 MB (2 files inside); a deck may unpack "
     "to at most 300 MB, no file inside compressed more than 100 to 1, so this is not a real "
     "deck (a 'zip bomb'?): ask its author for the original .pptx"),
    ("letter.pptx", lambda deck: WORD, "deck 'letter.pptx' is a Word document; give a PowerPoint "
                                       "file (.pptx)"),
    ("talk.odp", lambda deck: zip_of({"mimetype": b"application/vnd.oasis.opendocument."
                                                  b"presentation"}),
     "deck 'talk.odp' is a LibreOffice/OpenDocument file; convert it first: soffice --headless "
     "--convert-to pptx talk.odp"),
    ("talk.pdf", lambda deck: b"%PDF-1.7\n", "deck 'talk.pdf' is a PDF; yamldeck imports "
                                             "PowerPoint files (.pptx)"),
    ("empty.pptx", lambda deck: _empty_deck(),
     "deck 'empty.pptx' has no slides, so there is nothing to import"),
    ("nolayout.pptx", lambda deck: _without(deck, "ppt/slideLayouts/slideLayout2.xml"),
     "deck 'nolayout.pptx' is damaged: 'ppt/slideMasters/slideMaster1.xml' refers to "
     f"'ppt/slideLayouts/slideLayout2.xml', which is not in the file; {REPAIR}"),
    ("badxml.pptx", lambda deck: zip_of({**_members(deck), "ppt/slides/slide2.xml": b"<p:sld"}),
     "deck 'badxml.pptx' is damaged and cannot be read; open it in PowerPoint (which offers to "
     "repair it) and save it again, or ask its author for a fresh copy (XMLSyntaxError: "),
]


def _members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return {n: package.read(n) for n in package.namelist()}


@pytest.mark.parametrize(("name", "make", "message"), BAD_DECKS, ids=[c[0] for c in BAD_DECKS])
def test_what_is_not_a_readable_deck_is_refused_in_one_line(
    name: str, make: object, message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    deck_bytes: bytes, capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path(name).write_bytes(make(deck_bytes))  # type: ignore[operator]
    before = listing(tmp_path)
    code, out, err = run(["import", name, "-o", "talk.yaml"], capsys)
    assert (code, out) == (1, "")
    assert err.startswith(f"error: {message}") and err.count("\n") == 1, err
    assert listing(tmp_path) == before


def test_a_missing_file_or_a_folder_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deck_bytes: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("talk.pptx").write_bytes(deck_bytes)
    Path("decks").mkdir()
    assert run(["import", "tlak.pptx"], capsys) == (
        1, "", "error: deck not found: 'tlak.pptx' (did you mean 'talk.pptx'?)\n")
    assert run(["import", "decks"], capsys) == (
        1, "", "error: 'decks' is a folder; give a PowerPoint file (.pptx)\n")


def test_a_missing_picture_is_left_out_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deck = tmp_path / "site.pptx"
    deck.write_bytes(_without(_one_picture_deck(), "ppt/media/image1.png"))
    code, _, err = run(["import", str(deck), "-o", str(tmp_path / "outline.yaml")], capsys)
    assert code == 0
    assert err == (f"{deck}: warning: slide 1: picture 'Picture 2': its image is missing from the "
                   "deck, so it is left out\n")
    data = yaml.load((tmp_path / "outline.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    assert data["slides"] == [{"kind": "section", "title": "Site", "layout": "Title Only"}]
    build_file(tmp_path / "outline.yaml")


def test_slides_that_link_to_each_other_in_a_loop_are_read_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prs = Presentation()
    first, second = (prs.slides.add_slide(prs.slide_layouts[1]) for _ in range(2))
    for slide, other, title in ((first, second, "One"), (second, first, "Two")):
        slide.shapes.title.text = title
        slide.placeholders[1].text_frame.text = f"Go to {other.shapes.title.text or 'one'}"
        slide.shapes.title.click_action.target_slide = other  # a relationship to the other
    prs.save(str(tmp_path / "loop.pptx"))
    code, _, err = run(["import", str(tmp_path / "loop.pptx"), "-o",
                        str(tmp_path / "outline.yaml")], capsys)
    assert (code, err) == (0, "")
    data = yaml.load((tmp_path / "outline.yaml").read_text(encoding="utf-8"), yaml.BaseLoader)
    assert [s["title"] for s in data["slides"]] == ["One", "Two"]


def test_text_that_does_not_fit_yamldecks_sizes_is_moved_not_cut(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Text set small in the deck: bullets continue on new slides; a quotation too long to be
    one becomes bullets, split at its sentences. Every word is on the rebuilt deck's slides."""
    prs = Presentation()
    long_list = prs.slides.add_slide(prs.slide_layouts[1])
    long_list.shapes.title.text = "Forty points"
    frame = long_list.placeholders[1].text_frame
    for number in range(40):
        paragraph = frame.paragraphs[0] if number == 0 else frame.add_paragraph()
        paragraph.text = f"Point {number} of the plan, with words enough to fill a line"
    quote = prs.slides.add_slide(prs.slide_layouts[1])
    quote.shapes.title.text = "In their words"
    quote.placeholders[1].text_frame.text = "\u201c" + "We said a great deal. " * 60 + "\u201d"
    quote.placeholders[1].text_frame.paragraphs[0]._p.get_or_add_pPr().insert(
        0, quote.placeholders[1].text_frame.paragraphs[0]._p.makeelement(
            "{http://schemas.openxmlformats.org/drawingml/2006/main}buNone", {}))
    prs.save(str(tmp_path / "long.pptx"))
    outline = tmp_path / "outline.yaml"
    code, _, err = run(["import", str(tmp_path / "long.pptx"), "-o", str(outline)], capsys)
    assert code == 0
    prefix = f"{tmp_path / 'long.pptx'}: warning: "
    assert err.splitlines() == [
        prefix + "slide 1: its bullets continue on new slides (overflow: continue)",
        prefix + "slide 2: its text does not fit a quote slide; it is a bullets slide",
        prefix + "slide 2: a bullet too long for a slide is split at its sentences",
    ]
    data = yaml.load(outline.read_text(encoding="utf-8"), yaml.BaseLoader)
    assert [(s["kind"], s.get("overflow")) for s in data["slides"]] == [
        ("bullets", "continue"), ("bullets", "continue")]
    built = build_file(outline).prs
    words = " ".join(shape.text_frame.text for slide in built.slides for shape in slide.shapes
                     if shape.has_text_frame)
    assert all(f"Point {n} of the plan" in words for n in range(40))
    assert words.count("We said a great deal.") == 60


def test_a_yamldeck_deck_edited_since_is_checked_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A deck as yamldeck built it is known to fit; once an editor has saved it (its revision
    counted on), its outline is rendered again, and text added that does not fit is moved."""
    from helpers import copy_shipped

    from yamldeck.commands.importing import as_yamldeck_built

    deck = build_file(copy_shipped(tmp_path / "built")).path
    prs = Presentation(str(deck))
    assert as_yamldeck_built(prs)
    frame = prs.slides[4].placeholders[1].text_frame
    for number in range(30):
        frame.add_paragraph().text = f"Added point {number}, one of many added in PowerPoint"
    prs.core_properties.revision = 2
    prs.save(str(tmp_path / "edited.pptx"))
    assert not as_yamldeck_built(Presentation(str(tmp_path / "edited.pptx")))
    outline = tmp_path / "outline.yaml"
    code, _, err = run(["import", str(tmp_path / "edited.pptx"), "-o", str(outline)], capsys)
    assert (code, err) == (0, f"{tmp_path / 'edited.pptx'}: warning: slide 5: its bullets "
                              "continue on new slides (overflow: continue)\n")
    assert len(build_file(outline).prs.slides) > 12


def test_a_slide_the_reading_trips_on_keeps_its_text_as_bullets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, deck_bytes: bytes,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Someone else's slide may hold XML no rule here expects: the import goes on, the slide's
    text kept as bullets, and the warning names what went wrong (so a bug still shows)."""
    import yamldeck.importer.reader as reader

    original = reader.make

    def tripping(view: object) -> object:
        if getattr(view, "number", 0) == 3:
            raise ValueError("an attribute no deck should have")
        return original(view)  # type: ignore[arg-type]

    monkeypatch.setattr(reader, "make", tripping)
    (tmp_path / "talk.pptx").write_bytes(deck_bytes)
    outline = tmp_path / "outline.yaml"
    code, _, err = run(["import", str(tmp_path / "talk.pptx"), "-o", str(outline)], capsys)
    assert code == 0
    assert (f"{tmp_path / 'talk.pptx'}: warning: slide 3: the slide could not be read as a whole "
            "(ValueError: an attribute no deck should have); its text is kept as bullets"
            ) in err.splitlines()
    data = yaml.load(outline.read_text(encoding="utf-8"), yaml.BaseLoader)
    assert data["slides"][2] == {"kind": "bullets", "title": "Pros and cons",
                                 "bullets": ["Fast", "Cheap", "Fragile"]}
