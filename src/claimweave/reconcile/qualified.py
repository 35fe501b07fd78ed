"""Organisation names written with and without a qualifier: "the Peruvian Supreme Court" / "Supreme Court".

A story names an institution once with its country ("the Peruvian Supreme Court") and elsewhere
without it ("Supreme Court"). Without the qualifier the name is generic (every country has a
supreme court), so the two are joined only when nothing else could be meant: the run holds no
other qualified form of the name, and every document that writes it bare mentions that country
(or, for a qualifier that is not a nationality such as "International", belongs to the same
story as a document with the qualified name: they share names).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable
from functools import lru_cache

from claimweave.reconcile.names import name_tokens
from claimweave.reconcile.rules import linkage, name_rules, nationalities


@lru_cache(maxsize=1)
def countries_by_word() -> dict[tuple[str, ...], tuple[str, ...]]:
    """Folded nationality word or country name -> folded country name."""
    table = nationalities()
    out = {name_tokens(k, family="PLACE"): name_tokens(v, family="PLACE") for k, v in table.items()}
    out.update({name_tokens(v, family="PLACE"): name_tokens(v, family="PLACE") for v in table.values()})
    return out


def _qualifier(unit) -> tuple[str, ...] | None:
    """The country of a leading nationality word, ``("*",)`` for another qualifier word, else None."""
    words = unit.display.split()
    if len(words) < 3:
        return None
    first = name_tokens(words[0], family="PLACE")
    if first in countries_by_word():
        return countries_by_word()[first]
    if words[0].casefold() in name_rules().linking.org_qualifiers:
        return ("*",)
    return None


def link_qualified(units: list, node_of: dict[int, Hashable], linker) -> None:
    """Join a bare generic organisation name to its only qualified form in the run (see module doc)."""
    names = [i for i, u in enumerate(units) if u.family != "PERSON" and i in node_of]
    by_tokens: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in names:
        by_tokens[units[i].tokens].append(i)
    qualified: dict[tuple[str, ...], dict[tuple[str, ...], list[int]]] = defaultdict(lambda: defaultdict(list))
    for i in names:
        unit = units[i]
        if unit.entity.label != "ORG" or (country := _qualifier(unit)) is None:
            continue
        bare = unit.tokens[1:]
        if len(bare) >= 2 and bare in by_tokens:
            qualified[bare][country].append(i)
    if not qualified:
        return
    countries_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    names_of: dict[str, set[tuple[str, ...]]] = defaultdict(set)
    for unit in units:
        names_of[unit.doc_id].add(unit.tokens)
        if unit.entity.label in ("GPE", "NORP") and (c := countries_by_word().get(name_tokens(unit.entity.name, family="PLACE"))):
            countries_of[unit.doc_id].add(c)
    least = name_rules().linking.same_story_names
    for bare, forms in sorted(qualified.items()):
        if len(forms) != 1:
            continue  # "Peruvian" and "Chilean Supreme Court": a bare one could be either
        (country, members), = forms.items()
        bare_docs = {units[i].doc_id for i in by_tokens[bare]}
        qualified_docs = {units[i].doc_id for i in members}
        if country == ("*",) and max(len(bare_docs), len(qualified_docs)) > linkage().max_block:
            continue  # compared pairwise only in groups small enough: cost stays near linear
        if country == ("*",):
            fits = all(
                any(len((names_of[d] & names_of[q]) - {bare, units[members[0]].tokens}) >= least for q in qualified_docs - {d})
                or d in qualified_docs
                for d in bare_docs
            )
        else:
            fits = all(country in countries_of[d] for d in bare_docs)
        if fits:
            i = min(by_tokens[bare], key=lambda i: units[i].entity.id)
            for j in members:
                linker.union(node_of[j], node_of[i], "qualified_name", 1.0)
