"""Which phrases become agreements: wanted, imagined, conditional and generic agreements, consensus,
idioms and wire slugs are not agreements; concluded and scheduled ones are."""

from __future__ import annotations

import pytest

from tests.extract.agreement_docs import agreements, analyse as run


NOT_AGREEMENTS = [
    pytest.param('Diplomats say the two governments are "moving closer" to an accord on fishing quotas.', id="closer-in-quotes"),
    pytest.param("Analysts expect that the negotiations would likely lead to a deal on lower tariffs.", id="would-lead-to"),
    pytest.param("The minister said that a regional agreement on water would be the best solution.", id="would-be-a-solution"),
    pytest.param("The deal, taken together with last year's reforms, will cut tariffs by half.", id="a-participle-that-makes-nothing"),
    pytest.param("Each employee at the plant signs a personal contract with the owners.", id="each-signs-generic"),
    pytest.param("The bank is doing all it can so that a contract can be signed on supplies for next year.", id="so-that-can-be-signed"),
    pytest.param("The union says the memo reflected one official's view, not an agreement, and warned of a strike.", id="not-an-agreement"),
    pytest.param("Kiev warns that unless a deal is reached on prices with Moscow, deliveries will suffer.", id="unless-reached"),
    pytest.param('"If we are going to do a deal on the budget, it is now," the minister said.', id="if-going-to-do"),
    pytest.param("Boeing is competing for a 40 billion dollar tanker contract with the Air Force.", id="competing-for"),
    pytest.param("The EU launched talks with Ankara over the country's accession last year.", id="talks-over-possessed-accession"),
    pytest.param("Officials from Chile and Peru are working to finalize a trade deal before the summit.", id="to-finalize"),
    pytest.param("The leaders discussed the possibility of establishing a free trade agreement among member states.", id="possibility-of-establishing"),
    pytest.param("Norway has secured the commitment of both sides to observe a truce and resume talks.", id="commitment-to-observe"),
    pytest.param("Farm groups from Ohio won a better deal for small growers in the budget.", id="a-better-deal"),
    pytest.param("The summit in Oslo was meant to produce a package deal on aid and reform.", id="package-deal"),
    pytest.param("There is broad agreement between the ministries on the new rules.", id="broad-agreement"),
    pytest.param("(ASIA-PACIFIC-TRADE-DEAL)", id="wire-slug"),
    pytest.param("Analysts said a potential deal between the two lenders would be profitable.", id="potential-deal"),
    pytest.param("Ministers from Kenya and Uganda will talk about a bilateral trade agreement next week.", id="talk-about"),
    pytest.param("The club said it has yet to offer the defender a new contract.", id="yet-to"),
    pytest.param("In his March 3 memorandum to the president, the adviser urged new steps.", id="a-persons-memorandum"),
    pytest.param("In 1998 the holiday was renamed the Day of Unity and Accord by decree.", id="a-word-in-another-title"),
    pytest.param("Norway and Chile are not expected to sign a fisheries agreement this year.", id="not-expected-to-sign"),
    pytest.param("The minister hopes to have a memorandum signed with Boeing by March.", id="hopes-to-have-signed"),
    pytest.param("Opening a World Lawyers Convention on Burma that drew delegates from 30 countries, he urged reform.", id="convention-opened-meeting"),
    pytest.param("The minister was quoted as saying in Baptist Union convention in Atlanta that taxes would fall.", id="convention-in-a-city"),
    pytest.param("He told the party convention in Denver that he would win.", id="convention-told"),
    pytest.param("Under the terms of the deal being discussed, rebels would disarm.", id="under-a-deal-still-discussed"),
    pytest.param("Arsenal have denied reports that their captain had rejected a fresh deal.", id="rejected-offer"),
    pytest.param("Farm ministers will meet in Accra next week to prepare for the coming WTO convention.", id="coming-convention"),
    pytest.param("But they stressed that actual accession will be strictly based on reforms.", id="bare-accession-idea"),
    pytest.param("The striker has been out of contract since June.", id="out-of-contract"),
    pytest.param("The hostage swap deal was reportedly also among the top items on the agenda of his visit to Cairo.", id="deal-on-the-agenda"),
    pytest.param("A new trade pact is on the agenda for the summit.", id="pact-on-the-agenda"),
    pytest.param("The union, which is designed to unite twelve Andean states in a customs pact, has been delayed by disputes.", id="designed-to-unite-in"),
    pytest.param("The judge explained the difference between a lease agreement and a title deed to the farmers.", id="difference-between"),
    pytest.param("Voters face a choice between a title deed and a lease agreement.", id="choice-between-second"),
    pytest.param("Officials said the two firms are close to signing a deal.", id="close-to-signing-a-deal"),
    pytest.param("European Union leaders meet Friday amid agreement to slow down the process of enlargement.", id="amid-agreement-to"),
    pytest.param('"There is now acknowledgement from all parties that an agreement can be made," he said.', id="can-be-made"),
    pytest.param("A lease is a usage agreement between the equipment owner and the user of the equipment.", id="definition-of-a-lease"),
    pytest.param("Berlin is hoping the better mood will translate into an agreement, the source said.", id="will-translate-into"),
    pytest.param("Given the differences on a ceasefire that still divide the warring sides, a meeting looks unlikely.", id="differences-on"),
    pytest.param("A deal is a deal, the minister said.", id="a-deal-is-a-deal"),
    pytest.param("Before that, it had been seeking admission to the WTO's predecessor, the General Agreement on Tariffs and Trade (GATT), since 1986.", id="a-bodys-predecessor"),
    pytest.param("EU leaders agreed Thursday on the urgent need for a budget deal, the prime minister said.", id="need-for"),
    pytest.param(
        'Orbis wants to sell its stake and is negotiating with Cado over a billion-euro deal. Asked whether Cado was in a position '
        'to finance such a deal, its chief replied: "We can do this deal if we want to."',
        id="such-a-deal",
    ),
    pytest.param('A ministry source said the two countries had "almost reached an agreement" on fishing quotas.', id="almost-reached"),
    pytest.param("The two sides had nearly signed a truce when the shelling resumed.", id="nearly-signed"),
    pytest.param("The firm said that without an accord on a new three-year contract it would halt deliveries to Minsk from Monday.", id="without-an-accord-on"),
    pytest.param("Government negotiators and the rebels ended a round of talks in Oslo on Tuesday without agreeing on a ceasefire.", id="without-agreeing-on"),
    pytest.param("The talks ended on Tuesday without signing a deal.", id="without-signing"),
    pytest.param("Union leaders said the deal to end the strike was very close.", id="the-deal-was-close"),
    pytest.param("Officials in Lima said an agreement on the border was near.", id="an-agreement-was-near"),
    pytest.param("The win gave the team a new lease of life.", id="a-lease-of-life"),
    pytest.param("The merger gave the brand a new lease on life.", id="a-lease-on-life"),
]


