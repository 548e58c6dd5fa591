"""The workspace: one store (SQLite folder or database URL) behind a small API.

Each public method is one committed transaction. The CLI and the GUI share this API; the scan and
redact commands call `import_document` and `record_export` with `--workspace DIR`.
"""

from __future__ import annotations

import getpass
import json
from collections.abc import Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError, OperationalError

from reviewer.core.atomic import write_bytes_atomic
from reviewer.core.audit import chain
from reviewer.core.audit.verify import Problem, VerifyReport, verify_chain
from reviewer.core.errors import ConfigurationError
from reviewer.core.review import documents, leases, queue, signoff, users
from reviewer.core.review.attribute import StoredRecord, latest_record
from reviewer.core.review.consistency import check_state
from reviewer.core.review.decisions import Decision, StoredFinding, load_findings
from reviewer.core.review.documents import DocumentInfo, ExportRecord
from reviewer.core.review.errors import ReviewRefused
from reviewer.core.review.leases import Lease
from reviewer.core.review.queue import Submission
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.states import ReviewStatus
from reviewer.core.review.users import Role, User
from reviewer.core.store import dialect, location, migrations
from reviewer.core.store.errors import PermissionDenied, WorkspaceError
from reviewer.core.types import Finding

Actor = User | str


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One line of the workspace's document list."""

    id: int
    name: str
    path: str
    format: str
    status: str
    attribute: str
    reviewers: tuple[str, ...]
    counts: dict[str, int]  # findings per category
    undecided: int
    updated_at: str


def actor_name(actor: Actor) -> str:
    return actor.username if isinstance(actor, User) else str(actor)


