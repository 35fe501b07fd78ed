"""Reconciliation benchmark: synthetic DocResults of growing size, time and peak memory per size.

The synthetic corpus looks like news at scale: a pool of people (with shared surnames and
romanization variants), places, events reported by several outlets with dates at different
precisions (and a few conflicting), roles and agreements. Each size runs in a fresh process so
that its peak memory is its own.
"""

from __future__ import annotations

import datetime as dt

import multiprocessing
import random
import resource
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from claimweave.models import (
    Agreement,
    Argument,
    Claim,
    DocEntity,
    DocResult,
    DocumentInfo,
    Evidence,
    Mention,
    Predicate,
    Role,
    TimeRef,
)
if TYPE_CHECKING:
    from claimweave.evaluation.reconcile import PairScore

_SYLLABLES = ["ah", "med", "sha", "ra", "ma", "her", "ka", "sim", "ba", "shar", "lav", "rov", "ser", "gei", "ta", "rus",
              "hu", "sein", "sa", "la", "mi", "khail", "bog", "da", "nov", "fi", "dan", "ha", "kan", "om", "ar", "zu"]
_VARIANTS = [("ei", "ey"), ("ai", "i"), ("e", "a"), ("u", "ou"), ("ks", "x"), ("i", "ee")]
_PARTICLES = ["al-", "al ", "el-", ""]
_PREDICATES = ["meet", "visit", "call", "sign", "say", "attack", "announce", "invite"]
_TITLES = ["president", "foreign minister", "defence minister", "health minister", "envoy", "spokesman", "governor"]
TRUTH = "synthetic:"
_KINDS = ["lease", "concession", "treaty", "memorandum of understanding", "basing agreement"]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def _variant(name: str, rng: random.Random) -> str:
    """A romanization variant of ``name`` (sometimes the name itself)."""
    if rng.random() < 0.5:
        return name
    old, new = rng.choice(_VARIANTS)
    return name.replace(old, new, 1)


@dataclass
class _World:
    people: list[tuple[str, str]]
    places: list[str]
    events: list[tuple[str, int, int, str]]
    agreements: list[tuple[str, int, str, int]]


def _distinct(count: int, make, rng: random.Random, taken: set) -> list:
    """``count`` names that no romanization rule can confuse with each other (true homonyms aside)."""
    from claimweave.reconcile.names import name_tokens, vowel_class

    out = []
    while len(out) < count:
        name = make(rng)
        words = name if isinstance(name, tuple) else (name,)
        key = tuple(vowel_class(t) for w in words for t in name_tokens(w, family="PLACE"))
        if key not in taken:
            taken.add(key)
            out.append(name)
    return out


