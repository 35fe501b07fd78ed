"""Whether an agreement a phrase names is only wanted, sought, asked for, imagined or denied ("hopes
to reach a deal", "talks on a new treaty", "without an accord", "would not sign"), rather than made
or scheduled ("will sign an accord on Monday", "close to signing a 23-year agreement"); and whether
what is said of it presupposes that it exists ("the truce was violated", "under the agreement")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_types import Mention

MODALS = {"would", "could", "might", "may", "should", "must", "not", "never"}


def governing(head: Token) -> Token:
    """The word an agreement name is the object of: its verb, or the word its preposition hangs on."""
    return head.head.head if head.dep_ == "pobj" else head.head


class WantedReader:
    """Reads whether an agreement named in a sentence is only wanted (see the module docstring)."""

    def __init__(self, vocab: Vocabulary) -> None:
        self.vocab = vocab

    def _turned_down(self, offer: Token) -> bool:
        """True when a clause joined to an offer turns it down ("..., but he turned it down", "but the
        player declined it")."""
        refusing = set(self.vocab.cues.refused_verbs)
        for verb in offer.conjuncts:
            down = verb.lemma_ == "turn" and any(c.dep_ == "prt" and c.lower_ == "down" for c in verb.children)
            if (down or verb.lemma_ in refusing) and any(c.dep_ == "dobj" and c.lower_ == "it" for c in verb.children):
                return True
        return False

    def sought(self, doc: Doc, head: Token) -> bool:
        """True for an agreement that is only wanted, sought or denied: the object of "seek", "hope
        for", "talks on", of "reach" not (yet) done ("to reach a deal", "can have a deal"), of a
        negated verb ("would not sign up for a new treaty"), or of a signing wanted by someone else
        ("negotiations to sign an agreement"). A signing merely scheduled ("will sign an accord on
        Monday") is a proposed agreement, not a sought one."""
        cues = self.vocab.cues
        if any(c.dep_ in ("acl", "relcl") and c.lemma_ in cues.reach_verbs and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in head.children):
            return True  # "for a multilateral agreement to be reached"
        if self.aged(head):
            return False  # "wants to put to paper a three-month-old informal truce": one that exists
        up = head
        while up.head != up and up.pos_ not in ("VERB", "AUX"):
            if up.dep_ == "pobj" and up.head.lower_ == "without":
                return True  # "without a deal", "without an accord on a new contract": one lacking
            up = up.head
        if up.dep_ == "pcomp" and up.head.lower_ == "without" and up.tag_ == "VBG":
            return True  # "ended the talks without agreeing on a ceasefire", "without signing a deal"
        if head.dep_ == "pobj" and head.head.lower_ in ("toward", "towards"):
            return True  # "progress toward a deal"
        if head.dep_ == "pobj" and head.head.lower_ == "with" and head.head.head.lemma_ == "replace" and head.head.head.tag_ in ("VB", "VBG"):
            return True  # "talks aimed at replacing the armistice with a peace treaty"
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and self.hedged(head.head):
            return True  # "a regional agreement would be the best solution": one imagined
        if head.dep_ in ("nsubj", "nsubjpass") and any(c.dep_ in ("aux", "auxpass") and c.lower_ == "to" for c in head.head.children):
            # "paving the way for a global trade pact to take effect", "pushed for a deal to be signed"
            k = head.left_edge.i - 1
            if k >= 1 and doc[k].lower_ == "for" and (doc[k - 1].lower_ in cues.sought_nouns or doc[k - 1].lemma_ in cues.sought_verbs):
                return True
        if head.dep_ == "pobj" and head.head.dep_ == "agent":
            # "energy security should be regulated by long-term agreements": ones wished for
            modals = {c.lower_ for c in head.head.head.children if c.dep_ == "aux"} & {"should", "would", "could", "must", "might", "ought"}
            if modals:
                return True
        if head.dep_ in ("dobj", "nsubjpass", "attr"):
            gov = head.head
        elif head.dep_ == "pobj" and head.head.lower_ in ("for", "at", "toward", "towards", "on", "to", "of", "over", "in", "into", "about"):
            gov = head.head.head
        else:
            return False
        before = next((doc[i] for i in range(head.head.i - 1, max(-1, head.head.i - 4), -1) if not doc[i].is_punct), None)
        if head.dep_ == "pobj" and before is not None and before.lower_ in cues.sought_nouns + cues.near_words:
            return True  # "the main obstacle to a deal", "talks on a new treaty", "(moving) closer" to a deal"
        if gov.pos_ == "NOUN":
            return gov.lower_ in cues.sought_nouns or gov.lemma_ in cues.sought_nouns
        if gov.pos_ not in ("VERB", "AUX"):
            return False
        if gov.lemma_ in cues.undoing_verbs:
            return False  # "a suit that seeks to nullify a standstill agreement", "urged X to terminate a deal": only one made can be undone
        # (not "plans to extend a new loan agreement to Vietnam": one granted, not one renewed)
        granted = any(c.dep_ == "amod" and c.lower_ in ("new", "proposed") for c in head.children) or any(
            c.dep_ in ("prep", "dative") and c.lower_ == "to" for c in gov.children
        )
        if gov.lemma_ in cues.renewing_verbs and head.dep_ == "dobj" and not granted:
            return False  # "talks to renew a licensing agreement that expires in April": only one there is can be renewed
        aux = {c.lower_ for c in gov.children if c.dep_ in ("aux", "auxpass")}
        if any(c.dep_ == "neg" for c in gov.children) and gov.lemma_ not in cues.existing_verbs + cues.undoing_verbs + cues.jeopardising_verbs:
            return True  # (but "did not breach a 2001 contract", "not to jeopardise a contract": one there is)
        if any(c.dep_ == "advmod" and c.lower_ in ("almost", "nearly") for c in gov.children):
            return True  # "had almost reached an agreement": not reached
        if gov.lemma_ == "have" and gov.tag_ in ("VBG", "VBD") and not aux and any(c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_ in cues.signed_verbs for c in head.children):
            return False  # "by having a memorandum signed that commits X": the having is the signing, done
        if "to" in aux and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in gov.head.children):
            return True  # "has yet to offer him a contract", "the deal has yet to be signed"
        # ("if we are going to do a deal": the mark on the verb the infinitive completes)
        if any(c.dep_ == "mark" and c.lower_ in cues.conditional_marks for v in [gov] + ([gov.head] if gov.dep_ == "xcomp" else []) for c in v.children):
            return True  # "unless a deal is reached", "so that a contract can be signed"
        if gov.tag_ in ("VBZ", "VBP") and any(c.dep_ == "nsubj" and any(d.lower_ in ("each", "every") for d in c.children) for c in gov.children):
            return True  # "each worker signs an individual contract": what is done as a rule, not one agreement
        if gov.lemma_ in cues.outcome_verbs and (self.hedged(gov) or "will" in aux):
            return True  # "the talks would likely lead to a deal", "the mood will translate into an agreement"
        if gov.lemma_ in cues.sought_verbs or (gov.lemma_ in cues.ask_for_verbs and head.head.lower_ == "for"):
            return True
        if gov.lemma_ in cues.blocked_verbs:
            return True  # "Germany is blocking a deal": one that has not been made
        made = any(c.dep_ in ("acl", "relcl") and c.lemma_ in set(cues.signed_verbs) | set(cues.reach_verbs) for c in head.children)
        if gov.lemma_ in cues.refused_verbs and not made:
            return True  # "had rejected a fresh deal": an offer turned down (but "rejected a deal reached by X and Y")
        if gov.lemma_ == "offer" and head.dep_ == "dobj" and self._turned_down(gov):
            return True  # "X offered him a new contract, but he turned it down"
        if self.urged(gov):
            return True  # "pressed the rebels to observe a truce": what others are asked to do
        unreal = gov.tag_ == "VB" and not aux & {"did", "do", "does"} or bool(aux & {"would", "could", "might", "may", "should", "can"})
        # "for a deal to be reached": an infinitive, not a deal made
        unreal = unreal or "to" in aux and gov.tag_ == "VBN"
        # "close to reaching a deal", "the demand for a ceasefire to be signed"
        wanted = any(a.lemma_ in cues.sought_verbs or a.lower_ in cues.sought_nouns or a.lower_ in cues.near_words for a in list(gov.ancestors)[:3])
        # "their commitment to concluding a deal", however the parser hangs the "to"
        wanted = wanted or gov.dep_ == "pcomp" and gov.head.i > 0 and doc[gov.head.i - 1].lower_ in cues.sought_nouns
        wanted = wanted and not self.scheduled(gov)
        if gov.tag_ == "VBG" and gov.dep_ in ("csubj", "csubjpass") and any(c.dep_ == "aux" and c.lower_ in MODALS for c in gov.head.children):
            return True  # "signing trade deals with X would help ...": a signing imagined
        if gov.lemma_ in cues.sought_unreal_verbs:
            return unreal or gov.tag_ == "VBG"
        if head.dep_ == "dobj" and gov.tag_ == "VB" and "to" in aux and wanted:
            # "the commitment of both sides to observe a truce": what is wanted of them (but "trying to tie
            # it to an agreement that ...": the agreement is not what is wanted)
            return True
        if gov.lemma_ in cues.concluding_verbs:
            return unreal or (gov.tag_ == "VBG" and wanted)  # "to finalize a trade deal", "the possibility of establishing"
        if bool(aux & {"can", "could", "might"}) and (gov.lemma_ in cues.reach_verbs or gov.lemma_ in cues.signed_verbs):
            return True  # "a contract could be signed": possible, neither made nor scheduled
        if gov.lemma_ in cues.reach_verbs:
            return unreal or (gov.tag_ == "VBG" and wanted)
        if gov.lemma_ in cues.signed_verbs:
            if gov.tag_ == "VBG" and not unreal and self.nearly_signed(gov, head):
                return False  # "close to signing a 23-year agreement": one with its terms, about to be made
            return (unreal or gov.tag_ == "VBG") and wanted
        return False

    def nearly_signed(self, gov: Token, head: Token) -> bool:
        """True for a signing someone is close to ("are close to signing a 23-year agreement") of an
        agreement whose terms are told (its years or its worth), not of "a deal" in general."""
        near = gov.dep_ == "pcomp" and gov.head.lower_ == "to" and gov.head.head.lower_ in self.vocab.cues.near_words
        counted = any(t.like_num for c in head.children if c.i < head.i for t in c.subtree)
        return near and counted

    def aged(self, head: Token) -> bool:
        """True for an agreement said to be of an age or to exist ("a three-month-old truce", "a
        decades-old treaty", "the existing accords"): whatever is wanted of it, it was made."""
        for c in head.children:
            if c.dep_ != "amod" or c.i > head.i:
                continue
            if c.lower_ in self.vocab.cues.existing_adjectives:
                return True
            if c.lower_ == "old" and c.i >= 2 and c.nbor(-1).text == "-" and c.nbor(-2).lemma_.lower() in ("year", "month", "week", "day", "decade", "century"):
                return True  # "three-month-old", "decades-old"
        return False

    def scheduled(self, verb: Token) -> bool:
        """True for a signing others say is due ("X and Y are expected to sign a pact this week", "the
        ministers are scheduled to sign"): a signing announced, as with "will sign", not one wished for."""
        planner = verb.head
        if verb.dep_ != "xcomp" or planner.lemma_ not in self.vocab.cues.scheduling_verbs:
            return False
        return any(c.dep_ == "auxpass" for c in planner.children) and not any(c.dep_ == "neg" for c in planner.children)

    def urged(self, verb: Token) -> bool:
        """True for an infinitive that someone is pressed, urged or asked to do ("pressed the rebels to
        observe a truce", "called on the factions to honour a truce", "asked Israel to accept a ceasefire")."""
        if verb.tag_ != "VB" or verb.dep_ not in ("xcomp", "ccomp") or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
            return False
        asker = verb.head
        cues = self.vocab.cues
        if asker.lemma_ not in set(cues.sought_verbs) | set(cues.ask_for_verbs):
            return False
        # the one asked: an object ("pressed the rebels") or "on"/"upon" someone ("called on the factions")
        asked = any(c.dep_ in ("dobj", "dative") for c in asker.children)
        return asked or any(c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in asker.children)

    def near(self, head: Token) -> bool:
        """True for "the deal was very close", "an agreement is near": one about to be made, not made
        (whatever its article: "the" here names what is talked of, not one told before); but not "the
        deal signed in May was close to collapse" (made, and close to something else)."""
        verb = head.head
        if head.dep_ != "nsubj" or verb.lemma_ != "be":
            return False
        if any(c.dep_ in ("acl", "relcl") and c.lemma_ in self.vocab.cues.signed_verbs for c in head.children):
            return False
        near = [c for c in verb.children if c.dep_ == "acomp" and c.lower_ in self.vocab.cues.near_words]
        return any(not any(g.dep_ == "prep" for g in c.children) for c in near)

    def hedged(self, verb: Token) -> bool:
        return any(c.dep_ in ("neg", "aux") and c.lower_ in MODALS for c in verb.children)

    def presupposed(self, doc: Doc, mention: Mention) -> bool:
        """True for "the truce" kept, renewed, broken or violated, however hedged ("would not be
        renewed"), or called earlier, existing or violated ("the earlier accord", "a violation of the
        ceasefire"): only an agreement that exists can be, so the story speaks of a real one."""
        head = doc[mention.head]
        cues = self.vocab.cues
        if any(c.dep_ == "amod" and c.lower_ in cues.existing_adjectives for c in head.children):
            return True  # "the two companies' earlier accord", "the existing treaty"
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in cues.existing_nouns:
            return True  # "a flagrant violation of the ceasefire", "the implementation of the accord"
        if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lower_ in ("terms", "provisions"):
            head = head.head.head  # "under the terms of the truce"
        talked = set(cues.sought_verbs) | set(cues.sought_unreal_verbs) | set(cues.negotiating_verbs)
        pending = any(c.dep_ in ("acl", "relcl") and (c.lemma_ in talked or self.hedged(c)) for c in doc[mention.head].children)
        if head.dep_ == "pobj" and head.head.lower_ == "under" and not pending:
            return True  # "Under the agreement, courts will ...": what is done under it is done under one made
        verb = head.head
        if head.dep_ == "pobj" and verb.dep_ in ("prep", "agent"):
            verb = verb.head  # "abide by the truce"
        return head.dep_ in ("dobj", "nsubjpass", "pobj") and verb.pos_ == "VERB" and verb.lemma_ in cues.existing_verbs + cues.undoing_verbs
