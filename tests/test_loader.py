"""Strict YAML reading: typed text stays text; YAML syntax in prose gets a located message and fix.

Every bad input is checked three ways: the exact located message from yamldeck.load_outline, the
same lines on stderr with exit code 1 from the CLI, and that the deck beside the outline survives.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import build_outline, listing, placeholder_at, title_shape

import yamldeck
from yamldeck.cli import main

pytestmark = pytest.mark.usefixtures("decks_validated")

HEAD = b"deck:\n  title: A\nslides:\n"
SLIDES = b"slides:\n  - title: X\n    bullets:\n      - a\n"
HEAD_TEXT = HEAD.decode()
PREVIOUS_DECK = b"the deck from the previous good build"

EMPTY = (
    "the outline is empty: write 'deck:' with the deck's 'title:', then 'slides:' with the list "
    "of slides (the README has an example)"
)
NOT_UTF8 = (
    "the file is not saved as UTF-8: byte 0x93 here is '“' in the Windows (cp1252) encoding "
    "(Word's curly quotes and dashes often arrive like this); save the file with UTF-8 encoding "
    "(in most editors: Save As > Encoding > UTF-8)"
)
TOO_DEEP = (
    "nested more than 40 levels deep; an outline never needs this: check the indentation and "
    "the brackets here"
)
TAB = "a tab is used for indentation; YAML needs spaces (replace the tab with spaces)"
CONTINUATION = (
    "this '- ' line is read as the end of the text above, not as a bullet: line it up with the "
    "other '-' of its list, or, for a sub-bullet, end the parent bullet with ':' and indent the "
    "sub-bullets under it"
)

# (id, file bytes, ["LINE:COL: message", ...]); ": message" when the message has no location.
BAD_YAML = [
    (
        "duplicate-deck-key",
        b"deck:\n  title: A\n  title: B\n" + SLIDES,
        ["3:3: deck: 'title' is given twice (first on line 2); keep one of them"],
    ),
    (
        "duplicate-slide-key",
        HEAD + b"  - title: X\n    bullets:\n      - a\n    bullets:\n      - b\n",
        [
            "7:5: slide 1 'X': 'bullets' is given twice (first on line 5); keep one of them, or, "
            "if it starts a new slide, put '- ' before it, lined up with the other slides' '- '"
        ],
    ),
    (
        "anchor",
        b"deck:\n  title: &t A\nslides:\n  - title: *t\n    bullets:\n      - a\n",
        [
            "2:10: text starting with '&' must be put in quotes (YAML reads '&' there as an "
            'anchor): title: "&t A"',
            # the slides after the first syntax error are read on their own: '*t' is refused too
            "4:12: text starting with '*' must be put in quotes (YAML reads '*' there as a "
            'reference to another part of the file): - title: "*t"',
        ],
    ),
    (
        "alias",
        HEAD + b"  - title: *ref\n    bullets:\n      - a\n",
        [
            "4:12: text starting with '*' must be put in quotes (YAML reads '*' there as a "
            'reference to another part of the file): - title: "*ref"'
        ],
    ),
    (
        "python-object-tag",
        b"deck:\n  title: !!python/object:os.system A\n" + SLIDES,
        [
            "2:10: '!!python/object:os.system' is a YAML tag, which an outline does not use; "
            "if '!' is part of your text, put the whole text in quotes: "
            'title: "!!python/object:os.system A"'
        ],
    ),
    (
        "python-apply-tag",
        HEAD + b"  - !!python/object/apply:os.system [echo hi]\n",
        [
            "4:5: '!!python/object/apply:os.system' is a YAML tag, which an outline does not "
            "use; if '!' is part of your text, put the whole text in quotes: "
            '- "!!python/object/apply:os.system [echo hi]"'
        ],
    ),
    (
        "colon-in-title",
        HEAD + b"  - title: Q3: results\n    bullets:\n      - a\n",
        [
            "4:14: a text contains ': ', which YAML reads as a new key; put the text in quotes: "
            '- title: "Q3: results"'
        ],
    ),
    (
        "colon-in-statement",
        HEAD + b"  - title: X\n    statement: Result: good\n",
        [
            "5:22: a text contains ': ', which YAML reads as a new key; put the text in quotes: "
            'statement: "Result: good"'
        ],
    ),
    (
        "star-bullet",
        HEAD + b"  - title: X\n    bullets:\n      - *important*\n",
        [
            "6:9: text starting with '*' must be put in quotes (YAML reads '*' there as a "
            'reference to another part of the file): - "*important*"'
        ],
    ),
    (
        "at-sign",
        HEAD + b"  - title: @handle\n    bullets:\n      - a\n",
        [
            "4:12: text cannot start with '@' in YAML; put the whole text in quotes, e.g. "
            '- title: "@handle"'
        ],
    ),
    ("tab-indent-key", b"deck:\n\ttitle: A\n" + SLIDES, [f"2:1: {TAB}"]),
    ("tab-indent-bullet", HEAD + b"  - title: X\n    bullets:\n\t- a\n", [f"6:1: {TAB}"]),
    (
        "unclosed-quote",
        b'deck:\n  title: "A\n' + SLIDES,
        ["2:10: this quote is never closed; add the closing quote at the end of the text"],
    ),
    (
        "several-documents",
        HEAD + SLIDES[len(b"slides:\n") :] + b"---\ndeck:\n  title: B\n",
        ["7:1: the file holds several YAML documents ('---'); keep one outline per file"],
    ),
    (
        "cp1252-smart-quotes",
        HEAD + b"  - title: X\n    bullets:\n      - " + "“quoted”".encode("cp1252") + b"\n",
        [f"6:9: {NOT_UTF8}"],
    ),
    (
        "control-character",
        b"deck:\n  title: A\x07B\n" + SLIDES,
        [
            "2:11: invisible control character U+0007 in the file; delete it "
            "(it may have come from copying text out of another program)"
        ],
    ),
    ("empty-file", b"", [f"1:1: {EMPTY}"]),
    ("only-comments", b"# nothing yet\n\n", [f"1:1: {EMPTY}"]),
    (
        "badly-indented-sub-bullet",
        HEAD + b"  - title: X\n    bullets:\n      - Parent\n        - child\n",
        [f"7:9: slide 1 'X': {CONTINUATION}"],
    ),
    (
        "nested-60-deep",
        HEAD + b"  - title: X\n    bullets: " + b"[" * 60 + b"a" + b"]" * 60 + b"\n",
        [f"5:51: {TOO_DEEP}"],
    ),
    ("nested-5000-deep", b"[" * 5000, [f"1:41: {TOO_DEEP}"]),
]


def expected_lines(path: Path, problems: list[str]) -> list[str]:
    """'LINE:COL: msg' -> 'PATH:LINE:COL: error: msg'; ': msg' -> 'PATH: error: msg'."""
    lines = []
    for problem in problems:
        where, message = problem.split(": ", 1)
        lines.append(f"{path}{':' if where else ''}{where}: error: {message}")
    return lines


def load_problems(path: Path) -> list[str]:
    with pytest.raises(yamldeck.OutlineError) as caught:
        yamldeck.load_outline(path)
    assert caught.value.exit_code == 1
    return [p.format() for p in caught.value.problems]


@pytest.mark.parametrize(
    ("raw", "problems"), [pytest.param(raw, p, id=name) for name, raw, p in BAD_YAML]
)
def test_bad_yaml_is_a_located_message_and_loses_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], raw: bytes, problems: list
) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_bytes(raw)
    (tmp_path / "slides.pptx").write_bytes(PREVIOUS_DECK)
    before = listing(tmp_path)
    expected = expected_lines(outline, problems)

    assert load_problems(outline) == expected

    code = main(["build", str(outline)])
    out, err = capsys.readouterr()
    assert (code, out) == (1, "")
    count = [f"{len(expected)} problems; nothing was written"] if len(expected) > 1 else []
    assert err.splitlines() == expected + count
    assert "Traceback" not in err
    assert listing(tmp_path) == before  # the old deck is intact, no temp file is left


def test_check_reports_the_same_problem(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        HEAD_TEXT + "  - title: Q3: results\n    bullets:\n      - a\n", encoding="utf-8"
    )
    assert main(["check", str(outline)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        f"{outline}:4:14: error: a text contains ': ', which YAML reads as a new key; "
        'put the text in quotes: - title: "Q3: results"\n'
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["slides.yaml"]


def test_deep_nesting_never_escapes_as_recursion_error(tmp_path: Path) -> None:
    for raw in (b"[" * 5000, b"- " * 3000 + b"a\n", b"{a: " * 3000):
        outline = tmp_path / "slides.yaml"
        outline.write_bytes(raw)
        problems = load_problems(outline)
        assert len(problems) == 1 and problems[0].endswith(f": error: {TOO_DEEP}"), problems


def test_a_bullet_containing_colon_space_gets_the_quote_fix(tmp_path: Path) -> None:
    """`- Note: text` is the commonest YAML trap in a bullet list: the message must say to quote."""
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        HEAD_TEXT + "  - title: X\n    bullets:\n      - Note: this is important\n      - Other\n",
        encoding="utf-8",
    )
    (problem,) = load_problems(outline)
    assert problem.startswith(f"{outline}:6:9: error: slide 1 'X': "), problem
    assert "quote" in problem and '"Note: this is important"' in problem, problem


def test_not_utf8_column_counts_characters_not_bytes(tmp_path: Path) -> None:
    """Columns count characters everywhere else (PyYAML marks): 'ü' before the bad byte is one."""
    outline = tmp_path / "slides.yaml"
    line = "  title: Türkiye "
    outline.write_bytes(("deck:\n" + line).encode("utf-8") + b"\x93x\x94\n")
    assert load_problems(outline) == [f"{outline}:2:{len(line) + 1}: error: {NOT_UTF8}"]


# --- text stays exactly as typed -----------------------------------------------------------------

AS_TYPED = "NO yes on off 1:30 0123 1.10 2024-03-05 0x1F 1e3 .inf True ~ null".split()


@pytest.mark.parametrize("typed", AS_TYPED)
def test_yaml_11_lookalikes_stay_text_in_the_loader(tmp_path: Path, typed: str) -> None:
    outline = tmp_path / "slides.yaml"
    outline.write_text(
        f"deck:\n  title: {typed}\n  date: {typed}\nslides:\n"
        f"  - title: {typed}\n    bullets:\n      - {typed}\n      - Parent:\n          - {typed}\n"
        f"  - title: T\n    number: {typed}\n    details:\n      - {typed}\n",
        encoding="utf-8",
    )
    loaded, _ = yamldeck.load_outline(outline)
    assert loaded.deck.title == typed and loaded.deck.date == typed
    bullets, number = loaded.slides
    assert bullets.title == typed
    assert bullets.bullets[0].text == typed
    assert bullets.bullets[1].children[0].text == typed
    assert number.number == typed and number.details == [typed]


def test_yaml_11_lookalikes_reach_the_slides_as_typed(tmp_path: Path) -> None:
    slides = "".join(
        f"  - title: {typed}\n    bullets:\n      - {typed}\n      - x {typed}\n"
        for typed in AS_TYPED
    )
    built = build_outline(
        f"deck:\n  title: 1.10\n  date: 2024-03-05\nslides:\n  - kind: title\n{slides}", tmp_path
    )
    first, *rest = built.prs.slides
    assert title_shape(first).text_frame.text == "1.10"
    assert placeholder_at(first, 13).text_frame.text == "2024-03-05"
    assert len(rest) == len(AS_TYPED)
    for slide, typed in zip(rest, AS_TYPED, strict=True):
        assert title_shape(slide).text_frame.text == typed
        body = placeholder_at(slide, 1)
        assert [p.text for p in body.text_frame.paragraphs] == [typed, f"x {typed}"]
    assert built.prs.core_properties.title == "1.10"


def test_quoted_and_block_text_is_kept(tmp_path: Path) -> None:
    built = build_outline(
        HEAD_TEXT
        + '  - title: "Q3: results"\n    bullets:\n      - "*important* point"\n'
        + "      - '@handle & co'\n      - \"~\"\n",
        tmp_path,
    )
    (slide,) = built.prs.slides
    assert title_shape(slide).text_frame.text == "Q3: results"
    assert [p.text for p in placeholder_at(slide, 1).text_frame.paragraphs] == [
        "important point",  # *important* is italic markup once quoted
        "@handle & co",
        "~",
    ]
