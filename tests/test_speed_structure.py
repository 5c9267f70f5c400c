"""Slides and notes are added in constant time each, and the deck is the one python-pptx would make.

No timings here (they depend on the machine): the fast adder's output is compared byte for byte
with python-pptx's own add_slide/notes_slide, part names and ids are checked to be sequential and
unique, and the whole-package scans that made python-pptx quadratic are counted.
"""

from __future__ import annotations

import copy
import shutil
import zipfile
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from helpers import SHIPPED_OUTLINE, validate_pptx
from lxml import etree
from pptx.opc.package import OpcPackage, _Relationships
from pptx.oxml.presentation import CT_SlideIdList

import yamldeck
from yamldeck.render import adder as speed
from yamldeck.render import notes as notes_module
from yamldeck.render import slides as deck_module

R_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
PKG_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
NOTES_SLIDE_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide"


def with_assets(folder: Path) -> Path:
    """``folder`` with the shipped outline's assets (its CSV files and pictures) beside it."""
    assets = SHIPPED_OUTLINE.parent / "assets"
    if assets.is_dir() and not (folder / "assets").exists():
        shutil.copytree(assets, folder / "assets")
    return folder


def long_outline(folder: Path, count: int) -> Path:
    """The shipped outline's slides repeated to ``count`` slides, each with its own title."""
    with_assets(folder)
    shipped = yaml.safe_load(SHIPPED_OUTLINE.read_text(encoding="utf-8"))
    middle = shipped["slides"][1:-1]
    slides = [shipped["slides"][0]]
    for n in range(2, count):
        slide = copy.deepcopy(middle[(n - 2) % len(middle)])
        slide["title"] = f"{slide.get('title', 'Agenda')} {n}"
        if slide.get("kind") == "agenda":  # a generated deck's agendas list a few parts
            slide["items"] = [s.get("title", "") for s in middle if s.get("title")][:5]
        slides.append(slide)
    slides.append(shipped["slides"][-1])
    path = folder / f"long{count}.yaml"
    text = yaml.safe_dump(
        {"deck": shipped["deck"], "slides": slides[:count]},
        sort_keys=False,
        allow_unicode=True,
        width=1000,
    )
    path.write_text(text, encoding="utf-8")
    return path


