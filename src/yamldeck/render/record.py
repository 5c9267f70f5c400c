"""The record a built deck carries (render/marks.py says what it holds): written into the deck's
custom document properties, beside any the template has of its own."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from .marks import (
    CHUNK,
    CUSTOM_PART,
    CUSTOM_REL,
    CUSTOM_TYPE,
    PROPERTY,
    RECORD_HEADER,
    built_fields,
    digest,
)

_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"


def record_text(groups: list[list[Any]], deck: Any, ids: list[tuple[int, str]],
                rows: Any = None) -> str:
    """The record: deck slide ids with their outline slide numbers, then each outline slide's
    digests (``groups``: the rendered slides of each outline slide, in order; a slide continued
    by `overflow: continue` is recorded whole, its parts' bullets joined)."""
    lines = [RECORD_HEADER, "slides " + " ".join(f"{sid}={number}" for sid, number in ids)]
    for number, parts in enumerate(groups, 1):
        if not parts:
            continue
        fields = built_fields(parts[0], deck, rows)
        for part in parts[1:]:
            for name, items in built_fields(part, deck, rows).items():
                if name not in ("title", "notes", "chart", "rows", "foot"):
                    fields[name] = fields.get(name, []) + items
        tokens = " ".join(f"{name}={','.join(digest(*item) for item in items)}"
                          for name, items in fields.items())
        lines.append(f"{number} {parts[0].kind} {tokens}".rstrip())
    return "|".join(lines)  # one line per slide, kept on one line by every editor


def custom_properties(record: str, kept: bytes | None = None) -> bytes:
    """docProps/custom.xml holding the record in chunks Office keeps whole, after the custom
    properties ``kept`` (the template's own docProps/custom.xml) held besides an old record."""
    chunks = [record[i:i + CHUNK] for i in range(0, len(record), CHUNK)]
    others = _other_properties(kept) if kept else []
    props = "".join(others) + "".join(
        f'<property fmtid="{_FMTID}" pid="{pid}" name="{PROPERTY}{index:04d}">'
        f"<vt:lpwstr>{escape(chunk)}</vt:lpwstr></property>"
        for index, (pid, chunk) in enumerate(enumerate(chunks, 2 + len(others)), 1))
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://'
            'schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://'
            'schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
            f"{props}</Properties>").encode()


def _other_properties(data: bytes) -> list[str]:
    """The template's custom properties (not a record), renumbered from pid 2 as Office does."""
    from lxml import etree

    try:
        root = etree.fromstring(data)
    except etree.XMLSyntaxError:
        return []
    found = []
    for pid, prop in enumerate((p for p in root if not p.get("name", "").startswith(PROPERTY)
                                and p.tag.endswith("}property")), 2):
        prop.set("pid", str(pid))
        found.append(etree.tostring(prop, encoding="unicode"))
    return found


def add_record(prs: Any, slides: list[Any], rendered: list[int], shown: list[str],
               deck: Any, rows: Any = None) -> None:
    """Add the record to the deck: ``slides`` are the rendered outline's slides, ``rendered``
    the outline slide number of each, ``shown`` each deck slide's slide_mark, in order."""
    from pptx.opc.package import Part
    from pptx.opc.packuri import PackURI

    from .pptx_internals import relationships_of

    groups: list[list[Any]] = [[] for _ in range(max(rendered, default=0))]
    for slide, number in zip(slides, rendered, strict=True):
        groups[number - 1].append(slide)
    slide_ids = [int(s.get("id")) for s in prs.part._element.sldIdLst]
    record = record_text(groups, deck, list(zip(slide_ids, shown, strict=True)), rows)
    package = prs.part.package
    kept = None
    for r_id, rel in list((relationships_of(package) or {}).items()):
        if rel.reltype == CUSTOM_REL:  # a template's own custom properties: kept beside the record
            kept = None if rel.is_external else rel.target_part.blob
            package.drop_rel(r_id)
    part = Part(PackURI(CUSTOM_PART), CUSTOM_TYPE, package, custom_properties(record, kept))
    package.relate_to(part, CUSTOM_REL)
