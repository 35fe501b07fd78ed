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
from bisect import bisect_right
from dataclasses import dataclass, replace
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimweave import patterns
from claimweave.extract.common import context, ensure_extensions, stable_id
from claimweave.extract.timex_normalize import FUTURE, NEAR_FUTURE, PAST, PRESENT, Normalized, match_groups, normalize_match, shift
from claimweave.extract.timex_rules import Rule, modifiers, rules, trigger_words
from claimweave.models import Evidence, Timex, TimexAnchor


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
    future_governors: list[str]
    month_verb_followers: list[str]
    figurative_preceders: list[str]
    year_attribute_nouns: list[str]
    future_participles: list[str]


@lru_cache(maxsize=1)
def guards() -> Guards:
    return patterns.load("timex/guards.json", Guards)


class EventGroups(BaseModel):
    model_config = ConfigDict(extra="forbid")

    description: str = ""
    groups: list[list[str]]


@lru_cache(maxsize=1)
def event_groups() -> dict[str, str]:
    """Each event word mapped to the first word of its group."""
    return {word: group[0] for group in patterns.load("timex/events.json", EventGroups).groups for word in group}


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


def _paragraph_classes(text: str) -> tuple[list[int], list[set[str]]]:
    """Paragraph starts of ``text`` and the trigger classes present in each paragraph."""
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    found: list[set[str]] = [set() for _ in starts]
    regex, classes = trigger_words()
    for match in regex.finditer(text):
        index = bisect_right(starts, match.start()) - 1
        if match.lastgroup == "digit":
            found[index].add("DIGIT")
        else:
            found[index].update(classes.get(" ".join(match.group().lower().split()), ()))
    return starts, found


def find_candidates(text: str) -> list[Candidate]:
    """Every rule match in ``text``, overlaps removed: longest first, then the earlier rule.

    A rule runs only over the paragraphs that contain the word classes it needs, which keeps the
    grammar's cost a small fraction of spaCy's.
    """
    starts, present = _paragraph_classes(text)
    bounds = starts[1:] + [len(text)]
    found = []
    for order, rule in enumerate(rules()):
        ranges: list[list[int]] = []
        for start, end, classes in zip(starts, bounds, present):
            if rule.needs <= classes:
                if ranges and ranges[-1][1] == start:
                    ranges[-1][1] = end
                else:
                    ranges.append([start, end])
        for start, end in ranges:
            for match in rule.regex.finditer(text, start, end):
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


def keep(doc: Doc, text: str, cand: Candidate) -> bool:
    """False for a match that is not a time expression in its context (``text``: the Doc's text)."""
    match, rule = cand.match, cand.rule
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
        if span[0].is_sent_start and after in g.month_verb_followers:
            return False  # "March with us", "May God protect": a verb opening the sentence
    if rule.id in ("date.year", "date.quarter_code") and groups.get("year") and match.group(0) == groups["year"]:
        if before in g.year_preceders and before not in g.year_preceders_need_support:
            return False
        if after in g.year_followers:
            return False
        span = _tokens(doc, cand.start, cand.end)
        if span is not None and span[0].dep_ == "nummod" and span[0].head.i > span[0].i:
            head = span[0].head
            determined = span[0].i > 0 and (doc[span[0].i - 1].tag_ in ("DT", "PRP$", "POS") or doc[span[0].i - 1].lower_ in ("this", "that"))
            if head.lower_ in g.year_followers or (
                head.tag_ in ("NNS", "NNPS") and head.lower_ not in g.year_attribute_nouns and not determined
            ):
                return False  # "2000 troops", "sent 1500 armed protesters"; not "its 1989 operating results"
        if before in g.year_preceders_need_support and not re.match(r"\s*(?:and|to|-|through)\s", text[cand.end:cand.end + 10]):
            return False  # "about 1500", "nearly 2000": an amount
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
    if rule.id == "set.adverb" and groups["adverb"][0].isupper():
        span = _tokens(doc, cand.start, cand.end)
        if span is not None and not span[0].is_sent_start:
            return False  # "the Orontes Daily": a name
    if rule.id == "date.day_word" and before in g.figurative_preceders:
        return False  # "almost overnight": suddenly, not a night
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


