"""Validation of the loaded document into the outline model, collecting every located problem."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import ValidationError

from ..errors import OutlineError, Problem
from .bullets import convert_bullets
from .citations import footnote_problems
from .loader import Document, Path_, SourceMap, slide_label
from .model import KIND_BY_KEY, SLIDE_MODELS, Deck, Outline, all_slide_keys
from .translate import TYPE_NAMES, translate, unknown

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
                    (key,), unknown(key, TOP_KEYS, "at the top of the outline"), key=True
                )
            )
    deck = _validate_deck(data, source, problems)
    numbered = _validate_slides(data, source, problems)
    if problems:
        # The slides that did validate are checked for alt text too (otherwise a later lint):
        # every problem in one run.
        from .alttext import missing_alt_text

        title = deck.title if deck is not None else ""
        problems.extend(missing_alt_text(numbered, title, source))
        problems.sort(key=lambda p: (p.line or 0, p.column or 0))
        raise OutlineError(problems)
    assert deck is not None
    slides = tuple(slide for _, slide in numbered)
    return Outline(deck=deck, slides=slides, source_file=source.file)


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
        problems.extend(translate(exc, Deck, ("deck",), "deck", source, raw))
        return None


def _validate_slides(
    data: dict[str, Any], source: SourceMap, problems: list[Problem]
) -> list[tuple[int, Any]]:
    """The slides that validated, each with its index in the outline."""
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
            slides.append((index, slide))
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
        values["columns"] = list(values["columns"])  # converted here, not in the document
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
        problems.extend(translate(exc, model, path, label, source, values))
        return None
    problems.extend(footnote_problems(raw, slide.footnotes, path, label, source))
    return slide if len(problems) == before else None


def _kind_of(
    raw: dict[str, Any], path: Path_, label: str, source: SourceMap, problems: list[Problem]
) -> str | None:
    if "kind" in raw:
        kind = raw["kind"]
        if isinstance(kind, str) and kind in SLIDE_MODELS:
            return kind
        problems.append(source.problem(path + ("kind",), f"{label}: {_kind_message(kind)}"))
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


def _kind_message(kind: Any) -> str:
    """What is wrong with a 'kind:' that names no kind of slide."""
    kinds = ", ".join(sorted(SLIDE_MODELS))
    if kind is None or isinstance(kind, str) and not kind.strip():
        return f"'kind' is empty; write the slide's kind after 'kind:', one of: {kinds}"
    if isinstance(kind, str):
        return unknown(kind, SLIDE_MODELS, "", noun="kind")
    found = TYPE_NAMES.get(type(kind), "something else")
    one = kind[0] if isinstance(kind, list) and len(kind) == 1 else None
    fix = f": write 'kind: {one}'" if isinstance(one, str) and one in SLIDE_MODELS else ""
    return f"'kind' must be one word such as bullets, but found {found}{fix}; allowed: {kinds}"
