"""spaCy component ``reviewer_char_ner``: named entities by tagging every character with a BILUO tag.

Why not spaCy's transition-based ``ner``: with one token per character its state machine costs as much
as the whole tok2vec (about 80k characters per second on one core, in C loops that gain nothing from a
faster BLAS). A softmax over the tok2vec output is one matrix product per batch. The tags are decoded
into ``doc.ents`` by a Viterbi search over valid BILUO sequences, run only on the stretches where some
character is not confidently O (most text is), so everything downstream (presidio, the evaluation, the
scorer) reads entities exactly as before. Measured on the development set: taking each character's best
tag and repairing the sequence leniently gave F 0.754, keeping only well-formed B..L/U runs 0.841 (P 0.89,
R 0.80), the constrained Viterbi 0.841 (P 0.84, R 0.84): recall is what a reviewer needs. Where the best
tag of every character already forms a valid sequence, that is the Viterbi answer and no search runs.
Gold tags come from the reference ``doc.ents``: the training data need no extra annotation.
"""

from __future__ import annotations

from itertools import islice

import numpy
from spacy.language import Language
from spacy.pipeline.tagger import Tagger
from spacy.tokens import Doc, Span
from spacy.training import validate_examples
from thinc.api import Config, SequenceCategoricalCrossentropy

OUT, BEGIN, IN, LAST, UNIT = range(5)
_PREFIX = {"O": OUT, "B": BEGIN, "I": IN, "L": LAST, "U": UNIT}

_DEFAULT_MODEL_CONFIG = """
[model]
@architectures = "spacy.Tagger.v2"
nO = null
normalize = false

[model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = 64
depth = 3
embed_size = 2000
window_size = 1
maxout_pieces = 3
subword_features = false
"""
DEFAULT_MODEL = Config().from_str(_DEFAULT_MODEL_CONFIG)["model"]


def _gold_tags(example) -> list[str | None]:
    # "-" marks tokens whose annotation is missing: no loss there, like the tagger's ""
    return [None if tag in (None, "-", "") else tag for tag in example.get_aligned_ner()]


class CharEntityTagger(Tagger):
    def __init__(self, vocab, model, name: str = "ner", *, scorer=None, label_smoothing: float = 0.0) -> None:
        super().__init__(vocab, model, name, overwrite=True, scorer=scorer, label_smoothing=label_smoothing)
        self._decode_table: _Table | None = None

    @property
    def entity_labels(self) -> tuple[str, ...]:
        """The entity kinds (PERSON, …); ``labels`` are the BILUO tags the softmax predicts."""
        return tuple(sorted({t.partition("-")[2] for t in self.labels if t != "O"}))

    def _table(self) -> _Table:
        if self._decode_table is None or self._decode_table.labels != self.labels:
            self._decode_table = _Table(self.labels)
        return self._decode_table

    def predict(self, docs):
        """Per-character tag scores (logits), not just the best tag: the decoder needs the alternatives."""
        if not any(len(doc) for doc in docs):
            return [self.model.ops.alloc((0, len(self.labels))) for _ in docs]
        return [numpy.asarray(s.get() if hasattr(s, "get") else s) for s in self.model.predict(docs)]

    def set_annotations(self, docs, batch_scores) -> None:
        if isinstance(docs, Doc):
            docs = [docs]
        table = self._table()
        lengths = [len(s) for s in batch_scores]
        if not sum(lengths):
            return
        # one log-softmax and one search for the whole batch: per-document numpy calls cost more than the
        # arithmetic. A sure-O row between documents keeps every stretch inside one document.
        logp, unsure = table.log_probabilities(numpy.concatenate(batch_scores))
        bounds = numpy.cumsum(lengths)[:-1]
        found = table.search(numpy.insert(logp, bounds, 0.0, axis=0), numpy.insert(unsure, bounds, False)) \
            if unsure.any() else []
        offsets = (numpy.concatenate(([0], bounds)) + numpy.arange(len(lengths))).tolist()
        owners = numpy.searchsorted(offsets, [s for s, _, _ in found], side="right") - 1 if found else ()
        per_doc: list[list[tuple[int, int, str]]] = [[] for _ in docs]
        for owner, span in zip(owners.tolist() if len(owners) else (), found):
            per_doc[owner].append(span)
        for doc, offset, spans in zip(docs, offsets, per_doc):
            doc.set_ents([Span(doc, s - offset, e - offset, label=lab) for s, e, lab in spans], default="outside")

    def get_loss(self, examples, scores):
        validate_examples(examples, "CharEntityTagger.get_loss")
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False,
                                                    label_smoothing=self.cfg["label_smoothing"])
        d_scores, loss = loss_func(scores, [_gold_tags(eg) for eg in examples])
        if self.model.ops.xp.isnan(loss):
            raise ValueError(f"NaN loss in {self.name}")
        return float(loss), d_scores

    def initialize(self, get_examples, *, nlp=None, labels=None) -> None:
        if labels is None:
            kinds = sorted({ent.label_ for eg in get_examples() for ent in eg.reference.ents})
            labels = ["O"] + [f"{p}-{kind}" for kind in kinds for p in "BILU"]
        for tag in labels:
            self.add_label(tag)
        docs, truths = [], []
        for example in islice(get_examples(), 10):
            docs.append(example.x)
            gold = _gold_tags(example)
            truths.append(self.model.ops.asarray(
                [[1.0 if tag == g else 0.0 for tag in self.labels] for g in gold], dtype="float32"))
        self.model.initialize(X=docs, Y=truths)