@pytest.mark.parametrize("text", NOT_AGREEMENTS)
def test_no_agreement_is_found(nlp, text):
    assert [a.text for a in run(nlp, text)._.cw_agreements] == []


AGREEMENTS = [
    pytest.param("The two sides reaffirmed previous agreements reached in Nairobi.", "previous agreements", id="previous-plural-reached"),
    pytest.param("The two countries signed a trade agreement in Hanoi on Monday.", "a trade agreement", id="signed"),
    pytest.param("The rebels agreed to observe a ceasefire that took effect at midnight.", "a ceasefire", id="agreed-to-observe"),
    pytest.param("Gazprom said a deal signed in May would give it control of the pipeline.", "a deal", id="signed-deal-would-give"),
    pytest.param("Lima and Quito established a free trade agreement in 2001.", "a free trade agreement", id="established"),
    pytest.param("After completing a deal with Borel Mining, Acme shares rose 4 percent.", "a deal", id="after-completing"),
    pytest.param("The two leaders will sign a treaty on border demarcation on Friday.", "a treaty", id="scheduled"),
    pytest.param("The government reached a deal with striking teachers late on Saturday.", "a deal", id="reached"),
    pytest.param(
        "There, the minister stressed Peru's goal to grow its own industry by having a memorandum signed that commits Boeing to studying a repair hub in Lima.",
        "a memorandum",
        id="having-signed-by-way-of-goal",
    ),
    pytest.param(
        "Two militant groups rejected on Friday a UN-brokered agreement reached between Kenya and Somalia on border posts.",
        "a UN-brokered agreement",
        id="rejected-agreement-made-by-others",
    ),
    pytest.param("The striker's current contract runs until 2009, the club said.", "The striker's current contract", id="contract-runs-parsed-as-noun"),
    pytest.param(
        'The two parties met in Sidon and agreed on a "media truce" to stop attacking each other on television.',
        'a "media truce',
        id="quoted-name",
    ),
    # a first "the ..." that can only speak of an agreement that exists
    pytest.param("The move follows the two carmakers' earlier accord to share engine designs, the daily said.", "the two carmakers' earlier accord", id="earlier-accord"),
    pytest.param("The statement called the shelling a flagrant violation of the ceasefire.", "the ceasefire", id="violation-of"),
    pytest.param("Officials said the harbour is governed by the treaty, not by local law.", "the treaty", id="governed-by"),
    pytest.param("The army first wants to put on paper a two-month-old informal truce around the port.", "a two-month-old informal truce", id="wanted-but-months-old"),
    pytest.param(
        "Ministers from the Andean states agreed Monday that ports should share records of ships. "
        "Under the agreement, a port in one state will have to honour inspections made in another.",
        "the agreement",
        id="under-the-agreement",
    ),
    pytest.param(
        "A Dutch lab sold the rights to a rare gene to buyers in Texas. Under the contract, the samples will be shipped back in the spring.",
        "the contract",
        id="under-the-contract",
    ),
    pytest.param("Exports resumed under the UN grain-for-oil deal starting in May, the official said.", "grain-for-oil deal", id="under-the-deal-starting"),
    # plurals that name agreements made, not agreements in general
    pytest.param("The lawyer said his client deserved protection under the Geneva Conventions as a soldier.", "the Geneva Conventions", id="named-plural-conventions"),
    pytest.param("Egypt says its arms contracts with France have reached 4 billion dollars in value.", "its arms contracts", id="owned-plural-with-side"),
    pytest.param("The Oslo Accords set up the Palestinian Authority.", "The Oslo Accords", id="named-plural-accords"),
    pytest.param("At the trade fair, nine supply contracts worth 20 million dollars were signed for the grain.", "nine supply contracts", id="plural-were-signed"),
    pytest.param("The presidents of Chile and Peru witnessed the signing of four bilateral cooperation deals.", "four bilateral cooperation deals", id="signing-of-plural"),
    pytest.param("Lagos said the treaties which were signed with Ghana and Togo await ratification.", "the treaties", id="plural-which-were-signed"),
    pytest.param("A total of 14 supply contracts worth 9 million dollars were signed for the melons at the fair.", "14 supply contracts", id="a-total-of-plural"),
    pytest.param("Ecuador had already signed up to other covenants, covering the rights of the child and the use of torture.", "other covenants", id="signed-up-to-covenants"),
    pytest.param("Chile ratified the convention on migrant workers in 2005.", "the convention", id="convention-ratified"),
    pytest.param("Uruguay legislators ratify protocol of Mercosur court", "protocol", id="headline-without-determiner"),
    pytest.param("Israel, PLO sign agreement on Gaza crossing", "sign agreement", id="headline-sign-agreement"),
    pytest.param("The accord's successor, the 2010 Lima Convention, took effect in May.", "the 2010 Lima Convention", id="an-accords-successor"),
    pytest.param("Orbis entered into an agreement with Cado on Monday.", "an agreement", id="entered-into"),
    pytest.param("North Korea pulled out of the 1994 nuclear accord in 2003.", "the 1994 nuclear accord", id="pulled-out-of"),
    pytest.param("Tehran threatened on Sunday to pull out of the NPT if sanctions were imposed.", "the NPT", id="treaty-acronym"),
    pytest.param("The deal signed in May is on the agenda of the committee.", "The deal", id="signed-deal-on-the-agenda"),
    pytest.param("Chile acceded to three refugee treaties in 1972.", "three refugee treaties", id="acceded-to-plural"),
    pytest.param(
        "However, Kiev's main worry lay with the lucrative oil contracts granted Ukraine's pipeline firm Naftogaz by the late leader.",
        "the lucrative oil contracts",
        id="plural-granted-by",
    ),
    pytest.param(
        "Halvard Oil filed a suit that seeks to nullify a standstill agreement between the two firms.",
        "a standstill agreement",
        id="sought-undoing-presupposes-it",
    ),
    pytest.param(
        "Mr. Lund said Brevik would own 70% of the mill. The deal, which will involve a first $20 million investment, was struck with a handshake, he added.",
        "The deal",
        id="was-struck-told-outright",
    ),
    pytest.param("The completion of the merger agreement follows months of twists and turns.", "the merger agreement", id="completion-of"),
    pytest.param("The deal signed in May was close to collapse.", "The deal", id="signed-deal-close-to-something-else"),
    pytest.param("Halvard urged Brevik to terminate a standstill agreement signed with the bank.", "a standstill agreement", id="urged-to-undo-presupposes-it"),
    pytest.param("Midfielder Tom Hale has signed a two-year contract extension with Everton.", "a two-year contract extension", id="contract-extension"),
    pytest.param(
        "The agreement, reached after 12 days of talks in Geneva, ends a decade of conflict between the two countries.",
        "The agreement",
        id="first-definite-mention-with-its-making-set-off",
    ),
    pytest.param("The contract, awarded without a tender, was criticised by the opposition.", "The contract", id="awarded-set-off"),
    pytest.param("The port operator won a 10-year lease renewal from the city in May.", "a 10-year lease renewal", id="lease-renewal"),
]


