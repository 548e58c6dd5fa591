"""Why a finding was reported, in the reader's language, without class names.

Detection writes one Chinese sentence per finding (`core.detection.explain`: "姓名：ChinesePersonRecognizer
识别；依据：模型 zh_reviewer_ner 识别为人名 … / NER model … found a name …；分数 0.95。") and keeps the facts
a reviewer needs in `Finding.recognizer`, `score` and `attributes` (`validated`, `context_word`). The
details pane shows those facts as short lines in the UI language: how it was found (a pattern, the
language model, the restricted-content rules, the reviewer), what was checked, which context word
decided it. Where detection wrote a part in both languages ("中文 / English") the reader's half is used;
a part written only in Chinese is shown in a Chinese interface and left out of an English one (the
English lines say the same thing from the structured facts).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from reviewer.core.types import Finding, is_possible
from reviewer.ui.labels import entity_type_name

translate = QCoreApplication.translate

_PATTERN = re.compile(r"按模式“([^”]+)”识别")
_MODEL = re.compile(r"模型 ([A-Za-z0-9_.-]+)")
_RAISED = re.compile(r"使分数由 ([0-9.]+) 升至 ([0-9.]+)")
_NER = {"ChinesePersonRecognizer", "ChineseOrganizationRecognizer", "ChineseAddressRecognizer"}
MANUAL, PROPAGATED = "manual", "propagation"  # core.review.decisions.MANUAL / PROPAGATED


@dataclass(frozen=True, slots=True)
class Why:
    """The lines of the details pane's "Why" section."""

    method: str  # how it was found
    check: str = ""  # what was verified (checksum, format, model's reason)
    context: str = ""  # the context word that decided it, and how it changed the score
    completed: str = ""  # the name was completed to a longer one found elsewhere


def _parts(explanation: str) -> list[str]:
    return [p.strip().rstrip("。") for p in explanation.split("；") if p.strip()]


def _half(part: str, chinese: bool) -> str:
    """The reader's half of "中文 / English"; a Chinese-only part only for a Chinese reader."""
    if " / " in part:
        zh, en = part.split(" / ", 1)
        return zh.strip() if chinese else en.strip()
    return part if chinese else ""


def explain(finding: Finding, chinese: bool) -> Why:
    f = finding
    parts = _parts(f.explanation or "")
    recognizer = f.recognizer or ""
    completed = ""
    if "（按文中其他位置的同名补全" in (f.explanation or ""):
        completed = translate("Explanation", "Completed to the same name found elsewhere in the document.")
    if recognizer == MANUAL:  # the reviewer's own note is shown with the decision
        return Why(translate("Explanation", "Marked by the reviewer."))
    if recognizer == PROPAGATED or f.explanation.startswith("same value as"):
        return Why(
            translate(
                "Explanation",
                "Another occurrence of a value that is removed elsewhere: the copy replaces every "
                "occurrence of a removed value.",
            )
        )
    if is_possible(f):  # a possible name (tier 2): say so first, then the weak evidence
        basis = next((p for p in parts if p.startswith("依据：")), "")
        check = _half(basis.removeprefix("依据："), chinese)
        if check and not chinese:
            check = check[0].upper() + check[1:] + "."
        method = translate("Explanation", "Possible name: a low-score candidate. The copy changes it only if you "
                                          "accept it.")
        return Why(method, check, completed=completed)
    if recognizer in _NER:
        model = _MODEL.search(f.explanation or "")
        method = translate("Explanation", "Found by the language model (%1).").replace(
            "%1", model.group(1) if model else "NER"
        )
        basis = next((p for p in parts if p.startswith("依据：")), "")
        check = _half(basis.removeprefix("依据："), chinese)
        if check and not chinese:
            check = check[0].upper() + check[1:] + "."
        return Why(method, check, completed=completed)
    pattern = _PATTERN.search(f.explanation or "")
    if pattern or recognizer.startswith("Cn"):
        if chinese and pattern:
            method = translate("Explanation", "Matched the pattern “%1”.").replace("%1", pattern.group(1))
        else:
            method = translate("Explanation", "Matched the pattern of a %1.").replace(
                "%1", entity_type_name(f.entity_type)
            )
        check = ""
        if chinese:
            check = next((p.removeprefix("校验：") for p in parts if p.startswith("校验：")), "")
        elif f.attributes.get("validated") is True:
            check = translate("Explanation", "Its check digit or format was verified.")
        elif f.attributes.get("validated") is False:
            check = translate(
                "Explanation", "Its check failed (perhaps a typing error): reported with a lower score."
            )
        return Why(method, check, _context(f), completed)
    # the restricted-content rules (markings, restriction phrases, the printed disclosure note)
    method = translate("Explanation", "Found by the restricted-content rules (%1).").replace(
        "%1", entity_type_name(f.entity_type)
    )
    return Why(method, f.explanation if chinese else _restricted_en(f), _context(f))


def _context(f: Finding) -> str:
    word = f.attributes.get("context_word")
    if not word:
        return ""
    raised = _RAISED.search(f.explanation or "")
    if raised:
        return (
            translate("Explanation", "The word “%1” nearby raised the score from %2 to %3.")
            .replace("%1", str(word))
            .replace("%2", raised.group(1))
            .replace("%3", raised.group(2))
        )
    return translate("Explanation", "The word “%1” nearby supports it.").replace("%1", str(word))


def _restricted_en(f: Finding) -> str:
    """What the rules recorded, from the attributes (the sentence itself is Chinese)."""
    a = f.attributes
    facts = []
    where = {
        "head": translate("Explanation", "in the document head"),
        "edge": translate("Explanation", "in a page header or footer"),
        "body": translate("Explanation", "in the body text"),
        "other": translate("Explanation", "in a comment, note or property"),
    }.get(str(a.get("position")))
    if where:
        facts.append(where)
    if a.get("layout"):
        facts.append(translate("Explanation", "placed as %1 prescribes").replace("%1", str(a["layout"])))
    if a.get("level"):  # the document's own words are quoted
        facts.append(translate("Explanation", "classification level “%1”").replace("%1", str(a["level"])))
    if a.get("period"):
        facts.append(translate("Explanation", "period “%1”").replace("%1", str(a["period"])))
    if a.get("attribute"):
        names = {
            "主动公开": translate("Explanation", "proactive disclosure"),
            "依申请公开": translate("Explanation", "disclosure on request"),
            "不予公开": translate("Explanation", "not disclosed"),
            "删减后公开": translate("Explanation", "released after redaction"),
        }
        value = str(a["attribute"])
        facts.append(
            translate("Explanation", "printed disclosure attribute “%1” (%2)")
            .replace("%1", value)
            .replace("%2", names.get(value, value))
        )
    return "; ".join(facts)


def role_text(finding: Finding, chinese: bool = True) -> str:
    """The person's role in the document and whose information it is, when detection recorded them, in the
    reader's language (the core's labels: 当事人, 公示对象 …; never the stored code)."""
    from reviewer.core.reports.labels import OWNERS, label, role_label

    language = "zh" if chinese else "en"
    role, owner = finding.attributes.get("role"), finding.attributes.get("owner")
    parts = [role_label(str(role), language) or str(role)] if role else []
    if owner:
        name = label(OWNERS, str(owner), language) or str(owner)
        parts.append(translate("Explanation", "belongs to %1").replace("%1", name))
    return " · ".join(parts)
