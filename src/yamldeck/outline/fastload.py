"""LibYAML fast path: compose a clean outline's nodes with the C parser, else say 'use Python'.

PyYAML's pure-Python scanner is most of the time of loading a long outline. When LibYAML is
installed, this composes the same nodes (values, styles and marks) from the C parser's events.
Anything the Python loader treats specially (anchors, aliases, tags, directives, deep nesting,
several documents, tabs, any error) returns None, and the caller loads the text with the Python
loader, which gives the located messages; so messages never depend on LibYAML being present.
"""

from __future__ import annotations

from typing import Any

import yaml

try:  # LibYAML ships with PyYAML's wheels and Debian's python3-yaml; it is optional
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - exercised only where PyYAML was built without it
    CParser = None

# Characters where LibYAML and PyYAML's Python scanner may disagree on columns or refusals
# (PyYAML does not count a byte order mark in a column; LibYAML does).
_UNSURE = ("\t", "\r", "\x85", "\u2028", "\u2029", "\ufeff")


def compose_fast(text: str, max_depth: int) -> Any:
    """The document's root node, as the Python composer makes it; None: use the Python loader."""
    if CParser is None or not text.strip() or any(char in text for char in _UNSURE):
        return None
    parser = CParser(text)
    try:
        return _compose(parser, max_depth)
    except yaml.YAMLError:
        return None
    finally:
        parser.dispose()


def _compose(parser: Any, max_depth: int) -> Any:
    event = parser.get_event()  # StreamStartEvent
    event = parser.get_event()
    if not isinstance(event, yaml.DocumentStartEvent) or event.version or event.tags:
        return None
    root = _node(parser, parser.get_event(), 1, max_depth)
    if root is None:
        return None
    end = parser.get_event()
    after = parser.get_event()
    if not isinstance(end, yaml.DocumentEndEvent) or not isinstance(after, yaml.StreamEndEvent):
        return None  # a second document: the Python loader says so
    return root


def _node(parser: Any, event: Any, depth: int, max_depth: int) -> Any:
    """One node and its children; None when anything needs the Python loader's messages."""
    if depth > max_depth or isinstance(event, yaml.AliasEvent):
        return None
    if getattr(event, "anchor", None) is not None or getattr(event, "tag", None) is not None:
        return None
    if isinstance(event, yaml.ScalarEvent):
        return yaml.ScalarNode(None, event.value, event.start_mark, event.end_mark,
                               event.style or None)  # LibYAML says '' for plain, Python None
    children: list[Any] = []
    if isinstance(event, yaml.SequenceStartEvent):
        while True:
            item = parser.get_event()
            if isinstance(item, yaml.SequenceEndEvent):
                return yaml.SequenceNode(None, children, event.start_mark, item.end_mark,
                                         event.flow_style)
            child = _node(parser, item, depth + 1, max_depth)
            if child is None:
                return None
            children.append(child)
    if isinstance(event, yaml.MappingStartEvent):
        while True:
            item = parser.get_event()
            if isinstance(item, yaml.MappingEndEvent):
                return yaml.MappingNode(None, children, event.start_mark, item.end_mark,
                                        event.flow_style)
            key = _node(parser, item, depth + 1, max_depth)
            value = None if key is None else _node(parser, parser.get_event(), depth + 1,
                                                   max_depth)
            if value is None:
                return None
            children.append((key, value))
    return None