@pytest.mark.parametrize(("text", "name"), AGREEMENTS)
def test_concluded_and_scheduled_agreements_are_found(nlp, text, name):
    assert [a.text for a in run(nlp, text)._.cw_agreements] == [name]


SCHEDULED = [
    pytest.param("Norway and Chile are expected to sign a fisheries agreement this week, the ministry said.", "a fisheries agreement", id="expected-to-sign"),
    pytest.param("The two ministers are scheduled to sign an accord on water rights on Monday.", "an accord", id="scheduled-to-sign"),
    pytest.param(
        "Officials said Orbis and the state oil firm are close to signing a 20-year agreement on the development of the Tarvia gas field.",
        "a 20-year agreement",
        id="close-to-signing-one-with-its-years",
    ),
]


@pytest.mark.parametrize(("text", "name"), SCHEDULED)
def test_a_signing_others_say_is_due_is_a_proposed_agreement_with_no_date(nlp, text, name):
    found = run(nlp, text)._.cw_agreements
    assert [(a.text, a.status, a.signed) for a in found] == [(name, "proposed", [])]


# A later mention of an agreement told before is the same agreement, not another one.
SAME_AGREEMENT = [
    pytest.param(
        "Rebels in the north declared a fragile truce with the army on Monday. Villagers said a shaky late-night ceasefire appeared to be holding in the hills.",
        ["a fragile truce"],
        id="ceasefire-restated-with-adjective",
    ),
    pytest.param(
        "The miners union accepted a permanent ceasefire in March. Officials said a permanent ceasefire was better than strikes.",
        ["a permanent ceasefire"],
        id="ceasefire-restated-same-words",
    ),
    pytest.param(
        "Because the field was developed under a production-sharing agreement (PSA) -- a contract between the state and foreign investors that is hard to change -- officials had little say.",
        ["a production-sharing agreement"],
        id="dashed-apposition-after-acronym",
    ),
    pytest.param(
        "Fishing boats may enter the bay under the 1998 Tarvia fisheries accords, the ministry said. The fleet has grown since then. "
        "Prices fell last year. Exports rose in May. Critics said the 1998 fisheries accords had failed the coastal towns.",
        ["the 1998 Tarvia fisheries accords"],
        id="same-year-fewer-words",
    ),
    pytest.param(
        "Norway and Iceland signed a deal on herring quotas on Monday. It ends years of friction, a minister said. "
        "An agreement on the matter is to be signed in Oslo next week.",
        ["a deal"],
        id="an-agreement-on-the-matter",
    ),
    pytest.param(
        "During the visit Lula secured a big Embraer jet deal and toured a steel mill. "
        "Officials said he took part in a contract on Monday to buy 40 regional Embraer jets worth 2 billion dollars.",
        ["jet deal"],
        id="contract-for-what-the-deal-was-named-by",
    ),
    pytest.param(
        "The two Koreas signed an armistice in 1953. Half a century on they remain locked in a tense and bitter truce.",
        ["an armistice"],
        id="ceasefire-restated-coordinated-adjectives",
    ),
    pytest.param(
        "The talks were aimed at replacing the 1949 armistice with a formal peace treaty.",
        ["the 1949 armistice"],
        id="replacing-with-a-treaty",
    ),
    pytest.param(
        'Manila and Washington signed a defence treaty in 1951. "We have an important agreement, we share everything with them," the envoy said.',
        ["a defence treaty"],
        id="vague-have-an-agreement",
    ),
    pytest.param(
        '"Syria has long been in breach of its Chemical Weapons Convention and required OPCW inspection agreements," the spokesman said.',
        ["its Chemical Weapons Convention", "OPCW inspection agreements"],
        id="plural-coordinated-with-a-treaty",
    ),
    pytest.param(
        "The mayor's rival struck a deal with her on Sunday to drop out of the race. "
        "He made the announcement under an agreement with her party which would see his candidates backed in five seats.",
        ["a deal"],
        id="under-an-agreement-just-told",
    ),
    pytest.param(
        'Officials said Iran did not intend to quit the nuclear Non-Proliferation Treaty. "This could mean quitting the NPT," he said.',
        ["the nuclear Non-Proliferation Treaty"],
        id="acronym-spells-the-name",
    ),
    pytest.param(
        "Lumen Corp said Sunday it would buy rival Arbor Systems in a deal valued at 2 billion dollars. "
        "Lumen said it would pay 41 dollars for each Arbor share, in an all-stock deal.",
        ["a deal"],
        id="described-again-the-next-sentence",
    ),
    pytest.param(
        "The Farmers Party struck an electoral pact with the Liberals on Monday. Farmers Party leader Ana Ruiz and Liberal leader "
        "Tom Hale ended weeks of talks on the terms of a pact with an agreement to share candidates in ten seats.",
        ["an electoral pact"],
        id="another-general-noun-the-next-sentence",
    ),
    pytest.param(
        "A 40 million dollar contract under which Norsk Marine will refit the navy's six patrol boats took effect in March, "
        "the biggest defence deal between Norway and Chile.",
        ["A 40 million dollar contract"],
        id="set-off-at-the-end-of-its-sentence",
    ),
    pytest.param(
        "Chile and Peru signed a new fisheries convention in May. The new convention sets quotas for anchovy.",
        ["a new fisheries convention"],
        id="the-new-one-just-signed",
    ),
    pytest.param(
        "Korean Prime Minister Lee wrapped up a three-day visit to Brazil, during which he has secured a big Embraer jet deal. "
        "His trip was shown by his involvement in a contract Monday to buy 40 regional Embraer jets worth 2 billion dollars.",
        ["jet deal"],
        id="contract-for-the-deal-named-by-its-maker-after-a-visit",
    ),
    # ... but a word that sets it apart names another one
    pytest.param(
        "The 1982 Geneva Convention on fishing set quotas in the bay. Scientists do not know yet whether the eel is a species covered by the new convention.",
        ["The 1982 Geneva Convention", "the new convention"],
        id="the-new-one-after-an-old-one",
    ),
    pytest.param(
        "A trade pact between Chile and Peru took effect in May, a week after a separate deal with Bolivia was signed.",
        ["A trade pact", "a separate deal"],
        id="another-after-the-comma",
    ),
    pytest.param(
        "Lumen Corp said Sunday it would buy rival Arbor Systems in a deal valued at 2 billion dollars. "
        "Lumen also said it would sell its cable unit to Orbis in a separate deal.",
        ["a deal", "a separate deal"],
        id="separate-deal-the-next-sentence",
    ),
    pytest.param(
        "Lumen Corp said Sunday it would buy rival Arbor Systems in a deal valued at 2 billion dollars. Orbis said it had signed an agreement with Cado on Friday.",
        ["a deal", "an agreement"],
        id="general-noun-with-other-sides",
    ),
    pytest.param(
        "Rebels in the north declared a fragile truce with the army on Monday. Farther south, clan leaders agreed a separate truce among themselves.",
        ["a fragile truce", "a separate truce"],
        id="separate-ceasefire",
    ),
    pytest.param(
        "Fishing boats may enter the bay under the 1998 Tarvia fisheries accords, the ministry said. The fleet has grown since then. "
        "Prices fell last year. Exports rose in May. Critics said the 2001 fisheries accords had failed the coastal towns.",
        ["the 1998 Tarvia fisheries accords", "the 2001 fisheries accords"],
        id="other-year",
    ),
    pytest.param(
        "The mayor's rival struck a deal with her on Sunday to drop out of the race. His brother left the race under a separate deal with the governor.",
        ["a deal", "a separate deal"],
        id="under-a-separate-deal",
    ),
    pytest.param(
        'Manila and Washington signed a defence treaty in 1951. "We have an agreement on visas too," the envoy said.',
        ["a defence treaty", "an agreement"],
        id="have-an-agreement-on-something",
    ),
    pytest.param(
        "During the visit Lula secured a big Embraer jet deal and toured a steel mill. "
        "Officials said he took part in a contract on Monday to buy 40 Airbus helicopters worth 2 billion dollars.",
        ["jet deal", "a contract"],
        id="contract-for-something-else",
    ),
    pytest.param(
        "Norway and Iceland signed a deal on herring quotas on Monday. It ends years of friction, a minister said. "
        "An agreement on cod is to be signed in Oslo next week.",
        ["a deal", "An agreement"],
        id="an-agreement-on-its-own-subject",
    ),
]


