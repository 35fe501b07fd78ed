"""Scoring agreement terms against gold: field comparison, slot counting, and the levels reached."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimweave.evaluation.agreements import (
    GoldAgreement,
    Scores,
    evaluate,
    field_correct,
    load_gold,
    party_error,
    party_place,
    same_asset,
    same_name,
    score_document,
)
from claimweave.errors import InputError
from claimweave.models import Agreement, Argument, Evidence, Expiry

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"

TEXT = "Back then a 2019 deal gave Acme a 49-year lease on the north pier."


def gold(**fields) -> GoldAgreement:
    base = dict(doc="d", anchor="a 2019 deal", kind="lease", parties=[], asset=None, signed=[], duration=None,
                expires=None, renewal=None, status=None)
    return GoldAgreement(**{**base, **fields})


def system(start: int, end: int, **fields) -> Agreement:
    ev = Evidence(doc_id="d", start=start, end=end, text=TEXT[start:end], sentence=TEXT, rule="kind.deal")
    return Agreement(id="agr_x", kind="lease", text=ev.text, evidence=[ev], **fields)


@pytest.mark.parametrize(
    ("name", "gold_value", "system_value", "expected"),
    [
        ("parties", ["LIN Broadcasting Corp.", "BellSouth"], ["BellSouth Corp.", "LIN"], True),
        ("parties", ["Iraq", "Iran"], ["Iraq"], False),
        ("parties", ["Iraq", "U.N."], ["Iraqi", "United Nations"], True),
        ("parties", ["Iraq"], ["Iranian"], False),
        ("parties", ["Weisfield's"], ["Weisfield"], True),
        ("parties", ["Ratners", "Weisfield's"], ["Ratners", "Weisfield", "Sterling Inc."], False),
        ("asset", "the commercial port of Tartus", "commercial port of Tartus", True),
        ("asset", "Tartus commercial port", "the commercial port of Tartus", True),
        ("asset", "phosphate mining in Homs", "the north pier", False),
        ("signed", ["2015", "2017"], ["2015", "2017"], True),
        ("expires", ("2068", True), ("2068", False), False),
        ("status", "stalled", None, False),
        ("duration", None, None, True),
    ],
)
def test_field_correct(name, gold_value, system_value, expected):
    assert field_correct(name, gold_value, system_value) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("LTTE", "the Liberation Tigers of Tamil Eelam", True),
        ("the Liberation Tigers of Tamil Eelam", "LTTE", True),
        ("LTTE", "the Liberation Tigers", False),
        ("U.N.", "United Nations", True),
        ("EU", "Ethiopia", False),
    ],
)
def test_same_name_knows_acronyms(a, b, expected):
    assert same_name(a, b) is expected


def test_same_asset_needs_shared_content_words():
    assert not same_asset("the port", "the harbour")


def test_slots_count_misses_and_false_alarms():
    start = TEXT.index("a 2019 deal")
    scores = Scores()
    found = system(start, start + 11, signed=["2019"], duration="P49Y", expires=Expiry(value="2068", computed=True),
                   parties=[Argument(text="Acme", start=27, end=31)], status="stalled")
    score_document(TEXT, [gold(signed=["2019"], duration="P49Y", expires={"value": "2068", "computed": True},
                               parties=["Acme"], asset="the north pier")], [found], scores)
    assert scores.matched == 1
    # parties, signed, duration, expires right; asset missed; status is a false alarm.
    assert (sum(scores.correct.values()), sum(scores.total.values())) == (4, 6)


@pytest.mark.parametrize(
    ("gold_parties", "system_parties", "expected"),
    [
        (["Iraq", "Iran"], ["Iraq"], "missing a side"),
        (["Iraq", "Iran"], [], "missing a side"),
        (["Iraq"], ["Iraqi", "United Nations"], "an extra side"),
        (["Iraq", "Iran"], ["Iraq", "Kuwait"], "a wrong side"),
        (["Iraq", "Iran"], ["Kuwait"], "a wrong side"),
    ],
)
def test_party_error_says_how_a_list_is_wrong(gold_parties, system_parties, expected):
    assert party_error(gold_parties, system_parties) == expected


def test_party_place_is_where_the_gold_names_are_written():
    sentence = "Acme signed a lease with Orvel."
    text = "Orvel Port Authority met Acme. " + sentence
    assert party_place(["Acme", "Orvel"], sentence, text) == "all written in its sentence"
    assert party_place(["Acme", "Orvel Port Authority"], sentence, text) == "some written only in other sentences"
    assert party_place(["Acme", "the port authority"], sentence, text) == "some not written verbatim"
    assert party_place(["Israel"], "Israeli troops signed a truce.", "Israeli troops signed a truce.") == "some not written verbatim"


def test_the_report_breaks_wrong_party_lists_down():
    start = TEXT.index("a 2019 deal")
    scores = Scores()
    score_document(TEXT, [gold(parties=["Acme", "Orvel"])], [system(start, start + 11, parties=[Argument(text="Acme", start=27, end=31)])], scores)
    lines = scores.report_lines()
    assert any(line.startswith("  some not written verbatim") and line.endswith("0.000 (0/1)") for line in lines)
    assert lines[-1] == "wrong party lists: missing a side 1, an extra side 0, a wrong side 0"


def test_spurious_agreement_costs_its_filled_fields():
    scores = Scores()
    score_document(TEXT, [], [system(0, 4, signed=["2019"], status="signed")], scores)
    assert scores.system == 1 and scores.matched == 0
    assert sum(scores.total.values()) == 2 and sum(scores.correct.values()) == 0


def test_missing_anchor_is_an_input_error():
    with pytest.raises(InputError, match="anchor not found"):
        score_document(TEXT, [gold(anchor="no such words")], [], Scores())


def test_gold_files_are_valid():
    folders = sorted(p.parent.name for p in DATA.glob("*agreements*/gold.jsonl"))
    assert len(folders) >= 12, folders
    for folder in folders:
        items = load_gold(DATA / folder / "gold.jsonl")
        assert items and all(g.doc and g.anchor for g in items), folder
        assert (DATA / folder / "README.md").exists(), folder


@pytest.mark.slow
def test_corpus_field_accuracy_reaches_the_target():
    scores = evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")])
    assert scores.matched / scores.gold >= 0.95
    assert scores.accuracy >= 0.85, "\n".join(scores.report_lines() + scores.errors)


@pytest.mark.slow
def test_timebank_field_accuracy_with_gold_time_expressions():
    scores = evaluate(DATA / "timebank_agreements", timexes="gold")
    assert scores.matched / scores.gold >= 0.9
    assert scores.accuracy >= 0.85, "\n".join(scores.report_lines() + scores.errors)


def test_cli_eval_agreements_reports_and_enforces_a_floor(cli):
    ok = cli("eval", "agreements", str(DATA / "corpus_agreements"), "--corpus", str(REPO / "corpus"), "--min-accuracy", "0.85")
    assert ok.returncode == 0, ok.stderr
    assert "field accuracy" in ok.stdout and "parties" in ok.stdout
    low = cli("eval", "agreements", str(DATA / "corpus_agreements"), "--corpus", str(REPO / "corpus"), "--min-accuracy", "0.999")
    assert low.returncode == 1 and "below the floor" in low.stderr


def test_cli_eval_agreements_names_a_folder_without_gold(cli, tmp_path):
    result = cli("eval", "agreements", str(tmp_path))
    assert result.returncode == 2
    assert "no gold.jsonl" in result.stderr and "Traceback" not in result.stderr


def test_cli_eval_agreements_help_has_an_example(cli):
    result = cli("eval", "agreements", "--help")
    assert result.returncode == 0 and "Example:" in result.stdout


def test_the_report_says_where_slots_are_lost():
    start = TEXT.index("a 2019 deal")
    scores = Scores()
    # matched: asset wrong; missed: a second gold agreement with two filled fields; spurious: one with a status
    score_document(
        TEXT,
        [gold(signed=["2019"], asset="the north pier"), gold(anchor="north pier", signed=["2019"], parties=["Acme"])],
        [system(start, start + 11, signed=["2019"], asset="the south dock"), system(0, 4, status="signed")],
        scores,
    )
    assert "wrong slots: 1 in matched agreements, 2 of missed agreements, 1 of spurious agreements" in scores.report_lines()


def test_second_annotations_are_of_their_sets_articles():
    files = sorted(DATA.glob("*agreements*/second_annotation.jsonl"))
    assert len(files) >= 2, files
    for path in files:
        readme = (path.parent / "README.md").read_text(encoding="utf-8")
        articles = set(re.findall(r"bench-news/(\S+)\.txt", readme))
        items = load_gold(path)
        assert items and {g.doc for g in items} <= articles, path


def test_a_second_annotation_is_matched_by_its_anchor():
    scores = Scores()
    second = [gold(anchor="deal", signed=["2019"], asset="the north pier", parties=["Acme"]), gold(anchor="lease", status="signed")]
    score_document(TEXT, [gold(signed=["2019"], asset="north pier", parties=["Acme Corp."])], second, scores)
    assert (scores.gold, scores.system, scores.matched) == (1, 2, 1)
    assert sum(scores.correct.values()) == 3 and sum(scores.total.values()) == 4
    assert scores.errors == ["d: spurious agreement 'lease' (lease)"]


def test_a_second_annotations_party_lists_are_told_how_they_differ():
    scores = Scores()
    score_document(TEXT, [gold(parties=["Acme", "Borel"])], [gold(anchor="deal", parties=["Acme"])], scores)
    assert scores.party_errors["missing a side"] == 1 and not scores.party_places  # (no extractor sentence to place them)


def _copy_gold(tmp_path: Path, edit=None) -> Path:
    lines = (DATA / "corpus_agreements" / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    items = [GoldAgreement.model_validate_json(line) for line in lines if line.strip()]
    if edit:
        items = edit(items)
    path = tmp_path / "second.jsonl"
    path.write_text("".join(g.model_dump_json() + "\n" for g in items), encoding="utf-8")
    return path


def test_the_gold_agrees_with_itself_and_not_with_an_edited_copy(tmp_path):
    same = evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")], annotation=_copy_gold(tmp_path))
    assert same.accuracy == 1.0 and same.matched == same.gold == same.system

    def drop_first_and_blank_statuses(items):
        return [g.model_copy(update={"status": None}) for g in items[1:]]

    edited = evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")], annotation=_copy_gold(tmp_path, drop_first_and_blank_statuses))
    first = load_gold(DATA / "corpus_agreements" / "gold.jsonl")[0]
    assert edited.matched == edited.gold - 1
    assert f"{first.doc}: missed agreement {first.anchor!r}" in edited.errors
    statuses = sum(1 for g in load_gold(DATA / "corpus_agreements" / "gold.jsonl")[1:] if g.status)
    assert edited.total["status"] - edited.correct["status"] == statuses + (first.status is not None)


def test_an_annotation_of_documents_not_scored_is_an_input_error(tmp_path):
    def elsewhere(items):
        return [items[0].model_copy(update={"doc": "not_a_corpus_doc"})]

    with pytest.raises(InputError, match="not in the corpus: not_a_corpus_doc"):
        evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")], annotation=_copy_gold(tmp_path, elsewhere))
    def misplaced(items):
        return [items[0].model_copy(update={"anchor": "words written nowhere"})] + items[1:]

    with pytest.raises(InputError, match=r"second.jsonl.*annotated agreement 1: anchor not found"):
        evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")], annotation=_copy_gold(tmp_path, misplaced))
    with pytest.raises(InputError, match="no such annotation file"):
        evaluate(DATA / "corpus_agreements", corpus=[str(REPO / "corpus")], annotation=tmp_path / "none.jsonl")


def test_the_interval_resamples_documents_and_is_reproducible():
    scores = Scores(documents=[(3, 4), (0, 2), (5, 5), (1, 3), (0, 0)])
    scores.correct["status"], scores.total["status"] = 9, 14
    low, high = scores.interval()
    assert low < 9 / 14 < high and (low, high) == scores.interval()
    assert 0.0 <= low and high <= 1.0
    assert Scores(documents=[(3, 4), (0, 0)]).interval() is None  # one document with slots: no interval
    assert any(line.startswith("  95% interval") and "over 4 documents" in line for line in scores.report_lines())


def test_each_scored_document_records_its_slots():
    scores = Scores()
    start = TEXT.index("a 2019 deal")
    score_document(TEXT, [gold(signed=["2019"], asset="the north pier")], [system(start, start + 11, signed=["2019"])], scores)
    score_document(TEXT, [], [], scores)
    assert scores.documents == [(1, 2), (0, 0)]
