"""The output schema: pydantic models are the one definition of every file claimweave writes."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Model(BaseModel):
    """Base for every output model: unknown fields are errors, field order is fixed."""

    model_config = ConfigDict(extra="forbid")


# --------------------------------------------------------------------------- provenance


class Evidence(Model):
    """Where an item came from: `text == file_text[start:end]` always holds."""

    doc_id: str
    start: int
    end: int
    text: str
    sentence: str = Field(description="The sentence (or line) that contains the span.")
    rule: str = Field(description="Id of the rule or pattern that produced the item.")
    line: int | None = Field(default=None, description="1-based line of a .jsonl record.")


class Mention(Model):
    """One occurrence of an entity in a document."""

    doc_id: str
    start: int
    end: int
    text: str


# --------------------------------------------------------------------------- per document


class DocumentInfo(Model):
    """What was read: identity, metadata and how the publication date was obtained."""

    id: str
    path: str = Field(description="The input file as given on the command line (relative stays relative).")
    format: Literal["txt", "md", "jsonl", "html"]
    line: int | None = Field(default=None, description="1-based line in a .jsonl file.")
    source: str | None = None
    title: str | None = None
    url: str | None = None
    language: str | None = None
    published: str | None = Field(default=None, description="ISO date, or null when unknown.")
    published_from: Literal["front_matter", "marker", "metadata", "option", "inferred"] | None = None
    sha256: str = Field(description="SHA-256 of the text the offsets refer to.")
    text_path: str | None = Field(
        default=None,
        description="For .jsonl and .html: the stored text (relative to OUTDIR) the offsets refer to.",
    )
    body_start: int = Field(description="Offset where the article body starts (after front matter).")
    masked: list[tuple[int, int]] = Field(
        default_factory=list,
        description="Character ranges not analysed: front matter, date marker, page chrome, repeated lines.",
    )
    warnings: list[str] = Field(default_factory=list)


class DocEntity(Model):
    """A named entity of one document: all its mentions under one canonical name."""

    id: str
    label: str
    name: str
    mentions: list[Mention]
    rule: str = "spacy_ner"


class TimexAnchor(Model):
    """What a relative time expression was resolved against."""

    kind: Literal["absolute", "publication", "narrative", "event", "none"]
    value: str | None = Field(default=None, description="Value of the anchor (a date), when known.")
    text: str | None = Field(default=None, description="Anchor text, e.g. an event phrase.")


class Timex(Model):
    """A TIMEX3-style time expression."""

    id: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    mod: str | None = None
    anchor: TimexAnchor
    resolved: bool = Field(description="False when part of the value is unknown (X) or unresolved.")
    evidence: Evidence


class Argument(Model):
    """A participant of a claim or agreement, linked to an entity when it is one."""

    text: str
    start: int
    end: int
    entity_id: str | None = None


class TimeRef(Model):
    """The normalized time that dates a claim, role or agreement term."""

    value: str
    text: str
    timex_id: str | None = None
    mod: str | None = None


class Role(Model):
    """A person holding a title, as the text states it."""

    id: str
    person: str = Field(description="Full name of the person as the document knows it.")
    person_entity_id: str | None = None
    title: str = Field(description="Title as written.")
    title_normalized: str
    affiliation: str | None = None
    qualifier: str | None = None
    time: TimeRef | None = None
    evidence: list[Evidence]


class Predicate(Model):
    lemma: str
    text: str
    start: int | None = Field(default=None, description="Offset of the predicate word (text == file_text[start:end]).")
    end: int | None = None


class Attribution(Model):
    """Who says so: the source of a reported claim and the cue that marks it."""

    source: str
    entity_id: str | None = None
    cue: str


Modality = Literal["asserted", "reported", "hedged", "negated", "planned", "conditional"]


class Claim(Model):
    """Who did what to whom, when and where, and who says so."""

    id: str
    predicate: Predicate
    subject: Argument | None = None
    object: Argument | None = None
    participants: list[Argument] = Field(default_factory=list)
    location: Argument | None = None
    time: TimeRef | None = None
    attribution: Attribution | None = None
    modality: Modality = "asserted"
    modality_cue: str | None = None
    evidence: list[Evidence]


class Quote(Model):
    """A direct quotation and its speaker."""

    id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_entity_id: str | None = None
    evidence: list[Evidence]


class Expiry(Model):
    value: str
    computed: bool = Field(description="True when computed from signed + duration.")


class Renewal(Model):
    automatic: bool | None = None
    period: str | None = None
    text: str


class Agreement(Model):
    """An agreement and its terms; every field has its own evidence in `field_evidence`."""

    id: str
    kind: str
    text: str = Field(description="The phrase naming the agreement.")
    parties: list[Argument] = Field(default_factory=list)
    asset: str | None = None
    signed: list[str] = Field(default_factory=list)
    duration: str | None = None
    expires: Expiry | None = None
    renewal: Renewal | None = None
    status: str | None = None
    field_evidence: dict[str, Evidence] = Field(default_factory=dict)
    evidence: list[Evidence]


class DocResult(Model):
    """Everything extracted from one document."""

    document: DocumentInfo
    entities: list[DocEntity] = Field(default_factory=list)
    timexes: list[Timex] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)
    claims: list[Claim] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    agreements: list[Agreement] = Field(default_factory=list)


# --------------------------------------------------------------------------- reconciled


class MatchEvidence(Model):
    """Why two names were merged into one entity."""

    names: tuple[str, str]
    rule: str
    score: float | None = None


class EntityRole(Model):
    title_normalized: str
    affiliation: str | None = None
    qualifier: str | None = None
    role_ids: list[str]


class Entity(Model):
    """One real-world person, place or organisation across all documents."""

    id: str
    label: str
    name: str
    aliases: list[str]
    mentions: list[Mention]
    roles: list[EntityRole] = Field(default_factory=list)
    sources: list[str] = Field(default_factory=list)
    match_evidence: list[MatchEvidence] = Field(default_factory=list)


class EntitiesFile(Model):
    entities: list[Entity]


class ConflictValue(Model):
    value: str
    sources: list[str]


class Conflict(Model):
    field: str
    values: list[ConflictValue]


Status = Literal["corroborated", "single_source", "conflicting"]


FieldValue = str | list[str] | None

ReviewState = Literal["unreviewed", "accepted", "rejected", "corrected"]


class ReviewEvent(Model):
    """One reviewer decision as applied to an item (see ``claimweave.review``)."""

    decision_id: str
    at: str = Field(description="When the decision was made (ISO 8601, UTC).")
    action: Literal["accept", "reject", "correct"]
    field: str | None = None
    value: FieldValue = Field(default=None, description="The corrected value (for `correct`).")
    previous: FieldValue = Field(default=None, description="The value the field had before this correction.")
    note: str | None = None
    by: str | None = None


class Review(Model):
    """The review state of a reconciled item, rebuilt from OUTDIR/decisions.jsonl on every run."""

    state: ReviewState = "unreviewed"
    corrected: list[str] = Field(default_factory=list, description="Fields whose value a reviewer corrected.")
    original: dict[str, FieldValue] = Field(
        default_factory=dict, description="The extracted value of every corrected field."
    )
    history: list[ReviewEvent] = Field(default_factory=list)


class ReconciledClaim(Model):
    id: str
    predicate: str
    subject: str | None = None
    subject_entity_id: str | None = None
    object: str | None = None
    object_entity_id: str | None = None
    location: str | None = None
    time: str | None = None
    modality: Modality
    attribution: list[str] = Field(default_factory=list)
    members: list[str] = Field(description="Ids of the per-document claims merged here.")
    sources: list[str]
    evidence: list[Evidence]
    status: Status
    conflicts: list[Conflict] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)


class ReconciledRole(Model):
    id: str
    person: str
    entity_id: str | None = None
    title_normalized: str
    affiliation: str | None = None
    qualifier: str | None = None
    time: str | None = None
    members: list[str]
    sources: list[str]
    evidence: list[Evidence]
    status: Status
    conflicts: list[Conflict] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)


class ReconciledAgreement(Model):
    id: str
    kind: str
    parties: list[str]
    asset: str | None = None
    signed: list[str] = Field(default_factory=list)
    duration: str | None = None
    expires: str | None = None
    renewal: str | None = None
    status_value: str | None = Field(default=None, description="The agreement's own status (in force, ...).")
    members: list[str]
    sources: list[str]
    evidence: list[Evidence]
    status: Status
    conflicts: list[Conflict] = Field(default_factory=list)
    review: Review = Field(default_factory=Review)


class ClaimsFile(Model):
    claims: list[ReconciledClaim]
    roles: list[ReconciledRole]
    agreements: list[ReconciledAgreement]


class RunError(Model):
    path: str
    message: str


class RunInfo(Model):
    """What produced a run: versions, settings, counts, timings, errors."""

    claimweave_version: str
    spacy_version: str
    model: str
    model_version: str
    settings: dict[str, str | int | float | bool | None]
    counts: dict[str, int]
    timings: dict[str, float]
    errors: list[RunError]
    warnings: list[RunError]
    started_at: str
