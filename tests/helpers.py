"""Shared test helpers: build outlines into decks, check them with the validator, read them back.

Everything here reads the built package the way another program would (python-pptx and raw XML);
nothing imports yamldeck's renderer, so expectations never come from the code under test.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.oxml.ns import qn

import yamldeck

TESTS = Path(__file__).resolve().parent
DATA = TESTS / "data"
REPO = TESTS.parent
SHARED = Path(__file__).resolve().parents[2] / "shared"  # beside the team's checkout only
VALIDATOR = SHARED / "tools" / "pptx_validate.py"
SEED = DATA / "seed"  # the briefing slides.yaml was written from (tests/data/README.md)
# CI=true: what a test needs must be there (LibreOffice, ../shared); a skip would hide a gap.
IN_CI = os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")
SHIPPED_OUTLINE = REPO / "slides.yaml"
SHIPPED_ASSETS = REPO / "assets"  # files the shipped outline refers to
# What copy_shipped puts in a folder.
SHIPPED_FILES = sorted(["slides.yaml", *([SHIPPED_ASSETS.name] if SHIPPED_ASSETS.is_dir() else [])])


def shipped_slide_count() -> int:
    """How many slides the shipped outline has (read with yaml.safe_load, not with yamldeck)."""
    return len(yaml.safe_load(SHIPPED_OUTLINE.read_text(encoding="utf-8"))["slides"])


TITLE_TYPES = (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
FURNITURE_TYPES = (PP_PLACEHOLDER.FOOTER, PP_PLACEHOLDER.SLIDE_NUMBER, PP_PLACEHOLDER.DATE)

# (resolved path, sha256) of every deck that went through the validator in this session.
_VALIDATED: set[tuple[str, str]] = set()


# --- validation ----------------------------------------------------------------------------------


def _fingerprint(path: Path) -> tuple[str, str]:
    return str(path.resolve()), hashlib.sha256(path.read_bytes()).hexdigest()


_AUDITOR: list[Any] = []  # one validator for the session: its schemas are loaded once
_AUDITED: set[str] = set()  # sha256 of decks openxml-audit passed (a rebuilt deck is the same)


def audit_findings(path: Path) -> list[str]:
    """What openxml-audit (the test extras' validator: ECMA-376 schemas and PowerPoint's rules)
    finds in the deck, as 'part path: [severity] message'."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest in _AUDITED:
        return []
    if not _AUDITOR:
        try:
            from openxml_audit import OpenXmlValidator
        except ImportError:  # a test dependency: its absence is a failure, not a skip
            raise AssertionError(
                "openxml-audit is not installed; install the test extras: pip install -e '.[test]'"
            ) from None
        _AUDITOR.append(OpenXmlValidator(max_errors=0))
    findings = [
        f"{e.part_uri}{e.path or ''}: [{e.severity.value}] {e.description}"
        for e in _AUDITOR[0].validate(path).errors
    ]
    if not findings:
        _AUDITED.add(digest)
    return findings


