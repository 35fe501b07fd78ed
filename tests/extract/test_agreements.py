"""The agreements component: kinds, parties, assets, dates, durations, expiry, renewal, status,
references across sentences, and evidence that reproduces the text."""

from __future__ import annotations

import pytest

from spacy.tokens import Doc

from claimweave.extract.agreement_rules import vocabulary
from claimweave.extract.agreements import _whole_sentences
from claimweave.extract.agreement_terms import add_duration, how_many, same_name
from tests.extract.agreement_docs import agreements, analyse as run, only


def check(agreement, expected: dict) -> None:
    for name, want in expected.items():
        if name == "parties":
            got = [p.text for p in agreement.parties]
            assert all(any(same_name(w, g) for g in got) for w in want), (name, got)
            assert len(got) == len(want), (name, got)
        elif name == "asset_has":
            assert agreement.asset and want.lower() in agreement.asset.lower(), agreement.asset
        elif name == "expires":
            assert agreement.expires is not None and (agreement.expires.value, agreement.expires.computed) == want
        elif name == "renewal":
            assert agreement.renewal is not None and (agreement.renewal.automatic, agreement.renewal.period) == want
        else:
            assert getattr(agreement, name) == want, (name, getattr(agreement, name))


# ---------------------------------------------------------------------- one sentence

