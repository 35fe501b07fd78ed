"""Parties of agreements in shapes where the text names them indirectly: the seller of what a
purchase deal buys, the sides of what an agreement frames, of the summit it is signed at, of the
conflict it ends; "he"/"his", an organisation's leader, a group just named, the same agreement named
again, who acts under it; and who is no side (brokers, monitors, what is set up under it)."""

from __future__ import annotations

import pytest

from claimweave.extract.agreement_people import capital_of
from tests.extract.agreement_docs import agreements, only


def sole_parties(nlp, text: str) -> list[str]:
    """The parties of the one agreement found in ``text``."""
    found = agreements(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    return [p.text for p in found[0].parties]


def parties_of(nlp, text: str, anchor: str) -> list[str]:
    found = [a for a in agreements(nlp, text) if anchor in a.text]
    assert found, [a.text for a in agreements(nlp, text)]
    for p in found[0].parties:
        assert text[p.start : p.end] == p.text
    return [p.text for p in found[0].parties]


SELLERS = [
    pytest.param(
        "Vietnam Airlines signed a contract on Tuesday to purchase 30 Boeing jets worth about 3 billion dollars.",
        "a contract", ["Vietnam Airlines", "Boeing"], id="maker-of-the-goods-bought",
    ),
    pytest.param(
        "Qantas signed a contract Friday to buy 40 short-haul Embraer aircraft.",
        "a contract", ["Qantas", "Embraer"], id="maker-tagged-as-a-person",
    ),
    pytest.param(
        "But a judge lifted the ban, leaving the way open for Acme Holdings to sign an agreement in March to buy Lukos' controlling stake.",
        "an agreement", ["Acme Holdings", "Lukos"], id="owner-of-the-stake-bought",
    ),
    pytest.param(
        "Israel ordered the withdrawal of troops from Gaza under the agreement.",
        "agreement", ["Israel"], id="withdrawn-from-is-a-place",
    ),
    pytest.param(
        "Freedonia leases the Karsa naval base from Ruritania under a 1903 agreement.",
        "leases", ["Freedonia", "Ruritania"], id="leased-from-hung-on-what-is-leased",
    ),
    pytest.param(
        "A deal reached last month will allow Moldova to import gas from Romania next year.",
        "A deal", ["Moldova", "Romania"], id="imported-from",
    ),
    pytest.param(
        "Qantas signed a contract Friday to buy 40 Embraer aircraft from a leasing firm in Dublin.",
        "a contract", ["Qantas"], id="bought-from-someone-else",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), SELLERS)
def test_the_seller_of_what_a_deal_buys_is_a_party(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


FRAMED = [
    pytest.param(
        "The panel oversees the yearly Japanese-Australian naval drills being conducted under a mutual security agreement and a logistics pact.",
        "a mutual security agreement", ["Japanese", "Australian"], id="activity-held-under-it",
    ),
    pytest.param(
        "The panel oversees the yearly Japanese-Australian naval drills being conducted under a mutual security agreement and a logistics pact.",
        "a logistics pact", ["Japanese", "Australian"], id="second-of-two-agreements",
    ),
    pytest.param(
        "Franco-German patrols are carried out under a border cooperation treaty.",
        "a border cooperation treaty", ["Franco", "German"], id="subject-carried-out-under-it",
    ),
    pytest.param(
        "Officials praised the 1995 Franco-Spanish Fisheries Declaration, the pact that opened the Bay of Biscay to Madrid's fleets.",
        "the pact", ["Franco", "Spanish"], id="the-paired-name-it-restates",
    ),
    pytest.param(
        "The yearly long-range naval drills are conducted under a security agreement.",
        "a security agreement", [], id="no-pair-no-party",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), FRAMED)
def test_the_states_paired_on_what_an_agreement_frames_are_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


EVENTS = [
    pytest.param(
        "Brazil will host the second Mercosur-Japan summit in Brasilia on Friday. Officials said four accords would "
        "be signed at the summit - a memorandum on biofuel research, and agreements on fisheries and tourism.",
        "a memorandum", ["Mercosur", "Japan"], id="listed-at-a-summit-named-before",
    ),
    pytest.param(
        "Brazil will host the second Mercosur-Japan summit in Brasilia on Friday. Its office said three texts were to "
        "be signed at the summit - a memorandum on biofuel research, and agreements on Galileo and Aviation.",
        "Aviation", ["Mercosur", "Japan"], id="listed-name-at-a-summit",
    ),
    pytest.param(
        "Talks between Seoul and Hanoi opened on Monday. A shipping accord was signed during the talks.",
        "A shipping accord", ["Seoul", "Hanoi"], id="talks-between-two-sides",
    ),
    pytest.param(
        "Ministers said a visa accord would be inked on the margins of the EU-Brazil summit on Friday.",
        "a visa accord", ["EU", "Brazil"], id="on-the-margins-of-a-summit",
    ),
    pytest.param(
        "Ministers met in Geneva on Monday. A shipping accord was signed at the meeting.",
        "A shipping accord", [], id="meeting-without-sides",
    ),
    pytest.param(
        "Agreements on water sharing were reached at a meeting of Ruritania, the Arab League and the Sudanese government on Monday.",
        "Agreements", ["Ruritania", "the Arab League", "the Sudanese government"], id="reached-at-a-meeting-of-a-list",
    ),
    pytest.param(
        "At the joint meeting of Peru, the Arab League and the Sudanese government on Monday, agreements were reached on water sharing.",
        "agreements", ["Peru", "the Arab League", "the Sudanese government"], id="a-meeting-of-a-list-opening-the-sentence",
    ),
    pytest.param(
        "Japan's water agreement with Peru was criticised at a meeting of the Arab League and the African Union on Monday.",
        "water agreement", ["Japan", "Peru"], id="criticised-at-a-meeting-is-no-side",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), EVENTS)
def test_an_agreement_signed_at_a_meeting_is_between_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


CONFLICTS = [
    pytest.param(
        "The 1991 peace accords, which ended a long war that pitted Renamo against Frelimo, left the country in ruins.",
        "peace accords", ["Renamo", "Frelimo"], id="war-which-pitted-x-against-y",
    ),
    pytest.param(
        "Turkey's offensive against Kurdish PKK guerrillas lasted a month. A truce agreement signed on May 3 ended the Turkish offensive.",
        "truce agreement", ["Turkish", "PKK"], id="other-side-from-an-earlier-mention",
    ),
    pytest.param(
        "A truce ending the fighting in the north took effect on Sunday.",
        "truce", [], id="conflict-without-sides",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), CONFLICTS)
def test_an_agreement_ending_a_conflict_is_between_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


PERSONAL = [
    pytest.param(
        "Indonesian President Joko Widodo was due to leave Seoul on Friday as he ends a three-day visit.\n\n"
        "The highlight of his trip was his involvement in a contract on Thursday to buy 12 Hyundai frigates.",
        "a contract", ["Hyundai", "Indonesian"], id="his-involvement-is-his-state",
    ),
    pytest.param(
        "Tom Hale joined Leeds in 2019. On Monday he signed a three-year contract with Everton.",
        "a three-year contract", ["Everton", "Tom Hale"], id="he-signed-is-the-person",
    ),
    pytest.param(
        "Candidate Ana Silva has promised lower taxes as she forged election pacts with the leftist PVD and the farmers' party UAP.",
        "election pacts", ["PVD", "UAP", "Ana Silva"], id="she-forged-pacts",
    ),
    pytest.param(
        "The finance minister said the plan was sound. He signed a loan agreement with the IMF on Monday.",
        "a loan agreement", ["IMF"], id="he-without-a-name",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), PERSONAL)
def test_he_signed_is_the_person_or_the_state_he_acts_for(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


LEADERS = [
    pytest.param(
        "Rebels and troops halted fire on Sunday, following an agreement reached between African Union Commission Chairman Jean Ping and the rebel groups.",
        "an agreement", ["Jean Ping"], id="organisation-chairman-is-the-person",
    ),
    pytest.param(
        "The truce followed an agreement reached between Hamas leader Ismail Haniya and the Fatah movement.",
        "an agreement", ["Ismail Haniya", "Fatah"], id="group-leader-is-the-person",
    ),
    pytest.param(
        "The truce followed an agreement reached between Kenyan President Mwai Kibaki and the opposition.",
        "an agreement", ["the opposition", "Kenyan"], id="state-leader-is-the-state",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), LEADERS)
def test_a_side_written_as_an_organisations_leader_is_the_person(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


FRAMED_CLAUSE = [
    pytest.param(
        "The foreign consortium running the oilfield in northern Kazakhstan has to share revenue with the Georgian "
        "government under terms of a production sharing agreement signed in 1997.",
        "a production sharing agreement", ["The foreign consortium", "the Georgian government"], id="under-terms-of-subject-and-with",
    ),
    pytest.param(
        "Under a concession agreement, the operator must consult with the ministry on tariffs.",
        "a concession agreement", ["the operator", "the ministry"], id="under-it-subject-and-with",
    ),
    pytest.param(
        "Under the contract for power supply from Norway to Denmark signed in 2001, the Nordic country pays 40 euros per megawatt hour.",
        "the contract", ["Norway", "Denmark"], id="a-description-restating-a-state-acts-under-it",
    ),
    pytest.param(
        "The two sides reached an agreement under which the company will pay the government 30 million dollars a year.",
        "an agreement", ["the company", "the government"], id="under-which-subject-and-payee",
    ),
    pytest.param(
        "Ankara signed a 600 million dollar agreement under which a consortium led by Elbit Systems will upgrade its fleet of 50 aircraft.",
        "agreement", ["Ankara", "a consortium led by Elbit Systems"], id="under-which-a-consortium-led-by",
    ),
    pytest.param(
        "Under a memorandum of understanding signed in 2004, a \"Vision Laos Fund\" has also been set up by the Laotian "
        "health ministry and the Melbourne Eye Clinic to train surgeons.",
        "a memorandum of understanding", ["the Laotian health ministry", "the Melbourne Eye Clinic"], id="what-is-set-up-under-it-by-whom",
    ),
    pytest.param(
        "Acme Corp signed a supply deal with Borealis Ltd at a ceremony in northern Norway.",
        "a supply deal", ["Acme Corp", "Borealis Ltd"], id="place-after-a-compass-word",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), FRAMED_CLAUSE)
def test_who_acts_under_an_agreement_and_with_whom_are_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


MEMBERS = [
    pytest.param(
        "A Chilean trade delegation to Japan has signed two agreements on fisheries, officials said on Monday. "
        "One accord lifts quotas for Chilean trawlers fishing near Hokkaido and for Japanese boats off Patagonia.",
        "One accord", ["Japan", "Chilean"], id="one-of-the-group-just-named",
    ),
    pytest.param(
        "A Chilean trade delegation to Japan has signed two agreements on fisheries, officials said on Monday. "
        "One accord lifts quotas for Chilean trawlers, and another deal with Peru covers anchovy stocks.",
        "another deal", ["Peru"], id="member-with-a-side-of-its-own",
    ),
    pytest.param(
        "Turkey and Israel signed two defence pacts on Monday. Another deal was signed by Egypt and Sudan on Tuesday.",
        "Another deal", ["Egypt", "Sudan"], id="another-with-sides-of-its-own",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), MEMBERS)
def test_one_of_a_group_just_named_is_between_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


TRADE_SIDES = [
    pytest.param(
        "Statoil took control of the field on Monday and agreed to pay 2 billion dollars to the group led by Eni SpA for its stake.\n\n"
        "Analysts said investors lost out.\n\nThe field had been idle for years.\n\n"
        "But the prime minister welcomed the latest deal, which expires in 2030.",
        "the latest deal", ["Statoil", "the group led by Eni SpA"], id="agreed-to-pay-to-a-group-led-by",
    ),


    pytest.param(
        "Vorn Bancorp. said it tentatively agreed to acquire Kessel Savings Corp. for stock valued at $18 million.\n\n"
        "Terms call for Vorn to issue 0.55 share for each Kessel share.\n\n"
        "Kessel, with $100 million in assets, is the parent of Kessel Bank. The price is 1.65 times book value.\n\n"
        "Vorn said the agreement is subject to shareholder approval.",
        "the agreement", ["Vorn Bancorp.", "Kessel Savings Corp."], id="the-agreement-paragraphs-after-x-agreed",
    ),
    pytest.param(
        "Vell Inc., Peoria, Ill., said it agreed to acquire the consulting businesses of Harrow Services Inc. of Southport, Conn. "
        "As part of the agreement, Harrow will pay fees.",
        "the agreement", ["Vell Inc.", "Harrow Services Inc."], id="whose-businesses-are-bought-and-no-state-of-an-address",
    ),
    pytest.param(
        "Marlow Foods Co., a wholesaler of spirits, said it will merge with Tarn Holdings Inc.\n\n"
        "Under terms of the agreement, holders will receive $3,500 a share.",
        "the agreement", ["Marlow Foods Co.", "Tarn Holdings Inc."], id="said-it-will-merge-with",
    ),
    pytest.param(
        "Vorn Bancorp. said it agreed to acquire Kessel Savings Corp. for $18 million.\n\nThe price is 1.65 times book value.\n\n"
        "Analysts were surprised.\n\nShares rose 3% in early trading.\n\nThe agreement is subject to shareholder approval.",
        "The agreement", ["Vorn Bancorp.", "Kessel Savings Corp."], id="the-agreement-far-after-x-agreed-naming-no-one",
    ),
    pytest.param(
        "Orland Holdings Corp. completed its $3 billion acquisition of Mercer Health International Inc., purchasing 63 million shares.\n\n"
        "Orland is a group that includes Kemp Boston Corp.\n\n"
        "The completion of the merger agreement follows months of twists and turns.",
        "the merger agreement", ["Orland Holdings Corp.", "Mercer Health International Inc."], id="completed-its-acquisition-of",
    ),
    pytest.param(
        "Acme Corp. said it agreed to acquire Deseret Bancorp. for $18 million. The agreement is subject to approval.",
        "The agreement", ["Acme Corp.", "Deseret Bancorp."], id="a-company-abbreviation-is-not-cut",
    ),
]


FAR_UNRELATED = (
    "Statoil agreed to pay 2 billion dollars to Eni SpA for its stake in the field.\n\n"
    "Analysts said investors lost out.\n\nThe field had been idle for years.\n\n"
    "Prime Minister Hans Berg welcomed the deal."
)


def test_a_far_agreeing_sentence_needs_a_name_in_common(nlp):
    # the sentence of "the deal" names no one who agreed three paragraphs before: no sides taken from there
    assert all(not a.parties for a in agreements(nlp, FAR_UNRELATED))


@pytest.mark.parametrize(("text", "anchor", "parties"), TRADE_SIDES)
def test_the_deal_after_x_agreed_to_pay_y_is_between_them(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


BROKERS = [
    pytest.param(
        "The Arab League has sent a small observer mission to monitor a fragile ceasefire in the south.",
        "a fragile ceasefire", [], id="monitoring-mission-sender",
    ),
    pytest.param("Kenya mediated a power-sharing deal last month.", "a power-sharing deal", [], id="mediator-subject"),
    pytest.param(
        "Egypt brokered a ceasefire between Israel and Hamas on Tuesday.",
        "a ceasefire", ["Israel", "Hamas"], id="broker-and-sides",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), BROKERS)
def test_who_brokers_or_monitors_an_agreement_is_no_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


HOLDING_BETWEEN = [
    pytest.param(
        "Shelling has eased since a shaky ceasefire began between clan militias and Ethiopian forces last week.",
        "a shaky ceasefire", ["clan militias", "Ethiopian forces"], id="began-between-groups",
    ),
    pytest.param(
        "Officials said the agreement reached between the army and the Tigers and the Madrid and Lisbon Declaration guarantee the unity of the island.",
        "the agreement", ["the army", "Tigers"], id="reached-between-not-the-declaration",
    ),
    pytest.param(
        "In a statement, the embassy said the Trade Partnership Agreement, signed in 2001 between the Chilean and Thai governments, provides for lower tariffs.",
        "the Trade Partnership Agreement", ["Chilean", "Thai"], id="coordinated-states-on-one-body",
    ),
    pytest.param(
        "The army said it would respect a truce between the government and rebel forces.",
        "a truce", ["the government", "rebel forces"], id="a-body-and-a-described-group-parsed-as-one-noun",
    ),
    pytest.param(
        "Officials said it was a contract between the state and foreign investors.",
        "a contract", ["the state", "foreign investors"], id="the-state-and-investors",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), HOLDING_BETWEEN)
def test_a_truce_taking_effect_between_two_sides_is_theirs(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


_BETWEEN = "\n\nMinisters met on Monday.\n\nThe talks lasted four hours.\n\nOfficials said little.\n\nDonors pledged aid.\n\n"
SAME_AGREEMENT = [
    pytest.param(
        "The unity government was formed as provided for by the 1992 Rome peace accords." + _BETWEEN
        + "After the 1992 peace accords, which ended a long war that pitted Renamo against Frelimo, elections were delayed.",
        "the 1992 Rome peace accords", ["Renamo", "Frelimo"], id="named-again-with-its-sides",
    ),
    pytest.param(
        "The unity government was formed as provided for by the 1990 Rome peace accords." + _BETWEEN
        + "After the 1992 peace accords, which ended a long war that pitted Renamo against Frelimo, elections were delayed.",
        "the 1990 Rome peace accords", [], id="another-year-another-agreement",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), SAME_AGREEMENT)
def test_an_agreement_named_again_shares_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


CONTRACTED = [
    pytest.param(
        "Ken Marlow signed a seven-year contract with the Denver Nuggets in July.",
        "a seven-year contract", ["the Denver Nuggets", "Ken Marlow"], id="player-signs-a-contract",
    ),
    pytest.param(
        "Pitcher Jeff Hale agreed to a four-year deal with the Milwaukee Brewers on Friday.",
        "a four-year deal", ["the Milwaukee Brewers", "Jeff Hale"], id="player-agrees-to-a-term-deal",
    ),
    pytest.param(
        "Coach Tom Hale, who is under contract with Everton until 2012, hopes to manage Wales.",
        "contract", ["Everton", "Tom Hale"], id="under-contract-with",
    ),
    pytest.param(
        "Obtained from Boston for two draft picks, Ken Marlow signed a five-year contract worth 40 million dollars in July.",
        "a five-year contract", ["Ken Marlow"], id="obtained-from-is-no-side-of-his-contract",
    ),
    pytest.param(
        "Rosvik and Naftogaz agreed a five-year gas supply deal on Monday.",
        "deal", ["Rosvik", "Naftogaz"], id="untagged-name-joined-to-a-company-opening-the-sentence",
    ),
    pytest.param(
        "Rebels in Karsa signed a peace agreement with the government in May.",
        "agreement", ["Rebels in Karsa", "the government"], id="a-group-named-by-where-it-is-opening-the-sentence",
    ),
    pytest.param(
        "The agreement was signed by Chevron and the Angolan government.",
        "agreement", ["Chevron", "the Angolan government"], id="a-state-body-written-with-its-adjective",
    ),
    pytest.param(
        "Venezuelan President Tom Hale's oil contract with China was signed on Monday.",
        "contract", ["China"], id="a-leaders-contract-is-not-his-own",
    ),
    pytest.param(
        "Tom Hale joined Everton on a two-year contract from Hull City.",
        "contract", ["Tom Hale", "Everton"], id="joined-a-club-on-a-contract",
    ),
    pytest.param(
        "Tom Hale has signed for Everton on a three-year deal.",
        "deal", ["Tom Hale", "Everton"], id="signed-for-a-club-on-a-deal",
    ),
    pytest.param(
        "Striker Tom Hale has signed for Everton on a three-year deal.",
        "deal", ["Tom Hale", "Everton"], id="a-title-the-model-took-into-the-name",
    ),
    pytest.param(
        "Everton have tied Tom Hale to a new five-year contract.",
        "contract", ["Tom Hale", "Everton"], id="a-club-tied-him-to-a-contract",
    ),
    pytest.param(
        "England captain Tom Hale's contract with Real Madrid runs until 2008.",
        "contract", ["Real Madrid", "Tom Hale"], id="a-national-captains-contract-is-his-own",
    ),
    pytest.param(
        "Everton manager Ian Lund has tied Tom Hale to a new three-year contract.",
        "contract", [], id="a-manager-is-no-club",
    ),
    pytest.param(
        "Iran ordered 30 jets from Airbus under the contract.",
        "contract", ["Iran", "Airbus"], id="ordered-from-a-maker",
    ),
    pytest.param(
        "The government criticised the airline's deal with Boeing on Monday.",
        "deal", ["Boeing"], id="a-government-judging-anothers-deal-is-no-side",
    ),
    pytest.param(
        "A trade deal between the EU and the rest of the world is unlikely this year.",
        "deal", ["EU"], id="the-rest-of-the-world-is-no-side",
    ),
    pytest.param(
        "Tom Hale's contract with Everton runs until 2010.",
        "contract", ["Everton", "Tom Hale"], id="a-persons-own-contract",
    ),
    pytest.param(
        "Everton want Tom Hale to stay. Hale's contract will be worth 800,000 euros a year.",
        "contract", ["Hale"], id="a-persons-contract-exists-unsaid",
    ),
    pytest.param(
        "Acme Corp signed a deal on Monday to buy a satellite from China.",
        "a deal", ["Acme Corp", "China"], id="bought-from-is-a-side",
    ),
    pytest.param(
        "Paul Hale negotiated their contracts and signed papers in their names, a lawyer said.",
        "their contracts", [], id="negotiating-someone-elses-contracts",
    ),
    pytest.param(
        "Colombian President Alvaro Uribe signed a trade deal with Peru on Monday.",
        "a trade deal", ["Peru", "Colombian"], id="a-leader-still-signs-for-his-state",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), CONTRACTED)
def test_a_person_who_signs_a_contract_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


TWO_SIDES = [
    pytest.param(
        "Chilean leader Tom Hale met Peruvian leader Ian Lund in Lima on Saturday. The two leaders signed an environment pact.",
        "pact", ["Chilean", "Peruvian"], id="two-leaders-titled-leader",
    ),
    pytest.param(
        "Sudanese rebel leader Tom Hale met Chadian rebel chief Ian Lund in Tripoli on Thursday. The two leaders signed a cooperation pact.",
        "pact", [], id="two-rebel-leaders-are-not-their-states",
    ),
    pytest.param(
        "The Partnership and Cooperation Agreement between the EU and Russia was signed in 1997.",
        "Agreement", ["EU", "Russia"], id="between-after-a-proper-name",
    ),
    pytest.param(
        "The deal between the striking miners and the mine owners was signed on Friday.",
        "deal", ["the striking miners", "the mine owners"], id="the-other-of-two-sides-between",
    ),
    pytest.param(
        "Chilean Prime Minister Tom Hale met his Peruvian counterpart Ian Lund on Thursday. The two leaders signed three cooperation deals.",
        "deals", ["Chilean", "Peruvian"], id="the-two-leaders-of-the-states-named",
    ),
    pytest.param(
        "Renault SA and Nissan Motor Co will share engine designs. Analysts praised the two companies' 1999 accord on joint purchasing.",
        "accord", ["Renault SA", "Nissan Motor Co"], id="the-two-companies-accord",
    ),
    pytest.param(
        "Chile and Peru discussed fishing quotas on Monday. The foreign ministers of the two countries also signed an agreement on tourism.",
        "an agreement", ["Chile", "Peru"], id="ministers-of-the-two-countries",
    ),
]


def test_a_bare_government_of_the_one_state_named_is_that_state(nlp):
    text = "Ministers discussed the strategy Pakistan was following in its tribal belt, where the government signed a peace deal with pro-Taliban militants in September."
    assert parties_of(nlp, text, "a peace deal") == ["Pakistan", "pro-Taliban militants"]
    # (a government a deal is made with is another side)
    assert parties_of(nlp, "Israel signed a deal with the government in September.", "a deal") == ["Israel", "the government"]


@pytest.mark.parametrize(("text", "anchor", "parties"), TWO_SIDES)
def test_the_two_countries_whose_agreement_it_is(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


ANNOUNCED = [
    pytest.param(
        "Acme Holdings announced on Monday an agreement with Germany's Siemens AG to form a joint venture.",
        "an agreement", ["Acme Holdings", "Siemens AG"], id="announced-its-agreement-with",
    ),
    pytest.param(
        "Acme Holdings said on Monday that Borealis SA had signed a deal.",
        "a deal", ["Borealis SA"], id="a-source-is-no-side",
    ),
    pytest.param(
        "Acme Holdings announced an agreement to acquire Borel Mining Corp. for $40 million.",
        "an agreement", ["Acme Holdings", "Borel Mining Corp."], id="announced-an-agreement-to-acquire",
    ),
]


THEIR = [
    pytest.param(
        "Vell Broadcasting rose; Vell and Harrow Telecom sweetened their merger agreement in an attempt to keep holders "
        "from tendering their shares to Kemp Cellular Communications.",
        "their merger agreement", ["Vell Broadcasting", "Harrow Telecom"], id="their-agreement-is-the-subjects",
    ),
    pytest.param(
        "Chile and Peru extended their fisheries accord with Ecuador.",
        "their fisheries accord", ["Chile", "Peru", "Ecuador"], id="their-agreement-with-a-third",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), THEIR)
def test_their_agreement_is_the_named_subjects_and_whom_it_is_with(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


@pytest.mark.parametrize(("text", "anchor", "parties"), ANNOUNCED)
def test_who_announces_an_agreement_with_someone_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


UNILATERAL = [
    pytest.param(
        "Bombings returned to Madrid once the ETA group ended a unilateral two-year ceasefire last spring.",
        "a unilateral two-year ceasefire", ["ETA"], id="who-ends-a-unilateral-truce",
    ),
    pytest.param(
        "The Basque separatist group ETA claimed the bombing in May. Bombings returned once the group scrapped a unilateral ceasefire last spring.",
        "a unilateral ceasefire", ["ETA"], id="a-description-of-the-group",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), UNILATERAL)
def test_a_unilateral_truce_is_of_who_declares_or_ends_it(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


def test_a_truce_named_again_keeps_who_ends_it(nlp):
    # the same ceasefire told twice ("its ceasefire", then "a unilateral ceasefire") is one agreement of ETA
    text = "The Basque separatist group ETA said it would end its ceasefire. Bombings returned once the group scrapped a unilateral ceasefire last spring."
    found = agreements(nlp, text)
    assert [(a.text, [p.text for p in a.parties]) for a in found] == [("its ceasefire", ["ETA"])]


NOT_SIDES = [
    pytest.param(
        "Under a contract signed Tuesday, Saab will upgrade Greece's 40 F-4E Phantom jets.",
        "contract", ["Saab", "Greece"], id="model-name-of-what-is-upgraded",
    ),
    pytest.param(
        "Korean Air chief Cho said the Indonesian Minister of Transport signed a deal.",
        "a deal", ["Indonesian"], id="portfolio-of-a-title",
    ),
    pytest.param(
        "Mercosur and the donors group on May 9 signed a 4.1 million-US dollar financing agreement to help the unit.",
        "financing agreement", ["Mercosur", "the donors group"], id="the-country-of-a-currency",
    ),
    pytest.param(
        "\"We agreed to a press truce,\" Aoun told reporters after the talks at the parliament building in downtown Amman.",
        "truce", ["Aoun"], id="a-place-in-its-downtown",
    ),
    pytest.param(
        "The merger deal signed on Monday puts the new group behind Enel of Italy but ahead of Iberdrola in market value.",
        "merger deal", [], id="whom-a-deal-puts-one-behind-or-ahead-of",
    ),
    pytest.param(
        "Kenyan President Mwai Kibaki has presented 99-year land lease agreements to 300 small farmers, the radio reported.",
        "lease agreements", ["300 small farmers"], id="demonym-in-a-title",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), NOT_SIDES)
def test_demonyms_and_model_names_are_no_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


# The small NER takes many one-word company names for people; made "with" an agreement, they are its side.
WITH_NAMES = [
    pytest.param("Kuwait Oil signed a contract with Petrobras.", "contract", ["Kuwait Oil", "Petrobras"], id="a-company-tagged-as-a-person"),
    pytest.param("The rebels struck a deal with Kabila on Friday.", "deal", ["The rebels", "Kabila"], id="a-leader-by-surname"),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), WITH_NAMES)
def test_whom_an_agreement_is_made_with_is_its_side_whatever_the_ner_says(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


RELATIVE_SIGNERS = [
    pytest.param(
        "The RPF is an offshoot of the Karen National Union (KNU), which in 1995 signed a ceasefire with the army to halt decades of fighting.",
        "a ceasefire", ["the Karen National Union", "the army"], id="name-described-by-a-signing-clause",
    ),
    pytest.param(
        "Talks between the Colombian government and leftist rebels resumed on Monday. The ELN, a rival of the Revolutionary Armed Forces, which signed a truce with the government in May, stayed away.",
        "a truce", ["the Revolutionary Armed Forces", "the government"], id="with-the-body-named-before-is-not-its-state-again",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), RELATIVE_SIGNERS)
def test_the_name_a_signing_relative_clause_describes_is_a_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


HEADED_BODIES = [
    pytest.param(
        "Microsoft chairman Bill Gates said on Monday his company would sign a licensing agreement with Nokia next month.",
        "a licensing agreement", ["Nokia", "Microsoft"], id="his-company",
    ),
    pytest.param(
        "Siemens chief executive Peter Loescher said his company had signed a contract with Iberdrola.",
        "a contract", ["Iberdrola", "Siemens"], id="his-company-signed",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), HEADED_BODIES)
def test_his_company_is_the_body_the_speaker_heads(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


EVENT_HOSTS = [
    pytest.param(
        "The African Union summit in Banjul ended on Sunday. The summit also signed two agreements on trade and migration.",
        "two agreements", ["African Union"], id="the-summit-named-before",
    ),
    pytest.param(
        "The OPEC meeting approved a new agreement on output quotas.",
        "a new agreement", ["OPEC"], id="meeting-written-with-its-organisation",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), EVENT_HOSTS)
def test_an_agreement_a_meeting_adopts_is_its_holders(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


MADE_FOR = [
    pytest.param(
        "The nine accords to be signed on Friday include a long-term oil supply contract for Moldova and a visa waiver.",
        "a long-term oil supply contract", ["Moldova"], id="state-it-is-made-for",
    ),
    pytest.param(
        "Boeing won a 2 billion dollar contract for the Indian Air Force.",
        "contract", ["Boeing", "the Indian Air Force"], id="organisation-it-is-made-for",
    ),
    pytest.param(
        "The deal for Gaza was signed by Egypt and the Palestinian Authority.",
        "The deal", ["Egypt", "the Palestinian Authority"], id="a-place-it-serves-is-no-side",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), MADE_FOR)
def test_the_state_an_agreement_is_made_for_is_a_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


POSSESSORS = [
    pytest.param(
        "Italy's ENI and Russia's state gas export monopoly Gazprom signed a pipeline deal on Friday.",
        "a pipeline deal", ["ENI", "Gazprom"], id="owner-of-a-described-company",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), POSSESSORS)
def test_the_owner_of_a_named_company_is_no_side_of_its_own(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


NAMED_BODIES = [
    pytest.param(
        "Ford Motor Co. reached a tentative contract with the United Auto Workers union late Sunday.",
        "a tentative contract", ["Ford Motor Co.", "the United Auto Workers"], id="the-x-union",
    ),
    pytest.param(
        "The US company EDS signed a deal with Cathay on Thursday.",
        "a deal", ["EDS", "Cathay"], id="a-state-describing-a-company-is-no-side",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), NAMED_BODIES)
def test_a_name_on_a_body_noun_names_the_body(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


NOT_ADDRESSES = [
    pytest.param(
        "In Moscow, Gazprom and Naftogaz signed a five-year gas transit agreement, Interfax reported.",
        "agreement", ["Gazprom", "Naftogaz"], id="first-of-two-names-after-a-place",
    ),
    pytest.param(
        "The contract was signed with Dataproducts Corp. of Woodland Hills, Calif. on Monday.",
        "The contract", ["Dataproducts Corp."], id="state-of-an-address",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), NOT_ADDRESSES)
def test_a_name_after_a_place_is_an_address_only_when_alone(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


AWARDED_FROM = [
    pytest.param(
        "Boeing Co. said Tuesday it won a contract from the U.S. Air Force to build 100 tanker planes.",
        "a contract", ["Boeing Co.", "the U.S. Air Force"], id="won-from",
    ),
    pytest.param(
        "Obtained from New Jersey for three picks, Martin signed a seven-year contract.",
        "a seven-year contract", ["Martin"], id="obtained-from-is-someone-elses-past",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), AWARDED_FROM)
def test_who_a_contract_is_won_from_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


RECIPIENTS = [
    pytest.param(
        "The city council granted a 15-year lease to the football club.",
        "a 15-year lease", ["The city council", "the football club"], id="granted-to-a-club",
    ),
    pytest.param(
        "Egypt awarded the contract to a consortium led by Bechtel.",
        "the contract", ["Egypt", "a consortium led by Bechtel"], id="awarded-to-a-consortium",
    ),
    pytest.param(
        "Chevron signed a supply contract with Angola to ship crude to Europe.",
        "a supply contract", ["Chevron", "Angola"], id="where-goods-go-is-no-recipient",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), RECIPIENTS)
def test_whom_an_agreement_is_granted_to_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


ONLOOKERS = [
    pytest.param(
        "Critics in Congress said the nuclear deal with Iran, backed by Russia and China, was too weak.",
        "the nuclear deal", ["Iran"], id="second-of-two-backers",
    ),
    pytest.param(
        "Vodafone agreed to pay 10 billion dollars to acquire Hutchison Essar, India's fourth-largest mobile operator, under a deal announced on Sunday.",
        "a deal", ["Vodafone", "Hutchison Essar"], id="country-of-a-described-company",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), ONLOOKERS)
def test_backers_and_home_countries_are_no_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


COMMENTERS = [
    pytest.param(
        "The accord, which Washington hailed as a breakthrough, was signed by Sudan and the rebels in Nairobi.",
        "The accord", ["Sudan", "the rebels"], id="who-hails-it-and-who-signs-it",
    ),
    pytest.param(
        "The deal, which Gazprom signed with Naftogaz in January, expires in 2019.",
        "The deal", ["Gazprom", "Naftogaz"], id="who-signs-it-in-a-relative-clause",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), COMMENTERS)
def test_who_speaks_of_an_agreement_is_no_side_but_who_signs_it_is(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


MONITORS = [
    pytest.param(
        "The Palestinian Authority and Israel's Defence Ministry signed an agreement on the Rafah crossing, with the European Union acting as monitor.",
        "an agreement", ["The Palestinian Authority", "Defence Ministry"], id="with-x-acting-as-monitor",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), MONITORS)
def test_who_acts_as_monitor_is_no_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


OWN_AGREEMENTS = [
    pytest.param(
        "Chile's free trade agreement with China took effect on October 1.",
        "free trade agreement", ["Chile", "China"], id="whose-agreement-with-whom",
    ),
    pytest.param(
        "The pact is Norway's first fisheries deal with Iceland.",
        "The pact", ["Norway", "Iceland"], id="whose-agreement-restated",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), OWN_AGREEMENTS)
def test_the_possessor_of_an_agreement_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


BODIES_OWNING = [
    pytest.param(
        "The Mexican government's contract with Halliburton was cancelled in March.",
        "contract", ["The Mexican government", "Halliburton"], id="a-government-s-contract",
    ),
    pytest.param(
        "The rebels' deal with the government collapsed within weeks.",
        "deal", ["The rebels", "the government"], id="the-rebels-deal",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), BODIES_OWNING)
def test_a_body_whose_agreement_it_is_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


PLACES_ALONG = [
    pytest.param(
        "India and Pakistan agreed to extend a 2003 ceasefire along the Line of Control.",
        "ceasefire", ["India", "Pakistan"], id="the-line-a-truce-runs-along",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), PLACES_ALONG)
def test_what_an_agreement_runs_along_is_no_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


NEWS_SOURCES = [
    pytest.param(
        "Kazakhstan signed a deal with China on Tuesday to build a pipeline, the Interfax news agency reported from Almaty.",
        "a deal", ["Kazakhstan", "China"], id="agency-reporting-it",
    ),
    pytest.param(
        "The Xinhua news agency said it had signed a content deal with Reuters.",
        "a content deal", ["Xinhua news agency", "Reuters"], id="agency-signing-it",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), NEWS_SOURCES)
def test_a_news_agency_reporting_an_agreement_is_no_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


# A side said twice is one party: the mention "between"/"with" ties to the agreement is the one kept,
# even when an earlier one in another role is dropped.
NAMED_TWICE = [
    pytest.param(
        "The 1994 summit, called by then US President Bill Clinton, came just after the signing of the North American "
        "Free Trade Agreement (NAFTA) between Mexico, Canada and the United States.",
        "Free Trade Agreement", ["Mexico", "Canada", "the United States"], id="a-listed-side-named-before-as-a-title",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), NAMED_TWICE)
def test_a_side_named_twice_is_kept_where_the_agreement_ties_it(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


SIGNED_BY = [
    pytest.param(
        "Breaking with its founder, Fatah rejected former peace deals signed by Abbas and refused to recognize Israel.",
        "peace deals", ["Abbas"], id="who-rejects-it-and-other-clauses-are-no-sides",
    ),
    pytest.param(
        "Under the Visiting Forces Agreement signed by the United States and the Philippines in 1999, trials are held locally.",
        "Visiting Forces Agreement", ["the United States", "Philippines"], id="two-signers-with-articles",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), SIGNED_BY)
def test_who_an_agreement_says_signed_it_are_its_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


def test_a_deal_named_again_as_signed_at_a_meeting_is_between_the_meetings_sides(nlp):
    text = (
        "European carriers pay more than 300 million euros a year in overflight fees. "
        "\"(The deal) opens a wide range of opportunities for strengthening EU-Russia ties,\" said EU Transport Commissioner Jacques Barrot. "
        "An agreement on the matter is to be signed on the sidelines of the EU-Russia summit on Friday."
    )
    assert parties_of(nlp, text, "The deal") == ["EU", "Russia"]


# Leaders who sign, or preside over a signing, act for their states; so does "his X counterpart"
# (a leader written with no state keeps his name, and so does his counterpart).
COUNTERPARTS = [
    pytest.param(
        "After their talks, Peruvian President Alan Garcia and his visiting Chilean counterpart Michelle Bachelet "
        "witnessed the signing of three cooperation deals on mining, fisheries and tourism.",
        "cooperation deals", ["Peruvian", "Chilean"], id="witnessed-the-signing",
    ),
    pytest.param(
        "Chinese President Hu Jintao and his Pakistani counterpart Pervez Musharraf signed a free trade agreement on Friday.",
        "free trade agreement", ["Chinese", "Pakistani"], id="signed-with-his-counterpart",
    ),
    pytest.param(
        "President Hamid Karzai and his Pakistani counterpart Pervez Musharaf reached an agreement to hold a grand assembly.",
        "an agreement", ["Hamid Karzai", "Pervez Musharaf"], id="a-leader-with-no-state-keeps-his-counterparts-name",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), COUNTERPARTS)
def test_leaders_and_their_counterparts_sign_for_their_states(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


HELD = [
    pytest.param("Jose Mourinho is under contract with Chelsea until 2010.", "contract", ["Chelsea", "Jose Mourinho"], id="is-under-contract-with"),
    pytest.param("Michael Nkambule is on a one-year loan deal and will join the squad next week.", "loan deal", ["Michael Nkambule"], id="is-on-a-deal"),
    pytest.param("Arsene Wenger has a contract with Arsenal until 2008.", "contract", ["Arsenal", "Arsene Wenger"], id="has-a-contract-with"),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), HELD)
def test_who_is_held_by_a_contract_is_a_side_of_it(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


CONTRASTED = [
    pytest.param("Chile signed a trade deal with Peru but Bolivia rejected the offer.", "trade deal", ["Chile", "Peru"], id="but-another-subject"),
    pytest.param(
        "The Wales coach has a contract until 2009 but many believe he will quit after Germany 2006.",
        "contract", [], id="but-a-clause-about-the-future",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), CONTRASTED)
def test_names_in_a_clause_set_against_the_agreements_are_no_sides(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


TWO_COUNTRIES = [
    pytest.param(
        "Ukrainian President Viktor Yushchenko told South Korean business leaders his economy would grow fast. "
        "He suggested the two countries engage in joint projects. Yushchenko said the two countries signed two agreements on Monday.",
        "two agreements", ["Ukrainian", "South Korean"], id="the-two-countries-the-story-names",
    ),
    pytest.param(
        "Chile, Peru and Bolivia held talks on Monday. The two countries signed a fisheries deal.",
        "fisheries deal", [], id="three-countries-named-is-no-pair",
    ),
]


@pytest.mark.parametrize(("text", "anchor", "parties"), TWO_COUNTRIES)
def test_the_two_countries_are_the_two_the_story_just_named(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


def test_a_title_written_after_a_name_is_no_side(nlp):
    text = "The deal, signed between Spanish minister Ana Lopez and Kemal Dervis, the UN Development Program (UNDP) Administrator, sets up a new fund."
    parties = parties_of(nlp, text, "The deal")
    assert "the UN Development Program" in parties and "Administrator" not in parties




@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("The Senate ratified the treaty with Japan on Wednesday.", ["Japan"], id="a-chamber-ratifying-is-no-side"),
        pytest.param("Parliament ratified the free trade agreement with South Korea on Thursday.", ["South Korea"], id="a-parliament-ratifying-is-no-side"),
        pytest.param("Chile ratified the treaty with Peru on Wednesday.", ["Chile", "Peru"], id="a-state-ratifying-is-a-side"),
    ],
)
def test_who_ratifies_an_agreement_with_another_is_a_side_only_if_a_state(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Hamburg defender Marco Rossi scored twice on Saturday. The 27-year-old's contract runs until 2009.",
            ["Marco Rossi", "Hamburg"],
            id="an-age-for-the-player-named-before-and-his-club",
        ),
        pytest.param(
            "Marco Rossi scored twice on Saturday, his coach Otto Brandt said. The 27-year-old signed a three-year contract with Hamburg in May.",
            ["Hamburg", "Marco Rossi"],
            id="not-the-one-who-talks-about-him",
        ),
        pytest.param("Hamburg defender Marco Rossi signed a new three-year contract on Monday.", ["Marco Rossi", "Hamburg"], id="a-named-player-and-the-club-of-his-title"),
        pytest.param(
            "Barcelona striker Marco Rossi signed a five-year contract with Real Madrid on Monday.", ["Real Madrid", "Marco Rossi"], id="a-transfer-is-with-the-new-club",
        ),
        pytest.param(
            "Marco Rossi scored twice on Saturday. Manager Otto Brandt praised him. The 27-year-old's contract runs until 2009.",
            ["Marco Rossi"],
            id="not-the-manager-named-since",
        ),
    ],
)
def test_a_player_described_not_named_holds_the_contract(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Gazprom said on Monday its profit rose. It also signed a supply deal with Naftogaz.", ["Gazprom", "Naftogaz"], id="it-opening-the-next-sentence"),
        pytest.param("The government said it would sign a peace deal with the rebels next week.", ["The government", "the rebels"], id="it-in-the-words-reported"),
        pytest.param("Gazprom said on Monday its profit rose.\n\nIt also signed a supply deal with Naftogaz.", ["Naftogaz"], id="not-across-a-paragraph"),
    ],
)
def test_who_it_is_that_signs(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "anchor", "parties"),
    [
        pytest.param("Portugal breached the Stability and Growth Pact last year.", "Pact", ["Portugal"], id="words-of-its-name"),
        pytest.param("Serbia signed the Dayton Peace Accords in November.", "Accords", ["Serbia"], id="a-place-in-its-name"),
        pytest.param("Ukraine signed the EU-Ukraine Association Agreement in June.", "Agreement", ["Ukraine", "EU"], id="but-names-paired-on-it-are-sides"),
    ],
)
def test_the_words_of_an_agreements_proper_name_are_no_side(nlp, text, anchor, parties):
    assert sorted(parties_of(nlp, text, anchor)) == sorted(parties)


@pytest.mark.parametrize(
    ("text", "anchor", "parties"),
    [
        pytest.param("The agency found Iran in breach of the Non-Proliferation Treaty on Monday.", "Treaty", ["Iran"], id="found-in-breach-of"),
        pytest.param("Iran has long been in non-compliance with the Non-Proliferation Treaty, he said.", "Treaty", ["Iran"], id="been-in-non-compliance-with"),
        pytest.param(
            "The commission said Italy and Portugal were in breach of the Stability and Growth Pact.", "Pact", ["Italy", "Portugal"], id="both-of-two-in-breach",
        ),
        pytest.param("The IAEA report on Iran cited the Non-Proliferation Treaty.", "Treaty", [], id="not-names-merely-near-it"),
    ],
)
def test_who_is_found_keeping_or_breaking_a_named_treaty_is_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Darfur rebels signed a peace deal with Khartoum on Friday.", ["Darfur rebels", "Khartoum"], id="rebels-named-by-their-region"),
        pytest.param("Sierra Leone rebels signed the Lome Peace Accord with the government.", ["Sierra Leone rebels", "the government"], id="a-two-word-place"),
        pytest.param("Chechen rebels signed a ceasefire with Moscow.", ["Chechen rebels", "Moscow"], id="as-by-their-people"),
        pytest.param("Colombia's FARC rebels signed the peace deal in Havana.", ["FARC"], id="a-named-group-is-its-name"),
        pytest.param("Kenyan officials signed the trade agreement with Uganda on Monday.", ["Kenyan", "Uganda"], id="not-officials-acting-for-a-state"),
    ],
)
def test_a_group_named_by_its_place_is_a_side_as_written(nlp, text, parties):
    assert sorted(sole_parties(nlp, text)) == sorted(parties)


def test_those_made_to_renew_a_lease_hold_it(nlp):
    text = (
        "The cabinet on Thursday approved measures to force Okinawa landowners to renew US base leases.\n\n"
        "Some 3,000 people have refused to renew leases which expire on May 14."
    )
    found = agreements(nlp, text)
    assert [(a.text, [p.text for p in a.parties], a.expires and a.expires.value[4:]) for a in found] == [("US base leases", ["Okinawa landowners"], "-05-14")]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Vodafone signed a deal to sell its Japanese unit to SoftBank for 8.9 billion pounds.", ["Vodafone", "SoftBank"], id="sold-to-a-company"),
        pytest.param("Washington signed a deal to sell 66 F-16 jets to Taiwan.", ["Washington", "Taiwan"], id="sold-to-a-state"),
        pytest.param("Greece signed a deal to lease the port of Piraeus to China for 35 years.", ["Greece", "China"], id="leased-to-a-state"),
        pytest.param("Israel signed an agreement to provide electricity to Gaza.", ["Israel"], id="not-a-place-served"),
    ],
)
def test_whom_a_deal_sells_or_leases_to_is_a_side(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Gazprom signed a contract to supply gas to Ukraine until 2010.", ["Gazprom", "Ukraine"], id="an-untagged-name-opening-the-sentence"),
        pytest.param("Naftogaz clinched a deal with Gazprom on Monday.", ["Naftogaz", "Gazprom"], id="clinched"),
    ],
)
def test_a_proper_noun_opening_a_sentence_as_who_signed_is_a_side(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Bayern Munich signed Brazilian defender Lucio on a four-year contract from Bayer Leverkusen.", ["Lucio", "Bayern Munich"], id="a-club-signs-a-player"),
        pytest.param("Everton signed Tom Hale on a two-year deal on Monday.", ["Everton", "Tom Hale"], id="a-club-signs-a-named-player"),
    ],
)
def test_the_club_that_signs_a_player_on_a_contract_is_its_side(nlp, text, parties):
    assert sorted(sole_parties(nlp, text)) == sorted(parties)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Scottish club Hearts have denied that their captain Tom Hale wants to leave. Hale's current contract runs until 2009.",
            ["Hale", "Hearts"], id="the-one-club-the-story-names",
        ),
        # (two clubs named: a move between them, and no telling whose contract it is)
        pytest.param(
            "Striker Tom Hale left French club Nantes for Scottish club Hearts. Hale's new contract runs until 2009.",
            ["Hale"], id="not-one-of-two-clubs",
        ),
    ],
)
def test_a_persons_contract_with_no_other_side_is_with_the_club_the_story_names(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("The union and the carmaker reached a tentative four-year labour contract late on Tuesday.", ["The union", "the carmaker"], id="a-body-joined-to-a-union"),
        pytest.param("The rebels and the villagers agreed a truce.", ["The rebels", "the villagers"], id="a-group-joined-to-rebels"),
        pytest.param("The union and its leaders signed the contract with the firm on Monday.", ["The union", "the firm"], id="not-people-acting-for-it"),
        pytest.param("Iran and six world powers reached a nuclear deal in Vienna on Tuesday.", ["Iran", "six world powers"], id="a-counted-group-joined-to-a-state"),
        pytest.param("China and 14 countries signed the trade pact on Sunday.", ["China", "14 countries"], id="a-number-of-countries"),
    ],
)
def test_a_body_joined_to_a_side_noun_is_the_other_side(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Ford agreed to buy a 20 percent stake in Mazda in a deal worth 500 million dollars.", ["Ford", "Mazda"], id="a-stake-in-a-company"),
        pytest.param("Shell signed a deal to buy a 30 percent interest in the field in Nigeria.", ["Shell"], id="not-a-country-the-stake-lies-in"),
    ],
)
def test_the_company_a_stake_is_bought_in_is_a_side(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("The United States signed an agreement with Cuba to transfer detainees to Afghanistan.", ["The United States", "Cuba"], id="a-destination-is-no-side"),
        pytest.param("Nigeria signed a deal with Shell to sell gas to Ghana, Togo and Benin.", ["Nigeria", "Shell"], id="nor-buyers-beside-a-named-partner"),
        pytest.param("Wenger signed Thierry Henry on a four-year contract in 1999.", ["Thierry Henry"], id="who-signs-a-player-may-be-his-manager"),
        pytest.param("The government and the rest of the coalition agreed a budget deal on Sunday.", ["The government"], id="a-part-is-no-second-side"),
        pytest.param("The union and the strike committee reached a deal with the hospital on Friday.", ["The union", "the hospital"], id="nor-one-beside-a-side-named-with"),
        pytest.param(
            "Under the accord between Khartoum and the SPLM, Darfur rebels were left out.", ["Khartoum", "SPLM"], id="nor-a-group-under-the-agreement",
        ),
    ],
)
def test_names_near_a_deal_that_are_no_sides(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Ukraine's Naftogaz has been negotiating with Gazprom for months. On Tuesday the two companies finally signed a new gas contract.",
            ["Naftogaz", "Gazprom"], id="the-two-companies-just-named",
        ),
        pytest.param(
            "Arvo Corp held talks in Geneva with Beta Group. The two companies signed a supply contract on Monday.",
            ["Arvo Corp", "Beta Group"], id="the-city-of-the-talks-is-no-company",
        ),
        pytest.param(
            "Arvo Corp owns 72 percent of Beta Group. The offer follows an agreement between the companies.",
            ["Arvo Corp", "Beta Group"], id="between-the-companies-in-a-sentence-naming-none",
        ),
        pytest.param(
            "Sony said on Monday it was in talks with Honda. The two companies signed a joint venture agreement in Tokyo on Friday.",
            ["Sony", "Honda"], id="a-company-telling-of-its-own-talks",
        ),
        pytest.param(
            "Arvo Corp held talks with Beta Group, the Wall Street Journal reported. The two companies signed a supply contract on Monday.",
            ["Arvo Corp", "Beta Group"], id="not-the-paper-that-reported-them",
        ),
    ],
)
def test_the_two_companies_or_the_sides_are_the_pair_just_named(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


def test_the_two_companies_are_not_two_of_three_named(nlp):
    # (other rules may still take the three as the sides of the talks; no two of them are picked)
    found = sole_parties(nlp, "Shell, BP and Total held talks in London. The two companies signed the deal on Monday.")
    assert sorted(found) not in (["BP", "Shell"], ["BP", "Total"], ["Shell", "Total"]), found


@pytest.mark.parametrize(
    ("text", "not_a_party"),
    [
        pytest.param("Arvo Corp met officials in Geneva. The two companies signed a supply contract on Monday.", "Geneva", id="a-city"),
        pytest.param(
            "Arvo Corp sought approval from the Competition Commission. The two companies signed a supply contract on Monday.",
            "Competition Commission", id="a-regulator",
        ),
    ],
)
def test_the_two_companies_are_no_place_or_regulator(nlp, text, not_a_party):
    found = sole_parties(nlp, text)
    assert not any(not_a_party in p for p in found), found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The port is run by Nordvik Ports Ltd, which operates it under a 30-year lease.", id="after-the-verb"),
        pytest.param("The council chose Nordvik Ports Ltd, which will run the ferry line under a concession agreement signed on Monday.", id="an-object"),
    ],
)
def test_the_company_a_relative_clause_acting_under_an_agreement_is_about_holds_it(nlp, text):
    found = [a for a in agreements(nlp, text) if a.kind in ("lease", "concession")]
    assert [[p.text for p in a.parties] for a in found] == [["Nordvik Ports Ltd"]]