class Workspace:
    def __init__(self, where: location.Location, *, catalog: Any = None, create: bool = True) -> None:
        self.location = where
        if where.folder is not None:
            try:
                where.folder.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise WorkspaceError(f"无法创建工作区文件夹 {where.folder}：{exc.strerror}。请检查路径和权限。",
                                     f"Cannot create the workspace folder {where.folder}: {exc.strerror}. "
                                     "Check the path and permissions.") from exc
        self.engine = dialect.make_engine(where.url)
        self._catalog = catalog
        try:
            with self.write() as conn:
                if not create and migrations.current_version(conn) == 0:
                    raise WorkspaceError(f"{where.display()} 中没有工作区，请检查 --workspace 地址。",
                                         f"There is no workspace in {where.display()}; check the --workspace "
                                         "address.")
                migrations.migrate(conn, now=chain.utc_now())
        except WorkspaceError:
            self.engine.dispose()
            raise
        except DBAPIError as exc:
            self.engine.dispose()
            raise _open_error(where, exc) from exc

    # --- transactions --------------------------------------------------------------------------
    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction: writers queue on the chain lock; commits when the block ends."""
        try:
            with self.engine.connect() as conn:
                conn = dialect.prepare_write(conn)
                with conn.begin():
                    dialect.lock_chain(conn)
                    yield conn
        except OperationalError as exc:  # a full disk at commit: the transaction was rolled back
            if not _disk_full(exc):
                raise
            raise WorkspaceError("工作区所在磁盘已满，本次操作未保存（之前的记录完好）。请释放空间后重试。",
                                 "The workspace disk is full: this action was not saved (earlier records are "
                                 "intact). Free some space and retry.") from exc

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction on one consistent snapshot of the workspace."""
        with self.engine.connect() as conn:
            conn = dialect.prepare_read(conn)
            with conn.begin():
                yield conn

    def close(self) -> None:
        self.write_witness()
        self.engine.dispose()

    @property
    def catalog(self):
        """The legal-basis catalog (`reviewer.core.legal_basis.load_catalog()`), loaded on first use."""
        if self._catalog is None:
            try:
                from reviewer.core.legal_basis import load_catalog
            except ImportError as exc:
                raise ConfigurationError("法律依据目录模块缺失，请重新安装本程序。",
                                         "The legal-basis catalog module is missing; reinstall the program.") from exc
            self._catalog = load_catalog()
        return self._catalog

    # --- users ---------------------------------------------------------------------------------
    def needs_admin(self) -> bool:
        with self.read() as conn:
            return users.count_users(conn) == 0

    def create_first_admin(self, username: str, password: str, display_name: str | None = None) -> User:
        with self.write() as conn:
            if users.count_users(conn):
                raise PermissionDenied("工作区已有用户，请由管理员添加新用户。",
                                       "The workspace already has users; ask an administrator to add you.")
            return users.create_user(conn, username=username, role=Role.ADMIN, password=password,
                                     display_name=display_name, created_by=username)

    def create_user(self, admin: User, username: str, role: Role | str, password: str,
                    display_name: str | None = None) -> User:
        users.require_role(admin, Role.ADMIN, action_zh="添加用户", action_en="add users")
        with self.write() as conn:
            return users.create_user(conn, username=username, role=Role(role), password=password,
                                     display_name=display_name, created_by=admin.username)

    def login(self, username: str, password: str) -> User:
        with self.read() as conn:
            return users.authenticate(conn, username, password)

    def get_user(self, username: str) -> User:
        with self.read() as conn:
            return users.get_user(conn, username)

    def change_password(self, user: User, old_password: str, new_password: str) -> None:
        with self.write() as conn:
            users.change_password(conn, user, old_password, new_password)

    def public_keys(self) -> dict[str, str]:
        with self.read() as conn:
            return users.public_keys(conn)

    @staticmethod
    def cli_actor() -> str:
        """Actor name for CLI runs without a sign-in (scan/redact): the operating-system account."""
        try:
            return f"os:{getpass.getuser()}"
        except (KeyError, OSError):
            return "os:unknown"

    # --- documents -----------------------------------------------------------------------------
    def import_document(self, document, findings: Iterable[Finding], actor: Actor, *,
                        title: str | None = None, doc_number: str = "") -> DocumentInfo:
        """Store a scanned document (once per sha256) with its findings; returns its record."""
        _no_auditor(actor, "导入文档", "import documents")
        with self.write() as conn:
            info, _created = documents.import_document(conn, document, findings, actor=actor_name(actor),
                                                       title=title, doc_number=doc_number)
            return info

    def set_document_info(self, document_id: int, actor: Actor, *, title: str, doc_number: str) -> None:
        _no_auditor(actor, "修改文档信息", "edit document details")
        with self.write() as conn:
            documents.set_document_info(conn, document_id, actor=actor_name(actor), title=title,
                                        doc_number=doc_number)

    def document(self, document_id: int) -> DocumentInfo:
        with self.read() as conn:
            return documents.get_document(conn, document_id)

    def find_document(self, sha256: str) -> DocumentInfo | None:
        with self.read() as conn:
            return documents.find_document(conn, sha256)

    def documents(self, status: ReviewStatus | None = None) -> list[DocumentInfo]:
        with self.read() as conn:
            return documents.list_documents(conn, status)

    def document_summaries(self) -> list[DocumentSummary]:
        """One line per document for the workspace list: status, attribute, who reviewed it, findings
        per category and how many are undecided (one read transaction)."""
        out = []
        with self.read() as conn:
            for info in documents.list_documents(conn):
                stored = load_findings(conn, info.id)
                counts: dict[str, int] = {}
                for f in stored:
                    counts[str(f.finding.category)] = counts.get(str(f.finding.category), 0) + 1
                record = latest_record(conn, info.id)
                out.append(DocumentSummary(
                    info.id, info.title or Path(info.path).name, info.path, info.format, str(info.status),
                    str(record.record.attribute) if record else "", tuple(signoff.reviewers_of(conn, info.id)),
                    counts, sum(f.decision is None for f in stored), info.updated_at))
        return out

    def findings(self, document_id: int, *, include_inactive: bool = False,
                 ids: Collection[int] | None = None, parsed: dict | None = None) -> list[StoredFinding]:
        """The document's findings with their current decisions; `ids`: only these (inactive included,
        so a view learns that an undone manual finding went away); `parsed`: see `load_findings`."""
        with self.read() as conn:
            return load_findings(conn, document_id, include_inactive=include_inactive or ids is not None,
                                 ids=ids, parsed=parsed)

    def decisions_for(self, document_id: int) -> list[tuple[Finding, Decision]]:
        """Current (finding, decision) pairs: what the redact step applies."""
        return [(f.finding, f.decision) for f in self.findings(document_id) if f.decision is not None]

    def attribute_record(self, document_id: int) -> StoredRecord | None:
        with self.read() as conn:
            return latest_record(conn, document_id)

    def record_export(self, document_id: int, output_sha256: str, verified: bool, *, actor: Actor,
                      output_path: str | Path, details: Mapping[str, Any] | None = None) -> ExportRecord:
        """Called by `reviewer redact` after writing and verifying a clean copy."""
        _no_auditor(actor, "登记导出", "record exports")
        with self.write() as conn:
            record = documents.record_export(conn, document_id, output_sha256=output_sha256,
                                             verified=verified, actor=actor_name(actor),
                                             output_path=str(output_path), details=details)
        self.write_witness()
        return record

    def record_verified_export(self, document_id: int, outcome, *, actor: Actor) -> ExportRecord:
        """Record a copy `service.exporting.export_copy` wrote and verified: the hash is taken here from
        the file on disk (and must be the one verification saw), never from the caller."""
        import hashlib

        path = Path(outcome.result.output)
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            raise WorkspaceError(f"无法读取刚导出的文件 {path}：{exc.strerror}。", f"Cannot read the exported file "
                                 f"{path}: {exc.strerror}.") from exc
        if digest != outcome.result.sha256:
            raise WorkspaceError(f"导出文件 {path.name} 在校验后被改动，未登记。请重新导出。",
                                 f"The exported file {path.name} changed after it was verified; it was not "
                                 "recorded. Export again.")
        return self.record_export(document_id, digest, True, actor=actor, output_path=str(path.resolve()),
                                  details=outcome.details())

    def hash_key(self) -> bytes | None:
        """The workspace's key for the keyed-hash operator (folder workspaces; None on a server)."""
        folder = getattr(self.location, "folder", None)
        if folder is None:
            return None
        from reviewer.core.deidentify.workspace_key import workspace_key

        return workspace_key(folder)

    def review(self, document, actor: User | None, *, profile="general"):  # noqa: ANN001, ANN201
        """One reviewer's review of `document` (`service.review.DocumentReview`)."""
        from reviewer.core.service.review import DocumentReview

        return DocumentReview(self, document, actor, profile=profile)

    def exports(self, document_id: int) -> list[ExportRecord]:
        with self.read() as conn:
            return documents.exports_for(conn, document_id)

    # --- review --------------------------------------------------------------------------------
    def session(self, document_id: int, actor: User) -> ReviewSession:
        return ReviewSession(self, document_id, actor)

    def approval_problems(self, document_id: int, approver: User | None = None) -> list[ReviewRefused]:
        with self.read() as conn:
            return signoff.approval_problems(conn, documents.get_document(conn, document_id), approver)

    def reviewers(self, document_id: int) -> list[str]:
        """Who took part in the review (these users may not approve it)."""
        with self.read() as conn:
            return signoff.reviewers_of(conn, document_id)

    def approve(self, document_id: int, approver: User, password: str, *, comment: str = "") -> chain.AuditEvent:
        with self.write() as conn:
            event = signoff.approve(conn, documents.get_document(conn, document_id), approver, password,
                                    comment=comment)
        self.write_witness()
        return event

    def return_for_rework(self, document_id: int, supervisor: User, reason: str) -> chain.AuditEvent:
        with self.write() as conn:
            return signoff.return_for_rework(conn, documents.get_document(conn, document_id), supervisor, reason)

    def release(self, document_id: int, actor: User, *, channel: str = "") -> chain.AuditEvent:
        with self.write() as conn:
            event = signoff.release(conn, documents.get_document(conn, document_id), actor, channel=channel)
        self.write_witness()
        return event

    # --- team work: checkouts, the supervisor's queue (issue 11) --------------------------------
    def checkout(self, document_id: int, user: User, *, minutes: float = leases.DEFAULT_MINUTES,
                 take_over: bool = False) -> Lease:
        """Check the document out to `user` (or extend their lease); take_over: a supervisor or admin
        takes a live lease from someone else. Refused (DocumentCheckedOut) while another user holds it."""
        with self.write() as conn:
            return leases.checkout(conn, documents.get_document(conn, document_id), user, minutes=minutes,
                                   take_over=take_over)

    def renew_checkout(self, document_id: int, user: User, *, minutes: float = leases.DEFAULT_MINUTES) -> Lease:
        with self.write() as conn:
            return leases.renew(conn, documents.get_document(conn, document_id), user, minutes=minutes)

    def release_checkout(self, document_id: int, user: User) -> bool:
        with self.write() as conn:
            return leases.release(conn, documents.get_document(conn, document_id), user)

    def lease(self, document_id: int) -> Lease | None:
        """The live lease on the document, if any."""
        with self.read() as conn:
            return leases.live_lease(conn, document_id)

    def submission_queue(self, *, since_seq: int = 0) -> list[Submission]:
        """Documents waiting for sign-off, from every reviewer, oldest submission first."""
        with self.read() as conn:
            return queue.submissions(conn, since_seq=since_seq)

    def provision(self, app_role: str, password: str | None) -> bool:
        """On a server, as the database owner: create/update the application's role with the
        least privileges it needs (INSERT but never UPDATE/DELETE on audit events). True if created."""
        try:
            with self.write() as conn:
                return dialect.provision_app_role(conn, app_role, password)
        except DBAPIError as exc:
            raise WorkspaceError(f"无法创建应用角色 {app_role}：{_first_line(exc)}。请以数据库所有者身份连接。",
                                 f"Cannot provision the application role {app_role}: {_first_line(exc)}. "
                                 "Connect as the database owner.") from exc

    # --- audit ---------------------------------------------------------------------------------
    def head(self) -> chain.ChainHead:
        with self.read() as conn:
            return chain.read_head(conn) or chain.ChainHead(0, chain.GENESIS_HASH)

    def events(self, document_id: int | None = None) -> list[chain.AuditEvent]:
        with self.read() as conn:
            return list(chain.iter_events(conn, document_id=document_id))

    def verify(self, *, keys: dict[str, str] | None = None,
               expect: tuple[int, str] | None = None) -> VerifyReport:
        """Check the chain, its head, signatures and state rows; pin it to the witness file and to a
        head printed on a review log (`expect`), when given."""
        pins: list[tuple[int, str, str, str]] = []
        witness = self.read_witness()
        if isinstance(witness, tuple):
            pins.append((witness[0], witness[1], "链头见证文件", "the head witness file"))
        if expect is not None:
            pins.append((expect[0], expect[1], "打印的审查记录", "the printed review log"))
        with self.read() as conn:
            report = verify_chain(conn, keys=keys, pins=tuple(pins), state_check=check_state)
        if witness == "damaged":
            damaged = Problem(None, "head", f"链头见证文件 {self.location.witness_path} 已损坏。",
                              f"The head witness file {self.location.witness_path} is damaged.")
            report = replace(report, problems=(*report.problems, damaged))
        return report

    def write_witness(self) -> None:
        """Copy the chain head to a file beside the database (folder workspaces): a truncation pin."""
        path = self.location.witness_path
        if path is None:
            return
        head = self.head()
        if not head.count:
            return
        previous = self.read_witness()
        if previous == "damaged" or (isinstance(previous, tuple) and not self._extends(previous)):
            return  # never overwrite the evidence of a truncated or rewritten chain; verify reports it
        write_bytes_atomic(path, json.dumps({"count": head.count, "hash": head.hash}).encode("utf-8"))

    def _extends(self, pin: tuple[int, str]) -> bool:
        """Does the current chain still hold the pinned event (same hash at the same position)?"""
        from sqlalchemy import select

        from reviewer.core.store import schema
        with self.read() as conn:
            found = conn.execute(select(schema.audit_events.c.hash)
                                 .where(schema.audit_events.c.seq == pin[0])).scalar()
        return found == pin[1]

    def read_witness(self) -> tuple[int, str] | str | None:
        """(count, hash); None when there is none; "damaged" when it cannot be read."""
        path = self.location.witness_path
        if path is None or not path.exists():
            return None
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            return int(data["count"]), str(data["hash"])
        except (OSError, ValueError, KeyError, TypeError):
            return "damaged"


