"""Timelines and processes yamldeck drew, read back as timeline and process slides.

yamldeck draws each as one group named for what it is ('Timeline', 'Timeline by date',
'Process', 'Cycle'), its text boxes named 'Date 2', 'Label 2', 'Detail 2', 'Step 3' and
'Step 3 text'. Text edited in PowerPoint comes back as edited; a group whose parts were removed
or renamed so that it no longer reads as a whole is left to be read as text, like any group.
"""

from __future__ import annotations

import re
from typing import Any

from ..outline.diagrams import MAX_STEPS, MIN_STEPS
from .shapes import Shape
from .texts import joined, unbolded

GROUPS = ("Timeline", "Timeline by date", "Process", "Cycle")
_PART = re.compile(r"(Date|Label|Detail|Step) (\d+)( text)?")


def read_diagram(shapes: list[Shape]) -> tuple[dict[str, Any], list[Shape]] | None:
    """The slide's keys from its timeline or process group, and the shapes that held them."""
    name = next((s.group for s in shapes if s.group in GROUPS), None)
    if name is None:
        return None
    members = [s for s in shapes if s.group == name]
    parts: dict[int, dict[str, str]] = {}
    for shape in members:
        found = _PART.fullmatch(shape.name)
        if found is None or not shape.paras:
            continue
        role = "text" if found.group(3) else found.group(1).lower()
        parts.setdefault(int(found.group(2)), {})[role] = shape
    ordered = [parts[n] for n in sorted(parts)]
    fields = _timeline(ordered, name) if name.startswith("Timeline") else _process(ordered, name)
    return None if fields is None else (fields, members)


def _timeline(parts: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    events = []
    for part in parts:
        if "date" not in part or "label" not in part:
            return None
        # A date is drawn bold, as a heading is: the outline need not say so.
        event = {key: joined([unbolded(p) for p in part[key].paras], " ")
                 for key in ("date", "label", "detail") if key in part}
        events.append(event)
    if len(events) < 2:
        return None
    spacing = {"spacing": "date"} if name == "Timeline by date" else {}
    return {"kind": "timeline", **spacing, "events": events}


def _process(parts: list[dict[str, Any]], name: str) -> dict[str, Any] | None:
    steps: list[Any] = []
    for part in parts:
        if "step" not in part:
            return None
        paras = part["step"].paras
        heading = unbolded(paras[0]).text.strip()
        text = [p.text.strip() for p in paras[1:] if p.text.strip()]  # a loop's box holds both
        if "text" in part:
            text.append(joined(part["text"].paras, " "))
        steps.append({"heading": heading, "text": " ".join(text)} if text else heading)
    if not MIN_STEPS <= len(steps) <= MAX_STEPS:
        return None
    return {"kind": "process", "steps": steps, **({"cycle": True} if name == "Cycle" else {})}