@pytest.mark.parametrize(
    ("text", "not_a_party"),
    [
        pytest.param("Fiji and Tonga signed a security pact on Monday, angering Samoa.", "Samoa", id="angering"),
        pytest.param("The defence pact between the Cook Islands and China has alarmed New Zealand.", "New Zealand", id="has-alarmed"),
    ],
)
def test_whom_an_agreement_alarms_or_angers_is_no_side(nlp, text, not_a_party):
    assert not_a_party not in sole_parties(nlp, text)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("An Israel-Hamas truce was extended by a day.", ["Israel", "Hamas"], id="a-state-and-a-name-the-model-left-untagged"),
        pytest.param("A Rolls-Royce engine deal was signed on Monday.", [], id="not-a-company-name-with-a-hyphen"),
    ],
)
def test_sides_written_joined_by_a_hyphen(nlp, text, parties):
    assert sole_parties(nlp, text) == parties


def test_a_name_the_model_took_for_a_person_that_a_contract_is_granted_to_is_its_side(nlp):
    found = agreements(nlp, "Gabon granted a 20-year contract to Perenco on Monday.")
    # (a company, so its term gives an expiry as a company's contract does)
    assert [([p.text for p in a.parties], a.expires.value if a.expires else None) for a in found] == [(["Gabon", "Perenco"], "2044-06-10")]


