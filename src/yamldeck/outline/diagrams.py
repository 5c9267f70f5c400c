"""Slide kinds drawn as diagrams of shapes: a timeline of dated events, a process of steps.

Dates are kept exactly as typed; `spacing: date` needs dates it can place on a line of time
(a year, a span of years, a month and year, or an ISO date), and says which one it cannot.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Any, Literal

from pydantic import Field, ValidationInfo, field_validator

from .citations import Footnotes, SourceLine
from .fields import FilledText, Language, LayoutName, Notes, Overflow, Text, _choice, _Strict
from .inline import plain_text
from .quoting import quote
from .tabular import RowError

MIN_STEPS, MAX_STEPS = 3, 7
_MONTHS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name} | {
    name.lower(): n for n, name in enumerate(calendar.month_abbr) if name
}
_YEAR = r"(?P<year>\d{3,4})"
_DATES = (
    re.compile(rf"{_YEAR}"),  # 1987
    re.compile(rf"{_YEAR}\s*[-\u2013\u2014/]\s*(?:\d{{2}}|\d{{4}})"),  # 1992-93, 1992-1993
    re.compile(rf"{_YEAR}-(?P<month>\d{{1,2}})(?:-(?P<day>\d{{1,2}}))?"),  # 1987-04, 1987-04-16
    re.compile(rf"(?:(?P<day>\d{{1,2}})\s+)?(?P<name>[A-Za-z]+)\.?,?\s+{_YEAR}"),  # April 1987
    re.compile(rf"(?P<name>[A-Za-z]+)\.?\s+(?P<day>\d{{1,2}}),?\s+{_YEAR}"),  # April 16, 1987
)
DATE_FORMS = "a year (1987), a span (1992-93), a month (April 1987) or a date (1987-04-16)"


def date_position(text: str) -> float | None:
    """Where a date typed in an outline lies on a line of time, in years (None: not a date).

    A span of years ('1992-93') is placed at its start; a month or a day within its year.
    """
    clean = " ".join(plain_text(text).split())
    for pattern in _DATES:
        found = pattern.fullmatch(clean)
        if found is None:
            continue
        parts = found.groupdict()
        if parts.get("name") is not None and parts["name"].lower() not in _MONTHS:
            continue
        if parts.get("month") is None and parts.get("name") is None:
            if pattern is _DATES[1] and not _span_ends_later(clean):
                return None
            return float(parts["year"])
        month = _MONTHS[parts["name"].lower()] if parts.get("name") else int(parts["month"])
        try:
            day = dt.date(int(parts["year"]), month, int(parts.get("day") or 1))
        except ValueError:
            return None
        start = dt.date(day.year, 1, 1).toordinal()
        length = dt.date(day.year + 1, 1, 1).toordinal() - start
        return day.year + (day.toordinal() - start) / length
    return None


def _span_ends_later(text: str) -> bool:
    """'1992-93' and '1992-1993' end after they start; '1992-91' is no span."""
    first, last = re.split(r"\s*[-\u2013\u2014/]\s*", text)
    end = int(first[: len(first) - len(last)] + last) if len(last) < len(first) else int(last)
    return end > int(first)


class Event(_Strict):
    """One event of a timeline: when, what, and an optional line more."""

    date: FilledText = Field(
        description="When, exactly as it should appear: e.g. 1987, 1992-93, April 1987."
    )
    label: FilledText = Field(description="What happened, in a few words.")
    detail: Text | None = Field(None, description="A line more, set smaller under the label.")


class TimelineSlide(_Strict):
    """Dated events along a horizontal line, drawn as shapes that stay editable."""

    kind: Literal["timeline"] = Field(description="A timeline of dated events.")
    title: Text = Field(description="The slide's title; continuation slides add '(cont.)'.")
    spacing: _choice("even", "date") = Field(  # type: ignore[valid-type]
        "even",
        description="even: events evenly spaced; date: spaced by their dates (each date then "
        f"{DATE_FORMS}).",
    )
    events: list[Event] = Field(
        json_schema_extra={"minItems": 2},
        description="The events, in order, each with 'date:', 'label:' and optional 'detail:' "
        "(at most 8 on a slide; more continue with 'overflow: continue').",
    )
    overflow: Overflow | None = Field(
        None, description="More than 8 events: 'continue' on a next slide, or 'error' "
        "(default: deck: overflow)."
    )
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None

    @field_validator("events")
    @classmethod
    def _dates(cls, value: list[Event], info: ValidationInfo) -> list[Event]:
        if len(value) < 2:
            plural = "" if len(value) == 1 else "s"
            raise ValueError(f"has {len(value)} event{plural}; a timeline needs at least 2: "
                             "add one, or show a single date on a number slide")
        if info.data.get("spacing") != "date":
            return value
        last = None
        for index, event in enumerate(value):
            where = date_position(event.date)
            if where is None:
                raise RowError(  # the cell: the event's key
                    f"item {index + 1} has the date '{event.date}', which 'spacing: date' "
                    f"cannot place; write {DATE_FORMS}, or use 'spacing: even'", index, "date")
            if last is not None and where < last:
                raise RowError(
                    f"item {index + 1} ('{event.date}') comes before the event above it; "
                    "list the events in order of their dates", index, "date")
            last = where
        return value


class Step(_Strict):
    """One step of a process: a heading, and an optional text under it."""

    heading: FilledText = Field(description="The step, in a word or a few.")
    text: Text | None = Field(None, description="A sentence more about the step.")


class ProcessSlide(_Strict):
    """Steps left to right as chevrons, or round a loop with `cycle: true`."""

    kind: Literal["process"] = Field(description="A process of 3 to 7 steps.")
    title: Text = Field(description="The slide's title.")
    steps: list[FilledText | Step] = Field(
        description="3 to 7 steps, in order: each a short text, or 'heading:' with an "
        "optional 'text:'."
    )
    cycle: bool = Field(False, description="true: the steps go round a loop, the last back "
                        "to the first.")
    language: Language = None
    layout: LayoutName = None
    notes: Notes = None
    source: SourceLine = None
    footnotes: Footnotes = None

    @field_validator("steps", mode="before")
    @classmethod
    def _colons(cls, value: Any) -> Any:
        """A step typed as 'Plan: the thing' reads as a key and its value: say to quote it."""
        for index, item in enumerate(value if isinstance(value, list) else []):
            if isinstance(item, dict) and len(item) == 1:
                ((key, rest),) = item.items()
                if key in ("heading", "text") or not isinstance(key, str):
                    continue
                if rest is None or isinstance(rest, str):
                    typed = f"{key}:" if rest is None else f"{key}: {rest}"
                    what = "ends with ':', which YAML reads as a key" if rest is None else \
                        "contains ': ', which YAML reads as a key and its value"
                    raise RowError(f"item {index + 1} {what}; put the whole step in quotes: "
                                   f"- {quote(typed)}", index)
        return value

    @field_validator("steps")
    @classmethod
    def _count(cls, value: list[str | Step]) -> list[str | Step]:
        if not MIN_STEPS <= len(value) <= MAX_STEPS:
            fix = (
                "add steps, or show them as bullets"
                if len(value) < MIN_STEPS
                else "merge steps, or split the process over two slides"
            )
            raise ValueError(
                f"has {len(value)} step{'s' if len(value) != 1 else ''}; a process shows "
                f"{MIN_STEPS} to {MAX_STEPS}: {fix}"
            )
        return value

    def headed_steps(self) -> list[Step]:
        """Every step as a Step (a short text is its heading)."""
        return [s if isinstance(s, Step) else Step(heading=s) for s in self.steps]
