"""The document kind in the attribute panel (shown, editable) and the "部分公开" statement action (issue 26).

Self-contained: `PolicyActions(workflow)` puts a `KindPanel` at the top of the attribute panel and a
"Partial-disclosure statement…" action in the Review menu, and keeps them current when the workflow refreshes.
Every rule is the core's: the kind is recognised and stored by `DocumentReview` (`kind`, `set_kind`), the
profile follows it when Settings says "automatic", and the statement is `reports.statement`.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QMessageBox, QWidget


class KindPanel(QWidget):
    """文种: a combo of the kinds (the recognised or chosen one current), why, and the profile it selects."""

    kind_chosen = Signal(str)  # a kind code the reviewer picked

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combo = QComboBox(objectName="documentKind")
        # as wide as its longest kind (English names are long); the attribute panel scrolls if it must
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.evidence = QLabel(objectName="kindEvidence")
        self.profile = QLabel(objectName="kindProfile")
        self.audience = QLabel(objectName="kindAudience")
        for label in (self.evidence, self.profile, self.audience):
            label.setWordWrap(True)
        self.evidence.setStyleSheet("color: #57606a")
        self.audience.setStyleSheet("color: #9a6700")
        self._labels = [QLabel(), QLabel()]
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self._labels[0], self.combo)
        form.addRow("", self.evidence)
        form.addRow(self._labels[1], self.profile)
        form.addRow("", self.audience)
        self.audience.hide()
        self.combo.activated.connect(lambda i: self.kind_chosen.emit(str(self.combo.itemData(i))))
        self.retranslate()
        self.show_kind(None)

    def show_kind(self, state: dict | None) -> None:
        """`state`: {"choices": [(code, name)], "kind", "evidence", "profile", "auto", "audience"}, or None."""
        self.combo.blockSignals(True)
        self.combo.clear()
        if state is None:
            self.combo.setEnabled(False)
            self.evidence.setText(self.tr("Detect the document to recognise its kind."))
            self.profile.setText("—")
            self.audience.hide()
            self.combo.blockSignals(False)
            return
        for code, name in state["choices"]:
            self.combo.addItem(name, code)
        self.combo.setCurrentIndex(max(0, self.combo.findData(state["kind"])))
        self.combo.setMinimumWidth(self.combo.sizeHint().width())  # never cut: the panel scrolls instead
        self.combo.setEnabled(bool(state.get("editable", True)))
        self.combo.blockSignals(False)
        self.evidence.setText(state["evidence"])
        how = self.tr("(by document kind)") if state["auto"] else self.tr("(chosen in Settings)")
        self.profile.setText(f"<b>{state['profile']}</b> {how}")
        self.audience.setText(state.get("audience") or "")
        self.audience.setVisible(bool(state.get("audience")))

    def retranslate(self) -> None:
        self._labels[0].setText(self.tr("Document kind:"))
        self._labels[1].setText(self.tr("Profile:"))
        self.combo.setToolTip(self.tr("The kind chooses the default de-identification profile; change it if the "
                                      "recognised kind is wrong."))

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def kind_state(review, language: str) -> dict:  # noqa: ANN001 - a core DocumentReview
    """What the panel shows, read from the core (run on the I/O lane: recognition reads the text)."""
    from reviewer.core.service.kinds import kind_choices

    zh = language == "zh"
    kind = review.kind
    return {"choices": [(k.code, k.zh if zh else k.en) for k in kind_choices()], "kind": kind.code,
            "evidence": review.kind_evidence, "profile": review.profile.name, "auto": review.profile_is_auto,
            "audience": (kind.audience_zh if zh else kind.audience_en)}


class PolicyActions(QObject):
    """Glue between the workflow's attribute panel and the core's kind and statement."""

    statement_written = Signal(object)  # a reports.statement.Statement

    def __init__(self, workflow) -> None:  # noqa: ANN001 - a WorkflowController
        super().__init__(workflow)
        self.workflow, self.window = workflow, workflow.window
        self.panel = KindPanel()
        layout = workflow.attribute_panel.layout()
        layout.insertWidget(0, self.panel)
        self.action = self.window._action("statement", self.statement, None, None)
        self.window.menus["review"].addAction(self.action)
        self.panel.kind_chosen.connect(self.choose)
        workflow.refreshed.connect(self.update)
        self.window.installEventFilter(self)
        self._generation = 0
        self.retranslate()
        self.update()

    def _review(self):  # noqa: ANN202
        session = self.workflow.session
        review = getattr(session, "review", None)
        return review if review is not None and getattr(review, "document_id", None) is not None else None

    def _lang(self) -> str:
        return self.window.translations.core_language

    def update(self) -> None:
        review = self._review()
        self.action.setEnabled(review is not None)
        if review is None:
            self.panel.show_kind(None)
            return
        self._generation += 1
        generation, language = self._generation, self._lang()

        def show(state: dict) -> None:
            if generation == self._generation:
                self.panel.show_kind(state)

        self.window.runner.submit(lambda _p, _c: kind_state(review, language), label="kind", cancellable=False,
                                  on_success=show, on_error=self.window.show_error, owner=self.window)

    def choose(self, code: str) -> None:
        """The reviewer's kind: stored (audited); with the automatic profile, the rows follow its profile."""
        review = self._review()
        if review is None or code == review.kind.code:
            return

        def done(_result) -> None:
            self.window.review.refresh_rows()
            self.window._refresh_preview()
            self.workflow.refresh(documents=False)

        def failed(exc: BaseException) -> None:
            self.window.show_error(exc)
            self.update()

        self.window.runner.submit(lambda _p, _c: review.set_kind(code), label="kind", cancellable=False,
                                  on_success=done, on_error=failed, owner=self.window)

    def statement(self) -> None:
        """Write the 部分公开 statement (docx and text) beside the exports and say where."""
        review = self._review()
        if review is None or self.workflow.facade is None:
            return
        from reviewer.core.reports.statement import export_statement

        workspace, doc_id = self.workflow.facade.workspace, review.document_id
        folder = Path(self.window.settings.export_folder or _default_folder())
        stem = Path(self.window.path).stem if getattr(self.window, "path", None) else f"document-{doc_id}"

        def work(_p, _c):
            folder.mkdir(parents=True, exist_ok=True)
            paths = [folder / f"{stem}.部分公开说明.{fmt}" for fmt in ("docx", "txt")]
            statement = None
            for path in paths:
                statement = export_statement(workspace, doc_id, path.suffix[1:], path, catalog=workspace.catalog)
            return statement, paths

        def done(result) -> None:
            statement, paths = result
            box = QMessageBox(QMessageBox.Icon.Information, self.tr("Partial-disclosure statement"),
                              self.tr("%1 place(s) withheld for %2 reason(s). Written to:")
                              .replace("%1", str(statement.places)).replace("%2", str(len(statement.parts)))
                              + "\n" + "\n".join(str(p) for p in paths),
                              QMessageBox.StandardButton.Ok, self.window)
            box.setObjectName("statementResult")
            box.setDetailedText(statement.text())
            self.workflow._open(box)
            self.statement_written.emit(statement)

        self.window.runner.submit(work, label="statement", cancellable=False, on_success=done,
                                  on_error=self.window.show_error, owner=self.window)

    def retranslate(self) -> None:
        text = self.tr("Part&ial-disclosure statement…")
        self.action.setText(text)
        self.action.setToolTip(self.tr("What was withheld and why, for a reply to a request (Regulations art. 37)"))

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt override
        if obj is self.window and event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.update()
        return False


def _default_folder() -> Path:
    from PySide6.QtCore import QStandardPaths

    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(base or Path.home()) / "reviewer-exports"
