"""Review: reviewer decisions (accept, reject, correct) kept in OUTDIR/decisions.jsonl and applied on every run."""

from claimweave.review.apply import ApplyReport, apply_decisions, apply_to, check_decisions
from claimweave.review.decisions import DECISIONS_FILE, Decision, append_decisions, make_decision, read_decisions

__all__ = [
    "DECISIONS_FILE",
    "ApplyReport",
    "Decision",
    "append_decisions",
    "apply_decisions",
    "apply_to",
    "check_decisions",
    "make_decision",
    "read_decisions",
]
