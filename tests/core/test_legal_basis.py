"""The legal-basis catalog: every code DOMAIN.md §2 names, strict loading, citations."""

import copy

import pytest
import yaml

from reviewer.core.errors import ConfigurationError
from reviewer.core.legal_basis import DEFAULT_CATALOG_PATH, Effect, UnknownLegalBasis, load_catalog

SHIPPED = yaml.safe_load(DEFAULT_CATALOG_PATH.read_text(encoding="utf-8"))
REQUIRED = ["第十四条", "第十五条", "第十六条(一)", "第十六条(二)", "第十七条", "第十九条", "第二十条", "第二十六条",
            "第三十二条", "第三十六条(三)", "第三十七条", "保密法第六十四条", "保密法实施条例第五条",
            "保密法实施条例第四十二条"]


def test_catalog_has_every_required_code_with_titles_and_effects():
    catalog = load_catalog()
    for code in REQUIRED:
        entry = catalog.get(code)
        assert entry.title_zh and entry.title_en and isinstance(entry.effect, Effect)
    assert catalog.get("第十四条").effect is Effect.MUST_NOT_DISCLOSE
    assert catalog.get("第十六条(二)").effect is Effect.MAY_WITHHOLD
    assert catalog.get("第十七条").effect is Effect.ESCALATE
    assert len(set(catalog.codes)) == len(catalog)


def test_citations_read_like_the_law():
    catalog = load_catalog()
    assert catalog.get("第十四条").citation_zh() == "《中华人民共和国政府信息公开条例》第十四条"
    assert catalog.get("第十六条(一)").citation_zh() == "《中华人民共和国政府信息公开条例》第十六条第一款"
    assert catalog.get("保密法实施条例第五条").citation_zh() == "《中华人民共和国保守国家秘密法实施条例》第五条"


def test_validate_orders_codes_and_rejects_unknown_ones():
    catalog = load_catalog()
    assert catalog.validate(["第十六条(二)", "第十四条"]) == ("第十四条", "第十六条(二)")
    with pytest.raises(UnknownLegalBasis) as info:
        catalog.validate(["第九十九条"])
    assert "第九十九条" in info.value.message_zh and "catalog" in info.value.message_en


@pytest.mark.parametrize(("mutate", "needle"), [
    (lambda d: d["entries"][0].update(note="x"), "note"),
    (lambda d: d.update(extra=1), "extra"),
    (lambda d: d["entries"].append(dict(d["entries"][0])), "第十四条"),
    (lambda d: d["entries"][0].update(effect="forbidden"), "forbidden"),
    (lambda d: d["entries"][0].update(instrument="宪法"), "宪法"),
    (lambda d: d["entries"][0].update(article="十四"), "article"),
    (lambda d: d["entries"][0].pop("title_en"), "title_en"),
    (lambda d: d["instruments"]["条例"].update(zh=""), "zh"),
])
def test_strict_loader(tmp_path, mutate, needle):
    data = copy.deepcopy(SHIPPED)
    mutate(data)
    path = tmp_path / "legal_basis.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigurationError) as info:
        load_catalog(path)
    assert needle in str(info.value)
