"""Sides an agreement takes from the story around it rather than from its own clause: the speaker
who tells of its own agreement ("Petrobras said it would honour its contract with Bolivia"), the
state or company the story is about ("MONROVIA - Liberia has begun reviewing ... a concession"), and
the other state of the one pair a story's agreements are between. A mixin of ``AgreementExtractor``,
which supplies ``vocab`` and ``_subject_party``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimweave.extract.agreement_bilateral import pair_counterpart
from claimweave.extract.agreement_people import countries
from claimweave.extract.agreement_terms import same_name
from claimweave.extract.agreement_types import Mention, Term, called_by_name, entity_term
from claimweave.extract.common import analysed_text, datelines
from claimweave.extract.titles import affiliation_name

if TYPE_CHECKING:
    from claimweave.extract.agreements import Draft

# agreements a state grants a company (a concession, a lease, mining or exploration rights)
_STATE_GRANTS = ("concession", "lease", "mining", "exploration", "rights")
# what a story calls the company it is about ("the airline has a contract with X")
_COMPANY_WORDS = ("company", "group", "firm", "airline", "carrier", "league", "club", "bank", "maker", "operator", "insurer")
# words that make an agreement another one like it ("a similar pact"), made by others
LIKE_WORDS = ("similar", "comparable", "like")


class StorySides:
    """The story-level side passes of ``AgreementExtractor``."""

    def _speaker_side(self, doc: Doc, drafts: list[Draft]) -> None:
        """"Petrobras said it would honour its supply contract with Bolivia", "Corus said its board backed
        the deal agreed with Tata Steel": an agreement told with one side only, in what a named company or
        state says of itself ("it", "its"), is the speaker's with that side."""
        speech = set(self.vocab.cues.party_speech_verbs)
        for d in drafts:
            head = doc[d.kind_mention.head]
            if d.collective:
                continue
            # "Iran says it abides by the treaty": what the speaker does to an agreement as one bound by it
            bound = not d.terms.parties and self._kept_by_pronoun(head)
            if not bound and (len(d.terms.parties) != 1 or d.terms.parties[0].rule not in ("party.with", "party.clause")):
                continue
            if not bound and not any(c.dep_ == "prep" and c.lower_ == "with" for t in [head, *head.children] for c in t.children) and d.terms.parties[0].rule != "party.with":
                continue  # (the other side told by "with": "the deal agreed last month with Tata Steel")
            said = next((a for a in head.ancestors if a.dep_ == "ccomp" and a.head.lemma_ in speech), None)
            if said is None or said.lemma_ == "be":
                continue  # (not "said it was time to review the contract with X": "it" is no one)
            # (what the speaker itself does to the agreement, no other verb between: not "it could downgrade
            # the rating if the deal with X collapsed")
            if any(a.pos_ in ("VERB", "AUX") for a in head.ancestors if a.i != said.i and said in a.ancestors):
                continue
            speaker = next((c for c in said.head.children if c.dep_ == "nsubj"), None)
            speaker = _past_dateline(doc, said.head, speaker) if speaker is not None else None
            # (of itself: "it" or "its" in what is said, before the agreement)
            own = any(t.lower_ in ("it", "its") and t.i < head.i for t in said.subtree)
            party = self._subject_party(doc, speaker, untagged=True) if speaker is not None and own else None
            if party is None and speaker is not None and own and speaker.pos_ == "PROPN" and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in said.children):
                # ("Petrobras said it would ...": "it" says the name the model took for a person is none)
                # (its own words only, not a dateline the parser ran into it: "PYONGYANG - North Korea")
                first = speaker.i
                while first > 0 and doc[first - 1].dep_ == "compound" and doc[first - 1].pos_ == "PROPN" and doc[first - 1].head == speaker:
                    first -= 1
                start, end = doc[first].idx, speaker.idx + len(speaker)
                party = Term((analysed_text(doc)[start:end], None), start, end, "party.speaker")
            if party is not None and not any(same_name(party.value[0], p.value[0]) for p in d.terms.parties):
                d.terms.parties.insert(0, Term(party.value, party.start, party.end, "party.speaker"))

    def _kept_by_pronoun(self, head) -> bool:
        """True for an agreement that "it" ratifies, joins, honours, abides by or breaches ("it abides by
        the treaty", "it did not breach the contract"): the pronoun is bound by it."""
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
            verb = verb.head
        elif head.dep_ != "dobj":
            return False
        # (not "it will not ratify the treaty", "it will never return to the treaty")
        denied = any(c.dep_ == "neg" or c.lower_ == "never" for c in verb.children)
        return verb.pos_ == "VERB" and not denied and verb.lemma_ in self.vocab.cues.joining_verbs and any(c.dep_ == "nsubj" and c.lower_ == "it" for c in verb.children)

    def _story_pair(self, doc: Doc, drafts: list[Draft]) -> None:
        """An agreement told with one state alone in a story whose agreements are all between that
        state and one other is theirs (see ``pair_counterpart``); not an
        accession, a truce, a peace deal or a convention, a group, or one called by its own name ("Israel has honoured the Camp David Accords
        and the peace treaty with Jordan": the accords have sides of their own)."""
        for d in drafts:
            m = d.kind_mention
            if d.collective or m.plural or m.rule.kind in ("accession", "ceasefire") or called_by_name(doc, m, self.vocab.kind_words):
                continue
            if any(t.lower_ in ("peace", "convention", "conventions", "charter") for t in doc[m.start : m.end]):
                continue  # (a peace deal is with the other side of a war; a convention has many sides)
            others = [o.terms.parties for o in drafts if o is not d]
            joined = {t.i for t in doc[m.head].conjuncts}
            if any(o.kind_mention.head in joined for o in drafts if o is not d and len(o.terms.parties) >= 2):
                continue  # (coordinated with another told with its sides: its own sides are the ones written)
            other = pair_counterpart(d.terms.parties, others)
            if other is not None:
                d.terms.parties.append(other)

    def _story_sides(self, doc: Doc, reader, sentences: list, drafts: list[Draft]) -> None:
        """An agreement told with one side only, in a story about a state or a company (the one its first
        sentence is about), is that state's or company's with it (see ``_lead_state``, ``_lead_company``)."""
        subject = self._story_subject(doc, sentences)
        if subject is None:
            return
        lead = subject.sent
        words = {subject.i} | {c.i for c in subject.children if c.dep_ in ("compound", "poss")}
        # (a country by name, not a capital standing for it nor the dateline's city; or a country's name
        # the model left untagged: "Peru on Tuesday rejected ...")
        states = [e for e in lead.ents if e.label_ == "GPE" and e.root.i in words and affiliation_name(e.text) in countries()]
        states = states or [doc[i : i + 1] for i in sorted(words) if not doc[i].ent_type_ and affiliation_name(doc[i].text) in countries()]
        companies = [e for e in lead.ents if e.label_ == "ORG" and e.root.i in words]
        if len(states) == 1:
            self._lead_state(doc, reader, states[0], drafts)
        elif not states and len(companies) == 1:
            self._lead_company(doc, reader, companies[0], drafts)

    def _story_subject(self, doc: Doc, sentences: list):
        """The subject of the story's first sentence (of what it says, before "..., an official said"),
        past its dateline; None when it has none or two ("Chile and Peru signed ...")."""
        def main_verb(sent):
            # (the parser may cut a dateline off as a sentence of its own, inside the one read here)
            return next((t for t in [sent.root, *sent] if t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"), None)

        lead = next((s for s in sentences if len(s) >= 8 and main_verb(s) is not None), None)
        if lead is None:
            return None
        verb = main_verb(lead)
        # ("X has begun a review of ..., an official said": what is said first, its sayer after it)
        said = next((c for c in verb.children if c.dep_ == "ccomp" and c.i < verb.i), None)
        if said is not None and verb.lemma_ in self.vocab.cues.party_speech_verbs:
            verb = said
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        subject = _past_dateline(doc, verb, subject) if subject is not None else None
        if subject is None or any(c.dep_ == "conj" for c in subject.children):
            return None
        return subject

    def _lead_state(self, doc: Doc, reader, state, drafts: list[Draft]) -> None:
        """"Egypt on Wednesday rejected calls to revise ... guaranteed by a 1959 accord with Sudan": an
        agreement between states told with one state only is the story's state's with it; so is a
        concession, lease or rights grant of a company ("The government is reviewing a concession held by
        Firestone")."""
        for d in self._one_sided(doc, reader, drafts):
            if d.kind_mention.rule.kind == "accession":
                continue
            head = doc[d.kind_mention.head]
            side = d.terms.parties[0]
            span = doc.char_span(side.start, side.end, alignment_mode="expand")
            state_side = span is not None and affiliation_name(side.value[0]) in countries() and any(e.label_ == "GPE" for e in span.ents)
            granted = span is not None and d.kind_mention.rule.kind in _STATE_GRANTS and any(e.label_ == "ORG" for e in span.ents)
            if not (state_side or granted):
                continue
            # ("First Quantum, which holds a copper concession in Zambia": a grant of another state; but
            # "held by US tyre maker Firestone" names a maker's nationality, not where it lies)
            places = [
                t for t in (*head.subtree, *head.head.subtree)
                if t.ent_type_ == "GPE" and t.dep_ == "pobj" and t.head.lower_ in ("in", "at", "off") and affiliation_name(t.text) in countries()
            ]
            if granted and any(not same_name(t.text, state.text) for t in places):
                continue
            if not same_name(side.value[0], state.text) and not (side.start <= state.start_char < side.end):
                d.terms.parties.append(entity_term(doc, state, "party.lead_state"))

    def _lead_company(self, doc: Doc, reader, company, drafts: list[Draft]) -> None:
        """"Singapore Airlines ordered 20 Boeing jets ... a service agreement with Rolls-Royce": an
        agreement told only "with" a company, in a story about another company, is that company's too."""
        for d in self._one_sided(doc, reader, drafts, owner=company):
            side = d.terms.parties[0]
            span = doc.char_span(side.start, side.end, alignment_mode="expand")
            if side.rule != "party.with" or span is None or not any(e.label_ == "ORG" for e in span.ents):
                continue
            if not self._of_company(doc, d.kind_mention, company):
                continue
            if not same_name(side.value[0], company.text) and not (side.start <= company.start_char < side.end):
                d.terms.parties.insert(0, entity_term(doc, company, "party.lead_company"))

    def _one_sided(self, doc: Doc, reader, drafts: list[Draft], owner=None) -> list[Draft]:
        """The singular agreements told with one side, not by a proper name, whose other side is not
        said to be someone else's: not "a similar agreement", nor one its one side is told signing
        ("Jordan, which signed a peace treaty in 1994": with whom is not said), unless the signer may be
        ``owner``, the story's company ("It also signed a service agreement with Rolls-Royce")."""
        signing = set(self.vocab.cues.signed_verbs) | set(self.vocab.cues.making_verbs)
        out = []
        for d in drafts:
            # (not "treaties signed in 2015 and 2017": with whom each is, is not said; and a treaty known by
            # its name is signed by the states its story names)
            if len(d.terms.parties) != 1 or d.collective or d.kind_mention.plural or any(reader.proper_name(m) for m in d.mentions):
                continue
            head = doc[d.kind_mention.head]
            if any(c.dep_ == "amod" and c.lower_ in LIKE_WORDS for c in head.children):
                continue
            # (for a story's company, any verb whose subject is another name: "Virgin has a contract with X";
            # but "The trade agreement with the United States was signed in February" tells no signer)
            verb = head.head
            told_signer = head.dep_ == "dobj" or head.dep_ == "nsubjpass" and any(c.dep_ == "agent" for c in verb.children)
            if told_signer and (owner is not None or verb.lemma_ in signing) and not self._signed_by(verb, owner):
                continue
            out.append(d)
        return out

    @staticmethod
    def _of_company(doc: Doc, mention: Mention, company) -> bool:
        """True when an agreement's sentence, before it, names the story's company or refers to it ("it",
        "its", "the airline"), and no one else is told making it ("announced by Qantas")."""
        head = doc[mention.head]
        sent = head.sent
        before = doc[sent.start : mention.start]
        told = any(same_name(e.text, company.text) for e in before.ents if e.label_ == "ORG") or any(
            t.lower_ in ("it", "its", "they", "their") or t.lower_ in _COMPANY_WORDS and t.i > 0 and doc[t.i - 1].lower_ == "the"
            for t in before
        )
        agent = any(c.dep_ == "agent" and any(g.pos_ == "PROPN" for g in c.subtree) for t in (head, *head.children) for c in t.children)
        return told and not agent

    @staticmethod
    def _signed_by(verb, owner) -> bool:
        """True when the subject of the verb an agreement is the object of may be ``owner`` (the story's
        company): the company itself, "it" or a description ("The airline signed ..."), not another name
        ("Yahoo signed a deal", "Virgin has a contract")."""
        if owner is None:
            return False
        signer = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        return signer is None or signer.pos_ != "PROPN" or same_name(signer.text, owner.text)


def _past_dateline(doc: Doc, verb, subject):
    """The subject of a story's verb, past its dateline: "MONROVIA, Nov 15 (AFP) - Liberia has begun ...",
    where the parser may take the dateline's city for the subject, is about the name right after the
    dateline (when it hangs on the verb or on that city); None when nothing follows it there."""
    filed = datelines(analysed_text(doc))
    end = next((b for a, b in filed if a <= subject.idx < b), None)
    if end is None:
        return subject
    after = next((t for t in subject.sent if t.idx >= end and not t.is_space), None)
    # (the phrase it opens: "Liberia's review", "Sri Lanka's government")
    for _ in range(3):
        if after is None or after.head in (verb, subject):
            return after
        after = after.head if after.dep_ in ("compound", "poss") else None
    return None