@lru_cache(maxsize=1)
def _modifier_regexes():
    """(prefix, suffix) lists of (modifier, compiled regex), longest phrase first."""
    data = modifiers()
    words = lambda item: r"\s+".join(re.escape(w) for w in item.text.split())  # noqa: E731
    prefixes = [(item, re.compile(rf"(?<![\w-]){words(item)}(?:\s+|-)$", re.IGNORECASE))
                for item in sorted(data.prefixes, key=lambda m: -len(m.text))]
    suffixes = [(item, re.compile(rf"\s+{words(item)}(?![\w])", re.IGNORECASE))
                for item in sorted(data.suffixes, key=lambda m: -len(m.text))]
    return prefixes, suffixes


def extend_modifiers(text: str, cand: Candidate) -> None:
    """Take a preceding or following modifier phrase ("late", "about", "or so") into the extent."""
    prefixes, suffixes = _modifier_regexes()
    head = text[max(0, cand.start - 30):cand.start]
    starts_with_the = cand.match.group(0)[:4].lower() == "the "
    for item, regex in prefixes:
        if cand.rule.type not in item.types or (cand.rule.id == "date.the_unit" and item.mod == "APPROX"):
            continue
        if item.text in ("the early", "the late", "the mid") and starts_with_the:
            continue
        found = regex.search(head)
        if found:
            cand.start -= len(head) - found.start()
            cand.mod, cand.mod_rule = item.mod, item.id
            break
    tail = text[cand.end:cand.end + 20]
    for item, regex in suffixes:
        if cand.rule.type not in item.types:
            continue
        found = regex.match(tail)
        if found:
            cand.end += found.end()
            cand.mod, cand.mod_rule = cand.mod or item.mod, cand.mod_rule or item.id
            break


def _governing_verb(token):
    """The verb a time expression dates, and whether the way up to it passed through a noun."""
    if token.dep_ in ("dobj", "nsubj", "nsubjpass", "attr", "appos", "poss", "compound", "amod", "nmod"):
        return None, False  # "has set Nov. 10 as the deadline", "Friday's purchases": the verb does not date it
    through_noun = False
    for _ in range(4):
        head = token.head
        if head is token:
            return None, through_noun
        if head.pos_ in ("VERB", "AUX") and head.tag_ != "MD":
            return head, through_noun
        if head.pos_ == "ADJ":
            return None, through_noun  # "payable Dec. 7", "effective Feb. 1": the adjective dates it
        through_noun = through_noun or head.pos_ in ("NOUN", "PROPN")
        token = head
    return None, through_noun


def tense_of(doc: Doc, text: str, start: int, end: int) -> str | None:
    """Past, present or future of a time expression's clause, from the words before it and its verb.

    A forward-looking cue ("until", "by", "payable") under a past verb ("was extended until Nov. 16",
    "kept bombing until 7 December") gives NEAR_FUTURE: the date is ahead only if it is close.
    """
    span = _tokens(doc, start, end)
    if span is None:
        return None
    before = text[max(0, start - 30):start].lower().split()
    cues = guards()
    if before and before[-1] in cues.past_cues:
        return PAST
    verb_tense = _verb_tense(span, cues)
    if before and (before[-1] in cues.future_cues or " ".join(before[-2:]) in cues.future_cues):
        return NEAR_FUTURE if verb_tense == PAST else FUTURE
    return verb_tense


