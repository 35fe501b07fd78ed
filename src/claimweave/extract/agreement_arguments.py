"""Reading an agreement's parties (organisations, states and groups named in its clause, including
names the NER missed, and the sides its name, its signatories and its purpose imply) from the clause
around it; its asset is read by ``AssetReader``, which this reader extends. Candidate names come from
``NameFinder``, the clause's scope from ``ClauseScope``, implied sides from ``SignerReader``."""

from __future__ import annotations

import re

from spacy.tokens import Doc

from claimweave.extract.agreement_anaphora import SignerResolver
from claimweave.extract.agreement_assets import AssetReader
from claimweave.extract.agreement_names import ACTING_FOR, DEMONYM_ENDINGS, SIDE_LABELS, SIDES, NameFinder
from claimweave.extract.agreement_people import PeopleResolver
from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_scope import ClauseScope
from claimweave.extract.agreement_side_shapes import SideShapes, countries
from claimweave.extract.agreement_signers import COORDINATED, UNTIED_RULES, SignerReader
from claimweave.extract.agreement_terms import same_name
from claimweave.extract.agreement_types import Mention, Term, called_by_name
from claimweave.extract.common import datelines, token_texts
from claimweave.extract.titles import affiliation_name
from claimweave.models import DocEntity, Role, Timex

__all__ = ["SIDE_LABELS", "ArgumentReader"]

_POSSESSIVE_THEN = re.compile(r"^['\u2019]s?\s")
_SOURCE_PEOPLE = {"official", "source", "spokesman", "spokeswoman", "spokesperson"}  # who speaks for a body
_OUTLETS = {"agency", "newspaper", "daily", "paper", "television", "radio", "channel", "network", "station", "magazine", "weekly", "website"}
_WITH = re.compile(r"\b(?:with|between|and)\s+(?:the\s+)?$", re.I)
# "reached at the joint meeting of the UN, the AU and ...": whom a meeting is of, before a name
_MEETING_OF = re.compile(r"\b(?:at|during|in)\s+(?:the|a|an|their|its)\s+(?:[\w-]+\s+){0,3}?(?P<noun>[a-z]+)\s+(?:of|between)\s+(?:the\s+)?$", re.I)
_STATE_DEPARTMENT = re.compile(r"\b(?:Department|Ministry|Dept\.)\b")
_PLACE_KINDS = frozenset(("state", "province", "region", "county", "municipality", "prefecture", "district", "emirate"))


def _one_state_once(doc, parties: list[Term]) -> list[Term]:
    """Parties with a state's department left out beside the state ("the US Department of Commerce"
    and "the United States"), and a bare "the government" when the one state its sentence names is the
    subject of a clause the government's signing is told inside: "the strategy Pakistan follows in its
    tribal belt, where the government signed a peace deal with militants" is Pakistan's deal, told
    twice. (Not a state the government's deal is about, "the government signed a deal allowing Syria to
    station troops", nor a speaker's, "Eritrea's minister said", nor a side "with" it.)"""
    named = {affiliation_name(p.value[0]) for p in parties} & countries()
    # "the US Department of Commerce ... ordering the United States to": a state's department beside the state
    parties = [p for p in parties if not (_STATE_DEPARTMENT.search(p.value[0]) and {affiliation_name(w) for w in p.value[0].split()} & named)]
    governments = [p for p in parties if p.value[0].lower() in ("the government", "the authorities") and p.rule in UNTIED_RULES]
    states = [p for p in parties if affiliation_name(p.value[0]) in countries() and p.rule in UNTIED_RULES]
    if len(governments) != 1 or len(states) != 1 or sum(1 for p in parties if affiliation_name(p.value[0]) in countries()) != 1:
        return parties
    gov, state = (doc.char_span(p.start, p.end, alignment_mode="expand") for p in (governments[0], states[0]))
    if gov is None or state is None or state.root.dep_ != "nsubj":
        return parties
    outer, inner = state.root.head, gov.root.head
    if gov.root.i not in {t.i for t in outer.subtree} or state.root.i in {t.i for t in inner.subtree}:
        return parties
    return [p for p in parties if p is not governments[0]]


