"""Score the time component against TIMEX3 gold (TempEval-3 Task A: strict/relaxed extent, value, type).

``evaluate_folder`` runs the real pipeline over a folder of articles that has a ``gold.jsonl``
(TimeBank format: body offsets, ``body_offset`` per document) and scores the result exactly as
the shared ``timex_score.py`` does; the scoring itself is ``score`` (pure).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimweave.errors import InputError

Span = dict  # {"start", "end", "type", "value", ...}


@dataclass
class Scores:
    """Micro-averaged counts and the figures derived from them (all percentages 0-100)."""

    documents: int = 0
    gold: int = 0
    system: int = 0
    strict_tp: int = 0
    relaxed_tp: int = 0
    value_correct: int = 0
    type_correct: int = 0
    by_type: dict[str, Counter] = field(default_factory=dict)

    @staticmethod
    def _prf(tp: int, n_sys: int, n_gold: int) -> tuple[float, float, float]:
        p = tp / n_sys if n_sys else 0.0
        r = tp / n_gold if n_gold else 0.0
        return 100 * p, 100 * r, (200 * p * r / (p + r) if p + r else 0.0)

    @property
    def strict(self) -> tuple[float, float, float]:
        return self._prf(self.strict_tp, self.system, self.gold)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return self._prf(self.relaxed_tp, self.system, self.gold)

    @property
    def value_accuracy(self) -> float:
        return 100 * self.value_correct / self.relaxed_tp if self.relaxed_tp else 0.0

    @property
    def type_accuracy(self) -> float:
        return 100 * self.type_correct / self.relaxed_tp if self.relaxed_tp else 0.0

    @property
    def strict_f1(self) -> float:
        return self.strict[2]

    @property
    def relaxed_f1(self) -> float:
        return self.relaxed[2]

    @property
    def value_f1(self) -> float:
        return self.relaxed_f1 * self.value_accuracy / 100

    @property
    def type_f1(self) -> float:
        return self.relaxed_f1 * self.type_accuracy / 100

    def summary(self) -> dict[str, float]:
        return {"strict_f1": round(self.strict_f1, 2), "relaxed_f1": round(self.relaxed_f1, 2),
                "value_f1": round(self.value_f1, 2), "type_f1": round(self.type_f1, 2)}

    def report_lines(self) -> list[str]:
        lines = [f"{self.documents} documents, {self.gold} gold timexes, {self.system} system timexes", "",
                 f"{'':10} {'P':>6} {'R':>6} {'F1':>6}   matches"]
        for name, (p, r, f), tp in (("strict", self.strict, self.strict_tp), ("relaxed", self.relaxed, self.relaxed_tp)):
            lines.append(f"{name:10} {p:6.2f} {r:6.2f} {f:6.2f}   {tp}")
        lines += ["", f"{'':10} {'acc':>6} {'F1':>6}   correct (over relaxed matches)",
                  f"{'value':10} {self.value_accuracy:6.2f} {self.value_f1:6.2f}   {self.value_correct}",
                  f"{'type':10} {self.type_accuracy:6.2f} {self.type_f1:6.2f}   {self.type_correct}", "",
                  f"{'gold type':10} {'n':>6} {'strR':>6} {'relR':>6} {'valAcc':>6}"]
        for name, c in sorted(self.by_type.items()):
            pct = lambda a, b: 100 * a / b if b else 0.0  # noqa: E731
            lines.append(f"{name:10} {c['gold']:6d} {pct(c['strict'], c['gold']):6.2f} {pct(c['relaxed'], c['gold']):6.2f} "
                         f"{pct(c['value_correct'], c['relaxed']):6.2f}")
        lines += ["", json.dumps(self.summary())]
        return lines


def _norm_value(v: object) -> str:
    return "" if v is None else str(v).strip()


def _norm_type(v: object) -> str:
    return "" if v is None else str(v).strip().upper()


def relaxed_matching(gold: list[Span], system: list[Span]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching of overlapping spans, exact pairs first (as TempEval-3 counts)."""
    cand = []
    for g in gold:
        opts = []
        for si, s in enumerate(system):
            overlap = min(g["end"], s["end"]) - max(g["start"], s["start"])
            if overlap > 0:
                exact = g["start"] == s["start"] and g["end"] == s["end"]
                opts.append((not exact, -overlap, abs(g["start"] - s["start"]), si))
        cand.append([si for *_, si in sorted(opts)])
    match_s: dict[int, int] = {}

    def augment(gi: int, seen: set[int]) -> bool:
        for si in cand[gi]:
            if si in seen:
                continue
            seen.add(si)
            if si not in match_s or augment(match_s[si], seen):
                match_s[si] = gi
                return True
        return False

    for gi in range(len(gold)):
        for si in cand[gi][:1]:
            s = system[si]
            if s["start"] == gold[gi]["start"] and s["end"] == gold[gi]["end"] and si not in match_s:
                match_s[si] = gi
    matched = set(match_s.values())
    for gi in range(len(gold)):
        if gi not in matched and cand[gi] and augment(gi, set()):
            matched = set(match_s.values())
    return sorted((gi, si) for si, gi in match_s.items())


