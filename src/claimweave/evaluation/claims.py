"""Scoring claims against hand-written gold: dated-claim, attribution and hedging recall, precision.

A gold file (JSONL) lists, per document, the claims a reader finds: an ``anchor`` (text of the
document containing the predicate), the predicate ``lemma`` (alternatives joined by ``|``), the
``subject``, the ``time`` value, the attribution ``source`` and the ``modality``; ``"*"`` accepts
any value and ``optional`` rows are neither required nor counted against the system. Gold is
exhaustive for what it annotates, so a system claim matching no gold row is a wrong claim.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from claimweave.errors import InputError
from claimweave.models import Claim, Modality, Timex, TimexAnchor

ANY = "*"


class GoldClaim(BaseModel):
    """One gold claim line."""

    model_config = ConfigDict(extra="forbid")

    doc: str
    anchor: str
    lemma: str
    subject: str | None = None
    time: str | None = None
    source: str | None = None
    modality: Modality | str = ANY
    optional: bool = False

    @property
    def lemmas(self) -> set[str]:
        return {lemma.casefold() for lemma in self.lemma.split("|")}


def load_gold(path: Path) -> list[GoldClaim]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(GoldClaim.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as err:
            raise InputError(f"{path}:{number}", str(err).splitlines()[0]) from err
    return rows


def time_ok(gold: str | None, claim: Claim) -> bool:
    value = claim.time.value if claim.time else None
    if gold == ANY:
        return True
    if gold is None or value is None:
        return gold == value
    # Equivalent values are listed with "|"; a more precise system value ("1998-02-12TEV" for
    # "1998-02-12") is the same date.
    return any(value == g or value.startswith(g + "T") for g in gold.split("|"))


def source_ok(gold: str | None, claim: Claim) -> bool:
    source = claim.attribution.source if claim.attribution else None
    if gold == ANY:
        return True
    if gold is None or source is None:
        return gold == source
    return gold.casefold() in source.casefold() or source.casefold().split()[-1] in gold.casefold()


def modality_ok(gold: str, claim: Claim) -> bool:
    return gold == ANY or gold == claim.modality


@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += int(ok)
        self.total += 1

    @property
    def value(self) -> float:
        return self.hit / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.value:.3f} ({self.hit}/{self.total})"


@dataclass
class ClaimScores:
    documents: int = 0
    claim_recall: Ratio = field(default_factory=Ratio)
    dated_recall: Ratio = field(default_factory=Ratio)
    attribution_recall: Ratio = field(default_factory=Ratio)
    hedging_recall: Ratio = field(default_factory=Ratio)
    modality_recall: Ratio = field(default_factory=Ratio)
    precision: Ratio = field(default_factory=Ratio)
    errors: list[str] = field(default_factory=list)

    def report_lines(self) -> list[str]:
        return [
            f"documents:           {self.documents}",
            f"dated-claim recall:  {self.dated_recall}",
            f"attribution recall:  {self.attribution_recall}",
            f"hedging recall:      {self.hedging_recall}",
            f"modality recall:     {self.modality_recall}",
            f"claim recall:        {self.claim_recall}",
            f"precision:           {self.precision}",
        ]


def _locate(text: str, anchor: str, where: str) -> tuple[int, int]:
    start = text.find(anchor)
    if start < 0:
        raise InputError(where, f"gold anchor not in the text: {anchor!r}")
    return start, start + len(anchor)


def _describe(claim: Claim) -> str:
    time = claim.time.value if claim.time else None
    source = claim.attribution.source if claim.attribution else None
    subject = claim.subject.text if claim.subject else None
    return f"{claim.predicate.lemma}({subject}) time={time} source={source} modality={claim.modality}"


def score_document(text: str, claims: list[Claim], gold: list[GoldClaim], scores: ClaimScores, doc_id: str) -> None:
    """Match one document's claims to its gold rows and add to ``scores``."""
    located = [(g, *_locate(text, g.anchor, doc_id)) for g in gold]
    used: set[str] = set()
    matched: dict[str, GoldClaim] = {}
    for row, start, end in located:
        pred = next(
            (
                c
                for c in claims
                if c.id not in used
                and c.predicate.start is not None
                and start <= c.predicate.start
                and c.predicate.end <= end
                and (c.predicate.lemma in row.lemmas or c.predicate.text.casefold() in row.lemmas)
            ),
            None,
        )
        if pred is not None:
            used.add(pred.id)
            matched[pred.id] = row
        if row.optional:
            # An optional row marks a stretch nobody is held to: every claim in it is let through.
            for claim in claims:
                if claim.id not in used and _inside(claim, start, end) and _lemma_ok(claim, row):
                    used.add(claim.id)
                    matched[claim.id] = row
            continue
        scores.claim_recall.add(pred is not None)
        if pred is None:
            scores.errors.append(f"{doc_id}: missed {row.lemma!r} in {row.anchor!r}")
        if row.time not in (None, ANY):
            scores.dated_recall.add(pred is not None and time_ok(row.time, pred))
        if row.source not in (None, ANY):
            scores.attribution_recall.add(pred is not None and source_ok(row.source, pred))
        if row.modality == "hedged":
            scores.hedging_recall.add(pred is not None and pred.modality == "hedged")
        if row.modality != ANY:
            scores.modality_recall.add(pred is not None and pred.modality == row.modality)
    for claim in claims:
        row = matched.get(claim.id)
        ok = row is not None and time_ok(row.time, claim) and source_ok(row.source, claim) and modality_ok(row.modality, claim)
        scores.precision.add(ok)
        if not ok:
            why = "not in gold" if row is None else f"gold time={row.time} source={row.source} modality={row.modality}"
            scores.errors.append(f"{doc_id}: wrong {_describe(claim)} [{why}] :: {claim.evidence[0].text!r}")


