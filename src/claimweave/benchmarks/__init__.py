"""Benchmarks: commands that measure claimweave and print figures (never pass/fail on speed)."""
