"""Reading an agreement's status from the clause around it: the verbs, adjectives and nouns that
say what became of it ("ratified", "the truce is holding", "called off", "the cabinet's approval of
the deal", "needs the Senate's ratification"), and the signings still ahead that make it a proposal
("plans to sign", "is due to be signed"). Cues are data (``patterns/agreements/status.jsonl``); this
module decides whether a cue is about the agreement and whether what it tells was done.
"""

from __future__ import annotations

import re

from claimweave.extract.agreement_arguments import ArgumentReader
from claimweave.extract.agreement_terms import verb_above
from claimweave.extract.agreement_types import Mention, Term
from claimweave.extract.claim_syntax import after_publication
from claimweave.extract.common import context
from claimweave.models import Timex

ARG_DEPS = ("nsubj", "nsubjpass", "dobj", "attr", "dative")
CLIMB_DEPS = ("xcomp", "acomp", "pcomp", "oprd", "prep", "aux", "auxpass", "amod", "ccomp")
# Statuses that a verb only gives once done: "will be amended" is not (yet) amended.
FUTURE_BLIND = ("amended", "approved", "ratified", "cancelled", "suspended")
PATIENT_STATUSES = FUTURE_BLIND + ("under review",)  # statuses told by what others do to an agreement
REALIZED_PREPS = ("after", "since", "upon", "on")
SCHEDULE_WORDS = ("due", "set", "scheduled", "slated", "expected", "poised")  # "is due to be signed"
SIGNING_LEMMAS = ("sign", "conclude", "ink", "clinch")  # verbs whose future tense schedules an agreement
MAKING_LEMMAS = SIGNING_LEMMAS + ("seal",)  # verbs that say who made an agreement, and that it is made
INCLUDING_VERBS = ("cover", "include", "comprise", "contain")  # a batch of texts and what is in it
TIME_NOUNS = ("year", "month", "week", "day", "decade", "anniversary", "date")
NEGATED_LEFT = re.compile(r"\b(?:not|never|no longer|n't)\s+(?:(?:yet|still|fully|entirely|been)\s+)*$", re.I)
SIGNING_NOUNS = ("signature", "signing", "conclusion")  # "the signing of the accord" still ahead
FRAME_PREPS = ("under", "by", "within")
RATIFIER_NOUNS = ("country", "nation", "state", "member", "government", "parliament", "legislature", "signatory", "republic", "kingdom")  # "under the terms", "within the framework": what an act follows


def realized(verb) -> bool:
    """True for a signing told as done by a gerund after "after", "since" or "upon" ("after reaching a
    deal with X Saturday", "since signing the pact") or after "as a result of", or by an infinitive on a first or only one
    ("the first Arab country to sign a peace treaty with Israel"): the deal was made, not sought."""
    if verb.tag_ == "VB" and verb.dep_ in ("relcl", "acl"):
        nouns = [verb.head] + [c for c in verb.head.children if c.dep_ == "appos"]  # "Egypt, the first country to sign"
        if any(c.lower_ in ("first", "only", "last") for n in nouns for c in n.children):
            return True
    if verb.tag_ != "VBG":
        return False
    if verb.dep_ == "pcomp" and verb.head.lower_ in REALIZED_PREPS:
        return True
    if verb.dep_ == "pcomp" and verb.head.lower_ == "of" and verb.head.head.lower_ in ("result", "wake", "aftermath", "consequence"):
        return True  # "as a result of reaching a research accord", "in the wake of signing": what followed it
    if verb.dep_ == "pcomp" and verb.head.lower_ == "by" and _told_past(verb.head.head):
        return True  # "has ramped up its ties by signing an exclusive deal": the means of a past act
    return any(c.dep_ in ("mark", "prep") and c.lower_ in REALIZED_PREPS and c.i < verb.i for c in verb.children)


def _told_past(verb) -> bool:
    """True for a verb in the simple past or the present perfect ("signed", "has ramped up")."""
    if verb.tag_ == "VBD":
        return not any(c.dep_ == "aux" and c.lower_ in ("did", "would", "could", "should", "might") for c in verb.children)
    return verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)


