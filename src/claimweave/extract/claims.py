"""Claims (``doc._.cw_claims``): who did what to whom, when and where, and who says so.

Predicates come from the dependency parse: content verbs with a subject or object worth keeping,
and event nominals dated by a time expression ("the July 2025 visit"). Reporting verbs become
attribution, aspectual and light verbs hand over to their complement, and quoted speech,
headlines and boilerplate make no claims. Modality and attribution come from the cue files in
``patterns/claims`` (see ``claimweave.extract.modality``); dates from ``doc._.cw_timexes``.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from claimweave.extract.arguments import (
    POSSESSIVE_PRONOUNS,
    EntityIndex,
    antecedent,
    display_name,
    make_argument,
    passive_object,
    subject_of,
)
from claimweave.extract.claim_rules import ClaimRules, claim_rules
from claimweave.extract.claim_syntax import (
    after_publication,
    heading_line,
    hyphen_parts,
    hyphen_tail,
    misparsed_main_verb,
    near,
    near_span,
    place_like,
    same_line,
    told_in_past,
    wordlike,
)
from claimweave.extract.claim_time import Attached, TimeIndex
from claimweave.extract.common import analysed_text, context, ensure_extensions, evidence, stable_id
from claimweave.extract.modality import (
    Marker,
    attribution_scopes,
    decide,
    markers,
    nominal_markers,
    skip_modal,
)
from claimweave.extract.quotes import find_quote_spans
from claimweave.models import Argument, Attribution, Claim, Evidence, Predicate, TimeRef

_CLAUSE_DEPS = frozenset({"ROOT", "conj", "ccomp", "xcomp", "advcl", "relcl", "acl", "pcomp", "parataxis"})
_OBJECT_DEPS = ("dobj", "attr", "oprd")
_PRONOUN_OBJECTS = frozenset({"it", "this", "that", "them", "so"})


class ClaimExtractor:
    """The claims component: one Claim per kept predicate."""

    def __init__(self, rules: ClaimRules, *, nominal_claims: bool = True) -> None:
        self.rules = rules
        self.nominal_claims = nominal_claims
        predicates = rules.predicates
        self.event_nominals = predicates.words("event_nominal")
        self.light = predicates.words("skip")
        self.aspectual = predicates.words("aspectual")
        self.location_verbs = predicates.words("location_verb")
        self.location_preps = predicates.words("location_prep")
        self.travelling_groups = predicates.words("travelling_group")
        self.participant_preps = predicates.words("participant_prep")

    def __call__(self, doc: Doc) -> Doc:
        doc._.cw_claims = self.extract(doc)
        return doc

    # ------------------------------------------------------------------ document

    def extract(self, doc: Doc) -> list[Claim]:
        ctx = context(doc)
        entities = EntityIndex(doc._.cw_entities)
        times = TimeIndex(doc, doc._.cw_timexes, self.event_nominals)
        quotes = [(q.outer_start, q.outer_end) for q in find_quote_spans(analysed_text(doc), self.rules)]
        quoted = bytearray(len(analysed_text(doc)) + 1)  # 1 at each character inside a quote
        for s, e in quotes:
            quoted[s:e] = b"\x01" * len(quoted[s:e])
        claims: dict[str, Claim] = {}
        for sent in doc.sents:
            if self._skip_sentence(sent):
                continue
            sources = attribution_scopes(sent, self.rules)
            for token in sent:
                if quoted[token.idx]:
                    continue
                claim = None
                if token.pos_ == "VERB":
                    claim = self._verb_claim(doc, token, sources, entities, times, quotes, ctx.published)
                elif self.nominal_claims and token.pos_ == "NOUN" and token.lemma_.casefold() in self.event_nominals:
                    claim = self._nominal_claim(doc, token, sources, entities, times, quotes, ctx.published)
                if claim is not None:
                    claims[claim.id] = claim
        return sorted(claims.values(), key=lambda c: (c.evidence[0].start, c.id))

    def _skip_sentence(self, sent: Span) -> bool:
        text = analysed_text(sent.doc)[sent.start_char : sent.end_char].strip()  # == sent.text, not rebuilt
        if not text or self.rules.is_boilerplate(text) or text.endswith("?"):
            return True
        words = [t for t in sent if t.is_alpha]
        if len(words) < 3:
            return True
        # A headline (or a headline repeated as body): title case, no closing punctuation.
        capitalised = sum(1 for t in words if t.text[0].isupper() or t.is_stop and not t.is_sent_start)
        titled = sum(1 for t in words if t.text[0].isupper())
        return text[-1] not in ".!?\"'\u201d\u2019)" and titled >= 0.6 * len(words) and capitalised >= 0.8 * len(words)

    # ------------------------------------------------------------------ verbs

    def _verb_claim(self, doc, verb: Token, sources, entities, times, quotes, published) -> Claim | None:
        lemma = verb.lemma_.casefold()
        if verb.dep_ not in _CLAUSE_DEPS or lemma in self.light:
            return None
        if verb.dep_ == "acl" and verb.tag_ not in ("VBN", "VBD"):
            return None
        if not wordlike(verb) or heading_line(verb) or hyphen_tail(verb):
            return None
        before = " ".join(t.lower_ for t in doc[max(verb.i - 2, 0) : verb.i])
        if before.endswith(("rather than", "instead of", "than")):
            return None  # the road not taken ("rather than sink more resources")
        children = list(verb.children)
        if verb.tag_ == "VBG" and verb.dep_ in ("xcomp", "ccomp", "pcomp", "csubj") and not any(
            c.dep_ in ("nsubj", "aux") for c in children
        ):
            # Gerund complements ("necessitates safeguarding its interests") are not events of
            # their own, except after aspectual verbs ("stopped paying").
            if verb.head.lemma_.casefold() not in self.aspectual and not self._hedged_gerund(verb):
                return None
        if (
            verb.tag_ == "VBG"
            and verb.dep_ == "advcl"
            and verb.i > verb.head.i
            and not any(c.dep_ == "nsubj" for c in children)
            and (
                subject_of(verb) is None
                or subject_of(verb).ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
                or verb.head.tag_ != "VBD"
            )
        ):
            # A trailing participle comments (", making it the most ..."), unless a named actor
            # does it (", inviting al-Sharaa to a summit").
            return None
        if verb.tag_ == "VB" and verb.dep_ in ("advcl", "acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
            return None  # a purpose infinitive ("imposed ... to force the extradition")
        complement = any(c.dep_ in ("xcomp", "ccomp") and c.pos_ in ("VERB", "AUX") for c in children)
        if complement and (lemma in self.aspectual or lemma == "go" and verb.tag_ == "VBG"):
            return None
        if verb.dep_ == "xcomp" and verb.head.pos_ == "VERB" and self._content_verb(verb.head):
            return None  # "asked the Russians to go": what was asked for is not said to have happened
        if self._is_speech(verb, children, quotes):
            return None
        if skip_modal(verb, self.rules):
            return None
        if self._bare_gerund(verb, children):
            return None
        if verb.tag_ == "VB" and verb.dep_ not in ("xcomp", "ccomp", "conj") and not any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in children
        ):
            return None  # a bare infinitive ("rather than sink more resources") or an imperative
        subject_tok = same_line(subject_of(verb), verb)
        object_tok = same_line(passive_object(verb), verb)
        if object_tok is None:
            object_tok = next((c for c in children if c.dep_ in _OBJECT_DEPS and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)
        if (
            verb.dep_ == "relcl"
            and object_tok is None
            and subject_tok is not None
            and subject_tok.i != verb.head.i
            and not any(c.dep_ in ("advmod", "prep") and c.lower_ in ("where", "when", "why", "how") for c in children)
            and not any(c.dep_ == "prep" for c in children if any(g.lower_ in ("which", "whom") for g in c.children))
        ):
            object_tok = verb.head
        if object_tok is not None:
            object_tok = antecedent(object_tok)
            if object_tok.ent_type_ in ("DATE", "TIME"):
                object_tok = None  # "spent July 31 in talks": the date is the time, not the object
        if subject_tok is not None and subject_tok.ent_type_ in ("DATE", "TIME"):
            subject_tok = None  # "the fourth quarter ended Aug. 26" says when, not who did what
        if subject_tok is None and object_tok is None:
            return None
        if subject_tok is not None and subject_tok.pos_ in ("VERB", "AUX"):
            subject_tok = None
        if subject_tok is None and (object_tok is None or object_tok.lower_ in _PRONOUN_OBJECTS):
            return None
        if misparsed_main_verb(verb, children):
            subject_tok = verb.head  # "A 2018 agreement granted X the right": the parser took the verb for a modifier
            object_tok = next(c for c in children if c.dep_ == "dobj")
        elif verb.dep_ == "acl" and not (any(c.dep_ == "agent" for c in children) or times.on(verb)):
            return None  # "famed for", "adjusted for the split": participles as adjectives
        if subject_tok is None and verb.tag_ == "VBN" and verb.dep_ != "acl" and not any(c.dep_ == "auxpass" for c in children):
            return None  # an adjectival participle ("rather than assumed consent")
        subject = make_argument(doc, subject_tok, entities, quotes) if subject_tok is not None else None
        obj = make_argument(doc, object_tok, entities, quotes) if object_tok is not None else None
        location, participants = self._obliques(doc, verb, object_tok, entities, quotes)
        arguments = [t for t in (subject_tok, object_tok) if t is not None]
        arguments += [g for c in children if c.dep_ in ("prep", "dative") for g in c.children if g.dep_ == "pobj"]
        timed = times.for_verb(verb, arguments, self.event_nominals, self.aspectual, subject=subject_tok)
        invitation = self._invitation(verb, object_tok)
        if timed is None and invitation is not None:
            timed = self._invited_to(verb, object_tok, times)
        source = sources.get(verb.i)
        if source is not None and source.blocked or any(c.dep_ == "mark" and c.lower_ == "whether" for c in children):
            return None  # "did not say whether ...": nobody asserts it
        if (
            source is None
            and timed is None
            and verb.tag_ in ("VBZ", "VBP")
            and not any(c.dep_ in ("aux", "auxpass") for c in children)
        ):
            # The simple present states what is ("a doctor who speaks Russian", "the
            # relationship carries baggage"); events are told in the past, future, or dated.
            return None
        found = markers(verb, self.rules, reported=source is not None)
        if invitation is not None:
            found.append(invitation)
        if source is not None and source.modality:
            found.append(Marker(source.modality, source.cue_start, source.cue_end, source.rule))
        if timed is not None and not told_in_past(verb) and after_publication(timed[0].timex.value, published):
            found.append(self._date_marker(timed[0]))
        return self._build(doc, verb, "claims.verb", subject, obj, participants, location, timed, source, found, entities)

    def _bare_gerund(self, verb: Token, children: list[Token]) -> bool:
        """"Discussions included rearming the army and coordinating strategies": a gerund
        coordinated with a gerund complement is a complement too, not an event with a subject."""
        if verb.tag_ != "VBG" or any(c.dep_ in ("nsubj", "aux") for c in children):
            return False
        first = verb
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.i == verb.i or first.tag_ != "VBG":
            return False
        return first.dep_ in ("xcomp", "ccomp", "pcomp", "csubj", "dobj", "pobj", "nsubj") and first.head.lemma_.casefold() not in self.aspectual

    def _content_verb(self, verb: Token) -> bool:
        """A verb that is a claim of its own, not a governor handing over to its complement."""
        lemma = verb.lemma_.casefold()
        rules = self.rules
        governor = (
            lemma in self.aspectual
            or rules.hedges.match("governor", lemma)
            or rules.hedges.match("passive_governor", lemma)
            or rules.future.match("governor", lemma)
            or rules.negation.match("governor", lemma)
            or rules.attribution.match("verb", lemma)
            or lemma in self.light
            or lemma == "go"
        )
        return not governor

    def _hedged_gerund(self, verb: Token) -> bool:
        """"suspected of blowing up": the gerund is the (hedged) event itself."""
        prep = verb.head
        return verb.dep_ == "pcomp" and prep.head.lower_ in self.rules.hedges.words("modifier")

    def _is_speech(self, verb: Token, children: list[Token], quotes) -> bool:
        """Reporting verbs are attribution, not claims, unless they report a thing ("reported a loss")."""
        lemma = verb.lemma_.casefold()
        attribution = self.rules.attribution
        if attribution.match("quote_verb", lemma):
            if any(c.dep_ in ("oprd", "ccomp") or c.lower_ == "as" for c in children):
                return True
            end = verb.idx + len(verb)
            # Speech is next to its words: 'spoke of a “turning point”', '“...,” she said'.
            if any(0 <= s - end <= 40 or 0 <= verb.idx - e <= 40 for s, e in quotes):
                return True
        if not attribution.match("verb", lemma):
            return False
        if any(c.dep_ in ("ccomp", "parataxis") for c in children) or lemma == "say":
            return True
        return not any(c.dep_ in ("dobj", "nsubjpass") and c.pos_ in ("NOUN", "PROPN", "NUM") for c in children)

    def _obliques(self, doc, verb: Token, object_tok, entities, quotes) -> tuple[Argument | None, list[Argument]]:
        location = None
        participants: list[Argument] = []
        if object_tok is not None and object_tok.ent_type_ in ("GPE", "LOC", "FAC") and verb.lemma_.casefold() in self.location_verbs:
            location = make_argument(doc, object_tok, entities, quotes)
        for child in verb.children:
            if child.dep_ == "dative":
                participants.append(make_argument(doc, child, entities, quotes))
            if child.dep_ != "prep":
                continue
            prep = child.lower_
            for pobj in (g for g in child.children if g.dep_ == "pobj"):
                if location is None and prep in self.location_preps and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    location = make_argument(doc, pobj, entities, quotes)
                elif prep in self.participant_preps and pobj.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                    participants.append(make_argument(doc, pobj, entities, quotes))
        if location is None and object_tok is not None and object_tok.lemma_.casefold() in self.travelling_groups:
            # "led a delegation to Moscow", "sent troops into Mali": where the group goes is where it happens.
            for child in object_tok.children:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if child.dep_ == "prep" and child.lower_ in ("to", "into") and pobj is not None and pobj.ent_type_ in ("GPE", "LOC", "FAC"):
                    location = make_argument(doc, pobj, entities, quotes)
                    break
        return location, participants

    def _invitation(self, verb: Token, object_tok: Token | None) -> Marker | None:
        """"invited X to ...", "extended an invitation to ...": what is invited to is still to come."""
        for token in (verb, object_tok):
            if token is not None and (match := self.rules.future.match("predicate", token.lemma_.casefold())):
                return Marker("planned", token.idx, token.idx + len(token), match.id)
        return None

    def _invited_to(self, verb: Token, object_tok: Token | None, times: TimeIndex):
        """"invited X to the summit in October": the invitation is dated by the event it is to."""
        holders = [verb] + ([object_tok] if object_tok is not None else [])
        for child in (c for holder in holders for c in holder.children):
            if child.dep_ == "prep" and child.lower_ in ("to", "for"):
                for pobj in child.children:
                    found = times.on(pobj)
                    if found is not None:
                        return found, "invited_event"
        return None

    def _date_marker(self, attached: Attached) -> Marker:
        timex = attached.timex
        return Marker("planned", timex.start, timex.end, self.rules.future.cue("date").id)

    # ------------------------------------------------------------------ event nominals

    def _nominal_claim(self, doc, noun: Token, sources, entities, times, quotes, published) -> Claim | None:
        attached = times.on(noun) or times.during(noun)
        if attached is None or heading_line(noun):
            return None
        subject_tok = object_tok = location_tok = None
        for child in noun.children:
            if child.dep_ == "poss" and child.ent_type_ in ("DATE", "TIME"):
                continue  # "Tuesday's attack" says when, not who
            if child.dep_ == "poss" and (child.pos_ in ("PROPN", "NOUN") or child.lower_ in POSSESSIVE_PRONOUNS):
                subject_tok = child
            elif child.dep_ == "compound" and child.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
                subject_tok = subject_tok or child
            elif child.dep_ == "prep":
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if pobj is None or pobj.ent_type_ == "DATE":
                    continue
                if child.lower_ == "by":
                    subject_tok, object_tok = pobj, object_tok or subject_tok
                elif child.lower_ == "of":
                    if subject_tok is None:
                        subject_tok = pobj
                    else:
                        object_tok = pobj
                elif child.lower_ in ("to", "in", "at", "into") and place_like(pobj):
                    location_tok = location_tok or pobj
                elif child.lower_ in ("with", "between", "against") and object_tok is None:
                    object_tok = pobj
        if location_tok is None and subject_tok is not None:
            # "the visit of the president to Kyiv": the PP often hangs on the noun before it.
            for child in subject_tok.children:
                pobj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if child.dep_ == "prep" and child.lower_ in ("to", "in", "at", "into") and pobj is not None and place_like(pobj):
                    location_tok = pobj
        found = nominal_markers(noun, self.rules)
        if attached.via == "scheduled" and attached.cue is not None:
            cue = attached.cue
            found.append(Marker("planned", cue.idx, cue.idx + len(cue), self.rules.future.cue("modifier").id))
        scheduled = attached.via == "scheduled" or any(m.modality == "planned" for m in found)
        if subject_tok is None and object_tok is None and location_tok is None and not scheduled:
            return None  # "the 2015 intervention" alone says too little; "elections due in September" does
        subject = make_argument(doc, subject_tok, entities, quotes) if subject_tok is not None else None
        obj = make_argument(doc, object_tok, entities, quotes) if object_tok is not None else None
        location = make_argument(doc, location_tok, entities, quotes) if location_tok is not None else None
        if subject is not None and subject.entity_id is None and subject_tok.lower_ in POSSESSIVE_PRONOUNS:
            subject = None  # "his overthrow" says who only when "his" resolves to a person
            if obj is None and location is None and not scheduled:
                return None
        source = sources.get(noun.i)
        if after_publication(attached.timex.value, published):
            found.append(self._date_marker(attached))
        timed = (attached, attached.via)
        return self._build(doc, noun, "claims.nominal", subject, obj, [], location, timed, source, found, entities)

    # ------------------------------------------------------------------ assembly

    def _build(self, doc, head: Token, rule, subject, obj, participants, location, timed, source, found, entities) -> Claim:
        ctx = context(doc)
        first, last = hyphen_parts(head)
        pred_start, pred_end = doc[first].idx, doc[last - 1].idx + len(doc[last - 1])
        lemma = "-".join([t.lower_ for t in doc[first : last - 1] if t.text != "-"] + [doc[last - 1].lemma_.casefold()]) if last - first > 1 else head.lemma_.casefold()
        decided = decide(found, reported=source is not None)
        modality, cue = ("asserted", None)
        if decided is not None:
            modality, cue = decided.modality, ctx.text[decided.start : decided.end]
        elif source is not None:
            modality, cue = "reported", ctx.text[source.cue_start : source.cue_end]
        attribution = None
        items: list[Evidence] = []
        if source is not None:
            speaker = make_argument(doc, source.head, entities)
            name = display_name(speaker, doc._.cw_entities)
            if source.end is not None and speaker.entity_id is None:
                name = ctx.text[speaker.start : max(speaker.end, source.end)]
            attribution = Attribution(
                source=name,
                entity_id=speaker.entity_id,
                cue=ctx.text[source.cue_start : source.cue_end],
            )
            items.append(evidence(doc, source.cue_start, source.cue_end, source.rule))
        time: TimeRef | None = None
        spans = [(pred_start, pred_end)]
        spans += [(a.start, a.end) for a in (subject, obj, location) if a is not None and near(a, head)]
        if timed is not None:
            attached, how = timed
            time = attached.ref()
            items.append(evidence(doc, attached.timex.start, attached.timex.end, f"claims.time.{how}"))
            if near_span(attached.timex.start, head):
                spans.append((attached.timex.start, attached.timex.end))
        if decided is not None:
            items.append(evidence(doc, decided.start, decided.end, decided.rule))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        main = evidence(doc, start, end, rule)
        participants = sorted({(p.start, p.end): p for p in participants}.values(), key=lambda p: p.start)
        return Claim(
            id=stable_id("claim", ctx.doc_id, head.idx, head.lemma_),
            predicate=Predicate(lemma=lemma, text=ctx.text[pred_start:pred_end], start=pred_start, end=pred_end),
            subject=subject,
            object=obj,
            participants=participants,
            location=location,
            time=time,
            attribution=attribution,
            modality=modality,
            modality_cue=cue,
            evidence=[main, *sorted(items, key=lambda e: (e.start, e.end, e.rule))],
        )


@Language.factory(
    "claimweave_claims",
    assigns=["doc._.cw_claims"],
    requires=["doc._.cw_entities", "doc._.cw_timexes"],
    default_config={"nominal_claims": True},
)
def make_claims(nlp: Language, name: str, nominal_claims: bool) -> ClaimExtractor:
    """Claims with their time, attribution and modality, on ``doc._.cw_claims``."""
    ensure_extensions()
    return ClaimExtractor(claim_rules(), nominal_claims=nominal_claims)
