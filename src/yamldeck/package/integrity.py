"""The package self-check after every build: no deck PowerPoint would want to repair is written.

It checks what PowerPoint repairs and LibreOffice silently forgives: one zip member per name,
well-formed XML, a content type for every part (the right one for slides, layouts, masters,
themes, charts), relationships whose targets exist, every r:id in a part backed by one of its
relationships, slide lists that match the relationships, unique slide and master ids, unique
shape ids on each slide, layout and master, and no part that nothing refers to.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass

from lxml import etree

from ..errors import EXIT_BUG, Problem, YamldeckError
from ..gcpolicy import paused

CONTENT_TYPES = "[Content_Types].xml"
_CT = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
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
_MAX_REPORTED = 12
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
# Every attribute in the relationships namespace (r:id, r:embed...), compiled once for all parts.
_RELATIONSHIP_ATTRIBUTES = etree.XPath("//@r:*", namespaces={"r": R_NS})


class IntegrityError(YamldeckError):
    """yamldeck built a package that fails its own check: a bug, reported as one (exit 70)."""

    exit_code = EXIT_BUG


def verify_package(data: bytes) -> None:
    """Raise IntegrityError listing what is wrong with the package ``data``; return when sound."""
    with paused():  # summaries and trees without cycles: see collector.py
        issues = list(package_issues(data))
    if not issues:
        return
    shown = issues[:_MAX_REPORTED]
    more = len(issues) - len(shown)
    problems = [
        Problem(f"internal error: the built deck failed its integrity check: {issue}")
        for issue in shown
    ]
    tail = f" ({more} more not shown)" if more > 0 else ""
    problems.append(
        Problem(
            "internal error: yamldeck will not write a deck PowerPoint would have to repair"
            f"{tail}; "
            "nothing was written. This is a bug in yamldeck, not in your outline: please report it "
            "with the outline"
        )
    )
    raise IntegrityError(problems)


def package_issues(data: bytes) -> Iterator[str]:
    """Every problem found in the package, as 'part: what is wrong'."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        yield f"the package is not a readable zip file ({exc})"
        return
    with archive:
        counts = Counter(info.filename for info in archive.infolist())
        for name, count in sorted(counts.items()):
            if count > 1:
                yield f"{name}: stored {count} times in the zip"
        names = set(counts)
        if CONTENT_TYPES not in names:
            yield f"{CONTENT_TYPES} is missing"
            return
        # Each part is parsed, summarised and freed in turn: a deck of thousands of slides is
        # never held as trees (that was most of a big build's peak memory).
        xml: dict[str, _Summary] = {}
        rels: dict[str, list[tuple[str, str, str | None, str]]] = {}
        types: ContentTypes = ({}, {})
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                try:
                    root = etree.fromstring(archive.read(name), _PARSER)
                except etree.XMLSyntaxError as exc:
                    yield f"{name}: not well-formed XML ({exc})"
                    continue
                if name == CONTENT_TYPES:
                    types = _content_types(root)
                elif name.endswith(".rels"):
                    rels[name] = _relationships(name, root)
                xml[name] = _summary(name, root)
                del root
    yield from _content_type_issues(types, names)
    yield from _relationship_issues(rels, names)
    yield from _typed_part_issues(types, rels, names)
    yield from _reference_issues(xml, rels)
    yield from _presentation_issues(xml, rels)
    yield from _shape_id_issues(xml)
    yield from _reachability_issues(rels, names)


@dataclass(frozen=True)
class _Summary:
    """What the checks below need of one parsed part, so its tree can be freed at once."""

    used: frozenset[str] = frozenset()  # r:id, r:embed... values (parts, not .rels)
    shape_ids: tuple[str | None, ...] = ()  # p:cNvPr ids (slides, layouts, masters, notes)
    slide_rids: tuple[str | None, ...] = ()  # presentation.xml: p:sldId r:id, in order
    slide_ids: tuple[str | None, ...] = ()  # presentation.xml: p:sldId id
    master_ids: tuple[str | None, ...] = ()  # presentation.xml: p:sldMasterId id
    layout_ids: tuple[str | None, ...] = ()  # masters: p:sldLayoutId id


def _summary(name: str, root: etree._Element) -> _Summary:
    used: frozenset[str] = frozenset()
    if not name.endswith(".rels") and name != CONTENT_TYPES:
        used = frozenset(str(v) for v in _RELATIONSHIP_ATTRIBUTES(root))
    shape_ids: tuple[str | None, ...] = ()
    if name.startswith(_SHAPE_PARTS) and "/_rels/" not in name:
        shape_ids = tuple(el.get("id") for el in root.iter(_P + "cNvPr"))
    if name == "ppt/presentation.xml":
        slides = list(root.iter(_P + "sldId"))
        return _Summary(used, shape_ids, tuple(s.get(f"{{{R_NS}}}id") for s in slides),
                        tuple(s.get("id") for s in slides),
                        tuple(m.get("id") for m in root.iter(_P + "sldMasterId")))
    layouts: tuple[str | None, ...] = ()
    if name.startswith("ppt/slideMasters/"):
        layouts = tuple(lay.get("id") for lay in root.iter(_P + "sldLayoutId"))
    return _Summary(used, shape_ids, layout_ids=layouts)


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
}
ContentTypes = tuple[dict[str, str], dict[str, str]]  # defaults by extension, overrides by part


def _content_types(root: etree._Element) -> ContentTypes:
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


def _content_type_issues(types: ContentTypes, names: set[str]) -> Iterator[str]:
    for name in sorted(names - {CONTENT_TYPES}):
        if not name.endswith("/") and _content_type_of(types, name) is None:
            yield f"{name}: has no content type in {CONTENT_TYPES}"
    for name in sorted(set(types[1]) - names):
        yield f"{CONTENT_TYPES}: names the part /{name}, which is not in the package"


def _typed_part_issues(
    types: ContentTypes, rels: dict[str, list[tuple[str, str, str | None, str]]], names: set[str]
) -> Iterator[str]:
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


# A part's relationships: Id -> (type, resolved target or None when external).
Rels = dict[str, tuple[str, str | None]]


def _source_of(rels_name: str) -> str:
    """ppt/slides/_rels/slide1.xml.rels -> ppt/slides/slide1.xml (_rels/.rels -> '')."""
    folder, base = posixpath.split(rels_name)
    return posixpath.join(posixpath.dirname(folder), base[: -len(".rels")])


def _relationships(rels_name: str, root: etree._Element) -> list[tuple[str, str, str | None, str]]:
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


def _relationship_issues(
    rels: dict[str, list[tuple[str, str, str | None, str]]], names: set[str]
) -> Iterator[str]:
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


def _reference_issues(
    xml: dict[str, _Summary], rels: dict[str, list[tuple[str, str, str | None, str]]]
) -> Iterator[str]:
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


def _presentation_issues(
    xml: dict[str, _Summary], rels: dict[str, list[tuple[str, str, str | None, str]]]
) -> Iterator[str]:
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


def _shape_id_issues(xml: dict[str, _Summary]) -> Iterator[str]:
    for name, part in sorted(xml.items()):
        if not name.startswith(_SHAPE_PARTS) or "/_rels/" in name:
            continue
        ids = part.shape_ids
        for value, count in sorted(Counter(ids).items(), key=lambda item: str(item[0])):
            if count > 1:
                yield f"{name}: shape id {value} is used by {count} shapes"


def _reachability_issues(
    rels: dict[str, list[tuple[str, str, str | None, str]]], names: set[str]
) -> Iterator[str]:
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
