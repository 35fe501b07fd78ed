"""Role titles: the lexicon, title normalization, and parsing a title phrase out of a parsed Doc.

A title phrase is what news writes around a name: "the former Syrian foreign minister",
"Kellogg's chairman and chief executive officer", "Special Presidential Envoy for Syria",
"deputy secretary-general of the United Nations". ``parse_phrase`` reads one from a token
position and returns the titles it holds, normalized, with qualifier and affiliation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

import spacy
from pydantic import BaseModel, ConfigDict
from spacy.tokens import Doc, Span

from claimweave import patterns
from claimweave.extract.common import folded_token_texts, token_texts
from claimweave.extract.people import fold

AFFILIATION_LABELS = {"ORG", "GPE", "NORP", "LOC", "FAC"}
STOP_BACK = {",", ";", ":", "(", ")", '"', "\u201c", "\u201d", "``", "''", "--", "\u2014"}
COORDINATORS = {"and", "&", ","}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class HeadEntry(_Strict):
    id: str
    forms: list[str]
    normalized: str | None = None
    portfolio: bool = False
    reorder: bool = False
    needs_affiliation: bool = False


class TitleFile(_Strict):
    description: str
    heads: list[HeadEntry]
    portfolios: dict[str, str]
    aliases: dict[str, str]
    org_heads: list[str]
    org_portfolios: list[str] = []


class QualifierEntry(_Strict):
    id: str
    words: list[str]
    qualifier: str | None


class RankEntry(_Strict):
    words: list[str]
    qualifier: str | None


class QualifierFile(_Strict):
    description: str
    qualifiers: list[QualifierEntry]
    rank: list[RankEntry]
    past_verbs: list[str]
    then_phrases: list[str]


class NationalityFile(_Strict):
    description: str
    nationalities: dict[str, str]


Words = tuple[str, ...]


@lru_cache(maxsize=1)
def _tokenizer():
    return spacy.blank("en").tokenizer


def words(text: str) -> Words:
    """Folded token texts of a lexicon form, tokenized the way the model tokenizes text."""
    return tuple(fold(t.text) for t in _tokenizer()(text))


@dataclass(frozen=True)
class Head:
    id: str
    normalized: str
    portfolio: bool
    reorder: bool = False
    needs_affiliation: bool = False


@dataclass
class TitleLexicon:
    """The title vocabulary, keyed by token tuples for matching."""

    heads: dict[Words, Head]
    portfolios: dict[Words, str]
    aliases: dict[str, str]
    qualifiers: dict[Words, tuple[str, str | None]]
    ranks: dict[str, str | None]
    nationalities: dict[Words, str]
    then_phrases: list[Words]
    org_portfolios: frozenset[str] = frozenset()
    max_head: int = 1
    max_portfolio: int = 1
    max_nationality: int = 1

    def match(self, table: dict[Words, object], low: list[str], pos: int, limit: int, longest: int) -> int:
        """Length of the longest key of ``table`` at ``low[pos:]`` (0 if none)."""
        for n in range(min(longest, limit - pos), 0, -1):
            if tuple(low[pos : pos + n]) in table:
                return n
        return 0


@lru_cache(maxsize=1)
def title_lexicon() -> TitleLexicon:
    titles = patterns.load("roles/titles.json", TitleFile)
    quals = patterns.load("roles/qualifiers.json", QualifierFile)
    nats = patterns.load("roles/nationalities.json", NationalityFile)
    heads: dict[Words, Head] = {}
    for entry in titles.heads:
        for form in entry.forms:
            norm = entry.normalized or form
            for key in _variants(form):
                heads.setdefault(key, Head(entry.id, norm, entry.portfolio, entry.reorder, entry.needs_affiliation))
    portfolios = {key: v for k, v in titles.portfolios.items() for key in _variants(k)}
    qualifiers = {words(w): (q.id, q.qualifier) for q in quals.qualifiers for w in q.words}
    ranks = {w: r.qualifier for r in quals.rank for w in r.words}
    nationalities = {tuple(t.text for t in _tokenizer()(v)): v for v in nats.nationalities.values()}
    nationalities.update({tuple(t.text for t in _tokenizer()(k)): v for k, v in nats.nationalities.items()})
    return TitleLexicon(
        heads=heads,
        portfolios=portfolios,
        aliases=titles.aliases,
        qualifiers=qualifiers,
        ranks=ranks,
        nationalities=nationalities,
        then_phrases=[words(p) for p in quals.then_phrases],
        org_portfolios=frozenset(titles.org_portfolios),
        max_head=max(map(len, heads)),
        max_portfolio=max(map(len, portfolios)),
        max_nationality=max(map(len, nationalities)),
    )


def _variants(form: str) -> set[Words]:
    """Token keys of a lexicon form as it may be cased in text ("U.S. Attorney" tokenizes unlike "u.s. attorney")."""
    return {words(form), words(form.title()), words(form.upper())}


def normalize_title(text: str) -> str:
    """The normalized form of a title as written: lowercase, one spelling, common synonyms unified.

    >>> normalize_title("Defence Minister")
    'defense minister'
    """
    lex = title_lexicon()
    low = list(words(text))
    parts: list[str] = []
    pos = 0
    while pos < len(low):
        n = lex.match(lex.heads, low, pos, len(low), lex.max_head)
        if n:
            head = lex.heads[tuple(low[pos : pos + n])]
            pos += n
            q = pos + 1 + (pos + 1 < len(low) and low[pos + 1] == "the")
            k = lex.match(lex.portfolios, low, q, len(low), lex.max_portfolio) if pos < len(low) and low[pos] in ("of", "for") else 0
            if head.reorder and k:
                parts.append(lex.portfolios[tuple(low[q : q + k])])  # "minister of health" -> "health minister"
                pos = q + k
            parts.append(head.normalized)
            continue
        n = lex.match(lex.portfolios, low, pos, len(low), lex.max_portfolio)
        if n:
            parts.append(lex.portfolios[tuple(low[pos : pos + n])])
            pos += n
            continue
        if low[pos] not in lex.ranks and (low[pos],) in lex.qualifiers:
            pos += 1
            continue
        parts.append(low[pos])
        pos += 1
    return _finish(" ".join(parts))


def _finish(title: str) -> str:
    lex = title_lexicon()
    title = re.sub(r"\s*-\s*", "-", title)
    title = re.sub(r"\bdefence\b", "defense", " ".join(title.split()))
    return lex.aliases.get(title, title)


def affiliation_name(text: str) -> str:
    """An affiliation as the country or organisation name: "Syrian" -> Syria, "the U.N." -> United Nations."""
    lex = title_lexicon()
    text = re.sub(r"['\u2019]s?$", "", " ".join(text.split())).strip()
    text = re.sub(r"^(?:the|The)\s+", "", text)
    key = tuple(t.text for t in _tokenizer()(text))
    return lex.nationalities.get(key, text)


# --------------------------------------------------------------------------- parsing a phrase


@dataclass
class Title:
    """One title found in a phrase (a coordinated phrase holds several)."""

    start: int  # token offsets of the title words as written
    end: int
    normalized: str
    head_id: str
    qualifier: str | None = None
    affiliation: str | None = None
    affiliation_from: str | None = None  # nationality | possessive | org | of
    needs_affiliation: bool = False


@dataclass
class Phrase:
    start: int
    end: int
    titles: list[Title] = field(default_factory=list)
    qualifier: str | None = None


class PhraseParser:
    """Reads title phrases from a Doc whose entities (``ents``) are trusted for affiliations."""

    def __init__(self, doc: Doc, ents: list[Span]) -> None:
        self.doc = doc
        self.lex = title_lexicon()
        self.low = folded_token_texts(doc)
        self.texts = token_texts(doc)
        self.ent_at: dict[int, Span] = {e.start: e for e in ents}
        self.in_ent: dict[int, Span] = {i: e for e in ents for i in range(e.start, e.end)}

    # ----------------------------------------------------------------- pieces

    def _possessive(self, pos: int, limit: int) -> int:
        return 1 if pos < limit and self.low[pos] in ("'s", "'", "\u2019s") else 0

    def _affiliation_prefix(self, pos: int, limit: int) -> tuple[int, str | None, str | None] | None:
        """A nationality, organisation or possessive before a title: (tokens used, affiliation, kind)."""
        lex, doc = self.lex, self.doc
        ent = self.ent_at.get(pos)
        if ent is not None and ent.end <= limit:
            n = ent.end - pos
            poss = self._possessive(ent.end, limit)
            if ent.label_ == "PERSON":
                # "Putin's special envoy", "a senior Arafat aide": the person is no affiliation
                if poss or lex.match(lex.heads, self.low, ent.end, limit, lex.max_head):
                    return n + poss, None, None
                return None
            if ent.label_ == "LOC":
                return n + poss, None, None  # a region ("Middle East peace envoy") is the portfolio's, not an affiliation
            k = lex.match(lex.nationalities, self.texts, pos, ent.end, lex.max_nationality)
            rest = lex.match(lex.portfolios, self.low, pos + k, ent.end, lex.max_portfolio) if k else 0
            if ent.label_ == "ORG" and rest and rest == ent.end - pos - k and lex.portfolios[tuple(self.low[pos + k : ent.end])] not in lex.org_portfolios:
                # "US National Security" tagged ORG before "Adviser": a nationality, then the portfolio
                return k, lex.nationalities[tuple(self.texts[pos : pos + k])], "nationality"
            if ent.label_ == "ORG" and tuple(self.low[pos : ent.end]) in lex.portfolios and lex.match(lex.heads, self.low, ent.end, limit, lex.max_head):
                return None  # "Commerce Secretary": the model's ORG is the portfolio
            if ent.label_ in AFFILIATION_LABELS:
                name = affiliation_name(ent.text)
                return n + poss, name, "possessive" if poss else ("nationality" if name != ent.text else "org")
        n = lex.match(lex.heads, self.low, pos, limit, lex.max_head)
        if n and self._possessive(pos + n, limit):
            return n + 1, None, None  # "Secretary-General's Special Representative"
        n = lex.match(lex.nationalities, self.texts, pos, limit, lex.max_nationality)
        inside = self.in_ent.get(pos)
        if n and (inside is None or inside.label_ != "PERSON"):
            name = lex.nationalities[tuple(self.texts[pos : pos + n])]
            poss = self._possessive(pos + n, limit)
            return n + poss, name, "possessive" if poss else "nationality"
        # "the company's", "the country's": the affiliation is a pronoun-like noun, not a name
        if pos + 1 < limit and doc[pos].pos_ == "NOUN" and self._possessive(pos + 1, limit):
            return 2, None, None
        return None

    def _core(self, pos: int, limit: int) -> tuple[int, list[tuple[str, str]], Head, int] | None:
        """Ranks and portfolios then a head: (end, [(kind, word)], head, first title token)."""
        lex, low = self.lex, self.low
        best = None
        pieces: list[tuple[str, str]] = []
        p = pos
        while p < limit and len(pieces) <= 5:
            if self.in_ent.get(p) is not None and self.in_ent[p].label_ == "PERSON":
                break
            n = lex.match(lex.heads, low, p, limit, lex.max_head)
            if n:
                head = lex.heads[tuple(low[p : p + n])]
                if best is None or p + n > best[0]:
                    best = (p + n, list(pieces), head, pos)
            np_ = lex.match(lex.portfolios, low, p, limit, lex.max_portfolio)
            if np_:
                value = lex.portfolios[tuple(low[p : p + np_])]
                pieces.append(("org", f"{p}:{p + np_}") if value in lex.org_portfolios else ("portfolio", value))
                p += np_
            elif low[p] in lex.ranks:
                pieces.append(("rank", low[p]))
                p += 1
            elif low[p] == "-" and pieces:
                p += 1
            else:
                break
        return best

    def _tail(self, pos: int, limit: int, head: Head, pieces: list) -> tuple[int, list, str | None, str | None]:
        """What follows a head: portfolio (minister of health), destination (envoy for Syria), 'of ORG'."""
        lex, low, doc = self.lex, self.low, self.doc
        affiliation = kind = None
        if pos + 1 < limit and low[pos] in ("of", "for"):
            q = pos + 1 + (low[pos + 1] == "the")
            n = lex.match(lex.portfolios, low, q, limit, lex.max_portfolio)
            if n and head.reorder and not self._entity_starts(q, "ORG"):
                pieces = [*pieces, ("portfolio", lex.portfolios[tuple(low[q : q + n])])]
                pos = q + n
        if pos + 1 < limit and low[pos] == "-" and low[pos + 1] in ("designate", "elect"):
            pos += 2
        n = lex.match(lex.portfolios, low, pos, limit, lex.max_portfolio)
        if n and not head.reorder and doc[pos].pos_ == "NOUN" and (pos + n >= limit or doc[pos + n].pos_ not in ("NOUN", "PROPN")):
            pos += n  # "vice president finance": the portfolio after the head is not part of the title
        if pos + 1 < limit and low[pos] in ("for", "to"):
            q = pos + 1 + (low[pos + 1] == "the")
            ent = self.ent_at.get(q) or self.ent_at.get(pos + 1)
            n = lex.match(lex.portfolios, low, q, limit, lex.max_portfolio)
            if ent is not None and ent.label_ in AFFILIATION_LABELS and ent.end <= limit:
                pos = ent.end
            elif n:
                pos = q + n
            elif q < limit and self.texts[q][:1].isupper() and self.in_ent.get(q) is None:
                # "Envoy for Libya Oleg Markov": a destination the model left untagged
                while (
                    q < limit and self.texts[q][:1].isupper() and self.in_ent.get(q) is None and doc[q].pos_ == "PROPN"
                    and not lex.match(lex.heads, low, q, limit, lex.max_head) and low[q] not in lex.ranks
                ):
                    q += 1
                pos = q if q > pos + 1 + (low[pos + 1] == "the") else pos
        if pos + 1 < limit and low[pos] == "of" and not head.reorder and pos + 1 not in self.in_ent:
            # "director of corporate affairs": a lowercase field after 'of' names the office itself
            q = pos + 1
            while q < limit and doc[q].pos_ in ("ADJ", "NOUN") and doc[q].text.islower() and q not in self.in_ent:
                q += 1
            if q > pos + 1 and doc[q - 1].pos_ == "NOUN" and (q >= limit or doc[q].pos_ not in ("ADP",) or low[q] != "of"):
                pieces = [*pieces, ("of", " ".join(low[pos + 1 : q]))]
                pos = q
        if pos + 1 < limit and low[pos] in ("of", "at", "with"):
            q = pos + 1
            ent = self.ent_at.get(q)
            if ent is None and low[q] == "the":
                ent = self.ent_at.get(q + 1)
            if ent is not None and ent.end + 2 < limit and low[ent.end] == "-" and low[ent.end + 1] == "based":
                ent = self.ent_at.get(ent.end + 2)  # "at San Francisco-based 1st Nationwide Bank"
            if ent is not None and ent.label_ in AFFILIATION_LABELS and ent.end <= limit:
                affiliation, kind = affiliation_name(ent.text), "of"
                pos = ent.end
                if self._possessive(pos, limit):
                    # "head of Syria's transitional authorities": the country owns the body
                    pos += 1
                    start = pos
                    while pos < limit and pos - start < 8 and (
                        doc[pos].pos_ in ("ADJ", "NOUN", "PROPN") or low[pos] == "and" and pos + 1 < limit and doc[pos + 1].pos_ in ("ADJ", "NOUN")
                    ) and not self._entity_starts(pos, "PERSON"):
                        pos += 1
        return pos, pieces, affiliation, kind

    def _entity_starts(self, pos: int, label: str) -> bool:
        ent = self.ent_at.get(pos)
        return ent is not None and ent.label_ == label

    # ----------------------------------------------------------------- phrase

    def parse(self, pos: int, limit: int) -> Phrase | None:
        """The longest title phrase starting at token ``pos`` and ending at or before ``limit``."""
        lex, low = self.lex, self.low
        start = pos
        qualifier = None
        prefix_aff: tuple[str | None, str | None] = (None, None)
        aff_start = aff_end = pos
        pre_ranks: list[str] = []
        if pos < limit and low[pos] in ("the", "a", "an", "its", "his", "her", "their", "our"):
            pos += 1
        for _ in range(6):
            if pos >= limit:
                break
            n = lex.match(lex.qualifiers, low, pos, limit, 2)
            if n and low[pos] not in lex.ranks:
                qualifier = qualifier or lex.qualifiers[tuple(low[pos : pos + n])][1]
                pos += n
                if pos < limit and low[pos] == "-":
                    pos += 1
                continue
            n = lex.match(lex.heads, low, pos, limit, lex.max_head)
            if n and not self._entity_starts(pos, "ORG") and not self._possessive(pos + n, limit):
                break
            got = self._affiliation_prefix(pos, limit)
            if got is None and low[pos] in lex.ranks and pos + 1 < limit and low[pos + 1] not in lex.ranks:
                # "a senior Arafat aide", "the deputy Syrian foreign minister": the rank goes to the title
                after = self._affiliation_prefix(pos + 1, limit)
                if after is not None:
                    pre_ranks.append(low[pos])
                    pos += 1
                    got = after
            if got is None:
                break
            used, name, kind = got
            if name is not None and prefix_aff[0] is None:
                prefix_aff = (name, kind)
                aff_start, aff_end = pos, pos + used
            elif name is not None and kind == "org" and prefix_aff[1] == "nationality":
                # "Soviet Foreign Ministry spokesman": the ministry, named with its country
                prefix_aff = (affiliation_name(self.doc[aff_start : pos + used].text), "org")
            pos += used
        titles: list[Title] = []
        end = None
        while True:
            q = pos
            q_qual = None
            while q < limit and (low[q],) in lex.qualifiers and low[q] not in lex.ranks and titles:
                q_qual = lex.qualifiers[(low[q],)][1]
                q += 1
            core = self._core(q, limit)
            if core is None:
                break
            c_end, pieces, head, first = core
            if not titles and pre_ranks:
                pieces = [*(("rank", w) for w in pre_ranks), *pieces]
            c_end, pieces, affiliation, kind = self._tail(c_end, limit, head, pieces)
            orgs = [w for k, w in pieces if k == "org"]
            pieces = [(k, w) for k, w in pieces if k != "org"]
            if orgs and affiliation is None:
                # "Chinese Foreign Ministry spokesman": the ministry, named with its country
                o_start, o_end = (int(x) for x in orgs[0].split(":"))
                if prefix_aff[1] == "nationality" and aff_end == o_start:
                    o_start = aff_start
                if prefix_aff[1] in ("org", "possessive") and aff_end == o_start:
                    affiliation, kind = prefix_aff  # "the Weglowa company spokesman": Weglowa
                elif o_end - o_start == 1 and self.texts[o_start].islower() and prefix_aff[0] is None:
                    affiliation, kind = None, None  # "the ministry spokesman": which ministry is not said
                else:
                    affiliation, kind = affiliation_name(self.doc[o_start:o_end].text), "org"
                first = max(first, o_end) if first < o_end and not any(k == "rank" for k, _ in pieces) else first
            rank_qual = next((lex.ranks[w] for k, w in pieces if k == "rank" and lex.ranks.get(w)), None)
            titles.append(Title(
                start=first, end=c_end, normalized=self._normalized(pieces, head), head_id=head.id, needs_affiliation=head.needs_affiliation,
                qualifier=q_qual or qualifier or rank_qual, affiliation=affiliation, affiliation_from=kind,
            ))
            end = c_end
            # coordination: "chairman and chief executive", "chairman, president and chief executive"
            if c_end < limit and low[c_end] in COORDINATORS:
                nxt = c_end + 1 + (c_end + 1 < limit and low[c_end + 1] == "and")
                if nxt < limit and self._core(nxt, limit) is not None or (
                    nxt < limit and (low[nxt],) in lex.qualifiers and self._core(nxt + 1, limit) is not None
                ):
                    pos = nxt
                    continue
                # "finance director and a Reuters board director": a full phrase of its own
                if nxt < limit and low[c_end] == "and" and low[nxt] in ("a", "an", "the"):
                    sub = self.parse(nxt, limit)
                    if sub is not None:
                        titles += sub.titles
                        end = sub.end
            break
        if not titles:
            return None
        shared = next((t.affiliation for t in reversed(titles) if t.affiliation_from == "of"), None)
        for title in titles:
            if title.affiliation is None:
                if prefix_aff[0] is not None:
                    title.affiliation, title.affiliation_from = prefix_aff
                elif shared is not None:
                    title.affiliation, title.affiliation_from = shared, "of"
        titles = [t for t in titles if not (t.needs_affiliation and t.affiliation is None and " " not in t.normalized)]
        if not titles:
            return None
        return Phrase(start=start, end=end, titles=titles, qualifier=qualifier)

    def _normalized(self, pieces: list[tuple[str, str]], head: Head) -> str:
        ranks = [w for k, w in pieces if k == "rank"]
        portfolio = [w for k, w in pieces if k == "portfolio"]
        field_ = [f"of {w}" for k, w in pieces if k == "of"]
        return _finish(" ".join([*ranks, *portfolio, head.normalized, *field_]))

    def then_follows(self, pos: int) -> bool:
        """'at the time' right after a phrase: the role held then, not now."""
        return any(tuple(self.low[pos : pos + len(p)]) == p for p in self.lex.then_phrases)


def title_before(doc: Doc, parser: PhraseParser, start: int, honorifics: set[str], person_tokens: set[int]) -> tuple[Phrase | None, int]:
    """The longest title phrase ending right before a name at token ``start`` (an honorific such as
    'Sir' may sit between): "Russian President Vladimir Putin". Returns the phrase and its limit."""
    limit = start
    if limit > 0 and parser.low[limit - 1] in honorifics:
        limit -= 1  # "Jaguar Chairman Sir John Egan"
    best = None
    floor = max(doc[start].sent.start, limit - 20)
    for j in range(limit - 1, floor - 1, -1):
        if j in person_tokens or doc[j].text in STOP_BACK or doc[j].is_space:
            break
        phrase = parser.parse(j, limit)
        if phrase is not None and phrase.end == limit:
            best = phrase
    return best, limit
