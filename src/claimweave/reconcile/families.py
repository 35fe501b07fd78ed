"""Joining reports of one occasion told with verbs of different event classes.

Sources tell one raid as "troops stormed the residence", "the hostages were freed" and "all the
rebels were killed": claims whose classes are one family (``class_families`` in
``patterns/reconcile/linkage.json``) and that are dated to the same day join on strong shared
evidence (two names that are not countries, one described actor or place and a name, or within one
report one name), and a report of one source joins the only event of its family, day and story that
several sources tell. Many such events happen on one day, hence the guards; the joins go through
``WeakJoins``, so they never make a conflict.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from functools import lru_cache
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from claimweave.reconcile.context import ContextIndex
from claimweave.reconcile.entities import EntityIndex, family_of
from claimweave.reconcile.rules import linkage
from claimweave.reconcile.timevalues import TimeSpan, parse_time

if TYPE_CHECKING:
    from claimweave.reconcile.claims import Member, WeakJoins

#: Time mods that still name one occasion (a part of the period, or about it), unlike "since X".
OCCASION_MODS = frozenset({None, "START", "MID", "END", "APPROX"})


def _day_groups(members: list[Member]) -> dict[tuple, list[int]]:
    """The claims of a class family dated to one day (an occasion, not "since" it), by (family,
    polarity, day)."""
    family = {cls: name for name, classes in linkage().class_families.items() for cls in classes}
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        span = parse_time(m.time)
        if m.event_class in family and isinstance(span, TimeSpan) and span.days == 1 and m.claim.time.mod in OCCASION_MODS:
            groups[(family[m.event_class], m.polarity, m.time)].append(i)
    return groups


def join_family(members: list[Member], persons: set[str], linker: WeakJoins, countries: set[str] = frozenset()) -> None:
    """Union claims whose classes are one family (``class_families``: a raid is told as "troops
    stormed", "hostages were freed", "rebels were killed") dated to the same day, on strong shared
    evidence only: many such events happen on one day, so it takes two names in common that are not
    countries, the same description of an actor of two or more words ("Peruvian troops") or the same
    phrase of three content words in both sentences ("the Japanese ambassador's residence") and a
    name in common ("security forces" act in many countries each day), or, within one report, one
    name that is not a country."""
    rules = linkage()
    groups = _day_groups(members)
    for key in sorted(groups):
        block = groups[key]
        if len(block) > rules.max_block:
            continue
        for n, i in enumerate(block):
            for j in block[n + 1:]:
                a, b = members[i], members[j]
                pa, pb = a.entities & persons, b.entities & persons
                if pa and pb and not pa & pb:
                    continue
                strong, weak = shared_names(a, b, countries)
                described = (strong or weak) and (_described(a) & _described(b) or _phrases(a) & _phrases(b))
                if strong >= 2 or (strong and a.doc_id == b.doc_id) or described:
                    linker.union(i, j, "same_day_event_family", 1.0)


_WORD = re.compile(r"[^\W\d_][\w'’-]*")


@lru_cache(maxsize=4096)
def _sentence_phrases(sentence: str) -> frozenset[tuple[str, ...]]:
    """The runs of three content words of a sentence (no stop words, numbers, weekdays, months or
    words of attribution: "a police source told AFP" is in reports of any event)."""
    skip = _calendar_words() | frozenset(linkage().reporting_words)
    words = [w.casefold() for w in _WORD.findall(sentence)]
    content = [w if w not in STOP_WORDS and w not in skip else None for w in words]
    return frozenset(tuple(content[k:k + 3]) for k in range(len(content) - 2) if None not in content[k:k + 3])


def _phrases(member: Member) -> frozenset[tuple[str, ...]]:
    return _sentence_phrases(member.claim.evidence[0].sentence) if member.claim.evidence else frozenset()


@lru_cache(maxsize=1)
def _calendar_words() -> frozenset[str]:
    days = [dt.date(2024, 1, d).strftime("%A") for d in range(1, 8)]
    months = [dt.date(2024, m, 1).strftime("%B") for m in range(1, 13)]
    return frozenset(w.casefold() for w in days + months)


def join_story_event(
    members: list[Member], persons: set[str], linker: WeakJoins, countries: set[str], places: set[str],
    contexts: ContextIndex,
) -> None:
    """A report of one source joins the event of its class family, told by several sources on the
    same day, in documents of its story ("two soldiers died Tuesday in the attack" in a story about
    the raid several reports tell) when that event is the only one that fits: two such events that
    day in the story, or sentences naming different places, leave it alone."""
    groups = _day_groups(members)
    names = {m.doc_id: contexts.names(m.doc_id) - countries for m in members}
    for key in sorted(groups):
        joined = True
        while joined:  # a report that joins brings its document's story to the event
            joined = False
            events: dict[int, list[int]] = defaultdict(list)
            for i in groups[key]:
                events[linker.linker.find(i)].append(i)
            told = {root: group for root, group in events.items() if len({members[i].doc_id for i in group}) >= 2}
            for root, group in sorted(events.items()):
                if root in told:
                    continue
                fits = [other for other, event in told.items() if _fits_story(group, event, members, persons, places, names)]
                if len(fits) == 1 and linker.union(group[0], told[fits[0]][0], "only_event_of_story", 1.0):
                    joined = True
                    break


def _fits_story(
    group: list[int], event: list[int], members: list[Member], persons: set[str], places: set[str],
    names: dict[str, frozenset[str]],
) -> bool:
    least = linkage().story_names
    docs = {members[i].doc_id for i in group}
    if not any(len(names[d] & names[members[k].doc_id]) >= least for d in docs for k in event):
        return False
    mine = {e for i in group for e in members[i].entities | members[i].context}
    theirs = {e for k in event for e in members[k].entities | members[k].context}
    if mine & places and theirs & places and not mine & theirs & places:
        return False  # an attack in one town is not an attack in another
    # Different people as actors: one more guard, as in every block (Putin meeting X is not meeting Y).
    actors_mine = {e for i in group for e in members[i].entities} & persons
    actors_theirs = {e for k in event for e in members[k].entities} & persons
    return not (actors_mine and actors_theirs and not actors_mine & actors_theirs)


def places_of(index: EntityIndex, countries: set[str]) -> set[str]:
    """Linked places that are not countries (towns, regions, buildings)."""
    return {e.id for e in index.entities if family_of(e.label) == "PLACE" and e.id not in countries}


def _described(member: Member) -> set[str]:
    """The actors a claim names only by a description of two or more words ("Peruvian troops")."""
    return {k for k in (member.subject, member.object) if k and k.startswith("text:") and len(k.split()) >= 2}


def shared_names(a: Member, b: Member, countries: set[str]) -> tuple[int, int]:
    """How many names two reports have in common (in their arguments or their sentences), as
    (names that are not countries, countries). Without a shared precise date one name is only a
    block, not evidence ("Clinton met X" is not every other meeting of Clinton's that month), and a
    country counts half: "US" and "Japan" are named in much of a day's news."""
    shared = (a.entities | a.context) & (b.entities | b.context)
    return len(shared - countries), len(shared & countries)