def test_goods_the_model_took_for_a_name_are_no_side(nlp):
    assert sole_parties(nlp, "Shell signed a 10-year contract to buy LNG from Oman on Monday.") == ["Shell", "Oman"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Manchester United extended Marcus Rashford's contract until 2028 on Wednesday.", ["Marcus Rashford", "Manchester United"], id="extended"),
        pytest.param("Arsenal terminated Tom Hale's contract on Monday.", ["Tom Hale", "Arsenal"], id="terminated"),
    ],
)
def test_who_extends_or_ends_a_persons_contract_is_its_other_side(nlp, text, parties):
    assert sorted(sole_parties(nlp, text)) == sorted(parties)



@pytest.mark.parametrize(
    ("text", "parties", "asset", "signed"),
    [
        pytest.param(
            "Raytheon was awarded a 500-million-dollar contract by the US Army on Friday.",
            ["Raytheon", "the US Army"], None, ["2024-06-14"], id="awarded-by",
        ),
        pytest.param(
            "Boeing landed a contract from the US Air Force on Tuesday to build tanker aircraft.",
            ["Boeing", "the US Air Force"], "tanker aircraft", ["2024-06-11"], id="landed-from",
        ),
        pytest.param(
            "Siemens secured a 300-million-euro contract from Deutsche Bahn on Friday to supply trains.",
            ["Deutsche Bahn", "Siemens"], "trains", ["2024-06-14"], id="secured-from",
        ),
        pytest.param(
            "Halliburton won a 2-billion-dollar contract from the Iraqi oil ministry on Monday to repair oil fields.",
            ["Halliburton", "Iraqi"], "oil fields", ["2024-06-10"], id="won-from-a-ministry",
        ),
    ],
)
def test_a_contract_won_or_awarded_is_between_the_winner_and_the_one_awarding_it(nlp, text, parties, asset, signed):
    found = only(nlp, text)
    assert (sorted(p.text for p in found.parties), found.asset, found.signed) == (sorted(parties), asset, signed)


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Brazil's antitrust regulator cleared the 2-billion-dollar deal on Monday.", [], id="a-states-regulator"),
        pytest.param("A Delhi court approved the contract with Bharti Enterprises on Monday.", ["Bharti Enterprises"], id="a-citys-court"),
        pytest.param("Acme's board approved the contract with Bharti Enterprises on Monday.", ["Acme", "Bharti Enterprises"], id="not-a-companys-board"),
    ],
)
def test_whose_regulator_or_court_rules_on_a_deal_is_no_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


