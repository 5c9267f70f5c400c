"""Markdown talks (pandoc's and Marp's) read into outline data, validated and built.

Each construct has its exact expected outline data (as yamldeck's loader reads the written
outline back: every value a text, rows as lists). The talks under tests/data/decks/pandoc/sources
(the Markdown pandoc made the corpus decks from) are imported and built too.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from yamldeck.errors import YamldeckError
from yamldeck.importer.assets import AssetFolder
from yamldeck.importer.markdown import located, read_markdown
from yamldeck.importer.mdslides import NO_ALT
from yamldeck.importer.reader import Imported
from yamldeck.importer.writer import write_outline
from yamldeck.outline.loader import parse_document
from yamldeck.outline.validate import validate_document

SOURCES = Path(__file__).resolve().parent / "data" / "decks" / "pandoc" / "sources"
BARS = SOURCES / "images" / "bars.png"


def read(tmp_path: Path, text: str, pictures: tuple[str, ...] = ()) -> Imported:
    (tmp_path / "talk.md").write_text(text, encoding="utf-8")
    for name in pictures:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(BARS, tmp_path / name)
    assets = AssetFolder(tmp_path / "out" / "assets", "assets")
    imported = read_markdown(tmp_path / "talk.md", "talk.md", assets)
    imported.assets = assets  # type: ignore[attr-defined]  # for the tests that look
    return imported


def data(imported: Imported) -> dict[str, Any]:
    """The outline's data as written and read back, checked to validate; notes as yamldeck
    reads them (a blank line between paragraphs, the lines of one joined)."""
    text = write_outline(imported.draft)
    document = parse_document(text.encode("utf-8"), "talk.yaml")
    validate_document(document)
    found, wanted = _notes_read(document.data), _notes_read(imported.draft.plain_data())
    assert found == wanted
    return found


def _notes_read(outline: dict[str, Any]) -> dict[str, Any]:
    for slide in outline["slides"]:
        if "notes" in slide:
            paragraphs = re.split(r"\n\s*\n", slide["notes"].strip())
            slide["notes"] = "\n\n".join(" ".join(p.split()) for p in paragraphs)
    return outline


def slides(tmp_path: Path, text: str, pictures: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    return list(data(read(tmp_path, text, pictures))["slides"])


def test_front_matter_gives_deck_and_a_title_slide(tmp_path: Path) -> None:
    found = data(read(tmp_path, """---
title: "Rain: where it goes"
subtitle: A short talk
author: [Ana Silva, Ben Ho]
institute: Water Board
date: 2025-03-05
lang: en-NZ
---

# First

- a point
"""))
    assert found["deck"] == {"title": "Rain: where it goes", "subtitle": "A short talk",
                             "presenter": "Ana Silva, Ben Ho", "affiliation": "Water Board",
                             "date": "2025-03-05", "language": "en-NZ"}
    assert found["slides"] == [{"kind": "title"},
                               {"kind": "bullets", "title": "First", "bullets": ["a point"]}]


def test_pandoc_title_block(tmp_path: Path) -> None:
    found = data(read(tmp_path, "% The Talk\n% Ana Silva; Ben Ho\n% May 2025\n\n# One\n\nText "
                                "of *one*.\n"))
    assert found["deck"] == {"title": "The Talk", "presenter": "Ana Silva, Ben Ho",
                             "date": "May 2025"}
    assert found["slides"][1] == {"kind": "statement", "title": "One",
                                  "statement": "Text of *one*."}


def test_no_front_matter_the_first_heading_is_the_decks_title(tmp_path: Path) -> None:
    found = data(read(tmp_path, "## Why\n\n- because\n"))
    assert found["deck"] == {"title": "Why"}
    assert found["slides"] == [{"kind": "bullets", "title": "Why", "bullets": ["because"]}]


def test_slide_level_is_the_highest_heading_followed_by_content(tmp_path: Path) -> None:
    text = "# Part one\n\n## Slide A\n\n- a\n\n## Slide B\n\n- b\n\n# Part two\n\n## Slide C\n\n" \
           "- c\n\n### Detail\n\n- d\n"
    assert slides(tmp_path, text) == [
        {"kind": "section", "title": "Part one"},
        {"kind": "bullets", "title": "Slide A", "bullets": ["a"]},
        {"kind": "bullets", "title": "Slide B", "bullets": ["b"]},
        {"kind": "section", "title": "Part two"},
        # A heading below the slide level is a bullet with what follows it under it.
        {"kind": "bullets", "title": "Slide C", "bullets": ["c", {"Detail": ["d"]}]},
    ]


def test_level_one_slides_and_rules_between_them(tmp_path: Path) -> None:
    text = "# One\n\n- a\n\n---\n\n- untitled\n\n# Two\n\n# Three\n\n- c\n"
    imported = read(tmp_path, text)
    assert data(imported)["slides"] == [
        {"kind": "bullets", "title": "One", "bullets": ["a"]},
        {"kind": "bullets", "title": "Slide 2", "bullets": ["untitled"]},
        {"kind": "section", "title": "Two"},
        {"kind": "bullets", "title": "Three", "bullets": ["c"]},
    ]
    assert imported.draft.slides[1].remarks == {
        "title": "the Markdown slide has no heading: give it a title"}
    assert imported.draft.slides[0].comments == ["Line 1."]


def test_nested_lists_keep_their_levels(tmp_path: Path) -> None:
    text = "# Lists\n\n- one\n    - two\n        - three\n    - two again\n- one again\n\n" \
           "1. first\n2. second\n   - under second\n"
    assert slides(tmp_path, text)[0]["bullets"] == [
        {"one": [{"two": ["three"]}, "two again"]},
        "one again",
        "first",
        {"second": ["under second"]},
    ]


def test_notes_from_divs_and_comments(tmp_path: Path) -> None:
    text = """# Notes

