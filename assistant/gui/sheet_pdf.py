"""Render the settings sheet's HTML to a one-page A4 PDF with Qt's rich-text engine.

The only Qt part of the exports: the command line imports it just for ``--output x.pdf``. Qt
embeds the TrueType font it draws with, so the Japanese text prints anywhere; IPAGothic is the
CJK font the project installs (docs/background.md). The sheet is one page by design: if
long notes make it taller, it is scaled down to fit rather than cut or split.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QSizeF
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

FONT_FAMILY = "IPAPGothic"  # proportional Latin letters read better than IPAGothic's
MARGIN_MM = 14
DPI = 96  # CSS px in the sheet mean what they mean in a browser; text stays vector
_app: QGuiApplication | None = None  # kept alive when created here (command line, tests)


def _ensure_app() -> None:
    global _app
    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed
        _app = QGuiApplication([])


def render_pdf(html: str, title: str = "") -> bytes:
    """The PDF bytes of ``html``: one A4 portrait page with 14 mm margins."""
    _ensure_app()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("mail-assistant")
    writer.setResolution(DPI)
    writer.setPageLayout(QPageLayout(
        QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
        QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
    page = writer.pageLayout().paintRectPixels(DPI)

    document = QTextDocument()
    document.documentLayout().setPaintDevice(writer)  # points measured at the PDF's DPI
    font = QFont(FONT_FAMILY)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setDocumentMargin(0)
    document.setHtml(html)
    scale = 1.0
    for _ in range(4):  # shrink until the laid-out height fits the page
        document.setPageSize(QSizeF(page.width() / scale, 1e9))
        height = document.size().height()
        if height * scale <= page.height():
            break
        scale *= page.height() / (height * scale) * 0.99

    painter = QPainter(writer)
    painter.scale(scale, scale)
    document.drawContents(painter)
    painter.end()
    buffer.close()
    return bytes(data.data())
