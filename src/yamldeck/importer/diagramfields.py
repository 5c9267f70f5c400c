"""A timeline's events, a process's steps and a slide's foot, read from and written to the outline.

Fields as render/marks.py names them: ``events.2.label`` (a key of the third event),
``steps.0`` (the first step's box: its heading, and on a loop its text), ``steps.0.text`` (the
text under a chevron) and ``foot`` (the footnotes the slide shows, each led by its marker, then
the source). Only the keys whose text changed are written, in the quotes they had.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml.comments import CommentedMap

from .merge import Item, item
from .outlinedoc import _set_key, styled

_NOTE = re.compile(r"\[\^([1-9][0-9]?)\]\s*(.*)", re.S)
_REQUIRED = ("date", "label")


def handles(field: str) -> bool:
    return field == "foot" or field.startswith(("events.", "steps."))


def _entry(slide: Any, field: str) -> tuple[Any, int, str]:
    """The events or steps list, the index in it, and the rest of the field's name."""
    kind, number, *rest = field.split(".")
    return slide.get(kind), int(number), rest[0] if rest else ""


def current_items(slide: Any, field: str, built: list[tuple[int, str]]) -> list[Item]:
    """The field's paragraphs as the outline has them now (``built``: from the model)."""
    if field == "foot":
        return [item(level, text) for level, text in built]
    values, index, key = _entry(slide, field)
    if not isinstance(values, list) or index >= len(values):
        return []
    value = values[index]
    if field.startswith("events."):
        found = value.get(key) if isinstance(value, dict) else None
        return [] if found is None else [item(0, str(found).strip(), found)]
    if not isinstance(value, dict):
        return [] if key else [item(0, str(value).strip(), value)]
    if key:
        return [] if slide.get("cycle") or not value.get("text") else [
            item(0, str(value["text"]).strip(), value["text"])]
    found = [item(0, str(value["heading"]).strip(), value["heading"])]
    if slide.get("cycle") and value.get("text"):
        found.append(item(0, str(value["text"]).strip(), value["text"]))
    return found


def set_items(slide: Any, field: str, items: list[Item], mine: list[Item]) -> str | None:
    """Write the field's paragraphs; a message when the outline cannot take them."""
    if field == "foot":
        return _set_foot(slide, items, mine)
    values, index, key = _entry(slide, field)
    if not isinstance(values, list) or index >= len(values):
        return f"its {field} is no longer in the outline; the deck's text is not taken back"
    texts = [i.text for i in items]
    if field.startswith("events."):
        if not texts and key in _REQUIRED:
            return f"its {field} was emptied; the outline keeps it (an event needs one)"
        _set_key(values[index], key, styled(" ".join(texts), values[index].get(key))
                 if texts else None)
        return None
    step = values[index]
    if not isinstance(step, dict):
        step = CommentedMap([("heading", step)])
    if key:  # the text under a chevron
        _set_key(step, "text", styled(" ".join(texts), step.get("text")) if texts else None)
    elif not texts:
        return f"its {field} was emptied; the outline keeps it (a step needs a heading)"
    else:
        heading, rest = (texts[0], texts[1:]) if slide.get("cycle") else (" ".join(texts), [])
        _set_key(step, "heading", styled(heading, step.get("heading")))
        if slide.get("cycle"):
            _set_key(step, "text", styled(" ".join(rest), step.get("text")) if rest else None)
    values[index] = step["heading"] if list(step) == ["heading"] else step
    return None


def _set_foot(slide: Any, items: list[Item], mine: list[Item]) -> str | None:
    """The footnotes the deck shows back in their places of 'footnotes:', and its source."""
    shown = {int(m.group(1)) for m in (_NOTE.fullmatch(i.text) for i in mine) if m}
    notes: dict[int, str] = {}
    sources = []
    for found, text in ((_NOTE.fullmatch(i.text), i.text) for i in items):
        if found:
            notes[int(found.group(1))] = found.group(2).strip()
        else:
            sources.append(text.strip())
    problem = None
    if set(notes) != shown:
        problem = ("its footnotes changed in number at its foot; the outline keeps its "
                   "footnotes: (each is shown where the text has its [^n] marker)")
    footnotes = slide.get("footnotes")
    for number, text in sorted(notes.items()):
        if number in shown and isinstance(footnotes, list) and number <= len(footnotes):
            if str(footnotes[number - 1]).strip() != text:
                footnotes[number - 1] = styled(text, footnotes[number - 1])
    source = " ".join(s for s in sources if s)
    if source != str(slide.get("source") or "").strip():
        _set_key(slide, "source", styled(source, slide.get("source")) if source else None)
    return problem
