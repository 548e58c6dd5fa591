"""An injury at a joint or limb named by its side alone (左膝软组织挫伤, 右踝扭伤) is a person's health information
(issue 25): the whole pipeline on a real docx of an accident finding; a side word without a wound is not."""

from __future__ import annotations

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from tests.official_docs import write_docx

PARAGRAPHS = [
    "道路交通事故认定书",
    "事故造成电动自行车乘车人阿苏拉惹左膝软组织挫伤，驾驶人吉克伍呷右踝关节扭伤、左前臂擦伤。",
    "行人李建国右手掌挫裂伤，经医院处置后离院。",
    "民警指挥车辆左转弯进入右侧车道，双向交通恢复正常。",
]


def test_injuries_at_a_side_named_joint_are_sensitive(tmp_path):
    loaded = load_document(write_docx(tmp_path / "injuries.docx", PARAGRAPHS))
    found = [f.text for f in analyze(loaded) if f.entity_type == "SENSITIVE_PERSONAL"]
    assert {"左膝软组织挫伤", "右踝关节扭伤", "左前臂擦伤", "右手掌挫裂伤"} <= set(found), found
    last = loaded.text.index("民警指挥")
    assert not [f for f in analyze(loaded) if f.entity_type == "SENSITIVE_PERSONAL" and f.start >= last]
