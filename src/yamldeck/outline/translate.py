"""pydantic's validation errors in the outline's words, each located at its key or value."""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import Problem
from .locations import fields_at, outline_errors, place_name, row_owner, row_part, value_at
from .model import SLIDE_MODELS, Column, Deck
from .quoting import quote
from .source import Path_, SourceMap


def unknown(key: str, allowed: Any, where: str, noun: str = "key") -> str:
    options = sorted(allowed)
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    where = f" {where}" if where else ""
    return f"unknown {noun} '{key}'{where}{hint}; allowed: {', '.join(options)}"


TYPE_NAMES = {dict: "keys", list: "a list", str: "a text", type(None): "nothing"}


def translate(
    exc: ValidationError,
    model: type[BaseModel],
    base: Path_,
    label: str,
    source: SourceMap,
    data: Any,
) -> list[Problem]:
    """Pydantic's errors for ``data`` (validated as ``model`` at ``base``) as located problems."""
    problems: list[Problem] = []
    seen: set[Path_] = set()
    errors = outline_errors(exc, model, data)
    # A misspelt key is reported once, with its did-you-mean, not also as the key that is missing.
    extra = {
        (loc[:-1], str(loc[-1])) for error, loc in errors if error["type"] == "extra_forbidden"
    }
    for error, loc in errors:
        path = base + loc
        if path in seen or (error["type"] == "missing" and _misspelt_key(loc, extra)):
            continue  # one message per place, even when several union members failed
        seen.add(path)
        kind = error["type"]
        key = loc[-1] if loc else ""
        if kind == "extra_forbidden":
            owner = fields_at(model, loc[:-1]) or model
            message = unknown(str(key), owner.model_fields, _where(label, model, owner))
            if owner is model and "kind" in model.model_fields:
                message += _belongs_elsewhere(str(key), model)
            problems.append(source.problem(path, f"{label}: {message}", key=True))
        elif kind == "missing":
            problems.append(source.problem(path[:-1], f"{label}: missing '{key}:'"))
        else:
            message = _value_message(error, loc, path, source, data)
            problems.append(source.problem(path + row_part(error), f"{label}: {message}"))
    return problems


def _value_message(error: Any, loc: Path_, path: Path_, source: SourceMap, data: Any) -> str:
    """What is wrong with a value, in the outline's words rather than pydantic's."""
    kind, value = error["type"], error.get("input")
    key, place = (loc[-1] if loc else ""), place_name(loc)
    found = TYPE_NAMES.get(type(value), "something else")
    if kind == "string_type" and _colon_pair(value) is not None:
        return _colon_message(value, loc, place, path, source, data)
    if kind == "string_type":
        return f"{place} must be a text, but found {found}"
    if kind in ("list_type", "tuple_type") and row_owner(loc) and isinstance(value, str):
        return f"{place} must be a list of cells such as [Europe, 25], but found {found}"
    if kind in ("list_type", "tuple_type"):
        return f"{place} must be a list (lines starting with '- '), but found {found}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"{place} must hold keys (indented under it), but found {found}"
    if kind == "bool_parsing":
        return f"{place} must be true or false, not '{value}'"
    if kind == "bool_type":
        return f"{place} must be true or false, but found {found}"
    if kind == "literal_error":
        return _choice_message(place, value, error.get("ctx", {}).get("expected", ""))
    if kind == "string_pattern_mismatch" and key == "language":
        return f"'{value}' is not a language tag; write one such as en-NZ or fr-FR"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a colour; write six hex digits such as 1B2A41"
    if kind in ("too_short", "too_long") and key == "columns":
        return f"'columns' must list exactly two columns (found {len(value or [])})"
    if kind == "value_error":
        return f"{place} {error['msg'].removeprefix('Value error, ')}"
    return f"{place}: {error['msg']}"