- point

::: notes
First paragraph
over two lines.

- a listed note
:::

<!-- notes: a comment note -->

<!-- a plain comment is a note too -->
"""
    assert slides(tmp_path, text)[0]["notes"] == (
        "First paragraph over two lines.\n\n- a listed note\n\na comment note\n\n"
        "a plain comment is a note too")


def test_inline_markup_and_links(tmp_path: Path) -> None:
    text = "# Inline\n\n- **bold**, *italic*, ***both*** and [a link](https://example.org)\n" \
           "- `code` and ~~struck~~ text, a star: 2 \\* 3\n- [relative](other.md) link\n"
    imported = read(tmp_path, text)
    assert data(imported)["slides"][0]["bullets"] == [
        "**bold**, *italic*, ***both*** and [a link](https://example.org)",
        "code and struck text, a star: 2 * 3",
        "relative link",
    ]
    assert imported.warnings == ["line 5: the link to 'other.md' is kept as plain text (an "
                                 "outline links only to web and mail addresses)"]


def test_markup_characters_in_text_are_escaped(tmp_path: Path) -> None:
    found = slides(tmp_path, "# Escapes\n\nA \\*starred\\* word and [brackets]\n")
    assert found[0] == {"kind": "statement", "title": "Escapes",
                        "statement": "A \\*starred\\* word and \\[brackets\\]"}


def test_picture_with_alt_text_is_copied_into_the_assets(tmp_path: Path) -> None:
    imported = read(tmp_path, "# Chart\n\n![Monthly totals, highest in May](img/bars.png "
                              "\"Source: the ledger\")\n", ("img/bars.png",))
    assert data(imported)["slides"] == [{
        "kind": "picture", "title": "Chart", "image": "assets/slide-01.png",
        "alt": "Monthly totals, highest in May", "caption": "Source: the ledger"}]
    assert imported.assets.files == {"slide-01.png": BARS.read_bytes()}  # type: ignore[attr-defined]
    assert imported.pictures == 1


def test_picture_beside_bullets_and_a_lone_line_as_caption(tmp_path: Path) -> None:
    text = "# Beside\n\n![Bars](bars.png){width=60%}\n\n- one\n- two\n\n# Captioned\n\n" \
           "![Bars](bars.png)\n\nThe same bars again.\n"
    assert slides(tmp_path, text, ("bars.png",)) == [
        {"kind": "picture", "title": "Beside", "image": "assets/slide-01.png", "alt": "Bars",
         "bullets": ["one", "two"]},
        {"kind": "picture", "title": "Captioned", "image": "assets/slide-01.png", "alt": "Bars",
         "caption": "The same bars again."},
    ]


def test_a_missing_picture_is_a_warning_with_its_line(tmp_path: Path) -> None:
    imported = read(tmp_path, "# Photo\n\nSome words first,\nthen ![A bridge](photos/bridge.jpg)"
                              " inline.\n")
    assert data(imported)["slides"] == [{"kind": "statement", "title": "Photo",
                                         "statement": "Some words first, then inline."}]
    looked = (tmp_path / "photos" / "bridge.jpg").resolve()
    assert imported.warnings == [
        f"line 4: picture 'photos/bridge.jpg' not found (looked for {looked}; there is no "
        f"folder {looked.parent}); the slide is made without it"]


def test_warnings_are_located_at_their_line(tmp_path: Path) -> None:
    imported = read(tmp_path, "# Photo\n\n![A bridge](bridge.jpg)\n\n- a [link](x.md)\n")
    assert [p.format() for p in located(imported.warnings, "talk.md")] == [
        f"talk.md:3: warning: picture 'bridge.jpg' not found (looked for "
        f"{(tmp_path / 'bridge.jpg').resolve()}); the slide is made without it",
        "talk.md:5: warning: the link to 'x.md' is kept as plain text (an outline links only to "
        "web and mail addresses)",
    ]


def test_pictures_that_cannot_go_on_a_slide(tmp_path: Path) -> None:
    (tmp_path / "drawing.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    text = "# A\n\n![web](https://example.org/x.png)\n\n# B\n\n![outside](../x.png)\n\n" \
           "# C\n\n![drawing](drawing.svg)\n"
    imported = read(tmp_path, text)
    assert [s["kind"] for s in data(imported)["slides"]] == ["section"] * 3
    assert imported.warnings[0] == (
        "line 3: picture 'https://example.org/x.png' is a web address; download it beside the "
        "Markdown file, write its file name, and import again; the slide is made without it")
    assert imported.warnings[1].startswith("line 7: picture '../x.png' is outside the Markdown "
                                           "file's folder (")
    assert imported.warnings[2].startswith("line 11: picture 'drawing.svg' is an SVG drawing, "
                                           "which yamldeck does not place; export it as PNG")


def test_a_picture_without_alt_text_says_so(tmp_path: Path) -> None:
    imported = read(tmp_path, "# Sign\n\n![](bars.png)\n", ("bars.png",))
    assert data(imported)["slides"][0]["alt"] == NO_ALT
    assert imported.draft.slides[0].remarks == {
        "alt": "the Markdown gives no alt text: say what the picture shows"}
    assert imported.warnings == ["line 3: picture 'bars.png' has no alt text; the outline says "
                                 "so in 'alt:' until you describe the picture"]


def test_pipe_table_with_header_and_alignment(tmp_path: Path) -> None:
    text = "# Results\n\n| Team | Score | Note |\n|:-----|------:|:----:|\n| Reds | 12 | " \
           "**best** |\n| Blues | 9 | |\n\n::: notes\nScores from May.\n:::\n"
    assert slides(tmp_path, text) == [{
        "kind": "table", "title": "Results",
        "rows": [["Team", "Score", "Note"], ["Reds", "12", "**best**"], ["Blues", "9", ""]],
        "align": ["left", "right", "center"], "notes": "Scores from May."}]


def test_unaligned_table_and_text_beside_it(tmp_path: Path) -> None:
    imported = read(tmp_path, "# T\n\nIntro line.\n\n| a | b |\n|---|---|\n| 1 | x |\n")
    assert data(imported)["slides"] == [{
        "kind": "table", "title": "T", "rows": [["a", "b"], ["1", "x"]],
        "notes": "Text from the slide that the outline has no place for:\n\nIntro line."}]
    assert imported.warnings == ["slide 1: its text beside the table is not in a place the "
                                 "outline has; it is added to the speaker notes"]


def test_columns_with_headings(tmp_path: Path) -> None:
    text = """# Compare

