"""Word- and line-level tests the claims component applies to a predicate and its arguments:
headings, hyphenated verbs, misparsed clauses, tense, and whether a date is still to come."""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Token

from claimweave.extract.common import analysed_text
from claimweave.extract.modality import governors
from claimweave.models import Argument


def place_like(token: Token) -> bool:
    """A place after "visit to"/"talks in": a place entity, or a name the tagger took for a person."""
    return token.ent_type_ in ("GPE", "LOC", "FAC") or (token.pos_ == "PROPN" and token.ent_type_ in ("", "PERSON"))


def heading_line(token: Token) -> bool:
    """True when the token is in a heading: a short line not ended like a sentence, or the
    run-in title of a bullet ("Condemning Israeli Attacks: The minister denounced ...")."""
    text = analysed_text(token.doc)
    start = text.rfind("\n", 0, token.idx) + 1
    end = text.find("\n", token.idx)
    line = text[start : end if end != -1 else len(text)].strip()
    if len(line.split()) < 15 and line[-1:] not in ".!?:;,\"'\u201d\u2019)":
        return True
    colon = text.find(":", token.idx, end if end != -1 else len(text))
    if colon != -1:
        title = text[start:colon].strip(" \t\u2022*-\u2013")
        words = title.split()
        return 0 < len(words) <= 6 and sum(w[:1].isupper() for w in words) >= len(words) - 1
    return False


def same_line(argument: Token | None, predicate: Token) -> Token | None:
    """An argument across a line break from its predicate is a parse across a heading: drop it."""
    if argument is None:
        return None
    low, high = sorted((argument.i, predicate.i))
    doc = predicate.doc
    return None if any("\n" in doc[i].text_with_ws for i in range(low, high)) else argument


def hyphen_parts(head: Token) -> tuple[int, int]:
    """Token bounds of a hyphenated verb the tokenizer split ("re-examine" -> re, -, examine)."""
    doc = head.doc
    end = head.i + 1
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return head.i, end


def hyphen_tail(token: Token) -> bool:
    """The "examine" of "re-examine" is part of the predicate that starts at "re"."""
    doc = token.doc
    return token.i >= 2 and doc[token.i - 1].text == "-" and not doc[token.i - 1].whitespace_ and not doc[token.i - 2].whitespace_ and doc[token.i - 2].is_alpha


def misparsed_main_verb(verb: Token, children: list[Token]) -> bool:
    """A sentence whose root is a noun and whose only verb modifies it while taking an object
    ("A 2018 agreement granted the company the right") is a clause the parser got wrong."""
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBN")
        and verb.head.dep_ == "ROOT"
        and verb.head.pos_ == "NOUN"
        and verb.i == verb.head.i + 1
        and any(c.dep_ == "dobj" for c in children)
    )


def told_in_past(verb: Token) -> bool:
    """True when the clause is told in the past ("kept flying until 7 December", "had planned")."""
    chain = [verb] + [g for g, _ in governors(verb)]
    for token in chain:
        if token.tag_ == "VBD" or any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in token.children):
            return True
    return False


def wordlike(token: Token) -> bool:
    """Wire-service codes and stray capitals ("UR", "pvs") are not predicates."""
    text = token.text
    return len(text) > 1 and not text.isupper() and text.replace("-", "").isalpha()


def near(argument: Argument, head: Token) -> bool:
    """Arguments from the same sentence widen the evidence span; resolved ones from afar do not."""
    return near_span(argument.start, head)


def near_span(offset: int, head: Token) -> bool:
    sent = head.sent
    return sent.start_char <= offset < sent.end_char


def after_publication(value: str, published: dt.date | None) -> bool:
    """True when a timex value lies wholly after the publication date (the event is still to come)."""
    if published is None or not value[:4].isdigit():
        return False
    parts = value.split("-")
    try:
        year = int(parts[0])
        if len(parts) == 1:
            return year > published.year
        if parts[1].isdigit():
            month = int(parts[1])
            if len(parts) == 2:
                return (year, month) > (published.year, published.month)
            day = int(parts[2][:2])
            return dt.date(year, month, day) > published
    except ValueError:
        return False
    return False
