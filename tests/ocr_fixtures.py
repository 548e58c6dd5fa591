"""Scanned test documents made at test time: rendered with reportlab and the CJK font, rasterised with
pdfium, degraded as a scanner degrades them (noise, a tilt of 1-3 degrees, one page turned a quarter),
and packed as a scanned PDF, a docx with a screenshot of an ID card page, a JPEG and a multi-page TIFF.

Every planted value is returned with the document, so a test expects exactly what was written. The
people are fictional; ID numbers carry valid GB 11643 check characters, phones valid prefixes.
"""

from __future__ import annotations

import io
import random
from dataclasses import dataclass, field
from pathlib import Path

from tests.data.documents.planted import id_number

FONT = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"


@dataclass
class Planted:
    names: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)

    def extend(self, other: Planted) -> None:
        self.names += other.names
        self.ids += other.ids
        self.phones += other.phones

    @property
    def values(self) -> list[str]:
        return self.names + self.ids + self.phones


# the punished party and a third party; the roster's household heads
PENALTY = {"party": "王建国", "agent": "李秀英", "id": id_number("50010619870315451"), "phone": "13896001234",
           "agent_phone": "15923456781"}
ROSTER = [("张德明", id_number("50022819560312211"), "13512340001", "民主村"),
          ("刘桂兰", id_number("50022819621108162"), "13983450002", "和平村"),
          ("陈志强", id_number("50022819700521231"), "15823670003", "红星村"),
          ("杨淑珍", id_number("50022819481230042"), "18702340004", "民主村"),
          ("赵永福", id_number("50022819590707251"), "13658900005", "新华村"),
          ("黄丽萍", id_number("50022819750214062"), "17782310006", "和平村"),
          ("周国华", id_number("50022819660919271"), "13320450007", "红星村"),
          ("吴秀云", id_number("50022819530403082"), "18996540008", "新华村")]
ID_CARD = {"name": "孙海燕", "id": id_number("50010319880612302"), "phone": "13752468100"}


def _font() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if "WQY" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("WQY", FONT, subfontIndex=0))
    return "WQY"


def penalty_pdf() -> tuple[bytes, Planted]:
    """A one-page 行政处罚决定书 as a text PDF (rendered before it is scanned)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    p = PENALTY
    lines = [
        ("重庆市渝北区市场监督管理局", 18, 160), ("行政处罚决定书", 18, 220),
        ("渝北市监处罚〔2024〕118号", 12, 230), ("", 12, 0),
        (f"当事人：{p['party']}，男，公民身份号码：{p['id']}", 12, 72),
        ("住所：重庆市渝北区龙溪街道金龙路12号", 12, 72),
        (f"联系电话：{p['phone']}", 12, 72),
        (f"委托代理人：{p['agent']}，联系电话：{p['agent_phone']}", 12, 72),
        ("", 12, 0),
        ("2024年3月5日，本局执法人员对当事人经营的超市进行检查，发现其货架上", 12, 72),
        ("陈列销售的12袋饼干已超过保质期。经查，当事人于2024年2月购进上述饼干，", 12, 72),
        ("货值金额360元，违法所得96元。上述事实有现场检查笔录、询问笔录等证据证实。", 12, 72),
        ("当事人的行为违反了《中华人民共和国食品安全法》第三十四条第（十）项的规定。", 12, 72),
        ("依据《中华人民共和国食品安全法》第一百二十四条第一款，本局决定：", 12, 72),
        ("一、没收违法所得96元；二、罚款人民币五万元。", 12, 72),
        ("当事人应自收到本决定书之日起十五日内缴纳罚款。", 12, 72),
        ("", 12, 0), ("重庆市渝北区市场监督管理局", 12, 330), ("2024年4月2日", 12, 360),
    ]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    y = 770
    for text, size, x in lines:
        if text:
            c.setFont(font, size)
            c.drawString(x, y, text)
        y -= size * 2.1
    c.save()
    return buf.getvalue(), Planted(names=[p["party"], p["agent"]], ids=[p["id"]], phones=[p["phone"], p["agent_phone"]])


def roster_pdf() -> tuple[bytes, Planted]:
    """A one-page 低保 roster table as a text PDF."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font, 16)
    c.drawString(120, 780, "龙溪街道2024年第一季度城乡低保对象公示")
    cols = [(40, "序号"), (80, "户主姓名"), (150, "公民身份号码"), (330, "联系电话"), (430, "所在村"), (500, "保障人数")]
    y = 740
    c.setFont(font, 11)
    for x, head in cols:
        c.drawString(x, y, head)
    for k, (name, ident, phone, village) in enumerate(ROSTER, 1):
        y -= 30
        c.line(36, y + 20, 560, y + 20)
        for (x, _), value in zip(cols, (str(k), name, ident, phone, village, str(1 + k % 4))):
            c.drawString(x, y, value)
    c.line(36, y - 10, 560, y - 10)
    c.setFont(font, 11)
    c.drawString(40, y - 40, "公示期为7天。如有异议，请向龙溪街道社会事务办公室反映。")
    c.save()
    return buf.getvalue(), Planted(names=[r[0] for r in ROSTER], ids=[r[1] for r in ROSTER],
                                   phones=[r[2] for r in ROSTER])


