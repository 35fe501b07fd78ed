"""Agreement fields on shapes of unseen news: status told by approval nouns, by scheduled or finished
signings and by verbs of what became of an agreement; signing dates told beside the name."""

from __future__ import annotations

import datetime as dt

import pytest

from claimweave.extract.common import DocContext


def run(nlp, text: str, published: dt.date | None = dt.date(2024, 6, 14)):
    doc = nlp.make_doc(text)
    doc._.cw_context = DocContext(doc_id="test", text=text, published=published)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc._.cw_agreements


def named(nlp, text: str, phrase: str):
    found = [a for a in run(nlp, text) if phrase in a.text]
    assert len(found) == 1, [a.text for a in run(nlp, text)]
    return found[0]


# ---------------------------------------------------------------------- status

STATUS = [
    pytest.param(
        "Orland Holdings completed its acquisition of Mercer Health Inc.\n\n"
        "The completion of the merger agreement follows months of talks. A few days later, Mercer announced lower "
        "earnings, taking charges for insurance reserves and canceled real estate leases.",
        "merger agreement", None, id="canceled-leases-are-not-the-merger-agreement",
    ),
    pytest.param(
        "The two said that as a result of reaching a C$15 million research accord, no ruling was needed.",
        "research accord", None, id="as-a-result-of-reaching-is-made",
    ),
    pytest.param(
        "Oslo hopes to win parliamentary approval of the pipeline accords it has negotiated with Copenhagen.",
        "accords", "pending approval", id="to-win-approval-is-pending",
    ),
    pytest.param(
        "Farmers protested the cabinet's approval of the grain agreement with Kenya.",
        "agreement", "approved", id="possessive-approval-is-approved",
    ),
    pytest.param(
        "The grain agreement with Kenya won parliamentary approval last week.",
        "agreement", "approved", id="won-approval-is-approved",
    ),
    pytest.param(
        "The grain agreement with Kenya still needs the Senate's ratification.",
        "agreement", "pending approval", id="needs-ratification-is-pending",
    ),
    pytest.param(
        "Lawmakers in Quito called for the swift ratification of the grain agreement with Kenya.",
        "agreement", None, id="called-for-ratification-says-nothing",
    ),
    pytest.param(
        "The two Andean nations have negotiated deals with the U.S. that cut tariffs on cut flowers.",
        "deals", None, id="have-negotiated-is-made-not-sought",
    ),
    pytest.param("Ruritania is in the process of signing the tax deal with Freedonia.", "deal", "proposed", id="in-the-process-of-signing"),
    pytest.param("Militants may break a tentative week-old truce between the army and the rebels.", "truce", None, id="tentative-but-a-week-old"),
    pytest.param("The army and the rebels agreed a tentative truce on Monday.", "truce", "proposed", id="tentative"),
    pytest.param(
        "A fisheries agreement between Ruritania and Freedonia is due to be signed in July.", "agreement", "proposed", id="due-to-be-signed",
    ),
    pytest.param(
        "Freedonia is in the process of ratifying the tax treaty it signed with Ruritania in 2004.",
        "treaty", "pending approval", id="in-the-process-of-ratifying",
    ),
    pytest.param("Freedonia ratified the tax treaty it signed with Ruritania in 2004.", "treaty", "ratified", id="ratified"),
    pytest.param("The Senate voted 60-40 to ratify the fisheries treaty with Freedonia.", "treaty", "ratified", id="voted-to-ratify"),
    pytest.param(
        "Parliament is expected to ratify the fisheries treaty with Freedonia next month.", "treaty", "pending approval", id="expected-to-ratify",
    ),
    pytest.param("Parliament is not expected to ratify the fisheries treaty with Freedonia.", "treaty", None, id="not-expected-to-ratify"),
    pytest.param("The 2004 truce between Ruritania and Freedonia collapsed after three days.", "truce", "collapsed", id="collapsed"),
    pytest.param(
        "The fisheries agreement, due to be signed next month, would let Freedonia fish in Ruritanian waters.", "agreement", "proposed",
        id="due-to-be-signed-as-a-modifier",
    ),
    pytest.param("Officials said the tax treaty signed with Freedonia in 2001 had broken down.", "treaty", "collapsed", id="broken-down"),
    pytest.param("Chad and Sudan signed a truce in May that revived peace talks which collapsed in 2004.", "truce", None, id="what-collapsed-is-the-talks"),
    pytest.param("Officials discussed mediation over the truce reached in March, which has since stalled.", "truce", "stalled", id="a-relative-right-after-the-phrase-hung-elsewhere"),
    pytest.param("The Senate voted against a motion to ratify the fisheries treaty with Freedonia.", "treaty", None, id="voted-against-ratifying"),
    pytest.param("The merger deal between Acme and Borealis must still be approved by regulators.", "deal", "pending approval", id="must-be-approved"),
    pytest.param("The merger deal between Acme and Borealis has yet to be ratified by shareholders.", "deal", "pending approval", id="yet-to-be-ratified"),
    pytest.param(
        "The treaty between Ruritania and Freedonia goes to parliament for ratification next month.",
        "treaty", "pending approval", id="goes-for-ratification",
    ),
    pytest.param(
        "Lima ratified the fisheries pact; Quito plans to sign its agreement next month.",
        "its agreement", "proposed", id="plans-to-sign-is-scheduled",
    ),
]


