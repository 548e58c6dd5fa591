"""The review workflow around the keyboard review: log in / switch user, disclosure attribute, submit,
supervisor sign-off, export, settings; the workspace document list, attribute panel and audit history.

Every rule is the core's: this controller opens dialogs, calls the workspace, and refreshes the panels
that changed. Dialogs are opened with `open()` (never `exec()`), announced through `dialog_opened`.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QFrame, QMessageBox, QScrollArea

from reviewer.ui import batch_queue
from reviewer.ui.dialogs.attribute_dialog import AttributeDialog
from reviewer.ui.dialogs.export_dialog import ExportDialog
from reviewer.ui.dialogs.login_dialog import LoginDialog
from reviewer.ui.dialogs.settings_dialog import SettingsDialog
from reviewer.ui.dialogs.signoff_dialog import SignOffDialog
from reviewer.ui.export_notes import note_text
from reviewer.ui.session import Changes
from reviewer.ui.tasks import Lane
from reviewer.ui.widgets import dock
from reviewer.ui.workspace_panels import AttributePanel, AuditPanel, WorkspacePanel


class WorkflowController(QObject):
    dialog_opened = Signal(object)
    exported = Signal(object)  # {"copy": ExportResult | None, "logs": {fmt: Path}}
    signed_off = Signal(str)  # "approve" | "return"
    refreshed = Signal()  # the workspace panels show the store's current state

    def __init__(self, window, facade=None) -> None:
        super().__init__(window)
        self.window, self.facade = window, facade
        self._generation = 0
        self._pending_documents = False
        self._refresh_timer = QTimer(self, singleShot=True, interval=150)
        self._refresh_timer.timeout.connect(self._on_refresh_timer_timeout)
        self.workspace_panel = WorkspacePanel()
        self.attribute_panel = AttributePanel()
        self.audit_panel = AuditPanel()
        w = window
        # Under the findings, one group of tabs: bulk decisions in front while reviewing, then the
        # attribute and sign-off, the audit history, the workspace's documents. The document and its
        # preview keep the window's whole height (at 1360×768 there is none to spare).
        right = Qt.DockWidgetArea.RightDockWidgetArea
        # the attribute panel (kind, record, sign-off) scrolls rather than raising the window's minimum height
        attribute_scroll = QScrollArea(objectName="attributeScroll", widgetResizable=True)
        attribute_scroll.setFrameShape(QFrame.Shape.NoFrame)
        attribute_scroll.setWidget(self.attribute_panel)
        self.attribute_dock = dock(w, "attributeDock", attribute_scroll, right)
        self.audit_dock = dock(w, "auditDock", self.audit_panel, right)
        self.workspace_dock = dock(w, "workspaceDock", self.workspace_panel, right)
        w.splitDockWidget(w.findings_dock, w.bulk_dock, Qt.Orientation.Vertical)
        for d in (self.attribute_dock, self.audit_dock, self.workspace_dock):
            w.tabifyDockWidget(w.bulk_dock, d)
        w.resizeDocks([w.findings_dock], [600], Qt.Orientation.Horizontal)
        w.resizeDocks([w.findings_dock, w.bulk_dock], [470, 210], Qt.Orientation.Vertical)
        w.bulk_dock.raise_()
        for d in (self.workspace_dock, self.attribute_dock, self.audit_dock):
            w.menus["view"].addAction(d.toggleViewAction())
        a = w._action
        a("login", self.login, "Ctrl+L", "user")
        a("users", self.add_user, None, None)  # the users list (add, roles, disable)
        a("attribute", self.edit_attribute, "Ctrl+T", "attribute")
        a("submit", self.submit, "Ctrl+Return", "submit")
        a("signoff", self.sign_off, "Ctrl+Shift+S", "signoff")
        w.menus["file"].insertAction(w.actions_by_name["export"], w.actions_by_name["login"])
        w.menus["file"].insertAction(w.actions_by_name["export"], w.actions_by_name["users"])
        w.menus["review"].addSeparator()
        w.menus["review"].addActions([w.actions_by_name[n] for n in ("attribute", "submit", "signoff")])
        w.toolbar.addSeparator()
        w.toolbar.addActions([w.actions_by_name[n] for n in ("attribute", "submit", "signoff")])
        # --- issue 33: the office's term lists (敏感词库) and what each detection runs with ---------------------
        a("terms", self.edit_terms, None, None)
        w.menus["review"].addAction(w.actions_by_name["terms"])
        w.detection_options = self.detection_options
        # --- end issue 33 -------------------------------------------------------------------------------------
        # --- issue 28: the roster re-identification check of the open document -----------------------------------
        a("reid", self.check_reidentification, "Ctrl+Shift+I", None)
        w.menus["review"].addAction(w.actions_by_name["reid"])
        self.attribute_panel.edit_button.clicked.connect(self.edit_attribute)
        self.attribute_panel.submit_button.clicked.connect(self.submit)
        self.attribute_panel.signoff_button.clicked.connect(self.sign_off)
        self.audit_panel.verify_button.clicked.connect(self.verify_chain)
        self.workspace_panel.document_activated.connect(w.open_path)
        w.review.decision_recorded.connect(self._on_review_decision_recorded)
        w.document_opened.connect(lambda _d: self.refresh())
        if facade is not None:
            facade.user_changed.connect(self._on_facade_user_changed)
        # --- policy (issue 26, ui/policy_panel.py): the document kind at the top of the attribute panel, the
        # 部分公开 statement in the Review menu
        from reviewer.ui.policy_panel import PolicyActions

        self.policy = PolicyActions(self)
        self.batch_queue = batch_queue.install(w, facade)  # issue 31: File → Batch queue (ui/batch_queue.py)
        self.retranslate()
        self.refresh()

    # -- helpers --------------------------------------------------------------------------------------------
    @property
    def session(self):
        return self.window.review.session

    def _document_id(self) -> int | None:
        return getattr(self.session, "document_id", None)

    def _lang(self) -> str:
        return self.window.translations.core_language

    def _open(self, dialog) -> None:
        def back() -> None:
            self.window.activateWindow()
            self.window.findings.table.setFocus()
            dialog.deleteLater()

        dialog.finished.connect(back)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def retranslate(self) -> None:
        texts = {  # mnemonics unique within their menus (Review: see MainWindow.retranslate)
            "login": (self.tr("Log in / switch &user…"), ""),
            "users": (self.tr("Users…"), ""),
            "attribute": (self.tr("Disclosure a&ttribute…"), self.tr("Attribute")),
            "submit": (self.tr("Su&bmit for sign-off"), self.tr("Submit")),
            "signoff": (self.tr("Sign o&ff…"), self.tr("Sign off")),
            "terms": (self.tr("Office term li&sts…"), ""),  # issue 33
            "reid": (self.tr("Roster re-identification c&heck…"), ""),  # issue 28
        }
        for name, (text, short) in texts.items():
            action = self.window.actions_by_name[name]
            action.setText(text)
            plain = re.sub(r"\(&.\)", "", text).replace("&", "").rstrip("…")
            action.setIconText(short or plain)
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{plain} ({key})" if key else plain)
        self.workspace_dock.setWindowTitle(self.tr("Workspace"))
        self.attribute_dock.setWindowTitle(self.tr("Disclosure attribute and sign-off"))
        self.audit_dock.setWindowTitle(self.tr("Audit history"))
        self._update_user_label()

    def _update_user_label(self) -> None:
        user = self.facade.user if self.facade else None
        if user is None:
            self.window.user_label.setText(self.tr("Not logged in"))
        else:
            self.window.user_label.setText(f"{user.display_name} · {roles_label(user.roles)}")

    # -- refresh -------------------------------------------------------------------------------------------
    def refresh(self, *, documents: bool = True) -> None:
        """Re-read what the panels show from the workspace, in the I/O pool; the newest result wins.

        `documents=False` skips the workspace document list (it reads every document's findings):
        a decision changes only the open document's status, attribute and audit history."""
        self._update_user_label()
        has_ws = self.facade is not None
        doc_id = self._document_id()
        for name in ("attribute", "submit", "signoff"):
            self.window.actions_by_name[name].setEnabled(has_ws and doc_id is not None)
        for button in (
            self.attribute_panel.edit_button,
            self.attribute_panel.submit_button,
            self.attribute_panel.signoff_button,
        ):
            button.setEnabled(has_ws and doc_id is not None)
        self.window.actions_by_name["login"].setEnabled(has_ws)
        self.window.actions_by_name["terms"].setEnabled(has_ws)  # issue 33
        self.window.actions_by_name["reid"].setEnabled(has_ws and doc_id is not None)  # issue 28
        user = self.facade.user if has_ws else None
        self.window.actions_by_name["users"].setEnabled(user is not None and _has(user, "admin"))
        if not has_ws:
            return
        self._generation += 1
        generation, facade = self._generation, self.facade

        def gather(_progress, _cancelled):
            rows = facade.document_rows() if documents else None
            if doc_id is None:
                return rows, "", None, []
            return (
                rows,
                str(facade.info(doc_id).status),
                facade.attribute_record(doc_id),
                facade.events(doc_id),
            )

        def show(result) -> None:
            if generation != self._generation:
                return
            rows, status, record, events = result
            if rows is not None:
                self.workspace_panel.model.set_rows(rows)
            self.attribute_panel.show_record(status, record, returned_reason(status, events))
            self.audit_panel.set_events(events)
            self._enable_for(status)
            self.refreshed.emit()

        self.window.runner.submit(
            gather,
            lane=Lane.IO,
            label="refresh",
            cancellable=False,
            on_success=show,
            on_error=self.window.show_error,
            owner=self.window,
        )

    def _enable_for(self, status: str) -> None:
        """What the document's status allows: decisions and the attribute only while the review may
        change, submit then, sign-off once submitted (the core refuses the rest anyway)."""
        from reviewer.core.review.states import EDITABLE

        editable = not status or status in EDITABLE
        self.window.set_editable(editable)
        known = bool(status)
        allowed = {"attribute": known and editable, "submit": known and editable,
                   "signoff": status == "submitted"}
        panel = self.attribute_panel
        buttons = {"attribute": panel.edit_button, "submit": panel.submit_button,
                   "signoff": panel.signoff_button}
        for name, ok in allowed.items():
            self.window.actions_by_name[name].setEnabled(ok)
            buttons[name].setEnabled(ok)

    def _on_review_decision_recorded(self, changes: Changes) -> None:
        if self.facade is not None:
            self._pending_documents |= bool(changes.reset or changes.status)
            self._refresh_timer.start()  # a burst of decisions (A A A …) costs one refresh

    def _on_refresh_timer_timeout(self) -> None:
        documents, self._pending_documents = self._pending_documents, False
        self.refresh(documents=documents)

    def _on_facade_user_changed(self, user) -> None:
        self.window.settings.last_user = user.username if user else ""
        self.window.reopen_session()
        self.refresh()
        if user is not None and self.window.document is not None and not _has(user, "reviewer", "supervisor"):
            # said once, in the status bar: no dialog on every log-in with a document open
            self.window.set_status(  # a function of the state: re-read on a language change, not overwritten
                lambda: self.tr("Logged in as %1 (%2): you can read this document; reviewing needs the reviewer "
                                "role (an administrator gives it under File → Users).")
                .replace("%1", user.username).replace("%2", roles_label(user.roles)))

    # -- log in -------------------------------------------------------------------------------------------
    def login(self) -> LoginDialog | None:
        if self.facade is None:
            return None
        first = self.facade.needs_admin()
        check = self.facade.create_first_admin if first else self.facade.authenticate
        dialog = LoginDialog(
            check,
            first_run=first,
            last_user=self.window.settings.last_user,
            language=self._lang(),
            parent=self.window,
        )

        def accepted() -> None:
            self.facade.set_user(dialog.user)
            if first:
                self._welcome(dialog.user)

        dialog.accepted.connect(accepted)
        self._open(dialog)
        return dialog

    def _welcome(self, user) -> QMessageBox:
        """After the first account: say what it may do and lead to the next step (a supervisor)."""
        text = self.tr("Account %1 created (%2). Add a supervisor for sign-off under File → Users.") \
            .replace("%1", user.username).replace("%2", roles_label(user.roles))
        self.window.set_status(lambda: text)
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Workspace ready"),
                          text + "\n\n" + self.tr("A supervisor signs off each review and must be someone other "
                                                   "than its reviewer."),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("welcome")
        now = box.addButton(self.tr("Add users now…"), QMessageBox.ButtonRole.AcceptRole)
        now.setObjectName("welcomeAddUsers")
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.buttonClicked.connect(lambda b: QTimer.singleShot(0, self.add_user) if b is now else None)
        self._open(box)
        return box

    def _signed(self, fn, on_done, on_error) -> None:
        """A change signed with a password (argon2 and a signature: a moment of work) off the GUI thread."""
        self.window.runner.submit(lambda _p, _c: fn(), lane=Lane.IO, label="sign", cancellable=False,
                                  on_success=on_done, on_error=on_error, owner=self.window)

    def add_user(self):
        """The users list (administrators): add users, change roles, disable or enable accounts."""
        from reviewer.ui.dialogs.users_dialog import UsersDialog

        if self.facade is None or self.facade.user is None:
            return None
        dialog = UsersDialog(self.facade, self.facade.user, self._signed, language=self._lang(),
                             parent=self.window, opened=self.dialog_opened.emit)
        dialog.finished.connect(lambda _r: self._after_users())
        self._open(dialog)
        return dialog

    def _after_users(self) -> None:
        """An administrator who changed their own roles (or disabled themselves) acts as that from now on."""
        me = self.facade.user
        now = next((u for u in self.facade.users() if me is not None and u.username == me.username), None)
        if now is not None and (now.roles != me.roles or not now.active):
            self.facade.set_user(now if now.active else None)
        else:
            self.refresh()

    # -- attribute, submit, sign-off ------------------------------------------------------------------------
    def edit_attribute(self) -> AttributeDialog | None:
        doc_id = self._document_id()
        if self.facade is None or doc_id is None:
            return None
        try:
            suggestion = self.facade.suggestion(self.session)
        except Exception:  # noqa: BLE001 - a suggestion is a convenience; the dialog works without it
            suggestion = None
        review = self.session.review
        try:  # issue 33: suggestions for the wording, timing and channel judgments
            judgments = review.suggest_judgments()
        except Exception:  # noqa: BLE001 - a convenience, like the attribute suggestion
            judgments = None
        dialog = AttributeDialog(
            self.facade.catalog,
            record=self.facade.attribute_record(doc_id),
            suggestion=suggestion,
            language=self._lang(),
            save=lambda record: review.record_attribute(record),
            judgments=judgments,
            check_channel=review.channel_warning,
            parent=self.window,
        )
        dialog.accepted.connect(self.refresh)
        self._open(dialog)
        return dialog

    # -- issue 33: the office's term lists --------------------------------------------------------------------
    def detection_options(self) -> dict:
        """What a detection runs with: the workspace's term lists and the document's recorded attribute
        (read here, on the GUI thread: two small reads; they travel to the engine process with the call)."""
        if self.facade is None:
            return {}
        from reviewer.core.service.terms import detection_options

        return detection_options(self.facade.workspace, self._document_id())

    def edit_terms(self):
        """The term lists dialog; supervisors and administrators may change them (the core checks it)."""
        if self.facade is None:
            return None
        from reviewer.core.detection.terms.files import read_terms, write_terms
        from reviewer.core.review.term_lists import EDITORS
        from reviewer.core.service.terms import save_term_lists, term_set
        from reviewer.ui.dialogs.term_lists_dialog import TermListsDialog

        workspace, user = self.facade.workspace, self.facade.user
        may_edit = user is not None and user.role in EDITORS
        dialog = TermListsDialog(
            term_set(workspace),
            save=(lambda entries: save_term_lists(workspace, user, entries)[0]) if may_edit else None,
            read_file=lambda path, kind: read_terms(path, default_kind=kind),
            write_file=lambda path, entries: write_terms(entries, path),
            language=self._lang(),
            parent=self.window,
        )

        def saved() -> None:
            if dialog.saved is not None:  # a status line is a function: it follows a language switch
                version = str(dialog.saved.version)
                self.window.set_status(lambda: self.tr(
                    "Term lists saved (version %1); detect again (Ctrl+D) to apply them"
                ).replace("%1", version))
            self.refresh()

        dialog.accepted.connect(saved)
        self._open(dialog)
        return dialog

    # -- issue 28: the roster re-identification check --------------------------------------------------------------
    def check_reidentification(self) -> None:
        """The open document's tables as the current decisions publish them, checked in the I/O pool; the
        panel in a dialog, or a message when the document holds no roster."""
        session = self.session
        if session is None or not hasattr(session, "plan"):
            return
        window = self.window

        def work(_progress, _cancelled):
            from reviewer.core.service.reidentify import check_document

            return check_document(session.document, session.plan(), session.review.profile)

        def show(result) -> None:
            if session is not self.session:
                return
            if not result.tables:
                box = QMessageBox(QMessageBox.Icon.Information, self.tr("Roster re-identification check"),
                                  self.tr("No roster found: no table of this document has a column about a person "
                                          "(name, ID number, phone, account, address) and two or more rows."),
                                  QMessageBox.StandardButton.Ok, window)
                box.setObjectName("reidNone")
                self._open(box)
                return
            from reviewer.ui.reid_dialog import ReidDialog

            self._open(ReidDialog(result, window))

        window.runner.submit(work, lane=Lane.IO, label="reid", cancellable=False, on_success=show,
                             on_error=window.show_error, owner=self)

    def submit(self) -> QMessageBox | None:
        if self.facade is None or self._document_id() is None:
            return None
        rows = self.session.rows()
        undecided = sum(r.state == "pending" for r in rows)
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Submit for sign-off"),
            self.tr("Submit this review to a supervisor? %1 of %2 findings are undecided.")
            .replace("%1", str(undecided))
            .replace("%2", str(len(rows))),
            QMessageBox.StandardButton.Ok | QMessageBox.StandardButton.Cancel,
            self.window,
        )
        box.setObjectName("submitConfirm")

        def done(button) -> None:
            if box.standardButton(button) != QMessageBox.StandardButton.Ok:
                return
            try:
                self.session.review.submit()
            except Exception as exc:  # noqa: BLE001
                self.window.show_error(exc)
                return
            self.window.review.apply(Changes(status=True))
            self.refresh()

        box.buttonClicked.connect(done)
        self._open(box)
        return box

    def sign_off(self) -> SignOffDialog | None:
        doc_id = self._document_id()
        if self.facade is None or doc_id is None or self.facade.user is None:
            return None
        user = self.facade.user
        problems = [p.message(self._lang()) for p in self.facade.approval_problems(doc_id, user)]
        row = next((r for r in self.facade.document_rows() if r.id == doc_id), None)

        def approve(password: str, comment: str) -> None:
            """Checked while the dialog stays open: a refusal is shown in it, the comment kept."""
            from reviewer.ui.dialogs.error_dialog import error_text

            self.window.runner.submit(
                lambda _p, _c: self.facade.approve(doc_id, user, password, comment),
                lane=Lane.IO,
                label="sign-off",
                cancellable=False,
                on_success=lambda _e: dialog.approved(),
                on_error=lambda exc: dialog.refused(error_text(exc, self._lang())),
                owner=dialog,
            )

        dialog = SignOffDialog(
            title=row.name if row else str(doc_id),
            reviewers="、".join(row.reviewers) if row else "",
            supervisor=f"{user.display_name} ({roles_label(user.roles)})",
            problems=problems,
            approve=approve,
            parent=self.window,
        )

        def done() -> None:
            if dialog.choice == SignOffDialog.APPROVE:
                self._signed_off(SignOffDialog.APPROVE)  # approved by `approve` above while the dialog was open
            else:
                password, reason = dialog.password.text(), dialog.comment.toPlainText().strip()
                self.window.runner.submit(
                    lambda _p, _c: self.facade.return_for_rework(doc_id, user, reason, password),
                    lane=Lane.IO,
                    label="sign-off",
                    cancellable=False,
                    on_success=lambda _e: self._signed_off(SignOffDialog.RETURN),
                    on_error=self.window.show_error,
                    owner=self.window,
                )

        dialog.accepted.connect(done)
        self._open(dialog)
        return dialog

    def _signed_off(self, choice: str) -> None:
        self.refresh()
        self.signed_off.emit(choice)

    def verify_chain(self) -> None:
        """The core's chain check (hashes, order, signatures, head witness), shown in the audit panel."""
        if self.facade is None:
            return
        report = self.facade.workspace.verify()
        if report.ok:
            text = self.tr("Chain intact: %1 events, %2 signatures checked")
            text = text.replace("%1", str(report.count)).replace("%2", str(report.signatures_checked))
        else:
            problem = report.problems[0]
            message = problem.message_zh if self._lang() == "zh" else problem.message_en
            text = self.tr("Chain damaged: %1").replace("%1", message)
        self.audit_panel.verify_result.setText(text)

    # -- export, settings -----------------------------------------------------------------------------------
    def export(self) -> ExportDialog | None:
        doc_id = self._document_id()
        if self.facade is None or doc_id is None or self.window.path is None:
            self.window.show_error(_needs_workspace())
            return None
        settings = self.window.settings
        dialog = ExportDialog(source=self.window.path, folder=Path(settings.export_folder or _export_folder()),
                              copy=settings.export_copy, logs=settings.export_logs, parent=self.window)

        def done() -> None:
            copy_path, log_paths = dialog.copy_path(), dialog.log_paths()  # read on the GUI thread
            settings.export_folder = str(dialog.folder.text())
            settings.export_copy, settings.export_logs = dialog.copy.isChecked(), list(log_paths)
            if copy_path is None:
                self._run_export(None, log_paths, doc_id)
                return
            self._gate(lambda reason: self._ask_undecided(
                lambda undecided: self._run_export(copy_path, log_paths, doc_id, undecided=undecided,
                                                   override_reason=reason)))

        dialog.accepted.connect(done)
        self._open(dialog)
        return dialog

    def _gate(self, proceed) -> None:
        """A live 密级 marking (or another `block` finding nobody rejected) stops a release copy; the
        reviewer may override only with a reason, which the export's audit event records."""
        blocking = [r for r in self.session.rows()
                    if r.finding.severity == "block" and r.state != "rejected" and r.origin != "propagated"]
        if not blocking:
            proceed(None)
            return
        from reviewer.core.service.exporting import ExportBlocked
        from reviewer.ui.dialogs.export_dialog import OverrideDialog

        message = ExportBlocked([r.finding.text for r in blocking]).message(self._lang())
        dialog = OverrideDialog(message, parent=self.window)
        dialog.accepted.connect(lambda: proceed(dialog.reason()))
        self._open(dialog)

    def _ask_undecided(self, proceed) -> None:
        """Findings nobody decided: export them as decided (they stay), apply the profile, or stop."""
        count = self.session.undecided_count()
        if not count:
            proceed("profile")
            return
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Undecided findings"),
                          self.tr("%1 findings have no decision yet. How should the copy treat them?")
                          .replace("%1", str(count)), QMessageBox.StandardButton.Cancel, self.window)
        box.setObjectName("undecidedQuestion")
        as_decided = box.addButton(self.tr("Export as decided (leave them as they are)"),
                                   QMessageBox.ButtonRole.AcceptRole)
        as_accepted = box.addButton(self.tr("Treat them as accepted (apply the profile)"),
                                    QMessageBox.ButtonRole.AcceptRole)
        as_accepted.setObjectName("undecidedAccept")
        as_decided.setObjectName("undecidedKeep")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)

        def clicked(button) -> None:
            if button is as_decided:
                proceed("keep")
            elif button is as_accepted:
                proceed("profile")

        box.buttonClicked.connect(clicked)
        self._open(box)

    def _run_export(self, copy_path, log_paths, doc_id, *, undecided: str = "profile",
                    override_reason: str | None = None) -> None:
        session, facade = self.session, self.facade

        def work(progress, cancelled):
            from reviewer.core.deidentify.export import PROGRESS_TOTAL

            # the copy reports its pages (writing, then verifying); a review log is quick: 10 %
            out = {"copy": None, "logs": {}}
            per_log = PROGRESS_TOTAL // 10
            steps = (PROGRESS_TOTAL if copy_path else 0) + per_log * len(log_paths)
            done = 0
            if copy_path:
                copy_path.parent.mkdir(parents=True, exist_ok=True)
                out["copy"] = facade.export_copy(
                    session, copy_path, undecided=undecided, override_reason=override_reason, cancelled=cancelled,
                    progress=lambda d, t: progress(PROGRESS_TOTAL * d // t, steps))
                done = PROGRESS_TOTAL
                progress(done, steps)
            for fmt, path in log_paths.items():
                path.parent.mkdir(parents=True, exist_ok=True)
                out["logs"][fmt] = facade.export_log(doc_id, fmt, path)
                done += per_log
                progress(done, steps)
            return out

        # cancellable: until verification passes nothing is in place (the copy is written atomically);
        # once it has passed, the copy exists and is reported as such
        self.window._submit(work, Lane.IO, self.tr("Exporting"), self._on_exported, cancellable=True,
                            result_wins=True)

    def _on_exported(self, out) -> None:
        self.refresh()
        copy = out["copy"]
        parts = ([copy.output] if copy else []) + [str(p) for p in out["logs"].values()]
        names = ", ".join(Path(p).name for p in parts)
        self.window.set_status(lambda: self.tr("Exported: %1").replace("%1", names))
        if copy is not None:
            zh = self._lang() == "zh"
            lines = [copy.checked_zh() if zh else copy.checked_en(), *(copy.residual_zh() if zh else copy.residual_en())]
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Export finished"), "\n\n".join(lines),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("exportResult")
            notes = [note_text(n) for n in copy.result.notes]
            if notes:  # what else the copy lost (comments, tracked changes, metadata, seals): shown
                lines = [self.tr("Also changed in the copy:"), *(f"• {n}" for n in notes)]
                box.setInformativeText("\n".join(lines))
            box.setDetailedText(str(copy.output))
            self._open(box)
        self.exported.emit(out)

    def settings(self) -> SettingsDialog:
        from reviewer.core.deidentify.profiles import list_profiles

        s = self.window.settings
        dialog = SettingsDialog(
            profiles=["auto", *list_profiles()],
            profile=s.profile,
            threshold=s.threshold,
            language=self.window.translations.language,
            parent=self.window,
        )

        def done() -> None:
            s.profile = dialog.profile.currentData()
            s.threshold = dialog.threshold.value()
            s.language = dialog.language.currentData()
            if s.language != self.window.translations.language:
                self.window.translations.install(s.language)
            self.window._refresh_preview()
            self.window.review.refresh_rows()  # another profile: other replacements

        dialog.accepted.connect(done)
        self._open(dialog)
        return dialog


def _export_folder() -> Path:
    """Exports go to the user's documents folder, never next to the original by default."""
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "reviewer-exports"


def _has(user, *roles: str) -> bool:
    return bool({str(r) for r in user.roles} & set(roles))


def roles_label(roles) -> str:  # noqa: ANN001 - core Roles
    from reviewer.ui.dialogs.users_dialog import roles_label as label

    return label(roles)


def returned_reason(status: str, events) -> str:  # noqa: ANN001 - audit events, oldest first
    """Why the supervisor returned the review (shown with the status, not only in the audit log)."""
    if status != "returned":
        return ""
    returned = [e for e in events if e.action == "review.returned"]
    return str(returned[-1].details.get("reason", "")) if returned else ""


def role_name(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "reviewer": QCoreApplication.translate("Roles", "Reviewer"),
        "supervisor": QCoreApplication.translate("Roles", "Supervisor"),
        "auditor": QCoreApplication.translate("Roles", "Auditor"),
        "admin": QCoreApplication.translate("Roles", "Administrator"),
    }.get(role, role)


def _needs_workspace():
    from reviewer.ui.workspace_session import WorkspaceUnavailable

    return WorkspaceUnavailable(
        "导出前请先登录并检测文档：导出会登记在工作区中。",
        "Log in and detect the document before exporting: exports are recorded in the workspace.",
    )
