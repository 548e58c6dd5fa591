"""The NER training data: public-corpus readers, the government-style generator and the renamed copies
(models/training). Reads ../shared/data/ner as CI does (the corpora sit beside the clone)."""

from __future__ import annotations

from itertools import islice, pairwise

import pytest

from models import LABELS
from models.training import govgen, train
from reviewer.core.detection.config import PROJECT_ROOT as ROOT
from reviewer.core.detection.ner.rules import DEIDENTIFIED, starts_with_surname
from reviewer.eval import corpora


def _well_formed(example: corpora.Example) -> None:
    previous_end = 0
    for start, end, label in sorted(example.spans):
        assert label in LABELS
        assert 0 <= start < end <= len(example.text) and start >= previous_end, example
        assert example.text[start:end].strip() == example.text[start:end]
        previous_end = end


@pytest.mark.parametrize("reader, split", [(corpora.cluener, "train"), (corpora.cluener, "dev"),
                                           (corpora.msra, "val"), (corpora.msra, "test"),
                                           (corpora.resume, "train"), (corpora.weibo, "train"),
                                           (corpora.people_daily, "dev")])
def test_public_readers_give_aligned_spans_in_our_label_scheme(reader, split) -> None:
    examples = list(islice(reader(split), 2000))
    assert len(examples) >= 500
    for example in examples:
        _well_formed(example)
    assert sum(label == "PERSON" for ex in examples for _, _, label in ex.spans) > 50


def test_generator_is_seeded_and_labels_only_what_it_filled_in() -> None:
    first, again = list(govgen.generate(300, seed=7)), list(govgen.generate(300, seed=7))
    assert first == again and first != list(govgen.generate(300, seed=8))
    for example in first:
        _well_formed(example)
        for start, end, label in example.spans:
            assert not DEIDENTIFIED.search(example.text[start:end])  # 张某 is never an entity
    names = [ex.text[s:e] for ex in first for s, e, lab in ex.spans if lab == "PERSON"]
    assert len(names) > 200 and sum(starts_with_surname(n) or "·" in n for n in names) / len(names) > 0.9


def test_renamed_copies_keep_every_other_span_and_move_it_with_the_new_names() -> None:
    source = [("msra_val", corpora.Example("记者张三和李四在北京采访，王老五未到。",
                                           ((2, 4, "PERSON"), (5, 7, "PERSON"), (8, 10, "LOCATION"),
                                            (13, 16, "PERSON")))),
              ("msra_val", corpora.Example("北京今天晴。", ((0, 2, "LOCATION"),))),
              ("gov_generated", corpora.Example("当事人张三。", ((3, 5, "PERSON"),)))]
    out = train.replace_names(source, seed=1)
    assert [src for src, _ in out] == ["msra_val_renamed"]  # no person, or generated already: no copy
    example = out[0][1]
    _well_formed(example)
    spans = sorted(example.spans)
    assert [lab for _, _, lab in spans] == ["PERSON", "PERSON", "LOCATION", "PERSON"]
    assert example.text[spans[2][0]:spans[2][1]] == "北京"
    assert example.text.startswith("记者") and example.text.endswith("未到。")
    new_names = [example.text[s:e] for s, e, lab in spans if lab == "PERSON"]
    assert new_names != ["张三", "李四", "王老五"]
    assert train.replace_names(source, seed=1) == out


def test_rosters_label_every_name_and_often_have_no_separator() -> None:
    rosters = list(govgen.generate_lists(200, seed=4))
    assert rosters == list(govgen.generate_lists(200, seed=4))
    joined = 0
    for example in rosters:
        _well_formed(example)
        persons = sorted((s, e) for s, e, lab in example.spans if lab == "PERSON")
        assert len(persons) >= 4
        joined += sum(1 for (_, end), (start, _) in pairwise(persons) if end == start)
    assert joined > 1000  # names that touch: the PDF-table case the rosters are for


def test_enumerations_have_no_person_and_use_the_common_word_list() -> None:
    examples = list(govgen.generate_enumerations(300, seed=6))
    words = set((ROOT / "resources" / "ner" / "common_words.txt").read_text(encoding="utf-8").split())
    assert len(words) == 40000
    for example in examples:
        _well_formed(example)
        assert all(lab == "ORGANIZATION" for _, _, lab in example.spans)
    assert sum("、" in ex.text for ex in examples) > 250


def test_line_cuts_fall_between_entities_and_move_their_spans() -> None:
    """`--line-breaks` (an experiment, models/README.md run WB): PDF-like lines, never inside an entity."""
    import random

    examples = list(govgen.generate(200, seed=7)) + list(govgen.generate_lists(20, seed=4))
    rng = random.Random(0)
    cut = [train.cut_lines(ex, rng) for ex in examples]
    assert sum(ex.text.count("\n") for ex in cut) > 200
    for before, after in zip(examples, cut, strict=True):
        _well_formed(after)
        assert after.text.replace("\n", "") == before.text
        assert [after.text[s:e] for s, e, _ in after.spans] == [before.text[s:e] for s, e, _ in before.spans]
        assert max(len(line) for line in after.text.split("\n")) <= 40 + max(
            (e - s for s, e, _ in before.spans), default=0)


def test_composed_clauses_put_names_in_many_positions() -> None:
    """`--gov-clauses` (an experiment, models/README.md run OC): seeded, well formed, and the names stand
    after prepositions and verbs as well as at the start of a clause."""
    first = list(govgen.generate_clauses(400, seed=8))
    assert first == list(govgen.generate_clauses(400, seed=8)) != list(govgen.generate_clauses(400, seed=9))
    before = set()
    for example in first:
        _well_formed(example)
        assert "{" not in example.text and "}" not in example.text
        for start, end, label in example.spans:
            if label == "PERSON":
                before.add(example.text[max(0, start - 1):start])
    assert {"向", "与", "给", "经", "对", "为", "请", "了", "子"} <= before
