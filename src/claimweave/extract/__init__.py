"""claimweave's spaCy components, one module per extraction family."""