STATUS_VERBS = [
    pytest.param("A UN-monitored truce between Ruritania and the rebels has been holding since 1994.", "truce", "in force", id="truce-holding"),
    pytest.param("A shaky ceasefire between the two militias appeared to be holding on Tuesday.", "ceasefire", "in force", id="appeared-to-be-holding"),
    pytest.param("Talks stalled, with a UN-monitored ceasefire holding since 1991 between the two armies.", "ceasefire", "in force", id="participle-holding"),
    pytest.param("Iceland and Norway held talks on the fisheries pact signed in 2001.", "pact", None, id="held-talks-on-it"),
    pytest.param("Drills were held under a fisheries pact that Iceland signed with Norway.", "pact", None, id="held-under-it"),
    pytest.param("The deal between Acme and Borealis was held up by regulators.", "deal", None, id="held-up"),
    pytest.param("The junta terminated the bauxite concession held by Axis Group on Monday.", "concession", "cancelled", id="held-by-its-holder"),
    pytest.param("The rebels called off a two-year ceasefire with the army in 2003.", "ceasefire", "cancelled", id="called-off"),
    pytest.param("Kazakhstan stopped applying the customs protocol with Russia in March.", "protocol", "suspended", id="stopped-applying"),
    pytest.param("Iceland signed a fisheries pact ratified by parliament in 2002.", "pact", "ratified", id="participle-ratified"),
    pytest.param("-- Peruvian lawmakers ratify protocol of Andean Parliament.", "protocol", "ratified", id="headline-present-ratify"),
    pytest.param("Jose Mourinho is under contract with Chelsea until 2010.", "contract", "in force", id="is-under-contract"),
    pytest.param("The economist was bound by a strict confidentiality agreement with the bank.", "agreement", "in force", id="bound-by"),
    pytest.param("The Fed said he was 'bound by a strict confidentiality agreement.'", "agreement", "in force", id="quoted-bound-by"),
    pytest.param("The treaty governing fishing in the bay expires next year.", "treaty", "in force", id="governing-participle"),
    pytest.param("The fisheries pact was officially implemented on Friday.", "pact", "in force", id="officially-implemented"),
    pytest.param(
        "Ruritania hopes the fisheries convention it signed in May will be in force by the summit.",
        "convention", None, id="will-be-in-force-is-no-status",
    ),
    pytest.param("The Wales coach has a contract until 2009 but may leave after the tournament.", "contract", "in force", id="has-a-contract-until"),
    pytest.param("The 24-year-old's current contract runs until 2009.", "contract", "in force", id="current-contract-runs-until"),
    pytest.param("Mbeki is on a one-year loan deal with the club.", "deal", "in force", id="is-on-a-loan-deal"),
    pytest.param(
        "Saltway Holdings has ramped up its ties with China by signing an exclusive dealership agreement with Changfa Group.",
        "agreement", None, id="by-signing-a-past-means",
    ),
    pytest.param(
        "Saltway Holdings will ramp up its ties with China by signing an exclusive dealership agreement with Changfa Group.",
        "agreement", "proposed", id="by-signing-a-future-means",
    ),
    pytest.param("Lima wants Chile to ratify the fisheries pact.", "pact", None, id="to-ratify-is-no-ratification"),
    pytest.param(
        "Hamas has refused to accept the peace deals Fatah signed with Israel in 1993. It froze talks with Fatah last month.",
        "deals", None, id="it-froze-something-else",
    ),
    pytest.param("Iceland and Norway signed a fisheries pact in 2001 that cleared the way for new quotas.", "pact", None, id="that-cleared-the-way"),
    pytest.param("Iceland and Norway signed a fisheries pact in 2001 that parliament approved a year later.", "pact", "approved", id="that-parliament-approved"),
    pytest.param(
        "Freedonia is the top donor to the force, beefed up after the UN-brokered truce between Ruritania and the rebels took effect on May 3.",
        "truce", "in force", id="took-effect-misparsed-after-a-preposition",
    ),
    pytest.param("The mission grew after the truce between Ruritania and the rebels took effect on May 3.", "truce", "in force", id="took-effect-after"),
    pytest.param("Ruritania and Freedonia signed a trade accord in May. The accord takes effect in September.", "trade accord", None, id="takes-effect-after-publication"),
    pytest.param("Ruritania and Freedonia signed a trade accord in March. The accord takes effect on Monday.", "trade accord", None, id="takes-effect-on-a-day-ahead"),
    pytest.param("Ruritania and Freedonia signed a trade accord in March. The accord took effect in May.", "trade accord", "in force", id="took-effect-before-publication"),
    pytest.param("Tom Hale is under contract with Everton until 2027.", "contract", "in force", id="under-contract-until-a-later-year"),
    pytest.param("Freedonia became the 126th country to ratify the Karsa Protocol on Friday.", "Karsa Protocol", "ratified", id="the-nth-country-to-ratify"),
    pytest.param("Freedonia is the first state to ratify the convention.", "convention", "ratified", id="is-the-first-to-ratify"),
    pytest.param("Freedonia hopes to become the first country to ratify the treaty.", "treaty", None, id="hopes-to-become-the-first-to-ratify"),
    pytest.param("Freedonia was among the first countries to ratify the convention.", "convention", "ratified", id="among-the-first-to-ratify"),
    pytest.param("Parliament voted 120-45 on Tuesday to ratify the border treaty with Peru.", "treaty", "ratified", id="voted-by-a-margin-on-a-day-to-ratify"),
    pytest.param(
        "Parliament voted on Tuesday on whether to ratify the border treaty with Peru, but the result will be announced next week.",
        "treaty", None, id="voted-on-whether-to-ratify",
    ),
    pytest.param("Freedonia was one of the first countries to ratify the convention.", "convention", "ratified", id="one-of-the-first-to-ratify"),
    pytest.param("Freedonia and Ruritania signed a border treaty in May. Parliament took the first step to ratify the treaty on Tuesday.", "border treaty", None, id="the-first-step-to-ratify"),
    pytest.param("Freedonia will become the 40th country to ratify the convention next week.", "convention", None, id="will-become-the-nth-to-ratify"),
    pytest.param("The army declared the ceasefire over on Monday.", "ceasefire", "cancelled", id="declared-over"),
    pytest.param("The rebels pulled out of the ceasefire agreement with the army.", "agreement", "cancelled", id="pulled-out-of"),
    pytest.param("Rosvik signed a supply deal with Naftogaz in March. Naftogaz walked away from the deal in June.", "a supply deal", "cancelled", id="walked-away-from"),
    pytest.param("Rosvik signed a supply deal with Naftogaz in March. The deal fell through in June.", "a supply deal", "collapsed", id="fell-through"),
    pytest.param("Rosvik signed a supply deal with Naftogaz in March. Analysts fear the deal may fall through.", "a supply deal", None, id="may-fall-through"),
    pytest.param("Rosvik signed a supply deal with Naftogaz in March. Naftogaz threatened to walk away from the deal.", "a supply deal", None, id="threatened-to-walk-away"),
    pytest.param("The rebels are currently observing a truce with the army in the north.", "truce", "in force", id="observing"),
    pytest.param("The rebels have respected a truce with the army since March.", "truce", "in force", id="have-respected"),
    pytest.param("The rebels refused to respect the truce they signed with the army in 2002.", "truce", None, id="refused-to-respect"),
    pytest.param("Hamas rejects demands of honoring the peace deals Fatah signed with Israel in 1993.", "deals", None, id="demands-of-honoring"),
    pytest.param("The trade pact between Ruritania and Freedonia remains in place.", "pact", "in force", id="remains-in-place"),
    pytest.param("A truce between the army and the rebels has been in place since 2002.", "truce", "in force", id="has-been-in-place"),
    pytest.param(
        "Ruritania and Freedonia signed a new accord in May. Talks will not start until the new accord's procedures are in place.",
        "accord", None, id="its-procedures-in-place",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "status"), STATUS_VERBS)
def test_status_verbs(nlp, text, phrase, status):
    assert named(nlp, text, phrase).status == status


@pytest.mark.parametrize(("text", "phrase", "status"), STATUS)
def test_status(nlp, text, phrase, status):
    assert named(nlp, text, phrase).status == status


def test_a_group_restated_by_a_bare_plural_keeps_its_own_status(nlp):
    text = (
        "Ecuador and Chile must win congressional approval of trade deals they have negotiated with Washington. "
        "Officials said the two countries have negotiated deals with Washington that open their flower markets. "
        "Critics say other deals signed by the White House ignore farm workers."
    )
    found = run(nlp, text)
    assert [a.status for a in found if a.text.startswith("trade deals")] == ["pending approval"]
    assert [a.status for a in found if a.text.startswith("other deals")] == [None]
    assert len(found) == 2, [a.text for a in found]


def test_a_review_of_the_storys_deals_outranks_a_running_term(nlp):
    text = (
        "Ruritania's presence rests on treaties signed in 2011 and 2013, which run until 2060. "
        "The new government formed a committee to reassess deals made under the old regime."
    )
    assert named(nlp, text, "treaties").status == "under review"


