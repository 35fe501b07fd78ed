"""How review, report and exports scale: a fixture OUTDIR with N copies of its items and decisions.

Usage: PYTHONPATH=src python benchmarks/review_scale.py [N]   (prints seconds per stage and per 1,000 items)
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests" / "review"))

from review_fixtures import build_claims, write_outdir  # noqa: E402

from claimweave.export.labelstudio import tasks  # noqa: E402
from claimweave.export.tables import write_table  # noqa: E402
from claimweave.models import ClaimsFile  # noqa: E402
from claimweave.review.decisions import append_decisions, make_decision  # noqa: E402
from claimweave.review.record import load_record  # noqa: E402
from claimweave.review.report import render_report  # noqa: E402
from claimweave.writers import write_json  # noqa: E402


def main(copies: int) -> None:
    root = Path(tempfile.mkdtemp())
    out = write_outdir(root)
    base = build_claims()

    def clone(items):
        return [
            i.model_copy(update={"id": f"{i.id}_{k}", "members": [f"{m}_{k}" for m in i.members]})
            for k in range(copies)
            for i in items
        ]

    big = ClaimsFile(claims=clone(base.claims), roles=clone(base.roles), agreements=clone(base.agreements))
    write_json(out / "claims.json", big)
    decisions = [make_decision(target=c.id, kind="claim", action="reject", at="2026-01-01T00:00:00Z") for c in big.claims[::2]]
    append_decisions(out, decisions)
    n = len(big.claims) + len(big.roles) + len(big.agreements)
    stages = []
    t = time.perf_counter()
    record = load_record(out)
    stages.append(("load + apply decisions", time.perf_counter() - t))
    t = time.perf_counter()
    html = render_report(record)
    stages.append((f"HTML report ({len(html) / 1e6:.1f} MB)", time.perf_counter() - t))
    t = time.perf_counter()
    write_table(record.items(), root / "rows.parquet", "parquet")
    stages.append(("parquet export", time.perf_counter() - t))
    t = time.perf_counter()
    tasks(record)
    stages.append(("Label Studio tasks", time.perf_counter() - t))
    print(f"{n:,} items, {len(decisions):,} decisions")
    for name, seconds in stages:
        print(f"  {name:<28} {seconds:6.2f} s   {1000 * seconds / n:6.3f} s per 1,000 items")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
