"""The fictional values planted in the generated test documents, one per hiding place.

Shared by the generator and the tests: what a test expects is what the generator wrote. The ID
numbers carry valid GB 11643 check characters and the phones valid prefixes, so a validating
detector finds them as well as the interim regexes.
"""

from __future__ import annotations

_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_number(first17: str) -> str:
    """Append the ISO 7064 MOD 11-2 check character."""
    total = sum(int(d) * w for d, w in zip(first17, _WEIGHTS))
    return first17 + "10X98765432"[total % 11]


SPLIT_ID = id_number("11010519491231002")

PLANTED = {
    "header": "13812345678",
    "footer": "footer.leak@example.com",
    "comment": id_number("44010619800101123"),
    "comment_author": "赵审核",
    "change_author": "李修订",
    "tracked_insertion": "13987654321",
    "tracked_deletion": "deleted.leak@example.com",
    "table_cell": id_number("32010219750505301"),
    "textbox": "15011112222",
    "split_name_runs": ("王", "小", "明"),
    "split_id_runs": (SPLIT_ID[:6], SPLIT_ID[6:14], SPLIT_ID[14:]),
    "split_id": SPLIT_ID,
    "footnote": "18622223333",
    "endnote": "endnote.leak@example.com",
    "hyperlink": "link.leak@example.com",
    "custom_property": "17733334444",
    "core_author": "张作者",
    "pdf_author": "PDF作者",
    "pdf_page2": id_number("50010619900307451"),
    "xmp_creator": "XMP作者",
    "pdf_annotation": "13644445555",
    "pdf_outline": "outline.leak@example.com",
    "pdf_attachment": "张三-身份证复印件.txt",
    "txt_id": id_number("51010219850615201"),
}
