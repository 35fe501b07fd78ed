"""writers: atomic writes leave either the complete new file or the old one, never a partial file."""

from __future__ import annotations

import json
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st
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



def test_doc_result_dumps_like_json_dumps():
    text = "caf\u00e9 \"x\"\ta\x01 \u2028 \U0001f600"
    result = DocResult(
        document=DocumentInfo(id="doc_1", path="a.txt", format="txt", sha256="0" * 64, body_start=0, masked=[(0, 2)]),
        entities=[DocEntity(id="ent_1", label="ORG", name=text, mentions=[Mention(doc_id="doc_1", start=3, end=9, text=text)])],
    )
    assert dumps(result) == json.dumps(result.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


class _Scored(BaseModel):
    name: str
    score: float | None = None
    parts: list[_Scored] = []
    timings: dict[str, float] = {}


@pytest.mark.parametrize("value", [0.5, 0.125, 1.0, -0.0, 1e-4, 5e-05, 2.5e-07, 1e16, 1e22, float("inf"), float("-inf"), float("nan"), None])
def test_models_with_floats_dump_like_json_dumps(value):
    """The fast serializer spells some floats differently; those must take the json.dumps path."""
    model = _Scored(name="a: 1e5 \"x\"", score=value, parts=[_Scored(name="b", score=value)], timings={"t": value or 0.0})
    assert dumps(model) == json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"


@given(st.floats(allow_nan=True, allow_infinity=True))
def test_any_float_dumps_like_json_dumps(value):
    model = _Scored(name="x", score=value, timings={"t": value})
    assert dumps(model) == json.dumps(model.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
