"""An outline being made from another format: deck settings and slides, with comments to keep.

A reader (a PowerPoint deck today, Markdown later) fills a Draft with the values an outline file
holds, as YAML would read them back: texts with inline markup already escaped, bullet lists as
lists of texts and one-key mappings ('Parent': [children]), table and chart rows as tuples of
cells. writer.py turns a Draft into the outline's text; nothing here knows where it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class DraftSlide:
    """One slide's keys (in any order: the writer orders them as the model does), the comment
    lines above it, and a comment at the end of the line of some of its keys.

    A value is a text, true/false, a list (written one item per line), a tuple of texts (written
    on one line, as a table or chart row is) or keys (a dict)."""

    fields: dict[str, Any]
    comments: list[str] = field(default_factory=list)
    remarks: dict[str, str] = field(default_factory=dict)  # key -> comment after its value
    source_layout: str | None = None  # the layout the slide had, by name (see template.py)
    number: int | None = None  # the slide's number in the source, for messages

    @property
    def kind(self) -> str:
        return str(self.fields["kind"])


@dataclass
class Draft:
    """A whole outline: the header comment, deck: settings (and their remarks), the slides."""

    deck: dict[str, Any]
    slides: list[DraftSlide]
    header: list[str] = field(default_factory=list)
    deck_remarks: dict[str, str] = field(default_factory=dict)

    def plain_data(self) -> dict[str, Any]:
        """The outline as yamldeck's loader reads it back: every scalar a text, tuples as lists
        (the writer's self-check compares the two)."""
        return {"deck": _plain(self.deck), "slides": [_plain(s.fields) for s in self.slides]}


def _plain(value: Any) -> Any:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    return value
