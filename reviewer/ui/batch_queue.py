"""The batch queue (issue 31): a batch's documents, most urgent first, worked down with the keyboard.

J/K move down and up the ranked list, Enter opens the selected document in the window (its findings are
the ones the batch recorded); Ctrl+Shift+J / Ctrl+Shift+K in the window open the next / previous document
of the queue without coming back here. While the batch runs (`reviewer batch`, or `reviewer worker` on
other machines), the count, rate and time left are shown and refreshed. The workspace is read in a
background thread; the rules (ranking, next steps) are the core's (service/batch, reports/triage).
Installed on the window by `install(window, facade)`: one menu action, File → Batch queue (Ctrl+Shift+B).
"""

from __future__ import annotations

import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

REFRESH_MS = 2000


class BatchQueueDialog(QDialog):
    loaded = Signal(int, object)  # generation, (batches, rows, progress) or an error
    opened = Signal(object)  # an error while preparing a document, or None

    def __init__(self, window, workspace) -> None:  # noqa: ANN001
        super().__init__(window)
        self.setObjectName("batchQueue")
        self.window, self.workspace = window, workspace
        self.setWindowModality(Qt.WindowModality.NonModal)
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="batch-queue")
        self._files = tempfile.TemporaryDirectory(prefix="reviewer-queue-")  # archive members, while open
        self._generation = 0
        self._rows: list = []
        self._batch_ids: list[int] = []
        self._current = -1  # the row opened last
        self.batch_box = QComboBox(objectName="batchChoice")
        self.progress_bar = QProgressBar(objectName="batchProgress")
        self.progress_label = QLabel(objectName="batchProgressText")
        self.table = QTableWidget(0, 7, self, objectName="batchTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.open_button = QPushButton(objectName="batchOpen")
        self.open_button.clicked.connect(self.open_selected)
        self.status = QLabel(objectName="batchStatus")
        self.status.setWordWrap(True)
        top = QHBoxLayout()
        self._batch_label = QLabel()
        top.addWidget(self._batch_label)
        top.addWidget(self.batch_box, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)
        self.batch_box.currentIndexChanged.connect(lambda _i: self.reload())
        self.loaded.connect(self._on_loaded)
        self.opened.connect(self._on_opened)
        self.timer = QTimer(self, interval=REFRESH_MS)
        self.timer.timeout.connect(self.reload)
        for key, step in (("J", 1), ("K", -1)):
            action = QAction(self)
            action.setShortcut(QKeySequence(key))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(lambda _checked=False, s=step: self.move(s))
            self.addAction(action)
        self.retranslate()
        self.resize(900, 560)
        self.reload()

    # -- text ---------------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Batch queue"))
        self._batch_label.setText(self.tr("Batch:"))
        self.open_button.setText(self.tr("Open (Enter)"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("#"),
                self.tr("Document"),
                self.tr("Next step"),
                self.tr("Risk"),
                self.tr("Markings"),
                self.tr("To act on"),
                self.tr("State"),
            ]
        )
        self._fill()

    def changeEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def step_text(self, step: str) -> str:
        return {
            "open": self.tr("Open in the app"),
            "publish": self.tr("Safe to publish: nothing detected to act on"),
            "refused": self.tr("Refused file: get a readable copy"),
        }.get(step, self.tr("Not processed yet"))

    def tier_text(self, tier: int) -> str:
        return [
            self.tr("Blocks release: 密级 marking, secrecy statement or blocked term"),
            self.tr("Checksummed identifiers"),
            self.tr("Names and addresses"),
            self.tr("Other content to decide"),
            self.tr("Nothing detected to act on"),
            self.tr("Refused or failed"),
        ][tier]

    def state_text(self, state: str) -> str:
        return {
            "done": self.tr("done"),
            "failed": self.tr("failed"),
            "refused": self.tr("unreadable"),
            "duplicate": self.tr("duplicate"),
            "pending": self.tr("pending"),
            "queued": self.tr("queued"),
            "running": self.tr("running"),
        }.get(state, state)

    # -- reading the workspace ---------------------------------------------------------------------------
    def reload(self) -> None:
        self._generation += 1
        generation, workspace = self._generation, self.workspace
        index = self.batch_box.currentIndex()
        chosen = self._batch_ids[index] if 0 <= index < len(self._batch_ids) else None

        def read() -> None:
            from reviewer.core.reports.triage import ranked_rows
            from reviewer.core.service.batch import jobs

            try:
                batches = jobs.list_batches(workspace)
                batch_id = (
                    chosen if chosen in {b.id for b in batches} else (batches[0].id if batches else None)
                )
                rows = ranked_rows(jobs.items(workspace, batch_id)) if batch_id is not None else []
                state = jobs.progress(workspace, batch_id) if batch_id is not None else None
                self.loaded.emit(generation, (batches, batch_id, rows, state))
            except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a traceback
                self.loaded.emit(generation, exc)

        self._pool.submit(read)

    def _on_loaded(self, generation: int, data) -> None:  # noqa: ANN001
        if generation != self._generation:
            return
        if isinstance(data, Exception):
            self.status.setText(str(data))
            return
        batches, batch_id, rows, state = data
        ids = [b.id for b in batches]
        if ids != self._batch_ids:
            self._batch_ids = ids
            self.batch_box.blockSignals(True)
            self.batch_box.clear()
            for b in batches:
                self.batch_box.addItem(f"#{b.id}  {b.label}  ({b.created_at[:16].replace('T', ' ')})")
            self.batch_box.setCurrentIndex(ids.index(batch_id) if batch_id in ids else -1)
            self.batch_box.blockSignals(False)
        selected = self.selected_key()
        self._rows = rows
        self._fill(selected)
        self._show_progress(state)

    def _show_progress(self, state) -> None:  # noqa: ANN001 - jobs.Progress or None
        if state is None:
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(0)
            self.progress_label.setText(self.tr("No batch in this workspace yet: run `reviewer batch`."))
            self.timer.stop()
            return
        self.progress_bar.setRange(0, max(1, state.total))
        self.progress_bar.setValue(state.finished)
        failed = state.by_state.get("failed", 0) + state.by_state.get("refused", 0)
        eta = "—" if state.eta is None else f"{int(state.eta) // 60}:{int(state.eta) % 60:02d}"
        if state.remaining:
            text = self.tr("%1 of %2 done · %3 documents/s · about %4 left · %5 failed")
            text = text.replace("%1", str(state.finished)).replace("%2", str(state.total))
            text = text.replace("%3", f"{state.rate:.2f}").replace("%4", eta).replace("%5", str(failed))
            if not self.timer.isActive():
                self.timer.start()
        else:
            text = self.tr("All %1 documents done · %2 failed or unreadable")
            text = text.replace("%1", str(state.total)).replace("%2", str(failed))
            self.timer.stop()
        self.progress_label.setText(text)

    def _fill(self, keep: str | None = None) -> None:
        self.table.setRowCount(len(self._rows))
        for i, r in enumerate(self._rows):
            res = r.result or {}
            values = [
                str(r.rank),
                r.item.key,
                self.step_text(r.next_step),
                self.tier_text(r.tier),
                "；".join(res.get("markings", [])),
                str(sum(res.get("act", {}).values())) if res else "",
                self.state_text(r.item.state),
            ]
            for col, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if col == 1 and (r.error or r.duplicate_of):
                    cell.setToolTip(r.error or r.duplicate_of)
                self.table.setItem(i, col, cell)
        keys = [r.item.key for r in self._rows]
        if keep in keys:
            self.table.selectRow(keys.index(keep))
        elif self._rows and not self.table.selectedItems():
            self.table.selectRow(0)

    # -- working down the queue ----------------------------------------------------------------------
    def selected_key(self) -> str | None:
        row = self.table.currentRow()
        return self._rows[row].item.key if 0 <= row < len(self._rows) else None

    def move(self, step: int) -> None:
        if not self._rows:
            return
        row = min(max(self.table.currentRow() + step, 0), len(self._rows) - 1)
        self.table.selectRow(row)

    def keyPressEvent(self, event) -> None:  # noqa: ANN001, N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.open_selected()
            return
        super().keyPressEvent(event)

    def open_next(self, step: int = 1) -> None:
        """Open the document after (or before) the one opened last, from the window."""
        if not self._rows:
            return
        start = self._current if self._current >= 0 else self.table.currentRow() - step
        row = min(max(start + step, 0), len(self._rows) - 1)
        self.table.selectRow(row)
        self.open_selected()

    def open_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self._rows):
            return
        r = self._rows[row]
        if r.next_step == "refused" or r.item.state in ("pending", "queued", "running"):
            self.status.setText(
                self.tr("This document has no result to review: %1").replace(
                    "%1", r.error or self.state_text(r.item.state)
                )
            )
            return
        item = r.item
        if r.duplicate_of:
            item = next((x.item for x in self._rows if x.item.key == r.duplicate_of), item)
        self._current = row
        folder = Path(self._files.name)
        self.status.setText(self.tr("Opening %1").replace("%1", item.key))

        def prepare() -> None:
            from reviewer.core.service.batch.members import item_file

            try:
                self.opened.emit(item_file(item, folder))
            except Exception as exc:  # noqa: BLE001 - shown in the dialog
                self.opened.emit(exc)

        self._pool.submit(prepare)

    def _on_opened(self, result) -> None:  # noqa: ANN001
        if isinstance(result, Exception):
            self.status.setText(str(result))
            return
        self.status.setText("")
        self.window.open_path(result)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.timer.stop()
        super().closeEvent(event)

    def shutdown(self) -> None:
        self.timer.stop()
        self._pool.shutdown(wait=True)
        self._files.cleanup()


