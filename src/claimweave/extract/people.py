"""Person names: particles, comparison keys, and linking short mentions to full names in a document.

A short mention ("Shibani", "al Sharaa", "Lavrov") is linked to the nearest compatible full name
("Asaad al-Shibani"); two people sharing a surname stay apart, and a mention goes to one of them.
Everything here is pure: it takes name strings and positions and returns groups.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from claimweave import patterns


class NameLexicon(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    particles: list[str]
    honorifics: list[str]
    suffixes: list[str]
    royal_titles: list[str]


@lru_cache(maxsize=1)
def name_lexicon() -> NameLexicon:
    return patterns.load("roles/particles.json", NameLexicon)


_WORD = re.compile(r"[^\w.']+")
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_VOWELS = re.compile(r"[aeiouyw]")


@lru_cache(maxsize=1 << 16)  # called on every token of every Doc; words repeat
def fold(text: str) -> str:
    """Lowercase without accents, curly apostrophes made straight."""
    text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def name_words(text: str) -> list[str]:
    """The words of a name, folded; hyphens and spaces separate words ("al-Shibani" -> al, shibani)."""
    words = (_POSSESSIVE.sub("", w).strip(".'") for w in _WORD.split(fold(text)))
    return [w for w in words if w]


@lru_cache(maxsize=1)
def _skipped_words() -> frozenset[str]:
    lex = name_lexicon()
    return frozenset(w.strip(".") for w in lex.particles + lex.honorifics + lex.suffixes)


@lru_cache(maxsize=1 << 14)  # linking compares every pair of names, each time by its words
def core_words(text: str) -> tuple[str, ...]:
    """The words that identify a person: particles, honorifics and suffixes (Jr., III) removed."""
    skip = _skipped_words()
    words = [w for w in name_words(text) if w not in skip]
    # a single-letter initial ("H. Marshall Schwarz") does not identify anyone on its own
    return tuple(w for w in words if len(w) > 1) or tuple(words)


def skeleton(word: str) -> str:
    """Consonant skeleton of a word, for transliteration variants (Shaibani/Shibani, Sergey/Sergei)."""
    word = word.replace("q", "k").replace("x", "ks")
    body = _VOWELS.sub("", word[1:])
    return word[0] + re.sub(r"(.)\1+", r"\1", body) if word else ""


def same_word(a: str, b: str) -> bool:
    """Two folded name words spell the same name (exactly, or as a close transliteration)."""
    if a == b:
        return True
    if not a or not b or a[0] != b[0] or skeleton(a) != skeleton(b):
        return False
    return SequenceMatcher(None, a, b).ratio() >= 0.8


def _in_order(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    pos = 0
    for word in short:
        while pos < len(full) and not same_word(word, full[pos]):
            pos += 1
        if pos == len(full):
            return False
        pos += 1
    return True


def is_full(text: str) -> bool:
    """A name with at least a given name and a surname."""
    return len(core_words(text)) >= 2


def surname_compatible(short: str, full: str) -> bool:
    """``short`` names the person ``full`` by (part of) the surname: "al Sharaa" ~ "Ahmed al Sharaa"."""
    s, f = core_words(short), core_words(full)
    if not s or not f or len(s) > len(f):
        return False
    return same_word(s[-1], f[-1]) and _in_order(s, f)


def given_name_compatible(short: str, full: str) -> bool:
    """``short`` is the given name alone of ``full`` ("Saddam" ~ "Saddam Hussein")."""
    s, f = core_words(short), core_words(full)
    return len(s) == 1 and len(f) >= 2 and same_word(s[0], f[0])


def same_person(a: str, b: str) -> bool:
    """Two full names of one person: same given name and surname, the shorter's words inside the longer."""
    x, y = core_words(a), core_words(b)
    if len(x) < 2 or len(y) < 2:
        return bool(x) and len(x) == len(y) and all(same_word(p, q) for p, q in zip(x, y))
    if not (same_word(x[0], y[0]) and same_word(x[-1], y[-1])):
        return False
    return _in_order(x, y) if len(x) <= len(y) else _in_order(y, x)


