"""Messages that point at the real mistake: a bullet without its '- ', a slide pasted left of the
others, a Windows path in double quotes, and every slide's syntax error in one run.

Each case pins every line on stderr and the exit code of `yamldeck build` (or `check`), and
proves the deck from the previous build and the outline are byte-identical afterwards.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import CliRun, assert_no_traceback, build_outline, listing, title_shape

import yamldeck.commands.check
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

HEAD = "deck:\n  title: Talk\nslides:\n"
GOOD = HEAD + "  - title: Aims\n    bullets:\n      - one\n"
SLIDE = "  - title: Next\n    bullets:\n      - two\n"


@pytest.fixture(scope="module")
def previous_deck(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real deck, built and validated once, that each test puts beside its broken outline."""
    return build_outline(GOOD, tmp_path_factory.mktemp("previous")).path.read_bytes()


@pytest.fixture
def project(tmp_path: Path, previous_deck: bytes, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "slides.pptx").write_bytes(previous_deck)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    return tmp_path


@pytest.fixture(autouse=True)
def no_deck_lints(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin the outline's own messages; the deck lints `check` adds are tested apart."""
    monkeypatch.setattr(yamldeck.commands.check, "CHECKS", [])


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> CliRun:
    capsys.readouterr()
    code = main(args)
    out, err = capsys.readouterr()
    assert_no_traceback(err)
    return CliRun(code, out, err)


def refused(
    project: Path, capsys: pytest.CaptureFixture[str], outline: str, args: list[str]
) -> list[str]:
    """Run ``args`` on ``outline`` (which must fail with exit 1); return the stderr lines."""
    (project / "slides.yaml").write_text(outline, encoding="utf-8")
    before = listing(project)
    result = run(args, capsys)
    assert (result.code, result.out) == (1, ""), result
    assert listing(project) == before  # the previous deck and the outline are byte-identical
    return result.err.splitlines()


# --- 1. a bullet typed without its '- ' ---------------------------------------------------------

BULLETS = "  - title: Aims\n    bullets:\n"
DASH = (
    "this line looks like a bullet missing its '- '; write {} (or, if it goes on from the line "
    "above, indent it further than the '-' above)"
)
WHOLE_LIST = (
    "slides.yaml:6:7: error: slide 1 'Aims': bullets must be a list of lines starting with '- '; "
)

MISSING_DASH: list[tuple[str, str, list[str]]] = [
    (
        "between-two-bullets",
        HEAD + BULLETS + "      - First point\n      Second point\n      - Third point\n",
        ["slides.yaml:7:7: error: " + DASH.format("- Second point")],
    ),
    (
        "last-bullet-before-the-next-slide",
        HEAD + BULLETS + "      - First point\n      Second point\n" + SLIDE,
        ["slides.yaml:7:7: error: " + DASH.format("- Second point")],
    ),
    (
        "bullet-holding-a-colon",
        HEAD + BULLETS + "      - First point\n      Second point: more\n",
        ["slides.yaml:7:7: error: " + DASH.format('- "Second point: more"')],
    ),
    (
        "list-lined-up-with-its-key",
        HEAD + BULLETS + "    - First point\n    Second point\n",
        ["slides.yaml:7:5: error: " + DASH.format("- Second point")],
    ),
    (
        "sub-bullet",
        HEAD + BULLETS + "      - Parent:\n          - a\n          b c\n",
        ["slides.yaml:8:11: error: " + DASH.format("- b c")],
    ),
    (
        "whole-list",
        HEAD + BULLETS + "      First point\n      Second point\n" + SLIDE,
        [
            WHOLE_LIST + "these 2 lines look like bullets missing their '- ' (YAML reads them "
            "as one text): write - First point, and put '- ' before each of the others"
        ],
    ),
    (
        "whole-list-of-one",
        HEAD + BULLETS + "      First point\n",
        [WHOLE_LIST + "this line looks like a bullet missing its '- ': write - First point"],
    ),
    (
        "first-bullet-only",
        HEAD + BULLETS + "      First point\n      - Second point\n",
        [
            "slides.yaml:6:7: error: slide 1 'Aims': this line looks like a bullet missing its "
            "'- ' (without it, YAML reads it and the '- ' lines below it as one text); "
            "write - First point"
        ],
    ),
    # Not bullets: the messages these had before stay.
    (
        "key-beside-a-list-lined-up-with-its-key",
        HEAD + BULLETS + "    - First point\n    notes\n",
        ["slides.yaml:7:5: error: 'notes' is missing its ':'; write notes:"],
    ),
    (
        "line-in-a-list-of-columns",
        HEAD + "  - title: Aims\n    columns:\n      - title: L\n        bullets:\n"
        "          - a\n      title R\n",
        [
            "slides.yaml:9:7: error: a key is missing its ':' (write 'key: value'), or a text "
            "spans lines without quotes"
        ],
    ),
]


@pytest.mark.parametrize(
    ("outline", "expected"), [r[1:] for r in MISSING_DASH], ids=[r[0] for r in MISSING_DASH]
)
def test_bullet_without_its_dash(
    project: Path, capsys: pytest.CaptureFixture[str], outline: str, expected: list[str]
) -> None:
    assert refused(project, capsys, outline, ["build"]) == expected


# --- 2. a slide pasted left of the others -------------------------------------------------------

NOTES = HEAD + "  - title: Aims\n    bullets:\n      - one\n    notes: Say hi\n"
LEFT = (
    "error: this slide starts in column {}, left of the other slides (their '- ' is in column 3); "
    "add {} before this line and before each line of this slide, to line up with the other slides"
)

MISPLACED: list[tuple[str, str, list[str]]] = [
    (
        "column-1-after-notes",
        NOTES + "- title: Next\n  bullets:\n    - two\n",
        ["slides.yaml:8:1: " + LEFT.format(1, "2 spaces")],
    ),
    (
        "column-2",
        NOTES + " - kind: section\n   title: Part 2\n",
        ["slides.yaml:8:2: " + LEFT.format(2, "1 space")],
    ),
    (
        "after-notes-in-a-block",
        HEAD + "  - title: Aims\n    bullets:\n      - one\n    notes: |\n      Say hi\n"
        "- title: Next\n  bullets:\n    - two\n",
        ["slides.yaml:9:1: " + LEFT.format(1, "2 spaces")],
    ),
    (
        "without-its-dash",
        NOTES + "kind: section\n  title: Part 2\n",
        [
            "slides.yaml:8:1: error: 'kind:' is in column 1, left of the slides (their '- ' is in "
            "column 3); if it starts a new slide, write it as - kind: section with the '- ' in "
            "column 3, and line up the slide's other lines with 'kind:'"
        ],
    ),
]


@pytest.mark.parametrize(
    ("outline", "expected"), [r[1:] for r in MISPLACED], ids=[r[0] for r in MISPLACED]
)
@pytest.mark.parametrize("command", ["build", "check"])
def test_slide_left_of_the_others(
    project: Path,
    capsys: pytest.CaptureFixture[str],
    outline: str,
    expected: list[str],
    command: str,
) -> None:
    assert refused(project, capsys, outline, [command]) == expected


# --- 3. a Windows path in double quotes ---------------------------------------------------------

PICTURE = HEAD + "  - title: Map\n    image: {}\n    alt: A map\n"
SLASHES = "write / between folders: "

BACKSLASHES: list[tuple[str, str, list[str]]] = [
    (
        "no-such-escape",
        PICTURE.format('"assets\\map.png"'),
        [
            "slides.yaml:5:19: error: YAML reads \\m inside double quotes as the start of an "
            f'escape, and there is no escape \\m; {SLASHES}image: "assets/map.png", or put the '
            "name in single quotes: image: 'assets\\map.png'"
        ],
    ),
    (
        "escape-needing-hex-digits",
        PICTURE.format('"C:\\Users\\me\\map.png"'),
        [
            "slides.yaml:5:15: error: YAML reads \\U inside double quotes as the start of an "
            f"escape, which needs 8 hexadecimal digits after it; {SLASHES}"
            'image: "C:/Users/me/map.png", or put the name in single quotes: '
            "image: 'C:\\Users\\me\\map.png'"
        ],
    ),
    (
        "line-break-in-a-picture",
        PICTURE.format('"assets\\new.png"'),
        [
            "slides.yaml:5:19: error: slide 1 'Map': in double quotes YAML reads \\n as a line "
            f"break, so this file name is not assets\\new.png as typed; {SLASHES}"
            "image: \"assets/new.png\", or put the name in single quotes: image: 'assets\\new.png'"
        ],
    ),
    (
        "picture-on-its-own-line",
        PICTURE.format('\n      "assets\\new.png"'),
        [
            "slides.yaml:6:14: error: slide 1 'Map': in double quotes YAML reads \\n as a line "
            f"break, so this file name is not assets\\new.png as typed; {SLASHES}"
            "\"assets/new.png\", or put the name in single quotes: 'assets\\new.png'"
        ],
    ),
    (
        "carriage-return-in-a-csv",
        HEAD + '  - title: Results\n    csv: "data\\results.csv"\n',
        [
            "slides.yaml:5:15: error: slide 1 'Results': in double quotes YAML reads \\r as a "
            "carriage return, so this file name is not data\\results.csv as typed; "
            f"{SLASHES}csv: \"data/results.csv\", or put the name in single quotes: "
            "csv: 'data\\results.csv'"
        ],
    ),
    (
        "template-and-logo",
        'deck:\n  title: Talk\n  template: "brand\\theme.potx"\n  logo:\n'
        '    image: "logos\\bank.png"\n    alt: The bank\nslides:\n'
        "  - title: Aims\n    bullets:\n      - one\n",
        [
            "slides.yaml:3:19: error: deck: in double quotes YAML reads \\t as a tab, so this "
            f"file name is not brand\\theme.potx as typed; {SLASHES}"
            "template: \"brand/theme.potx\", or put the name in single quotes: "
            "template: 'brand\\theme.potx'",
            "slides.yaml:5:18: error: deck: in double quotes YAML reads \\b as a backspace, so "
            f"this file name is not logos\\bank.png as typed; {SLASHES}"
            "image: \"logos/bank.png\", or put the name in single quotes: image: 'logos\\bank.png'",
            "2 problems; nothing was written",
        ],
    ),
    (
        "no-such-escape-in-a-text",
        HEAD + '  - title: "Files in C:\\my docs"\n    bullets:\n      - one\n',
        [
            "slides.yaml:4:24: error: YAML reads \\m inside double quotes as the start of an "
            "escape, and there is no escape \\m; put the whole text in single quotes: "
            "- title: 'Files in C:\\my docs'"
        ],
    ),
]


@pytest.mark.parametrize(
    ("outline", "expected"), [r[1:] for r in BACKSLASHES], ids=[r[0] for r in BACKSLASHES]
)
def test_backslash_in_double_quotes(
    project: Path, capsys: pytest.CaptureFixture[str], outline: str, expected: list[str]
) -> None:
    assert refused(project, capsys, outline, ["build"]) == expected


PATH_WARNING = (
    "slides.yaml:4:24: {}: slide 1 'Files in C: ew able': in double quotes YAML reads \\n as a "
    "line break and \\t as a tab, so C:\\new\\table is not shown as typed; if it is a Windows "
    "path, put the whole text in single quotes: - title: 'Files in C:\\new\\table'"
)
PATH_TITLE = HEAD + '  - title: "Files in C:\\new\\table"\n    bullets:\n      - one\n'


def test_windows_path_in_a_text_is_built_with_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "slides.yaml").write_text(PATH_TITLE, encoding="utf-8")
    result = run(["build"], capsys)
    assert result.code == 0 and result.out.startswith("wrote slides.pptx (1 slide)")
    assert result.err.splitlines() == [PATH_WARNING.format("warning")]


