"""The reviewer_char_gazetteer component: leftmost-longest word matches as per-character features."""

from __future__ import annotations

import random

import spacy

from models.training.gazetteer import OUT as SHIPPED_LIST
from models.training.gazetteer import select
from reviewer.core.detection.ner import gazetteer, tokenizer  # noqa: F401  (registries)
from reviewer.core.detection.ner.gazetteer import CharGazetteer, read_words

WORDS = [("李鹏", "P"), ("李瑞环", "P"), ("乔石", "P"), ("重庆市", "L"), ("重庆市公安局", "G"), ("叶利钦", "P")]


def _nlp(words=WORDS):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "reviewer.CharTokenizer.v1"}}})
    nlp.add_pipe("reviewer_char_gazetteer").set_words(words)
    return nlp


def _features(doc) -> list[tuple[str, str]]:
    return [(t.text, t.lemma_) for t in doc]


def test_a_run_of_names_without_separators_is_split_at_the_known_words() -> None:
    doc = _nlp()("李鹏乔石李瑞环会见叶利钦")
    assert "".join(t.lemma_[0] for t in doc) == "BEBEBIE--BIE"
    assert {t.lemma_[1:] for t in doc if t.lemma_ != "-"} == {"P"}


def test_longest_word_wins_and_kinds_are_kept() -> None:
    assert _features(_nlp()("到重庆市公安局")) == [
        ("到", "-"), ("重", "BG"), ("庆", "IG"), ("市", "IG"), ("公", "IG"), ("安", "IG"), ("局", "EG")]
    assert _features(_nlp()("重庆市的")) == [("重", "BL"), ("庆", "IL"), ("市", "EL"), ("的", "-")]


def test_offsets_follow_tokens_when_the_text_has_whitespace() -> None:
    """Spaces become trailing whitespace or tokens of their own: character offsets are not token indices."""
    doc = _nlp()("甲  乙 李鹏\n\n叶利钦 ")
    marked = [(t.text, t.lemma_) for t in doc if t.lemma_ != "-"]
    assert marked == [("李", "BP"), ("鹏", "EP"), ("叶", "BP"), ("利", "IP"), ("钦", "EP")]


def test_empty_text_and_empty_list() -> None:
    assert len(_nlp()("")) == 0
    assert {t.lemma_ for t in _nlp([])("李鹏乔石")} == {"-"}


def test_same_features_as_a_slow_reference_on_random_texts() -> None:
    """Leftmost-longest, non-overlapping: a plain Python scan over the same list agrees on random texts."""
    words = dict(WORDS + [("李鹏乔", "P"), ("石李", "L")])
    nlp = _nlp(list(words.items()))
    rng = random.Random(0)
    alphabet = "李鹏乔石瑞环重庆市公安局叶利钦会 的"
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        expected = ["-"] * len(text)
        i = 0
        while i < len(text):
            match = max((w for w in words if text.startswith(w, i)), key=len, default=None)
            if match is None:
                i += 1
                continue
            kind = words[match]
            expected[i:i + len(match)] = ["B" + kind] + ["I" + kind] * (len(match) - 2) + ["E" + kind]
            i += len(match)
        doc = nlp(text)
        assert [t.lemma_ for t in doc if not t.is_space] == [e for c, e in zip(text, expected) if not c.isspace()]


def test_words_survive_to_disk_and_back(tmp_path) -> None:
    nlp = _nlp()
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("reviewer_char_gazetteer").words == dict(WORDS)
    assert _features(loaded("李鹏")) == [("李", "BP"), ("鹏", "EP")]


def test_memory_zone_keeps_the_feature_strings() -> None:
    nlp = _nlp()
    with nlp.memory_zone():
        assert nlp("李鹏")[0].lemma_ == "BP"
    assert nlp("李鹏")[1].lemma_ == "EP"


def test_selection_from_jiebas_dictionary() -> None:
    lines = ["李鹏 10 nr", "英名永存 3 nr", "道德 100 nr", "叶利钦 5 nrt", "重庆市 50 ns", "海协会 5 nt", "张某 3 nr",
             "京 9 ns", "开会 9 v", "欧阳修 9 nr"]
    assert select(lines) == [("叶利钦", "P"), ("李鹏", "P"), ("欧阳修", "P"), ("海协会", "G"), ("重庆市", "L")]


def test_the_committed_list_is_what_the_model_carries() -> None:
    from models import PIPELINE_DIR

    shipped = dict(read_words(SHIPPED_LIST))
    assert len(shipped) > 50_000
    component = CharGazetteer(spacy.blank("zh"))
    component.from_disk(PIPELINE_DIR / "reviewer_char_gazetteer")
    assert component.words == shipped


def test_a_batch_gets_what_each_document_alone_gets() -> None:
    """`pipe` matches a batch's texts joined by NUL; on MSRA sentences with the shipped list, mixed with
    texts holding spaces and empty ones, every document gets the features `__call__` gives it."""
    from spacy.attrs import LEMMA

    from reviewer.eval.corpora import DATA_DIR

    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "reviewer.CharTokenizer.v1"}}})
    component = nlp.add_pipe("reviewer_char_gazetteer")
    component.set_words(read_words(SHIPPED_LIST))
    lines = (DATA_DIR / "msra" / "test" / "sentences.txt").read_text(encoding="utf-8").splitlines()[:400]
    texts = [line if i % 7 == 0 else line.replace(" ", "") for i, line in enumerate(lines)] + ["", "李鹏 乔石", " "]
    alone = [component(nlp.make_doc(t)).to_array([LEMMA]).tolist() for t in texts]
    batched = [d.to_array([LEMMA]).tolist() for d in component.pipe((nlp.make_doc(t) for t in texts), batch_size=64)]
    assert batched == alone
    assert sum(v != component._none for doc in alone for v in doc) > 1000