def test_an_untagged_name_whose_own_deal_it_extends_is_a_side(nlp):
    found = only(nlp, "Adidas has extended its sponsorship deal with Spanish club Real Sociedad until 2010.")
    assert sorted(p.text for p in found.parties) == ["Adidas", "Real Sociedad"]


def test_a_team_the_tagger_took_for_an_adjective_is_its_players_other_side(nlp):
    found = only(nlp, "Arsenal striker Theo Banks signed a new five-year deal on Friday.")
    assert sorted(p.text for p in found.parties) == ["Arsenal", "Theo Banks"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("The Czech parliament on Tuesday ratified a treaty with Germany on police cooperation.", ["Czech", "Germany"], id="a-parliament"),
        pytest.param("Ukrainian lawmakers on Friday ratified an agreement with Russia on the fleet.", ["Russia", "Ukrainian"], id="lawmakers"),
        pytest.param("The Senate ratified the treaty with Japan on Tuesday.", ["Japan"], id="not-a-body-of-no-state-written"),
    ],
)
def test_the_state_whose_parliament_ratifies_a_treaty_with_another_is_its_other_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "parties", "asset"),
    [
        pytest.param(
            "The deal, signed in 2004, gives Occidental exploration rights in the Sirte basin for 25 years.",
            ["Occidental"], "exploration in the Sirte basin", id="a-name-on-the-rights",
        ),
        pytest.param(
            "The 2004 agreement grants Occidental the right to explore the Sirte basin for 25 years.",
            ["Occidental"], "the right to explore the Sirte basin", id="the-first-of-two-objects",
        ),
    ],
)
def test_whom_an_agreement_grants_something_is_its_side(nlp, text, parties, asset):
    found = only(nlp, text)
    assert ([p.text for p in found.parties], found.asset) == (parties, asset)


