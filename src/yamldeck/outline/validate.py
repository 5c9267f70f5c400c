"""Validation of the loaded document into the outline model, collecting every located problem."""

from __future__ import annotations

import difflib
import types
import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from ..errors import OutlineError, Problem
from .bullets import convert_bullets
from .loader import Document, Path_, SourceMap, slide_label
from .model import KIND_BY_KEY, SLIDE_MODELS, Column, Deck, Outline, all_slide_keys

TOP_KEYS = ("deck", "slides")


def validate_document(document: Document) -> Outline:
    """Check the document and build the outline; raise one OutlineError listing every problem."""
    data, source = document.data, document.source
    problems: list[Problem] = []
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single text"
        raise OutlineError(
            source.problem(
                (), f"the outline must be keys 'deck:' and 'slides:', but the file holds {found}"
            )
        )
    for key in data:
        if key not in TOP_KEYS:
            problems.append(
                source.problem(
                    (key,), _unknown(key, TOP_KEYS, "at the top of the outline"), key=True
                )
            )
    deck = _validate_deck(data, source, problems)
    slides = _validate_slides(data, source, problems)
    if problems:
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise OutlineError(problems)
    assert deck is not None
    return Outline(deck=deck, slides=tuple(slides), source_file=source.file)


def _validate_deck(data: dict[str, Any], source: SourceMap, problems: list[Problem]) -> Deck | None:
    if "deck" not in data:
        if not _misspelt("deck", data):  # the did-you-mean on the misspelt key says it all
            problems.append(source.problem((), "missing 'deck:' with at least the deck's 'title:'"))
        return None
    raw = data["deck"]
    if not isinstance(raw, dict):
        hint = _colon_hint(raw, Deck.model_fields, "")
        problems.append(
            source.problem(
                ("deck",), f"'deck:' must hold keys such as 'title:' (indented under it){hint}"
            )
        )
        return None
    try:
        return Deck.model_validate(raw)
    except ValidationError as exc:
        problems.extend(_translate(exc, Deck, ("deck",), "deck", source))
        return None


def _validate_slides(data: dict[str, Any], source: SourceMap, problems: list[Problem]) -> list[Any]:
    raw = data.get("slides")
    if "slides" not in data:
        if not _misspelt("slides", data):
            problems.append(source.problem((), "missing 'slides:', the list of slides"))
        return []
    if not isinstance(raw, list) or not raw:
        problems.append(
            source.problem(
                ("slides",), "'slides:' must be a list of slides, each starting with '- title:'"
            )
        )
        return []
    slides = []
    for index, item in enumerate(raw):
        slide = _validate_slide(item, ("slides", index), index + 1, source, problems)
        if slide is not None:
            slides.append(slide)
    return slides


def _misspelt(name: str, data: dict[str, Any]) -> bool:
    """Whether an unknown top-level key is a misspelling of ``name``."""
    unknown = [key for key in data if key not in TOP_KEYS]
    return any(
        difflib.get_close_matches(key, TOP_KEYS, n=1, cutoff=0.6) == [name] for key in unknown
    )


def _colon_hint(raw: Any, keys: Any, dash: str) -> str:
    """For a text where keys were expected: the fix when it is a key missing its ':'."""
    if not isinstance(raw, str):
        return ""
    word, _, rest = raw.partition(" ")
    if word in keys and rest:
        return f"; '{word}' is missing its ':': write {dash}{word}: {rest}"
    return f": write '{dash}title: {raw}'" if dash else ""


def _validate_slide(
    raw: Any, path: Path_, number: int, source: SourceMap, problems: list[Problem]
) -> Any:
    label = slide_label(number, raw)
    if not isinstance(raw, dict):
        hint = _colon_hint(raw, all_slide_keys(), "- ")
        problems.append(
            source.problem(path, f"{label} must be keys such as 'title:' and 'bullets:'{hint}")
        )
        return None
    kind = _kind_of(raw, path, label, source, problems)
    if kind is None:
        return None
    model = SLIDE_MODELS[kind]
    values = dict(raw, kind=kind)
    before = len(problems)
    convert_bullets(values, path, label, source, problems)
    if isinstance(values.get("columns"), list):
        for i, column in enumerate(values["columns"]):
            if isinstance(column, dict):
                column = values["columns"][i] = dict(column)
                convert_bullets(column, path + ("columns", i), label, source, problems)
                if column.get("bullets") is not None and column.get("text") is not None:
                    problems.append(
                        source.problem(
                            path + ("columns", i, "text"),
                            f"{label}: a column has either 'bullets:' or 'text:', not both",
                            key=True,
                        )
                    )
                elif column.get("bullets") is None and column.get("text") is None:
                    problems.append(
                        source.problem(
                            path + ("columns", i),
                            f"{label}: column {i + 1} is empty; give it 'bullets:' or 'text:'",
                        )
                    )
    try:
        slide = model.model_validate(values)
    except ValidationError as exc:
        problems.extend(_translate(exc, model, path, label, source))
        return None
    return slide if len(problems) == before else None


