"""Every slide kind rendered and read back: layouts, placements, inline formatting, links, levels,
theme overrides, footer furniture, and text fitting (shrink in whole points, or a located error)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    Built,
    build_outline,
    flatten_bullets,
    link_addresses,
    listing,
    of_type,
    paragraphs,
    placeholder_at,
    slide_number_fields,
    strip_markup,
    title_shape,
)
from lxml import etree
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn

import yamldeck
import yamldeck.commands.check

pytestmark = pytest.mark.usefixtures("decks_validated")


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin build's own messages; the lints build and check add are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])

KINDS = """\
deck:
  title: All **kinds**
  subtitle: A tour
  presenter: Ann Example
  affiliation: Example Org
  date: 5 March 2024
  footer: Kinds footer
  language: en-NZ
  theme:
    colors:
      primary: "#112233"
      accent: aa5500
    fonts:
      heading: Georgia
      body: Verdana
slides:
  - kind: title
    notes: |
      Opening notes with
      [a link](https://example.org/notes).
  - kind: section
    title: Part one
    subtitle: The start
  - title: Nested bullets
    bullets:
      - Plain **bold** and *italic* and [a link](https://example.org)
      - Parent:
          - Child one
          - Child parent:
              - Grandchild
      - \\*literal\\* stars
  - title: Big statement
    statement: One **big** idea
  - title: Members
    number: "35"
    caption: partners
    details:
      - One
      - Two
  - title: Year
    number: "1987"
    caption: founded
    details: Seven founding countries
  - title: Two columns
    columns:
      - bullets:
          - Left a
          - Left b
      - text: Right text
  - title: Compare
    columns:
      - heading: Before
        bullets:
          - Old way
      - heading: After
        text: New way
  - kind: closing
    subtitle: Questions?
    contacts:
      - "Web: [example.org](https://example.org)"
      - "[Mail](mailto:ann@example.org)"
"""

LAYOUTS = [
    "Title Slide",
    "Section Header",
    "Title and Content",
    "Statement",
    "Big Number",
    "Big Number",
    "Two Content",
    "Comparison",
    "Closing",
]
CONTENT = [False, False, True, True, True, True, True, True, False]

# slide number -> {placeholder idx: paragraph texts}; the title (idx 0) and footer furniture aside,
# these are the only placeholders left on the slide.
PLACEMENTS: dict[int, dict[int, list[str]]] = {
    1: {1: ["A tour"], 13: ["Ann Example", "Example Org", "5 March 2024"]},
    2: {1: ["The start"]},
    3: {
        1: [
            "Plain bold and italic and a link",
            "Parent",
            "Child one",
            "Child parent",
            "Grandchild",
            "*literal* stars",
        ]
    },
    4: {1: ["One big idea"]},
    5: {1: ["35"], 2: ["partners"], 3: ["One", "Two"]},
    6: {1: ["1987"], 2: ["founded"], 3: ["Seven founding countries"]},
    7: {1: ["Left a", "Left b"], 2: ["Right text"]},
    8: {3: ["Before"], 1: ["Old way"], 4: ["After"], 2: ["New way"]},
    9: {13: ["Questions?"], 1: ["Web: example.org", "Mail"]},
}


@pytest.fixture(scope="module")
def kinds(tmp_path_factory: pytest.TempPathFactory) -> Built:
    return build_outline(KINDS, tmp_path_factory.mktemp("kinds"))


@pytest.fixture(scope="module")
def raw() -> dict[str, Any]:
    return yaml.safe_load(KINDS)


# --- reading inherited styles out of the built package -------------------------------------------

# How a placeholder type inherits from the master (ECMA-376 19.7.10): titles from the title, content
# from the body; footer furniture has its own master placeholders.
_MASTER_TYPE = {
    "ctrTitle": "title",
    "title": "title",
    "subTitle": "body",
    "obj": "body",
    "body": "body",
}


def _ph_type(sp: Any) -> str:
    ph = sp.find(f"{qn('p:nvSpPr')}/{qn('p:nvPr')}/{qn('p:ph')}")
    kind = ph.get("type", "obj")
    return _MASTER_TYPE.get(kind, kind)


def _lst(sp: Any, level: int) -> Any:
    return sp.find(f"{qn('p:txBody')}/{qn('a:lstStyle')}/{qn(f'a:lvl{level}pPr')}")


def style_chain(slide: Any, shape: Any, level: int = 1) -> list[Any]:
    """lvlNpPr a slide placeholder inherits, nearest first: slide, layout, master, txStyles."""
    idx = shape.placeholder_format.idx
    layout = slide.slide_layout
    master = layout.slide_master
    kind = _ph_type(shape._element)
    chain = [_lst(shape._element, level)]
    chain += [
        _lst(p._element, level) for p in layout.placeholders if p.placeholder_format.idx == idx
    ]
    chain += [_lst(p._element, level) for p in master.placeholders if _ph_type(p._element) == kind]
    styles = master._element.find(qn("p:txStyles"))
    style = styles.find(qn("p:titleStyle" if kind == "title" else "p:bodyStyle"))
    chain.append(style.find(qn(f"a:lvl{level}pPr")))
    return [element for element in chain if element is not None]


def theme_of(slide: Any) -> Any:
    master = slide.slide_layout.slide_master
    return etree.fromstring(master.part.part_related_by(RT.THEME).blob)


def resolve_colour(slide: Any, colour: Any) -> str:
    """An a:srgbClr or a:schemeClr element as six hex digits, through the master's colour map."""
    if colour.tag == qn("a:srgbClr"):
        return colour.get("val").upper()
    assert colour.tag == qn("a:schemeClr"), colour.tag
    mapping = slide.slide_layout.slide_master._element.find(qn("p:clrMap"))
    name = mapping.get(colour.get("val"), colour.get("val"))
    scheme = theme_of(slide).find(f".//{qn('a:clrScheme')}")
    return scheme.find(qn(f"a:{name}"))[0].get("val").upper()


def inherited(
    slide: Any, shape: Any, path: str, level: int = 1, attribute: str | None = None
) -> Any:
    """The nearest element at ``path`` (having ``attribute``, if given) in the inheritance chain."""
    for element in style_chain(slide, shape, level):
        found = element.find(path)
        if found is not None and (attribute is None or found.get(attribute) is not None):
            return found
    raise AssertionError(f"nothing inherited at {path}")


def text_colour(slide: Any, shape: Any) -> str:
    fill = inherited(slide, shape, f"{qn('a:defRPr')}/{qn('a:solidFill')}")
    return resolve_colour(slide, fill[0])


def typeface(slide: Any, shape: Any) -> str:
    face = inherited(slide, shape, f"{qn('a:defRPr')}/{qn('a:latin')}").get("typeface")
    fonts = theme_of(slide).find(f".//{qn('a:fontScheme')}")
    if face in ("+mj-lt", "+mn-lt"):
        which = "a:majorFont" if face == "+mj-lt" else "a:minorFont"
        face = fonts.find(f"{qn(which)}/{qn('a:latin')}").get("typeface")
    return face


# --- the all-kinds deck --------------------------------------------------------------------------


def test_each_kind_uses_its_layout(kinds: Built) -> None:
    assert [s.slide_layout.name for s in kinds.prs.slides] == LAYOUTS


def test_titles_sit_in_title_placeholders(kinds: Built, raw: dict[str, Any]) -> None:
    expected = [strip_markup(s.get("title", "")) for s in raw["slides"]]
    expected[0] = strip_markup(raw["deck"]["title"])  # the title slide defaults to the deck title
    expected[-1] = "Thank you"  # the closing slide's documented default
    got = [title_shape(s).text_frame.text for s in kinds.prs.slides]
    assert got == expected
    types = [title_shape(s).placeholder_format.type for s in kinds.prs.slides]
    assert types[0] == PP_PLACEHOLDER.CENTER_TITLE
    assert all(t in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE) for t in types)
    assert kinds.prs.core_properties.title == "All kinds"


@pytest.mark.parametrize("number", sorted(PLACEMENTS))
def test_text_goes_into_the_right_placeholders(kinds: Built, number: int) -> None:
    slide = kinds.prs.slides[number - 1]
    expected = PLACEMENTS[number]
    for idx, texts in expected.items():
        assert [p.text for p in placeholder_at(slide, idx).text_frame.paragraphs] == texts, idx
    furniture = {PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER}
    left = sorted(
        p.placeholder_format.idx
        for p in slide.placeholders
        if p.placeholder_format.type not in furniture and p.placeholder_format.idx != 0
    )
    assert left == sorted(expected)
    assert all(p.text_frame.text.strip() for p in slide.placeholders)


def test_bullet_levels_follow_the_nesting(kinds: Built, raw: dict[str, Any]) -> None:
    body = placeholder_at(kinds.prs.slides[2], 1)
    assert [level for _, level in paragraphs(body)] == [0, 0, 1, 1, 2, 0]
    expected = flatten_bullets(raw["slides"][2]["bullets"])
    expected[-1] = ("*literal* stars", 0)  # escaped stars are shown, not read as italics
    assert paragraphs(body) == expected


def _spans(paragraph: Any) -> list[tuple[str, bool, bool, str | None]]:
    return [
        (r.text, r.font.bold is True, r.font.italic is True, r.hyperlink.address)
        for r in paragraph.runs
    ]


def test_inline_bold_italic_and_links(kinds: Built) -> None:
    bullets = placeholder_at(kinds.prs.slides[2], 1).text_frame.paragraphs
    assert _spans(bullets[0]) == [
        ("Plain ", False, False, None),
        ("bold", True, False, None),
        (" and ", False, False, None),
        ("italic", False, True, None),
        (" and ", False, False, None),
        ("a link", False, False, "https://example.org"),
    ]
    assert _spans(bullets[-1]) == [("*literal* stars", False, False, None)]
    statement = placeholder_at(kinds.prs.slides[3], 1).text_frame.paragraphs[0]
    assert _spans(statement) == [
        ("One ", False, False, None),
        ("big", True, False, None),
        (" idea", False, False, None),
    ]
    title = title_shape(kinds.prs.slides[0]).text_frame.paragraphs[0]
    assert _spans(title)[-1] == ("kinds", True, False, None)


def test_links_on_the_closing_slide_and_in_notes(kinds: Built) -> None:
    closing = kinds.prs.slides[-1]
    assert link_addresses(closing) == ["https://example.org", "mailto:ann@example.org"]
    notes = kinds.prs.slides[0].notes_slide.notes_text_frame
    assert notes.text == "Opening notes with a link."
    assert [
        r.hyperlink.address for p in notes.paragraphs for r in p.runs if r.hyperlink.address
    ] == ["https://example.org/notes"]


def test_footer_and_slide_numbers_on_content_slides_only(kinds: Built) -> None:
    for number, (slide, content) in enumerate(zip(kinds.prs.slides, CONTENT, strict=True), start=1):
        footers = [f.text_frame.text for f in of_type(slide, PP_PLACEHOLDER.FOOTER)]
        fields = [f.findtext(qn("a:t")) for f in slide_number_fields(slide)]
        if content:
            assert (footers, fields) == (["Kinds footer"], [str(number)]), number
        else:
            assert (footers, fields) == ([], []), number


def test_theme_overrides_reach_the_deck(kinds: Built) -> None:
    bullets_slide = kinds.prs.slides[2]
    title = title_shape(bullets_slide)
    body = placeholder_at(bullets_slide, 1)
    assert text_colour(bullets_slide, title) == "112233"
    assert typeface(bullets_slide, title) == "Georgia"
    assert typeface(bullets_slide, body) == "Verdana"
    bullet_colour = inherited(bullets_slide, body, f"{qn('a:buClr')}")[0]
    assert resolve_colour(bullets_slide, bullet_colour) == "AA5500"
    # The dark opening slides are painted in the primary colour.
    opening = kinds.prs.slides[0].slide_layout
    fill = opening._element.find(f"{qn('p:cSld')}/{qn('p:bg')}/{qn('p:bgPr')}/{qn('a:solidFill')}")
    assert resolve_colour(kinds.prs.slides[0], fill[0]) == "112233"


# --- deck settings -------------------------------------------------------------------------------

PLAIN = (
    "deck:\n  title: Plain\n{extra}slides:\n  - title: One\n    bullets:\n      - a\n"
    "  - title: Two\n    statement: b\n"
)


def test_no_footer_without_deck_footer(tmp_path: Path) -> None:
    built = build_outline(PLAIN.format(extra=""), tmp_path)
    for number, slide in enumerate(built.prs.slides, start=1):
        assert of_type(slide, PP_PLACEHOLDER.FOOTER) == []
        assert [f.findtext(qn("a:t")) for f in slide_number_fields(slide)] == [str(number)]
    # Without overrides the built-in theme is used: the overrides above really changed something.
    slide = built.prs.slides[0]
    assert text_colour(slide, title_shape(slide)) != "112233"
    assert typeface(slide, title_shape(slide)) != "Georgia"


def test_slide_numbers_false_removes_them(tmp_path: Path) -> None:
    built = build_outline(PLAIN.format(extra="  footer: Foot\n  slide_numbers: false\n"), tmp_path)
    for slide in built.prs.slides:
        assert of_type(slide, PP_PLACEHOLDER.SLIDE_NUMBER) == []
        assert slide_number_fields(slide) == []
        assert [f.text_frame.text for f in of_type(slide, PP_PLACEHOLDER.FOOTER)] == ["Foot"]


def test_footer_text_gets_inline_formatting(tmp_path: Path) -> None:
    """README: inline formatting works anywhere, so the deck footer is no exception."""
    footer = "Example Org | **Outreach** [site](https://example.org)"
    built = build_outline(PLAIN.format(extra=f'  footer: "{footer}"\n'), tmp_path)
    for slide in built.prs.slides:
        (shape,) = of_type(slide, PP_PLACEHOLDER.FOOTER)
        (paragraph,) = shape.text_frame.paragraphs
        assert paragraph.text == strip_markup(footer) == "Example Org | Outreach site"
        assert _spans(paragraph) == [
            ("Example Org | ", False, False, None),
            ("Outreach", True, False, None),
            (" ", False, False, None),
            ("site", False, False, "https://example.org"),
        ]


# --- fitting text --------------------------------------------------------------------------------

WORDS = (
    "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november "
    "oscar papa quebec romeo sierra tango"
).split()


def bullets_outline(count: int, words: int) -> str:
    text = " ".join((WORDS * 3)[:words])
    return "deck:\n  title: Fit\nslides:\n  - title: Too much\n    bullets:\n" + "".join(
        f"      - {text}\n" for _ in range(count)
    )


def test_moderately_long_text_shrinks_in_whole_points(tmp_path: Path) -> None:
    built = build_outline(bullets_outline(9, 20), tmp_path)
    slide = built.prs.slides[0]
    body = placeholder_at(slide, 1)
    nominal = int(inherited(slide, body, qn("a:defRPr"), attribute="sz").get("sz"))
    assert nominal == 2400
    sizes = {r._r.rPr.get("sz") for p in body.text_frame.paragraphs for r in p.runs}
    ends = {p._p.find(qn("a:endParaRPr")).get("sz") for p in body.text_frame.paragraphs}
    assert len(sizes) == 1 and sizes == ends, (sizes, ends)  # one size for the whole frame
    size = int(sizes.pop())
    assert size % 100 == 0, size  # whole points
    assert size < nominal
    assert [p.level for p in body.text_frame.paragraphs] == [0] * 9


def test_short_text_keeps_the_theme_size(tmp_path: Path) -> None:
    built = build_outline(bullets_outline(2, 5), tmp_path)
    slide = built.prs.slides[0]
    body = placeholder_at(slide, 1)
    nominal = inherited(slide, body, qn("a:defRPr"), attribute="sz").get("sz")
    assert {r._r.rPr.get("sz") for p in body.text_frame.paragraphs for r in p.runs} == {nominal}


FIT_MESSAGE = re.compile(
    r"^(?P<file>.+):4:5: error: slide 1 'Too much': the (?P<what>\w+) (?P<verb>needs|need) "
    r"(?P<lines>\d+) lines, (?P<capacity>\d+) fit at the (?P<floor>\d+) pt floor; "
    r"(?P<hint>.+)$"
)


def nominal_pt(kinds: Built, slide: int, idx: int) -> int:
    """The designed (theme) size of level-1 text in placeholder ``idx`` of the all-kinds deck."""
    shape = placeholder_at(kinds.prs.slides[slide], idx)
    found = inherited(kinds.prs.slides[slide], shape, qn("a:defRPr"), attribute="sz")
    return int(found.get("sz")) // 100


def _too_long(tmp_path: Path, text: str) -> tuple[Path, list[str]]:
    outline = tmp_path / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    with pytest.raises(yamldeck.OutlineError) as caught:
        yamldeck.build_deck(outline)
    return outline, [p.format() for p in caught.value.problems]


def test_far_too_long_statement_is_a_located_error(tmp_path: Path, kinds: Built) -> None:
    statement = " ".join(WORDS * 15)
    outline, problems = _too_long(
        tmp_path, f"deck:\n  title: Fit\nslides:\n  - title: Too much\n    statement: {statement}\n"
    )
    (problem,) = problems
    match = FIT_MESSAGE.match(problem)
    assert match, problem
    assert (match["file"], match["what"], match["verb"]) == (str(outline), "statement", "needs")
    assert int(match["lines"]) > int(match["capacity"]) > 0
    # The floor is 60% of the designed size, never below 12 pt (README: Text that fits).
    assert int(match["floor"]) == max(12, round(0.6 * nominal_pt(kinds, 3, 1)))
    assert match["hint"] == "shorten or split it"
    assert [p.name for p in tmp_path.iterdir()] == ["slides.yaml"]


def test_far_too_long_bullets_are_a_located_error_and_keep_the_old_deck(
    tmp_path: Path, kinds: Built
) -> None:
    build_outline(bullets_outline(2, 5), tmp_path)
    before = listing(tmp_path)
    outline, problems = _too_long(tmp_path, bullets_outline(40, 40))
    (problem,) = problems
    match = FIT_MESSAGE.match(problem)
    assert match, problem
    assert (match["file"], match["what"], match["verb"]) == (str(outline), "bullets", "need")
    assert int(match["lines"]) >= 40 > int(match["capacity"]) > 0
    assert int(match["floor"]) == max(12, round(0.6 * nominal_pt(kinds, 2, 1)))
    assert match["hint"] == (
        "shorten or split them, or add 'overflow: continue' to the slide to carry the rest onto "
        "a new slide"
    )
    after = listing(tmp_path)
    assert after.pop("slides.yaml") != before.pop("slides.yaml")
    assert after == before  # the previous deck is intact and nothing else was written