def test_a_states_body_joined_to_a_group_named_after_the_state_is_a_side_of_its_own(nlp):
    found = only(nlp, "Sudan's government and the Sudan People's Liberation Movement signed a peace agreement in 2005.")
    assert sorted(p.text for p in found.parties) == ["Sudan", "the Sudan People's Liberation Movement"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "Chinese Premier Wen Jiabao held talks with Kenyan President Mwai Kibaki on Monday. The two sides signed agreements on energy cooperation.",
            ["Chinese", "Kenyan"], id="leaders-of-two-states",
        ),
        pytest.param(
            "Acme chief Tom Reed held talks with Kenyan officials in Nairobi on Monday. The two sides signed agreements on energy cooperation.",
            [], id="not-with-a-company-named",
        ),
    ],
)
def test_the_two_sides_after_talks_between_two_states_leaders_are_the_states(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Argentina's government on Friday rescinded the 30-year water concession held by Aguas del Plata.", ["Aguas del Plata", "Argentina"], id="held-by"),
        pytest.param("The ministry approved a 25-year port concession awarded to Adriatic Gateway in 2004.", ["Adriatic Gateway"], id="awarded-to"),
        pytest.param("A 40-year concession for the port was signed on Friday between Lagos state and a Chinese-led consortium.", ["Lagos"], id="a-state-by-its-name"),
    ],
)
def test_who_holds_or_was_awarded_an_agreement_is_its_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("BEIJING, June 11 (Xinhua) -- Kenya signed five agreements on trade with Egypt on Tuesday.", ["Egypt", "Kenya"], id="xinhua"),
        pytest.param("MOSCOW (AFP) - Belarus signed a gas supply contract with Gazprom on Monday.", ["Belarus", "Gazprom"], id="afp"),
    ],
)
def test_the_place_a_story_was_filed_from_is_no_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


