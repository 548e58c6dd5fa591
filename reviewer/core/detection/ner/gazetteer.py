"""spaCy component ``reviewer_char_gazetteer``: mark characters inside a known name, place or organisation.

Why: a character CNN sees five characters at a time and cannot know that 李瑞环 or 叶利钦 is a person; in a
run of names without separators (李鹏乔石李瑞环) it has little to tell where one ends. Lexicon features are
the usual remedy in Chinese NER (Lattice-LSTM, SoftLexicon); measured here they help on news (MSRA) and
little elsewhere, and merged neighbours remain (models/README.md). The word list (models/training/gazetteer.py:
jieba's dictionary, MIT, names/places/organisations) is matched leftmost-longest with an Aho-Corasick
automaton (pyahocorasick, C: the same list as a regex ran at 200k characters per second) and each
character gets ``B``/``I``/``E`` + the word's kind, or ``-``, in ``token.lemma_`` — an attribute nothing else
in the pipeline uses; the tok2vec hashes it (MultiHashEmbed attrs NORM + TAG + LEMMA). It is a feature,
not a decision: the model learns how far to trust the list (jieba tags many common words as names).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import ahocorasick
import numpy
from spacy.attrs import IDX, LEMMA
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import minibatch

from reviewer.core.detection.ner.tokenizer import doc_text
from reviewer.core.detection.ner.wordlist import WordListComponent

KINDS = ("P", "L", "G")  # person, location, organisation (government bodies included)
NONE = "-"


class CharGazetteer(WordListComponent):
    FILE = "words.tsv"

    def __init__(self, nlp: Language, name: str = "reviewer_char_gazetteer") -> None:
        self.name = name
        self.strings = nlp.vocab.strings
        # the feature strings are added once, outside any memory zone, so their hashes stay valid
        self._value = {f"{p}{k}": self.strings.add(f"{p}{k}") for p in "BIE" for k in KINDS}
        self._none = self.strings.add(NONE)
        self._by_kind = {p: numpy.array([self._value[p + k] for k in KINDS], dtype="uint64") for p in "BIE"}
        self.words: dict[str, str] = {}
        self._automaton: ahocorasick.Automaton | None = None

    def set_words(self, words: Iterable[tuple[str, str]]) -> None:
        """``(word, kind)`` pairs, kind one of KINDS; words shorter than two characters are ignored."""
        self.words = {w: k for w, k in words if len(w) >= 2 and k in KINDS}
        automaton = ahocorasick.Automaton()
        for word, kind in self.words.items():
            automaton.add_word(word, (len(word), KINDS.index(kind)))
        automaton.make_automaton()
        self._automaton = automaton if self.words else None

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        values = numpy.full(n, self._none, dtype="uint64")
        if self._automaton is not None:
            text = doc_text(doc)
            starts = None if len(text) == n else doc.to_array(IDX)  # one token per character unless spaces
            self._mark(text, values, starts)
        doc.from_array([LEMMA], values.reshape(n, 1))
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        """A batch's texts matched as one, joined by NUL (no word contains it, so no match crosses it):
        for short blocks the per-document set-up cost more than the matching. Texts with whitespace
        (tokens are not characters there) go one by one."""
        for batch in minibatch(docs, batch_size):
            texts = [doc_text(doc) if self._automaton is not None else "" for doc in batch]
            plain = [len(t) == len(doc) for doc, t in zip(batch, texts, strict=True)]
            joined = "\0".join(t if p else "" for t, p in zip(texts, plain, strict=True))
            values = numpy.full(len(joined), self._none, dtype="uint64")
            if self._automaton is not None:
                self._mark(joined, values, None)
            start = 0
            for doc, text, is_plain in zip(batch, texts, plain, strict=True):
                if not is_plain:
                    self(doc)
                elif len(doc):
                    doc.from_array([LEMMA], values[start:start + len(doc)].reshape(-1, 1))
                start += (len(text) if is_plain else 0) + 1
                yield doc

    def _mark(self, text: str, values: numpy.ndarray, starts: numpy.ndarray | None) -> None:
        """B/I/E + kind of every leftmost-longest match in `text` into `values` (per character, or per
        token when `starts` gives the tokens' character offsets)."""
        matches = list(self._automaton.iter_long(text))
        if not matches:
            return
        if starts is not None:  # tokens are not characters: one match at a time, as written
            value = self._value
            for end, (size, kind) in matches:
                first, last = (int(i) for i in numpy.searchsorted(starts, (end - size + 1, end), side="right") - 1)
                values[first] = value["B" + KINDS[kind]]
                values[first + 1:last] = value["I" + KINDS[kind]]
                values[last] = value["E" + KINDS[kind]]
            return
        # one character per token: all matches at once (they never overlap)
        lasts = numpy.fromiter((end for end, _ in matches), dtype="int64", count=len(matches))
        info = numpy.array([v for _, v in matches], dtype="int64")
        kinds, firsts = info[:, 1], lasts - info[:, 0] + 1
        inner = lasts - firsts - 1
        if inner.any():
            owner = numpy.repeat(numpy.arange(len(matches)), inner)
            step = numpy.arange(len(owner)) - numpy.repeat(numpy.cumsum(inner) - inner, inner)
            values[firsts[owner] + 1 + step] = self._by_kind["I"][kinds[owner]]
        values[firsts] = self._by_kind["B"][kinds]
        values[lasts] = self._by_kind["E"][kinds]

    def read(self, path: Path) -> list[tuple[str, str]]:
        return read_words(path)

    def write(self, path: Path) -> None:
        write_words(path, self.words.items())


def read_words(path: Path) -> list[tuple[str, str]]:
    with path.open(encoding="utf-8") as f:
        return [tuple(line.rstrip("\n").split("\t")) for line in f if line.strip()]  # type: ignore[misc]


def write_words(path: Path, words: Iterable[tuple[str, str]]) -> None:
    path.write_text("".join(f"{w}\t{k}\n" for w, k in sorted(words)), encoding="utf-8")


@Language.factory("reviewer_char_gazetteer")
def make_char_gazetteer(nlp: Language, name: str) -> CharGazetteer:
    return CharGazetteer(nlp, name)