def score(gold: dict[str, list[Span]], system: dict[str, list[Span]]) -> Scores:
    """Scores of ``system`` against ``gold`` (both: document id -> timexes with body offsets)."""
    unknown = sorted(set(system) - set(gold))
    if unknown:
        raise InputError(None, f"system has {len(unknown)} document id(s) not in the gold, e.g. {unknown[0]!r}")
    scores = Scores(documents=len(gold))
    for doc_id in sorted(gold):
        gtx, stx = gold[doc_id], system.get(doc_id, [])
        scores.gold += len(gtx)
        scores.system += len(stx)
        g_spans = Counter((t["start"], t["end"]) for t in gtx)
        s_spans = Counter((t["start"], t["end"]) for t in stx)
        scores.strict_tp += sum(min(c, s_spans[span]) for span, c in g_spans.items())
        pairs = relaxed_matching(gtx, stx)
        scores.relaxed_tp += len(pairs)
        for t in gtx:
            scores.by_type.setdefault(_norm_type(t.get("type")), Counter())["gold"] += 1
        for gi, si in pairs:
            g, s = gtx[gi], stx[si]
            v_ok = _norm_value(g.get("value")) == _norm_value(s.get("value"))
            scores.value_correct += v_ok
            scores.type_correct += _norm_type(g.get("type")) == _norm_type(s.get("type"))
            c = scores.by_type[_norm_type(g.get("type"))]
            c["relaxed"] += 1
            c["strict"] += g["start"] == s["start"] and g["end"] == s["end"]
            c["value_correct"] += v_ok
    return scores


def read_gold(path: Path) -> dict[str, dict]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise InputError(str(path), f"cannot read gold file ({err.strerror})") from err
    gold = {}
    for number, line in enumerate(lines, 1):
        if line.strip():
            try:
                item = json.loads(line)
                gold[item["id"]] = item
            except (ValueError, KeyError, TypeError) as err:
                raise InputError(f"{path}:{number}", f"not a gold line ({err})") from err
    return gold


def system_timexes(folder: Path, gold: dict[str, dict], *, model: str | None = None) -> dict[str, list[Span]]:
    """Run the pipeline (up to the time component) over the gold documents; body offsets per id."""
    from claimweave.ingest import read_path
    from claimweave.pipeline import DEFAULT_MODEL, load_pipeline

    documents = []
    for doc_id in sorted(gold):
        path = folder / f"{doc_id}.txt"
        if not path.is_file():
            raise InputError(str(path), "gold document has no .txt file beside gold.jsonl")
        for item in read_path(str(path)):
            if isinstance(item, InputError):
                raise item
            item.id = doc_id
            documents.append(item)
    nlp = load_pipeline(model or DEFAULT_MODEL)
    later = [n for n in nlp.pipe_names if n.startswith("claimweave_") and n not in ("claimweave_entities", "claimweave_timex")]
    system: dict[str, list[Span]] = {}
    with nlp.select_pipes(disable=later):
        for document, doc in zip(documents, _docs(nlp, documents)):
            offset = gold[document.id].get("body_offset", document.body_start)
            system[document.id] = [
                {"start": t.start - offset, "end": t.end - offset, "text": t.text, "type": t.type, "value": t.value,
                 **({"mod": t.mod} if t.mod else {})}
                for t in sorted(doc._.cw_timexes or [], key=lambda t: (t.start, t.end))
                if t.start >= offset
            ]
    return system


def _docs(nlp, documents: Iterable) -> Iterable:
    from claimweave.pipeline import _make_doc

    return nlp.pipe((_make_doc(nlp, d) for d in documents), batch_size=16)


def evaluate_folder(folder: Path, *, output: Path | None = None, model: str | None = None) -> Scores:
    """Run claimweave over ``folder`` and score its timexes against ``folder/gold.jsonl``."""
    folder = Path(folder)
    gold_path = folder / "gold.jsonl"
    if not gold_path.is_file():
        raise InputError(str(folder), "no gold.jsonl in this folder")
    gold = read_gold(gold_path)
    system = system_timexes(folder, gold, model=model)
    if output is not None:
        try:
            with open(output, "w", encoding="utf-8") as fh:
                for doc_id in sorted(system):
                    fh.write(json.dumps({"id": doc_id, "timexes": system[doc_id]}, ensure_ascii=False) + "\n")
        except OSError as err:
            raise InputError(str(output), f"cannot write ({err.strerror})") from err
    return score({k: v.get("timexes", []) for k, v in gold.items()}, system)
