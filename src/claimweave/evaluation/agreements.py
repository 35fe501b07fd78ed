"""Field-level scoring of the agreements component against hand-written gold.

A gold agreement is located by its ``anchor`` text and matched one-to-one with the extracted
agreement whose mentions overlap it. Every field that is filled in the gold or in the output is a
slot (parties, asset, signed, duration, expires, renewal, status); a slot is correct when both
agree. Unmatched gold agreements and spurious extracted ones count all their filled fields as
wrong, so the accuracy falls with misses and with false alarms alike.

The same measure scores a second hand annotation of the same articles in place of the extractor
(``evaluate(..., annotation=path)``): how far two annotators agree is the ceiling a system can be
expected to reach on the gold.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from claimweave.errors import InputError
from claimweave.extract.agreement_terms import spells
from claimweave.extract.entities import name_key
from claimweave.extract.titles import affiliation_name
from claimweave.models import Agreement, Evidence, Timex, TimexAnchor

FIELDS = ("parties", "asset", "signed", "duration", "expires", "renewal", "status")
_STOP = {"the", "a", "an", "of", "in", "at", "on", "and", "near", "to"}


class GoldExpiry(BaseModel):
    model_config = ConfigDict(extra="forbid")
    value: str
    computed: bool


class GoldRenewal(BaseModel):
    model_config = ConfigDict(extra="forbid")
    automatic: bool | None
    period: str | None


class GoldAgreement(BaseModel):
    """One gold agreement (format in tests/data/timebank_agreements/README.md)."""

    model_config = ConfigDict(extra="forbid")
    doc: str
    anchor: str
    occurrence: int = 1
    kind: str
    parties: list[str]
    asset: str | None
    signed: list[str]
    duration: str | None
    expires: GoldExpiry | None
    renewal: GoldRenewal | None
    status: str | None


def load_gold(path: Path) -> list[GoldAgreement]:
    """Read a gold.jsonl file; a bad line is an InputError naming the file and line."""
    items = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                items.append(GoldAgreement.model_validate(json.loads(line)))
            except (ValueError, ValidationError) as err:
                raise InputError(f"{path}:{number}", str(err).splitlines()[0]) from err
    return items


# ---------------------------------------------------------------------- field comparison


def _words(text: str) -> set[str]:
    return {w for w in name_key(text).split() if w not in _STOP}


def same_name(a: str, b: str) -> bool:
    """Lenient name match: equal keys, or one name's words inside the other's ("LIN" ~ "LIN Broadcasting Corp.");
    a nationality or abbreviation names its country or organisation ("Iraqi" ~ "Iraq", "U.N." ~ "United Nations"),
    and an acronym its name ("LTTE" ~ "the Liberation Tigers of Tamil Eelam")."""
    for x, y in ((a, b), (affiliation_name(a), affiliation_name(b))):
        kx, ky = _words(x), _words(y)
        if kx and ky and (kx <= ky or ky <= kx):
            return True
    return spells(a, b) or spells(b, a)


def same_asset(a: str, b: str) -> bool:
    """Lenient asset match: one contains the other, or at least half their content words are shared."""
    ka, kb = _words(a), _words(b)
    if not ka or not kb:
        return False
    return ka <= kb or kb <= ka or len(ka & kb) / len(ka | kb) >= 0.5


def _pair_names(gold: list[str], system: list[str]) -> tuple[int, list[str]]:
    """Match gold names to system names one to one: how many gold names found a match, and the
    system names left over."""
    left, found = list(system), 0
    for name in gold:
        hit = next((s for s in left if same_name(name, s)), None)
        if hit is not None:
            left.remove(hit)
            found += 1
    return found, left


def same_parties(gold: list[str], system: list[str]) -> bool:
    found, left = _pair_names(gold, system)
    return found == len(gold) and not left


def _values(item: GoldAgreement | Agreement) -> dict[str, object]:
    """The scored fields of a gold or system agreement, empty ones as None."""
    parties = item.parties if isinstance(item, GoldAgreement) else [p.text for p in item.parties]
    expires = (item.expires.value, item.expires.computed) if item.expires else None
    renewal = (item.renewal.automatic, item.renewal.period) if item.renewal else None
    return {
        "parties": parties or None,
        "asset": item.asset,
        "signed": sorted(item.signed) or None,
        "duration": item.duration,
        "expires": expires,
        "renewal": renewal,
        "status": item.status,
    }


def field_correct(name: str, gold: object, system: object) -> bool:
    if gold is None or system is None:
        return gold is None and system is None
    if name == "parties":
        return same_parties(gold, system)
    if name == "asset":
        return same_asset(gold, system)
    return gold == system


# ---------------------------------------------------------------------- scoring


@dataclass
class Scores:
    """Slot counts per field, detection counts, and the errors for inspection."""

    correct: Counter = field(default_factory=Counter)
    total: Counter = field(default_factory=Counter)
    matched: int = 0
    gold: int = 0
    system: int = 0
    errors: list[str] = field(default_factory=list)
    # parties of matched agreements: how a wrong list is wrong, and how lists fare by where the
    # gold names their sides (all in the agreement's sentence, or some only in other sentences)
    party_errors: Counter = field(default_factory=Counter)
    party_places: Counter = field(default_factory=Counter)
    party_places_correct: Counter = field(default_factory=Counter)
    # wrong slots by how the agreement fared: matched, missed (gold only) or spurious (system only)
    wrong: Counter = field(default_factory=Counter)
    # (right slots, slots) per scored document, for the interval
    documents: list[tuple[int, int]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        total = sum(self.total.values())
        return sum(self.correct.values()) / total if total else 0.0

    @property
    def scored_documents(self) -> list[tuple[int, int]]:
        """(right slots, slots) of the documents that have slots."""
        return [d for d in self.documents if d[1]]

    def interval(self, level: float = 0.95, rounds: int = 2000) -> tuple[float, float] | None:
        """A percentile bootstrap interval for the field accuracy, resampling documents (slots of one
        document are not independent); seeded, so the same scores give the same interval. None with
        fewer than two documents that have slots."""
        docs = self.scored_documents
        if len(docs) < 2:
            return None
        rng = random.Random(0)
        values = []
        for _ in range(rounds):
            sample = rng.choices(docs, k=len(docs))
            values.append(sum(c for c, _ in sample) / sum(t for _, t in sample))
        values.sort()
        tail = (1 - level) / 2
        return values[int(tail * rounds)], values[min(rounds - 1, int((1 - tail) * rounds))]

    def field_accuracy(self, name: str) -> float:
        return self.correct[name] / self.total[name] if self.total[name] else 1.0

    def report_lines(self) -> list[str]:
        p = self.matched / self.system if self.system else 0.0
        r = self.matched / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        lines = [
            f"agreements: gold {self.gold}, system {self.system}, matched {self.matched} "
            f"(P {p:.3f} R {r:.3f} F1 {f:.3f})",
            f"field accuracy: {self.accuracy:.3f} ({sum(self.correct.values())}/{sum(self.total.values())} slots)",
        ]
        level = 0.95
        if (bounds := self.interval(level)) is not None:
            lines.append(
                f"  {level:.0%} interval {bounds[0]:.3f}-{bounds[1]:.3f} (bootstrap over {len(self.scored_documents)} documents with slots)"
            )
        for name in FIELDS:
            lines.append(f"  {name:<9} {self.field_accuracy(name):.3f} ({self.correct[name]}/{self.total[name]})")
        if self.party_places:
            lines.append("parties of matched agreements, by where the gold's sides are written:")
            for place in (p for p in PARTY_PLACES if self.party_places[p]):
                n, ok = self.party_places[place], self.party_places_correct[place]
                lines.append(f"  {place:<38} {ok / n:.3f} ({ok}/{n})")
        if self.wrong:
            lines.append("wrong slots: " + ", ".join(f"{self.wrong[kind]} {kind}" for kind in WRONG_SLOTS))
        if self.party_errors:
            lines.append("wrong party lists: " + ", ".join(f"{kind} {self.party_errors[kind]}" for kind in PARTY_ERRORS))
        return lines


PARTY_PLACES = ("all written in its sentence", "some written only in other sentences", "some not written verbatim")
PARTY_ERRORS = ("missing a side", "an extra side", "a wrong side")
WRONG_SLOTS = ("in matched agreements", "of missed agreements", "of spurious agreements")


def party_place(gold: list[str], sentence: str, text: str) -> str:
    """Where the gold's names of an agreement's sides are written, relative to the sentence of the
    agreement's first mention (verbatim: "Israel" is not written in a sentence that says "Israeli")."""
    def written(name: str, where: str) -> bool:
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", where) is not None

    if all(written(name, sentence) for name in gold):
        return PARTY_PLACES[0]
    return PARTY_PLACES[1] if all(written(name, text) for name in gold) else PARTY_PLACES[2]


