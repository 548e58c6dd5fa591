"""Issue 24, attack by attack: each numbered attack of the issue, reproduced as an attacker would do it —
through the core API with forged objects, or with plain SQL on the SQLite file — and shown to be caught:
`reviewer audit verify` exits 4 naming the event, or the operation is refused. The same attacks 1–3 as
PostgreSQL's application role are in tests/core/store/test_pg_attacks.py.
"""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import replace

import pytest

from reviewer.core.documents import load_document
from reviewer.core.reports.export_tabular import cell, to_csv
from reviewer.core.review import users as users_module
from reviewer.core.review.errors import ExportNotVerified, SignOffInvalid, StatusTampered, TransitionRefused
from reviewer.core.review.users import Role
from reviewer.core.service import open_workspace
from reviewer.core.store.errors import (
    AuthenticationFailed,
    DocumentCheckedOut,
    PermissionDenied,
    StaleWrite,
    UserExists,
)
from reviewer.core.store.location import DB_FILENAME, WITNESS_FILENAME
from tests.core.audit.forgery import (
    build_review,
    cli,
    copy_folder,
    document_sha,
    forge_event,
    forge_rejection_after_approval,
    id_card_finding,
    run_sql,
    verify_cli,
)
from tests.core.store.workspace_fixtures import DATA, PASSWORDS


@pytest.fixture(scope="module")
def submitted_template(template_workspace, tmp_path_factory):
    folder = copy_folder(template_workspace, tmp_path_factory.mktemp("submitted") / "ws")
    build_review(folder, folder.parent, approve=False)
    return folder


@pytest.fixture(scope="module")
def approved_template(template_workspace, tmp_path_factory):
    folder = copy_folder(template_workspace, tmp_path_factory.mktemp("approved") / "ws")
    build_review(folder, folder.parent, approve=True)
    return folder


@pytest.fixture
def submitted(submitted_template, tmp_path):
    return copy_folder(submitted_template, tmp_path / "ws")


@pytest.fixture
def approved(approved_template, tmp_path):
    return copy_folder(approved_template, tmp_path / "ws")


def _open(folder):
    return open_workspace(folder, create=False)


# --- 1. status from unsigned events ----------------------------------------------------------------------
@pytest.mark.parametrize("action", ["review.approved_by_phone", "review.Approved"])
def test_attack_1_status_from_an_event_the_program_never_writes(submitted, action):
    """The attacker appends a correctly hashed `review.approved_by_phone` (or `review.Approved`) event to a
    submitted document and sets `documents.status = 'approved'` in the SQLite file, hoping for a release."""
    sha = document_sha(submitted, 1)
    seq = forge_event(submitted, actor="bob", action=action, document_id=1, document_sha256=sha,
                      details={"from": "submitted", "to": "approved", "approver": ""},
                      extra_sql=[("UPDATE documents SET status = 'approved' WHERE id = 1", {})])
    result = verify_cli(submitted)
    assert result.returncode == 4
    assert f"Event {seq} ({action}) is not an action this program writes" in result.stderr
    assert f"first bad event: {seq}" in result.stderr
    ws = _open(submitted)
    try:
        with pytest.raises(StatusTampered):  # the status cache disagrees with the chain: no release
            ws.release(1, ws.get_user("bob"), PASSWORDS["bob"])
        assert all(e.action != "review.released" for e in ws.events(1))
    finally:
        ws.close()
    log = cli("log", "export", "--workspace", str(submitted), "--format", "json", "-o", str(submitted / "log.json"))
    assert log.returncode == 4 and '"chain_verified": false' in (submitted / "log.json").read_text(encoding="utf-8")