def _no_auditor(actor: Actor, action_zh: str, action_en: str) -> None:
    if isinstance(actor, User) and actor.role == Role.AUDITOR:
        raise PermissionDenied(f"审计员只能查看和核验，不能{action_zh}。",
                               f"Auditors may only read and verify, not {action_en}.")


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


def _open_error(where: location.Location, exc: DBAPIError) -> WorkspaceError:
    if not dialect.is_privilege_error(exc):
        return WorkspaceError(f"无法打开工作区 {where.display()}：{_first_line(exc)}。请检查地址、账号和网络。",
                              f"Cannot open the workspace {where.display()}: {_first_line(exc)}. "
                              "Check the address, the account and the network.")
    return WorkspaceError(f"工作区 {where.display()} 需要升级，但当前账号无权修改数据库结构：{_first_line(exc)}。"
                          "请数据库所有者运行 reviewer workspace provision。",
                          f"The workspace {where.display()} needs a schema upgrade this account may not make: "
                          f"{_first_line(exc)}. Ask the database owner to run `reviewer workspace provision`.")


def open_workspace(path_or_url: str | Path | None = None, *, catalog: Any = None, create: bool = True) -> Workspace:
    """Open (creating and migrating as needed) the workspace in a folder, at a database URL
    (`postgresql://user:password@host/db` for a team server), or the default folder. With
    create=False an empty database is refused instead of initialised."""
    return Workspace(location.resolve(path_or_url), catalog=catalog, create=create)



def _disk_full(exc: OperationalError) -> bool:
    text = str(exc.orig or exc).lower()
    return "disk is full" in text or "no space left" in text or "disk full" in text