ONE_SENTENCE = [
    pytest.param(
        "In 2012 the port authority granted Volgatrans a 35-year lease on the grain terminal at Baniyas.",
        {"kind": "lease", "signed": ["2012"], "duration": "P35Y", "expires": ("2047", True), "asset_has": "grain terminal"},
        id="lease-granted",
    ),
    pytest.param(
        "Back in 2014 a deal handed Turkey\u2019s Kalyongaz a 30-year lease on Mersin harbour.",
        {"kind": "lease", "signed": ["2014"], "duration": "P30Y", "parties": ["Kalyongaz"], "asset_has": "Mersin harbour"},
        id="possessor-and-name-the-ner-missed",
    ),
    pytest.param(
        "A 2016 agreement awarded Karpowership copper mining rights in Aleppo for 30 years.",
        {"kind": "mining rights", "signed": ["2016"], "duration": "P30Y", "expires": ("2046", True), "asset": "copper mining in Aleppo"},
        id="mining-rights-for-years",
    ),
    pytest.param(
        "Treaties signed in 2011 and 2014 let Turkish troops stay at the Bashiqa camp until 2040, with automatic 10-year renewals.",
        {"kind": "treaty", "signed": ["2011", "2014"], "expires": ("2040", False), "renewal": (True, "P10Y"), "asset_has": "Bashiqa camp"},
        id="two-signing-dates-until-renewal",
    ),
    pytest.param(
        "Delegates discussed the stalled June accord with the Kurdistan Regional Government on Monday.",
        {"kind": "accord", "status": "stalled", "signed": ["2024-06"], "parties": ["Kurdistan Regional Government"]},
        id="stalled-accord-with",
    ),
    pytest.param(
        "Poland, Lithuania and Slovakia formally joined NATO in 2004.",
        {"kind": "accession", "status": "joined", "parties": ["Poland", "Lithuania", "Slovakia", "NATO"]},
        id="formally-joined",
    ),
    pytest.param(
        "Finnish ministers signed the accession protocols in Brussels on Tuesday.",
        {"kind": "accession", "status": None},
        id="signed-accession-protocols",
    ),
    pytest.param(
        "Under a memorandum of understanding signed in 2021, Egypt will supply gas to Lebanon.",
        {"kind": "MoU", "signed": ["2021"]},
        id="mou-signed-in",
    ),
    pytest.param(
        "The city will lease the old harbour warehouses to the operator for 20 years.",
        {"kind": "lease", "duration": "P20Y", "asset": "the old harbour warehouses"},
        id="lease-verb",
    ),
    pytest.param(
        "The Grain Terminal was leased to Volgatrans for 25 years under a 2015 deal.",
        {"kind": "lease", "signed": ["2015"], "duration": "P25Y", "expires": ("2040", True), "asset": "The Grain Terminal", "parties": ["Volgatrans"]},
        id="passive-lease-under-deal",
    ),
    pytest.param(
        "The Kiel treaty was ratified by the Bundestag.",
        {"kind": "treaty", "status": "ratified", "parties": []},
        id="ratified-by-not-a-party",
    ),
    pytest.param(
        "Ankara and Baku reached a ceasefire agreement that has yet to be implemented.",
        {"kind": "ceasefire", "status": "stalled"},
        id="yet-to-be-implemented",
    ),
    pytest.param(
        "Under an accord signed on Monday, the government and the Farmers Union will share the canal water.",
        {"kind": "accord", "signed": ["2024-06-10"], "parties": ["the government", "Farmers Union"]},
        id="unnamed-institution-under-accord",
    ),
    pytest.param(
        "The army signed a truce with the rebels in May.",
        {"kind": "ceasefire", "status": None, "parties": ["The army", "the rebels"]},
        id="partners-with-of-the-verb",
    ),
    pytest.param(
        "The 2019 contract with Acme Shipping remains valid.",
        {"kind": "contract", "signed": ["2019"], "status": "in force", "parties": ["Acme Shipping"]},
        id="in-force",
    ),
    pytest.param(
        "The striker signed a contract with Nantes for an initial six months with an option of a one-year extension.",
        {"kind": "contract", "renewal": (False, "P1Y")},
        id="an-option-of-an-extension",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_SENTENCE)
def test_agreement_terms_in_one_sentence(nlp, text, expected):
    check(only(nlp, text), expected)


# ---------------------------------------------------------------------- parties

PARTIES = [
    pytest.param(
        "Halvard Mills Inc.'s agreement to acquire 40% of Brenner Textile Co. surprised analysts.",
        {"parties": ["Halvard Mills Inc.", "Brenner Textile Co."], "asset_has": "Brenner Textile"},
        id="company-bought-inside-the-asset",
    ),
    pytest.param(
        "Under the deal, Corvex AG will buy all outstanding shares of Lindqvist Holdings for $12 each.",
        {"parties": ["Corvex AG", "Lindqvist Holdings"]},
        id="shares-of-a-company",
    ),
    pytest.param(
        "The harbour board signed a lease for the docks of Rotterdam last year.",
        {"parties": []},
        id="a-place-inside-the-asset-is-no-party",
    ),
    pytest.param(
        "Norway signed an agreement on the management of the Arctic Research Fund in May.",
        {"parties": ["Norway"]},
        id="an-organisation-managed-is-no-party",
    ),
    pytest.param(
        "Tamsin Foods posted higher sales. Tamsin and Orlov Brewing Co. said they signed a distribution agreement on Monday.",
        {"parties": ["Tamsin", "Orlov Brewing Co."]},
        id="untagged-name-coordinated-with-a-company",
    ),
    pytest.param(
        "Officials and Orlov Brewing Co. said they signed a distribution agreement on Monday.",
        {"parties": ["Orlov Brewing Co."]},
        id="capitalised-common-noun-coordinated-is-no-party",
    ),
    pytest.param(
        "Marlow Textiles agreed to sell its dye works to Fenwick Chemicals. Observers said the deal shows that Portugal is attracting buyers.",
        {"parties": ["Marlow Textiles", "Fenwick Chemicals"]},
        id="seller-and-buyer-not-a-country-named-later",
    ),
    pytest.param(
        "Royal Dutch Shell said Monday it had reached agreement with Nigeria on gas prices. Under the deal, Nigeria will supply 5 million tonnes a year.",
        {"parties": ["Royal Dutch Shell", "Nigeria"]},
        id="the-deal-after-reached-agreement-with",
    ),
    pytest.param(
        "The Socialists reached agreement with the Greens on Tuesday. The text speaks of going beyond the Treaty of Maastricht.",
        {"parties": [], "signed": []},
        id="a-treaty-called-by-its-name-is-not-the-one-just-agreed",
    ),
    pytest.param(
        "Ilse Brandt agreed to buy the Kessel brewery from the town. The deal was signed on Monday.",
        {"parties": ["Ilse Brandt"]},
        id="person-who-agrees-to-buy",
    ),
    pytest.param(
        "Corvana Inc. agreed to buy all the shares of Delmor Labs for $9 each. Both boards said the accord was backed by a committee unaffiliated with Corvana.",
        {"parties": ["Corvana Inc.", "Delmor Labs"]},
        id="a-with-that-is-not-the-agreements-partner",
    ),
    pytest.param(
        "Carrowmore Savings Bank cut its payout. Carrowmore said it signed a deal with the Lisle Trust in May.",
        {"parties": ["Carrowmore", "Lisle Trust"]},
        id="short-form-of-a-company-tagged-person",
    ),
    pytest.param(
        "Halden Corp. reached an agreement with Oman Petroleum on Monday to build a refinery.",
        {"parties": ["Halden Corp.", "Oman Petroleum"]},
        id="place-name-then-company-word-is-one-name",
    ),
    pytest.param(
        "The agreement between Halden Inc. and Vortigen SE covers vaccine supply.",
        {"parties": ["Halden Inc.", "Vortigen SE"]},
        id="lone-suffix-takes-the-name-before-it",
    ),
    pytest.param(
        "Marula Seeds (Private) Limited signed a supply agreement with Hainan Tractor Group on Friday.",
        {"parties": ["Marula Seeds (Private) Limited", "Hainan Tractor Group"]},
        id="bracketed-legal-form-inside-a-name",
    ),
    pytest.param(
        "Senior officials of Norway and Chile signed a fisheries agreement on Monday.",
        {"parties": ["Norway", "Chile"]},
        id="officials-of-a-state-act-for-it",
    ),
    pytest.param(
        "Trade ministers from the Nordic Council and Canada on Friday signed an agreement on shipping.",
        {"parties": ["Nordic Council", "Canada"]},
        id="ministers-from-coordinated-states",
    ),
    pytest.param(
        "Farmers in Ohio signed a contract with Cargill.",
        {"parties": ["Farmers", "Cargill"]},
        id="a-place-people-are-in-is-no-party",
    ),
    pytest.param(
        "He announced it under an agreement with the Labour Party, according to a copy obtained by Reuters.",
        {"parties": ["Labour Party"]},
        id="the-outlet-that-obtained-a-copy-is-no-party",
    ),
    pytest.param(
        "Harlan Steel Corp. posted a loss after Orwell Bank cut its credit line. Costs were boosted by the company's new labor pact.",
        {"parties": ["Harlan Steel Corp."]},
        id="the-companys-pact-is-the-story-company",
    ),
    pytest.param(
        "Harlan Steel Corp. posted a loss. Harlan said costs rose. Costs were boosted by the company's new labor pact with the union.",
        {"parties": ["Harlan Steel Corp.", "the union"]},
        id="the-companys-pact-with-a-partner",
    ),
    pytest.param(
        "Orbis Metals said it has agreed to sell the wire unit to Kemble Co., a closely held firm based in Dayton, Ohio. The accord was approved on Monday.",
        {"parties": ["Orbis Metals", "Kemble Co."]},
        id="the-state-of-an-address-is-no-party",
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARTIES)
def test_parties(nlp, text, expected):
    check(only(nlp, text), expected)


def test_the_same_company_is_the_earlier_agreements_party(nlp):
    text = (
        "In 2016 the Belgian company Vandermolen won a concession to run the ferry terminal at Kotor for 20 years. "
        "A year later, the same firm took a 30-year lease on the old shipyard."
    )
    first, second = run(nlp, text)._.cw_agreements
    assert [p.text for p in second.parties] == ["Vandermolen"]
    assert second.field_evidence["parties"].rule == "party.same"
    assert text[second.parties[0].start : second.parties[0].end] == "Vandermolen"


# ---------------------------------------------------------------------- several sentences

SEVERAL_SENTENCES = [
    pytest.param(
        "In 2009 Gazprom signed a 15-year supply contract with Naftogaz. The deal was suspended in 2014.",
        {"kind": "contract", "signed": ["2009"], "duration": "P15Y", "expires": ("2024", True), "status": "suspended"},
        id="the-deal-later",
    ),
    pytest.param(
        "Two agreements were concluded in 2003 and 2005. They allow the navy to use the Sevastopol base until 2042, "
        "and they renew automatically for five-year periods.",
        {"kind": "basing agreement", "signed": ["2003", "2005"], "expires": ("2042", False), "renewal": (True, "P5Y"), "asset_has": "Sevastopol base"},
        id="they-pronoun",
    ),
    pytest.param(
        "A 2010 lease gave Sinohydro the Lamu terminal for 30 years. "
        "The new cabinet has set up a panel to reassess deals made under the former president.",
        {"kind": "lease", "signed": ["2010"], "status": "under review"},
        id="collective-review",
    ),
    pytest.param(
        "The Kiel accord was signed in 1998. It was ratified by parliament a year later.",
        {"kind": "accord", "signed": ["1998"], "status": "ratified"},
        id="it-ratified",
    ),
    pytest.param(
        "Norsk Hydro agreed to sell its smelter in Husnes to Alcoa. The accord is subject to regulatory approval.",
        {"kind": "accord", "status": "pending approval", "asset": "its smelter in Husnes"},
        id="agreed-to-then-the-accord",
    ),
    pytest.param(
        "Norsk Hydro agreed to sell its smelter in Husnes to Alcoa. The accord is subject to regulatory approval.",
        {"parties": ["Norsk Hydro", "Alcoa"]},
        id="company-tagged-as-person",
    ),
    pytest.param(
        "A truce between the army and the rebels took effect on Sunday. Under the terms of the truce, the army withdrew from the town.",
        {"status": "in force"},
        id="what-the-terms-make-a-side-do-is-no-status",
    ),
]


@pytest.mark.parametrize(("text", "expected"), SEVERAL_SENTENCES)
def test_agreement_terms_over_several_sentences(nlp, text, expected):
    check(only(nlp, text), expected)


def test_two_agreements_in_one_sentence_keep_their_own_terms(nlp):
    text = (
        "A 2014 deal gave Petrofac a 20-year lease on the Banias refinery, while a 2016 agreement "
        "awarded potash mining rights in Tadmur for 25 years."
    )
    first, second = sorted(run(nlp, text)._.cw_agreements, key=lambda a: a.evidence[0].start)
    check(first, {"kind": "lease", "signed": ["2014"], "duration": "P20Y", "asset_has": "Banias refinery"})
    check(second, {"kind": "mining rights", "signed": ["2016"], "duration": "P25Y", "asset": "potash mining in Tadmur"})


def test_a_later_status_overrides_and_the_field_evidence_is_the_later_sentence(nlp):
    text = "The 2019 contract with Acme Shipping remains valid. Two years on, the contract was cancelled."
    doc = run(nlp, text)
    (agreement,) = doc._.cw_agreements
    assert agreement.status == "cancelled"
    ev = agreement.field_evidence["status"]
    assert ev.text == "cancelled" and ev.start > text.index("Two years")
    assert ev.rule == "status.cancelled"


# ---------------------------------------------------------------------- not agreements

NOT_AGREEMENTS = [
    pytest.param("Rebuilding the bridge was a great deal of work.", id="a-great-deal"),
    pytest.param("Fans said the club had been handed a rough deal by the league.", id="a-rough-deal-is-unfair-treatment"),
    pytest.param("Dairy farmers got a raw deal from the new tariffs, he said.", id="a-raw-deal-is-unfair-treatment"),
    pytest.param("The deputy was arrested extorting money in a bribery deal involving the customs service.", id="a-bribery-deal-is-a-crime"),
    pytest.param("Police said the drug deal went wrong on Monday.", id="a-drug-deal-is-a-sale"),
    pytest.param("Talks on a new fisheries treaty with Freedonia collapsed on Monday.", id="talks-that-collapsed-made-no-treaty"),
    pytest.param("Nobody expected agreements on the first day.", id="bare-plural-without-terms"),
    pytest.param("Officials said they must deal with the backlog first.", id="verb-deal"),
    pytest.param("Kyiv said Ukraine would not join NATO.", id="negated-join"),
    pytest.param("The merger remains subject to a definitive agreement.", id="subject-to"),
    pytest.param("The weeks ahead will show whether the thaw is more than a truce.", id="more-than-a-truce"),
    pytest.param("The group plans to buy or lease two more ferries.", id="plan-to-lease"),
    pytest.param("Mines must operate in accord with the new safety rules.", id="in-accord-with"),
    pytest.param("The front-month contract fell two dollars in late trading.", id="futures-contract"),
    pytest.param("Lima says it never signed any maritime pact with Santiago.", id="never-any-pact"),
    pytest.param("Guests gathered at the Lakeside Exhibition and Convention Centre.", id="part-of-a-name"),
]


@pytest.mark.parametrize("text", NOT_AGREEMENTS)
def test_no_agreement_is_found(nlp, text):
    assert run(nlp, text)._.cw_agreements == []


# ---------------------------------------------------------------------- evidence and ids


def test_every_evidence_span_reproduces_the_text_and_names_a_rule(nlp):
    text = (
        "Treaties signed in 2011 and 2014 let Turkish troops stay at the Bashiqa camp until 2040, "
        "with automatic 10-year renewals. The new cabinet wants to reassess deals made under the old regime."
    )
    doc = run(nlp, text)
    assert doc._.cw_agreements
    for agreement in doc._.cw_agreements:
        for ev in [*agreement.evidence, *agreement.field_evidence.values()]:
            assert text[ev.start : ev.end] == ev.text
            assert ev.rule
        for party in agreement.parties:
            assert text[party.start : party.end] == party.text


def test_output_and_ids_are_deterministic(nlp):
    text = "In 2009 Gazprom signed a 15-year supply contract with Naftogaz. The deal was suspended in 2014."
    first = [a.model_dump() for a in run(nlp, text)._.cw_agreements]
    second = [a.model_dump() for a in run(nlp, text)._.cw_agreements]
    assert first == second


def test_parties_link_to_document_entities(nlp):
    doc = run(nlp, "The 2019 contract with Acme Shipping remains valid.")
    (agreement,) = doc._.cw_agreements
    entity_ids = {e.id for e in doc._.cw_entities}
    assert agreement.parties and all(p.entity_id in entity_ids for p in agreement.parties if p.entity_id)


# ---------------------------------------------------------------------- pure helpers and data


@pytest.mark.parametrize(
    ("date", "duration", "expected"),
    [
        ("2019", "P49Y", "2068"),
        ("2019-03", "P6M", "2019-09"),
        ("2019-11", "P3M", "2020-02"),
        ("2024-02-29", "P1D", "2024-03-01"),
        ("2020-01-31", "P2W", "2020-02-14"),
        ("2019", "P6M", None),
        ("XXXX", "P5Y", None),
        ("2019", "PXY", None),
    ],
)
def test_add_duration(date, duration, expected):
    assert add_duration(date=date, duration=duration) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("LIN", "LIN Broadcasting Corp.", True),
        ("BellSouth Corp.", "BellSouth", True),
        ("Russia's", "Russia", True),
        ("Iraq", "Iran", False),
        ("the Syrian Democratic Forces", "Syrian Democratic Forces", True),
        ("UNDP", "the UN Development Program", True),
        ("UNDP", "the UN Fund", False),
    ],
)
def test_same_name(a, b, expected):
    assert same_name(a, b) is expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("three", 3),
        ("Twelve", 12),
        ("dozen", 12),
        ("12", 12),
        ("999", 999),
        ("one", None),
        ("a", None),
        ("1000", None),
        ("1.5", None),
        ("several", None),
        ("accords", None),
    ],
)
def test_how_many(word, expected):
    assert how_many(word) == expected


