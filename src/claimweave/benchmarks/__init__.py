"""Benchmarks: commands that time claimweave's stages and print ratios (never run as unit tests)."""
