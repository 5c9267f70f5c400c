"""Validation of well-formed YAML into the outline: every problem located, named and explained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from helpers import listing, strip_markup, validate_pptx
from pptx import Presentation

import yamldeck
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

HEAD = "deck:\n  title: A\nslides:\n"
KINDS = (
    "agenda, bullets, chart, closing, columns, number, picture, process, quote, section, "
    "statement, table, timeline, title"
)
NO_CONTENT = (
    "add 'bullets:' (or 'contacts:', 'columns:', 'number:', 'statement:', 'chart:', 'image:', "
    "'rows:', 'csv:', 'quote:', 'items:', 'events:', 'steps:'), or make it a divider with "
    "'kind: section'"
)
SLIDES = "slides:\n  - title: X\n    bullets:\n      - a\n"

# (id, outline, ["LINE:COL: message", ...])
BAD_OUTLINES = [
    (
        "unknown-slide-key-did-you-mean",
        HEAD + "  - title: Aims\n    bullet:\n      - a\n",
        ["5:5: slide 1 'Aims': unknown key 'bullet' on a slide (did you mean 'bullets'?)"],
    ),
    (
        "unknown-key-on-a-bullets-slide",
        HEAD + "  - title: Aims\n    bullets:\n      - a\n    imgae: x.png\n",
        [
            "7:5: slide 1 'Aims': unknown key 'imgae' on a bullets slide; "
            "allowed: bullets, footnotes, kind, "
            "language, layout, notes, overflow, reveal, source, title; "
            "'image' belongs on picture "
            "slides"
        ],
    ),
    (
        "unknown-deck-key-did-you-mean",
        "deck:\n  title: A\n  presentr: B\n" + SLIDES,
        [
            "3:3: deck: unknown key 'presentr' here (did you mean 'presenter'?); allowed: "
            "affiliation, date, footer, footer_date, language, layouts, logo, overflow, presenter, "
            "reveal, slide_numbers, subtitle, template, theme, title"
        ],
    ),
    (
        "unknown-theme-key",
        "deck:\n  title: A\n  theme:\n    colors:\n      primari: 112233\n" + SLIDES,
        [
            "5:7: deck: unknown key 'primari' in 'colors' (did you mean 'primary'?); "
            "allowed: accent, background, muted, primary, text"
        ],
    ),
    (
        "unknown-top-key",
        "deck:\n  title: A\nslide:\n  - title: X\n    bullets:\n      - a\n",
        [
            "3:1: unknown key 'slide' at the top of the outline (did you mean 'slides'?); "
            "allowed: deck, slides",
        ],
    ),
    (
        "unknown-kind-did-you-mean",
        HEAD + "  - kind: bulets\n    title: Aims\n    bullets:\n      - a\n",
        [
            "4:11: slide 1 'Aims': unknown kind 'bulets' (did you mean 'bullets'?); "
            f"allowed: {KINDS}"
        ],
    ),
    (
        "misplaced-key-bullets-on-statement",
        HEAD + "  - kind: statement\n    title: Aims\n    statement: S\n    bullets:\n      - a\n",
        [
            "7:5: slide 1 'Aims': unknown key 'bullets' on a statement slide; allowed: "
            "footnotes, kind, "
            "language, layout, notes, source, statement, title; 'bullets' belongs on "
            "bullets or picture slides"
        ],
    ),
    (
        "misplaced-key-caption-on-section",
        HEAD + "  - kind: section\n    title: Part 2\n    caption: c\n",
        [
            "6:5: slide 1 'Part 2': unknown key 'caption' on a section slide; allowed: "
            "footnotes, kind, "
            "language, layout, notes, source, subtitle, title; 'caption' belongs on number "
            "or picture or chart slides"
        ],
    ),
    ("missing-title", HEAD + "  - bullets:\n      - a\n", ["4:5: slide 1: missing 'title:'"]),
    (
        "missing-title-on-section",
        HEAD + "  - title: X\n    bullets:\n      - a\n  - kind: section\n    subtitle: s\n",
        ["7:5: slide 2: missing 'title:'"],
    ),
    (
        "empty-title",
        HEAD + "  - title:\n    bullets:\n      - a\n",
        ["4:11: slide 1: 'title' must be a text, but found nothing"],
    ),
    (
        "only-a-title",
        HEAD + "  - title: Aims\n",
        [f"4:5: slide 1 'Aims' has no content: {NO_CONTENT}"],
    ),
    (
        "one-column",
        HEAD + "  - title: Sides\n    columns:\n      - bullets:\n          - a\n",
        ["6:7: slide 1 'Sides': 'columns' must list exactly two columns (found 1)"],
    ),
    (
        "three-columns",
        HEAD
        + "  - title: Sides\n    columns:\n      - text: a\n      - text: b\n      - text: c\n",
        ["6:7: slide 1 'Sides': 'columns' must list exactly two columns (found 3)"],
    ),
    (
        "empty-column",
        HEAD + "  - title: Sides\n    columns:\n      - heading: H\n      - text: b\n",
        ["6:9: slide 1 'Sides': column 1 is empty; give it 'bullets:' or 'text:'"],
    ),
    (
        "bad-colour",
        "deck:\n  title: A\n  theme:\n    colors:\n      primary: blue\n" + SLIDES,
        ["5:16: deck: 'blue' is not a colour; write six hex digits such as 1B2A41"],
    ),
    (
        "bad-language",
        "deck:\n  title: A\n  language: English\n" + SLIDES,
        ["3:13: deck: 'English' is not a language tag; write one such as en-NZ or fr-FR"],
    ),
    (
        "bad-boolean",
        "deck:\n  title: A\n  slide_numbers: maybe\n" + SLIDES,
        ["3:18: deck: 'slide_numbers' must be true or false, not 'maybe'"],
    ),
    (
        "link-without-scheme",
        HEAD + "  - title: Links\n    bullets:\n      - see [the site](www.example.org)\n",
        [
            "6:9: slide 1 'Links': link address 'www.example.org' must start with https://, "
            "http:// or mailto: (for example https://www.example.org)"
        ],
    ),
    (
        "link-with-ftp-scheme",
        HEAD + "  - title: Links\n    statement: Get [the file](ftp://example.org/f.txt)\n",
        [
            "5:16: slide 1 'Links': 'statement' link address 'ftp://example.org/f.txt' must start "
            "with https://, http:// or mailto: (for example https://example.org/f.txt)"
        ],
    ),
    (
        "link-without-address",
        HEAD + "  - title: Links\n    bullets:\n      - see [the site]()\n",
        ["6:9: slide 1 'Links': a link has no address: write [text](https://...)"],
    ),
    (
        "empty-bullet",
        HEAD + "  - title: Aims\n    bullets:\n      -\n",
        ["6:8: slide 1 'Aims': an empty bullet; write text after the '- ' or delete the line"],
    ),
    (
        "parent-without-children",
        HEAD + "  - title: Aims\n    bullets:\n      - Parent:\n",
        [
            "6:9: slide 1 'Aims': the bullet 'Parent:' ends with ':' but has no sub-bullets "
            "indented under it; put the text in quotes or add sub-bullets"
        ],
    ),
    (
        "slide-as-plain-text",
        HEAD + "  - Hello\n",
        ["4:5: slide 1 must be keys such as 'title:' and 'bullets:': write '- title: Hello'"],
    ),
    (
        "top-level-list",
        "- a\n- b\n",
        ["1:1: the outline must be keys 'deck:' and 'slides:', but the file holds a list"],
    ),
    ("deck-missing", SLIDES, ["1:1: missing 'deck:' with at least the deck's 'title:'"]),
    (
        "slides-not-a-list",
        "deck:\n  title: A\nslides: Intro\n",
        ["3:9: 'slides:' must be a list of slides, each starting with '- title:'"],
    ),
]

SEVERAL = (
    "deck:\n"  # 1
    "  title: A\n"  # 2
    "  language: English\n"  # 3
    "slides:\n"  # 4
    "  - title: Intro\n"  # 5
    "    bullet:\n"  # 6
    "      - a\n"  # 7
    "  - kind: bulets\n"  # 8
    "    title: '**Why** now'\n"  # 9
    "  - title: Empty\n"  # 10
    "  - kind: section\n"  # 11
    "    title: Part 2\n"  # 12
    "    caption: c\n"  # 13
)
SEVERAL_EXPECTED = [
    "3:13: deck: 'English' is not a language tag; write one such as en-NZ or fr-FR",
    "6:5: slide 1 'Intro': unknown key 'bullet' on a slide (did you mean 'bullets'?)",
    f"8:11: slide 2 'Why now': unknown kind 'bulets' (did you mean 'bullets'?); allowed: {KINDS}",
    f"10:5: slide 3 'Empty' has no content: {NO_CONTENT}",
    "13:5: slide 4 'Part 2': unknown key 'caption' on a section slide; allowed: footnotes, "
    "kind, "
    "language, layout, notes, source, subtitle, title; 'caption' belongs on number or picture or "
    "chart slides",
]


def located(path: Path, problems: list[str]) -> list[str]:
    """'LINE:COL: message' -> 'PATH:LINE:COL: error: message'."""
    return [f"{path}:{where.replace(': ', ': error: ', 1)}" for where in problems]


def problems_for(path: Path) -> list[str]:
    with pytest.raises(yamldeck.OutlineError) as caught:
        yamldeck.load_outline(path)
    assert caught.value.exit_code == 1
    return [p.format() for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "problems"), [pytest.param(t, p, id=name) for name, t, p in BAD_OUTLINES]
)
def test_bad_outline_gives_exact_located_messages(
    tmp_path: Path, text: str, problems: list
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    assert problems_for(outline) == located(outline, problems)


def test_several_problems_are_reported_together_sorted_by_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(SEVERAL, encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"previous deck")
    before = listing(tmp_path)
    expected = located(outline, SEVERAL_EXPECTED)
    assert problems_for(outline) == expected

    assert main(["build", str(outline)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == expected + ["5 problems; nothing was written"]
    assert listing(tmp_path) == before


def test_duplicate_keys_are_all_reported(tmp_path: Path) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        "deck:\n  title: A\n  title: B\nslides:\n  - title: X\n    title: Y\n"
        "    bullets:\n      - a\n",
        encoding="utf-8",
    )
    assert problems_for(outline) == located(
        outline,
        [
            "3:3: deck: 'title' is given twice (first on line 2); keep one of them",
            "6:5: slide 1 'X': 'title' is given twice (first on line 5); keep one of them, or, "
            "if it starts a new slide, put '- ' before it, lined up with the other slides' '- '",
        ],
    )


def _every_message() -> list[tuple[str, list[str]]]:
    return [(text, problems) for _, text, problems in BAD_OUTLINES] + [(SEVERAL, SEVERAL_EXPECTED)]


def test_every_message_is_located_and_names_its_slide(tmp_path: Path) -> None:
    """FILE:LINE:COL: error: first; a slide with a title is named `slide N 'Title'` (no markup)."""
    outline = tmp_path / "slides.yaml"
    shape = re.compile(rf"^{re.escape(str(outline))}:(\d+):(\d+): error: (.+)$")
    for text, _problems in _every_message():
        outline.write_text(text, encoding="utf-8")
        for line in problems_for(outline):
            match = shape.match(line)
            assert match, line
            message = match.group(3)
            slide = re.match(r"slide (\d+)", message)
            if slide:
                number = int(slide.group(1))
                title = _title_of_slide(text, number)
                if title is not None:
                    assert message.startswith(f"slide {number} '{title}'"), (message, title)


def _title_of_slide(text: str, number: int) -> str | None:
    slides = yaml.safe_load(text)["slides"]
    raw = slides[number - 1]
    if not isinstance(raw, dict) or not isinstance(raw.get("title"), str):
        return None
    return strip_markup(raw["title"])


def test_a_valid_outline_checks_ok(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outline = tmp_path / "talk.yaml"
    outline.write_text(
        "deck:\n  title: A\n  language: en-NZ\nslides:\n  - title: X\n    bullets:\n      - a\n",
        encoding="utf-8",
    )
    assert main(["check", str(outline)]) == 0
    assert capsys.readouterr() == (f"{outline}: ok (1 slide)\n", "")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["talk.yaml"]


def test_control_character_escape_is_left_out_with_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        HEAD + '  - title: Aims\n    bullets:\n      - "a\\x07b"\n', encoding="utf-8"
    )
    warning = (
        f"{outline}:6:9: warning: slide 1 'Aims': this text contains the invisible control "
        "character U+0007 (bell), from an escape such as \\x07 or \\a; it is left out of the "
        "deck: delete the escape"
    )
    language = (f"{outline}:2:3: warning: deck: no 'language:' is given, so spell-checkers and "
                "screen readers will assume en-GB; add e.g. 'language: en-NZ'")
    assert main(["build", str(outline)]) == 0
    out, err = capsys.readouterr()
    assert err == language + "\n" + warning + "\n"
    assert out.startswith(f"wrote {tmp_path / 'slides.pptx'} (1 slide) in ")
    deck = tmp_path / "slides.pptx"
    validate_pptx(deck)
    body = [s for s in Presentation(str(deck)).slides[0].placeholders if s.placeholder_format.idx]
    assert [p.text for p in body[0].text_frame.paragraphs] == ["ab"]

    before = listing(tmp_path)
    assert main(["build", "--strict", str(outline)]) == 1
    out, err = capsys.readouterr()
    strict = f"{language}\n{warning}\n".replace(": warning: ", ": error: ")
    assert (out, err) == ("", strict + "2 problems; nothing was written\n")
    assert listing(tmp_path) == before
