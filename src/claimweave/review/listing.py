"""The reviewer's list: filter the reconciled record and show each item with its evidence in context."""

from __future__ import annotations

from dataclasses import dataclass, field

from rich.console import Console
from rich.text import Text

from claimweave.models import Evidence, ReconciledAgreement, ReconciledClaim, ReconciledRole
from claimweave.review.apply import Item, kind_of
from claimweave.review.record import Record, dump_value

STATE_STYLE = {"unreviewed": "dim", "accepted": "green", "rejected": "red strike", "corrected": "yellow"}
STATUS_STYLE = {"corroborated": "green", "single_source": "cyan", "conflicting": "magenta"}


@dataclass
class Filters:
    """What a reviewer asked to see; an empty filter matches everything."""

    kinds: list[str] = field(default_factory=list)
    entity: str | None = None
    source: str | None = None
    statuses: list[str] = field(default_factory=list)
    modalities: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    search: str | None = None


def _names(item: Item) -> list[str]:
    """The participant names and entity ids of an item."""
    if isinstance(item, ReconciledClaim):
        return [v for v in (item.subject, item.object, item.subject_entity_id, item.object_entity_id) if v]
    if isinstance(item, ReconciledRole):
        return [v for v in (item.person, item.entity_id, item.affiliation) if v]
    return list(item.parties)


def item_text(item: Item) -> str:
    """Every text of an item a search looks in: its fields and its evidence."""
    data = item.model_dump(exclude={"review", "evidence", "members", "conflicts"})
    parts = [dump_value(v) for v in data.values() if isinstance(v, (str, list))]
    parts += [e.text for e in item.evidence]
    parts += [e.note or "" for e in item.review.history]
    return "\n".join(parts)


def _entity_keys(record: Record, query: str) -> set[str]:
    """Lower-cased names, aliases and ids of the entities a query names (by id, name or alias)."""
    q = query.casefold()
    keys = {q}
    for entity in record.entities.entities:
        names = [entity.id, entity.name, *entity.aliases]
        if any(q == n.casefold() or q in entity.name.casefold() for n in names):
            keys.update(n.casefold() for n in names)
    return keys


def select(record: Record, filters: Filters) -> list[Item]:
    """The items of ``record`` that match every filter, in record order."""
    keys = _entity_keys(record, filters.entity) if filters.entity else set()
    out = []
    for item in record.items():
        if filters.kinds and kind_of(item) not in filters.kinds:
            continue
        if filters.statuses and item.status not in filters.statuses:
            continue
        if filters.states and item.review.state not in filters.states:
            continue
        if filters.modalities and getattr(item, "modality", None) not in filters.modalities:
            continue
        if filters.source and filters.source not in item.sources:
            continue
        if keys and not any(n.casefold() in keys or any(k in n.casefold() for k in keys if len(k) > 2) for n in _names(item)):
            continue
        if filters.search and filters.search.casefold() not in item_text(item).casefold():
            continue
        out.append(item)
    return out


def summary(item: Item) -> str:
    """One line saying what the item states."""
    if isinstance(item, ReconciledClaim):
        line = f"{item.subject or '?'} —{item.predicate}→ {item.object or '…'}"
        if item.location:
            line += f" in {item.location}"
        if item.time:
            line += f" @ {item.time}"
        extra = [item.modality] + [f"according to {a}" for a in item.attribution]
        return f"{line}  ({'; '.join(extra)})"
    if isinstance(item, ReconciledRole):
        details = [v for v in (item.qualifier, item.affiliation, item.time) if v]
        return f"{item.person}: {item.title_normalized}" + (f" ({', '.join(details)})" if details else "")
    assert isinstance(item, ReconciledAgreement)
    parts = [f"{item.kind}" + (f" of {item.asset}" if item.asset else ""), f"parties: {dump_value(item.parties)}"]
    for name in ("signed", "duration", "expires", "renewal", "status_value"):
        value = getattr(item, name)
        if value:
            parts.append(f"{name}: {dump_value(value)}")
    return "; ".join(parts)


def in_sentence(evidence: Evidence, *, marks: bool = False) -> Text:
    """The evidence's sentence with the evidence itself highlighted (and between «» when ``marks``)."""
    sentence = evidence.sentence
    needle = " ".join(evidence.text.split())
    shown = f"«{needle}»" if marks else needle
    at = sentence.find(needle) if needle else -1
    if at < 0:
        return Text.assemble((shown, "bold black on yellow"), "  ", (sentence, "dim"))
    return Text.assemble(sentence[:at], (shown, "bold black on yellow"), sentence[at + len(needle) :])


def render(record: Record, items: list[Item], console: Console, *, total: int, max_evidence: int = 3) -> None:
    """Print ``items`` for a reviewer: header, statement, corrections, conflicts, evidence in context."""
    for item in items:
        state = item.review.state
        console.print(
            Text.assemble(
                (f"{kind_of(item):<9}", "bold"), " ", (item.id, "bold cyan"), "  ",
                (item.status, STATUS_STYLE[item.status]), "  ", (state, STATE_STYLE[state]),
                f"  sources: {', '.join(item.sources)}",
            )
        )
        console.print(Text("  " + summary(item)))
        for name in item.review.corrected:
            was = dump_value(item.review.original[name])
            console.print(Text(f"  corrected {name}: {dump_value(getattr(item, name))} (was {was})", style="yellow"))
        for conflict in item.conflicts:
            values = "; ".join(f"{v.value} [{', '.join(v.sources)}]" for v in conflict.values)
            console.print(Text(f"  conflict on {conflict.field}: {values}", style="magenta"))
        for evidence in item.evidence[:max_evidence]:
            where = (f"  {evidence.doc_id}:{evidence.start}-{evidence.end} ", "dim")
            # Without colours (a pipe, a file) the highlight needs visible marks.
            sentence = in_sentence(evidence, marks=not console.is_terminal)
            console.print(Text.assemble(where, sentence, (f"  [{evidence.rule}]", "dim")))
        if len(item.evidence) > max_evidence:
            console.print(Text(f"  … and {len(item.evidence) - max_evidence} more evidence", style="dim"))
        last = item.review.history[-1] if item.review.history else None
        if last is not None and (last.note or last.by):
            console.print(Text(f"  {last.action} by {last.by or '?'} at {last.at}: {last.note or ''}", style="dim"))
        console.print()
    console.print(Text(f"{len(items)} of {total} items shown", style="bold"))
    for warning in record.report.warnings():
        console.print(Text(f"Warning: {warning.path}: {warning.message}", style="red"))
