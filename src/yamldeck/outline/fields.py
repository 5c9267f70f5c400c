"""Field types every part of the outline model shares: checked text, bullets, choices."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    ValidationInfo,
    WithJsonSchema,
)

from .inline import parse_inline, url_problem
from .languages import is_tag

# Never valid in a deck. The loader has already removed control characters typed as escapes
# (with a located warning); any still here came from code that built the model directly.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")


def _check_text(value: str) -> str:
    bad = _FORBIDDEN.search(value)
    if bad:
        raise ValueError(_forbidden_message(bad.group()))
    for span in parse_inline(value):
        if span.url is not None:
            problem = url_problem(span.url)
            if problem:
                raise ValueError(problem)
        if span.lang is not None and not is_tag(span.lang):
            raise ValueError(
                f"marks '{span.text}' as in '{span.lang}', which is not a language tag; "
                f"write one such as [{span.text}]{{lang=fr}} or [{span.text}]{{lang=zh-CN}}"
            )
    return value.strip()


def _forbidden_message(char: str) -> str:
    code = f"U+{ord(char):04X}"
    if "\ud800" <= char <= "\udfff":
        return (
            f"contains {code}, half of a character written as two escapes (\\u{ord(char):04x}); "
            "a deck cannot hold it: write the whole character, e.g. \\U0001F600, or remove it"
        )
    if char in "\ufffe\uffff":
        return f"contains {code}, which is not a character (perhaps from an escape); remove it"
    return (
        f"contains the invisible control character {code} "
        "(perhaps from an escape such as \\x07); remove it"
    )


Text = Annotated[str, AfterValidator(_check_text)]


def _filled(value: str) -> str:
    if not value:
        raise ValueError("is empty; write its text, or delete the slide")
    return value


# The text a slide exists to show (a statement, a number, a quote): empty would leave a bare title.
FilledText = Annotated[str, AfterValidator(_check_text), AfterValidator(_filled)]
# What happens to text that does not fit even at the smallest size (see layout.continuation).
Overflow = Literal["error", "continue"]
HexColor = Annotated[
    str,
    Field(pattern=r"^#?[0-9A-Fa-f]{6}$", description="A colour as six hex digits, e.g. 1B2A41"),
    AfterValidator(lambda v: v.lstrip("#").upper()),
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


@dataclass(frozen=True)
class Bullet:
    """One bullet point and the points nested under it."""

    text: str
    children: tuple[Bullet, ...] = ()


_BULLET_SCHEMA: dict[str, Any] = {
    "type": "array",
    "minItems": 1,
    "description": "Bullet points. For sub-points, end the parent with ':' and indent a list "
    "under it.",
    "items": {"$ref": "#/$defs/BulletItem"},
}
BULLET_ITEM_SCHEMA: dict[str, Any] = {
    "anyOf": [
        {"type": "string", "description": "A bullet point."},
        {
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "description": "A bullet point (the key) with its sub-points (the list).",
            "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/BulletItem"}},
        },
    ]
}
Bullets = Annotated[tuple[Bullet, ...], WithJsonSchema(_BULLET_SCHEMA)]
Notes = Annotated[
    Text | None,
    Field(description="Speaker notes. Blank lines separate paragraphs."),
]
Language = Annotated[
    Annotated[str, Field(pattern=r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$")] | None,
    Field(
        description="Language of the slide's text when it is not deck: language, e.g. ar or "
        "zh-CN: right-to-left text runs from the right, East Asian text breaks between "
        "characters, and each script gets its font.",
    ),
]
LayoutName = Annotated[
    Text | None,
    Field(description="A layout of the template, by name, for this slide (see yamldeck inspect)."),
]

def _choice(*options: str) -> Any:
    """A text that must be one of ``options`` (case-insensitive), with a did-you-mean message."""

    def check(value: str) -> str:
        lowered = value.strip().lower()
        if lowered in options:
            return lowered
        close = difflib.get_close_matches(lowered, options, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        raise ValueError(f"must be one of {', '.join(options)}, not '{value}'{hint}")

    schema = WithJsonSchema({"type": "string", "enum": list(options)})
    return Annotated[str, AfterValidator(check), schema]


def _checked(check: Any, value: Any) -> Any:
    """Run a tabular check; its ValueError becomes the field's located message."""
    check(value)
    return value


def _either(info: ValidationInfo, value: Any, key: str, other: str, what: str) -> None:
    """Exactly one of ``key`` (this field) and ``other`` must be given."""
    if other not in info.data and value is None:
        return  # 'other' had its own problem, already reported
    if value is not None and info.data.get(other) is not None:
        raise ValueError(f"and '{other}' cannot both be given; keep one")
    if value is None and info.data.get(other) is None:
        raise ValueError(f"(or '{other}') is needed: {what}")


Rows = list[list[Text]]

