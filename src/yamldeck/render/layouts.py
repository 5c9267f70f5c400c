"""Which layout of a template each slide uses: by name, by the deck's mapping, or by its frames."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from ..errors import Problem
from ..outline import model as m
from ..outline.inline import plain_text
from .frames import PLANNERS, needs
from .layoutinfo import LayoutInfo
from .slots import Slot

# Names of layouts for each kind, most fitting first, written as `normalised()` gives them:
# PowerPoint's and python-pptx's, LibreOffice's ('Title, Content'), Google Slides' and Keynote's.
_CONTENT = ("title content", "title body", "title text", "title bullets", "title object",
            "content", "one column text", "title 1 content")
_TWO = ("two content", "title 2 content", "title two content", "two columns",
        "title two columns", "2 content", "two column text", "comparison")
_ONLY = ("title only",)
CANDIDATES: dict[str, tuple[str, ...]] = {
    "title": ("title slide", "title", "title subtitle", "title page", "cover", "opening"),
    "section": ("section header", "section title", "section", "section break", "chapter",
                "section title description", "divider", "title slide"),
    "bullets": _CONTENT,
    "agenda": ("agenda", *_CONTENT),
    "table": (*_CONTENT, *_ONLY),
    "chart": (*_CONTENT, *_ONLY),
    "timeline": (*_CONTENT, *_ONLY),
    "process": (*_CONTENT, *_ONLY),
    "columns": _TWO,
    "comparison": ("comparison", *_TWO),
    "statement": ("statement", "main point", "big statement", *_CONTENT),
    "quote": ("quote", "quotation", "statement", "main point", *_CONTENT),
    "number": ("big number", "big fact", "key figure", "number", *_TWO, *_CONTENT),
    "number_chart": ("big number", "big fact", "key figure", "number", *_TWO, *_CONTENT),
    "closing": ("closing", "closing slide", "end", "end slide", "thank you", "thanks",
                "contact", "title slide", *_CONTENT),
    "picture": ("picture", "photo", "title picture", "title photo", *_CONTENT, *_ONLY),
    "picture_text": ("picture text", "title bullets photo", *_TWO, *_CONTENT),
}
OPENING = frozenset({"title", "section", "closing"})


def normalised(name: str) -> str:
    """'Title, Content' and 'Title and Content' -> 'title content'."""
    words = re.sub(r"[^\w]+", " ", name.lower().replace("&", " and ")).split()
    return " ".join(word for word in words if word != "and")


@dataclass(frozen=True)
class Choice:
    layout: Any
    slots: dict[int, Slot] | None  # None: the built-in theme's own placeholders


class LayoutError(Exception):
    """A layout cannot be used; ``path`` is where in the outline to report it."""

    def __init__(self, message: str, path: tuple[Any, ...]) -> None:
        super().__init__(message)
        self.path = path


class LayoutChooser:
    """Chooses a layout (and the slots of its frames) for each slide of a deck."""

    def __init__(self, prs: Any, deck: m.Deck, masters: tuple[Any, Any] | None = None,
                 builtin: dict[str, str] | None = None) -> None:
        self._deck = deck
        self._masters = list(prs.slide_masters)
        opening, content = masters or (self._masters[0], self._masters[0])
        self._order = {True: _ordered(self._masters, opening),
                       False: _ordered(self._masters, content)}
        self._builtin = builtin  # kind -> layout name, for the built-in theme
        self._infos: dict[int, LayoutInfo] = {}
        self._cache: dict[tuple[Any, ...], Choice] = {}
        self._failed: set[str] = set()  # kinds whose deck: layouts: entry was already reported

    def all_layouts(self, opening: bool = False) -> list[Any]:
        return [layout for master in self._order[opening] for layout in master.slide_layouts]

    def mapping_problems(self, locate: Any) -> list[Problem]:
        """deck: layouts: names the template does not have (reported once, where written)."""
        problems = []
        for kind, name in self._deck.layouts.model_dump().items():
            if name and self._named(name, kind in OPENING) is None:
                message = f"deck: layouts: {kind}: {self.unknown_layout(name)}"
                problems.append(locate(("deck", "layouts", kind), message))
        return problems

    def choose(self, slide: Any, key: str, number: int) -> Choice:
        """The layout for ``slide`` (its layout_key ``key``); LayoutError if there is none."""
        override = getattr(slide, "layout", None)
        mapped = getattr(self._deck.layouts, slide.kind, None)
        if slide.kind in self._failed or (mapped and self._named(mapped, key in OPENING) is None):
            mapped = None  # reported once, where deck: layouts: names it (mapping_problems)
        wanted = needs(key, slide, self._deck)
        cache_key = (key, override, wanted)
        if cache_key in self._cache:
            return self._cache[cache_key]
        if override or mapped:
            path = ("slides", number - 1, "layout") if override else ("deck", "layouts",
                                                                      slide.kind)
            try:
                choice = self._explicit(override or mapped, key, slide, number, path)
            except LayoutError:
                if not override:
                    self._failed.add(slide.kind)
                raise
        elif self._builtin is not None:
            layout = self._named(self._builtin[key], key in OPENING)
            choice = Choice(layout, None)
        else:
            choice = self._automatic(key, slide, number)
        self._cache[cache_key] = choice
        return choice

    def _explicit(self, name: str, key: str, slide: Any, number: int,
                  path: tuple[Any, ...]) -> Choice:
        layout = self._named(name, key in OPENING)
        label = _label(slide, number)
        if layout is None:
            raise LayoutError(f"{label}: {self.unknown_layout(name)}", path)
        slots = PLANNERS[key](self._info(layout), slide, self._deck)
        if slots is None:
            raise LayoutError(
                f"{label}: layout '{layout.name}' has no place for {_what(key)}; it has "
                f"{self._info(layout).describe()}; choose a layout that has them "
                "(yamldeck inspect TEMPLATE lists each layout's placeholders)", path)
        return Choice(layout, slots)

    def _automatic(self, key: str, slide: Any, number: int) -> Choice:
        layouts = self.all_layouts(key in OPENING)
        for candidate in CANDIDATES[key]:
            for layout in layouts:
                if normalised(layout.name) == candidate:
                    slots = PLANNERS[key](self._info(layout), slide, self._deck)
                    if slots is not None:
                        return Choice(layout, slots)
        for layout in layouts:  # any layout with the frames the slide needs
            slots = PLANNERS[key](self._info(layout), slide, self._deck)
            if slots is not None:
                return Choice(layout, slots)
        raise LayoutError(
            f"{_label(slide, number)}: the template has no layout with a place for "
            f"{_what(key)}; its layouts: {self.layout_names()}; add one to the template, or "
            "choose one with 'layout:' on the slide", ("slides", number - 1))

    def _named(self, name: str, opening: bool) -> Any:
        wanted = " ".join(name.split()).lower()
        for layout in self.all_layouts(opening):
            if " ".join(layout.name.split()).lower() == wanted:
                return layout
        return None

    def _info(self, layout: Any) -> LayoutInfo:
        key = id(layout.part)
        if key not in self._infos:
            self._infos[key] = LayoutInfo.of(layout)
        return self._infos[key]

    def layout_names(self) -> str:
        names = list(dict.fromkeys(layout.name for layout in self.all_layouts()))
        return ", ".join(f"'{name}'" for name in names)

    def unknown_layout(self, name: str) -> str:
        names = list(dict.fromkeys(layout.name for layout in self.all_layouts()))
        same = [other for other in names if normalised(other) == normalised(name)]
        close = same or difflib.get_close_matches(name, names, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"the template has no layout '{name}'{hint}; its layouts: {self.layout_names()}"


def _ordered(masters: list[Any], first: Any) -> list[Any]:
    return [first, *(master for master in masters if master is not first)]


def _label(slide: Any, number: int) -> str:
    return f"slide {number} '{plain_text(getattr(slide, 'title', None) or '')}'"


_WHAT = {
    "title": "a title slide (a title, and a subtitle or text placeholder)",
    "section": "a section slide (a title, and a text placeholder for the subtitle)",
    "closing": "a closing slide (a title and a text placeholder)",
    "columns": "two columns (a title and a content placeholder)",
    "comparison": "two columns with headings (a title and a content placeholder)",
    "picture": "a picture (a title, and a picture or content placeholder)",
    "table": "a table (a title, and a content placeholder or room below the title)",
    "chart": "a chart (a title, and a content placeholder or room below the title)",
    "timeline": "a timeline (a title, and a content placeholder or room below the title)",
    "process": "a process (a title, and a content placeholder or room below the title)",
}


def _what(key: str) -> str:
    return _WHAT.get(key, f"a {key.replace('_', ' ')} slide (a title and a content placeholder)")
