"""The reviewer_char_lexicon component: dictionary words starting and ending at each character."""

from __future__ import annotations

import random

import spacy

from models.training.gazetteer import DICTIONARY_OUT, dictionary
from reviewer.core.detection.ner import lexicon, tokenizer  # noqa: F401  (registries)
from reviewer.core.detection.ner.lexicon import CAP, CharLexicon, read_words

WORDS = ["李鹏", "乔石", "李瑞环", "发展", "改革", "发展改革", "会议", "出席", "主席团成员"]


def _nlp(words=WORDS, identities=True):
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "reviewer.CharTokenizer.v1"}}})
    nlp.add_pipe("reviewer_char_lexicon", config={"identities": identities}).set_words(words)
    return nlp


def _reference(text: str, words: set[str]) -> list[tuple[str, str, str]]:
    """Per character: every substring of the text, line breaks removed, looked up in a set."""
    kept = [i for i, c in enumerate(text) if c != "\n"]
    plain = "".join(text[i] for i in kept)
    begins, ends, inside = [0] * len(text), [0] * len(text), [False] * len(text)
    starting, ending = ["-"] * len(text), ["-"] * len(text)
    for size in range(2, 7):
        for i in range(len(plain) - size + 1):
            word = plain[i:i + size]
            if word not in words:
                continue
            first, last = kept[i], kept[i + size - 1]
            begins[first] = max(begins[first], min(size, CAP))
            ends[last] = max(ends[last], min(size, CAP))
            for j in range(first + 1, last):
                inside[j] = True
            starting[first] = word  # sizes ascend: the longest wins
            ending[last] = word
    return [(f"b{b}e{e}m{int(m)}", s, t) for b, e, m, s, t in zip(begins, ends, inside, starting, ending)]


def _features(doc) -> list[tuple[str, str, str]]:
    return [(t.dep_, t.ent_kb_id_, t.ent_id_) for t in doc]


def test_a_run_of_names_is_cut_where_the_dictionary_words_are() -> None:
    doc = _nlp()("李鹏乔石李瑞环出席会议")
    assert [t.dep_ for t in doc] == ["b2e0m0", "b0e2m0", "b2e0m0", "b0e2m0", "b3e0m0", "b0e0m1", "b0e3m0",
                                     "b2e0m0", "b0e2m0", "b2e0m0", "b0e2m0"]
    assert [t.ent_kb_id_ for t in doc][:5] == ["李鹏", "-", "乔石", "-", "李瑞环"]
    assert doc[6].ent_id_ == "李瑞环"


def test_overlapping_words_keep_the_longest_and_mark_the_inside() -> None:
    doc = _nlp()("市发展改革委")
    assert _features(doc) == [("b0e0m0", "-", "-"), ("b4e0m0", "发展改革", "-"), ("b0e2m1", "-", "发展"),
                              ("b2e0m1", "改革", "-"), ("b0e4m0", "-", "发展改革"), ("b0e0m0", "-", "-")]


def test_lengths_are_capped_but_the_word_is_kept() -> None:
    doc = _nlp()("主席团成员")
    assert doc[0].dep_ == f"b{CAP}e0m0" and doc[0].ent_kb_id_ == "主席团成员"
    assert doc[4].dep_ == f"b0e{CAP}m0" and doc[4].ent_id_ == "主席团成员"


def test_a_word_cut_by_a_line_break_is_still_a_word() -> None:
    """Text extracted from a PDF breaks lines inside words (牵头单位：市发 / 展改革委)."""
    doc = _nlp()("市发\n展改革委")
    assert [(t.text, t.dep_) for t in doc][1:4] == [("发", "b4e0m0"), ("\n", "b0e0m1"), ("展", "b0e2m1")]
    assert doc[1].ent_kb_id_ == "发展改革"


def test_same_features_as_a_plain_scan_on_random_texts() -> None:
    nlp = _nlp()
    rng = random.Random(0)
    alphabet = "李鹏乔石瑞环发展改革会议出席主席团成员市的\n"
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40)))
        doc = nlp(text)  # a run of line breaks is one token: it takes its first character's features
        expected = _reference(text, set(WORDS))
        assert _features(doc) == [expected[t.idx] for t in doc], text


def test_whitespace_tokens_take_their_first_characters_features() -> None:
    """Spaces become trailing whitespace or tokens of their own: characters are not tokens one for one."""
    doc = _nlp()("出席 会议  李鹏")
    assert [(t.text, t.dep_) for t in doc if t.dep_ != "b0e0m0"] == [
        ("出", "b2e0m0"), ("席", "b0e2m0"), ("会", "b2e0m0"), ("议", "b0e2m0"), ("李", "b2e0m0"), ("鹏", "b0e2m0")]


