"""Translations: English source strings, Chinese (zh_CN) by default, switchable at run time.

Every user-facing string goes through `tr()` / `QCoreApplication.translate()`; `.ts` sources live in
`resources/i18n/` and are compiled to `.qm` with `pyside6-lrelease` (`python -m reviewer.ui.i18n
build`). Qt's own strings (OK/Cancel, file dialogs) come from the `qtbase` catalog PySide6 ships.
Installing a translator sends `LanguageChange` to every widget; widgets retranslate in `changeEvent`.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from reviewer.core.errors import ConfigurationError
from reviewer.core.resources import resource

I18N_DIR = resource("i18n")
LANGUAGES = {"zh_CN": "中文（简体）", "en": "English"}
DEFAULT_LANGUAGE = "zh_CN"
UI_SOURCES = Path(__file__).resolve().parent


class Translations:
    """Owns the installed translators of one QCoreApplication."""

    def __init__(self, app: QCoreApplication) -> None:
        self._app = app
        self._installed: list[QTranslator] = []
        self.language = "en"

    def install(self, language: str) -> None:
        if language not in LANGUAGES:
            language = DEFAULT_LANGUAGE
        for translator in self._installed:
            self._app.removeTranslator(translator)
        self._installed = []
        ours = QTranslator(self._app)
        qm = I18N_DIR / f"reviewer_{language}.qm"
        if not ours.load(str(qm)):
            raise ConfigurationError(
                f"界面翻译文件缺失或损坏：{qm}。请重新安装本程序。",
                f"The interface translation {qm} is missing or damaged. Reinstall the program.",
            )
        qt = QTranslator(self._app)
        if language != "en" and qt.load(
            f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        ):
            self._app.installTranslator(qt)
            self._installed.append(qt)
        self._app.installTranslator(ours)
        self._installed.append(ours)
        QLocale.setDefault(QLocale(language))
        self.language = language

    @property
    def core_language(self) -> str:
        """The language code `ReviewerError.message()` expects."""
        return "zh" if self.language.startswith("zh") else "en"


def build(update: bool = True) -> None:
    """Refresh the .ts sources from the code (lupdate) and compile them (lrelease)."""
    bindir = Path(sys.executable).parent
    sources = sorted(str(p) for p in UI_SOURCES.rglob("*.py"))
    for language in LANGUAGES:
        ts = I18N_DIR / f"reviewer_{language}.ts"
        if update:
            subprocess.run(
                [
                    str(bindir / "pyside6-lupdate"),
                    *sources,
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-ts",
                    str(ts),
                ],
                check=True,
            )
        subprocess.run(
            [str(bindir / "pyside6-lrelease"), str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True
        )


def unfinished(language: str) -> list[tuple[str, str]]:
    """(context, source) of every message of a .ts file still without a finished translation."""
    import xml.etree.ElementTree as ET

    out = []
    for context in ET.parse(I18N_DIR / f"reviewer_{language}.ts").getroot().iter("context"):
        for message in context.iter("message"):
            t = message.find("translation")
            if t is None or t.get("type") == "unfinished" or not (t.text or "").strip():
                out.append((context.findtext("name") or "", message.findtext("source") or ""))
    return out


def fill(language: str, translations: dict[tuple[str, str], str]) -> int:
    """Write translations into a .ts file (English: a message's source is its own translation when none
    is given); returns how many messages were filled. Then `build(update=False)` compiles them."""
    import xml.etree.ElementTree as ET

    path = I18N_DIR / f"reviewer_{language}.ts"
    tree = ET.parse(path)
    count = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            source = message.findtext("source") or ""
            t = message.find("translation")
            done = t is not None and t.get("type") != "unfinished" and (t.text or "").strip()
            text = translations.get((name, source)) or translations.get(("*", source))
            if text is None and language == "en" and not done:
                text = source
            if text is None or (done and (name, source) not in translations):
                continue
            if t is None:
                t = ET.SubElement(message, "translation")
            t.text = text
            t.attrib.pop("type", None)
            count += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    text = path.read_text(encoding="utf-8").replace("<?xml version='1.0' encoding='utf-8'?>",
                                                    '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>', 1)
    path.write_text(text, encoding="utf-8")
    return count


if __name__ == "__main__":
    # python -m reviewer.ui.i18n [--no-update]            refresh the .ts sources and compile them
    # python -m reviewer.ui.i18n fill zh_CN MAP.json      MAP: [[context or "*", source, translation], …]
    if len(sys.argv) >= 4 and sys.argv[1] == "fill":
        import json

        items = json.loads(Path(sys.argv[3]).read_text(encoding="utf-8"))
        print(fill(sys.argv[2], {(c, s): t for c, s, t in items}), "filled")
        build(update=False)
    elif len(sys.argv) >= 2 and sys.argv[1] == "unfinished":
        for language in LANGUAGES:
            for context, source in unfinished(language):
                print(f"{language}\t{context}\t{source}")
    else:
        build(update="--no-update" not in sys.argv)
