"""The package self-check after every build: no deck PowerPoint would want to repair is written.

It checks what PowerPoint repairs and LibreOffice silently forgives: one zip member per name,
well-formed XML, a content type for every part (the right one for slides, layouts, masters,
themes, charts, presentation and view properties, table styles), relationships whose targets
exist, every r:id in a part backed by one of its relationships, slide lists that match the
relationships, unique slide and master ids, unique shape ids on each slide, layout and master,
and no part that nothing refers to.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Iterator

from lxml import etree

from ..errors import EXIT_BUG, Problem, YamldeckError
from ..gcpolicy import paused
from .relations import (
    CONTENT_TYPES,
    ContentTypes,
    Relationships,
    content_type_issues,
    content_types,
    reachability_issues,
    relationship_issues,
    relationships,
    typed_part_issues,
)
from .structure import (
    Summary,
    presentation_issues,
    reference_issues,
    shape_id_issues,
    summary,
)

_MAX_REPORTED = 12
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


class IntegrityError(YamldeckError):
    """yamldeck built a package that fails its own check: a bug, reported as one (exit 70)."""

    exit_code = EXIT_BUG


def verify_package(data: bytes) -> None:
    """Raise IntegrityError listing what is wrong with the package ``data``; return when sound."""
    with paused():  # summaries and trees without cycles: see gcpolicy.py
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
        xml: dict[str, Summary] = {}
        rels: Relationships = {}
        types: ContentTypes = ({}, {})
        for name in sorted(names):
            if name.endswith((".xml", ".rels")):
                try:
                    root = etree.fromstring(archive.read(name), _PARSER)
                except etree.XMLSyntaxError as exc:
                    yield f"{name}: not well-formed XML ({exc})"
                    continue
                if name == CONTENT_TYPES:
                    types = content_types(root)
                elif name.endswith(".rels"):
                    rels[name] = relationships(name, root)
                xml[name] = summary(name, root)
                del root
    yield from content_type_issues(types, names)
    yield from relationship_issues(rels, names)
    yield from typed_part_issues(types, rels, names)
    yield from reference_issues(xml, rels)
    yield from presentation_issues(xml, rels)
    yield from shape_id_issues(xml)
    yield from reachability_issues(rels, names)