def test_a_word_describing_a_player_is_no_team(nlp):
    found = only(nlp, "Veteran striker Alan Shearer signed a one-year contract extension on Friday.")
    assert [p.text for p in found.parties] == ["Alan Shearer"]


def test_a_company_the_model_took_for_a_product_is_a_side(nlp):
    found = only(nlp, "Russian firm Volgaprom and Dunagaz signed a supply contract on Monday.")
    assert sorted(p.text for p in found.parties) == ["Dunagaz", "Volgaprom"]


def test_agreements_listed_after_what_was_signed_share_its_sides_and_day(nlp):
    text = (
        "China and Kazakhstan on Wednesday signed three cooperation documents -- an agreement on pipeline construction, "
        "a protocol on railway transport and a memorandum on river water use -- during talks."
    )
    found = agreements(nlp, text)
    assert [(a.kind, a.asset, sorted(p.text for p in a.parties), a.signed) for a in found] == [
        ("agreement", "pipeline construction", ["China", "Kazakhstan"], ["2024-06-12"]),
        ("protocol", "railway transport", ["China", "Kazakhstan"], ["2024-06-12"]),
        ("MoU", "river water use", ["China", "Kazakhstan"], ["2024-06-12"]),
    ]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("India has signed a 1.2-billion-dollar deal with Russia for 40 Sukhoi fighter jets, defence ministry officials said Monday.", ["India", "Russia"], id="a-source"),
        pytest.param("Gazprom officials said they had signed a contract with Naftogaz on Monday.", ["Gazprom", "Naftogaz"], id="officials-telling-their-own-act"),
        pytest.param("Indian officials said they had signed a deal with Russia on Monday.", ["Indian", "Russia"], id="a-states-officials"),
    ],
)
def test_the_body_of_officials_is_a_side_only_when_they_tell_its_own_act(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


def test_a_name_after_a_title_and_its_portfolio_is_a_person_not_a_side(nlp):
    text = (
        "Visiting Chinese Minister of Commerce Bo Hai met New Zealand Trade Minister Phil Grant here on Tuesday, "
        "and the two ministers signed an agreement on inspection standards."
    )
    assert sorted(p.text for p in only(nlp, text).parties) == ["Chinese", "New Zealand"]


def test_whom_a_company_agrees_to_merge_with_is_a_side_even_taken_for_a_person(nlp):
    found = only(nlp, "Italy's Banca Meridiana agreed on Tuesday to merge with rival Credito Alpino in an all-share deal.")
    assert sorted(p.text for p in found.parties) == ["Banca Meridiana", "Credito Alpino"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Croatia's parliament on Wednesday ratified the Stabilisation and Association Agreement with the European Union.", ["Croatia", "the European Union"], id="a-named-treaty"),
        pytest.param("The US Senate voted 85-12 on Thursday to approve the nuclear deal with India.", ["India", "US"], id="a-state-inside-the-bodys-name"),
    ],
)
def test_the_state_of_a_ratifying_parliament_is_a_side_of_named_and_voted_agreements(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Hu Jintao and Kenyan President Mwai Kibaki attended the signing of an agreement on trade.",
        "Visiting Chinese Vice Premier Zhao Minghai and Kenyan President Mwai Kibaki on Friday witnessed the signing of 11 agreements on trade.",
    ],
)
def test_the_states_of_the_leaders_who_witness_a_signing_are_its_sides(nlp, text):
    assert sorted(p.text for p in only(nlp, text).parties) == ["Chinese", "Kenyan"]


def test_agreements_named_after_including_are_between_the_groups_sides(nlp):
    text = (
        "Indian Prime Minister Ravi Sharma and his Chinese counterpart sealed 13 agreements on Tuesday, including a pact "
        "to reopen the Nathu La border pass and a protocol on sharing hydrological data."
    )
    assert [(a.text, sorted(p.text for p in a.parties), a.signed) for a in agreements(nlp, text)] == [
        ("13 agreements", ["Chinese", "Indian"], ["2024-06-11"]),
        ("a pact", ["Chinese", "Indian"], ["2024-06-11"]),
        ("a protocol", ["Chinese", "Indian"], ["2024-06-11"]),
    ]


def test_the_two_sides_after_talks_held_in_a_host_country_are_not_the_host(nlp):
    text = "Sudanese government and southern rebel negotiators resumed talks in Naivasha, Kenya, on Monday. The two sides signed a deal on sharing oil wealth."
    assert [p.text for p in only(nlp, text).parties] == []


