"""`reviewer redact --workspace`: the verified export is recorded, review decisions are applied."""

from __future__ import annotations

import docx

from reviewer.core.service import open_workspace

from .conftest import DATA, run_redact, sha256


def test_verified_export_recorded_and_decisions_applied(capsys, tmp_path, leak):
    ws_dir = tmp_path / "ws"
    out = tmp_path / "first.docx"
    code, _, stderr = run_redact(capsys, str(DATA / "penalty-decision.docx"), "-o", str(out),
                                 "--workspace", str(ws_dir))
    assert code == 0, stderr
    ws = open_workspace(ws_dir)
    try:
        (doc,) = ws.documents()
        (export,) = ws.exports(doc.id)
        assert export.verified and export.output_sha256 == sha256(out)
        # each detection run records the term lists it used (issue 33)
        assert [e.action for e in ws.events(doc.id)] == ["document.imported", "findings.detected", "export.recorded"]
        assert ws.verify().ok
        admin = ws.create_first_admin("admin", "correct horse battery")
        reviewer = ws.create_user(admin, "reviewer1", "reviewer", "another good password")
        session = ws.session(doc.id, reviewer)
        phone = next(f for f in ws.findings(doc.id) if f.finding.text == leak.PHONE_TABLE)
        session.reject(phone.id, "单位公开联系电话，非个人信息 / office number, not personal")
    finally:
        ws.close()
    second = tmp_path / "second.docx"
    code, _, stderr = run_redact(capsys, str(DATA / "penalty-decision.docx"), "-o", str(second),
                                 "--workspace", str(ws_dir))
    assert code == 0, stderr
    texts = [p.text for p in docx.Document(str(second)).paragraphs]
    assert texts[3] == f"联系电话：{leak.PHONE_TABLE}"  # rejected by the reviewer: published
    assert texts[2] == "公民身份号码：500106********4515"  # undecided: the profile applies
    ws = open_workspace(ws_dir)
    try:
        assert [e.verified for e in ws.exports(ws.documents()[0].id)] == [True, True]
        assert ws.verify().ok  # the second run's detection event and what it added check out
    finally:
        ws.close()


def test_keyed_hash_is_stable_across_documents_of_one_workspace(capsys, tmp_path, leak):
    profile = tmp_path / "hash.yaml"
    profile.write_text("name: hashed\nextends: general\nentities:\n  CN_ID_CARD: {operator: hash}\n",
                       encoding="utf-8")
    tokens = []
    for i, (src, ws) in enumerate([("penalty-decision.docx", "a"), ("leak.docx", "a"), ("penalty-decision.docx", "b")]):
        out = tmp_path / f"out{i}.docx"
        code, _, stderr = run_redact(capsys, str(DATA / src), "-o", str(out), "--profile", str(profile),
                                     "--workspace", str(tmp_path / ws))
        assert code == 0, stderr
        body = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
        token = next(line.split("：")[-1].split("，")[0] for line in body.splitlines() if "[身份证号-" in line)
        tokens.append(token[token.index("[身份证号-"):token.index("]") + 1])
    assert tokens[0] == tokens[1]  # same ID, same workspace key: same token in both documents
    assert tokens[0] != tokens[2]  # another workspace has another key
