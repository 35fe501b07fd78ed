"""Reading what an agreement covers, its asset ("a lease on Tartous port", "rights to extract
phosphate near Palmyra", "a deal to provide Gaza with electricity"), from the clause around it; the
token and noun-phrase helpers that the party reader (``agreement_arguments``) builds on."""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc

from claimweave.extract.agreement_asset_shapes import clause_end, empty_asset, foreign_clauses, handed_over
from claimweave.extract.agreement_asset_verbs import VerbAssets
from claimweave.extract.agreement_people import countries
from claimweave.extract.titles import affiliation_name
from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_side_shapes import HYPHENS, paired_sides
from claimweave.extract.agreement_terms import spells
from claimweave.extract.agreement_types import Mention, Term
from claimweave.extract.common import analysed_text
from claimweave.models import Timex

_ADJ_ENDINGS = ("al", "ent", "ant", "ive", "ous", "ic", "ary", "ful", "less", "able", "ible", "ian", "ed", "ing", "ory", "ar", "ile", "ese", "ish")
# adjectives that say how an agreement is, not what its first noun is ("a new gas contract")
_LOOSE_ADJECTIVES = {
    "new", "old", "long", "short", "big", "major", "huge", "large", "small", "first", "last", "latest", "recent",
    "current", "existing", "former", "further", "additional", "separate", "possible", "final", "key", "important",
    "landmark", "historic", "controversial", "lucrative", "massive", "joint", "bilateral", "similar", "other", "same",
    "initial", "annual", "previous", "earlier", "fresh", "potential", "proposed", "draft", "special", "global", "huge",
}
_TIME_UNITS = {"year", "years", "month", "months", "week", "weeks", "day", "days", "decade", "decades"}
_FRAMING = {"under", "through", "via", "within", "in", "by", "per", "pursuant", "as", "with"}
_TOPIC_PREPS = {"on", "over", "for"}
_OCCASION_HEADS = frozenset(("eve", "occasion", "behalf", "sidelines", "margins", "day", "anniversary", "invitation"))  # the time or the sake of a signing
_SUBJECT_PREPS = {"on", "over"}
_QUOTES = ('"', "\u201c", "\u201d", "``", "''")
_LOCATIVE = {"in", "at", "near", "off", "around", "along", "outside"}
# kinds whose rights lie in a place: "phosphate mining rights in Homs" covers phosphate mining in Homs
_PLACED_KINDS = ("lease", "concession", "mining rights", "exploration rights", "basing agreement")


# adverbs of when something was done, which end the phrase of what it covers ("late on Sunday")
_WHEN_ADVERBS = frozenset(("late", "early", "earlier", "later", "yesterday", "today", "tonight", "overnight"))

