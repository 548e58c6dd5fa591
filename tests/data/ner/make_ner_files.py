"""Generate the NER test documents (run: python tests/data/ner/make_ner_files.py; commit the output).

penalty-decision-ner.docx: a fictional administrative penalty decision with a party name after 当事人：,
names in a table, a legal representative, enforcement officers, an already de-identified 张某,
a government body and full addresses.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document

HERE = Path(__file__).resolve().parent
PARAGRAPHS = (
    "重庆市北碚区市场监督管理局",
    "行政处罚决定书",
    "碚市监处罚〔2024〕37号",
    "当事人：邝志强，男，汉族，1981年7月出生，住址：重庆市北碚区天生街道云华路56号3单元7-2。",
    "当事人经营的北碚区志强副食店，经营场所：北碚区朝阳街道北京路102号附5号。",
    "2024年3月18日，本局执法人员易文涛、庞晓琳对当事人经营场所进行检查，发现其销售超过保质期的食品。",
    "经查，上述食品系当事人从张某处购进，张某已另案处理。",
    "当事人的妻子邢慧芳在检查现场，并在现场笔录上签字。",
    "依据《中华人民共和国食品安全法》第一百二十四条，本局决定对当事人处以罚款人民币伍万元。",
    "如不服本处罚决定，可在收到本决定书之日起六十日内向重庆市北碚区人民政府申请行政复议。",
)
TABLE = (("职务", "姓名"), ("承办人", "司马云飞"), ("审核人", "覃丽娟"))


def main() -> None:
    doc = Document()
    for text in PARAGRAPHS:
        doc.add_paragraph(text)
    table = doc.add_table(rows=len(TABLE), cols=2)
    for r, row in enumerate(TABLE):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    doc.core_properties.author = "test"
    out = HERE / "penalty-decision-ner.docx"
    doc.save(out)
    print(out)


if __name__ == "__main__":
    main()
