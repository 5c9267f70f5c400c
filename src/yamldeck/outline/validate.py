"""Validation of the loaded document into the outline model, collecting every located problem."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import OutlineError, Problem
from .inline import plain_text
from .loader import Document, Path_, SourceMap
from .model import KIND_BY_KEY, SLIDE_MODELS, Bullet, Column, Deck, Outline, all_slide_keys

TOP_KEYS = ("deck", "slides")


def validate_document(document: Document) -> Outline:
    """Check the whole document and build the outline; raise one OutlineError listing every problem."""
    data, source = document.data, document.source
    problems: list[Problem] = []
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single text"
        raise OutlineError(
            source.problem((), f"the outline must be keys 'deck:' and 'slides:', but the file holds {found}")
        )
    for key in data:
        if key not in TOP_KEYS:
            problems.append(source.problem((key,), _unknown(key, TOP_KEYS, "at the top of the outline"), key=True))
    deck = _validate_deck(data, source, problems)
    slides = _validate_slides(data, source, problems)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise OutlineError(problems)
    assert deck is not None
    return Outline(deck=deck, slides=tuple(slides), source_file=source.file)


def _validate_deck(data: dict[str, Any], source: SourceMap, problems: list[Problem]) -> Deck | None:
    if "deck" not in data:
        problems.append(source.problem((), "missing 'deck:' with at least the deck's 'title:'"))
        return None
    raw = data["deck"]
    if not isinstance(raw, dict):
        problems.append(source.problem(("deck",), "'deck:' must hold keys such as 'title:' (indented under it)"))
        return None
    try:
        return Deck.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_translate(exc, Deck, ("deck",), "deck", source))
        return None


def _validate_slides(data: dict[str, Any], source: SourceMap, problems: list[Problem]) -> list[Any]:
    raw = data.get("slides")
    if "slides" not in data:
        problems.append(source.problem((), "missing 'slides:', the list of slides"))
        return []
    if not isinstance(raw, list) or not raw:
        problems.append(
            source.problem(("slides",), "'slides:' must be a list of slides, each starting with '- title:'")
        )
        return []
    slides = []
    for index, item in enumerate(raw):
        slide = _validate_slide(item, ("slides", index), index + 1, source, problems)
        if slide is not None:
            slides.append(slide)
    return slides


def _label(number: int, raw: Any) -> str:
    title = raw.get("title") if isinstance(raw, dict) else None
    return f"slide {number} '{plain_text(title)}'" if isinstance(title, str) else f"slide {number}"


def _validate_slide(raw: Any, path: Path_, number: int, source: SourceMap, problems: list[Problem]) -> Any:
    label = _label(number, raw)
    if not isinstance(raw, dict):
        hint = f": write '- title: {raw}'" if isinstance(raw, str) else ""
        problems.append(source.problem(path, f"{label} must be keys such as 'title:' and 'bullets:'{hint}"))
        return None
    kind = _kind_of(raw, path, label, source, problems)
    if kind is None:
        return None
    model = SLIDE_MODELS[kind]
    values = dict(raw, kind=kind)
    before = len(problems)
    _convert_bullets(values, path, label, source, problems)
    if isinstance(values.get("columns"), list):
        for i, column in enumerate(values["columns"]):
            if isinstance(column, dict):
                column = values["columns"][i] = dict(column)
                _convert_bullets(column, path + ("columns", i), label, source, problems)
                if column.get("bullets") is not None and column.get("text") is not None:
                    problems.append(source.problem(path + ("columns", i, "text"), f"{label}: a column has either 'bullets:' or 'text:', not both", key=True))
                elif column.get("bullets") is None and column.get("text") is None:
                    problems.append(source.problem(path + ("columns", i), f"{label}: column {i + 1} is empty; give it 'bullets:' or 'text:'"))
    try:
        slide = model.model_validate(values)
    except ValidationError as exc:
        problems.extend(_translate(exc, model, path, label, source))
        return None
    return slide if len(problems) == before else None


def _kind_of(raw: dict[str, Any], path: Path_, label: str, source: SourceMap, problems: list[Problem]) -> str | None:
    if "kind" in raw:
        kind = raw["kind"]
        if isinstance(kind, str) and kind in SLIDE_MODELS:
            return kind
        problems.append(source.problem(path + ("kind",), f"{label}: {_unknown(str(kind), SLIDE_MODELS, 'as a kind', noun='kind')}"))
        return None
    for key, kind in KIND_BY_KEY:
        if key in raw:
            return kind
    known = all_slide_keys()
    unknown = [key for key in raw if key not in known]
    for key in unknown:
        problems.append(source.problem(path + (key,), f"{label}: {_unknown(key, sorted(known), 'on a slide')}", key=True))
    if not unknown:
        problems.append(
            source.problem(
                path,
                f"{label} has no content: add 'bullets:' (or 'statement:', 'number:', 'columns:', "
                "'contacts:'), or make it a divider with 'kind: section'",
            )
        )
    return None


def _convert_bullets(values: dict[str, Any], path: Path_, label: str, source: SourceMap, problems: list[Problem]) -> None:
    if "bullets" in values and values["bullets"] is not None:
        values["bullets"] = _bullets(values["bullets"], path + ("bullets",), label, source, problems, 1)


def _bullets(raw: Any, path: Path_, label: str, source: SourceMap, problems: list[Problem], level: int) -> tuple[Bullet, ...]:
    if not isinstance(raw, list) or not raw:
        what = "a text" if isinstance(raw, str) else "empty" if raw in (None, []) else "not a list"
        problems.append(source.problem(path, f"{label}: bullets must be a list of lines starting with '- ' (found {what})"))
        return ()
    result: list[Bullet] = []
    for i, item in enumerate(raw):
        here = path + (i,)
        if isinstance(item, str):
            result.append(Bullet(_text(item, here, label, source, problems)))
        elif isinstance(item, dict) and len(item) == 1:
            (text, children), = item.items()
            if children is None:
                problems.append(source.problem(here, f"{label}: the bullet '{text}:' ends with ':' but has no sub-bullets indented under it; put the text in quotes or add sub-bullets"))
                continue
            kids = _bullets(children, here + (text,), label, source, problems, level + 1)
            result.append(Bullet(_text(text, here, label, source, problems), kids))
        elif isinstance(item, list) and result:
            kids = _bullets(item, here, label, source, problems, level + 1)
            result[-1] = Bullet(result[-1].text, result[-1].children + kids)
        elif isinstance(item, dict):
            problems.append(source.problem(here, f"{label}: this bullet reads as several keys ({', '.join(map(repr, item))}); a bullet containing ': ' must be put in quotes"))
        else:
            problems.append(source.problem(here, f"{label}: an empty bullet; write text after the '- ' or delete the line"))
    return tuple(result)


def _text(value: str, path: Path_, label: str, source: SourceMap, problems: list[Problem]) -> str:
    from .model import _check_text

    try:
        return _check_text(value)
    except ValueError as exc:
        problems.append(source.problem(path, f"{label}: {exc}"))
        return value


def _unknown(key: str, allowed: Any, where: str, noun: str = "key") -> str:
    options = sorted(allowed)
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown {noun} '{key}' {where}{hint}; allowed: {', '.join(options)}"


def _fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


_TYPE_NAMES = {dict: "keys", list: "a list", str: "a text", type(None): "nothing"}


def _translate(exc: ValidationError, model: type[BaseModel], base: Path_, label: str, source: SourceMap) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[Path_] = set()
    for error in exc.errors():
        loc = tuple(part for part in error["loc"] if not (isinstance(part, str) and part in ("str", "list[str]", "nullable[str]")) and "[" not in str(part))
        path = base + loc
        if path in seen:
            continue  # one message per place, even when several union members failed
        seen.add(path)
        found = _TYPE_NAMES.get(type(error.get("input")), "something else")
        kind = error["type"]
        key = loc[-1] if loc else ""
        if kind == "extra_forbidden":
            owner = _fields_at(model, loc[:-1]) or model
            message = _unknown(str(key), owner.model_fields, _where(label, model, owner))
            if owner is model and "kind" in model.model_fields:
                message += _belongs_elsewhere(str(key))
            problems.append(source.problem(path, f"{label}: {message}", key=True))
            continue
        if kind == "missing":
            message = f"missing '{key}:'"
            problems.append(source.problem(path[:-1], f"{label}: {message}"))
            continue
        if kind in ("string_type",):
            message = f"'{key}' must be a text, but found {found}"
        elif kind in ("list_type", "tuple_type"):
            message = f"'{key}' must be a list (lines starting with '- '), but found {found}"
        elif kind in ("model_type", "dict_type", "model_attributes_type"):
            message = f"'{key}' must hold keys (indented under it), but found {found}"
        elif kind == "bool_parsing":
            message = f"'{key}' must be true or false, not '{error.get('input')}'"
        elif kind == "string_pattern_mismatch" and key == "language":
            message = f"'{error.get('input')}' is not a language tag; write one such as en-NZ or fr-FR"
        elif kind == "string_pattern_mismatch":
            message = f"'{error.get('input')}' is not a colour; write six hex digits such as 1B2A41"
        elif kind in ("too_short", "too_long") and key == "columns":
            message = f"'columns' must list exactly two columns (found {len(error.get('input') or [])})"
        elif kind == "value_error":
            message = f"'{key}' {error['msg'].removeprefix('Value error, ')}"
        else:
            message = f"'{key}': {error['msg']}"
        problems.append(source.problem(path, f"{label}: {message}"))
    return problems


def loc_name(owner: type[BaseModel]) -> str:
    return {"Colors": "colors", "Fonts": "fonts", "Theme": "theme"}.get(owner.__name__, owner.__name__)


def _belongs_elsewhere(key: str) -> str:
    """Name the slide kinds a misplaced (or misspelt) key belongs to."""
    kinds = {kind: list(m.model_fields) for kind, m in SLIDE_MODELS.items()}
    everything = sorted({k for keys in kinds.values() for k in keys})
    match = difflib.get_close_matches(key, everything, n=1, cutoff=0.75)
    if not match:
        return ""
    owners = [kind for kind, keys in kinds.items() if match[0] in keys]
    return f"; '{match[0]}' belongs on {' or '.join(owners)} slides"


def _where(label: str, model: type[BaseModel], owner: type[BaseModel]) -> str:
    if owner is Column:
        return "in a column"
    if owner is not model or label == "deck":
        return f"in '{loc_name(owner)}'" if owner is not Deck else "here"
    kind = model.model_fields["kind"].annotation.__args__[0]  # type: ignore[union-attr]
    return f"on a {kind} slide"


del types
