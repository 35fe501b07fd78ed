"""Merging claims about the same event across sources, with their dates compared by granularity.

Sources describe one event with different verbs ("held talks", "flew to", "visited") and name its
actors differently ("Bogdanov", "a Russian delegation"). Claims are therefore blocked by event
class (``predicate_classes`` in ``patterns/reconcile/linkage.json``), polarity and each linked
entity they involve; within a block, two claims are one event when their times are within
``same_event_days`` of each other (or compatible, for coarse dates) and the people they name do
not contradict (Putin meeting X is not Putin meeting Y); two different days make one (conflicting)
event only when the claims share two or more linked entities. Circumstantial evidence then adds sources
named only by description: claims of one class dated to the same day, week or month whose sentences
name a common linked entity, and claims of one sentence dated by one time expression; such joins
never create a conflict. Sources also tell one occasion with verbs of different classes (a raid as
storming, freeing, killing): claims of one family of classes on the same day join on strong shared
evidence, and a one-source report joins the only event of its family, day and story that several
sources tell; these joins never create a conflict either. An event's date is the most precise
agreeing value; disjoint values are a conflict that lists each value with its sources. Every union
is kept as ``match_evidence``.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property, lru_cache

from claimweave.extract.common import stable_id
from claimweave.models import Argument, Claim, DocResult, MatchEvidence, ReconciledClaim
from claimweave.reconcile.common import FINE_DAYS, Sources, conflict, sorted_evidence, text_key
from claimweave.reconcile.context import ContextIndex
from claimweave.reconcile.descriptions import DescriptionIndex
from claimweave.reconcile.entities import EntityIndex, family_of
from claimweave.reconcile.families import OCCASION_MODS, join_family, join_story_event, places_of, shared_names
from claimweave.reconcile.linker import Linker
from claimweave.reconcile.rules import linkage, nationalities
from claimweave.reconcile.timevalues import TimeSpan, compatible, days_apart, merge_times, parse_time

FACTUAL = ("asserted", "reported", "hedged", "negated")


@dataclass(frozen=True)
class Member:
    """One per-document claim with its reconciled keys."""

    doc_id: str
    claim: Claim
    subject: str | None
    object: str | None
    location: str | None
    participants: frozenset[str] = frozenset()
    time_evidence: tuple = ()
    context: frozenset[str] = frozenset()

    @property
    def time(self) -> str | None:
        return self.claim.time.value if self.claim.time else None

    @cached_property
    def event_class(self) -> str:
        return _event_class(self)

    @property
    def polarity(self) -> str:
        return _polarity(self)

    @cached_property
    def entities(self) -> frozenset[str]:
        """The linked entities the claim involves (text keys are not entities)."""
        keys = {self.subject, self.object, self.location, *self.participants}
        return frozenset(k for k in keys if k and not k.startswith("text:"))


@lru_cache(maxsize=None)
def _predicate_classes() -> dict[str, str]:
    return {lemma: c.id for c in linkage().predicate_classes for lemma in c.lemmas}


def _head(text: str | None) -> str:
    words = text.casefold().split() if text else []
    return words[-1] if words else ""


def predicate_class(lemma: str, object_text: str | None = None, subject_text: str | None = None) -> str:
    """The event class of a predicate (``phone`` and ``call`` are one; ``hold talks`` is a meeting;
    ``end`` + "rule" is a fall; "the summit took place" is a summit)."""
    lemma = " ".join(lemma.casefold().split())
    rules, classes = linkage(), _predicate_classes()
    head = _head(object_text)
    if head and f"{lemma} {head}" in classes:
        return classes[f"{lemma} {head}"]
    if (lemma in rules.light_verbs or lemma in rules.relation_verbs) and head:
        for candidate in (head, head.rstrip("s")):
            if candidate in classes:
                return classes[candidate]
    if subject_text and (lemma in rules.occurrence_verbs or f"{lemma} {head}" in rules.occurrence_verbs):
        subject_head = _head(subject_text)
        for candidate in (subject_head, subject_head.rstrip("s")):
            if candidate in classes:
                return classes[candidate]
    return classes.get(lemma, lemma)


#: Words that stand for an actor without naming it: never evidence that two reports share one.
UNNAMED = frozenset({
    "it", "they", "them", "he", "she", "him", "her", "we", "us", "you", "i", "this", "that", "these",
    "those", "who", "which", "what", "whoever", "whatever", "someone", "something", "everyone",
    "everything", "all", "some", "others", "one", "each", "both", "itself", "themselves", "himself", "herself",
})


def _argument_key(index: EntityIndex, doc_id: str, arg: Argument | None, offices: DescriptionIndex | None = None) -> str | None:
    if arg is None:
        return None
    found = index.resolve(doc_id, entity_id=arg.entity_id, text=arg.text)
    if found is None and offices is not None:
        found = offices.resolve(arg.text)
    if found is None and " ".join(arg.text.casefold().split()) in UNNAMED:
        return None
    return found or text_key(arg.text)


def _polarity(member: Member) -> str:
    return "factual" if member.claim.modality in FACTUAL else member.claim.modality


def event_class(member: Member) -> str:
    return member.event_class


def _event_class(member: Member) -> str:
    claim = member.claim
    subject = claim.subject.text if claim.subject else _nearby_event_noun(claim, before=True)
    found = predicate_class(claim.predicate.lemma, claim.object.text if claim.object else None, subject)
    if found == claim.predicate.lemma and found in linkage().light_verbs:
        # "spent July 31 in talks": the event noun of a light verb can follow a time or a preposition.
        found = predicate_class(found, _nearby_event_noun(claim, before=False))
    return found


def _nearby_event_noun(claim: Claim, *, before: bool, words: int = 4) -> str | None:
    """An event noun among the few words just before the predicate (the noun a reduced relative
    clause modifies: "the summit, scheduled to take place in October") or just after it."""
    if not claim.evidence or not claim.predicate.text:
        return None
    sentence = claim.evidence[0].sentence
    at = sentence.find(claim.predicate.text)
    if at < 0 or (before and at == 0):
        return None
    if before:
        near = sentence[:at].split()[-words:]
    else:
        near = sentence[at + len(claim.predicate.text):].split()[:words]
    classes = _predicate_classes()
    nouns = [w for w in (w.strip(",;:.").casefold() for w in near) if w in classes or w.rstrip("s") in classes]
    return (nouns[-1] if before else nouns[0]) if nouns else None


def block_keys(member: Member, persons: set[str]) -> list[tuple]:
    """The blocks a claim is compared in: one per linked entity (people first), else its words."""
    head = (event_class(member), _polarity(member))
    entities = member.entities
    people = sorted(entities & persons)
    if people:
        return [(*head, e) for e in people] + [(*head, e) for e in sorted(entities - persons)]
    if entities:
        return [(*head, e) for e in sorted(entities)]
    subject, obj = member.subject or "", member.object or ""
    if head[0] in linkage().symmetric_predicates:
        subject, obj = sorted((subject, obj))
    # Unlinked actors: the pair of phrases, and each phrase of two or more words on its own
    # ("Peruvian troops stormed the residence" / "... stormed the compound"); one word ("police")
    # is too common to gather reports of one event.
    described = [(*head, "described", key) for key in sorted({subject, obj}) if len(key.split()) >= 2]
    span = parse_time(member.time)
    if isinstance(span, TimeSpan) and span.days == 1:
        # On one given day, the same kind of event of the same thing ("the mandate ends on July
        # 15", "whose mandate ends on July 15") is one event, however the phrase begins.
        heads = {key.removeprefix("text:").split()[-1] for key in (subject, obj) if key.removeprefix("text:").strip()}
        described += [(*head, "on", member.time, word) for word in sorted(heads)]
    if not described:
        return []  # "exports rose", "the army sent": one common word gathers unrelated reports
    return [(*head, subject, obj), *described]


def same_event(a: Member, b: Member, persons: set[str], window: int) -> bool:
    """Whether two claims of one block can report the same event."""
    pa, pb = a.entities & persons, b.entities & persons
    if pa and pb and not pa & pb:
        return False  # different people: Putin meeting X is not Putin meeting Y
    ta, tb = a.time, b.time
    if ta is None or tb is None:
        return ta is None and tb is None
    sa, sb = parse_time(ta), parse_time(tb)
    fine = isinstance(sa, TimeSpan) and isinstance(sb, TimeSpan) and sa.days <= FINE_DAYS and sb.days <= FINE_DAYS
    if fine:
        apart = days_apart(ta, tb) or 0
        if apart == 0 or (compatible(ta, tb) and not (sa.days == 1 and sb.days == 1)):
            return apart <= window
        # Different days make a conflict, which takes more than one shared name: Gingrich talking
        # to reporters in Tokyo on Tuesday is not Gingrich meeting Lee in Taipei on Wednesday, but
        # Bogdanov in Damascus on January 28 and on February 3 is one visit two sources date apart.
        return apart <= window and len(a.entities & b.entities) >= 2
    return compatible(ta, tb)


def reconcile_claims(
    results: list[DocResult], index: EntityIndex, sources: Sources, offices: DescriptionIndex | None = None
) -> list[ReconciledClaim]:
    """One ReconciledClaim per event, in a deterministic order; ``offices`` resolves "Syria's foreign minister"."""
    members: list[Member] = []
    contexts = ContextIndex.of(results, index)
    for result in results:
        doc_id = result.document.id
        timex_evidence = {t.id: t.evidence for t in result.timexes}
        for claim in result.claims:
            time_id = claim.time.timex_id if claim.time else None
            members.append(Member(
                doc_id,
                claim,
                _argument_key(index, doc_id, claim.subject, offices),
                _argument_key(index, doc_id, claim.object, offices),
                _argument_key(index, doc_id, claim.location, offices),
                frozenset(k for p in claim.participants if (k := _argument_key(index, doc_id, p, offices))),
                (timex_evidence[time_id],) if time_id in timex_evidence else (),
                contexts.entities(doc_id, claim),
            ))
    members.sort(key=lambda m: (m.doc_id, m.claim.id))
    persons = {e.id for e in index.entities if e.label == "PERSON"}
    window = linkage().same_event_days
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, member in enumerate(members):
        for key in block_keys(member, persons):
            blocks[key].append(i)
    linker = Linker()
    for i in range(len(members)):
        linker.add(i)
    for key in sorted(blocks):
        # A one-day block of one head word ("the army attacked ..." on one day) also needs a name
        # in common: the same kind of event on one day happens in many places.
        _sweep_block(blocks[key], members, persons, window, linker, named=key[2] == "on")
    weak = WeakJoins(members, linker)
    countries = _countries(index)
    _sweep_context(members, persons, weak, countries)
    join_family(members, persons, weak, countries)
    _join_same_expression(members, weak)
    join_story_event(members, persons, weak, countries, places_of(index, countries), contexts)
    _attach_loose(blocks, members, persons, window, linker, countries, sources.published)
    names = {e.id: e.name for e in index.entities}
    why: dict[int, list[MatchEvidence]] = defaultdict(list)
    for a, b, rule, score in linker.edges:
        why[linker.find(a)].append(
            MatchEvidence(names=(members[a].claim.id, members[b].claim.id), rule=rule, score=round(score, 3))
        )
    merged: list[ReconciledClaim] = []
    used: set[str] = set()
    for root, group in sorted(linker.groups().items(), key=lambda kv: min(kv[1])):
        event = [members[i] for i in sorted(group)]
        merged.append(_merge(event, names, sources, used, sorted(why[root], key=lambda m: (m.names, m.rule))))
    merged.sort(key=lambda c: (c.time or "", c.predicate, c.subject or "", c.id))
    return merged


def _sweep_block(
    block: list[int], members: list[Member], persons: set[str], window: int, linker: Linker, *, named: bool = False
) -> None:
    """Union the precisely dated claims of one block that report one event (a sweep over time);
    with ``named``, only claims whose arguments or sentences share a name."""
    dated = [i for i in block if _fine(members[i].time)]
    dated.sort(key=lambda i: parse_time(members[i].time).start)
    for n, i in enumerate(dated):
        end = parse_time(members[i].time).end.toordinal() + window
        for j in dated[n + 1:]:
            if parse_time(members[j].time).start.toordinal() > end:
                break
            a, b = members[i], members[j]
            if named and not (a.entities | a.context) & (b.entities | b.context):
                continue
            if same_event(a, b, persons, window):
                linker.union(i, j, "same_event", 1.0)


def _attach_loose(
    blocks: dict, members: list[Member], persons: set[str], window: int, linker: Linker,
    countries: frozenset[str] | set[str] = frozenset(), published: dict[str, dt.date | None] | None = None,
) -> None:
    """Coarse, undated and year-less claims join an event only when, over all their blocks, it is the
    one event they fit ("2025" must not chain a May meeting to a July one). An undated denial joins
    nothing: "has not called for" is not evidence against a dated call."""
    fits: dict[int, set] = defaultdict(set)
    peers: dict[int, set[int]] = defaultdict(set)
    limit = linkage().max_block
    for block in blocks.values():
        if len(block) > limit:
            continue  # so many reports of one kind with one actor: no single event is the only fit
        fine = [j for j in block if _fine(members[j].time)]
        loose = [i for i in block if not _fine(members[i].time)]
        for i in loose:
            recent = _recent_window(members[i], (published or {}).get(members[i].doc_id))

            def fit(k: int) -> bool:
                a, b = members[i], members[k]
                if not _loosely_same(a, b, persons):
                    return False
                strong, weak = shared_names(a, b, countries)
                # Two names in common (Bogdanov, Damascus) place a report anywhere in time; with
                # less, an undated report fits only a recent event.
                return strong >= 2 or (strong + weak / 2 >= 2 and _within(b.time, recent))

            fits[i] |= {linker.find(j) for j in fine if fit(j)}
            peers[i] |= {k for k in loose if k != i and fit(k)}
    for i in sorted(fits):
        if members[i].claim.modality == "negated" and members[i].time is None:
            continue
        if len(fits[i]) == 1:
            linker.union(i, next(iter(fits[i])), "only_fitting_event", 1.0)
    # Among claims that fit no dated event: coarse values that agree are one event, and an undated
    # claim joins them when they are the only such event.
    for i in sorted(peers):
        if members[i].time is not None and not fits[i]:
            for k in sorted(peers[i]):
                if members[k].time is not None and not fits[k]:
                    linker.union(i, k, "same_event", 1.0)
    for i in sorted(peers):
        if members[i].time is None and not fits[i] and members[i].claim.modality != "negated":
            roots = {linker.find(k) for k in peers[i] if members[k].time is not None and not fits[k]}
            if len(roots) == 1:
                linker.union(i, next(iter(roots)), "only_fitting_event", 1.0)


@dataclass
class WeakJoins:
    """Unions on circumstantial evidence (shared context, one time expression) that never make a
    conflict: two events join only when all their dated values still share a day (intervals that
    pairwise overlap have a common day). An event already in conflict takes only an event whose
    dates sit on one side of it (a source saying "late January" joins the event dated January 28
    by some and February 3 by others, and adds no new disagreement)."""

    members: list[Member]
    linker: Linker

    def __post_init__(self) -> None:
        self.bounds: dict[int, tuple[dt.date, dt.date] | None] = {}
        self.spans: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
        for i, m in enumerate(self.members):
            root = self.linker.find(i)
            self.bounds[root] = _meet(self.bounds.get(root, ALWAYS), _span(m.time))
            if _span(m.time) != ALWAYS:
                self.spans[root].append(_span(m.time))

    def union(self, i: int, j: int, rule: str, score: float) -> bool:
        """Union two claims' events unless their dates disagree; whether they were joined."""
        ri, rj = self.linker.find(i), self.linker.find(j)
        if ri == rj:
            return False
        bi, bj = self.bounds.get(ri, ALWAYS), self.bounds.get(rj, ALWAYS)
        both = _meet(bi, bj)
        if both is None and not self._one_side(ri, bj) and not self._one_side(rj, bi):
            return False
        spans = self.spans.pop(ri, []) + self.spans.pop(rj, [])
        self.linker.union(i, j, rule, score)
        root = self.linker.find(i)
        self.bounds[root] = both
        self.spans[root] = spans
        return True

    def _one_side(self, conflicted: int, other: tuple[dt.date, dt.date] | None) -> bool:
        """Whether a conflicting event can take an event dated ``other``: a month or finer that
        agrees with some of its values and not with all."""
        if self.bounds.get(conflicted, ALWAYS) is not None or other is None or other == ALWAYS:
            return False
        if (other[1] - other[0]).days >= linkage().context_days:
            return False
        agree = [_meet(other, s) is not None for s in self.spans[conflicted]]
        return any(agree) and not all(agree)


