"""The agreement vocabulary (kinds, status, renewal, term cues, asset patterns), loaded from data files.

The files live in ``claimweave/patterns/agreements/``; every entry has an ``id`` that becomes the
``rule`` of the evidence it produces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict

from claimweave import patterns


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid")


class KindRule(_Rule):
    """A kind of agreement and the (lower-case) phrases that name it."""

    id: str
    kind: str
    # Matched whatever the case. The acronym of one named treaty ("NPT") is vocabulary too, written in
    # capitals: it is a name, so its word is no kind word ("the NPT" is called by name, "the treaty" is not).
    terms: list[str]
    generic: bool = False


class StatusRule(_Rule):
    """A cue that gives an agreement a status; ``phrase`` cues only count inside the agreement's phrase."""

    id: str
    status: str
    pattern: str  # its <<BODIES>> stands for the names of the accession_orgs cue ("joined NATO")
    scope: Literal["phrase", "region"] = "region"
    # "the truce is holding": the cue counts only as a verb with no object, told as done or going on
    # (not "held talks", "held up", "will hold")
    intransitive: bool = False
    # "ended their agreement": the cue counts only with the agreement as the verb's object (not "the
    # deal ended the war", nor "the lease ended in 2010", which is an expiry)
    object_only: bool = False


class RenewalRule(_Rule):
    """A renewal cue; ``automatic`` is None when the cue does not say."""

    id: str
    automatic: bool | None
    pattern: str
    period: str | None = None  # a period the cue itself gives ("a club option for the 2008 season": P1Y)


class AssetRule(_Rule):
    id: str
    type: Literal["after_kind", "left_compound", "verb_object", "noun_of", "passive_subject", "purpose", "participle", "ceasefire_place", "ceasefire_after", "framed_subject", "goods_compound", "framed_clause", "covered_by", "worth_in"]
    words: list[str]


class AssetWords(_Rule):
    """Words that make a noun phrase no asset, or hand the asset over to what follows them."""

    description: str
    empty_heads: frozenset[str]
    people_heads: frozenset[str]
    light_to_heads: frozenset[str]
    barrier_heads: frozenset[str]
    np_stop_words: frozenset[str]
    subordinators: frozenset[str]
    holding_verbs: frozenset[str]
    effect_verbs: frozenset[str]
    no_asset_heads: frozenset[str]
    clause_verbs: frozenset[str]
    aim_nouns: frozenset[str]
    outlook_verbs: frozenset[str]
    operator_nouns: frozenset[str]
    creation_verbs: frozenset[str] = frozenset()
    event_nouns: frozenset[str] = frozenset()
    activity_heads: frozenset[str] = frozenset()
    payment_words: frozenset[str] = frozenset()  # "worth $2 billion in cash": how it is paid, no asset
    violence_nouns: frozenset[str] = frozenset()  # with the cues' conflict nouns: what a truce comes after
    dispute_nouns: frozenset[str] = frozenset()  # "a pay deal ending a six-week strike": what it settled, no asset
    truce_making_verbs: frozenset[str] = frozenset()  # "declared a ceasefire after X": X is what it ended
    framed_passive_words: frozenset[str] = frozenset()  # passive verbs whose subject counts only "under" the agreement
    facility_heads: frozenset[str] = frozenset()  # "Rafah Crossing" is a place even when the model tags it a person
    named_object_verbs: frozenset[str] = frozenset()  # "a deal to reopen Rafah Crossing": a named object is what it covers


class KindByAssetRule(_Rule):
    """A general name ("agreements", "a deal") refined by what it covers ("military sites" -> basing agreement)."""

    id: str
    kind: str
    pattern: str


class CollectiveRule(_Rule):
    """A phrase that speaks of all the agreements of a period ("everything that was signed")."""

    id: str
    pattern: str


class DescriptionClass(_Rule):
    """Nouns that describe the same kind of party ("group", "concern", "firm" for a company)."""

    id: str
    nouns: list[str]
    members: list[str] = []  # plurals that name one group by its members ("the rebels")
    # Whether a bare description means only the organisation named last ("the company" in a story
    # naming many companies, whether described or not; but "the rebels" after the army was named).
    latest_only: bool = False


