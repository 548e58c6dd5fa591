"""One process-wide lock for pdfium, which is not thread-safe, not even across different documents.

Every pdfium call in the process (reading here, rendering in the UI, redaction and verification)
should hold this lock; it is re-entrant, so a caller that already holds it can call the reader.
"""

from __future__ import annotations

import threading

PDFIUM_LOCK = threading.RLock()
