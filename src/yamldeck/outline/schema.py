"""The JSON Schema of an outline, generated from the model that validates it (for editors)."""

from __future__ import annotations

import copy
import json
from typing import Any

from pydantic.json_schema import models_json_schema

from .fields import BULLET_ITEM_SCHEMA
from .model import KIND_BY_KEY, SLIDE_MODELS
from .settings import Deck

DIALECT = "https://json-schema.org/draft/2020-12/schema"
# Every scalar reaches yamldeck as the text that was typed, but an editor reads `number: 35` as a
# number and `slide_numbers: yes` as text: the schema accepts what yamldeck accepts.
_TEXT_TYPES = ["string", "number", "boolean"]
_BOOL_WORDS = [
    spelling
    for word in ("true", "false", "yes", "no", "on", "off")
    for spelling in (word, word.title(), word.upper())
]
_NUMBER_TEXT = r"^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$"


def outline_schema() -> dict[str, Any]:
    """The schema of a whole outline: ``deck:`` and ``slides:``, every key described."""
    models = [Deck, *SLIDE_MODELS.values()]
    _, generated = models_json_schema([(model, "validation") for model in models])
    defs: dict[str, Any] = generated["$defs"]
    defs["BulletItem"] = copy.deepcopy(BULLET_ITEM_SCHEMA)
    names = {kind: model.__name__ for kind, model in SLIDE_MODELS.items()}
    for kind, name in names.items():
        _infer_kind(defs[name], kind)
    defs["Slide"] = {
        "description": "One slide. Its kind is given by 'kind:', or follows from its keys.",
        "anyOf": [{"$ref": f"#/$defs/{name}"} for name in names.values()],
    }
    schema: dict[str, Any] = {
        "$schema": DIALECT,
        "title": "yamldeck outline",
        "description": "The outline of a talk, turned into a PowerPoint deck by yamldeck.",
        "type": "object",
        "additionalProperties": False,
        "required": ["deck", "slides"],
        "properties": {
            "deck": {"$ref": "#/$defs/Deck", "description": Deck.__doc__},
            "slides": {
                "type": "array",
                "minItems": 1,
                "description": "The slides, in the order they are shown.",
                "items": {"$ref": "#/$defs/Slide"},
            },
        },
        "$defs": defs,
    }
    _tidy(schema)
    _keep_used(schema)
    return schema


def schema_text() -> str:
    """The schema as committed in schema/slides.schema.json."""
    return json.dumps(outline_schema(), indent=2, ensure_ascii=False) + "\n"


def _infer_kind(slide: dict[str, Any], kind: str) -> None:
    """Make 'kind' optional where yamldeck infers it from a key, as validation does."""
    slide["title"] = f"kind: {kind}"
    keys = [key for key, inferred in KIND_BY_KEY if inferred == kind]
    required = slide.get("required", [])
    if not keys or "kind" not in required:
        return
    required.remove("kind")
    if not required:
        del slide["required"]
    if not any(key in required for key in keys):
        slide["anyOf"] = [{"required": ["kind"]}, *({"required": [key]} for key in keys)]


def _tidy(node: Any) -> None:
    """Scalars as yamldeck reads them; no generated 'Title' labels on keys."""
    if isinstance(node, list):
        for item in node:
            _tidy(item)
        return
    if not isinstance(node, dict):
        return
    properties = node.get("properties")
    if isinstance(properties, dict):
        for value in properties.values():
            if isinstance(value, dict):
                value.pop("title", None)
    kind = node.get("type")
    plain = not any(key in node for key in ("const", "enum", "pattern", "format"))
    if kind == "string" and plain:
        node["type"] = list(_TEXT_TYPES)
    elif kind == "boolean":
        node["type"] = ["boolean", "string"]
        node["enum"] = [True, False, *_BOOL_WORDS]
    elif kind in ("number", "integer"):
        node["type"] = [kind, "string"]
        node["pattern"] = _NUMBER_TEXT
    for value in node.values():
        _tidy(value)


def _keep_used(schema: dict[str, Any]) -> None:
    """Drop definitions nothing refers to (pydantic also emits the internal Bullet type)."""
    defs = schema["$defs"]
    used: set[str] = set()
    pending = [schema["properties"]]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                name = ref.removeprefix("#/$defs/")
                if name not in used:
                    used.add(name)
                    pending.append(defs[name])
            pending.extend(node.values())
        elif isinstance(node, list):
            pending.extend(node)
    for name in [name for name in defs if name not in used]:
        del defs[name]
