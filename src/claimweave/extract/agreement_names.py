"""Finding the candidate sides of an agreement in a clause: the entity mentions, the proper names the
NER missed or took for people (joined into whole company and body names), and the unnamed bodies
acting on the agreement ("the council awarded the contract", "a deal with the government")."""

from __future__ import annotations

import re

from claimweave.extract.agreement_side_shapes import countries
from claimweave.extract.agreement_terms import past_value, spells
from claimweave.extract.agreement_types import Mention
from claimweave.extract.titles import title_lexicon

DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ial")
ACTING_FOR = {"faction", "movement", "militia", "wing", "coalition", "forces", "party", "official", "officials", "executive", "negotiator", "minister", "leader", "delegate", "representative", "envoy", "government", "delegation", "team", "authority", "agency"}
SIDE_LABELS = ("GPE", "NORP", "ORG")  # what a side written as a name or a body with one may be
SIDES = ACTING_FOR | {"ministry", "side", "country", "state", "nation", "authorities", "administration"}
_GRANTING = {"award", "grant", "give", "hand", "present", "offer", "issue"}
_NAME_GAP = re.compile(r" |\s*\([A-Z][\w .]{0,20}\)\s*")  # "Qatar Petroleum", "Saltway Holdings (Private) Limited"
_MODEL = re.compile(r"(?=\S*[A-Za-z])[A-Z]{0,3}-?\d{2,4}(?:-?[A-Z0-9]{1,4})?s?")  # a model's designation: "A380s", "737-900ER", "F-16s"
_OF_TAIL = re.compile(r"( of (?:the )?[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*) \(([A-Z]{3,})\)")


