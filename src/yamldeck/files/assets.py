"""Every file an outline's slides name (pictures, CSV data), loaded once and checked against use."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import OutlineError, Problem
from ..outline import tabular
from ..outline.inline import plain_text
from ..outline.loader import SourceMap
from ..outline.model import ChartSlide, NumberSlide, Outline, PictureSlide, TableSlide
from .csvdata import load_rows
from .paths import AssetPolicy, AssetProblem
from .pictures import Picture, load_picture


@dataclass
class Assets:
    """What the outline's slides refer to, loaded once, keyed by the text the outline gives."""

    pictures: dict[str, Picture] = field(default_factory=dict)
    rows: dict[str, list[list[str]]] = field(default_factory=dict)


def load_assets(outline: Outline, source: SourceMap, policy: AssetPolicy) -> Assets:
    """Load every picture and CSV file the outline names; one OutlineError lists all problems."""
    assets = Assets()
    problems: list[Problem] = []
    for index, slide in enumerate(outline.slides):
        label = f"slide {index + 1} '{plain_text(getattr(slide, 'title', None) or '')}'"
        for path, check in _references(slide):
            try:
                check(assets, policy)
            except AssetProblem as exc:
                problems.append(source.problem(("slides", index, *path), f"{label}: {exc}"))
    if problems:
        raise OutlineError(problems)
    return assets


def _references(slide: Any) -> list[tuple[tuple[str, ...], Any]]:
    """(where in the slide, a loader) for each file the slide names."""
    found: list[tuple[tuple[str, ...], Any]] = []
    if isinstance(slide, PictureSlide):
        found.append((("image",), lambda a, p, raw=slide.image: _picture(a, p, raw)))
    if isinstance(slide, TableSlide) and slide.csv:
        found.append((("csv",), lambda a, p, s=slide: _table(a, p, s)))
    chart = slide.chart if isinstance(slide, (ChartSlide, NumberSlide)) else None
    if chart is not None and chart.csv:
        found.append((("chart", "csv"), lambda a, p, c=chart: _chart(a, p, c)))
    return found


def _picture(assets: Assets, policy: AssetPolicy, raw: str) -> None:
    if raw not in assets.pictures:
        assets.pictures[raw] = load_picture(raw, policy)


def _csv(assets: Assets, policy: AssetPolicy, raw: str) -> list[list[str]]:
    if raw not in assets.rows:
        assets.rows[raw] = load_rows(raw, policy)
    return assets.rows[raw]


def _table(assets: Assets, policy: AssetPolicy, slide: TableSlide) -> None:
    rows = _csv(assets, policy, slide.csv or "")
    try:
        data = tabular.table_data(rows)
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{slide.csv}' {exc}") from None
    count = len(data.header)
    for key, given in (("align", slide.align), ("widths", slide.widths)):
        if given is not None and len(given) != count:
            raise AssetProblem(
                f"CSV file '{slide.csv}' has {count} columns but '{key}' lists {len(given)}; "
                "give one entry per column"
            )


def _chart(assets: Assets, policy: AssetPolicy, chart: Any) -> None:
    rows = _csv(assets, policy, chart.csv)
    try:
        tabular.check_chart(chart.type, tabular.chart_data(rows))
    except ValueError as exc:
        raise AssetProblem(f"CSV file '{chart.csv}' {exc}") from None
