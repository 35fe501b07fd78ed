"""Calendar arithmetic and number parsing for TIMEX3 values (pure functions on partial ISO dates)."""

from __future__ import annotations

import datetime as dt
import re

from claimweave.extract.timex_rules import lexicon

_SPACES = re.compile(r"[\s-]+")


class Unresolvable(Exception):
    """The anchor lacks the granularity the expression needs."""


def lower_key(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower())


def parse_anchor(value: str | None) -> tuple[int | None, int | None, int | None]:
    """(year, month, day) of a partial ISO date; missing parts are None."""
    if not value:
        return None, None, None
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not match:
        return None, None, None
    year, month, day = match.groups()
    return int(year), int(month) if month else None, int(day) if day else None


def parse_number(text: str | None) -> float | None:
    """The amount a number phrase gives ("two", "twenty four", "2 1/2", "1,000"); None when vague."""
    if text is None:
        return 1.0
    key = lower_key(text)
    lex = lexicon()
    if key in lex.vague_numbers:
        return None
    half = 0.5 if key.endswith(" 1/2") else 0.0
    key = key.removesuffix(" 1/2")
    digits = key.replace(",", "")
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits) + half
    if key in lex.numbers:
        return lex.numbers[key] + half
    total = 0.0
    for piece in key.split(" "):
        if piece not in lex.numbers:
            return None
        value = lex.numbers[piece]
        total = total * value if value in (100, 1000) and total else total + value
    return total + half


def parse_year(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.search(r"\d{4}", text)
    if digits:
        return int(digits.group())
    words = lower_key(text).split(" ")
    if words[:1] == ["nineteen"]:
        rest = [w for w in words[1:] if w != "oh"]
        if rest == ["hundred"]:
            return 1900
        tail = parse_number(" ".join(rest)) if rest else None
        return 1900 + int(tail) if tail is not None and tail < 100 else None
    if words[:2] == ["two", "thousand"]:
        rest = [w for w in words[2:] if w != "and"]
        tail = parse_number(" ".join(rest)) if rest else 0
        return 2000 + int(tail) if tail is not None else None
    return None


def parse_day(text: str) -> int:
    digits = re.match(r"\d+", text)
    if digits:
        return int(digits.group())
    key = lower_key(text)
    ordinals = lexicon().ordinals
    return ordinals[key] if key in ordinals else ordinals[key.replace(" ", "-")]


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def iso_week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def need_day(anchor: str | None) -> dt.date:
    year, month, day = parse_anchor(anchor)
    if day is None:
        raise Unresolvable
    return dt.date(year, month, day)


def need_month(anchor: str | None) -> tuple[int, int]:
    year, month, _ = parse_anchor(anchor)
    if month is None:
        raise Unresolvable
    return year, month


def need_year(anchor: str | None) -> int:
    year, _, _ = parse_anchor(anchor)
    if year is None:
        raise Unresolvable
    return year


def shift(value: str, amount: int, unit: str) -> str | None:
    """``value`` (a calendar value) moved by ``amount`` units, at the coarser of the two granularities."""
    year, month, day = parse_anchor(value)
    if year is None:
        return None
    quarter = re.match(r"^\d{4}-Q([1-4])$", value)
    if unit in ("Y", "DE", "CE"):
        years = amount * {"Y": 1, "DE": 10, "CE": 100}[unit]
        if quarter:
            return f"{year + years}-Q{quarter.group(1)}"
        if unit == "DE":
            return str(year + years)[:3]
        if unit == "CE":
            return str(year + years)[:2]
        if day is not None:
            try:
                return dt.date(year + years, month, day).isoformat()
            except ValueError:
                return dt.date(year + years, month, 28).isoformat()
        return f"{year + years}-{month:02d}" if month else str(year + years)
    if unit == "Q":
        if quarter:
            y, m = add_months(year, (int(quarter.group(1)) - 1) * 3 + 1, 3 * amount)
            return f"{y}-Q{(m - 1) // 3 + 1}"
        if month is None:
            return None
        y, m = add_months(year, month, 3 * amount)
        return f"{y}-Q{(m - 1) // 3 + 1}"
    if unit == "M":
        if month is None:
            return None
        y, m = add_months(year, month, amount)
        return f"{y}-{m:02d}"
    if day is None:
        return None
    base = dt.date(year, month, day)
    if unit in ("W", "WE"):
        return iso_week(base + dt.timedelta(weeks=amount))
    if unit in ("D", "H", "MIN", "S", "NI"):
        days = amount if unit in ("D", "NI") else 0
        return (base + dt.timedelta(days=days)).isoformat()
    return None


def x_fill(value: str) -> str:
    """The X-shaped value of the same granularity as ``value`` (for an expression with no anchor)."""
    return re.sub(r"\d", "X", value)


def valid_date(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True
