"""The decisions store: append-only, validated line by line, bad lines named, nothing lost."""

from __future__ import annotations

import json

import pytest

from claimweave.errors import DecisionsError
from claimweave.review.decisions import append_decisions, decisions_path, make_decision, read_decisions


def _decision(target="C_1", action="accept", **kw):
    return make_decision(target=target, kind="claim", action=action, at="2026-01-01T00:00:00+00:00", **kw)


def test_append_then_read_keeps_order_and_lines(tmp_path):
    first, second = _decision("C_1"), _decision("C_2", "reject", note="wrong subject", by="ana")
    assert append_decisions(tmp_path, [first, second]) == [first, second]
    numbered = read_decisions(tmp_path)
    assert [(n.line, n.decision) for n in numbered] == [(1, first), (2, second)]


def test_same_decision_twice_is_appended_once(tmp_path):
    decision = _decision()
    append_decisions(tmp_path, [decision])
    assert append_decisions(tmp_path, [decision]) == []
    assert len(decisions_path(tmp_path).read_text().splitlines()) == 1


def test_decision_id_is_content_derived():
    assert _decision().id == _decision().id
    assert _decision().id != _decision(note="x").id


def test_missing_file_is_no_decisions(tmp_path):
    assert read_decisions(tmp_path) == []


def test_append_never_rewrites_existing_bytes(tmp_path):
    path = decisions_path(tmp_path)
    append_decisions(tmp_path, [_decision("C_1")])
    before = path.read_bytes()
    append_decisions(tmp_path, [_decision("C_2")])
    assert path.read_bytes().startswith(before)


def test_hand_edited_last_line_without_newline_is_not_swallowed(tmp_path):
    path = decisions_path(tmp_path)
    path.write_text(_decision("C_1").model_dump_json())  # no trailing newline
    append_decisions(tmp_path, [_decision("C_2")])
    assert [n.decision.target for n in read_decisions(tmp_path)] == ["C_1", "C_2"]


GOOD = _decision().model_dump_json()

BAD_LINES = [
    ("{not json", "line 2: not valid JSON"),
    ("[1, 2]", "must be a JSON object"),
    (json.dumps({**json.loads(GOOD), "colour": "red"}), "colour: Extra inputs are not permitted"),
    (json.dumps({**json.loads(GOOD), "action": "approve"}), "action: Input should be 'accept', 'reject' or 'correct'"),
    (json.dumps({**json.loads(GOOD), "action": "correct"}), "needs a 'field'"),
    (json.dumps({k: v for k, v in json.loads(GOOD).items() if k != "target"}), "target: Field required"),
]


@pytest.mark.parametrize(("line", "message"), BAD_LINES)
def test_bad_line_names_file_and_line(tmp_path, line, message):
    path = decisions_path(tmp_path)
    path.write_text(GOOD + "\n" + line + "\n\n" + _decision("C_9").model_dump_json() + "\n")
    with pytest.raises(DecisionsError) as info:
        read_decisions(tmp_path)
    assert str(info.value).startswith(f"{path}:2: ")
    assert message.removeprefix("line 2: ") in str(info.value)


def test_append_to_bad_file_refuses_and_changes_nothing(tmp_path):
    path = decisions_path(tmp_path)
    path.write_text(GOOD + "\n{oops\n")
    before = path.read_bytes()
    with pytest.raises(DecisionsError, match=r"decisions.jsonl:2: not valid JSON"):
        append_decisions(tmp_path, [_decision("C_2")])
    assert path.read_bytes() == before


def test_undecodable_bytes_name_the_line(tmp_path):
    decisions_path(tmp_path).write_bytes(GOOD.encode() + b"\n" + GOOD.encode() + b"\n\xff\xfe\n")
    with pytest.raises(DecisionsError, match=r"decisions.jsonl:3: not valid UTF-8"):
        read_decisions(tmp_path)


def test_decisions_path_that_is_a_folder(tmp_path):
    decisions_path(tmp_path).mkdir()
    with pytest.raises(DecisionsError, match="cannot read the decisions file"):
        read_decisions(tmp_path)
    with pytest.raises(DecisionsError, match="cannot open the decisions file for appending"):
        append_decisions(tmp_path, [_decision()])
