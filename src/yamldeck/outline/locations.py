"""Where a pydantic error is in the outline, and how messages name that place."""

from __future__ import annotations

import typing
from typing import Any

from pydantic import BaseModel, ValidationError

from .source import Path_
from .tabular import RowError

# The keys that hold rows of cells: a table's 'rows' and a chart's 'data'.
_ROW_KEYS = ("rows", "data")


def fields_at(model: type[BaseModel], loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose fields are written at ``loc`` (None: a value, not keys of a model)."""
    current: type[BaseModel] | None = model
    for part in loc:
        if current is None or isinstance(part, int):
            continue
        field = current.model_fields.get(part)
        current = _model_in(field.annotation) if field else None
    return current


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The first model in a field's type, looking inside unions and lists."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_in(arg)
        if found:
            return found
    return None


def outline_errors(
    exc: ValidationError, model: type[BaseModel], data: Any
) -> list[tuple[Any, Path_]]:
    """Each error with its outline path; a union member's error that another error under the
    same value explains better (a list item, rather than 'must be a text') is left out."""
    located = [(error, *outline_loc(error["loc"], model, data)) for error in exc.errors()]
    prefixes = {loc[:end] for _, loc, _ in located for end in range(len(loc))}
    return [(error, loc) for error, loc, union in located if not (union and loc in prefixes)]


def outline_loc(
    loc: tuple[Any, ...], model: type[BaseModel] | None, data: Any
) -> tuple[Path_, bool]:
    """The outline path of a pydantic error location, and whether a union label ended it.

    Pydantic puts labels of union members ('list[...]', 'function-after[...]') among the keys
    and list positions. A user's key may hold the same characters, so a part counts as the
    outline's only when the data there is keys holding it, a list that long, or keys of a
    model that has a field of that name (a key left out: missing, or checked by its default).
    """
    path: list[Any] = []
    current, labelled = data, False
    for part in loc:
        if isinstance(current, dict) and isinstance(part, str):
            field = model.model_fields.get(part) if model else None
            if part not in current and field is None:
                labelled = True
                continue
            current = current.get(part)
            model = _model_in(field.annotation) if field else None
        elif (
            isinstance(current, (list, tuple))
            and isinstance(part, int)
            and 0 <= part < len(current)
        ):
            current = current[part]
        else:
            labelled = True
            continue
        path.append(part)
        labelled = False
    return tuple(path), labelled


def row_part(error: Any) -> Path_:
    """For a problem in one row (or cell) of a table's or chart's rows: the path to it."""
    found = error.get("ctx", {}).get("error") if error["type"] == "value_error" else None
    if not isinstance(found, RowError):
        return ()
    return (found.row,) if found.cell is None else (found.row, found.cell)


def row_owner(loc: Path_) -> bool:
    """Whether ``loc`` is a row of a table's 'rows' or a chart's 'data'."""
    return len(loc) >= 2 and isinstance(loc[-1], int) and loc[-2] in _ROW_KEYS


def place_name(loc: Path_) -> str:
    """How a message names the value at ``loc``: 'title', item 2 of 'contacts', 'rows' row 3,
    cell 2, column 1; never a bare list position."""
    start = len(loc)
    while start > 0 and isinstance(loc[start - 1], int):
        start -= 1
    key = loc[start - 1] if start else ""
    positions = [part + 1 for part in loc[start:]]
    if not positions:
        return f"'{key}'"
    if key in _ROW_KEYS and len(positions) <= 2:
        cell = f", cell {positions[1]}" if len(positions) == 2 else ""
        return f"'{key}' row {positions[0]}{cell}"
    if key == "columns" and len(positions) == 1:
        return f"column {positions[0]}"
    place = f"'{key}'"
    for position in positions:
        place = f"item {position} of {place}"
    return place


def value_at(data: Any, loc: Path_) -> Any:
    """The value at ``loc`` in ``data``; None when there is none."""
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data
