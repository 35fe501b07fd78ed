"""Agreement parties written as a pronoun or a description ("It has reached agreements", "the Czech
energy company signed", "between the government and the rebels"), resolved to the named state or
organisation they refer to, and left alone when the reference is unsure."""

from __future__ import annotations

import pytest

from claimweave.extract.agreement_terms import same_name
from tests.extract.agreement_docs import analyse as run


def parties_of(nlp, text: str, kind_text: str) -> list[str]:
    """The parties of the agreement one of whose mentions starts where ``kind_text`` does."""
    doc = run(nlp, text)
    at = text.index(kind_text)
    found = [a for a in doc._.cw_agreements if any(e.start == at for e in a.evidence)]
    assert len(found) == 1, [(a.text, [e.start for e in a.evidence]) for a in doc._.cw_agreements]
    return [p.text for p in found[0].parties]


RESOLVED = [
    # a pronoun signer: the state the paragraph's last sentences are about
    (
        "Chile is seeking fishing accords with Norway so that it can sell more salmon abroad. "
        "It has already reached agreements to ship copper and wine to Norway, a trade official said.",
        "agreements to ship",
        ["Chile"],
    ),
    (
        "Ecuador has expanded its banana trade this year. It signed a new supply contract with Ukraine on Monday.",
        "a new supply contract",
        ["Ecuador", "Ukraine"],
    ),
    # "they" in a clause on the agreement: the states coordinated just before
    (
        "Rising costs are forcing Chile and Peru to decide whether they need more concessions to win approval "
        "of the trade deals they have negotiated with Japan, a newspaper reported.",
        "the trade deals",
        ["Chile", "Peru", "Japan"],
    ),
    # wire style: the paragraph just before is one sentence
    (
        "Chile and Peru, rivals for decades, boosted their ties last year.\n\n"
        "They signed two pacts on fishing and mining despite protests from Bolivia.",
        "two pacts",
        ["Chile", "Peru"],
    ),
    # "its" on the agreement: whose agreement it is
    (
        "Chile wants to sell more salmon in Asia.\n\nIts trade agreement with Japan took effect in May.",
        "Its trade agreement",
        ["Chile", "Japan"],
    ),
    # a description signer: the company the story introduced with a noun of the same kind and nationality
    (
        "The Czech group Unipetrol bought a stake in a Slovak refinery from the Hungarian oil firm MOL. "
        "Officials said the Czech energy company had signed another contract, this time with the Slovak government.",
        "another contract",
        ["Unipetrol", "the Slovak government"],
    ),
    # a description side: the group the story named as rebels
    (
        "Fighting has eased in the north since the rebel National Liberation Front (NLF) began talks with Khartoum. "
        "Under the truce accord between the government and the rebels, the fighters must gather at two camps.",
        "the truce accord",
        ["the government", "National Liberation Front"],
    ),
]


@pytest.mark.parametrize(("text", "kind_text", "expected"), RESOLVED, ids=[f"{k}-{'-'.join(e)}" for _, k, e in RESOLVED])
def test_signers_written_as_pronouns_or_descriptions_resolve_to_names(nlp, text, kind_text, expected):
    got = parties_of(nlp, text, kind_text)
    assert len(got) == len(expected), got
    assert all(any(same_name(w, g) for g in got) for w in expected), got


UNSURE = [
    # two states before "It": which one signed?
    (
        "Chile and Peru have held fishing talks for months. It has already reached agreements to ship copper to Norway.",
        "agreements to ship",
        ["Chile", "Peru"],
    ),
    # the state is two paragraphs back
    (
        "Chile is seeking fishing accords with Norway.\n\nTalks resume in May.\n\nIt has already reached agreements to ship copper to Japan.",
        "agreements to ship",
        ["Chile"],
    ),
    # "they" after officials: the officials' side, not the states named before them
    (
        "Chile and Peru held fishing talks in Lima. Officials from both sides said they had signed a fishing pact.",
        "a fishing pact",
        ["Chile", "Peru"],
    ),
    # the description's nationality fits no company named before
    (
        "The Czech group Unipetrol bought a stake in a Slovak refinery. "
        "Officials said the Hungarian energy company had signed a contract with the Slovak government.",
        "a contract",
        ["Unipetrol"],
    ),
    # "the factions" are several groups, not the one named before
    (
        "The militant movement Hamas rejected the plan. Egypt brokered a truce between Israel and the factions on Monday.",
        "a truce",
        ["Hamas"],
    ),
    # another organisation was named after the one described as a company
    (
        "The oil firm Rosneft met Exxon Mobil in Moscow. Exxon Mobil wants Arctic blocks. The company signed a drilling contract with Norway on Monday.",
        "a drilling contract",
        ["Rosneft"],
    ),
    # "the company" after two companies
    (
        "The steel group Arcadia met the mining firm Borealis in Oslo. The company signed a supply contract with Norway on Monday.",
        "a supply contract",
        ["Arcadia", "Borealis"],
    ),
]


@pytest.mark.parametrize(("text", "kind_text", "not_parties"), UNSURE, ids=[f"{k}-not-{'-'.join(n)}" for _, k, n in UNSURE])
def test_unsure_references_give_no_party(nlp, text, kind_text, not_parties):
    got = parties_of(nlp, text, kind_text)
    assert not any(same_name(n, g) for n in not_parties for g in got), got


