"""The rendered presentation's package members, as python-pptx's save would write them."""

from __future__ import annotations

import functools
import posixpath
import re
from collections.abc import Callable
from typing import Any

from pptx.opc.packuri import CONTENT_TYPES_URI, PACKAGE_URI

from ..package.archive import Deflated
from .frozen import FrozenPart
from .pptx_internals import base_uri, content_types_xml, relationships_of

# A frozen part's maker gives its payload already compressed (package.Deflated).
Member = tuple[str, Callable[[], "bytes | Deflated"]]


def package_members(prs: Any) -> list[Member] | None:
    """(zip name, payload maker) in python-pptx's PackageWriter order; None if a name repeats.

    Zipping these directly (package.zip_deck) gives the bytes python-pptx's save followed by
    the deterministic re-zip gives, compressing each part once instead of three passes. The
    members are for one writing: frozen slides give up their bytes as they are written.
    """
    package = prs.part.package
    parts = tuple(package.iter_parts())
    members: list[Member] = [
        (CONTENT_TYPES_URI.membername,
         lambda: content_types_xml(parts)),
        (PACKAGE_URI.rels_uri.membername, lambda: rels_xml(relationships_of(package))),
    ]
    for part in parts:
        # A frozen slide (frozen.freeze) lets go of its bytes once they are written.
        blob = part.release if isinstance(part, FrozenPart) else (lambda part=part: part.blob)
        members.append((part.partname.membername, blob))
        if relationships_of(part):
            members.append((part.partname.rels_uri.membername,
                            lambda part=part: rels_xml(part.rels)))
    names = [name for name, _ in members]
    return members if len(set(names)) == len(names) else None


_HEADER = (b"<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
           b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">')
# Values lxml writes into an attribute unchanged: anything else (&, quotes, spaces, non-ASCII...)
# goes through python-pptx's own serialiser.
_VERBATIM = re.compile(r"[A-Za-z0-9_./:#?=~%+,;@!$()*-]*")


def rels_xml(rels: Any) -> bytes:
    """What python-pptx's ``_Relationships.xml`` gives, without building and serialising a tree
    per part (a fifth of writing a big deck's zip)."""
    ordered = sorted((int(r[3:]) if r.startswith("rId") and r[3:].isdigit() else 0, r)
                     for r in rels.keys())
    if not ordered:
        return rels.xml
    out = [_HEADER]
    for _, rid in ordered:
        rel = rels[rid]
        values = (rid, rel.reltype, _target_ref(rel))
        if not all(_VERBATIM.fullmatch(value) for value in values):
            return rels.xml
        mode = ' TargetMode="External"' if rel.is_external else ""
        out.append(f'<Relationship Id="{values[0]}" Type="{values[1]}" Target="{values[2]}"'
                   f"{mode}/>".encode("ascii"))
    out.append(b"</Relationships>")
    return b"".join(out)


def _target_ref(rel: Any) -> str:
    """rel.target_ref, with the relative path of the target's folder worked out once per folder
    pair (posixpath.relpath per relationship was a third of writing them)."""
    if rel.is_external or "target_ref" in rel.__dict__:
        return rel.target_ref
    partname, base = str(rel.target_partname), base_uri(rel)
    if base == "/":  # PackURI.relative_ref's own special case
        return partname[1:]
    folder, name = partname.rsplit("/", 1)
    relative = _relative_folder(folder or "/", base)
    return name if relative == "." else f"{relative}/{name}"


@functools.lru_cache(maxsize=256)
def _relative_folder(folder: str, base: str) -> str:
    return posixpath.relpath(folder, base)
