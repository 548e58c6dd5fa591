"""What the word-list components (reviewer_char_gazetteer, reviewer_char_lexicon) share: their only state is
one file of words, read at `initialize` (training) and saved with the pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.util import ensure_path


class WordListComponent:
    FILE = "words.txt"

    def set_words(self, words: Any) -> None:
        raise NotImplementedError

    def read(self, path: Path) -> Any:
        raise NotImplementedError

    def write(self, path: Path) -> None:
        raise NotImplementedError

    def initialize(self, get_examples=None, *, nlp: Language | None = None, path: str | None = None) -> None:
        if path:
            self.set_words(self.read(Path(path)))

    def to_disk(self, path, *, exclude=()) -> None:
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        self.write(path / self.FILE)

    def from_disk(self, path, *, exclude=()):
        self.set_words(self.read(ensure_path(path) / self.FILE))
        return self
