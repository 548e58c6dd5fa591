"""The review log (保密审查记录) and its exports (CSV, JSON, DOCX, PDF), built from the workspace."""
