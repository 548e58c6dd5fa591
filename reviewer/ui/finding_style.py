"""How a finding looks on the page, in the text and in the legend: one definition for all three.

The colour says the category (personal amber, restricted red, other blue); the drawing says where the
review stands: pending = light fill with a thin border, accepted = strong fill with a thick border
(struck through in text), rejected = no fill with a grey dashed border (dotted underline in text), marked
by hand = dotted border, another occurrence of a removed value ("same value") = hatched fill. The current
finding gets a dark thick border, findings selected for a bulk action a blue one.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QTextCharFormat

from reviewer.ui.labels import ReviewState, category_colour

SELECTED = QColor("#1f6feb")
REJECTED = QColor("#8c959f")
KINDS = ("pending", "accepted", "rejected", "manual", "propagated")


def kind_of(row) -> str:  # noqa: ANN001 - a FindingRow
    """The legend entry a row is drawn as."""
    if row.state == ReviewState.REJECTED:
        return "rejected"
    if row.origin == "propagated":
        return "propagated"
    if row.origin == "manual":
        return "manual"
    return "accepted" if row.state == ReviewState.ACCEPTED else "pending"


def kind_name(kind: str) -> str:
    return {
        "pending": QCoreApplication.translate("Legend", "Undecided"),
        "accepted": QCoreApplication.translate("Legend", "Accepted: removed"),
        "rejected": QCoreApplication.translate("Legend", "Rejected: stays"),
        "manual": QCoreApplication.translate("Legend", "Marked by hand"),
        "propagated": QCoreApplication.translate("Legend", "Same value elsewhere"),
    }[kind]


def box_style(
    category: str, kind: str, *, current: bool = False, selected: bool = False
) -> tuple[QPen, QBrush]:
    """Pen and brush of a finding's box on a PDF page (cosmetic pens: the same width at any zoom)."""
    colour = category_colour(category)
    if kind == "rejected":
        pen = QPen(REJECTED, 1.4, Qt.PenStyle.DashLine)
        brush = QBrush(Qt.BrushStyle.NoBrush)
    elif kind == "accepted":
        pen = QPen(colour.darker(140), 2.0)
        brush = QBrush(category_colour(category, alpha=150))
    elif kind == "propagated":
        pen = QPen(colour.darker(120), 1.2)
        brush = QBrush(colour.darker(110), Qt.BrushStyle.BDiagPattern)
    elif kind == "manual":
        pen = QPen(colour.darker(150), 1.8, Qt.PenStyle.DotLine)
        brush = QBrush(category_colour(category, alpha=90))
    else:
        pen = QPen(colour, 1.0)
        brush = QBrush(category_colour(category, alpha=55))
    if current:
        pen = QPen(QColor("#1f2328"), 2.6)
        if kind == "rejected":
            brush = QBrush(QColor(140, 149, 159, 60))
        elif kind != "propagated":
            brush = QBrush(category_colour(category, alpha=170))
    elif selected:
        pen = QPen(SELECTED, 2.4)
    pen.setCosmetic(True)
    return pen, brush


def text_format(
    category: str, kind: str, *, current: bool = False, selected: bool = False
) -> QTextCharFormat:
    """The same distinctions in running text (docx, txt)."""
    fmt = QTextCharFormat()
    if kind == "rejected":
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(REJECTED)
    elif kind == "accepted":
        fmt.setBackground(category_colour(category, alpha=150))
        fmt.setFontStrikeOut(True)
    elif kind == "propagated":
        fmt.setBackground(QBrush(category_colour(category).darker(110), Qt.BrushStyle.Dense5Pattern))
    elif kind == "manual":
        fmt.setBackground(category_colour(category, alpha=90))
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
        fmt.setUnderlineColor(category_colour(category).darker(150))
    else:
        fmt.setBackground(category_colour(category, alpha=70))
    if selected and not current:
        fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        fmt.setUnderlineColor(SELECTED)
    if current:
        fmt.setBackground(category_colour(category, alpha=230) if kind != "rejected" else REJECTED)
        fmt.setForeground(QColor("#ffffff"))
        fmt.setFontStrikeOut(False)
    return fmt


def paint_swatch(painter: QPainter, rect: QRectF, category: str, kind: str) -> None:
    """A legend swatch: the box as the page draws it, with its text style under it."""
    pen, brush = box_style(category, kind)
    pen.setCosmetic(False)
    painter.save()
    painter.setPen(pen)
    painter.setBrush(brush)
    painter.drawRect(rect.adjusted(1, 1, -1, -1))
    painter.restore()
