"""Validation messages in the outline's words: user keys with brackets, texts that YAML read as
keys, list positions named for people, no pydantic wording, and row errors at the bad row."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_no_traceback, listing, run_cli

import yamldeck
from yamldeck.cli import main
from yamldeck.outline.loader import parse_document
from yamldeck.outline.validate import validate_document

HEAD = "deck:\n  title: T\n  language: en-NZ\nslides:\n"  # slides start on line 5
KINDS = (
    "agenda, bullets, chart, closing, columns, number, picture, process, quote, section, "
    "statement, table, timeline, title"
)
DECK_KEYS = (
    "affiliation, date, footer, footer_date, language, layouts, logo, overflow, presenter, "
    "reveal, slide_numbers, subtitle, template, theme, title"
)
CHART_KEYS = "csv, data, labels, legend, stacked, title, type, x_title, y_title"
KIND_EMPTY = f"'kind' is empty; write the slide's kind after 'kind:', one of: {KINDS}"
QUOTES = "which YAML reads as a key and its value; put the whole text in quotes"

# (id, outline, ["LINE:COL: message", ...]); every outline here is wrong and must build nothing.
BRACKETED_KEYS = [
    (
        "slide-key",
        HEAD + "  - title: A\n    Note [1]: see appendix\n    bullets:\n      - a\n",
        [
            "6:5: slide 1 'A': unknown key 'Note [1]' on a bullets slide; allowed: bullets, "
            "footnotes, kind, language, layout, notes, overflow, reveal, source, title"
        ],
    ),
    (
        "slide-key-did-you-mean",
        HEAD + "  - title: A\n    bullets:\n      - a\n    notes[1]: x\n",
        [
            "8:5: slide 1 'A': unknown key 'notes[1]' on a bullets slide (did you mean 'notes'?); "
            "allowed: bullets, footnotes, kind, "
            "language, layout, notes, overflow, reveal, source, title"
        ],
    ),
    (
        "deck-key",
        "deck:\n  title: T\n  a[x]: 1\nslides:\n  - title: A\n    bullets:\n      - a\n",
        [f"3:3: deck: unknown key 'a[x]' here; allowed: {DECK_KEYS}"],
    ),
    (
        "deck-key-and-missing-title",
        "deck:\n  a[x]: 1\nslides:\n  - title: A\n    bullets:\n      - a\n",
        [
            "2:3: deck: missing 'title:'",
            f"2:3: deck: unknown key 'a[x]' here; allowed: {DECK_KEYS}",
        ],
    ),
    (
        "theme-colors-key",
        "deck:\n  title: T\n  theme:\n    colors:\n      primary[1]: 112233\n"
        "slides:\n  - title: A\n    bullets:\n      - a\n",
        [
            "5:7: deck: unknown key 'primary[1]' in 'colors' (did you mean 'primary'?); "
            "allowed: accent, background, muted, primary, text"
        ],
    ),
    (
        "logo-key",
        "deck:\n  title: T\n  logo:\n    image: x.png\n    alt[1]: The logo\n"
        "slides:\n  - title: A\n    bullets:\n      - a\n",
        [
            "4:5: deck: 'alt' is needed: say what the logo shows (e.g. the organisation's name), "
            "or add 'decorative: true'",
            "5:5: deck: unknown key 'alt[1]' in 'logo' (did you mean 'alt'?); allowed: alt, "
            "decorative, image, position, width",
        ],
    ),
    (
        "chart-key",
        HEAD + "  - title: A\n    chart:\n      csv: d.csv\n      type[2]: bar\n",
        [
            "8:7: slide 1 'A': unknown key 'type[2]' in 'chart' (did you mean 'type'?); "
            f"allowed: {CHART_KEYS}"
        ],
    ),
    (
        "column-key",
        HEAD + "  - title: A\n    columns:\n      - text: a\n        x[1]: 2\n      - text: b\n",
        ["8:9: slide 1 'A': unknown key 'x[1]' in a column; allowed: bullets, heading, text"],
    ),
    (
        "column-key-did-you-mean",
        HEAD + "  - title: A\n    columns:\n      - text: a\n      - text: b\n"
        "        heading[1]: H\n",
        [
            "9:9: slide 1 'A': unknown key 'heading[1]' in a column (did you mean 'heading'?); "
            "allowed: bullets, heading, text"
        ],
    ),
]

TEXTS_READ_AS_KEYS = [
    (
        "contacts",
        HEAD + "  - title: Thanks\n    contacts:\n      - Email: someone@example.org\n",
        [
            "7:9: slide 1 'Thanks': item 1 of 'contacts' contains ': ', "
            f'{QUOTES}: - "Email: someone@example.org"'
        ],
    ),
    (
        "contacts-in-brackets",
        HEAD + '  - title: Thanks\n    contacts: [Web: example.org, "a, b", Jo]\n',
        [
            "6:16: slide 1 'Thanks': item 1 of 'contacts' contains ': ', "
            f'{QUOTES}: contacts: ["Web: example.org", "a, b", Jo]'
        ],
    ),
    (
        "number-details",
        HEAD + '  - title: N\n    number: "35"\n    details:\n      - Europe: 25\n      - Asia\n',
        [f"""8:9: slide 1 'N': item 1 of 'details' contains ': ', {QUOTES}: - "Europe: 25\""""],
    ),
    (
        "number-details-not-a-list",
        HEAD + '  - title: N\n    number: "35"\n    details:\n      Europe: 25\n',
        [f"""8:7: slide 1 'N': 'details' contains ': ', {QUOTES}: details: "Europe: 25\""""],
    ),
    (
        "agenda-items",
        HEAD + "  - kind: agenda\n    items:\n      - Part 1: Background\n      - Part 2:\n",
        [
            f"""7:9: slide 1: item 1 of 'items' contains ': ', {QUOTES}: - "Part 1: Background\"""",
            "8:9: slide 1: item 2 of 'items' ends with ':', which YAML reads as a key; "
            'put the whole text in quotes: - "Part 2:"',
        ],
    ),
    (
        "table-cell",
        HEAD + "  - title: T\n    rows:\n      - [Phase, Mass]\n      - [I, Complete: 500 kg]\n",
        [
            "8:13: slide 1 'T': 'rows' row 2, cell 2 contains ': ', "
            f'{QUOTES}: - [I, "Complete: 500 kg"]'
        ],
    ),
    (
        "table-cell-on-its-own-line",
        HEAD + "  - title: T\n    rows:\n      - [Phase, Mass]\n      - - I\n"
        "        - Complete: 500 kg\n",
        [
            "9:11: slide 1 'T': 'rows' row 2, cell 2 contains ': ', "
            f'{QUOTES}: - "Complete: 500 kg"'
        ],
    ),
    (
        "chart-category",
        HEAD + "  - title: C\n    chart:\n      data:\n        - [Region, Partners]\n"
        "        - [Asia: East, 3]\n",
        [f"9:12: slide 1 'C': 'data' row 2, cell 1 contains ': ', {QUOTES}: - [\"Asia: East\", 3]"],
    ),
    (
        "title-on-the-next-line",
        HEAD + "  - title:\n      Q3: results\n    bullets:\n      - a\n",
        [f"""6:7: slide 1: 'title' contains ': ', {QUOTES}: title: "Q3: results\""""],
    ),
]

