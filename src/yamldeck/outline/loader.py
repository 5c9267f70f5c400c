"""Strict YAML reading: plain data where every scalar is the text that was typed, plus a source map."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ..errors import OutlineError, Problem

MAX_BYTES = 5_000_000
MAX_DEPTH = 40

Path_ = tuple[Any, ...]  # a location inside the document: keys and list indices


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceMap:
    """Where each key and value of the document was written."""

    file: str
    keys: dict[Path_, Mark] = field(default_factory=dict)
    values: dict[Path_, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def locate(self, path: Path_, *, key: bool = False) -> Mark | None:
        """The mark of ``path`` (its key when ``key``), else of its nearest located ancestor."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for end in range(len(path) - 1, -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return None

    def problem(self, path: Path_, message: str, *, key: bool = False, severity: str = "error") -> Problem:
        mark = self.locate(path, key=key)
        return Problem(
            message,
            file=self.file,
            line=mark.line if mark else None,
            column=mark.column if mark else None,
            severity=severity,  # type: ignore[arg-type]
        )


@dataclass(frozen=True)
class Document:
    data: Any
    source: SourceMap


class _ComposeLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases, anchors and explicit tags, with their location."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent):
            raise _Refused(event.start_mark, _alias_message(self, event))
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise _Refused(
                event.start_mark,
                f"'&{anchor}' is a YAML anchor; an outline does not use anchors or aliases. "
                "If '&' is part of your text, put the whole text in quotes",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise _Refused(
                event.start_mark,
                f"'{shown}' is a YAML tag; an outline does not use tags. "
                "If '!' is part of your text, put the whole text in quotes",
            )
        return super().compose_node(parent, index)


def _alias_message(loader: _ComposeLoader, event: Any) -> str:
    line = loader.buffer.splitlines()[event.start_mark.line] if loader.buffer else ""
    text = line[event.start_mark.column :].strip()
    return (
        f"text starting with '*' looks like a YAML alias; put the whole text in quotes: "
        f"\"{text.strip(chr(34))}\""
    )


class _Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


def read_document(path: Path, display_name: str | None = None) -> Document:
    """Read ``path`` as a strict YAML outline; raise OutlineError with located problems."""
    name = display_name or str(path)
    try:
        if not path.exists():
            raise OutlineError(Problem(f"outline not found: '{name}'"))
        if path.is_dir():
            raise OutlineError(Problem(f"'{name}' is a folder; give the outline file, e.g. {name}/slides.yaml"))
        if not path.is_file():
            raise OutlineError(Problem(f"'{name}' is not a regular file"))
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise OutlineError(
                Problem(f"outline is {size:,} bytes; the limit is {MAX_BYTES:,}; split the talk", file=name)
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise OutlineError(Problem(f"cannot read '{name}': {exc.strerror or exc}")) from None
    return parse_document(raw, name)


def parse_document(raw: bytes, name: str) -> Document:
    """Parse outline bytes; every scalar becomes ``str``; mappings and lists keep their order."""
    text = _decode(raw, name)
    source = SourceMap(file=name, lines=text.splitlines())
    _check_characters(text, source)
    loader = _ComposeLoader(text)
    try:
        node = loader.get_single_node()
    except _Refused as exc:
        raise OutlineError(_at(source, exc.mark, exc.message)) from None
    except yaml.MarkedYAMLError as exc:
        raise OutlineError(_explain_yaml_error(exc, source)) from None
    except yaml.YAMLError as exc:  # pragma: no cover - every PyYAML parse error is marked
        raise OutlineError(Problem(f"not valid YAML: {exc}", file=name)) from None
    except RecursionError:
        raise OutlineError(Problem(f"the outline is nested too deeply (limit {MAX_DEPTH})", file=name)) from None
    finally:
        loader.dispose()
    if node is None:
        raise OutlineError(
            Problem("the outline is empty; it needs 'deck:' and 'slides:' (see the README)", file=name, line=1, column=1)
        )
    problems: list[Problem] = []
    data = _to_data(node, (), source, problems, 0)
    if problems:
        raise OutlineError(problems)
    return Document(data, source)


def _decode(raw: bytes, name: str) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        column = len(before) - (before.rfind(b"\n") + 1) + 1
        byte = raw[exc.start]
        hint = ""
        if 0x80 <= byte <= 0x9F or byte in (0xA0,):
            hint = " (a Windows 'smart' quote or dash?)"
        raise OutlineError(
            Problem(
                f"the file is not UTF-8: byte 0x{byte:02X}{hint} cannot be read; "
                "save the file with UTF-8 encoding (in most editors: Save As > Encoding > UTF-8)",
                file=name,
                line=line,
                column=column,
            )
        ) from None


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


def _to_data(node: Any, path: Path_, source: SourceMap, problems: list[Problem], depth: int) -> Any:
    source.values[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
    if depth > MAX_DEPTH:
        problems.append(_at(source, node.start_mark, f"nested too deeply (limit {MAX_DEPTH} levels)"))
        return None
    if isinstance(node, yaml.ScalarNode):
        if node.style is None and node.value == "" or (node.style is None and node.value in ("~", "null", "Null", "NULL")):
            return None
        if node.style is None and node.end_mark.line > node.start_mark.line:
            _check_continuation(node, source, problems)
        return node.value
    if isinstance(node, yaml.SequenceNode):
        return [_to_data(item, path + (i,), source, problems, depth + 1) for i, item in enumerate(node.value)]
    result: dict[str, Any] = {}
    first_seen: dict[str, Any] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode):
            problems.append(_at(source, key_node.start_mark, "a key must be a plain word such as 'title'"))
            continue
        key = key_node.value
        if key in first_seen:
            first = first_seen[key]
            problems.append(
                _at(
                    source,
                    key_node.start_mark,
                    f"'{key}' is given twice (first on line {first.line + 1}); keep one of them",
                )
            )
            continue
        first_seen[key] = key_node.start_mark
        source.keys[path + (key,)] = Mark(key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        result[key] = _to_data(value_node, path + (key,), source, problems, depth + 1)
    return result


def _check_continuation(node: Any, source: SourceMap, problems: list[Problem]) -> None:
    """An unquoted text that runs on to a line starting with '- ' is a sub-bullet indented wrongly."""
    for number in range(node.start_mark.line + 1, node.end_mark.line + 1):
        if number >= len(source.lines):
            break
        line = source.lines[number]
        if line.lstrip().startswith("- "):
            column = len(line) - len(line.lstrip())
            problems.append(
                Problem(
                    "this '- ' line is read as the end of the text above, not as a bullet: "
                    "line it up with the other '-' of its list, or, for a sub-bullet, end the "
                    "parent bullet with ':' and indent the sub-bullets under it",
                    file=source.file,
                    line=number + 1,
                    column=column + 1,
                )
            )
            return


def _explain_yaml_error(exc: yaml.MarkedYAMLError, source: SourceMap) -> Problem:
    """Turn PyYAML's parser vocabulary into a message a non-programmer can act on."""
    mark = exc.problem_mark or exc.context_mark
    problem = exc.problem or ""
    context = exc.context or ""
    line_text = source.lines[mark.line] if mark and mark.line < len(source.lines) else ""
    if "\t" in problem or "'\\t'" in problem or ("\t" in line_text[: mark.column + 1] and "cannot start" in problem):
        message = "a tab is used for indentation; YAML needs spaces (replace the tab with spaces)"
    elif "mapping values are not allowed" in problem:
        message = _colon_message(line_text)
    elif "alias" in context or "anchor" in context:
        mark = exc.context_mark or mark
        message = (
            "text starting with '*' or '&' must be put in quotes, e.g. "
            f"{_quoted_fix(line_text)}"
        )
    elif "cannot start any token" in problem:
        char = problem.split("'")[1] if "'" in problem else "?"
        message = f"text cannot start with '{char}' in YAML; put the whole text in quotes, e.g. {_quoted_fix(line_text)}"
    elif "quoted scalar" in context and "end of stream" in problem:
        mark = exc.context_mark or mark
        message = "this quote is never closed; add the closing quote at the end of the text"
    elif "expected a single document" in context or "expected a single document" in problem:
        message = "the file holds several YAML documents ('---'); keep one outline per file"
    elif "expected <block end>" in problem or "did not find expected key" in problem:
        message = (
            "the indentation here does not line up with the lines above; "
            "items of one list, and keys of one slide, must start in the same column"
        )
    elif "did not find expected '-' indicator" in problem:
        message = "this line is indented differently from the list it belongs to; line it up with the '-' above"
    elif "could not find expected ':'" in problem:
        message = "a key is missing its ':' (write 'key: value'), or a text spans lines without quotes"
    else:
        message = f"not valid YAML: {problem or context}"
    return _at(source, mark, message)


def _colon_message(line_text: str) -> str:
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix) :]
    key, sep, value = body.partition(": ")
    if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key):
        fix = f'{prefix}{key}: "{value}"'
    else:
        fix = f'{prefix}"{body}"'
    return f"a text contains ': ', which YAML reads as a new key; put the text in quotes: {fix}"


def _quoted_fix(line_text: str) -> str:
    stripped = line_text.strip()
    prefix = "- " if stripped.startswith("- ") else ""
    body = stripped[len(prefix) :]
    key, sep, value = body.partition(": ")
    if sep and re.fullmatch(r"[A-Za-z_][\w-]*", key):
        return f'{prefix}{key}: "{value}"'
    return f'{prefix}"{body}"'
