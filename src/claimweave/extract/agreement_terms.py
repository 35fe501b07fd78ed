"""Pure helpers for agreement terms: adding an ISO duration to a date value, reading durations,
counting words, comparing names, and finding the verb a word belongs to."""

from __future__ import annotations

import calendar
import datetime as dt
import re

from claimweave.extract.timex_calendar import parse_number
from claimweave.extract.titles import affiliation_name

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_DURATION = re.compile(r"^P(\d+(?:\.\d+)?)([YMWD])$")
_YEARS_MONTHS = re.compile(r"^P(\d+)Y(\d+)M$")  # "a two-and-a-half-year contract": P2Y6M
_HOURS = re.compile(r"^PT(\d+)H$")  # "a 72-hour truce": PT72H


def is_duration(value: str | None) -> bool:
    """True for a simple ISO 8601 duration of one unit (``P49Y``, ``P6M``, ``P2W``, ``P10D``, ``PT72H``),
    or of years and months (``P2Y6M``)."""
    return bool(value and (_DURATION.match(value) or _YEARS_MONTHS.match(value) or _HOURS.match(value)))


def is_date(value: str | None) -> bool:
    """True for a fully known date value at year, month or day granularity."""
    return bool(value and _DATE.match(value))


def add_duration(*, date: str, duration: str) -> str | None:
    """``date`` + ``duration`` at the date's granularity (``2019`` + ``P49Y`` -> ``2068``), or None.

    A year-only date plus months or days has no year-granular answer, so None is returned then.
    """
    mixed = _YEARS_MONTHS.match(duration or "")
    if mixed:
        duration = f"P{int(mixed.group(1)) * 12 + int(mixed.group(2))}M"  # (months, at a month's granularity)
    hours = _HOURS.match(duration or "")
    if hours:
        # (whole days only, at a day's granularity: a 72-hour truce signed on a day ends three days on)
        if int(hours.group(1)) % 24:
            return None
        duration = f"P{int(hours.group(1)) // 24}D"
    d, p = _DATE.match(date or ""), _DURATION.match(duration or "")
    if not d or not p:
        return None
    amount, unit = p.group(1), p.group(2)
    if "." in amount:
        return None
    n = int(amount)
    year = int(d.group(1))
    month = int(d.group(2)) if d.group(2) else None
    day = int(d.group(3)) if d.group(3) else None
    if unit == "Y":
        year += n
    elif unit == "M":
        if month is None:
            return None
        total = year * 12 + (month - 1) + n
        year, month = divmod(total, 12)
        month += 1
    else:
        if day is None:
            return None
        result = dt.date(year, month, day) + dt.timedelta(days=n * (7 if unit == "W" else 1))
        return result.isoformat()
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    day = min(day, calendar.monthrange(year, month)[1])
    return f"{year:04d}-{month:02d}-{day:02d}"


def how_many(word: str) -> int | None:
    """The count a number word or numeral gives ("three", "dozen", "12"), when it counts more than
    one and fewer than a thousand; None for any other word ("a", "several", "1.5")."""
    # (the number words are the time lexicon's: one list of them for the whole project)
    amount = parse_number(word)
    return int(amount) if amount is not None and amount.is_integer() and 1 < amount < 1000 else None


_NAME_STOP = {"the", "a", "an", "of", "and", "inc", "corp", "co", "ltd", "plc", "llc", "group", "s"}


def name_words(text: str) -> frozenset[str]:
    """The distinctive words of a name, for comparing "LIN" with "LIN Broadcasting Corp."."""
    words = re.sub(r"[^\w]+", " ", text.casefold().replace("\u2019", "'").replace("'s", "")).split()
    return frozenset(w for w in words if w not in _NAME_STOP)


def same_name(a: str, b: str) -> bool:
    """True when one name's distinctive words are all in the other's, both name one country ("Iraqi"
    and "Iraq", "U.N." and "United Nations"), or one is the other's acronym ("LTTE")."""
    for x, y in ((a, b), (affiliation_name(a), affiliation_name(b))):
        wa, wb = name_words(x), name_words(y)
        if wa and wb and (wa <= wb or wb <= wa):
            return True
    return spells(a, b) or spells(b, a)