def test_a_scheduled_day_is_no_signing_day(nlp):
    found = named(nlp, "Ghana expects to sign the water accord with Benin on Friday.", "accord")
    assert (found.signed, found.status) == ([], "proposed")


# ---------------------------------------------------------------------- signing dates

SIGNED = [
    pytest.param("Troops train there under the Mutual Defense Treaty of 1951, which binds Manila and Washington.", "Treaty", ["1951"], id="treaty-of-year"),
    pytest.param("Ruritania cited the border agreement of May 1998 with Freedonia.", "agreement", ["1998-05"], id="agreement-of-month"),
    pytest.param("Ruritania will sign the border agreement of next year.", "agreement", [], id="of-a-year-ahead"),
    pytest.param(
        "It was the first resolution on the bases since 1971, when Japan and the United States signed an accord on the island.",
        "accord", ["1971"], id="since-year-when-signed",
    ),
    pytest.param(
        "Parliament passed a resolution in 1971 when Japan and the United States signed an accord on the island.",
        "accord", ["1971"], id="in-year-when-signed",
    ),
    pytest.param("Protests will erupt in 2031 when Japan signs an accord on the island.", "accord", [], id="when-ahead"),
    pytest.param("The rebels declared a unilateral ceasefire last March after years of bombings.", "ceasefire", ["2024-03"], id="declared-truce"),
    pytest.param("Ruritania and Freedonia initialled a fisheries agreement on Monday.", "agreement", ["2024-06-10"], id="initialled"),
    pytest.param(
        "Officials said agreements had been reached at the joint meeting of the AU and the Arab League in Addis Ababa on Thursday on most questions.",
        "agreements", ["2024-06-13"], id="day-hung-on-the-place-of-the-signing",
    ),
    pytest.param("The army declared the ceasefire over on Monday.", "ceasefire", [], id="declared-over-is-no-signing"),
    pytest.param(
        "Parliament backed a peace agreement inked between the government and the rebels in 2005, which ended a long civil war.",
        "agreement", ["2005"], id="year-hung-on-the-last-side",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "signed"), SIGNED)
def test_signing_dates_beside_the_name(nlp, text, phrase, signed):
    assert named(nlp, text, phrase).signed == signed


# ---------------------------------------------------------------------- an agreement told by a verb first

AGREED = [
    pytest.param(
        "Orland Holdings Corp. completed its $3 billion acquisition of Mercer Health International Inc., purchasing 63 million shares. "
        "The merger agreement was welcomed by analysts.",
        "merger agreement", "Mercer Health International Inc.", [], id="completed-its-acquisition-of-a-company",
    ),
    pytest.param(
        "The Teamsters and Acme Freight agreed last month to form a joint pension fund. Under the agreement, drivers pay less.",
        "agreement", "a joint pension fund", ["2024-05"], id="agreed-last-month-to-form",
    ),
    pytest.param(
        "Acme and Borealis agreed on Tuesday to merge their cable units. Under the deal, Acme will hold 60 percent.",
        "deal", "their cable units", ["2024-06-11"], id="agreed-on-a-weekday",
    ),
    pytest.param(
        "Acme will agree next week to sell its cable unit to Borealis. Under the deal, Acme keeps the brand.",
        "deal", "its cable unit", [], id="agreement-still-ahead-has-no-date",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "asset", "signed"), AGREED)
def test_the_agreement_takes_what_and_when_from_the_verb_that_told_it(nlp, text, phrase, asset, signed):
    found = named(nlp, text, phrase)
    assert (found.asset, found.signed) == (asset, signed)


# ---------------------------------------------------------------------- assets

ASSETS = [
    pytest.param("Ruritania and Freedonia signed an agreement on water sharing here on Tuesday.", "agreement", "water sharing", id="here-after-topic"),
    pytest.param("The builder won a contract to build four gas turbines there.", "contract", "four gas turbines", id="there-after-object"),
    pytest.param("The deal, signed between Ruritania and Freedonia, sets up a joint fund for flood victims.", "deal", "a joint fund", id="sets-up"),
    pytest.param("The deal with Freedonia set the stage for talks.", "deal", None, id="set-the-stage"),
    pytest.param("The trade pact between Ruritania and Freedonia remains in place.", "pact", None, id="in-place-is-no-asset"),
    pytest.param(
        "Acme signed a contract worth 5 million dollars with Ruritania for the supply of wheat.",
        "contract", "the supply of wheat", id="past-its-value",
    ),
    pytest.param("Acme signed a contract worth 5 million dollars to supply wheat to Ruritania.", "contract", "wheat", id="infinitive-on-its-value"),
    pytest.param(
        "Parliament backed a peace agreement inked between the government and the rebels in 2005, which ended a long civil war in the south.",
        "agreement", "a long civil war in the south", id="which-clause-hung-on-a-side",
    ),
    pytest.param("Parliament backed a peace agreement signed with the rebels, which control the south.", "agreement", None, id="which-clause-of-a-side"),
]


@pytest.mark.parametrize(("text", "phrase", "asset"), ASSETS)
def test_asset_shapes_of_wire_news(nlp, text, phrase, asset):
    assert named(nlp, text, phrase).asset == asset


# ---------------------------------------------------------------------- an older agreement is not the one planned

def test_an_older_pact_is_not_the_one_still_to_be_signed(nlp):
    text = (
        "Ruritania dismissed a report that it would sign a security pact with Freedonia on Monday. "
        "The new text differs from the security pact both countries signed in 1995, officials said. "
        "The 1995 security pact was revoked in 1999."
    )
    found = [(a.signed, a.status) for a in run(nlp, text)]
    assert found == [([], "proposed"), (["1995"], "cancelled")]


EXPIRY = [
    pytest.param("The accord with Freedonia would not take effect until 2008, analysts said.", None, id="not-until-is-a-start"),
    pytest.param("Ruritania has a contract with Acme until 2010.", "2010", id="until-is-an-end"),
    pytest.param(
        "The gas contract between Acme and Borealis, which is set to expire in 2010, covers transit.", "2010", id="set-to-expire",
    ),
    pytest.param("The gas contract between Acme and Borealis is expected to expire in 2010.", "2010", id="expected-to-expire"),
    pytest.param(
        "The rebels are observing a truce with the army that is due to expire at the end of the year.", "2024", id="due-to-expire",
    ),
]


@pytest.mark.parametrize(("text", "expires"), EXPIRY)
def test_expiry_given(nlp, text, expires):
    found = run(nlp, text)
    assert len(found) == 1
    assert (found[0].expires.value if found[0].expires else None) == expires


COMPUTED = [
    pytest.param("Acme signed a 30-year concession with Freedonia on Sunday to build a dam.", "2054-06-09", id="term-told-with-the-signing"),
    pytest.param(
        "Acme signed a deal with Freedonia on Sunday to build a dam. Under the deal, the concession period will be 30 years.",
        None, id="term-told-apart-may-start-later",
    ),
    pytest.param(
        "Oman signed an agreement with Bharat Ports on Sunday to develop a port. It will run for 30 years, officials said.",
        "2054-06-09", id="term-told-later-of-it",
    ),
    pytest.param("Acme signed a memorandum with Freedonia on Sunday. The memorandum is valid for 30 years.", "2054-06-09", id="term-told-later-of-the-agreement"),
    pytest.param("Kiev and Moscow signed a 30-year gas deal on Sunday.", "2054-06-09", id="a-city-the-model-took-for-a-person"),
]


