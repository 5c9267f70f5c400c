"""A Draft written as an outline file, in the shipped slides.yaml's style, with its comments.

Hand-written rather than yaml.dump: PyYAML cannot write comments, and the outline's style (keys in
the model's order, a blank line between slides, notes as wrapped '|' blocks, table rows on one
line, quotes only where needed and always double) is simpler to write than to configure. PyYAML's
resolver still decides which texts need quotes, and the command reads the result back with
yamldeck's own loader to check it says what the Draft says.
"""

from __future__ import annotations

import json
import re
import textwrap
from typing import Any

import yaml

from ..outline.characters import CONTROL
from ..outline.model import SLIDE_MODELS
from ..outline.settings import Deck
from .draft import Draft, DraftSlide

WIDTH = 80  # notes and comments wrap here, like the shipped outline
_RESOLVER = yaml.resolver.Resolver()
_STR = "tag:yaml.org,2002:str"
# A plain text cannot start with these (YAML would read an indicator), nor hold ': ' or ' #'.
_INDICATORS = set("-?:,[]{}#&*!|>'\"%@`")
_FLOW_SPECIAL = set(",[]{}")
# What a double-quoted text must escape beyond JSON's escapes: YAML's line breaks, characters
# outside YAML's printable set, and invisible ones (so the file shows them).
_ESCAPED = re.compile("[\u0085\u2028\u2029\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2060-\u2069"
                      "\ufeff\ufffe\uffff]")
_DECK_ORDER = list(Deck.model_fields)


def write_outline(draft: Draft) -> str:
    """The outline file's text for ``draft``."""
    lines = [line for text in draft.header for line in _comments(text, "")]
    if lines:
        lines.append("")
    lines.append("# About the whole deck: used on the title slide and in the file's properties.")
    lines.append("deck:")
    deck = {key: draft.deck[key] for key in _ordered(draft.deck, _DECK_ORDER)}
    lines += _mapping(deck, 2, draft.deck_remarks)
    lines.append("")
    lines.append('# The slides, in the order they are shown. Each one starts with "- kind:".')
    lines.append("slides:")
    for number, slide in enumerate(draft.slides):
        if number:
            lines.append("")
        lines += _slide(slide)
    return "\n".join(lines) + "\n"


def _slide(slide: DraftSlide) -> list[str]:
    lines = [line for text in slide.comments for line in _comments(text, "  ")]
    order = ["kind", *SLIDE_MODELS[slide.kind].model_fields]
    fields = {key: slide.fields[key] for key in _ordered(slide.fields, order)}
    body = _mapping(fields, 4, slide.remarks)
    return [*lines, "  - " + body[0][4:], *body[1:]]


def _ordered(values: dict[str, Any], order: list[str]) -> list[str]:
    known = [key for key in order if key in values]
    return known + [key for key in values if key not in order]


def _mapping(values: dict[str, Any], indent: int, remarks: dict[str, str] | None = None
             ) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in values.items():
        remark = (remarks or {}).get(key)
        head = f"{pad}{scalar(key, key=True)}:"
        if key == "notes" and isinstance(value, str):
            lines += _comments(remark, pad) if remark else []
            lines.append(f"{head} |")
            lines += _block(value, indent + 2)
            continue
        if isinstance(value, (list, dict)):
            lines += _comments(remark, pad) if remark else []
            lines.append(head)
            lines += _sequence(value, indent + 2) if isinstance(value, list) else _mapping(
                value, indent + 2)
            continue
        tail = f"  # {' '.join(remark.split())}" if remark else ""
        if _literal(value):
            lines.append(f"{head} |-{tail}")
            lines += [f"{pad}  {line}" if line else "" for line in value.split("\n")]
            continue
        lines.append(f"{head} {_inline(value)}{tail}")
    return lines


def _literal(value: Any) -> bool:
    """A text of several lines is written as lines ('|-'), as typed, rather than with \\n
    (which the loader would take for part of a Windows path)."""
    if not isinstance(value, str) or "\n" not in value or value != value.strip():
        return False
    lines = value.split("\n")
    return all(line == line.rstrip() and (not line or line.isprintable()) for line in lines) \
        and not _ESCAPED.search(value) and not lines[0][:1].isspace()


def _sequence(items: list[Any], indent: int) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for item in items:
        if isinstance(item, dict):
            # A mapping in a list (a column, or a bullet 'Parent:' with its sub-bullets): its
            # first key on the '- ' line, its values two further in.
            body = _mapping(item, indent + 2)
            lines.append(f"{pad}- {body[0][indent + 2:]}")
            lines += body[1:]
        elif isinstance(item, list):
            raise ValueError("a list directly inside a list is not part of an outline")
        elif _literal(item):
            lines.append(f"{pad}- |-")
            lines += [f"{pad}  {line}" if line else "" for line in item.split("\n")]
        else:
            lines.append(f"{pad}- {_inline(item)}")
    return lines


def _inline(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return "[" + ", ".join(scalar(str(cell), flow=True) for cell in value) + "]"
    return scalar(str(value))


def scalar(text: str, *, flow: bool = False, key: bool = False) -> str:
    """``text`` as YAML writes it: plain when that reads back as the same text, else in
    double quotes. In a row (``flow``) numbers stay plain, as a spreadsheet shows them."""
    return text if _plain(text, flow, key) else quoted(text)


def quoted(text: str) -> str:
    """``text`` in YAML double quotes (JSON's escapes are YAML's too)."""
    dumped = json.dumps(text, ensure_ascii=False)
    return _ESCAPED.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)


def _plain(text: str, flow: bool, key: bool) -> bool:
    if not text or text != text.strip() or not text.isprintable() or _ESCAPED.search(text):
        return False
    if text[0] in _INDICATORS:
        return False
    if ": " in text or " #" in text or text.endswith(":") or "\t" in text:
        return False
    if flow:
        return not _FLOW_SPECIAL.intersection(text) and _RESOLVER.resolve(
            yaml.ScalarNode, text, (True, False)) in (_STR, "tag:yaml.org,2002:int",
                                                      "tag:yaml.org,2002:float")
    # Texts YAML 1.1 would read as something else (35, yes, 2024-03-05, ~) are quoted, as the
    # shipped outline quotes them, so editors and other YAML tools read them as texts too.
    return _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR


def _block(text: str, indent: int) -> list[str]:
    """A '|' block: paragraphs wrapped at WIDTH, a blank line between them (as notes are read:
    single line breaks are joined, blank lines separate paragraphs)."""
    pad = " " * indent
    lines: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if lines:
            lines.append("")
        flat = CONTROL.sub("", " ".join(paragraph.split()))
        wrapped = textwrap.wrap(flat, max(20, WIDTH - indent), break_long_words=False,
                                break_on_hyphens=False) or [""]
        lines += [f"{pad}{line}" for line in wrapped]
    return lines


def _comments(text: str, pad: str) -> list[str]:
    """Comment lines ('# ...') for ``text``, wrapped; an empty text is a lone '#'."""
    wrapped = textwrap.wrap(text, WIDTH - len(pad), break_long_words=False,
                            break_on_hyphens=False, subsequent_indent="  ")
    return [f"{pad}# {line}" for line in wrapped] or [f"{pad}#"]
