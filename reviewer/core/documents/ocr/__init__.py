"""OCR: text read from scanned pages and pictures, with a box per character (see engine.py, pool.py)."""
