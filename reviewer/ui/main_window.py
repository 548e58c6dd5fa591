"""The review workstation window: document, de-identified preview, findings, workspace, audit history.

Slow work (opening, detection, export) goes through the `TaskRunner`; the window stays responsive and
shows progress with a cancel button. The detection engine loads on the NLP lane at start-up, so the
first Detect simply queues behind it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMenu, QSplitter, QStackedWidget, QWidget

from reviewer.core.documents.model import Document, DocumentFormat
from reviewer.core.errors import ReviewerError
from reviewer.ui.bulk import BulkActions, BulkPanel, page_of
from reviewer.ui.details_pane import DetailsPane
from reviewer.ui.dialogs.error_dialog import show_error
from reviewer.ui.dialogs.shortcuts_dialog import ShortcutsDialog
from reviewer.ui.document_view import DocumentView
from reviewer.ui.findings_panel import FindingsPanel
from reviewer.ui.findings_table_model import FindingsTableModel
from reviewer.ui.i18n import Translations
from reviewer.ui.legend import Legend
from reviewer.ui.review_controller import ReviewController
from reviewer.ui.services import Services
from reviewer.ui.settings import AppSettings
from reviewer.ui.tasks import Lane, TaskHandle, TaskRunner
from reviewer.ui.widgets import PreviewPane, TaskProgress, TitledPane, WelcomePage, dock, icon, preview_text

SUPPORTED = (".docx", ".pdf", ".txt", ".ofd", ".doc", ".wps", ".rtf", ".odt", ".html", ".htm", ".mht", ".xlsx", ".xlsm",
             ".xls", ".et", ".ett", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


class MainWindow(QMainWindow):
    document_opened = Signal(object)  # Document
    detection_returned = Signal(int)  # the engine is done; the findings are being saved to the workspace
    detection_finished = Signal(int)  # number of findings, saved and shown
    engine_ready_changed = Signal(bool)
    error_shown = Signal(object)  # the QMessageBox
    preview_refreshed = Signal()

    def __init__(
        self,
        services: Services,
        runner: TaskRunner,
        settings: AppSettings,
        translations: Translations,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.services, self.runner, self.settings, self.translations = (
            services,
            runner,
            settings,
            translations,
        )
        self.document: Document | None = None
        self.path: Path | None = None
        self.detection_options = None  # issue 33: () -> analyze options (term lists…), set by the workflow
        self.engine_ready = False
        self._engine_error: BaseException | None = None
        self._preview_generation = 0
        self.setWindowIcon(icon("app"))
        self.setAcceptDrops(True)

        self.model = FindingsTableModel(self)
        self.findings = FindingsPanel(self.model)
        self.view = DocumentView()
        self.view.pdf_view.runner = runner
        self.preview = PreviewPane()
        self.review = ReviewController(self.model, self.findings, self.view, self.show_error, self)
        self.review.runner = runner
        self.review.decision_recorded.connect(self._on_review_decision_recorded)
        self.review.message.connect(self.set_status)
        self.review.busy_changed.connect(lambda _b: self._update_actions())
        self._preview_waiting = False  # a preview asked for while a decision was being recorded
        self.review.busy_changed.connect(self._preview_after_decision)
        self.findings.current_changed.connect(self._on_findings_current_changed)
        self.details = DetailsPane(self._operator_for, lambda: self.translations.core_language == "zh")
        self.findings.set_details(self.details)
        self.bulk = BulkActions(self.review, self)
        self.bulk_panel = BulkPanel(self.bulk, self._current_page)
        self.findings.context_menu_requested.connect(lambda pos: self.bulk.popup(self, pos))
        self.view.context_menu_requested.connect(self._on_view_context_menu)
        self.view.zoom_changed.connect(lambda _z: self._update_title())
        self._model_timer = QTimer(self, singleShot=True, interval=0)  # a burst of changes: one update
        self._model_timer.timeout.connect(self._on_model_changed)
        for signal in (self.model.dataChanged, self.model.modelReset, self.model.rowsRemoved):
            signal.connect(self._model_timer.start)
        self.editable = True  # the document's status allows decisions (the workflow says)
        self._status: Callable[[], str] = lambda: ""
        self.welcome = WelcomePage()
        self.welcome.open_requested.connect(self.open_path)
        self.welcome.choose_requested.connect(self.choose_file)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="reviewSplitter")
        self.legend = Legend()
        self.original = TitledPane(self.view, "originalTitle", footer=self.legend)
        self.splitter.addWidget(self.original)
        self.splitter.addWidget(self.preview)
        self.splitter.setSizes([620, 420])
        self.centre = QStackedWidget()
        self.centre.addWidget(self.welcome)
        self.centre.addWidget(self.splitter)
        self.setCentralWidget(self.centre)
        self.findings_dock = dock(self, "findingsDock", self.findings, Qt.DockWidgetArea.RightDockWidgetArea)
        self.bulk_dock = dock(self, "bulkDock", self.bulk_panel, Qt.DockWidgetArea.RightDockWidgetArea)

        self._create_actions()
        self._create_status_bar()
        from reviewer.ui.workflow import WorkflowController

        self.workflow = WorkflowController(self, services.workspace)
        self.retranslate()
        self._restore_state()
        self._preview_timer = QTimer(self, singleShot=True, interval=120)
        self._preview_timer.timeout.connect(self._refresh_preview)
        self.review.rows_refreshed.connect(self._preview_timer.start)

    # -- actions ----------------------------------------------------------------------------------------
    def _action(
        self,
        name: str,
        slot,
        shortcut: str | QKeySequence.StandardKey | None = None,
        icon_name: str | None = None,
    ) -> QAction:
        action = QAction(self, objectName=f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if icon_name:
            action.setIcon(icon(icon_name))
        action.triggered.connect(slot)
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _create_actions(self) -> None:
        self.actions_by_name: dict[str, QAction] = {}
        a = self._action
        a("open", self.choose_file, QKeySequence.StandardKey.Open, "open")
        a("detect", self.detect, "Ctrl+D", "detect")
        a("next", self.review.next, "J")
        a("previous", self.review.previous, "K")
        a("accept", self.review.accept, "A", "accept")
        a("reject", self.review.reject, "R", "reject")
        a("accept_value", lambda: self.bulk.decide_value("accept"), "Shift+A")
        a("reject_value", lambda: self.bulk.decide_value("reject"), "Shift+R")
        a("edit", self.review.edit_span, "E", "edit")
        a("manual", self.review.add_manual, "M", "manual")
        a("menu", self._show_context_menu, "Shift+F10")
        self.actions_by_name["menu"].setShortcuts([QKeySequence("Shift+F10"), QKeySequence(Qt.Key.Key_Menu)])
        a("undo", self.review.undo, "Ctrl+Z", "undo")
        a("redo", self.review.redo, "Ctrl+Shift+Z", "redo")
        a("export", self.export, "Ctrl+E", "export")
        a("zoom_in", self.view.zoom_in, QKeySequence.StandardKey.ZoomIn)
        self.actions_by_name["zoom_in"].setShortcuts([QKeySequence("Ctrl++"), QKeySequence("Ctrl+=")])
        a("zoom_out", self.view.zoom_out, QKeySequence.StandardKey.ZoomOut)
        a("fit_page", self.view.fit_page, "Ctrl+0")
        a("actual_size", self.view.actual_size, "Ctrl+1")
        a("fit_width", self.view.fit_width, "Ctrl+2")
        a("shortcuts", self.show_shortcuts, "F1", "help")
        a("settings", self.show_settings, "Ctrl+,", "settings")
        a("cancel", self.cancel_task, "Esc", "cancel")
        a("quit", self.close, QKeySequence.StandardKey.Quit)
        self.menus = {key: QMenu(self) for key in ("file", "review", "view", "help")}
        for key, menu in self.menus.items():
            menu.setObjectName(f"menu_{key}")
        self.recent_menu = QMenu(self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        m, by = self.menus, self.actions_by_name
        m["file"].addActions([by["open"]])
        m["file"].addMenu(self.recent_menu)
        m["file"].addSeparator()
        m["file"].addActions([by[n] for n in ("export", "settings")])
        m["file"].addSeparator()
        m["file"].addAction(by["quit"])
        m["review"].addActions([by[n] for n in ("detect", "next", "previous", "accept", "reject")])
        m["review"].addSeparator()
        m["review"].addActions([by[n] for n in ("accept_value", "reject_value", "edit", "manual", "menu")])
        m["review"].addSeparator()
        m["review"].addActions([by[n] for n in ("undo", "redo", "cancel")])
        m["view"].addActions([by[n] for n in ("zoom_in", "zoom_out", "fit_width", "fit_page", "actual_size")])
        m["view"].addSeparator()
        m["view"].addAction(self.findings_dock.toggleViewAction())
        m["view"].addAction(self.bulk_dock.toggleViewAction())
        m["help"].addAction(by["shortcuts"])
        for menu in m.values():
            self.menuBar().addMenu(menu)
        self.toolbar = self.addToolBar("main")
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in ("open", "detect", None, "accept", "reject", "edit", "manual", None, "undo", "redo", None,
                     "export"):
            self.toolbar.addSeparator() if name is None else self.toolbar.addAction(by[name])
        for name in ("open", "undo", "redo"):  # well known by their icons: the others keep their words
            self.toolbar.widgetForAction(by[name]).setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        self._update_actions()

    def _create_status_bar(self) -> None:
        bar = self.statusBar()
        self.user_label = QLabel(objectName="userLabel")
        self.status_label = QLabel(objectName="documentStatus")
        self.engine_label = QLabel(objectName="engineStatus")
        self.task_progress = TaskProgress(self.runner, self.actions_by_name["cancel"])
        self.task_progress.finished.connect(self._update_actions)
        self.task_progress.finished.connect(self._on_task_finished)
        self._running_status = None
        self.progress, self.cancel_button = self.task_progress.bar, self.task_progress.cancel_button
        bar.addWidget(self.status_label, 1)
        for widget in (self.task_progress, self.engine_label, self.user_label):
            bar.addPermanentWidget(widget)

    def set_status(self, text: Callable[[], str]) -> None:
        """The status line is a function of the current state, re-read when the language or the
        findings change: it never shows a count that is no longer true or a language not chosen."""
        self._status = text
        self._show_status()

    def _show_status(self) -> None:
        if hasattr(self, "status_label"):
            self.status_label.setText(self._status())

    def _on_task_finished(self) -> None:
        """A task ended without its result saying so (a result for a session no longer open): the
        status line no longer claims it is running."""
        if self._status is self._running_status:
            self.set_status(self._summary)

    def _summary(self) -> str:
        if self.document is None:
            return ""
        rows = self.model.rows()
        undecided = sum(r.state == "pending" for r in rows)
        text = self.tr("%1 findings · %2 undecided")
        return text.replace("%1", str(len(rows))).replace("%2", str(undecided))

    def _on_model_changed(self, *_args) -> None:
        self._show_status()
        current = self.findings.current_id()
        row = self.review.row(current) if current else None
        if row is not self.details.row():
            self.details.set_row(row)

    def retranslate(self) -> None:
        # Mnemonics are unique in the menu bar and within each menu (a toolbar button shows its short
        # label, without one): File F, Review R, View V, Help H.
        texts = {
            "open": (self.tr("&Open…"), self.tr("Open")),
            "detect": (self.tr("&Detect"), self.tr("Detect")),
            "next": (self.tr("&Next finding"), ""),
            "previous": (self.tr("&Previous finding"), ""),
            "accept": (self.tr("&Accept"), self.tr("Accept")),
            "reject": (self.tr("&Reject…"), self.tr("Reject")),
            "accept_value": (self.tr("Accept every occurrence of this &value"), ""),
            "reject_value": (self.tr("Reject every occurrence of this va&lue…"), ""),
            "edit": (self.tr("&Edit span…"), self.tr("Edit span")),
            "manual": (self.tr("Add &manual finding…"), self.tr("Add finding")),
            "menu": (self.tr("Bul&k actions menu"), ""),
            "undo": (self.tr("&Undo"), self.tr("Undo")),
            "redo": (self.tr("Red&o"), self.tr("Redo")),
            "export": (self.tr("E&xport…"), self.tr("Export")),
            "zoom_in": (self.tr("Zoom &in"), ""),
            "zoom_out": (self.tr("Zoom &out"), ""),
            "fit_width": (self.tr("Fit &width"), ""),
            "fit_page": (self.tr("Fit &page"), ""),
            "actual_size": (self.tr("&Actual size (100 %)"), ""),
            "shortcuts": (self.tr("Keyboard &shortcuts"), ""),
            "settings": (self.tr("&Settings…"), ""),
            "cancel": (self.tr("&Cancel task"), ""),
            "quit": (self.tr("&Quit"), ""),
        }
        for name, (text, short) in texts.items():
            action = self.actions_by_name[name]
            action.setText(text)
            action.setIconText(short or _plain(text))
            key = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{_plain(text)} ({key})" if key else _plain(text))
        for key, text in (
            ("file", self.tr("&File")),
            ("review", self.tr("&Review")),
            ("view", self.tr("&View")),
            ("help", self.tr("&Help")),
        ):
            self.menus[key].setTitle(text)
        self.recent_menu.setTitle(self.tr("Recent files"))
        self.findings_dock.setWindowTitle(self.tr("Findings"))
        self.bulk_dock.setWindowTitle(self.tr("Decide in bulk"))
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self._update_engine_label()
        self._update_title()
        self.model.retranslate()
        self.welcome.retranslate(self.settings.recent_files())
        self.preview.retranslate()
        self.details.retranslate()
        if hasattr(self, "workflow"):
            self.workflow.retranslate()
        self._show_status()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.path.name if self.path else ""
        title = self.tr("Original: %1").replace("%1", name)
        if self.document is not None:
            title += " · " + self.tr("%1 %").replace("%1", str(round(self.view.zoom * 100)))
        self.original.title.setText(title)
        app = self.tr("Disclosure Review Workstation")
        self.setWindowTitle(f"{name} — {app}" if name else app)

    def _update_actions(self) -> None:
        has_doc = self.document is not None
        has_rows = self.model.rowCount() > 0
        # decisions only while the document's review may change (not after submit) and no bulk
        # decision is being recorded: a key that cannot work is greyed out, not refused afterwards
        deciding = self.editable and not self.review.busy
        for name in ("detect", "export", "zoom_in", "zoom_out", "fit_width", "fit_page", "actual_size"):
            self.actions_by_name[name].setEnabled(has_doc)
        for name in ("next", "previous", "menu"):
            self.actions_by_name[name].setEnabled(has_rows)
        for name in ("accept", "reject", "edit", "accept_value", "reject_value"):
            self.actions_by_name[name].setEnabled(has_rows and deciding)
        self.actions_by_name["manual"].setEnabled(has_doc and deciding)
        session = self.review.session
        self.actions_by_name["undo"].setEnabled(bool(session and session.can_undo()) and deciding)
        self.actions_by_name["redo"].setEnabled(bool(session and session.can_redo()) and deciding)
        self.actions_by_name["cancel"].setEnabled(
            self.task_progress.current is not None if hasattr(self, "task_progress") else False
        )

    # -- engine -------------------------------------------------------------------------------------------
    def start_engine(self) -> TaskHandle:
        """Load the detection engine in the background (NLP lane); Detect queues behind it."""
        return self.runner.submit(
            lambda _p, _c: self.services.warm_up(),
            lane=Lane.NLP,
            label="engine",
            cancellable=False,
            on_success=self._on_engine_loaded,
            on_error=self._on_engine_failed,
            owner=self,
        )

    def _on_engine_loaded(self, _engine) -> None:
        self.engine_ready = True
        self._update_engine_label()
        self.engine_ready_changed.emit(True)

    def _on_engine_failed(self, error: BaseException) -> None:
        self._engine_error = error
        self._update_engine_label()
        self.show_error(error)

    def _update_engine_label(self) -> None:
        if self._engine_error is not None:
            self.engine_label.setText(self.tr("Detection engine unavailable"))
        elif self.engine_ready:
            self.engine_label.setText(self.tr("Engine ready"))
        else:
            self.engine_label.setText(self.tr("Loading detection engine…"))

    # -- open ---------------------------------------------------------------------------------------------
    def choose_file(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open document"),
            str(self.path.parent if self.path else ""),
            self.tr("Documents (%1)").replace("%1", " ".join(f"*{suffix}" for suffix in SUPPORTED)),
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> TaskHandle:
        path = Path(path)
        load, open_session = self.services.load_document, self.services.open_session

        def work(_progress, _cancelled):
            from reviewer.ui.pdf_view import PDFIUM_LOCK, read_layout

            with PDFIUM_LOCK:  # the PDF reader may use pdfium too; never concurrently with rendering
                document = load(path)
            # a PDF without pages (pdfium refuses an empty page tree) is shown as the text it has
            has_pages = any(b.page for b in document.blocks)
            layout = read_layout(str(path)) if document.format == DocumentFormat.PDF and has_pages else None
            return document, layout, open_session(document)  # the store is read here, not on the GUI thread

        return self._submit(
            work,
            Lane.IO,
            self.tr("Opening %1").replace("%1", path.name),
            lambda result: self._on_document_loaded(path, *result),
        )

    def _on_document_loaded(self, path: Path, document: Document, layout, session) -> None:
        self.document, self.path = document, path
        self.view.set_document(document, layout)
        self.review.set_session(session)
        self.centre.setCurrentWidget(self.splitter)
        self.settings.add_recent(path)
        self.welcome.retranslate(self.settings.recent_files())
        self.details.set_document_text(document.text)
        self.details.set_row(None)
        self._update_title()
        self._update_actions()
        self._refresh_preview()
        self.set_status(lambda: self.tr("%1 opened").replace("%1", path.name))
        self.document_opened.emit(document)

    # -- detect -------------------------------------------------------------------------------------------
    def detect(self) -> TaskHandle | None:
        document, session = self.document, self.review.session
        if document is None or session is None:
            return None
        analyze, threshold = self.services.analyze, self.settings.threshold
        options = self.detection_options() if self.detection_options is not None else {}  # issue 33
        label = (
            self.tr("Detecting in %1")
            if self.engine_ready
            else self.tr("Waiting for the engine, then detecting")
        )
        return self._submit(
            lambda progress, cancelled: analyze(
                document, threshold=threshold, progress=progress, cancelled=cancelled, **options
            ),
            Lane.NLP,
            label.replace("%1", self.path.name if self.path else ""),
            lambda findings: self._on_detected(document, findings, options),
        )

    def _on_detected(self, document: Document, findings, options=None) -> None:
        session = self.review.session
        if document is not self.document or session is None:
            return
        self.detection_returned.emit(len(findings))
        # importing thousands of findings into the workspace is store work: the I/O pool does it
        self._submit(
            lambda _p, _c: session.record_findings(list(findings), **(options or {})),
            Lane.IO,
            self.tr("Saving findings"),
            lambda changes: self._on_findings_recorded(session, changes, len(findings)),
            cancellable=False,  # stored once started: a cancel would hide findings the store holds
        )

    def _on_findings_recorded(self, session, changes, count: int) -> None:
        if session is not self.review.session:
            return
        self.review.apply(changes)
        if self.model.rowCount():
            self.review.next() if self.findings.current_id() is None else None
        self._update_actions()
        self.set_status(lambda: self.tr("Detection done: %1 findings")
                        .replace("%1", str(self.model.rowCount())))
        self.detection_finished.emit(count)

    # -- tasks --------------------------------------------------------------------------------------------
    def _submit(self, fn, lane: Lane, label: str, on_success, *, cancellable: bool = True,
                result_wins: bool = False) -> TaskHandle:
        """`cancellable=False` for work that commits as it goes and does not poll `cancelled` (saving):
        a Cancel there would report "Cancelled" for something that was done. `result_wins` for work that
        stops by raising when cancelled and whose returned result is done (an export past verification)."""
        handle = self.runner.submit(
            fn,
            lane=lane,
            label=label,
            cancellable=cancellable,
            result_wins=result_wins,
            on_success=on_success,
            on_error=lambda exc: (self.set_status(lambda: self.tr("Failed: %1").replace("%1", label)),
                                  self.show_error(exc)),
            on_cancel=lambda: self.set_status(lambda: self.tr("Cancelled")),
            owner=self,
        )
        if not handle.done:
            self.task_progress.track(handle)
            running = lambda: label  # noqa: E731 - until the task's result says what happened
            self.set_status(running)
            self._running_status = running
        self._update_actions()
        return handle

    def cancel_task(self) -> None:
        self.task_progress.cancel()

    # -- review results ---------------------------------------------------------------------------------
    def _on_review_decision_recorded(self, changes) -> None:
        self._update_actions()
        if not changes.refresh:  # otherwise the preview follows the rows' refresh (one plan, not two at once)
            self._preview_timer.start()

    def _preview_page(self) -> int | None:
        """The page the PDF preview shows: the current finding's, else the one shown before, else 1."""
        if self.document is None or self.document.format != DocumentFormat.PDF:
            return None
        row_id = self.findings.current_id()
        if row_id is not None:
            i = self.model.row_of(row_id)
            page = (self.model.row_at(i).finding.locator or {}).get("page") if i >= 0 else None
            if isinstance(page, int):
                return page
        return self.preview.page_number or 1

    def _preview_after_decision(self, busy: bool) -> None:
        if not busy and self._preview_waiting:
            self._preview_waiting = False
            self._preview_timer.start()

    def _refresh_preview(self) -> None:
        """Write the copy with the export's writer in the I/O pool and show it (text, or the PDF page);
        only the newest result is shown. Not while a decision is being recorded: that copy would be
        out of date when shown, and writing it beside the decision slows both; it follows the decision."""
        session = self.review.session
        if session is None:
            return
        if self.review.busy:
            self._preview_waiting = True
            return
        self._preview_generation += 1
        generation = self._preview_generation
        page = self._preview_page()

        def show(preview) -> None:
            if generation != self._preview_generation or session is not self.review.session:
                return
            if hasattr(preview, "rgb"):
                self.preview.set_page(preview)
            else:
                self.preview.set_text(preview_text(preview.blocks))
            self.preview_refreshed.emit()

        def failed(exc: BaseException) -> None:
            if generation != self._preview_generation:
                return
            if isinstance(exc, ReviewerError):
                self.preview.set_message(exc.message(self.translations.core_language))
                self.preview_refreshed.emit()
            else:
                self.show_error(exc)

        def work(_p, _c):
            from reviewer.ui.pdf_view import PDFIUM_LOCK  # noqa: F401 - the writer takes the core's lock itself

            return session.preview(page)

        self.runner.submit(work, lane=Lane.IO, label="preview", cancellable=False, on_success=show,
                           on_error=failed, owner=self)

    def _on_findings_current_changed(self, row_id: str) -> None:
        """The details pane shows the current finding; a PDF preview follows it to its page."""
        self.details.set_row(self.review.row(row_id))
        page = self._preview_page()
        if page is not None and page != self.preview.page_number:
            self._preview_timer.start()

    def _operator_for(self, entity_type: str) -> str | None:
        """The operator an accept applies to this type (the profile's; the details pane shows it)."""
        session = self.review.session
        operator_for = getattr(session, "operator_for", None)
        return operator_for(entity_type) if operator_for else None

    def _current_page(self) -> int | None:
        row = self.review.row(self.findings.current_id() or "")
        return page_of(row) if row is not None else None

    def _show_context_menu(self) -> None:
        """Shift+F10 or the menu key: the bulk menu at the current row."""
        self.findings.show_context_menu()

    def _on_view_context_menu(self, where: QPoint, row_id: str) -> None:
        self.bulk.view_menu(self, where, row_id, self.actions_by_name["manual"])

    def set_editable(self, editable: bool) -> None:
        """The workflow reports whether the document's status still allows decisions."""
        if editable != self.editable:
            self.editable = editable
            self._update_actions()

    def export(self):
        return self.workflow.export()

    def show_settings(self):
        return self.workflow.settings()

    def reopen_session(self) -> None:
        """The user changed: the same document, seen through the new user's session."""
        if self.document is None:
            return
        try:
            session = self.services.open_session(self.document)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return
        self.review.set_session(session)
        self._update_actions()
        self._refresh_preview()

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(self.actions_by_name.values(), self)
        dialog.open()
        return dialog

    # -- errors, drag and drop, recent files, state --------------------------------------------------------
    def show_error(self, error: BaseException) -> None:
        self.error_shown.emit(show_error(self, error, self.translations.core_language))

    def dragEnterEvent(self, event) -> None:  # noqa: N802 - Qt override
        if any(
            u.isLocalFile() and u.toLocalFile().lower().endswith(SUPPORTED) for u in event.mimeData().urls()
        ):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: N802 - Qt override
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        paths = [p for p in paths if p.lower().endswith(SUPPORTED)]
        if paths:
            event.acceptProposedAction()
            self.open_path(paths[0])

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_files():
            self.recent_menu.addAction(Path(path).name, lambda p=path: self.open_path(p)).setToolTip(path)
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction(self.tr("(none)")).setEnabled(False)

    def _restore_state(self) -> None:
        geometry, state = self.settings.window_state()
        if geometry is None or not self.restoreGeometry(geometry):
            screen = QGuiApplication.primaryScreen()
            area = screen.availableGeometry() if screen is not None else None
            if area is not None:  # within the screen, frame included: the status bar stays in sight
                self.resize(min(1360, area.width()), min(860, area.height() - 40))
                self.move(area.topLeft())
            else:
                self.resize(1360, 860)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.settings.save_window_state(self.saveGeometry(), self.saveState())
        self.runner.cancel_all()
        super().closeEvent(event)


def _plain(text: str) -> str:
    """A menu text without its mnemonic ("打开(&O)…" → "打开", "E&xport…" → "Export")."""
    import re

    return re.sub(r"\(&.\)", "", text).replace("&", "").rstrip("…").strip()
