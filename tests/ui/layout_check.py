"""What a reader cannot see: text cut off by the widget that shows it (labels, buttons, check boxes,
placeholders, header sections, tabs, the progress bar). Used by the layout test and the screenshot
command."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QStyle,
    QStyleOptionComboBox,
    QTabBar,
    QWidget,
)

SLACK = 1  # pixels of rounding


def _name(widget: QWidget) -> str:
    return widget.objectName() or type(widget).__name__


def _plain(text: str) -> str:
    return re.sub(r"<[^>]+>", "", text).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")


def clipped(root: QWidget) -> list[tuple[str, str, int, int]]:
    """(widget, text, needed, available) for every visible text under `root` that does not fit."""
    out: list[tuple[str, str, int, int]] = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0 and widget.height() <= 0:
            continue
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height() + SLACK:
                    out.append((_name(widget), _plain(widget.text()), needed, widget.height()))
            else:
                needed = widget.sizeHint().width()
                if needed > widget.width() + SLACK:
                    out.append((_name(widget), _plain(widget.text()), needed, widget.width()))
        elif isinstance(widget, QAbstractButton) and widget.text():
            needed = widget.sizeHint().width()
            if needed > widget.width() + SLACK:
                out.append((_name(widget), widget.text(), needed, widget.width()))
        elif isinstance(widget, QComboBox) and widget.currentText() and not widget.isEditable():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            field = widget.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, widget
            )
            needed = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if needed > field.width() + SLACK:
                out.append((_name(widget), widget.currentText(), needed, field.width()))
        elif isinstance(widget, QLineEdit) and widget.placeholderText() and not widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.placeholderText()) + 12
            if widget.isClearButtonEnabled():
                needed += 20
            if needed > widget.width() + SLACK:
                out.append((_name(widget), widget.placeholderText(), needed, widget.width()))
        elif isinstance(widget, QHeaderView) and widget.orientation().name == "Horizontal":
            model = widget.model()
            for section in range(widget.count()):
                if widget.isSectionHidden(section) or widget.sectionSize(section) <= 0:
                    continue
                text = str(model.headerData(section, widget.orientation()) or "")
                needed = widget.fontMetrics().horizontalAdvance(text) + 12
                if text and needed > widget.sectionSize(section) + SLACK:
                    out.append((_name(widget.parentWidget()), text, needed, widget.sectionSize(section)))
        elif isinstance(widget, QTabBar):
            for i in range(widget.count()):
                text = widget.tabText(i).replace("&", "")
                needed = widget.fontMetrics().horizontalAdvance(text) + 8
                if needed > widget.tabRect(i).width() + SLACK:
                    out.append(("tab", text, needed, widget.tabRect(i).width()))
        elif isinstance(widget, QProgressBar) and widget.isTextVisible() and widget.text():
            needed = widget.fontMetrics().horizontalAdvance(widget.text()) + 16
            if needed > widget.width() + SLACK:
                out.append((_name(widget), widget.text(), needed, widget.width()))
    return out
