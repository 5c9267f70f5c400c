"""What an edited deck changed that no field of the outline holds (render/unmarked.py records
it): a warning for each shape changed or deleted, footers gathered into one, so that a change
`import --into` cannot take back is named, never dropped in silence. A footer changed alike on
every slide is the exception: importer/into.py takes it back into the outline's footer."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..render.unmarked import (
    CHART,
    DIAGRAM,
    FOOTER,
    PICTURE,
    TABLE,
    UNREAD,
    parsed,
    unmarked,
)
from .texts import Links, paragraphs, qn, shape_id

_BY_HAND = "it is not taken back: change it in the outline by hand"
_TABLE = ", or its column widths, row heights or alignment changed"
_WHAT = {PICTURE: "its picture", CHART: "its chart", TABLE: "its table", DIAGRAM: "its diagram"}


@dataclass
class Untaken:
    """The changes found so far; ``footers``: the deck slides whose footer changed, deleted."""

    warnings: list[str] = field(default_factory=list)
    footers: dict[str, list[int]] = field(default_factory=lambda: {
        "changed": [], "deleted": [], "changed or deleted": []})
    kept_footers: int = 0  # footers the deck left as built
    new_footers: set[tuple[str, str]] = field(default_factory=set)  # (text now, digest as built)

    def check(self, slide: Any, recorded: str, kind: str, position: int,
              frames: Iterable[Any], by_ids: bool = True) -> None:
        """Compare a deck slide's shapes with what the record says they showed. ``frames``:
        the shapes read as fields; ``by_ids``: False for a deck saved by a program that
        renumbers shapes (then a shape whose words are not found is "changed or deleted")."""
        if not recorded:
            return  # a deck built by an earlier yamldeck: nothing recorded
        now = unmarked(slide._element, slide.part, {shape_id(sp) for sp in frames})
        shown = Counter((letter, code) for letter, _, code, _ in now.values())
        for number, (letter, code, looks) in parsed(recorded).items():
            found = now.get(number) if by_ids else None
            if found is not None and found[2] in (code, UNREAD):
                self.kept_footers += letter == FOOTER
                if looks and found[3] != looks:
                    self.warnings.append(f"slide {position}: {_WHAT[letter]} was moved or "
                                         f"resized{_TABLE if letter == TABLE else ''}; the "
                                         "outline holds words, not formatting, so it is not "
                                         "taken back")
                continue
            if not by_ids and (shown[letter, code] or letter == DIAGRAM):
                shown[letter, code] -= 1  # LibreOffice drops a group's alt text: not checked
                continue
            change = "deleted" if found is None else "changed"
            change = change if by_ids else "changed or deleted"
            if letter == FOOTER:
                self.footers[change].append(position)
                if found is not None:
                    self.new_footers.add((_text_of(slide, number), code))
                continue
            name = "" if found is None else found[1]
            self.warnings.append(f"slide {position}: {_message(letter, change, kind, name)}")

    def footer_change(self) -> tuple[str, str] | None:
        """The footer every slide shows now, and the digest of the one built, when the deck
        changed every footer it had to the same text (PowerPoint's Header and Footer, Apply to
        All): the outline's ``footer:`` can take it back (importer/into.py)."""
        if self.kept_footers or len(self.new_footers) != 1 or any(
                positions for change, positions in self.footers.items() if change != "changed"):
            return None
        return next(iter(self.new_footers))

    def all(self) -> list[str]:
        """The warnings, the footers' last (unless every footer changed alike: see
        footer_change)."""
        found = list(self.warnings)
        for change, positions in self.footers.items():
            if positions and self.footer_change() is None:
                where = "slide" + ("s " if len(positions) > 1 else " ") + _listed(positions)
                found.append(f"{where}: the footer was {change} in the deck; it is the "
                             "outline's 'footer:' (under deck:), so it is not taken back: "
                             "change it there")
        return found


def _text_of(slide: Any, number: int) -> str:
    """The outline text of the shape with id ``number`` (its paragraphs joined)."""
    for sp in slide._element.iter(qn("p:sp")):
        body = sp.find(qn("p:txBody"))
        if shape_id(sp) == number and body is not None:
            return " ".join(p.text for p in paragraphs(body, Links(slide.part, []))).strip()
    return ""


def _message(letter: str, change: str, kind: str, name: str) -> str:
    if change == "changed or deleted":  # shapes renumbered: which of the two is not known
        what = _WHAT.get(letter, "its agenda" if kind == "agenda" else "a text box yamldeck drew")
        return f"{what} was changed or deleted in the deck; {_BY_HAND}"
    if change == "deleted":
        return (f"{_WHAT.get(letter, 'a text box yamldeck drew')} was deleted in the deck; "
                "the outline keeps what it showed")
    if kind == "agenda" and letter not in _WHAT:
        return ("its agenda was changed; it lists the outline's section titles (the agenda has "
                "no 'items:'), so it is not taken back: change those titles, or give the "
                "agenda 'items:', in the outline")
    if letter == PICTURE:
        return f"the alt text of its picture was changed; {_BY_HAND}"
    if letter == CHART:
        return ("its chart's series names or alt text were changed; only a chart's numbers, "
                "categories and titles are taken back, so change those in the outline by hand")
    if letter in _WHAT:
        return f"the alt text of {_WHAT[letter]} was changed; {_BY_HAND}"
    return (f"the text of '{name}' was changed; no field of the outline is recorded for it, so "
            f"{_BY_HAND}")


def _listed(numbers: list[int]) -> str:
    """1, 2, 3 and 5 as '1–3 and 5'."""
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [f"{r[0]}–{r[-1]}" if len(r) > 2 else ", ".join(map(str, r)) for r in runs]
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
