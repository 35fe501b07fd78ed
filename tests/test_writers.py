"""writers: atomic writes leave either the complete new file or the old one, never a partial file."""

from __future__ import annotations

import os

import pytest

from claimweave.errors import OutputError
from claimweave.writers import check_writable, dumps, write_json, write_text_atomic


def test_interrupted_write_leaves_old_file_and_no_temp(tmp_path, monkeypatch):
    target = tmp_path / "claims.json"
    target.write_text("old\n", encoding="utf-8")

    def boom(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(KeyboardInterrupt):
        write_text_atomic(target, "new content\n")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.json"]


def test_write_json_is_stable_and_ends_with_newline(tmp_path):
    write_json(tmp_path / "a.json", {"b": 1, "a": "\u00e9"})
    text = (tmp_path / "a.json").read_text(encoding="utf-8")
    assert text == dumps({"b": 1, "a": "\u00e9"}) and text.endswith("}\n") and "\u00e9" in text


def test_unwritable_outdir(tmp_path):
    (tmp_path / "f").write_text("x", encoding="utf-8")
    with pytest.raises(OutputError) as info:
        check_writable(tmp_path / "f" / "out")
    assert "not writable" in str(info.value)