def _choice_message(place: str, value: Any, expected: str) -> str:
    """A value outside a fixed set of words, worded as the other choices' messages are."""
    options = re.findall(r"'([^']*)'", expected)
    if not isinstance(value, str):
        found = TYPE_NAMES.get(type(value), "something else")
        return f"{place} must be one of {', '.join(options)}, but found {found}"
    close = difflib.get_close_matches(value.strip().lower(), options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"{place} must be one of {', '.join(options)}, not '{value}'{hint}"


# --- a text that YAML read as a key and its value ('Email: someone@example.org') --------------


def _colon_pair(value: Any) -> tuple[str, str | None] | None:
    """The key and value of a one-key mapping that YAML made of a text holding ': '."""
    if isinstance(value, dict) and len(value) == 1:
        ((key, rest),) = value.items()
        if isinstance(key, str) and (rest is None or isinstance(rest, str)):
            return key, rest
    return None


def _joined(pair: tuple[str, str | None]) -> str:
    key, rest = pair
    return f"{key}:" if rest is None else f"{key}: {rest}"


def _colon_message(
    value: Any, loc: Path_, place: str, path: Path_, source: SourceMap, data: Any
) -> str:
    """A text YAML read as a key (worded as the message for a bullet that did the same)."""
    pair = _colon_pair(value)
    assert pair is not None
    what = (
        "ends with ':', which YAML reads as a key"
        if pair[1] is None
        else "contains ': ', which YAML reads as a key and its value"
    )
    fix = _colon_fix(_joined(pair), loc, path, source, data)
    return f"{place} {what}; put the whole text in quotes: {fix}"


def _colon_fix(text: str, loc: Path_, path: Path_, source: SourceMap, data: Any) -> str:
    """The line (or list in brackets) as it should be written, with ``text`` in quotes."""
    if not isinstance(loc[-1], int):  # the value of a key, e.g. 'title:' with 'Q3: results'
        return f"{loc[-1]}: {quote(text)}"
    mark = source.locate(path)
    line = source.lines[mark.line - 1] if mark and 0 < mark.line <= len(source.lines) else ""
    before = line[: mark.column - 1].rstrip() if mark else ""
    items = value_at(data, loc[:-1])
    if before.endswith(("[", ",")) and isinstance(items, list) and len(loc) >= 2:
        written = [_flow_item(item) for item in items]
        lead = "- " if isinstance(loc[-2], int) else f"{loc[-2]}: "
        # A list in brackets on its own line: show all of it, as it should be written (inside
        # another list in brackets, the quoted text alone).
        if None not in written and line.lstrip().startswith(lead + "["):
            return lead + "[" + ", ".join(typing.cast(list[str], written)) + "]"
        return quote(text)
    above = [other for other in source.lines[: mark.line - 1] if other.strip()] if mark else []
    if not before and above and above[-1].rstrip().endswith(("[", ",")):
        return quote(text)  # an item of a list in brackets written over several lines
    return f"- {quote(text)}"


_PLAIN = re.compile(r"\w[\w .%/()+-]*(?<! )")


def _flow_item(item: Any) -> str | None:
    """An item of a list in brackets, written so that YAML reads it as a text (None: cannot)."""
    if isinstance(item, str):
        return item if _PLAIN.fullmatch(item) else quote(item)
    pair = _colon_pair(item)
    return quote(_joined(pair)) if pair else None


def loc_name(owner: type[BaseModel]) -> str:
    """The key under which ``owner``'s fields are written in the outline."""
    return {"Colors": "colors", "Fonts": "fonts", "Theme": "theme", "Chart": "chart"}.get(
        owner.__name__, owner.__name__.lower()
    )


def _misspelt_key(loc: tuple[Any, ...], extra: set[tuple[tuple[Any, ...], str]]) -> bool:
    """Whether a missing key at ``loc`` is there, misspelt, among the unknown keys."""
    typed = [key for where, key in extra if where == loc[:-1]]
    return any(difflib.get_close_matches(key, [str(loc[-1])], n=1, cutoff=0.6) for key in typed)


def _belongs_elsewhere(key: str, model: type[BaseModel]) -> str:
    """Name the slide kinds a misplaced (or misspelt) key belongs to."""
    kinds = {kind: list(m.model_fields) for kind, m in SLIDE_MODELS.items()}
    everything = sorted({k for keys in kinds.values() for k in keys})
    match = difflib.get_close_matches(key, everything, n=1, cutoff=0.75)
    if not match or match[0] in model.model_fields:
        return ""
    owners = [kind for kind, keys in kinds.items() if match[0] in keys]
    return f"; '{match[0]}' belongs on {' or '.join(owners)} slides"


def _where(label: str, model: type[BaseModel], owner: type[BaseModel]) -> str:
    if owner is Column:
        return "in a column"
    if owner is not model or label == "deck":
        return f"in '{loc_name(owner)}'" if owner is not Deck else "here"
    kind = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
    return f"on {'an' if kind[0] in 'aeiou' else 'a'} {kind} slide"

