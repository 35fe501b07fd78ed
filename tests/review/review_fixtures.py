"""A fixture OUTDIR for the review tests: small hand-written articles and a reconciled record built
from the pydantic models, with real offsets into the article texts."""

from __future__ import annotations

import hashlib
from pathlib import Path

from claimweave.extract.common import stable_id
from claimweave.models import (
    ClaimsFile,
    Conflict,
    ConflictValue,
    DocEntity,
    DocResult,
    DocumentInfo,
    EntitiesFile,
    Entity,
    Evidence,
    Mention,
    ReconciledAgreement,
    ReconciledClaim,
    ReconciledRole,
    Timex,
    TimexAnchor,
)
from claimweave.writers import write_json, write_text_atomic

TEXT_A = """---
id: harbour-a
title: Port deal signed
published: 2025-03-04
source: Coastline Wire
---
The transport minister of Veloria, Mara Quint, signed a lease for the port of Tessel on Monday.
Officials said the lease runs for 25 years.
Opposition leader Davor Rusk criticised the agreement, according to local radio.
"""

TEXT_B = """---
id: harbour-b
published: 2025-03-05
source: Bay Courier
---
Mara Quint signed the Tessel port lease on March 3, the ministry said.
Rusk called the deal "a quiet sale of our coast <script>alert('x')</script>" & walked out.
The lease runs for 30 years, according to the ministry.
"""

TEXT_C = "Veloria's navy will patrol the Tessel harbour from June, a spokesperson said.\n"

TEXTS = {"harbour-a": TEXT_A, "harbour-b": TEXT_B, "feed-1": TEXT_C}


def ev(doc_id: str, needle: str, rule: str, occurrence: int = 0) -> Evidence:
    """Evidence for the ``occurrence``-th ``needle`` of a fixture text, with its line as sentence."""
    text = TEXTS[doc_id]
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(needle, start + 1)
    end = start + len(needle)
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return Evidence(doc_id=doc_id, start=start, end=end, text=needle, sentence=text[line_start:line_end], rule=rule)


def mention(doc_id: str, needle: str, occurrence: int = 0) -> Mention:
    e = ev(doc_id, needle, "ner", occurrence)
    return Mention(doc_id=doc_id, start=e.start, end=e.end, text=e.text)


def build_claims() -> ClaimsFile:
    sign = ReconciledClaim(
        id=stable_id("C", "sign", "Mara Quint", "lease"),
        predicate="sign",
        subject="Mara Quint",
        subject_entity_id=stable_id("E", "PERSON", "mara quint"),
        object="a lease for the port of Tessel",
        time="2025-03-03",
        modality="asserted",
        members=["c_a_sign", "c_b_sign"],
        sources=["harbour-a", "harbour-b"],
        evidence=[
            ev("harbour-a", "Mara Quint, signed a lease for the port of Tessel on Monday", "claims.svo"),
            ev("harbour-b", "Mara Quint signed the Tessel port lease on March 3", "claims.svo"),
        ],
        status="corroborated",
    )
    criticise = ReconciledClaim(
        id=stable_id("C", "criticise", "Davor Rusk"),
        predicate="criticise",
        subject="Davor Rusk",
        object="the agreement",
        modality="reported",
        attribution=["local radio"],
        members=["c_a_criticise"],
        sources=["harbour-a"],
        evidence=[ev("harbour-a", "Davor Rusk criticised the agreement", "claims.svo")],
        status="single_source",
    )
    call = ReconciledClaim(
        id=stable_id("C", "call", "Rusk"),
        predicate="call",
        subject="Rusk",
        object="the deal",
        modality="asserted",
        members=["c_b_call"],
        sources=["harbour-b"],
        evidence=[ev("harbour-b", "Rusk called the deal \"a quiet sale of our coast <script>alert('x')</script>\"", "quotes.call")],
        status="single_source",
    )
    patrol = ReconciledClaim(
        id=stable_id("C", "patrol", "Veloria's navy"),
        predicate="patrol",
        subject="Veloria's navy",
        location="the Tessel harbour",
        time="2025-06",
        modality="planned",
        attribution=["a spokesperson"],
        members=["c_c_patrol"],
        sources=["feed-1"],
        evidence=[ev("feed-1", "Veloria's navy will patrol the Tessel harbour from June", "claims.future")],
        status="single_source",
    )
    minister = ReconciledRole(
        id=stable_id("R", "Mara Quint", "transport minister"),
        person="Mara Quint",
        entity_id=stable_id("E", "PERSON", "mara quint"),
        title_normalized="transport minister",
        affiliation="Veloria",
        members=["r_a_quint"],
        sources=["harbour-a"],
        evidence=[ev("harbour-a", "The transport minister of Veloria, Mara Quint", "roles.title_of_gpe")],
        status="single_source",
    )
    leader = ReconciledRole(
        id=stable_id("R", "Davor Rusk", "opposition leader"),
        person="Davor Rusk",
        title_normalized="opposition leader",
        members=["r_a_rusk"],
        sources=["harbour-a"],
        evidence=[ev("harbour-a", "Opposition leader Davor Rusk", "roles.title_before_name")],
        status="single_source",
    )
    lease = ReconciledAgreement(
        id=stable_id("A", "lease", "port of Tessel"),
        kind="lease",
        parties=["Veloria"],
        asset="port of Tessel",
        signed=["2025-03-03"],
        duration="P25Y",
        status_value="signed",
        members=["a_a_lease", "a_b_lease"],
        sources=["harbour-a", "harbour-b"],
        evidence=[
            ev("harbour-a", "a lease for the port of Tessel", "agreements.lease"),
            ev("harbour-b", "Tessel port lease", "agreements.lease"),
            ev("harbour-b", "The lease runs for 30 years", "agreements.duration"),
        ],
        status="conflicting",
        conflicts=[
            Conflict(field="duration", values=[ConflictValue(value="P25Y", sources=["harbour-a"]), ConflictValue(value="P30Y", sources=["harbour-b"])])
        ],
    )
    return ClaimsFile(claims=[sign, criticise, call, patrol], roles=[minister, leader], agreements=[lease])


