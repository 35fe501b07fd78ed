"""Scoring reconciliation against the corpus gold (``tests/gold/corpus_facts.json``).

* Entities: every system mention that the gold can name (its text is a variant of exactly one gold
  entity listed for its document, or an ambiguous short form placed by its context) is scored;
  pairwise precision and recall of "same entity" over those mentions, overall and across documents.
* Events: per-document claims whose time expression lies in an occurrence of an expression the
  gold lists for an event are scored the same way ("same reconciled claim" against "same gold event").
* Conflicts: each planted conflict is found when some reconciled item has a conflict on that field
  listing the planted values; any other conflict is reported as unexpected.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from math import comb
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from claimweave.errors import InputError
from claimweave.models import ClaimsFile, Conflict, DocResult, EntitiesFile
from claimweave.reconcile.agreements import duration_key
from claimweave.reconcile.names import display_name

#: Gold conflict fields and the reconciled field that carries them.
FIELDS = {"date": "time", "time": "time", "duration": "duration", "signed": "signed", "expires": "expires"}


class _Gold(BaseModel):
    model_config = ConfigDict(extra="ignore")


class GoldEntity(_Gold):
    name: str
    label: str
    variants: list[str]
    docs: list[str]


class GoldValue(_Gold):
    doc_id: str
    date: str | None = None
    expr: str | None = None


class GoldEvent(_Gold):
    event: str
    values: list[GoldValue]


class GoldConflictValue(_Gold):
    value: str
    doc_ids: list[str]


class GoldConflict(_Gold):
    about: str
    field: str
    values: list[GoldConflictValue]


class GoldAmbiguous(_Gold):
    doc_id: str
    surface: str
    context: str
    resolves_to: str


class GoldFacts(_Gold):
    entities: list[GoldEntity]
    events: list[GoldEvent] = []
    conflicts: list[GoldConflict] = []
    ambiguous_mentions: list[GoldAmbiguous] = []


def load_gold(path: Path) -> GoldFacts:
    try:
        return GoldFacts.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except OSError as err:
        raise InputError(str(path), err.strerror or "cannot read") from err
    except (ValueError, ValidationError) as err:
        raise InputError(str(path), f"not a gold facts file: {str(err).splitlines()[0]}") from err


@dataclass
class PairScore:
    """Pairwise clustering scores over the items that both sides can name."""

    items: int = 0
    true_pairs: int = 0
    system_pairs: int = 0
    gold_pairs: int = 0

    @property
    def precision(self) -> float:
        return self.true_pairs / self.system_pairs if self.system_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.true_pairs / self.gold_pairs if self.gold_pairs else 1.0

    def line(self, what: str) -> str:
        if not self.items:
            return f"{what}: n/a (no items the gold can name)"
        return (
            f"{what}: precision {self.precision:.3f} ({self.true_pairs}/{self.system_pairs} pairs), "
            f"recall {self.recall:.3f} ({self.true_pairs}/{self.gold_pairs} pairs) over {self.items} items"
        )


def pair_score(assignments: Iterable[tuple[str, str]]) -> PairScore:
    """Pairwise scores from (system cluster, gold cluster) per item, by counting, never listing pairs."""
    cells, system, gold = Counter(), Counter(), Counter()
    items = 0
    for s, g in assignments:
        cells[(s, g)] += 1
        system[s] += 1
        gold[g] += 1
        items += 1
    return PairScore(
        items=items,
        true_pairs=sum(comb(n, 2) for n in cells.values()),
        system_pairs=sum(comb(n, 2) for n in system.values()),
        gold_pairs=sum(comb(n, 2) for n in gold.values()),
    )


@dataclass
class ReconcileScores:
    entities: PairScore
    entities_cross_doc: PairScore
    events: PairScore
    conflicts_found: list[str] = field(default_factory=list)
    conflicts_missed: list[str] = field(default_factory=list)
    unexpected_conflicts: list[str] = field(default_factory=list)
    inferred: list[str] = field(default_factory=list)
    wrong_merges: list[str] = field(default_factory=list)

    @property
    def entity_precision(self) -> float:
        return self.entities.precision

    @property
    def entity_recall(self) -> float:
        return self.entities.recall

    def report_lines(self) -> list[str]:
        total = len(self.conflicts_found) + len(self.conflicts_missed)
        lines = [
            self.entities.line("entity merges (all mention pairs)"),
            self.entities_cross_doc.line("entity merges (cross-document pairs)"),
            self.events.line("event merges (claims with a gold time expression)"),
            f"planted conflicts found: {len(self.conflicts_found)}/{total}",
            *(f"  found: {c}" for c in self.conflicts_found),
            *(f"  missed: {c}" for c in self.conflicts_missed),
            f"unexpected conflicts: {len(self.unexpected_conflicts)}",
            *(f"  {c}" for c in self.unexpected_conflicts),
            *(f"inferred publication date: {d}" for d in self.inferred),
            *(f"wrong merge: {w}" for w in self.wrong_merges[:20]),
        ]
        return lines


def _surface(text: str) -> str:
    return " ".join(display_name(text, family="OTHER").casefold().split()).removeprefix("the ")


def gold_entity_of_mentions(
    gold: GoldFacts, entities: EntitiesFile, texts: dict[str, str]
) -> list[tuple[str, str, str, str]]:
    """(system entity id, gold entity name, doc id, mention text) for every mention the gold can name."""
    variants: dict[tuple[str, str], set[str]] = defaultdict(set)
    for g in gold.entities:
        for doc_id in g.docs:
            for v in g.variants:
                variants[(doc_id, _surface(v))].add(g.name)
                variants[(doc_id, _surface(display_name(v, family="PERSON")))].add(g.name)
    placed: dict[tuple[str, int], str] = {}
    for amb in gold.ambiguous_mentions:
        text = texts.get(amb.doc_id, "")
        for context in amb.context.split(" / "):
            at = text.find(context.strip())
            while at >= 0:
                placed[(amb.doc_id, at)] = amb.resolves_to
                at = text.find(context.strip(), at + 1)
    out = []
    for entity in entities.entities:
        for m in entity.mentions:
            names = variants.get((m.doc_id, _surface(m.text))) or variants.get(
                (m.doc_id, _surface(display_name(m.text, family="PERSON")))
            )
            if not names:
                continue
            if len(names) > 1:
                near = [n for (d, at), n in placed.items() if d == m.doc_id and at <= m.start < at + 80]
                if len(set(near)) != 1:
                    continue
                names = set(near)
            out.append((entity.id, next(iter(names)), m.doc_id, m.text))
    return out


def _event_assignments(
    gold: GoldFacts, results: list[DocResult], claims: ClaimsFile, texts: dict[str, str]
) -> list[tuple[str, str]]:
    """(reconciled claim, gold event) for each claim dated by a time expression that lies inside an
    occurrence of a gold expression for that event ("2015" in "concluded in 2015" is not the "2015"
    of "began in September 2015", although one string contains the other)."""
    reconciled_of = {member: c.id for c in claims.claims for member in c.members}
    located: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for event in gold.events:
        for value in event.values:
            text = texts.get(value.doc_id, "")
            for expr in (value.expr or "").split(" / "):
                if expr.strip():
                    for found in re.finditer(re.escape(expr.strip()), text, re.I):
                        located[value.doc_id].append((*found.span(), event.event))
    out = []
    for result in results:
        spans = {t.id: (t.start, t.end) for t in result.timexes}
        for claim in result.claims:
            if claim.time is None or claim.id not in reconciled_of or claim.time.timex_id not in spans:
                continue
            start, end = spans[claim.time.timex_id]
            events = {e for a, b, e in located[result.document.id] if a < end and start < b}
            if len(events) == 1:
                out.append((reconciled_of[claim.id], next(iter(events))))
    return out


def _values_match(field: str, gold_value: str, system_value: str) -> bool:
    if field == "duration":
        return duration_key(system_value) == duration_key(gold_value.replace(" ", "-") if "P" not in gold_value else gold_value) or (
            duration_key(system_value) == duration_key(gold_value)
        )
    return gold_value == system_value


def _conflicts(claims: ClaimsFile) -> list[tuple[str, Conflict]]:
    items = [*claims.claims, *claims.roles, *claims.agreements]
    return [(item.id, c) for item in items for c in item.conflicts]


def score_conflicts(gold: GoldFacts, claims: ClaimsFile) -> tuple[list[str], list[str], list[str]]:
    found, missed, matched = [], [], set()
    system = _conflicts(claims)
    for planted in gold.conflicts:
        field = FIELDS.get(planted.field, planted.field)
        hit = None
        for item_id, c in system:
            if c.field != field:
                continue
            if all(any(_values_match(field, v.value, sv.value) and set(v.doc_ids) & set(sv.sources) for sv in c.values) for v in planted.values):
                hit = (item_id, c)
                break
        label = f"{planted.about} ({planted.field}: " + " vs ".join(v.value for v in planted.values) + ")"
        if hit:
            found.append(f"{label} -> {hit[0]}")
            matched.add(id(hit[1]))
        else:
            missed.append(label)
    unexpected = [
        f"{item_id} {c.field}: " + " vs ".join(f"{v.value} {v.sources}" for v in c.values)
        for item_id, c in system
        if id(c) not in matched
    ]
    return found, missed, unexpected


def score(gold: GoldFacts, results: list[DocResult], entities: EntitiesFile, claims: ClaimsFile, texts: dict[str, str]) -> ReconcileScores:
    """Scores of one reconciled run against the gold."""
    mentions = gold_entity_of_mentions(gold, entities, texts)
    all_pairs = pair_score((s, g) for s, g, _, _ in mentions)
    # Cross-document pairs only: all pairs minus the pairs inside each document.
    by_doc: dict[str, list] = defaultdict(list)
    for s, g, d, _ in mentions:
        by_doc[d].append((s, g))
    cross = PairScore(items=all_pairs.items, true_pairs=all_pairs.true_pairs, system_pairs=all_pairs.system_pairs, gold_pairs=all_pairs.gold_pairs)
    for pairs in by_doc.values():
        inner = pair_score(pairs)
        cross.true_pairs -= inner.true_pairs
        cross.system_pairs -= inner.system_pairs
        cross.gold_pairs -= inner.gold_pairs
    golds_of = defaultdict(set)
    names_of = defaultdict(set)
    for s, g, _, text in mentions:
        golds_of[s].add(g)
        names_of[(s, g)].add(text)
    wrong = [
        f"{s}: " + " + ".join(f"{g} {sorted(names_of[(s, g)])}" for g in sorted(gs)) for s, gs in sorted(golds_of.items()) if len(gs) > 1
    ]
    found, missed, unexpected = score_conflicts(gold, claims)
    inferred = [
        f"{r.document.id} -> {r.document.published}" for r in results if r.document.published_from == "inferred"
    ]
    return ReconcileScores(
        entities=all_pairs,
        entities_cross_doc=cross,
        events=pair_score(_event_assignments(gold, results, claims, texts)),
        conflicts_found=found,
        conflicts_missed=missed,
        unexpected_conflicts=unexpected,
        inferred=inferred,
        wrong_merges=wrong,
    )


def evaluate_corpus(paths: list[str], gold_path: Path) -> ReconcileScores:
    """Run the pipeline and reconciliation over ``paths`` and score them against ``gold_path``."""
    from claimweave.ingest import read_corpus
    from claimweave.pipeline import analyse, load_pipeline
    from claimweave.reconcile import reconcile_run

    gold = load_gold(gold_path)
    documents = [d for d in read_corpus(paths) if not isinstance(d, InputError)]
    texts = {d.id: d.text for d in documents}
    results = list(analyse(documents, load_pipeline()))
    run = reconcile_run(results)
    updated = {r.document.id: r for r in run.updated}
    results = [updated.get(r.document.id, r) for r in results]
    return score(gold, results, run.entities, run.claims, texts)