@pytest.mark.parametrize(("text", "expires"), COMPUTED)
def test_expiry_is_computed_from_a_term_told_with_its_signing(nlp, text, expires):
    found = run(nlp, text)
    assert len(found) == 1 and found[0].duration == "P30Y"
    assert (found[0].expires.value if found[0].expires else None) == expires


def test_a_dated_group_named_again_with_fewer_words_is_the_same_group(nlp):
    text = (
        "The cabinet was formed as provided for by the 1994 Arusha peace accords. The president swore in 30 "
        "ministers on Friday. Diplomats welcomed the step. The rebels still hold two provinces. Aid groups asked "
        "for access to the north. Following the 1994 peace accords, which ended the war, elections were delayed."
    )
    found = run(nlp, text)
    assert [(a.signed, a.asset) for a in found] == [(["1994"], "the war")]


IDENTIFIED = [
    pytest.param(
        "Under the 2002 peace accords, which ended the war that pitted the army against the rebels, elections were held.",
        "the war that pitted the army against the rebels", id="restrictive-clause-says-which-war",
    ),
    pytest.param("The 2002 accord ended the war, which had lasted a decade.", "the war", id="aside-clause-stays-out"),
]


@pytest.mark.parametrize(("text", "asset"), IDENTIFIED)
def test_a_bare_asset_keeps_the_clause_that_identifies_it(nlp, text, asset):
    assert named(nlp, text, "accord").asset == asset


DURATIONS = [
    pytest.param("The pact between Ruritania and Freedonia will last five years.", "P5Y", id="will-last"),
    pytest.param("Ruritania and Freedonia signed a pact in 2001 meant to last ten years.", "P10Y", id="meant-to-last"),
    pytest.param("Ruritania and Freedonia signed a pact in 2001 and have met often in the last ten years.", None, id="the-last-years"),
    pytest.param("Ruritania and Freedonia signed a pact in 2001 that ended a border war of three decades.", None, id="a-war-of-decades"),
    pytest.param("Ruritania signed a pact of 49 years with Freedonia in 2001.", "P49Y", id="a-pact-of-years"),
    pytest.param("Ruritania and Freedonia signed a pact in 2001 for an initial period of five years.", "P5Y", id="an-initial-period-of-years"),
]


@pytest.mark.parametrize(("text", "duration"), DURATIONS)
def test_last_as_a_verb_gives_a_duration(nlp, text, duration):
    assert named(nlp, text, "pact").duration == duration


def test_a_renewal_every_few_years_has_that_period(nlp):
    found = named(nlp, "The 10-year agreement between Ruritania and Freedonia is automatically renewed every five years.", "agreement")
    assert (found.renewal.automatic, found.renewal.period) == (True, "P5Y")


# ---------------------------------------------------------------------- assets told around the name

FRAMED_ASSETS = [
    pytest.param(
        "A 40 million dollar contract under which Acme Shipyards will refit Ruritania's ageing fleet of six frigates took effect in May.",
        "contract", "Ruritania's ageing fleet of six frigates", id="under-which",
    ),
    pytest.param("Ruritania signed a deal last year whereby Acme will repair two bridges.", "deal", "two bridges", id="whereby"),
    pytest.param(
        "Acme Holdings said it would buy rival carrier Zenda Airways Limited in a deal valued at 90 million dollars.",
        "deal", "rival carrier Zenda Airways Limited", id="bought-in-a-deal",
    ),
    pytest.param("The firm bought the Danube shipyard in a deal worth 5 million dollars.", "deal", "the Danube shipyard", id="bought-thing-in-a-deal"),
    pytest.param(
        "The ten texts to be signed Monday include a long-term coal contract for Ruritania, a fishing accord and permission for Freedonia to use Ruritanian airspace.",
        "contract", "coal", id="goods-not-a-later-list-item",
    ),
    pytest.param("Ruritania signed an arms deal with Freedonia on Monday.", "deal", "arms", id="goods-compound"),
    pytest.param("Ruritania signed a trade deal with Freedonia on Monday.", "deal", None, id="trade-is-no-goods"),
    pytest.param("The governor handed 30-year farm lease agreements to 40 families.", "lease", "farm", id="plural-lease-compound"),
]


@pytest.mark.parametrize(("text", "phrase", "asset"), FRAMED_ASSETS)
def test_assets_framed_by_the_agreement_or_named_in_it(nlp, text, phrase, asset):
    assert named(nlp, text, phrase).asset == asset


# ---------------------------------------------------------------------- status: a batch still ahead, a review, a point in time

STATUS_AROUND = [
    pytest.param(
        "The nine accords due to be signed Friday cover a long-term coal contract for Ruritania and a fishing accord.",
        "coal contract", "proposed", id="in-a-batch-due-to-be-signed",
    ),
    pytest.param("The nine accords signed on Friday cover a long-term coal contract for Ruritania.", "coal contract", None, id="in-a-signed-batch"),
    pytest.param(
        "The quarrel comes before a 30-nation meeting next month on fishing quotas and on redefining the 1959 Arctic Treaty.",
        "Arctic Treaty", "under review", id="redefining",
    ),
    pytest.param(
        "Ruritania and Freedonia signed a trade agreement in 2001. Both sides will cut duties on farm goods on the basis of a review of the agreement.",
        "trade agreement", None, id="a-review-ahead-is-no-state",
    ),
    pytest.param(
        "Ruritania and Freedonia signed a trade agreement in 2001. Duties on cars will go in the third year of the entry into force of the agreement.",
        "trade agreement", None, id="year-of-entry-into-force",
    ),
    pytest.param(
        "Ruritania and Freedonia signed a trade agreement in 2001. Duties on cars will go within two years of the agreement entering into force.",
        "trade agreement", None, id="years-of-entering-into-force",
    ),
    pytest.param("The trade agreement between Ruritania and Freedonia entered into force in 2003.", "trade agreement", "in force", id="entered-into-force"),
]


@pytest.mark.parametrize(("text", "phrase", "status"), STATUS_AROUND)
def test_status_told_around_the_agreement(nlp, text, phrase, status):
    assert named(nlp, text, phrase).status == status


ALSO_COVERS = [
    pytest.param(
        "Ruritania and Freedonia signed a trade agreement in 2001. The agreement also covers investments, including their protection.",
        None, id="also-covers",
    ),
    pytest.param("Ruritania and Freedonia signed an agreement in 2001 that covers fishing rights.", "fishing rights", id="covers"),
]


@pytest.mark.parametrize(("text", "asset"), ALSO_COVERS)
def test_one_more_thing_covered_is_not_the_asset(nlp, text, asset):
    assert named(nlp, text, "agreement").asset == asset


# ---------------------------------------------------------------------- a signing dated by the sentence before

