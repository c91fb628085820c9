"""Start of the GUI: one QApplication, Japanese unless asked otherwise."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget


def run_gui(profile: str | None, lang: str, volunteer: bool) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QWidget()
    window.setWindowTitle("メール設定アシスタント" if lang == "ja" else "Mail setup assistant")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("メール設定アシスタント" if lang == "ja" else "Mail setup assistant"))
    window.resize(640, 480)
    window.show()
    return int(app.exec())