def test_a_company_after_a_word_for_its_trade_is_a_side_even_taken_for_a_person(nlp):
    found = only(nlp, "Kyrgyzstan and Canadian miner Tien Shan Gold amended their 1994 agreement on Tuesday.")
    assert sorted(p.text for p in found.parties) == ["Kyrgyzstan", "Tien Shan Gold"]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("The Kenya Football Federation on Tuesday appointed German coach Klaus Berger on an 18-month contract.", ["Klaus Berger", "The Kenya Football Federation"], id="appointed-on"),
        pytest.param("Partizan released goalkeeper Dragan Ilic from his contract on Monday.", ["Dragan Ilic", "Partizan"], id="released-from"),
        pytest.param("Torino terminated the contract of striker Marco Ruggeri on Monday.", ["Marco Ruggeri", "Torino"], id="the-contract-of"),
    ],
)
def test_the_person_a_club_appoints_releases_or_ends_on_a_contract_is_its_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Nusantara Air signed a deal on Tuesday to buy 30 Boeing 737-900ER aircraft.", ["Boeing", "Nusantara Air"], id="the-maker-of-a-model"),
        pytest.param("Al Noor Airways signed a contract for six Airbus A380 superjumbos on Monday.", ["Airbus", "Al Noor Airways"], id="a-counted-order"),
        pytest.param("India signed a deal with Russia on Monday for 40 Sukhoi fighter jets.", ["India", "Russia"], id="not-when-its-seller-is-named"),
    ],
)
def test_the_maker_of_what_a_deal_buys_is_its_seller(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Fjordvik Yards won a contract to build four ships. The contract with Gulf Marine Transport was signed on Monday.",
            [["Fjordvik Yards", "Gulf Marine Transport"]], id="the-other-side-named-next",
        ),
        pytest.param(
            "Acme signed a contract with Beta Corp on Monday. The contract with Gamma Inc was signed last year.",
            [["Acme", "Beta Corp"], ["Gamma Inc"]], id="not-one-with-its-own-side",
        ),
    ],
)
def test_the_agreement_named_next_with_its_other_side_is_the_same(nlp, text, expected):
    assert [sorted(p.text for p in a.parties) for a in agreements(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "German sportswear maker Velox announced on Monday a six-year kit sponsorship deal worth 40 million euros with Portuguese champions Uniao Lisboa.",
            ["Uniao Lisboa", "Velox"], id="with-after-its-value",
        ),
        pytest.param(
            "Spanish club Deportivo Alcala have signed Argentine striker Diego Ferraro from Rosario Sur on a four-year contract, the club said on Tuesday.",
            ["Deportivo Alcala", "Diego Ferraro"], id="on-a-contract-after-from",
        ),
    ],
)
def test_sides_written_past_a_value_or_a_former_club(nlp, text, parties):
    assert sorted(p.text for p in agreements(nlp, text)[0].parties) == parties


def test_the_place_goods_come_from_in_a_ban_is_no_side(nlp):
    found = only(nlp, "Poland signed an agreement with Lithuania on Monday banning imports of meat from Belarus.")
    assert sorted(p.text for p in found.parties) == ["Lithuania", "Poland"]


def test_the_state_a_place_of_the_asset_lies_in_is_no_owner(nlp):
    text = "China's Hualong Auto and Malaysian carmaker Perdana Motors on Tuesday signed a joint venture agreement to build a plant in Malaysia's northern Kedah state."
    assert sorted(p.text for p in only(nlp, text).parties) == ["Hualong Auto", "Perdana Motors"]


def test_a_body_approving_a_contract_between_two_companies_does_not_break_the_reading(nlp):
    # (a name found twice, with and without an entity id, was compared by its id and raised a TypeError)
    found = only(nlp, "Kazakhstan's parliament approved the contract between CNPC and PetroKazakhstan on Wednesday.")
    assert sorted(p.text for p in found.parties) == ["CNPC", "PetroKazakhstan"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "China and Brazil signed 10 agreements on Monday, including a contract between Petrobras and Sinopec.",
            [["Brazil", "China"], ["Petrobras", "Sinopec"]], id="a-member-with-its-own-sides",
        ),
        pytest.param("SR Technics won a contract for 12 Airbus A330s operated by Emirates.", [["Emirates", "SR Technics"]], id="a-contract-won-to-service-planes"),
    ],
)
def test_third_review_shapes_keep_their_sides(nlp, text, expected):
    assert [sorted(p.text for p in a.parties) for a in agreements(nlp, text)] == expected


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Emirates signed a contract for six Airbus A380s on Monday.", ["Airbus", "Emirates"], id="a-model-run-into-the-maker"),
        pytest.param("Acme signed a contract with Route 66 Holdings on Monday.", ["Acme", "Route 66 Holdings"], id="not-a-number-inside-a-name"),
    ],
)
def test_a_maker_is_named_without_the_model_the_tagger_ran_into_it(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Officials said a deal between Mahmoud Abbas and Ismail Haniyeh was signed on Monday.", ["Ismail Haniyeh", "Mahmoud Abbas"], id="two-people"),
        pytest.param("The pact between Petrobras and Sinopec was signed on Monday.", ["Petrobras", "Sinopec"], id="two-companies-taken-for-people"),
    ],
)
def test_every_name_between_gives_on_an_agreement_is_a_side(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    "text",
    [
        "Chinese President Hu Jintao on Wednesday witnessed the signing of a deal between CNPC and Nigeria's NNPC on oil exploration.",
        "China's President Hu Jintao and Nigerian President Olusegun Obasanjo witnessed the signing of a deal between CNPC and NNPC.",
    ],
)
def test_leaders_witnessing_a_deal_that_names_its_sides_are_not_its_sides(nlp, text):
    assert sorted(p.text for p in only(nlp, text).parties) == ["CNPC", "NNPC"]


def test_a_deal_named_later_by_its_two_sides_is_the_earlier_one_between_them(nlp):
    text = (
        "Norvik Energy bought a 40 percent stake in the Kestrel refinery from Baltic Oil under an agreement signed in May. "
        "On Friday Norvik finalised another deal, this time with the Latvian government, giving it a further 20 percent. "
        "Since the deal between Baltic Oil and Norvik was signed, the refinery has had problems."
    )
    assert [(a.text, sorted(p.text for p in a.parties)) for a in agreements(nlp, text)] == [
        ("an agreement", ["Baltic Oil", "Norvik Energy"]),
        ("another deal", ["Latvian", "Norvik"]),
    ]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Valencia sacked coach Ramon Ibarra on Monday. His contract ran until June 2008.", ["Ramon Ibarra", "Valencia"], id="sacked"),
        pytest.param(
            "Deportivo hired coach Miguel Soler on Friday, a day after Soler turned down Benfica. His contract runs for two years.",
            ["Deportivo", "Miguel Soler"], id="hired",
        ),
    ],
)
def test_his_contract_after_a_club_hires_or_sacks_someone_is_between_them(nlp, text, parties):
    assert sorted(p.text for p in only(nlp, text).parties) == parties


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, June 14 (AFP) - South Korea and Chile agreed Wednesday to widen their free trade pact, officials said.",
        "JUBA, Sudan, June 14 (AFP) - Ugandan government negotiators and rebels agreed on Tuesday to extend their ceasefire by a month.",
    ],
)
def test_no_reading_takes_the_dateline_for_a_side(nlp, text):
    assert not any(p.text.isupper() or p.text == "Sudan" for p in only(nlp, text).parties)


def test_the_contract_after_a_lead_telling_a_trade_is_between_its_traders(nlp):
    text = (
        "Ulsan Marine Co. has won an order from Norwegian shipowner Fjellstad Shipping for four chemical tankers, "
        "company officials said on Wednesday.\n\n"
        "The contract, signed in Oslo on Monday, is worth about 150 million dollars."
    )
    assert sorted(p.text for p in only(nlp, text).parties) == ["Fjellstad Shipping", "Ulsan Marine Co."]


def test_an_acronym_in_brackets_after_a_side_is_that_side_again(nlp):
    text = "The merger of Rheinwerk AG and Noordplast Kunststof (NPK) was blocked, saying the deal would have hurt buyers."
    assert [p.text for p in only(nlp, text).parties] == ["Rheinwerk AG", "Noordplast Kunststof"]



def test_a_sum_the_model_ran_into_a_name_is_no_part_of_the_side(nlp):
    text = "Russia pays Kazakhstan 115 million dollars a year under a 20-year lease agreement signed in 1994."
    assert sorted(p.text for p in only(nlp, text).parties) == ["Kazakhstan", "Russia"]


@pytest.mark.parametrize(
    "text",
    [
        "The treaty was signed by Indian prime minister Jawaharlal Nehru and Pakistani president Ayub Khan in 1960.",
        "The Indus Waters Treaty, signed in Karachi in 1960 by Indian prime minister Jawaharlal Nehru and Pakistani president Ayub Khan, governs six rivers.",
    ],
)
def test_every_person_an_agent_phrase_names_signs_for_his_state(nlp, text):
    assert sorted(p.text for p in only(nlp, text).parties) == ["Indian", "Pakistani"]


def test_a_short_name_in_brackets_after_a_side_is_that_side_again(nlp):
    text = "The lease for the aircraft was signed by the Russian Emergencies Ministry and the Indonesian Disasters Agency (Bakornas)."
    assert [p.text for p in only(nlp, text).parties] == ["the Russian Emergencies Ministry", "the Indonesian Disasters Agency"]


def test_a_persons_contract_is_with_the_club_of_his_other_contract_in_the_story(nlp):
    text = (
        "Arsenal midfielder Tomas Rosicky has signed a one-year contract extension with Arsenal, the club said on Wednesday.\n\n"
        "His previous contract was due to expire in June. Captain Thierry Henry signed a contract extension until 2010 in September."
    )
    assert [sorted(p.text for p in a.parties) for a in agreements(nlp, text)] == [
        ["Arsenal", "Tomas Rosicky"], ["Arsenal", "Tomas Rosicky"], ["Thierry Henry"],
    ]


def test_its_purchase_a_regulator_approved_is_the_reporting_companys(nlp):
    text = (
        "Russian steelmaker Evraz Group said on Wednesday that the Competition Tribunal had approved its purchase of "
        "Highveld Steel.\n\nUnder the sale agreement, signed in July, Evraz will pay about 678 million dollars."
    )
    parties = [p.text for a in agreements(nlp, text) for p in a.parties]
    assert "Evraz Group" in parties and "Competition Tribunal" not in parties


def test_agreements_signed_together_with_another_share_its_sides(nlp):
    text = (
        "China and Vietnam signed a land border treaty in 1999 and an agreement on the delimitation of the Beibu Gulf "
        "in December 2000, together with a fisheries agreement for the gulf."
    )
    assert [(sorted(p.text for p in a.parties), a.signed) for a in agreements(nlp, text)] == [
        (["China", "Vietnam"], ["1999"]), (["China", "Vietnam"], ["2000-12"]), (["China", "Vietnam"], ["2000-12"]),
    ]


