"""Named entities of one document (``doc._.cw_entities``): the model's spans, repaired, then grouped.

The small English model makes the same mistakes again and again in news: titles inside PERSON
spans ("Treasurer Peter Costello"), movements named after people ("Hayat Tahrir al-Sham (HTS)"),
ports and air bases tagged as organisations, "Defence" alone as an ORG. Rules in
``patterns/entities/repairs.json`` fix them; the repaired spans replace ``doc.ents`` so later
components see them too. People are grouped by ``claimweave.extract.people``: short mentions
("Shibani") join the nearest compatible full name, and the entity's name is that full name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimweave import patterns
from claimweave.extract.common import context, ensure_extensions, folded_token_texts, shown_text, stable_id
from claimweave.extract.people import NameMention, best_name, core_words, fold, is_full, link_mentions, name_lexicon
from claimweave.extract.titles import PhraseParser, title_before, title_lexicon, words
from claimweave.models import DocEntity, Mention

DEFAULT_LABELS = ["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW"]
VOTING_LABELS = ("PERSON", "ORG", "GPE", "FAC", "LOC", "NORP")
_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&]{1,7}$")
#: "Fujimori's son", "Fujimori's wife": the name is a relative's, not the relative named next.
_KIN = re.compile(
    r"['\u2019]s\s+(?:\w+\s+)?(?:son|daughter|brother|sister|wife|husband|father|mother|nephew|niece|cousin|"
    r"uncle|aunt|widow|grandson|granddaughter|son-in-law|daughter-in-law)\b",
    re.I,
)
_CALENDAR = set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july "
    "august september october november december today yesterday tomorrow".split()
)


@lru_cache(maxsize=1 << 14)
def name_key(text: str) -> str:
    """A comparison key for a name: case, accents, possessive, leading 'the' and spacing ignored."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = _POSSESSIVE.sub("", text.strip())
    text = re.sub(r"^the\s+", "", text, flags=re.I)
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


