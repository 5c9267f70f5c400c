"""From composed YAML nodes to plain data: every scalar as typed text, with located notes."""

from __future__ import annotations

from typing import Any

import yaml

from ..errors import Problem
from .characters import comment_cut, invisible_characters, join_surrogates, remove_controls
from .escapes import hidden_escape
from .quoting import quoted_fix
from .source import Mark, Path_, SourceMap, format_path, slide_label

# Only an empty value means "nothing": '~' and 'null' typed in a text are that text, as typed.
_NULLS = ("",)


class Builder:
    """Turns composed nodes into plain data, noting problems and warnings by path."""

    def __init__(self, source: SourceMap) -> None:
        self.source = source
        self.errors: list[tuple[Path_, Problem]] = []
        self.warnings: list[tuple[Path_, Problem]] = []

    def labelled(self, data: Any, found: list[tuple[Path_, Problem]]) -> list[Problem]:
        """Name the slide (or deck:) each problem belongs to, as validation messages do."""
        slides = data.get("slides") if isinstance(data, dict) else None
        out = []
        for path, problem in found:
            label = ""
            if path[:1] == ("deck",):
                label = "deck: "
            elif path[:1] == ("slides",) and len(path) > 1 and isinstance(slides, list):
                label = slide_label(path[1] + 1, slides[path[1]]) + ": "
            out.append(
                Problem(
                    label + problem.message,
                    file=problem.file,
                    line=problem.line,
                    column=problem.column,
                    severity=problem.severity,
                    path=format_path(path),
                )
            )
        return out

    def note(self, path: Path_, mark: Any, message: str, *, warning: bool = False) -> None:
        problem = Problem(
            message, file=self.source.file, line=mark.line + 1, column=mark.column + 1
        )
        (self.warnings if warning else self.errors).append((path, problem))

    def build(self, node: Any, path: Path_) -> Any:
        self.source.values[path] = Mark(node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        result: dict[str, Any] = {}
        first_seen: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.note(path, key_node.start_mark, "a key must be a plain word such as 'title'")
                continue
            key = self.scalar(key_node, path, is_key=True)
            if key in first_seen:
                self.note(
                    path + (key,),
                    key_node.start_mark,
                    f"'{key}' is given twice (first on line {first_seen[key].line + 1}); "
                    + (
                        "keep one of them, or, if it starts a new slide, put '- ' before it, "
                        "lined up with the other slides' '- '"
                        if len(path) == 2 and path[0] == "slides"
                        else "keep one of them"
                    ),
                )
                continue
            first_seen[key] = key_node.start_mark
            mark = key_node.start_mark
            self.source.keys[path + (key,)] = Mark(mark.line + 1, mark.column + 1)
            result[key] = self.build(value_node, path + (key,))
        return result

    def scalar(self, node: Any, path: Path_, *, is_key: bool = False) -> Any:
        if node.style is None:
            self._comment(node, path)
            if not is_key and node.value in _NULLS:
                return None
            if node.end_mark.line > node.start_mark.line:
                self._continuation(node, path)
        value, removed = remove_controls(join_surrogates(node.value))
        escaped = self._escapes(node, path) if node.style == '"' and not is_key else False
        if removed and not escaped:  # a path's '\a' is named by the escape's message
            self.note(path, node.start_mark, removed.message, warning=True)
        for invisible in invisible_characters(value):
            mark = self._find(invisible.literal or "", node) or node.start_mark
            self.note(path, mark, invisible.message, warning=True)
        return value

    def _escapes(self, node: Any, path: Path_) -> bool:
        """Note a Windows path whose backslashes YAML read as escapes; True when noted."""
        first, last, lines = node.start_mark, node.end_mark, self.source.lines
        if last.line == first.line and "\\" not in lines[first.line][first.column : last.column]:
            return False  # most texts: no backslash to look at
        key = path[-1] if path and isinstance(path[-1], str) else ""
        found = hidden_escape(lines, first.line, first.column, key)
        if found is None:
            return False
        line, column, message, error = found
        self.note(path, yaml.Mark("", 0, line, column, None, None), message, warning=not error)
        return True

    def _find(self, char: str, node: Any) -> Any:
        """Where ``char`` is typed inside the node, when it is typed rather than escaped."""
        for number in range(node.start_mark.line, node.end_mark.line + 1):
            line = self.source.lines[number] if number < len(self.source.lines) else ""
            start = node.start_mark.column if number == node.start_mark.line else 0
            column = line.find(char, start)
            if column >= 0:
                return yaml.Mark("", 0, number, column, None, None)
        return None

    def _comment(self, node: Any, path: Path_) -> None:
        """Text after ' #' is a YAML comment: say so when it reads like part of the text."""
        end = node.end_mark
        line = self.source.lines[end.line] if end.line < len(self.source.lines) else ""
        cut = comment_cut(line[end.column :])
        if cut is None:
            return
        at = yaml.Mark("", 0, end.line, line.index(cut, end.column), None, None)
        kept = f"this text ends at '{node.value}'" if node.value else "this value is empty"
        self.note(
            path,
            at,
            f"YAML reads ' #' as the start of a comment, so {kept} and '{cut}' is left out; "
            f"if it belongs to the text, put the whole text in quotes: {quoted_fix(line)}",
            warning=True,
        )

    def _continuation(self, node: Any, path: Path_) -> None:
        """An unquoted text running on to a line starting with '- ': a bullet indented wrongly."""
        lines = self.source.lines
        for number in range(node.start_mark.line + 1, min(node.end_mark.line + 1, len(lines))):
            line = lines[number]
            if line.lstrip().startswith("- "):
                at = yaml.Mark("", 0, number, len(line) - len(line.lstrip()), None, None)
                first = lines[node.start_mark.line]
                if at.column == node.start_mark.column == len(first) - len(first.lstrip()):
                    # the text's first line is lined up with the '- ' lines: it lacks its own
                    self.note(
                        path,
                        node.start_mark,
                        "this line looks like a bullet missing its '- ' (without it, YAML reads "
                        f"it and the '- ' lines below it as one text); write - {first.strip()}",
                    )
                    return
                self.note(
                    path,
                    at,
                    "this '- ' line is read as the end of the text above, not as a bullet: "
                    "line it up with the other '-' of its list, or, for a sub-bullet, end the "
                    "parent bullet with ':' and indent the sub-bullets under it",
                )
                return