def test_attack_1_a_review_approved_event_without_a_valid_signature(submitted):
    """The attacker uses the real action name, `review.approved`, with the right status change but cannot
    sign it with bob's key (sealed with his password): no signature, or a signature of other bytes."""
    sha = document_sha(submitted, 1)
    seq = forge_event(submitted, actor="bob", action="review.approved", document_id=1, document_sha256=sha,
                      details={"from": "submitted", "to": "approved", "approver": "bob"}, signature="00" * 64,
                      extra_sql=[("UPDATE documents SET status = 'approved' WHERE id = 1", {})])
    result = verify_cli(submitted)
    assert result.returncode == 4 and f"first bad event: {seq}" in result.stderr
    assert f"The sign-off in event {seq} (review.approved) has no valid signature of bob" in result.stderr
    ws = _open(submitted)
    try:
        with pytest.raises(SignOffInvalid) as refused:
            ws.release(1, ws.get_user("bob"), PASSWORDS["bob"])
        assert "no valid signature of bob" in refused.value.message_en
    finally:
        ws.close()


# --- 2. decisions changed after sign-off -------------------------------------------------------------------
def test_attack_2_a_decision_appended_after_the_approval(approved, tmp_path):
    """After bob signed the approval, the attacker appends a hashed `decision.recorded` (the ID card
    number: accepted → rejected) and inserts the matching decision row, hoping `reviewer redact
    --workspace` then writes a "verified clean" copy that still holds the ID number."""
    finding_id, item = id_card_finding(approved, 1)
    seq = forge_rejection_after_approval(approved, 1, sha256=document_sha(approved, 1), **item)
    result = verify_cli(approved)
    assert result.returncode == 4
    assert f"Event {seq} (decision.recorded) changes the review of document 1 while it is approved" in result.stderr
    assert "The decisions of document 1 changed after the approval in event" in result.stderr
    out = tmp_path / "published.txt"
    redact = cli("redact", str(DATA / "penalty-notice.txt"), "-o", str(out), "--workspace", str(approved))
    assert redact.returncode == 1 and "changed after the approval" in redact.stderr and not out.exists()
    ws = _open(approved)
    try:  # through the API a decision after approval was never possible
        with pytest.raises(TransitionRefused):
            ws.session(1, ws.get_user("alice")).reject(finding_id, "误报")
    finally:
        ws.close()


# --- 3. roles not bound ------------------------------------------------------------------------------------
def test_attack_3_a_user_object_with_a_forged_role(submitted):
    """A caller hands the core a `User` whose roles it edited: the reviewer erin "is" a supervisor and
    approves; alice "is" an administrator and registers a new administrator."""
    ws = _open(submitted)
    try:
        erin, alice = ws.get_user("erin"), ws.get_user("alice")
        with pytest.raises(PermissionDenied) as refused:
            ws.approve(1, replace(erin, roles=frozenset({Role.SUPERVISOR})), PASSWORDS["erin"])
        assert "needs the supervisor role" in refused.value.message_en and "审核人" in refused.value.message_zh
        with pytest.raises(PermissionDenied):
            ws.create_user(replace(alice, roles=frozenset({Role.ADMIN})), "mallory", "admin", "mallory-pass-1",
                           admin_password=PASSWORDS["alice"])
        assert ws.document(1).status == "submitted" and "mallory" not in {u.username for u in ws.users()}
    finally:
        ws.close()
    assert verify_cli(submitted).returncode == 0


def test_attack_3_a_role_changed_in_the_users_table(submitted):
    """The attacker makes the reviewer erin a supervisor with one UPDATE of the SQLite file, approves as
    erin, and puts the role back."""
    run_sql(submitted, "UPDATE users SET role = 'supervisor' WHERE username = 'erin'")
    ws = _open(submitted)
    try:
        erin = ws.get_user("erin")
        with pytest.raises(PermissionDenied) as refused:
            ws.approve(1, erin, PASSWORDS["erin"])
        assert "differs from what the signed audit chain registered" in refused.value.message_en
        with pytest.raises(PermissionDenied):
            ws.login("erin", PASSWORDS["erin"])
        report = ws.verify()
        assert any("User erin's roles" in p.message_en for p in report.problems)
    finally:
        ws.engine.dispose()
    assert verify_cli(submitted).returncode == 4
    run_sql(submitted, "UPDATE users SET role = 'reviewer' WHERE username = 'erin'")
    assert verify_cli(submitted).returncode == 0  # back as it was, and nothing was approved meanwhile


