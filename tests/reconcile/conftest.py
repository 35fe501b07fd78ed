"""Fixtures for reconciliation tests: DocResults built by hand (no spaCy needed)."""

from __future__ import annotations

import pytest

from claimweave.extract.common import stable_id
from claimweave.models import (
    Agreement,
    Argument,
    Claim,
    DocEntity,
    DocResult,
    DocumentInfo,
    Evidence,
    Expiry,
    Mention,
    Predicate,
    Renewal,
    Role,
    TimeRef,
    Timex,
    TimexAnchor,
)


class DocBuilder:
    """Writes a fake document text as items are added, so every offset reproduces its text."""

    def __init__(self, doc_id: str, *, published: str | None = "2025-08-01", source: str | None = None) -> None:
        self.doc_id = doc_id
        self.published = published
        self.source = source or doc_id
        self.text = ""
        self.entities: dict[tuple[str, str], DocEntity] = {}
        self.roles: list[Role] = []
        self.claims: list[Claim] = []
        self.agreements: list[Agreement] = []
        self.timexes: list[Timex] = []

    def _span(self, text: str) -> tuple[int, int]:
        start = len(self.text) + 1
        self.text += " " + text
        return start, start + len(text)

    def evidence(self, text: str, rule: str = "test") -> Evidence:
        start, end = self._span(text)
        return Evidence(doc_id=self.doc_id, start=start, end=end, text=text, sentence=text, rule=rule)

    def entity(self, name: str, label: str = "PERSON", *, mentions: list[str] | None = None) -> str:
        """Add a DocEntity named ``name`` with the given mention texts (default: the name once)."""
        key = (label, name)
        if key not in self.entities:
            self.entities[key] = DocEntity(id=stable_id("ent", self.doc_id, label, name), label=label, name=name, mentions=[])
        ent = self.entities[key]
        for text in mentions or [name]:
            start, end = self._span(text)
            ent.mentions.append(Mention(doc_id=self.doc_id, start=start, end=end, text=text))
        return ent.id

    def arg(self, name: str, label: str = "PERSON") -> Argument:
        ent_id = self.entity(name, label)
        mention = self.entities[(label, name)].mentions[-1]
        return Argument(text=name, start=mention.start, end=mention.end, entity_id=ent_id)

    def role(self, person: str, title: str, *, qualifier: str | None = None, affiliation: str | None = None, time: str | None = None) -> Role:
        ent_id = self.entity(person)
        role = Role(
            id=stable_id("role", self.doc_id, person, title, len(self.roles)),
            person=person,
            person_entity_id=ent_id,
            title=title,
            title_normalized=title.lower(),
            affiliation=affiliation,
            qualifier=qualifier,
            time=TimeRef(value=time, text=time) if time else None,
            evidence=[self.evidence(f"{title} {person}")],
        )
        self.roles.append(role)
        return role

    def claim(
        self, lemma: str, subject: str | None, obj: str | None = None, *, time: str | None = None,
        mod: str | None = None, modality: str = "asserted", object_label: str = "PERSON", location: str | None = None,
        timex_text: str | None = None, anchor: str = "absolute",
    ) -> Claim:
        time_ref = None
        if time:
            text = timex_text or time
            ev = self.evidence(text, "timex")
            timex = Timex(
                id=stable_id("tx", self.doc_id, ev.start), start=ev.start, end=ev.end, text=text, type="DATE",
                value=time, mod=mod, anchor=TimexAnchor(kind=anchor), resolved="X" not in time, evidence=ev,
            )
            self.timexes.append(timex)
            time_ref = TimeRef(value=time, text=text, timex_id=timex.id, mod=mod)
        claim = Claim(
            id=stable_id("claim", self.doc_id, len(self.claims)),
            predicate=Predicate(lemma=lemma, text=lemma),
            subject=self.arg(subject) if subject else None,
            object=self.arg(obj, object_label) if obj else None,
            location=self.arg(location, "GPE") if location else None,
            time=time_ref,
            modality=modality,
            evidence=[self.evidence(f"{subject} {lemma} {obj}")],
        )
        self.claims.append(claim)
        return claim

    def agreement(
        self, kind: str, parties: list[str], *, asset: str | None = None, signed: list[str] | None = None,
        duration: str | None = None, expires: str | None = None, renewal: str | None = None,
    ) -> Agreement:
        agreement = Agreement(
            id=stable_id("agr", self.doc_id, len(self.agreements)),
            kind=kind,
            text=kind,
            parties=[self.arg(p, "ORG") for p in parties],
            asset=asset,
            signed=signed or [],
            duration=duration,
            expires=Expiry(value=expires, computed=False) if expires else None,
            renewal=Renewal(period=renewal, text=renewal) if renewal else None,
            evidence=[self.evidence(f"{kind} {asset}")],
        )
        self.agreements.append(agreement)
        return agreement

    def build(self) -> DocResult:
        return DocResult(
            document=DocumentInfo(
                id=self.doc_id, path=f"{self.doc_id}.txt", format="txt", source=self.source,
                published=self.published, published_from="front_matter" if self.published else None,
                sha256="0" * 64, body_start=0,
            ),
            entities=list(self.entities.values()),
            timexes=self.timexes,
            roles=self.roles,
            claims=self.claims,
            agreements=self.agreements,
        )


@pytest.fixture
def doc():
    """``doc("id", published=...)`` starts a DocBuilder."""
    return DocBuilder
