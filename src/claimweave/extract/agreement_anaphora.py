"""Who signed an agreement, when the text names the signer by a pronoun or a description: "It has
already reached agreements ..." -> the state or organisation the paragraph's last sentences are
about; "the Polish oil concern had finalised another deal" -> the organisation the story introduced
as "the Polish group PKN Orlen"; "between the government and the rebels" -> "the rebel Lord's
Resistance Army". Also "another deal, this time with X": X is the deal's other side.

Resolution is conservative: when the nearest candidate does not agree in kind, or two different
entities fit a description equally, nothing is returned (a wrong party is as bad as a missing one).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimweave.extract.agreement_people import Party, proper_noun_party
from claimweave.extract.agreement_rules import Cues
from claimweave.extract.titles import affiliation_name
from claimweave.models import DocEntity

SUBJECT_DEPS = ("nsubj", "nsubjpass")
NAMED_LABELS = ("GPE", "ORG")
COUNTING = {"two", "both", "three", "all", "other", "another", "each", "every", "several", "many", "some", "those", "these"}
NAME_LABELS = ("ORG", "PERSON", "GPE", "NORP", "FAC", "LOC", "PRODUCT", "WORK_OF_ART")
# Modifiers of a name or a description, as written before it ("the Polish oil group X").
DESCRIBING_DEPS = ("amod", "compound", "nmod")
# Personal pronouns by gender: a chain of the same one ("he ... he ... his") keeps one referent.
PERSONAL = ({"he", "him", "his"}, {"she", "her", "hers"})


class SignerResolver:
    """Resolves pronoun and description signers to named entities in one Doc."""

    def __init__(self, doc: Doc, entities: list[DocEntity], cues: Cues, *, window: int = 2) -> None:
        self.doc, self.window = doc, window
        self.pronouns = {p.lower() for p in cues.signer_pronouns}
        self.speech_verbs = set(cues.party_speech_verbs)
        self.classes: dict[str, set[str]] = {}
        self.latest_only = {c.id for c in cues.description_classes if c.latest_only}
        self.members = {w.lower() for c in cues.description_classes for w in c.members}
        for c in cues.description_classes:
            for w in c.nouns:
                self.classes.setdefault(w.lower(), set()).add(c.id)
        # Plural nouns for those who could make an agreement ("officials", "companies", "sides").
        self.agents = {w.lower() for w in cues.state_body_nouns + cues.side_nouns + cues.institution_nouns + cues.people_nouns}
        self.entity_at = {(m.start, m.end): e for e in entities for m in e.mentions}
        self.sentences = list(doc.sents)
        self.sentence_of = {t.i: k for k, s in enumerate(self.sentences) for t in s}

    # ------------------------------------------------------------------ entry points

    def resolve(self, token: Token) -> list[Party]:
        """The named entities a pronoun or description signer refers to; none when unsure."""
        if token.lower_ in self.pronouns and token.pos_ == "PRON":
            if token.lower_ in ("they", "their"):
                return self._coordinated(token)
            party = self._pronoun(token)
        else:
            party = self._description(token) if token.pos_ == "NOUN" else None
        return [party] if party is not None else []

    def other_side(self, head: Token) -> list[Token]:
        """"another deal, this time with the Lithuanian government": the object of "with" on a "this
        time" written right after the agreement (the parser hangs it on the verb or on the noun)."""
        out = []
        for time in (t for t in head.sent if t.lower_ == "time" and t.dep_ in ("npadvmod", "appos", "advmod", "conj")):
            if not any(c.lower_ == "this" for c in time.children) or not 0 < time.i - head.i <= 4:
                continue
            out += [g for p in time.children if p.dep_ == "prep" and p.lower_ == "with" for g in p.children if g.dep_ == "pobj"]
        return out

    # ------------------------------------------------------------------ pronouns

    def _pronoun(self, token: Token) -> Party | None:
        """"it"/"its": the nearest earlier subject (this sentence and the ``window`` before it) that is a
        named state or organisation, unless a nearer unnamed singular subject ("the plan") may be what
        it means, or the name is one of several coordinated ("Mexico and China ... It")."""
        for cand in self._earlier_subjects(token):
            if cand.pos_ == "PRON":
                continue  # an earlier pronoun refers to the same thing, or to someone: look further back
            ent = self._ent(cand)
            if ent is not None and ent.label_ == "PERSON":
                continue  # "it" is never a person
            if ent is None and self._says_it(cand, token):
                return proper_noun_party(cand, "party.signer_anaphor")  # "Gazprom said it had signed" (a name the NER missed)
            if ent is None or ent.label_ not in NAMED_LABELS:
                if cand.pos_ == "NOUN" and cand.tag_ != "NNS":
                    return self._description(cand)  # "the Czech company said it ...": whom that describes
                continue
            if any(self._named(c) for c in cand.conjuncts):
                return None
            return self._party(ent, "party.signer_anaphor")
        return None

    def _says_it(self, cand: Token, token: Token) -> bool:
        """True for an untagged proper noun that says what "it" did in the clause it reports ("Gazprom
        said it had signed ...") or whose own object "its" is in ("Adidas has extended its sponsorship
        deal"): "it" said of a name is a company or a body, never a person."""
        verb = cand.head
        if cand.pos_ != "PROPN" or cand.dep_ != "nsubj" or token.lower_ not in ("it", "its") or cand.lower_ in self.agents:
            return False
        if token.lower_ == "its" and token.dep_ == "poss" and token.head.dep_ == "dobj" and token.head.head == verb:
            return True
        return self._reports(verb, token)

    def _reports(self, verb: Token, token: Token) -> bool:
        """True for a verb of saying whose reported clause holds ``token`` ("X said it had signed")."""
        return verb.lemma_ in self.speech_verbs and any(c.dep_ == "ccomp" and token in c.subtree for c in verb.children)

    def person(self, token: Token) -> Token | None:
        """"he"/"his": the named person who is the nearest earlier subject, following a chain of the same
        pronoun back ("Wen Jiabao was due ... he wraps up ...\n\nThe focus of his trip ..."); none when a
        subject who could be someone else ("the minister", "officials") comes between."""
        gender = next((g for g in PERSONAL if token.lower_ in g), None)
        if gender is None or token.pos_ != "PRON":
            return None
        last = token
        for t in reversed(self.doc[: token.i]):
            if t.lower_ in gender and t.pos_ == "PRON":
                last = t  # the same pronoun again: the same person, however far the story has run
                continue
            if self._far(t, last):
                return None
            # ("Hayward, 29, played in 16 Tests": the parser may make the name opening the sentence its root)
            if t.dep_ not in SUBJECT_DEPS and not (t.dep_ == "ROOT" and t.pos_ == "PROPN") or t.pos_ == "PRON":
                continue
            ent = self._ent(t)
            if ent is not None and ent.label_ == "PERSON":
                return t
            if t.pos_ == "NOUN" and t.lemma_.lower() in self.agents:
                return None
        return None

    def _coordinated(self, token: Token) -> list[Party]:
        """"forcing Colombia and Peru to decide ... deals they have negotiated": "they" is the nearest
        earlier coordination of named states or organisations (whatever its role), unless a plural
        subject without a name comes between ("officials said they ...")."""
        k = self.sentence_of[token.i]
        first = self.sentences[max(0, k - 1)].start
        for t in reversed(self.doc[first : token.i]):
            if self._far(t, token):
                return []
            if t.dep_ in SUBJECT_DEPS and t.pos_ == "NOUN" and t.tag_ == "NNS" and not t.ent_type_ and (t.lemma_.lower() in self.agents or self._classes(t)):
                return self._speakers_body(t, token)  # (but "concessions", a thing, cannot be who negotiated)
            if t.dep_ == "conj" or not self._named(t) or self._ent(t).root != t:
                continue
            names = [t] + [c for c in t.conjuncts if c.i > t.i]
            if len(names) < 2 or not all(self._named(c) for c in names) or any(c.i >= token.i for c in names):
                continue
            ents = [self._ent(c) for c in names]
            return [self._party(e, "party.signer_anaphor") for e in ents]
        return []

    def _speakers_body(self, speakers: Token, token: Token) -> list[Party]:
        """"Gazprom officials said they had signed ...": the body or state whose officials report what
        "they" did (named on them), else nothing."""
        verb = speakers.head
        if not self._reports(verb, token):
            return []
        owner = next((c for c in speakers.children if c.dep_ in ("compound", "amod", "poss") and (c.pos_ == "PROPN" or c.ent_type_ in ("ORG", "GPE", "NORP"))), None)
        if owner is None:
            return []
        ent = self._ent(owner)
        return [self._party(ent, "party.signer_anaphor") if ent is not None else proper_noun_party(owner, "party.signer_anaphor")]

    def _earlier_subjects(self, token: Token):
        """Subjects before ``token``, nearest first, up to ``window`` sentences and one paragraph back."""
        k = self.sentence_of[token.i]
        first = self.sentences[max(0, k - self.window)].start
        for t in reversed(self.doc[first : token.i]):
            if t.dep_ not in SUBJECT_DEPS:
                continue
            if self._far(t, token):
                return
            yield t

    def _far(self, earlier: Token, token: Token) -> bool:
        """True when a paragraph lies between two tokens: wire stories write a paragraph a sentence,
        so the paragraph just before is still near ("Turkey and Israel boosted their ties.\n\nThey
        signed two pacts"), one further back is not."""
        return self.doc.text.count("\n\n", earlier.idx, token.idx) > 1

    # ------------------------------------------------------------------ descriptions

    def _description(self, token: Token) -> Party | None:
        """"the Polish oil concern", "the rebels": the latest organisation written with a noun of the
        same class (and the same nationality, when the description gives one); none when two different
        ones fit a description without a nationality."""
        cls = self._classes(token)
        if not cls or not any(c.dep_ == "det" and c.lower_ == "the" for c in token.children):
            return None
        if any(c.dep_ in ("nummod", "quantmod") or c.lower_ in COUNTING for c in token.children):
            return None  # "the two companies", "the other group": several, or someone else
        if token.tag_ == "NNS" and token.lower_ not in self.members:
            return None  # "the companies", "the factions" are several; "the rebels" are one group's fighters
        if token.ent_type_ or any(c.dep_ in ("poss", "prep") or c.dep_ in ("appos", "compound") and c.pos_ == "PROPN" and not self._nationalities_of([c]) for c in token.children):
            return None  # "the rebel group Hamas", "the firm's unit", "the group of ...": named or someone else's
        wanted = self._nationalities(token)
        found: dict[str, tuple[Span, set[str]]] = {}
        for ent in self.doc.ents:
            # (whatever the small model took it for: "the Polish group PKN Orlen" is tagged a person, "the
            # mining firm Borealis" a place; the description says what it is)
            if ent.end > token.i or ent.label_ not in NAME_LABELS:
                continue
            heads, words = self._described_by(ent)
            shared = {c for w in heads for c in self._classes(w) & cls}
            if not shared:
                continue
            if wanted and not wanted <= self._nationalities_of(words):
                continue
            entity = self.entity_at.get((ent.start_char, ent.end_char))
            found[entity.id if entity else ent.text] = (ent, shared)  # the latest mention of each entity
        if not found:
            return None
        if len(found) > 1 and not wanted:
            return None  # "the company" after two companies: which one?
        ent, shared = max(found.values(), key=lambda e: e[0].start)
        # ("the militant group" for "the Hezbollah guerrillas" is an armed group's description, not a company's)
        if not wanted and shared & self.latest_only and any(e.label_ == "ORG" and ent.end <= e.start and e.end <= token.i and self._other(e, ent) for e in self.doc.ents):
            return None  # "the oil firm Rosneft ... Exxon ... the company": the one named last may be meant
        return self._party(ent, "party.signer_description")

    def _described_by(self, ent: Span) -> tuple[list[Token], list[Token]]:
        """The nouns a name is described by where it is written, and all their words: "the Polish group
        PKN Orlen", "Russian oil group Yukos", "the rebel Lord's Resistance Army", "MOL, the Hungarian
        oil firm" (but not "group leader John Smith": "group" describes the leader)."""
        root, inside = ent.root, range(ent.start, ent.end)
        left = [t for t in self.doc[max(0, ent.start - 5) : ent.start] if t.dep_ in DESCRIBING_DEPS]
        heads = [t for t in left if t.head.i in inside]
        words = heads + [t for t in left if t.head in heads]
        nouns = [c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if root.dep_ == "appos" and root.head.pos_ == "NOUN":
            nouns.append(root.head)
        if root.dep_ == "compound" and root.head.pos_ == "NOUN" and root.head.i == ent.end:
            nouns.append(root.head)  # "the Orlen group"
        for n in nouns:
            heads.append(n)
            words += [n] + [c for c in n.children if c.dep_ in DESCRIBING_DEPS]
        return heads, words

    def _nationalities(self, token: Token) -> set[str]:
        return self._nationalities_of([c for c in token.children if c.dep_ in DESCRIBING_DEPS])

    @staticmethod
    def _nationalities_of(words: list[Token]) -> set[str]:
        """The countries named by nationality words ("Polish" -> Poland)."""
        return {name for w in words if w.pos_ in ("ADJ", "PROPN") and (name := affiliation_name(w.text)) != w.text}

    # ------------------------------------------------------------------ helpers

    def _classes(self, token: Token) -> set[str]:
        return self.classes.get(token.lemma_.lower(), set()) | self.classes.get(token.lower_, set())

    def _other(self, a: Span, b: Span) -> bool:
        """True when two mentions name different entities (by entity id, else by their words)."""
        ea, eb = self.entity_at.get((a.start_char, a.end_char)), self.entity_at.get((b.start_char, b.end_char))
        if ea is not None and eb is not None:
            return ea.id != eb.id
        return a.text not in b.text and b.text not in a.text

    def _ent(self, token: Token) -> Span | None:
        return next((e for e in self.doc.ents if e.start <= token.i < e.end), None)

    def _named(self, token: Token) -> bool:
        ent = self._ent(token)
        return ent is not None and ent.label_ in NAMED_LABELS

    def _party(self, ent: Span, rule: str) -> Party:
        entity = self.entity_at.get((ent.start_char, ent.end_char))
        return Party(ent.start_char, ent.end_char, ent.text, entity.id if entity else None, rule)
