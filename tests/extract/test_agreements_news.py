"""The agreements component on wire-news shapes: one agreement per named treaty, no agreement for
sought or hypothetical deals, status words that follow the gold conventions, parties from pairs and
demonyms, durations and signing days."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.extract.agreement_docs import agreements as run, only


# ---------------------------------------------------------------------- status

STATUS = [
    pytest.param("Oslo and Reykjavik signed a fisheries accord on Monday.", None, id="signing-is-no-status"),
    pytest.param("Acme and Borealis reached a supply deal worth 40 million dollars.", None, id="reaching-is-no-status"),
    pytest.param("The Baltic fisheries treaty was ratified by the Storting last year.", "ratified", id="ratified-is-ratified"),
    pytest.param("The Storting approved the Baltic fisheries treaty last year.", "approved", id="approved-is-approved"),
    pytest.param("Lawmakers regret Canada's refusal to ratify the Tallinn Convention.", None, id="refusal-to-ratify"),
    pytest.param("Few expect that Brazil will ratify the Lisbon Protocol.", None, id="expected-ratification"),
]


@pytest.mark.parametrize(("text", "status"), STATUS)
def test_status_follows_the_gold_conventions(nlp, text, status):
    assert only(nlp, text).status == status


# ---------------------------------------------------------------------- one agreement per name

ONE_AGREEMENT = [
    pytest.param(
        "Critics attacked the Helsinki Accord on Monday. The 1975 Helsinki Accord set rules for borders. "
        "Diplomats still cite the Helsinki Accord today.",
        {"signed": ["1975"]},
        id="named-with-and-without-year",
    ),
    pytest.param(
        "Under the Status of Forces Agreement (SOFA) signed by Japan and the United States in 1960, "
        "suspects stay in US custody. Lawyers say the SOFA must change.",
        {"signed": ["1960"]},
        id="acronym-defined-beside-it",
    ),
    pytest.param(
        "A truce between the army and the rebels went into effect in the north on Sunday. "
        "Aid groups said the rebels had been forced to agree to a truce after heavy losses. "
        "Analysts think a truce could ease the pressure on the capital.",
        {"status": "in force", "parties": ["the army", "the rebels"]},
        id="a-truce-restated",
    ),
]


@pytest.mark.parametrize(("text", "expected"), ONE_AGREEMENT)
def test_mentions_of_one_agreement_are_one_agreement(nlp, text, expected):
    agreement = only(nlp, text)
    for name, want in expected.items():
        got = [p.text for p in agreement.parties] if name == "parties" else getattr(agreement, name)
        assert got == want, (name, got)


def test_an_indefinite_acronym_with_its_own_side_is_another_agreement(nlp):
    text = (
        "Lorne Energy must consult the ministry under a production sharing agreement (PSA) that governs the field. "
        "Its rival Kestrel also works under a PSA with the regional government."
    )
    assert len(run(nlp, text)) == 2


def test_different_years_in_one_name_are_two_agreements(nlp):
    text = "The 1959 Arctic Treaty was replaced by the 1991 Arctic Treaty after long talks in Oslo."
    assert sorted(a.signed[0] for a in run(nlp, text)) == ["1959", "1991"]


# ---------------------------------------------------------------------- not agreements

SOUGHT = [
    pytest.param("Estonia will seek an agreement with Finland on ferry fares.", id="seek"),
    pytest.param("Sofia hopes to reach a deal with Athens on gas transit by spring.", id="hopes-to-reach"),
    pytest.param("Ministers met to assess whether it is possible to reach a deal on farm subsidies.", id="possible-to-reach"),
    pytest.param("The minister said Vienna would not sign up for a new treaty unless the quotas change.", id="negated"),
    pytest.param("Oslo and Hanoi agreed to speed up negotiations to sign a free trade agreement.", id="negotiations-to-sign"),
    pytest.param("The teams had until Friday to reach a contract agreement with the striker.", id="until-friday-to-reach"),
    pytest.param("The premier wants the talks to move forward toward a comprehensive agreement.", id="toward"),
    pytest.param("The bloc repeated its support for Georgia's early accession to the WTO.", id="support-for-accession"),
    pytest.param("The officials said the city can arrange for a bilateral agreement with the province.", id="can-arrange-for"),
    pytest.param("Rome is not the only obstacle to a deal being struck at the summit.", id="obstacle-to"),
    pytest.param("The two premiers reached agreement on holding yearly meetings.", id="reached-agreement-on"),
    pytest.param(
        "The Alpine Convention on Mountain Farming (ACMF) Executive Secretary Ana Kranj spoke in Bled on Monday.",
        id="treaty-name-inside-an-office",
    ),
    pytest.param("The envoy said the two sides were very close to reaching an agreement on the crossing.", id="close-to-reaching"),
    pytest.param("It will take a month for a multilateral agreement on satellite links to be reached.", id="to-be-reached"),
    pytest.param("The minister said that signing free trade agreements with Oman would help exporters.", id="signing-would-help"),
    pytest.param("Talks broke down after the rebels refused a government demand for a nationwide ceasefire.", id="demand-for"),
    pytest.param(
        "The leaders discussed issues relating to the World Trade Organization (WTO), and issues on Regional Trade Agreements and Free Trade Areas.",
        id="issues-on",
    ),
]


@pytest.mark.parametrize("text", SOUGHT)
def test_sought_and_hypothetical_agreements_are_not_agreements(nlp, text):
    assert run(nlp, text) == []


def test_a_scheduled_signing_is_a_proposed_agreement(nlp):
    agreement = only(nlp, "Chile and Peru will sign an agreement on fishing rights during a visit on Friday.")
    assert agreement.status == "proposed"
    assert agreement.signed == []


def test_a_memorandum_to_be_signed_is_the_agreement_announced_before(nlp):
    text = (
        "Laos and Vietnam will sign an agreement on border trade during a visit on Friday. "
        "\"The memorandum of understanding to be signed will cover border trade,\" a spokesman said."
    )
    agreement = only(nlp, text)
    assert agreement.status == "proposed"


# ---------------------------------------------------------------------- terms

TERMS = [
    pytest.param("Last month Leeds signed the winger Ivo Mandic to a four-year, 30-million-dollar deal.", {"duration": "P4Y"}, id="listed-modifiers"),
    pytest.param(
        "Acme Power signed a deal with the Lao government to build a dam. Under the deal, the concession period of the plant will be 25 years.",
        {"duration": "P25Y"},
        id="concession-period-will-be",
    ),
    pytest.param(
        "A deal signed on Monday ends the company's exclusive rights to the games, which it has enjoyed for 13 years.",
        {"duration": None},
        id="a-duration-of-another-noun",
    ),
    pytest.param("Oslo signed a port lease, which runs for 49 years.", {"duration": "P49Y"}, id="a-duration-of-the-agreement-itself"),
    pytest.param(
        "The ministry signed a deal with the agency to boost rural power from renewable energies.", {"renewal": None}, id="renewable-energy-is-no-renewal"
    ),
]


@pytest.mark.parametrize(("text", "expected"), TERMS)
def test_terms(nlp, text, expected):
    agreement = only(nlp, text)
    for name, want in expected.items():
        assert getattr(agreement, name) == want, (name, getattr(agreement, name))


# ---------------------------------------------------------------------- parties

PARTIES = [
    pytest.param("Hamas on Wednesday rejected a US-brokered deal reached between Fatah and Israel on the border crossings.", ["Fatah", "Israel"], id="between-sides-not-onlookers-or-brokers"),
    pytest.param("Rebels said the army had broken the 2019 truce agreement brokered by the Norwegians.", [], id="brokered-by-is-no-party"),
    pytest.param(
        "Chile and Peru signed a trade deal on Monday. The deal lets traders travel between Lima and Arica without visas.",
        ["Chile", "Peru"],
        id="a-far-between-is-not-about-the-deal",
    ),
    pytest.param("Both ministers signed an agreement on cooperation between the Thai and Polish justice ministries.", ["Thai", "Polish"], id="coordinated-demonyms"),
    pytest.param("Last month Leeds signed the winger Ivo Mandic to a four-year, 30-million-dollar deal.", ["Leeds", "Ivo Mandic"], id="person-signed-to-a-deal"),
]


@pytest.mark.parametrize(("text", "parties"), PARTIES)
def test_parties(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


CLAUSE_PARTIES = [
    pytest.param(
        "Israel objected to Hamas taking part in the polls, arguing that the 1993 autonomy accords bar anyone who advocates violence.",
        [],
        id="names-of-a-clause-above-are-not-parties",
    ),
    pytest.param("Communist North Korea and South Korea are locked in a tense truce.", ["North Korea", "South Korea"], id="adjective-before-a-state"),
    pytest.param(
        "Rajapakse said the ceasefire agreement signed in 2002 between the government and the Liberation Tigers of Tamil Eelam (LTTE) was short-sighted.",
        ["the government", "the Liberation Tigers of Tamil Eelam"],
        id="between-on-a-signing-participle-and-a-name-its-acronym-spells",
    ),
    pytest.param("It took two years for PKN Orlen to sign an agreement in May.", ["PKN Orlen"], id="for-x-to-sign"),
    pytest.param("Under the contract for gas supply from Russia to Bulgaria, prices stay fixed.", ["Russia", "Bulgaria"], id="ends-of-a-supply"),
    pytest.param("China has agreed to give aid to Mauritius, and trade officials signed a cooperation agreement.", ["China", "Mauritius"], id="unnamed-signers-leave-the-sentence-open"),
    pytest.param("Jordanian and Syrian officials will sign a final deal to provide Gaza with Egyptian electricity.", ["Jordanian", "Syrian"], id="a-place-the-deal-serves"),
    pytest.param("Venezuela signed an agreement to purchase a satellite from China.", ["Venezuela", "China"], id="the-seller-in-a-purpose-clause"),
    pytest.param(
        "Rebels refused to sign the peace agreement reached between Khartoum and the main faction of the Sudan Liberation Movement.",
        ["Khartoum", "the main faction of the Sudan Liberation Movement"],
        id="a-capital-taken-for-a-person-and-whose-faction",
    ),
    pytest.param("Attacks stopped after armed Palestinian factions signed a truce in March.", ["Palestinian factions"], id="a-group-named-by-its-people"),
    pytest.param("Goalkeeper Fabien Barthez has been offered a contract with French side Nantes.", ["Fabien Barthez", "Nantes"], id="the-person-offered-a-contract"),
    pytest.param("Nantes signed a six-month contract with an option to extend it.", ["Nantes"], id="an-option-is-no-side"),
    pytest.param(
        "Kenya is a member of the bloc and is also a signatory to the Agreement on the Global System of Trade Preferences Among Developing Countries.",
        ["Kenya"],
        id="a-signatory-to-a-named-treaty-not-words-of-its-name",
    ),
    pytest.param("Iran has long been in non-compliance with its Non-Proliferation Treaty, the spokesman said.", ["Iran"], id="whose-its-treaty"),
    pytest.param("Turkey has failed to implement the EU-Turkey Customs Union Protocol.", ["Turkey", "EU"], id="implementing-a-named-protocol-and-a-hyphened-name"),
    pytest.param("The European Union (EU) and Canada signed an agreement on Thursday.", ["The European Union", "Canada"], id="a-name-with-its-acronym-in-brackets"),
    pytest.param(
        "The summit came just after the signing of the North American Free Trade Agreement (NAFTA) between Mexico, Canada and the United States.",
        ["Mexico", "Canada", "the United States"],
        id="a-list-after-between",
    ),
    pytest.param("Singh is seeking Japan's blessing for a controversial India-US pact.", ["India", "US"], id="sides-in-the-name-leave-out-the-rest"),
]


@pytest.mark.parametrize(("text", "parties"), CLAUSE_PARTIES)
def test_parties_from_the_agreements_own_clause(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


def test_an_agreement_made_under_a_named_treaty_is_its_own(nlp):
    text = "Another outcome is the agreement on the management of the Adaptation Fund under the Kyoto Protocol."
    found = run(nlp, text)
    assert sorted(a.kind for a in found) == ["agreement", "protocol"], [a.text for a in found]


def test_a_treaty_named_later_is_not_an_earlier_agreement_again(nlp):
    text = (
        "We have an important agreement on the case, the minister said. "
        "The embassy said the Visiting Forces Agreement, signed in 1998 between the two governments, provides the mechanism."
    )
    named = [a for a in run(nlp, text) if "Visiting" in a.text]
    assert len(named) == 1 and named[0].signed == ["1998"]


def test_the_convention_is_a_short_reference_to_the_named_one(nlp):
    text = "Delegates met to review the 1972 Biological Weapons Convention. The Convention bans germ weapons."
    assert only(nlp, text).signed == ["1972"]


def test_a_treaty_known_by_its_name_has_no_parties_from_around_it(nlp):
    # (the state found breaking it is bound by it, and so a side; the agency that finds it is not)
    text = "In September the International Atomic Energy Agency found Iran in non-compliance with the Non-Proliferation Treaty."
    assert [p.text for p in only(nlp, text).parties] == ["Iran"]
    text = "In September the International Atomic Energy Agency told Iran to respect the Non-Proliferation Treaty."
    assert only(nlp, text).parties == []


def test_a_treaty_known_by_its_name_keeps_the_states_that_sign_it(nlp):
    text = "Estonia and Latvia signed the Riga Fisheries Convention on Monday."
    assert [p.text for p in only(nlp, text).parties] == ["Estonia", "Latvia"]


def test_demonyms_of_companies_are_not_parties(nlp):
    text = "Boeing signed an agreement on cooperation with French and European aviation companies."
    assert [p.text for p in only(nlp, text).parties] == ["Boeing"]


# ---------------------------------------------------------------------- signing dates

SIGNING_DATES = [
    pytest.param("Norway and Iceland signed a fisheries cooperation agreement Wednesday.", ["2024-06-12"], id="bare-weekday-after-the-object"),
    pytest.param("Officials said the two sides, who signed a landmark peace deal last month, still disagree.", ["2024-05"], id="bare-last-month"),
    pytest.param("A monitoring group set up under the June 26 truce agreement has met 14 times.", ["2023-06-26"], id="a-name-date-is-past"),
    pytest.param("Angola and the UN agency signed a tripartite accord in 2003, the year the war ended.", ["2003"], id="apposed-year-is-no-second-date"),
    pytest.param("Hamas rejected on Wednesday a deal reached between Fatah and Israel on Tuesday.", ["2024-06-11"], id="a-day-after-another-verb-is-its"),
    pytest.param("The cabinet endorsed Thursday the latest six-point agreement.", [], id="a-bare-day-after-another-verb-is-its"),
    pytest.param("He took part in a contract Monday to purchase 150 planes.", ["2024-06-10"], id="a-past-day-on-a-new-agreement"),
]


@pytest.mark.parametrize(("text", "signed"), SIGNING_DATES)
def test_signing_dates(nlp, text, signed):
    assert only(nlp, text).signed == signed


def test_a_scheduled_bare_date_is_no_signing_date(nlp):
    assert only(nlp, "Norway and Iceland will sign a fisheries cooperation agreement Wednesday.").signed == []


def test_a_name_set_off_after_another_restates_it(nlp):
    text = "The Brewers signed pitcher Jeff Suppan to a four-year contract on Friday, a deal worth 42 million dollars."
    agreement = only(nlp, text)
    assert agreement.duration == "P4Y"


# ---------------------------------------------------------------------- sides, topics, dates, status (issue 6, round 5)

UNNAMED_SIDES = [
    pytest.param(
        "The cabinet approved on Friday the new truce between the National Front and rebels.",
        ["the National Front", "rebels"],
        id="bare-plural-side-of-between",
    ),
    pytest.param(
        "A ceasefire between Colombia and leftist rebel groups took effect on Monday.",
        ["Colombia", "leftist rebel groups"],
        id="bare-plural-with-modifiers",
    ),
    pytest.param(
        "The Department of Fisheries and Oceans signed a deal with the Norwegian Polar Institute to map sea ice.",
        ["The Department of Fisheries and Oceans", "the Norwegian Polar Institute"],
        id="of-a-and-b-body-is-one-name",
    ),
]


@pytest.mark.parametrize(("text", "parties"), UNNAMED_SIDES)
def test_unnamed_sides_and_cut_names(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


def test_a_with_right_after_the_name_is_its_side_wherever_the_parser_hangs_it(nlp):
    text = (
        "Oil firms run the Tengiz field under a production sharing agreement (PSA) signed in 1993. "
        "The nearby Karachaganak field also operates under a PSA with the Kazakh government."
    )
    found = {a.text: a for a in run(nlp, text)}
    assert [p.text for p in found["a PSA"].parties] == ["the Kazakh government"]


TOPICS = [
    pytest.param("A pact signed in Riga waives entry fees for students from both countries.", "entry fees", id="waives"),
    pytest.param("Norway signed a protocol defining the shared fishing zone.", "the shared fishing zone", id="defining"),
    pytest.param("Estonia and Latvia signed an accord on sharing weather data.", "sharing weather data", id="gerund-after-on"),
    pytest.param(
        "The two firms signed agreements on setting up three joint ventures in shipping.",
        "setting up three joint ventures in shipping",
        id="gerund-with-particle",
    ),
    pytest.param("Oslo and Riga signed a pact on building a new ferry terminal.", "building a new ferry terminal", id="gerund-with-object"),
    pytest.param(
        "Chile signed three deals on Friday with Peru and Bolivia on cooperation in fisheries.",
        "cooperation in fisheries",
        id="topic-after-date-and-sides",
    ),
    pytest.param(
        "The utility signed a deal with the Danish Wind Agency to expand offshore generation.",
        "offshore generation",
        id="purpose-infinitive",
    ),
    pytest.param(
        "Delegates praised the 2015 Lima Accord, which aims to protect coastal wetlands.",
        "coastal wetlands",
        id="which-aims-to",
    ),
]


@pytest.mark.parametrize(("text", "asset"), TOPICS)
def test_what_an_agreement_is_about(nlp, text, asset):
    assert only(nlp, text).asset == asset


# What an agreement covers, read from the shapes wire news uses (issue 6, assets); a phrase that says
# nothing about it ("the century", "a striker", "the matter") is no asset at all.
ASSET_SHAPES = [
    pytest.param("The rebels signed a peace deal to put an end to the border war.", "the border war", id="an-end-to-x"),
    pytest.param("Rebels signed a peace accord in May to end a decade of fighting.", "a decade of fighting", id="span-of-time-as-quantity"),
    pytest.param("Norway and Iceland signed an accord liberalising coastal shipping between the two countries.", "coastal shipping", id="participle-on-name"),
    pytest.param("Seoul and Tokyo signed a pact that allows joint patrols in the strait.", "joint patrols in the strait", id="relative-clause-on-name"),
    pytest.param("The two states signed a deal Monday, lifting restrictions on grain exports.", "restrictions on grain exports", id="participle-on-signing"),
    pytest.param("Lima and Quito signed a trade accord, removing tariffs and other barriers to trade in fish and timber.", "trade in fish and timber", id="barriers-to-x"),
    pytest.param("Cairo signed a deal to supply Jordan with Egyptian natural gas.", "Egyptian natural gas", id="supply-a-name-with-x"),
    pytest.param("A truce between the army and the rebels took effect in Darfur on Monday.", "Darfur", id="truce-place-on-its-verb"),
    pytest.param("A shaky late-night truce was holding in Beirut on Tuesday.", "Beirut", id="hyphenated-adjective-is-no-compound"),
    pytest.param("An accord reached between Lima and Quito on river fishing was signed on Monday.", "river fishing", id="topic-after-signing-participle"),
    pytest.param("They signed an agreement on cooperation between the two navies, covering the exchange of officers.", "the exchange of officers", id="topic-spelled-out-after-comma"),
    pytest.param("Ghana signed an agreement for its farmers to sell cocoa to Chinese buyers.", "its farmers to sell cocoa to Chinese buyers", id="for-x-to-do-y"),
    pytest.param("The Rovers gave Smith a three-year contract, the richest contract for a striker in club history.", None, id="no-person-asset"),
    pytest.param("The club signed Jones to a five-year deal, the biggest deal for a goalkeeper in league history.", None, id="no-player-asset"),
    pytest.param("Delegates reached an agreement on the matter on Friday.", None, id="no-empty-head"),
    pytest.param("Mali signed a security pact with Niger, even though Niger has developed its own drones.", None, id="no-asset-from-subordinate-clause"),
]


@pytest.mark.parametrize(("text", "asset"), ASSET_SHAPES)
def test_asset_shapes(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_a_truce_hoped_for_somewhere_has_no_place_there(nlp):
    found = run(nlp, "Israel and Hamas agreed to a truce on Sunday. \"I hope the truce will take effect in the West Bank as well,\" he said.")
    assert [a.asset for a in found] == [None]


def test_a_member_singled_out_after_a_dated_group_takes_its_date(nlp):
    text = (
        "Chile signed four accords on Friday with Peru on trade and transport. "
        "The Chilean port authority signed a memorandum on dredging the harbour of Arica."
    )
    found = {a.text: a for a in run(nlp, text, published=dt.date(2024, 6, 16))}
    assert found["four accords"].signed == ["2024-06-14"]
    assert found["a memorandum"].signed == ["2024-06-14"]


def test_an_undated_member_long_after_a_group_keeps_no_date(nlp):
    text = (
        "Chile signed four accords on Friday with Peru on trade and transport. The talks were long. "
        "Ports were discussed. Fishing was discussed. Later, the port authority signed a memorandum on dredging."
    )
    found = {a.text: a for a in run(nlp, text, published=dt.date(2024, 6, 16))}
    assert found["a memorandum"].signed == []


def test_the_day_of_a_main_clause_dates_a_when_signing(nlp):
    text = "The mayor's hopes rose Sunday when a rival party struck a deal with her on joint lists."
    assert only(nlp, text, ).signed == ["2024-06-09"]


PRESENT_STATUS = [
    pytest.param("Workers must follow the labour agreement that governs the mine.", "in force", id="that-governs"),
    pytest.param("The refinery operates under a concession agreement with the province.", "in force", id="operates-under"),
]


@pytest.mark.parametrize(("text", "status"), PRESENT_STATUS)
def test_an_agreement_governing_now_is_in_force(nlp, text, status):
    assert only(nlp, text).status == status


# ---------------------------------------------------------------------- the other side (issue 6, round 6)

OTHER_SIDE = [
    pytest.param(
        "The Peruvian delegation arrived in Lima on Monday. The delegation discussed the stalled June agreement with the "
        "National Liberation Front (FLN), seeking Chilean mediation.",
        ["the National Liberation Front", "Peruvian"],
        id="bare-delegation-named-before",
    ),
    pytest.param(
        "Fisheries: The Icelandic government defended its 2021 agreement with the Faroe Islands on herring quotas.",
        ["the Faroe Islands", "Icelandic"],
        id="run-in-heading-is-not-the-subject",
    ),
    pytest.param(
        "The delegation of Chile criticised a deal with the Bolivian Workers Union over lithium royalties.",
        ["Chile", "the Bolivian Workers Union"],
        id="delegation-of-a-country",
    ),
    pytest.param(
        "The rebel delegation rejected the ceasefire agreement with the Mali Defence Council.",
        ["the Mali Defence Council"],
        id="a-body-of-someone-else-is-not-guessed",
    ),
    pytest.param(
        "The talks were put off because of the Chilean government's focus on a peace deal with the Mapuche Council.",
        ["the Mapuche Council", "Chilean"],
        id="owner-of-the-noun-the-agreement-hangs-on",
    ),
    pytest.param(
        "The Chilean government was preoccupied with a peace deal with the Mapuche Council.",
        ["the Mapuche Council", "Chilean"],
        id="passive-subject",
    ),
    pytest.param(
        "The government froze the 2005 agreement with the Mapuche Council last month.",
        ["the Mapuche Council", "The government"],
        id="a-government-named-by-no-state",
    ),
]


@pytest.mark.parametrize(("text", "parties"), OTHER_SIDE)
def test_the_other_side_is_the_state_the_subject_acts_for(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


HOST_STATE = [
    pytest.param(
        "Ukraine grew dependent on foreign money. A 2012 deal granted Cengiz Holding Inc. a 30-year lease on Odesa port.",
        ["Cengiz Holding Inc.", "Ukraine"],
        id="state-the-paragraph-is-about",
    ),
    pytest.param(
        "Ukraine grew dependent on foreign money.\n\nA 2012 deal granted Cengiz Holding Inc. a 30-year lease on Odesa port.",
        ["Cengiz Holding Inc."],
        id="a-new-paragraph-has-no-host",
    ),
    pytest.param(
        "Bolivia and Chile have long quarrelled. A 2014 agreement awarded Andes Minerals Corp. rights to mine lithium in Potosi, Bolivia for 25 years.",
        ["Andes Minerals Corp.", "Bolivia"],
        id="country-written-with-the-place",
    ),
    pytest.param(
        "Ukraine grew dependent on foreign money. Under a 2012 concession, Cengiz Holding runs Odesa port.",
        ["Cengiz Holding", "Ukraine"],
        id="concession-without-a-grant-verb",
    ),
    pytest.param(
        "Ukraine grew dependent on foreign money. A 2012 supply deal with Cengiz Holding Inc. covers Odesa grain.",
        ["Cengiz Holding Inc."],
        id="no-host-for-a-deal-that-is-no-concession",
    ),
]


@pytest.mark.parametrize(("text", "parties"), HOST_STATE)
def test_a_concession_is_granted_by_the_state_it_lies_in(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


def test_a_delegation_signing_stands_for_its_state_and_the_state_it_visits(nlp):
    found = only(nlp, "A top-level Fijian delegation to Japan has signed two agreements pertaining to fishing rights in the Pacific, officials said.")
    assert sorted(p.text for p in found.parties) == ["Fijian", "Japan"]
    assert found.asset == "fishing rights in the Pacific"


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("Kenya and Uganda signed a pact concerning the shared waters of Lake Victoria on Monday.", "the shared waters of Lake Victoria", id="concerning"),
        pytest.param("Oslo and Reykjavik signed an accord relating to herring catches in the Barents Sea.", "herring catches in the Barents Sea", id="relating-to"),
    ],
)
def test_a_topic_lead_after_the_name_says_what_it_covers(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_a_vague_time_word_before_a_noun_is_part_of_the_asset(nlp):
    text = "A Portuguese delegation to China signed two agreements pertaining to the future Special Administrative Region of Macau."
    found = only(nlp, text)
    assert found.asset == "the future Special Administrative Region of Macau"
    assert sorted(p.text for p in found.parties) == ["China", "Portuguese"]


def test_its_agreement_of_another_state_is_a_new_agreement(nlp):
    text = "Chile and Bolivia negotiated water deals with Argentina. Chile already ratified the pact; Bolivia intends to sign its agreement in May."
    found = run(nlp, text)
    pact = next(a for a in found if a.text == "the pact")
    own = next(a for a in found if a.text.startswith("its agreement"))
    assert pact.status == "ratified"
    assert [p.text for p in own.parties][:1] == ["Bolivia"]


# ---------------------------------------------------------------------- which phrases are agreements

NOT_AGREEMENTS = [
    pytest.param("A three-nation ceasefire monitoring committee has received 12 complaints from Chad.", id="truce-as-modifier"),
    pytest.param("A ceasefire monitoring team set up by the two sides has received 12 complaints.", id="ceasefire-team"),
    pytest.param("Observers asked the militia to clarify its stance on ceasefire after the raids.", id="bare-idea-after-on"),
    pytest.param("The striker, out of contract with Porto since June, is training alone.", id="out-of-contract-idiom"),
    pytest.param("Poland is blocking a deal that matters most to Portugal, diplomats said.", id="blocked-deal"),
    pytest.param("The Dutch presidency has been struggling to broker a deal on fishing quotas.", id="struggling-to-broker"),
    pytest.param("Ministers renewed their commitments to concluding an ambitious Doha accord.", id="commitment-to-conclude"),
    pytest.param("The law forces farmers to keep leasing pasture to the army.", id="leasing-as-activity"),
]


@pytest.mark.parametrize("text", NOT_AGREEMENTS)
def test_phrases_that_name_no_agreement(nlp, text):
    assert run(nlp, text) == []


def test_a_participle_after_the_name_keeps_it_an_agreement(nlp):
    found = run(nlp, "Minsk says the contract governing transit of gas to Poland will lapse.")
    assert [a.kind for a in found] == ["contract"]


LISTED = [
    pytest.param(
        "Officials said four accords were to be signed at the summit - a memorandum of understanding on "
        "shipping, and accords on Copernicus and Horizon.",
        ["Copernicus", "Horizon"],
        id="dash-and-on-list",
    ),
]


@pytest.mark.parametrize(("text", "names"), LISTED)
def test_agreements_listed_by_name_are_one_each(nlp, text, names):
    found = run(nlp, text)
    listed = [a for a in found if a.text in names]
    assert sorted(a.text for a in listed) == sorted(names)
    assert all(a.asset == a.text and a.status == "proposed" for a in listed)


def test_an_acronym_after_a_run_on_name_is_that_agreement(nlp):
    text = (
        "Kenya and Norway signed a Memorandum of Cooperation (MOC) on Friday to share weather data. "
        "The MOC is a voluntary agreement between the two meteorological services."
    )
    found = run(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    assert found[0].signed == ["2024-06-14"]


def test_one_descriptive_name_capitalised_or_not_is_one_agreement(nlp):
    text = (
        "The drills were held under a joint patrol agreement. The navy said the Joint Patrol Agreement "
        "(JPA), signed in 2011, covers the strait. Crews train under a joint patrol agreement every spring."
    )
    found = run(nlp, text)
    assert len(found) == 1, [a.text for a in found]
    assert found[0].signed == ["2011"]


def test_a_proper_name_does_not_refer_back_to_another_agreement(nlp):
    text = (
        "The navy said the Joint Patrol Agreement, signed in 2011, covers the strait. "
        "\"We have an important agreement on that,\" the admiral said. "
        "Critics say the Coastal Fisheries Agreement is ignored."
    )
    found = run(nlp, text)
    assert any(a.text == "the Coastal Fisheries Agreement" for a in found), [a.text for a in found]


NEWS_STATUS = [
    pytest.param("The WTO review noted that Chad is a signatory to the Lome Convention.", None, id="unrelated-review-noun"),
    pytest.param("The border pact signed in 2009 will be amended to cover drones, the candidate promised.", None, id="future-amendment"),
    pytest.param("Both sides are implementing the disarmament agreement signed in May.", "in force", id="implementing"),
    pytest.param("Both sides must start implementing the disarmament agreement signed in May.", None, id="to-start-implementing"),
    pytest.param("The disarmament agreement signed in May has not been implemented.", "stalled", id="not-implemented"),
    pytest.param("The merger agreement signed in May, which required regulatory approval, closed on Friday.", None, id="required-in-the-past"),
    pytest.param("The accord, signed in Bogota by both ministers, will require a final approval by the Senate.", "pending approval", id="require-final-approval"),
    pytest.param("The goalkeeper has reportedly been offered a contract with Lyon.", "proposed", id="offered-contract"),
    pytest.param("If the existing agreements are not renegotiated, prices will rise.", "in force", id="existing-agreements"),
]


@pytest.mark.parametrize(("text", "status"), NEWS_STATUS)
def test_status_words_in_news(nlp, text, status):
    assert only(nlp, text).status == status


def test_a_duration_of_a_second_agreement_parsed_as_a_clause_of_the_first(nlp):
    text = "Notably, a 2016 deal granted Turkey\u2019s Kalyongaz a 20-year lease on Mersin harbour, while a 2017 agreement awarded salt mining rights in Konya for 30 years."
    durations = sorted(a.duration for a in run(nlp, text))
    assert durations == ["P20Y", "P30Y"]


# ---------------------------------------------------------------------- realized, urged, known deals

URGED = [
    pytest.param("The envoy pressed the rebels to observe a five-day truce.", id="pressed-to-observe"),
    pytest.param("The UN called on the factions to honour a truce in the hills.", id="called-on-to-honour"),
    pytest.param("Washington asked the army to accept a ceasefire.", id="asked-to-accept"),
]


@pytest.mark.parametrize("text", URGED)
def test_an_agreement_others_are_urged_to_keep_is_no_agreement(nlp, text):
    assert run(nlp, text) == []


def test_a_deal_reached_before_the_story_is_dated_and_not_proposed(nlp):
    agreement = only(nlp, "The premier flew home after reaching a deal with the miners' union Saturday.")
    assert (agreement.status, agreement.signed) == (None, ["2024-06-08"])


def test_discussing_a_known_deal_does_not_make_it_proposed(nlp):
    text = "Acme signed a supply deal with Borealis in March. Staff were forbidden from discussing the deal with reporters."
    assert only(nlp, text).status is None


SIGNED_GROUPS = [
    pytest.param("The mayor forged election pacts with two leftist parties.", "election pacts", id="forged-pacts"),
    pytest.param("Chile has already reached agreements to export cherries to Japan.", "agreements", id="has-reached-agreements"),
    pytest.param("Critics say other deals signed by the previous government ignore workers.", "other deals", id="signed-by"),
    pytest.param("Both firms defended the trade deals they have negotiated with Lima.", "the trade deals", id="they-have-negotiated"),
]


@pytest.mark.parametrize(("text", "name"), SIGNED_GROUPS)
def test_a_plural_of_agreements_made_is_one_agreement(nlp, text, name):
    assert only(nlp, text).text == name


@pytest.mark.parametrize("text", [
    "Chile has not reached agreements with Japan.",
    "Chile hopes to sign agreements with Japan.",
    "The two countries had many treaties on trade.",
    "His team will look into a number of deals which took place under the old board.",
])
def test_a_plural_of_agreements_not_made_is_none(nlp, text):
    assert run(nlp, text) == []


FORWARD_AND_RESTATED = [
    pytest.param(
        "Rebels asked Oslo to clarify its stand on the truce. The rebel chief said the army had made the 2004 truce agreement useless.",
        "the 2004 truce agreement",
        id="early-definite-names-the-later-full-name",
    ),
    pytest.param(
        "The two sides signed a landmark peace deal last month. The war officially ended with the signing of a peace accord.",
        "a landmark peace deal",
        id="a-peace-accord-restates-a-peace-deal",
    ),
]


@pytest.mark.parametrize(("text", "name"), FORWARD_AND_RESTATED)
def test_one_agreement_under_other_words(nlp, text, name):
    assert only(nlp, text).text == name


def test_a_supply_contract_is_not_an_earlier_supply_deal(nlp):
    text = "Acme signed a supply deal with Ford in May. Acme also signed a supply contract with Fiat on Monday."
    assert len(run(nlp, text)) == 2


@pytest.mark.parametrize("text", [
    "The rebel leader said earlier this month that the truce would not be renewed.",
    "Officials accused the militia of violating the ceasefire near the border.",
])
def test_a_definite_agreement_kept_or_broken_exists(nlp, text):
    assert len(run(nlp, text)) == 1


def test_a_definite_agreement_with_nothing_said_stays_out(nlp):
    assert run(nlp, "The minister spoke about the deal at length.") == []


# ---------------------------------------------------------------------- review of the day's change

def test_two_agreements_alike_in_description_but_not_in_name_stay_two(nlp):
    text = "Peru signed the US-Peru Free Trade Agreement (FTA) in April. Colombia signed a free trade agreement with Canada on Tuesday."
    assert len(run(nlp, text)) == 2


def test_an_indefinite_name_with_an_acronym_is_a_new_agreement(nlp):
    text = (
        "Kazakhstan signed a production sharing agreement (PSA) with Shell on Monday. "
        "On Tuesday it signed a production sharing agreement (PSA) with BP for another field."
    )
    assert len(run(nlp, text)) == 2


REVIEW_PARTIES = [
    pytest.param("Iran and Syria are signatories to the Chemical Weapons Convention.", ["Iran", "Syria"], id="signatories-to"),
    pytest.param("Russia became a party to the Kyoto Protocol in 2004.", ["Russia"], id="became-a-party-to"),
    pytest.param("Poland and Lithuania renewed the Vilnius Energy Accord on Friday.", ["Poland", "Lithuania"], id="renewed-a-named-accord"),
]


@pytest.mark.parametrize(("text", "parties"), REVIEW_PARTIES)
def test_members_of_a_named_treaty(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


REVIEW_TERMS = [
    pytest.param("A ceasefire between Israel and Hamas was brokered in Cairo on Monday.", "asset", None, id="where-brokered-is-no-asset"),
    pytest.param("The two firms signed a supply deal on Monday, giving hope to investors.", "asset", None, id="a-market-reaction-is-no-asset"),
    pytest.param("Rebels rejected the proposed December 1 ceasefire on Tuesday.", "signed", [], id="a-proposed-date-ahead-is-no-signing"),
    pytest.param("Under a March contract with the ministry, the firm will build two bridges.", "asset", "two bridges", id="a-month-contract-with-a-side-is-real"),
    pytest.param("The firm signed a deal to build renewable-energy plants.", "renewal", None, id="renewable-energy-hyphened"),
]


@pytest.mark.parametrize(("text", "name", "value"), REVIEW_TERMS)
def test_review_terms(nlp, text, name, value):
    assert getattr(only(nlp, text), name) == value


REALIZED_STATUS = [
    pytest.param("The UN mission has brokered a ceasefire between Israel and Lebanon to prevent further escalation.", None, id="brokered-is-made"),
    pytest.param("Egypt, the first Arab country to sign a peace treaty with Israel, keeps good relations with both.", None, id="the-first-to-sign"),
    pytest.param("Although neither side has officially withdrawn from the truce signed in 2002, fighting goes on.", None, id="neither-withdrew"),
    pytest.param("Both sides officially withdrew from the truce signed in 2002.", "cancelled", id="both-withdrew"),
]


@pytest.mark.parametrize(("text", "status"), REALIZED_STATUS)
def test_made_and_denied_status(nlp, text, status):
    assert only(nlp, text).status == status


MORE_PARTIES = [
    pytest.param("Downer pointed to a Sino-Australian agreement to hold a formal dialogue.", ["Sino", "Australian"], id="paired-demonyms-in-the-name"),
    pytest.param("The Nepal-India commerce treaty expires next year.", ["Nepal", "India"], id="paired-states-the-ner-took-for-one-organisation-opening-the-sentence"),
    pytest.param("Peru praised the fisheries pact signed on Monday.", [], id="who-praises-an-agreement-is-no-side"),
    pytest.param("Chile hailed the water treaty between Peru and Bolivia on Monday.", ["Peru", "Bolivia"], id="who-hails-an-agreement-between-others-is-no-side"),
    pytest.param("Chile hailed the water treaty signed on Monday.", [], id="who-hails-an-agreement-is-no-side"),
    pytest.param("Peru praised Chile's new trade deal with Bolivia.", ["Chile", "Bolivia"], id="who-praises-anothers-deal-is-no-side"),
    pytest.param("The Senate voted to ratify the water treaty signed on Monday.", [], id="a-senate-voting-to-ratify-is-no-side"),
    pytest.param("Jordan welcomed its new trade deal with Syria.", ["Jordan", "Syria"], id="who-welcomes-its-own-deal-is-a-side"),
    pytest.param("Nigeria and Shell signed a 20-year gas supply agreement worth 10 billion dollars.", ["Nigeria", "Shell"], id="a-country-the-ner-missed-opening-the-sentence"),
    pytest.param("Iran's nuclear deal with world powers was signed in Vienna in July 2015.", ["Iran", "world powers"], id="world-powers-are-a-side"),
    pytest.param("Sri Lanka's peace broker Norway failed to arrange talks to strengthen the 2002 truce.", [], id="a-broker-is-no-side"),
    pytest.param("In the end the country agreed a deal with the mercenary company Sandline International.", ["Sandline International"], id="a-descriptor-before-a-name"),
    pytest.param("Chelsea agreed to terms with striker Ivo Mandic on a two-year deal.", ["Chelsea", "Ivo Mandic"], id="agreed-to-terms-with-a-player"),
    pytest.param("Acme Corp announced on Monday an agreement with Spain's Telefonica SA to form a joint venture.", ["Acme Corp", "Telefonica SA"], id="who-announces-an-agreement-with-y"),
    pytest.param("Acme Corp announced on Monday an agreement between Spain's Telefonica SA and Orange.", ["Telefonica SA", "Orange"], id="who-announces-an-agreement-between-others"),
    pytest.param("Obtained from Boston for three first-round picks, Tom Weller signed a seven-year contract in July.", ["Tom Weller"], id="a-participle-clause-before-the-signing"),
    pytest.param("Ivo Mandic was signed to a three-year contract by the Orvel Rockets in the offseason.", ["Ivo Mandic", "the Orvel Rockets"], id="a-player-signed-in-the-passive"),
    pytest.param(
        "Signed to a three-year contract in the offseason by the Cowboys, Owens was admitted to a hospital on Monday.",
        ["Cowboys", "Owens"],
        id="a-participle-signing-a-player",
    ),
    pytest.param("Chelsea manager Jose Mourinho signed a new four-year contract on Friday.", ["Chelsea", "Jose Mourinho"], id="a-coachs-own-contract"),
    pytest.param(
        "The lease for the aircraft was signed on Monday by officials from the Ruritanian Transport Ministry and the Orvel Aviation Agency.",
        ["the Ruritanian Transport Ministry", "the Orvel Aviation Agency"],
        id="officials-from-bodies-are-not-a-side",
    ),
    pytest.param(
        "Acme Air said it had chosen Boeing as its supplier, snubbing rival Airbus for a deal worth 20 billion dollars.",
        ["Acme Air", "Boeing"],
        id="a-rival-passed-over-is-no-side",
    ),
]


TEAMS = [
    pytest.param(
        "Denver Rockets' forward Tom Weller had surgery on Wednesday. Weller signed a seven-year contract in July of 2004.",
        ["Weller", "Denver Rockets"],
        id="the-team-written-on-the-players-position",
    ),
    pytest.param(
        "Former Denver Rockets forward Tom Weller had surgery on Wednesday. Weller signed a seven-year contract in July of 2004.",
        ["Weller"],
        id="a-former-team-is-not-the-contracts",
    ),
    pytest.param(
        "Denver Rockets forward Tom Weller and Boston Hawks guard Al Birch met on Monday. Weller signed a seven-year contract in July.",
        ["Weller", "Denver Rockets"],
        id="the-players-own-team-among-others",
    ),
]


def test_a_person_signing_in_their_own_name_is_a_party_and_their_contract_gets_no_computed_expiry(nlp):
    text = (
        "The Denver Rockets guard Tom Weller is out injured. "
        "The 35-year-old Weller, in his 14th season, signed a three-year contract with Denver in August."
    )
    contract = only(nlp, text)
    assert [p.text for p in contract.parties] == ["Denver", "Weller"]
    assert (contract.duration, contract.expires) == ("P3Y", None)


def test_a_companys_contract_gets_a_computed_expiry(nlp):
    contract = only(nlp, "Acme Corp signed a ten-year contract with the city in August 2005.")
    assert (contract.expires.value, contract.expires.computed) == ("2015-08", True)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Trade will grow, according to a second MOU signed between the two ministers on customs cooperation.", id="on-the-participle"),
        pytest.param("A second MOU was signed between the two ministers on customs cooperation.", id="on-the-passive-verb"),
    ],
)
def test_the_two_ministers_a_signing_is_between_restate_the_pair_named_before(nlp, text):
    found = run(nlp, "Chile and Peru signed a memorandum on Monday. " + text)
    assert [[p.text for p in a.parties] for a in found] == [["Chile", "Peru"], ["Chile", "Peru"]]


def test_an_agreement_with_the_same_side_in_the_next_sentence_is_the_one_just_announced(nlp):
    text = (
        "Norway and Chile are expected to sign a fisheries agreement this week, the ministry said Tuesday. "
        "The Norwegian minister, who left for Chile on Tuesday, will sign an agreement with Chile on Wednesday, the ministry said."
    )
    assert [(a.text, a.status) for a in run(nlp, text)] == [("a fisheries agreement", "proposed")]


def test_an_agreement_with_the_same_side_and_a_date_of_its_own_is_another(nlp):
    text = "Norway and Chile signed a fisheries agreement in May. In 2001, Norway signed an agreement with Chile on shipping."
    assert [a.signed for a in run(nlp, text)] == [["2024-05"], ["2001"]]


def test_a_company_name_gives_no_kind(nlp):
    found = only(nlp, "Acme signed a deal in 2005 to buy a 40 percent stake in Orvel Mining.")
    assert found.kind == "deal"


RENEWAL_OPTIONS = [
    pytest.param("The Orvel Rockets signed Tom Weller to a two-year deal that includes a club option for the 2008 season.", (False, "P1Y"), id="a-club-option-for-a-season"),
    pytest.param(
        "The Orvel Rockets signed Tom Weller to a two-year deal. The deal is worth 14 million dollars, and Weller can earn "
        "more if the Rockets exercise their club option for a third year.",
        (False, "P1Y"),
        id="an-option-told-as-a-condition-later-in-the-sentence",
    ),
    pytest.param("The Orvel Rockets signed Tom Weller to a two-year deal. He has an option to buy a house.", None, id="no-option-on-the-deal"),
]


@pytest.mark.parametrize(("text", "renewal"), RENEWAL_OPTIONS)
def test_a_season_option_is_a_one_year_renewal(nlp, text, renewal):
    found = only(nlp, text).renewal
    assert (None if found is None else (found.automatic, found.period)) == renewal


def test_an_indefinite_two_countries_restates_no_earlier_pair(nlp):
    text = "Russia and Ukraine met on Monday. Only two Arab countries, Egypt and Jordan, have signed peace treaties with Israel."
    assert [p.text for p in only(nlp, text).parties] == ["Egypt", "Jordan", "Israel"]


def test_the_two_countries_restates_the_earlier_pair(nlp):
    text = "Russia and Ukraine share a border. The two countries signed a gas deal on Monday."
    assert [p.text for p in only(nlp, text).parties] == ["Russia", "Ukraine"]


def test_a_purpose_verb_written_with_a_prefix_and_hyphen(nlp):
    text = "Ruritania and Orvelia reached an agreement on Tuesday to re-open the Tarn crossing."
    assert only(nlp, text).asset == "the Tarn crossing"


def test_who_refuses_to_renew_a_lease_holds_it(nlp):
    text = "Landowners in Tarn have refused to renew leases on army bases when they expire in May."
    lease = only(nlp, text)
    assert [p.text for p in lease.parties] == ["Landowners"]
    assert lease.renewal is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "The conference was called to spur movement toward a global trade accord. "
            "The draft names a date after implementation of the overall accord.",
            [],
            id="the-accord-that-was-only-sought",
        ),
        pytest.param(
            "Peru signed a trade accord with Chile in 2004. The draft names a date after implementation of the overall accord.",
            ["a trade accord"],
            id="the-accord-that-was-made",
        ),
        pytest.param("The draft names a date after implementation of the overall accord.", ["the overall accord"], id="an-accord-presupposed"),
    ],
)
def test_a_presupposed_accord_is_not_one_only_sought_before(nlp, text, found):
    assert [a.text for a in run(nlp, text)] == found


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Orvel offered Tom Weller a new contract, but the 35-year-old turned it down.", id="an-offer-turned-down"),
        pytest.param("He promptly suggested a formal government agreement on a programme of action.", id="an-agreement-suggested"),
        pytest.param("Our hope is that the discussions can lead to some cease-fire.", id="some-cease-fire"),
        pytest.param("The WTO will push for an agreement paving the way for a global trade pact to take effect next year.", id="the-way-for-a-pact-to-take-effect"),
        pytest.param("Energy security should be regulated by long-term agreements, Lavrov said.", id="should-be-regulated-by-agreements"),
    ],
)
def test_agreements_only_wanted_are_none(nlp, text):
    assert run(nlp, text) == []


def test_an_offer_accepted_is_an_agreement(nlp):
    assert [a.text for a in run(nlp, "Orvel offered Tom Weller a new contract, and he signed it on Monday.")] == ["a new contract"]


def test_the_current_agreements_are_not_the_one_sought(nlp):
    text = (
        "Bulgaria is negotiating with Gazprom for a long-term agreement on gas supply. "
        "The current agreements, which will expire in 2010, must be renegotiated."
    )
    assert [a.text for a in run(nlp, text)] == ["The current agreements"]


SIDE_CLAUSES = [
    pytest.param(
        "President Mobutu Sese Seko will meet with rebel leader Laurent Kabila on Friday for talks on board a ship "
        "in a deal brokered by the US mediator, UN Ambassador Bill Richardson.",
        [],
        id="the-brokers-apposition-however-parsed",
    ),
    pytest.param(
        "He fell out with the board in 2003 when it was revealed, while he was playing in a Test against Pakistan, "
        "that he had signed a contract with English county Worcestershire.",
        ["Worcestershire"],
        id="names-of-a-side-clause-are-no-sides",
    ),
    pytest.param(
        "It was revealed that he had signed a contract with English county Worcestershire which gave the county first call on his services.",
        ["Worcestershire"],
        id="a-name-after-a-noun-of-what-body-it-is",
    ),
]


PAIRS_AND_GROUPS = [
    pytest.param(
        "President Hamid Karzai and his Pakistani counterpart Pervez Musharaf reached an agreement to hold a grand assembly.",
        ["Hamid Karzai", "Pervez Musharaf"],
        id="a-person-set-off-after-a-noun-describing-him",
    ),
    pytest.param(
        "The Ministry of Health (MOH) and China Meteorological Administration (CMA) plan to make special reports, "
        "according to an agreement signed recently by the two agencies.",
        ["The Ministry of Health", "China Meteorological Administration"],
        id="the-two-agencies-written-with-acronyms-in-brackets",
    ),
    pytest.param(
        "The Maoists and seven mainstream opposition parties agreed last month to form an alliance. "
        "Under the agreement, the Maoists would lay down their arms.",
        ["Maoists", "seven mainstream opposition parties"],
        id="an-unnamed-group-among-those-who-agreed",
    ),
    pytest.param(
        "Striking Palestinian justice ministry employees, including 140 judges, will return to work after reaching a deal "
        "with the Palestinian Authority Saturday.",
        ["Striking Palestinian justice ministry employees", "the Palestinian Authority"],
        id="who-reached-it-in-an-after-clause",
    ),
]


def test_a_truce_between_the_sides_of_a_meeting_in_its_own_sentence(nlp):
    text = (
        "He said the Tigers and the government had not kept contact for months. Sri Lanka's peace broker "
        "Norway has tried but failed to arrange a top-level meeting between the two sides to strengthen the February 2002 truce."
    )
    assert [p.text for p in only(nlp, text).parties] == ["Tigers", "the government"]


def test_agreement_sealed_right_after_a_deal_is_named_is_that_deal_made(nlp):
    text = (
        "Tony Blair was praised abroad on Saturday for clinching an EU budget deal. "
        "Blair sealed agreement overnight on a tighter spending package."
    )
    deal = only(nlp, text)
    assert (deal.text, deal.signed, deal.asset) == ("budget deal", ["2024-06-14"], "a tighter spending package")


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param(
            "Layton propped up the Liberals after reaching a deal worth 4.6 billion Canadian dollars (3.7 billion US dollars) in extra spending.",
            "extra spending",
            id="what-the-value-is-in",
        ),
        pytest.param("Acme Corp. agreed a deal worth 2 billion dollars in cash and shares with Orvel Inc.", None, id="how-it-is-paid"),
        pytest.param("Acme Corp. signed a contract worth 2 billion dollars in June.", None, id="when-it-was-signed"),
    ],
)
def test_the_asset_a_deals_value_is_in(nlp, text, asset):
    assert only(nlp, text).asset == asset


def test_the_contract_after_contracts_given_to_each_is_those_contracts(nlp):
    text = (
        "Acme Corp., Orvel Inc. and Tarn Ltd. were each awarded 100 million dollar contracts in June for the campaign. "
        "The five-year contract was for media planning."
    )
    contract = only(nlp, text)
    assert (contract.text, contract.duration) == ("100 million dollar contracts", "P5Y")


def test_the_contract_after_contracts_not_given_to_each_is_its_own(nlp):
    text = "Acme Corp. and Orvel Inc. signed contracts in June. The five-year contract with Tarn Ltd. was for media planning."
    assert len(run(nlp, text)) == 2


def test_terms_told_through_the_agreements_own_term(nlp):
    text = (
        "Tony Blair was praised for clinching an EU budget deal. Acting as EU president until the end of the month, "
        "Blair sealed agreement overnight on a tighter 2007-2013 spending package with a mechanism to review it during the seven-year term."
    )
    deal = only(nlp, text)
    assert (deal.duration, deal.expires.value, deal.expires.computed) == ("P7Y", "2013", False)


@pytest.mark.parametrize(
    ("text", "duration"),
    [
        pytest.param("Acme signed the lease on Monday for the port during the seven-year term.", "P7Y", id="the-n-year-term"),
        pytest.param("Acme signed a lease with Orvel during his four-year term as mayor.", None, id="someone-elses-term"),
    ],
)
def test_the_n_year_term(nlp, text, duration):
    assert only(nlp, text).duration == duration


def test_until_in_an_opening_participle_clause_is_no_expiry(nlp):
    text = "Acting as chairman until the end of the month, Smith signed a lease with Orvel Inc. on Monday."
    assert only(nlp, text).expires is None


@pytest.mark.parametrize(("text", "parties"), MORE_PARTIES + TEAMS + SIDE_CLAUSES + PAIRS_AND_GROUPS)
def test_more_parties(nlp, text, parties):
    assert [p.text for p in only(nlp, text).parties] == parties


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "The Orvel sisters did not breach a 2001 contract for an unplayed tennis tournament, their lawyer said.",
            ("a 2001 contract", ["2001"], None),
            id="not-breached-is-one-there-is",
        ),
        pytest.param(
            "France does not wish to jeopardise a major contract for Airbus planes that Chirac is expected to clinch when he visits Beijing.",
            None,
            id="one-only-wished-not-to-be-jeopardised",
        ),
        pytest.param(
            "France's stance is motivated by a concern not to jeopardise a major contract for Airbus planes that Chirac is expected to clinch.",
            ("a major contract", [], "proposed"),
            id="a-making-expected-in-a-relative-clause",
        ),
        pytest.param(
            "The owners said they would now reconsider the contract of their hotel manager, Hugh Rhodes.",
            ("the contract", [], "under review"),
            id="reconsidered",
        ),
    ],
)
def test_agreements_negated_expected_or_reconsidered(nlp, text, found):
    got = run(nlp, text)
    assert [(a.text, a.signed, a.status) for a in got] == ([found] if found else [])


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "European Union justice ministers agreed Monday that courts should take previous convictions into account. "
            "Under the agreement, a criminal court will have to weigh previous rulings.",
            [("the agreement", ["European Union"], ["2024-06-10"])],
            id="agreed-that-something-shall-be-done",
        ),
        pytest.param(
            "The leaders had agreed that there was no point in throwing away the text. "
            "Most member states would like to retain, if not the treaty as such, at least its substance.",
            [],
            id="agreed-on-a-view",
        ),
    ],
)
def test_an_agreement_reported_by_agreed_that(nlp, text, found):
    assert [(a.text, [p.text for p in a.parties], a.signed) for a in run(nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "name", "signed"),
    [
        pytest.param(
            "Thatcher is an architect of the 1984 Sino-British Joint Declaration, the treaty that set down the terms for the return of Hong Kong.",
            "the 1984 Sino-British Joint Declaration",
            ["1984"],
            id="a-name-the-kind-noun-restates",
        ),
        pytest.param(
            "Clinton supported his view that the 1984 Joint Declaration between Britain and China was an international agreement.",
            "the 1984 Joint Declaration",
            ["1984"],
            id="a-name-said-to-be-an-agreement",
        ),
    ],
)
def test_a_proper_name_restated_by_a_kind_noun_names_the_agreement(nlp, text, name, signed):
    found = only(nlp, text)
    assert name in [e.text for e in found.evidence]
    assert found.signed == signed


def test_a_names_year_gives_no_computed_expiry(nlp):
    text = (
        "Thatcher is an architect of the 1984 Sino-British Joint Declaration, the treaty that promised Hong Kong "
        "wide-ranging autonomy for the following 50 years."
    )
    found = only(nlp, text)
    assert (found.signed, found.duration, found.expires) == (["1984"], "P50Y", None)


def test_a_place_listed_before_an_agreement_is_not_its_name(nlp):
    text = "Yoo will discuss food aid to North Korea, a new fishery pact between Tokyo and Seoul and other topics."
    assert "North Korea" not in [e.text for e in only(nlp, text).evidence]


# The twelfth session's review: inputs on which that session's first rules misfired.
REVIEWED = [
    pytest.param(
        "Officials said a Hong Kong-owned firm operates the port of Colombo under a lease that runs until 2010. "
        "The contract between Sri Lanka and India on oil storage in Trincomalee was signed in 2003.",
        [("a lease", "2010", []), ("The contract", None, ["2003"])], id="a-contract-on-something-else-is-not-the-lease",
    ),
    pytest.param(
        "The government ordered a review of the lease under which a Singapore firm runs the airport terminal. The lease expires "
        "in 2010. Separately, a Dubai company signed a 20-year lease on the airport's cargo terminal in 2005.",
        [("the lease", "2010", []), ("a 20-year lease", "2025", ["2005"])], id="another-lease-on-a-terminal",
    ),
    pytest.param(
        "Ukraine signed a 2006 gas deal with Russia in January. Georgia said the 2006 accord on troop withdrawal, reached with "
        "Moscow in March, was being respected.",
        [("a 2006 gas deal", None, ["2006-01"]), ("the 2006 accord", None, ["2006-03"])], id="two-agreements-of-one-year",
    ),
    pytest.param("Russia cut gas supplies to Ukraine on January 1. The two countries signed a deal, officials said.", [("a deal", None, [])], id="the-two-countries-after-no-meeting"),
    pytest.param("The ceasefire was signed months after a conference in Oslo in March.", [("The ceasefire", None, [])], id="months-after-a-meeting"),
    pytest.param(
        "The lease on the Manas air base expires in 2007, officials said. Separately, the US Navy leases two tankers from a Greek firm.",
        [("The lease", "2007", []), ("leases", None, [])], id="a-lease-of-something-else-told-by-its-verb",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REVIEWED)
def test_the_reviewed_misfires_stay_mended(nlp, text, expected):
    found = run(nlp, text, dt.date(2006, 11, 15))
    assert [(a.text, a.expires.value if a.expires else None, a.signed) for a in found] == expected


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        pytest.param("Iran sold 2.5 million barrels of oil a day to China and Japan last year.\n\nThe nuclear agreement reached in Paris will be reviewed.", "China", id="a-sale-before-is-no-trade-of-it"),
        pytest.param("Wayne Rooney fouled defender Ricardo Carvalho on Sunday. His contract runs until 2010.", "Ricardo Carvalho", id="fouled-is-no-hiring"),
        pytest.param("Reuters reported that Vodafone had approved its takeover of Hutchison Essar. The deal will be completed in May.", "Reuters", id="the-reporter-of-its-takeover"),
    ],
)
def test_the_reviewed_false_sides_stay_out(nlp, text, absent):
    assert absent not in [p.text for a in run(nlp, text, dt.date(2006, 11, 15)) for p in a.parties]


def test_an_act_no_longer_done_under_an_agreement_says_nothing_of_its_force(nlp):
    found = only(nlp, "Russia no longer operates the Skrunda radar under the 1994 agreement signed with Latvia.", dt.date(2006, 11, 15))
    assert found.status is None


# misfires the two reviews of the thirteenth session's rules found, kept mended
SESSION_REVIEWED = [
    pytest.param(
        "AMMAN, Nov 15 (AFP) - Syria on Wednesday condemned an air raid on Gaza. Iraq, which signed a trade treaty in 1998, also condemned the raid.",
        "a trade treaty", ["Iraq"], id="a-third-state-that-signed-one",
    ),
    pytest.param(
        "LIMA, Nov 15 (AFP) - Chile will seek to extend its trade pact with Canada, the minister said. Peru signed a similar agreement in April.",
        "a similar agreement", ["Peru"], id="a-similar-one-of-another-state",
    ),
    pytest.param(
        "LUANDA, Nov 15 (Reuters) - Angola on Wednesday suspended the mining licence of a Canadian company. First Quantum, which holds a "
        "copper concession in Zambia, said it was studying the decision.",
        "a copper concession", ["First Quantum"], id="a-grant-in-another-state",
    ),
    pytest.param(
        "HARARE, Nov 15 (AFP) - Zimbabwe and China signed a power deal on Wednesday. It follows a similar agreement signed in March.",
        "a similar agreement", [], id="follows-a-similar-one",
    ),
    # (from the second review)
    pytest.param("President Hugo Chavez said it was time to review the oil contract with Exxon Mobil.", "the oil contract", ["Exxon Mobil"], id="a-dummy-it"),
    pytest.param(
        "Moody's said on Monday it could downgrade Ukraine's credit rating if the gas supply deal with Gazprom collapsed.",
        "the gas supply deal", ["Gazprom"], id="another-verb-between",
    ),
    pytest.param(
        "SINGAPORE, Nov 15 (Reuters) - Singapore Airlines ordered 20 Boeing 787 jets on Wednesday. The order follows a service "
        "agreement with Rolls-Royce announced by Qantas last month.",
        "a service agreement", ["Rolls-Royce"], id="made-by-another-company",
    ),
    pytest.param(
        "BOGOTA, Nov 15 (AFP) - Colombia's Congress on Wednesday began debating the free trade pact. The trade agreement with the "
        "United States was signed in Washington in February.",
        "The trade agreement", ["the United States", "Colombia"], id="signed-with-no-signer-told",
    ),
    pytest.param(
        "Berlin's city government signed an agreement with Germany on Monday to take over the city's Tempelhof airport.",
        "an agreement", ["Berlin", "Germany"], id="a-citys-own-government",
    ),
]


@pytest.mark.parametrize(("text", "mention", "parties"), SESSION_REVIEWED)
def test_the_sessions_reviewed_side_misfires_stay_mended(nlp, text, mention, parties):
    found = next(a for a in run(nlp, text, dt.date(2006, 11, 15)) if a.text == mention)
    assert [p.text for p in found.parties] == parties


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Telenor signed a deal with Orascom on Wednesday to buy a stake in its unit, with an option for the group to extend its stake to 51 percent.", id="an-option-to-extend-a-stake"),
        pytest.param("Qantas signed a 10-year deal with Boeing on Wednesday, with an option for the airline to extend its order by another 12 aircraft.", id="an-option-to-extend-an-order"),
    ],
)
def test_an_option_to_extend_something_else_is_no_renewal(nlp, text):
    assert all(a.renewal is None for a in run(nlp, text, dt.date(2006, 11, 15)))


def test_a_surname_inside_a_companys_name_leaves_a_players_contract_personal(nlp):
    text = "Defender Wood signed a three-year contract with Aberdeen on Wednesday. Club sponsor John Wood Group has agreed to pay part of his salary."
    assert [a.expires for a in run(nlp, text, dt.date(2006, 11, 15)) if a.text == "a three-year contract"] == [None]


def test_an_agreement_extended_to_a_new_party_is_sought_not_renewed(nlp):
    assert run(nlp, "Japan plans to extend a new yen loan agreement to Vietnam next year, the foreign ministry said.", dt.date(2006, 11, 15)) == []


def test_an_option_to_extend_the_contract_by_a_year_is_a_renewal_option(nlp):
    text = "Chelsea signed Silva to a four-year contract with an option for the club to extend the contract by a further year."
    found = next(a for a in run(nlp, text, dt.date(2006, 11, 15)) if a.text == "a four-year contract")
    assert found.renewal is not None and found.renewal.automatic is False


def test_a_dispute_over_something_a_deal_ends_says_what_it_covers(nlp):
    text = "India and Bangladesh signed a water-sharing agreement on Monday, ending a 20-year dispute over the Ganges river waters."
    assert [a.asset for a in run(nlp, text, dt.date(2006, 11, 15))] == ["a 20-year dispute over the Ganges river waters"]
