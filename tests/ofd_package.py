"""Build OFD packages (GB/T 33190) in tests: the XML written by hand, as a producer would.

`sealed_notice(path)` writes a one-page notice (and a second page) with a name, an ID number and a phone
in the body text — the name written one character per TextObject, as some producers do —, a phone in
a composite unit, a template with the drafter's name and phone, an annotation whose appearance and
remark hold the ID number, a text attachment and a binary one, an invoice-style custom tag, document
info with the author, and an electronic signature with its seal.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

NS = "http://www.ofdspec.org/2016"
NAME = "王建国"
ID_NUMBER = "110105194912310021"
PHONE = "13812345678"
UNIT_PHONE = "13987654321"
DRAFTER = "李晓梅"
DRAFTER_PHONE = "15011112222"
DOC_NUMBER = "渝府办发〔2024〕12号"


def _text(obj_id: int, x: float, y: float, text: str, size: float = 4.2, deltax: str | None = None) -> str:
    """A TextObject with one TextCode at (x, y) mm, each character `size` wide unless `deltax` is given."""
    deltas = deltax if deltax is not None else " ".join([f"{size}"] * (len(text) - 1))
    attr = f' DeltaX="{deltas}"' if len(text) > 1 else ""
    return (f'<ofd:TextObject ID="{obj_id}" Boundary="{x} {y - size} 170 {size * 1.5}" Font="2" Size="{size}">'
            f'<ofd:FillColor Value="0 0 0"/><ofd:TextCode X="0" Y="{size}"{attr}>{text}</ofd:TextCode>'
            f'</ofd:TextObject>')


def _page(body: str, template: bool = True) -> str:
    tpl = '<ofd:Template TemplateID="50" ZOrder="Background"/>' if template else ""
    return (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}">{tpl}<ofd:Area>'
            f'<ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:Area><ofd:Content><ofd:Layer ID="60">{body}'
            f'</ofd:Layer></ofd:Content></ofd:Page>')


def sealed_notice(path: Path, *, signed: bool = True) -> dict[str, str]:
    """Write the package; returns the values planted (what a redaction must remove)."""
    name_objects = "".join(_text(110 + i, 40 + 4.2 * i, 60, ch) for i, ch in enumerate(NAME))
    page1 = _page(
        _text(101, 60, 30, "重庆市人民政府办公厅文件", 8.0)
        + _text(102, 80, 45, DOC_NUMBER)
        + _text(103, 25, 60, "申请人：")
        + name_objects
        + _text(104, 25, 70, f"公民身份号码{ID_NUMBER}，联系电话{PHONE}。", 4.2,
                deltax="g 33 4.2")
        + _text(105, 25, 80, "经审查，同意给予最低生活保障。")
        + '<ofd:CompositeObject ID="106" ResourceID="70" Boundary="25 90 100 10"/>'
        + '<ofd:ImageObject ID="107" ResourceID="80" Boundary="150 200 40 40"/>')
    page2 = _page(_text(201, 25, 30, "特此通知。") + _text(202, 25, 40, "二〇二四年五月一日"))
    template = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Page xmlns:ofd="{NS}"><ofd:Content>'
                f'<ofd:Layer ID="51">{_text(52, 25, 280, f"拟稿人：{DRAFTER}，电话{DRAFTER_PHONE}", 3.5)}</ofd:Layer>'
                f'</ofd:Content></ofd:Page>')
    public_res = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Res xmlns:ofd="{NS}" BaseLoc="Res">'
                  '<ofd:Fonts><ofd:Font ID="2" FontName="仿宋"/></ofd:Fonts>'
                  '<ofd:CompositeGraphicUnits><ofd:CompositeGraphicUnit ID="70" Width="100" Height="10"><ofd:Content>'
                  + _text(71, 0, 5, f"经办电话{UNIT_PHONE}")
                  + '</ofd:Content></ofd:CompositeGraphicUnit></ofd:CompositeGraphicUnits>'
                  '<ofd:MultiMedias><ofd:MultiMedia ID="80" Type="Image"><ofd:MediaFile>photo.png</ofd:MediaFile>'
                  '</ofd:MultiMedia></ofd:MultiMedias></ofd:Res>')
    annotation = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:PageAnnot xmlns:ofd="{NS}">'
                  f'<ofd:Annot ID="301" Type="Highlight" Creator="{DRAFTER}"><ofd:Remark>核对{NAME}的身份证号</ofd:Remark>'
                  f'<ofd:Appearance Boundary="20 100 150 10">{_text(302, 2, 5, f"批注：{ID_NUMBER}")}</ofd:Appearance>'
                  '</ofd:Annot></ofd:PageAnnot>')
    signature_ref = '<ofd:Signatures>/Doc_0/Signatures.xml</ofd:Signatures>' if signed else ""
    ofd = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:OFD xmlns:ofd="{NS}" Version="1.1" DocType="OFD">'
           f'<ofd:DocBody><ofd:DocInfo><ofd:DocID>0c6ad0c8e8d64e0c</ofd:DocID><ofd:Title>关于{NAME}的通知</ofd:Title>'
           f'<ofd:Author>{DRAFTER}</ofd:Author><ofd:Creator>测试</ofd:Creator><ofd:CustomDatas>'
           f'<ofd:CustomData Name="承办人电话">{DRAFTER_PHONE}</ofd:CustomData></ofd:CustomDatas></ofd:DocInfo>'
           f'<ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot>{signature_ref}</ofd:DocBody></ofd:OFD>')
    document = (f'<?xml version="1.0" encoding="UTF-8"?><ofd:Document xmlns:ofd="{NS}"><ofd:CommonData>'
                '<ofd:MaxUnitID>400</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>'
                '</ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes>'
                '<ofd:TemplatePage ID="50" BaseLoc="Tpls/Tpl_0/Content.xml"/></ofd:CommonData>'
                '<ofd:Pages><ofd:Page ID="1" BaseLoc="Pages/Page_0/Content.xml"/>'
                '<ofd:Page ID="2" BaseLoc="Pages/Page_1/Content.xml"/></ofd:Pages>'
                f'<ofd:Outlines><ofd:OutlineElem Title="{NAME}的申请"/></ofd:Outlines>'
                '<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>'
                '<ofd:Attachments>Attachs/Attachments.xml</ofd:Attachments>'
                '<ofd:CustomTags>Tags/CustomTags.xml</ofd:CustomTags></ofd:Document>')
    files = {
        "OFD.xml": ofd,
        "Doc_0/Document.xml": document,
        "Doc_0/PublicRes.xml": public_res,
        "Doc_0/Res/photo.png": b"\x89PNG\r\n\x1a\n" + b"\0" * 32,
        "Doc_0/Pages/Page_0/Content.xml": page1,
        "Doc_0/Pages/Page_1/Content.xml": page2,
        "Doc_0/Tpls/Tpl_0/Content.xml": template,
        "Doc_0/Annots/Annotations.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Annotations xmlns:ofd="{NS}">'
                                        '<ofd:Page PageID="1"><ofd:FileLoc>Page_0/Annotation.xml</ofd:FileLoc>'
                                        '</ofd:Page></ofd:Annotations>',
        "Doc_0/Annots/Page_0/Annotation.xml": annotation,
        "Doc_0/Attachs/Attachments.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Attachments xmlns:ofd="{NS}">'
                                         '<ofd:Attachment ID="90" Name="申请材料" Format="txt"><ofd:FileLoc>申请.txt'
                                         '</ofd:FileLoc></ofd:Attachment><ofd:Attachment ID="91" Name="照片" '
                                         'Format="jpg"><ofd:FileLoc>photo.jpg</ofd:FileLoc></ofd:Attachment>'
                                         '</ofd:Attachments>',
        "Doc_0/Attachs/申请.txt": f"申请人 {NAME} 电话 {PHONE}\n".encode(),
        "Doc_0/Attachs/photo.jpg": b"\xff\xd8\xff\xe0" + b"\0" * 32,
        "Doc_0/Tags/CustomTags.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:CustomTags xmlns:ofd="{NS}">'
                                     '<ofd:CustomTag TypeID="apply"><ofd:FileLoc>CustomTag.xml</ofd:FileLoc>'
                                     '</ofd:CustomTag></ofd:CustomTags>',
        "Doc_0/Tags/CustomTag.xml": f'<?xml version="1.0" encoding="UTF-8"?>\n<:apply xmlns:=""><Applicant>{NAME}'
                                    f'</Applicant><IDNumber>{ID_NUMBER}</IDNumber></:apply>',
    }
    if signed:
        files.update({
            "Doc_0/Signatures.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signatures xmlns:ofd="{NS}">'
                                    '<ofd:MaxSignId>1</ofd:MaxSignId><ofd:Signature ID="1" '
                                    'BaseLoc="/Doc_0/Signs/Sign_0/Signature.xml"/></ofd:Signatures>',
            "Doc_0/Signs/Sign_0/Signature.xml": f'<?xml version="1.0" encoding="UTF-8"?><ofd:Signature xmlns:ofd="{NS}">'
                                                '<ofd:SignedInfo><ofd:StampAnnot ID="1" PageRef="2" '
                                                'Boundary="120 30 40 40"/><ofd:Seal><ofd:BaseLoc>Seal.esl</ofd:BaseLoc>'
                                                '</ofd:Seal></ofd:SignedInfo><ofd:SignedValue>SignedValue.dat'
                                                '</ofd:SignedValue></ofd:Signature>',
            "Doc_0/Signs/Sign_0/Seal.esl": b"0\x82seal" + "重庆市人民政府办公厅".encode("utf-8"),
            "Doc_0/Signs/Sign_0/SignedValue.dat": b"0\x82\x01\x00signed",
        })
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in files.items():
            zf.writestr(name, content.encode("utf-8") if isinstance(content, str) else content)
    return {"name": NAME, "id": ID_NUMBER, "phone": PHONE, "unit_phone": UNIT_PHONE, "drafter": DRAFTER,
            "drafter_phone": DRAFTER_PHONE}