class _Table:
    """Label bookkeeping for decoding: BILUO prefix and entity name per tag, allowed transitions."""

    # a character whose O probability is at least this is taken as O without search
    SURE_OUT = numpy.log(0.995)

    def __init__(self, labels: tuple[str, ...]) -> None:
        self.labels = labels
        self.prefix = numpy.array([_PREFIX[t.partition("-")[0]] for t in labels], dtype="int8")
        self.names = [t.partition("-")[2] for t in labels]
        self.out = labels.index("O")
        inside = numpy.isin(self.prefix, (BEGIN, IN))  # tags that must be followed by I/L of the same name
        same = numpy.array([[a == b for b in self.names] for a in self.names])
        cont = numpy.isin(self.prefix, (IN, LAST))
        allowed = numpy.where(inside[:, None], cont[None, :] & same, ~cont[None, :])
        self.allowed, self.first_ok, self.last_ok = allowed, ~cont, ~inside
        self.transition = numpy.where(allowed, 0.0, -numpy.inf)
        self.first = numpy.where(~cont, 0.0, -numpy.inf)  # after O (or at the start)
        self.last = numpy.where(~inside, 0.0, -numpy.inf)  # before O (or at the end)
        self.opens = numpy.isin(self.prefix, (BEGIN, UNIT))
        self.closes = numpy.isin(self.prefix, (LAST, UNIT))
        self.name_array = numpy.array(self.names, dtype=object)

    def decode(self, scores: numpy.ndarray) -> list[tuple[int, int, str]]:
        """Entity spans (start, end, label) in characters from one document's tag scores (logits)."""
        if not len(scores):
            return []
        return self.search(*self.log_probabilities(scores))

    def log_probabilities(self, scores: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """Log-softmax per character, and which characters are not surely O."""
        top = scores.max(axis=1, keepdims=True)
        logp = scores - top - numpy.log(numpy.exp(scores - top).sum(axis=1, keepdims=True))
        return logp, logp[:, self.out] < self.SURE_OUT

    def search(self, logp: numpy.ndarray, unsure: numpy.ndarray) -> list[tuple[int, int, str]]:
        """The best valid tag sequence of every stretch of unsure characters, as spans.

        Where the best tag of every character already forms a valid sequence it is the constrained
        optimum too (it maximises the unconstrained sum), so only the other stretches need Viterbi:
        the common case is a few numpy operations for the whole document.
        """
        # stretches of unsure characters: starts where unsure turns on, ends where it turns off
        edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], unsure.view("int8"), [0]))))
        starts, ends = edges[::2], edges[1::2]
        if not len(starts):
            return []
        tags = logp.argmax(axis=1)
        bad_pair = ~self.allowed[tags[:-1], tags[1:]] & unsure[:-1] & unsure[1:]
        bad_before = numpy.concatenate(([0], numpy.cumsum(bad_pair)))
        valid = (bad_before[ends - 1] == bad_before[starts]) & self.first_ok[tags[starts]] \
            & self.last_ok[tags[ends - 1]]
        marker = numpy.zeros(len(tags) + 1, dtype="int32")
        numpy.add.at(marker, starts[valid], 1)
        numpy.add.at(marker, ends[valid], -1)
        in_valid = numpy.cumsum(marker[:-1]) > 0
        begins = numpy.flatnonzero(in_valid & self.opens[tags])
        finals = numpy.flatnonzero(in_valid & self.closes[tags]) + 1
        spans = list(zip(begins.tolist(), finals.tolist(), self.name_array[tags[begins]].tolist()))
        if not valid.all():
            spans.extend(self._viterbi(logp, starts[~valid], ends[~valid]))
        return sorted(spans) if not valid.all() else spans

    def _viterbi(self, logp: numpy.ndarray, starts: numpy.ndarray, ends: numpy.ndarray) -> list[tuple[int, int, str]]:
        """The best valid path of every stretch [start, end), all stretches at once (padded to the
        longest), as spans in `logp`'s positions. One numpy step per position of the longest stretch,
        not per character of every stretch."""
        lengths = ends - starts
        count, longest = len(starts), int(lengths.max())
        rows = numpy.arange(count)
        X = logp[numpy.minimum(starts[:, None] + numpy.arange(longest), len(logp) - 1)]  # (stretch, t, tag)
        score = X[:, 0] + self.first
        back = numpy.zeros((count, longest, len(self.labels)), dtype="int64")
        for t in range(1, longest):
            cand = score[:, :, None] + self.transition  # previous tag x next tag
            back[:, t] = cand.argmax(axis=1)
            score = numpy.where((t < lengths)[:, None], cand.max(axis=1) + X[:, t], score)
        best = (score + self.last).argmax(axis=1)
        path = numpy.zeros((count, longest), dtype="int64")
        path[rows, lengths - 1] = best
        for t in range(longest - 1, 0, -1):
            inside = t < lengths
            best = numpy.where(inside, back[rows, t, best], best)
            path[inside, t - 1] = best[inside]
        # a valid path: its openings (B, U) and closings (L, U) pair up in order
        used = numpy.arange(longest) < lengths[:, None]
        tags = path[used]
        at = (starts[:, None] + numpy.arange(longest))[used]
        begins = at[self.opens[tags]]
        finals = at[self.closes[tags]] + 1
        return list(zip(begins.tolist(), finals.tolist(), self.name_array[tags[self.opens[tags]]].tolist()))


@Language.factory("reviewer_char_ner", assigns=["doc.ents", "token.ent_iob", "token.ent_type"],
                  default_config={"model": DEFAULT_MODEL, "scorer": {"@scorers": "spacy.ner_scorer.v1"},
                                  "label_smoothing": 0.0},
                  default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0, "ents_per_type": None})
def make_char_ner(nlp: Language, name: str, model, scorer, label_smoothing: float) -> CharEntityTagger:
    return CharEntityTagger(nlp.vocab, model, name, scorer=scorer, label_smoothing=label_smoothing)
