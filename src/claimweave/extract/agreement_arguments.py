"""Reading an agreement's parties (organisations, states and groups named in its clause, including
names the NER missed, and the sides its name, its signatories and its purpose imply) from the clause
around it; its asset is read by ``AssetReader``, which this reader extends."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimweave.extract.agreement_anaphora import SignerResolver
from claimweave.extract.agreement_assets import AssetReader
from claimweave.extract.agreement_people import Party, PeopleResolver
from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_side_shapes import SideShapes
from claimweave.extract.agreement_terms import same_name, spells
from claimweave.extract.agreement_types import Mention, Term, called_by_name
from claimweave.extract.common import token_texts
from claimweave.extract.titles import affiliation_name, title_lexicon
from claimweave.models import DocEntity, Role, Timex

_POSSESSIVE_THEN = re.compile(r"^['\u2019]s?\s")
_WITH = re.compile(r"\b(?:with|between|and)\s+(?:the\s+)?$", re.I)
_DEMONYM_ENDINGS = ("ian", "ese", "ish", "ean", "ial")
_ACTING_FOR = {"faction", "movement", "militia", "wing", "coalition", "forces", "party", "official", "officials", "executive", "negotiator", "minister", "leader", "delegate", "representative", "envoy", "government", "delegation", "team", "authority", "agency"}
SIDE_LABELS = ("GPE", "NORP", "ORG")  # what a side written as a name or a body with one may be
_SIDES = _ACTING_FOR | {"ministry", "side", "country", "state", "nation", "authorities", "administration"}
_NAME_GAP = re.compile(r" |\s*\([A-Z][\w .]{0,20}\)\s*")  # "Qatar Petroleum", "Saltway Holdings (Private) Limited"
_OF_TAIL = re.compile(r"( of (?:the )?[A-Z][\w-]*(?: (?:and )?[A-Z][\w-]*)*) \(([A-Z]{3,})\)")
_ASIDE_PREPS = ("despite", "amid", "notwithstanding")  # circumstances of a clause, not its actors
_UNTIED_RULES = ("party.clause", "party.name")
_TIED_RULES = ("party.paired_name", "party.framed_pair", "party.route", "party.with", "party.phrase", "party.pair", "party.signatory_role", "party.signatory_country")
_BETWEEN = re.compile(r"\bbetween\s+(?:the\s+)?$", re.I)
_COORDINATED = re.compile(r"\s*(?:\([^()]{1,30}\)\s*)?(?:,|and|,\s*and)\s+(?:the\s+)?", re.I)


class ArgumentReader(SideShapes, AssetReader):
    """Reads an agreement's asset and parties from token ranges of one Doc."""

    def __init__(self, doc: Doc, vocab: Vocabulary, timexes: list[Timex], entities: list[DocEntity], roles: list[Role] = ()) -> None:
        super().__init__(doc, vocab)
        self.people = PeopleResolver(doc, entities, list(roles), self.text)
        self.anaphora = SignerResolver(doc, entities, vocab.cues)
        self.timexes = sorted(timexes, key=lambda t: (t.start, t.end))
        labels = set(vocab.cues.party_labels)
        self.entities = sorted(
            (m.start, m.end, m.text, e.id) for e in entities if e.label in labels for m in e.mentions
        )
        # Words written capitalised inside a sentence, or opening an entity's name, somewhere in the
        # document: names, not common nouns capitalised at a sentence start ("Ratners" vs "Officials").
        texts = token_texts(doc)
        self.name_words = {
            text for i, text in enumerate(texts)
            if text[:1].isupper() and not doc[i].is_sent_start and texts[i - 1] not in ('"', "``", "\u201c", ":")
        }
        self.name_words.update(e[2].split()[0] for e in self.entities if e[2].split())
        self.target_left = re.compile(vocab.cues.target_left, re.I)
        self.acting_for_left = re.compile(vocab.cues.acting_for_left, re.I)
        # "Poughkeepsie" tagged PERSON where "Poughkeepsie Savings Bank" is an organisation elsewhere.
        self.org_names = [m.text.split() for e in entities if e.label == "ORG" for m in e.mentions]

    def _names(self, ca: int, cb: int) -> list[tuple[int, int, str, str | None]]:
        """Entity mentions in [ca, cb), plus proper names the NER missed (or took for people) in argument positions."""
        doc, org_words = self.doc, set(self.vocab.cues.org_words)
        spans = [e for e in self.entities if e[0] >= ca and e[1] <= cb]
        taken = {i for s, e, _, _ in spans for i in range(s, e)}
        for ent in doc.char_span(ca, cb, alignment_mode="expand").ents:
            if ent.label_ == "PERSON" and (ent[-1].lower_ in org_words or self._coordinated_with_org(ent.root) or self._agrees_to_trade(ent.root) or self._short_org_name(ent.text) or self._side_between(ent) or self._seller_of_bought(ent.root)):
                spans.append((ent.start_char, ent.end_char, ent.text, None))
                taken.update(range(ent.start_char, ent.end_char))
        for t in doc.char_span(ca, cb, alignment_mode="expand"):
            if t.idx in taken or t.ent_type_ or t.pos_ not in ("PROPN", "NOUN") or not t.text[:1].isupper():
                continue
            # "Ratners and Weisfield's Inc.", "Carrowmore" where "Carrowmore Savings Bank" is named elsewhere
            known_name = self._coordinated_with_org(t) and t.text in self.name_words or self._short_org_name(t.text)
            if t.pos_ == "NOUN" and (t.is_sent_start or not t.is_title) and not known_name:
                continue  # a capitalised common noun mid-sentence ("Stroytransgaz" tagged NOUN) is a name
            after_grant = t.i > 0 and doc[t.i - 1].pos_ == "VERB" and doc[t.i - 1].lemma_ in self.vocab.cues.grant_verbs
            if t.dep_ not in ("dobj", "dative", "nsubj", "nsubjpass", "pobj", "appos", "conj", "poss") and not after_grant:
                continue
            chain = [c for c in t.lefts if c.dep_ == "compound" and c.pos_ == "PROPN" and not c.ent_type_]
            first = chain[0].i if chain and all(c.i + 1 == n.i for c, n in zip(chain, chain[1:] + [t])) else t.i
            # A quotation opening a sentence opens it too ("Instructions have been issued ...").
            opening = (doc[first].is_sent_start or first > 0 and doc[first - 1].is_sent_start and doc[first - 1].is_quote) and first == t.i and not known_name
            if opening or any(k.idx in taken for k in doc[first : t.i + 1]):
                continue  # a lone capitalised word opening a sentence is as often a surname or a common word
            if t.lower_.endswith(_DEMONYM_ENDINGS):
                continue
            if any(t.lower_ in k.terms for k in self.vocab.kinds) or t.lower_ in self.vocab.cues.anaphor_nouns:
                continue
            if first == t.i and (t.lower_,) in title_lexicon().heads:
                continue  # "President of the National Assembly": a title, not a name
            s, e = doc[first].idx, t.idx + len(t)
            spans.append((s, e, self.text[s:e], None))
        spans = [self._with_defined_tail(*x) for x in spans]
        return self._join_company_names(sorted(spans, key=lambda e: (e[0], e[1])), org_words)

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

    def _mediator(self, root) -> bool:
        """True for a name described as a broker or mediator ("peace broker Norway", "Qatar, the mediator")."""
        nouns = self.vocab.cues.mediator_nouns
        described = [c for c in root.children if c.dep_ in ("compound", "appos", "amod")] + ([root.head] if root.dep_ == "appos" else [])
        return any(t.lemma_.lower() in nouns for t in described)

    def _paired_names(self, mentions: list[Mention]) -> list[Party]:
        """"a Sino-Australian agreement", "the Israeli-Palestinian truce": states joined by a hyphen in
        the agreement's own name, each one written by its country name or demonym."""
        out: list[Party] = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ != "VERB":
                self._hyphen_pair(list(self.doc[m.start : m.kind_start]), "party.paired_name", out)
                # "the 1995 Franco-Spanish Declaration, the pact that ...": the name it restates
                names = ([head.head] if head.dep_ == "appos" else []) + [c for c in head.children if c.dep_ == "appos"]
                for name in (n for n in names if n.pos_ in ("NOUN", "PROPN")):
                    self._hyphen_pair(list(self.doc[name.left_edge.i : name.i]), "party.paired_name", out)
        return out

    def _holders(self, mentions: list[Mention]) -> list:
        """"Iran has long been in non-compliance with its Non-Proliferation Treaty": whose "its"/"their"
        agreement it is, the named state or organisation the clause is about."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ != "VERB" and any(c.dep_ == "poss" and c.lower_ in ("its", "their") for c in head.children):
                subject = self._subject_above(head)
                if subject is not None and subject.ent_type_ in ("GPE", "ORG"):
                    out.append(subject)
                elif subject is None and (body := self._body_subject(head)) is not None:
                    out.append(body)  # "Maoist rebels extended their unilateral ceasefire"
        return out

    def _body_subject(self, head):
        """The subject of the verb right above a token when it is a body written with a name ("Maoist rebels")."""
        verb = next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX")), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        return subject if subject is not None and self.people.side(subject, SIDE_LABELS) is not None else None

    def _signatories(self, m: Mention) -> list:
        """"Tanzania is a signatory to the Agreement on ...": the subject of a signatory, party or member of it."""
        roles = ("signatory", "party", "member", "adherent")
        head = self.doc[m.head]
        holder = next((a for a in head.ancestors if a.lemma_ in roles), None)
        if holder is None and head.dep_ == "pobj" and head.head.lower_ in ("to", "of"):
            # "Russia became a party to the Kyoto Protocol": the parser hangs "to" on the verb
            holder = next((c for c in head.head.head.children if c.dep_ == "attr" and c.lemma_ in roles), None)
        if holder is None or holder.dep_ not in ("attr", "appos"):
            return []
        if holder.dep_ == "appos":
            return [holder.head]
        verb = holder.head
        while verb.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in verb.children):
            verb = verb.head  # "X is a member of Y and is also a signatory to Z"
        subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.pos_ != "PRON"]
        return subjects + [g for c in subjects for g in c.conjuncts]

    def _name_end(self, m: Mention) -> int:
        """The token after a proper name that goes on past its head ("Agreement on the Global System of
        Trade Preferences Among Developing Countries")."""
        i, end = m.end, m.end
        while i < len(self.doc) and i - m.end < 16:
            t = self.doc[i]
            if t.text[:1].isupper() and not t.is_sent_start:
                end = i + 1
            elif t.lower_ not in ("of", "on", "the", "and", "among", "for", "in", "between", "to", "-"):
                break
            i += 1
        return end

    def proper_name(self, m: Mention) -> bool:
        """True for an agreement called by its proper name ("the Kyoto Protocol")."""
        return called_by_name(self.doc, m, self.vocab.kind_words)

    @staticmethod
    def _qualifies_a_side(tok) -> bool:
        """True for "Thai" in "the Thai and Polish justice ministries": demonyms that qualify bodies acting
        for their states, not "French and European aviation companies"."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok.head.lemma_.lower() in _SIDES

    def _conj_of_acting(self, span) -> bool:
        """True for "Mexico" in "ministers from the G7 and Mexico": a name coordinated with one after an acting noun."""
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.i == span.root.i or tok.i == 0:
            return False
        left = self.text[max(0, tok.left_edge.idx - 40) : tok.left_edge.idx]
        return bool(self.acting_for_left.search(left))

    @staticmethod
    def _side_between(ent) -> bool:
        """True for a one-word name the NER took for a person as a side of "between X and the rebels"
        ("Khartoum"): a capital or a group, whose name is the side."""
        first = ent.root
        while first.dep_ == "conj":
            first = first.head
        if len(ent) != 1 or first.dep_ != "pobj" or first.head.lower_ != "between":
            return False
        sides = [first] + [c for c in first.subtree if c.dep_ == "conj" and c.head == first]
        return any(t.ent_type_ != "PERSON" for t in sides)

    def _short_org_name(self, text: str) -> bool:
        """True when a person-tagged name opens a longer organisation name in the document."""
        words = text.split()
        return any(len(o) > len(words) and o[: len(words)] == words for o in self.org_names)

    def _agrees_to_trade(self, tok) -> bool:
        """True for the subject of "X agreed to sell/buy/merge": whoever agrees to a sale is a party, person-tagged or not."""
        verb = tok.head
        verbs = self.vocab.cues.agreeing_verbs
        return tok.dep_ == "nsubj" and verb.lemma_ == "agree" and any(c.dep_ == "xcomp" and c.lemma_ in verbs for c in verb.children)

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
        for m in mentions:
            head = doc[m.head]
            verb = head if head.pos_ == "VERB" else self._governor(head)
            # "Under an accord signed yesterday, the government and X would become shareholders" (or
            # "under terms of an accord")
            frame = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in ("term", "provision") else head
            framing = frame.dep_ == "pobj" and frame.head.lower_ in ("under", "through")
            subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] if verb is not None and (verb.lemma_ in acting or framing) else []
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
            partners = list({g.i: g for c in preps for g in c.children if g.dep_ == "pobj"}.values())
            # (a subject under an agreement that is a company or an operator; "the Balkan country pays ...
            # under the contract" restates a state named already)
            framed = set(self.vocab.cues.framed_subject_nouns) if framing else set()
            for group, any_noun in ((subjects, False), (partners, True)):
                for c in group + [g for c in group for g in c.children if g.dep_ == "conj"]:
                    # "between the alliance and guerrillas": a bare plural side is a group too
                    bare_plural = any_noun and c.tag_ == "NNS" and not any(d.dep_ in ("poss", "nummod") for d in c.children)
                    # "armed Palestinian factions signed a truce": a group named by its people
                    people = next((d for d in c.children if d.dep_ in ("amod", "compound") and d.ent_type_ == "NORP"), None)
                    by_people = people is not None and c.lemma_.lower() in nouns
                    if c.ent_type_ or c.pos_ != "NOUN" or not (bare_plural or by_people or any(d.dep_ == "det" for d in c.children)):
                        continue
                    after = doc[c.i + 1] if c.i + 1 < len(doc) else None
                    if any(d.dep_ in ("appos", "compound") and (d.ent_type_ in ("ORG", "GPE") or d.dep_ == "appos" and d.pos_ == "PROPN") for d in c.children) or (
                        after is not None and after.pos_ == "PROPN" and after.ent_type_ in ("ORG", "GPE")
                    ):
                        continue  # "the Islamist movement Hamas", "the Fatah faction": the name is the party
                    if any(d.lower_ in ("two", "both", "three", "all", "other") for d in c.children):
                        continue  # "between the two concerns" restates parties named elsewhere
                    if c.tag_ == "NNS" and any(d.dep_ in ("amod", "compound") and d.ent_type_ in ("NORP", "GPE") and any(x.dep_ == "conj" for x in d.children) for d in c.children):
                        continue  # "the Philippine and US governments": the two states are the sides
                    # "a contract with an option to extend": only a noun that can name a side is one
                    if (any_noun and c.lemma_.lower() in sides) or c.lemma_.lower() in nouns or not any_noun and c.lemma_.lower() in framed:
                        s, e = (people.idx if by_people and not any_noun and not any(d.dep_ == "det" for d in c.children) else c.left_edge.idx), c.idx + len(c)
                        # "the main faction of the Sudan Liberation Movement": whose faction it is
                        of = next((g for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children if g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE", "NORP")), None)
                        # "a consortium led by Elbit Systems": the group as written, up to its leader
                        of = of or next((g for a in c.children if a.dep_ == "acl" and a.lemma_ == "lead" for b in a.children if b.dep_ == "agent" for g in b.children if g.dep_ == "pobj" and g.pos_ == "PROPN"), None)
                        if of is not None:
                            e = of.idx + len(of)
                        out.append((s, e, self.text[s:e], None))
        return out

    def _from_seller(self, root, mentions: list[Mention] | None = None) -> bool:
        """True for "acquired shares from Octel": the one sold from is a party, not a place of origin
        (when the buying is the agreement's, not "Obtained from New Jersey, X signed a contract")."""
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ != "from" or prep.head.lemma_ not in self.vocab.cues.from_party_verbs:
            return False
        verb = prep.head
        # (a participle set before the clause describes its subject's past: "Obtained from New Jersey, X signed")
        participle = verb.tag_ in ("VBN", "VBG") and verb.dep_ in ("advcl", "acl") and verb.i < verb.head.i
        return mentions is None or not participle or any(verb.i in {t.i for t in self.doc[m.head].subtree} for m in mentions)

    def _parties(self, ca: int, cb: int, tx: list[Timex], asset: Term | None, mentions: list[Mention]) -> list[Term]:
        """Parties named in the clause: organisations, states and groups that are not places or sources."""
        out: list[Term] = []
        spans = sorted(self._names(ca, cb) + [x for x in self._institutions(mentions) if ca <= x[0] and x[1] <= cb])
        # Names inside the agreement's own noun phrase ("the U.N.-Iraq accord", "Polly Peck's agreement").
        own = [(self.doc[m.head].left_edge.idx, self.doc[m.kind_start].idx) for m in mentions if self.doc[m.head].pos_ != "VERB"]
        kinds = [self._chars(m.kind_start, m.head + 1 if self.doc[m.head].pos_ == "VERB" else m.end) for m in mentions]
        # "the Agreement on Trade Preferences Among Developing Countries": words of its own name
        kinds += [self._chars(m.kind_start, self._name_end(m)) for m in mentions if self.proper_name(m)]
        address: set[int] = set()
        for k, (s, e, text, eid) in enumerate(spans):
            if any(t.start < e and s < t.end for t in tx) or any(ks < e and s < ke for ks, ke in kinds):
                continue  # "the Non-Proliferation Treaty" names the agreement, not a party
            span = self.doc.char_span(s, e, alignment_mode="expand")
            if span is not None and span.root.ent_type_ == "GPE" and k > 0 and self.text[spans[k - 1][1] : s] == ", " and (
                k - 1 in address or spans[k - 1][2].split()[-1].lower() in self.vocab.cues.org_words
            ):
                address.add(k)
                continue  # "Automated Custom Systems Inc., Orange, Calif.": where a company is, not a party
            if span is None:
                continue
            root = span.root
            if root.pos_ not in ("PROPN", "NOUN"):
                # "The European Union (EU)": the parser hangs "The" and "Union" on the acronym; the name is "Union"
                root = next((t for t in reversed(span) if t.pos_ in ("PROPN", "NOUN")), root)
            # Inside the asset only a company is a party ("51% of Sansui Electric"), never a place.
            left = self.text[max(ca, s - 40) : s]
            company = span[-1].lower_ in self.vocab.cues.org_words
            in_asset = asset is not None and asset.start <= s and e <= asset.end
            # "to acquire 51% of Sansui Electric Co.", "shares of Erbamont N.V.": the company bought is a party.
            target = in_asset and (root.ent_type_ == "ORG" or company) and bool(self.target_left.search(left))
            # "to purchase La Jolla Bancorp": a company that is itself what is bought is a party too.
            # (also one the asset ends with, after words describing it: "to acquire US shipping group APL Limited")
            bought = in_asset and (self._is_name(*self._token_range(asset)) or e == asset.end)
            target = target or bought and asset.rule in ("asset.use_object", "asset.noun_of") and self._is_company(span.start, span.end)
            # "sell National Aluminum's rolling division", "a base on Ukraine's peninsula": the owner is a party.
            owner = in_asset and root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.ent_type_ in ("ORG", "GPE")
            # "to buy Yukos' majority stake", "to purchase 150 Airbus planes": whose stake or make is bought sells it.
            seller = in_asset and not owner and self._seller_of_bought(root)
            # "the India-US pact", "the Nepal-India commerce treaty": names joined by a hyphen on the
            # agreement's own name are its sides (even where the name also says what it covers)
            paired = any(root.head.i == m.head or root.head.head.i == m.head and root.head.dep_ == "compound" for m in mentions) and (self.text[s - 1 : s] == "-" or self.text[e : e + 1] == "-")
            if in_asset and not (target or owner or seller or paired):
                continue
            if left.rstrip().endswith("(") or self.vocab.party_block_right.match(self.text[e : e + 16]) or self.text[e : e + 1] == ":":
                continue
            # "officials of Kuwait and the ROK signed": whom the officials act for is a party, not a place.
            acting = bool(self.acting_for_left.search(self.text[max(ca, s - 40) : s]) or self._conj_of_acting(span))
            # "in breach of Lebanon's national pact": the possessor of the agreement's name is its side
            acting = acting or root.dep_ == "poss" and any(root.head.i == m.head for m in mentions)
            # "clear the way for PKN Orlen to sign an agreement": the subject of the infinitive acts
            doer = span.end + 1 < len(self.doc) and self.doc[span.end].lower_ == "to" and self.doc[span.end + 1].tag_ == "VB" and left.rstrip().lower().endswith("for")
            route = self._route_end(root, mentions)
            if self.vocab.party_block.search(left) and not (target or owner or seller or acting or doer or route or self._from_seller(root, mentions)):
                address.add(k)  # "in Aurora, Colo.": the state after a place is a place too
                continue
            # "between the Thai and Polish justice ministries": coordinated demonyms name their states.
            # ("the Philippine and US governments": a demonym and a name)
            demonym_pair = root.ent_type_ == "NORP" and (
                root.dep_ == "conj" and root.head.ent_type_ in ("NORP", "GPE") or any(c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE") for c in root.children)
            ) and self._qualifies_a_side(root)
            if root.pos_ not in ("PROPN", "NOUN") and not demonym_pair:
                continue
            if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lemma_ not in _ACTING_FOR and not company and not paired and not seller:
                continue  # "Tartus dockworkers", "the LIN shares": a name qualifying a noun (but "Gazprom officials" act for it)
            if self._mediator(root):
                continue  # "Sri Lanka's peace broker Norway": who brokers an agreement is not its side
            speaker = root.head if root.dep_ == "appos" else root  # "the newspaper Folha reported"
            if speaker.dep_ in ("dobj", "dative") and speaker.head.lemma_ in ("tell", "ask", "inform"):
                continue  # "told AFP": whom a speaker talks to is no party
            if speaker.dep_.startswith("nsubj") and speaker.head.lemma_ in self.vocab.cues.party_speech_verbs:
                # "Dataproducts said it filed ...": a speaker reporting its own act is a party; a source is not.
                reported = [c for c in speaker.head.children if c.dep_ == "ccomp"]
                if not any(g.dep_.startswith("nsubj") and g.lower_ in ("it", "they", "we") for c in reported for g in c.children) and not self._announces_own(speaker.head, mentions):
                    continue
            between = self.text[e : spans[k + 1][0]] if k + 1 < len(spans) else ""
            if not owner and _POSSESSIVE_THEN.match(between) and re.fullmatch(r"['\u2019]s?\s+(?:[a-z][\w-]*\s+){0,2}", between):
                continue  # "Russia's Stroytransgaz": the possessor is not a party of its own
            if any(same_name(text, p.value[0]) for p in out):
                continue
            if text.split()[-1].lower() in self.vocab.cues.not_party_heads:
                continue  # "the Korean War", "the Joint Declaration", "the Doha Round": events and texts
            if any(c.dep_ == "conj" and c.lower_ in self.vocab.cues.not_party_heads and any(d.dep_ == "compound" for d in c.children) for c in root.children):
                continue  # "the Oslo and Tokyo Declaration": the first of two names of texts
            if span.label_ == "NORP" and text.lower().endswith(_DEMONYM_ENDINGS) and not demonym_pair:
                continue  # "Egyptian officials": an adjective, not a party
            if root.ent_type_ == "NORP" and root.dep_ in ("amod", "compound") and root.head.ent_type_ in ("GPE", "ORG") and root.head.i >= span.end:
                continue  # "Communist North Korea": a word describing the party named after it
            trimmed = re.sub(r"\s*['\u2019]s?$", "", text)
            e, text = s + len(trimmed), trimmed
            if owner:
                rule = "party.asset_owner"
            elif seller:
                rule = "party.seller"
            elif route:
                rule = "party.route"
            elif any(os_ <= s and e <= oe for os_, oe in own):
                rule = "party.phrase"
            else:
                # "between Mexico, Canada and the United States": every name of the list after it
                listed = bool(out) and out[-1].rule == "party.with" and bool(_COORDINATED.fullmatch(self.text[out[-1].end : s]))
                tied = listed or _WITH.search(left) and (not mentions or self._with_agreement(span, mentions))
                # "the agreement says people can travel between Gaza and the West Bank": a "between" far
                # from the agreement's name is about something else.
                rule = "party.with" if tied else ("party.clause" if eid else "party.name")
            out.append(Term((text, eid), s, e, rule))
        purpose = self._purpose_clauses(mentions)
        # "sign a deal to provide Gaza with electricity": a place the deal is for is no side of it
        # (but "an agreement to purchase a satellite from China": the seller is)
        out = [p for p in out if p.rule not in _UNTIED_RULES or not self._place_served(self.doc[self._token_at(p.start)], purpose)]
        # "The Arab League sent observers to monitor a fragile ceasefire", "a truce brokered by Qatar's
        # envoy": who brokers or watches over an agreement is not its side
        brokers = self._brokers(mentions) | self._made_under(mentions)
        out = [p for p in out if p.rule not in _UNTIED_RULES or self._token_at(p.start) not in brokers]
        region = self._own_clause(mentions)
        if region is not None:
            # "Israel objected to Hamas standing, arguing that the Oslo accords bar violent parties": names
            # of the clauses above the agreement's own are about something else.
            out = [p for p in out if p.rule not in _UNTIED_RULES or self._token_at(p.start) in region]
        return self._represented(ca, cb, mentions, out)

    def _route_end(self, root, mentions: list[Mention]) -> bool:
        """True for "Russia" and "Bulgaria" in "the contract for gas supply from Russia to Bulgaria": the
        two ends of the supply an agreement is for are its sides."""
        prep = root.head if root.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("from", "to") or root.ent_type_ not in ("GPE", "ORG"):
            return False
        noun = prep.head
        if noun.lemma_.lower() not in self.vocab.cues.route_nouns:
            return False
        return any(noun.i in {t.i for t in self.doc[m.head].subtree} for m in mentions if self.doc[m.head].pos_ != "VERB")

    def _place_served(self, tok, purpose: set[int]) -> bool:
        """True for a place named inside an agreement's purpose clause, other than one bought from."""
        root = tok
        while root.dep_ in ("compound", "amod") and root.head.i != root.i:
            root = root.head
        return tok.i in purpose and tok.ent_type_ in ("GPE", "LOC") and not self._from_seller(root)

    def _purpose_clauses(self, mentions: list[Mention]) -> set[int]:
        """Tokens of the infinitives saying what an agreement is for ("a deal to provide X with Y"),
        on its name or on the verb it is the object of."""
        return {t.i for m in mentions for v in self._infinitives(self.doc[m.head]) for t in v.subtree}

    def _own_clause(self, mentions: list[Mention]) -> set[int] | None:
        """Tokens of the clause an agreement is an argument of: its verb's subtree, climbing from a verb
        with no named subject ("X agreed to sign a deal", "X said it signed a deal") to the verb above,
        and from a clause describing a noun to that noun ("the X-Y exercises held under an agreement").
        None when the agreement has no verb above it (a heading, a list item)."""
        if not mentions:
            return None
        region: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            if any(c.dep_ == "prep" and c.lower_ in ("between", "with") and any(g.lower_ in ("two", "both") for p in c.children for g in p.children) for c in head.children):
                return None  # "a standstill agreement between the two concerns": the sides are named elsewhere
            verb = head if head.pos_ == "VERB" else next((a for a in head.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass")), None)
            if verb is None:
                return None
            for _ in range(3):
                subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
                named_by = ("NORP", "GPE", "ORG")
                if any(c.pos_ == "NOUN" and not c.ent_type_ and c.lemma_.lower() in _SIDES | {"official", "officer"} and not any(d.ent_type_ in named_by for d in c.children) for c in subjects):
                    return None  # "trade officials signed a cooperation agreement": the sides are named elsewhere
                if any(c.pos_ != "PRON" for c in subjects):
                    break
                if verb.dep_ in ("acl", "relcl") and verb.head.pos_ in ("NOUN", "PROPN"):
                    verb = verb.head
                    break
                above = next((a for a in verb.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass")), None)
                if above is None or verb.dep_ not in ("xcomp", "ccomp", "conj", "advcl", "pcomp", "acl", "relcl"):
                    break
                verb = above
            region.update(t.i for t in verb.subtree)
            # "signed two pacts despite condemnation by Iran and Syria": who objects is no side
            region.difference_update(t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in _ASIDE_PREPS for t in c.subtree)
            # "Obtained from New Jersey for three picks, Martin signed a contract": a participle clause set
            # before the signing tells what happened to its subject, not who signed
            for c in verb.children:
                if c.dep_ == "advcl" and c.tag_ in ("VBN", "VBG") and c.i < verb.i and not any(a.dep_.startswith("nsubj") or a.dep_ == "mark" for a in c.children) and head.i not in {t.i for t in c.subtree}:
                    region.difference_update(t.i for t in c.subtree)
        return region

    def _represented(self, ca: int, cb: int, mentions: list[Mention], out: list[Term]) -> list[Term]:
        """Add the states and organisations that signatories act for and that "the two countries" restates."""
        found, signers = [], []
        signing = set(self.vocab.cues.signed_verbs) | {"accept", "initial"}
        bodies = set(self.vocab.cues.state_body_nouns)
        for m in mentions:
            head = self.doc[m.head]
            own = PeopleResolver.signers(head, signing)
            signers += own
            # "a deal between X and Y", "a second MOU signed between the two ministers", "was signed between ..."
            holders = [head] + [c for c in head.children if c.dep_ in ("acl", "relcl") and c.lemma_ in signing]
            if head.dep_ in ("dobj", "nsubjpass") and head.head.lemma_ in signing:
                holders.append(head.head)
            tokens = own + [g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for g in c.children if g.dep_ == "pobj"]
            for t in tokens:
                if ca <= t.idx < cb:
                    party = self.people.person_party(t) or self.people.body_party(t, bodies, "party.signatory_body")
                    if party is None and t in own and t in PeopleResolver.signers(head, signing - {"negotiate"}):
                        # "Christie signed a three-year contract" (but "his agent negotiated their contracts")
                        party = self.people.unaffiliated(t, "party.signatory_person")
                    # "the diplomats of the two countries signed": whom the signers act for
                    of = [g for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                    found += [party] if party is not None else self.people.pair(t) or [p for g in of for p in self.people.pair(g)]
                    found += self.people.visited(t, bodies)
            if head.pos_ != "VERB":
                # "the two companies' earlier accord"
                found += [p for c in head.children if c.dep_ == "poss" and ca <= c.idx < cb for p in self.people.pair(c)]
        resolved = self._anaphoric_signers(mentions, ca, cb, signing)
        # "the cease-fire between the government and the rebels": the named group stands for "the rebels"
        out = [p for p in out if p.value[1] is not None or not any(p.start <= t.idx < p.end for t, _ in resolved)]
        found += [p for _, p in resolved]
        found += self._signed_players(mentions, ca, cb)
        found += self._contracted_people(mentions, ca, cb, signing)
        found += self._unilateral(mentions, ca, cb)
        found += self._paired_names(mentions)
        found += self._framed_pairs(mentions)
        holders = [t for t in self._holders(mentions) if ca <= t.idx < cb]
        found += [p for t in holders if (p := self.people.named(t, "party.owner") or self.people.side(t, SIDE_LABELS, "party.owner")) is not None]
        only_with = len(out) == 1 and out[0].rule == "party.with" and re.search(r"\bwith\s+(?:the\s+)?$", self.text[max(0, out[0].start - 12) : out[0].start], re.I)
        if mentions and only_with:
            # "Saddam ... rejected it following the cease-fire of the war with Iran": the other side of a
            # "with" is whoever the sentence is about.
            subject = self._subject_above(self.doc[mentions[0].head])
            if subject is not None:
                if subject.ent_type_ == "PERSON":
                    party = self.people.person_party(subject)
                elif subject.ent_type_ in ("ORG", "GPE"):
                    party = self.people.named(subject, "party.other_side")
                else:  # "the delegation addressed the agreement with X": the state the delegation acts for
                    party = self.people.body_party(subject, set(self.vocab.cues.state_body_nouns), "party.other_side_body")
                found += [party] if party is not None else []
        for p in found:
            # As the country: "Syrian" (the delegation's state) is not the "Syrian Democratic Forces" already found.
            if not any(same_name(affiliation_name(p.text), q.value[0]) or q.start <= p.start and p.end <= q.end for q in out):
                out.append(Term((p.text, p.entity_id), p.start, p.end, p.rule))
        # "X and Y reached an agreement for the acquisition of Y by Z": when the text says who made
        # it, the other names of the clause are not parties (unless tied to the agreement's name).
        named = [p for p in out if any(p.start <= t.idx < p.end for t in signers) or any(p.start == r.start for _, r in resolved)]
        if len(named) >= 2:
            out = [p for p in out if p in named or p.rule in _TIED_RULES]
        if mentions and all(self.proper_name(m) for m in mentions):
            # "found Iran in non-compliance with the Non-Proliferation Treaty": a treaty known by its name
            # is mentioned for what it says; names around it are parties only when they sign or join it.
            joining = signing | set(self.vocab.cues.joining_verbs)
            joined = [t for m in mentions for t in PeopleResolver.signers(self.doc[m.head], joining) + self._signatories(m)] + holders
            out = [p for p in out if p.rule not in _UNTIED_RULES or any(p.start <= t.idx < p.end for t in joined)]
        if sum(p.rule in ("party.phrase", "party.paired_name") for p in out) >= 2:
            # "Singh seeks Japan's blessing for the India-US pact": its name says who made it
            out = [p for p in out if p.rule not in _UNTIED_RULES]
        out = self._leaders_between(out)
        sides = self._between_sides(mentions, out)
        if len(sides) >= 2:
            # "Hamas rejected a deal reached between Fatah and Israel": the sides are named; the rest are onlookers.
            out = [p for p in out if p in sides or p.rule == "party.phrase"]
        return out

    def _anaphoric_signers(self, mentions: list[Mention], ca: int, cb: int, signing: set[str]) -> list[tuple]:
        """(token, party) for signers written as a pronoun or a description ("It has reached agreements",
        "the Polish oil concern had finalised another deal"), sides written as a description ("between
        the government and the rebels") and the side of "another deal, this time with X"."""
        verbs = signing | set(self.vocab.cues.signer_verbs)
        out = []
        for m in mentions:
            head = self.doc[m.head]
            sides = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("between", "with") for g in c.children if g.dep_ == "pobj"]
            sides += [g for t in sides for g in t.conjuncts]
            # "trade deals they have negotiated": a pronoun subject of a clause on the agreement
            clauses = [c for t in head.subtree if t.dep_ == "relcl" and t.lemma_ in verbs for c in t.children if c.dep_ == "nsubj" and c.pos_ == "PRON"]
            # "Its agreement with Y": whose agreement it is
            owners = [c for c in head.children if c.dep_ == "poss" and c.pos_ == "PRON"] if head.pos_ != "VERB" else []
            # "his involvement in a contract": who takes part in it
            taking_part = head.head.head if head.dep_ == "pobj" and head.head.lower_ == "in" else None
            if taking_part is not None and taking_part.lemma_.lower() in self.vocab.cues.participation_nouns:
                owners += [c for c in taking_part.children if c.dep_ == "poss" and c.pos_ == "PRON"]
            for t in PeopleResolver.signers(head, verbs) + sides + clauses + owners:
                if not ca <= t.idx < cb:
                    continue
                person = self.anaphora.person(t)
                if person is not None:
                    # "he signed": the state or organisation the person acts for, else the person
                    party = self.people.person_party(person) or self.people.person(person, "party.signer_person")
                    out += [(t, party)] if party is not None else []
                elif t.pos_ == "PRON" or t.pos_ == "NOUN" and not t.ent_type_:
                    out += [(t, party) for party in self.anaphora.resolve(t)]
            for t in self.anaphora.other_side(head):
                if ca <= t.idx < cb:
                    party = self.people.named(t, "party.this_time_with") or self.people.body_party(t, set(self.vocab.cues.state_body_nouns), "party.this_time_with")
                    if party is None and t.pos_ == "NOUN" and t.lemma_.lower() in self.vocab.cues.state_body_nouns:
                        s_c, e_c = self._chars(t.left_edge.i, t.i + 1)  # "the Slovak government" (a state the NER missed)
                        party = Party(s_c, e_c, self.text[s_c:e_c], None, "party.this_time_with")
                    out += [(t, party)] if party is not None else []
        return out

    def _announces_own(self, verb, mentions: list[Mention]) -> bool:
        """True when a speech verb's object is the agreement made "with" someone ("Netcom announced on
        Monday an agreement with Telefonica to ..."): the one announcing it is the other side (but not
        of "an agreement between X and Y", which it only reports)."""
        heads = {m.head for m in mentions}
        for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i in heads):
            preps = [c.lower_ for c in obj.children if c.dep_ == "prep"]
            if "with" in preps and "between" not in preps:
                return True
        return False

    def _signed_players(self, mentions: list[Mention], ca: int, cb: int) -> list:
        """"Leeds signed the winger Ivo Mandic to a four-year deal": the person signed to a contract is its other side."""
        out = []
        for m in mentions:
            head = self.doc[m.head]
            if head.dep_ == "dobj" and head.head.lemma_ in ("offer", "give", "hand", "award"):
                # "Barthez has been offered a contract", "offered Barthez a contract": the person it is for
                for who in (c for c in head.head.children if c.dep_ in ("nsubjpass", "dative") and c.ent_type_ == "PERSON"):
                    ent = self.people._ent(who)
                    if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                        out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
            prep = head.head if head.dep_ == "pobj" and head.head.lower_ in ("to", "on") else None
            verb = prep.head if prep is not None else None
            if verb is not None and verb.lemma_ == "agree":
                # "the Indians agreed to terms with pitcher Paul Byrd on a two-year deal": the one agreed with
                holders = [verb] + [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.lower_ == "terms"]
                for who in (g for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"):
                    ent = self.people._ent(who) if who.ent_type_ == "PERSON" else None
                    if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                        out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
                continue
            if verb is None or verb.lemma_ not in ("sign", "re-sign") or verb.pos_ != "VERB":
                continue
            for obj in (c for c in verb.children if c.dep_ == "dobj"):
                person = next((t for t in obj.subtree if t.ent_type_ == "PERSON" or t.dep_ == "appos" and t.pos_ == "PROPN"), None)
                ent = self.people._ent(person) if person is not None else None
                if ent is not None and ca <= ent.start_char and ent.end_char <= cb:
                    out.append(Party(ent.start_char, ent.end_char, ent.text, None, "party.signed_person"))
                elif person is not None and ca <= person.idx < cb:
                    # the small model often misses a foreign name: the proper nouns of the object's apposition
                    left = person.left_edge.i if person.dep_ == "appos" else person.i
                    first = min((c.i for c in person.lefts if c.dep_ == "compound"), default=person.i)
                    s_c, e_c = self._chars(max(left, first), person.i + 1)
                    out.append(Party(s_c, e_c, self.text[s_c:e_c], None, "party.signed_person"))
        return out

    def _with_agreement(self, span, mentions: list[Mention]) -> bool:
        """True when "with"/"between" before a name belongs to the agreement: on its name ("a deal with
        X"), on the verb it is the object of ("signed a deal with X"), or on a verb describing it ("a deal
        reached between X and Y"); not on another verb of its clause ("the deal lets people travel between A and B")."""
        prep = next((t for t in reversed(self.doc[max(0, span.start - 3) : span.start]) if t.lower_ in ("with", "between", "and")), None)
        if prep is None:
            return True
        if prep.lower_ == "and":
            return False  # tied only through the name before it (checked by the caller)
        owners = set()
        for m in mentions:
            head = self.doc[m.head]
            # its own phrase ("the cease-fire of the war with Iran", "a deal reached between X and Y")
            owners.update(t.i for t in head.subtree if t.pos_ != "VERB" or t.head == head)
            if head.dep_ in ("dobj", "nsubjpass", "nsubj") or head.pos_ == "VERB":
                owners.add(head.head.i if head.pos_ != "VERB" else head.i)
        return prep.head.i in owners

    def _between_sides(self, mentions: list[Mention], out: list[Term]) -> list[Term]:
        """The parties of "between X and Y" written just after an agreement's name ("a deal (reached) between ...")."""
        ends = [self.doc[m.end - 1].idx + len(self.doc[m.end - 1]) for m in mentions if self.doc[m.head].pos_ != "VERB"]
        first = next((
            p for p in out
            if _BETWEEN.search(self.text[max(0, p.start - 20) : p.start]) and any(0 <= p.start - e <= 40 for e in ends)
        ), None)
        if first is None:
            return []
        sides = [first]
        for p in out[out.index(first) + 1 :]:
            if _COORDINATED.fullmatch(self.text[sides[-1].end : p.start]):
                sides.append(p)
        return sides
