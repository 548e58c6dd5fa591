"""The hash-chained audit log (chain.py), Ed25519 sign-off keys (signing.py), verification (verify.py,
consistency.py) and the review-log exports (review_log.py, log_export.py, export_*.py)."""