LIST_POSITIONS = [
    (
        "align-item",
        HEAD + "  - title: T\n    rows:\n      - [A, B]\n      - [c, d]\n"
        "    align: [left, middle]\n",
        ["9:19: slide 1 'T': item 2 of 'align' must be one of left, center, right, not 'middle'"],
    ),
    (
        "widths-item",
        HEAD + "  - title: T\n    rows:\n      - [A, B]\n      - [c, d]\n    widths: [1, [2]]\n",
        ["9:17: slide 1 'T': item 2 of 'widths' must be a text, but found a list"],
    ),
    (
        "agenda-item-is-a-list",
        HEAD + "  - kind: agenda\n    items:\n      - First\n      - [Second]\n",
        ["8:9: slide 1: item 2 of 'items' must be a text, but found a list"],
    ),
    (
        "number-details-item-is-a-list",
        HEAD + '  - title: N\n    number: "35"\n    details:\n      - [a]\n',
        ["8:9: slide 1 'N': item 1 of 'details' must be a text, but found a list"],
    ),
    (
        "columns-as-texts",
        HEAD + "  - title: Sides\n    columns: [Left, Right]\n",
        [
            "6:15: slide 1 'Sides': column 1 must hold keys (indented under it), but found a text",
            "6:21: slide 1 'Sides': column 2 must hold keys (indented under it), but found a text",
        ],
    ),
    (
        "table-row-not-in-brackets",
        HEAD + "  - title: T\n    rows:\n      - [Region, Partners]\n      - Europe, 25\n",
        [
            "8:9: slide 1 'T': 'rows' row 2 must be a list of cells such as [Europe, 25], but "
            "found a text"
        ],
    ),
    (
        "table-cell-is-a-list",
        HEAD + "  - title: T\n    rows:\n      - [Region, Partners]\n      - [Europe, [25]]\n",
        ["8:18: slide 1 'T': 'rows' row 2, cell 2 must be a text, but found a list"],
    ),
]

