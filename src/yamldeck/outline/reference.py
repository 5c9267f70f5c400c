"""The outline key reference of docs/reference.md, generated from the model so the two agree."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .diagrams import Event, Step
from .figures import Chart
from .model import SLIDE_MODELS, Column
from .settings import Colors, Deck, Fonts, Layouts, Logo

START = "<!-- outline-reference:start -->"
END = "<!-- outline-reference:end -->"


def _choices(text: str) -> str | None:
    """'a / b / c' for a field that takes one of a few words (see fields._choice)."""
    match = re.search(r"'enum': \[([^\]]*)\]", text)
    return " / ".join(re.findall(r"'([^']*)'", match.group(1))) if match else None


def _type_name(info: FieldInfo) -> str:
    text = repr(info.annotation)
    choices = _choices(text + repr(info.metadata))
    if choices:
        return f"list of {choices}" if text.startswith("list[") else choices
    if "list[list[" in text:
        return "rows"
    if "Chart" in text:
        return "keys"
    if "Bullet" in text:
        return "bullets"
    if "list[" in text and "Column]" in text:
        return "list of 2 columns"
    if "list[" in text and "Event]" in text:
        return "list of events"
    if "list[" in text and "Step]" in text:
        return "list of steps"
    if any(name in text for name in ("Colors", "Fonts", "Theme", "Logo", "Layouts")):
        return "keys"
    if "list[" in text and "str" in text:
        return "text or list of texts" if "str |" in text else "list of texts"
    if "0-9A-Fa-f" in repr(info.metadata) or "0-9A-Fa-f" in text:
        return "colour (6 hex digits)"
    if "bool" in text:
        return "true / false"
    return "text"


def _default(name: str, info: FieldInfo) -> str:
    if info.is_required():
        return "required"
    default: Any = info.get_default(call_default_factory=True)
    if default is None or isinstance(default, (list, BaseModel)):
        return ""
    return str(default).lower() if isinstance(default, bool) else f"`{default}`"


def _table(model: type[BaseModel], prefix: str = "", skip: tuple[str, ...] = ()) -> list[str]:
    rows = ["| key | value | default | what it does |", "|---|---|---|---|"]
    for name, info in model.model_fields.items():
        if name in skip:
            continue
        rows.append(
            f"| `{prefix}{name}` | {_type_name(info)} | {_default(name, info)} | "
            f"{info.description or ''} |"
        )
    return rows


def reference_markdown() -> str:
    """Markdown tables: deck keys, theme keys, then one table per slide kind."""
    out = [START, "", "#### `deck:`", "", *_table(Deck, skip=("theme",)), ""]
    out += [
        "#### `deck: theme:`",
        "",
        *_table(Colors, "colors: "),
        *_table(Fonts, "fonts: ")[2:],
        "",
    ]
    out += ["#### `deck: logo:`", "", *_table(Logo), ""]
    out += ["#### `deck: layouts:` (with a template)", "", *_table(Layouts), ""]
    for kind, model in SLIDE_MODELS.items():
        doc = (model.__doc__ or "").strip().splitlines()[0]
        out += [f"#### `kind: {kind}`: {doc}", "", *_table(model, skip=("kind",)), ""]
    out += ["#### a column (inside `columns:`)", "", *_table(Column), ""]
    out += ["#### an event (inside `events:`)", "", *_table(Event), ""]
    out += ["#### a step (inside `steps:`; or just its heading as a text)", "", *_table(Step), ""]
    out += ["#### a chart (inside `chart:`)", "", *_table(Chart), "", END]
    return "\n".join(out)


if __name__ == "__main__":  # pragma: no cover - used by scripts/update_readme.py
    print(reference_markdown())
