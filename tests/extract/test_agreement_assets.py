"""What an agreement covers (its asset), read from the shapes wire news uses for it: the infinitive on
its signing or after a copula, the clause a verb of permission opens, and names that say what they cover."""

from __future__ import annotations

import pytest

from tests.extract.agreement_docs import agreements, analyse as run, only


PURPOSE = [
    pytest.param(
        "The minister said the Harbour Access Agreement, signed in 2001 between the Tolmark and Vessia governments "
        "to allow Vessian trawlers return to the northern fjords after they left in 1999, still applies.",
        "Vessian trawlers return to the northern fjords",
        id="purpose-on-the-signing-participle-a-clause-with-no-object",
    ),
    pytest.param(
        "The pact, signed in 2004 to allow Norvian warships to use the port of Karsa, expires next year.",
        "the port of Karsa",
        id="purpose-on-the-signing-participle-the-clauses-object",
    ),
    pytest.param(
        "One of several deals he signed Tuesday in Rome was for the Italian firm to build a Meridian 4 weather satellite.",
        "a Meridian 4 weather satellite",
        id="copula-one-of-the-deals-was-for-x-to-make-y",
    ),
    pytest.param(
        "The aim of the deal signed with Malawi on Monday is to cut tariffs on cotton.",
        "tariffs on cotton",
        id="copula-the-aim-of-the-deal-is-to",
    ),
    pytest.param(
        "The deal signed in May is to take effect on Monday.",
        None,
        id="taking-effect-is-no-asset",
    ),
]