def party_error(gold: list[str], system: list[str]) -> str:
    """How a wrong party list is wrong: a side missing, one too many, or a side that is not the gold's."""
    found, left = _pair_names(gold, system)
    if not left and found < len(gold):
        return PARTY_ERRORS[0]
    return PARTY_ERRORS[1] if found == len(gold) else PARTY_ERRORS[2]


def _anchor_span(text: str, gold: GoldAgreement) -> tuple[int, int]:
    starts = [m.start() for m in re.finditer(re.escape(gold.anchor), text)]
    if len(starts) < gold.occurrence:
        raise InputError(gold.doc, f"gold anchor not found: {gold.anchor!r}")
    start = starts[gold.occurrence - 1]
    return start, start + len(gold.anchor)


def _spans(agreement: Agreement) -> list[tuple[int, int]]:
    return [(e.start, e.end) for e in agreement.evidence] + [
        (e.start, e.end) for k, e in agreement.field_evidence.items() if k == "kind"
    ]


def _system_spans(text: str, item: Agreement | GoldAgreement) -> list[tuple[int, int]]:
    """Where an extracted agreement is mentioned, or where a second annotation anchors one."""
    return [_anchor_span(text, item)] if isinstance(item, GoldAgreement) else _spans(item)


def _describe(item: Agreement | GoldAgreement) -> str:
    if isinstance(item, GoldAgreement):
        return f"{item.doc}: spurious agreement {item.anchor!r} ({item.kind})"
    return f"{item.evidence[0].doc_id}: spurious agreement {item.text!r} ({item.kind})"