def build_with(adder: type, outline: Path, output: Path, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as patch:
        patch.setattr(deck_module, "SlideAdder", adder)
        yamldeck.build_deck(outline, output)
    return output.read_bytes()


def members(data: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(data) as package:
        return {name: package.read(name) for name in package.namelist()}


def pictures_outline(folder: Path) -> Path:
    """Pictures: one file on two slides (one part, as python-pptx shares it) and another."""
    from PIL import Image

    Image.new("RGB", (80, 60), "navy").save(folder / "a.png")
    Image.new("RGB", (60, 80), "teal").save(folder / "b.jpg")
    slides = "".join(
        f"  - kind: picture\n    title: Picture {n}\n    image: {name}\n    alt: A block\n"
        f"    notes: Picture {n}.\n"
        for n, name in enumerate(["a.png", "b.jpg", "a.png"], start=1)
    )
    path = folder / "pictures.yaml"
    path.write_text(f"deck:\n  title: Pictures\nslides:\n{slides}", encoding="utf-8")
    return path


@pytest.mark.parametrize("outline", ["shipped", "long", "pictures"])
def test_fast_adder_makes_the_same_deck_as_python_pptx(
    outline: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if outline == "shipped":
        source = with_assets(tmp_path) / "slides.yaml"
        shutil.copy(SHIPPED_OUTLINE, source)
    elif outline == "pictures":
        source = pictures_outline(tmp_path)
    else:
        source = long_outline(tmp_path, 40)
    fast = build_with(speed.SlideAdder, source, tmp_path / "fast.pptx", monkeypatch)
    slow = build_with(speed.ReferenceAdder, source, tmp_path / "slow.pptx", monkeypatch)
    fast_parts, slow_parts = members(tmp_path / "fast.pptx"), members(tmp_path / "slow.pptx")
    assert list(fast_parts) == list(slow_parts)
    assert [n for n in fast_parts if fast_parts[n] != slow_parts[n]] == []
    assert fast == slow
    assert sum(n.startswith("ppt/notesSlides/notesSlide") for n in fast_parts) >= 3
    if outline == "pictures":
        assert sorted(n for n in fast_parts if n.startswith("ppt/media/")) == [
            "ppt/media/image1.png",
            "ppt/media/image2.jpg",
        ]
    validate_pptx(tmp_path / "fast.pptx")


def test_part_names_and_ids_are_sequential_and_unique(tmp_path: Path) -> None:
    count = 120
    deck = yamldeck.build_deck(long_outline(tmp_path, count), tmp_path / "long.pptx").output
    validate_pptx(deck)
    parts = members(deck)
    with zipfile.ZipFile(deck) as package:
        assert len(package.namelist()) == len(set(package.namelist()))
    presentation = etree.fromstring(parts["ppt/presentation.xml"])
    ids = presentation.find(f"{P}sldIdLst").findall(f"{P}sldId")
    assert [int(s.get("id")) for s in ids] == list(range(256, 256 + count))
    rels = {
        r.get("Id"): r
        for r in etree.fromstring(parts["ppt/_rels/presentation.xml.rels"]).iter(PKG_RELS)
    }
    targets = [rels[s.get(R_ID)].get("Target") for s in ids]
    assert targets == [f"slides/slide{n}.xml" for n in range(1, count + 1)]
    notes = [_notes_target(parts, n) for n in range(1, count + 1)]
    assert notes == [f"../notesSlides/notesSlide{n}.xml" for n in range(1, count + 1)]
    for n in range(1, count + 1):  # each notes slide points back at its own slide
        back = _rels(parts, f"ppt/notesSlides/_rels/notesSlide{n}.xml.rels")
        assert f"../slides/slide{n}.xml" in back
        assert "../notesMasters/notesMaster1.xml" in back
    assert [n for n in parts if n.startswith("ppt/notesMasters/notesMaster")] == [
        "ppt/notesMasters/notesMaster1.xml"
    ]


def _rels(parts: dict[str, bytes], name: str) -> list[str]:
    return [r.get("Target") for r in etree.fromstring(parts[name]).iter(PKG_RELS)]


def _notes_target(parts: dict[str, bytes], n: int) -> str:
    root = etree.fromstring(parts[f"ppt/slides/_rels/slide{n}.xml.rels"])
    (target,) = [r.get("Target") for r in root.iter(PKG_RELS) if r.get("Type") == NOTES_SLIDE_REL]
    return target


def test_no_whole_package_scan_per_slide(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scans that made python-pptx quadratic run a fixed number of times, whatever the size."""
    counts: dict[str, int] = {}

    def counting(name: str, original: Any) -> Any:
        def wrapper(self: Any, *args: Any) -> Any:
            if name != "presentation rels by type" or self._base_uri == "/ppt":
                counts[name] = counts.get(name, 0) + 1
            return original(self, *args)

        return wrapper

    monkeypatch.setattr(OpcPackage, "iter_parts", counting("walk", OpcPackage.iter_parts))
    monkeypatch.setattr(
        CT_SlideIdList, "_next_id", property(counting("next id", CT_SlideIdList._next_id.fget))
    )
    monkeypatch.setattr(
        _Relationships,
        "_rels_by_reltype",
        property(counting("presentation rels by type", _Relationships._rels_by_reltype.fget)),
    )
    seen = []
    for count in (20, 60):
        counts.clear()
        yamldeck.build_deck(long_outline(tmp_path, count), tmp_path / f"d{count}.pptx")
        seen.append(dict(counts))
    assert seen[0] == seen[1], seen  # 40 more slides and notes: not one more scan
    assert seen[0].get("next id", 0) == 0


def test_a_warm_rebuild_reuses_slides_and_gives_the_same_deck_as_a_fresh_build(
    tmp_path: Path,
) -> None:
    from yamldeck.commands.build import Builder

    outline = with_assets(tmp_path) / "slides.yaml"
    original = SHIPPED_OUTLINE.read_text(encoding="utf-8")
    first_slide = original.index("  - kind: title")
    versions = [
        original,
        original,  # unchanged: every slide comes from the cache
        original.replace("title: Challenges", "title: Hurdles"),  # one slide changed
        original[:first_slide]
        + "  - kind: section\n    title: Opening\n"
        + original[first_slide:],  # every later slide moves: its number changes
        original.replace('footer: "Missile', 'footer: "The Missile'),  # every slide changes
    ]
    builder = Builder(outline, tmp_path / "warm.pptx")
    for n, text in enumerate(versions):
        outline.write_text(text, encoding="utf-8")
        builder.build()
        fresh = yamldeck.build_deck(outline, tmp_path / "fresh.pptx")
        assert members(tmp_path / "warm.pptx") == members(fresh.output), n
        assert (tmp_path / "warm.pptx").read_bytes() == fresh.output.read_bytes(), n
    validate_pptx(tmp_path / "warm.pptx")
    slides = yamldeck.load_outline(outline)[0].slides
    builder._cache.next_build()  # what the next build starts from: the last build's text slides
    cached = builder._cache._entries
    assert 0 < len(cached) < len(slides)
    assert {key[3] for key in cached} <= {repr(s) for s in slides}


def test_chrome_with_a_link_is_drawn_on_every_slide_as_python_pptx_would(tmp_path: Path) -> None:
    """A footer holding a link relates each slide to its target: it cannot be a copied stamp."""
    from pptx import Presentation
    from pptx.util import Inches

    def draw(slide: Any, number: int) -> None:
        box = slide.shapes.add_textbox(Inches(1), Inches(6), Inches(4), Inches(0.5))
        run = box.text_frame.paragraphs[0].add_run()
        run.text = f"page {number}"
        run.hyperlink.address = "https://example.org/"

    decks = []
    for adder_type in (speed.SlideAdder, speed.ReferenceAdder):
        prs = Presentation()
        adder = adder_type(prs)
        for number in (1, 2, 3):
            slide = adder.add_slide(prs.slide_layouts[1])
            adder.add_chrome(slide, prs.slide_layouts[1], number, draw)
        path = tmp_path / f"{adder_type.__name__}.pptx"
        prs.save(str(path))
        decks.append(members(path))
    assert decks[0] == decks[1]
    assert b"page 3" in decks[0]["ppt/slides/slide3.xml"]
    assert b"https://example.org/" in decks[0]["ppt/slides/_rels/slide3.xml.rels"]
    validate_pptx(tmp_path / "SlideAdder.pptx")


def test_nothing_is_copied_when_the_deck_names_a_file() -> None:
    """A template or logo of the user's can change under the same outline: render every slide."""
    from yamldeck.outline.model import Deck
    from yamldeck.render.slidecache import SlideCache

    cache = SlideCache()
    adder = SimpleNamespace(shared_chrome=None)
    assert cache.for_render(b"template", Deck(title="Talk"), adder).enabled
    assert adder.shared_chrome == {}  # footer stamps are kept for the next build too
    logo = {"image": "logo.png", "decorative": True}
    for deck in (Deck(title="Talk", template="corp.potx"), Deck(title="Talk", logo=logo)):
        adder = SimpleNamespace(shared_chrome=None)
        assert not cache.for_render(b"template", deck, adder).enabled
        assert adder.shared_chrome is None


def test_help_and_watch_help_import_no_heavy_library() -> None:
    """`yamldeck --help` starts fast: python-pptx, pydantic, Pillow, lxml and YAML load on use."""
    import subprocess
    import sys

    for args in (["--help"], ["watch", "--help"]):
        run = subprocess.run([sys.executable, "-X", "importtime", "-m", "yamldeck", *args],
                             capture_output=True, text=True, timeout=60)
        assert run.returncode == 0, run.stderr
        modules = {line.rsplit("|", 1)[1].strip() for line in run.stderr.splitlines()
                   if line.startswith("import time:") and "|" in line}
        assert "yamldeck.cli" in modules
        heavy = {"pptx", "pydantic", "PIL", "lxml", "yaml"}
        assert {m for m in modules if m.split(".")[0] in heavy} == set(), args


def reference_run(p: Any, text: str, attrib: dict[str, str]) -> None:
    """A run written with python-pptx's own calls, as text.plain_run writes it directly."""
    from pptx.text.text import _Paragraph
    from pptx.util import Centipoints

    run = _Paragraph(p, None).add_run()
    run.text = text
    if "sz" in attrib:
        run.font.size = Centipoints(int(attrib["sz"]))
    if attrib.get("b"):
        run.font.bold = True
    if attrib.get("i"):
        run.font.italic = True
    run._r.get_or_add_rPr().set("lang", attrib["lang"])


@pytest.mark.parametrize("outline", ["shipped", "long"])
def test_shortcuts_make_the_deck_python_pptx_and_pyyaml_make(
    outline: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibYAML loading, runs written as XML, workbooks shared by equal charts, slides frozen to
    bytes when finished and the zip written in one pass give the bytes of the plain path:
    PyYAML's Python loader, python-pptx's calls, its save and the deterministic re-zip."""
    from yamldeck.outline import loader
    from yamldeck.render import charts, text

    if outline == "shipped":
        source = with_assets(tmp_path) / "slides.yaml"
        shutil.copy(SHIPPED_OUTLINE, source)
    else:
        source = long_outline(tmp_path, 40)
    made: list[Any] = []
    real_freeze = deck_module.freeze

    def freeze(slide: Any) -> None:
        made.append(slide)
        real_freeze(slide)

    monkeypatch.setattr(deck_module, "freeze", freeze)
    fast = tmp_path / "fast.pptx"
    yamldeck.build_deck(source, fast)
    assert made and loader.compose_fast(source.read_text(encoding="utf-8"), 40) is not None
    with monkeypatch.context() as patch:
        patch.setattr(loader, "compose_fast", lambda text, depth: None)
        patch.setattr(text, "plain_run", reference_run)
        patch.setattr(notes_module, "plain_run", reference_run)
        patch.setattr(charts._Numbers, "xlsx_blob",
                      property(lambda self: self._workbook_writer.xlsx_blob))
        patch.setattr(deck_module, "freeze", lambda slide: None)
        patch.setattr(deck_module, "package_members", lambda prs: None)  # python-pptx's save
        yamldeck.build_deck(source, tmp_path / "plain.pptx")
    fast_parts, plain_parts = members(fast), members(tmp_path / "plain.pptx")
    assert list(fast_parts) == list(plain_parts)
    assert [n for n in fast_parts if fast_parts[n] != plain_parts[n]] == []
    assert fast.read_bytes() == (tmp_path / "plain.pptx").read_bytes()
    if outline == "long":
        assert sum(n.startswith("ppt/embeddings/") for n in fast_parts) >= 3
    validate_pptx(fast)


def test_relationship_xml_is_python_pptx_s_for_any_target() -> None:
    """Written directly when every value is plain; '&', spaces or non-ASCII take python-pptx's."""
    from pptx import Presentation

    from yamldeck.render.members import rels_xml

    prs = Presentation()
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    targets = ["https://example.org/a_(b)?c=1", "mailto:a@b.nz", "https://x.org/?a=1&b=2",
               "https://x.org/a b", "https://māori.nz/", 'https://x.org/"q"']
    for target in targets:
        run = slide.shapes.add_textbox(0, 0, 10, 10).text_frame.paragraphs[0].add_run()
        run.text = target
        run.hyperlink.address = target
    for rels in (slide.part.rels, prs.part.rels, prs.part.package._rels):
        assert rels_xml(rels) == rels.xml
    assert b"&amp;" in slide.part.rels.xml and len(slide.part.rels) == len(targets) + 1
