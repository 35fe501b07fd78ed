"""Reading an agreement's terms from the clause around it: renewal, signing dates, expiry and
duration, each a Term with its character span and rule id (status is read by the base class in
``agreement_status``, asset and parties by the ones in ``agreement_arguments``).

Time values are taken from the time component's Timex objects; this module parses no dates. A
signing told away from a date of its own is dated from the story: "signed the same evening" and
"one day after X signed" count from the last past day the story named, and "the latest deal" takes
the date of the making told before it.
"""

from __future__ import annotations

import datetime as dt
import re

from claimweave.extract.agreement_wanted import MODALS
from claimweave.extract.agreement_status import SIGNING_LEMMAS, StatusReader, realized, signing_noun_of
from claimweave.extract.agreement_terms import companies_bought, is_date, is_duration, is_week, not_after, verb_above
from claimweave.extract.agreement_types import Mention, Term, Terms
from claimweave.extract.common import context
from claimweave.models import Timex

WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", re.I)
_LINE_START_IN = re.compile(r"(?:^|\n)\s*(?:in|on)\s*$", re.I)
_APPOSED = re.compile(r"\s*,\s*(?:the|a|that)\s", re.I)  # "in 2003, the year the war ended": the same date restated
LAST_AS_VERB = ("will", "would", "shall", "could", "may", "might", "should", "must", "to", "'ll")
SIGNING_SCENE_PREPS = {"between", "with", "by", "at", "in", "of", "during"}  # sides and place of a signing
_EXTENDED_TO = re.compile(r"\b(?:extended|prolonged|pushed back)\s+(?:\w+\s+){0,2}?(?:to|until|till|through)\s+$", re.I)
_OF_DATE = re.compile(r"\s+of\s+")  # between an agreement's name and its date ("the Treaty of 1951")
_DAY_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T")
_SPAN_WORDS = frozenset(("year", "month", "week", "day", "decade", "weekend", "period", "time"))  # a date word that is no day
# verbs telling a signing that took place ("attended the signing", "the signing took place on Monday")
_MEETING_VERBS = ("meet", "talk", "confer", "gather", "visit", "host", "receive")  # "X and Y met on Tuesday"
_PAIR_ACTORS = ("side", "leader", "country", "president", "premier", "minister", "government", "delegation")  # "the two sides"
WITNESS_LEMMAS = ("attend", "witness", "hold", "mark", "celebrate", "host", "oversee", "preside", "follow", "take", "occur", "happen", "come")
ADOPTING_LEMMAS = ("pass", "adopt")  # a summit or a parliament that passes agreements makes them
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _as_day(t: Timex) -> Timex:
    """A time of day on a known date ("Friday afternoon", ``2006-12-15TAF``) read as that date: a
    signing "on Friday afternoon" was signed on Friday."""
    if t.type == "TIME" and _DAY_TIME.match(t.value or ""):
        return t.model_copy(update={"type": "DATE", "value": t.value[:10]})
    return t


_DAY_NEXT = re.compile(r"\s*(?:,|on)?\s*")  # "midnight on Friday", "noon, Monday": a time, then its day

# "for 2007-2011", "covering 2008 to 2012": a term given as its first and last years
_RANGE = re.compile(r"\b(?P<first>(?:19|20)\d\d)\s*(?:-|\u2013)\s*(?P<last>(?:19|20)\d\d)\b")
_YEAR_RANGE = re.compile(r"\s+(?:for|covering|running|from)\s+(?:the\s+(?:years|period)\s+)?(?P<first>(?:19|20)\d\d)\s*(?:-|\u2013|to)\s*(?P<last>(?:19|20)\d\d)\b")


# Nouns for an agreement's own span of time ("the seven-year term", "its 25-year lifetime").
_TERM_NOUNS = ("term", "lifetime", "lifespan", "duration")

_MONTH_NAME = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b", re.I)
# verbs of an end already past ("expired in March", "ended on Friday"): their dates are not moved ahead
_PAST_END = re.compile(r"\b(?:expired|ended|lapsed|ran out|ceased|was due|were due|had been due)\b", re.I)

# "an option for the airline to extend ...": a renewal option only when what is extended is the agreement
# ("it", "the lease", "his contract", "his stay") or a term follows ("for a further five years", "by two years")
_HOLDER_OPTION = re.compile(r"option (?:for|of) \S+(?: \S+)? to (?:renew|extend)", re.I)
_EXTENDED_TERM = re.compile(
    r"\s+(?:(?:it|them)\b|(?:the|his|her|its|their)\s+(?:[\w-]+(?:'s)?\s+)?"
    r"(?:lease|contract|deal|agreement|accord|pact|concession|licen[cs]e|term|stay|occupancy|loan|arrangement)s?\b|(?:for|by)\s)",
    re.I,
)


