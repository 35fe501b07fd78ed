"""The time grammar: vocabulary and rules from ``patterns/timex/``, validated and compiled to regexes.

Rule patterns are regexes over the document text with ``<<MACRO>>`` placeholders that expand to
alternations built from the lexicon (months, weekdays, number words, units, ...), so vocabulary
lives in one data file and every rule shares it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimweave import patterns
from claimweave.errors import RuleFileError

TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


class Lexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    months: dict[str, int]
    month_names_alone: list[str]
    weekdays: dict[str, int]
    numbers: dict[str, float]
    vague_numbers: list[str]
    ordinals: dict[str, int]
    units: dict[str, str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    decade_words: dict[str, int]
    relative: dict[str, int]
    anaphoric: list[str] = []  # relative words that point from the story's last date ("the previous Friday")
    timezones: list[str]


class Modifier(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    text: str
    mod: str
    types: list[Literal["DATE", "TIME", "DURATION", "SET", "OFFSET"]]  # OFFSET: "three weeks ago"


class OffsetMods(BaseModel):
    """The point mod of a point offset by a bounded duration, looking back and looking ahead."""

    model_config = ConfigDict(extra="forbid")

    description: str = ""
    back: dict[str, str]
    ahead: dict[str, str]


class Modifiers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    prefixes: list[Modifier]
    suffixes: list[Modifier]
    offset_mods: OffsetMods


class RuleSpec(BaseModel):
    """One line of ``rules.jsonl``."""

    model_config = ConfigDict(extra="forbid")

    id: str
    type: TimexType
    handler: str
    needs: list[str]
    pattern: str
    value: str | None = None
    mod: str | None = None


@dataclass(frozen=True)
class Rule:
    id: str
    type: str
    handler: str
    value: str | None
    mod: str | None
    needs: frozenset[str]
    regex: re.Pattern[str]
    exact: re.Pattern[str]


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    return patterns.load("timex/lexicon.json", Lexicon)


@lru_cache(maxsize=1)
def modifiers() -> Modifiers:
    return patterns.load("timex/modifiers.json", Modifiers)


def _alternation(words) -> str:
    """A regex alternation of ``words``, longest first, spaces matching any whitespace or hyphen."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        parts.append(r"[\s-]+".join(re.escape(piece) for piece in word.split()))
    return "(?:" + "|".join(parts) + ")"


@lru_cache(maxsize=1)
def macros() -> dict[str, str]:
    lex = lexicon()
    small = [w for w, n in lex.numbers.items() if n < 20 and " " not in w and w not in ("a", "an")]
    tens = [w for w, n in lex.numbers.items() if n in (20, 30, 40, 50, 60, 70, 80, 90)]
    ones = [w for w, n in lex.numbers.items() if 1 <= n <= 9 and w not in ("a", "an")]
    word_number = (
        rf"(?:{_alternation(tens)}(?:[\s-]+{_alternation(ones)})?|{_alternation(small)}"
        rf"|{_alternation(w for w in lex.numbers if ' ' in w)}|an?)"
    )
    digits = r"(?<![\d.,$€£])\d{1,3}(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?(?![\d%])"
    day_ordinals = [w for w, n in lex.ordinals.items() if 1 <= n <= 31]
    spoken_tail = (
        rf"(?:{_alternation(tens)}(?:[\s-]+{_alternation(ones)})?|{_alternation(small)}"
        rf"|oh[\s-]+{_alternation(ones)}|hundred)"
    )
    return {
        "MONTH": _alternation(lex.months),
        "MONTHA": _alternation(lex.month_names_alone),
        "WEEKDAY": _alternation(lex.weekdays),
        "WEEKDAYPL": _alternation(w + "s" for w in lex.weekdays if not w.endswith(".")),
        "DAY": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "DAYW": _alternation(day_ordinals),
        "ORDW": _alternation(w for w, n in lex.ordinals.items() if 1 <= n <= 31),
        "YEAR": r"(?<![\d.,$€£#])(?<!\d-)(?:1[5-9]\d\d|20\d\d)(?![\d%]|,\d|\.\d|-(?:\d|year|month|day|week))",
        "SPOKENYEAR": rf"nineteen[\s-]+{spoken_tail}",
        "NUMW": word_number,
        "NUM": rf"(?:{digits}|{word_number})",
        "VAGUE": _alternation(lex.vague_numbers),
        "UNIT": _alternation(lex.units),
        "SEASON": _alternation(lex.seasons),
        "DECADEWORD": _alternation(lex.decade_words),
        "TZ": _alternation(lex.timezones),
    }


_MACRO = re.compile(r"<<([A-Z]+)>>")


def expand(pattern: str, where: str) -> str:
    table = macros()

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise RuleFileError(where, f"unknown macro <<{name}>>")
        return table[name]

    return _MACRO.sub(sub, pattern)


@lru_cache(maxsize=1)
def rules() -> tuple[Rule, ...]:
    """The compiled rules, in file order (which is their priority when two match the same span)."""
    compiled = []
    for number, spec in enumerate(patterns.load_jsonl("timex/rules.jsonl", RuleSpec), 1):
        where = f"claimweave/patterns/timex/rules.jsonl:{number}"
        body = expand(spec.pattern, where)
        try:
            regex = re.compile(rf"(?<![\w']){body}(?![\w])", re.IGNORECASE)
            exact = re.compile(body, re.IGNORECASE)
        except re.error as err:
            raise RuleFileError(where, f"{spec.id}: {err}") from err
        compiled.append(Rule(spec.id, spec.type, spec.handler, spec.value, spec.mod, frozenset(spec.needs), regex, exact))
    return tuple(compiled)


@lru_cache(maxsize=1)
def rule_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in rules()}


class Triggers(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    classes: dict[str, list[str]]


@lru_cache(maxsize=1)
def trigger_words() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    """One regex over every trigger word, and the classes each (lower-cased) word belongs to."""
    lex = lexicon()
    classes: dict[str, set[str]] = {}

    def add(words, name: str) -> None:
        for word in words:
            classes.setdefault(" ".join(word.lower().split()), set()).add(name)

    add(lex.months, "MONTH")
    add(lex.weekdays, "WEEKDAY")
    add((w + "s" for w in lex.weekdays if not w.endswith(".")), "WEEKDAY")
    add(lex.units, "UNIT")
    add(lex.seasons, "SEASON")
    add(lex.decade_words, "DECADEW")
    for name, words in patterns.load("timex/triggers.json", Triggers).classes.items():
        add(words, name)
    words = sorted(classes, key=lambda w: (-len(w), w))
    alternation = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in words)
    regex = re.compile(rf"(?P<digit>\d)|(?<![\w])(?:{alternation})(?![\w])", re.IGNORECASE)
    return regex, {w: frozenset(c) for w, c in classes.items()}
