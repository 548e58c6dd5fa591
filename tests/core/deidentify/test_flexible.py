"""The fast separator-tolerant matcher finds exactly what one big regex with separator classes finds."""

import random
import re

from reviewer.core.deidentify.flexible import SEPARATOR_CLASS, SEPARATORS, FlexibleMatcher


def reference(values):
    """The former implementation: every value's characters joined by `[separators]*` in one regex."""
    parts = []
    for value in sorted(values, key=lambda v: (-len(SEPARATORS.sub("", v)), v)):
        chars = [c for c in value if not SEPARATORS.fullmatch(c)]
        parts.append(f"{SEPARATOR_CLASS}*".join(re.escape(c) for c in chars))
    return re.compile("|".join(parts))


def test_same_spans_as_the_regex_on_random_texts():
    rng = random.Random(7)
    alphabet = "0123456789王建国李某 -（）·\u3000.X"
    for _ in range(300):
        values = {"".join(rng.choice(alphabet) for _ in range(rng.randint(2, 8))) for _ in range(rng.randint(1, 6))}
        values = {v for v in values if len(SEPARATORS.sub("", v)) >= 2}
        if not values:
            continue
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 120)))
        for v in values:  # plant each value, sometimes with separators inside
            cut = rng.randint(0, len(text))
            planted = "".join(c + (rng.choice(" -·") if rng.random() < 0.3 else "") for c in v)
            text = text[:cut] + planted + text[cut:]
        want = [m.span() for m in reference(values).finditer(text)]
        got = [m.span() for m in FlexibleMatcher(values).finditer(text)]
        assert got == want, (values, text)


def test_sub_and_search_keep_the_text_around_the_matches():
    matcher = FlexibleMatcher(["13896001234", "王建国"])
    text = "电话：138 9600-1234（王 建国）。"
    assert matcher.search(text).group() == "138 9600-1234"
    assert matcher.sub(lambda m: "█" * len(m.group()), text) == "电话：█████████████（████）。"
    assert matcher.sub(lambda m: "x", "没有") == "没有"
    assert matcher.search("没有") is None


def test_width_and_case_variants_are_the_same_value():
    """The verifier compares NFKC case-folded text; the writers must replace what it would find."""
    matcher = FlexibleMatcher(["１９４８年１２月", "Li.Ming@Example.com"])
    text = "1948年12月1日成立；邮箱 li.ming@example.COM。"
    assert [m.group() for m in matcher.finditer(text)] == ["1948年12月", "li.ming@example.COM"]
    assert FlexibleMatcher(["1948年12月"]).search("生于１９４８年１２月，").group() == "１９４８年１２月"
    assert FlexibleMatcher(["ABC123"]).search("编号ａｂｃ 123").span() == (2, 9)  # width, case and a space


def test_literal_automaton_finds_what_the_trie_regex_finds():
    """The automaton behind the flexible matcher, the plan and the verifier gives the leftmost-longest,
    non-overlapping matches a trie-shaped alternation gives (20,000 random cases over a small alphabet)."""
    import random

    from reviewer.core.deidentify.flexible import Literals
    from reviewer.core.trie_regex import compile_literals

    rng = random.Random(28)
    for _ in range(20_000):
        keys = {"".join(rng.choice("abc") for _ in range(rng.randint(1, 5))) for _ in range(rng.randint(1, 8))}
        text = "".join(rng.choice("abcd") for _ in range(rng.randint(0, 40)))
        assert list(Literals(keys).spans(text)) == [m.span() for m in compile_literals(keys).finditer(text)]
