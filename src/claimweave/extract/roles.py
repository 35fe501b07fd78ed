"""People and their roles (``doc._.cw_roles``): every title the text gives a named person.

Constructions (each is the ``rule`` of the evidence it produces):

* ``roles.title_before_name``: "Russian President Vladimir Putin", "then health minister Maher al Sharaa"
* ``roles.apposition_after``: "Hakan Fidan, Turkey's foreign minister,"
* ``roles.apposition_before``: "the foreign minister, Asaad al-Shibani"
* ``roles.relative_clause``: "Smith, who is the company's chief executive"
* ``roles.copular``: "X was named defense minister", "X became president in 2019", "X resigned as chairman"

Titles, qualifiers, nationalities and linking verbs are data (``patterns/roles/``). A title with
no named person ("the Syrian foreign and defence ministers") gives nothing. Roles of one person
are merged within the document: one affiliation stated anywhere fills the same title elsewhere,
and a title contained in a longer one ("spokesperson" in "foreign ministry spokesperson") is one role.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from pydantic import BaseModel, ConfigDict
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimweave import patterns
from claimweave.extract.common import context, ensure_extensions, evidence, stable_id
from claimweave.extract.people import fold, name_lexicon
from claimweave.extract.titles import (
    STOP_BACK,
    Phrase,
    PhraseParser,
    Title,
    affiliation_name,
    normalize_title,
    title_before,
    title_lexicon,
    words,
)
from claimweave.models import DocEntity, Evidence, Role, TimeRef

_STOP_BACK = STOP_BACK
_BOUNDARY_POS = {"VERB", "AUX", "ADP", "SCONJ", "CCONJ", "ADV", "PRON", "DET", "PART", "NUM", "PUNCT", "SPACE"}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_MONTHS = "january february march april may june july august september october november december".split()


class Copular(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    words: list[str]
    qualifier: str | None
    object: bool = False


class Constructions(BaseModel):
    model_config = ConfigDict(extra="forbid")
    description: str
    copular: list[Copular]
    heads_verbs: list[str]
    skip_adverbs: list[str]
    groups: list[str] = []
    group_links: list[str] = []


@lru_cache(maxsize=1)
def constructions() -> Constructions:
    return patterns.load("roles/constructions.json", Constructions)


@dataclass
class Found:
    """A role found at one place in the text, before merging."""

    entity: DocEntity
    title: Title
    rule: str
    start: int  # evidence characters
    end: int
    title_text: str
    time: TimeRef | None = None
    qualifier: str | None = None
    evidence: list[Evidence] = field(default_factory=list)


class RoleExtractor:
    """Finds the roles of the PERSON entities that ``claimweave_entities`` grouped."""

    def __init__(self) -> None:
        spec = constructions()
        self.copular = sorted(
            ((words(w), c) for c in spec.copular for w in c.words), key=lambda it: len(it[0]), reverse=True
        )
        self.heads_verbs = set(spec.heads_verbs)
        self.honorifics = {fold(h) for h in name_lexicon().honorifics}
        self.groups = set(spec.groups)
        lex = title_lexicon()
        self.known_titles = {h.normalized for h in lex.heads.values()} - {"head", "chief"}
        self.rank_words = {w for w, q in lex.ranks.items() if q} | {"assistant", "associate", "under"}
        self.group_links = sorted((words(w) for w in spec.group_links), key=len, reverse=True)
        self.skip = set(spec.skip_adverbs)

    def __call__(self, doc: Doc) -> Doc:
        ctx = context(doc)
        people = [e for e in (doc._.cw_entities or []) if e.label == "PERSON"]
        parser = PhraseParser(doc, list(doc.ents))
        low = parser.low
        person_tokens = {i for e in doc.ents if e.label_ == "PERSON" for i in range(e.start, e.end)}
        found: list[Found] = []
        before_roles: dict[int, list[Found]] = {}
        for entity in people:
            for mention in entity.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                pre = self._before(doc, parser, span, entity, person_tokens)
                before_roles[span.start] = pre
                found += pre
                found += self._apposition_before(doc, parser, span, entity, person_tokens)
                found += self._after(doc, parser, span, entity, low)
        self._inherit_coordinated(doc, low, before_roles)
        doc._.cw_roles = self._merge(doc, ctx.doc_id, found)
        return doc

    # ------------------------------------------------------------------ constructions

    def _before(self, doc, parser: PhraseParser, name: Span, entity, person_tokens) -> list[Found]:
        """A title right before the name: "Foreign Minister Sergey Lavrov"."""
        best, _ = title_before(doc, parser, name.start, self.honorifics, person_tokens)
        if best is None:
            return []
        # "President Hashemi Rafsanjani of Iran": the affiliation follows the name
        after = self._of_place(doc, parser, name.end)
        group = None if after else self._group_before(doc, parser, best.start)
        out = []
        for title in best.titles:
            if title.affiliation is None and after is not None:
                title.affiliation, title.affiliation_from = after, "of"
            elif title.affiliation is None and group is not None:
                title.affiliation, title.affiliation_from = group, "group"
            out.append(self._found(doc, entity, title, "roles.title_before_name", best.start, name.end))
        return out

    def _group_before(self, doc, parser: PhraseParser, pos: int) -> str | None:
        """'a Russian delegation led by <title> <name>': the group's nationality is the person's."""
        low = parser.low
        for link in self.group_links:
            q = pos - len(link)
            if q < 2 or tuple(low[q:pos]) != link:
                continue
            q -= 1 if low[q - 1] == "," else 0
            if low[q - 1] not in self.groups:
                return None
            for j in range(q - 2, max(doc[pos].sent.start, q - 4) - 1, -1):
                got = parser._affiliation_prefix(j, q - 1)
                if got is not None and got[1] is not None and j + got[0] == q - 1:
                    return got[1]
            return None
        return None

    def _of_place(self, doc, parser: PhraseParser, pos: int) -> str | None:
        if pos + 1 < len(doc) and parser.low[pos] == "of":
            ent = parser.ent_at.get(pos + 1)
            if ent is not None and ent.label_ in ("GPE", "NORP"):
                return affiliation_name(ent.text)
        return None

    def _apposition_before(self, doc, parser: PhraseParser, name: Span, entity, person_tokens) -> list[Found]:
        """A title phrase, a comma, the name: "the foreign minister, Asaad al-Shibani"."""
        comma = name.start - 1
        if comma <= name.sent.start or doc[comma].text != ",":
            return []
        best: Phrase | None = None
        for j in range(comma - 1, max(name.sent.start, comma - 14) - 1, -1):
            if j in person_tokens and not (j + 1 < len(doc) and parser.low[j + 1] in ("'s", "\u2019s")):
                break
            if doc[j].text in _STOP_BACK or doc[j].is_space:
                break
            phrase = parser.parse(j, comma)
            if phrase is not None and phrase.end == comma:
                best = phrase
        if best is None:
            return []
        first = doc[best.start]
        before = doc[best.start - 1] if best.start > name.sent.start else None
        fronted = before is not None and before.lower_ == "as"  # "As foreign minister, Lena Marsh ..."
        if first.lower_ not in ("the", "a", "an", "its", "his", "her", "their") and not any(t.affiliation for t in best.titles) and not fronted:
            return []
        if before is not None and before.text not in _STOP_BACK and not before.is_space and before.pos_ not in ("ADP", "VERB", "AUX", "CCONJ", "SCONJ", "PART"):
            return []
        # an apposition is closed after the name: "the spokesman, Mubarak stressed" is a clause, not one
        after = doc[name.end] if name.end < len(doc) else None
        if not fronted and after is not None and not (after.is_punct or after.is_space) and name.end < name.sent.end:
            return []
        return [self._found(doc, entity, t, "roles.apposition_before", best.start, name.end) for t in best.titles]

    def _after(self, doc, parser: PhraseParser, name: Span, entity, low) -> list[Found]:
        """Appositions, relative and copular clauses after the name."""
        sent_end = name.sent.end
        p = name.end
        out: list[Found] = []
        # "... of Magna, resigned as": a name inside a prepositional phrase is not the clause's subject
        subject = not (name.start > 0 and doc[name.start - 1].pos_ == "ADP")
        if p < sent_end and doc[p].text in (",", "("):
            p += 1
            if p + 1 < sent_end and doc[p].like_num and doc[p + 1].text == ",":
                p += 2  # "Mr. Schwarz, 52, ..."
            if p < sent_end and low[p] == "who":
                out += self._clause(doc, parser, name, entity, p + 1, "roles.relative_clause")
                return out
            phrase = parser.parse(p, sent_end)
            listed = phrase is not None and phrase.end < sent_end and (
                low[phrase.end] in ("and", "or") and not (phrase.end + 1 < sent_end and doc[phrase.end + 1].ent_type_ == "PERSON")
                # "rebel leader Kony, the president's press adviser, John Nagenda": the title is the next name's
                or low[phrase.end] == "," and phrase.end + 1 < sent_end and doc[phrase.end + 1].ent_type_ == "PERSON"
            )
            if phrase is not None and phrase.start == p and self._boundary(doc, phrase.end, sent_end) and not listed:
                out += [self._found(doc, entity, t, "roles.apposition_after", name.start, phrase.end) for t in phrase.titles]
            elif subject:
                out += self._clause(doc, parser, name, entity, p, "roles.copular")  # "Taylor, 48, also was named ..."
            # the clause may follow the apposition: "Mr. Stronach, founder of Magna, resigned as ..."
            q = p
            while q < sent_end and doc[q].text not in (",", ")") and q - p < 15:
                if low[q] == "who" and not out:
                    # "Maher al-Sharaa, a physician and fluent Russian speaker who served as health minister"
                    return self._clause(doc, parser, name, entity, q + 1, "roles.relative_clause")
                q += 1
            if q < sent_end and doc[q].text in (",", ")") and subject:
                out += self._clause(doc, parser, name, entity, q + 1, "roles.copular")
            return out
        return self._clause(doc, parser, name, entity, p, "roles.copular") if subject else out

    def _clause(self, doc, parser: PhraseParser, name: Span, entity, p: int, rule: str) -> list[Found]:
        """A linking verb then a title: "was named defense minister", "who was health minister at the time"."""
        low = parser.low
        sent_end = name.sent.end
        while p < sent_end and low[p] in self.skip:
            p += 1
        if p < sent_end and low[p] in self.heads_verbs:
            return self._heads(doc, parser, name, entity, p + 1, rule)
        for verb, spec in self.copular:
            if tuple(low[p : p + len(verb)]) != verb:
                continue
            q = p + len(verb)
            while q < sent_end and low[q] in self.skip:
                q += 1
            if spec.object:
                # "succeeded Mr. Taylor as chairman": skip the person replaced
                ent = parser.ent_at.get(q) or (parser.ent_at.get(q + 1) if low[q] in ("mr.", "mrs.", "ms.") else None)
                if ent is None or ent.label_ != "PERSON":
                    return []
                q = ent.end
                if q >= sent_end or low[q] != "as":
                    return []
            if q < sent_end and low[q] == "as":
                q += 1
            phrase = parser.parse(q, sent_end)
            if phrase is None or phrase.start != q or not self._boundary(doc, phrase.end, sent_end):
                return []
            qualifier = spec.qualifier
            if parser.then_follows(phrase.end):
                qualifier = "then"
            time = self._time(doc, phrase.end, sent_end)
            out = []
            for title in phrase.titles:
                f = self._found(doc, entity, title, rule, name.start, phrase.end)
                f.qualifier = title.qualifier or qualifier
                f.time = time
                out.append(f)
            return out
        return []

    def _heads(self, doc, parser: PhraseParser, name: Span, entity, p: int, rule: str) -> list[Found]:
        """'who runs the intelligence service': the person heads it (a title only if the body is known)."""
        sent_end = name.sent.end
        q = p
        while q < sent_end and (doc[q].pos_ in ("DET", "ADJ", "NOUN", "PROPN") or doc[q].ent_type_) and q - p < 8:
            q += 1
        if q == p:
            return []
        title_words = "head of " + " ".join(parser.low[p:q])
        normalized = normalize_title(title_words)
        if normalized in self.known_titles:  # "who runs the intelligence service" -> intelligence chief
            title = Title(start=p - 1, end=q, normalized=normalized, head_id="t_head")
        else:
            orgs = [parser.in_ent[k] for k in range(p, q) if k in parser.in_ent and parser.in_ent[k].label_ == "ORG"]
            if not orgs or orgs[-1].end != q:
                return []
            title = Title(start=p - 1, end=q, normalized="head", head_id="t_head", affiliation=affiliation_name(orgs[-1].text), affiliation_from="of")
        return [self._found(doc, entity, title, rule + ".heads", name.start, q)]

    def _boundary(self, doc, end: int, sent_end: int) -> bool:
        """The phrase is complete: what follows does not continue the noun phrase."""
        if end >= sent_end:
            return True
        token = doc[end]
        if token.lower_ in ("'s", "\u2019s"):
            return False
        return token.pos_ in _BOUNDARY_POS or token.is_punct or token.ent_type_ in ("DATE", "TIME", "CARDINAL")

    def _inherit_coordinated(self, doc, low, before_roles: dict[int, list[Found]]) -> None:
        """'Russian Deputy Foreign Minister X and presidential envoy Y': Y is Russian too."""
        ends = {}
        for start, roles in before_roles.items():
            for f in roles:
                ends.setdefault(f.end, []).append(f)
        for start in sorted(before_roles):
            for f in before_roles[start]:
                if f.title.affiliation is not None:
                    continue
                first = doc.char_span(f.start, f.end, alignment_mode="expand")
                if first is None or first.start < 2 or low[first.start - 1] not in ("and", ","):
                    continue
                prev = first.start - 2 if low[first.start - 1] == "," or low[first.start - 2] != "," else first.start - 3
                prev_end = doc[prev].idx + len(doc[prev])
                for g in ends.get(prev_end, []):
                    g_first = doc.char_span(g.start, g.end, alignment_mode="expand")
                    # only from the head of the list: "Commerce Secretary A, U.S. Trade Representative B,
                    # Labor Secretary C" does not make C American
                    heads_list = g_first is not None and not (
                        g_first.start >= 2 and low[g_first.start - 1] in ("and", ",") and doc[g_first.start - 2].ent_type_ == "PERSON"
                    )
                    if g.title.affiliation_from in ("coordinated", "group") or g.title.affiliation_from == "nationality" and heads_list:
                        f.title.affiliation, f.title.affiliation_from = g.title.affiliation, "coordinated"
                        break

    # ------------------------------------------------------------------ time

    def _time(self, doc, pos: int, sent_end: int) -> TimeRef | None:
        """A time right after the title ("became president in 2019"): a timex, else a DATE entity."""
        if pos >= sent_end:
            return None
        lo = doc[pos].idx
        hi = doc[min(pos + 5, sent_end) - 1].idx + len(doc[min(pos + 5, sent_end) - 1])
        for timex in sorted(doc._.cw_timexes or [], key=lambda t: t.start):
            if lo <= timex.start < hi:
                return TimeRef(value=timex.value, text=timex.text, timex_id=timex.id, mod=timex.mod)
        for ent in doc.ents:
            if ent.label_ == "DATE" and lo <= ent.start_char < hi:
                value = _date_value(ent.text)
                if value:
                    return TimeRef(value=value, text=ent.text)
        return None

    # ------------------------------------------------------------------ results

    def _found(self, doc, entity, title: Title, rule: str, start_tok: int, end_tok: int) -> Found:
        text = context(doc).text
        start = doc[start_tok].idx
        last = doc[end_tok - 1]
        t_start, t_last = doc[title.start].idx, doc[title.end - 1]
        return Found(
            entity=entity, title=title, rule=rule, start=start, end=last.idx + len(last),
            title_text=text[t_start : t_last.idx + len(t_last)], qualifier=title.qualifier,
        )

    def _merge(self, doc, doc_id: str, found: list[Found]) -> list[Role]:
        for f in found:
            f.evidence = [evidence(doc, f.start, f.end, f.rule)]
        # one affiliation stated anywhere for a person's title fills the same title elsewhere
        stated: dict[tuple[str, str], set[str]] = {}
        for f in found:
            if f.title.affiliation:
                stated.setdefault((f.entity.id, f.title.normalized), set()).add(f.title.affiliation)
        for f in found:
            options = stated.get((f.entity.id, f.title.normalized), set())
            if f.title.affiliation is None and len(options) == 1:
                f.title.affiliation = next(iter(options))
        merged: dict[tuple, Found] = {}
        for f in sorted(found, key=lambda f: (f.start, f.end, f.rule)):
            key = (f.entity.id, f.title.normalized, f.title.affiliation, f.qualifier)
            if key in merged:
                merged[key].evidence += f.evidence
                merged[key].time = merged[key].time or f.time
            else:
                merged[key] = f
        roles = list(merged.values())
        keep = []
        for f in roles:
            longer = next((g for g in roles if g is not f and _subsumes(g, f, self.rank_words)), None)
            if longer is not None:
                longer.evidence += f.evidence
            else:
                keep.append(f)
        out = []
        for f in keep:
            ev = sorted({(e.start, e.end, e.rule): e for e in f.evidence}.values(), key=lambda e: (e.start, e.end, e.rule))
            out.append(Role(
                id=stable_id("role", doc_id, f.entity.id, f.title.normalized, f.title.affiliation, f.qualifier),
                person=f.entity.name, person_entity_id=f.entity.id, title=f.title_text,
                title_normalized=f.title.normalized, affiliation=f.title.affiliation, qualifier=f.qualifier,
                time=f.time, evidence=ev,
            ))
        return sorted(out, key=lambda r: (r.evidence[0].start, r.id))


def _subsumes(longer: Found, shorter: Found, rank_words: set[str]) -> bool:
    """'foreign ministry spokesperson' holds 'spokesperson', 'secretary of state' holds 'secretary'
    (for the same person); 'vice president' does not hold 'president'."""
    if longer.entity.id != shorter.entity.id:
        return False
    a, b = longer.title.normalized, shorter.title.normalized
    if a.endswith(" " + b):
        if rank_words & set(a[: -len(b)].split()):
            return False
    elif not (" " not in b and a.startswith(b + " of ")):
        return False
    if shorter.title.affiliation not in (None, longer.title.affiliation):
        return False
    return shorter.qualifier in (None, longer.qualifier)


def _date_value(text: str) -> str | None:
    """A coarse value for a DATE entity when no timex covers it: the year, with the month if named."""
    year = _YEAR.search(text)
    if not year:
        return None
    month = next((i for i, m in enumerate(_MONTHS, 1) if m in fold(text) or fold(text).find(m[:3] + ".") >= 0), None)
    return f"{year.group(1)}-{month:02d}" if month else year.group(1)


@Language.factory(
    "claimweave_roles",
    assigns=["doc._.cw_roles"],
    requires=["doc._.cw_entities"],
    default_config={},
)
def make_roles(nlp: Language, name: str) -> RoleExtractor:
    ensure_extensions()
    return RoleExtractor()