def test_windows_path_in_a_text_is_an_error_under_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = refused(project, capsys, PATH_TITLE, ["build", "--strict"])
    assert lines == [PATH_WARNING.format("error")]


def test_windows_path_beside_a_meant_escape_is_fixed_by_doubling_its_backslash(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "slides.yaml").write_text(
        HEAD + '  - title: Data\n    bullets:\n      - "see data\\new.csv and \\"this\\""\n',
        encoding="utf-8",
    )
    result = run(["build"], capsys)
    assert result.code == 0
    assert result.err.splitlines() == [
        "slides.yaml:6:18: warning: slide 1 'Data': in double quotes YAML reads \\n as a line "
        "break, so data\\new.csv is not shown as typed; if it is a Windows path, write each of "
        'those \\ as \\\\: - "see data\\\\new.csv and \\"this\\""'
    ]


def test_escapes_meant_in_a_text_are_not_reported(tmp_path: Path) -> None:
    """A line break or a tab typed as an escape in a text that is no path stays as it was."""
    built = build_outline(
        HEAD + '  - title: "Two\\nlines"\n    bullets:\n      - "Q3\\tQ4"\n'
        '      - "first line\\nsecond line"\n',
        tmp_path,
    )
    assert built.result.warnings == ()
    # python-pptx shows a line break inside a paragraph (<a:br/>) as a vertical tab
    assert title_shape(built.prs.slides[0]).text_frame.text == "Two\vlines"


