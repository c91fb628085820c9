"""Language switching: Qt's own catalogue first (戻る/次へ/キャンセル), then the wizard's.

Installing a translator makes Qt send a LanguageChange event to every widget; the pages
re-read their texts in ``retranslate()``, so the language can change while the wizard is open.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from assistant.embedded import bundle_data_dir

LANGS = ("ja", "en")
CATALOGUE = "mail_assistant"


def qm_dir() -> Path:
    """Where ``i18n/build.py release`` puts the compiled catalogues (also inside a bundle)."""
    bundle = bundle_data_dir()
    if bundle is not None:
        return bundle / "assistant" / "gui" / "i18n"
    return Path(__file__).resolve().parent / "i18n"


def resources_dir() -> Path:
    bundle = bundle_data_dir()
    if bundle is not None:
        return bundle / "resources"
    return Path(__file__).resolve().parents[2] / "resources"


def help_html(name: str, lang: str) -> str:
    """A longer explanation as HTML, from resources/help/<lang>/<name>.html."""
    path = resources_dir() / "help" / (lang if lang in LANGS else "ja") / f"{name}.html"
    return path.read_text(encoding="utf-8")


def icon_path() -> Path:
    return resources_dir() / "icons" / "mail-assistant.png"


def diagram_path(name: str, lang: str) -> Path:
    return resources_dir() / "diagrams" / f"{name}.{lang if lang in LANGS else 'ja'}.svg"


class Translations:
    """Keeps the installed translators so that a switch removes exactly the old ones."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.lang = "ja"

    def install(self, lang: str) -> list[str]:
        """Switch to ``lang``; returns the catalogues that could not be loaded (for a warning)."""
        app = QCoreApplication.instance()
        assert app is not None
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        self.lang = lang if lang in LANGS else "ja"
        QLocale.setDefault(QLocale(QLocale.Language.Japanese if self.lang == "ja"
                                   else QLocale.Language.English))
        missing: list[str] = []
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        wanted = [(f"qtbase_{self.lang}", qt_dir), (f"{CATALOGUE}_{self.lang}", str(qm_dir()))]
        for name, directory in wanted:
            if self.lang == "en" and name.startswith("qtbase"):
                continue  # Qt's own texts are English already
            translator = QTranslator()
            if translator.load(name, directory):
                app.installTranslator(translator)
                self._installed.append(translator)
            else:
                missing.append(name)
        return missing
