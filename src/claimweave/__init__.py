"""claimweave: a reviewable, citable record of who did what and when, from news articles."""

__version__ = "0.1.0"