def test_attack_3_a_forged_role_change_event_with_its_row(submitted):
    """A careful attacker also appends a correctly hashed `user.roles_changed` event "by admin", without
    the administrator's key (a signature of zeros), and makes the row agree with it."""
    seq = forge_event(submitted, actor="admin", action="user.roles_changed", signature="00" * 64,
                      details={"username": "erin", "roles": "supervisor", "previous": "reviewer"},
                      extra_sql=[("UPDATE users SET role = 'supervisor' WHERE username = 'erin'", {})])
    result = verify_cli(submitted)
    assert result.returncode == 4 and f"first bad event: {seq}" in result.stderr
    assert f"Event {seq} (user.roles_changed) has no valid signature of admin" in result.stderr
    ws = _open(submitted)
    try:
        with pytest.raises(PermissionDenied):
            ws.approve(1, ws.get_user("erin"), PASSWORDS["erin"])
    finally:
        ws.engine.dispose()


# --- 4. export record unchecked ----------------------------------------------------------------------------
def test_attack_4_no_public_way_to_record_someone_elses_hash(submitted):
    """`record_export(doc, "0"*64, verified=True, output_path="/nonexistent")` used to let the document be
    approved with a zero hash signed. That call is gone: only `DocumentReview.export_copy`, which writes
    and verifies the file itself, records an export."""
    ws = _open(submitted)
    try:
        assert not hasattr(ws, "record_export") and not hasattr(ws, "record_verified_export")
    finally:
        ws.close()


def test_attack_4_a_forged_export_record_is_never_signed(submitted):
    """The attacker writes a verified export record with a zero hash and a file that does not exist (row
    and a correctly hashed event) after the last change, hoping the supervisor signs it."""
    sha = document_sha(submitted, 1)
    forge_event(submitted, actor="alice", action="export.recorded", document_id=1, document_sha256=sha,
                details={"output_path": "/nonexistent/clean.txt", "output_sha256": "0" * 64, "verified": True},
                extra_sql=[("INSERT INTO exports (document_id, output_path, output_sha256, verified, details_json, "
                            "actor, created_at, event_seq) VALUES (1, '/nonexistent/clean.txt', :z, 1, '{}', "
                            "'alice', :ts, :seq)", {"z": "0" * 64})])
    ws = _open(submitted)
    try:
        with pytest.raises(ExportNotVerified) as refused:
            ws.approve(1, ws.get_user("bob"), PASSWORDS["bob"])
        assert "cannot be read here" in refused.value.message_en
        assert all(e.action != "review.approved" for e in ws.events(1))
    finally:
        ws.close()


# --- 5. disabled or deleted users ----------------------------------------------------------------------------
def test_attack_5_a_disabled_user_keeps_an_open_session(ws, people, penalty):
    """alice keeps her review session open after the administrator disabled her account, and goes on
    deciding; then someone re-enables her with an UPDATE of the file."""
    session = ws.session(penalty.id, people.alice)
    first = session.findings()[0]
    session.accept(first.id, "mask")
    ws.set_active(people.admin, "alice", False, admin_password=PASSWORDS["admin"])
    with pytest.raises(PermissionDenied) as refused:
        session.reject(first.id, "误报")
    assert "was disabled" in refused.value.message_en and "停用" in refused.value.message_zh
    with pytest.raises(AuthenticationFailed):
        ws.login("alice", PASSWORDS["alice"])
    assert [e.action for e in ws.events() if e.action.startswith("user.")][-1] == "user.deactivated"
    assert ws.verify().ok
    run_sql(ws.location.folder, "UPDATE users SET active = 1 WHERE username = 'alice'")
    with pytest.raises(PermissionDenied):
        ws.login("alice", PASSWORDS["alice"])
    assert any("User alice's roles, active state" in p.message_en for p in ws.verify().problems)


def test_attack_5_a_deleted_user_row_is_reported(approved):
    """The attacker deletes carol's row (to hide who could have signed) from the SQLite file."""
    run_sql(approved, "DELETE FROM users WHERE username = 'carol'")
    result = verify_cli(approved)
    assert result.returncode == 4 and "User carol's record is missing (registered by event" in result.stderr