def build_entities() -> EntitiesFile:
    people = [
        ("PERSON", "Mara Quint", [mention("harbour-a", "Mara Quint"), mention("harbour-b", "Mara Quint")]),
        ("PERSON", "Davor Rusk", [mention("harbour-a", "Davor Rusk"), mention("harbour-b", "Rusk")]),
        ("GPE", "Veloria", [mention("harbour-a", "Veloria"), mention("feed-1", "Veloria")]),
    ]
    return EntitiesFile(
        entities=[
            Entity(
                id=stable_id("E", label, name.lower()),
                label=label,
                name=name,
                aliases=sorted({m.text for m in mentions}),
                mentions=mentions,
                sources=sorted({m.doc_id for m in mentions}),
            )
            for label, name, mentions in people
        ]
    )


def build_documents(corpus: Path) -> list[DocResult]:
    results = []
    entities = build_entities().entities
    for doc_id, text in TEXTS.items():
        jsonl = doc_id == "feed-1"
        body_start = text.index("---\n", 4) + 4 if text.startswith("---") else 0
        info = DocumentInfo(
            id=doc_id,
            path=str(corpus / ("feed.jsonl" if jsonl else f"{doc_id}.txt")),
            format="jsonl" if jsonl else "txt",
            line=1 if jsonl else None,
            published={"harbour-a": "2025-03-04", "harbour-b": "2025-03-05"}.get(doc_id),
            sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
            text_path="texts/feed-1.txt" if jsonl else None,
            body_start=body_start,
            masked=[(0, body_start)] if body_start else [],
        )
        doc_entities = [
            DocEntity(id=e.id, label=e.label, name=e.name, mentions=[m for m in e.mentions if m.doc_id == doc_id])
            for e in entities
            if any(m.doc_id == doc_id for m in e.mentions)
        ]
        timexes = []
        if doc_id == "harbour-a":
            monday = ev(doc_id, "Monday", "timex.weekday")
            timexes.append(
                Timex(
                    id=stable_id("T", doc_id, monday.start), start=monday.start, end=monday.end, text="Monday",
                    type="DATE", value="2025-03-03", anchor=TimexAnchor(kind="publication", value="2025-03-04"),
                    resolved=True, evidence=monday,
                )
            )
        results.append(DocResult(document=info, entities=doc_entities, timexes=timexes))
    return results


def write_outdir(root: Path) -> Path:
    """A complete OUTDIR as `claimweave run` writes it, plus the corpus files its offsets refer to."""
    corpus, outdir = root / "corpus", root / "out"
    for doc_id, text in TEXTS.items():
        if doc_id != "feed-1":
            write_text_atomic(corpus / f"{doc_id}.txt", text)
    write_text_atomic(outdir / "texts" / "feed-1.txt", TEXT_C)
    for result in build_documents(corpus):
        write_json(outdir / "documents" / f"{result.document.id}.json", result)
    write_json(outdir / "entities.json", build_entities())
    write_json(outdir / "claims.json", build_claims())
    return outdir