class CueRule(_Rule):
    id: str
    pattern: str


class Cues(_Rule):
    description: str
    signed_left: list[CueRule]
    signed_verbs: list[str]
    winning_verbs: list[str]  # "secured a contract from the Army on Friday": the day it was won dates it
    making_verbs: list[str]  # verbs that make an agreement ("The accord, reached after talks", "signed A and B"), not idioms ("taken together")
    idiom_objects: list[str]  # "took effect": a signing verb in an idiom signs nothing
    latest_words: list[str]  # "the latest deal": the one whose making was just told
    same_day: str  # "signed the same evening": on the day the story last named
    expires_left: list[CueRule]
    duration_left: list[CueRule]
    duration_block_left: list[str]
    hypothetical_left: str
    party_labels: list[str]
    party_block_left: str
    party_speech_verbs: list[str]
    clause_breaks: list[str]
    grant_verbs: list[str]
    link_between: str
    not_agreement_left: str  # its <<LEAVING>> stands for one "not after" lookbehind a word of leaving_out_of
    leaving_out_of: list[str]  # word forms whose "out of" is a leaving ("pulled out of the deal"), not a lack
    futures_contract_left: str
    accession_verbs: list[str]
    accession_adverbs: list[str]
    accession_orgs: str
    signed_block_left: str
    np_stop_words: list[str]
    link_before_generic: str
    lease_verbs: list[str]
    anaphor_nouns: list[str]
    status_anaphors: list[str]
    party_block_right: str
    org_words: list[str]
    from_party_verbs: list[str]
    to_party_verbs: list[str]  # "a deal to sell its unit to X": whom one sells or leases to is a side, even a state (when no partner is named "with" it)
    agreeing_verbs: list[str]
    proposed_verbs: list[str]
    institution_nouns: list[str]
    same_party: str
    target_left: str
    topic_leads: list[str]
    concession_kinds: list[str]
    state_body_nouns: list[str]
    acting_for_left: str
    company_anaphor: str
    signer_pronouns: list[str]  # pronouns resolved when they sign ("It has reached agreements")
    people_nouns: list[str]  # nouns for those who could sign, a "they" does not reach past
    signer_verbs: list[str]  # verbs besides signed_verbs whose pronoun or description subject is resolved
    description_classes: list[DescriptionClass]  # "the Polish oil concern" for "the Polish group X"
    transfer_words: list[str]
    deal_done_verbs: list[str]  # "X completed its acquisition of Y": a purchase told done or announced
    deal_plan_nouns: list[str]
    not_party_heads: list[str]
    sought_verbs: list[str]
    scheduling_verbs: list[str]  # "are expected to sign": a signing announced, not sought
    sought_unreal_verbs: list[str]
    reach_verbs: list[str]
    sought_nouns: list[str]
    near_words: list[str]
    mediator_nouns: list[str]
    unrealised_verbs: list[str]
    negotiating_verbs: list[str]  # "X is negotiating with Y": the sides a later "the deal" is between
    talk_nouns: list[str]
    conflict_nouns: list[str]  # "a truce ending the war between X and Y": the sides of the war are its sides
    ending_verbs: list[str]
    player_nouns: list[str] = []  # a player a story describes, not names ("the striker")
    staff_nouns: list[str] = []  # titles of those who work with a player, never him ("coach", "agent")
    closing_verbs: list[str] = []  # a meeting that "ended on Friday with an agreement" made it that day
    jeopardising_verbs: list[str]  # "not to jeopardise a contract": one there is (or is due), not one sought
    body_descriptor_nouns: list[str]  # "with English county X": a name after one of these is a body's (not people's)
    passing_over_verbs: list[str]  # "snubbing rival Airbus for a deal": whose object is a rival, not a side
    position_nouns: list[str]  # "Denver Nuggets' forward X": a player's or coach's team is written on the position
    brokering_verbs: list[str]  # "X brokered/monitors the truce": X is no side of it
    judging_verbs: list[str]  # "Peru praised the pact": who judges an agreement is no side of it
    approving_verbs: list[str]  # "the Senate ratified the treaty": a body that approves is no side of it (a state is)
    framed_subject_nouns: list[str]  # "under a PSA, the consortium must ...": a company acting under it is a side
    player_descriptors: list[str]  # "Veteran striker X": words before a position that name no team
    grant_nouns: list[str]  # "the deal gives Occidental exploration rights": a name on what is granted is its grantee
    legislature_nouns: list[str]  # "The Czech parliament ratified a treaty with Germany": the state it is written of is a side
    ruling_body_nouns: list[str]  # "Brazil's antitrust regulator cleared the deal": whose body it is is no side either
    participation_nouns: list[str]  # "his involvement in a contract": the one involved is a side
    event_nouns: list[str]  # "signed at the EU-Ukraine summit": a meeting whose sides an agreement signed at it has
    starting_verbs: list[str]  # "X and Y began the cease-fire": who starts an agreement is its side
    side_nouns: list[str]
    person_role_nouns: list[str]  # "the union and its leaders": people acting for a side, not a second side
    place_group_nouns: list[str]  # "Darfur rebels", "Okinawa landowners": a group named by its place (the place is no side)
    route_nouns: list[str]
    joining_verbs: list[str]
    ask_for_verbs: list[str]
    body_nouns: list[str]
    of_name_heads: list[str]
    blocked_verbs: list[str]
    existing_verbs: list[str]  # verbs whose object must already exist ("the truce would not be renewed")
    undoing_verbs: list[str]  # verbs that undo or rewrite an agreement, which must exist ("seeks to nullify a standstill agreement")
    modified_nouns: list[str]
    concluding_verbs: list[str]  # "to finalize a trade deal": making one, sought while not done
    outcome_verbs: list[str]  # "talks would lead to a deal": an outcome foreseen, not reached
    conditional_marks: list[str]  # "unless a deal is reached", "so that a contract can be signed"
    existing_adjectives: list[str]  # "the earlier accord": one that exists, whether or not said before
    existing_nouns: list[str]  # "a violation of the ceasefire": only an agreement that exists can be violated
    consensus_adjectives: list[str]  # "there is broad agreement on": a consensus, not an agreement
    renewing_verbs: list[str]  # "extended the accord for five years", "the contract was renewed": a renewal
    deciding_verbs: list[str]  # "agreed to extend the accord": a renewal decided, so done
    bilateral_adjectives: list[str]  # "existing bilateral agreements": of the two states the story pairs
    quantity_nouns: list[str]  # "a total of 12 contracts", "a series of deals": the count, said of the agreements
    matter_nouns: list[str]  # "an agreement on the matter": about what was just told
    comparison_nouns: list[str]  # "the difference between a lease agreement and a title deed": a kind of paper
    gathering_verbs: list[str]  # "opened a convention", "attended the convention": a meeting, not a treaty
    refused_verbs: list[str]  # "had rejected a fresh deal": an offer turned down, no agreement made
    gathering_adjectives: list[str]  # "the coming WTO convention", "its annual convention": a meeting
    gathering_nouns: list[str]  # "a convention that drew delegates"
    other_adjectives: list[str]  # "a new truce", "a separate ceasefire": another one, not the one told before
    done_when_past_verbs: list[str]  # "have negotiated deals", "hammered out a deal": made, not sought
    approval_nouns: list[str]  # "the cabinet's approval of the deal": approved, if nothing says it is still ahead
    approval_pending_words: list[str]  # "needs the Senate's approval", "submitted for ratification": not yet
    approval_gained_verbs: list[str]  # "won approval" (done) or "to win approval" (still ahead)