@pytest.mark.parametrize(
    ("text", "parties", "status", "signed"),
    [
        pytest.param(
            "Acme Corp and Orvel Inc won approval on Tuesday for their merger. The deal would create a giant.",
            ["Acme Corp", "Orvel Inc"], "approved", [], id="their-merger-approved",
        ),
        pytest.param(
            "The takeover of Cadbury by Kraft was completed in February. The deal angered British unions.",
            ["Cadbury", "Kraft"], None, ["2024-02"], id="the-takeover-of-a-company-completed",
        ),
        # who cleared the deal is no side of it
        pytest.param(
            "Acme Corp and Orvel Inc won approval from the European Commission on Tuesday for their merger. The deal would create a giant.",
            ["Acme Corp", "Orvel Inc"], "approved", [], id="the-regulator-it-won-approval-from-is-no-side",
        ),
        pytest.param(
            "The merger of Acme Corp and Orvel Inc was cleared by the Commission on Monday. The deal would create a giant.",
            ["Acme Corp", "Orvel Inc"], "approved", [], id="a-merger-cleared-by-a-regulator",
        ),
        pytest.param(
            "Regulators imposed conditions on Acme Corp's takeover of Orvel Inc on Monday. The deal is worth 3 billion dollars.",
            ["Acme Corp", "Orvel Inc"], None, [], id="the-possessor-of-a-takeover-is-a-side",
        ),
        # (the later sentence naming nothing of its own, or a place of its own)
        pytest.param(
            "Veltro Chemicals and Sandhurst Polymers won approval from the European Commission on Tuesday for their merger. The deal was first announced in March.",
            ["Veltro Chemicals", "Sandhurst Polymers"], "approved", [], id="the-regulator-is-no-side-of-a-deal-saying-nothing-more",
        ),
        pytest.param(
            "Carrow Foods won approval from the Competition Commission for its acquisition of Dunmore Dairies. The deal would create Britain's largest dairy group.",
            ["Carrow Foods", "Dunmore Dairies"], "approved", [], id="its-acquisition-of-a-company",
        ),
        pytest.param(
            "Vantor Group won approval from shareholders for its merger with Celsan Holdings. The deal will close in July.",
            ["Vantor Group", "Celsan Holdings"], "approved", [], id="its-merger-with-a-company",
        ),
    ],
)
def test_the_deal_after_a_companys_merger_or_takeover_is_that_deal(nlp, text, parties, status, signed):
    found = run(nlp, text)._.cw_agreements
    assert [([p.text for p in a.parties], a.status, a.signed) for a in found] == [(parties, status, signed)]


def test_a_merger_only_considered_is_no_antecedent(nlp):
    # (the sentence's subject opening it is still whom the deal is about: another rule)
    found = run(nlp, "Acme Corp and Orvel Inc may reconsider their merger. The deal would create a giant.")._.cw_agreements
    assert [([p.text for p in a.parties], a.status) for a in found] == [(["Acme Corp"], None)]


def test_a_merger_approved_before_is_not_a_later_agreement_with_its_own_partner(nlp):
    text = "Acme Corp and Orvel Inc won approval on Tuesday for their merger. The company later signed the agreement with Delta Ltd."
    found = run(nlp, text)._.cw_agreements
    assert [([p.text for p in a.parties], a.asset, a.status) for a in found] == [(["Delta Ltd."], None, None)]


@pytest.mark.parametrize(
    ("text", "parties", "asset"),
    [
        pytest.param(
            "Acme Corp raised its offer for Orvel Inc to 50 dollars a share on Monday. The deal values Orvel Inc at 2 billion dollars.",
            ["Acme Corp", "Orvel Inc"], "Orvel Inc", id="raised-its-offer-for-a-company",
        ),
        pytest.param(
            "Acme Corp raised its price for the furniture maker Orvel Inc on Monday. Analysts said the deal was fair.",
            ["Acme Corp", "Orvel Inc"], "Orvel Inc", id="its-price-for-a-company-described",
        ),
        pytest.param(
            "Unilever raised its offer for GSK's consumer health unit on Saturday. The deal was rejected by the board.",
            ["Unilever", "GSK"], "GSK's consumer health unit", id="its-offer-for-a-companys-unit",
        ),
        pytest.param(
            "Glencore raised its offer for Xstrata on Monday. The deal values Xstrata at 30 billion dollars.",
            ["Glencore", "Xstrata"], "Xstrata", id="names-the-model-left-untagged-or-took-for-a-place",
        ),
    ],
)
def test_the_deal_after_a_companys_bid_is_between_bidder_and_target(nlp, text, parties, asset):
    found = run(nlp, text)._.cw_agreements
    # (a bid raised is no signing: the day is not the deal's date)
    assert [([p.text for p in a.parties], a.asset, a.signed) for a in found] == [(parties, asset, [])]


def test_an_offer_for_talks_is_no_bid(nlp):
    assert run(nlp, "The union raised its offer for talks with Acme Corp on Monday. The deal would end the strike.")._.cw_agreements == []


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Gazprom said on Tuesday it had signed a 20-year contract with Botas to supply gas.", ["Botas", "Gazprom"], id="a-name-the-model-left-untagged"),
        pytest.param("Officials said it had signed a 20-year contract with Botas to supply gas.", ["Botas"], id="not-a-description"),
    ],
)
def test_a_name_that_says_what_it_did_is_whom_it_means(nlp, text, parties):
    assert [p.text for p in run(nlp, text)._.cw_agreements[0].parties] == parties
