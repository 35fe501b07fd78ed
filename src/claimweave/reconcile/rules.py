"""The reconciliation rule files (``patterns/reconcile/*.json``), validated on load."""

from __future__ import annotations

import re
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field

from claimweave.patterns import load


class Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Particles(Rule):
    id: str
    attached: list[str] = Field(description="Articles written joined by a hyphen: al-Sharaa, as-Suwayda.")
    separate: list[str] = Field(description="Articles that are dropped when written as a word: al Sharaa.")


class WordList(Rule):
    id: str
    words: list[str]


class EntityLinking(Rule):
    id: str
    same_story_names: int = Field(description="Names two documents must share to be read as one story.")
    usual_short_name_docs: int = Field(
        description="Documents that must call one person by a shared surname alone before a bare surname elsewhere goes to them."
    )
    org_descriptors: list[str] = Field(
        description="Words news puts before an organisation's name that are not part of it (the Marxist ... Movement)."
    )
    org_qualifiers: list[str] = Field(
        description="Words besides nationalities that qualify a generic organisation name (International Red Cross)."
    )
    generic_institutions: list[str] = Field(
        default_factory=list,
        description="Institutions every country has (Congress, Parliament): one name, one entity only within a country or story.",
    )


class NameRules(Rule):
    particles: Particles
    titles: WordList
    place_designators: WordList
    org_stopwords: WordList
    linking: EntityLinking


class Rewrite(Rule):
    id: str
    from_: str = Field(alias="from")
    to: str


class Transliteration(Rule):
    id: str
    description: str
    rewrites: list[Rewrite]
    vowels: str
    vowel_classes: dict[str, str] = Field(description="Vowels romanizations use for one another (e -> a: Ahmed/Ahmad).")


class PredicateClass(Rule):
    id: str
    lemmas: list[str]


class Linkage(Rule):
    id: str
    token_similarity: float = Field(description="Least Jaro-Winkler similarity of two folded name tokens.")
    same_event_days: int = Field(description="Dated claims this close with the same actors are one event.")
    role_window_days: int = Field(description="Current roles this close in time can conflict.")
    max_block: int = Field(description="Blocks larger than this are split further before comparing pairs.")
    context_classes: dict[str, int] = Field(
        default_factory=dict,
        description="Event classes whose claims merge on shared sentence context, with how many shared place or "
        "organisation names it takes (one shared person always suffices): a broad class such as contact needs two.",
    )
    context_days: int = Field(default=7, description="Values this precise (days covered) can merge on shared context.")
    broad_classes: list[str] = Field(
        default_factory=list,
        description="Event classes so common (a meeting, a call) that shared country names are no evidence of one event.",
    )
    class_families: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Event classes that sources use for one occasion (a raid is told as storming, freeing, "
        "killing): claims of one family on the same day join only with strong shared evidence.",
    )
    story_names: int = Field(
        default=3,
        description="Names, not countries, two documents must share to be read as one story: a one-source report "
        "of a family joins the one event of that story and day that several sources tell.",
    )
    reporting_words: list[str] = Field(
        default_factory=list,
        description="Words of attribution (\"a police source told\"): a phrase with one is no evidence of one event.",
    )
    families: dict[str, str]
    former_qualifiers: list[str]
    symmetric_predicates: list[str]
    predicate_classes: list[PredicateClass]
    light_verbs: list[str] = Field(description="Verbs whose object names the event: hold talks, pay a visit.")
    relation_verbs: list[str] = Field(
        default_factory=list, description="Verbs whose object is the event their time dates: the call followed a visit."
    )
    occurrence_verbs: list[str] = Field(
        default_factory=list, description="Verbs whose subject names the event: the summit took place."
    )
    title_modifiers: list[str] = Field(description="Title words that do not change the office (special, acting).")
    compatible_titles: list[list[str]] = Field(description="Titles one person can hold at once, or that name one office.")
    title_synonyms: dict[str, str] = Field(
        default_factory=dict, description="Title words that name the same rank of office (vice -> deputy)."
    )
    coexisting_titles: list[str] = Field(
        default_factory=list,
        description="Ranks and loose titles held alongside any office (a general who becomes prime minister).",
    )


@lru_cache(maxsize=None)
def name_rules() -> NameRules:
    return load("reconcile/names.json", NameRules)


@lru_cache(maxsize=None)
def transliteration() -> Transliteration:
    return load("reconcile/transliteration.json", Transliteration)


@lru_cache(maxsize=None)
def compiled_rewrites() -> tuple[tuple[re.Pattern, str], ...]:
    return tuple((re.compile(r.from_), r.to) for r in transliteration().rewrites)


@lru_cache(maxsize=None)
def linkage() -> Linkage:
    return load("reconcile/linkage.json", Linkage)


class Nationalities(Rule):
    description: str
    nationalities: dict[str, str] = Field(description="Nationality adjective or metonym -> country name.")


@lru_cache(maxsize=None)
def nationalities() -> dict[str, str]:
    """The roles' nationality lexicon ("Syrian" -> "Syria"), shared so both stages read one list."""
    return load("roles/nationalities.json", Nationalities).nationalities
