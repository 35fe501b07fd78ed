"""Benchmarks: commands that measure speed and memory and print figures (never timed unit tests)."""