def _inside(claim: Claim, start: int, end: int) -> bool:
    return claim.predicate.start is not None and start <= claim.predicate.start and claim.predicate.end <= end


def _lemma_ok(claim: Claim, row: GoldClaim) -> bool:
    return claim.predicate.lemma in row.lemmas or claim.predicate.text.casefold() in row.lemmas


def gold_timexes(path: Path) -> dict[str, list[Timex]]:
    """TimeBank TIMEX3 gold (``gold.jsonl`` of ``../shared/data/timebank``) as Timex objects, by doc id.

    Used to measure how claims are dated independently of the time component's own errors.
    """
    from claimweave.extract.common import stable_id
    from claimweave.models import Evidence

    result: dict[str, list[Timex]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        offset = record.get("body_offset", 0)
        items = []
        for t in record["timexes"]:
            start, end = t["start"] + offset, t["end"] + offset
            ev = Evidence(doc_id=record["id"], start=start, end=end, text=t["text"], sentence=t["text"], rule="gold")
            items.append(
                Timex(
                    id=stable_id("timex", record["id"], start, end),
                    start=start,
                    end=end,
                    text=t["text"],
                    type=t["type"],
                    value=t["value"],
                    mod=t.get("mod"),
                    anchor=TimexAnchor(kind="absolute"),
                    resolved="X" not in t["value"],
                    evidence=ev,
                )
            )
        result[record["id"]] = items
    return result


def evaluate(
    gold_path: Path,
    texts: Path,
    *,
    model: str | None = None,
    timex_gold: Path | None = None,
) -> ClaimScores:
    """Run the pipeline on the gold documents under ``texts`` and score their claims."""
    from claimweave.ingest import read_path
    from claimweave.pipeline import DEFAULT_MODEL, _make_doc, load_pipeline

    gold = load_gold(gold_path)
    by_doc: dict[str, list[GoldClaim]] = defaultdict(list)
    for row in gold:
        by_doc[row.doc].append(row)
    documents = {}
    for path in sorted(_files(texts)):
        for item in read_path(str(path)):
            if not isinstance(item, InputError) and item.id in by_doc:
                documents[item.id] = item
    missing = sorted(set(by_doc) - set(documents))
    if missing:
        raise InputError(str(texts), f"no text for gold documents: {', '.join(missing)}")
    oracle = gold_timexes(timex_gold) if timex_gold else None
    nlp = load_pipeline(model or DEFAULT_MODEL)
    scores = ClaimScores()
    for doc_id in sorted(documents):
        document = documents[doc_id]
        doc = _make_doc(nlp, document)
        for name, component in nlp.pipeline:
            if oracle is not None and name == "claimweave_timex":
                doc._.cw_timexes = oracle.get(doc_id, [])
                continue
            doc = component(doc)
        scores.documents += 1
        score_document(document.text, doc._.cw_claims or [], by_doc[doc_id], scores, doc_id)
    return scores


def _files(root: Path) -> Iterable[Path]:
    if root.is_file():
        return [root]
    return [p for p in root.rglob("*") if p.is_file() and p.suffix in (".txt", ".md", ".html", ".jsonl") and p.name != "gold.jsonl"]
