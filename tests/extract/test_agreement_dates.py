"""Signing dates of agreements written away from the agreement's name: on the verb of finalising it,
on a time of day, on an earlier dated making the agreement refers back to; and no date for a signing
still ahead."""

from __future__ import annotations

import pytest

from claimweave.extract.agreement_output import distinct_dates
from tests.extract.agreement_docs import FRIDAY, agreements as run, only


SIGNED = [
    pytest.param(
        "The agreement, which was signed by the two governments Thursday, shows a commitment to farming.",
        ["2024-06-13"],
        id="a-bare-weekday-on-the-relative-signing",
    ),
    pytest.param(
        "The striker signed a seven-year contract worth 90 million dollars in July of 2004.",
        ["2004-07"],
        id="a-date-the-parser-hangs-on-worth",
    ),
    pytest.param(
        "On Friday afternoon, port officials confirmed that the Danish shipping group had finalised a deal with the city.",
        ["2024-06-14"],
        id="finalised-on-a-time-of-day",
    ),
    pytest.param("The two utilities finalized a supply contract on Tuesday morning.", ["2024-06-11"], id="time-of-day-on-the-verb"),
    pytest.param(
        "The regional council said the agreement, signed on Sunday, will come into force in September.",
        ["2024-06-09"],
        id="a-past-weekday-is-the-last-one",
    ),
    pytest.param(
        "The two ministers will sign an accord on fishing rights later on Friday, officials said.",
        [],
        id="a-signing-still-ahead-has-no-date",
    ),
    pytest.param(
        "The army and the rebels agreed on Wednesday to respect a 2002 ceasefire.",
        ["2002"],
        id="agreed-to-keep-an-older-one",
    ),
    pytest.param(
        "The army and the rebels agreed on Wednesday to observe a new truce starting Thursday.",
        ["2024-06-12"],
        id="agreed-to-keep-a-new-one",
    ),
    pytest.param(
        "The army and the rebels agreed on Wednesday to a ceasefire.",
        ["2024-06-12"],
        id="agreed-to-one",
    ),
]


@pytest.mark.parametrize(("text", "signed"), SIGNED)
def test_signing_dates_away_from_the_name(nlp, text, signed):
    assert only(nlp, text).signed == signed


REFERRED = [
    pytest.param(
        "On Thursday, the state gas company took control of the offshore field and agreed to pay 7 billion dollars "
        "to the foreign consortium. Analysts were surprised. The prime minister welcomed the latest deal.",
        ["2024-06-13"],
        id="latest-deal-after-a-dated-agreeing",
    ),
    pytest.param(
        "On Thursday, the two leaders agreed that talks should go on. The prime minister welcomed the latest deal.",
        [],
        id="agreeing-that-is-no-deal",
    ),
    pytest.param(
        "The two utilities won approval from regulators on Tuesday. The deal creates the largest grid operator in the region.",
        [],
        id="a-plain-definite-takes-no-earlier-date",
    ),
]


@pytest.mark.parametrize(("text", "signed"), REFERRED)
def test_the_latest_deal_is_the_one_made_on_the_date_told_before(nlp, text, signed):
    found = run(nlp, text)
    assert found or not signed
    assert all(a.signed == signed for a in found), [(a.text, a.signed) for a in found]


SAME_DAY = [
    pytest.param(
        "The harbour board voted on Wednesday to back the ferry link. The board awarded the work to Nordlys Marine, "
        "which will run the service for 20 years under a concession agreement signed the same evening.",
        ["2024-06-12"],
        id="signed-the-same-evening",
    ),
    pytest.param(
        "The harbour board voted on Wednesday to back the ferry link. The board hopes a concession agreement "
        "will be signed the same evening.",
        [],
        id="a-signing-hoped-for-the-same-evening",
    ),
]


@pytest.mark.parametrize(("text", "signed"), SAME_DAY)
def test_a_signing_the_same_day_is_on_the_day_last_named(nlp, text, signed):
    found = run(nlp, text)
    assert found or not signed
    assert all(a.signed == signed for a in found), [(a.text, a.signed) for a in found]


def test_a_truce_taking_effect_is_not_signed_then(nlp):
    text = "Four people have died since a fragile truce took effect between the two militias on June 2."
    assert [a.signed for a in run(nlp, text)] == [[]]


DAYS_APART = [
    pytest.param(
        "The Tigers signed catcher Ivan Moreno to a two-year contract on Thursday. "
        "The move came one day after the Mets signed Luis Acosta to a multi-year deal worth 60 million dollars.",
        {"a two-year contract": ["2024-06-13"], "a multi-year deal": ["2024-06-12"]},
        id="one-day-after",
    ),
    pytest.param(
        "The Tigers signed catcher Ivan Moreno to a two-year contract on Thursday. "
        "The move came one day before the Mets will sign Luis Acosta to a multi-year deal.",
        {"a two-year contract": ["2024-06-13"], "a multi-year deal": []},
        id="a-signing-ahead-has-no-date",
    ),
]


