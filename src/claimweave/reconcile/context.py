"""What a claim's sentence says about the event's actors, beyond its linked arguments.

Sources often name an event's actors only by description ("a Syrian delegation held talks", "the
Russian side") while the same sentence names people and places that are linked entities. The
context of a claim is every linked entity mentioned in its sentence, plus the country of each
nationality adjective in it ("Syrian" -> Syria, from ``patterns/roles/nationalities.json``). Two
claims of one event class on the same day that share context are evidence of one event.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from claimweave.models import Claim, DocResult
from claimweave.reconcile.entities import EntityIndex, family_of
from claimweave.reconcile.names import name_tokens
from claimweave.reconcile.rules import nationalities


@lru_cache(maxsize=None)
def _nationality_pattern() -> re.Pattern:
    words = sorted(nationalities(), key=lambda w: (-len(w), w))
    # Case-sensitive and whole-word: "US" the country, never "us" the pronoun.
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


def nationality_countries(sentence: str) -> list[str]:
    """The countries the nationality adjectives of a sentence point to, in order of appearance."""
    table = nationalities()
    return [table[m.group(1)] for m in _nationality_pattern().finditer(sentence)]


@dataclass
class ContextIndex:
    """Per document, its mentions (sorted by offset) with their linked entity; country name -> entity."""

    mentions: dict[str, tuple[list[int], list[tuple[int, str, str]]]]
    countries: dict[tuple[str, ...], str]
    #: A nationality entity ("Peruvian") -> its country's entity ("Peru"): one actor, not two.
    demonyms: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, results: list[DocResult], index: EntityIndex) -> ContextIndex:
        mentions = {}
        for result in results:
            doc_id = result.document.id
            rows = sorted(
                (m.start, m.text, entity)
                for e in result.entities
                if (entity := index.resolve(doc_id, entity_id=e.id)) is not None
                for m in e.mentions
            )
            mentions[doc_id] = ([r[0] for r in rows], rows)
        places: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for e in index.entities:
            if family_of(e.label) in ("PLACE", "NORP"):
                for alias in (e.name, *e.aliases):
                    places[name_tokens(alias, family="PLACE")].add(e.id)
        countries = {k: next(iter(v)) for k, v in places.items() if len(v) == 1 and k}
        table = nationalities()
        demonyms = {
            e.id: country
            for e in index.entities
            if family_of(e.label) == "NORP" and e.name in table
            and (country := countries.get(name_tokens(table[e.name], family="PLACE"))) not in (None, e.id)
        }
        return cls(mentions, countries, demonyms)

    def entities(self, doc_id: str, claim: Claim) -> frozenset[str]:
        """The linked entities named in the claim's sentence, and the countries of its nationality words."""
        if not claim.evidence:
            return frozenset()
        sentence = claim.evidence[0].sentence
        # The sentence is whitespace-normalized, so its offsets are not known: a mention counts when
        # its text is in the sentence and it lies no further from the claim than the sentence is long.
        lo = min(e.start for e in claim.evidence) - len(sentence)
        hi = max(e.end for e in claim.evidence) + len(sentence)
        starts, rows = self.mentions.get(doc_id, ([], []))
        found = set()
        for start, text, entity in rows[bisect_left(starts, lo):]:
            if start > hi:
                break
            if " ".join(text.split()) in sentence:
                found.add(self.demonyms.get(entity, entity))
        for country in nationality_countries(sentence):
            if (entity := self.countries.get(name_tokens(country, family="PLACE"))) is not None:
                found.add(entity)
        return frozenset(found)

    def names(self, doc_id: str) -> frozenset[str]:
        """Every linked entity a document names (a nationality word counts as its country)."""
        _, rows = self.mentions.get(doc_id, ([], []))
        return frozenset(self.demonyms.get(entity, entity) for _, _, entity in rows)