def _kind_of(
    raw: dict[str, Any], path: Path_, label: str, source: SourceMap, problems: list[Problem]
) -> str | None:
    if "kind" in raw:
        kind = raw["kind"]
        if isinstance(kind, str) and kind in SLIDE_MODELS:
            return kind
        problems.append(
            source.problem(
                path + ("kind",), f"{label}: {_unknown(str(kind), SLIDE_MODELS, '', noun='kind')}"
            )
        )
        return None
    for key, kind in KIND_BY_KEY:
        if key in raw:
            return kind
    known = all_slide_keys()
    deciding = [key for key, _ in KIND_BY_KEY]
    unknown = [key for key in raw if key not in known]
    for key in unknown:
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        needs = (
            f"; a slide needs 'kind:' or one of the keys that give its kind: {', '.join(deciding)}"
        )
        why = f" (did you mean '{close[0]}'?)" if close else needs
        problems.append(
            source.problem(path + (key,), f"{label}: unknown key '{key}' on a slide{why}", key=True)
        )
    if not unknown:
        others = ", ".join(f"'{key}:'" for key in deciding if key != "bullets")
        problems.append(
            source.problem(
                path,
                f"{label} has no content: add 'bullets:' (or {others}), "
                "or make it a divider with 'kind: section'",
            )
        )
    return None


def _unknown(key: str, allowed: Any, where: str, noun: str = "key") -> str:
    options = sorted(allowed)
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    where = f" {where}" if where else ""
    return f"unknown {noun} '{key}'{where}{hint}; allowed: {', '.join(options)}"


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


def _translate(
    exc: ValidationError, model: type[BaseModel], base: Path_, label: str, source: SourceMap
) -> list[Problem]:
    problems: list[Problem] = []
    seen: set[Path_] = set()
    errors = [(error, _clean_loc(error["loc"])) for error in exc.errors()]
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
            owner = _fields_at(model, loc[:-1]) or model
            message = _unknown(str(key), owner.model_fields, _where(label, model, owner))
            if owner is model and "kind" in model.model_fields:
                message += _belongs_elsewhere(str(key), model)
            problems.append(source.problem(path, f"{label}: {message}", key=True))
        elif kind == "missing":
            problems.append(source.problem(path[:-1], f"{label}: missing '{key}:'"))
        else:
            problems.append(source.problem(path, f"{label}: {_value_message(error, key)}"))
    return problems


def _value_message(error: Any, key: Any) -> str:
    """What is wrong with a value, in the outline's words rather than pydantic's."""
    kind, value = error["type"], error.get("input")
    found = _TYPE_NAMES.get(type(value), "something else")
    if kind == "string_type":
        return f"'{key}' must be a text, but found {found}"
    if kind in ("list_type", "tuple_type"):
        return f"'{key}' must be a list (lines starting with '- '), but found {found}"
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return f"'{key}' must hold keys (indented under it), but found {found}"
    if kind == "bool_parsing":
        return f"'{key}' must be true or false, not '{value}'"
    if kind == "string_pattern_mismatch" and key == "language":
        return f"'{value}' is not a language tag; write one such as en-NZ or fr-FR"
    if kind == "string_pattern_mismatch":
        return f"'{value}' is not a colour; write six hex digits such as 1B2A41"
    if kind in ("too_short", "too_long") and key == "columns":
        return f"'columns' must list exactly two columns (found {len(value or [])})"
    if kind == "value_error":
        return f"'{key}' {error['msg'].removeprefix('Value error, ')}"
    return f"'{key}': {error['msg']}"


def loc_name(owner: type[BaseModel]) -> str:
    """The key under which ``owner``'s fields are written in the outline."""
    return {"Colors": "colors", "Fonts": "fonts", "Theme": "theme", "Chart": "chart"}.get(
        owner.__name__, owner.__name__.lower()
    )


def _clean_loc(loc: tuple[Any, ...]) -> tuple[Any, ...]:
    """The outline path of a pydantic error location, without its union-member labels."""
    labels = ("str", "list[str]", "nullable[str]")
    return tuple(p for p in loc if not (isinstance(p, str) and p in labels) and "[" not in str(p))


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
    return f"on a {kind} slide"


del types
