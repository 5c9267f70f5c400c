"""Bullet lists as YAML reads them (texts, and 'Parent:' keys holding sub-lists) into Bullets."""

from __future__ import annotations

from typing import Any

from ..errors import Problem
from .fields import Bullet, _check_text
from .quoting import indent, quote
from .source import Path_, SourceMap

# PowerPoint has nine outline levels (a:lvl1pPr to a:lvl9pPr; python-pptx allows levels 0 to 8).
MAX_LEVELS = 9


def convert_bullets(
    values: dict[str, Any], path: Path_, label: str, source: SourceMap, problems: list[Problem]
) -> None:
    """Replace ``values['bullets']`` by Bullets, noting every problem with its place."""
    if "bullets" in values and values["bullets"] is not None:
        values["bullets"] = _bullets(
            values["bullets"], path + ("bullets",), _Context(label, source, problems)
        )


class _Context:
    def __init__(self, label: str, source: SourceMap, problems: list[Problem]) -> None:
        self.label = label
        self.source = source
        self.problems = problems

    def report(self, path: Path_, message: str) -> None:
        self.problems.append(self.source.problem(path, f"{self.label}: {message}"))

    def text(self, value: str, path: Path_) -> str:
        try:
            return _check_text(value)
        except ValueError as exc:
            subject = "this bullet " if str(exc).startswith("contains") else ""
            self.report(path, f"{subject}{exc}")
            return value


def _bullets(raw: Any, path: Path_, ctx: _Context, depth: int = 0) -> tuple[Bullet, ...]:
    if depth >= MAX_LEVELS:
        ctx.report(
            path,
            f"these sub-bullets are nested {depth + 1} levels deep; PowerPoint shows at most "
            f"{MAX_LEVELS} levels of bullets: indent them less, or make them a new slide",
        )
        return ()
    if not isinstance(raw, list) or not raw:
        what = "a text" if isinstance(raw, str) else "empty" if raw in (None, []) else "not a list"
        undashed = _undashed(path, ctx.source) if isinstance(raw, str) else None
        ctx.report(path, undashed or f"bullets must be a list of lines starting with '- ' "
                   f"(found {what})")
        return ()
    result: list[Bullet] = []
    for i, item in enumerate(raw):
        here = path + (i,)
        if isinstance(item, str):
            result.append(Bullet(ctx.text(item, here)))
        elif isinstance(item, dict) and len(item) == 1:
            parent = _parent(item, here, ctx, depth)
            if parent is not None:
                result.append(parent)
        elif isinstance(item, list) and result:
            kids = _bullets(item, here, ctx, depth + 1)
            result[-1] = Bullet(result[-1].text, result[-1].children + kids)
        elif isinstance(item, dict):
            keys = ", ".join(map(repr, item))
            ctx.report(
                here,
                f"this bullet reads as several keys ({keys}); "
                "a bullet containing ': ' must be put in quotes",
            )
        else:
            ctx.report(here, "an empty bullet; write text after the '- ' or delete the line")
    return tuple(result)


def _undashed(path: Path_, source: SourceMap) -> str | None:
    """Bullets typed on the lines under 'bullets:' without their '- ', which YAML reads as one
    text; None when the text is on the line of 'bullets:' itself."""
    key, value = source.keys.get(path), source.values.get(path)
    if key is None or value is None or value.line <= key.line or value.line > len(source.lines):
        return None
    count = 1
    for line in source.lines[value.line :]:  # the text goes on while indented past its key
        if not line.strip() or line.lstrip().startswith("#") or indent(line) < key.column:
            break
        count += 1
    fixed = "- " + source.lines[value.line - 1].strip()
    if count == 1:
        return (
            "bullets must be a list of lines starting with '- '; this line looks like a bullet "
            f"missing its '- ': write {fixed}"
        )
    return (
        f"bullets must be a list of lines starting with '- '; these {count} lines look like "
        f"bullets missing their '- ' (YAML reads them as one text): write {fixed}, and put '- ' "
        "before each of the others"
    )


def _parent(item: dict[str, Any], here: Path_, ctx: _Context, depth: int) -> Bullet | None:
    """A one-key mapping: 'Parent:' with its sub-bullets, or a text that contains ': '."""
    ((text, children),) = item.items()
    if children is None:
        ctx.report(
            here,
            f"the bullet '{text}:' ends with ':' but has no sub-bullets indented under it; "
            "put the text in quotes or add sub-bullets",
        )
        return None
    if isinstance(children, str):
        fix = "- " + quote(f"{text}: {children}")
        ctx.report(
            here,
            "this bullet contains ': ', which YAML reads as a key and its value; "
            f"put the whole bullet in quotes: {fix}",
        )
        return None
    kids = _bullets(children, here + (text,), ctx, depth + 1)
    return Bullet(ctx.text(text, here), kids)
