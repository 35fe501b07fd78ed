"""Institutions every country has ("Congress", "Parliament"): one entity per country or story.

Linking by name alone would make the US Congress and India's Congress party one entity as soon as
two stories of a run write "Congress". A bare generic institution name is therefore linked per
document, and documents are joined when the country they name most is the same, or, for a
document without one, when they share names enough to be one story (``same_story_names``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from functools import lru_cache
from itertools import combinations

from claimweave.reconcile.names import name_tokens
from claimweave.reconcile.qualified import countries_by_word
from claimweave.reconcile.rules import linkage, name_rules


@lru_cache(maxsize=1)
def generic_names() -> frozenset[tuple[str, ...]]:
    return frozenset(name_tokens(n, family="ORG") for n in name_rules().linking.generic_institutions)


def is_generic(unit) -> bool:
    return unit.family != "PERSON" and unit.tokens in generic_names()


def generic_node(unit) -> Hashable:
    """The node of a generic name: its own document's until joined."""
    return ("doc", unit.doc_id, unit.family, unit.tokens)


def link_generic(units: list, node_of: dict[int, Hashable], linker) -> None:
    """Join the per-document nodes of one generic name across documents of one country or story."""
    counts: dict[str, Counter] = defaultdict(Counter)
    names: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for unit in units:
        names[unit.doc_id].add(unit.tokens)
        if unit.entity.label in ("GPE", "LOC", "NORP") and (c := countries_by_word().get(unit.tokens)):
            counts[unit.doc_id][c] += len(unit.entity.mentions)
    # A document's country is the one it names most (a story from Delhi that mentions Washington
    # once is about India's Congress); a tie gives none, and the document is placed by its story.
    countries: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for doc_id, counter in counts.items():
        top = counter.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            countries[doc_id].add(top[0][0])
    by_name: dict[tuple, dict[str, int]] = defaultdict(dict)
    for i, unit in enumerate(units):
        if i in node_of and is_generic(unit):
            by_name[(unit.family, unit.tokens)].setdefault(unit.doc_id, i)
    least = name_rules().linking.same_story_names
    for (family, tokens), docs in sorted(by_name.items()):
        # One country named in both documents: the same country's institution.
        by_country: dict[tuple[str, ...], list[str]] = defaultdict(list)
        for doc_id in sorted(docs):
            for country in countries[doc_id]:
                by_country[country].append(doc_id)
        for country, members in sorted(by_country.items()):
            for doc_id in members[1:]:
                linker.union(node_of[docs[members[0]]], node_of[docs[doc_id]], "generic_same_country", 1.0)
        # Documents that name no country join a document of the same story (compared pairwise
        # only in groups small enough; a name in thousands of documents stays per country).
        if len(docs) > linkage().max_block:
            continue
        for a, b in combinations(sorted(docs), 2):
            if countries[a] and countries[b]:
                continue
            if len((names[a] & names[b]) - {tokens}) >= least:
                linker.union(node_of[docs[a]], node_of[docs[b]], "generic_same_story", 1.0)
