"""The workspace: one store (SQLite folder or database URL) behind a small API.

Each public method is one committed transaction. The CLI and the GUI share this API. Who acts is read
back from the workspace on every operation (`Accounts.acting`); an export is recorded only by the
service that wrote and verified it (`DocumentReview.export_copy`), never from a caller's hash.
"""

from __future__ import annotations

import getpass
from collections.abc import Collection, Iterable, Iterator
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
from reviewer.core.review import documents, leases, queue, registry, signoff
from reviewer.core.review.attribute import StoredRecord, latest_record
from reviewer.core.review.consistency import check_state
from reviewer.core.review.decisions import Decision, StoredFinding, load_findings
from reviewer.core.review.documents import DocumentInfo, ExportRecord
from reviewer.core.review.errors import ReviewRefused
from reviewer.core.review.leases import Lease
from reviewer.core.review.queue import Submission
from reviewer.core.review.session import ReviewSession
from reviewer.core.review.states import ReviewStatus
from reviewer.core.review.users import Role, User, require_role
from reviewer.core.service import integrity
from reviewer.core.service.accounts import Accounts, OsAccount
from reviewer.core.store import dialect, location, migrations, schema
from reviewer.core.store.errors import WorkspaceError
from reviewer.core.types import Finding

Actor = User | OsAccount


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