@pytest.mark.parametrize(("text", "asset"), PURPOSE)
def test_what_an_agreement_is_for(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_what_a_first_mention_is_for_outranks_a_later_topic(nlp):
    text = (
        "Brazil and Chile signed a memorandum of understanding on Tuesday to set up a joint monitoring office for river pollution. "
        "The memorandum is a voluntary accord between environment agencies on water and soil quality, officials said."
    )
    found = run(nlp, text)._.cw_agreements
    assert [a.asset for a in found] == ["a joint monitoring office"]


NAMED = [
    pytest.param(
        "Zambia is also a signatory to the Agreement on the Regional Scheme of Tariff Cuts Among Landlocked States (RSTC).",
        "the Regional Scheme of Tariff Cuts Among Landlocked States",
        id="the-name-says-what-it-covers",
    ),
    pytest.param(
        "Peru and Chile signed a Memorandum of Understanding on fisheries cooperation on Friday.",
        "fisheries cooperation",
        id="a-capitalised-kind-that-is-no-name",
    ),
    pytest.param("The Lisbon Accord on climate change took effect in 2016.", None, id="a-lower-case-gloss-after-a-name"),
    pytest.param("Britain ratified the Treaty on European Union in 1993.", None, id="a-name-after-on-is-no-asset"),
]


@pytest.mark.parametrize(("text", "asset"), NAMED)
def test_what_a_named_agreement_covers(nlp, text, asset):
    assert only(nlp, text).asset == asset


SHAPES = [
    pytest.param(
        "Lopez praised the Chile-Peru pact that allows joint fishing patrols even though Lima has built new warships.",
        "joint fishing patrols",
        id="an-object-before-a-clause-of-though-parsed-as-its-complement",
    ),
    pytest.param(
        "Delegates met ahead of a session of the Oslo Convention on the Safe Handling of Industrial Solvents and their Storage.",
        "the Safe Handling of Industrial Solvents",
        id="a-long-title-after-on-is-the-topic-whatever-the-ner-says",
    ),
    pytest.param(
        "Ports must follow the Regional Convention for the Protection of Coral Reefs from Dredging (RCPR).",
        "the Protection of Coral Reefs from Dredging",
        id="a-title-after-for-goes-on-through-its-prepositions",
    ),
    pytest.param(
        "Ghana and Togo signed a memorandum of understanding here Tuesday on the joint policing of their border.",
        "the joint policing of their border",
        id="here-and-a-date-before-the-topic",
    ),
    pytest.param(
        "Trade will grow, according to a third MOU signed between the two ministers on customs cooperation.",
        "customs cooperation",
        id="the-topic-the-parser-hangs-on-the-sides-of-an-acronym",
    ),
    pytest.param(
        "Norway and Iceland signed an agreement on Friday, facilitating Iceland's participation in Nordic rescue missions.",
        "Iceland's participation in Nordic rescue missions",
        id="a-participle-on-the-signing",
    ),
    pytest.param(
        "Refugees began to return home after a peace agreement ended a 14-year-old civil war in the east.",
        "a 14-year-old civil war in the east",
        id="the-agreement-as-subject-of-an-effect-verb",
    ),
    pytest.param(
        "Chad and Sudan signed a truce that ended the 2006 war in the border region.",
        "the 2006 war in the border region",
        id="a-year-that-names-which-war",
    ),
    pytest.param(
        "The two premiers witnessed the signing of a cooperation deal on fisheries, tourism and health care.",
        "fisheries, tourism and health care",
        id="a-listed-topic-runs-to-its-last-item",
    ),
    pytest.param(
        "Quito said it would ratify the UN convention on civil, political and cultural rights next year.",
        "civil, political and cultural rights",
        id="listed-adjectives-of-one-topic",
    ),
    pytest.param(
        'Chile and Peru signed an agreement on the "guiding principles" for settling the border dispute.',
        'the "guiding principles"',
        id="a-quoted-topic",
    ),
    pytest.param("Chile and Peru reached a deal on how to share the river water.", None, id="on-how-to-is-no-noun-phrase"),
    pytest.param(
        "Peru signed an agreement on fisheries, which takes effect in May.",
        "fisheries",
        id="a-comma-before-a-clause-ends-the-topic",
    ),
    pytest.param("Chile and Peru signed the treaty at a ceremony in Lima on Monday.", None, id="the-ceremony-it-was-signed-at-is-no-asset"),
    pytest.param("Tokyo praised the US-Japan security treaty on Monday.", "security", id="the-paired-sides-before-the-name-are-not-its-subject"),
    pytest.param("The Egypt-Jordan peace treaty was signed in 1994.", None, id="paired-sides-and-a-kind-word-leave-no-subject"),
    pytest.param("Everton signed Tom Hale on a five-year contract that includes a buy-out clause of 40 million pounds.", None, id="a-verb-inside-a-hyphenated-word-is-no-verb"),
    pytest.param("Freedonia ratified the convention on Friday, allowing it to enter into force.", None, id="what-it-lets-the-agreement-itself-do"),
    pytest.param("The two sides signed an agreement on joint border patrols starting Monday.", "joint border patrols", id="a-participle-read-as-a-preposition-ends-it"),
    pytest.param(
        "The 2004 agreement between Norway and Iceland allows them to fish in each other's waters.",
        "them to fish in each other's waters",
        id="what-it-lets-others-do",
    ),
    pytest.param(
        "\"The deal opens a wide range of opportunities for both sides,\" said the French minister, praising the accord with Chile.",
        None,
        id="an-outlook-is-no-asset",
    ),
]


@pytest.mark.parametrize(("text", "asset"), SHAPES)
def test_asset_shapes_of_wire_news(nlp, text, asset):
    assert only(nlp, text).asset == asset


FRAMED = [
    pytest.param("The Karsa grain terminal is run under a 30-year lease with Baltport.", "The Karsa grain terminal", id="passive-subject-of-a-verb-of-use"),
    pytest.param(
        "Sakhalin-1 is run by Exxon. Sakhalin-3 also operates under a production sharing agreement with the Russian state.",
        "Sakhalin-3",
        id="active-subject-that-is-a-project",
    ),
    pytest.param("The firm operates under a contract with Belarus signed in 2004.", None, id="an-operator-is-no-asset"),
    pytest.param("Vestor Oil operates Karsa-2 under a production sharing agreement signed in 1994.", "Karsa-2", id="a-named-project-operated-under-it"),
    pytest.param("Vestor Oil took over the Karsa terminal under a 25-year lease in 2019.", "the Karsa terminal", id="a-facility-taken-over-under-it"),
    pytest.param(
        "Naval drills are held every year under the treaty with Manila signed in 1951.",
        None,
        id="an-event-held-under-a-treaty-is-no-asset",
    ),
    pytest.param(
        "Nokia signed a deal with Vodafone under which it will supply mobile handsets to the operator.",
        "mobile handsets",
        id="under-which-hung-on-the-side-named",
    ),
]


@pytest.mark.parametrize(("text", "asset"), FRAMED)
def test_what_is_run_under_an_agreement(nlp, text, asset):
    assert only(nlp, text).asset == asset


NAMED_OBJECTS = [
    pytest.param("Croatia and the Serbs signed an accord on Eastern Slavonia in November 1995.", "Eastern Slavonia", id="a-place-an-accord-is-on"),
    pytest.param("Russia and Ukraine signed an agreement on the Black Sea Fleet in 1997.", "the Black Sea Fleet", id="a-named-body-an-agreement-is-on"),
    pytest.param("Israel and the Palestinians reached an agreement to reopen Rafah Crossing.", "Rafah Crossing", id="a-facility-the-model-takes-for-a-person"),
    pytest.param(
        "Midland Bancorp. announced an agreement to acquire the Peoria, Ill., bank holding company in January.",
        "the Peoria, Ill., bank holding company",
        id="a-place-and-its-state-inside-the-phrase",
    ),
    pytest.param("Slovakia signed a contract for Hungary on Monday.", None, id="a-state-a-contract-is-for-is-a-party"),
    pytest.param("Tolmark signed a deal with Vessia to supply Ghana.", None, id="a-state-supplied-is-no-asset"),
    pytest.param(
        "The deal, signed by officials of the two sides, sets up the Regional Fund for Clean Water.",
        "the Regional Fund for Clean Water",
        id="a-body-it-creates-with-its-whole-name",
    ),
]


@pytest.mark.parametrize(("text", "asset"), NAMED_OBJECTS)
def test_a_name_is_what_an_agreement_covers(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_an_agreement_that_sets_up_a_named_body_is_told_though_no_side_is_named(nlp):
    found = only(nlp, "The agreement sets up the UN Peacebuilding Fund for Sierra Leone and Burundi, diplomats said.")
    assert found.asset.startswith("the UN Peacebuilding Fund") and found.parties == []


def test_the_agreements_own_acronym_is_not_its_subject(nlp):
    text = (
        "Ministers called for the Baltic Free Trade Agreement (BFTA) to take effect by March. "
        '"We must settle the issues that keep us from the final agreement on BFTA," the chairman said.'
    )
    assert [a.asset for a in run(nlp, text)._.cw_agreements] == [None]


AIMS_AND_AFTERMATHS = [
    pytest.param("Tolmark and Vessia signed an accord aimed at ending the border conflict.", "the border conflict", id="aimed-at-a-gerund"),
    pytest.param(
        "Norvia is a party to the Karsa Protocol, which is aimed at reducing greenhouse gas emissions.",
        "greenhouse gas emissions",
        id="a-relative-clause-aimed-at-a-gerund",
    ),
    pytest.param(
        "He helped draft a 1995 accord under which the Vessian enclave is being returned to Tolmark.",
        "the Vessian enclave",
        id="what-is-being-returned-under-it",
    ),
    pytest.param("The separatists declared a permanent ceasefire in March after four decades of bombings.", "four decades of bombings", id="a-truce-after-the-fighting"),
    pytest.param("The separatists declared a ceasefire in March after talks in Oslo.", None, id="a-truce-after-talks-covers-no-talks"),
    pytest.param("The separatists declared a ceasefire after months of clashes.", "months of clashes", id="a-truce-after-fighting-named-in-the-plural"),
    pytest.param("The rebels broke the ceasefire after an attack on their positions.", None, id="what-broke-a-truce-is-not-what-it-ended"),
    pytest.param("Order was restored after the truce was signed in March.", None, id="restored-outside-the-agreement"),
    pytest.param("The agreement on the date from which the tariffs apply was signed in May.", "the date", id="a-date-noun-is-no-verb-of-dating"),
]


@pytest.mark.parametrize(("text", "asset"), AIMS_AND_AFTERMATHS)
def test_what_an_agreement_is_aimed_at_or_ends(nlp, text, asset):
    assert only(nlp, text).asset == asset


GOODS_AND_FACILITIES = [
    pytest.param("Vessia's new government cancelled the Karsa port contract with Baltport in January.", "Karsa port", id="a-port-a-contract-is-for"),
    pytest.param("Tolmark said it would reconsider the phosphate concession awarded to a foreign firm in 2018.", "phosphate", id="goods-the-tagger-reads-as-an-adjective"),
    pytest.param("Tolmark said it would reconsider the lucrative concession awarded to a foreign firm in 2018.", None, id="an-adjective-is-no-goods"),
]


@pytest.mark.parametrize(("text", "asset"), GOODS_AND_FACILITIES)
def test_goods_and_facilities_named_before_the_kind(nlp, text, asset):
    assert only(nlp, text).asset == asset


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("Italy and Libya signed a friendship treaty in Benghazi on Saturday.", "friendship", id="a-treaty-signed-in-a-city"),
        pytest.param("A 2011 contract awarded copper mining rights in Katanga for 25 years.", "copper mining in Katanga", id="but-rights-in-a-place"),
        pytest.param("The firm holds a port lease in Tartus.", "port in Tartus", id="and-a-lease-in-a-place"),
        pytest.param("Iran and the EU reached a preliminary agreement on the nuclear issue in Paris.", "the nuclear issue", id="a-topic-then-where-it-was-reached"),
        pytest.param("The two sides signed an agreement on investment in Iraq.", "investment in Iraq", id="but-a-place-the-topic-is-in"),
        pytest.param("The two states reached an agreement on troop withdrawals in eastern Moldova.", "troop withdrawals in eastern Moldova", id="but-a-region-the-topic-is-in"),
        pytest.param("The firms signed a deal on gas production in Qatar.", "gas production in Qatar", id="but-a-country-the-topic-is-in"),
        pytest.param("The firms signed a deal on gas supplies in Vienna.", "gas supplies", id="a-city-it-was-signed-in"),
        pytest.param("The two sides reached a deal on water sharing early on Monday.", "water sharing", id="when-it-was-reached-is-no-part-of-it"),
    ],
)
def test_where_an_agreement_was_signed_is_not_what_it_covers(nlp, text, asset):
    assert only(nlp, text).asset == asset


