"""Name normalization for linking: folded tokens, phonetic skeletons and pairwise name comparison.

A name is reduced to folded tokens (ASCII, lowercase; possessive, leading titles, Arabic articles,
place designators dropped; romanization variants rewritten by ``patterns/reconcile/transliteration.json``).
Two tokens match when they differ only in vowels that romanizations use for one another (a/e, o/u,
i/y: Ahmed/Ahmad, Mohammed/Muhammad) or, for longer names, by one letter more with the same
consonants (Aleksandr/Aleksander), by two letters swapped (Giusti/Guisti) or by a doubled
consonant (Minnig/Mining). Arabic short vowels are not written, so romanizations differ mostly in
vowels, while consonants carry the identity of the name; the consonant skeleton with repeated
consonants made one (``block_key``) is also the blocking key.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz.distance import OSA, JaroWinkler

from claimweave.reconcile.rules import compiled_rewrites, linkage, name_rules, transliteration

_POSSESSIVE = re.compile(r"(?:['\u2019]s?)$")
_APOSTROPHES = re.compile(r"['\u2019\u2018\u02bb\u02bc\u02be\u02bf`]")
_WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*")


@dataclass(frozen=True)
class NameMatch:
    """Why two names denote the same entity: the rule and a similarity score in [0, 1]."""

    rule: str
    score: float


def ascii_fold(text: str) -> str:
    """Lowercase text without diacritics or apostrophes (``Şam`` -> ``sam``, ``Shar'a`` -> ``shara``)."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text).casefold()


@lru_cache(maxsize=65536)
def fold_token(token: str) -> str:
    """One name token with romanization variants folded (``tartous`` -> ``tartus``, ``sergey`` -> ``sergi``)."""
    for pattern, replacement in compiled_rewrites():
        token = pattern.sub(replacement, token)
    return token


@lru_cache(maxsize=65536)
def skeleton(token: str) -> str:
    """First letter plus the consonants of a folded token (``ahmad`` -> ``ahmd``)."""
    if not token:
        return ""
    vowels = transliteration().vowels
    return token[0] + "".join(c for c in token[1:] if c not in vowels)


_REPEATS = re.compile(r"(.)\1+")


@lru_cache(maxsize=65536)
def block_key(token: str) -> str:
    """The skeleton with repeated consonants made one: what spelling variants of a name share
    (``minnig`` and ``mining`` -> ``mng``), so that they land in one block to be compared."""
    return _REPEATS.sub(r"\1", skeleton(token))


@lru_cache(maxsize=65536)
def vowel_class(token: str) -> str:
    """A folded token with interchangeable vowels made one (``ahmed`` and ``ahmad`` -> ``ahmad``)."""
    classes = transliteration().vowel_classes
    return "".join(classes.get(c, c) for c in token)


def _split(text: str) -> list[str]:
    """Words of a name; hyphenated words split, attached articles (al-, el-, as-) dropped."""
    attached = set(name_rules().particles.attached)
    words = []
    for match in _WORD.finditer(text):
        parts = match.group().split("-")
        for i, part in enumerate(parts):
            if i < len(parts) - 1 and part in attached:
                continue
            words.append(part)
    return words


def _drop(words: list[str], unwanted: set[str], *, leading_only: bool) -> list[str]:
    """``words`` without ``unwanted`` ones, never dropping the last remaining word."""
    if leading_only:
        i = 0
        while i < len(words) - 1 and words[i] in unwanted:
            i += 1
        return words[i:]
    kept = [w for w in words if w not in unwanted]
    return kept or words[-1:]


@lru_cache(maxsize=262144)
def name_tokens(text: str, *, family: str) -> tuple[str, ...]:
    """Folded tokens of a name as written, for an entity family (PERSON, PLACE, ORG, ...)."""
    rules = name_rules()
    text = ascii_fold(_POSSESSIVE.sub("", text.strip()))
    words = _split(text)
    words = _drop(words, {"the"}, leading_only=True)
    if family == "PERSON":
        words = _drop(words, set(rules.titles.words), leading_only=True)
    elif family == "PLACE":
        words = _drop(words, set(rules.place_designators.words), leading_only=False)
    elif family == "ORG":
        # "the Marxist Tupac Amaru Revolutionary Movement": a description before the name
        while len(words) > 2 and words[0] in rules.linking.org_descriptors:
            words = words[1:]
        words = _drop(words, set(rules.org_stopwords.words), leading_only=False)
    words = [w for i, w in enumerate(words) if not (w in rules.particles.separate and i < len(words) - 1)]
    return tuple(t for t in (fold_token(w) for w in words) if t)


@lru_cache(maxsize=262144)
def display_name(text: str, *, family: str) -> str:
    """The name as written, without a leading title or a possessive (``Foreign Minister Shibani's`` -> ``Shibani``)."""
    text = _POSSESSIVE.sub("", " ".join(text.split()))
    if family != "PERSON":
        return re.sub(r"^the\s+(?=\S)", "", text, flags=re.I)
    titles = set(name_rules().titles.words)
    words = text.split(" ")
    while len(words) > 1 and ascii_fold(words[0]).strip(".") in titles:
        words = words[1:]
    return " ".join(words)


def token_similarity(a: str, b: str) -> float:
    """Similarity of two folded tokens, 0 when they are different names.

    Tokens match when they differ only in interchangeable vowels (Ahmed/Ahmad). Beyond that, one
    edit (a letter more or another, or two neighbours swapped) is a spelling variant when the
    consonants agree: for tokens of six letters or more with the same skeleton (Aleksandr/Aleksander,
    Giusti/Guisti, Minnig/Mining), and from five letters when the edit doubles a letter (Hasan/Hassan), since
    a vowel more or less in a short name is often another name (Karim/Karimi, Hamad/Hamid). The
    score is their Jaro-Winkler similarity.
    """
    if a == b:
        return 1.0
    ca, cb = vowel_class(a), vowel_class(b)
    if ca != cb and not _one_edit_variant(a, b, ca, cb):
        return 0.0
    return JaroWinkler.similarity(a, b)


def _one_edit_variant(a: str, b: str, ca: str, cb: str) -> bool:
    shortest = min(len(a), len(b))
    if shortest < 5 or block_key(a) != block_key(b) or OSA.distance(ca, cb) > 1:
        return False
    if skeleton(a) == skeleton(b):
        return shortest >= 6
    # Different skeletons: only when one has a consonant doubled where the other has it once
    # (tanig/taning, hasan/hassan), never another consonant (sasan/sanan: ssn/snn).
    short, long = sorted((skeleton(a), skeleton(b)), key=len)
    return len(long) == len(short) + 1 and any(
        long[i] == long[i + 1] and long[:i] + long[i + 1 :] == short for i in range(len(long) - 1)
    )


def compare_names(a: tuple[str, ...], b: tuple[str, ...], *, family: str) -> NameMatch | None:
    """Whether two folded names denote the same entity, and by which rule."""
    if not a or not b:
        return None
    if a == b:
        return NameMatch("same_folded_name", 1.0)
    least = linkage().token_similarity
    if len(a) == len(b):
        score = min(token_similarity(x, y) for x, y in zip(a, b))
        return NameMatch("transliteration_variant", round(score, 3)) if score >= least else None
    if family == "PERSON" and min(len(a), len(b)) >= 2:
        short, long = sorted((a, b), key=len)
        score = min(token_similarity(short[0], long[0]), token_similarity(short[-1], long[-1]))
        if score >= least and _is_subsequence(short[1:-1], long[1:-1]):
            return NameMatch("same_first_and_last_name", round(score, 3))
    return None


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(any(token_similarity(s, t) >= linkage().token_similarity for t in it) for s in short)
