"""The shipped outline (slides.yaml, the MTCR briefing) built into a deck and read back.

Expectations come from the outline parsed with yaml.safe_load and from the briefing it was written
from (tests/data/seed: the talk's source text and its facts), never from yamldeck's own code.
"""

from __future__ import annotations

import re
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest
import yaml
from helpers import (
    IN_CI,
    SEED,
    SHARED,
    SHIPPED_FILES,
    SHIPPED_OUTLINE,
    VALIDATOR,
    Built,
    build_file,
    content_placeholders,
    copy_shipped,
    files_in,
    flatten_bullets,
    link_addresses,
    normalise_space,
    notes_paragraphs,
    of_type,
    paragraphs,
    slide_number_fields,
    slide_text,
    strip_markup,
    text_runs_xml,
    title_shape,
    validate_pptx,
)
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

pytestmark = pytest.mark.usefixtures("decks_validated")

EMU_16_9 = (12192000, 6858000)
NON_CONTENT_KINDS = ("title", "section", "closing")
# The seed README's permitted tidy-ups of garbled source lines: (as in the seed, as allowed).
TIDY_UPS = [
    ("non-proliferation mechanisms.", "non-proliferation mechanism."),
    (
        "Membership allows partners to play an active role in curbing global missile "
        "non-proliferation threat and set international standard for",
        "Membership allows partners to play an active role in curbing the global missile "
        "proliferation threat and setting international standards",
    ),
    ("Focusses", "Focuses"),
]


