"""An outline file edited in place with ruamel.yaml's round trip: its comments, quoting, key
order and blank lines kept, and only the values that change written anew.

A field is addressed as render/marks.py names it (``title``, ``bullets``, ``columns.1``,
``columns.0.heading``, ``notes``); its paragraphs are merge.Items whose ``node`` is the value as
the file has it, so an unchanged paragraph is written back exactly as it was.
"""

from __future__ import annotations

import io
import re
import textwrap
from difflib import SequenceMatcher
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    LiteralScalarString,
    SingleQuotedScalarString,
)

from ..render.marks import note_items
from .merge import Item, item
from .writer import scalar

NOTES_WIDTH = 76  # a new notes paragraph is wrapped as the shipped outline's are
_BLOCKS = re.compile(r"\n[ \t]*\n")
_INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))
REQUIRED = ("title", "statement", "number", "quote", "alt")
_EMPTIED = {"alt": "its picture's alt text was removed in the deck; the outline keeps it (a "
                   "picture needs alt text for screen-reader users, or 'decorative: true')"}


def new_yaml(indent: tuple[int, int, int] = (2, 4, 2)) -> YAML:
    yaml = YAML()
    yaml.width = 4096  # never wrap a long line the file has on one line
    yaml.preserve_quotes = True
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def dump(yaml: YAML, document: Any) -> str:
    out = io.StringIO()
    yaml.dump(document, out)
    return out.getvalue()


def writer(text: str) -> tuple[YAML, bool]:
    """The YAML that writes ``text`` back, and whether it writes it back unchanged (the
    indentation that does is found among the usual ones)."""
    document = new_yaml().load(text)
    for indent in _INDENTS:
        candidate = new_yaml(indent)
        if dump(candidate, document) == text:
            return candidate, True
    return new_yaml(), False


def _holder(slide: CommentedMap, field: str) -> tuple[Any, str]:
    """The mapping that holds ``field``'s value and its key there."""
    if field.startswith("columns."):
        parts = field.split(".")
        column = slide["columns"][int(parts[1])]
        if len(parts) == 3:
            return column, "heading"
        return column, "bullets" if "bullets" in column else "text"
    if field.startswith("chart."):  # a chart's titles: chart.title, chart.x_title, ...
        return slide["chart"], field.split(".")[1]
    return slide, field


def current_items(slide: CommentedMap, field: str, built: list[tuple[int, str]]) -> list[Item]:
    """The field's paragraphs as the outline has them now (``built``: the same from the model,
    for a value the slide takes from deck:)."""
    if field == "lines":  # a title slide's lines: each from its own key (marks.LINES)
        return [item(level, text, text) for level, text in built]
    holder, key = _holder(slide, field)
    value = holder.get(key)
    if value is None:
        return [item(level, text) for level, text in built]
    if field == "notes":
        blocks = [b for b in _BLOCKS.split(str(value).strip()) if b.strip()]
        pairs = zip(note_items(value), blocks, strict=False)
        return [item(0, text, block) for (_, text), block in pairs]
    if isinstance(value, list):
        return _flat(value, 0)
    return [item(0, str(value).strip(), value)]


def _flat(values: list[Any], level: int) -> list[Item]:
    items: list[Item] = []
    for value in values:
        if isinstance(value, dict) and len(value) == 1:
            (text, children), = value.items()
            items.append(item(level, str(text).strip(), text))
            items += _flat(children or [], level + 1)
        else:
            items.append(item(level, str(value).strip(), value))
    return items


def set_items(slide: CommentedMap, field: str, items: list[Item], keys: tuple[str, ...] = ()
              ) -> str | None:
    """Write the field's paragraphs; a message when the outline cannot take them as they are.
    ``keys``: for a title slide's lines, the key each line as built came from."""
    if field == "lines":
        if len(items) != len(keys):
            return ("its presenter, affiliation and date lines changed in number; the outline "
                    "keeps them (change them in the outline)")
        for key, line in zip(keys, items, strict=True):
            if line.node is None:
                _set_key(slide, key, styled(line.text, slide.get(key)))
        return None
    holder, key = _holder(slide, field)
    old = holder.get(key)
    if field == "notes":
        plain = len(items) == 1 and old is not None and not isinstance(old, LiteralScalarString)
        _set_key(slide, key, styled(items[0].text, old) if plain else
                 _notes(items) if items else None)
        return None
    if isinstance(old, list) or (old is None and field in ("bullets", "contacts")):
        _set_list(holder, key, items)
        return None
    if not items and key in REQUIRED:
        return _EMPTIED.get(key, f"its {field} was emptied; the outline keeps it (an outline "
                            "needs one)")
    text = " ".join(i.text for i in items)
    _set_key(holder, key, styled(text, old) if items else None)
    return None


