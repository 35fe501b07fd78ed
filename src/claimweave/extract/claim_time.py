"""Which time expression dates which event: attaching ``doc._.cw_timexes`` to predicates.

A timex is attached where the parse puts it: to a verb (adverbial "on Thursday", "in
December 2024", "yesterday"), or to a noun (nominal modifier "the July 2025 visit", "a 2019
deal", "the fall of X in December 2024"). A predicate is dated by its own timex first, then by
a timex on its subject or object noun, then by a dated "when" clause it is the main clause of. An
event noun with no date of its own takes the date of the act done during it ("said Wednesday
during a visit to Ankara").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from claimweave.extract.arguments import root_of, span_of
from claimweave.models import TimeRef, Timex

#: Preposition before a timex -> the TIMEX3-style mod it gives the event's time.
PREP_MODS = {
    "since": "ON_OR_AFTER",
    "from": "ON_OR_AFTER",
    "after": "AFTER",
    "until": "ON_OR_BEFORE",
    "till": "ON_OR_BEFORE",
    "by": "ON_OR_BEFORE",
    "before": "BEFORE",
}
#: Prepositions whose gerund is the way an act is done, at its time ("by dining", "while visiting").
MEANS_PREPS = frozenset({"by", "while", "in"})
#: Prepositions whose event noun holds the dated act: "said Wednesday during talks".
DURING_PREPS = frozenset({"during", "amid"})
#: Values that do not date anything ("now", "recently").
UNDATED_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
#: Participles and adjectives that hand a date to the event noun they modify.
SCHEDULING = frozenset({"schedule", "scheduled", "plan", "planned", "set", "due", "slate", "slated", "expect", "expected"})
_NOMINAL_DEPS = frozenset({"compound", "nmod", "amod", "npadvmod", "nummod", "poss", "appos", "prep"})


@dataclass(frozen=True)
class Attached:
    """A timex and the token it modifies (a verb or a noun), with how it is attached."""

    timex: Timex
    anchor: Token
    via: str  # "adverbial", "pp", "nominal", "scheduled", "relative", "during"
    prep: str | None = None
    cue: Token | None = None  # the scheduling word ("planned for October")

    @property
    def mod(self) -> str | None:
        return PREP_MODS.get(self.prep or "") or self.timex.mod

    def ref(self) -> TimeRef:
        return TimeRef(value=self.timex.value, text=self.timex.text, timex_id=self.timex.id, mod=self.mod)


def dating_timexes(timexes: list[Timex] | None) -> list[Timex]:
    """Timexes that can date an event: calendar dates and times, not durations, sets or "now"."""
    return [
        t
        for t in timexes or []
        if t.type in ("DATE", "TIME") and t.value not in UNDATED_VALUES and any(ch.isdigit() for ch in t.value)
    ]


def attach(doc: Doc, timex: Timex, event_nominals: frozenset[str]) -> Attached | None:
    """Where ``timex`` attaches in the parse, or None when it is outside any sentence."""
    span = span_of(doc, timex.start, timex.end)
    if span is None or len(span) == 0:
        return None
    root = root_of(span)
    # "signed in 2015 and 2017": the second date hangs on the first; it attaches where that one does.
    while root.dep_ == "conj" and root.head.ent_type_ in ("DATE", "TIME") and root.head.i < root.i:
        root = root.head
        while root.dep_ in ("nummod", "compound", "nmod") and root.head.ent_type_ in ("DATE", "TIME"):
            root = root.head
    governor = root.head
    if governor.i == root.i:
        return None
    if governor.dep_ in ("prep", "agent") or governor.pos_ == "ADP":
        prep = governor.lower_
        anchor = governor.head
        if anchor.lemma_.casefold() in SCHEDULING and anchor.i > 0:
            # "the elections scheduled for September", "due in September": the date is the event's
            # (the noun right before, whatever the parser hung the adjective on).
            event = anchor.head if anchor.head.pos_ == "NOUN" and anchor.head.i < anchor.i else doc[anchor.i - 1]
            if event.pos_ == "NOUN":
                return Attached(timex, event, "scheduled", None, anchor)
        # "the collapse of the old government on 3 May 2019": the PP hangs on the
        # possessor, but the date belongs to the event nominal above it.
        anchor = _climb_to_nominal(anchor, event_nominals)
        anchor = _bounding_nominal(governor, anchor, event_nominals)
        if anchor.i == governor.i:
            return None
        return Attached(timex, anchor, "pp", prep)
    if governor.pos_ in ("VERB", "AUX"):
        return Attached(timex, governor, "adverbial")
    if governor.pos_ in ("NOUN", "PROPN", "PRON", "NUM") and root.dep_ in _NOMINAL_DEPS:
        if governor.pos_ == "PROPN" and governor.lemma_.casefold() not in event_nominals and root.dep_ == "npadvmod":
            # "The World Court Friday rejected ...": a parse that hangs the day on the name.
            verb = governor.head
            if verb.pos_ in ("VERB", "AUX"):
                return Attached(timex, verb, "adverbial")
        return Attached(timex, _climb_to_nominal(governor, event_nominals), "nominal")
    return None


#: Prepositions that place an event relative to another ("until his overthrow", "after the vote").
BOUNDING_PREPS = frozenset({"until", "till", "after", "before", "since", "following"})


def _bounding_nominal(prep: Token, anchor: Token, event_nominals: frozenset[str]) -> Token:
    """The event noun a date PP follows when the parser hung the PP on the verb instead: "had
    shielded him for years until his overthrow in December" dates the overthrow, not the shielding
    (whose time is only bounded by it)."""
    if anchor.pos_ not in ("VERB", "AUX") or prep.i == 0:
        return anchor
    before = prep.doc[prep.i - 1]
    if (
        before.dep_ == "pobj"
        and before.pos_ == "NOUN"
        and before.lemma_.casefold() in event_nominals
        and before.head.lower_ in BOUNDING_PREPS
        and before.head.head.i == anchor.i
    ):
        return before
    return anchor


def _climb_to_nominal(token: Token, event_nominals: frozenset[str]) -> Token:
    if token.lemma_.casefold() in event_nominals or token.pos_ not in ("NOUN", "PROPN"):
        return token
    step = token
    for _ in range(3):
        if step.dep_ not in ("pobj", "poss", "compound"):
            break
        up = step.head if step.dep_ != "pobj" else step.head.head
        if step.dep_ == "pobj" and step.head.lower_ != "of":
            break
        if up.lemma_.casefold() in event_nominals and up.pos_ == "NOUN":
            return up
        step = up
    return token


class TimeIndex:
    """The attached timexes of one document, looked up by anchor token."""

    def __init__(self, doc: Doc, timexes: list[Timex] | None, event_nominals: frozenset[str]) -> None:
        self.by_anchor: dict[int, list[Attached]] = {}
        self.by_token: dict[int, Timex] = {}
        for timex in dating_timexes(timexes):
            attached = attach(doc, timex, event_nominals)
            if attached is not None:
                self.by_anchor.setdefault(attached.anchor.i, []).append(attached)
                # "at the end of July 2025, when X flew": the clause may hang on any word of it.
                for token in span_of(doc, timex.start, timex.end):
                    self.by_token.setdefault(token.i, timex)

    def on(self, token: Token) -> Attached | None:
        """The timex attached to ``token`` itself: point-like prepositions first, then calendar dates
        before dates counted from an event ("came eight months after the war, at the end of July
        2025": the second restates the first, exactly), then the closest."""
        found = self.by_anchor.get(token.i)
        if not found:
            return None
        return min(found, key=lambda a: (
            a.prep in PREP_MODS, a.timex.anchor.kind == "event", abs(a.anchor.i - _timex_token(a, token))
        ))

    def for_verb(
        self,
        verb: Token,
        arguments: list[Token],
        event_nominals: frozenset[str] = frozenset(),
        governing: frozenset[str] = frozenset(),
        subject: Token | None = None,
    ) -> tuple[Attached, str] | None:
        """The time of a verb predicate and how it was found (rule suffix)."""
        if verb.dep_ in ("relcl", "advcl") and verb.head.i in self.by_token:
            # "since December, when Russia granted him asylum": the clause happens at that time.
            return Attached(self.by_token[verb.head.i], verb, "relative"), "when_relative"
        own = self.on(verb)
        if own is not None and own.prep not in PREP_MODS:
            return own, own.via
        for noun in arguments:
            found = self.on(noun)
            if found is None or found.prep in PREP_MODS or noun.lemma_.casefold() in event_nominals:
                continue  # a dated event noun is a claim of its own ("supported the elections due in May")
            # "a 2019 deal granted", "reported third-quarter net"; a date PP on the direct
            # object ("posted sales in fiscal 1989") is the verb's, misattached by the parser.
            # A date inside the subject ("a 2019 deal granted") dates the event; inside the object
            # it dates the thing ("addressed the stalled March agreement").
            is_subject = noun.dep_ in ("nsubj", "nsubjpass") or (subject is not None and noun.i == subject.i)
            nominal = found.via in ("nominal", "scheduled") and (is_subject or _accounting_period(found.timex.value))
            if nominal or (found.via == "pp" and noun.dep_ in ("dobj", "nsubj", "nsubjpass")):
                return found, "argument"
        if own is not None:
            return own, own.via
        for child in verb.children:
            if child.dep_ == "advcl" and any(m.lower_ in ("when", "as") and m.dep_ in ("mark", "advmod") for m in child.children):
                found = self.on(child)
                if found is not None and found.prep not in PREP_MODS:
                    return found, "when_clause"
            if child.dep_ == "prep" and child.lower_ in MEANS_PREPS:
                # "celebrated by dining late Tuesday": the means happen when the act does.
                for gerund in (g for g in child.children if g.dep_ == "pcomp" and g.tag_ == "VBG"):
                    found = self.on(gerund)
                    if found is not None and found.prep not in PREP_MODS:
                        return found, "means_clause"
        # "expects revenue in the latest quarter to total $28 million": a date on a governing verb
        # that makes no claim of its own ("expect", "continue") belongs to its complement.
        if verb.dep_ in ("xcomp", "ccomp") and verb.head.lemma_.casefold() in governing and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children
        ):
            found = self.on(verb.head)
            if found is not None:
                return found, "governor"
        # "was killed Thursday when robbers emptied their pistols": the when-clause shares the time.
        if verb.dep_ == "advcl" and any(m.lower_ == "when" and m.dep_ in ("advmod", "mark") for m in verb.children):
            found = self.on(verb.head)
            if found is not None and found.prep not in PREP_MODS:
                return found, "main_clause"
        return None


    def during(self, noun: Token) -> Attached | None:
        """The time of an event noun the dated act happens during: "said Wednesday during talks with
        the ambassador" dates the talks (the act is inside the event, so on its day)."""
        prep = noun.head
        if noun.dep_ != "pobj" or prep.lower_ not in DURING_PREPS or prep.head.pos_ not in ("VERB", "AUX"):
            return None
        found = self.on(prep.head)
        if found is None or found.prep in PREP_MODS or found.anchor.i == noun.i:
            return None
        return Attached(found.timex, noun, "during", None)


def _accounting_period(value: str) -> bool:
    """Quarters and halves ("reported third-quarter net") date the report they are the period of."""
    return len(value) > 5 and value[4] == "-" and value[5] in "QH"


def _timex_token(attached: Attached, fallback: Token) -> int:
    span = span_of(fallback.doc, attached.timex.start, attached.timex.end)
    return span.start if span is not None else fallback.i