def score_document(
    text: str, gold: list[GoldAgreement], system: list[Agreement] | list[GoldAgreement], scores: Scores
) -> None:
    """Add one document's slots to ``scores``; ``system`` is the extractor's output or a second annotation."""
    before = (sum(scores.correct.values()), sum(scores.total.values()))
    scores.gold += len(gold)
    scores.system += len(system)
    left = list(system)
    for g in gold:
        a, b = _anchor_span(text, g)
        hit = next((s for s in left if any(s0 < b and a < s1 for s0, s1 in _system_spans(text, s))), None)
        gv = _values(g)
        sv = _values(hit) if hit is not None else dict.fromkeys(FIELDS)
        if hit is not None:
            left.remove(hit)
            scores.matched += 1
        else:
            scores.errors.append(f"{g.doc}: missed agreement {g.anchor!r}")
        if hit is not None and g.parties:
            right = field_correct("parties", gv["parties"], sv["parties"])
            if not right:
                scores.party_errors[party_error(g.parties, sv["parties"] or [])] += 1
            if isinstance(hit, Agreement):  # (where the sides are written needs the extractor's sentence)
                place = party_place(g.parties, hit.evidence[0].sentence, text)
                scores.party_places[place] += 1
                scores.party_places_correct[place] += right
        for name in FIELDS:
            if gv[name] is None and sv[name] is None:
                continue
            scores.total[name] += 1
            if field_correct(name, gv[name], sv[name]):
                scores.correct[name] += 1
            elif hit is not None:
                scores.wrong[WRONG_SLOTS[0]] += 1
                scores.errors.append(f"{g.doc}: {g.anchor!r} {name}: gold {gv[name]!r}, system {sv[name]!r}")
            else:
                scores.wrong[WRONG_SLOTS[1]] += 1
    for s in left:
        scores.errors.append(_describe(s))
        for name, value in _values(s).items():
            if value is not None:
                scores.total[name] += 1
                scores.wrong[WRONG_SLOTS[2]] += 1
    scores.documents.append((sum(scores.correct.values()) - before[0], sum(scores.total.values()) - before[1]))


# ---------------------------------------------------------------------- running


def _gold_timexes(path: Path) -> dict[str, list[dict]]:
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out[d["id"]] = [dict(t, start=t["start"] + d["body_offset"], end=t["end"] + d["body_offset"]) for t in d["timexes"]]
    return out


