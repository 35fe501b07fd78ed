"""Grammar matches and their checks in context: candidates, false-positive guards, modifiers, tense.

``find_candidates`` runs the rules of ``patterns/timex/`` over a text; ``keep`` rejects matches
that are no time expression where they stand ("may" the verb, "2000 troops", "a 25-year-old");
``extend_modifiers`` takes "late", "about", "or so" into the extent; ``tense_of`` says whether
the clause looks back or ahead, for "January 28" or "Friday" without a year or week.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span

from claimweave import patterns
from claimweave.extract.timex_normalize import FUTURE, NEAR_FUTURE, PAST, PRESENT
from claimweave.extract.timex_rules import Rule, modifiers, rules, trigger_words


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
    future_noun_modifiers: list[str] = []
    open_end_verbs: list[str] = []
    same_form_past_verbs: list[str] = []
    limit_setting_verbs: list[str] = []
    future_noun_governors: list[str] = []


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


def _ranges(needs: frozenset[str], starts: list[int], bounds: list[int], present: list[set[str]]) -> list[list[int]]:
    """The runs of consecutive paragraphs holding every class in ``needs``, as [start, end)."""
    ranges: list[list[int]] = []
    for start, end, classes in zip(starts, bounds, present):
        if needs <= classes:
            if ranges and ranges[-1][1] == start:
                ranges[-1][1] = end
            else:
                ranges.append([start, end])
    return ranges


def find_candidates(text: str) -> list[Candidate]:
    """Every rule match in ``text``, overlaps removed: longest first, then the earlier rule.

    A rule runs only over the paragraphs that contain the word classes it needs, which keeps the
    grammar's cost a small fraction of spaCy's.
    """
    starts, present = _paragraph_classes(text)
    bounds = starts[1:] + [len(text)]
    found = []
    ranges_for: dict[frozenset[str], list[list[int]]] = {}  # many rules need the same classes
    for order, rule in enumerate(rules()):
        ranges = ranges_for.get(rule.needs)
        if ranges is None:
            ranges = ranges_for[rule.needs] = _ranges(rule.needs, starts, bounds, present)
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


def tokens_of(doc: Doc, start: int, end: int) -> Span | None:
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
        span = tokens_of(doc, cand.start, cand.end)
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
        span = tokens_of(doc, cand.start, cand.end)
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
        span = tokens_of(doc, cand.start, cand.end)
        if span is not None and not span[0].is_sent_start:
            return False  # "the Orontes Daily": a name
        if re.search(r"[A-Z][\w'-]*[ \t]+$", text[max(0, cand.start - 30):cand.start]):
            return False  # "Orontes Daily" in a footer the parser split into sentences
    if rule.id == "date.day_word" and before in g.figurative_preceders:
        return False  # "almost overnight": suddenly, not a night
    if rule.id == "set.adverb" and groups["adverb"].lower() in ("daily", "weekly", "monthly", "nightly"):
        span = tokens_of(doc, cand.start, cand.end)
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


def is_offset(rule: Rule) -> bool:
    """A point given as a distance from another: "three weeks ago", "a year after the war"."""
    return rule.handler in ("ago", "event")


def offset_mod(mod: str | None, direction: str) -> str | None:
    """The TIMEX3 mod of a point offset by a bounded duration ("more than two years ago": BEFORE).

    LESS_THAN, MORE_THAN and EQUAL_OR_* bound durations; the point they give is before or after
    the unbounded one depending on the direction of the offset.
    """
    table = modifiers().offset_mods
    back = " ".join(direction.lower().split()) in ("ago", "before", "earlier", "back", "prior to")
    return (table.back if back else table.ahead).get(mod, mod) if mod else mod


def extend_modifiers(text: str, cand: Candidate) -> None:
    """Take a preceding or following modifier phrase ("late", "about", "or so") into the extent."""
    prefixes, suffixes = _modifier_regexes()
    head = text[max(0, cand.start - 30):cand.start]
    starts_with_the = cand.match.group(0)[:4].lower() == "the "
    kinds = {cand.rule.type} | ({"OFFSET"} if is_offset(cand.rule) else set())
    for item, regex in prefixes:
        if not kinds & set(item.types) or (cand.rule.id == "date.the_unit" and item.mod == "APPROX"):
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
        if not kinds & set(item.types):
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
    span = tokens_of(doc, start, end)
    if span is None:
        return None
    before = text[max(0, start - 30):start].lower().split()
    cues = guards()
    if before and before[-1] in cues.past_cues:
        return PAST
    if _future_noun(span.root, cues):
        return FUTURE  # "an upcoming ballot in March", "the planned summit in October"
    verb_tense, verb = _verb_tense(span, cues)
    if before and (before[-1] in cues.future_cues or " ".join(before[-2:]) in cues.future_cues):
        if verb_tense != PAST:
            return FUTURE
        direct = _governing_verb(span.root)[0]
        infinitive = direct is not None and any(c.lower_ == "to" and c.dep_ == "aux" for c in direct.children)
        if not infinitive and verb.lemma_.lower() not in cues.open_end_verbs and not any(
            c.dep_ == "auxpass" for c in verb.children
        ):
            return PAST  # "fighting continued until 7 December": an active past verb closes the span
        return NEAR_FUTURE  # "the offer was extended until Aug. 29": the date may still be ahead
    if verb_tense == PAST and verb.lemma_.lower() in cues.limit_setting_verbs:
        return NEAR_FUTURE  # "has set Nov. 10 as the deadline": a date fixed now, soon ahead
    return verb_tense


def _future_noun(token, cues: Guards) -> bool:
    """Whether the expression hangs on a noun marked as still to come ("an upcoming vote in March")."""
    if token.dep_ not in ("pobj", "compound", "nmod"):
        return False
    for _ in range(4):
        head = token.head
        if head is token or head.pos_ in ("VERB", "AUX"):
            return False
        if head.pos_ in ("NOUN", "PROPN") and any(
            c.dep_ in ("amod", "compound", "advmod") and c.lower_ in cues.future_noun_modifiers for c in head.children
        ):
            return True
        token = head
    return False


def _verb_tense(span: Span, cues: Guards) -> tuple[str | None, object]:
    """The tense of the verb that dates ``span`` (None when unknown), and that verb."""
    verb, through_noun = _governing_verb(span.root)
    if verb is None:
        return None, None
    return _tense_of_verb(verb, through_noun, cues), verb


def _tense_of_verb(verb, through_noun: bool, cues: Guards) -> str | None:
    if verb.dep_ == "prep" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head  # "fell following Tuesday's vote": a participle used as a preposition has no tense
    if through_noun and verb.lemma_.lower() in cues.future_noun_governors:
        return FUTURE  # "invited him to a summit in October": the summit, not the inviting, is dated
    if verb.tag_ == "VBN" and verb.lemma_.lower() in cues.future_participles:
        return FUTURE  # "a summit planned for October"
    bare = not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and bare:
        # "the terms, announced Friday, ...": a bare participle reports what is done; one on a noun
        # ("shares tendered through Nov. 17") says nothing, and the clause's verb is not its verb
        return PAST if verb.dep_ == "advcl" else None
    for _ in range(2):  # a non-finite verb takes the tense of the verb it depends on: "kept flying until ..."
        if verb.tag_ in ("VBG", "VBN", "VB") and verb.dep_ in ("xcomp", "ccomp", "conj", "advcl") and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children
        ) and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {c.lower_ for c in aux}
    if words & {"will", "'ll", "shall", "wo"}:
        return FUTURE
    if "to" in words and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)):  # "due to be published"
        head = verb.head
        if head.lemma_.lower() in cues.future_governors or head.lower_ in cues.future_governors:
            return FUTURE  # "is scheduled to close Monday"
        if head is verb or head.pos_ not in ("VERB", "AUX"):
            return FUTURE  # "an agreement to acquire the bank in January": not done yet
        verb = head  # "extended their offers to acquire it Friday": the extending is what is dated
        aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        words = {c.lower_ for c in aux}
    if words & {"would", "'d"} and verb.dep_ == "ccomp" and verb.head.tag_ == "VBD":
        return FUTURE  # "said the vote would be held in March": a future seen from a recent past
    if any(c.tag_ == "MD" for c in aux):
        return PRESENT  # "would be paid in January": a modal says nothing of past or future
    if verb.tag_ == "VBG" and words & {"is", "are", "'s", "'re", "am"}:
        return FUTURE  # "is meeting on Friday"
    if verb.tag_ == "VBD" or any(c.tag_ == "VBD" for c in aux) or (verb.tag_ == "VBN" and words & {"has", "have", "had"}):
        return PAST
    if verb.tag_ == "VBP" and not aux and verb.lower_ in cues.same_form_past_verbs:
        return None  # "stocks hurt the index on Friday": "hurt" may as well be past
    if verb.tag_ in ("VBZ", "VBP") or any(c.tag_ in ("VBZ", "VBP") for c in aux):
        return PRESENT
    if verb.tag_ == "VB" and any(c.tag_ == "MD" for c in aux):
        return PRESENT
    return None


def is_rate(doc: Doc, cand: Candidate) -> bool:
    """ "16 billion doses a year", "$50,000 a year": "a <unit>" after a quantity is a frequency."""
    num = (cand.match.groupdict().get("num") or "").lower()
    if num not in ("a", "an") or cand.match.start() != cand.start:
        return False
    span = tokens_of(doc, cand.start, cand.end)
    if span is None or span.start == 0:
        return False
    previous = doc[span.start - 1]
    return previous.pos_ in ("NOUN", "NUM", "SYM", "PROPN") or previous.lower_ in ("percent", "%")