@pytest.mark.parametrize(("text", "expected"), DAYS_APART)
def test_a_signing_days_apart_from_the_day_last_named(nlp, text, expected):
    found = {a.text: a.signed for a in run(nlp, text)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("values", "dates"),
    [
        pytest.param(["2005", "2005-11-09"], ["2005-11-09"], id="the-year-of-the-day-told-with-it"),
        pytest.param(["2015", "2017"], ["2015", "2017"], id="two-signings-kept"),
        pytest.param(["2006-03", "2005", "2006-03-01", "2006-03"], ["2005", "2006-03-01"], id="month-of-the-day-and-repeats"),
        pytest.param(["2006-11-13", "2006-W46"], ["2006-11-13"], id="the-week-of-the-day"),
        pytest.param(["2006-11-06", "2006-W46"], ["2006-11-06", "2006-W46"], id="another-week-kept"),
    ],
)
def test_a_signing_date_restated_less_precisely_is_one_date(values, dates):
    assert distinct_dates(values) == dates



@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The agreement on water sharing dates back to 1944.", id="dates-back-to"),
        pytest.param("The Karsa accord dates from 1944 and still governs the river.", id="dates-from"),
    ],
)
def test_how_far_an_agreement_dates_back_is_its_signing_not_its_end(nlp, text):
    found = only(nlp, text)
    assert (found.signed, found.expires) == (["1944"], None)


def test_a_verb_of_dating_read_as_a_noun_ends_the_asset(nlp):
    assert only(nlp, "The agreement on water sharing dates back to 1944.").asset == "water sharing"


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("The talks ended on Wednesday with an agreement on fishing quotas.", ["2024-06-12"], id="ended-on-a-day-with"),
        pytest.param("The two-day summit wrapped up here on Tuesday with a deal on climate finance.", ["2024-06-11"], id="wrapped-up-with"),
        pytest.param(
            "Officials had hoped the talks would end on Wednesday with an agreement on fishing quotas.", [], id="a-closing-only-hoped-for-signs-nothing",
        ),
    ],
)
def test_a_meeting_that_closed_with_an_agreement_made_it_that_day(nlp, text, signed):
    assert only(nlp, text).signed == signed


@pytest.mark.parametrize(
    ("text", "expires"),
    [
        pytest.param("The treaty, signed in 1997, was due to expire in 2017 but was extended to 2042.", "2042", id="extended-to-a-later-end"),
        pytest.param("The lease expires in 2030 but could be extended to 2050.", "2030", id="a-possible-extension-moves-nothing"),
        pytest.param("The lease expires in 2030, but Tolmark wants it extended to 2050.", "2030", id="a-wished-extension-moves-nothing"),
        pytest.param("The lease expires in 2030; if it is extended to 2050, the port stays Norvian.", "2030", id="a-conditional-extension-moves-nothing"),
        pytest.param("The lease's expiry was pushed back to 2042.", "2042", id="pushed-back-to-is-no-dating-back"),
        pytest.param("Ruritania's 99-year lease on the Karsa peninsula ran out in 1997.", "1997", id="ran-out-in"),
        pytest.param("The 20-year lease on the Karsa port lapsed in 2004.", "2004", id="lapsed-in"),
    ],
)
def test_an_end_an_agreement_was_extended_to_replaces_the_first(nlp, text, expires):
    assert only(nlp, text).expires.value == expires


@pytest.mark.parametrize(
    ("text", "period", "automatic"),
    [
        pytest.param("The pact, first signed in 1994 and renewed every five years since, expires in 2024.", "P5Y", None, id="a-participle-on-its-name"),
        pytest.param("The treaty has been renewed every five years since 1994.", "P5Y", None, id="the-verb-of-its-clause"),
        pytest.param("The contract was renewed for another three years.", "P3Y", None, id="for-another-three-years"),
    ],
)
def test_a_renewal_every_few_years_has_that_period(nlp, text, period, automatic):
    renewal = only(nlp, text).renewal
    assert (renewal.period, renewal.automatic) == (period, automatic)


