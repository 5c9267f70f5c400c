"""Edge cases a careful user hits: deep bullets, a lone " #", empty content, quotes, links."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from helpers import listing, run_cli
from pptx import Presentation

pytestmark = pytest.mark.usefixtures("decks_validated")

HEAD = "deck:\n  title: T\n  language: en-NZ\nslides:\n"
REPO = Path(__file__).resolve().parent.parent


def _nested(levels: int) -> str:
    """A bullets slide whose bullets are nested ``levels`` deep (the leaf on the last level)."""
    lines = ["  - title: Deep", "    bullets:"]
    indent = 6
    for level in range(levels - 1):
        lines.append(" " * indent + f"- level {level}:")
        indent += 4
    lines.append(" " * indent + "- leaf")
    return HEAD + "\n".join(lines) + "\n"


def _built(tmp_path: Path, outline: str, *warnings: str) -> Any:
    """Build ``outline`` with the CLI: exit 0, nothing on stderr but ``warnings`` (the lints'
    lines, as `check` prints them); the deck, reopened."""
    (tmp_path / "slides.yaml").write_text(outline, encoding="utf-8")
    run = run_cli(["build"], tmp_path)
    assert (run.code, run.err.splitlines()) == (0, list(warnings)), run.err
    return Presentation(str(tmp_path / "slides.pptx"))


def _refused(tmp_path: Path, outline: str, *, command: str = "build") -> str:
    """Build (or check) ``outline`` over an existing deck: exit 1, deck untouched; the errors."""
    (tmp_path / "slides.yaml").write_text(outline, encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"the previous deck")
    before = listing(tmp_path)
    run = run_cli([command], tmp_path)
    assert (run.code, run.out) == (1, ""), run.err
    assert listing(tmp_path) == before
    return run.err


def test_bullets_nested_nine_levels_build_with_levels_0_to_8(tmp_path: Path) -> None:
    density = ("slides.yaml:5:5: warning: slide 1 'Deep': 9 bullet points on one slide (more than "
               "7); keep the key points and move the rest to the notes or another slide")
    body = _built(tmp_path, _nested(9), density).slides[0].placeholders[1]
    assert [(p.text, p.level) for p in body.text_frame.paragraphs] == [
        *((f"level {n}", n) for n in range(8)),
        ("leaf", 8),
    ]


@pytest.mark.parametrize("command", ["build", "check"])
def test_bullets_nested_ten_levels_are_a_located_error_not_a_crash(
    tmp_path: Path, command: str
) -> None:
    err = _refused(tmp_path, _nested(10), command=command)
    assert err == (
        "slides.yaml:16:43: error: slide 1 'Deep': these sub-bullets are nested 10 levels deep; "
        "PowerPoint shows at most 9 levels of bullets: indent them less, or make them a new "
        "slide\n"
    )


def test_a_lone_hash_ending_a_text_is_a_warning_and_kept_out(tmp_path: Path) -> None:
    outline = HEAD + "  - title: We are number #\n    statement: Call us on ext. #\n"
    (tmp_path / "slides.yaml").write_text(outline, encoding="utf-8")
    warnings = (
        "slides.yaml:5:26: warning: slide 1 'We are number': YAML reads ' #' as the start of a "
        "comment, so this text ends at 'We are number' and '#' is left out; if it belongs to the "
        'text, put the whole text in quotes: - title: "We are number #"\n'
        "slides.yaml:6:32: warning: slide 1 'We are number': YAML reads ' #' as the start of a "
        "comment, so this text ends at 'Call us on ext.' and '#' is left out; if it belongs to "
        'the text, put the whole text in quotes: statement: "Call us on ext. #"\n'
    )
    run = run_cli(["check"], tmp_path)
    assert (run.code, run.err) == (0, warnings)
    assert run.out == "slides.yaml: ok (1 slide, 2 warnings)\n"
    run = run_cli(["build"], tmp_path)
    assert (run.code, run.err) == (0, warnings)
    slide = Presentation(str(tmp_path / "slides.pptx")).slides[0]
    assert slide.shapes.title.text == "We are number"
    run = run_cli(["build", "--strict"], tmp_path)
    assert run.code == 1
    assert run.err.startswith("slides.yaml:5:26: error: slide 1 'We are number': YAML reads ' #'")


def test_a_deliberate_comment_after_a_text_is_not_a_warning(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(
        HEAD + "  - title: Aims   # the first slide\n    statement: Go  ##\n", encoding="utf-8"
    )
    run = run_cli(["check"], tmp_path)
    assert (run.code, run.err, run.out) == (0, "", "slides.yaml: ok (1 slide)\n")


@pytest.mark.parametrize(
    ("line", "where"),
    [
        ('    statement: ""', "6:16: error: slide 1 'X': 'statement'"),
        ('    statement: "   "', "6:16: error: slide 1 'X': 'statement'"),
        ('    number: ""', "6:13: error: slide 1 'X': 'number'"),
        ('    quote: ""', "6:12: error: slide 1 'X': 'quote'"),
    ],
)
def test_the_text_a_slide_exists_to_show_cannot_be_empty(
    tmp_path: Path, line: str, where: str
) -> None:
    err = _refused(tmp_path, HEAD + "  - title: X\n" + line + "\n")
    assert err == f"slides.yaml:{where} is empty; write its text, or delete the slide\n"


@pytest.mark.parametrize(
    ("bullet", "column", "fix"),
    [
        ('- "quoted" then more', 18, "- '\"quoted\" then more'"),
        ('- "Focuses on:" more', 23, "- '\"Focuses on:\" more'"),
        ('- "He said "hi" to me"', 19, "- 'He said \"hi\" to me'"),
        ("- 'Joe's' car", 14, "- \"'Joe's' car\""),
        ('- "quoted" then more  # a note', 18, "- '\"quoted\" then more'"),
    ],
)
def test_more_text_after_a_quoted_text_gets_a_fix_that_keeps_every_character(
    tmp_path: Path, bullet: str, column: int, fix: str
) -> None:
    err = _refused(tmp_path, HEAD + "  - title: X\n    bullets:\n      " + bullet + "\n")
    typed, other = bullet[2], "'" if bullet[2] == '"' else '"'
    assert err == (
        f"slides.yaml:7:{column}: error: the quoted text ends at the second {typed} and more text "
        f"follows; to show a {typed} inside a text, put the whole text in {other} quotes instead: "
        f"{fix}\n"
    )


def test_the_suggested_fix_is_valid_and_shows_the_text_as_typed(tmp_path: Path) -> None:
    outline = HEAD + "  - title: X\n    bullets:\n      - '\"quoted\" then more'\n"
    body = _built(tmp_path, outline).slides[0].placeholders[1]
    assert body.text_frame.text == '"quoted" then more'


def test_link_addresses_may_hold_parentheses(tmp_path: Path) -> None:
    outline = (
        HEAD + "  - title: X\n    bullets:\n"
        '      - "See [the article](https://en.wikipedia.org/wiki/Delivery_(system)) (2024)"\n'
    )
    paragraph = _built(tmp_path, outline).slides[0].placeholders[1]
    runs = paragraph.text_frame.paragraphs[0].runs
    assert [(r.text, r.hyperlink.address) for r in runs] == [
        ("See ", None),
        ("the article", "https://en.wikipedia.org/wiki/Delivery_(system)"),
        (" (2024)", None),
    ]


@pytest.mark.parametrize("char", [">", "|"])
def test_a_text_starting_with_a_block_indicator_gets_a_quoting_fix(
    tmp_path: Path, char: str
) -> None:
    err = _refused(tmp_path, HEAD + f"  - title: X\n    bullets:\n      - {char} quote\n")
    assert err == (
        f"slides.yaml:7:9: error: YAML reads '{char}' at the start of a text as the start of a "
        f"block of lines; to show the '{char}', put the whole text in quotes: - \"{char} quote\"\n"
    )


@pytest.mark.parametrize(
    ("name", "what"),
    [
        ("deck.pptx", "a zip package (a PowerPoint .pptx, a Word .docx or similar)"),
        ("photo.png", "a PNG picture"),
    ],
)
def test_a_deck_or_picture_given_as_the_outline_is_named_for_what_it_is(
    tmp_path: Path, name: str, what: str
) -> None:
    if name == "deck.pptx":  # a deck yamldeck built
        (tmp_path / "slides.yaml").write_text(_nested(2), encoding="utf-8")
        assert run_cli(["build", "-o", "deck.pptx"], tmp_path).code == 0
    else:  # a picture
        (tmp_path / name).write_bytes((REPO / "docs" / "contact-sheet.png").read_bytes())
    before = listing(tmp_path)
    run = run_cli(["build", name, "-o", "out.pptx"], tmp_path)
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"{name}:1:1: error: this file is {what}, not an outline; give the .yaml outline of the "
        "talk, e.g. yamldeck build slides.yaml\n"
    )
    assert listing(tmp_path) == before


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_an_outline_saved_as_utf16_without_a_byte_order_mark_builds_as_if_utf8(
    tmp_path: Path, encoding: str
) -> None:
    # (the Chinese phrase marked as Chinese: unmarked in an English deck, check would warn)
    text = _nested(3).replace("level 0", "Café – “quoted” ✓ [一　二]{lang=zh-CN}")
    (tmp_path / "a.yaml").write_text(text, encoding="utf-8")
    (tmp_path / "b.yaml").write_bytes(text.encode(encoding))
    for name in ("a", "b"):
        run = run_cli(["build", f"{name}.yaml"], tmp_path)
        assert (run.code, run.err) == (0, "")
    assert (tmp_path / "a.pptx").read_bytes() == (tmp_path / "b.pptx").read_bytes()
    body = Presentation(str(tmp_path / "b.pptx")).slides[0].placeholders[1]
    assert body.text_frame.paragraphs[0].text == "Café – “quoted” ✓ 一　二"


def test_three_stars_make_text_bold_and_italic(tmp_path: Path) -> None:
    outline = HEAD + '  - title: X\n    bullets:\n      - "a ***key*** point, **bold** and *it*"\n'
    body = _built(tmp_path, outline).slides[0].placeholders[1]
    runs = body.text_frame.paragraphs[0].runs
    assert [(r.text, r.font.bold, r.font.italic) for r in runs] == [
        ("a ", None, None),
        ("key", True, True),
        (" point, ", None, None),
        ("bold", True, None),
        (" and ", None, None),
        ("it", None, True),
    ]


def test_slides_after_continued_ones_keep_their_own_number_in_messages(tmp_path: Path) -> None:
    """Bullets carried onto '(cont.)' slides do not shift the numbers of the slides after them."""
    rows = "".join(f"      - [Row {i}, {i}]\n" for i in range(120))
    points = "".join(
        f"      - Point number {i} with a few more words to take up a line of the frame\n"
        for i in range(30)
    )
    outline = (
        HEAD + "  - title: Table\n    rows:\n      - [Name, Value]\n" + rows
        + "  - title: Many\n    overflow: continue\n    bullets:\n" + points
        + "  - title: Bad\n    statement: " + " ".join(["word"] * 400) + "\n"
    )
    err = _refused(tmp_path, outline)
    assert err == (  # the lints name the slides as the errors do: by their place in the file
        "slides.yaml:128:5: warning: slide 2 'Many': 30 bullet points on one slide (more than 7); "
        "keep the key points and move the rest to the notes or another slide\n"
        "slides.yaml:128:5: warning: slide 2 'Many': 480 words on one slide (more than 60, title "
        "not counted); say the rest and put it in the notes\n"
        "slides.yaml:161:5: warning: slide 3 'Bad': 400 words on one slide (more than 60, title "
        "not counted); say the rest and put it in the notes\n"
        "slides.yaml:161:5: error: slide 3 'Bad': the statement needs 29 lines, 10 fit at the "
        "22 pt floor; shorten or split it\n"
    )
    bad = outline.replace("statement: " + " ".join(["word"] * 400), "statement: Fine")
    (tmp_path / "slides.yaml").write_text(bad, encoding="utf-8")
    run = run_cli(["build"], tmp_path)
    assert run.code == 0, run.err
    titles = [s.shapes.title.text for s in Presentation(str(tmp_path / "slides.pptx")).slides]
    assert titles.count("Many") == 1 and "Many (cont.)" in titles and titles[-1] == "Bad"


@pytest.mark.parametrize("command", ["build", "check"])
def test_missing_alt_text_is_listed_with_the_outlines_other_problems(
    tmp_path: Path, command: str
) -> None:
    outline = (
        HEAD + "  - title: A\n    bullets:\n      - a\n    fit: whole\n"
        "  - title: Pic\n    image: photo.png\n"
    )
    err = _refused(tmp_path, outline, command=command)
    assert err == (
        "slides.yaml:8:5: error: slide 1 'A': unknown key 'fit' on a bullets slide; allowed: "
        "bullets, footnotes, kind, "
        "language, layout, notes, overflow, reveal, source, title; 'fit' belongs "
        "on picture slides\n"
        "slides.yaml:10:12: error: slide 2 'Pic': the picture 'photo.png' has no alt text; add "
        "'alt:' saying what it shows, for screen-reader users (or 'decorative: true' if it only "
        "decorates)\n"
        "2 problems; nothing was written\n"
    )


@pytest.mark.parametrize(
    ("kind", "data", "message"),
    [
        ("column", '[[Region, N], [Europe, ""], [Asia, ""]]',
         "'data' has no numbers, so the chart would be empty; fill in the values"),
        ("pie", '[[Region, N], [Europe, ""], [Asia, ""]]',
         "'data' has no numbers, so the chart would be empty; fill in the values"),
        ("pie", "[[Region, N], [Europe, 0], [Asia, 0]]",
         "'data' has only zeros, which a pie chart cannot divide into slices; fill in the values "
         "or choose a column or bar chart"),
    ],
)
def test_a_chart_with_nothing_to_draw_is_refused(
    tmp_path: Path, kind: str, data: str, message: str
) -> None:
    outline = (
        HEAD + f"  - title: C\n    chart:\n      type: {kind}\n"
        f"      data: {data}\n"
    )
    assert _refused(tmp_path, outline) == f"slides.yaml:8:13: error: slide 1 'C': {message}\n"


def test_a_column_chart_of_zeros_still_builds(tmp_path: Path) -> None:
    outline = (
        HEAD + "  - title: C\n    chart:\n      type: column\n"
        "      data: [[Region, Incidents], [Europe, 0], [Asia, 0]]\n"
    )
    chart = next(s for s in _built(tmp_path, outline).slides[0].shapes if s.has_chart).chart
    assert list(chart.plots[0].series[0].values) == [0.0, 0.0]


def _wide_table(columns: int, word: str) -> str:
    header = ", ".join(f"{word}{i}" for i in range(1, columns + 1))
    row = ", ".join(str(i * 1000) for i in range(1, columns + 1))
    return HEAD + f"  - title: Wide\n    rows:\n      - [{header}]\n      - [{row}]\n"


def test_a_table_of_many_columns_is_set_smaller_rather_than_break_words(tmp_path: Path) -> None:
    from yamldeck.layout.measure import get_measurer
    from yamldeck.render.kinds.table import MARGIN_X_PT

    small = ("slides.yaml:5:5: warning: slide 1 'Wide': the table was shrunk to 11 pt to fit, "
             "below the 14 pt minimum for reading from the back of a room; shorten it")
    table = next(s for s in _built(tmp_path, _wide_table(12, "Population"), small).slides[0].shapes
                 if s.has_table).table
    size = table.cell(0, 0).text_frame.paragraphs[0].runs[0].font.size.pt
    assert 10 <= size < 14  # smaller than a table of few columns, not below the floor
    measurer = get_measurer()
    for c, column in enumerate(table.columns):
        word = table.cell(0, c).text
        assert word == f"Population{c + 1}"
        need = measurer.text_width_pt(word, size, True, False) + 2 * MARGIN_X_PT
        assert column.width / 12700 >= need  # the header word fits its column on one line


def _table_size(prs: Any) -> float:
    table = next(s for s in prs.slides[0].shapes if s.has_table).table
    return table.cell(0, 0).text_frame.paragraphs[0].runs[0].font.size.pt


def test_words_too_long_for_any_column_are_left_to_the_viewer_at_the_usual_size(
    tmp_path: Path,
) -> None:
    """A web address longer than its column even at the floor: the table is not shrunk for it
    (nothing would keep it whole) and builds as a table of few columns does."""
    address = "https://www.example.org/" + "a" * 80
    outline = (HEAD + "  - title: U\n    rows:\n      - [Document, Address, Also at]\n"
               f"      - [Guidelines, {address}, {address}b]\n")
    raw = [f"slides.yaml:8:{column}: warning: slide 1 'U': '{url}' is a raw web address in the "
           "text, which screen readers spell out; make it a link with words: [the page's name]"
           f"({url})" for column, url in ((22, address), (128, address + "b"))]
    assert _table_size(_built(tmp_path, outline, *raw)) == 18


def test_hyphenated_words_may_break_after_their_hyphens(tmp_path: Path) -> None:
    cells = ", ".join(["Missile-Technology-Control"] * 5)
    outline = HEAD + f"  - title: H\n    rows:\n      - [{cells}]\n      - [{cells}]\n"
    assert _table_size(_built(tmp_path, outline)) == 18  # not shrunk: 'Missile-' is a piece


def test_a_row_too_tall_names_the_size_it_was_measured_at(tmp_path: Path) -> None:
    header = ", ".join(f"Population{i}" for i in range(1, 13))
    tall = ", ".join(["x"] * 11 + ['"' + " ".join(["word"] * 900) + '"'])
    outline = HEAD + f"  - title: Wide\n    rows:\n      - [{header}]\n      - [{tall}]\n"
    err = _refused(tmp_path, outline)
    assert err == (
        "slides.yaml:5:5: error: slide 1 'Wide': a row of the table is too tall for a slide even "
        "at 11 pt; shorten its text or give its column more room with 'widths:'\n"
    )


def test_check_warns_when_a_table_is_set_below_the_reading_size(tmp_path: Path) -> None:
    (tmp_path / "slides.yaml").write_text(_wide_table(12, "Population"), encoding="utf-8")
    run = run_cli(["check"], tmp_path)
    warning = (
        "slides.yaml:5:5: warning: slide 1 'Wide': the table was shrunk to 11 pt to fit, below "
        "the 14 pt minimum for reading from the back of a room; shorten it\n"
    )
    assert (run.code, run.err, run.out) == (0, warning, "slides.yaml: ok (1 slide, 1 warning)\n")
    strict = run_cli(["check", "--strict"], tmp_path)
    assert strict.code == 1
    assert strict.err == warning.replace("warning:", "error:")
    few = HEAD + "  - title: Small\n    rows:\n      - [A, B]\n      - [1, 2]\n"
    (tmp_path / "slides.yaml").write_text(few, encoding="utf-8")
    assert run_cli(["check"], tmp_path).err == ""


@pytest.mark.parametrize(
    ("lines", "where", "fix"),
    [
        ("    rows: [[a, b: c], [d, e]]\n", "6:16: error: slide 1 'T': 'rows' row 1, cell 2",
         '"b: c"'),
        ("    rows:\n      - [a, b: c]\n      - [d, e]\n",
         "7:13: error: slide 1 'T': 'rows' row 1, cell 2", '- [a, "b: c"]'),
        ("    kind: agenda\n    items: [a,\n      b: c]\n",
         "8:7: error: slide 1 'T': item 2 of 'items'", '"b: c"'),
    ],
)
def test_the_quoting_fix_inside_brackets_is_valid_where_it_goes(
    tmp_path: Path, lines: str, where: str, fix: str
) -> None:
    err = _refused(tmp_path, HEAD + "  - title: T\n" + lines)
    assert err == (
        f"slides.yaml:{where} contains ': ', which YAML reads as a key and its value; put the "
        f"whole text in quotes: {fix}\n"
    )
