"""Strict YAML reading: plain data where every scalar is the text as typed, plus a source map."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from ..errors import OutlineError, Problem, Warnings
from .composer import MAX_DEPTH, ComposeLoader, Refused
from .fastload import compose_fast
from .messages import explain
from .nodes import Builder
from .resume import later_problems
from .source import Mark, Path_, SourceMap, format_path, slide_label

__all__ = [
    "Document",
    "Mark",
    "Path_",
    "SourceMap",
    "format_path",
    "parse_document",
    "read_document",
    "slide_label",
]

MAX_BYTES = 5_000_000


@dataclass(frozen=True)
class Document:
    data: Any
    source: SourceMap


def read_document(
    path: Path, display_name: str | None = None, warnings: Warnings | None = None
) -> Document:
    """Read ``path`` as a strict YAML outline; raise OutlineError with located problems."""
    name = display_name or str(path)
    try:
        if not path.exists():
            raise OutlineError(Problem(f"outline not found: '{name}'"))
        if path.is_dir():
            raise OutlineError(
                Problem(f"'{name}' is a folder; give the outline file, e.g. {name}/slides.yaml")
            )
        if not path.is_file():
            raise OutlineError(Problem(f"'{name}' is not a regular file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise OutlineError(
                Problem(
                    f"the outline is {size:,} bytes; the limit is {MAX_BYTES:,}; "
                    "split the talk into several outlines",
                    file=name,
                )
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise OutlineError(Problem(f"cannot read '{name}': {exc.strerror or exc}")) from None
    return parse_document(raw, name, warnings)


def parse_document(raw: bytes, name: str, warnings: Warnings | None = None) -> Document:
    """Parse outline bytes; every scalar becomes ``str``; mappings and lists keep their order."""
    text = _decode(raw, name)
    source = SourceMap(file=name, lines=text.splitlines())
    _check_characters(text, source)
    node = compose_fast(text, MAX_DEPTH)  # LibYAML, when the text is clean: 10x faster
    if node is None:
        node = _compose_python(text, source)
    if node is None:
        raise OutlineError(
            Problem(
                "the outline is empty: write 'deck:' with the deck's 'title:', then 'slides:' "
                "with the list of slides (the README has an example)",
                file=name,
                line=1,
                column=1,
            )
        )
    builder = Builder(source)
    data = builder.build(node, ())
    if builder.errors:
        raise OutlineError(builder.labelled(data, builder.errors))
    if warnings is not None:
        for problem in builder.labelled(data, builder.warnings):
            warnings.add(problem)
    return Document(data, source)


def _compose_python(text: str, source: SourceMap) -> Any:
    """The root node by PyYAML's Python composer, which refuses what an outline must not use.

    On a syntax error, the slides after it are read too: every slide's first syntax error is
    reported in one run, not one error per run.
    """
    loader = ComposeLoader(text)
    try:
        return loader.get_single_node()
    except Refused as exc:
        first = _at(source, exc.mark, exc.message)
    except yaml.MarkedYAMLError as exc:
        mark, message = explain(exc, source.lines)
        first = _at(source, mark, message)
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML parse error is marked
        raise OutlineError(Problem(f"not valid YAML: {exc}", file=source.file)) from None
    finally:
        loader.dispose()
    raise OutlineError([first, *later_problems(source, (first.line or 1) - 1)])


# Files given by mistake instead of the outline, by their first bytes.
_NOT_AN_OUTLINE = (
    (b"PK\x03\x04", "a zip package (a PowerPoint .pptx, a Word .docx or similar)"),
    (b"\xd0\xcf\x11\xe0", "an old Office file (.ppt, .doc or .xls)"),
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG picture"),
    (b"\xff\xd8\xff", "a JPEG picture"),
    (b"GIF8", "a GIF picture"),
)


def _decode(raw: bytes, name: str) -> str:
    for magic, what in _NOT_AN_OUTLINE:
        if raw.startswith(magic):
            raise OutlineError(
                Problem(
                    f"this file is {what}, not an outline; give the .yaml outline of the talk, "
                    "e.g. yamldeck build slides.yaml",
                    file=name, line=1, column=1,
                )
            )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raw = raw.decode("utf-16").encode("utf-8")  # Notepad's "Unicode": unambiguous with its BOM
    else:
        raw = _utf16_without_bom(raw)
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", "replace")) + 1
        byte = raw[exc.start]
        shown = bytes([byte]).decode("cp1252", "replace")
        how = " (Word's curly quotes and dashes often arrive like this)" if byte < 0xA0 else ""
        raise OutlineError(
            Problem(
                f"the file is not saved as UTF-8: byte 0x{byte:02X} here is '{shown}' in the "
                f"Windows (cp1252) encoding{how}; save the file with UTF-8 encoding "
                "(in most editors: Save As > Encoding > UTF-8)",
                file=name,
                line=before.count(b"\n") + 1,
                column=column,
            )
        ) from None


def _utf16_without_bom(raw: bytes) -> bytes:
    """UTF-16 text saved without its byte-order mark, as UTF-8; other bytes as they are.

    Text that is mostly ASCII has a zero in every other byte in UTF-16, which UTF-8 text never
    has: that pattern over the first few kilobytes is unambiguous.
    """
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2 or b"\x00" not in sample:
        return raw
    even, odd = sample[0::2], sample[1::2]
    for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        # (a few zeros among the others: characters such as U+4E00 end in a zero byte)
        if zeros.count(0) > len(zeros) // 2 and others.count(0) <= len(others) // 20:
            try:
                return raw.decode(encoding).encode("utf-8")
            except UnicodeDecodeError:
                return raw
    return raw


_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _check_characters(text: str, source: SourceMap) -> None:
    problems = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _CONTROL.finditer(line):
            char = match.group()
            problems.append(
                Problem(
                    f"invisible control character U+{ord(char):04X} in the file; delete it "
                    "(it may have come from copying text out of another program)",
                    file=source.file,
                    line=number,
                    column=match.start() + 1,
                )
            )
    if problems:
        raise OutlineError(problems)


def _at(source: SourceMap, mark: Any, message: str) -> Problem:
    return Problem(message, file=source.file, line=mark.line + 1, column=mark.column + 1)