@dataclass(frozen=True)
class NameMention:
    """A person mention to link: its position, text, and whether it is complete on its own."""

    start: int
    text: str
    complete: bool = False  # e.g. "King Hussein": a one-word name that is the whole name
    titles: frozenset[str] = frozenset()  # normalized titles written right before the mention
    kin: bool = False  # followed by "'s son", "'s wife", ...: the relative named later is not this person


def link_mentions(mentions: list[NameMention]) -> list[list[int]]:
    """Group mention indexes by person: full names cluster, short names join the nearest compatible one."""
    order = sorted(range(len(mentions)), key=lambda i: mentions[i].start)
    clusters: list[list[int]] = []
    anchor: list[str] = []  # the fullest text of each cluster
    full = [i for i in order if is_full(mentions[i].text) or mentions[i].complete]
    for i in full:
        text = mentions[i].text
        for c, rep in enumerate(anchor):
            if same_person(text, rep):
                clusters[c].append(i)
                if len(core_words(text)) > len(core_words(rep)):
                    anchor[c] = text
                break
        else:
            clusters.append([i])
            anchor.append(text)
    cluster_of = {i: c for c, members in enumerate(clusters) for i in members}
    short_groups: dict[tuple[str, ...], int] = {}
    for i in order:
        if i in cluster_of:
            continue
        c = _nearest_cluster(mentions, i, clusters, surname_compatible)
        # a surname of someone named in full only later is not a given name ("Assad ... Asaad Hassan")
        if c is None and not any(surname_compatible(mentions[i].text, mentions[m].text) for m in full):
            candidates = [c for c, members in enumerate(clusters)
                          if any(given_name_compatible(mentions[i].text, mentions[m].text) for m in members)]
            c = candidates[0] if len(candidates) == 1 else None
        if c is None:
            key = core_words(mentions[i].text)
            matched = next((k for k in short_groups if len(k) == len(key) and all(map(same_word, k, key))), None)
            if matched is None:
                clusters.append([])
                short_groups[key] = len(clusters) - 1
                matched = key
            c = short_groups[matched]
        clusters[c].append(i)
        cluster_of[i] = c
    return [sorted(members, key=lambda i: mentions[i].start) for members in clusters if members]


def _nearest_cluster(mentions, i, clusters, compatible) -> int | None:
    """The cluster with a compatible full mention nearest before mention i.

    News introduces a person by full name before using the surname alone. A surname written
    before any full name with it (a headline, a lede: "Lavrov hosts ... Sergei Lavrov said") is the
    one person named in full later, unless several are, or the document names a relative by that
    surname ("Fujimori's son, Kenji ... Kenji Fujimori"): then it stays apart here and the
    cross-document stage decides who it is.

    A short mention with a title ("President Bush") prefers the people given that title in full
    ("US President George W. Bush") over a nearer namesake ("Laura Bush")."""
    here = mentions[i].start
    titles = mentions[i].titles
    best: dict[int, int] = {}  # cluster -> distance to its nearest compatible full mention before
    titled: set[int] = set()
    for c, members in enumerate(clusters):
        for m in members:
            other = mentions[m]
            if other.start > here or not (is_full(other.text) or other.complete) or not compatible(mentions[i].text, other.text):
                continue
            best[c] = min(best.get(c, here), here - other.start)
            if titles & other.titles:
                titled.add(c)
    candidates = titled or best
    if candidates:
        return min(candidates, key=lambda c: (best[c], c))
    surname = core_words(mentions[i].text)[-1:]
    if any(m.kin and core_words(m.text)[-1:] == surname for m in mentions):
        return None  # the document names a family ("Fujimori's son"): a bare surname may be anyone in it
    later = {
        c for c, members in enumerate(clusters)
        if any(
            (is_full(mentions[m].text) or mentions[m].complete) and compatible(mentions[i].text, mentions[m].text)
            for m in members
        )
    }
    return next(iter(later)) if len(later) == 1 else None


def best_name(texts: list[str]) -> str:
    """The full name of a group: most identifying words, then the earliest given."""
    return max(enumerate(texts), key=lambda it: (len(core_words(it[1])), -it[0]))[1]
