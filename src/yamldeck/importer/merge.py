"""The three-way merge of one field's paragraphs: as built (the record's digests), in the outline
now, and in the edited deck now; and of the slides' order.

A field's paragraphs are aligned by their digests (difflib), once as built against the deck
and once as built against the outline, as diff3 does: a change only the deck made is taken, a
change only the outline made is kept, and the same paragraphs changed differently on both sides
are a conflict, left as the outline has them.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any

from ..render.marks import digest


@dataclass(frozen=True)
class Item:
    """One paragraph of a field: its digest, level and outline text; ``node`` is the outline's
    own value (kept as it is written when the paragraph did not change)."""

    token: str
    level: int
    text: str
    node: Any = None


def item(level: int, text: str, node: Any = None) -> Item:
    return Item(digest(level, text), level, text, node)


@dataclass(frozen=True)
class Conflict:
    """Paragraphs the outline and the deck both changed since the build, differently."""

    mine: tuple[Item, ...]
    theirs: tuple[Item, ...]


def merge_items(base: list[str], mine: list[Item], theirs: list[Item]
                ) -> tuple[list[Item], list[Conflict]]:
    """The field's paragraphs after taking the deck's changes; the conflicts left out."""
    theirs_ops = _changes(base, [i.token for i in theirs])
    if not theirs_ops:
        return mine, []
    mine_tokens = [i.token for i in mine]
    mine_ops = _changes(base, mine_tokens)
    if not mine_ops:
        kept = _equal_map(base, [i.token for i in theirs])  # theirs index -> base index
        return [mine[kept[j]] if j in kept else t for j, t in enumerate(theirs)], []
    where = _equal_map(base, mine_tokens, reverse=True)  # base index -> mine index
    result = list(mine)
    conflicts: list[Conflict] = []
    for _, i1, i2, j1, j2 in reversed(theirs_ops):
        clash = [op for op in mine_ops if _overlap((i1, i2), (op[1], op[2]))]
        if clash:
            same = any(mine_tokens[op[3]:op[4]] == [t.token for t in theirs[j1:j2]]
                       and (op[1], op[2]) == (i1, i2) for op in clash)
            if not same:
                first, last = min(op[3] for op in clash), max(op[4] for op in clash)
                conflicts.append(Conflict(tuple(mine[first:last]), tuple(theirs[j1:j2])))
            continue
        start = _position(where, i1, len(mine))
        result[start:start + (i2 - i1)] = theirs[j1:j2]
    return result, list(reversed(conflicts))


def _changes(base: list[str], other: list[str]) -> list[tuple[str, int, int, int, int]]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    return [op for op in matcher.get_opcodes() if op[0] != "equal"]


def _equal_map(base: list[str], other: list[str], reverse: bool = False) -> dict[int, int]:
    matcher = SequenceMatcher(None, base, other, autojunk=False)
    pairs: dict[int, int] = {}
    for tag, i1, i2, j1, _ in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                pairs.update({i1 + k: j1 + k} if reverse else {j1 + k: i1 + k})
    return pairs


def _overlap(one: tuple[int, int], other: tuple[int, int]) -> bool:
    """Whether two changed ranges of the base touch (an insertion touches its neighbours)."""
    (a1, a2), (b1, b2) = one, other
    if a1 == a2 or b1 == b2:
        return b1 <= a2 and a1 <= b2
    return a1 < b2 and b1 < a2


def _position(where: dict[int, int], index: int, length: int) -> int:
    """Where base paragraph ``index`` is in the outline (or where it would go)."""
    if index in where:
        return where[index]
    if index - 1 in where:
        return where[index - 1] + 1
    return length if index else 0


def slide_order(current: list[int], deck: list[int]) -> list[int]:
    """The outline's slides (``current``, by key) in the deck's order: the fewest slides move
    (those outside the longest run the deck keeps in the outline's order), each after the
    slide it follows in the deck; keys not in ``current`` (added in the deck) are placed so
    too, and the slides the deck does not show stay where the outline has them."""
    rank = {key: index for index, key in enumerate(current)}
    kept = set(_longest_increasing([k for k in deck if k in rank], rank))
    order = list(current)
    for index, key in enumerate(deck):
        if key in kept:
            continue
        if key in order:
            order.remove(key)
        order.insert(order.index(deck[index - 1]) + 1 if index else 0, key)
    return order


def _longest_increasing(keys: list[int], rank: dict[int, int]) -> list[int]:
    """The longest subsequence of ``keys`` whose ranks increase (patience sorting)."""
    tails: list[int] = []  # index into keys of the smallest tail of each length
    before: list[int] = [-1] * len(keys)
    for index, key in enumerate(keys):
        low, high = 0, len(tails)
        while low < high:
            middle = (low + high) // 2
            if rank[keys[tails[middle]]] < rank[key]:
                low = middle + 1
            else:
                high = middle
        before[index] = tails[low - 1] if low else -1
        tails[low:low + 1] = [index]
    found, at = [], tails[-1] if tails else -1
    while at >= 0:
        found.append(keys[at])
        at = before[at]
    return found[::-1]