def test_vocabulary_rule_ids_are_unique_and_prefixed():
    vocab = vocabulary()
    ids = [k.id for k in vocab.kinds] + [s.id for s in vocab.status] + [r.id for r in vocab.renewal] + [a.id for a in vocab.assets]
    assert len(ids) == len(set(ids))
    assert all(i.split(".")[0] in {"kind", "status", "renewal", "asset"} for i in ids)


@pytest.mark.parametrize(
    ("left", "expected"),
    [
        ("the smaller states were left out of ", True),
        ("the smaller states pulled out of ", False),
        ("the union opted out of ", False),
        ("Lima has withdrawn out of ", False),
        ("the port was sold without a ", True),
    ],
)
def test_not_agreement_left_spares_a_leaving(left, expected):
    """"pulled out of the pact" leaves an agreement that exists; "left out of a pact" lacks one."""
    assert bool(vocabulary().not_agreement.search(left)) is expected


# ---------------------------------------------------------------------- parties through people, groups, owners

REPRESENTED = [
    pytest.param(
        "The pact was signed by Norwegian Foreign Minister Ola Berg and Chilean Trade Minister Rosa Vidal in Oslo.",
        {"parties": ["Norway", "Chile"]},
        id="signatories-stand-for-their-states",
    ),
    pytest.param(
        "Ecuador's Luis Castro spoke on Monday. Castro appeared to accept a fisheries treaty he had long opposed.",
        {"parties": ["Ecuador"]},
        id="a-leader-written-with-his-state",
    ),
    pytest.param(
        "Chile and Peru share a long desert border. The two countries signed a water treaty in 2019.",
        {"parties": ["Chile", "Peru"], "signed": ["2019"]},
        id="the-two-countries-restate-the-last-pair",
    ),
    pytest.param(
        "The Kenyan government and Somali rebels began talks Monday. Officials said the two sides, who signed a border truce last year, still disagree.",
        {"parties": ["Kenyan government", "Somali rebels"]},
        id="the-two-sides-who-signed-restate-bodies-named-with-their-states",
    ),
    pytest.param(
        "Moldova is negotiating with the gas company Itera on prices, the minister said. The current agreements expire in 2010, he added.",
        {"parties": ["Moldova", "Itera"]},
        id="a-definite-agreement-is-between-the-sides-shown-negotiating",
    ),
    pytest.param(
        "Moldova is negotiating with the gas company Itera on prices, the minister said. An agreement signed in 1998 set the price, he added.",
        {"parties": []},
        id="an-indefinite-agreement-is-not-the-negotiating-sides",
    ),
    pytest.param(
        "Talks between Armenia and the EU resumed on Monday. The current agreement runs out in May, officials said.",
        {"parties": ["Armenia", "EU"]},
        id="talks-between-a-pair",
    ),
    pytest.param(
        "A cease-fire took effect in the region on Sunday, officials said. Ethiopia and Eritrean forces began the cease-fire at dawn.",
        {"parties": ["Ethiopia", "Eritrean forces"]},
        id="who-begins-a-later-reference-is-a-side",
    ),
    pytest.param(
        "A truce took effect on Sunday, officials said. Under the terms of the truce, Ethiopian forces withdrew from the town.",
        {"parties": []},
        id="a-verb-above-the-reference-is-no-signing",
    ),
    pytest.param(
        "Critics say the fisheries accord signed by the Carter administration in 1979 hurt local fleets.",
        {"parties": ["the Carter administration"], "signed": ["1979"]},
        id="a-body-named-by-its-leader",
    ),
    pytest.param(
        "Officials are taking steps to renew the Nepal-India commerce treaty, which expires in March.",
        {"parties": ["Nepal", "India"]},
        id="countries-joined-by-a-hyphen-inside-a-name-the-ner-took-whole",
    ),
    pytest.param(
        "The Orvel Health Agency and the Brisk Weather Agency held talks. The two agencies signed an agreement on Friday.",
        {"parties": ["Orvel Health Agency", "Brisk Weather Agency"]},
        id="the-two-agencies",
    ),
    pytest.param(
        "Kenya and Uganda are close allies, whom Arab or Moslem states like Iran, Syria and Iraq condemn. The largest defence deal between the two countries took effect in May.",
        {"parties": ["Kenya", "Uganda"]},
        id="the-two-countries-are-a-pair-not-the-end-of-a-list-or-alternatives",
    ),
    pytest.param(
        "Kurdish rebels on Friday extended their unilateral ceasefire by one month.",
        {"parties": ["Kurdish rebels"]},
        id="a-body-holding-its-own-ceasefire",
    ),
    pytest.param(
        "The accord lets Kestrel Mining Corp. use Chile's northern port for 20 years.",
        {"parties": ["Kestrel Mining Corp.", "Chile"], "duration": "P20Y"},
        id="the-owner-of-the-asset-is-a-party",
    ),
    pytest.param(
        "Orvan Group and Belcom Inc. said they reached an agreement in principle for the acquisition of Belcom by Tressel Inc.",
        {"parties": ["Orvan Group", "Belcom Inc."], "asset": "Belcom"},
        id="named-signers-exclude-other-names",
    ),
    pytest.param(
        "Ecuador's Luis Castro spoke on Monday. Castro appeared to praise the 1995 truce of the border war with Peru.",
        {"parties": ["Ecuador", "Peru"], "signed": ["1995"]},
        id="the-other-side-of-a-war-with",
    ),
    pytest.param(
        "The 1988 truce of the eight-year war with Peru held.",
        {"asset": "the eight-year war"},
        id="hyphenated-duration-inside-the-asset",
    ),
    pytest.param(
        "Russia and Peru will sign an agreement on fisheries during the prime minister's visit.",
        {"asset": "fisheries"},
        id="the-asset-stops-at-during",
    ),
    # sides joined by a hyphen on the agreement's name: states, acronyms and names the NER takes alone
    pytest.param("The 1993 Israel-PLO accord was signed in Washington.", {"parties": ["Israel", "PLO"], "signed": ["1993"]}, id="a-state-and-an-acronym-the-ner-took-for-one-name"),
    pytest.param("The 1994 Hamas-Fatah truce was signed in Cairo.", {"parties": ["Hamas", "Fatah"], "signed": ["1994"], "asset": None}, id="two-organisations-the-second-kept-in-the-name"),
    pytest.param("Ministers hailed the China-ASEAN trade pact, which took effect in 2010.", {"parties": ["China", "ASEAN"]}, id="a-bloc-the-ner-does-not-know"),
    pytest.param("The Bosnia-Herzegovina peace accord was signed in Paris in 1995.", {"parties": []}, id="one-state-written-with-a-hyphen-is-no-pair"),
    # who ratifies or approves: a state is a side, a body deciding on the agreement is not
    pytest.param("The Senate ratified the fisheries treaty on Thursday.", {"parties": [], "status": "ratified"}, id="a-senate-that-ratifies-is-no-side"),
    pytest.param("Shareholders approved the supply deal with Orvel Foods Inc. on Monday.", {"parties": ["Orvel Foods Inc."], "status": "approved"}, id="shareholders-who-approve-are-no-side"),
    pytest.param("Chile ratified the water treaty in 2005.", {"parties": ["Chile"], "status": "ratified"}, id="a-state-that-ratifies-is-a-side"),
    pytest.param("After the Senate's ratification of the water treaty, trade rose.", {"status": "ratified"}, id="a-ratification-done"),
    # the tagger's verb for a noun with its article
    pytest.param(
        "Chile and Peru signed a 10-year gas supply deal worth 5 billion dollars on Tuesday.",
        {"parties": ["Chile", "Peru"], "duration": "P10Y", "asset": "gas supply"},
        id="a-kind-noun-tagged-as-a-verb",
    ),
    pytest.param("Britain and Ireland signed the Good Friday Agreement in 1998.", {"signed": ["1998"]}, id="a-day-inside-the-name-is-no-signing-date"),
    # unnamed sides
    pytest.param("Rebels agreed to a ceasefire on Monday.", {"parties": ["Rebels"]}, id="a-bare-plural-side-that-makes-the-agreement"),
    pytest.param(
        "The government and the rebels held talks in Oslo last week. The two sides signed a ceasefire on Sunday.",
        {"parties": ["The government", "the rebels"]},
        id="the-two-sides-are-the-unnamed-pair-before",
    ),
    pytest.param("The government and the rebels held talks. The two countries signed a ceasefire on Sunday.", {"parties": []}, id="two-countries-are-no-unnamed-bodies"),
    pytest.param("The dock workers union and management signed a wage agreement on Monday.", {"parties": ["The dock workers union", "management"]}, id="a-side-without-article-listed-after-another"),
    # a term of what the agreement grants
    pytest.param("The agreement gives Chevron the right to use the port for 25 years.", {"duration": "P25Y", "asset": "the port"}, id="the-term-of-a-right-it-grants"),
    pytest.param("A truce ended the war, which had festered for 22 years.", {"duration": None}, id="the-age-of-what-it-ended-is-no-term"),
    # accession told by its verb: one agreement, dated by the verb's date
    pytest.param("Montenegro formally joined NATO on June 5, 2017.", {"parties": ["Montenegro", "NATO"], "signed": ["2017-06-05"], "status": "joined"}, id="joined-on-a-date"),
    pytest.param("In 2004, Lithuania joined the European Union.", {"signed": ["2004"]}, id="joined-in-a-year"),
    pytest.param(
        "Chile and Peru agreed on a gas deal on Tuesday. It will take effect on January 1 and expire in 2019.",
        {"expires": ("2019", False)},
        id="expiry-on-a-verb-coordinated-with-the-one-of-it",
    ),
]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Talks on the ceasefire between Israel and Hamas broke down on Monday.", id="talks-on-it-broke-down"),
        pytest.param("Negotiations over the gas deal between Acme and Borealis collapsed in May.", id="negotiations-over-it-collapsed"),
    ],
)
def test_what_befalls_talks_about_an_agreement_is_not_its_status(nlp, text):
    assert only(nlp, text).status is None


