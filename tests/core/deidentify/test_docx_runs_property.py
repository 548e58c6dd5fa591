"""Property: however a paragraph is split into runs, replacing values inside the runs gives the same
text as replacing them in the joined text, and every run (with its formatting) stays in place."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from reviewer.core.deidentify.plan import plan_redactions
from reviewer.core.deidentify.profiles import load_profile
from reviewer.core.deidentify.writers.docx import W, _Counts, _replace_in_paragraphs
from reviewer.core.types import Finding

VALUES = [("PERSON", "王建国"), ("PERSON", "欧阳修文"), ("CN_MOBILE_PHONE", "13896001234"),
          ("CN_ID_CARD", "500106198703154515"), ("EMAIL_ADDRESS", "li@example.gov.cn")]
PLAN = plan_redactions([Finding(entity_type=t, start=i * 50, end=i * 50 + len(v), text=v, score=1.0,
                                recognizer="t", explanation="") for i, (t, v) in enumerate(VALUES)],
                       load_profile("general"))
pieces = st.sampled_from([v for _, v in VALUES] + ["当事人", "，", " ", "电话", "王", "138", "a", ""])


@settings(max_examples=150, deadline=None)
@given(st.lists(pieces, min_size=1, max_size=12), st.data())
def test_runs_split_anywhere(parts, data):
    text = "".join(parts)
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=6)))
    bounds = [0, *cuts, len(text)]
    chunks = [text[a:b] for a, b in zip(bounds, bounds[1:], strict=False)]
    p = etree.Element(f"{{{W}}}p")
    for i, chunk in enumerate(chunks):
        r = etree.SubElement(p, f"{{{W}}}r")
        if i % 2:
            etree.SubElement(etree.SubElement(r, f"{{{W}}}rPr"), f"{{{W}}}b")
        etree.SubElement(r, f"{{{W}}}t").text = chunk
    root = etree.Element(f"{{{W}}}body")
    root.append(p)
    _replace_in_paragraphs(root, ("t",), PLAN, _Counts())
    runs = p.findall(f"{{{W}}}r")
    assert len(runs) == len(chunks)
    assert [r.find(f"{{{W}}}rPr") is not None for r in runs] == [bool(i % 2) for i in range(len(chunks))]
    assert "".join(r.find(f"{{{W}}}t").text or "" for r in runs) == PLAN.apply_text(text)
    # a run that no value touches keeps its exact text
    spans = [m.span() for m in PLAN.flexible_pattern().finditer(text)]
    for r, a, b in zip(runs, bounds, bounds[1:], strict=False):
        if not any(s < b and a < e for s, e in spans):
            assert (r.find(f"{{{W}}}t").text or "") == text[a:b]
    assert not any(v in "".join(r.find(f"{{{W}}}t").text or "" for r in runs) for v in PLAN.values)
