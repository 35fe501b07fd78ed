"""Agreements and their terms (``doc._.cw_agreements``): kind, parties, asset, signing dates,
duration, expiry, renewal and status, each with its own evidence and rule id.

Agreements are found by their names ("a 2019 deal", "the accession protocols", "formally joined
NATO"), grouped per clause, and their terms read from the clause around them: dates and durations
come from ``doc._.cw_timexes``, parties from ``doc._.cw_entities``. Later references ("the deal",
"the accord", "it", "those texts") add terms to an agreement introduced earlier; plural generic
mentions ("deals made under Assad") pass their status to the document's agreements.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.agreement_mentions import MentionFinder, sought_before
from claimweave.extract.agreement_restating import (
    called_by_acronym,
    called_by_place,
    coordinated_with_one,
    named_apart,
    on_that_matter,
    plainly_described,
    restates_recent,
    same_subject,
    under_one,
    vague_holding,
)
from claimweave.extract.agreement_groups import counted_again, group_size, made_or_due, one_of_group, restated_group, signed_group, signed_with_sides
from claimweave.extract.agreement_output import entities_by_name, to_agreement
from claimweave.extract.agreement_rules import Vocabulary, vocabulary
from claimweave.extract.agreement_arguments import SIDE_LABELS
from claimweave.extract.agreement_people import Party, countries, proper_noun_party
from claimweave.extract.agreement_conflicts import ConflictSides
from claimweave.extract.agreement_sides import NegotiatingSides
from claimweave.extract.agreement_spans import ClauseReader
from claimweave.extract.agreement_status import MAKING_LEMMAS
from claimweave.extract.agreement_linked import LinkedSides, relabelled, sides_of
from claimweave.extract.agreement_story import StorySides
from claimweave.extract.agreement_types import BEFORE_WORDS, PHRASE_ASSETS, Mention, Term, Terms, entity_term
from claimweave.extract.agreement_terms import alike, alike_assets, before, same_name, spells, verb_above
from claimweave.extract.common import analysed_text, context, ensure_extensions
from claimweave.extract.entities import name_key
from claimweave.extract.titles import affiliation_name

PARTY_LABELS = ("ORG", "PERSON")
_ENDS_SENTENCE = re.compile(r"[.!?:;\"'\u201d\u2019)\]]$")  # what a sentence may end with
CURRENT_WORDS = ("current", "existing")  # "his current deal": the one now, which a new one replaces
OWN_STATUSES = ("status.approval_noun", "status.proposed_signing_noun")  # statuses of the agreements they name, never of a whole period
ON_TOPIC = re.compile(r"\b(?:on|over|covering|concerning|regarding)\s+$", re.I)  # "the agreement on X", not "the contract of X"



def _before_words(doc: Doc, mention: Mention) -> set[str]:
    """The adjectives that set an agreement before another ("the previous accord"); not an age
    ("the four-year-old truce": the same one, told by its age)."""
    return {
        c.lower_ for c in doc[mention.head].children
        if c.dep_ == "amod" and c.lower_ in BEFORE_WORDS and not (c.i > 0 and doc[c.i - 1].text == "-")
    }


@dataclass(eq=False)  # drafts are told apart by identity, not by equal fields
class Draft:
    """An agreement being assembled from its mentions and the terms found around them."""

    mentions: list[Mention]
    kind_mention: Mention
    terms: Terms = field(default_factory=Terms)
    last_sentence: int = 0
    tentative: bool = False
    collective: bool = False
    unanchored: bool = False
    presupposed: bool = False  # "the truce would not be renewed": one that exists, said or not
    keys: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    first_sentence: int = -1
    words: frozenset[str] = frozenset()
    counted: bool = False  # "a dozen accords", "several agreements": a group of agreements made

    def __post_init__(self) -> None:
        if self.first_sentence < 0:
            self.first_sentence = self.last_sentence

    def take(self, group: list[Mention], terms: Terms, si: int, keys: frozenset[str] = frozenset()) -> None:
        """Add a later reference: its mentions, what it says, and the names it is known by."""
        self.mentions.extend(group)
        self.terms.absorb(terms)
        self.last_sentence = si
        self.keys |= keys


# statuses read off a present-tense description ("has a contract until 2008", "which run until 2066")
HOLDING_STATUSES = ("status.held", "status.under_contract")


class AgreementExtractor(LinkedSides, StorySides):
    """Finds agreements and their terms in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, *, pronoun_window: int = 2, sides_window: int = 3) -> None:
        self.vocab: Vocabulary = vocabulary()
        self.finder = MentionFinder(nlp, self.vocab)
        self.pronoun_window = pronoun_window
        self.sides_window = sides_window
        self.same_party = re.compile(self.vocab.cues.same_party, re.I)
        self.company_anaphor = re.compile(self.vocab.cues.company_anaphor, re.I)
        self.phrase_statuses = {r.id for r in self.vocab.status if r.scope == "phrase"}

    # ------------------------------------------------------------------ resolution

    def _phrase_names(self, doc: Doc, mention: Mention) -> list[str]:
        """Names inside a definite mention or right after it ("the BellSouth pact", "the deal with X")."""
        names = []
        for ent in doc.ents:
            inside = mention.start <= ent.start < mention.kind_start
            after = ent.start >= mention.end and ent.start <= mention.end + 3 and doc[mention.end].lower_ in ("with", "between")
            # ("the deal between Baltic Oil and Norvik": every name of the list is a side it gives)
            listed = mention.end < len(doc) and doc[mention.end].lower_ == "between" and ent.root.dep_ == "conj" and ent.root.head.dep_ == "pobj" and ent.root.head.head.i == mention.end
            after = after or listed
            if not (inside or after):
                continue
            if ent.label_ in PARTY_LABELS or after or (ent.label_ in ("GPE", "NORP") and (ent.root.dep_ == "poss" or analysed_text(doc)[ent.end_char : ent.end_char + 1] == "-")):
                names.append(ent.text)
        return names

    def _antecedent(self, doc, reader, drafts: list[Draft], mention: Mention, terms: Terms, si: int, agreeing) -> Draft | None:
        """The earlier agreement a definite mention refers to, or None when it names a new one."""
        if terms.signed_in_phrase:
            # "the security pact both signed in 1995 ... The 1995 security pact was revoked": the same one
            # (or named by a general word: "a 1929 agreement ... the 1929 deal")
            own = {t.value for t in terms.signed}

            def alike(d: Draft) -> bool:
                # (a general word only for one of the same sides and subject: not "a 2006 gas deal with
                # Russia ... the 2006 accord on troop withdrawal reached with Moscow")
                if d.kind_mention.rule.kind == mention.rule.kind:
                    return True
                if not (mention.rule.generic or d.kind_mention.rule.generic) or self._other_sides(d.terms, terms):
                    return False
                return not (terms.asset is not None and d.terms.asset is not None and not alike_assets(terms.asset.value, d.terms.asset.value))

            return next((
                d for d in reversed(drafts)
                if alike(d) and not (d.collective or d.kind_mention.plural) and own & {t.value for t in d.terms.signed}
            ), None)
        # A singular name never refers back to a plural one ("The contracts" ... "the lease").
        candidates = [d for d in reversed(drafts) if not (d.collective or d.tentative or d.kind_mention.plural)]
        if any(c.dep_ == "amod" and c.lower_ == "new" for c in doc[mention.head].children):
            # ("his current deal expired ... The new deal includes an option": not the one it replaces)
            candidates = [d for d in candidates if not _before_words(doc, d.kind_mention) and not _current(doc, d.kind_mention)]
        candidates = self._salient_first(doc, reader, candidates)
        # (of the same kind, or one whose name ends in this one's word: "a bauxite mining concession ... The
        # concession")
        pick = next((d for d in candidates if d.kind_mention.rule.kind == mention.rule.kind or doc[d.kind_mention.head].lower_ == doc[mention.head].lower_), None)
        # (not "suspended a 1995 agreement allowing overflights ... The current supply contract": the one
        # in force now, named by what it is for, which the earlier one never said; but "signed a gas deal
        # ... The supply contract runs for 25 years" is the same one)
        topic = {c.lower_ for c in doc[mention.head].children if c.dep_ == "compound" and c.pos_ == "NOUN" and not c.ent_type_}
        other = _current(doc, mention) and bool(topic) and bool(candidates) and bool(candidates[0].words) and not topic & candidates[0].words
        if pick is None and candidates and mention.rule.generic and not other:
            pick = candidates[0]
        elif pick is None and candidates and candidates[0].kind_mention.rule.generic:
            # "A deal was signed in 2019. The lease runs ...": a specific name for a recent general one only.
            near = si - candidates[0].last_sentence <= self.pronoun_window
            pick = candidates[0] if near and not other else None
        if pick is None:
            return None
        if self._newer(doc, mention, pick) or self._before_it(doc, mention, pick):
            return None
        words = self.finder.description_words(doc, mention)
        if reader.proper_name(mention) and len(words) >= 2 and pick.words and not (pick.words <= words or words <= pick.words):
            return None  # "an important agreement" ... "the Visiting Forces Agreement": a name says which one
        if terms.signed and not pick.terms.signed and pick.terms.status is not None and pick.terms.status.value == "proposed":
            return None  # "would sign a security pact ... the security pact both signed in 1995": an older one
        own_years, known_years = {t.value[:4] for t in terms.signed}, {t.value[:4] for t in pick.terms.signed}
        if own_years and known_years and not own_years & known_years:
            return None  # "the contract signed in 1998" is not the memorandum signed on Friday
        known = [p.value[0] for p in pick.terms.parties]
        names = self._phrase_names(doc, mention)
        owner = self._possessive_owner(doc, mention)
        if owner is not None and known and not any(same_name(owner, k) for k in known):
            return None  # "Peru ratified the pact; Colombia plans to sign its agreement": Colombia's own
        if names and known and all(_described_only(k) for k in known):
            # "the lease under which a Hong Kong-owned firm operates X ... the contract between A and B" (the
            # next sentence, and not about something else: "... The contract on oil storage in Trincomalee")
            other_asset = terms.asset is not None and pick.terms.asset is not None and not alike_assets(terms.asset.value, pick.terms.asset.value)
            return pick if si - pick.last_sentence <= 1 and not other_asset else None
        if names and known:
            # ("Fjordvik Yards won a contract to build ships. The contract with Gulf Marine was signed on
            # Monday": the one side known and the other named now, in the next sentence)
            one_sided = len(known) == 1 and not any(p.rule in ("party.with", "party.phrase") for p in pick.terms.parties)
            other_side = one_sided and pick.kind_mention.rule.kind == mention.rule.kind and si - pick.last_sentence <= 1
            # ("Orlen bought the stake from Yukos under an agreement ... another deal, with the government ...
            # the deal between Yukos and Orlen": the earlier one whose sides are all the names given)
            def sides_all(d: Draft) -> bool:
                return all(any(same_name(n, p.value[0]) for p in d.terms.parties) for n in names)

            if len(names) >= 2 and not sides_all(pick):
                full = next((d for d in candidates if d is not pick and sides_all(d)), None)
                states = all(affiliation_name(n) in countries() for n in names)
                if full is not None or len(known) >= 2 and states:
                    # (none: "the Japan-Thailand agreement ... Thailand's free trade agreement with Australia"
                    # names another pair)
                    return full
            return pick if other_side or any(same_name(n, k) for n in names for k in known) else None
        # "RJR agreed to sell ... to Nestle. The accord helps RJR ...": an agreement reported by a verb
        # since the earlier one was last named, between other parties, is the one meant.
        source = next((x for x in reversed(agreeing) if pick.last_sentence < x[0] and si - 2 <= x[0] and x[3] < mention.start), None)
        if source is not None:
            parties = [p.value[0] for p in reader.read(source[1], source[2], []).parties]
            if not any(same_name(p, k) for p in parties for k in known):
                return None
        return pick

    @staticmethod
    def _newer(doc: Doc, mention: Mention, pick: Draft) -> bool:
        """True for "the new convention" after "the 1980 Convention": a new one is not one signed years
        before the story."""
        published = context(doc).published
        if published is None or not any(c.dep_ == "amod" and c.lower_ == "new" for c in doc[mention.head].children):
            return False
        years = {y for y in pick.years} | {s.value[:4] for s in pick.terms.signed}
        return bool(years) and all(y.isdigit() and int(y) < published.year - 1 for y in years)

    @staticmethod
    def _before_it(doc: Doc, mention: Mention, pick: Draft) -> bool:
        """True for "the previous accord" after "signed a fisheries agreement": one said to come before
        is another (unless the earlier one was called so too)."""
        older = _before_words(doc, mention)
        # ("signed a two-year contract extension ... His current deal expired": the one the new one follows)
        renewed = any(c.lower_ == "new" for m in pick.mentions for c in doc[m.head].children) or doc[pick.kind_mention.head].lower_ in ("extension", "renewal")
        older = older or ({c.lower_ for c in doc[mention.head].children if c.dep_ == "amod"} & set(CURRENT_WORDS) if renewed else set())
        # (but "the amended pact ... The previous BellSouth pact": the same one before it was amended)
        amended = pick.terms.status is not None and pick.terms.status.value == "amended"
        return bool(older) and not amended and not any(c.lower_ in older for m in pick.mentions for c in doc[m.head].children)

    @staticmethod
    def _salient_first(doc: Doc, reader, candidates: list[Draft]) -> list[Draft]:
        """"the third after the China-ASEAN FTA and the China-Chile FTA. The deal was signed by ...":
        agreements named once by their own name in passing do not take "the deal" from the agreement
        the story has been about (named three times or more)."""
        passing = [d for d in candidates if len(d.mentions) == 1 and reader.proper_name(d.mentions[0])]
        topic = next((d for d in candidates if d not in passing and len(d.mentions) >= 3), None)
        if topic is None or not passing or candidates[0] not in passing:
            return candidates
        return [topic] + [d for d in candidates if d is not topic]

    @staticmethod
    def _possessive_owner(doc: Doc, mention: Mention) -> str | None:
        """Whose agreement "its"/"their agreement" is: the named subject of the verbs above it."""
        head = doc[mention.head]
        if not any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
            return None
        for verb in head.ancestors:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subject.text if subject.ent_type_ in ("GPE", "ORG", "NORP") else None
        return None

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        names = self.finder.names(doc)
        self.finder.mend_tags(names)  # (before anything reads the tags)
        reader = ClauseReader(doc, self.vocab, doc._.cw_timexes or [], doc._.cw_entities or [], doc._.cw_roles or [])
        drafts: list[Draft] = []
        # statuses told of the story's agreements at large, with the kind they are limited to (None: any)
        collective: list[tuple[Term, str | None]] = []
        agreeing: list[tuple[int, int, int]] = []
        acronyms = {a for span in names if (a := self.finder.acronym(doc, span)) is not None}
        sentences = list(self._sentences(doc))
        for si, sent in enumerate(sentences):
            verb = self.finder.agreeing(sent)
            if verb is not None:
                agreeing.append((si, sent.start, sent.end, verb))
            groups = self.finder.groups(doc, self.finder.mentions(doc, sent, names))
            if not groups:
                if any(rule.regex.search(sent.text) for rule in self.vocab.collective):
                    # "Everything that was signed under the former regime will be reviewed."
                    terms = reader.read(sent.start, sent.end, [])
                    found = [t for t in (terms.status, terms.anaphoric_status) if t is not None]
                    if found:
                        collective.append((max(found, key=lambda t: t.start), None))
                        continue
                recent = drafts[-1] if drafts and si - drafts[-1].last_sentence <= self.pronoun_window else None
                if recent is not None and self.finder.is_anaphoric(sent):
                    terms = reader.read(sent.start, sent.end, [])
                    if terms.has_terms() or terms.anaphoric_status is not None:
                        terms.status = terms.status or terms.anaphoric_status
                        recent.terms.absorb(terms)
                        recent.last_sentence = si
                        recent.tentative = recent.tentative and not terms.has_substance()
                continue
            for group, (a, b) in zip(groups, self.finder.regions(doc, sent, groups)):
                self._place(doc, reader, drafts, collective, agreeing, group, a, b, si, acronyms)
        self._group_dates(doc, drafts)
        self._bodies_joined(doc, drafts)
        drafts = self._forward(doc, drafts)
        drafts = self._finish(doc, drafts, collective)
        self._negotiated(doc, reader, sentences, drafts)
        self._shared_counterpart(drafts)
        self._group_member(doc, drafts)
        self._included_members(doc, drafts)
        self._coordinated_objects(doc, drafts)
        self._same_agreement(drafts)
        self._succeeded(doc, drafts)
        self._story_sides(doc, reader, sentences, drafts)
        self._speaker_side(doc, drafts)
        self._story_pair(doc, drafts)
        self._club_of_person(doc, drafts)
        self._holder_by_relative(doc, drafts)
        self._extender_of_persons_contract(doc, drafts)
        named = entities_by_name(doc)
        doc._.cw_agreements = [to_agreement(doc, ctx.doc_id, d, self.vocab, named) for d in drafts]
        return doc

    @staticmethod
    def _sentences(doc: Doc):
        """spaCy's sentences, cut at line breaks too (headings and link lists have no full stops), and
        joined where the parser cut one in the middle ("... provided for by the 1994 | Lusaka accords")."""
        for sent in _whole_sentences(doc):
            start = sent.start
            for tok in sent:
                if tok.is_space and "\n" in tok.text:
                    if tok.i > start:
                        yield doc[start : tok.i]
                    start = tok.i + 1
            if start < sent.end:
                yield doc[start : sent.end]

    def _place(self, doc, reader, drafts, collective, agreeing, group, a, b, si, acronyms) -> None:
        """Attach one group of mentions to an earlier agreement, or start a new one."""
        terms = reader.read(a, b, group)
        signer = self._pronoun_signer(doc, group)
        if signer is not None and not any(same_name(signer.value[0], p.value[0]) for p in terms.parties):
            terms.parties.insert(0, signer)
        keys, years = frozenset(), frozenset()
        for m in group:
            k, y = self.finder.name_keys(doc, m, acronyms)
            keys, years = keys | k, years | y
        # "the Kyoto Protocol" ... "the 1997 Kyoto Protocol", "the VFA": one named agreement, however written
        # (but "the 1959 X Treaty" and "the 1991 X Treaty" are two).
        # An indefinite name may define a key ("a memorandum (MOU)" for a later "the MOU") but names a new
        # agreement itself ("a production sharing agreement (PSA) with BP" after one with Shell).
        indefinite = doc[group[0].start].lower_ in ("a", "an")
        named = None if indefinite else next((
            d for d in drafts if d.keys & keys and not (d.years and years and not d.years & years) and not named_apart(doc, d, group[0])
        ), None)
        words = self.finder.description_words(doc, group[0])
        if named is None and not indefinite and len(group) == 1 and called_by_acronym(doc, group[0]):
            # "the nuclear Non-Proliferation Treaty" ... "the NPT": the acronym spells the name told before
            acronym = doc[group[0].head].text
            named = next((
                d for d in drafts
                if not d.kind_mention.plural and spells(acronym, doc[d.kind_mention.start : d.kind_mention.end].text.replace("-", " "))
                and not named_apart(doc, d, group[0])
            ), None)
        if named is None and len(group) == 1 and group[0].definite and years and words:
            # "the 1994 Lusaka peace accords" ... "the 1994 peace accords which ended the war": the same
            # year, kind and number, named with fewer (or more) of the same words, and no other sides
            named = next((
                d for d in drafts
                if d.years & years and d.kind_mention.rule.kind == group[0].rule.kind
                and d.kind_mention.plural == group[0].plural and d.words and (words <= d.words or group[0].plural and d.words <= words)
                and not self._other_sides(d.terms, terms)
            ), None)
        if named is None and len(group) == 1 and not group[0].plural and len(words) >= 3:
            # "a visiting force agreement" ... "the Visiting Forces Agreement (VFA)" ... "a visiting forces
            # agreement": the same descriptive name, capitalised or not, is one agreement (but not "the
            # US-Peru Free Trade Agreement" and "a free trade agreement with Canada").
            named = next((
                d for d in drafts
                if not d.kind_mention.plural and len(d.words) >= 3 and (d.keys or keys or d.words == words)
                and (d.words == words or (d.words <= words or words <= d.words) and self._described_alike(doc, d, group[0], words))
                and not (d.years and years and not d.years & years) and not self._other_sides(d.terms, terms)
            ), None)
        if named is not None:
            terms.status = terms.status or terms.anaphoric_status
            named.take(group, terms, si, keys)
            named.years |= years
            named.tentative = False
            return
        if not terms.parties:
            terms.parties = self._same_party(doc, drafts, a, b)
        company = self._company_anaphor(doc, group)
        if company and not any(same_name(company[0].value[0], p.value[0]) for p in terms.parties):
            terms.parties = company + terms.parties
        first = group[0]
        kind_mention = next((m for m in group if not m.rule.generic), first)
        if first.listed_by is not None:
            self._listed(doc, drafts, first, terms)
        again = self._restated(doc, drafts, group, terms, si) or self._backstory(doc, drafts, group, terms)
        recent = drafts[-1] if drafts and si - drafts[-1].last_sentence <= self.pronoun_window else None
        if again is None and recent is not None and under_one(self.vocab.cues, doc, recent, first, terms):
            again = recent  # "X struck a deal with her ... He made the announcement under an agreement with her party"
        if again is None and recent is not None and not recent.kind_mention.plural and on_that_matter(self.vocab.cues, doc, first):
            again = recent  # "The deal opens ... An agreement on the matter is to be signed on Friday"
        if again is None and recent is not None and len(group) == 1 and same_subject(doc, recent, first, terms):
            again = recent  # "secured a huge Airbus plane deal ... a contract to purchase 150 Airbus planes"
            known = [p.value[0] for p in recent.terms.parties]
            renamed = all(any(same_name(p.value[0], k) for k in known) for p in terms.parties)
            # (a side named on the deal's own name and named again now, "an Airbus plane deal", is no
            # reason to keep the clause's other names)
            again_named = [p for p in recent.terms.parties if p.rule == "party.phrase" and any(same_name(p.value[0], q.value[0]) for q in terms.parties)]
            if terms.parties and not renamed and all(p.rule == "party.clause" or p in again_named for p in recent.terms.parties):
                # (who signs the contract says who made the deal; the same sides named again shorter do not)
                recent.terms.parties = list(terms.parties)
        if again is None and recent is not None and len(group) == 1 and recent.first_sentence < si <= recent.last_sentence + 1 and restates_recent(self.vocab.cues, doc, recent, first, terms):
            again = recent  # "... in a deal valued at 825 million dollars. X will buy all shares, in an all-cash deal"
        if again is None and recent is not None and len(group) == 1 and self._each_of(doc, recent, first, si, terms):
            again = recent  # "X, Y and Z were each awarded contracts in June. The five-year contract was for ..."
        if again is None and recent is not None and len(group) == 1 and self._sealed_again(doc, recent, first, si):
            again = recent  # "for clinching an EU budget deal ... Blair sealed agreement overnight on a package"
        if again is not None:
            terms.status = terms.status or terms.anaphoric_status
            again.take(group, terms, si)
            again.tentative = again.tentative and not terms.has_substance()  # "leases which expire on May 14"
            return
        status = terms.status or terms.anaphoric_status
        counted = counted_again(doc, drafts, first)
        if counted is not None:
            # "a dozen accords ... on Tuesday ... The 12 accords due to be signed Tuesday cover ..."
            terms.status = status
            counted.take(group, terms, si)
            return
        if first.plural and signed_with_sides(doc, first, terms):
            # "still has to sign bilateral protocols with X and Y": those agreements, their own status
            terms.status = status
            drafts.append(Draft(list(group), kind_mention, terms, si))
            return
        if first.plural and first.definite and not first.bare and recent is not None and recent.kind_mention.plural:
            if terms.has_time_terms() or status is None or not recent.tentative:
                # "two agreements ... Those texts allow ...": the same agreements again.
                terms.status = status
                recent.mentions.extend(group)
                recent.terms.absorb(terms)
                recent.last_sentence = si
                recent.tentative = recent.tentative and not terms.has_substance()
                return
        if first.plural and not terms.has_time_terms():
            subject = doc[first.head].dep_ in ("nsubj", "nsubjpass")
            if status is not None and subject and first.definite and not first.bare and signed_group(self.vocab, doc, first):
                # "the agreements that were signed with X and Y await approval": what becomes of those (but
                # "a committee to revisit the agreements Russia had signed": a review of all of them)
                terms.status = status
                drafts.append(Draft(list(group), kind_mention, terms, si))
            elif status is not None and status.rule not in OWN_STATUSES:
                # ("to win approval of trade deals they have negotiated": the approval of these deals, not
                # of every agreement in the story)
                # "a committee to review the deals signed under Assad": a status for all of them (but
                # "the current agreements" says what those are, not what becomes of every other one).
                if status.rule not in self.phrase_statuses:
                    # ("taking charges for canceled real estate leases": of leases only, not of a merger agreement)
                    collective.append((status, None if first.rule.generic else first.rule.kind))
                drafts.append(Draft(list(group), kind_mention, terms, si, tentative=True, collective=True))
            else:
                # "two agreements", "separate agreements": an agreement whose terms may follow ("They ...");
                # one whose sides and subject are said ("X and Y signed two agreements on Z") stands as it is.
                said = len(terms.parties) >= 2 and terms.asset is not None
                # "forged election pacts with X", "other deals signed by the administration": signed ones
                said = said or signed_group(self.vocab, doc, first)
                # "the Geneva Conventions", "the Oslo Accords": agreements called by their own name
                said = said or first.definite and not first.bare and reader.proper_name(first)
                said = said or coordinated_with_one(doc, drafts, first)
                # "its arms contracts with Russia": one side's agreements with another, named
                owned = any(c.dep_ == "poss" for c in doc[first.head].children)
                said = said or owned and any(p.rule == "party.with" for p in terms.parties)
                # "the signature of a dozen accords", "several agreements": a counted group of them
                counted = not first.definite and group_size(doc, first) is not None and made_or_due(self.vocab, doc, first, terms)
                drafts.append(Draft(list(group), kind_mention, terms, si, tentative=not (said or counted), counted=counted))
            return
        if first.definite and not first.plural and not reader.proper_name(first):
            # (an agreement called by its own name is found by its name above, never by its kind)
            target = self._antecedent(doc, reader, drafts, first, terms, si, agreeing) or one_of_group(doc, drafts, first, terms, self.finder.description_words)
            if target is not None:
                terms.status = terms.status or terms.anaphoric_status
                if not target.terms.parties:
                    target.terms.parties = self._reference_signers(doc, reader, group, terms)
                target.take(group, terms, si, keys)
                named = [p for p in target.terms.parties if not _described_only(p.value[0])]
                if len(named) >= 2:
                    target.terms.parties = named  # (the sides named now stand for "a Hong Kong-owned firm")
                return
        if first.rule.id == "kind.lease_verb":
            # "the lease agreement between the two countries runs out in 2017 ... Russia leases naval
            # facilities in Sevastopol for 20 years": the lease the story named, told by its verb
            known = next((d for d in reversed(drafts) if d.kind_mention.rule.kind == "lease" and not (d.collective or d.kind_mention.plural)), None)
            ours = [p.value[0] for p in terms.parties]
            # (of the same thing: not "the lease on the Manas base ... the US Navy leases two tankers")
            other_asset = known is not None and known.terms.asset is not None and terms.asset is not None and not alike_assets(known.terms.asset.value, terms.asset.value)
            if known is not None and not other_asset and (not known.terms.parties or any(same_name(n, p.value[0]) for n in ours for p in known.terms.parties)):
                known.take(group, terms, si, keys)
                return
        if terms.anaphoric_status is not None:
            # "X has stalled ratification, tying it to an agreement ...": the status is the earlier one's.
            if recent is not None:
                recent.terms.absorb(Terms(status=terms.anaphoric_status))
            else:
                terms.status = terms.status or terms.anaphoric_status
        if drafts and vague_holding(doc, first, terms):
            return  # "We have an important agreement ...": one of the story's agreements, said vaguely
        draft = Draft(list(group), kind_mention, terms, si, keys=keys, years=years, words=words)
        if first.definite:
            if not reader.proper_name(first):
                # (an agreement called by its own name, "the Treaty of Maastricht", is not the one just agreed)
                self._from_agreeing_sentence(doc, reader, draft, agreeing, si, first_named=not drafts)
            if not draft.terms.signed and not first.plural and any(doc[i].lower_ in self.vocab.cues.latest_words for i in range(first.start, first.head)):
                # "But Abe welcomed the latest deal": the making told since the last agreement named
                since = drafts[-1].mentions[-1].end if drafts else 0
                draft.terms.signed = reader.dated_making(since, first.start)
            if not draft.terms.parties:
                draft.terms.parties = self._previous_subject(doc, first)
            if not draft.terms.parties and _before_words(doc, first):
                # "Mauritania and the EU signed a fisheries agreement ... The previous accord expired": the
                # one before it, between the same sides (the one it is named after, when it says which)
                sided = [d for d in reversed(drafts) if not d.collective and d.terms.parties]
                topic = {w for w in words if w not in self.vocab.kind_words}
                later = next((d for d in sided if topic & d.words), sided[0] if sided else None)
                draft.terms.parties = sides_of(later, "party.previous") if later is not None else []
            # "the port lease" with nothing earlier to refer to and nothing said about it (but "the
            # Tallinn Convention" is known by its name)
            # ("the NPT": a treaty's acronym is its name too)
            # ("the Dayton accord": called by the place it was made in)
            named = reader.proper_name(first) or called_by_place(doc, first, countries())
            draft.unanchored = not (named or called_by_acronym(doc, first) and first.rule.kind == "treaty")
            # ("the implementation of the overall accord" after "talks toward a trade accord": the one sought)
            since = max((d.mentions[-1].end for d in drafts if d.kind_mention.rule.kind == first.rule.kind), default=0)
            # ("the current agreements": not the one sought)
            existing = any(c.dep_ == "amod" and c.lower_ in self.vocab.cues.existing_adjectives for c in doc[first.head].children)
            sought = not existing and sought_before(doc, first, since)
            draft.presupposed = self.finder.wanted.presupposed(doc, first) and not sought
            draft.tentative = draft.tentative or sought and not (terms.has_substance() or terms.parties)
        drafts.append(draft)

    def _reference_signers(self, doc: Doc, reader, group: list[Mention], terms: Terms) -> list[Term]:
        """"A cease-fire took effect ... Israel and the Palestinian factions began the cease-fire at 6
        a.m.": those who sign, join or start a later reference to an agreement whose sides were not
        yet said (names of the clause, or bodies written with one)."""
        cues = self.vocab.cues
        # (not "give the truce a chance", "reach", "have": verbs that say less about who made it)
        verbs = set(cues.joining_verbs) | set(cues.starting_verbs) | set(MAKING_LEMMAS)
        out: list[Term] = []
        for tok in (t for m in group for t in self._direct_signers(doc[m.head], verbs)):
            named = next((p for p in terms.parties if p.start <= tok.idx < p.end), None)
            side = reader.people.side(tok, SIDE_LABELS) if named is None else None
            if named is not None:
                out.append(Term(named.value, named.start, named.end, "party.reference_signer"))
            elif side is not None:
                out.append(Term((side.text, side.entity_id), side.start, side.end, "party.reference_signer"))
        return out

    @staticmethod
    def _direct_signers(head, verbs: set[str]) -> list:
        """The subjects of a verb an agreement is the direct object of ("began the truce") or is joined
        through a preposition ("acceded to the treaty"); not of a verb further up ("under the terms of
        the truce, forces withdrew")."""
        verb = head.head if head.dep_ == "dobj" else None
        if head.dep_ == "pobj" and head.head.dep_ == "prep":
            verb = head.head.head
        if verb is None or verb.pos_ != "VERB" or verb.lemma_ not in verbs:
            return []
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return [t for s in subjects for t in [s, *s.conjuncts]]

    @staticmethod
    def _listed(doc: Doc, drafts: list[Draft], member: Mention, terms: Terms) -> None:
        """An agreement listed by name ("three agreements ... -- X, Y and Z") covers what its name says
        and shares what the list's plural says (sides, dates, status) unless it says otherwise."""
        span = doc[member.start : member.end]
        if terms.asset is None or terms.asset.rule not in PHRASE_ASSETS:
            terms.asset = Term(span.text, span.start_char, span.end_char, "asset.listed_name")
        sent = doc[member.head].sent
        # The plural that lists it first, then the other plurals of its sentence ("three agreements are
        # to be signed: X, and agreements on Y and Z").
        groups = sorted(
            (d for d in drafts if d.kind_mention.plural and sent.start <= d.kind_mention.head < sent.end),
            key=lambda d: not any(m.head == member.listed_by for m in d.mentions),
        )
        for group in groups:
            known = group.terms
            terms.parties = terms.parties or list(known.parties)
            terms.signed = terms.signed or list(known.signed)
            terms.status = terms.status or known.status or known.anaphoric_status

    @staticmethod
    def _described_alike(doc: Doc, draft: Draft, mention: Mention, words: frozenset[str]) -> bool:
        """True when two descriptive names differ only in plain describing words, not in a name ("the
        US-Peru Free Trade Agreement" is not "a free trade agreement")."""
        extra = draft.words ^ words
        tokens = [t for m in (draft.kind_mention, mention) for t in doc[m.start : m.end]]
        return not any(t.lower_ in extra or t.lower_.rstrip("s") in extra for t in tokens if t.pos_ == "PROPN" or "-" in t.text or t.ent_type_)

    @staticmethod
    def _other_sides(known: Terms, new: Terms) -> bool:
        """True when both say who made them and each names a side the other does not ("with Shell" and,
        by the same state, "with BP"): a shared side alone does not make them one."""
        if not (known.parties and new.parties):
            return False
        def missing(a: Terms, b: Terms) -> bool:
            return any(not any(same_name(p.value[0], q.value[0]) for q in b.parties) for p in a.parties)
        return missing(known, new) and missing(new, known)

    def _restated(self, doc: Doc, drafts: list[Draft], group: list[Mention], terms: Terms, si: int) -> Draft | None:
        """The agreement a bare "a ceasefire" restates: in a story about one ceasefire, a later "a
        ceasefire" with nothing of its own (no dates, no other parties, nothing it covers) is the same
        one again ("Hamas had to agree to a ceasefire", "a ceasefire could ease pressure"); so is "a
        peace accord" after "a landmark peace deal" (the same words, another general noun)."""
        m = group[0]
        if len(group) == 1 and m.bare:
            return restated_group(self.vocab.cues, doc, drafts, m, terms, si)
        if len(group) > 1 or m.plural or doc[m.start].lower_ not in ("a", "an"):
            return None
        if m.end - m.start != 2 and not plainly_described(self.vocab.cues, doc, m):
            return self._restated_words(doc, drafts, m, terms)
        if terms.has_time_terms() or (terms.asset is not None and terms.asset.rule in PHRASE_ASSETS):
            return None
        own_sides = any(p.rule in ("party.with", "party.phrase") for p in terms.parties) or (m.end < len(doc) and doc[m.end].lower_ in ("with", "between"))
        same = [d for d in drafts if d.kind_mention.rule.kind == m.rule.kind and not (d.collective or d.kind_mention.plural)]
        if len(same) != 1:
            return None
        known = [p.value[0] for p in same[0].terms.parties]
        if any(not any(alike(p.value[0], k) for k in known) for p in terms.parties):
            return None
        if own_sides and not (terms.parties and si - same[0].last_sentence <= 1):
            # "a PSA with the Russian state": a deal of its own sides (but "X and Y are to sign a military
            # agreement ... will sign an agreement with Y officials": the same sides, the next sentence)
            return None
        return same[0]

    def _backstory(self, doc: Doc, drafts: list[Draft], group: list[Mention], terms: Terms) -> Draft | None:
        """"a review of the lease under which X operates the container terminal ... X took over the terminal
        in 2000 under a 10-year lease": in a story about one lease (or concession, or other specific kind),
        an indefinite one of the same kind over the same thing is its story told again."""
        m = group[0]
        if len(group) != 1 or m.plural or m.rule.generic or doc[m.start].lower_ not in ("a", "an") or terms.asset is None:
            return None
        same = [d for d in drafts if d.kind_mention.rule.kind == m.rule.kind and not (d.collective or d.kind_mention.plural)]
        if len(same) != 1 or len(same[0].mentions) < 2 or same[0].terms.asset is None:
            return None
        known = same[0]

        def head(term: Term) -> str:
            span = doc.char_span(term.start, term.end, alignment_mode="expand")
            return span.root.lemma_.lower() if span is not None else ""

        if head(terms.asset) != head(known.terms.asset) or self._other_sides(known.terms, terms):
            return None
        # (told by one of its sides: "MICS took over the terminal in 2001 under a 10-year lease"; not "a Dubai
        # company signed a 20-year lease on the airport's cargo terminal")
        verb = verb_above(doc[m.head])
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        told_by_side = subject is not None and any(same_name(doc[subject.left_edge.i : subject.i + 1].text, p.value[0]) for p in known.terms.parties)
        return known if told_by_side else None

    def _restated_words(self, doc: Doc, drafts: list[Draft], m: Mention, terms: Terms) -> Draft | None:
        """"a peace accord" after "a landmark peace deal": a general agreement noun with the words of the
        one earlier agreement so described, and nothing of its own."""
        words = self.finder.description_words(doc, m)
        if not m.rule.generic or len(words) != 2 or m.end - m.start != 3 or terms.has_time_terms() or terms.parties or terms.asset is not None:
            return None
        if m.end < len(doc) and doc[m.end].lower_ in ("with", "between"):
            return None
        same = [d for d in drafts if d.kind_mention.rule.generic and not (d.collective or d.kind_mention.plural) and words <= d.words]
        return same[0] if len(same) == 1 else None

    def _same_party(self, doc: Doc, drafts: list[Draft], a: int, b: int) -> list[Term]:
        """"the same company took a lease": the last party of the agreement named before (its own span)."""
        start, end = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
        if not self.same_party.search(analysed_text(doc), start, end):
            return []
        earlier = next((d for d in reversed(drafts) if d.terms.parties), None)
        if earlier is None:
            return []
        last = earlier.terms.parties[-1]
        return [Term(last.value, last.start, last.end, "party.same")]

    @staticmethod
    def _previous_subject(doc: Doc, mention: Mention) -> list[Term]:
        """"Gulf Power may plead guilty. The tentative pact would ...": a first "the pact" that opens its
        sentence as subject is the deal of the organisation the sentence before (same paragraph) is about."""
        head = doc[mention.head]
        sent = head.sent
        if not head.dep_.startswith("nsubj") or mention.start != sent.start or sent.start == 0:
            return []
        prev = doc[sent.start - 1].sent
        if "\n\n" in doc.text[prev.end_char : sent.start_char] or "\n\n" in prev.text:
            return []
        subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None:
            return []
        names = [e for e in prev.ents if e.label_ == "ORG" and e.root.i in {subject.i} | {c.i for c in subject.children if c.dep_ == "compound"}]
        if len(names) != 1:
            return []
        return [entity_term(doc, names[0], "party.previous_subject")]

    def _pronoun_signer(self, doc: Doc, group: list[Mention]) -> Term | None:
        """Who "it" or "they" is when it signs the agreement: "Gazprom's profit rose. It also signed a deal
        with X" (the named subject of the sentence before, in the same paragraph), "the government said it
        would sign a deal with X" (the one whose words the clause reports)."""
        head = doc[group[0].head]
        verb = head.head if head.dep_ == "dobj" and head.pos_ != "VERB" else None
        if verb is None or verb.lemma_ not in self.vocab.cues.signed_verbs or any(c.dep_ == "neg" for c in verb.children):
            return None
        pronoun = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ in ("it", "they")), None)
        if pronoun is None:
            return None
        if verb.dep_ == "ccomp" and verb.head.lemma_ in self.vocab.cues.party_speech_verbs:
            speaker = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
            return self._subject_party(doc, speaker) if speaker is not None and speaker.i < pronoun.i else None
        sent = verb.sent
        if pronoun.i != sent.start and not (pronoun.i == sent.start + 1 and doc[sent.start].is_punct) or sent.start == 0:
            return None  # (only a pronoun opening its sentence looks back to the sentence before)
        prev = doc[sent.start - 1].sent
        if "\n\n" in analysed_text(doc)[prev.start_char : sent.start_char]:
            return None  # (not across a paragraph break)
        subject = next((c for c in prev.root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            return None  # ("Chile and Peru held talks. It has reached ...": which one is unsure)
        return self._subject_party(doc, subject, untagged=pronoun.lower_ == "it")

    @staticmethod
    def _subject_party(doc: Doc, subject, untagged: bool = False) -> Term | None:
        """A subject as a party: the organisation or state named by it (its head or its compound), a body
        written as "the government", or (for "it", ``untagged``) a proper name the model left untagged."""
        names = [e for e in subject.sent.ents if e.label_ in ("ORG", "GPE") and e.root.i in {subject.i} | {c.i for c in subject.children if c.dep_ in ("compound", "poss")}]
        if len(names) == 1:
            return entity_term(doc, names[0], "party.pronoun_subject")
        if subject.lower_ == "government" and any(c.lower_ == "the" for c in subject.children):
            start, end = subject.left_edge.idx, subject.idx + len(subject)
            return Term((analysed_text(doc)[start:end], None), start, end, "party.pronoun_subject")
        if untagged and not names and subject.pos_ == "PROPN" and not subject.ent_type_:
            # ("Gazprom said its profit rose. It also signed ...": "it" is no person)
            first = min([subject.i] + [c.i for c in subject.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i < subject.i])
            start, end = doc[first].idx, subject.idx + len(subject)
            return Term((analysed_text(doc)[start:end], None), start, end, "party.pronoun_subject")
        return None

    def _company_anaphor(self, doc: Doc, group: list[Mention]) -> list[Term]:
        """"the company's new labor pact": the organisation the article has named most so far (the first
        named on a tie: usually the one the story is about), at its latest mention."""
        m = group[0]
        kind_char = doc[m.kind_start].idx
        if not self.company_anaphor.search(analysed_text(doc), max(0, kind_char - 60), kind_char):
            return []
        seen = [(e, [x for x in e.mentions if x.end <= kind_char]) for e in doc._.cw_entities or [] if e.label == "ORG"]
        seen = [(e, ms) for e, ms in seen if ms]
        if not seen:
            return []
        entity, mentions = max(seen, key=lambda em: (len(em[1]), -em[1][0].start))
        last = mentions[-1]
        return [Term((last.text, entity.id), last.start, last.end, "party.company_anaphor")]

    def _each_of(self, doc: Doc, recent: Draft, m: Mention, si: int, terms: Terms) -> bool:
        """True for "the contract" right after "X, Y and Z were each awarded contracts": agreements
        alike, given to each, that a definite singular of their kind describes all at once (when it
        names no side of its own)."""
        k = recent.kind_mention
        if not k.plural or m.plural or not m.definite or recent.collective or terms.parties:
            return False
        if k.rule.kind != m.rule.kind or si - recent.last_sentence != 1:
            return False
        verb = doc[k.head].head
        return any(c.lower_ == "each" and c.dep_ in ("dep", "advmod", "npadvmod", "det") for c in verb.children)

    def _sealed_again(self, doc: Doc, recent: Draft, m: Mention, si: int) -> bool:
        """True for "sealed agreement", "reached agreement" (no article) right after a story names one
        agreement of a general kind whose making it has not dated: the same agreement, made."""
        head = doc[m.head]
        k = recent.kind_mention
        if m.plural or k.plural or recent.collective or recent.terms.signed or not (m.rule.generic and k.rule.generic):
            return False
        if si - recent.last_sentence > 1 or any(t.dep_ in ("det", "poss", "nummod") for t in doc[m.start : m.head]):
            return False
        return head.dep_ == "dobj" and head.head.lemma_ in self.vocab.cues.signed_verbs

    def _unnamed_agreeing(self, doc: Doc, verb, found: list[Term]) -> list[Term]:
        """"The Maoists and seven mainstream opposition parties agreed ...": an unnamed group among
        those who agreed is a side too (its words as written)."""
        cues = self.vocab.cues
        nouns = set(cues.side_nouns) | set(cues.institution_nouns)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        out = []
        for t in subjects + [g for c in subjects for g in c.conjuncts]:
            if t.pos_ != "NOUN" or t.tag_ != "NNS" or t.lemma_.lower() not in nouns or t.ent_type_:
                continue
            start, end = t.left_edge.idx, t.idx + len(t)
            if not any(p.start < end and start < p.end for p in found):
                out.append(Term((doc.text[start:end], None), start, end, "party.agreeing_subject"))
        return out

    def _from_agreeing_sentence(self, doc, reader, draft: Draft, agreeing, si: int, *, first_named: bool = False) -> None:
        """A first mention "the accord" after "X agreed to sell Y to Z": the terms come from that sentence,
        if it is one of the two before; when "the agreement" is the first agreement the story names, from
        the story's last such sentence however far back ("X said it agreed to acquire Y." ... three
        paragraphs on ... "X said the agreement is subject to approval"; the conditions are below)."""
        m = draft.mentions[0]
        source = next((x for x in reversed(agreeing) if si - 2 <= x[0] <= si and x[3] < m.start), None)
        terms = reader.read(source[1], source[2], []) if source is not None else None
        far = next((x for x in reversed(agreeing) if x[0] < si - 2), None) if source is None and first_named else None
        if far is not None:
            # Far back, only when the mention's sentence names one who agreed ("First Security said the
            # agreement ...", not "Abe welcomed the latest deal") or no one at all ("The completion of the
            # merger agreement follows ..."), and that sentence names both sides ("agreed to pay 2 billion
            # dollars to the group led by X" names one; other rules read the latest deal's sides better).
            ours = [e.text for e in doc[m.start].sent.ents if e.label_ in ("ORG", "GPE", "PERSON", "NORP")]
            if not ours or any(same_name(a, e.text) for a in ours for e in doc[far[1] : far[2]].ents):
                told = reader.read(far[1], far[2], [])
                source, terms = (far, told) if len(told.parties) >= 2 else (None, None)
        if source is None:
            return
        terms.parties += self._unnamed_agreeing(doc, doc[source[3]], terms.parties)
        own = draft.terms.parties
        # Parties tied to the name itself ("Polly Peck's accord", "the accord with X") stay.
        ends = [doc[m.end - 1].idx + len(doc[m.end - 1]) for m in draft.mentions]
        linked = any(p.rule == "party.phrase" or (p.rule == "party.with" and any(0 <= p.start - e <= 30 for e in ends)) for p in own)
        shared = any(same_name(p.value[0], q.value[0]) for p in own for q in terms.parties)
        if len(terms.parties) >= 2 and not linked and (shared or not draft.terms.asset):
            # "X agreed to sell Y to Z. Analysts said the accord doesn't mean Japan ...": the parties
            # are the seller and buyer, not names the later sentence mentions for other reasons.
            draft.terms.parties = terms.parties
        verb = doc[source[3]]
        deal = self.finder.owned_deal(doc[source[1] : source[2]])
        if deal is not None and verb_above(deal) == verb and verb.lemma_ not in self.vocab.cues.deal_done_verbs:
            if linked:
                return  # "... won approval for their merger. The company signed the agreement with X": another deal
            # "X and Y won approval on Tuesday for their merger. The deal would ...": the day of what
            # became of it is not the day it was made; what became of it is its status
            draft.terms.status = draft.terms.status or terms.status or self._approval_won(verb)
            if not draft.terms.asset and not any(c.dep_ == "prep" and c.lower_ == "of" for c in deal.children):
                start, end = deal.left_edge.idx, deal.idx + len(deal)
                draft.terms.asset = Term(doc.text[start:end], start, end, "asset.deal_noun")
            # (whose deal it is, not "won approval from the European Commission")
            owners = self.finder.deal_owners(deal)
            at = {doc[i].idx for i in owners}
            named = [p for p in terms.parties if any(p.start <= x < p.end for x in at)]
            # ("the merger of X and Y was cleared", "X's takeover": names the sentence's reading skips, a
            # company the model took for a person among them; a person may own a takeover too)
            named += [
                entity_term(doc, e, "party.deal_owner") for e in doc.ents
                if e.label_ in ("ORG", "PERSON", "GPE") and e.root.i in owners and not any(p.start < e.end_char and e.start_char < p.end for p in named)
            ]
            named.sort(key=lambda p: p.start)
            # (whose deal it is says more than the names the later sentence or the approving one gives:
            # "The deal would create Britain's largest dairy group")
            draft.terms.parties = named or draft.terms.parties
            return
        bids = self.finder.bid_for(verb)
        if bids:
            # "X raised its offer for Y. The deal ...": the bidder and the company bid for (or whose unit) are
            # its sides, what is bid for what it covers; a bid is no signing, so the day is not its date
            if not linked:
                bidders = [s for c in verb.children if c.dep_ == "nsubj" for s in (c, *c.conjuncts)]
                sides = [p for t in [*bidders, *(t for _, companies in bids for t in companies)] if (p := self._named_side(doc, t)) is not None]
                draft.terms.parties = sides if len(sides) >= 2 else draft.terms.parties
                target, companies = bids[0]
                if not draft.terms.asset:
                    bought = next((e for e in doc.ents if e.start <= target.i < e.end), None) if companies == [target] else None
                    start, end = (bought.start_char, bought.end_char) if bought is not None else (target.left_edge.idx, target.idx + len(target))
                    draft.terms.asset = Term(doc.text[start:end], start, end, "asset.bid_target")
            return
        if not draft.terms.signed:
            # "The Maoists and the parties agreed last month to form an alliance ... Under the agreement":
            # the day it was agreed is the day it was made
            draft.terms.signed = reader.agreed_on(verb)
        if draft.terms.asset:
            return
        if not draft.terms.parties:
            draft.terms.parties = terms.parties
        # "agreed to form an anti-royal alliance": what they agreed to do it to, before any other phrase
        draft.terms.asset = reader.agreed_object(verb, source[2]) or terms.asset
        # "X agreed to sell Y": a concluded deal has no status of its own (the act is the agreement).
        if draft.terms.status is None and verb.lemma_ != "agree":
            # "sweetened their plan to merge": the verb says what became of the deal, if anything.
            rule = next((r for r in self.vocab.status if r.scope == "region" and r.regex.fullmatch(verb.text)), None)
            if rule is not None:
                draft.terms.status = Term(rule.value, verb.idx, verb.idx + len(verb), rule.id)

    def _approval_won(self, verb) -> Term | None:
        """"won European Union conditional approval for their merger", "was cleared by the
        Commission": approved."""
        cues = self.vocab.cues
        if any(c.dep_ == "neg" for c in verb.children):
            return None
        if verb.tag_ == "VBN" and (verb.lemma_ in cues.approving_verbs or verb.lemma_ == "clear"):
            if any(c.dep_ == "auxpass" for c in verb.children):
                return Term("approved", verb.idx, verb.idx + len(verb), "status.approval_won")
        if verb.lemma_ not in cues.approval_gained_verbs:
            return None
        noun = next((c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in {*cues.approval_nouns, "clearance", "go-ahead"}), None)
        if noun is None:
            return None
        return Term("approved", verb.idx, noun.idx + len(noun), "status.approval_won")

    @staticmethod
    def _named_side(doc: Doc, token) -> Term | None:
        """The name a token is in, as a side: an entity tagged as an organisation, a person or a place,
        or a proper noun the model left untagged ("Glencore raised its offer")."""
        ent = next((e for e in doc.ents if e.start <= token.i < e.end), None)
        if ent is not None:
            return entity_term(doc, ent, "party.bid") if ent.label_ in ("ORG", "PERSON", "GPE") else None
        if token.pos_ != "PROPN":
            return None
        p = proper_noun_party(token, "party.bid")
        return Term((p.text, None), p.start, p.end, p.rule)

    def _extender_of_persons_contract(self, doc: Doc, drafts: list[Draft]) -> None:
        """"Manchester United extended Marcus Rashford's contract until 2028": who extends, renews or ends
        a person's contract is its other side."""
        verbs = {*self.vocab.cues.renewing_verbs, "terminate", "end", "cancel"}
        for d in drafts:
            for m in d.mentions:
                head = doc[m.head]
                owner = next((c for c in head.children if c.dep_ == "poss" and c.ent_type_ == "PERSON"), None)
                if owner is None or head.dep_ != "dobj" or head.head.lemma_ not in verbs:
                    continue
                subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                side = self._named_side(doc, subject) if subject is not None and (subject.ent_type_ in ("ORG", "GPE", "PERSON") or subject.pos_ == "PROPN") else None
                if side is not None and not any(p.start < side.end and side.start < p.end for p in d.terms.parties):
                    d.terms.parties = [*d.terms.parties, Term(side.value, side.start, side.end, "party.contract_extender")]

    @staticmethod
    def _holder_by_relative(doc: Doc, drafts: list[Draft]) -> None:
        """"Nordvik Ports Ltd, which operates the terminal under a 30-year lease": the company a relative
        clause acting under the agreement is about holds it."""
        for d in drafts:
            for m in d.mentions:
                head = doc[m.head]
                verb = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "under" else None
                if verb is None or verb.dep_ != "relcl" or not any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in verb.children):
                    continue
                holder = next((e for e in doc.ents if e.label_ in SIDE_LABELS and e.start <= verb.head.i < e.end), None)
                if holder is not None and not any(p.start < holder.end_char and holder.start_char < p.end for p in d.terms.parties):
                    d.terms.parties = [*d.terms.parties, entity_term(doc, holder, "party.relative_holder")]

    @staticmethod
    def _club_of_person(doc: Doc, drafts: list[Draft]) -> None:
        """"Premier League club Tottenham ... The captain's current contract runs until 2008": a
        contract or deal whose one side is a person is with the one club or team the story names (none
        when it names two: a transfer between them)."""
        clubs: dict[str, Party] = {}
        for t in doc:
            # (a name the tagger may take for a plural noun: "club Nantes")
            if t.lower_ in ("club", "team") and t.dep_ in ("compound", "appos") and t.head.pos_ in ("PROPN", "NOUN") and t.head.text[:1].isupper():
                club = proper_noun_party(t.head, "party.person_club")
                clubs.setdefault(name_key(club.text), club)

        def person(side: Term) -> bool:
            return doc.char_span(side.start, side.end, alignment_mode="expand").root.ent_type_ == "PERSON"

        personal = [d for d in drafts if d.kind_mention.rule.kind in ("contract", "deal")]
        # ("Manchester United winger Ryan Giggs has signed a contract extension ... His previous contract":
        # the club of the same person's other contract told in the story)
        for d in personal:
            sides = d.terms.parties
            if len(sides) != 1 or not person(sides[0]):
                continue
            others = [
                next(p for p in o.terms.parties if not person(p)) for o in personal
                if o is not d and len(o.terms.parties) == 2 and person(o.terms.parties[0]) != person(o.terms.parties[1])
                and any(person(p) and same_name(p.value[0], sides[0].value[0]) for p in o.terms.parties)
            ]
            if len({name_key(c.value[0]) for c in others}) == 1:
                club = others[0]
                d.terms.parties = [*sides, Term(club.value, club.start, club.end, "party.person_club")]
        if len(clubs) != 1:
            return
        club = next(iter(clubs.values()))
        for d in personal:
            sides = d.terms.parties
            if len(sides) != 1 or same_name(sides[0].value[0], club.text):
                continue
            if person(sides[0]):
                d.terms.parties = [*sides, Term((club.text, club.entity_id), club.start, club.end, club.rule)]

    def _bodies_joined(self, doc: Doc, drafts: list[Draft]) -> None:
        """"Poland and Hungary joined NATO and the EU in 2004": an accession to each body, made by the
        same members on the same day, each with its own body as the other side."""
        joins = [d for d in drafts if d.kind_mention.rule.id == "kind.accession_join"]
        for first in joins:
            verb = first.kind_mention.head
            listed = [d for d in joins if d.kind_mention.head == verb]
            if listed[0] is not first or len(listed) < 2:
                continue
            bodies = [self._joined_body(doc, d.kind_mention) for d in listed]
            members = [p for p in first.terms.parties if not any(b.start < p.end and p.start < b.end for b in bodies)]
            # ("joined NATO in 1999 and the EU in 2004": each its own date, written after it)
            ends = [b.start for b in bodies[1:]] + [len(doc.text)]
            dated = [[s for s in first.terms.signed if b.end <= s.start < nxt] for b, nxt in zip(bodies, ends)]
            for k, (d, body) in enumerate(zip(listed, bodies)):
                d.terms.parties = [*members, body]
                d.terms.signed = dated[k] if all(dated) else d.terms.signed or first.terms.signed
                d.terms.status = d.terms.status or first.terms.status
                if d.terms.asset is not None and any(b.start < d.terms.asset.end and d.terms.asset.start < b.end for b in bodies):
                    d.terms.asset = None  # (not "and the EU": the next body, not what is joined)

    @staticmethod
    def _joined_body(doc: Doc, m: Mention) -> Term:
        """The body an accession mention names, its last words ("NATO" of "joined NATO")."""
        span = doc[m.end - 1 : m.end]
        ent = next((e for e in doc.ents if e.start <= span.start < e.end), None)
        if ent is not None:
            return entity_term(doc, ent, "party.joined_body")
        start = doc[m.end - 1].left_edge.idx
        end = doc[m.end - 1].idx + len(doc[m.end - 1])
        return Term((doc.text[start:end], None), start, end, "party.joined_body")

    def _group_dates(self, doc: Doc, drafts: list[Draft]) -> None:
        """"X signed several deals on Tuesday. Y signed a memorandum on ...": an agreement singled out
        right after a dated group, signed with no date of its own, is one of the group and takes its date."""
        for k, draft in enumerate(drafts):
            m = draft.mentions[0]
            if draft.terms.signed or m.plural or doc[m.start].lower_ not in ("a", "an", "one"):
                continue
            head = doc[m.head]
            verb = head.head if head.dep_ in ("dobj", "nsubjpass") else None
            if verb is None or verb.lemma_ not in self.vocab.cues.signed_verbs:
                continue
            group = next((
                d for d in reversed(drafts[:k])
                if d.kind_mention.plural and d.terms.signed and 0 < draft.first_sentence - d.last_sentence <= self.pronoun_window + 1
            ), None)
            if group is not None:
                draft.terms.signed = relabelled(group.terms.signed, "signed.group")

    @staticmethod
    def _forward(doc: Doc, drafts: list[Draft]) -> list[Draft]:
        """"the cease-fire" early in a story, "the 2002 cease-fire agreement" later: a first definite
        mention with nothing earlier to refer to is the next agreement of its kind the story names in
        full (with its year or its own name), when no other of that kind comes between."""
        out = list(drafts)
        for d in drafts:
            m = d.kind_mention
            if not d.unanchored or m.plural or d.collective or d.terms.signed or d not in out:
                continue
            later = [e for e in out[out.index(d) + 1 :] if e.kind_mention.rule.kind == m.rule.kind]
            if not later:
                continue
            e = later[0]
            if e.kind_mention.plural or e.collective or not (e.keys or e.years) or not e.kind_mention.definite:
                continue
            status = e.terms.status or d.terms.status
            e.terms.absorb(d.terms)
            e.terms.status = status
            e.mentions.extend(d.mentions)
            out.remove(d)
        return out

    def _finish(self, doc: Doc, drafts: list[Draft], collective: list[tuple[Term, str | None]]) -> list[Draft]:
        """Drop tentative mentions that never got terms; give collective status to the rest."""
        text = analysed_text(doc)

        def said(d: Draft) -> bool:
            # "the agreement on the management of the Fund": a name that says what it covers is specific
            asset = d.terms.asset
            named_asset = asset is not None and asset.rule == "asset.kind_prep" and bool(ON_TOPIC.search(text, max(0, asset.start - 12), asset.start))
            # "The agreement sets up the UN Peacebuilding Fund": the body it creates is said of it
            head = doc[d.kind_mention.head]
            named_asset = named_asset or asset is not None and asset.rule == "asset.participle_object" and head.dep_ == "nsubj" and head.head.lemma_ in self.vocab.asset_words.creation_verbs
            return bool(d.terms.parties or d.terms.has_terms() or len(d.mentions) > 1 or named_asset or made_told(d))

        cues = self.vocab.cues

        def made_told(d: Draft) -> bool:
            # "The deal, which will involve ..., was struck with a handshake": its making is told outright
            # (a plain past passive, no modal or negation)
            head = doc[d.kind_mention.head]
            verb = head.head
            # ("The agreement, reached after 12 days of talks, ends ...": a participle set off by commas)
            participle = any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in cues.making_verbs and c.i == head.i + 2 and doc[head.i + 1].text == ","
                and not any(g.dep_ in ("aux", "auxpass", "neg") for g in c.children)
                for c in head.children
            )
            return participle or (
                head.dep_ == "nsubjpass" and verb.tag_ == "VBN" and verb.lemma_ in cues.signed_verbs
                and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in verb.children)
                and not any(c.dep_ in ("aux", "neg") for c in verb.children)
            )

        def bare(d: Draft) -> bool:
            # "actual accession will be performance-based": a lower-case name with no determiner at all
            # is the idea of one, not an agreement (unless something is said of it)
            m = d.kind_mention
            head = doc[m.head]
            determined = any(t.dep_ in ("det", "poss", "nummod") or t.tag_ == "POS" for t in doc[min(m.start, head.left_edge.i) : m.end])
            # ("Uruguay legislators ratify protocol": a headline's object of signing keeps no determiner)
            made = head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in set(cues.signed_verbs) | set(cues.joining_verbs)
            return not (m.plural or determined or made or head.pos_ == "VERB" or head.text[:1].isupper() or m.listed_by is not None)

        # ("three agreements -- A, B and C": the agreements listed, not the list)
        listing = {m.listed_by for d in drafts for m in d.mentions if m.listed_by is not None}
        drafts = [d for d in drafts if not (d.kind_mention.plural and len(d.mentions) == 1 and d.kind_mention.head in listing)]
        def consensus(d: Draft) -> bool:
            # "amid agreement to slow down enlargement": "agreement" with no determiner, not signed or
            # made, is a consensus, whatever it is said to be about
            m = d.kind_mention
            head = doc[m.head]
            signing = set(cues.signed_verbs) - {"agree", "reach", "come"}
            made = head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in signing
            # ("Israel, PLO sign agreement": a headline's verb, often parsed as a noun before it)
            made = made or any(t.lemma_.lower() in signing for t in doc[max(0, head.left_edge.i - 1) : head.i])
            return bare(d) and len(d.mentions) == 1 and head.lower_ == "agreement" and not made

        real = [
            d for d in drafts
            if not d.tentative and (said(d) or not d.unanchored or d.presupposed) and not (bare(d) and not said(d)) and not consensus(d)
        ]
        if not real:
            # Only general mentions ("the agreements signed under Assad"): keep the first with a status.
            real = [d for d in drafts if d.terms.status is not None][:1]
        published = context(doc).published
        for draft in real:
            sent = doc[draft.mentions[0].head].sent
            # "three agreements are to be signed - X, ...": a signing ahead is of its own sentence's agreements
            # ("X still has to sign protocols with Y" says nothing of the deal X signed before)
            found = [
                t for t, kind in collective
                if (t.value != "proposed" or sent.start_char <= t.start < sent.end_char) and kind in (None, draft.kind_mention.rule.kind)
            ]
            # (a review of the story's agreements says more than that one of them runs: "treaties signed in
            # 2015 and 2017, which run until 2066 ... a committee to reassess deals made under Assad")
            held = draft.terms.status is not None and draft.terms.status.value == "in force" and draft.terms.status.rule in HOLDING_STATUSES
            if found and (draft.terms.status is None or held and found[-1].value == "under review"):
                draft.terms.status = found[-1]
            t = draft.terms
            if t.status is not None and t.status.rule == "status.proposed_goal" and t.signed and all(before(s.value, published) for s in t.signed):
                t.status = None  # "cleared the way for X to sign a deal in May": signed since, not proposed
        return real

    def _negotiated(self, doc: Doc, reader, sentences: list, drafts: list[Draft]) -> None:
        """Sides told outside an agreement's own clause: an agreement signed at a meeting is between the
        meeting's sides, one that ends a conflict between the conflict's (``agreement_conflicts``), and a
        definite agreement that names no side of its own ("the current agreements expire in 2010") is
        between the sides the sentences just before show negotiating (see ``agreement_sides``)."""
        cues = self.vocab.cues
        sides = NegotiatingSides(
            doc, doc._.cw_entities or [], reader.people, verbs=set(cues.negotiating_verbs), nouns=set(cues.talk_nouns),
            events=set(cues.event_nouns), trades=set(cues.agreeing_verbs),
        )
        for d in drafts:
            if not d.collective:
                # "four accords will be signed at the X-Y summit - a memorandum on A, and agreements on B and C"
                # (also when the clauses found only some of the meeting's sides: "(The deal) opens ..., said
                # EU Commissioner X. An agreement on the matter is to be signed at the EU-Russia summit")
                heads = [h for m in d.mentions for h in (m.head, m.listed_by) if h is not None]
                pair = next((p for h in heads if (p := sides.at_event(doc[h]))), [])
                if pair and all(any(same_name(t.value[0], p.text) for p in pair) for t in d.terms.parties):
                    d.terms.parties = _as_terms(pair)
        conflicts = ConflictSides(sides, conflicts=set(cues.conflict_nouns), ending=set(cues.ending_verbs))
        for d in drafts:
            # "the accords which ended the war which pitted X against Y": the war's sides, when what the
            # clause found is none or only some of them
            pair = next((p for m in d.mentions if (p := conflicts.ended(doc[m.head]))), [])
            if pair and all(any(same_name(t.value[0], p.text) for p in pair) for t in d.terms.parties):
                d.terms.parties = _as_terms(pair)
        for d in drafts:
            if d.terms.parties or d.collective or not d.kind_mention.definite or all(reader.proper_name(m) for m in d.mentions):
                continue
            # (its own sentence first: "failed to arrange a meeting between the two sides to strengthen the truce")
            for k in range(d.first_sentence, max(-1, d.first_sentence - 1 - self.sides_window), -1):
                pair = sides.pair(sentences[k])
                if pair:
                    d.terms.parties = _as_terms(pair)
                    break


