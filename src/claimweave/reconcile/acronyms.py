"""Acronyms and the names they stand for: defined beside the name in a document, or by initials.

News defines an acronym once, in brackets right after the name ("the Social Democratic Party
(SDP)", "Croatian Democratic Union (HDZ)"), then uses the acronym alone, in that document and in
the other documents of the story. The letters need not be the English initials (HDZ abbreviates
the Croatian name), so a definition is recognised by position, not by spelling. Without any
definition in the run, an acronym is linked to the one name whose initials it spells
("WHO" / "World Health Organization"), and only when one name does.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Hashable
from dataclasses import dataclass

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
_WORD = re.compile(r"[^\W\d_]+")
_MINOR = frozenset({"of", "the", "and", "for", "de", "du", "des", "la", "le", "del", "y", "et", "on", "in", "to"})
_BRACKET = 2  # " (" between the name and the acronym
DEFINED = "entities.acronym_defined"


@dataclass(frozen=True)
class Definition:
    """An acronym unit defined beside a name unit of the same document."""

    acronym: int
    name: int


def is_acronym(name: str) -> bool:
    """An all-capital short name: ``SDP``, ``MRTA``, ``AT&T``."""
    return bool(_ACRONYM.match(name.strip()))


def initials(name: str) -> str:
    """The capital initials of a name's words, minor words left out (``Agence France-Presse`` -> ``AFP``)."""
    words = [w for w in _WORD.findall(name) if w.casefold() not in _MINOR]
    return "".join(w[0] for w in words).upper()


def definitions(units: list) -> list[Definition]:
    """Acronyms written in brackets right after a multi-word name in the same document.

    ``units`` are linking units (with ``doc_id``, ``family``, ``tokens`` and ``entity``); the
    acronym's entity carries the rule ``entities.acronym_defined`` when its document wrote the
    brackets (the per-document stage sees the text, reconciliation does not)."""
    by_doc: dict[str, list[int]] = defaultdict(list)
    for i, unit in enumerate(units):
        if unit.family != "PERSON":
            by_doc[unit.doc_id].append(i)
    found = []
    for members in by_doc.values():
        ends: dict[int, int] = {}
        for i in members:
            if len(units[i].tokens) > 1 and not is_acronym(units[i].entity.name):
                for m in units[i].entity.mentions:
                    ends.setdefault(m.end + _BRACKET, i)
        for i in members:
            if not is_acronym(units[i].entity.name):
                continue
            if units[i].entity.rule != DEFINED:
                continue  # the brackets were not seen: "South Africa, UN envoy" is no definition
            named = {ends[m.start] for m in units[i].entity.mentions if m.start in ends}
            if len(named) == 1:
                found.append(Definition(i, named.pop()))
    return found


def link_acronyms(units: list, node_of: dict[int, Hashable], linker) -> None:
    """Join acronyms to their names in ``linker``, recording the rule and score of each union.

    An acronym defined for one entity across the run joins it everywhere; defined for several (one
    acronym, two parties in two countries), only where it is defined. An acronym defined nowhere
    joins the one entity whose name's initials it spells, if only one does."""
    found = definitions(units)
    meaning: dict[tuple[str, ...], set[Hashable]] = defaultdict(set)
    for d in found:
        meaning[units[d.acronym].tokens].add(linker.find(node_of[d.name]))
    for d in found:
        acronym, name = units[d.acronym], units[d.name]
        if len(meaning[acronym.tokens]) > 1:
            node = ("doc", acronym.doc_id, acronym.family, acronym.tokens)
            linker.add(node)
            node_of[d.acronym] = node
        linker.union(node_of[d.acronym], node_of[d.name], "acronym_defined", 1.0)
    spelled: dict[str, set[Hashable]] = defaultdict(set)
    for i, unit in enumerate(units):
        if unit.family != "PERSON" and len(unit.tokens) > 1 and not is_acronym(unit.entity.name):
            spelled[initials(unit.entity.name)].add(linker.find(node_of[i]))
    for i, unit in enumerate(units):
        if unit.family == "PERSON" or not is_acronym(unit.entity.name) or unit.tokens in meaning:
            continue
        roots = spelled.get(unit.entity.name.replace("&", ""), set())
        if len(roots) == 1:
            linker.union(node_of[i], next(iter(roots)), "acronym_initials", 1.0)
