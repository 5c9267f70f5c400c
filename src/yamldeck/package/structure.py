"""What each XML part of a presentation holds, in summary, and the checks of its structure."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from .relations import CONTENT_TYPES, R_NS, Relationships

_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_SLIDE_REL = R_NS + "/slide"
_SHAPE_PARTS = (
    "ppt/slides/",
    "ppt/slideLayouts/",
    "ppt/slideMasters/",
    "ppt/notesSlides/",
    "ppt/notesMasters/",
    "ppt/handoutMasters/",
)
# Every attribute in the relationships namespace (r:id, r:embed...), compiled once for all parts.
_RELATIONSHIP_ATTRIBUTES = etree.XPath("//@r:*", namespaces={"r": R_NS})


@dataclass(frozen=True)
class Summary:
    """What the checks below need of one parsed part, so its tree can be freed at once."""

    used: frozenset[str] = frozenset()  # r:id, r:embed... values (parts, not .rels)
    shape_ids: tuple[str | None, ...] = ()  # p:cNvPr ids (slides, layouts, masters, notes)
    slide_rids: tuple[str | None, ...] = ()  # presentation.xml: p:sldId r:id, in order
    slide_ids: tuple[str | None, ...] = ()  # presentation.xml: p:sldId id
    master_ids: tuple[str | None, ...] = ()  # presentation.xml: p:sldMasterId id
    layout_ids: tuple[str | None, ...] = ()  # masters: p:sldLayoutId id


def summary(name: str, root: etree._Element) -> Summary:
    used: frozenset[str] = frozenset()
    if not name.endswith(".rels") and name != CONTENT_TYPES:
        used = frozenset(str(v) for v in _RELATIONSHIP_ATTRIBUTES(root))
    shape_ids: tuple[str | None, ...] = ()
    if name.startswith(_SHAPE_PARTS) and "/_rels/" not in name:
        shape_ids = tuple(el.get("id") for el in root.iter(_P + "cNvPr"))
    if name == "ppt/presentation.xml":
        slides = list(root.iter(_P + "sldId"))
        return Summary(used, shape_ids, tuple(s.get(f"{{{R_NS}}}id") for s in slides),
                       tuple(s.get("id") for s in slides),
                       tuple(m.get("id") for m in root.iter(_P + "sldMasterId")))
    layouts: tuple[str | None, ...] = ()
    if name.startswith("ppt/slideMasters/"):
        layouts = tuple(lay.get("id") for lay in root.iter(_P + "sldLayoutId"))
    return Summary(used, shape_ids, layout_ids=layouts)


def reference_issues(xml: dict[str, Summary], rels: Relationships) -> Iterator[str]:
    """Every r:id, r:embed, r:link... in a part must be one of the part's relationship ids."""
    for name, part in sorted(xml.items()):
        if name.endswith(".rels") or name == CONTENT_TYPES:
            continue
        rels_name = posixpath.join(
            posixpath.dirname(name), "_rels", posixpath.basename(name) + ".rels"
        )
        known = {rid for rid, *_ in rels.get(rels_name, [])}
        for rid in sorted(part.used - known):
            yield f"{name}: refers to relationship {rid}, which {rels_name} does not define"


def presentation_issues(xml: dict[str, Summary], rels: Relationships) -> Iterator[str]:
    """The slide list and the presentation's slide relationships must match one to one."""
    name = "ppt/presentation.xml"
    root = xml.get(name)
    if root is None:
        yield f"{name} is missing"
        return
    entries = rels.get("ppt/_rels/presentation.xml.rels", [])
    by_id = {rid: reltype for rid, reltype, *_ in entries}
    listed = list(root.slide_rids)
    for rid, count in Counter(listed).items():
        if count > 1:
            yield f"{name}: slide relationship {rid} is listed {count} times in the slide list"
    for rid in listed:
        if rid in by_id and by_id[rid] != _SLIDE_REL:
            yield f"{name}: the slide list names {rid}, which is not a slide relationship"
    for rid, reltype, _, target in entries:
        if reltype == _SLIDE_REL and rid not in listed:
            yield f"{name}: slide {target} ({rid}) is related but not in the slide list (dangling)"
    yield from _unique_ids(name, list(root.slide_ids), "slide", 256)
    masters = list(root.master_ids)
    layouts = [
        lay for part, r in xml.items() if part.startswith("ppt/slideMasters/")
        for lay in r.layout_ids
    ]
    yield from _unique_ids(name, masters + layouts, "master or layout", 2147483648)


def _unique_ids(name: str, ids: list[str | None], what: str, minimum: int) -> Iterator[str]:
    for value, count in Counter(ids).items():
        if count > 1:
            yield f"{name}: {what} id {value} is used {count} times"
        if value is None or not value.isdigit() or not minimum <= int(value) <= 4294967295:
            yield f"{name}: {what} id {value} is not a whole number from {minimum}"


def shape_id_issues(xml: dict[str, Summary]) -> Iterator[str]:
    for name, part in sorted(xml.items()):
        if not name.startswith(_SHAPE_PARTS) or "/_rels/" in name:
            continue
        ids = part.shape_ids
        for value, count in sorted(Counter(ids).items(), key=lambda item: str(item[0])):
            if count > 1:
                yield f"{name}: shape id {value} is used by {count} shapes"