# --- 6. stale writes in a team ----------------------------------------------------------------------------------
def test_attack_6_a_decision_from_a_stale_view_does_not_overwrite(ws, people, penalty):
    """erin decides from a view she loaded before alice decided the same finding (team mode: checkouts
    on): her write is refused while alice holds the document, and refused as stale after alice let go."""
    document = load_document(DATA / "penalty-notice.txt")
    alice = ws.review(document, people.alice, checkout=True)
    erin = ws.review(document, people.erin, checkout=True)
    seen = {r.key: r.version for r in erin.rows()}
    key = next(k for k in seen if k.isdigit())
    alice.rows()
    alice.decide([key], "accept")
    assert ws.lease(penalty.id).holder == "alice"
    with pytest.raises(DocumentCheckedOut):
        erin.decide([key], "reject", reason="误报", expected_versions={key: seen[key]})
    alice.close()
    with pytest.raises(StaleWrite) as refused:
        erin.decide([key], "reject", reason="误报", expected_versions={key: seen[key]})
    assert f"you saw version {seen[key]}" in refused.value.message_en
    assert erin.current(key).decision.kind == "accept" and erin.current(key).decision.actor == "alice"
    erin.decide([key], "reject", reason="误报", expected_versions={key: erin.current(key).version})
    assert ws.verify().ok


def test_attack_6b_a_bulk_decision_from_a_stale_view_records_nothing(ws, people, penalty):
    """erin decides many rows at once from a view loaded before alice decided one of them: the whole bulk
    decision is refused as stale, naming that finding, and none of its rows is decided or moved on."""
    document = load_document(DATA / "penalty-notice.txt")
    alice = ws.review(document, people.alice)
    erin = ws.review(document, people.erin)
    seen = {r.key: r.version for r in erin.rows() if r.key.isdigit()}
    assert len(seen) >= 3
    keys = list(seen)
    alice.rows()
    alice.decide([keys[1]], "accept")
    events = len(list(ws.events(penalty.id)))
    with pytest.raises(StaleWrite) as refused:
        erin.decide(keys, "reject", reason="误报", expected_versions=seen)
    assert f"finding {keys[1]} meanwhile (you saw version {seen[keys[1]]}" in refused.value.message_en
    assert len(list(ws.events(penalty.id))) == events
    for key in keys:
        now = erin.current(key)
        assert now.version == seen[key] + (key == keys[1])
        assert (now.decision is None) if key != keys[1] else now.decision.actor == "alice"
    fresh = {k: erin.current(k).version for k in keys}
    erin.decide(keys, "reject", reason="误报", expected_versions=fresh)
    assert all(erin.current(k).decision.kind == "reject" and erin.current(k).version == fresh[k] + 1 for k in keys)
    assert ws.verify().ok


# --- 7. CSV injection --------------------------------------------------------------------------------------------
def test_attack_7_formula_cells_in_the_csv_log(ws, people, penalty, tmp_path):
    """A user named `=HYPERLINK(…)` would make the CSV review log open as a formula in a spreadsheet: the
    name is refused; a formula an attacker slips into the chain's actor column is exported as text."""
    with pytest.raises(PermissionDenied):
        ws.create_user(people.admin, '=HYPERLINK("http://x","y")', "reviewer", "mallory-pass-1",
                       admin_password=PASSWORDS["admin"])
    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert cell(start + "1+1") == "'" + start + "1+1"
    assert cell("alice") == "alice" and cell(12) == "12" and cell(None) == ""
    forge_event(ws.location.folder, actor='=HYPERLINK("http://x","y")', action="document.info_set", document_id=1,
                details={"title": "x", "doc_number": ""})
    rows = list(csv.reader(io.StringIO(to_csv(ws.events()).decode("utf-8-sig"))))
    assert rows[-1][2] == "'=HYPERLINK(\"http://x\",\"y\")"
    assert not ws.verify().ok  # and the chain names the forged event (no such user)