class Workspace(Accounts):
    def __init__(self, where: location.Location, *, catalog: Any = None, create: bool = True) -> None:
        self.location = where
        self.warnings: list[Problem] = []  # what opening found and could not mend (shown by verify, doctor)
        self._registry = registry.LiveRegistry()
        if where.folder is not None:
            try:
                integrity.secure_folder(where.folder)
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
                now = chain.utc_now()
                found = migrations.migrate(conn, now=now)
                if 0 < found < migrations.SIGNED_USERS_VERSION:  # user events before this one were unsigned
                    chain.append_event(conn, actor=registry.SYSTEM_ACTOR, action=registry.UPGRADE_ACTION, ts=now,
                                       details={"from_version": found, "to_version": migrations.CURRENT_VERSION})
                self._mend_guards(conn)
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

    def _mend_guards(self, conn: Connection) -> None:
        """A server's audit guards dropped or disabled by its owner: put back (an event says so) or report."""
        missing = dialect.missing_guards(conn)
        if not missing:
            return
        if dialect.reinstall_guards(conn):
            chain.append_event(conn, actor="system:open", action="workspace.guards_restored",
                               details={"missing": missing})
            return
        self.warnings.append(Problem(None, "guard", f"服务器上的审计防护缺失：{'、'.join(missing)}；当前账号无权重新安装，"
                                     "请数据库所有者打开一次工作区。",
                                     f"Audit guards are missing on the server: {', '.join(missing)}; this account "
                                     "may not reinstall them: have the database owner open the workspace once."))

    @property
    def shared(self) -> bool:
        """A team server (several people, checkouts); a folder is one person's."""
        return self.location.folder is None

    @staticmethod
    def cli_actor() -> OsAccount:
        """Who a CLI run without a sign-in acts as: the operating-system account, recorded as "os:NAME" and
        allowed to import documents and record the exports the service makes, nothing else."""
        try:
            return OsAccount(f"os:{getpass.getuser()}")
        except (KeyError, OSError):
            return OsAccount("os:unknown")

    def actor_name(self, conn: Connection, actor: Actor, *, action_zh: str, action_en: str) -> str:
        """Who an import or an export is recorded as: a signed-in user allowed to (not an auditor), or
        the CLI's OS account. A bare name is refused: nobody records an action under a name they typed."""
        if isinstance(actor, OsAccount):
            return actor.username
        user = self.acting(conn, actor)
        require_role(user, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN, action_zh=action_zh, action_en=action_en)
        return user.username

    # --- documents -----------------------------------------------------------------------------
    def import_document(self, document, findings: Iterable[Finding], actor: Actor, *,
                        title: str | None = None, doc_number: str = "", kind: str = "") -> DocumentInfo:
        """Store a scanned document (once per sha256) with its findings; returns its record."""
        with self.write() as conn:
            name = self.actor_name(conn, actor, action_zh="导入文档", action_en="import documents")
            info, _created = documents.import_document(conn, document, findings, actor=name, title=title,
                                                       doc_number=doc_number, kind=kind)
            return info

    def set_document_kind(self, document_id: int, actor: Actor, kind: str) -> None:
        """The reviewer's choice of the document's kind (文种), which chooses the default profile (issue 26)."""
        from reviewer.core.documents.kinds import load_kinds

        kind = load_kinds().get(kind).code  # an unknown kind is refused (UnknownKind) before anything is written
        with self.write() as conn:
            name = self.actor_name(conn, actor, action_zh="修改文种", action_en="change the document kind")
            previous = documents.get_document(conn, document_id).kind
            if previous != kind:
                documents.set_document_kind(conn, document_id, actor=name, kind=kind, previous=previous)

    def set_document_info(self, document_id: int, actor: Actor, *, title: str, doc_number: str) -> None:
        with self.write() as conn:
            name = self.actor_name(conn, actor, action_zh="修改文档信息", action_en="edit document details")
            documents.set_document_info(conn, document_id, actor=name, title=title, doc_number=doc_number)

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

    def hash_key(self) -> bytes | None:
        """The workspace's key for the keyed-hash operator (folder workspaces; None on a server)."""
        folder = getattr(self.location, "folder", None)
        if folder is None:
            return None
        from reviewer.core.deidentify.workspace_key import workspace_key

        return workspace_key(folder)

    def review(self, document, actor: User | None, *, profile="auto",  # noqa: ANN001, ANN201
               checkout: bool | None = None):
        """One reviewer's review of `document` (`service.review.DocumentReview`); `profile="auto"`: the one its
        kind selects; `checkout`: hold the document's checkout while changing it (default: on a team
        server)."""
        from reviewer.core.service.review import DocumentReview

        return DocumentReview(self, document, actor, profile=profile, checkout=checkout)

    def exports(self, document_id: int) -> list[ExportRecord]:
        with self.read() as conn:
            return documents.exports_for(conn, document_id)

    # --- review --------------------------------------------------------------------------------
    def session(self, document_id: int, actor: User) -> ReviewSession:
        return ReviewSession(self, document_id, actor)

    def approval_problems(self, document_id: int, approver: User | None = None) -> list[ReviewRefused]:
        with self.read() as conn:
            if approver is not None:
                approver = self.acting(conn, approver)
            return signoff.approval_problems(conn, documents.get_document(conn, document_id), approver)

    def reviewers(self, document_id: int) -> list[str]:
        """Who took part in the review (these users may not approve it)."""
        with self.read() as conn:
            return signoff.reviewers_of(conn, document_id)

    def approve(self, document_id: int, approver: User, password: str, *, comment: str = "") -> chain.AuditEvent:
        with self.write() as conn:
            event = signoff.approve(conn, documents.get_document(conn, document_id), self.acting(conn, approver),
                                    password, comment=comment)
        self.write_witness()
        return event

    def return_for_rework(self, document_id: int, supervisor: User, reason: str, *,
                          password: str) -> chain.AuditEvent:
        """Return the review to its reviewers, with a reason; signed like an approval."""
        with self.write() as conn:
            event = signoff.return_for_rework(conn, documents.get_document(conn, document_id),
                                              self.acting(conn, supervisor), reason, password)
        self.write_witness()
        return event

    def release(self, document_id: int, actor: User, password: str, *, channel: str = "") -> chain.AuditEvent:
        """Record the publication of an approved document: refused unless its approval still verifies."""
        with self.write() as conn:
            event = signoff.release(conn, documents.get_document(conn, document_id), self.acting(conn, actor),
                                    password, self._registry.current(conn), channel=channel)
        self.write_witness()
        return event

    def approval_check(self, document_id: int) -> list[tuple[str, str]]:
        """For an approved or released document: what no longer holds of its signed approval (empty: it
        holds). Exports of an approved document are refused while anything is listed."""
        with self.read() as conn:
            return signoff.approval_check(conn, documents.get_document(conn, document_id),
                                          self._registry.current(conn))

    # --- team work: checkouts, the supervisor's queue (issue 11) --------------------------------
    def checkout(self, document_id: int, user: User, *, minutes: float = leases.DEFAULT_MINUTES,
                 take_over: bool = False) -> Lease:
        """Check the document out to `user` (or extend their lease); take_over: a supervisor or admin
        takes a live lease from someone else. Refused (DocumentCheckedOut) while another user holds it."""
        with self.write() as conn:
            return leases.checkout(conn, documents.get_document(conn, document_id), self._leaser(conn, user),
                                   minutes=minutes, take_over=take_over)

    def renew_checkout(self, document_id: int, user: User, *, minutes: float = leases.DEFAULT_MINUTES) -> Lease:
        with self.write() as conn:
            return leases.renew(conn, documents.get_document(conn, document_id), self._leaser(conn, user),
                                minutes=minutes)

    def release_checkout(self, document_id: int, user: User) -> bool:
        with self.write() as conn:
            return leases.release(conn, documents.get_document(conn, document_id), self._leaser(conn, user))

    def _leaser(self, conn: Connection, user: User) -> User:
        user = self.acting(conn, user)
        require_role(user, Role.REVIEWER, Role.SUPERVISOR, Role.ADMIN, action_zh="签出文档", action_en="check out documents")
        return user

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
        except dialect.MissingPrivilege as exc:
            if exc.privilege == "CREATEROLE":
                raise WorkspaceError(
                    f"无法创建应用角色 {app_role}：账号 {exc.account} 没有 CREATEROLE 权限。请由超级用户运行"
                    f" ALTER ROLE {exc.account} CREATEROLE，或以超级用户身份运行 provision。",
                    f"Cannot provision the application role {app_role}: the account {exc.account} lacks the "
                    f"CREATEROLE privilege. Have a superuser run ALTER ROLE {exc.account} CREATEROLE, or run "
                    "provision as a superuser.") from exc
            raise WorkspaceError(
                f"无法为应用角色 {app_role} 授权：账号 {exc.account} 不是工作区各表的所有者（{exc.privilege}）。"
                "请以表的所有者或超级用户身份运行 provision。",
                f"Cannot grant the application role {app_role} its privileges: the account {exc.account} does not "
                f"own the workspace tables ({exc.privilege}). Run provision as their owner or a superuser.") from exc
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

    def verify(self, *, keys: dict[str, str | list[str]] | None = None,
               expect: tuple[int, str] | None = None) -> VerifyReport:
        """Check the chain, its head, what its events mean (roles, states, signatures) and the state rows;
        pin it to the witness file and to a head printed on a review log (`expect`), when given. `keys`:
        each user's public key(s) exported earlier (`audit keys`), the roots of trust."""
        trusted = None if keys is None else {u: [k] if isinstance(k, str) else list(k) for u, k in keys.items()}
        pins: list[tuple[int, str, str, str]] = []
        witness = self.read_witness()
        if isinstance(witness, tuple):
            pins.append((witness[0], witness[1], "链头见证文件", "the head witness file"))
        if expect is not None:
            pins.append((expect[0], expect[1], "打印的审查记录", "the printed review log"))
        with self.read() as conn:
            report = verify_chain(conn, keys=trusted, pins=tuple(pins), state_check=check_state)
        extra = list(self.warnings)
        path = self.location.witness_path
        if witness == "damaged":
            extra.append(Problem(None, "head", f"链头见证文件 {path} 已损坏。", f"The head witness file {path} is damaged."))
        elif witness is None and path is not None and report.count:
            extra.append(Problem(None, "head",
                                 f"链头见证文件 {path} 缺失（被删除，或只复制了数据库）：末尾的事件可能被删除而无从察觉。"
                                 "如是复制的工作区，请一并复制该文件；否则请用打印的审查记录上的链头核对"
                                 "（reviewer audit witness --expect-head 序号:哈希 核对后重新建立）。",
                                 f"The head witness file {path} is missing (deleted, or only the database was "
                                 "copied): events may have been removed from the end without trace. If this is a "
                                 "copy, copy that file too; otherwise check against the head printed on a review "
                                 "log (`reviewer audit witness --expect-head SEQ:HASH` re-pins it after the check)."))
        if extra:
            report = replace(report, problems=(*report.problems, *extra))
        return report

    def rewitness(self, expect: tuple[int, str]) -> VerifyReport:
        """Write a missing witness again, only if the chain verifies and still holds `expect` (a head kept
        outside the workspace, e.g. printed on a review log)."""
        report = self.verify(expect=expect)
        others = [p for p in report.problems if not (p.kind == "head" and "witness" in p.message_en)]
        if others:
            return report
        self._write_witness(force=True)
        return self.verify(expect=expect)

    def write_witness(self) -> None:
        """Copy the chain head to a file beside the database (folder workspaces): a truncation pin."""
        self._write_witness(force=False)

    def _write_witness(self, *, force: bool) -> None:
        path = self.location.witness_path
        if path is None:
            return
        with self.read() as conn:
            head = chain.read_head(conn) or chain.ChainHead(0, chain.GENESIS_HASH)
            witnessed = self._witnessed(conn)
        if not head.count:
            return
        previous = self.read_witness()
        if previous == "damaged" or (isinstance(previous, tuple) and not self._extends(previous)):
            return  # never overwrite the evidence of a truncated or rewritten chain; verify reports it
        if previous is None and witnessed and not force:
            return  # a witness that was written and is gone is evidence too: verify reports it
        write_bytes_atomic(path, integrity.witness_bytes(head.count, head.hash))
        if not witnessed:
            with self.write() as conn:
                if not self._witnessed(conn):
                    conn.execute(schema.meta.insert().values(key=integrity.WITNESS_KEY, value=path.name))

    @staticmethod
    def _witnessed(conn: Connection) -> bool:
        from sqlalchemy import select

        return conn.execute(select(schema.meta.c.key).where(schema.meta.c.key == integrity.WITNESS_KEY)).first() \
            is not None

    def _extends(self, pin: tuple[int, str]) -> bool:
        """Does the current chain still hold the pinned event (same hash at the same position)?"""
        from sqlalchemy import select

        with self.read() as conn:
            found = conn.execute(select(schema.audit_events.c.hash)
                                 .where(schema.audit_events.c.seq == pin[0])).scalar()
        return found == pin[1]

    def read_witness(self) -> tuple[int, str] | str | None:
        """(count, hash); None when there is none; "damaged" when it cannot be read."""
        return integrity.read_witness(self.location.witness_path)


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