PYDANTIC_WORDING = [
    (
        "kind-empty",
        HEAD + "  - title: A\n    kind:\n    bullets:\n      - a\n",
        [f"6:10: slide 1 'A': {KIND_EMPTY}"],
    ),
    (
        "kind-quoted-empty",
        HEAD + '  - title: A\n    kind: ""\n    bullets:\n      - a\n',
        [f"6:11: slide 1 'A': {KIND_EMPTY}"],
    ),
    (
        "kind-in-brackets",
        HEAD + "  - title: A\n    kind: [bullets]\n    bullets:\n      - a\n",
        [
            "6:11: slide 1 'A': 'kind' must be one word such as bullets, but found a list: write "
            f"'kind: bullets'; allowed: {KINDS}"
        ],
    ),
    (
        "kind-as-keys",
        HEAD + "  - title: A\n    kind:\n      type: bullets\n    bullets:\n      - a\n",
        [
            "7:7: slide 1 'A': 'kind' must be one word such as bullets, but found keys; "
            f"allowed: {KINDS}"
        ],
    ),
    (
        "overflow-on-a-slide",
        HEAD + "  - title: A\n    overflow: x\n    bullets:\n      - a\n",
        ["6:15: slide 1 'A': 'overflow' must be one of error, continue, not 'x'"],
    ),
    (
        "overflow-on-the-deck",
        "deck:\n  title: T\n  overflow: contineu\nslides:\n  - title: A\n    bullets:\n      - a\n",
        [
            "3:13: deck: 'overflow' must be one of error, continue, not 'contineu' "
            "(did you mean 'continue'?)"
        ],
    ),
    (
        "overflow-as-a-list",
        HEAD + "  - title: A\n    overflow: [continue]\n    bullets:\n      - a\n",
        ["6:15: slide 1 'A': 'overflow' must be one of error, continue, but found a list"],
    ),
    (
        "true-or-false-left-empty",
        HEAD + "  - title: Map\n    image: m.png\n    decorative:\n",
        ["7:16: slide 1 'Map': 'decorative' must be true or false, but found nothing"],
    ),
    (
        "true-or-false-as-a-list",
        "deck:\n  title: T\n  slide_numbers: [yes]\nslides:\n  - title: A\n    bullets:\n"
        "      - a\n",
        ["3:18: deck: 'slide_numbers' must be true or false, but found a list"],
    ),
]