# --- 8. world-readable workspace -------------------------------------------------------------------------------------
def test_attack_8_workspace_files_are_private(tmp_path, monkeypatch):
    """Another account on the machine reads the workspace (password hashes, sealed keys, the documents'
    full unredacted text): the folder is 0700 and its files 0600 whatever the umask; an older workspace
    left 0644 is tightened when opened."""
    old = os.umask(0o022)
    try:
        folder = tmp_path / "ws"
        ws = open_workspace(folder)
        ws.create_first_admin("root", "root-password-1")
        ws.hash_key()  # the keyed-hash operator's key file
        ws.close()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        files = [p for p in folder.iterdir() if p.is_file()]
        assert {p.name for p in files} >= {DB_FILENAME, WITNESS_FILENAME, "deidentify.key"}
        assert {p.name: stat.S_IMODE(p.stat().st_mode) for p in files} == {p.name: 0o600 for p in files}
        for p in files:
            os.chmod(p, 0o644)
        os.chmod(folder, 0o755)
        open_workspace(folder).close()
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700
        assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in folder.iterdir() if p.is_file())
    finally:
        os.umask(old)


# --- 9. the smaller ones -----------------------------------------------------------------------------------------------
def test_attack_9_a_password_change_rotates_the_signing_key(approved):
    """bob's old password leaks (e.g. with an old copy of the database): after he changes it the old
    password opens no key in the workspace, his new key is registered by an event signed with the old
    one, and his earlier approval still verifies."""
    ws = _open(approved)
    try:
        bob = ws.get_user("bob")
        ws.change_password(bob, PASSWORDS["bob"], "bob-new-pass-9")
        after = ws.get_user("bob")
        assert after.public_key != bob.public_key
        event = ws.events()[-1]
        assert event.action == "user.key_registered" and event.actor == "bob" and event.signature
        assert event.details["previous_fingerprint"] == bob.key_fingerprint
        [(sealed,)] = run_sql(approved, "SELECT private_key_sealed FROM users WHERE username = 'bob'")
        with pytest.raises(ValueError):
            users_module.signing.unseal(sealed, PASSWORDS["bob"])
        with pytest.raises(AuthenticationFailed):
            ws.login("bob", PASSWORDS["bob"])
        report = ws.verify()
        assert report.ok, report.problems
        assert ws.key_history()["bob"] == [bob.public_key, after.public_key]
    finally:
        ws.close()


def test_attack_9_login_takes_the_same_work_for_an_unknown_user(ws, monkeypatch):
    """Login time revealed whether a user name exists (no hash was computed for an unknown name): now an
    argon2 verification runs whether the user exists, is disabled, or the password is wrong."""
    calls = []
    real = users_module._HASHER  # noqa: SLF001 - counting what log-in hashes, not timing it
    monkeypatch.setattr(users_module, "_HASHER", type("Spy", (), {
        "verify": lambda _self, hashed, password: calls.append(hashed) or real.verify(hashed, password),
        "hash": lambda _self, password: real.hash(password)})())
    for name, password in (("nobody", "whatever-1"), ("alice", "wrong-password"), ("alice", PASSWORDS["alice"])):
        try:
            ws.login(name, password)
        except AuthenticationFailed:
            pass
    assert len(calls) == 3 and calls[0].startswith("$argon2id$") and calls[0] != calls[1]


@pytest.mark.parametrize(("password", "why"), [
    (" " * 8, "blank"), ("\x00" * 9, "control"), ("abc\x00defgh", "control"), ("short", "at least 8"),
    ("aaaaaaaaaa", "too simple"), ("frank-frank", None), ("frank", "at least 8"),
])
def test_attack_9_password_rules(ws, people, password, why):
    """Passwords of eight spaces, NULs, one repeated character, or too short are refused."""
    if why is None:
        ws.create_user(people.admin, "frank", "reviewer", password, admin_password=PASSWORDS["admin"])
        return
    with pytest.raises(AuthenticationFailed) as refused:
        ws.create_user(people.admin, "frank", "reviewer", password, admin_password=PASSWORDS["admin"])
    assert why in refused.value.message_en