:::: columns
::: column
**Before**

- slow
- manual
:::
::: column
After

- fast
:::
::::
"""
    assert slides(tmp_path, text) == [{
        "kind": "columns", "title": "Compare",
        "columns": [{"heading": "Before", "bullets": ["slow", "manual"]},
                    {"heading": "After", "bullets": ["fast"]}]}]


def test_fenced_divs_nest_with_fences_of_one_length(tmp_path: Path) -> None:
    text = "# Same\n\n::: columns\n::: column\nLeft text.\n:::\n::: {.column width=\"40%\"}\n" \
           "Right text.\n:::\n:::\n\n::: notes\nAfter the columns.\n:::\n"
    assert slides(tmp_path, text) == [{
        "kind": "columns", "title": "Same",
        "columns": [{"text": "Left text."}, {"text": "Right text."}],
        "notes": "After the columns."}]


def test_three_columns_are_bullets(tmp_path: Path) -> None:
    text = "# Three\n\n::: columns\n::: column\nA\n:::\n::: column\nB\n:::\n::: column\nC\n" \
           ":::\n:::\n"
    imported = read(tmp_path, text)
    assert data(imported)["slides"][0]["bullets"] == ["A", "B", "C"]
    assert imported.warnings == ["line 3: 3 columns: a columns slide has two; they are bullets "
                                 "here"]


def test_quote_and_statement(tmp_path: Path) -> None:
    text = "# Said\n\n> Less is more.\n> -- Mies\n\n# Point\n\nOne idea, shown large.\n"
    assert slides(tmp_path, text) == [
        {"kind": "quote", "title": "Said", "quote": "Less is more.", "attribution": "Mies"},
        {"kind": "statement", "title": "Point", "statement": "One idea, shown large."},
    ]


def test_code_block_lines_are_bullets(tmp_path: Path) -> None:
    imported = read(tmp_path, "# Run\n\n```bash\nmake\nmake *install*\n```\n")
    assert data(imported)["slides"][0]["bullets"] == ["make", "make \\*install\\*"]
    assert imported.draft.slides[0].comments[-1] == (
        "A code block's lines are bullets here (an outline has no code blocks).")


def test_marp_slides_split_at_rules_with_directives_and_notes(tmp_path: Path) -> None:
    text = """---
