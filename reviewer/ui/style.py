"""A calm, light look on Qt's Fusion style: the same on every desktop, CJK font first."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

from reviewer.core.resources import resource

CJK_FAMILIES = (
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "Microsoft YaHei",
    "PingFang SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)

QSS = """
QMainWindow, QDialog { background: #f6f7f9; }
QToolBar { background: #ffffff; border: none; border-bottom: 1px solid #dde1e6; padding: 4px 8px; spacing: 4px; }
QToolBar QToolButton { padding: 4px 8px; border-radius: 4px; color: #24292f; }
QToolBar QToolButton:hover { background: #eef2f7; }
QToolBar QToolButton:disabled { color: #a0a7b0; }
QMenuBar { background: #ffffff; border-bottom: 1px solid #eceff3; }
QDockWidget { titlebar-close-icon: none; font-weight: 600; }
QDockWidget::title { background: #eef1f5; padding: 6px 8px; border-bottom: 1px solid #dde1e6; }
QTableView { background: #ffffff; alternate-background-color: #f8fafc; border: 1px solid #dde1e6;
             selection-background-color: #dbe8fb; selection-color: #111; gridline-color: #eef0f3; }
QHeaderView::section { background: #f1f3f6; border: none; border-bottom: 1px solid #dde1e6;
                       border-right: 1px solid #e6e9ed; padding: 4px 6px; font-weight: 600; color: #3b4a5a; }
QTextEdit#documentText { background: #ffffff; border: 1px solid #d5dae1; }
QPlainTextEdit#previewText { background: #fbfcfd; border: 1px solid #d5dae1; color: #1f2328; }
QLabel#originalTitle { background: #eef1f5; color: #3b4a5a; padding: 6px 10px; font-weight: 600;
                       border: 1px solid #d5dae1; border-bottom: none; }
QPushButton#welcomeOpen { padding: 8px 22px; font-size: 11pt; }
QLabel#welcomeRecentTitle { color: #57606a; font-weight: 600; }
QLabel#previewTitle { background: #eef6ee; color: #1a7f37; padding: 6px 10px; font-weight: 600;
                      border: 1px solid #cfe3d2; border-bottom: none; }
QLabel#welcomeHeading { font-size: 22pt; color: #1f4e8c; font-weight: 600; }
QLabel#welcomeHint { font-size: 12pt; color: #57606a; }
QLabel#findingsSummary, QLabel#engineStatus, QLabel#userLabel { color: #57606a; padding: 0 6px; }
QStatusBar { background: #ffffff; border-top: 1px solid #dde1e6; }
QProgressBar { border: 1px solid #c9d1d9; border-radius: 3px; background: #ffffff; text-align: center; height: 16px; }
QProgressBar::chunk { background: #4c8bf5; }
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox { background: #ffffff; border: 1px solid #c9d1d9;
    border-radius: 3px; padding: 3px 6px; }
QLineEdit:focus, QComboBox:focus { border-color: #4c8bf5; }
QPushButton { background: #ffffff; border: 1px solid #c9d1d9; border-radius: 4px; padding: 5px 14px; }
QPushButton:default { background: #1f6feb; color: #ffffff; border-color: #1f6feb; }
QPushButton:hover { border-color: #8c959f; }
QPushButton:disabled, QPushButton:default:disabled { background: #eef0f3; color: #a0a7b0;
    border-color: #dde1e6; }
QComboBox QAbstractItemView { background: #ffffff; color: #1f2328; border: 1px solid #c9d1d9; outline: 0;
    selection-background-color: #dbe8fb; selection-color: #111111; }
QComboBox:disabled, QLineEdit:disabled, QSpinBox:disabled, QDoubleSpinBox:disabled { background: #eef0f3;
    color: #a0a7b0; }
QSpinBox, QDoubleSpinBox { padding-right: 20px; }
QSpinBox::up-button, QDoubleSpinBox::up-button { subcontrol-origin: border; subcontrol-position: top right;
    width: 18px; border-left: 1px solid #c9d1d9; border-bottom: 1px solid #e1e4e8;
    border-top-right-radius: 3px; }
QSpinBox::down-button, QDoubleSpinBox::down-button { subcontrol-origin: border;
    subcontrol-position: bottom right;
    width: 18px; border-left: 1px solid #c9d1d9; border-bottom-right-radius: 3px; }
QSpinBox::up-button:hover, QDoubleSpinBox::up-button:hover,
QSpinBox::down-button:hover, QDoubleSpinBox::down-button:hover { background: #eef2f7; }
QSpinBox::up-arrow, QDoubleSpinBox::up-arrow { image: url(@ICONS@/arrow-up.svg); width: 10px; height: 10px; }
QSpinBox::down-arrow, QDoubleSpinBox::down-arrow { image: url(@ICONS@/arrow-down.svg); width: 10px;
    height: 10px; }
QSpinBox::up-arrow:disabled, QDoubleSpinBox::up-arrow:disabled, QSpinBox::up-arrow:off,
QDoubleSpinBox::up-arrow:off {
    image: url(@ICONS@/arrow-up-disabled.svg); }
QSpinBox::down-arrow:disabled, QDoubleSpinBox::down-arrow:disabled, QSpinBox::down-arrow:off,
QDoubleSpinBox::down-arrow:off { image: url(@ICONS@/arrow-down-disabled.svg); }
QToolBar QToolButton#qt_toolbar_ext_button { background: #eef2f7; border: 1px solid #c9d1d9;
    border-radius: 4px; min-width: 14px; }
QLabel#detailsHeading { font-size: 11pt; padding: 2px 0; }
QWidget#legend { background: #ffffff; border: 1px solid #d5dae1; border-top: none; }
QGroupBox { font-weight: 600; border: 1px solid #dde1e6; border-radius: 4px; margin-top: 10px; padding-top: 8px; }
QGroupBox::title { subcontrol-origin: margin; left: 8px; padding: 0 4px; }
QTabWidget::pane { border: 1px solid #dde1e6; background: #ffffff; }
QTabBar::tab { padding: 6px 14px; background: #eef1f5; border: 1px solid #dde1e6; border-bottom: none; }
QTabBar::tab:selected { background: #ffffff; }
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f6f7f9"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8fafc"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#2f6fdf"))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2328"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2328"))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1f2328"))
    # the colours above apply to every state: greyed-out text needs its own (menus, labels, buttons)
    disabled = QPalette.ColorGroup.Disabled
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        palette.setColor(disabled, role, QColor("#a0a7b0"))
    palette.setColor(disabled, QPalette.ColorRole.Base, QColor("#eef0f3"))
    app.setPalette(palette)
    families = set(QFontDatabase.families())
    font = QFont(app.font())
    chosen = [f for f in CJK_FAMILIES if f in families]
    if chosen:
        font.setFamilies([*chosen, *font.families()])
    font.setPointSizeF(10)
    app.setFont(font)
    app.setStyleSheet(QSS.replace("@ICONS@", resource("icons").as_posix()))
