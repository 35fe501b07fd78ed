"""TIMEX3 values for time expressions: pure, cached functions of (text or rule match, anchor, tense).

``normalize_timex("January 28", anchor="2025-08-11", tense="past")`` gives DATE ``2025-01-28``.
The anchor is a partial ISO date (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or None; parts that the
anchor cannot supply stay ``X`` (``XXXX-01-28``) and the result says it is not resolved.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from claimweave.extract.timex_calendar import (
    Unresolvable,
    add_months,
    iso_week,
    lower_key,
    need_day,
    need_month,
    need_year,
    parse_anchor,
    parse_day,
    parse_number,
    parse_year,
    shift,
    valid_date,
    x_fill,
)
from claimweave.extract.timex_rules import lexicon, modifiers, rule_by_id, rules

PAST, PRESENT, FUTURE, NEAR_FUTURE = "past", "present", "future", "near-future"
BACK = {"last": -1, "past": -1, "previous": -1, "preceding": -1, "prior": -1, "this past": -1, "latest": -1,
        "recent": -1, "most recent": -1}
FORWARD = {"next": 1, "coming": 1, "following": 1, "upcoming": 1, "this coming": 1, "subsequent": 1}
SEASON_ORDER = {"SP": 1, "SU": 2, "FA": 3, "WI": 4}


@dataclass(frozen=True)
class Normalized:
    """The TIMEX3 reading of one expression."""

    type: str
    value: str
    mod: str | None = None
    relative: bool = False  # True when the value depends on the anchor or a reference
    resolved: bool = True  # False when part of the value is unknown (X) or left to an event anchor
    unit: str | None = None  # duration unit and amount, for event-anchored offsets
    amount: float | None = None
    sign: int = 0
    from_reference: bool = False  # True when the value was computed from the last date of the story


# --- small parsers ---------------------------------------------------------------------------


def _month(groups: dict) -> int | None:
    if groups.get("monthnum"):
        return int(groups["monthnum"])
    if groups.get("month"):
        return lexicon().months[lower_key(groups["month"])]
    return None


def _weekday(text: str | None) -> int | None:
    if not text:
        return None
    key = lower_key(text)
    return lexicon().weekdays.get(key.removesuffix("s") if key not in lexicon().weekdays else key)


def _anaphoric(text: str | None) -> bool:
    """ "the previous Friday", "the following week": relative to the story's last date, not to today."""
    return bool(text) and lower_key(text).removeprefix("the ") in lexicon().anaphoric


def _rel(text: str | None) -> int | None:
    if not text:
        return None
    key = lower_key(text).removeprefix("the ")
    if key in BACK:
        return -1
    if key in FORWARD:
        return 1
    if key in ("this", "current", "present", "same", "the"):
        return 0
    return None


# --- calendar arithmetic ---------------------------------------------------------------------


# --- handlers --------------------------------------------------------------------------------


def _pick_year_for_month(
    anchor: str | None, month: int, day: int | None, rel: str | None, tense: str | None, weekday: int | None = None
) -> int:
    """The year of a month (and day) given without one: by the relative word, the weekday, the tense."""
    year, a_month, a_day = parse_anchor(anchor)
    if year is None:
        raise Unresolvable
    if a_month is None or rel in ("this", "current"):
        return year
    here = dt.date(year, a_month, a_day or 1)
    if weekday is not None and day is not None:
        fits = [y for y in (year - 1, year, year + 1) if valid_date(y, month, day) and dt.date(y, month, day).isoweekday() == weekday]
        if fits:
            return min(fits, key=lambda y: abs((dt.date(y, month, day) - here).days))
    if rel == "last" and month == a_month:  # "last October" written in October: a year ago
        return year - 1
    target, now = ((month, day), (a_month, a_day or 1)) if day else ((month, 0), (a_month, 0))
    past_year = year if target <= now else year - 1
    future_year = year if target >= now else year + 1
    if rel in BACK or rel == "last" or tense == PAST:
        return past_year
    if rel in FORWARD or tense == FUTURE:
        return future_year
    ahead = (dt.date(future_year, month, min(day or 1, 28)) - here).days
    behind = (here - dt.date(past_year, month, min(day or 1, 28))).days
    if tense == PRESENT:
        return future_year if ahead < behind else past_year
    if tense == NEAR_FUTURE:
        return future_year if ahead <= 62 else past_year
    return future_year if ahead <= 31 else past_year  # news reports the past, but announces the next weeks


