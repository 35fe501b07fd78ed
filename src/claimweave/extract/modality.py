"""Attribution and modality of a predicate, FactBank-style, from the cue lexicons.

Attribution: the clause under a reporting verb ("X said that ..."), under "according to X", or
the main clause of "As X put it" is what X says. Modality: the cue that decides whether the
text asserts, reports, hedges, negates, plans or conditions an event.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span, Token

from claimweave.extract.arguments import subject_of
from claimweave.extract.claim_rules import ClaimRules

#: When several cues apply, the strongest decides (a denied plan is negated, a reported hedge hedged).
MODALITY_RANK = {"negated": 0, "conditional": 1, "hedged": 2, "planned": 3, "reported": 4, "asserted": 5}
_COMPLEMENT_DEPS = ("ccomp", "parataxis")


@dataclass(frozen=True)
class Source:
    """Who says a clause: the source head token and the cue that marks it."""

    head: Token
    cue_start: int
    cue_end: int
    rule: str
    modality: str | None = None
    blocked: bool = False  # "did not say whether ...": nobody asserts what follows
    end: int | None = None  # where the source's name ends, when it runs past its head's phrase


@dataclass(frozen=True)
class Marker:
    """A modality cue found for a predicate."""

    modality: str
    start: int
    end: int
    rule: str


def attribution_scopes(sent: Span, rules: ClaimRules) -> dict[int, Source]:
    """For every token of ``sent`` inside reported material, its innermost source."""
    scopes: list[tuple[int, set[int], Source]] = []
    for token in sent:
        lemma = token.lemma_.casefold()
        if token.pos_ == "VERB" and (match := rules.attribution.match("verb", lemma)):
            speaker = subject_of(token)
            if speaker is None:
                continue
            negated = any(c.dep_ == "neg" for c in token.children)
            source = Source(speaker, token.idx, token.idx + len(token), match.id, match.modality, blocked=negated)
            complements = [c for c in token.children if c.dep_ in _COMPLEMENT_DEPS and c.i != speaker.i]
            for child in complements:
                tokens = {t.i for t in child.subtree}
                scopes.append((len(tokens), tokens, source))
            if not complements and token.dep_ in ("parataxis", "advcl") and speaker.i > token.head.i:
                # "Putin spoke with al-Sharaa, the Kremlin said, in the first ...": a parenthetical.
                tokens = {t.i for t in token.head.subtree} - {t.i for t in token.subtree}
                scopes.append((len(tokens), tokens, source))
        if token.lower_ == "according":
            to = next((c for c in token.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if pobj is None:
                continue
            clause = _clause_of(token)
            skip = {t.i for t in token.subtree}
            name_end = _name_end(pobj)
            skip |= set(range(token.i, name_end + 1))
            if clause is None or _sentence_edge(token, name_end, sent):
                # "According to SANA, ..." / "..., according to SANA." covers the whole sentence.
                tokens = {t.i for t in sent} - skip
            else:
                tokens = {t.i for t in clause.subtree} - skip
            end = sent.doc[name_end].idx + len(sent.doc[name_end])
            scopes.append((len(tokens), tokens, Source(pobj, token.idx, end, rules.attribution.cue("phrase").id, end=end)))
        if token.lower_ == "in" and token.dep_ == "prep":
            # "In Fidan's telling, ...", "in Moscow's view": the possessor is the source.
            pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
            holder = next((c for c in pobj.children if c.dep_ == "poss"), None) if pobj is not None else None
            match = rules.attribution.match("in_phrase", pobj.lemma_.casefold(), pobj.lower_) if holder is not None else None
            if match is not None:
                clause = _clause_of(token)
                skip = {t.i for t in token.subtree}
                if clause is None or _sentence_edge(token, token.right_edge.i, sent):
                    tokens = {t.i for t in sent} - skip
                else:
                    tokens = {t.i for t in clause.subtree} - skip
                end = token.right_edge.idx + len(token.right_edge)
                scopes.append((len(tokens), tokens, Source(holder, token.idx, end, match.id)))
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            match = rules.attribution.match("as_clause", lemma)
            speaker = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if match is None or speaker is None:
                continue
            skip = {t.i for t in token.subtree}
            tokens = {t.i for t in token.head.subtree} - skip
            cue_start = token.left_edge.idx
            cue_end = token.right_edge.idx + len(token.right_edge)
            scopes.append((len(tokens), tokens, Source(speaker, cue_start, cue_end, match.id, match.modality)))
    result: dict[int, Source] = {}
    for _, tokens, source in sorted(scopes, key=lambda s: -s[0]):
        for i in tokens:
            result[i] = source
    return result


def _name_end(pobj: Token) -> int:
    """Last token of the source named after "according to": "the state agency SANA" runs past the parse."""
    end = pobj.right_edge.i
    doc = pobj.doc
    while end + 1 < len(doc) and doc[end + 1].text[:1].isupper() and (doc[end + 1].pos_ == "PROPN" or doc[end + 1].is_upper):
        end += 1
    return end


def _sentence_edge(token: Token, name_end: int, sent: Span) -> bool:
    """True when "according to X" opens its sentence, or closes it (no clause with a subject after it)."""
    doc = sent.doc
    before = all(t.is_punct or t.is_space for t in doc[sent.start : token.left_edge.i])
    after = not any(t.dep_ in ("nsubj", "nsubjpass") for t in doc[name_end + 1 : sent.end])
    return before or after


def _clause_of(token: Token) -> Token | None:
    current = token.head
    while current.pos_ not in ("VERB", "AUX") and current.head.i != current.i:
        current = current.head
    return current if current.pos_ in ("VERB", "AUX") else None


def governors(predicate: Token) -> list[tuple[Token, bool]]:
    """The words a predicate is the complement of ("appears to", "expected to", "failed to", "willing to"),
    each with whether its own auxiliaries and negation carry down (not across a that-clause)."""
    chain = []
    current = predicate
    inherit = True
    while current.dep_ in ("xcomp", "ccomp", "acomp") and current.head.i != current.i and len(chain) < 4:
        if current.dep_ == "ccomp" and current.head.pos_ != "ADJ":
            inherit = False
        current = current.head
        chain.append((current, inherit))
    return chain


def markers(predicate: Token, rules: ClaimRules, *, reported: bool) -> list[Marker]:
    """Every modality cue bearing on ``predicate`` (its own auxiliaries and adverbs, its governors')."""
    found: list[Marker] = []
    scope = [(predicate, True), *governors(predicate)]
    for level, (verb, inherit) in enumerate(scope):
        lemma = verb.lemma_.casefold()
        if level > 0:
            passive = any(c.dep_ == "auxpass" for c in verb.children)
            if match := rules.hedges.match("governor", lemma):
                found.append(_marker("hedged", verb, match.id))
            elif passive and (match := rules.hedges.match("passive_governor", lemma)):
                found.append(_marker("hedged", verb, match.id))
            elif verb.pos_ == "ADJ" and (match := rules.hedges.match("adjective_governor", lemma)):
                found.append(_marker("hedged", verb, match.id))
            elif match := rules.negation.match("governor", lemma):
                found.append(_marker("negated", verb, match.id))
            elif match := rules.future.match("governor", lemma):
                found.append(_marker("planned", verb, match.id))
            elif lemma == "go" and verb.tag_ == "VBG" and (match := rules.future.match("going_to", lemma)):
                found.append(_marker("planned", verb, match.id))
        if inherit:
            found.extend(_own_markers(verb, rules, reported=reported))
    if predicate.dep_ == "conj" and predicate.tag_ == "VB" and not any(c.dep_ == "aux" for c in predicate.children):
        # "will open a consulate and hire staff": the modal of the first verb governs both.
        head = predicate.head
        found.extend(m for m in _own_markers(head, rules, reported=reported) if m.rule.startswith(("future.", "hedge.modal", "cond.")))
    return found


def _own_markers(verb: Token, rules: ClaimRules, *, reported: bool) -> list[Marker]:
    found = []
    children = list(verb.children)
    auxes = [c for c in children if c.dep_ in ("aux", "auxpass")]
    perfect = any(a.lemma_ == "have" for a in auxes)
    for child in children:
        low, dep = child.lower_, child.dep_
        if dep == "neg" and (match := rules.negation.match("particle", low)):
            found.append(_marker("negated", child, match.id))
        elif dep == "aux" and child.tag_ == "MD":
            modal = child.lemma_.casefold() if child.lemma_ != "wo" else "wo"
            if low in ("wo", "won't") or modal == "will" and low.startswith("wo"):
                modal = "will"
            if perfect and (match := rules.conditional.match("modal_perfect", modal, low)):
                found.append(_marker("conditional", child, match.id))
            elif match := rules.hedges.match("modal", modal, low):
                found.append(_marker("hedged", child, match.id))
            elif match := rules.future.match("modal", modal, low):
                found.append(_marker("planned", child, match.id))
            elif reported and (match := rules.future.match("reported_modal", modal, low)):
                found.append(_marker("planned", child, match.id))
            elif match := rules.conditional.match("modal", modal, low):
                found.append(_marker("conditional", child, match.id))
        elif dep == "advmod" and (match := rules.hedges.match("adverb", low)):
            found.append(_marker("hedged", child, match.id))
        elif dep == "mark" and (match := rules.conditional.match("mark", low)):
            found.append(_marker("conditional", child, match.id))
        elif dep == "prep":
            for grandchild in child.children:
                if grandchild.dep_ == "advmod" and (match := rules.hedges.match("adverb", grandchild.lower_)):
                    found.append(_marker("hedged", grandchild, match.id))
        elif dep == "dobj":
            for det in child.children:
                if det.dep_ == "det" and (match := rules.negation.match("determiner", det.lower_)):
                    found.append(_marker("negated", det, match.id))
                elif det.dep_ == "amod" and (match := rules.hedges.match("modifier", det.lower_)):
                    found.append(_marker("hedged", det, match.id))
    # "two Libyans suspected of blowing up a jet": the participle above the gerund hedges it.
    if verb.dep_ == "pcomp" and verb.head.head.lower_ in rules.hedges.words("modifier"):
        cue = verb.head.head
        match = rules.hedges.match("modifier", cue.lower_)
        found.append(_marker("hedged", cue, match.id))
    return found


def skip_modal(predicate: Token, rules: ClaimRules) -> bool:
    """Obligations and opinions ("must allow", "should begin") are not claims about events."""
    for verb, inherit in [(predicate, True), *governors(predicate)]:
        if not inherit:
            break
        for child in verb.children:
            if child.dep_ == "aux" and rules.conditional.match("skip_modal", child.lower_, child.lemma_.casefold()):
                return True
        if verb.i != predicate.i and verb.lemma_.casefold() == "need":
            return True
    return False


def decide(markers_found: list[Marker], *, reported: bool) -> Marker | None:
    """The marker that decides the modality (None: asserted, or reported when attributed)."""
    if not markers_found:
        return None
    return min(markers_found, key=lambda m: (MODALITY_RANK[m.modality], m.start))


def _marker(modality: str, token: Token, rule: str) -> Marker:
    return Marker(modality, token.idx, token.idx + len(token), rule)


def nominal_markers(noun: Token, rules: ClaimRules) -> list[Marker]:
    """Modality cues on an event nominal ("the upcoming elections", "alleged war crimes")."""
    found = []
    # "the upcoming September 2025 elections": the modifier may hang on the date inside the phrase.
    for child in (t for left in noun.lefts for t in left.subtree):
        low = child.lower_
        if child.dep_ in ("amod", "compound", "nmod") and (match := rules.future.match("modifier", low)):
            found.append(_marker("planned", child, match.id))
        elif child.dep_ in ("amod", "compound") and (match := rules.hedges.match("modifier", low)):
            found.append(_marker("hedged", child, match.id))
    return found