def signing_noun_of(head):
    """The signing noun an agreement's head hangs on by "of" ("the signing of the accord", "the
    signature of a dozen accords"), or None."""
    if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in SIGNING_NOUNS:
        return head.head.head
    return None


def _topic_of(head, noun) -> bool:
    """True when an agreement hangs on ``noun`` through prepositions alone ("talks on the ceasefire",
    "negotiations over the deal"), not through a clause ("the contributor, beefed up after the truce")."""
    tok = head
    while tok.dep_ in ("pobj", "prep", "conj") and tok.head != tok:
        tok = tok.head
        if tok == noun:
            return True
    return False


# words that make a present tense tell what goes on now or as a habit ("are held yearly under the treaty")
_NOW_WORDS = frozenset(("now", "currently", "still", "yearly", "annually", "regularly", "routinely", "already", "daily", "monthly", "weekly"))

class StatusReader(ArgumentReader):
    """Reads an agreement's status (and whether a cue is hypothetical or not done) from one Doc."""

    def _hypothetical(self, ca: int, start: int) -> bool:
        left = self.text[max(ca, start - 40) : start]
        # (the month "May" is no modal: "the deal signed in May has not been implemented")
        return any(m.group() != "May" for m in self.vocab.hypothetical.finditer(left))

    @staticmethod
    def _modal(verb) -> bool:
        """True for a verb in the future or a modal mood ("will be amended", "would cancel", "must be approved")."""
        return any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("will", "would", "shall", "could", "might", "may", "should", "must", "'ll") for c in verb.children)

    def _signing_ahead(self, verb) -> bool:
        """True for a signing still to come: "will sign", "plans to sign", "is expected to sign", and "would
        sign" (a future told from the past: "dismissed a report that it would sign a pact on Monday")."""
        if any(c.dep_ == "neg" for c in verb.children):
            return False
        if any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll", "would") for c in verb.children):
            return True
        above = verb.head if verb.dep_ == "xcomp" else None
        planned = set(self.vocab.cues.sought_verbs) | {"schedule", "prepare", "set", "due", "go"}
        return above is not None and above.lemma_ in planned and not any(c.dep_ == "neg" for c in above.children)

    @staticmethod
    def _subject_left_unparsed(verb, heads: list) -> bool:
        """True for "after the truce between X and Y took effect" parsed with the truce as the object of
        "after" and "took" with no subject (or one further left): the agreement's phrase ends right
        before the verb."""
        if verb.dep_ in ("relcl", "acl", "xcomp"):
            return False
        before = verb.i - 1
        while before >= 0 and verb.doc[before].pos_ in ("ADV", "AUX", "PART"):
            before -= 1  # "the truce finally took effect", "the truce has taken effect"
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
        if any(_topic_of(h, c) for c in subjects for h in heads):
            return False  # "talks on the ceasefire broke down": the agreement is what the subject is about, not it
        return any(h.i <= before and h.right_edge.i == before and all(c.i < h.left_edge.i for c in subjects) for h in heads)

    @classmethod
    def _intransitive(cls, verb) -> bool:
        """True for a verb with no object, particle or passive, not in the future ("the truce held"; not
        "the concession held by Axis Group", a participle with its agent)."""
        passive = verb.tag_ == "VBN" and any(c.lemma_ == "be" and c.dep_ in ("aux", "auxpass") for c in verb.children)
        return not (cls._modal(verb) or passive) and not any(c.dep_ in ("dobj", "prt", "auxpass", "dative", "attr", "agent") for c in verb.children)

    def _relative_of(self, pronoun, heads) -> bool:
        """False for a relative "which"/"that" whose clause is about something other than an agreement
        ("the peacemaking that collapsed six years ago"); True for one about an agreement ("the truce,
        which collapsed", "contracts that Damascus wants to examine", also when it comes right after the
        agreement's phrase and the parser hangs it elsewhere: "mediation over the agreement reached in
        March, which has since stalled") and for any other word."""
        clause = pronoun.head
        while clause.dep_ in CLIMB_DEPS and clause.head != clause:
            clause = clause.head
        if clause.dep_ not in ("relcl", "acl"):
            return True
        noun = clause.head
        before = pronoun.i - 2 if pronoun.i >= 2 and pronoun.doc[pronoun.i - 1].text == "," else pronoun.i - 1
        return noun in heads or noun.lower_ in self.vocab.kind_words or any(h.right_edge.i == before for h in heads)

    @classmethod
    def _told_done(cls, verb) -> bool:
        """True for a verb in the simple past or the perfect ("negotiated", "have negotiated"), not in a
        passive progressive or a modal mood ("is being negotiated", "would have negotiated")."""
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if cls._modal(verb) or any(c.lower_ == "being" for c in aux):
            return False
        return verb.tag_ == "VBD" or verb.tag_ == "VBN" and any(c.lemma_ == "have" for c in aux)

    @staticmethod
    def _denied(verb) -> bool:
        """True for a verb negated, or whose subject is nobody ("neither side has withdrawn")."""
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(c.dep_ == "neg" for c in verb.children) or any(
            s.lower_ in ("neither", "none", "nobody", "nothing") or any(d.lower_ in ("neither", "no") for d in s.children) for s in subjects
        )

    def _not_done(self, verb) -> bool:
        """True for an act denied, wished for or still to begin ("not implemented", "refuse implementing",
        "must start implementing")."""
        chain = [verb] + [a for a in list(verb.ancestors)[:2] if a.pos_ in ("VERB", "AUX")]
        return any(c.dep_ == "neg" for v in chain for c in v.children) or any(self._modal(v) for v in chain) or any(
            v.lemma_ in self.vocab.cues.unrealised_verbs for v in chain[1:]
        )

    @staticmethod
    def _scheduled_by_modifier(noun):
        """The signing verb of a noun told as due to be signed by a modifier ("the accords due to be signed
        on Tuesday", "the texts set to be signed"), or None."""
        # (the tagger makes "due" an adjective or a preposition and "scheduled", "set" participles: by the
        # word, whatever its lemma)
        for c in (c for c in noun.children if c.dep_ in ("amod", "acl", "prep") and (c.lemma_ in SCHEDULE_WORDS or c.lower_ in SCHEDULE_WORDS)):
            verb = next((x for x in c.children if x.dep_ == "xcomp"), None)
            if verb is not None:
                return verb
        return None

    @staticmethod
    def _time_reference(token) -> bool:
        """True for a cue inside an "of" phrase of a time noun ("within five years of the pact entering
        into force", "the sixth year of the entry into force of the deal"): it dates something else."""
        for up in token.ancestors:
            if up.dep_ == "prep" and up.lower_ == "of" and up.head.lemma_.lower() in TIME_NOUNS:
                return True
        return False

    @staticmethod
    def _obliged(verb) -> bool:
        """True for an approval still owed: "must be ratified", "needs to be ratified", "still has to be
        approved", "remains to be ratified", "is expected to be ratified"."""
        if any(c.lower_ == "must" and c.dep_ == "aux" for c in verb.children):
            return True
        to = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        owed = ("need", "have", "require", "remain", "expect", "due", "set", "schedule", "likely")
        # (not "had to be approved": a requirement met, told in the past)
        return to and verb.dep_ in ("xcomp", "ccomp") and (verb.head.lemma_ in owed or verb.head.lower_ in owed) and verb.head.tag_ != "VBD"

    def _expected_making(self, head) -> Term | None:
        """"a major contract (for Airbus planes) that Chirac is expected to clinch": a relative clause of a
        making that is scheduled (the parser may hang it on the last noun of the name's phrase)."""
        nouns = [head] + [g for p in head.children if p.dep_ == "prep" for g in p.children if g.dep_ == "pobj"]
        for rel in (c for n in nouns for c in n.children if c.dep_ == "relcl"):
            if rel.lemma_ not in self.vocab.cues.scheduling_verbs or any(c.dep_ == "neg" for c in rel.children):
                continue
            making = next((c for c in rel.children if c.dep_ == "xcomp" and c.lemma_ in SIGNING_LEMMAS), None)
            if making is not None and any(c.dep_ == "aux" and c.lower_ == "to" for c in making.children):
                return Term("proposed", rel.idx, making.idx + len(making), "status.proposed_scheduled")
        return None

    def _proposed(self, mentions: list[Mention]) -> Term | None:
        """"aimed at reaching a peace treaty", "an agreement that would permit": sought, not made."""
        # (a verb of making it counts only when the making is still ahead: "has brokered a ceasefire" is made)
        goal = set(self.vocab.cues.proposed_verbs) - {"reach", "sign", "conclude", "strike", "broker", "mediate"}
        for m in mentions:
            head = self.doc[m.head]
            # (not "made the announcement under an agreement which would see X": an act done under it, so it exists)
            framing = head.dep_ == "pobj" and head.head.lower_ in ("under", "through")
            for rel in (c for c in head.children if c.dep_ == "relcl" and self.doc[m.head].pos_ != "VERB" and not framing):
                modal = next((c for c in rel.children if c.dep_ == "aux" and c.lower_ in ("would", "could")), None)
                if modal is not None:
                    return Term("proposed", modal.idx, modal.idx + len(modal), "status.proposed_would")
            expected = self._expected_making(head) if self.doc[m.head].pos_ != "VERB" and not framing else None
            if expected is not None:
                return expected
            signing = head.head if head.dep_ == "nsubjpass" else None
            if head.dep_ == "nsubj" and head.head.lemma_ == "be":
                signing = next((c for c in head.head.children if c.dep_ == "xcomp"), None)  # "are to be signed"
                # "is due to be signed in July", "is set to be signed"
                for c in (c for c in head.head.children if c.dep_ in ("acomp", "attr") and (c.lemma_ in SCHEDULE_WORDS or c.lower_ in SCHEDULE_WORDS)):
                    signing = next((x for x in c.children if x.dep_ == "xcomp"), signing)
            if head.dep_ == "dobj" and head.head.lemma_ in INCLUDING_VERBS and signing is None:
                # "the 12 accords due to be signed Tuesday cover a gas contract": one of a batch still to be signed
                batch = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
                signing = self._scheduled_by_modifier(batch) if batch is not None else None
            if signing is None:
                signing = self._scheduled_by_modifier(head)  # "the agreement, due to be signed next month, ..."
            if signing is not None and signing.lemma_ in SIGNING_LEMMAS:
                # "three agreements are to be signed", "the accord will be signed on Monday": scheduled
                aux = [c for c in signing.children if c.dep_ == "aux" and c.lower_ in ("to", "will", "shall", "'ll")]
                if aux and not any(c.dep_ == "neg" for c in signing.children):
                    return Term("proposed", aux[0].idx, signing.idx + len(signing), "status.proposed_scheduled")
            signing_noun = signing_noun_of(head)
            if signing_noun is not None:
                # "a visit which will coincide with the signature of a dozen accords": a signing still ahead
                governor = verb_above(signing_noun)
                if governor is not None and self._modal(governor) and not self._denied(governor):
                    return Term("proposed", signing_noun.idx, signing_noun.idx + len(signing_noun), "status.proposed_signing_noun")
            if head.dep_ == "dobj":
                verb = head.head
            elif head.dep_ == "pobj" and head.head.lower_ in ("for", "at", "toward", "towards", "on"):
                verb = head.head.head
            else:
                continue
            if verb.pos_ != "VERB" or verb.lemma_ not in self.vocab.cues.proposed_verbs:
                continue
            if verb.lemma_ in SIGNING_LEMMAS and self._signing_ahead(verb):
                # "Colombia plans to sign its agreement next week", "will sign the accord": scheduled
                return Term("proposed", verb.idx, verb.idx + len(verb), "status.proposed_scheduled")
            if m.definite or realized(verb):
                # "forbidden from discussing the deal": a deal already known; "after reaching a deal": made
                continue
            if verb.lemma_ in self.vocab.cues.done_when_past_verbs and self._told_done(verb):
                continue  # "have negotiated deals with X", "hammered out a deal": negotiated to the end
            aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
            unreal = verb.tag_ in ("VB", "VBG") and not (aux & {"did", "do", "does"}) or aux & {"would", "could", "might", "may", "should"}
            if verb.lemma_ in goal or unreal:
                return Term("proposed", verb.idx, verb.idx + len(verb), "status.proposed_goal")
        return None

    def _status(self, ca: int, cb: int, tx: list[Timex], phrases, mentions: list[Mention]) -> tuple[Term | None, Term | None]:
        """The last status cue about the agreement, and the last one about "it"/"ratification" (an anaphor)."""
        direct, anaphoric = [], []
        heads = [self.doc[m.head] for m in mentions]
        tops = {m.top(self.doc): self.doc[m.head] for m in mentions}  # (the words a split name hangs on)
        anaphors = set(self.vocab.cues.status_anaphors) | set(self.vocab.cues.anaphor_nouns)
        for rule in self.vocab.status:
            for m in rule.regex.finditer(self.text, ca, cb):
                s, e = m.start(), m.end()
                inside = any(ps <= s and e <= pe for ps, pe in phrases)
                if rule.scope == "phrase" and not inside:
                    continue
                if any(t.start <= s < t.end for t in tx):
                    continue
                if not inside and self._hypothetical(ca, s):
                    continue
                term = Term(rule.value, s, e, rule.id)
                span = self.doc.char_span(s, e, alignment_mode="expand")
                if span is not None and not inside and self._time_reference(span[0]):
                    continue  # "in the sixth year of its entry into force": a point in time, not its state
                verbs = [t for t in span if t.pos_ == "VERB"] if span is not None else []
                if not verbs and span is not None:
                    # "the procedures are in place": a copula in the cue says whose state it is
                    verbs = [t for t in span if t.pos_ == "AUX" and t.dep_ not in ("aux", "auxpass")]
                if rule.intransitive and (inside or not verbs or not all(self._intransitive(v) for v in verbs)):
                    continue  # "boost its holding", "held talks on the truce", "the deal was held up"
                if rule.object_only and (inside or not self._ended(verbs, heads, anaphors)):
                    continue  # "the accord ended the war", "the lease ended in 2010", "at the end of the truce"
                if heads and not inside and span is not None and len(span) == 1 and span[0].pos_ in ("NOUN", "PROPN"):
                    # "the WTO review noted ...": a status noun tells the agreement's state only when
                    # the agreement is what it is of ("a review of the deal", "the deal's suspension").
                    if not any(h in span[0].subtree or h.head == span[0] for h in heads):
                        continue
                    verb = verb_above(span[0])
                    if span[0].dep_ == "pobj" and verb is not None and self._modal(verb):
                        continue  # "will cut tariffs on the basis of a review of the deal": a step ahead, not its state
                if rule.value == "suspended" and not verbs and span is not None and span[0].lower_ in ("frozen", "freezing"):
                    continue  # "frozen funds", "prices will remain frozen": a state of something else, not a verb of it
                if not inside and not verbs and NEGATED_LEFT.search(self.text, max(ca, s - 24), s):
                    continue  # "is still not in force", "no longer in effect": denied
                if not inside and not verbs and span is not None and heads and self._state_of_other(span[0], heads, anaphors):
                    continue  # "the deal's collapse left migrants in limbo": the migrants' state, not the deal's
                if inside or not verbs:
                    direct.append(term)
                    continue
                if rule.value in ("approved", "ratified") and any(self._obliged(v) for v in verbs):
                    if any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for v in verbs for c in v.children):
                        continue  # "the United States must ratify the protocol": one state's act still owed, not the treaty's state
                    term = Term("pending approval", s, e, "status.approval_required")  # "must still be ratified by parliament"
                elif rule.value in FUTURE_BLIND and any(self._modal(v) for v in verbs):
                    continue  # "the agreement will be amended": a promise, not what the agreement is
                if rule.id == "status.ratified_ordinal" and not self._ordinal_done(span):
                    continue  # "hopes to become the first country to ratify it": not done
                if rule.value == "in force" and self._takes_effect_later(verbs, tx):
                    continue  # "the accord, which takes effect in January": a start still ahead, not in force yet
                if rule.value != "stalled" and any(self._denied(v) for v in verbs):
                    continue  # "neither side has withdrawn from the truce": denied, not what became of it
                if rule.id in ("status.implemented", "status.observed") and any(self._not_done(v) for v in verbs):
                    continue  # "has not been implemented", "must start implementing it": not in force
                if rule.id == "status.observed" and any(v.dep_ in ("pcomp", "acl", "xcomp", "advcl") for v in verbs):
                    continue  # "demands of honoring past deals", "to respect the truce": asked for, not told
                # A status verb counts when the agreement (or "it", "which") is its subject or object.
                args = []
                for verb in verbs:
                    # "has yet to be implemented", "regards as binding": the clause's own verb takes the arguments too.
                    chain = [verb]
                    while chain[-1].dep_ in CLIMB_DEPS and chain[-1].head != chain[-1]:
                        chain.append(chain[-1].head)
                    for v in chain:
                        if rule.intransitive:
                            # "the truce held", not "exercises held under the agreement"
                            args += [c for c in v.children if c.dep_ == "nsubj"]
                            continue
                        # "It froze direct aid", "the deal cleared the way": what is done to an agreement needs it as
                        # the object or the passive subject, not as the subject of a verb with an object of its own
                        done_to = rule.value in PATIENT_STATUSES and any(c.dep_ == "dobj" for c in v.children)
                        args += [c for c in v.children if c.dep_ in ARG_DEPS and not (done_to and c.dep_ == "nsubj")]
                        args += [g for c in v.children if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
                        # "declared void the 1997 contract": the parser may hang the object on the adjective
                        args += [g for c in v.children if c.dep_ in ("ccomp", "oprd", "acomp") and c.pos_ == "ADJ" for g in c.children if g.dep_ in ("dobj", "nsubj")]
                        # "suspended its participation in the treaty": what the object takes part in
                        args += [
                            tops.get(h, h) for c in v.children if c.dep_ == "dobj" and c.lemma_.lower() in self.vocab.cues.participation_nouns
                            for g in c.children if g.dep_ == "prep" and g.lower_ == "in" for h in g.children if h.dep_ == "pobj"
                        ]
                        # "pulled out of the truce", "walked away from the deal": a two-word preposition
                        args += [
                            h for c in v.children if c.dep_ in ("prep", "advmod") and c.lower_ in ("out", "away")
                            for g in c.children if g.dep_ == "prep" for h in g.children if h.dep_ == "pobj"
                        ]
                        if v.dep_ in ("relcl", "acl") and v.head in heads and any(c.dep_ == "nsubjpass" or c.dep_ == "nsubj" and not done_to for c in v.children):
                            args.append(v.head)
                    if verb.dep_ == "acl" and verb.head in heads and (verb.tag_ == "VBN" or verb.tag_ == "VBG" and (self._intransitive(verb) or rule.id == "status.in_force_present")):
                        args.append(verb.head)  # "the pact ratified by X", "a truce holding since 1991", "the contract governing transit"
                if any(h in args for h in heads) or any(a.lower_ in ("which", "that") and self._relative_of(a, heads) for a in args):
                    direct.append(term)
                elif any(self._subject_left_unparsed(v, heads) for v in verbs[:1]) and rule.value not in PATIENT_STATUSES:
                    direct.append(term)
                elif any(a.lower_ in anaphors and not (a.dep_ == "pobj" and a.head.lower_ in FRAME_PREPS) and self._relative_of(a, heads) for a in args):
                    # (not "under the terms of the truce, forces withdrew from X": the terms frame the act)
                    anaphoric.append(term)
        direct += self._approval(ca, cb, heads)
        direct += self._done_under(heads)
        last = lambda found: max(found, key=lambda t: (t.start, -t.end)) if found else None  # noqa: E731
        # ("ratified an amended oil convention": what was done to it, not the word for its earlier change)
        told = [t for t in direct if not (t.value == "amended" and any(ps <= t.start and t.end <= pe for ps, pe in phrases))]
        return last(told or direct), last(anaphoric)

    def _ended(self, verbs: list, heads: list, anaphors: set[str]) -> bool:
        """True for a verb of ending whose object is the agreement or "it" ("ended their agreement",
        "put an end to the truce"), told as done."""
        for verb in verbs:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            # "put an end to the deal": the object of "to" on the noun or on the verb
            ends = [c for c in objects if c.lower_ == "end"] + [verb]
            objects += [g for e in ends for p in e.children if p.dep_ == "prep" and p.lower_ == "to" for g in p.children if g.dep_ == "pobj"]
            if self._modal(verb) or self._denied(verb) or verb.tag_ in ("VB", "VBG") and verb.lower_ != "put":
                continue
            subjects = [c for c in verb.children if c.dep_ == "nsubj"]
            if any(s in heads or s.lemma_.lower() in self.vocab.kind_heads for s in subjects):
                continue  # "A ceasefire signed in Lusaka ended it": the agreement ended something else
            if any(o in heads or o.lower_ in anaphors and o.lower_ != "which" for o in objects):
                return True
        return False

    @staticmethod
    def _state_of_other(prep, heads: list, anaphors: set[str]) -> bool:
        """True when a state told by a phrase ("in limbo", "on hold") is put on something else: the
        object of its verb ("left migrants in limbo") or the noun it hangs on ("talks on hold")."""
        if prep.pos_ != "ADP":
            return False
        owner = prep.head
        if owner in heads:
            return False
        if owner.pos_ in ("NOUN", "PROPN"):
            return True
        # (not "The deal, in limbo since March, covers the port": a phrase before the object)
        return any(c.dep_ == "dobj" and c.i < prep.i and c not in heads and c.lower_ not in anaphors for c in owner.children)

    def _ordinal_done(self, span) -> bool:
        """True for "became the 126th country to ratify ...", "is the first state to ratify ...": the
        verb the ordinal's noun is said of is past or present, not wished or ahead ("hopes to become",
        "will become", "is expected to be")."""
        noun = next((t for t in span if t.pos_ == "NOUN"), None) if span is not None else None
        # (a state or a body that ratifies, not "the first step to ratify the treaty")
        if noun is None or noun.lemma_.lower() not in RATIFIER_NOUNS:
            return False
        verb = noun.head
        if verb.dep_ == "prep" and verb.lower_ in ("among", "of"):
            verb = verb.head  # "was among the first countries to ratify"
            if verb.pos_ in ("NUM", "ADJ", "NOUN", "PRON"):
                verb = verb.head  # "was one of the first countries to ratify"
        return verb.pos_ in ("VERB", "AUX") and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN") and not self._modal(verb)

    def _takes_effect_later(self, verbs: list, tx: list[Timex]) -> bool:
        """True for a present-tense start dated after publication ("takes effect in January" in a
        November story): the present of a schedule."""
        published = context(self.doc).published
        # (only the verbs of a start: "is in force until 2010", "runs until 2010" say it holds now)
        if published is None or not verbs or not all(v.tag_ in ("VBZ", "VBP") and v.lemma_ in ("take", "come", "enter", "go") for v in verbs):
            return False
        spans = [(v.left_edge.idx, v.right_edge.idx + len(v.right_edge)) for v in verbs]
        return any(a <= t.start < b and after_publication(t.value, published) for t in tx for a, b in spans)

    def _done_under(self, heads: list) -> list[Term]:
        """In force: what is being done under the agreement now ("exercises are being held yearly under
        the treaty", "the region, which is being returned under the accord"), a progressive or a present
        with a word of now or of habit (not a term told in the present: "under the deal, X gets Y")."""
        out = []
        for head in heads:
            prep = head.head if head.dep_ == "pobj" and head.head.lower_ == "under" else None
            if prep is None:
                # ("the accord between X and Y under which Z is being returned": the parser may hang it on Y)
                relcls = [c for c in head.subtree if c.dep_ == "relcl"]
                prep = next((p for c in relcls for p in c.children if p.dep_ == "prep" and p.lower_ == "under" and any(g.lower_ == "which" for g in p.children)), None)
            verb = prep.head if prep is not None else None
            if verb is None or verb.pos_ != "VERB" or self._modal(verb) or self._denied(verb):
                continue
            cues = self.vocab.cues
            unmade = {*cues.sought_verbs, *cues.sought_unreal_verbs, "seek", "draft"}
            # (not "seeking a loan under a new deal being negotiated", "cuts are being sought under the deal
            # that negotiators hope to sign": what is sought under a deal still to be made)
            if verb.lemma_ in unmade or any(c.dep_ in ("acl", "relcl") and (c.lemma_ in unmade or self._modal(c)) for c in head.children):
                continue
            aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
            now = any(a.lower_ in ("is", "are", "am") for a in aux) and (verb.tag_ == "VBG" or any(a.lower_ == "being" for a in aux))
            habit = verb.tag_ in ("VBZ", "VBP") or verb.tag_ == "VBN" and any(a.lower_ in ("is", "are") for a in aux)
            habit = habit and any(c.dep_ in ("advmod", "npadvmod") and c.lower_ in _NOW_WORDS for c in verb.children)
            # "Russia operates a base at Kant under a 15-year agreement signed in 2003": a present act under
            # one made at a date told (so not the terms of a deal just told)
            dated = any(
                c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in cues.signed_verbs and any(g.ent_type_ == "DATE" for g in c.subtree)
                for c in head.children
            )
            # (not "no longer operates the radar under the 1994 agreement")
            ended = any(c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children) for c in verb.children)
            present = verb.tag_ in ("VBZ", "VBP") and not aux and dated and not ended
            # "Since June 2005 the network has been run by X under a five-year lease": going on since then
            since = any(a.lower_ in ("has", "have") for a in aux) and any(c.dep_ == "prep" and c.lower_ == "since" for c in verb.children)
            if now or habit or present or since:
                first, last = min(prep, verb, key=lambda t: t.i), max(prep, verb, key=lambda t: t.i)
                out.append(Term("in force", first.idx, last.idx + len(last), "status.done_under"))
        return out

    def _approval(self, ca: int, cb: int, heads: list) -> list[Term]:
        """Statuses told by an approval noun of the agreement: "the cabinet's approval of the deal" and
        "won approval of the deal" (approved), "to win congressional approval of the deals", "needs the
        Senate's ratification of the treaty" (pending approval)."""
        cues = self.vocab.cues
        span = self.doc.char_span(ca, cb, alignment_mode="expand") if heads else None
        out = []
        for tok in span if span is not None else []:
            if tok.pos_ != "NOUN" or tok.lemma_.lower() not in cues.approval_nouns:
                continue
            gov = tok.head.head if tok.dep_ == "pobj" else tok.head
            # "approval of the deal", or "the deal won approval", "the deal was submitted for ratification"
            subject = tok.dep_ in ("dobj", "pobj") and any(c in heads for c in gov.children if c.dep_ in ("nsubj", "nsubjpass"))
            # "won approval from the regulator for its deal": the parser may hang the "for" on the verb
            purpose = tok.dep_ == "dobj" and any(g in heads for c in gov.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for g in c.children)
            if not (subject or purpose or any(h in tok.subtree for h in heads)):
                continue
            value = self._approval_value(tok)
            if value is not None:
                out.append(Term(value, tok.idx, tok.idx + len(tok), "status.approval_noun"))
        return out

    def _approval_value(self, noun) -> str | None:
        """"approved" ("ratified" for a ratification), "pending approval" or None (nothing says which)
        for an approval noun of an agreement."""
        value = self._approval_state(noun)
        return "ratified" if value == "approved" and noun.lower_.startswith("ratif") else value

    def _approval_state(self, noun) -> str | None:
        cues = self.vocab.cues
        gov = noun.head
        if noun.dep_ == "pobj":
            if gov.lower_ in cues.approval_pending_words:
                return "pending approval"  # "subject to approval"
            gov = gov.head  # "submitted for approval" (but not "called for ratification": wished, not begun)
        if noun.dep_ in ("nsubj", "nsubjpass"):
            # "the Senate's approval of the pact is expected": still ahead
            ahead = self._modal(gov) or gov.lemma_ in cues.sought_verbs or gov.lemma_ in cues.approval_pending_words
            return "pending approval" if ahead else ("approved" if any(c.dep_ == "poss" for c in noun.children) else None)
        if gov.lemma_ in cues.approval_pending_words or gov.lower_ in cues.approval_pending_words:
            return "pending approval"
        if self._denied(gov):
            return None
        if gov.lemma_ in cues.approval_gained_verbs:
            done = self._told_done(gov) or gov.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in gov.children)
            return "approved" if done else "pending approval"
        if self._modal(gov) or gov.lemma_ in cues.sought_verbs:
            return "pending approval"
        return "approved" if any(c.dep_ == "poss" for c in noun.children) else None
