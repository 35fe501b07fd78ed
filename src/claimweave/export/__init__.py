"""Exports of the reviewed record for datasets (JSON Lines, CSV, Parquet) and annotation tools."""