ROWS = [
    (
        "chart-number",
        HEAD + "  - title: C\n    chart:\n      data:\n        - [Region, Partners]\n"
        "        - [Europe, 25]\n        - [Americas, 3]\n        - [Asia, 2x]\n",
        [
            "11:18: slide 1 'C': 'data' row 4 'Asia': '2x' is not a number; write digits such as "
            "25 or 4.5"
        ],
    ),
    (
        "chart-number-on-its-own-line",
        HEAD + "  - title: C\n    chart:\n      data:\n        - [Region, Partners]\n"
        "        - - Asia\n          - 4%\n",
        [
            "10:13: slide 1 'C': 'data' row 2 'Asia': '4%' is not a number; write digits such as "
            "25 or 4.5 (without the %)"
        ],
    ),
    (
        "chart-header-without-series-name",
        HEAD + '  - title: C\n    chart:\n      data:\n        - [Region, A, ""]\n'
        "        - [Europe, 1, 2]\n",
        ["8:23: slide 1 'C': 'data' row 1 (the header) has no series name in column 3"],
    ),
    (
        "chart-header-one-cell",
        HEAD + "  - title: C\n    chart:\n      data:\n        - [Region]\n        - [Europe]\n",
        [
            "8:11: slide 1 'C': 'data' row 1 (the header) needs a label for the categories and at "
            "least one series name, e.g. [Region, Partners]"
        ],
    ),
    (
        "pie-negative",
        HEAD + "  - title: C\n    chart:\n      type: pie\n      data:\n"
        "        - [Region, Change]\n        - [Europe, 2]\n        - [Asia, -3]\n",
        [
            "11:18: slide 1 'C': 'data' has a negative number for 'Asia', which a pie chart "
            "cannot show; choose a column or bar chart"
        ],
    ),
    (
        "table-row-too-long",
        HEAD + "  - title: T\n    rows:\n      - [Region, Partners]\n      - [Europe, 25]\n"
        "      - [Asia, 3, x]\n",
        [
            "9:9: slide 1 'T': 'rows' row 3 has 3 cells but the header row has 2; give every row "
            'the same number of cells (write "" for an empty one)'
        ],
    ),
    (
        "number-slide-chart",
        HEAD + '  - title: N\n    number: "35"\n    chart:\n      data:\n'
        "        - [Region, Partners]\n        - [Europe, many]\n",
        [
            "10:20: slide 1 'N': 'data' row 2 'Europe': 'many' is not a number; write digits such "
            "as 25 or 4.5"
        ],
    ),
]


def _cases(table: list[tuple[str, str, list[str]]]) -> list:
    return [pytest.param(text, expected, id=name) for name, text, expected in table]


def _build_fails_with(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str) -> list[str]:
    """Build ``text`` with the CLI over a previous deck; assert exit 1 and nothing changed."""
    outline = tmp_path / "slides.yaml"
    outline.write_text(text, encoding="utf-8")
    (tmp_path / "slides.pptx").write_bytes(b"previous deck")
    before = listing(tmp_path)
    assert main(["build", str(outline)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert listing(tmp_path) == before
    return err.splitlines()


def _expected(tmp_path: Path, problems: list[str]) -> list[str]:
    """'LINE:COL: message' lines as the CLI prints them, with the count when there are several."""
    outline = tmp_path / "slides.yaml"
    lines = [f"{outline}:{where.replace(': ', ': error: ', 1)}" for where in problems]
    return lines + ([f"{len(lines)} problems; nothing was written"] if len(lines) > 1 else [])


@pytest.mark.parametrize(("text", "problems"), _cases(BRACKETED_KEYS))
def test_key_with_brackets_is_named_at_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problems: list[str]
) -> None:
    assert _build_fails_with(tmp_path, capsys, text) == _expected(tmp_path, problems)


@pytest.mark.parametrize(("text", "problems"), _cases(TEXTS_READ_AS_KEYS))
def test_text_read_as_a_key_says_to_quote_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problems: list[str]
) -> None:
    assert _build_fails_with(tmp_path, capsys, text) == _expected(tmp_path, problems)


@pytest.mark.parametrize(("text", "problems"), _cases(LIST_POSITIONS))
def test_list_positions_are_named_counting_from_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problems: list[str]
) -> None:
    lines = _build_fails_with(tmp_path, capsys, text)
    assert lines == _expected(tmp_path, problems)


@pytest.mark.parametrize(("text", "problems"), _cases(PYDANTIC_WORDING))
def test_no_validation_library_wording(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problems: list[str]
) -> None:
    lines = _build_fails_with(tmp_path, capsys, text)
    assert lines == _expected(tmp_path, problems)
    assert not any("Input should" in line or "None" in line for line in lines)


