"""Deterministic benchmark documents: government prose with personal information sprinkled in.

`generate(folder)` writes a 300-page text PDF (reportlab, built-in CID font STSong-Light), a
200-page docx (python-docx), a 5 MB UTF-8 txt, a 100-page OFD (its XML written here), a 100,000-row benefit
roster xlsx (xlsxwriter) and, where LibreOffice is installed, a 50-page Word 97 .doc (a docx like the roster,
saved by LibreOffice), and returns what was planted in each, so recall can
be measured. Same seed, same bytes of text (the files are rebuilt only when missing).
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from pathlib import Path

SEED = 20261128
PROSE = [
    "各区县人民政府要坚持以公开为常态、不公开为例外，全面提高政府工作透明度",
    "政府全体会议和常务会议讨论决定的事项，除依法需要保密的外都要及时公开",
    "围绕重大项目建设、减税降费、就业创业等方面，加大信息公开力度",
    "市级各部门要进一步健全政务公开工作机制，明确分管负责人和工作机构",
    "对涉及群众切身利益的政策文件，应当通过政府网站、政务新媒体等渠道及时发布",
    "本年度共受理政府信息公开申请一千二百件，按期答复率达到百分之百",
    "加强政府信息公开保密审查，严格落实先审查、后公开和一事一审原则",
    "推进基层政务公开标准化规范化建设，编制完善公开事项目录",
    "强化政策解读，主要负责同志要带头宣讲政策，解读材料与政策文件同步发布",
    "稳妥推进财政预决算、重大建设项目批准和实施等领域的信息公开",
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚"
GIVEN = "建国晓梅志强秀英海峰丽娟明辉红霞国华玉兰德胜春燕文静子涵浩然雨欣俊杰婷婷"
REGIONS = ["500106", "500103", "510102", "110105", "440305", "320102", "330106", "420111"]
STREETS = ["天星桥正街", "解放碑步行街", "人民路", "建设大道", "学府大道", "滨江路", "龙湖西路"]
MOBILE_PREFIXES = ["130", "135", "138", "139", "150", "158", "166", "177", "180", "186", "189", "199"]
ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


@dataclass(frozen=True)
class Planted:
    entity_type: str
    value: str


def id_number(rng: random.Random) -> str:
    body = (rng.choice(REGIONS) + f"{rng.randint(1950, 2005)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}"
            + f"{rng.randint(0, 999):03d}")
    check = "10X98765432"[sum(int(d) * w for d, w in zip(body, ID_WEIGHTS)) % 11]
    return body + check


def bank_card(rng: random.Random) -> str:
    body = "621700" + "".join(str(rng.randint(0, 9)) for _ in range(12))
    total = 0
    for i, d in enumerate(reversed(body)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            n -= 9 if n > 9 else 0
        total += n
    return body + str((10 - total % 10) % 10)


def uscc(rng: random.Random) -> str:
    body = "91" + rng.choice(REGIONS) + "".join(rng.choice(USCC_ALPHABET[:10] + "MAUX") for _ in range(9))
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(body, USCC_WEIGHTS))
    return body + USCC_ALPHABET[(31 - total % 31) % 31]


def personal_sentence(rng: random.Random) -> tuple[str, list[Planted]]:
    name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
    kind = rng.randrange(5)
    if kind == 0:
        v = id_number(rng)
        return f"申请人{name}，公民身份号码{v}，已按规定提交相关材料", [Planted("CN_ID_CARD", v)]
    if kind == 1:
        v = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        return f"联系人{name}，联系电话{v}，请于工作日办理", [Planted("CN_MOBILE_PHONE", v)]
    if kind == 2:
        v = bank_card(rng)
        return f"补贴资金已发放至{name}的银行账户{v}", [Planted("CN_BANK_CARD", v)]
    if kind == 3:
        v = f"{rng.choice('abcdefghijk')}{rng.randint(100, 99999)}@example.com"
        return f"经办人{name}的电子邮箱为{v}，逾期不再受理", [Planted("EMAIL_ADDRESS", v)]
    v = uscc(rng)
    return f"当事人统一社会信用代码{v}，住所地{rng.choice(STREETS)}{rng.randint(1, 300)}号", [Planted("CN_USCC", v)]


def paragraphs(rng: random.Random, n_chars: int, every: int = 6) -> tuple[list[str], list[Planted]]:
    """Paragraphs of about 200 characters; every `every`-th sentence carries personal information."""
    out: list[str] = []
    planted: list[Planted] = []
    total = 0
    k = 0
    while total < n_chars:
        sentences = []
        for _ in range(4):
            k += 1
            if k % every == 0:
                s, p = personal_sentence(rng)
                planted.extend(p)
            else:
                s = rng.choice(PROSE)
            sentences.append(s + "。")
        para = "".join(sentences)
        out.append(para)
        total += len(para)
    return out, planted


def make_pdf(path: Path, pages: int = 300) -> list[Planted]:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    rng = random.Random(SEED)
    per_line, per_page = 34, 38
    lines: list[str] = []
    planted: list[Planted] = []
    k = 0
    while len(lines) < pages * per_page:
        k += 1
        if k % 6 == 0:
            sentence, p = personal_sentence(rng)
            planted.extend(p)
            # a planted value is never split over two lines: break only at the clause commas
            lines.extend(clause + "，" for clause in sentence.split("，")[:-1])
            lines.append(sentence.split("，")[-1] + "。")
        else:
            sentence = rng.choice(PROSE) + "。"
            lines.extend(sentence[i:i + per_line] for i in range(0, len(sentence), per_line))
    lines = lines[: pages * per_page]
    if not lines[-1].endswith("。"):  # drop a half-planted tail so the truth stays exact
        while not lines[-1].endswith("。"):
            lines.pop()
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, pageCompression=1)
    c.setTitle("政务公开工作报告（基准测试）")
    for page in range(pages):
        c.setFont("STSong-Light", 14)
        for row, line in enumerate(lines[page * per_page:(page + 1) * per_page]):
            c.drawString(40, 800 - 20 * row, line)
        c.showPage()
    c.save()
    text = "".join(lines)
    return [p for p in planted if p.value in text]


def make_docx(path: Path, pages: int = 200) -> list[Planted]:
    import docx

    rng = random.Random(SEED + 1)
    d = docx.Document()
    d.core_properties.title = "补贴发放情况报告（基准测试）"
    planted: list[Planted] = []
    for page in range(pages):
        d.add_heading(f"第{page + 1}部分", level=2)
        paras, p = paragraphs(rng, 900)
        planted.extend(p)
        for para in paras:
            d.add_paragraph(para)
        if page % 10 == 0:
            table = d.add_table(rows=6, cols=4)
            for r in range(6):
                name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, 2))
                v = id_number(rng)
                planted.append(Planted("CN_ID_CARD", v))
                for col, val in enumerate((str(r + 1), name, v, f"{rng.randint(500, 3000)}元")):
                    table.cell(r, col).text = val
        d.add_page_break()
    d.save(str(path))
    return planted


def make_txt(path: Path, size_bytes: int = 5 * 1024 * 1024) -> list[Planted]:
    rng = random.Random(SEED + 2)
    paras, planted = paragraphs(rng, size_bytes // 3)
    path.write_text("\n".join(paras) + "\n", encoding="utf-8")
    return planted


def real_sentences() -> list[str]:
    """Published sentences (MSRA test: news; CLUENER train/dev/test: news and web) from ../shared/data/ner.

    PROSE is 25 sentences repeated: any cache keyed on text (the NER's per-batch embedding dedup among
    them) gains more on it than on documents. These 16,000 sentences occur once each. Empty where the
    data is absent (the row is then left out, and says so)."""
    from reviewer.eval.corpora import DATA_DIR

    msra = DATA_DIR / "msra" / "test" / "sentences.txt"
    clue = [DATA_DIR / "cluener2020" / f"{part}.json" for part in ("train", "dev", "test")]
    if not msra.exists() or not all(p.exists() for p in clue):
        return []
    out = [line.replace(" ", "") for line in msra.read_text(encoding="utf-8").splitlines() if line.strip()]
    for p in clue:
        out += [json.loads(line)["text"] for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return out


def make_real_txt(path: Path) -> list[Planted]:
    """Paragraphs of four published sentences each, every sixth sentence with personal information."""
    rng = random.Random(SEED + 3)
    sentences = real_sentences()
    rng.shuffle(sentences)
    paras, planted, k = [], [], 0
    it = iter(sentences)
    for first in it:
        para = [first]
        for s in it:
            para.append(s)
            if len(para) == 4:
                break
        k += 1
        if k % 2 == 0:  # one sentence in about six (every other paragraph of four + 1)
            s, p = personal_sentence(rng)
            para.insert(rng.randrange(len(para) + 1), s + "。")
            planted.extend(p)
        paras.append("".join(para))
    path.write_text("\n".join(paras) + "\n", encoding="utf-8")
    return planted


def make_ofd(path: Path, pages: int = 100) -> list[Planted]:
    """An OFD (GB/T 33190) written as its XML: one TextObject per line, 34 characters at 4.2 mm with DeltaX."""
    import zipfile
    from xml.sax.saxutils import escape

    rng = random.Random(SEED + 4)
    ns = "http://www.ofdspec.org/2016"
    planted: list[Planted] = []
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OFD.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{ns}" Version="1.1" '
                    'DocType="OFD"><ofd:DocBody><ofd:DocInfo><ofd:Title>政务公开工作报告（基准测试）</ofd:Title>'
                    '</ofd:DocInfo><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
        page_refs = "".join(f'<ofd:Page ID="{1000 + n}" BaseLoc="Pages/Page_{n}/Content.xml"/>' for n in range(pages))
        zf.writestr("Doc_0/Document.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{ns}">'
                    '<ofd:CommonData><ofd:MaxUnitID>999999</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297'
                    '</ofd:PhysicalBox></ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>'
                    f'<ofd:Pages>{page_refs}</ofd:Pages></ofd:Document>')
        zf.writestr("Doc_0/PublicRes.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{ns}">'
                    '<ofd:Fonts><ofd:Font ID="1" FontName="仿宋"/></ofd:Fonts></ofd:Res>')
        object_id = 2000
        for n in range(pages):
            paras, p = paragraphs(rng, 1200)
            lines = [para[i:i + 34] for para in paras for i in range(0, len(para), 34)][:60]
            planted += [q for q in p if q.value in "\n".join(lines)]  # not a value the line wrap cut
            objects = []
            for row, line in enumerate(lines):
                object_id += 1
                objects.append(f'<ofd:TextObject ID="{object_id}" Boundary="25 {20 + 4.4 * row} 160 5" Font="1" '
                               f'Size="4.2"><ofd:TextCode X="0" Y="4" DeltaX="g {len(line) - 1} 4.2">{escape(line)}'
                               '</ofd:TextCode></ofd:TextObject>')
            zf.writestr(f"Doc_0/Pages/Page_{n}/Content.xml", f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page '
                        f'xmlns:ofd="{ns}"><ofd:Content><ofd:Layer ID="{object_id + 100000}">{"".join(objects)}'
                        '</ofd:Layer></ofd:Content></ofd:Page>')
    return planted


def make_doc(path: Path, pages: int = 50) -> list[Planted]:
    """A Word 97 .doc: a 50-page docx like the roster, saved as Word 97 by LibreOffice (needs soffice)."""
    import shutil
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / (path.stem + ".docx")
        planted = make_docx(source, pages)
        subprocess.run([shutil.which("soffice") or "soffice", f"-env:UserInstallation={Path(tmp, 'p').as_uri()}",
                        "--headless", "--convert-to", "doc:MS Word 97", "--outdir", str(path.parent), str(source)],
                       check=True, capture_output=True, timeout=600)
    return planted


VILLAGES = ["双溪村", "大河村", "石门社区", "红岩村", "柏杨村", "新华社区", "白鹿村", "花台村"]
REASONS = ["因病", "因残", "因学", "缺劳动力", "缺技术", "因灾"]


def make_xlsx(path: Path, rows: int = 100_000) -> list[Planted]:
    """A benefit roster of `rows` households (xlsxwriter, constant memory): village, name, ID, phone (a third
    typed as numbers), bank account, household size, amount, reason; a hidden sheet with names and IDs of
    the first thousand, a total row with a formula."""
    import xlsxwriter

    rng = random.Random(SEED + 4)
    planted: list[Planted] = []
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    head = wb.add_format({"bold": True, "bg_color": "#D9E1F2", "border": 1})
    text = wb.add_format({"num_format": "@"})
    ws = wb.add_worksheet("名册")
    for col, width in enumerate((8, 12, 12, 22, 14, 24, 9, 14, 10)):
        ws.set_column(col, col, width)
    ws.write_row(0, 0, ["序号", "村（社区）", "户主姓名", "身份证号码", "联系电话", "银行账号", "家庭人口", "保障金额（元）",
                        "致贫原因"], head)
    hidden: list[tuple[str, str]] = []
    for i in range(rows):
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2))))
        ident, card = id_number(rng), bank_card(rng)
        phone = rng.choice(MOBILE_PREFIXES) + "".join(str(rng.randint(0, 9)) for _ in range(8))
        size = rng.randint(1, 6)
        ws.write_number(i + 1, 0, i + 1)
        ws.write_string(i + 1, 1, rng.choice(VILLAGES))
        ws.write_string(i + 1, 2, name)
        ws.write_string(i + 1, 3, ident, text)
        if i % 3 == 0:
            ws.write_number(i + 1, 4, int(phone))
        else:
            ws.write_string(i + 1, 4, phone, text)
        ws.write_string(i + 1, 5, card, text)
        ws.write_number(i + 1, 6, size)
        ws.write_number(i + 1, 7, size * rng.choice((440, 460, 480)))
        ws.write_string(i + 1, 8, rng.choice(REASONS))
        planted += [Planted("CN_ID_CARD", ident), Planted("CN_MOBILE_PHONE", phone), Planted("CN_BANK_CARD", card)]
        if i < 1000:
            hidden.append((name, ident))
    ws.write_formula(rows + 1, 7, f"=SUM(H2:H{rows + 1})")
    sheet = wb.add_worksheet("原始数据")
    for i, (name, ident) in enumerate(hidden):
        sheet.write_row(i, 0, [name, ident])
    sheet.hide()
    wb.close()
    return planted


def generate(folder: Path) -> dict[str, tuple[Path, list[Planted]]]:
    import shutil

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, tuple[Path, list[Planted]]] = {}
    makers = [("report-300p.pdf", make_pdf), ("roster-200p.docx", make_docx), ("records-5mb.txt", make_txt),
              ("report-100p.ofd", make_ofd), ("roster-100k-rows.xlsx", make_xlsx)]
    if shutil.which("soffice"):
        makers.append(("roster-50p.doc", make_doc))
    if real_sentences():
        makers.append(("published-sentences.txt", make_real_txt))
    for name, maker in makers:
        path = folder / name
        truth = folder / (name + ".planted.json")
        if path.exists() and truth.exists():
            planted = [Planted(**p) for p in json.loads(truth.read_text(encoding="utf-8"))]
        else:
            planted = maker(path)
            truth.write_text(json.dumps([p.__dict__ for p in planted], ensure_ascii=False), encoding="utf-8")
        out[name] = (path, planted)
    return out


if __name__ == "__main__":
    import sys

    for name, (path, planted) in generate(Path(sys.argv[1] if len(sys.argv) > 1 else "bench/out")).items():
        print(name, path.stat().st_size, len(planted))