def _world(docs: int, rng: random.Random) -> _World:
    taken: set = set()
    surnames = _distinct(max(20, docs // 12), _word, rng, taken)
    firsts = _distinct(max(30, docs // 10), _word, rng, taken)
    # Several people per surname on purpose: namesakes must stay apart.
    people = _distinct(max(50, docs // 5), lambda r: (r.choice(firsts), r.choice(surnames)), rng, taken)
    places = _distinct(max(20, docs // 20), _word, rng, taken)
    events = []
    for _ in range(max(20, docs // 4)):
        day = 1 + rng.randrange(3 * 365)
        events.append((rng.choice(_PREDICATES), rng.randrange(len(people)), rng.randrange(len(places)), f"{day}"))
    agreements = [(rng.choice(_KINDS), rng.randrange(len(places)), f"{2000 + rng.randrange(25)}", rng.choice([10, 25, 49]))
                  for _ in range(max(10, docs // 20))]
    return _World(people, places, events, agreements)


def _date(day: int, rng: random.Random) -> str:
    d = dt.date(2023, 1, 1) + dt.timedelta(days=day)
    if rng.random() < 0.03:
        d += dt.timedelta(days=rng.choice([-6, -3, 4, 7]))  # a planted conflicting date
    return d.isoformat() if rng.random() < 0.7 else d.isoformat()[:7]


class _Doc:
    def __init__(self, doc_id: str) -> None:
        self.doc_id, self.text, self.entities = doc_id, "", {}

    def span(self, text: str) -> tuple[int, int]:
        start = len(self.text) + 1
        self.text += " " + text
        return start, start + len(text)

    def evidence(self, text: str) -> Evidence:
        start, end = self.span(text)
        return Evidence.model_construct(doc_id=self.doc_id, start=start, end=end, text=text, sentence=text, rule="bench", line=None)

    def entity(self, name: str, label: str, mentions: list[str], truth: str) -> Argument:
        """A DocEntity; ``truth`` (who it really is) rides in ``rule`` so that merges can be scored."""
        key = (label, name)
        if key not in self.entities:
            self.entities[key] = DocEntity.model_construct(
                id=f"ent_{self.doc_id}_{len(self.entities)}", label=label, name=name, mentions=[], rule=f"{TRUTH}{truth}"
            )
        ent = self.entities[key]
        for text in mentions:
            start, end = self.span(text)
            ent.mentions.append(Mention.model_construct(doc_id=self.doc_id, start=start, end=end, text=text))
        return Argument.model_construct(text=name, start=ent.mentions[-1].start, end=ent.mentions[-1].end, entity_id=ent.id)


def synthetic_results(docs: int, *, seed: int = 7) -> Iterator[DocResult]:
    """``docs`` synthetic DocResults (deterministic for a seed)."""
    rng = random.Random(seed)
    world = _world(docs, rng)
    outlets = [f"Outlet {i}" for i in range(max(5, docs // 100))]
    for n in range(docs):
        doc = _Doc(f"doc-{n:07d}")
        claims, roles, agreements = [], [], []

        def person(i: int) -> Argument:
            first, last = world.people[i]
            surname = f"{rng.choice(_PARTICLES)}{_variant(last, rng)}"
            if rng.random() < 0.1:
                # Only the surname, as in "Foreign Minister Shibani said".
                return doc.entity(surname, "PERSON", [surname], f"P{i}")
            full = f"{_variant(first, rng)} {surname}"
            return doc.entity(full, "PERSON", [full] + [surname] * rng.randint(0, 2), f"P{i}")

        # A story reports one recent event (published a few days after it, its date sometimes left
        # unsaid) and dates the older events it recalls.
        picked = sorted(rng.sample(range(len(world.events)), 3), key=lambda e: int(world.events[e][3]))
        latest = int(world.events[picked[-1]][3])
        for e in picked:
            pred, who, where, day = world.events[e]
            subject = person(who)
            obj = doc.entity(_variant(world.places[where], rng), rng.choice(["GPE", "LOC"]), [world.places[where]], f"L{where}")
            value = None if e == picked[-1] and rng.random() < 0.4 else _date(int(day), rng)
            time_ref = TimeRef.model_construct(value=value, text=value, timex_id=None, mod=None) if value else None
            claims.append(Claim.model_construct(
                id=f"claim_{doc.doc_id}_{len(claims)}", predicate=Predicate.model_construct(lemma=pred, text=f"{pred} {TRUTH}E{e}"),
                subject=subject, object=obj, participants=[], location=None, time=time_ref, attribution=None,
                modality="asserted", modality_cue=None, evidence=[doc.evidence(f"{subject.text} {pred} {obj.text}")],
            ))
        for i in rng.sample(range(len(world.people)), 2):
            arg = person(i)
            roles.append(Role.model_construct(
                id=f"role_{doc.doc_id}_{len(roles)}", person=arg.text, person_entity_id=arg.entity_id,
                title=_TITLES[i % len(_TITLES)], title_normalized=_TITLES[i % len(_TITLES)], affiliation=None,
                qualifier=None, time=None, evidence=[doc.evidence(arg.text)],
            ))
        if rng.random() < 0.2:
            kind, place, signed, years = rng.choice(world.agreements)
            if rng.random() < 0.05:
                years += 4  # a planted conflicting duration
            party = doc.entity(f"{world.places[place]} Holdings", "ORG", [f"{world.places[place]} Holdings"], f"O{place}")
            agreements.append(Agreement.model_construct(
                id=f"agr_{doc.doc_id}", kind=kind, text=kind, parties=[party], asset=f"{world.places[place]} port",
                signed=[signed], duration=f"P{years}Y", expires=None, renewal=None, status=None, field_evidence={},
                evidence=[doc.evidence(kind)],
            ))
        published = (dt.date(2023, 1, 1) + dt.timedelta(days=latest + rng.randint(0, 3))).isoformat()
        yield DocResult.model_construct(
            document=DocumentInfo.model_construct(
                id=doc.doc_id, path=f"{doc.doc_id}.txt", format="txt", line=None, source=rng.choice(outlets), title=None,
                url=None, language="en", published=published, published_from="front_matter", sha256="0" * 64,
                text_path=None, body_start=0, masked=[], warnings=[],
            ),
            entities=list(doc.entities.values()), timexes=[], roles=roles, claims=claims, quotes=[], agreements=agreements,
        )


@dataclass(frozen=True)
class BenchResult:
    docs: int
    doc_entities: int
    entities: int
    claims_in: int
    claims_out: int
    conflicts: int
    merge_precision: float
    merge_recall: float
    event_precision: float
    event_recall: float
    generate_seconds: float
    reconcile_seconds: float
    reconcile_cpu_seconds: float
    input_rss_mb: float
    peak_rss_mb: float

    def line(self) -> str:
        return (
            f"{self.docs:>8} docs  {self.reconcile_seconds:8.2f} s reconcile ({self.reconcile_cpu_seconds:.2f} s CPU)  "
            f"peak RSS {self.peak_rss_mb:.0f} MB (inputs alone {self.input_rss_mb:.0f} MB)  "
            f"({self.doc_entities} doc entities -> {self.entities} entities, {self.claims_in} claims -> "
            f"{self.claims_out}, {self.conflicts} conflicting; entity merges P {self.merge_precision:.3f} "
            f"R {self.merge_recall:.3f}, event merges P {self.event_precision:.3f} R {self.event_recall:.3f}; "
            f"generated in {self.generate_seconds:.1f} s)"
        )


def merge_scores(results: list[DocResult], entities: list) -> PairScore:
    """Pairwise precision and recall of entity merges against the synthetic truth, over all mentions."""
    from claimweave.evaluation.reconcile import pair_score

    truth = {
        (m.doc_id, m.start): e.rule.removeprefix(TRUTH) for r in results for e in r.entities for m in e.mentions
    }
    return pair_score((entity.id, truth[(m.doc_id, m.start)]) for entity in entities for m in entity.mentions)


def event_scores(results: list[DocResult], claims: list) -> PairScore:
    """Pairwise precision and recall of claim merges against the synthetic events."""
    from claimweave.evaluation.reconcile import pair_score

    truth = {c.id: c.predicate.text.split(TRUTH)[-1] for r in results for c in r.claims}
    return pair_score((claim.id, truth[m]) for claim in claims for m in claim.members)


def run_size(docs: int) -> BenchResult:
    """Generate and reconcile ``docs`` documents in this process."""
    from claimweave.reconcile import reconcile_run

    t0 = time.perf_counter()
    results = list(synthetic_results(docs))
    t1, c1 = time.perf_counter(), time.process_time()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    run = reconcile_run(results)
    t2, c2 = time.perf_counter(), time.process_time()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    merges = merge_scores(results, run.entities.entities)
    events = event_scores(results, run.claims.claims)
    return BenchResult(
        docs=docs,
        doc_entities=sum(len(r.entities) for r in results),
        entities=len(run.entities.entities),
        claims_in=sum(len(r.claims) for r in results),
        claims_out=len(run.claims.claims),
        merge_precision=round(merges.precision, 4),
        merge_recall=round(merges.recall, 4),
        event_precision=round(events.precision, 4),
        event_recall=round(events.recall, 4),
        conflicts=sum(c.status == "conflicting" for c in run.claims.claims)
        + sum(a.status == "conflicting" for a in run.claims.agreements),
        generate_seconds=round(t1 - t0, 2),
        reconcile_seconds=round(t2 - t1, 2),
        reconcile_cpu_seconds=round(c2 - c1, 2),
        input_rss_mb=round(before, 1),
        peak_rss_mb=round(peak, 1),
    )


def _run_size_in_worker(docs: int) -> BenchResult:
    try:
        return run_size(docs)
    except Exception as err:
        # Exceptions cross the process boundary pickled; not every exception class survives that.
        raise RuntimeError(f"{type(err).__name__}: {err}") from None


def bench_reconcile(sizes: list[int]) -> Iterator[BenchResult]:
    """Run each size in a fresh process (its peak memory is its own) and yield the figures."""
    ctx = multiprocessing.get_context("fork")
    for docs in sizes:
        with ctx.Pool(1, maxtasksperchild=1) as pool:
            yield pool.apply(_run_size_in_worker, (docs,))
