"""The HTML report: one self-contained file (inline CSS and JS, no network) with the reconciled
record, filters, and every document with its extracted spans highlighted.

All text from articles and outputs is untrusted: it is escaped, and only generated numbers are
used as element ids (``ev-N`` for an evidence span, ``doc-N`` for a document).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from html import escape
from importlib import resources
from pathlib import Path

from claimweave import __version__
from claimweave.review.apply import Item, kind_of
from claimweave.review.listing import item_text, summary
from claimweave.review.record import Record, dump_value, load_record
from claimweave.writers import write_text_atomic

SpanKey = tuple[str, int, int]


@dataclass(frozen=True)
class Span:
    """A highlighted range of a document: what kind of item, which anchor, what it says."""

    start: int
    end: int
    kind: str
    anchor: str | None
    title: str


def _asset(name: str) -> str:
    return resources.files("claimweave.review").joinpath("assets", name).read_text(encoding="utf-8")


def anchors(record: Record) -> dict[SpanKey, str]:
    """``ev-N`` for every distinct evidence span of the record, numbered in document order."""
    keys = sorted({(e.doc_id, e.start, e.end) for item in record.items() for e in item.evidence})
    return {key: f"ev-{n}" for n, key in enumerate(keys, 1)}


def _spans(record: Record, ids: dict[SpanKey, str]) -> dict[str, list[Span]]:
    spans: dict[str, list[Span]] = defaultdict(list)
    for item in record.items():
        for e in item.evidence:
            spans[e.doc_id].append(Span(e.start, e.end, kind_of(item), ids[(e.doc_id, e.start, e.end)], f"{kind_of(item)} {item.id}: {summary(item)}"))
    for entity in record.entities.entities:
        for m in entity.mentions:
            spans[m.doc_id].append(Span(m.start, m.end, "entity", None, f"{entity.label} {entity.name}"))
    for doc_id, result in record.documents.items():
        for t in result.timexes:
            spans[doc_id].append(Span(t.start, t.end, "timex", None, f"{t.type} {t.value}"))
        for lo, hi in result.document.masked:
            spans[doc_id].append(Span(lo, hi, "masked", None, "not analysed"))
    return spans


def highlight(text: str, spans: list[Span]) -> str:
    """``text`` as escaped HTML, each span marked; overlapping spans split into segments."""
    spans = [s for s in spans if 0 <= s.start < s.end <= len(text)]
    cuts = sorted({0, len(text), *(s.start for s in spans), *(s.end for s in spans)})
    starts: dict[int, list[str]] = defaultdict(list)
    for s in spans:
        if s.anchor and s.anchor not in starts[s.start]:
            starts[s.start].append(s.anchor)
    out = []
    for lo, hi in zip(cuts, cuts[1:], strict=False):
        out.extend(f'<span class="anchor" id="{a}"></span>' for a in starts.get(lo, []))
        covering = [s for s in spans if s.start <= lo and hi <= s.end]
        chunk = escape(text[lo:hi])
        if not covering:
            out.append(chunk)
            continue
        kinds = " ".join(sorted({f"k-{s.kind}" for s in covering}))
        refs = " ".join(sorted({s.anchor for s in covering if s.anchor}))
        title = escape("\n".join(sorted({s.title for s in covering})))
        data = f' data-spans="{refs}"' if refs else ""
        out.append(f'<mark class="{kinds}"{data} title="{title}">{chunk}</mark>')
    return "".join(out)


def _option_list(name: str, label: str, values: list[str]) -> str:
    options = "".join(f'<option value="{escape(v)}">{escape(v)}</option>' for v in values)
    return f'<label>{label} <select id="f-{name}"><option value="">all</option>{options}</select></label>'


def _item_row(item: Item, ids: dict[SpanKey, str], docs: dict[str, int]) -> str:
    kind = kind_of(item)
    parts = [f'<div class="stmt">{escape(summary(item))}</div>']
    for name in item.review.corrected:
        parts.append(
            f'<div class="corr">corrected {escape(name)}: {escape(dump_value(getattr(item, name)))} '
            f"(was {escape(dump_value(item.review.original[name]))})</div>"
        )
    for c in item.conflicts:
        values = "; ".join(f"{v.value} [{', '.join(v.sources)}]" for v in c.values)
        parts.append(f'<div class="conflict">conflict on {escape(c.field)}: {escape(values)}</div>')
    last = item.review.history[-1] if item.review.history else None
    if last and (last.note or last.by):
        parts.append(f'<div class="note">{escape(last.action)} by {escape(last.by or "?")}: {escape(last.note or "")}</div>')
    links = "".join(
        f'<li><a class="ev-link" href="#{ids[(e.doc_id, e.start, e.end)]}">{escape(e.doc_id)}:{e.start}-{e.end}</a> '
        f'<q>{escape(e.text)}</q> <span class="rule">{escape(e.rule)}</span></li>'
        for e in item.evidence
    )
    sources = ", ".join(
        f'<a href="#doc-{docs[s]}">{escape(s)}</a>' if s in docs else escape(s) for s in item.sources
    )
    search = escape(f"{item.id}\n{item_text(item)}".casefold())
    modality = getattr(item, "modality", "")
    return (
        f'<tr class="row" id="item-{escape(item.id)}" data-kind="{kind}" data-status="{item.status}" '
        f'data-state="{item.review.state}" data-modality="{modality}" data-search="{search}">'
        f'<td class="kind">{kind}<div class="id">{escape(item.id)}</div></td><td>{"".join(parts)}</td>'
        f'<td class="st-{item.status}">{item.status}</td><td class="rv-{item.review.state}">{item.review.state}</td>'
        f"<td>{sources}</td><td><ul>{links}</ul></td></tr>"
    )


def _entity_row(entity, docs: dict[str, int]) -> str:
    roles = "; ".join(
        ", ".join(v for v in (r.qualifier, r.title_normalized, r.affiliation) if v) for r in entity.roles
    )
    sources = ", ".join(f'<a href="#doc-{docs[s]}">{escape(s)}</a>' if s in docs else escape(s) for s in entity.sources)
    search = escape("\n".join([entity.id, entity.name, *entity.aliases, roles]).casefold())
    return (
        f'<tr class="row" data-kind="entity" data-status="" data-state="" data-modality="" data-search="{search}">'
        f'<td class="kind">{escape(entity.label)}<div class="id">{escape(entity.id)}</div></td>'
        f"<td><b>{escape(entity.name)}</b></td><td>{escape(', '.join(entity.aliases))}</td>"
        f"<td>{escape(roles)}</td><td>{len(entity.mentions)}</td><td>{sources}</td></tr>"
    )


def _document(n: int, doc_id: str, record: Record, spans: list[Span]) -> str:
    result = record.documents.get(doc_id)
    info = result.document if result else None
    meta = [escape(v) for v in (info.title, info.source, info.published) if v] if info else []
    head = f'<h3><span class="docid">{escape(doc_id)}</span> {" · ".join(meta)}</h3>'
    text = record.text(doc_id)
    if text is not None:
        return f'<article class="doc" id="doc-{n}">{head}<div class="text">{highlight(text, spans)}</div></article>'
    # Without the text the offsets refer to, show each evidence in its sentence instead.
    items = []
    for span in sorted((s for s in spans if s.anchor), key=lambda s: (s.start, s.end)):
        items.append(f'<li><span class="anchor" id="{span.anchor}"></span><mark class="k-{span.kind}" data-spans="{span.anchor}" title="{escape(span.title)}">{span.start}-{span.end}</mark> {escape(span.title)}</li>')
    note = '<p class="missing">The document text is not available (moved or changed since the run); evidence only.</p>'
    return f'<article class="doc" id="doc-{n}">{head}{note}<ul>{"".join(items)}</ul></article>'


def render_report(record: Record) -> str:
    """The whole report as one HTML string."""
    ids = anchors(record)
    spans = _spans(record, ids)
    doc_ids = sorted(set(record.documents) | {e.doc_id for i in record.items() for e in i.evidence})
    docs = {doc_id: n for n, doc_id in enumerate(doc_ids, 1)}
    items = record.items()
    counts = {k: sum(1 for i in items if kind_of(i) == k) for k in ("claim", "role", "agreement")}
    conflicts = [i for i in items if i.conflicts]
    filters = "".join(
        [
            _option_list("kind", "Kind", ["claim", "role", "agreement", "entity"]),
            _option_list("status", "Status", ["corroborated", "single_source", "conflicting"]),
            _option_list("state", "Review", ["unreviewed", "accepted", "rejected", "corrected"]),
            _option_list("modality", "Modality", ["asserted", "reported", "hedged", "negated", "planned", "conditional"]),
            '<label>Search <input id="f-search" type="search" placeholder="name, word, id"></label>',
            '<span id="f-count"></span>',
        ]
    )
    warnings = "".join(f"<li>{escape(w.path)}: {escape(w.message)}</li>" for w in record.report.warnings())
    run = record.run
    produced = f"claimweave {escape(run.claimweave_version)}, model {escape(run.model)} {escape(run.model_version)}, run {escape(run.started_at)}" if run else "run.json not found"
    body = [
        "<header><h1>claimweave report</h1>",
        f"<p>{len(doc_ids)} documents · {counts['claim']} claims · {counts['role']} roles · {counts['agreement']} agreements · "
        f"{len(record.entities.entities)} entities · {len(conflicts)} with conflicts</p><p class=\"small\">{produced}; report by claimweave {__version__}</p>",
        '<nav><a href="#record">Record</a> <a href="#entities">Entities</a> <a href="#conflicts">Conflicts</a> <a href="#documents">Documents</a></nav></header>',
        f'<div id="filters">{filters}</div>',
        f'<ul class="warnings">{warnings}</ul>' if warnings else "",
        '<section id="record"><h2>Claims, roles and agreements</h2><table id="items"><thead><tr><th>Kind</th><th>Statement</th>'
        "<th>Status</th><th>Review</th><th>Sources</th><th>Evidence</th></tr></thead><tbody>",
        *(_item_row(i, ids, docs) for i in items),
        "" if items else '<tr><td colspan="6" class="empty">No claims, roles or agreements in this run.</td></tr>',
        '</tbody></table></section><section id="entities"><h2>Entities</h2><table id="entity-table"><thead><tr><th>Label</th>'
        "<th>Name</th><th>Aliases</th><th>Roles</th><th>Mentions</th><th>Sources</th></tr></thead><tbody>",
        *(_entity_row(e, docs) for e in record.entities.entities),
        '</tbody></table></section><section id="conflicts"><h2>Conflicts</h2><ul>',
        *(f'<li><a href="#item-{escape(i.id)}">{escape(i.id)}</a> {escape(summary(i))}: '
          f"{escape('; '.join(c.field + ' = ' + ' / '.join(v.value for v in c.values) for c in i.conflicts))}</li>" for i in conflicts),
        '</ul></section><section id="documents"><h2>Documents</h2>',
        '<p class="legend"><mark class="k-claim">claim</mark> <mark class="k-role">role</mark> <mark class="k-agreement">agreement</mark> '
        '<mark class="k-entity">entity</mark> <mark class="k-timex">time</mark> <mark class="k-masked">not analysed</mark></p>',
        *(_document(docs[d], d, record, spans.get(d, [])) for d in doc_ids),
        "</section>",
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; script-src \'unsafe-inline\'">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>claimweave report</title>'
        f"<style>{_asset('report.css')}</style></head><body>"
        + "\n".join(body)
        + f"<script>{_asset('report.js')}</script></body></html>\n"
    )


def write_report(outdir: Path, output: Path) -> tuple[str, list[str]]:
    """Write the report of OUTDIR to ``output``; returns a one-line summary and the warnings."""
    record = load_record(outdir)
    html = render_report(record)
    write_text_atomic(Path(output), html)
    with_text = sum(1 for d in record.documents if record.text(d) is not None)
    warnings = [f"{w.path}: {w.message}" for w in record.report.warnings()]
    warnings += [f"{d}: document text not found or changed since the run; evidence only" for d in record.documents if record.text(d) is None]
    summary = f"{len(record.items())} items, {len(record.entities.entities)} entities, {len(record.documents)} documents ({with_text} with text), {len(html):,} bytes"
    return summary, warnings