@pytest.mark.parametrize(
    ("text", "expires"),
    [
        pytest.param("The concession runs for 30 years from 2010.", "2040", id="for-years-from-a-year"),
        pytest.param("The firm won a five-year contract starting in January 2008.", "2013-01", id="a-term-starting-in-a-month"),
        pytest.param("The lease, signed in 2001, runs for 20 years from 2003.", "2023", id="from-its-start-not-its-signing"),
        pytest.param("The lease was signed in 2001 for 20 years.", "2021", id="from-its-signing-when-no-start-is-written"),
    ],
)
def test_a_term_runs_from_the_day_written_after_it(nlp, text, expires):
    found = only(nlp, text)
    assert (found.expires.value, found.expires.computed) == (expires, True)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Under the 2015 accord, Tehran agreed to freeze enrichment for 15 years from 2016.", id="a-duty-for-years-from-a-year"),
        pytest.param("Under the 2015 accord, Tehran agreed to freeze enrichment for 15 years.", id="a-duty-for-years-from-the-signing"),
        pytest.param("The loan agreement gives the borrower a grace period of two years starting in January 2027.", id="a-grace-period-is-part-of-the-term"),
    ],
)
def test_how_long_a_duty_lasts_is_no_term_to_expire(nlp, text):
    assert only(nlp, text).expires is None


@pytest.mark.parametrize(
    ("text", "expires"),
    [
        pytest.param("The council signed a concession in 2010 that lets the firm run the ferry line for 25 years.", "2035", id="what-a-concession-lets-its-holder-do"),
        pytest.param("A 2012 deal gave the company the right to exploit copper deposits for 30 years.", "2042", id="a-right-to-exploit"),
    ],
)
def test_what_a_grant_lets_its_holder_do_runs_for_its_term(nlp, text, expires):
    found = only(nlp, text)
    assert (found.expires.value, found.expires.computed) == (expires, True)


@pytest.mark.parametrize(
    ("text", "field", "value"),
    [
        pytest.param("The ceasefire expired at midnight on Friday.", "expires", "2024-06-14", id="expired-at-midnight-on-a-day"),
        pytest.param("The deal expires at midnight on July 31.", "expires", "2024-07-31", id="expires-at-midnight-on-a-date"),
        pytest.param("The union signed a new contract at midnight on Tuesday.", "signed", ["2024-06-11"], id="signed-at-midnight-on-a-day"),
        pytest.param("The union reached a deal with the company shortly after midnight on Sunday.", "signed", ["2024-06-09"], id="reached-after-midnight-on-a-day"),
    ],
)
def test_a_time_of_day_followed_by_its_day_is_dated_by_the_day(nlp, text, field, value):
    found = only(nlp, text)
    got = found.expires.value if field == "expires" else found.signed
    assert got == value


@pytest.mark.parametrize(
    ("text", "expires"),
    [
        pytest.param("The truce expires at the end of March, officials said.", "2025-03", id="a-month-already-past-this-year-is-next-years"),
        pytest.param("The accord expires on March 3.", "2025-03-03", id="a-day-already-past-this-year"),
        pytest.param("The accord expires in September.", "2024-09", id="a-month-still-ahead"),
        pytest.param("The accord expired in March.", "2024-03", id="but-an-end-told-as-past"),
    ],
)
def test_an_end_told_in_the_present_without_its_year_is_the_next_one(nlp, text, expires):
    # (published 2024-06-14: the tests' publication date)
    assert only(nlp, text).expires.value == expires


def test_a_term_of_years_and_a_half_runs_its_months_too(nlp):
    found = only(nlp, "The club signed the defender to a two-and-a-half-year contract in January 2023.")
    assert (found.duration, found.expires.value) == ("P2Y6M", "2025-07")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The peace treaty, signed in 1979, has held for more than four decades.", id="has-held-for"),
        pytest.param("The truce, which held for three weeks, collapsed on Monday.", id="held-for"),
        pytest.param("The ceasefire has been in effect for two months.", id="has-been-in-effect-for"),
    ],
)
def test_how_long_an_agreement_has_lasted_so_far_is_no_term(nlp, text):
    assert only(nlp, text).duration is None


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("Aramco signed a memorandum with Sinopec to build a refinery in Yanbu on Sunday.", ["2024-06-09"], id="a-weekday-after-the-purpose"),
        pytest.param("The two firms signed an agreement to develop a gas field on Tuesday.", ["2024-06-11"], id="a-weekday-after-the-purposes-object"),
        pytest.param("The two firms will sign an agreement to develop a gas field on Tuesday.", [], id="not-a-signing-ahead"),
        pytest.param("The firms signed a deal to start deliveries on March 3.", [], id="not-a-date-of-the-purpose"),
    ],
)
def test_a_weekday_at_the_end_of_what_an_agreement_was_signed_for_dates_the_signing(nlp, text, signed):
    assert only(nlp, text).signed == signed


def test_a_truce_of_hours_has_its_term_and_its_end(nlp):
    found = only(nlp, "The two sides signed a 48-hour ceasefire on Monday.")
    assert (found.duration, found.expires.value) == ("PT48H", "2024-06-12")



