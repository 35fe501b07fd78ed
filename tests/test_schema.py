"""The JSON Schema generated from the models: a snapshot that fails when it changes unintentionally.

Regenerate deliberately with ``pytest tests/test_schema.py --force-regen`` and review the diff.
"""

from claimweave.schema import output_schemas


def test_schema_snapshot(data_regression):
    data_regression.check(output_schemas())


def test_every_model_forbids_unknown_fields():
    for name, schema in output_schemas().items():
        assert schema.get("additionalProperties") is False, name