def test_pipe_gives_what_one_call_at_a_time_gives() -> None:
    """pipe matches a batch as one text joined by NUL; no word may run from one text into the next."""
    nlp = _nlp()
    texts = ["李", "鹏乔石", "", "发展\n改革", "出席 会议", "李瑞环", "发"] * 5
    component = nlp.get_pipe("reviewer_char_lexicon")
    piped = list(component.pipe((nlp.make_doc(t) for t in texts), batch_size=4))
    assert [_features(d) for d in piped] == [_features(nlp(t)) for t in texts]


def test_without_identities_only_the_boundaries_are_written() -> None:
    doc = _nlp(identities=False)("李鹏出席")
    assert [t.dep_ for t in doc] == ["b2e0m0", "b0e2m0", "b2e0m0", "b0e2m0"]
    assert {t.ent_kb_id for t in doc} == {0}


def test_words_survive_to_disk_and_back(tmp_path) -> None:
    nlp = _nlp()
    nlp.to_disk(tmp_path / "p")
    loaded = spacy.load(tmp_path / "p")
    assert loaded.get_pipe("reviewer_char_lexicon").words == sorted(WORDS)
    assert _features(loaded("李鹏乔石")) == _features(nlp("李鹏乔石"))


def test_memory_zone_keeps_the_feature_strings() -> None:
    nlp = _nlp()
    with nlp.memory_zone():
        assert nlp("李鹏")[0].ent_kb_id_ == "李鹏"
    assert _features(nlp("李鹏")) == [("b2e0m0", "李鹏", "-"), ("b0e2m0", "-", "李鹏")]


def test_selection_from_jiebas_dictionary() -> None:
    lines = ["李鹏 10 nr", "开会 9 v", "京 9 ns", "张某 3 nr", "中华人民共和国 9 ns", "T恤 3 n", "发展改革委 5 nt"]
    assert dictionary(lines) == ["发展改革委", "开会", "李鹏"]


def test_the_committed_dictionary_is_what_the_model_carries() -> None:
    from models import PIPELINE_DIR

    shipped = read_words(DICTIONARY_OUT)
    assert len(shipped) > 300_000
    component = CharLexicon(spacy.blank("zh"))
    component.from_disk(PIPELINE_DIR / "reviewer_char_lexicon")
    assert component.words == shipped


def test_words_in_any_order_or_repeated_give_the_sorted_list_and_the_same_features() -> None:
    """The shipped list is read as written (sorted, unique); any other list is sorted and deduplicated."""
    from spacy.attrs import DEP, ENT_ID, ENT_KB_ID

    shuffled = WORDS[::-1] + WORDS[:3] + ["张"]
    a, b = _nlp(shuffled), _nlp(sorted(WORDS))
    assert a.get_pipe("reviewer_char_lexicon").words == sorted(WORDS)
    text = "李鹏乔石李瑞环出席会议，发展改革。"
    assert a(text).to_array([DEP, ENT_KB_ID, ENT_ID]).tolist() == b(text).to_array([DEP, ENT_KB_ID, ENT_ID]).tolist()


def test_a_words_string_is_stored_when_a_text_holds_it() -> None:
    """The tables keep only the words' keys (335k strings cost 80 MB per process); the string of every
    word a text holds is in the StringStore afterwards, so the features read back and the Doc serialises,
    in and out of a memory zone."""
    from spacy.tokens import Doc

    from reviewer.core.detection.ner import load_spacy_pipeline

    nlp = load_spacy_pipeline(DICTIONARY_OUT.parents[2] / "models" / "zh_reviewer_ner")
    longer = [w for w in nlp.get_pipe("reviewer_char_lexicon").words if len(w) >= 3]
    assert len(longer) > 100_000 and not any(w in nlp.vocab.strings for w in longer)
    text = "国务院办公厅关于推进政府信息公开工作的通知，请各区县人民政府认真贯彻执行。"
    nlp.select_pipes(enable=["reviewer_char_lexicon"])  # the entity layer resets its spans' kb ids
    for zone in (True, False, True):  # a word first met inside a zone is stored again after it
        if zone:
            with nlp.memory_zone():
                doc = nlp(text)
                words = {t.ent_kb_id_ for t in doc} | {t.ent_id_ for t in doc}
                Doc(nlp.vocab).from_bytes(doc.to_bytes())
        else:
            doc = nlp(text)
            words = {t.ent_kb_id_ for t in doc} | {t.ent_id_ for t in doc}
            again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
            assert [t.ent_kb_id_ for t in again] == [t.ent_kb_id_ for t in doc]
        assert {"国务院办公厅", "认真贯彻", "贯彻执行", "人民政府"} <= words
        assert all(w == "-" or w in text for w in words)