class NameFinder:
    """Methods of ``ArgumentReader`` that list candidate sides (it provides ``doc``, ``text``, ``vocab``,
    ``entities``, ``name_words``, ``org_names`` and the asset helpers)."""

    def _names(self, ca: int, cb: int) -> list[tuple[int, int, str, str | None]]:
        """Entity mentions in [ca, cb), plus proper names the NER missed (or took for people) in argument positions."""
        doc, org_words = self.doc, set(self.vocab.cues.org_words)
        bodies = set(self.vocab.cues.body_descriptor_nouns)
        spans = [e for e in self.entities if e[0] >= ca and e[1] <= cb]
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        for ent in doc.char_span(ca, cb, alignment_mode="expand").ents:
            # ("with English county Worcestershire": a name after a noun saying what body it is)
            described = ent.start > 0 and doc[ent.start - 1].pos_ == "NOUN" and doc[ent.start - 1].text.islower() and doc[ent.start - 1].lemma_ in bodies
            if ent.label_ == "PERSON" and (described or ent[-1].lower_ in org_words or self._coordinated_with_org(ent.root) or self._agrees_to_trade(ent.root) or self._short_org_name(ent.text) or self._side_between(ent) or self._seller_of_bought(ent.root) or self._with_of_agreement(ent)):
                spans.append((ent.start_char, ent.end_char, ent.text, None))
                taken.update(range(ent.start_char, ent.end_char))
            elif ent.label_ in ("PRODUCT", "WORK_OF_ART", "FAC") and (described or self._coordinated_with_org(ent.root)):
                # ("Russian firm Volgaprom and Dunagaz": a company the model took for a product)
                spans.append((ent.start_char, ent.end_char, ent.text, None))
                taken.update(range(ent.start_char, ent.end_char))
        for t in doc.char_span(ca, cb, alignment_mode="expand"):
            if t.idx in taken or t.ent_type_ or t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper():
                continue
            # "Ratners and Weisfield's Inc.", "Carrowmore" where "Carrowmore Savings Bank" is named elsewhere
            # (or a country the NER missed: "Nigeria and Shell signed ...")
            # (a proper noun joined to an organisation is one: "Gazprom and Naftogaz signed", even opening a sentence)
            known_name = self._coordinated_with_org(t) and (t.text in self.name_words or t.pos_ == "PROPN") or self._short_org_name(t.text) or t.text in countries()
            if t.pos_ == "NOUN" and (t.is_sent_start or not t.is_title) and not known_name:
                continue  # a capitalised common noun mid-sentence ("Stroytransgaz" tagged NOUN) is a name
            after_grant = t.i > 0 and doc[t.i - 1].pos_ == "VERB" and doc[t.i - 1].lemma_ in self.vocab.cues.grant_verbs
            if t.dep_ not in ("dobj", "dative", "nsubj", "nsubjpass", "pobj", "appos", "conj", "poss") and not after_grant:
                continue
            chain = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
            first = chain[0].i if chain and all(c.i + 1 == n.i for c, n in zip(chain, chain[1:] + [t])) else t.i
            # A quotation opening a sentence opens it too ("Instructions have been issued ...").
            opening = (doc[first].is_sent_start or first > 0 and doc[first - 1].is_sent_start and doc[first - 1].is_quote) and first == t.i and not known_name
            # (but "Gazprom signed a contract ...": a proper noun opening a sentence as who signs is a name)
            # (not a common noun for a side written capitalised: "Rebels in Karsa signed")
            common = t.lower_ in self.vocab.cues.institution_nouns or t.lower_.removesuffix("s") in self.vocab.cues.side_nouns
            # (nor who signs a person: "Wenger signed Thierry Henry on a contract" may be the manager)
            hires = any(c.dep_ == "dobj" and c.ent_type_ == "PERSON" for c in t.head.children)
            # (nor one that ends, renews or suspends an agreement: "Torino terminated the contract of X")
            acting = set(self.vocab.cues.signed_verbs) | set(self.vocab.cues.undoing_verbs) | set(self.vocab.cues.renewing_verbs) | {"terminate", "cancel", "scrap", "suspend", "release"}
            opening = opening and not (t.tag_ == "NNP" and t.dep_ == "nsubj" and t.head.lemma_ in acting and t.head.tag_ == "VBD" and not common and not hires)
            if opening or any(k.idx in taken for k in doc[first : t.i + 1]):
                continue  # a lone capitalised word opening a sentence is as often a surname or a common word
            if t.lower_.endswith(DEMONYM_ENDINGS):
                continue
            if any(t.lower_ in k.terms for k in self.vocab.kinds) or t.lower_ in self.vocab.cues.anaphor_nouns:
                continue
            if first == t.i and (t.lower_,) in title_lexicon().heads:
                continue  # "President of the National Assembly": a title, not a name
            if t.dep_ == "pobj" and t.head.lower_ == "of" and (t.head.head.lower_,) in title_lexicon().heads:
                continue  # "the Minister of Transport": the portfolio of a title, not a name
            if self._after_title(first):
                continue  # "Minister of Commerce Bo Hai": a person named after the title, not a body
            s, e = doc[first].idx, t.idx + len(t)
            spans.append((s, e, self.text[s:e], None))
        spans = [self._without_model(*self._with_defined_tail(*x)) for x in spans]
        return self._join_company_names(sorted(spans, key=lambda e: (e[0], e[1])), org_words)

    def _after_title(self, first: int) -> bool:
        """True for a name written right after a title and its portfolio ("Minister of Commerce Bo Hai",
        "Trade Minister Bo Hai"): a person's name."""
        heads = title_lexicon().heads
        k = first - 1
        while k >= 0 and first - k <= 5:
            word = self.doc[k]
            if (word.lower_,) in heads and word.is_title:
                return True
            if not (word.is_title or word.lower_ in ("of", "for", "and", "the")):
                return False
            k -= 1
        return False

    def _without_model(self, s: int, e: int, text: str, eid: str | None) -> tuple[int, int, str, str | None]:
        """A maker's name without the model the NER ran into it ("Airbus A380s", "Boeing 737-900ERs"):
        the goods are what the deal buys, the maker is the side."""
        words = text.split()
        if len(words) < 2 or not _MODEL.fullmatch(words[-1]) or words[-2].lower() in ("of", "the", "and"):
            return s, e, text, eid
        keep = text[: text.rindex(words[-1])].rstrip()
        return s, s + len(keep), keep, None

    def _with_defined_tail(self, s: int, e: int, text: str, eid: str | None) -> tuple[int, int, str, str | None]:
        """A name the NER cut before its "of" part, when the acronym after it spells the whole name
        ("the Liberation Tigers" + " of Tamil Eelam (LTTE)")."""
        tail = _OF_TAIL.match(self.text, e)
        if tail is None:
            return s, e, text, eid
        if not spells(tail.group(2), text + tail.group(1)):
            return s, e, text, eid
        end = e + len(tail.group(1))
        return s, end, self.text[s:end], eid

    def _join_company_names(self, spans: list, org_words: set[str]) -> list:
        """Join a name and the capitalised words after it that end in a company word ("Qatar" + "Petroleum",
        "BioNTech" + "SE"): the small model often cuts a company's name at a place name or a suffix."""
        out: list = []
        for s, e, text, eid in spans:
            prev = out[-1] if out else None
            words = text.split()
            if prev is not None and _NAME_GAP.fullmatch(self.text[prev[1] : s]) and words and words[-1].lower() in org_words and text[:1].isupper():
                out[-1] = (prev[0], e, self.text[prev[0] : e], prev[3] if prev[3] and eid is None else eid)
                continue
            if prev is not None and self._of_name_goes_on(prev[2], self.text[prev[1] : s], words, eid):
                out[-1] = (prev[0], e, self.text[prev[0] : e], prev[3])
                continue
            if len(words) == 1 and words[0].lower() in org_words and text[:1].isupper():
                # A lone suffix ("SE"): take in the capitalised words right before it.
                tok = self.doc.char_span(s, e, alignment_mode="expand")
                i = tok.start if tok is not None else None
                while i is not None and i > 0 and self.doc[i - 1].text[:1].isupper() and not self.doc[i - 1].is_sent_start and self.doc[i - 1].pos_ in ("PROPN", "ADJ", "NOUN"):
                    i -= 1
                if i is not None and i < tok.start:
                    s = self.doc[i].idx
                    text = self.text[s:e]
            out.append((s, e, text, eid))
        return out

    def _of_name_goes_on(self, name: str, gap: str, words: list[str], eid: str | None) -> bool:
        """True for "Mines" after "the Ministry of Energy": the NER cuts an "X of A and B" body at the "and"
        (keeping the "and" when it tags the rest as a name of its own)."""
        head = re.search(r"\b(\w+) of (?:the )?[A-Z][\w-]*( and)?$", name)
        return (
            head is not None and gap == (" " if head.group(2) else " and ") and (eid is None or bool(head.group(2))) and head.group(1).lower() in self.vocab.cues.of_name_heads
            and len(words) == 1 and words[0][:1].isupper()
        )

    def _side_between(self, ent) -> bool:
        """True for a one-word name the NER took for a person as a side of "between X and the rebels"
        ("Khartoum"): a capital or a group, whose name is the side. On an agreement's own noun every name
        "between" gives is a side, person or company ("a deal between Abbas and Haniyeh", "the pact
        between Petrobras and Sinopec")."""
        first = ent.root
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ != "pobj" or first.head.lower_ != "between":
            return False
        if first.head.head.pos_ == "NOUN" and first.head.head.lower_ in self.vocab.kind_heads:
            return True
        if len(ent) != 1:
            return False
        sides = [first] + [c for c in first.subtree if c.dep_ == "conj" and c.head == first]
        return any(t.ent_type_ != "PERSON" for t in sides)

    def _with_of_agreement(self, ent) -> bool:
        """True for a name the NER took for a person that an agreement is made "with" or granted "to" ("a
        contract with Petrobras", "struck a deal with Kabila", "granted a contract to Perenco"): company or
        person, the other side."""
        first = ent.root
        while first.dep_ == "conj":
            first = first.head
        if first.dep_ == "pobj" and first.head.lower_ == "to" and first.head.dep_ in ("dative", "prep"):
            # ("granted a 20-year contract to Perenco": whom an agreement is granted to)
            grant = first.head.head
            return grant.pos_ == "VERB" and grant.lemma_ in self.vocab.cues.grant_verbs and any(
                c.dep_ == "dobj" and c.lower_ in self.vocab.kind_heads for c in grant.children
            )
        if first.dep_ != "pobj" or first.head.lower_ != "with":
            return False
        heads, up = self.vocab.kind_heads, past_value(first.head.head)
        if up.pos_ == "NOUN":
            return up.lower_ in heads
        return up.pos_ == "VERB" and any(c.dep_ in ("dobj", "nsubjpass") and c.lower_ in heads for c in up.children)

    def _short_org_name(self, text: str) -> bool:
        """True when a person-tagged name opens a longer organisation name in the document."""
        words = text.split()
        return any(len(o) > len(words) and o[: len(words)] == words for o in self.org_names)

    def _agrees_to_trade(self, tok) -> bool:
        """True for the subject of "X agreed to sell/buy/merge": whoever agrees to a sale is a party, person-tagged or
        not; so is whom it agrees to merge with ("agreed to merge with rival Credito Alpino")."""
        verb = tok.head
        verbs = self.vocab.cues.agreeing_verbs
        if tok.dep_ == "pobj" and verb.lower_ == "with" and verb.head.lemma_ == "merge":
            return verb.head.dep_ == "xcomp" and verb.head.head.lemma_ == "agree"
        return tok.dep_ == "nsubj" and verb.lemma_ == "agree" and any(c.dep_ == "xcomp" and c.lemma_ in verbs for c in verb.children)

    @staticmethod
    def _side_like(tok, nouns: set[str]) -> bool:
        """True for a name, or a noun that names a side ("the government", "the rebels")."""
        return bool(tok.ent_type_) and tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or tok.lemma_.lower() in nouns or tok.lower_ in nouns

    @staticmethod
    def _coordinated_with_org(tok) -> bool:
        """True for "Ratners and Weisfield's Inc.": a name in a coordination with an organisation is one too."""
        linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        return any(x.ent_type_ == "ORG" for x in linked)

    def _institutions(self, mentions: list[Mention]) -> list[tuple[int, int, str, None]]:
        """Unnamed parties acting on the agreement: "the council awarded the contract", "the deal with the government"."""
        doc, nouns, out = self.doc, set(self.vocab.cues.institution_nouns), []
        sides = set(self.vocab.cues.side_nouns)
        acting = set(self.vocab.cues.grant_verbs + self.vocab.cues.signed_verbs)
        # ("landowners have refused to renew leases": who renews an agreement, or will not, holds it)
        holding = acting | set(self.vocab.cues.renewing_verbs)
        acting_people = set(self.vocab.cues.people_nouns)
        groups_by_place = set(self.vocab.cues.place_group_nouns)
        person_roles = set(self.vocab.cues.person_role_nouns)
        for m in mentions:
            head = doc[m.head]
            verb = head if head.pos_ == "VERB" else self._governor(head)
            # "Under an accord signed yesterday, the government and X would become shareholders" (or
            # "under terms of an accord")
            frame = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in ("term", "provision") else head
            framing = frame.dep_ == "pobj" and frame.head.lower_ in ("under", "through")
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None and (verb.lemma_ in holding or framing) else []
            if not subjects and verb is not None and verb.lemma_ in holding and verb.dep_ == "xcomp" and head.dep_ == "dobj":
                # "X refused to renew the leases" (but "forced landowners to renew the leases": the object renews)
                subjects = [c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i] or [c for c in verb.head.children if c.dep_ == "nsubj"]
            if not subjects and verb is not None and verb.lemma_ in acting and verb.tag_ == "VBG" and head.dep_ == "dobj":
                # "Striking employees will return to work after reaching a deal": the one who reached it
                up = verb.head.head if verb.dep_ == "pcomp" and verb.head.dep_ == "prep" else (verb.head if verb.dep_ == "advcl" else None)
                subjects = [c for c in up.children if c.dep_ == "nsubj"] if up is not None else []
            holders = [head] + ([verb] if verb is not None and head.dep_ == "dobj" and head.head == verb else [])
            if head.dep_ == "nsubj" and head.head.pos_ in ("VERB", "AUX"):
                # "a ceasefire began between clan militias and Ethiopian forces"
                holders += [head.head]
            if framing and verb is not None:
                # "the consortium has to share revenue with the government under a PSA": who does
                # what the agreement frames, and with whom
                holders += [verb] + [c for c in verb.children if c.dep_ == "dobj"]
                # "Under a memorandum, a programme was set up by the ministry and the hospital"
                subjects += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
                above = verb
                while not subjects and above.dep_ == "xcomp" and above.head.pos_ in ("VERB", "AUX"):
                    above = above.head
                    subjects = [c for c in above.children if c.dep_ in ("nsubj", "nsubjpass")]
            # "an agreement under which the company will pay the government ...": who does what it frames, and to whom
            under_which = [c for c in head.children if c.dep_ == "relcl" and any(
                p.dep_ == "prep" and p.lower_ == "under" and any(g.tag_ in ("WDT", "WP") for g in p.children) for p in c.children
            )] if head.pos_ != "VERB" else []
            for clause in under_which:
                framing = True
                subjects += [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")]
                holders.append(clause)
                subjects += [c for c in clause.children if c.dep_ == "dative" and c.pos_ == "NOUN"]
            # "the ceasefire agreement signed in 2002 between the government and the rebels"
            holders += [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_ in acting]
            preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("with", "between")]
            if m.end < len(doc) and doc[m.end].lower_ in ("with", "between"):
                preps.append(doc[m.end])  # "operates under a PSA with the state": the parser hangs it on the verb
            # "awarded the concession to a consortium led by X", "presented leases to 300 farmers": whom it is granted to
            granted = verb is not None and head.dep_ == "dobj" and head.head == verb and verb.lemma_ in _GRANTING
            recipients = {g.i for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to" for g in c.children if g.dep_ == "pobj"} if granted else set()
            preps += [c for c in verb.children if c.dep_ in ("prep", "dative") and c.lower_ == "to"] if granted else []
            if verb is not None and verb.lemma_ in acting and head.dep_ == "nsubjpass":
                preps += [c for c in verb.children if c.dep_ == "agent"]  # "The accord was signed by Sudan and the rebels"
            partners = list({g.i: g for c in preps for g in c.children if g.dep_ == "pobj"}.values())
            # "between the Islamic courts and the government": the other of two sides between which an
            # agreement is made is a side too, whatever noun names it
            paired: set[int] = set()
            for g in (g for c in preps if c.lower_ == "between" for g in c.children if g.dep_ == "pobj"):
                two = [g, *g.conjuncts]
                if len(two) == 2 and any(self._side_like(t, nouns | sides) for t in two):
                    # (not "between the EU and the rest of the world": a part of something)
                    paired |= {
                        t.i for t in two
                        if t.pos_ == "NOUN" and any(d.dep_ in ("det", "amod", "compound") for d in t.children) and not any(d.dep_ == "prep" and d.lower_ == "of" for d in t.children)
                    }
            # "the Mexican government's contract with X", "the rebels' deal": whose agreement it is
            # (a state body or a group; "the company's pact" stands for the company the story is about)
            partners += [
                c for c in head.children if c.dep_ == "poss" and c.pos_ == "NOUN" and (c.lower_ in nouns or c.lemma_.lower() in nouns) and not self.anaphora.resolve(c)
            ] if head.pos_ != "VERB" else []
            # (a subject under an agreement that is a company or an operator; "the Balkan country pays ...
            # under the contract" restates a state named already)
            framed = set(self.vocab.cues.framed_subject_nouns) if framing else set()
            for group, any_noun in ((subjects, False), (partners, True)):
                for c in group + [g for c in group for g in c.children if g.dep_ == "conj"]:
                    # "between the alliance and guerrillas": a bare plural side is a group too
                    # ("Rebels agreed to a truce": a bare plural subject that names a side is one too, when
                    # it makes the agreement rather than acts under it)
                    # ("landowners have refused to renew leases": a bare plural subject that can be a side;
                    # not people who act for someone, "trade officials")
                    # ("Rebels in Darfur signed ...": a capitalised common noun opening the sentence, tagged as a name)
                    opening = c.is_sent_start and c.pos_ == "PROPN" and not c.ent_type_ and (c.lower_ in nouns or c.lower_ in sides)
                    tag = "NNS" if opening and c.lower_.endswith("s") else c.tag_
                    holders_named = not any_noun and tag == "NNS" and c.lemma_.lower() in sides and c.lemma_.lower() not in acting_people and not any(d.dep_ == "det" for d in c.children)
                    named_side = c.lemma_.lower() in nouns or c.lower_ in nouns or holders_named
                    bare_plural = (any_noun or named_side and not framing) and tag == "NNS" and not any(d.dep_ in ("poss",) + (() if c.i in recipients else ("nummod",)) for d in c.children)
                    # "armed Palestinian factions signed a truce": a group named by its people
                    people = next((d for d in c.children if d.dep_ in ("amod", "compound") and d.ent_type_ == "NORP"), None)
                    # ("Darfur rebels signed a truce", "Okinawa landowners": a group named by where it is)
                    placed = next((d for d in c.children if d.dep_ == "compound" and d.ent_type_ in ("GPE", "LOC") and d.i < c.i), None) if c.tag_ == "NNS" and c.lemma_.lower() in groups_by_place and not framing else None
                    people = people or placed
                    by_people = people is not None and (c.lemma_.lower() in nouns or placed is not None)
                    listed = named_side and c.dep_ == "conj"  # "the union and management"
                    # ("The union and the carmaker reached a contract": a body joined to a side noun is the other side)
                    # ("Iran and six world powers reached a deal": a counted group joined to a named side)
                    # (not a part, "the rest of the coalition", nor one acting under it or beside a side named
                    # "with" it: "the union and the strike committee reached a deal with the hospital")
                    paired_body = c.dep_ == "conj" and c.pos_ == "NOUN" and c.lemma_.lower() not in person_roles and not framing and not preps and not any(
                        d.dep_ == "prep" and d.lower_ == "of" for d in c.children
                    ) and (
                        c.head.lemma_.lower() in nouns | sides and c.lemma_.lower() not in acting_people and any(d.dep_ == "det" and d.lower_ == "the" for d in c.children)
                        or c.head.ent_type_ in SIDE_LABELS and c.lemma_.lower() in sides and c.tag_ == "NNS" and any(d.dep_ == "nummod" for d in c.children)
                    )
                    if c.ent_type_ or c.pos_ != "NOUN" and not opening or not (bare_plural or by_people or listed or paired_body or any(d.dep_ == "det" for d in c.children)):
                        continue
                    after = doc[c.i + 1] if c.i + 1 < len(doc) else None
                    if any(d.dep_ in ("appos", "compound") and d != placed and (d.ent_type_ in ("ORG", "GPE") or d.dep_ == "appos" and d.pos_ == "PROPN") for d in c.children) or (
                        after is not None and after.pos_ == "PROPN" and after.ent_type_ in ("ORG", "GPE")
                    ):
                        continue  # "the Islamist movement Hamas", "the Fatah faction": the name is the party
                    if any(d.lower_ in ("two", "both", "three", "all", "other") for d in c.children) and not (paired_body and not any(d.dep_ == "det" for d in c.children)):
                        continue  # "between the two concerns" restates parties named elsewhere (not "Israel and three Arab states")
                    if c.tag_ == "NNS" and any(d.dep_ in ("amod", "compound") and d.ent_type_ in ("NORP", "GPE") and any(x.dep_ == "conj" for x in d.children) for d in c.children):
                        continue  # "the Philippine and US governments": the two states are the sides
                    # "a contract with an option to extend": only a noun that can name a side is one
                    if (any_noun and c.lemma_.lower() in sides) or named_side or paired_body or not any_noun and c.lemma_.lower() in framed or c.i in paired:
                        s, e = (people.left_edge.idx if by_people and not any_noun and not any(d.dep_ == "det" for d in c.children) else c.left_edge.idx), c.idx + len(c)
                        # "the main faction of the Sudan Liberation Movement": whose faction it is
                        of = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE", "NORP")), None)
                        # "rebels in Darfur": a bare plural group named by where it is (not "the rebels in
                        # Nairobi signed ...", where they signed)
                        bare = (tag == "NNS" or c.tag_ == "NNPS") and not any(d.dep_ in ("det", "poss") for d in c.children)
                        of = of or next((g for p in c.children if p.dep_ == "prep" and p.lower_ in ("in", "from") for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("GPE", "LOC")), None) if bare else of
                        # "a consortium led by Elbit Systems": the group as written, up to its leader
                        of = of or next((g for a in c.children if a.dep_ == "acl" and a.lemma_ == "lead" for b in a.children if b.dep_ == "agent" for g in b.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                        if of is not None:
                            e = of.idx + len(of)
                        # "between the government and rebel forces", parsed as one noun with "government and
                        # rebel" before it: two sides
                        joined = next((x for x in c.lefts if x.dep_ in ("nmod", "compound") and x.pos_ == "NOUN" and (x.lemma_.lower() in nouns or x.lemma_.lower() in sides)
                                       and any(d.dep_ == "cc" and d.lower_ == "and" for d in x.children)), None)
                        second = next((d for d in joined.children if d.dep_ == "conj" and d.i > joined.i), None) if joined is not None and of is None else None
                        if second is not None:
                            first_end = joined.idx + len(joined)
                            out.append((s, first_end, self.text[s:first_end], None))
                            s = second.idx
                        out.append((s, e, self.text[s:e], None))
        return out
