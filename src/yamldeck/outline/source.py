"""Where things are in an outline: a source map from paths to lines; how messages name them."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import Problem
from .inline import plain_text

Path_ = tuple[Any, ...]  # a location inside the document: keys and list indices


@dataclass(frozen=True, slots=True)  # slots: a long outline has a hundred thousand of them
class Mark:
    line: int  # 1-based
    column: int  # 1-based


@dataclass
class SourceMap:
    """Where each key and value of the document was written."""

    file: str
    keys: dict[Path_, Mark] = field(default_factory=dict)
    values: dict[Path_, Mark] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)

    def locate(self, path: Path_, *, key: bool = False) -> Mark | None:
        """The mark of ``path`` (its key when ``key``), else of its nearest located ancestor."""
        table = self.keys if key else self.values
        if path in table:
            return table[path]
        for end in range(len(path) - 1, -1, -1):
            prefix = path[:end]
            if prefix in self.values:
                return self.values[prefix]
        return None

    def slide_number(self, index: int) -> int:
        """The number messages give the outline's slide ``index`` (0-based): its place in the
        file, 1-based (an outline with continuation slides maps them back: RemappedSource)."""
        return index + 1

    def problem(
        self, path: Path_, message: str, *, key: bool = False, severity: str = "error"
    ) -> Problem:
        mark = self.locate(path, key=key)
        return Problem(
            message,
            file=self.file,
            line=mark.line if mark else None,
            column=mark.column if mark else None,
            severity=severity,  # type: ignore[arg-type]
            path=format_path(path),
        )


def format_path(path: Path_) -> str:
    """A path as machines read it: slides[2].bullets[0]."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_]\w*", str(part)):
            out += f".{part}" if out else str(part)
        else:
            out += f"[{json.dumps(str(part), ensure_ascii=False)}]"
    return out


def slide_label(number: int, raw: Any) -> str:
    """How messages name a slide: by number, and by title when it has one."""
    title = raw.get("title") if isinstance(raw, dict) else None
    if not isinstance(title, str):
        return f"slide {number}"
    shown = _UNPRINTABLE.sub("", " ".join(plain_text(title).split()))
    return f"slide {number} '{shown}'"


# Left out of the slide names in messages: they are reported on their own, and some cannot
# even be printed (a lone surrogate).
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]"
)