@pytest.mark.parametrize(("name", "error"), [
    ("аdmin", PermissionDenied),  # Cyrillic а
    ("ADMIN", UserExists), ("adm1n", UserExists), ("a.dmin", UserExists), ("ａｄｍｉｎ", UserExists),
    ("bo\u200bb", PermissionDenied), ("bob\x00", PermissionDenied), ("c a r o l", PermissionDenied),
    ("caroI", UserExists), ("os:root", PermissionDenied),
])
def test_attack_9_look_alike_user_names(ws, people, name, error):
    """A second "admin" that looks like the first (Cyrillic letters, digits for letters, full-width forms,
    a zero-width space, NUL) is refused."""
    with pytest.raises(error):
        ws.create_user(people.admin, name, "admin", "mallory-pass-1", admin_password=PASSWORDS["admin"])


def test_attack_9_user_names_are_nfkc_normalised(ws, people):
    user = ws.create_user(people.admin, "ｇｉｎａ２", "reviewer", "gina-pass-12", admin_password=PASSWORDS["admin"])
    assert user.username == "gina2" and ws.login("ｇｉｎａ２", "gina-pass-12").username == "gina2"


def test_attack_9_import_and_export_need_a_session(ws, people, tmp_path):
    """A caller passes a bare name ("bob") as the actor of an import or an export; the CLI's OS account
    is explicit (`Workspace.cli_actor()` → "os:NAME") and may only import and export."""
    document = load_document(DATA / "penalty-notice.txt")
    with pytest.raises(PermissionDenied) as refused:
        ws.import_document(document, [], "bob")
    assert "not a signed-in user" in refused.value.message_en
    info = ws.import_document(document, [], ws.cli_actor())
    assert ws.events(info.id)[0].actor.startswith("os:")
    with pytest.raises(PermissionDenied):
        ws.review(document, "bob").export_copy(tmp_path / "x.txt", rename=False)
    with pytest.raises(PermissionDenied):  # the OS account cannot review
        ws.session(info.id, ws.cli_actor())
    ws.review(document, ws.cli_actor()).export_copy(tmp_path / "y.txt", rename=False)
    assert ws.exports(info.id)[-1].actor.startswith("os:")


def test_attack_9_a_missing_witness_is_reported_until_re_pinned(approved):
    """The attacker deletes the head witness (to truncate the chain without trace later); closing the
    workspace does not quietly write a new one; `audit witness --expect-head` re-pins it after a check."""
    head = _open(approved).head()
    (approved / WITNESS_FILENAME).unlink()
    ws = _open(approved)
    ws.close()
    assert not (approved / WITNESS_FILENAME).exists()
    result = verify_cli(approved)
    assert result.returncode == 4 and "witness file" in result.stderr and "is missing" in result.stderr
    wrong = cli("audit", "witness", "--workspace", str(approved), "--expect-head", f"{head.count}:{'0' * 64}")
    assert wrong.returncode == 4 and not (approved / WITNESS_FILENAME).exists()
    fixed = cli("audit", "witness", "--workspace", str(approved), "--expect-head", f"{head.count}:{head.hash}")
    assert fixed.returncode == 0, fixed.stderr
    assert verify_cli(approved).returncode == 0


def test_attack_9_cli_user_management_is_signed(tmp_path):
    """The CLI's account commands sign each change with the administrator's key (their password)."""
    folder = str(tmp_path / "cli-ws")

    def ws_cli(*args, stdin=""):
        return cli("workspace", *args, "--workspace", folder, stdin=stdin)

    assert ws_cli("init", "--admin", "root", "--also-reviewer", "--password-stdin",
                  stdin="root-password-1\n").returncode == 0
    assert ws_cli("add-user", "bob", "--role", "supervisor", "--as", "root", "--password-stdin",
                  stdin="root-password-1\nbob-password-1\n").returncode == 0
    assert ws_cli("set-roles", "bob", "supervisor+admin", "--as", "root", "--password-stdin",
                  stdin="root-password-1\n").returncode == 0
    assert ws_cli("disable", "bob", "--as", "root", "--password-stdin", stdin="root-password-1\n").returncode == 0
    listing = ws_cli("users").stdout
    assert "root\treviewer+admin\tactive" in listing and "bob\tsupervisor+admin\tDISABLED" in listing
    assert verify_cli(folder).returncode == 0
