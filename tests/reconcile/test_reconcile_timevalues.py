"""Time values compared by granularity (claimweave.reconcile.timevalues)."""

from __future__ import annotations

import datetime as dt

import pytest

from claimweave.reconcile.timevalues import common_value, compatible, days_apart, fill_year, merge_times


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2024-12", "2024-12-08", True),
        ("2024", "2024-12-08", True),
        ("2025-01-28", "2025-02-03", False),
        ("2025-01", "2025-02-03", False),
        ("2025-W05", "2025-01-28", True),
        ("2025-Q1", "2025-02-03", True),
        ("2025-SU", "2025-07-31", True),
        ("XXXX-12-08", "2024-12-08", True),
        ("XXXX-12-08", "2024-12-09", False),
        ("2017", "2018", False),
    ],
)
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected
    assert compatible(b, a) is expected


@pytest.mark.parametrize(
    ("values", "merged", "conflicting"),
    [
        ([("2024-12", "a", None), ("2024-12-08", "b", None)], "2024-12-08", {}),
        ([("2025-01-28", "a", None), ("2025-02-03", "b", None), ("2025-01", "c", None)], "2025", {"2025-01-28": ["a"], "2025-02-03": ["b"]}),
        ([("2025-07", "a", "END"), ("2025-07-31", "b", None)], "2025-07-31", {}),
        ([("2025-06", "a", "APPROX"), ("2025-07-31", "b", None)], "2025-07-31", {}),
        ([("2018", "a", None), ("2017", "b", None), ("2018", "c", None)], None, {"2017": ["b"], "2018": ["a", "c"]}),
        ([("XXXX-01-28", "a", None), ("2025-01-28", "b", None)], "2025-01-28", {}),
    ],
)
def test_merge_times(values, merged, conflicting):
    result = merge_times(values)
    assert result.value == merged
    assert result.conflicts == conflicting


@pytest.mark.parametrize(
    ("values", "expected"),
    [(["2025-01-28", "2025-02-03"], "2025"), (["2025-01-03", "2025-01-28"], "2025-01"), (["2017", "2018"], None)],
)
def test_common_value(values, expected):
    assert common_value(values) == expected


@pytest.mark.parametrize(
    ("a", "b", "days"), [("2025-01-28", "2025-02-03", 6), ("2025-01", "2025-02-03", 3), ("2025", "2025-05-01", 0), ("XXXX-01-01", "2025-01-01", None)]
)
def test_days_apart(a, b, days):
    assert days_apart(a, b) == days


@pytest.mark.parametrize(
    ("value", "published", "expected"),
    [
        ("XXXX-12-08", "2025-01-29", "2024-12-08"),
        ("XXXX-01-28", "2025-08-04", "2025-01-28"),
        ("XXXX-09", "2025-08-04", "2025-09"),
        ("2025-01-28", "2025-08-04", "2025-01-28"),
    ],
)
def test_fill_year(value, published, expected):
    assert fill_year(value, published=dt.date.fromisoformat(published)) == expected
