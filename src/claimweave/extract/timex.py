"""Time expressions (``doc._.cw_timexes``): find dates, times, durations and sets and give TIMEX3 values.

Detection is the rule grammar of ``patterns/timex/`` run over the document text (longest match
wins), checked against spaCy's tags for false positives ("may" the verb, amounts, ages), and
extended by modifier words ("late", "the end of", "about"). Values come from
:mod:`claimweave.extract.timex_normalize`, anchored on the publication date, else on the last
explicit date of the narrative, else left with X; "eight months after the fall of X" is resolved
against the date the document gives for that event when it gives one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimweave import patterns
from claimweave.extract.common import context, ensure_extensions, evidence, sentence_chars, stable_id
from claimweave.extract.timex_normalize import FUTURE, PAST, PRESENT, Normalized, match_groups, normalize_match, shift
from claimweave.extract.timex_rules import Rule, modifiers, rules
from claimweave.models import Timex, TimexAnchor


class Guards(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    year_preceders: list[str]
    year_preceders_need_support: list[str]
    year_followers: list[str]
    time_support_words: list[str]
    street_suffixes: list[str]
    month_name_preceders: list[str]
    after_duration_rejects: list[str]
    season_context: list[str]
    small_unit_word_numbers_reject: list[str]
    future_cues: list[str]
    past_cues: list[str]


@lru_cache(maxsize=1)
def guards() -> Guards:
    return patterns.load("timex/guards.json", Guards)


@dataclass
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    order: int
    mod: str | None = None
    mod_rule: str | None = None
    event: tuple[int, int] | None = None  # the anchor event phrase of an event-anchored offset


def find_candidates(text: str) -> list[Candidate]:
    """Every rule match in ``text``, overlaps removed: longest first, then the earlier rule."""
    found = []
    for order, rule in enumerate(rules()):
        for match in rule.regex.finditer(text):
            if match.end() > match.start():
                found.append(Candidate(match.start(), match.end(), rule, match, order))
    found.sort(key=lambda c: (-(c.end - c.start), c.order, c.start))
    taken: list[Candidate] = []
    occupied = bytearray(len(text) + 1)
    for cand in found:
        if any(occupied[cand.start:cand.end]):
            continue
        occupied[cand.start:cand.end] = b"\x01" * (cand.end - cand.start)
        taken.append(cand)
    taken.sort(key=lambda c: c.start)
    return taken


# --- false-positive guards -------------------------------------------------------------------


def _tokens(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")


def _word_before(text: str, start: int) -> str:
    match = re.search(r"(\S+)\s*$", text[max(0, start - 40):start])
    return match.group(1).lower() if match else ""


def _word_after(text: str, end: int) -> str:
    match = re.match(r"\s*([^\s,;:]+)", text[end:end + 40])
    return match.group(1).lower().rstrip(".)\"'") if match else ""


def _capitalized(match: re.Match[str], *names: str) -> bool:
    return all(not match.group(n) or match.group(n)[0].isupper() for n in names if n in match.re.groupindex)


def keep(doc: Doc, cand: Candidate) -> bool:
    """False for a match that is not a time expression in its context."""
    # the string the rule matched is doc.text; spaCy rebuilds doc.text from all tokens on each access
    text, match, rule = cand.match.string, cand.match, cand.rule
    g = guards()
    if not _capitalized(match, "month", "weekday", "weekday2"):
        return False
    before, after = _word_before(text, cand.start), _word_after(text, cand.end)
    groups = match.groupdict()
    if rule.id == "date.month":
        span = _tokens(doc, cand.start, cand.end)
        if span is None or span[0].tag_ in ("MD", "VB", "VBP", "VBZ", "VBD") or span[0].pos_ in ("VERB", "AUX"):
            return False
        if before in g.month_name_preceders or (span[0].i > 0 and doc[span[0].i - 1].pos_ == "PROPN"
                                                and doc[span[0].i - 1].text[:1].isupper()
                                                and doc[span[0].i - 1].text.lower() not in g.time_support_words):
            return False
        if span[0].ent_type_ in ("PERSON", "ORG"):
            return False
    if rule.id in ("date.year", "date.quarter_code") and groups.get("year") and match.group(0) == groups["year"]:
        if before in g.year_preceders and before not in g.year_preceders_need_support:
            return False
        if after in g.year_followers:
            return False
        span = _tokens(doc, cand.start, cand.end)
        if span is not None and span[0].tag_ == "CD" and span[0].dep_ == "nummod" and span[0].head.tag_ in ("NNS", "NNPS"):
            if span[0].head.text.lower() not in ("elections", "games", "olympics", "accords"):
                return False
        if before in g.year_preceders_need_support and not re.match(r"\s*(?:and|to|-|through)\s", text[cand.end:cand.end + 10]):
            if before != "of":
                return False
    if rule.type == "DURATION" or rule.id.startswith("rel.ago") or rule.id == "event.offset":
        if after in g.after_duration_rejects or text[cand.end:cand.end + 4].lower().startswith("-old"):
            return False
        unit = (groups.get("unit") or "").lower()
        num = (groups.get("num") or "").lower()
        if unit in g.small_unit_word_numbers_reject and not re.match(r"\d", num) and num in ("a", "an", "one", ""):
            return False
        if unit in ("second", "seconds") and not re.match(r"\d", num):
            return False
    if rule.id == "date.season" and not groups.get("year"):
        if not groups.get("rel"):
            if groups["season"].lower() == "fall":
                return False
            if not match.group(0).lower().startswith("the") and before not in g.season_context:
                return False
        if re.match(r"\s+of\s+(?!\d)", text[cand.end:cand.end + 5]):
            return False
    if rule.id == "set.adverb" and groups["adverb"].lower() in ("daily", "weekly", "monthly", "nightly"):
        span = _tokens(doc, cand.start, cand.end)
        if span is not None and span[0].pos_ == "ADJ":
            return False  # "a daily newspaper", "the monthly report"
    if rule.id == "date.decade_word" and before in ("their", "his", "her", "my", "our", "your", "its"):
        return False
    if rule.id in ("date.the_unit", "dur.for_the_unit") and re.match(r"\s*(?:'s|’s|of\b|-)", text[cand.end:]):
        return False
    if rule.id == "ref.present" and match.group(0).lower() == "now" and after in ("that",):
        return True
    return True


# --- context: modifiers, tense, anchors --------------------------------------------------------


_ADJECTIVAL = re.compile(r"(?:an?|the)\s+(?=(?:\S+\s+)*?\S+\s+(?:year|month|week|day|hour|minute|decade)$)", re.I)


def trim_article(cand: Candidate) -> None:
    """ "a five year low": an article before a number with a singular unit belongs to the noun, not the timex."""
    if cand.rule.id != "dur.number_unit":
        return
    num = (cand.match.group("num") or "").lower()
    found = _ADJECTIVAL.match(cand.match.group(0))
    if found and num not in ("a", "an", "one") and not cand.match.group("rel"):
        cand.start += found.end()


def extend_modifiers(text: str, cand: Candidate) -> None:
    """Take a preceding or following modifier phrase ("late", "about", "or so") into the extent."""
    data = modifiers()
    head = text[max(0, cand.start - 30):cand.start]
    for item in sorted(data.prefixes, key=lambda m: -len(m.text)):
        if cand.rule.type not in item.types:
            continue
        words = r"\s+".join(re.escape(w) for w in item.text.split())
        found = re.search(rf"(?<![\w-]){words}(?:\s+|-)$", head, re.IGNORECASE)
        if found and not (cand.rule.id == "date.the_unit" and item.mod == "APPROX"):
            if item.text in ("the early", "the late", "the mid") and cand.match.group(0).lower().startswith("the "):
                continue
            cand.start -= len(head) - found.start()
            cand.mod, cand.mod_rule = item.mod, item.id
            break
    tail = text[cand.end:cand.end + 20]
    for item in sorted(data.suffixes, key=lambda m: -len(m.text)):
        if cand.rule.type not in item.types:
            continue
        words = r"\s+".join(re.escape(w) for w in item.text.split())
        found = re.match(rf"\s+{words}(?![\w])", tail, re.IGNORECASE)
        if found:
            cand.end += found.end()
            cand.mod, cand.mod_rule = cand.mod or item.mod, cand.mod_rule or item.id
            break


def _governing_verb(token):
    """The verb a time expression modifies directly (through at most one preposition), else None."""
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "poss", "compound", "amod", "nmod"):
        return None  # "has set Nov. 10 as the deadline", "Friday's purchases": the verb does not date it
    for _ in range(4):
        head = token.head
        if head is token:
            return None
        if head.pos_ in ("VERB", "AUX") and head.tag_ != "MD":
            return head
        if head.pos_ == "ADJ":
            return None  # "payable Dec. 7", "effective Feb. 1": the adjective, not the clause, dates it
        token = head
    return None


def tense_of(doc: Doc, start: int, end: int, *, text: str | None = None) -> str | None:
    """Past, present or future of the verb a time expression modifies (None when none governs it)."""
    span = _tokens(doc, start, end)
    if span is None:
        return None
    text = doc.text if text is None else text  # pass it: doc.text is rebuilt from all tokens on each access
    before = text[max(0, start - 30):start].lower().split()
    cues = guards()
    if before and (before[-1] in cues.future_cues or " ".join(before[-2:]) in cues.future_cues):
        return FUTURE
    if before and before[-1] in cues.past_cues:
        return PAST
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"}:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        return FUTURE  # "is scheduled to close Monday"
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return FUTURE  # "is meeting on Friday"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or (verb.tag_ == "VBN" and words & {"has", "have", "had"}):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return PRESENT
    if verb.tag_ == "VB" and any(c.tag_ == "MD" for c in aux):
        return PRESENT
    return None


_CALENDAR = re.compile(r"^\d{3,4}(?:-(?:\d\d|Q\d|H\d|SP|SU|FA|WI|W\d\d)(?:-\d\d)?)?$")


@dataclass
class State:
    """What the document has said so far: the narrative anchor and the last calendar values."""

    narrative: str | None = None
    last_value: str | None = None
    last_quarter: str | None = None
    sentence_values: list[tuple[int, str]] | None = None


class TimexTagger:
    """The ``claimweave_timex`` component."""

    def __init__(self, resolve_events: bool = True) -> None:
        self.resolve_events = resolve_events

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        published = ctx.published.isoformat() if ctx.published else None
        text = doc.text
        kept = []
        for cand in find_candidates(text):
            if keep(doc, cand):
                trim_article(cand)
                extend_modifiers(text, cand)
                kept.append(cand)
        state = State()
        items: list[tuple[Candidate, Normalized, str, str | None]] = []
        for cand in kept:
            if cand.rule.handler == "event" and not self._event_phrase(doc, cand, kept):
                cand = self._as_duration(cand)
                if cand is None:
                    continue
            sentence_start = self._sentence_start(doc, cand.start)
            same_sentence = [v for s, v in (state.sentence_values or []) if s >= sentence_start]
            reference = same_sentence[-1] if same_sentence else state.last_value
            if cand.rule.id.startswith(("rel.ago", "date.year_ago")) and not same_sentence:
                reference = state.last_quarter or (None if published else state.last_value)
            anchor, kind = (published, "publication") if published else (
                (state.narrative, "narrative") if state.narrative else (None, "none"))
            tense = tense_of(doc, cand.start, cand.end, text=text) if cand.rule.handler in ("calendar", "season") else None
            result = normalize_match(cand.rule.id, match_groups(cand.match), anchor=anchor, tense=tense,
                                     reference=reference)
            if cand.mod:
                result = replace(result, mod=cand.mod)
            items.append((cand, result, kind if result.relative else "absolute", anchor if result.relative else None))
            derived = cand.rule.handler in ("ago", "year_ago", "anaphoric")
            if _CALENDAR.match(result.value) and result.type in ("DATE", "TIME") and not derived:
                state.last_value = result.value
                state.sentence_values = (state.sentence_values or []) + [(cand.start, result.value)]
                if "-Q" in result.value:
                    state.last_quarter = result.value
                if not result.relative and len(result.value) >= 4:
                    state.narrative = result.value
        timexes = [self._timex(doc, *item, items=items) for item in items]
        doc._.cw_timexes = timexes
        return doc

    # --- events ---

    @staticmethod
    def _sentence_start(doc: Doc, char: int) -> int:
        span = _tokens(doc, char, char + 1)
        if span is None or not doc.has_annotation("SENT_START"):
            return 0
        return sentence_chars(doc, span[0].i)[0]

    def _event_phrase(self, doc: Doc, cand: Candidate, kept: list[Candidate]) -> bool:
        """Extend "N units after|before" over its anchor: a named event or a date; False for anything else.

        A clause ("after the company said ...") or a generic noun phrase ("after their issue date") is
        no anchor the document can date: TimeBank then marks only the duration, and so do we.
        """
        span = _tokens(doc, cand.match.start("dir"), cand.match.end("dir"))
        if span is None or not self.resolve_events:
            return False
        prep = span[-1]
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        if not objects:
            return False
        obj = objects[0]
        phrase = doc[obj.left_edge.i: obj.right_edge.i + 1]
        if len(phrase) > 12 or any(t.pos_ == "VERB" and t.dep_ in ("relcl", "acl", "ccomp") for t in phrase):
            phrase = doc[obj.left_edge.i: obj.i + 1]
            if any(t.pos_ == "VERB" for t in phrase) or len(phrase) > 12:
                return False
        has_date = any(phrase.start_char <= other.start < phrase.end_char for other in kept if other is not cand)
        if not has_date and not any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "EVENT", "NORP") for t in phrase):
            return False
        cand.event = (phrase.start_char, phrase.end_char)
        cand.end = phrase.end_char
        return True

    @staticmethod
    def _as_duration(cand: Candidate) -> Candidate | None:
        """The "N units" part of an offset whose anchor is a clause, as TimeBank annotates it."""
        duration = next(r for r in rules() if r.id == "dur.number_unit")
        match = duration.regex.match(cand.match.string, cand.start, cand.match.start("dir"))
        if match is None:
            return None
        return Candidate(match.start(), match.end(), duration, match, cand.order, cand.mod, cand.mod_rule)

    def _event_date(self, doc: Doc, cand: Candidate, items) -> tuple[str | None, str]:
        start, end = cand.event
        phrase = doc.char_span(start, end, alignment_mode="expand")
        inside = [r.value for c, r, *_ in items if start <= c.start < end and _CALENDAR.match(r.value)]
        if inside:
            return inside[0], phrase.text
        propns = {t.lemma_.lower() for t in phrase if t.pos_ == "PROPN"}
        nouns = {t.lemma_.lower() for t in phrase if t.pos_ == "NOUN"}
        best = None
        for other, result, *_ in items:
            if other is cand or result.relative or not re.match(r"^\d{4}-\d\d", result.value):
                continue
            tokens = _tokens(doc, other.start, other.end)
            if tokens is None:
                continue
            sentence = tokens[0].sent
            if start >= sentence.start_char and end <= sentence.end_char:
                continue
            lemmas = {t.lemma_.lower() for t in sentence}
            if propns and not propns <= lemmas:
                continue
            overlap = len(nouns & lemmas)
            if not propns and overlap < max(1, len(nouns) - 1):
                continue
            score = (overlap, other.start < start, -abs(other.start - start))
            if best is None or score > best[0]:
                best = (score, result.value)
        return (best[1] if best else None), phrase.text

    def _timex(self, doc: Doc, cand: Candidate, result: Normalized, kind: str, anchor: str | None, items) -> Timex:
        text = context(doc).text[cand.start:cand.end]
        rule_id = cand.rule.id
        anchor_model = TimexAnchor(kind=kind if kind != "absolute" else "absolute", value=anchor)
        value, resolved = result.value, result.resolved
        if cand.event is not None:
            event_date, event_text = self._event_date(doc, cand, items)
            amount = int(result.amount) if result.amount else None
            moved = shift(event_date, result.sign * amount, result.unit) if event_date and amount is not None else None
            value, resolved = (moved, True) if moved else (result.value, False)
            anchor_model = TimexAnchor(kind="event", value=event_date, text=event_text)
        elif kind == "none" and result.relative:
            resolved = False
        if cand.mod_rule:
            rule_id = f"{rule_id}+{cand.mod_rule}"
        return Timex(
            id=stable_id("timex", context(doc).doc_id, cand.start, cand.end, value),
            start=cand.start,
            end=cand.end,
            text=text,
            type=result.type,
            value=value,
            mod=result.mod,
            anchor=anchor_model,
            resolved=resolved and "X" not in value,
            evidence=evidence(doc, cand.start, cand.end, rule_id),
        )


@Language.factory(
    "claimweave_timex",
    assigns=["doc._.cw_timexes"],
    requires=["token.tag", "token.dep", "token.lemma"],
    default_config={"resolve_events": True},
)
def make_timex(nlp: Language, name: str, resolve_events: bool) -> TimexTagger:
    ensure_extensions()
    return TimexTagger(resolve_events=resolve_events)
