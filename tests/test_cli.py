"""The real ``claimweave`` command: exit codes, one-line errors, help with examples."""

from __future__ import annotations

import json

import pytest


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


GOOD = "---\nid: good\npublished: 2025-08-01\nsource: Wire\n---\nForeign Minister Asaad al-Shibani met Sergey Lavrov in Moscow on Thursday.\n"


def test_run_processes_good_documents_and_reports_each_bad_one(cli, tmp_path):
    corpus = tmp_path / "corpus"
    write(corpus / "good.txt", GOOD)
    write(corpus / "empty.txt", "")
    (corpus / "bin.txt").write_bytes(b"\x00\x01\x02")
    write(corpus / "feed.jsonl", json.dumps({"id": "j", "text": "Lavrov spoke in Moscow."}) + "\n{oops\n")
    result = cli("run", "corpus", "-o", "out")
    assert result.returncode == 1, result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert sorted(errors) == sorted(
        [
            "Error: corpus/bin.txt: binary file (contains NUL bytes), not a text article",
            "Error: corpus/empty.txt: empty document (no article text)",
            "Error: corpus/feed.jsonl:2: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
        ]
    )
    out = tmp_path / "out"
    assert sorted(p.name for p in (out / "documents").iterdir()) == ["good.json", "j.json"]
    assert (out / "texts" / "j.txt").read_text(encoding="utf-8") == "Lavrov spoke in Moscow."
    run = json.loads((out / "run.json").read_text())
    assert run["counts"]["documents"] == 2 and len(run["errors"]) == 3
    assert "2 documents" in result.stdout and "errors: 3" in result.stdout
    doc = json.loads((out / "documents" / "good.json").read_text())
    assert doc["document"]["path"] == "corpus/good.txt"
    verify = cli("verify", "out")
    assert verify.returncode == 0 and "0 mismatches" in verify.stdout


def test_run_exit_zero_and_relative_paths(cli, tmp_path):
    write(tmp_path / "c" / "a.txt", GOOD)
    result = cli("run", "c", "-o", str(tmp_path / "elsewhere"), "--no-progress")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    doc = json.loads((tmp_path / "elsewhere" / "documents" / "good.json").read_text())
    assert doc["document"]["path"] == "c/a.txt"


def test_unwritable_output_folder_is_a_clear_error(cli, tmp_path):
    write(tmp_path / "c" / "a.txt", GOOD)
    write(tmp_path / "file", "not a folder")
    result = cli("run", "c", "-o", "file/out")
    assert result.returncode == 2
    assert result.stderr.startswith("Error: file/out") and "not writable" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_input_path(cli, tmp_path):
    result = cli("run", "nope", "-o", "out")
    assert result.returncode == 1
    assert "Error: nope: no such file or directory" in result.stderr


def test_bad_published_option_is_a_usage_error(cli, tmp_path):
    result = cli("run", "x", "--published", "someday")
    assert result.returncode == 2 and "Error: --published: unparseable publication date" in result.stderr


def test_document_id_cannot_write_outside_outdir(cli, tmp_path):
    write(tmp_path / "c" / "a.txt", "---\nid: ../../escaped\n---\nText about Moscow.\n")
    result = cli("run", "c", "-o", "out")
    assert result.returncode == 0, result.stderr
    files = [p for p in tmp_path.rglob("*.json")]
    assert all((tmp_path / "out") in p.parents for p in files)
    assert not (tmp_path / "escaped.json").exists()


def test_extract_prints_docresult_json(cli, tmp_path):
    write(tmp_path / "a.txt", GOOD)
    result = cli("extract", "a.txt")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["document"]["id"] == "good"
    names = {e["name"] for e in data["entities"]}
    assert "Sergey Lavrov" in names


def test_extract_from_stdin(cli):
    result = cli("extract", "-", "--published", "2025-08-01", stdin="Putin met the delegation in Moscow.\n")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["document"]["published"] == "2025-08-01"


def test_schema_writes_one_file_per_output(cli, tmp_path):
    result = cli("schema", "-o", "schema")
    assert result.returncode == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "schema").iterdir())
    assert names == ["claims.schema.json", "document.schema.json", "entities.schema.json", "run.schema.json"]


def _commands(app, prefix=()):
    import typer.main

    group = typer.main.get_command(app)
    stack = [(prefix, group)]
    while stack:
        path, command = stack.pop()
        yield path, command
        for name, sub in getattr(command, "commands", {}).items():
            stack.append((path + (name,), sub))


def test_every_command_has_help_with_an_example():
    from claimweave.cli import app

    missing = []
    for path, command in _commands(app):
        if getattr(command, "commands", None):
            assert command.help, path
            continue
        if "Example:" not in (command.help or ""):
            missing.append(" ".join(path))
    assert missing == []


@pytest.mark.parametrize("args", [["--help"], ["run", "--help"], ["extract", "--help"], ["schema", "--help"]])
def test_help_runs(cli, args):
    result = cli(*args)
    assert result.returncode == 0 and "Usage" in result.stdout


def test_fifty_megabyte_file_is_refused_and_the_others_processed(cli, tmp_path):
    write(tmp_path / "c" / "a.txt", GOOD)
    with open(tmp_path / "c" / "huge.txt", "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    result = cli("run", "c", "-o", "out")
    assert result.returncode == 1
    assert "Error: c/huge.txt: file too large (52,428,800 bytes" in result.stderr
    assert (tmp_path / "out" / "documents" / "good.json").exists()


def test_extract_jsonl_prints_a_list(cli, tmp_path):
    lines = [json.dumps({"id": f"r{i}", "text": "Lavrov spoke in Moscow."}) for i in range(2)]
    write(tmp_path / "f.jsonl", "\n".join(lines) + "\n")
    result = cli("extract", "f.jsonl")
    assert result.returncode == 0, result.stderr
    assert [d["document"]["id"] for d in json.loads(result.stdout)] == ["r0", "r1"]