def test_the_topic_of_a_subject_hangs_on_it_through_prepositions_alone(nlp):
    from claimweave.extract.agreement_status import _topic_of

    # "talks on the truce broke down" vs a parse seen in wire news: "the contributor, beefed up after
    # the truce ... took effect", with the contributor as the subject of "took"
    talks = Doc(nlp.vocab, words=["talks", "on", "the", "truce", "broke"], heads=[4, 0, 3, 1, 4], deps=["nsubj", "prep", "det", "pobj", "ROOT"])
    assert _topic_of(talks[3], talks[0])
    clause = Doc(
        nlp.vocab, words=["contributor", "beefed", "after", "the", "truce", "took"], heads=[5, 0, 1, 4, 2, 5],
        deps=["nsubj", "acl", "prep", "det", "pobj", "ROOT"],
    )
    assert not _topic_of(clause[4], clause[0])


def test_a_board_approving_keeps_whose_board_it_is(nlp):
    found = only(nlp, "Acme's board approved the supply contract with Orvel Foods Inc. on Monday.")
    assert [p.text for p in found.parties] == ["Acme", "Orvel Foods Inc."]
    assert found.status == "approved"


def test_initials_the_ner_gives_to_a_body_name_no_agreement(nlp):
    text = "Japan and Mexico signed an economic partnership agreement on Friday. The EPA said it would tighten rules."
    (found,) = run(nlp, text)._.cw_agreements
    assert [e.text for e in found.evidence] == ["an economic partnership agreement"]