def _verb_tense(span: Span, cues: Guards) -> str | None:
    verb, through_noun = _governing_verb(span.root)
    if verb is None:
        return None
    if through_noun and verb.lemma_.lower() in cues.future_governors:
        return FUTURE  # "invited him to a summit in October": the summit, not the inviting, is dated
    if verb.tag_ == "VBN" and verb.lemma_.lower() in cues.future_participles:
        return FUTURE  # "a summit planned for October"
    for _ in range(2):  # a non-finite verb takes the tense of the verb it depends on: "kept flying until ..."
        if verb.tag_ in ("VBG", "VBN", "VB") and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children
        ) and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"}:
        return FUTURE
    if verb.tag_ == "VB" and "to" in words:
        head = verb.head
        if head.lemma_.lower() in cues.future_governors or head.lower_ in cues.future_governors:
            return FUTURE  # "is scheduled to close Monday"
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            return FUTURE  # "an agreement to acquire the bank in January": not done yet
        verb = head  # "extended their offers to acquire it Friday": the extending is what is dated
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in aux}
    if any(c.tag_ == "MD" for c in aux):
        return PRESENT  # "would be paid in January": a modal says nothing of past or future
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return FUTURE  # "is meeting on Friday"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or (verb.tag_ == "VBN" and words & {"has", "have", "had"}):
        return PAST
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return PRESENT
    if verb.tag_ == "VB" and any(c.tag_ == "MD" for c in aux):
        return PRESENT
    return None


def _is_rate(doc: Doc, cand: Candidate) -> bool:
    """ "16 billion doses a year", "$50,000 a year": "a <unit>" after a quantity is a frequency."""
    num = (cand.match.groupdict().get("num") or "").lower()
    if num not in ("a", "an") or cand.match.start() != cand.start:
        return False
    span = _tokens(doc, cand.start, cand.end)
    if span is None or span.start == 0:
        return False
    previous = doc[span.start - 1]
    return previous.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or previous.lower_ in ("percent", "%")


_CALENDAR = re.compile(r"^\d{3,4}(?:-(?:\d\d|Q\d|H\d|SP|SU|FA|WI|W\d\d)(?:-\d\d)?)?$")


@dataclass
class State:
    """What the document has said so far: the narrative anchor and the last calendar values."""

    narrative: str | None = None
    last_value: str | None = None
    last_quarter: str | None = None
    sentence_values: list[tuple[int, str]] | None = None


class Sentences:
    """Sentence bounds of a Doc, computed once (spaCy's ``Token.sent`` rescans the whole Doc per call)."""

    def __init__(self, doc: Doc) -> None:
        sents = list(doc.sents) if doc.has_annotation("SENT_START") else []
        self.starts = [s.start_char for s in sents] or [0]
        self.ends = [s.end_char for s in sents] or [len(doc.text)]

    def start_of(self, char: int) -> int:
        return self.starts[max(0, bisect_right(self.starts, char) - 1)]

    def bounds(self, start: int, end: int) -> tuple[int, int]:
        """Like ``common.sentence_bounds``: from the start of the first to the end of the last sentence."""
        first = max(0, bisect_right(self.starts, start) - 1)
        last = max(first, bisect_right(self.starts, max(start, end - 1)) - 1)
        return self.starts[first], self.ends[last]


