"""Keyboard review: J/K move, A accept, R reject with a reason, E edit the span, M add a manual finding,
undo/redo; with several rows selected, A and R decide them all. Every decision goes to the
`ReviewSession` (the core); the controller only applies the returned `Changes` to the model, the
document view and the preview. A decision on many rows (`decide`) is one undo step and one audit event,
run on the I/O lane so that the window never waits for it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.core.errors import ReviewerError
from reviewer.ui.dialogs.review_dialogs import RejectDialog, SpanDialog, grows_into_other_text
from reviewer.ui.document_view import DocumentView
from reviewer.ui.findings_panel import FindingsPanel
from reviewer.ui.findings_table_model import FindingsTableModel
from reviewer.ui.gui_gc import freeze_long_lived
from reviewer.ui.labels import ReviewState
from reviewer.ui.session import Changes, ReviewSession


class ReviewController(QObject):
    decision_recorded = Signal(object)  # Changes
    dialog_opened = Signal(object)  # the QDialog (tests drive it; the UI never blocks on exec())
    rows_refreshed = Signal()  # every row shows what the copy will hold again
    busy_changed = Signal(bool)  # a decision on many rows is being recorded
    bulk_decided = Signal(str, int)  # kind, number of rows: recorded and shown (replacements follow)
    message = Signal(object)  # a line for the status bar: a function, re-read when the language changes

    def __init__(
        self,
        model: FindingsTableModel,
        panel: FindingsPanel,
        view: DocumentView,
        on_error: Callable[[BaseException], None],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.model, self.panel, self.view = model, panel, view
        self.session: ReviewSession | None = None
        self._on_error = on_error
        self._repaint = QTimer(self, singleShot=True, interval=0)
        self._repaint.timeout.connect(lambda: self.view.set_rows(self.model.rows()))
        self.runner = None  # a TaskRunner: rows are recomputed on its I/O lane (without one, inline)
        self._refresh_generation = 0
        self._refresh_timer = QTimer(self, singleShot=True, interval=120)  # a burst of keys: one refresh
        self._refresh_timer.timeout.connect(self._refresh_rows)
        self.busy = False
        panel.current_changed.connect(self._on_panel_current_changed)
        panel.selection_changed.connect(self._on_panel_selection_changed)
        view.finding_clicked.connect(self._on_view_finding_clicked)
        view.finding_toggled.connect(self._on_view_finding_toggled)
        view.findings_boxed.connect(self._on_view_findings_boxed)

    def set_session(self, session: ReviewSession | None) -> None:
        previous = self.session
        if previous is not None and previous is not session and hasattr(previous, "close"):
            try:
                previous.close()  # a team checkout goes back
            except ReviewerError as exc:
                self._on_error(exc)
        self.session = session
        self._refresh_generation += 1
        self.model.set_rows(session.rows() if session else [])
        freeze_long_lived()
        self._repaint.start()

    def refresh_rows(self) -> None:
        """Recompute every row's replacement and the propagated rows (after a decision, a profile change)."""
        self._refresh_timer.start()

    def _refresh_rows(self) -> None:
        session = self.session
        if session is None:
            return
        self._refresh_generation += 1
        generation = self._refresh_generation

        def show(changes: Changes) -> None:
            if generation != self._refresh_generation or session is not self.session:
                return
            self.apply(changes)
            self.rows_refreshed.emit()

        if self.runner is None:
            show(session.refresh_rows())
            return
        from reviewer.ui.tasks import Lane

        self.runner.submit(lambda _p, _c: session.refresh_rows(), lane=Lane.IO, label="rows", cancellable=False,
                           on_success=show, on_error=self._on_error, owner=self)

    def current(self) -> str | None:
        return self.panel.current_id()

    def selected(self) -> list[str]:
        """The rows a decision applies to: the selection, else the current row."""
        ids = self.panel.selected_ids()
        current = self.current()
        return ids if len(ids) > 1 or not current else [current]

    def row(self, row_id: str):  # noqa: ANN201 - a FindingRow or None
        i = self.model.row_of(row_id)
        return self.model.row_at(i) if i >= 0 else None

    # -- navigation -----------------------------------------------------------------------------------
    def next(self) -> None:
        self._show(self.panel.step(+1))

    def previous(self) -> None:
        self._show(self.panel.step(-1))

    def _flush(self) -> None:
        """Draw pending highlights before moving to a finding (its box must exist to scroll to it)."""
        if self._repaint.isActive():
            self._repaint.stop()
            self.view.set_rows(self.model.rows())

    def _show(self, row_id: str | None) -> None:
        if row_id:
            self._flush()
            self.view.show_finding(row_id)

    def _on_panel_current_changed(self, row_id: str) -> None:
        self._flush()
        self.view.show_finding(row_id)

    def _on_view_finding_clicked(self, row_id: str) -> None:
        self.panel.select_id(row_id)

    def _on_view_finding_toggled(self, row_id: str) -> None:
        """Ctrl+click on the page: the finding joins (or leaves) the selection."""
        ids = self.panel.selected_ids()
        ids = [i for i in ids if i != row_id] if row_id in ids else [*ids, row_id]
        current = self.current()
        self.panel.select_ids(ids, current=current if current in ids else None)  # the view stays put

    def _on_view_findings_boxed(self, row_ids: list) -> None:
        """Ctrl+drag on the page: the findings inside the rectangle become the selection."""
        if row_ids:
            self.panel.select_ids(row_ids)

    def _on_panel_selection_changed(self) -> None:
        self.view.set_selected(set(self.panel.selected_ids()))

    # -- decisions ------------------------------------------------------------------------------------
    def _run(self, op: Callable[[], Changes]) -> Changes | None:
        try:
            changes = op()
        except Exception as exc:  # noqa: BLE001 - a refused action becomes a dialog with the core's message
            if callable(getattr(exc, "retry", None)):
                self._ask_stale(exc)
            else:
                self._on_error(exc)
            return None
        self.apply(changes)
        return changes

    def _ask_stale(self, exc) -> None:  # noqa: ANN001 - a workspace_session.StaleDecision
        """Someone else decided the row meanwhile: show their decision, then ask whether to apply ours."""
        from PySide6.QtWidgets import QMessageBox

        self.apply(exc.changes)
        translations = getattr(self.panel.window(), "translations", None)
        language = translations.core_language if translations is not None else "zh"
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Changed by someone else"), exc.message(language),
                          QMessageBox.StandardButton.Cancel, self.panel.window())
        box.setObjectName("staleQuestion")
        mine = box.addButton(self.tr("Apply my decision"), QMessageBox.ButtonRole.AcceptRole)
        mine.setObjectName("staleApplyMine")
        box.button(QMessageBox.StandardButton.Cancel).setText(self.tr("Keep theirs"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.buttonClicked.connect(lambda b: self._run(exc.retry) if b is mine else None)
        self._open(box, lambda: None)

    def apply(self, changes: Changes) -> None:
        current = self.current()  # inserting rows resets the model: the reviewer stays where they were
        if changes.reset:
            self.model.set_rows(self.session.rows() if self.session else [])
            freeze_long_lived()  # the document's findings, now rows, live as long as it is open
        else:
            if changes.removed:
                self.model.remove_ids(set(changes.removed))
            if changes.rows:
                self.model.update_rows(changes.rows)
        if current and self.current() != current and not changes.focus:
            self.panel.select_id(current)
        self._repaint.start()
        if changes.focus and self.panel.select_id(changes.focus):
            self._show(changes.focus)
        if changes.refresh:
            self.refresh_rows()
        self.decision_recorded.emit(changes)

    def accept(self) -> None:
        ids = self.selected()
        if len(ids) > 1:
            self.decide(ids, "accept")
            return
        row_id = self.current()
        if self.session and row_id and not self.busy:
            if self._run(lambda: self.session.accept(row_id)):
                self._advance_from(row_id)

    def reject(self) -> None:
        ids = self.selected()
        if len(ids) > 1:
            self.reject_rows(ids)
            return
        row_id = self.current()
        if not (self.session and row_id) or self.busy:
            return
        row = self.model.row_at(self.model.row_of(row_id))
        translations = getattr(self.panel.window(), "translations", None)
        dialog = RejectDialog(row.finding.text, self.panel.window(),
                              language=translations.core_language if translations is not None else "zh",
                              suggestion=self._kept_reason([row]))

        def done() -> None:  # a preset is stored as its code (issue 26: the record shows it in its language)
            if self._run(lambda: self.session.reject(row_id, dialog.reason_code())):
                self._advance_from(row_id)

        self._open(dialog, done)

    # -- decisions on many rows -------------------------------------------------------------------------
    def decide(self, ids: Sequence[str], kind: str, *, operator: str | None = None, reason: str | None = None
               ) -> bool:
        """One decision on these rows: one undo step, one audit event. Off the GUI thread when there
        is a runner; decisions wait until it is recorded (`busy`)."""
        ids = list(dict.fromkeys(i for i in ids if i))
        session = self.session
        if not (session and ids) or self.busy:
            return False

        def done(result: tuple[Changes, Changes]) -> None:
            self._set_busy(False)
            if session is not self.session:
                return
            decided, refreshed = result
            self._refresh_generation += 1  # a refresh started before this decision is out of date
            self.apply(replace(decided, refresh=False))
            self.apply(refreshed)
            self.message.emit(lambda n=len(ids): _decided_text(kind, n))
            self.bulk_decided.emit(kind, len(ids))
            self.rows_refreshed.emit()

        def failed(exc: BaseException) -> None:
            self._set_busy(False)
            self._on_error(exc)

        def work(_p, _c) -> tuple[Changes, Changes]:
            # the decision and the rows it changes in one trip: the table shows what the copy holds at once
            return session.decide(ids, kind, operator=operator, reason=reason), session.refresh_rows()

        self._set_busy(True)
        if self.runner is None:
            try:
                changes = work(None, None)
            except Exception as exc:  # noqa: BLE001 - a refusal becomes a dialog with the core's message
                failed(exc)
                return False
            done(changes)
            return True
        from reviewer.ui.tasks import Lane

        self.runner.submit(work, lane=Lane.IO, label="decide", cancellable=False, on_success=done,
                           on_error=failed, owner=self)
        return True

    def reject_rows(self, ids: Sequence[str]) -> None:
        """Ask for one reason, then reject all these rows with it."""
        rows = [r for r in (self.row(i) for i in ids) if r is not None]
        if not (self.session and rows) or self.busy:
            return
        dialog = RejectDialog(rows[0].finding.text if len(rows) == 1 else _many(rows), self.panel.window(),
                              suggestion=self._kept_reason(rows))
        self._open(dialog, lambda: self.decide([r.id for r in rows], "reject", reason=dialog.text()))

    def _kept_reason(self, rows) -> str:  # noqa: ANN001
        """A reason to offer when the profile itself keeps these types (organisations, markings):
        rejecting them confirms what the profile does; the reviewer still confirms it."""
        kept = getattr(self.session, "profile_keeps", None)
        if kept is None or not rows or not all(kept(str(r.finding.entity_type)) for r in rows):
            return ""
        return self.tr("Published as is: the de-identification profile keeps this type")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busy_changed.emit(busy)

    def edit_span(self) -> None:
        row_id = self.current()
        if not (self.session and row_id):
            return
        f = self.model.row_at(self.model.row_of(row_id)).finding
        text = self.session.document.text
        dialog = SpanDialog(text, f.start, f.end, self.tr("Edit span"), self.panel.window(),
                            original=(f.start, f.end))
        dialog.entity_type.setCurrentIndex(dialog.entity_type.findData(str(f.entity_type)))
        dialog.entity_type.setEnabled(False)

        def done() -> None:
            span, note = dialog.span(), dialog.note.text().strip()
            if not span:
                return
            if span == (f.start, f.end):  # the span stands; the note goes with an accept
                if self._run(lambda: self.session.accept(row_id, note=note)):
                    self._advance_from(row_id)
                return
            added = grows_into_other_text(text, (f.start, f.end), span)
            if added:
                self._confirm_growth(added, lambda: self._run(lambda: self.session.edit_span(row_id, *span, note)))
            else:
                self._run(lambda: self.session.edit_span(row_id, *span, note))

        self._open(dialog, done)

    def _confirm_growth(self, added: str, proceed: Callable[[], object]) -> None:
        """A span grown over other words removes them from the copy too: say which, and ask."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Enlarge the finding?"),
                          self.tr("The new span also covers “%1”, which will be removed from the copy too. "
                                  "Enlarge the finding?").replace("%1", added[:80]),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, self.panel.window())
        box.setObjectName("spanGrowthConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.buttonClicked.connect(lambda b: proceed() if box.standardButton(b) == QMessageBox.StandardButton.Yes
                                  else None)
        self._open(box, lambda: None)

    def add_manual(self) -> None:
        span = self.view.selected_span()
        if not (self.session and span and span[1] > span[0]):
            self._on_error(_NoSelection())
            return
        dialog = SpanDialog(self.session.document.text, *span, self.tr("Add finding"), self.panel.window())

        def done() -> None:
            chosen = dialog.span()
            if chosen and self._run(
                lambda: self.session.add_manual(*chosen, dialog.chosen_type(), dialog.note.text().strip())
            ):
                self.view.clear_selection()  # the selection became the finding: nothing stays drawn

        self._open(dialog, done)

    def _open(self, dialog, on_accepted) -> None:
        """Open without blocking; afterwards the review goes on from the findings table."""
        dialog.accepted.connect(on_accepted)

        def back() -> None:
            self.panel.window().activateWindow()
            self.panel.table.setFocus()
            dialog.deleteLater()

        dialog.finished.connect(back)
        dialog.open()
        self.dialog_opened.emit(dialog)

    def undo(self) -> None:
        if self.session and self.session.can_undo() and not self.busy:
            self._run(self.session.undo)

    def redo(self) -> None:
        if self.session and self.session.can_redo() and not self.busy:
            self._run(self.session.redo)

    def _advance_from(self, row_id: str) -> None:
        """After a decision, move to the next undecided finding (the calm review rhythm)."""
        proxy = self.panel.proxy
        start = proxy.proxy_row_of(row_id)
        for i in range(start + 1, proxy.rowCount()):
            if proxy.row_at(i).state == ReviewState.PENDING:
                self.panel.select_id(proxy.row_at(i).id)
                return
        if start >= 0:
            self.panel.select_id(row_id)


def _decided_text(kind: str, count: int) -> str:
    from PySide6.QtCore import QCoreApplication

    text = {
        "accept": QCoreApplication.translate(
            "ReviewController", "Accepted %1 findings in one step (Ctrl+Z undoes it)"),
        "reject": QCoreApplication.translate(
            "ReviewController", "Rejected %1 findings in one step (Ctrl+Z undoes it)"),
    }
    return text.get(kind, text["accept"]).replace("%1", str(count))


def _many(rows) -> str:  # noqa: ANN001
    """“256 findings: ID card number, Mobile phone” for the reject dialog."""
    from PySide6.QtCore import QCoreApplication

    from reviewer.ui.labels import entity_type_name

    types = list(dict.fromkeys(entity_type_name(t) for t in dict.fromkeys(r.finding.entity_type for r in rows)))
    separator = QCoreApplication.translate("ReviewController", ", ")
    names = separator.join(types[:4]) + ("…" if len(types) > 4 else "")
    text = QCoreApplication.translate("ReviewController", "%1 findings: %2")
    return text.replace("%1", str(len(rows))).replace("%2", names)


class SelectionMissing(ReviewerError):
    """M needs selected text."""

    code = "selection_missing"


def _NoSelection() -> SelectionMissing:  # noqa: N802 - reads like the exception it builds
    return SelectionMissing(
        "请先在文档中选中要标注的文字，再按 M。", "Select the text in the document first, then press M."
    )