OCCASION = [
    pytest.param(
        "Ruritania and Freedonia raised their ties to a new level last year. They signed two pacts on river shipping.",
        "pacts", ["2023"], id="pronoun-after-dated-verb",
    ),
    pytest.param(
        "Ruritania and Freedonia said on Monday that ties were good. They signed two pacts on river shipping.",
        "pacts", [], id="not-after-a-verb-of-saying",
    ),
    pytest.param(
        "Bond prices rose sharply last week. They signed two pacts on river shipping.",
        "pacts", [], id="not-after-an-unnamed-actor",
    ),
    pytest.param(
        "Ruritania and Freedonia raised their ties to a new level last year. They signed two pacts on river shipping in 1990.",
        "pacts", ["1990"], id="own-date-first",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "signed"), OCCASION)
def test_a_signing_told_without_a_date_takes_the_occasion_before(nlp, text, phrase, signed):
    assert named(nlp, text, phrase).signed == signed


# ---------------------------------------------------------------------- what is done under an agreement

UNDER = [
    pytest.param(
        "The mayor quit the race under an agreement with the Greens which would see their candidates backed in ten towns.",
        "agreement", "status", None, id="acted-under-would-is-no-proposal",
    ),
    pytest.param(
        "Ruritania and Freedonia discussed an agreement which would see their candidates backed in ten towns.",
        "agreement", "status", "proposed", id="discussed-would-is-a-proposal",
    ),
    pytest.param(
        "Under a memorandum of understanding signed in 2003, an eye clinic has also been established by the two hospitals in the capital.",
        "memorandum", "asset", "an eye clinic", id="set-up-under-it",
    ),
    pytest.param("Under the deal signed in May, the two sides will set up a joint fund.", "deal", "asset", None, id="who-sets-up-is-no-asset"),
    pytest.param(
        'Under a memorandum of understanding signed in 2003, a "Vision Eye Program" has been established by the two hospitals.',
        "memorandum", "asset", 'a "Vision Eye Program"', id="quotes-closed",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "field", "value"), UNDER)
def test_what_is_done_under_an_agreement(nlp, text, phrase, field, value):
    assert getattr(named(nlp, text, phrase), field) == value


def test_one_purchase_told_twice_is_one_deal(nlp):
    text = (
        "Acme Holdings said on Monday it would acquire rival carrier Zenda Airways in a deal valued at 90 million dollars. "
        "Acme said it would acquire all 12 million shares of ZNA stock of Zenda at 7.50 dollars per share, in an all-cash deal. "
        "The deal, subject to regulatory approval, would create the largest carrier in the region."
    )
    found = run(nlp, text)
    assert [(a.text, a.asset, a.status) for a in found] == [("a deal", "rival carrier Zenda Airways", "pending approval")]
    assert [p.text for p in found[0].parties] == ["Acme Holdings", "Zenda Airways"]


def test_two_purchases_by_one_buyer_are_two_deals(nlp):
    text = (
        "Acme Holdings said on Monday it would acquire rival carrier Zenda Airways in a deal valued at 90 million dollars. "
        "Acme said it would acquire the Danube shipyard from Ruritania in a separate deal."
    )
    assert len(run(nlp, text)) == 2


# ---------------------------------------------------------------------- its own term is no renewal period; "in force" is no asset

def test_a_term_written_before_the_renewal_cue_is_the_agreements_own(nlp):
    found = named(nlp, "The agreement, which is valid for ten years, can be extended.", "agreement")
    assert (found.duration, found.renewal.automatic, found.renewal.period) == ("P10Y", False, None)


RENEWAL_PERIODS = [
    pytest.param("The lease runs for 20 years with 10-year renewals for the tenant.", "lease", ("P20Y", "P10Y"), id="modifier-of-renewals"),
    pytest.param("The deal is for an initial six months with an option of a two year extension.", "deal", ("P6M", "P2Y"), id="after-the-option"),
    pytest.param("Tom Hale signed a one-year extension to his contract on Monday.", "contract", (None, "P1Y"), id="an-extension-to-it"),
]


@pytest.mark.parametrize(("text", "phrase", "terms"), RENEWAL_PERIODS)
def test_renewal_periods(nlp, text, phrase, terms):
    found = named(nlp, text, phrase)
    assert (found.duration, found.renewal.period) == terms


def test_a_deal_that_fell_through_has_no_end_date(nlp):
    found = named(nlp, "Rosvik and Naftogaz signed a deal in March. The deal fell through last month when Naftogaz raised its price.", "deal")
    assert (found.status, found.expires) == ("collapsed", None)


def test_an_option_for_one_more_year_is_a_renewal_option(nlp):
    found = named(nlp, "Tom Hale signed a two-year contract with Everton on Monday, with an option for a third year.", "contract")
    assert (found.duration, found.renewal.automatic, found.renewal.text) == ("P2Y", False, "option for a third year")


@pytest.mark.parametrize(
    ("text", "period"),
    [
        pytest.param("Qantas signed a 12-year service contract with Thales on Monday, with an option for the airline to extend it for a further four years.", "P4Y", id="an-option-for-someone-to-extend"),
        pytest.param("Atos won a six-year contract on Monday that comes with an option for three more years.", "P3Y", id="an-option-for-more-years"),
    ],
)
def test_options_written_with_their_holder_or_as_more_years_are_renewal_options(nlp, text, period):
    found = named(nlp, text, "contract")
    assert (found.renewal.automatic, found.renewal.period) == (False, period)


def test_remaining_in_force_says_nothing_of_what_it_covers(nlp):
    found = named(nlp, "The agreement will remain in force for ten years.", "agreement")
    assert (found.asset, found.status, found.duration) == (None, "in force", "P10Y")


MORE_TERMS = [
    pytest.param("Freedonia's parliament has yet to ratify the border treaty signed in 2010.", "treaty", "status", "pending approval", id="has-yet-to-ratify"),
    pytest.param("Ruritania and Freedonia signed a 20-year gas supply contract worth 10 billion dollars.", "contract", "asset", "gas supply", id="goods-inside-compound"),
    pytest.param("The agreement, due to expire in 2031, covers wheat.", "agreement", "expires", "2031", id="due-to-expire"),
]


@pytest.mark.parametrize(("text", "phrase", "field", "value"), MORE_TERMS)
def test_more_terms_of_wire_news(nlp, text, phrase, field, value):
    found = getattr(named(nlp, text, phrase), field)
    assert (found.value if field == "expires" and found is not None else found) == value


STATE_SHAPES = [
    pytest.param("The 1994 accord, which was approved by parliament last year, is still not in force.", "accord", "status", "approved", id="not-in-force"),
    pytest.param("The 1994 accord is no longer in effect.", "accord", "status", None, id="no-longer-in-effect"),
    pytest.param("The cease-fire agreement signed in April has largely been respected.", "agreement", "status", "in force", id="has-been-respected"),
    pytest.param("Ruritania and Freedonia signed the accord in 2003, ending a 20-year civil war.", "accord", "asset", "a 20-year civil war", id="span-adjective-noun"),
    pytest.param("The two sides signed a memorandum on trade on the sidelines of the summit.", "memorandum", "asset", "trade", id="sidelines-of-a-meeting"),
]


@pytest.mark.parametrize(("text", "phrase", "field", "value"), STATE_SHAPES)
def test_state_and_effect_shapes(nlp, text, phrase, field, value):
    assert getattr(named(nlp, text, phrase), field) == value


def test_protocols_still_to_be_signed_say_nothing_of_a_signed_agreement(nlp):
    text = (
        "Ruritania and Freedonia on Friday signed an agreement on river transport in the capital. "
        "Ruritania still has to sign bilateral protocols with Zenda and Borealis, with whom talks have ended."
    )
    assert named(nlp, text, "an agreement").status is None