class ArgumentReader(SignerReader, ClauseScope, NameFinder, SideShapes, AssetReader):
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

    def _name_end(self, m: Mention) -> int:
        """The token after a proper name that goes on past its head ("Agreement on the Global System of
        Trade Preferences Among Developing Countries")."""
        i, end = m.end, m.end
        while i < len(self.doc) and i - m.end < 16:
            t = self.doc[i]
            if t.text[:1].isupper() and not t.is_sent_start:
                end = i + 1
            elif t.lower_ not in ("of", "on", "the", "and", "among", "for", "in", "to", "-"):
                break  # (not "between": "the Partnership Agreement between the EU and Russia" names its sides)
            i += 1
        return end

    def proper_name(self, m: Mention) -> bool:
        """True for an agreement called by its proper name ("the Kyoto Protocol")."""
        return called_by_name(self.doc, m, self.vocab.kind_words)

    def _possesses_next(self, root, following: tuple) -> bool:
        """True when a possessor's noun is the name after it or is described by it ("Russia's Stroytransgaz",
        "Bolivia's state energy company YPFB"), not "Chile's trade agreement with China"."""
        if root.dep_ != "poss":
            return True  # (the parser left it unattached: go by the words)
        span = self.doc.char_span(following[0], following[1], alignment_mode="expand")
        owned = root.head
        # (a noun right before the name describes it, however the parser hung the name)
        return span is not None and (span.start <= owned.i < span.end or any(t.head.i == owned.i for t in span) or owned.pos_ == "NOUN" and owned.i + 1 == span.start)

    @staticmethod
    def _qualifies_a_side(tok) -> bool:
        """True for "Thai" in "the Thai and Polish justice ministries": demonyms that qualify bodies acting
        for their states, not "French and European aviation companies"."""
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        return tok.head.lemma_.lower() in SIDES

    def _conj_of_acting(self, span) -> bool:
        """True for "Mexico" in "ministers from the G7 and Mexico": a name coordinated with one after an acting noun."""
        tok = span.root
        while tok.dep_ == "conj" and tok.head.i != tok.i:
            tok = tok.head
        if tok.i == span.root.i or tok.i == 0:
            return False
        left = self.text[max(0, tok.left_edge.idx - 40) : tok.left_edge.idx]
        return bool(self.acting_for_left.search(left))

    def _their_subjects(self, mentions: list[Mention]) -> list[str]:
        """The coordinated named subjects whose agreement "their" says it is ("X and Y extended their
        accord"), as written with their compounds; empty when the clause has no such subjects."""
        out: list[str] = []
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB" or head.dep_ not in ("dobj", "nsubjpass") or not any(c.dep_ == "poss" and c.lower_ == "their" for c in head.children):
                continue
            subject = next((c for c in head.head.children if c.dep_ == "nsubj"), None)
            names = [subject, *subject.conjuncts] if subject is not None else []
            if len(names) >= 2 and all(t.pos_ == "PROPN" or t.ent_type_ for t in names):
                for t in names:
                    first = min((x.i for x in t.lefts if x.dep_ == "compound"), default=t.i)
                    out.append(self.doc[first : t.i + 1].text)
        return out

    def _signing_agents(self, mentions: list[Mention]) -> set[int]:
        """Tokens of the names a signing participle on an agreement's own phrase gives as its agent
        ("deals signed by Arafat", "the accord signed by X and Y"), with their compounds."""
        signing = set(self.vocab.cues.signed_verbs)
        out: set[int] = set()
        for m in mentions:
            head = self.doc[m.head]
            if head.pos_ == "VERB":
                continue
            for clause in (c for c in head.children if c.dep_ == "acl" and c.lemma_ in signing and c.tag_ == "VBN"):
                for agent in (g for c in clause.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"):
                    for t in [agent, *agent.conjuncts]:
                        if t.pos_ == "PROPN" or t.ent_type_:
                            out.update(x.i for x in t.subtree if x.dep_ in ("compound", "poss") or x == t)
        return out

    def _convened(self, left: str, after: str, root, mentions: list[Mention]) -> bool:
        """True for the first of the names a meeting is of, the meeting an agreement was reached or
        signed at ("agreements were reached at the joint meeting of the UN, the AU and the Sudanese
        government"); not one body that hosts it ("signed at a meeting of the African Union")."""
        met = _MEETING_OF.search(left)
        if met is None or not COORDINATED.match(after) or met.group("noun").lower() not in self.vocab.asset_words.event_nouns or root.dep_ != "pobj":
            return False
        meeting = root.head.head
        place = meeting.head if meeting.dep_ == "pobj" else None
        making = set(self.vocab.cues.signed_verbs) | set(self.vocab.cues.reach_verbs)
        if place is None or place.lower_ not in ("at", "during", "in") or place.head.lemma_ not in making:
            return False
        verb = place.head
        return any(self.doc[m.head].head.i == verb.i or m.head == verb.i for m in mentions)

    def _parties(self, ca: int, cb: int, tx: list[Timex], asset: Term | None, mentions: list[Mention]) -> list[Term]:
        """Parties named in the clause: organisations, states and groups that are not places or sources."""
        out: list[Term] = []
        # (by place; a name found twice, with and without an entity id, must not be compared by its id)
        spans = sorted(self._names(ca, cb) + [x for x in self._institutions(mentions) if ca <= x[0] and x[1] <= cb], key=lambda x: (x[0], x[1], x[2], x[3] or ""))
        # ("BEIJING, Nov. 14 (Xinhua) -- China and Kenya signed ...": where the story was filed from is no side)
        filed = datelines(self.text)
        spans = [x for x in spans if not any(ds <= x[0] and x[1] <= de for ds, de in filed)]
        # Names inside the agreement's own noun phrase ("the U.N.-Iraq accord", "Polly Peck's agreement").
        own = [(self.doc[m.head].left_edge.idx, self.doc[m.kind_start].idx) for m in mentions if self.doc[m.head].pos_ != "VERB"]
        kinds = [self._chars(m.kind_start, m.head + 1 if self.doc[m.head].pos_ == "VERB" else m.end) for m in mentions]
        # "the Agreement on Trade Preferences Among Developing Countries": words of its own name
        kinds += [self._chars(m.kind_start, self._name_end(m)) for m in mentions if self.proper_name(m)]
        # "the Stability and Growth Pact": the untagged words before the kind word of a proper name are more of it
        named_own = [(self.doc[m.head].left_edge.idx, self.doc[m.kind_start].idx) for m in mentions if self.proper_name(m)]
        address: set[int] = set()
        blocked: set[int] = set()
        bodies = set(self.vocab.cues.institution_nouns) | set(self.vocab.cues.side_nouns)
        signing = set(self.vocab.cues.signed_verbs)
        signer_tokens = {t.i for m in mentions for t in PeopleResolver.signers(self.doc[m.head], signing) if self.doc[m.head].pos_ != "VERB"}
        for k, (s, e, text, eid) in enumerate(spans):
            if any(t.start < e and s < t.end for t in tx) or any(ks < e and s < ke for ks, ke in kinds):
                continue  # "the Non-Proliferation Treaty" names the agreement, not a party
            if text.lower() in self.vocab.goods_words:
                continue  # "a contract to buy LNG from Oman": goods the model took for a name, not a party
            span = self.doc.char_span(s, e, alignment_mode="expand")
            # (an address is not the first of two names: "In Moscow, Gazprom and Naftogaz signed" is no address)
            closed = not re.match(r"\s+(?:and|or)\s", self.text[e : e + 6])
            if span is not None and span.root.ent_type_ == "GPE" and closed and k > 0 and self.text[spans[k - 1][1] : s] == ", " and (
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
            # (a name the model took for a place is a company too, unless it is a country: "a 20 percent stake in Mazda")
            held = root.ent_type_ == "ORG" or company or root.ent_type_ == "GPE" and affiliation_name(text) not in countries()
            target = in_asset and held and bool(self.target_left.search(left))
            # "to purchase La Jolla Bancorp": a company that is itself what is bought is a party too.
            # (also one the asset ends with, after words describing it: "to acquire US shipping group APL Limited")
            bought = in_asset and (self._is_name(*self._token_range(asset)) or e == asset.end)
            target = target or bought and asset.rule in ("asset.use_object", "asset.noun_of") and self._is_company(span.start, span.end)
            # "sell National Aluminum's rolling division", "a base on Ukraine's peninsula": the owner is a party.
            owner = in_asset and root.dep_ == "poss" and root.head.pos_ == "NOUN" and root.ent_type_ in ("ORG", "GPE")
            # (not where what it covers stands: "a plant in Malaysia's northern Kedah state")
            owner = owner and not (root.head.lower_ in _PLACE_KINDS and root.head.dep_ == "pobj" and root.head.head.lower_ in ("in", "at", "near"))
            # (also a company written after "of": "to acquire the consulting businesses of Hunter Inc.")
            # (of what a verb says is bought, not of a topic: "an agreement on the management of the Fund")
            owner = owner or in_asset and asset.rule in ("asset.agreed_object", "asset.use_object") and root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.pos_ == "NOUN" and (root.ent_type_ == "ORG" or company)
            # "to buy Yukos' majority stake", "to purchase 150 Airbus planes": whose stake or make is bought sells it.
            seller = in_asset and not owner and self._seller_of_bought(root)
            # "the India-US pact", "the Nepal-India commerce treaty": names joined by a hyphen on the
            # agreement's own name are its sides (even where the name also says what it covers)
            paired = any(root.head.i == m.head or root.head.head.i == m.head and root.head.dep_ == "compound" for m in mentions) and (self.text[s - 1 : s] == "-" or self.text[e : e + 1] == "-")
            # "a long-term gas contract for Ruritania": the state or company an agreement is made for (not
            # a place it serves: "a deal for Gaza")
            beneficiary = root.dep_ == "pobj" and root.head.lower_ == "for" and (root.ent_type_ == "ORG" or root.ent_type_ == "GPE" and affiliation_name(text) in countries()) and any(
                root.head.head.i == m.head and self.doc[m.head].pos_ != "VERB" for m in mentions
            )
            if eid is None and not paired and any(a <= s and e <= b for a, b in named_own):
                continue
            if in_asset and not (target or owner or seller or paired or beneficiary):
                if root.ent_type_ == "GPE":
                    address.add(k)  # ("the businesses of Hunter Inc. of Southport, Conn.": the state after it is a place too)
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
            # "a splinter of the X Front, which signed a treaty": the name a relative clause signing it describes
            signed = any(span.start <= i < span.end for i in signer_tokens)
            # "its acquisition of Harrow Inc.": the company a purchase is of is bought, a side
            acquired = root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_ in self.vocab.cues.transfer_words and (root.ent_type_ == "ORG" or company)
            # "became the 28th member of the European Union": the body joined is a side
            joined = any(m.rule.id == "kind.accession_join" and m.start <= root.i < m.end for m in mentions)
            convened = self._convened(left, self.text[e : e + 40], root, mentions)
            if self.vocab.party_block.search(left) and not (target or owner or seller or acting or doer or route or signed or beneficiary or acquired or joined or convened or self._from_seller(root, mentions)):
                address.add(k)  # "in Aurora, Colo.": the state after a place is a place too
                blocked.add(root.i)
                continue
            first = root
            while first.dep_ == "conj" and first.head.i != first.i:
                first = first.head
            if first.i in blocked:
                continue  # "backed by Russia and China": the second of two names is where the first is
            # "between the Thai and Polish justice ministries": coordinated demonyms name their states.
            # ("the Philippine and US governments": a demonym and a name)
            demonym_pair = root.ent_type_ == "NORP" and (
                root.dep_ == "conj" and root.head.ent_type_ in ("NORP", "GPE") or any(c.dep_ == "conj" and c.ent_type_ in ("NORP", "GPE") for c in root.children)
            ) and self._qualifies_a_side(root)
            # "with the UN, the AU and the Sudanese government": a demonym on a state body, further on in a
            # list of sides
            listed_body = root.ent_type_ == "NORP" and root.dep_ == "amod" and root.head.i == span.end and root.head.lemma_.lower() in self.vocab.cues.state_body_nouns and (
                bool(out) and out[-1].rule == "party.with" and bool(COORDINATED.fullmatch(self.text[out[-1].end : s]))
            )
            if root.pos_ not in ("PROPN", "NOUN") and not demonym_pair and not listed_body:
                continue
            # "54 F-4E Phantom aircraft": a model name qualifies a noun through the unnamed words after it
            qualifier = root
            while qualifier.dep_ == "compound" and qualifier.head.pos_ == "PROPN" and not qualifier.head.ent_type_ and qualifier.head.i > qualifier.i:
                qualifier = qualifier.head
            # ("between Lagos state and a consortium": a place's name with its own kind of place is the place)
            own_place = root.ent_type_ == "GPE" and qualifier.head.lower_ in _PLACE_KINDS
            if (qualifier.dep_ == "compound" or qualifier.dep_ == "amod" and qualifier.pos_ == "PROPN" and qualifier.ent_type_ != "NORP") and qualifier.head.pos_ == "NOUN" and qualifier.head.lemma_ not in ACTING_FOR and not own_place and not company and not paired and not seller and not (
                root.ent_type_ == "ORG" and qualifier.head.lemma_ in bodies and not any(c.pos_ == "PROPN" and c.i > qualifier.head.i for c in qualifier.head.children)
            ):
                continue  # "Tartus dockworkers", "the LIN shares": a name qualifying a noun (but "Gazprom officials" act for it, "the X union" is X)
            if self._mediator(root):
                continue  # "Sri Lanka's peace broker Norway": who brokers an agreement is not its side
            if root.pos_ == "NOUN" and root.lemma_.lower() in self.vocab.cues.people_nouns and any(
                c.dep_ == "prep" and c.lower_ in ("from", "of") and any(g.dep_ == "pobj" for g in c.children) for c in root.children
            ):
                continue  # "signed by officials from the X Ministry and the Y Agency": the bodies they come from are the sides
            # "the newspaper Folha reported", "the Interfax news agency reported"
            speaker = root.head if root.dep_ == "appos" or root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.lemma_.lower() in _OUTLETS else root
            if root.dep_ == "compound" and root.head.lemma_.lower() in _SOURCE_PEOPLE:
                speaker = root.head  # "..., defence ministry officials said": the body of the sources
                said = self.doc[speaker.i + 1] if speaker.i + 1 < len(self.doc) else speaker
                if not speaker.dep_.startswith("nsubj") and said.lemma_ in self.vocab.cues.party_speech_verbs and not any(c.dep_.startswith("nsubj") for c in said.children):
                    continue  # (the parser hung the sources on the sentence's last noun: "... fighter jets, defence ministry officials said")
            if speaker.lemma_.lower() in _OUTLETS and any(c.dep_ in ("acl", "relcl") and c.lemma_ in self.vocab.cues.party_speech_verbs for c in speaker.children):
                continue  # ", the Interfax news agency reported": a source the parser hung on the clause
            if speaker.dep_ in ("dobj", "dative") and speaker.head.lemma_ in ("tell", "ask", "inform"):
                continue  # "told AFP": whom a speaker talks to is no party
            if speaker.dep_.startswith("nsubj") and speaker.head.lemma_ in self.vocab.cues.party_speech_verbs:
                # "Dataproducts said it filed ...": a speaker reporting its own act is a party; a source is not.
                reported = [c for c in speaker.head.children if c.dep_ == "ccomp"]
                if not any(g.dep_.startswith("nsubj") and g.lower_ in ("it", "they", "we") for c in reported for g in c.children) and not self._announces_own(speaker.head, mentions):
                    continue
            between = self.text[e : spans[k + 1][0]] if k + 1 < len(spans) else ""
            if not owner and root.dep_ == "poss" and root.head.dep_ == "appos" and root.head.pos_ == "NOUN" and not any(root.head.i == m.head for m in mentions):
                continue  # "Hutchison Essar, India's fourth-largest mobile operator": where a company is from
            if not owner and _POSSESSIVE_THEN.match(between) and re.fullmatch(r"['\u2019]s?\s+(?:[a-z][\w-]*\s+){0,4}", between) and self._possesses_next(root, spans[k + 1]):
                continue  # "Russia's Stroytransgaz", "Bolivia's state energy company YPFB": the possessor is not a party of its own
            # A name said twice is one party, kept where it is first written, unless only a mention tied
            # to the agreement by "with"/"between" holds it ("then US President Clinton ... the signing of
            # NAFTA between Mexico, Canada and the United States").
            twice = next((p for p in out if same_name(text, p.value[0])), None)
            if twice is not None and not (twice.rule in UNTIED_RULES and _WITH.search(left)):
                continue
            if text.split()[-1].lower() in self.vocab.cues.not_party_heads:
                continue  # "the Korean War", "the Joint Declaration", "the Doha Round": events and texts
            if any(c.dep_ == "conj" and c.lower_ in self.vocab.cues.not_party_heads and any(d.dep_ == "compound" for d in c.children) for c in root.children):
                continue  # "the Oslo and Tokyo Declaration": the first of two names of texts
            if root.ent_type_ == "NORP" and (text.lower().endswith(DEMONYM_ENDINGS) or affiliation_name(text) != text) and not demonym_pair and root.dep_ in ("amod", "compound") and root.head.lemma_.lower() not in ACTING_FOR:
                continue  # "Zimbabwean President X": an adjective, not a party (but "Egyptian officials" act for their state)
            if root.ent_type_ == "NORP" and root.dep_ in ("amod", "compound") and root.head.ent_type_ in ("GPE", "ORG") and root.head.i >= span.end:
                continue  # "Communist North Korea": a word describing the party named after it
            trimmed = re.sub(r"\s*['\u2019]s?$", "", text)
            e, text = s + len(trimmed), trimmed
            body = root.head
            if root.dep_ in ("amod", "compound") and body.i == span.end and body.lemma_.lower() in self.vocab.cues.state_body_nouns and affiliation_name(text) != text and not demonym_pair:
                # "signed by Chevron and the Angolan government": the body, as written, not its adjective
                det = span.start - 1 if span.start > 0 and self.doc[span.start - 1].dep_ == "det" and self.doc[span.start - 1].head == body else span.start
                s, e = self.doc[det].idx, body.idx + len(body)
                text = self.text[s:e]
            if owner:
                rule = "party.asset_owner"
            elif seller:
                rule = "party.seller"
            elif route:
                rule = "party.route"
            elif beneficiary:
                rule = "party.for"
            elif any(os_ <= s and e <= oe for os_, oe in own):
                rule = "party.phrase"
            else:
                # "between Mexico, Canada and the United States": every name of the list after it
                listed = bool(out) and out[-1].rule == "party.with" and bool(COORDINATED.fullmatch(self.text[out[-1].end : s]))
                tied = listed or convened or _WITH.search(left) and (not mentions or self._with_agreement(span, mentions))
                # "the agreement says people can travel between Gaza and the West Bank": a "between" far
                # from the agreement's name is about something else.
                rule = "party.with" if tied else ("party.clause" if eid else "party.name")
            if twice is not None:
                if rule != "party.with":
                    continue
                out.remove(twice)
            out.append(Term((text, eid), s, e, rule))
        purpose = self._purpose_clauses(mentions)
        # "sign a deal to provide Gaza with electricity": a place the deal is for is no side of it
        # (but "an agreement to purchase a satellite from China": the seller is)
        partnered = any(p.rule == "party.with" for p in out)
        out = [p for p in out if p.rule not in UNTIED_RULES or not self._place_served(self.doc[self._token_at(p.start)], purpose, partnered)]
        # "The Arab League sent observers to monitor a fragile ceasefire", "a truce brokered by Qatar's
        # envoy": who brokers or watches over an agreement is not its side
        brokers = self._brokers(mentions) | self._made_under(mentions) | self._commenters(mentions) | self._approvers(mentions) | self._passed_over(mentions)
        out = [p for p in out if p.rule not in UNTIED_RULES or self._token_at(p.start) not in brokers]
        agents = self._signing_agents(mentions)
        if agents:
            # "Hamas rejected former peace deals signed by Arafat and refused to recognize Israel": the
            # agreement says who signed it; the other names of the clause are other actors
            out = [p for p in out if p.rule not in UNTIED_RULES or any(self._token_at(p.start) <= i < self._token_at(p.end) for i in agents)]
        owners = self._their_subjects(mentions)
        kept = [p for p in out if p.rule not in UNTIED_RULES or any(same_name(p.value[0], n) for n in owners)]
        if owners and len(kept) >= 2:
            # "LIN and BellSouth sweetened their merger agreement in an attempt to keep holders from tendering
            # to McCaw": "their" agreement is the subjects'; the clause's other names are other actors
            out = kept
        region = self._own_clause(mentions)
        if region is not None:
            # "Israel objected to Hamas standing, arguing that the Oslo accords bar violent parties": names
            # of the clauses above the agreement's own are about something else.
            out = [p for p in out if p.rule not in UNTIED_RULES or self._token_at(p.start) in region]
        return _one_state_once(self.doc, self._represented(ca, cb, mentions, out))