# --- 4. every slide's syntax error in one run ---------------------------------------------------

COLON = (
    "error: a text contains ': ', which YAML reads as a new key; put the text in quotes: "
    '- title: "{}"'
)


def slide(title: str, bullet: str = "one") -> str:
    return f"  - title: {title}\n    bullets:\n      - {bullet}\n"


def test_two_slides_with_a_colon_in_the_title(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = HEAD + slide("Q3: results") + slide("Aims") + slide("Q4: plans")
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:4:14: " + COLON.format("Q3: results"),
        "slides.yaml:10:14: " + COLON.format("Q4: plans"),
        "2 problems; nothing was written",
    ]


@pytest.mark.parametrize("command", ["build", "check"])
def test_unclosed_quote_then_a_tab_then_a_colon(
    project: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    outline = (
        HEAD + slide("A") + slide('"Aims') + slide("C") + slide("D")
        + "  - title: E\n    bullets:\n\t  - one\n" + slide("F: x")
    )
    assert refused(project, capsys, outline, [command]) == [
        "slides.yaml:7:12: error: this quote is never closed; add the closing quote at the end "
        "of the text",
        "slides.yaml:18:1: error: a tab is used for indentation; YAML needs spaces (replace the "
        "tab with spaces)",
        "slides.yaml:19:13: " + COLON.format("F: x"),
        "3 problems; nothing was written",
    ]


def test_an_error_in_the_deck_and_in_the_slides(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = "deck:\n  title: Talk: 2024\nslides:\n" + slide("Aims") + slide("@home")
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:2:14: error: a text contains ': ', which YAML reads as a new key; put the "
        'text in quotes: title: "Talk: 2024"',
        "slides.yaml:7:12: error: text cannot start with '@' in YAML; put the whole text in "
        'quotes, e.g. - title: "@home"',
        "2 problems; nothing was written",
    ]


def test_more_than_twenty_are_counted(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outline = HEAD + "".join(slide(f"Q{n}: x") for n in range(1, 26))
    lines = refused(project, capsys, outline, ["build"])
    assert lines == [
        *(f"slides.yaml:{3 * n + 1}:{14 if n < 10 else 15}: " + COLON.format(f"Q{n}: x")
          for n in range(1, 21)),
        "slides.yaml:64:15: error: 5 more slides from here on have a syntax error too (not "
        "listed); fix the ones above, then run again to see them",
        "21 problems; nothing was written",
    ]


def test_the_split_into_slides_adds_no_error_of_its_own(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Lines starting '- ' in a block of notes, a comment at column 1 and a text in quotes over
    several lines are all read as in the file: only the real mistake is reported."""
    outline = (
        HEAD + slide("Q3: results")
        + "  - title: Aims\n    bullets:\n      - one\n    notes: |\n      - say this\n"
        "      - then that\n# part 2\n"
        '  - title: "A title on\n      two lines"\n    bullets:\n      - one\n'
        "  - kind: section\n    title: End\n"
    )
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:4:14: " + COLON.format("Q3: results")
    ]


def test_schema_problems_wait_for_the_syntax_to_be_fixed(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = (
        HEAD + slide("Q3: results") + "  - title: Aims\n    bullet:\n      - one\n"
        "  - kind: sectoin\n    title: End\n"
    )
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:4:14: " + COLON.format("Q3: results")
    ]


def test_no_slide_is_read_past_a_slide_left_of_the_others(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Where the slides' column is broken, the lines after it cannot be split safely."""
    outline = HEAD + slide("Aims") + "- title: Next\n  bullets:\n  - two\n" + slide("Q4: plans")
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:7:1: " + LEFT.format(1, "2 spaces")
    ]
