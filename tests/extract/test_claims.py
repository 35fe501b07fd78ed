"""Claims: predicates with subject/object/location, time, attribution and modality (own sentences)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimweave.extract.claim_rules import claim_rules
from claimweave.extract.claim_syntax import after_publication
from claimweave.ingest import read_text_file
from claimweave.pipeline import analyse_one

PUB = dt.date(2026, 2, 1)


def analyse_text(nlp, text, *, published):
    document = read_text_file("t.txt", text, "txt")
    document.published = published
    return analyse_one(document, nlp)


def claim_for(result, lemma):
    found = [c for c in result.claims if c.predicate.lemma == lemma]
    assert found, f"no {lemma!r} claim in {[c.predicate.lemma for c in result.claims]}"
    return found[0]


# text, lemma, expected: subject / object / location (substring), time value, source (substring), modality, cue
CASES = [
    ("The Danish trade envoy landed in Oslo on March 3, 2024.", "land",
     {"subject": "envoy", "location": "Oslo", "time": "2024-03-03", "modality": "asserted"}),
    ("According to the state news agency NTB, the minister was received by King Harald at the palace.", "receive",
     {"subject": "King Harald", "object": "minister", "source": "NTB", "modality": "reported"}),
    ("The company said that its board did not approve the merger.", "approve",
     {"subject": "board", "object": "merger", "source": "company", "modality": "negated", "cue": "not"}),
    ("The rebels reportedly seized the airport in May 2023.", "seize",
     {"subject": "rebels", "time": "2023-05", "modality": "hedged", "cue": "reportedly"}),
    ("The ministry will open a new consulate in Lagos in October 2026.", "open",
     {"subject": "ministry", "time": "2026-10", "modality": "planned", "cue": "will"}),
    ("Analysts argued that the central bank could have prevented the crash.", "prevent",
     {"subject": "central bank", "source": "Analysts", "modality": "conditional", "cue": "could"}),
    ("The prime minister appears to have misled parliament.", "mislead",
     {"subject": "prime minister", "modality": "hedged", "cue": "appears"}),
    ("As the mayor put it, the city rebuilt the bridge within a year.", "rebuild",
     {"subject": "city", "source": "mayor", "modality": "reported"}),
    ("The 2016 treaty granted Finland new fishing rights.", "grant",
     {"subject": "treaty", "time": "2016", "modality": "asserted"}),
    ("The union denied that workers had damaged the machines.", "damage",
     {"subject": "workers", "source": "union", "modality": "negated", "cue": "denied"}),
    ("The June 2022 visit of the Polish president to Kyiv was widely covered.", "visit",
     {"subject": "Polish president", "location": "Kyiv", "time": "2022-06"}),
    ("The collapse of the coalition in November 2019 surprised voters.", "collapse",
     {"subject": "coalition", "time": "2019-11"}),
    ("The bridge was destroyed by the storm on 12 January 2026.", "destroy",
     {"subject": "storm", "object": "bridge", "time": "2026-01-12", "modality": "asserted"}),
    ("When the regime collapsed on 4 April 2019, the general fled to Minsk.", "flee",
     {"subject": "general", "location": "Minsk", "time": "2019-04-04"}),
    ("The government did not demand the return of the artefacts.", "demand",
     {"subject": "government", "modality": "negated", "cue": "not"}),
    ("The chancellor invited the Irish premier to the summit in October 2026.", "invite",
     {"subject": "chancellor", "time": "2026-10", "modality": "planned"}),
    ("Maria Lopez joined the board in 2019. She said the firm had expanded into Peru.", "expand",
     {"subject": "firm", "source": "Maria Lopez", "modality": "reported"}),
    ("The envoy is expected to visit Tallinn on 14 March 2026.", "visit",
     {"subject": "envoy", "time": "2026-03-14", "modality": "planned"}),
    ("Prosecutors allegedly destroyed the files in 2020.", "destroy",
     {"subject": "Prosecutors", "time": "2020", "modality": "hedged", "cue": "allegedly"}),
    ("The coalition may have underestimated the protests.", "underestimate",
     {"subject": "coalition", "modality": "hedged", "cue": "may"}),
    ("The opposition called for early elections in March 2026, the agency said.", "call",
     {"subject": "opposition", "source": "agency", "modality": "reported"}),
    ("Voters will choose a new parliament in the upcoming September 2026 elections.", "election",
     {"time": "2026-09", "modality": "planned"}),
    # Where a travelling group is led or sent is where the event happens.
    ("The premier led a trade delegation to Hanoi on 4 June 2024.", "lead",
     {"subject": "premier", "location": "Hanoi", "time": "2024-06-04"}),
    # Subject control: a parser's dobj on "agree" is not who sets the committee up.
    ("On 3 May 2024, Karin Berg agreed with her Danish counterpart, Lars Holm, to set up a fisheries panel.", "set",
     {"subject": "Karin Berg", "object": "panel", "time": "2024-05-03"}),
    # A "when" clause hanging on a word inside the date ("July"), not on its head ("end").
    ("The turning point came at the end of July 2024, when Berg flew to Oslo.", "fly",
     {"subject": "Berg", "location": "Oslo", "time": "2024-07"}),
    # A calendar date restating an event-anchored one wins.
    ("The breakthrough came six months after the strike, at the end of March 2025, when talks resumed.", "come",
     {"subject": "breakthrough", "time": "2025-03"}),
    # The means clause's date is the act's.
    ("The mayor celebrated the result by dining on 3 March 2025 with his aides in Bergen.", "celebrate",
     {"subject": "mayor", "time": "2025-03-03"}),
    # A suspension is an event noun that a date can name.
    ("Both sides blamed the suspension of talks on March 6, 2025 on the army.", "suspension",
     {"subject": "talks", "time": "2025-03-06"}),
    # A date after "until/after + event noun" dates the event noun, not the bounded verb.
    ("Norway had protected Jan Meyer for years until his arrest in October 2023.", "arrest",
     {"subject": "his", "time": "2023-10"}),
    # An act dated and done during an event: the event is on that day.
    ("The envoy spoke to the press on 4 June 2025 during a visit to Ankara.", "visit",
     {"location": "Ankara", "time": "2025-06-04"}),
    ("Dozens were hurt on 9 May 2025 amid a protest by farmers in Lyon.", "protest",
     {"subject": "farmers", "time": "2025-05-09"}),
]


@pytest.mark.parametrize(("text", "lemma", "expected"), CASES)
def test_claim_fields(nlp, text, lemma, expected):
    result = analyse_text(nlp, text, published=PUB)
    claim = claim_for(result, lemma)
    for field in ("subject", "object", "location"):
        if field in expected:
            argument = getattr(claim, field)
            assert argument is not None and expected[field] in argument.text, (field, argument)
    if "time" in expected:
        assert claim.time is not None and claim.time.value == expected["time"], claim.time
    if "source" in expected:
        assert claim.attribution is not None and expected["source"] in claim.attribution.source, claim.attribution
    else:
        assert claim.attribution is None, claim.attribution
    if "modality" in expected:
        assert claim.modality == expected["modality"], (claim.modality, claim.modality_cue)
    if "cue" in expected:
        assert claim.modality_cue is not None and expected["cue"] in claim.modality_cue


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        ("The company said that its board did not approve the merger.", "say"),
        ("The ministers continued to negotiate the border deal.", "continue"),
        ("Officials must review the contract before March 2026.", "review"),
        ("Is the ceasefire holding after the attack in May 2025?", "hold"),
        ("The river flows north through the valley.", "flow"),
        ("The spokesman did not say whether the army had withdrawn its troops.", "withdraw"),
        ("Share this article with friends and family today.", "share"),
        ("Tuesday's attack shocked the small town.", "attack"),  # a date is not the attacker
        # "since May" bounds the waiting, it does not date the visit it happened during.
        ("Residents have waited since May 2025 during a visit to Ankara.", "visit"),
    ],
)
def test_no_claim(nlp, text, lemma):
    result = analyse_text(nlp, text, published=PUB)
    assert lemma not in [c.predicate.lemma for c in result.claims]


def test_date_after_a_bounding_event_noun_does_not_date_the_verb(nlp):
    result = analyse_text(nlp, "Norway had protected Jan Meyer for years until his arrest in October 2023.", published=PUB)
    assert claim_for(result, "protect").time is None
    assert claim_for(result, "arrest").subject.entity_id is not None  # "his" resolved to Jan Meyer


def test_entities_linked_and_spans_reproduce(nlp):
    text = "Foreign Minister Karin Holm met Jonas Berg in Stockholm on 2 February 2026."
    result = analyse_text(nlp, text, published=PUB)
    claim = claim_for(result, "meet")
    person = {e.id: e.name for e in result.entities}
    assert person.get(claim.subject.entity_id) == "Karin Holm"
    assert claim.location.text == "Stockholm"
    for item in claim.evidence:
        assert text[item.start : item.end] == item.text
    assert text[claim.predicate.start : claim.predicate.end] == claim.predicate.text
    rules = {e.rule for e in claim.evidence}
    assert "claims.verb" in rules and any(r.startswith("claims.time.") for r in rules)


def test_claims_are_deterministic(nlp):
    text = "The rebels reportedly seized the airport in May 2023. The army said it would retake it."
    first = analyse_text(nlp, text, published=PUB).model_dump()
    second = analyse_text(nlp, text, published=PUB).model_dump()
    assert first["claims"] == second["claims"]


@pytest.mark.parametrize(
    ("value", "published", "after"),
    [
        ("2026-10", dt.date(2026, 2, 1), True),
        ("2026-02", dt.date(2026, 2, 1), False),
        ("2026-02-02", dt.date(2026, 2, 1), True),
        ("2025", dt.date(2026, 2, 1), False),
        ("2027", dt.date(2026, 2, 1), True),
        ("XXXX-10", dt.date(2026, 2, 1), False),
        ("2026-Q4", dt.date(2026, 2, 1), False),
        ("2026-10", None, False),
    ],
)
def test_after_publication(value, published, after):
    assert after_publication(value, published) is after


def test_cue_files_load_with_ids():
    rules = claim_rules()
    ids = [c.id for family in (rules.attribution, rules.hedges, rules.negation, rules.future, rules.conditional) for c in family.cues]
    assert len(ids) == len(set(ids))
    assert rules.attribution.match("verb", "say").id == "attr.verb.say"
    assert rules.hedges.match("adverb", "reportedly").id == "hedge.adverb"
    assert rules.is_boilerplate("(Reporting by the Cairo desk; editing by staff)")
