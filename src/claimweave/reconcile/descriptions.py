"""Resolving descriptions ("Syria's foreign minister") to the one person who holds that office.

Sources often name a person only by office. After roles are reconciled, a description that
contains a current title resolves to its holder when exactly one person in the run holds that
title with a matching affiliation (or, with no affiliation in the description, when one person
holds it at all).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from claimweave.models import ReconciledRole
from claimweave.reconcile.entities import affiliation_key
from claimweave.reconcile.names import ascii_fold, fold_token
from claimweave.reconcile.roles import core_title


@dataclass
class DescriptionIndex:
    """Current office -> (entity id, affiliation key) of each holder."""

    holders: dict[str, set[tuple[str, str | None]]] = field(default_factory=dict)

    @classmethod
    def of(cls, roles: list[ReconciledRole]) -> DescriptionIndex:
        holders: dict[str, set[tuple[str, str | None]]] = defaultdict(set)
        for role in roles:
            if role.entity_id and role.qualifier != "former" and not any(c.field == "title_normalized" for c in role.conflicts):
                aff = affiliation_key(role.affiliation) if role.affiliation else None
                holders[core_title(role.title_normalized)].add((role.entity_id, aff))
        return cls(dict(holders))

    def resolve(self, text: str) -> str | None:
        """The entity a description denotes, or None when it names no office or several holders."""
        words = re.findall(r"[a-z]+", ascii_fold(text).replace("'s", ""))
        phrase = f" {' '.join(words)} "
        titles = [t for t in self.holders if f" {t} " in phrase]
        if not titles:
            return None
        title = max(titles, key=lambda t: (len(t.split()), t))
        prefixes = {fold_token(w)[:4] for w in words}
        holders = self.holders[title]
        named = {e for e, aff in holders if aff and aff in prefixes}
        if len(named) == 1:
            return next(iter(named))
        if named:
            return None
        # A capitalized word beside the title ("Turkey's health minister") may be an affiliation we
        # cannot check: then only a holder with that affiliation will do.
        title_words = set(title.split())
        named_words = [w for w in re.findall(r"[^\W\d_]+", text) if w[0].isupper() and ascii_fold(w) not in title_words]
        people = {e for e, _ in holders}
        return next(iter(people)) if len(people) == 1 and not named_words else None
