"""Syntactic helpers shared by the claims and quotes components.

Noun-phrase spans of dependency heads, linking them to ``doc._.cw_entities`` by offsets,
resolving "he"/"she" to the most recent person, and finding the grammatical subject of a verb
(through coordination, control and relative clauses).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from claimweave.extract.common import context
from claimweave.extract.entities import name_key
from claimweave.models import Argument, DocEntity

_POSSESSIVE = re.compile(r"\s*['\u2019]s?$")
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom", "whose"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "him", "her"})
#: Possessives that stand for a person ("his overthrow"), resolved like the personal pronouns.
POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
#: Children kept on the left of a noun phrase head (determiners and modifiers, not clauses).
_LEFT_DEPS = frozenset({"det", "amod", "compound", "poss", "nummod", "nmod", "quantmod", "case", "predet", "punct"})
_RIGHT_DEPS = frozenset({"compound", "flat", "nummod"})
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC"})
_ENTITY_PRIORITY = {"PERSON": 0, "ORG": 1, "GPE": 2, "NORP": 3, "LOC": 4, "FAC": 5}


class EntityIndex:
    """Entity mentions of one document, searchable by character offsets."""

    def __init__(self, entities: Iterable[DocEntity] | None) -> None:
        rows = []
        for entity in entities or []:
            for mention in entity.mentions:
                rows.append((mention.start, mention.end, entity))
        rows.sort(key=lambda r: (r[0], r[1], r[2].id))
        self._rows = rows
        self._starts = [r[0] for r in rows]

    def covering(self, start: int, end: int) -> list[tuple[int, int, DocEntity]]:
        """Mentions overlapping [start, end)."""
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self._rows[:hi] if r[1] > start]

    def best(self, start: int, end: int, head: Token | None = None) -> DocEntity | None:
        """The entity a phrase refers to: a mention containing its head, else the most salient one inside."""
        found = self.covering(start, end)
        if not found:
            return None
        if head is not None:
            on_head = [r for r in found if r[0] <= head.idx < r[1]]
            if on_head:
                return on_head[0][2]
        # "the Syrian state agency SANA", "Foreign Minister Sergey Lavrov": the name ends the phrase.
        # "Russia's foreign minister" is not Russia, and "the Syrian delegation" is not "Syrian".
        inside = [r for r in found if r[0] >= start and r[1] == end and r[2].label in _NAMED_LABELS]
        if not inside:
            return None
        return min(inside, key=lambda r: (_ENTITY_PRIORITY.get(r[2].label, 9), r[0]))[2]

    def people(self) -> list[tuple[str, DocEntity]]:
        """(name key, entity) for every PERSON entity."""
        seen = {}
        for _, _, entity in self._rows:
            if entity.label == "PERSON":
                seen[entity.id] = entity
        return [(name_key(e.name), e) for e in seen.values()]

    def last_person_before(self, offset: int, *, excluded: list[tuple[int, int]] = ()) -> tuple[int, int, DocEntity] | None:
        """The closest PERSON mention ending before ``offset``, skipping mentions in ``excluded`` ranges."""
        hi = bisect.bisect_left(self._starts, offset)
        for row in reversed(self._rows[:hi]):
            if row[2].label != "PERSON" or row[1] > offset:
                continue
            if any(s <= row[0] < e for s, e in excluded):
                continue
            return row
        return None


def phrase_bounds(head: Token) -> tuple[int, int]:
    """Token bounds [start, end) of the noun phrase headed by ``head`` (modifiers, no clauses or PPs)."""
    start = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ not in _LEFT_DEPS or child.right_edge.i != start - 1:
            break
        start = child.left_edge.i
    end = head.i + 1
    for child in head.rights:
        if child.left_edge.i != end:
            break
        named = child.pos_ == "PROPN" or child.ent_type_ in _NAMED_LABELS
        if child.dep_ in _RIGHT_DEPS or (child.dep_ in ("appos", "amod") and named):
            end = child.right_edge.i + 1 if child.dep_ != "appos" else _appos_end(child)
        else:
            break
    doc = head.doc
    # A phrase never crosses a line break (menus and headings left over from the page).
    for i in range(head.i - 1, start - 1, -1):
        if "\n" in doc[i].text_with_ws:
            start = i + 1
            break
    for i in range(head.i, end):
        if "\n" in doc[i].text_with_ws and i + 1 < end:
            end = i + 1
            break
    # "Sanctions Relief: Russian Foreign Minister Sergey Lavrov": a run-in heading is not the name.
    for i in range(head.i - 1, start - 1, -1):
        # ... and "DUBAI - Syria's government": neither is a dateline.
        spaced_dash = doc[i].text in ("-", "\u2013", "\u2014") and doc[i].whitespace_ and i > 0 and doc[i - 1].whitespace_
        if doc[i].text in (":", "\u2022", "(", ")") or spaced_dash:
            start = i + 1
            break
    for i in range(head.i + 1, end):
        if doc[i].text in ("(", ")", ":"):
            end = i
            break
    while start < head.i and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end - 1 > head.i and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return start, end


def _appos_end(appos: Token) -> int:
    """End of a proper-name apposition ("the minister Asaad al Shaibani"), without its own clauses."""
    end = appos.i + 1
    for child in appos.rights:
        if child.i == end and child.dep_ in _RIGHT_DEPS:
            end = child.right_edge.i + 1
        else:
            break
    return end


#: Verbs whose subject, never an object, does what the infinitive says ("X agreed with his
#: counterpart, Y, to set up a committee": a dobj the parser hangs on them is a misparse).
SUBJECT_CONTROL = frozenset({
    "agree", "aim", "attempt", "decide", "decline", "fail", "hope", "intend", "manage", "offer",
    "plan", "pledge", "promise", "refuse", "seek", "threaten", "try", "volunteer", "vow",
})


def subject_of(verb: Token) -> Token | None:
    """The token that is the subject of ``verb``: its own, or inherited through conj, xcomp, advcl, relcl."""
    seen = set()
    current = verb
    while current.i not in seen:
        seen.add(current.i)
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # "MOSCOW, 13 February — Putin spoke": a dateline parsed as a second subject.
            before = [c for c in subjects if c.i < current.i]
            return antecedent(before[-1] if before else subjects[0])
        for child in current.children:
            if child.dep_ == "agent":
                pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
                if pobj is not None:
                    return antecedent(pobj)
        if any(c.dep_ == "nsubjpass" for c in current.children):
            return None
        dep, head = current.dep_, current.head
        if head.i == current.i:
            return None
        if dep == "conj" and head.pos_ in ("VERB", "AUX"):
            current = head
        elif dep == "xcomp" and head.pos_ == "ADJ":
            current = head.head if head.dep_ == "acomp" else head
        elif dep == "xcomp" or (dep == "ccomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in current.children)):
            controller = next((c for c in head.children if c.dep_ in ("dobj", "dative", "nsubjpass")), None)
            if controller is not None and head.lemma_ not in SUBJECT_CONTROL:
                return antecedent(controller)
            current = head
        elif dep == "acomp" or (dep == "xcomp" and head.pos_ == "ADJ"):
            current = head
        elif dep == "pcomp" and head.head.dep_ in ("acl", "amod") and head.head.tag_ == "VBN":
            # "two Libyans suspected of blowing up a jet": the participle modifies the agent.
            return head.head.head
        elif dep in ("advcl", "pcomp"):
            # "after meeting Lavrov, the delegation was received": the participle's subject is
            # the main clause's surface subject, active or passive.
            if dep == "advcl" and current.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in current.children):
                return None  # "Accompanied by X, the delegation ...": a passive participle has no own subject
            current = head if dep != "pcomp" else head.head
            if current.pos_ not in ("VERB", "AUX"):
                return None
            surface = next((c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if surface is not None:
                return antecedent(surface)
        elif dep in ("relcl", "acl") and current.tag_ != "VBN":
            return head
        else:
            return None
    return None


def passive_object(verb: Token) -> Token | None:
    """The patient of a passive verb (its nsubjpass, or the noun a past participle modifies)."""
    for child in verb.children:
        if child.dep_ == "nsubjpass":
            return antecedent(child)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return verb.head
    if verb.dep_ == "conj" and verb.tag_ == "VBN" and verb.head.pos_ in ("VERB", "AUX"):
        return passive_object(verb.head) if not any(c.dep_ == "nsubj" for c in verb.children) else None
    return None


def antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause modifies ("the man who came" -> man)."""
    if token.lower_ in RELATIVE_PRONOUNS and token.tag_ in ("WDT", "WP", "WP$"):
        clause = token.head
        while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
            if clause.dep_ not in ("conj", "ccomp", "xcomp"):
                break
            clause = clause.head
        if clause.dep_ in ("relcl", "acl"):
            return clause.head
    return token


