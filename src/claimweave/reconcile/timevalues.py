"""Comparing normalized time values by granularity: ``2024-12`` and ``2024-12-08`` agree, two days conflict.

A TIMEX value is read as the interval of days it denotes (``2025`` = the whole year, ``2025-W05`` =
one week). Two values agree when one interval contains the other or they overlap; they conflict
when the intervals are disjoint. The merged value of agreeing values is the most precise one.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

#: Modifiers that make a value approximate: it never conflicts with a value it is close to.
APPROXIMATE_MODS = frozenset({"APPROX", "START", "MID", "END", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN"})

_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}
_VALUE = re.compile(
    r"^(?P<year>\d{4}|XXXX)(?:-(?:(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])|(?P<season>SP|SU|FA|AU|WI)))?(?:T.*)?$"
)


@dataclass(frozen=True, order=True)
class TimeSpan:
    """The days a time value covers (``start``..``end`` inclusive), and how precise it is (days covered)."""

    start: dt.date
    end: dt.date
    value: str

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class YearlessDate:
    """A value with an unknown year, such as ``XXXX-12-07``: it agrees with any date on that month and day."""

    month: int
    day: int | None
    value: str


@lru_cache(maxsize=65536)
def parse_time(value: str | None) -> TimeSpan | YearlessDate | None:
    """The interval (or year-less date) a TIMEX DATE value denotes; None for durations, references, junk."""
    if not value:
        return None
    m = _VALUE.match(value)
    if not m:
        return None
    month = m["month"] if m["month"] not in (None, "XX") else None
    day = m["day"] if m["day"] not in (None, "XX") else None
    try:
        if m["year"] == "XXXX":
            return YearlessDate(int(month), int(day) if day else None, value) if month else None
        year = int(m["year"])
        if day and month:
            start = end = dt.date(year, int(month), int(day))
        elif month:
            start = dt.date(year, int(month), 1)
            end = dt.date(year, int(month), calendar.monthrange(year, int(month))[1])
        elif m["week"]:
            start = dt.date.fromisocalendar(year, int(m["week"]), 1)
            end = start + dt.timedelta(days=6)
        elif m["quarter"]:
            q = int(m["quarter"])
            start, end = _months(year, 3 * q - 2, 3 * q)
        elif m["half"]:
            h = int(m["half"])
            start, end = _months(year, 6 * h - 5, 6 * h)
        elif m["season"]:
            start, end = _months(year, *_SEASONS[m["season"]])
        else:
            start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        return None
    return TimeSpan(start, end, value)


def _months(year: int, first: int, last: int) -> tuple[dt.date, dt.date]:
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return dt.date(year, first, 1), dt.date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])


def compatible(a: str, b: str) -> bool:
    """Whether two time values can describe the same time (unparseable values are compared as strings)."""
    pa, pb = parse_time(a), parse_time(b)
    if pa is None or pb is None:
        return pa is None and pb is None and a == b or (pa is None) != (pb is None)
    if isinstance(pa, YearlessDate) or isinstance(pb, YearlessDate):
        return _yearless_agrees(pa, pb)
    return pa.start <= pb.end and pb.start <= pa.end


def _yearless_agrees(a: TimeSpan | YearlessDate, b: TimeSpan | YearlessDate) -> bool:
    def month_day(x: TimeSpan | YearlessDate) -> tuple[int | None, int | None]:
        if isinstance(x, YearlessDate):
            return x.month, x.day
        if x.start.month != x.end.month or x.start.year != x.end.year:
            return None, None
        return x.start.month, x.start.day if x.days == 1 else None

    (ma, da), (mb, db) = month_day(a), month_day(b)
    return (ma is None or mb is None or ma == mb) and (da is None or db is None or da == db)


def precision_days(value: str) -> int:
    """How many days the value covers (smaller is more precise); year-less and unknown values rank last."""
    parsed = parse_time(value)
    if isinstance(parsed, TimeSpan):
        return parsed.days
    return 10**6 if parsed is None else 10**5


def days_apart(a: str, b: str) -> int | None:
    """Days between two values' intervals (0 when they overlap); None when either has no known year."""
    pa, pb = parse_time(a), parse_time(b)
    if not isinstance(pa, TimeSpan) or not isinstance(pb, TimeSpan):
        return None
    if pa.start <= pb.end and pb.start <= pa.end:
        return 0
    return min(abs((pa.start - pb.end).days), abs((pb.start - pa.end).days))


@dataclass(frozen=True)
class TimeMerge:
    """The merged value of several sources' values, and the values in conflict (value -> sources)."""

    value: str | None
    conflicts: dict[str, list[str]]


def merge_times(values: Iterable[tuple[str, str, str | None]]) -> TimeMerge:
    """Merge (value, source, mod) triples: the most precise agreeing value, or the conflicting ones.

    Approximate values (with a mod such as APPROX or END) never conflict; they only lose to
    precise values.
    """
    by_value: dict[str, set[str]] = {}
    approximate: set[str] = set()
    for value, source, mod in values:
        by_value.setdefault(value, set()).add(source)
        if mod in APPROXIMATE_MODS:
            approximate.add(value)
    exact = sorted((v for v in by_value if v not in approximate or _also_exact(v, values)), key=_rank)
    # A coarse value that contains a finer one (2025-01 vs 2025-01-28) only supports it: conflicts
    # are between the finest values of each branch.
    leaves = [v for v in exact if not any(w != v and _contains(v, w) for w in exact)]
    clashing = sorted({v for v in leaves for w in leaves if v != w and not compatible(v, w)}, key=_rank)
    if clashing:
        return TimeMerge(common_value(clashing), {v: sorted(by_value[v]) for v in clashing})
    ranked = exact or sorted(by_value, key=_rank)
    return TimeMerge(ranked[0] if ranked else None, {})


def _contains(outer: str, inner: str) -> bool:
    po, pi = parse_time(outer), parse_time(inner)
    if isinstance(po, TimeSpan) and isinstance(pi, TimeSpan):
        return po.start <= pi.start and pi.end <= po.end and po.days > pi.days
    return isinstance(po, YearlessDate) and isinstance(pi, TimeSpan) and _yearless_agrees(po, pi)


def _also_exact(value: str, values: Iterable[tuple[str, str, str | None]]) -> bool:
    return any(v == value and m not in APPROXIMATE_MODS for v, _, m in values)


def _rank(value: str) -> tuple[int, str]:
    return precision_days(value), value


def common_value(values: Sequence[str]) -> str | None:
    """The most precise year or month value that contains all ``values`` (``2025-01-28``, ``2025-02-03`` -> ``2025``)."""
    spans = [parse_time(v) for v in values]
    if not spans or not all(isinstance(s, TimeSpan) for s in spans):
        return None
    first, last = min(s.start for s in spans), max(s.end for s in spans)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first.year:04d}-{first.month:02d}"
    if first.year == last.year:
        return f"{first.year:04d}"
    return None


def fill_year(value: str, *, published: dt.date) -> str:
    """A year-less value (``XXXX-12-07``) given the year that puts it nearest before ``published``.

    News reports mostly look back: a date more than two months after publication is taken as last year's.
    """
    parsed = parse_time(value)
    if not isinstance(parsed, YearlessDate):
        return value
    day = parsed.day or 1
    for year in (published.year, published.year - 1):
        try:
            candidate = dt.date(year, parsed.month, day)
        except ValueError:
            continue
        if candidate <= published + dt.timedelta(days=62):
            return value.replace("XXXX", f"{year:04d}", 1)
    return value