AHEAD_AND_COVERED = [
    pytest.param(
        "The two men met during a visit which will coincide with the signature of a dozen trade accords on Tuesday.",
        "accords", "status", "proposed", id="signature-ahead",
    ),
    pytest.param("Scientists are unsure whether the eel is a migratory species covered by the new convention.", "convention", "asset", "a migratory species", id="covered-by"),
    pytest.param(
        "The army wants to formalise a two-month-old informal truce around the rebel stronghold of Zenda.",
        "truce", "asset", "the rebel stronghold of Zenda", id="truce-around",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "field", "value"), AHEAD_AND_COVERED)
def test_signing_ahead_and_what_is_covered(nlp, text, phrase, field, value):
    assert getattr(named(nlp, text, phrase), field) == value


SIGNING_NOUN_DAYS = [
    pytest.param("The two men attended the signing of three trade accords on Tuesday.", ["2024-06-11"], None, id="attended-the-signing"),
    pytest.param("The two men will attend the signing of three trade accords on Tuesday.", [], "proposed", id="will-attend-the-signing"),
    pytest.param("The cabinet approved the signing of three trade accords at its meeting on Tuesday.", [], None, id="approved-the-signing"),
]


@pytest.mark.parametrize(("text", "signed", "status"), SIGNING_NOUN_DAYS)
def test_a_signing_noun_dates_the_agreements(nlp, text, signed, status):
    found = named(nlp, text, "accords")
    assert (found.signed, found.status) == (signed, status)


NOUN_SHAPES = [
    pytest.param("Ruritania signed a natural gas contract with Freedonia.", "contract", "natural gas", id="adjective-of-the-goods"),
    pytest.param("Ruritania signed a new gas contract with Freedonia.", "contract", "gas", id="adjective-of-the-contract"),
    pytest.param("The firm reported lower earnings, taking charges for canceled real estate leases.", "leases", "real estate", id="real-estate"),
    pytest.param(
        "The officials said the ruling overruled a 1971 convention which gives Ruritania the right to try the men.",
        "convention", "the right to try the men", id="right-to",
    ),
    pytest.param("The two leaders reached an agreement on their future relations at a summit meeting in Paris.", "agreement", "their future relations", id="at-a-summit"),
    pytest.param("Ruritania and Freedonia signed an accord on cooperation at sea on Monday.", "accord", "cooperation at sea", id="at-sea-stays"),
]


@pytest.mark.parametrize(("text", "phrase", "asset"), NOUN_SHAPES)
def test_noun_shapes_of_assets(nlp, text, phrase, asset):
    assert named(nlp, text, phrase).asset == asset


ACTIVITIES = [
    pytest.param("Ruritania signed a military cooperation agreement with Freedonia on Monday.", "agreement", "military cooperation", id="military-cooperation"),
    pytest.param("Ruritania signed a cooperation agreement with Freedonia on Monday.", "agreement", None, id="bare-cooperation"),
    pytest.param("The rebels signed a power-sharing deal with the government.", "deal", "power-sharing", id="power-sharing"),
    pytest.param("The two sides signed a peace deal with the rebels.", "deal", None, id="peace-is-a-type"),
]


@pytest.mark.parametrize(("text", "phrase", "asset"), ACTIVITIES)
def test_a_general_kind_named_by_an_activity(nlp, text, phrase, asset):
    assert named(nlp, text, phrase).asset == asset


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param(
            "Britain ratified the Treaty of Amsterdam and the Schengen Agreement on Friday.",
            [["Britain"], ["Britain"]],
            id="ratified-a-named-treaty-and-another",
        ),
        pytest.param("Serbia joined the Energy Charter Treaty and the Kyoto Protocol in 2005.", [["Serbia"], ["Serbia"]], id="joined-both"),
        pytest.param("Chile signed a trade agreement and a visa deal on Monday.", [["Chile"], ["Chile"]], id="signed-both"),
    ],
)
def test_agreements_joined_as_objects_of_one_joining_verb_share_its_sides(nlp, text, found):
    assert [[p.text for p in a.parties] for a in run(nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "phrase", "status"),
    [
        pytest.param("The agreement still needs to be ratified by the parliaments of all member states.", "agreement", "pending approval", id="needs-to-be-ratified"),
        pytest.param("The pact will need to be ratified by the Turkish parliament.", "pact", "pending approval", id="will-need-to-be-ratified"),
        pytest.param("The deal still has to be approved by regulators.", "deal", "pending approval", id="has-to-be-approved"),
        pytest.param("The deal remains to be approved by shareholders.", "deal", "pending approval", id="remains-to-be-approved"),
        pytest.param("The accord, signed in May, is subject to ratification by both parliaments.", "accord", "pending approval", id="subject-to-ratification"),
        pytest.param("The treaty was ratified by the Senate in 1999.", "treaty", "ratified", id="but-was-ratified"),
        pytest.param("Peru and Chile signed a border treaty on Friday. Both parliaments must ratify the treaty.", "border treaty", "pending approval", id="must-ratify"),
        pytest.param("The Senate must approve the deal before it takes effect.", "deal", "pending approval", id="must-approve"),
        pytest.param("Parliament voted to ratify the treaty on Tuesday.", "treaty", "ratified", id="and-voted-to-ratify"),
        pytest.param("The deal, which had to be approved by regulators in Brussels and Washington, was completed in March.", "deal", "approved", id="had-to-be-approved-was-done"),
        pytest.param("The Kyoto Protocol entered into force in 2005. Activists said the United States must ratify the Kyoto Protocol.", "Kyoto", "in force", id="one-state-yet-to-ratify"),
    ],
)
def test_an_approval_still_owed_is_pending(nlp, text, phrase, status):
    assert named(nlp, text, phrase).status == status


@pytest.mark.parametrize(
    ("text", "phrase", "status"),
    [
        # (drills being held under it say it is in force, though "held" is no verb of its holding)
        pytest.param("Drills are being held under a fisheries pact that Iceland signed with Norway.", "pact", "in force", id="being-done-under-it"),
        pytest.param("Joint naval drills are staged yearly under the 1951 defence treaty.", "treaty", "in force", id="done-yearly-under-it"),
        pytest.param("Monitors helped draft a 1995 accord between Zagreb and the rebels under which the region is being returned.", "accord", "in force", id="under-which-it-is-being-done"),
        pytest.param("Under the deal, the company gets 20 percent of the field.", "deal", None, id="a-term-told-in-the-present"),
        pytest.param("Under the deal, troops will withdraw by March.", "deal", None, id="a-term-ahead"),
        pytest.param("Prisoners were released under the deal in March.", "deal", None, id="done-under-it-once"),
        pytest.param("Russia operates an air base at Kant under a 15-year agreement signed in 2003.", "agreement", "in force", id="done-now-under-one-made-then"),
        pytest.param("Since June 2005 the network has been run by a state company under a five-year lease.", "lease", "in force", id="done-since-under-it"),
    ],
)
def test_what_is_being_done_under_an_agreement_says_it_is_in_force(nlp, text, phrase, status):
    assert named(nlp, text, phrase).status == status


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Kenya is currently seeking a loan under a new deal being negotiated with the lenders.", id="sought-under-a-deal-being-negotiated"),
        pytest.param("Cuts of 10 percent are being sought under the pact that negotiators hope to sign in December.", id="under-a-pact-hoped-for"),
    ],
)
def test_what_is_sought_under_an_agreement_still_to_be_made_says_nothing_of_its_force(nlp, text):
    assert [a.status for a in run(nlp, text) if a.status is not None] == []