@dataclass(frozen=True)
class Compiled:
    """A regex with the id of the rule it came from (and what it yields)."""

    id: str
    regex: re.Pattern
    value: object = None
    scope: str = "region"
    intransitive: bool = False
    object_only: bool = False


@dataclass(frozen=True)
class Vocabulary:
    kinds: tuple[KindRule, ...]
    status: tuple[Compiled, ...]
    renewal: tuple[Compiled, ...]
    collective: tuple[Compiled, ...]
    kind_by_asset: tuple[Compiled, ...]
    assets: tuple[AssetRule, ...]
    asset_words: AssetWords
    cues: Cues
    signed_left: tuple[Compiled, ...]
    expires_left: tuple[Compiled, ...]
    duration_left: tuple[Compiled, ...]
    hypothetical: re.Pattern
    party_block: re.Pattern
    link_between: re.Pattern
    not_agreement: re.Pattern
    futures_contract: re.Pattern
    accession_orgs: re.Pattern
    signed_block: re.Pattern
    same_day: re.Pattern
    link_before_generic: re.Pattern
    party_block_right: re.Pattern
    kind_words: frozenset[str]  # every word of every kind name ("memorandum", "of", "understanding", ...)
    kind_heads: frozenset[str]  # the last word of every kind name ("understanding", "agreement", "rights", ...)
    goods_words: frozenset[str]  # the goods an agreement trades in ("gas", "LNG", "wheat"), the goods_compound asset rule's words

    def kind_rule(self, rule_id: str) -> KindRule:
        return next(k for k in self.kinds if k.id == rule_id)



