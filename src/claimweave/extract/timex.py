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

from spacy.language import Language
from spacy.tokens import Doc

from claimweave.extract.common import Sentences, analysed_text, context, ensure_extensions, evidence, sentences, stable_id
from claimweave.extract.timex_match import (
    Candidate,
    event_groups,
    extend_modifiers,
    find_candidates,
    is_offset,
    is_rate,
    keep,
    offset_mod,
    tense_of,
    tokens_of,
    trim_article,
)
from claimweave.extract.timex_normalize import Normalized, match_groups, normalize_match, shift
from claimweave.extract.timex_rules import rules
from claimweave.models import Timex, TimexAnchor


_CALENDAR = re.compile(r"^\d{3,4}(?:-(?:\d\d|Q\d|H\d|SP|SU|FA|WI|W\d\d)(?:-\d\d)?)?$")


_YEARLESS = ("date.month", "date.month_day", "date.day_month")
_RANGE_START = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
_RANGE_JOIN = re.compile(r"^\s*(?:until|till|to|through|and|-|–)\s*$", re.IGNORECASE)


def _order_ranges(text: str, items: list, published: str | None) -> None:
    """ "from March until October" without a year: the end cannot come before the start.

    Each end was given its year alone; when the pair comes out reversed, the end's reading wins if
    it lies in the past (the start moves a year back), else the start's (the end moves a year on).
    """
    for index in range(len(items) - 1):
        (first, one, *rest1), (second, two, *rest2) = items[index], items[index + 1]
        if first.rule.id not in _YEARLESS or second.rule.id not in _YEARLESS or not (one.relative and two.relative):
            continue
        if not (_RANGE_START.search(text[max(0, first.start - 10):first.start])
                and _RANGE_JOIN.match(text[first.end:second.start])):
            continue
        if "X" in one.value or "X" in two.value or two.value[:len(one.value)] >= one.value[:len(two.value)]:
            continue
        if published and two.value < published:
            items[index] = (first, replace(one, value=shift(one.value, -1, "Y") or one.value), *rest1)
        else:
            items[index + 1] = (second, replace(two, value=shift(two.value, 1, "Y") or two.value), *rest2)


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
        text = analysed_text(doc)
        kept = []
        for cand in find_candidates(text):
            if keep(doc, text, cand):
                trim_article(cand)
                extend_modifiers(text, cand)
                kept.append(cand)
        sents = sentences(doc)
        state = State()
        items: list[tuple[Candidate, Normalized, str, str | None]] = []
        for cand in kept:
            if cand.rule.handler == "event" and not self._event_phrase(doc, cand, kept):
                cand = self._as_duration(cand)
                if cand is None:
                    continue
            sentence_start = sents.start_of(cand.start)
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
                mod = cand.mod
                if is_offset(cand.rule) and result.type == "DATE" and cand.match.groupdict().get("dir"):
                    mod = offset_mod(mod, cand.match.group("dir"))
                result = replace(result, mod=mod)
            if result.type == "DURATION" and is_rate(doc, cand):
                result = replace(result, type="SET")
            if result.from_reference:  # "the day before": the story's last date, not the publication date
                kind, anchor = "narrative", reference
            items.append((cand, result, kind if result.relative else "absolute", anchor if result.relative else None))
            derived = cand.rule.handler in ("ago", "year_ago", "anaphoric")
            if _CALENDAR.match(result.value) and result.type in ("DATE", "TIME") and not derived:
                state.last_value = result.value
                state.sentence_values = (state.sentence_values or []) + [(cand.start, result.value)]
                if "-Q" in result.value:
                    state.last_quarter = result.value
                if not result.relative and len(result.value) >= 4:
                    state.narrative = result.value
        _order_ranges(text, items, published)
        timexes = [self._timex(doc, sents, *item, items=items) for item in items]
        doc._.cw_timexes = timexes
        return doc

    # --- events ---

    def _event_phrase(self, doc: Doc, cand: Candidate, kept: list[Candidate]) -> bool:
        """Extend "N units after|before" over its anchor: a named event or a date; False for anything else.

        A clause ("after the company said ...") or a generic noun phrase ("after their issue date") is
        no anchor the document can date: TimeBank then marks only the duration, and so do we.
        """
        span = tokens_of(doc, cand.match.start("dir"), cand.match.end("dir"))
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
        named = any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "EVENT", "NORP") for t in phrase)
        if not (has_date or named or obj.lemma_.lower() in event_groups()):
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