@pytest.mark.parametrize(
    ("text", "phrase", "status", "asset"),
    [
        pytest.param("The merger agreement was shelved in March amid opposition from regulators.", "merger agreement", "stalled", None, id="shelved"),
        pytest.param("The peace deal remains in limbo after the president refused to sign it.", "peace deal", "stalled", None, id="in-limbo-is-no-place-it-covers"),
        pytest.param("The cabinet put the gas deal on hold in March.", "gas deal", "stalled", "gas", id="put-on-hold-is-no-topic"),
        pytest.param("The gas deal, in limbo since March, covers the port.", "gas deal", "stalled", "the port", id="in-limbo-set-off-before-the-object"),
    ],
)
def test_an_agreement_put_aside_is_stalled(nlp, text, phrase, status, asset):
    found = named(nlp, text, phrase)
    assert (found.status, found.asset) == (status, asset)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The collapse of the migration deal left thousands of migrants in limbo.", id="the-object-left-in-limbo"),
        pytest.param("The migration deal of 2016 put deportations on hold.", id="the-object-put-on-hold"),
    ],
)
def test_what_an_agreement_leaves_in_limbo_is_not_its_state(nlp, text):
    assert [a.status for a in run(nlp, text) if a.status is not None] == []


@pytest.mark.parametrize(
    ("text", "phrase", "kind"),
    [
        pytest.param("Rio Tinto signed a 20-year iron ore supply deal with Baosteel worth 9 billion dollars.", "deal", "deal", id="ore-supplied-is-trade"),
        pytest.param("The company signed a deal on phosphate mining in Homs.", "deal", "mining rights", id="mining-is-mining-rights"),
        pytest.param("The firm signed an agreement to develop the iron ore deposits in Guinea.", "agreement", "mining rights", id="ore-deposits-developed"),
        pytest.param("Kiruna Metals signed a deal to sell iron ore to Posco.", "deal", "deal", id="ore-sold"),
        pytest.param("The miner signed a deal to supply iron ore from Canada to Japan for ten years.", "deal", "deal", id="ore-supplied-from-to"),
        pytest.param("The miner signed an agreement to ship phosphate to Indian fertiliser makers.", "agreement", "agreement", id="phosphate-shipped"),
        pytest.param("The two states signed a deal on the sale of iron ore from the northern deposits.", "deal", "deal", id="the-sale-of-ore"),
        pytest.param("Kiruna Metals signed a deal with Posco. The deal covers 30 million tonnes of iron ore a year.", "deal", "deal", id="tonnes-of-ore"),
        pytest.param("Peru signed a deal with China on cooperation in the fields of mining and energy.", "deal", "deal", id="cooperation-in-mining"),
    ],
)
def test_a_deal_to_trade_ore_is_no_mining_right(nlp, text, phrase, kind):
    assert named(nlp, text, phrase).kind == kind


def test_joined_agreements_each_with_its_own_side_stay_two(nlp):
    found = run(nlp, "Israel has honoured the Camp David Accords and the peace treaty with Jordan.")
    assert [(a.text, sorted(p.text for p in a.parties)) for a in found] == [
        ("the Camp David Accords", ["Israel"]), ("the peace treaty", ["Israel", "Jordan"]),
    ]


def test_a_ceasefire_extended_to_a_region_is_no_renewal(nlp):
    assert named(nlp, "A ceasefire extended to southern Lebanon on Monday is holding.", "ceasefire").renewal is None


def test_sides_hung_on_the_first_of_two_joined_agreements_are_both_s(nlp):
    text = "The seizure, which violates a previous truce and mutual recognition pact between the SICS and the government, comes days later."
    assert [sorted(p.text for p in a.parties) for a in run(nlp, text)] == [["SICS", "the government"], ["SICS", "the government"]]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("The two companies ended their distribution agreement in March.", "cancelled", id="ended-their-agreement"),
        pytest.param("The junta put an end to the ceasefire on Friday.", "cancelled", id="put-an-end-to"),
        pytest.param("Acme said it had ended the supply contract with Beta Corp.", "cancelled", id="ended-it"),
        pytest.param("The company will end its contract with Beta Corp next year.", None, id="not-an-end-ahead"),
        pytest.param("The lease with Beta Corp ended in 2010.", None, id="not-an-expiry"),
    ],
)
def test_an_agreement_someone_ended_is_cancelled(nlp, text, status):
    assert [a.status for a in run(nlp, text)] == [status]


def test_what_an_agreement_ended_is_no_end_of_its_own(nlp):
    found = run(nlp, "The peace agreement between Peru and Ecuador ended the border war in 1998.")
    assert [a.expires for a in found] == [None]


@pytest.mark.parametrize(
    ("text", "parties", "status"),
    [
        pytest.param("Russia suspended its participation in the Conventional Armed Forces in Europe Treaty.", ["Russia"], "suspended", id="its-participation"),
        pytest.param("Diplomats praised Japan's involvement in the Kyoto Protocol.", ["Japan"], None, id="a-states-involvement"),
        pytest.param("Norway played a key role in the Oslo Accords.", [], None, id="not-a-brokers-role"),
    ],
)
def test_whose_part_in_a_named_treaty_it_is_is_its_side(nlp, text, parties, status):
    assert [([p.text for p in a.parties], a.status) for a in run(nlp, text)] == [(parties, status)]


@pytest.mark.parametrize(
    ("text", "signed", "status"),
    [
        pytest.param("Chevron won approval from the Nigerian government on Monday for its gas deal with Shell.", [], "approved", id="won-approval-for"),
        pytest.param("EU regulators gave the green light on Tuesday to the merger deal between Acme and Beta.", [], "approved", id="gave-the-green-light-to"),
        pytest.param("The government has frozen a 2004 contract with Siemens to build a power plant.", ["2004"], "suspended", id="has-frozen"),
    ],
)
def test_an_approval_won_or_given_is_no_signing(nlp, text, signed, status):
    assert [(a.signed, a.status) for a in run(nlp, text)] == [(signed, status)]


@pytest.mark.parametrize(
    ("text", "renewal"),
    [
        pytest.param("The lease with Acme is automatically renewable for periods of five years.", (True, "P5Y"), id="automatically-renewable"),
        pytest.param("The concession with Acme expires in 2028 but can be extended by mutual agreement for another 10 years.", (False, "P10Y"), id="by-mutual-agreement"),
    ],
)
def test_renewal_terms_told_with_an_adverb_or_a_manner(nlp, text, renewal):
    found = run(nlp, text)
    assert [(a.renewal.automatic, a.renewal.period) if a.renewal else None for a in found] == [renewal]