def _as_timexes(doc_id: str, text: str, items: list[dict]) -> list[Timex]:
    timexes = []
    for t in items:
        ev = Evidence(doc_id=doc_id, start=t["start"], end=t["end"], text=text[t["start"] : t["end"]], sentence="", rule="gold")
        timexes.append(
            Timex(
                id=f"gold_{t['tid']}", start=t["start"], end=t["end"], text=ev.text, type=t["type"], value=t["value"],
                mod=t.get("mod"), anchor=TimexAnchor(kind="none"), resolved="X" not in t["value"], evidence=ev,
            )
        )
    return timexes


def extract(documents, nlp, *, gold_timexes: dict[str, list[dict]] | None = None) -> dict[str, list[Agreement]]:
    """Agreements per document id; with ``gold_timexes`` the time component's output is replaced by gold."""
    from claimweave.pipeline import _make_doc

    out = {}
    for document in documents:
        doc = _make_doc(nlp, document)
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            if name == "claimweave_timex" and gold_timexes is not None:
                doc._.cw_timexes = _as_timexes(document.id, document.text, gold_timexes.get(document.id, []))
        out[document.id] = list(doc._.cw_agreements or [])
    return out


def evaluate(
    gold_dir: Path,
    *,
    corpus: list[str] | None = None,
    timexes: str = "pipeline",
    model: str | None = None,
    annotation: Path | None = None,
) -> Scores:
    """Score the agreements component on ``gold_dir`` (gold.jsonl; documents there or in ``corpus``);
    with ``annotation`` (a second hand annotation in the gold format) score that instead of the
    extractor, without running the pipeline."""
    from claimweave.ingest import read_corpus
    from claimweave.pipeline import DEFAULT_MODEL, load_pipeline

    gold_path = gold_dir / "gold.jsonl"
    if not gold_path.exists():
        raise InputError(str(gold_dir), "no gold.jsonl in this folder")
    gold = load_gold(gold_path)
    gold_tx = None
    if timexes == "gold":
        tx_path = gold_dir / "timexes.jsonl"
        if not tx_path.exists():
            raise InputError(str(gold_dir), "--timexes gold needs a timexes.jsonl next to gold.jsonl")
        gold_tx = _gold_timexes(tx_path)
    if not corpus:
        # The gold folder's own articles; its .jsonl files are gold, not documents.
        corpus = sorted(str(p) for p in gold_dir.iterdir() if p.suffix in (".txt", ".md", ".html"))
    documents = []
    for item in read_corpus(corpus):
        if isinstance(item, InputError):
            raise item
        if not Path(item.path).name.lower().startswith("readme"):
            documents.append(item)
    known = {d.id for d in documents}
    missing = sorted({g.doc for g in gold} - known)
    if missing:
        raise InputError(str(gold_path), f"gold documents not in the corpus: {', '.join(missing)}")
    if annotation is not None:
        if not annotation.is_file():
            raise InputError(str(annotation), "no such annotation file")
        found = _annotated(load_gold(annotation), {d.id: d.text for d in documents}, annotation)
    else:
        found = extract(documents, load_pipeline(model or DEFAULT_MODEL), gold_timexes=gold_tx)
    scores = Scores()
    for document in sorted(documents, key=lambda d: d.id):
        doc_gold = [g for g in gold if g.doc == document.id]
        score_document(document.text, doc_gold, found[document.id], scores)
    return scores


def _annotated(items: list[GoldAgreement], texts: dict[str, str], path: Path) -> dict[str, list[GoldAgreement]]:
    """A second annotation's agreements per document id; every one must be of a document scored, and
    its anchor must be found there."""
    stray = sorted({g.doc for g in items} - set(texts))
    if stray:
        raise InputError(str(path), f"annotated documents not in the corpus: {', '.join(stray)}")
    out: dict[str, list[GoldAgreement]] = {doc_id: [] for doc_id in texts}
    for number, item in enumerate(items, 1):
        try:
            _anchor_span(texts[item.doc], item)
        except InputError:
            raise InputError(str(path), f"annotated agreement {number}: anchor not found in {item.doc}: {item.anchor!r}") from None
        out[item.doc].append(item)
    return out
