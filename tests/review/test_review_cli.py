"""The review, export and report commands, run for real: exit codes, messages, files written."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from claimweave.cli import app
from claimweave.models import ClaimsFile
from claimweave.review.decisions import decisions_path

from review_fixtures import build_claims

CLAIMS = build_claims()
SIGN, CRITICISE, CALL, PATROL = (c.id for c in CLAIMS.claims)
MINISTER, LEADER = (r.id for r in CLAIMS.roles)
LEASE = CLAIMS.agreements[0].id


def invoke(*args: str, env: dict | None = None):
    return CliRunner(env={"COLUMNS": "200", **(env or {})}).invoke(app, [str(a) for a in args])


def claims_on_disk(outdir) -> ClaimsFile:
    return ClaimsFile.model_validate_json((outdir / "claims.json").read_text())


@pytest.mark.parametrize("command", ["review", "export", "report"])
def test_help_has_an_example(command):
    result = invoke(command, "--help")
    assert result.exit_code == 0
    assert "Example:" in result.output


@pytest.mark.parametrize(
    ("options", "ids"),
    [
        ([], [SIGN, CRITICISE, CALL, PATROL, MINISTER, LEADER, LEASE]),
        (["--kind", "role"], [MINISTER, LEADER]),
        (["--kind", "claim", "--kind", "agreement", "--status", "corroborated"], [SIGN]),
        (["--status", "conflicting"], [LEASE]),
        (["--entity", "Rusk"], [CRITICISE, CALL, LEADER]),
        (["--entity", "davor rusk", "--kind", "role"], [LEADER]),
        (["--source", "feed-1"], [PATROL]),
        (["--modality", "reported"], [CRITICISE]),
        (["--modality", "planned", "--modality", "reported"], [CRITICISE, PATROL]),
        (["--search", "TESSEL"], [SIGN, PATROL, LEASE]),
        (["--search", "no such words"], []),
        (["--state", "unreviewed", "--limit", "2"], [SIGN, CRITICISE]),
    ],
)
def test_review_list_filters(outdir, options, ids):
    result = invoke("review", outdir, "--json", *options)
    assert result.exit_code == 0, result.output
    assert [json.loads(line)["id"] for line in result.output.splitlines()] == ids


def test_review_list_shows_evidence_in_its_sentence_and_document(outdir):
    result = invoke("review", outdir, "--kind", "role", "--entity", "Quint")
    assert result.exit_code == 0
    assert "Mara Quint: transport minister (Veloria)" in result.output
    assert "harbour-a:91-136 «The transport minister of Veloria, Mara Quint», signed a lease" in result.output
    assert "1 of 7 items shown" in result.output


def test_review_list_shows_conflicts(outdir):
    result = invoke("review", outdir, "--kind", "agreement")
    assert "conflict on duration: P25Y [harbour-a]; P30Y [harbour-b]" in result.output
    assert "conflicting" in result.output


def test_accept_reject_correct_then_filter_by_state(outdir):
    assert invoke("review", outdir, "accept", SIGN, "--by", "ana").exit_code == 0
    result = invoke("review", outdir, "reject", LEADER[:8], "--note", "not a title")
    assert result.exit_code == 0, result.output
    assert f"rejected role {LEADER}" in result.output
    result = invoke("review", outdir, "correct", LEASE, "duration", "P30Y", env={"CLAIMWEAVE_REVIEWER": "bo"})
    assert result.exit_code == 0, result.output
    assert "duration = P30Y (was P25Y)" in result.output
    states = {json.loads(line)["id"]: json.loads(line)["review"]["state"] for line in invoke("review", outdir, "--json").output.splitlines()}
    assert (states[SIGN], states[LEADER], states[LEASE], states[CALL]) == ("accepted", "rejected", "corrected", "unreviewed")
    listed = invoke("review", outdir, "--state", "corrected")
    assert "corrected duration: P30Y (was P25Y)" in listed.output
    # claims.json shows the decisions at once; decisions.jsonl has one line per decision.
    lease = claims_on_disk(outdir).agreements[0]
    assert (lease.duration, lease.review.original, lease.review.history[0].by) == ("P30Y", {"duration": "P25Y"}, "bo")
    assert len(decisions_path(outdir).read_text().splitlines()) == 3


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["accept"], "usage: claimweave review OUTDIR accept ID"),
        (["correct", SIGN, "time"], "usage: claimweave review OUTDIR correct ID FIELD VALUE"),
        (["approve", SIGN], "unknown review action 'approve'"),
        (["accept", "C_nope"], "C_nope: no claim, role or agreement with this id"),
        (["accept", "C_e"], "C_e: id prefix too short"),
        (["accept", "C_e"[:2] + "ZZZZ"], "C_ZZZZ: no claim, role or agreement"),
        (["correct", SIGN, "status", "corroborated"], "status: not a correctable field of a claim"),
        (["correct", SIGN, "modality", "surely"], "modality: invalid value 'surely'"),
        (["--kind", "person"], "--kind: 'person' is not one of claim, role, agreement"),
    ],
)
def test_review_usage_errors(outdir, args, message):
    result = invoke("review", outdir, *args)
    assert result.exit_code == 2
    assert f"Error: {message}" in result.output
    assert not decisions_path(outdir).exists()


def test_review_of_a_folder_without_claims(tmp_path):
    result = invoke("review", tmp_path)
    assert result.exit_code == 2
    assert f"Error: {tmp_path / 'claims.json'}: not found" in result.output


def test_bad_decisions_file_is_named_and_kept(outdir):
    path = decisions_path(outdir)
    assert invoke("review", outdir, "accept", SIGN).exit_code == 0
    with path.open("a") as fh:
        fh.write('{"id": "D_x", "target": \n')
    before = path.read_bytes()
    for args in ([], ["reject", CALL]):
        result = invoke("review", outdir, *args)
        assert result.exit_code == 2
        assert f"Error: {path}:2: not valid JSON" in result.output
    assert path.read_bytes() == before


def test_orphaned_decision_is_listed_as_a_warning(outdir):
    assert invoke("review", outdir, "reject", CALL).exit_code == 0
    data = claims_on_disk(outdir)
    data.claims = [c for c in data.claims if c.id != CALL]
    (outdir / "claims.json").write_text(data.model_dump_json())
    result = invoke("review", outdir)
    assert result.exit_code == 0
    assert "decisions.jsonl:1: decision" in result.output and f"reject claim {CALL}): the claim no longer exists" in result.output


def test_real_command_in_a_subprocess(outdir, claimweave):
    result = claimweave("review", str(outdir), "reject", PATROL, "--by", "ana")
    assert result.returncode == 0, result.stderr
    assert f"rejected claim {PATROL}" in result.stdout
    result = claimweave("review", str(outdir), "--state", "rejected")
    assert PATROL in result.stdout and "1 of 7 items shown" in result.stdout