class RepairRules(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    facility_words: list[str]
    facility_prefixes: list[str]
    org_only_words: list[str]
    org_head_words: list[str]
    not_place_words: list[str]
    place_prepositions: list[str]
    event_prefixes: list[str]
    legal_forms: list[str]


@lru_cache(maxsize=1)
def repair_rules() -> RepairRules:
    return patterns.load("entities/repairs.json", RepairRules)


@dataclass
class Ent:
    """A span being repaired: token offsets, label, the rule that last changed it."""

    start: int
    end: int
    label: str
    rule: str = "spacy_ner"
    complete: bool = False  # a one-word name that is whole ("King Hussein" -> Hussein)


class EntityRepairer:
    """Applies the repair rules to a Doc's entities."""

    def __init__(self) -> None:
        self.rules = repair_rules()
        self.names = name_lexicon()
        self.titles = title_lexicon()
        self.facilities = sorted((words(w) for w in self.rules.facility_words), key=len, reverse=True)
        self.facility_prefixes = [words(w) for w in self.rules.facility_prefixes]
        # by first / last word, so a position is compared only with the forms that can start / end there
        self.facilities_by_first: dict[str, list[tuple[str, ...]]] = {}
        for w in self.facilities:
            self.facilities_by_first.setdefault(w[0], []).append(w)
        self.prefixes_by_last: dict[str, list[tuple[str, ...]]] = {}
        for w in self.facility_prefixes:
            self.prefixes_by_last.setdefault(w[-1], []).append(w)
        self.particles = set(self.names.particles)
        self.royal = {words(w) for w in self.names.royal_titles}
        self.honorifics = {fold(h) for h in self.names.honorifics}
        self.country_keys = {name_key(k) for k in self.titles.nationalities.values()}

    def __call__(self, doc: Doc, labels: set[str]) -> list[Ent]:
        low = folded_token_texts(doc)
        ents = [Ent(e.start, e.end, e.label_) for e in doc.ents if e.label_ in labels]
        ents += self._split_at_verb(doc, ents)
        ents = [e for e in (self._repair(doc, low, e) for e in ents) if e is not None]
        ents += self._split_bracketed_acronym(doc, ents)
        ents += self._split_org_name(doc, low, ents)
        self._extend_names(doc, low, ents)
        ents += self._title_names(doc, low, ents)
        ents += self._titled_names(doc, low, ents)
        ents += self._missing_facilities(doc, low, ents)
        ents += self._known_surnames(doc, low, ents)
        self._place_prepositions(doc, low, ents)
        self._company_short_names(doc, ents)
        self._vote_labels(doc, ents)
        return ents

    # ------------------------------------------------------------------ one span

    def _trim(self, doc: Doc, low: list[str], e: Ent) -> Ent | None:
        while e.start < e.end and (doc[e.start].is_space or doc[e.start].is_punct and doc[e.start].text not in "("):
            e.start += 1
        while e.end > e.start and (doc[e.end - 1].is_space or low[e.end - 1] in ("'s", "'", "\u2019s") or doc[e.end - 1].text in ",;:-\u2014([{"):  # "the South American Common Market (" before its acronym
            e.end -= 1
        return e if e.end > e.start else None

    def _repair(self, doc: Doc, low: list[str], e: Ent) -> Ent | None:
        e = self._trim(doc, low, e)
        if e is None:
            return None
        # "contracts granted Gazprom by Niyazov" tagged as one name: the passive's "by" ends it
        agent = next((k for k in range(e.start + 1, e.end - 1) if doc[k].dep_ == "agent" and doc[k].text == "by"), None)
        if agent is not None:
            e.end = agent
        rules = self.rules
        if e.label in ("PERSON", "ORG") and name_key(doc[e.start : e.end].text) in self.country_keys:
            e.label, e.rule = "GPE", "entities.country_name"
            return e  # "Sri Lanka" tagged as a person: a country, whose first word is no title
        first = low[e.start]
        if first in rules.event_prefixes and e.end - e.start > 1:
            e.label, e.rule = "EVENT", "entities.operation_event"
            return e
        lex = self.titles
        n = lex.match(lex.heads, low, e.start, e.end, lex.max_head)
        if e.label == "ORG" and n and doc[e.start].text[:1].isupper() and 2 <= e.end - e.start - n <= 3 and self._name_like(doc, low, e.start + n, e.end):
            e = Ent(e.start, e.end, "PERSON", "entities.title_trimmed")  # "Councillor Nadia Brandt" tagged ORG
        if e.label == "PERSON":
            e = self._person(doc, low, e)
            if e is None or e.label != "PERSON":
                return e
        if e.end - e.start == 1 and low[e.start] in rules.org_only_words and e.label in ("ORG", "NORP"):
            return None  # "Defence" in "Defence Minister" is part of a title, not an organisation
        if self._facility_after(low, e.end) and e.label in ("ORG", "PERSON", "GPE", "NORP"):
            if e.label == "NORP" and tuple(t.text for t in doc[e.start : e.end]) in self.titles.nationalities:
                return e
            if e.label != "FAC":
                e.label, e.rule = "FAC", "entities.facility_word"
        elif e.label in ("ORG", "PERSON", "NORP") and self._facility_before(low, e.start):
            e.label, e.rule = "GPE", "entities.port_of"
        return e

    @staticmethod
    def _split_at_verb(doc: Doc, ents: list[Ent]) -> list[Ent]:
        """'Suez won European Union' tagged as one name: the clause's verb, lowercase, ends the first
        name and the words after it are a second one of the same label."""
        found = []
        for e in ents:
            k = next((k for k in range(e.start + 1, e.end - 1) if doc[k].pos_ == "VERB" and doc[k].tag_ in ("VBD", "VBZ", "VBP") and doc[k].text.islower()), None)
            if k is not None:
                found.append(Ent(k + 1, e.end, e.label, "entities.verb_split"))
                e.end, e.rule = k, "entities.verb_split"
        return found

    def _split_bracketed_acronym(self, doc: Doc, ents: list[Ent]) -> list[Ent]:
        """'the Alpine Farmers League (AFL' tagged as one span: the name, then its acronym."""
        found = []
        for e in ents:
            for k in range(e.start + 1, e.end - 1):
                if doc[k].text == "(" and _ACRONYM.match(doc[k + 1].text) and (k + 2 == e.end or doc[k + 2].text == ")"):
                    found.append(Ent(k + 1, k + 2, e.label, "entities.acronym_split"))
                    e.end = k
                    break
        return found

    def _split_org_name(self, doc: Doc, low: list[str], ents: list[Ent]) -> list[Ent]:
        """'Speaker of the House of Representatives Nancy Pelosi' tagged as one ORG: the name after
        the organisation's last word is a person."""
        lex, found = self.titles, []
        for e in ents:
            if e.label != "ORG" or e.start < 2 or low[e.start - 1] != "of" or not lex.match(lex.heads, low, e.start - 2, e.start - 1, 1) and not any(
                lex.match(lex.heads, low, j, e.start - 1, lex.max_head) == e.start - 1 - j for j in range(max(0, e.start - 1 - lex.max_head), e.start - 1)
            ):
                continue
            for k in (2, 3):
                cut = e.end - k
                if cut - 1 > e.start and low[cut - 1] in self.rules.org_head_words and self._name_like(doc, low, cut, e.end):
                    found.append(Ent(cut, e.end, "PERSON", "entities.org_name_split"))
                    e.end, e.rule = cut, "entities.org_name_split"
                    break
        return found

    def _extend_names(self, doc: Doc, low: list[str], ents: list[Ent]) -> None:
        """'Khurshid Mahmood' + 'Kasuri': a capitalized word the model left (or tagged apart) right after
        a name is part of it."""
        at = {e.start: e for e in ents}
        taken = {i for e in ents for i in range(e.start, e.end)}
        for e in sorted(ents, key=lambda e: e.start):
            if e.label != "PERSON" or e.end - e.start < 2:
                continue
            while e.end < len(doc) and e.end - e.start < 4:
                token, nxt = doc[e.end], at.get(e.end)
                word_ok = (
                    token.pos_ == "PROPN" and token.text.istitle() and low[e.end] not in self.rules.org_head_words
                    and low[e.end] not in _CALENDAR and (token.text,) not in self.titles.nationalities
                    and not self.titles.match(self.titles.heads, low, e.end, len(doc), self.titles.max_head)
                    and not (e.end + 1 < len(doc) and low[e.end + 1] in ("'s", "\u2019s") and nxt is not None)
                )
                if not word_ok:
                    break
                if nxt is not None and nxt.end - nxt.start == 1 and nxt.label in ("GPE", "ORG", "NORP", "PERSON"):
                    ents.remove(nxt)  # the model tagged the last word apart
                    del at[nxt.start]
                elif e.end in taken:
                    break
                taken.add(e.end)
                e.end += 1
                e.rule = "entities.name_extended"

    def _person(self, doc: Doc, low: list[str], e: Ent) -> Ent | None:
        lex, rules = self.titles, self.rules
        # a movement or group named like a person is followed by its acronym: "Hayat Tahrir al-Sham (HTS)"
        if e.end + 2 < len(doc) and doc[e.end].text == "(" and doc[e.end + 2].text == ")" and _ACRONYM.match(doc[e.end + 1].text):
            start = e.start
            acronym = doc[e.end + 1].text
            while start > 0 and doc[start - 1].text[:1].isupper() and not doc[start - 1].is_sent_start and len(self._initials(doc, start, e.end)) < len(acronym):
                start -= 1
            if self._initials(doc, start, e.end) != acronym:
                start = e.start
            return Ent(start, e.end, "ORG", "entities.acronym_org")
        if low[e.end - 1] in rules.org_head_words:
            return Ent(e.start, e.end, "ORG", "entities.org_head_word")
        if e.end - e.start >= 3 and e.start > 0 and low[e.start - 1] in ("to", "for", "of") and (doc[e.start].text,) in lex.nationalities:
            e = Ent(e.start + 1, e.end, "PERSON", "entities.country_split")  # "Ambassador to Chile Rachel Dunn"
        # titles and honorifics are not part of the name: "Treasurer Peter Costello" -> Peter Costello
        start = e.start
        royal = False
        honorifics = self.honorifics
        while start < e.end:
            n = lex.match(lex.heads, low, start, e.end, lex.max_head) or lex.match(lex.portfolios, low, start, e.end, lex.max_portfolio)
            if n:
                royal = royal or tuple(low[start : start + n]) in self.royal
                start += n
            elif low[start] in honorifics or low[start] in lex.ranks or (low[start],) in lex.qualifiers or low[start] == "-":
                start += 1
            else:
                break
        if start == e.end:
            return None  # "Queen" alone: a title, not a name
        if start != e.start:
            e = Ent(start, e.end, "PERSON", "entities.title_trimmed", complete=royal)
        # particles belong inside the name: "al" + "Sharaa", "Hussein al" + "-Salama"
        while e.start > 0 and low[e.start - 1] in self.particles and doc[e.start - 1].text[:1].isalpha() and not doc[e.start - 1].is_sent_start:
            if e.start > 1 and doc[e.start - 2].text[:1].isupper() and doc[e.start - 2].ent_type_ == "":
                e.start -= 1
                e.rule = "entities.name_particle"
            else:
                break
        while e.end + 1 < len(doc) and (low[e.end - 1] in self.particles or low[e.end - 1] == "-") and doc[e.end].text[:1].isupper():
            e.end += 1
            e.rule = "entities.name_particle"
        return e

    def _initials(self, doc: Doc, start: int, end: int) -> str:
        return "".join(t.text[0] for t in doc[start:end] if t.text[:1].isupper())

    def _facility_after(self, low: list[str], pos: int) -> bool:
        if pos >= len(low):
            return False
        return any(tuple(low[pos : pos + len(w)]) == w for w in self.facilities_by_first.get(low[pos], ()))

    def _facility_before(self, low: list[str], pos: int) -> bool:
        if pos < 1 or pos > len(low):
            return False
        return any(pos >= len(w) and tuple(low[pos - len(w) : pos]) == w for w in self.prefixes_by_last.get(low[pos - 1], ()))

    # ------------------------------------------------------------------ spans the model missed

    def _title_names(self, doc: Doc, low: list[str], ents: list[Ent]) -> list[Ent]:
        """Capitalized words right after a person title that the model left untagged: a PERSON."""
        lex = self.titles
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        i = 0
        while i < len(doc):
            if (
                i in taken or not doc[i].text[:1].isupper() or doc[i].pos_ != "PROPN" or i == 0 or low[i] in self.honorifics
                or doc[i].ent_type_ in ("DATE", "TIME") or low[i] in _CALENDAR
            ):
                i += 1
                continue
            head_end = any(lex.match(lex.heads, low, j, i, lex.max_head) == i - j for j in range(max(0, i - lex.max_head), i))
            if not head_end and i >= 3 and (doc[i - 1].text,) in lex.nationalities and low[i - 2] in ("for", "to"):
                # "Special Representative for Somalia Francois Lonseny Fall": past the destination
                k = i - 2
                head_end = any(lex.match(lex.heads, low, j, k, lex.max_head) == k - j for j in range(max(0, k - lex.max_head), k))
            # "Secretary General": the word is the rest of a longer title, not a name
            inside_title = any(lex.match(lex.heads, low, j, len(doc), lex.max_head) > i - j for j in range(max(0, i - lex.max_head), i + 1))
            if not head_end or inside_title or low[i] in lex.ranks or not doc[i - 1].text[:1].isalpha():
                i += 1
                continue
            end = i
            while end < len(doc) and end not in taken and (
                doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper() or low[end] in self.particles or low[end] == "-" and end > i
            ):
                end += 1
            while end > i and (low[end - 1] in self.particles or low[end - 1] == "-"):
                end -= 1
            if (
                end > i and tuple(t.text for t in doc[i:end]) not in lex.nationalities and not self._facility_after(low, end)
                and end not in taken and not any(low[k] in self.rules.org_head_words for k in range(i, end))
            ):
                found.append(Ent(i, end, "PERSON", "entities.title_name"))
                taken.update(range(i, end))
            i = max(end, i + 1)
        return found

    def _titled_names(self, doc: Doc, low: list[str], ents: list[Ent]) -> list[Ent]:
        """A name followed by a person's title in apposition is a person, whatever the model said:
        "Murat Kaya, Turkish Foreign Minister, said" (tagged ORG), "Igor Belov, a former envoy," (untagged)."""
        spans = [Span(doc, e.start, e.end, label=e.label) for e in ents]
        parser = PhraseParser(doc, filter_spans(spans))
        taken = {i: e for e in ents for i in range(e.start, e.end)}
        found = []
        i = 0
        while i < len(doc):
            e = taken.get(i)
            if e is not None:
                start, end = e.start, e.end
                # "Aleksandr" tagged GPE, "Lavrentiev" untagged: the name runs on
                extra = end
                while extra < len(doc) and extra not in taken and doc[extra].pos_ == "PROPN" and doc[extra].text.istitle() and extra - start < 3:
                    extra += 1
                ok = e.label in ("ORG", "GPE", "NORP") and 2 <= extra - start <= 3 and e.rule == "spacy_ner"
                end = extra
            else:
                start = end = i
                while end < len(doc) and end not in taken and doc[end].pos_ == "PROPN" and doc[end].text.istitle() and end - start < 3:
                    end += 1
                ok = end - start >= 2
            if ok and self._name_like(doc, low, start, end) and (
                self._titled_after(doc, parser, end) or self._titled_before(doc, parser, start)
            ):
                if e is not None and e.end == end:
                    e.label, e.rule = "PERSON", "entities.titled_name"
                elif e is not None:  # a longer span replaces the model's partial one
                    ents.remove(e)
                    found.append(Ent(start, end, "PERSON", "entities.titled_name"))
                else:
                    found.append(Ent(start, end, "PERSON", "entities.titled_name"))
            i = max(end, i + 1)
        return found

    def _name_like(self, doc: Doc, low: list[str], start: int, end: int) -> bool:
        tokens = doc[start:end]
        return (
            all(t.text.istitle() or low[t.i] in self.particles for t in tokens)
            and not any(low[t.i] in self.rules.org_head_words for t in tokens)
            and tuple(t.text for t in tokens) not in self.titles.nationalities
            and not any((low[t.i],) in self.titles.heads for t in tokens)
        )

    def _titled_before(self, doc: Doc, parser: PhraseParser, start: int) -> bool:
        """'Councillor Nadia Salama', 'the Syrian ambassador to Washington, Walid Mualem'."""
        limit = start - 1 if start > 0 and doc[start - 1].text == "," else start
        sent_start = doc[start].sent.start
        for j in range(limit - 1, max(sent_start, limit - 10) - 1, -1):
            if doc[j].is_punct or doc[j].is_space:
                break
            phrase = parser.parse(j, limit)
            if phrase is not None and phrase.end == limit and phrase.titles:
                if limit == start:
                    return doc[limit - 1].text[:1].isupper()  # a title written as such: "Councillor"
                if doc[j].lower_ in ("the", "a", "an") or any(t.affiliation for t in phrase.titles):
                    return True
        return False

    def _titled_after(self, doc: Doc, parser: PhraseParser, end: int) -> bool:
        if end + 1 >= len(doc) or doc[end].text != ",":
            return False
        p = end + 1
        if parser.low[p] == "who" and p + 2 < len(doc) and parser.low[p + 1] in ("is", "was"):
            p += 2
        phrase = parser.parse(p, doc[end].sent.end)
        if phrase is None or phrase.start != p or not phrase.titles:
            return False
        after = doc[phrase.end] if phrase.end < len(doc) else None
        return after is None or after.text in (",", ".", ";", ")") or after.pos_ in ("VERB", "AUX", "ADP") or after.ent_type_ == "DATE"

    def _missing_facilities(self, doc: Doc, low: list[str], ents: list[Ent]) -> list[Ent]:
        """'Tartous port', 'Hmeimim airbase': the capitalized words before a facility word are a place."""
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for i in range(1, len(doc)):
            if not self._facility_after(low, i) or i - 1 in taken:
                continue
            start = i
            while (
                start > 0 and start - 1 not in taken and doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
                and doc[start - 1].pos_ in ("PROPN", "ADJ", "NOUN") and i - start < 3
                and (doc[start - 1].text,) not in self.titles.nationalities
            ):
                start -= 1
            if start < i and not doc[start].is_sent_start:
                found.append(Ent(start, i, "FAC", "entities.facility_word"))
                taken.update(range(start, i))
        return found

    def _known_surnames(self, doc: Doc, low: list[str], ents: list[Ent]) -> list[Ent]:
        """A surname of a person named in full elsewhere in the document is that person, whatever the
        model said ("Lavrov affirmed ..." tagged ORG, or not tagged at all)."""
        fulls = [doc[e.start : e.end].text for e in ents if e.label == "PERSON" and is_full(doc[e.start : e.end].text)]
        surnames = {core_words(t)[-1] for t in fulls}
        if not surnames:
            return []
        nationalities = self.titles.nationalities
        for e in ents:
            text = doc[e.start : e.end].text
            words_ = core_words(text)
            if (
                e.label in ("ORG", "GPE", "NORP", "FAC") and len(words_) == 1 and words_[0] in surnames
                and (doc[e.start].text,) not in nationalities and not self._facility_after(low, e.end)
            ):
                e.label, e.rule = "PERSON", "entities.known_surname"
        taken = {i for e in ents for i in range(e.start, e.end)}
        found = []
        for i, token in enumerate(doc):
            if i in taken or not token.text[:1].isupper() or low[i] not in surnames or token.pos_ not in ("PROPN", "NOUN", "ADJ"):
                continue
            start = i
            while start > 0 and start - 1 not in taken and (low[start - 1] in self.particles or low[start - 1] == "-" and start - 1 > 0 and low[start - 2] in self.particles):
                start -= 1
            found.append(Ent(start, i + 1, "PERSON", "entities.known_surname"))
        return found

    def _company_short_names(self, doc: Doc, ents: list[Ent]) -> None:
        """"Montedison S.p.A. ... Montedison currently owns": a name written as the words before a
        company's legal form is that company, though the model tagged it a person or a place."""
        forms = "|".join(re.escape(f) for f in sorted(self.rules.legal_forms, key=len, reverse=True))
        legal = re.compile(rf"(?:,?\s+(?:{forms})(?![\w.]))+$", re.I)
        stems = set()
        for e in ents:
            if e.label == "ORG":
                text = doc[e.start : e.end].text
                stem = legal.sub("", text)
                if stem != text and stem:
                    stems.add(name_key(stem))
        # (not a person's surname: "Michael Bloomberg founded Bloomberg L.P. ... Bloomberg said")
        surnames = {name_key(doc[e.end - 1].text) for e in ents if e.label == "PERSON" and e.end - e.start > 1}
        for e in ents:
            key = name_key(doc[e.start : e.end].text)
            if e.label in ("PERSON", "GPE", "NORP") and key in stems and key not in surnames:
                e.label, e.rule = "ORG", "entities.company_short_name"

    def _vote_labels(self, doc: Doc, ents: list[Ent]) -> None:
        """One name, one label in a document: the majority label wins, a repair rule's label counts triple."""
        votes: dict[str, dict[str, int]] = {}
        for e in ents:
            if e.label not in VOTING_LABELS:
                continue
            key = name_key(doc[e.start : e.end].text)
            weight = 3 if e.rule not in ("spacy_ner", "entities.place_preposition") else 1
            votes.setdefault(key, {}).setdefault(e.label, 0)
            votes[key][e.label] += weight
        countries = self.country_keys
        for e in ents:
            if e.label not in VOTING_LABELS:
                continue
            key = name_key(doc[e.start : e.end].text)
            if key in countries:
                if e.label in ("PERSON", "ORG"):
                    e.label, e.rule = "GPE", "entities.country_name"
                continue
            tally = votes[key]
            winner = max(tally, key=lambda label: (tally[label], label == e.label))
            if winner != e.label and tally[winner] > tally[e.label]:
                e.label, e.rule = winner, "entities.label_vote"

    def _place_prepositions(self, doc: Doc, low: list[str], ents: list[Ent]) -> None:
        """A one-word 'organisation' right after 'in'/'near' is a place: "presence in Tartus"."""
        rules = self.rules
        for e in ents:
            if (
                e.label == "ORG" and e.end - e.start == 1 and e.start > 0 and low[e.start - 1] in rules.place_prepositions
                and low[e.start] not in rules.not_place_words and not doc[e.start].text.isupper()
                and doc[e.start].text[:1].isupper()
            ):
                e.label, e.rule = "GPE", "entities.place_preposition"


class EntityGrouper:
    """Repairs the model's spans, then collects them into DocEntity records."""

    def __init__(self, labels: list[str]) -> None:
        self.labels = set(labels)
        self.repairer = EntityRepairer()

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        ents = self.repairer(doc, self.labels)
        spans = filter_spans([Span(doc, e.start, e.end, label=e.label) for e in ents])
        kept = {(s.start, s.end) for s in spans}
        ents = [e for e in ents if (e.start, e.end) in kept]
        covered = {i for s in spans for i in range(s.start, s.end)}
        others = [s for s in doc.ents if s.label_ not in self.labels and not covered.intersection(range(s.start, s.end))]
        doc.ents = sorted(spans + others, key=lambda s: s.start)
        entities = self._people(doc, ctx, [e for e in ents if e.label == "PERSON"])
        groups: dict[tuple[str, str], list[Ent]] = {}
        for e in ents:
            if e.label == "PERSON":
                continue
            key = name_key(ctx.text[doc[e.start].idx : doc[e.end - 1].idx + len(doc[e.end - 1])])
            if key:
                groups.setdefault((e.label, key), []).append(e)
        name_ends = {doc[e.end - 1].idx + len(doc[e.end - 1]) for e in ents if e.end - e.start > 1}
        for (label, key), members in groups.items():
            mentions = [self._mention(doc, ctx, e) for e in members]
            name = max((shown_text(doc, m.start, m.end) for m in mentions), key=lambda t: (len(t), t))
            rule = next((e.rule for e in members if e.rule != "spacy_ner"), "spacy_ner")
            if _ACRONYM.match(name) and any(_defined_beside(ctx.text, m, name_ends) for m in mentions):
                rule = "entities.acronym_defined"
            entities.append(DocEntity(id=stable_id("ent", ctx.doc_id, label, key), label=label, name=name, mentions=mentions, rule=rule))
        entities.sort(key=lambda e: (e.mentions[0].start, e.label, e.id))
        doc._.cw_entities = entities
        return doc

    def _title_hints(self, doc: Doc, people: list[Ent]) -> list[frozenset[str]]:
        """The titles written right before each person mention ("President Bush"), to tell apart
        people who share a surname when a short mention carries a title."""
        parser = PhraseParser(doc, list(doc.ents))
        person_tokens = {i for e in people for i in range(e.start, e.end)}
        honorifics = self.repairer.honorifics
        hints = []
        for e in people:
            phrase, _ = title_before(doc, parser, e.start, honorifics, person_tokens)
            hints.append(frozenset(t.normalized for t in phrase.titles) if phrase else frozenset())
        return hints

    def _mention(self, doc: Doc, ctx, e: Ent) -> Mention:
        start, end = doc[e.start].idx, doc[e.end - 1].idx + len(doc[e.end - 1])
        return Mention(doc_id=ctx.doc_id, start=start, end=end, text=ctx.text[start:end])

    def _people(self, doc: Doc, ctx, people: list[Ent]) -> list[DocEntity]:
        mentions = [self._mention(doc, ctx, e) for e in people]
        hints = self._title_hints(doc, people)
        groups = link_mentions([
            NameMention(m.start, m.text, e.complete, h, kin=bool(_KIN.match(ctx.text, m.end)))
            for m, e, h in zip(mentions, people, hints)
        ])
        entities = []
        seen: set[str] = set()
        for group in groups:
            members = [mentions[i] for i in group]
            name = best_name([shown_text(doc, m.start, m.end) for m in members])
            rule = next((people[i].rule for i in group if people[i].rule != "spacy_ner"), "spacy_ner")
            if len({name_key(m.text) for m in members}) > 1 and rule == "spacy_ner":
                rule = "entities.short_name_link"
            ent_id = stable_id("ent", ctx.doc_id, "PERSON", name_key(name))
            if ent_id in seen:  # two people known by the same short name: keep them apart
                ent_id = stable_id("ent", ctx.doc_id, "PERSON", name_key(name), members[0].start)
            seen.add(ent_id)
            entities.append(DocEntity(id=ent_id, label="PERSON", name=name, mentions=members, rule=rule))
        return entities


def _defined_beside(text: str, mention: Mention, name_ends: set[int]) -> bool:
    """Whether an acronym is written in brackets right after a name: "the Social Democratic Party
    (SDP)", not "South Africa, UN envoy". Reconciliation reads the rule to link the two."""
    start, end = mention.start, mention.end
    return text[start - 2 : start] == " (" and text[end : end + 1] == ")" and start - 2 in name_ends


@Language.factory(
    "claimweave_entities",
    assigns=["doc._.cw_entities", "doc.ents"],
    requires=["doc.ents"],
    default_config={"labels": DEFAULT_LABELS},
)
def make_entities(nlp: Language, name: str, labels: list[str]) -> EntityGrouper:
    ensure_extensions()
    return EntityGrouper(labels)
