"""Build ``models/training/gazetteer.tsv`` (the word list of ``reviewer_char_gazetteer``) from jieba's dictionary.

    pip download --no-deps jieba==0.42.1 -d /tmp/jieba
    python -m models.training.gazetteer /tmp/jieba/jieba-0.42.1.tar.gz

Also writes ``resources/ner/common_words.txt``: the 40,000 most frequent ordinary words (generated
enumerations in training; the rule that a name does not cut two words, reviewer/core/detection/ner/rules.py),
and ``models/training/dictionary.txt``: every word of 2–6 Chinese characters, of any part of speech (the
word-boundary feature, reviewer/core/detection/ner/lexicon.py).

Source: jieba 0.42.1 (MIT licence), ``jieba/dict.txt``: word, frequency, part of speech. Kept: person names
(``nr`` starting with a surname, 2–4 characters; transliterated ``nrt`` and ``nrfg``), places (``ns``) and
organisations (``nt``), at least two characters, never a 某 placeholder. jieba's dictionary was built from
news corpora that include the 1998 People's Daily, the source of the MSRA test set: MSRA scores of a model
using it are not independent of it (models/README.md reports both).
"""

from __future__ import annotations

import argparse
import hashlib
import tarfile
from pathlib import Path

from reviewer.core.detection.ner.gazetteer import write_words
from reviewer.core.detection.ner.surnames import COMPOUND_SURNAMES, SINGLE_SURNAMES

SHA256 = "055ca12f62674fafed09427f176506079bc135638a14e23e25be909131928db2"  # jieba-0.42.1.tar.gz (PyPI)
OUT = Path(__file__).with_name("gazetteer.tsv")
# ordinary words: negatives for govgen.generate_enumerations and the word-cut rule of ner/rules.py
COMMON_OUT = Path(__file__).resolve().parents[2] / "resources" / "ner" / "common_words.txt"
COMMON_POS = {"n", "v", "vn", "a", "an", "ad", "d", "l", "i"}
COMMON_SIZE = 40000
DICTIONARY_OUT = Path(__file__).with_name("dictionary.txt")
KIND = {"nr": "P", "nrt": "P", "nrfg": "P", "ns": "L", "nt": "G"}


def select(lines) -> list[tuple[str, str]]:
    words: dict[str, str] = {}
    for line in lines:
        word, _freq, pos = line.split()
        kind = KIND.get(pos)
        if kind is None or len(word) < 2 or "某" in word:
            continue
        if pos == "nr" and not (len(word) <= 4 and (word[:2] in COMPOUND_SURNAMES or word[0] in SINGLE_SURNAMES)):
            continue  # jieba's nr also holds idioms and common words (英名永存, 道德)
        words.setdefault(word, kind)
    return sorted(words.items())


def common_words(lines, names: set[str]) -> list[str]:
    """The most frequent ordinary words (2–4 characters, by frequency) not in the name list: the words that sit
    between 、 in enumerations (公开、查阅、监管) and that a name-hungry model mistakes for names."""
    rows = []
    for line in lines:
        word, freq, pos = line.split()
        if pos in COMMON_POS and 2 <= len(word) <= 4 and word not in names:
            rows.append((-int(freq), word))
    return [w for _, w in sorted(rows)[:COMMON_SIZE]]


def dictionary(lines) -> list[str]:
    """All words of 2–6 CJK characters, placeholders (某) excepted: where words start and end, not what they are."""
    words = set()
    for line in lines:
        word = line.split()[0]
        if 2 <= len(word) <= 6 and "某" not in word and all("\u4e00" <= c <= "\u9fff" for c in word):
            words.add(word)
    return sorted(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sdist", type=Path, help="jieba-0.42.1.tar.gz")
    args = parser.parse_args(argv)
    digest = hashlib.sha256(args.sdist.read_bytes()).hexdigest()
    if digest != SHA256:
        parser.error(f"{args.sdist}: sha256 {digest}, expected {SHA256} (jieba 0.42.1 from PyPI)")
    with tarfile.open(args.sdist) as tar:
        data = tar.extractfile("jieba-0.42.1/jieba/dict.txt").read().decode("utf-8")  # type: ignore[union-attr]
    words = select(data.splitlines())
    write_words(OUT, words)
    COMMON_OUT.write_text("".join(w + "\n" for w in common_words(data.splitlines(), {w for w, _ in words})),
                          encoding="utf-8")
    DICTIONARY_OUT.write_text("".join(w + "\n" for w in dictionary(data.splitlines())), encoding="utf-8")
    counts = {k: sum(1 for _, kind in words if kind == k) for k in "PLG"}
    print(f"{OUT}: {len(words):,} words {counts}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