def test_a_statesmans_deal_is_his_states_not_his_own_contract(nlp):
    found = only(nlp, "British Prime Minister Tony Blair defended his EU budget deal on Saturday.")
    assert [p.text for p in found.parties] == ["British"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Chile and Argentina signed a gas supply treaty on Monday. The treaty supplements a 1998 energy protocol.", id="supplements",
        ),
        pytest.param(
            "Chile and Argentina signed a fishing accord on Monday. It replaces a 1991 fisheries agreement with Argentina.", id="it-replaces",
        ),
    ],
)
def test_an_agreement_a_later_one_replaces_is_between_the_same_sides(nlp, text):
    earlier = agreements(nlp, text)[-1]
    assert sorted(p.text for p in earlier.parties) == ["Argentina", "Chile"]


def test_an_agreement_a_later_one_replaces_keeps_other_sides_of_its_own(nlp):
    text = "Chile and Argentina signed a fishing accord on Monday. It replaces a 1991 fisheries agreement with Peru."
    assert [p.text for p in agreements(nlp, text)[-1].parties] == ["Peru"]


LEAD_STATE = (
    "LIMA, March 3 (AFP) - Peru on Tuesday rejected a request by Bolivia to reopen talks on their border.\n\n"
    "Foreign Minister Rosa Vidal said the frontier was settled by a 1929 treaty with Chile, which still holds."
)


def test_an_agreement_with_one_state_told_is_the_story_states_with_it(nlp):
    assert [p.text for p in only(nlp, LEAD_STATE).parties] == ["Chile", "Peru"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(LEAD_STATE.replace("Peru on Tuesday", "Peru and Ecuador on Tuesday"), id="two-states-lead"),
        pytest.param(LEAD_STATE.replace("Peru on Tuesday", "Lima on Tuesday"), id="a-capital-leads"),
        pytest.param(LEAD_STATE.replace("a 1929 treaty", "treaties"), id="several-agreements"),
        pytest.param(LEAD_STATE.replace("a 1929 treaty with Chile", "the Treaty of Lima"), id="a-named-treaty"),
    ],
)
def test_no_story_state_is_added_where_it_is_unsure(nlp, text):
    assert "Peru" not in [p.text for a in agreements(nlp, text) for p in a.parties]


def test_a_player_re_signed_to_a_deal_is_its_side(nlp):
    found = only(nlp, "The Jets re-signed guard Tom Haley to a three-year, 4 million dollar deal on Monday.")
    assert [p.text for p in found.parties] == ["Jets", "Tom Haley"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "QUITO, May 2 (AFP) - Ecuador has ordered an inquiry into oil deals made by the last government, the energy minister "
            "said on Monday.\n\nOfficials are also examining a concession held by the driller Occidental Petroleum.",
            id="a-concession-under-a-lead-said-after-a-dateline",
        ),
        pytest.param(
            "QUITO, May 2 (AFP) - Ecuador's inquiry into oil deals made by the last government is nearly over, the energy minister "
            "said on Monday.\n\nOfficials are also examining a concession held by the driller Occidental Petroleum.",
            id="whose-inquiry",
        ),
    ],
)
def test_a_concession_of_a_company_in_a_story_about_a_state_is_that_states_grant(nlp, text):
    assert sorted(p.text for p in only(nlp, text).parties) == ["Ecuador", "Occidental Petroleum"]


def test_a_company_deal_in_a_story_about_a_state_is_not_the_states(nlp):
    text = (
        "QUITO, May 2 (AFP) - Ecuador has ordered an inquiry into oil deals made by the last government, the energy minister "
        "said on Monday.\n\nSeparately, Occidental Petroleum said it had signed a supply contract with a refiner in Texas."
    )
    assert "Ecuador" not in [p.text for a in agreements(nlp, text) for p in a.parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param("Petrobras said on Monday it would honour its supply contract with Bolivia.", ["Petrobras", "Bolivia"], id="it-of-a-name-taken-for-a-person"),
        pytest.param(
            "COLOMBO, Nov 15 (AFP) - Sri Lanka's government said on Wednesday it remained committed to a 2002 ceasefire with the Tigers.",
            ["Sri Lanka", "Tigers"],
            id="the-speaker-past-the-dateline",
        ),
        pytest.param("Iran says it abides by the Non-Proliferation Treaty.", ["Iran"], id="it-abides-by-a-treaty"),
        pytest.param("Peru said on Monday it had ratified the Kyoto Protocol.", ["Peru"], id="it-ratified-a-treaty"),
    ],
)
def test_an_agreement_a_speaker_tells_of_itself_with_one_side_is_the_speakers(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        pytest.param(
            "The ruling by the US Department of Commerce on the trade agreement orders the United States to cut duties.",
            ["the United States"],
            id="a-states-department-beside-the-state",
        ),
        pytest.param("The US Department of Commerce signed an agreement with Mexico on Monday.", ["The US Department of Commerce", "Mexico"], id="a-department-alone-stays"),
    ],
)
def test_a_states_department_beside_the_state_is_the_state_again(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


@pytest.mark.parametrize(
    ("text", "anchor", "parties"),
    [
        pytest.param(
            "BEIRUT - The government signed a deal on Monday allowing Syria to station troops near the border, officials said.",
            "a deal", ["The government", "Syria"], id="the-government-lets-another-state",
        ),
        pytest.param(
            "KHARTOUM - The government signed a peace deal with eastern rebels on Saturday, Eritrea's information minister said.",
            "a peace deal", ["The government", "eastern rebels", "Eritrea"], id="a-speakers-state-is-not-the-government",
        ),
        pytest.param(
            "Ethiopia and Eritrea signed a border agreement at a meeting of the African Union in Addis Ababa on Monday.",
            "a border agreement", ["Ethiopia", "Eritrea"], id="the-body-a-meeting-is-of-is-no-side",
        ),
        pytest.param(
            "WASHINGTON - The United States says it will not ratify the Comprehensive Nuclear Test Ban Treaty.",
            "Treaty", [], id="it-will-not-ratify",
        ),
        pytest.param(
            "JAKARTA - Indonesia and Australia signed a security treaty on Monday. Indonesia also signed a peace agreement "
            "last year, ending three decades of war in Aceh.",
            "a peace agreement", ["Indonesia"], id="a-peace-deal-is-not-the-storys-pair",
        ),
        pytest.param(
            "TOKYO - Japan and South Korea signed a fisheries agreement on Monday. Japan also ratified a convention on nuclear terrorism last week.",
            "a convention", ["Japan"], id="a-convention-is-not-the-storys-pair",
        ),
    ],
)
def test_a_state_named_beside_a_government_a_meeting_or_a_pair_is_not_always_its_side(nlp, text, anchor, parties):
    assert parties_of(nlp, text, anchor) == parties


def test_whose_contract_is_the_persons_the_clause_describes(nlp):
    text = "Chelsea said on Monday that striker Didier Drogba, whose contract runs until 2010, would stay."
    assert "Didier Drogba" in [p.text for p in only(nlp, text).parties]


def test_who_signs_after_a_verb_is_its_subject(nlp):
    text = "Prime Minister John Smith won the vote after signing a deal with the Greens."
    assert sorted(p.text for p in only(nlp, text).parties) == ["Greens", "John Smith"]


def test_he_is_the_name_the_parser_made_the_root_of_the_sentence_before(nlp):
    text = "John Smith, 29, played in 16 Tests up until 2004. In 2003 he signed a contract with Worcestershire."
    assert sorted(p.text for p in only(nlp, text).parties) == ["John Smith", "Worcestershire"]


@pytest.mark.parametrize(
    ("between", "parties"),
    [
        pytest.param("", ["Turkish", "Israel"], id="the-one-pair-of-the-story"),
        pytest.param("Turkey and Greece signed a border accord in 1998. ", ["Turkish"], id="two-pairs-leave-it-one-sided"),
    ],
)
def test_a_one_sided_agreement_in_a_story_of_one_pair_of_states_is_theirs(nlp, between, parties):
    text = (
        f"Turkey and Israel signed two defence pacts in 1996. {between}"
        "The Turkish parliament last Friday approved a free trade agreement signed last year."
    )
    assert parties_of(nlp, text, "a free trade agreement") == parties


def test_it_in_what_a_speaker_says_is_bound_only_by_its_own_verb(nlp):
    # ("it" is no side of a treaty it only mentions)
    assert [p.text for p in only(nlp, "Iran said it was time to review the Non-Proliferation Treaty.").parties] == []


def test_a_capital_standing_for_a_side_is_that_side_again(nlp):
    text = (
        "Chile's foreign minister on Wednesday defended a trade treaty signed with Argentina this week, rejecting criticism "
        "that it would stop Santiago from protecting its farmers."
    )
    assert sorted(p.text for p in only(nlp, text).parties) == ["Argentina", "Chile"]


@pytest.mark.parametrize(
    ("city", "state", "same"),
    [("Washington", "the United States", True), ("Kiev", "Ukraine", True), ("Moscow", "Russian", True), ("Khartoum", "the main faction of the Sudan Liberation Movement", False)],
)
def test_capitals_stand_for_their_states_only(city, state, same):
    assert capital_of(city, state) is same


COMPANY_LEAD = (
    "LONDON, Nov 15 (Reuters) - Singapore Airlines ordered 12 Airbus jets on Wednesday.\n\n"
    "The airline has a maintenance contract with SR Technics that runs until 2010."
)


def test_a_deal_told_only_with_a_company_in_a_story_about_another_is_the_story_companys(nlp):
    assert [p.text for p in only(nlp, COMPANY_LEAD).parties] == ["Singapore Airlines", "SR Technics"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(COMPANY_LEAD.replace("The airline has a maintenance contract", "Rival Virgin signed a maintenance contract"), id="another-company-signed-it"),
        pytest.param(COMPANY_LEAD.replace("The airline has a maintenance contract", "Virgin has a similar contract"), id="a-similar-one"),
        pytest.param(COMPANY_LEAD.replace("The airline has", "Virgin has"), id="another-company-has-it"),
    ],
)
def test_no_story_company_is_added_to_another_companys_deal(nlp, text):
    assert "Singapore Airlines" not in [p.text for a in agreements(nlp, text) for p in a.parties]


def test_the_kingdom_in_a_story_filed_from_its_capital_is_its_state(nlp):
    text = (
        "AMMAN, Nov 15 (AFP) - Jordan and Iraq will cut tariffs under a trade agreement, the ministry said.\n\n"
        "The kingdom has signed a string of trade accords in recent years."
    )
    found = next(a for a in agreements(nlp, text) if a.text == "trade accords")
    assert [(p.text, text[p.start : p.end]) for p in found.parties] == [("Jordan", "Jordan")]


def test_the_country_in_a_story_filed_from_a_capital_may_be_another_state(nlp):
    text = (
        "WASHINGTON, Nov 15 (AFP) - The United States urged Iraq to pass an oil law, officials said.\n\n"
        "The country signed a string of oil contracts in recent years."
    )
    assert "United States" not in [p.text for a in agreements(nlp, text) for p in a.parties]