def rasterise(pdf: bytes, dpi: int, *, seed: int = 0, tilt: float = 0.0, quarter: bool = False,
              noise: float = 10.0):  # noqa: ANN201 - a PIL image
    """The first page as a scanner would deliver it: grey, noisy, tilted, possibly turned a quarter."""
    import numpy as np
    import pypdfium2 as pdfium
    from PIL import Image

    doc = pdfium.PdfDocument(pdf)
    try:
        image = doc[0].render(scale=dpi / 72).to_pil().convert("L")
    finally:
        doc.close()
    if tilt:
        image = image.rotate(tilt, resample=Image.BICUBIC, expand=False, fillcolor=255)
    rng = np.random.default_rng(seed)
    pixels = np.asarray(image, dtype=np.float32) * 0.92 + 8  # grey paper, not quite black ink
    pixels += rng.normal(0.0, noise, pixels.shape)
    specks = rng.random(pixels.shape) < 0.0005
    pixels[specks] = 40
    image = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    if quarter:
        image = image.transpose(Image.Transpose.ROTATE_270)  # turned a quarter clockwise, as fed sideways
    image.info["dpi"] = (dpi, dpi)
    return image


def scanned_pdf(images: list, dpi: int) -> bytes:
    """A PDF of page images only (JPEG), as a scanner writes it: no text layer at all."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for image in images:
        width, height = image.width * 72 / dpi, image.height * 72 / dpi
        c.setPageSize((width, height))
        jpeg = io.BytesIO()
        image.save(jpeg, format="JPEG", quality=85)
        jpeg.seek(0)
        c.drawImage(ImageReader(jpeg), 0, 0, width, height)
        c.showPage()
    c.save()
    return buf.getvalue()


def scanned_set(dpi: int, *, rotated: bool = False) -> tuple[bytes, Planted]:
    """The penalty decision (tilted 1.5 degrees) and the roster (tilted -2.5 degrees, or turned a quarter)."""
    penalty, p1 = penalty_pdf()
    roster, p2 = roster_pdf()
    pages = [rasterise(penalty, dpi, seed=1, tilt=1.5),
             rasterise(roster, dpi, seed=2, tilt=0.0 if rotated else -2.5, quarter=rotated)]
    planted = Planted()
    planted.extend(p1)
    planted.extend(p2)
    return scanned_pdf(pages, dpi), planted


def id_card_picture():  # noqa: ANN201 - a PIL image
    """A screenshot-like picture of an ID card page: a card with its fields, and a caption line."""
    from PIL import Image, ImageDraw, ImageFont

    big = ImageFont.truetype(FONT, 30)
    small = ImageFont.truetype(FONT, 24)
    image = Image.new("RGB", (1000, 640), (236, 240, 244))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((40, 40, 960, 560), radius=24, fill=(250, 246, 232), outline=(180, 170, 150), width=3)
    draw.rectangle((700, 90, 900, 340), fill=(205, 210, 215))  # the photo
    card = ID_CARD
    rows = [(f"姓名  {card['name']}", 90), ("性别  女    民族  汉", 150), ("出生  1988 年 6 月 12 日", 210),
            ("住址  重庆市南岸区南坪街道", 270), ("      江南大道8号3单元", 320)]
    for text, y in rows:
        draw.text((80, y), text, font=big, fill=(30, 30, 30))
    draw.text((80, 460), f"公民身份号码  {card['id']}", font=big, fill=(20, 20, 20))
    draw.text((40, 590), f"申请人联系电话：{card['phone']}（截图）", font=small, fill=(60, 60, 60))
    return image


def id_card_docx(path: Path) -> Planted:
    """A docx whose only trace of the applicant is a pasted screenshot of the ID card page."""
    import docx
    from docx.shared import Cm

    document = docx.Document()
    document.add_paragraph("关于申请临时救助的材料")
    document.add_paragraph("申请人身份证明材料如下：")
    buf = io.BytesIO()
    id_card_picture().save(buf, format="PNG")
    buf.seek(0)
    document.add_picture(buf, width=Cm(14))
    document.add_paragraph("以上材料经社区核实无误。")
    document.save(str(path))
    card = ID_CARD
    return Planted(names=[card["name"]], ids=[card["id"]], phones=[card["phone"]])


def id_card_jpeg(path: Path) -> Planted:
    image = id_card_picture()
    image.save(str(path), format="JPEG", quality=88, dpi=(150, 150))
    card = ID_CARD
    return Planted(names=[card["name"]], ids=[card["id"]], phones=[card["phone"]])


def roster_tiff(path: Path, dpi: int = 150) -> Planted:
    """A two-page TIFF: the penalty decision and the roster, tilted a little."""
    penalty, p1 = penalty_pdf()
    roster, p2 = roster_pdf()
    pages = [rasterise(penalty, dpi, seed=3, tilt=-1.0), rasterise(roster, dpi, seed=4, tilt=2.0)]
    pages[0].save(str(path), format="TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw",
                  dpi=(dpi, dpi))
    planted = Planted()
    planted.extend(p1)
    planted.extend(p2)
    return planted


def dense_page(dpi: int = 200, seed: int = 7):  # noqa: ANN201 - a PIL image and its lines
    """A dense A4 page of body text (the benchmark's page): 40 lines of 10.5 pt text, and the lines."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    font = _font()
    rng = random.Random(seed)
    words = ("根据", "《中华人民共和国政府信息公开条例》", "第二十条", "规定", "本机关", "主动公开", "下列",
             "政府信息", "行政处罚", "决定书", "当事人", "违法事实", "证据", "处罚依据", "2024年", "3月",
             "第118号", "联系电话", "13896001234", "重庆市", "渝北区", "街道", "社区", "居民委员会", "，", "。",
             "、")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    c.setFont(font, 10.5)
    y = 800
    lines = []
    for _ in range(40):
        line = ""
        while len(line) < 40:
            line += rng.choice(words)
        lines.append(line[:44])
        c.drawString(50, y, lines[-1])
        y -= 19
    c.save()
    return rasterise(buf.getvalue(), dpi, seed=seed, tilt=0.8), lines