marp: true
paginate: true
footer: Offsite 2025
---

<!-- _class: lead -->
# Review

Sales and support

---

## Numbers

- up 12%

<!-- Mention renewals. -->

---

![bg left](bars.png)

## Chart

- monthly totals

---

# Thanks
"""
    imported = read(tmp_path, text, ("bars.png",))
    found = data(imported)
    assert found["deck"] == {"title": "Review", "footer": "Offsite 2025"}
    assert found["slides"] == [
        {"kind": "title", "title": "Review", "subtitle": "Sales and support"},
        {"kind": "bullets", "title": "Numbers", "bullets": ["up 12%"],
         "notes": "Mention renewals."},
        {"kind": "picture", "title": "Chart", "image": "assets/slide-03.png", "alt": NO_ALT,
         "bullets": ["monthly totals"], "side": "left"},
        {"kind": "section", "title": "Thanks"},
    ]


def test_marp_background_and_heading_divider(tmp_path: Path) -> None:
    text = "---\nmarp: true\nheadingDivider: 2\n---\n\n## One\n\n![bg](bars.png)\n\nBig words" \
           ".\n\n## Two\n\n- b\n"
    assert slides(tmp_path, text, ("bars.png",)) == [
        {"kind": "picture", "title": "One", "image": "assets/slide-01.png",
         "decorative": "true", "fit": "fill", "caption": "Big words."},
        {"kind": "bullets", "title": "Two", "bullets": ["b"]},
    ]


@pytest.mark.parametrize(("text", "message"), [
    ("", "talk.md: error: 'talk.md' has no slides: start each slide with a heading ('## Title') "
         "or separate slides with a line of '---'"),
    ("---\ntitle: [unclosed\n---\n\n# A\n", "talk.md:2: error: the lines between the first two "
     "'---' are read as front matter (YAML such as 'title: My talk'), but are not valid YAML "
     "(expected ',' or ']', but got '<stream end>'); fix them, or start the file with a blank "
     "line if they are a slide"),
    ("---\n- a slide?\n---\n", "talk.md:1: error: the lines between the first two '---' are read "
     "as front matter, but they are not keys such as 'title: My talk'; start the file with a "
     "blank line if they are a slide"),
])
def test_files_that_are_no_talk(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(YamldeckError) as caught:
        read(tmp_path, text)
    assert [p.format() for p in caught.value.problems] == [message]


def test_not_utf8_and_not_found(tmp_path: Path) -> None:
    (tmp_path / "talk.md").write_bytes(b"# Caf\xe9\n\n- ok\n")
    assets = AssetFolder(tmp_path / "assets", "assets")
    with pytest.raises(YamldeckError) as caught:
        read_markdown(tmp_path / "talk.md", "talk.md", assets)
    assert caught.value.problems[0].format() == (
        "talk.md:1: error: 'talk.md' is not UTF-8 text (byte 0xE9); save it with UTF-8 encoding "
        "and import again")
    with pytest.raises(YamldeckError) as caught:
        read_markdown(tmp_path / "nope.md", "nope.md", assets)
    assert caught.value.problems[0].format() == "error: Markdown file 'nope.md' not found"


@pytest.mark.parametrize("name", ["community-garden", "bridge-inspection", "onboarding",
                                  "exam-study", "release-notes"])
def test_the_corpus_talks_import_and_build(tmp_path: Path, name: str) -> None:
    assets = AssetFolder(tmp_path / "assets", "assets")
    imported = read_markdown(SOURCES / f"{name}.md", f"{name}.md", assets)
    outline = tmp_path / f"{name}.yaml"
    outline.write_text(write_outline(imported.draft), encoding="utf-8")
    assets.write([])
    built = subprocess.run([sys.executable, "-m", "yamldeck", "build", str(outline)],
                           capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    assert (tmp_path / f"{name}.pptx").is_file()
