"""JSON Schema of every output file, generated from the pydantic models (the one schema)."""

from __future__ import annotations

from claimweave.models import ClaimsFile, DocResult, EntitiesFile, RunInfo

OUTPUT_MODELS = {
    "document": DocResult,
    "entities": EntitiesFile,
    "claims": ClaimsFile,
    "run": RunInfo,
}


def output_schemas() -> dict[str, dict]:
    """``{file kind: JSON Schema}`` for documents/<id>.json, entities.json, claims.json, run.json."""
    return {name: model.model_json_schema(mode="serialization") for name, model in OUTPUT_MODELS.items()}
