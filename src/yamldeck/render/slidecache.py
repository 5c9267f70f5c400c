"""Reusing the finished slides of the last build that did not change (watch's fast rebuilds).

A slide's XML depends on its outline entry, the deck settings, the template and its layout, and on
its position only through the slide-number field. For kinds whose rendering reads nothing else
(no pictures, data files or other slides) the finished slide and notes are kept after a build;
the next build copies them instead of measuring and writing the text again, and sets the number.
A kept slide gives the same bytes as a fresh one (tests compare whole decks).
"""

from __future__ import annotations

import copy
import hashlib
import re
from dataclasses import dataclass, fields, is_dataclass
from typing import Any

from pptx.opc.constants import RELATIONSHIP_TYPE as RT

# Kinds whose slides are a function of (slide, deck, template, layout) alone. Kinds not listed
# (pictures, tables and charts read files; agendas read other slides) are always rendered.
PURE_KINDS = frozenset({"title", "section", "bullets", "statement", "number", "columns",
                        "closing", "quote"})
# A text that could name a file (a chart's CSV on a number slide): such a slide is always rendered.
_FILE_NAME = re.compile(r"\.[A-Za-z0-9]{1,5}$")

Key = tuple[str, str, str, str]


@dataclass(frozen=True)
class _Entry:
    slide: Any  # the finished p:sld, chrome included
    chrome: int  # how many of its last shapes are the footer and slide number
    slide_links: tuple[str, ...]  # hyperlink targets of rId2, rId3, ... in order
    notes: Any  # the finished p:notes, or None
    notes_links: tuple[str, ...]  # hyperlink targets of the notes' rId3, rId4, ...


class SlideCache:
    """Finished slides kept from one build to the next (one cache per watched outline)."""

    def __init__(self) -> None:
        self._entries: dict[Key, _Entry] = {}
        self._used: set[Key] = set()
        self._chrome: dict[tuple[str, str], dict[str, Any]] = {}  # footer stamps by layout name

    def next_build(self) -> None:
        """Forget slides the last build did not have, so the cache never outgrows one deck."""
        self._entries = {key: self._entries[key] for key in self._used if key in self._entries}
        self._used = set()

    def for_render(self, template: bytes, deck: Any, adder: Any) -> RenderReuse:
        """The cache for one render; it copies nothing when the deck settings name a file (a
        template or logo of the user's), whose contents a slide could depend on unseen."""
        reuse = RenderReuse(self, hashlib.sha256(template).hexdigest(), repr(deck), adder)
        reuse.enabled = not _names_a_file(deck)
        if reuse.enabled:  # the footer stamps of the same template and settings, drawn once
            prefix = (reuse._template, reuse._deck)
            self._chrome = {prefix: self._chrome.get(prefix, {})}
            adder.shared_chrome = self._chrome[prefix]
        return reuse


class RenderReuse:
    """The cache as one render sees it: its template, deck settings and slide adder."""

    def __init__(self, cache: SlideCache, template: str, deck: str, adder: Any) -> None:
        self._cache, self._template, self._deck, self._adder = cache, template, deck, adder
        self.enabled = True

    def _key(self, slide_model: Any, layout: Any) -> Key | None:
        if not self.enabled or getattr(slide_model, "kind", None) not in PURE_KINDS:
            return None
        if _names_a_file(slide_model):
            return None
        return (self._template, self._deck, layout.name, repr(slide_model))

    def replay(self, slide_model: Any, layout: Any, number: int) -> bool:
        """Add the kept copy of this slide as slide ``number``; False when there is none."""
        key = self._key(slide_model, layout)
        entry = self._cache._entries.get(key) if key is not None else None
        if entry is None:
            return False
        self._cache._used.add(key)  # type: ignore[arg-type]
        slide = self._adder.add_slide(layout, copy.deepcopy(entry.slide))
        for target in entry.slide_links:
            slide.part.relate_to(target, RT.HYPERLINK, is_external=True)
        self._adder.renumber(slide, entry.chrome, number)
        if entry.notes is not None:
            notes = self._adder.notes_slide(slide, copy.deepcopy(entry.notes))
            for target in entry.notes_links:
                notes.part.relate_to(target, RT.HYPERLINK, is_external=True)
        return True

    def store(self, slide_model: Any, layout: Any, slide: Any) -> None:
        """Keep a finished slide (rendered without problems) for the next build."""
        key = self._key(slide_model, layout)
        if key is None:
            return
        links = _links(slide.part, {1: RT.SLIDE_LAYOUT}, RT.NOTES_SLIDE)
        notes = notes_links = None
        if slide.part.has_notes_slide:
            notes_part = slide.notes_slide.part
            notes = copy.deepcopy(notes_part._element)
            notes_links = _links(notes_part, {1: RT.NOTES_MASTER, 2: RT.SLIDE}, None)
        chrome = self._adder.chrome_count(layout)
        if links is None or (notes is not None and notes_links is None) or chrome is None:
            return  # a copy would not come out the same: render this slide every time
        self._cache._entries[key] = _Entry(copy.deepcopy(slide.part._element), chrome, links,
                                           notes, notes_links or ())
        self._cache._used.add(key)


def _names_a_file(value: Any) -> bool:
    """Whether any text in the slide (its models, lists, mappings) looks like a file name."""
    if isinstance(value, str):
        return bool(_FILE_NAME.search(value.strip()))
    if isinstance(value, dict):
        return any(_names_a_file(item) for item in value.values())
    if isinstance(value, (list, tuple)):
        return any(_names_a_file(item) for item in value)
    if is_dataclass(value):
        return any(_names_a_file(getattr(value, f.name)) for f in fields(value))
    if hasattr(value, "__dict__"):
        return any(_names_a_file(item) for item in vars(value).values())
    return value is not None and not isinstance(value, (bool, int, float))


def _links(part: Any, fixed: dict[int, str], last: str | None) -> tuple[str, ...] | None:
    """The hyperlink targets of a part whose relationships are exactly ``fixed`` (by rId number),
    then external hyperlinks, then optionally one ``last``; None for any other shape."""
    rels = sorted(part.rels.values(), key=lambda rel: int(rel.rId[3:]) if rel.rId[3:].isdigit()
                  else -1)
    if [rel.rId for rel in rels] != [f"rId{n}" for n in range(1, len(rels) + 1)]:
        return None
    if last is not None and rels and rels[-1].reltype == last:
        rels = rels[:-1]
    links = []
    for number, rel in enumerate(rels, start=1):
        if number in fixed:
            if rel.reltype != fixed[number] or rel.is_external:
                return None
        elif rel.reltype == RT.HYPERLINK and rel.is_external:
            links.append(rel.target_ref)
        else:
            return None
    return tuple(links)