def calendar(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    year = parse_year(groups.get("year"))
    month = _month(groups)
    day = parse_day(groups["day"]) if groups.get("day") else None
    weekday = _weekday(groups.get("weekday"))
    rel = _rel(groups.get("rel"))
    if year is not None:
        if month is None:
            return Normalized("DATE", f"{year:04d}")
        if day is None:
            return Normalized("DATE", f"{year:04d}-{month:02d}")
        return Normalized("DATE", f"{year:04d}-{month:02d}-{day:02d}")
    if month is not None:
        shape = f"XXXX-{month:02d}" + (f"-{day:02d}" if day else "")
        try:
            if groups.get("yearrel"):
                year = need_year(anchor) + _rel(groups["yearrel"])
            else:
                rel_text = lower_key(groups.get("rel") or "this") if groups.get("rel") else None
                year = _pick_year_for_month(anchor, month, day, rel_text, tense, weekday)
        except Unresolvable:
            return Normalized("DATE", shape, relative=True, resolved=False)
        return Normalized("DATE", f"{year:04d}" + shape[4:], relative=True)
    if weekday is not None:
        story = _anaphoric(groups.get("rel")) and parse_anchor(reference)[2] is not None
        try:
            base = need_day(reference if story else anchor)
        except Unresolvable:
            return Normalized("DATE", f"XXXX-WXX-{weekday}", relative=True, resolved=False)
        back = (base.isoweekday() - weekday) % 7
        ahead = (weekday - base.isoweekday()) % 7
        if rel == 0:
            target = base + dt.timedelta(days=weekday - base.isoweekday())
        elif rel == -1:
            target = base - dt.timedelta(days=back or 7)
        elif rel == 1:
            target = base + dt.timedelta(days=ahead or 7)
        elif tense == FUTURE or (tense == PRESENT and back > 2):
            target = base + dt.timedelta(days=ahead)
        elif tense == PAST or back <= 4:
            target = base - dt.timedelta(days=back)
        else:
            target = base + dt.timedelta(days=ahead)
        return Normalized("DATE", target.isoformat(), relative=True, from_reference=story)
    raise ValueError(f"calendar rule matched nothing usable: {groups}")


def edge_day(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    """ "the last day of July" -> the month's last day; "the first day of next year" -> January 1."""
    last = lower_key(groups["edge"]) != "first"
    if groups.get("month"):
        inner = calendar({k: groups.get(k) for k in ("month", "year")}, anchor, tense, reference)
    elif groups.get("unit"):
        inner = rel_unit({"rel": groups["unitrel"], "unit": groups["unit"]}, anchor, tense, reference)
    else:
        inner = calendar({"year": groups.get("year2")}, anchor, tense, reference) if groups.get("year2") else (
            rel_unit({"rel": groups["yearrel"], "unit": "year"}, anchor, tense, reference))
    if not inner.resolved:
        return Normalized("DATE", inner.value + ("-XX" if inner.value.count("-") == 1 else ""), relative=True, resolved=False)
    year, month, _ = parse_anchor(inner.value)
    if re.match(r"^\d{4}-W\d\d$", inner.value):
        monday = dt.date.fromisocalendar(year, int(inner.value[-2:]), 1)
        day = monday + dt.timedelta(days=6 if last else 0)
    elif month is None:
        day = dt.date(year, 12, 31) if last else dt.date(year, 1, 1)
    else:
        following = dt.date(*add_months(year, month, 1), 1)
        day = following - dt.timedelta(days=1) if last else dt.date(year, month, 1)
    return Normalized("DATE", day.isoformat(), relative=inner.relative)


def week_of_month(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    """ "the first week of March" -> the ISO week holding March 1 (the last week: the one ending the month)."""
    inner = calendar({k: groups.get(k) for k in ("month", "year")}, anchor, tense, reference)
    if not inner.resolved:
        return Normalized("DATE", "XXXX-WXX", relative=True, resolved=False)
    year, month, _ = parse_anchor(inner.value)
    edge = lower_key(groups["edge"])
    if edge in ("last", "final"):
        day = dt.date(*add_months(year, month, 1), 1) - dt.timedelta(days=1)
    else:
        day = dt.date(year, month, 1 + 7 * (lexicon().ordinals[edge] - 1))
    return Normalized("DATE", iso_week(day), relative=inner.relative)


def decade(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    if groups.get("decade"):
        return Normalized("DATE", groups["decade"][:3])
    digit = int(groups["decade2"][0]) if groups.get("decade2") else lexicon().decade_words[lower_key(groups["decadeword"])]
    year = parse_anchor(anchor)[0]
    century = (year // 100) if year else 19
    if year and century * 100 + digit * 10 > year:
        century -= 1
    return Normalized("DATE", f"{century}{digit}", relative=year is not None)


def century(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    text = groups["cent"]
    digits = re.match(r"\d+", text)
    number = int(digits.group()) if digits else lexicon().ordinals[lower_key(text).replace(" ", "-")]
    return Normalized("DATE", f"{number - 1:02d}")


def season(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    code = lexicon().seasons[lower_key(groups["season"])]
    year = parse_year(groups.get("year"))
    if year is not None:
        return Normalized("DATE", f"{year}-{code}")
    rel = _rel(groups.get("rel"))
    a_year, a_month, _ = parse_anchor(anchor)
    if a_year is None:
        return Normalized("DATE", f"XXXX-{code}", relative=True, resolved=False)
    if groups.get("rel") and lower_key(groups["rel"]) == "last":
        return Normalized("DATE", f"{a_year - 1}-{code}", relative=True)
    if a_month is not None and rel in (-1, 1):
        if a_month <= 2:  # January and February belong to the winter that began the year before
            a_year, a_month = a_year - 1, 12
        current = {12: 4, 1: 4, 2: 4}.get(a_month, (a_month - 3) // 3 + 1)
        order = SEASON_ORDER[code]
        if rel == -1:
            a_year = a_year if order < current else a_year - 1
        else:
            a_year = a_year if order > current else a_year + 1
    return Normalized("DATE", f"{a_year}-{code}", relative=True)


def quarter(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    number = int(groups["qnum"]) if groups.get("qnum") else _ordinal_key(groups["qord"])
    year = parse_year(groups.get("year")) or parse_year(groups.get("year2")) or parse_year(groups.get("fyear"))
    if year is not None:
        return Normalized("DATE", f"{year}-Q{number}")
    rel = groups.get("yearrel") or groups.get("yearrel2")
    a_year = parse_anchor(anchor)[0]
    if a_year is None:
        return Normalized("DATE", f"XXXX-Q{number}", relative=True, resolved=False)
    return Normalized("DATE", f"{a_year + (_rel(rel) or 0)}-Q{number}", relative=True)


def _ordinal_key(text: str) -> int:
    key = lower_key(text)
    return {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(key) or lexicon().ordinals[key]


def half(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    if groups.get("hnum") or groups.get("hnum2"):
        which = "H" + (groups.get("hnum") or groups["hnum2"])
    else:
        which = "H1" if lower_key(groups["hord"]) in ("first", "1st") else "H2"
    year = parse_year(groups.get("year")) or parse_year(groups.get("year2"))
    if year is not None:
        return Normalized("DATE", f"{year}-{which}")
    a_year = parse_anchor(anchor)[0]
    if a_year is None:
        return Normalized("DATE", f"XXXX-{which}", relative=True, resolved=False)
    return Normalized("DATE", f"{a_year + (_rel(groups.get('yearrel')) or 0)}-{which}", relative=True)


def year_ago(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    if groups.get("qord"):
        inner = quarter({"qord": groups["qord"]}, anchor, tense, reference)
        return Normalized("DATE", shift(inner.value, -1, "Y") or inner.value, relative=True, resolved=inner.resolved)
    if reference and (value := shift(reference, -1, "Y")):
        return Normalized("DATE", value, relative=True, from_reference=True)
    a_year = parse_anchor(anchor)[0]
    if a_year is None:
        return Normalized("DATE", "XXXX", relative=True, resolved=False)
    return Normalized("DATE", str(a_year - 1), relative=True)


def year_end(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    a_year = parse_anchor(anchor)[0]
    if a_year is None:
        return Normalized("DATE", "XXXX-12-31", relative=True, resolved=False)
    return Normalized("DATE", f"{a_year + (_rel(groups.get('yearrel')) or 0)}-12-31", relative=True)


def _unit_code(text: str) -> str:
    key = lower_key(text)
    units = lexicon().units
    return units[key] if key in units else units[key.removesuffix("s")]


def _calendar_unit(base: str | None, unit: str, amount: int) -> str:
    """The calendar unit (year, month, week, ...) containing ``base`` moved by ``amount``."""
    if unit == "Y":
        year = need_year(base) + amount
        if year < 1000:
            raise Unresolvable  # "two thousand years ago": a vague past, not the year 25
        return f"{year:04d}"
    if unit == "M":
        year, month = add_months(*need_month(base), amount)
        return f"{year}-{month:02d}"
    if unit == "W":
        return iso_week(need_day(base) + dt.timedelta(weeks=amount))
    if unit == "WE":
        day = need_day(base)
        if amount == 0 and day.isoweekday() < 6:
            amount = -1  # "the weekend" in a weekday article: the one just past
        return iso_week(day + dt.timedelta(weeks=amount)) + "-WE"
    if unit == "Q":
        year, month = need_month(base)
        year, month = add_months(year, month, 3 * amount)
        return f"{year}-Q{(month - 1) // 3 + 1}"
    if unit == "DE":
        return str(need_year(base) + 10 * amount)[:3]
    if unit == "CE":
        return str(need_year(base) + 100 * amount)[:2]
    if unit == "H":  # "the first half" style is handled elsewhere; here: half-year
        year, month = need_month(base)
        year, month = add_months(year, month, 6 * amount)
        return f"{year}-H{1 if month <= 6 else 2}"
    if unit == "D":
        return (need_day(base) + dt.timedelta(days=amount)).isoformat()
    raise Unresolvable


_X_SHAPES = {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX", "WE": "XXXX-WXX-WE", "Q": "XXXX-QX", "DE": "XXX",
             "CE": "XX", "H": "XXXX-HX", "D": "XXXX-XX-XX"}


def rel_unit(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    unit_text = lower_key(groups.get("unit") or "quarter")  # "the latest period": the last reporting quarter
    unit = "H" if unit_text == "half" else _unit_code(unit_text)
    rel_text = lower_key(groups.get("rel") or "this")
    amount = _rel(rel_text)
    if rel_text == "the":
        amount = -1 if unit == "Q" else 0
    try:
        return Normalized("DATE", _calendar_unit(anchor, unit, amount or 0), relative=True)
    except Unresolvable:
        return Normalized("DATE", _X_SHAPES[unit], relative=True, resolved=False)


def anaphoric(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    unit = _unit_code(groups["unit"])
    ana = lower_key(groups["ana"])
    amount = 0 if ana in ("that", "the same") else (1 if ana.split()[-1] in FORWARD or ana == "after" else -1)
    for base in (reference, anchor):
        try:
            return Normalized("DATE", _calendar_unit(base, unit, amount), relative=True,
                              from_reference=base is reference)
        except Unresolvable:
            continue
    return Normalized("DATE", _X_SHAPES.get(unit, "XXXX"), relative=True, resolved=False)


def day_word(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    word = lower_key(groups["dayword"])
    offset = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "overnight": 0}[word]
    kind = "TIME" if word in ("tonight", "overnight") else "DATE"
    suffix = "TNI" if kind == "TIME" else ""
    try:
        day = need_day(anchor) + dt.timedelta(days=offset)
    except Unresolvable:
        return Normalized(kind, "XXXX-XX-XX" + suffix, relative=True, resolved=False)
    return Normalized(kind, day.isoformat() + suffix, relative=True)


def _day_of(groups: dict, anchor: str | None, tense: str | None) -> str:
    """The date a time of day belongs to, from a day word, weekday or month-day group; else the anchor."""
    dayword = groups.get("dayword") or groups.get("dayword2")
    if dayword:
        return day_word({"dayword": dayword}, anchor, tense, None).value.removesuffix("TNI")
    weekday = groups.get("weekday") or groups.get("weekday2")
    if groups.get("month") and groups.get("day"):
        return calendar({"month": groups["month"], "day": groups["day"]}, anchor, tense, None).value
    if weekday:
        return calendar({"weekday": weekday}, anchor, tense, None).value
    rel = lower_key(groups.get("rel") or "")
    try:
        base = need_day(anchor)
    except Unresolvable:
        return "XXXX-XX-XX"
    if rel == "tomorrow":
        base += dt.timedelta(days=1)
    elif rel == "last":
        base -= dt.timedelta(days=1)
    return base.isoformat()


def part_of_day(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    code = lexicon().parts_of_day[lower_key(groups["pod"])]
    day = _day_of(groups, anchor, tense)
    return Normalized("TIME", f"{day}T{code}", relative=True, resolved="X" not in day)


def clock(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    if groups.get("named"):
        clock_value = "12:00" if lower_key(groups["named"]) == "noon" else "24:00"
    else:
        hour = int(groups["hour"])
        minute = int(groups["minute"]) if groups.get("minute") else 0
        ampm = (groups.get("ampm") or "").lower()
        if ampm.startswith("p") and hour < 12:
            hour += 12
        elif ampm.startswith("a") and hour == 12:
            hour = 0
        clock_value = f"{hour:02d}:{minute:02d}"
    day = _day_of(groups, anchor, tense)
    return Normalized("TIME", f"{day}T{clock_value}", relative=True, resolved="X" not in day)


def _duration_value(amount: float | None, unit: str) -> str:
    if amount is None:
        return {"DE": "PXDE", "CE": "PXCE", "H": "PTXH", "MIN": "PTXM", "S": "PTXS", "NI": "PXD", "WE": "PXWE",
                "ML": "PXML"}.get(unit, f"PX{unit}")
    if unit == "DE":
        amount, unit = amount * 10, "Y"
    elif unit == "CE":
        amount, unit = amount * 100, "Y"
    elif unit == "ML":
        amount, unit = amount * 1000, "Y"
    elif unit == "NI":
        unit = "D"
    whole = int(amount)
    fraction = amount - whole
    smaller = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60)}
    parts = [(whole, unit)]
    if fraction and unit in smaller:
        small_unit, factor = smaller[unit]
        parts.append((round(fraction * factor), small_unit))
    elif fraction:
        parts = [(amount, unit)]
    date_part = "".join(f"{n:g}{u}" for n, u in parts if u in ("Y", "M", "W", "D", "Q", "WE") and n)
    time_part = "".join(f"{n:g}{ {'MIN': 'M'}.get(u, u)}" for n, u in parts if u in ("H", "MIN", "S") and n)
    value = "P" + date_part + ("T" + time_part if time_part else "")
    return value if value != "P" else f"P0{unit}"


def duration(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    unit = _unit_code(groups["unit"])
    num = groups.get("num")
    amount = None if num is None and groups["unit"].lower().endswith("s") else parse_number(num)
    if num is not None and lower_key(num) in ("several", "multi"):
        amount = None
    if amount is not None and groups.get("half"):
        amount += 0.5
    if groups.get("num") is None and lower_key(groups.get("rel") or "") in ("weeks and", "days and"):
        amount = None
    return Normalized("DURATION", _duration_value(amount, unit), unit=unit, amount=amount)


def ago(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    unit = _unit_code(groups["unit"])
    amount = parse_number(groups.get("num")) if groups.get("num") else None
    direction = lower_key(groups["dir"])
    sign = 1 if direction in ("later", "from now", "hence", "after") else -1
    if amount is None:
        return Normalized("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", relative=True)
    use_reference = reference is not None and (
        direction in ("earlier", "later", "before", "after")
        or (direction == "ago" and amount == 1 and unit == "Y" and re.match(r"^\d{4}-Q\d$", reference) is not None)
    )
    if use_reference:
        moved = shift(reference, int(sign * amount), unit)
        if moved:
            return Normalized("DATE", moved, relative=True, from_reference=True)
    try:
        return Normalized("DATE", _calendar_unit(anchor, unit if unit not in ("H", "MIN", "S") else "D", int(sign * amount)),
                          relative=True)
    except (Unresolvable, KeyError):
        if anchor is not None and amount >= 100:
            return Normalized("DATE", "FUTURE_REF" if sign > 0 else "PAST_REF", relative=True)
        return Normalized("DATE", _X_SHAPES.get(unit, "XXXX-XX-XX"), relative=True, resolved=False)


def event(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    unit = _unit_code(groups["unit"])
    amount = parse_number(groups.get("num"))
    sign = -1 if lower_key(groups["dir"]) in ("before", "prior to") else 1
    shape = _X_SHAPES.get(unit, "XXXX-XX-XX")
    return Normalized("DATE", shape, relative=True, resolved=False, unit=unit, amount=amount, sign=sign)


_SET_UNITS = {"Y": "P1Y", "M": "P1M", "W": "P1W", "D": "P1D", "Q": "P1Q", "H": "PT1H", "MIN": "PT1M", "DE": "P10Y",
              "NI": "P1D", "WE": "P1W"}


def set_unit(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    text = lower_key(groups["unit"])
    unit = lexicon().parts_of_day.get(text) and "D" or _unit_code(text)
    num = groups.get("num")
    if num and lower_key(num) == "other":
        return Normalized("SET", _duration_value(2, unit))
    if num and (amount := parse_number(num)) is not None:
        return Normalized("SET", _duration_value(amount, unit))
    return Normalized("SET", _SET_UNITS.get(unit, f"P1{unit}"))


def set_weekday(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    weekday = _weekday(groups["weekday"])
    pod = groups.get("pod")
    suffix = "T" + lexicon().parts_of_day[lower_key(pod).removesuffix("s")] if pod else ""
    return Normalized("SET", f"XXXX-WXX-{weekday}{suffix}")


def set_month(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    return Normalized("SET", f"XXXX-{_month(groups):02d}")


def set_season(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    return Normalized("SET", f"XXXX-{lexicon().seasons[lower_key(groups['season'])]}")


_ADVERBS = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
            "nightly": "P1D", "biweekly": "P2W", "bimonthly": "P2M", "biannually": "P6M", "semiannually": "P6M",
            "semi annually": "P6M", "fortnightly": "P2W", "every other day": "P2D"}


def set_adverb(groups: dict, anchor: str | None, tense: str | None, reference: str | None) -> Normalized:
    return Normalized("SET", _ADVERBS[lower_key(groups["adverb"])])


HANDLERS = {
    "calendar": calendar, "edge_day": edge_day, "week_of_month": week_of_month, "decade": decade, "century": century, "season": season, "quarter": quarter, "half": half,
    "year_ago": year_ago, "year_end": year_end, "rel_unit": rel_unit, "anaphoric": anaphoric, "day_word": day_word,
    "part_of_day": part_of_day, "clock": clock, "duration": duration, "ago": ago, "event": event,
    "set_unit": set_unit, "set_weekday": set_weekday, "set_month": set_month, "set_season": set_season,
    "set_adverb": set_adverb,
}


@lru_cache(maxsize=65536)
def normalize_match(
    rule_id: str, groups: tuple[tuple[str, str], ...], *, anchor: str | None, tense: str | None, reference: str | None
) -> Normalized:
    """The reading of one rule match (``groups`` as sorted (name, text) pairs of the groups that matched)."""
    rule = rule_by_id()[rule_id]
    if rule.handler == "fixed":
        return Normalized(rule.type, rule.value or "", relative=rule.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"))
    result = HANDLERS[rule.handler](dict(groups), anchor, tense, reference)
    if rule.mod:
        result = replace(result, mod=rule.mod)
    if not result.relative:
        return result
    if anchor is None and reference is None and result.resolved and result.type in ("DATE", "TIME"):
        if re.match(r"^\d", result.value):  # a relative value computed without any anchor: keep it unknown
            return Normalized(result.type, x_fill(result.value), result.mod, True, False)
    return result


def match_groups(match: re.Match[str]) -> tuple[tuple[str, str], ...]:
    return tuple(sorted((k, v) for k, v in match.groupdict().items() if v is not None))


@lru_cache(maxsize=4096)
def normalize_timex(
    text: str, *, anchor: str | None, tense: str | None = None, reference: str | None = None
) -> Normalized | None:
    """The TIMEX3 reading of ``text`` as a whole (None when no rule reads all of it).

    ``anchor``: the date relative expressions resolve against (publication or narrative date);
    ``tense``: "past", "present" or "future" of the clause; ``reference``: the value of the time last
    mentioned, for anaphoric expressions ("a year earlier", "the following year").
    """
    text, mod = strip_modifiers(text.strip())
    for rule in rules():
        match = rule.exact.fullmatch(text)
        if match:
            result = normalize_match(rule.id, match_groups(match), anchor=anchor, tense=tense, reference=reference)
            return replace(result, mod=mod) if mod else result
    return None


def strip_modifiers(text: str) -> tuple[str, str | None]:
    """``text`` without a leading or trailing modifier phrase ("late", "the end of", "or so"), and its mod."""
    data = modifiers()
    for item in sorted(data.prefixes, key=lambda m: -len(m.text)):
        match = re.match(re.escape(item.text).replace(r"\ ", r"\s+") + r"(?:\s+|-)", text, re.IGNORECASE)
        if match:
            return text[match.end():], item.mod
    for item in sorted(data.suffixes, key=lambda m: -len(m.text)):
        match = re.search(r"\s+" + re.escape(item.text).replace(r"\ ", r"\s+") + "$", text, re.IGNORECASE)
        if match:
            return text[: match.start()], item.mod
    return text, None
