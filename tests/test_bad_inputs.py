"""The bad-input catalogue (../shared/guides/bad-inputs.md): YAML and text rows, and the ten
mistakes a new user makes. Each case pins the exact message and exit code of `yamldeck build`,
and proves the previous deck beside the outline is untouched and nothing else was written."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CliRun, assert_no_traceback, build_outline, listing, title_shape, validate_pptx
from PIL import Image
from pptx import Presentation

import yamldeck.commands.check
from yamldeck.cli import main

HEAD = "deck:\n  title: Talk\nslides:\n"
GOOD = HEAD + "  - title: Aims\n    bullets:\n      - one\n"
QUOTE_FIX = "put the whole text in quotes"
REF = (
    "text starting with '*' must be put in quotes (YAML reads '*' there as a reference to another "
)
NOT_UTF8 = (
    "error: the file is not saved as UTF-8: byte 0x{:02X} here is '{}' in the Windows (cp1252) "
)
SAVE_UTF8 = "save the file with UTF-8 encoding (in most editors: Save As > Encoding > UTF-8)"
KINDS = (
    "agenda, bullets, chart, closing, columns, number, picture, process, quote, section, "
    "statement, table, timeline, title"
)


def _jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "JPEG")
    return buffer.getvalue()


JPEG = _jpeg()


@pytest.fixture(scope="module")
def previous_deck(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """A real deck, built and validated once, that each test puts beside its broken outline."""
    built = build_outline(GOOD, tmp_path_factory.mktemp("previous"))
    return built.path.read_bytes()


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
    project: Path, capsys: pytest.CaptureFixture[str], outline: str | bytes, args: list[str]
) -> list[str]:
    """Build ``outline`` (which must fail with exit 1); return the stderr lines."""
    path = project / "slides.yaml"
    path.write_bytes(outline.encode("utf-8") if isinstance(outline, str) else outline)
    before = listing(project)
    result = run(args, capsys)
    assert (result.code, result.out) == (1, ""), result
    assert listing(project) == before  # the previous deck and the outline are byte-identical
    return result.err.splitlines()


# (id, outline, every line on stderr). Locations are slides.yaml:LINE:COLUMN, 1-based.
YAML_ROWS: list[tuple[str, str | bytes, list[str]]] = [
    (
        "python-tag",
        'deck:\n  title: !!python/object/apply:os.system ["echo hi"]\nslides:\n',
        [
            "slides.yaml:2:10: error: '!!python/object/apply:os.system' is a YAML tag, which an "
            "outline does not use; if '!' is part of your text, put the whole text in quotes: "
            'title: "!!python/object/apply:os.system [\\"echo hi\\"]"'
        ],
    ),
    (
        "any-tag",
        HEAD + "  - title: A\n    bullets:\n      - !important point\n",
        [
            "slides.yaml:6:9: error: '!important' is a YAML tag, which an outline does not use; "
            "if '!' is part of your text, put the whole text in quotes: - \"!important point\""
        ],
    ),
    (
        "anchor",
        HEAD + "  - title: &t A\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:12: error: text starting with '&' must be put in quotes (YAML reads "
            "'&' there as an anchor): - title: \"&t A\""
        ],
    ),
    (
        "alias",
        HEAD + "  - title: A\n    bullets:\n      - *ref\n",
        ["slides.yaml:6:9: error: " + REF + 'part of the file): - "*ref"'],
    ),
    (
        "duplicate-deck-key",
        "deck:\n  title: Talk\n  title: Other\nslides:\n  - title: A\n    bullets:\n      - one\n",
        [
            "slides.yaml:3:3: error: deck: 'title' is given twice (first on line 2); "
            "keep one of them"
        ],
    ),
    (
        "at-sign",
        HEAD + "  - title: @handle\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:12: error: text cannot start with '@' in YAML; put the whole text in "
            'quotes, e.g. - title: "@handle"'
        ],
    ),
    (
        "link-first",
        HEAD + "  - title: A\n    bullets:\n      - [mtcr.info](https://mtcr.info/) is ours\n",
        [
            "slides.yaml:6:20: error: YAML reads a text starting with '[' as a list; put the "
            'whole text in quotes, e.g. - "[mtcr.info](https://mtcr.info/) is ours"'
        ],
    ),
    (
        "quotes-inside-quotes",
        HEAD + '  - title: "He said "hi" to me"\n    bullets:\n      - one\n',
        [
            'slides.yaml:4:22: error: the quoted text ends at the second " and more text follows; '
            "to show a \" inside a text, put the whole text in ' quotes instead: "
            "- title: 'He said \"hi\" to me'"
        ],
    ),
    (
        "unclosed-quote",
        HEAD + '  - title: "Aims\n    bullets:\n      - one\n',
        [
            "slides.yaml:4:12: error: this quote is never closed; add the closing quote at the "
            "end of the text"
        ],
    ),
    (
        "unclosed-bracket",
        HEAD + "  - title: A\n    bullets: [one, two\n",
        [
            "slides.yaml:5:14: error: this '[' starts a list that is never closed with ']': "
            "close it, or, if the '[' is part of a text, put the whole text in quotes: "
            'bullets: "[one, two"'
        ],
    ),
    (
        "several-documents",
        GOOD + "---\ndeck:\n  title: B\n",
        [
            "slides.yaml:7:1: error: the file holds several YAML documents ('---'); "
            "keep one outline per file"
        ],
    ),
    (
        "tab-inside-a-text",
        HEAD + "  - title: A\tB\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:13: error: a tab character here; YAML allows tabs only inside quotes: "
            "replace the tab with a space, or put the whole text in quotes"
        ],
    ),
    (
        "latin-1",
        "deck:\n  title: Caf\xe9\nslides:\n".encode("latin-1"),
        ["slides.yaml:2:13: " + NOT_UTF8.format(0xE9, "é") + "encoding; " + SAVE_UTF8],
    ),
    (
        "control-character-in-the-file",
        HEAD + "  - title: A\x07B\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:13: error: invisible control character U+0007 in the file; delete it "
            "(it may have come from copying text out of another program)"
        ],
    ),
    (
        "only-comments",
        "   \n# a comment\n\n",
        [
            "slides.yaml:1:1: error: the outline is empty: write 'deck:' with the deck's 'title:', "
            "then 'slides:' with the list of slides (the README has an example)"
        ],
    ),
    (
        "list-at-the-top",
        "- title: A\n  bullets:\n    - one\n",
        [
            "slides.yaml:1:1: error: the outline must be keys 'deck:' and 'slides:', "
            "but the file holds a list"
        ],
    ),
    (
        "slides-missing",
        "deck:\n  title: Talk\n",
        ["slides.yaml:1:1: error: missing 'slides:', the list of slides"],
    ),
    (
        "slides-not-a-list",
        "deck:\n  title: Talk\nslides: none yet\n",
        [
            "slides.yaml:3:9: error: 'slides:' must be a list of slides, each starting with "
            "'- title:'"
        ],
    ),
    (
        "wrong-value-types",
        "deck:\n  title: Talk\n  slide_numbers: maybe\nslides:\n"
        "  - title:\n      - A\n    bullets: one\n",
        [
            "slides.yaml:3:18: error: deck: 'slide_numbers' must be true or false, not 'maybe'",
            "slides.yaml:6:7: error: slide 1: 'title' must be a text, but found a list",
            "slides.yaml:7:14: error: slide 1: bullets must be a list of lines starting with '- ' "
            "(found a text)",
            "3 problems; nothing was written",
        ],
    ),
    (
        "misspelt-key-imgae",
        HEAD + "  - title: A\n    bullets:\n      - one\n    imgae: photo.png\n",
        [
            "slides.yaml:7:5: error: slide 1 'A': unknown key 'imgae' on a bullets slide; "
            "allowed: bullets, footnotes, kind, "
            "language, layout, notes, overflow, reveal, source, title; "
            "'image' belongs on picture "
            "slides"
        ],
    ),
    (
        "misspelt-kind",
        HEAD + "  - kind: bulets\n    title: A\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:11: error: slide 1 'A': unknown kind 'bulets' (did you mean "
            f"'bullets'?); allowed: {KINDS}"
        ],
    ),
    (
        "misspelt-top-key",
        "deck:\n  title: Talk\nslide:\n  - title: A\n    bullets:\n      - one\n",
        [
            "slides.yaml:3:1: error: unknown key 'slide' at the top of the outline "
            "(did you mean 'slides'?); allowed: deck, slides"
        ],
    ),
    (
        "misspelt-title-reported-once",
        HEAD + "  - kind: section\n    titel: Part 2\n",
        [
            "slides.yaml:5:5: error: slide 1: unknown key 'titel' on a section slide "
            "(did you mean 'title'?); allowed: footnotes, kind, "
            "language, layout, notes, source, subtitle, "
            "title"
        ],
    ),
    (
        "bullet-indented-less-than-its-list",
        HEAD + "  - title: A\n    bullets:\n      - one\n     - two\n",
        [
            "slides.yaml:7:6: error: the indentation here does not line up with the lines above: "
            "this line starts in column 6, line 6 in column 7; items of one list, and keys of one "
            "slide, must start in the same column"
        ],
    ),
    (
        "parent-bullet-without-sub-bullets",
        HEAD + "  - title: A\n    bullets:\n      - Three levels:\n      - second\n",
        [
            "slides.yaml:6:9: error: slide 1 'A': the bullet 'Three levels:' ends with ':' but has "
            "no sub-bullets indented under it; put the text in quotes or add sub-bullets"
        ],
    ),
    (
        "key-missing-its-colon",
        HEAD + "  - title: A\n    bullets\n      - one\n",
        ["slides.yaml:5:5: error: 'bullets' is missing its ':'; write bullets:"],
    ),
    (
        "block-text-indented-less",
        GOOD + "    notes: |\n      first line\n     second line\n",
        [
            "slides.yaml:9:6: error: this line is indented less than the text under 'notes: |' "
            "(line 7); indent every line of that text at least as far as its first line"
        ],
    ),
]


@pytest.mark.parametrize(
    ("outline", "expected"), [r[1:] for r in YAML_ROWS], ids=[r[0] for r in YAML_ROWS]
)
def test_yaml_row(
    project: Path, capsys: pytest.CaptureFixture[str], outline: str | bytes, expected: list[str]
) -> None:
    assert refused(project, capsys, outline, ["build"]) == expected


# --- the ten mistakes of a new user (issue 3, "Done when") ----------------------------------------

TEN: list[tuple[str, str | bytes, list[str]]] = [
    (
        "1-misspelt-key",
        HEAD + "  - title: Aims\n    bullet:\n      - one\n",
        [
            "slides.yaml:5:5: error: slide 1 'Aims': unknown key 'bullet' on a slide "
            "(did you mean 'bullets'?)"
        ],
    ),
    (
        "2-tab-indentation",
        HEAD + "  - title: Aims\n    bullets:\n\t- one\n",
        [
            "slides.yaml:6:1: error: a tab is used for indentation; YAML needs spaces "
            "(replace the tab with spaces)"
        ],
    ),
    (
        "3-missing-colon",
        HEAD + "  - title Aims\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:5: error: 'title Aims' has no ':' after its key, so YAML reads it and "
            "the next line as one text; write - title: Aims"
        ],
    ),
    (
        "4-unquoted-colon",
        HEAD + "  - title: Q3: results\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:14: error: a text contains ': ', which YAML reads as a new key; "
            'put the text in quotes: - title: "Q3: results"'
        ],
    ),
    (
        "5-bullet-indented-wrongly",
        HEAD + "  - title: Aims\n    bullets:\n      - one\n        - two\n",
        [
            "slides.yaml:7:9: error: slide 1 'Aims': this '- ' line is read as the end of the "
            "text above, not as a bullet: line it up with the other '-' of its list, or, for a "
            "sub-bullet, end the parent bullet with ':' and indent the sub-bullets under it"
        ],
    ),
    (
        "7-word-curly-quotes-in-cp1252",
        (HEAD + "  - title: \u201cHello\u201d\n    bullets:\n      - one\n").encode("cp1252"),
        [
            "slides.yaml:4:12: "
            + NOT_UTF8.format(0x93, "\u201c")
            + "encoding (Word's curly quotes and dashes often arrive like this); "
            + SAVE_UTF8
        ],
    ),
    (
        "7-curly-quotes-used-as-quotes",
        HEAD + "  - title: \u201cQ3: results\u201d\n    bullets:\n      - one\n",
        [
            "slides.yaml:4:15: error: a text contains ': ', which YAML reads as a new key; the "
            "curly quotes \u201c \u201d (from Word or a web page) are not quotes to YAML: use "
            'straight quotes, e.g. - title: "Q3: results"'
        ],
    ),
    (
        "8-two-title-keys",
        HEAD + "  - title: Aims\n    bullets:\n      - one\n    title: Goals\n",
        [
            "slides.yaml:7:5: error: slide 1 'Aims': 'title' is given twice (first on line 4); "
            "keep one of them, or, if it starts a new slide, put '- ' before it, lined up with "
            "the other slides' '- '"
        ],
    ),
    (
        "9-star-bullet",
        HEAD + "  - title: Aims\n    bullets:\n      - *important* point\n",
        ["slides.yaml:6:9: error: " + REF + 'part of the file): - "*important* point"'],
    ),
    (
        "10-empty-file",
        "",
        [
            "slides.yaml:1:1: error: the outline is empty: write 'deck:' with the deck's 'title:', "
            "then 'slides:' with the list of slides (the README has an example)"
        ],
    ),
]


@pytest.mark.parametrize(("outline", "expected"), [r[1:] for r in TEN], ids=[r[0] for r in TEN])
def test_typical_mistake(
    project: Path, capsys: pytest.CaptureFixture[str], outline: str | bytes, expected: list[str]
) -> None:
    assert refused(project, capsys, outline, ["build"]) == expected


def test_typical_mistake_6_missing_image(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The picture row belongs to assets.py; this pins what a new user sees for a typo."""
    (project / "photos").mkdir()
    (project / "photos" / "launch.jpg").write_bytes(JPEG)
    outline = (
        HEAD + "  - title: Launch\n    image: photos/lanch.jpg\n    alt: A rocket on the pad\n"
    )
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:5:12: error: slide 1 'Launch': picture 'photos/lanch.jpg' not found (looked "
        f"for {project / 'photos' / 'lanch.jpg'}; did you mean 'photos/launch.jpg'?)"
    ]


