import random
import re

from reviewer.core.trie_regex import compile_literals


def flat(words):
    """The plain form: every literal a branch, longest first."""
    ordered = sorted(set(words), key=len, reverse=True)
    separator = b"|" if isinstance(ordered[0], bytes) else "|"
    return re.compile(separator.join(map(re.escape, ordered)))


def test_same_matches_as_a_flat_longest_first_alternation():
    rng = random.Random(3)
    for alphabet in ("ab12王", "0123456789X"):
        for _ in range(400):
            words = {"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 6))) for _ in range(rng.randint(1, 12))}
            text = "".join(rng.choice(alphabet + " ") for _ in range(rng.randint(0, 80)))
            want = [(m.span(), m.group()) for m in flat(words).finditer(text)]
            got = [(m.span(), m.group()) for m in compile_literals(words).finditer(text)]
            assert got == want, (words, text)
            bwords = {w.encode("utf-16-le") for w in words}
            btext = text.encode("utf-16-le")
            assert [m.span() for m in compile_literals(bwords).finditer(btext)] == [
                m.span() for m in flat(bwords).finditer(btext)]


def test_nothing_to_find_is_none():
    assert compile_literals([]) is None and compile_literals([""]) is None