ALWAYS = (dt.date.min, dt.date.max)


def _span(value: str | None) -> tuple[dt.date, dt.date]:
    span = parse_time(value)
    return (span.start, span.end) if isinstance(span, TimeSpan) else ALWAYS


def _meet(a: tuple[dt.date, dt.date] | None, b: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date] | None:
    if a is None or b is None:
        return None
    start, end = max(a[0], b[0]), min(a[1], b[1])
    return (start, end) if start <= end else None


def _countries(index: EntityIndex) -> set[str]:
    """Entities that are countries or their peoples ("Japan", "Japanese"): named in half of a
    wire's stories of a day, so weak evidence that two reports are of one event."""
    table = nationalities()
    names = set(table) | set(table.values())
    return {e.id for e in index.entities if family_of(e.label) in ("PLACE", "NORP") and e.name in names}


def _sweep_context(members: list[Member], persons: set[str], linker: WeakJoins, countries: set[str] = frozenset()) -> None:
    """Union claims of one event class, dated to the same day or week, whose sentences name a common
    linked entity ("a Syrian delegation held talks in Moscow on Thursday" and "Shaibani met Lavrov in
    Moscow on July 31"). Blocked by (class, polarity, entity); an entity shared by more than
    ``max_block`` such claims is too common to be evidence and is skipped."""
    rules = linkage()
    classes = rules.context_classes
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        cls = event_class(m)
        if cls in classes and m.context and _precise(m.time, rules.context_days):
            for entity in m.context:
                blocks[(cls, _polarity(m), entity)].append(i)
    for key in sorted(blocks):
        block = blocks[key]
        if len(block) > rules.max_block:
            continue
        block.sort(key=lambda i: (parse_time(members[i].time).start, i))
        for n, i in enumerate(block):
            end = parse_time(members[i].time).end
            for j in block[n + 1:]:
                if parse_time(members[j].time).start > end:
                    break
                a, b = members[i], members[j]
                pa, pb = a.entities & persons, b.entities & persons
                if pa and pb and not pa & pb:
                    continue
                shared = a.context & b.context
                # One shared place is common in a wire's day ("China"): for a broad class such as
                # contact it takes a shared person or two shared names, not all of them countries.
                named = shared - countries if key[0] in rules.broad_classes else shared
                if not shared & persons and (len(shared) < rules.context_classes[key[0]] or not named):
                    continue
                linker.union(i, j, "same_day_shared_context", len(shared) / len(a.context | b.context))