def _current(doc: Doc, mention: Mention) -> bool:
    """True for an agreement said to be the one now ("his current deal", "the existing contract")."""
    return any(c.dep_ == "amod" and c.lower_ in CURRENT_WORDS for c in doc[mention.head].children)


def _as_terms(parties: list[Party]) -> list[Term]:
    """Sides found as parties (by the people and sides readers), as the terms of a draft."""
    return [Term((p.text, p.entity_id), p.start, p.end, p.rule) for p in parties]


def _described_only(name: str) -> bool:
    """True for a side written only as an indefinite description ("a Hong Kong-owned firm")."""
    return bool(re.match(r"(?:a|an)\s", name, re.I))


def _whole_sentences(doc: Doc):
    """spaCy's sentences, a sentence that does not follow an end mark or a line break joined to the one before."""
    sents = list(doc.sents)
    k = 0
    while k < len(sents):
        start, end = sents[k].start, sents[k].end
        while k + 1 < len(sents) and end > 0 and not _ENDS_SENTENCE.search(doc[end - 1].text) and not doc[end - 1].is_space and doc[end].text[:1].isalnum():
            k += 1
            end = sents[k].end
        yield doc[start:end]
        k += 1


@Language.factory(
    "claimweave_agreements",
    assigns=["doc._.cw_agreements", "token.pos", "token.tag"],  # (tags mended for kind nouns read as verbs)
    requires=["doc._.cw_entities", "doc._.cw_timexes", "doc._.cw_roles"],
    default_config={"pronoun_window": 2},
)
def make_agreements(nlp: Language, name: str, pronoun_window: int) -> AgreementExtractor:
    """The agreements component; ``pronoun_window`` is how many sentences "it"/"they" may look back."""
    ensure_extensions()
    return AgreementExtractor(nlp, pronoun_window=pronoun_window)