@pytest.mark.parametrize(("text", "problems"), _cases(ROWS))
def test_row_problem_is_located_at_the_bad_row_or_cell(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, problems: list[str]
) -> None:
    assert _build_fails_with(tmp_path, capsys, text) == _expected(tmp_path, problems)


def test_bracketed_key_no_longer_crashes_the_command(tmp_path: Path) -> None:
    """The tester's outline: exit 70 with IndexError before; now a located message, exit 1."""
    (tmp_path / "slides.yaml").write_text(
        "deck:\n  title: T\n  language: en-NZ\n  a[x]: 1\nslides:\n  - title: A\n"
        "    Note [1]: see appendix\n    bullets:\n      - a\n",
        encoding="utf-8",
    )
    run = run_cli(["build", "slides.yaml"], tmp_path)
    assert_no_traceback(run.err)
    assert (run.code, run.out) == (1, "")
    assert run.err.splitlines() == [
        f"slides.yaml:4:3: error: deck: unknown key 'a[x]' here; allowed: {DECK_KEYS}",
        "slides.yaml:7:5: error: slide 1 'A': unknown key 'Note [1]' on a bullets slide; "
        "allowed: bullets, footnotes, kind, "
        "language, layout, notes, overflow, reveal, source, title",
        "2 problems; nothing was written",
    ]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides.yaml"]


def test_every_problem_in_one_outline_is_reported_together(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEAD
        + "  - title: Thanks\n"  # 5
        + "    contacts:\n"  # 6
        + "      - Email: someone@example.org\n"  # 7
        + "  - title: C\n"  # 8
        + "    chart:\n"  # 9
        + "      data:\n"  # 10
        + "        - [Region, Partners]\n"  # 11
        + "        - [Asia, 2x]\n"  # 12
        + "  - title: A\n"  # 13
        + "    kind:\n"  # 14
        + "    x[1]: y\n"  # 15
    )
    assert _build_fails_with(tmp_path, capsys, text) == _expected(
        tmp_path,
        [
            "7:9: slide 1 'Thanks': item 1 of 'contacts' contains ': ', "
            f'{QUOTES}: - "Email: someone@example.org"',
            "12:18: slide 2 'C': 'data' row 2 'Asia': '2x' is not a number; write digits such as "
            "25 or 4.5",
            f"14:10: slide 3 'A': {KIND_EMPTY}",
        ],
    )


def test_problem_paths_name_the_row_and_the_users_key(tmp_path: Path) -> None:
    """The machine-readable path (check --format json) follows the same places."""
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        HEAD + "  - title: C\n    chart:\n      data:\n        - [Region, Partners]\n"
        "        - [Asia, 2x]\n      a[1]: b\n",
        encoding="utf-8",
    )
    with pytest.raises(yamldeck.OutlineError) as caught:
        yamldeck.load_outline(outline)
    assert caught.value.exit_code == 1
    assert [p.path for p in caught.value.problems] == [
        "slides[0].chart.data[1][1]",
        'slides[0].chart["a[1]"]',
    ]


def test_validating_leaves_the_document_as_read(tmp_path: Path) -> None:
    """A second validation of the same document finds the same problems (columns were once
    converted in place, so the second run saw converted bullets and reported them)."""
    text = (
        HEAD + "  - title: Sides\n    columns:\n      - bullets:\n          - a\n"
        "      - text: b\n  - title: Bad\n    kind: bulets\n"
    )
    document = parse_document(text.encode(), "slides.yaml")
    messages = []
    for _ in range(2):
        with pytest.raises(yamldeck.OutlineError) as caught:
            validate_document(document)
        messages.append([p.format() for p in caught.value.problems])
    assert (
        messages[0]
        == messages[1]
        == [
            f"slides.yaml:11:11: error: slide 2 'Bad': unknown kind 'bulets' (did you mean "
            f"'bullets'?); allowed: {KINDS}"
        ]
    )
