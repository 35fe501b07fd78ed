"""Scoring people and roles against gold: precision, recall and F1 of (person, title, affiliation).

A gold folder holds ``*.jsonl`` files (one line per role: ``doc_id``, ``person``,
``title_normalized``, ``affiliation``, optional ``qualifier``) and ``sources.json``, which maps each
gold file to the folders its documents are read from (relative to the gold folder; folders that
do not exist are skipped, so one entry can name the same data as seen from two checkouts).

Matching is tolerant of the form of a name and strict on who it is: "Lavrov" matches the gold
"Sergey Lavrov", but a name that fits two gold people of the document ("al Sharaa" when both
Ahmed and Maher al Sharaa are there) matches neither. Organisations match without legal
suffixes ("Kellogg" ~ "Kellogg Co."). Titles match exactly after both sides go through
``normalize_title`` (so documented synonyms such as finance director / chief financial officer agree).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from claimweave.errors import InputError, UsageError
from claimweave.extract.entities import name_key
from claimweave.extract.people import same_person, surname_compatible
from claimweave.extract.titles import affiliation_name, normalize_title

DEFAULT_GOLD_DIR = "tests/gold/roles"
_LEGAL = re.compile(r"\b(?:corp|corporation|inc|co|ltd|plc|llc|holdings?|group|company|ag|sa|nv)\b\.?", re.I)


class GoldRole(BaseModel):
    model_config = ConfigDict(extra="forbid")
    doc_id: str
    person: str
    title_normalized: str
    affiliation: str | None = None
    qualifier: str | None = None


Triple = tuple[str, str, str | None]


def load_gold(path: Path) -> list[GoldRole]:
    """The gold roles of one JSONL file; a malformed line is an error naming it."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(GoldRole.model_validate(json.loads(line)))
        except (ValueError, ValidationError) as err:
            raise InputError(f"{path}:{number}", str(err).splitlines()[0]) from err
    return rows


def org_key(text: str | None) -> str | None:
    """An affiliation comparison key: country names unified, 'the' and legal suffixes dropped."""
    if text is None:
        return None
    return name_key(_LEGAL.sub(" ", affiliation_name(text)))


def affiliation_match(system: str | None, gold: str | None) -> bool:
    a, b = org_key(system), org_key(gold)
    if a is None or b is None:
        return a == b
    if a == b:
        return True
    x, y = set(a.split()), set(b.split())
    return bool(x) and bool(y) and (x <= y or y <= x)


def person_match(system: str, gold: str, gold_people: Iterable[str]) -> bool:
    """``system`` names the gold person ``gold`` and no other gold person of the document."""
    people = set(gold_people) | {gold}
    same = [p for p in people if name_key(p) == name_key(system) or same_person(system, p)]
    if same:
        return same == [gold]
    return [p for p in people if surname_compatible(system, p)] == [gold]


@dataclass
class Scores:
    """Counts and the errors behind them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    false_positives: list[tuple[str, Triple]] = field(default_factory=list)
    false_negatives: list[tuple[str, Triple]] = field(default_factory=list)
    by_file: dict[str, tuple[int, int, int]] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def report_lines(self, *, errors: bool = False) -> list[str]:
        lines = []
        for name, (tp, fp, fn) in sorted(self.by_file.items()):
            p = tp / (tp + fp) if tp + fp else 0.0
            r = tp / (tp + fn) if tp + fn else 0.0
            lines.append(f"{name:28} gold {tp + fn:4}  system {tp + fp:4}  P {p:.3f}  R {r:.3f}")
        lines.append(
            f"{'all':28} gold {self.tp + self.fn:4}  system {self.tp + self.fp:4}  "
            f"P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
        )
        if errors:
            lines += [f"  FP {doc}: {t}" for doc, t in sorted(self.false_positives, key=str)]
            lines += [f"  FN {doc}: {t}" for doc, t in sorted(self.false_negatives, key=str)]
        return lines


def score_document(doc_id: str, system: Iterable[Triple], gold: Iterable[Triple], scores: Scores) -> tuple[int, int, int]:
    """Match one document's system triples to its gold triples (each gold triple at most once)."""
    gold_set = sorted({(p, normalize_title(t), a) for p, t, a in gold}, key=str)
    system_set = sorted({(p, normalize_title(t), a) for p, t, a in system}, key=str)
    gold_people = [g[0] for g in gold_set]
    matched: set[int] = set()
    tp = fp = 0
    for s in system_set:
        hit = next(
            (i for i, g in enumerate(gold_set) if i not in matched and s[1] == g[1]
             and affiliation_match(s[2], g[2]) and person_match(s[0], g[0], gold_people)),
            None,
        )
        if hit is None:
            fp += 1
            scores.false_positives.append((doc_id, s))
        else:
            matched.add(hit)
            tp += 1
    fn = len(gold_set) - len(matched)
    scores.false_negatives += [(doc_id, g) for i, g in enumerate(gold_set) if i not in matched]
    scores.tp, scores.fp, scores.fn = scores.tp + tp, scores.fp + fp, scores.fn + fn
    return tp, fp, fn


def evaluate_folder(gold_dir: Path | str = DEFAULT_GOLD_DIR, *, model: str | None = None) -> Scores:
    """Run the pipeline over the documents of every gold file in ``gold_dir`` and score the roles."""
    from claimweave.ingest import read_corpus
    from claimweave.pipeline import DEFAULT_MODEL, analyse, load_pipeline

    gold_dir = Path(gold_dir)
    sources_path = gold_dir / "sources.json"
    if not sources_path.is_file():
        raise UsageError(str(gold_dir), "not a roles gold folder (no sources.json)")
    try:
        sources: dict[str, list[str]] = json.loads(sources_path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise InputError(str(sources_path), f"invalid JSON: {err}") from err
    nlp = load_pipeline(model or DEFAULT_MODEL)
    scores = Scores()
    for name, folders in sorted(sources.items()):
        gold = load_gold(gold_dir / name)
        wanted = {g.doc_id for g in gold}
        # a source may be given in several places (a worktree and the main checkout); missing ones are skipped
        paths = [str((gold_dir / folder).resolve()) for folder in folders if (gold_dir / folder).is_dir()]
        documents = [d for d in read_corpus(paths) if not isinstance(d, InputError) and d.id in wanted]
        missing = wanted - {d.id for d in documents}
        if missing:
            raise InputError(name, f"documents not found: {', '.join(sorted(missing))}")
        before = (scores.tp, scores.fp, scores.fn)
        for result in analyse(documents, nlp):
            doc_id = result.document.id
            system = [(r.person, r.title_normalized, r.affiliation) for r in result.roles]
            golds = [(g.person, g.title_normalized, g.affiliation) for g in gold if g.doc_id == doc_id]
            score_document(doc_id, system, golds, scores)
        scores.by_file[name] = tuple(now - then for now, then in zip((scores.tp, scores.fp, scores.fn), before))
    return scores
