"""spaCy component ``reviewer_char_lexicon``: which dictionary words start and end at each character.

Why: a character CNN must guess word boundaries from bigrams; where a name meets the next word
(乔石李瑞环, 至于国娟, 市发 / 展改革委) the boundary decides the span. Dictionary-word features are the
lexicon half of SoftLexicon (Ma et al., ACL 2020); measured here they add about one point of PERSON F1 on
MSRA and CLUENER (models/README.md). Per character the component writes:
- ``token.dep_`` = ``b{B}e{E}m{M}``: B the length of the longest dictionary word starting at the
  character, E of the longest ending at it (both capped at 4; 0 for none), M 1 when it lies strictly
  inside a word (nothing else in a character pipeline has a parse);
- with ``identities``, the longest word starting at the character in ``ent_kb_id`` and the longest ending
  at it in ``ent_id`` (``-`` for none); the entity layer runs later and overwrites neither feature's use.
The tok2vec hashes them (MultiHashEmbed attrs DEP, ENT_KB_ID, ENT_ID). Words are found by hashing every
window of 2–6 characters with numpy and looking the hashes up in sorted tables (every match, not only the
longest): 4–5 times faster than an Aho-Corasick automaton iterated from Python, and no automaton to build
at load time. A line break inside a word (a PDF line pasted as text) is looked through, as a reader does.
The words: jieba 0.42.1's dictionary (MIT), all parts of speech, 2–6 CJK characters
(models/training/gazetteer.py).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from pathlib import Path

import numpy
from spacy.attrs import DEP, ENT_ID, ENT_KB_ID, IDX
from spacy.language import Language
from spacy.strings import hash_string
from spacy.tokens import Doc
from spacy.util import minibatch

from reviewer.core.detection.ner.tokenizer import doc_text
from reviewer.core.detection.ner.wordlist import WordListComponent

CAP = 4
_MULTIPLIER = numpy.uint64(0x9E3779B97F4A7C15)  # odd: a window's polynomial hash mod 2**64
_NEWLINE = 10
_FILTER_BITS = 22  # a bitmap of 4M entries per word size rejects most windows before the sorted search
_FILTER_MASK = numpy.uint64((1 << _FILTER_BITS) - 1)  # low bits: mod 2**22 they still mix every character


def _hashes(codes: numpy.ndarray, size: int) -> numpy.ndarray:
    """The hash of every window of `size` code points (rows of a 2-D array, or windows of a 1-D one)."""
    if codes.ndim == 2:
        columns = [codes[:, j] for j in range(size)]
    else:
        n = len(codes) - size + 1
        columns = [codes[j:j + n] for j in range(size)]
    h = columns[0].copy()
    for column in columns[1:]:
        h *= _MULTIPLIER
        h += column
    return h


def _code_points(text: str) -> numpy.ndarray:
    return numpy.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype("uint64")


class CharLexicon(WordListComponent):
    def __init__(self, nlp: Language, name: str = "reviewer_char_lexicon", identities: bool = False) -> None:
        self.name = name
        self.identities = identities
        self.vocab, self.strings = nlp.vocab, nlp.vocab.strings
        # every value is added once, outside any memory zone, so the hashes stay valid
        self._values = numpy.array([self.strings.add(f"b{b}e{e}m{m}")
                                    for b in range(CAP + 1) for e in range(CAP + 1) for m in range(2)],
                                   dtype="uint64")
        self._none = self.strings.add("-")
        self.words: list[str] = []
        # size -> (sorted window hashes, the words' string keys in the same order, bitmap of hash tops)
        self._tables: dict[int, tuple[numpy.ndarray, numpy.ndarray, numpy.ndarray]] = {}
        self._ordered: dict[int, list[str]] = {}  # size -> the words in their table's order
        self._stored: dict[int, numpy.ndarray] = {}  # size -> per word, its string is in the store for good

    def set_words(self, words: Iterable[str]) -> None:
        words = [w for w in words if len(w) >= 2]
        # the committed list is written sorted and unique: checking that is a tenth of sorting it again
        ordered = all(a < b for a, b in itertools.pairwise(words))
        self.words = words if ordered else sorted(set(words))
        self._tables, self._ordered, self._stored = {}, {}, {}
        by_size: dict[int, list[str]] = {}
        for word in self.words:
            by_size.setdefault(len(word), []).append(word)
        for size, same in sorted(by_size.items()):
            hashes = _hashes(_code_points("".join(same)).reshape(-1, size), size)
            # the words' StringStore keys, without storing 335k strings (80 MB): a word's string is added
            # when a text first holds it (_columns), as spaCy needs it to look the key up or serialise
            keys = numpy.array([hash_string(w) for w in same] if self.identities else [0] * len(same),
                               dtype="uint64")
            order = numpy.argsort(hashes, kind="stable")
            bitmap = numpy.zeros(1 << _FILTER_BITS, dtype=bool)
            bitmap[hashes & _FILTER_MASK] = True
            self._tables[size] = (hashes[order], keys[order], bitmap)
            if self.identities:
                self._ordered[size] = [same[i] for i in order.tolist()]
                self._stored[size] = numpy.zeros(len(same), dtype=bool)

    def _matches(self, codes: numpy.ndarray):
        """(size, first, last, keys, rows) per word size: every dictionary word in `codes`, by position
        (rows: the words' places in the size's table)."""
        for size, (table, keys, bitmap) in self._tables.items():
            if len(codes) < size:
                continue
            h = _hashes(codes, size)
            candidates = numpy.flatnonzero(bitmap[h & _FILTER_MASK])
            h = h[candidates]
            index = numpy.minimum(numpy.searchsorted(table, h), len(table) - 1)
            found = table[index] == h
            first = candidates[found]
            rows = index[found]
            yield size, first, first + size - 1, keys[rows], rows

    def _columns(self, text: str) -> list[numpy.ndarray]:
        """Per character of `text`: the DEP value, and with identities the starting and ending word."""
        codes = _code_points(text)
        n = len(codes)
        begins = numpy.zeros(n, dtype="int64")
        ends = numpy.zeros(n, dtype="int64")
        inside = numpy.zeros(n + 1, dtype="int64")
        starting = numpy.full(n, self._none, dtype="uint64") if self.identities else None
        ending = numpy.full(n, self._none, dtype="uint64") if self.identities else None
        breaks = codes == _NEWLINE
        kept = numpy.flatnonzero(~breaks) if breaks.any() else None
        for size, first, last, keys, rows in self._matches(codes if kept is None else codes[kept]):
            if kept is not None:
                first, last = kept[first], kept[last]
            capped = min(size, CAP)
            begins[first] = numpy.maximum(begins[first], capped)  # positions are unique within one size
            ends[last] = numpy.maximum(ends[last], capped)
            long = last - first >= 2
            numpy.add.at(inside, first[long] + 1, 1)
            numpy.subtract.at(inside, last[long], 1)
            if starting is not None:  # sizes ascend: the longest word wins
                starting[first] = keys
                ending[last] = keys
                self._store(size, rows)
        middle = numpy.cumsum(inside[:n]) > 0
        values = self._values[(begins * (CAP + 1) + ends) * 2 + middle]
        return [values] if starting is None else [values, starting, ending]

    def _store(self, size: int, rows: numpy.ndarray) -> None:
        """The strings of the words at `rows` of the size's table into the StringStore. Outside a memory
        zone each word's string is added once per process; inside one, spaCy drops what the zone added
        when it ends, so nothing is marked."""
        stored = self._stored[size]
        words, add = self._ordered[size], self.strings.add
        new = numpy.unique(rows[~stored[rows]])
        for row in new.tolist():
            add(words[row])
        if not self.vocab.in_memory_zone:
            stored[new] = True

    def _set(self, doc: Doc, columns: list[numpy.ndarray]) -> None:
        if len(columns[0]) != len(doc):  # whitespace tokens and trailing spaces: a token's first character
            at = doc.to_array(IDX).astype("int64")
            columns = [c[at] for c in columns]
        attrs = [DEP, ENT_KB_ID, ENT_ID][:len(columns)]
        doc.from_array(attrs, numpy.stack(columns, axis=1))

    def __call__(self, doc: Doc) -> Doc:
        if len(doc):
            self._set(doc, self._columns(doc_text(doc)))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256):
        """Batches of texts matched as one, joined by NUL (no word contains it): numpy's per-call cost,
        not the characters, dominates for the one-line blocks of a text file."""
        for batch in minibatch(docs, batch_size):
            texts = [doc_text(d) for d in batch]
            columns = self._columns("\0".join(texts))
            start = 0
            for doc, text in zip(batch, texts, strict=True):
                if len(doc):
                    self._set(doc, [c[start:start + len(text)] for c in columns])
                start += len(text) + 1
                yield doc

    def read(self, path: Path) -> list[str]:
        return read_words(path)

    def write(self, path: Path) -> None:
        path.write_text("".join(w + "\n" for w in self.words), encoding="utf-8")


def read_words(path: Path) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


@Language.factory("reviewer_char_lexicon")
def make_char_lexicon(nlp: Language, name: str, identities: bool = False) -> CharLexicon:
    return CharLexicon(nlp, name, identities)