@pytest.mark.parametrize(("text", "names"), SAME_AGREEMENT)
def test_later_mentions_are_merged(nlp, text, names):
    assert [a.text for a in run(nlp, text)._.cw_agreements] == names


def test_plural_granted_by_someone_is_signed_however_the_participle_hangs(nlp):
    """"the lucrative oil contracts granted X by Y": the parser may hang the participle on the verb
    of the sentence rather than on the plural; a signing told with its agent right after it still
    makes the plural agreements made (the parse below is one the parser gave in a longer story)."""
    from spacy.tokens import Doc

    from claimweave.extract.agreement_groups import signed_group
    from claimweave.extract.agreement_types import Mention

    words = ["Lima", "'s", "concern", "lay", "with", "the", "oil", "contracts", "granted", "Repsol", "by", "Fujimori", "."]
    heads = [2, 0, 3, 3, 3, 7, 7, 4, 3, 8, 8, 10, 3]
    deps = ["poss", "case", "nsubj", "ROOT", "prep", "det", "compound", "pobj", "advcl", "dobj", "agent", "pobj", "punct"]
    tags = ["NNP", "POS", "NN", "VBD", "IN", "DT", "NN", "NNS", "VBD", "NNP", "IN", "NNP", "."]
    pos = ["PROPN", "PART", "NOUN", "VERB", "ADP", "DET", "NOUN", "NOUN", "VERB", "PROPN", "ADP", "PROPN", "PUNCT"]
    lemmas = ["Lima", "'s", "concern", "lie", "with", "the", "oil", "contract", "grant", "Repsol", "by", "Fujimori", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos, lemmas=lemmas)
    extractor = nlp.get_pipe("claimweave_agreements")
    mention = Mention(5, 8, 7, 7, extractor.vocab.kind_rule("kind.contract"), True, True)
    assert signed_group(extractor.vocab, doc, mention)


