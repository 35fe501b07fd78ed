"""Agreements and their terms (``doc._.cw_agreements``): kind, parties, asset, signing dates,
duration, expiry, renewal and status, each with its own evidence and rule id.

Agreements are found by their names ("a 2019 deal", "the accession protocols", "formally joined
NATO"), grouped per clause, and their terms read from the clause around them: dates and durations
come from ``doc._.cw_timexes``, parties from ``doc._.cw_entities``. Later references ("the deal",
"the accord", "it") add terms to an agreement introduced earlier; plural generic mentions ("deals
made under Assad") pass their status to the document's agreements.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimweave.extract.agreement_rules import Vocabulary, vocabulary
from claimweave.extract.agreement_terms import add_duration, is_date, is_duration
from claimweave.extract.agreement_spans import ClauseReader, Mention, Term, Terms
from claimweave.extract.common import context, ensure_extensions, evidence, stable_id
from claimweave.models import Agreement, Argument, Expiry, Renewal

DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our", "such", "both"}
PRONOUNS = {"it", "they", "both", "them", "which"}
PLURAL_TAGS = {"NNS", "NNPS"}


@dataclass
class Draft:
    """An agreement being assembled from its mentions and the terms found around them."""

    mentions: list[Mention]
    kind_mention: Mention
    terms: Terms = field(default_factory=Terms)
    last_sentence: int = 0


class AgreementExtractor:
    """Finds agreements and their terms in a Doc (see the module docstring)."""

    def __init__(self, nlp: Language, *, pronoun_window: int = 2) -> None:
        self.vocab: Vocabulary = vocabulary()
        self.pronoun_window = pronoun_window
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for rule in self.vocab.kinds:
            if rule.terms:
                self.matcher.add(rule.id, list(nlp.tokenizer.pipe(rule.terms)))

    # ------------------------------------------------------------------ mentions

    def _mentions(self, doc: Doc, sent: Span, names: list[Span]) -> list[Mention]:
        found = []
        for span in names:
            if span.start >= sent.start and span.end <= sent.end:
                mention = self._noun_mention(doc, sent, span)
                if mention is not None:
                    found.append(mention)
        found.extend(self._accession_mentions(doc, sent))
        found.sort(key=lambda m: (m.start, m.end))
        return found

    def _noun_mention(self, doc: Doc, sent: Span, span: Span) -> Mention | None:
        rule = self.vocab.kind_rule(span.label_)
        words = [t.lower_ for t in span]
        # Multiword names such as "memorandum of understanding" or "right to mine" have their head first.
        head = span[0] if any(w in ("of", "to") for w in words) else span[-1]
        if head.pos_ not in ("NOUN", "PROPN"):
            return None
        if head.i + 1 < len(doc) and doc[head.i + 1].text in ("-", "\u2010", "\u2011") and head.i + 1 < sent.end - 1:
            return None
        if head.dep_ in ("compound", "amod") and head.head.i > head.i and head.head.i not in range(span.start, span.end):
            return None
        start = head.left_edge.i if head == span[-1] else span.start
        start = max(min(start, span.start), sent.start)
        # A phrase does not reach back over punctuation (apposition, lists).
        for i in range(span.start - 1, start - 1, -1):
            if doc[i].is_punct and doc[i].text not in ("-", "'", "\u2019"):
                start = i + 1
                break
        # A party named right before the agreement ("gave Rosneft oil rights") is not part of its name.
        for ent in doc.ents:
            if ent.label_ in ("ORG", "PERSON") and start <= ent.start < span.start:
                start = ent.end
        left_text = doc.text[max(sent.start_char, span.start_char - 30) : span.start_char]
        if self.vocab.not_agreement.search(left_text):
            return None
        if any(doc[i].lower_ == "no" and doc[i].dep_ == "det" for i in range(start, span.start)):
            return None
        plural = head.tag_ in PLURAL_TAGS or (head.lower_.endswith("s") and head.lower_ not in ("accords", "rights", "mous", "protocols") and head.lower_[:-1] in {w.rstrip("s") for w in rule.terms if not w.endswith("s")})
        if head.lower_ in ("accords", "protocols", "rights"):
            plural = head.lower_ != "rights"
        definite = any(doc[i].lower_ in DEFINITE or doc[i].dep_ == "poss" for i in range(start, span.start))
        if not definite and plural:
            definite = start == span.start or all(doc[i].pos_ in ("ADJ", "PROPN", "NOUN", "VERB") for i in range(start, span.start))
        return Mention(start, span.end, head.i, span.start, rule, plural, definite)

    def _accession_mentions(self, doc: Doc, sent: Span) -> list[Mention]:
        rule = self.vocab.kind_rule("kind.accession_join")
        out = []
        for tok in sent:
            if tok.lemma_ not in self.vocab.cues.accession_verbs or tok.pos_ != "VERB":
                continue
            objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "prep")]
            objs = [o for c in objs for o in ([c] if c.dep_ == "dobj" else [g for g in c.children if g.dep_ == "pobj"])]
            formal = any(c.lower_ in self.vocab.cues.accession_adverbs for c in tok.children)
            for obj in objs:
                obj_text = doc.text[obj.left_edge.idx : obj.idx + len(obj)]
                if self.vocab.accession_orgs.match(obj_text) or (formal and obj.pos_ == "PROPN"):
                    first = min([tok.i] + [c.i for c in tok.children if c.lower_ in self.vocab.cues.accession_adverbs])
                    out.append(Mention(first, obj.i + 1, tok.i, tok.i, rule, False, False))
        return out

    # ------------------------------------------------------------------ groups and clauses

    def _groups(self, doc: Doc, mentions: list[Mention]) -> list[list[Mention]]:
        """Mentions of one sentence that name the same agreement ("a deal granted ... a lease") merged."""
        groups: list[list[Mention]] = []
        for m in mentions:
            if groups and self._linked(doc, groups[-1][-1], m):
                groups[-1].append(m)
            else:
                groups.append([m])
        return groups

    def _linked(self, doc: Doc, a: Mention, b: Mention) -> bool:
        between = doc[a.end : b.start]
        if self.vocab.link_between.match(between.text) and (a.rule.generic or b.rule.generic) and not (a.plural or b.plural):
            return True
        if len(between) > 12 or not (a.rule.generic or b.rule.generic) or a.rule.generic == b.rule.generic:
            return False
        breaks = set(self.vocab.cues.clause_breaks) - {"and", ","}
        if any(t.lower_ in breaks for t in between) or any(t.lower_ in PRONOUNS for t in between):
            return False
        return any(t.lemma_ in self.vocab.cues.grant_verbs and t.pos_ in ("VERB", "AUX") for t in between)

    def _regions(self, doc: Doc, sent: Span, groups: list[list[Mention]]) -> list[tuple[int, int]]:
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
        return list(zip(cuts, cuts[1:]))

    # ------------------------------------------------------------------ resolution

    def _identified(self, doc: Doc, mention: Mention, terms: Terms) -> bool:
        """True when a definite mention carries its own identity (a date, a party, "with X"), so is new."""
        if terms.signed_in_phrase:
            return True
        tokens = doc[mention.start : mention.kind_start]
        if any(t.ent_type_ in ("DATE", "ORG", "GPE", "NORP") for t in tokens):
            return True
        after = doc[mention.end : mention.end + 3]
        return any(t.lower_ in ("with", "between") for t in after[:1]) and any(t.ent_type_ for t in after)

    def _antecedent(self, drafts: list[Draft], mention: Mention) -> Draft | None:
        for draft in reversed(drafts):
            if draft.kind_mention.rule.kind == mention.rule.kind:
                return draft
        if drafts and (mention.rule.generic or drafts[-1].kind_mention.rule.generic):
            return drafts[-1]
        return None

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        reader = ClauseReader(doc, self.vocab, doc._.cw_timexes or [], doc._.cw_entities or [])
        drafts: list[Draft] = []
        collective: list[Term] = []
        names = filter_spans(self.matcher(doc, as_spans=True))
        for si, sent in enumerate(doc.sents):
            groups = self._groups(doc, self._mentions(doc, sent, names))
            if not groups:
                recent = drafts[-1] if drafts and si - drafts[-1].last_sentence <= self.pronoun_window else None
                if recent is not None and any(t.lower_ in PRONOUNS and t.dep_.startswith("nsubj") for t in sent):
                    terms = reader.read(sent.start, sent.end, [])
                    if terms.has_terms():
                        recent.terms.absorb(terms)
                        recent.last_sentence = si
                continue
            for group, (a, b) in zip(groups, self._regions(doc, sent, groups)):
                terms = reader.read(a, b, group)
                first = group[0]
                kind_mention = next((m for m in group if not m.rule.generic), first)
                if first.plural and not terms.has_substance():
                    if terms.status is not None:
                        collective.append(terms.status)
                        if not drafts:
                            drafts.append(Draft(group, kind_mention, terms, si))
                            drafts[-1].terms.collective = True
                    continue
                target = None
                if first.definite and not first.plural and not self._identified(doc, first, terms):
                    target = self._antecedent([d for d in drafts if not d.terms.collective], first)
                if target is None:
                    drafts.append(Draft(list(group), kind_mention, terms, si))
                else:
                    target.mentions.extend(group)
                    target.terms.absorb(terms)
                    target.last_sentence = si
        if len(drafts) > 1:
            drafts = [d for d in drafts if not d.terms.collective]
        for draft in drafts:
            if draft.terms.status is None and collective:
                draft.terms.status = collective[-1]
        doc._.cw_agreements = [self._agreement(doc, ctx.doc_id, d) for d in drafts]
        return doc

    # ------------------------------------------------------------------ output

    def _agreement(self, doc: Doc, doc_id: str, draft: Draft) -> Agreement:
        t = draft.terms
        first = draft.mentions[0]
        phrase = doc[first.start : first.end]
        ev = [evidence(doc, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.rule.id) for m in draft.mentions]
        km = draft.kind_mention
        field_ev = {"kind": evidence(doc, doc[km.start].idx, doc[km.end - 1].idx + len(doc[km.end - 1]), km.rule.id)}

        def put(name: str, term: Term | None) -> None:
            if term is not None:
                field_ev[name] = evidence(doc, term.start, term.end, term.rule)

        parties = [Argument(text=p.value[0], start=p.start, end=p.end, entity_id=p.value[1]) for p in t.parties]
        if t.parties:
            # One span for all parties when they are close; else the first party (a later one has its own clause).
            last = t.parties[-1] if t.parties[-1].end - t.parties[0].start < 200 else t.parties[0]
            field_ev["parties"] = evidence(doc, t.parties[0].start, last.end, t.parties[0].rule)
        signed = sorted({s.value for s in t.signed})
        if t.signed:
            field_ev["signed"] = evidence(doc, min(s.start for s in t.signed), max(s.end for s in t.signed), t.signed[0].rule)
        put("asset", t.asset)
        put("duration", t.duration)
        put("renewal", t.renewal)
        put("status", t.status)
        expires = None
        if t.expires is not None:
            expires = Expiry(value=t.expires.value, computed=False)
            put("expires", t.expires)
        elif t.duration is not None and len(signed) == 1 and is_date(signed[0]) and is_duration(t.duration.value):
            value = add_duration(date=signed[0], duration=t.duration.value)
            if value is not None:
                expires = Expiry(value=value, computed=True)
                s0 = t.signed[0]
                lo, hi = min(s0.start, t.duration.start), max(s0.end, t.duration.end)
                field_ev["expires"] = evidence(doc, lo, hi, "expires.computed")
        renewal = None
        if t.renewal is not None:
            automatic, period = t.renewal.value
            renewal = Renewal(automatic=automatic, period=period, text=doc.text[t.renewal.start : t.renewal.end])
        return Agreement(
            id=stable_id("agr", doc_id, phrase.start_char, phrase.end_char, km.rule.kind),
            kind=km.rule.kind,
            text=doc.text[phrase.start_char : phrase.end_char],
            parties=parties,
            asset=t.asset.value if t.asset else None,
            signed=signed,
            duration=t.duration.value if t.duration else None,
            expires=expires,
            renewal=renewal,
            status=t.status.value if t.status else None,
            field_evidence=field_ev,
            evidence=ev,
        )


@Language.factory(
    "claimweave_agreements",
    assigns=["doc._.cw_agreements"],
    requires=["doc._.cw_entities", "doc._.cw_timexes"],
    default_config={"pronoun_window": 2},
)
def make_agreements(nlp: Language, name: str, pronoun_window: int) -> AgreementExtractor:
    """The agreements component; ``pronoun_window`` is how many sentences "it"/"they" may look back."""
    ensure_extensions()
    return AgreementExtractor(nlp, pronoun_window=pronoun_window)
