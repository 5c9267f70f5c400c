"""Robustness: whatever the outline, yamldeck builds a valid deck or reports its own located error.

Hypothesis mutates the shipped slides.yaml (characters inserted, deleted and swapped, lines
re-indented, keys renamed) and writes random outlines; subprocesses under memory and CPU limits
feed the alias bomb, a huge file and very deep nesting."""

from __future__ import annotations

import json
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import SHIPPED_OUTLINE, validate_pptx
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from yamldeck.commands.build import build_deck
from yamldeck.errors import YamldeckError
from yamldeck.outline.model import SLIDE_MODELS, Deck

SHIPPED = SHIPPED_OUTLINE.read_text(encoding="utf-8")
SLIDE_KEYS = sorted({key for model in SLIDE_MODELS.values() for key in model.model_fields})
KEYS = sorted({*SLIDE_KEYS, *Deck.model_fields, "deck", "slides", "bullet", "imgae", "titel"})
# Characters that mean something to YAML or to yamldeck, and some that arrive by copy and paste.
NASTY = list(":-#*&!|>[]{}\"'`@%,?~\\ \t\n") + [
    "\u201c",
    "\u201d",
    "\u200b",
    "\u202e",
    "\x07",
    "\ufeff",
    "\u00e9",
    "\U0001f600",
]
TEXT = st.text(alphabet=st.sampled_from([*NASTY, *"abcXYZ019 "]), max_size=30)
SAMPLED_VALIDATIONS = 4  # pptx_validate on a few built decks, not all, to stay fast
_validated: list[Path] = []


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder like the project's: the outline's pictures and CSV files beside it."""
    folder = tmp_path_factory.mktemp("property")
    if (SHIPPED_OUTLINE.parent / "assets").is_dir():
        shutil.copytree(SHIPPED_OUTLINE.parent / "assets", folder / "assets")
    return folder


def builds_or_explains(text: str, folder: Path) -> None:
    """The property: a deck that validates, or YamldeckError whose every problem has a line."""
    outline = folder / "slides.yaml"
    outline.write_bytes(text.encode("utf-8", "surrogatepass"))
    output = folder / f"deck{len(_validated)}.pptx"
    try:
        result = build_deck(outline, output)
    except YamldeckError as exc:
        event(f"refused: {type(exc).__name__}")  # see --hypothesis-show-statistics
        assert exc.problems
        for problem in exc.problems:
            assert problem.line is not None and problem.column is not None, problem.format()
            assert len(problem.format().splitlines()) == 1, problem.format()
        return
    event("built")
    assert result.output == output and output.stat().st_size > 0
    if len(_validated) < SAMPLED_VALIDATIONS:
        validate_pptx(output)
        _validated.append(output)


# --- mutations of the shipped outline -------------------------------------------------------------


@st.composite
def mutated_outline(draw: st.DrawFn) -> str:
    text = SHIPPED
    for _ in range(draw(st.integers(1, 3))):
        operation = draw(st.sampled_from(["insert", "delete", "swap", "indent", "rename", "line"]))
        text = MUTATIONS[operation](draw, text)
    return text


def _insert(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(st.sampled_from(NASTY)) + text[at:]


def _delete(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text) - 1))
    return text[:at] + text[at + 1 :]


def _swap(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text) - 2))
    return text[:at] + text[at + 1] + text[at] + text[at + 2 :]


def _indent(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    at = draw(st.integers(0, len(lines) - 1))
    shift = draw(st.sampled_from([-3, -2, -1, 1, 2, 3]))
    line = lines[at]
    lines[at] = (
        " " * shift + line if shift > 0 else line[min(-shift, len(line) - len(line.lstrip())) :]
    )
    return "\n".join(lines)


def _rename(draw: st.DrawFn, text: str) -> str:
    keys = list(re.finditer(r"^\s*-?\s*([A-Za-z_]+):", text, flags=re.M))
    match = draw(st.sampled_from(keys))
    old = match.group(1)
    new = draw(
        st.one_of(
            st.sampled_from(KEYS),
            st.just(old[:-1]),
            st.just(old + "s"),
            st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10),
        )
    )
    return text[: match.start(1)] + new + text[match.end(1) :]


def _line(draw: st.DrawFn, text: str) -> str:
    lines = text.split("\n")
    at = draw(st.integers(0, len(lines) - 1))
    if draw(st.booleans()):
        lines.insert(at, lines[draw(st.integers(0, len(lines) - 1))])
    else:
        del lines[at]
    return "\n".join(lines)


MUTATIONS = {
    "insert": _insert,
    "delete": _delete,
    "swap": _swap,
    "indent": _indent,
    "rename": _rename,
    "line": _line,
}


@settings(
    max_examples=60,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=mutated_outline())
def test_mutated_shipped_outline(workdir: Path, text: str) -> None:
    builds_or_explains(text, workdir)


# --- random outlines ------------------------------------------------------------------------------


def _scalar(text: str, plain: bool) -> str:
    """A text as an author might type it: bare (YAML then decides), or in double quotes."""
    return text.replace("\n", " ") if plain else json.dumps(text, ensure_ascii=False)


@st.composite
def value(draw: st.DrawFn, depth: int = 0) -> object:
    options = [TEXT, st.sampled_from(["NO", "1:30", "0123", "~", "", "Q3: results", "a #1"])]
    if depth < 2:
        options.append(st.lists(value(depth + 1), min_size=0, max_size=3))
        options.append(
            st.dictionaries(st.sampled_from([*KEYS, "Parent"]), value(depth + 1), max_size=2)
        )
    return draw(st.one_of(options))


def emit(node: object, indent: int, plain: list[bool]) -> list[str]:
    """Block YAML for ``node``; ``plain`` decides, text by text, whether to leave off quotes."""
    pad = " " * indent
    lines: list[str] = []
    items = node.items() if isinstance(node, dict) else enumerate(node)  # type: ignore[union-attr]
    for key, item in items:
        lead = f"{pad}- " if isinstance(node, list) else f"{pad}{key}:"
        bare = plain[len(lines) % len(plain)]
        if isinstance(item, (dict, list)) and item:
            lines.append(lead.rstrip() if isinstance(node, list) else lead)
            lines.extend(emit(item, indent + 2, plain))
        else:
            shown = _scalar(item, bare) if isinstance(item, str) else ""
            lines.append(f"{lead}{' ' if isinstance(node, dict) else ''}{shown}".rstrip())
    return lines


@st.composite
def random_outline(draw: st.DrawFn) -> str:
    slides = draw(
        st.lists(
            st.dictionaries(
                st.sampled_from([*SLIDE_KEYS, "bullet", "titel"]), value(), min_size=1, max_size=4
            ).map(lambda d: d | {"kind": d["kind"]} if "kind" in d else d),
            min_size=0,
            max_size=4,
        )
    )
    for slide in slides:
        if draw(st.booleans()):
            slide["kind"] = draw(st.sampled_from([*SLIDE_MODELS, "bulets"]))
    deck = {"title": draw(TEXT)} | draw(st.dictionaries(st.sampled_from(KEYS), value(), max_size=2))
    plain = draw(st.lists(st.booleans(), min_size=1, max_size=5))
    return "\n".join(emit({"deck": deck, "slides": slides}, 0, plain)) + "\n"


@settings(
    max_examples=120,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=random_outline())
def test_random_outline(workdir: Path, text: str) -> None:
    builds_or_explains(text, workdir)


# Slides of the right shape with arbitrary text: exercises markup, fitting and rendering.
PROSE = st.lists(
    st.sampled_from([*NASTY, *"abcdefgh XYZ019()*[]_\\", "https://x.org", "[a](", "**", "word "]),
    max_size=60,
).map("".join)
SHAPED = {
    "bullets": {"title": PROSE, "bullets": st.lists(PROSE, min_size=1, max_size=6)},
    "statement": {"title": PROSE, "statement": PROSE},
    "number": {"title": PROSE, "number": PROSE, "caption": PROSE},
    "section": {"kind": st.just("section"), "title": PROSE, "subtitle": PROSE},
    "closing": {"kind": st.just("closing"), "contacts": st.lists(PROSE, max_size=4)},
}


@st.composite
def shaped_outline(draw: st.DrawFn) -> str:
    kinds = draw(st.lists(st.sampled_from(sorted(SHAPED)), min_size=1, max_size=4))
    slides = [draw(st.fixed_dictionaries(SHAPED[kind])) for kind in kinds]
    outline = {"deck": {"title": draw(PROSE) or "T", "footer": draw(PROSE)}, "slides": slides}
    return "\n".join(emit(outline, 0, [False])) + "\n"


@settings(
    max_examples=50,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(text=shaped_outline())
def test_shaped_outline_with_any_text(workdir: Path, text: str) -> None:
    builds_or_explains(text, workdir)


def test_shipped_outline_builds_in_the_property_folder(workdir: Path) -> None:
    """Unmutated, the shipped outline builds there, so mutations start from a valid outline."""
    result = build_deck(_write(workdir / "shipped.yaml", SHIPPED), workdir / "shipped.pptx")
    assert result.slides >= 10


def test_random_outlines_do_build_sometimes(workdir: Path) -> None:
    """The emitter can write valid outlines, so the property is not only about errors."""
    text = "\n".join(
        emit(
            {"deck": {"title": "T"}, "slides": [{"title": "A: b", "bullets": ["x", "y"]}]},
            0,
            [False],
        )
    )
    result = build_deck(_write(workdir / "ok.yaml", text + "\n"), workdir / "ok.pptx")
    assert result.slides == 1


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# --- bombs and huge inputs, under memory and CPU limits -----------------------------------------

MEMORY = 1 << 30  # 1 GB of address space
CPU_SECONDS = 20


def _limits() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY, MEMORY))
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_SECONDS, CPU_SECONDS))


def limited_check(folder: Path) -> tuple[int, str, float]:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "yamldeck", "check", "slides.yaml"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limits,
    )
    assert run.stdout == ""
    return run.returncode, run.stderr, time.perf_counter() - start


def test_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    """9 aliases by 8 levels: 9**8 = 43 million strings for naive code; refused at the anchor."""
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for prev, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    bomb = "\n".join(lines) + "\n"
    assert len(bomb.encode()) < 500  # the guide's measured one is 401 bytes
    (tmp_path / "slides.yaml").write_text(bomb, encoding="utf-8")
    code, err, seconds = limited_check(tmp_path)
    assert (code, err) == (
        1,
        "slides.yaml:1:4: error: '&a' is a YAML anchor; an outline does not use anchors (&name) "
        "or aliases (*name): write each text out in full\n",
    )
    assert seconds < 15


def test_huge_file_is_refused_before_it_is_read(tmp_path: Path) -> None:
    with (tmp_path / "slides.yaml").open("wb") as handle:
        handle.truncate(50_000_000)  # 50 MB
    code, err, seconds = limited_check(tmp_path)
    assert (code, err) == (
        1,
        "slides.yaml: error: the outline is 50,000,000 bytes; the limit is 5,000,000; "
        "split the talk into several outlines\n",
    )
    assert seconds < 15


@pytest.mark.parametrize(
    ("nesting", "where"),
    [("[" * 100_000, "1:41"), ("- " * 100_000 + "x\n", "1:81"), ("{a: " * 100_000, "1:158")],
    ids=["flow-lists", "block-lists", "flow-keys"],
)
def test_deep_nesting_is_refused_with_its_place(tmp_path: Path, nesting: str, where: str) -> None:
    (tmp_path / "slides.yaml").write_text(nesting, encoding="utf-8")
    code, err, seconds = limited_check(tmp_path)
    assert (code, err) == (
        1,
        f"slides.yaml:{where}: error: nested more than 40 levels deep; an outline never needs "
        "this: check the indentation and the brackets here\n",
    )
    assert seconds < 15


def test_a_device_is_not_read_as_an_outline(tmp_path: Path) -> None:
    code, err, _ = limited_check_path("/dev/zero", tmp_path)
    assert (code, err) == (1, "error: '/dev/zero' is not a regular file\n")


def limited_check_path(outline: str, folder: Path) -> tuple[int, str, float]:
    start = time.perf_counter()
    run = subprocess.run(
        [sys.executable, "-m", "yamldeck", "check", outline],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=_limits,
    )
    return run.returncode, run.stderr, time.perf_counter() - start
