"""Shapes of an agreement's asset in the parse: the head of a noun phrase, phrases that say nothing about
what an agreement covers ("the deal of the century", "a contract for a pitcher"), and the subordinate
clauses whose verbs are not the agreement's ("... since the committee controls defence budgets")."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from claimweave.extract.agreement_rules import AssetWords

_CONTENT = ("NOUN", "PROPN", "ADJ", "NUM", "VERB")


def np_root(doc: Doc, start: int, end: int) -> Token:
    """The token of doc[start:end] whose head lies outside it (the first one, if the parse splits it)."""
    return next((t for t in doc[start:end] if not start <= t.head.i < end or t.head.i == t.i), doc[start])


def empty_asset(doc: Doc, start: int, end: int, words: AssetWords) -> bool:
    """True when tokens [start, end) name no asset: a person or beneficiary ("a pitcher in major-league
    history", "poor nations"; not a facility the model took for a person, "Rafah Crossing"), or an empty
    head with nothing else in the phrase ("the century", "an end", "the matter")."""
    root = np_root(doc, start, end)
    keys = {root.lower_, root.lemma_.lower()}
    person = root.ent_type_ == "PERSON" and not keys & words.facility_heads
    if person or keys & words.people_heads or keys & words.no_asset_heads:
        return True
    others = [t for t in doc[start:end] if t.i != root.i and t.pos_ in _CONTENT]
    return bool(keys & words.empty_heads) and not others


def handed_over(doc: Doc, start: int, end: int, words: AssetWords) -> int | None:
    """The token after which the real asset starts when the phrase only points at it: "an end to the war",
    "tariffs and other barriers to trade in goods" (the index of the token after the preposition)."""
    root = np_root(doc, start, end)
    last = doc[end - 1]
    if end + 1 >= len(doc):
        return None
    prep = doc[end].lower_
    if root.lemma_.lower() in words.light_to_heads and prep == "to":
        return end + 1
    if {last.lower_, last.lemma_.lower()} & words.barrier_heads and prep in ("to", "on", "against"):
        return end + 1
    return None


def foreign_clauses(top: Token, keep: set[int], words: AssetWords) -> set[int]:
    """Tokens under ``top`` in clauses that are not about what the agreement covers: adverbial clauses
    opened by a subordinator ("even though New Delhi has developed nuclear weapons") and relative clauses
    on other nouns ("the subcommittee which controls defence budgets"); ``keep`` are the agreement's own
    tokens, whose clauses stay."""
    out: set[int] = set()
    for t in top.subtree:
        if t.i == top.i or t.i in out:
            continue
        # (an adverbial clause is at times parsed as the verb's complement: "allows X even though ...")
        subordinate = t.dep_ in ("advcl", "ccomp") and any(c.dep_ == "mark" and c.lower_ in words.subordinators for c in t.children)
        other_relative = t.dep_ == "relcl" and t.head.i not in keep
        if subordinate or other_relative or of_list_item(t, keep):
            span = {s.i for s in t.subtree}
            if not span & keep:
                out |= span
    return out


def of_list_item(verb: Token, keep: set[int]) -> bool:
    """True for a "for X to V" clause written right after another item of a list the agreement is in
    ("cover a gas contract, barter deals and permission for Bratislava to use X"): that item's clause,
    however the parser hung it."""
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ == "for" and c.i < verb.i), None)
    if mark is None or mark.i == 0:
        return False
    item = verb.doc[mark.i - 1]
    return item.i not in keep and item.dep_ == "conj" and item.pos_ == "NOUN"


def clause_end(verb: Token, subordinators: frozenset[str] = frozenset()) -> int:
    """One past the last token of a verb's clause, leaving out verbs coordinated with it
    ("to be confined to camps with their weapons and placed under ..." ends at "weapons") and adverbial
    clauses opened by one of ``subordinators`` ("return to the bases after they pulled out" ends at "bases")."""
    def subordinate(c: Token) -> bool:
        return c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in subordinators for m in c.children)

    ends = [verb.i] + [c.right_edge.i for c in verb.children if c.dep_ not in ("conj", "cc", "punct") and not subordinate(c)]
    return max(ends) + 1
