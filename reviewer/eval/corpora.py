"""Readers for the public Chinese NER corpora in ``../shared/data/ner`` mapped to one label scheme.

Every reader yields ``Example(text, spans)`` with character offsets (end exclusive) and labels from
``models.LABELS``: PERSON, LOCATION (addresses and place names), ORGANIZATION (companies, government
bodies, other organisations). Labels outside the scheme (CLUENER book/game/movie/position/scene, Resume
TITLE/EDU/PRO/RACE/CONT, Weibo nominal mentions) are dropped, i.e. trained as "O".
The corpora stay outside the repository; see models/README.md for provenance and licences.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reviewer.core.resources import PROJECT_ROOT

# the public NER corpora beside the project (../shared/data/ner): evaluation and training only, never shipped
DATA_DIR = Path(os.environ.get("REVIEWER_NER_DATA", PROJECT_ROOT.parent / "shared" / "data" / "ner"))

CLUENER_MAP = {
    "name": "PERSON",
    "address": "LOCATION",
    "company": "ORGANIZATION",
    "government": "ORGANIZATION",
    "organization": "ORGANIZATION",
}
BIO_MAP = {"PER": "PERSON", "LOC": "LOCATION", "ORG": "ORGANIZATION"}
RESUME_MAP = {"NAME": "PERSON", "ORG": "ORGANIZATION", "LOC": "LOCATION"}
WEIBO_MAP = {"PER.NAM": "PERSON", "LOC.NAM": "LOCATION", "GPE.NAM": "LOCATION", "ORG.NAM": "ORGANIZATION"}


@dataclass(frozen=True, slots=True)
class Example:
    text: str
    spans: tuple[tuple[int, int, str], ...]  # (start, end_exclusive, label)


def cluener(split: str) -> Iterator[Example]:
    """CLUENER2020 ``train`` or ``dev`` (the public test split has no labels)."""
    with open(DATA_DIR / "cluener2020" / f"{split}.json", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            spans = set()
            for label, surfaces in row.get("label", {}).items():
                mapped = CLUENER_MAP.get(label)
                if mapped is None:
                    continue
                for offsets in surfaces.values():
                    for start, end in offsets:
                        spans.add((start, end + 1, mapped))
            yield Example(row["text"], _drop_overlaps(spans))


def msra(split: str) -> Iterator[Example]:
    """MSRA ``val`` or ``test``: space-separated characters + aligned BIO tags."""
    base = DATA_DIR / "msra" / split
    with open(base / "sentences.txt", encoding="utf-8") as fs, open(base / "tags.txt", encoding="utf-8") as ft:
        for sent, tags in zip(fs, ft, strict=True):
            chars, labels = sent.split(), tags.split()
            if chars:
                yield _from_tags(chars, labels, BIO_MAP)


def people_daily(split: str) -> Iterator[Example]:
    """People's Daily 1998 ``dev`` or ``test``: ``char TAG`` lines."""
    yield from _conll(DATA_DIR / "people_daily" / f"example.{split}", BIO_MAP)


def resume(split: str) -> Iterator[Example]:
    """Resume NER ``train``/``dev``/``test`` (BMES tags)."""
    yield from _conll(DATA_DIR / "resume" / f"{split}.char.bmes", RESUME_MAP)


def weibo(split: str) -> Iterator[Example]:
    """Weibo NER 2nd version ``train``/``dev``/``test``; the segment digit after each char is dropped."""
    yield from _conll(DATA_DIR / "weibo" / f"weiboNER_2nd_conll.{split}", WEIBO_MAP, strip_digit=True)


def _conll(path: Path, mapping: dict[str, str], strip_digit: bool = False) -> Iterator[Example]:
    chars: list[str] = []
    tags: list[str] = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if chars:
                    yield _from_tags(chars, tags, mapping)
                chars, tags = [], []
                continue
            parts = line.split()
            if len(parts) == 1:  # a bare tag: the character was a space
                char, tag = " ", parts[0]
            else:
                char, tag = parts[0], parts[-1]
            if strip_digit and len(char) > 1 and char[-1].isdigit():
                char = char[:-1]
            chars.append(char[:1] if char else " ")
            tags.append(tag)
    if chars:
        yield _from_tags(chars, tags, mapping)


def _from_tags(chars: list[str], tags: list[str], mapping: dict[str, str]) -> Example:
    """BIO / BIOES / BMES tags -> character spans (unknown labels dropped, broken sequences repaired)."""
    spans = []
    start, label = None, None
    for i, tag in enumerate(list(tags) + ["O"]):
        prefix, _, name = tag.partition("-")
        inside = prefix in ("I", "M", "E") and name == label and start is not None
        if not inside and start is not None:
            spans.append((start, i, label))
            start, label = None, None
        if prefix in ("B", "S") or (prefix in ("I", "M", "E") and start is None):
            start, label = i, name
        if prefix in ("E", "S") and start is not None:
            spans.append((start, i + 1, label))
            start, label = None, None
    mapped = {(s, e, mapping[lab]) for s, e, lab in spans if lab in mapping}
    return Example("".join(chars), _drop_overlaps(mapped))


def _drop_overlaps(spans) -> tuple[tuple[int, int, str], ...]:
    """Keep the longest of overlapping spans (CLUENER has a few nested annotations)."""
    kept: list[tuple[int, int, str]] = []
    for s, e, lab in sorted(spans, key=lambda x: (-(x[1] - x[0]), x[0])):
        if all(e <= ks or s >= ke for ks, ke, _ in kept):
            kept.append((s, e, lab))
    return tuple(sorted(kept))