def validate_pptx(*paths: str | Path) -> None:
    """Check the decks with openxml-audit and, where ../shared is beside the repository, with
    ../shared/tools/pptx_validate.py; assert neither finds anything.

    openxml-audit is a test dependency and always runs. Without ../shared the second check cannot
    run and is passed over silently; test_validator_present_when_shared_exists documents that
    case (and fails if only the tool is missing).
    """
    if not paths:
        return
    for path in paths:
        findings = audit_findings(Path(path))
        assert not findings, f"openxml-audit: {path}:\n" + "\n".join(findings[:20])
    if VALIDATOR.is_file():
        run = subprocess.run(
            [sys.executable, str(VALIDATOR), *(str(p) for p in paths)],
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert run.returncode == 0, (
            f"pptx_validate.py exited {run.returncode}:\n{run.stdout}{run.stderr}"
        )
    for path in paths:
        _VALIDATED.add(_fingerprint(Path(path)))


def is_deck_file(path: Path) -> bool:
    """A regular (non-symlink) .pptx file holding a zip package, i.e. something yamldeck wrote."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"PK\x03\x04"


def unvalidated_decks(folder: Path) -> list[Path]:
    """Decks under ``folder`` that have not been through validate_pptx in their current form."""
    return sorted(
        path
        for path in folder.rglob("*.pptx")
        if is_deck_file(path) and _fingerprint(path) not in _VALIDATED
    )


# --- building ------------------------------------------------------------------------------------


@dataclass
class Built:
    path: Path  # the deck
    outline: Path  # the outline it was built from
    prs: Any  # pptx.Presentation of the deck
    result: yamldeck.BuildResult


def build_outline(text: str, folder: Path, name: str = "slides.yaml") -> Built:
    """Write ``text`` as an outline in ``folder``, build it (yamldeck.build_deck), check, reopen."""
    outline = folder / name
    outline.write_text(text, encoding="utf-8")
    return build_file(outline)


def build_file(outline: Path, output: Path | None = None) -> Built:
    result = yamldeck.build_deck(outline, output)
    validate_pptx(result.output)
    return Built(
        path=Path(result.output),
        outline=outline,
        prs=Presentation(str(result.output)),
        result=result,
    )


def copy_shipped(folder: Path, name: str = "slides.yaml") -> Path:
    """Copy the shipped outline (as ``name``) and the files it uses (assets/) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / name
    shutil.copyfile(SHIPPED_OUTLINE, target)
    if SHIPPED_ASSETS.is_dir():
        shutil.copytree(SHIPPED_ASSETS, folder / SHIPPED_ASSETS.name)
    return target


def files_in(folder: Path) -> list[str]:
    """Names of the entries directly in ``folder``, sorted."""
    return sorted(p.name for p in folder.iterdir())


def listing(folder: Path) -> dict[str, bytes]:
    """Every file below ``folder`` with its bytes (proof nothing was written, changed or lost)."""
    return {
        str(p.relative_to(folder)): (p.read_bytes() if p.is_file() and not p.is_symlink() else b"")
        for p in sorted(folder.rglob("*"))
    }


# --- the CLI in a subprocess ---------------------------------------------------------------------


@dataclass
class CliRun:
    code: int
    out: str
    err: str


def clean_env(**overrides: str) -> dict[str, str]:
    """The environment without SOURCE_DATE_EPOCH (so a caller's setting cannot leak in)."""
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    env.update(overrides)
    return env


def run_cli(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> CliRun:
    """``python -m yamldeck ARGS`` in ``cwd``."""
    run = subprocess.run(
        [sys.executable, "-m", "yamldeck", *args],
        cwd=cwd,
        env=env if env is not None else clean_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    return CliRun(run.returncode, run.stdout, run.stderr)


def assert_no_traceback(err: str) -> None:
    assert "Traceback" not in err, err
    assert "internal error" not in err, err


# --- reading outlines independently of yamldeck --------------------------------------------------

_LINK = re.compile(r"\[([^\]\n]+)\]\(([^)\s]*)\)")
_BOLD = re.compile(r"\*\*(\S(?:.*?\S)?)\*\*")
_ITALIC = re.compile(r"(?<!\*)\*(?!\s|\*)(.+?)(?<![\s*])\*(?!\*)")


def strip_markup(text: str) -> str:
    """What a reader sees of outline text: [t](u) -> t, **b** -> b, *i* -> i."""
    text = _LINK.sub(r"\1", text)
    text = _BOLD.sub(r"\1", text)
    return _ITALIC.sub(r"\1", text).strip()


def flatten_bullets(items: list[Any], level: int = 0) -> list[tuple[str, int]]:
    """Outline bullets (texts, or one-key mappings 'Parent: [children]') as (plain text, level)."""
    out: list[tuple[str, int]] = []
    for item in items:
        if isinstance(item, dict):
            ((text, children),) = item.items()
            out.append((strip_markup(str(text)), level))
            out.extend(flatten_bullets(children, level + 1))
        else:
            out.append((strip_markup(str(item)), level))
    return out


def notes_paragraphs(notes: str) -> list[str]:
    """Speaker notes as paragraphs: blank lines separate them, wrapped lines are joined up."""
    blocks = re.split(r"\n\s*\n", notes.strip())
    return [
        strip_markup(" ".join(line.strip() for line in b.splitlines())) for b in blocks if b.strip()
    ]


def normalise_space(text: str) -> str:
    return " ".join(text.split())


# --- reading decks -------------------------------------------------------------------------------


def title_shape(slide: Any) -> Any:
    found = [p for p in slide.placeholders if p.placeholder_format.type in TITLE_TYPES]
    assert len(found) == 1, [p.name for p in slide.placeholders]
    return found[0]


def placeholder_at(slide: Any, idx: int) -> Any:
    found = [p for p in slide.placeholders if p.placeholder_format.idx == idx]
    assert len(found) == 1, (idx, [(p.name, p.placeholder_format.idx) for p in slide.placeholders])
    return found[0]


def content_placeholders(slide: Any) -> list[Any]:
    """Placeholders other than the title and footer furniture."""
    return [
        p
        for p in slide.placeholders
        if p.placeholder_format.type not in TITLE_TYPES + FURNITURE_TYPES
    ]


def of_type(slide: Any, kind: PP_PLACEHOLDER) -> list[Any]:
    return [p for p in slide.placeholders if p.placeholder_format.type == kind]


def paragraphs(shape: Any) -> list[tuple[str, int]]:
    return [(p.text, p.level) for p in shape.text_frame.paragraphs]


def slide_text(slide: Any) -> list[str]:
    """Every paragraph's text on the slide, in shape order (slide-number fields included)."""
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.extend(p.text for p in shape.text_frame.paragraphs)
    return texts


def runs(slide: Any) -> Iterator[Any]:
    for shape in slide.shapes:
        if shape.has_text_frame:
            for paragraph in shape.text_frame.paragraphs:
                yield from paragraph.runs


def link_addresses(slide: Any) -> list[str]:
    return [r.hyperlink.address for r in runs(slide) if r.hyperlink.address]


def text_runs_xml(element: Any) -> list[Any]:
    """a:r and a:fld elements that carry visible text."""
    found = []
    for tag in ("a:r", "a:fld"):
        for run in element.iter(qn(tag)):
            t = run.find(qn("a:t"))
            if t is not None and (t.text or "").strip():
                found.append(run)
    return found


def slide_number_fields(slide: Any) -> list[Any]:
    return [f for f in slide._element.iter(qn("a:fld")) if f.get("type") == "slidenum"]