def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.I)


def _not_after(pattern: str, words: list[str]) -> str:
    """``pattern`` with its ``<<LEAVING>>`` written as "not right after" each of ``words``."""
    # (one lookbehind a word: Python's lookbehinds take no alternatives of different lengths)
    return pattern.replace("<<LEAVING>>", "".join(f"(?<!{re.escape(w)} )" for w in words))


def _with_bodies(pattern: str, accession_orgs: str) -> str:
    """``pattern`` with its ``<<BODIES>>`` written as the names of the bodies states join (the
    ``accession_orgs`` cue without its anchors and its leading "the")."""
    bodies = accession_orgs.removeprefix("^").removesuffix("$").removeprefix(r"(?:the\s+)?")
    return pattern.replace("<<BODIES>>", bodies)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The packaged agreement vocabulary, validated and compiled (cached)."""
    base = "agreements/"
    kinds = patterns.load_jsonl(base + "kinds.jsonl", KindRule)
    status = patterns.load_jsonl(base + "status.jsonl", StatusRule)
    renewal = patterns.load_jsonl(base + "renewal.jsonl", RenewalRule)
    assets = patterns.load_jsonl(base + "assets.jsonl", AssetRule)
    collective = patterns.load_jsonl(base + "collective.jsonl", CollectiveRule)
    by_asset = patterns.load_jsonl(base + "kind_by_asset.jsonl", KindByAssetRule)
    cues = patterns.load(base + "cues.json", Cues)
    return Vocabulary(
        kinds=tuple(kinds),
        kind_words=frozenset(w for k in kinds for term in k.terms for w in term.split()),
        kind_heads=frozenset(term.split()[-1].lower() for k in kinds for term in k.terms),
        goods_words=frozenset(w for r in assets if r.type == "goods_compound" for w in r.words),
        status=tuple(Compiled(r.id, _rx(_with_bodies(r.pattern, cues.accession_orgs)), r.status, r.scope, r.intransitive, r.object_only) for r in status),
        renewal=tuple(Compiled(r.id, _rx(r.pattern), (r.automatic, r.period)) for r in renewal),
        collective=tuple(Compiled(r.id, _rx(r.pattern)) for r in collective),
        kind_by_asset=tuple(Compiled(r.id, _rx(r.pattern), r.kind) for r in by_asset),
        assets=tuple(assets),
        asset_words=patterns.load(base + "asset_words.json", AssetWords),
        cues=cues,
        signed_left=tuple(Compiled(c.id, _rx(c.pattern)) for c in cues.signed_left),
        expires_left=tuple(Compiled(c.id, _rx(c.pattern)) for c in cues.expires_left),
        duration_left=tuple(Compiled(c.id, _rx(c.pattern)) for c in cues.duration_left),
        hypothetical=_rx(cues.hypothetical_left),
        party_block=_rx(cues.party_block_left),
        link_between=_rx(cues.link_between),
        not_agreement=_rx(_not_after(cues.not_agreement_left, cues.leaving_out_of)),
        futures_contract=_rx(cues.futures_contract_left),
        accession_orgs=_rx(cues.accession_orgs),
        signed_block=_rx(cues.signed_block_left),
        same_day=_rx(cues.same_day),
        link_before_generic=_rx(cues.link_before_generic),
        party_block_right=_rx(cues.party_block_right),
    )