def test_a_status_of_plural_agreements_signed_with_named_sides_is_theirs_alone(nlp):
    """"the agreements that were signed with X and Y are awaiting approval": those agreements, whose
    status is not passed on to the other agreements of the story."""
    text = "Cairo signed a trade deal with Tunisia in May. Officials said the agreements that were signed with Chile and Peru are awaiting approval from the cabinet."
    found = {a.text: a.status for a in run(nlp, text)._.cw_agreements}
    assert found == {"a trade deal": None, "the agreements": "pending approval"}


def test_a_review_of_plural_agreements_signed_is_a_review_of_every_one(nlp):
    text = "Russia won a 2019 lease on the port of Latakia. The new minister proposed a committee to revisit the agreements Russia had signed with the old regime."
    found = {a.text: a.status for a in run(nlp, text)._.cw_agreements}
    assert found == {"a 2019 lease": "under review"}


# Agreements a counted plural lists by name are one each, however the parser hangs the last name.
LISTED = [
    pytest.param(
        "The ministers also adopted three conventions -- Mutual Legal Assistance, Transfer of Sentenced Persons and Cultural Heritage Protection.",
        ["Mutual Legal Assistance", "Transfer of Sentenced Persons", "Cultural Heritage Protection"],
        id="last-name-hung-on-the-one-before",
    ),
    pytest.param(
        "The forum also approved four accords -- Road Transport, Recognition of Diplomas, Protection of Investments and Customs Cooperation.",
        ["Road Transport", "Recognition of Diplomas", "Protection of Investments", "Customs Cooperation"],
        id="names-of-one-list-not-merged",
    ),
    pytest.param(
        "The meeting also passed three conventions -- Road Safety, Mutual Recognition of Licences and Customs Transit.",
        ["Road Safety", "Mutual Recognition of Licences", "Customs Transit"],
        id="passed-list-not-the-plural",
    ),
]


