"""The package self-check: sound decks pass, each corruption is named, builds refuse them."""

from __future__ import annotations

import io
import re
import warnings
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers import SHIPPED_OUTLINE, build_file, listing, validate_pptx

import yamldeck.commands.rendering
from yamldeck.cli import main
from yamldeck.errors import EXIT_BUG
from yamldeck.package.integrity import IntegrityError, package_issues, verify_package

pytestmark = pytest.mark.usefixtures("decks_validated")

OUTLINE = """\
deck:
  title: Integrity
  language: en-NZ
slides:
  - title: First
    bullets:
      - one
  - title: Second
    bullets:
      - two
    notes: Some notes.
"""


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    folder = tmp_path_factory.mktemp("integrity")
    (folder / "slides.yaml").write_text(OUTLINE, encoding="utf-8")
    built = build_file(folder / "slides.yaml")
    return built.path.read_bytes()


def rewrite(
    data: bytes,
    edit: Callable[[str, bytes], bytes | None] = lambda n, b: b,
    extra: tuple[tuple[str, bytes], ...] = (),
) -> bytes:
    """The package with each member passed through ``edit`` (None drops it), then ``extra``."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w") as dst,
        warnings.catch_warnings(),
    ):
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate names made on purpose
        for name in src.namelist():
            payload = edit(name, src.read(name))
            if payload is not None:
                dst.writestr(name, payload)
        for name, payload in extra:
            dst.writestr(name, payload)
    return out.getvalue()


def only(name: str, change: Callable[[bytes], bytes]) -> Callable[[str, bytes], bytes]:
    return lambda member, payload: change(payload) if member == name else payload


def sub(pattern: str, replacement: str, count: int = 1) -> Callable[[bytes], bytes]:
    def change(payload: bytes) -> bytes:
        text, n = re.subn(pattern, replacement, payload.decode("utf-8"), count=count)
        assert n, f"{pattern!r} not found"
        return text.encode("utf-8")

    return change


def test_a_built_deck_and_the_mtcr_deck_are_sound(deck: bytes, tmp_path: Path) -> None:
    assert list(package_issues(deck)) == []
    mtcr = build_file(SHIPPED_OUTLINE, tmp_path / "mtcr.pptx")
    assert list(package_issues(mtcr.path.read_bytes())) == []
    verify_package(deck)  # returns quietly


def test_a_member_stored_twice(deck: bytes) -> None:
    broken = rewrite(deck, extra=(("ppt/slides/slide1.xml", b"<x/>"),))
    assert list(package_issues(broken)) == ["ppt/slides/slide1.xml: stored 2 times in the zip"]


def test_a_part_without_content_type(deck: bytes) -> None:
    broken = rewrite(
        deck,
        only("[Content_Types].xml", sub(r'<Override PartName="/ppt/slides/slide2.xml"[^>]*/>', "")),
    )
    # Without its override the slide falls back to the package's default for .xml.
    assert list(package_issues(broken)) == [
        "ppt/slides/slide2.xml: has the content type application/xml, not application/"
        "vnd.openxmlformats-officedocument.presentationml.slide+xml"
    ]
    unknown = rewrite(deck, extra=(("ppt/media/image9.xyz", b"?"),))
    assert list(package_issues(unknown)) == [
        "ppt/media/image9.xyz: has no content type in [Content_Types].xml",
        "ppt/media/image9.xyz: no relationship refers to this part (an orphan)",
    ]


def test_a_content_type_for_a_missing_part(deck: bytes) -> None:
    broken = rewrite(
        deck,
        only(
            "[Content_Types].xml",
            sub(
                "</Types>",
                '<Override PartName="/ppt/slides/slide9.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>',
            ),
        ),
    )
    assert list(package_issues(broken)) == [
        "[Content_Types].xml: names the part /ppt/slides/slide9.xml, which is not in the package"
    ]


def test_a_relationship_to_a_missing_part(deck: bytes) -> None:
    broken = rewrite(
        deck,
        only(
            "ppt/slides/_rels/slide1.xml.rels",
            sub(
                r'Target="\.\./slideLayouts/slideLayout(\d+)\.xml"',
                'Target="../slideLayouts/gone.xml"',
            ),
        ),
    )
    issues = list(package_issues(broken))
    assert issues[0].startswith("ppt/slides/_rels/slide1.xml.rels: rId")
    assert issues[0].endswith("points to ../slideLayouts/gone.xml, which is not in the package")
    assert len(issues) == 1


def test_a_reference_without_a_relationship(deck: bytes) -> None:
    broken = rewrite(
        deck,
        only(
            "ppt/slides/slide1.xml",
            sub("<a:hlinkClick|<p:cNvPr ", '<p:cNvPr descr="x" r:id="rId77" '),
        ),
    )
    assert list(package_issues(broken)) == [
        "ppt/slides/slide1.xml: refers to relationship rId77, which "
        "ppt/slides/_rels/slide1.xml.rels does not define"
    ]


def test_a_dangling_slide(deck: bytes) -> None:
    broken = rewrite(
        deck, only("ppt/presentation.xml", sub(r'<p:sldId id="257" r:id="(\w+)"/>', ""))
    )
    issues = list(package_issues(broken))
    assert len(issues) == 1
    assert re.fullmatch(
        r"ppt/presentation\.xml: slide slides/slide2\.xml \(rId\d+\) is related but "
        r"not in the slide list \(dangling\)",
        issues[0],
    ), issues


def test_a_slide_listed_twice(deck: bytes) -> None:
    broken = rewrite(
        deck,
        only(
            "ppt/presentation.xml",
            sub(r'(<p:sldId id="256" r:id="(\w+)"/>)', r'\1<p:sldId id="300" r:id="\2"/>'),
        ),
    )
    issues = list(package_issues(broken))
    assert len(issues) == 1
    assert re.fullmatch(
        r"ppt/presentation\.xml: slide relationship rId\d+ is listed 2 times in the "
        r"slide list",
        issues[0],
    ), issues


def test_duplicate_shape_ids_on_a_slide(deck: bytes) -> None:
    def same_ids(payload: bytes) -> bytes:
        return re.sub(rb'<p:cNvPr id="\d+"', b'<p:cNvPr id="2"', payload)

    broken = rewrite(deck, only("ppt/slides/slide1.xml", same_ids))
    issues = list(package_issues(broken))
    assert len(issues) == 1
    assert re.fullmatch(r"ppt/slides/slide1\.xml: shape id 2 is used by \d shapes", issues[0])


def test_an_orphan_part(deck: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(deck)) as package:
        slide = package.read("ppt/slides/slide1.xml")
    broken = rewrite(
        deck,
        only(
            "[Content_Types].xml",
            sub(
                "</Types>",
                '<Override PartName="/ppt/slides/slide7.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.presentationml.slide+xml"/></Types>',
            ),
        ),
        extra=(("ppt/slides/slide7.xml", slide),),
    )
    assert list(package_issues(broken)) == [
        "ppt/slides/slide7.xml: no relationship refers to this part (an orphan)"
    ]


def test_malformed_xml_and_not_a_zip(deck: bytes) -> None:
    broken = rewrite(deck, only("ppt/slides/slide2.xml", lambda payload: payload[:-20]))
    (issue,) = package_issues(broken)
    assert issue.startswith("ppt/slides/slide2.xml: not well-formed XML (")
    assert list(package_issues(b"PK not really")) == [
        "the package is not a readable zip file (File is not a zip file)"
    ]


def test_verify_package_raises_an_internal_error_listing_the_issues(deck: bytes) -> None:
    broken = rewrite(deck, extra=(("ppt/slides/slide1.xml", b"<x/>"),))
    with pytest.raises(IntegrityError) as caught:
        verify_package(broken)
    assert caught.value.exit_code == EXIT_BUG == 70
    assert [p.message for p in caught.value.problems] == [
        "internal error: the built deck failed its integrity check: "
        "ppt/slides/slide1.xml: stored 2 times in the zip",
        "internal error: yamldeck will not write a deck PowerPoint would have to repair; nothing "
        "was written. This is a bug in yamldeck, not in your outline: please report it with the "
        "outline",
    ]


def test_a_build_that_fails_the_check_exits_70_and_keeps_the_old_deck(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(OUTLINE, encoding="utf-8")
    assert main(["build", str(outline)]) == 0
    validate_pptx(tmp_path / "slides.pptx")
    before = listing(tmp_path)
    package = yamldeck.commands.rendering.deterministic_bytes

    def corrupting(data: bytes, *, epoch: int) -> bytes:  # as if yamldeck wrote a shape id twice
        return rewrite(
            package(data, epoch=epoch),
            only(
                "ppt/slides/slide2.xml",
                lambda p: re.sub(rb'<p:cNvPr id="\d+"', b'<p:cNvPr id="5"', p),
            ),
        )

    monkeypatch.setattr(yamldeck.commands.rendering, "deterministic_bytes", corrupting)
    capsys.readouterr()
    outline.write_text(OUTLINE.replace("two", "three"), encoding="utf-8")
    assert main(["build", str(outline)]) == EXIT_BUG
    err = capsys.readouterr().err
    assert err.startswith(
        "error: internal error: the built deck failed its integrity check: "
        "ppt/slides/slide2.xml: shape id 5 is used by "
    )
    assert "nothing was written. This is a bug in yamldeck" in err
    assert "Traceback" not in err
    after = listing(tmp_path)
    assert after.pop("slides.yaml") != before.pop("slides.yaml")
    assert after == before  # the previous deck is untouched