@pytest.mark.parametrize(
    ("text", "phrase", "asset"),
    [
        pytest.param(
            "Gazprom and CNPC signed a 30-year deal in May. Under the agreement, Gazprom will supply 38 billion cubic metres of gas a year to China.",
            "deal", "38 billion cubic metres of gas", id="what-it-has-one-side-supply",
        ),
        pytest.param("Under the contract, Airbus will deliver 20 A320 jets to the airline by 2022.", "contract", "20 A320 jets", id="what-it-has-one-side-deliver"),
        pytest.param("The contract was signed after Russia supplied weapons to Syria.", "contract", None, id="not-what-was-supplied-before-it"),
    ],
)
def test_what_an_agreement_has_one_side_supply_is_what_it_covers(nlp, text, phrase, asset):
    found = [a for a in run(nlp, text)._.cw_agreements if phrase in a.text]
    assert [a.asset for a in found] == [asset]


def test_what_one_side_supplies_another_with_is_what_is_supplied(nlp):
    assert only(nlp, "Under the agreement, Iran will supply the plant with fuel.").asset == "fuel"


def test_a_place_what_it_covers_is_built_in_stays_in_it(nlp):
    text = "The memorandum commits Airbus to exploring the feasibility of building an aircraft assembly plant in China."
    assert only(nlp, text).asset == "an aircraft assembly plant in China"


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("The government and the rebels signed a peace accord in 2016, ending more than five decades of conflict.", "more than five decades of conflict", id="more-than-a-number"),
        pytest.param("The airline signed a deal to buy more than 20 aircraft.", "more than 20 aircraft", id="more-than-a-count-of-goods"),
    ],
)
def test_a_count_written_more_than_is_one_phrase(nlp, text, asset):
    assert only(nlp, text).asset == asset