def test_a_coordinated_verb_with_its_own_subject_tells_no_expiry(nlp):
    assert only(nlp, "Chile and Peru signed a gas deal on Tuesday and the war ended in 2019.").expires is None


def test_initials_used_later_name_the_agreement_without_a_definition(nlp):
    text = "Norway's Equinor signed a production sharing agreement with Angola in 2010. Under the PSA, Equinor will operate Block 17 until 2030."
    (found,) = run(nlp, text)._.cw_agreements
    check(found, {"signed": ["2010"], "asset": "Block 17", "expires": ("2030", False)})
    assert [e.text for e in found.evidence] == ["a production sharing agreement", "the PSA"]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("China and Peru signed a free trade agreement on Friday. The FTC will review it.", id="other-initials"),
        pytest.param("China and Peru signed a free trade agreement on Friday. Ministers drafted FTA/RTA chapters.", id="initials-describing-another-word"),
    ],
)
def test_initials_not_used_as_a_name_are_no_name(nlp, text):
    (found,) = run(nlp, text)._.cw_agreements
    assert [e.text for e in found.evidence] == ["a free trade agreement"]


@pytest.mark.parametrize(("text", "expected"), REPRESENTED)
def test_parties_through_people_groups_and_owners(nlp, text, expected):
    check(only(nlp, text), expected)


