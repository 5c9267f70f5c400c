"""PyYAML's composer, made strict: it refuses what an outline must not use, where it is typed."""

from __future__ import annotations

from typing import Any

import yaml

from .messages import reference_message, tag_message

MAX_DEPTH = 40


class Refused(Exception):
    def __init__(self, mark: Any, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


class ComposeLoader(yaml.SafeLoader):
    """SafeLoader whose composer refuses aliases, anchors, explicit tags and deep nesting."""

    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D401 - PyYAML hook
        event = self.peek_event()
        mark = event.start_mark
        anchor = getattr(event, "anchor", None)
        if isinstance(event, yaml.AliasEvent) or isinstance(event, yaml.ScalarEvent) and anchor:
            raise Refused(mark, reference_message(self._line(mark), mark.column))
        if anchor is not None:  # on a list or keys: not a text that happens to start with '&'
            raise Refused(
                mark,
                f"'&{anchor}' is a YAML anchor; an outline does not use anchors (&name) or "
                "aliases (*name): write each text out in full",
            )
        tag = getattr(event, "tag", None)
        if tag is not None and not (isinstance(event, yaml.ScalarEvent) and tag == "!"):
            shown = tag.replace("tag:yaml.org,2002:", "!!")
            raise Refused(mark, tag_message(self._line(mark), shown))
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise Refused(
                    mark,
                    f"nested more than {MAX_DEPTH} levels deep; an outline never needs this: "
                    "check the indentation and the brackets here",
                )
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1

    def _line(self, mark: Any) -> str:
        lines = self.buffer.split("\n")
        return lines[mark.line].rstrip("\0\r") if mark.line < len(lines) else ""