def make_evidence(doc: Doc, sentences: Sentences, start: int, end: int, rule: str) -> Evidence:
    """The Evidence ``common.evidence`` builds, from precomputed sentence bounds."""
    ctx = context(doc)
    s_start, s_end = sentences.bounds(start, end)
    return Evidence(doc_id=ctx.doc_id, start=start, end=end, text=ctx.text[start:end],
                    sentence=" ".join(ctx.text[s_start:s_end].split()), rule=rule, line=ctx.line)


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
            if keep(doc, text, cand):
                trim_article(cand)
                extend_modifiers(text, cand)
                kept.append(cand)
        sentences = Sentences(doc)
        state = State()
        items: list[tuple[Candidate, Normalized, str, str | None]] = []
        for cand in kept:
            if cand.rule.handler == "event" and not self._event_phrase(doc, cand, kept):
                cand = self._as_duration(cand)
                if cand is None:
                    continue
            sentence_start = sentences.start_of(cand.start)
            same_sentence = [v for s, v in (state.sentence_values or []) if s >= sentence_start]
            reference = same_sentence[-1] if same_sentence else state.last_value
            if cand.rule.id.startswith(("rel.ago", "date.year_ago")) and not same_sentence:
                reference = state.last_quarter or (None if published else state.last_value)
            anchor, kind = (published, "publication") if published else (
                (state.narrative, "narrative") if state.narrative else (None, "none"))
            tense = tense_of(doc, text, cand.start, cand.end) if cand.rule.handler in ("calendar", "season") else None
            result = normalize_match(cand.rule.id, match_groups(cand.match), anchor=anchor, tense=tense,
                                     reference=reference)
            if cand.mod:
                result = replace(result, mod=cand.mod)
            if result.type == "DURATION" and _is_rate(doc, cand):
                result = replace(result, type="SET")
            items.append((cand, result, kind if result.relative else "absolute", anchor if result.relative else None))
            derived = cand.rule.handler in ("ago", "year_ago", "anaphoric")
            if _CALENDAR.match(result.value) and result.type in ("DATE", "TIME") and not derived:
                state.last_value = result.value
                state.sentence_values = (state.sentence_values or []) + [(cand.start, result.value)]
                if "-Q" in result.value:
                    state.last_quarter = result.value
                if not result.relative and len(result.value) >= 4:
                    state.narrative = result.value
        timexes = [self._timex(doc, sentences, *item, items=items) for item in items]
        doc._.cw_timexes = timexes
        return doc

    # --- events ---

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
            end = obj.i  # the noun with its "of" complement: "the fall of Bashar al-Assad"
            for child in obj.rights:
                if child.dep_ == "prep" and child.lower_ == "of":
                    end = max([end] + [c.i for c in child.children if c.dep_ == "pobj"])
            phrase = doc[obj.left_edge.i: end + 1]
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
        match = duration.regex.match(cand.match.string, cand.match.start(), cand.match.start("dir"))
        if match is None:
            return None
        return Candidate(cand.start, match.end(), duration, match, cand.order, cand.mod, cand.mod_rule)

    def _event_date(self, doc: Doc, sentences: Sentences, cand: Candidate, items) -> tuple[str | None, str]:
        """The date the document gives for the anchor event of ``cand`` (None if none), and the event text.

        A sentence dates the event when it has a calendar date and names the event: the event noun
        (or a word of its group: "fall", "ousted", "collapsed") and, when the phrase has more content
        words or a name, a second of them ("the end of Assad's rule" ~ "Assad's government collapsed").
        """
        start, end = cand.event
        phrase = doc.char_span(start, end, alignment_mode="expand")
        inside = [r.value for c, r, *_ in items if start <= c.start < end and _CALENDAR.match(r.value)]
        if inside:
            return inside[0], phrase.text
        groups = event_groups()
        key = lambda token: groups.get(token.lemma_.lower(), token.lemma_.lower())  # noqa: E731
        nouns = {key(t) for t in phrase if t.pos_ == "NOUN"}
        names = {t.lower_ for t in phrase if t.pos_ == "PROPN"}
        needed = min(2, len(nouns))
        best = None
        for other, result, *_ in items:
            if other is cand or other.event is not None or not re.match(r"^\d{4}-\d\d", result.value):
                continue
            if result.relative and other.rule.id not in ("date.month_day", "date.day_month"):
                continue  # "on Friday" dates the news, not the event a phrase looks back on
            s_start, s_end = sentences.bounds(other.start, other.end)
            if s_start <= start < s_end:
                continue
            sentence = doc.char_span(s_start, s_end, alignment_mode="expand")
            if sentence is None:
                continue
            noun_hits = nouns & {key(t) for t in sentence if t.pos_ in ("NOUN", "VERB")}
            name_hit = bool(names & {t.lower_ for t in sentence})
            if not noun_hits or len(noun_hits) < needed:
                continue
            score = (len(noun_hits) + name_hit, other.start < start, -abs(other.start - start))
            if best is None or score > best[0]:
                best = (score, result.value)
        return (best[1] if best else None), phrase.text

    def _timex(self, doc: Doc, sentences: Sentences, cand: Candidate, result: Normalized, kind: str, anchor: str | None, items) -> Timex:
        text = context(doc).text[cand.start:cand.end]
        rule_id = cand.rule.id
        anchor_model = TimexAnchor(kind=kind if kind != "absolute" else "absolute", value=anchor)
        value, resolved = result.value, result.resolved
        if cand.event is not None:
            event_date, event_text = self._event_date(doc, sentences, cand, items)
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
            evidence=make_evidence(doc, sentences, cand.start, cand.end, rule_id),
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
