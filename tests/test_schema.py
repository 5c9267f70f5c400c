"""The JSON Schema for editors: current, generated from the model, and in agreement with yamldeck
about which outlines are valid (checked with a standard validator, jsonschema)."""

from __future__ import annotations

import json
from typing import Any

import pytest
import yaml
from helpers import REPO, SHIPPED_OUTLINE
from jsonschema import Draft7Validator, Draft202012Validator
from jsonschema.exceptions import best_match

from yamldeck.cli import main
from yamldeck.errors import OutlineError
from yamldeck.outline.loader import parse_document
from yamldeck.outline.model import KIND_BY_KEY, SLIDE_MODELS
from yamldeck.outline.schema import outline_schema, schema_text
from yamldeck.outline.validate import validate_document

COMMITTED = REPO / "schema" / "slides.schema.json"
REGENERATE = "yamldeck schema > schema/slides.schema.json"


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    return outline_schema()


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft202012Validator:
    return Draft202012Validator(schema)


def loaded(text: str) -> Any:
    """The outline as yamldeck sees it: every scalar the text that was typed."""
    return parse_document(text.encode("utf-8"), "slides.yaml").data


def first_of(data: Any, kind: str) -> dict[str, Any]:
    return next(slide for slide in data["slides"] if slide.get("kind") == kind)


def test_committed_schema_is_current() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        f"{COMMITTED.relative_to(REPO)} is out of date with the model; regenerate it with: "
        f"{REGENERATE}"
    )


def test_schema_command_prints_it(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["schema"]) == 0
    out, err = capsys.readouterr()
    assert (out, err) == (schema_text(), "")
    assert json.loads(out)["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_shipped_outline_names_the_schema_for_editors() -> None:
    first = SHIPPED_OUTLINE.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema/slides.schema.json"
    assert (SHIPPED_OUTLINE.parent / "schema" / "slides.schema.json").is_file()


def test_schema_is_valid_for_2020_12_and_for_draft_7_editors(schema: dict[str, Any]) -> None:
    """VS Code's YAML extension validates with draft-7 rules: use nothing whose meaning differs."""
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)


def test_shipped_outline_validates(validator: Draft202012Validator) -> None:
    data = loaded(SHIPPED_OUTLINE.read_text(encoding="utf-8"))
    assert list(validator.iter_errors(data)) == []


def test_shipped_outline_as_an_editor_types_it_validates(schema: dict[str, Any]) -> None:
    """An editor reads `number: 35` as a number and `true` as a boolean; no false alarms."""
    typed = yaml.safe_load(SHIPPED_OUTLINE.read_text(encoding="utf-8"))
    typed["deck"]["slide_numbers"] = True
    first_of(typed, "number")["number"] = 35
    for checker in (Draft202012Validator(schema), Draft7Validator(schema)):
        assert list(checker.iter_errors(typed)) == []


def test_misspelt_key_is_rejected(validator: Draft202012Validator) -> None:
    data = loaded(SHIPPED_OUTLINE.read_text(encoding="utf-8"))
    slide = first_of(data, "bullets")
    slide["bullet"] = slide.pop("bullets")
    error = best_match(validator.iter_errors(data))
    assert list(error.absolute_path) == ["slides", data["slides"].index(slide)]
    branch = list(SLIDE_MODELS).index("bullets")
    reasons = {e.message for e in error.context if list(e.relative_schema_path)[0] == branch}
    assert "Additional properties are not allowed ('bullet' was unexpected)" in reasons


def test_every_key_has_a_description(schema: dict[str, Any]) -> None:
    """Editors show the description on hover: no key without one."""
    missing = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            for name, value in (node.get("properties") or {}).items():
                if not (isinstance(value, dict) and value.get("description")):
                    missing.append(f"{where}.{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]")

    walk(schema, "#")
    assert missing == []


def test_every_object_forbids_unknown_keys(schema: dict[str, Any]) -> None:
    objects = [d for d in schema["$defs"].values() if d.get("type") == "object"]
    assert objects and all(d["additionalProperties"] is False for d in objects)
    assert schema["additionalProperties"] is False


def test_every_slide_kind_is_offered_with_its_kind_constant(schema: dict[str, Any]) -> None:
    """Kinds come from SLIDE_MODELS, so a new kind appears without touching the schema code."""
    refs = [branch["$ref"].split("/")[-1] for branch in schema["$defs"]["Slide"]["anyOf"]]
    assert refs == [model.__name__ for model in SLIDE_MODELS.values()]
    inferred = {kind for _, kind in KIND_BY_KEY}
    for kind, model in SLIDE_MODELS.items():
        definition = schema["$defs"][model.__name__]
        assert definition["properties"]["kind"]["const"] == kind
        assert ("kind" in definition.get("required", [])) == (kind not in inferred), kind


# Outlines on which the schema and yamldeck must give the same verdict.
AGREEMENT = {
    "bullets-inferred": ("  - title: A\n    bullets:\n      - one\n", True),
    "statement-inferred": ("  - title: A\n    statement: Big\n", True),
    "number-as-digits": ("  - title: A\n    number: 35\n", True),
    "closing-inferred": ("  - contacts:\n      - x\n", True),
    "closing-needs-kind-or-contacts": ("  - title: Thanks\n", False),
    "section-needs-its-kind": ("  - title: Part 2\n", False),
    "section": ("  - kind: section\n    title: Part 2\n", True),
    "nested-bullets": ("  - title: A\n    bullets:\n      - Parent:\n          - child\n", True),
    "misspelt-key": ("  - title: A\n    bullets:\n      - one\n    note: x\n", False),
    "misspelt-kind": ("  - kind: bulets\n    title: A\n    bullets:\n      - one\n", False),
    "two-kinds-of-content": ("  - title: A\n    statement: x\n    number: '1'\n", False),
    "missing-title": ("  - kind: bullets\n    bullets:\n      - one\n", False),
    "bullets-must-be-a-list": ("  - title: A\n    bullets: one\n", False),
    "one-column": ("  - title: A\n    columns:\n      - text: x\n", False),
    "title-slide-defaults": ("  - kind: title\n", True),
}


@pytest.mark.parametrize(("slides", "valid"), AGREEMENT.values(), ids=AGREEMENT.keys())
def test_schema_and_yamldeck_agree(
    validator: Draft202012Validator, slides: str, valid: bool
) -> None:
    text = "deck:\n  title: Talk\n  slide_numbers: no\nslides:\n" + slides
    document = parse_document(text.encode("utf-8"), "slides.yaml")
    try:
        validate_document(document)
        yamldeck_ok = True
    except OutlineError:
        yamldeck_ok = False
    assert (yamldeck_ok, validator.is_valid(document.data)) == (valid, valid)
    typed = yaml.safe_load(text)  # as an editor sees it
    assert validator.is_valid(typed) == valid


def test_committed_schema_file_is_what_the_readme_points_to() -> None:
    readme = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    assert REGENERATE in readme
    assert "yaml-language-server: $schema=" in readme