def test_what_an_agreement_bans_is_what_it_covers(nlp):
    text = "The Chemical Weapons Convention, which entered into force in 1997, bans the production and stockpiling of chemical weapons."
    assert [a.asset for a in agreements(nlp, text)] == ["the production and stockpiling of chemical weapons"]


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("Vietnam and Laos signed a protocol in Vientiane on Tuesday on the demarcation of their border.", "the demarcation of their border", id="in-a-city-on-a-day"),
        pytest.param("A 2011 contract awarded copper mining rights in Katanga for 25 years.", "copper mining in Katanga", id="not-rights-in-a-place"),
    ],
)
def test_what_an_agreement_covers_is_read_past_where_and_when_it_was_signed(nlp, text, asset):
    assert [a.asset for a in agreements(nlp, text)] == [asset]


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("China and Russia signed an agreement in Beijing on Monday on the eve of the summit.", None, id="on-the-eve-of"),
        pytest.param("The EU and Morocco signed an agreement on Monday banning foreign trawlers from fishing near the coast.", None, id="banning-someone-from"),
    ],
)
def test_when_and_whom_a_signing_binds_are_not_what_it_covers(nlp, text, asset):
    assert [a.asset for a in agreements(nlp, text)] == [asset]


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("Egypt signed an agreement with Israel on Tuesday on the opening of the Rafah crossing.", "the opening of the Rafah crossing", id="an-opening"),
        pytest.param("Poland signed an agreement with Lithuania on Monday banning imports of meat from Belarus.", "imports of meat", id="a-ban-on-goods-from"),
    ],
)
def test_topics_headed_by_an_opening_and_bans_on_goods_from_a_place_are_assets(nlp, text, asset):
    assert [a.asset for a in agreements(nlp, text)] == [asset]


def test_a_verb_of_use_with_its_particle_takes_no_asset(nlp):
    text = (
        "The minister said Russia's fleet should prepare to leave its base, since the lease agreement between the two "
        "countries runs out in 2017.\n\nThe agreement is clear, he said."
    )
    assert [a.asset for a in agreements(nlp, text)] == [None]


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("Dock workers accepted a two-year pay deal on Wednesday, lifting the threat of strikes over Christmas.", None, id="the-threat-of-strikes"),
        pytest.param("Keita signed a four-year contract extension with Lens on Tuesday, ending months of speculation over his future.", None, id="speculation"),
        pytest.param("Peru and Ecuador signed a peace accord on Monday, ending a long dispute over the border.", "a long dispute over the border", id="a-peace-accords-dispute"),
    ],
)
def test_a_strike_or_speculation_a_deal_ends_is_not_what_it_covers(nlp, text, asset):
    assert [a.asset for a in agreements(nlp, text)] == [asset]
