"""The output record of an agreement drafted from the text: its kind (refined by what it covers), its
sides linked to the document's entities (with the grantor of a concession and the pair of states of a
"bilateral" agreement when the text leaves them unsaid), its dates, term, computed expiry, renewal
and status, and the evidence of every field."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.tokens import Doc

from claimweave.extract.agreement_bilateral import bilateral_sides
from claimweave.extract.agreement_host import host_state
from claimweave.extract.agreement_people import capital_of, capitals
from claimweave.extract.agreement_rules import Vocabulary
from claimweave.extract.agreement_terms import add_duration, in_week, is_date, is_duration
from claimweave.extract.agreement_types import BEFORE_WORDS, Term
from claimweave.extract.common import analysed_text, datelines, evidence, shown_text, stable_id
from claimweave.extract.entities import name_key
from claimweave.models import Agreement, Argument, Expiry, Renewal

_YEAR = re.compile(r"(?:19|20)\d\d")
_OTHER_START = re.compile(r"\s+(?:from|after|starting (?:from|with))\s+(?:its|the|their|a|an)\s+(?![\d])[a-z]", re.I)
_SUM = re.compile(r"\s+[\d.,]+\s*(?:million|billion|trillion|dollars?|euros?|yuan|yen|pounds?|rupees?|percent|%)\b.*$", re.S)
_STARTING = re.compile(r"(?:\s+\w+){0,2}?,?\s+(?:from|starting|beginning|effective)(?:\s+(?:in|on|from))?\s+", re.I)

if TYPE_CHECKING:
    from claimweave.extract.agreements import Draft


def to_agreement(doc: Doc, doc_id: str, draft: Draft, vocab: Vocabulary, named: dict[str, str]) -> Agreement:
    """The output record of one agreement drafted from the text: every field with its own evidence
    (``named``: the document's entity ids by name key, from ``entities_by_name``)."""
    t = draft.terms
    first = draft.mentions[0]
    phrase = doc[first.start : first.end]
    ev = [evidence(doc, doc[m.start].idx, doc[m.end - 1].idx + len(doc[m.end - 1]), m.rule.id) for m in draft.mentions]
    for name in _names_restated(doc, draft):
        ev.append(evidence(doc, name.start_char, name.end_char, "mention.named"))
        year = next((tok for tok in name[:3] if _YEAR.fullmatch(tok.text)), None)
        if year is not None and not t.signed:
            t.signed = [Term(year.text, year.idx, year.idx + 4, "signed.name_year")]
    km = draft.kind_mention
    kind = km.rule.kind
    field_ev = {"kind": evidence(doc, doc[km.start].idx, doc[km.end - 1].idx + len(doc[km.end - 1]), km.rule.id)}
    refined = _kind_of_asset(doc, vocab, t.asset) if t.asset and km.rule.generic else None
    if refined is not None:
        kind = refined.value
        field_ev["kind"] = evidence(doc, t.asset.start, t.asset.end, refined.id)

    def put(name: str, term: Term | None) -> None:
        if term is not None:
            field_ev[name] = evidence(doc, term.start, term.end, term.rule)

    if kind in vocab.cues.concession_kinds and len(t.parties) < 2:
        # A lease or concession names its grantee; the grantor is the state the asset lies in.
        host = host_state(doc, t.asset, t.parties, first.start)
        t.parties = t.parties + [host] if host is not None else t.parties
    if not t.parties and any(doc[i].lower_ in vocab.cues.bilateral_adjectives for m in draft.mentions for i in range(m.start, m.end)):
        t.parties = bilateral_sides(doc, first.start)
    # ("SEOUL, Nov 15 (AFP) - South Korea and Chile agreed ...": where a story was filed from is no side,
    # whichever reading found the name)
    filed = datelines(analysed_text(doc))
    t.parties = [p for p in t.parties if not any(ds <= p.start and p.end <= de for ds, de in filed)]
    # ("Russia pays Kazakhstan 115 million dollars a year": the model may run a sum into a name)
    t.parties = [_without_sum(p) for p in t.parties]
    # ("Dutch rival Verenigde Kunststof (VKN)": the acronym in brackets after a side is that side again)
    t.parties = [p for p in t.parties if not any(_bracketed_after(doc, q, p) for q in t.parties)]
    # ("Indonesia and Australia ... Jakarta": a capital standing for a state named as a side is that side again)
    # (not a city's own government: "Berlin's city government signed an agreement with Germany")
    t.parties = [
        p for p in t.parties
        if not any(q is not p and capital_of(p.value[0], q.value[0]) for q in t.parties) or _CITY_BODY.match(analysed_text(doc), p.end)
    ]
    # ("RABAT, Nov 15 (AFP) - ... The kingdom has signed a string of trade accords": the state filed from)
    t.parties = [_home_state(doc, filed, p) or p for p in t.parties]
    parties = [
        Argument(text=p.value[0], start=p.start, end=p.end, entity_id=p.value[1] or named.get(name_key(p.value[0])))
        for p in t.parties
    ]
    if t.parties:
        # One span for all parties when they are close; else the first party (a later one has its own clause).
        # (parties are kept in the order they were found, not always the order of the text)
        first_party, last = t.parties[0], t.parties[-1] if abs(t.parties[-1].end - t.parties[0].start) < 200 else t.parties[0]
        field_ev["parties"] = evidence(doc, min(first_party.start, last.start), max(first_party.end, last.end), first_party.rule)
    signed = distinct_dates(s.value for s in t.signed)
    if t.signed:
        field_ev["signed"] = evidence(doc, min(s.start for s in t.signed), max(s.end for s in t.signed), t.signed[0].rule)
    put("asset", t.asset)
    put("duration", t.duration)
    put("renewal", t.renewal)
    if t.status is not None and t.status.rule.startswith("status.proposed_") and signed:
        # ("which had hoped to sign the accord last year, signed it on Monday": made, not planned; but "a
        # tentative truce agreed on Monday" is made and still a proposal)
        t.status = None
    put("status", t.status)
    expires = None
    # (a term runs from the day written right after it, when there is one, not from the signing)
    # (an expiry is computed only from the agreement's own term, not from how long a duty it sets lasts)
    own = t.duration is not None and is_duration(t.duration.value) and not _personal(doc, t.parties) and _own_term(doc, t.duration, vocab)
    start = _term_start(doc, t.duration) if own else None
    if t.expires is not None:
        expires = Expiry(value=t.expires.value, computed=False)
        put("expires", t.expires)
    elif start is not None:
        # "the lease, signed in 2001, runs for 20 years from 2003": the term runs from the day written after it
        value = add_duration(date=start.value, duration=t.duration.value)
        if value is not None:
            expires = Expiry(value=value, computed=True)
            field_ev["expires"] = evidence(doc, t.duration.start, start.end, "expires.computed_from_start")
    elif (
        own and len(signed) == 1 and is_date(signed[0]) and _told_together(doc, t.signed[0], t.duration, vocab)
        # (not a term running from another start than the signing: "for four years from its entry into force")
        and not _OTHER_START.match(doc.text, t.duration.end)
        and t.signed[0].rule != "signed.name_year"  # (a name's year says when it was made, not when its term began)
    ):
        value = add_duration(date=signed[0], duration=t.duration.value)
        if value is not None:
            expires = Expiry(value=value, computed=True)
            s0 = t.signed[0]
            lo, hi = min(s0.start, t.duration.start), max(s0.end, t.duration.end)
            field_ev["expires"] = evidence(doc, lo, hi, "expires.computed")
    renewal = None
    if t.renewal is not None:
        automatic, period = t.renewal.value
        renewal = Renewal(automatic=automatic, period=period, text=shown_text(doc, t.renewal.start, t.renewal.end))
    return Agreement(
        id=stable_id("agr", doc_id, phrase.start_char, phrase.end_char, km.rule.kind),
        kind=kind,
        text=shown_text(doc, phrase.start_char, phrase.end_char),
        parties=parties,
        asset=t.asset.value if t.asset else None,
        signed=signed,
        duration=t.duration.value if t.duration else None,
        expires=expires,
        renewal=renewal,
        status=t.status.value if t.status else None,
        field_evidence=field_ev,
        evidence=ev,
    )


def _names_restated(doc: Doc, draft: Draft) -> list:
    """Proper names an agreement's kind noun restates, which name it too: "the 1984 Sino-British Joint
    Declaration, the treaty that ...", "the 1984 Joint Declaration ... was an international agreement"."""
    out = []
    for m in draft.mentions:
        head = doc[m.head]
        named = None
        if head.dep_ == "appos" and head.head.pos_ == "PROPN" and head.head.i < head.i:
            named = head.head
        elif head.dep_ == "attr" and head.head.lemma_ == "be":
            named = next((c for c in head.head.children if c.dep_ == "nsubj" and c.pos_ == "PROPN"), None)
        if named is None or named.ent_type_ in ("PERSON", "GPE", "ORG", "NORP", "LOC", "FAC"):
            continue  # ("food aid to North Korea, a new fishery pact ...": a list, not the pact's name)
        span = doc[named.left_edge.i : named.i + 1]
        if all(t.is_title or t.like_num or t.is_punct or t.lower_ in ("the", "of", "and", "-") for t in span):
            out.append(span)
    return out


def _without_sum(party: Term) -> Term:
    """A side's name without a sum of money the model ran into it ("Kazakhstan 115 million dollars")."""
    name = party.value[0]
    found = _SUM.search(name)
    if found is None or found.start() == 0:
        return party
    return Term((name[: found.start()], None), party.start, party.start + found.start(), party.rule)


def _bracketed_after(doc: Doc, name: Term, short: Term) -> bool:
    """True for a short name written in brackets right after a name: "Verenigde Kunststof (VKN)", "the
    National Disasters Coordination Agency (Bakornas)"."""
    text = analysed_text(doc)
    word = short.value[0]
    short_form = word[:1].isupper() and " " not in word and len(word) <= 12
    return short_form and text[name.end : short.start] == " (" and text[short.end : short.end + 1] == ")"


# a city's own bodies after its name ("Berlin's city government", "Moscow city hall", "the Moscow mayor")
_CITY_BODY = re.compile(r"(?:'s)?\s+(?:city|municipal|metropolitan|mayor|town)\b")
# a state written only by what it is ("the kingdom"), in a story filed from its capital (not "the
# country", which a story filed from Washington may say of any state)
_HOME_WORDS = re.compile(r"(?:the|The) (?:kingdom|sultanate|emirate|island nation|island state)")


def _home_state(doc: Doc, filed: list[tuple[int, int]], party: Term) -> Term | None:
    """"RABAT, Nov 15 (AFP) - ... The kingdom has signed": a side written as "the kingdom" or "the
    sultanate", in a story filed from a capital, is the capital's state, where the story names it (its
    first mention there is the side's span)."""
    if not _HOME_WORDS.fullmatch(party.value[0]) or not filed:
        return None
    text = analysed_text(doc)
    city = re.match(r"\s*([A-Z][A-Z.' -]+?)\s*(?:,|\(|--|-)", text[filed[0][0] : filed[0][1]])
    country = capitals().get(city.group(1).strip().title()) if city else None
    found = re.search(rf"\b{re.escape(country)}\b", text) if country else None
    if found is None:
        return None
    return Term((country, None), found.start(), found.end(), party.rule)


# the words that end a company's full name ("Capita Group Plc", "Ericsson AB")
_COMPANY_SUFFIX = r"(?:Plc|PLC|plc|Inc|Corp|Corporation|Ltd|Limited|Group|Co|AG|SA|NV|AB|ASA|SpA|GmbH|LLC)\b"


def _personal(doc: Doc, parties: list[Term]) -> bool:
    """True for a person's contract (a player's, a coach's): its years are seasons or years of
    service, so no expiry is computed from its signing day."""
    # (not a name the model took for a person that the agreement is granted to: "granted a 20-year
    # contract to Perenco", a company; nor one joined to a place: "Kiev and Moscow signed a five-year
    # gas deal")
    roots = [doc.char_span(p.start, p.end, alignment_mode="expand").root for p in parties]
    # (nor a company's short name the model took for a person, "Capita" of "Capita Group Plc")
    text = analysed_text(doc)

    def company(name: str) -> bool:
        # (the name opening the company's, not a surname inside another: "John Wood Group")
        return any(
            not re.search(r"[A-Z][\w.'-]*\s+$", text[max(0, m.start() - 30) : m.start()])
            for m in re.finditer(rf"\b{re.escape(name)}(?:\s+[A-Z]\w*)?\s+{_COMPANY_SUFFIX}", text)
        )

    return any(
        root.ent_type_ == "PERSON" and not re.search(r"\bto\s+$", doc.text[max(0, p.start - 5) : p.start])
        and not any(c.ent_type_ == "GPE" for c in root.conjuncts)
        and not company(p.value[0])
        for root, p in zip(roots, parties)
    )


def distinct_dates(values) -> list[str]:
    """Signing dates, sorted, without one that only restates another less precisely ("on November 9 of
    this year": the year is that day's, not a second signing; "signed in 2015 and 2017" keeps both)."""
    found = sorted(set(values))
    return [v for v in found if not any(w.startswith(v + "-") or in_week(w, v) for w in found)]


def _term_start(doc: Doc, duration: Term):
    """The date a term is written to run from, right after it ("for 30 years from 2010", "a five-year
    contract starting in January 2008"), as a time expression; None when none is."""
    for tx in doc._.cw_timexes or []:
        if tx.type == "DATE" and is_date(tx.value) and _STARTING.fullmatch(doc.text[duration.end : tx.start]):
            return tx
    return None


_TRADE_VERBS = {"supply", "sell", "resell", "ship", "deliver", "export", "import", "buy", "purchase", "transport", "trade", "send", "provide"}
_VOLUME_UNITS = {"tonne", "ton", "barrel", "cargo", "shipment", "metre", "meter"}
_COOPERATION_HEADS = frozenset(("cooperation", "co-operation", "relations", "ties", "partnership", "collaboration"))
# (an agreement set before another, or the one now in force: not the one just signed)
_OTHER_WORDS = BEFORE_WORDS | {"existing", "current", "original", "last", "first"}
_REPLACING = {"replace", "supersede", "succeed", "precede"}  # "the deal it replaces": another one
_TERM_NOUNS = {"term", "tenure", "lifetime", "duration", "period", "life"}
_TERM_VERBS = {"run", "last", "be", "remain", "stay", "extend", "renew", "prolong"}


def _own_term(doc: Doc, duration: Term, vocab: Vocabulary) -> bool:
    """True when a span of time is the agreement's own term, told of the agreement ("a 30-year
    concession", "the lease runs for 20 years"), of its term ("a term of 30 years") or of a grant
    ("granted rights for 40 years"); not of a duty it sets ("Iran agreed to cut enrichment for 15
    years") or of a part of it ("a grace period of two years")."""
    span = doc.char_span(duration.start, duration.end, alignment_mode="expand")
    if span is None:
        return False
    word = span.root
    while word.dep_ == "pobj" and word.head.dep_ == "prep":
        word = word.head.head
    if word == span.root:
        word = word.head
    while word.dep_ in ("compound", "amod") and word.head.pos_ in ("NOUN", "PROPN") and word.head.i > word.i:
        word = word.head  # "a five-year gas deal": the term hangs on the noun before the agreement's
    kinds = vocab.kind_heads
    cues = vocab.cues
    verbs = _TERM_VERBS | set(cues.signed_verbs) | set(cues.grant_verbs) | set(cues.lease_verbs) | set(cues.renewing_verbs)
    # (what a concession lets its holder do for its term: "operate and maintain the line for 25 years")
    verbs |= {w for r in vocab.assets if r.id == "asset.use_object" for w in r.words if " " not in w}
    if word.pos_ in ("VERB", "AUX"):
        return word.lemma_ in verbs or word.lower_ in kinds
    if word.lemma_.lower() in _TERM_NOUNS:
        # (its own: "a term of 30 years"; a part: "a grace period", "a transition period")
        return not any(c.dep_ in ("compound", "amod") and c.lemma_.lower() not in kinds for c in word.children)
    return word.lower_ in kinds or word.lemma_.lower() in kinds


def _told_together(doc: Doc, signed: Term, duration: Term, vocab: Vocabulary) -> bool:
    """True when a signing date and a term are told in one sentence ("signed in 2019, the lease runs for
    45 years"), or the term is told later of the agreement itself ("It will run for 40 years", "The
    deal is valid for five years"): the term runs from the signing. A term told apart of something
    else ("the concession period will be 30 years") may run from a later start (completion, an
    effective date), so no expiry is computed."""
    a, b = _sentence_start(doc, signed), _sentence_start(doc, duration)
    if a is None or b is None:
        return False
    # ("X and Y met on Tuesday. The two sides signed a 15-year agreement": signed in the term's sentence,
    # on the day of the one before)
    dated_before = signed.rule == "signed.previous_occasion" and b > a and doc[b - 1].sent.start == a
    return a == b or dated_before or b > a and _term_of_it(doc, duration, vocab)


def _term_of_it(doc: Doc, duration: Term, vocab: Vocabulary) -> bool:
    """True for a term hung on a verb of lasting whose subject is the agreement or "it" ("It will run
    for 40 years", "The memorandum is valid for five years")."""
    span = doc.char_span(duration.start, duration.end, alignment_mode="expand")
    verb = next((a for a in span.root.ancestors if a.pos_ in ("VERB", "AUX")), None) if span is not None else None
    if verb is None or verb.lemma_ not in _TERM_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    # (the agreement again, not another: "The previous deal ran for five years", "the deal it replaces")
    other = lambda s: any(c.dep_ == "compound" or c.lower_ in _OTHER_WORDS or c.dep_ == "relcl" and c.lemma_ in _REPLACING for c in s.children)  # noqa: E731
    return any(s.lower_ == "it" or s.lemma_.lower() in vocab.kind_heads and not other(s) for s in subjects)


def _sentence_start(doc: Doc, term: Term) -> int | None:
    span = doc.char_span(term.start, term.end, alignment_mode="expand")
    return span.sent.start if span is not None else None


def entities_by_name(doc: Doc) -> dict[str, str]:
    """The document's entities by the name key of their mentions, for a side found outside any entity
    span ("Gazprom" where the tagger missed it, "Yukos" in a compound): the entity the same name is
    elsewhere, when only one entity is so named."""
    ids: dict[str, set[str]] = {}
    for entity in doc._.cw_entities or []:
        for m in entity.mentions:
            ids.setdefault(name_key(m.text), set()).add(entity.id)
    return {key: next(iter(found)) for key, found in ids.items() if key and len(found) == 1}


def _kind_of_asset(doc: Doc, vocab: Vocabulary, asset: Term):
    """The kind rule a general agreement takes from what it covers ("a deal on phosphate mining" ->
    mining rights), read outside company names ("a stake in Orvel Mining" is no mining deal)."""
    names = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("ORG", "PERSON")]
    span = doc.char_span(asset.start, asset.end, alignment_mode="expand")
    # ("to sell iron ore to Baosteel", "supply ore from Brazil to China": goods traded, not a right to mine them)
    traded = span is not None and span.root.dep_ == "dobj" and span.root.head.lemma_ in _TRADE_VERBS
    # ("the sale of iron ore", "30 million tonnes of iron ore a year": a trade, by its noun or its volume)
    traded = traded or span is not None and any(t.lower_ in vocab.cues.route_nouns or t.lemma_.lower() in _VOLUME_UNITS for t in span)
    if span is not None and span.root.lemma_.lower() in _COOPERATION_HEADS:
        return None  # ("cooperation in the fields of energy and mining": a cooperation agreement, no mining right)
    for rule in vocab.kind_by_asset:
        if traded and rule.id == "kind_by_asset.mining":
            continue
        for m in rule.regex.finditer(asset.value):
            at = asset.start + m.start()
            if not any(s <= at < e for s, e in names):
                return rule
    return None