ASSET_SCOPE = [
    pytest.param(
        "In response to the Halden pact, Vortigen Inc. raised its offer to buy 10 million Halden shares.",
        None,
        id="a-verb-the-agreement-does-not-frame",
    ),
    pytest.param(
        "Under the deal with Kemble Co., Orbis Metals will buy the wire unit.",
        "the wire unit",
        id="a-verb-the-agreement-frames",
    ),
    pytest.param(
        "Analysts praised the gain from the previously announced pact to sell Orbis Metals' cable division.",
        "Orbis Metals' cable division",
        id="the-agreements-own-infinitive",
    ),
    pytest.param(
        "Morland and Ostia signed the accord on Monday. It lets Morland use two berths at the harbour. "
        "Officials said the accord over fishing rights was fair.",
        "fishing rights",
        id="a-later-named-asset-outranks-a-verbs",
    ),
]


@pytest.mark.parametrize(("text", "asset"), ASSET_SCOPE)
def test_what_an_agreement_covers(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_a_named_partys_plan_is_the_deal_a_later_pact_means(nlp):
    text = (
        "The Welford pact was signed in May. Halden Corp. and Vortigen Inc. sweetened their plan to merge their chip units. "
        "But the new pact could still fail."
    )
    first, second = run(nlp, text)._.cw_agreements
    check(second, {"parties": ["Halden Corp.", "Vortigen Inc."], "status": "amended"})


NOT_PARTIES = [
    pytest.param(
        "The two neighbours signed a fisheries pact on Monday despite protests by Bolivia and Ecuador.",
        [],
        id="who-objects-despite-the-signing",
    ),
    pytest.param(
        "\"Instructions were given to respect a truce between Norway and Chile,\" the general said.",
        ["Norway", "Chile"],
        id="a-word-opening-a-quotation",
    ),
    pytest.param(
        "The minister told Radio Nordland that Norway signed the fisheries accord with Chile.",
        ["Norway", "Chile"],
        id="whom-a-speaker-tells",
    ),
    pytest.param(
        "The accord was signed by Norway and Chile, the paper Morgenbladet reported.",
        ["Norway", "Chile"],
        id="a-newspaper-that-reports",
    ),
    pytest.param(
        "Norway and Chile signed the accord under the Oslo Declaration on ocean trade.",
        ["Norway", "Chile"],
        id="a-declaration-is-a-text",
    ),
    pytest.param(
        "Speaking in rebel-held Kivu, on the border with Rwanda, the rebel leader accepted a ceasefire before talks.",
        [],
        id="a-place-held-by-rebels-and-a-border",
    ),
    pytest.param(
        "The Kestrel Herald quoted an official as saying a fisheries deal had been signed.",
        [],
        id="a-paper-that-quotes",
    ),
    pytest.param(
        "A Patagonia-wide truce was signed by Chile and Argentina.",
        ["Chile", "Argentina"],
        id="a-place-qualifying-the-truce",
    ),
]


@pytest.mark.parametrize(("text", "parties"), NOT_PARTIES)
def test_names_that_are_not_parties(nlp, text, parties):
    check(only(nlp, text), {"parties": parties})


COMPANY_DEALS = [
    pytest.param(
        "Kemble Co. signed a letter of intent to purchase Harlow Bancorp for $40 million.",
        {"parties": ["Kemble Co.", "Harlow Bancorp"], "asset": "Harlow Bancorp"},
        id="the-company-bought-is-asset-and-party",
    ),
    pytest.param(
        "Orbis Metals signed a letter of intent to acquire Tessel Systems Inc., Fresno, Calif., and Varden Testing Co., in Tulsa, Okla.",
        {"parties": ["Orbis Metals", "Tessel Systems Inc.", "Varden Testing Co."]},
        id="a-companys-address-is-no-party",
    ),
    pytest.param(
        "Halvard Steel Inc. may settle the fraud charges this week. The tentative pact would end a two-year inquiry.",
        {"parties": ["Halvard Steel Inc."], "status": "proposed"},
        id="a-first-the-pact-is-the-deal-of-the-sentence-before",
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPANY_DEALS)
def test_company_deals(nlp, text, expected):
    check(only(nlp, text), expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "A ceasefire between the secular Fatah faction and the Islamist movement Hamas held on Monday.",
            {"parties": ["Fatah", "Hamas"]},
            id="a-faction-and-a-movement-named-by-apposition",
        ),
        pytest.param(
            "The rebels called off a unilateral five- year ceasefire in 2004.",
            {"asset": None},
            id="numbers-and-time-units-are-no-asset",
        ),
        pytest.param(
            "Fishing villages on Monday reached an agreement with oil firms operating in the delta.",
            {"asset": None},
            id="an-asset-never-opens-with-a-preposition",
        ),
    ],
)
def test_faction_names_and_asset_shapes(nlp, text, expected):
    check(only(nlp, text), expected)


