"""Synthetic benchmark inputs: N-slide outlines from the shipped outline, and the same content as
Markdown (for pandoc) and JSON (for the hand-written python-pptx baseline)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

import yaml

_MARKUP = re.compile(r"\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\([^)]*\)")


def shipped_outline(path: Path) -> dict[str, Any]:
    """The shipped outline as plain data (it is strict YAML, so PyYAML reads it the same way)."""
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def synthetic_outline(shipped: dict[str, Any], count: int) -> dict[str, Any]:
    """``count`` slides: the shipped title slide, its content slides in turn, its closing slide.

    Titles, numbers and notes carry the slide's number so no two slides are the same text (a deck
    of one slide per country or region repeats its structure and vocabulary, not its pages).
    """
    slides = shipped["slides"]
    first, middle, last = slides[0], slides[1:-1], slides[-1]
    result = [copy.deepcopy(first)]
    for n in range(2, count):
        slide = copy.deepcopy(middle[(n - 2) % len(middle)])
        slide["title"] = f"{slide.get('title', 'Slide')} ({n})"
        if "number" in slide:
            slide["number"] = str(n)
        if slide.get("kind") == "agenda":  # not all 1000 titles: a generated agenda lists parts
            slide["items"] = [s["title"] for s in middle if s.get("title")][:5]
        if slide.get("notes"):
            slide["notes"] = f"Slide {n}. " + slide["notes"]
        result.append(slide)
    if count > 1:
        result.append(copy.deepcopy(last))
    return {"deck": shipped["deck"], "slides": result[:count]}


class _OutlineDumper(yaml.SafeDumper):
    """Writes as a person does: notes and other multi-line texts as `|` blocks."""


def _text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_OutlineDumper.add_representer(str, _text)


def write_outline(outline: dict[str, Any], path: Path) -> None:
    text = yaml.dump(outline, Dumper=_OutlineDumper, sort_keys=False, allow_unicode=True,
                     width=10_000)
    path.write_text(text, encoding="utf-8")


def plain(text: str) -> str:
    """Outline text without inline markup (the hand-written baseline writes plain runs)."""
    return _MARKUP.sub(lambda m: m.group(1) or m.group(2) or m.group(3), text)


def _bullet_lines(items: Any, level: int = 0) -> list[tuple[str, int]]:
    """Nested outline bullets (strings, or one-key mappings of text to sub-bullets) as lines."""
    lines: list[tuple[str, int]] = []
    for item in items or []:
        if isinstance(item, dict):
            for text, children in item.items():
                lines.append((str(text), level))
                lines.extend(_bullet_lines(children, level + 1))
        else:
            lines.append((str(item), level))
    return lines


def flatten(slide: dict[str, Any], deck: dict[str, Any]) -> dict[str, Any]:
    """A slide of any kind as title, subtitle, body lines (text, level) and notes."""
    kind = slide.get("kind", "bullets")
    title = str(slide.get("title") or deck.get("title", ""))
    subtitle = slide.get("subtitle") or ""
    lines: list[tuple[str, int]] = []
    if kind == "title":
        subtitle = subtitle or deck.get("subtitle") or ""
        for key in ("presenter", "affiliation", "date"):
            if slide.get(key) or deck.get(key):
                lines.append((str(slide.get(key) or deck.get(key)), 0))
    for key in ("statement", "number", "caption"):
        if slide.get(key):
            lines.append((str(slide[key]), 0))
    details = slide.get("details")
    lines.extend([(str(details), 0)] if isinstance(details, str) else _bullet_lines(details))
    lines.extend(_bullet_lines(slide.get("bullets")))
    for column in slide.get("columns") or []:
        if column.get("heading"):
            lines.append((str(column["heading"]), 0))
        lines.extend(_bullet_lines(column.get("bullets"), 1))
        if column.get("text"):
            lines.append((str(column["text"]), 1))
    lines.extend(_bullet_lines(slide.get("contacts")))
    known = {"kind", "title", "subtitle", "notes", "presenter", "affiliation", "date", "statement",
             "number", "caption", "details", "bullets", "columns", "contacts"}
    for key, value in slide.items():  # kinds added later: their text still becomes body lines
        if key not in known and isinstance(value, str):
            lines.append((value, 0))
    return {"kind": kind, "title": title, "subtitle": str(subtitle), "lines": lines,
            "notes": str(slide.get("notes") or "")}


def write_json(outline: dict[str, Any], path: Path) -> None:
    deck = outline["deck"]
    slides = [flatten(s, deck) for s in outline["slides"]]
    for slide in slides:
        slide["title"] = plain(slide["title"])
        slide["lines"] = [(plain(text), level) for text, level in slide["lines"]]
    path.write_text(json.dumps({"deck": deck, "slides": slides}), encoding="utf-8")


def markdown(outline: dict[str, Any]) -> str:
    """The outline as pandoc Markdown: one level-1 heading per slide, ::: notes for notes."""
    deck = outline["deck"]
    out = ["---", f"title: {json.dumps(deck['title'])}",
           f"author: {json.dumps(deck.get('presenter', ''))}", "---", ""]
    for slide in outline["slides"]:
        flat = flatten(slide, deck)
        if flat["kind"] == "title":
            continue  # pandoc makes the title slide from the metadata block
        out += [f"# {flat['title']}", ""]
        if flat["subtitle"]:
            out += [flat["subtitle"], ""]
        out += [f"{'    ' * level}- {text}" for text, level in flat["lines"]]
        if flat["notes"]:
            out += ["", "::: notes", flat["notes"].strip(), ":::"]
        out.append("")
    return "\n".join(out)


def write_inputs(shipped: dict[str, Any], count: int, folder: Path) -> dict[str, Path]:
    """Write the outline, Markdown and JSON of a ``count``-slide deck into ``folder``."""
    outline = synthetic_outline(shipped, count)
    paths = {"yaml": folder / f"deck{count}.yaml", "md": folder / f"deck{count}.md",
             "json": folder / f"deck{count}.json"}
    write_outline(outline, paths["yaml"])
    paths["md"].write_text(markdown(outline), encoding="utf-8")
    write_json(outline, paths["json"])
    return paths