TOPICS = [
    pytest.param(
        "Russia and Peru signed a bilateral agreement on Russia's accession to the World Trade Organization on Sunday.",
        [("agreement", "a bilateral agreement", "Russia's accession")], id="an-accession-an-agreement-is-about",
    ),
    pytest.param(
        "The two sides signed a memorandum on the lease of the port on Sunday.",
        [("MoU", "a memorandum", "the lease of the port")], id="a-lease-a-memorandum-is-about",
    ),
]


@pytest.mark.parametrize(("text", "found"), TOPICS)
def test_an_agreement_that_another_is_about_is_its_topic_not_one_more(nlp, text, found):
    assert [(a.kind, a.text, a.asset) for a in run(nlp, text)._.cw_agreements] == found


def test_a_bare_agreement_after_is_is_a_consensus_not_the_treaty_named_before(nlp):
    text = (
        "Delegates held the second meeting of the parties to the Kyoto Protocol. "
        "Another key outcome expected of the conference is agreement on how to manage the new climate fund."
    )
    assert [(a.text, a.asset) for a in agreements(nlp, text)] == [("the Kyoto Protocol", None)]


def test_a_list_of_agreements_set_off_by_commas_is_one_agreement_each(nlp):
    # (the parser hangs the second item on the first as an apposition, as if it restated it)
    text = "Chile and Peru signed an agreement on trade, a treaty on extradition and a memorandum on health."
    found = run(nlp, text)._.cw_agreements
    assert [(a.kind, a.text, a.asset) for a in found] == [
        ("agreement", "an agreement", "trade"), ("treaty", "a treaty", "extradition"), ("MoU", "a memorandum", "health"),
    ]


def test_agreements_joined_as_objects_of_one_signing_share_its_sides_and_date(nlp):
    found = run(nlp, "Chile and Peru signed a trade agreement and a visa deal on Monday.")._.cw_agreements
    assert [(a.text, [p.text for p in a.parties], a.signed) for a in found] == [
        ("a trade agreement", ["Chile", "Peru"], ["2024-06-10"]),
        ("a visa deal", ["Chile", "Peru"], ["2024-06-10"]),
    ]


def test_a_clause_of_one_of_two_joined_agreements_is_its_own(nlp):
    found = run(nlp, "Chile and Peru signed a trade agreement and a visa deal that expires in 2010.")._.cw_agreements
    assert [(a.text, a.expires.value if a.expires else None) for a in found] == [("a trade agreement", None), ("a visa deal", "2010")]


def test_objects_of_a_verb_that_makes_nothing_share_no_sides(nlp):
    found = run(nlp, "The government took the deal and a loan agreement with the IMF to parliament on Tuesday.")._.cw_agreements
    assert [p.text for p in found[0].parties] == ["The government"]


def test_agreements_with_sides_of_their_own_keep_them(nlp):
    found = run(nlp, "Chile signed a trade agreement with Peru and a visa deal with Bolivia on Monday.")._.cw_agreements
    assert [sorted(p.text for p in a.parties) for a in found] == [["Chile", "Peru"], ["Bolivia", "Chile"]]


@pytest.mark.parametrize(("text", "names"), LISTED)
def test_each_listed_name_is_an_agreement(nlp, text, names):
    assert [a.text for a in run(nlp, text)._.cw_agreements] == names


def test_an_acronym_written_with_other_sides_names_another_agreement(nlp):
    """"the Peru-Chile FTA" after "a free trade agreement (FTA)" between Peru and Korea is another FTA;
    named once in passing, it does not take the story's later "the deal" either."""
    text = (
        "Peru and Korea signed a free trade agreement (FTA) on Monday. The FTA cuts tariffs on cars and the agreement opens farm markets. "
        "It is the fourth such agreement for Peru after the Peru-Canada FTA and the Peru-Chile FTA. The deal was signed by the two trade ministers."
    )
    found = {a.text: [e.text for e in a.evidence] for a in run(nlp, text)._.cw_agreements}
    assert list(found) == ["a free trade agreement", "the Peru-Canada FTA", "the Peru-Chile FTA"]
    assert "The deal" in found["a free trade agreement"]


# A plural that names a group of agreements made or due is one agreement; a later plural naming it
# again is the same one.
GROUPS = [
    pytest.param(
        "The two leaders met in Lima, a visit that will coincide with the signature of a dozen trade and energy accords on Tuesday. "
        "Officials said the talks went well. The mood was warm. Ministers met again. "
        "The 12 accords due to be signed Tuesday cover fishing quotas and gas supplies.",
        ["a dozen trade and energy accords"],
        id="counted-group-counted-again",
    ),
    pytest.param(
        "The cabinet approved a bill to force farmers to renew army base leases. Many farmers have refused to renew leases which expire on May 14.",
        ["army base leases"],
        id="bare-plural-again",
    ),
    pytest.param(
        "The governor has handed 30-year grazing lease agreements to 80 ranchers. "
        "The 30-year lease agreement is an agreement that gives each rancher the use of state land, officials said.",
        ["30-year grazing lease agreements"],
        id="one-of-the-group-described",
    ),
    pytest.param(
        "The governor has handed 30-year grazing lease agreements to 80 ranchers. The 10-year lease agreement signed with Orbis in 2019 was cancelled.",
        ["30-year grazing lease agreements", "The 10-year lease agreement"],
        id="one-singled-out-with-its-own-terms",
    ),
    pytest.param(
        "Two contracts stand out. Under a deal signed in 2015, Orbis won the right to fish in the bay for 20 years.",
        ["a deal"],
        id="counted-plural-only-introducing",
    ),
]


