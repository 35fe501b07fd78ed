"""Finding the phrases that name agreements in a sentence, grouping those that name the same
agreement ("a 2019 deal granted ... a 49-year lease") and cutting the sentence into clauses.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimweave.extract.agreement_people import countries
from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_side_shapes import HYPHENS, paired_sides
from claimweave.extract.agreement_terms import companies_bought, how_many, spells, verb_above
from claimweave.extract.agreement_types import RUNS_AS_NOUN, Mention, called_by_name
from claimweave.extract.agreement_wanted import WantedReader, governing
from claimweave.extract.common import analysed_text
from claimweave.extract.titles import affiliation_name

_NOUN_DEPS = ("dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj")  # a noun's places (a verb's "conj" has no article)
def _as_a_name(t: Token) -> bool:
    """True for initials standing as a name of their own: not a word describing another ("RTA/FTA
    chapters", "FTA talks") and not a name the NER gives to something else ("The EPA said")."""
    describing = t.dep_ in ("compound", "amod", "nmod") or t.i + 1 < len(t.doc) and t.doc[t.i + 1].text in ("/", "-")
    return not describing and t.ent_type_ not in ("ORG", "GPE", "PERSON")


DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such", "both", "either"}
PLURAL_HEADS_SINGULAR = {"rights"}
_RULING_BODIES = ("tribunal", "court", "regulator", "watchdog", "commission", "authority", "agency", "judge")  # who rules on others' deals
_RULING_VERBS = ("approve", "clear", "block", "reject", "authorise", "authorize", "endorse", "veto")  # a regulator's say on a deal
_MEASURES = ("MONEY", "DATE", "CARDINAL", "QUANTITY", "PERCENT", "TIME")  # a term or a value written on a name
ACRONYM = re.compile(r"[A-Z][A-Z0-9&-]{1,7}")
NAME_LINKS = {"of", "on", "for", "and", "the", "to", "-"}


YEAR = re.compile(r"(?:1[89]|20)\d\d")


# Where doc.user_data keeps the (head index, kind rule) of each agreement named only as sought.
SOUGHT_KEY = ("claimweave", "sought_agreements")


def sought_before(doc: Doc, mention: Mention, since: int) -> bool:
    """True when the nearest earlier naming of a mention's kind, after token ``since``, is of one only
    sought ("talks toward a global trade accord ... implementation of the overall accord")."""
    kind = mention.rule
    return any(
        since <= i < mention.start and (rule.kind == kind.kind or rule.generic and kind.generic)
        for i, rule in doc.user_data.get(SOUGHT_KEY, [])
    )


class MentionFinder:
    """Agreement names in a Doc: kind nouns from the vocabulary, "joined NATO", "leased X"."""

    def __init__(self, nlp: Language, vocab: Vocabulary) -> None:
        self.vocab = vocab
        self.wanted = WantedReader(vocab)
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in vocab.kinds:
            if rule.terms:
                self.matcher.add(rule.id, list(nlp.tokenizer.pipe(rule.terms)))

    def names(self, doc: Doc) -> list[Span]:
        """Agreement names, with the acronyms the document defines for them ("a cease-fire agreement
        (CFA)" ... "the CFA") wherever the acronym occurs, and the initials it uses for them without a
        definition ("a production sharing agreement" ... "the PSA") wherever they stand as a name."""
        found = filter_spans(self.matcher(doc, as_spans=True))
        labels, initials = {}, set()
        for span in found:
            acronym = self.acronym(doc, span)
            if acronym is not None:
                labels.setdefault(acronym, span.label_)
                if self._defined_acronym(doc, span) is None:
                    initials.add(acronym)
        # The acronym in its brackets is the name again, not another agreement.
        found = [s for s in found if not (len(s) == 1 and s.text in labels and s.start > 0 and doc[s.start - 1].text == "(")]
        extra = [
            Span(doc, t.i, t.i + 1, label=labels[t.text])
            for t in doc
            if t.text in labels and not (t.i > 0 and doc[t.i - 1].text == "(") and (t.text not in initials or _as_a_name(t))
        ]
        return filter_spans(found + extra)

    @staticmethod
    def mend_tags(names: list[Span]) -> None:
        """Tag as a noun a kind word the tagger read as a verb although the parser made it a noun with
        its article ("signed a 10-year gas supply deal worth ..." -> "deal"/VBP as the object, with "a"
        as its determiner), so that the readers after this one see the agreement it names."""
        for span in names:
            head = span[-1]
            # (or "The fisheries deal between X and Y was signed": the article on the noun before it, which
            # the parser made its subject)
            fronted = any(
                c.dep_ == "nsubj" and c.i == head.i - 1 and c.tag_ in ("NN", "NNS") and any(d.dep_ in ("det", "poss") for d in c.children) for c in head.children
            )
            if head.pos_ == "VERB" and head.dep_ in _NOUN_DEPS and (fronted or any(c.dep_ in ("det", "poss") for c in head.children)):
                head.pos_ = "NOUN"
                head.tag_ = "NNS" if head.lower_.endswith("s") else "NN"

    @staticmethod
    def acronym(doc: Doc, span: Span) -> str | None:
        """The acronym written in brackets right after an agreement's name ("... agreement (PSA)"), or
        the initials of its name when the story uses them later without defining them ("a production
        sharing agreement ... Under the PSA"), if any."""
        return MentionFinder._defined_acronym(doc, span) or MentionFinder._initials_used(doc, span)

    @staticmethod
    def _initials_used(doc: Doc, span: Span) -> str | None:
        start = span.start
        # the describing words before the kind word: "a free trade agreement", "a cease-fire agreement"
        while start > 0 and (doc[start - 1].dep_ in ("compound", "amod") and doc[start - 1].head.i in range(start, span.end) or doc[start - 1].text == "-"):
            start -= 1
        letters = "".join(t.text[0] for t in doc[start : span.end] if t.is_alpha).upper()
        if len(letters) < 3:
            return None  # (two letters name too many other things)
        return letters if any(t.text == letters and _as_a_name(t) for t in doc[span.end :]) else None

    @staticmethod
    def _defined_acronym(doc: Doc, span: Span) -> str | None:
        i = span.end
        # "a Memorandum of Understand (MOU)": the name may run on in capitalised words before it.
        while i < min(len(doc), span.end + 6) and (doc[i].text[:1].isupper() or doc[i].lower_ in NAME_LINKS) and doc[i].text != "(":
            i += 1
        if not (i + 2 < len(doc) and doc[i].text == "(" and doc[i + 2].text == ")" and ACRONYM.fullmatch(doc[i + 1].text)):
            return None
        acronym = doc[i + 1].text
        if i == span.end:
            return acronym
        words = [t.text for t in doc[span.start : i] if t.lower_ not in DEFINITE]
        return acronym if spells(acronym, " ".join(words)) else None

    def name_keys(self, doc: Doc, mention: Mention, acronyms: set[str]) -> tuple[frozenset[str], frozenset[str]]:
        """What identifies a named agreement across a document, and the years written in its name:
        "The 1997 Kyoto Protocol" -> ({"kyoto protocol"}, {"1997"}); a defined acronym is a key too
        ("Visiting Forces Agreement (VFA)" -> {"visiting forces agreement", "vfa"}). A common-noun
        name ("a cooperation agreement") has no key, an indefinite one neither ("a PSA with X" is
        another agreement of that kind)."""
        tokens = doc[mention.start : mention.end]
        span = doc[mention.kind_start : mention.end]
        acronym = self.acronym(doc, span) if doc[mention.head].pos_ != "VERB" else None
        if doc[mention.head].pos_ == "VERB" or any(t.lower_ in ("a", "an") for t in tokens):
            # ... but "a memorandum of understanding (MOU)" defines the name its later "the MOU" refers to
            return (frozenset({acronym.lower()}) if acronym else frozenset()), frozenset()
        keys, years, words = set(), set(), []
        if acronym is not None:
            keys.add(acronym.lower())
        if len(span) == 1 and span[0].text in acronyms:
            keys.add(span[0].lower_)
        for t in tokens:
            if t.like_num and len(t.text) == 4:
                years.add(t.text)
            elif t.text[:1].isupper() and t.lower_ not in DEFINITE:
                words.append(t.lower_)
            elif words and t.lower_ not in ("of", "on", "for", "and", "-"):
                words = []  # lower-case words inside: not one name
        if len(words) >= 2 and doc[mention.head].text[:1].isupper():
            keys.add(" ".join(words))
        return frozenset(keys), frozenset(years)

    @staticmethod
    def description_words(doc: Doc, mention: Mention) -> frozenset[str]:
        """The words that describe an agreement, however it is written: "a visiting force agreement"
        and "the Visiting Forces Agreement" -> {"visiting", "force", "agreement"}; the general kind
        nouns (deal, accord, pact) count as "agreement"."""
        if doc[mention.head].pos_ == "VERB":
            return frozenset()
        words = set()
        for t in doc[mention.start : mention.end]:
            if t.is_punct or t.like_num or t.dep_ in ("det", "poss", "case", "nummod") or t.lower_ in DEFINITE:
                continue
            if t.ent_type_ in _MEASURES:
                continue  # "a two-year, 23-million-dollar contract": a term and a value, not words of a name
            word = t.lower_
            if t.i == mention.head and mention.rule.generic:
                word = "agreement"
            words.add(word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word)
        return frozenset(words)

    def mentions(self, doc: Doc, sent: Span, names: list[Span]) -> list[Mention]:
        found = []
        for span in names:
            if span.start >= sent.start and span.end <= sent.end:
                mention = self._noun_mention(doc, sent, span)
                if mention is not None:
                    found.append(mention)
        found.extend(self._verb_mentions(doc, sent))
        found = [m for m in found if not self._topic_of_another(doc, m, found)]
        found.extend(self._members(doc, sent, found))
        found.sort(key=lambda m: (m.start, m.end))
        return found

    @staticmethod
    def _topic_of_another(doc: Doc, m: Mention, found: list[Mention]) -> bool:
        """True for a kind noun that is what another agreement is about ("signed a bilateral agreement on
        Russia's accession to the WTO", "an agreement on a ceasefire"): the other's topic, not one more
        agreement of its own."""
        head = doc[m.head]
        prep = head.head
        if head.dep_ != "pobj" or prep.lower_ not in ("on", "over", "about", "regarding", "concerning"):
            return False
        return any(o is not m and o.head == prep.head.i and doc[o.head].pos_ != "VERB" for o in found)

    def _members(self, doc: Doc, sent: Span, found: list[Mention]) -> list[Mention]:
        """Agreements a plural names one by one: "agreements on Galileo and Aviation", "three accords --
        Double Taxation, Visas and Tourism": each listed name is an agreement of the plural's kind."""
        out = []
        taken = {i for m in found for i in range(m.start, m.end)}
        for m in found:
            head = doc[m.head]
            if not m.plural or head.pos_ == "VERB":
                continue
            firsts = [g for c in head.children if c.dep_ == "prep" and c.lower_ in ("on", "for", "covering") for g in c.children if g.dep_ == "pobj"]
            firsts += [c for c in head.children if c.dep_ == "appos"]
            for first in firsts:
                members, stack = [first], [first]
                while stack:  # the coordination chain only, not conjuncts inside a member's own clause
                    for c in stack.pop().children:
                        if c.dep_ == "conj":
                            members.append(c)
                            stack.append(c)
                members = sorted((t for t in members if sent.start <= t.i < sent.end), key=lambda t: t.i)
                members += self._last_listed(doc, sent, head, members)
                if len(members) < 2 or not all(t.text[:1].isupper() or t.i in taken for t in members):
                    continue  # "agreements on trade and investment": topics, not names
                if any(t.ent_type_ in ("GPE", "LOC", "NORP", "PERSON") for t in members):
                    continue  # "the agreements on Iran and North Korea": what they are about, not their names
                for t in members:
                    if t.i in taken:
                        # "-- a memorandum of understanding, ...": already a name of its own, listed all the same
                        for other in found:
                            if other.start <= t.i < other.end and other is not m:
                                other.listed_by = m.head
                        continue
                    end = max([t.i] + [x.i for c in t.children if c.dep_ not in ("conj", "cc", "punct", "appos") for x in c.subtree]) + 1
                    start = min([t.i] + [x.i for c in t.children if c.dep_ not in ("conj", "cc", "punct", "appos") and c.i < t.i for x in c.subtree])
                    end = min([end] + [u.left_edge.i for u in members if t.i < u.i < end])
                    while end - 1 > t.i and (doc[end - 1].is_punct or doc[end - 1].dep_ == "cc"):
                        end -= 1  # "Visa Regime and": the next listed name is not part of this one
                    out.append(Mention(start, end, t.i, start, m.rule, False, False, listed_by=m.head))
        return out

    @staticmethod
    def _last_listed(doc: Doc, sent: Span, plural: Token, members: list[Token]) -> list[Token]:
        """The name the parser hung inside the one before it ("three accords -- A, B of C and D":
        "D" joined to "C"), when the plural counts more names than the list chain holds."""
        count = next((c for c in plural.children if c.dep_ == "nummod"), None)
        if count is None or not members:
            return []
        if how_many(count.text) != len(members) + 1:
            return []
        last = members[-1]
        inner = [
            t for t in last.subtree
            if t.dep_ == "conj" and t.head != last and t.head.i > last.i and t.text[:1].isupper() and sent.start <= t.i < sent.end
            and any(c.dep_ == "cc" for c in t.head.children)
        ]
        return inner[-1:]

    # ------------------------------------------------------------------ kinds of mention

    def _noun_mention(self, doc: Doc, sent: Span, span: Span) -> Mention | None:
        rule = self.vocab.kind_rule(span.label_)
        words = [t.lower_ for t in span]
        # Multiword names such as "memorandum of understanding" or "right to mine" have their head first.
        head = span[0] if any(w in ("of", "to") for w in words) else span[-1]
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        nxt = doc[head.i + 1] if head.i + 1 < sent.end else None
        if nxt is not None and nxt.text in ("-", "\u2010", "\u2011") and head == span[-1]:
            return None
        runs = head.head.lower_ in RUNS_AS_NOUN and head.head.i == head.i + 1 and head.head.i + 1 < sent.end and doc[head.head.i + 1].pos_ == "ADP"
        if head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i not in range(span.start, span.end) and not runs:
            return None  # (but "his current contract runs until 2008", parsed as a noun "runs")
        if len(span) == 1 and head.lower_ in ("memorandum", "memoranda") and any(
            c.dep_ == "poss" and (c.lower_ in ("his", "her") or c.ent_type_ == "PERSON") for c in head.children
        ):
            return None  # "his March 3 memorandum to the president": one person's memo, not an MoU
        if self._slug(doc, head):
            return None  # "(ASIA-TRADE-DEAL)": a wire story's slug line, not a sentence naming an agreement
        if head == span[-1] and self._modifies_next(doc, sent, head):
            return None  # "a ceasefire monitoring committee", "truce talks": a word about something else
        left_text = analysed_text(doc)[max(sent.start_char, span.start_char - 40) : span.start_char]
        if self.vocab.not_agreement.search(left_text):
            return None
        if rule.kind == "contract" and self.vocab.futures_contract.search(left_text):
            return None  # "the January contract closed up 25 cents": a futures contract, traded not agreed
        full = self._phrase_start(doc, sent, span, head, keep_names=True)
        start = self._phrase_start(doc, sent, span, head)
        if full < span.start and self.vocab.not_agreement.search(analysed_text(doc)[max(sent.start_char, doc[full].idx - 40) : doc[full].idx]):
            return None  # "never signed any maritime pact"
        if head.ent_type_ in ("ORG", "FAC", "GPE", "LOC") and head.text[:1].isupper():
            ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
            if ent is not None and ent.root != head and ent.root.i > head.i:
                return None  # "the Busan Exhibition and Convention center": part of another name
        if head.dep_ == "appos" and self._forerunner(head.head):
            return None  # "the WTO's predecessor, the General Agreement on Tariffs and Trade": a body
        if self._defined(head):
            return None  # "A lease is a usage agreement between an owner and a user": what a lease is
        if self._compared(head):
            return None  # "the difference between a lease agreement and a title deed": a kind of paper, not one
        if self._in_other_title(head):
            return None  # "the Day of Reconciliation and Accord": a word in the title of something else
        if self._names_a_body(doc, sent, span, head):
            return None  # "the Kyoto Convention on Rivers (KCR) Executive Secretary": a body, not the treaty
        if len(span) == 1 and head.lemma_.lower() == "convention" and self._gathering(doc, sent, head):
            return None  # "opening a parliamentarians' convention", "told the party convention in Denver": a meeting
        if any(doc[i].lower_ in ("no", "any", "neither") and doc[i].dep_ == "det" for i in range(full, span.start)):
            return None  # "no agreement", "never signed any pact", "any deal must ..."
        if any(doc[i].lower_ == "such" and doc[i + 1].lower_ in ("a", "an") for i in range(full, span.start - 1)):
            return None  # "whether X could finance such a deal": a deal of that kind, not one made
        if full == span.start and head.lower_ in ("accord", "agreement") and span.start > 0 and doc[span.start - 1].lower_ == "in":
            return None  # "in accord with the rules", "are in agreement that ...": idioms
        if head.lower_ in ("accord", "agreement") and full > 0 and doc[full - 1].lower_ == "by" and doc[full].lower_ in ("mutual", "common", "joint", "prior", "written"):
            return None  # "can be extended by mutual agreement": how something is done, not an agreement
        if head.lower_ == "lease" and span.end + 1 < len(doc) and doc[span.end].lower_ in ("of", "on") and doc[span.end + 1].lower_ == "life":
            return None  # "gave the team a new lease of life": an idiom
        if full == span.start and head.dep_ == "pobj" and head.head.i == span.start - 1 and head.head.lower_ in ("on", "of", "for", "about", "toward", "towards") and head.tag_ == "NN" and head.text.islower():
            return None  # "their position on truce", "the offer of cease-fire": the idea, not one agreement
        plural = head.tag_ in ("NNS", "NNPS") and head.lower_ not in PLURAL_HEADS_SINGULAR
        det = [doc[i] for i in range(full, span.start) if doc[i].dep_ in ("det", "poss", "nummod", "predet")]
        if not det and not plural and head.text.islower() and head.dep_ in ("dobj", "pobj") and self._governing(head).lemma_ in self.vocab.cues.reach_verbs:
            return None  # "reached agreement on", "came to agreement": a verb phrase, not a named agreement
        if not det and not plural and any(c.dep_ == "amod" and c.lower_ in self.vocab.cues.consensus_adjectives for c in head.children):
            return None  # "there is broad agreement on the rules": a consensus, not an agreement
        if not plural and any(t.lower_ == "some" for t in det):
            return None  # "talks can lead to some cease-fire": no one agreement in particular
        definite = any(t.lower_ in DEFINITE or t.dep_ == "poss" for t in det)
        # (an attribute with its article names an agreement, "the result is an accord on X"; a bare singular
        # after "is" is a consensus: "the outcome is agreement on how to manage the fund")
        attr = head.dep_ == "attr" and (bool(det) or plural)
        # A possessor does not make a mention refer back ("support for Ukraine's accession"), nor does
        # the possessor's own article ("talks over the country's accession").
        made = any(c.dep_ in ("acl", "relcl") and c.lemma_ in self.vocab.cues.signed_verbs for c in head.children)
        if head.dep_ == "nsubj" and head.head.lemma_ == "be" and not made and any(
            g.lower_ == "agenda" for c in head.head.children if c.dep_ == "prep" for g in c.subtree
        ):
            return None  # "the prisoner swap deal was also on the agenda": a subject of talks, not one made
        if self.wanted.near(head) or not (attr or any(t.lower_ in DEFINITE and t.head.i == head.i for t in det)) and self.wanted.sought(doc, head):
            # "hopes to reach a deal", "will seek an agreement", "talks on a new treaty" (kept aside: a
            # later "the accord" may speak of the one sought)
            doc.user_data.setdefault(SOUGHT_KEY, []).append((head.i, rule))
            return None
        # A bare plural ("deals made under Assad", "separate agreements") is definite only when a status
        # makes it speak of agreements in general; the extractor decides that from its clause.
        return Mention(start, span.end, head.i, span.start, rule, plural, definite or attr, bare=plural and not det)

    def _phrase_start(self, doc: Doc, sent: Span, span: Span, head: Token, keep_names: bool = False) -> int:
        # "The memorandum of understanding": a name with its head first takes the head's determiners too.
        start = head.left_edge.i
        if head.dep_ == "compound" and head.head.lower_ in RUNS_AS_NOUN and head.head.i == head.i + 1:
            start = head.head.left_edge.i  # "The striker's current contract runs ...", parsed as a noun "runs"
        start = max(min(start, span.start), sent.start)
        # "the 1994 Lusaka peace accords", parsed with the year as a noun of its own: a determined year
        # right before the name is its year.
        if start - 2 >= sent.start and YEAR.fullmatch(doc[start - 1].text) and doc[start - 2].lower_ in ("the", "a", "an") and doc[start - 2].head.i == start - 1:
            start -= 2
        while start < span.start and doc[start].is_space:
            start += 1
        # A phrase does not reach back over punctuation (apposition, lists).
        for i in range(span.start - 1, start - 1, -1):
            # "a six-year, 52-million-dollar deal": a comma between two modifiers of the name stays inside.
            before = doc[i - 1]
            listed = doc[i].text == "," and i > start and before.pos_ in ("NOUN", "ADJ", "NUM") and before.dep_ in ("amod", "compound", "nummod", "npadvmod", "nmod") and head in before.ancestors
            # 'a "media truce"': quotation marks around the name, inside its phrase
            quoted = doc[i].text in ('"', "\u201c", "``") and span.end < len(doc) and doc[span.end].text in ('"', "\u201d", "''")
            if doc[i].is_punct and doc[i].text not in ("-", "'", "\u2019", ".") and not listed and not quoted:
                start = i + 1
                break
        if keep_names:
            return start
        # A party named right before the agreement ("gave Rosneft oil rights") is not part of its name;
        # a possessor ("Polly Peck's agreement") is, with its "'s".
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON") and start <= ent.start and ent.end <= span.start:
                # (but "the EU-Turkey Customs Union Protocol": a name joined by a hyphen is part of it,
                # and so is a pair of sides the NER took for one organisation, "the Nepal-India treaty")
                joined = ent.end < len(doc) and doc[ent.end].text in HYPHENS or ent.start > 0 and doc[ent.start - 1].text in HYPHENS
                if not (joined or ent.end < len(doc) and doc[ent.end].tag_ == "POS" or paired_sides(list(ent))):
                    start = ent.end
        while start < span.start and doc[start].tag_ == "POS":
            start += 1
        # "awarded Karpowership copper mining rights": a name right after a granting verb is the recipient.
        if start > 0 and doc[start - 1].lemma_ in self.vocab.cues.grant_verbs and doc[start - 1].pos_ == "VERB":
            while start < span.start and doc[start].pos_ == "PROPN":
                start += 1
        return start

    @staticmethod
    def _slug(doc: Doc, head: Token) -> bool:
        """True for an agreement word inside a capitalised, hyphen-joined wire slug ("MIDEAST-GAZA-TRUCE")."""
        if not (head.text.isupper() and len(head.text) > 2):
            return False
        joined = [doc[i] for i in (head.i - 1, head.i + 1) if 0 <= i < len(doc) and doc[i].text == "-"]
        return any(
            not (h.whitespace_ or doc[h.i - 1].whitespace_) and doc[h.i - 1 if h.i < head.i else h.i + 1].text.isupper()
            for h in joined if 0 < h.i < len(doc) - 1
        )

    def _modifies_next(self, doc: Doc, sent: Span, head: Token) -> bool:
        """True when an agreement word only describes the noun after it ("ceasefire monitoring
        committee", "truce talks", "a deal deadline"), however the parser attached it."""
        i = head.i + 1
        if i < sent.end and doc[i].tag_ == "VBG" and doc[i].text.islower():
            i += 1  # "monitoring", "negotiating"
        if i >= sent.end or not doc[i].text.islower() or doc[i].pos_ not in ("NOUN", "VERB"):
            return False
        nouns = set(self.vocab.cues.modified_nouns) | set(self.vocab.cues.body_nouns)
        # ("the contract governing transit": a participle with its object)
        return doc[i].lower_ in nouns

    def _gathering(self, doc: Doc, sent: Span, head: Token) -> bool:
        """True for a convention that is a meeting: one opened, held or attended, one something is said
        at or in ("at the convention", "in a convention in Jerusalem"), or one of delegates."""
        cues = self.vocab.cues
        gov = self._governing(head)
        if gov.pos_ in ("VERB", "AUX") and gov.lemma_ in cues.gathering_verbs and head.dep_ in ("dobj", "nsubjpass", "pobj"):
            return True
        if any(c.dep_ == "amod" and c.lower_ in cues.gathering_adjectives for c in head.children):
            return True
        nxt = doc[head.i + 1] if head.i + 1 < sent.end else None
        place = nxt is not None and nxt.lower_ in ("in", "at") and any(t.ent_type_ in ("GPE", "FAC", "LOC") for t in nxt.subtree)
        if head.dep_ == "pobj" and head.head.lower_ in ("at", "in") and (head.head.lower_ == "at" or place):
            return True
        return any(c.dep_ == "relcl" or c.dep_ == "acl" for c in head.children if any(g.lower_ in cues.gathering_nouns for g in c.subtree))

    _governing = staticmethod(governing)

    def _names_a_body(self, doc: Doc, sent: Span, span: Span, head: Token) -> bool:
        """True when a capitalised agreement name runs on into the name of an office or body
        ("... Convention on Climate Change (UNFCCC) Executive Secretary", "... Agreement Committee")."""
        if not head.text[:1].isupper() or head.is_sent_start:
            return False
        i = span.end
        while i < sent.end:
            t = doc[i]
            if t.lower_ in ("on", "of", "for") or t.text[:1].isupper() and t.lower_ not in self.vocab.cues.body_nouns:
                i += 1
            elif t.text == "(" and i + 2 < sent.end and doc[i + 2].text == ")":
                i += 3
            else:
                break
        return i < sent.end and doc[i].text[:1].isupper() and doc[i].lower_ in self.vocab.cues.body_nouns

    def _forerunner(self, noun: Token) -> bool:
        """True for a noun naming a body's forerunner ("the WTO's predecessor"; but not "the accord's
        successor", an agreement's)."""
        owner = next((c for c in noun.children if c.dep_ == "poss"), None)
        return noun.lower_ in ("predecessor", "successor") and owner is not None and owner.lower_ not in self.vocab.kind_words

    @staticmethod
    def _defined(head: Token) -> bool:
        """True for either side of a definition, "A lease is a usage agreement ...", "Leases are
        contracts ...": an indefinite (or bare plural) subject of a present "is"/"are" and an
        indefinite noun said to be it."""
        if head.dep_ not in ("nsubj", "attr") or head.head.lemma_ != "be" or head.head.tag_ not in ("VBZ", "VBP"):
            return False
        verb = head.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        said = next((c for c in verb.children if c.dep_ == "attr"), None)
        if subject is None or said is None or any(c.dep_ in ("aux", "neg") for c in verb.children):
            return False

        def general(t: Token) -> bool:
            dets = [c.lower_ for c in t.children if c.dep_ in ("det", "poss", "nummod")]
            return dets in (["a"], ["an"]) or not dets and t.tag_ == "NNS"

        return general(subject) and general(said) and subject.pos_ == "NOUN" and said.pos_ == "NOUN"

    def _compared(self, head: Token) -> bool:
        """True for an indefinite agreement word one compares ("the difference between a lease and a
        deed", "the choice between a deal and a strike"), as what it is, not as one agreement."""
        tok = head.head if head.dep_ == "conj" else head
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("between", "of"):
            return False
        if not any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in head.children):
            return False
        return tok.head.head.lower_ in self.vocab.cues.comparison_nouns

    def _in_other_title(self, head: Token) -> bool:
        """True for a bare capitalised agreement word inside the title of something else ("the Day of
        Unity and Accord", "the Festival of Peace and Concord"); "the Treaty of Peace and Friendship"
        and "the Secretariat of the Convention" are not such words."""
        if not head.text[:1].isupper() or any(c.dep_ in ("det", "poss") for c in head.children):
            return False
        tok = head
        if tok.dep_ == "conj" and tok.head.text[:1].isupper():
            tok = tok.head  # "Unity and Accord"
        if tok.dep_ != "pobj" or tok.head.lower_ != "of":
            return False
        title = tok.head.head
        return title.text[:1].isupper() and title.pos_ in ("PROPN", "NOUN") and title.lower_ not in self.vocab.kind_words

    def _verb_mentions(self, doc: Doc, sent: Span) -> list[Mention]:
        """Agreements named by a verb: accession ("formally joined NATO", "became the 28th member of the
        EU") and leases ("leased the port")."""
        cues = self.vocab.cues
        out = []
        accession = self.vocab.kind_rule("kind.accession_join")
        lease = self.vocab.kind_rule("kind.lease_verb")
        for tok in sent:
            if tok.pos_ != "VERB" or self.wanted.hedged(tok):
                continue
            if tok.lemma_ in cues.accession_verbs:
                finite = tok.tag_ in ("VBD", "VBZ", "VBP") or (tok.tag_ == "VBN" and any(c.lower_ in ("has", "have", "had") for c in tok.children))
                if not finite:
                    continue  # "its desire to join NATO", "after joining the WTO": not an accession that happened
                objs = [c for c in tok.children if c.dep_ == "dobj"]
                objs += [g for c in tok.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
                formal = [c.i for c in tok.children if c.lower_ in cues.accession_adverbs]
                for obj in objs:
                    if obj.ent_type_ in ("DATE", "TIME"):
                        continue  # "formally joined NATO on June 5": when, not what
                    if self._joinable(doc, obj) or (formal and obj.pos_ == "PROPN"):
                        out.append(Mention(min([tok.i] + formal), obj.i + 1, tok.i, tok.i, accession, False, False))
                        out += self._joined_too(doc, obj, tok, accession)
                        break  # one accession per verb (and one per body listed with it)
            elif tok.lemma_ == "become" and tok.tag_ in ("VBD", "VBZ"):
                # "Croatia became the 28th member of the European Union on July 1" (not "a founding member":
                # who made the body joined nothing)
                member = next((c for c in tok.children if c.dep_ == "attr" and c.lemma_.lower() == "member"), None)
                if member is not None and any(c.lower_ in ("founding", "founder", "original", "charter") for c in member.children):
                    continue
                orgs = [g for c in (member.children if member is not None else []) if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"]
                if orgs and self._joinable(doc, orgs[0]):
                    out.append(Mention(tok.i, orgs[0].i + 1, tok.i, tok.i, accession, False, False))
                    out += self._joined_too(doc, orgs[0], tok, accession)
            elif tok.lemma_ in cues.lease_verbs and any(c.dep_ in ("dobj", "nsubjpass") for c in tok.children):
                infinitive = tok.tag_ == "VB" and not any(c.lower_ in ("will", "shall") for c in tok.children)
                # "forced to continue leasing land": an activity, not one lease (those are named by nouns)
                infinitive = infinitive or tok.tag_ == "VBG" and not any(c.dep_ == "aux" for c in tok.children)
                if infinitive or (tok.dep_ == "conj" and tok.head.tag_ == "VB"):
                    continue  # "talks to buy or lease the shipyard": a plan, not a lease
                out.append(Mention(tok.i, tok.i + 1, tok.i, tok.i, lease, False, False))
        return out

    def _joinable(self, doc: Doc, body: Token) -> bool:
        """True for a body states join, as written ("the European Union"; "both" of "both the EU and
        NATO" left out)."""
        start = next(t for t in body.subtree if t.dep_ not in ("preconj", "cc"))
        return bool(self.vocab.accession_orgs.match(analysed_text(doc)[start.idx : body.idx + len(body)]))

    def _joined_too(self, doc: Doc, body: Token, verb: Token, accession) -> list[Mention]:
        """"joined NATO and the European Union in 2004": each body listed after the first is an
        accession of its own, named by its words (with its own date when each has one)."""
        out = []
        # (or "joined NATO in 1999 and the EU in 2004": the parser hangs the second on the verb)
        gapped = [c for c in verb.children if c.dep_ == "conj" and c.pos_ in ("PROPN", "NOUN")]
        for other in [*body.conjuncts, *gapped]:
            if other.i > body.i and self._joinable(doc, other):
                out.append(Mention(other.left_edge.i, other.i + 1, verb.i, other.left_edge.i, accession, False, False))
        return out

    # ------------------------------------------------------------------ groups and clauses

    def groups(self, doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
        """Mentions of one sentence that name the same agreement, merged."""
        groups: list[list[Mention]] = []
        for m in mentions:
            if groups and self._linked(doc, groups[-1][-1], m):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _linked(self, doc: Doc, a: Mention, b: Mention) -> bool:
        between = doc[a.end : b.start]
        if self._restates(doc, a, b):
            return True
        breaks = set(self.vocab.cues.clause_breaks) - {"and", ","}
        if a.listed_by is not None and a.listed_by == b.listed_by:
            return False  # "three accords -- A, B and C": one agreement each
        if any(t.lower_ in breaks for t in between) or a.plural or b.plural:
            return False
        if called_by_name(doc, b, self.vocab.kind_words) and not called_by_name(doc, a, self.vocab.kind_words):
            return False  # "the agreement on the fund under the Kyoto Protocol": made under a treaty, not the treaty
        # "a lease ... under a 2019 deal", "the deal, a 49-year lease"
        if b.rule.generic and not a.rule.generic and len(between) <= 14:
            if self.vocab.link_before_generic.search(analysed_text(doc)[doc[a.end - 1].idx : doc[b.start].idx]):
                return True
        if self.vocab.link_between.match(between.text) and (a.rule.generic or b.rule.generic):
            return True
        if len(between) > 12 or a.rule.generic == b.rule.generic:
            return False
        if any(t.lower_ in ("it", "they", "which", "who") for t in between):
            return False
        # "a 2019 deal granted Stroytransgaz a 49-year lease" (not "joined the EU in 2013 and signed a fishing
        # deal with Norway": a second verb of the same subject, with an agreement of its own)
        return any(
            t.lemma_ in self.vocab.cues.grant_verbs and t.pos_ in ("VERB", "AUX")
            and (t.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in t.children))
            for t in between
        )

    @staticmethod
    def _restates(doc: Doc, a: Mention, b: Mention) -> bool:
        """True for a name set off after another that says what it is ("signed X to a four-year contract
        on Friday, a deal worth 42 million dollars", "a multi-year deal - the largest contract ever")."""
        between = doc[a.end : b.start]
        if a.plural or b.plural or not between or between[-1].text not in (",", "-", "--", "\u2013", "\u2014"):
            return False
        if MentionFinder._appended(doc, a, b):
            return True
        if any(t.pos_ in ("VERB", "AUX") or t.lower_ in ("and", "or", "but", "while") for t in between):
            return False
        dashed = between[-1].text in ("--", "\u2013", "\u2014") and doc[b.start].lower_ in ("a", "an")
        if dashed and all(t.is_punct or (t.i > 0 and doc[t.i - 1].text == "(" and ACRONYM.fullmatch(t.text)) for t in between):
            return True  # "a production sharing agreement (PSA) -- a contract between ...", however the parser hangs it
        head = doc[b.head]
        if head.dep_ not in ("appos", "npadvmod"):
            return False
        if any(c.dep_ == "conj" and c.pos_ == "NOUN" and any(d.dep_ == "det" for d in c.children) for c in head.children):
            return False  # "an agreement on trade, a treaty on extradition and a memorandum on health": a list
        own = doc[a.head]
        return head.head == own or head.head == next((x for x in own.ancestors if x.pos_ == "VERB"), None)

    @staticmethod
    def _appended(doc: Doc, a: Mention, b: Mention) -> bool:
        """True for "A 630 million dollar agreement under which X will upgrade Y took effect last
        November, the largest defense deal between the two countries": a name set off by a comma at the
        end of a sentence whose subject is the agreement says what that agreement is, however the parser
        hangs it (often as an object of the verb)."""
        head, own = doc[b.head], doc[a.head]
        if doc[b.start - 1].text != "," or own.dep_ not in ("nsubj", "nsubjpass") or head.dep_ == "conj":
            return False
        end = max(t.i for t in head.subtree) + 1
        if end < len(doc) and doc[end].text not in (".", "!", "?") or head.left_edge.i < b.start:
            return False  # the name must run to the end of the sentence, from right after the comma
        verb = own.head
        if verb.pos_ not in ("VERB", "AUX"):
            return False
        up = head.head  # ("took effect in March, the biggest deal": hung on "effect", on "March", on the verb)
        while up != verb and up.pos_ not in ("VERB", "AUX") and up.head != up:
            up = up.head
        if up != verb:
            return False
        return not any(c.dep_ in ("cc", "mark") for c in verb.children if c.i > own.i and c.i < b.start)

    def regions(self, doc: Doc, sent: Span, groups: list[list[Mention]]) -> list[tuple[int, int]]:
        """Token ranges of the clauses that belong to each group of a sentence."""
        cuts = [sent.start]
        breaks = set(self.vocab.cues.clause_breaks)
        for prev, nxt in zip(groups, groups[1:]):
            lo, hi = prev[-1].end, nxt[0].start
            cut = hi
            for i in range(hi - 1, lo - 1, -1):
                if doc[i].lower_ in breaks:
                    cut = i
                    break
            cuts.append(cut)
        cuts.append(sent.end)
        regions = list(zip(cuts, cuts[1:]))
        # "Chile and Peru signed a trade agreement and a visa deal on Monday": agreements joined as the
        # objects of one verb of making or joining share its clause (who signed, when, with whom)
        for k, (prev, nxt) in enumerate(zip(groups, groups[1:])):
            # ("joined NATO and the EU in 2004": one verb, an accession per body)
            if self._coordinated(doc, prev[-1], nxt[0]) or self._listed_together(doc, prev[-1], nxt[0]) or prev[-1].rule == nxt[0].rule and prev[-1].head == nxt[0].head:
                start, end = regions[k][0], regions[k + 1][1]
                regions[k] = regions[k + 1] = (start, end)
        return regions

    def _listed_together(self, doc: Doc, a: Mention, b: Mention) -> bool:
        """True for two agreements listed after what a verb of making made ("signed three documents -- an
        agreement on X, a protocol on Y and a memorandum on Z"): the items of one list share its clause."""
        def item(t):
            while t.dep_ == "conj" and t.head != t:
                t = t.head
            return t
        first, second = item(doc[a.head]), item(doc[b.head])
        verbs = set(self.vocab.cues.making_verbs) | set(self.vocab.cues.joining_verbs)
        listed = first.dep_ == second.dep_ == "appos" and first.head == second.head and first.head.dep_ in ("dobj", "nsubjpass")
        return listed and first.head.head.lemma_ in verbs

    def _coordinated(self, doc: Doc, a: Mention, b: Mention) -> bool:
        """True for two agreement names joined by "and" as the objects of one verb of making or joining
        ("signed", "ratified the Treaty of Amsterdam and the Schengen Agreement"; not "took the deal and a
        loan agreement to parliament")."""
        first, second = doc[a.head], doc[b.head]
        # (the parser at times hangs the second on the verb: "signed a trade agreement and a visa deal")
        if second.dep_ != "conj" or second.head not in (first, first.head) or first.pos_ == "VERB" or first.dep_ != "dobj":
            return False
        if any(c.dep_ in ("relcl", "acl") for t in (first, second) for c in t.children):
            return False  # "a trade agreement and a visa deal that expires in 2010": a clause of one of them
        if first.head.lemma_ not in self.vocab.cues.making_verbs and (
            any(c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in ("with", "between") for c in second.children) or any(c.dep_ == "poss" for c in first.children)
        ):
            # "violated the NPT and its safeguards agreement with the IAEA": two agreements, each its own
            # (but "violates a truce and recognition pact between X and Y": sides hung on the first are both's)
            return False
        between = doc[a.end : b.start]
        # ("the Treaty of Amsterdam and the Schengen Agreement": the first's name goes on after "of")
        named = {x.i for c in first.children if c.dep_ == "prep" and c.lower_ == "of" and c.i == a.end for x in c.subtree}
        return all(t.lower_ in ("and", ",") or t.dep_ in ("det", "amod", "compound", "nummod") or t.i in named for t in between) and (
            first.head.lemma_ in self.vocab.cues.making_verbs or first.head.lemma_ in self.vocab.cues.joining_verbs
        )

    def is_anaphoric(self, sent: Span) -> bool:
        """True when a sentence without agreement names refers back to one ("it", "they", "those texts")."""
        for t in sent:
            if not t.dep_.startswith("nsubj"):
                continue
            if t.lower_ in ("it", "they", "both"):
                return True
            if t.lemma_.lower() in self.vocab.cues.anaphor_nouns or t.lower_ in self.vocab.cues.anaphor_nouns:
                if any(c.lower_ in ("those", "these", "the", "its", "their", "this", "such") for c in t.children):
                    return True
        return False

    def owned_deal(self, sent: Span) -> Token | None:
        """The noun of a named company's deal told as done or going ahead ("Gaz de France and Suez won
        approval for their merger", "The takeover of Cadbury by Kraft was completed"), or None."""
        if not any(e.label_ == "ORG" for e in sent.ents):
            return None
        nouns = set(self.vocab.cues.transfer_words) | {"merger"}
        for t in sent:
            if t.lemma_.lower() not in nouns or t.pos_ != "NOUN":
                continue
            owned = any(c.dep_ == "poss" and (c.lower_ in ("its", "their") or c.ent_type_ == "ORG") for c in t.children)
            of_company = any(g.ent_type_ == "ORG" for c in t.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj")
            verb = verb_above(t)
            if not (owned or of_company) or verb is None or verb.tag_ not in ("VBD", "VBZ", "VBN"):
                continue
            if not self.wanted.hedged(verb) and not any(c.dep_ == "neg" for c in verb.children):
                return t
        return None

    def bid_for(self, verb: Token) -> list[tuple[Token, list[Token]]]:
        """What a verb's object bids for, each with the tokens of the company it is or is of: "raised its
        offer for Beta Group" (Beta Group itself), "its offer for GSK's consumer health unit" (GSK's
        unit); not "an offer for talks with X", "its price for gas"."""
        nouns = {*self.vocab.cues.deal_plan_nouns, "price"}
        bids = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_ in nouns and any(d.dep_ == "poss" and d.lower_ in ("its", "their") for d in c.children)]
        found = []
        for p in (c for bid in bids for c in bid.children if c.dep_ == "prep" and c.lower_ == "for"):
            for target in (g for g in p.children if g.dep_ == "pobj"):
                # (the name, or the name set beside its description: "the jeweler Weisfield's Inc.")
                # (a company the model took for a person or a place: "Xstrata")
                name = target if self._company_like(target) else next((c for c in target.children if c.dep_ == "appos" and self._company_like(c)), None)
                if name is not None:
                    found.append((name, [name]))
                    continue
                owners = [c for c in target.children if c.dep_ == "poss" and c.ent_type_ == "ORG"]
                if owners:
                    found.append((target, owners))
        return found

    @staticmethod
    def _company_like(token: Token) -> bool:
        """A name tagged as an organisation, or as a person or place that is no country."""
        return token.ent_type_ == "ORG" or token.ent_type_ in ("PERSON", "GPE") and affiliation_name(token.text) not in countries()

    @staticmethod
    def deal_owners(deal: Token) -> set[int]:
        """Indices of the tokens naming whose deal a deal noun is: its possessor ("Kraft's takeover"),
        the subject "their"/"its" stands for ("X and Y won approval for their merger"), and the companies
        "of", "by" and "with" name ("the takeover of Cadbury by Kraft", "its merger with Y"); not the
        regulator that cleared it."""
        heads = []
        for c in deal.children:
            if c.dep_ == "poss":
                if c.lower_ in ("its", "their"):
                    verb = verb_above(deal)
                    # ("X said the Competition Tribunal had approved its purchase of Y": the one who reports
                    # it, not the regulator ruling on it)
                    ruling = verb is not None and any(c.dep_ == "nsubj" and c.lemma_.lower() in _RULING_BODIES for c in verb.children)
                    if verb is not None and verb.lemma_ in _RULING_VERBS and verb.dep_ == "ccomp" and ruling:
                        verb = verb.head
                    heads += [s for s in (verb.children if verb is not None else ()) if s.dep_ == "nsubj"]
                else:
                    heads.append(c)
            elif c.dep_ == "prep" and c.lower_ in ("of", "by", "with"):
                heads += [g for g in c.children if g.dep_ == "pobj"]
        return {x.i for h in heads for t in (h, *h.conjuncts) for x in t.subtree}

    def _agreed_that(self, verb: Token) -> bool:
        """True for "X agreed that Y should ...", X a state, a body or those who act for one (not
        "analysts agreed"), and the clause naming no agreement of its own."""
        cues = self.vocab.cues
        actors = set(cues.people_nouns) | set(cues.state_body_nouns) | set(cues.side_nouns)
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if not any(c.ent_type_ in ("ORG", "GPE", "NORP") or c.lemma_.lower() in actors for c in subjects):
            return False
        kinds = {w for k in self.vocab.kinds for w in k.terms}
        for c in (c for c in verb.children if c.dep_ == "ccomp"):
            # (what shall be done, "that courts should take into account ...", not a shared view,
            # "that there was no point in ...")
            prescribed = any(a.dep_ == "aux" and a.lower_ in ("should", "will", "would", "must", "shall") for a in c.children)
            # ("agreed that talks should go on": how the talks go, no deal)
            prescribed = prescribed and not any(a.dep_.startswith("nsubj") and a.lemma_.lower() in cues.talk_nouns for a in c.children)
            if prescribed and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                return not any(t.lower_ in kinds for t in c.subtree)
        return False

    def agreeing(self, sent: Span) -> int | None:
        """The verb of a sentence that reports a deal by verb ("X agreed to sell Y to Z"), or None."""
        verbs = set(self.vocab.cues.agreeing_verbs)
        for t in sent:
            if t.lemma_ != "agree" or t.pos_ != "VERB":
                continue
            if any(c.dep_ == "xcomp" and c.lemma_ in verbs for c in t.children):
                return t.i
            if any(c.dep_ == "prep" and c.lower_ == "in" and any(g.lower_ == "principle" for g in c.children) for c in t.children):
                return t.i
            if self._agreed_that(t):
                return t.i  # "EU justice ministers agreed Monday that courts should ... Under the agreement, ..."
        for t in sent:
            # "X said it had reached agreement with Y on gas prices. Under the deal, ...": an agreement
            # told by a verb phrase, which a later "the deal" refers to
            if t.lower_ not in ("agreement", "accord") or t.dep_ not in ("dobj", "pobj"):
                continue
            verb = t.head.head if t.dep_ == "pobj" and t.head.lower_ == "to" else t.head
            bare = not any(c.dep_ in ("det", "poss", "nummod") for c in t.children)
            if bare and verb.lemma_ in ("reach", "come") and verb.pos_ == "VERB":
                if verb.tag_ in ("VBD", "VBN") and not self.wanted.hedged(verb) and not any(c.dep_ == "neg" for c in verb.children):
                    return verb.i
        # "Young's Market Co. said it will merge with a new corporation ... Under terms of the agreement":
        # a company's deal announced by a plain future of a transfer verb (not "might", "would", "to")
        dealing = set(self.vocab.cues.transfer_words) | {"merge"}
        company = any(e.label_ == "ORG" for e in sent.ents)
        for t in sent:
            if t.lemma_ not in dealing or t.pos_ != "VERB" or t.dep_ not in ("ccomp", "ROOT"):
                continue
            aux = [c.lower_ for c in t.children if c.dep_ in ("aux", "neg")]
            subject = next((c for c in t.children if c.dep_ == "nsubj"), None)
            # ("it" of a company the sentence names: "Young's Market Co. ... said it will merge")
            if aux == ["will"] and subject is not None and company and (subject.ent_type_ == "ORG" or subject.lower_ == "it"):
                return t.i
        # "IMA Holdings completed its acquisition of American Medical ... the merger agreement": a company's
        # purchase of a named company, announced or completed
        for verb in sent:
            if verb.lemma_ not in self.vocab.cues.deal_done_verbs or self.wanted.hedged(verb):
                continue
            if any(any(c.dep_ == "poss" for c in g.head.head.children) for g in companies_bought(verb, self.vocab.cues.transfer_words)):
                return verb.i
        # "Gaz de France and Suez won approval for their merger", "The takeover of Cadbury by Kraft was
        # completed": a named company's deal told by its noun, as done or going ahead
        deal = self.owned_deal(sent)
        if deal is not None:
            return verb_above(deal).i
        # "X and Y sweetened their plan to merge", "X raised its offer for Y": a named party's standing
        # plan for a deal, or its bid for a named company
        for t in sent:
            if t.lemma_ not in {*self.vocab.cues.deal_plan_nouns, "price"} or t.dep_ != "dobj" or t.head.pos_ != "VERB" or self.wanted.hedged(t.head):
                continue
            planned = t.lemma_ != "price" and any(c.dep_ in ("acl", "xcomp", "relcl") and c.lemma_ in verbs for c in t.children)
            if not planned and not self.bid_for(t.head):
                continue
            # (a bidder the model left untagged is a name too: "Glencore raised its offer for Xstrata")
            if any(c.dep_ == "nsubj" and (c.ent_type_ in ("ORG", "GPE") or not planned and c.pos_ == "PROPN" and not c.ent_type_) for c in t.head.children):
                return t.head.i
        return None
