"""writers: atomic writes leave either the complete new file or the old one, never a partial file."""

from __future__ import annotations

import json
import os
import typing
from collections.abc import Iterator

import pytest
from pydantic import BaseModel

from claimweave.errors import OutputError
from claimweave.models import DocEntity, DocResult, DocumentInfo, Mention
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


def _annotations(model: type[BaseModel], seen: set) -> Iterator[object]:
    """Every type named in ``model``'s fields, nested models and generic arguments included."""
    if model in seen:
        return
    seen.add(model)
    stack = [f.annotation for f in model.model_fields.values()]
    while stack:
        tp = stack.pop()
        yield tp
        stack.extend(typing.get_args(tp))
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            yield from _annotations(tp, seen)


def test_doc_result_has_no_float_field():
    """dumps writes a DocResult with pydantic's serializer, equal to json.dumps only without floats."""
    assert float not in set(_annotations(DocResult, set()))


def test_doc_result_dumps_like_json_dumps():
    text = "caf\u00e9 \"x\"\ta\x01 \u2028 \U0001f600"
    result = DocResult(
        document=DocumentInfo(id="doc_1", path="a.txt", format="txt", sha256="0" * 64, body_start=0, masked=[(0, 2)]),
        entities=[DocEntity(id="ent_1", label="ORG", name=text, mentions=[Mention(doc_id="doc_1", start=3, end=9, text=text)])],
    )
    assert dumps(result) == json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