def spells(acronym: str, name: str) -> bool:
    """True when ``acronym`` is written with the initials of ``name``: of all its words or of its
    capitalised ones ("LTTE" and "the Liberation Tigers of Tamil Eelam", "MOU" and "Memorandum of
    Understanding", "UNDP" and "the UN Development Program")."""
    short = acronym.removeprefix("the ").replace(".", "").replace("-", "").replace("&", "")
    words = [w for w in name.split() if w.lower() not in ("the", "a", "an")]
    if len(short) < 2 or not short.isupper() or not words:
        return False
    # (an acronym inside the name is written whole: "UNDP" and "the UN Development Program")
    whole = "".join(w if len(w) > 1 and w.isupper() else w[0] for w in words if w[:1].isupper())
    initials = {"".join(w[0] for w in words), "".join(w[0] for w in words if w[:1].isupper()), whole}
    return short.lower() in {i.lower() for i in initials}


def is_week(value: str | None) -> bool:
    """True for an ISO week value ("2006-W45": "last week")."""
    return bool(value and _WEEK.match(value))


def _week_of(value: str, published):
    """A week value as the published date's own week (``published`` itself), so that a week compares
    with a day as the week it falls in."""
    week = _WEEK.match(value)
    year, number = int(week.group(1)), int(week.group(2))
    return (year, number), tuple(published.isocalendar())[:2]


def in_week(day: str, week: str) -> bool:
    """True for a day inside an ISO week ("2006-11-13" in "2006-W46": "signed this week ... on Monday")."""
    if not is_week(week) or not re.fullmatch(r"\d{4}-\d\d-\d\d", day):
        return False
    told, own = _week_of(week, dt.date.fromisoformat(day))
    return told == own


def not_after(value: str, published) -> bool:
    """True when an ISO date value ("2006", "2006-05", "2006-05-14", "2006-W45") is not later than
    ``published`` at its own precision (``published`` a date; False when it is None)."""
    if published is not None and is_week(value):
        week, now = _week_of(value, published)
        return week <= now
    return published is not None and value <= published.isoformat()[: len(value)]


def before(value: str, published) -> bool:
    """True when an ISO date value is earlier than ``published`` at its own precision."""
    if published is not None and is_week(value):
        week, now = _week_of(value, published)
        return week < now
    return published is not None and value < published.isoformat()[: len(value)]


def alike(a: str, b: str) -> bool:
    """True for two names of one side, a plural for its members too ("the Socialists" and "the
    Socialist Party")."""
    return same_name(a, b) or same_name(a.rstrip("s"), b) or same_name(a, b.rstrip("s"))


def alike_assets(a: str, b: str) -> bool:
    """True when two assets share most of their content words ("the container terminal at Dar es Salaam
    port" and "the terminal"), one inside the other or half of them shared."""
    wa, wb = ({w for w in re.findall(r"[a-z][\w-]+", x.lower()) if w not in _LIGHT_WORDS} for x in (a, b))
    return bool(wa and wb) and (wa <= wb or wb <= wa or len(wa & wb) * 2 >= len(wa | wb))


_LIGHT_WORDS = frozenset(("the", "a", "an", "of", "on", "in", "at", "for", "and", "to", "its", "their", "his", "her"))


def past_value(token):
    """The noun a deal's value hangs on, from a word of the value ("a deal worth 40 million euros with
    X": the parser hangs "with" on "euros"); the token itself when it is no part of a value."""
    while token.dep_ in ("npadvmod", "pobj", "nummod") and token.head.lower_ == "worth" or token.lower_ == "worth" and token.dep_ == "amod":
        token = token.head
    return token


def verb_above(token):
    """The nearest verb (or auxiliary) above a token, not the token itself; None when there is none."""
    return next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)


def companies_bought(verb, transfer_words) -> list:
    """"completed its acquisition of Harrow Inc.": the organisations a verb's transfer noun object is
    of (tokens the NER tagged ORG); empty for any other verb."""
    return [
        g
        for noun in verb.children
        if noun.dep_ == "dobj" and noun.pos_ == "NOUN" and noun.lemma_ in transfer_words
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj" and g.ent_type_ == "ORG"
    ]