class AssetReader(VerbAssets):
    """Reads an agreement's asset from token ranges of one Doc."""

    def __init__(self, doc: Doc, vocab: Vocabulary) -> None:
        self.doc, self.vocab, self.text = doc, vocab, analysed_text(doc)
        self.starts = [t.idx for t in doc]
        self._np_stop = frozenset(vocab.cues.np_stop_words) | vocab.asset_words.np_stop_words

    def _chars(self, start: int, end: int) -> tuple[int, int]:
        return self.doc[start].idx, self.doc[end - 1].idx + len(self.doc[end - 1])

    def _token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char``."""
        return bisect.bisect_left(self.starts, char)

    @staticmethod
    def _governor(token):
        """The nearest verb above a token (the verb of the clause an agreement name sits in)."""
        return next((a for a in token.ancestors if a.pos_ == "VERB"), None)

    def _list_comma(self, j: int, i: int, b: int) -> bool:
        """Whether the comma at ``j`` separates items of one list inside the phrase begun at ``i``
        ("on economy, tourism and healthcare", "on economic, social and cultural rights"): the next
        word is a conjunct of a word already read, the list closes with "and"/"or" before ``b``, and
        no item is another agreement ("an accord on trade, a treaty on ...")."""
        doc = self.doc
        nxt = doc[j + 1] if j + 1 < b else None
        if nxt is None or nxt.dep_ != "conj" or not i <= nxt.head.i < j:
            return False
        items = [t for t in doc[j + 1 : b] if t.dep_ == "conj" and i <= t.head.i < b]
        closes = any(t.lower_ in ("and", "or") and t.dep_ == "cc" for t in doc[j + 1 : b])
        return closes and not any(t.lower_ in self.vocab.kind_heads for t in items) and nxt.pos_ in ("NOUN", "PROPN", "ADJ")

    @staticmethod
    def _venue(place) -> bool:
        """True for a place an agreement is made in: a city or a building ("in Paris", "at the Elysee"),
        not a country or a region an agreement's topic lies in ("troop withdrawals in eastern Ukraine",
        "gas production in Qatar")."""
        if place.dep_ != "pobj" or place.ent_type_ not in ("GPE", "FAC"):
            return False
        if place.ent_type_ == "FAC":
            return True
        name = place.doc[place.left_edge.i : place.i + 1]
        return affiliation_name(name.text) not in countries() and not any(c.dep_ in ("amod", "compound") and not c.ent_type_ for c in place.children)

    def _np(self, i: int, b: int, tx: list[Timex], verb_head: bool = False) -> tuple[int, int] | None:
        """The noun phrase starting at token i (stopping at times, clause words, verbs), as tokens;
        ``verb_head`` reads a first word tagged as a verb as a noun ("barriers to trade in goods")."""
        doc, stop = self.doc, self._np_stop
        j, last, quoted = i, i, False
        while j < b and j - i < 16:
            t = doc[j]
            if any(x.start <= t.idx < x.end and not self._attributive(x) and not self._quantity_of(x, i) for x in tx):
                break
            if t.text == "," and (self._list_comma(j, i, b) or self._place_comma(j, i, b)):
                j += 1
                continue
            if t.text in _QUOTES and (quoted or j + 1 < b and doc[j + 1].is_alpha and t.whitespace_ == ""):
                quoted = not quoted  # 'an agreement on the "guiding principles"': a quoted name inside the phrase
                j += 1
                continue
            # ("more than five decades of conflict": a count, not a comparison that ends the phrase)
            counted = t.lower_ == "than" and j > i and doc[j - 1].lower_ in ("more", "less", "fewer") and j + 1 < b and doc[j + 1].like_num
            if (t.is_punct and t.text not in ("-", "'", "\u2019", "&", "%", "$")) or t.lower_ in stop and not counted:
                break
            if t.lower_ == "in" and j + 1 < b and doc[j + 1].lower_ == "order":
                break  # "to hold talks in order to ...": the purpose, not the phrase
            if j > i and t.lower_ in ("at", "during") and any(x.lower_ in self.vocab.asset_words.event_nouns for x in doc[j + 1 : min(j + 5, b)]):
                break  # "their relations at a summit meeting in Paris": where it was made, not what it covers
            if j > i and t.lower_ in ("dates", "date", "dating") and j + 1 < b and doc[j + 1].lower_ in ("back", "from") and not any(c.dep_ == "det" for c in t.children):
                break  # "the agreement on water sharing dates back to 1944": the verb the tagger read as a noun
            made_at = t.head.pos_ in ("NOUN", "PROPN") and t.head.lower_ in self.vocab.kind_heads or t.head.pos_ == "VERB" and t.head.lemma_ in self.vocab.cues.making_verbs
            if j > i and t.dep_ == "prep" and t.lower_ in ("in", "at") and made_at and not i <= t.head.i < j and any(self._venue(g) for g in t.children):
                break  # "a preliminary agreement on the nuclear issue in Paris": where it was made, hung outside the phrase
            if t.tag_ in ("WRB", "WP", "WDT"):
                break  # 'the "guiding principles" on how to settle it', "a deal on how to": a clause begins
            if j > i and t.pos_ == "ADV" and t.lower_ in _WHEN_ADVERBS:
                break  # "reached an agreement on water sharing late on Sunday": when it was reached, not what it covers
            if t.dep_ == "mark" or (t.dep_ == "advmod" and j + 1 < b and doc[j + 1].dep_ == "mark"):
                break  # "patrols even though Lima has built ...": a clause of its own begins
            # (a participle before a noun goes on, "the leasing company", "companies involving oil and gas";
            # not one the parser reads as a preposition, "in Gaza starting Monday")
            describing = t.tag_ in ("VBN", "VBG") and j + 1 < b and doc[j + 1].pos_ in ("NOUN", "PROPN") and t.dep_ != "prep"
            if t.pos_ in ("VERB", "AUX") and not (verb_head and j == i) and not describing:
                break
            if t.lower_ in ("and", "or") and not (j + 1 < b and doc[j + 1].pos_ in ("DET", "PROPN", "NOUN", "ADJ", "ADP")):
                break
            if t.lower_ in ("and", "or") and any(x.dep_ == "conj" and x.lower_ in self.vocab.kind_heads and x.i > j for x in doc[j + 1 : min(j + 5, b)]):
                break  # "a protocol on railway transport and a memorandum on water use": the next agreement
            j += 1
            if t.pos_ not in ("ADP", "CCONJ", "DET", "PART"):
                last = j
        if last <= i or doc[i].pos_ == "ADP" or all(t.pos_ in ("PRON", "DET") for t in doc[i:last]):
            return None
        return i, last

    def _framed_by(self, verb, mentions: list[Mention]) -> bool:
        """True when an agreement frames ``verb``: "under which X is being returned", "X was returned under
        the accord"."""
        heads = {m.head for m in mentions}
        # (the parser may hang "under which" on the last word of the agreement's phrase: "an accord between
        # Zagreb and the Serbs under which ...")
        phrase = {t.i for h in heads for t in self.doc[h].subtree}
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("under", "through")):
            for obj in (g for g in prep.children if g.dep_ == "pobj"):
                if obj.i in heads or obj.lower_ == "which" and verb.dep_ == "relcl" and verb.head.i in phrase:
                    return True
        return False

    def _place_comma(self, j: int, i: int, b: int) -> bool:
        """Whether the comma at ``j`` sets off a place's state inside the phrase begun at ``i`` ("the Peoria,
        Ill., bank holding company"): a place name before it, and a noun after it that the phrase's words
        on both sides of the comma hang on."""
        doc = self.doc
        if j <= i or j + 1 >= b or doc[j - 1].ent_type_ != "GPE" or not (doc[j + 1].ent_type_ == "GPE" or j - 3 >= i and doc[j - 2].text == "," and doc[j - 3].ent_type_ == "GPE"):
            return False
        head = next((a for a in doc[j - 1].ancestors if a.i > j + 1), None)
        return head is not None and head.i < b and head.pos_ in ("NOUN", "PROPN") and head.left_edge.i <= i

    def _quantity_of(self, timex: Timex, i: int) -> bool:
        """True for a span of time opening a noun phrase at token i as its quantity ("a decade of civil war")."""
        after = self._token_at(timex.end)
        return timex.type == "DURATION" and timex.start == self.doc[i].idx and after < len(self.doc) and self.doc[after].lower_ == "of"

    def _attributive(self, timex: Timex) -> bool:
        """True for a time word used as a modifier of a noun ("the eight-year war"): part of a noun phrase."""
        i = self._token_at(timex.end)
        if timex.value in ("FUTURE_REF", "PAST_REF") and i < len(self.doc) and self.doc[i].pos_ in ("NOUN", "PROPN"):
            return True  # "the future Special Administrative Region", "the former ...": an adjective, no time
        if timex.type == "DATE" and 0 < i < len(self.doc) and self.doc[i].pos_ in ("NOUN", "PROPN"):
            last = self.doc[i - 1]  # "the 2006 war", "the 1991 Gulf War": a year that names which war
            return last.dep_ in ("nummod", "compound", "amod", "nmod") and last.head.i >= i and last.head.pos_ in ("NOUN", "PROPN")
        while i < len(self.doc) - 1 and self.doc[i].pos_ == "ADJ":
            i += 1  # "a 20-year civil war": adjectives between the span and its noun
        return timex.type == "DURATION" and "-" in timex.text and i < len(self.doc) and self.doc[i].pos_ == "NOUN"

    def _asset(self, a: int, b: int, mentions: list[Mention], tx: list[Timex]) -> Term | None:
        """What the agreement covers: the first phrase the asset rules find, in rule order, that says something."""
        found = next((t for t in self._asset_candidates(a, b, mentions, tx) if self._says_something(t)), None)
        return self._quotes_closed(found) if found is not None else None

    def _quotes_closed(self, term: Term) -> Term:
        """An asset whose quotation mark opens inside it and closes right after it takes the closing mark
        ('a "Vision Myanmar Program"'), so the value reads as the text wrote it."""
        for mark in ('"', "\u201d"):
            opening = '"' if mark == '"' else "\u201c"
            inside = term.value.count(opening) - (term.value.count(mark) if mark != opening else 0)
            unbalanced = term.value.count('"') % 2 == 1 if mark == '"' else inside > 0
            if unbalanced and self.text[term.end : term.end + 1] == mark:
                return Term(term.value + mark, term.start, term.end + 1, term.rule)
        return term

    def _says_something(self, term: Term) -> bool:
        """False for a phrase that names no asset ("the century", "a pitcher in major-league history")."""
        s, e = self._token_range(term)
        return not empty_asset(self.doc, s, e, self.vocab.asset_words)

    def _asset_candidates(self, a: int, b: int, mentions: list[Mention], tx: list[Timex]):
        doc = self.doc
        in_phrase = {i for m in mentions for i in range(m.start, m.end)}
        ordered = sorted(mentions, key=lambda m: m.rule.generic)
        for rule in self.vocab.assets:
            words = set(rule.words)
            if rule.type == "after_kind":
                for m in ordered:
                    got = self._after_kind(m, b, words, tx)
                    if got is not None:
                        yield Term(got[0], got[1], got[2], rule.id)
            elif rule.type == "left_compound":
                for m in ordered:
                    if m.rule.generic:
                        continue
                    s = self._compound_start(m, tx)
                    if s is not None:
                        s_c, e_c = self._chars(s, m.kind_start)
                        yield Term(self.text[s_c:e_c], s_c, e_c, rule.id)
            elif rule.type == "goods_compound":
                # "a long-term gas contract", "an arms deal": a general kind named by the goods it trades
                # covers them, when nothing else says what it covers (the rule comes last)
                for m in ordered:
                    s = self._compound_start(m, tx) if m.rule.generic and m.kind_start > m.start else None
                    # (anywhere in the compound: "a gas supply contract" covers the gas supply; an activity
                    # only with what it is of: "a visa waiver deal", not "a cooperation agreement")
                    goods = s is not None and any({t.lower_, t.lemma_.lower()} & words for t in doc[s : m.kind_start])
                    acts = self.vocab.asset_words.activity_heads
                    activity = s is not None and m.kind_start - s >= 2 and doc[m.kind_start - 1].lower_ in acts
                    if goods or activity:
                        s_c, e_c = self._chars(s, m.kind_start)
                        yield Term(self.text[s_c:e_c], s_c, e_c, rule.id)
            elif rule.type in ("verb_object", "noun_of"):
                # What the agreement lets someone use, occupy or buy comes after its name, or before it
                # when the verb governs it ("took over the port under a lease").
                first = min((m.start for m in mentions), default=a)
                governing = {g.i for m in mentions if (g := self._governor(doc[m.head])) is not None}
                clause = set()
                for m in mentions:
                    top = self._asset_clause(doc[m.head])
                    clause |= {t.i for t in top.subtree} - foreign_clauses(top, in_phrase, self.vocab.asset_words)
                # "the pact to sell X", even when the parser hangs the infinitive elsewhere
                clause |= {t.i for m in mentions if m.end < len(doc) and doc[m.end].lower_ == "to" and doc[m.end].head.pos_ == "VERB" for t in doc[m.end].head.subtree}
                for i in range(a, b):
                    if i in in_phrase or (i < first and i not in governing) or (mentions and i not in clause):
                        continue
                    t, nxt = doc[i], doc[i + 1] if i + 1 < b else None
                    two = f"{t.lemma_} {nxt.lower_}" if nxt is not None else ""
                    start = None
                    if rule.type == "verb_object":
                        if nxt is not None and nxt.text in ("-", "\u2010", "\u2011") and not t.whitespace_:
                            continue  # "a buy-out clause": part of a hyphenated word, not the verb
                        if two in words or (nxt is not None and f"{t.lower_} {nxt.lower_}" in words):
                            start = i + 2
                        elif t.pos_ == "VERB" and (t.lemma_ in words or t.lower_ in words) and not (nxt is not None and (nxt.tag_ == "RP" or nxt.dep_ in ("prt", "advmod") and nxt.head.i == t.i)):
                            # (not a verb with its particle: "the lease runs out in 2017")
                            start = i + 1
                            # "supply the plant with fuel": what is supplied comes after "with"
                            supplied = next((g for c in t.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"), None)
                            if t.lemma_ == "supply" and supplied is not None and supplied.i < b:
                                start = supplied.left_edge.i
                    elif t.pos_ == "NOUN" and t.lemma_ in words and nxt is not None and nxt.lower_ in ("of", "to", "over"):
                        start = i + 2
                    if start is None or start >= b or start in in_phrase:
                        continue
                    if any(c.dep_ == "advmod" and c.lower_ == "also" for c in t.children):
                        continue  # "the pact also covers investments": one more of the things it covers, not what it is about
                    if t.lemma_ in ("remain", "stay") and any(c.dep_ == "nsubj" and c.i in in_phrase for c in t.children):
                        continue  # "the peace deal remains in limbo": where the agreement itself stands, not troops it keeps somewhere
                    np = self._before_phrase(self._object_np(start, b, tx), in_phrase)
                    # A company is what a sale or an acquisition covers ("the acquisition of Weisfield's").
                    sold = t.lemma_ in self.vocab.cues.transfer_words and self._is_company(*np) if np is not None else False
                    # "Shell operates Sakhalin-2 under a PSA": a place or project run under the agreement
                    run = t.i in governing and t.lemma_ in self.vocab.asset_words.named_object_verbs and np is not None and not any(x.ent_type_ == "PERSON" for x in doc[np[0] : np[1]])
                    if np is not None and not (set(range(*np)) & in_phrase) and (sold or run or not self._is_name(*np)):
                        s_c, e_c = self._chars(*np)
                        yield Term(self.text[s_c:e_c], s_c, e_c, rule.id)
            elif rule.type == "passive_subject":
                for t in doc[a:b]:
                    if t.lower_ in words and t.i > a and doc[t.i - 1].lower_ in ("was", "were", "been", "is", "are", "be", "being"):
                        subj = next((c for c in t.children if c.dep_ == "nsubjpass"), None)
                        if any(c.dep_ == "dobj" and c.i in {m.head for m in mentions} for c in t.children):
                            continue  # "Raytheon was awarded a contract": whom it was awarded to, not what it covers
                        if t.lower_ in self.vocab.asset_words.framed_passive_words and not self._framed_by(t, mentions):
                            continue  # "Order was restored after the truce was signed": not what it covers
                        if subj is not None and subj.left_edge.i >= a and not (set(range(subj.left_edge.i, subj.i + 1)) & in_phrase):
                            s_c, e_c = self._chars(subj.left_edge.i, subj.i + 1)
                            yield Term(self.text[s_c:e_c], s_c, e_c, rule.id)
            elif rule.type == "covered_by":
                # "a migratory species covered by the new convention": the noun the participle describes
                for m in mentions:
                    head = doc[m.head]
                    part = head.head.head if head.dep_ == "pobj" and head.head.dep_ == "agent" else None
                    if part is None or part.dep_ != "acl" or part.lower_ not in words or part.head.pos_ not in ("NOUN", "PROPN"):
                        continue
                    noun = part.head
                    start = min(t.i for t in noun.subtree if t.i <= noun.i)
                    if start >= a and not self._is_name(start, noun.i + 1):
                        s_c, e_c = self._chars(start, noun.i + 1)
                        yield Term(self.text[s_c:e_c], s_c, e_c, rule.id)
            elif rule.type == "purpose":
                got = self._purpose_object(a, b, mentions, tx)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "participle":
                got = self._participle_object(b, mentions, words, tx)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "framed_clause":
                got = self._framed_clause(b, mentions, set(rule.words), tx)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "framed_subject":
                got = self._framed_subject(a, mentions, words)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "worth_in":
                for m in ordered:
                    got = self._worth_in(m, b, words, tx)
                    if got is not None:
                        yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "ceasefire_place":
                got = self._ceasefire_place(b, mentions, words)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)
            elif rule.type == "ceasefire_after":
                got = self._ceasefire_after(b, mentions, words, tx)
                if got is not None:
                    yield Term(self.text[got[0] : got[1]], got[0], got[1], rule.id)

    def _worth_in(self, m: Mention, b: int, words: set[str], tx: list[Timex]) -> tuple[int, int] | None:
        """"a deal worth 4.6 billion dollars (3.7 billion US dollars) in extra spending": what the value
        is in, written after the value the agreement is worth."""
        doc = self.doc
        i = m.end
        if i >= b or doc[i].lower_ not in words:
            return None
        depth = 0
        for k in range(i + 1, min(b, i + 16)):
            t = doc[k]
            depth += (t.text == "(") - (t.text == ")")
            if depth == 0 and t.lower_ == "in" and k > i + 1:
                np = self._np(k + 1, b, tx)
                # ("worth $2 billion in cash and shares", "in total": how it is paid or counted)
                if np is None or doc[np[0]].lower_ in self.vocab.asset_words.payment_words or doc[np[1] - 1].lower_ in self.vocab.asset_words.payment_words:
                    return None
                return self._chars(*np)
            if depth == 0 and (t.pos_ in ("VERB", "AUX") or t.is_punct and t.text not in ("(", ")", "$", ".")):
                return None
        return None

    def _object_np(self, i: int, b: int, tx: list[Timex]) -> tuple[int, int] | None:
        """The noun phrase at token i, or the one it points at ("an end to the war", "barriers to trade in goods")."""
        np = self._np(i, b, tx)
        if np is None:
            return None
        on = handed_over(self.doc, *np, self.vocab.asset_words)
        return (self._np(on, b, tx, verb_head=True) or np) if on is not None and on < b else np

    def _before_phrase(self, np: tuple[int, int] | None, in_phrase: set[int]) -> tuple[int, int] | None:
        """A verb's object cut where the agreement's own phrase begins ("would acquire the firm in a deal
        valued at ...": the firm, without "in a deal"), or None when nothing is left."""
        if np is None or not set(range(*np)) & in_phrase:
            return np
        end = min(set(range(*np)) & in_phrase)
        while end > np[0] and self.doc[end - 1].pos_ in ("ADP", "DET", "CCONJ", "PART", "PUNCT"):
            end -= 1
        return (np[0], end) if end > np[0] else None

    def _is_name(self, start: int, end: int) -> bool:
        """True when tokens [start, end) are just a name (a party or place), which is no asset."""
        span = self.doc[start:end]
        ents = [e for e in span.ents if e.label_ in ("ORG", "PERSON", "GPE", "NORP")]
        named = sum(len(e) for e in ents) + sum(1 for t in span if t.pos_ == "DET")
        return bool(ents) and named >= len(span) or all(t.pos_ in ("PROPN", "DET") for t in span) and len(span) <= 2 and span[-1].dep_ != "compound"

    def _asset_clause(self, head):
        """The clause whose verbs may say what an agreement covers: the one around it when the agreement
        frames it ("under the deal, X will use Y", "the deal lets X use Y"), else only the agreement's
        own phrase ("in response to the pact, X offered to buy Y": the offer is not the pact's)."""
        governor = self._governor(head)
        if governor is None:
            return head
        tok = head
        while tok.dep_ == "pobj":
            prep = tok.head
            if prep.lower_ in _FRAMING:
                return governor
            if prep.lower_ != "of" or prep.head.pos_ != "NOUN":
                return head
            tok = prep.head  # "under the terms of the deal"
        return governor

    def _subject_above(self, head):
        """The nearest named subject of a verb above a token, skipping pronouns and speakers (or the
        named owner of the noun it hangs on: "the government's preoccupation with a deal with X")."""
        if head.dep_ == "pobj" and head.head.head.pos_ == "NOUN":
            owner = next((c for c in head.head.head.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
            if owner is not None and (owner.ent_type_ in ("PERSON", "ORG", "GPE") or owner.lemma_.lower() in self.vocab.cues.state_body_nouns):
                return owner
        for verb in head.ancestors:
            if verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in self.vocab.cues.party_speech_verbs:
                continue
            # The subject nearest the verb: a bullet's run-in heading ("Trade: The delegation signed") parses as a second one.
            subject = next((c for c in reversed(list(verb.children)) if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"), None)
            if subject is not None:
                named = subject.ent_type_ in ("PERSON", "ORG", "GPE")
                bodies = self.vocab.cues.state_body_nouns + self.vocab.cues.legislature_nouns
                return subject if named or subject.lemma_.lower() in bodies else None
        return None

    def _token_range(self, term: Term) -> tuple[int, int]:
        span = self.doc.char_span(term.start, term.end, alignment_mode="expand")
        return span.start, span.end

    def _is_company(self, start: int, end: int) -> bool:
        """True when tokens [start, end) name an organisation (by the NER or by a company word at the end)."""
        span = self.doc[start:end]
        ents = [e for e in span.ents if e.label_ not in ("CARDINAL", "PERCENT", "MONEY", "QUANTITY")]
        return bool(ents) and all(e.label_ == "ORG" for e in ents) or span[-1].lower_ in self.vocab.cues.org_words

    def _compound_start(self, m: Mention, tx: list[Timex]) -> int | None:
        """First token of the nouns before the kind name that say what it covers ("Tartus port lease")."""
        doc = self.doc
        if doc[m.head].text[:1].isupper() and not doc[m.head].is_sent_start:
            return None  # "the Maastricht Treaty": a name, not what the treaty covers
        sides = paired_sides(list(doc[m.start : m.kind_start]))  # "the US-Japan security treaty": its sides, not its subject
        for i in range(m.start, m.kind_start):
            t = doc[i]
            if t in sides or t.text in HYPHENS or any(x.start <= t.idx < x.end for x in tx) or t.lower_ in _TIME_UNITS or t.like_num or t.text.endswith("-") or t.ent_type_ in ("DATE", "NORP"):
                continue
            if i >= 2 and doc[i - 1].text == "-" and not doc[i - 2].whitespace_ and (doc[i - 2].like_num or doc[i - 2].pos_ in ("ADJ", "ADV", "NUM")):
                continue  # "a five-nation ceasefire", "a late-night truce": the hyphenated word is an adjective
            # A word tagged ADJ before a compound ("phosphate mining") is a noun unless it looks like an adjective.
            nounish_adj = t.pos_ == "ADJ" and doc[i + 1].dep_ == "compound" and not t.lower_.endswith(_ADJ_ENDINGS) and t.lower_ not in _LOOSE_ADJECTIVES
            nounish_adj = nounish_adj or t.pos_ == "ADJ" and t.lower_ in self.vocab.goods_words
            if t.pos_ in ("NOUN", "PROPN") or nounish_adj:
                if all(doc[j].pos_ in ("NOUN", "PROPN", "ADJ", "PUNCT") for j in range(i, m.kind_start)):
                    # "real estate leases", "natural gas contracts": an adjective of the first noun belongs to it
                    before = doc[i - 1] if i > m.start else None
                    own_adj = before is not None and before.pos_ == "ADJ" and before.dep_ == "amod" and before.head.i == i
                    if own_adj and before.lower_ not in _LOOSE_ADJECTIVES and not before.ent_type_ and not any(x.start <= before.idx < x.end for x in tx) and t.dep_ == "compound":
                        return i - 1
                    return i
        return None

    def _after_kind(self, m: Mention, b: int, words: set[str], tx: list[Timex]):
        """Asset after the agreement's name ("a lease on X", "rights to extract X", "mining rights in X")."""
        doc, e = self.doc, m.end
        head = doc[m.head]
        # (an acronym of a kind is no name: "a second MOU signed ... on trade cooperation")
        if head.pos_ != "VERB" and head.text[:1].isupper() and not head.is_sent_start and not head.text.isupper():
            return self._named_topic(m, b, tx)
        if head.pos_ == "VERB":
            # "will lease the land ... to the operator"; "the port was leased to ..."
            subj = next((c for c in head.children if c.dep_ == "nsubjpass"), None)
            np = (subj.left_edge.i, subj.i + 1) if subj is not None else self._np(e, b, tx)
            if np is None:
                return None
            s_c, e_c = self._chars(*np)
            return self.text[s_c:e_c], s_c, e_c
        if e >= b:
            return None
        compound = None
        if not m.rule.generic:
            s = self._compound_start(m, tx)
            if s is not None:
                # "phosphate mining rights in Homs" covers "phosphate mining"; a "port lease" covers the port.
                compound = (s, m.head if doc[m.head].lower_ in ("rights", "right") and m.head > s else m.kind_start)
            elif doc[m.kind_start : m.end][-1].pos_ == "VERB":
                np = self._np(e, b, tx)
                return (self.text[slice(*self._chars(*np))], *self._chars(*np)) if np else None
            elif m.end - m.kind_start > 1 and doc[m.kind_start].pos_ == "NOUN" and doc[m.kind_start].lower_ != m.rule.kind and doc[m.head].lower_ in ("rights", "right"):
                compound = (m.kind_start, m.head)
        e, skipped = self._skip_sides_and_dates(e, b, tx, m.head)
        if e >= b:
            return None
        lead = next((n for n in (2, 1) if " ".join(t.lower_ for t in doc[e : min(e + n, b)]) in self.vocab.cues.topic_leads), 0)
        if lead and e + lead < b:
            # "two agreements pertaining to X", "a pact concerning X": what follows is what it covers.
            np = self._np(e + lead, b, tx)
            if np is not None and not self._is_name(*np):
                np_s, np_e = self._chars(*np)
                return self.text[np_s:np_e], np_s, np_e
        prep = doc[e]
        if prep.lower_ not in words or e + 1 >= b or (skipped and prep.lower_ not in _TOPIC_PREPS):
            return None
        signing = next((t for t in doc[m.end : e] if self._signing_participle(t, m.head)), None)
        # "an MoU signed between the two ministers on further cooperation": the parser hangs the topic on
        # the sides (lower-case sides only: "a deal with the Committee on Foreign Relations" is a name)
        on_sides = prep.lower_ == "on" and prep.head.dep_ == "pobj" and prep.head.head.lower_ in ("between", "with") and prep.head.pos_ == "NOUN"
        if signing is not None and prep.head.i not in (m.head, signing.i) and not on_sides:
            return None  # "a peace deal inked between X and Y, which ended the war on the continent"
        if prep.lower_ == "to" and doc[m.head].lemma_ not in ("right", "access", "claim", "title"):
            return None  # "presented lease agreements to farmers": a recipient, not an asset
        if any(r.regex.match(self.text, prep.idx) for r in self.vocab.status):
            return None  # "put the deal on hold", "the deal in limbo": its state, not what it covers
        nxt = doc[e + 1]
        # "an accord on sharing water": a gerund after a topic preposition is what the accord covers, with
        # its particle and object ("agreements on setting up two joint ventures")
        gerund = nxt.tag_ == "VBG" and prep.lower_ in _TOPIC_PREPS
        if (nxt.pos_ in ("VERB", "AUX") and not gerund) or any(x.start <= nxt.idx < x.end for x in tx):
            return None
        np = self._np(e + 1, b, tx, verb_head=gerund)
        if np is None:
            return None
        if prep.lower_ in _TOPIC_PREPS:
            np = self._topic_restated(np, b, tx) or np
        if prep.lower_ in _LOCATIVE and any(t.lower_ in self.vocab.asset_words.event_nouns for t in doc[np[0] : np[1]]):
            return None  # "signed the treaty at a ceremony in Moscow": where it was made, not what it covers
        if skipped and any(t.lemma_.lower() in _OCCASION_HEADS and t.head.i not in range(*np) for t in doc[np[0] : np[1]]):
            return None  # "signed in Beijing on Monday on the eve of the summit", "on behalf of": when or for whom, not what
        np_s, np_e = self._chars(*np)
        if compound is not None and prep.lower_ in _LOCATIVE and m.rule.kind not in _PLACED_KINDS:
            return None  # "signed a friendship treaty in Benghazi": where it was made; its words say what it covers
        if compound is not None and prep.lower_ in _LOCATIVE:
            c_s, c_e = self._chars(*compound)
            value = f"{self.text[c_s:c_e]} {prep.text} {self.text[np_s:np_e]}"
            return value, c_s, np_e
        if prep.lower_ in _LOCATIVE and m.rule.generic or self._is_name(*np) and (prep.lower_ not in _SUBJECT_PREPS or self._agreement_acronym(np_s, np_e)):
            return None  # "a gas contract for Slovakia": a party, not an asset
        # (but a name an agreement is on or over is its subject, "an accord on Eastern Slavonia", unless it
        # is the agreement's own: "the final agreement on SAFTA")
        if prep.lower_ == "for" and np[1] < b and doc[np[1]].lower_ == "to":
            # "an agreement for the rebels to be confined to camps": the whole clause is what it covers
            verb = doc[np[1]].head
            if verb.i > np[1] and verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.i == np[1] for c in verb.children):
                np_e = self._chars(np[0], min(clause_end(verb), b))[1]
        return self.text[np_s:np_e], np_s, np_e

    def _agreement_acronym(self, start: int, end: int) -> bool:
        """True when the characters [start, end) are an acronym the text gives an agreement's name
        ("the South Asian Free Trade Agreement (SAFTA)")."""
        short = self.text[start:end].removeprefix("the ")
        if len(short) < 2 or not short.isupper():
            return False
        for found in re.finditer(re.escape(f"({short})"), self.text):
            words = self.text[max(0, found.start() - 120) : found.start()].split()[-12:]
            for n in range(1, len(words) + 1):
                name = " ".join(words[-n:])
                if spells(short, name) and any(w.lower() in self.vocab.kind_words for w in words[-n:] if w[:1].isupper()):
                    return True
        return False

    def _named_topic(self, m: Mention, b: int, tx: list[Timex]):
        """What a named agreement's name says it covers ("the Agreement on the Global System of Trade
        Preferences (GSTP)" -> "the Global System of Trade Preferences"), or a capitalised kind that is no
        name ("a Memorandum of Understanding on energy cooperation"); a name without "on" ("the Kyoto
        Protocol", "the Treaty of Rome") says nothing of it, and a lower-case topic after a name ("the Kyoto
        Protocol on global warming") is a gloss that what the text says it does outranks."""
        doc, e = self.doc, m.end
        if e + 1 >= b or doc[e].lower_ not in ("on", "for") or doc[e].whitespace_ == "" or doc[e + 1].is_punct:
            return None
        indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in doc[m.head].children)
        first = next((t for t in doc[e + 1 : b] if t.pos_ not in ("DET", "ADP")), None)
        titled = first is not None and first.text[:1].isupper()
        if not titled and (not indefinite or doc[e].lower_ != "on"):
            return None
        nxt = doc[e + 1]
        if (nxt.pos_ in ("VERB", "AUX") and nxt.tag_ != "VBG") or any(x.start <= nxt.idx < x.end for x in tx):
            return None  # "the Accord on Friday": a date, not a topic
        np = self._np(e + 1, b, tx)
        # A title of three words or more is the name's topic ("the Convention on the Control of Transboundary
        # Movements"), whatever the NER makes of it; a short one may be a name ("the Treaty on European Union").
        title = np is not None and titled and sum(t.pos_ not in ("DET", "ADP") for t in self.doc[np[0] : np[1]]) >= 3
        if np is None or (self._is_name(*np) and not title):
            return None
        while titled and np[1] + 1 < b and doc[np[1]].pos_ == "ADP" and doc[np[1] + 1].text[:1].isupper():
            more = self._np(np[1] + 1, b, tx)  # "the Prevention of Pollution from Ships": the title goes on
            if more is None:
                break
            np = (np[0], more[1])
        s_c, e_c = self._chars(*np)
        return self.text[s_c:e_c], s_c, e_c

    def _topic_restated(self, np: tuple[int, int], b: int, tx: list[Timex]) -> tuple[int, int] | None:
        """The topic spelled out after a comma ("an agreement on cooperation between X and Y, regarding the
        transfer of prisoners" -> "the transfer of prisoners"), as tokens."""
        e, _ = self._skip_sides_and_dates(np[1], b, tx)
        if e + 1 >= b or self.doc[e].text != ",":
            return None
        lead = next((n for n in (2, 1) if " ".join(t.lower_ for t in self.doc[e + 1 : min(e + 1 + n, b)]) in self.vocab.cues.topic_leads), 0)
        got = self._np(e + 1 + lead, b, tx) if lead and e + 1 + lead < b else None
        return got if got is not None and not self._is_name(*got) else None

    def _skip_sides_and_dates(self, e: int, b: int, tx: list[Timex], head: int | None = None) -> tuple[int, bool]:
        """The first token after the sides, the date and the signing participle written right after an
        agreement's name ("deals on Tuesday with X and Y on fisheries" -> "on fisheries", "an accord reached
        between X and Y on border crossings" -> "on border crossings"), and whether anything was skipped."""
        doc, start = self.doc, e
        dated = lambda i: i < b and any(x.start <= doc[i].idx < x.end for x in tx)  # noqa: E731
        while e < b:
            t = doc[e]
            if head is not None and self._signing_participle(t, head):
                e += 1
            elif t.lower_ in ("here", "there") and t.pos_ == "ADV":
                e += 1  # "signed an MoU here Monday on X"
            elif t.lower_ == "worth" and e + 1 < b and doc[e + 1].ent_type_ == "MONEY":
                e += 1  # "a contract worth 5 million dollars for the supply of wheat": its value, then its subject
                while e < b and doc[e].ent_type_ == "MONEY":
                    e += 1
            elif t.lower_ in ("with", "between") or (t.lower_ == "by" and e > start and doc[e - 1].tag_ == "VBN"):
                obj = next((c for c in t.children if c.dep_ == "pobj"), None)
                if obj is None or obj.i < e:
                    break
                e = self._name_list_end(obj) + 1
            elif t.lower_ in ("on", "in") and dated(e + 1):
                e += 1
            elif t.lower_ in ("in", "at") and (place := next((c for c in t.children if c.dep_ == "pobj"), None)) is not None and self._venue(place) and (
                self._day_at(place.right_edge.i + 1, b, tx)
            ):
                e = place.right_edge.i + 1  # "a protocol in Vientiane on Tuesday on the border": where, when, then what
            elif dated(e):
                while dated(e):
                    e += 1
            else:
                break
        return e, e > start

    def _day_at(self, i: int, b: int, tx: list[Timex]) -> bool:
        """True for a date (not a span of time) written at token ``i``, or after "on"/"in" there."""
        if i < b and self.doc[i].lower_ in ("on", "in"):
            i += 1
        return i < b and any(x.type == "DATE" and x.start <= self.doc[i].idx < x.end for x in tx)

    def _signing_participle(self, t, head: int) -> bool:
        """True for the participle of an agreement's signing after its name ("the accord reached between
        X and Y"), also when the parser tags it as a past tense ("a second MOU signed between ...")."""
        signing = set(self.vocab.cues.signed_verbs) | set(self.vocab.cues.reach_verbs)
        return t.head.i == head and t.lemma_ in signing and (t.tag_ == "VBN" or (t.tag_ == "VBD" and t.dep_ == "acl"))

    @staticmethod
    def _name_list_end(tok) -> int:
        """Last token of a name and the names coordinated with it, leaving out what hangs on them by a preposition."""
        def end(t) -> int:
            kids = [c for c in t.rights if c.dep_ != "prep"]
            return max([t.i] + [end(c) for c in kids])
        return end(tok)