# ---------------------------------------------------------------------- sentences the parser cut

@pytest.mark.parametrize(
    ("words", "starts", "expected"),
    [
        pytest.param(["It", "was", "set", "by", "the", "1994", "Lusaka", "accords", "."], [1, 0, 0, 0, 0, 0, 1, 0, 0], [(0, 9)], id="a-cut-after-a-word-is-joined"),
        pytest.param(["It", "held", ".", "The", "accord", "ended", "."], [1, 0, 0, 1, 0, 0, 0], [(0, 3), (3, 7)], id="a-full-stop-ends-a-sentence"),
        pytest.param(["He", "said", ":", "Peace", "came", "."], [1, 0, 0, 1, 0, 0], [(0, 3), (3, 6)], id="a-colon-ends-a-sentence"),
    ],
)
def test_sentences_the_parser_cut_in_the_middle_are_joined(nlp, words, starts, expected):
    doc = Doc(nlp.vocab, words=words, sent_starts=[bool(s) for s in starts])
    assert [(s.start, s.end) for s in _whole_sentences(doc)] == expected


def test_a_determined_year_before_a_name_the_parser_cut_off_is_its_year(nlp):
    agreement = only(nlp, "The government was formed as provided for by the 1994 Lusaka peace accords.")
    assert agreement.text == "the 1994 Lusaka peace accords"
    assert agreement.signed == ["1994"]