def make_argument(doc: Doc, head: Token, entities: EntityIndex, quotes: list[tuple[int, int]] = ()) -> Argument:
    """An Argument for the noun phrase headed by ``head``, linked to its entity (pronouns resolved)."""
    text = context(doc).text
    start_i, end_i = phrase_bounds(head)
    span = doc[start_i:end_i]
    start, end = span.start_char, span.end_char
    entity = entities.best(start, end, head)
    if entity is None and (head.lower_ in PERSONAL_PRONOUNS or head.lower_ in POSSESSIVE_PRONOUNS):
        entity, name = resolve_person(head, entities, quotes)
        if entity is None and name is not None:
            # The tagger missed the person: the argument is the name the pronoun stands for.
            return make_argument(doc, name, entities, quotes)
    return Argument(text=text[start:end], start=start, end=end, entity_id=entity.id if entity else None)


def resolve_person(
    pronoun: Token, entities: EntityIndex, quotes: Iterable[tuple[int, int]] = ()
) -> tuple[DocEntity | None, Token | None]:
    """The person "he"/"she" stands for: the closest preceding name of a person, outside quotes.

    Names are matched against the document's PERSON entities, so "Al-Sharaa" at the start of a
    sentence (where the tagger may miss it) still resolves to the person "Ahmad al-Sharaa". When
    no entity matches, the closest preceding subject that is an untagged name is returned instead.
    """
    doc = pronoun.doc
    quotes = list(quotes)
    people = entities.people()
    first = pronoun.sent.start
    for _ in range(3):
        if first == 0:
            break
        first = doc[first - 1].sent.start
    untagged = None
    for i in range(pronoun.i - 1, first - 1, -1):
        token = doc[i]
        if token.pos_ != "PROPN" or token.dep_ in ("compound", "flat") or any(s <= token.idx < e for s, e in quotes):
            continue
        if untagged is None and token.dep_ in ("nsubj", "nsubjpass", "appos") and _person_like(token):
            untagged = token
        start = i
        while start > 0 and (doc[start - 1].pos_ == "PROPN" or doc[start - 1].text == "-") and doc[start - 1].dep_ in ("compound", "punct", "flat"):
            start -= 1
        # "Mr. Netanyahu" is "Benjamin Netanyahu": try the whole run, then the surname alone.
        for key in (name_key(doc[start : i + 1].text), name_key(token.text)):
            matches = [e for k, e in people if key and (k == key or k.endswith(" " + key))]
            if matches:
                return max(matches, key=lambda e: (len(e.name), e.id)), token
    found = entities.last_person_before(pronoun.idx, excluded=quotes)
    if found is not None and (untagged is None or found[0] > untagged.idx):
        return found[2], None
    return None, untagged


def _person_like(token: Token) -> bool:
    """A subject that may be a person the tagger missed: untagged, or a plain "First Last" name
    tagged as an organisation ("Helena Novak" as ORG)."""
    if token.ent_type_ in ("", "PERSON"):
        return True
    if token.ent_type_ != "ORG":
        return False
    run = [t for t in token.lefts if t.dep_ == "compound"] + [token]
    return 2 <= len(run) <= 3 and all(t.is_alpha and t.is_title for t in run)


def display_name(argument: Argument, entities: Iterable[DocEntity] | None) -> str:
    """The entity's name for a linked argument (so "he" reads as the person), else its text."""
    if argument.entity_id:
        for entity in entities or []:
            if entity.id == argument.entity_id:
                return _POSSESSIVE.sub("", entity.name)
    return argument.text


def span_of(doc: Doc, start: int, end: int) -> Span | None:
    """The tokens covering the characters [start, end), or None outside the text."""
    return doc.char_span(start, end, alignment_mode="expand")


def root_of(span: Span) -> Token:
    """The syntactic head of a span: the token whose head lies outside it."""
    for token in span:
        if token.head.i < span.start or token.head.i >= span.end or token.head.i == token.i:
            return token
    return span[0]