@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("Vattenfall said on Monday it signed a supply contract with Nordic Steel on Sunday.", ["2024-06-09"], id="the-signings-own-day"),
        pytest.param("The ministry announced on Wednesday that it signed a lease with Baltic Ports in May.", ["2024-05"], id="announced-and-a-month"),
        pytest.param("Vattenfall said on Monday it signed a supply contract with Nordic Steel.", ["2024-06-10"], id="the-only-day-given"),
    ],
)
def test_the_day_a_signing_was_reported_is_not_its_day_when_it_has_its_own(nlp, text, signed):
    assert only(nlp, text).signed == signed


def test_a_signing_last_week_is_dated_by_its_week(nlp):
    found = only(nlp, "The pact was signed in Moscow last week by Russia and Kyrgyzstan.")
    assert found.signed == ["2024-W23"]


def test_a_contract_worth_a_sum_over_years_runs_for_them(nlp):
    assert only(nlp, "Acme signed a contract with Freedonia worth 88 million dollars over six years.").duration == "P6Y"


def test_the_two_sides_signing_after_their_leaders_met_sign_on_that_day(nlp):
    text = (
        "MOSCOW, June 14 (AFP) - Russian President Vladimir Putin and his Kazakh counterpart Nursultan Nazarbayev "
        "met in the Kremlin on Tuesday for talks on energy.\n\n"
        "The two sides signed a 10-year agreement on oil transit, the Kremlin press service said."
    )
    found = only(nlp, text)
    assert (sorted(p.text for p in found.parties), found.signed, found.expires and found.expires.value) == (
        ["Kazakh", "Russian"], ["2024-06-11"], "2034-06-11",
    )


def test_signed_the_same_day_is_the_day_last_named_not_the_publication(nlp):
    text = (
        "The authority signed the lease of the Delhi airport on April 4 with a consortium led by GMR Infrastructure, "
        "which took over the running of the airport in May.\n\n"
        "A similar agreement for the Mumbai airport was signed the same day with GVK Industries."
    )
    assert [a.signed for a in run(nlp, text)] == [["2024-04-04"], ["2024-04-04"]]


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("The accord will give legal form to a power-sharing deal struck by the two sides after marathon talks on June 8.", ["2024-06-08"], id="after-talks-on-a-day"),
        pytest.param(
            "Premier Wen Jiabao held talks with his Thai counterpart here on Tuesday, after which the two sides signed a trade agreement.",
            ["2024-06-11"], id="after-which",
        ),
    ],
)
def test_a_signing_after_a_meeting_is_dated_by_the_meeting(nlp, text, signed):
    assert only(nlp, text).signed == signed


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param(
            "It first did business with the yard in 2004, when the two companies signed a contract for four tankers, the last of which was handed over in May.",
            ["2004"], id="a-date-of-what-it-covers",
        ),
        pytest.param(
            "A major dispute concerns a broad political treaty calling for border demarcation, which the two presidents signed last May.",
            ["2024-05"], id="a-signing-clause-the-parser-hung-elsewhere",
        ),
    ],
)
def test_a_date_of_a_relative_clause_about_something_else_is_no_signing_date(nlp, text, signed):
    assert only(nlp, text).signed == signed


@pytest.mark.parametrize(
    ("text", "signed"),
    [
        pytest.param("PDVSA signed agreements with Italy's Eni and France's Total on Tuesday settling a dispute.", ["2024-06-11"], id="after-the-with-list"),
        pytest.param(
            "Under the agreement on realigning US forces in Japan reached by Tokyo and Washington on May 1, 8,000 Marines will move.",
            ["2024-05-01"], id="after-the-agent",
        ),
        pytest.param(
            "The deal followed a memorandum of understanding signed by the Egyptian and Israeli governments in Cairo on June 30, 2005.",
            ["2005-06-30"], id="after-the-place",
        ),
    ],
)
def test_a_day_written_after_the_signings_other_words_is_its_day(nlp, text, signed):
    found = [a for a in run(nlp, text) if a.signed]
    assert [a.signed for a in found] == [signed]


@pytest.mark.parametrize(
    "text",
    [
        "The agreement, signed in Brussels in July 2005, will run for four years from its entry into force.",
        "The agreement, signed on Monday, runs for 12 years from the first commercial sale of the drug.",
    ],
)
def test_a_term_running_from_another_start_than_the_signing_computes_no_expiry(nlp, text):
    assert only(nlp, text).expires is None


def test_a_companys_short_name_taken_for_a_person_has_no_personal_contract(nlp):
    text = "Xansa Plc said on Monday its profit rose. Xansa's eight-year contract to run the payroll of the Home Office, signed in 2001, is under review."
    found = only(nlp, text)
    assert (found.expires.value, found.expires.computed) == ("2009", True)
