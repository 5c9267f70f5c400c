"""A package's content types and relationships: read from their XML parts, and checked."""

from __future__ import annotations

import posixpath
from collections import Counter
from collections.abc import Iterator

from lxml import etree

CONTENT_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

# What a part reached through a relationship of this type must declare as its content type.
_MAIN = "application/vnd.openxmlformats-officedocument."
_EXPECTED_TYPES = {
    R_NS + "/officeDocument": _MAIN + "presentationml.presentation.main+xml",
    R_NS + "/slide": _MAIN + "presentationml.slide+xml",
    R_NS + "/slideLayout": _MAIN + "presentationml.slideLayout+xml",
    R_NS + "/slideMaster": _MAIN + "presentationml.slideMaster+xml",
    R_NS + "/notesSlide": _MAIN + "presentationml.notesSlide+xml",
    R_NS + "/notesMaster": _MAIN + "presentationml.notesMaster+xml",
    R_NS + "/theme": _MAIN + "theme+xml",
    R_NS + "/chart": _MAIN + "drawingml.chart+xml",
    R_NS + "/presProps": _MAIN + "presentationml.presProps+xml",
    R_NS + "/viewProps": _MAIN + "presentationml.viewProps+xml",
    R_NS + "/tableStyles": _MAIN + "presentationml.tableStyles+xml",
}
ContentTypes = tuple[dict[str, str], dict[str, str]]  # defaults by extension, overrides by part
# Each .rels part's relationships: (Id, type, resolved target or None if external, raw target).
Relationships = dict[str, list[tuple[str, str, str | None, str]]]


def content_types(root: etree._Element) -> ContentTypes:
    defaults = {
        d.get("Extension", "").lower(): d.get("ContentType", "") for d in root.iter(_CT + "Default")
    }
    overrides = {
        o.get("PartName", "").lstrip("/"): o.get("ContentType", "")
        for o in root.iter(_CT + "Override")
    }
    return defaults, overrides


def _content_type_of(types: ContentTypes, name: str) -> str | None:
    defaults, overrides = types
    if name in overrides:
        return overrides[name]
    base = posixpath.basename(name)
    return defaults.get(base.rsplit(".", 1)[-1].lower()) if "." in base else None


def content_type_issues(types: ContentTypes, names: set[str]) -> Iterator[str]:
    for name in sorted(names - {CONTENT_TYPES}):
        if not name.endswith("/") and _content_type_of(types, name) is None:
            yield f"{name}: has no content type in {CONTENT_TYPES}"
    for name in sorted(set(types[1]) - names):
        yield f"{CONTENT_TYPES}: names the part /{name}, which is not in the package"


def typed_part_issues(types: ContentTypes, rels: Relationships, names: set[str]) -> Iterator[str]:
    """Slides, layouts, masters, themes... declare their own content type, not a generic one."""
    seen: set[str] = set()
    for entries in rels.values():
        for _, reltype, resolved, _ in entries:
            expected = _EXPECTED_TYPES.get(reltype)
            if expected is None or resolved is None or resolved not in names or resolved in seen:
                continue
            seen.add(resolved)
            declared = _content_type_of(types, resolved)
            if declared is not None and declared != expected:
                yield f"{resolved}: has the content type {declared}, not {expected}"


def _source_of(rels_name: str) -> str:
    """ppt/slides/_rels/slide1.xml.rels -> ppt/slides/slide1.xml (_rels/.rels -> '')."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def relationships(rels_name: str, root: etree._Element) -> list[tuple[str, str, str | None, str]]:
    """(Id, type, resolved target or None if external, raw target) of each relationship."""
    base = posixpath.dirname(_source_of(rels_name))
    result = []
    for rel in root.iter(_REL + "Relationship"):
        target = rel.get("Target", "")
        external = rel.get("TargetMode") == "External"
        resolved = (
            None
            if external
            else (
                posixpath.normpath(target.lstrip("/"))
                if target.startswith("/")
                else posixpath.normpath(posixpath.join(base, target))
            )
        )
        result.append((rel.get("Id", ""), rel.get("Type", ""), resolved, target))
    return result


def relationship_issues(rels: Relationships, names: set[str]) -> Iterator[str]:
    for rels_name, entries in sorted(rels.items()):
        source = _source_of(rels_name)
        if source and source not in names:
            yield f"{rels_name}: relationships of a part that does not exist ({source})"
        for rid, count in Counter(rid for rid, *_ in entries).items():
            if count > 1:
                yield f"{rels_name}: relationship id {rid} is used {count} times"
        for rid, _, resolved, target in entries:
            if resolved is not None and resolved not in names:
                yield f"{rels_name}: {rid} points to {target}, which is not in the package"


def reachability_issues(rels: Relationships, names: set[str]) -> Iterator[str]:
    """Every part must be reachable from the package's relationships (no orphans)."""
    seen: set[str] = set()
    todo = [""]
    while todo:
        source = todo.pop()
        rels_name = (
            posixpath.join(posixpath.dirname(source), "_rels", posixpath.basename(source) + ".rels")
            if source
            else "_rels/.rels"
        )
        for _, _, resolved, _ in rels.get(rels_name, []):
            if resolved is not None and resolved in names and resolved not in seen:
                seen.add(resolved)
                todo.append(resolved)
    for name in sorted(names):
        if name == CONTENT_TYPES or name.endswith(".rels") or name.endswith("/") or name in seen:
            continue
        yield f"{name}: no relationship refers to this part (an orphan)"
