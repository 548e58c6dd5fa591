"""The colour legend under the document: what the colours and box styles of the highlights mean,
drawn with the same code as the page (`finding_style`), wrapping to the pane's width."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLayout, QLayoutItem, QWidget

from reviewer.core.types import Category
from reviewer.ui.finding_style import KINDS, kind_name, paint_swatch
from reviewer.ui.labels import category_colour, category_name


class _Swatch(QWidget):
    def __init__(self, category: str, kind: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.category, self.kind = category, kind
        self.setFixedSize(QSize(22, 14))

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self)
        paint_swatch(painter, QRectF(self.rect()), self.category, self.kind)


class FlowLayout(QLayout):
    """Items left to right, wrapping to the next line when the width runs out (the legend fits a
    narrow dock as well as a wide one)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._spacing = spacing

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802 - Qt override
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802 - Qt override
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        m = self.contentsMargins()
        return self._place(QRect(0, 0, width - m.left() - m.right(), 0), move=False) + m.top() + m.bottom()

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802 - Qt override
        super().setGeometry(rect)
        m = self.contentsMargins()
        self._place(rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom()), move=True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802 - Qt override
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Lay the items out in `rect` (or only measure); returns the height used."""
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._spacing
            line = max(line, hint.height())
        return y + line - rect.y()


class Legend(QWidget):
    """What the colours and box styles mean (the same drawing as on the page)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("legend")
        self._labels: dict[str, QLabel] = {}
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        layout = FlowLayout(self, spacing=4)
        layout.setContentsMargins(8, 4, 8, 4)
        for category in Category:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(4)
            chip = QLabel(objectName=f"legendCategory_{category}")
            chip.setFixedSize(12, 12)
            chip.setStyleSheet(f"background: {category_colour(category).name()}; border-radius: 2px;")
            row.addWidget(chip)
            self._labels[f"c:{category}"] = label = QLabel()
            row.addWidget(label)
            layout.addWidget(entry)
        for kind in KINDS:
            entry = QWidget()
            row = QHBoxLayout(entry)
            row.setContentsMargins(0, 0, 6, 0)
            row.setSpacing(4)
            row.addWidget(_Swatch(Category.PERSONAL, kind))
            self._labels[f"k:{kind}"] = label = QLabel()
            row.addWidget(label)
            layout.addWidget(entry)
        policy = self.sizePolicy()
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.retranslate()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self.layout().heightForWidth(width)

    def retranslate(self) -> None:
        for key, label in self._labels.items():
            kind, value = key.split(":", 1)
            label.setText(category_name(value) if kind == "c" else kind_name(value))
        self.updateGeometry()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