def _join_same_expression(members: list[Member], linker: WeakJoins) -> None:
    """Union the claims of one sentence dated by the very same time expression: "when the regime fell
    on 8 December, its leader fled to Russia" reports one occasion. Denials stay apart."""
    groups: dict[tuple, list[int]] = defaultdict(list)
    for i, m in enumerate(members):
        time = m.claim.time
        # Only a month or finer, a point in it at most ("at the end of July"): "in 1716, when boats
        # raced" is one occasion, but at that grain so is much else, and "since February 2005" is a
        # period, not an occasion.
        if time and time.timex_id and time.mod in OCCASION_MODS and _precise(time.value, linkage().context_days) \
                and m.claim.modality != "negated" and m.claim.evidence:
            groups[(m.doc_id, m.claim.time.timex_id, m.claim.evidence[0].sentence)].append(i)
    for key in sorted(groups):
        first, *rest = groups[key]
        for j in rest:
            linker.union(first, j, "same_time_expression", 1.0)


def _precise(value: str | None, days: int) -> bool:
    span = parse_time(value)
    return isinstance(span, TimeSpan) and span.days <= days


def _fine(value: str | None) -> bool:
    span = parse_time(value)
    return isinstance(span, TimeSpan) and span.days <= FINE_DAYS


def _recent_window(member: Member, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The days an undated report of a past event points to: news tells of recent events and dates
    older ones ("met Lee" in a story of April 18 is not a visit a year before)."""
    if member.time is not None or published is None or member.claim.modality not in FACTUAL:
        return None
    return (published - dt.timedelta(days=linkage().context_days), published)


def _within(value: str | None, window: tuple[dt.date, dt.date] | None) -> bool:
    if window is None or value is None:
        return True
    return _meet(_span(value), window) is not None


def _loosely_same(a: Member, b: Member, persons: set[str]) -> bool:
    pa, pb = a.entities & persons, b.entities & persons
    if pa and pb and not pa & pb:
        return False
    return a.time is None or b.time is None or compatible(a.time, b.time)


def _display(key: str | None, texts: list[str], names: dict[str, str]) -> str | None:
    if key is None:
        return None
    if key in names:
        return names[key]
    return Counter(texts).most_common(1)[0][0] if texts else None


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    # Linked entities win over words; then the most frequent; then the first in order.
    return min(counts, key=lambda v: (v.startswith("text:"), -counts[v], v)) if counts else None


def _merge(
    event: list[Member], names: dict[str, str], sources: Sources, used: set[str], why: list[MatchEvidence]
) -> ReconciledClaim:
    pclass = _most_common(event_class(m) for m in event)
    polarity = _polarity(event[0])
    conflicts = []
    times = merge_times((m.claim.time.value, m.doc_id, m.claim.time.mod) for m in event if m.claim.time)
    if times.conflicts:
        conflicts.append(conflict("time", times.conflicts))
    modalities: dict[str, set[str]] = defaultdict(set)
    for m in event:
        modalities[m.claim.modality].add(m.doc_id)
    if "negated" in modalities and len(modalities) > 1:
        conflicts.append(conflict("modality", modalities))
    doc_ids = sorted({m.doc_id for m in event})
    # Its actors are those of the claims of its class: an event told as "troops stormed the
    # residence" and "security forces ended the hostage drama" is a storming of the residence.
    core = [m for m in event if event_class(m) == pclass]
    subject = _most_common(m.subject for m in core)
    obj = _most_common(m.object for m in core)
    location = _most_common(m.location for m in core) or _most_common(m.location for m in event)
    modality = min(modalities, key=lambda k: (-len(modalities[k]), FACTUAL.index(k) if k in FACTUAL else 9, k))
    lemma = _most_common(m.claim.predicate.lemma for m in core)
    claim_id = stable_id("RC", pclass, subject, obj, polarity, (times.value or "undated")[:7])
    if claim_id in used:
        claim_id = stable_id("RC", pclass, subject, obj, polarity, times.value, min(m.claim.id for m in event))
    used.add(claim_id)
    return ReconciledClaim(
        id=claim_id,
        predicate=lemma,
        subject=_display(subject, [m.claim.subject.text for m in core if m.claim.subject and m.subject == subject], names),
        subject_entity_id=subject if subject in names else None,
        object=_display(obj, [m.claim.object.text for m in core if m.claim.object and m.object == obj], names),
        object_entity_id=obj if obj in names else None,
        location=_display(location, [m.claim.location.text for m in event if m.claim.location and m.location == location], names),
        time=times.value,
        modality=modality,
        attribution=sorted({m.claim.attribution.source for m in event if m.claim.attribution}),
        members=sorted(m.claim.id for m in event),
        sources=doc_ids,
        evidence=sorted_evidence(e for m in event for e in (*m.claim.evidence, *m.time_evidence)),
        status=sources.status(doc_ids, conflicts),
        conflicts=conflicts,
        match_evidence=why,
    )