class BatchQueueLauncher(QObject):
    """File → Batch queue… (Ctrl+Shift+B) and the window-wide next/previous keys of the queue."""

    def __init__(self, window, facade) -> None:  # noqa: ANN001
        super().__init__(window)
        self.window, self.facade = window, facade
        self.dialog: BatchQueueDialog | None = None
        self.action = QAction(window, objectName="action_batchQueue")
        self.action.setShortcut(QKeySequence("Ctrl+Shift+B"))
        self.action.triggered.connect(self.show)
        self.next_action = QAction(window, objectName="action_batchNext")
        self.next_action.setShortcut(QKeySequence("Ctrl+Shift+J"))
        self.next_action.triggered.connect(lambda: self._step(1))
        self.previous_action = QAction(window, objectName="action_batchPrevious")
        self.previous_action.setShortcut(QKeySequence("Ctrl+Shift+K"))
        self.previous_action.triggered.connect(lambda: self._step(-1))
        for action in (self.action, self.next_action, self.previous_action):
            window.addAction(action)
        menu = window.menus["file"]
        menu.insertAction(window.actions_by_name["export"], self.action)
        window.installEventFilter(self)
        self.retranslate()

    def retranslate(self) -> None:
        self.action.setText(self.tr("&Batch queue…"))
        self.next_action.setText(self.tr("Next document in the batch queue"))
        self.previous_action.setText(self.tr("Previous document in the batch queue"))
        enabled = self.facade is not None
        for action in (self.action, self.next_action, self.previous_action):
            action.setEnabled(enabled)

    def eventFilter(self, watched, event) -> bool:  # noqa: ANN001, N802
        if watched is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        return False

    def show(self) -> BatchQueueDialog | None:
        if self.facade is None:
            return None
        if self.dialog is None:
            self.dialog = BatchQueueDialog(self.window, self.facade.workspace)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    def _step(self, step: int) -> None:
        dialog = self.dialog or self.show()
        if dialog is not None:
            dialog.open_next(step)


def install(window, facade) -> BatchQueueLauncher:  # noqa: ANN001
    return BatchQueueLauncher(window, facade)
