"""A lightweight detector for the queue-mechanics tests (the real engine runs end to end in
test_batch_cli.py): regular expressions for a marking, identity numbers and a few names, so 300 documents
take seconds. It obeys the worker-module contract of reviewer/core/service/batch/detect.py.

Markers in a document make it misbehave on purpose: CRASH-ME kills the process (as a reader's native
library would), HANG-ME never returns, SLOW-ME takes a second.
"""

from __future__ import annotations

import os
import re
import signal
import time

from reviewer.core.types import Category, Finding, Severity

MARKING = re.compile(r"(绝密|机密|秘密)★\d+年")
ID_NUMBER = re.compile(r"(?<!\d)\d{17}[\dX](?!\d)")
NAMES = re.compile(r"(张建国|李秀英|王小明|赵丽华)")
PAUSE = float(os.environ.get("REVIEWER_TEST_DETECT_PAUSE", "0.02"))  # a document's detection time


def setup() -> None:
    return None


def detect(document, threshold, *, terms=None):  # noqa: ANN001, ANN201 - term lists: the real engine's
    text = document.text
    if "CRASH-ME" in text:
        os.kill(os.getpid(), signal.SIGKILL)
    if "HANG-ME" in text:
        time.sleep(3600)
    if "SLOW-ME" in text:
        time.sleep(1.0)
    time.sleep(PAUSE)
    out = []
    for m in MARKING.finditer(text):
        out.append(
            Finding(
                "CLASSIFIED_MARKING",
                m.start(),
                m.end(),
                m.group(),
                0.97,
                "light_marking",
                "marking",
                Category.RESTRICTED,
                document.locate(m.start(), m.end()),
                Severity.BLOCK,
                {"level": m.group(1)},
            )
        )
    for m in ID_NUMBER.finditer(text):
        out.append(
            Finding(
                "CN_ID_CARD",
                m.start(),
                m.end(),
                m.group(),
                0.9,
                "light_id",
                "id number",
                locator=document.locate(m.start(), m.end()),
            )
        )
    for m in NAMES.finditer(text):
        out.append(
            Finding(
                "PERSON",
                m.start(),
                m.end(),
                m.group(),
                0.85,
                "light_name",
                "name",
                locator=document.locate(m.start(), m.end()),
            )
        )
    return sorted(out, key=lambda f: (f.start, f.end, f.entity_type))