def test_a_cessation_of_hostilities_agreement_is_a_ceasefire_between_its_sides(nlp):
    text = "The LRA rebels attacked a town. The cessation of hostilities agreement between the government and the rebels was signed in August."
    assert [(a.kind, sorted(p.text for p in a.parties)) for a in run(nlp, text)] == [("ceasefire", ["LRA", "the government"])]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        pytest.param("Under the deal signed on Monday with the unions, fuel prices will remain frozen until March.", None, id="prices-kept-frozen"),
        pytest.param("The deal with Pyongyang signed on Monday releases 25 million dollars in frozen funds.", None, id="frozen-funds"),
        pytest.param("The war began in 1998. A ceasefire agreement between Angola and the rebels ended it in 2002.", None, id="the-agreement-ended-it"),
    ],
)
def test_what_is_frozen_or_ended_by_an_agreement_says_nothing_of_its_status(nlp, text, status):
    assert [a.status for a in run(nlp, text)] == [status]


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("The two sides agreed last week to sign a peace accord with the rebels.", [], id="agreed-to-sign"),
        pytest.param("Pakistan received the first batch of F-16 jets on Monday under a 2005 contract with the US.", ["2005"], id="received-under"),
        pytest.param("Qatar said on Monday it had signed a contract with ExxonMobil for 25 years.", ["2024-06-10"], id="said-and-a-term"),
    ],
)
def test_a_day_on_another_act_is_not_the_signings(nlp, text, signed):
    assert [a.signed for a in run(nlp, text)] == [signed]


def test_a_previous_agreement_is_another_one_between_the_same_sides(nlp):
    found = run(nlp, "Russia and Ukraine signed a new gas deal on Wednesday. The previous deal ran for five years.")
    assert [(a.text, [p.text for p in a.parties], a.duration, a.expires) for a in found] == [
        ("a new gas deal", ["Russia", "Ukraine"], None, None), ("The previous deal", ["Russia", "Ukraine"], "P5Y", None),
    ]


def test_a_coachs_contract_with_a_national_team_has_no_computed_expiry(nlp):
    found = run(nlp, "Guus Hiddink signed a two-year contract with Russia on Monday.")
    assert [(a.duration, a.expires) for a in found] == [("P2Y", None)]


def test_the_vote_that_ratified_a_treaty_keeps_it_ratified(nlp):
    text = "Lithuania's parliament ratified a border treaty with Latvia on Tuesday. The treaty was approved by 112 deputies."
    assert [a.status for a in run(nlp, text)] == ["ratified"]


def test_a_contract_terminated_that_was_due_to_run_on_is_cancelled(nlp):
    assert [a.status for a in run(nlp, "Chelsea terminated the striker's contract, which was due to run until June 2008.")] == ["cancelled"]


def test_a_name_of_another_kind_saying_what_it_is_for_is_another_agreement(nlp):
    text = (
        "Belarus on Tuesday suspended a 1995 agreement allowing Russian military aircraft to use its airspace. "
        "The current supply contract expires on December 31."
    )
    assert [(a.text, a.status) for a in run(nlp, text)] == [("a 1995 agreement", "suspended"), ("The current supply contract", "in force")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Sri Lanka's government and the Tamil Tigers signed a ceasefire in 2002. The four-year-old truce collapsed in August.",
            [("a ceasefire", "collapsed")], id="an-age-is-no-previous",
        ),
        pytest.param(
            "Russia's lease on the Sevastopol base with Ukraine is due to run until 2017.", [("Russia's lease", "in force")], id="is-due-to-run",
        ),
        pytest.param(
            "The two countries, which had hoped to sign the accord last year, signed it in Moscow on Monday.", [("the accord", None)], id="hoped-then-signed",
        ),
    ],
)
def test_review_shapes_keep_their_status(nlp, text, expected):
    assert [(a.text, a.status) for a in run(nlp, text)] == expected


def test_the_previous_agreement_named_after_one_takes_its_sides(nlp):
    text = (
        "Mauritania signed a fisheries agreement with the EU on Monday. Separately, Morocco signed a free trade deal with "
        "the United States. The previous fisheries accord expired in July."
    )
    assert [sorted(p.text for p in a.parties) for a in run(nlp, text)][-1] == ["EU", "Mauritania"]


def test_a_term_told_of_the_agreement_with_a_clause_on_it_runs_from_its_signing(nlp):
    text = "Russia and Turkmenistan signed a gas deal on Monday. The deal, which covers 80 billion cubic metres a year, will run for 25 years."
    assert [a.expires.value if a.expires else None for a in run(nlp, text)] == ["2049-06-10"]


def test_a_value_with_decimals_over_years_gives_the_term(nlp):
    assert [a.duration for a in run(nlp, "Acme signed a contract with the Pentagon worth 2.1 billion dollars over six years.")] == ["P6Y"]


def test_a_strikes_days_are_no_days_between_signings(nlp):
    text = "Workers returned to work on Monday after the union and Tessaro signed a new contract ending a 10-day strike."
    assert [a.signed for a in run(nlp, text)] == [[]]


def test_what_was_done_to_an_amended_agreement_is_its_status(nlp):
    text = "Chad's National Assembly ratified an amended oil convention with US company Sahara Petroleum on Tuesday."
    assert [(a.status, sorted(p.text for p in a.parties)) for a in run(nlp, text)] == [("ratified", ["Chad", "Sahara Petroleum"])]


def test_the_current_deal_after_a_new_extension_is_not_the_extension(nlp):
    text = "Striker Juan Alves signed a two-year contract extension on Friday. His current deal expired at the end of the season."
    assert [(a.text, a.status) for a in run(nlp, text)][0] == ("a two-year contract extension", None)


def test_the_new_deal_after_the_current_one_is_the_new_one(nlp):
    text = (
        "Gary Whitlock has signed a two-year contract extension with Northfield United. Whitlock had been due to become a "
        "free agent when his current deal expired. The new deal includes an option for a further year."
    )
    found = run(nlp, text)
    assert [(a.text, a.renewal.period if a.renewal else None) for a in found][0] == ("a two-year contract extension", "P1Y")


def test_a_term_written_on_a_later_name_is_no_topic_of_another_agreement(nlp):
    text = "Kazakhstan signed a production sharing agreement with Borealis Petroleum on Tuesday. The 30-year agreement covers 1,200 square kilometres."
    assert [(a.text, a.duration) for a in run(nlp, text)] == [("a production sharing agreement", "P30Y")]


def test_a_name_saying_what_a_deal_covers_is_the_same_deal(nlp):
    found = run(nlp, "Iran and Turkey signed a gas deal in 1996. The supply contract runs for 25 years.")
    assert [(a.text, a.duration) for a in found] == [("a gas deal", "P25Y")]


def test_a_later_name_the_earlier_ones_ends_in_is_the_same_agreement(nlp):
    text = "Guinea on Monday revoked a bauxite mining concession held by Ukrainian group Rusal. The concession was granted for 25 years."
    assert [(a.text, a.duration, a.status) for a in run(nlp, text)] == [("a bauxite mining concession", "P25Y", "cancelled")]


def test_a_contract_a_court_declared_void_is_cancelled_and_the_court_no_side(nlp):
    found = named(nlp, "The Supreme Court in May 2003 declared void the 1997 concession contract under which PIATCO was to build the terminal.", "contract")
    assert (found.status, [p.text for p in found.parties]) == ("cancelled", ["PIATCO"])