def test_one_of_several_deals_with_the_same_counterpart_is_with_it_too(nlp):
    doc = run(nlp, "Chile and Peru are seeking approval of trade deals they have negotiated with Japan. Peru already has ratified the pact.")
    pact = next(a for a in doc._.cw_agreements if a.text == "the pact")
    assert sorted(p.text for p in pact.parties) == ["Japan", "Peru"]


LINKED_SIDES = [
    pytest.param(
        "The Chicago Cubs signed veteran righthander Ted Lilly to a four-year contract on Friday.", "Ted Lilly", id="name-inside-a-longer-phrase",
    ),
    pytest.param(
        "PKN Orlen will sign an agreement in May to buy Yukos' majority stake in the refinery. Yukos shares fell.", "Yukos", id="possessive-owner",
    ),
]


@pytest.mark.parametrize(("text", "side"), LINKED_SIDES)
def test_a_side_named_like_an_entity_is_linked_to_it(nlp, text, side):
    found = [p for a in agreements(nlp, text) for p in a.parties if p.text == side]
    assert found and found[0].entity_id is not None


BILATERAL = [
    pytest.param("The coup marked a shift in Chile-Peru relations. Officials plan a full review of existing bilateral agreements.", ["Chile", "Peru"], id="hyphen-pair"),
    pytest.param("Ties between Chile and Peru have cooled since May. Officials plan a full review of existing bilateral agreements.", ["Chile", "Peru"], id="between-pair"),
    pytest.param("Relations between Chile and Peru have cooled. Argentina said its bilateral agreements with Bolivia would be honoured.", ["Bolivia", "Argentina"], id="own-sides-win"),
    pytest.param("Officials plan a full review of existing bilateral agreements. Chile-Peru relations are poor.", [], id="no-pair-before"),
]


@pytest.mark.parametrize(("text", "sides"), BILATERAL)
def test_a_bilateral_agreement_with_no_sides_is_of_the_pair_the_story_is_about(nlp, text, sides):
    found = agreements(nlp, text)
    assert len(found) == 1
    assert [p.text for p in found[0].parties] == sides
    assert all(text[p.start : p.end] == p.text for p in found[0].parties)


DATE_BEFORE_THE_SIGNING = [
    pytest.param("Chile and Peru on Sunday signed a bilateral agreement on fishing rights in Lima.", ["2024-06-09"], id="on-weekday-after-two-sides"),
    pytest.param("Russia and the United States Sunday signed a trade agreement in Hanoi.", ["2024-06-09"], id="bare-weekday-after-the-sides"),
    pytest.param("Chile Sunday will sign a trade deal with Peru.", [], id="signing-still-ahead"),
]


@pytest.mark.parametrize(("text", "signed"), DATE_BEFORE_THE_SIGNING)
def test_a_date_between_the_sides_and_the_signing_dates_it(nlp, text, signed):
    found = agreements(nlp, text)
    assert [a.signed for a in found] == [signed]


RENEWED_BY_A_VERB = [
    pytest.param("The two countries agreed on Monday to extend the fishing accord for the next five years.", (False, "P5Y"), id="agreed-extension-for-years"),
    pytest.param("The club extended his contract by two years on Friday.", (False, "P2Y"), id="extended-by-years"),
    pytest.param("Officials said the gas supply contract was renewed on Tuesday.", (None, None), id="renewed-terms-unknown"),
    pytest.param("The two sides may extend the truce.", None, id="only-possible"),
    pytest.param("The government did not renew the lease.", None, id="not-renewed"),
]


@pytest.mark.parametrize(("text", "renewal"), RENEWED_BY_A_VERB)
def test_a_renewal_told_by_a_verb_on_the_agreement(nlp, text, renewal):
    found = agreements(nlp, text)
    assert len(found) == 1
    got = found[0].renewal
    assert (got and (got.automatic, got.period)) == renewal
    if got is not None:
        ev = found[0].field_evidence["renewal"]
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize("text", [
    "Landowners have refused to renew leases which expire on May 14.",
    "The cabinet approved a bill to force landowners to renew the leases.",
])
def test_a_renewal_refused_or_forced_is_none(nlp, text):
    assert all(a.renewal is None for a in agreements(nlp, text))


YEAR_RANGES = [
    pytest.param("The two states signed a fishing accord for 2008-2012 on Monday.", ("2012", False), None, id="for-a-range"),
    pytest.param("The firm won a contract for 2007-2011 to supply buses to the city.", ("2011", False), None, id="range-is-no-asset"),
    pytest.param("The firm won a contract for 2011-2007 to supply buses.", None, None, id="backwards-is-no-range"),
]


@pytest.mark.parametrize(("text", "expires", "asset"), YEAR_RANGES)
def test_a_term_given_as_a_range_of_years_gives_its_expiry(nlp, text, expires, asset):
    found = agreements(nlp, text)
    assert len(found) == 1
    a = found[0]
    assert (a.expires and (a.expires.value, a.expires.computed)) == expires
    assert a.asset == asset or expires is None
    if a.expires:
        ev = a.field_evidence["expires"]
        assert text[ev.start : ev.end] == ev.text


@pytest.mark.parametrize("text", [
    "The 12 accords due to be signed on Tuesday cover a gas contract.",
    "The 12 accords scheduled to be signed on Tuesday cover a gas contract.",
    "The texts set to be signed on Tuesday include a gas contract.",
])
def test_one_of_a_batch_told_as_due_to_be_signed_is_proposed(nlp, text):
    found = agreements(nlp, text)
    assert [(a.text, a.status, a.signed) for a in found] == [("a gas contract", "proposed", [])]