@pytest.fixture(scope="module")
def outline() -> dict[str, Any]:
    return yaml.safe_load(SHIPPED_OUTLINE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def deck(tmp_path_factory: pytest.TempPathFactory) -> Built:
    folder = tmp_path_factory.mktemp("mtcr")
    built = build_file(copy_shipped(folder))  # validated inside
    assert built.path == folder / "slides.pptx"
    return built


# Titles a slide kind shows when the outline gives none (documented in the outline reference).
DEFAULT_TITLES = {"agenda": "Agenda", "closing": "Thank you"}


def expected_title(raw: dict[str, Any], outline: dict[str, Any]) -> str:
    kind = raw.get("kind")
    default = outline["deck"]["title"] if kind == "title" else DEFAULT_TITLES.get(kind)
    return strip_markup(raw.get("title") or default)


def pairs(deck: Built, outline: dict[str, Any]) -> list[tuple[Any, dict[str, Any]]]:
    """(slide, its outline entry) for every slide."""
    return list(zip(deck.prs.slides, outline["slides"], strict=True))


def _words(text: str) -> str:
    """Case and punctuation are not wording: compare the sequence of words."""
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


# --- structure -----------------------------------------------------------------------------------


def test_one_slide_per_outline_slide_in_16_9(deck: Built, outline: dict[str, Any]) -> None:
    assert len(outline["slides"]) >= 10  # the seed talk's ten slides, and any the outline adds
    assert len(deck.prs.slides) == len(outline["slides"])
    assert deck.result.slides == len(outline["slides"])
    width, height = deck.prs.slide_width, deck.prs.slide_height
    assert abs(width - EMU_16_9[0]) <= 1000 and abs(height - EMU_16_9[1]) <= 1000, (width, height)


def test_titles_are_the_outline_titles_in_real_title_placeholders(
    deck: Built, outline: dict[str, Any]
) -> None:
    for number, (slide, raw) in enumerate(pairs(deck, outline), start=1):
        title = title_shape(slide)  # exactly one TITLE or CENTER_TITLE placeholder
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text == expected_title(raw, outline), f"slide {number}"
    assert title_shape(deck.prs.slides[0]).text_frame.text == outline["deck"]["title"]


def test_bullet_slides_have_the_outline_bullets_and_levels(
    deck: Built, outline: dict[str, Any]
) -> None:
    bullet_slides = [(slide, raw) for slide, raw in pairs(deck, outline) if "bullets" in raw]
    assert len(bullet_slides) == 6  # the seed talk's six bullet slides
    for slide, raw in bullet_slides:
        (body,) = content_placeholders(slide)
        assert paragraphs(body) == flatten_bullets(raw["bullets"]), raw["title"]


def test_every_line_of_the_seed_talk_is_in_the_deck(deck: Built, outline: dict[str, Any]) -> None:
    """Keep the presenter's wording: every seed line (bar three permitted tidy-ups) is on a slide.

    Compared as words (case and punctuation are presentation, not wording). A URL the seed writes as
    <https://...> is a link: its words are not required on the slide, but the deck must link to it.
    """
    seed = (SEED / "mtcr-briefing-talk.txt").read_text(encoding="utf-8")
    readme = normalise_space((SEED / "README.md").read_text(encoding="utf-8"))
    for garbled, tidied in TIDY_UPS:
        assert garbled in seed and garbled.split()[0] in readme
        seed = seed.replace(garbled, tidied)
    deck_words = " " + " ".join(_words(t) for s in deck.prs.slides for t in slide_text(s)) + " "
    links = {a for s in deck.prs.slides for a in link_addresses(s)}
    missing, unlinked, bullet_lines = [], [], 0
    for line in seed.splitlines():
        line = normalise_space(line)
        if not line:
            continue
        bullet_lines += line.startswith("- ")
        line = line.removeprefix("- ").replace("*", "")
        for url in re.findall(r"<(https?://[^>]+)>", line):
            if url not in links:
                unlinked.append(url)
        words = _words(re.sub(r"<https?://[^>]+>", " ", line))
        if f" {words} " not in deck_words:
            missing.append(line)
    outline_points = sum(
        len(raw.get("bullets", [])) + len(raw.get("contacts", [])) for raw in outline["slides"]
    )
    assert bullet_lines == outline_points  # one outline point per seed bullet line
    assert not unlinked, f"seed links missing from the deck: {unlinked}"
    assert not missing, "seed lines whose wording is not on any slide:\n" + "\n".join(missing)


def test_membership_slide_lists_all_35_partners(deck: Built, outline: dict[str, Any]) -> None:
    readme = normalise_space((SEED / "README.md").read_text(encoding="utf-8"))
    listed = re.search(r"The 35 partners: (.*?)\. ", readme)
    assert listed
    partners = [name.strip() for name in listed.group(1).split(",")]
    assert len(partners) == len(set(partners)) == 35
    (index,) = [
        i for i, raw in enumerate(outline["slides"]) if "membership" in raw.get("title", "").lower()
    ]
    texts = slide_text(deck.prs.slides[index])
    assert "35" in texts
    assert "countries from all around the world" in texts
    assert [t for t in texts if t in partners] == partners  # each once, in the README's order


def test_history_timeline_follows_membership_with_the_seed_facts(
    deck: Built, outline: dict[str, Any]
) -> None:
    """The Regime's history as a timeline, after the membership slide, from the seed's facts."""
    readme = normalise_space((SEED / "README.md").read_text(encoding="utf-8"))
    kinds = [raw["kind"] for raw in outline["slides"]]
    index = kinds.index("timeline")
    assert kinds[index - 1] == "number" and "membership" in outline["slides"][index - 1]["title"]
    events = outline["slides"][index]["events"]
    founders = re.search(r"established in (April 1987) by (.*?)\. ", readme)
    extended = re.search(r"in (1992-1993) its (Guidelines were extended to delivery systems for "
                         r"all weapons of mass destruction) \((nuclear, chemical and biological)\)",
                         readme)
    india = re.search(r"(India) became the (35th partner) in (2016)", readme)
    assert founders and extended and india
    assert [e["date"] for e in events] == [founders[1], extended[1], india[3]]
    assert events[0]["detail"] == founders[2]
    assert len(founders[2].replace(" and ", ", ").split(", ")) == 7  # "seven countries"
    assert events[1]["label"] == extended[2].replace("were extended", "extended")
    assert events[1]["detail"].lower() == extended[3]
    assert events[2]["label"] == f"{india[1]} became the {india[2]}"
    (group,) = [s for s in deck.prs.slides[index].shapes if "GROUP" in str(s.shape_type)]
    assert group.name == "Timeline"
    assert group._element.find(f".//{qn('p:cNvPr')}").get("descr") == "Timeline: " + "; ".join(
        f"{e['date']} {e['label']}" for e in events)
    dates = [s for s in group.shapes if s.name.startswith("Date ")]
    assert [d.text_frame.text for d in dates] == [e["date"] for e in events]
    assert [d.left for d in dates] == sorted(d.left for d in dates)


def test_agenda_lists_the_content_slides(deck: Built, outline: dict[str, Any]) -> None:
    """Without 'items:' and without section slides, the agenda lists the content slides' titles."""
    kinds = [raw["kind"] for raw in outline["slides"]]
    assert "section" not in kinds
    for slide, raw in pairs(deck, outline):
        if raw["kind"] != "agenda":
            continue
        assert "items" not in raw
        (body,) = content_placeholders(slide)
        expected = [
            strip_markup(other["title"])
            for other in outline["slides"]
            if other["kind"] not in ("title", "agenda", "closing")
        ]
        assert [p.text for p in body.text_frame.paragraphs] == expected


def test_closing_slide_links_to_the_website_and_twitter(deck: Built) -> None:
    addresses = link_addresses(deck.prs.slides[-1])
    assert "https://mtcr.info/" in addresses
    assert any(re.fullmatch(r"https://(www\.)?twitter\.com/mtcr_chair/?", a) for a in addresses), (
        addresses
    )


def test_every_slide_has_the_outline_notes(deck: Built, outline: dict[str, Any]) -> None:
    for number, (slide, raw) in enumerate(pairs(deck, outline), start=1):
        assert raw.get("notes"), f"slide {number} has no notes in the outline"
        assert slide.has_notes_slide, f"slide {number}"
        got = [p.text for p in slide.notes_slide.notes_text_frame.paragraphs]
        assert got == notes_paragraphs(raw["notes"]), f"slide {number}"
        assert all(p.strip() for p in got)


def test_no_placeholder_is_left_empty(deck: Built) -> None:
    for number, slide in enumerate(deck.prs.slides, start=1):
        for shape in slide.placeholders:
            assert shape.has_text_frame and shape.text_frame.text.strip(), (number, shape.name)


def test_content_slides_have_footer_and_slide_number(deck: Built, outline: dict[str, Any]) -> None:
    footer = outline["deck"]["footer"]
    content = 0
    for number, (slide, raw) in enumerate(pairs(deck, outline), start=1):
        footers = of_type(slide, PP_PLACEHOLDER.FOOTER)
        numbers = of_type(slide, PP_PLACEHOLDER.SLIDE_NUMBER)
        if raw["kind"] in NON_CONTENT_KINDS:
            assert footers == [] and numbers == [] and slide_number_fields(slide) == [], number
            continue
        content += 1
        assert [f.text_frame.text for f in footers] == [footer], number
        assert len(numbers) == 1, number
        fields = [f for f in numbers[0]._element.iter(qn("a:fld")) if f.get("type") == "slidenum"]
        assert len(fields) == 1 and len(slide_number_fields(slide)) == 1, number
        assert fields[0].findtext(qn("a:t")) == str(number)
        assert numbers[0].text_frame.text == str(number)
    assert content >= 8  # the seed talk's eight content slides at least


def test_core_properties_come_from_the_outline(deck: Built, outline: dict[str, Any]) -> None:
    props = deck.prs.core_properties
    assert props.title == outline["deck"]["title"]
    assert props.author == outline["deck"]["presenter"]
    assert props.subject == outline["deck"]["subtitle"]


def test_all_text_is_marked_with_the_outline_language(deck: Built, outline: dict[str, Any]) -> None:
    language = outline["deck"]["language"]
    assert language == "en-NZ"
    for number, slide in enumerate(deck.prs.slides, start=1):
        for element in (slide._element, slide.notes_slide._element):
            found = text_runs_xml(element)
            assert found, number
            for run in found:
                rpr = run.find(qn("a:rPr"))
                assert rpr is not None and rpr.get("lang") == language, (
                    number,
                    run.findtext(qn("a:t")),
                )


def test_every_text_run_on_a_slide_has_an_explicit_size(deck: Built) -> None:
    unsized = []
    for number, slide in enumerate(deck.prs.slides, start=1):
        for run in text_runs_xml(slide._element):
            rpr = run.find(qn("a:rPr"))
            if rpr is None or rpr.get("sz") is None:
                unsized.append((number, run.findtext(qn("a:t"))))
    assert not unsized, f"text runs without an explicit size (slide, text): {unsized}"


def test_deck_passes_the_validator(deck: Built) -> None:
    validate_pptx(deck.path)
    assert deck.path.read_bytes()[:4] == b"PK\x03\x04"


def test_building_leaves_the_outline_untouched(deck: Built) -> None:
    assert deck.outline.read_bytes() == SHIPPED_OUTLINE.read_bytes()
    assert files_in(deck.outline.parent) == sorted([*SHIPPED_FILES, "slides.pptx"])


SHARED_VALIDATOR_ABSENT = "../shared/tools/pptx_validate.py is not beside the repository"


def test_shared_validator_runs_where_present(deck: Built, tmp_path: Path) -> None:
    """The team's package validator, beside the checkout in ../shared, checks the shipped deck.

    A clone with nothing beside it skips this (and the run's summary counts the decks the validator
    did not see); with CI=true it must run. Where it runs it must be able to fail: a copy of the
    deck missing a slide part is reported, by the tool and by validate_pptx, which every deck built
    by the tests goes through.
    """
    if not VALIDATOR.is_file():
        if SHARED.exists():
            pytest.fail(f"{SHARED} exists but {VALIDATOR} does not: decks would go unchecked")
        if IN_CI:
            pytest.fail(f"{SHARED_VALIDATOR_ABSENT} (CI=true: CI checks decks with it)")
        pytest.skip(SHARED_VALIDATOR_ABSENT)
    run = subprocess.run(
        [sys.executable, str(VALIDATOR), str(deck.path)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    broken = tmp_path / "broken.bin"  # not *.pptx, so the teardown check leaves it alone
    with zipfile.ZipFile(deck.path) as src, zipfile.ZipFile(broken, "w") as dst:
        for info in src.infolist():
            if info.filename != "ppt/slides/slide3.xml":
                dst.writestr(info, src.read(info.filename))
    failed = subprocess.run(
        [sys.executable, str(VALIDATOR), str(broken)], capture_output=True, text=True, timeout=300
    )
    assert failed.returncode != 0
    assert "points to missing part ppt/slides/slide3.xml" in failed.stdout + failed.stderr
    with pytest.raises(AssertionError, match=r"ppt/slides/slide3\.xml"):
        validate_pptx(broken)
