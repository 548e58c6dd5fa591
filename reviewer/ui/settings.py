"""User preferences and window state in QSettings (an ini file in tests)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reviewer.ui.i18n import DEFAULT_LANGUAGE, LANGUAGES

MAX_RECENT = 8
DEFAULT_THRESHOLD = None  # the engine's configured default (resources/analyzer.yaml)
DEFAULT_PROFILE = "auto"  # the profile the document's kind selects (issue 26)


class AppSettings:
    def __init__(self, path: str | Path | None = None) -> None:
        self.qsettings = (
            QSettings(str(path), QSettings.Format.IniFormat)
            if path
            else QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "reviewer", "reviewer")
        )

    @property
    def language(self) -> str:
        value = str(self.qsettings.value("ui/language", DEFAULT_LANGUAGE))
        return value if value in LANGUAGES else DEFAULT_LANGUAGE

    @language.setter
    def language(self, value: str) -> None:
        self.qsettings.setValue("ui/language", value)

    @property
    def threshold(self) -> float | None:
        """None: the engine's own default; else a score in (0, 1]."""
        value = self.qsettings.value("review/threshold", None)
        try:
            number = float(value) if value not in (None, "") else None
        except (TypeError, ValueError):
            return DEFAULT_THRESHOLD
        return None if number is None or number <= 0 else min(1.0, number)

    @threshold.setter
    def threshold(self, value: float | None) -> None:
        self.qsettings.setValue("review/threshold", "" if not value else float(value))

    @property
    def profile(self) -> str:
        return str(self.qsettings.value("review/profile", DEFAULT_PROFILE))

    @profile.setter
    def profile(self, value: str) -> None:
        self.qsettings.setValue("review/profile", value)

    @property
    def last_user(self) -> str:
        return str(self.qsettings.value("session/last_user", ""))

    @last_user.setter
    def last_user(self, value: str) -> None:
        self.qsettings.setValue("session/last_user", value)

    @property
    def export_folder(self) -> str:
        return str(self.qsettings.value("export/folder", ""))

    @export_folder.setter
    def export_folder(self, value: str) -> None:
        self.qsettings.setValue("export/folder", value)

    @property
    def export_copy(self) -> bool:
        return str(self.qsettings.value("export/copy", "true")).lower() == "true"

    @export_copy.setter
    def export_copy(self, value: bool) -> None:
        self.qsettings.setValue("export/copy", "true" if value else "false")

    @property
    def export_logs(self) -> list[str]:
        value = self.qsettings.value("export/logs", ["docx", "pdf"])
        return [value] if isinstance(value, str) else [v for v in (value or []) if v]

    @export_logs.setter
    def export_logs(self, value: list[str]) -> None:
        self.qsettings.setValue("export/logs", list(value) or "")

    def recent_files(self) -> list[str]:
        value = self.qsettings.value("files/recent", [])
        items = [value] if isinstance(value, str) else list(value or [])
        return [p for p in items if p][:MAX_RECENT]

    def add_recent(self, path: str | Path) -> list[str]:
        path = str(Path(path).resolve())
        items = [path, *(p for p in self.recent_files() if p != path)][:MAX_RECENT]
        self.qsettings.setValue("files/recent", items)
        return items

    def clear_recent(self) -> None:
        self.qsettings.setValue("files/recent", [])

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qsettings.value("window/geometry"), self.qsettings.value("window/state")

    def save_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qsettings.setValue("window/geometry", geometry)
        self.qsettings.setValue("window/state", state)
        self.qsettings.sync()