@pytest.mark.parametrize(("text", "names"), GROUPS)
def test_groups_of_agreements(nlp, text, names):
    assert [a.text for a in run(nlp, text)._.cw_agreements] == names


def test_plural_to_be_signed_with_its_own_sides_keeps_its_status(nlp):
    """"still has to sign bilateral protocols with X and Y": those protocols, proposed; their status is
    not every other agreement's."""
    text = (
        "Chile signed a trade deal with Korea on Friday. "
        "Chile still has to sign bilateral protocols with Peru and Bolivia, with whom the talks have been formally concluded."
    )
    found = {a.text: a.status for a in run(nlp, text)._.cw_agreements}
    assert found == {"a trade deal": None, "bilateral protocols": "proposed"}


def test_the_parties_evidence_runs_forward_whatever_order_the_parties_were_found_in(nlp):
    """A party found later in the text may be listed first: the evidence still spans them in order
    (a case the provenance property test generated)."""
    text = "Foreign treaty Asaad signed Foreign."
    for agreement in run(nlp, text)._.cw_agreements:
        ev = agreement.field_evidence.get("parties")
        assert ev is None or (ev.start <= ev.end and text[ev.start : ev.end] == ev.text)


@pytest.mark.parametrize(
    ("text", "asset"),
    [
        pytest.param("The Dayton peace accord ended the war in Bosnia.", "the war in Bosnia", id="called-by-a-place-the-model-tags-an-organisation"),
        pytest.param("The Ohrid accord ended the fighting in Macedonia.", "the fighting in Macedonia", id="called-by-a-place"),
    ],
)
def test_an_agreement_called_by_the_place_it_was_made_in_needs_no_antecedent(nlp, text, asset):
    assert [a.asset for a in run(nlp, text)._.cw_agreements] == [asset]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The Iran accord ended the talks.", id="a-country"),
        pytest.param("The Obama deal was criticised by Republicans.", id="a-person"),
    ],
)
def test_a_definite_agreement_named_by_a_country_or_a_person_alone_still_needs_an_antecedent(nlp, text):
    assert run(nlp, text)._.cw_agreements == []


@pytest.mark.parametrize(
    ("text", "parties", "signed"),
    [
        pytest.param("Croatia became the 28th member of the European Union on July 1, 2013.", ["Croatia", "the European Union"], ["2013-07-01"], id="the-nth-member-of"),
        pytest.param("China became a full member of the WTO in December 2001.", ["China", "WTO"], ["2001-12"], id="a-full-member-of"),
    ],
)
def test_becoming_a_member_of_a_bloc_is_an_accession(nlp, text, parties, signed):
    found = run(nlp, text)._.cw_agreements
    assert [(a.kind, [p.text for p in a.parties], a.signed, a.status) for a in found] == [("accession", parties, signed, "joined")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The country hopes to become a member of the EU by 2030.", id="hopes-to-become"),
        pytest.param("Smith became a member of the club in 1990.", id="a-member-of-a-club"),
        pytest.param("Croatia will become the 28th member of the EU next July.", id="will-become"),
        pytest.param("Brazil became a founding member of the WTO in 1995.", id="a-founding-member-joined-nothing"),
    ],
)
def test_becoming_a_member_hoped_or_of_a_club_is_no_accession(nlp, text):
    assert run(nlp, text)._.cw_agreements == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Slovakia joined NATO and the European Union in 2004.", id="joined-two-bodies"),
        pytest.param("Slovakia became a member of NATO and the European Union in 2004.", id="a-member-of-two-bodies"),
        pytest.param("Slovakia joined both NATO and the European Union in 2004.", id="joined-both"),
    ],
)
def test_joining_two_bodies_is_an_accession_to_each(nlp, text):
    found = run(nlp, text)._.cw_agreements
    assert [([p.text for p in a.parties], a.signed, a.status, a.asset) for a in found] == [
        (["Slovakia", "NATO"], ["2004"], "joined", None),
        (["Slovakia", "the European Union"], ["2004"], "joined", None),
    ]


def test_a_deal_signed_after_joining_a_bloc_is_an_agreement_of_its_own(nlp):
    found = run(nlp, "Slovakia joined the European Union in 2004, and signed a fishing deal with Norway in 2006.")._.cw_agreements
    assert [(a.kind, sorted(p.text for p in a.parties), a.signed) for a in found] == [
        ("accession", ["Slovakia", "the European Union"], ["2004"]),
        ("deal", ["Norway", "Slovakia"], ["2006"]),
    ]


