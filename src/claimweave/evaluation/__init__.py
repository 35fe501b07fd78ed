"""Scoring claimweave against gold annotations, one module per extraction family."""