def styled(text: str, old: Any) -> Any:
    """``text`` quoted as the value it replaces was (double quotes if YAML needs quotes)."""
    if isinstance(old, DoubleQuotedScalarString):
        return DoubleQuotedScalarString(text)
    if isinstance(old, SingleQuotedScalarString) and "'" not in text:
        return SingleQuotedScalarString(text)
    return text if scalar(text) == text else DoubleQuotedScalarString(text)


def _set_key(holder: CommentedMap, key: str, value: Any) -> None:
    if value is None:
        if key in holder:
            _drop_key(holder, key)
        return
    if key in holder:
        _keep_comment_gap(holder, key, holder[key], value)
        holder[key] = value
    else:  # a new key goes before the notes, as the model orders keys
        keys = list(holder)
        holder.insert(keys.index("notes") if "notes" in keys else len(keys), key, value)


def comment_before(holder: CommentedMap, key: str, text: str) -> None:
    """A comment line above ``key`` (at the key's indentation), after any already there."""
    column = holder.lc.col if holder.lc.col is not None else 0
    holder.yaml_set_comment_before_after_key(key, before=text, indent=column)


def _keep_comment_gap(holder: CommentedMap, key: str, old: Any, new: Any) -> None:
    """Keep the spaces between a changed value and the comment after it (ruamel.yaml keeps the
    comment's column, or leaves one space when the new value reaches it)."""
    comment = holder.ca.items.get(key)
    token = comment[2] if comment and len(comment) > 2 else None
    if token is None or getattr(token, "start_mark", None) is None or \
            not isinstance(old, str) or not isinstance(new, str):
        return
    token.column = max(0, token.column + _width(new) - _width(old))


def _width(value: str) -> int:
    quoted = isinstance(value, (DoubleQuotedScalarString, SingleQuotedScalarString))
    return len(value) + 2 * quoted


def _drop_key(holder: CommentedMap, key: str) -> None:
    """Delete a key, keeping the comment that follows its value (it is about what follows)."""
    keys = list(holder)
    after = holder.ca.items.pop(key, None)
    del holder[key]
    index = keys.index(key)
    if after is not None and index > 0 and keys[index - 1] not in holder.ca.items:
        holder.ca.items[keys[index - 1]] = after


def _notes(items: list[Item]) -> LiteralScalarString:
    blocks = [str(i.node).strip() if i.node is not None else
              textwrap.fill(i.text, NOTES_WIDTH, break_long_words=False, break_on_hyphens=False)
              for i in items]
    return LiteralScalarString("\n\n".join(blocks) + "\n")


def _set_list(holder: CommentedMap, key: str, items: list[Item]) -> None:
    """A list written anew from its paragraphs (nested by level); unchanged ones as they were,
    their comments kept, and the comment after the list's end kept after its new end."""
    old = holder.get(key)
    if not items:
        if key in holder:
            _drop_key(holder, key)
        return
    hints = _hints(_flat(old, 0) if isinstance(old, list) else [], items)
    fresh = _nested(items, 0, 0, hints)[0]
    if isinstance(old, CommentedSeq) and old.ca.items:
        last_old = len(old) - 1
        for index, value in enumerate(fresh):
            found = next((k for k, v in enumerate(old) if v is value), None)
            if found is not None and found != last_old and found in old.ca.items:
                fresh.ca.items[index] = old.ca.items[found]
        if last_old in old.ca.items:
            fresh.ca.items[len(fresh) - 1] = old.ca.items[last_old]
    _set_key(holder, key, fresh)


def _hints(old: list[Item], items: list[Item]) -> list[Any]:
    """For each new paragraph, the value it replaces (its quotes are kept), where it replaces one
    paragraph for one."""
    hints: list[Any] = [None] * len(items)
    matcher = SequenceMatcher(None, [i.token for i in old], [i.token for i in items],
                              autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "replace" and i2 - i1 == j2 - j1:
            hints[j1:j2] = [i.node for i in old[i1:i2]]
    return hints


def _nested(items: list[Item], start: int, level: int, hints: list[Any]
            ) -> tuple[CommentedSeq, int]:
    seq = CommentedSeq()
    index = start
    while index < len(items) and items[index].level >= level:
        current = items[index]
        value = current.node if current.node is not None else styled(current.text,
                                                                      hints[index])
        index += 1
        if index < len(items) and items[index].level > level:
            children, index = _nested(items, index, level + 1, hints)
            entry = CommentedMap()
            entry[value] = children
            seq.append(entry)
        else:
            seq.append(value)
    return seq, index
