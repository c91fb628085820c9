"""The save dialog with its labels from our catalogue.

Qt 6's own file dialog asks for "&Look in:" and "Files of &type:", which qtbase_ja.qm (6.x)
does not translate, so a Japanese member read English there beside translated buttons. The
labels are set through :meth:`QFileDialog.setLabelText` instead (a native dialog on Windows
is already in the system's language and ignores them).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QWidget


class FileDialogTexts(QObject):
    """A QObject only so that ``self.tr`` gives lupdate one context for these labels."""

    def labels(self) -> tuple[tuple[QFileDialog.DialogLabel, str], ...]:
        label = QFileDialog.DialogLabel
        return ((label.LookIn, self.tr("Look in:")), (label.FileName, self.tr("File name:")),
                (label.FileType, self.tr("Files of type:")), (label.Accept, self.tr("Save")),
                (label.Reject, self.tr("Cancel")))


def save_dialog(parent: QWidget, title: str, suggested: Path, filters: str = "") -> QFileDialog:
    dialog = QFileDialog(parent, title, str(suggested), filters)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    for which, text in FileDialogTexts(dialog).labels():
        dialog.setLabelText(which, text)
    return dialog


def ask_save_path(parent: QWidget, title: str, suggested: Path, filters: str = "") -> Path | None:
    """Where to save, or None when the member cancelled."""
    dialog = save_dialog(parent, title, suggested, filters)
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])