class ClauseReader(StatusReader):
    """Reads Terms from token ranges of one Doc."""

    def read(self, a: int, b: int, mentions: list[Mention]) -> Terms:
        """The terms in tokens [a, b) for the agreement named by ``mentions`` (may be empty)."""
        ca, cb = self._chars(a, b)
        phrases = [self._chars(m.start, m.end) for m in mentions]
        # ("signed the same day": the day the story last named, read below, not the day the time component
        # anchors it to)
        tx = [t for t in self.timexes if t.start >= ca and t.end <= cb and not self.vocab.same_day.fullmatch(t.text)]
        used: set[str] = set()
        terms = Terms()
        terms.renewal = self._renewal(ca, cb, tx, used) or self._renewed(tx, used, mentions)
        self._dates(a, b, ca, cb, tx, used, phrases, terms, mentions)
        if not terms.signed and mentions:
            terms.signed = (
                self._same_day(ca, cb, tx, mentions) or self._days_apart(tx, mentions) or self._signing_noun_day(mentions)
                or self._previous_occasion(mentions) or self._occasion_day(mentions)
            )
        terms.duration = self._duration(ca, tx, used, phrases)
        terms.status, terms.anaphoric_status = self._status(ca, cb, tx, phrases, mentions)
        terms.status = terms.status or self._proposed(mentions)
        terms.asset = self._asset(a, b, mentions, tx)
        if terms.expires is None and mentions:
            terms.expires = self._year_range(mentions)
            if terms.expires is not None and terms.asset is not None and terms.asset.start <= terms.expires.start < terms.asset.end:
                terms.asset = None  # (the years a "for" phrase gives are no subject)
        if terms.expires is None and terms.duration is not None:
            terms.expires = self._span_of_term(ca, cb, terms.duration)
        terms.parties = self._parties(ca, cb, tx, terms.asset, mentions)
        return terms

    def _span_of_term(self, ca: int, cb: int, duration: Term) -> Term | None:
        """"a tighter 2007-2013 spending package ... during the seven-year term": years written as a
        range in the clause that span exactly the agreement's term give its last year as its expiry."""
        years = re.fullmatch(r"P(\d+)Y", duration.value)
        if years is None:
            return None
        for found in _RANGE.finditer(self.text, ca, cb):
            first, last = int(found.group("first")), int(found.group("last"))
            if last - first + 1 == int(years.group(1)):
                return Term(found.group("last"), found.start("last"), found.end("last"), "expires.term_range")
        return None

    # ------------------------------------------------------------------ time terms

    def _renewal(self, ca: int, cb: int, tx: list[Timex], used: set[str]) -> Term | None:
        for rule in self.vocab.renewal:
            automatic, fixed = rule.value
            lo, hi = ca, cb
            if fixed is not None and ca < len(self.text):
                # ("The deal is worth $14 million, and he gets more if the Indians exercise their club
                # option for the 2008 season": a cue that names its own period is the deal's anywhere in its sentence)
                sent = self.doc[min(self._token_at(ca), len(self.doc) - 1)].sent
                lo, hi = sent.start_char, sent.end_char
            for m in rule.regex.finditer(self.text, lo, hi):
                s, e = m.start(), m.end()
                if _HOLDER_OPTION.fullmatch(m.group()) and not _EXTENDED_TERM.match(self.text, e):
                    continue  # "an option for the group to extend its stake": something else extended
                if fixed is None and self._hypothetical(ca, s):
                    continue  # (an option is told as one: "if the club exercises its option for ...")
                near = [
                    t for t in tx
                    # (a set, "renewed every five years", has the period as its value too)
                    if t.type in ("DURATION", "SET") and is_duration(t.value) and s - 30 <= t.start <= e + 45 and t.id not in used
                    # (a span written before the cue is its period only as its modifier, "25-year renewals";
                    # "valid for ten years, can be extended" is the agreement's own term)
                    and (t.start >= s or not self.text[t.end : s].strip(" -"))
                ]
                if fixed is not None:
                    return Term((automatic, fixed), s, e, rule.id)
                if not near and automatic is None:
                    continue
                period = min(near, key=lambda t: abs(t.start - s)) if near else None
                if period is not None:
                    used.add(period.id)
                    s, e = min(s, period.start), max(e, period.end)
                return Term((automatic, period.value if period else None), s, e, rule.id)
        return None

    def _year_range(self, mentions: list[Mention]) -> Term | None:
        """The last year of a term written as a range right after the agreement ("a contract for
        2007-2011", "an accord covering 2008 to 2012"): its expiry as given, not computed."""
        m = mentions[-1]
        end = self.doc[m.end - 1].idx + len(self.doc[m.end - 1])
        found = _YEAR_RANGE.match(self.text, end)
        if found is None or int(found.group("last")) <= int(found.group("first")):
            return None
        return Term(found.group("last"), found.start("first"), found.end("last"), "expires.year_range")

    def _renewed(self, tx: list[Timex], used: set[str], mentions: list[Mention]) -> Term | None:
        """The renewal told by a verb whose object the agreement is ("agreed to extend the accord for the
        next five years", "the contract was renewed"): an extension with its period is an agreed one,
        not automatic; a renewal told with no word on how or for how long has unknown terms."""
        heads = {m.head for m in mentions}
        renewing = self.vocab.cues.renewing_verbs
        for h in heads:
            tok = self.doc[h]
            # ("The pact, first signed in 1994 and renewed every five years since": a participle on its name)
            # (a renewal, not a widening: "a ceasefire extended to southern Lebanon")
            described = next((v for c in tok.children if c.dep_ == "acl" for v in [c, *c.conjuncts] if v.lemma_ in ("renew", "prolong") and v.tag_ in ("VBN", "VBD")), None)
            if described is None and (tok.dep_ not in ("dobj", "nsubjpass") or tok.head.lemma_ not in renewing):
                continue
            verb = described if described is not None else tok.head
            if any(c.dep_ == "neg" for c in verb.children) or self._hypothetical(self.doc[verb.i].sent.start_char, verb.idx):
                return None
            if verb.tag_ not in ("VBD", "VBN") and not (verb.dep_ == "xcomp" and verb.head.lemma_ in self.vocab.cues.deciding_verbs and verb.head.tag_ == "VBD"):
                return None  # done, or agreed to ("agreed to extend"), not refused or sought ("refused to renew leases")
            end = verb.sent.end_char
            # ("renewed every five years": a set, whose value is the period too)
            period = next((
                t for t in tx
                if t.type in ("DURATION", "SET") and is_duration(t.value) and t.id not in used and verb.idx < t.start < end
                and (
                    self.text[max(verb.idx, t.start - 12) : t.start].rstrip().endswith(("for", "for the next", "by", "for another", "for a further"))
                    or t.type == "SET" and t.text.lower().startswith("every") and not self.text[verb.idx + len(verb) : t.start].strip()
                )
            ), None)
            s, e = verb.idx, verb.idx + len(verb)
            if period is not None:
                used.add(period.id)
                # (an extension told with its period was agreed, not automatic; "renewed every five years"
                # does not say which)
                return Term((None if period.type == "SET" else False, period.value), s, max(e, period.end), "renewal.extended")
            return Term((None, None), s, e, "renewal.renewed")
        return None

    def _word_of_a_name(self, t: Timex) -> bool:
        """True for a day written without digits right after a capitalised word of the same name
        ("Good Friday" in "the Good Friday Agreement")."""
        if any(c.isdigit() for c in t.text):
            return False
        i = self._token_at(t.start)
        before = self.doc[i - 1] if i > 0 else None
        return before is not None and before.is_title and before.is_alpha and not before.is_sent_start and before.ent_type_ != "DATE"

    def _dates(self, a, b, ca, cb, tx, used, phrases, terms: Terms, mentions: list[Mention]) -> None:
        # (an agreement named by its verb is made by it: "leased the port ... in 2017", "joined NATO in 1999")
        has_verb = any(self._signs(t) for t in self.doc[a:b]) or any(self.doc[m.head].pos_ == "VERB" for m in mentions)
        published = context(self.doc).published
        prev: Timex | None = None
        for t in tx:
            if t.type == "TIME" and any(u.type == "DATE" and _DAY_NEXT.fullmatch(self.text[t.end : u.start]) for u in tx if u.start >= t.end):
                continue  # "expired at midnight on Friday": the day written next is the date, not the time's
            t = _as_day(t)
            # (a week is a signing's date too: "signed last week"; never an end)
            if t.type != "DATE" or t.id in used or not (is_date(t.value) or is_week(t.value)):
                continue
            left = self.text[max(ca, t.start - 60) : t.start]
            in_phrase = any(ps <= t.start and t.end <= pe for ps, pe in phrases)
            in_phrase = in_phrase or any(
                0 <= ps - t.end <= 2 and self.text[t.end : ps].strip() in ("", ",") and ps > t.start and self._modifies(t, ps, pe) for ps, pe in phrases
            )
            rule = None
            # "the Mutual Defense Treaty of 1951", "the border agreement of May 1998": its date, as a name's year
            of_date = any(0 <= t.start - pe <= 5 and _OF_DATE.fullmatch(self.text[pe : t.start]) for _, pe in phrases)
            if of_date and not_after(t.value, published or dt.date.max) and not self._ahead(t, phrases, mentions):
                terms.signed.append(Term(t.value, t.start, t.end, "signed.of_date"))
                used.add(t.id)
                prev = t
                continue
            if in_phrase and self._word_of_a_name(t):
                continue  # "the Good Friday Agreement": a day named inside the agreement's name
            if in_phrase:
                rule, terms.signed_in_phrase = "signed.modifier", True
                value = self._past_date(t)
                if value != t.value and self._ahead(t, phrases, mentions):
                    continue  # "the proposed December 1 ceasefire": a date still ahead is no signing date
                if value != t.value:
                    terms.signed.append(Term(value, t.start, t.end, "signed.modifier_past"))
                    used.add(t.id)
                    prev = t
                    continue
            elif self._closing_date(t, mentions):
                rule = "signed.closing"  # (before the expiry cues: "the talks ended on Friday with an agreement")
            elif expires := next((r for r in self.vocab.expires_left if r.regex.search(left)), None):
                if is_week(t.value):
                    continue
                if expires.id == "expires.verb" and not self._expiry_verb_of(t, mentions):
                    continue  # "since the war ended in 1953": something else ended
                if expires.id == "expires.until" and self._not_until(t):
                    continue  # "would not take effect until 2008": when it starts, not when it ends
                # ("was due to expire in 2017 but was extended to 2042": the end it was moved to)
                moved = terms.expires is not None and _EXTENDED_TO.search(left) is not None and t.value > terms.expires.value and self._extension_done(t)
                if terms.expires is None or moved:
                    value = self._coming_date(t, left)
                    terms.expires = Term(value, t.start, t.end, "expires.extended" if moved else expires.id)
                    used.add(t.id)
                continue
            elif prev is not None and self.vocab.signed_left[1].regex.match(self.text[prev.end : t.start]) and not _APPOSED.match(self.text[prev.end : t.end]):
                rule = self.vocab.signed_left[1].id
            elif self._when_described(t, mentions):
                rule = "signed.when_clause"
            elif self.vocab.signed_block.search(left):
                continue
            elif self.vocab.signed_left[0].regex.search(left):
                if self._agreed_to_keep(t, mentions):
                    continue  # "agreed on Wednesday to respect a 2002 ceasefire": kept that day, made before
                if self._told_of_other(t, mentions):
                    continue  # "signed a contract for four tankers, the last of which was handed over in September"
                rule = self.vocab.signed_left[0].id
            elif has_verb and self.vocab.signed_left[2].regex.search(left) and (
                self._dates_signing(t, mentions) or (_LINE_START_IN.search(left) and self._signing_governor(mentions))
            ):
                rule = self.vocab.signed_left[2].id
            elif has_verb and self._when_signed(t, mentions):
                rule = "signed.when_clause"
            elif mentions and (self._bare_date_of_signing(t, mentions) or self._between_subject_and_signing(t, mentions)):
                rule = "signed.verb_date"
            elif mentions and self._far_date_of_signing(t, mentions):
                rule = "signed.far_date"
            elif mentions and self._day_after_purpose(t, mentions):
                rule = "signed.after_purpose"
            if rule is not None:
                value = t.value
                if rule != "signed.modifier":
                    # "will sign a batch of deals on Sunday": a signing still ahead has no date yet; a
                    # weekday of one told as done is the last such day ("the deal, signed on Monday, ...")
                    value = self._done_day(t)
                    if self._told_ahead(t) or not not_after(value, published or dt.date.max):
                        continue
                terms.signed.append(Term(value, t.start, t.end, rule))
                used.add(t.id)
                prev = t

    def _told_of_other(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for a date hung on a relative clause of something else the agreement covers ("a contract
        for four tankers, the last of which was handed over in September"): that thing's date."""
        i = self._token_at(t.start)
        verb = self._governor(self.doc[i]) if i < len(self.doc) else None
        if verb is None or verb.dep_ != "relcl":
            return False
        if self._signs(verb) and not any(c.dep_ == "prt" for c in verb.children):
            return False  # "a treaty calling for border demarcation, which the two presidents signed last May"
        heads = {self.doc[m.head] for m in mentions}
        return verb.head not in heads and not any(h in verb.subtree for h in heads) and self.doc[i] in verb.subtree

    def _agreed_to_keep(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for a date on "agree" whose infinitive keeps an agreement that exists ("agreed on
        Wednesday to respect the ceasefire", "agreed to abide by the accord") or signs one later ("agreed
        last week to sign a peace accord")."""
        tok = self.doc[self._token_at(t.start)]
        verb = next((a for a in tok.ancestors if a.pos_ in ("VERB", "AUX")), None)
        if verb is None or verb.lemma_ != "agree":
            return False
        signing = set(self.vocab.cues.signed_verbs) - {"agree"}
        if any(c.dep_ == "xcomp" and c.lemma_ in signing and self.doc[m.head] in c.subtree for c in verb.children for m in mentions):
            return True  # "agreed last week to sign a peace accord": the signing is still ahead, not that day
        keeping = set(self.vocab.cues.existing_verbs) - {"renew", "extend", "prolong", "cover", "govern"}
        kept = [c for c in verb.children if c.dep_ == "xcomp" and c.lemma_ in keeping]
        # (one that exists: named with "the", its own year or "existing"; not "a new truce")
        existing = set(self.vocab.cues.existing_adjectives)
        known = [
            m for m in mentions
            if not any(c.lower_ == "new" for c in self.doc[m.head].children)
            and (m.definite or any(c.ent_type_ == "DATE" or c.lower_ in existing for c in self.doc[m.head].children))
        ]
        return any(self.doc[m.head] in c.subtree for c in kept for m in known)

    def agreed_on(self, verb) -> list[Term]:
        """The day an agreement told by a verb was made ("agreed last month to form X", "agreed on Tuesday
        to sell Y"), when the date hangs on that verb and is past; empty otherwise."""
        if self._modal(verb) or self._denied(verb) or verb.tag_ not in ("VBD", "VBN"):
            return []
        published = context(self.doc).published
        for t in map(_as_day, self.timexes):
            if t.type != "DATE" or not is_date(t.value) or not (verb.sent.start_char <= t.start < verb.sent.end_char):
                continue
            tok = self._timex_root(t)
            attached = tok.head == verb and tok.dep_ == "npadvmod" or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "in") and tok.head.head == verb
            value = self._done_day(t)
            if attached and not_after(value, published):
                return [Term(value, t.start, t.end, "signed.agreeing_verb")]
        return []

    def agreed_object(self, verb, b: int) -> Term | None:
        """What an agreement told by "agreed to V X" covers: the object X of the infinitive, before token b;
        for "completed its acquisition of X", the company X."""
        bought = companies_bought(verb, self.vocab.cues.transfer_words)
        if bought:
            ent = next((e for e in self.doc.ents if e.start <= bought[0].i < e.end), None)
            if ent is not None:
                return Term(ent.text, ent.start_char, ent.end_char, "asset.agreed_object")
        inf = next((c for c in verb.children if c.dep_ == "xcomp" and c.tag_ == "VB"), None)
        if inf is None:
            return None
        tx = [t for t in self.timexes if verb.sent.start_char <= t.start < verb.sent.end_char]
        np = self._verb_object(inf, inf.i + 1, b, tx)
        if np is None:
            return None
        term = Term(self.text[self._chars(*np)[0] : self._chars(*np)[1]], *self._chars(*np), "asset.agreed_object")
        return term if self._says_something(term) else None

    def _same_day(self, ca: int, cb: int, tx: list[Timex], mentions: list[Mention]) -> list[Term]:
        """"a concession agreement signed the same evening": a signing on the day the story last named
        (the last day before it, e.g. "voted on Thursday"), when that day is past."""
        heads, ends = {m.head for m in mentions}, {m.end for m in mentions}
        governors = {self._governor(self.doc[h]) for h in heads}
        for m in self.vocab.same_day.finditer(self.text, ca, cb):
            if any(t.start < m.end() and m.start() < t.end for t in tx):
                continue  # the time component read it itself
            i = self._token_at(m.start())
            verb = self._governor(self.doc[i]) if i < len(self.doc) else None
            if verb is None or not self._signs(verb) or verb.tag_ not in ("VBD", "VBN") or self._modal(verb):
                continue
            # (the participle right after the name is its own, however it was parsed: "an agreement signed the same evening")
            if verb not in governors and not (verb.dep_ in ("acl", "relcl") and verb.head.i in heads) and verb.i not in ends:
                continue
            day = self._last_day_before(m.start())
            if day is not None:
                return [Term(day.value, m.start(), m.end(), "signed.same_day")]
        return []

    def _signing_noun_day(self, mentions: list[Mention]) -> list[Term]:
        """"attended the signing of three accords on Tuesday", "the accords' signature on Tuesday": the
        past date hung on a signing noun of the agreement, or on the past verb that noun is the object of."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            noun = signing_noun_of(head)
            if noun is None:
                continue
            verb = verb_above(noun)
            if verb is None or verb.tag_ not in ("VBD", "VBN") or self._modal(verb) or self._denied(verb):
                continue
            if verb.lemma_ not in WITNESS_LEMMAS:
                continue  # "the cabinet approved the signing of the pact Wednesday": allowed, not yet done
            for owner in (head, noun, verb):
                day = self._date_of_verb(owner, noun.sent)
                if day is not None:
                    return [Term(day[0], day[1].start, day[1].end, "signed.signing_noun")]
        return []

    def _previous_occasion(self, mentions: list[Mention]) -> list[Term]:
        """"X and Y boosted their ties last year. They signed two pacts on ...": a signing told in the past
        with no date in its sentence, by the actor of the sentence before (a pronoun or the same noun), is
        dated by the day that sentence's own past verb carries (not a verb of saying)."""
        doc = self.doc
        for m in mentions:
            head = doc[m.head]
            verb = head.head if head.dep_ == "dobj" else None
            if verb is None or verb.tag_ != "VBD" or self._modal(verb) or self._denied(verb):
                continue
            if not (self._signs(verb) or verb.lemma_ in ADOPTING_LEMMAS):
                continue
            sent = head.sent
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or sent.start == 0 or any(sent.start_char <= t.start < sent.end_char for t in self.timexes if t.type in ("DATE", "TIME")):
                continue
            prev = doc[sent.start - 1].sent
            root = prev.root
            if root.tag_ != "VBD" or root.lemma_ in self.vocab.cues.party_speech_verbs or self._modal(root):
                continue
            if verb.dep_ == "ccomp" and verb.head.lemma_ in self.vocab.cues.party_speech_verbs and verb.head.i < verb.i:
                continue  # "X said they reached an agreement": the report has its own time (not "..., X said")
            actor = next((c for c in root.children if c.dep_ == "nsubj"), None)
            # (a pronoun is the last sentence's actor only when that one is named: not "shares soared ... They ...")
            named = actor is not None and actor.ent_type_ in ("GPE", "ORG", "NORP", "PERSON")
            # ("Putin and his Kazakh counterpart met in the Kremlin on Tuesday. The two sides signed ...": the
            # pair of those who met)
            pair = subject.tag_ == "NNS" and subject.lemma_.lower() in _PAIR_ACTORS and any(c.lower_ in ("two", "both") for c in subject.children)
            # (a meeting, not any act: "Russia cut gas supplies on January 1. The two countries signed ...")
            talks = set(self.vocab.cues.talk_nouns) | set(self.vocab.cues.event_nouns)
            pair = pair and (root.lemma_ in _MEETING_VERBS or any(c.dep_ == "dobj" and c.lemma_.lower() in talks for c in root.children))
            if actor is None or not (subject.lower_ in ("they", "it") and named or pair and named or subject.lemma_.lower() == actor.lemma_.lower()):
                continue
            day = self._date_of_verb(root, prev)
            if day is not None:
                return [Term(day[0], day[1].start, day[1].end, "signed.previous_occasion")]
        return []

    def _occasion_day(self, mentions: list[Mention]) -> list[Term]:
        """"a deal struck by the two sides after marathon talks on November 8", "held talks here on Tuesday,
        after which the two sides signed a number of documents": a signing told as coming after (or at) a
        meeting is dated by the day of that meeting."""
        doc = self.doc
        events = set(self.vocab.cues.event_nouns) | set(self.vocab.cues.talk_nouns)
        for m in mentions:
            head = doc[m.head]
            verbs = [head.head] if head.dep_ in ("dobj", "nsubjpass") else []
            verbs += [c for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"]
            for verb in verbs:
                if not self._signs(verb) or verb.tag_ not in ("VBD", "VBN") or self._modal(verb) or self._denied(verb):
                    continue
                for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("after", "following", "at", "during")):
                    if any(c.dep_ in ("npadvmod", "advmod") for c in prep.children):
                        continue  # "signed months after a conference in Oslo": another day
                    for noun in (g for g in prep.children if g.dep_ == "pobj"):
                        if noun.lower_ == "which" and verb.dep_ in ("advcl", "relcl"):
                            owner = verb.head if verb.head.pos_ in ("VERB", "AUX") else verb_above(verb.head)
                        elif noun.lemma_.lower() in events:
                            owner = noun
                        else:
                            continue
                        # (also through a "here" the parser hung the day on: "held talks here on Tuesday")
                        owners = [owner, *(c for c in owner.children if c.dep_ == "advmod" and c.lower_ in ("here", "there"))] if owner is not None else []
                        day = next((d for o in owners if (d := self._date_of_verb(o, verb.sent)) is not None), None)
                        # (a meeting "after" which it was signed dates it by its day only: "after talks in Dayton in
                        # November 1995" were weeks before the signing in Paris)
                        if day is not None and (prep.lower_ in ("at", "during") or noun.lower_ == "which" or re.fullmatch(r"\d{4}-\d\d-\d\d", day[0])):
                            return [Term(day[0], day[1].start, day[1].end, "signed.occasion")]
        return []

    def _date_of_verb(self, verb, sent) -> tuple[str, Timex] | None:
        """The past date hung right on a verb or noun ("ended here Sunday", "boosted their ties last year",
        "the signing of the accord on Tuesday")."""
        published = context(self.doc).published
        for t in map(_as_day, self.timexes):
            if t.type != "DATE" or not is_date(t.value) or not (sent.start_char <= t.start < sent.end_char):
                continue
            tok = self._timex_root(t)
            attached = tok.head == verb and tok.dep_ == "npadvmod" or tok.dep_ == "pobj" and tok.head.lower_ in ("on", "in") and tok.head.head == verb
            value = self._done_day(t)
            if attached and published is not None and not_after(value, published):
                return value, t
        return None

    def _last_day_before(self, char: int) -> Timex | None:
        """The last past day the story named before ``char`` ("voted on Thursday"), or None."""
        published = context(self.doc).published
        days = [d for d in map(_as_day, self.timexes) if d.end <= char and d.type == "DATE" and _DAY.match(d.value or "")]
        days = [d for d in days if not_after(d.value, published)]
        return max(days, key=lambda d: d.end) if days else None

    def _days_apart(self, tx: list[Timex], mentions: list[Mention]) -> list[Term]:
        """"The signing of X came one day after the Giants signed Y to a deal": the day before (or after)
        the last day the story named."""
        for m in mentions:
            verb = self._governor(self.doc[m.head])
            if verb is None or not self._signs(verb) or verb.tag_ != "VBD":
                continue
            mark = next((c for c in verb.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
            if mark is None:
                continue
            # (the span written right before "after": "one day after"; not a span later in the sentence)
            span = next((t for t in tx if t.type == "DURATION" and re.fullmatch(r"P\d+D", t.value or "") and t.end <= mark.idx and not self.text[t.end : mark.idx].strip()), None)
            day = self._last_day_before(span.start) if span is not None else None
            if day is None:
                continue
            days = int(span.value[1:-1]) * (1 if mark.lower_ == "before" else -1)
            value = (dt.date.fromisoformat(day.value) + dt.timedelta(days=days)).isoformat()
            if not_after(value, context(self.doc).published):
                return [Term(value, span.start, mark.idx + len(mark), "signed.days_apart")]
        return []

    def dated_making(self, a: int, b: int) -> list[Term]:
        """The date of the last making of a deal told by a verb in tokens [a, b) ("On Thursday, X secured
        control of the project and agreed to pay Y"; "X and Y signed Wednesday"), for a first "the latest
        deal" that refers back to it; empty when there is none."""
        if a >= b:
            return []
        published = context(self.doc).published
        for t in sorted((_as_day(t) for t in self.timexes), key=lambda t: -t.start):
            if not (self.doc[a].idx <= t.start and t.end <= self.doc[b - 1].idx + len(self.doc[b - 1])):
                continue
            if t.type != "DATE" or not is_date(t.value):
                continue
            i = self._token_at(t.start)
            verb = verb_above(self.doc[i])
            if verb is None or not self._making(verb):
                continue
            value = self._done_day(t)
            if not_after(value, published):
                return [Term(value, t.start, t.end, "signed.referred_making")]
        return []

    def _making(self, verb) -> bool:
        """True for a deal made by a verb, told as done: "agreed to pay", "signed", "finalised"."""
        if not self._signs(verb) or verb.tag_ not in ("VBD", "VBN") or self._modal(verb) or self._denied(verb):
            return False
        if verb.lemma_ == "agree":
            return any(c.dep_ == "xcomp" for c in verb.children)  # "agreed to pay", not "agreed that ..."
        return True

    def _signs(self, verb) -> bool:
        """True for a verb of making or winning an agreement, but not in an idiom ("took effect", "took place")."""
        cues = self.vocab.cues
        # (one wins an agreement as the verb's object: "secured a contract on Friday", not "secured the
        # release of hostages under the truce")
        won = verb.lemma_ in cues.winning_verbs and any(c.dep_ == "dobj" and c.lower_ in self.vocab.kind_words for c in verb.children)
        return (verb.lemma_ in cues.signed_verbs or won) and not any(
            c.dep_ == "dobj" and c.lower_ in self.vocab.cues.idiom_objects for c in verb.children
        )

    def _told_ahead(self, t: Timex) -> bool:
        """True when the verb a date belongs to is in the future ("will sign ... on Sunday evening") or
        is a signing others say is due ("are scheduled to sign the accord on Monday")."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        verb = self.doc[i]
        while verb.pos_ not in ("VERB", "AUX") and verb.head != verb:
            verb = verb.head
        if verb.dep_ == "xcomp" and verb.head.lemma_ in self.vocab.cues.scheduling_verbs:
            return True
        if verb.lemma_ in SIGNING_LEMMAS and self._signing_ahead(verb):
            return True  # "expects to sign the accord on Friday"
        return any(c.dep_ == "aux" and c.lower_ in ("will", "shall", "'ll") for c in verb.children)

    def _dates_signing(self, t: Timex, mentions: list[Mention]) -> bool:
        """True when "in/on DATE" modifies a signing verb ("In 2019 the firm obtained a lease") or the agreement."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        tok = self.doc[i]
        while tok.dep_ in ("compound", "nummod", "amod", "npadvmod") and tok.head != tok and tok.head.idx < t.end:
            tok = tok.head
        prep = tok.head if tok.dep_ == "pobj" else tok
        target = prep.head if prep.dep_ in ("prep", "npadvmod") else None
        heads = {m.head for m in mentions}
        if self._between_subject_and_signing(t, mentions):
            return True
        if target is None:
            return False
        if target.i in heads:
            return True
        governors = {self._governor(self.doc[h]) for h in heads}
        if target.pos_ in ("NOUN", "PROPN"):
            # "a peace agreement inked between the government and the rebels in 2005", "agreements were
            # reached at the joint meeting of X and Y in Addis Ababa on Thursday": a date the parser hung
            # on the last side or place of the signing belongs to the signing
            up, preps = target, []
            while up.dep_ in ("pobj", "conj", "prep", "compound") and up.head != up:
                preps += [up.lower_] if up.dep_ == "prep" else []
                up = up.head
            local = set(preps) <= SIGNING_SCENE_PREPS
            if local and up.dep_ in ("acl", "relcl") and up.head.i in heads and self._signs(up):
                target = up
            elif local and preps and up in governors and self._signs(up):
                target = up
        if target.dep_ in ("acl", "relcl") and target.head.i in heads and self._signs(target):
            return True  # "the accord (ABC) signed by X and Y in 1999"
        if target.dep_ == "amod" and target.head.i in heads and target.i > target.head.i:
            target = target.head.head  # "signed a contract worth 90 million dollars in July": the parser hangs the date on "worth"
        if self._said_day(tok, target):
            return False
        return self._signs(target) and (not mentions or target in governors)

    def _said_day(self, tok, verb) -> bool:
        """True for the day a report was made, which the parser hung on the signing it reports when the
        signing has its own day ("X said on Monday it signed the contract on Sunday")."""
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.dep_ != "ccomp" or verb.head.lemma_ not in self.vocab.cues.party_speech_verbs or subject is None:
            return False
        if not verb.head.i < tok.i < subject.i:
            return False
        # (its own day or month: "on Sunday", "in May"; not a term or an end: "for 25 years", "until 2010")
        return any(
            c.dep_ == "prep" and c.lower_ in ("on", "in") and c.i > subject.i
            and any(g.ent_type_ == "DATE" and g.lemma_.lower() not in _SPAN_WORDS for g in c.children if g.dep_ == "pobj")
            for c in verb.children
        )

    def _between_subject_and_signing(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for "X and Y on Sunday signed a deal", "X Sunday signed a deal": a date written between a
        signing verb and its subject, which the parser often hangs on the subject, dates the signing."""
        i = self._token_at(t.start)
        heads = {m.head for m in mentions}
        verb = next((x for x in self.doc[i:] if x.idx >= t.end), None)
        if verb is None or not self._signs(verb) or verb not in {self._governor(self.doc[h]) for h in heads}:
            return False
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        return subject is not None and subject.left_edge.i < i < verb.i

    def _modifies(self, t: Timex, ps: int, pe: int) -> bool:
        """True when a date written right before an agreement's phrase belongs to it ("2019, 49-year deal"),
        not to the verb before it ("rejected on Wednesday a US-brokered agreement", "endorsed Thursday the pact")."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        if i > 0 and self.doc[i - 1].pos_ == "ADP":
            # "Back in 2014 a deal handed X a lease": a time fronted before the deal is its own; after a
            # verb it is the verb's ("rejected on Wednesday a US-brokered agreement")
            return i < 2 or self.doc[i - 2].pos_ not in ("VERB", "AUX")
        tok = self._timex_root(t)
        return ps <= tok.head.idx < pe

    def _ahead(self, t: Timex, phrases, mentions: list[Mention]) -> bool:
        """True when an agreement named by a date may still be ahead: "the proposed December 1 ceasefire",
        "will sign the May 5 accord"."""
        phrase = next(((ps, pe) for ps, pe in phrases if ps <= t.end + 2 and t.start <= pe), None)
        proposed = next((r for r in self.vocab.status if r.value == "proposed" and r.scope == "phrase"), None)
        if phrase is not None and proposed is not None and proposed.regex.search(self.text, max(0, min(phrase[0], t.start)), phrase[1]):
            return True
        for m in mentions:
            verb = self._governor(self.doc[m.head])
            if verb is not None and any(c.dep_ == "aux" and c.lower_ in ("will", "would", "shall", "could", "may", "might", "to") for c in verb.children):
                return True
        return False

    def _past_date(self, t: Timex) -> str:
        """A date naming an agreement ("the April 26 truce agreement") is of a signing already made: one
        without its year that resolved after the publication date is last year's."""
        published = context(self.doc).published
        if published is None or re.search(r"\b\d{4}\b|'\d{2}\b", t.text) or not re.fullmatch(r"\d{4}(?:-\d{2}){1,2}", t.value):
            return t.value
        if not_after(t.value, published):
            return t.value
        return f"{int(t.value[:4]) - 1:04d}{t.value[4:]}"

    def _elapsed(self, t: Timex) -> bool:
        """True for a span of time an agreement has lasted so far: "for" after "held" ("the truce, which
        held for three weeks") or after a perfect of lasting ("has been in effect for two months")."""
        span = self.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or span.root.dep_ != "pobj" or span.root.head.lower_ != "for":
            return False
        verb = span.root.head.head
        if verb.lemma_ in ("hold", "survive", "endure"):
            return True
        perfect = verb.tag_ == "VBN" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in verb.children)
        return perfect and verb.lemma_ in ("be", "last", "remain", "stay", "run", "operate")

    def _coming_date(self, t: Timex, left: str) -> str:
        """An end told in the present or future without its year ("the truce expires at the end of March"
        in a June story) is the next such month or day after publication, whatever the time component
        resolved it to; one told in the past ("expired in March") keeps its value."""
        published = context(self.doc).published
        if published is None or re.search(r"\b\d{4}\b|'\d{2}\b", t.text) or not re.fullmatch(r"\d{4}(?:-\d{2}){1,2}", t.value):
            return t.value
        # (a month, or a month's day: not "Friday", which the time component dates by the tense)
        if _PAST_END.search(left) or t.value >= published.isoformat()[: len(t.value)] or not _MONTH_NAME.search(t.text):
            return t.value
        return f"{int(t.value[:4]) + 1:04d}{t.value[4:]}"

    def _done_day(self, t: Timex) -> str:
        """A weekday on a signing told as done ("after reaching a deal Saturday") is the last such day up
        to publication, whichever way the time component resolved it."""
        published = context(self.doc).published
        if published is None or not WEEKDAY.fullmatch(t.text.strip()) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value):
            return t.value
        day = dt.date.fromisoformat(t.value)
        while day > published:
            day -= dt.timedelta(days=7)
        return day.isoformat()

    def _day_after_purpose(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for a day written at the end of what an agreement was signed for ("signed a memorandum
        with Sinopec to build a refinery in Yanbu on Sunday"): the parser hangs it on the purpose, but a
        weekday dates the signing, not the building (a date, a month or a year may be the purpose's own:
        "to start deliveries on March 3")."""
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", t.value) or not (WEEKDAY.search(t.text) or t.text.lower() == "yesterday"):
            return False
        tok = self._timex_root(t)
        purpose = tok.head.head if tok.dep_ == "pobj" and tok.head.lower_ == "on" else (tok.head if tok.dep_ == "npadvmod" else None)
        if purpose is None or purpose.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in purpose.children):
            return False
        verb = purpose.head
        heads = {m.head for m in mentions}
        # (the purpose of the signing verb or of the agreement's name: "a memorandum ... to build")
        signing = verb if self._signs(verb) else self._governor(verb) if verb.i in heads else None
        if signing is None or not self._signs(signing) or signing.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" and c.lower_ in MODALS for c in signing.children):
            return False
        return signing in {self._governor(self.doc[h]) for h in heads} or verb.i in heads

    def _timex_root(self, t: Timex):
        """The token a time expression hangs on the sentence by (its own root, not beyond it)."""
        tok = self.doc[self._token_at(t.start)]
        while tok.head != tok and t.start <= tok.head.idx < t.end:
            tok = tok.head
        return tok

    def _far_date_of_signing(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for "on DATE" (or "in DATE") after the signing's other words, which the parser hung on one of
        them: "signed agreements with Italy's Eni and France's Total on Tuesday", "the agreement on
        realigning US forces reached by Tokyo and Washington on May 1", "signed his first contract with
        the club, a three-year deal, in March": the nouns it hangs on lead up to a past signing of it."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        tok = self._timex_root(t)
        if tok.dep_ != "pobj" or tok.head.lower_ not in ("on", "in") or not all(m.end <= tok.head.i for m in mentions):
            return False  # (written after the agreement's name, not before it: "said on Monday it signed ...")
        up = tok.head.head
        # (through the names of its sides, its agent or its place, not through what it is about: "a deal with
        # the IMF on debt relief for the drought in 2005")
        while up.pos_ in ("NOUN", "PROPN", "ADP", "NUM") and up.dep_ in ("pobj", "conj", "appos", "prep", "dobj", "compound", "nummod") and up.head != up:
            if up.pos_ == "ADP" and up.lower_ not in ("with", "by", "in", "at"):
                return False
            up = up.head
        if up.pos_ != "VERB" or not self._signs(up) or up.tag_ not in ("VBD", "VBN") or self._modal(up) or self._denied(up):
            return False
        heads = {self.doc[m.head] for m in mentions}
        governs = any(self._governor(h) == up for h in heads)
        inside = up.dep_ in ("acl", "relcl") and any(up in h.subtree for h in heads)
        return (governs or inside) and not_after(self._done_day(t), context(self.doc).published or dt.date.max)

    def _bare_date_of_signing(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for a date with no preposition that modifies the verb signing the agreement ("X and Y
        signed a trade promotion agreement Wednesday", "who signed a landmark peace deal last month"),
        when that signing happened (a past tense, not "will sign ... Monday")."""
        i = self._token_at(t.start)
        if i >= len(self.doc) or self.doc[i].lower_ in ("in", "on", "at", "by", "since", "until", "before", "after"):
            return False
        if self.text[max(0, t.start - 8) : t.start].rstrip().endswith(","):
            return False  # "in 2003, the year the war ended": the date before, restated
        tok = self.doc[i]
        while tok.head != tok and t.start <= tok.head.idx < t.end and tok.dep_ != "npadvmod":
            tok = tok.head  # to the root of the time expression, not beyond it
        verb = tok.head
        indefinite = lambda m: self.doc[m.start].lower_ in ("a", "an")  # noqa: E731
        if tok.dep_ == "npadvmod" and verb.pos_ != "VERB" and any(verb.i == m.head and indefinite(m) for m in mentions):
            # "his part in a contract Monday to buy 150 planes": a day on the agreement's own name, if past
            published = context(self.doc).published
            return not_after(t.value, published)
        if tok.dep_ != "npadvmod" or not self._signs(verb) or not (verb.tag_ in ("VBD", "VBN") or realized(verb)):
            return False
        if any(c.dep_ == "aux" and c.lower_ in MODALS for c in verb.children):
            return False
        if verb.dep_ in ("relcl", "acl") and verb.head.i in {m.head for m in mentions}:
            return True  # "the agreement, which was signed by the two governments Thursday"
        return verb in {self._governor(self.doc[m.head]) for m in mentions}

    def _when_described(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for "since 1971, when X and Y signed an accord": the date a "when" clause of the signing
        describes (whatever the preposition before it)."""
        i = self._token_at(t.start)
        if i >= len(self.doc) or not mentions:
            return False
        governors = {self._governor(self.doc[m.head]) for m in mentions}
        tok = self._timex_root(t)
        return any(
            c.dep_ == "relcl" and c in governors and self._signs(c) and c.tag_ == "VBD"
            and any(w.dep_ == "advmod" and w.lower_ == "when" for w in c.children)
            for c in tok.children
        )

    def _extension_done(self, t: Timex) -> bool:
        """True when the extension the date ends is told as done ("was extended to 2042"), not as a
        possibility, a wish or a condition ("could be extended to 2050", "wants it extended", "if it is
        extended")."""
        i = self._token_at(t.start)
        verb = self._governor(self.doc[i]) if i < len(self.doc) else None
        if verb is None or verb.tag_ not in ("VBN", "VBD"):
            return False
        if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or c.lower_ in ("will", "shall", "'ll")) for c in verb.children):
            return False
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in verb.children):
            return False
        # "Tolmark wants it extended": an extension wished for
        return verb.dep_ not in ("ccomp", "xcomp", "oprd") or verb.head.lemma_ not in self.vocab.cues.sought_verbs

    def _closing_date(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for "the talks ended on Friday with an agreement on X", "the summit closed Tuesday with a
        deal": the day a meeting closed with an agreement is the day it was made."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        tok = self._timex_root(t)
        prep = tok.head if tok.dep_ == "pobj" and tok.head.lower_ in ("on", "in") else tok
        verb = prep.head if prep.dep_ in ("prep", "npadvmod") else None
        while verb is not None and verb.dep_ == "advmod" and verb.pos_ == "ADV" and verb.head != verb:
            verb = verb.head  # "wrapped up here on Friday": the parser hangs the day on "here"
        if verb is None or verb.pos_ != "VERB" or verb.lemma_ not in self.vocab.cues.closing_verbs:
            return False
        # ("had hoped the talks would end on Wednesday with an agreement": not told as done; a past tense
        # the tagger reads as a participle, with no auxiliary, is one)
        if verb.tag_ not in ("VBD", "VBN") or any(c.dep_ == "aux" for c in verb.children):
            return False
        return any(
            self.doc[m.head].dep_ == "pobj" and self.doc[m.head].head.lower_ in ("with", "in") and self.doc[m.head].head.head.i == verb.i
            for m in mentions
        )

    def _when_signed(self, t: Timex, mentions: list[Mention]) -> bool:
        """True for "hopes rose Sunday when X struck a deal with Y": the day of the main clause is the day
        of the signing its "when" clause tells."""
        i = self._token_at(t.start)
        if i >= len(self.doc):
            return False
        governors = {self._governor(self.doc[m.head]) for m in mentions}
        if self.doc[i].dep_ != "npadvmod":
            return False
        return any(
            c.dep_ == "advcl" and c in governors and self._signs(c)
            and any(w.dep_ == "advmod" and w.lower_ == "when" for w in c.children)
            for c in self.doc[i].head.children
        )

    def _not_until(self, t: Timex) -> bool:
        """True for "not ... until DATE": the verb the date hangs on is negated; and for "Acting as EU
        president until the end of the month, Blair sealed agreement": the date ends a participle clause
        set before the clause, about its subject."""
        i = self._token_at(t.start)
        verb = self._governor(self.doc[i]) if i < len(self.doc) else None
        if verb is None:
            return False
        opening = verb.dep_ == "advcl" and verb.tag_ in ("VBG", "VBN") and verb.i < verb.head.i and not any(c.dep_.startswith("nsubj") or c.dep_ == "mark" for c in verb.children)
        return opening or any(c.dep_ == "neg" for c in verb.children)

    def _expiry_verb_of(self, t: Timex, mentions: list[Mention]) -> bool:
        """True when the verb before an expiry date ("expires in", "ends in") has the agreement as subject."""
        i = self._token_at(t.start)
        verb = self._governor(self.doc[i]) if i < len(self.doc) else None
        if verb is None or any(c.dep_ == "dobj" for c in verb.children):
            return False  # (and not "the peace agreement ended the war in 1995": it ended something else)
        heads = {m.head for m in mentions}
        # "which is set to expire in 2010", "that is due to expire at the end of the year": the verb the
        # infinitive hangs on takes the subject
        # (and a verb coordinated with the one before shares its subject: "it will take effect in May and
        # expire in 2019")
        chain = [verb]
        while chain[-1].head != chain[-1] and len(chain) < 4 and (
            chain[-1].dep_ in ("xcomp", "acomp") or chain[-1].dep_ == "conj" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in chain[-1].children)
        ):
            chain.append(chain[-1].head)
        for v in chain:
            subjects = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")]
            # ("the agreement, due to expire in December": the adjective the infinitive hangs on is the agreement's)
            if v.dep_ in ("relcl", "acl", "amod") and v.head.i in heads:
                return True
            if any(c.i in heads or c.lower_ in ("it", "they", "which", "that") for c in subjects):
                return True
        return False

    def _signing_governor(self, mentions: list[Mention]) -> bool:
        """True when the verb an agreement name depends on is a signing verb ("took over ... under a lease")."""
        governors = [self._governor(self.doc[m.head]) for m in mentions]
        return any(g is not None and self._signs(g) for g in governors)

    def _duration(self, ca: int, tx: list[Timex], used: set[str], phrases) -> Term | None:
        block = self.vocab.cues.duration_block_left
        for t in tx:
            if t.type != "DURATION" or t.id in used or not is_duration(t.value):
                continue
            left = self.text[max(ca, t.start - 40) : t.start]
            words = left.lower().split()
            # ("will last five years" is the verb "last", not "the last five years")
            verb_last = len(words) > 1 and words[-1] == "last" and words[-2] in LAST_AS_VERB
            if words and (words[-1] in block or " ".join(words[-2:]) in block) and not verb_last:
                continue
            right = self.text[t.end : t.end + 12]
            if t.text.lower().endswith("old") or re.match(r"^-?old\b", right):
                continue  # "an 8-month-old truce" is an age, not a term
            if self._elapsed(t):
                continue  # "the treaty has held for four decades": how long it has lasted so far, not its term
            in_phrase = any(ps <= t.start and t.end <= pe for ps, pe in phrases)
            if in_phrase:
                return Term(t.value, t.start, t.end, "duration.modifier")
            i = self._token_at(t.end)
            nxt = self.doc[i] if i < len(self.doc) else None
            term_noun = t.text.lower().split()[-1] in _TERM_NOUNS or nxt is not None and nxt.lower_ in _TERM_NOUNS
            if term_noun and "-" in t.text and re.search(r"\b(?:the|its|their)\s+$", left.lower()):
                return Term(t.value, t.start, t.end, "duration.term_noun")  # "during the seven-year term"
            if nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and "-" in t.text and not in_phrase:
                continue  # "the eight-year war": a duration of something else
            if words and words[-1] == "of" and not self._of_the_agreement(t, phrases):
                continue  # "a civil war of three decades": how long something else lasted
            rule = next((r for r in self.vocab.duration_left if r.regex.search(left)), None)
            if rule is None and t.text.lower().startswith("last ") and words and words[-1] in LAST_AS_VERB:
                rule = self.vocab.duration_left[0]  # "will last five years", read by the time component as one phrase
            if rule is not None and not self._describes_other_noun(t, phrases):
                return Term(t.value, t.start, t.end, rule.id)
        return None

    def _of_the_agreement(self, t: Timex, phrases) -> bool:
        """True when "of" before a duration hangs on the agreement's own name or a word for its term
        ("a lease of 49 years", "an initial period of five years"), not on another noun."""
        i = self._token_at(t.start) - 1
        if i < 0 or self.doc[i].lower_ != "of":
            return True
        noun = self.doc[i].head
        words = _TERM_NOUNS + ("period", "span", "tenure", "extension", "renewal")
        return noun.lemma_.lower() in words or noun.lower_ in words or any(ps <= noun.idx < pe for ps, pe in phrases)

    def _describes_other_noun(self, t: Timex, phrases) -> bool:
        """True for a duration in a clause about another noun ("a truce ending the conflict, which has
        festered for 22 years")."""
        i = self._token_at(t.start)
        verb = self._governor(self.doc[i]) if i < len(self.doc) else None
        if verb is None or verb.dep_ not in ("relcl", "acl"):
            return False
        if any(c.dep_ in ("nsubj", "nsubjpass") and any(ps <= c.idx < pe for ps, pe in phrases) for c in verb.children):
            return False  # "..., while a 2018 agreement awarded mining rights for 40 years" (parsed as a clause)
        noun = verb.head
        granted = verb.dep_ == "acl" and verb.tag_ == "VB" and noun.dep_ == "dobj"
        if granted and any(c.dep_ == "nsubj" and any(ps <= c.idx < pe for ps, pe in phrases) for c in noun.head.children):
            return False  # "the agreement gives Acme the right to use the port for 25 years": what it grants
        return not any(ps <= noun.idx < pe for ps, pe in phrases)