def test_curly_quotes_without_a_colon_are_kept_as_typed(tmp_path: Path) -> None:
    """`title: “Hello”` is valid YAML: the slide shows the curly quotes, exactly as typed."""
    built = build_outline(
        HEAD + "  - title: \u201cHello\u201d\n    bullets:\n      - one\n", tmp_path
    )
    assert title_shape(built.prs.slides[0]).text_frame.text == "\u201cHello\u201d"
    assert built.result.warnings == ()


def test_every_problem_in_one_run(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outline = (
        "deck:\n  title: Talk\n  language: English\nslides:\n"
        "  - title: Aims\n    bullet:\n      - one\n"
        "  - kind: section\n    title: Part 2\n    caption: x\n"
    )
    assert refused(project, capsys, outline, ["build"]) == [
        "slides.yaml:3:13: error: deck: 'English' is not a language tag; write one such as "
        "en-NZ or fr-FR",
        "slides.yaml:6:5: error: slide 1 'Aims': unknown key 'bullet' on a slide "
        "(did you mean 'bullets'?)",
        "slides.yaml:10:5: error: slide 2 'Part 2': unknown key 'caption' on a section slide; "
        "allowed: footnotes, kind, "
        "language, layout, notes, source, subtitle, title; 'caption' belongs on "
        "number or picture "
        "or chart "
        "slides",
        "3 problems; nothing was written",
    ]


# --- text: cleaned with a warning, or refused ---------------------------------------------------

CONTROL_WARNING = (
    "slides.yaml:4:12: {}: slide 1 'AB': this text contains the invisible control character "
    "U+0007 (bell), from an escape such as \\x07 or \\a; it is left out of the deck: "
    "delete the escape"
)
INVISIBLE = (
    "this text contains an invisible {} (U+{}), probably pasted from another program; {}; "
    "delete it unless you put it there on purpose"
)
HIDDEN = "it shows nothing but breaks searching and spell-checking"
REORDERS = "it changes the order in which the text after it is displayed"


def test_control_character_escape_is_removed_with_a_warning(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "slides.yaml").write_text(
        HEAD + '  - title: "A\\aB"\n    bullets:\n      - "x\\x07"\n'
    )
    result = run(["build"], capsys)
    assert result.code == 0 and result.out.startswith("wrote slides.pptx (1 slide)")
    assert result.err.splitlines() == [
        CONTROL_WARNING.format("warning"),
        "slides.yaml:6:9: warning: slide 1 'AB': this text contains the invisible control "
        "character U+0007 (bell), from an escape such as \\x07 or \\a; it is left out of the "
        "deck: delete the escape",
    ]
    validate_pptx(project / "slides.pptx")
    slide = Presentation(str(project / "slides.pptx")).slides[0]
    assert title_shape(slide).text_frame.text == "AB"
    xml = (project / "slides.pptx").read_bytes()
    assert b"_x0007_" not in xml


def test_control_character_escape_is_an_error_under_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lines = refused(
        project,
        capsys,
        HEAD + '  - title: "A\\x07B"\n    bullets:\n      - one\n',
        ["build", "--strict"],
    )
    assert lines == [CONTROL_WARNING.format("error")]


@pytest.mark.parametrize(
    ("escape", "message"),
    [
        (
            "\\uFFFE",
            "'title' contains U+FFFE, which is not a character (perhaps from an escape); remove it",
        ),
        (
            "\\uFFFF",
            "'title' contains U+FFFF, which is not a character (perhaps from an escape); remove it",
        ),
        (
            "\\ud800",
            "'title' contains U+D800, half of a character written as two escapes (\\ud800); a "
            "deck cannot hold it: write the whole character, e.g. \\U0001F600, or remove it",
        ),
    ],
    ids=["U+FFFE", "U+FFFF", "lone-surrogate"],
)
def test_noncharacters_and_lone_surrogates_are_errors(
    project: Path, capsys: pytest.CaptureFixture[str], escape: str, message: str
) -> None:
    outline = HEAD + f'  - title: "A{escape}B"\n    bullets:\n      - one\n'
    assert refused(project, capsys, outline, ["build"]) == [
        f"slides.yaml:4:12: error: slide 1 'AB': {message}"
    ]


def test_a_character_written_as_two_escapes_is_joined(tmp_path: Path) -> None:
    built = build_outline(
        HEAD + '  - title: "Hi \\ud83d\\ude00"\n    bullets:\n      - one\n', tmp_path
    )
    assert title_shape(built.prs.slides[0]).text_frame.text == "Hi \U0001f600"


def test_invisible_and_bidi_characters_are_warned_about_where_they_are(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = (
        HEAD
        + "  - title: Ai\u200bms\n    bullets:\n      - evil \u202etxt.exe\n      - caf\u00e9\n"
    )
    (project / "slides.yaml").write_text(text, encoding="utf-8")
    result = run(["build"], capsys)
    assert result.code == 0
    assert result.err.splitlines() == [
        "slides.yaml:4:14: warning: slide 1 'Aims': "
        + INVISIBLE.format("zero-width space", "200B", HIDDEN),
        "slides.yaml:6:14: warning: slide 1 'Aims': "
        + INVISIBLE.format("right-to-left override", "202E", REORDERS),
    ]
    validate_pptx(project / "slides.pptx")
    # Kept as typed: the warning says so, and the author decides.
    assert title_shape(Presentation("slides.pptx").slides[0]).text_frame.text == "Ai\u200bms"


def test_joiners_between_letters_of_other_scripts_are_not_reported(tmp_path: Path) -> None:
    """ZWJ in an emoji sequence and ZWNJ in Persian are part of the text, not accidents."""
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    built = build_outline(
        HEAD + f"  - title: {family}\n    bullets:\n      - {persian}\n", tmp_path
    )
    assert built.result.warnings == ()


def test_invisible_characters_are_errors_under_strict(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = HEAD + "  - title: Aims\n    bullets:\n      - a\u2060b\n"
    assert refused(project, capsys, outline, ["build", "--strict"]) == [
        "slides.yaml:6:10: error: slide 1 'Aims': "
        + INVISIBLE.format("word joiner", "2060", HIDDEN)
    ]


def test_text_cut_at_space_hash_is_a_warning_with_the_fix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outline = (
        "deck:\n  title: Talk\n  subtitle: #2\nslides:\n  - title: Item #3 is key\n"
        "    bullets:\n      - We are #1\n      - Fine  # a real comment\n"
    )
    (project / "slides.yaml").write_text(outline, encoding="utf-8")
    result = run(["check"], capsys)
    assert (result.code, result.out) == (0, "slides.yaml: ok (1 slide, 3 warnings)\n")
    cut = "YAML reads ' #' as the start of a comment, so "
    assert result.err.splitlines() == [
        f"slides.yaml:3:13: warning: deck: {cut}this value is empty and '#2' is left out; if it "
        'belongs to the text, put the whole text in quotes: subtitle: "#2"',
        f"slides.yaml:5:17: warning: slide 1 'Item': {cut}this text ends at 'Item' and "
        "'#3 is key' is left out; if it belongs to the text, put the whole text in quotes: "
        '- title: "Item #3 is key"',
        f"slides.yaml:7:16: warning: slide 1 'Item': {cut}this text ends at 'We are' and '#1' is "
        'left out; if it belongs to the text, put the whole text in quotes: - "We are #1"',
    ]


# --- output: exit 3, the previous deck intact ---------------------------------------------------

NEWER = GOOD + "  - title: Next\n    bullets:\n      - two\n"  # a build would change the deck


def output_refused(project: Path, capsys: pytest.CaptureFixture[str], args: list[str]) -> str:
    """Run a build that must fail to write (exit 3); return stderr; prove nothing changed."""
    (project / "slides.yaml").write_text(NEWER, encoding="utf-8")
    before = listing(project)
    result = run(args, capsys)
    assert (result.code, result.out) == (3, ""), result
    assert listing(project) == before
    return result.err


def test_output_equal_to_the_outline_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    err = output_refused(project, capsys, ["build", "-o", "slides.yaml"])
    assert err == "error: the output 'slides.yaml' must end in .pptx\n"
    (project / "talk.pptx").symlink_to("slides.yaml")
    err = output_refused(project, capsys, ["build", "-o", "talk.pptx"])
    assert err == (
        "error: refusing to write the deck over the input file 'slides.yaml'; "
        "choose another output name with -o\n"
    )


def test_output_folder_missing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    err = output_refused(project, capsys, ["build", "-o", "missing/talk.pptx"])
    assert err == "error: cannot write 'missing/talk.pptx': the folder 'missing' does not exist\n"


def test_output_read_only(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (project / "slides.pptx").chmod(0o444)
    err = output_refused(project, capsys, ["build"])
    assert (
        err
        == "error: 'slides.pptx' is read-only; make it writable or choose another name with -o\n"
    )


@pytest.mark.parametrize("name", ["out", "old.pptx"])
def test_output_is_a_folder(project: Path, capsys: pytest.CaptureFixture[str], name: str) -> None:
    (project / name).mkdir()
    err = output_refused(project, capsys, ["build", "-o", name])
    assert err == f"error: '{name}' is a folder; give a file name such as {name}/slides.pptx\n"


def test_disk_full_keeps_the_previous_deck(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.fsync", full)
    err = output_refused(project, capsys, ["build"])
    assert err == "error: cannot write 'slides.pptx': no space left on device\n"


def test_deck_open_elsewhere_is_saved_beside_it(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a deck PowerPoint holds open: keep both, say where."""
    previous = (project / "slides.pptx").read_bytes()
    (project / "slides.yaml").write_text(NEWER, encoding="utf-8")

    def locked(src: str, dst: str) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("os.replace", locked)
    result = run(["build"], capsys)
    assert (result.code, result.out) == (3, "")
    assert result.err == (
        "error: could not replace 'slides.pptx' (is it open in another program?); "
        "the new deck was saved as 'slides (new).pptx'\n"
    )
    assert (project / "slides.pptx").read_bytes() == previous
    assert sorted(p.name for p in project.iterdir()) == [
        "slides (new).pptx",
        "slides.pptx",
        "slides.yaml",
    ]
    validate_pptx(project / "slides (new).pptx")
    assert len(Presentation(str(project / "slides (new).pptx")).slides) == 2


def test_ctrl_c_while_saving_leaves_the_previous_deck_and_no_temp_file(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "slides.yaml").write_text(NEWER, encoding="utf-8")
    before = listing(project)

    def interrupted(src: str, dst: str) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("os.replace", interrupted)
    result = run(["build"], capsys)
    # click ends the terminal's "^C" line first, hence the empty line
    assert (result.code, result.out, result.err) == (130, "", "\ninterrupted\n")
    assert listing(project) == before


def test_a_real_sigint_during_the_save(project: Path) -> None:
    """SIGINT delivered by the kernel at the worst moment: temp file written, not yet renamed."""
    (project / "slides.yaml").write_text(NEWER, encoding="utf-8")
    before = listing(project)
    script = (
        "import os, signal, sys\n"
        # Python's own Ctrl-C handler, even where the tests run with SIGINT ignored (e.g. with &)
        "signal.signal(signal.SIGINT, signal.default_int_handler)\n"
        "from yamldeck.cli import main\n"
        "def replace(src, dst):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "os.replace = replace\n"
        "sys.exit(main(['build']))\n"
    )
    run_ = subprocess.run(
        [sys.executable, "-c", script], cwd=project, capture_output=True, text=True, timeout=120
    )
    assert (run_.returncode, run_.stdout, run_.stderr) == (130, "", "\ninterrupted\n")
    assert listing(project) == before


def test_replacing_keeps_the_old_permissions(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (project / "slides.yaml").write_text(NEWER, encoding="utf-8")
    (project / "slides.pptx").chmod(0o640)
    result = run(["build"], capsys)
    assert result.code == 0
    assert (project / "slides.pptx").stat().st_mode & 0o777 == 0o640
    validate_pptx(project / "slides.pptx")
    assert len(Presentation(str(project / "slides.pptx")).slides) == 2


def test_yaml_11_lookalikes_are_text_exactly_as_typed(tmp_path: Path) -> None:
    """The YAML resolver would make these False, True, 90, 83, 1.1, a date and None."""
    typed = ["NO", "yes", "on", "1:30", "0123", "1.10", "2024-03-05", "~", "null"]
    bullets = "".join(f"      - {text}\n" for text in typed)
    built = build_outline(HEAD + f"  - title: {typed[0]}\n    bullets:\n{bullets}", tmp_path)
    slide = built.prs.slides[0]
    assert title_shape(slide).text_frame.text == "NO"
    body = [s for s in slide.placeholders if s.placeholder_format.idx == 1][0]
    assert [p.text for p in body.text_frame.paragraphs] == typed