def test_bodies_joined_in_different_years_each_have_their_year(nlp):
    found = run(nlp, "Slovakia joined NATO in 2002 and the European Union in 2004.")._.cw_agreements
    assert [([p.text for p in a.parties], a.signed, a.status) for a in found] == [
        (["Slovakia", "NATO"], ["2002"], "joined"),
        (["Slovakia", "the European Union"], ["2004"], "joined"),
    ]


def test_a_kind_word_the_tagger_read_as_a_verb_after_a_noun_with_its_article(nlp):
    # ("The fisheries deal ...": the parser made "fisheries" the subject of a verb "deal")
    found = run(nlp, "The fisheries deal between Chile and Peru was signed in 2010.")._.cw_agreements
    assert [(a.text, [p.text for p in a.parties], a.signed) for a in found] == [("The fisheries deal", ["Chile", "Peru"], ["2010"])]


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("Ethiopia joined the BRICS bloc in January.", ["2024-01"], id="a-bloc-named-with-its-noun"),
        pytest.param("Kazakhstan joined the OPEC+ group in 2016.", ["2016"], id="a-group-named-with-its-noun"),
    ],
)
def test_joining_a_body_named_with_its_noun_is_an_accession(nlp, text, signed):
    found = run(nlp, text)._.cw_agreements
    assert [(a.kind, a.signed, a.status) for a in found] == [("accession", signed, "joined")]



@pytest.mark.parametrize(
    "text",
    [
        "Nigeria hoped to sign a bilateral investment treaty with China soon.",
        "The company is hoping to conclude a deal with Boeing next year.",
        "Kenya hopes to sign a trade pact with Uganda by March.",
    ],
)
def test_an_agreement_only_hoped_for_is_none(nlp, text):
    assert agreements(nlp, text) == []


def test_an_agreement_initialled_is_dated_by_its_initialling(nlp):
    assert [a.signed for a in agreements(nlp, "Israel and Jordan initialled a new water agreement on Tuesday.")] == [["2024-06-11"]]


def test_a_general_word_with_the_year_of_an_earlier_agreement_is_that_agreement(nlp):
    text = (
        "Officials said the rights were guaranteed by a 1929 agreement between Egypt and Britain and by a 1959 accord with Sudan. "
        "Kenyan lawmakers have demanded that the 1929 deal be scrapped."
    )
    assert [(a.text, a.signed) for a in agreements(nlp, text)] == [("a 1929 agreement", ["1929"]), ("a 1959 accord", ["1959"])]


def test_a_lease_told_by_its_verb_after_the_lease_was_named_is_that_lease(nlp):
    text = (
        "The minister said Russia must leave the port of Sevastopol, since the lease agreement between Russia and Ukraine "
        "runs out in 2017.\n\nUnder a treaty signed in 1997, Russia leases naval facilities in Sevastopol for 20 years."
    )
    leases = [a for a in agreements(nlp, text) if a.kind == "lease"]
    assert [(a.text, a.duration, a.asset) for a in leases] == [("the lease agreement", "P20Y", "naval facilities in Sevastopol")]


def test_a_term_and_a_value_written_on_two_contracts_do_not_make_them_one(nlp):
    text = (
        "Mike Mussina agreed Monday to a two-year, 23-million-dollar contract to stay with the New York Yankees.\n\n"
        "The 37-year-old went 15-7 this season.\n\n"
        "Mussina had been in the final year of the six-year, 88.5-million-dollar contract he signed with New York in November 2000."
    )
    assert [(a.text, a.signed) for a in agreements(nlp, text)] == [
        ("a two-year, 23-million-dollar contract", ["2024-06-10"]),
        ("the six-year, 88.5-million-dollar contract", ["2000-11"]),
    ]


def test_a_lease_told_again_with_its_named_sides_and_its_backstory_is_one_lease(nlp):
    text = (
        "The government has ordered a review of the lease under which a Dubai-owned firm operates the container terminal "
        "at Mombasa port.\n\n"
        "The minister said experts would examine the contract between the Kenya Ports Authority (KPA) and Mombasa "
        "International Container Services (MICS).\n\n"
        "MICS took over the terminal in 2001 under a 10-year lease."
    )
    found = agreements(nlp, text)
    assert [(a.text, sorted(p.text for p in a.parties), a.duration) for a in found] == [
        ("the lease", ["Mombasa International Container Services", "the Kenya Ports Authority"], "P10Y"),
    ]


def test_a_reference_naming_another_pair_of_sides_is_another_agreement(nlp):
    text = (
        "The Japan-Thailand Economic Partnership Agreement was to have been signed in Tokyo in April.\n\n"
        "Thailand's free trade agreement with Australia has boosted exports of Thai cars."
    )
    assert [sorted(p.text for p in a.parties) for a in agreements(nlp, text)] == [["Japan", "Thailand"], ["Australia", "Thailand"]]


def test_an_agreement_talks_seek_to_renew_is_one_there_is(nlp):
    found = agreements(nlp, "Acme and Borel remain far apart in talks to renew a licensing agreement that expires in April.")
    assert [(a.text, a.expires.value) for a in found] == [("a licensing agreement", "2025-04")]
