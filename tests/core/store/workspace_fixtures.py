"""Shared fixtures for the workspace tests (store, review, audit).

The accounts are created once per session in a template workspace (argon2id hashing is slow by
design) and each test gets a fresh copy of that folder. Documents are the real files in
tests/data/workspace, loaded by the real loader; personal identifiers come from the real detector.
Findings come from the real detector; an expected finding it does not report (e.g. names and
addresses while the NER model is a placeholder) is added at its real offset, so these tests exercise
the workspace rules whatever the detector's current recall.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from reviewer.core.detection import analyze
from reviewer.core.documents import load_document
from reviewer.core.review.attribute import DisclosureRecord
from reviewer.core.service import open_workspace
from reviewer.core.types import Category, DisclosureAttribute, EntityType, Finding, Severity

DATA = Path(__file__).resolve().parents[2] / "data" / "workspace"
PASSWORDS = {"admin": "admin-pass-1", "alice": "alice-pass-1", "bob": "bob-pass-12", "carol": "carol-pass-1",
             "dave": "dave-pass-12", "erin": "erin-pass-12"}
ROLES = {"alice": "reviewer", "bob": "supervisor", "carol": "supervisor", "dave": "auditor", "erin": "reviewer"}


def _marked(document, text: str, entity_type: EntityType, *, severity: Severity | None = None,
            attributes: dict | None = None, category: Category = Category.RESTRICTED) -> Finding:
    start = document.text.index(text)
    return Finding(entity_type=entity_type, start=start, end=start + len(text), text=text, score=0.95,
                   recognizer="test_marking", explanation="marked by the test (detector gap)", category=category,
                   locator=document.locate(start, start + len(text)), severity=severity,
                   attributes=attributes or {})


def _scan(document, expected: list[Finding]) -> list[Finding]:
    """The real detector's findings, plus any expected one it did not report (same type, overlapping)."""
    found = list(analyze(document))
    for want in expected:
        if not any(f.entity_type == want.entity_type and f.start < want.end and want.start < f.end for f in found):
            found.append(want)
    return sorted(found, key=lambda f: (f.start, f.end))


def penalty_findings(document) -> list[Finding]:
    return _scan(document, [
        _marked(document, "张伟", EntityType.PERSON, category=Category.PERSONAL),
        _marked(document, "重庆市渝中区解放碑街道民族路88号", EntityType.CN_ADDRESS, category=Category.PERSONAL),
        _marked(document, "500106198703154519", EntityType.CN_ID_CARD, category=Category.PERSONAL),
        _marked(document, "此件公开发布", EntityType.DISCLOSURE_NOTE, severity=Severity.INFO,
                attributes={"attribute": "主动公开"}),
    ])


def internal_findings(document) -> list[Finding]:
    return _scan(document, [
        _marked(document, "000123", EntityType.COPY_NUMBER, severity=Severity.REVIEW),
        _marked(document, "机密★5年", EntityType.CLASSIFIED_MARKING, severity=Severity.BLOCK,
                attributes={"level": "机密", "period": "5年"}),
        _marked(document, "内部资料", EntityType.INTERNAL_USE, severity=Severity.REVIEW),
        _marked(document, "此件不予公开", EntityType.DISCLOSURE_NOTE, severity=Severity.INFO,
                attributes={"attribute": "不予公开"}),
    ])


@dataclass
class People:
    admin: object
    alice: object
    bob: object
    carol: object
    dave: object
    erin: object


@pytest.fixture(scope="session")
def template_workspace(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template") / "ws"
    ws = open_workspace(folder)
    admin = ws.create_first_admin("admin", PASSWORDS["admin"], "管理员")
    for name, role in ROLES.items():
        ws.create_user(admin, name, role, PASSWORDS[name], admin_password=PASSWORDS["admin"])
    ws.close()
    return folder


@pytest.fixture
def ws_path(template_workspace, tmp_path) -> Path:
    folder = tmp_path / "ws"
    shutil.copytree(template_workspace, folder)
    return folder


@pytest.fixture
def ws(ws_path):
    workspace = open_workspace(ws_path)
    yield workspace
    workspace.close()


@pytest.fixture
def people(ws) -> People:
    return People(**{name: ws.get_user(name) for name in ["admin", *ROLES]})


@pytest.fixture
def penalty(ws):
    document = load_document(DATA / "penalty-notice.txt")
    return ws.import_document(document, penalty_findings(document), ws.cli_actor(),
                              doc_number="渝中市监处罚〔2026〕18号", title="行政处罚决定书")


@pytest.fixture
def internal(ws):
    document = load_document(DATA / "internal-request.txt")
    return ws.import_document(document, internal_findings(document), ws.cli_actor(),
                              title="关于2026年度重点项目资金安排的请示")


def proactive_record() -> DisclosureRecord:
    return DisclosureRecord(DisclosureAttribute.PROACTIVE, ("第二十条",), "", "渝中区市场监督管理局", "王丽",
                            wording="表述准确", timing="决定作出后20个工作日内", channel_scope="政府网站，面向社会")


def redacted_record() -> DisclosureRecord:
    return DisclosureRecord(DisclosureAttribute.REDACTED_RELEASE, ("第十五条", "第三十七条"),
                            "当事人身份证号、电话、住址属个人隐私，删减后公开", "渝中区市场监督管理局", "王丽",
                            wording="表述准确", timing="及时", channel_scope="政府网站")


def withheld_record() -> DisclosureRecord:
    return DisclosureRecord(DisclosureAttribute.WITHHELD, ("第十四条", "第十六条(二)"),
                            "文件标有机密级国家秘密，且为请示类过程性信息", "渝中区财政局", "李娜",
                            wording="不适用", timing="不适用", channel_scope="不公开")


def decide_all(session, *, accept_operator: str = "mask") -> None:
    """Accept (de-identify) every finding; the printed 附注 is confirmed (accepted with `keep`): it is a check,
    never removed, and the attribute record must agree with it (issue 26)."""
    for stored in session.findings():
        if stored.decision is not None:
            continue
        if stored.finding.entity_type == EntityType.DISCLOSURE_NOTE:
            session.accept(stored.id, "keep")
        else:
            session.accept(stored.id, accept_operator)


def redact_and_record(ws, document_id: int, tmp_path: Path, *, actor=None, override_reason: str | None = None) -> str:
    """Export the de-identified copy through the service, as the GUI and `reviewer redact` do: the plan
    from the stored decisions, the writer, the independent verification, and the export recorded by the
    service with the hash of the file it wrote. Returns that hash."""
    info = ws.document(document_id)
    document = load_document(info.path)
    assert document.sha256 == info.sha256
    review = ws.review(document, actor or ws.cli_actor())
    outcome = review.export_copy(tmp_path / f"clean-{document_id}{Path(info.path).suffix}", rename=False,
                                 override_reason=override_reason)
    digest = hashlib.sha256(Path(outcome.output).read_bytes()).hexdigest()
    assert ws.exports(document_id)[-1].output_sha256 == digest
    return digest
